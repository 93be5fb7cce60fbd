"""The front and back frames: the figure seen from the front or the back.

Positions are ``(l, y)``: ``l`` the distance from the median line (>= 0, the
same for either side; bilateral points are mirrored), ``y`` down from the vertex.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from atlas.core.anatomy import scalp
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
from atlas.core.anatomy.geometry import Point, Polygon, catmull_rom, quad
from atlas.core.anatomy.levels import ICS_MID, POSTERIOR_HAIRLINE, SPINE, spine_marks

# The right half of the figure seen from the front, as (l, y) control points,
# from the vertex down around the head, arm and leg to the crotch.
# The face below the vault's widest level (the vault above it is scalp.outline).
_FACE_HALF: list[Point] = [
    (3.66, 5.0), (3.6, 5.8), (3.48, 7.0), (3.22, 8.05), (2.78, 8.95), (2.2, 9.7),
    (1.35, 10.15), (0.0, 10.35),
]  # fmt: skip

_BODY_HALF: list[Point] = [
    (1.55, 10.1), (1.72, 11.3), (1.95, 12.4), (2.6, 13.05), (4.3, 13.55), (6.1, 13.95),
    (7.3, 14.4), (8.25, 15.25), (8.8, 16.6), (9.05, 18.4), (9.05, 20.6), (9.1, 23.5),
    (9.25, 26.5), (9.6, 28.5), (10.0, 30.6), (10.2, 33.5), (10.3, 37.0), (10.35, 40.0),
    # hand: thenar, thumb, fingers, hypothenar
    (10.80, 41.2), (11.30, 42.5), (11.55, 43.8), (11.50, 44.9), (11.25, 45.55),
    (10.95, 45.35), (10.85, 44.6), (10.80, 44.0),
    (10.85, 45.2), (10.77, 46.6), (10.55, 47.45), (10.25, 47.5), (10.07, 46.0), (9.97, 44.85),
    (9.90, 46.4), (9.80, 47.9), (9.50, 48.3), (9.20, 47.9), (9.15, 46.4), (9.07, 44.95),
    (8.95, 46.3), (8.80, 47.6), (8.50, 47.85), (8.25, 47.4), (8.20, 45.9), (8.13, 45.1),
    (7.95, 46.0), (7.77, 46.75), (7.50, 46.6), (7.40, 45.4), (7.45, 43.6), (7.70, 42.0),
    (8.10, 40.7),
    # medial forearm and arm up to the axilla
    (7.95, 38.0), (7.5, 34.0), (7.2, 31.0), (7.15, 28.5), (7.0, 25.5), (6.85, 22.5),
    (6.7, 20.3), (6.45, 19.3),
    # trunk side, hip, lateral leg
    (6.3, 20.4), (6.35, 22.0), (6.25, 24.0), (5.95, 26.5), (5.6, 29.3), (5.75, 31.8),
    (6.25, 34.0), (6.7, 36.5), (6.85, 38.8), (6.8, 41.5), (6.5, 45.5), (5.95, 50.0),
    (5.0, 53.8), (4.55, 56.0), (4.5, 57.8), (4.7, 60.5), (4.55, 63.5), (4.0, 67.0),
    (3.45, 70.0), (3.3, 71.6), (3.55, 72.9), (3.95, 73.9), (4.0, 74.7), (3.75, 75.0),
    # toes (front view of the foot) and medial side
    (3.2, 75.02), (2.6, 75.04), (2.0, 75.05), (1.4, 75.05), (0.95, 74.85), (0.8, 74.2),
    (0.9, 73.4), (1.1, 72.4), (1.2, 71.2), (1.1, 69.0), (0.85, 65.0), (0.75, 62.0),
    (0.85, 59.2), (0.6, 56.5), (0.55, 53.5), (0.35, 48.5), (0.15, 43.5), (0.0, 41.0),
]  # fmt: skip

# The arm/trunk separator (l as a function of y), through the gap under the axilla.
ARM_SEP_TOP: Point = (6.45, 19.3)
ARM_SEP_BOTTOM: Point = (7.3, 48.0)


def _mirror(half: Sequence[Point]) -> Polygon:
    """Right half (l >= 0) -> a closed outline in signed x (right side at -l)."""
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half) if lx > 0]
    return right + left


def head_outline_front() -> Polygon:
    """The head seen from the front or back: the vault's silhouette, then the face."""
    cy = scalp.CENTRE[1]
    vault = [(abs(x), y) for x, y in scalp.outline("front") if x >= 0 and y < cy]
    vault.sort(key=lambda p: p[1])  # from the vertex down to the widest level
    face = catmull_rom(_FACE_HALF, steps=6)
    half = [(0.0, vault[0][1]), *vault, *face[1:]]
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half[1:-1])]
    return right + left


def body_outline_front() -> Polygon:
    """Neck, trunk, arms and legs (no head) as one closed outline, signed x."""
    half = catmull_rom(_BODY_HALF, steps=6)
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
    (l0, y0), (l1, y1) = ARM_SEP_TOP, ARM_SEP_BOTTOM
    if y <= y0:
        return l0
    return l0 + (l1 - l0) * (y - y0) / (y1 - y0)


def _arm_band(y0: float, y1: float) -> Polygon:
    """The part of the arm domain between two levels (lateral of the separator)."""
    return [(_sep_l(y0), y0), (BIG, y0), (BIG, y1), (_sep_l(y1), y1)]


def _trunk_band(y0: float, y1: float, l0: float = 0.0) -> Cell:
    """The trunk between two levels, medial of the separator (split where it bends)."""
    bend = ARM_SEP_TOP[1]
    levels = [y0, bend, y1] if y0 < bend < y1 else [y0, y1]
    return [
        [(l0, a), (_sep_l(a), a), (_sep_l(b), b), (l0, b)] for a, b in itertools.pairwise(levels)
    ]


# the hairline on the front and back, as (l, y) polylines
_HAIRLINE_FRONT: list[Point] = [(0.0, 1.95), (1.6, 2.05), (2.6, 2.4), (2.8, 5.6),
                                (BIG, 5.6)]  # fmt: skip
_JAW_LINE: list[Point] = [(0.0, 10.3), (1.4, 10.15), (2.25, 9.7), (2.9, 8.95), (BIG, 8.95)]
_CLAVICLE_LINE: list[Point] = [(0.0, 15.0), (1.1, 14.9), (3.0, 15.0), (5.2, 14.75),
                               (6.45, 14.5)]  # fmt: skip


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
        c["hip"] = [quad(4.2, 38.2, _sep_l(33.0), 33.0, _sep_l(41.5), 41.5, 4.2, 41.5)]
        c["thigh"] = [
            quad(0.0, 38.2, 4.2, 38.2, 4.2, 41.5, 0.0, 41.5),
            quad(0.0, 41.5, _sep_l(41.5), 41.5, 6.0, 54.3, 0.0, 54.3),
        ]
        c["knee"] = [band(54.3, 58.6, 0.0, 6.0)]
        c["leg"] = [band(58.6, 71.0, 0.0, 6.0)]
        c["ankle"] = [quad(0.0, 71.0, 6.0, 71.0, 6.0, 74.2, 0.0, 72.6)]
        c["foot"] = [quad(0.0, 72.6, 6.0, 74.2, 6.0, 74.42, 0.0, 74.42)]
        c["toes"] = [band(74.42, 76.0, 0.0, 6.0)]
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
        c["ankle"] = [quad(0.0, 71.0, 6.0, 71.0, 6.0, 74.0, 0.0, 72.4)]
        c["foot"] = [quad(0.0, 72.4, 6.0, 74.0, 6.0, 76.0, 0.0, 76.0)]
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
    c["elbow"] = [_arm_band(27.2, 29.6)]
    c["forearm"] = [_arm_band(29.6, 40.1)]
    c["wrist"] = [_arm_band(40.1, 41.2)]
    c["hand"] = [
        _arm_band(41.2, 43.7),
        [(_sep_l(43.7), 43.7), (10.95, 43.7), (10.95, 44.3), (_sep_l(44.3), 44.3)],
    ]
    c["fingers"] = [_arm_band(44.3, 60.0), quad(10.95, 43.7, BIG, 43.7, BIG, 44.3, 10.95, 44.3)]
    return c


def front_back_geometry(frame: str) -> FrameGeometry:
    """Outlines and regions of the front or back frame (signed x: screen direction)."""
    geo = FrameGeometry(frame)
    head = head_outline_front()
    body = body_outline_front()
    geo.outlines["head"] = head
    geo.outlines["body"] = body
    right_sign = -1 if frame == "front" else 1
    cells = front_back_cells(frame)
    lower = sorted((abs(px), py) for px, py in head if px <= 0 and py > 8.0)
    jaw = [(0.0, max(py for px, py in lower if px < 0.05))] + [p for p in lower if p[0] >= 0.05]
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
    "eyebrow_medial": (0.5, 4.65),
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
    "mandible_angle": (2.75, 8.95),
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
    "acromion_front": (8.1, 15.6),
    "biceps_lateral": (8.75, 19.5),
    "biceps_medial": (7.65, 19.5),
    "cubital_lateral": (9.35, 28.5),
    "cubital_biceps_radial": (8.85, 28.5),
    "cubital_biceps_ulnar": (8.2, 28.5),
    "cubital_medial": (7.4, 28.5),
    "medial_epicondyle": (7.35, 28.6),
    "wrist_radial": (9.95, 40.5),
    "wrist_mid": (9.2, 40.5),
    "wrist_ulnar": (8.35, 40.5),
    "thenar_mid": (10.75, 42.3),
    "palm_centre": (9.75, 43.0),
    "palm_ulnar": (8.3, 43.0),
    "thumb_nail_radial": (11.45, 44.85),
    "index_tip": (10.42, 47.4),
    "middle_tip": (9.52, 48.2),
    "ring_tip": (8.6, 47.75),
    "little_tip": (7.77, 46.65),
    "little_nail_radial": (7.8, 46.25),
    "middle_pip_palmar": (9.52, 46.3),
    "index_pip_palmar": (10.45, 45.95),
    "ring_pip_palmar": (8.62, 46.05),
    "little_pip_palmar": (7.72, 45.55),
    "thumb_tip": (11.3, 45.4),
    # the radial side of the flexor carpi radialis tendon at the wrist crease
    "fcr_radial": (9.65, 40.5),
    # leg
    "inguinal_mid": (3.3, 37.6),
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
    "ankle_front": (2.4, 73.0),
    "popliteal_crease": (2.7, 57.0),
    "big_toe_tip": (1.2, 75.0),
    "second_toe_tip": (1.85, 75.0),
    "foot_web_2_3": (2.05, 74.5),
    "foot_dorsum_mid": (2.3, 73.8),
    "scm_front_thyroid": (0.95, 11.9),
    "scm_front_cricoid": (0.85, 12.7),
    "scm_mid_thyroid": (1.4, 11.9),
    "scm_back_cricoid": (1.75, 12.7),
    "hyoid": (0.0, 11.0),
    "nasolabial_ala": (0.95, 7.15),
    "nasolabial_top": (0.62, 6.65),
    "nostril": (0.35, 7.35),
    "mouth_centre": (0.0, 8.47),
    "upper_lip_tubercle": (0.0, 8.3),
    "infraorbital_medial": (0.6, 5.8),
    "infraorbital_lateral": (2.1, 5.75),
    "ear_apex": (3.95, 4.6),
    "big_toe_nail_medial": (1.0, 74.8),
    "big_toe_nail_lateral": (1.45, 74.8),
    "mtp1_medial": (0.85, 74.3),
    "metatarsal1_base_medial": (0.9, 73.6),
    "navicular_tuberosity": (1.05, 73.1),
    "foot_dorsum_2": (1.9, 73.3),
    "foot_dorsum_2_3": (2.05, 74.0),
    "foot_web_1_2": (1.55, 74.5),
    "foot_web_3_4": (2.5, 74.5),
    "foot_web_4_5": (2.95, 74.45),
    "third_toe_tip": (2.3, 75.0),
    "fourth_toe_tip": (2.75, 74.98),
    "little_toe_tip": (3.2, 74.95),
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
    "popliteal_medial": (1.15, 57.0),
    "calf_bellies_junction": (2.45, 65.0),
    "achilles_lateral": (3.1, 72.9),
    "achilles_medial": (1.75, 72.2),
    "heel": (2.4, 74.6),
    "medial_malleolus": (1.15, 72.0),
    "lateral_malleolus": (3.45, 73.0),
    # arm (posterior surface)
    "olecranon": (8.3, 28.4),
    "lateral_epicondyle": (9.25, 28.4),
    "medial_epicondyle": (7.35, 28.5),
    "cubital_lateral": (9.2, 28.5),
    "wrist_dorsal_radial": (10.05, 40.5),
    "wrist_dorsal_mid": (9.2, 40.5),
    "wrist_dorsal_ulnar": (8.35, 40.6),
    "ulnar_styloid": (8.2, 40.1),
    "radial_styloid": (10.15, 40.3),
    "hamate_ulnar": (8.05, 41.1),
    "mcp5_ulnar": (7.45, 44.0),
    "mcp2_radial": (10.82, 44.3),
    "metacarpal2_mid": (10.55, 42.6),
    "metacarpal_2_3": (10.0, 43.2),
    "metacarpal_4_5": (8.35, 43.5),
    "web_4_5": (8.13, 44.72),
    "web_2_3": (9.97, 44.7),
    "index_nail_radial": (10.6, 46.95),
    "ring_nail_ulnar": (8.25, 47.35),
    "little_nail_ulnar": (7.5, 46.3),
    "thumb_ip_dorsal": (11.45, 44.1),
    "middle_pip_dorsal": (9.52, 46.2),
    "eop_upper": (0.0, 6.15),
    # the depression below the occiput between the origins of sternocleidomastoid
    # and trapezius (GB20), level with GV16
    "suboccipital_gap": (1.9, 7.9),
    "scapular_spine_lower": (0.0, 16.45),
    "scapula_superior_angle": (4.2, 15.6),
    **{f"sf{n}_level": (0.0, y) for n, (_, y) in enumerate(tk.SACRAL_FORAMINA, 1)},
    **{f"sacral_foramen{n}": p for n, p in enumerate(tk.SACRAL_FORAMINA, 1)},
    "tibial_condyle_medial": (1.05, 59.0),
    "index_base_radial": (10.85, 44.55),
    "mcp2_radial_proximal": (10.85, 44.0),
    "little_base_ulnar": (7.42, 44.6),
    "mcp_2_3": (10.0, 44.2),
    "mcp_4_5": (8.2, 44.0),
    "wrist_dorsal_2_3": (9.75, 40.5),
    "wrist_dorsal_4_5": (8.7, 40.55),
    "web_1_2": (10.85, 44.45),
    "web_3_4": (9.05, 44.72),
    "little_pip_dorsal": (7.77, 45.75),
    **spine_marks(),
}
