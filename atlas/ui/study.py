"""Study mode: a window of its own (objectName `studyView`), opened from Go > Study
(Ctrl+T) and made when first opened, never at start-up.

The Practise tab asks one card at a time (`atlas.core.study.StudySession`):
locating on a body view (a `DiagramView` whose markers and pathways are hidden,
opened on the point's body region with a margin, at 30 pixels a B-cun or more, the
cross in the region's middle: the region is shown, never the point's place),
naming a marked point, or a question about the point. It is keyboard-complete:
type an answer and press Enter; 1 to 4 pick a choice; on a body view the arrow
keys move a cross (Shift: 1 B-cun a step) and Enter answers where it is; after
an answer, 1 to 4 rate it again (Again, Hard, Good, Easy) and Enter goes on.
The feedback shows the true place (the view's `select`: the point and its
measuring guide), the error in words, and the guide and location in words.
The Progress tab is `study_progress.ProgressView`.

User text is shown as plain text; a store that cannot take an answer is named
in one line and the session goes on.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import datetime

from fsrs import Rating
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas
from atlas.core.study import DECK_KINDS, MIXED, Deck, StudySession, StudySettings, StudyStore
from atlas.core.study.decks import KEYED_KINDS, deck_choices, deck_title
from atlas.core.study.drills import DRILL_TITLES, NAME_FORM_TITLES, Question, Verdict
from atlas.core.study.locate import locate_offset, spots, views
from atlas.core.study.session import utc_now
from atlas.core.userdata import UserData, UserDataError
from atlas.diagram.view import DRAG_THRESHOLD, DiagramView
from atlas.ui.study_progress import ProgressView
from atlas.ui.theme import is_dark

#: The first size of the window, made smaller to fit the screen.
DEFAULT_SIZE = QSize(1200, 720)
RATINGS = ("Again", "Hard", "Good", "Easy")
_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_Z_MARKS = 1000.0
#: Locating: the point's region is shown with this much around it (B-cun), and never
#: smaller than this many pixels a B-cun (a pass, 0.5 B-cun, is then 15 pixels or more).
REGION_MARGIN = 2.0
LEAST_PIXELS_PER_CUN = 30.0


def _in_words(delta_seconds: float) -> str:
    minutes = delta_seconds / 60
    if minutes < 1.5:
        return "in a minute"
    if minutes < 90:
        return f"in {round(minutes)} minutes"
    hours = minutes / 60
    if hours < 36:
        return f"in {round(hours)} hours"
    return f"in {round(hours / 24)} days"


def _mark(path: QPainterPath, colour: QColor, width: float = 2.0) -> QGraphicsPathItem:
    """A mark of constant size on screen (the path in pixels around the origin)."""
    item = QGraphicsPathItem(path)
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    item.setPen(pen)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    item.setZValue(_Z_MARKS)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return item


def _cross(size: float = 9.0) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(-size, 0)
    path.lineTo(size, 0)
    path.moveTo(0, -size)
    path.lineTo(0, size)
    path.addEllipse(QPointF(0, 0), size / 2.5, size / 2.5)
    return path


def _ring(radius: float = 10.0) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), radius, radius)
    return path


class StudyPane(QWidget):
    """Study mode's window. `pointOpened` asks the atlas to open a point; `clock` gives
    the time (aware, UTC): `set_clock` replaces it and starts the session afresh."""

    pointOpened = Signal(str)

    def __init__(self, atlas: Atlas, userdata: UserData, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("studyView")
        self.setWindowTitle("Study · Acupoint Atlas")
        self.setMinimumSize(760, 520)
        self.atlas = atlas
        self.userdata = userdata
        self.store = StudyStore(userdata)
        self.clock: Callable[[], datetime] = utc_now
        self.session: StudySession | None = None
        self.state = "idle"  # idle, asking, answered, done
        self._marks: list[QGraphicsItem] = []
        self._cursor: QGraphicsPathItem | None = None
        self._press: QPoint | None = None
        self._last_click = QPointF()
        self._framed: QRectF | None = None  # the part of the body view a question shows
        self.message = QLabel(self)  # why something could not be done, in one line
        self.message.setObjectName("studyMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        try:
            self.settings = self.store.settings()
        except UserDataError as exc:
            self.settings = StudySettings()
            self._say(str(exc))

        self._build_bar(self.settings)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("studyTabs")
        self.practise = QWidget(self.tabs)
        self.practise.setObjectName("studyPractise")
        self.practise.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build_practise()
        self.progress = ProgressView(atlas, userdata, lambda: self.clock(), self.tabs)
        self.tabs.addTab(self.practise, "&Practise")
        self.tabs.addTab(self.progress, "P&rogress")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.tabs.currentChanged.connect(self._tab_changed)
        self.progress.pointOpened.connect(self.pointOpened)
        self.resize(self._first_size())
        self.start()

    # ================================================================= building

    def _build_bar(self, settings: StudySettings) -> None:
        self.deck_kind = QComboBox(self)
        self.deck_kind.setObjectName("studyDeckKind")
        for kind, title in DECK_KINDS.items():
            self.deck_kind.addItem(title, kind)
        self.deck_item = QComboBox(self)
        self.deck_item.setObjectName("studyDeck")
        self.deck_item.setMinimumContentsLength(18)
        self.deck_item.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.drill = QComboBox(self)
        self.drill.setObjectName("studyDrill")
        for drill, title in (*DRILL_TITLES.items(), (MIXED, "All three")):
            self.drill.addItem(title, drill)
        self.names = QComboBox(self)
        self.names.setObjectName("studyNames")
        self.names.setToolTip("How a question names the point")
        for form, title in NAME_FORM_TITLES.items():
            self.names.addItem(title, form)
        self.pass_distance = QDoubleSpinBox(self)
        self.pass_distance.setObjectName("studyPassDistance")
        self.pass_distance.setRange(0.1, 3.0)
        self.pass_distance.setSingleStep(0.1)
        self.pass_distance.setDecimals(1)
        self.pass_distance.setSuffix(" B-cun")
        self.pass_distance.setToolTip("A locating answer within this distance passes")
        self.counts = QLabel(self)
        self.counts.setObjectName("studyCounts")

        try:
            deck = Deck.parse(settings.deck)
        except ValueError:
            deck = Deck("channel", "LU")
        self.deck_kind.setCurrentIndex(max(0, self.deck_kind.findData(deck.kind)))
        self._fill_decks(deck)
        self.drill.setCurrentIndex(max(0, self.drill.findData(settings.drill)))
        self.names.setCurrentIndex(max(0, self.names.findData(settings.names)))
        self.pass_distance.setValue(settings.pass_distance)

        self.bar = QHBoxLayout()
        for label, widget in (
            ("&Deck", self.deck_kind),
            (None, self.deck_item),
            ("Dri&ll", self.drill),
            ("&Names", self.names),
            ("Pass &within", self.pass_distance),
        ):
            if label is not None:
                caption = QLabel(label, self)
                caption.setBuddy(widget)
                self.bar.addWidget(caption)
            self.bar.addWidget(widget)
        self.bar.addStretch(1)
        self.bar.addWidget(self.counts)

        self.deck_kind.currentIndexChanged.connect(lambda _i: self._deck_kind_changed())
        self.deck_item.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.drill.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.names.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.pass_distance.valueChanged.connect(lambda _v: self._settings_changed(restart=False))

    def _build_practise(self) -> None:
        self.stage = QStackedWidget(self.practise)
        self.diagram = DiagramView(self.atlas, self.stage)
        self.diagram.setAccessibleName("Body view to answer on")
        for channel in self.atlas.channels():  # no marker or pathway gives an answer away
            self.diagram.set_channel_visible(channel.code, False)
        self.card = QLabel(self.stage)
        self.card.setObjectName("studyCard")
        self.card.setTextFormat(Qt.TextFormat.PlainText)
        self.card.setWordWrap(True)
        self.card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.setMargin(24)
        font = self.card.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.card.setFont(font)
        self.stage.addWidget(self.diagram)
        self.stage.addWidget(self.card)

        side = QFrame(self.practise)
        side.setObjectName("studySide")
        side.setFixedWidth(380)
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        self.prompt = QLabel(side)
        self.prompt.setObjectName("studyPrompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.prompt.setFont(font)
        self.hint = QLabel(side)
        self.hint.setObjectName("studyHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.answer_edit = QLineEdit(side)
        self.answer_edit.setObjectName("studyAnswer")
        self.answer_edit.setPlaceholderText("A code or a name: li 4, hegu, 合谷…")
        self.answer_edit.setMaxLength(200)
        self.answer_button = QPushButton("&Answer", side)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_edit, 1)
        answer_row.addWidget(self.answer_button)
        self.choice_buttons = [QPushButton(side) for _ in range(4)]
        for i, button in enumerate(self.choice_buttons):
            button.setObjectName(f"studyChoice{i + 1}")
            button.clicked.connect(lambda _=False, i=i: self.choose(i))
        self.verdict = QLabel(side)
        self.verdict.setObjectName("studyVerdict")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.verdict.setFont(font)
        self.feedback = QLabel(side)
        self.feedback.setObjectName("studyFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rate_buttons = [QPushButton(f"{i + 1} {r}", side) for i, r in enumerate(RATINGS)]
        rate_row = QHBoxLayout()
        for i, button in enumerate(self.rate_buttons):
            button.setObjectName(f"studyRate{RATINGS[i]}")
            button.setCheckable(True)
            button.setToolTip(f"Rate this answer {RATINGS[i]} ({i + 1})")
            button.clicked.connect(lambda _=False, n=i + 1: self.rate(n))
            rate_row.addWidget(button)
        self.next_button = QPushButton("&Next (Enter)", side)
        self.next_button.setObjectName("studyNext")
        self.next_button.clicked.connect(self.next)
        self.open_button = QPushButton("&Open in the Atlas", side)
        self.open_button.setObjectName("studyOpen")
        self.open_button.clicked.connect(self._open_current)
        column.addWidget(self.prompt)
        column.addWidget(self.hint)
        column.addLayout(answer_row)
        for button in self.choice_buttons:
            column.addWidget(button)
        column.addSpacing(8)
        column.addWidget(self.verdict)
        column.addWidget(self.feedback, 1)
        column.addLayout(rate_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.next_button)
        column.addLayout(bottom)

        layout = QHBoxLayout(self.practise)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stage, 1)
        layout.addWidget(side)
        for watched in (self.answer_edit, self.diagram, self.diagram.viewport()):
            watched.installEventFilter(self)
        self.answer_button.clicked.connect(self.answer_typed)

    def _first_size(self) -> QSize:
        """The default size, within the screen's free area (leaving room for a frame)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        room = screen.availableGeometry().size() - QSize(16, 48)
        return DEFAULT_SIZE.boundedTo(room).expandedTo(self.minimumSize())

    # ================================================================= settings

    def _fill_decks(self, chosen: Deck | None = None) -> None:
        kind = str(self.deck_kind.currentData())
        with QSignalBlocker(self.deck_item):
            self.deck_item.clear()
            try:
                decks = deck_choices(self.atlas, self.userdata, kind)
            except UserDataError as exc:
                self._say(str(exc))
                decks = []
            if kind in KEYED_KINDS:
                for deck in decks:
                    self.deck_item.addItem(deck_title(self.atlas, deck), deck.spec)
            if chosen is not None:
                self.deck_item.setCurrentIndex(max(0, self.deck_item.findData(chosen.spec)))
        self.deck_item.setVisible(kind in KEYED_KINDS)

    def _deck_kind_changed(self) -> None:
        self._fill_decks()
        self._settings_changed()

    def deck(self) -> Deck | None:
        """The deck chosen (None: a kind with nothing to choose, such as no saved plan)."""
        kind = str(self.deck_kind.currentData())
        if kind not in KEYED_KINDS:
            return Deck(kind)
        spec = self.deck_item.currentData()
        return Deck.parse(str(spec)) if spec else None

    def chosen_settings(self) -> StudySettings:
        deck = self.deck()
        return self.settings._replace(
            pass_distance=round(self.pass_distance.value(), 1),
            names=str(self.names.currentData()),
            deck=deck.spec if deck else self.settings.deck,
            drill=str(self.drill.currentData()),
        )

    def _settings_changed(self, restart: bool = True) -> None:
        self.settings = self.chosen_settings()
        try:
            self.store.save_settings(self.settings)
        except UserDataError as exc:
            self._say(f"Your study settings are kept for this session only: {exc}")
        if self.session is not None:
            self.session.settings = self.settings
        if restart:
            self.start()
        elif self.tabs.currentWidget() is self.progress:
            self.progress.refresh(self.settings.pass_distance)

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """Study at the times `clock` gives (aware, UTC), from a fresh session."""
        self.clock = clock
        self.start()

    # ================================================================= asking

    def start(self) -> None:
        """A fresh session on the deck and drill chosen, and its first question."""
        deck = self.deck()
        self.session = None
        if deck is None:
            self._show_done("There is no saved plan to study: save one in the Plan panel.")
            return
        try:
            self.session = StudySession(
                self.atlas,
                self.userdata,
                deck,
                str(self.drill.currentData()),
                clock=lambda: self.clock(),
            )
        except (ValueError, UserDataError) as exc:
            self._show_done(str(exc))
            return
        self.session.settings = self.settings
        self.next()

    def next(self) -> None:
        """The next question (or word that none is left for now)."""
        session = self.session
        if session is None:
            return
        try:
            question = session.next()
            if question is None:
                self._show_done(self._nothing_left())
                return
        except UserDataError as exc:
            self._show_done(str(exc))
            return
        self._clear_marks()
        self._framed = None
        self._update_counts()
        self.state = "asking"
        self.prompt.setText(question.prompt)
        self.verdict.clear()
        self.feedback.clear()
        self._show_rating(None)
        self.next_button.setEnabled(False)
        self.open_button.setEnabled(False)
        typed = question.kind == "typed"
        self.answer_edit.setVisible(typed)
        self.answer_button.setVisible(typed)
        self.answer_edit.setEnabled(True)
        self.answer_edit.clear()
        for i, button in enumerate(self.choice_buttons):
            shown = i < len(question.choices)
            button.setVisible(shown)
            button.setEnabled(shown)
            if shown:
                text = textwrap.fill(question.choices[i], 44)
                button.setText(f"&{i + 1}  {text}")
        if question.view is not None:
            self._show_view(question)
        else:
            self.stage.setCurrentWidget(self.card)
            self.card.setText(question.prompt)
        if question.kind == "click":
            self.hint.setText(
                "Click where the point lies, or move the cross with the arrow keys"
                " (Shift: 1 B-cun a step) and press Enter."
            )
            self.diagram.setFocus()
        elif typed:
            self.hint.setText("Type a code or any name of the point, then press Enter.")
            self.answer_edit.setFocus()
        else:
            self.hint.setText("Press 1 to 4, or click a choice.")
            self.choice_buttons[0].setFocus()

    def _show_view(self, question: Question) -> None:
        assert question.view is not None
        self.stage.setCurrentWidget(self.diagram)
        self.diagram.select(None)
        self.diagram.set_view(question.view)
        self.diagram.fit()
        colour = self._mark_colour()
        if question.kind == "click":
            info = self.diagram.view_info(question.view)
            centre = QPointF(info.width / 2, info.height / 2) if info else QPointF()
            self._framed = self._region_box(question.code, question.view)
            if self._framed is not None:
                self._frame()
                centre = self._framed.center()
            self._cursor = _mark(_cross(), colour)
            self._cursor.setData(0, "question")
            self._cursor.setPos(centre)
            self._add_mark(self._cursor)
        else:  # the marked point, every place it has on the view
            for place in spots(self.atlas, question.code, question.view):
                ring = _mark(_ring(), colour, 3.0)
                ring.setData(0, "question")
                ring.setPos(place.x, place.y)
                self._add_mark(ring)

    def _region_box(self, code: str, view: str) -> QRectF | None:
        """The bounds of the point's body region on the view shown (its side holding one
        of the point's places), with a margin: what a locating question shows. None when
        the view has no such region."""
        point = self.atlas.point(code)
        if point is None:
            return None
        places = [QPointF(s.x, s.y) for s in spots(self.atlas, code, view)]
        for item in self.diagram.region_items():
            path = item.path()
            if item.region == point.region and any(path.contains(p) for p in places):
                margin = REGION_MARGIN * views(self.atlas)[view].scale
                return path.boundingRect().adjusted(-margin, -margin, margin, margin)
        return None

    def _frame(self) -> None:
        """Show the framed part of the view as large as the pane allows, and never at
        fewer than LEAST_PIXELS_PER_CUN a B-cun (its middle then, not the point's place)."""
        framed = self._framed
        view = views(self.atlas).get(self.diagram.current_view() or "")
        if framed is None or view is None:
            return
        room = self.diagram.maximumViewportSize()
        scale = min(room.width() / framed.width(), room.height() / framed.height())
        scale = max(scale, LEAST_PIXELS_PER_CUN / view.scale)
        self.diagram.zoom_by(scale / self.diagram.transform().m11())
        self.diagram.centerOn(framed.center())

    def _nothing_left(self) -> str:
        session = self.session
        if session is None:
            return ""
        counts = session.counts()
        if counts.cards == 0:
            return "This deck has no points yet."
        due = session.next_due()
        when = (
            f" The next card is due {_in_words((due - self.clock()).total_seconds())}."
            if due is not None
            else ""
        )
        if counts.new:
            return (
                f"Nothing is due, and today's {self.settings.new_per_day} new cards are"
                f" started.{when}"
            )
        return f"Nothing more to study in this deck for now.{when}"

    def _show_done(self, text: str) -> None:
        self.state = "done"
        self._clear_marks()
        self.stage.setCurrentWidget(self.card)
        self.card.setText(text)
        self.prompt.setText(text)
        self.hint.clear()
        self.verdict.clear()
        self.feedback.clear()
        for widget in (self.answer_edit, self.answer_button, *self.choice_buttons):
            widget.hide()
        self._show_rating(None)
        self.next_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self._update_counts()

    def _update_counts(self) -> None:
        session = self.session
        if session is None:
            self.counts.clear()
            return
        try:
            c = session.counts()
        except UserDataError as exc:
            self._say(str(exc))
            return
        self.counts.setText(f"Due {c.due} · New {c.new} · Learned {c.learned} of {c.cards}")

    # ================================================================= answering

    def _asking(self, kind: str) -> StudySession | None:
        """The session, when its question is open and answered that way."""
        session = self.session
        if self.state != "asking" or session is None or session.question is None:
            return None
        return session if session.question.kind == kind else None

    def answer_at(self, x: float, y: float) -> None:
        """Answer a locate question at (x, y) in the view's units."""
        session = self._asking("click")
        if session is not None:
            self._answered(session.answer_click(x, y))

    def answer_typed(self) -> None:
        session = self._asking("typed")
        if session is not None:
            self._answered(session.answer_text(self.answer_edit.text()))

    def choose(self, index: int) -> None:
        session = self._asking("choice")
        if session is not None and session.question and index < len(session.question.choices):
            self._answered(session.answer_choice(index))

    def _answered(self, verdict: Verdict) -> None:
        session = self.session
        assert session is not None and session.question is not None
        question = session.question
        self.state = "answered"
        self._show_verdict(verdict)
        if question.view is not None:
            self._show_truth(question, verdict)
        if question.kind == "choice":
            for i, button in enumerate(self.choice_buttons):
                button.setEnabled(i == question.right)
        self.answer_edit.setEnabled(False)
        self._show_rating(verdict.rating)
        self.next_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self._say(session.problem)
        self._update_counts()
        self.next_button.setFocus()

    def _show_verdict(self, verdict: Verdict) -> None:
        session = self.session
        assert session is not None and session.question is not None
        question = session.question
        self.verdict.setText("Right" if verdict.passed else "Not quite")
        self._colour_verdict()
        lines = [verdict.said]
        if not verdict.passed or question.drill != "name":
            lines.append(f"The answer: {verdict.truth}")
        point = self.atlas.point(question.code)
        if point is not None and question.drill in ("locate", "name"):
            lines += ["", point.location]
            guide = self._guide_lines(question.code, question.view or "")
            if guide:
                lines += ["", "Measuring guide: " + "; ".join(guide)]
        self.feedback.setText("\n".join(lines))

    def _show_truth(self, question: Question, verdict: Verdict) -> None:
        """The true place and its measuring guide; for a click, where it went."""
        self.diagram.select(question.code, centre=False)
        if self._cursor is not None:
            self._cursor.hide()
        click = self._last_click
        offset = locate_offset(self.atlas, question.code, question.view or "", click.x(), click.y())
        if question.kind != "click" or offset is None:
            return
        colour = self._verdict_colour(verdict.passed)
        line = QGraphicsLineItem(click.x(), click.y(), offset.target.x, offset.target.y)
        pen = QPen(colour, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        line.setPen(pen)
        line.setZValue(_Z_MARKS)
        self._add_mark(line)
        spot = _mark(_cross(7), colour, 2.5)
        spot.setPos(click)
        self._add_mark(spot)

    def _guide_lines(self, code: str, view: str) -> list[str]:
        """The point's measuring guide on the view, in words (the diagram's measures)."""
        lines: list[str] = []
        for m in self.diagram.data.measures.get((code, view), []):
            text = m.label or f"{m.cun:g} {m.unit}"
            if text not in lines:
                lines.append(text)
        return lines

    def rate(self, rating: int) -> None:
        """Rate the latest answer again: 1 Again, 2 Hard, 3 Good, 4 Easy."""
        session = self.session
        if self.state != "answered" or session is None or not 1 <= rating <= 4:
            return
        session.rate(Rating(rating))
        self._show_rating(Rating(rating))
        self._say(session.problem)
        self._update_counts()

    def _show_rating(self, rating: int | None) -> None:
        session = self.session
        for i, button in enumerate(self.rate_buttons):
            button.setEnabled(rating is not None)
            button.setChecked(rating == i + 1)
        if rating is None or session is None or session.question is None:
            return
        card = session.card(session.question.code, session.question.drill)
        if card is not None and not session.problem:
            seconds = (card.due - self.clock()).total_seconds()
            self.hint.setText(
                f"Rated {RATINGS[rating - 1]}: this card comes back {_in_words(seconds)}."
                " 1 to 4 rate it otherwise; Enter goes on."
            )

    # ================================================================= the body view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.answer_edit:
            # Enter answers, and goes no further: the field would pass it on to the
            # window, where it means "next"
            enter = (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in _ENTER
            )
            if enter:
                self.answer_typed()
            return enter
        if (
            watched is self.diagram
            and event.type() == QEvent.Type.Resize
            and self._framed is not None
        ):
            QTimer.singleShot(0, self._frame)  # framed again once the view has its new size
        if self.state != "asking" or self.stage.currentWidget() is not self.diagram:
            return False
        if watched is self.diagram.viewport() and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                pos = event.position().toPoint()
                if event.type() == QEvent.Type.MouseButtonPress:
                    self._press = pos
                elif event.type() == QEvent.Type.MouseButtonRelease and self._press is not None:
                    moved = (pos - self._press).manhattanLength()
                    self._press = None
                    if moved <= DRAG_THRESHOLD:  # a click, not a drag that pans
                        self._click(self.diagram.mapToScene(pos))
            return False
        if (
            watched is self.diagram
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._cursor is not None
        ):
            return self._cursor_key(event)
        return False

    def _cursor_key(self, event: QKeyEvent) -> bool:
        """Arrows move the cross (a quarter B-cun, or one with Shift); Enter answers."""
        key = Qt.Key(event.key())
        cursor = self._cursor
        assert cursor is not None
        if key in _ENTER or key == Qt.Key.Key_Space:
            self._click(cursor.pos())
            return True
        step = _ARROWS.get(key)
        if step is None:
            return False
        view = views(self.atlas).get(self.diagram.current_view() or "")
        scale = view.scale if view else 10.0
        size = scale * (1.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.25)
        cursor.setPos(cursor.pos() + QPointF(step[0] * size, step[1] * size))
        self.diagram.ensureVisible(cursor, 40, 40)
        return True

    def _click(self, at: QPointF) -> None:
        self._last_click = at
        self.answer_at(at.x(), at.y())

    def _add_mark(self, item: QGraphicsItem) -> None:
        self.diagram.scene().addItem(item)
        self._marks.append(item)

    def _clear_marks(self) -> None:
        for item in self._marks:
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)
        self._marks.clear()
        self._cursor = None
        self.diagram.select(None)

    # ================================================================= keys, theme, messages

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if self.state == "answered":
            if key in _ENTER or key == Qt.Key.Key_Space:
                self.next()
                return
            if text in ("1", "2", "3", "4"):
                self.rate(int(text))
                return
        elif self.state == "asking" and text in ("1", "2", "3", "4"):
            self.choose(int(text) - 1)
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_verdict()
            for item in self._marks:  # the cross and the rings take the new highlight
                if isinstance(item, QGraphicsPathItem) and item.data(0) == "question":
                    pen = item.pen()
                    pen.setColor(self._mark_colour())
                    item.setPen(pen)

    def _mark_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _verdict_colour(self, passed: bool) -> QColor:
        dark = is_dark(self.palette())
        if passed:
            return QColor("#7fd08a" if dark else "#1f7a35")
        return QColor("#ff8f80" if dark else "#b3261e")

    def _colour_verdict(self) -> None:
        text = self.verdict.text()
        if not text:
            return
        palette = self.verdict.palette()
        palette.setColor(QPalette.ColorRole.WindowText, self._verdict_colour(text == "Right"))
        self.verdict.setPalette(palette)

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.progress:
            self.progress.refresh(self.settings.pass_distance)

    def _open_current(self) -> None:
        session = self.session
        if session is not None and session.question is not None:
            self.pointOpened.emit(session.question.code)
