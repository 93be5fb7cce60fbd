"""Views (pictures of a frame), the geometry of each frame, and its regions."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.core.anatomy.cells import FrameGeometry
from atlas.core.anatomy.foot import FOOT_FRAMES, foot_geometry
from atlas.core.anatomy.front_back import front_back_geometry
from atlas.core.anatomy.geometry import Point, Polygon, area, clip_convex, point_in_shape
from atlas.core.anatomy.levels import UNITS
from atlas.core.anatomy.perineum import perineum_geometry
from atlas.core.anatomy.side import side_geometry
from atlas.core.anatomy.vertex import vertex_geometry


@dataclass(frozen=True)
class View:
    """A picture of one frame: the full figure or a magnified crop of it."""

    id: str
    title: str
    kind: str  # "full" or "detail"
    frame: str  # front, back, side, vertex, medial, foot_dorsal, sole
    x0: float  # crop, frame B-cun
    y0: float
    x1: float
    y1: float
    scale: float  # SVG user units per B-cun
    sort: int
    side: str = ""  # for detail views of one limb: "right" or "left"

    @property
    def width(self) -> float:
        return round((self.x1 - self.x0) * self.scale, 3)

    @property
    def height(self) -> float:
        return round((self.y1 - self.y0) * self.scale, 3)

    def to_view(self, p: Point) -> Point:
        """Frame B-cun -> SVG user units."""
        return ((p[0] - self.x0) * self.scale, (p[1] - self.y0) * self.scale)

    def contains(self, p: Point) -> bool:
        return self.x0 <= p[0] <= self.x1 and self.y0 <= p[1] <= self.y1


VIEWS: tuple[View, ...] = (
    View("front", "Front", "full", "front", -12.5, -1.5, 12.5, 76.5, UNITS, 0),
    View("back", "Back", "full", "back", -12.5, -1.5, 12.5, 76.5, UNITS, 1),
    View("side", "Side (right lateral)", "full", "side", -14.5, -9.5, 9.5, 76.5, UNITS, 2),
    View("head_front", "Head and face, front", "detail", "front", -5.2, -0.9, 5.2, 13.5, 40.0,
         3),
    View("head_side", "Head and face, side", "detail", "side", -5.6, -0.9, 6.0, 13.5, 40.0, 4),
    View("hand_palmar", "Right hand, palmar", "detail", "front", -12.4, 38.6, -7.0, 49.0,
         50.0, 5, "right"),
    View("hand_dorsal", "Right hand, dorsal", "detail", "back", 7.0, 38.6, 12.4, 49.0, 50.0,
         6, "right"),
    View("vertex", "Top of the head", "detail", "vertex", -5.2, -5.4, 5.2, 5.0, 40.0, 11),
    View("head_back", "Head and neck, back", "detail", "back", -5.2, -0.9, 5.2, 14.5, 40.0, 12),
    View("foot_lateral", "Right foot, lateral", "detail", "side", -3.4, 68.0, 8.6, 75.8, 40.0,
         7, "right"),
    View("leg_medial", "Right lower leg, medial", "detail", "medial", -8.8, 51.6, 3.4, 75.8,
         30.0, 8, "right"),
    View("foot_medial", "Right foot, medial", "detail", "medial", -8.6, 66.0, 3.0, 75.8, 40.0,
         9, "right"),
    View("foot_dorsal", "Right foot, dorsal", "detail", "foot_dorsal", -2.8, -8.6, 2.8, 3.0,
         40.0, 10, "right"),
    View("sole", "Right foot, sole", "detail", "sole", -2.8, -8.6, 2.8, 3.0, 40.0, 13,
         "right"),
    View("perineum", "Perineum, from below", "detail", "perineum", -4.6, -3.4, 4.6, 3.8, 40.0,
         15),
)  # fmt: skip

VIEW_BY_ID: dict[str, View] = {v.id: v for v in VIEWS}

FULL_VIEWS = ("front", "back", "side")


_GEOMETRY_CACHE: dict[str, FrameGeometry] = {}


def frame_geometry(frame: str) -> FrameGeometry:
    """Outlines and regions of a frame (cached)."""
    if frame not in _GEOMETRY_CACHE:
        if frame == "side":
            _GEOMETRY_CACHE[frame] = side_geometry()
        elif frame == "vertex":
            _GEOMETRY_CACHE[frame] = vertex_geometry()
        elif frame == "perineum":
            _GEOMETRY_CACHE[frame] = perineum_geometry()
        elif frame in FOOT_FRAMES:
            _GEOMETRY_CACHE[frame] = foot_geometry(frame)
        else:
            _GEOMETRY_CACHE[frame] = front_back_geometry(frame)
    return _GEOMETRY_CACHE[frame]


def view_regions(view: View) -> dict[str, list[Polygon]]:
    """The regions of a view in its SVG user units (crops clipped to the view)."""
    geo = frame_geometry(view.frame)
    box = [(view.x0, view.y0), (view.x1, view.y0), (view.x1, view.y1), (view.x0, view.y1)]
    out: dict[str, list[Polygon]] = {}
    for rid, pieces in geo.regions.items():
        if view.side and rid.endswith(("-left", "-right")) and not rid.endswith(view.side):
            continue
        kept: list[Polygon] = []
        for piece in pieces:
            clipped = clip_convex(piece, box) if view.kind == "detail" else piece
            if len(clipped) >= 3 and area(clipped) * view.scale**2 > 0.5:
                kept.append([view.to_view(p) for p in clipped])
        if kept:
            out[rid] = kept
    return out


def region_at(view: View, p: Point) -> str | None:
    """The region id under a point in SVG user units (None outside the figure)."""
    for rid, pieces in view_regions(view).items():
        if point_in_shape(p, pieces):
            return rid
    return None


def snap_to_border(frame: str, x: float, y: float, border: str) -> float:
    """Move onto a limb's border at level y, just inside the outline.

    Front and back: ``x`` is the distance from the median line on the right
    side; side: ``x`` is z. Returns the new x in the same convention.
    """
    geo = frame_geometry(frame)
    polys = [geo.outlines["body"]] + ([geo.outlines["head"]] if "head" in geo.outlines else [])
    xs: list[float] = []
    for poly in polys:
        n = len(poly)
        for i in range(n):
            (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % n]
            if (y1 > y) != (y2 > y):
                xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    signed = sorted(xs)
    pairs = list(zip(signed[0::2], signed[1::2], strict=False))
    if frame == "side":
        intervals = pairs
    else:
        right = -1.0 if frame == "front" else 1.0
        intervals = []
        for a, b in pairs:
            lo, hi = sorted((right * a, right * b))
            if hi >= 0:
                intervals.append((max(lo, 0.0), hi))
    probe = x
    # the interval [a, b] of the outline holding the probe (or the nearest)
    best: tuple[float, float] | None = None
    for a, b in intervals:
        if a <= probe <= b:
            best = (a, b)
            break
        if best is None or min(abs(probe - a), abs(probe - b)) < min(
            abs(probe - best[0]), abs(probe - best[1])
        ):
            best = (a, b)
    if best is None:
        return x
    inset = 0.25
    a, b = best
    if frame == "side":
        return b - inset if border == "anterior" else a + inset
    return a + inset if border == "medial" else b - inset
