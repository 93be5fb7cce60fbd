"""Art of the lower limb on the full views (front, back, side): the skin's detail
(creases, nails, the knee, the malleoli) and its part of the anatomy layer (the
greater trochanter, the iliotibial tract, the patella, the tibia, the fibula,
the gastrocnemius, the calcaneal tendon, the malleoli and the metatarsals)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from atlas.core.anatomy import front_back as fb
from atlas.core.anatomy import side as sd
from atlas.diagram.drawing.canvas import (
    ANATOMY_INK,
    DETAIL,
    NAIL,
    SKIN_LIGHT,
    SKIN_SHADE,
    Canvas,
    mirror,
)

Point = tuple[float, float]


def bone(c: Canvas, pts: Sequence[Point], layer: str, smooth: bool = True, dash: str = "") -> None:
    """A bone's edge on the anatomy layer (a little firmer than muscles and tendons)."""
    c.line(pts, 0.5, colour=ANATOMY_INK, opacity=0.32, smooth=smooth, layer=layer, dash=dash)


def soft(c: Canvas, pts: Sequence[Point], layer: str, smooth: bool = True, dash: str = "") -> None:
    """The edge of a muscle or a tendon on the anatomy layer."""
    c.line(pts, 0.45, colour=ANATOMY_INK, opacity=0.24, smooth=smooth, layer=layer, dash=dash)


def ring(c: Canvas, centre: Point, rx: float, ry: float, layer: str, opacity: float = 0.32) -> None:
    """A faint oval outline on the anatomy layer (a malleolus, a joint, a tuberosity)."""
    cx, cy = centre
    pts = [
        (cx + rx * math.cos(t), cy + ry * math.sin(t))
        for t in (2 * math.pi * k / 24 for k in range(24))
    ]
    c.shape(
        pts,
        "none",
        stroke=ANATOMY_INK,
        width=0.45,
        smooth=True,
        layer=layer,
        extra=f' stroke-opacity="{opacity}"',
    )


def nail_at(c: Canvas, x: float, tip: float, w: float, length: float) -> None:
    """A toenail of a toe pointing down the picture, its free edge at ``tip``."""
    top, base = tip - 0.02, tip - length
    nail = [(x - w, base), (x + w, base), (x + w * 0.95, top - 0.06), (x, top),
            (x - w * 0.95, top - 0.06)]  # fmt: skip
    c.shape(nail, NAIL, 0.9, stroke=DETAIL, width=0.3, smooth=True)


# ---------------------------------------------------------------- front and back


def draw_leg_front_back(c: Canvas, s: int, front: bool) -> None:
    """One leg (screen side ``s``) on the front or the back view."""
    _leg_shading(c, s)
    if front:
        _front_leg(c, s)
    else:
        _back_leg(c, s)
    # the anatomy layer: the greater trochanter, the malleoli
    ring(c, (s * 6.75, 38.0), 0.45, 0.55, "anatomy-greater_trochanter")
    medial = (1.25, 72.0) if front else (1.15, 72.0)
    ring(c, (s * medial[0], medial[1]), 0.2, 0.32, "anatomy-malleoli")
    ring(c, (s * 3.45, 73.0), 0.2, 0.34, "anatomy-malleoli")


def _leg_shading(c: Canvas, s: int) -> None:
    # the inner side of each leg and the outer side of the knee
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


def _front_leg(c: Canvas, s: int) -> None:
    # the knee: the patella under the skin, and its outline on the anatomy layer
    patella = [(2.1, 55.0), (3.3, 55.0), (3.45, 56.1), (2.75, 57.1), (2.0, 56.1)]
    c.shape(mirror(patella, s), SKIN_LIGHT, 0.5, smooth=True)
    c.shape(
        mirror(patella, s),
        "none",
        stroke=ANATOMY_INK,
        width=0.5,
        smooth=True,
        layer="anatomy-patella",
        extra=' stroke-opacity="0.32"',
    )
    soft(c, mirror([(2.75, 57.1), (2.6, 58.5)], s), layer="anatomy-patella")
    c.line(mirror([(4.8, 40.5), (4.0, 46.0), (3.4, 51.5), (3.2, 54.0)], s), 0.4, opacity=0.18)
    # the tibia: its crest down the shin, its medial border, the head of the fibula
    bone(c, mirror(fb.TIBIA_CREST_FRONT, s), layer="anatomy-tibia")
    bone(c, mirror(fb.TIBIA_BORDER_FRONT, s), layer="anatomy-tibia")
    ring(c, (s * 4.3, 58.9), 0.28, 0.3, "anatomy-fibula")
    # the malleoli
    c.ellipse((s * 1.25, 72.0), 0.22, 0.3, SKIN_SHADE, 0.35)
    c.ellipse((s * 3.45, 72.95), 0.22, 0.3, SKIN_SHADE, 0.35)
    # the foot: the tendon of the big toe, the joint of the big toe, the toes
    c.line(mirror([(2.0, 72.6), (1.6, 73.8), (1.35, 74.9)], s), 0.4, opacity=0.22)
    c.ellipse((s * 0.95, 74.5), 0.2, 0.24, SKIN_SHADE, 0.25)
    for x, tip, w, length in fb.TOES_FRONT:
        nail_at(c, s * x, tip, w, length)
        crease = tip - length - (0.18 if w > 0.2 else 0.12)
        c.line([(s * (x - w * 1.1), crease), (s * (x + w * 1.1), crease)], 0.3, opacity=0.3)
    for base, head in fb.METATARSALS_FRONT:
        bone(c, mirror([base, head], s), smooth=False, layer="anatomy-metatarsals")
    ring(c, (s * 3.78, 73.95), 0.12, 0.14, "anatomy-metatarsals")


def _back_leg(c: Canvas, s: int) -> None:
    # the crease behind the knee, the heel, the malleoli
    c.line(mirror([(1.2, 57.0), (2.6, 57.3), (4.0, 57.0)], s), 0.6, opacity=0.5)
    c.ellipse((s * 2.3, 74.3), 0.9, 0.5, SKIN_SHADE, 0.15)
    c.ellipse((s * 1.15, 72.0), 0.2, 0.3, SKIN_SHADE, 0.3)
    c.ellipse((s * 3.45, 72.9), 0.2, 0.3, SKIN_SHADE, 0.3)
    # the anatomy layer: the two heads of the gastrocnemius and the calcaneal tendon,
    # the hamstring tendons, the head of the fibula
    soft(
        c,
        mirror([(1.0, 58.0), (1.0, 61.0), (1.45, 64.5), (2.15, 66.3)], s),
        layer="anatomy-gastrocnemius",
    )
    soft(
        c,
        mirror([(4.2, 58.0), (4.0, 61.5), (3.5, 64.5), (2.8, 65.7)], s),
        layer="anatomy-gastrocnemius",
    )
    soft(
        c,
        mirror([(2.6, 59.0), (2.5, 62.0), (2.45, 65.0)], s),
        dash="2,1.5",
        layer="anatomy-gastrocnemius",
    )
    for edge in ((2.15, 66.3), (2.8, 65.7)):
        end = (1.95, 73.3) if edge[0] < 2.5 else (2.85, 73.4)
        soft(
            c,
            mirror([edge, (edge[0] + (end[0] - edge[0]) * 0.4, 70.0), end], s),
            layer="anatomy-calcaneal_tendon",
        )
    soft(
        c,
        mirror([(1.2, 52.0), (1.3, 55.0), (1.35, 57.5), (1.05, 59.5)], s),
        layer="anatomy-hamstring_tendons",
    )
    soft(
        c,
        mirror([(3.9, 52.0), (3.95, 55.0), (4.0, 57.0), (4.25, 58.6)], s),
        layer="anatomy-hamstring_tendons",
    )
    ring(c, (s * 4.25, 58.9), 0.28, 0.3, "anatomy-fibula")


# ---------------------------------------------------------------- side


def draw_leg_side(c: Canvas) -> None:
    """The right leg on the side view, and its part of the anatomy layer."""
    # skin: the knee, the crease behind it, the malleolus, the foot's toes
    c.ellipse((-0.3, 38.4), 0.45, 0.45, SKIN_SHADE, 0.22)
    c.line([(-3.3, 43.2), (-2.0, 43.7), (-1.0, 43.4)], 0.6, opacity=0.45)
    patella = [(1.75, 54.85), (2.75, 55.0), (2.85, 56.3), (2.3, 57.2), (1.6, 56.2)]
    c.shape(patella, SKIN_LIGHT, 0.5, smooth=True)
    c.line([(-1.95, 56.9), (-1.2, 57.15)], 0.6, opacity=0.45)
    c.ellipse((-0.4, 73.0), 0.42, 0.5, SKIN_SHADE, 0.3)
    c.ellipse((-0.55, 58.7), 0.35, 0.33, SKIN_SHADE, 0.22)
    c.line([(-1.72, 73.4), (-1.55, 70.0), (-1.3, 66.5)], 0.45, opacity=0.22)
    _side_foot(c)
    # the anatomy layer
    c.shape(
        patella,
        "none",
        stroke=ANATOMY_INK,
        width=0.5,
        smooth=True,
        layer="anatomy-patella",
        extra=' stroke-opacity="0.32"',
    )
    soft(c, [(2.3, 57.2), (2.0, 58.7)], layer="anatomy-patella")
    ring(c, (-0.4, 38.0), 0.7, 0.8, "anatomy-greater_trochanter")
    (hip, knee) = sd.ILIOTIBIAL_BACK
    front_hip, front_knee = (hip[0] + 1.0, hip[1] - 1.0), (knee[0] + 1.25, knee[1] + 1.2)
    soft(c, [hip, knee], smooth=False, layer="anatomy-iliotibial_tract")
    soft(c, [front_hip, (0.6, 50.0), front_knee], layer="anatomy-iliotibial_tract")
    ring(c, (-0.55, 58.75), 0.38, 0.35, "anatomy-fibula")
    for a, b in (sd.FIBULA_FRONT, sd.FIBULA_BACK):
        bone(c, [(a[0], a[1] + 0.4), b], smooth=False, layer="anatomy-fibula")
    bone(
        c,
        [(2.15, 58.9), (1.75, 62.0), (1.4, 66.0), (1.25, 70.0), (1.25, 71.5)],
        layer="anatomy-tibia",
    )
    soft(
        c,
        [(-1.55, 58.2), (-0.9, 60.5), (-0.75, 63.0), (-1.1, 65.2), (-1.6, 66.2)],
        layer="anatomy-gastrocnemius",
    )
    soft(
        c,
        [(-1.6, 66.2), (-1.45, 69.0), (-1.6, 72.0), (-1.9, 73.6)],
        layer="anatomy-calcaneal_tendon",
    )
    ring(c, (-0.4, 73.0), 0.36, 0.5, "anatomy-malleoli")
    bone(c, [(2.45, 74.35), (4.85, 74.4)], smooth=False, layer="anatomy-metatarsals")
    bone(c, [(2.35, 73.95), (4.55, 74.05)], smooth=False, layer="anatomy-metatarsals")
    ring(c, (2.35, 74.45), 0.2, 0.16, "anatomy-metatarsals")
    ring(c, (4.85, 74.4), 0.18, 0.18, "anatomy-metatarsals")


def _side_foot(c: Canvas) -> None:
    """The foot's outer side: the border of the sole's skin, the toes with their nails."""
    c.line(sd.SOLE_BORDER_LATERAL, 0.45, colour=DETAIL, opacity=0.4, dash="1.5,1.5")
    c.ellipse(sd.LEG_LANDMARKS["metatarsal5_tuberosity"], 0.3, 0.2, SKIN_SHADE, 0.2)
    # the little toe in front, the fourth above and beyond it, the others' tips
    little = [(4.95, 74.36), (5.7, 74.35), (6.3, 74.42), (6.62, 74.55), (6.72, 74.78),
              (6.55, 74.98), (6.25, 75.04)]  # fmt: skip
    fourth = [(5.75, 74.1), (6.55, 74.12), (6.98, 74.26), (7.15, 74.5), (7.1, 74.75),
              (6.8, 74.82)]  # fmt: skip
    c.line(little, 0.5, opacity=0.55)
    c.line(fourth, 0.45, opacity=0.45)
    c.line([(7.45, 74.16), (7.62, 74.38), (7.6, 74.7), (7.4, 74.85)], 0.4, opacity=0.35)
    c.line([(5.65, 74.4), (5.62, 74.78)], 0.35, opacity=0.3)
    c.line([(6.05, 74.14), (6.02, 74.36)], 0.3, opacity=0.25)
    for nail in sd.SIDE_TOENAILS.values():
        c.shape(nail, NAIL, 0.9, stroke=DETAIL, width=0.3, smooth=True)
