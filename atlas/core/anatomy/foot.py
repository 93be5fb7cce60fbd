"""The foot frames: the right foot alone, at a larger scale."""

from __future__ import annotations

from atlas.core.anatomy.cells import BIG, Cell, FrameGeometry, clip_pieces
from atlas.core.anatomy.geometry import Point, Polygon, catmull_rom, quad

# (seen from below, toes up; x = distance medial of the axis, y = -z). Here z
# runs forward from the malleoli, in B-cun.

_FOOT_MEDIAL: list[Point] = [
    (-1.6, 66.3), (-1.45, 69.5), (-1.35, 71.3), (-2.3, 72.4), (-4.0, 73.2), (-5.8, 73.65),
    (-7.3, 73.95), (-8.0, 74.35), (-7.95, 74.85), (-7.0, 75.02), (-5.5, 75.05),
    (-4.5, 74.95), (-2.5, 74.55), (-0.9, 74.75), (0.5, 75.05), (1.6, 75.0), (2.35, 74.4),
    (2.15, 72.8), (1.6, 70.0), (1.8, 66.3),
]  # fmt: skip

_FOOT_TOP: list[Point] = [
    (0.0, 2.45), (1.05, 2.2), (1.45, 1.2), (1.6, 0.1), (1.7, -1.5), (1.95, -3.5),
    (2.1, -5.0), (2.05, -5.7), (2.0, -6.4), (1.75, -6.75), (1.45, -6.5), (1.35, -6.4),
    (1.32, -6.9), (1.05, -7.25), (0.75, -7.0), (0.7, -6.45), (0.6, -7.45), (0.3, -7.7),
    (0.0, -7.45), (-0.05, -6.45), (-0.15, -7.8), (-0.5, -8.05), (-0.85, -7.75),
    (-0.95, -6.5), (-1.0, -7.6), (-1.5, -8.05), (-2.0, -7.7), (-2.15, -6.8), (-2.15, -5.5),
    (-1.75, -3.0), (-1.45, -1.0), (-1.55, 0.0), (-1.4, 1.2), (-1.0, 2.2),
]  # fmt: skip

FOOT_FRAMES = ("foot_medial", "foot_dorsal", "sole")


def foot_outline(frame: str) -> Polygon:
    if frame == "foot_medial":
        pts = catmull_rom(_FOOT_MEDIAL, steps=6)
        # a straight cut across the leg at the top of the view
        return [p for p in pts if p[1] >= 66.3] or pts
    pts = catmull_rom(_FOOT_TOP, closed=True, steps=5)
    if frame == "sole":
        return [(-x, y) for x, y in pts]
    return pts


def foot_geometry(frame: str) -> FrameGeometry:
    geo = FrameGeometry(frame)
    outline = foot_outline(frame)
    geo.outlines["body"] = outline
    c: dict[str, Cell] = {}
    if frame == "foot_medial":

        def edge(x: float) -> float:  # the ankle/foot boundary, lower behind
            return 72.5 + 0.5 * (x + 6.0) / 9.0

        w = 12.0
        c["leg"] = [quad(-w, 60.0, w, 60.0, w, 71.2, -w, 71.2)]
        c["ankle"] = [quad(-w, 71.2, w, 71.2, w, edge(w), -w, edge(-w))]
        c["foot"] = [quad(-6.1, edge(-6.1), w, edge(w), w, 74.8, -6.1, 74.8)]
        c["toes"] = [quad(-w, edge(-w), -6.1, edge(-6.1), -6.1, 80.0, -w, 80.0)]
        c["sole"] = [quad(-6.1, 74.8, w, 74.8, w, 80.0, -6.1, 80.0)]
    elif frame == "sole":
        c["sole"] = [quad(-BIG, -6.3, BIG, -6.3, BIG, BIG, -BIG, BIG)]
        c["toes"] = [quad(-BIG, -BIG, BIG, -BIG, BIG, -6.3, -BIG, -6.3)]
    else:
        c["ankle"] = [quad(-BIG, -0.9, BIG, -0.9, BIG, BIG, -BIG, BIG)]
        c["foot"] = [quad(-BIG, -6.3, BIG, -6.3, BIG, -0.9, -BIG, -0.9)]
        c["toes"] = [quad(-BIG, -BIG, BIG, -BIG, BIG, -6.3, -BIG, -6.3)]
    for name, cell in c.items():
        geo.regions[f"{name}-right"] = clip_pieces(outline, cell)
    return geo


FOOT_LANDMARKS: dict[str, dict[str, Point]] = {}
FOOT_LANDMARKS["foot_medial"] = {
    "medial_malleolus": (-0.2, 72.0),
    "tibialis_anterior_medial": (-1.0, 72.2),
    "malleolus_achilles": (1.1, 72.1),
    "below_medial_malleolus": (-0.2, 73.0),
    "navicular_tuberosity": (-2.2, 73.5),
    "below_navicular": (-2.2, 73.95),
    "metatarsal1_base": (-3.6, 74.2),
    "mtp1_proximal": (-5.3, 74.45),
    "mtp1_distal": (-6.4, 74.45),
    "big_toe_nail_medial": (-7.45, 74.25),
    "navicular_malleolus_mid": (-0.9, 72.7),
    "heel_front": (1.35, 73.2),
    "calcaneus_medial": (1.1, 73.3),
    "leg_3_above": (0.3, 69.0),
}
FOOT_LANDMARKS["foot_dorsal"] = {
    "ankle_front": (0.0, -0.2),
    "lateral_malleolus_front": (1.25, -0.5),
    "tibialis_anterior_medial": (-0.8, -0.4),
    "metatarsal2_base": (-0.3, -2.3),
    "metatarsal_1_2_base": (-0.85, -3.6),
    "metatarsal_4_5_base": (1.15, -3.6),
    "metatarsal_2_3_head": (-0.35, -5.2),
    "metatarsal_4_5_head": (1.1, -5.1),
    "web_1_2": (-0.95, -6.15),
    "web_2_3": (-0.05, -6.15),
    "web_3_4": (0.65, -6.15),
    "web_4_5": (1.35, -6.1),
    "big_toe_nail_lateral": (-1.15, -7.5),
    "big_toe_nail_medial": (-1.9, -7.45),
    "big_toe_tip": (-1.5, -7.85),
    "second_toe_tip": (-0.45, -7.95),
    "third_toe_tip": (0.35, -7.6),
    "fourth_toe_tip": (1.05, -7.15),
    "little_toe_tip": (1.75, -6.65),
    "second_toe_nail_lateral": (-0.3, -7.55),
    "fourth_toe_nail_lateral": (1.2, -6.95),
}
FOOT_LANDMARKS["sole"] = {
    "sole_front_third": (0.0, -4.0),
    "second_toe_dip": (0.45, -7.2),
}
