"""The store's health in the window (issue #17, item 3): every state at start gives the
banner with its one-line message; where nothing can be saved the window is in a safe
mode that says why (no write is attempted); and no store error reaches the user as a
traceback, at start or after."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from boxes import Shown, answer, label_text, tooltip_text
from faults import read_only, tmpfs
from pytestqt.qtbot import QtBot

from atlas.core.userdata import FILE_NAME, SCHEMA_VERSION, Plan, UserData
from atlas.ui import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

#: A short wait on a busy store, for the tests that hold a lock on purpose.
SHORT = 0.2


def a_store(folder: Path) -> None:
    """A store with a note on LI4 and a plan."""
    with UserData.open(folder) as store:
        store.set_note("LI4", "my note")
        store.save_plan(Plan(None, "Low back", ("BL23", "BL40")))


def newer(folder: Path) -> None:
    a_store(folder)
    conn = sqlite3.connect(folder / FILE_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()


def foreign(folder: Path) -> None:
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / FILE_NAME)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE photos (id, name)")
    conn.commit()
    conn.close()


def damaged(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / FILE_NAME).write_bytes(b"this is not a database" * 200)


@pytest.fixture
def open_window(make_window: Callable[..., MainWindow]) -> Callable[..., MainWindow]:
    """A window on the store in a folder, opened with a given wait on a busy store."""
    return lambda folder, timeout=SHORT: make_window(UserData.open(folder, timeout=timeout))


def assert_safe_mode(qtbot: QtBot, window: MainWindow, why: str) -> None:
    """Nothing can be saved: each part says why, and nothing is written or raised."""
    refusal = window.userdata.refusal
    assert why in refusal and not window.userdata.writable
    window.open_point("LI4")
    detail = window.detail
    assert detail.note_edit.isReadOnly()
    assert detail.note_pane.reason.isVisible()
    assert label_text(detail.note_pane.reason) == f"Notes cannot be changed: {refusal}."
    assert not detail.favourite_button.isEnabled()
    tip = tooltip_text(detail.favourite_button.toolTip())
    assert tip == f"Favourites cannot be changed: {refusal}."
    plan = window.plan
    for button in (plan.save_button, plan.delete_button):
        action = button.defaultAction()
        assert not action.isEnabled()
        assert tooltip_text(action.toolTip()) == f"Plans cannot be saved: {refusal}."
    plan.add(["LI4"])
    assert not plan.save()  # no write is attempted: the reason is told instead
    assert refusal in window.statusBar().currentMessage()
    # closing with the plan changed says it cannot be saved, and asks
    seen: list[Shown] = []
    answer("Close and lose them", seen)
    window.close()
    assert [s.name for s in seen] == ["unsavedPlan"] and refusal in seen[0].text
    assert not window.isVisible()


@pytest.mark.parametrize(
    ("make", "state", "why"),
    [(newer, "newer", "newer version"), (None, "unavailable", "cannot be used")],
)
def test_a_store_that_takes_no_changes_gives_a_banner_and_a_safe_mode(
    qtbot: QtBot,
    open_window: Callable[[Path, float], MainWindow],
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    make: Callable[[Path], None] | None,
    state: str,
    why: str,
) -> None:
    folder = tmp_path / "data"
    if make is None:  # a folder that cannot be made: a file is in the way
        tmp_path.joinpath("blocker").write_text("a file")
        folder = tmp_path / "blocker" / "data"
    else:
        make(folder)
    window = open_window(folder, SHORT)
    health = window.userdata.health
    assert health.state == state
    assert window.banner.isVisible() and label_text(window.banner.label) == health.message
    assert_safe_mode(qtbot, window, why)
    if state == "newer":  # the notes are shown, never set aside
        assert window.detail.note_edit.toPlainText() == "my note"
    assert "Traceback" not in capfd.readouterr().err


def test_a_read_only_disk_gives_a_banner_and_a_safe_mode(
    qtbot: QtBot,
    open_window: Callable[[Path, float], MainWindow],
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Issue #17, 3: the star turned on while the error escaped as a traceback."""
    folder = tmp_path / "mounted"
    with tmpfs(folder, "8m"):
        a_store(folder)
        read_only(folder)
        window = open_window(folder, SHORT)
        assert window.userdata.health.state == "read_only"
        assert label_text(window.banner.label) == window.userdata.health.message
        assert_safe_mode(qtbot, window, "read-only")
        assert window.detail.note_edit.toPlainText() == "my note"
    assert "Traceback" not in capfd.readouterr().err


def test_a_lock_held_at_start_gives_a_banner_and_a_safe_mode(
    qtbot: QtBot,
    open_window: Callable[[Path, float], MainWindow],
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "data"
    a_store(folder)
    holder = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        window = open_window(folder, SHORT)
        assert window.userdata.health.state == "locked"
        assert "in use by another program" in label_text(window.banner.label)
        assert_safe_mode(qtbot, window, "in use by another program")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(("make", "state"), [(foreign, "foreign"), (damaged, "damaged")])
def test_a_foreign_or_damaged_file_is_kept_and_a_new_store_used(
    qtbot: QtBot,
    open_window: Callable[[Path, float], MainWindow],
    tmp_path: Path,
    make: Callable[[Path], None],
    state: str,
) -> None:
    folder = tmp_path / "data"
    make(folder)
    window = open_window(folder, SHORT)
    health = window.userdata.health
    assert health.state == state and window.userdata.writable
    assert window.banner.isVisible() and label_text(window.banner.label) == health.message
    assert health.kept is not None and health.kept.name in health.message
    window.open_point("LI4")
    assert not window.detail.note_edit.isReadOnly()
    assert window.detail.favourite_button.isEnabled()
    window.detail.favourite_button.click()
    assert window.userdata.is_favourite("LI4")


def test_a_lock_taken_after_start_never_raises(
    qtbot: QtBot,
    open_window: Callable[[Path, float], MainWindow],
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Issue #17, 3: where the store keeps a rollback journal, a lock taken after opening
    blocks reads too; every path of the window tells the user in a line."""
    folder = tmp_path / "data"
    a_store(folder)
    holder = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM notes").fetchone()  # keeps the journal mode
    window = open_window(folder, SHORT)
    holder.execute("COMMIT")
    assert window.userdata.health.state == "ok"
    plan = window.plan
    assert plan.open_plan("Low back")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        window.open_point("LI4")  # the note cannot be read: read-only, and why
        assert window.detail.note_edit.isReadOnly()
        assert "could not be read" in label_text(window.detail.note_pane.reason)
        window.detail.favourite_button.click()  # put back, and why
        assert not window.detail.favourite_button.isChecked()
        assert "in use by another program" in window.statusBar().currentMessage()
        window.show_favourites()
        assert "could not be read" in window.statusBar().currentMessage()
        plan.add(["GB34"])
        seen: list[Shown] = []
        answer("OK", seen)
        assert not plan.save()
        assert [s.name for s in seen] == ["planNotSaved"]
        assert "in use by another program" in seen[0].text
        answer("Delete", seen)
        answer("OK", seen)
        plan.delete_plan()
        assert [s.name for s in seen[1:]] == ["deletePlan", "planNotDeleted"]
        assert not plan.open_plan("Low back")
        assert "could not be opened" in window.statusBar().currentMessage()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert plan.save()
    assert "Traceback" not in capfd.readouterr().err
