"""The treatment plan dock: points in order, needle count, save and open, undo."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas
from atlas.core.userdata import Plan, UserData, UserDataError
from atlas.ui.models import PointListModel, Row, show_points

USUAL_NEEDLES = (5, 20)


def needle_count(atlas: Atlas, codes: Iterable[str]) -> int:
    """Needles for a plan: bilateral points count twice."""
    total = 0
    for code in codes:
        point = atlas.point(code)
        if point is not None:
            total += 2 if point.is_bilateral else 1
    return total


class _SetCodes(QUndoCommand):
    """One edit of the plan's points, kept as before and after."""

    def __init__(self, dock: PlanWidget, before: Sequence[str], after: Sequence[str], text: str):
        super().__init__(text)
        self.dock = dock
        self.before = tuple(before)
        self.after = tuple(after)

    def redo(self) -> None:
        self.dock._apply(self.after)

    def undo(self) -> None:
        self.dock._apply(self.before)


class PlanWidget(QWidget):
    """The plan: a named, ordered list of points, saved in the user's store."""

    planChanged = Signal(list)  # the codes, after every change
    pointActivated = Signal(str)
    showRequested = Signal()
    printRequested = Signal()
    statusMessage = Signal(str)

    def __init__(self, atlas: Atlas, userdata: UserData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planWidget")
        self.atlas = atlas
        self.userdata = userdata
        self.plan_id: int | None = None
        self._codes: tuple[str, ...] = ()
        self._saved_codes: tuple[str, ...] = ()
        self._saved_name = ""
        self.undo_stack = QUndoStack(self)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("planName")
        self.name_edit.setPlaceholderText("Plan name")
        self.name_edit.setToolTip("The name the plan is saved under")
        self.name_edit.setClearButtonEnabled(True)

        self.model = PointListModel(atlas, self)
        self.list = QListView(self)
        self.list.setObjectName("planList")
        show_points(self.list, self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setAlternatingRowColors(False)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("needleCount")
        self.count_label.setWordWrap(True)

        def tool(
            text: str, tip: str, slot: Callable[[], object], key: str | None = None, label: str = ""
        ) -> QToolButton:
            """A button for an action: the menu shows `text`, the button `label` (or text)."""
            button = QToolButton(self)
            action = QAction(text, self)
            if label:
                action.setIconText(label)
            action.setToolTip(f"{tip} ({key})" if key else tip)
            if key:
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            return button

        self.new_button = tool("&New Plan", "Start a new, empty plan", self.new_plan, label="New")
        self.open_button = QToolButton(self)
        self.open_button.setText("Open")
        self.open_button.setToolTip("Open a saved plan")
        self.open_button.setAutoRaise(True)
        self.open_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.open_menu = QMenu("&Open Plan", self)
        self.open_menu.aboutToShow.connect(self._fill_open_menu)
        self.open_button.setMenu(self.open_menu)
        self.save_button = tool("&Save Plan", "Save the plan", self.save, "Ctrl+S", "Save")
        # the plan is what Ctrl+S saves, wherever the focus is (notes save themselves)
        self.save_button.defaultAction().setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.delete_button = tool(
            "&Delete Plan…", "Delete this saved plan", self.delete_plan, label="Delete…"
        )
        self.up_button = tool(
            "Move Point &Up", "Move the point up", lambda: self.move_selected(-1), "Alt+Up", "▲"
        )
        self.down_button = tool(
            "Move Point &Down",
            "Move the point down",
            lambda: self.move_selected(1),
            "Alt+Down",
            "▼",
        )
        self.remove_button = tool(
            "&Remove Points", "Remove the selected points", self.remove_selected, "Del", "Remove"
        )
        self.show_button = tool(
            "Sh&ow Plan on the Diagram",
            "Show the plan's points on the diagram",
            self.showRequested.emit,
            label="Show",
        )
        self.print_button = tool(
            "&Print Plan…", "Print a sheet for this plan", self.printRequested.emit, label="Print…"
        )

        top = QHBoxLayout()
        top.setSpacing(2)
        for button in (self.new_button, self.open_button, self.save_button, self.delete_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.print_button)
        edit_row = QHBoxLayout()
        edit_row.setSpacing(2)
        for button in (self.up_button, self.down_button, self.remove_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.show_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.count_label)

        self.list.activated.connect(self._activated)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.name_edit.textChanged.connect(lambda _t: self._update_state())
        self._apply(())

    # ------------------------------------------------------------ reading

    def codes(self) -> list[str]:
        return list(self._codes)

    def name(self) -> str:
        return self.name_edit.text().strip()

    def needles(self) -> int:
        return needle_count(self.atlas, self._codes)

    def is_modified(self) -> bool:
        return self._codes != self._saved_codes or self.name() != self._saved_name

    # ------------------------------------------------------------ editing

    def add(self, codes: Iterable[str]) -> int:
        """Add points (those not already in the plan); returns how many were added."""
        new = [c for c in dict.fromkeys(codes) if c not in self._codes and self.atlas.point(c)]
        if not new:
            if codes:
                self.statusMessage.emit("That point is already in the plan.")
            return 0
        label = f"Add {new[0]}" if len(new) == 1 else f"Add {len(new)} points"
        self.undo_stack.push(_SetCodes(self, self._codes, (*self._codes, *new), label))
        self.statusMessage.emit(f"{label} to the plan.")
        return len(new)

    def remove(self, codes: Iterable[str]) -> None:
        gone = set(codes)
        after = tuple(c for c in self._codes if c not in gone)
        if after != self._codes:
            label = f"Remove {next(iter(gone))}" if len(gone) == 1 else "Remove points"
            self.undo_stack.push(_SetCodes(self, self._codes, after, label))

    def move_point(self, code: str, delta: int) -> None:
        codes = list(self._codes)
        if code not in codes:
            return
        i = codes.index(code)
        j = max(0, min(len(codes) - 1, i + delta))
        if i == j:
            return
        codes.insert(j, codes.pop(i))
        self.undo_stack.push(_SetCodes(self, self._codes, codes, f"Move {code}"))
        self.list.setCurrentIndex(self.model.index(j))

    def selected_codes(self) -> list[str]:
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        return [self._codes[r] for r in rows if r < len(self._codes)]

    def remove_selected(self) -> None:
        self.remove(self.selected_codes())

    def move_selected(self, delta: int) -> None:
        selected = self.selected_codes()
        if len(selected) == 1:
            self.move_point(selected[0], delta)

    def _apply(self, codes: Sequence[str]) -> None:
        current = self.list.currentIndex().row()
        self._codes = tuple(codes)
        rows = []
        for code in self._codes:
            point = self.atlas.point(code)
            if point is not None:
                note = "both sides: 2 needles" if point.is_bilateral else "1 needle"
                rows.append(Row(point, note))
        self.model.set_rows(rows)
        if rows:
            row = max(0, min(current, len(rows) - 1))
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._update_state()
        self.planChanged.emit(list(self._codes))

    def _update_state(self) -> None:
        n = self.needles()
        low, high = USUAL_NEEDLES
        points = len(self._codes)
        text = f"<b>{n}</b> needle{'s' if n != 1 else ''} for {points} point" + (
            "s" if points != 1 else ""
        )
        if points == 0:
            hint = "Add points from the results, the detail pane or the diagram."
        elif n < low:
            hint = f"Fewer than the usual {low} to {high}."
        elif n > high:
            hint = f"<span style='color:#c2410c'>More than the usual {low} to {high}.</span>"
        else:
            hint = f"Within the usual {low} to {high}."
        self.count_label.setText(f"{text}<br>{hint}")
        self.count_label.setToolTip("Bilateral points count twice.")
        editable = points > 0
        self.remove_button.setEnabled(editable)
        self.up_button.setEnabled(points > 1)
        self.down_button.setEnabled(points > 1)
        self.show_button.setEnabled(editable)
        self.print_button.setEnabled(editable)
        self.delete_button.setEnabled(self.plan_id is not None)

    # ------------------------------------------------------------ plans

    def new_plan(self) -> None:
        if not self._confirm_discard():
            return
        self.plan_id = None
        self._saved_codes = ()
        self._saved_name = ""
        self.name_edit.setText("")
        self.undo_stack.clear()
        self._apply(())

    def saved_plans(self) -> list[str]:
        return [p.name for p in self.userdata.plans()]

    def open_plan(self, name_or_id: str | int) -> bool:
        plan = self.userdata.plan(name_or_id)
        if plan is None:
            self.statusMessage.emit(f"There is no saved plan called {name_or_id!r}.")
            return False
        self.plan_id = plan.id
        self._saved_codes = tuple(plan.codes)
        self._saved_name = plan.name
        self.name_edit.setText(plan.name)
        self.undo_stack.clear()
        self._apply(plan.codes)
        self.statusMessage.emit(f"Opened the plan {plan.name!r}.")
        return True

    def save(self) -> bool:
        """Save the plan (asking for a name if it has none); False if not saved."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        name = self.name()
        if not name:
            name, ok = QInputDialog.getText(self, "Save plan", "Name of the plan:")
            if not ok or not name.strip():
                return False
            self.name_edit.setText(name.strip())
            name = self.name()
        try:
            saved = self.userdata.save_plan(Plan(self.plan_id, name, self._codes))
        except UserDataError as exc:
            QMessageBox.warning(self, "Plan not saved", str(exc))
            return False
        self.plan_id = saved.id
        self._saved_codes = tuple(saved.codes)
        self._saved_name = saved.name
        self.undo_stack.setClean()
        self._update_state()
        where = "" if self.userdata.persistent else " (for this session only)"
        self.statusMessage.emit(f"Saved the plan {saved.name!r}{where}.")
        return True

    def delete_plan(self) -> None:
        if self.plan_id is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Delete plan",
            f"Delete the saved plan {self._saved_name!r}? This cannot be undone.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.userdata.delete_plan(self.plan_id)
        self.plan_id = None
        self._saved_codes = ()
        self._saved_name = ""
        self._update_state()
        self.statusMessage.emit("The plan was deleted; its points stay here until you clear them.")

    def _confirm_discard(self) -> bool:
        if not self._codes or not self.is_modified():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Unsaved plan",
            "The current plan has unsaved changes. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _fill_open_menu(self) -> None:
        self.open_menu.clear()
        plans = self.userdata.plans()
        if not plans:
            action = self.open_menu.addAction("No saved plans yet")
            action.setEnabled(False)
            return
        for summary in plans:
            action = self.open_menu.addAction(
                f"{summary.name}  ({summary.size} point{'s' if summary.size != 1 else ''})"
            )
            plan_id = summary.id
            action.triggered.connect(
                lambda _=False, i=plan_id: self._confirm_discard() and self.open_plan(i)
            )

    # ------------------------------------------------------------ list

    def _activated(self, index: QModelIndex) -> None:
        point = self.model.point_at(index.row())
        if point is not None:
            self.pointActivated.emit(point.code)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            point = self.model.point_at(index.row())
            if point is not None:
                code = point.code
                menu.addAction(f"Open {code}", lambda: self.pointActivated.emit(code))
                menu.addAction(f"Remove {code}", lambda: self.remove([code]))
                menu.addSeparator()
        menu.addAction(self.undo_stack.createUndoAction(menu))
        menu.addAction(self.undo_stack.createRedoAction(menu))
        menu.exec(self.list.viewport().mapToGlobal(pos))
