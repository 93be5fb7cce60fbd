"""The window fits the screen it opens on: the first time, and when the screen has
shrunk since it was last closed (a laptop taken away from its monitor)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import QPoint, QRect, QSize

from atlas.ui.settings import DEFAULT_SIZE, FRAME, fit_onto

LAPTOP = QRect(0, 0, 1366, 768)
DESKTOP = QRect(0, 0, 1920, 1080)


def framed(rect: QRect) -> QRect:
    return rect.marginsAdded(FRAME)


@pytest.mark.parametrize(
    "available",
    [
        QRect(0, 0, 1366, 768),
        QRect(0, 0, 1366, 736),  # a task bar at the bottom
        QRect(0, 27, 1366, 741),  # a panel at the top
        QRect(0, 0, 1920, 1080),
        QRect(1920, 0, 1280, 1024),  # a second monitor to the right
        QRect(0, 0, 800, 600),
    ],
)
def test_a_first_window_fits_and_is_centred(available: QRect) -> None:
    rect = fit_onto(available, DEFAULT_SIZE)
    assert available.contains(framed(rect))
    assert rect.size() == DEFAULT_SIZE.boundedTo(available.marginsRemoved(FRAME).size())
    assert abs(framed(rect).center().x() - available.center().x()) <= 1


def test_a_large_screen_gets_the_whole_default_size() -> None:
    assert fit_onto(DESKTOP, DEFAULT_SIZE).size() == DEFAULT_SIZE


@pytest.mark.parametrize(
    "remembered",
    [
        QRect(500, 200, 1400, 850),  # too big and too far right and down
        QRect(-300, -50, 900, 600),  # partly off the top left
        QRect(2400, 100, 1000, 700),  # on a monitor that is gone
        QRect(100, 80, 1000, 600),  # fits already
    ],
)
def test_a_remembered_window_is_brought_onto_a_smaller_screen(remembered: QRect) -> None:
    rect = fit_onto(LAPTOP, remembered)
    assert LAPTOP.contains(framed(rect))
    assert rect.width() <= remembered.width() and rect.height() <= remembered.height()
    if LAPTOP.contains(framed(remembered)):
        assert rect == remembered  # a window that fits stays where the user left it


# ------------------------------------------------------------------ the real window

OPEN_WINDOW = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabBar
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
app = QApplication(sys.argv[:1])
app.setOrganizationName("AcupointAtlasTests")
app.setApplicationName("Acupoint Atlas Tests")
from atlas.core import Atlas
from atlas.ui import MainWindow
window = MainWindow(Atlas.open())
window.show()
for _ in range(5):
    app.processEvents()

def where(widget):
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]

tabs = {}
for bar in window.findChildren(QTabBar):
    for i in range(bar.count()):
        rect = bar.tabRect(i)
        top_left = bar.mapToGlobal(rect.topLeft())
        tabs[bar.tabText(i)] = [top_left.x(), top_left.y(), rect.width(), rect.height()]
frame = window.frameGeometry()
print(json.dumps({
    "available": list(window.screen().availableGeometry().getRect()),
    "frame": list(frame.getRect()),
    "parts": {
        "point pane": where(window.docks.detail),
        "status bar": where(window.statusBar()),
        "diagram": where(window.diagram),
        **tabs,
    },
}))
if len(sys.argv) > 2:  # the user makes it large and moves it before closing
    x, y, width, height = map(int, sys.argv[2].split(","))
    window.setGeometry(x, y, width, height)
    app.processEvents()
window.close()
"""


class Shown(NamedTuple):
    """Where the window and its parts lie on the screen."""

    available: QRect
    frame: QRect
    parts: dict[str, QRect]


def open_window(tmp_path: Path, screen: QSize, *then: str) -> Shown:
    """Open the window on an offscreen screen of this size; where everything lies."""
    config = tmp_path / f"screen-{screen.width()}.json"
    size = {"width": screen.width(), "height": screen.height()}
    config.write_text(json.dumps({"screens": [{"name": "screen", **size, "logicalDpi": 96}]}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["ATLAS_NO_FIRST_RUN_NOTICE"] = "1"
    env["ATLAS_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", OPEN_WINDOW, str(tmp_path / "settings"), *then],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    return Shown(
        QRect(*shown["available"]),
        QRect(*shown["frame"]),
        {name: QRect(*rect) for name, rect in shown["parts"].items()},
    )


def assert_all_on_screen(shown: Shown) -> None:
    assert shown.available.contains(shown.frame), shown
    expected = {"point pane", "status bar", "diagram", "Channels", "Conditions", "Plan"}
    assert expected <= set(shown.parts)
    for name, rect in shown.parts.items():
        assert shown.available.contains(rect), f"{name} is off the screen: {rect}"


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1920, 1080)])
def test_the_first_window_is_all_on_screen(tmp_path: Path, screen: QSize) -> None:
    shown = open_window(tmp_path, screen)
    assert_all_on_screen(shown)
    assert shown.available.size() == screen


def test_a_window_left_large_on_a_big_monitor_comes_back_onto_a_laptop(tmp_path: Path) -> None:
    big = open_window(tmp_path, QSize(1920, 1080), "400,150,1500,920")
    assert_all_on_screen(big)
    again = open_window(tmp_path, QSize(1366, 768))
    assert_all_on_screen(again)
    assert again.frame.width() > 1200 and again.frame.height() > 650  # as large as fits
    assert again.frame.topLeft() != QPoint(400, 150)
