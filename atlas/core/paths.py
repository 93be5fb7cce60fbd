"""Where the atlas finds its bundled files and keeps its cache.

In a source checkout `assets/` and `db/` sit at the top of the repository; in
an installed wheel the build backend maps them into `atlas/_data/`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def assets_dir() -> Path:
    """The bundled assets: view SVGs, icons, fonts."""
    return _data_dir("assets")


def source_dir() -> Path:
    """The point data sources (TOML) and the schema."""
    return _data_dir("db")


def cache_dir() -> Path:
    """Where the built reference database is cached (ATLAS_CACHE_DIR overrides)."""
    override = os.environ.get("ATLAS_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "AcupointAtlas" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "AcupointAtlas"
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "acupoint-atlas"


def shown(source: Path, path: Path) -> str:
    """A source file's name as messages give it: ``db/points/LI.toml``."""
    if source.parent in path.parents:
        return path.relative_to(source.parent).as_posix()
    return str(path)
