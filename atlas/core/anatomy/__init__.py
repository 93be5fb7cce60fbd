"""Figure geometry in B-cun and the named landmarks of each view (Qt-free).

The figure is held in *frames*, each a projection of the body in B-cun:
``front`` and ``back`` (coronal projections; :mod:`.front_back`), ``side`` (the
right side, facing right; :mod:`.side`), the foot frames (:mod:`.foot`) and the
``perineum`` seen from below (:mod:`.perineum`). The skeleton of the trunk
(:mod:`.trunk`) is one model that the front, back and side frames all see.
A *view* (:mod:`.views`) is a picture of one frame: the full figure or a
magnified crop of it, mapped to SVG user units. The outlines and the region
partition are built here so that the placement engine can test point-in-region
without Qt; ``atlas.diagram.drawing`` adds the shaded art and writes the SVGs.

Proportions follow the WHO proportional bone measurements (see
``shared/reference/landmarks.md``); the levels are in :mod:`.levels`.

Rooms: :mod:`.geometry` (plane geometry), :mod:`.cells` (region cells),
:mod:`.levels` (WHO levels and spans), :mod:`.vault` (distances over the
head), the frames, and :mod:`.views`.
"""

from __future__ import annotations

from atlas.core.anatomy.cells import MIDLINE_REGIONS, FrameGeometry
from atlas.core.anatomy.foot import FOOT_FRAMES, FOOT_LANDMARKS
from atlas.core.anatomy.front_back import BACK_LANDMARKS, FRONT_LANDMARKS
from atlas.core.anatomy.geometry import (
    Point,
    Polygon,
    area,
    catmull_rom,
    clip_convex,
    lerp,
    point_in_polygon,
    point_in_shape,
    polyline_length,
    simplify,
)
from atlas.core.anatomy.levels import (
    ICS_MID,
    ICS_NAMES,
    LEVEL,
    POSTERIOR_HAIRLINE,
    SCALES,
    SPINE,
    UNITS,
    ics_y,
    scale_for,
)
from atlas.core.anatomy.perineum import LANDMARKS as PERINEUM_LANDMARKS
from atlas.core.anatomy.side import SIDE_LANDMARKS
from atlas.core.anatomy.vault import head_unwrap, head_wrap, vault_arc, vault_y
from atlas.core.anatomy.views import (
    FULL_VIEWS,
    VIEW_BY_ID,
    VIEWS,
    View,
    frame_geometry,
    region_at,
    snap_to_border,
    view_regions,
)

#: Named landmarks of each frame, in frame B-cun (front and back: the right side).
LANDMARKS: dict[str, dict[str, Point]] = {
    "front": FRONT_LANDMARKS,
    "back": BACK_LANDMARKS,
    "side": SIDE_LANDMARKS,
    "vertex": {},
    "perineum": PERINEUM_LANDMARKS,
    **FOOT_LANDMARKS,
}

__all__ = [
    "FOOT_FRAMES",
    "FULL_VIEWS",
    "ICS_MID",
    "ICS_NAMES",
    "LANDMARKS",
    "LEVEL",
    "MIDLINE_REGIONS",
    "POSTERIOR_HAIRLINE",
    "SCALES",
    "SPINE",
    "UNITS",
    "VIEWS",
    "VIEW_BY_ID",
    "FrameGeometry",
    "Point",
    "Polygon",
    "View",
    "area",
    "catmull_rom",
    "clip_convex",
    "frame_geometry",
    "head_unwrap",
    "head_wrap",
    "ics_y",
    "lerp",
    "point_in_polygon",
    "point_in_shape",
    "polyline_length",
    "region_at",
    "scale_for",
    "simplify",
    "snap_to_border",
    "vault_arc",
    "vault_y",
    "view_regions",
]
