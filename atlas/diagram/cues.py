"""Where a channel's course leaves a view: `CueItem`, an arrow along the course and
the short name of the view where it goes on, in the channel's colour. A click on
it (or Enter on it from the keyboard) shows that view (`DiagramView.follow_cue`).
The arrow keeps to the course; its words are placed by the label layout, beyond
the tip where there is room.

The cues come from the `pathway_cues` table (`sources.Cue`); the arrow points the
way the branch runs out of the view at that end.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from atlas.diagram.labels import WANTED, Box, Label, candidates
from atlas.diagram.sources import Cue, Pathway
from atlas.diagram.style import Z_CUE

GAP = 7.0  # pixels between the course's last point and the arrow
ARROW = 13.0  # the arrow's length in pixels
HEAD = 4.5  # half the width of its head


def cue_direction(cue: Cue, pathways: Sequence[Pathway], centre: QPointF) -> tuple[float, float]:
    """The way the course runs out of the view at the cue (a unit vector, y down): along
    its branch's last segment at that end, or, for a course of one point, away from the
    middle of the view."""
    for pathway in pathways:
        if (pathway.channel, pathway.branch, pathway.side) == (cue.channel, cue.branch, cue.side):
            points = pathway.points if cue.end == "end" else pathway.points[::-1]
            end = points[-1]
            for before in reversed(points[:-1]):
                dx, dy = end[0] - before[0], end[1] - before[1]
                length = math.hypot(dx, dy)
                if length > 1e-6:
                    return dx / length, dy / length
    dx, dy = cue.x - centre.x(), cue.y - centre.y()
    length = math.hypot(dx, dy)
    return (dx / length, dy / length) if length > 1e-6 else (0.0, 1.0)


class CueItem(QGraphicsItem):
    """A cue: an arrow out of the course's end and the next view's short name, the
    same size on screen at every zoom (drawn in device pixels around its point)."""

    def __init__(
        self,
        cue: Cue,
        direction: tuple[float, float],
        view_name: str,
        colour: QColor,
        font: QFont,
    ) -> None:
        super().__init__()
        self.cue = cue
        self.view_name = view_name
        self.colour = QColor(colour)
        self.font = QFont(font)
        self.focused = False
        self.words_shown = True  # False where the layout found no room for them
        ux, uy = direction
        self.direction = direction
        self._tail = QPointF(ux * GAP, uy * GAP)
        self._tip = QPointF(ux * (GAP + ARROW), uy * (GAP + ARROW))
        metrics = QFontMetricsF(self.font)
        self._text = QRectF(0, 0, metrics.horizontalAdvance(view_name) + 8, metrics.height() + 2)
        self._bounds = QRectF()
        first = next(candidates(self.text_label(0.0, 0.0)))  # until the layout places it
        self.place_text(first, 0.0, 0.0)
        self._bounds = self._shown()
        self.setPos(cue.x, cue.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view decides clicks
        self.setZValue(Z_CUE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"Continues on the {view_name} view")
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def to_view(self) -> str:
        return self.cue.to_view

    def text_label(self, x: float, y: float) -> Label:
        """The cue's words as a label for the layout, the cue's point at (x, y): just
        beyond the arrow's tip, out along the course if there is room."""
        w, h = self._text.width(), self._text.height()
        return Label(x + self._tip.x(), y + self._tip.y(), w, h, 2.0, WANTED, self.direction)

    def place_text(self, box: Box, x: float, y: float) -> None:
        """Put the words where the layout put them (device pixels, the point at (x, y))."""
        text = QRectF(box.left - x, box.top - y, box.right - box.left, box.bottom - box.top)
        if text != self._text or not self.words_shown:
            self.prepareGeometryChange()
            self._text = text
            self.words_shown = True
            self._bounds = self._shown()

    def hide_words(self) -> None:
        """Show the arrow alone: the layout found no room for the words, or did not lay
        them out (the cue is out of sight), so words placed for another zoom or scroll
        never stand over other text or at the window's edge."""
        if self.words_shown:
            self.prepareGeometryChange()
            self.words_shown = False
            self._bounds = self._shown()

    def _shown(self) -> QRectF:
        """The arrow, the words and the fine line between them when they are apart."""
        shown = self._arrow_rect().united(self._text) if self.words_shown else self._arrow_rect()
        return shown.adjusted(-3, -3, 3, 3)

    def _reach(self) -> float:
        """How far the words' middle lies from the tip in their own place."""
        return max(self._text.width(), self._text.height()) / 2 + 8

    def text_rect(self) -> QRectF:
        """The words' box in device pixels, relative to the cue's point."""
        return QRectF(self._text)

    def arrow_box(self) -> Box:
        """The arrow in device pixels, relative to the cue's point."""
        arrow = QRectF(self._tail, self._tip).normalized().adjusted(-HEAD, -HEAD, HEAD, HEAD)
        return Box(arrow.left(), arrow.top(), arrow.right(), arrow.bottom())

    def _arrow_rect(self) -> QRectF:
        arrow = self.arrow_box()
        return QRectF(QPointF(arrow.left, arrow.top), QPointF(arrow.right, arrow.bottom))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """What a click hits: the arrow and the words (not what lies between them)."""
        path = QPainterPath()
        path.addRect(self._arrow_rect().adjusted(-2, -2, 2, 2))
        if self.words_shown:
            path.addRect(self._text.adjusted(-2, -2, 2, 2))
        return path

    def set_focused(self, focused: bool) -> None:
        """Drawn with the keyboard's focus frame (or not)."""
        if focused != self.focused:
            self.focused = focused
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = widget.palette() if widget is not None else QPalette()
        colour = self.colour
        pen = QPen(colour, 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        head_base = self._tip - (self._tip - self._tail) * (HEAD * 1.6 / ARROW)
        painter.drawLine(self._tail, head_base)
        ux, uy = (self._tip.x() - self._tail.x()) / ARROW, (self._tip.y() - self._tail.y()) / ARROW
        side = QPointF(-uy * HEAD, ux * HEAD)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([self._tip, head_base + side, head_base - side]))
        if not self.words_shown:
            self._paint_focus(painter, self._arrow_rect())
            return
        centre = self._text.center()
        if math.hypot(centre.x() - self._tip.x(), centre.y() - self._tip.y()) > self._reach():
            faint = QColor(colour)  # put further out: a fine line from the arrow's tip
            faint.setAlphaF(0.6)
            painter.setPen(QPen(faint, 1.0))
            painter.drawLine(self._tip, centre)
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlphaF(0.9)
        painter.setBrush(back)
        painter.setPen(QPen(colour, 1.0))
        painter.drawRoundedRect(self._text, 3, 3)
        light = back.lightness() > 128
        painter.setPen(colour.darker(150) if light else colour.lighter(130))
        painter.setFont(self.font)
        painter.drawText(self._text, Qt.AlignmentFlag.AlignCenter, self.view_name)
        self._paint_focus(painter, self._text)

    def _paint_focus(self, painter: QPainter, around: QRectF) -> None:
        if self.focused:
            from atlas.diagram.style import focus_pen

            painter.setPen(focus_pen())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(around.adjusted(-2, -2, 2, 2), 4, 4)
