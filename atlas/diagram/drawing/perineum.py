"""Art of the perineum frame: the region below the pelvis seen from below, the
thighs drawn up and apart; the genitals only as the edge that CV1 is measured from."""

from __future__ import annotations

from atlas.core import anatomy as an
from atlas.core.anatomy import perineum
from atlas.diagram.drawing.canvas import (
    DETAIL,
    OUTLINE,
    SKIN_LIGHT,
    SKIN_SHADE,
    Canvas,
    mirror,
    rim,
)
from atlas.diagram.drawing.trunk import AnatomyLayer, ring


def draw_perineum(c: Canvas) -> None:
    geo = an.frame_geometry("perineum")
    body = geo.outlines["body"]
    genitals = perineum.genitals_outline()
    c.shape(body, "url(#skin)", layer="base")
    c.shape(genitals, SKIN_LIGHT, layer="base")
    rim(c, body, 9.0, 0.3)
    for s in (-1, 1):
        # the crease between thigh and buttock, and the fold beside the genitals
        c.line(mirror([(1.35, -0.9), (2.6, -0.2), (3.9, -0.05), (5.1, -0.25)], s), 0.6, DETAIL, 0.4)
        c.line(mirror([(1.1, -2.35), (1.45, -1.4), (1.4, -0.5)], s), 0.5, DETAIL, 0.3)
        # the inner edge of each buttock along the parted cleft
        c.line(mirror([(0.3, 0.45), (0.42, 1.6), (0.45, 2.6), (0.3, 3.3)], s), 0.55, DETAIL, 0.4)
    # the cleft between the buttocks, and the raphe from the anus to the genitals
    c.line([(0.0, 0.3), (0.0, 3.15)], 0.7, DETAIL, 0.45, smooth=False)
    c.line([(0.0, -0.3), (0.02, -1.0), (0.0, -1.7)], 0.4, DETAIL, 0.35)
    # the anus: a small puckered ring
    c.ellipse((0.0, 0.0), 0.3, 0.23, SKIN_SHADE, 0.55, stroke=DETAIL, width=0.5)
    for dx, dy in ((0.0, 1.0), (0.7, 0.7), (1.0, 0.0), (0.7, -0.7), (0.0, -1.0)):
        for s in (-1, 1):
            c.line([(s * dx * 0.12, dy * 0.09), (s * dx * 0.3, dy * 0.23)], 0.35, DETAIL, 0.45,
                   smooth=False)  # fmt: skip
    c.shape(body, "none", stroke=OUTLINE, width=1.1)
    c.shape(genitals, "none", stroke=OUTLINE, width=0.7)
    c.line([(0.0, -1.75), (0.0, -3.4)], 0.4, DETAIL, 0.3, smooth=False)
    _anatomy(c)


def _anatomy(c: Canvas) -> None:
    """The bones the region is bounded by: the pubic arch, the ischial tuberosities
    and the coccyx."""
    ink = AnatomyLayer(c)
    _, tip = perineum.LANDMARKS["coccyx_tip"]
    coccyx = [
        (0.0, tip),
        (0.22, tip + 0.3),
        (0.3, tip + 1.0),
        (-0.3, tip + 1.0),
        (-0.22, tip + 0.3),
    ]
    ink.bone("sacrum", coccyx)
    ink.text("sacrum", (0.5, tip + 0.4), "coccyx", 0.36, anchor="start")
    x, y = perineum.LANDMARKS["ischial_tuberosity"]
    for s in (-1, 1):
        ink.bone("pelvis", mirror(ring((x, y), 0.45, 0.6), s), 0.0, 0.06)
        # the ischiopubic ramus, from the tuberosity up to the pubic symphysis
        ramus = [(x - 0.1, y - 0.6), (1.85, -1.6), (1.0, -2.9), (0.35, -3.4)]
        ink.line("pelvis", mirror(ramus, s), 0.3, 0.45)
