"""Themes: follow the system, or a light or dark palette (Fusion style)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
THEME_TITLES = {"system": "&Follow the system", "light": "&Light", "dark": "&Dark"}

_original: QPalette | None = None  # the system's palette, before any theme


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    if dark:
        colours = {
            role.Window: "#202329",
            role.WindowText: "#e6e8eb",
            role.Base: "#181a1f",
            role.AlternateBase: "#23262d",
            role.ToolTipBase: "#2b2f36",
            role.ToolTipText: "#e6e8eb",
            role.PlaceholderText: "#8a919c",
            role.Text: "#e6e8eb",
            role.Button: "#2a2e35",
            role.ButtonText: "#e6e8eb",
            role.BrightText: "#ffffff",
            role.Light: "#3a3f47",
            role.Midlight: "#30343b",
            role.Mid: "#25282e",
            role.Dark: "#141619",
            role.Shadow: "#000000",
            role.Highlight: "#3d7bd6",
            role.HighlightedText: "#ffffff",
            role.Link: "#7fb2ff",
            role.LinkVisited: "#b09cff",
        }
        disabled = "#6b717a"
    else:
        colours = {
            role.Window: "#eef1f5",
            role.WindowText: "#1d232b",
            role.Base: "#ffffff",
            role.AlternateBase: "#f5f7fa",
            role.ToolTipBase: "#fffff4",
            role.ToolTipText: "#1d232b",
            role.PlaceholderText: "#8a929e",
            role.Text: "#1d232b",
            role.Button: "#f6f8fb",
            role.ButtonText: "#1d232b",
            role.BrightText: "#ffffff",
            role.Light: "#ffffff",
            role.Midlight: "#f0f2f5",
            role.Mid: "#c9ced6",
            role.Dark: "#9aa1ab",
            role.Shadow: "#5b6068",
            role.Highlight: "#2f6fca",
            role.HighlightedText: "#ffffff",
            role.Link: "#1f5fbf",
            role.LinkVisited: "#6a3fbf",
        }
        disabled = "#9aa1ab"
    for r, value in colours.items():
        p.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(disabled))
    return p


def apply_theme(theme: str) -> str:
    """Apply a theme to the application; returns the theme applied."""
    global _original
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "system"
    if _original is None:
        _original = QPalette(app.palette())
    if theme not in THEMES:
        theme = "system"
    hints = QGuiApplication.styleHints()
    if theme == "system":
        hints.unsetColorScheme()
        app.setPalette(_original)
    else:
        if app.style().name().lower() != "fusion":
            style = QStyleFactory.create("Fusion")
            if style is not None:
                app.setStyle(style)
        dark = theme == "dark"
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
        app.setPalette(_palette(dark))
    _restyle(app)
    return theme


def _restyle(app: QApplication) -> None:
    """Give the new palette to the widgets under a style sheet.

    A widget with a style sheet (and everything inside it) keeps the palette it was
    polished with when the application's palette changes: its sheet is cleared, so
    that it takes the new palette (and hears of it, and may set a sheet of its own
    for it), and set again.
    """
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            if not widget.styleSheet():
                widget.setStyleSheet(sheet)


def is_dark(palette: QPalette | None = None) -> bool:
    if palette is None:
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
