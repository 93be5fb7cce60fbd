"""The user's store: migrations, health at start, locks, plans, recovery, never losing data."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import userdata_load
from faults import fill, read_only, tmpfs

from atlas.core import userdata
from atlas.core.userdata import (
    APPLICATION_ID,
    FILE_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    Plan,
    PlanConflict,
    PlanDeleted,
    UserData,
    UserDataError,
)

#: A short wait on a busy store, for the tests that hold a lock on purpose.
SHORT = 0.1


def test_fresh_store_has_current_schema(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        assert store.health.state == "ok" and store.writable and store.recovery == ""
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_notes_favourites_and_plans_survive_reopening(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.set_note("LI4", "Strong de qi; <b>not</b> bold")
        store.set_favourite("ST36", True)
        saved = store.save_plan(Plan(None, "Low back", ("BL23", "BL40", "GV4"), "weekly"))
    with UserData.open(tmp_path) as store:
        assert store.note("LI4") == "Strong de qi; <b>not</b> bold"
        assert store.favourites() == ["ST36"] and store.is_favourite("ST36")
        assert store.plan("Low back") == saved
        assert saved._replace(date="") == Plan(
            saved.id, "Low back", ("BL23", "BL40", "GV4"), "weekly", 1, ("", "", "")
        )
        assert [p.name for p in store.plans()] == ["Low back"]


def test_empty_note_removes_it(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.set_note("LI4", "x")
        store.set_note("LI4", "   ")
        assert store.note("LI4") == "" and store.noted_codes() == []


def test_plan_rules(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        first = store.save_plan(Plan(None, "A", ("LI4",)))
        with pytest.raises(UserDataError, match="already a plan"):
            store.save_plan(Plan(None, "A", ("ST36",)))
        with pytest.raises(UserDataError, match="needs a name"):
            store.save_plan(Plan(None, "  ", ()))
        renamed = store.save_plan(first._replace(name="B", codes=("ST36", "LI4"), sides=()))
        assert store.plan(renamed.id or 0) == first._replace(
            name="B", codes=("ST36", "LI4"), sides=("", ""), version=2
        )
        assert store.plan(" b ") == store.plan("B")  # without regard to case, if only one
        other = store.save_plan(Plan(None, "b", ()))
        assert store.plan("B ") is None
        store.delete_plan(other.id or 0)
        store.delete_plan(first.id or 0)
        assert store.plans() == []


# ------------------------------------------------------------------ plans: every field, versions


def test_saving_a_plan_keeps_every_field(tmp_path: Path) -> None:
    """Issue #17, 5: a plan changed and saved keeps its notes (and every other field)."""
    with UserData.open(tmp_path) as store:
        store.save_plan(Plan(None, "Neck", ("GB20",), "Retain 20 minutes; check BP first"))
        opened = store.plan("Neck")
        assert opened is not None
        saved = store.save_plan(opened.with_codes((*opened.codes, "SI3")))
    with UserData.open(tmp_path) as store:
        again = store.plan("Neck")
        assert again == saved and again.notes == "Retain 20 minutes; check BP first"
        assert again.codes == ("GB20", "SI3") and again.version == 2


def test_two_windows_editing_one_plan_conflict(tmp_path: Path) -> None:
    """Issue #17, 5: the second save of one plan read twice is a PlanConflict, not a loss."""
    with UserData.open(tmp_path) as one, UserData.open(tmp_path) as two:
        one.save_plan(Plan(None, "Shared", ("LI4",), "first notes"))
        mine, theirs = one.plan("Shared"), two.plan("Shared")
        assert mine is not None and theirs is not None
        saved = two.save_plan(theirs.with_codes(("LI4", "ST36")))
        with pytest.raises(PlanConflict) as conflict:
            one.save_plan(mine._replace(notes="my notes"))
        assert conflict.value.stored == saved and conflict.value.mine.notes == "my notes"
        assert "changed elsewhere" in str(conflict.value)
        # keeping mine after seeing theirs is one more save at their version
        kept = one.save_plan(conflict.value.mine._replace(version=conflict.value.stored.version))
        assert two.plan("Shared") == kept and kept.version == 3


def test_saving_a_plan_deleted_elsewhere(tmp_path: Path) -> None:
    """Issue #17, 5: no "FOREIGN KEY constraint failed": a plain PlanDeleted."""
    with UserData.open(tmp_path) as one, UserData.open(tmp_path) as two:
        one.save_plan(Plan(None, "Gone", ("LI4",)))
        mine = one.plan("Gone")
        assert mine is not None
        two.delete_plan(mine.id or 0)
        for attempt in (mine, mine._replace(version=None)):
            with pytest.raises(PlanDeleted, match="deleted elsewhere") as deleted:
                one.save_plan(attempt.with_codes(("ST36",)))
            assert deleted.value.plan.codes == ("ST36",)
        again = one.save_plan(mine._replace(id=None, version=None))
        assert again.version == 1 and two.plan("Gone") == again


def test_a_plan_without_a_version_is_saved_unchecked(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        saved = store.save_plan(Plan(None, "P", ("LI4",)))
        store.save_plan(saved.with_codes(("ST36",)))
        blind = store.save_plan(Plan(saved.id, "P", ("GB34",), "n"))
        assert blind.version == 3 and store.plan("P") == blind


# ------------------------------------------------------------------ plans a clinic can use


def test_a_plan_keeps_what_a_clinic_writes_on_it(tmp_path: Path) -> None:
    """Issue #16, 2: patient, date, session of the course, retention, stimulation, sides."""
    plan = Plan(
        None,
        "Low back, Mrs Li",
        ("BL23", "GV4", "BL40"),
        "Check the skin over BL23 first.",
        sides=("both", "", "left"),
        patient="  Li Mei  ",
        date="2025-03-14",
        session=3,
        sessions=10,
        retention=20,
        stimulation="electric",
    )
    with UserData.open(tmp_path) as store:
        saved = store.save_plan(plan)
    with UserData.open(tmp_path) as store:
        again = store.plan("low back, mrs li")
    assert again == saved == plan._replace(id=saved.id, version=1, patient="Li Mei")
    assert again.side_of("BL40") == "left" and again.side_of("ST36") == ""
    moved = again.with_codes(("BL40", "BL23", "ST36"))
    assert moved.sides == ("left", "both", "") and moved.patient == "Li Mei"
    # a change of one field keeps every other
    with UserData.open(tmp_path) as store:
        changed = store.save_plan(again._replace(retention=None, stimulation="manual"))
        assert store.plan(saved.id or 0) == changed
        assert changed._replace(retention=20, stimulation="electric", version=1) == saved


def test_a_new_plan_is_dated_today_and_sides_default_to_none(tmp_path: Path) -> None:
    import datetime

    with UserData.open(tmp_path) as store:
        saved = store.save_plan(Plan(None, "Today", ("LI4", "GV20")))
        assert saved.date == datetime.date.today().isoformat()
        assert saved.sides == ("", "")
        # an existing plan keeps an empty date: it is not dated behind the user's back
        undated = store.save_plan(saved._replace(date=""))
        assert store.plan("Today") == undated and undated.date == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sides": ("both",)}, "2 points but 1 sides"),
        ({"sides": ("both", "up")}, "side is one of both, left, right"),
        ({"date": "14/03/2025"}, "not a date written yyyy-mm-dd"),
        ({"date": "2025-02-30"}, "not a date written yyyy-mm-dd"),
        ({"date": "2025-3-4"}, "not a date written yyyy-mm-dd"),
        ({"session": 0}, "session is a whole number from 1"),
        ({"sessions": -2}, "number of sessions is a whole number from 1"),
        ({"retention": 0}, "retention time is a whole number from 1"),
        ({"session": 11, "sessions": 10}, "Session 11 is beyond the course of 10 sessions"),
        ({"stimulation": "laser"}, "Stimulation is manual or electric"),
    ],
)
def test_a_plan_field_out_of_range_is_refused_in_one_line(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    with UserData.open(tmp_path) as store:
        with pytest.raises(UserDataError, match=message) as refused:
            store.save_plan(Plan(None, "P", ("LI4", "GV20"))._replace(**change))
        assert "\n" not in str(refused.value)
        assert store.plans() == []


# ------------------------------------------------------------------ migrations


def _at_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        conn.execute("INSERT INTO notes(code, text) VALUES ('LI4', 'kept')")
    if version >= 2:
        conn.execute("INSERT INTO plans(id, name) VALUES (1, 'old plan')")
        conn.execute("INSERT INTO plan_points(plan_id, position, code) VALUES (1, 0, 'GB34')")
    if version >= 3:
        conn.execute("UPDATE plans SET notes = 'old notes'")
    if version >= 6:  # the clinic's fields (5 is study mode's)
        conn.execute("UPDATE plans SET patient = 'P. Old', retention = 15")
        conn.execute("UPDATE plan_points SET side = 'left'")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    _at_version(tmp_path / FILE_NAME, version)
    with UserData.open(tmp_path) as store:
        assert store.health.state == "ok"
        if version >= 1:
            assert store.note("LI4") == "kept"
        if version >= 2:
            notes = "old notes" if version >= 3 else ""
            old = Plan(1, "old plan", ("GB34",), notes, 1, ("",))
            if version >= 6:
                old = old._replace(sides=("left",), patient="P. Old", retention=15)
            assert store.plan("old plan") == old
        new = store.save_plan(Plan(None, "new", ("LI4",), "notes work", sides=("right",)))
        assert store.plan("new") == new and new.sides == ("right",)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_each_migration_is_its_own_transaction(tmp_path: Path) -> None:
    """A migration that fails half-way leaves the file at the last whole step."""
    _at_version(tmp_path / FILE_NAME, 2)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute("CREATE TABLE blocker (x)")  # the 3 -> 4 step will find 'version' taken
    conn.execute("ALTER TABLE plans ADD COLUMN version TEXT")
    conn.commit()
    conn.close()
    with UserData.open(tmp_path) as store:
        assert store.health.state == "read_only" and not store.writable
        assert store.note("LI4") == "kept"
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT notes FROM plans").fetchone() == ("",)


# ------------------------------------------------------------------ health at start


def _kept(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.glob("user.damaged-*.sqlite"))


def _store_with_notes(folder: Path, count: int = 20) -> None:
    """A store with `count` notes (LI0, LI1...), LI4's being "mine"."""
    with UserData.open(folder) as store:
        for i in range(count):
            store.set_note(f"LI{i}", "x" * 500)
        store.set_note("LI4", "mine")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_damaged_store_is_kept_aside_and_replaced(tmp_path: Path, damage: str) -> None:
    path = tmp_path / FILE_NAME
    _store_with_notes(tmp_path, 200)
    original = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00garbage\xff" * 1000)
    else:
        path.write_bytes(original[: len(original) // 3])
    damaged_bytes = path.read_bytes()
    with UserData.open(tmp_path) as store:
        assert store.health.state == "damaged" and store.writable
        assert "Nothing was deleted" in store.health.message
        assert store.health.kept is not None and store.health.kept.name in store.health.message
        assert store.note("LI4") == ""
        store.set_note("ST36", "fresh")
    kept = _kept(tmp_path)
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes


@pytest.mark.parametrize("version", [SCHEMA_VERSION, 2, 0])
def test_foreign_sqlite_file_is_kept_aside(tmp_path: Path, version: int) -> None:
    """Issue #17, 9: a file with a matching user_version but not our tables."""
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, blob BLOB)")
    conn.execute("INSERT INTO photos(blob) VALUES (x'00ff')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    foreign = (tmp_path / FILE_NAME).read_bytes()
    with UserData.open(tmp_path) as store:
        assert store.health.state == "foreign" and store.writable
        assert "not an atlas notes file" in store.health.message
        store.set_note("LI4", "works")
        assert store.note("LI4") == "works"
    kept = _kept(tmp_path)
    assert len(kept) == 1 and kept[0].read_bytes() == foreign


def test_unmarked_store_missing_a_table_is_foreign(tmp_path: Path) -> None:
    """A file that does not say it is ours (as stores before version 4 did not) is
    compared with what the migrations make."""
    _at_version(tmp_path / FILE_NAME, SCHEMA_VERSION)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("DROP TABLE favourites")
    conn.commit()
    conn.close()
    with UserData.open(tmp_path) as store:
        assert store.health.state == "foreign" and "'favourites' is missing" in store.recovery
        assert store.is_favourite("LI4") is False


def test_another_programs_file_is_foreign(tmp_path: Path) -> None:
    _store_with_notes(tmp_path)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute("PRAGMA application_id = 42")
    conn.commit()
    conn.close()
    with UserData.open(tmp_path) as store:
        assert store.health.state == "foreign" and "another program" in store.recovery


def test_our_store_with_a_table_dropped_gives_typed_errors(tmp_path: Path) -> None:
    _store_with_notes(tmp_path)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute("DROP TABLE favourites")
    conn.commit()
    conn.close()
    with UserData.open(tmp_path) as store:
        assert store.note("LI4") == "mine"
        with pytest.raises(UserDataError, match="no such table"):
            store.is_favourite("LI4")
        with pytest.raises(UserDataError, match="no such table"):
            store.set_favourite("LI4", True)


def test_newer_store_opens_read_only_and_is_never_set_aside(tmp_path: Path) -> None:
    """Issue #17, 4: notes are shown, writes refused naming both versions, the file untouched."""
    _store_with_notes(tmp_path)
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    conn.execute("ALTER TABLE notes ADD COLUMN colour TEXT")  # what a newer version might do
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = (tmp_path / FILE_NAME).read_bytes()
    with UserData.open(tmp_path) as store:
        assert store.health.state == "newer" and not store.writable
        versions = f"schema {SCHEMA_VERSION + 5}; this version knows schemas up to {SCHEMA_VERSION}"
        assert versions in store.health.message
        assert store.note("LI4") == "mine" and len(store.noted_codes()) == 20
        with pytest.raises(UserDataError, match="newer version") as refused:
            store.set_note("LI4", "changed")
        assert versions in str(refused.value)
        with pytest.raises(UserDataError):
            store.save_plan(Plan(None, "P", ("LI4",)))
    assert _kept(tmp_path) == [] and (tmp_path / FILE_NAME).read_bytes() == before


@pytest.fixture
def held(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the store's write lock (as `sqlite3` would: BEGIN EXCLUSIVE)."""
    _store_with_notes(tmp_path)
    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    yield holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def test_lock_held_at_start_opens_read_only(tmp_path: Path, held: sqlite3.Connection) -> None:
    """Issue #17, 3: waited on, then read-only with a message: never in memory, never moved."""
    with UserData.open(tmp_path, timeout=SHORT) as store:
        assert store.health.state == "locked" and not store.writable
        assert "in use by another program" in store.health.message
        assert store.note("LI4") == "mine"  # readers never wait for a writer
        with pytest.raises(UserDataError, match="in use by another program"):
            store.set_note("ST36", "lost?")
    held.execute("ROLLBACK")
    assert _kept(tmp_path) == []
    with UserData.open(tmp_path, timeout=SHORT) as store:
        assert store.health.state == "ok" and store.note("LI4") == "mine"


def test_transient_lock_at_start_is_waited_out(tmp_path: Path, held: sqlite3.Connection) -> None:
    """Issue #17, 3: a lock released while the atlas waits leaves the store writable."""
    release = threading.Timer(0.2, lambda: held.execute("ROLLBACK"))
    release.start()
    try:
        with UserData.open(tmp_path, timeout=30) as store:
            assert store.health.state == "ok" and store.writable
            store.set_note("ST36", "saved")
            assert store.note("ST36") == "saved"
    finally:
        release.join()


def _every_call(store: UserData) -> list[Callable[[], Any]]:
    return [
        lambda: store.note("LI4"),
        lambda: store.is_favourite("LI4"),
        store.favourites,
        store.plans,
        store.noted_codes,
        lambda: store.plan("P"),
        lambda: store.set_note("LI4", "x"),
        lambda: store.set_favourite("LI4", True),
        lambda: store.save_plan(Plan(None, "P", ("LI4",))),
        lambda: store.delete_plan(1),
    ]


def test_lock_taken_after_opening_blocks_only_writes(tmp_path: Path) -> None:
    """Issue #17, 3: with the write-ahead log, readers never wait; writes say why not."""
    _store_with_notes(tmp_path)
    with UserData.open(tmp_path, timeout=SHORT) as store:
        holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            assert store.note("LI4") == "mine" and store.plans() == []
            for call in _every_call(store)[6:]:
                with pytest.raises(UserDataError, match="in use by another program") as failed:
                    call()
                assert failed.value.transient and "\n" not in str(failed.value)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        store.set_note("LI4", "after")  # the same store saves again once the lock is gone
        assert store.note("LI4") == "after"


def test_lock_on_a_rollback_journal_store_gives_typed_errors(tmp_path: Path) -> None:
    """Issue #17, 3: where the store keeps a rollback journal (another program holds it in
    that mode, or the file system has no shared memory), a lock taken after opening
    blocks reads too: each read and write waits, then raises a UserDataError, never a
    raw sqlite3.OperationalError."""
    _store_with_notes(tmp_path)
    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM notes").fetchone()  # keeps the journal mode as it is
    store = UserData.open(tmp_path, timeout=SHORT)
    holder.execute("COMMIT")
    assert store.health.state == "ok"
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for call in _every_call(store):
            with pytest.raises(UserDataError, match="in use by another program") as failed:
                call()
            assert failed.value.transient and "\n" not in str(failed.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.set_note("LI4", "after")
    assert store.note("LI4") == "after"
    store.close()


def test_text_that_is_not_text_is_a_typed_error(tmp_path: Path) -> None:
    """Issue #17, 9: undecodable bytes (surrogate escapes) in a name or a note."""
    with UserData.open(tmp_path) as store:
        with pytest.raises(UserDataError, match="not valid text"):
            store.plan("bad \udcff name")
        with pytest.raises(UserDataError, match="not valid text"):
            store.set_note("LI4", "bad \udcff")
        with pytest.raises(UserDataError, match="not valid text"):
            store.save_plan(Plan(None, "bad \udcff", ("LI4",)))
        assert store.plans() == []


def test_read_only_disk_shows_notes_and_refuses_writes(tmp_path: Path) -> None:
    """Issue #17, 3: a read-only file gives read_only health: notes shown, writes refused."""
    folder = tmp_path / "mounted"
    with tmpfs(folder, "8m"):
        _at_version(folder / FILE_NAME, 2)  # an older file, too: it cannot be migrated
        _store_with_notes(folder)
        read_only(folder)
        with UserData.open(folder, timeout=SHORT) as store:
            assert store.health.state == "read_only" and not store.writable
            assert "read-only" in store.health.message
            assert store.note("LI4") == "mine" and store.plan("old plan") is not None
            with pytest.raises(UserDataError, match="read-only"):
                store.set_favourite("LI4", True)
            assert not store.is_favourite("LI4")
            with pytest.raises(UserDataError, match="read-only disk"):
                store.keep_unsaved("LI4", "nowhere to go")


def test_unwritable_folder_without_a_mount(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _store_with_notes(tmp_path)
    monkeypatch.setattr(os, "access", lambda *_args: False)
    with UserData.open(tmp_path) as store:
        assert store.health.state == "read_only" and store.note("LI4") == "mine"
        with pytest.raises(UserDataError, match="cannot be written"):
            store.set_note("LI4", "x")


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with UserData.open(blocker / "data") as store:
        assert store.health.state == "unavailable" and "could not be created" in store.recovery
        assert store.note("LI4") == "" and store.plans() == []
        with pytest.raises(UserDataError):
            store.set_note("LI4", "x")


def test_full_disk_write_fails_whole_and_keeps_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "mounted"
    with tmpfs(folder, "1m"):
        with UserData.open(folder, timeout=SHORT) as store:
            store.set_note("LI4", "mine")
            fill(folder)
            with pytest.raises(UserDataError, match="disk is full") as full:
                store.set_note("ST36", "y" * 200_000)
            assert full.value.transient
            assert store.note("LI4") == "mine" and store.note("ST36") == ""
        with UserData.open(folder, timeout=SHORT) as store:  # started on the full disk
            assert store.note("LI4") == "mine"
            with pytest.raises(UserDataError, match="disk is full"):
                store.set_note("ST36", "y" * 200_000)


def test_failed_write_leaves_previous_state(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.save_plan(Plan(None, "P", ("LI4", "ST36")))
        other = sqlite3.connect(tmp_path / FILE_NAME)
        other.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON plan_points"
            " WHEN NEW.code = 'BAD' BEGIN SELECT RAISE(ABORT, 'no room'); END"
        )
        other.commit()
        other.close()
        plan = store.plan("P")
        assert plan is not None
        with pytest.raises(UserDataError, match="no room"):
            store.save_plan(plan._replace(codes=("GB34", "BAD")))
        assert store.plan("P") == plan


def test_data_dir_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "x"))
    assert userdata.default_data_dir() == tmp_path / "x"


# ------------------------------------------------------------------ unsaved notes


def test_unsaved_notes_are_kept_listed_and_cleared(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        assert store.unsaved() == []
        path = store.keep_unsaved("LI4", "typed while the store was busy 合谷\nline two")
        store.keep_unsaved("ST36", "second")
        store.keep_unsaved("LI4", "newer text")
        assert path == store.recovery_path and path.parent == tmp_path
    with UserData.open(tmp_path) as store:  # the next start
        kept = store.unsaved()
        assert [(n.code, n.text) for n in kept] == [("LI4", "newer text"), ("ST36", "second")]
        store.set_note("LI4", kept[0].text)
        store.clear_unsaved("LI4")
        assert [n.code for n in store.unsaved()] == ["ST36"]
        store.clear_unsaved("ST36")
        assert store.unsaved() == [] and not store.recovery_path.exists()


def test_unsaved_text_from_undecodable_bytes_comes_back_whole(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.keep_unsaved("LI4", "odd \udcff bytes")
        store.recovery_path.read_text(encoding="utf-8")  # the file itself is valid utf-8
        assert store.unsaved()[0].text == "odd \udcff bytes"


def test_unreadable_recovery_file_is_kept_aside(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.recovery_path.write_bytes(b'{"notes": {"LI4": ')
        with pytest.raises(UserDataError, match="could not be read"):
            store.unsaved()
        assert store.unsaved() == []
        assert len(list(tmp_path.glob("user.unsaved.damaged-*.json"))) == 1


def test_unsaved_note_survives_a_full_disk_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "mounted"
    with tmpfs(folder, "256k"), UserData.open(folder) as store:
        store.keep_unsaved("LI4", "first")
        fill(folder)
        with pytest.raises(UserDataError, match="disk is full"):
            store.keep_unsaved("ST36", "z" * 100_000)
        assert [(n.code, n.text) for n in store.unsaved()] == [("LI4", "first")]
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


# ------------------------------------------------------------------ load and kills


FIRST_OPEN = """
import sys, time
from pathlib import Path
from atlas.core.userdata import UserData
folder, name = sys.argv[1], sys.argv[2]
while not (Path(folder) / "go").exists():
    time.sleep(0.001)
with UserData.open(folder) as store:
    store.set_note(name, "note " + name)
"""


COPIES = 6


def test_copies_starting_at_once_on_a_new_folder_share_one_store(tmp_path: Path) -> None:
    """Six copies of the atlas open a folder with no store at the same moment, again
    and again: one makes the store, and none ever finds it half made, sets it aside,
    and writes on into the file set aside (a write lost that way was acknowledged)."""
    for round_ in range(16):
        folder = tmp_path / str(round_)
        folder.mkdir()
        copies = [
            subprocess.Popen(
                [sys.executable, "-c", FIRST_OPEN, str(folder), f"P{n}"],
                env=userdata_load.child_env(),
            )
            for n in range(COPIES)
        ]
        time.sleep(0.3)  # each copy has started and waits
        (folder / "go").touch()
        assert [copy.wait(timeout=60) for copy in copies] == [0] * COPIES
        assert sorted(p.name for p in folder.iterdir()) == ["go", FILE_NAME], round_
        with UserData.open(folder) as store:
            assert [store.note(f"P{n}") for n in range(COPIES)] == [
                f"note P{n}" for n in range(COPIES)
            ]


def test_short_load_loses_nothing(tmp_path: Path) -> None:
    """Four processes writing notes and plans for 3 s: every acknowledged write is there."""
    acks = userdata_load.load(tmp_path, seconds=3.0)
    assert acks.total > 0 and acks.raw == 0, acks.errors
    assert userdata_load.lost(tmp_path, acks) == []
    assert acks.errors == []


def test_kills_in_the_middle_of_writes_lose_nothing(tmp_path: Path) -> None:
    acks, problems = userdata_load.kill_run(tmp_path, kills=4)
    assert acks.total > 0 and acks.raw == 0 and problems == []


@pytest.mark.slow
def test_long_load_loses_nothing(tmp_path: Path) -> None:
    acks = userdata_load.load(tmp_path, seconds=20.0)
    assert acks.raw == 0 and acks.errors == []
    assert userdata_load.lost(tmp_path, acks) == []


@pytest.mark.slow
def test_a_hundred_kills_lose_nothing(tmp_path: Path) -> None:
    acks, problems = userdata_load.kill_run(tmp_path, kills=100)
    assert acks.raw == 0 and problems == []
