"""The look the diagram's rooms share: the order of the layers, the highlight ink,
the keyboard's focus ring, the channel colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPen

from atlas.core import Atlas

# z order of the layers, bottom to top (the markers' layer and rings reach Z_MARKER + 0.5)
Z_REGION, Z_PATH, Z_GUIDE, Z_MARKER, Z_CUE, Z_LABEL, Z_FOCUS = 1, 2, 3, 4, 4.8, 5, 6

#: The selected point's ring and halo, highlighted points' rings, strong label frames.
HIGHLIGHT = QColor("#e8590c")

#: The keyboard's focus (blue, square-cornered: never taken for the orange selection).
FOCUS = QColor("#1d6fe0")

_NO_CHANNEL = "#6b7280"


def focus_pen() -> QPen:
    pen = QPen(FOCUS, 2.0)
    pen.setCosmetic(True)
    return pen


def channel_colour(atlas: Atlas, channel: str) -> QColor:
    """A channel's colour (grey for a channel the atlas does not know)."""
    found = atlas.channel(channel)
    return QColor(found.colour if found is not None else _NO_CHANNEL)
