"""The front and back frames: the figure seen from the front or the back.

Positions are ``(l, y)``: ``l`` the distance from the median line (>= 0, the
same for either side; bilateral points are mirrored), ``y`` down from the vertex.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from atlas.core.anatomy import hand, scalp
from atlas.core.anatomy import trunk as tk
from atlas.core.anatomy.cells import (
    BIG,
    MIDLINE_REGIONS,
    Cell,
    FrameGeometry,
    band,
    clip_pieces,
    intersect_cells,
    mirror_cell,
    strip_above,
    strip_below,
)
from atlas.core.anatomy.foot import x_at
from atlas.core.anatomy.geometry import Point, Polygon, at_level, catmull_rom, lerp, quad
from atlas.core.anatomy.levels import ICS_MID, POSTERIOR_HAIRLINE, SPINE, spine_marks

# The right half of the figure seen from the front, as (l, y) control points,
# from the vertex down around the head, arm and leg to the crotch.
# The face below the vault's widest level (the vault above it is scalp.outline).
_FACE_HALF: list[Point] = [
    (3.66, 5.0), (3.6, 5.8), (3.48, 7.0), (3.22, 8.05), (2.78, 8.95), (2.2, 9.7),
    (1.35, 10.15), (0.0, 10.35),
]  # fmt: skip

_BODY_HALF: list[Point] = [
    # the neck, from the angle of the jaw, and the slope of the trapezius
    (2.665, 9.13), (2.55, 10.0), (2.55, 11.0), (2.7, 11.9), (3.08, 12.7), (3.7, 13.22),
    (4.3, 13.55), (6.1, 13.95),
    (7.3, 14.4), (8.25, 15.25), (8.8, 16.6), (9.05, 18.4), (9.05, 20.6), (9.1, 23.5),
    (9.25, 26.5), (9.6, 28.5), (10.0, 30.6), (10.2, 33.5), (10.3, 37.0), (10.32, 38.6),
    # the hand (atlas.core.anatomy.hand)
    *hand.hand_half(),
    # medial forearm and arm up to the axilla
    (7.95, 38.0), (7.5, 34.0), (7.2, 31.0), (7.15, 28.5), (7.0, 25.5), (6.85, 22.5),
    (6.7, 20.3), (6.45, 19.3),
    # trunk side, hip, lateral leg
    (6.3, 20.4), (6.35, 22.0), (6.25, 24.0), (5.95, 26.5), (5.6, 29.3), (5.75, 31.8),
    (6.25, 34.0), (6.7, 36.5), (6.85, 38.8), (6.8, 41.5), (6.5, 45.5), (5.95, 50.0),
    (5.0, 53.8), (4.55, 56.0), (4.5, 57.8), (4.7, 60.5), (4.55, 63.5), (4.0, 67.0),
    (3.45, 70.0), (3.3, 71.6),
    # (the foot: _FOOT_FRONT or _FOOT_BACK) and the medial side of the leg
    (1.2, 71.2), (1.1, 69.0), (0.85, 65.0), (0.75, 62.0),
    (0.85, 59.2), (0.6, 56.5), (0.55, 53.5), (0.35, 48.5), (0.15, 43.5), (0.0, 41.0),
]  # fmt: skip
#: the outline's last point above the foot, on the lateral side of the leg
_ABOVE_FOOT: Point = (3.3, 71.6)

# The right foot seen from the front, a little from above (so the dorsum and the
# toes show, the toes reaching below the sole's level), lateral to medial.
_FOOT_FRONT: list[Point] = [
    (3.58, 72.9), (3.78, 73.6), (4.05, 74.3), (4.2, 74.85),
    # little toe, fourth, third, second, big toe
    (4.18, 75.25), (4.08, 75.5), (3.92, 75.58), (3.76, 75.47), (3.66, 75.05),
    (3.6, 75.45), (3.5, 75.74), (3.36, 75.8), (3.2, 75.73), (3.11, 75.4), (3.08, 75.12),
    (3.04, 75.55), (2.94, 75.88), (2.78, 75.95), (2.62, 75.88), (2.52, 75.55), (2.47, 75.2),
    (2.42, 75.6), (2.32, 75.98), (2.14, 76.06), (1.96, 75.98), (1.84, 75.6), (1.76, 75.2),
    (1.74, 75.7), (1.58, 76.02), (1.3, 76.1), (1.02, 76.0), (0.84, 75.68), (0.78, 75.2),
    # the joint of the big toe, the inner edge of the foot, the medial malleolus
    (0.74, 74.5), (0.84, 73.8), (0.98, 72.95), (1.06, 72.1),
]  # fmt: skip

# The right foot from behind: the heel, with the forefoot's edges either side.
_FOOT_BACK: list[Point] = [
    (3.55, 72.9), (3.72, 73.7), (3.8, 74.5), (3.55, 74.95), (3.0, 75.08), (2.4, 75.12),
    (1.8, 75.08), (1.25, 74.85), (0.98, 74.3), (0.95, 73.4), (1.06, 72.3),
]  # fmt: skip

#: The borders of the sternocleidomastoid seen from the front (right half): from
#: under the angle of the jaw down to the sternum (its front), and from the side of
#: the neck down to the medial third of the clavicle (its back).
FRONT_SCM_FRONT: tuple[Point, Point] = ((2.55, 9.3), (0.45, 14.8))
FRONT_SCM_BACK: tuple[Point, Point] = ((2.5, 10.3), (2.6, 14.9))

# The arm/trunk separator (l as a function of y), through the gap under the axilla
# and between the hand and the thigh.
ARM_SEP: list[Point] = [(6.45, 19.3), (7.1, 41.0), (7.0, 49.0)]


#: where the elbow region ends and the forearm begins
ELBOW_FOREARM_Y = 29.6
#: where the arm's outline crosses the cubital crease, on its radial and ulnar sides
ARM_ELBOW_RADIAL: Point = (9.6, 28.5)
ARM_ELBOW_ULNAR: Point = (7.15, 28.5)


def body_half() -> list[Point]:
    """The control points of the body's right half (before smoothing)."""
    return list(_BODY_HALF)


def _mirror(half: Sequence[Point]) -> Polygon:
    """Right half (l >= 0) -> a closed outline in signed x (right side at -l)."""
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half) if lx > 0]
    return right + left


# Seen from behind there is no chin: below the vault's widest level the head
# narrows over the mastoid processes into the neck, which hides its lower edge.
_OCCIPUT_HALF: list[Point] = [
    (3.66, 5.0), (3.62, 5.9), (3.48, 6.8), (3.25, 7.6), (2.95, 8.4), (2.665, 9.13),
]  # fmt: skip


def _vault_half() -> list[Point]:
    """The right half of the vault's silhouette, from the vertex down to its widest level."""
    cy = scalp.CENTRE[1]
    vault = [(abs(x), y) for x, y in scalp.outline("front") if x >= 0 and y < cy]
    vault.sort(key=lambda p: p[1])
    return [(0.0, vault[0][1]), *vault]


def head_outline_front() -> Polygon:
    """The head seen from the front: the vault's silhouette, then the face."""
    face = catmull_rom(_FACE_HALF, steps=6)
    half = [*_vault_half(), *face[1:]]
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half[1:-1])]
    return right + left


def head_outline_back() -> Polygon:
    """The head seen from behind (signed x, the figure's right at +x), from the neck on
    the left up over the vault and down to the neck on the right: its closing edge, the
    lower edge, lies inside the neck and is never drawn."""
    # the last control point is the neck's next one, so that head and neck meet smoothly
    steps = 6
    occiput = catmull_rom([*_OCCIPUT_HALF, _BODY_HALF[1]], steps=steps)[1:-steps]
    half = [*_vault_half(), *occiput]
    return [(-lx, y) for lx, y in reversed(half)] + [(lx, y) for lx, y in half[1:]]


def body_outline_front(frame: str = "front") -> Polygon:
    """Neck, trunk, arms and legs (no head) as one closed outline, signed x."""
    at = _BODY_HALF.index(_ABOVE_FOOT) + 1
    foot = _FOOT_FRONT if frame == "front" else _FOOT_BACK
    half = catmull_rom([*_BODY_HALF[:at], *foot, *_BODY_HALF[at:]], steps=6)
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half)]
    return right + left


def ear_outline_front(sign: int, head: Polygon) -> Polygon:
    """The auricle seen from the front or back, outside the head outline on one side.

    ``sign`` is the screen side (-1 left of the median line, +1 right); the inner
    edge follows the head outline so that ear and head share a border.
    """
    pts = [(3.66, 4.5), (3.98, 4.35), (4.22, 4.8), (4.3, 5.8), (4.15, 6.9), (3.85, 7.6),
           (3.47, 7.05)]  # fmt: skip
    outer = [(sign * lx, y) for lx, y in catmull_rom(pts, steps=6)]
    inner = [p for p in head if p[0] * sign > 0 and 4.5 < p[1] < 7.05]
    inner.sort(key=lambda p: -p[1])
    return outer + inner


# ---------------------------------------------------------------- region cells


def _sep_l(y: float) -> float:
    """The arm/trunk separator: straight down from the top of the axilla, then along
    the gap between arm and trunk."""
    if y <= ARM_SEP[0][1]:
        return ARM_SEP[0][0]
    # the segment holding y (the last one, extended, below its end)
    (l0, y0), (l1, y1) = next(
        (a, b) for a, b in itertools.pairwise(ARM_SEP) if y <= b[1] or b == ARM_SEP[-1]
    )
    return l0 + (l1 - l0) * (y - y0) / (y1 - y0)


def _arm_band(y0: float, y1: float) -> Cell:
    """The part of the arm domain between two levels (lateral of the separator)."""
    levels = [y0, *(y for _, y in ARM_SEP if y0 < y < y1), y1]
    return [
        [(_sep_l(a), a), (BIG, a), (BIG, b), (_sep_l(b), b)] for a, b in itertools.pairwise(levels)
    ]


def _hand_cells() -> dict[str, Cell]:
    """Wrist, hand and fingers (in the arm domain): the fingers begin at the MCP
    joints on the radial side of the index, the ulnar side of the little finger and
    across the thumb, and at the web margins between the fingers."""
    wrist_y, hand_y = 40.1, 41.3
    crotch = hand.WEBS["1_2"]
    index_mcp = hand.digit_edges("index")[0][0]
    little_mcp = hand.digit_edges("little")[1][0]
    # across the thumb at its MCP joint, perpendicular to the first metacarpal
    (cl, cy), (ml, my) = hand.joint("thumb", 0), hand.joint("thumb", 1)
    slope = -(ml - cl) / (my - cy)  # dy/dl along the line
    u = (crotch[0], my + (crotch[0] - ml) * slope)
    lw = crotch[0] + (hand_y - u[1]) / slope
    webs = [index_mcp, hand.WEBS["2_3"], hand.WEBS["3_4"], hand.WEBS["4_5"], little_mcp,
            (little_mcp[0] - 3.0, little_mcp[1])]  # fmt: skip
    fingers: Cell = [
        [u, (lw, hand_y), (BIG, hand_y), (BIG, 60.0), (crotch[0], 60.0)],
        [crotch, index_mcp, (index_mcp[0], 60.0), (crotch[0], 60.0)],
        *strip_below(webs, 60.0),
    ]
    palm: Cell = [
        [(crotch[0], hand_y), (lw, hand_y), u],
        [(index_mcp[0], hand_y), (crotch[0], hand_y), crotch, index_mcp],
        *strip_above(webs, hand_y),
    ]
    return {
        "wrist": _arm_band(wrist_y, hand_y),
        "hand": intersect_cells(palm, _arm_band(hand_y, 60.0)),
        "fingers": intersect_cells(fingers, _arm_band(hand_y, 60.0)),
    }


def _trunk_band(y0: float, y1: float, l0: float = 0.0) -> Cell:
    """The trunk between two levels, medial of the separator (split where it bends)."""
    bend = ARM_SEP[0][1]
    levels = [y0, bend, y1] if y0 < bend < y1 else [y0, y1]
    return [
        [(l0, a), (_sep_l(a), a), (_sep_l(b), b), (l0, b)] for a, b in itertools.pairwise(levels)
    ]


# the hairline on the front and back, as (l, y) polylines
_HAIRLINE_FRONT: list[Point] = [(0.0, 1.95), (1.6, 2.05), (2.6, 2.4), (2.8, 5.6),
                                (BIG, 5.6)]  # fmt: skip
# above the jaw: the neck's cell reaches up under the face, which cuts it at its outline
_JAW_LINE: list[Point] = [(0.0, 8.5), (BIG, 8.5)]
_CLAVICLE_LINE: list[Point] = [(0.0, 15.0), (1.1, 14.9), (3.0, 15.0), (5.2, 14.75),
                               (6.45, 14.5)]  # fmt: skip


# the lower edge of the ankle on the front and the back, and the bases of the toes
# on the front (the joint of the big toe, then the webs), as (l, y) polylines
_ANKLE_FRONT: list[Point] = [(0.0, 72.65), (6.0, 74.0)]
_ANKLE_BACK: list[Point] = [(0.0, 72.35), (1.3, 72.55), (2.2, 72.9), (3.0, 73.3), (6.0, 73.6)]
_TOES_FRONT: list[Point] = [(0.0, 74.55), (1.0, 74.6), (1.76, 75.2), (2.47, 75.2), (3.08, 75.12),
                            (3.66, 75.05), (6.0, 75.05)]  # fmt: skip


#: the tibia on the front view: its anterior crest and its medial border, (l, y)
TIBIA_CREST_FRONT: list[Point] = [(2.55, 58.6), (2.35, 62.0), (2.15, 68.0), (2.05, 71.0)]
TIBIA_BORDER_FRONT: list[Point] = [(1.05, 59.3), (0.98, 63.0), (1.08, 67.0), (1.3, 70.5)]
#: the toes on the front view, big toe first: (l of the toe's axis, y of its nail's
#: free edge, half-width of the nail, length of the nail)
TOES_FRONT: tuple[tuple[float, float, float, float], ...] = (
    (1.3, 75.96, 0.26, 0.42),
    (2.14, 75.92, 0.16, 0.27),
    (2.78, 75.82, 0.15, 0.25),
    (3.36, 75.67, 0.14, 0.23),
    (3.92, 75.46, 0.12, 0.19),
)
#: the metatarsals on the front view, big toe first: (base, head)
METATARSALS_FRONT: tuple[tuple[Point, Point], ...] = (
    ((1.15, 73.65), (1.1, 74.6)),
    ((1.95, 73.5), (2.12, 74.85)),
    ((2.45, 73.6), (2.72, 74.8)),
    ((2.9, 73.7), (3.25, 74.72)),
    ((3.35, 73.75), (3.8, 74.6)),
)


def _foot_front_landmarks() -> dict[str, Point]:
    """Landmarks of the shin and the foot on the front view, from the drawn anatomy."""

    def tibia_surface(y: float) -> Point:
        return ((x_at(TIBIA_CREST_FRONT, y) + x_at(TIBIA_BORDER_FRONT, y)) / 2, y)

    (b1, _), (b2, h2), (_, h3), _, _ = METATARSALS_FRONT
    marks: dict[str, Point] = {
        # the middle of the tibia's medial surface, named at the malleolus and the condyle
        "tibia_surface_ankle": tibia_surface(72.0),
        "tibia_surface_knee": tibia_surface(59.0),
        "metatarsal_1_2_bases": lerp(b1, b2, 0.5),
        "metatarsal2_base": b2,
        "metatarsal_2_3_heads": lerp(h2, h3, 0.5),
    }
    names = ("big", "second", "third", "fourth", "little")
    for name, (lx, tip, w, length) in zip(names, TOES_FRONT, strict=True):
        marks[f"{name}_toe_tip"] = (lx, tip)
        marks[f"{name}_toe_nail_medial"] = (lx - w, tip - length)
        marks[f"{name}_toe_nail_lateral"] = (lx + w, tip - length)
    return marks


def front_back_cells(frame: str) -> dict[str, Cell]:
    """Region cells for the right half of the front or back frame."""
    c: dict[str, Cell] = {}
    # head / face (front) or head / neck (back)
    if frame == "front":
        c["head"] = strip_above(_HAIRLINE_FRONT, -5.0)
        c["face"] = [
            piece
            for a, b in itertools.pairwise(_HAIRLINE_FRONT)
            for piece in [[a, b, (b[0], 12.0), (a[0], 12.0)]]
        ]
        c["neck"] = intersect_cells(
            strip_below(_JAW_LINE, 20.0),
            [*strip_above(_CLAVICLE_LINE, -5.0), quad(6.45, -5, BIG, -5, BIG, 14.5, 6.45, 14.5)],
        )
        c["neck"] = intersect_cells(c["neck"], [band(-5.0, 16.0, 0.0, 6.45)])
        c["chest"] = intersect_cells(
            [*strip_below(_CLAVICLE_LINE, 24.0), band(24.0, 27.5)],
            _trunk_band(-5.0, 40.0),
        )
        c["chest"] = intersect_cells(c["chest"], [band(-5.0, 40.0, 0.0, 6.45)])
        # the costal margin divides chest and abdomen
        costal = [*tk.COSTAL_MARGIN, (BIG, tk.COSTAL_MARGIN[-1][1])]
        c["chest"] = intersect_cells(strip_below(_CLAVICLE_LINE, 40.0), strip_above(costal, -5.0))
        c["chest"] = intersect_cells(c["chest"], _trunk_band(-5.0, 40.0))
        c["abdomen"] = intersect_cells(
            strip_below(costal, 38.2),
            [
                quad(0.0, 20.0, _sep_l(20.0), 20.0, _sep_l(33.0), 33.0, 0.0, 33.0),
                quad(0.0, 33.0, _sep_l(33.0), 33.0, 4.2, 38.2, 0.0, 38.2),
            ],
        )
        # the hip ends where the thigh's front begins, below the anterior superior iliac spine
        c["hip"] = [quad(4.2, 38.2, _sep_l(33.0), 33.0, _sep_l(39.0), 39.0, 4.2, 39.0)]
        c["thigh"] = [
            quad(0.0, 38.2, 4.2, 38.2, 4.2, 41.5, 0.0, 41.5),
            quad(4.2, 39.0, _sep_l(39.0), 39.0, _sep_l(41.5), 41.5, 4.2, 41.5),
            quad(0.0, 41.5, _sep_l(41.5), 41.5, 6.0, 54.3, 0.0, 54.3),
        ]
        c["knee"] = [band(54.3, 58.6, 0.0, 6.0)]
        c["leg"] = [band(58.6, 71.0, 0.0, 6.0)]
        c["ankle"] = strip_above(_ANKLE_FRONT, 71.0)
        c["foot"] = intersect_cells(strip_below(_ANKLE_FRONT, 80.0), strip_above(_TOES_FRONT, 70.0))
        c["toes"] = intersect_cells(strip_below(_ANKLE_FRONT, 80.0), strip_below(_TOES_FRONT, 80.0))
    else:
        hair_back = [(0.0, 7.0), (2.0, 7.0), (2.7, 8.6), (BIG, 8.6)]
        c["head"] = strip_above(hair_back, -5.0)
        c["neck"] = intersect_cells(
            strip_below(hair_back, 20.0),
            [quad(0.0, 0.0, 3.4, 0.0, 3.4, 12.59, 0.0, 13.95)],
        )
        c["upper_back"] = intersect_cells(
            [[(0.0, 13.95), (3.4, 12.59), (3.4, 14.8), (6.45, 14.8), (6.45, 28.6), (0.0, 28.6)]],
            _trunk_band(0.0, 28.6),
        )
        c["upper_back"] = [
            piece
            for cell in (
                [[(0.0, 13.95), (3.4, 12.59), (3.4, 28.6), (0.0, 28.6)]],
                [quad(3.4, 14.8, 6.45, 14.8, 6.45, 28.6, 3.4, 28.6)],
            )
            for piece in intersect_cells(cell, _trunk_band(0.0, 28.6))
        ]
        c["lower_back"] = _trunk_band(28.6, 35.0)
        c["sacral"] = [
            quad(0.0, 35.0, 2.1, 35.0, 1.55, 39.0, 0.0, 39.0),
            quad(0.0, 39.0, 1.55, 39.0, 0.3, 39.5, 0.0, 39.5),
            quad(0.0, 39.5, 0.3, 39.5, 0.3, 41.5, 0.0, 41.5),
        ]
        c["buttock"] = [
            quad(2.1, 35.0, _sep_l(35.0), 35.0, _sep_l(39.0), 39.0, 1.55, 39.0),
            [(1.55, 39.0), (_sep_l(39.0), 39.0), (_sep_l(43.4), 43.4), (0.3, 43.4), (0.3, 39.5)],
            quad(0.0, 41.5, 0.3, 41.5, 0.3, 43.4, 0.0, 43.4),
        ]
        c["thigh"] = [quad(0.0, 43.4, _sep_l(43.4), 43.4, 6.0, 54.3, 0.0, 54.3)]
        c["knee"] = [band(54.3, 58.6, 0.0, 6.0)]
        c["leg"] = [band(58.6, 71.0, 0.0, 6.0)]
        c["ankle"] = strip_above(_ANKLE_BACK, 71.0)
        c["foot"] = strip_below(_ANKLE_BACK, 80.0)
    # the arm (same on front and back)
    # the shoulder's lower edge meets the axilla and the upper arm without a gap
    c["shoulder"] = [
        quad(6.45, -5.0, 7.5, -5.0, 7.5, 19.55, 6.45, 19.0),
        quad(7.5, -5.0, BIG, -5.0, BIG, 20.4, 7.5, 19.55),
    ]
    if frame == "back":
        c["shoulder"].append(quad(3.4, -5.0, 6.45, -5.0, 6.45, 14.8, 3.4, 14.8))
    c["axilla"] = [quad(6.45, 19.0, 7.5, 19.55, 7.5, 21.0, _sep_l(21.0), 21.0)]
    c["upper_arm"] = [
        quad(7.5, 19.55, BIG, 20.4, BIG, 27.2, 7.5, 27.2),
        quad(_sep_l(21.0), 21.0, 7.5, 21.0, 7.5, 27.2, _sep_l(27.2), 27.2),
    ]
    c["elbow"] = _arm_band(27.2, ELBOW_FOREARM_Y)
    c["forearm"] = _arm_band(ELBOW_FOREARM_Y, 40.1)
    c.update(_hand_cells())
    return c


def front_back_geometry(frame: str) -> FrameGeometry:
    """Outlines and regions of the front or back frame (signed x: screen direction)."""
    geo = FrameGeometry(frame)
    head = head_outline_front() if frame == "front" else head_outline_back()
    body = body_outline_front(frame)
    geo.outlines["head"] = head
    geo.outlines["body"] = body
    right_sign = -1 if frame == "front" else 1
    cells = front_back_cells(frame)
    # the head's lower edge (the jaw, or behind it the edge hidden in the neck): the
    # body's regions lie below it
    lower = sorted((abs(px), py) for px, py in head if px <= 0 and py > 8.0)
    jaw = [(0.0, lower[0][1]), *(p for p in lower if p[0] >= 0.05)]
    jaw.append((BIG, jaw[-1][1]))
    jaw_cut = [piece for sign in (-1, 1) for piece in mirror_cell(strip_below(jaw, 200.0), sign)]
    for name, cell in cells.items():
        for side, sign in (("right", right_sign), ("left", -right_sign)):
            mirrored = mirror_cell(cell, sign)
            pieces: list[Polygon] = []
            if name in ("head", "face") or (name == "neck" and frame == "back"):
                pieces += clip_pieces(head, mirrored)
            if name not in ("head", "face"):
                pieces += clip_pieces(body, intersect_cells(mirrored, jaw_cut))
            rid = name if name in MIDLINE_REGIONS else f"{name}-{side}"
            geo.regions.setdefault(rid, []).extend(pieces)
    for sign in (-1, 1):
        side = "right" if sign == right_sign else "left"
        ear = ear_outline_front(sign, head)
        geo.outlines[f"ear-{side}"] = ear
        geo.regions[f"ear-{side}"] = [ear]
    return geo


FRONT_LANDMARKS: dict[str, Point] = {
    # head and face
    "vertex": (0.0, 0.0),
    "anterior_hairline": (0.0, 1.95),
    "hairline_corner": (3.25, 2.95),
    "glabella": (0.0, 4.95),
    "eyebrow_medial": (0.5, 4.85),
    "eyebrow_middle": scalp.EYEBROW_MIDDLE,
    "eyebrow_lateral": (2.5, 4.65),
    "pupil": (scalp.PUPIL_L, 5.33),
    "inner_canthus": (0.55, 5.38),
    "outer_canthus": (2.15, 5.33),
    "infraorbital_margin": (1.35, 5.85),
    "nose_root": (0.0, 5.4),
    "nose_tip": (0.0, 7.1),
    "ala_outer": (0.7, 7.15),
    "ala_lower": (0.6, 7.45),
    "philtrum_mid": (0.0, 7.95),
    "mouth_corner": (0.95, 8.45),
    "mentolabial_groove": (0.0, 9.25),
    "chin": (0.0, 10.1),
    "mandible_angle": (2.7, 8.9),
    # the belly of the masseter, and its front edge on the mandible's lower border
    "masseter": (2.6, 7.6),
    "masseter_front_lower": (2.3, 9.38),
    "zygomatic_arch_lower": (3.25, 6.35),
    "mandibular_notch": (3.22, 6.75),
    "infraorbital_foramen": (1.35, 6.3),
    "zygoma": (2.7, 6.5),
    "tragus": (3.55, 6.2),
    # neck and chest
    "thyroid_cartilage": (0.0, 11.9),
    "cricoid_cartilage": (0.0, 12.7),
    "suprasternal_notch": (0.0, 15.0),
    "clavicle_sternal_end": (0.9, 14.85),
    "clavicle_mid": (4.0, 14.95),
    "below_clavicle": (0.0, 15.55),
    "coracoid": (6.55, 15.8),
    # the hollow above the middle of the clavicle (greater supraclavicular fossa)
    "supraclavicular_fossa": (4.0, 14.25),
    "nipple": (4.0, 22.6),
    "xiphisternal_junction": (0.0, 24.0),
    "umbilicus": (0.0, 32.0),
    "pubic_symphysis": (0.0, 37.0),
    "asis": tk.ASIS_FRONT,
    # the free end of the 11th rib, at the side of the waist
    "rib11_tip": tk.free_end(11, "front"),
    # where the femoral artery crosses the inguinal crease
    "femoral_artery_crease": (3.0, 37.92),
    "ics1": (0.0, ICS_MID[1]),
    "ics2": (0.0, ICS_MID[2]),
    "ics3": (0.0, ICS_MID[3]),
    "ics4": (0.0, ICS_MID[4]),
    "ics5": (0.0, ICS_MID[5]),
    "ics6": (0.0, ICS_MID[6]),
    "ics7": (0.0, ICS_MID[7]),
    # arm (anterior surface, palm forward)
    "anterior_axillary_fold": (6.55, 19.5),
    "axilla_apex": (6.75, 20.0),
    # the skin over the front of the armpit, just above the space between the arm and
    # the chest (PC's line crosses from the chest to the arm here)
    "front_of_axilla": (6.45, 19.0),
    "acromion_front": (8.1, 15.6),
    "biceps_lateral": (8.75, 19.5),
    "biceps_medial": (7.65, 19.5),
    # the groove between the long and short heads of biceps
    "biceps_heads_groove": (8.2, 19.5),
    "lateral_epicondyle": (9.45, 28.4),
    "cubital_lateral": (9.35, 28.5),
    "cubital_biceps_radial": (8.85, 28.5),
    "cubital_biceps_ulnar": (8.2, 28.5),
    "cubital_medial": (7.62, 28.5),
    "medial_epicondyle": (7.38, 28.6),
    **hand.PALMAR_LANDMARKS,
    # leg
    "inguinal_mid": (3.3, 37.6),
    "inguinal_femoral_lateral": (3.5, 37.45),
    "thigh_three_muscle_hollow": (5.0, 39.8),
    "patella_base": (2.7, 55.0),
    "patella_base_lateral": (3.35, 55.1),
    "patella_base_medial": (2.05, 55.1),
    "patella_apex": (2.75, 57.0),
    "knee_eye_lateral": (3.35, 57.0),
    "knee_eye_medial": (2.1, 57.0),
    "tibial_condyle_medial": (1.05, 59.0),
    "tibial_crest_top": (2.55, 58.6),
    "medial_malleolus": (1.25, 72.0),
    "lateral_malleolus": (3.45, 73.0),
    "popliteal_crease": (2.7, 57.0),
    # the foot (seen a little from above: the toes reach below the sole's level)
    "ankle_front": (2.35, 72.95),
    "tibialis_anterior_medial": (1.6, 72.45),
    "navicular_tuberosity": (1.02, 73.15),
    "below_navicular": (0.98, 73.6),
    "metatarsal1_base_medial": (0.88, 73.85),
    "mtp1_medial": (0.86, 74.5),
    "foot_web_1_2": (1.76, 75.2),
    "foot_web_2_3": (2.47, 75.2),
    "foot_web_3_4": (3.08, 75.12),
    "foot_web_4_5": (3.66, 75.05),
    **_foot_front_landmarks(),
    "scm_front_thyroid": at_level(FRONT_SCM_FRONT, 11.9),
    "scm_front_cricoid": at_level(FRONT_SCM_FRONT, 12.7),
    "scm_mid_thyroid": lerp(at_level(FRONT_SCM_FRONT, 11.9), at_level(FRONT_SCM_BACK, 11.9), 0.5),
    "scm_back_thyroid": at_level(FRONT_SCM_BACK, 11.9),
    "scm_back_cricoid": at_level(FRONT_SCM_BACK, 12.7),
    # between the sternal and clavicular heads of the sternocleidomastoid
    "lesser_supraclavicular_fossa": (1.0, 14.6),
    "hyoid": (0.0, 11.0),
    "nasolabial_ala": (0.88, 7.18),
    "nasolabial_top": (0.52, 6.72),
    "nostril": (0.3, 7.41),
    "mouth_centre": (0.0, 8.49),
    "upper_lip_tubercle": (0.0, 8.3),
    "infraorbital_medial": (0.6, 5.8),
    "infraorbital_lateral": (2.1, 5.75),
    "ear_apex": (3.95, 4.6),
}

BACK_LANDMARKS: dict[str, Point] = {
    "vertex": (0.0, 0.0),
    "posterior_hairline": (0.0, POSTERIOR_HAIRLINE),
    "external_occipital_protuberance": (0.0, 6.4),
    "mastoid": (3.35, 7.4),
    "mastoid_tip": (3.1, 8.1),
    "acromion": (7.8, 15.3),
    "acromion_back": (7.9, 16.8),
    "scapular_spine_medial": (3.1, 16.9),
    "scapular_spine_mid": (5.0, 15.95),
    "suprascapular_fossa_mid": (5.0, 15.1),
    "infraspinous_fossa": (4.9, 18.1),
    "inferior_angle": (3.4, 22.0),
    "posterior_axillary_fold": (6.6, 19.5),
    "trapezius_top": (4.6, 13.5),
    "iliac_crest_top": (4.3, 32.9),
    "psis": tk.PSIS,
    "sacral_hiatus": (0.0, tk.SACRAL_HIATUS),
    "coccyx_tip": (0.0, SPINE["coccyx"]),
    # hidden in the gluteal cleft from behind: where it lies in this projection
    "anus": (0.0, 41.7),
    "greater_trochanter": (6.9, 38.0),
    "gluteal_fold": (3.2, 43.3),
    "popliteal_crease": (2.6, 57.1),
    "popliteal_lateral": (4.1, 56.9),
    "popliteal_medial": (0.95, 57.0),
    "biceps_tendon_medial": (3.8, 57.0),
    "semitendinosus_lateral": (1.45, 57.0),
    "calf_bellies_junction": (2.45, 65.0),
    # the edges of the calcaneal tendon, level with each malleolus
    "achilles_lateral": (3.1, 73.0),
    "achilles_medial": (1.75, 72.0),
    "achilles_attachment_medial": (1.55, 72.78),
    "heel": (2.4, 74.6),
    "medial_malleolus": (1.15, 72.0),
    "lateral_malleolus": (3.45, 73.0),
    # arm (posterior surface)
    "olecranon": (8.3, 28.4),
    "lateral_epicondyle": (9.32, 28.45),
    "medial_epicondyle": (7.35, 28.5),
    "cubital_lateral": (9.5, 28.5),
    "lateral_supracondylar_ridge": (9.42, 27.6),
    # the hollow between the acromial angle and the greater tubercle
    "acromial_angle_hollow": (7.62, 17.2),
    # the radial side of the ulna's shaft at the level of the wrist crease
    "ulna_radial_side": (8.6, 40.5),
    "eop_upper": (0.0, 6.15),
    # the depression below the occiput between the origins of sternocleidomastoid
    # and trapezius (GB20), level with GV16; the hollow under the protuberance between
    # the two trapezius muscles (GV16); the trapezius's lateral edge level with C2
    "suboccipital_gap": (1.9, 7.9),
    "suboccipital_hollow": (0.0, 7.9),
    "trapezius_lateral_c2": (1.3, 8.4),
    # the back edge of the sternocleidomastoid, level with the angle of the mandible
    # and with the upper border of the thyroid cartilage: the side of the neck, where
    # the front and back views see the same edge
    "scm_back_angle": (2.55, 8.75),
    "scm_back_thyroid": at_level(FRONT_SCM_BACK, 11.9),
    # the side of the neck seen from behind, just inside its outline, halfway down and
    # where it turns into the slope of the shoulder (TE's line from TE16 to TE15); the
    # front edge of the trapezius halfway down the neck (GB's line from GB20 to GB21)
    "neck_side": (2.3, 11.5),
    "neck_root_side": (3.0, 13.3),
    "trapezius_neck": (2.0, 11.5),
    "scapular_spine_lower": (0.0, 16.45),
    "scapula_superior_angle": (4.2, 15.6),
    **{f"sf{n}_level": (0.0, y) for n, (_, y) in enumerate(tk.SACRAL_FORAMINA, 1)},
    **{f"sacral_foramen{n}": p for n, p in enumerate(tk.SACRAL_FORAMINA, 1)},
    "tibial_condyle_medial": (1.05, 59.0),
    **hand.DORSAL_LANDMARKS,
    **spine_marks(),
}
