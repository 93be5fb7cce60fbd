"""The look the diagram's rooms share: the order of the layers, the highlight ink,
the channel colours."""

from __future__ import annotations

from PySide6.QtGui import QColor

from atlas.core import Atlas

# z order of the layers, bottom to top
Z_REGION, Z_PATH, Z_GUIDE, Z_MARKER, Z_LABEL = 1, 2, 3, 4, 5

#: The selected point's ring and halo, highlighted points' rings, strong label frames.
HIGHLIGHT = QColor("#e8590c")

_NO_CHANNEL = "#6b7280"


def channel_colour(atlas: Atlas | None, channel: str) -> QColor:
    """A channel's colour (grey for a channel the atlas does not know)."""
    found = atlas.channel(channel) if atlas is not None else None
    return QColor(found.colour if found is not None else _NO_CHANNEL)
