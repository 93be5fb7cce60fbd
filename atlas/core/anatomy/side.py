"""The side frame: a lateral projection of the figure's right side, facing right.

Positions are ``(z, y)``: ``z`` runs forward from the mid-coronal plane.
"""

from __future__ import annotations

import math

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
from atlas.core.anatomy.geometry import (
    Point,
    Polygon,
    area,
    catmull_rom,
    clip_convex,
    convex_hull,
    halfplane_pieces,
    quad,
)
from atlas.core.anatomy.levels import ics_y

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


def side_body_outline() -> Polygon:
    return catmull_rom(_SIDE_PROFILE, closed=True, steps=6)


def side_ear_outline() -> Polygon:
    """The auricle on the side view (kept convex: it is cut out of the head)."""
    cz, cy, rz, ry = -0.25, 6.15, 0.95, 1.75
    return [
        (cz + rz * math.cos(t) - 0.18 * (math.sin(t)), cy + ry * math.sin(t))
        for t in (2 * math.pi * k / 48 for k in range(48))
    ]


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
    "greater_trochanter": (-0.4, 38.0),
    "sacral_hiatus": (-4.4, 38.7),
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
}
