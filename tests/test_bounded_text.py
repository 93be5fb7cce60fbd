"""Work is bounded on any input in printing: megabytes of note text (issue #17, item 7).

The time is measured in tests/bench/bounded_text.py; these tests check the cap.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from atlas.core import Atlas
from atlas.core.userdata import Plan
from atlas.printing.layout import INK, MAX_CHARS, MAX_HEIGHT, MAX_RUN, Style
from atlas.printing.plan import PlanSheet
from atlas.printing.render import ensure_gui, write_pdf
from atlas.printing.sheets import PointSheet

FIVE_MB = 5_000_000
HUGE = {
    "no spaces": "x" * FIVE_MB,
    "spaces": "word " * (FIVE_MB // 5),
    "line breaks": "a\n" * (FIVE_MB // 2),
    "hanzi": "合谷穴" * (FIVE_MB // 3),
}


@pytest.fixture
def style(qapp: object) -> Iterator[Style]:
    ensure_gui()
    image = QImage(600, 800, QImage.Format.Format_ARGB32)
    yield Style(image)


@pytest.mark.parametrize("kind", list(HUGE))
def test_a_paragraph_lays_out_a_bounded_part(style: Style, kind: str) -> None:
    para = style.layout(HUGE[kind], style.font(8.6), 400)
    assert para.truncated
    assert len(para.text) <= MAX_CHARS + MAX_CHARS // MAX_RUN
    line_height = style.metrics(style.font(8.6)).height()
    assert 0 < para.height <= MAX_HEIGHT + 2 * line_height


def test_a_long_run_gets_break_opportunities(style: Style) -> None:
    para = style.layout("y" * 1000, style.font(8.6), 200)
    runs = para.text.split("\u200b")
    assert not para.truncated and max(len(r) for r in runs) == MAX_RUN
    assert "".join(runs) == "y" * 1000 and len(para.lines) > 1


def test_ordinary_text_is_left_as_it_is(style: Style) -> None:
    text = "Strong de qi; " + "z" * MAX_RUN + " then more."
    para = style.layout(text, style.font(8.6), 300)
    assert para.text == text and not para.truncated


def test_a_cut_paragraph_is_drawn_elided(style: Style) -> None:
    para = style.layout(HUGE["spaces"], style.font(8.6), 400)
    image = QImage(600, 3000, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        used = para.draw(painter, QRectF(0, 0, 400, 2900), INK, "notes")
    finally:
        painter.end()
    placed = style.placed[-1]
    assert placed.elided and used <= MAX_HEIGHT + 20


def test_a_long_single_line_is_elided_from_a_bounded_part(style: Style) -> None:
    image = QImage(600, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        style.line(painter, QRectF(0, 0, 300, 20), "N" * FIVE_MB, style.font(10))
    finally:
        painter.end()
    assert style.placed[-1].elided and style.placed[-1].drawn.width() <= 300.5


@pytest.mark.parametrize("kind", ["no spaces", "spaces"])
def test_five_megabyte_notes_print(atlas: Atlas, tmp_path: Path, kind: str) -> None:
    text = HUGE[kind]
    sheet = write_pdf(PointSheet(atlas, ["LI4"], notes=lambda c: text), tmp_path / "s.pdf")
    notes = [p for p in sheet.placed if p.kind == "notes"]
    assert sheet.pages == 1 and notes and notes[0].elided
    plan = write_pdf(PlanSheet(atlas, Plan(1, "P", ("LI4",), text)), tmp_path / "p.pdf")
    assert next(p for p in plan.placed if p.kind == "notes").elided
    first = (pypdf.PdfReader(tmp_path / "s.pdf").pages[0].extract_text() or "").split()
    assert any(word.startswith(text[:20].split()[0]) for word in first)
