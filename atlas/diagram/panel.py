"""`DiagramPanel`: the diagram with its toolbar (view switcher, zoom, fit, channel
toggles), and `swatch`, the channel colour chip used in menus and lists.

The view switcher and the channel menu show the diagram's state (`DiagramState`)
and send what the user picks to it; they keep no copy of their own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas
from atlas.diagram.sources import DiagramData
from atlas.diagram.view import DiagramView


class DiagramPanel(QWidget):
    """The diagram with its toolbar: view switcher, zoom, fit and channel toggles."""

    def __init__(
        self,
        atlas: Atlas,
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
        self.view.state.viewChanged.connect(self._on_view_changed)
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        self.view.state.channelVisibilityChanged.connect(self._on_channel_visibility)
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
        if action is not None:
            action.setChecked(visible)  # toggles back onto the state, which has it: no signal

    def _on_combo(self, index: int) -> None:
        view_id = self.view_combo.itemData(index)
        if isinstance(view_id, str):
            # to the state: the view shows it (before the first paint, builds it then)
            self.view.state.set_view(view_id)

    def _on_view_changed(self, view_id: str) -> None:
        index = self.view_combo.findData(view_id)
        if index >= 0:
            self.view_combo.setCurrentIndex(index)  # back to the state: it has it already


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
