"""Art of the front and back frames: face, trunk, arms, hands and legs."""

from __future__ import annotations

from functools import partial

from atlas.core import anatomy as an
from atlas.core.anatomy import scalp
from atlas.core.anatomy.front_back import FRONT_SCM_BACK, FRONT_SCM_FRONT
from atlas.diagram.drawing import arm
from atlas.diagram.drawing.canvas import (
    BROW,
    DETAIL,
    HAIR,
    IRIS,
    LIP,
    LIP_EDGE,
    LIP_LINE,
    OUTLINE,
    SKIN_SHADE,
    Canvas,
    Point,
    anatomy_line,
    mirror,
    rim,
)
from atlas.diagram.drawing.leg import draw_leg_front_back
from atlas.diagram.drawing.trunk import draw_trunk_back, draw_trunk_front


def draw_front_back(c: Canvas) -> None:
    frame = c.view.frame
    geo = an.frame_geometry(frame)
    head, body = geo.outlines["head"], geo.outlines["body"]
    ears = [geo.outlines["ear-right"], geo.outlines["ear-left"]]
    # (outline, closed): from the front the neck's top edge lies under the face; from
    # behind, head and neck are one form, with one fill and one outline
    silhouette = (
        [(body, False), (head, True)] if frame == "front" else [([*body, *head[-2:0:-1]], True)]
    ) + [(ear, True) for ear in ears]
    # base: floor shadow, silhouette
    if c.view.kind == "full":
        floor = 75.7 if frame == "front" else 75.2  # the toes reach lower on the front
        c.ellipse((0.0, floor), 5.6, 0.55, "#000000", 0.08, layer="base")
    for poly, _ in silhouette:
        c.shape(poly, "url(#skin)", layer="base")
    # shading: soft dark rims along the outline
    for poly, closed in silhouette:
        rim(c, poly, 7.0, 0.35, closed=closed)
    if frame == "front":
        _front_details(c)
        draw_trunk_front(c)
    else:
        _back_details(c)
        draw_trunk_back(c)
    _head_neck_anatomy(c, frame)
    for s in (-1, 1):
        _hand_details(c, s, palmar=frame == "front")
        draw_leg_front_back(c, s, front=frame == "front")
        _arm_details(c, s, front=frame == "front")
    # outline last
    for poly, closed in silhouette:
        c.shape(poly, "none", stroke=OUTLINE, width=1.1, closed=closed)
    for ear in ears:
        _ear(c, 1 if ear[0][0] > 0 else -1, front=frame == "front")


def _ear(c: Canvas, sign: int, front: bool) -> None:
    """The auricle seen from the front (its rim, the hollow of the concha and the
    tragus by the cheek) or from behind (its rim, and its root in shadow)."""
    c.line(mirror([(3.95, 4.9), (4.05, 5.8), (3.9, 6.8), (3.7, 7.2)], sign), 0.6)
    if front:
        c.ellipse((sign * 3.84, 6.1), 0.1, 0.42, SKIN_SHADE, 0.3)
        c.line(mirror([(3.68, 5.92), (3.77, 6.18), (3.69, 6.45)], sign), 0.45, opacity=0.45)
    else:
        c.line(mirror([(3.72, 4.75), (3.78, 5.6), (3.7, 6.5)], sign), 2.0, colour=SKIN_SHADE,
               opacity=0.25)  # fmt: skip


def _front_details(c: Canvas) -> None:
    _face(c)
    for s in (-1, 1):
        _neck_front(c, s)
        # deltopectoral groove, nipple (the clavicle, pectoral border and costal
        # margin are in the anatomy layer)
        c.line(mirror([(6.1, 15.0), (6.4, 17.0), (6.45, 19.2)], s), 0.5, opacity=0.3)
        c.ellipse((s * 4.0, 22.6), 0.24, 0.24, "#c98f7f", 0.75)
        # abdomen: rectus border, the flank over the iliac crest and the groin
        c.line(mirror([(2.6, 26.5), (2.8, 30.0), (2.8, 33.0), (2.4, 36.5)], s), 0.45, opacity=0.22)
        c.line(mirror([(5.7, 33.2), (5.2, 35.0), (3.7, 37.3), (1.6, 38.9)], s), 0.6, opacity=0.45)
    # linea alba, umbilicus
    c.line([(0.0, 15.4), (0.0, 23.4)], 0.4, opacity=0.18, smooth=False)
    c.line([(0.0, 24.6), (0.0, 31.4)], 0.45, opacity=0.22, smooth=False)
    c.ellipse((0.0, 32.0), 0.28, 0.35, "#b7836f", 0.55)
    c.line([(-0.9, 38.6), (0.0, 39.4), (0.9, 38.6)], 0.5, opacity=0.3)


def _face(c: Canvas) -> None:
    """Hair, eyebrows, eyes, nose, mouth and chin, seen from the front."""
    # hair: the vault above the anterior hairline (the scalp model's line s = 0)
    line = scalp.hairline("front")
    right, left = [(-lx, y) for lx, y in line], line
    full = [*reversed(right), *left[1:], (left[-1][0], -2.0), (right[-1][0], -2.0)]
    full = an.clip_convex(full, an.frame_geometry(c.view.frame).outlines["head"])
    c.shape(full, HAIR, opacity=0.28)
    for s in (-1, 1):
        # eyebrow, the fold of the upper lid, the eye, the lower rim of the orbit
        brow = [(0.5, 4.86), (0.85, 4.6), (1.4, 4.44), (2.0, 4.46), (2.55, 4.68)]
        c.line(mirror(brow, s), 1.1, colour=BROW, opacity=0.8)
        c.line(mirror([(0.62, 5.1), (1.2, 4.93), (1.8, 4.96), (2.2, 5.16)], s), 0.4, opacity=0.3)
        eye_top = [(0.55, 5.38), (0.95, 5.16), (1.45, 5.1), (1.85, 5.17), (2.15, 5.33)]
        eye_bottom = [(2.15, 5.33), (1.75, 5.5), (1.2, 5.53), (0.55, 5.38)]
        eye = an.catmull_rom(eye_top, steps=5) + an.catmull_rom(eye_bottom, steps=5)
        c.shape(mirror(eye, s), "#ffffff", 0.9, stroke=OUTLINE, width=0.45)
        c.ellipse((s * 1.35, 5.31), 0.18, 0.18, IRIS, 0.9)
        c.ellipse((s * 1.35, 5.31), 0.075, 0.075, "#2f2f2f", 0.9)
        c.ellipse((s * 1.35 - 0.06, 5.26), 0.035, 0.035, "#ffffff", 0.85)
        c.line(mirror(an.catmull_rom(eye_top, steps=5), s), 0.9, colour=OUTLINE, opacity=0.8)
        c.line(mirror([(0.65, 5.82), (1.3, 5.95), (2.0, 5.8)], s), 0.35, opacity=0.25)
        # nose: the side of the bridge, the wing round the nostril, the nostril
        c.line(mirror([(0.38, 5.55), (0.36, 6.3), (0.42, 6.8)], s), 0.4, opacity=0.25)
        ala = [(0.46, 6.8), (0.68, 6.96), (0.75, 7.2), (0.63, 7.42), (0.4, 7.47)]
        c.line(mirror(ala, s), 0.6, opacity=0.55)
        nostril = [(0.12, 7.44), (0.26, 7.35), (0.42, 7.38), (0.36, 7.47), (0.18, 7.49)]
        c.shape(mirror(nostril, s), "#8f6a5e", 0.5, smooth=True)
        # the nasolabial groove, the ridges of the philtrum, the cheekbone
        c.line(mirror([(0.82, 7.05), (1.12, 7.6), (1.3, 8.3), (1.34, 8.85)], s), 0.5, opacity=0.3)
        c.line(mirror([(0.1, 7.55), (0.14, 7.9), (0.19, 8.2)], s), 0.4, opacity=0.25)
        c.line(mirror([(2.2, 6.3), (2.8, 6.6), (3.1, 7.3)], s), 0.5, opacity=0.2)
    c.line([(-0.14, 7.47), (0.0, 7.53), (0.14, 7.47)], 0.4, opacity=0.35)
    # the lips: the upper with its Cupid's bow, the lower fuller, the line between
    bow = [(-0.95, 8.45), (-0.55, 8.28), (-0.2, 8.2), (0.0, 8.27), (0.2, 8.2), (0.55, 8.28),
           (0.95, 8.45)]  # fmt: skip
    meet = [(0.95, 8.45), (0.45, 8.47), (0.0, 8.5), (-0.45, 8.47), (-0.95, 8.45)]
    lower = [(-0.95, 8.45), (-0.5, 8.74), (0.0, 8.82), (0.5, 8.74), (0.95, 8.45)]
    for lip, alpha in ((bow, 0.75), (lower, 0.6)):
        c.shape(an.catmull_rom(lip, steps=5) + an.catmull_rom(meet, steps=5), LIP, alpha,
                stroke=LIP_EDGE, width=0.4)  # fmt: skip
    c.line(meet, 0.55, colour=LIP_LINE, opacity=0.75)
    # the mentolabial groove and the chin
    c.line([(-0.45, 9.2), (0.0, 9.26), (0.45, 9.2)], 0.4, opacity=0.28)
    c.line([(-0.85, 9.9), (0.0, 10.12), (0.85, 9.9)], 0.5, opacity=0.25)


def _neck_front(c: Canvas, s: int) -> None:
    """The front of the neck: the sternocleidomastoid's front edge."""
    c.line(mirror(FRONT_SCM_FRONT, s), 0.5, opacity=0.3)


# The hairline of the nape, from the median line out to behind the ear.
_NAPE_HAIRLINE: list[Point] = [
    (0.0, 8.85), (0.9, 8.8), (1.8, 8.62), (2.45, 8.3), (2.95, 7.85), (3.3, 7.15), (3.55, 6.2),
    (3.8, 5.0),
]  # fmt: skip


def _back_of_head(c: Canvas) -> None:
    """The hair down to the nape, with a few strands, and the groove of the nape."""
    nape = an.catmull_rom(_NAPE_HAIRLINE, steps=5)
    full = [*mirror(reversed(nape), -1), *nape[1:], (3.8, -2.0), (-3.8, -2.0)]
    full = an.clip_convex(full, an.frame_geometry(c.view.frame).outlines["head"])
    c.shape(full, HAIR, opacity=0.42)
    for k in range(7):
        xs = -2.6 + k * 0.87
        end = min(nape, key=lambda p: abs(p[0] - abs(xs)))[1] - 0.35
        c.line([(xs * 0.5, 1.0), (xs * 0.9, 4.5), (xs, end)], 0.35, colour="#6c625c", opacity=0.18)
    c.line([(0.0, 9.3), (0.0, 12.3)], 0.45, opacity=0.2, smooth=False)


def _head_neck_anatomy(c: Canvas, frame: str) -> None:
    """The anatomy layer of the head and neck: the bones and muscles their points are
    found from."""
    for s in (-1, 1):
        if frame == "front":
            # the sternocleidomastoid, its two heads parting above the clavicle
            for border in (FRONT_SCM_FRONT, FRONT_SCM_BACK):
                anatomy_line(c, "sternocleidomastoid", mirror(border, s), smooth=False)
            anatomy_line(c, "sternocleidomastoid", mirror([(1.5, 13.1), (1.0, 14.85)], s), 0.45)
            # the trapezius's front edge, down the side of the neck to the clavicle
            trapezius = [(2.62, 12.0), (3.05, 12.85), (4.2, 13.85), (5.6, 14.5)]
            anatomy_line(c, "trapezius", mirror(trapezius, s))
            # the mandible's ramus and angle, the zygomatic arch
            ramus = [(3.35, 6.45), (3.25, 7.4), (3.0, 8.4), (2.74, 8.9), (2.45, 9.3)]
            anatomy_line(c, "mandible", mirror(ramus, s))
            arch = [(2.95, 6.3), (3.25, 6.33), (3.5, 6.3)]
            anatomy_line(c, "zygomatic-arch", mirror(arch, s), 0.5)
        else:
            # the mastoid process, and the superior nuchal line from the external
            # occipital protuberance out to it
            mastoid = [(3.05, 6.95), (2.98, 7.6), (3.1, 8.15), (3.32, 7.6), (3.38, 6.95)]
            anatomy_line(c, "mastoid", mirror(mastoid, s))
            nuchal = [(0.32, 6.5), (1.5, 6.72), (2.5, 6.98), (3.1, 7.2)]
            anatomy_line(c, "occiput", mirror(nuchal, s), 0.5)
            # the trapezius's lateral edge down the nape, the sternocleidomastoid's back edge
            trapezius = [(1.6, 6.85), (1.35, 7.6), (1.22, 8.4), (1.3, 9.4), (1.6, 10.3)]
            anatomy_line(c, "trapezius", mirror(trapezius, s))
            scm = [(3.05, 7.95), (2.85, 8.75), (2.62, 9.7)]
            anatomy_line(c, "sternocleidomastoid", mirror(scm, s))
    if frame == "front":
        # the hyoid, the thyroid cartilage with its notch, the cricoid
        anatomy_line(c, "larynx", [(-0.7, 11.08), (0.0, 10.96), (0.7, 11.08)])
        notch = [(-0.75, 11.9), (-0.22, 11.92), (0.0, 12.08), (0.22, 11.92), (0.75, 11.9)]
        anatomy_line(c, "larynx", notch, smooth=False)
        for y in (12.5, 12.72):
            anatomy_line(c, "larynx", [(-0.6, y), (0.0, y + 0.06), (0.6, y)], 0.5)
    else:
        # the external occipital protuberance, and the spinous processes of C2 and C7
        anatomy_line(c, "occiput", [(-0.35, 6.5), (0.0, 6.25), (0.35, 6.5)], 0.6)
        # (C7 and the vertebrae below it are the trunk's: drawing/trunk.py)
        for name, y, half in (("C2", 8.72, 0.16),):
            tip = [(-half, y - 0.12), (half, y - 0.12), (half * 0.6, y + 0.15),
                   (-half * 0.6, y + 0.15), (-half, y - 0.12)]  # fmt: skip
            anatomy_line(c, "cervical", tip, 0.5)
            # the label keeps about the same size on the screen in full and detail views
            size = 0.3 * c.k**-0.45
            c.text((half + 0.1, y + size / 3), name, size, layer="anatomy-cervical", anchor="start")


def _back_details(c: Canvas) -> None:
    _back_of_head(c)
    # the furrow over the spine, gluteal cleft and folds (bones: the anatomy layer)
    c.line([(0.0, 12.3), (0.0, 35.0)], 0.6, opacity=0.2)
    for s in (-1, 1):
        c.line(mirror([(1.9, 10.3), (2.6, 12.9), (4.6, 13.6), (6.6, 14.2)], s), 0.45, opacity=0.25)
        # the dimple over the posterior superior iliac spine
        c.ellipse((s * 2.0, 35.6), 0.22, 0.22, "#b7836f", 0.3)
        c.line(mirror([(0.25, 43.0), (2.0, 43.5), (4.0, 43.3), (5.6, 42.6)], s), 0.75, opacity=0.5)
        c.line(mirror([(6.3, 37.0), (5.4, 39.7), (3.5, 41.3)], s), 0.4, opacity=0.2)
        # ear backs
    c.line([(0.0, 38.2), (0.0, 42.3)], 0.8, opacity=0.55)
    c.shape([(-0.18, 38.8), (0.0, 37.8), (0.18, 38.8)], DETAIL, 0.15)


def _hand_details(c: Canvas, s: int, palmar: bool) -> None:
    place = partial(mirror, sign=s)
    arm.draw_hand(c, place, palmar)
    arm.draw_hand_anatomy(c, place, palmar)


def _arm_details(c: Canvas, s: int, front: bool) -> None:
    place = partial(mirror, sign=s)
    arm.draw_arm(c, place, front)
    arm.draw_arm_anatomy(c, place, front)
