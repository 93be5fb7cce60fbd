"""Art of the front and back frames: face, trunk, arms, hands and legs."""

from __future__ import annotations

from atlas.core import anatomy as an
from atlas.core.anatomy import scalp
from atlas.diagram.drawing.canvas import (
    DETAIL,
    HAIR,
    NAIL,
    OUTLINE,
    SKIN_LIGHT,
    SKIN_SHADE,
    Canvas,
    mirror,
    rim,
    sides,
)
from atlas.diagram.drawing.trunk import draw_trunk_back, draw_trunk_front


def draw_front_back(c: Canvas) -> None:
    frame = c.view.frame
    geo = an.frame_geometry(frame)
    head, body = geo.outlines["head"], geo.outlines["body"]
    ears = [geo.outlines["ear-right"], geo.outlines["ear-left"]]
    silhouette = [body, head, *ears]
    # base: floor shadow, silhouette
    if c.view.kind == "full":
        c.ellipse((0.0, 75.2), 5.6, 0.55, "#000000", 0.08, layer="base")
    for poly in silhouette:
        c.shape(poly, "url(#skin)", layer="base")
    # shading: soft dark rims along the outline
    for poly in silhouette:
        rim(c, poly, 7.0, 0.35)
    for s in (-1, 1):
        _limb_shading(c, s)
    if frame == "front":
        _front_details(c)
        draw_trunk_front(c)
    else:
        _back_details(c)
        draw_trunk_back(c)
    for s in (-1, 1):
        _hand_details(c, s, palmar=frame == "front")
        _leg_details(c, s, front=frame == "front")
        _arm_details(c, s, front=frame == "front")
    # outline last
    for poly in silhouette:
        c.shape(poly, "none", stroke=OUTLINE, width=1.1)
    for ear in ears:
        sign = 1 if ear[0][0] > 0 else -1
        c.line(mirror([(3.95, 4.9), (4.05, 5.8), (3.9, 6.8), (3.7, 7.2)], sign), 0.6)


def _limb_shading(c: Canvas, s: int) -> None:
    # the inner side of each leg and the hollow between arm and trunk
    c.line(
        mirror([(0.4, 42.0), (0.6, 50.0), (0.9, 56.0), (1.0, 62.0), (1.3, 70.0)], s),
        width=5.0,
        colour=SKIN_SHADE,
        opacity=0.25,
    )
    c.line(
        mirror([(4.2, 54.5), (4.3, 58.0), (4.2, 63.0)], s),
        width=4.0,
        colour=SKIN_SHADE,
        opacity=0.18,
    )


def _front_details(c: Canvas) -> None:
    # hair: the vault above the anterior hairline (the scalp model's line s = 0)
    line = scalp.hairline("front")
    right, left = [(-lx, y) for lx, y in line], line
    full = [*reversed(right), *left[1:], (left[-1][0], -2.0), (right[-1][0], -2.0)]
    full = an.clip_convex(full, an.frame_geometry(c.view.frame).outlines["head"])
    c.shape(full, HAIR, opacity=0.28)
    for s in (-1, 1):
        # eyebrows, eyes, iris
        c.line(
            mirror([(0.45, 4.7), (1.2, 4.42), (1.95, 4.45), (2.55, 4.7)], s),
            1.0,
            colour="#7d6458",
            opacity=0.8,
        )
        eye_top = [(0.55, 5.38), (1.1, 5.12), (1.6, 5.1), (2.15, 5.33)]
        eye_bottom = [(2.15, 5.33), (1.6, 5.55), (1.1, 5.55), (0.55, 5.38)]
        c.shape(
            mirror(an.catmull_rom(eye_top, steps=5) + an.catmull_rom(eye_bottom, steps=5), s),
            "#ffffff",
            0.9,
            stroke=OUTLINE,
            width=0.55,
        )
        c.ellipse((s * 1.35, 5.33), 0.2, 0.2, "#7b8a93", 0.9)
        c.ellipse((s * 1.35, 5.33), 0.08, 0.08, "#2f2f2f", 0.9)
        c.line(mirror([(0.6, 5.8), (1.3, 5.95), (1.9, 5.8)], s), 0.4, opacity=0.35)
        # nose wings and nasolabial groove
        c.line(
            mirror([(0.35, 6.0), (0.45, 6.9), (0.7, 7.2), (0.55, 7.5), (0.2, 7.45)], s),
            0.6,
            opacity=0.55,
        )
        c.line(mirror([(0.85, 7.1), (1.25, 7.9), (1.35, 8.7)], s), 0.5, opacity=0.35)
        # cheekbone hint, jaw, chin
        c.line(mirror([(2.2, 6.3), (2.8, 6.6), (3.1, 7.3)], s), 0.5, opacity=0.2)
        # neck: sternocleidomastoid, clavicle, trapezius edge
        c.line(mirror([(1.9, 10.2), (1.45, 12.2), (0.55, 14.65)], s), 0.6, opacity=0.45)
        c.line(mirror([(2.4, 12.9), (3.0, 13.9), (3.4, 14.6)], s), 0.4, opacity=0.3)
        # deltopectoral groove, nipple (the clavicle, pectoral border and costal
        # margin are in the anatomy layer)
        c.line(mirror([(6.1, 15.0), (6.4, 17.0), (6.45, 19.2)], s), 0.5, opacity=0.3)
        c.ellipse((s * 4.0, 22.6), 0.24, 0.24, "#c98f7f", 0.75)
        # abdomen: rectus border, the flank over the iliac crest and the groin
        c.line(mirror([(2.6, 26.5), (2.8, 30.0), (2.8, 33.0), (2.4, 36.5)], s), 0.45, opacity=0.22)
        c.line(mirror([(5.7, 33.2), (5.2, 35.0), (3.7, 37.3), (1.6, 38.9)], s), 0.6, opacity=0.45)
    # chin, mouth, linea alba, umbilicus
    c.line([(-0.85, 9.9), (0.0, 10.12), (0.85, 9.9)], 0.5, opacity=0.35)
    upper = [(-0.95, 8.45), (-0.4, 8.25), (0.0, 8.32), (0.4, 8.25), (0.95, 8.45)]
    lower = [(0.95, 8.45), (0.4, 8.8), (0.0, 8.85), (-0.4, 8.8), (-0.95, 8.45)]
    c.shape(
        an.catmull_rom(upper, steps=5) + an.catmull_rom(lower, steps=5),
        "#d39a8f",
        0.7,
        stroke="#a4675d",
        width=0.5,
    )
    c.line([(-0.95, 8.45), (0.0, 8.47), (0.95, 8.45)], 0.5, colour="#8c5750", opacity=0.7)
    c.line([(-0.2, 7.55), (0.0, 7.6), (0.2, 7.55)], 0.5, opacity=0.5)
    c.line([(0.0, 15.4), (0.0, 23.4)], 0.4, opacity=0.18, smooth=False)
    c.line([(0.0, 24.6), (0.0, 31.4)], 0.45, opacity=0.22, smooth=False)
    c.ellipse((0.0, 32.0), 0.28, 0.35, "#b7836f", 0.55)
    c.line([(-0.9, 38.6), (0.0, 39.4), (0.9, 38.6)], 0.5, opacity=0.3)


def _back_details(c: Canvas) -> None:
    # hair over the back of the head, down to the nape
    nape = [(0.0, 8.9), (1.2, 9.0), (2.4, 9.2), (3.25, 8.5), (3.6, 7.0), (3.8, 5.0)]
    full = [(-x, y) for x, y in reversed(nape)] + nape[1:] + [(3.8, -2.0), (-3.8, -2.0)]
    full = an.clip_convex(full, an.frame_geometry(c.view.frame).outlines["head"])
    c.shape(full, HAIR, opacity=0.42)
    for k in range(7):
        xs = -2.6 + k * 0.87
        c.line([(xs * 0.5, 1.0), (xs * 0.9, 4.5), (xs, 8.4)], 0.35, colour="#6c625c", opacity=0.18)
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
    right, _ = sides(c.view.frame)
    # finger separations (cleft lines) and joint creases
    clefts = [(10.04, 44.9), (9.1, 44.95), (8.15, 45.1)]
    tips = [(10.4, 47.45), (9.5, 48.25), (8.5, 47.8), (7.62, 46.7)]
    for x, y in clefts:
        c.line(mirror([(x, y - 0.9), (x, y)], s), 0.45, opacity=0.4)
    centres = [(10.42, 44.4), (9.52, 44.5), (8.62, 44.6), (7.8, 44.9)]
    lengths = [3.0, 3.75, 3.2, 1.95]
    for (x, y), ln, tip in zip(centres, lengths, tips, strict=True):
        for f in (0.45, 0.72) if palmar else (0.42, 0.7):
            yy = y + ln * f
            c.line(mirror([(x - 0.28, yy), (x + 0.28, yy)], s), 0.35, opacity=0.35)
        if not palmar:
            nail = [
                (tip[0] - 0.22, tip[1] - 0.85),
                (tip[0] + 0.22, tip[1] - 0.85),
                (tip[0] + 0.2, tip[1] - 0.2),
                (tip[0], tip[1] - 0.08),
                (tip[0] - 0.2, tip[1] - 0.2),
            ]
            c.shape(mirror(nail, s), NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
    # thumb
    if palmar:
        c.line(mirror([(10.3, 41.3), (9.6, 42.3), (9.9, 43.6)], s), 0.45, opacity=0.35)
        c.line(mirror([(7.75, 42.8), (8.9, 42.9), (10.1, 42.6)], s), 0.45, opacity=0.35)
        c.line(mirror([(7.6, 43.6), (8.6, 43.8), (9.5, 43.5)], s), 0.45, opacity=0.3)
        c.line(mirror([(8.3, 40.6), (9.9, 40.6)], s), 0.45, opacity=0.4)
        c.line(mirror([(11.0, 44.3), (11.45, 44.2)], s), 0.35, opacity=0.35)
    else:
        nail = [(11.15, 44.65), (11.45, 44.6), (11.45, 45.1), (11.25, 45.35), (11.05, 45.1)]
        c.shape(mirror(nail, s), NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
        for x in (10.3, 9.55, 8.75, 7.95):
            c.line(mirror([(x, 41.8), (x - 0.05, 43.7)], s), 0.35, opacity=0.15)
        c.ellipse((s * 10.2, 44.15), 0.14, 0.1, DETAIL, 0.18)
        c.ellipse((s * 9.5, 44.3), 0.14, 0.1, DETAIL, 0.18)
        c.ellipse((s * 8.65, 44.4), 0.14, 0.1, DETAIL, 0.18)
        c.ellipse((s * 7.85, 44.6), 0.14, 0.1, DETAIL, 0.18)
    _ = right


def _arm_details(c: Canvas, s: int, front: bool) -> None:
    # deltoid border, cubital/olecranon, wrist
    c.line(mirror([(7.4, 15.0), (7.7, 17.3), (8.2, 19.6), (9.0, 21.2)], s), 0.5, opacity=0.35)
    if front:
        c.line(mirror([(7.6, 28.6), (8.4, 28.8), (9.2, 28.5)], s), 0.5, opacity=0.45)
        c.line(mirror([(8.0, 22.5), (8.1, 25.5), (8.25, 27.8)], s), 0.4, opacity=0.2)
        c.line(mirror([(8.55, 40.35), (9.55, 40.5), (10.2, 40.3)], s), 0.45, opacity=0.45)
    else:
        c.ellipse((s * 8.3, 28.4), 0.3, 0.3, SKIN_SHADE, 0.3)
        c.line(mirror([(8.7, 22.0), (8.5, 25.5), (8.4, 27.5)], s), 0.4, opacity=0.2)
        c.ellipse((s * 8.35, 40.3), 0.18, 0.18, SKIN_SHADE, 0.35)


def _leg_details(c: Canvas, s: int, front: bool) -> None:
    if front:
        # patella, tibial crest, malleoli, toes
        c.shape(
            mirror([(2.1, 55.0), (3.3, 55.0), (3.45, 56.1), (2.75, 57.1), (2.0, 56.1)], s),
            SKIN_LIGHT,
            0.5,
            stroke=DETAIL,
            width=0.5,
            smooth=True,
        )
        c.line(
            mirror([(2.55, 58.2), (2.35, 62.0), (2.15, 68.0), (2.05, 71.0)], s), 0.45, opacity=0.25
        )
        c.line(mirror([(4.8, 40.5), (4.0, 46.0), (3.4, 51.5), (3.2, 54.0)], s), 0.4, opacity=0.18)
        c.ellipse((s * 1.25, 72.0), 0.22, 0.3, SKIN_SHADE, 0.35)
        c.ellipse((s * 3.45, 72.9), 0.22, 0.3, SKIN_SHADE, 0.35)
        for x in (1.7, 2.3, 2.8, 3.25):
            c.line(mirror([(x, 74.45), (x, 75.0)], s), 0.4, opacity=0.45)
        c.line(mirror([(1.0, 74.45), (2.3, 74.5), (3.6, 74.6)], s), 0.35, opacity=0.25)
    else:
        c.line(mirror([(1.2, 57.0), (2.6, 57.3), (4.0, 57.0)], s), 0.6, opacity=0.5)
        c.line(mirror([(2.5, 58.8), (2.2, 63.0), (2.2, 66.5), (2.4, 71.0)], s), 0.45, opacity=0.22)
        c.line(mirror([(1.0, 60.0), (1.6, 63.5), (2.1, 66.5)], s), 0.4, opacity=0.2)
        c.line(mirror([(4.3, 60.0), (3.6, 63.5), (2.8, 66.5)], s), 0.4, opacity=0.2)
        c.ellipse((s * 2.3, 74.3), 0.9, 0.5, SKIN_SHADE, 0.15)
        c.ellipse((s * 1.15, 72.0), 0.2, 0.3, SKIN_SHADE, 0.3)
        c.ellipse((s * 3.45, 72.9), 0.2, 0.3, SKIN_SHADE, 0.3)
