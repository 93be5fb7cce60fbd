"""What the window remembers between runs (QSettings): its geometry and dock
layout, the names shown in lists, the code style, the theme, the hidden channels,
the last body view, the diagram's anatomy layer, whether the safety notice was
accepted and whether the tips were dismissed.

Nothing is written at start-up (a write makes QSettings save the file, with an
fsync, from the event loop): values are written when the user changes them and
when the window closes, and the last view only when it differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from atlas.core.codes import CODE_STYLES
from atlas.ui.models import NAME_KINDS

if TYPE_CHECKING:
    from atlas.diagram.view import DiagramView
    from atlas.ui.actions import WindowActions

GEOMETRY = "window/geometry"
STATE = "window/state"
NAMES = "view/names"
CODE_STYLE = "view/code_style"
THEME = "view/theme"
HIDDEN_CHANNELS = "view/hidden_channels"
LAST_VIEW = "view/last_view"
ANATOMY = "view/anatomy"
NOTICE_ACCEPTED = "notice/accepted"
TIPS_DISMISSED = "tips/dismissed"

#: The first size of the window, before it has one of its own, where the screen has room.
DEFAULT_SIZE = QSize(1440, 900)
#: Room kept around the window for its frame (title bar and borders), which the window
#: system adds only once the window is shown.
FRAME = QMargins(8, 36, 8, 8)


def fit_onto(available: QRect, window: QRect | QSize) -> QRect:
    """Where a window (its inside, without the frame) goes so that it and its frame lie
    within the screen's available area: shrunk to fit, and moved onto the area if any
    of it is off; a size alone is centred."""
    room = available.marginsRemoved(FRAME)
    size = (window.size() if isinstance(window, QRect) else window).boundedTo(room.size())
    if isinstance(window, QRect):
        x = min(max(window.x(), room.left()), room.left() + room.width() - size.width())
        y = min(max(window.y(), room.top()), room.top() + room.height() - size.height())
        return QRect(QPoint(x, y), size)
    rect = QRect(QPoint(), size)
    rect.moveCenter(room.center())
    return rect


def _available(where: QRect | None) -> QRect:
    """The available area of the screen under the middle of `where` (or the primary one)."""
    screen = QGuiApplication.screenAt(where.center()) if where is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


class WindowSettings:
    """The window's remembered state: `restore` and `save` for the whole window,
    and a typed getter and setter for each value."""

    def __init__(self) -> None:
        self.store = QSettings()

    def restore(self, window: QMainWindow, commands: WindowActions, diagram: DiagramView) -> bool:
        """Put back the window's geometry (or the default size) and dock layout, the
        names, code style and theme chosen, the hidden channels and the last view;
        whether the dock layout came back."""
        geometry = self.store.value(GEOMETRY)
        if isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(geometry):
            rect = window.geometry()
            fitted = fit_onto(_available(rect), rect)  # the screen may be smaller now
            if fitted != rect and not (window.isMaximized() or window.isFullScreen()):
                window.setGeometry(fitted)
        else:
            window.setGeometry(fit_onto(_available(None), DEFAULT_SIZE))
        state = self.store.value(STATE)
        restored = isinstance(state, QByteArray | bytes) and window.restoreState(state)
        commands.show_choices(self.names(), self.theme())
        for code in self.hidden_channels():
            diagram.set_channel_visible(code, False)
        diagram.state.set_anatomy(self.anatomy())
        diagram.set_code_style(self.code_style())  # the window follows the state
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
        self.set_anatomy(diagram.state.anatomy)
        self.set_last_view(diagram.current_view() or "")
        self.store.sync()

    def names(self) -> set[str]:
        """The names rows show besides the code (pinyin, hanzi, english)."""
        names = self.store.value(NAMES, ",".join(NAME_KINDS))
        return {n for n in str(names).split(",") if n in NAME_KINDS} if names else set()

    def set_names(self, names: Iterable[str]) -> None:
        self.store.setValue(NAMES, ",".join(names))

    def code_style(self) -> str:
        """How codes are written: "who" (LR3) or "older" (LIV3); see CODE_STYLES."""
        style = self.store.value(CODE_STYLE, CODE_STYLES[0])
        return style if style in CODE_STYLES else CODE_STYLES[0]

    def set_code_style(self, style: str) -> None:
        self.store.setValue(CODE_STYLE, style)

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

    def anatomy(self) -> bool:
        """Whether the diagram draws its anatomy layer (on until switched off)."""
        return bool(self.store.value(ANATOMY, True, bool))

    def set_anatomy(self, on: bool) -> None:
        self.store.setValue(ANATOMY, on)

    def notice_accepted(self) -> bool:
        return bool(self.store.value(NOTICE_ACCEPTED, False, bool))

    def accept_notice(self) -> None:
        self.store.setValue(NOTICE_ACCEPTED, True)

    def tips_dismissed(self) -> bool:
        return bool(self.store.value(TIPS_DISMISSED, False, bool))

    def set_tips_dismissed(self, dismissed: bool) -> None:
        self.store.setValue(TIPS_DISMISSED, dismissed)
