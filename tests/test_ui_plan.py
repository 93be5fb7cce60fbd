"""The Plan dock as a clinic uses it (issues #16 item 2, #17 item 5, #19): what a clinic
writes on a plan, sides and the needle count, saving every field, and plans changed
or deleted elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from boxes import Shown, answer
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from atlas.core.userdata import Plan, UserData
from atlas.ui import MainWindow
from atlas.ui.models import NoteRole
from atlas.ui.plan import PlanWidget

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

#: A 16-point plan with a point never needled (CV8) and a group of 17 levels a side (EX-B2).
SIXTEEN = ["GV20", "GB20", "EX-B2", "BL23", "BL40", "CV8", "CV4", "CV6",
           "ST36", "SP6", "LI4", "LR3", "GB34", "PC6", "KI3", "CV12"]  # fmt: skip


def plan_dock(window: MainWindow) -> PlanWidget:
    """The Plan tab, brought forward as a user clicks it."""
    window.docks.plan.raise_()
    assert window.docks.is_showing(window.docks.plan)
    return window.plan


def saved_plan(data_dir: Path, name: str) -> Plan:
    with UserData.open(data_dir) as store:
        plan = store.plan(name)
    assert plan is not None
    return plan


def test_what_a_clinic_writes_is_saved_and_comes_back(
    qtbot: QtBot, make_window: Callable[[], MainWindow], data_dir: Path
) -> None:
    window = make_window()
    plan = plan_dock(window)
    assert plan.date_edit.date() == QDate.currentDate()  # a new plan is dated today
    plan.add(["LI4", "GV20", "ST36"])
    window.activateWindow()
    plan.name_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is plan.name_edit)
    # from the name, the fields one after another with Tab, as a user fills them in
    for text in ("Headache, Mr Wu", "Wu Lei", "20250314", "3", "10", "20", "E"):
        field = QApplication.focusWidget()
        assert field is not None
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is plan.list
    qtbot.keyClick(plan.list, Qt.Key.Key_End)  # ST36
    qtbot.keyClick(plan.list, Qt.Key.Key_Tab)
    qtbot.keyClick(plan.side_combo, Qt.Key.Key_Down)  # Left
    qtbot.keyClick(plan.side_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(plan.notes_edit, "Check the pulse first.")
    assert plan.needles() == 4  # LI4 both sides, GV20, ST36 on the left
    assert plan.model.index(2).data(NoteRole) == "left: 1 needle"
    qtbot.keyClick(plan.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    stored = saved_plan(data_dir, "Headache, Mr Wu")
    assert stored.codes == ("LI4", "GV20", "ST36") and stored.sides == ("both", "", "left")
    assert (stored.patient, stored.date) == ("Wu Lei", "2025-03-14")
    assert (stored.session, stored.sessions, stored.retention) == (3, 10, 20)
    assert stored.stimulation == "electric" and stored.notes == "Check the pulse first."
    window.close()

    again = plan_dock(make_window())
    assert again.open_plan("headache, mr wu")
    assert again.patient_edit.text() == "Wu Lei"
    assert again.date_edit.date() == QDate(2025, 3, 14)
    assert (again.session_spin.value(), again.sessions_spin.value()) == (3, 10)
    assert again.retention_spin.text() == "20 min"
    assert again.stimulation_combo.currentText() == "Electric"
    assert again.notes_edit.toPlainText() == "Check the pulse first."
    again.list.setCurrentIndex(again.model.index(2))
    assert again.side_combo.currentText() == "Left" and again.side_combo.isEnabled()
    again.list.setCurrentIndex(again.model.index(1))  # GV20: nothing to choose
    assert not again.side_combo.isEnabled()
    assert not again.is_modified()


def test_sixteen_points_with_cv8_and_ex_b2_count_their_needles(window: MainWindow) -> None:
    """Issue #16: "29 needles" for this plan, with CV8 counted and EX-B2 as one pair."""
    plan = plan_dock(window)
    assert plan.add(SIXTEEN) == 16
    # 34 for EX-B2 (T1 to L5 on both sides), nothing for CV8, one for each of the four
    # other midline points, two for each of the ten other pairs
    assert plan.needles() == 34 + 0 + 4 * 1 + 10 * 2 == 58
    assert plan.count_label.text().startswith("<b>58</b> needles for 16 points")
    rows = {code: plan.model.index(r) for r, code in enumerate(plan.codes())}
    assert rows["CV8"].data(NoteRole) == "not needled"
    assert rows["EX-B2"].data(NoteRole) == "both sides: 34 needles"
    assert rows["GV20"].data(NoteRole) == "1 needle"
    plan.set_side("EX-B2", "right")
    assert plan.needles() == 58 - 17
    assert rows["EX-B2"].data(NoteRole) == "right: 17 needles"
    window.commands.undo.trigger()
    assert plan.needles() == 58
    plan.set_side("GV20", "left")  # a midline point has no side to choose
    assert plan.plan_model.side("GV20") == "" and plan.needles() == 58


def test_saving_from_the_window_keeps_the_plans_notes(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    """Issue #17, 5: saving a plan from the window wiped its notes."""
    with UserData.open(data_dir) as store:
        store.save_plan(Plan(None, "Neck", ("GB20",), "Retain 20 minutes", patient="Ana"))
    plan = window.plan
    assert plan.open_plan("Neck")
    plan.add(["SI3"])
    assert plan.save()
    stored = saved_plan(data_dir, "Neck")
    assert stored.codes == ("GB20", "SI3") and stored.sides == ("", "both")  # as saved, and new
    assert stored.notes == "Retain 20 minutes" and stored.patient == "Ana"
    assert stored.version == 2


@pytest.mark.parametrize("choice", ["Keep mine", "Take theirs", "Save mine as a copy"])
def test_a_plan_changed_elsewhere_lets_the_user_choose(
    qtbot: QtBot, window: MainWindow, data_dir: Path, choice: str
) -> None:
    """Issue #17, 5: two windows editing one plan lost each other's changes silently."""
    with UserData.open(data_dir) as store:
        store.save_plan(Plan(None, "Shared", ("LI4",), "first notes"))
    plan = window.plan
    assert plan.open_plan("Shared")
    plan.add(["ST36"])  # mine
    with UserData.open(data_dir) as other:  # theirs, from another window
        theirs = other.plan("Shared")
        assert theirs is not None
        other.save_plan(theirs.with_codes(("LI4", "GB34"))._replace(notes="their notes"))
    seen: list[Shown] = []
    answer(choice, seen)
    assert plan.save() is (choice != "Take theirs")
    assert [s.name for s in seen] == ["planConflict"]
    assert seen[0].buttons == ("Keep mine", "Take theirs", "Save mine as a copy", "Cancel")
    stored = saved_plan(data_dir, "Shared")
    if choice == "Keep mine":
        assert stored.codes == ("LI4", "ST36") and stored.notes == "first notes"
        assert stored.version == 3 and not plan.is_modified()
    elif choice == "Take theirs":
        assert stored.codes == ("LI4", "GB34")
        assert plan.codes() == ["LI4", "GB34"] and plan.current().notes == "their notes"
        assert not plan.is_modified()
    else:
        assert stored.codes == ("LI4", "GB34")  # theirs stays
        copy = saved_plan(data_dir, "Shared (copy)")
        assert copy.codes == ("LI4", "ST36") and copy.notes == "first notes"
        assert plan.name() == "Shared (copy)" and not plan.is_modified()


@pytest.mark.parametrize("choice", ["Save as a new plan", "Cancel"])
def test_a_plan_deleted_elsewhere_is_said_plainly(
    window: MainWindow, data_dir: Path, choice: str
) -> None:
    """Issue #17, 5: after a delete elsewhere, saving failed with "FOREIGN KEY constraint
    failed"."""
    with UserData.open(data_dir) as store:
        saved = store.save_plan(Plan(None, "Gone", ("LI4",), "kept notes"))
    plan = window.plan
    assert plan.open_plan("Gone")
    plan.add(["GB34"])
    with UserData.open(data_dir) as other:
        other.delete_plan(saved.id or 0)
    seen: list[Shown] = []
    answer(choice, seen)
    assert plan.save() is (choice != "Cancel")
    assert [s.name for s in seen] == ["planDeleted"]
    assert "was deleted elsewhere" in seen[0].text and "FOREIGN KEY" not in seen[0].text
    if choice == "Cancel":
        assert plan.is_modified() and plan.plan_id is None
    else:
        again = saved_plan(data_dir, "Gone")
        assert again.codes == ("LI4", "GB34") and again.notes == "kept notes"
        assert again.version == 1  # a new plan


def test_undo_acts_on_the_plan_model(window: MainWindow) -> None:
    plan = window.plan
    plan.add(["LI4", "ST36", "GV20"])
    plan.set_side("LI4", "left")
    plan.move_point("GV20", -2)
    assert plan.codes() == ["GV20", "LI4", "ST36"]
    undo = window.commands.undo
    undo.trigger()
    assert plan.codes() == ["LI4", "ST36", "GV20"]
    undo.trigger()
    assert plan.plan_model.side("LI4") == "both"
    window.commands.redo.trigger()
    assert plan.plan_model.side("LI4") == "left"
    # typing a field is not an undo step, and undo keeps what was typed
    plan.plan_model.update(patient="Li")
    undo.trigger()
    assert plan.current().patient == "Li" and plan.plan_model.side("LI4") == "both"


def test_the_clinic_fields_are_made_when_the_dock_is_first_shown(window: MainWindow) -> None:
    # start-up shows the Plan dock as a tab behind another: its fields wait
    assert not window.docks.is_showing(window.docks.plan)
    assert not hasattr(window.plan, "patient_edit")
    window.plan.add(["LI4"])  # the plan works without them
    plan = plan_dock(window)
    assert plan.patient_edit.isVisible() and plan.side_combo.currentText() == "Both sides"


def test_plan_notes_too_long_to_edit_are_shown_cut_and_kept_whole(
    window: MainWindow, data_dir: Path
) -> None:
    """Issue #17, 7: plan notes of 5 MB open in the window (the time is measured in
    tests/bench/window_notes.py)."""
    notes = "x" * 5_000_000
    with UserData.open(data_dir) as store:
        store.save_plan(Plan(None, "Long", ("LI4",), notes))
    plan = plan_dock(window)
    assert plan.open_plan("Long")
    assert plan.notes_edit.isReadOnly() and len(plan.notes_edit.toPlainText()) < 200_000
    plan.add(["ST36"])
    assert plan.save()
    assert saved_plan(data_dir, "Long").notes == notes
    plan.new_plan()
    assert not plan.notes_edit.isReadOnly() and plan.notes_edit.toPlainText() == ""
