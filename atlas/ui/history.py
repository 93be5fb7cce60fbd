"""Back and forward through what was visited, as a browser does (no Qt)."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class History(Generic[T]):
    """The items visited, in order, and where the user stands among them.

    Visiting an item drops everything forward of the current one; visiting the
    current item again changes nothing. Only the last `limit` items are kept.
    """

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._items: list[T] = []
        self._index = -1

    @property
    def current(self) -> T | None:
        return self._items[self._index] if self._items else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def visit(self, item: T) -> None:
        if self._items and self._items[self._index] == item:
            return
        del self._items[self._index + 1 :]
        self._items.append(item)
        del self._items[: -self.limit]
        self._index = len(self._items) - 1

    def back(self) -> T | None:
        """Step back; the item there, or None at the start."""
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> T | None:
        """Step forward; the item there, or None at the end."""
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._items[self._index]
