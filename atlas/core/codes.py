"""Point codes: parsing every common spelling into the WHO form.

WHO codes are a channel abbreviation and a number (LI4, GV20, CV12) or, for
the extra points, EX, a region group and a number (EX-HN3). People also write
li4, LI-4, "LI 4", LI04, "Large Intestine 4", and older abbreviations: LIV or
LV for LR, UB for BL, SJ/TW/TH/TB for TE, DU for GV, REN for CV, P for PC,
K for KI. This module turns any of those into the WHO form; it knows nothing
of which points exist (the Atlas checks that).
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

_CODE_RE = re.compile(r"^([A-Z]+?|3H)[\s.\-_/]*0*(\d{1,3})$")
_EX_RE = re.compile(r"^(?:EX|EXTRA)[\s.\-_/]*(HN|CA|B|UE|LE)[\s.\-_/]*0*(\d{1,2})$")
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


def sort_key(code: str) -> tuple[int, str, int]:
    """Order codes as the atlas does: channel order, then number."""
    parsed = parse_code(code)
    if parsed is None:
        return (99, code, 0)
    if parsed.channel == "EX":
        return (len(CHANNEL_CODES), str(list(EX_GROUPS).index(parsed.group or "HN")), parsed.number)
    return (CHANNEL_CODES.index(parsed.channel), "", parsed.number)
