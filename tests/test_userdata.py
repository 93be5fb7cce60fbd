"""The user's store: migrations, transactions, and never losing a damaged file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from atlas.core import userdata
from atlas.core.userdata import FILE_NAME, MIGRATIONS, SCHEMA_VERSION, Plan, UserData, UserDataError


def test_fresh_store_has_current_schema(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        assert store.persistent and store.recovery == ""
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_notes_favourites_and_plans_survive_reopening(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.set_note("LI4", "Strong de qi; <b>not</b> bold")
        store.set_favourite("ST36", True)
        saved = store.save_plan(Plan(None, "Low back", ("BL23", "BL40", "GV4"), "weekly"))
    with UserData.open(tmp_path) as store:
        assert store.note("LI4") == "Strong de qi; <b>not</b> bold"
        assert store.favourites() == ["ST36"]
        plan = store.plan("Low back")
        assert plan == Plan(saved.id, "Low back", ("BL23", "BL40", "GV4"), "weekly")
        assert [p.name for p in store.plans()] == ["Low back"]


def test_empty_note_removes_it(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.set_note("LI4", "x")
        store.set_note("LI4", "   ")
        assert store.note("LI4") == "" and store.noted_codes() == []


def test_plan_rules(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        first = store.save_plan(Plan(None, "A", ("LI4",)))
        with pytest.raises(UserDataError):
            store.save_plan(Plan(None, "A", ("ST36",)))
        with pytest.raises(UserDataError):
            store.save_plan(Plan(None, "  ", ()))
        renamed = store.save_plan(Plan(first.id, "B", ("ST36", "LI4")))
        assert renamed.id is not None
        assert store.plan(renamed.id) == Plan(first.id, "B", ("ST36", "LI4"), "")
        store.delete_plan(first.id or 0)
        assert store.plans() == []


def _at_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        conn.execute("INSERT INTO notes(code, text) VALUES ('LI4', 'kept')")
    if version >= 2:
        conn.execute("INSERT INTO plans(id, name) VALUES (1, 'old plan')")
        conn.execute("INSERT INTO plan_points VALUES (1, 0, 'GB34')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    _at_version(tmp_path / FILE_NAME, version)
    with UserData.open(tmp_path) as store:
        assert store.recovery == ""
        if version >= 1:
            assert store.note("LI4") == "kept"
        if version >= 2:
            assert store.plan("old plan") == Plan(1, "old plan", ("GB34",), "")
        store.save_plan(Plan(None, "new", ("LI4",), "notes work"))
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _damaged_files(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.glob("user.damaged-*.sqlite"))


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "newer"],
)
def test_damaged_store_is_kept_aside_and_replaced(tmp_path: Path, damage: str) -> None:
    path = tmp_path / FILE_NAME
    with UserData.open(tmp_path) as store:
        for i in range(200):
            store.set_note(f"LI{i}", "x" * 500)
    original = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00garbage\xff" * 1000)
    elif damage == "truncated":
        path.write_bytes(original[: len(original) // 3])
    else:
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        conn.commit()
        conn.close()
    damaged_bytes = path.read_bytes()
    with UserData.open(tmp_path) as store:
        assert store.persistent
        assert "Nothing was deleted" in store.recovery
        assert store.note("LI4") == ""
        store.set_note("ST36", "fresh")
    kept = _damaged_files(tmp_path)
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes


def test_locked_store_is_not_moved(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.set_note("LI4", "mine")
    holder = sqlite3.connect(tmp_path / FILE_NAME)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = UserData.open(tmp_path)
        assert not store.persistent and "in use" in store.recovery
        store.set_note("ST36", "temporary")  # works, in memory
        store.close()
    finally:
        holder.rollback()
        holder.close()
    assert _damaged_files(tmp_path) == []
    with UserData.open(tmp_path) as store:
        assert store.note("LI4") == "mine"


def test_unwritable_folder_shows_data_but_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with UserData.open(tmp_path) as store:
        store.set_note("LI4", "mine")
    monkeypatch.setattr(os, "access", lambda *_args: False)
    with UserData.open(tmp_path) as store:
        assert not store.persistent and "cannot be written" in store.recovery
        assert store.note("LI4") == "mine"


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with UserData.open(blocker / "data") as store:
        assert not store.persistent and "could not be created" in store.recovery


def test_failed_write_leaves_previous_state(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as store:
        store.save_plan(Plan(None, "P", ("LI4", "ST36")))
        store._conn.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON plan_points"
            " WHEN NEW.code = 'BAD' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
        plan = store.plan("P")
        assert plan is not None
        with pytest.raises(UserDataError):
            store.save_plan(Plan(plan.id, "P", ("GB34", "BAD")))
        assert store.plan("P") == plan


def test_data_dir_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "x"))
    assert userdata.default_data_dir() == tmp_path / "x"
