"""The names the window imports from the diagram, where they lived before the split.

The diagram's rooms: `state` (what is shown), `view` (`DiagramView`), `panel`
(`DiagramPanel`, `swatch`), `scene`, `markers`, `labels`, `guide`, `pathways`,
`regions`, `figure`, `style`; ARCHITECTURE.md has the map.
"""

from atlas.diagram.panel import DiagramPanel, swatch
from atlas.diagram.regions import RegionItem
from atlas.diagram.state import DiagramState, MarkerState
from atlas.diagram.view import DiagramView

__all__ = ["DiagramPanel", "DiagramState", "DiagramView", "MarkerState", "RegionItem", "swatch"]
