"""File names that every system accepts: Windows, macOS and Linux.

`safe_file_name` turns a title ("Treatment plan: Low back") into the stem of a
file name ("Treatment plan - Low back"); the caller adds the extension.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters Windows forbids in a name (the slash is also the Unix separator).
FORBIDDEN = '<>:"/\\|?*'
#: Names Windows keeps for devices, with any extension ("con.pdf" too).
RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{kind}{n}" for kind in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)
#: The longest stem, in UTF-8 bytes: most file systems allow 255 bytes for a whole
#: name, and this leaves room for an extension and a " (2)" that a system may add.
MAX_BYTES = 150

_FORBIDDEN_RUN = re.compile("[" + re.escape(FORBIDDEN) + "]+")
_SPACED_RUN = re.compile(
    r"\s+[" + re.escape(FORBIDDEN) + r"]+\s*|\s*[" + re.escape(FORBIDDEN) + r"]+\s+"
)


def safe_file_name(title: str, fallback: str = "Acupoint Atlas") -> str:
    """The stem of a file name for `title`, valid on Windows, macOS and Linux.

    Forbidden characters become a dash (" - " where they stood against a space),
    control characters a space; runs of spaces close up; no dots, dashes or spaces
    at either end (a leading dot hides a file, a leading dash reads as an option,
    Windows drops trailing dots and spaces); a device name such as CON or COM1 gets
    a trailing underscore; at most MAX_BYTES bytes of UTF-8, cut between characters.
    An empty result gives `fallback`.
    """
    text = unicodedata.normalize("NFC", title)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    text = _SPACED_RUN.sub(" - ", text)
    text = _FORBIDDEN_RUN.sub("-", text)
    text = " ".join(text.split())
    text = _fit(text.lstrip(" .-"), MAX_BYTES).rstrip(" .-")
    if not text:
        return fallback
    stem, dot, rest = text.partition(".")
    if stem.rstrip(" ").upper() in RESERVED:
        text = f"{stem}_{dot}{rest}"
    return text


def _fit(text: str, limit: int) -> str:
    """The longest start of text that is at most `limit` bytes of UTF-8."""
    encoded = text.encode()
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode(errors="ignore")
