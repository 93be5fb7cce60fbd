"""The built reference database in the cache: found, checked, (re)built when needed.

The database is built from `db/` (see `atlas.core.build`) into the cache,
named by a hash of the sources and of the core code. Hashing the sources and
checking the file take a few milliseconds, so a stamp file records the size and
modification time of every input and of the database as last verified. When
none of them has changed, opening trusts the stamp and neither hashes nor
checks; anything else (an edited source, a rewritten or truncated database, a
missing stamp) falls back to the full check. The builder is imported only to
build.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

from atlas.core import paths

STAMP = "reference.stamp"


class Problem(NamedTuple):
    """One thing wrong with the sources."""

    file: str
    item: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.item}" if self.item else self.file
        return f"{where}: {self.message}"


class BuildError(Exception):
    """The sources are invalid; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the point sources:\n{shown}{more}")


def _code_files() -> list[Path]:
    return sorted(Path(__file__).parent.rglob("*.py"))


def source_files(source: Path) -> list[Path]:
    """The files of `db/` that a build reads."""
    return sorted(p for p in source.rglob("*") if p.suffix in (".toml", ".sql") and p.is_file())


def sources_hash(source: Path | None = None) -> str:
    """A hash of every source file and of the core code (the builder among it)."""
    import hashlib

    source = source or paths.source_dir()
    digest = hashlib.sha256()
    for code_file in _code_files():
        digest.update(code_file.read_bytes())
    for path in source_files(source):
        digest.update(path.relative_to(source).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


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
    with contextlib.suppress(OSError):  # without a stamp the next start checks again
        _write_stamp(stamp, source, dest)
    return dest


def _signature(path: Path) -> str:
    info = path.stat()
    return f"{info.st_size} {info.st_mtime_ns}"


def _stamp_lines(source: Path, dest: Path) -> list[str]:
    lines = [str(source), f"{dest.name}\t{_signature(dest)}"]
    lines += [f"{p}\t{_signature(p)}" for p in _code_files() + source_files(source)]
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
    partial = stamp.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text("\n".join(_stamp_lines(source, dest)) + "\n", encoding="utf-8")
    os.replace(partial, stamp)


def _looks_complete(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'source_hash'").fetchone()
            if row is None or path.name != f"reference-{row[0]}.sqlite":
                return False
            return bool(conn.execute("PRAGMA quick_check").fetchone() == ("ok",))
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _prune_old(keep: Path) -> None:
    for old in keep.parent.glob("reference-*.sqlite"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
