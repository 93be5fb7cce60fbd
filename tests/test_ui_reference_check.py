"""The reference database is verified after start, off the window's thread (issue #17,
item 6): damage is repaired and the panes show the rebuilt data; damage that cannot
be repaired is said in a message box. The damage is done behind the cache stamp's
back, as in test_reference_damage.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from boxes import Shown, answer
from pytestqt.qtbot import QtBot
from test_reference_damage import WORD, damage

from atlas.core import Atlas, cache
from atlas.ui import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A freshly built cache of our own, and its database."""
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    return cache.ensure_built()


@pytest.fixture
def show(
    qtbot: QtBot, data_dir: Path, isolated_settings: Path
) -> Iterator[Callable[[Atlas], MainWindow]]:
    atlases: list[Atlas] = []

    def make(atlas: Atlas) -> MainWindow:
        atlases.append(atlas)
        window = MainWindow(atlas)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for atlas in atlases:
        atlas.close()


def test_damage_found_after_start_is_repaired_and_the_panes_refresh(
    qtbot: QtBot, cached: Path, show: Callable[[Atlas], MainWindow]
) -> None:
    atlas = Atlas.open()
    damage(cached, offset=200, length=2000)  # silent: only the full check sees it
    window = show(atlas)
    window.open_point("LI4")
    qtbot.waitUntil(lambda: "rebuilt" in window.statusBar().currentMessage(), timeout=20000)
    assert atlas.verify() == []
    qtbot.keyClicks(window.search.edit, WORD)
    qtbot.waitUntil(lambda: len(window.search.codes()) == 46, timeout=5000)
    assert "Union Valley" in window.detail.english_label.text()
    assert "Location" in window.detail.text.toPlainText()


def test_damage_that_cannot_be_repaired_is_said_in_a_box(
    qtbot: QtBot, cached: Path, tmp_path: Path, show: Callable[[Atlas], MainWindow]
) -> None:
    copy = tmp_path / "copy.sqlite"  # opened by path: the atlas may not rebuild it
    shutil.copy(cached, copy)
    atlas = Atlas.open(copy)
    damage(copy)
    seen: list[Shown] = []
    answer("OK", seen, attempts=1000)
    show(atlas)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert seen[0].name == "referenceNotRepaired"
    assert "is damaged" in seen[0].text and "Reinstalling" in seen[0].text
