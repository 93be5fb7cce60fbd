"""Body diagrams on paper: a view SVG cropped around points, with markers drawn on top.

The view SVGs (assets/views/<view>.svg) are drawn by QSvgRenderer straight onto
the sheet's painter, so PDFs get vector outlines. For paper the SVG is lightly
prepared once per view: blur filters (soft shading meant for the screen; Qt
would rasterise them) and the invisible click regions are dropped.

Everything placed on top (channel path, markers, numbers, the measuring guide)
comes from the reference tables `views`, `placements`, `measures` and
`landmarks` through `Atlas.table`; a table that does not exist yet just draws
nothing.
"""

from __future__ import annotations

import math
import re
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from PySide6.QtCore import QByteArray, QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer

from atlas.core import Atlas
from atlas.core import anatomy as an
from atlas.diagram import sources
from atlas.diagram.sources import Placement as Placement  # re-exported for the sheets

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")

FULL_BODY = ("front", "back", "side")


#: Friendly names when the views table has no title.
@dataclass(frozen=True, slots=True)
class Measure:
    code: str
    view: str
    side: str
    seq: int
    label: str
    p1: QPointF
    p2: QPointF
    cun: float | None
    unit: str
    tick_at: float | None


@dataclass(frozen=True, slots=True)
class Landmark:
    view: str
    id: str
    name: str
    pos: QPointF


@dataclass(slots=True)
class ViewInfo:
    id: str
    title: str
    kind: str  # "full" or "detail"
    size: QSizeF
    path: Path


@dataclass(slots=True)
class DiagramData:
    """The diagram tables of one atlas, read once and indexed."""

    views: dict[str, ViewInfo] = field(default_factory=dict)
    placements: dict[str, list[Placement]] = field(default_factory=dict)  # by code
    by_view: dict[str, list[Placement]] = field(default_factory=dict)
    measures: dict[tuple[str, str], list[Measure]] = field(default_factory=dict)  # (code, view)
    landmarks: dict[tuple[str, str], Landmark] = field(default_factory=dict)  # (view, id)
    svgs: dict[str, CulledSvg | None] = field(default_factory=dict)

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
    data = DiagramData()
    for v in source.views:
        kind = "full" if v.is_body or v.id in FULL_BODY else "detail"
        data.views[v.id] = ViewInfo(v.id, v.title, kind, QSizeF(v.width, v.height), v.path)
    for view, placements in source.placements.items():
        data.by_view[view] = list(placements)
        for p in placements:
            data.placements.setdefault(p.code, []).append(p)
    for key, found in source.measures.items():
        data.measures[key] = [
            Measure(
                m.code,
                m.view,
                m.side,
                m.seq,
                m.label,
                QPointF(m.x1, m.y1),
                QPointF(m.x2, m.y2),
                m.cun,
                m.unit,
                m.tick_at,
            )
            for m in sorted(found, key=lambda m: m.seq)
        ]
    for view, marks in source.landmarks.items():
        for lm in marks.values():
            data.landmarks[(view, lm.id)] = Landmark(view, lm.id, lm.name, QPointF(lm.x, lm.y))
    return data


def prepare_svg(text: bytes) -> bytes:
    """The view SVG for paper: without blur filters and the invisible click regions."""
    root = ET.fromstring(text)
    _strip(root)
    return bytes(ET.tostring(root, encoding="utf-8"))


def _strip(root: ET.Element) -> None:
    for parent in root.iter():
        for child in list(parent):
            tag = child.tag.rsplit("}", 1)[-1]
            ident = child.get("id", "")
            if (
                tag in ("filter", "title", "desc", "metadata")
                or child.get("filter")
                or ident == "regions"
                or ident.startswith("region-")
                or child.get("class") == "region"
            ):
                parent.remove(child)


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


def _load_svg(file: Path) -> CulledSvg | None:
    try:
        return CulledSvg(file.read_bytes())
    except (OSError, ET.ParseError):
        return None


# --------------------------------------------------------------------------- choosing views


def views_for_point(data: DiagramData, code: str) -> list[str]:
    """Views showing the point, best first: detail views, then full-body views."""
    seen: list[str] = []
    for p in data.placements_of(code):
        if p.view not in seen:
            seen.append(p.view)
    order = list(data.views)
    return sorted(
        seen, key=lambda v: (data.views[v].kind != "detail", order.index(v) if v in order else 99)
    )


def best_view(data: DiagramData, code: str) -> str | None:
    found = views_for_point(data, code)
    return found[0] if found else None


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


def pick_side(placements: Sequence[Placement]) -> Placement | None:
    """One placement to feature: the midline one, else the figure's right side."""
    if not placements:
        return None
    for wanted in ("midline", "right", "left"):
        for p in placements:
            if p.side == wanted:
                return p
    return placements[0]


# --------------------------------------------------------------------------- drawing


@dataclass(slots=True)
class Marker:
    code: str
    label: str = ""  # drawn beside the marker (a number on plan sheets)
    colour: QColor | None = None


def crop_for(
    data: DiagramData, view: str, focus: Iterable[QPointF], aspect: float, min_height: float
) -> QRectF:
    """A source rectangle of the view around the focus points, with the target's aspect."""
    info = data.views[view]
    bounds = QRectF(QPointF(0, 0), info.size)
    pts = list(focus)
    if not pts:
        return _fit_aspect(bounds, aspect, bounds)
    xs, ys = [p.x() for p in pts], [p.y() for p in pts]
    box = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
    pad = max(min_height * 0.18, 12.0)
    box.adjust(-pad, -pad, pad, pad)
    if box.height() < min_height:
        grow = (min_height - box.height()) / 2
        box.adjust(0, -grow, 0, grow)
    return _fit_aspect(box, aspect, bounds)


def _fit_aspect(box: QRectF, aspect: float, bounds: QRectF) -> QRectF:
    """Grow box to width/height == aspect, then slide (and if need be shrink) into bounds."""
    w, h = box.width(), box.height()
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
    return rect


class DiagramPainter:
    """Draws one cropped view into a target rectangle, and things on it in view units."""

    def __init__(
        self, painter: QPainter, data: DiagramData, view: str, source: QRectF, target: QRectF
    ) -> None:
        self.painter = painter
        self.data = data
        self.view = view
        self.source = source
        self.target = target
        self.scale = target.width() / source.width() if source.width() else 1.0

    def map(self, p: QPointF) -> QPointF:
        return QPointF(
            self.target.left() + (p.x() - self.source.left()) * self.scale,
            self.target.top() + (p.y() - self.source.top()) * self.scale,
        )

    def visible(self, p: QPointF, margin: float = 0.0) -> bool:
        return self.target.adjusted(margin, margin, -margin, -margin).contains(self.map(p))

    def draw_figure(self) -> bool:
        renderer = self.data.renderer(self.view, self.source)
        if renderer is None:
            return False
        self.painter.save()
        self.painter.setClipRect(self.target)
        renderer.setViewBox(self.source)
        renderer.render(self.painter, self.target)
        self.painter.restore()
        return True

    def channel_path(self, atlas: Atlas, channel: str, side: str, width: float = 1.4) -> None:
        """The channel's points in this view, in point order, joined (one side)."""
        info = atlas.channel(channel)
        if info is None:
            return
        pts = [
            p
            for p in self.data.by_view.get(self.view, [])
            if _channel_of(atlas, p.code) == channel and p.side in (side, "midline")
        ]
        pts.sort(key=lambda p: atlas.sort_index(p.code))
        if len(pts) < 2:
            return
        path = QPainterPath(self.map(QPointF(pts[0].x, pts[0].y)))
        for p in pts[1:]:
            path.lineTo(self.map(QPointF(p.x, p.y)))
        colour = QColor(info.colour)
        colour.setAlphaF(0.55)
        pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.painter.save()
        self.painter.setClipRect(self.target)
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawPath(path)
        dot = QColor(info.colour)
        self.painter.setPen(QPen(QColor("white"), 0.5))
        self.painter.setBrush(dot)
        for p in pts:
            self.painter.drawEllipse(self.map(QPointF(p.x, p.y)), 1.6, 1.6)
        self.painter.restore()

    def marker(
        self,
        p: QPointF,
        colour: QColor,
        radius: float = 4.2,
        label: str = "",
        font: QFont | None = None,
        label_style: str = "tag",
    ) -> None:
        """A point marker: a ring with a dot (selected point) or a numbered disc."""
        c = self.map(p)
        painter = self.painter
        painter.save()
        painter.setClipRect(self.target)
        if label_style == "number" and label and font is not None:
            painter.setPen(QPen(QColor("white"), 0.9))
            painter.setBrush(colour)
            painter.drawEllipse(c, radius, radius)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            box = QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        else:
            halo = QColor("white")
            halo.setAlphaF(0.85)
            painter.setPen(QPen(halo, 2.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(c, radius, radius)
            painter.setPen(QPen(colour, 1.3))
            painter.drawEllipse(c, radius, radius)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(c, radius * 0.42, radius * 0.42)
            if label and font is not None:
                self._tag(c, radius, label, font, colour)
        painter.restore()

    def _tag(self, c: QPointF, radius: float, text: str, font: QFont, colour: QColor) -> None:
        painter = self.painter
        metrics = QFontMetricsF(font, painter.device())
        w = metrics.horizontalAdvance(text) + 6
        h = metrics.height() + 2
        x = c.x() + radius + 3
        if x + w > self.target.right() - 2:
            x = c.x() - radius - 3 - w
        y = c.y() - h / 2
        y = min(max(y, self.target.top() + 2), self.target.bottom() - h - 2)
        box = QRectF(x, y, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(box, 2.5, 2.5)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def measuring_guide(self, measures: Sequence[Measure], font: QFont, colour: QColor) -> None:
        """Each measured segment as a scale: end bars, a tick per cun, the target tick."""
        painter = self.painter
        painter.save()
        painter.setClipRect(self.target)
        metrics = QFontMetricsF(font, painter.device())
        for m in measures:
            a, b = self.map(m.p1), self.map(m.p2)
            line = QLineF(a, b)
            if line.length() < 2:
                continue
            normal = line.normalVector().unitVector()
            n = QPointF(normal.dx(), normal.dy())
            pen = QPen(colour, 0.8, Qt.PenStyle.DashLine)
            pen.setDashPattern([3, 2])
            painter.setPen(pen)
            painter.drawLine(line)
            painter.setPen(QPen(colour, 0.9))
            for end in (a, b):
                painter.drawLine(end - n * 4, end + n * 4)
                painter.setBrush(QColor("white"))
                painter.drawEllipse(end, 1.5, 1.5)
            if m.cun and m.cun > 0 and m.cun <= 40:
                steps = math.floor(m.cun + 1e-6)
                for i in range(1, steps + (0 if abs(steps - m.cun) < 1e-6 else 1)):
                    t = i / m.cun
                    if t >= 1:
                        break
                    q = line.pointAt(t)
                    painter.drawLine(q - n * 2, q + n * 2)
            if m.tick_at is not None and m.cun:
                t = m.tick_at / m.cun if m.cun else 0
                if 0 <= t <= 1:
                    q = line.pointAt(t)
                    painter.setPen(QPen(colour, 1.6))
                    painter.drawLine(q - n * 5, q + n * 5)
            label = m.label or (f"{m.cun:g} {m.unit}".strip() if m.cun else "")
            if label:
                self._guide_label(line, label, font, metrics, colour)
        painter.restore()

    def _guide_label(
        self, line: QLineF, label: str, font: QFont, metrics: QFontMetricsF, colour: QColor
    ) -> None:
        """The segment's label along it (rotated for steep lines), on the side with room."""
        painter = self.painter
        angle = line.angle()  # counter-clockwise degrees, 0 = pointing right
        steep = 45 < angle % 180 < 135
        rotation = -90.0 if steep else 0.0
        text_w = min(metrics.horizontalAdvance(label) + 4, max(line.length() * 1.6, 110.0))
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_w - 2)
        h = metrics.height()
        mid = line.pointAt(0.5)
        centre = self.target.center()
        normal = line.normalVector().unitVector()
        n = QPointF(normal.dx(), normal.dy())
        # The side away from the middle of the picture: usually off the body.
        side = 1.0 if QLineF(mid + n, centre).length() > QLineF(mid - n, centre).length() else -1.0
        anchor = mid + n * side * (h * 0.75)
        bg = QColor("white")
        bg.setAlphaF(0.82)
        painter.save()
        painter.translate(anchor)
        painter.rotate(rotation)
        box = QRectF(-text_w / 2, -h / 2, text_w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(box, 2, 2)
        painter.setPen(colour)
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()


_channel_cache: dict[str, str] = {}


def _channel_of(atlas: Atlas, code: str) -> str:
    found = _channel_cache.get(code)
    if found is None:
        point = atlas.point(code)
        found = point.channel if point else ""
        _channel_cache[code] = found
    return found


def measures_for(data: DiagramData, code: str, view: str, side: str) -> list[Measure]:
    found = data.measures.get((code, view), [])
    same = [m for m in found if m.side in (side, "", "midline")]
    return same or found
