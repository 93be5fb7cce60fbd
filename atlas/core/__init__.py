"""The Qt-free core: domain objects, the reference database, search, user data.

Nothing in this package imports PySide6; the GUI, the printer and the command
line all go through it.
"""

from atlas.core.atlas import Atlas, AtlasDataError
from atlas.core.model import Category, Channel, Condition, ConditionPoint, Point, Region
from atlas.core.search import SearchResult

__all__ = [
    "Atlas",
    "AtlasDataError",
    "Category",
    "Channel",
    "Condition",
    "ConditionPoint",
    "Point",
    "Region",
    "SearchResult",
]
