"""What a build of the reference database reads: the source files of `db/`, a hash
of them and of the core code (which names the built file in the cache), and the
problems found in them. Shared by the builder (`atlas.core.build`) and the cache
(`atlas.core.cache`), which imports the builder only to build.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from atlas.core import paths


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


def code_files() -> list[Path]:
    """The core's own code, whose every change makes a new build."""
    return sorted(Path(__file__).parent.rglob("*.py"))


def source_files(source: Path) -> list[Path]:
    """The files of `db/` that a build reads."""
    return sorted(p for p in source.rglob("*") if p.suffix in (".toml", ".sql") and p.is_file())


def sources_hash(source: Path | None = None) -> str:
    """A hash of every source file and of the core code (the builder among it)."""
    import hashlib

    source = source or paths.source_dir()
    digest = hashlib.sha256()
    for code_file in code_files():
        digest.update(code_file.read_bytes())
    for path in source_files(source):
        digest.update(path.relative_to(source).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]
