"""`atlas build --check` validates db/schema.sql too (issue #17, item 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from atlas.cli import main
from atlas.core import Atlas, AtlasDataError, paths


@pytest.fixture
def broken_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of db/ whose schema.sql SQLite rejects, as the sources of a fresh cache."""
    source = tmp_path / "db"
    shutil.copytree(paths.source_dir(), source)
    schema = source / "schema.sql"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace(
            "CREATE TABLE points", "CREATE TABLE points,", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(paths, "source_dir", lambda: source)
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    return schema


def test_check_rejects_a_broken_schema(
    capsys: pytest.CaptureFixture[str], broken_schema: Path
) -> None:
    """It used to call the sources valid; then every command failed."""
    assert main(["build", "--check"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "db/schema.sql: SQLite rejects it:" in err and "Traceback" not in err


def test_build_and_commands_fail_with_the_same_message(
    capsys: pytest.CaptureFixture[str], broken_schema: Path
) -> None:
    assert main(["build"]) == 1
    assert "db/schema.sql: SQLite rejects it:" in capsys.readouterr().err
    assert main(["show", "LI4"]) == 1
    assert "db/schema.sql: SQLite rejects it:" in capsys.readouterr().err
    with pytest.raises(AtlasDataError, match=r"schema\.sql"):
        Atlas.open()
