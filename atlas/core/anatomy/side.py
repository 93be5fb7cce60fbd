"""The side frame: a lateral projection of the figure's right side, facing right.

Positions are ``(z, y)``: ``z`` runs forward from the mid-coronal plane.
"""

from __future__ import annotations

import itertools
import math

from atlas.core.anatomy import front_back, scalp
from atlas.core.anatomy import trunk as tk
from atlas.core.anatomy.cells import (
    BIG,
    MIDLINE_REGIONS,
    Cell,
    FrameGeometry,
    clip_pieces,
    intersect_cells,
    strip_above,
    strip_below,
    zband,
)
from atlas.core.anatomy.foot import x_at, y_at
from atlas.core.anatomy.front_back import ELBOW_FOREARM_Y, FRONT_LANDMARKS
from atlas.core.anatomy.geometry import (
    Point,
    Polygon,
    area,
    at_level,
    catmull_rom,
    clip_halfplane,
    convex_hull,
    halfplane_pieces,
    lerp,
    quad,
)
from atlas.core.anatomy.hand import DORSAL_LANDMARKS, WRIST_Y
from atlas.core.anatomy.levels import POSTERIOR_HAIRLINE, ics_y

# ---------------------------------------------------------------- side frame

# The profile of the figure's right side (z forward, y down), below the head and
# neck: from the suprasternal notch down the front of the trunk and leg, the foot,
# and up the back of the leg and the back to the shoulders.
_SIDE_PROFILE: list[Point] = [
    (2.6, 15.0), (3.6, 16.9), (4.25, 19.6),
    (4.45, 22.0), (4.1, 24.3), (3.7, 27.0), (3.55, 29.8), (3.7, 32.0), (3.65, 34.6),
    (3.25, 37.1), (3.35, 38.7), (3.65, 42.0), (3.45, 48.0),
    # the leg and foot: the medial frame's outline seen from the other side (the
    # lateral border of the foot rests on the ground)
    (3.1, 52.3), (2.9, 54.2), (2.95, 55.4), (2.8, 56.5), (2.45, 57.5), (2.35, 58.6),
    (2.05, 60.2), (1.85, 63.0), (1.66, 66.0), (1.52, 69.0), (1.47, 71.0), (1.62, 72.05),
    (2.15, 72.6), (3.2, 73.08), (4.55, 73.55), (5.75, 73.9), (6.6, 74.0), (7.45, 74.08),
    (7.95, 74.3), (8.07, 74.65), (7.85, 74.96), (7.05, 75.05), (5.0, 75.05), (1.5, 75.05),
    (-1.5, 75.02), (-2.15, 74.62), (-2.38, 73.9), (-2.18, 72.95), (-1.72, 71.8),
    (-1.55, 70.0), (-1.62, 68.0), (-1.92, 66.0), (-2.3, 63.6), (-2.42, 61.2),
    (-2.3, 59.4), (-2.0, 57.9), (-1.92, 56.4), (-2.05, 52.5),
    (-2.65, 46.5), (-3.3, 43.2), (-4.25, 41.0), (-4.5, 38.6), (-4.1, 35.5),
    (-3.3, 31.2), (-3.45, 28.0), (-4.1, 24.0), (-4.6, 20.2), (-4.4, 17.0),
]  # fmt: skip

# The raised right arm on the side view, its back (dorsal) surface toward the
# viewer: the upper arm runs up and back from the shoulder to the elbow, low enough
# that the nape down to C7 and the top of the shoulder show above it, and the
# forearm and hand stand upright behind the head. Forearm and hand are the back
# frame's (the same outline, landmarks and regions), turned upright: the ulnar side
# (SI) toward the head, the radial side (LI) and thumb behind.
ARM_WRIST_Y = -0.45  # the wrist crease
ARM_Z = -11.1  # where the back frame's l = ARM_L lands
ARM_L = 9.23
#: the upper arm's axis: the bend of the elbow and the shoulder joint (under the
#: acromion), raised 25 degrees above the horizontal
ARM_ELBOW: Point = (-10.3, 12.05)
ARM_SHOULDER: Point = (-1.2, 16.3)
#: the upper arm's half-widths along its axis (fraction from the elbow, toward the
#: head, toward the axilla): slim along the top, where the trapezius's slope from
#: the nape meets it, and full below, where the posterior axillary fold joins it
_UPPER_ARM_WIDTH = ((0.0, 1.25, 1.25), (0.45, 1.35, 1.4), (0.75, 1.35, 1.6), (1.0, 1.3, 1.8))
#: where the regions of the upper arm begin, as fractions from the elbow (the elbow
#: ends there; it begins where the back frame's forearm ends)
ARM_STATIONS = {"upper_arm": 0.12, "shoulder": 0.88}


#: the back frame's landmarks of the elbow and forearm that the side view sees
_ARM_BACK_LANDMARKS = (
    "olecranon", "lateral_epicondyle", "medial_epicondyle", "cubital_lateral",
    "lateral_supracondylar_ridge", "ulna_radial_side",
)  # fmt: skip


def arm_from_back(p: Point) -> Point:
    """A point of the back frame's right forearm or hand, in the side frame."""
    return (round(ARM_Z - (p[0] - ARM_L), 3), round(ARM_WRIST_Y - (p[1] - WRIST_Y), 3))


def _upper_arm_frame() -> tuple[Point, Point, float]:
    """(unit axis from the elbow to the shoulder, its normal toward the head, length)."""
    (ez, ey), (sz, sy) = ARM_ELBOW, ARM_SHOULDER
    length = math.hypot(sz - ez, sy - ey)
    d = ((sz - ez) / length, (sy - ey) / length)
    return d, (d[1], -d[0]), length


def upper_arm_point(t: float, across: float = 0.0) -> Point:
    """A point on the upper arm: t of the way from the elbow to the shoulder,
    ``across`` B-cun toward its front (upper) edge."""
    d, n, length = _upper_arm_frame()
    return (
        ARM_ELBOW[0] + d[0] * length * t + n[0] * across,
        ARM_ELBOW[1] + d[1] * length * t + n[1] * across,
    )


def _width(t: float, side: int) -> float:
    """The half-width at t toward the head (side 1) or the axilla (side 2)."""
    for a, b in itertools.pairwise(_UPPER_ARM_WIDTH):
        if t <= b[0]:
            return a[side] + (b[side] - a[side]) * (t - a[0]) / (b[0] - a[0])
    return _UPPER_ARM_WIDTH[-1][side]


def side_arm_outline() -> Polygon:
    """The raised arm: the forearm and hand from the back frame, the upper arm, the
    cap of the shoulder."""
    half = front_back.body_half()
    i0 = half.index(front_back.ARM_ELBOW_RADIAL)
    i1 = half.index(front_back.ARM_ELBOW_ULNAR)
    forearm = [arm_from_back(p) for p in half[i0 : i1 + 1]]
    ts = (0.15, 0.35, 0.55, 0.75, 0.92)
    front = [upper_arm_point(t, _width(t, 1)) for t in ts]
    back = [upper_arm_point(t, -_width(t, 2)) for t in ts[::-1]]
    cap = [upper_arm_point(1.1, 1.1), upper_arm_point(1.16, 0.0), upper_arm_point(1.06, -1.2)]
    elbow = [upper_arm_point(-0.02, -1.3), upper_arm_point(-0.1, -0.6)]
    return catmull_rom([*forearm, *front, *cap, *back, *elbow], closed=True, steps=6)


# ---------------------------------------------------------------- the head and neck
#
# Above the brow and the occiput the profile is the vault of the scalp model
# (scalp.outline), so that scalp positions seen from the side sit on the drawn head.

# The face and the front of the neck, from the brow down to the suprasternal notch.
_SIDE_FACE: list[Point] = [
    (4.24, 4.76), (4.02, 5.32), (4.32, 6.05), (4.7, 6.72), (4.95, 7.08), (4.82, 7.4),
    (4.32, 7.58), (4.47, 8.05), (4.27, 8.45), (4.4, 8.8), (4.0, 9.25), (4.3, 9.85),
    (3.85, 10.32), (2.75, 10.6), (2.05, 11.0), (2.3, 11.9), (2.4, 13.3),
]  # fmt: skip
# The nape, from the back of the shoulders up to the occiput.
_SIDE_NAPE: list[Point] = [
    (-3.7, 14.4), (-3.2, 13.2), (-2.95, 11.6), (-3.05, 10.3), (-3.45, 8.9), (-3.95, 7.7),
]  # fmt: skip


def side_vault() -> list[Point]:
    """The vault's silhouette (the scalp model) from the occiput over the top to the brow."""
    ring = scalp.outline("side", steps=36)  # every 10 degrees, from the front downward
    return [ring[i % 36] for i in range(16, 36)]  # 160 degrees (occiput) to 350 (brow)


def side_body_outline() -> Polygon:
    """The right side's profile: the vault, the face, the body, the nape (one smooth curve)."""
    return catmull_rom(
        [*side_vault(), *_SIDE_FACE, *_SIDE_PROFILE, *_SIDE_NAPE], closed=True, steps=6
    )


#: The auricle, clockwise from the apex: the front of the helix, its root, the
#: tragus, the intertragic notch, the lobe, and the back of the helix.
SIDE_EAR: list[Point] = [
    (-0.42, 4.5), (-0.02, 4.57), (0.27, 4.8), (0.38, 5.12), (0.3, 5.42), (0.42, 5.66),
    (0.5, 6.05), (0.46, 6.4), (0.28, 6.62), (0.2, 6.95), (0.08, 7.28), (-0.18, 7.43),
    (-0.45, 7.3), (-0.6, 6.95), (-0.78, 6.45), (-0.98, 5.8), (-1.06, 5.15), (-0.88, 4.7),
]  # fmt: skip


def side_ear_outline() -> Polygon:
    """The auricle's outline on the side view."""
    return catmull_rom(SIDE_EAR, closed=True, steps=6)


# The boundaries of the head's regions, y as a function of z. Above ``_HEAD_EDGE``
# lies the head (the scalp, the temple above the zygomatic arch, the mastoid); below
# it the face lies above ``_JAW_EDGE`` (in front of the ramus and above the
# mandible's lower border) and the neck below.
_HEAD_EDGE: list[Point] = [
    # behind the mastoid the head ends at the occiput's lower border, as on the back
    # view (the nape's hair below it is the neck's)
    (-BIG, 7.2), (-2.2, 7.2), (-2.0, 8.45), (-1.78, 8.45), (-1.55, 7.1), (-1.2, 6.95),
    (0.3, 6.95), (0.42, 5.3),
    (2.45, 5.3), (2.8, 4.3), (3.25, 2.1), (3.6, 1.95), (BIG, 1.95),
]  # fmt: skip
_JAW_EDGE: list[Point] = [
    (-BIG, 6.85), (0.3, 6.85), (0.62, 8.7), (0.85, 8.85), (2.0, 9.38), (3.0, 9.9),
    (3.7, 10.3), (BIG, 10.3),
]  # fmt: skip


#: the root of the neck, from the spinous process of C7 forward and down to the
#: suprasternal notch: the neck lies above it, the top of the shoulder below
NECK_ROOT: tuple[Point, Point] = ((-3.2, 13.2), (2.6, 15.0))
_NECK_ROOT_EDGE: list[Point] = [(-BIG, NECK_ROOT[0][1]), *NECK_ROOT, (BIG, NECK_ROOT[1][1])]


def _side_head_cells() -> dict[str, Cell]:
    below_head = strip_below(_HEAD_EDGE, 30.0)
    return {
        "head": strip_above(_HEAD_EDGE, -30.0),
        "face": intersect_cells(below_head, strip_above(_JAW_EDGE, -30.0)),
        "neck": intersect_cells(
            intersect_cells(below_head, strip_below(_JAW_EDGE, 30.0)),
            strip_above(_NECK_ROOT_EDGE, -30.0),
        ),
    }


def _cut(poly: Polygon, origin: Point, direction: Point) -> list[Point]:
    """Where the line through origin along direction crosses the polygon's edges."""
    out: list[Point] = []
    for i in range(len(poly)):
        (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % len(poly)]
        f1 = (x1 - origin[0]) * direction[1] - (y1 - origin[1]) * direction[0]
        f2 = (x2 - origin[0]) * direction[1] - (y2 - origin[1]) * direction[0]
        if (f1 >= 0) != (f2 >= 0):
            t = f1 / (f1 - f2)
            out.append((x1 + t * (x2 - x1), y1 + t * (y2 - y1)))
    return out


def _halfplane(poly: Polygon, origin: Point, d: Point, sign: float) -> Polygon:
    """The part of poly where (p - origin) . d has the given sign."""
    return clip_halfplane(
        poly, sign * d[0], sign * d[1], -sign * (d[0] * origin[0] + d[1] * origin[1])
    )


#: the ankle's lower boundary, back to front (the hollows round the lateral malleolus
#: are the ankle's; the front of the ankle ends at its crease)
_SIDE_ANKLE_EDGE: list[Point] = [(-BIG, 73.5), (-0.9, 73.5), (0.2, 73.72), (1.3, 73.55),
                                 (2.0, 72.5), (BIG, 72.5)]  # fmt: skip
#: the toes begin at the cleft between the 4th and 5th toes on top and at the fifth
#: metatarsophalangeal joint below
_SIDE_TOE_LINE: list[Point] = [(6.0, 70.0), (6.0, 73.9), (5.75, 74.2), (5.0, 74.72),
                               (4.95, 80.0)]  # fmt: skip
_SIDE_SOLE = 74.75


def _side_foot_cells() -> dict[str, Cell]:
    """The ankle, foot, toes and sole of the side frame."""
    toes: Cell = []
    rest: Cell = []
    for (za, ya), (zb, yb) in itertools.pairwise(_SIDE_TOE_LINE):
        toes.append(quad(za, ya, BIG, ya, BIG, yb, zb, yb))
        rest.append(quad(-BIG, ya, za, ya, zb, yb, -BIG, yb))
    below_ankle = strip_below(_SIDE_ANKLE_EDGE, 80.0)
    return {
        "ankle": strip_above(_SIDE_ANKLE_EDGE, 71.0),
        "foot": intersect_cells(intersect_cells(rest, below_ankle), [zband(60.0, _SIDE_SOLE)]),
        "toes": intersect_cells(toes, below_ankle),
        "sole": intersect_cells(rest, [zband(_SIDE_SOLE, 80.0)]),
    }


def side_geometry() -> FrameGeometry:
    """Outlines and regions of the side frame (z forward, y down), right side only."""
    geo = FrameGeometry("side")
    body = side_body_outline()
    arm = side_arm_outline()
    ear = side_ear_outline()
    geo.outlines["body"] = body
    geo.outlines["arm"] = arm
    geo.outlines["ear"] = ear
    # the upper arm hides what lies under it: its hull (from the elbow's cross-line
    # on) belongs to the arm, the body's regions lie outside it
    d, n, _ = _upper_arm_frame()
    cross = upper_arm_point(ARM_STATIONS["upper_arm"])

    beyond = [p for p in arm if (p[0] - cross[0]) * d[0] + (p[1] - cross[1]) * d[1] >= 0]
    occluder = convex_hull(beyond + _cut(arm, cross, n))
    outside_arm = halfplane_pieces(
        [(occluder[i], occluder[(i + 1) % len(occluder)]) for i in range(len(occluder))]
    )
    ear_hull = convex_hull(SIDE_EAR)
    outside_ear = halfplane_pieces(
        [(ear_hull[i], ear_hull[(i + 1) % len(ear_hull)]) for i in range(len(ear_hull))]
    )
    mid = -0.3
    c: dict[str, Cell] = _side_head_cells()
    c["shoulder"] = strip_below(_NECK_ROOT_EDGE, 16.4)
    c["axilla"] = [quad(-1.8, 16.4, 1.3, 16.4, 1.3, 19.8, -1.8, 19.8)]
    c["chest"] = [
        quad(1.3, 16.4, BIG, 16.4, BIG, 19.8, 1.3, 19.8),
        quad(mid, 19.8, BIG, 19.8, BIG, 29.0, mid, 29.0),
    ]
    c["upper_back"] = [
        quad(-BIG, 16.4, -1.8, 16.4, -1.8, 19.8, -BIG, 19.8),
        quad(-BIG, 19.8, mid, 19.8, mid, 28.6, -BIG, 28.6),
    ]
    c["abdomen"] = [
        quad(mid, 29.0, BIG, 29.0, BIG, 34.6, mid, 34.6),
        quad(-1.9, 28.6, mid, 28.6, mid, 34.6, -1.9, 34.6),
        quad(mid, 34.6, BIG, 34.6, BIG, 36.0, mid, 36.0),
        quad(1.6, 36.0, BIG, 36.0, BIG, 37.6, 1.6, 37.6),
    ]
    c["chest"][1] = quad(mid, 19.8, BIG, 19.8, BIG, 29.0, mid, 29.0)
    c["upper_back"][1] = quad(-BIG, 19.8, mid, 19.8, mid, 28.6, -BIG, 28.6)
    c["lower_back"] = [quad(-BIG, 28.6, -1.9, 28.6, -1.9, 34.6, -BIG, 34.6)]
    c["sacral"] = [quad(-BIG, 34.6, -3.0, 34.6, -3.0, 38.5, -BIG, 38.5)]
    c["buttock"] = [
        quad(-3.0, 34.6, -1.8, 34.6, -1.8, 38.5, -3.0, 38.5),
        quad(-BIG, 38.5, -1.8, 38.5, -1.8, 43.6, -BIG, 43.6),
    ]
    c["hip"] = [quad(-1.8, 34.6, -1.9 + 0.1, 34.6, mid, 34.6, -1.8, 34.6)]
    c["hip"] = [
        quad(-1.8, 34.6, mid, 34.6, mid, 36.0, -1.8, 36.0),
        quad(-1.8, 36.0, 1.6, 36.0, 1.6, 41.5, -1.8, 41.5),
    ]
    c["thigh"] = [
        quad(1.6, 37.6, BIG, 37.6, BIG, 54.3, 1.6, 54.3),
        quad(-1.8, 41.5, 1.6, 41.5, 1.6, 54.3, -1.8, 54.3),
        quad(-BIG, 43.6, -1.8, 43.6, -1.8, 54.3, -BIG, 54.3),
    ]
    c["knee"] = [zband(54.3, 58.6)]
    c["leg"] = [zband(58.6, 71.0)]
    c.update(_side_foot_cells())
    for name, cell in c.items():
        cell = intersect_cells(cell, outside_arm)
        if name in ("head", "face", "neck"):
            cell = intersect_cells(cell, outside_ear)
        rid = name if name in MIDLINE_REGIONS else f"{name}-right"
        geo.regions[rid] = clip_pieces(body, cell)
    geo.regions["ear-right"] = [ear_hull]
    # the raised arm: forearm, wrist, hand and fingers as on the back frame; the
    # bend of the elbow; the upper arm and the shoulder's cap within the hull
    back_cells = front_back.front_back_cells("back")
    for name in ("forearm", "wrist", "hand", "fingers"):
        cell = [[arm_from_back(p) for p in piece] for piece in back_cells[name]]
        geo.regions.setdefault(f"{name}-right", []).extend(clip_pieces(arm, cell))
    far, top = 4 * BIG, arm_from_back((0.0, ELBOW_FOREARM_Y))[1]
    below = quad(-far, top, far, top, far, far, -far, far)
    bend = _halfplane(below, cross, d, -1.0)
    geo.regions.setdefault("elbow-right", []).extend(clip_pieces(arm, [bend]))
    stations = list(ARM_STATIONS.items())
    for k, (name, t0) in enumerate(stations):
        slab = _halfplane(occluder, upper_arm_point(t0), d, 1.0)
        if k + 1 < len(stations):
            slab = _halfplane(slab, upper_arm_point(stations[k + 1][1]), d, -1.0)
        if len(slab) >= 3 and area(slab) > 1e-4:
            geo.regions.setdefault(f"{name}-right", []).append(slab)
    return geo


# ---------------------------------------------------------------- the leg and foot

#: the posterior border of the iliotibial tract, from the hip to the knee
ILIOTIBIAL_BACK: tuple[Point, Point] = ((-0.85, 40.0), (-0.3, 57.0))
#: the front and back borders of the fibula, from its head to the lateral malleolus
FIBULA_FRONT: tuple[Point, Point] = ((-0.3, 58.6), (-0.15, 73.0))
FIBULA_BACK: tuple[Point, Point] = ((-0.8, 58.6), (-0.65, 73.0))
#: the level the tip of the middle finger reaches on the thigh, arms hanging (as the
#: front view draws the hand)
FINGERTIP_LEVEL = FRONT_LANDMARKS["middle_tip"][1]
#: the toenails seen from the side: base and tip along the top, then tip and base
#: along the lower (lateral) edge
SIDE_TOENAILS: dict[str, list[Point]] = {
    "little": [(6.2, 74.47), (6.55, 74.5), (6.62, 74.66), (6.25, 74.66)],
    "fourth": [(6.62, 74.17), (7.0, 74.26), (7.08, 74.42), (6.7, 74.4)],
    "big": [(7.45, 74.08), (7.92, 74.28), (7.9, 74.4), (7.5, 74.25)],
}
#: where the dark skin of the foot meets the pale skin of the sole (lateral side)
SOLE_BORDER_LATERAL: list[Point] = [(-2.2, 74.3), (-1.0, 74.55), (1.5, 74.6), (4.8, 74.62),
                                    (6.6, 74.7), (7.7, 74.72)]  # fmt: skip


def _leg_landmarks() -> dict[str, Point]:
    def border_y(z: float) -> float:
        return y_at(SOLE_BORDER_LATERAL, z)

    return {
        # the thigh and the knee
        "thigh_three_muscle_hollow": (2.75, 40.4),
        "iliotibial_back_hip": ILIOTIBIAL_BACK[0],
        "iliotibial_back_knee": ILIOTIBIAL_BACK[1],
        "fingertip_at_rest": (x_at([*ILIOTIBIAL_BACK], FINGERTIP_LEVEL), FINGERTIP_LEVEL),
        "gluteal_fold": (-2.95, 43.3),
        "patella_base_lateral": (2.3, 55.0),
        "femur_lateral_epicondyle": (0.2, 55.7),
        "knee_eye_lateral": (1.7, 57.05),
        "popliteal_lateral": (-1.05, 57.0),
        "popliteal_crease": (-1.75, 57.0),
        # the leg
        "fibula_head": (-0.55, 58.6),
        "fibula_front_knee": FIBULA_FRONT[0],
        "fibula_front_ankle": FIBULA_FRONT[1],
        "fibula_back_knee": FIBULA_BACK[0],
        "fibula_back_ankle": FIBULA_BACK[1],
        "calf_bellies_junction": (-1.6, 65.0),
        # the ankle and the foot
        "lateral_malleolus": (-0.4, 73.0),
        "below_lateral_malleolus": (-0.4, 73.85),
        "lateral_malleolus_front": (0.45, 73.45),
        "achilles": (-1.7, 73.0),
        "ankle_front": (1.0, 72.55),
        "heel_border_lateral": (-1.05, border_y(-1.05)),
        "cuboid": (1.25, 74.2),
        "metatarsal5_tuberosity": (2.45, border_y(2.45)),
        "metatarsal_4_5_bases": (2.35, 73.95),
        "metatarsal_4_5_heads": (4.55, 74.15),
        "mtp5": (4.85, border_y(4.85)),
        "web_4_5": (5.7, 74.28),
        "little_toe_nail_lateral": SIDE_TOENAILS["little"][3],
        "fourth_toe_nail_lateral": SIDE_TOENAILS["fourth"][3],
        "second_toe_dip_plantar": (7.3, 74.98),
    }


LEG_LANDMARKS = _leg_landmarks()


# ---------------------------------------------------------------- landmarks

#: The borders of the sternocleidomastoid seen from the side: from the mastoid
#: process down and forward to the sternum (its front) and the clavicle (its back).
SIDE_SCM_FRONT: tuple[Point, Point] = ((-0.9, 7.8), (2.45, 14.85))
SIDE_SCM_BACK: tuple[Point, Point] = ((-2.25, 7.2), (1.25, 14.95))


_THYROID_Y, _CRICOID_Y, _ANGLE_Y = 11.9, 12.7, 8.7
#: the trapezius's front edge seen from the side: from the occiput down the back of
#: the neck and forward to the clavicle's outer end, above the raised arm's root
SIDE_TRAPEZIUS_FRONT: list[Point] = [
    (-3.05, 6.95), (-2.85, 8.4), (-2.72, 9.7), (-2.5, 11.3), (-2.0, 12.7), (-1.3, 13.95),
    (-0.7, 14.75),
]  # fmt: skip

#: the drawn outline from the external occipital protuberance down the nape to C7:
#: the posterior median line seen edge-on, so the midline points there lie on it (as
#: GV17 to GV24 lie on the vault's outline)
SIDE_NAPE_MIDLINE: list[Point] = [
    p for p in side_body_outline() if p[0] < -2.5 and 6.0 <= p[1] <= NECK_ROOT[0][1]
]


def on_nape_midline(y: float) -> Point:
    """The nape's median line at level y: on the drawn outline, 0.05 B-cun within it
    (inside the line's width, and inside the neck's region)."""
    return (x_at(SIDE_NAPE_MIDLINE, y) + 0.05, y)


_GV16_Y = front_back.BACK_LANDMARKS["suboccipital_hollow"][1]
_C2_Y = front_back.BACK_LANDMARKS["trapezius_lateral_c2"][1]

SIDE_LANDMARKS: dict[str, Point] = {
    # the head: the vault and the hair
    "vertex": (-0.12, 0.0),
    "anterior_hairline": (3.2, 2.0),
    "hairline_corner": (1.46, 3.6),
    # the temporal hairline bends down from the corner of the forehead (GB4 to GB6
    # follow it from ST8 to GB7)
    "temporal_hairline": (1.33, 4.05),
    # the back edge of the sideburn, level with the root of the auricle
    "temple_hairline_back": (0.7, 5.0),
    # on the outline: GV's course passes over it from GV16 up to GV17
    "occipital_protuberance": on_nape_midline(6.3),
    # the temporal line, arching from above the mastoid up over the parietal bone to
    # the corner of the forehead (GB's line from GB12 to GB13 follows it)
    "temporal_line_back": (-2.75, 5.0),
    "temporal_line_top": (-1.6, 1.9),
    # on the nape's outline, as high as on the back (GV15 lies 0.5 B-cun above it)
    "posterior_hairline": on_nape_midline(POSTERIOR_HAIRLINE),
    # the hollow under the occiput between the upper ends of the sternocleidomastoid
    # (its back border) and the trapezius (its front edge), level with GV16 (GB20)
    "suboccipital_gap": (lerp(at_level(SIDE_SCM_BACK, _GV16_Y), (-2.92, _GV16_Y), 0.5)[0], _GV16_Y),
    # on the nape's outline: the hollow between the two trapezius muscles (GV16)
    "suboccipital_hollow": on_nape_midline(_GV16_Y),
    # the trapezius's lateral edge (its front edge seen from the side) at the upper
    # border of the C2 spinous process (BL10)
    "trapezius_lateral_c2": (x_at(SIDE_TRAPEZIUS_FRONT, _C2_Y), _C2_Y),
    # the ear: the hairline over its apex, the apex itself, the root and the notches
    "auricle_apex": (-0.42, 4.35),
    "ear_apex": (-0.42, 4.65),
    "auricle_root_back": (-0.95, 4.85),
    # just in front of the auricle's upper attachment (TE's line from TE20 passes in
    # front of the ear here, down to TE21)
    "auricle_root_front": (0.42, 4.72),
    "supratragic_notch": (0.33, 5.45),
    "tragus": (0.5, 6.05),
    "intertragic_notch": (0.28, 6.62),
    "ear_lobe": (-0.2, 7.3),
    # curves round the back of the auricle: along the helix (TE17 to TE20) and a
    # finger-breadth further back (GB9 to GB12)
    "helix_back": (-1.4, 5.85),
    # just outside the top of the helix at the back (TE's line from TE19 round to TE20)
    "helix_top_back": (-1.05, 4.62),
    "behind_auricle": (-2.0, 5.7),
    # the mastoid process and the mandible
    "mastoid": (-1.25, 6.95),
    "mastoid_tip": (-0.95, 7.8),
    "mastoid_posterior": (-1.55, 7.7),
    "mandible_condyle": (0.95, 6.05),
    "mandibular_notch": (1.45, 6.55),
    "mandible_angle": (0.82, _ANGLE_Y),
    "zygomatic_arch_mid": (1.7, 6.05),
    "zygomatic_arch_upper": (1.7, 5.88),
    "zygomatic_arch_lower": (1.7, 6.22),
    # the belly of the masseter, and its front edge on the mandible's lower border
    "masseter": (1.75, 7.4),
    "masseter_front_lower": (2.0, 9.22),
    # the face
    "eyebrow_lateral": (3.02, 4.62),
    "outer_canthus": (3.15, 5.32),
    "orbit_lateral_rim": (2.9, 5.35),
    "glabella": (4.12, 4.95),
    # the root and the bridge of the nose, just within the profile: the median line
    # of the face (GV's course from the glabella down to the tip of the nose) follows
    # the skin through the hollow at the root rather than cutting in front of it
    "nose_root": (3.93, 5.33),
    "nose_dorsum": (4.2, 6.05),
    # where the nose meets the upper lip (GV's course from the tip to the philtrum)
    "subnasale": (4.24, 7.55),
    "nose_tip": (4.85, 7.1),
    "ala_lower": (4.35, 7.45),
    "philtrum_mid": (4.25, 7.82),
    "mouth": (4.2, 8.45),
    "mentolabial_groove": (3.9, 9.25),
    "chin": (4.05, 9.9),
    # the neck
    "hyoid": (1.8, 10.95),
    "thyroid_cartilage": (2.1, _THYROID_Y),
    "cricoid_cartilage": (2.15, _CRICOID_Y),
    "scm_front": at_level(SIDE_SCM_FRONT, _THYROID_Y),
    "scm_mid": lerp(at_level(SIDE_SCM_FRONT, _THYROID_Y), at_level(SIDE_SCM_BACK, _THYROID_Y), 0.5),
    "scm_back": at_level(SIDE_SCM_BACK, _THYROID_Y),
    "scm_front_cricoid": at_level(SIDE_SCM_FRONT, _CRICOID_Y),
    "scm_back_cricoid": at_level(SIDE_SCM_BACK, _CRICOID_Y),
    "scm_front_angle": at_level(SIDE_SCM_FRONT, _ANGLE_Y),
    "scm_back_angle": at_level(SIDE_SCM_BACK, _ANGLE_Y),
    # the trunk and the limbs; the spinous process of C7 at the root of the nape
    "C7": NECK_ROOT[0],
    "suprasternal_notch": NECK_ROOT[1],
    "acromion": (-0.6, 15.0),
    # the hollow above the clavicle, in front of the trapezius (GB's course from the
    # top of the shoulder passes through it on its way down to the axilla)
    "supraclavicular_fossa": (1.3, 14.8),
    "axilla_apex": (-0.3, 17.6),
    # the centre of the axillary fossa, opened by the raised arm
    "axilla_centre": (-0.55, 18.1),
    "midaxillary_line": (tk.MIDAXILLARY_Z, 20.0),
    "ics4_axillary": tk.ics_axillary(4),
    # the 6th and 7th spaces on the line through the nipple, 4 B-cun from the midline
    "ics6_nipple_line": tk.skin_to_side(4.0, ics_y(6, 4.0)),
    "ics7_nipple_line": tk.skin_to_side(4.0, ics_y(7, 4.0)),
    "ics6_axillary": tk.ics_axillary(6),
    "rib11_tip": tk.free_end(11, "side"),
    "rib12_tip": tk.free_end(12, "side"),
    "umbilicus_level": (tk.free_end(11, "side")[0], 32.0),
    "asis": tk.ASIS_SIDE,
    "sacral_hiatus": (-4.4, 38.7),
    "greater_trochanter": (-0.4, 38.0),
    **LEG_LANDMARKS,
    # the raised arm: the shoulder's hollows in front of and behind the acromion,
    # and the forearm and hand's landmarks from the back frame
    "acromion_front": (0.55, 15.2),
    "acromial_angle": (-1.55, 15.05),
    "acromial_angle_hollow": (-1.3, 15.75),
    # the lateral side of the humerus below the shoulder, where LI runs up the
    # raised arm (the posterior surface, with TE, faces the viewer)
    "humerus_lateral": (-1.78, 16.0),
    **{
        name: arm_from_back(p)
        for name, p in front_back.BACK_LANDMARKS.items()
        if name in _ARM_BACK_LANDMARKS or name in DORSAL_LANDMARKS
    },
}
