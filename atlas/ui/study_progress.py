"""Study mode's Progress tab: cards due and learned per deck, accuracy per drill and
per channel, the mean locating error by day drawn as a small chart, and the weakest
points (each opens its point in the atlas).

Everything is read from `atlas.core.study.progress`; colours come from the palette
at paint time, so the tab follows the theme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from atlas.core import Atlas
from atlas.core.study.drills import DRILL_TITLES
from atlas.core.study.progress import (
    DayError,
    Tally,
    by_channel,
    error_by_day,
    progress,
    tally_by,
    weakest,
)
from atlas.core.study.store import StudyStore
from atlas.core.userdata import UserData, UserDataError

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def _percent(tally: Tally) -> str:
    return f"{tally.accuracy:.0%} of {tally.answers}" if tally.accuracy is not None else "–"


def _table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class ErrorChart(QWidget):
    """The mean locating error by day: a line over the days, the pass distance dashed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyErrorChart")
        self.days: list[DayError] = []
        self.pass_distance = 0.5
        self.setMinimumSize(260, 140)
        self.setToolTip("The mean distance of your locating answers from the points, by day")

    def sizeHint(self) -> QSize:
        return QSize(380, 170)

    def set_days(self, days: list[DayError], pass_distance: float) -> None:
        self.days = days[-30:]  # the last 30 days studied
        self.pass_distance = pass_distance
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = painter.fontMetrics()
        left, top = metrics.horizontalAdvance("0.0") + 12, metrics.height() + 6
        plot = QRectF(left, top, self.width() - left - 10, self.height() - top - metrics.height())
        painter.setPen(text)
        painter.drawText(
            QRectF(0, 0, self.width(), top), Qt.AlignmentFlag.AlignCenter, "Mean error (B-cun)"
        )
        if not self.days:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No locating answers yet")
            return
        top_value = max(max(d.mean_error for d in self.days), self.pass_distance * 2, 0.5)

        def at(index: int, value: float) -> QPointF:
            x = plot.left() + (plot.width() * index / max(1, len(self.days) - 1))
            return QPointF(x, plot.bottom() - plot.height() * min(value, top_value) / top_value)

        axis = QPen(palette.color(QPalette.ColorRole.Mid))
        painter.setPen(axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.setPen(text)
        for value in (0.0, top_value):
            y = at(0, value).y()
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 4, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:.1f}",
            )
        dashed = QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        y = at(0, self.pass_distance).y()
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        line = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(line)
        points = [at(i, d.mean_error) for i, d in enumerate(self.days)]
        painter.drawPolyline(points)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        for p in points:
            painter.drawEllipse(p, 3, 3)
        painter.setPen(text)
        span = f"{self.days[0].day:%d %b}" + (
            f" – {self.days[-1].day:%d %b}" if len(self.days) > 1 else ""
        )
        painter.drawText(
            QRectF(plot.left(), plot.bottom(), plot.width(), metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            span,
        )


class ProgressView(QWidget):
    """The Progress tab. `refresh` reads the store again; `pointOpened` asks the atlas to
    open a point (a weakest point activated)."""

    pointOpened = Signal(str)

    def __init__(
        self,
        atlas: Atlas,
        userdata: UserData,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("studyProgress")
        self.atlas = atlas
        self.userdata = userdata
        self.clock = clock
        self.decks = _table(self, "studyDecks", ("Deck", "Due", "Learned", "Studied", "Accuracy"))
        self.accuracy = _table(self, "studyAccuracy", ("Drill or channel", "Accuracy"))
        self.chart = ErrorChart(self)
        self.weakest = QListWidget(self)
        self.weakest.setObjectName("studyWeakest")
        self.weakest.setToolTip("Double-click or press Enter to open the point in the atlas")
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QGridLayout(self)
        layout.addWidget(QLabel("Cards by deck", self), 0, 0)
        layout.addWidget(QLabel("Mean locating error by day", self), 0, 1)
        layout.addWidget(self.decks, 1, 0)
        layout.addWidget(self.chart, 1, 1)
        layout.addWidget(QLabel("Accuracy by drill and by channel", self), 2, 0)
        layout.addWidget(QLabel("Weakest points", self), 2, 1)
        layout.addWidget(self.accuracy, 3, 0)
        layout.addWidget(self.weakest, 3, 1)
        layout.addWidget(self.message, 4, 0, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        self.weakest.itemActivated.connect(self._open)

    def _open(self, item: QListWidgetItem) -> None:
        code = item.data(CODE_ROLE)
        if isinstance(code, str):
            self.pointOpened.emit(code)

    def refresh(self, pass_distance: float) -> None:
        try:
            reviews = StudyStore(self.userdata).reviews()
            decks = progress(self.atlas, self.userdata, self.clock())
        except UserDataError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.message.hide()
        _fill(
            self.decks,
            [
                (d.title, str(d.due), str(d.learned), str(d.studied), _percent(d.tally))
                for d in decks
            ],
        )
        drills = tally_by(reviews, lambda r: r.drill)
        rows = [(DRILL_TITLES[d], _percent(drills[d])) for d in DRILL_TITLES if d in drills]
        for code, tally in by_channel(self.atlas, reviews).items():
            channel = self.atlas.channel(code)
            rows.append((channel.english if channel else code, _percent(tally)))
        _fill(self.accuracy, rows)
        self.chart.set_days(error_by_day(reviews), pass_distance)
        self.weakest.clear()
        for weak in weakest(self.atlas, reviews):
            point = self.atlas.point(weak.code)
            name = f"{point.code} {point.pinyin_tones} {point.hanzi}" if point else weak.code
            error = f", mean error {weak.mean_error:.1f} B-cun" if weak.mean_error else ""
            item = QListWidgetItem(f"{name}: missed {weak.misses} of {weak.answers}{error}")
            item.setData(CODE_ROLE, weak.code)
            self.weakest.addItem(item)
        if not self.weakest.count():
            self.weakest.addItem(QListWidgetItem("No misses yet."))
