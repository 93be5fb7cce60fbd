"""The one render path: a document's pages painted onto any paged device.

A document (point sheets, a plan, a handout, a book) knows how to split itself
into pages for a page rectangle and how to paint each page onto a QPainter in
points. `render()` sets the painter up for the device (printer, print
preview, PDF writer) and paints the pages; `write_pdf()` is the PDF export.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from atlas import __version__
from atlas.core.safefile import check_target, write_bytes
from atlas.printing import fonts
from atlas.printing.layout import Placed, Style
from atlas.qtbase import identify

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
#: Margins in millimetres (left, top, right, bottom): room for a printer's
#: unprintable edge and for binding or hole-punching on the left.
MARGINS_MM = {"a4": (16.0, 13.0, 14.0, 12.0), "letter": (16.0, 12.0, 14.0, 11.0)}
PDF_RESOLUTION = 72

#: Territories that use US Letter paper.
_LETTER_TERRITORIES = {
    "UnitedStates", "Canada", "Mexico", "Philippines", "Chile", "Colombia", "Venezuela",
    "CostaRica", "Guatemala", "Panama", "PuertoRico", "DominicanRepublic", "ElSalvador",
    "Nicaragua", "Belize",
}  # fmt: skip

ProgressFn = Callable[[int, int], None]
PagePainter = Callable[[QPainter, QRectF], None]


class Document(Protocol):
    """Anything that can lay itself out into pages."""

    title: str

    def pages(self, style: Style, page: QRectF) -> Sequence[PagePainter]: ...


def default_paper(locale: QLocale | None = None) -> str:
    """'letter' where the locale's territory uses US Letter, else 'a4'."""
    forced = os.environ.get("ATLAS_PAPER", "").lower()
    if forced in PAPERS:
        return forced
    locale = locale or QLocale()
    territory = locale.territory().name
    if territory in _LETTER_TERRITORIES:
        return "letter"
    return "a4"


def page_layout(paper: str | None = None) -> QPageLayout:
    """Portrait page of the given paper ('a4' or 'letter') with the sheet margins."""
    name = (paper or default_paper()).lower()
    if name not in PAPERS:
        raise ValueError(f"unknown paper {paper!r} (a4 or letter)")
    left, top, right, bottom = MARGINS_MM[name]
    return QPageLayout(
        QPageSize(PAPERS[name]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )


def paper_of(layout: QPageLayout) -> str:
    return "letter" if layout.pageSize().id() == QPageSize.PageSizeId.Letter else "a4"


def ensure_gui() -> QGuiApplication:
    """A Qt GUI application (offscreen when there is no display), with the fonts loaded."""
    app = QGuiApplication.instance()
    if app is None:
        # Output to files needs no window: never depend on a display being reachable.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["atlas"])
        identify(app)
    fonts.ensure_fonts()
    assert isinstance(app, QGuiApplication)
    return app


@dataclass(slots=True)
class RenderResult:
    pages: int = 0
    placed: list[Placed] = field(default_factory=list)


def render(
    document: Document,
    device: QPagedPaintDevice,
    first: int = 1,
    last: int = 0,
    progress: ProgressFn | None = None,
) -> RenderResult:
    """Paint the document's pages (first..last, 1-based, 0 = to the end) onto device."""
    fonts.ensure_fonts()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start drawing on the output (is the file writable?)")
    result = RenderResult()
    try:
        dpi = device.logicalDpiX() or 72
        painter.scale(dpi / 72.0, dpi / 72.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        size = device.pageLayout().paintRectPoints().size()
        page = QRectF(QPointF(0, 0), size.toSizeF())
        style = Style(device)
        pages = document.pages(style, page)
        stop = len(pages) if last <= 0 else min(last, len(pages))
        start = max(first, 1)
        for number in range(start, stop + 1):
            if number > start:
                device.newPage()
            style.page = number
            painter.save()
            pages[number - 1](painter, page)
            painter.restore()
            result.pages += 1
            if progress is not None:
                progress(number - start + 1, stop - start + 1)
        result.placed = style.placed
    finally:
        painter.end()
    return result


def pdf_writer(device: QIODevice, title: str, paper: str | None = None) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(title)
    writer.setCreator(f"Acupoint Atlas {__version__}")
    return writer


def write_pdf(
    document: Document,
    path: str | Path,
    paper: str | None = None,
    progress: ProgressFn | None = None,
    replace: bool = True,
) -> RenderResult:
    """Export the document as a PDF file, written whole or not at all.

    The PDF is made in memory (a whole book is a few MB), then written with
    `atlas.core.safefile.write_bytes`: on a full disk, a folder that cannot be
    written or a special file at `path`, it raises `FileWriteError` (one plain
    line) and the file already at `path` is unchanged. `replace` allows an
    existing file to be replaced (the window's save dialog has asked; the
    command line passes `--force`).
    """
    ensure_gui()
    check_target(path, replace)  # before the work, not only after it
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, document.title, paper)
    result = render(document, writer, progress=progress)
    del writer
    write_bytes(path, buffer.data().data(), replace=replace)
    return result
