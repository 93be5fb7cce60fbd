"""The code style (View > Codes): WHO or the older English codes, shown everywhere the
window shows a code, remembered, and searched in either style."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from atlas.core import Atlas, Point
from atlas.core.codes import format_code
from atlas.ui import MainWindow
from atlas.ui.models import PointListModel


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


def menu_item(window: MainWindow, *path: str) -> QAction:
    """The action at the end of a path of menu titles, read as a user reads them."""
    actions = window.menuBar().actions()
    found: QAction | None = None
    for title in path:
        found = next(a for a in actions if a.text().replace("&", "").startswith(title))
        menu = found.menu()
        actions = menu.actions() if isinstance(menu, QMenu) else []
    assert found is not None
    return found


def choose_style(window: MainWindow, title: str) -> None:
    menu_item(window, "View", "Codes", title).trigger()


def shown_rows(model: PointListModel) -> list[str]:
    return [str(model.data(model.index(row))) for row in range(model.rowCount())]


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, text)
    qtbot.waitUntil(lambda: f"“{text}”" in window.search.label.text(), timeout=2000)


def naming_another_point(atlas: Atlas) -> tuple[Point, str]:
    """A point whose location names a point of a channel the older style writes
    differently, and that code."""
    pattern = re.compile(r"\b(?:BL|KI|PC|TE|LR|GV|CV)\d+\b")
    for point in atlas.all_points():
        found = pattern.search(point.location)
        if found and found[0] != point.code:
            return point, found[0]
    raise AssertionError("no location names such a point")


def test_the_view_menu_offers_both_styles_and_who_is_first_chosen(window: MainWindow) -> None:
    who = menu_item(window, "View", "Codes", "WHO")
    older = menu_item(window, "View", "Codes", "Older English")
    assert who.isChecked() and not older.isChecked()
    assert "LIV3" in older.text() and "UB40" in older.text() and "LR3" in who.text()


def test_older_codes_in_every_list(qtbot: QtBot, window: MainWindow) -> None:
    choose_style(window, "Older English")
    window.show_channel("LR")
    rows = shown_rows(window.search.model)
    assert rows[0].startswith("LIV1 ") and rows[2].startswith("LIV3 ")
    assert window.search.codes()[2] == "LR3"  # the point is the same
    assert window.search.channel_filter.currentText() == "LIV  Liver Meridian"
    channels = window.channel_browser.list
    texts = [channels.item(row).text() for row in range(channels.count())]
    assert "UB   Bladder Meridian" in texts and "SJ   Triple Energizer Meridian" in texts
    window.plan.add(["TE5", "CV12", "LI4"])
    assert [row.split()[0] for row in shown_rows(window.plan.model)] == ["SJ5", "REN12", "LI4"]
    window.commands.undo.trigger()  # nothing left unsaved to ask about on closing


def test_search_reads_either_style_and_shows_the_chosen_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_style(window, "Older English")
    for typed in ("LIV3", "LR3", "liv-3"):
        search(qtbot, window, typed)
        assert window.search.codes()[0] == "LR3"
        assert shown_rows(window.search.model)[0].startswith("LIV3 ")
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert window.current_code == "LR3"
    assert window.windowTitle().startswith("LIV3 ")


def test_the_point_pane_writes_its_code_and_the_codes_in_its_text(window: MainWindow) -> None:
    point, named = naming_another_point(window.atlas)
    window.open_point(point.code)
    choose_style(window, "Older English")
    older_code = format_code(named, "older")
    assert window.detail.code_label.text() == format_code(point.code, "older")
    text = window.detail.text.toPlainText()
    assert re.search(rf"\b{older_code}\b", text), text
    assert not re.search(rf"\b{named}\b", text)
    choose_style(window, "WHO")
    assert window.detail.code_label.text() == point.code
    assert re.search(rf"\b{named}\b", window.detail.text.toPlainText())


def test_the_diagram_labels_follow_the_style(window: MainWindow) -> None:
    window.open_point("LR3")
    choose_style(window, "Older English")
    QApplication.processEvents()
    window.diagram.layout_labels()
    shown = [text for text, _box in window.diagram.texts_shown()]
    assert "LIV3" in shown and "LR3" not in shown


def test_the_style_is_remembered(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    choose_style(window, "Older English")
    assert QSettings().value("view/code_style") == "older"
    window.close()
    again = make_window()
    assert menu_item(again, "View", "Codes", "Older English").isChecked()
    again.open_point("BL40")
    assert again.detail.code_label.text() == "UB40"
    again.show_channel("GV")
    assert shown_rows(again.search.model)[0].startswith("DU1 ")
    assert again.windowTitle().startswith("UB40 ")


def test_a_stored_style_the_window_does_not_know_falls_back_to_who(
    make_window: Callable[[], MainWindow],
) -> None:
    QSettings().setValue("view/code_style", "<b>klingon</b>")
    window = make_window()
    assert menu_item(window, "View", "Codes", "WHO").isChecked()
    window.open_point("GV20")
    assert window.detail.code_label.text() == "GV20"
