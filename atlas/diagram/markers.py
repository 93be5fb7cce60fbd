"""Point markers: `Marker` records, the `MarkerLayer` that draws them all, and the
`MarkerItem` that gives each its hit area, tooltip and cursor.

A view's first paint makes no scene item per marker: one layer item draws every
marker in a single pass, blitting a dot sprite drawn once per look and size;
the per-marker items join the scene once the view has settled (see
`ViewScene.settle`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from atlas.core import Point
from atlas.diagram.sources import Placement
from atlas.diagram.state import MarkerState
from atlas.diagram.style import HIGHLIGHT, Z_MARKER

if TYPE_CHECKING:
    from atlas.diagram.labels import LabelItem

_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
)
_STATE_Z = {MarkerState.SELECTED: 0.3, MarkerState.HIGHLIGHT: 0.2}
_RINGED = (MarkerState.SELECTED, MarkerState.HIGHLIGHT)

_HALO = QColor(HIGHLIGHT)
_HALO.setAlphaF(0.22)
_RING_SELECTED = QPen(HIGHLIGHT, 2.5)
_RING_HIGHLIGHT = QPen(HIGHLIGHT, 2.0)
_WHITE_DISC = QColor(255, 255, 255, 200)
_EDGE = QPen(QColor(255, 255, 255, 235), 1.3)
_EDGE_DIMMED = QPen(QColor(255, 255, 255, 120), 1.3)


class Marker:
    """A point marker of a view: a dot in its channel's colour, constant size on screen.

    A plain record of its place, look and state, drawn by its view's `MarkerLayer`.
    """

    __slots__ = (
        "channel",
        "code",
        "colour",
        "item",
        "label",
        "labelled",
        "part",
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
        self.part = placement.part
        #: Carries the point's label: a single point does; of a group's locations on one
        #: side, the one nearest their middle (`label_groups`).
        self.labelled = True
        self.colour = colour
        self.point = point
        self.channel = channel
        self.scene_x, self.scene_y = placement.x, placement.y  # markers never move
        self.radius = 4.0
        self.state = MarkerState.NORMAL
        self.visible = True
        self.label: LabelItem | None = None  # made when first shown
        self.item: MarkerItem | None = None  # made when the view settles

    def pos(self) -> QPointF:
        return QPointF(self.scene_x, self.scene_y)

    def outer(self) -> float:
        """The radius of the whole marker, its state's ring included."""
        if self.state is MarkerState.SELECTED:
            return self.radius + 5.0
        if self.state is MarkerState.HIGHLIGHT:
            return self.radius + 2.5
        return self.radius

    def set_state(self, state: MarkerState) -> None:
        if state is not self.state:
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
        if self.state is MarkerState.SELECTED:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_HALO)
            painter.drawEllipse(at, r + 7, r + 7)
            painter.setPen(_RING_SELECTED)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(at, r + 4, r + 4)
            r += 1.5
        elif self.state is MarkerState.HIGHLIGHT:
            painter.setPen(_RING_HIGHLIGHT)
            painter.setBrush(_WHITE_DISC)
            painter.drawEllipse(at, r + 2.5, r + 2.5)
        sprite = dot_sprite(self.colour, self.state is MarkerState.DIMMED, r, painter)
        draw_dot(painter, at.x(), at.y(), sprite)


def label_groups(markers: Sequence[Marker]) -> None:
    """Of each group's locations on one side (EX-B2's T1 to L5), let the one nearest
    their middle carry the label."""
    groups: dict[tuple[str, str], list[Marker]] = {}
    for marker in markers:
        if marker.part is not None:
            groups.setdefault((marker.code, marker.side), []).append(marker)
    for group in groups.values():
        mx = sum(m.scene_x for m in group) / len(group)
        my = sum(m.scene_y for m in group) / len(group)
        middle = min(group, key=lambda m: (m.scene_x - mx) ** 2 + (m.scene_y - my) ** 2)
        for marker in group:
            marker.labelled = marker is middle


class MarkerItem(QGraphicsItem):
    """A marker's hit area in the scene, with its tooltip and cursor (drawn by the layer)."""

    def __init__(self, marker: Marker) -> None:
        super().__init__()
        self.marker = marker
        marker.item = self
        self.setPos(marker.scene_x, marker.scene_y)
        self.setFlags(_FLAGS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_MARKER + _STATE_Z.get(marker.state, 0.0))
        self.setVisible(marker.visible)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tooltip(marker.point, marker.code, marker.part))

    @property
    def code(self) -> str:
        return self.marker.code

    @property
    def state(self) -> MarkerState:
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

    Hundreds of markers each with its own Python paint call made the first paint
    slow; one loop over them costs a fraction of that.
    """

    def __init__(self, markers: list[Marker], rect: QRectF) -> None:
        super().__init__()
        self.markers = markers
        self.rect = rect
        self._cached = False
        self.setZValue(Z_MARKER + 0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        return self.rect

    def cache(self) -> None:
        """From now on keep the drawn markers in a pixmap: repaints blit it."""
        self._cached = True
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def redraw(self) -> None:
        """Draw the markers afresh at the next paint (their states or sizes changed).

        The cached pixmap is dropped rather than marked stale: a layer larger than
        the viewport is cached in part, and when a marker change and a scroll (a
        point centred) meet in one paint, Qt repaints only the part scrolled into
        view and blits the rest as it was, old rings included."""
        if self._cached:
            self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        else:
            self.update()

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
        sprites: dict[tuple[int, bool, float], QPixmap] = {}  # markers share colour objects
        dimmed_state = MarkerState.DIMMED
        for marker in self.markers:
            x, y = marker.scene_x, marker.scene_y
            if not (left <= x <= right and top <= y <= bottom) or not marker.visible:
                continue
            state = marker.state
            if state in _RINGED:
                on_top.append(marker)
                continue
            # a normal or dimmed dot, as Marker.draw draws it
            dimmed = state is dimmed_state
            look = (id(marker.colour), dimmed, marker.radius)
            sprite = sprites.get(look)
            if sprite is None:
                sprite = sprites[look] = dot_sprite(marker.colour, dimmed, marker.radius, painter)
            draw_dot(painter, sx * x + dx, sy * y + dy, sprite)
        on_top.sort(key=lambda m: m.state is MarkerState.SELECTED)  # the selection on top
        for marker in on_top:
            marker.draw(painter, device.map(marker.pos()))
        painter.restore()


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


def tooltip(point: Point | None, code: str, part: str | None = None) -> str:
    """A marker's tooltip: code, pinyin, hanzi and English name, and which location of
    a group it is (escaped: rich text)."""
    import html  # tooltips are set after the first paint

    where = f"<br>{html.escape(part.replace('_', ' '))}" if part else ""
    if point is None:
        return html.escape(code) + where
    return (
        f"<b>{html.escape(code)}</b> {html.escape(point.pinyin_tones)}"
        f" {html.escape(point.hanzi)}<br>{html.escape(point.english)}{where}"
    )
