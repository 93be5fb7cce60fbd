"""The built reference database in the cache: found, checked, (re)built when needed.

The database is built from `db/` (see `atlas.core.build`) into the cache,
named by a hash of the sources and of the core code. Hashing the sources and
checking the file cost start-up time, so a stamp file records the size and
modification time of every input and of the database as last verified. When
none of them has changed, opening trusts the stamp and neither hashes nor
checks; anything else (an edited source, a rewritten or truncated database, a
missing stamp) falls back to the full check (`verify`). The builder is imported
only to build; the database and the stamp are written whole by
`atlas.core.safefile` or not at all.

Damage the stamp cannot see (a failing disk keeps size and time) is found by
`verify`, which the window runs after start and every query error triggers
(see `Atlas.repair`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from atlas.core import paths
from atlas.core.safefile import FileWriteError, write_bytes
from atlas.core.sources import code_files, source_files, sources_hash

STAMP = "reference.stamp"


def built_path(source: Path | None = None) -> Path:
    """Where the database built from the current sources lives in the cache."""
    return paths.cache_dir() / f"reference-{sources_hash(source)}.sqlite"


def ensure_built(source: Path | None = None, verify: bool = False) -> Path:
    """The cached database for the current sources, built if missing or damaged.

    Unless `verify` is set, a stamp that still matches every input and the
    database itself stands in for hashing the sources and checking the file.
    """
    source = source or paths.source_dir()
    stamp = paths.cache_dir() / STAMP
    if not verify:
        trusted = _trusted(stamp, source)
        if trusted is not None:
            return trusted
    dest = built_path(source)
    if not dest.exists() or not _looks_complete(dest):
        from atlas.core import build

        build.build(dest, source)
        _prune_old(dest)
    with contextlib.suppress(OSError, FileWriteError):  # no stamp: the next start checks again
        _write_stamp(stamp, source, dest)
    return dest


def _signature(path: Path) -> str:
    info = path.stat()
    return f"{info.st_size} {info.st_mtime_ns}"


def _stamp_lines(source: Path, dest: Path) -> list[str]:
    lines = [str(source), f"{dest.name}\t{_signature(dest)}"]
    lines += [f"{p}\t{_signature(p)}" for p in code_files() + source_files(source)]
    return lines


def _trusted(stamp: Path, source: Path) -> Path | None:
    """The database the stamp vouches for, if nothing has changed since it was written."""
    try:
        lines = stamp.read_text(encoding="utf-8").splitlines()
        dest = stamp.parent / lines[1].split("\t", 1)[0]
        return dest if lines == _stamp_lines(source, dest) else None
    except (OSError, IndexError, UnicodeDecodeError):
        return None


def _write_stamp(stamp: Path, source: Path, dest: Path) -> None:
    text = "\n".join(_stamp_lines(source, dest)) + "\n"
    write_bytes(stamp, text.encode("utf-8"), replace=True)


def _looks_complete(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'source_hash'").fetchone()
            if row is None or path.name != f"reference-{row[0]}.sqlite":
                return False
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return not verify(path)


def verify(path: str | Path) -> list[str]:
    """Everything wrong with a built reference database; [] when it is whole.

    A full check: SQLite's integrity check, every row of every
    table read (the full-text tables too), and each full-text index checked
    against its content. Damage inside a full-text index is invisible to
    SQLite's own check and only makes searches find less, so that check runs on
    a copy in memory (the file itself is only ever opened read-only). Safe to
    call from any thread: it opens its own connections.
    """
    path = Path(path)
    problems: list[str] = []
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"cannot be opened: {exc}"]
    try:
        problems += [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        tables = [
            (name, sql or "")
            for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for name, _ in tables:
            try:
                conn.execute(f'SELECT * FROM "{name}"').fetchall()
            except sqlite3.Error as exc:
                problems.append(f"table {name}: {exc}")
        copy = sqlite3.connect(":memory:")
        try:
            conn.backup(copy)
            for name, sql in tables:
                if "USING FTS5" in sql.upper():
                    try:
                        copy.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'integrity-check\')')
                    except sqlite3.Error as exc:
                        problems.append(f"full-text index {name}: {exc}")
        finally:
            copy.close()
    except sqlite3.Error as exc:
        problems.append(str(exc))
    finally:
        conn.close()
    return problems


def _prune_old(keep: Path) -> None:
    for old in keep.parent.glob("reference-*.sqlite"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
