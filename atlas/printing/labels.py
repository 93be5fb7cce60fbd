"""Where labels go on a printed diagram: a pure function over rectangles (no Qt).

Anchors (a marker's centre), label sizes and obstacles (markers, guide text)
come in, in points with y growing downwards; placed boxes come out. No label
overlaps another label or an obstacle, and every label stays inside `bounds`.
Labels are placed by rank (MUST, WANTED, IF_ROOM), in the order given within a
rank: each takes the first free place of its `candidates`, right beside its
anchor first and then further out, where the sheet draws a leader line to it.
A MUST label is tried out to the edge of the bounds before it is given up;
the others stop sooner (WANTED) or at once (IF_ROOM).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple


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

    def inside(self, other: Box) -> bool:
        return (
            other.left <= self.left
            and self.right <= other.right
            and other.top <= self.top
            and self.bottom <= other.bottom
        )

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


MUST = 0  # always shown if the bounds hold a free place anywhere
WANTED = 1  # tried a little further out; left out if nothing is free
IF_ROOM = 2  # shown only right beside its anchor


class Label(NamedTuple):
    """A label to place beside its anchor."""

    x: float
    y: float
    width: float
    height: float
    gap: float  # the clear space between the anchor and the label's near edge
    rank: int = IF_ROOM


#: How far out a label is tried, in label heights beyond its gap, by rank.
REACH: dict[int, tuple[float, ...]] = {
    MUST: (0.0, 0.75, 1.5, 2.5, 3.5, 5.0, 7.0, 9.5, 12.5, 16.0, 20.0),
    WANTED: (0.0, 0.75, 1.5, 2.5),
    IF_ROOM: (0.0,),
}


def candidates(label: Label, reach: float = 0.0) -> Iterator[Box]:
    """The places tried for a label, best first: right, left, above, below, then the
    four diagonals of the anchor, `reach` label heights further out."""
    x, y, w, h = label.x, label.y, label.width, label.height
    g = label.gap + reach * label.height
    d = g * 0.7071
    for left, top in (
        (x + g, y - h / 2),
        (x - g - w, y - h / 2),
        (x - w / 2, y - g - h),
        (x - w / 2, y + g),
        (x + d, y - d - h),
        (x - d - w, y + d),
        (x - d - w, y - d - h),
        (x + d, y + d),
    ):
        yield Box(left, top, left + w, top + h)


def place_labels(
    labels: Sequence[Label], obstacles: Iterable[Box], bounds: Box | None = None
) -> list[Box | None]:
    """A box for each label (None: left out), clear of the obstacles, of each other
    and of the bounds' edges. The same input always gives the same output."""
    grid = _Grid(obstacles)
    placed: list[Box | None] = [None] * len(labels)
    for index in sorted(range(len(labels)), key=lambda i: labels[i].rank):
        label = labels[index]
        box = next(
            (
                box
                for reach in REACH.get(label.rank, (0.0,))
                for box in candidates(label, reach)
                if (bounds is None or box.inside(bounds)) and not grid.collides(box)
            ),
            None,
        )
        if box is not None:
            grid.add(box)
            placed[index] = box
    return placed


class _Grid:
    """Boxes bucketed by cells, so a test looks at neighbours only."""

    CELL = 24.0

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
