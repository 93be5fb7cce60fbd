"""The user's own data: notes and favourites per point, and treatment plans.

A separate SQLite file (the reference database is never written), versioned
with PRAGMA user_version and migrated one step at a time. Every write is one
transaction, so a crash or a full disk leaves the previous state intact.

A file that cannot be used (garbage, truncated, written by a newer version,
locked by another program, or in a folder we cannot write) never stops the
atlas: the file is kept aside under a timestamped name (nothing is deleted),
a fresh store is used, and `recovery` says what happened in plain words.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

FILE_NAME = "user.sqlite"

# Each entry upgrades the schema from version i to version i + 1.
MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: notes and favourites
    """
    CREATE TABLE notes (
        code    TEXT PRIMARY KEY,
        text    TEXT NOT NULL,
        updated TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE favourites (
        code  TEXT PRIMARY KEY,
        added TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # 1 -> 2: treatment plans
    """
    CREATE TABLE plans (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
        created TEXT NOT NULL DEFAULT (datetime('now')),
        updated TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE plan_points (
        plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code     TEXT NOT NULL,
        PRIMARY KEY (plan_id, position)
    );
    """,
    # 2 -> 3: a free-text note on each plan (for the practitioner's notes)
    """
    ALTER TABLE plans ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_data_dir() -> Path:
    """ATLAS_DATA_DIR, else the platform's usual place (the GUI passes Qt's own)."""
    override = os.environ.get("ATLAS_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "AcupointAtlas"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "AcupointAtlas"
    return (
        Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "acupoint-atlas"
    )


class UserDataError(Exception):
    """A write to the user's data failed; nothing was changed."""


class PlanSummary(NamedTuple):
    id: int
    name: str
    updated: str
    size: int


class Plan(NamedTuple):
    id: int | None
    name: str
    codes: tuple[str, ...]
    notes: str = ""


class UserData:
    """The user's notes, favourites and plans."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, recovery: str = "") -> None:
        self._conn = conn
        self.path = path
        self.recovery = recovery  # what went wrong at open, in plain words ('' if nothing)

    @property
    def persistent(self) -> bool:
        """False when changes cannot be saved (the data folder is unusable)."""
        return self.path is not None

    # ------------------------------------------------------------- opening

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> UserData:
        """Open (creating or migrating) the user's store in data_dir. Never raises."""
        folder = Path(data_dir) if data_dir is not None else default_data_dir()
        path = folder / FILE_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return cls._in_memory(
                f"Your notes and plans cannot be saved: the folder {folder} could not be created"
                f" ({exc.strerror or exc}). Changes made now will be lost when you close the atlas."
            )
        if not os.access(folder, os.W_OK):
            return cls._read_only_copy(path, folder)
        try:
            return cls(_connect(path), path)
        except _Unusable as problem:
            reason = str(problem)
        except sqlite3.Error as exc:
            reason = f"it could not be read ({exc})"
        if _is_locked(reason):
            return cls._in_memory(
                f"Your notes file {path} is in use by another program (perhaps another copy of"
                " the atlas). This window works on a temporary copy: changes made now will not"
                " be saved."
            )
        kept = _keep_aside(path)
        try:
            store = cls(_connect(path), path)
        except (sqlite3.Error, _Unusable) as exc:
            return cls._in_memory(
                f"Your notes file {path} could not be used ({exc}) and a new one could not be"
                " created. Changes made now will not be saved."
            )
        where = f" The old file was kept as {kept.name}." if kept else ""
        store.recovery = (
            f"Your notes file could not be opened: {reason}. The atlas started a new, empty"
            f" one.{where} Nothing was deleted."
        )
        return store

    @classmethod
    def _read_only_copy(cls, path: Path, folder: Path) -> UserData:
        """The folder cannot be written: work on a copy in memory, saving nothing."""
        store = cls._in_memory(
            f"The folder {folder} cannot be written, so your notes and plans are shown but"
            " changes made now will not be saved."
        )
        if path.exists():
            try:
                source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
                try:
                    version = int(source.execute("PRAGMA user_version").fetchone()[0])
                    if version <= SCHEMA_VERSION:
                        source.backup(store._conn)
                        _migrate(store._conn, version)
                finally:
                    source.close()
            except sqlite3.Error:
                pass
        return store

    @classmethod
    def _in_memory(cls, reason: str) -> UserData:
        conn = sqlite3.connect(":memory:")
        _migrate(conn, 0)
        return cls(conn, None, reason)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> UserData:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            with self._conn:
                yield self._conn
        except sqlite3.Error as exc:
            raise UserDataError(f"Could not save your change: {exc}") from exc

    # ------------------------------------------------------------- notes

    def note(self, code: str) -> str:
        row = self._conn.execute("SELECT text FROM notes WHERE code = ?", (code,)).fetchone()
        return str(row[0]) if row else ""

    def set_note(self, code: str, text: str) -> None:
        """Save a point's note; empty text removes it."""
        with self._write() as conn:
            if text.strip():
                conn.execute(
                    "INSERT INTO notes(code, text) VALUES (?, ?) ON CONFLICT(code)"
                    " DO UPDATE SET text = excluded.text, updated = datetime('now')",
                    (code, text),
                )
            else:
                conn.execute("DELETE FROM notes WHERE code = ?", (code,))

    def noted_codes(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT code FROM notes ORDER BY code")]

    # ------------------------------------------------------------- favourites

    def favourites(self) -> list[str]:
        return [
            r[0] for r in self._conn.execute("SELECT code FROM favourites ORDER BY added, code")
        ]

    def is_favourite(self, code: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM favourites WHERE code = ?", (code,)).fetchone()
        return row is not None

    def set_favourite(self, code: str, favourite: bool) -> None:
        with self._write() as conn:
            if favourite:
                conn.execute("INSERT OR IGNORE INTO favourites(code) VALUES (?)", (code,))
            else:
                conn.execute("DELETE FROM favourites WHERE code = ?", (code,))

    # ------------------------------------------------------------- plans

    def plans(self) -> list[PlanSummary]:
        rows = self._conn.execute(
            "SELECT p.id, p.name, p.updated, count(pp.code) FROM plans p"
            " LEFT JOIN plan_points pp ON pp.plan_id = p.id"
            " GROUP BY p.id ORDER BY p.name COLLATE NOCASE"
        )
        return [PlanSummary(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    def plan(self, name_or_id: str | int) -> Plan | None:
        column = "id" if isinstance(name_or_id, int) else "name"
        row = self._conn.execute(
            f"SELECT id, name, notes FROM plans WHERE {column} = ?", (name_or_id,)
        ).fetchone()
        if row is None and column == "name":  # "low back" finds "Low back", if only one
            wanted = str(name_or_id).strip().casefold()
            rows = self._conn.execute("SELECT id, name, notes FROM plans").fetchall()
            same = [r for r in rows if str(r[1]).casefold() == wanted]
            row = same[0] if len(same) == 1 else None
        if row is None:
            return None
        codes = tuple(
            r[0]
            for r in self._conn.execute(
                "SELECT code FROM plan_points WHERE plan_id = ? ORDER BY position", (row[0],)
            )
        )
        return Plan(int(row[0]), str(row[1]), codes, str(row[2]))

    def save_plan(self, plan: Plan) -> Plan:
        """Create or replace a plan (by id when it has one); returns it with its id.

        Raises UserDataError for an empty name or a name another plan has.
        """
        name = plan.name.strip()
        if not name:
            raise UserDataError("A plan needs a name.")
        with self._write() as conn:
            clash = conn.execute(
                "SELECT id FROM plans WHERE name = ? AND id IS NOT ?", (name, plan.id)
            ).fetchone()
            if clash:
                raise UserDataError(f"There is already a plan called {name!r}.")
            if plan.id is None:
                cursor = conn.execute(
                    "INSERT INTO plans(name, notes) VALUES (?, ?)", (name, plan.notes)
                )
                plan_id = int(cursor.lastrowid or 0)
            else:
                plan_id = plan.id
                conn.execute(
                    "UPDATE plans SET name = ?, notes = ?, updated = datetime('now') WHERE id = ?",
                    (name, plan.notes, plan_id),
                )
                conn.execute("DELETE FROM plan_points WHERE plan_id = ?", (plan_id,))
            conn.executemany(
                "INSERT INTO plan_points(plan_id, position, code) VALUES (?, ?, ?)",
                [(plan_id, i, code) for i, code in enumerate(plan.codes)],
            )
        return Plan(plan_id, name, tuple(plan.codes), plan.notes)

    def delete_plan(self, plan_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM plan_points WHERE plan_id = ?", (plan_id,))
            conn.execute("DELETE FROM plans WHERE id = ?", (plan_id,))


class _Unusable(Exception):
    """The file exists but cannot be used as it is."""


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=1.0)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise _Unusable(
                f"it was written by a newer version of the atlas (schema {version};"
                f" this version reads up to {SCHEMA_VERSION})"
            )
        result = conn.execute("PRAGMA quick_check").fetchone()
        if result is None or result[0] != "ok":
            raise _Unusable(f"it is damaged ({result[0] if result else 'no answer'})")
        _migrate(conn, version)
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        message = str(exc)
        if "not a database" in message or "malformed" in message:
            raise _Unusable("it is not a valid database (it may be damaged or truncated)") from exc
        raise _Unusable(message) from exc
    except BaseException:
        conn.close()
        raise


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Apply each migration after `version`, each in its own transaction."""
    for target in range(version + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[target - 1]
        conn.execute("BEGIN")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> Sequence[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _is_locked(reason: str) -> bool:
    return "locked" in reason or "busy" in reason


def _keep_aside(path: Path) -> Path | None:
    """Rename a damaged file (and its journal) to a timestamped name; never delete."""
    if not path.exists():
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    try:
        path.rename(target)
    except OSError:
        try:
            shutil.copy2(path, target)
            path.unlink()
        except OSError:
            return None
    for suffix in ("-journal", "-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            with suppress(OSError):
                extra.rename(target.with_name(target.name + suffix))
    return target
