"""`DiagramView`, the body diagram: shows one view's scene at a time, and turns
zoom, gestures, clicks and the keyboard into zoom steps and signals.

What is shown (selection, highlight, focused and hidden channels, the view)
lives in `DiagramView.state`, a `DiagramState`; the methods here that change
it are thin calls onto that object, and the current scene redraws from it on
every change. Each view's scene (`ViewScene`) is built the first time the view
is shown; the first one's figure is rasterised on a worker thread.

Clicks are decided on release (a press that moves becomes a pan), so dragging
anywhere pans and a click is always a click. Markers and labels keep their
size on screen; labels are laid out again after every zoom or scroll (more
codes as you zoom in).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QWidget,
)

from atlas.core import Atlas, paths
from atlas.diagram.figure import PNG_CACHE, FigureCache, FigureKey, FigureRender
from atlas.diagram.markers import Marker, MarkerItem
from atlas.diagram.scene import ViewScene
from atlas.diagram.sources import DiagramData, Placement, ViewInfo
from atlas.diagram.state import DiagramState

if TYPE_CHECKING:
    # PySide makes a class's enum types when the class is first touched; these are
    # only met once the user zooms, pinches or opens a menu.
    from PySide6.QtGui import QContextMenuEvent, QFocusEvent

    from atlas.diagram.cues import CueItem
    from atlas.diagram.keyboard import KeyboardFocus
    from atlas.diagram.regions import RegionItem

MAX_ZOOM = 24.0  # times the fitted scale
MIN_ZOOM = 0.6
#: The zoom (times the fitted scale) a point is opened at when the view is fitted.
POINT_ZOOM = 1.6
DRAG_THRESHOLD = 4  # pixels


class DiagramView(QGraphicsView):
    """The body diagram. Signals carry point codes and region ids."""

    pointClicked = Signal(str)
    regionClicked = Signal(str)
    addToPlanRequested = Signal(str)
    #: A view's scene is shown (its id).
    viewChanged = Signal(str)
    channelVisibilityChanged = Signal(str, bool)
    zoomChanged = Signal(float)
    #: The keyboard's focus moved: what it is on, in words ("" when it is cleared).
    keyboardFocusChanged = Signal(str)
    #: The first paint that shows a view (start-up is over; `atlas --exit-when-ready`).
    firstPainted = Signal()

    def __init__(
        self,
        atlas: Atlas,
        parent: QWidget | None = None,
        *,
        data: DiagramData | None = None,
        views_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagramView")
        self.atlas = atlas
        self.data = data if data is not None else DiagramData.from_atlas(atlas, views_dir)
        #: What the diagram shows; every scene draws from it.
        self.state = DiagramState(self.data.views[0].id if self.data.views else None, self)
        self._scenes: dict[str, ViewScene] = {}
        self._current: ViewScene | None = None
        self._fitted = True
        self._press: QPoint | None = None
        self._dragging = False
        self._painted = False
        self._figure_render: FigureRender | None = None
        self._figure_to_store: FigureRender | None = None
        #: The figure rendered at the sizes in use: a zoom seen before, or a scroll,
        #: only copies pixels.
        self.figures = FigureCache()
        self._labels_posted = False
        self._keys: KeyboardFocus | None = None  # made when a key first needs it
        self._label_font = QFont(self.font())
        self._label_font.setPointSizeF(max(7.5, self._label_font.pointSizeF() * 0.82))
        self._labels_timer = QTimer(self)
        self._labels_timer.setSingleShot(True)
        self._labels_timer.setInterval(15)
        self._labels_timer.timeout.connect(self.layout_labels)
        self._empty_scene = QGraphicsScene(self)
        self.setScene(self._empty_scene)
        # A viewport made here, so PySide knows its type: wrapping the one Qt makes (for
        # viewport(), or the widget passed to a Python paint()) first creates a wrapper
        # type for every QWidget subclass.
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
            " to zoom, drag to pan; + and - zoom, 0 fits the figure. From the keyboard: the"
            " arrow keys move between the points, Tab steps through the regions and the"
            " cues to other views, Enter opens or lists or follows, Escape clears;"
            " Ctrl+Tab leaves the diagram."
        )
        state = self.state
        for changed in (
            state.selectionChanged,
            state.highlightChanged,
            state.focusChanged,
            state.channelVisibilityChanged,
        ):
            changed.connect(self._render)
        state.channelVisibilityChanged.connect(self.channelVisibilityChanged)
        state.viewChanged.connect(self._state_view_changed)
        state.anatomyChanged.connect(self._redraw_figure)
        state.codeStyleChanged.connect(self._restyle_codes)
        # The first view is built right after the first paint (start-up stays light);
        # any call that needs a scene before then builds it at once.
        if state.view is not None:
            QTimer.singleShot(0, self._load_initial_view)

    def set_initial_view(self, name: str) -> None:
        """The view to show first (before the first one is built); else it is shown now."""
        if self._current is None and self.data.view(name) is not None:
            self.state.set_view(name)
        else:
            self.set_view(name)

    def _load_initial_view(self) -> None:
        if self._current is None and self.state.view is not None:
            self._show(self.state.view)

    def _ensure_view(self) -> None:
        if self._current is None:
            self._load_initial_view()

    # ------------------------------------------------------------ views

    def views(self) -> list[str]:
        """The ids of the views, in display order."""
        return [v.id for v in self.data.views]

    def view_info(self, view_id: str) -> ViewInfo | None:
        return self.data.view(view_id)

    def current_view(self) -> str | None:
        return self.state.view

    def set_view(self, name: str) -> bool:
        """Show a view by id; returns False for an unknown view."""
        if self.data.view(name) is None:
            return False
        self.state.set_view(name)
        self._show(name)  # also when the state had it, but its scene is not shown yet
        return True

    def _state_view_changed(self, name: str) -> None:
        if self._current is not None and self.data.view(name) is not None:
            self._show(name)  # before the first scene is built, the state only records it

    def _show(self, name: str) -> None:
        """Put a view's scene in the window (built the first time), drawn from the state."""
        if self._current is not None and self._current.info.id == name:
            return
        info = self.data.view(name)
        if info is None:
            return
        built = self._scenes.get(name)
        fresh = built is None
        if built is None:
            built = self._scenes[name] = ViewScene(info, self.data, self._label_font, self)
        if self._keys is not None:
            self._keys.clear()
        self._current = built
        self.setScene(built.scene)
        self.fit()
        if fresh:
            if not self._painted and self.isVisible():
                # the figure rasterises on a worker while the markers are made
                self._figure_render = FigureRender(
                    info.path,
                    self._figure_key(built, self._scale()).size(),
                    paths.cache_dir() / "figures" if PNG_CACHE else None,
                    anatomy=self.state.anatomy,
                )
            built.populate(self.atlas)
            built.set_marker_radius(self._marker_radius())
        self._render()
        self.viewChanged.emit(name)

    def _render(self) -> None:
        if self._current is not None:
            self._current.render(self.state)
            self._labels_soon()
            if self._keys is not None:
                self._keys.still_there()

    # ------------------------------------------------------------ points

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
        self.state.highlight(codes)

    def highlighted(self) -> set[str]:
        return set(self.state.highlighted)

    def selected(self) -> str | None:
        return self.state.selected

    def select(self, code: str | None, *, centre: bool = True) -> bool:
        """Select a point: switch to a view showing it if needed, centre and highlight it.

        Returns False when no view shows the point (it is still remembered as selected).
        """
        self._ensure_view()
        view = self._view_for(code) if code else None
        if view is not None:
            self.set_view(view)
        self.state.select(code)
        if view is None:
            return False
        if centre:
            self.centre_on(code or "")
        return True

    def _view_for(self, code: str) -> str | None:
        """The current view if it shows the point, else the first (body view) that does."""
        current = self.current_view()
        if current is not None and any(p.code == code for p in self.data.placements_of(current)):
            return current
        showing = self.data.views_showing(code)
        body = [v for v in showing if (info := self.data.view(v)) and info.is_body]
        return next(iter(body or showing), None)

    def centre_on(self, code: str) -> None:
        markers = [m for m in (self._current.markers if self._current else []) if m.code == code]
        if not markers:
            return
        if self._fitted and self.zoom_factor() < POINT_ZOOM:
            self.zoom_by(POINT_ZOOM / self.zoom_factor())
        # both sides of a bilateral point: centre between them if they fit, else the first
        target = markers[0].pos()
        if len(markers) > 1:
            mid = (markers[0].pos() + markers[1].pos()) / 2
            span = abs(markers[0].pos().x() - markers[1].pos().x()) * self._scale()
            target = mid if span < self._viewport_size().width() * 0.8 else target
        self.centerOn(target)
        self._labels_soon()

    def set_focus_channel(self, channel: str | None) -> None:
        """Bring one channel's pathway forward (thicker; the others fade)."""
        self.state.set_focus_channel(channel)

    def focus_channel(self) -> str | None:
        return self.state.focus_channel

    def set_channel_visible(self, channel: str, visible: bool) -> None:
        self.state.set_channel_visible(channel, visible)

    def is_channel_visible(self, channel: str) -> bool:
        return self.state.is_channel_visible(channel)

    def hidden_channels(self) -> set[str]:
        return set(self.state.hidden_channels)

    def set_code_style(self, style: str) -> None:
        """Write the codes on the diagram in a style of `atlas.core.codes.CODE_STYLES`:
        'who' (LR3, BL40) or 'older' (LIV3, UB40)."""
        self.state.set_code_style(style)

    def _restyle_codes(self, style: str) -> None:
        for built in self._scenes.values():
            built.set_code_style(style)
        self._labels_soon()

    def pathway_channels(self) -> list[str]:
        """The channels whose course the current view draws."""
        self._ensure_view()
        return list(self._current.paths) if self._current else []

    def channel_path_items(self, channel: str) -> list[QGraphicsPathItem]:
        self._ensure_view()
        return list(self._current.paths.get(channel, [])) if self._current else []

    def texts_shown(self) -> list[tuple[str, QRectF]]:
        """Every piece of text in sight, with its box in viewport pixels: the points'
        codes, the measuring guide's text and the cues' words."""
        self._ensure_view()
        built = self._current
        if built is None:
            return []
        device = self.viewportTransform()
        shown = [
            (label.text, label.rect().translated(device.map(label.pos())))
            for label in built.labels
            if label.isVisible()
        ]
        if built.guide is not None:
            shown += built.guide.placed(device)
        for cue in built.cues:
            if cue.isVisible() and cue.words_shown:
                shown.append((cue.view_name, cue.text_rect().translated(device.map(cue.pos()))))
        sight = QRectF(self.viewport().rect())
        return [(text, box) for text, box in shown if box.intersects(sight)]

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
        self._labels_soon()
        if self._painted:
            self._prefetch_figures()

    def _prefetch_figures(self) -> None:
        """Have the figure rendered, on the worker, at the fitted zoom and at the zoom
        a point opens at, for the next paints."""
        if self._current is not None:
            fitted = self.fit_scale()
            for scale in (fitted, fitted * POINT_ZOOM):
                self.figures.request(self._figure_key(self._current, scale))

    def zoom_in(self) -> None:
        self.zoom_by(1.25)
        self._labels_soon()

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.25)
        self._labels_soon()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom by a factor (within MIN_ZOOM and MAX_ZOOM of the fitted view), keeping
        the scene point under `anchor` (a viewport position; default the centre) still."""
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
        self._after_zoom()

    def _after_zoom(self) -> None:
        if self._current is not None:
            self._current.set_marker_radius(self._marker_radius())
        self.zoomChanged.emit(self.zoom_factor())
        self._schedule_labels()

    def _marker_radius(self) -> float:
        """Markers grow a little as the neighbours move apart on screen."""
        assert self._current is not None
        spacing = self._scale() * self._current.info.spacing
        return max(3.0, min(6.0, 2.2 + spacing * 0.12))

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta == 0:
            event.ignore()
            return
        self.zoom_by(math.pow(1.0015, delta), event.position().toPoint())
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
            self.zoom_by(1.0 + event.value(), event.position().toPoint())
            return True
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            from PySide6.QtWidgets import QPinchGesture

            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), centre)
                event.accept(pinch)
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from atlas.diagram.keyboard import ARROWS

        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key in ARROWS and plain:
            self.keyboard_focus().move(ARROWS[Qt.Key(key)])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape) and (
            self._keys is not None and self._keys.active
        ):
            if key == Qt.Key.Key_Escape:
                self._keys.clear()
            else:
                self._keys.activate()
        elif (
            key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.keyboard_focus().clear()  # Ctrl+Tab: out of the diagram at once
            super().focusNextPrevChild(
                key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            )
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------ the keyboard's focus

    def keyboard_focus(self) -> KeyboardFocus:
        """What the keys act on (a point, a region or a cue; made when first needed)."""
        if self._keys is None:
            from atlas.diagram.keyboard import KeyboardFocus

            self._ensure_view()
            self._keys = KeyboardFocus(self)
        return self._keys

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab step through the regions and cues, then leave the diagram."""
        if self.hasFocus() and self._current is not None and self.keyboard_focus().step(next):
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        tabbed = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if tabbed and self._current is not None:
            # arriving by Tab is the first of the Tab stops (by Shift+Tab, the last)
            self.keyboard_focus().step(reason == Qt.FocusReason.TabFocusReason)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._keys is not None and event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.MenuBarFocusReason,
        ):
            self._keys.clear()

    def announce(self, text: str) -> None:
        """Say where the keyboard's focus is: the accessible name, and the signal the
        window's status bar shows."""
        info = self.data.view(self.state.view or "")
        where = f"Body diagram, {info.title} view" if info is not None else "Body diagram"
        self.setAccessibleName(f"{where}: {text}" if text else "Body diagram")
        self.keyboardFocusChanged.emit(text)

    def code_text(self, code: str) -> str:
        """A code as the diagram writes it (in the code style chosen)."""
        from atlas.core.codes import format_code

        return format_code(code, self.state.code_style)

    def region_name(self, region: str) -> str:
        found = self.atlas.region(region)
        return found.name if found is not None else region.replace("_", " ").capitalize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
        else:
            self._schedule_labels()

    # ------------------------------------------------------------ mouse

    def item_at(self, pos: QPoint) -> MarkerItem | CueItem | RegionItem | None:
        """The marker or cue (first) or the region under a viewport position."""
        from atlas.diagram.cues import CueItem  # loaded when the view settles
        from atlas.diagram.regions import RegionItem

        self._settle()
        region: RegionItem | None = None
        for item in self.items(pos):
            if isinstance(item, MarkerItem | CueItem) and item.isVisible():
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
                self._act_on(self.item_at(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _act_on(self, item: MarkerItem | CueItem | RegionItem | None) -> None:
        """A click (or Enter) on an item: open the point, follow the cue, list the region."""
        from atlas.diagram.cues import CueItem

        if isinstance(item, MarkerItem):
            self.pointClicked.emit(item.code)
        elif isinstance(item, CueItem):
            self.follow_cue(item.cue.channel, item.to_view)
        elif item is not None:
            self.list_region(item.region)

    def cues(self) -> list[CueItem]:
        """Where the courses on the current view go on to other views (read now if pending)."""
        self._ensure_view()
        self._settle()
        return list(self._current.cues) if self._current is not None else []

    def follow_cue(self, channel: str, view: str) -> None:
        """Go on along a channel to another view: show it with the channel brought forward."""
        self.state.set_focus_channel(channel)
        self.set_view(view)

    def list_region(self, region: str) -> None:
        """Ask for a region's points to be listed (as a click on it does)."""
        self.regionClicked.emit(region)
        if self.state.highlighted:  # its points, as the listeners highlighted them
            self.state.highlight(self.state.highlighted, region)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.item_at(event.position().toPoint()) is None:
            self.fit()
            event.accept()
            return
        self.mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        from atlas.diagram.cues import CueItem

        item = self.item_at(event.pos())
        menu = QMenu(self)
        if isinstance(item, MarkerItem):
            code = item.code
            menu.addAction(f"Open {code}", lambda: self.pointClicked.emit(code))
            menu.addAction(f"Add {code} to the plan", lambda: self.addToPlanRequested.emit(code))
            menu.addSeparator()
        elif isinstance(item, CueItem):
            cue = item
            menu.addAction(cue.toolTip(), lambda: self._act_on(cue))
            menu.addSeparator()
        elif item is not None:
            region = item.region
            menu.addAction(
                f"List the points of the {self.region_name(region).lower()}",
                lambda: self.list_region(region),
            )
            menu.addSeparator()
        menu.addAction("Zoom in", self.zoom_in)
        menu.addAction("Zoom out", self.zoom_out)
        menu.addAction("Fit to window", self.fit)
        menu.exec(event.globalPos())

    # ------------------------------------------------------------ settling

    def region_items(self) -> list[RegionItem]:
        """The clickable regions of the current view (read now if still pending)."""
        self._ensure_view()
        self._settle()
        return list(self._current.regions) if self._current is not None else []

    def _settle(self) -> None:
        """Finish the current view after its first paint (or when a click needs it)."""
        if self._figure_to_store is not None:
            self._figure_to_store.store()
            self._figure_to_store = None
        if self._current is not None and not self._current.settled:
            self._current.settle(self.state)
            self._labels_soon()  # the labels keep clear of the cues it made

    # ------------------------------------------------------------ labels

    def _schedule_labels(self) -> None:
        """Lay the labels out once the scrolling or zooming pauses (a drag or a run of
        wheel steps lays them out once)."""
        if not self._labels_posted:
            self._labels_timer.start()

    def _labels_soon(self) -> None:
        """Lay the labels out before the next paint, once the change in hand is done
        (a zero-time single shot is a posted event, handled before the paint's)."""
        self._labels_timer.stop()
        if not self._labels_posted:
            self._labels_posted = True
            QTimer.singleShot(0, self, self.layout_labels)

    def layout_labels(self) -> None:
        """Lay the current view's labels out for the zoom and scroll now shown (this
        happens by itself shortly after every change; call it to have it at once)."""
        self._labels_timer.stop()
        self._labels_posted = False
        built = self._current
        if built is None:
            return
        from atlas.diagram.labels import Box

        if self._painted:  # the zoom is in use: have the figure rendered at it
            self.figures.request(self._figure_key(built, self._scale()))
        rect = self.viewport().rect()
        visible = self.mapToScene(rect).boundingRect()
        show_all = self._scale() * built.info.spacing >= 16.0
        bounds = Box(0, 0, rect.width(), rect.height())
        built.layout_labels(self.viewportTransform(), visible, bounds, show_all, self.state)

    # ------------------------------------------------------------ the backdrop and figure

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._set_backdrop()  # the backdrop colour follows the theme
        super().changeEvent(event)

    def _set_backdrop(self) -> None:
        base = self.palette().color(QPalette.ColorRole.Base)
        self.setBackgroundBrush(QColor("#f4f6f9") if base.lightness() > 128 else base.darker(115))
        self.resetCachedContent()

    def _redraw_figure(self) -> None:
        """Draw the figure afresh (the anatomy layer was switched)."""
        self._figure_render = None  # a worker's image has the layer as it was
        self.resetCachedContent()
        self.viewport().update()

    def _figure_key(self, built: ViewScene, scale: float) -> FigureKey:
        """A scene's figure at a scale, in device pixels."""
        ratio = self.devicePixelRatioF() * scale
        art = built.info
        return FigureKey(
            art.path, round(art.width * ratio), round(art.height * ratio), self.state.anatomy
        )

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The backdrop and the figure. The figure comes from `figures` when it has
        been rendered at this zoom (the part exposed is copied), else from the first
        figure's worker at start-up, else it is drawn from the SVG while the worker
        renders it for the next paint. The view caches the result (CacheBackground)
        and scrolls that cache, so a repaint or a scroll draws at most the strip
        uncovered."""
        super().drawBackground(painter, rect)  # the backdrop: the background brush
        built = self._current
        if built is None:
            return
        key = self._figure_key(built, self._scale())
        image = self.figures.image(key)
        first, self._figure_render = self._figure_render, None
        if image is None and first is not None:  # rasterised at start-up on a worker
            image = first.image(key.size())
            if image is not None:
                self._figure_to_store = first  # see _settle
                self.figures.put(key, image)
        if image is None:
            built.renderer(self.state.anatomy).render(painter, built.art_rect)
            return
        ratio = self.devicePixelRatioF()
        image.setDevicePixelRatio(ratio)
        # whole pixels: the image is copied, never resampled
        device = self.viewportTransform()
        corner = device.map(built.art_rect.topLeft())
        origin = QPoint(round(corner.x()), round(corner.y()))
        placed = QRectF(QPointF(origin), image.deviceIndependentSize()).toAlignedRect()
        exposed = device.mapRect(QRectF(rect)).toAlignedRect() & placed
        if exposed.isEmpty():
            return
        source = exposed.translated(-origin)
        painter.save()
        painter.resetTransform()
        painter.drawImage(
            exposed,
            image,
            QRect(
                round(source.x() * ratio),
                round(source.y() * ratio),
                round(source.width() * ratio),
                round(source.height() * ratio),
            ),
        )
        painter.restore()
