"""Point labels: where they go (`place_labels`, a pure function over rectangles)
and how they are drawn (`LabelItem`).

`place_labels` knows nothing of Qt: anchors, sizes and obstacles in, placed
boxes out, in any units with y growing downwards. The window calls it in
device pixels after every zoom or scroll; a printed sheet can call it in
points.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from atlas.diagram.style import HIGHLIGHT, Z_LABEL

if TYPE_CHECKING:
    from atlas.diagram.markers import Marker


class Box(NamedTuple):
    """A rectangle by its edges (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def around(cls, x: float, y: float, radius: float) -> Box:
        """The square around a disc."""
        return cls(x - radius, y - radius, x + radius, y + radius)

    def overlaps(self, other: Box) -> bool:
        """Whether the two share area (touching edges do not)."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


# The ranks of labels, placed in this order:
MUST = 0  # always shown: tried further out, and at last put in its first place anyway
WANTED = 1  # tried further out; left out if nothing is free
IF_ROOM = 2  # shown only where there is room right beside its anchor


class Label(NamedTuple):
    """A label to place beside its anchor (a marker's centre, a guide line's middle).

    Without `toward` it is tried right, left, above and below its anchor; with it
    (a unit vector, y down), first on that side and then round the anchor from it.
    """

    x: float
    y: float
    width: float
    height: float
    gap: float  # the clear space between the anchor and the label's near edge
    rank: int = IF_ROOM
    toward: tuple[float, float] | None = None


#: How far out a MUST or WANTED label is tried, in label heights beyond its gap.
REACH = (0.0, 0.75, 1.5, 2.5, 4.0, 6.0, 9.0, 13.0)
#: The turns (degrees) from `toward` a label with one is tried at, best first.
TURNS = (0, 30, -30, 60, -60, 90, -90, 120, -120, 150, -150, 180)
_TURNS = [(math.cos(math.radians(t)), math.sin(math.radians(t))) for t in TURNS]


def candidates(label: Label, reach: float = 0.0) -> Iterator[Box]:
    """The places tried for a label, best first, `reach` label heights further out:
    right, left, above, below, then above right and below left of the anchor; or,
    for a label with `toward`, round the anchor starting on that side."""
    x, y, w, h = label.x, label.y, label.width, label.height
    g = label.gap + reach * h
    if label.toward is None:
        for left, top in (
            (x + g, y - h / 2),
            (x - g - w, y - h / 2),
            (x - w / 2, y - g - h),
            (x - w / 2, y + g),
            (x + g, y - h),
            (x - g - w, y),
        ):
            yield Box(left, top, left + w, top + h)
        return
    tx, ty = label.toward
    for c, s in _TURNS:
        ux, uy = tx * c - ty * s, tx * s + ty * c
        # the box's centre along the ray, so that its edge crosses the ray at g
        out = min(
            w / 2 / abs(ux) if abs(ux) > 1e-9 else math.inf,
            h / 2 / abs(uy) if abs(uy) > 1e-9 else math.inf,
        )
        cx, cy = x + ux * (g + out), y + uy * (g + out)
        yield Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def place_labels(
    labels: Sequence[Label], obstacles: Iterable[Box], bounds: Box | None = None
) -> list[Box | None]:
    """Place labels so that none overlaps another or an obstacle (markers, guide
    lines, cue arrows), and each lies within `bounds` (the part of the picture
    shown, so that no label is cut), if given.

    Labels are placed by rank (MUST, WANTED, IF_ROOM), in the order given within
    a rank. Each takes the first of its `candidates` clear of the obstacles and of
    the labels placed before it; MUST and WANTED labels are also tried further
    out (`REACH`), where the fine line drawn back to the anchor crosses no label.
    A MUST label with no free place is put where it covers the fewest boxes within
    the bounds (being shown wins over being clear); any other label without room
    is left out (None). The same input always gives the same output.
    """
    grid = _Grid(obstacles)
    texts = _Grid(())  # the labels placed so far, which no leader line may cross
    placed: list[Box | None] = [None] * len(labels)

    def inside(box: Box) -> bool:
        return bounds is None or (
            bounds.left <= box.left
            and box.right <= bounds.right
            and bounds.top <= box.top
            and box.bottom <= bounds.bottom
        )

    for index in sorted(range(len(labels)), key=lambda i: labels[i].rank):
        label = labels[index]
        box = None
        for reach in REACH if label.rank < IF_ROOM else REACH[:1]:
            box = next(
                (
                    b
                    for b in candidates(label, reach)
                    if inside(b)
                    and not grid.collides(b)
                    and not (reach and texts.crossed(label.x, label.y, b))
                ),
                None,
            )
            if box is not None:
                break
        if box is None and label.rank == MUST:
            # the place, nearest first, that covers the fewest things
            spots = [b for reach in REACH for b in candidates(label, reach) if inside(b)]
            box = min(spots, key=grid.count) if spots else next(candidates(label))
        if box is not None:
            grid.add(box)
            texts.add(box)
            placed[index] = box
    return placed


class _Grid:
    """Boxes bucketed by cells, so a test looks at neighbours only."""

    CELL = 48.0

    def __init__(self, boxes: Iterable[Box]) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = {}
        for box in boxes:
            self.add(box)

    def add(self, box: Box) -> None:
        cell, cells = self.CELL, self.cells
        for gx in range(int(box.left // cell), int(box.right // cell) + 1):
            for gy in range(int(box.top // cell), int(box.bottom // cell) + 1):
                cells.setdefault((gx, gy), []).append(box)

    def collides(self, box: Box) -> bool:
        cell, cells = self.CELL, self.cells
        left, top, right, bottom = box
        for gx in range(int(left // cell), int(right // cell) + 1):
            for gy in range(int(top // cell), int(bottom // cell) + 1):
                for o in cells.get((gx, gy), ()):
                    if left < o.right and o.left < right and top < o.bottom and o.top < bottom:
                        return True
        return False

    def crossed(self, x: float, y: float, box: Box) -> bool:
        """Whether the line from (x, y) to the box's middle passes through a box here
        (on its way: the part inside `box` itself does not count)."""
        mx, my = (box.left + box.right) / 2, (box.top + box.bottom) / 2
        steps = max(1, int(math.hypot(mx - x, my - y) / 3))
        for k in range(steps + 1):
            px, py = x + (mx - x) * k / steps, y + (my - y) * k / steps
            if box.left <= px <= box.right and box.top <= py <= box.bottom:
                return False
            key = (int(px // self.CELL), int(py // self.CELL))
            if any(
                o.left < px < o.right and o.top < py < o.bottom for o in self.cells.get(key, ())
            ):
                return True
        return False

    def count(self, box: Box) -> int:
        """How many boxes this one overlaps."""
        cell, cells = self.CELL, self.cells
        found = {
            id(o)
            for gx in range(int(box.left // cell), int(box.right // cell) + 1)
            for gy in range(int(box.top // cell), int(box.bottom // cell) + 1)
            for o in cells.get((gx, gy), ())
            if box.overlaps(o)
        }
        return len(found)


class LabelItem(QGraphicsItem):
    """A point code beside its marker, on a soft halo; framed when strong, and joined
    to its marker by a fine line when the layout had to put it further out."""

    def __init__(self, marker: Marker, text: str, font: QFont) -> None:
        super().__init__()
        self.marker = marker
        self.font = font
        self.text = ""
        self.size = QSize()
        self.set_text(text)
        self.offset = QPointF(0, 0)
        self.strong = False
        self.leader = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPos(marker.pos())
        self.setZValue(Z_LABEL)
        self.setVisible(False)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_text(self, text: str) -> None:
        """The code shown (in the code style chosen); sized for its bold, framed look."""
        if text != self.text:
            bold = QFont(self.font)
            bold.setBold(True)
            metrics = QFontMetricsF(bold)
            self.prepareGeometryChange()
            self.text = text
            self.size = QSize(int(metrics.horizontalAdvance(text) + 6), int(metrics.height() + 2))
            self.update()

    def rect(self) -> QRectF:
        """The label in device pixels relative to its marker."""
        return QRectF(self.offset, self.size.toSizeF())

    def boundingRect(self) -> QRectF:
        box = self.rect().adjusted(-1, -1, 1, 1)
        return box.united(QRectF(-1, -1, 2, 2)) if self.leader else box

    def place(self, offset: QPointF, strong: bool) -> None:
        """Put the label at an offset from its marker (device pixels), framed or not."""
        rect = QRectF(offset, self.size.toSizeF())
        nearest = QPointF(
            min(max(0.0, rect.left()), rect.right()), min(max(0.0, rect.top()), rect.bottom())
        )
        leader = math.hypot(nearest.x(), nearest.y()) > self.marker.outer() + 6
        if offset != self.offset or leader != self.leader:
            self.prepareGeometryChange()
            self.offset = offset
            self.leader = leader
        if strong != self.strong:
            self.strong = strong
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = widget.palette() if widget is not None else QPalette()
        rect = self.rect()
        text = palette.color(QPalette.ColorRole.Text)
        if self.leader:
            ink = QColor(HIGHLIGHT if self.strong else text)
            ink.setAlphaF(0.7)
            painter.setPen(QPen(ink, 1.0))
            centre = rect.center()
            length = math.hypot(centre.x(), centre.y()) or 1.0
            start = self.marker.outer() + 1
            painter.drawLine(
                QPointF(centre.x() * start / length, centre.y() * start / length), centre
            )
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlphaF(0.86)
        painter.setPen(QPen(HIGHLIGHT, 1.2) if self.strong else Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(rect, 3, 3)
        font = QFont(self.font)
        font.setBold(self.strong)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
