"""Point codes: parsing every common spelling into the WHO form.

WHO codes are a channel abbreviation and a number (LI4, GV20, CV12) or, for
the extra points, EX, a region group and a number (EX-HN3). People also write
li4, LI-4, "LI 4", LI04, "Large Intestine 4", and older abbreviations: LIV or
LV for LR, UB for BL, SJ/TW/TH/TB for TE, DU for GV, REN for CV, P for PC,
K for KI, and the older codes of the extra points (M-HN-3 for EX-HN3). This
module turns any of those into the WHO form, and writes a code back in the
style a reader chose (`format_code`); it knows nothing of which points exist
(the Atlas checks that).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

CHANNEL_CODES: tuple[str, ...] = (
    "LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV",
)  # fmt: skip

#: Points per channel in the WHO standard.
CHANNEL_SIZES: dict[str, int] = {
    "LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "BL": 67,
    "KI": 27, "PC": 9, "TE": 23, "GB": 44, "LR": 14, "GV": 28, "CV": 24,
}  # fmt: skip

#: Extra-point groups and how many points WHO names in each.
EX_GROUPS: dict[str, int] = {"HN": 15, "CA": 1, "B": 9, "UE": 11, "LE": 12}

# Abbreviations in use, old and new, mapped to the WHO channel code. The keys
# are compared after upper-casing and removing spaces, dots and hyphens.
_ABBREVIATIONS: dict[str, str] = {
    **{c: c for c in CHANNEL_CODES},
    "L": "LU", "LUNG": "LU",
    "LIT": "LI",
    "S": "ST", "STO": "ST",
    "SPL": "SP",
    "H": "HT", "HE": "HT", "HRT": "HT",
    "SMI": "SI",
    "B": "BL", "UB": "BL", "BLA": "BL",
    "K": "KI", "KID": "KI", "KD": "KI",
    "P": "PC", "PE": "PC", "HC": "PC", "CX": "PC", "MH": "PC",
    "SJ": "TE", "TW": "TE", "TH": "TE", "TB": "TE", "SANJIAO": "TE",
    "G": "GB", "GBL": "GB",
    "LIV": "LR", "LV": "LR", "LIVER": "LR",
    "DU": "GV", "DM": "GV", "GOV": "GV",
    "REN": "CV", "RN": "CV", "RM": "CV", "CON": "CV",
}  # fmt: skip

# Full English (and pinyin) channel names, compared case-insensitively with
# runs of space, hyphen and underscore folded to one space.
_NAMES: dict[str, str] = {
    "lung": "LU",
    "large intestine": "LI", "large bowel": "LI",
    "stomach": "ST",
    "spleen": "SP", "spleen pancreas": "SP",
    "heart": "HT",
    "small intestine": "SI",
    "bladder": "BL", "urinary bladder": "BL",
    "kidney": "KI", "kidneys": "KI",
    "pericardium": "PC", "heart protector": "PC", "heart constrictor": "PC",
    "circulation sex": "PC", "master of the heart": "PC",
    "triple energizer": "TE", "triple energiser": "TE", "triple burner": "TE",
    "triple heater": "TE", "triple warmer": "TE", "san jiao": "TE", "sanjiao": "TE",
    "gallbladder": "GB", "gall bladder": "GB",
    "liver": "LR",
    "governor vessel": "GV", "governing vessel": "GV", "du mai": "GV", "dumai": "GV",
    "conception vessel": "CV", "ren mai": "CV", "renmai": "CV",
}  # fmt: skip

#: The older extra-point codes (the "M-" series of O'Connor and Bensky's Acupuncture: A
#: Comprehensive Text, 1981, still used in English textbooks) whose point is certainly
#: the WHO extra point given here: the same name, place and use. Codes with no single
#: WHO counterpart (M-HN-20 names Jinjin and Yuye together) are left out.
OLDER_EXTRA_CODES: dict[str, str] = {
    "M-HN-1": "EX-HN1", "M-HN-3": "EX-HN3", "M-HN-6": "EX-HN4", "M-HN-8": "EX-HN7",
    "M-HN-9": "EX-HN5", "M-HN-10": "EX-HN6", "M-HN-13": "EX-HN14", "M-HN-14": "EX-HN8",
    "M-HN-30": "EX-HN15",
    "M-CA-18": "EX-CA1",
    "M-BW-1": "EX-B1", "M-BW-12": "EX-B3", "M-BW-16": "EX-B4", "M-BW-24": "EX-B7",
    "M-BW-25": "EX-B8", "M-BW-29": "EX-B9", "M-BW-35": "EX-B2",
    "M-UE-1": "EX-UE11", "M-UE-9": "EX-UE10", "M-UE-15": "EX-UE5", "M-UE-16": "EX-UE4",
    "M-UE-22": "EX-UE9", "M-UE-24": "EX-UE8", "M-UE-29": "EX-UE2", "M-UE-46": "EX-UE1",
    "M-LE-8": "EX-LE10", "M-LE-13": "EX-LE7", "M-LE-16": "EX-LE5", "M-LE-23": "EX-LE6",
    "M-LE-27": "EX-LE2", "M-LE-34": "EX-LE3",
}  # fmt: skip

#: How codes are written: "who" (LR3, BL40, TE5, GV20, CV12, KI1, PC6), or "older", the
#: English style of many textbooks (LIV3, UB40, SJ5, DU20, REN12, K1, P6). Extra points
#: keep their WHO codes in both.
CODE_STYLES: tuple[str, ...] = ("who", "older")
OLDER_ABBREVIATIONS: dict[str, str] = {
    "LU": "LU", "LI": "LI", "ST": "ST", "SP": "SP", "HT": "HT", "SI": "SI", "BL": "UB",
    "KI": "K", "PC": "P", "TE": "SJ", "GB": "GB", "LR": "LIV", "GV": "DU", "CV": "REN",
}  # fmt: skip

_CODE_RE = re.compile(r"^([A-Z]+?|3H)[\s.\-_/]*0*(\d{1,3})$")
_EX_RE = re.compile(r"^(?:EX|EXTRA)[\s.\-_/]*(HN|CA|B|UE|LE)[\s.\-_/]*0*(\d{1,2})$")
# Patterns compiled on first use (re keeps them), not while the window starts:
_OLDER_EX_PATTERN = r"^M[\s.\-_/]*(HN|CA|BW|UE|LE)[\s.\-_/]*0*(\d{1,2})$"
_WHO_CODE_IN_TEXT = rf"\b({'|'.join(CHANNEL_CODES)})(\d{{1,2}})\b"
_NAME_RE = re.compile(r"^([A-Z][A-Z\s\-_]*?)[\s.\-_#]*0*(\d{1,3})$")


class ParsedCode(NamedTuple):
    """A code in WHO form, with its channel and number."""

    code: str
    channel: str
    number: int
    group: str | None = None  # the EX group (HN, CA, B, UE, LE), for extra points


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().upper()
    return text.replace("\u2013", "-").replace("\u2014", "-")


def parse_code(text: str, *, check_range: bool = True) -> ParsedCode | None:
    """Parse any common spelling of a point code into its WHO form.

    Returns None when the text is not a code, or (unless check_range is
    False) names a point number that the channel does not have (LU12,
    EX-HN16). Unchecked parsing serves for aliases such as GV29.
    """
    if not text or len(text) > 40:
        return None
    folded = _fold(text)

    match = _EX_RE.match(folded)
    if match:
        group, number = match.group(1), int(match.group(2))
        if not check_range or 1 <= number <= EX_GROUPS[group]:
            return ParsedCode(f"EX-{group}{number}", "EX", number, group)
        return None

    match = re.match(_OLDER_EX_PATTERN, folded)
    if match:
        who = OLDER_EXTRA_CODES.get(f"M-{match.group(1)}-{int(match.group(2))}")
        return parse_code(who) if who else None

    match = _CODE_RE.match(folded)
    if match:
        abbreviation = "TE" if match.group(1) == "3H" else match.group(1)
        channel = _ABBREVIATIONS.get(abbreviation)
        if channel is not None:
            return _checked(channel, int(match.group(2)), check_range)

    match = _NAME_RE.match(folded)
    if match:
        name = re.sub(r"[\s\-_]+", " ", match.group(1).lower()).strip()
        name = re.sub(r"\s+(meridian|channel|vessel)$", "", name) if name not in _NAMES else name
        channel = _NAMES.get(name) or _ABBREVIATIONS.get(name.upper().replace(" ", ""))
        if channel is not None:
            return _checked(channel, int(match.group(2)), check_range)
    return None


def _checked(channel: str, number: int, check_range: bool) -> ParsedCode | None:
    if not check_range or 1 <= number <= CHANNEL_SIZES[channel]:
        return ParsedCode(f"{channel}{number}", channel, number)
    return None


def channel_of(text: str) -> str | None:
    """Resolve a channel abbreviation or name (lr, Liver, LIV, SJ) to its WHO code."""
    folded = _fold(text)
    if folded == "EX":
        return "EX"
    if folded in _ABBREVIATIONS:
        return _ABBREVIATIONS[folded]
    name = re.sub(r"[\s\-_]+", " ", folded.lower()).strip()
    name = re.sub(r"\s+(meridian|channel)$", "", name)
    return _NAMES.get(name)


def format_code(code: str, style: str = "who") -> str:
    """A code written in a code style: format_code("LR3", "older") -> "LIV3".

    Any spelling the parser reads is accepted ("liv-3" -> "LR3" in the WHO style), and
    every result reads back as the same point. Text that is not a code comes back as it
    was. Raises ValueError for a style not in CODE_STYLES.
    """
    _check_style(style)
    parsed = parse_code(code, check_range=False)
    if parsed is None:
        return code
    if parsed.channel == "EX":
        return parsed.code
    return f"{format_channel(parsed.channel, style)}{parsed.number}"


def format_channel(channel: str, style: str) -> str:
    """A WHO channel code in a code style: format_channel("LR", "older") -> "LIV"."""
    return OLDER_ABBREVIATIONS.get(channel, channel) if style == "older" else channel


def format_codes_in(text: str, style: str) -> str:
    """Every WHO channel code in a text written in a code style ("SI19 and TE21" ->
    "SI19 and SJ21"), for sentences that name other points."""
    _check_style(style)
    if style == "who":
        return text
    return re.sub(_WHO_CODE_IN_TEXT, lambda m: f"{format_channel(m[1], style)}{m[2]}", text)


def _check_style(style: str) -> None:
    if style not in CODE_STYLES:
        raise ValueError(f"unknown code style {style!r} (one of {', '.join(CODE_STYLES)})")


def sort_key(code: str) -> tuple[int, str, int]:
    """Order codes as the atlas does: channel order, then number."""
    parsed = parse_code(code)
    if parsed is None:
        return (99, code, 0)
    if parsed.channel == "EX":
        return (len(CHANNEL_CODES), str(list(EX_GROUPS).index(parsed.group or "HN")), parsed.number)
    return (CHANNEL_CODES.index(parsed.channel), "", parsed.number)
