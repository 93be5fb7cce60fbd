"""Every way people write a point's name: hanzi variants, Wade-Giles, slips of the ear.

The build and the search share these folds, so that the index and a query are
reduced the same way:

- `fold_hanzi`: traditional, simplified and older variant forms to one form
  (Simplified Chinese through OpenCC, after the old variants in HANZI_VARIANTS);
- `wade_giles`: a pinyin name in Wade-Giles, syllable by syllable, from the
  table in db/wade_giles.toml (the build stores it with each point);
- `phonetic_key`: pinyin with the slips of people who spell by ear collapsed
  (o/u, ee/i, zh/j, x/sh, q/ch, ng/n).

OpenCC is imported on the first call of `fold_hanzi` (it is slow to load), never at
start-up.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import cache

# Old variant forms that OpenCC's traditional-to-simplified tables leave alone, each
# mapped to the form those tables know. From Unicode's Unihan database
# (Unihan_Variants.txt): kSemanticVariant in Unicode 15.0, and kZVariant as given in
# Unicode 10.0 (later versions dropped these pairs from kZVariant). Only pairs that
# are the same character of a point name printed another way; WHO's 2008 standard
# prints 兪, 靑, 淸 and 兎.
HANZI_VARIANTS: dict[str, str] = {
    "兪": "俞",  # U+516A, kSemanticVariant/kZVariant of U+4FDE (the back-shu names)
    "靑": "青",  # U+9751, kZVariant of U+9752 (HT2)
    "淸": "清",  # U+6DF8, kZVariant of U+6E05 (TE11)
    "兎": "兔",  # U+514E, kSemanticVariant/kZVariant of U+5154 (ST32)
    "戸": "戶",  # U+6238, kZVariant of U+6236
    "鄕": "鄉",  # U+9115, kSemanticVariant/kZVariant of U+9109
    "郷": "鄉",  # U+90F7, kSemanticVariant/kZVariant of U+9109
    "窓": "窗",  # U+7A93, kSemanticVariant/kZVariant of U+7A97
    "膓": "腸",  # U+8193, kSemanticVariant/kZVariant of U+8178
    "舎": "舍",  # U+820E, kZVariant of U+820D
    "觧": "解",  # U+89E7, kSemanticVariant/kZVariant of U+89E3
    "胷": "胸",  # U+80F7, kSemanticVariant/kZVariant of U+80F8
    "聦": "聰",  # U+8066, kSemanticVariant of U+8070
    "隂": "陰",  # U+9682, kSemanticVariant of U+9670
    "闗": "關",  # U+95D7, kSemanticVariant/kZVariant of U+95DC
    "顖": "囟",  # U+9856, kSemanticVariant of U+56DF (GV22)
    "瘂": "啞",  # U+7602, kSemanticVariant of U+555E (GV15)
    "郤": "郄",  # U+90E4, kSemanticVariant of U+90C4 (the xi-cleft names)
    "鬂": "鬢",  # U+9B02, kSemanticVariant of U+9B22
    "賔": "賓",  # U+8CD4, kSemanticVariant/kZVariant of U+8CD3
    "攅": "攢",  # U+6505, kSemanticVariant/kZVariant of U+6522
    "竒": "奇",  # U+7AD2, kSemanticVariant/kZVariant of U+5947
    "宐": "宜",  # U+5B90, kSemanticVariant of U+5B9C
    "冝": "宜",  # U+519D, kZVariant of U+5B9C
    "葢": "蓋",  # U+8462, kSemanticVariant/kZVariant of U+84CB
    "亰": "京",  # U+4EB0, kZVariant of U+4EAC
    "亷": "廉",  # U+4EB7, kZVariant of U+5EC9
    "叄": "參",  # U+53C4, kZVariant of U+53C3
    "澑": "溜",  # U+6F91, kZVariant of U+6E9C
    "崘": "崙",  # U+5D18, kSemanticVariant/kZVariant of U+5D19
    "崐": "崑",  # U+5D10, kZVariant of U+5D11
}
_VARIANTS = str.maketrans(HANZI_VARIANTS)


@cache
def _to_simplified() -> Callable[[str], str]:
    import opencc  # lazy: only a search or build that meets hanzi pays for it

    converter = opencc.OpenCC("t2s")
    return lambda text: str(converter.convert(text))


def fold_hanzi(text: str) -> str:
    """One form for every way of writing the same hanzi: 腎兪, 腎俞 and 肾俞 -> 肾俞."""
    return _to_simplified()(text.translate(_VARIANTS))


# ---------------------------------------------------------------- Wade-Giles


def pinyin_syllables(pinyin: str, count: int, known: Mapping[str, str]) -> list[str] | None:
    """Split a pinyin name ('Zúsānlǐ') into `count` syllables of `known` (zu, san, li).

    The count is the number of hanzi, which settles most splits; pinyin's own rule
    settles the rest: a syllable starting with a, o or e follows an apostrophe unless
    it comes first (Bìnào is bi-nao; where no split keeps the rule, the apostrophe is
    taken as left out: Fùāi). Returns None unless exactly one split fits.
    """
    letters: list[str] = []
    breaks: set[int] = set()  # spaces, hyphens and apostrophes end a syllable
    for char in unicodedata.normalize("NFD", pinyin.casefold()):
        if char == "\u0308" and letters:  # the diaeresis of ü; tone marks are dropped
            letters[-1] = "ü"
        elif char.isalpha():
            letters.append(char)
        elif not unicodedata.combining(char):
            breaks.add(len(letters))
    text = "".join(letters)
    longest = max(map(len, known))

    def splits(start: int, left: int, strict: bool) -> list[list[str]]:
        if start == len(text) or left == 0:
            return [[]] if start == len(text) and left == 0 else []
        if strict and start and text[start] in "aoe" and start not in breaks:
            return []
        found = []
        for end in range(start + 1, min(len(text), start + longest) + 1):
            if text[start:end] in known and not any(start < b < end for b in breaks):
                found += [[text[start:end], *rest] for rest in splits(end, left - 1, strict)]
        return found

    candidates = splits(0, count, True) or splits(0, count, False)
    return candidates[0] if len(candidates) == 1 else None


def wade_giles(pinyin: str, count: int, table: Mapping[str, str]) -> str | None:
    """A pinyin name in Wade-Giles ('Zúsānlǐ', 3 -> 'Tsu-san-li'), or None if it cannot
    be split into `count` syllables of the table."""
    syllables = pinyin_syllables(pinyin, count, table)
    if syllables is None:
        return None
    spelt = "-".join(table[s] for s in syllables)
    return spelt[:1].upper() + spelt[1:]


# ---------------------------------------------------------------- phonetic key

# Applied in order to a folded word (lower case letters, no marks): the pairs that
# people who spell pinyin by ear mix up. zh, ch and sh go before z, c and s.
_SLIPS: tuple[tuple[str, str], ...] = (
    ("ee", "i"), ("oo", "u"), ("v", "u"),
    ("zh", "j"), ("ch", "q"), ("sh", "x"), ("z", "j"), ("c", "q"), ("s", "x"),
    ("ng", "n"), ("o", "u"),
)  # fmt: skip


def phonetic_key(folded: str) -> str:
    """What a folded pinyin word sounds like to the ear: 'taichung', 'taichong' and
    'taiqong' all give 'taiqun'."""
    key = folded
    for old, new in _SLIPS:
        key = key.replace(old, new)
    return "".join(c for i, c in enumerate(key) if i == 0 or c != key[i - 1])
