"""The interactive body diagram: `DiagramView` and the `DiagramPanel` around it.

One scene per view, built the first time the view is shown:

* the view SVG, drawn by `drawBackground` from a `QSvgRenderer` kept with the
  scene; the view caches the background (`CacheBackground`), so the figure is
  rendered again only when the zoom changes, not on every repaint;
* one transparent `QGraphicsPathItem` per clickable region whose shape is the
  region's outline read from the SVG, so a click hits the region it is in and
  a click beside the body hits nothing;
* channel pathways through each channel's points in point order, per side;
* the point markers, all drawn by one `MarkerLayer` item from plain `Marker`
  records (a `MarkerItem` per marker, for clicks and tooltips, joins the scene
  once the view has settled after its first paint), and their code labels;
  markers and labels keep their size on screen (`ItemIgnoresTransformations`);
  labels are laid out again after every zoom or scroll so they never overlap
  (level of detail: more codes as you zoom in);
* the measuring guide of the selected point.

Clicks are decided by the view on release (a press that moves becomes a pan),
so dragging anywhere pans and a click is always a click.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
    qVersion,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGestureEvent,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QLabel,
    QMenu,
    QSizePolicy,
    QStyleOptionGraphicsItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas, Point, paths
from atlas.diagram.sources import DiagramData, Measure, Placement, ViewInfo, read_regions

if TYPE_CHECKING:
    # PySide makes a class's enum types when the class is first touched; these are
    # only met once the user zooms, pinches or opens a menu. (PySide6.QtSvg, too, is
    # loaded when first needed: the first figure is read by a QImageReader.)
    from PySide6.QtGui import QContextMenuEvent, QTransform
    from PySide6.QtSvg import QSvgRenderer

# z order of the layers
Z_REGION, Z_PATH, Z_GUIDE, Z_MARKER, Z_LABEL = 1, 2, 3, 4, 5

MAX_ZOOM = 24.0  # times the fitted scale
MIN_ZOOM = 0.6
HIGHLIGHT = QColor("#e8590c")
DRAG_THRESHOLD = 4  # pixels


def _channel_colour(atlas: Atlas | None, channel: str) -> QColor:
    found = atlas.channel(channel) if atlas is not None else None
    return QColor(found.colour) if found is not None else QColor("#6b7280")


#: The skin the channel pathways are drawn over (drawing.SKIN, drawing.SKIN_LIGHT).
_SKIN = (247, 232, 219)


def _path_ink(atlas: Atlas | None, channel: str, strength: float) -> QColor:
    """A pathway's colour at a strength, mixed with the skin beneath and opaque.

    The look of a translucent stroke over the figure, at a third of the cost: the
    raster engine strokes a translucent path as one merged outline (about 4 ms
    for a view's 30 pathways), an opaque one piece by piece (1.3 ms)."""
    colour = _channel_colour(atlas, channel)
    rgb = (colour.red(), colour.green(), colour.blue())
    mixed = (round(c * strength + s * (1 - strength)) for c, s in zip(rgb, _SKIN, strict=True))
    return QColor(*mixed)


# ------------------------------------------------------------------ items


class RegionItem(QGraphicsPathItem):
    """A clickable body region; its shape is the region's outline."""

    def __init__(self, region: str, side: str, path: QPainterPath) -> None:
        super().__init__(path)
        self.region = region
        self.side = side
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setZValue(Z_REGION)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hovered = False

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.setBrush(QColor(80, 130, 200, 22))
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.setBrush(Qt.BrushStyle.NoBrush)
        super().hoverLeaveEvent(event)


_MARKER_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
)


_STATE_Z = {"selected": 0.3, "highlight": 0.2}


class Marker:
    """A point marker of a view: a dot in its channel's colour, constant size on screen.

    A plain record of its place, look and state: the view's `MarkerLayer` draws
    every marker in one pass, and a `MarkerItem` gives it a hit area, tooltip and
    cursor in the scene once the view has settled (see DiagramView._settle). A
    view's first paint so makes no scene item per marker.
    """

    __slots__ = (
        "channel",
        "code",
        "colour",
        "item",
        "label",
        "point",
        "radius",
        "scene_x",
        "scene_y",
        "side",
        "state",
        "visible",
    )

    def __init__(
        self, placement: Placement, colour: QColor, point: Point | None, channel: str
    ) -> None:
        self.code = placement.code
        self.side = placement.side
        self.colour = colour
        self.point = point
        self.channel = channel
        self.scene_x, self.scene_y = placement.x, placement.y  # markers never move
        self.radius = 4.0
        self.state = "normal"  # normal, dimmed, highlight, selected
        self.visible = True
        self.label: LabelItem | None = None  # made when first shown (see DiagramView._label)
        self.item: MarkerItem | None = None  # made when the view settles

    def pos(self) -> QPointF:
        return QPointF(self.scene_x, self.scene_y)

    def outer(self) -> float:
        """The radius of the whole marker, its state's ring included."""
        r = self.radius
        if self.state == "highlight":
            r += 2.5
        elif self.state == "selected":
            r += 5.0
        return r

    def set_state(self, state: str) -> None:
        if state != self.state:
            item = self.item
            if item is not None:
                item.prepareGeometryChange()
            self.state = state
            if item is not None:
                item.setZValue(Z_MARKER + _STATE_Z.get(state, 0.0))

    def set_radius(self, radius: float) -> None:
        if abs(radius - self.radius) > 0.05:
            if self.item is not None:
                self.item.prepareGeometryChange()
            self.radius = radius

    def set_visible(self, visible: bool) -> None:
        if visible != self.visible:
            self.visible = visible
            if self.item is not None:
                self.item.setVisible(visible)

    def draw(self, painter: QPainter, at: QPointF) -> None:
        """Draw the marker centred on a device position (the painter untransformed)."""
        r = self.radius
        if self.state == "selected":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_HALO)
            painter.drawEllipse(at, r + 7, r + 7)
            painter.setPen(_RING_SELECTED)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(at, r + 4, r + 4)
            r += 1.5
        elif self.state == "highlight":
            painter.setPen(_RING_HIGHLIGHT)
            painter.setBrush(_WHITE_DISC)
            painter.drawEllipse(at, r + 2.5, r + 2.5)
        sprite = dot_sprite(self.colour, self.state == "dimmed", r, painter)
        draw_dot(painter, at.x(), at.y(), sprite)


class MarkerItem(QGraphicsItem):
    """A marker's hit area in the scene, with its tooltip and cursor (drawn by the layer)."""

    def __init__(self, marker: Marker) -> None:
        super().__init__()
        self.marker = marker
        marker.item = self
        self.setPos(marker.scene_x, marker.scene_y)
        self.setFlags(_MARKER_FLAGS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_MARKER + _STATE_Z.get(marker.state, 0.0))
        self.setVisible(marker.visible)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(_tooltip(marker.point, marker.code))

    @property
    def code(self) -> str:
        return self.marker.code

    @property
    def state(self) -> str:
        return self.marker.state

    def boundingRect(self) -> QRectF:
        r = self.marker.outer() + 4.0
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = max(self.marker.outer(), 6.0)  # a generous target for fingers and trackpads
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass  # drawn by the MarkerLayer (ItemHasNoContents: never called)


class MarkerLayer(QGraphicsItem):
    """Draws every marker of a view in one pass.

    Hundreds of markers each with its own Python paint call made the first
    paint slow (about 20 ms for the front view); one loop over them is a few.
    """

    def __init__(self, markers: list[Marker], rect: QRectF) -> None:
        super().__init__()
        self.markers = markers
        self.rect = rect
        self.setZValue(Z_MARKER + 0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        device = painter.worldTransform()
        # the view only scales and pans, so a marker's device position is worked out
        # here in Python (a Qt call per marker and per step is most of the cost)
        sx, sy, dx, dy = device.m11(), device.m22(), device.dx(), device.dy()
        margin = 16.0 / max(sx, 1e-6)  # the largest marker, in scene units
        exposed = option.exposedRect
        left, top = exposed.left() - margin, exposed.top() - margin
        right, bottom = exposed.right() + margin, exposed.bottom() + margin
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        on_top: list[Marker] = []
        sprites: dict[tuple[int, str, float], QPixmap] = {}  # markers share colour objects
        for marker in self.markers:
            x, y = marker.scene_x, marker.scene_y
            if not (left <= x <= right and top <= y <= bottom) or not marker.visible:
                continue
            if marker.state in ("selected", "highlight"):
                on_top.append(marker)
                continue
            # a normal or dimmed dot, as Marker.draw draws it
            look = (id(marker.colour), marker.state, marker.radius)
            sprite = sprites.get(look)
            if sprite is None:
                sprite = sprites[look] = dot_sprite(
                    marker.colour, marker.state == "dimmed", marker.radius, painter
                )
            draw_dot(painter, sx * x + dx, sy * y + dy, sprite)
        on_top.sort(key=lambda m: m.state == "selected")
        for marker in on_top:
            marker.draw(painter, device.map(marker.pos()))
        painter.restore()


_HALO = QColor(HIGHLIGHT)
_HALO.setAlphaF(0.22)
_RING_SELECTED = QPen(HIGHLIGHT, 2.5)
_RING_HIGHLIGHT = QPen(HIGHLIGHT, 2.0)
_WHITE_DISC = QColor(255, 255, 255, 200)
_EDGE = QPen(QColor(255, 255, 255, 235), 1.3)
_EDGE_DIMMED = QPen(QColor(255, 255, 255, 120), 1.3)
_SPRITES: dict[tuple[int, bool, float, float], QPixmap] = {}


def dot_sprite(colour: QColor, dimmed: bool, radius: float, painter: QPainter) -> QPixmap:
    """A marker's dot (its channel colour in a white edge), drawn once per look, size
    and pixel ratio: blitting it is several times faster than stroking an antialiased
    circle for each of the hundreds of markers in a view."""
    ratio = painter.device().devicePixelRatioF()
    key = (colour.rgba(), dimmed, radius, ratio)
    sprite = _SPRITES.get(key)
    if sprite is None:
        if len(_SPRITES) > 1024:  # every zoom step makes new sizes
            _SPRITES.clear()
        half = math.ceil(radius + 1.0)  # the edge reaches 0.65 beyond the radius
        side = math.ceil(2 * half * ratio)
        sprite = QPixmap(side, side)
        sprite.setDevicePixelRatio(ratio)
        sprite.fill(Qt.GlobalColor.transparent)
        fill = QColor(colour)
        if dimmed:
            fill.setAlphaF(0.35)
        dot = QPainter(sprite)
        dot.setRenderHint(QPainter.RenderHint.Antialiasing)
        dot.setPen(_EDGE_DIMMED if dimmed else _EDGE)
        dot.setBrush(fill)
        dot.drawEllipse(QPointF(half, half), radius, radius)
        dot.end()
        _SPRITES[key] = sprite
    return sprite


def draw_dot(painter: QPainter, x: float, y: float, sprite: QPixmap) -> None:
    """Blit a dot sprite centred on (x, y), on whole device pixels (a blit that is
    not pixel-aligned would be filtered: slower, and blurred)."""
    ratio = sprite.devicePixelRatio()
    half = sprite.width() / ratio / 2
    painter.drawPixmap(
        QPointF(round((x - half) * ratio) / ratio, round((y - half) * ratio) / ratio), sprite
    )


class LabelItem(QGraphicsItem):
    """A point code beside its marker, on a soft halo; placed by the view."""

    def __init__(self, marker: Marker, font: QFont, metrics: QFontMetricsF) -> None:
        super().__init__()
        self.marker = marker
        self.text = marker.code
        self.font = font
        self.size = QSize(int(metrics.horizontalAdvance(self.text) + 6), int(metrics.height() + 2))
        self.offset = QPointF(0, 0)
        self.strong = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPos(marker.pos())
        self.setZValue(Z_LABEL)
        self.setVisible(False)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def rect(self) -> QRectF:
        return QRectF(self.offset, self.size.toSizeF())

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-1, -1, 1, 1)

    def place(self, offset: QPointF, strong: bool) -> None:
        self.prepareGeometryChange()
        self.offset = offset
        self.strong = strong

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = widget.palette() if widget is not None else QPalette()
        rect = self.rect()
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlphaF(0.86)
        painter.setPen(QPen(HIGHLIGHT, 1.2) if self.strong else Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(rect, 3, 3)
        font = QFont(self.font)
        font.setBold(self.strong)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)


class _Segment(NamedTuple):
    order: int  # the measure's place in the guide
    measure: Measure
    a: QPointF  # start, device pixels
    b: QPointF  # end
    length: float
    ux: float  # unit direction
    uy: float


class _GuideLabel(NamedTuple):
    text: str
    centre: QPointF  # device coordinates
    angle: float  # degrees
    width: float
    height: float
    strong: bool = False

    def bounds(self) -> QRectF:
        rad = math.radians(self.angle)
        c, s = abs(math.cos(rad)), abs(math.sin(rad))
        w = self.width * c + self.height * s
        h = self.width * s + self.height * c
        return QRectF(self.centre.x() - w / 2, self.centre.y() - h / 2, w, h)


class GuideItem(QGraphicsItem):
    """The measuring guide of the selected point: measured lines with cun ticks.

    Lines and ticks are drawn in scene coordinates; the text is laid out in
    device pixels (so it stays legible at every zoom), along each line, on the
    side away from the point, and the view keeps point labels clear of it.
    """

    def __init__(
        self,
        measures: list[Measure],
        landmark_names: dict[int, tuple[str, str]],
        point: QPointF | None,
        font: QFont,
    ) -> None:
        super().__init__()
        self.measures = measures
        self.names = landmark_names  # index -> (start name, end name)
        self.point = point
        self.font = QFont(font)
        self.metrics = QFontMetricsF(self.font)
        self.setZValue(Z_GUIDE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        xs = [v for m in measures for v in (m.x1, m.x2)]
        ys = [v for m in measures for v in (m.y1, m.y2)]
        self._rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def boundingRect(self) -> QRectF:
        pad = max(self._rect.width(), self._rect.height(), 20.0) * 0.6 + 40
        return self._rect.adjusted(-pad, -pad, pad, pad)

    def _segments(self, to_device: QTransform) -> Iterator[_Segment]:
        """The measured segments in device pixels (too short to draw: left out)."""
        for index, m in enumerate(self.measures):
            a = to_device.map(QPointF(m.x1, m.y1))
            b = to_device.map(QPointF(m.x2, m.y2))
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            if length >= 2:
                yield _Segment(index, m, a, b, length, dx / length, dy / length)

    def labels(self, to_device: QTransform) -> list[_GuideLabel]:
        """Where the guide's text goes, in device pixels."""
        out: list[_GuideLabel] = []
        h = self.metrics.height() + 2
        target = to_device.map(self.point) if self.point is not None else None
        for index, m, a, b, length, ux, uy in self._segments(to_device):
            dx, dy = b.x() - a.x(), b.y() - a.y()
            nx, ny = -uy, ux
            mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            if target is not None:
                away = (mid.x() - target.x()) * nx + (mid.y() - target.y()) * ny
                if away < 0:
                    nx, ny = -nx, -ny
            angle = math.degrees(math.atan2(dy, dx))
            if angle >= 90:  # text reads left to right, or bottom to top
                angle -= 180
            elif angle < -90:
                angle += 180
            text = m.label or f"{m.cun:g} {m.unit}"
            width = self.metrics.horizontalAdvance(text) + 10
            if length < width * 0.8:  # a short segment: keep the text level
                angle = 0.0
            offset = h / 2 + 7
            if angle == 0.0 and abs(nx) > abs(ny):
                offset = width / 2 + 7
            centre = QPointF(mid.x() + nx * offset, mid.y() + ny * offset)
            out.append(_GuideLabel(text, centre, angle, width, h, strong=True))
            names = self.names.get(index)
            if names:
                for p, name, sign in ((a, names[0], -1), (b, names[1], 1)):
                    if name:
                        w = self.metrics.horizontalAdvance(name) + 8
                        c = QPointF(
                            p.x() + ux * sign * (h / 2 + 8), p.y() + uy * sign * (h / 2 + 8)
                        )
                        out.append(_GuideLabel(name, c, 0.0, w, h))
        return out

    def obstacles(self, to_device: QTransform) -> list[QRectF]:
        return [label.bounds() for label in self.labels(to_device)]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        palette = widget.palette() if widget is not None else QPalette()
        light = palette.color(QPalette.ColorRole.Base).lightness() > 128
        ink = QColor("#1d4ed8") if light else QColor("#93c5fd")
        painter.setFont(self.font)
        line_pen = QPen(ink, 1.6)
        line_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        for _index, m, a, b, length, ux, uy in self._segments(to_device):
            nx, ny = -uy, ux

            def tick(p: QPointF, half: float, nx: float = nx, ny: float = ny) -> None:
                painter.drawLine(
                    QPointF(p.x() + nx * half, p.y() + ny * half),
                    QPointF(p.x() - nx * half, p.y() - ny * half),
                )

            painter.setPen(line_pen)
            painter.drawLine(a, b)
            tick(a, 7)  # end stops
            tick(b, 7)
            if m.cun <= 0:
                continue
            step = length / m.cun
            every = 1 if step >= 6 else (2 if step >= 3 else 5)
            whole = math.floor(m.cun + 1e-6)
            for k in range(1, whole + 1):
                if k % every and k != whole:
                    continue
                t = k * step
                tick(QPointF(a.x() + ux * t, a.y() + uy * t), 4)
            if m.tick_at is not None and 0 < m.tick_at <= m.cun + 1e-6:
                t = m.tick_at * step
                painter.setPen(QPen(HIGHLIGHT, 2.6))
                tick(QPointF(a.x() + ux * t, a.y() + uy * t), 9)
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlphaF(0.93)
        for label in self.labels(to_device):
            painter.save()
            painter.translate(label.centre)
            painter.rotate(label.angle)
            box = QRectF(-label.width / 2, -label.height / 2, label.width, label.height)
            painter.setPen(QPen(ink, 1) if label.strong else Qt.PenStyle.NoPen)
            painter.setBrush(back)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label.text)
            painter.restore()
        painter.restore()


# ------------------------------------------------------------------ scenes


class _ViewScene:
    """A built view: its scene, the figure's renderer (made when first needed), its items."""

    def __init__(self, info: ViewInfo, scene: QGraphicsScene) -> None:
        self.info = info
        self.scene = scene
        # where the SVG art lies in scene coordinates: the view's box is its SVG's
        # viewBox (the generator writes both; a test holds them together)
        self.art_rect = QRectF(info.x, info.y, info.width, info.height)
        self._renderer: QSvgRenderer | None = None
        self.markers: list[Marker] = []
        self.labels: list[LabelItem] = []
        self.regions: list[RegionItem] = []
        self.settled = False  # see DiagramView._settle
        self.paths: dict[str, list[QGraphicsPathItem]] = {}
        self.guide: GuideItem | None = None
        self.layer: MarkerLayer | None = None

    @property
    def renderer(self) -> QSvgRenderer:
        # not needed for the first paint, whose figure a worker thread draws
        if self._renderer is None:
            from PySide6.QtSvg import QSvgRenderer

            self._renderer = QSvgRenderer(str(self.info.path), self.scene)
        return self._renderer


class _FigureRender:
    """A view's figure rasterised on a worker thread, at one size in device pixels.

    At start-up the figure (about 17 ms of rasterising) is drawn while the other
    panes lay out and paint. QImageReader renders the SVG with the GIL released,
    and gives the same pixels as QSvgRenderer. The first background paint uses
    the image if the figure still has that size, and otherwise draws it itself.

    With a cache folder, a rendered figure is kept there as a PNG (`store`, after
    the first paint) named for the SVG file, its size and date, the pixel size and
    the Qt version. The next start at the same window size reads that back (about
    2 ms) instead: most starts are at the size the window was last left.
    """

    def __init__(self, path: Path, size: QSize, cache: Path | None = None) -> None:
        self.size = size
        self._path = path
        self._cached = _figure_cache_file(cache, path, size) if cache is not None else None
        self._image: QImage | None = None
        self._rendered = False  # rendered from the SVG, not read from the cache
        self._thread = threading.Thread(target=self._run, name="figure", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._cached is not None and self._cached.is_file():
            image = QImageReader(str(self._cached)).read()
            if image.size() == self.size:
                self._image = image
                return
        reader = QImageReader(str(self._path))
        reader.setScaledSize(self.size)
        image = reader.read()  # a null image if the SVG plugin is missing
        self._image = None if image.isNull() else image
        self._rendered = self._image is not None

    def image(self, size: QSize) -> QImage | None:
        """The finished image (waiting for it if need be), or None for another size."""
        self._thread.join()
        return self._image if size == self.size else None

    def store(self) -> None:
        """Keep a freshly rendered figure in the cache, in place of the view's older
        ones (a cache that cannot be written is only a slower next start)."""
        self._thread.join()
        target = self._cached
        if not self._rendered or self._image is None or target is None:
            return
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
            for old in target.parent.glob(f"{self._path.stem}-*.png"):
                old.unlink()
            partial = target.with_name(f".{target.name}")  # written whole, then renamed
            if self._image.save(str(partial)):
                partial.replace(target)


def _figure_cache_file(folder: Path, svg: Path, size: QSize) -> Path | None:
    try:
        info = svg.stat()
    except OSError:
        return None
    version = qVersion().replace(".", "_")
    return folder / (
        f"{svg.stem}-{size.width()}x{size.height()}-{info.st_size}-{info.st_mtime_ns}"
        f"-qt{version}.png"
    )


def smooth_path(points: list[QPointF]) -> QPainterPath:
    """A smooth curve through the points (Catmull-Rom as cubic Béziers)."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    if len(points) == 2:
        path.lineTo(points[1])
        return path
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        c1 = p1 + (p2 - p0) / 6.0
        c2 = p2 - (p3 - p1) / 6.0
        path.cubicTo(c1, c2, p2)
    return path


def _polygon_path(polygons: Iterable[Iterable[tuple[float, float]]]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for polygon in polygons:
        pts = list(polygon)
        path.moveTo(*pts[0])
        for x, y in pts[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
    return path


def _tooltip(point: Point | None, code: str) -> str:
    import html  # tooltips are set after the first paint (see DiagramView._settle)

    if point is None:
        return code
    return (
        f"<b>{html.escape(point.code)}</b> {html.escape(point.pinyin_tones)}"
        f" {html.escape(point.hanzi)}<br>{html.escape(point.english)}"
    )


# ------------------------------------------------------------------ the view


class DiagramView(QGraphicsView):
    """The body diagram. Signals carry point codes and region ids."""

    pointClicked = Signal(str)
    regionClicked = Signal(str)
    addToPlanRequested = Signal(str)
    viewChanged = Signal(str)
    channelVisibilityChanged = Signal(str, bool)
    zoomChanged = Signal(float)
    #: The first paint that shows a view (start-up is over; `atlas --exit-when-ready`).
    firstPainted = Signal()

    def __init__(
        self,
        atlas: Atlas | None,
        parent: QWidget | None = None,
        *,
        data: DiagramData | None = None,
        views_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagramView")
        self.atlas = atlas
        self.data = data if data is not None else DiagramData.from_atlas(atlas, views_dir)
        self._scenes: dict[str, _ViewScene] = {}
        self._current: _ViewScene | None = None
        self._highlighted: set[str] = set()
        self._selected: str | None = None
        self._focus_channel: str | None = None
        self._hidden_channels: set[str] = set()
        self._fitted = True
        self._press: QPoint | None = None
        self._dragging = False
        self._painted = False
        self._figure_render: _FigureRender | None = None
        self._figure_to_store: _FigureRender | None = None
        self._label_font = QFont(self.font())
        self._label_font.setPointSizeF(max(7.5, self._label_font.pointSizeF() * 0.82))
        self._label_metrics = QFontMetricsF(self._label_font)
        self._labels_timer = QTimer(self)
        self._labels_timer.setSingleShot(True)
        self._labels_timer.setInterval(15)
        self._labels_timer.timeout.connect(self._layout_labels)
        self._empty_scene = QGraphicsScene(self)
        self.setScene(self._empty_scene)
        # A viewport made here, so PySide knows its type: wrapping the one Qt makes (for
        # viewport(), or the widget passed to a Python paint()) first creates a wrapper
        # type for every QWidget subclass, about 11 ms of start-up.
        viewport = QWidget()
        self.setViewport(viewport)
        viewport.grabGesture(Qt.GestureType.PinchGesture)

        self._set_backdrop()
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
            | QPainter.RenderHint.TextAntialiasing
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 200)
        self.horizontalScrollBar().valueChanged.connect(self._schedule_labels)
        self.verticalScrollBar().valueChanged.connect(self._schedule_labels)
        self.setToolTip("")
        self.setAccessibleName("Body diagram")
        self.setWhatsThis(
            "Click a point to open it, or a body region to list its points. Scroll or pinch"
            " to zoom, drag to pan; + and - zoom, 0 fits the figure."
        )
        # The first view is built right after the first paint (start-up stays light);
        # any call that needs a scene before then builds it at once.
        self._initial_view: str | None = self.data.views[0].id if self.data.views else None
        if self._initial_view is not None:
            QTimer.singleShot(0, self._load_initial_view)

    def set_initial_view(self, name: str) -> None:
        """The view to show first (before the first one is built); else it is shown now."""
        if self._current is None and self.data.view(name) is not None:
            self._initial_view = name
        else:
            self.set_view(name)

    def _load_initial_view(self) -> None:
        if self._current is None and self._initial_view is not None:
            self.set_view(self._initial_view)

    def _ensure_view(self) -> None:
        if self._current is None:
            self._load_initial_view()

    # ------------------------------------------------------------ public API

    def views(self) -> list[str]:
        """The ids of the views, in display order."""
        return [v.id for v in self.data.views]

    def view_info(self, view_id: str) -> ViewInfo | None:
        return self.data.view(view_id)

    def current_view(self) -> str | None:
        if self._current is None:
            return self._initial_view
        return self._current.info.id

    def set_view(self, name: str) -> bool:
        """Show a view by id; returns False for an unknown view."""
        info = self.data.view(name)
        if info is None:
            return False
        if self._current is not None and self._current.info.id == name:
            return True
        built = self._scenes.get(name)
        self._current = built or self._new_scene(info)
        self.setScene(self._current.scene)
        self.fit()
        if built is None:
            if not self._painted and self.isVisible():
                # the figure rasterises on a worker while the markers are made
                self._figure_render = _FigureRender(
                    info.path, self._figure_device_rect()[1], paths.cache_dir() / "figures"
                )
            self._populate(self._current)
        self._apply_states()
        self.viewChanged.emit(name)
        return True

    def point_scene_pos(self, code: str, side: str | None = None) -> QPointF | None:
        """Where a point sits in the current view (scene = SVG user units), or None."""
        self._ensure_view()
        if self._current is None:
            return None
        for marker in self._current.markers:
            if marker.code == code and (side is None or marker.side == side):
                return marker.pos()
        return None

    def placements(self, code: str) -> list[Placement]:
        """The point's placements in the current view."""
        view = self.current_view()
        return [p for p in self.data.placements_of(view or "") if p.code == code]

    def markers(self) -> list[Marker]:
        """The current view's markers (code, side, place, state, visibility)."""
        self._ensure_view()
        return list(self._current.markers) if self._current is not None else []

    def codes_in_view(self) -> list[str]:
        self._ensure_view()
        if self._current is None:
            return []
        return list(dict.fromkeys(m.code for m in self._current.markers))

    def highlight(self, codes: Iterable[str]) -> None:
        """Emphasise a set of points (all others are dimmed); an empty set clears it."""
        highlighted = set(codes)
        if highlighted != self._highlighted:
            self._highlighted = highlighted
            self._apply_states()

    def highlighted(self) -> set[str]:
        return set(self._highlighted)

    def selected(self) -> str | None:
        return self._selected

    def select(self, code: str | None, *, centre: bool = True) -> bool:
        """Select a point: switch to a view showing it if needed, centre and highlight it.

        Returns False when no view shows the point (it is still remembered as selected).
        """
        self._selected = code
        self._ensure_view()
        if not code:
            self._apply_states()
            return False
        current = self.current_view()
        if current is None or not any(p.code == code for p in self.placements(code)):
            showing = self.data.views_showing(code)
            if not showing:
                self._apply_states()
                return False
            body = [v for v in showing if (info := self.data.view(v)) and info.is_body]
            self.set_view((body or showing)[0])
        self._apply_states()
        if centre:
            self.centre_on(code)
        return True

    def centre_on(self, code: str) -> None:
        markers = [m for m in (self._current.markers if self._current else []) if m.code == code]
        if not markers:
            return
        if self._fitted and self.zoom_factor() < 1.6:
            self._zoom_to(1.6, None)
        # both sides of a bilateral point: centre between them if they fit, else the first
        target = markers[0].pos()
        if len(markers) > 1:
            mid = (markers[0].pos() + markers[1].pos()) / 2
            span = abs(markers[0].pos().x() - markers[1].pos().x()) * self._scale()
            target = mid if span < self._viewport_size().width() * 0.8 else target
        self.centerOn(target)
        self._schedule_labels()

    def set_focus_channel(self, channel: str | None) -> None:
        """Bring one channel's pathway forward (thicker; the others fade)."""
        if channel != self._focus_channel:
            self._focus_channel = channel
            self._apply_states()

    def focus_channel(self) -> str | None:
        return self._focus_channel

    def set_channel_visible(self, channel: str, visible: bool) -> None:
        if visible == (channel not in self._hidden_channels):
            return
        if visible:
            self._hidden_channels.discard(channel)
        else:
            self._hidden_channels.add(channel)
        self._apply_states()
        self.channelVisibilityChanged.emit(channel, visible)

    def is_channel_visible(self, channel: str) -> bool:
        return channel not in self._hidden_channels

    def hidden_channels(self) -> set[str]:
        return set(self._hidden_channels)

    def channel_path_items(self, channel: str) -> list[QGraphicsPathItem]:
        self._ensure_view()
        return list(self._current.paths.get(channel, [])) if self._current else []

    def visible_labels(self) -> list[str]:
        self._ensure_view()
        if self._current is None:
            return []
        return [label.text for label in self._current.labels if label.isVisible()]

    # ------------------------------------------------------------ zoom

    def _viewport_size(self) -> QSize:
        # The viewport fills the view (no frame, scroll bars always off), so the view
        # can tell its size, also before its first layout.
        return self.maximumViewportSize()

    def _scale(self) -> float:
        return self.transform().m11()

    def fit_scale(self) -> float:
        if self._current is None:
            return 1.0
        rect = self._current.info
        size = self._viewport_size()
        vw, vh = max(1, size.width() - 16), max(1, size.height() - 16)
        return min(vw / rect.width, vh / rect.height)

    def zoom_factor(self) -> float:
        """The zoom relative to the fitted view (1 = the whole figure fits)."""
        return self._scale() / self.fit_scale()

    def fit(self) -> None:
        """Fit the whole view in the window."""
        if self._current is None:
            return
        info = self._current.info
        self.setSceneRect(QRectF(info.x, info.y, info.width, info.height))
        self.resetTransform()
        s = self.fit_scale()
        self.scale(s, s)
        self.centerOn(QPointF(info.x + info.width / 2, info.y + info.height / 2))
        self._fitted = True
        self._after_zoom()

    def zoom_in(self) -> None:
        self._zoom_by(1.25, None)

    def zoom_out(self) -> None:
        self._zoom_by(1 / 1.25, None)

    def _zoom_to(self, factor: float, anchor: QPoint | None) -> None:
        self._zoom_by(factor / self.zoom_factor(), anchor)

    def _zoom_by(self, factor: float, anchor: QPoint | None) -> None:
        if self._current is None:
            return
        current = self.zoom_factor()
        target = min(MAX_ZOOM, max(MIN_ZOOM, current * factor))
        factor = target / current
        if abs(factor - 1.0) < 1e-4:
            return
        old_anchor = self.transformationAnchor()
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
        else:
            before = self.mapToScene(anchor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(factor, factor)
            after = self.mapToScene(anchor)
            delta = after - before
            self.translate(delta.x(), delta.y())
        self.setTransformationAnchor(old_anchor)
        self._fitted = False
        # let the figure be dragged well past its edges when zoomed in
        info = self._current.info
        size = self._viewport_size()
        pad_x = size.width() / self._scale() * 0.45
        pad_y = size.height() / self._scale() * 0.45
        self.setSceneRect(
            QRectF(info.x - pad_x, info.y - pad_y, info.width + 2 * pad_x, info.height + 2 * pad_y)
        )
        if anchor is not None:
            after = self.mapToScene(anchor)
        self._after_zoom()

    def _after_zoom(self) -> None:
        if self._current is not None:
            s = self._scale() * self._current.info.spacing
            radius = max(3.0, min(6.0, 2.2 + s * 0.12))
            for marker in self._current.markers:
                marker.set_radius(radius)
            if self._current.layer is not None:
                self._current.layer.update()
        self.zoomChanged.emit(self.zoom_factor())
        self._schedule_labels()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta == 0:
            event.ignore()
            return
        self._zoom_by(math.pow(1.0015, delta), event.position().toPoint())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._current is not None:
            handled = super().viewportEvent(event)
            if not self._painted:
                self._painted = True
                self.firstPainted.emit()
            if not self._current.settled:
                QTimer.singleShot(0, self, self._settle)
            return handled
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self._zoom_by(1.0 + event.value(), event.position().toPoint())
            return True
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            from PySide6.QtWidgets import QPinchGesture

            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self._zoom_by(pinch.scaleFactor(), centre)
                event.accept(pinch)
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
        else:
            self._schedule_labels()

    # ------------------------------------------------------------ mouse

    def item_at(self, pos: QPoint) -> MarkerItem | RegionItem | None:
        """The marker (first) or region under a viewport position."""
        self._settle()
        region: RegionItem | None = None
        for item in self.items(pos):
            if isinstance(item, MarkerItem) and item.isVisible():
                return item
            if isinstance(item, RegionItem) and region is None:
                region = item
        if region is None:
            return None
        # a marker a few pixels away still wins over the region under the cursor
        near = [
            i
            for i in self.items(QRectF(pos.x() - 5, pos.y() - 5, 10, 10).toRect())
            if isinstance(i, MarkerItem) and i.isVisible()
        ]
        return near[0] if near else region

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragging = False
            self._scroll_at_press = (
                self.horizontalScrollBar().value(),
                self.verticalScrollBar().value(),
            )
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position().toPoint() - self._press
            if self._dragging or delta.manhattanLength() > DRAG_THRESHOLD:
                if not self._dragging:
                    self._dragging = True
                    self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                h0, v0 = self._scroll_at_press
                self.horizontalScrollBar().setValue(h0 - delta.x())
                self.verticalScrollBar().setValue(v0 - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            was_drag = self._dragging
            self._press = None
            self._dragging = False
            self.viewport().unsetCursor()
            if not was_drag:
                item = self.item_at(event.position().toPoint())
                if isinstance(item, MarkerItem):
                    self.pointClicked.emit(item.code)
                elif isinstance(item, RegionItem):
                    self.regionClicked.emit(item.region)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.item_at(event.position().toPoint()) is None:
            self.fit()
            event.accept()
            return
        self.mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.item_at(event.pos())
        menu = QMenu(self)
        if isinstance(item, MarkerItem):
            code = item.code
            menu.addAction(f"Open {code}", lambda: self.pointClicked.emit(code))
            menu.addAction(f"Add {code} to the plan", lambda: self.addToPlanRequested.emit(code))
            menu.addSeparator()
        elif isinstance(item, RegionItem):
            region = item.region
            name = region.replace("_", " ")
            if self.atlas is not None and (found := self.atlas.region(region)) is not None:
                name = found.name
            menu.addAction(
                f"List the points of the {name.lower()}", lambda: self.regionClicked.emit(region)
            )
            menu.addSeparator()
        menu.addAction("Zoom in", self.zoom_in)
        menu.addAction("Zoom out", self.zoom_out)
        menu.addAction("Fit to window", self.fit)
        menu.exec(event.globalPos())

    # ------------------------------------------------------------ building

    def _new_scene(self, info: ViewInfo) -> _ViewScene:
        """An empty scene for a view."""
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        built = _ViewScene(info, scene)
        self._scenes[info.id] = built
        return built

    def _populate(self, built: _ViewScene) -> None:
        """The view's markers, their layer and the channel paths."""
        info, scene = built.info, built.scene
        placements = self.data.placements_of(info.id)
        by_channel: dict[tuple[str, str], list[tuple[int, Placement]]] = {}
        colours: dict[str, QColor] = {}
        for placement in placements:
            point = self.atlas.point(placement.code) if self.atlas is not None else None
            channel = point.channel if point is not None else placement.code.rstrip("0123456789")
            colour = colours.get(channel)
            if colour is None:
                colour = colours[channel] = _channel_colour(self.atlas, channel)
            built.markers.append(Marker(placement, colour, point, channel))
            if point is not None and channel != "EX":
                by_channel.setdefault((channel, placement.side), []).append(
                    (point.number, placement)
                )

        # the layer's bounds also hold a marker's full disc at the view's very edge
        view_rect = QRectF(info.x, info.y, info.width, info.height).adjusted(-30, -30, 30, 30)
        built.layer = MarkerLayer(built.markers, built.art_rect.united(view_rect))
        scene.addItem(built.layer)

        for (channel, _side), items in by_channel.items():
            items.sort(key=lambda t: t[0])
            runs: list[list[QPointF]] = [[]]
            last = None
            for number, placement in items:
                if last is not None and number - last > 1:
                    runs.append([])
                runs[-1].append(QPointF(placement.x, placement.y))
                last = number
            colour = _channel_colour(self.atlas, channel)
            for run in runs:
                if len(run) < 2:
                    continue
                path_item = QGraphicsPathItem(smooth_path(run))
                pen = QPen(colour, 2.0)
                pen.setCosmetic(True)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                path_item.setPen(pen)
                path_item.setZValue(Z_PATH)
                path_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                path_item.setData(0, channel)
                scene.addItem(path_item)
                built.paths.setdefault(channel, []).append(path_item)

    def region_items(self) -> list[RegionItem]:
        """The clickable regions of the current view (read now if still pending)."""
        self._ensure_view()
        self._settle()
        return list(self._current.regions) if self._current is not None else []

    def _settle(self) -> None:
        """Finish the current view after its first paint (or when a click needs it).

        Its region outlines are read from the SVG, and its markers get their
        scene items (hit area, tooltip and cursor): none of it shows before a
        pointer moves over the view, so the first paint does not wait for it. The marker layer
        starts caching its pixmap: repaints then blit it instead of drawing
        every marker again, and the first paint does not pay for filling it.
        """
        if self._figure_to_store is not None:
            self._figure_to_store.store()
            self._figure_to_store = None
        built = self._current
        if built is None or built.settled:
            return
        built.settled = True
        if built.layer is not None:
            built.layer.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        for marker in built.markers:
            built.scene.addItem(MarkerItem(marker))
        for shape in read_regions(built.info.path):
            item = RegionItem(shape.region, shape.side, _polygon_path(shape.polygons))
            built.scene.addItem(item)
            built.regions.append(item)

    # ------------------------------------------------------------ state

    def _apply_states(self) -> None:
        built = self._current
        if built is None:
            return
        emphasis = bool(self._highlighted) or self._focus_channel is not None
        for marker in built.markers:
            channel = marker.channel
            if marker.code == self._selected:
                state = "selected"
            elif marker.code in self._highlighted:
                state = "highlight"
            elif emphasis and channel != self._focus_channel:
                state = "dimmed"
            else:
                state = "normal"
            marker.set_state(state)
            marker.set_visible(
                state in ("selected", "highlight") or channel not in self._hidden_channels
            )
        if built.layer is not None:
            built.layer.update()
        for channel, items in built.paths.items():
            focus = self._focus_channel == channel
            ink = _path_ink(self.atlas, channel, 1.0 if focus else (0.25 if emphasis else 0.7))
            for item in items:
                pen = item.pen()
                pen.setColor(ink)
                pen.setWidthF(4.0 if focus else 2.0)
                item.setPen(pen)
                item.setZValue(Z_PATH + (0.5 if focus else 0.0))
                item.setVisible(focus or channel not in self._hidden_channels)
        self._update_guide()
        self._schedule_labels()

    def _update_guide(self) -> None:
        built = self._current
        if built is None:
            return
        if built.guide is not None:
            built.scene.removeItem(built.guide)
            built.guide = None
        if not self._selected:
            return
        measures = self.data.measures.get((self._selected, built.info.id), [])
        if not measures:
            return
        sides = [m.side for m in measures]
        side = "right" if "right" in sides else sides[0]
        chosen = [m for m in measures if m.side == side]
        marks = self.data.landmarks.get(built.info.id, {})
        names: dict[int, tuple[str, str]] = {}
        for index, m in enumerate(chosen):
            names[index] = (
                _landmark_near(marks.values(), m.x1, m.y1),
                _landmark_near(marks.values(), m.x2, m.y2),
            )
        point = next(
            (mk.pos() for mk in built.markers if mk.code == self._selected and mk.side == side),
            None,
        )
        built.guide = GuideItem(chosen, names, point, self._label_font)
        built.scene.addItem(built.guide)

    # ------------------------------------------------------------ labels

    def _schedule_labels(self) -> None:
        self._labels_timer.start()

    def _label(self, built: _ViewScene, marker: Marker) -> LabelItem:
        """The marker's code label, made the first time it is shown."""
        if marker.label is None:
            marker.label = LabelItem(marker, self._label_font, self._label_metrics)
            built.scene.addItem(marker.label)
            built.labels.append(marker.label)
        return marker.label

    def _layout_labels(self) -> None:
        """Show as many codes as fit without overlap (priority: selected, highlighted)."""
        built = self._current
        if built is None:
            return
        scale = self._scale()
        show_all = scale * built.info.spacing >= 16.0
        visible_rect = self.mapToScene(self.viewport().rect()).boundingRect()
        cell = 48.0
        grid: dict[tuple[int, int], list[QRectF]] = {}

        def collides(rect: QRectF) -> bool:
            x0, y0 = int(rect.left() // cell), int(rect.top() // cell)
            x1, y1 = int(rect.right() // cell), int(rect.bottom() // cell)
            for gx in range(x0, x1 + 1):
                for gy in range(y0, y1 + 1):
                    for other in grid.get((gx, gy), ()):
                        if other.intersects(rect):
                            return True
            return False

        def occupy(rect: QRectF) -> None:
            x0, y0 = int(rect.left() // cell), int(rect.top() // cell)
            x1, y1 = int(rect.right() // cell), int(rect.bottom() // cell)
            for gx in range(x0, x1 + 1):
                for gy in range(y0, y1 + 1):
                    grid.setdefault((gx, gy), []).append(rect)

        device = self.viewportTransform()
        if built.guide is not None:
            for rect in built.guide.obstacles(device):
                occupy(rect)
        ordered: list[tuple[int, LabelItem, QPointF]] = []
        for marker in built.markers:
            rank = {"selected": 0, "highlight": 1}.get(marker.state, 2)
            if (
                not marker.visible
                or not visible_rect.contains(marker.pos())
                or (rank == 2 and (not show_all or marker.state == "dimmed"))
            ):
                if marker.label is not None:
                    marker.label.setVisible(False)
                continue
            centre = device.map(marker.pos())
            ordered.append((rank, self._label(built, marker), centre))
            r = marker.outer() + 1
            occupy(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))
        ordered.sort(key=lambda t: t[0])
        for rank, label, centre in ordered:
            w, h = label.size.width(), label.size.height()
            gap = label.marker.outer() + 2
            candidates = (
                QPointF(gap, -h / 2),
                QPointF(-gap - w, -h / 2),
                QPointF(-w / 2, -gap - h),
                QPointF(-w / 2, gap),
                QPointF(gap, -h),
                QPointF(-gap - w, 0),
            )
            placed = False
            for offset in candidates:
                rect = QRectF(centre + offset, label.size.toSizeF())
                if not collides(rect):
                    occupy(rect)
                    label.place(offset, strong=rank < 2)
                    label.setVisible(True)
                    placed = True
                    break
            if not placed:
                if rank == 0:  # the selected point always shows its code
                    label.place(candidates[0], strong=True)
                    label.setVisible(True)
                else:
                    label.setVisible(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._set_backdrop()  # the backdrop colour follows the theme
        super().changeEvent(event)

    def _set_backdrop(self) -> None:
        base = self.palette().color(QPalette.ColorRole.Base)
        self.setBackgroundBrush(QColor("#f4f6f9") if base.lightness() > 128 else base.darker(115))
        self.resetCachedContent()

    def _figure_device_rect(self) -> tuple[QRectF, QSize]:
        """Where the figure lies in the viewport, and its size in device pixels."""
        assert self._current is not None
        rect = self.viewportTransform().mapRect(self._current.art_rect)
        ratio = self.devicePixelRatioF()
        return rect, QSize(round(rect.width() * ratio), round(rect.height() * ratio))

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The backdrop and the figure: static art, cached by the view (CacheBackground)
        and so only re-rendered when the zoom changes, not on every repaint."""
        super().drawBackground(painter, rect)  # the backdrop: the background brush
        if self._current is None:
            return
        figure, self._figure_render = self._figure_render, None
        if figure is not None:  # rasterised at start-up on a worker thread
            target, size = self._figure_device_rect()
            image = figure.image(size)
            if image is not None:
                self._figure_to_store = figure  # see _settle
                image.setDevicePixelRatio(self.devicePixelRatioF())
                painter.save()
                painter.resetTransform()
                painter.drawImage(QPointF(round(target.x()), round(target.y())), image)
                painter.restore()
                return
        self._current.renderer.render(painter, self._current.art_rect)


def _landmark_near(marks: Iterable[object], x: float, y: float) -> str:
    for mark in marks:
        mx, my = getattr(mark, "x", None), getattr(mark, "y", None)
        if mx is not None and my is not None and math.hypot(mx - x, my - y) < 0.6:
            return str(getattr(mark, "name", ""))
    return ""


# ------------------------------------------------------------------ the panel


class DiagramPanel(QWidget):
    """The diagram with its toolbar: view switcher, zoom, fit and channel toggles."""

    def __init__(
        self,
        atlas: Atlas | None,
        parent: QWidget | None = None,
        *,
        data: DiagramData | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagramPanel")
        self.atlas = atlas
        self.view = DiagramView(atlas, self, data=data)
        self.toolbar = QToolBar("Diagram", self)
        self.toolbar.setObjectName("diagramToolbar")
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.view_combo = QComboBox(self)
        self.view_combo.setObjectName("viewCombo")
        self.view_combo.setToolTip("Body view (Ctrl+1 to Ctrl+9)")
        self.view_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.view_combo.setMinimumWidth(140)
        self._fill_views()
        caption = QLabel("View", self)
        caption.setBuddy(self.view_combo)
        caption.setContentsMargins(6, 0, 6, 0)
        self.toolbar.addWidget(caption)
        self.toolbar.addWidget(self.view_combo)
        self.toolbar.addSeparator()

        self.zoom_out_action = self._action(
            "Zoom out", "−", QKeySequence.StandardKey.ZoomOut, self.view.zoom_out
        )
        self.zoom_in_action = self._action(
            "Zoom in", "+", QKeySequence.StandardKey.ZoomIn, self.view.zoom_in
        )
        self.fit_action = self._action(
            "Fit to window", "Fit", QKeySequence("Ctrl+0"), self.view.fit
        )
        self.zoom_label = QLabel("100%", self)
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setToolTip("Zoom (100% = the whole view fits)")
        self.toolbar.addAction(self.zoom_out_action)
        self.toolbar.addWidget(self.zoom_label)
        self.toolbar.addAction(self.zoom_in_action)
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addSeparator()

        self.channels_button = QToolButton(self)
        self.channels_button.setText("Channels")
        self.channels_button.setToolTip("Show or hide channel pathways")
        self.channels_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.channels_menu = QMenu(self)
        self.channel_actions: dict[str, QAction] = {}
        self._fill_channels()
        self.channels_button.setMenu(self.channels_menu)
        self.toolbar.addWidget(self.channels_button)

        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.hint = QLabel("Scroll to zoom · drag to pan · click a point or region", self)
        self.hint.setObjectName("diagramHint")
        self.hint.setEnabled(False)
        self.toolbar.addWidget(self.hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        if not self.view.views():
            self.empty = QLabel(
                "The body views are not installed, so the diagram cannot be shown.", self
            )
            self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.empty)

        self.view_combo.currentIndexChanged.connect(self._on_combo)
        self.view.viewChanged.connect(self._on_view_changed)
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        self.view.channelVisibilityChanged.connect(self._on_channel_visibility)
        self._on_view_changed(self.view.current_view() or "")

    def _action(
        self,
        text: str,
        short: str,
        key: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(short, self)
        action.setToolTip(
            f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _fill_views(self) -> None:
        with QSignalBlocker(self.view_combo):
            self.view_combo.clear()
            last_kind = None
            for info in self.view.data.views:
                if last_kind is not None and info.kind != last_kind:
                    self.view_combo.insertSeparator(self.view_combo.count())
                self.view_combo.addItem(info.title, info.id)
                last_kind = info.kind

    def _fill_channels(self) -> None:
        self.channels_menu.clear()
        self.channels_menu.addAction("Show all", lambda: self.set_all_channels(True))
        self.channels_menu.addAction("Hide all", lambda: self.set_all_channels(False))
        self.channels_menu.addSeparator()
        if self.atlas is None:
            return
        for channel in self.atlas.channels():
            action = QAction(f"{channel.code}  {channel.english}", self.channels_menu)
            action.setCheckable(True)
            action.setChecked(self.view.is_channel_visible(channel.code))
            action.setIcon(swatch(channel.colour))
            code = channel.code
            action.toggled.connect(lambda on, c=code: self.view.set_channel_visible(c, on))
            self.channels_menu.addAction(action)
            self.channel_actions[code] = action

    def set_all_channels(self, visible: bool) -> None:
        for code in self.channel_actions:
            self.view.set_channel_visible(code, visible)

    def _on_channel_visibility(self, channel: str, visible: bool) -> None:
        action = self.channel_actions.get(channel)
        if action is not None and action.isChecked() != visible:
            with QSignalBlocker(action):
                action.setChecked(visible)

    def _on_combo(self, index: int) -> None:
        view_id = self.view_combo.itemData(index)
        if isinstance(view_id, str):
            self.view.set_view(view_id)

    def _on_view_changed(self, view_id: str) -> None:
        index = self.view_combo.findData(view_id)
        if index >= 0 and index != self.view_combo.currentIndex():
            with QSignalBlocker(self.view_combo):
                self.view_combo.setCurrentIndex(index)


_SWATCHES: dict[tuple[str, int], QIcon] = {}


def swatch(colour: str, size: int = 14) -> QIcon:
    """A round colour chip for a channel (menus, lists), drawn once per colour."""
    icon = _SWATCHES.get((colour, size))
    if icon is None:
        icon = _SWATCHES[colour, size] = _draw_swatch(colour, size)
    return icon


def _draw_swatch(colour: str, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)
