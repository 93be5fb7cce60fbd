"""Landmarks as an atlas names them. The anatomy modules key landmarks by short ids
("ics5", "L2-below", "sf1_level"); the reference database stores, beside each id,
the name a reader sees at the ends of a point's measuring guide ("5th intercostal
space", "below the L2 spinous process", "level of the 1st sacral foramen")."""

from __future__ import annotations

import re

#: ids whose words are not enough
_WHOLE = {
    "eop_upper": "external occipital protuberance",
    "coccyx-below": "below the coccyx",
    "metacarpal2_base": "base of the 2nd metacarpal",
    "metacarpal2_head": "head of the 2nd metacarpal",
}
#: abbreviations written out or set in capitals, word by word
_WORDS = {
    "asis": "ASIS",
    "psis": "PSIS",
    "scm": "sternocleidomastoid",
    "mcp": "MCP",
    "mtp": "MTP",
    "pip": "PIP",
    "dip": "DIP",
    "ip": "IP",
}
_VERTEBRA = re.compile(r"([CTLS]\d{1,2})(-below)?")
_SPACE = re.compile(r"ics(\d+)(?:_(axillary|nipple_line))?")
_NUMBERED = {
    re.compile(r"sf(\d)_level"): "level of the {} sacral foramen",
    re.compile(r"sacral_foramen(\d)"): "{} sacral foramen",
    re.compile(r"rib(\d+)_tip"): "tip of the {} rib",
}


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th... 11th, 12th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def landmark_name(ident: str) -> str:
    """The name shown for a landmark id."""
    if ident in _WHOLE:
        return _WHOLE[ident]
    if m := _VERTEBRA.fullmatch(ident):
        process = f"{m[1]} spinous process"
        return f"below the {process}" if m[2] else process
    if m := _SPACE.fullmatch(ident):
        line = {"axillary": ", midaxillary line", "nipple_line": ", nipple line"}
        return f"{ordinal(int(m[1]))} intercostal space{line.get(m[2] or '', '')}"
    for pattern, words in _NUMBERED.items():
        if m := pattern.fullmatch(ident):
            return words.format(ordinal(int(m[1])))
    # words, with a bone's number set apart ("metacarpal2" -> "metacarpal 2") and a
    # pair of numbers joined ("web_1_2" -> "web 1–2")
    spaced = re.sub(r"([a-z])(\d)", r"\1 \2", re.sub(r"(?<![a-z])c(\d)", r"C\1", ident))
    text = " ".join(_WORDS.get(w, w) for w in spaced.replace("_", " ").split())
    return re.sub(r"(\d) (\d)", "\\1–\\2", text)
