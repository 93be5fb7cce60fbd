"""The window's docks: Search and the Channels, Conditions and Plan tabs on the
left, the Point on the right; their default sizes, and Reset Layout.

The docks are made empty: each pane is then made as its dock's child and set as
its widget (reparenting a built pane would polish all of its widgets twice).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def _dock(window: QMainWindow, title: str, name: str) -> QDockWidget:
    """A movable, floatable, closable dock (its objectName keys the saved layout)."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock


class Docks:
    """The five docks of a main window and where they go."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.search = _dock(window, "Search", "searchDock")
        self.detail = _dock(window, "Point", "detailDock")
        self.channels = _dock(window, "Channels", "channelDock")
        self.conditions = _dock(window, "Conditions", "conditionDock")
        self.plan = _dock(window, "Plan", "planDock")

    def all(self) -> tuple[QDockWidget, ...]:
        return (self.search, self.detail, self.channels, self.conditions, self.plan)

    def place(self, panes: tuple[QWidget, QWidget, QWidget, QWidget, QWidget]) -> None:
        """Set each dock's pane (in the order of `all`) and put the docks in place."""
        for dock, pane in zip(self.all(), panes, strict=True):
            dock.setWidget(pane)
        self.window.addDockWidget(LEFT, self.search)
        self.window.addDockWidget(RIGHT, self.detail)
        self.window.addDockWidget(LEFT, self.channels)
        self._stack()
        self.window.resizeDocks([self.search, self.channels], [560, 300], Qt.Orientation.Vertical)
        self.window.resizeDocks([self.search, self.detail], [330, 440], Qt.Orientation.Horizontal)

    def _stack(self) -> None:
        """Channels below Search, with Conditions and Plan as tabs behind it."""
        self.window.splitDockWidget(self.search, self.channels, Qt.Orientation.Vertical)
        self.window.tabifyDockWidget(self.channels, self.conditions)
        self.window.tabifyDockWidget(self.conditions, self.plan)
        self.channels.raise_()

    def fit_to_window(self) -> None:
        """Sizes in proportion to the window (used when no saved layout was restored)."""
        width = self.window.width()
        side = max(300, min(380, int(width * 0.2)))
        detail = max(360, min(480, int(width * 0.25)))
        self.window.resizeDocks(
            [self.search, self.detail], [side, detail], Qt.Orientation.Horizontal
        )
        height = self.window.height()
        self.window.resizeDocks(
            [self.search, self.channels],
            [int(height * 0.55), int(height * 0.45)],
            Qt.Orientation.Vertical,
        )

    def reset(self) -> None:
        """Every dock back in its place and shown (View > Panels > Reset Layout)."""
        for dock in self.all():
            dock.setFloating(False)
            dock.show()
        self.window.addDockWidget(LEFT, self.search)
        self.window.addDockWidget(RIGHT, self.detail)
        self._stack()
        self.fit_to_window()

    def is_showing(self, dock: QDockWidget) -> bool:
        """Whether any of the dock can be seen (a tab behind another cannot)."""
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def hides(self, widget: QWidget) -> bool:
        """Whether the widget is in a dock that cannot be seen: a tab behind another is
        still "visible" to Qt (moved out of sight), so its widgets stay in the focus chain."""
        return any(d.isAncestorOf(widget) and not self.is_showing(d) for d in self.all())

    def reveal(self, dock: QDockWidget, focus: QWidget | None) -> None:
        """Show the dock (its tab to the front) and give the focus to `focus` in it."""
        dock.show()
        dock.raise_()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.ShortcutFocusReason)
