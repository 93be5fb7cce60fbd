"""Help: the shortcut sheet (F1) lists every shortcut of the window, the guide explains
the window and how to read a point, and the first-run tips can be put away and back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from atlas.ui import MainWindow
from atlas.ui.help import HelpDialog

NATIVE = QKeySequence.SequenceFormat.NativeText

# the help window raises itself; the offscreen test platform cannot (nor pass size hints on)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


def help_shown(qtbot: QtBot) -> HelpDialog:
    dialog = next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()),
        None,
    )
    assert dialog is not None, "no help window"
    return dialog


def test_f1_shows_every_shortcut_of_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_F1)
    sheet = help_shown(qtbot).text(HelpDialog.KEYS)
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) > 25
    for action in with_keys:
        words = action.text().replace("&", "").rstrip("…")
        keys = action.shortcut().toString(NATIVE)
        assert f"{keys}\n{words}" in sheet, f"{words} ({keys}) is not on the sheet"
    for expected in ("Alt+5", "Ctrl+S", "Ctrl+Z", "F1"):
        assert expected in sheet


def test_the_sheet_follows_the_actions(window: MainWindow) -> None:
    window.commands.favourites.setShortcut(QKeySequence("Ctrl+Alt+J"))
    sheet = window.show_help().text(HelpDialog.KEYS)
    assert "Ctrl+Alt+J" in sheet and "Ctrl+Shift+F" not in sheet


def test_the_guide_explains_cun_the_measuring_guide_and_every_caution(window: MainWindow) -> None:
    window.commands.guide.trigger()
    dialog = window.show_help(guide=True)
    assert dialog.tabs.currentIndex() == HelpDialog.GUIDE
    guide = dialog.text(HelpDialog.GUIDE)
    for words in ("B-cun", "F-cun", "measuring guide", "Cautions", "licensed practitioner"):
        assert words in guide
    for flag in window.atlas.caution_flags():
        assert f"{flag.name}: {flag.summary}" in guide


def test_first_run_tips_can_be_dismissed_and_brought_back(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, make_window: Callable[[], MainWindow]
) -> None:
    monkeypatch.delenv("ATLAS_NO_FIRST_RUN_NOTICE")
    QSettings().setValue("notice/accepted", True)  # the safety notice is not what is tried here
    window = make_window()
    qtbot.waitUntil(lambda: window.tips_bar is not None and window.tips_bar.isVisible())
    bar = window.tips_bar
    assert bar is not None
    first = bar.tip()
    assert "Ctrl+F" in first
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.tip() != first
    qtbot.mouseClick(bar.hide_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    window.close()

    again = make_window()
    qtbot.wait(50)  # the tips would be shown just after the window
    assert again.tips_bar is None
    again.commands.tips.trigger()
    assert again.tips_bar is not None and again.tips_bar.isVisible()
    again.close()
    third = make_window()
    qtbot.waitUntil(lambda: third.tips_bar is not None and third.tips_bar.isVisible())


def test_every_tip_names_real_keys(window: MainWindow) -> None:
    window.show_tips()
    bar = window.tips_bar
    assert bar is not None
    text = " ".join(bar.tips)
    for action in (window.commands.find, window.commands.add_to_plan, window.commands.shortcuts):
        assert action.shortcut().toString(NATIVE) in text
    assert "Alt+4 Conditions" in text
    assert not isinstance(bar, QDialog)
