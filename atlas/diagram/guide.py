"""The measuring guide of the selected point: its measured lines with cun ticks,
the length of each and the names of the places they run between.

Lines and ticks are drawn in scene coordinates. The text is laid out in device
pixels (legible at every zoom) by the same layout as the point labels
(`labels.place_labels`): `texts` says what is wanted where, the scene places it
with everything else and hands the places back (`place`), and the lines
themselves are obstacles (`line_boxes`), so no text is drawn across them and
no point label covers the guide's text. A span between two named levels
("umbilicus to pubic symphysis: 5 B-cun") is written as its length and the two
names at its ends, which keeps every piece short; the point's own distance
along it (CV4's "3 B-cun" from the umbilicus) is written beside its own stretch
of the line, and is the length nearest the point (`GuideItem.texts`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from atlas.diagram.labels import MUST, Box, Label
from atlas.diagram.sources import DiagramData, Landmark, Measure
from atlas.diagram.style import HIGHLIGHT, Z_GUIDE

if TYPE_CHECKING:
    from PySide6.QtGui import QTransform

    from atlas.diagram.markers import Marker

TICK = 7.0  # half the length of a line's end stops, in pixels
MARK = 9.0  # half the length of the tick at the point


class _Segment(NamedTuple):
    order: int  # the measure's place in the guide
    measure: Measure
    a: QPointF  # start, device pixels
    b: QPointF  # end
    length: float
    ux: float  # unit direction
    uy: float


class GuideText(NamedTuple):
    """A piece of the guide's text: a length along its line, or a place's name at an
    end of one; `anchor` in scene units, `label` what the layout needs (device)."""

    text: str
    anchor: QPointF
    label: Label
    strong: bool  # a length (framed), not a name


def span_names(label: str) -> tuple[str, str, str] | None:
    """A span's two levels and its length: 'umbilicus to pubic symphysis: 5 B-cun' is
    ('umbilicus', 'pubic symphysis', '5 B-cun'); None for another kind of measure."""
    names, colon, length = label.partition(": ")
    start, to, end = names.partition(" to ")
    return (start, end, length) if colon and to and start and end and length else None


def on_span(measure: Measure, measures: Iterable[Measure]) -> bool:
    """Whether a measure is a distance along a span of the same guide (CV4's 3 B-cun
    from the umbilicus on the 5 B-cun from the umbilicus to the pubic symphysis)."""

    def along(span: Measure, x: float, y: float) -> bool:
        dx, dy = span.x2 - span.x1, span.y2 - span.y1
        length2 = dx * dx + dy * dy
        t = ((x - span.x1) * dx + (y - span.y1) * dy) / length2 if length2 else -1.0
        off = abs((x - span.x1) * dy - (y - span.y1) * dx) / math.sqrt(length2 or 1.0)
        return -0.01 <= t <= 1.01 and off < 0.05

    return span_names(measure.label) is None and any(
        span_names(s.label) is not None
        and along(s, measure.x1, measure.y1)
        and along(s, measure.x2, measure.y2)
        for s in measures
    )


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
        self._placed: list[tuple[str, QPointF, QRectF, bool]] = []  # text, anchor, box, strong
        self.setZValue(Z_GUIDE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        xs = [v for m in measures for v in (m.x1, m.x2)]
        ys = [v for m in measures for v in (m.y1, m.y2)]
        self._rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        pad = max(self._rect.width(), self._rect.height(), 20.0) * 0.6 + 40
        self._bounds = self._rect.adjusted(-pad, -pad, pad, pad)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _segments(self, to_device: QTransform) -> Iterator[_Segment]:
        """The measured segments in device pixels (too short to draw: left out)."""
        for index, m in enumerate(self.measures):
            a = to_device.map(QPointF(m.x1, m.y1))
            b = to_device.map(QPointF(m.x2, m.y2))
            dx, dy = b.x() - a.x(), b.y() - a.y()
            length = math.hypot(dx, dy)
            if length >= 2:
                yield _Segment(index, m, a, b, length, dx / length, dy / length)

    def texts(self, to_device: QTransform) -> list[GuideText]:
        """The guide's text, each piece with where it would like to go (all must show)."""
        out: list[GuideText] = []
        height = self.metrics.height() + 2
        target = to_device.map(self.point) if self.point is not None else None
        for index, m, a, b, _length, ux, uy in self._segments(to_device):
            nx, ny = -uy, ux
            mid = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
            if target is not None:
                away = (mid.x() - target.x()) * nx + (mid.y() - target.y()) * ny
                if away < 0 or (abs(away) < 1 and nx < 0):  # the side away from the point
                    nx, ny = -nx, -ny
            span = span_names(m.label)
            text = span[2] if span else (m.label or f"{m.cun:g} {m.unit}")
            names = (span[0], span[1]) if span else self.names.get(index, ("", ""))
            if on_span(m, self.measures):
                names = ("", "")  # the span names the places at its ends
            anchor = QPointF((m.x1 + m.x2) / 2, (m.y1 + m.y2) / 2)
            at = mid
            if span and self.point is not None:
                anchor = self._total_anchor(m, self.point)
                at = to_device.map(anchor)
            width = self.metrics.horizontalAdvance(text) + 10
            label = Label(at.x(), at.y(), width, height, TICK + 2, MUST, (nx, ny))
            out.append(GuideText(text, anchor, label, True))
            for end, name, sign in ((a, names[0], -1), (b, names[1], 1)):
                if name:
                    width = self.metrics.horizontalAdvance(name) + 8
                    scene_end = QPointF(m.x1, m.y1) if sign < 0 else QPointF(m.x2, m.y2)
                    label = Label(end.x(), end.y(), width, height, 5, MUST, (ux * sign, uy * sign))
                    out.append(GuideText(name, scene_end, label, False))
        return out

    def _total_anchor(self, span: Measure, point: QPointF) -> QPointF:
        """Where a span's total wants to go (scene units): clear of the point's own
        distance along it, the text nearest the point. The first of these further
        from the point than the middle of its own distance: the middle of the span
        beyond the point (ST36's 16 B-cun, mid-leg below it), the end where no
        distance starts (CV4's 5 B-cun by the pubic symphysis, its 3 B-cun starting
        at the umbilicus), the end further from the point."""
        at = (point.x(), point.y())
        along = [m for m in self.measures if on_span(m, [span])]
        starts = [q for m in along for q in ((m.x1, m.y1), (m.x2, m.y2)) if math.dist(q, at) > 0.05]
        own = min((math.dist(((m.x1 + m.x2) / 2, (m.y1 + m.y2) / 2), at) for m in along),
                  default=0.0)  # fmt: skip
        ends = sorted(((span.x1, span.y1), (span.x2, span.y2)), key=lambda e: math.dist(e, at))
        free = [e for e in ends if not any(math.dist(e, q) < 0.05 for q in starts)]
        beyond = [((at[0] + e[0]) / 2, (at[1] + e[1]) / 2) for e in free[-1:]]
        spot = next((p for p in [*beyond, *free] if math.dist(p, at) > own), ends[-1])
        return QPointF(*spot)

    def line_boxes(self, to_device: QTransform) -> list[Box]:
        """The lines and their ticks in device pixels, as small boxes along each line
        (no text may cross them)."""
        boxes: list[Box] = []
        for _index, _m, a, _b, length, ux, uy in self._segments(to_device):
            steps = max(1, math.ceil(length / TICK))
            for k in range(steps + 1):
                t = length * k / steps
                boxes.append(Box.around(a.x() + ux * t, a.y() + uy * t, TICK))
        return boxes

    def place(
        self, texts: Sequence[GuideText], boxes: Iterable[Box | None], device: QTransform
    ) -> None:
        """Where the layout put each piece of text (device pixels, for this transform):
        kept relative to its anchor, so a scroll moves it along until the next layout."""
        placed = []
        for text, box in zip(texts, boxes, strict=True):
            if box is not None:
                at = device.map(text.anchor)
                rect = QRectF(
                    box.left - at.x(), box.top - at.y(), box.right - box.left, box.bottom - box.top
                )
                placed.append((text.text, text.anchor, rect, text.strong))
        # the bounds hold the text wherever the layout put it (the view repaints an
        # item only within them: text beyond them was left half drawn or not at all)
        reach = max(TICK, MARK) + 2  # the ticks stand out across the lines
        bounds = device.mapRect(self._rect).adjusted(-reach, -reach, reach, reach)
        for _text, anchor, rect, _strong in placed:
            bounds = bounds.united(rect.translated(device.map(anchor)).adjusted(-2, -2, 2, 2))
        bounds = device.inverted()[0].mapRect(bounds)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._placed = placed
        self.update()

    def placed(self, device: QTransform) -> list[tuple[str, QRectF]]:
        """The text as drawn: each piece and its box in device pixels."""
        return [
            (text, rect.translated(device.map(anchor))) for text, anchor, rect, _ in self._placed
        ]

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
            tick(a, TICK)  # end stops
            tick(b, TICK)
            if m.cun <= 0:
                continue
            step = length / m.cun
            every = 1 if step >= 6 else (2 if step >= 3 else 5)
            whole = math.floor(m.cun + 1e-6)
            if on_span(m, self.measures):
                whole = 0  # the span's own ticks measure a distance along it
            for k in range(1, whole + 1):
                if k % every and k != whole:
                    continue
                t = k * step
                tick(QPointF(a.x() + ux * t, a.y() + uy * t), 4)
            if m.tick_at is not None and 0 < m.tick_at <= m.cun + 1e-6:
                t = m.tick_at * step
                painter.setPen(QPen(HIGHLIGHT, 2.6))
                tick(QPointF(a.x() + ux * t, a.y() + uy * t), MARK)
        back = QColor(palette.color(QPalette.ColorRole.Base))
        back.setAlphaF(0.93)
        painter.setFont(self.font)
        for text, anchor, rect, strong in self._placed:
            at = to_device.map(anchor)
            box = rect.translated(at)
            if _far(rect):  # put further out: a fine line back to its place
                faint = QColor(ink)
                faint.setAlphaF(0.6)
                painter.setPen(QPen(faint, 1.0))
                painter.drawLine(at, box.center())
            painter.setPen(QPen(ink, 1) if strong else Qt.PenStyle.NoPen)
            painter.setBrush(back)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def _far(rect: QRectF) -> bool:
    """Whether a box (relative to its anchor) lies well beyond the anchor's own gap."""
    nearest = QPointF(
        min(max(0.0, rect.left()), rect.right()), min(max(0.0, rect.top()), rect.bottom())
    )
    return math.hypot(nearest.x(), nearest.y()) > TICK + 8


def guide_for(
    data: DiagramData, code: str, view: str, markers: Sequence[Marker], font: QFont
) -> GuideItem | None:
    """The guide of a point in a view (the right side's if it has two; of a group, the
    location that carries its label), or None."""
    measures = data.measures.get((code, view), [])
    if not measures:
        return None
    sides = [m.side for m in measures]
    side = "right" if "right" in sides else sides[0]
    labelled = {mk.part for mk in markers if mk.code == code and mk.side == side and mk.labelled}
    chosen = [m for m in measures if m.side == side and (m.part is None or m.part in labelled)]
    if not chosen:
        return None
    marks = data.landmarks.get(view, {}).values()
    names = {
        index: (_landmark_near(marks, m.x1, m.y1), _landmark_near(marks, m.x2, m.y2))
        for index, m in enumerate(chosen)
    }
    point = next((mk.pos() for mk in markers if mk.code == code and mk.side == side), None)
    return GuideItem(code, chosen, names, point, font)


def _landmark_near(marks: Iterable[Landmark], x: float, y: float) -> str:
    return next((m.name for m in marks if math.hypot(m.x - x, m.y - y) < 0.6), "")
