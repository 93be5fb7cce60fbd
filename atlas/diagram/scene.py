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
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from atlas.core import Atlas
from atlas.core.codes import format_code
from atlas.diagram.markers import Marker, MarkerItem, MarkerLayer, label_groups
from atlas.diagram.pathways import pathway_items, restyle
from atlas.diagram.sources import DiagramData, ViewInfo, read_regions
from atlas.diagram.state import DiagramState, MarkerState
from atlas.diagram.style import channel_colour

if TYPE_CHECKING:
    from PySide6.QtGui import QTransform
    from PySide6.QtSvg import QSvgRenderer

    from atlas.diagram.cues import CueItem
    from atlas.diagram.guide import GuideItem
    from atlas.diagram.labels import Box, LabelItem
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
        self._renderers: dict[bool, QSvgRenderer] = {}
        self.markers: list[Marker] = []
        self.labels: list[LabelItem] = []
        self.regions: list[RegionItem] = []
        self.cues: list[CueItem] = []
        self.paths: dict[str, list[QGraphicsPathItem]] = {}
        self._colours: dict[str, QColor] = {}
        self.guide: GuideItem | None = None
        self.settled = False
        # the layers' bounds also hold a marker's full disc at the view's very edge
        bounds = self.art_rect.adjusted(-30, -30, 30, 30)
        self.layer = MarkerLayer(self.markers, bounds)
        self.rings = MarkerLayer(self.markers, bounds, ringed=True)
        self.scene.addItem(self.layer)
        self.scene.addItem(self.rings)  # over the dots
        self._paths_look: tuple[object, ...] = ()

    def renderer(self, anatomy: bool = True) -> QSvgRenderer:
        """The figure's SVG renderer, with or without its anatomy layer (made when first
        needed: the first paint does not need one, a worker draws it)."""
        found = self._renderers.get(anatomy)
        if found is None:
            from PySide6.QtCore import QByteArray
            from PySide6.QtSvg import QSvgRenderer

            from atlas.diagram.figure import figure_svg

            if anatomy:
                found = QSvgRenderer(str(self.info.path), self.scene)
            else:
                found = QSvgRenderer(QByteArray(figure_svg(self.info.path, anatomy)), self.scene)
            self._renderers[anatomy] = found
        return found

    def populate(self, atlas: Atlas) -> None:
        """Make the view's markers and channel pathways (the courses of the `pathways`
        table, a curve per branch and side; extra points are never joined)."""
        colours = self._colours

        def colour_of(channel: str) -> QColor:
            colour = colours.get(channel)
            if colour is None:
                colour = colours[channel] = channel_colour(atlas, channel)
            return colour

        for placement in self.data.placements_of(self.info.id):
            point = atlas.point(placement.code)
            channel = point.channel if point is not None else placement.code.rstrip("0123456789")
            self.markers.append(Marker(placement, colour_of(channel), point, channel))
        label_groups(self.markers)
        courses: dict[str, list[tuple[tuple[float, float], ...]]] = {}
        for pathway in self.data.pathways_of(self.info.id):
            colour_of(pathway.channel)
            courses.setdefault(pathway.channel, []).append(pathway.points)
        self.paths = pathway_items(courses, colours)
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
        if state.code_style != "who":
            self.set_code_style(state.code_style)
        for shape in read_regions(self.info.path):
            item = RegionItem(shape.region, shape.side, polygon_path(shape.polygons))
            item.set_outlined(shape.region == state.region)
            self.scene.addItem(item)
            self.regions.append(item)
        self._make_cues(state)

    def _make_cues(self, state: DiagramState) -> None:
        """The cues where the courses leave the view (made when the view settles)."""
        from atlas.diagram.cues import CueItem, cue_direction

        pathways = self.data.pathways_of(self.info.id)
        centre = self.art_rect.center()
        for cue in self.data.cues_of(self.info.id):
            target = self.data.view(cue.to_view)
            if target is None or cue.channel not in self._colours:
                continue
            direction = cue_direction(cue, pathways, centre)
            item = CueItem(
                cue, direction, target.short_title, self._colours[cue.channel], self.label_font
            )
            item.setVisible(self._cue_shown(cue.channel, state))
            self.scene.addItem(item)
            self.cues.append(item)

    @staticmethod
    def _cue_shown(channel: str, state: DiagramState) -> bool:
        """A channel's cues show with its course; with one channel brought forward,
        only its own."""
        focus = state.focus_channel
        return channel == focus if focus else state.is_channel_visible(channel)

    # ------------------------------------------------------------ drawing the state

    def render(self, state: DiagramState) -> None:
        """Draw the markers, pathways, regions and guide as the state says (the layers
        and paths that it leaves as they were are not drawn again)."""
        dots = rings = False
        ringed = (MarkerState.SELECTED, MarkerState.HIGHLIGHT)
        dot_states = {}
        for marker in self.markers:
            channel = marker.channel
            look = state.marker_state(marker.code, channel)
            if look is not marker.state:
                rings = rings or look in ringed or marker.state in ringed
                marker.set_state(look)
            marker.set_visible(state.marker_visible(look, channel))
            if channel not in dot_states:
                dot_states[channel] = state.dot_state(channel)
            dot = dot_states[channel]
            if dot is not marker.dot:
                marker.dot = dot
                dots = True
        if dots:
            self.layer.redraw()
        if rings:
            self.rings.redraw()
        focus, faded = state.focus_channel, state.emphasis()
        paths_look = (focus, faded, state.hidden_channels)
        if paths_look != self._paths_look:
            self._paths_look = paths_look
            for channel, items in self.paths.items():
                focused = channel == focus
                visible = focused or state.is_channel_visible(channel)
                restyle(items, self._colours[channel], focused, faded and not focused, visible)
        for region in self.regions:
            region.set_outlined(region.region == state.region)
        for cue in self.cues:
            cue.setVisible(self._cue_shown(cue.cue.channel, state))
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
        changed = [marker.set_radius(radius) for marker in self.markers]
        if any(changed):
            self.layer.redraw()
            self.rings.redraw()

    # ------------------------------------------------------------ labels

    def layout_labels(
        self, device: QTransform, visible: QRectF, bounds: Box, show_all: bool, state: DiagramState
    ) -> None:
        """Lay out every piece of text on the view at once, in device pixels, within
        `bounds` (the viewport) and clear of each other, of every marker, of the guide's
        lines and of the cues' arrows (`labels.place_labels`).

        Always shown, in this order, further out on a fine line where their own place
        is taken: the selected point's code, the guide's text, the cues' words, the
        highlighted points' codes. Where there is room beside them: the selected
        group's other locations and, zoomed in far enough (`show_all`), the points
        that are not dimmed. A group is labelled once per side, at the location
        nearest its middle."""
        from atlas.diagram.labels import IF_ROOM, MUST, Box, Label, place_labels

        sx, sy, dx, dy = device.m11(), device.m22(), device.dx(), device.dy()
        left, top, right, bottom = visible.left(), visible.top(), visible.right(), visible.bottom()
        texts = self.guide.texts(device) if self.guide is not None else []
        obstacles = self.guide.line_boxes(device) if self.guide is not None else []
        near = 80 / max(sx, 1e-6)  # a cue just out of sight may reach into it
        cues = [
            cue
            for cue in self.cues
            if cue.isVisible()
            and left - near <= cue.cue.x <= right + near
            and top - near <= cue.cue.y <= bottom + near
        ]
        for cue in cues:
            edge, cx, cy = cue.arrow_box(), sx * cue.cue.x + dx, sy * cue.cue.y + dy
            obstacles.append(Box(edge.left + cx, edge.top + cy, edge.right + cx, edge.bottom + cy))
        selected: list[tuple[Marker, Label]] = []
        others: list[tuple[Marker, Label]] = []
        for marker in self.markers:
            x, y = marker.scene_x, marker.scene_y
            if marker.visible and left <= x <= right and top <= y <= bottom:
                cx, cy = sx * x + dx, sy * y + dy
                obstacles.append(Box.around(cx, cy, marker.outer() + 1))
                rank = _rank(marker, show_all, MUST, IF_ROOM)
                if rank is not None:
                    size = self._label(marker, state.code_style).size
                    label = Label(cx, cy, size.width(), size.height(), marker.outer() + 2, rank)
                    first = rank == MUST and marker.state is MarkerState.SELECTED
                    (selected if first else others).append((marker, label))
                    continue
            if marker.label is not None:
                marker.label.setVisible(False)
        wanted = [
            *(label for _m, label in selected),
            *(text.label for text in texts),
            *(cue.text_label(sx * cue.cue.x + dx, sy * cue.cue.y + dy) for cue in cues),
            *(label for _m, label in others),
        ]
        boxes = iter(place_labels(wanted, obstacles, bounds))
        markers = [*selected, *others]
        placed = [next(boxes) for _ in selected]
        if self.guide is not None:
            self.guide.place(texts, [next(boxes) for _ in texts], device)
        for cue in cues:
            box = next(boxes)
            if box is not None:
                cue.place_text(box, sx * cue.cue.x + dx, sy * cue.cue.y + dy)
            else:
                cue.hide_words()
        for cue in self.cues:
            if cue not in cues:
                cue.hide_words()
        placed += list(boxes)
        for (marker, label), box in zip(markers, placed, strict=True):
            item = self._label(marker, state.code_style)
            if box is None:
                item.setVisible(False)
            else:
                strong = marker.state in (MarkerState.SELECTED, MarkerState.HIGHLIGHT)
                item.place(QPointF(box.left - label.x, box.top - label.y), strong)
                item.setVisible(True)

    def _label(self, marker: Marker, style: str) -> LabelItem:
        """The marker's code label, made the first time it is wanted."""
        if marker.label is None:
            from atlas.diagram.labels import LabelItem

            marker.label = LabelItem(marker, format_code(marker.code, style), self.label_font)
            self.scene.addItem(marker.label)
            self.labels.append(marker.label)
        return marker.label

    def set_code_style(self, style: str) -> None:
        """Write the codes of the labels and tooltips made so far in another style."""
        from atlas.diagram.markers import tooltip

        for marker in self.markers:
            if marker.label is not None:
                marker.label.set_text(format_code(marker.code, style))
            if marker.item is not None:
                marker.item.setToolTip(
                    tooltip(marker.point, format_code(marker.code, style), marker.part)
                )


def _rank(marker: Marker, show_all: bool, must: int, if_room: int) -> int | None:
    """How much a marker's label is wanted (of the `labels` ranks), or None: not at all."""
    state = marker.state
    if state is MarkerState.SELECTED:
        return must if marker.labelled else if_room
    if not marker.labelled:
        return None
    if state is MarkerState.HIGHLIGHT:
        return must
    return if_room if show_all and state is not MarkerState.DIMMED else None
