"""Printing: PDFs parse, hold the right pages and text, never overflow; dialogs and CLI."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from paper import check_placed, overlapping, pdf_text, squeeze
from pypdf.generic import DictionaryObject
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication

from atlas import cli
from atlas.core import Atlas, Point
from atlas.core.userdata import Plan, UserData
from atlas.printing import fonts
from atlas.printing.layout import Style
from atlas.printing.render import default_paper, ensure_gui, write_pdf
from atlas.printing.sheets import PointSheet

SAMPLE = ["LI4", "ST36", "GV20", "CV12", "EX-HN3", "BL40"]


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> Iterator[None]:
    ensure_gui()
    yield


def longest_points(atlas: Atlas, count: int = 8) -> list[str]:
    def size(p: Point) -> int:
        fields = ("location", "location_alt", "how_to_find", "actions", "needling_method",
                  "moxibustion", "cautions")  # fmt: skip
        return sum(len(getattr(p, f)) for f in fields) + 30 * len(p.indications)

    points = sorted(atlas.all_points(), key=size, reverse=True)
    by_english = max(atlas.all_points(), key=lambda p: len(p.english))
    by_indications = max(atlas.all_points(), key=lambda p: len(p.indications))
    codes = [p.code for p in points[:count]] + [by_english.code, by_indications.code]
    return list(dict.fromkeys(codes))


# --------------------------------------------------------------------------- point sheets


def test_point_sheets_pdf_pages_and_text(atlas: Atlas, tmp_path: Path) -> None:
    out = tmp_path / "sheets.pdf"
    result = write_pdf(PointSheet(atlas, SAMPLE), out, "a4")
    assert result.pages == len(SAMPLE)
    pages = pdf_text(out)
    assert len(pages) == len(SAMPLE)
    for code, text in zip(SAMPLE, pages, strict=True):
        point = atlas.point(code)
        assert point is not None
        flat = squeeze(text)
        for value in (point.code, point.pinyin_tones, point.hanzi, point.english):
            assert squeeze(value) in flat, (code, value)
        assert "Educational reference" in text


def test_pdf_text_is_real_text_with_embedded_font_and_vector_diagram(
    atlas: Atlas, tmp_path: Path
) -> None:
    out = tmp_path / "li4.pdf"
    write_pdf(PointSheet(atlas, ["LI4"]), out, "a4")
    reader = pypdf.PdfReader(str(out))
    resources = reader.pages[0]["/Resources"].get_object()
    assert isinstance(resources, DictionaryObject)
    fonts_used = resources["/Font"].get_object()
    assert isinstance(fonts_used, DictionaryObject)
    names = []
    for ref in fonts_used.values():
        font = ref.get_object()
        names.append(str(font["/BaseFont"]))
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # embedded TrueType
    assert any("AcupointAtlasSans" in n for n in names)
    xobjects = resources.get("/XObject", DictionaryObject()).get_object()
    images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert images == [], "the diagram must be vector, not a picture"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_longest_records_never_overflow(atlas: Atlas, tmp_path: Path, paper: str) -> None:
    codes = longest_points(atlas)
    result = write_pdf(PointSheet(atlas, codes), tmp_path / f"long-{paper}.pdf", paper)
    assert result.pages == len(codes)
    check_placed(result.placed)
    cut = [p for p in result.placed if p.elided and p.kind not in ("line", "caption")]
    assert cut == [], [(p.kind, p.text[:50]) for p in cut]


def test_long_notes_are_cut_inside_their_box(atlas: Atlas, tmp_path: Path) -> None:
    notes = "\n".join(
        f"Line {i}: " + "a long observation about the patient " * 4 for i in range(80)
    )
    result = write_pdf(PointSheet(atlas, ["GB20"], notes=lambda c: notes), tmp_path / "n.pdf")
    check_placed(result.placed)
    note_items = [p for p in result.placed if p.kind == "notes"]
    assert note_items and note_items[0].elided
    assert not [p for p in result.placed if p.elided and p.kind in ("body", "caution")]


def test_notes_are_plain_text(atlas: Atlas, tmp_path: Path) -> None:
    out = tmp_path / "n.pdf"
    write_pdf(PointSheet(atlas, ["LI4"], notes=lambda c: "<b>bold?</b> & more"), out)
    assert "<b>bold?</b> & more" in pdf_text(out)[0]


def test_letter_paper(atlas: Atlas, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    write_pdf(PointSheet(atlas, ["LI4"]), out, "letter")
    box = pypdf.PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_default_paper_follows_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATLAS_PAPER", raising=False)
    assert (
        default_paper(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "letter"
    )
    assert default_paper(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "a4"
    assert default_paper(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "a4"


# --------------------------------------------------------------------------- fonts


def test_bundled_font_covers_every_hanzi(atlas: Atlas) -> None:
    files = fonts.font_files()
    assert {f.name for f in files} >= set(fonts.FILES.values())
    assert (files[0].parent / "OFL.txt").is_file()
    raw = QRawFont(str(files[0]), 12)
    assert raw.isValid()
    wanted: set[str] = set()
    for p in atlas.all_points():
        wanted.update(p.hanzi + p.hanzi_simplified)
    for c in atlas.channels():
        wanted.update(c.hanzi + c.hanzi_simplified + c.pinyin)
    for p in atlas.all_points():
        wanted.update(p.pinyin_tones)
    missing = sorted(ch for ch in wanted if not ch.isspace() and not raw.supportsCharacter(ord(ch)))
    assert missing == []


def test_fonts_registered() -> None:
    assert fonts.FAMILY in fonts.ensure_fonts()


def test_the_window_writes_hanzi_in_the_bundled_face(qapp: QApplication) -> None:
    """Latin text keeps the system's font; hanzi fall back to the bundled (Traditional)
    face, as on the printed sheets, and not to whichever CJK font the system has."""
    from atlas.app import application

    before = QFont(qapp.font())
    names = qapp.organizationName(), qapp.applicationName()
    try:
        families = application().font().families()
        assert families[-1] == fonts.FAMILY
        assert families[0] == QFontInfo(before).family()
    finally:
        qapp.setFont(before)
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])


# --------------------------------------------------------------------------- command line


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(args)
    return status, capsys.readouterr().err


def test_cli_print_and_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheet.pdf"
    status, err = run_cli(["print", "li-4", "ST36", "-o", str(out)], capsys)
    assert status == 0, err
    assert len(pypdf.PdfReader(str(out)).pages) == 2
    before = out.stat().st_mtime_ns
    status, err = run_cli(["print", "LI4", "-o", str(out)], capsys)
    assert status != 0 and "--force" in err and len(err.strip().splitlines()) == 1
    assert out.stat().st_mtime_ns == before
    status, err = run_cli(["print", "LI4", "-o", str(out), "--force", "--paper", "letter"], capsys)
    assert status == 0, err
    assert len(pypdf.PdfReader(str(out)).pages) == 1


def test_cli_unknown_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    status, err = run_cli(["print", "LI4", "XX99", "-o", str(out)], capsys)
    assert status == 1
    assert err.strip() == "atlas: error: unknown point code 'XX99'"
    assert not out.exists()


def test_cli_handout_and_plan(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with UserData.open(data_dir) as store:
        store.save_plan(Plan(None, "Headache", ("GB20", "LI4", "LR3")))
    out = tmp_path / "plan.pdf"
    status, err = run_cli(["print", "--plan", "Headache", "-o", str(out)], capsys)
    assert status == 0, err
    assert "GB20" in " ".join(pdf_text(out))
    status, err = run_cli(["print", "--plan", "Headache", "--handout", "-o", str(out), "-f"],
                          capsys)  # fmt: skip
    assert status == 0, err
    assert len(pdf_text(out)) == 3
    status, err = run_cli(["print", "--plan", "Nothing", "-o", str(tmp_path / "n.pdf")], capsys)
    assert status == 1 and "no plan called 'Nothing'" in err


def test_cli_book_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ht.pdf"
    status, err = run_cli(["book", "--channel", "HT", "-o", str(out)], capsys)
    assert status == 0, err
    assert "pages" in err and "100%" in err
    status, err = run_cli(["book", "--channel", "QQ", "-o", str(tmp_path / "q.pdf")], capsys)
    assert status != 0 and "unknown channel" in err


# --------------------------------------------------------------------------- dialogs


# The offscreen test platform itself says this for any top-level window; nothing else may.
@pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")
def test_preview_opens_and_closes(atlas: Atlas, qtbot: object) -> None:
    from atlas.printing import dialogs

    dialog = dialogs.make_preview_dialog(None, dialogs.point_document(atlas, ["LI4"]))
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    painted: list[bool] = []
    dialog.paintRequested.connect(lambda printer: painted.append(True))
    dialog.show()
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(painted))  # type: ignore[attr-defined]
    dialog.close()
    assert not dialog.isVisible()


def test_export_pdf_dialog_path(atlas: Atlas, tmp_path: Path, qtbot: object) -> None:
    from atlas.printing import dialogs

    out = tmp_path / "export.pdf"
    assert dialogs.export_pdf(None, atlas, ["LI4", "LR3"], path=out) == out
    assert len(pdf_text(out)) == 2
    assert dialogs.export_book(None, atlas, "HT", path=tmp_path / "b.pdf") is not None


def ink_columns(image: QImage, rows: range) -> tuple[int, int]:
    """The leftmost and rightmost inked columns within `rows` of a white image."""
    inked = [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).lightness() < 128 for y in rows)
    ]
    return inked[0], inked[-1]


def test_tone_marks_sit_over_their_own_letter(atlas: Atlas) -> None:
    """A tone mark never leans into the next or the last letter (the bold í once read as
    "ińg"): what it reaches past its letter on one side it reaches on the other too; and
    over an i, drawn as the pinyin on a sheet is (19 pt, here at 1200 dpi), the mark's
    ink is centred on the i's stem in both weights."""
    marked = {c for p in atlas.all_points() for c in p.pinyin_tones if ord(c) > 0x7F}
    assert {"í", "ì", "ǐ", "ī"} <= marked
    for file in fonts.font_files():
        raw = QRawFont(str(file), 100)  # pixels per em: 2 px are 2% of the em
        for char in sorted(marked):
            (glyph,) = raw.glyphIndexesForString(char)
            ink = raw.pathForGlyph(glyph).boundingRect()
            advance = raw.advancesForGlyphIndexes([glyph])[0].x()
            before, after = max(0.0, -ink.left()), max(0.0, ink.right() - advance)
            assert abs(before - after) <= 2, (file.name, char, before, after)
    size = round(19 * 1200 / 72)  # pixels per em: 1 px is 0.3% of the em
    for bold in (True, False):
        font = QFont(fonts.family())
        font.setPixelSize(size)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        baseline = size
        x_height = round(QFontMetricsF(font).xHeight())
        for char in sorted(c for c in marked if unicodedata.normalize("NFD", c)[0] == "i"):
            image = QImage(size, 2 * size, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setFont(font)
            painter.setPen(QColor("black"))
            painter.drawText(QPointF(size / 4, baseline), char)
            painter.end()
            stem = ink_columns(image, range(baseline - x_height + 4, baseline - 4))
            mark = ink_columns(image, range(0, baseline - x_height - 4))
            off = (mark[0] + mark[1]) / 2 - (stem[0] + stem[1]) / 2
            assert abs(off) <= 1.5, (bold, char, mark, stem)


def test_a_measure_and_its_unit_are_never_split_across_lines(atlas: Atlas) -> None:
    """ "3 B-cun" stays on one line (the book once broke "3 B-/cun" 76 times)."""
    style = Style(QImage(10, 10, QImage.Format.Format_RGB32))
    font = style.font(8.6)
    measure = re.compile(r"\d+(?:\.\d+)? (?:[BF]-cun|F-breadth)|[BF]-cun")
    texts = [p.location for p in atlas.all_points() if "-cun" in p.location]
    assert len(texts) > 200
    for text in texts[::3]:
        spans = [m.span() for m in measure.finditer(text)]
        for width in range(90, 260, 23):
            breaks = [start for start, _length, _y, _h in style.layout(text, font, width).lines]
            inside = [text[a:b] for a, b in spans for cut in breaks if a < cut < b]
            assert inside == [], (text, width)


def test_no_internal_wording_reaches_paper(atlas: Atlas) -> None:
    """The caution flags are the atlas's own bookkeeping: a sheet never says "No flag
    applies, but…"."""
    worded = [p.code for p in atlas.all_points() if re.search(r"\bflag", p.cautions, re.I)]
    assert worded == []


def test_labels_on_the_pictures_never_collide_and_guides_are_never_cut(
    atlas: Atlas, tmp_path: Path
) -> None:
    """On every point sheet the point has its label; no label covers another label, a
    marker, a dot or guide text; the guide's text is whole (a span's length along its
    line and the names of its ends, as the window writes it)."""
    points = list(atlas.all_points())[::4]
    result = write_pdf(PointSheet(atlas, [p.code for p in points]), tmp_path / "s.pdf", "a4")
    marks = result.marks
    kinds = {"label", "marker", "dot", "guide"}
    assert overlapping(marks, {"label", "guide"}, kinds - {"dot"}) == []
    assert overlapping(marks, {"label"}, {"dot"}) == []
    captions = {p.page: p for p in result.placed if p.kind == "caption"}
    for page, point in enumerate(points, start=1):
        mine = [m for m in marks if m.page == page]
        assert any(m.kind == "label" and m.text == point.code for m in mine), point.code
        assert not captions[page].elided, point.code
        pieces = set()  # what the guide may say: a whole label, or a span's length and names
        for row in atlas.table("measures", {"code": point.code}):
            names, _, length = str(row["label"]).rpartition(": ")
            start, _, end = names.partition(" to ")
            pieces |= {str(row["label"]), length, start, end} if names else {str(row["label"])}
        for mark in (m for m in mine if m.kind == "guide"):
            assert mark.text in pieces and "…" not in mark.text, (point.code, mark.text)


def test_a_sheet_says_not_needled_once_in_its_technique(atlas: Atlas, tmp_path: Path) -> None:
    """The technique says "Not needled" once (its method does), not as the angle again;
    the caution box's title names the flag (and its text may say it in its own words)."""
    codes = [p.code for p in atlas.all_points() if not p.needled]
    assert "CV8" in codes
    out = tmp_path / "s.pdf"
    write_pdf(PointSheet(atlas, codes), out, "a4")
    for code, text in zip(codes, pdf_text(out), strict=True):
        own = atlas.point(code).cautions.lower().count("not needled")  # type: ignore[union-attr]
        assert text.lower().count("not needled") == 2 + own, (code, text)


def test_a_limb_points_crop_holds_its_own_limb_only(atlas: Atlas) -> None:
    """The picture of a point on a limb shows that limb: no place of a point of the head,
    or of another limb (by the points' own regions), lies in its crop (LI10's once held
    part of the head, BL40's and ST36's a sliver of the other leg)."""
    from atlas.printing import diagram

    data = diagram.data_for(atlas)
    area = {r.id: r.area for r in atlas.regions()}
    region = {p.code: p.region for p in atlas.all_points()}
    limbs = {"upper_limb", "lower_limb"}
    framed = 0
    for point in atlas.all_points():
        if area[point.region] not in limbs or point.region in diagram.LIMB_ROOTS:
            continue
        for aspect in (0.55, 0.75, 1.0, 1.4, None):
            frame = diagram.frame_point(data, point.code, point.region, aspect)
            assert frame is not None, point.code
            if frame.featured.side == "midline":
                continue
            framed += 1
            own = (area[point.region], frame.featured.side)
            strays = [
                f"{p.code} {p.side}"
                for p in data.by_view[frame.view]
                if frame.crop.contains(QPointF(p.x, p.y))
                and (
                    area[region[p.code]] == "head"
                    or (area[region[p.code]] in limbs and (area[region[p.code]], p.side) != own)
                )
            ]
            assert strays == [], (point.code, aspect, frame.view, strays)
    assert framed > 800


@pytest.mark.parametrize("aspect", [0.55, 0.75, 1.0, None])
def test_a_point_at_a_limbs_root_is_seen_with_what_it_is_found_from(
    atlas: Atlas, aspect: float | None
) -> None:
    """GB21 lies halfway from C7 to the acromion: its picture holds the whole of that
    line, neck and trunk included (cut down as a limb's, it was a sliver of shoulder
    at the edge of the back of the head's view)."""
    from atlas.printing import diagram

    data = diagram.data_for(atlas)
    frame = diagram.frame_point(data, "GB21", "shoulder", aspect)
    assert frame is not None
    (halfway,) = diagram.measures_for(data, frame.featured)
    assert frame.crop.contains(halfway.p1) and frame.crop.contains(halfway.p2), frame.view


def test_a_sheet_shows_the_points_its_location_names(atlas: Atlas, tmp_path: Path) -> None:
    """GB20 is found at the height of GV16: its sheet shows the back of the head and neck,
    where GV16 is seen face-on (and BL10 beside it), not the side of the head, which sees
    GV16 edge-on on the nape's outline."""
    out = tmp_path / "gb20.pdf"
    result = write_pdf(PointSheet(atlas, ["GB20"]), out, "a4")
    (text,) = pdf_text(out)
    assert "Head and neck, back." in text
    assert "GV16" in {m.text for m in result.marks if m.kind == "label"}
