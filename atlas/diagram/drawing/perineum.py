"""Art of the perineum frame: the region below the pelvis seen from below, the
thighs drawn up and apart; the genitals only as the edge that CV1 is measured from."""

from __future__ import annotations

from atlas.core import anatomy as an
from atlas.core.anatomy import perineum
from atlas.diagram.drawing.canvas import (
    ANATOMY_INK,
    DETAIL,
    OUTLINE,
    SKIN_LIGHT,
    SKIN_SHADE,
    Canvas,
    mirror,
    rim,
)

Point = tuple[float, float]


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
    c.shape(genitals, "none", stroke=OUTLINE, width=0.9)
    c.line([(0.0, -1.75), (0.0, -3.4)], 0.4, DETAIL, 0.3, smooth=False)
    _anatomy(c)


def _anatomy(c: Canvas) -> None:
    """The bones the region is bounded by: the pubic arch, the ischial tuberosities
    and the coccyx."""
    ink = ' stroke-opacity="0.34"'
    tip = perineum.LANDMARKS["coccyx_tip"]
    coccyx = [(0.0, tip[1]), (0.22, tip[1] + 0.3), (0.3, tip[1] + 1.0), (-0.3, tip[1] + 1.0),
              (-0.22, tip[1] + 0.3)]  # fmt: skip
    c.shape(coccyx, ANATOMY_INK, 0.05, stroke=ANATOMY_INK, width=0.45, smooth=True,
            layer="anatomy-sacrum", extra=ink)  # fmt: skip
    tuberosity = perineum.LANDMARKS["ischial_tuberosity"]
    for s in (-1, 1):
        x, y = tuberosity
        c.ellipse((s * x, y), 0.45, 0.6, ANATOMY_INK, 0.06, layer="anatomy-pelvis")
        # the ischiopubic ramus, from the tuberosity up to the pubic symphysis
        c.line(mirror([(x - 0.1, y - 0.6), (1.85, -1.6), (1.0, -2.9), (0.35, -3.4)], s), 0.45,
               ANATOMY_INK, 0.3, layer="anatomy-pelvis")  # fmt: skip
    c.text((0.55, tip[1] + 0.45), "coccyx", 0.24, colour="#9a7b6e", layer="anatomy-sacrum",
           anchor="start")  # fmt: skip
