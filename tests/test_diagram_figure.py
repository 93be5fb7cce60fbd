"""The first figure: rasterised on a worker thread while the window is built, kept
in the cache folder, and read back at the next start of the same size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from atlas.core import Atlas, paths
from atlas.diagram.figure import FigureRender
from atlas.diagram.view import DiagramView

FRONT = paths.assets_dir() / "views" / "front.svg"
SIZE = QSize(240, 480)


def pixels(image: QImage | None) -> QImage:
    assert image is not None and not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def rendered(size: QSize) -> QImage:
    reader = QImageReader(str(FRONT))
    reader.setScaledSize(size)
    return pixels(reader.read())


def test_a_figure_is_rendered_kept_and_read_back(qapp: QApplication, tmp_path: Path) -> None:
    first = FigureRender(FRONT, SIZE, tmp_path)
    assert pixels(first.image(SIZE)) == rendered(SIZE)
    assert not first.from_cache
    assert first.image(QSize(10, 10)) is None  # the view has another size by now
    first.store()
    (kept,) = tmp_path.glob("*.png")
    assert kept.name.startswith("front-240x480-")

    again = FigureRender(FRONT, SIZE, tmp_path)
    assert pixels(again.image(SIZE)) == rendered(SIZE)
    assert again.from_cache
    written = kept.stat().st_mtime_ns
    again.store()  # nothing new to keep
    assert list(tmp_path.glob("*.png")) == [kept] and kept.stat().st_mtime_ns == written


def test_another_size_is_rendered_and_replaces_the_kept_one(
    qapp: QApplication, tmp_path: Path
) -> None:
    FigureRender(FRONT, SIZE, tmp_path).store()
    other = FigureRender(FRONT, QSize(200, 400), tmp_path)
    assert pixels(other.image(QSize(200, 400))) == rendered(QSize(200, 400))
    assert not other.from_cache
    other.store()
    assert [p.name.split("-")[1] for p in tmp_path.glob("*.png")] == ["200x400"]


def test_a_damaged_cache_file_costs_only_a_render(qapp: QApplication, tmp_path: Path) -> None:
    FigureRender(FRONT, SIZE, tmp_path).store()
    (kept,) = tmp_path.glob("*.png")
    kept.write_bytes(b"\x89PNG not really")
    again = FigureRender(FRONT, SIZE, tmp_path)
    assert pixels(again.image(SIZE)) == rendered(SIZE)
    assert not again.from_cache
    again.store()
    assert kept.read_bytes().startswith(b"\x89PNG\r\n")


def test_an_unwritable_cache_costs_only_a_render(qapp: QApplication, tmp_path: Path) -> None:
    blocked = tmp_path / "figures"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    figure = FigureRender(FRONT, SIZE, blocked)
    assert pixels(figure.image(SIZE)) == rendered(SIZE)
    figure.store()  # nothing raised, nothing written
    assert blocked.read_text(encoding="utf-8").startswith("a file")


def first_paint(qtbot: QtBot, atlas: Atlas) -> DiagramView:
    view = DiagramView(atlas)
    qtbot.addWidget(view)
    view.resize(500, 800)
    with qtbot.waitSignal(view.firstPainted, timeout=10_000):
        view.show()
    qtbot.waitUntil(lambda: bool(view.region_items()))  # settled: the figure is kept
    return view


def matches_a_direct_render(view: DiagramView) -> None:
    first = view.viewport().grab().toImage()
    view.resetCachedContent()  # the view draws the figure itself
    direct = view.viewport().grab().toImage()
    assert first.size() == direct.size()
    # QImageReader scales to whole pixels, so edges may move by a fraction of one
    largest = total = 0
    for x in range(0, direct.width(), 2):
        for y in range(0, direct.height(), 2):
            a, b = first.pixelColor(x, y), direct.pixelColor(x, y)
            difference = max(
                abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())
            )
            largest = max(largest, difference)
            total += difference
    assert largest <= 80
    assert total / ((direct.width() // 2) * (direct.height() // 2)) < 1.0


def test_the_first_paint_looks_as_a_direct_render_cold_and_warm(
    qtbot: QtBot, atlas: Atlas, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The first paint shows the worker's figure (the view then keeps it), and at the
    next start the cached one; either must look as the view's own render would."""
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path))
    view = first_paint(qtbot, atlas)
    (kept,) = (tmp_path / "figures").glob("*.png")
    assert kept.name.startswith(f"{view.current_view()}-")
    matches_a_direct_render(view)
    matches_a_direct_render(first_paint(qtbot, atlas))
    assert list((tmp_path / "figures").glob("*.png")) == [kept]
