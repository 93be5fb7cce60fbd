"""Art of the side frame."""

from __future__ import annotations

import math
from collections.abc import Sequence

from atlas.core import anatomy as an
from atlas.core.anatomy import scalp
from atlas.core.anatomy.side import SIDE_SCM_BACK, SIDE_SCM_FRONT, SIDE_TRAPEZIUS_FRONT
from atlas.diagram.drawing import arm
from atlas.diagram.drawing.canvas import (
    BROW,
    HAIR,
    IRIS,
    LIP,
    LIP_LINE,
    OUTLINE,
    SKIN,
    SKIN_SHADE,
    Canvas,
    Point,
    anatomy_line,
    rim,
)
from atlas.diagram.drawing.leg import draw_leg_side
from atlas.diagram.drawing.trunk import draw_trunk_side


def draw_side(c: Canvas) -> None:
    geo = an.frame_geometry("side")
    body, ear = geo.outlines["body"], geo.outlines["ear"]
    if c.view.kind == "full":
        c.ellipse((2.8, 75.2), 5.9, 0.5, "#000000", 0.08, layer="base")
    c.shape(body, "url(#skin)", layer="base")
    rim(c, body, 7.0, 0.35)
    _head(c, body)
    # trunk: the nipple and the umbilicus (its bones and muscles: the anatomy layer)
    c.ellipse((4.25, 22.7), 0.12, 0.2, "#c98f7f", 0.7)
    c.line([(3.6, 32.0), (3.3, 32.1)], 0.6, opacity=0.5)
    c.line([(2.9, 37.5), (1.5, 39.5), (0.6, 41.0)], 0.45, opacity=0.3)
    draw_leg_side(c)
    c.shape(body, "none", stroke=OUTLINE, width=1.1)
    draw_trunk_side(c)
    _ear(c, ear)
    _head_anatomy(c)
    # the raised arm, drawn over the body
    arm.draw_side_arm(c)


# ---------------------------------------------------------------- the head and neck

# The hair's margin, from the corner of the forehead down the temple and the
# sideburn, over the ear and down behind it to the nape.
_HAIR_MARGIN: list[Point] = [
    (1.36, 4.05), (1.3, 4.6), (1.24, 5.05), (1.12, 5.42), (0.9, 5.5), (0.72, 5.3),
    (0.66, 4.85), (0.5, 4.52), (0.2, 4.3), (-0.18, 4.2), (-0.62, 4.2), (-1.0, 4.38),
    (-1.28, 4.8), (-1.44, 5.5), (-1.52, 6.3), (-1.72, 7.1), (-2.05, 7.9), (-2.5, 8.55),
    (-2.95, 8.95),
]  # fmt: skip
_NAPE_HAIR = (-3.4, 9.05)

# The mandible from its condyle down the back of the ramus, round the angle and
# along the lower border to the chin and up the front of the chin.
_JAW: list[Point] = [
    (1.08, 6.0), (0.95, 5.88), (0.8, 5.98), (0.78, 6.25), (0.74, 6.7), (0.72, 7.5),
    (0.76, 8.4), (0.86, 8.76), (1.15, 8.9), (2.0, 9.32), (3.0, 9.83), (3.72, 10.12),
    (3.92, 9.8), (3.92, 9.3),
]  # fmt: skip


def _outline_run(poly: Sequence[Point], a: Point, b: Point) -> list[Point]:
    """The vertices of a closed outline from the one nearest a to the one nearest b."""
    ia = min(range(len(poly)), key=lambda i: math.dist(poly[i], a))
    ib = min(range(len(poly)), key=lambda i: math.dist(poly[i], b))
    return list(poly[ia : ib + 1]) if ia <= ib else [*poly[ia:], *poly[: ib + 1]]


def _head(c: Canvas, body: Sequence[Point]) -> None:
    """Hair, eye, nose, mouth and the throat."""
    corner = scalp.to_3d(4.5, 0.0)
    front_line = [(p[2], p[1]) for p in (scalp.to_3d(4.5 * i / 8, 0.0) for i in range(9))]
    margin = an.catmull_rom([*front_line[:-1], (corner[2], corner[1]), *_HAIR_MARGIN], steps=5)
    over_the_top = _outline_run(body, _NAPE_HAIR, front_line[0])
    c.shape([*margin, *over_the_top], HAIR, 0.38)
    # a few strands, and the hair's edge softened where it meets the skin
    for strand in (
        [(0.6, 0.4), (-1.0, 1.3), (-2.4, 3.0), (-3.2, 5.4)],
        [(1.7, 1.2), (0.2, 2.3), (-1.2, 3.9), (-2.2, 6.6)],
        [(2.6, 2.2), (1.6, 2.9), (0.9, 3.6)],
    ):
        c.line(strand, 0.35, colour="#6c625c", opacity=0.16)
    # eyebrow and eye
    c.line([(3.0, 4.64), (3.45, 4.47), (3.85, 4.48), (4.08, 4.58)], 1.1, colour=BROW, opacity=0.8)
    upper = an.catmull_rom([(3.15, 5.32), (3.5, 5.13), (3.84, 5.24)], steps=5)
    lower = an.catmull_rom([(3.84, 5.24), (3.55, 5.44), (3.15, 5.32)], steps=5)
    c.shape([*upper, *lower], "#ffffff", 0.92, stroke=OUTLINE, width=0.5)
    c.ellipse((3.72, 5.29), 0.07, 0.12, IRIS, 0.95)
    c.line([(3.2, 5.22), (3.52, 5.03), (3.8, 5.1)], 0.4, opacity=0.35)
    c.line([(3.3, 5.52), (3.55, 5.6), (3.78, 5.55)], 0.35, opacity=0.2)
    # nose: the wing of the nostril and the nostril
    c.line([(4.42, 6.98), (4.18, 7.06), (4.08, 7.26), (4.2, 7.44), (4.42, 7.5)], 0.6, opacity=0.5)
    c.ellipse((4.5, 7.45), 0.14, 0.04, "#8f6a5e", 0.5)
    c.line([(4.1, 7.0), (3.9, 7.55), (3.8, 8.15), (3.85, 8.6)], 0.45, opacity=0.25)
    # lips and the corner of the mouth
    profile = _outline_run(body, (4.45, 8.02), (4.36, 8.82))
    inner = an.catmull_rom([(4.3, 8.86), (4.05, 8.72), (3.9, 8.49), (4.12, 8.28), (4.45, 8.02)])
    c.shape([*profile, *inner], LIP, 0.55)
    c.line([(4.28, 8.46), (4.1, 8.48), (3.9, 8.5)], 0.6, colour=LIP_LINE, opacity=0.75)
    # the jaw: the back of the ramus, the angle and the lower border; the front of the
    # sternocleidomastoid; the laryngeal prominence
    c.line(_JAW[5:-2], 0.55, opacity=0.3)
    c.line([(-0.3, 8.9), (0.7, 10.8), (1.9, 13.6)], 0.45, opacity=0.18)
    c.line([(2.12, 11.55), (2.28, 11.85), (2.25, 12.2)], 0.5, opacity=0.35)


def _ear(c: Canvas, ear: Sequence[Point]) -> None:
    """The auricle: helix, antihelix and its crura, concha, tragus, antitragus, lobe."""
    c.shape(ear, SKIN, 1.0, stroke=OUTLINE, width=0.75)
    # the two hollows of the concha, above and below the crus of the helix, and the
    # opening of the ear canal behind the tragus
    cavum = [(0.3, 5.62), (-0.05, 5.68), (-0.38, 5.84), (-0.5, 6.12), (-0.38, 6.44),
             (-0.1, 6.56), (0.18, 6.48), (0.3, 6.2)]  # fmt: skip
    cymba = [(-0.56, 5.62), (-0.3, 5.45), (0.04, 5.4), (-0.16, 5.58), (-0.45, 5.72)]
    c.shape(cavum, SKIN_SHADE, 0.26, smooth=True)
    c.shape(cymba, SKIN_SHADE, 0.14, smooth=True)
    c.ellipse((0.17, 6.02), 0.09, 0.15, "#8f6a5e", 0.45)
    # the helix: from its crus in the concha, the inner edge of its rolled rim
    c.line(
        [(-0.2, 5.68), (0.06, 5.5), (0.2, 5.15), (0.08, 4.84), (-0.22, 4.69), (-0.56, 4.72),
         (-0.82, 4.94), (-0.92, 5.38), (-0.86, 5.95), (-0.72, 6.45), (-0.56, 6.86)],
        0.55, colour=OUTLINE, opacity=0.5,
    )  # fmt: skip
    # the antihelix rising from the antitragus, and its two crura under the helix
    c.line([(-0.28, 6.52), (-0.5, 6.18), (-0.6, 5.7), (-0.58, 5.25), (-0.48, 4.95)], 0.5,
           opacity=0.5)  # fmt: skip
    c.line([(-0.6, 5.6), (-0.3, 5.38), (0.02, 5.3)], 0.45, opacity=0.42)
    # tragus, antitragus and the lobe
    c.line([(0.36, 5.72), (0.31, 6.05), (0.36, 6.36)], 0.5, opacity=0.5)
    c.line([(0.06, 6.68), (-0.14, 6.65), (-0.3, 6.55)], 0.5, opacity=0.5)
    c.line([(-0.42, 7.02), (-0.2, 7.16), (0.0, 7.08)], 0.4, opacity=0.22)


def _head_anatomy(c: Canvas) -> None:
    """Bones and muscles of the head and neck that the points there are found from."""
    # the mandible: its condyle, ramus, angle and lower border to the chin, and the
    # coronoid process rising under the zygomatic arch
    anatomy_line(c, "mandible", _JAW, 0.6)
    coronoid = [(1.08, 6.0), (1.08, 6.28), (1.3, 6.55), (1.55, 6.6), (1.78, 6.45), (1.95, 6.28),
                (2.15, 6.75), (2.3, 7.6), (2.55, 8.6), (2.7, 8.85)]  # fmt: skip
    anatomy_line(c, "mandible", coronoid, 0.5)
    # the zygomatic arch, from in front of the ear to the cheekbone
    anatomy_line(c, "zygomatic-arch", [(0.85, 5.86), (1.7, 5.88), (2.5, 5.85), (2.85, 5.55)])
    anatomy_line(c, "zygomatic-arch", [(0.9, 6.2), (1.7, 6.22), (2.55, 6.3), (3.05, 6.55)])
    # the mastoid process behind the lobe; the external occipital protuberance and the
    # superior nuchal line
    mastoid = [(-0.98, 6.4), (-0.92, 7.1), (-0.95, 7.8), (-1.2, 7.6), (-1.55, 7.2), (-1.72, 6.6)]
    anatomy_line(c, "mastoid", mastoid)
    anatomy_line(c, "occiput", [(-4.05, 6.0), (-4.28, 6.3), (-4.05, 6.55), (-3.0, 6.8),
                                (-1.75, 6.65)])  # fmt: skip
    # the sternocleidomastoid, from the mastoid to the sternum and the clavicle
    for border in (SIDE_SCM_FRONT, SIDE_SCM_BACK):
        anatomy_line(c, "sternocleidomastoid", border, smooth=False)
    # the trapezius's front edge (the ridge of the shoulder, from C7 out to the
    # acromion, lies behind it)
    anatomy_line(c, "trapezius", SIDE_TRAPEZIUS_FRONT)
