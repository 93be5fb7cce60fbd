"""Damage inside the cached reference database is found and repaired, never hidden.

The damage is done behind the cache stamp's back (the file keeps its size and
modification time), as a failing disk would, so opening trusts the file.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from faults import tmpfs

from atlas.cli import main
from atlas.core import Atlas, AtlasDataError, cache, paths

WORD = "swelling"  # the full-text index finds 46 points for it


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A freshly built cache of our own, and its database."""
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    return cache.ensure_built()


def fts_pages(path: Path) -> tuple[int, list[int]]:
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ?",
                                             ("points_fts_data",))]  # fmt: skip
    finally:
        conn.close()
    assert pages
    return size, pages


def damage(path: Path, offset: int = 0, length: int | None = None) -> None:
    """Overwrite the pages of points_fts (from `offset` in each, `length` bytes) with
    random bytes, keeping the file's size and modification time."""
    size, pages = fts_pages(path)
    info = path.stat()
    rng = random.Random(46)
    with path.open("r+b") as f:
        for page in pages:
            f.seek((page - 1) * size + offset)
            f.write(rng.randbytes(length or size - offset))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def searched(capsys: pytest.CaptureFixture[str], word: str) -> tuple[int, list[str], str]:
    """`atlas search WORD --json`: the exit status, the codes found, stderr."""
    status = main(["search", word, "--limit", "200", "--json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, [row["code"] for row in json.loads(out)] if status == 0 else [], err


def test_damaged_full_text_pages_are_rebuilt_not_hidden(
    capsys: pytest.CaptureFixture[str], cached: Path
) -> None:
    """Issue #17, 6: a search that finds 46 points found 8, with exit 0."""
    status, before, _ = searched(capsys, WORD)
    assert status == 0 and len(before) == 46
    damage(cached)
    assert cache.ensure_built() == cached  # the stamp still vouches for the file
    status, after, _ = searched(capsys, WORD)
    assert status == 0 and after == before
    assert cache.verify(cached) == []  # rebuilt in place


def test_silent_damage_is_found_by_verify_and_repaired(cached: Path) -> None:
    """Damage SQLite cannot see (the index's contents) makes searches find less, without
    any error: only the full check sees it, and repair() rebuilds."""
    with Atlas.open() as atlas:
        assert len(atlas.search(WORD, limit=200)) == 46 and atlas.verify() == []
        damage(cached, offset=200, length=2000)
        problems = atlas.verify()
        assert problems and all("\n" not in p for p in problems)
        atlas.repair()
        assert atlas.verify() == [] and len(atlas.search(WORD, limit=200)) == 46


def test_full_build_check_rebuilds_silent_damage(
    capsys: pytest.CaptureFixture[str], cached: Path
) -> None:
    damage(cached, offset=200, length=2000)
    assert main(["build"]) == 0
    capsys.readouterr()
    assert cache.verify(cached) == []


def test_damage_in_a_database_opened_by_path_is_an_error(cached: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(cached, copy)
    with Atlas.open(copy) as atlas:
        damage(copy)
        with pytest.raises(AtlasDataError, match="damaged"):
            atlas.search(WORD)


def test_damage_that_cannot_be_rebuilt_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No room to rebuild: a one-line error and exit 1, never a short list."""
    folder = tmp_path / "small-cache"
    built = cache.ensure_built()
    with tmpfs(folder, f"{built.stat().st_size // 1024 + 300}k"):
        monkeypatch.setenv("ATLAS_CACHE_DIR", str(folder))
        shutil.copy(built, folder / built.name)
        path = cache.ensure_built()  # verifies the copy and writes the stamp
        assert path == folder / built.name
        damage(path)
        status, found, err = searched(capsys, WORD)
        assert status == 1 and found == [] and "disk is full" in err
        assert len(err.strip().splitlines()) == 1, err


def test_verify_reads_every_table(cached: Path, tmp_path: Path) -> None:
    assert cache.verify(cached) == []
    copy = tmp_path / "copy.sqlite"
    shutil.copy(cached, copy)
    size, _ = fts_pages(copy)
    conn = sqlite3.connect(copy)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'placements'").fetchone()
    conn.close()
    with copy.open("r+b") as f:
        f.seek((root[0] - 1) * size)
        f.write(b"\xff" * size)
    assert any("placements" in p or "malformed" in p for p in cache.verify(copy))
    assert cache.verify(tmp_path / "missing.sqlite")
    assert paths.cache_dir() == cached.parent
