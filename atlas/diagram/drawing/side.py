"""Art of the side frame."""

from __future__ import annotations

from atlas.core import anatomy as an
from atlas.diagram.drawing.canvas import (
    DETAIL,
    HAIR,
    NAIL,
    OUTLINE,
    SKIN,
    SKIN_LIGHT,
    SKIN_SHADE,
    Canvas,
    rim,
)
from atlas.diagram.drawing.trunk import draw_trunk_side


def draw_side(c: Canvas) -> None:
    geo = an.frame_geometry("side")
    body, arm, ear = geo.outlines["body"], geo.outlines["arm"], geo.outlines["ear"]
    if c.view.kind == "full":
        c.ellipse((2.8, 75.2), 5.9, 0.5, "#000000", 0.08, layer="base")
    c.shape(body, "url(#skin)", layer="base")
    rim(c, body, 7.0, 0.35)
    # hair
    hair = [
        (0.2, 0.0),
        (2.1, 0.45),
        (3.35, 1.55),
        (3.6, 2.0),
        (2.6, 2.6),
        (0.9, 3.6),
        (-0.6, 4.3),
        (-1.4, 4.4),
        (-1.9, 6.5),
        (-2.6, 9.0),
        (-3.25, 9.3),
        (-4.15, 7.4),
        (-4.45, 5.2),
        (-3.95, 2.6),
        (-2.4, 0.65),
    ]
    c.shape(hair, HAIR, 0.38, smooth=True)
    # face: eye, brow, nostril, lips, jaw
    c.line([(3.1, 4.55), (3.65, 4.45), (4.0, 4.6)], 1.0, colour="#7d6458", opacity=0.8)
    eye = an.catmull_rom([(3.25, 5.3), (3.6, 5.12), (3.9, 5.3)], steps=5) + an.catmull_rom(
        [(3.9, 5.3), (3.6, 5.48), (3.3, 5.35)], steps=5
    )
    c.shape(eye, "#ffffff", 0.9, stroke=OUTLINE, width=0.5)
    c.ellipse((3.78, 5.3), 0.1, 0.16, "#5f6b72", 0.9)
    c.line([(4.2, 7.05), (3.95, 7.25), (4.1, 7.45)], 0.55, opacity=0.6)
    c.line([(3.85, 6.9), (3.7, 7.5), (3.5, 8.3)], 0.45, opacity=0.3)
    c.line([(4.35, 8.45), (3.95, 8.5)], 0.6, colour="#8c5750", opacity=0.7)
    c.line([(3.2, 10.3), (1.0, 9.9), (-1.3, 8.6), (-1.45, 6.9)], 0.5, opacity=0.3)
    c.line([(-1.2, 6.5), (1.5, 6.3), (2.8, 6.5)], 0.45, opacity=0.18)
    # neck: sternocleidomastoid; trunk: nipple, umbilicus (its bones: the anatomy layer)
    c.line([(-1.0, 8.2), (0.0, 11.0), (1.6, 14.6)], 0.6, opacity=0.35)
    c.ellipse((4.25, 22.7), 0.12, 0.2, "#c98f7f", 0.7)
    c.line([(3.6, 32.0), (3.3, 32.1)], 0.6, opacity=0.5)
    c.line([(2.9, 37.5), (1.5, 39.5), (0.6, 41.0)], 0.45, opacity=0.3)
    # buttock, thigh, knee, leg, ankle, foot
    c.ellipse((-0.3, 38.4), 0.45, 0.45, SKIN_SHADE, 0.22)
    c.line([(-3.3, 43.2), (-2.0, 43.7), (-1.0, 43.4)], 0.6, opacity=0.45)
    c.line([(0.6, 41.5), (0.0, 47.0), (-0.5, 53.5)], 0.45, opacity=0.18)
    c.shape(
        [(1.6, 54.8), (2.6, 55.0), (2.75, 56.3), (2.1, 57.2), (1.4, 56.2)],
        SKIN_LIGHT,
        0.5,
        stroke=DETAIL,
        width=0.5,
        smooth=True,
    )
    c.ellipse((-0.3, 58.6), 0.35, 0.35, SKIN_SHADE, 0.25)
    c.line([(-0.3, 58.9), (-0.35, 65.0), (-0.2, 71.0)], 0.45, opacity=0.2)
    c.line([(-1.8, 56.9), (-1.0, 57.2)], 0.6, opacity=0.45)
    c.ellipse((-0.35, 73.0), 0.42, 0.5, SKIN_SHADE, 0.35)
    c.line([(-1.7, 73.2), (-1.5, 70.0), (-1.2, 66.0)], 0.45, opacity=0.25)
    for z in (5.9, 6.5, 7.0, 7.5):
        c.line([(z, 74.35), (z + 0.1, 74.9)], 0.35, opacity=0.3)
    c.line([(-2.2, 74.75), (3.0, 74.72), (7.6, 74.85)], 0.45, opacity=0.3)
    c.shape(
        [(7.45, 74.45), (7.85, 74.62), (7.8, 74.78), (7.45, 74.7)],
        NAIL,
        0.9,
        stroke=DETAIL,
        width=0.3,
    )
    c.shape(body, "none", stroke=OUTLINE, width=1.1)
    draw_trunk_side(c)
    # the ear
    c.shape(ear, SKIN, 1.0, stroke=OUTLINE, width=0.75)
    c.line([(0.3, 4.9), (0.6, 5.7), (0.35, 6.6), (0.0, 7.2)], 0.5, opacity=0.55)
    c.line([(-0.75, 5.0), (-0.15, 5.6), (-0.1, 6.5), (-0.45, 6.95)], 0.45, opacity=0.4)
    c.ellipse((-0.25, 6.35), 0.18, 0.25, SKIN_SHADE, 0.6)
    c.ellipse((0.78, 6.5), 0.12, 0.25, SKIN_SHADE, 0.4)
    # the raised arm, drawn over the body
    c.shape(arm, "url(#skin)", 1.0)
    rim(c, arm, 6.0, 0.3)
    front, back = an.side_arm_edges()
    c.line([back[0], (-1.6, 17.6), (-0.6, 18.8), (0.9, 18.6)], 0.6, opacity=0.35)
    c.line([an.lerp(front[1], back[1], 0.35), an.lerp(front[2], back[2], 0.45)], 0.45, opacity=0.2)
    ax = an.SIDE_ARM_AXIS
    c.ellipse((ax[3][0], ax[3][1]), 0.35, 0.35, SKIN_SHADE, 0.3)
    c.line(
        [an.lerp(front[7], back[7], 0.1), an.lerp(front[7], back[7], 0.9)],
        0.45,
        opacity=0.35,
        smooth=False,
    )
    c.shape(arm, "none", stroke=OUTLINE, width=1.1)
