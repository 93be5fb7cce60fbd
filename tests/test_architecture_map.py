"""ARCHITECTURE.md is a map: every path, module and test it names exists, so the map
cannot rot while the code moves on."""

from __future__ import annotations

import ast
import os
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAPS = ("ARCHITECTURE.md", "docs/schema.md")


def text_of(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def paths_named(text: str, folder: str = "") -> list[str]:
    """The file and folder paths in backticks (`atlas/ui/plan.py`, `tests/x.py::test_y`),
    from the top of the repository, and the targets of relative links, from `folder`."""
    prose = re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)
    spans = re.findall(r"`([^`\n]+)`", prose)
    paths = [s for s in spans if " " not in s and ("/" in s or re.search(r"\.(py|toml|md)$", s))]
    links = re.findall(r"\]\(([^)#:]+)\)", prose)
    return paths + [os.path.normpath(os.path.join(folder, link)) for link in links]


def modules_named(text: str) -> list[str]:
    """Every dotted name in the atlas package (`atlas.cli.main`, `atlas.core`)."""
    return sorted(set(re.findall(r"(?<![\w/.])atlas(?:\.\w+)+", text)))


@cache
def defined_names(source: Path) -> frozenset[str]:
    """The names a module defines or imports at its top level."""
    names: set[str] = set()
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return frozenset(names)


def module_file(dotted: str) -> Path | None:
    base = ROOT.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def missing_module(dotted: str) -> str | None:
    """Why `dotted` names nothing: the longest module prefix must exist, and at most
    one name after it, defined there."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        source = module_file(".".join(parts[:end]))
        if source is None:
            continue
        rest = parts[end:]
        if not rest or (len(rest) == 1 and rest[0] in defined_names(source)):
            return None
        return f"{dotted}: {'.'.join(rest)} is not defined in {source.relative_to(ROOT)}"
    return f"{dotted}: no such module"


def missing_path(named: str) -> str | None:
    path, _, test = named.partition("::")
    target = ROOT / path
    if not target.exists():
        return f"{named}: no such file or folder"
    if test and test not in defined_names(target):
        return f"{named}: no {test} in {path}"
    return None


@pytest.mark.parametrize("name", MAPS)
def test_every_path_named_exists(name: str) -> None:
    named = paths_named(text_of(name), os.path.dirname(name))
    assert named, "the map names no paths: is the pattern still right?"
    assert [m for m in map(missing_path, named) if m] == []


@pytest.mark.parametrize("name", MAPS)
def test_every_module_named_exists(name: str) -> None:
    assert [m for m in map(missing_module, modules_named(text_of(name))) if m] == []


def test_the_checks_catch_what_has_moved() -> None:
    assert missing_path("atlas/ui/no_such_room.py") is not None
    assert missing_path("tests/test_boundaries.py::test_no_such_thing") is not None
    assert missing_path("tests/test_boundaries.py::test_core_imports_no_qt") is None
    assert missing_module("atlas.cli.main") is None
    assert missing_module("atlas.cli.no_such_name") is not None
    assert missing_module("atlas.no_such_layer") is not None
    assert paths_named("see `atlas/app.py` and [the schema](docs/schema.md)") == [
        "atlas/app.py",
        "docs/schema.md",
    ]


def test_the_map_names_every_package_of_the_code() -> None:
    """A new package of `atlas` gets a place on the map."""
    text = text_of("ARCHITECTURE.md")
    packages = sorted(
        p.parent.relative_to(ROOT).as_posix() + "/"
        for p in (ROOT / "atlas").rglob("__init__.py")
        if "_data" not in p.parts
    )
    assert [p for p in packages if f"`{p}" not in text] == []
