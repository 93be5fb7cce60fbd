"""Art of the foot frames."""

from __future__ import annotations

from atlas.core import anatomy as an
from atlas.diagram.drawing.canvas import DETAIL, NAIL, OUTLINE, SKIN_LIGHT, SKIN_SHADE, Canvas, rim


def draw_foot(c: Canvas) -> None:
    """The right foot alone: medial side, dorsum or sole."""
    frame = c.view.frame
    outline = an.frame_geometry(frame).outlines["body"]
    c.shape(outline, "url(#skin)", layer="base")
    rim(c, outline, 7.0, 0.35)
    if frame == "foot_medial":
        c.ellipse((-0.2, 72.0), 0.45, 0.55, SKIN_SHADE, 0.35)
        c.line([(1.55, 70.0), (1.45, 72.2), (1.75, 73.6)], 0.5, opacity=0.3)
        c.line([(-1.0, 70.5), (-1.1, 72.1), (-2.2, 73.3)], 0.45, opacity=0.25)
        c.line(
            [(-5.2, 74.95), (-3.5, 74.45), (-1.5, 74.4), (0.2, 74.8)],
            2.5,
            colour=SKIN_SHADE,
            opacity=0.25,
        )
        c.ellipse((-2.2, 73.5), 0.25, 0.2, SKIN_SHADE, 0.3)
        c.line([(-6.1, 73.8), (-6.0, 74.9)], 0.4, opacity=0.35)
        nail = [(-7.7, 73.95), (-7.15, 73.9), (-7.05, 74.15), (-7.75, 74.2)]
        c.shape(nail, NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
    else:
        sign = -1.0 if frame == "sole" else 1.0
        tips = [(-1.5, -7.75), (-0.5, -7.8), (0.3, -7.45), (1.05, -7.0), (1.75, -6.5)]
        widths = [0.45, 0.3, 0.27, 0.25, 0.22]
        for (x, y), w in zip(tips, widths, strict=True):
            x *= sign
            if frame == "foot_dorsal":
                nail = [
                    (x - w, y + 0.55 + w),
                    (x + w, y + 0.55 + w),
                    (x + w * 0.9, y + 0.12),
                    (x, y),
                    (x - w * 0.9, y + 0.12),
                ]
                c.shape(nail, NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
            else:
                c.ellipse((x, y + 0.35), w * 0.8, 0.3, SKIN_SHADE, 0.25)
        for x in (-0.95, -0.05, 0.7, 1.35):
            c.line([(sign * x, -6.45), (sign * x, -6.0)], 0.4, opacity=0.3)
        if frame == "foot_dorsal":
            c.ellipse((1.6, 0.1), 0.35, 0.5, SKIN_SHADE, 0.3)
            c.ellipse((-1.5, 0.0), 0.35, 0.5, SKIN_SHADE, 0.3)
            for x0, x1 in ((-0.9, -1.3), (-0.3, -0.5), (0.2, 0.3), (0.7, 0.95), (1.2, 1.55)):
                c.line([(x0 * 0.6, -1.4), (x1, -5.6)], 0.4, opacity=0.18)
            c.line([(-0.1, 0.6), (-0.6, -2.5), (-1.2, -6.3)], 0.45, opacity=0.25)
        else:
            c.ellipse((0.0, 1.3), 1.0, 0.9, SKIN_SHADE, 0.18)
            c.ellipse((0.1, -5.4), 1.7, 0.7, SKIN_SHADE, 0.16)
            c.line([(0.8, -1.5), (0.5, -3.5), (0.2, -4.6)], 2.8, colour=SKIN_LIGHT, opacity=0.6)
            c.line([(-1.95, -5.3), (1.9, -5.0)], 0.4, opacity=0.2)
    c.shape(outline, "none", stroke=OUTLINE, width=1.1)
