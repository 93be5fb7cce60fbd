"""Lists by caution: the search panel's caution filter, used as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from atlas.ui import MainWindow

# a combo box's list is a popup: the offscreen platform cannot raise it or grab the keys
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open a combo box's list with a click, go down to the item that reads `text` with
    the arrow keys (they pass over separators) and press Enter."""
    row = combo.findText(text)
    assert row >= 0, f"no item {text!r} in {combo.objectName()}"
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    model = view.model()
    enabled = Qt.ItemFlag.ItemIsEnabled
    for _ in range(sum(bool(model.flags(model.index(r, 0)) & enabled) for r in range(1, row + 1))):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
    assert combo.currentText() == text


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]


def test_every_caution_flag_can_be_kept_or_left_out(window: MainWindow) -> None:
    shown = items(window.search.caution_filter)
    for flag in window.atlas.caution_flags():
        assert f"Flagged for {flag.name}" in shown
        assert f"Not flagged for {flag.name}" in shown
    assert shown[0] == "Any cautions"


def test_list_every_point_flagged_for_pregnancy(qtbot: QtBot, window: MainWindow) -> None:
    choose(qtbot, window.search.caution_filter, "Flagged for Pregnancy")
    flagged = [p.code for p in window.atlas.all_points() if "pregnancy" in p.caution_flags]
    assert window.search.codes() == flagged
    assert {"LI4", "SP6", "GB21", "BL60"} <= set(flagged)
    assert window.search.label.text() == f"{len(flagged)} points: flagged for Pregnancy"


def test_safe_in_pregnancy_with_a_query(qtbot: QtBot, window: MainWindow) -> None:
    choose(qtbot, window.search.caution_filter, "Not flagged for Pregnancy")
    qtbot.keyClicks(window.search.edit, "headache")
    qtbot.waitUntil(lambda: "headache" in window.search.label.text(), timeout=2000)
    codes = window.search.codes()
    assert codes and "LI4" not in codes  # LI4 treats headache, but is flagged
    for code in codes:
        point = window.atlas.point(code)
        assert point is not None and "pregnancy" not in point.caution_flags
    assert window.search.label.text().endswith("· not flagged for Pregnancy")


def test_the_caution_filter_combines_with_the_others(qtbot: QtBot, window: MainWindow) -> None:
    choose(qtbot, window.search.channel_filter, "GB  Gallbladder Meridian")
    choose(qtbot, window.search.caution_filter, "Flagged for Pneumothorax risk")
    codes = window.search.codes()
    assert "GB21" in codes
    assert codes == [
        p.code
        for p in window.atlas.all_points()
        if p.channel == "GB" and "pneumothorax" in p.caution_flags
    ]
    label = window.search.label.text()
    assert label == f"{len(codes)} points: Gallbladder Meridian · flagged for Pneumothorax risk"


def test_clear_brings_back_every_point(qtbot: QtBot, window: MainWindow) -> None:
    choose(qtbot, window.search.caution_filter, "Flagged for Eye")
    assert len(window.search.codes()) < 10
    qtbot.mouseClick(window.search.clear_button, Qt.MouseButton.LeftButton)
    assert window.search.caution_filter.currentText() == "Any cautions"
    assert len(window.search.codes()) == len(list(window.atlas.all_points()))


def test_a_region_listed_from_the_diagram_can_be_narrowed_by_caution(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_region("hand")
    choose(qtbot, window.search.caution_filter, "Not flagged for Pregnancy")
    codes = window.search.codes()
    assert codes and "LI4" not in codes
    for code in codes:
        point = window.atlas.point(code)
        assert point is not None and point.region == "hand"
    assert "Hand" in window.search.label.text()
