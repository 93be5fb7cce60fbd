"""The side frame: a lateral projection of the figure's right side, facing right.

Positions are ``(z, y)``: ``z`` runs forward from the mid-coronal plane.
"""

from __future__ import annotations

import itertools
import math

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
from atlas.core.anatomy.front_back import FRONT_LANDMARKS
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

# ---------------------------------------------------------------- side frame

# The profile of the figure's right side (z forward, y down), clockwise from the
# vertex: face, front of the trunk and leg, foot, back of the leg, back, nape.
_SIDE_PROFILE: list[Point] = [
    (0.2, 0.0), (2.1, 0.45), (3.35, 1.55), (3.95, 3.0), (4.12, 4.25), (4.2, 4.8),
    (3.98, 5.3), (4.45, 6.35), (4.95, 7.1), (4.75, 7.45), (4.3, 7.6), (4.45, 8.1),
    (4.25, 8.45), (4.38, 8.8), (4.0, 9.25), (4.28, 9.85), (3.8, 10.35), (2.6, 10.6),
    (1.95, 11.1), (2.1, 12.3), (2.35, 13.8), (2.6, 15.0), (3.6, 16.9), (4.25, 19.6),
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
    c.update(_side_foot_cells())
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
        "lateral_epicondyle": (0.2, 55.7),
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
        # KI1 is a third of the way from the web of the 2nd and 3rd toes to the heel
        "sole_web_2_3": (6.55, 74.93),
        "heel_back_sole": (-2.45, 74.93),
    }


LEG_LANDMARKS = _leg_landmarks()


# ---------------------------------------------------------------- landmarks

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
    "midaxillary_line": (-0.1, 20.0),
    "ics4_axillary": (-0.1, 22.4 + 0.12 * 6.5),
    "ics6_axillary": (-0.1, 25.5 + 0.12 * 6.5),
    "rib11_tip": (0.9, 29.8),
    "rib12_tip": (-1.6, 30.6),
    "umbilicus_level": (0.9, 32.0),
    "asis": (2.55, 35.0),
    "greater_trochanter": (-0.4, 38.0),
    **LEG_LANDMARKS,
    "ear_apex": (-0.3, 4.7),
    "hyoid": (1.7, 11.0),
    "mentolabial_groove": (3.85, 9.25),
    "philtrum_mid": (4.15, 7.9),
}
