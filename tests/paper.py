"""Reading what was printed: a PDF's text, and the boxes the render path recorded."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
from PySide6.QtCore import QRectF

from atlas.printing.layout import Mark, Placed


def pdf_text(path: Path) -> list[str]:
    """Each page's text, whitespace collapsed to single spaces."""
    reader = pypdf.PdfReader(str(path))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_placed(placed: list[Placed], page: QRectF | None = None) -> None:
    """Every text stayed inside its box (and the page)."""
    for item in placed:
        box = item.box.adjusted(-0.6, -0.6, 0.6, 0.6)
        assert box.contains(item.drawn) or item.drawn.isEmpty(), (item.kind, item.text[:60])
        if page is not None:
            assert page.adjusted(-0.6, -0.6, 0.6, 0.6).contains(item.drawn), item.text[:60]


def overlapping(marks: list[Mark], kinds: set[str], against: set[str]) -> list[tuple[str, str]]:
    """Pairs of marks on the same page and picture where one of `kinds` overlaps one of
    `against` (by more than a hair)."""
    found = []
    for i, a in enumerate(marks):
        if a.kind not in kinds:
            continue
        for j, b in enumerate(marks):
            if i == j or b.kind not in against or (a.page, a.picture) != (b.page, b.picture):
                continue
            common = a.box.intersected(b.box)
            if common.width() > 0.3 and common.height() > 0.3:
                found.append((f"{a.kind} {a.text}", f"{b.kind} {b.text}"))
    return found
