"""The one render path: a document's pages painted onto any paged device.

A document (point sheets, a plan, a handout, a book) knows how to split itself
into pages for a page rectangle and how to paint each page onto a QPainter in
points. `render()` sets the painter up for the device (printer, print
preview, PDF writer) and paints the pages; `write_pdf()` is the PDF export.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

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
from atlas.printing.layout import Link, Mark, Placed, Style
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


@dataclass(slots=True)
class OutlineItem:
    """A bookmark: a title, the page it opens (1-based) and the bookmarks under it."""

    title: str
    page: int
    children: list[OutlineItem] = field(default_factory=list)


@dataclass(slots=True)
class Navigation:
    """How a reader finds their way in a document: its bookmarks, and the labels its
    pages are numbered by, as (first page, 1-based; "roman" or "arabic"; first number)
    per run of pages."""

    outline: list[OutlineItem] = field(default_factory=list)
    labels: list[tuple[int, str, int]] = field(default_factory=list)


@runtime_checkable
class Navigable(Protocol):
    """A document with bookmarks and page labels (known once its pages are laid out)."""

    def navigation(self) -> Navigation: ...


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
    marks: list[Mark] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


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
        result.marks = style.marks
        result.links = style.links
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
    layout = writer.pageLayout()
    result = render(document, writer, progress=progress)
    del writer
    data = bytes(buffer.data().data())
    if isinstance(document, Navigable):
        data = navigable_pdf(data, document.title, document.navigation(), result.links, layout)
    write_bytes(path, data, replace=replace)
    return result


def navigable_pdf(
    data: bytes, title: str, navigation: Navigation, links: Sequence[Link], layout: QPageLayout
) -> bytes:
    """The PDF with what Qt's writer cannot add: bookmarks (shown beside the pages),
    links, page labels and the language (English; Qt writes the title).

    They are appended to Qt's file as an incremental update: new objects, the pages
    that gain links and the catalogue written again, and a cross-reference section
    for them. pypdf reads the file's structure and writes the objects; the pages'
    contents are neither parsed nor copied (rewriting a whole book took seconds).
    """
    import io
    import re

    from pypdf import PdfReader
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        IndirectObject,
        NameObject,
        NumberObject,
        PdfObject,
        TextStringObject,
    )

    reader = PdfReader(io.BytesIO(data))
    pages = [page.indirect_reference for page in reader.pages]
    size = reader.trailer.get("/Size", 0)
    assert isinstance(size, int)
    update: dict[int, PdfObject] = {}

    def new(obj: PdfObject) -> IndirectObject:
        nonlocal size
        update[size] = obj
        size += 1
        return IndirectObject(size - 1, 0, reader)

    def destination(page: int) -> ArrayObject:
        return ArrayObject([pages[page - 1], NameObject("/Fit")])

    count = len(pages)
    # Links: an annotation per link, listed on its page.
    margins = layout.marginsPoints()
    height = layout.fullRectPoints().height()
    annotations: dict[int, list[IndirectObject]] = {}
    for link in links:
        if 1 <= link.page <= count and 1 <= link.target <= count:
            box = link.box  # page units: points from the painted area's top left
            rect = [margins.left() + box.left(), height - margins.top() - box.bottom(),
                    margins.left() + box.right(), height - margins.top() - box.top()]  # fmt: skip
            annotation = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject(FloatObject(round(v, 2)) for v in rect),
                NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
                NameObject("/Dest"): destination(link.target),
            })  # fmt: skip
            annotations.setdefault(link.page, []).append(new(annotation))
    for number, refs in annotations.items():
        ref = pages[number - 1]
        assert ref is not None
        page = DictionaryObject(reader.pages[number - 1])
        page[NameObject("/Annots")] = ArrayObject(refs)
        update[ref.idnum] = page

    # Bookmarks: an outline tree, each channel closed over its points.
    def outline(items: Sequence[OutlineItem], parent: IndirectObject) -> list[IndirectObject]:
        made = []
        for item in items:
            if not 1 <= item.page <= count:
                continue
            entry = DictionaryObject({
                NameObject("/Title"): TextStringObject(item.title),
                NameObject("/Parent"): parent,
                NameObject("/Dest"): destination(item.page),
            })  # fmt: skip
            ref = new(entry)
            children = outline(item.children, ref)
            if children:
                entry[NameObject("/First")], entry[NameObject("/Last")] = children[0], children[-1]
                entry[NameObject("/Count")] = NumberObject(-len(children))
            made.append(ref)
        for before, after in itertools.pairwise(made):
            update[before.idnum][NameObject("/Next")] = after  # type: ignore[index]
            update[after.idnum][NameObject("/Prev")] = before  # type: ignore[index]
        return made

    root = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
    root_ref = new(root)
    top = outline(navigation.outline, root_ref)
    if top:
        root[NameObject("/First")], root[NameObject("/Last")] = top[0], top[-1]
        root[NameObject("/Count")] = NumberObject(len(top))

    catalog_ref = reader.trailer.raw_get("/Root")
    catalog = DictionaryObject(reader.root_object)
    catalog[NameObject("/Outlines")] = root_ref
    catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
    catalog[NameObject("/Lang")] = TextStringObject("en")
    labels = ArrayObject()
    for first, kind, start in navigation.labels:
        if 1 <= first <= count:
            labels += [NumberObject(first - 1), DictionaryObject({
                NameObject("/S"): NameObject("/r" if kind == "roman" else "/D"),
                NameObject("/St"): NumberObject(start),
            })]  # fmt: skip
    if labels:
        catalog[NameObject("/PageLabels")] = DictionaryObject({NameObject("/Nums"): labels})
    update[catalog_ref.idnum] = catalog

    # The update: the objects, a cross-reference section for them, the trailer.
    out = io.BytesIO()
    out.write(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(update):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode())
        update[number].write_to_stream(out)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n")
    # one subsection per run of consecutive object numbers
    for _, run in itertools.groupby(enumerate(sorted(offsets)), lambda item: item[1] - item[0]):
        numbers = [number for _, number in run]
        out.write(f"{numbers[0]} {len(numbers)}\n".encode())
        out.write(b"".join(f"{offsets[n]:010d} 00000 n \n".encode() for n in numbers))
    previous = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    trailer = DictionaryObject({
        NameObject("/Size"): NumberObject(size),
        NameObject("/Root"): catalog_ref,
        NameObject("/Prev"): NumberObject(int(previous.group(1)) if previous else 0),
    })  # fmt: skip
    for key in ("/Info", "/ID"):
        if key in reader.trailer:
            trailer[NameObject(key)] = reader.trailer.raw_get(key)
    out.write(b"trailer\n")
    trailer.write_to_stream(out)
    out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
