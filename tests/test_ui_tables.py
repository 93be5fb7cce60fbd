"""The Tables view: the category tables across all channels, used as a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.ui import MainWindow
from atlas.ui.tables import CategoryTableModel, TablesView

# windows and popups: the offscreen platform cannot raise them, grab keys or pass size hints
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing|propagateSizeHints)"
)

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


def open_tables(qtbot: QtBot, window: MainWindow) -> TablesView:
    """Ctrl+Shift+T, as a user opens the Tables view."""
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL_SHIFT)
    tables = window.tables
    assert tables is not None
    qtbot.waitUntil(tables.isActiveWindow, timeout=2000)
    return tables


def cell(tables: TablesView, channel: str, category: str) -> QModelIndex:
    """The cell of a channel's row (by its header) and a category's column."""
    model = tables.model
    vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    rows = [str(model.headerData(r, vertical)) for r in range(model.rowCount())]
    columns = [str(model.headerData(c, horizontal)) for c in range(model.columnCount())]
    row = next(r for r, text in enumerate(rows) if text.endswith(channel))
    return model.index(row, columns.index(category))


def shown(tables: TablesView, index: QModelIndex) -> str:
    return str(tables.model.data(index))


def click(qtbot: QtBot, tables: TablesView, index: QModelIndex) -> None:
    view = tables.table
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_the_model_is_a_sound_qt_model(qtmodeltester: ModelTester, atlas: Atlas) -> None:
    model = CategoryTableModel(atlas)
    qtmodeltester.check(model)
    model.set_code_style("older")
    qtmodeltester.check(model)


def test_a_row_per_channel_and_a_column_per_category(qtbot: QtBot, window: MainWindow) -> None:
    tables = open_tables(qtbot, window)
    model = tables.model
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert columns == [
        "Jing-well",
        "Ying-spring",
        "Shu-stream",
        "Jing-river",
        "He-sea",
        "Yuan-source",
        "Luo-connecting",
        "Xi-cleft",
        "Front-mu",
        "Back-shu",
    ]
    rows = [str(model.headerData(r, Qt.Orientation.Vertical)) for r in range(model.rowCount())]
    for channel in window.atlas.channels():
        if channel.code != "EX":
            assert any(row.startswith(f"{channel.code}  ") for row in rows), channel.code
    assert shown(tables, cell(tables, "Lung Meridian", "Shu-stream")).startswith("LU9\n")
    assert shown(tables, cell(tables, "Kidney Meridian", "Back-shu")).startswith("BL23\n")
    assert shown(tables, cell(tables, "Spleen Meridian", "Luo-connecting")).startswith(
        "SP4 · SP21\n"
    )


def test_the_go_menu_opens_the_tables(window: MainWindow) -> None:
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    assert isinstance(go, QMenu)
    item = next(a for a in go.actions() if a.text().replace("&", "").startswith("Category Tables"))
    assert item.shortcut().toString() == "Ctrl+Shift+T"
    item.trigger()
    assert window.tables is not None and window.tables.isVisible()


def test_a_click_on_a_cell_opens_its_point(qtbot: QtBot, window: MainWindow) -> None:
    tables = open_tables(qtbot, window)
    click(qtbot, tables, cell(tables, "Stomach Meridian", "He-sea"))
    assert window.current_code == "ST36"
    assert window.detail.code == "ST36"


def test_arrows_move_and_enter_opens(qtbot: QtBot, window: MainWindow) -> None:
    tables = open_tables(qtbot, window)
    view = tables.table
    view.setFocus()
    view.setCurrentIndex(cell(tables, "Lung Meridian", "Jing-well"))
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down):
        qtbot.keyClick(view, key)
    assert window.current_code is None  # moving opens nothing
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_code == "LI3"


def test_a_cell_with_two_points_offers_both(qtbot: QtBot, window: MainWindow) -> None:
    tables = open_tables(qtbot, window)
    view = tables.table
    view.setFocus()
    view.setCurrentIndex(cell(tables, "Spleen Meridian", "Luo-connecting"))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == ["Open SP4 Gōngsūn", "Open SP21 Dàbāo"]
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_code == "SP21", timeout=2000)


def test_escape_closes_it(qtbot: QtBot, window: MainWindow) -> None:
    tables = open_tables(qtbot, window)
    qtbot.keyClick(tables.table, Qt.Key.Key_Escape)
    assert not tables.isVisible()


def test_it_opens_at_the_open_points_cell(qtbot: QtBot, window: MainWindow) -> None:
    window.open_point("KI3")
    tables = open_tables(qtbot, window)
    assert shown(tables, tables.table.currentIndex()).startswith("KI3\n")


def test_codes_follow_the_code_style(qtbot: QtBot, window: MainWindow) -> None:
    tables = open_tables(qtbot, window)
    window.set_code_style("older")
    assert shown(tables, cell(tables, "Liver Meridian", "Shu-stream")).startswith("LIV3\n")
    assert shown(tables, cell(tables, "Kidney Meridian", "Back-shu")).startswith("UB23\n")
    header = tables.model.headerData(
        cell(tables, "Liver Meridian", "Shu-stream").row(), Qt.Orientation.Vertical
    )
    assert header == "LIV  Liver Meridian"


def test_it_follows_the_theme(qtbot: QtBot, window: MainWindow) -> None:
    tables = open_tables(qtbot, window)
    window.set_theme("dark")
    qtbot.waitUntil(lambda: tables.table.palette().color(QPalette.ColorRole.Base).lightness() < 128)
    window.set_theme("light")
    qtbot.waitUntil(lambda: tables.table.palette().color(QPalette.ColorRole.Base).lightness() > 128)


# The whole table on a 1366x768 screen: an offscreen screen of that size, in its own process.
OPEN_TABLES = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
app = QApplication(sys.argv[:1])
app.setOrganizationName("AcupointAtlasTests")
app.setApplicationName("Acupoint Atlas Tests")
from atlas.core import Atlas
from atlas.ui import MainWindow
window = MainWindow(Atlas.open())
window.show()
tables = window.open_tables()
for _ in range(5):
    app.processEvents()
view = tables.table
print(json.dumps({
    "available": list(tables.screen().availableGeometry().getRect()),
    "frame": list(tables.frameGeometry().getRect()),
    "scroll": [view.horizontalScrollBar().maximum(), view.verticalScrollBar().maximum()],
}))
window.close()
"""


@pytest.mark.qt_log_ignore(".*")  # the child process's messages are not this test's
def test_the_whole_table_fits_a_1366x768_screen(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "screen", "width": 1366, "height": 768, "logicalDpi": 96}
    config.write_text(json.dumps({"screens": [screen]}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["ATLAS_NO_FIRST_RUN_NOTICE"] = "1"
    env["ATLAS_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", OPEN_TABLES, str(tmp_path / "settings")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    x, y, width, height = shown["frame"]
    ax, ay, available_width, available_height = shown["available"]
    assert (available_width, available_height) == (1366, 768)
    assert ax <= x and ay <= y and x + width <= ax + available_width
    assert y + height <= ay + available_height
    assert shown["scroll"] == [0, 0]  # every row and column in sight
