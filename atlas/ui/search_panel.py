"""The search panel: the search field, the filters and the results list.

The list shows one thing at a time (`ListMode`): what the field and filters ask
for, a body region's or a channel's points, a condition's points with the reason
for each, or the favourites. The panel lists; the main window decides what the
diagram highlights.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas
from atlas.core.atlas import PointFilter
from atlas.core.codes import format_channel
from atlas.ui.models import PointListModel, Row, show_points

SEARCH_LIMIT = 100

#: Keys in the search field that move through the results (rows per press).
_MOVES: dict[int, int] = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -10,
    Qt.Key.Key_PageDown: 10,
}


class ListMode(Enum):
    """What the results list shows."""

    SEARCH = "search"  # what the search field and the filters ask for
    REGION = "region"  # a body region's points (a click on the diagram)
    CHANNEL = "channel"  # a channel's points, in order
    CONDITION = "condition"  # a condition's points, each with its reason
    FAVOURITES = "favourites"  # the user's favourite points


class SearchPanel(QWidget):
    """Search field, channel, region, category and caution filters, and the list of points.

    `current_code` is the point open in the window: the list selects it whenever
    it lists it.
    """

    pointChosen = Signal(str)  # open this point
    addToPlanRequested = Signal(list)  # these codes
    searchListed = Signal()  # a search (no channel or region) is listed: nothing to highlight

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.atlas = atlas
        self.mode = ListMode.SEARCH
        self.current_code: str | None = None

        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText("Search codes, names, symptoms…")
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(
            "Type a code (LI4, li-4, UB40), a name (Hegu, 合谷, Union Valley),"
            " a symptom or a condition (Ctrl+F)"
        )
        self.edit.setAccessibleName("Search")

        self.channel_filter = self._filter("channelFilter", "All channels")
        for channel in atlas.channels():
            self.channel_filter.addItem(f"{channel.code}  {channel.english}", channel.code)
        self.region_filter = self._filter("regionFilter", "All regions")
        for region in atlas.regions():
            self.region_filter.addItem(region.name, region.id)
        self.category_filter = self._filter("categoryFilter", "All categories")
        for category in atlas.categories():
            self.category_filter.addItem(category.name, category.id)
        # a flag kept ("+pregnancy") or left out ("-pregnancy")
        self.caution_filter = self._filter("cautionFilter", "Any cautions")
        flags = atlas.caution_flags()
        for sign, words in (("+", "Flagged for"), ("-", "Not flagged for")):
            self.caution_filter.insertSeparator(self.caution_filter.count())
            for flag in flags:
                self.caution_filter.addItem(f"{words} {flag.name}", f"{sign}{flag.id}")
        for combo, tip in (
            (self.channel_filter, "Only points of this channel"),
            (self.region_filter, "Only points in this body region"),
            (self.category_filter, "Only points of this category"),
            (
                self.caution_filter,
                "Only the points flagged with a caution, or only those without it",
            ),
        ):
            combo.setToolTip(tip)

        self.label = QLabel("Type to search, or choose a channel, region or condition.", self)
        self.label.setObjectName("resultsLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Clear the search, the filters and the highlights")
        self.clear_button.setAutoRaise(True)

        self.model = PointListModel(atlas, self)
        self.list = QListView(self)
        self.list.setObjectName("resultsView")
        show_points(self.list, self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setAccessibleName("Results")

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.channel_filter, 0, 0, 1, 2)
        grid.addWidget(self.region_filter, 1, 0)
        grid.addWidget(self.category_filter, 1, 1)
        grid.addWidget(self.caution_filter, 2, 0, 1, 2)
        label_row = QHBoxLayout()
        label_row.addWidget(self.label, 1)
        label_row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.edit)
        layout.addLayout(grid)
        layout.addLayout(label_row)
        layout.addWidget(self.list, 1)

        # A search runs once the keys already waiting are handled: one search for a
        # burst of keys (pasted or typed ahead), and within the frame of the last one.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self.edit.installEventFilter(self)

        self.edit.textChanged.connect(self._typed)
        self.edit.returnPressed.connect(self._open_current)
        self._timer.timeout.connect(self.refresh)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._filters_changed)
        self.clear_button.clicked.connect(self.clear)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.list.customContextMenuRequested.connect(self._menu)

    def _filter(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, "")
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # ---------------------------------------------------------------- reading

    def codes(self) -> list[str]:
        """The codes listed, in order."""
        return self.model.codes()

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def set_names(self, names: list[str]) -> None:
        self.model.set_names(names)
        self.list.doItemsLayout()

    def set_code_style(self, style: str) -> None:
        """Write codes in a code style (who, older): the rows, the channel filter."""
        self.model.set_code_style(style)
        for channel in self.atlas.channels():
            self.channel_filter.setItemText(
                self.channel_filter.findData(channel.code),
                f"{format_channel(channel.code, style)}  {channel.english}",
            )

    def select(self, code: str | None) -> None:
        """Make code the current point, and select its row if it is listed."""
        self.current_code = code
        row = self.model.row_of(code) if code is not None else -1
        if row >= 0:
            with QSignalBlocker(self.list.selectionModel()):
                self.list.setCurrentIndex(self.model.index(row))

    # ---------------------------------------------------------------- listing

    def refresh(self) -> None:
        """List what the search field and filters ask for."""
        self._timer.stop()
        if self.mode is ListMode.CONDITION:
            return
        query = self.edit.text().strip()
        wanted = self._filters()
        among = self._describe(wanted)
        try:
            if query:
                results = self.atlas.search(query, **wanted._asdict(), limit=SEARCH_LIMIT)
                rows = [Row(r.point, _match_note(r.match)) for r in results]
                count = len(rows)
                label = (
                    f"{count} result{'s' if count != 1 else ''} for “{query}”"
                    + "".join(f" · {part}" for part in among)
                    if count
                    else f"Nothing found for “{query}”"
                    + (f" ({' · '.join(among)})" if among else "")
                    + ". Try a code, a name or a symptom."
                )
            else:
                rows = [Row(p) for p in self.atlas.points(*wanted)]
                label = self._browse_label(len(rows), wanted, among)
        except ValueError as exc:  # an unknown filter value: never reaches the user as a trace
            rows, label = [], f"Cannot list: {exc}"
        self.model.set_rows(rows)
        self.label.setText(label)
        if self.mode is ListMode.SEARCH and not (wanted.channel or wanted.region):
            self.searchListed.emit()
        self.select(self.current_code)

    def list_region(self, region: str) -> list[str]:
        """A body region's points; returns their codes."""
        return self._list_filtered(ListMode.REGION, region=region)

    def list_channel(self, channel: str) -> list[str]:
        """A channel's points, in order; returns their codes."""
        return self._list_filtered(ListMode.CHANNEL, channel=channel)

    def list_condition(self, condition_id: str) -> list[str]:
        """A condition's points, each with the reason it is used; returns their codes."""
        condition = self.atlas.condition(condition_id)
        if condition is None:
            return []
        self._start(ListMode.CONDITION)
        rows = []
        for member in condition.points:
            point = self.atlas.point(member.code)
            if point is not None:
                rows.append(Row(point, member.reason))
        self.model.set_rows(rows)
        self.label.setText(f"{condition.name}: {len(rows)} points, each with the reason it is used")
        self.select(self.current_code)
        return self.codes()

    def list_favourites(self, codes: list[str]) -> list[str]:
        """The favourite points (those of codes the atlas knows); returns their codes."""
        self._start(ListMode.FAVOURITES)
        points = [p for p in (self.atlas.point(c) for c in codes) if p is not None]
        self.model.set_rows([Row(p) for p in points])
        self.label.setText(
            f"{len(points)} favourite point{'s' if len(points) != 1 else ''}"
            if points
            else "No favourites yet: use the star beside a point's name."
        )
        return self.codes()

    def clear(self) -> None:
        """No query, no filters: the search list again."""
        self._start(ListMode.SEARCH)
        self.refresh()

    def _start(self, mode: ListMode) -> None:
        """A new listing: the query and the filters cleared."""
        self._clear_query()
        self._set_filters()
        self.mode = mode

    def _list_filtered(self, mode: ListMode, channel: str = "", region: str = "") -> list[str]:
        self._clear_query()
        self._set_filters(channel=channel, region=region)
        self.mode = mode
        self.refresh()
        return self.codes()

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.channel_filter, self.region_filter, self.category_filter, self.caution_filter)

    def _filters(self) -> PointFilter:
        """The filters chosen (the ids the atlas knows; None where any will do)."""
        caution = str(self.caution_filter.currentData() or "")
        return PointFilter(
            self.channel_filter.currentData() or None,
            self.region_filter.currentData() or None,
            self.category_filter.currentData() or None,
            caution[1:] if caution.startswith("+") else None,
            caution[1:] if caution.startswith("-") else None,
        )

    def _set_filters(self, channel: str = "", region: str = "") -> None:
        for combo, value in zip(self._combos(), (channel, region, "", ""), strict=True):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(value)))

    def _clear_query(self) -> None:
        with QSignalBlocker(self.edit):
            self.edit.clear()
        self._timer.stop()

    def _describe(self, wanted: PointFilter) -> list[str]:
        """The filters in words, for the label: ["Lung Meridian", "flagged for Pregnancy"]."""
        atlas = self.atlas
        channel = atlas.channel(wanted.channel) if wanted.channel else None
        region = atlas.region(wanted.region) if wanted.region else None
        category = atlas.category(wanted.category) if wanted.category else None
        parts = [
            channel.english if channel else wanted.channel,
            region.name if region else wanted.region,
            category.name if category else wanted.category,
        ]
        for flag_id, words in (
            (wanted.caution, "flagged for"),
            (wanted.without_caution, "not flagged for"),
        ):
            flag = atlas.caution_flag(flag_id) if flag_id else None
            parts.append(f"{words} {flag.name if flag else flag_id}" if flag_id else None)
        return [part for part in parts if part]

    def _browse_label(self, count: int, wanted: PointFilter, among: list[str]) -> str:
        points = f"{count} point{'s' if count != 1 else ''}"
        if len(among) == 1 and self.mode is ListMode.REGION and wanted.region:
            return f"{points} in the {among[0].lower()} region"
        if len(among) == 1 and self.mode is ListMode.CHANNEL and wanted.channel:
            return f"{among[0]}: {points}, in order"
        if not among:
            return f"All {count} points. Type to search."
        return f"{points}: {' · '.join(among)}"

    # ---------------------------------------------------------------- the user

    def _typed(self, _text: str) -> None:
        self.mode = ListMode.SEARCH
        self._timer.start()

    def _filters_changed(self, _index: int) -> None:
        wanted = self._filters()
        if (
            self.mode in (ListMode.CONDITION, ListMode.FAVOURITES)
            or (self.mode is ListMode.CHANNEL and not wanted.channel)
            or (self.mode is ListMode.REGION and not wanted.region)
        ):
            self.mode = ListMode.SEARCH
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # arrow and page keys in the search field move through the results
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = _MOVES.get(event.key())
            if step is not None:
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        row = self.list.currentIndex().row()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.list.setCurrentIndex(self.model.index(row))

    def _activated(self, index: QModelIndex) -> None:
        point = self.model.point_at(index.row())
        if point is not None:
            self.pointChosen.emit(point.code)

    def _open_current(self) -> None:
        if self._timer.isActive():  # Enter before the search has run
            self.refresh()
        row = self.list.currentIndex().row()
        point = self.model.point_at(row if row >= 0 else 0)
        if point is not None:
            self.pointChosen.emit(point.code)

    def _menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        point = self.model.point_at(index.row()) if index.isValid() else None
        if point is None:
            return
        code, shown = point.code, self.model.shown_code(point.code)
        menu = QMenu(self)
        menu.addAction(f"Open {shown}", lambda: self.pointChosen.emit(code))
        menu.addAction(f"Add {shown} to the plan", lambda: self.addToPlanRequested.emit([code]))
        menu.addAction(
            "Add all listed points to the plan",
            lambda: self.addToPlanRequested.emit(self.codes()),
        )
        menu.exec(self.list.viewport().mapToGlobal(pos))


def _match_note(match: str) -> str:
    """How a result matched, shown under it (nothing for a code or a name)."""
    return "" if match in ("code", "name") else match
