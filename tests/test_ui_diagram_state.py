"""The window follows the diagram's state: the Channels dock, the diagram's own
channel menu and the point pane show `DiagramView.state` and send the user's
choices to it, so whichever way a choice is made, all of them agree."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from atlas.ui import MainWindow


@pytest.fixture
def window(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> MainWindow:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: bool(window.diagram.markers()))
    return window


def dock_ticked(window: MainWindow) -> dict[str, bool]:
    channels = window.channel_browser.list
    return {
        channels.item(r).text().split()[0]: channels.item(r).checkState() == Qt.CheckState.Checked
        for r in range(channels.count())
    }


def menu_ticked(window: MainWindow) -> dict[str, bool]:
    return {code: a.isChecked() for code, a in window.diagram_panel.channel_actions.items()}


def dock_current(window: MainWindow) -> str | None:
    item = window.channel_browser.list.currentItem()
    return item.text().split()[0] if item is not None else None


def test_hiding_a_channel_anywhere_shows_everywhere(qtbot: QtBot, window: MainWindow) -> None:
    state = window.diagram.state
    window.diagram_panel.channel_actions["LU"].trigger()  # the diagram's Channels menu
    assert "LU" in state.hidden_channels
    assert dock_ticked(window)["LU"] is False and menu_ticked(window)["LU"] is False

    channels = window.channel_browser.list  # the Channels dock, from the keyboard
    channels.setFocus()
    channels.setCurrentRow(2)  # ST
    qtbot.keyClick(channels, Qt.Key.Key_Space)
    assert state.hidden_channels == {"LU", "ST"}
    assert menu_ticked(window)["ST"] is False and dock_ticked(window)["ST"] is False
    assert not any(item.isVisible() for item in window.diagram.channel_path_items("ST"))

    window.diagram_panel.set_all_channels(True)  # Show all
    assert state.hidden_channels == frozenset()
    assert all(dock_ticked(window).values()) and all(menu_ticked(window).values())


def test_the_channel_brought_forward_is_the_docks_current_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.diagram.set_view("back")
    cue = next(c for c in window.diagram.cues() if c.cue.channel == "SI")
    window.diagram.follow_cue(cue.cue.channel, cue.to_view)  # as a click on the cue does
    assert dock_current(window) == "SI"
    window.clear_list()
    assert window.diagram.focus_channel() is None and dock_current(window) is None


def test_the_point_pane_shows_the_diagrams_selection(qtbot: QtBot, window: MainWindow) -> None:
    window.diagram.select("BL23")  # however the selection is made
    assert window.current_code == "BL23"
    assert window.detail.code == "BL23"
    assert window.windowTitle().startswith("BL23 ")
    window.open_point("LI4")
    assert window.diagram.selected() == "LI4" and window.detail.code == "LI4"
    window.diagram.select(None)
    assert window.current_code is None and window.windowTitle() == "Acupoint Atlas"
