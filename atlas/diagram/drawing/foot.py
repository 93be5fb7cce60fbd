"""Art of the lower limb's own frames: the leg seen from its inner side, the dorsum
and the sole of the foot. The structures come from ``atlas.core.anatomy.foot``,
where the landmarks are taken from, so that points sit on what is drawn."""

from __future__ import annotations

from atlas.core import anatomy as an
from atlas.core.anatomy import foot as ft
from atlas.diagram.drawing.canvas import (
    ANATOMY_INK,
    DETAIL,
    NAIL,
    OUTLINE,
    SKIN_LIGHT,
    SKIN_SHADE,
    Canvas,
    rim,
)
from atlas.diagram.drawing.leg import bone, ring, soft

Point = tuple[float, float]

#: the patella seen from the inner side, just behind the front of the knee
_PATELLA = [(-2.85, 54.95), (-2.3, 54.85), (-2.05, 55.65), (-2.2, 56.6), (-2.6, 57.0),
            (-2.8, 56.2)]  # fmt: skip


def draw_foot(c: Canvas) -> None:
    """The right leg from its inner side, or the right foot from above or below."""
    frame = c.view.frame
    outline = an.frame_geometry(frame).outlines["body"]
    c.shape(outline, "url(#skin)", layer="base")
    rim(c, outline, 7.0, 0.35)
    if frame == "medial":
        _medial_art(c)
        _medial_anatomy(c)
    elif frame == "foot_dorsal":
        _dorsal_art(c)
        _foot_bones(c, sign=1.0)
        for x, y in (ft.MEDIAL_MALLEOLUS_DORSAL, ft.LATERAL_MALLEOLUS_DORSAL):
            ring(c, (x, y), 0.32, 0.46, "anatomy-malleoli")
    else:
        _sole_art(c)
        _foot_bones(c, sign=-1.0)
    c.shape(outline, "none", stroke=OUTLINE, width=1.1)


# ---------------------------------------------------------------- medial


def _medial_art(c: Canvas) -> None:
    # the knee: the patella under the skin, the crease behind the knee
    c.shape(_PATELLA, SKIN_LIGHT, 0.55, smooth=True)
    c.line([(0.75, 57.02), (1.4, 57.05), (2.02, 57.1)], 0.55, opacity=0.4)
    # shading: the calf's curve, the arch
    c.line([(2.0, 58.5), (2.25, 62.0), (1.9, 66.0)], 12.0, colour=SKIN_SHADE, opacity=0.08)
    c.line([(-5.0, 74.7), (-3.4, 74.45), (-1.5, 74.35), (0.2, 74.7)], 2.5, colour=SKIN_SHADE,
           opacity=0.22)  # fmt: skip
    # the ankle: the malleolus, the hollow between it and the tendon, the heel
    c.ellipse(ft.MEDIAL_MALLEOLUS, 0.5, 0.58, SKIN_SHADE, 0.22)
    c.line(ft.CALCANEAL_TENDON[1:4], 0.5, opacity=0.3)
    c.ellipse((1.35, 74.2), 0.7, 0.45, SKIN_SHADE, 0.12)
    # the foot: where the skin of the sole begins, the joint of the big toe
    c.line(ft.SOLE_BORDER_MEDIAL, 0.45, colour=DETAIL, opacity=0.4, dash="1.5,1.5")
    c.ellipse((ft.MTP1_X, 74.35), 0.42, 0.34, SKIN_SHADE, 0.2)
    c.line([(ft.IP1_X, 74.1), (ft.IP1_X + 0.05, 74.45)], 0.4, opacity=0.4)
    c.line([(-6.35, 74.9), (-6.25, 75.02)], 0.4, opacity=0.3)
    c.shape(ft.BIG_TOENAIL_MEDIAL, NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)


def _medial_anatomy(c: Canvas) -> None:
    """The bones, muscles and tendons that the medial points are found from."""
    # the patella and its ligament, the femur's medial epicondyle
    c.shape(
        _PATELLA,
        "none",
        stroke=ANATOMY_INK,
        width=0.5,
        smooth=True,
        layer="anatomy-patella",
        extra=' stroke-opacity="0.32"',
    )
    soft(c, [(-2.55, 57.0), (-2.25, 58.45)], layer="anatomy-patella")
    ring(c, (-0.3, 56.2), 0.3, 0.3, "anatomy-femur", 0.24)
    # the tibia: the lower border of the medial condyle, the medial border, the crest
    bone(c, ft.TIBIA_CONDYLE, layer="anatomy-tibia")
    bone(c, [*ft.TIBIA_BORDER], smooth=False, layer="anatomy-tibia")
    bone(c, ft.TIBIA_CREST, layer="anatomy-tibia")
    soft(
        c,
        [(-2.05, 57.7), (-1.0, 57.75), (0.4, 57.7), (1.3, 57.5)],
        dash="2,1.5",
        layer="anatomy-tibia",
    )
    # the malleolus
    ring(c, ft.MEDIAL_MALLEOLUS, 0.52, 0.6, "anatomy-malleoli")
    # the calf: the medial head of the gastrocnemius, the soleus, the calcaneal tendon
    soft(c, ft.GASTROCNEMIUS, layer="anatomy-gastrocnemius")
    soft(c, ft.SOLEUS, dash="2,1.5", layer="anatomy-soleus")
    soft(c, ft.CALCANEAL_TENDON, layer="anatomy-calcaneal_tendon")
    soft(c, ft.SEMITENDINOSUS, layer="anatomy-hamstring_tendons")
    # the foot: navicular tuberosity, first metatarsal, phalanges, calcaneus
    ring(c, ft.NAVICULAR, 0.28, 0.22, "anatomy-metatarsals")
    mt1 = [(ft.METATARSAL1_BASE[0], 73.7), (-4.3, 73.95), (ft.MTP1_X + 0.25, 74.1)]
    bone(c, mt1, layer="anatomy-metatarsals")
    bone(
        c,
        [(ft.METATARSAL1_BASE[0], 74.05), (-4.3, 74.3), (ft.MTP1_X + 0.25, 74.6)],
        layer="anatomy-metatarsals",
    )
    ring(c, (ft.MTP1_X, 74.35), 0.28, 0.28, "anatomy-metatarsals")
    bone(
        c,
        [(1.9, 73.3), (2.15, 74.3), (1.4, 74.75), (0.0, 74.6), (-0.9, 73.9)],
        layer="anatomy-calcaneus",
    )


# ---------------------------------------------------------------- dorsal and sole


def _dorsal_art(c: Canvas) -> None:
    for n, (x, _, _, joint) in enumerate(ft.TOES):
        c.shape(ft.toenail(n), NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
        # the wrinkles over the toe's joints
        half = 0.18 if n else 0.28
        c.line([(x - half, joint), (x, joint - 0.04), (x + half, joint)], 0.35, opacity=0.35)
        if n:
            c.line([(x - half, joint + 0.45), (x + half, joint + 0.45)], 0.3, opacity=0.25)
    for x, y in ft.WEBS:
        c.line([(x, y), (x + 0.02, y + 0.35)], 0.4, opacity=0.3)
    # the malleoli at the ankle, the tendons on the dorsum
    c.ellipse(ft.MEDIAL_MALLEOLUS_DORSAL, 0.3, 0.45, SKIN_SHADE, 0.3)
    c.ellipse(ft.LATERAL_MALLEOLUS_DORSAL, 0.3, 0.45, SKIN_SHADE, 0.3)
    c.line([(-0.4, 0.2), (-0.8, -2.5), (-1.4, -5.4)], 0.45, opacity=0.18)


def _foot_bones(c: Canvas, sign: float) -> None:
    """Metatarsals and the tuberosity of the fifth, faint, on the dorsum or the sole."""
    for base, head in ft.METATARSALS:
        bone(
            c,
            [(sign * base[0], base[1]), (sign * head[0], head[1])],
            smooth=False,
            layer="anatomy-metatarsals",
        )
        ring(c, (sign * head[0], head[1]), 0.16, 0.16, "anatomy-metatarsals")
    ring(c, (sign * 1.82, -2.35), 0.2, 0.22, "anatomy-metatarsals")


def _sole_art(c: Canvas) -> None:
    for x, tip, w, joint in ft.TOES:
        # the toe pads and the creases under the joints
        c.ellipse((-x, tip + 0.38), w * 1.3, 0.3, SKIN_SHADE, 0.2)
        c.line([(-x - w, joint), (-x + w, joint)], 0.35, opacity=0.3)
    for x, y in ft.WEBS:
        c.line([(-x, y + 0.05), (-x, y + 0.3)], 0.4, opacity=0.3)
    # the ball of the foot, the heel
    c.ellipse((0.05, -5.0), 1.85, 0.95, SKIN_SHADE, 0.16)
    c.ellipse((0.0, 1.3), 1.0, 0.9, SKIN_SHADE, 0.18)
    # the hollow KI1 lies in when the toes curl
    kx, ky = ft.FOOT_LANDMARKS["sole"]["web_2_3"]
    c.ellipse((kx, ky + (ft.FOOT_LANDMARKS["sole"]["heel_back"][1] - ky) / 3), 0.75, 0.6,
              SKIN_SHADE, 0.1)  # fmt: skip
    c.line([(-2.0, -5.9), (-0.2, -6.05), (1.9, -5.95)], 0.4, opacity=0.25)
