"""The diagram by keys alone: arrows move a focus ring from point to point, Tab steps
through the regions and the cues, Enter acts, Escape clears; the focus is drawn in
its own colour and said in the status bar and the accessible name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from atlas.diagram.style import FOCUS, HIGHLIGHT
from atlas.diagram.view import DiagramView
from atlas.ui import MainWindow


@pytest.fixture
def window(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> MainWindow:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.diagram
    qtbot.waitUntil(lambda: bool(view.markers()))
    window.diagram_panel.view_combo.setCurrentIndex(
        window.diagram_panel.view_combo.findData("back")
    )
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return window


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)


def said(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def focused_code(window: MainWindow) -> str:
    """The point the status bar says the focus is on."""
    return said(window).split(" ", 1)[0]


def marker_at(view: DiagramView, code: str) -> tuple[float, float]:
    m = next(m for m in view.markers() if m.code == code and m.side in ("right", "midline"))
    return m.scene_x, m.scene_y


def test_arrows_move_from_point_to_point_and_enter_opens(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    press(qtbot, Qt.Key.Key_Right)
    first = focused_code(window)
    assert first and "Enter opens it" in said(window)
    assert first in view.accessibleName() and "Back view" in view.accessibleName()
    assert window.current_code is None  # moving opens nothing
    for key, axis, sign in (
        (Qt.Key.Key_Right, 0, 1),
        (Qt.Key.Key_Down, 1, 1),
        (Qt.Key.Key_Left, 0, -1),
        (Qt.Key.Key_Up, 1, -1),
    ):
        before = view.keyboard_focus().marker
        assert before is not None
        press(qtbot, key)
        after = view.keyboard_focus().marker
        assert after is not None and after is not before
        assert (after.pos() - before.pos()).toTuple()[axis] * sign > 0  # that way
    code = focused_code(window)
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_code == code
    assert view.selected() == code


def test_the_focus_ring_is_blue_and_square_not_the_orange_selection(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.diagram
    press(qtbot, Qt.Key.Key_Down)
    marker = view.keyboard_focus().marker
    assert marker is not None
    view.centerOn(marker.pos())
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    centre = view.mapFromScene(marker.pos())
    r = marker.outer() + 4

    def near(colour: QColor, x: float, y: float) -> bool:
        pixel = image.pixelColor(round(x), round(y))
        return (
            abs(pixel.red() - colour.red())
            + abs(pixel.green() - colour.green())
            + abs(pixel.blue() - colour.blue())
        ) < 60

    # the ring's sides, and towards its corners, where a round ring would not be
    edge = [(centre.x() + r, centre.y()), (centre.x() - r, centre.y())]
    corner = [(centre.x() + r, centre.y() + r * 0.6), (centre.x() - r, centre.y() - r * 0.6)]
    assert all(near(FOCUS, x, y) for x, y in edge + corner)
    assert not any(near(HIGHLIGHT, x, y) for x, y in edge + corner)


def test_arrows_go_to_the_nearest_point_that_way(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    view.select("BL23")
    press(qtbot, Qt.Key.Key_Up)  # the first press: the selected point
    assert focused_code(window) == "BL23"
    start = view.keyboard_focus().marker
    assert start is not None
    press(qtbot, Qt.Key.Key_Up)
    up = view.keyboard_focus().marker
    assert up is not None
    # nothing visible lies straight above BL23 and nearer than the one chosen
    gap = start.scene_y - up.scene_y
    assert gap > 0 and abs(up.scene_x - start.scene_x) < gap
    for m in view.markers():
        if m.visible and m is not start and abs(m.scene_x - start.scene_x) < 0.5:
            assert not 0 < start.scene_y - m.scene_y < gap - 0.01, m.code


def test_tab_steps_through_the_regions_and_enter_lists_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.diagram
    press(qtbot, Qt.Key.Key_Tab)
    first = said(window)
    assert first.endswith("Enter lists its points.")
    press(qtbot, Qt.Key.Key_Tab)
    second = said(window)
    assert second != first and second.endswith("Enter lists its points.")
    assert view.hasFocus()
    press(qtbot, Qt.Key.Key_Backtab)
    assert said(window) == first
    press(qtbot, Qt.Key.Key_Return)
    assert "region" in window.search.label.text()
    outlined = [r for r in view.region_items() if r.outlined]
    assert outlined and first.startswith(view.region_name(outlined[0].region))


def test_tab_reaches_the_cues_and_enter_follows_one(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    for _ in range(60):
        press(qtbot, Qt.Key.Key_Tab)
        if "continues on the" in said(window):
            break
    text = said(window)
    assert "continues on the" in text
    channel, target = text.split(" ", 1)[0], text.split("continues on the ")[1].split(" view")[0]
    press(qtbot, Qt.Key.Key_Return)
    info = view.view_info(view.current_view() or "")
    assert info is not None and info.short_title == target
    assert view.focus_channel() == channel


def test_escape_clears_the_focus_and_tab_past_the_last_stop_leaves(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.diagram
    press(qtbot, Qt.Key.Key_Left)
    assert said(window)
    press(qtbot, Qt.Key.Key_Escape)
    assert said(window) == "" and view.accessibleName() == "Body diagram"
    assert view.keyboard_focus().marker is None
    for _ in range(80):
        press(qtbot, Qt.Key.Key_Tab)
        if not view.hasFocus():
            break
    assert not view.hasFocus()  # past the last cue, the focus goes on
    view.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not view.hasFocus()  # Ctrl+Tab leaves at once


def test_a_point_hidden_with_its_channel_loses_the_focus(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    press(qtbot, Qt.Key.Key_Down)
    marker = view.keyboard_focus().marker
    assert marker is not None and said(window)
    view.state.set_channel_visible(marker.channel, False)  # from the Channels dock, say
    assert view.keyboard_focus().marker is None
    assert said(window) == ""
