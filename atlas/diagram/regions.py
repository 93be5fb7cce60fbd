"""Clickable body regions: `RegionItem`, shaped and drawn by the region's own outline."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSceneHoverEvent

from atlas.diagram.style import FOCUS, Z_REGION

_INK = QColor(37, 99, 235)


def _look(alpha_fill: int, alpha_line: int, width: float) -> tuple[QColor, QPen]:
    fill = QColor(_INK)
    fill.setAlpha(alpha_fill)
    line = QColor(_INK)
    line.setAlpha(alpha_line)
    pen = QPen(line, width)
    pen.setCosmetic(True)  # the same width on screen at every zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return fill, pen


_HOVER = _look(22, 120, 1.2)
_OUTLINED = _look(30, 220, 2.0)
_FOCUSED = _look(16, 0, 2.5)  # the keyboard's focus: a dashed blue outline
_FOCUSED[1].setColor(FOCUS)
_FOCUSED[1].setStyle(Qt.PenStyle.DashLine)


def polygon_path(polygons: Iterable[Iterable[tuple[float, float]]]) -> QPainterPath:
    """One path of a region's polygons (its parts on the figure)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for polygon in polygons:
        pts = list(polygon)
        path.moveTo(*pts[0])
        for x, y in pts[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
    return path


class RegionItem(QGraphicsPathItem):
    """A clickable body region. Unpainted until hovered, outlined (its points
    highlighted) or focused from the keyboard, and then drawn along its outline,
    tinted inside."""

    def __init__(self, region: str, side: str, path: QPainterPath) -> None:
        super().__init__(path)
        self.region = region
        self.side = side
        self.hovered = False
        self.outlined = False
        self.focused = False
        self._merged = False  # its convex pieces merged into one outline (when first drawn)
        self.setZValue(Z_REGION)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._restyle()

    def set_outlined(self, outlined: bool) -> None:
        if outlined != self.outlined:
            self.outlined = outlined
            self._restyle()

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self._restyle()

    def _restyle(self) -> None:
        look = (
            _FOCUSED
            if self.focused
            else _OUTLINED
            if self.outlined
            else (_HOVER if self.hovered else None)
        )
        if look is None:
            self.setPen(Qt.PenStyle.NoPen)
            self.setBrush(Qt.BrushStyle.NoBrush)
        else:
            if not self._merged:  # drawn along its outline, not along every piece's edge
                self._merged = True
                self.setPath(self.path().simplified())
            self.setBrush(look[0])
            self.setPen(look[1])

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self._restyle()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self._restyle()
        super().hoverLeaveEvent(event)
