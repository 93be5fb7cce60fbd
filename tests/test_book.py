"""Books as documents: contents, opening pages, point pages, an index that wraps, and in
the PDF bookmarks, links, page labels, a title and a language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from paper import check_placed, pdf_text, squeeze

from atlas.core import Atlas
from atlas.printing.book import Book
from atlas.printing.render import ensure_gui, write_pdf


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> Iterator[None]:
    ensure_gui()
    yield


@pytest.fixture(scope="module")
def whole(atlas: Atlas, tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Any:
    """The whole atlas as a book, written once for the tests below: the file, what the
    render path drew on each page (reading the text of 435 pages back from the PDF
    would take longer than making them), and the PDF read back."""
    ensure_gui()
    out = tmp_path_factory.mktemp("book") / "atlas.pdf"
    result = write_pdf(Book(atlas), out, "a4")
    drawn = [""] * result.pages
    for item in result.placed:
        drawn[item.page - 1] += " " + item.text
    return out, result, drawn, pypdf.PdfReader(str(out))


def page_text(reader: pypdf.PdfReader, page: int) -> str:
    """One page's text as read back from the PDF (0-based page)."""
    return re.sub(r"\s+", " ", reader.pages[page].extract_text() or "")


def outline_titles(items: list[Any]) -> list[Any]:
    """The outline as nested lists of titles."""
    return [outline_titles(i) if isinstance(i, list) else i.title for i in items]


def link_targets(reader: pypdf.PdfReader, page: int) -> list[int]:
    """The pages (0-based) the links on a page (0-based) lead to."""
    pages = [p.indirect_reference.idnum for p in reader.pages if p.indirect_reference]
    found = []
    for annotation in reader.pages[page].get("/Annots", []):
        link = annotation.get_object()
        assert link["/Subtype"] == "/Link"
        found.append(pages.index(link["/Dest"][0].idnum))
    return found


def test_a_channel_book(atlas: Atlas, tmp_path: Path) -> None:
    out = tmp_path / "ht.pdf"
    seen: list[tuple[int, int]] = []
    result = write_pdf(Book(atlas, "HT"), out, "letter", progress=lambda d, t: seen.append((d, t)))
    points = atlas.points(channel="HT")
    pages = pdf_text(out)
    reader = pypdf.PdfReader(str(out))
    assert len(pages) == result.pages == seen[-1][1] == 2 + len(points) + 1
    # the cover, the contents (i, ii), the points from page 1, the index
    assert reader.page_labels == ["i", "ii", *(str(n) for n in range(1, len(points) + 2))]
    assert "Page ii" in pages[1] and "Page 1" in pages[2] and "HT1" in pages[2]
    assert re.search(r"HT1 .*? 1\b", pages[1])
    for point, text in zip(points, pages[2:], strict=False):
        assert point.code in text and squeeze(point.hanzi) in squeeze(text)
    assert "Index" in pages[-1]
    for point in points:
        assert squeeze(point.pinyin_tones) in squeeze(pages[-1])
    # the contents and the index take the reader to the points' pages
    assert link_targets(reader, 1)[: len(points)] == list(range(2, 2 + len(points)))
    assert sorted(set(link_targets(reader, len(pages) - 1))) == list(range(2, 2 + len(points)))
    titles = outline_titles(reader.outline)
    assert titles[0] == "Contents" and titles[-2] == "Index"
    assert [t.split()[0] for t in titles[1:-2]] == [p.code for p in points]
    check_placed(result.placed)


def test_codes_in_the_older_style(atlas: Atlas, tmp_path: Path) -> None:
    out = tmp_path / "lr.pdf"
    write_pdf(Book(atlas, "LR", code_style="older"), out, "a4")
    pages = pdf_text(out)
    assert "LIV3" in pages[1] and "LIV3" in pages[4] and "LR3" in pages[4]  # both on its page
    assert not re.search(r"\bLR\d", pages[1])


def test_the_whole_book_finds_its_way(atlas: Atlas, whole: Any) -> None:
    _, _, pages, reader = whole
    channels = [c for c in atlas.channels() if atlas.points(channel=c.code)]
    # Bookmarks: the contents, every channel with each of its points, the indexes.
    titles = outline_titles(reader.outline)
    assert titles[0] == "Contents"
    at = 1
    for channel in channels:
        assert titles[at].endswith(channel.english), titles[at]
        assert [t.split()[0] for t in titles[at + 1]] == [
            p.code for p in atlas.points(channel=channel.code)
        ]
        at += 2
    assert titles[at:] == ["Index", ["By code", "By pinyin", "By English name"]]
    # Each channel opens with a page of its own, which the contents link to.
    openings = link_targets(reader, 1)[: len(channels)]
    for channel, page in zip(channels, openings, strict=True):
        assert channel.english in pages[page] and " POINTS" in pages[page]
    assert channels[0].english in page_text(reader, openings[0])
    # The labels the viewer shows are the numbers printed on the pages.
    labels = reader.page_labels
    assert labels[:2] == ["i", "ii"] and labels[2] == "1"
    for number in (1, 2, 50, len(pages) - 1):
        assert f"Page {labels[number]}" in page_text(reader, number)
    assert reader.metadata.title == "Acupoint Atlas"
    assert reader.root_object["/Lang"] == "en"


def test_every_point_page_is_found_by_its_pinyin_without_tones(atlas: Atlas, whole: Any) -> None:
    """Searching the PDF for "hegu" reaches LI4's page, though the page writes "Hégǔ"."""
    _, _, pages, reader = whole
    found = 0
    for item in reader.outline[:-1]:  # the channels' points, not the indexes
        for entry in item if isinstance(item, list) else []:
            code = entry.title.split()[0]
            point = atlas.point(code)
            assert point is not None
            text = pages[reader.get_destination_page_number(entry)]
            assert point.pinyin.lower() in text.lower(), code
            found += 1
    assert found == len(list(atlas.all_points()))
    li4 = next(i for i, text in enumerate(pages) if "Union Valley  ·  Hegu" in text)
    assert re.search(r"\bhegu\b", page_text(reader, li4), re.I)
    assert "Hégǔ" in page_text(reader, li4)


def test_the_index_wraps_instead_of_cutting(whole: Any) -> None:
    _, result, pages, reader = whole
    kinds = ("index", "toc", "body", "caption", "caution", "title")
    assert [p.text[:40] for p in result.placed if p.elided and p.kind in kinds] == []
    index = [i for i, text in enumerate(pages) if text.startswith(" Index")]
    assert len(index) >= 3 and "…" not in page_text(reader, index[-1])


def test_the_whole_book_takes_each_index_entry_to_its_point(atlas: Atlas, whole: Any) -> None:
    _, _, pages, reader = whole
    index = [i for i, text in enumerate(pages) if text.startswith(" Index")]
    assert index and index[-1] == len(pages) - 1
    for page in index:
        for target in link_targets(reader, page):
            assert "Region:" in pages[target]
    assert sum(len(link_targets(reader, page)) for page in index) == 3 * len(
        list(atlas.all_points())
    )
