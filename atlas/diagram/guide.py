"""The measuring guide of the selected point: its measured lines with cun ticks,
and the names of the landmarks they run between.

Lines and ticks are drawn in scene coordinates; the text is laid out in device
pixels (so it stays legible at every zoom), along each line, on the side away
from the point, and the point labels are kept clear of it (`GuideItem.obstacles`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from atlas.diagram.labels import Box
from atlas.diagram.sources import DiagramData, Landmark, Measure
from atlas.diagram.style import HIGHLIGHT, Z_GUIDE

if TYPE_CHECKING:
    from PySide6.QtGui import QTransform

    from atlas.diagram.markers import Marker


class _Segment(NamedTuple):
    order: int  # the measure's place in the guide
    measure: Measure
    a: QPointF  # start, device pixels
    b: QPointF  # end
    length: float
    ux: float  # unit direction
    uy: float


class GuideLabel(NamedTuple):
    """A piece of the guide's text: a length along its line, or a landmark's name."""

    text: str
    centre: QPointF  # device coordinates
    angle: float  # degrees
    width: float
    height: float
    strong: bool = False

    def bounds(self) -> Box:
        """The upright box around the (perhaps turned) text."""
        rad = math.radians(self.angle)
        c, s = abs(math.cos(rad)), abs(math.sin(rad))
        half_w = (self.width * c + self.height * s) / 2
        half_h = (self.width * s + self.height * c) / 2
        x, y = self.centre.x(), self.centre.y()
        return Box(x - half_w, y - half_h, x + half_w, y + half_h)


class GuideItem(QGraphicsItem):
    """A point's measuring guide: measured lines with cun ticks, and their text."""

    def __init__(
        self,
        code: str,
        measures: list[Measure],
        landmark_names: dict[int, tuple[str, str]],
        point: QPointF | None,
        font: QFont,
    ) -> None:
        super().__init__()
        self.code = code
        self.measures = measures
        self.names = landmark_names  # index -> (start name, end name)
        self.point = point
        self.font = QFont(font)
        self.metrics = QFontMetricsF(self.font)
        self.setZValue(Z_GUIDE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        xs = [v for m in measures for v in (m.x1, m.x2)]
        ys = [v for m in measures for v in (m.y1, m.y2)]
        self._rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def boundingRect(self) -> QRectF:
        pad = max(self._rect.width(), self._rect.height(), 20.0) * 0.6 + 40
        return self._rect.adjusted(-pad, -pad, pad, pad)

    def _segments(self, to_device: QTransform) -> Iterator[_Segment]:
        """The measured segments in device pixels (too short to draw: left out)."""
        for index, m in enumerate(self.measures):
            a = to_device.map(QPointF(m.x1, m.y1))
            b = to_device.map(QPointF(m.x2, m.y2))
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            if length >= 2:
                yield _Segment(index, m, a, b, length, dx / length, dy / length)

    def labels(self, to_device: QTransform) -> list[GuideLabel]:
        """Where the guide's text goes, in device pixels."""
        out: list[GuideLabel] = []
        h = self.metrics.height() + 2
        target = to_device.map(self.point) if self.point is not None else None
        for index, m, a, b, length, ux, uy in self._segments(to_device):
            dx, dy = b.x() - a.x(), b.y() - a.y()
            nx, ny = -uy, ux
            mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            if target is not None:
                away = (mid.x() - target.x()) * nx + (mid.y() - target.y()) * ny
                if away < 0:
                    nx, ny = -nx, -ny
            angle = math.degrees(math.atan2(dy, dx))
            if angle >= 90:  # text reads left to right, or bottom to top
                angle -= 180
            elif angle < -90:
                angle += 180
            text = m.label or f"{m.cun:g} {m.unit}"
            width = self.metrics.horizontalAdvance(text) + 10
            if length < width * 0.8:  # a short segment: keep the text level
                angle = 0.0
            offset = h / 2 + 7
            if angle == 0.0 and abs(nx) > abs(ny):
                offset = width / 2 + 7
            centre = QPointF(mid.x() + nx * offset, mid.y() + ny * offset)
            out.append(GuideLabel(text, centre, angle, width, h, strong=True))
            names = self.names.get(index)
            if names:
                for p, name, sign in ((a, names[0], -1), (b, names[1], 1)):
                    if name:
                        w = self.metrics.horizontalAdvance(name) + 8
                        c = QPointF(
                            p.x() + ux * sign * (h / 2 + 8), p.y() + uy * sign * (h / 2 + 8)
                        )
                        out.append(GuideLabel(name, c, 0.0, w, h))
        return out

    def obstacles(self, to_device: QTransform) -> list[Box]:
        """The boxes of the guide's text in device pixels, for the point labels to avoid."""
        return [label.bounds() for label in self.labels(to_device)]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        palette = widget.palette() if widget is not None else QPalette()
        light = palette.color(QPalette.ColorRole.Base).lightness() > 128
        ink = QColor("#1d4ed8") if light else QColor("#93c5fd")
        painter.setFont(self.font)
        line_pen = QPen(ink, 1.6)
        line_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        for _index, m, a, b, length, ux, uy in self._segments(to_device):
            nx, ny = -uy, ux

            def tick(p: QPointF, half: float, nx: float = nx, ny: float = ny) -> None:
                painter.drawLine(
                    QPointF(p.x() + nx * half, p.y() + ny * half),
                    QPointF(p.x() - nx * half, p.y() - ny * half),
                )

            painter.setPen(line_pen)
            painter.drawLine(a, b)
            tick(a, 7)  # end stops
            tick(b, 7)
            if m.cun <= 0:
                continue
            step = length / m.cun
            every = 1 if step >= 6 else (2 if step >= 3 else 5)
            whole = math.floor(m.cun + 1e-6)
            for k in range(1, whole + 1):
                if k % every and k != whole:
                    continue
                t = k * step
                tick(QPointF(a.x() + ux * t, a.y() + uy * t), 4)
            if m.tick_at is not None and 0 < m.tick_at <= m.cun + 1e-6:
                t = m.tick_at * step
                painter.setPen(QPen(HIGHLIGHT, 2.6))
                tick(QPointF(a.x() + ux * t, a.y() + uy * t), 9)
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlphaF(0.93)
        for label in self.labels(to_device):
            painter.save()
            painter.translate(label.centre)
            painter.rotate(label.angle)
            box = QRectF(-label.width / 2, -label.height / 2, label.width, label.height)
            painter.setPen(QPen(ink, 1) if label.strong else Qt.PenStyle.NoPen)
            painter.setBrush(back)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label.text)
            painter.restore()
        painter.restore()


def guide_for(
    data: DiagramData, code: str, view: str, markers: Sequence[Marker], font: QFont
) -> GuideItem | None:
    """The guide of a point in a view (the right side's if it has two), or None."""
    measures = data.measures.get((code, view), [])
    if not measures:
        return None
    sides = [m.side for m in measures]
    side = "right" if "right" in sides else sides[0]
    chosen = [m for m in measures if m.side == side]
    marks = data.landmarks.get(view, {}).values()
    names = {
        index: (_landmark_near(marks, m.x1, m.y1), _landmark_near(marks, m.x2, m.y2))
        for index, m in enumerate(chosen)
    }
    point = next((mk.pos() for mk in markers if mk.code == code and mk.side == side), None)
    return GuideItem(code, chosen, names, point, font)


def _landmark_near(marks: Iterable[Landmark], x: float, y: float) -> str:
    return next((m.name for m in marks if math.hypot(m.x - x, m.y - y) < 0.6), "")
