"""The Tables view: the category tables across all channels side by side (the five
transporting points, yuan-source, luo-connecting, xi-cleft, front-mu and back-shu), a
row per channel, each cell opening its point.

Made when first opened (Go > Category Tables): start-up shows none of it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas
from atlas.core.codes import CODE_STYLES, format_channel, format_code
from atlas.ui.settings import fit_onto

_Index = QModelIndex | QPersistentModelIndex


class CategoryTableModel(QAbstractTableModel):
    """`Atlas.category_table()` as a read-only table: a row per channel (or vessel), a
    column per category; a cell shows its points' codes (in the code style chosen) and
    pinyin names."""

    def __init__(self, atlas: Atlas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.table = atlas.category_table()
        self._code_style = CODE_STYLES[0]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.categories)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        codes = self.codes_at(index)
        if not codes:
            return None
        points = [p for p in map(self.atlas.point, codes) if p is not None]
        shown = [self.shown_code(p.code) for p in points]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{' · '.join(shown)}\n{' · '.join(p.pinyin_tones for p in points)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                f"{code} {p.pinyin_tones} {p.hanzi}: {p.english}"
                for code, p in zip(shown, points, strict=True)
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(f"{code} {p.pinyin}" for code, p in zip(shown, points, strict=True))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.table.categories):
                return None
            category = self.table.categories[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return category.name.removesuffix(" point")
            if role == Qt.ItemDataRole.ToolTipRole:
                return category.summary
            return None
        if not 0 <= section < len(self.table.rows):
            return None
        row = self.table.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.channel is None:
                return row.name
            return f"{format_channel(row.channel, self._code_style)}  {row.name}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -------------------------------------------------------- ours

    def codes_at(self, index: _Index) -> tuple[str, ...]:
        """The codes of a cell (WHO form), in atlas order."""
        if not index.isValid() or index.row() >= len(self.table.rows):
            return ()
        cells = self.table.rows[index.row()].cells
        return cells[index.column()] if index.column() < len(cells) else ()

    def find(self, code: str) -> QModelIndex:
        """The first cell holding a point (an invalid index if none does)."""
        for r, row in enumerate(self.table.rows):
            for c, cell in enumerate(row.cells):
                if code in cell:
                    return self.index(r, c)
        return QModelIndex()

    def set_code_style(self, style: str) -> None:
        """Show codes in a code style of `atlas.core.codes.CODE_STYLES`."""
        if style not in CODE_STYLES:
            raise ValueError(f"unknown code style {style!r}")
        if style != self._code_style:
            self._code_style = style
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def shown_code(self, code: str) -> str:
        return format_code(code, self._code_style)


class TablesView(QWidget):
    """The Tables window: the table, and a line on how to use it. A click or Enter on a
    cell asks for its point (`pointChosen`); a cell with two points offers both."""

    pointChosen = Signal(str)

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("tablesView")
        self.setWindowTitle("Category Tables · Acupoint Atlas")
        self.model = CategoryTableModel(atlas, self)
        self.table = QTableView(self)
        self.table.setObjectName("categoryTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Point tables")
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        hint = QLabel(
            "A row per channel, a column per category. Click a point, or move with the"
            " arrow keys and press Enter, to open it.",
            self,
        )
        hint.setObjectName("tablesHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

        close = QAction("Close", self)
        close.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Esc")])
        close.triggered.connect(self.close)
        self.addAction(close)
        self.table.activated.connect(self._open)
        self.table.clicked.connect(self._clicked)
        self.table.setCurrentIndex(self.model.index(0, 0))
        self.setGeometry(fit_onto(self.screen().availableGeometry(), self.sizeHint()))

    def sizeHint(self) -> QSize:
        """Room for the whole table: the window opens at this size, fitted onto the screen."""
        table = self.table
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        edges = 2 * table.frameWidth() + 12  # and room for a bold header (the current cell's)
        whole = QSize(
            table.verticalHeader().sizeHint().width() + table.horizontalHeader().length() + edges,
            table.horizontalHeader().sizeHint().height() + table.verticalHeader().length() + edges,
        )
        return super().sizeHint() - table.sizeHint() + whole

    def set_code_style(self, style: str) -> None:
        self.model.set_code_style(style)

    def show_cell_of(self, code: str) -> None:
        """Make the cell holding a point the current one (nothing if no cell does)."""
        index = self.model.find(code)
        if index.isValid():
            self.table.setCurrentIndex(index)

    def _clicked(self, index: QModelIndex) -> None:
        # where the style opens an item on a single click, activated has already done it
        if not self.style().styleHint(QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick):
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        codes = self.model.codes_at(index)
        if len(codes) == 1:
            self.pointChosen.emit(codes[0])
        elif codes:
            self._offer(index, codes)

    def _offer(self, index: QModelIndex, codes: tuple[str, ...]) -> None:
        """A menu under the cell, one item per point."""
        menu = QMenu(self)
        menu.setObjectName("tablesCellMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for code in codes:
            point = self.model.atlas.point(code)
            name = f" {point.pinyin_tones}" if point is not None else ""
            action = menu.addAction(f"Open {self.model.shown_code(code)}{name}")
            action.triggered.connect(lambda _=False, c=code: self.pointChosen.emit(c))
        rect = self.table.visualRect(index)
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))
