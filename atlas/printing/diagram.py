"""Body diagrams on paper: a view SVG cropped to a part of the body, with what the
sheets draw on top (channel courses, markers, the measuring guide).

The view SVGs (assets/views/<view>.svg) are drawn by QSvgRenderer straight onto
the sheet's painter, so PDFs get vector outlines. For paper the SVG is lightly
prepared once per view: blur filters (soft shading meant for the screen; Qt
would rasterise them) and the invisible click regions are dropped, and the
figure is split into pieces so that a crop draws only what it shows.

Everything placed on top comes from the reference tables (`views`,
`placements`, `measures` and `pathways`, through `atlas.diagram.sources`), and
the regions from the SVGs: a table that does not exist yet just draws nothing.
"""

from __future__ import annotations

import math
import re
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import quoteattr

from PySide6.QtCore import QByteArray, QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer

from atlas.core import Atlas
from atlas.core import anatomy as an
from atlas.diagram import sources
from atlas.diagram.guide import on_span
from atlas.diagram.pathways import smooth_path
from atlas.diagram.sources import Placement as Placement  # re-exported for the sheets

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


@dataclass(frozen=True, slots=True)
class Measure:
    """A measured segment of a point's location, for its measuring guide."""

    code: str
    view: str
    side: str
    part: str | None
    label: str
    p1: QPointF
    p2: QPointF
    cun: float | None
    unit: str
    tick_at: float | None
    source: sources.Measure  # as the window's guide takes it


@dataclass(frozen=True, slots=True)
class Course:
    """A branch of a channel's course on one view and side: the smooth curve the
    window draws through its points (`atlas.diagram.pathways.smooth_path`), in view
    units."""

    channel: str
    branch: str
    side: str
    path: QPainterPath
    bounds: QRectF


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity
class Region:
    """A region of a view: its id without the side, its side ("" when unsided), and
    its outline (view units) and bounds."""

    id: str
    side: str
    path: QPainterPath
    bounds: QRectF


@dataclass(slots=True)
class ViewInfo:
    id: str
    title: str
    kind: str  # "full" or "detail"
    size: QSizeF
    path: Path
    scale: float = 10.0  # view units per B-cun

    @property
    def bounds(self) -> QRectF:
        return QRectF(QPointF(0, 0), self.size)


@dataclass(slots=True)
class DiagramData:
    """The diagram tables of one atlas, read once and indexed."""

    views: dict[str, ViewInfo] = field(default_factory=dict)
    placements: dict[str, list[Placement]] = field(default_factory=dict)  # by code
    by_view: dict[str, list[Placement]] = field(default_factory=dict)
    measures: dict[tuple[str, str], list[Measure]] = field(default_factory=dict)  # (code, view)
    courses: dict[str, list[Course]] = field(default_factory=dict)  # by view
    areas: dict[str, str] = field(default_factory=dict)  # region id -> area (upper_limb...)
    channel_of: dict[str, str] = field(default_factory=dict)  # point code -> its channel
    region_of: dict[str, str] = field(default_factory=dict)  # point code -> its region
    svgs: dict[str, CulledSvg | None] = field(default_factory=dict)
    _regions: dict[str, list[Region]] = field(default_factory=dict)
    _figures: dict[str, QPainterPath] = field(default_factory=dict)

    def renderer(self, view: str, crop: QRectF | None = None) -> QSvgRenderer | None:
        """A renderer for the view, holding only what lies in crop (None: everything)."""
        if view not in self.svgs:
            info = self.views.get(view)
            self.svgs[view] = _load_svg(info.path) if info else None
        svg = self.svgs[view]
        return svg.renderer(crop) if svg is not None else None

    def placements_of(self, code: str, view: str | None = None) -> list[Placement]:
        found = self.placements.get(code, [])
        return [p for p in found if view is None or p.view == view]

    def figure(self, view: str) -> QPainterPath:
        """The whole figure of a view: every region in one path (view units)."""
        found = self._figures.get(view)
        if found is None:
            found = QPainterPath()
            found.setFillRule(Qt.FillRule.WindingFill)
            for r in self.regions(view):
                found.addPath(r.path)
            self._figures[view] = found
        return found

    def regions(self, view: str) -> list[Region]:
        """The view's clickable regions (read from its SVG once)."""
        found = self._regions.get(view)
        if found is None:
            info = self.views.get(view)
            found = []
            for shape in sources.read_regions(info.path) if info else []:
                path = QPainterPath()
                for polygon in shape.polygons:
                    path.moveTo(*polygon[0])
                    for x, y in polygon[1:]:
                        path.lineTo(x, y)
                    path.closeSubpath()
                found.append(Region(shape.region, shape.side, path, path.boundingRect()))
            self._regions[view] = found
        return found


_cache: weakref.WeakKeyDictionary[Atlas, DiagramData] = weakref.WeakKeyDictionary()


def data_for(atlas: Atlas) -> DiagramData:
    """The (cached) diagram data for an atlas."""
    found = _cache.get(atlas)
    if found is None:
        found = _read(atlas)
        _cache[atlas] = found
    return found


def _read(atlas: Atlas) -> DiagramData:
    """The widget's reader (atlas.diagram.sources), in the shapes the painter uses."""
    source = sources.DiagramData.from_atlas(atlas)
    scales = {str(row["id"]): float(row["scale"]) for row in atlas.table("views")}
    data = DiagramData()
    for v in source.views:
        kind = "full" if v.is_body else "detail"
        size = QSizeF(v.width, v.height)
        data.views[v.id] = ViewInfo(v.id, v.title, kind, size, v.path, scales.get(v.id, 10.0))
    for view, placements in source.placements.items():
        data.by_view[view] = list(placements)
        for p in placements:
            data.placements.setdefault(p.code, []).append(p)
    for (code, view), found in source.measures.items():
        data.measures[(code, view)] = [
            Measure(m.code, m.view, m.side, m.part, m.label, QPointF(m.x1, m.y1),
                    QPointF(m.x2, m.y2), m.cun, m.unit, m.tick_at, m)
            for m in sorted(found, key=lambda m: m.seq)
        ]  # fmt: skip
    for view in data.views:
        for branch in source.pathways_of(view):
            path = smooth_path(branch.points)
            course = Course(branch.channel, branch.branch, branch.side, path, path.boundingRect())
            data.courses.setdefault(view, []).append(course)
    data.areas = {r.id: r.area for r in atlas.regions()}
    data.channel_of = {p.code: p.channel for p in atlas.all_points()}
    data.region_of = {p.code: p.region for p in atlas.all_points()}
    return data


def _strip(root: ET.Element) -> None:
    for parent in root.iter():
        for child in list(parent):
            tag = child.tag.rsplit("}", 1)[-1]
            ident = child.get("id", "")
            if (
                tag in ("filter", "title", "desc", "metadata")
                or _floor_shadow(child)
                or child.get("filter")
                or ident == "regions"
                or ident.startswith("region-")
                or child.get("class") == "region"
            ):
                parent.remove(child)


def _floor_shadow(element: ET.Element) -> bool:
    """The soft shadow under the feet: a faint black ellipse (a screen nicety; on paper it
    is a grey smear, cut in two where a picture leaves a leg out)."""
    tag = element.tag.rsplit("}", 1)[-1]
    return tag == "ellipse" and element.get("fill") == "#000000"


_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _bbox(element: ET.Element) -> QRectF | None:
    """Bounds of a simple shape in user units, or None when unsure (then it is kept)."""
    tag = element.tag.rsplit("}", 1)[-1]
    get = element.get
    try:
        if tag == "path":
            d = get("d", "")
            if re.search(r"[^MLZ0-9eE\s,.+-]", d):
                return None  # relative or curved commands: not worth parsing here
            nums = [float(n) for n in _NUMBER.findall(d)]
        elif tag in ("polygon", "polyline"):
            nums = [float(n) for n in _NUMBER.findall(get("points", ""))]
        elif tag in ("ellipse", "circle"):
            cx, cy = float(get("cx", 0)), float(get("cy", 0))
            rx = float(get("rx", get("r", 0)))
            ry = float(get("ry", get("r", 0)))
            nums = [cx - rx, cy - ry, cx + rx, cy + ry]
        elif tag == "line":
            nums = [float(get(k, 0)) for k in ("x1", "y1", "x2", "y2")]
        elif tag == "rect":
            x, y = float(get("x", 0)), float(get("y", 0))
            nums = [x, y, x + float(get("width", 0)), y + float(get("height", 0))]
        else:
            return None
    except ValueError:
        return None
    if len(nums) < 2 or len(nums) % 2:
        return None
    xs, ys = nums[0::2], nums[1::2]
    width = float(get("stroke-width", 1) or 1) if get("stroke") not in (None, "none") else 0
    box = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
    return box.adjusted(-width, -width, width, width)


def simplify_path(d: str, tolerance: float = 0.3) -> str:
    """A polyline path (M/L/Z, absolute) with fewer points and one decimal; others unchanged."""
    if re.search(r"[^MLZ0-9eE\s,.+-]", d):
        return d
    out: list[str] = []
    for match in re.finditer(r"M([^MZ]*)(Z?)", d):
        nums = [float(n) for n in _NUMBER.findall(match.group(1))]
        if len(nums) < 2 or len(nums) % 2:
            return d
        pts = an.simplify(list(zip(nums[0::2], nums[1::2], strict=True)), tolerance)
        out.append(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + ("Z" if match.group(2) else "")
        )
    return " ".join(out) if out else d


#: What translucent strokes are assumed to lie over when made opaque (the skin tone).
_STROKE_GROUND = QColor("#f6e6da")


def _opaque_stroke(element: ET.Element) -> None:
    """Pre-mix a translucent stroke with the ground colour.

    Qt's PDF writer strokes natively (a real PDF stroke) only with an opaque pen;
    a translucent one is turned into a filled outline, twice the points and
    visibly heavier. Mixed in advance, the line looks the same on paper.
    """
    opacity = element.get("opacity")
    if opacity is not None:
        for key in ("fill-opacity", "stroke-opacity"):
            element.set(key, f"{float(element.get(key, 1)) * float(opacity):.3f}")
        del element.attrib["opacity"]
    alpha = element.get("stroke-opacity")
    colour = QColor(element.get("stroke", ""))
    if alpha is None or not colour.isValid():
        return
    try:
        a = max(0.0, min(1.0, float(alpha)))
    except ValueError:
        return
    g = _STROKE_GROUND
    mixed = QColor(
        round(g.red() + (colour.red() - g.red()) * a),
        round(g.green() + (colour.green() - g.green()) * a),
        round(g.blue() + (colour.blue() - g.blue()) * a),
    )
    element.set("stroke", mixed.name())
    del element.attrib["stroke-opacity"]


class CulledSvg:
    """A view SVG split into pieces, so a crop can be drawn from only what it shows.

    Drawing a whole figure into a small crop would put every outline of the
    body into each PDF page; a book would weigh tens of megabytes.
    """

    def __init__(self, text: bytes) -> None:
        root = ET.fromstring(text)
        _strip(root)
        self.pieces: list[tuple[str, QRectF | None]] = []  # markup, bounds (None: always)
        self.head = self._open_tag(root)
        for child in root:
            self._split(child, depth=0)
        self._renderers: dict[tuple[int, int, int, int], QSvgRenderer] = {}

    @staticmethod
    def _open_tag(element: ET.Element) -> str:
        tag = element.tag.rsplit("}", 1)[-1]
        attrs = "".join(
            f" {name.rsplit('}', 1)[-1]}={quoteattr(value)}"
            for name, value in element.attrib.items()
        )
        xmlns = f' xmlns="{SVG_NS}"' if tag == "svg" else ""
        return f"<{tag}{xmlns}{attrs}>"

    def _split(self, element: ET.Element, depth: int) -> None:
        tag = element.tag.rsplit("}", 1)[-1]
        element.tail = None
        groupable = tag in ("g", "a") and not element.get("transform") and depth < 3
        if groupable and len(element):
            self.pieces.append((self._open_tag(element), None))
            for child in element:
                self._split(child, depth + 1)
            self.pieces.append((f"</{tag}>", None))
            return
        if tag == "path" and element.get("d"):
            element.set("d", simplify_path(element.get("d", "")))
        _opaque_stroke(element)
        if element.get("stroke") in (None, "none") and tag not in ("g", "a", "defs"):
            # QtSvg strokes a shape that has no stroke anyway, and Qt's PDF writer turns that
            # stroke into a filled outline three times the shape's size: no stroke at all.
            element.set("stroke-width", "0")
        if tag == "path" and element.get("fill") == "none" and element.get("stroke"):
            chunks = _chunks(element.get("d", ""))
            if len(chunks) > 1:
                # A long outline in short runs: a crop then holds only the runs it shows.
                element.set("stroke-linecap", "round")
                for d in chunks:
                    element.set("d", d)
                    self._add(element)
                return
        self._add(element)

    def _add(self, element: ET.Element) -> None:
        tag = element.tag.rsplit("}", 1)[-1]
        markup = ET.tostring(element, encoding="unicode")
        markup = markup.replace(f' xmlns="{SVG_NS}"', "", 1)
        always = tag in ("defs", "style", "linearGradient", "radialGradient")
        bounds = None if always else _bbox(element)
        self.pieces.append((markup, bounds))

    def markup(self, crop: QRectF | None = None) -> bytes:
        parts = [self.head]
        for markup, bounds in self.pieces:
            if crop is None or bounds is None or bounds.intersects(crop):
                parts.append(markup)
        parts.append("</svg>")
        return "".join(parts).encode("utf-8")

    def renderer(self, crop: QRectF | None) -> QSvgRenderer | None:
        key = (
            (0, 0, 0, 0)
            if crop is None
            else (round(crop.left()), round(crop.top()), round(crop.right()), round(crop.bottom()))
        )
        found = self._renderers.get(key)
        if found is None:
            if len(self._renderers) > 64:
                self._renderers.clear()
            grown = None if crop is None else crop.adjusted(-2, -2, 2, 2)
            found = QSvgRenderer(QByteArray(self.markup(grown)))
            if not found.isValid():
                return None
            self._renderers[key] = found
        return found


#: Vertices per run when a long stroked outline is cut into runs.
CHUNK = 40


def _chunks(d: str) -> list[str]:
    """A polyline path (absolute M/L/Z) as runs of at most CHUNK vertices, each run
    starting where the last ended; other paths as they are."""
    if re.search(r"[^MLZ0-9eE\s,.+-]", d):
        return [d]
    runs: list[str] = []
    for match in re.finditer(r"M([^MZ]*)(Z?)", d):
        nums = _NUMBER.findall(match.group(1))
        pts = list(zip(nums[0::2], nums[1::2], strict=False))
        if match.group(2) and pts:
            pts.append(pts[0])
        for start in range(0, max(len(pts) - 1, 1), CHUNK):
            run = pts[start : start + CHUNK + 1]
            if len(run) > 1:
                runs.append("M" + " L".join(f"{x},{y}" for x, y in run))
    return runs or [d]


def _load_svg(file: Path) -> CulledSvg | None:
    try:
        return CulledSvg(file.read_bytes())
    except (OSError, ET.ParseError):
        return None


# --------------------------------------------------------------------------- framing


#: The areas a limb point is framed on alone (`atlas.core` regions' areas).
LIMB_AREAS = ("upper_limb", "lower_limb")
#: The regions of the head a limb point's picture leaves out (not the neck).
HEAD_PARTS = ("head", "face", "ear")
#: Where a limb meets the trunk: a point there is seen with the trunk and the neck
#: its location is found from (GB21 between C7 and the acromion, GB30 toward the
#: sacral hiatus), not cut down to the limb
LIMB_ROOTS = ("shoulder", "axilla", "hip", "buttock")


class Frame(NamedTuple):
    """What a diagram panel shows: a view, the part of it to crop (view units), the
    placement it is built around, and the parts of the figure left out (other limbs,
    the head) and kept (the rest), as paths of their regions (view units; None: all
    kept)."""

    view: str
    crop: QRectF
    featured: Placement
    hidden: QPainterPath | None = None
    kept: QPainterPath | None = None


def pick_side(placements: Sequence[Placement]) -> Placement | None:
    """One placement to feature: the midline one, else the figure's right side (the
    middle location of a group)."""
    for wanted in ("midline", "right", "left"):
        found = [p for p in placements if p.side == wanted]
        if found:
            return found[len(found) // 2]
    return None


def frame_point(
    data: DiagramData,
    code: str,
    region: str,
    aspect: float | None,
    context: float = 1.0,
    guide: bool = True,
    named: Sequence[str] = (),
) -> Frame | None:
    """The best frame for one point: on the view that shows it best, the point's own
    region (`region`), all its locations on that side and its measuring guide, with
    `context` times the usual margin, cropped to the panel's `aspect` (width over
    height; None: the crop keeps its own shape). With the guide, views that have it
    come first (LI13's guide is on the back view, not the side), and of those the
    views that hold it whole (BL59's 16 B-cun from the knee runs off the foot's
    view); then the views whose crop holds the most of the points `named` (those its
    location is found by) inside the figure, seen face-on rather than on its edge
    (GB20 is level with GV16, which the side view sees edge-on on the nape's outline);
    then detail views where they show the point, the closer first; among full views
    the one where the point lies furthest inside the figure and its crop holds the
    least of other parts. A limb point's crop holds its own limb only, whole across:
    it is cut back clear of the head and of every point of the head and the other
    limbs, and their parts are left out of the picture."""
    best: tuple[tuple[bool, bool, int, bool, float, float], Frame, list[Region]] | None = None
    for view in dict.fromkeys(p.view for p in data.placements_of(code)):
        info = data.views.get(view)
        featured = pick_side(data.placements_of(code, view))
        if info is None or featured is None:
            continue
        frame, hidden, score = _frame_on(data, info, code, region, featured, aspect, context,
                                         guide)  # fmt: skip
        measures = measures_for(data, featured) if guide else []
        cut = any(not info.bounds.contains(p) for m in measures for p in (m.p1, m.p2))
        shown = sum(
            any(
                _seen(data, info, frame.crop, QPointF(p.x, p.y))
                for p in data.placements_of(c, view)
            )
            for c in named
        )
        key = (guide and not measures, cut, -shown, info.kind != "detail", -round(score, 2),
               -info.scale)  # fmt: skip
        if best is None or key < best[0]:
            best = (key, frame, hidden)
    if best is None:
        return None
    _, frame, hidden = best
    if not hidden:
        return frame
    left_out, kept = QPainterPath(), QPainterPath()
    for r in data.regions(frame.view):
        if r in hidden:
            left_out.addPath(r.path)
        elif r.bounds.intersects(frame.crop):
            kept.addPath(r.path)
    return frame._replace(hidden=left_out, kept=kept)


def _seen(data: DiagramData, info: ViewInfo, crop: QRectF, at: QPointF) -> bool:
    """Whether a crop shows a place face-on: within the crop, and inside the figure
    rather than on its edge, where the view sees the body edge-on."""
    return crop.contains(at) and _inset(data.figure(info.id), at, info.scale) > 0


def _frame_on(
    data: DiagramData,
    info: ViewInfo,
    code: str,
    region: str,
    featured: Placement,
    aspect: float | None,
    context: float,
    guide: bool,
) -> tuple[Frame, list[Region], float]:
    """The frame on one view, the other limbs' regions in it, and how well the view
    shows the point (higher is better)."""
    regions = data.regions(info.id)
    at = QPointF(featured.x, featured.y)
    own, hidden = _limbs(data, regions, region, featured.side)
    mine = [r for r in regions if r.id == region and r.side in (featured.side, "")]
    box = QRectF(at, at)
    for r in [r for r in mine if r.path.contains(at)] or mine:
        box = box.united(r.bounds)
    for p in data.placements_of(code, info.id):
        if p.side == featured.side:
            box = box.united(QRectF(QPointF(p.x, p.y), QSizeF(0.01, 0.01)))
    if guide:
        for m in measures_for(data, featured):
            box = box.united(QRectF(m.p1, m.p2).normalized())
    unit = info.scale  # view units per B-cun
    pad = context * max(2.0 * unit, 0.18 * max(box.width(), box.height()))
    box.adjust(-pad, -pad, pad, pad)
    # Enough around the point to see where on the body it is (less on a close view).
    least = (12.0 if info.kind == "full" else 5.0) * unit * context
    least = min(least, info.size.width(), info.size.height())
    if box.height() >= box.width() and box.height() < least:
        box.adjust(0, -(least - box.height()) / 2, 0, (least - box.height()) / 2)
    elif box.width() > box.height() and box.width() < least:
        box.adjust(-(least - box.width()) / 2, 0, (least - box.width()) / 2, 0)
    crop = fit_aspect(box, aspect, info.bounds) if aspect else box.intersected(info.bounds)
    if own:  # a limb point: the limb only, whole across (the picture may be narrower)
        limb = QRectF()
        for r in own:
            if r.bounds.intersects(crop):
                limb = limb.united(r.bounds)
        crop = crop.intersected(limb.adjusted(-0.5 * unit, -0.5 * unit, 0.5 * unit, 0.5 * unit))
        crop = _clear_of(crop, at, _foreign(data, info.id, featured), 0.5 * unit)
    hidden = [r for r in hidden if r.bounds.intersects(crop)]
    others = [r for r in regions if r not in own and r not in hidden] if own else []
    score = _inset(data.figure(info.id), at, unit) - 4.0 * _covered(others, crop)
    return Frame(info.id, crop, featured), hidden, score


def _limbs(
    data: DiagramData, regions: Sequence[Region], region: str, side: str
) -> tuple[list[Region], list[Region]]:
    """The regions of the point's own limb, and those of the other limbs and the head
    (empty when the point is not on a limb, or at its root). A limb is an area
    (upper_limb...) whose regions on this view all have a side, taken on one side."""
    area_sided: dict[str, bool] = {}
    for r in regions:
        area = data.areas.get(r.id, r.id)
        area_sided[area] = area_sided.get(area, True) and bool(r.side)
    mine = data.areas.get(region, region)
    if not area_sided.get(mine) or side == "midline" or region in LIMB_ROOTS:
        return [], []
    own = [r for r in regions if data.areas.get(r.id) == mine and r.side == side]
    other = [
        r
        for r in regions
        if r not in own and (area_sided.get(data.areas.get(r.id, r.id)) or r.id in HEAD_PARTS)
    ]
    return own, other


def _foreign(data: DiagramData, view: str, featured: Placement) -> list[QRectF]:
    """What a limb point's crop keeps clear of on a view, the nearest first: the head's
    outlines, and the places of the points of the head and of the limbs other than the
    featured placement's own (its area, on its side)."""
    own = (data.areas.get(data.region_of.get(featured.code, "")), featured.side)
    found = [r.bounds for r in data.regions(view) if r.id in HEAD_PARTS]
    for p in data.by_view.get(view, []):
        area = data.areas.get(data.region_of.get(p.code, ""))
        if area == "head" or (area in LIMB_AREAS and (area, p.side) != own):
            found.append(QRectF(p.x, p.y, 0.01, 0.01))
    at = QPointF(featured.x, featured.y)
    return sorted(found, key=lambda q: QLineF(at, nearest_on(q, at)).length())


def nearest_on(rect: QRectF, p: QPointF) -> QPointF:
    """The place in (or on the edge of) rect nearest to p."""
    return QPointF(
        min(max(p.x(), rect.left()), rect.right()), min(max(p.y(), rect.top()), rect.bottom())
    )


def _clear_of(crop: QRectF, at: QPointF, things: Sequence[QRectF], margin: float) -> QRectF:
    """The crop cut back, one edge at a time, until it meets none of the things (those
    that hold `at` are let be): each cut on the thing's side of `at`, the one that keeps
    the most, `margin` short of the thing where there is room."""
    for q in things:
        if not crop.intersects(q) or q.contains(at):
            continue
        cuts = []
        if q.left() > at.x():
            x = q.left() - min(margin, (q.left() - at.x()) / 2)
            cuts.append(QRectF(crop.topLeft(), QPointF(x, crop.bottom())))
        if q.right() < at.x():
            x = q.right() + min(margin, (at.x() - q.right()) / 2)
            cuts.append(QRectF(QPointF(x, crop.top()), crop.bottomRight()))
        if q.top() > at.y():
            y = q.top() - min(margin, (q.top() - at.y()) / 2)
            cuts.append(QRectF(crop.topLeft(), QPointF(crop.right(), y)))
        if q.bottom() < at.y():
            y = q.bottom() + min(margin, (at.y() - q.bottom()) / 2)
            cuts.append(QRectF(QPointF(crop.left(), y), crop.bottomRight()))
        crop = max(cuts, key=lambda c: c.width() * c.height())
    return crop


def _inset(figure: QPainterPath, at: QPointF, unit: float) -> float:
    """How far a point lies inside the figure, in B-cun up to 2: the distance to the
    figure's edge straight up, down, left or right of it, whichever is shortest."""
    step = unit / 4
    shortest = 8
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        for i in range(1, shortest + 1):
            if not figure.contains(QPointF(at.x() + dx * i * step, at.y() + dy * i * step)):
                shortest = i - 1
                break
    return shortest / 4


def _covered(regions: Sequence[Region], crop: QRectF) -> float:
    """About how much of the crop the regions cover (by their bounds)."""
    area = crop.width() * crop.height()
    if area <= 0:
        return 0.0
    total = 0.0
    for r in regions:
        common = r.bounds.intersected(crop)
        total += max(0.0, common.width()) * max(0.0, common.height())
    return min(1.0, total / area)


def frame_points(
    data: DiagramData, codes: Sequence[str], view: str, aspect: float, margin: float = 2.0
) -> QRectF:
    """A crop of view around every location of the codes, `margin` B-cun around them."""
    info = data.views[view]
    found = [QPointF(p.x, p.y) for c in codes for p in data.placements_of(c, view)]
    if not found:
        return fit_aspect(info.bounds, aspect, info.bounds)
    box = QRectF(found[0], found[0])
    for p in found[1:]:
        box = box.united(QRectF(p, QSizeF(0.01, 0.01)))
    pad = margin * info.scale
    box.adjust(-pad, -pad, pad, pad)
    # Never so close that the body part cannot be told (one point alone on a view).
    least = min(24.0 * info.scale, info.size.height()) - box.height()
    if least > 0:
        box.adjust(0, -least / 2, 0, least / 2)
    return fit_aspect(box, aspect, info.bounds)


def views_for_points(data: DiagramData, codes: Sequence[str], limit: int = 3) -> list[str]:
    """A few full-body views that together show every point (greedy cover)."""
    wanted = set(codes)
    full = [v for v in data.views if data.views[v].kind == "full"]
    chosen: list[str] = []
    while wanted and len(chosen) < limit:
        best, best_hits = None, 0
        for view in full:
            if view in chosen:
                continue
            hits = sum(1 for c in wanted if data.placements_of(c, view))
            if hits > best_hits:
                best, best_hits = view, hits
        if best is None:
            break
        chosen.append(best)
        wanted = {c for c in wanted if not data.placements_of(c, best)}
    order = list(data.views)
    return sorted(chosen, key=order.index)


def fit_aspect(box: QRectF, aspect: float, bounds: QRectF) -> QRectF:
    """Grow box to width/height == aspect, then slide (and if need be shrink) into bounds."""
    w, h = max(box.width(), 1e-6), max(box.height(), 1e-6)
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    if w > bounds.width() and h > bounds.height():
        scale = max(bounds.width() / w, bounds.height() / h)
        w, h = w * scale, h * scale
    rect = QRectF(0, 0, w, h)
    rect.moveCenter(box.center())
    dx = dy = 0.0
    if rect.width() <= bounds.width():
        if rect.left() < bounds.left():
            dx = bounds.left() - rect.left()
        elif rect.right() > bounds.right():
            dx = bounds.right() - rect.right()
    else:
        dx = bounds.center().x() - rect.center().x()
    if rect.height() <= bounds.height():
        if rect.top() < bounds.top():
            dy = bounds.top() - rect.top()
        elif rect.bottom() > bounds.bottom():
            dy = bounds.bottom() - rect.bottom()
    else:
        dy = bounds.center().y() - rect.center().y()
    rect.translate(dx, dy)
    # Never past the view's edge: the SVG may hold art beyond it (a detail view is a crop
    # of a whole figure). The picture is then narrower than its panel (see `target_for`).
    return rect.intersected(bounds)


def target_for(crop: QRectF, inner: QRectF) -> QRectF:
    """Where a crop goes in a panel: as large as fits, centred, with the crop's shape."""
    scale = min(inner.width() / crop.width(), inner.height() / crop.height())
    target = QRectF(0, 0, crop.width() * scale, crop.height() * scale)
    target.moveCenter(inner.center())
    return target


def measures_for(data: DiagramData, featured: Placement) -> list[Measure]:
    """The measuring guide of a placement: the segments measured on its own side and part."""
    found = data.measures.get((featured.code, featured.view), [])
    return [m for m in found if m.side == featured.side and m.part == featured.part]


# --------------------------------------------------------------------------- drawing


class DiagramPainter:
    """Draws one cropped view into a target rectangle, and things on it in view units.

    A frame's hidden parts (other limbs, the head) are painted over in the panel's
    `ground` colour, with a margin for their outline, wherever the kept parts are not;
    what is drawn on top stays off them too."""

    def __init__(
        self,
        painter: QPainter,
        data: DiagramData,
        view: str,
        source: QRectF,
        target: QRectF,
        frame: Frame | None = None,
        ground: QColor | None = None,
    ) -> None:
        self.painter = painter
        self.data = data
        self.view = view
        self.source = source
        self.target = target
        self.hidden = frame.hidden if frame is not None else None
        self.kept = frame.kept if frame is not None else None
        self.ground = ground or QColor("white")
        self.scale = target.width() / source.width() if source.width() else 1.0
        self.transform = QTransform()
        self.transform.translate(target.left(), target.top())
        self.transform.scale(self.scale, self.scale)
        self.transform.translate(-source.left(), -source.top())

    def map(self, p: QPointF) -> QPointF:
        return QPointF(
            self.target.left() + (p.x() - self.source.left()) * self.scale,
            self.target.top() + (p.y() - self.source.top()) * self.scale,
        )

    def visible(self, p: QPointF, margin: float = 0.0) -> bool:
        """Whether a place (view units) is in the picture: inside the target, not hidden."""
        if self.hidden is not None and self.hidden.contains(p):
            return False
        return self.target.adjusted(margin, margin, -margin, -margin).contains(self.map(p))

    def clip(self) -> None:
        """Clip the painter to the picture: the target, less the hidden parts."""
        self.painter.setClipRect(self.target)
        if self.hidden is not None:
            self.painter.setClipPath(self._holed(self.hidden), Qt.ClipOperation.IntersectClip)

    def _holed(self, holes: QPainterPath) -> QPainterPath:
        """The target with holes (page units): regions tile, so they never overlap and an
        odd-even fill cuts each out, without the cost of path arithmetic."""
        area = QPainterPath()
        area.setFillRule(Qt.FillRule.OddEvenFill)
        area.addRect(self.target)
        area.addPath(self.transform.map(holes))
        return area

    def draw_figure(self) -> bool:
        renderer = self.data.renderer(self.view, self.source)
        if renderer is None:
            return False
        painter = self.painter
        painter.save()
        painter.setClipRect(self.target)
        renderer.setViewBox(self.source)
        renderer.render(painter, self.target)
        if self.hidden is not None:
            # The hidden parts, their outline and shading too, wherever no kept part is.
            if self.kept is not None:
                painter.setClipPath(self._holed(self.kept), Qt.ClipOperation.IntersectClip)
            unit = self.data.views[self.view].scale * self.scale
            painter.setPen(QPen(self.ground, 0.6 * unit, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))  # fmt: skip
            painter.setBrush(self.ground)
            painter.drawPath(self.transform.map(self.hidden))
        painter.restore()
        return True

    def courses(self, channel: str, colour: QColor, sides: dict[str, float]) -> int:
        """The channel's course on this view, each side in `sides` at its pen width, as a
        smooth curve through its control points; returns the runs drawn."""
        runs = [
            (course, sides[course.side])
            for course in self.data.courses.get(self.view, [])
            if course.channel == channel
            and course.side in sides
            and course.bounds.adjusted(-1, -1, 1, 1).intersects(self.source)
        ]
        if not runs:
            return 0
        self.painter.save()
        self.clip()
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        for course, width in runs:
            pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            self.painter.setPen(pen)
            self.painter.drawPath(self.transform.map(course.path))
        self.painter.restore()
        return len(runs)

    def dot(self, p: QPointF, colour: QColor, radius: float, ring: QColor | None = None) -> None:
        """A filled dot (page units) at a place (view units), with a white rim; like the
        ring, drawn only where `visible` says."""
        painter = self.painter
        painter.save()
        painter.setClipRect(self.target)
        painter.setPen(QPen(ring or QColor("white"), max(0.5, radius * 0.3)))
        painter.setBrush(colour)
        painter.drawEllipse(self.map(p), radius, radius)
        painter.restore()

    def ring(self, p: QPointF, colour: QColor, radius: float) -> None:
        """The marker of the point a sheet is about: a ring with a dot in it."""
        c = self.map(p)
        painter = self.painter
        painter.save()
        painter.setClipRect(self.target)
        halo = QColor("white")
        halo.setAlphaF(0.85)
        painter.setPen(QPen(halo, radius * 0.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(c, radius, radius)
        painter.setPen(QPen(colour, radius * 0.3))
        painter.drawEllipse(c, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(c, radius * 0.42, radius * 0.42)
        painter.restore()

    def guide_lines(self, measures: Sequence[Measure], colour: QColor) -> None:
        """Each measured segment as a scale (end bars, a tick per cun, a bold tick where
        the point is); its text is laid out with the labels (`atlas.diagram.guide`)."""
        painter = self.painter
        painter.save()
        self.painter.setClipRect(self.target)
        every = [m.source for m in measures]
        for m in measures:
            line = QLineF(self.map(m.p1), self.map(m.p2))
            if line.length() < 2:
                continue
            normal = line.normalVector().unitVector()
            n = QPointF(normal.dx(), normal.dy())
            along = on_span(m.source, every)  # drawn and ticked by its span
            pen = QPen(colour, 0.8, Qt.PenStyle.DashLine)
            pen.setDashPattern([3, 2])
            painter.setPen(pen)
            if not along:
                painter.drawLine(line)
            painter.setPen(QPen(colour, 0.9))
            for end in (line.p1(), line.p2()):
                painter.drawLine(end - n * 4, end + n * 4)
            if m.cun and 0 < m.cun <= 40 and not along:
                for i in range(1, math.ceil(m.cun - 1e-6)):
                    q = line.pointAt(i / m.cun)
                    painter.drawLine(q - n * 2, q + n * 2)
            if m.tick_at is not None and m.cun and 0 <= m.tick_at / m.cun <= 1:
                q = line.pointAt(m.tick_at / m.cun)
                painter.setPen(QPen(colour, 1.6))
                painter.drawLine(q - n * 5, q + n * 5)
        painter.restore()
