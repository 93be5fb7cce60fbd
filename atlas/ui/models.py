"""Qt models over `atlas.core` results, and the delegate that draws their rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from atlas.core import Atlas, Point
from atlas.core.codes import CODE_STYLES, format_code, format_codes_in

#: The names a row can show besides the code, in display order.
NAME_KINDS = ("pinyin", "hanzi", "english")

CodeRole = Qt.ItemDataRole.UserRole + 1  # the code as shown, in the code style chosen
NoteRole = Qt.ItemDataRole.UserRole + 2  # the second line: a reason, a match, a location
ColourRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class Row(NamedTuple):
    point: Point
    note: str = ""


def point_names(point: Point, names: Iterable[str]) -> str:
    """The chosen names of a point, in display order: 'Hégǔ 合谷 Union Valley'."""
    chosen = set(names)
    parts = []
    if "pinyin" in chosen:
        parts.append(point.pinyin_tones or point.pinyin)
    if "hanzi" in chosen:
        parts.append(point.hanzi)
    if "english" in chosen:
        parts.append(point.english)
    return "  ".join(p for p in parts if p)


class PointListModel(QStringListModel):
    """A list of points, each with an optional note (why it is listed).

    Qt keeps the rows' codes (a `QStringListModel`), so a view counts and indexes
    rows without calling Python: laying out a list of all 409 points asked a
    Python `rowCount` about 900 times. Everything a row shows comes from `data`.
    """

    def __init__(self, atlas: Atlas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self._rows: list[Row] = []
        self._has_notes = False
        self._names: tuple[str, ...] = NAME_KINDS
        self._code_style = "who"

    # -------------------------------------------------------- Qt interface

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        point = row.point
        if role == Qt.ItemDataRole.DisplayRole:
            names = point_names(point, self._names)
            code = self.shown_code(point.code)
            return f"{code}  {names}" if names else code
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = (
                f"{self.shown_code(point.code)} {point.pinyin_tones} {point.hanzi}: {point.english}"
            )
            return f"{tip}\n{self._note(row)}" if row.note else tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.shown_code(point.code)}, {point.pinyin}, {point.english}"
        if role == CodeRole:
            return self.shown_code(point.code)
        if role == NoteRole:
            return self._note(row)
        if role == ColourRole:
            channel = self.atlas.channel(point.channel)
            return QColor(channel.colour) if channel is not None else QColor("#6b7280")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # Read-only: rows change through set_rows alone (the base class would edit its list).

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False

    def setItemData(self, index: _Index, roles: dict[int, object]) -> bool:
        return False

    def insertRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return False

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return False

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        return False

    # -------------------------------------------------------- ours

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._rows = list(rows)
        self._has_notes = any(r.note for r in self._rows)
        self.setStringList([r.point.code for r in self._rows])  # resets the model

    def has_notes(self) -> bool:
        """Whether any row has a note (and so a second line)."""
        return self._has_notes

    def set_points(self, points: Iterable[Point], notes: Iterable[str] | None = None) -> None:
        notes_list = list(notes) if notes is not None else None
        rows = [
            Row(p, notes_list[i] if notes_list is not None and i < len(notes_list) else "")
            for i, p in enumerate(points)
        ]
        self.set_rows(rows)

    def set_names(self, names: Iterable[str]) -> None:
        chosen = tuple(n for n in NAME_KINDS if n in set(names))
        if chosen != self._names:
            self._names = chosen
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def names(self) -> tuple[str, ...]:
        return self._names

    def set_code_style(self, style: str) -> None:
        """Show codes in a code style of `atlas.core.codes.CODE_STYLES` (who, older), in
        the rows and in their notes."""
        if style not in CODE_STYLES:
            raise ValueError(f"unknown code style {style!r}")
        if style != self._code_style:
            self._code_style = style
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def shown_code(self, code: str) -> str:
        """A code as the rows show it."""
        return code if self._code_style == "who" else format_code(code, self._code_style)

    def _note(self, row: Row) -> str:
        return format_codes_in(row.note, self._code_style)

    def codes(self) -> list[str]:
        return [r.point.code for r in self._rows]

    def point_at(self, row: int) -> Point | None:
        return self._rows[row].point if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.point.code == code), -1)


def show_points(view: QListView, model: PointListModel) -> None:
    """Set a list view up to show the model's rows, drawn by PointDelegate.

    Rows with a note are taller. While no row has one, the view is told that all
    rows share one height, so it asks the delegate once rather than once per row
    (a Python call each, for every row of the atlas at start-up).
    """
    view.setModel(model)
    view.setItemDelegate(PointDelegate(view))

    def fit_rows() -> None:
        view.setUniformItemSizes(not model.has_notes())

    model.modelReset.connect(fit_rows)
    fit_rows()


class _RowFonts(NamedTuple):
    """The fonts of a row and their metrics, made once per base font."""

    base: QFontMetrics
    bold: QFont
    bold_metrics: QFontMetrics
    small: QFont
    small_metrics: QFontMetrics
    line: int  # the height of the first line
    small_line: int
    code_column: int  # the width kept for the code, so that the names line up


class PointDelegate(QStyledItemDelegate):
    """Two lines per point: a colour dot, the code in bold and the names; the note below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # per base font (the list asks for row sizes and paints many rows, so the
        # fonts and metrics are made once, not per row)
        self._font_cache: dict[str, _RowFonts] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> _RowFonts:
        key = option.font.key()
        cached = self._font_cache.get(key)
        if cached is None:
            bold = QFont(option.font)
            bold.setBold(True)
            small = QFont(option.font)
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
            bold_metrics, small_metrics = QFontMetrics(bold), QFontMetrics(small)
            cached = _RowFonts(
                QFontMetrics(option.font),
                bold,
                bold_metrics,
                small,
                small_metrics,
                bold_metrics.height(),
                small_metrics.height(),
                bold_metrics.horizontalAdvance("EX-HN10") + 10,
            )
            self._font_cache[key] = cached
        return cached

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fonts = self._fonts(option)
        height = fonts.line + 10
        if index.data(NoteRole):
            height += fonts.small_line + 1
        return QSize(200, height)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        """Leave the option as the view made it: the base delegate then draws the
        panel alone (paint() draws the text, in two fonts), and the model is not
        asked for the roles the base class would look up."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        # The row's panel (selection, focus, hover) as the style draws it, without text.
        # Selection is asked of the view: reading option.state would make PySide wrap
        # the whole QStyle class at start-up, for one flag.
        super().paint(painter, option, index)
        view = self.parent()
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        fonts = self._fonts(option)
        line = fonts.line
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = index.data(ColourRole)
        if isinstance(colour, QColor):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(rect.left() + 8, rect.top() + 5 + line // 2 - 4, 8, 8)
        code = str(index.data(CodeRole) or "")
        x = rect.left() + 24
        painter.setFont(fonts.bold)
        painter.setPen(ink)
        code_rect = QRect(x, rect.top() + 5, 64, line)
        painter.drawText(
            code_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, code
        )
        code_width = max(fonts.code_column, fonts.bold_metrics.horizontalAdvance(code) + 10)
        names = str(index.data(Qt.ItemDataRole.DisplayRole) or "")[len(code) :].strip()
        painter.setFont(option.font)
        names_rect = QRect(x + code_width, rect.top() + 5, rect.right() - x - code_width - 6, line)
        elided = fonts.base.elidedText(names, Qt.TextElideMode.ElideRight, names_rect.width())
        painter.drawText(
            names_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        note = str(index.data(NoteRole) or "")
        if note:
            muted = QColor(ink)
            muted.setAlphaF(0.72)
            painter.setFont(fonts.small)
            painter.setPen(muted)
            note_rect = QRect(x, rect.top() + 5 + line, rect.right() - x - 6, fonts.small_line + 1)
            painter.drawText(
                note_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fonts.small_metrics.elidedText(
                    note, Qt.TextElideMode.ElideRight, note_rect.width()
                ),
            )
        painter.restore()
