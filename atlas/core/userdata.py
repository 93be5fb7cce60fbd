"""The user's own data: notes and favourites per point, treatment plans, and study
cards (their SQL is in `atlas.core.study.store`).

A separate SQLite file (the reference database is never written), versioned
with PRAGMA user_version and migrated one step at a time, each step in its own
transaction. Every write is one transaction (`BEGIN IMMEDIATE`), so a crash, a
kill or a full disk leaves the previous state intact.

One place talks to SQLite: every read goes through `_reading` and every write
through `_write`. The connection waits up to `BUSY_TIMEOUT` seconds on a store
another program is using before it reports, and every failure comes out as a
`UserDataError` with one plain line (never a raw `sqlite3` error).

Health at start (`UserData.health`, a `Health` with a `state` and a one-line
`message`, '' when all is well). Nothing is ever deleted:

- ``ok``: open and writable.
- ``read_only``: the file, its folder or its disk cannot be written. Notes
  and plans are shown; writes raise UserDataError naming the reason.
- ``locked``: another program held the file for longer than the busy timeout:
  open read-only for this session (open the store again to retry).
- ``newer``: written by a newer version of the atlas: open read-only, never set
  aside; the message names both schema versions.
- ``foreign``: an SQLite file that is not an atlas store (its tables are
  missing): kept aside under a new name and a fresh store started.
- ``damaged``: not a database, or it fails SQLite's check: kept aside, a fresh
  store started.
- ``unavailable``: the folder cannot be created (or a damaged file cannot be
  set aside): reads find nothing, writes raise UserDataError.

`UserData.writable` says whether changes can be saved. A note the store cannot
take can be kept in a recovery file beside it (`keep_unsaved`, `unsaved`,
`clear_unsaved`) and offered back at the next start.

Plans carry a `version`, raised by one on every save: `save_plan` given the plan
as it was read raises `PlanConflict` (with the stored plan) when another window
or program saved it meanwhile, and `PlanDeleted` when it was deleted.
"""

from __future__ import annotations

import datetime
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from atlas.core.safefile import FileWriteError, read_only_disk, reason, shown, write_bytes

FILE_NAME = "user.sqlite"
#: Unsaved note text, beside the store (JSON, utf-8).
RECOVERY_FILE_NAME = "user.unsaved.json"
#: Seconds a read or write waits on a store another program is using before it reports.
BUSY_TIMEOUT = 3.0

#: PRAGMA application_id of an atlas store ("AcAt").
APPLICATION_ID = int.from_bytes(b"AcAt", "big")

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
    # 3 -> 4: a version per plan, raised on every save, to notice concurrent changes;
    # and the file says it is an atlas store (checked at opening, see _examine)
    f"""
    ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    PRAGMA application_id = {APPLICATION_ID};
    """,
    # 4 -> 5: study mode (atlas.core.study): one card per point and drill with its
    # scheduler state (an fsrs card as JSON; due and state copied out for choosing),
    # every answer given, and the study settings
    """
    CREATE TABLE study_cards (
        code       TEXT NOT NULL,
        drill      TEXT NOT NULL CHECK (drill IN ('locate', 'name', 'know')),
        card       TEXT NOT NULL,
        due        REAL NOT NULL,
        state      INTEGER NOT NULL,
        reviews    INTEGER NOT NULL DEFAULT 0,
        introduced REAL NOT NULL,
        PRIMARY KEY (code, drill)
    );
    CREATE TABLE study_reviews (
        id          INTEGER PRIMARY KEY,
        code        TEXT NOT NULL,
        drill       TEXT NOT NULL,
        deck        TEXT NOT NULL,
        answered    REAL NOT NULL,
        rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
        error       REAL,
        view        TEXT,
        duration_ms INTEGER
    );
    CREATE INDEX study_reviews_code ON study_reviews(code, drill);
    CREATE TABLE study_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 5 -> 6: what a clinic writes on a plan (the patient, the date, the session in its
    # course, retention and stimulation) and the side of each point
    """
    ALTER TABLE plans ADD COLUMN patient TEXT NOT NULL DEFAULT '';
    ALTER TABLE plans ADD COLUMN date TEXT NOT NULL DEFAULT '';
    ALTER TABLE plans ADD COLUMN session INTEGER CHECK (session >= 1);
    ALTER TABLE plans ADD COLUMN sessions INTEGER CHECK (sessions >= 1);
    ALTER TABLE plans ADD COLUMN retention INTEGER CHECK (retention >= 1);
    ALTER TABLE plans ADD COLUMN stimulation TEXT NOT NULL DEFAULT ''
        CHECK (stimulation IN ('', 'manual', 'electric'));
    ALTER TABLE plan_points ADD COLUMN side TEXT NOT NULL DEFAULT ''
        CHECK (side IN ('', 'both', 'left', 'right'));
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
    """A read or write of the user's data failed; nothing was changed.

    `str()` is one plain line for the user. `transient` is True when trying
    again later may work (the store was busy, the disk was full).
    """

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class PlanSummary(NamedTuple):
    id: int
    name: str
    updated: str
    size: int


class Plan(NamedTuple):
    """A treatment plan. `version` is the one it was read at (None: never read).

    To change a plan, read it and replace what changed, so every field (notes
    included) is saved as it was: `store.save_plan(plan._replace(notes=...))`.
    `sides[i]` is the side of `codes[i]` ('both', 'left', 'right'; '' where there is
    none to choose, a midline point), so change the points with `with_codes`, which
    keeps each point's side. Empty `sides` saves every point without a side. The
    fields a clinic fills in are optional: '' or None.
    """

    id: int | None
    name: str
    codes: tuple[str, ...]
    notes: str = ""
    version: int | None = None
    sides: tuple[str, ...] = ()
    patient: str = ""  # the patient's name
    date: str = ""  # yyyy-mm-dd; a new plan saved without one gets today's date
    session: int | None = None  # the session's number in the course...
    sessions: int | None = None  # ...and the course's length
    retention: int | None = None  # minutes the needles stay in
    stimulation: str = ""  # 'manual', 'electric' or ''

    def side_of(self, code: str) -> str:
        """The side of a point of the plan ('' when it has none, or is not in it)."""
        return dict(zip(self.codes, self.sides, strict=False)).get(code, "")

    def with_codes(self, codes: Sequence[str]) -> Plan:
        """The plan with these points in this order, each keeping its side ('' for a
        point new to the plan)."""
        sides = dict(zip(self.codes, self.sides, strict=False))
        return self._replace(codes=tuple(codes), sides=tuple(sides.get(c, "") for c in codes))


#: The Plan fields kept as columns of `plans`, under the same names. To add one: a
#: migration adding its column, a field (with a default) in Plan, and its name here.
PLAN_COLUMNS: tuple[str, ...] = (
    "name", "notes", "patient", "date", "session", "sessions", "retention", "stimulation",
)  # fmt: skip
SIDES: tuple[str, ...] = ("both", "left", "right")
STIMULATION: tuple[str, ...] = ("manual", "electric")


class PlanConflict(UserDataError):
    """The plan was saved elsewhere since it was read. `stored` is the plan as it is now,
    `mine` the one that was not saved. To keep mine: save `mine._replace(version=
    stored.version)`; to keep theirs: use `stored`."""

    def __init__(self, mine: Plan, stored: Plan) -> None:
        super().__init__(f"The plan {mine.name!r} was changed elsewhere since it was opened.")
        self.mine = mine
        self.stored = stored


class PlanDeleted(UserDataError):
    """The plan was deleted elsewhere since it was read. To keep it: save
    `plan._replace(id=None, version=None)` (a new plan)."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(f"The plan {plan.name!r} was deleted elsewhere since it was opened.")
        self.plan = plan


class Health(NamedTuple):
    """The store's state at opening (see the module's docstring) and what to tell the user."""

    state: str
    message: str = ""
    kept: Path | None = None  # where a damaged or foreign file was kept aside


class UnsavedNote(NamedTuple):
    code: str
    text: str
    kept: str  # when it was kept (local time, ISO 8601)


_BAD_TEXT = "The text holds characters that cannot be stored (bytes that are not valid text)."


class UserData:
    """The user's notes, favourites and plans. Open with `UserData.open()`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        health: Health,
        refusal: str = "",
        timeout: float = BUSY_TIMEOUT,
    ) -> None:
        self._conn = conn
        self.path = path
        self.health = health
        self._refusal = refusal  # why writes are refused ('' when they are not)
        self._timeout = timeout

    @property
    def writable(self) -> bool:
        """True when changes are saved to the user's file."""
        return not self._refusal

    @property
    def refusal(self) -> str:
        """Why changes are not saved, a phrase ('' when they are): "the notes file
        cannot be written (it or its folder is read-only)"."""
        return self._refusal

    @property
    def persistent(self) -> bool:
        """The same as `writable` (the older name)."""
        return self.writable

    @property
    def recovery(self) -> str:
        """What went wrong at opening, in one plain line ('' if nothing)."""
        return self.health.message

    # ------------------------------------------------------------- opening

    @classmethod
    def open(cls, data_dir: str | Path | None = None, timeout: float = BUSY_TIMEOUT) -> UserData:
        """Open (creating or migrating) the user's store in data_dir. Never raises.

        Waits up to `timeout` seconds on a file another program is using. To try
        again after a lock or a read-only folder has gone, close and open again.
        """
        folder = Path(data_dir) if data_dir is not None else default_data_dir()
        path = folder / FILE_NAME
        try:
            return cls._open(path, timeout)
        except (sqlite3.Error, OSError) as exc:  # nothing the checks foresaw: touch nothing
            detail = _explain(exc) if isinstance(exc, sqlite3.Error) else reason(exc)
            return cls._unavailable(
                path,
                "unavailable",
                f"Your notes file {shown(path)} could not be opened ({detail}): it was left as"
                " it is, and changes cannot be saved.",
            )

    @classmethod
    def _open(cls, path: Path, timeout: float) -> UserData:
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return cls._unavailable(
                path,
                "unavailable",
                f"Your notes and plans cannot be saved: the folder {shown(folder)} could not be"
                f" created ({reason(exc)}).",
            )
        if not path.exists():
            if not _can_write(folder):
                return cls._unavailable(
                    path,
                    "read_only",
                    f"Your notes and plans cannot be saved: the folder {shown(folder)} cannot be"
                    " written.",
                )
            return cls._fresh(path, timeout, Health("ok"))
        writable = _can_write(folder) and _can_write(path)
        try:
            conn, version = _examine(path, writable, timeout)
        except _Busy:
            return cls._locked(path, _connect(path, writable=False, timeout=timeout))
        except _Unusable as problem:
            if problem.state == "unavailable" and writable:
                # Writing may be what fails (a full disk cannot hold the store's
                # shared-memory file): show the notes read-only rather than none.
                with suppress(_Busy, _Unusable):
                    conn, version = _examine(path, False, timeout)
                    why = "the disk is full" if _disk_full(folder) else problem.detail
                    return cls._read_only(path, _read_only_copy(conn), why)
            if problem.state == "unavailable":
                return cls._unavailable(
                    path,
                    "unavailable",
                    f"Your notes file {shown(path)} could not be read ({problem.detail}): it was"
                    " left as it is, and changes cannot be saved.",
                )
            return cls._set_aside(path, problem, timeout)
        if version > SCHEMA_VERSION:
            versions = f"schema {version}; this version knows schemas up to {SCHEMA_VERSION}"
            message = (
                f"Your notes file {shown(path)} was written by a newer version of the atlas"
                f" ({versions}): it is open read-only and was not changed. Update the atlas to"
                " edit your notes."
            )
            refusal = f"the notes file was written by a newer version of the atlas ({versions})"
            return cls(conn, path, Health("newer", message), refusal)
        if not writable:
            why = (
                "its disk is read-only"
                if read_only_disk(folder)
                else "it or its folder is read-only"
            )
            return cls._read_only(path, _read_only_copy(conn), why)
        try:
            _use_wal(conn)
            _migrate(conn, version, timeout)
            held = _held_by_another(conn, timeout)
        except sqlite3.Error as exc:
            _end(conn)
            if _kind(exc) == "busy":
                return cls._locked(path, _read_only_copy(conn))
            return cls._read_only(path, _read_only_copy(conn), _explain(exc))
        if held:
            return cls._locked(path, _read_only_copy(conn))
        return cls(conn, path, Health("ok"), timeout=timeout)

    @classmethod
    def _locked(cls, path: Path, conn: sqlite3.Connection) -> UserData:
        message = (
            f"Your notes file {shown(path)} is in use by another program (perhaps another copy of"
            " the atlas), so it is open read-only: changes cannot be saved until the atlas is"
            " started again."
        )
        refusal = "the notes file was in use by another program when the atlas started"
        return cls(conn, path, Health("locked", message), refusal)

    @classmethod
    def _read_only(cls, path: Path, conn: sqlite3.Connection, why: str) -> UserData:
        message = (
            f"Your notes file {shown(path)} cannot be written ({why}): your notes and plans are"
            " shown, but changes cannot be saved."
        )
        return cls(
            conn, path, Health("read_only", message), f"the notes file cannot be written ({why})"
        )

    @classmethod
    def _fresh(cls, path: Path, timeout: float, health: Health) -> UserData:
        """A new store at `path`: made whole under a name of its own and then linked into
        place, so that no other copy of the atlas ever opens it half made (one that did
        took it for damaged and set it aside while this one wrote on into the file set
        aside). Where another copy put its store in place first, that one is opened."""
        try:
            made = _create_whole(path, timeout)
            if not made:
                store = cls._open(path, timeout)
                if health.state != "ok" and store.health.state == "ok":
                    store.health = health  # the file this copy set aside is still told
                return store
            conn = _connect(path, writable=True, timeout=timeout)
            _use_wal(conn)
        except (sqlite3.Error, OSError) as exc:
            detail = _explain(exc) if isinstance(exc, sqlite3.Error) else reason(exc)
            return cls._unavailable(
                path,
                "unavailable",
                f"Your notes and plans cannot be saved: a new notes file could not be created"
                f" ({detail}).",
            )
        return cls(conn, path, health, timeout=timeout)

    @classmethod
    def _set_aside(cls, path: Path, problem: _Unusable, timeout: float) -> UserData:
        """Keep an unusable file under a new name (never delete it) and start afresh."""
        what = (
            f"The file {shown(path)} is not an atlas notes file ({problem.detail})"
            if problem.state == "foreign"
            else f"Your notes file {shown(path)} could not be opened ({problem.detail})"
        )
        kept = _keep_aside(path) if _can_write(path.parent) else None
        if kept is None:
            return cls._unavailable(
                path,
                problem.state,
                f"{what}; it could not be moved aside, so it was left as it is and changes cannot"
                " be saved. Nothing was deleted.",
            )
        message = (
            f"{what}: it was kept as {kept.name} and a new, empty one was started."
            " Nothing was deleted."
        )
        store = cls._fresh(path, timeout, Health(problem.state, message, kept))
        if not store.writable:
            store.health = Health(problem.state, f"{message} {store.health.message}", kept)
        return store

    @classmethod
    def _unavailable(cls, path: Path, state: str, message: str) -> UserData:
        """No usable file: an empty store in memory that refuses every change."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _migrate(conn, 0)
        conn.execute("PRAGMA query_only = ON")
        return cls(conn, path, Health(state, message), "your notes file cannot be used")

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

    # ------------------------------------------------------------- the one place

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction (a consistent view); any failure is a UserDataError."""
        conn = self._conn
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _end(conn)
            raise UserDataError(
                f"Your notes could not be read: {_explain(exc)}.", _kind(exc) in _TRANSIENT
            ) from exc
        except UnicodeEncodeError as exc:
            _end(conn)
            raise UserDataError(_BAD_TEXT) from exc

    @contextmanager
    def _write(self, wait: float | None = None) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is saved, or none of it and a UserDataError.
        A busy store is waited on for `wait` seconds (by default the store's timeout)."""
        if self._refusal:
            raise UserDataError(f"Not saved: {self._refusal}.")
        conn = self._conn
        try:
            _begin_write(conn, self._timeout if wait is None else wait)
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                _end(conn)
                raise
        except sqlite3.Error as exc:
            raise UserDataError(f"Not saved: {_explain(exc)}.", _kind(exc) in _TRANSIENT) from exc
        except UnicodeEncodeError as exc:
            raise UserDataError(_BAD_TEXT) from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._reading() as conn:
            return conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------- notes

    def note(self, code: str) -> str:
        rows = self._rows("SELECT text FROM notes WHERE code = ?", (code,))
        return str(rows[0][0]) if rows else ""

    def set_note(self, code: str, text: str, wait: float | None = None) -> None:
        """Save a point's note; empty text removes it. `wait`: the seconds to wait on a
        busy store, when shorter than the store's timeout suits the caller (a window
        saving as the user types, that tries again later)."""
        with self._write(wait) as conn:
            if text.strip():
                conn.execute(
                    "INSERT INTO notes(code, text) VALUES (?, ?) ON CONFLICT(code)"
                    " DO UPDATE SET text = excluded.text, updated = datetime('now')",
                    (code, text),
                )
            else:
                conn.execute("DELETE FROM notes WHERE code = ?", (code,))

    def noted_codes(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT code FROM notes ORDER BY code")]

    # ------------------------------------------------------------- unsaved notes

    @property
    def recovery_path(self) -> Path:
        """The recovery file: note text the store could not take, kept for the next start."""
        return self.path.with_name(RECOVERY_FILE_NAME)

    def keep_unsaved(self, code: str, text: str) -> Path:
        """Keep a note the store could not take in the recovery file; returns the file.

        Written whole or not at all (the old file stays as it was); raises
        UserDataError when even that fails (for example, a read-only folder).
        """
        entries = {n.code: n for n in self._read_unsaved()}
        entries[code] = UnsavedNote(code, text, time.strftime("%Y-%m-%dT%H:%M:%S"))
        return self._write_unsaved(entries, "The unsaved note could not be kept either")

    def unsaved(self) -> list[UnsavedNote]:
        """Notes kept by `keep_unsaved` and not yet cleared, in code order.

        A recovery file that cannot be read is kept aside (renamed, never
        deleted) and reported with a UserDataError; the next call finds none.
        """
        return sorted(self._read_unsaved(), key=lambda n: n.code)

    def clear_unsaved(self, code: str) -> None:
        """Forget a kept note (once it has been saved, or the user declined it)."""
        entries = {n.code: n for n in self._read_unsaved() if n.code != code}
        self._write_unsaved(entries, "The recovered note could not be cleared")

    def _write_unsaved(self, entries: dict[str, UnsavedNote], failure: str) -> Path:
        """The recovery file written whole (removed when nothing is left in it)."""
        import json

        path = self.recovery_path
        notes = {c: {"text": n.text, "kept": n.kept} for c, n in entries.items()}
        # A lone surrogate (text that came from undecodable bytes) becomes the JSON
        # escape "\udcxx", which reads back as the same character.
        data = bytes(json.dumps({"format": 1, "notes": notes}, ensure_ascii=False, indent=1),
                     "utf-8", "backslashreplace")  # fmt: skip
        try:
            if not entries:
                path.unlink(missing_ok=True)
                return path
            return write_bytes(path, data, replace=True, mode=0o600)
        except FileWriteError as exc:
            raise UserDataError(f"{failure}: {exc}.") from exc
        except OSError as exc:
            raise UserDataError(f"{failure}: {reason(exc)}.") from exc

    def _read_unsaved(self) -> list[UnsavedNote]:
        path = self.recovery_path
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise UserDataError(f"The recovery file could not be read: {reason(exc)}.") from exc
        import json

        try:
            doc = json.loads(data.decode("utf-8"))
            return [
                UnsavedNote(str(code), str(entry["text"]), str(entry["kept"]))
                for code, entry in doc["notes"].items()
            ]
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            kept = _keep_aside(path)
            where = f" it was kept as {kept.name}" if kept else " it was left as it is"
            raise UserDataError(f"The recovery file could not be read, so{where}.") from exc

    # ------------------------------------------------------------- favourites

    def favourites(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT code FROM favourites ORDER BY added, code")]

    def is_favourite(self, code: str) -> bool:
        return bool(self._rows("SELECT 1 FROM favourites WHERE code = ?", (code,)))

    def set_favourite(self, code: str, favourite: bool) -> None:
        with self._write() as conn:
            if favourite:
                conn.execute("INSERT OR IGNORE INTO favourites(code) VALUES (?)", (code,))
            else:
                conn.execute("DELETE FROM favourites WHERE code = ?", (code,))

    # ------------------------------------------------------------- plans

    def plans(self) -> list[PlanSummary]:
        rows = self._rows(
            "SELECT p.id, p.name, p.updated, count(pp.code) FROM plans p"
            " LEFT JOIN plan_points pp ON pp.plan_id = p.id"
            " GROUP BY p.id ORDER BY p.name COLLATE NOCASE"
        )
        return [PlanSummary(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    def plan(self, name_or_id: str | int) -> Plan | None:
        """A saved plan by name or id (with the version it was read at), or None."""
        with self._reading() as conn:
            return _read_plan(conn, name_or_id)

    def save_plan(self, plan: Plan) -> Plan:
        """Create (id None) or update a plan with every field it has; returns it as saved.

        With the `version` it was read at, a plan saved elsewhere since raises
        PlanConflict; a plan deleted elsewhere raises PlanDeleted (whatever the
        version). With version None an existing plan is overwritten unchecked.
        Raises UserDataError for an empty name or a name another plan has, and for
        a field out of its range (naming it).
        """
        plan = _checked(plan)
        name = plan.name
        values = [getattr(plan, column) for column in PLAN_COLUMNS]
        with self._write() as conn:
            if plan.id is not None:
                row = conn.execute("SELECT version FROM plans WHERE id = ?", (plan.id,)).fetchone()
                if row is None:
                    raise PlanDeleted(plan)
                if plan.version is not None and plan.version != row[0]:
                    stored = _read_plan(conn, plan.id)
                    assert stored is not None
                    raise PlanConflict(plan, stored)
            clash = conn.execute(
                "SELECT id FROM plans WHERE name = ? AND id IS NOT ?", (name, plan.id)
            ).fetchone()
            if clash:
                raise UserDataError(f"There is already a plan called {name!r}.")
            if plan.id is None:
                cursor = conn.execute(
                    f"INSERT INTO plans({', '.join(PLAN_COLUMNS)}) VALUES"
                    f" ({', '.join('?' for _ in PLAN_COLUMNS)})",
                    values,
                )
                plan = plan._replace(id=int(cursor.lastrowid or 0), version=1)
            else:
                conn.execute(
                    f"UPDATE plans SET {', '.join(f'{c} = ?' for c in PLAN_COLUMNS)},"
                    " version = version + 1, updated = datetime('now') WHERE id = ?",
                    (*values, plan.id),
                )
                plan = plan._replace(version=row[0] + 1)
                conn.execute("DELETE FROM plan_points WHERE plan_id = ?", (plan.id,))
            conn.executemany(
                "INSERT INTO plan_points(plan_id, position, code, side) VALUES (?, ?, ?, ?)",
                [
                    (plan.id, i, code, side)
                    for i, (code, side) in enumerate(zip(plan.codes, plan.sides, strict=True))
                ],
            )
        return plan

    def delete_plan(self, plan_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM plan_points WHERE plan_id = ?", (plan_id,))
            conn.execute("DELETE FROM plans WHERE id = ?", (plan_id,))


def _checked(plan: Plan) -> Plan:
    """The plan as it will be saved (name trimmed, a side for each point, a new plan
    dated today), or UserDataError naming what is out of range."""
    name = plan.name.strip()
    if not name:
        raise UserDataError("A plan needs a name.")
    codes = tuple(plan.codes)
    sides = tuple(plan.sides) or ("",) * len(codes)
    if len(sides) != len(codes):
        raise UserDataError(f"The plan has {len(codes)} points but {len(sides)} sides.")
    if any(side not in ("", *SIDES) for side in sides):
        raise UserDataError(f"A point's side is one of {', '.join(SIDES)}.")
    date = plan.date.strip() or (time.strftime("%Y-%m-%d") if plan.id is None else "")
    if date:
        try:
            valid = len(date) == 10 and datetime.date.fromisoformat(date).isoformat() == date
        except ValueError:
            valid = False
        if not valid:
            raise UserDataError(f"The date {date[:40]!r} is not a date written yyyy-mm-dd.")
    for field, what in (
        ("session", "session"),
        ("sessions", "number of sessions"),
        ("retention", "retention time"),
    ):
        value = getattr(plan, field)
        if value is not None and (not isinstance(value, int) or value < 1):
            raise UserDataError(f"The {what} is a whole number from 1 (or left empty).")
    if plan.session and plan.sessions and plan.session > plan.sessions:
        raise UserDataError(
            f"Session {plan.session} is beyond the course of {plan.sessions} sessions."
        )
    if plan.stimulation not in ("", *STIMULATION):
        raise UserDataError(f"Stimulation is {' or '.join(STIMULATION)} (or left empty).")
    return plan._replace(
        name=name, codes=codes, sides=sides, date=date, patient=plan.patient.strip()
    )


def _read_plan(conn: sqlite3.Connection, name_or_id: str | int) -> Plan | None:
    """A plan by id, or by name: exactly, else without regard to case when exactly one
    plan matches ("low back" finds "Low back")."""
    column = "id" if isinstance(name_or_id, int) else "name"
    select = f"SELECT id, version, {', '.join(PLAN_COLUMNS)} FROM plans"
    row = conn.execute(f"{select} WHERE {column} = ?", (name_or_id,)).fetchone()
    if row is None and column == "name":
        wanted = str(name_or_id).strip().casefold()
        same = [r for r in conn.execute(select) if str(r[2]).casefold() == wanted]
        row = same[0] if len(same) == 1 else None
    if row is None:
        return None
    points = conn.execute(
        "SELECT code, side FROM plan_points WHERE plan_id = ? ORDER BY position", (row[0],)
    ).fetchall()
    fields = dict(zip(PLAN_COLUMNS, row[2:], strict=True))
    return Plan(
        id=int(row[0]),
        codes=tuple(r[0] for r in points),
        sides=tuple(r[1] for r in points),
        version=int(row[1]),
        **fields,
    )


# ----------------------------------------------------------------- opening, checking


class _Busy(Exception):
    """Another program held the file for longer than the busy timeout."""


class _Unusable(Exception):
    """The file cannot be used: `state` is 'damaged' or 'foreign' (set it aside) or
    'unavailable' (leave it be)."""

    def __init__(self, state: str, detail: str) -> None:
        super().__init__(detail)
        self.state = state
        self.detail = detail


_TRANSIENT = ("busy", "full", "io")


def _connect(path: Path, writable: bool, timeout: float) -> sqlite3.Connection:
    """The one place a connection to the user's file is made: the busy timeout, the
    pragmas, explicit transactions. A read-only connection also refuses writes itself."""
    if writable:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    else:
        conn = _connect_read_only(path, timeout, "")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            # A store in write-ahead-log mode needs its shared-memory file beside it,
            # which a read-only folder or a full disk cannot hold. With nothing in the
            # log (the last writer closed cleanly) the file alone is the whole store.
            if _kind(exc) != "io" or _size(path.with_name(path.name + "-wal")):
                raise
            conn.close()
            conn = _connect_read_only(path, timeout, "&immutable=1")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _connect_read_only(path: Path, timeout: float, options: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{path.absolute().as_uri()}?mode=ro{options}",
        uri=True,
        timeout=timeout,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute("PRAGMA query_only = ON")
    return conn


def _examine(path: Path, writable: bool, timeout: float) -> tuple[sqlite3.Connection, int]:
    """A connection to an existing file and its schema version, after checking it.

    Raises _Busy when another program holds it, _Unusable when it is damaged,
    foreign or unreadable. A file from a newer version is returned read-only.
    """
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, writable, timeout)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            if writable:
                conn.close()
                conn = _connect(path, writable=False, timeout=timeout)
            return conn, version
        result = conn.execute("PRAGMA quick_check").fetchone()
        if result is None or result[0] != "ok":
            raise _Unusable("damaged", f"it is damaged: {result[0] if result else 'no answer'}")
        owner = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if owner not in (0, APPLICATION_ID):
            raise _Unusable("foreign", "it belongs to another program")
        # A file marked as ours has our tables; any other (older stores, files of no
        # mark) is compared with what the migrations make.
        missing = _missing(conn, version) if owner != APPLICATION_ID else ""
        if missing:
            raise _Unusable("foreign", missing)
        return conn, version
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if not isinstance(exc, sqlite3.Error):
            raise
        kind = _kind(exc)
        if kind == "busy":
            raise _Busy(str(exc)) from exc
        # Only what SQLite calls damage sends a file aside; anything else leaves it be.
        raise _Unusable("damaged" if kind == "damaged" else "unavailable", _explain(exc)) from exc


def _missing(conn: sqlite3.Connection, version: int) -> str:
    """What a file of this version lacks of an atlas store ('' when nothing)."""
    found: dict[str, set[str]] = {}
    for table, column in conn.execute(
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
        " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
    ):
        found.setdefault(table, set()).add(column)
    if version == 0:
        return f"it holds other tables ({', '.join(sorted(found))})" if found else ""
    for table, columns in _schema_at(version).items():
        if table not in found:
            return f"the table {table!r} is missing"
        lacking = sorted(columns - found[table])
        if lacking:
            return f"the table {table!r} lacks {', '.join(lacking)}"
    return ""


@cache
def _schema_at(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns the migrations make up to `version`."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for script in MIGRATIONS[:version]:
            for statement in _statements(script):
                conn.execute(statement)
        schema: dict[str, set[str]] = {}
        for table, column in conn.execute(
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
            " WHERE m.type = 'table'"
        ):
            schema.setdefault(table, set()).add(column)
        return {table: frozenset(columns) for table, columns in schema.items()}
    finally:
        conn.close()


def _migrate(conn: sqlite3.Connection, version: int, timeout: float = BUSY_TIMEOUT) -> None:
    """Apply each migration after `version`, each in its own transaction.

    The version is read again inside each transaction: another copy of the atlas
    may have migrated the file meanwhile.
    """
    for target in range(version + 1, SCHEMA_VERSION + 1):
        _begin_write(conn, timeout)
        try:
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) < target:
                for statement in _statements(MIGRATIONS[target - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            _end(conn)
            raise


def _read_only_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """A file that cannot be written, read through a migrated copy in memory when it is
    older than this version (else as it is); either way refusing writes."""
    conn.execute("PRAGMA query_only = ON")
    with suppress(sqlite3.Error):
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version < SCHEMA_VERSION:
            copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            try:
                conn.backup(copy)
                _migrate(copy, version)
            except sqlite3.Error:
                copy.close()
                raise
            conn.close()
            copy.execute("PRAGMA query_only = ON")
            return copy
    return conn  # reads that need what it lacks will say so


def _begin_write(conn: sqlite3.Connection, timeout: float) -> None:
    """BEGIN IMMEDIATE, waiting up to `timeout` seconds for the write lock.

    It waits in short steps: SQLite's own wait backs off to a try every 100 ms,
    so under load a writer that has waited long keeps losing the lock to those
    that just came and, at four busy processes, times out now and then.
    """
    deadline = time.monotonic() + timeout
    conn.execute("PRAGMA busy_timeout = 20")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if _kind(exc) != "busy" or time.monotonic() >= deadline:
                    raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {round(timeout * 1000)}")


def _held_by_another(conn: sqlite3.Connection, timeout: float) -> bool:
    """True when another program held the write lock for all of `timeout` and wrote
    nothing meanwhile: a lock, not merely a busy store (which is used as usual)."""
    before = None
    try:
        before = conn.execute("PRAGMA data_version").fetchone()[0]
        _begin_write(conn, timeout)
    except sqlite3.OperationalError as exc:
        _end(conn)
        if _kind(exc) != "busy":
            raise
        with suppress(sqlite3.Error):
            return before is None or conn.execute("PRAGMA data_version").fetchone()[0] == before
        return True
    conn.execute("ROLLBACK")
    return False


def _create_whole(path: Path, timeout: float) -> bool:
    """Make a new, fully migrated store and put it at `path` in one step (a hard link,
    which fails where a file is already there). False: another copy of the atlas put
    its own there first. Where the file system has no hard links, the store is made in
    place as before."""
    made = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.new")
    try:
        conn = sqlite3.connect(made, timeout=timeout, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous = FULL")
            _migrate(conn, 0, timeout)
            _use_wal(conn)
        finally:
            conn.close()
        try:
            os.link(made, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (some network and FAT file systems)
            if path.exists():
                return False
            conn = _connect(path, writable=True, timeout=timeout)
            try:
                _migrate(conn, 0, timeout)
            finally:
                conn.close()
        return True
    finally:
        for leftover in [
            made,
            *(made.with_name(made.name + end) for end in ("-journal", "-wal", "-shm")),
        ]:
            with suppress(OSError):
                leftover.unlink()


def _use_wal(conn: sqlite3.Connection) -> None:
    """Write-ahead logging: readers never wait for a writer, and a write costs one fsync.
    Where it cannot be had (a busy file, a file system without shared memory),
    the rollback journal stays and works as well, only slower under load."""
    with suppress(sqlite3.Error):
        conn.execute("PRAGMA journal_mode = WAL")


def _statements(script: str) -> Sequence[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _end(conn: sqlite3.Connection) -> None:
    """Roll back whatever transaction is open (none is fine)."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _kind(exc: sqlite3.Error) -> str:
    """busy, read_only, full, io, damaged or other."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return "busy"
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return "read_only"
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "full"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in text:
        return "damaged"
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return "io"
    return "other"


def _explain(exc: sqlite3.Error) -> str:
    """A sqlite3 error in plain words (a phrase, no full stop)."""
    return {
        "busy": "the notes file is in use by another program (perhaps another copy of the"
        " atlas); try again in a moment",
        "read_only": "the notes file cannot be written",
        "full": "the disk is full",
        "damaged": "the notes file is damaged or is not a database",
        "io": f"a disk error: {exc}",
    }.get(_kind(exc), str(exc) or type(exc).__name__)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _disk_full(folder: Path) -> bool:
    try:
        return os.statvfs(folder).f_bavail == 0
    except (OSError, AttributeError):
        return False


def _can_write(path: Path) -> bool:
    return os.access(path, os.W_OK) and not read_only_disk(path)


def _keep_aside(path: Path) -> Path | None:
    """Rename an unusable file (and its journal) to a timestamped name; never delete."""
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
