"""Region cells: convex pieces that partition a frame into clickable regions."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from atlas.core.anatomy.geometry import Point, Polygon, area, clip_convex, quad


@dataclass
class FrameGeometry:
    """Outline pieces and the region partition of one frame, in frame B-cun."""

    frame: str
    # named closed outlines in frame coordinates (x, y); front/back use signed x
    outlines: dict[str, Polygon] = field(default_factory=dict)
    # region id (with -left/-right suffix) -> pieces (polygons) in frame coords
    regions: dict[str, list[Polygon]] = field(default_factory=dict)


Cell = list[Polygon]  # convex pieces, frame coordinates of the right half (l, y)

BIG = 60.0


def band(y0: float, y1: float, l0: float = 0.0, l1: float = BIG) -> Polygon:
    return quad(l0, y0, l1, y0, l1, y1, l0, y1)


def strip_below(y_top_line: Sequence[Point], y1: float) -> Cell:
    """Pieces between a polyline (y as a function of l) and the level y1."""
    pieces: Cell = []
    for (la, ya), (lb, yb) in itertools.pairwise(y_top_line):
        pieces.append([(la, ya), (lb, yb), (lb, y1), (la, y1)])
    return pieces


def strip_above(y_bottom_line: Sequence[Point], y0: float) -> Cell:
    pieces: Cell = []
    for (la, ya), (lb, yb) in itertools.pairwise(y_bottom_line):
        pieces.append([(la, y0), (lb, y0), (lb, yb), (la, ya)])
    return pieces


def intersect_cells(a: Cell, b: Cell) -> Cell:
    out: Cell = []
    for pa in a:
        for pb in b:
            piece = clip_convex(pa, pb)
            if len(piece) >= 3 and area(piece) > 1e-6:
                out.append(piece)
    return out


MIDLINE_REGIONS = {
    "head", "face", "neck", "chest", "abdomen", "upper_back", "lower_back", "sacral",
}  # fmt: skip


def clip_pieces(subject: Polygon, cell: Cell) -> list[Polygon]:
    out: list[Polygon] = []
    for piece in cell:
        clipped = clip_convex(subject, piece)
        if len(clipped) >= 3 and area(clipped) > 1e-4:
            out.append(clipped)
    return out


def mirror_cell(cell: Cell, sign: int) -> Cell:
    """Half-plane cell (l, y) -> signed frame coordinates: x = sign * l."""
    return [[(sign * lx, y) for lx, y in piece] for piece in cell]


def zband(y0: float, y1: float) -> Polygon:
    return quad(-BIG, y0, BIG, y0, BIG, y1, -BIG, y1)
