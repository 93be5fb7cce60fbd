"""Channel pathways: the drawing of each channel's course on a view.

`pathway_items` is the one way a course becomes scene items: it takes the
branches of each channel (scene units, the points of one branch and side each,
as the `pathways` table gives them) and returns the items, one smooth curve
per branch. The curve is a centripetal Catmull-Rom spline with its handles held
short beside short segments (`curve_segments`): unlike the uniform spline it
makes no loop or hook where a sharp turn meets a long segment.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from atlas.diagram.style import Z_PATH

Point = tuple[float, float]
Polyline = Sequence[Point]

#: The skin the pathways are drawn over (drawing.SKIN, drawing.SKIN_LIGHT).
_SKIN = (247, 232, 219)


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
                item = QGraphicsPathItem(smooth_path(line))
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


def smooth_path(points: Sequence[Point]) -> QPainterPath:
    """A smooth curve through the points (centripetal Catmull-Rom as cubic Béziers)."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(*points[0])
    for c1, c2, end in curve_segments(points):
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
    return path


def curve_segments(points: Sequence[Point], alpha: float = 0.5) -> list[tuple[Point, Point, Point]]:
    """The cubic Béziers (two control points and the end) of a smooth curve through
    the points.

    A Catmull-Rom spline with each knot spaced by the distance to the last raised
    to `alpha` (0.5: centripetal, which never forms a cusp or a loop inside a
    segment), whose handles are held to a third of the shorter of the two
    segments they join: where a sharp turn meets a long segment, the long
    segment's handle would otherwise swing its end out sideways into a hook.
    The ends run straight out of their points.
    """
    pts = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]  # no repeats
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(pts)]
    out: list[tuple[Point, Point, Point]] = []
    for i, length in enumerate(lengths):
        p0, p1, p2 = pts[max(i - 1, 0)], pts[i], pts[i + 1]
        p3 = pts[min(i + 2, len(pts) - 1)]
        d1, d2, d3 = (math.dist(a, b) ** alpha for a, b in ((p0, p1), (p1, p2), (p2, p3)))
        c1, c2 = p1, p2
        if d1 > 1e-9:
            a, n = 2 * d1 * d1 + 3 * d1 * d2 + d2 * d2, 3 * d1 * (d1 + d2)
            c1 = _held(p1, _mix(p1, a, p0, -d2 * d2, p2, d1 * d1, n), min(length, lengths[i - 1]))
        if d3 > 1e-9:
            b, m = 2 * d3 * d3 + 3 * d3 * d2 + d2 * d2, 3 * d3 * (d3 + d2)
            c2 = _held(p2, _mix(p2, b, p3, -d2 * d2, p1, d3 * d3, m), min(length, lengths[i + 1]))
        out.append((c1, c2, p2))
    return out


def _mix(a: Point, wa: float, b: Point, wb: float, c: Point, wc: float, n: float) -> Point:
    return (
        (a[0] * wa + b[0] * wb + c[0] * wc) / n,
        (a[1] * wa + b[1] * wb + c[1] * wc) / n,
    )


def _held(anchor: Point, handle: Point, segment: float) -> Point:
    """A handle no longer than a third of `segment` (its direction kept)."""
    reach = math.dist(anchor, handle)
    most = segment / 3
    if reach <= most:
        return handle
    f = most / reach
    return (anchor[0] + (handle[0] - anchor[0]) * f, anchor[1] + (handle[1] - anchor[1]) * f)
