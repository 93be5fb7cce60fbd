"""Browsing docks: the channels (with pathway toggles) and the conditions."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
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
from atlas.diagram.widget import swatch

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ChannelBrowser(QWidget):
    """The channels: choose one to list its points; the box shows or hides its pathway."""

    channelChosen = Signal(str)
    channelToggled = Signal(str, bool)

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelBrowser")
        self.atlas = atlas
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
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(self._changed)
        # a channel is chosen by a click or Enter, not by moving through the list
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)

    def _changed(self, item: QListWidgetItem) -> None:
        code = item.data(CODE_ROLE)
        self.channelToggled.emit(code, item.checkState() == Qt.CheckState.Checked)

    def _choose(self, item: QListWidgetItem) -> None:
        self.channelChosen.emit(str(item.data(CODE_ROLE)))

    def set_checked(self, code: str, visible: bool) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(CODE_ROLE) == code:
                with QSignalBlocker(self.list):
                    item.setCheckState(
                        Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked
                    )

    def set_code_style(self, style: str) -> None:
        """Write the channels' codes in a code style (who, older)."""
        with QSignalBlocker(self.list):  # not a change of the check boxes
            for row, channel in enumerate(self.atlas.channels()):
                text = f"{format_channel(channel.code, style)}   {channel.english}"
                self.list.item(row).setText(text)

    def set_current(self, code: str | None) -> None:
        with QSignalBlocker(self.list):
            self.list.setCurrentRow(-1)
            for row in range(self.list.count()):
                if self.list.item(row).data(CODE_ROLE) == code:
                    self.list.setCurrentRow(row)


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
