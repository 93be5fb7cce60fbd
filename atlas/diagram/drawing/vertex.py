"""Art of the vertex frame: the head from above, the face at the top."""

from __future__ import annotations

from atlas.core import anatomy as an
from atlas.core.anatomy import scalp
from atlas.diagram.drawing.canvas import DETAIL, HAIR, OUTLINE, SKIN, Canvas, rim


def draw_vertex(c: Canvas) -> None:
    geo = an.frame_geometry("vertex")
    vault, nose = geo.outlines["head"], geo.outlines["nose"]
    ears = [geo.outlines["ear-right"], geo.outlines["ear-left"]]
    for part in (nose, *ears):
        c.shape(part, SKIN, layer="base", stroke=OUTLINE, width=0.8, smooth=True)
    c.shape(vault, "url(#skin)", layer="base")
    rim(c, vault, 7.0, 0.35)
    (head,) = geo.regions["head"]
    c.shape(head, HAIR, opacity=0.3)
    # the median line and the line joining the apexes of the ears, through GV20
    c.line([(0.0, -3.8), (0.0, 4.2)], 0.4, colour=DETAIL, opacity=0.35, dash="2 2")
    crown = scalp.to_3d(0.0, 5.0)
    c.line([(-3.6, -crown[2]), (3.6, -crown[2])], 0.4, colour=DETAIL, opacity=0.35, dash="2 2")
    # the hair whorl just behind the crown
    c.ellipse((0.15, -crown[2] + 0.9), 0.22, 0.16, HAIR, 0.45)
    c.shape(vault, "none", stroke=OUTLINE, width=1.1)
