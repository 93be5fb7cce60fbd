"""The names the window imports from the diagram, where they lived before the split.

The diagram's rooms: `state` (what is shown), `view` (`DiagramView`), `panel`
(`DiagramPanel`, `swatch`), `scene`, `markers`, `labels`, `guide`, `pathways`,
`cues`, `keyboard`, `regions`, `figure`, `sources`, `style`; ARCHITECTURE.md has the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from atlas.diagram.panel import DiagramPanel, swatch
from atlas.diagram.state import DiagramState, MarkerState
from atlas.diagram.view import DiagramView

if TYPE_CHECKING:
    from atlas.diagram.regions import RegionItem

__all__ = ["DiagramPanel", "DiagramState", "DiagramView", "MarkerState", "RegionItem", "swatch"]


def __getattr__(name: str) -> object:
    # the regions are loaded when a view settles, after the first paint
    if name == "RegionItem":
        from atlas.diagram.regions import RegionItem

        return RegionItem
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
