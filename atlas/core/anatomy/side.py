"""The side frame: a lateral projection of the figure's right side, facing right.

Positions are ``(z, y)``: ``z`` runs forward from the mid-coronal plane.
"""

from __future__ import annotations

import math

from atlas.core.anatomy import scalp
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
from atlas.core.anatomy.geometry import (
    Point,
    Polygon,
    area,
    at_level,
    catmull_rom,
    clip_convex,
    convex_hull,
    halfplane_pieces,
    lerp,
    quad,
)

# ---------------------------------------------------------------- side frame

# The profile of the figure's right side (z forward, y down), below the head and
# neck: from the suprasternal notch down the front of the trunk and leg, the foot,
# and up the back of the leg and the back to the shoulders.
_SIDE_PROFILE: list[Point] = [
    (2.6, 15.0), (3.6, 16.9), (4.25, 19.6),
    (4.45, 22.0), (4.1, 24.3), (3.7, 27.0), (3.55, 29.8), (3.7, 32.0), (3.65, 34.6),
    (3.25, 37.1), (3.35, 38.7), (3.65, 42.0), (3.45, 48.0), (2.85, 53.0), (2.7, 55.6),
    (2.3, 57.6), (1.95, 60.0), (1.6, 66.0), (1.35, 71.3), (2.1, 72.6), (3.8, 73.5),
    (5.9, 74.3), (7.55, 74.6), (7.95, 74.9), (7.6, 75.05), (5.0, 75.05), (1.5, 75.05),
    (-1.4, 75.05), (-2.2, 74.85), (-2.45, 74.0), (-2.0, 72.3), (-1.55, 69.5),
    (-1.75, 66.0), (-2.35, 62.0), (-2.3, 58.8), (-1.85, 56.8), (-2.05, 52.5),
    (-2.65, 46.5), (-3.3, 43.2), (-4.25, 41.0), (-4.5, 38.6), (-4.1, 35.5),
    (-3.3, 31.2), (-3.45, 28.0), (-4.1, 24.0), (-4.6, 20.2), (-4.4, 17.0),
]  # fmt: skip

# The raised right arm on the side view: upper arm up and back from the shoulder,
# forearm and hand above and behind the head. Centre line and half-widths.
SIDE_ARM_AXIS: list[tuple[float, float, float]] = [
    # (z, y, half-width): raised and drawn back, clear of the head and the nape
    (-0.8, 16.2, 2.05),
    (-3.4, 12.2, 1.7),
    (-6.2, 7.6, 1.45),
    (-7.0, 6.0, 1.35),
    (-8.2, 3.1, 1.45),
    (-9.5, -0.3, 1.2),
    (-10.5, -3.3, 0.95),
    (-10.9, -4.6, 0.95),
    (-11.6, -6.3, 1.15),
    (-12.4, -8.5, 0.95),
    (-12.9, -10.3, 0.55),
]
#: arm stations (index into SIDE_ARM_AXIS) where the regions change
SIDE_ARM_STATIONS = {"shoulder": 0, "upper_arm": 1, "elbow": 3, "forearm": 4, "wrist": 7,
                     "hand": 8}  # fmt: skip


def side_arm_edges() -> tuple[list[Point], list[Point]]:
    """Front (upper) and back (lower) edges of the raised arm, one point per station."""
    front: list[Point] = []
    back: list[Point] = []
    n = len(SIDE_ARM_AXIS)
    for i, (z, y, w) in enumerate(SIDE_ARM_AXIS):
        za, ya, _ = SIDE_ARM_AXIS[max(i - 1, 0)]
        zb, yb, _ = SIDE_ARM_AXIS[min(i + 1, n - 1)]
        dz, dy = zb - za, yb - ya
        norm = math.hypot(dz, dy) or 1.0
        nz, ny = -dy / norm, dz / norm  # perpendicular
        front.append((z + nz * w, y + ny * w))
        back.append((z - nz * w, y - ny * w))
    return front, back


def side_arm_outline() -> Polygon:
    front, back = side_arm_edges()
    tip = SIDE_ARM_AXIS[-1]
    pts = [*front, (tip[0] - 0.35, tip[1] - 0.5), *back[::-1]]
    return catmull_rom(pts, closed=True, steps=6)


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
    (-BIG, 8.45), (-1.78, 8.45), (-1.55, 7.1), (-1.2, 6.95), (0.3, 6.95), (0.42, 5.3),
    (2.45, 5.3), (2.8, 4.3), (3.25, 2.1), (3.6, 1.95), (BIG, 1.95),
]  # fmt: skip
_JAW_EDGE: list[Point] = [
    (-BIG, 6.85), (0.3, 6.85), (0.62, 8.7), (0.85, 8.85), (2.0, 9.38), (3.0, 9.9),
    (3.7, 10.3), (BIG, 10.3),
]  # fmt: skip


def _side_head_cells() -> dict[str, Cell]:
    below_head = strip_below(_HEAD_EDGE, 30.0)
    shoulder_line = [quad(-BIG, -30, BIG, -30, BIG, 14.6, -BIG, 13.6)]
    return {
        "head": strip_above(_HEAD_EDGE, -30.0),
        "face": intersect_cells(below_head, strip_above(_JAW_EDGE, -30.0)),
        "neck": intersect_cells(
            intersect_cells(below_head, strip_below(_JAW_EDGE, 30.0)), shoulder_line
        ),
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
    front, back = side_arm_edges()
    n = len(front)
    hull_end = SIDE_ARM_STATIONS["forearm"]

    def side_of(i: int, p: Point) -> float:
        """> 0 when p lies beyond cross-line i (toward the hand)."""
        (fx, fy), (bx, by) = front[i], back[i]
        ax, ay = SIDE_ARM_AXIS[min(i + 1, n - 1)][:2]
        if i == n - 1:
            ax, ay = 2 * fx - SIDE_ARM_AXIS[i - 1][0], 2 * fy - SIDE_ARM_AXIS[i - 1][1]

        def cross(q: Point) -> float:
            return (bx - fx) * (q[1] - fy) - (by - fy) * (q[0] - fx)

        return cross(p) * (1 if cross((ax, ay)) > 0 else -1)

    def slab(i: int) -> Polygon:
        """The strip between cross-lines i and i+1 (open-ended at the two ends)."""
        k = 4.0

        def ext(p: Point, q: Point) -> Point:
            return (p[0] + (p[0] - q[0]) * k, p[1] + (p[1] - q[1]) * k)

        f0, b0 = front[i], back[i]
        if i + 1 < n:
            f1, b1 = front[i + 1], back[i + 1]
        else:
            ax, ay = SIDE_ARM_AXIS[i][:2]
            px, py = SIDE_ARM_AXIS[i - 1][:2]
            f1 = (f0[0] + (ax - px) * 3, f0[1] + (ay - py) * 3)
            b1 = (b0[0] + (ax - px) * 3, b0[1] + (ay - py) * 3)
        if i == 0:
            ax, ay = SIDE_ARM_AXIS[1][:2]
            px, py = SIDE_ARM_AXIS[0][:2]
            f0 = (f0[0] - (ax - px) * 3, f0[1] - (ay - py) * 3)
            b0 = (b0[0] - (ax - px) * 3, b0[1] - (ay - py) * 3)
        return [ext(f0, b0), ext(f1, b1), ext(b1, f1), ext(b0, f0)]

    cap = [p for p in arm if side_of(1, p) <= 0]
    occ_a = convex_hull([*cap, front[1], back[1]])
    upper = [p for p in arm if side_of(1, p) >= 0 and side_of(hull_end, p) <= 0]
    occ_b = convex_hull([*upper, front[1], back[1], front[hull_end], back[hull_end]])
    outside_arm = intersect_cells(
        halfplane_pieces([(occ_a[i], occ_a[(i + 1) % len(occ_a)]) for i in range(len(occ_a))]),
        halfplane_pieces([(occ_b[i], occ_b[(i + 1) % len(occ_b)]) for i in range(len(occ_b))]),
    )
    ear_hull = convex_hull(SIDE_EAR)
    outside_ear = halfplane_pieces(
        [(ear_hull[i], ear_hull[(i + 1) % len(ear_hull)]) for i in range(len(ear_hull))]
    )
    mid = -0.3
    c: dict[str, Cell] = _side_head_cells()
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
        if name in ("head", "face", "neck"):
            cell = intersect_cells(cell, outside_ear)
        rid = name if name in MIDLINE_REGIONS else f"{name}-right"
        geo.regions[rid] = clip_pieces(body, cell)
    geo.regions["ear-right"] = [ear_hull]
    # the raised arm: inside the occluder the whole hull belongs to the arm
    stations = list(SIDE_ARM_STATIONS.items())
    for k, (name, start) in enumerate(stations):
        end = stations[k + 1][1] if k + 1 < len(stations) else n
        pieces: list[Polygon] = []
        for i in range(start, end):
            if i < hull_end:
                piece = clip_convex(occ_a if i == 0 else occ_b, slab(i))
                if len(piece) >= 3 and area(piece) > 1e-4:
                    pieces.append(piece)
            else:
                pieces += clip_pieces(arm, [slab(i)])
        rid = "fingers-right" if name == "hand" else f"{name}-right"
        geo.regions.setdefault(rid, []).extend(pieces)
    return geo


# ---------------------------------------------------------------- views


#: The borders of the sternocleidomastoid seen from the side: from the mastoid
#: process down and forward to the sternum (its front) and the clavicle (its back).
SIDE_SCM_FRONT: tuple[Point, Point] = ((-0.9, 7.8), (2.45, 14.85))
SIDE_SCM_BACK: tuple[Point, Point] = ((-2.25, 7.2), (1.25, 14.95))


_THYROID_Y, _CRICOID_Y, _ANGLE_Y = 11.9, 12.7, 8.7

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
    "occipital_protuberance": (-4.15, 6.3),
    "posterior_hairline": (-3.3, 9.0),
    # the ear: the hairline over its apex, the apex itself, the root and the notches
    "auricle_apex": (-0.42, 4.35),
    "ear_apex": (-0.42, 4.65),
    "auricle_root_back": (-0.95, 4.85),
    "supratragic_notch": (0.33, 5.45),
    "tragus": (0.5, 6.05),
    "intertragic_notch": (0.28, 6.62),
    "ear_lobe": (-0.2, 7.3),
    # curves round the back of the auricle: along the helix (TE17 to TE20) and a
    # finger-breadth further back (GB9 to GB12)
    "helix_back": (-1.4, 5.85),
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
    "nose_tip": (4.85, 7.1),
    "ala_lower": (4.35, 7.45),
    "philtrum_mid": (4.25, 7.82),
    "mouth": (4.2, 8.45),
    "mentolabial_groove": (3.9, 9.25),
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
    # the trunk and the limbs
    "suprasternal_notch": (2.6, 15.0),
    "acromion": (-0.6, 15.0),
    "axilla_apex": (-0.3, 17.6),
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
}
