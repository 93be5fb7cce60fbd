"""The Plan dock: it renders the plan being edited (`atlas.ui.plan_model.PlanModel`)
and sends the model what the user does. Points in order with their sides, the
needle count, what a clinic writes on a plan, save and open, undo.

The fields a clinic fills in (patient, date, session, retention, stimulation,
the side of each point, notes for the sheet) are made when the dock is first
brought forward (`build_details`): start-up shows the dock as a tab behind
another, and these widgets' Qt classes cost start-up time when first touched.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
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
from atlas.core.userdata import Plan, PlanConflict, PlanDeleted, UserData, UserDataError
from atlas.ui.models import PointListModel, Row, show_points
from atlas.ui.plan_model import PlanModel, has_sides

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox

    from atlas.ui.note_pane import NoteEditor

USUAL_NEEDLES = (5, 20)
SIDE_TITLES = {"both": "Both sides", "left": "Left", "right": "Right"}
STIMULATION_TITLES = {"": "–", "manual": "Manual", "electric": "Electric"}


class PlanWidget(QWidget):
    """The plan: a named, ordered list of points with their sides and what a clinic
    writes on it, saved in the user's store."""

    planChanged = Signal(list)  # the codes, after every change
    pointActivated = Signal(str)
    showRequested = Signal()
    printRequested = Signal()
    statusMessage = Signal(str)

    # made when the dock is first brought forward (build_details)
    patient_edit: QLineEdit
    date_edit: QDateEdit
    session_spin: QSpinBox
    sessions_spin: QSpinBox
    retention_spin: QSpinBox
    stimulation_combo: QComboBox
    side_combo: QComboBox
    notes_edit: NoteEditor

    def __init__(self, atlas: Atlas, userdata: UserData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planWidget")
        self.atlas = atlas
        self.userdata = userdata
        self.plan_model = PlanModel(atlas, userdata, self)
        self.undo_stack: QUndoStack = self.plan_model.undo_stack
        self._details: QWidget | None = None
        self._listed: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # codes, sides

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
        if not userdata.writable:  # safe mode: say why instead of failing
            from atlas.ui.dialogs import tip

            why = tip(f"Plans cannot be saved: {userdata.refusal}.")
            for button in (self.save_button, self.delete_button):
                button.defaultAction().setEnabled(False)
                button.defaultAction().setToolTip(why)

        top = QHBoxLayout()
        top.setSpacing(2)
        for button in (self.new_button, self.open_button, self.save_button, self.delete_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.print_button)
        self._edit_row = edit_row = QHBoxLayout()
        edit_row.setSpacing(2)
        for button in (self.up_button, self.down_button, self.remove_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.show_button)

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.count_label)

        self.list.activated.connect(self._activated)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_side())
        self.name_edit.textEdited.connect(lambda text: self.plan_model.update(name=text))
        self.plan_model.changed.connect(self._render)
        self._render()

    # ------------------------------------------------------------ reading

    def current(self) -> Plan:
        """The plan as it stands, saved or not (named "Treatment plan" if unnamed)."""
        plan = self.plan_model.plan
        return plan if plan.name.strip() else plan._replace(name="Treatment plan")

    @property
    def plan_id(self) -> int | None:
        return self.plan_model.plan.id

    def codes(self) -> list[str]:
        return list(self.plan_model.codes())

    def name(self) -> str:
        return self.plan_model.plan.name.strip()

    def needles(self) -> int:
        return self.plan_model.needles()

    def is_modified(self) -> bool:
        return self.plan_model.is_modified()

    # ------------------------------------------------------------ editing

    def add(self, codes: Iterable[str]) -> int:
        """Add points (those not already in the plan); returns how many were added."""
        codes = list(codes)
        new = self.plan_model.add(codes)
        if new:
            label = f"Added {new[0]}" if len(new) == 1 else f"Added {len(new)} points"
            self.statusMessage.emit(f"{label} to the plan.")
        elif codes:
            self.statusMessage.emit("That point is already in the plan.")
        return len(new)

    def remove(self, codes: Iterable[str]) -> None:
        self.plan_model.remove(codes)

    def move_point(self, code: str, delta: int) -> None:
        row = self.plan_model.move(code, delta)
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))

    def set_side(self, code: str, side: str) -> None:
        self.plan_model.set_side(code, side)

    def selected_codes(self) -> list[str]:
        codes = self.plan_model.codes()
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        return [codes[r] for r in rows if r < len(codes)]

    def remove_selected(self) -> None:
        self.remove(self.selected_codes())

    def move_selected(self, delta: int) -> None:
        selected = self.selected_codes()
        if len(selected) == 1:
            self.move_point(selected[0], delta)

    # ------------------------------------------------------------ rendering

    def _render(self) -> None:
        plan = self.plan_model.plan
        if (plan.codes, plan.sides) != self._listed:  # not on every keystroke in a field
            self._listed = (plan.codes, plan.sides)
            self.refresh_list()
            self.planChanged.emit(list(plan.codes))
        if self.name_edit.text() != plan.name:
            self.name_edit.setText(plan.name)
        self._render_count(len(plan.codes))
        self._render_details()

    def refresh_list(self) -> None:
        """List the plan's points again (after the reference atlas was rebuilt, too)."""
        current = self.list.currentIndex().row()
        rows = []
        for code in self.plan_model.codes():
            point = self.atlas.point(code)
            if point is not None:
                rows.append(Row(point, self._row_note(code)))
        self.model.set_rows(rows)
        if rows:
            row = max(0, min(current, len(rows) - 1))
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _row_note(self, code: str) -> str:
        needles = self.plan_model.needles_of(code)
        if needles == 0:
            return "not needled"
        count = f"{needles} needle{'s' if needles != 1 else ''}"
        if not has_sides(self.atlas, code):
            return count
        side = self.plan_model.side(code) or "both"
        return f"{SIDE_TITLES[side].lower()}: {count}"

    def _render_count(self, points: int) -> None:
        n = self.plan_model.needles()
        low, high = USUAL_NEEDLES
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
        self.count_label.setToolTip(
            "Every location of each point on its side (a pair on both sides counts twice);"
            " points that are not needled count nothing."
        )
        editable = points > 0
        self.remove_button.setEnabled(editable)
        self.up_button.setEnabled(points > 1)
        self.down_button.setEnabled(points > 1)
        self.show_button.setEnabled(editable)
        self.print_button.setEnabled(editable)
        if self.userdata.writable:
            self.delete_button.setEnabled(self.plan_model.plan.id is not None)

    # ------------------------------------------------------------ what a clinic writes

    def build_details(self, shown: bool = True) -> None:
        """Make the fields a clinic fills in (once): the window calls this when the
        dock is first brought forward (a tab behind another counts as visible)."""
        if self._details is not None or not shown:
            return
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QSpinBox

        from atlas.ui.note_pane import NoteEditor

        self._details = details = QWidget(self)
        form = QFormLayout(details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(4)

        def field(label: str, widget: QWidget, tip: str, row: QHBoxLayout | None = None) -> None:
            widget.setToolTip(tip)
            title = QLabel(label, details)
            title.setBuddy(widget)
            if row is None:
                form.addRow(title, widget)
            else:
                form.addRow(title, row)

        self.patient_edit = QLineEdit(details)
        self.patient_edit.setObjectName("planPatient")
        self.patient_edit.setPlaceholderText("Patient's name")
        self.patient_edit.setClearButtonEnabled(True)
        field("Patient", self.patient_edit, "The patient's name, printed on the plan sheet")

        self.date_edit = QDateEdit(details)
        self.date_edit.setObjectName("planDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))  # shown as "No date"
        self.date_edit.setSpecialValueText("No date")
        field("Date", self.date_edit, "The date of the session (Alt+Down opens a calendar)")

        def count_spin(name: str, top: int, suffix: str = "") -> QSpinBox:
            spin = QSpinBox(details)
            spin.setObjectName(name)
            spin.setRange(0, top)
            spin.setSpecialValueText("–")  # 0: not given
            spin.setSuffix(suffix)
            return spin

        self.session_spin = count_spin("planSession", 999)
        self.sessions_spin = count_spin("planSessions", 999)
        course = QHBoxLayout()
        course.addWidget(self.session_spin)
        of = QLabel("of", details)
        of.setBuddy(self.sessions_spin)
        course.addWidget(of)
        course.addWidget(self.sessions_spin)
        course.addStretch(1)
        self.sessions_spin.setToolTip("The number of sessions in the course (– if not set)")
        field(
            "Session",
            self.session_spin,
            "This session's number in the course (– if not set)",
            course,
        )

        self.retention_spin = count_spin("planRetention", 240, " min")
        field("Retention", self.retention_spin, "Minutes the needles stay in (– if not set)")

        self.stimulation_combo = QComboBox(details)
        self.stimulation_combo.setObjectName("planStimulation")
        for value, title in STIMULATION_TITLES.items():
            self.stimulation_combo.addItem(title, value)
        field("Stimulation", self.stimulation_combo, "Manual or electric stimulation")

        self.side_combo = QComboBox(self)
        self.side_combo.setObjectName("planSide")
        for value, title in SIDE_TITLES.items():
            self.side_combo.addItem(title, value)
        self.side_combo.setToolTip("The side to needle the selected point on")
        side_title = QLabel("Side", self)
        side_title.setBuddy(self.side_combo)
        self._edit_row.insertWidget(3, side_title)
        self._edit_row.insertWidget(4, self.side_combo)

        self.notes_edit = NoteEditor(self)
        self.notes_edit.setObjectName("planNotes")
        self.notes_edit.setPlaceholderText("Notes for the plan sheet")
        self._notes_shown: str | None = None  # the notes the editor shows
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)

        self._layout.insertWidget(2, details)
        self._layout.addWidget(self.notes_edit)
        for widget in (details, side_title, self.side_combo, self.notes_edit):
            widget.show()  # now, not once the layout gets round to it
        chain = (self.name_edit, self.patient_edit, self.date_edit, self.session_spin,
                 self.sessions_spin, self.retention_spin, self.stimulation_combo, self.list,
                 self.side_combo, self.notes_edit)  # fmt: skip
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

        model = self.plan_model
        self.patient_edit.textEdited.connect(lambda text: model.update(patient=text))
        self.date_edit.dateChanged.connect(
            lambda date: model.update(
                date=""
                if date == self.date_edit.minimumDate()
                else date.toString(Qt.DateFormat.ISODate)
            )
        )
        self.session_spin.valueChanged.connect(lambda n: model.update(session=n or None))
        self.sessions_spin.valueChanged.connect(lambda n: model.update(sessions=n or None))
        self.retention_spin.valueChanged.connect(lambda n: model.update(retention=n or None))
        self.stimulation_combo.currentIndexChanged.connect(
            lambda _i: model.update(stimulation=self.stimulation_combo.currentData())
        )
        self.side_combo.activated.connect(self._side_chosen)
        self.notes_edit.textChanged.connect(self._notes_typed)
        self.notes_edit.refused.connect(self.statusMessage)
        self._render_details()

    def _render_details(self) -> None:
        """Show the plan's fields in their widgets (without sending them back)."""
        if self._details is None:
            return
        from PySide6.QtCore import QDate, QSignalBlocker

        plan = self.plan_model.plan
        date = QDate.fromString(plan.date, Qt.DateFormat.ISODate) if plan.date else None
        with (
            QSignalBlocker(self.date_edit),
            QSignalBlocker(self.session_spin),
            QSignalBlocker(self.sessions_spin),
            QSignalBlocker(self.retention_spin),
            QSignalBlocker(self.stimulation_combo),
            QSignalBlocker(self.notes_edit),
        ):
            if self.patient_edit.text() != plan.patient:
                self.patient_edit.setText(plan.patient)
            self.date_edit.setDate(
                date if date is not None and date.isValid() else self.date_edit.minimumDate()
            )
            self.session_spin.setValue(plan.session or 0)
            self.sessions_spin.setValue(plan.sessions or 0)
            self.retention_spin.setValue(plan.retention or 0)
            self.stimulation_combo.setCurrentIndex(
                max(0, self.stimulation_combo.findData(plan.stimulation))
            )
            if plan.notes != self._notes_shown:
                self._notes_shown = plan.notes
                whole = self.notes_edit.show_text(plan.notes)
                # notes too long to lay out are shown cut: editing them would lose the rest
                self.notes_edit.setReadOnly(not whole)
                self.notes_edit.setToolTip(
                    "Notes printed on the plan sheet"
                    if whole
                    else "These notes are longer than the window can edit: they are shown"
                    " cut, and kept as they are."
                )
        self._show_side()

    def _notes_typed(self) -> None:
        self._notes_shown = self.notes_edit.toPlainText()
        self.plan_model.update(notes=self._notes_shown)

    def _show_side(self) -> None:
        if self._details is None:
            return
        code = self._current_code() or ""
        paired = has_sides(self.atlas, code)
        self.side_combo.setEnabled(paired)
        index = self.side_combo.findData(self.plan_model.side(code) or "both") if paired else 0
        self.side_combo.setCurrentIndex(max(0, index))

    def _side_chosen(self, index: int) -> None:
        code = self._current_code()
        if code is not None:
            self.set_side(code, str(self.side_combo.itemData(index)))

    def _current_code(self) -> str | None:
        point = self.model.point_at(self.list.currentIndex().row())
        return point.code if point is not None else None

    # ------------------------------------------------------------ plans

    def new_plan(self) -> None:
        if self._confirm_discard():
            self.plan_model.load(None)

    def saved_plans(self) -> list[str]:
        return [p.name for p in self.userdata.plans()]

    def open_plan(self, name_or_id: str | int) -> bool:
        from atlas.ui.dialogs import quoted

        try:
            plan = self.userdata.plan(name_or_id)
        except UserDataError as exc:
            self.statusMessage.emit(f"The plan could not be opened: {exc}")
            return False
        if plan is None:
            self.statusMessage.emit(f"There is no saved plan called {quoted(str(name_or_id))}.")
            return False
        self.plan_model.load(plan)
        self.statusMessage.emit(f"Opened the plan {quoted(plan.name)}.")
        return True

    def save(self) -> bool:
        """Save the plan (asking for a name if it has none); False if not saved. A plan
        changed or deleted elsewhere meanwhile asks the user what to keep."""
        from PySide6.QtWidgets import QInputDialog

        from atlas.ui.dialogs import ask, quoted

        if not self.userdata.writable:
            self.statusMessage.emit(f"Plans cannot be saved: {self.userdata.refusal}.")
            return False
        if not self.name():
            name, ok = QInputDialog.getText(self, "Save plan", "Name of the plan:")
            if not ok or not name.strip():
                return False
            self.plan_model.update(name=name.strip())
        model = self.plan_model
        attempt: Callable[[], Plan] = model.save
        while True:
            try:
                saved = attempt()
                break
            except PlanConflict as conflict:
                choice = ask(
                    self,
                    "planConflict",
                    "Plan changed elsewhere",
                    f"The plan {quoted(conflict.stored.name)} was changed and saved elsewhere"
                    " (in another window, or another copy of the atlas) since you opened it."
                    "\n\nKeep mine: save this plan over those changes. Take theirs: drop the"
                    " changes made here and open the plan as saved now. Save mine as a copy:"
                    " keep both.",
                    ("Keep mine", "Take theirs", "Save mine as a copy"),
                    icon="warning",
                    cancel="Cancel",
                )
                if choice == "Take theirs":
                    model.take_theirs(conflict)
                    self.statusMessage.emit(f"Opened {quoted(conflict.stored.name)} as saved now.")
                    return False
                if choice is None:
                    return False
                if choice == "Keep mine":
                    attempt = functools.partial(model.keep_mine, conflict)
                else:
                    attempt = model.save_copy
            except PlanDeleted as deleted:
                choice = ask(
                    self,
                    "planDeleted",
                    "Plan deleted elsewhere",
                    f"The plan {quoted(deleted.plan.name)} was deleted elsewhere (in another"
                    " window, or another copy of the atlas) since you opened it. Its points are"
                    " still here. Save it again, as a new plan?",
                    ("Save as a new plan",),
                    icon="warning",
                    cancel="Cancel",
                )
                if choice is None:
                    model.forget()
                    return False
                attempt = model.save_as_new
            except UserDataError as exc:
                ask(self, "planNotSaved", "Plan not saved", str(exc), icon="warning")
                return False
        self.statusMessage.emit(f"Saved the plan {quoted(saved.name)}.")
        return True

    def delete_plan(self) -> None:
        saved = self.plan_model.saved
        if saved is None or saved.id is None:
            return
        from atlas.ui.dialogs import ask, quoted

        answer = ask(
            self,
            "deletePlan",
            "Delete plan",
            f"Delete the saved plan {quoted(saved.name)}? This cannot be undone.",
            ("Delete",),
            icon="warning",
            cancel="Cancel",
        )
        if answer != "Delete":
            return
        try:
            self.plan_model.delete()
        except UserDataError as exc:
            ask(self, "planNotDeleted", "Plan not deleted", str(exc), icon="warning")
            return
        self.statusMessage.emit("The plan was deleted; its points stay here until you clear them.")

    def _confirm_discard(self) -> bool:
        if not self.plan_model.codes() or not self.is_modified():
            return True
        from atlas.ui.dialogs import ask

        answer = ask(
            self,
            "discardPlan",
            "Unsaved plan",
            "The current plan has unsaved changes. Discard them?",
            ("Discard",),
            cancel="Cancel",
        )
        return answer == "Discard"

    def _fill_open_menu(self) -> None:
        from atlas.ui.dialogs import menu_text

        self.open_menu.clear()
        try:
            plans = self.userdata.plans()
        except UserDataError as exc:
            self.open_menu.addAction(menu_text(f"Plans could not be read: {exc}")).setEnabled(False)
            return
        if not plans:
            self.open_menu.addAction("No saved plans yet").setEnabled(False)
            return
        for summary in plans:
            action = self.open_menu.addAction(
                menu_text(summary.name)
                + f"  ({summary.size} point{'s' if summary.size != 1 else ''})"
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
                if has_sides(self.atlas, code):
                    sides = menu.addMenu("Side")
                    for side, title in SIDE_TITLES.items():
                        action = sides.addAction(
                            title, functools.partial(self.set_side, code, side)
                        )
                        action.setCheckable(True)
                        action.setChecked((self.plan_model.side(code) or "both") == side)
                menu.addSeparator()
        menu.addAction(self.undo_stack.createUndoAction(menu))
        menu.addAction(self.undo_stack.createRedoAction(menu))
        menu.exec(self.list.viewport().mapToGlobal(pos))
