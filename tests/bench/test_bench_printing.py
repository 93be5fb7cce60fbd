"""Printing speed: one point sheet (target < 150 ms) and the whole atlas book (< 20 s).

Run with: .venv/bin/python -m pytest tests/bench/test_bench_printing.py --benchmark-enable
"""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.core import Atlas
from atlas.printing.book import Book
from atlas.printing.render import ensure_gui, write_pdf
from atlas.printing.sheets import PointSheet


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    ensure_gui()


def test_bench_point_sheet(benchmark, atlas: Atlas, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_pdf(PointSheet(atlas, ["ST36"]), tmp_path / "warm.pdf")  # SVG parsed once, as in the app
    result = benchmark(lambda: write_pdf(PointSheet(atlas, ["GB20"]), tmp_path / "gb20.pdf"))
    assert result.pages == 1


def test_bench_whole_atlas_book(benchmark, atlas: Atlas, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = benchmark.pedantic(
        lambda: write_pdf(Book(atlas), tmp_path / "atlas.pdf"), rounds=1, iterations=1
    )
    assert result.pages > len(list(atlas.all_points()))
