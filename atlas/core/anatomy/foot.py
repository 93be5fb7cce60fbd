"""The lower limb's own frames: the right leg and foot where the full views see
them edge-on.

``medial``
    the leg from above the knee to the sole, seen from its inner side, toes to
    the left: ``x = -z`` (z forward from the malleoli, as on the side frame),
    ``y`` down as on every frame (patella base 55, popliteal crease 57, lower
    border of the tibial condyle 59, medial malleolus 72, sole 75);
``foot_dorsal``
    the foot seen from above, toes up: ``x`` lateral of the foot's axis,
    ``y = -z``;
``sole``
    the foot seen from below, toes up: the dorsal frame mirrored (``x`` medial).

The anatomy the points are found from (the tibia's medial border, the
calcaneal tendon, the joints of the foot, the border of the sole's skin) is
held here once: the landmarks are taken from it and ``atlas.diagram.drawing``
draws it, so that a point named after a structure sits on the drawn structure.
"""

from __future__ import annotations

import itertools

from atlas.core.anatomy.cells import (
    BIG,
    Cell,
    FrameGeometry,
    clip_pieces,
    intersect_cells,
    strip_above,
    strip_below,
)
from atlas.core.anatomy.geometry import Point, Polygon, catmull_rom, lerp, quad

FOOT_FRAMES = ("medial", "foot_dorsal", "sole")


def x_at(line: list[Point], y: float) -> float:
    """x of a polyline (running down the frame) at level y, extended at its ends."""
    pts = sorted(line, key=lambda p: p[1])
    for a, b in itertools.pairwise(pts):
        if y <= b[1] or b is pts[-1]:
            return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1])
    return pts[0][0]


def y_at(line: list[Point], x: float) -> float:
    """y of a polyline (running along x) at x, extended at its ends."""
    return x_at([(y, x) for x, y in line], x)


# ---------------------------------------------------------------- medial frame

# The outline from the front of the thigh down the shin, round the big toe,
# under the arch and the heel, and up the calf to the back of the thigh (the
# top is cut straight across, above the view).
_MEDIAL_OUTLINE: list[Point] = [
    (-3.35, 49.5), (-3.1, 52.3), (-2.9, 54.2),
    # patella, patellar ligament, tibial tuberosity
    (-2.95, 55.4), (-2.8, 56.5), (-2.45, 57.5), (-2.38, 58.9),
    # the shin (the tibia's anterior crest) and the tibialis anterior tendon
    (-2.05, 60.4), (-1.85, 63.0), (-1.66, 66.0), (-1.52, 69.0), (-1.47, 71.0),
    (-1.62, 72.05),
    # the ankle crease and the instep, the first metatarsophalangeal joint, the big toe
    (-2.15, 72.55), (-3.2, 72.92), (-4.55, 73.38), (-5.75, 73.8), (-6.6, 73.98),
    (-7.45, 74.06), (-7.95, 74.3), (-8.07, 74.65), (-7.85, 74.96),
    # the pad of the toe, the ball of the foot, the medial arch, the heel
    (-7.05, 75.05), (-6.4, 74.98), (-5.65, 75.05), (-4.6, 74.99), (-3.4, 74.78),
    (-2.0, 74.62), (-0.6, 74.8), (0.45, 75.02), (1.5, 75.0), (2.15, 74.62),
    (2.38, 73.9), (2.18, 72.95),
    # the calcaneal tendon, the calf (the medial head of the gastrocnemius), the knee
    (1.72, 71.8), (1.58, 70.0), (1.72, 68.0), (2.15, 66.0), (2.62, 63.6), (2.78, 61.5),
    (2.5, 59.5), (2.08, 57.9), (2.0, 56.4), (2.15, 54.0), (2.45, 51.6), (2.65, 49.5),
]  # fmt: skip

#: the tibia's medial (posterior) border: from the angle under the medial condyle
#: (SP9) straight down to the back of the medial malleolus
TIBIA_BORDER: tuple[Point, Point] = ((-0.15, 59.0), (0.3, 72.0))
#: the tibia's anterior crest, just inside the front of the shin
TIBIA_CREST: list[Point] = [(-2.05, 58.9), (-1.72, 61.5), (-1.52, 66.0), (-1.38, 70.0),
                            (-1.3, 71.3)]  # fmt: skip
#: the lower border of the medial condyle of the tibia, from the tuberosity back to SP9's
#: angle and up behind it
TIBIA_CONDYLE: list[Point] = [(-2.2, 58.45), (-1.2, 58.9), (-0.15, 59.0), (0.8, 58.45),
                              (1.5, 57.75)]  # fmt: skip
#: the front edge of the calcaneal tendon, from where the calf narrows to the heel
CALCANEAL_TENDON: list[Point] = [(1.0, 66.0), (0.98, 69.0), (1.05, 72.0), (1.35, 73.2),
                                 (1.85, 73.9)]  # fmt: skip
#: the lower edge of the gastrocnemius' medial head, from the knee to the tendon
GASTROCNEMIUS: list[Point] = [(1.55, 58.2), (0.8, 60.0), (0.6, 62.5), (0.85, 64.8),
                              (1.4, 66.2), (1.95, 66.7)]  # fmt: skip
#: the front edge of the soleus, between the tibia's border and the tendon
SOLEUS: list[Point] = [(0.3, 61.0), (0.35, 64.5), (0.6, 67.5), (0.9, 70.0)]
#: the semitendinosus tendon, behind the knee down to the tibia's medial surface
SEMITENDINOSUS: list[Point] = [(1.85, 53.5), (1.62, 55.5), (1.45, 57.0), (1.0, 58.5),
                               (-0.3, 59.7), (-1.3, 60.1)]  # fmt: skip
#: where the dark skin of the instep meets the pale skin of the sole (medial side)
SOLE_BORDER_MEDIAL: list[Point] = [
    (-7.75, 74.7), (-6.7, 74.73), (-5.75, 74.73), (-4.6, 74.63), (-3.4, 74.42),
    (-2.0, 74.24), (-0.6, 74.4), (0.6, 74.55), (1.6, 74.5), (2.2, 74.3),
]  # fmt: skip
#: the first metatarsophalangeal joint (the toes lie distal of this x), the
#: interphalangeal joint of the big toe, the navicular tuberosity, the base of the
#: first metatarsal, the medial malleolus (its prominence)
MTP1_X = -5.75
IP1_X = -7.0
NAVICULAR: Point = (-1.75, 73.45)
METATARSAL1_BASE: Point = (-2.95, 73.8)
MEDIAL_MALLEOLUS: Point = (-0.2, 72.0)
#: the big toenail seen from the inner side, its base corner on the medial side
BIG_TOENAIL_MEDIAL: list[Point] = [(-7.97, 74.32), (-7.3, 74.12), (-7.22, 74.3), (-7.9, 74.45)]
#: the boundary between the ankle and the foot, front to back
_ANKLE_EDGE: list[Point] = [(-BIG, 73.1), (-1.5, 73.1), (-1.0, 72.95), (-0.2, 72.85),
                            (0.45, 72.5), (1.0, 72.35), (BIG, 72.2)]  # fmt: skip


def medial_outline() -> Polygon:
    return catmull_rom(_MEDIAL_OUTLINE, steps=6)


def _medial_landmarks() -> dict[str, Point]:
    def on_border(x: float) -> Point:
        return (x, y_at(SOLE_BORDER_MEDIAL, x))

    (bx0, by0), (bx1, by1) = TIBIA_BORDER
    crest_ankle = (x_at(TIBIA_CREST, 72.0), 72.0)
    crest_knee = (x_at(TIBIA_CREST, 59.0), 59.0)
    return {
        # the knee
        "patella_base_medial": (-2.35, 55.0),
        "knee_eye_medial": (-2.1, 57.15),
        "popliteal_medial_end": (0.9, 57.0),
        "semitendinosus_lateral": (1.75, 57.0),
        "tibia_condyle_angle": TIBIA_BORDER[0],
        # the leg: lines running down it, named at the level of the malleolus and of
        # the condyle (a point is measured up or down along them)
        "tibia_border_ankle": (bx1, by1),
        "tibia_border_knee": (bx0, by0),
        "tibia_surface_ankle": lerp(crest_ankle, (bx1, by1), 0.5),
        "tibia_surface_knee": lerp(crest_knee, (bx0, by0), 0.5),
        # just behind the tibia's medial border 8 B-cun above the malleolus, on the
        # Spleen line: there the Liver line crosses behind it
        "liver_spleen_crossing": (x_at(list(TIBIA_BORDER), 64.0) + 0.2, 64.0),
        "calcaneal_tendon_ankle": (x_at(CALCANEAL_TENDON, 72.0), 72.0),
        "calcaneal_tendon_calf": (x_at(CALCANEAL_TENDON, 66.0), 66.0),
        # the ankle and the heel
        "medial_malleolus": MEDIAL_MALLEOLUS,
        "tibialis_anterior_medial": (-1.15, 72.1),
        "calcaneal_tendon_attachment": (1.05, 72.62),
        # the foot along its inner edge
        "navicular_tuberosity": NAVICULAR,
        "below_navicular": on_border(NAVICULAR[0]),
        "below_metatarsal1_base": on_border(METATARSAL1_BASE[0] - 0.3),
        "mtp1_proximal": on_border(MTP1_X + 0.3),
        "mtp1_distal": on_border(MTP1_X - 0.3),
        "big_toe_nail_medial": BIG_TOENAIL_MEDIAL[2],
    }


def _medial_cells() -> dict[str, Cell]:
    border = [(x, y + 0.12) for x, y in SOLE_BORDER_MEDIAL]
    border = [(-BIG, border[0][1]), *border, (BIG, border[-1][1])]
    below_edge = strip_below(_ANKLE_EDGE, 80.0)
    above_sole = strip_above(border, 60.0)
    foot = [quad(MTP1_X, 60.0, BIG, 60.0, BIG, 80.0, MTP1_X, 80.0)]
    toes = [quad(-BIG, 60.0, MTP1_X, 60.0, MTP1_X, 80.0, -BIG, 80.0)]
    top = 40.0
    return {
        "thigh": [quad(-BIG, top, BIG, top, BIG, 54.3, -BIG, 54.3)],
        "knee": [quad(-BIG, 54.3, BIG, 54.3, BIG, 58.6, -BIG, 58.6)],
        "leg": [quad(-BIG, 58.6, BIG, 58.6, BIG, 71.0, -BIG, 71.0)],
        "ankle": strip_above(_ANKLE_EDGE, 71.0),
        "foot": intersect_cells(intersect_cells(below_edge, above_sole), foot),
        "toes": intersect_cells(intersect_cells(below_edge, above_sole), toes),
        "sole": strip_below(border, 80.0),
    }


# ---------------------------------------------------------------- dorsal and sole frames

# The right foot seen from above, toes up (x lateral, y = -z), from the back of
# the heel round the inner edge, the five toes and the outer edge.
_FOOT_TOP: list[Point] = [
    (-0.05, 2.45), (-0.85, 2.2), (-1.22, 1.3), (-1.35, 0.35), (-1.52, -0.25),
    (-1.5, -1.0), (-1.72, -1.75), (-1.86, -3.0), (-2.02, -4.5), (-2.16, -5.5),
    # big toe
    (-2.13, -6.5), (-2.06, -7.35), (-1.86, -7.82), (-1.52, -7.97), (-1.19, -7.84),
    (-1.01, -7.5), (-0.97, -6.95), (-0.95, -6.5),
    # second toe
    (-0.88, -6.95), (-0.84, -7.55), (-0.68, -7.82), (-0.46, -7.88), (-0.25, -7.82),
    (-0.09, -7.55), (-0.06, -6.95), (-0.05, -6.55),
    # third toe
    (0.02, -7.0), (0.06, -7.3), (0.17, -7.5), (0.36, -7.56), (0.55, -7.5), (0.66, -7.3),
    (0.69, -6.85), (0.7, -6.35),
    # fourth toe
    (0.74, -6.8), (0.79, -7.0), (0.89, -7.13), (1.07, -7.17), (1.25, -7.11), (1.35, -6.95),
    (1.38, -6.55), (1.4, -6.1),
    # little toe
    (1.44, -6.4), (1.51, -6.62), (1.61, -6.72), (1.74, -6.74), (1.88, -6.69), (1.97, -6.55),
    (2.05, -6.0),
    # the outer edge: fifth metatarsophalangeal joint, the tuberosity of the fifth
    # metatarsal, the lateral malleolus
    (2.1, -4.8), (2.0, -3.5), (2.06, -2.45), (1.82, -1.9), (1.6, -1.0), (1.62, 0.4),
    (1.36, 1.3), (1.0, 2.2),
]  # fmt: skip

#: per toe, big toe first: (x of its axis, y of its tip, half-width of its nail,
#: y of its interphalangeal joint nearest the tip)
TOES: tuple[tuple[float, float, float, float], ...] = (
    (-1.52, -7.97, 0.34, -7.0),
    (-0.46, -7.88, 0.21, -7.25),
    (0.36, -7.56, 0.19, -7.0),
    (1.07, -7.17, 0.17, -6.7),
    (1.74, -6.74, 0.15, -6.35),
)
#: the webs between the toes (1-2, 2-3, 3-4, 4-5)
WEBS: tuple[Point, ...] = ((-0.95, -6.5), (-0.05, -6.55), (0.7, -6.35), (1.4, -6.1))
#: per metatarsal, big toe first: (base, head), each (x, y)
METATARSALS: tuple[tuple[Point, Point], ...] = (
    ((-1.2, -3.0), (-1.5, -5.45)),
    ((-0.42, -2.45), (-0.45, -5.65)),
    ((0.22, -2.6), (0.35, -5.4)),
    ((0.78, -2.35), (1.0, -5.1)),
    ((1.35, -2.2), (1.62, -4.75)),
)
MEDIAL_MALLEOLUS_DORSAL: Point = (-1.5, -0.2)
LATERAL_MALLEOLUS_DORSAL: Point = (1.6, 0.4)


def toenail(toe: int) -> Polygon:
    """A toenail on the dorsal frame (a rounded trapezoid near the tip)."""
    x, tip, w, _ = TOES[toe]
    top, base = tip + 0.07 + w * 0.2, tip + 0.12 + w * 1.6
    return [(x - w * 0.92, top + 0.1), (x, top), (x + w * 0.92, top + 0.1),
            (x + w, base), (x - w, base)]  # fmt: skip


def foot_outline(frame: str) -> Polygon:
    if frame == "medial":
        return medial_outline()
    pts = catmull_rom(_FOOT_TOP, closed=True, steps=5)
    if frame == "sole":
        return [(-x, y) for x, y in pts]
    return pts


def _dorsal_landmarks() -> dict[str, Point]:
    def nail_corner(toe: int, side: int) -> Point:
        """The base corner of a toenail, on the lateral (+1) or medial (-1) side."""
        nail = toenail(toe)
        return nail[3] if side > 0 else nail[4]

    def tip(toe: int) -> Point:
        return toenail(toe)[1]

    (b1, _), (b2, h2), (_, h3), (b4, h4), (b5, h5) = METATARSALS
    marks: dict[str, Point] = {
        "ankle_front": (0.05, -0.35),
        "lateral_malleolus_front": (1.28, -0.45),
        "tibialis_anterior_medial": (-0.85, -0.4),
        "metatarsal2_base": b2,
        "metatarsal_1_2_bases": lerp(b1, b2, 0.5),
        "metatarsal_4_5_bases": lerp(b4, b5, 0.5),
        "metatarsal_2_3_heads": lerp(h2, h3, 0.5),
        "metatarsal_4_5_heads": lerp(h4, h5, 0.5),
        "big_toe_nail_lateral": nail_corner(0, 1),
        "big_toe_nail_medial": nail_corner(0, -1),
        "second_toe_nail_lateral": nail_corner(1, 1),
        "fourth_toe_nail_lateral": nail_corner(3, 1),
        "little_toe_nail_lateral": nail_corner(4, 1),
    }
    for pair, web in zip(("1_2", "2_3", "3_4", "4_5"), WEBS, strict=True):
        marks[f"web_{pair}"] = web
    for toe, name in enumerate(("big", "second", "third", "fourth", "little")):
        marks[f"{name}_toe_tip"] = tip(toe)
    return marks


def _sole_landmarks() -> dict[str, Point]:
    x2, _, _, dip2 = TOES[1]
    web = WEBS[1]
    return {
        # the sole is the dorsal frame mirrored: medial is +x
        "web_2_3": (-web[0], web[1]),
        "heel_back": (0.0, _FOOT_TOP[0][1]),
        "second_toe_dip": (-x2, dip2),
    }


def foot_geometry(frame: str) -> FrameGeometry:
    geo = FrameGeometry(frame)
    outline = foot_outline(frame)
    geo.outlines["body"] = outline
    c: dict[str, Cell]
    if frame == "medial":
        c = _medial_cells()
    else:
        toe_line = [(-BIG, WEBS[0][1]), *WEBS, (BIG, WEBS[-1][1])]
        if frame == "sole":
            toe_line = [(-x, y) for x, y in reversed(toe_line)]
        c = {
            "ankle": [quad(-BIG, -0.9, BIG, -0.9, BIG, BIG, -BIG, BIG)],
            "foot": strip_below(toe_line, -0.9),
            "toes": strip_above(toe_line, -BIG),
        }
        if frame == "sole":
            c = {"sole": strip_below(toe_line, BIG), "toes": c["toes"]}
    for name, cell in c.items():
        geo.regions[f"{name}-right"] = clip_pieces(outline, cell)
    return geo


FOOT_LANDMARKS: dict[str, dict[str, Point]] = {
    "medial": _medial_landmarks(),
    "foot_dorsal": _dorsal_landmarks(),
    "sole": _sole_landmarks(),
}
