"""Where a point lies on a body view, and how far an answer was from it, in B-cun.

Distances are measured on the view's own scale (the `views` table's `scale`, SVG
units per B-cun), to the nearest placement of the point on that view: either
side of a paired point, any part of a group (EX-B2 at each level).

The error in words names the view's own directions (`Offset.words`):

- every view but the vertex, the perineum and the foot seen from above or below:
  *high* and *low* (up and down the picture);
- the front and back views and their crops (head, hands), the vertex and the
  perineum: *medial* and *lateral*, relative to the body's median line (on the
  hand views the line lies outside the picture, so the thumb side of the palm is
  lateral); on a point of the median line any sideways error is lateral;
- the side views (full figure, head, lateral foot) and the medial leg view:
  *anterior* and *posterior*; on the foot views *toward the toes* and *toward
  the heel* instead;
- the vertex and the perineum: anterior (toward the face, the pubis) and
  posterior, up and down the picture;
- the dorsal and plantar foot views: toward the toes and toward the heel along
  the foot, medial and lateral across it.
"""

from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from atlas.core.atlas import Atlas

#: Below this (B-cun, after rounding to a tenth) a component of an error is not named.
_NEGLIGIBLE = 0.05


class ViewScale(NamedTuple):
    """A body view as study mode needs it."""

    id: str
    title: str
    kind: str  # "full" or "detail"
    frame: str
    width: float
    height: float
    scale: float  # SVG units per B-cun
    sort: int


class Spot(NamedTuple):
    """One placement of a point on a view (view units)."""

    code: str
    x: float
    y: float
    side: str


class Offset(NamedTuple):
    """An answer's place relative to the nearest placement of the point, in B-cun.

    `right` and `down` follow the picture (x to the right, y down); `words` names
    the error in the view's own directions ("1.4 B-cun too high, 0.3 B-cun too
    medial"), or "on the point".
    """

    view: str
    target: Spot
    distance: float
    right: float
    down: float
    words: str


class _Geometry:
    """The views, placements and measuring guides of one atlas, read once."""

    def __init__(self, atlas: Atlas) -> None:
        self.version = atlas.version
        self.views: dict[str, ViewScale] = {}
        for row in sorted(atlas.table("views"), key=lambda r: int(r["sort"])):
            self.views[str(row["id"])] = ViewScale(
                str(row["id"]),
                str(row["title"]),
                str(row["kind"]),
                str(row["frame"]),
                float(row["width"]),
                float(row["height"]),
                float(row["scale"]),
                int(row["sort"]),
            )
        self.spots: dict[str, list[Spot]] = {}  # by view
        self.by_code: dict[str, dict[str, list[Spot]]] = {}  # code -> view -> spots
        for row in atlas.table("placements"):
            view = str(row["view"])
            if view not in self.views:
                continue
            spot = Spot(str(row["code"]), float(row["x"]), float(row["y"]), str(row["side"]))
            self.spots.setdefault(view, []).append(spot)
            self.by_code.setdefault(spot.code, {}).setdefault(view, []).append(spot)
        self.guide_ends: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for row in atlas.table("measures"):
            ends = self.guide_ends.setdefault((str(row["code"]), str(row["view"])), [])
            ends += [(float(row["x1"]), float(row["y1"])), (float(row["x2"]), float(row["y2"]))]
        self._axes: dict[str, _Axes] = {}

    def axes(self, view: ViewScale) -> _Axes:
        axes = self._axes.get(view.id)
        if axes is None:
            axes = self._axes[view.id] = _axes_of(view)
        return axes


_geometries: weakref.WeakKeyDictionary[Atlas, _Geometry] = weakref.WeakKeyDictionary()


def _geometry(atlas: Atlas) -> _Geometry:
    found = _geometries.get(atlas)
    if found is None or found.version != atlas.version:
        found = _geometries[atlas] = _Geometry(atlas)
    return found


def views(atlas: Atlas) -> dict[str, ViewScale]:
    """The body views by id, in display order."""
    return dict(_geometry(atlas).views)


def spots(atlas: Atlas, code: str, view: str) -> list[Spot]:
    """Every placement of a point on a view ([] where the view does not show it)."""
    return list(_geometry(atlas).by_code.get(code, {}).get(view, ()))


def views_showing(atlas: Atlas, code: str) -> list[str]:
    """The views that show a point, in display order."""
    geometry = _geometry(atlas)
    shown = geometry.by_code.get(code, {})
    return [v for v in geometry.views if v in shown]


def best_view(atlas: Atlas, code: str) -> str | None:
    """The view where a point is shown most clearly, chosen from the data; None when no
    view shows it.

    Of the views that hold the point's whole measuring guide (or, if none does, all
    that show it), the one where the point stands farthest from any other point,
    measured in the view's units: a magnified view spreads points apart, and a view
    that sees the point's surface face-on does not crowd it with foreshortened
    neighbours. Ties go to the larger scale, then to the earlier view.
    """
    geometry = _geometry(atlas)
    showing = views_showing(atlas, code)
    if not showing:
        return None

    def holds_guide(view_id: str) -> bool:
        view = geometry.views[view_id]
        ends = geometry.guide_ends.get((code, view_id), ())
        return all(0 <= x <= view.width and 0 <= y <= view.height for x, y in ends)

    candidates = [v for v in showing if holds_guide(v)] or showing

    def room(view_id: str) -> float:
        mine = geometry.by_code[code][view_id]
        others = [s for s in geometry.spots[view_id] if s.code != code]
        return min(
            (math.hypot(m.x - o.x, m.y - o.y) for m in mine for o in others), default=math.inf
        )

    return max(
        candidates,
        key=lambda v: (room(v), geometry.views[v].scale, -geometry.views[v].sort),
    )


def locate_error(atlas: Atlas, code: str, view: str, x: float, y: float) -> float | None:
    """The distance in B-cun from (x, y), in the view's units, to the nearest placement
    of `code` on `view` (either side, any part of a group); None where the view does
    not show the point (or there is no such view)."""
    offset = locate_offset(atlas, code, view, x, y)
    return offset.distance if offset is not None else None


def locate_offset(atlas: Atlas, code: str, view: str, x: float, y: float) -> Offset | None:
    """Like `locate_error`, with the direction of the error (see the module's docstring)."""
    geometry = _geometry(atlas)
    info = geometry.views.get(view)
    found = geometry.by_code.get(code, {}).get(view)
    if info is None or not found:
        return None
    target = min(found, key=lambda s: math.hypot(x - s.x, y - s.y))
    right, down = (x - target.x) / info.scale, (y - target.y) / info.scale
    return Offset(
        view,
        target,
        math.hypot(right, down),
        right,
        down,
        geometry.axes(info).words(target, right, down),
    )


class _Axes(NamedTuple):
    """How a view's directions are named: for the y axis, the words for up and down the
    picture; for the x axis, the words for leftward and rightward, or, with a median
    line (`median`, its x in view units), for medial and lateral."""

    up: str
    down: str
    left: str
    right: str
    median: float | None = None

    def words(self, target: Spot, right: float, down: float) -> str:
        parts: list[str] = []
        if round(abs(down), 1) >= _NEGLIGIBLE:
            parts.append(f"{abs(down):.1f} B-cun {self.up if down < 0 else self.down}")
        across, toward_right = abs(right), right > 0
        if self.median is not None:
            lateral_is_right = target.x > self.median
            on_median = abs(target.x - self.median) < 1e-6
            outward = on_median or toward_right == lateral_is_right
            word = self.right if outward else self.left  # right = lateral, left = medial
        else:
            word = self.right if toward_right else self.left
        if round(across, 1) >= _NEGLIGIBLE:
            parts.append(f"{across:.1f} B-cun {word}")
        return ", ".join(parts) or "on the point"


_HIGH, _LOW = "too high", "too low"
_MEDIAL, _LATERAL = "too medial", "too lateral"
_ANTERIOR, _POSTERIOR = "too anterior", "too posterior"
_TOES, _HEEL = "too far toward the toes", "too far toward the heel"


def _axes_of(view: ViewScale) -> _Axes:
    """The words for a view's directions (the frames of atlas.core.anatomy)."""
    foot = view.id.startswith("foot_") or view.frame in ("foot_dorsal", "sole")
    if view.frame in ("front", "back", "vertex", "perineum"):
        from atlas.core.anatomy.views import VIEW_BY_ID  # the frame's crop, for the median

        crop = VIEW_BY_ID.get(view.id)
        median = -crop.x0 * crop.scale if crop is not None else view.width / 2
        if view.frame in ("vertex", "perineum"):  # the front of the body at the top
            return _Axes(_ANTERIOR, _POSTERIOR, _MEDIAL, _LATERAL, median)
        return _Axes(_HIGH, _LOW, _MEDIAL, _LATERAL, median)
    if view.frame == "side":  # the face toward larger x
        return _Axes(_HIGH, _LOW, *((_HEEL, _TOES) if foot else (_POSTERIOR, _ANTERIOR)))
    if view.frame == "medial":  # the toes toward smaller x
        return _Axes(_HIGH, _LOW, *((_TOES, _HEEL) if foot else (_ANTERIOR, _POSTERIOR)))
    if view.frame == "foot_dorsal":  # the toes up, lateral toward larger x
        return _Axes(_TOES, _HEEL, _MEDIAL, _LATERAL)
    if view.frame == "sole":  # the toes up, medial toward larger x
        return _Axes(_TOES, _HEEL, _LATERAL, _MEDIAL)
    return _Axes(_HIGH, _LOW, "too far left", "too far right")
