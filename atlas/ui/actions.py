"""The window's commands as QActions (text, shortcut, tip) and the menu bar.

The actions are made here and connected by the main window, which knows what
each one does. Actions with a shortcut are added to the window, so that the
shortcut works wherever the focus is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenuBar

from atlas.ui.models import NAME_KINDS
from atlas.ui.theme import THEME_TITLES, THEMES

_Shortcut = QKeySequence | QKeySequence.StandardKey | str


def _action(
    window: QMainWindow, text: str, shortcut: _Shortcut | None = None, tip: str | None = None
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    window.addAction(action)
    return action


class WindowActions:
    """Every command of the main window, and the menus that hold them.

    `views` are the body views as (id, title): each gets a checkable action
    (Ctrl+1 to Ctrl+9); `names` and `themes` are checkable too, keyed by kind
    and theme.
    """

    def __init__(
        self, window: QMainWindow, undo_stack: QUndoStack, views: Sequence[tuple[str, str]]
    ) -> None:
        key = QKeySequence.StandardKey
        self.print = _action(window, "&Print…", key.Print, "Print a sheet for the current point")
        self.preview = _action(
            window, "Print Pre&view…", "Ctrl+Shift+P", "Preview the sheet for the current point"
        )
        self.export = _action(
            window, "&Export PDF…", "Ctrl+E", "Save the current point's sheet as a PDF"
        )
        self.quit = _action(window, "&Quit", key.Quit)
        self.find = _action(window, "&Find", key.Find, "Focus the search field")
        self.back = _action(window, "&Back", "Alt+Left", "The previously viewed point")
        self.forward = _action(window, "&Forward", "Alt+Right", "The next viewed point")
        self.add_to_plan = _action(
            window,
            "&Add Point to Plan",
            "Ctrl+Shift+A",
            "Add the current point to the treatment plan",
        )
        self.undo = undo_stack.createUndoAction(window, "&Undo")
        self.undo.setShortcut(key.Undo)
        self.redo = undo_stack.createRedoAction(window, "&Redo")
        self.redo.setShortcut(key.Redo)
        self.about = _action(window, "&About Acupoint Atlas")
        self.notice = _action(window, "&Safety Notice")
        self.favourites = _action(
            window, "Show &Favourites", "Ctrl+Shift+F", "List your favourite points"
        )
        self.study = _action(
            window, "&Study…", "Ctrl+T", "Practise locating, naming and knowing the points"
        )
        # Esc clears the search only where the search panel has the focus (the panel
        # holds the action; the window does not).
        self.clear = QAction("&Clear Search and Highlights", window)
        self.clear.setShortcut(QKeySequence("Esc"))
        self.clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reset_layout = QAction("Reset Layout", window)

        self.views: dict[str, QAction] = {}
        view_group = QActionGroup(window)
        for i, (view_id, title) in enumerate(views):
            action = _action(window, title, f"Ctrl+{i + 1}" if i < 9 else None)
            action.setCheckable(True)
            view_group.addAction(action)
            self.views[view_id] = action
        self.names: dict[str, QAction] = {}
        for kind, title in zip(NAME_KINDS, ("Pinyin", "Hanzi", "English"), strict=True):
            action = QAction(title, window)
            action.setCheckable(True)
            action.setChecked(True)
            self.names[kind] = action
        self.themes: dict[str, QAction] = {}
        theme_group = QActionGroup(window)
        for theme in THEMES:
            action = QAction(THEME_TITLES[theme], window)
            action.setCheckable(True)
            theme_group.addAction(action)
            self.themes[theme] = action

    def chosen_names(self) -> list[str]:
        return [kind for kind, action in self.names.items() if action.isChecked()]

    def show_choices(self, names: Collection[str], theme: str) -> None:
        """Check the names and the theme chosen, without acting on them."""
        for kind, action in self.names.items():
            with QSignalBlocker(action):
                action.setChecked(kind in names)
        self.themes.get(theme, self.themes["system"]).setChecked(True)

    def fill_menu_bar(
        self,
        bar: QMenuBar,
        *,
        zoom: Sequence[QAction],
        panels: Sequence[QAction],
        plan: Sequence[QAction],
    ) -> None:
        """File, Edit, View, Go, Plan and Help; `zoom` are the diagram's zoom actions,
        `panels` the docks' show/hide actions, `plan` the plan dock's own actions."""
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.print, self.preview, self.export])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.clear])

        view_menu = bar.addMenu("&View")
        view_menu.addMenu("Body &View").addActions(list(self.views.values()))
        view_menu.addActions(list(zoom))
        view_menu.addSeparator()
        view_menu.addMenu("&Names in Lists").addActions(list(self.names.values()))
        view_menu.addMenu("&Theme").addActions(list(self.themes.values()))
        view_menu.addSeparator()
        panels_menu = view_menu.addMenu("&Panels")
        panels_menu.addActions(list(panels))
        panels_menu.addSeparator()
        panels_menu.addAction(self.reset_layout)

        go_menu = bar.addMenu("&Go")
        go_menu.addActions([self.back, self.forward])
        go_menu.addSeparator()
        go_menu.addAction(self.favourites)
        go_menu.addAction(self.study)

        plan_menu = bar.addMenu("&Plan")
        plan_menu.addAction(self.add_to_plan)
        plan_menu.addSeparator()
        plan_menu.addActions(list(plan))

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.notice, self.about])
