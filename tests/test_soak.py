"""Soak: the real window driven through many random user actions.

The short run (300 actions) is part of every test run; `--run-slow` runs
2,500 and checks that memory stops growing. Any exception or Qt warning
fails the test (pytest-qt's qt_log_level_fail).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.ui import MainWindow

QUERIES = ["hegu", "LI-4", "leg cramps", "百会", "sciatca", "Large Intestine 4", "UB40", "*",
           '"(', "💥", "pain", "zzz", "", "x" * 300, "shoulder", "GV29", "Renzhong"]  # fmt: skip
NOTES = ["", "Strong de qi.", "<script>alert(1)</script>", "多 text\nsecond line", "x" * 2000]


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def soak(window: MainWindow, qtbot: QtBot, atlas: Atlas, steps: int, tmp_path: Path) -> None:
    rng = random.Random(409)
    codes = [p.code for p in atlas.all_points()]
    view = window.diagram
    viewport = view.viewport()

    def click_somewhere() -> None:
        x, y = rng.randrange(viewport.width()), rng.randrange(viewport.height())
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(x, y))

    def click_marker() -> None:
        code = rng.choice(codes)
        pos = view.point_scene_pos(code)
        if pos is not None:
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=view.mapFromScene(pos))

    def print_sheet() -> None:
        from atlas.printing.render import write_pdf
        from atlas.printing.sheets import PointSheet

        write_pdf(PointSheet(atlas, [rng.choice(codes)]), tmp_path / "soak.pdf")

    def write_note() -> None:
        if window.current_code is not None:  # the notes editor shows with a point
            window.detail.note_edit.setPlainText(rng.choice(NOTES))

    actions: list[tuple[int, Callable[[], object]]] = [
        (6, lambda: window.search.edit.setText(rng.choice(QUERIES))),
        (6, lambda: window.open_point(rng.choice(codes))),
        (5, click_marker),
        (5, click_somewhere),
        (3, lambda: view.set_view(rng.choice(view.views()))),
        (3, lambda: qtbot.keyClick(view, rng.choice([Qt.Key.Key_Plus, Qt.Key.Key_Minus]))),
        (1, view.fit),
        (2, lambda: window.plan.add([rng.choice(codes)])),
        (1, lambda: window.plan.remove(window.plan.codes()[:1])),
        (2, write_note),
        (2, window.go_back),
        (1, window.go_forward),
        (1, lambda: window.show_channel(rng.choice(atlas.channels()).code)),
        (1, lambda: window.show_condition(rng.choice(atlas.conditions()).id)),
        (1, lambda: window.show_region(rng.choice(atlas.regions()).id)),
    ]
    weights = [w for w, _ in actions]
    for step in range(steps):
        _, action = rng.choices(actions, weights)[0]
        action()
        if step % 10 == 0:
            qtbot.wait(1)
        if step % 250 == 249:
            print_sheet()
    # Leave no unsaved plan: closing would (rightly) ask whether to save it.
    window.plan.remove(window.plan.codes())


def test_short_soak(window: MainWindow, qtbot: QtBot, atlas: Atlas, tmp_path: Path) -> None:
    soak(window, qtbot, atlas, 300, tmp_path)
    assert window.isVisible()


@pytest.mark.slow
def test_long_soak_memory_stops_growing(
    window: MainWindow, qtbot: QtBot, atlas: Atlas, tmp_path: Path
) -> None:
    soak(window, qtbot, atlas, 800, tmp_path)  # warm: every view built, caches filled
    middle = rss_kib()
    soak(window, qtbot, atlas, 2500, tmp_path)
    grown = rss_kib() - middle
    assert grown < 40 * 1024, f"memory grew by {grown / 1024:.0f} MiB over 2,500 actions"
