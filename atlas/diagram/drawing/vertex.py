"""Art of the vertex frame: the head from above, the face at the top."""

from __future__ import annotations

import math

from atlas.core import anatomy as an
from atlas.core.anatomy import scalp
from atlas.core.anatomy.geometry import Point
from atlas.core.anatomy.side import SIDE_EAR
from atlas.diagram.drawing.canvas import (
    DETAIL,
    HAIR,
    OUTLINE,
    SKIN,
    SKIN_SHADE,
    Canvas,
    anatomy_line,
    rim,
)

#: where the hair whorls, a little behind and to one side of the crown (GV20)
WHORL_BEHIND = 0.8
WHORL_ASIDE = 0.25

#: the sutures' meeting points on the median line, as scalp positions (s, B-cun
#: behind the anterior hairline): bregma near GV22, lambda a little behind GV19
BREGMA_S = 2.3
LAMBDA_S = 6.8
#: where the coronal suture ends at the temple (pterion) and the lambdoid behind
#: the ear (asterion), in the side frame (z, y)
PTERION: Point = (1.6, 4.1)
ASTERION: Point = (-2.2, 6.3)


def _over_vault(p0: scalp.Vec, p1: scalp.Vec, steps: int = 24) -> list[Point]:
    """The line between two points of the vault, carried out onto it from its centre,
    seen from above as far as the top view sees it."""
    a, b, c = scalp.AXES
    out = []
    for i in range(steps + 1):
        q = [p0[k] + (p1[k] - p0[k]) * i / steps - scalp.CENTRE[k] for k in range(3)]
        r = math.sqrt((q[0] / a) ** 2 + (q[1] / b) ** 2 + (q[2] / c) ** 2)
        p = (
            scalp.CENTRE[0] + q[0] / r,
            scalp.CENTRE[1] + q[1] / r,
            scalp.CENTRE[2] + q[2] / r,
        )
        if scalp.facing(p, "vertex") < 0.0:
            break
        out.append((p[0], -p[2]))
    return out


def _beside(side_point: Point, sign: int) -> scalp.Vec:
    """A point of the side frame (z, y) on the vault's surface, on one side."""
    z, y = side_point
    return (sign * scalp.AXES[0], y, z)


def draw_sutures(c: Canvas) -> None:
    """The sutures of the skull's vault, faint: the sagittal along the median line
    from bregma to lambda, the coronal from bregma down to the temples, and the top
    of the lambdoid from lambda down toward the backs of the ears."""
    bregma, lambda_ = scalp.to_3d(0.0, BREGMA_S), scalp.to_3d(0.0, LAMBDA_S)
    steps = int((LAMBDA_S - BREGMA_S) / 0.15)
    sagittal = [
        ((0.035 if i % 2 else -0.035) if 0 < i < steps else 0.0,
         -scalp.to_3d(0.0, BREGMA_S + (LAMBDA_S - BREGMA_S) * i / steps)[2])
        for i in range(steps + 1)
    ]  # fmt: skip
    anatomy_line(c, "sagittal_suture", sagittal, 0.45, smooth=False)
    for sign in (1, -1):
        anatomy_line(c, "coronal_suture", _over_vault(bregma, _beside(PTERION, sign)), 0.5)
        anatomy_line(c, "lambdoid_suture", _over_vault(lambda_, _beside(ASTERION, sign)), 0.5)


def ear_apex_line(steps: int = 16) -> list[Point]:
    """The line over the vault from the apex of one ear to the other's through GV20,
    seen from above. GV20, 5 of the 12 B-cun from the anterior to the posterior
    hairline, lies behind the apexes on this head, so the line, in the plane through
    both apexes and GV20, leans back over the top."""
    a, b, c = scalp.AXES
    _, cy, cz = scalp.CENTRE
    apex_z, apex_y = SIDE_EAR[0]
    _, top_y, top_z = scalp.to_3d(0.0, 5.0)
    half = []
    for i in range(steps + 1):
        y = top_y + (apex_y - top_y) * i / steps
        z = top_z + (apex_z - top_z) * (y - top_y) / (apex_y - top_y)
        x = a * math.sqrt(max(0.0, 1.0 - ((y - cy) / b) ** 2 - ((z - cz) / c) ** 2))
        half.append((x, -z))
    return [*((-x, v) for x, v in reversed(half[1:])), *half]


def draw_vertex(c: Canvas) -> None:
    geo = an.frame_geometry("vertex")
    vault, nose = geo.outlines["head"], geo.outlines["nose"]
    ears = [geo.outlines["ear-right"], geo.outlines["ear-left"]]
    for part in (nose, *ears):
        c.shape(part, SKIN, layer="base", stroke=OUTLINE, width=0.8)
    c.shape(vault, "url(#skin)", layer="base")
    rim(c, vault, 7.0, 0.35)
    # the ridge of the nose and the creases above the wings of the nostrils
    front = scalp.CENTRE[2] + scalp.AXES[2]
    c.line([(0.0, -front - 0.1), (0.0, -front - 0.6)], 0.4, opacity=0.3)
    for s in (-1, 1):
        c.line([(s * 0.5, -front - 0.05), (s * 0.4, -front - 0.28), (s * 0.2, -front - 0.46)],
               0.4, opacity=0.3)  # fmt: skip
        # the ear: the hollow behind its rim in shadow, and the rim's inner edge
        a = scalp.AXES[0]
        rim_inner = [(a + 0.14, -0.26), (a + 0.44, 0.22), (a + 0.55, 0.76), (a + 0.38, 1.06)]
        hollow = [(a - 0.1, -0.2), *rim_inner, (a - 0.15, 1.1)]
        c.shape([(s * x, v) for x, v in hollow], SKIN_SHADE, 0.3, smooth=True)
        c.line([(s * x, v) for x, v in rim_inner], 0.45, opacity=0.45)
    (head,) = geo.regions["head"]
    c.shape(head, HAIR, opacity=0.3)
    # hair: strands sweeping out from the whorl behind the crown
    crown = scalp.to_3d(0.0, 5.0)
    whorl = (WHORL_ASIDE, -crown[2] + WHORL_BEHIND)
    for k in range(14):
        angle = 2 * math.pi * k / 14 + 0.3
        pts = []
        for i in range(6):
            r = 0.35 + 0.62 * i
            turn = angle + 0.5 * i / 5
            pts.append((whorl[0] + r * math.cos(turn) * 0.85, whorl[1] + r * math.sin(turn)))
        kept = [p for p in pts if an.point_in_polygon(p, head)]
        if len(kept) >= 3:
            c.line(kept, 0.35, colour="#6c625c", opacity=0.14)
    spiral = [
        (whorl[0] + 0.06 * t * math.cos(t), whorl[1] + 0.05 * t * math.sin(t))
        for t in (0.5 * i for i in range(2, 16))
    ]
    c.line(spiral, 0.45, colour="#6c625c", opacity=0.3)
    # the median line
    c.line([(0.0, -3.8), (0.0, 4.2)], 0.4, colour=DETAIL, opacity=0.35, dash="2 2")
    c.shape(vault, "none", stroke=OUTLINE, width=1.1)
    draw_sutures(c)
    anatomy_line(c, "ear_apex_line", ear_apex_line(), 0.45)
