"""The window's commands as QActions (text, shortcut, tip) and the menu bar.

The actions are made here and connected by the main window, which knows what
each one does. Actions with a shortcut are added to the window, so that the
shortcut works wherever the focus is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from atlas.core.codes import CODE_STYLES, format_code
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


class _PlanUndo(QAction):
    """Undo or Redo of the plan, its text naming the change: "Undo in Plan: Add LI4"."""

    def __init__(
        self, window: QMainWindow, stack: QUndoStack, verb: str, key: QKeySequence.StandardKey
    ) -> None:
        super().__init__(f"{verb} in Plan", window)
        self.verb = verb
        self.setShortcut(key)
        self.setEnabled(False)
        window.addAction(self)
        undo = verb == "&Undo"
        # slots of the action itself, so that they go with it when the window closes
        (stack.undoTextChanged if undo else stack.redoTextChanged).connect(self.name)
        (stack.canUndoChanged if undo else stack.canRedoChanged).connect(self.setEnabled)
        self.triggered.connect(stack.undo if undo else stack.redo)

    def name(self, change: str) -> None:
        self.setText(f"{self.verb} in Plan: {change}" if change else f"{self.verb} in Plan")


class WindowActions:
    """Every command of the main window, and the menus that hold them.

    `views` are the body views as (id, title): each gets a checkable action
    (Ctrl+1 to Ctrl+9); `names`, `code_styles` and `themes` are checkable too,
    keyed by kind, style and theme.
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
        # Undo and Redo act on the plan and say so; in a text field the same keys undo
        # the typing there (the field takes them first).
        self.copy_plan = _action(
            window, "&Copy Plan as Text", None, "The plan's points, names and sides, to paste"
        )
        self.export_plan = _action(
            window, "E&xport Plan as CSV…", None, "Save the plan as a CSV file for a spreadsheet"
        )
        self.undo = _PlanUndo(window, undo_stack, "&Undo", key.Undo)
        self.redo = _PlanUndo(window, undo_stack, "&Redo", key.Redo)
        self.shortcuts = _action(
            window, "&Keyboard Shortcuts", key.HelpContents, "Every shortcut of the window"
        )
        self.guide = _action(
            window, "&Guide to the Window and the Points", None, "How to read a point"
        )
        self.tips = _action(window, "Show &Tips", None, "Tips for the first days")
        self.about = _action(window, "&About Acupoint Atlas")
        self.notice = _action(window, "&Safety Notice")
        self.favourites = _action(
            window, "Show &Favourites", "Ctrl+Shift+F", "List your favourite points"
        )
        self.study = _action(
            window, "&Study…", "Ctrl+T", "Practise locating, naming and knowing the points"
        )
        self.tables = _action(
            window,
            "Category &Tables…",
            "Ctrl+Shift+T",
            "The five transporting, yuan-source, luo-connecting, xi-cleft, front-mu and"
            " back-shu points of every channel side by side",
        )
        # Esc clears the search only where the search panel has the focus (the panel
        # holds the action; the window does not).
        self.clear = QAction("&Clear Search and Highlights", window)
        self.clear.setShortcut(QKeySequence("Esc"))
        self.clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reset_layout = QAction("Reset Layout", window)
        self.anatomy = _action(
            window,
            "&Anatomy Layer",
            "Ctrl+Shift+L",
            "Show or hide the bones, muscles and creases the points are found from",
        )
        self.anatomy.setCheckable(True)
        self.anatomy.setChecked(True)
        # each panel shown, brought to the front and given the focus (keys of Docks.all)
        self.panels = {
            name: _action(
                window, f"{title} Panel", f"Alt+{i}", f"Show the {title} panel and go to it"
            )
            for i, (name, title) in enumerate(
                [
                    ("search", "&Search"),
                    ("detail", "P&oint"),
                    ("channels", "C&hannels"),
                    ("conditions", "Co&nditions"),
                    ("plan", "P&lan"),
                ],
                start=1,
            )
        }

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
        self.code_styles: dict[str, QAction] = {}
        style_group = QActionGroup(window)
        for style, title in zip(CODE_STYLES, ("&WHO", "&Older English"), strict=True):
            examples = ", ".join(format_code(c, style) for c in ("LR3", "BL40", "TE5", "CV12"))
            action = QAction(f"{title} ({examples})", window)
            action.setCheckable(True)
            action.setChecked(style == CODE_STYLES[0])  # until the diagram's state says
            style_group.addAction(action)
            self.code_styles[style] = action
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
        plan: Sequence[QAction | QMenu | None],
    ) -> None:
        """File, Edit, View, Go, Plan and Help; `zoom` are the diagram's zoom actions,
        `panels` the docks' show/hide actions, `plan` the plan dock's own actions and
        menus (None: a separator)."""
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
        view_menu.addAction(self.anatomy)
        view_menu.addSeparator()
        view_menu.addMenu("&Names in Lists").addActions(list(self.names.values()))
        view_menu.addMenu("&Codes").addActions(list(self.code_styles.values()))
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
        go_menu.addAction(self.tables)
        go_menu.addAction(self.study)
        go_menu.addSeparator()
        go_menu.addActions(list(self.panels.values()))

        plan_menu = bar.addMenu("&Plan")
        plan_menu.addAction(self.add_to_plan)
        plan_menu.addSeparator()
        for item in plan:
            if item is None:
                plan_menu.addSeparator()
            elif isinstance(item, QMenu):
                plan_menu.addMenu(item)
            else:
                plan_menu.addAction(item)
        plan_menu.addSeparator()
        plan_menu.addActions([self.copy_plan, self.export_plan])

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts, self.guide, self.tips])
        help_menu.addSeparator()
        help_menu.addActions([self.notice, self.about])
