"""Shared fixtures. Qt runs offscreen; caches and user data live in temp folders."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

# Speed is measured in tests/bench, never asserted: no per-example deadlines.
settings.register_profile("atlas", deadline=None)
settings.load_profile("atlas")


def _temporary_folder(variable: str, prefix: str) -> None:
    """Point a variable at a new temporary folder (unless it is set), removed at exit."""
    if variable not in os.environ:
        folder = tempfile.mkdtemp(prefix=prefix)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ[variable] = folder


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_temporary_folder("ATLAS_CACHE_DIR", "atlas-test-cache-")
_temporary_folder("XDG_RUNTIME_DIR", "atlas-test-runtime-")

from atlas.core import Atlas  # noqa: E402 (after the environment is set)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from atlas.core.userdata import UserData
    from atlas.ui import MainWindow

REPO = Path(__file__).resolve().parent.parent
SHARED_REFERENCE = REPO.parent / "shared" / "reference"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run the long fuzz and soak tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long test: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def atlas() -> Iterator[Atlas]:
    """The reference atlas built from db/ (once per test session)."""
    with Atlas.open() as opened:
        yield opened


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private user-data folder (ATLAS_DATA_DIR) for one test."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("ATLAS_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def isolated_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> Iterator[Path]:
    """QSettings in a temp folder, the first-run notice off, the system theme after."""
    from PySide6.QtCore import QSettings

    from atlas.ui.theme import apply_theme

    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("AcupointAtlasTests")
    qapp.setApplicationName("Acupoint Atlas Tests")
    monkeypatch.setenv("ATLAS_NO_FIRST_RUN_NOTICE", "1")
    yield folder
    apply_theme("system")


@pytest.fixture
def make_window(
    qtbot: QtBot, atlas: Atlas, data_dir: Path, isolated_settings: Path
) -> Iterator[Callable[..., MainWindow]]:
    """Opens real main windows (1366x768) on a private data folder and settings, or on
    a store given (`make_window(UserData.open(folder, timeout=0.2))`). At the end each
    lets its plan go before it closes: a test that fails with a plan unsaved must not
    hang on the question closing asks."""
    from atlas.ui import MainWindow

    made: list[MainWindow] = []

    def make(userdata: UserData | None = None) -> MainWindow:
        window = MainWindow(atlas=atlas, userdata=userdata)
        made.append(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in made:
        window.plan.plan_model.load(None)
        window.close()
        window.deleteLater()


@pytest.fixture
def window(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> MainWindow:
    """A main window, active (keyboard focus goes to it)."""
    window = make_window()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_settings: Path) -> Path:
    """A home folder of its own with a Documents folder (XDG's default place for it)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home / "Documents"
