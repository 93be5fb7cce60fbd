"""Study mode in the window, driven as a student would: open it, click the body, type
answers, press keys, read what is shown; a controlled clock stands in for the time."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.core.study import locate_error
from atlas.core.study.locate import spots, views
from atlas.core.userdata import Plan
from atlas.ui import MainWindow
from atlas.ui.study import StudyPane

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


def open_study(qtbot: QtBot, window: MainWindow, clock: Clock) -> StudyPane:
    """Ctrl+T, as a student would; the pane then studies at the test's clock."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # offscreen, activation waits for the event loop
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    pane = window.findChild(QWidget, "studyView")
    assert isinstance(pane, StudyPane) and pane.isVisible()
    pane.resize(1366, 740)
    qtbot.waitExposed(pane)
    qtbot.waitUntil(pane.isActiveWindow)
    pane.set_clock(clock)
    return pane


def choose(pane: StudyPane, kind: str, deck: str = "", drill: str = "") -> None:
    """Pick a deck (and a drill) in the bar's choosers."""
    pane.deck_kind.setCurrentIndex(pane.deck_kind.findData(kind))
    if deck:
        pane.deck_item.setCurrentIndex(pane.deck_item.findData(deck))
    if drill:
        pane.drill.setCurrentIndex(pane.drill.findData(drill))


def asked(pane: StudyPane) -> tuple[str, str | None]:
    session = pane.session
    assert session is not None and session.question is not None and pane.state == "asking"
    return session.question.code, session.question.view


def click_at(qtbot: QtBot, pane: StudyPane, x: float, y: float) -> None:
    pos = pane.diagram.mapFromScene(QPointF(x, y))
    qtbot.mouseClick(pane.diagram.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def click_off(qtbot: QtBot, pane: StudyPane, atlas: Atlas, up: float, right: float = 0) -> float:
    """Click `up` B-cun above (and `right` to the right of) the asked point; returns the
    error in B-cun of where the click landed, as the core measures it."""
    code, view = asked(pane)
    assert view is not None
    target = spots(atlas, code, view)[0]
    scale = views(atlas)[view].scale
    click_at(qtbot, pane, target.x + right * scale, target.y - up * scale)
    landed = pane.diagram.mapToScene(pane.diagram.mapFromScene(
        QPointF(target.x + right * scale, target.y - up * scale)))  # fmt: skip
    error = locate_error(atlas, code, view, landed.x(), landed.y())
    assert error is not None
    return error


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type into a field: keys for plain letters, an input method's commit for the rest
    (as hanzi and tone marks are typed)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def rating_checked(pane: StudyPane) -> str:
    return next(b.objectName()[len("studyRate") :] for b in pane.rate_buttons if b.isChecked())


def test_study_opens_from_the_menu_and_the_shortcut(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    assert isinstance(go, QMenu)
    action = next(a for a in go.actions() if a.text() == "&Study…")
    assert action.shortcut().toString() == "Ctrl+T"
    action.trigger()
    pane = window.findChild(QWidget, "studyView")
    assert isinstance(pane, StudyPane) and pane.isVisible() and pane.isWindow()
    pane.close()
    assert open_study(qtbot, window, Clock()) is pane  # the same window again
    window.close()
    assert not pane.isVisible()


@pytest.mark.parametrize(
    ("up", "rating", "verdict"),
    [(0.0, "Easy", "Right"), (0.35, "Good", "Right"), (0.75, "Hard", "Not quite"),
     (2.5, "Again", "Not quite")],
)  # fmt: skip
def test_clicks_at_known_distances_get_their_scores(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    atlas: Atlas,
    up: float,
    rating: str,
    verdict: str,
) -> None:
    pane = open_study(qtbot, make_window(), Clock())
    assert asked(pane) == ("LU1", "front")
    assert not any(m.visible for m in pane.diagram.markers())  # no marker gives it away
    error = click_off(qtbot, pane, atlas, up)
    assert abs(error - up) < 0.1  # a pixel's rounding
    assert pane.state == "answered"
    assert pane.verdict.text() == verdict and rating_checked(pane) == rating
    shown = pane.feedback.text()
    assert "The answer: LU1 Zhōngfǔ 中府 (Central Palace)" in shown
    assert "Measuring guide: 6 B-cun lateral" in shown
    if up >= 0.75:
        assert f"{error:.1f} B-cun too high" in shown
    # the true place is shown: the point selected on the view, with its guide
    assert pane.diagram.selected() == "LU1"
    assert {m.code for m in pane.diagram.markers() if m.visible} == {"LU1"}


def test_the_pass_distance_and_the_names_are_settings(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    window = make_window()
    pane = open_study(qtbot, window, Clock())
    pane.pass_distance.setValue(1.0)
    click_off(qtbot, pane, atlas, 0.75)
    assert pane.verdict.text() == "Right" and rating_checked(pane) == "Good"
    qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_Return)
    pane.names.setCurrentIndex(pane.names.findData("hanzi"))
    assert pane.prompt.text() == "Click where 雲門 lies."  # LU2, named as chosen
    window.close()
    reopened = open_study(qtbot, make_window(), Clock())
    assert reopened.pass_distance.value() == 1.0  # kept in the user's store
    assert reopened.names.currentData() == "hanzi"


def test_errors_are_named_in_the_views_directions(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    pane = open_study(qtbot, make_window(), Clock())
    click_off(qtbot, pane, atlas, 1.4, right=0.3)  # LU1 on the figure's right: toward the midline
    shown = pane.feedback.text().splitlines()[0]
    assert "too high" in shown and "too medial" in shown and "B-cun away" in shown


def test_locating_with_the_keyboard_alone(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    clock = Clock()
    pane = open_study(qtbot, make_window(), clock)
    assert pane.diagram.hasFocus()
    code, view = asked(pane)
    assert view is not None
    info = views(atlas)[view]
    # the cross starts in the middle of the region shown
    (cross,) = [i for i in pane.diagram.scene().items() if i.data(0) == "question"]
    start = cross.pos()
    shown = pane.diagram.mapToScene(pane.diagram.viewport().rect()).boundingRect()
    assert shown.contains(start)
    for _ in range(4):  # four quarters of a B-cun to the right
        qtbot.keyClick(pane.diagram, Qt.Key.Key_Right)
    qtbot.keyClick(pane.diagram, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)  # 1 B-cun up
    qtbot.keyClick(pane.diagram, Qt.Key.Key_Return)
    expected = locate_error(atlas, code, view, start.x() + info.scale, start.y() - info.scale)
    assert pane.state == "answered" and expected is not None and expected > 1
    assert f"({expected:.1f} B-cun away)" in pane.feedback.text()
    assert rating_checked(pane) == "Again"
    qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_4)  # rated again: Easy
    assert rating_checked(pane) == "Easy"
    session = pane.session
    assert session is not None
    card = session.card(code, "locate")
    assert card is not None and card.learned and card.due - clock() >= timedelta(days=1)
    qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_Return)
    assert asked(pane) == ("LU2", "front")


def test_typed_names_in_every_form_search_accepts(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    clock = Clock()
    window = make_window()
    window.userdata.set_favourite("LI4", True)
    pane = open_study(qtbot, window, clock)
    choose(pane, "favourites", drill="name")
    for typed in ("li 4", "hegu", "合谷", "Large Intestine 4", "Hégǔ"):
        assert asked(pane) == ("LI4", "hand_dorsal")
        assert pane.answer_edit.hasFocus()
        # the point is marked, its label hidden until the answer
        assert pane.diagram.selected() is None and not pane.diagram.visible_labels()
        type_text(qtbot, pane.answer_edit, typed)
        assert pane.answer_edit.text() == typed
        qtbot.keyClick(pane.answer_edit, Qt.Key.Key_Return)
        assert pane.state == "answered", typed  # Enter answered, and did not go on
        assert pane.verdict.text() == "Right", typed
        assert pane.feedback.text().startswith("You named LI4 Hégǔ 合谷 (Union Valley).")
        assert pane.diagram.selected() == "LI4"
        qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_1)  # Again: back in a minute
        clock.advance(minutes=1)
        qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(pane.answer_edit, "<b>hegu</b> lung")
    qtbot.keyClick(pane.answer_edit, Qt.Key.Key_Return)
    assert pane.verdict.text() == "Not quite"
    assert pane.feedback.textFormat() == Qt.TextFormat.PlainText


def test_knowing_by_choice_and_by_typing(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    clock = Clock()
    window = make_window()
    window.userdata.save_plan(Plan(None, "Lung", ("LU6",)))
    pane = open_study(qtbot, window, clock)
    choose(pane, "plan", "plan:Lung", "know")
    session = pane.session
    assert session is not None
    for _turn in range(5):
        question = session.question
        assert question is not None and pane.state == "asking"
        if question.kind == "choice":
            assert pane.stage.currentWidget() is pane.card
            assert [b.isVisible() for b in pane.choice_buttons] == [True] * 4
            qtbot.keyClick(pane.focusWidget(), Qt.Key(Qt.Key.Key_1 + question.right))
        else:
            assert question.prompt == "Which point is the xi-cleft point of the Lung Meridian (LU)?"
            qtbot.keyClicks(pane.answer_edit, "Kongzui")
            qtbot.keyClick(pane.answer_edit, Qt.Key.Key_Return)
        assert pane.verdict.text() == "Right", question.prompt
        qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_1)  # Again, so that it comes back
        clock.advance(minutes=1)
        qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_Return)
    aspects = [r for r in session.store.reviews()]
    assert len(aspects) == 5 and all(r.passed for r in aspects)


def test_the_weakest_points_open_in_the_atlas(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    window = make_window()
    pane = open_study(qtbot, window, Clock())
    click_off(qtbot, pane, atlas, 3.0)
    qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(pane, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # the Progress tab
    assert pane.tabs.currentWidget() is pane.progress
    table = pane.progress.decks
    rows = [[cell(table, r, c) for c in range(5)] for r in range(table.rowCount())]
    assert rows == [
        ["All points", "0", "0", "1", "0% of 1"],
        ["Lung Meridian (LU)", "0", "0", "1", "0% of 1"],
    ]
    (day,) = pane.progress.chart.days  # the chart's one day so far
    assert day.answers == 1 and day.mean_error > 2.9
    weakest = pane.progress.weakest
    assert weakest.item(0).text().startswith("LU1 Zhōngfǔ 中府: missed 1 of 1, mean error 3.")
    weakest.setCurrentRow(0)
    qtbot.keyClick(weakest, Qt.Key.Key_Return)
    assert window.current_code == "LU1"


def test_the_pane_follows_the_theme_while_running(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    window = make_window()
    pane = open_study(qtbot, window, Clock())
    click_off(qtbot, pane, atlas, 3.0)

    def colours() -> tuple[int, int]:
        window_colour = pane.palette().color(pane.palette().ColorRole.Window).lightness()
        verdict = pane.verdict.palette().color(pane.verdict.palette().ColorRole.WindowText)
        return window_colour, verdict.lightness()

    window.set_theme("light")
    QApplication.processEvents()
    light = colours()
    window.set_theme("dark")
    QApplication.processEvents()
    dark = colours()
    assert light[0] > 128 > dark[0]  # the window turned dark
    assert dark[1] > light[1]  # and the verdict's red turned light, to be read on it
    window.set_theme("system")


def test_the_pane_fits_a_1366_by_768_screen(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    pane = open_study(qtbot, make_window(), Clock())
    hint = pane.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    pane.resize(1366, 700)  # the screen, less a task bar and the window's frame
    QApplication.processEvents()
    inside = pane.rect()
    for widget in (pane.prompt, pane.hint, pane.next_button, *pane.rate_buttons, pane.counts):
        top_left = widget.mapTo(pane, widget.rect().topLeft())
        bottom_right = widget.mapTo(pane, widget.rect().bottomRight())
        assert inside.contains(top_left) and inside.contains(bottom_right), widget.objectName()
    screen = pane.screen().availableGeometry()
    first = StudyPane(pane.atlas, pane.userdata)
    qtbot.addWidget(first)
    assert first.width() <= screen.width() and first.height() <= screen.height()


def test_ten_minutes_of_the_lung_channel_then_a_restart(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    """Issue #15, done when: a student studies the LU channel's locations for ten minutes,
    restarts, and finds the misses due again and the progress kept."""
    clock = Clock()
    window = make_window()
    pane = open_study(qtbot, window, clock)
    assert pane.deck().spec == "channel:LU" and pane.drill.currentData() == "locate"  # type: ignore[union-attr]
    hard = {"LU5", "LU8"}  # the student keeps missing these two
    answered: list[tuple[str, bool]] = []
    while clock() < START + timedelta(minutes=10):
        code, _view = asked(pane)
        click_off(qtbot, pane, atlas, 2.0 if code in hard else 0.0)
        answered.append((code, pane.verdict.text() == "Right"))
        clock.advance(seconds=15)
        qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_Return)
        if pane.state == "done":
            break
    assert {code for code, _ in answered} == {f"LU{i}" for i in range(1, 12)}
    assert all(right == (code not in hard) for code, right in answered)
    counts = pane.session.counts()  # type: ignore[union-attr]
    assert counts.learned == 9 and counts.new == 0
    window.close()

    clock.advance(minutes=5)  # the student comes back a little later
    window = make_window()
    pane = open_study(qtbot, window, clock)
    code, _view = asked(pane)
    assert code in hard  # a miss is due again, and comes first
    session = pane.session
    assert session is not None
    due = [c for c in ("LU5", "LU8") if (card := session.card(c, "locate")) and card.due <= clock()]
    assert due == ["LU5", "LU8"]
    assert pane.counts.text() == "Due 2 · New 0 · Learned 9 of 11"
    pane.tabs.setCurrentWidget(pane.progress)
    table = pane.progress.decks
    rows = {cell(table, r, 0): cell(table, r, 4) for r in range(table.rowCount())}
    passed = sum(right for _, right in answered)
    assert rows["Lung Meridian (LU)"] == f"{passed / len(answered):.0%} of {len(answered)}"
    weakest = [pane.progress.weakest.item(i).text()[:3] for i in range(2)]
    assert sorted(weakest) == ["LU5", "LU8"]
    # and "my misses" holds exactly them
    pane.tabs.setCurrentWidget(pane.practise)
    choose(pane, "misses")
    assert asked(pane)[0] in hard
    assert pane.counts.text().endswith("of 2")


def test_a_store_that_cannot_be_written_still_lets_one_practise(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    atlas: Atlas,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "access", lambda *_args: False)  # as a read-only folder
    window = make_window()
    assert not window.userdata.writable
    pane = open_study(qtbot, window, Clock())
    click_off(qtbot, pane, atlas, 0.0)
    assert pane.verdict.text() == "Right"  # scored and shown all the same
    assert pane.message.isVisible() and "Not saved" in pane.message.text()
    assert "\n" not in pane.message.text()


def test_locating_frames_the_points_region_large_enough_to_aim(
    qtbot: QtBot, make_window: Callable[[], MainWindow], atlas: Atlas
) -> None:
    """On a 1366x768 screen the body view opens on the asked point's region (not on the
    whole figure, where 0.5 B-cun was 4 pixels): the region fills the pane, the point
    is in sight, and 1 B-cun is at least 30 pixels."""
    from atlas.diagram.regions import polygon_path
    from atlas.diagram.sources import read_regions

    pane = open_study(qtbot, make_window(), Clock())
    pane.resize(1366, 700)  # the screen, less a task bar and the window's frame
    QApplication.processEvents()
    seen = set()
    while pane.state == "asking":
        code, view = asked(pane)
        assert view is not None and code not in seen
        seen.add(code)
        diagram = pane.diagram
        info = diagram.view_info(view)
        point = atlas.point(code)
        assert info is not None and point is not None
        assert diagram.transform().m11() * views(atlas)[view].scale >= 30, code
        shown = diagram.mapToScene(diagram.viewport().rect()).boundingRect()
        places = [QPointF(s.x, s.y) for s in spots(atlas, code, view)]
        assert any(shown.contains(p) for p in places), code
        region = [
            polygon_path(r.polygons).boundingRect()
            for r in read_regions(info.path)
            if r.region == point.region
            and any(polygon_path(r.polygons).contains(p) for p in places)
        ]
        assert region, code
        # the region, with at most 3 B-cun either side of it across or along the pane
        # (or more of it than the pane holds)
        unit = views(atlas)[view].scale
        assert any(
            shown.contains(r.center())
            and min(shown.width() - r.width(), shown.height() - r.height()) <= 6 * unit
            for r in region
        ), (code, shown, region)
        click_off(qtbot, pane, atlas, 0.0)
        qtbot.keyClick(pane.focusWidget(), Qt.Key.Key_Return)
    assert seen == {f"LU{i}" for i in range(1, 12)}
