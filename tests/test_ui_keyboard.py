"""The window from the keyboard alone: focus stays where the user can see it, each
panel is a shortcut away, lists move without opening, menus say what they do."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QWidget
from pytestqt.qtbot import QtBot

from atlas.core.userdata import Plan
from atlas.ui import MainWindow


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def dock_of(widget: QWidget | None) -> QDockWidget | None:
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the focus is, as a user presses it."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


# ------------------------------------------------------------------ focus


def test_tab_never_enters_a_hidden_panel(qtbot: QtBot, window: MainWindow) -> None:
    window.channel_browser.list.setFocus()
    assert window.docks.is_showing(window.docks.channels)
    assert not window.docks.is_showing(window.docks.plan)
    visited = []
    # (the diagram takes Tab through its regions and cues before it lets the focus go on)
    for key in [Qt.Key.Key_Tab] * 200 + [Qt.Key.Key_Backtab] * 200:
        press(qtbot, key)
        widget = focused()
        assert widget is not None
        visited.append(widget)
        dock = dock_of(widget)
        assert dock is None or window.docks.is_showing(dock), (
            f"{key.name} took the focus to {widget.objectName() or widget} in the hidden"
            f" {dock.windowTitle()} panel"
        )
    assert window.search.edit in visited and window.channel_browser.list in visited


@pytest.mark.parametrize(
    ("key", "dock", "name"),
    [
        (Qt.Key.Key_1, "search", "searchEdit"),
        (Qt.Key.Key_3, "channels", "channelList"),
        (Qt.Key.Key_4, "conditions", "conditionFilter"),
        (Qt.Key.Key_5, "plan", "planList"),
    ],
)
def test_each_panel_has_a_shortcut_that_shows_and_focuses_it(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, dock: str, name: str
) -> None:
    window.diagram.setFocus()
    target: QDockWidget = getattr(window.docks, dock)
    if dock == "search":
        target.hide()  # a closed panel comes back too
    press(qtbot, key, ALT)
    assert window.docks.is_showing(target)
    widget = focused()
    assert widget is not None and widget.objectName() == name
    assert dock_of(widget) is target


def test_the_point_panel_shortcut_focuses_the_point_text(qtbot: QtBot, window: MainWindow) -> None:
    window.open_point("LI4")
    window.docks.detail.hide()
    window.diagram.setFocus()
    press(qtbot, Qt.Key.Key_2, ALT)
    assert window.docks.is_showing(window.docks.detail)
    assert focused() is window.detail.text


def test_the_panel_shortcuts_are_shown_in_the_go_menu(window: MainWindow) -> None:
    go = menu(window, "Go")
    for title, keys in [("Search", "Alt+1"), ("Point", "Alt+2"), ("Channels", "Alt+3"),
                        ("Conditions", "Alt+4"), ("Plan", "Alt+5")]:  # fmt: skip
        action = next(a for a in go.actions() if title in a.text().replace("&", ""))
        assert action.shortcut() == QKeySequence(keys)


# ------------------------------------------------------------------ lists


def test_arrows_in_the_results_move_and_enter_opens(qtbot: QtBot, window: MainWindow) -> None:
    window.search.list.setFocus()  # the list of every point
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert window.current_code is None, "moving through the list opened a point"
    row = window.search.list.currentIndex().row()
    assert row > 0
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_code == window.search.codes()[row]


def test_arrows_from_the_search_field_move_and_enter_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search.edit, "LI")
    qtbot.waitUntil(lambda: "LI" in window.search.label.text(), timeout=2000)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert window.current_code is None
    assert focused() is window.search.edit
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_code == window.search.codes()[1]


def test_tabbing_through_the_lists_opens_and_selects_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.focus_search()
    before = window.search.codes()
    for _ in range(30):
        press(qtbot, Qt.Key.Key_Tab)
    window.condition_browser.list.setFocus()  # nothing chosen by arriving
    window.channel_browser.list.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert window.current_code is None
    assert window.search.codes() == before
    assert window.diagram.focus_channel() is None
    assert not window.condition_browser.summary.isVisible()


def test_a_channel_is_chosen_with_enter(qtbot: QtBot, window: MainWindow) -> None:
    channels = window.channel_browser.list
    channels.setFocus()
    channels.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Down)  # LI
    assert window.diagram.focus_channel() is None
    press(qtbot, Qt.Key.Key_Return)
    assert window.diagram.focus_channel() == "LI"
    assert window.search.codes()[:2] == ["LI1", "LI2"]


def test_type_low_back_and_choose_it_with_enter(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_4, ALT)
    qtbot.keyClicks(focused(), "low back")
    assert window.condition_browser.summary.isHidden()
    press(qtbot, Qt.Key.Key_Return)
    assert window.search.label.text().startswith("Low back pain")
    assert window.docks.is_showing(window.docks.conditions)


# ------------------------------------------------------------------ menus


def menu(window: MainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title:
            found = action.menu()
            assert isinstance(found, QMenu)
            return found
    raise AssertionError(f"no {title} menu")


def every_item(bar_menus: list[QMenu]) -> Iterator[QAction]:
    for m in bar_menus:
        m.aboutToShow.emit()  # menus that fill themselves when shown
        for action in m.actions():
            if action.isSeparator():
                continue
            yield action
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from every_item([sub])


def test_every_menu_item_has_words(window: MainWindow) -> None:
    menus = [a.menu() for a in window.menuBar().actions()]
    for action in every_item([m for m in menus if isinstance(m, QMenu)]):
        assert re.search(r"[A-Za-z]{2}", action.text()), f"menu item {action.text()!r}"


def test_the_plan_menu_opens_saves_and_prints(window: MainWindow) -> None:
    texts = [a.text().replace("&", "") for a in menu(window, "Plan").actions()]
    for wanted in ("Open", "Save", "Print"):
        assert any(t.startswith(wanted) for t in texts), f"{wanted} is not in {texts}"


# a popup menu raises itself and grabs the keyboard: the offscreen test platform cannot
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_open_menu_pops_up_under_its_button(qtbot: QtBot, window: MainWindow) -> None:
    window.userdata.save_plan(Plan(None, "Low back", ("BL23", "BL40")))
    press(qtbot, Qt.Key.Key_5, ALT)
    button = window.plan.open_button
    popped: list[QPoint] = []

    def look() -> None:
        shown = QApplication.activePopupWidget()
        if shown is None:
            QTimer.singleShot(10, look)
            return
        popped.append(shown.pos())
        shown.close()

    QTimer.singleShot(0, look)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(popped), timeout=2000)
    under = button.mapToGlobal(button.rect().bottomLeft())
    assert abs(popped[0].x() - under.x()) <= 4 and abs(popped[0].y() - under.y()) <= 4


# ------------------------------------------------------------------ undo


def test_undo_follows_the_field_the_user_is_in(qtbot: QtBot, window: MainWindow) -> None:
    window.plan.add(["LI4"])
    assert window.commands.undo.text().replace("&", "") == "Undo in Plan: Add LI4"
    window.focus_search()
    qtbot.keyClicks(window.search.edit, "hegu")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.search.edit.text() != "hegu"  # the typing is undone
    assert window.plan.codes() == ["LI4"]
    window.search.list.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.plan.codes() == []
    assert window.commands.redo.text().replace("&", "") == "Redo in Plan: Add LI4"
    assert not window.commands.undo.isEnabled()
