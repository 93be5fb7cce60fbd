"""Browsing docks: the channels (with pathway toggles) and the conditions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas
from atlas.core.codes import format_channel
from atlas.core.search import fold
from atlas.diagram.panel import swatch

if TYPE_CHECKING:
    from atlas.diagram.state import DiagramState

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ChannelBrowser(QWidget):
    """The channels: choose one to list its points; the box shows or hides its pathway.

    It shows the diagram's state (`DiagramState`): each box is checked while its
    channel is shown, and the current row is the channel brought forward; ticking a
    box asks the state to show or hide the channel, and nothing else is kept here.
    """

    channelChosen = Signal(str)

    def __init__(self, atlas: Atlas, state: DiagramState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelBrowser")
        self.atlas = atlas
        self.state = state
        self.list = QListWidget(self)
        self.list.setObjectName("channelList")
        self.list.setToolTip(
            "Click a channel to list its points and bring out its pathway;"
            " the check box shows or hides the pathway on the diagram."
        )
        for channel in atlas.channels():
            item = QListWidgetItem(swatch(channel.colour), f"{channel.code}   {channel.english}")
            item.setData(CODE_ROLE, channel.code)
            item.setToolTip(f"{channel.pinyin} {channel.hanzi}\n{channel.summary}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(_checked(state.is_channel_visible(channel.code)))
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        self._show_focus(state.focus_channel or "")
        # the user's tick goes to the state; the state's change comes back as a tick
        # (the state ignores being told what it already has)
        self.list.itemChanged.connect(self._ticked)
        state.channelVisibilityChanged.connect(self._show_visibility)
        state.focusChanged.connect(self._show_focus)
        state.codeStyleChanged.connect(self._show_code_style)
        # a channel is chosen by a click or Enter, not by moving through the list
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)

    def _item(self, code: str) -> QListWidgetItem | None:
        rows = (self.list.item(row) for row in range(self.list.count()))
        return next((item for item in rows if item.data(CODE_ROLE) == code), None)

    def _ticked(self, item: QListWidgetItem) -> None:
        code = str(item.data(CODE_ROLE))
        self.state.set_channel_visible(code, item.checkState() == Qt.CheckState.Checked)

    def _show_visibility(self, code: str, visible: bool) -> None:
        item = self._item(code)
        if item is not None:
            item.setCheckState(_checked(visible))

    def _show_focus(self, code: str) -> None:
        item = self._item(code) if code else None
        self.list.setCurrentRow(self.list.row(item) if item is not None else -1)

    def _show_code_style(self, style: str) -> None:
        for row, channel in enumerate(self.atlas.channels()):
            self.list.item(row).setText(
                f"{format_channel(channel.code, style)}   {channel.english}"
            )

    def _choose(self, item: QListWidgetItem) -> None:
        self.channelChosen.emit(str(item.data(CODE_ROLE)))


def _checked(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


class ConditionBrowser(QWidget):
    """The conditions: choose one to highlight its points and list them with reasons."""

    conditionChosen = Signal(str)

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conditionBrowser")
        self.atlas = atlas
        self.filter = QLineEdit(self)
        self.filter.setObjectName("conditionFilter")
        self.filter.setPlaceholderText("Filter conditions")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("conditionList")
        for condition in atlas.conditions():
            item = QListWidgetItem(condition.name)
            item.setData(CODE_ROLE, condition.id)
            item.setToolTip(condition.summary)
            self.list.addItem(item)
        self._filter_keys: dict[str, str] = {}  # condition id -> folded words, on first use
        self.summary = QLabel(self)
        self.summary.setObjectName("conditionSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.summary, 0)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._choose_shown)
        # a condition is chosen by a click or Enter, not by moving through the list
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)

    def _filter(self, text: str) -> None:
        needle = fold(text)
        if not self._filter_keys:
            self._filter_keys = {
                c.id: fold(" ".join((c.name, *c.keywords))) for c in self.atlas.conditions()
            }
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = self._filter_keys.get(str(item.data(CODE_ROLE)), "")
            item.setHidden(bool(needle) and needle not in haystack)

    def _choose_shown(self) -> None:
        """Enter in the filter: the condition highlighted, else the first one shown."""
        current: QListWidgetItem | None = self.list.currentItem()
        if current is None or current.isHidden():
            shown = (self.list.item(r) for r in range(self.list.count()))
            current = next((item for item in shown if not item.isHidden()), None)
        if current is not None:
            self.list.setCurrentItem(current)
            self._choose(current)

    def _choose(self, item: QListWidgetItem) -> None:
        condition = self.atlas.condition(str(item.data(CODE_ROLE)))
        if condition is None:
            return
        self.summary.setText(condition.summary)
        self.summary.setVisible(True)
        self.conditionChosen.emit(condition.id)

    def choose(self, condition_id: str) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(CODE_ROLE) == condition_id:
                self.list.setCurrentItem(item)
                self._choose(item)
                return True
        return False
