"""Channel pathways: the drawing of each channel's course on a view.

`pathway_items` is the one way a course becomes scene items: it takes the
polylines of each channel (scene units, one per run of the course) and returns
the items. Where the polylines come from is the caller's business; until the
courses are data, `courses_in_point_order` joins a channel's points in code
order, per side, breaking the line where numbers are missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from atlas.diagram.style import Z_PATH

Polyline = Sequence[tuple[float, float]]

#: The skin the pathways are drawn over (drawing.SKIN, drawing.SKIN_LIGHT).
_SKIN = (247, 232, 219)


def courses_in_point_order(
    points: Iterable[tuple[str, str, int, float, float]],
) -> dict[str, list[list[tuple[float, float]]]]:
    """Polylines per channel through its points in code order, one per side and run.

    `points` are (channel, side, number, x, y); a missing number starts a new run.
    """
    by_side: dict[tuple[str, str], list[tuple[int, float, float]]] = {}
    for channel, side, number, x, y in points:
        by_side.setdefault((channel, side), []).append((number, x, y))
    courses: dict[str, list[list[tuple[float, float]]]] = {}
    for (channel, _side), items in by_side.items():
        items.sort(key=lambda t: t[0])
        runs: list[list[tuple[float, float]]] = [[]]
        last: int | None = None
        for number, x, y in items:
            if last is not None and number - last > 1:
                runs.append([])
            runs[-1].append((x, y))
            last = number
        courses.setdefault(channel, []).extend(runs)
    return courses


def pathway_items(
    courses: Mapping[str, Sequence[Polyline]], colours: Mapping[str, QColor]
) -> dict[str, list[QGraphicsPathItem]]:
    """The items that draw each channel's course: a smooth curve per polyline of two
    points or more, in the channel's colour (plain Qt items: a Python subclass is
    called back at every paint)."""
    items: dict[str, list[QGraphicsPathItem]] = {}
    for channel, lines in courses.items():
        pen = QPen(colours[channel], 2.0)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for line in lines:
            if len(line) > 1:
                item = QGraphicsPathItem(smooth_path([QPointF(x, y) for x, y in line]))
                item.setPen(pen)
                item.setZValue(Z_PATH)
                item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                items.setdefault(channel, []).append(item)
    return items


def restyle(
    items: Iterable[QGraphicsPathItem], colour: QColor, focused: bool, faded: bool, visible: bool
) -> None:
    """A channel's course brought forward (full colour, thicker), faded (another one
    is), or neither; shown or hidden."""
    shade = ink(colour, 1.0 if focused else (0.25 if faded else 0.7))
    for item in items:
        pen = item.pen()
        pen.setColor(shade)
        pen.setWidthF(4.0 if focused else 2.0)
        item.setPen(pen)
        item.setZValue(Z_PATH + (0.5 if focused else 0.0))
        item.setVisible(visible)


def ink(colour: QColor, strength: float) -> QColor:
    """A pathway's colour at a strength, mixed with the skin beneath and opaque.

    The look of a translucent stroke over the figure, at a third of the cost: the
    raster engine strokes a translucent path as one merged outline, an opaque one
    piece by piece."""
    rgb = (colour.red(), colour.green(), colour.blue())
    mixed = (round(c * strength + s * (1 - strength)) for c, s in zip(rgb, _SKIN, strict=True))
    return QColor(*mixed)


def smooth_path(points: list[QPointF]) -> QPainterPath:
    """A smooth curve through the points (Catmull-Rom as cubic Béziers)."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    if len(points) == 2:
        path.lineTo(points[1])
        return path
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        c1 = p1 + (p2 - p0) / 6.0
        c2 = p2 - (p3 - p1) / 6.0
        path.cubicTo(c1, c2, p2)
    return path
