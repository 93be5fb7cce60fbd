"""Point labels: where they go (`place_labels`, a pure function over rectangles)
and how they are drawn (`LabelItem`).

`place_labels` knows nothing of Qt: anchors, sizes and obstacles in, placed
boxes out, in any units with y growing downwards. The window calls it in
device pixels after every zoom or scroll; a printed sheet can call it in
points.
"""

from __future__ import annotations

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
    """A label to place beside its anchor (a marker's centre)."""

    x: float
    y: float
    width: float
    height: float
    gap: float  # the clear space between the anchor and the label's near edge
    rank: int = IF_ROOM


#: How far out a MUST or WANTED label is tried, in label heights beyond its gap.
REACH = (0.0, 0.75, 1.5, 2.5)


def candidates(label: Label, reach: float = 0.0) -> Iterator[Box]:
    """The places tried for a label, best first: right, left, above, below, then
    above right and below left of the anchor, `reach` label heights further out."""
    x, y, w, h = label.x, label.y, label.width, label.height
    g = label.gap + reach * h
    for left, top in (
        (x + g, y - h / 2),
        (x - g - w, y - h / 2),
        (x - w / 2, y - g - h),
        (x - w / 2, y + g),
        (x + g, y - h),
        (x - g - w, y),
    ):
        yield Box(left, top, left + w, top + h)


def place_labels(
    labels: Sequence[Label],
    obstacles: Iterable[Box],
    bounds: Box | None = None,
    reach: Sequence[float] = REACH,
) -> list[Box | None]:
    """Place labels so that none overlaps another or an obstacle (markers, guide text).

    Labels are placed by rank (MUST, WANTED, IF_ROOM), in the order given within
    a rank. Each takes the first of its `candidates` clear of the obstacles and of
    the labels placed before it (and inside `bounds`, when given: a printed
    picture's edge); MUST and WANTED labels are also tried further out (`reach`,
    in label heights; a printed sheet, which draws a leader line to a label moved
    out, tries further). A MUST label with no free place is put in its first place
    regardless (being shown wins over being clear); any other label without room
    is left out (None). The same input always gives the same output.
    """
    grid = _Grid(obstacles)
    placed: list[Box | None] = [None] * len(labels)

    def free(box: Box) -> bool:
        inside = bounds is None or (
            bounds.left <= box.left
            and box.right <= bounds.right
            and bounds.top <= box.top
            and box.bottom <= bounds.bottom
        )
        return inside and not grid.collides(box)

    for index in sorted(range(len(labels)), key=lambda i: labels[i].rank):
        label = labels[index]
        box = None
        for further in reach if label.rank < IF_ROOM else reach[:1]:
            box = next((b for b in candidates(label, further) if free(b)), None)
            if box is not None:
                break
        if box is None and label.rank == MUST:
            box = next(candidates(label))
        if box is not None:
            grid.add(box)
            placed[index] = box
    return placed


class _Grid:
    """Boxes bucketed by cells, so a test looks at neighbours only."""

    CELL = 48.0

    def __init__(self, boxes: Iterable[Box]) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = {}
        for box in boxes:
            self.add(box)

    def _cells(self, box: Box) -> Iterator[tuple[int, int]]:
        cell = self.CELL
        for gx in range(int(box.left // cell), int(box.right // cell) + 1):
            for gy in range(int(box.top // cell), int(box.bottom // cell) + 1):
                yield gx, gy

    def add(self, box: Box) -> None:
        for key in self._cells(box):
            self.cells.setdefault(key, []).append(box)

    def collides(self, box: Box) -> bool:
        cells = self.cells
        return any(box.overlaps(other) for key in self._cells(box) for other in cells.get(key, ()))


class LabelItem(QGraphicsItem):
    """A point code beside its marker, on a soft halo; framed when strong."""

    def __init__(self, marker: Marker, font: QFont, metrics: QFontMetricsF) -> None:
        super().__init__()
        self.marker = marker
        self.text = marker.code
        self.font = font
        self.size = QSize(int(metrics.horizontalAdvance(self.text) + 6), int(metrics.height() + 2))
        self.offset = QPointF(0, 0)
        self.strong = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPos(marker.pos())
        self.setZValue(Z_LABEL)
        self.setVisible(False)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def rect(self) -> QRectF:
        """The label in device pixels relative to its marker."""
        return QRectF(self.offset, self.size.toSizeF())

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-1, -1, 1, 1)

    def place(self, offset: QPointF, strong: bool) -> None:
        """Put the label at an offset from its marker (device pixels), framed or not."""
        if offset != self.offset:
            self.prepareGeometryChange()
            self.offset = offset
        if strong != self.strong:
            self.strong = strong
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = widget.palette() if widget is not None else QPalette()
        rect = self.rect()
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlphaF(0.86)
        painter.setPen(QPen(HIGHLIGHT, 1.2) if self.strong else Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(rect, 3, 3)
        font = QFont(self.font)
        font.setBold(self.strong)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)
