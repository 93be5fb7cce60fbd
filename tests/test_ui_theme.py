"""Switching the theme while the window runs recolours every pane at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from atlas.ui import MainWindow

Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


def colours(window: MainWindow) -> dict[str, QColor]:
    """What each pane is painted with: its background, or its text where that is what shows."""
    detail = window.detail
    title = next(label for label in detail.findChildren(QLabel) if "My notes" in label.text())
    header = detail.findChild(QWidget, "detailHeader")
    assert header is not None

    def base(widget: QWidget) -> QColor:
        return widget.palette().color(Role.Base)

    return {
        "point text": base(detail.text.viewport()),
        "notes": base(detail.note_edit),
        "point footer": detail.disclaimer.palette().color(Role.Window),
        "point header": header.palette().color(Role.Window),
        "point pane": detail.palette().color(Role.Window),
        "results": base(window.search.list),
        "channels": base(window.channel_browser.list),
        "conditions": base(window.condition_browser.list),
        "plan": base(window.plan.list),
        "status bar": window.statusBar().palette().color(Role.Window),
        # text: light on a dark pane, dark on a light one
        "inverse: My notes heading": title.palette().color(Role.WindowText),
        "inverse: point text ink": detail.text.palette().color(Role.Text),
    }


def dark_ones(window: MainWindow) -> set[str]:
    return {name for name, colour in colours(window).items() if colour.lightness() < 128}


def switch(qtbot: QtBot, window: MainWindow, theme: str, dark: set[str]) -> None:
    """Switch the theme; once Qt has delivered the palette, these are the dark ones."""
    window.set_theme(theme)
    qtbot.waitUntil(lambda: dark_ones(window) == dark, timeout=2000)
    assert dark_ones(window) == dark


def test_every_pane_follows_the_theme_at_once(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.open_point("LI4")
    panes = set(colours(window))
    inks = {name for name in panes if name.startswith("inverse")}
    switch(qtbot, window, "light", inks)
    switch(qtbot, window, "dark", panes - inks)
    switch(qtbot, window, "light", inks)
    switch(qtbot, window, "dark", panes - inks)


def test_the_point_text_is_written_for_the_theme(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    window.open_point("LI4")
    window.set_theme("dark")
    html = window.detail.text.toHtml()
    window.set_theme("light")
    recoloured = window.detail.text.toHtml() != html  # headings, text and cautions
    assert recoloured


def test_a_point_opened_after_the_switch_is_dark_too(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.set_theme("dark")
    window.open_point("ST36")  # the point's widgets are made after the switch
    qtbot.waitUntil(lambda: {"point text", "notes"} <= dark_ones(window), timeout=2000)
