"""One view's scene, built the first time the view is shown, drawn from the state.

`ViewScene` holds a view's `QGraphicsScene` and what is in it: the markers and
the layer that draws them, the channel pathways, and, once the view has
settled after its first paint, the clickable regions and the markers' hit
items. It draws itself from the `DiagramState` (`render`) when it is shown and
whenever the state changes while it is shown; nothing in it remembers a
selection of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from atlas.core import Atlas
from atlas.diagram.markers import Marker, MarkerItem, MarkerLayer
from atlas.diagram.pathways import courses_in_point_order, pathway_items, restyle
from atlas.diagram.sources import DiagramData, ViewInfo, read_regions
from atlas.diagram.state import DiagramState, MarkerState
from atlas.diagram.style import channel_colour

if TYPE_CHECKING:
    from PySide6.QtGui import QTransform
    from PySide6.QtSvg import QSvgRenderer

    from atlas.diagram.guide import GuideItem
    from atlas.diagram.labels import Label, LabelItem
    from atlas.diagram.regions import RegionItem


class ViewScene:
    """A built view: its scene, the figure's renderer (made when first needed), its items."""

    def __init__(
        self,
        info: ViewInfo,
        data: DiagramData,
        label_font: QFont,
        parent: QObject | None = None,
    ) -> None:
        self.info = info
        self.data = data
        self.scene = QGraphicsScene(parent)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # where the SVG art lies in scene coordinates: the view's box is its SVG's
        # viewBox (the generator writes both; a test holds them together)
        self.art_rect = QRectF(info.x, info.y, info.width, info.height)
        self.label_font = label_font
        self._label_metrics = QFontMetricsF(label_font)
        self._renderer: QSvgRenderer | None = None
        self.markers: list[Marker] = []
        self.labels: list[LabelItem] = []
        self.regions: list[RegionItem] = []
        self.paths: dict[str, list[QGraphicsPathItem]] = {}
        self._colours: dict[str, QColor] = {}
        self.guide: GuideItem | None = None
        self.settled = False
        # the layer's bounds also hold a marker's full disc at the view's very edge
        self.layer = MarkerLayer(self.markers, self.art_rect.adjusted(-30, -30, 30, 30))
        self.scene.addItem(self.layer)

    @property
    def renderer(self) -> QSvgRenderer:
        """The figure's SVG renderer (not needed for the first paint: a worker draws it)."""
        if self._renderer is None:
            from PySide6.QtSvg import QSvgRenderer

            self._renderer = QSvgRenderer(str(self.info.path), self.scene)
        return self._renderer

    def populate(self, atlas: Atlas | None) -> None:
        """Make the view's markers and channel pathways."""
        colours = self._colours
        along: list[tuple[str, str, int, float, float]] = []
        for placement in self.data.placements_of(self.info.id):
            point = atlas.point(placement.code) if atlas is not None else None
            channel = point.channel if point is not None else placement.code.rstrip("0123456789")
            colour = colours.get(channel)
            if colour is None:
                colour = colours[channel] = channel_colour(atlas, channel)
            self.markers.append(Marker(placement, colour, point, channel))
            if point is not None and channel != "EX":  # extra points are never joined
                along.append((channel, placement.side, point.number, placement.x, placement.y))
        self.paths = pathway_items(courses_in_point_order(along), colours)
        for items in self.paths.values():
            for item in items:
                self.scene.addItem(item)

    def settle(self, state: DiagramState) -> None:
        """Finish the scene after its first paint (or when a click needs it).

        The region outlines are read from the SVG and the markers get their scene
        items (hit area, tooltip, cursor): none of it shows before a pointer moves
        over the view, so the first paint does not wait for it. The marker layer
        starts caching its pixmap, so repaints blit it.
        """
        if self.settled:
            return
        from atlas.diagram.regions import RegionItem, polygon_path

        self.settled = True
        self.layer.cache()
        for marker in self.markers:
            self.scene.addItem(MarkerItem(marker))
        for shape in read_regions(self.info.path):
            item = RegionItem(shape.region, shape.side, polygon_path(shape.polygons))
            item.set_outlined(shape.region == state.region)
            self.scene.addItem(item)
            self.regions.append(item)

    # ------------------------------------------------------------ drawing the state

    def render(self, state: DiagramState) -> None:
        """Draw the markers, pathways, regions and guide as the state says."""
        for marker in self.markers:
            look = state.marker_state(marker.code, marker.channel)
            marker.set_state(look)
            marker.set_visible(state.marker_visible(look, marker.channel))
        self.layer.redraw()
        focus, faded = state.focus_channel, state.emphasis()
        for channel, items in self.paths.items():
            focused = channel == focus
            visible = focused or state.is_channel_visible(channel)
            restyle(items, self._colours[channel], focused, faded and not focused, visible)
        for region in self.regions:
            region.set_outlined(region.region == state.region)
        self._show_guide(state.selected)

    def _show_guide(self, code: str | None) -> None:
        if self.guide is not None:
            if self.guide.code == code:
                return
            self.scene.removeItem(self.guide)
            self.guide = None
        if code and (code, self.info.id) in self.data.measures:
            from atlas.diagram.guide import guide_for

            self.guide = guide_for(self.data, code, self.info.id, self.markers, self.label_font)
            if self.guide is not None:
                self.scene.addItem(self.guide)

    def set_marker_radius(self, radius: float) -> None:
        for marker in self.markers:
            marker.set_radius(radius)
        self.layer.redraw()

    # ------------------------------------------------------------ labels

    def layout_labels(self, device: QTransform, visible: QRectF, show_all: bool) -> None:
        """Show as many codes as fit, clear of each other, of every marker and of the
        guide's text: the selected point's always, the highlighted ones wherever
        there is room near them, and (zoomed in far enough: `show_all`) the others
        that are not dimmed where there is room beside them."""
        from atlas.diagram.labels import IF_ROOM, MUST, WANTED, Box, Label, place_labels

        ranks = {MarkerState.SELECTED: MUST, MarkerState.HIGHLIGHT: WANTED}
        obstacles = self.guide.obstacles(device) if self.guide is not None else []
        sx, sy, dx, dy = device.m11(), device.m22(), device.dx(), device.dy()
        left, top, right, bottom = visible.left(), visible.top(), visible.right(), visible.bottom()
        wanted: list[tuple[Marker, Label]] = []
        for marker in self.markers:
            x, y = marker.scene_x, marker.scene_y
            if marker.visible and left <= x <= right and top <= y <= bottom:
                cx, cy = sx * x + dx, sy * y + dy
                obstacles.append(Box.around(cx, cy, marker.outer() + 1))
                rank = ranks.get(marker.state, IF_ROOM)
                if rank != IF_ROOM or (show_all and marker.state is not MarkerState.DIMMED):
                    size = self._label(marker).size
                    gap = marker.outer() + 2
                    wanted.append((marker, Label(cx, cy, size.width(), size.height(), gap, rank)))
                    continue
            if marker.label is not None:
                marker.label.setVisible(False)
        boxes = place_labels([label for _marker, label in wanted], obstacles)
        for (marker, label), box in zip(wanted, boxes, strict=True):
            item = self._label(marker)
            if box is None:
                item.setVisible(False)
            else:
                item.place(
                    QPointF(box.left - label.x, box.top - label.y), strong=label.rank != IF_ROOM
                )
                item.setVisible(True)

    def _label(self, marker: Marker) -> LabelItem:
        """The marker's code label, made the first time it is wanted."""
        if marker.label is None:
            from atlas.diagram.labels import LabelItem

            marker.label = LabelItem(marker, self.label_font, self._label_metrics)
            self.scene.addItem(marker.label)
            self.labels.append(marker.label)
        return marker.label
