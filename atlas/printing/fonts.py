"""The bundled text face: loading it at run time, and (dev time) making it.

The atlas ships one family, "Acupoint Atlas Sans" (Regular and Bold), a subset
of Noto Sans CJK TC (SIL Open Font License 1.1) holding every hanzi the
reference data uses, Latin with the pinyin tone marks, and the punctuation
and symbols the sheets draw. The subset is renamed (the OFL asks modified
versions not to use the original's names) and converted from CFF to
TrueType outlines, which every PDF engine, Qt's included, embeds as real,
searchable text.

Run time needs only Qt (`ensure_fonts()`); making the subset needs fontTools,
a development tool only::

    .venv/bin/pip install fonttools
    .venv/bin/python -m atlas.printing.fonts            # rewrite assets/fonts/*.ttf
    .venv/bin/python -m atlas.printing.fonts --check    # list hanzi the font lacks

Re-run it whenever new hanzi appear in db/.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from atlas.core import paths

#: The family name sheets ask for (the name inside the bundled files).
FAMILY = "Acupoint Atlas Sans"
FILES = {"Regular": "AcupointAtlasSans-Regular.ttf", "Bold": "AcupointAtlasSans-Bold.ttf"}

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SOURCE_FILES = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
#: Face in the collection: Traditional Chinese, matching the WHO (traditional) hanzi.
SOURCE_FACE = "Noto Sans CJK TC"

#: CJK ideographs, as a pattern (compiled at dev time only: a class this wide is slow
#: to compile, and the app imports this module on the way to its window).
_CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"

#: Everything besides hanzi: Latin with tone marks, punctuation, symbols used on sheets.
_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B (pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ)
    (0x02B0, 0x02FF),  # modifier letters (ˇ ˊ ˋ ˉ as bare tone marks)
    (0x0300, 0x036F),  # combining diacritics
    (0x0391, 0x03C9),  # Greek (µ-like units, α/β in notes)
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, bullets, ellipsis
    (0x20AC, 0x20AC),  # euro
    (0x2100, 0x218F),  # letterlike symbols, number forms (⅓ ⅔)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (− ± ≈ ≤ ≥ ×)
    (0x2460, 0x24FF),  # circled numbers ① ... ⑳ (plan sheets)
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols (⚠ ☐ ☑)
    (0x2700, 0x27BF),  # dingbats (✓ ✗)
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF01, 0xFF5E),  # full-width forms
)


# --------------------------------------------------------------------------- run time

_loaded: list[str] | None = None


def font_files() -> list[Path]:
    """The bundled font files (may be empty in a broken install)."""
    folder = paths.assets_dir() / "fonts"
    return sorted(p for p in folder.glob("*.[ot]tf") if p.is_file())


def ensure_fonts() -> list[str]:
    """Register the bundled fonts with Qt (once); returns the families now available.

    Needs a QGuiApplication. The GUI's start-up (atlas.app.application) does the
    same; registering twice is avoided by checking the family first.
    """
    global _loaded
    from PySide6.QtGui import QFontDatabase

    if _loaded is not None and FAMILY in QFontDatabase.families():
        return _loaded
    families: list[str] = []
    if FAMILY not in QFontDatabase.families():
        for file in font_files():
            font_id = QFontDatabase.addApplicationFont(str(file))
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _loaded = sorted(set(families) | ({FAMILY} & set(QFontDatabase.families())))
    return _loaded


def family() -> str:
    """The family to use for sheets: the bundled one when it is available."""
    from PySide6.QtGui import QFontDatabase

    ensure_fonts()
    return FAMILY if FAMILY in QFontDatabase.families() else "Sans Serif"


# --------------------------------------------------------------------------- dev time


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def source_hanzi(source: Path | None = None, extra: Iterable[Path] = ()) -> set[str]:
    """Every CJK ideograph in the reference sources (db/**/*.toml), plus extra text files."""
    import tomllib  # dev time only, like the rest of this section

    cjk = re.compile(_CJK)
    folder = source or paths.source_dir()
    found: set[str] = set()
    for file in sorted(folder.rglob("*.toml")):
        with file.open("rb") as handle:
            data = tomllib.load(handle)
        for text in _strings(data):
            found.update(cjk.findall(text))
    for file in extra:
        found.update(cjk.findall(file.read_text(encoding="utf-8")))
    return found


def wanted_codepoints(hanzi: Iterable[str]) -> set[int]:
    wanted = {ord(c) for c in hanzi}
    for low, high in _RANGES:
        wanted.update(range(low, high + 1))
    return wanted


def _open_face(path: Path) -> Any:
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() == ".ttc":
        collection = TTCollection(str(path), lazy=False)
        for face in collection.fonts:
            if face["name"].getDebugName(1) == SOURCE_FACE:
                return face
        raise SystemExit(f"{path}: no face named {SOURCE_FACE!r}")
    return TTFont(str(path), lazy=False)


def _to_truetype(font: Any) -> None:
    """Replace CFF outlines by quadratic TrueType ones (glyf/loca), in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # PostScript outlines run counter-clockwise; TrueType wants clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()

    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr, value in (
        ("maxZones", 1),
        ("maxTwilightPoints", 0),
        ("maxStorage", 0),
        ("maxFunctionDefs", 0),
        ("maxInstructionDefs", 0),
        ("maxStackElements", 0),
        ("maxSizeOfInstructions", 0),
        ("maxComponentElements", 0),
        ("maxPoints", 0),
        ("maxContours", 0),
        ("maxCompositePoints", 0),
        ("maxCompositeContours", 0),
        ("maxComponentDepth", 0),
    ):
        setattr(maxp, attr, value)
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def _add_tab(font: Any) -> None:
    """Map TAB to its own blank glyph.

    Qt draws a font's missing TAB with the space glyph, and its PDF writer then
    maps that glyph back to the first character using it, TAB, so every space in
    an exported PDF would extract as a tab. A separate glyph keeps spaces spaces.
    """
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    cmap = font.getBestCmap()
    if 0x09 in cmap or 0x20 not in cmap:
        return
    space = cmap[0x20]
    order = [*font.getGlyphOrder(), "tab"]
    font.setGlyphOrder(order)
    font["glyf"].glyphOrder = order
    font["glyf"].glyphs["tab"] = Glyph()
    font["hmtx"].metrics["tab"] = font["hmtx"].metrics[space]
    font["post"].glyphOrder = order
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x09] = "tab"


def _marks_over_their_letter(font: Any) -> list[str]:
    """Move each accent of a precomposed letter back over its own letter; returns them.

    Noto's slanted marks sit off-centre (an acute leans right, a grave left), by the
    same amount on every letter. Over a narrow i the bold acute then reaches well
    into the next letter ("Jīngmíng" read as "Jīngmińg"). Over an i (or a dotless
    ı) the mark's ink is centred on the stem; elsewhere a mark is moved sideways
    just enough to stay within its letter's advance, and wide letters keep theirs
    as they are.
    """
    import unicodedata

    cmap = font.getBestCmap()
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    moved = []
    for code, name in sorted(cmap.items()):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = decomposed[:1]
        if len(decomposed) != 2 or not base.isalpha() or ord(base) not in cmap:
            continue
        glyph = glyf[name]
        if glyph.isComposite() or glyph.numberOfContours <= 0:
            continue
        coords, ends, _flags = glyph.getCoordinates(glyf)
        # The letter's own contours are those of its base; the rest are its marks.
        # (an i's or j's dot is not: on í the mark replaces it)
        if base in "ijı":
            top = font["OS/2"].sxHeight
        else:
            top = max(y for _x, y in glyf[cmap[ord(base)]].getCoordinates(glyf)[0])
        start = 0
        marks: list[range] = []
        for end in ends:
            if min(coords[i][1] for i in range(start, end + 1)) > top:
                marks.append(range(start, end + 1))
            start = end + 1
        if not marks:
            continue
        xs = [coords[i][0] for span in marks for i in span]
        letter = [x for i, (x, _y) in enumerate(coords) if not any(i in span for span in marks)]
        advance = hmtx[name][0]
        # Toward the letter's centre, and never past it: a centred mark stays.
        off_centre = (min(xs) + max(xs) - min(letter) - max(letter)) / 2
        if base in "iı":  # a single stem: any lean reads as the next letter's mark
            shift = -off_centre
        elif off_centre > 0:
            shift = -min(off_centre, max(0, max(xs) - advance))
        else:
            shift = min(-off_centre, max(0, -min(xs)))
        if abs(shift) < 10:  # a hair off: as drawn
            continue
        for span in marks:
            for i in span:
                coords[i] = (coords[i][0] + shift, coords[i][1])
        glyph.coordinates = coords
        glyph.recalcBounds(glyf)
        hmtx[name] = (advance, glyph.xMin)
        moved.append(chr(code))
    return moved


def _rename(font: Any, style: str) -> None:
    """Give the subset its own names (OFL: a modified version keeps none of the originals)."""
    name = font["name"]
    copyright_notice = name.getDebugName(0) or ""
    licence = name.getDebugName(13) or ""
    licence_url = name.getDebugName(14) or ""
    postscript = f"AcupointAtlasSans-{style}"
    entries = {
        0: f"{copyright_notice} Subset and renamed for Acupoint Atlas.".strip(),
        1: FAMILY,
        2: style,
        3: f"{postscript};subset-of-noto-sans-cjk-tc",
        4: f"{FAMILY} {style}" if style != "Regular" else FAMILY,
        5: "Version 1.0 (subset of Noto Sans CJK TC 2.004)",
        6: postscript,
        10: "Hanzi, pinyin and Latin for Acupoint Atlas; a subset of Noto Sans CJK TC.",
        13: licence,
        14: licence_url,
    }
    name.names = []
    for name_id, text in entries.items():
        if text:
            name.setName(text, name_id, 3, 1, 0x409)
            name.setName(text, name_id, 1, 0, 0)
    if "CFF " in font:  # keep the CFF's own names consistent until it is dropped
        cff = font["CFF "].cff
        cff.fontNames = [postscript]


def build_font(source: Path, dest: Path, style: str, codepoints: set[int]) -> tuple[int, int]:
    """Subset one weight into dest; returns (glyph count, size in bytes)."""
    from fontTools import subset

    font = _open_face(source)
    options = subset.Options()
    # Kerning only: substitutions (ligatures, localised digits) would draw glyphs that
    # no character maps to, and PDF text extraction would lose those characters.
    options.layout_features = ["kern", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "DSIG"]
    subsetter = subset.Subsetter(options)
    present = set(font.getBestCmap())
    subsetter.populate(unicodes=sorted(codepoints & present))
    subsetter.subset(font)
    if "GSUB" in font:
        del font["GSUB"]
    _rename(font, style)
    _to_truetype(font)
    _marks_over_their_letter(font)
    _add_tab(font)
    dest.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(dest))
    return len(font.getGlyphOrder()), dest.stat().st_size


def missing_hanzi(hanzi: Iterable[str], font_path: Path) -> list[str]:
    """Hanzi the given font file does not cover (dev check; needs fontTools)."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(font_path), lazy=True).getBestCmap()
    return sorted(c for c in set(hanzi) if ord(c) not in cmap)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m atlas.printing.fonts",
        description="Make the bundled font subset (dev tool; needs fontTools).",
    )
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR, help="Noto CJK folder")
    parser.add_argument(
        "--extra", type=Path, action="append", default=[], help="more text to take hanzi from"
    )
    parser.add_argument("--check", action="store_true", help="only list hanzi the font lacks")
    args = parser.parse_args(argv)
    try:
        import fontTools  # noqa: F401
    except ImportError:
        print("fontTools is needed: .venv/bin/pip install fonttools", file=sys.stderr)
        return 1
    hanzi = source_hanzi(extra=args.extra)
    out = paths.assets_dir() / "fonts"
    if args.check:
        missing = missing_hanzi(hanzi, out / FILES["Regular"])
        print("".join(missing) if missing else f"all {len(hanzi)} hanzi covered")
        return 1 if missing else 0
    codepoints = wanted_codepoints(hanzi)
    for style, file_name in FILES.items():
        glyphs, size = build_font(
            args.source_dir / SOURCE_FILES[style], out / file_name, style, codepoints
        )
        print(f"{file_name}: {glyphs} glyphs, {size / 1024:.0f} KiB ({len(hanzi)} hanzi)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
