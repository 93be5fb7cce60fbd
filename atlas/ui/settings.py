"""What the window remembers between runs (QSettings): its geometry and dock
layout, the names shown in lists, the theme, the hidden channels, the last body
view, and whether the safety notice was accepted.

Nothing is written at start-up (a write makes QSettings save the file, with an
fsync, from the event loop): values are written when the user changes them and
when the window closes, and the last view only when it differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from atlas.ui.models import NAME_KINDS

if TYPE_CHECKING:
    from atlas.diagram.widget import DiagramView
    from atlas.ui.actions import WindowActions

GEOMETRY = "window/geometry"
STATE = "window/state"
NAMES = "view/names"
THEME = "view/theme"
HIDDEN_CHANNELS = "view/hidden_channels"
LAST_VIEW = "view/last_view"
NOTICE_ACCEPTED = "notice/accepted"

#: The first size of the window, before it has one of its own.
DEFAULT_SIZE = (1440, 900)


class WindowSettings:
    """The window's remembered state: `restore` and `save` for the whole window,
    and a typed getter and setter for each value."""

    def __init__(self) -> None:
        self.store = QSettings()

    def restore(self, window: QMainWindow, commands: WindowActions, diagram: DiagramView) -> bool:
        """Put back the window's geometry (or the default size) and dock layout, the
        names and theme chosen, the hidden channels and the last view; whether the
        dock layout came back."""
        geometry = self.store.value(GEOMETRY)
        if not (isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(geometry)):
            window.resize(*DEFAULT_SIZE)
        state = self.store.value(STATE)
        restored = isinstance(state, QByteArray | bytes) and window.restoreState(state)
        commands.show_choices(self.names(), self.theme())
        for code in self.hidden_channels():
            diagram.set_channel_visible(code, False)
        last_view = self.last_view()
        if last_view in diagram.views():
            diagram.set_initial_view(last_view)
        return restored

    def save(self, window: QMainWindow, names: Iterable[str], diagram: DiagramView) -> None:
        """Remember the window as it is closed."""
        self.store.setValue(GEOMETRY, window.saveGeometry())
        self.store.setValue(STATE, window.saveState())
        self.set_names(names)
        self.set_hidden_channels(diagram.hidden_channels())
        self.set_last_view(diagram.current_view() or "")
        self.store.sync()

    def names(self) -> set[str]:
        """The names rows show besides the code (pinyin, hanzi, english)."""
        names = self.store.value(NAMES, ",".join(NAME_KINDS))
        return {n for n in str(names).split(",") if n in NAME_KINDS} if names else set()

    def set_names(self, names: Iterable[str]) -> None:
        self.store.setValue(NAMES, ",".join(names))

    def theme(self) -> str:
        return str(self.store.value(THEME, "system"))

    def set_theme(self, theme: str) -> None:
        self.store.setValue(THEME, theme)

    def hidden_channels(self) -> list[str]:
        hidden = self.store.value(HIDDEN_CHANNELS, "")
        return [c for c in str(hidden or "").split(",") if c]

    def set_hidden_channels(self, codes: Iterable[str]) -> None:
        self.store.setValue(HIDDEN_CHANNELS, ",".join(sorted(codes)))

    def last_view(self) -> str | None:
        view = self.store.value(LAST_VIEW)
        return view if isinstance(view, str) else None

    def set_last_view(self, view: str) -> None:
        if view and self.last_view() != view:
            self.store.setValue(LAST_VIEW, view)

    def notice_accepted(self) -> bool:
        return bool(self.store.value(NOTICE_ACCEPTED, False, bool))

    def accept_notice(self) -> None:
        self.store.setValue(NOTICE_ACCEPTED, True)
