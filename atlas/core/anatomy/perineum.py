"""The perineum frame: the body seen from below, as a patient lies for it.

No full-body view sees the perineum (from behind it is hidden between the
buttocks, from the front and side between the thighs), so CV1 and GV1 have this
picture of their own: the patient on the back with the thighs drawn up and
apart (the lithotomy position), seen from below. The front of the body (the
pubis) is at the top of the picture, the coccyx at the bottom, and the
patient's right on the viewer's left, as on the front view.

Positions are ``(l, y)``: ``l`` the distance from the median line, ``y`` from
the centre of the anus toward the coccyx (negative toward the genitals), in
B-cun.
"""

from __future__ import annotations

from atlas.core.anatomy.cells import BIG, MIDLINE_REGIONS, Cell, FrameGeometry, clip_pieces
from atlas.core.anatomy.geometry import Point, Polygon, catmull_rom, quad

#: the back edge of the genitals (of the scrotum, or the posterior commissure of
#: the labia majora), whose outline the picture leaves out
_GENITALS_HALF: list[Point] = [(0.0, -1.75), (0.7, -1.92), (1.1, -2.4), (1.2, -3.2), (1.2, -6.0)]

#: the rest of the silhouette, right half: up the thigh beyond the picture, down
#: its outer side to the fold below the buttock, round the buttock to the cleft
_OUTLINE_HALF: list[Point] = [
    (6.5, -6.0), (6.0, -2.0), (5.15, -0.25), (5.0, 0.6), (4.5, 2.0), (3.7, 3.0), (2.5, 3.6),
    (1.3, 3.8), (0.5, 3.65), (0.12, 3.3), (0.0, 3.15),
]  # fmt: skip

LANDMARKS: dict[str, Point] = {
    "anus": (0.0, 0.0),
    "genitals_back_edge": _GENITALS_HALF[0],
    "coccyx_tip": (0.0, 2.1),
    "ischial_tuberosity": (2.3, 0.25),
}


def genitals_outline() -> Polygon:
    """The back of the genitals (drawn in the art, not a region: no point is there)."""
    half = catmull_rom(_GENITALS_HALF, steps=6)
    return [(-x, y) for x, y in reversed(half)] + half[1:]


def perineum_geometry() -> FrameGeometry:
    """The region below the pelvis: the perineum and anus on the median line (the
    sacral region of CV1 and GV1), the buttocks behind, the thighs in front."""
    geo = FrameGeometry("perineum")
    half = catmull_rom(_GENITALS_HALF, steps=6)[:-1] + catmull_rom(
        [_GENITALS_HALF[-1], *_OUTLINE_HALF], steps=6
    )
    right = [(-x, y) for x, y in half]
    left = [(x, y) for x, y in reversed(half[1:-1])]
    body = right + left
    geo.outlines["body"] = body
    # right half (l, y), convex pieces
    cells: dict[str, Cell] = {
        "sacral": [
            [(0.0, -2.6), (1.1, -2.6), (1.25, 0.0), (0.0, 0.0)],
            [(0.0, 0.0), (1.25, 0.0), (0.7, 2.6), (0.0, 2.6)],
            quad(0.0, 2.6, 0.7, 2.6, 0.45, BIG, 0.0, BIG),
        ],
        "thigh": [
            [(1.1, -2.6), (1.1, -BIG), (BIG, -BIG), (BIG, 0.4), (1.25, 0.0)],
        ],
        "buttock": [
            [(1.25, 0.0), (BIG, 0.4), (BIG, BIG), (0.45, BIG), (0.7, 2.6)],
        ],
    }
    for name, cell in cells.items():
        for side, sign in (("right", -1), ("left", 1)):
            pieces = [[(sign * x, y) for x, y in piece] for piece in cell]
            rid = name if name in MIDLINE_REGIONS else f"{name}-{side}"
            geo.regions.setdefault(rid, []).extend(clip_pieces(body, pieces))
    return geo
