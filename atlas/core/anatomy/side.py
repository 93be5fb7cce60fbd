"""The side frame: a lateral projection of the figure's right side, facing right.

Positions are ``(z, y)``: ``z`` runs forward from the mid-coronal plane.
"""

from __future__ import annotations

import itertools
import math

from atlas.core.anatomy import front_back
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
from atlas.core.anatomy.front_back import ELBOW_FOREARM_Y
from atlas.core.anatomy.geometry import (
    Point,
    Polygon,
    area,
    catmull_rom,
    clip_halfplane,
    convex_hull,
    halfplane_pieces,
    quad,
)
from atlas.core.anatomy.hand import DORSAL_LANDMARKS, WRIST_Y

# ---------------------------------------------------------------- side frame

# The profile of the figure's right side (z forward, y down), clockwise from the
# vertex: face, front of the trunk and leg, foot, back of the leg, back, nape.
_SIDE_PROFILE: list[Point] = [
    (0.2, 0.0), (2.1, 0.45), (3.35, 1.55), (3.95, 3.0), (4.12, 4.25), (4.2, 4.8),
    (3.98, 5.3), (4.45, 6.35), (4.95, 7.1), (4.75, 7.45), (4.3, 7.6), (4.45, 8.1),
    (4.25, 8.45), (4.38, 8.8), (4.0, 9.25), (4.28, 9.85), (3.8, 10.35), (2.6, 10.6),
    (1.95, 11.1), (2.1, 12.3), (2.35, 13.8), (2.6, 15.0), (3.6, 16.9), (4.25, 19.6),
    (4.45, 22.0), (4.1, 24.3), (3.7, 27.0), (3.55, 29.8), (3.7, 32.0), (3.65, 34.6),
    (3.25, 37.1), (3.35, 38.7), (3.65, 42.0), (3.45, 48.0), (2.85, 53.0), (2.7, 55.6),
    (2.3, 57.6), (1.95, 60.0), (1.6, 66.0), (1.35, 71.3), (2.1, 72.6), (3.8, 73.5),
    (5.9, 74.3), (7.55, 74.6), (7.95, 74.9), (7.6, 75.05), (5.0, 75.05), (1.5, 75.05),
    (-1.4, 75.05), (-2.2, 74.85), (-2.45, 74.0), (-2.0, 72.3), (-1.55, 69.5),
    (-1.75, 66.0), (-2.35, 62.0), (-2.3, 58.8), (-1.85, 56.8), (-2.05, 52.5),
    (-2.65, 46.5), (-3.3, 43.2), (-4.25, 41.0), (-4.5, 38.6), (-4.1, 35.5),
    (-3.3, 31.2), (-3.45, 28.0), (-4.1, 24.0), (-4.6, 20.2), (-4.4, 17.0),
    (-3.6, 14.4), (-2.4, 12.4), (-2.45, 10.8), (-3.25, 9.3), (-4.15, 7.4),
    (-4.45, 5.2), (-3.95, 2.6), (-2.4, 0.65),
]  # fmt: skip

# The raised right arm on the side view, its back (dorsal) surface toward the
# viewer: the upper arm runs up and back from the shoulder to the elbow behind
# the nape, and the forearm and hand stand upright behind the head. Forearm and
# hand are the back frame's (the same outline, landmarks and regions), turned
# upright: the ulnar side (SI) toward the head, the radial side (LI) and thumb
# behind.
ARM_WRIST_Y = -3.6  # the wrist crease
ARM_Z = -9.0  # where the back frame's l = ARM_L lands
ARM_L = 9.23
#: the upper arm's axis: the bend of the elbow and the shoulder joint
ARM_ELBOW: Point = (-8.2, 8.9)
ARM_SHOULDER: Point = (-0.9, 15.8)
#: the upper arm's half-width along its axis (fraction from the elbow, half-width)
_UPPER_ARM_WIDTH = ((0.0, 1.25), (0.45, 1.4), (0.75, 1.6), (1.0, 1.8))
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


def _width(t: float) -> float:
    for (t0, w0), (t1, w1) in itertools.pairwise(_UPPER_ARM_WIDTH):
        if t <= t1:
            return w0 + (w1 - w0) * (t - t0) / (t1 - t0)
    return _UPPER_ARM_WIDTH[-1][1]


def side_arm_outline() -> Polygon:
    """The raised arm: the forearm and hand from the back frame, the upper arm, the
    cap of the shoulder."""
    half = front_back.body_half()
    i0 = half.index(front_back.ARM_ELBOW_RADIAL)
    i1 = half.index(front_back.ARM_ELBOW_ULNAR)
    forearm = [arm_from_back(p) for p in half[i0 : i1 + 1]]
    ts = (0.15, 0.35, 0.55, 0.75, 0.92)
    front = [upper_arm_point(t, _width(t)) for t in ts]
    back = [upper_arm_point(t, -_width(t)) for t in ts[::-1]]
    cap = [upper_arm_point(1.1, 1.2), upper_arm_point(1.18, 0.0), upper_arm_point(1.08, -1.5)]
    elbow = [upper_arm_point(-0.02, -1.3), upper_arm_point(-0.1, -0.6)]
    return catmull_rom([*forearm, *front, *cap, *back, *elbow], closed=True, steps=6)


def side_body_outline() -> Polygon:
    return catmull_rom(_SIDE_PROFILE, closed=True, steps=6)


def side_ear_outline() -> Polygon:
    """The auricle on the side view (kept convex: it is cut out of the head)."""
    cz, cy, rz, ry = -0.25, 6.15, 0.95, 1.75
    return [
        (cz + rz * math.cos(t) - 0.18 * (math.sin(t)), cy + ry * math.sin(t))
        for t in (2 * math.pi * k / 48 for k in range(48))
    ]


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
    outside_ear = halfplane_pieces([(ear[i], ear[(i + 1) % len(ear)]) for i in range(len(ear))])
    hair = [(-BIG, 8.6), (-1.5, 8.6), (-1.3, 4.3), (0.5, 4.1), (1.15, 5.25), (1.6, 4.3),
            (2.4, 3.0), (3.6, 2.0), (BIG, 2.0)]  # fmt: skip
    jaw = [(-BIG, 10.9), (-1.6, 10.9), (-1.35, 8.6), (1.2, 9.9), (3.0, 10.45),
           (BIG, 10.45)]  # fmt: skip
    front_half = [quad(-1.45, -30, BIG, -30, BIG, 30, -1.45, 30)]
    back_half = [quad(-BIG, -30, -1.45, -30, -1.45, 30, -BIG, 30)]
    shoulder_line = [quad(-BIG, -30, BIG, -30, BIG, 14.6, -BIG, 13.6)]
    mid = -0.3
    c: dict[str, Cell] = {}
    c["head"] = strip_above(hair, -30.0)
    c["face"] = intersect_cells(
        intersect_cells(strip_below(hair, 30.0), strip_above(jaw, -30.0)), front_half
    )
    c["neck"] = intersect_cells(
        intersect_cells(strip_below(jaw, 30.0), front_half), shoulder_line
    ) + intersect_cells(intersect_cells(strip_below(hair, 30.0), back_half), shoulder_line)
    c["shoulder"] = [quad(-BIG, 13.6, BIG, 14.6, BIG, 16.4, -BIG, 16.4)]
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
    ankle_y = 73.4 - 5.6 / (2 * BIG)
    c["ankle"] = [quad(-BIG, 71.0, BIG, 71.0, BIG, 72.9, -BIG, 73.9)]
    c["foot"] = [quad(-BIG, 73.9, 5.6, ankle_y, 5.6, 74.75, -BIG, 74.75)]
    c["toes"] = [quad(5.6, ankle_y, BIG, 72.9, BIG, 74.75, 5.6, 74.75)]
    c["sole"] = [zband(74.75, 80.0)]
    for name, cell in c.items():
        cell = intersect_cells(cell, outside_arm)
        if name in ("head", "face"):
            cell = intersect_cells(cell, outside_ear)
        rid = name if name in MIDLINE_REGIONS else f"{name}-right"
        geo.regions[rid] = clip_pieces(body, cell)
    geo.regions["ear-right"] = [ear]
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


# ---------------------------------------------------------------- views


SIDE_LANDMARKS: dict[str, Point] = {
    "vertex": (0.2, 0.0),
    "anterior_hairline": (3.6, 1.95),
    "hairline_corner": (2.6, 2.6),
    "temporal_hairline": (1.3, 4.0),
    "temple_hairline_back": (0.95, 4.45),
    "auricle_apex": (-0.35, 4.4),
    "auricle_root_back": (-1.1, 5.0),
    "tragus": (0.7, 6.2),
    "tragus_top": (0.65, 5.55),
    "intertragic_notch": (0.55, 6.8),
    "ear_lobe": (-0.55, 7.9),
    "mastoid": (-1.55, 7.6),
    "mandible_angle": (-1.3, 8.6),
    "mandible_condyle": (1.15, 6.3),
    "zygomatic_arch_mid": (1.7, 5.95),
    "mandibular_notch": (1.7, 6.6),
    "masseter": (1.55, 8.35),
    "outer_canthus": (3.2, 5.3),
    "eyebrow_lateral": (3.05, 4.6),
    "glabella": (4.2, 4.95),
    "nose_tip": (4.95, 7.1),
    "mouth": (4.3, 8.45),
    "occipital_protuberance": (-4.3, 6.3),
    "posterior_hairline": (-2.6, 8.9),
    "thyroid_cartilage": (2.0, 11.9),
    "cricoid_cartilage": (2.15, 12.7),
    "scm_front": (1.3, 11.9),
    "scm_back": (0.2, 11.9),
    "scm_mid": (0.75, 11.9),
    "suprasternal_notch": (2.6, 15.0),
    "acromion": (-0.6, 15.0),
    "axilla_apex": (-0.3, 17.6),
    # the centre of the axillary fossa, opened by the raised arm
    "axilla_centre": (-0.55, 18.1),
    "midaxillary_line": (-0.1, 20.0),
    "ics4_axillary": (-0.1, 22.4 + 0.12 * 6.5),
    "ics6_axillary": (-0.1, 25.5 + 0.12 * 6.5),
    "rib11_tip": (0.9, 29.8),
    "rib12_tip": (-1.6, 30.6),
    "umbilicus_level": (0.9, 32.0),
    "asis": (2.55, 35.0),
    "greater_trochanter": (-0.4, 38.0),
    "thigh_lateral_mid": (0.1, 47.0),
    "popliteal_lateral": (-1.2, 57.0),
    "knee_lateral": (0.2, 56.0),
    "fibula_head": (-0.55, 58.6),
    "lateral_malleolus": (-0.4, 73.0),
    "achilles": (-1.6, 72.6),
    "calcaneus": (-1.0, 74.4),
    "cuboid": (1.3, 74.3),
    "metatarsal5_tuberosity": (2.6, 74.5),
    "mtp5": (5.6, 74.55),
    "little_toe_nail": (7.0, 74.7),
    "sole_front": (4.4, 74.92),
    "foot_dorsum_4_5": (2.6, 73.95),
    "web_4_5": (5.45, 74.35),
    "toe4_nail": (7.1, 74.72),
    "ear_apex": (-0.3, 4.7),
    "hyoid": (1.7, 11.0),
    "mentolabial_groove": (3.85, 9.25),
    "philtrum_mid": (4.15, 7.9),
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
