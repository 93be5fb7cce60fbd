"""The plan sheet: a treatment plan's points on the body, in a table, with session notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from atlas.core import Atlas, Point
from atlas.core.userdata import Plan
from atlas.printing import diagram as dg
from atlas.printing.layout import (
    CAUTION,
    CAUTION_BG,
    INK,
    MUTED,
    PANEL,
    RULE,
    Span,
    Style,
    rule,
)
from atlas.printing.panels import channel_colour, darker_for_text, plan_picture
from atlas.printing.render import PagePainter
from atlas.printing.sheets import FOOTER_HEIGHT, SAFETY_LINE, caution_names, footer

ACCENT = QColor("#2f5d7c")
NEEDLE_RANGE = (5, 20)

Draw = Callable[[QPainter, QRectF], None]


@dataclass(slots=True)
class _Item:
    height: float
    draw: Draw
    repeat_header: bool = False  # a table row: the table header goes above it on a new page


def needle_count(points: list[Point]) -> int:
    """Needles for one session: bilateral points count twice."""
    return sum(2 if p.is_bilateral else 1 for p in points)


class PlanSheet:
    """The plan on paper: diagrams, a table of its points, session guidance, notes."""

    def __init__(self, atlas: Atlas, plan: Plan, code_style: str = "who") -> None:
        self.atlas = atlas
        self.plan = plan
        self.code_style = code_style
        self.points = [p for p in (atlas.point(c) for c in plan.codes) if p is not None]
        self.missing = [c for c in plan.codes if atlas.point(c) is None]
        self.title = f"Treatment plan: {plan.name}"

    # ------------------------------------------------------------------ pagination

    def pages(self, style: Style, page: QRectF) -> list[PagePainter]:
        body_bottom = page.bottom() - FOOTER_HEIGHT - 6
        header_h = self._header_height(style)
        items = self._items(style, page.width())
        table_head_h, table_head = self._table_header(style, page.width())
        groups: list[list[tuple[float, Draw]]] = [[]]
        y = page.top() + header_h
        for item in items:
            top_of_page = not groups[-1]
            if y + item.height > body_bottom and not top_of_page:
                groups.append([])
                y = page.top() + self._running_height(style)
                if item.repeat_header:
                    groups[-1].append((table_head_h, table_head))
                    y += table_head_h
            groups[-1].append((item.height, item.draw))
            y += item.height
        total = len(groups)

        def make(index: int, group: list[tuple[float, Draw]]) -> PagePainter:
            def paint(painter: QPainter, rect: QRectF) -> None:
                if index == 0:
                    y = rect.top() + self._draw_header(painter, style, rect)
                else:
                    y = rect.top() + self._draw_running(painter, style, rect)
                for height, draw in group:
                    draw(
                        painter, QRectF(rect.left(), y, rect.width(), min(height, body_bottom - y))
                    )
                    y += height
                footer(painter, style, rect, index + 1, total, self.atlas)

            return paint

        return [make(i, g) for i, g in enumerate(groups)]

    # ------------------------------------------------------------------ header

    def _header_height(self, style: Style) -> float:
        return (
            style.metrics(style.font(7.5, True)).height()
            + style.metrics(style.font(22, True)).height()
            + style.metrics(style.font(10)).height()
            + 14
        )

    def _draw_header(self, painter: QPainter, style: Style, page: QRectF) -> float:
        s = style
        y = page.top()
        small = s.font(7.5, True)
        h = s.metrics(small).height()
        s.line(painter, QRectF(page.left(), y, page.width(), h), "TREATMENT PLAN", small, ACCENT,
               kind="header")  # fmt: skip
        y += h
        big = s.font(22, True)
        h = s.metrics(big).height()
        s.line(painter, QRectF(page.left(), y, page.width(), h), self.plan.name, big, INK,
               kind="title")  # fmt: skip
        y += h
        needles = needle_count(self.points)
        low, high = NEEDLE_RANGE
        sub = (
            f"{len(self.points)} points · {needles} needles per session"
            f" (bilateral points count twice; a usual range is {low} to {high})"
        )
        font = s.font(10)
        h = s.metrics(font).height()
        s.line(painter, QRectF(page.left(), y, page.width(), h), sub, font, MUTED, kind="title")
        y += h + 6
        rule(painter, page.left(), page.right(), y, ACCENT, 1.6)
        return y + 8 - page.top()

    def _running_height(self, style: Style) -> float:
        return style.metrics(style.font(8, True)).height() + 10

    def _draw_running(self, painter: QPainter, style: Style, page: QRectF) -> float:
        font = style.font(8, True)
        h = style.metrics(font).height()
        style.line(painter, QRectF(page.left(), page.top(), page.width(), h),
                   f"{self.plan.name} (continued)", font, MUTED, kind="header")  # fmt: skip
        rule(painter, page.left(), page.right(), page.top() + h + 3, RULE, 0.6)
        return h + 10

    # ------------------------------------------------------------------ content

    def _items(self, style: Style, width: float) -> list[_Item]:
        items: list[_Item] = []
        numbers = {p.code: str(i + 1) for i, p in enumerate(self.points)}
        data = dg.data_for(self.atlas)
        views = dg.views_for_points(data, [p.code for p in self.points], 3)
        if views:
            height = 270.0 if len(views) > 1 else 300.0

            def draw_views(painter: QPainter, box: QRectF) -> None:
                gap = 10.0
                count = len(views)
                w = (box.width() - gap * (count - 1)) / count
                if count == 1:
                    w = min(box.width(), 260.0)
                for i, view in enumerate(views):
                    x = box.left() + i * (w + gap)
                    panel = QRectF(x, box.top(), w, min(box.height(), height) - 10)
                    plan_picture(painter, style, self.atlas, panel, view, numbers)

            items.append(_Item(height, draw_views))
        head_h, head = self._table_header(style, width)
        items.append(_Item(head_h, head))
        for index, point in enumerate(self.points):
            items.append(self._row(style, width, index + 1, point))
        if self.missing:
            text = "Not in this atlas (left out): " + ", ".join(self.missing)
            para = style.layout(text, style.font(8), width)

            def draw_missing(painter: QPainter, box: QRectF) -> None:
                para.draw(painter, box, CAUTION, "body")

            items.append(_Item(para.height + 6, draw_missing))
        items.append(self._guidance(style, width))
        items.append(self._notes(style, width))
        return items

    def _columns(self, width: float) -> list[tuple[str, float]]:
        fractions = [("#", 0.04), ("Point", 0.2), ("Location", 0.31), ("Technique", 0.15),
                     ("Cautions", 0.3)]  # fmt: skip
        return [(name, width * f) for name, f in fractions]

    def _table_header(self, style: Style, width: float) -> tuple[float, Draw]:
        font = style.font(7.5, True)
        h = style.metrics(font).height() + 8

        def draw(painter: QPainter, box: QRectF) -> None:
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PANEL)
            painter.drawRect(QRectF(box.left(), box.top() + 4, box.width(), h - 4))
            painter.restore()
            x = box.left()
            for name, w in self._columns(width):
                style.line(painter, QRectF(x + 3, box.top() + 4, w - 6, h - 4), name.upper(),
                           font, MUTED, kind="table-head")  # fmt: skip
                x += w

        return h, draw

    def _row(self, style: Style, width: float, number: int, point: Point) -> _Item:
        s = style
        cols = self._columns(width)
        font = s.font(8)
        small = s.font(7.4)
        colour = darker_for_text(channel_colour(self.atlas, point.channel))
        name = [
            Span(point.code, True, colour),
            Span(f"  {point.pinyin_tones} {point.hanzi}\n"),
            Span(point.english),
        ]
        technique = (
            f"{point.needling_angle.capitalize()}, {point.depth_text}"
            if point.needled
            else "Not needled"
        )
        if point.moxibustion:
            technique += f".\nMoxibustion: {point.moxibustion.split('.')[0].split(':')[0]}"
        flags = caution_names(self.atlas, point)
        cautions: list[Span] = []
        if flags:
            cautions.append(Span(", ".join(flags) + ". ", True, CAUTION))
        cautions.append(Span(point.cautions))
        cells = [
            s.layout(str(number), s.font(8, True), cols[0][1] - 6),
            s.layout(name, font, cols[1][1] - 6),
            s.layout(point.location, small, cols[2][1] - 6),
            s.layout(technique, small, cols[3][1] - 6),
            s.layout(cautions, small, cols[4][1] - 6),
        ]
        height = max(c.height for c in cells) + 10

        def draw(painter: QPainter, box: QRectF) -> None:
            x = box.left()
            for (_, w), cell in zip(cols, cells, strict=True):
                colour_ = INK
                cell.draw(painter, QRectF(x + 3, box.top() + 5, w - 6, box.height() - 6), colour_,
                          kind="table")  # fmt: skip
                x += w
            rule(painter, box.left(), box.right(), box.top() + height - 0.5, RULE, 0.5)

        return _Item(height, draw, repeat_header=True)

    def _guidance(self, style: Style, width: float) -> _Item:
        s = style
        needles = needle_count(self.points)
        _low, high = NEEDLE_RANGE
        lines = [
            [Span("Needles per session: ", True), Span(f"{needles}")]
            + (
                [Span(f"  (more than the usual {high}: consider fewer points)", False, CAUTION)]
                if needles > high
                else []
            ),
            [Span("Retention: ", True),
             Span("________ minutes (commonly 20 to 30 minutes for adults)")],
            [Span("Sessions: ", True),
             Span("________ in all, ________ per week (a course is commonly 6 to 12 sessions, "
                  "then reviewed)")],
            [Span("Next review: ", True), Span("________________")],
        ]  # fmt: skip
        font = s.font(8.6)
        paras = [s.layout(line, font, width - 20) for line in lines]
        safety = s.layout(SAFETY_LINE, s.font(7.4), width - 20)
        title_h = s.metrics(s.font(7.6, True)).height() + 6
        inner = title_h + sum(p.height + 5 for p in paras) + safety.height
        height = inner + 20 + 10

        def draw(painter: QPainter, box: QRectF) -> None:
            frame = QRectF(box.left(), box.top() + 8, box.width(), inner + 16)
            painter.save()
            painter.setPen(QPen(ACCENT, 0.8))
            painter.setBrush(QColor("#f3f7fa"))
            painter.drawRoundedRect(frame, 4, 4)
            painter.restore()
            x, y = frame.left() + 10, frame.top() + 8
            s.line(painter, QRectF(x, y, width - 20, title_h - 6), "SESSION GUIDANCE",
                   s.font(7.6, True), ACCENT, kind="heading")  # fmt: skip
            y += title_h
            for para in paras:
                para.draw(painter, QRectF(x, y, width - 20, para.height + 1), INK, "body")
                y += para.height + 5
            safety.draw(painter, QRectF(x, y, width - 20, safety.height + 1), MUTED, "body")

        return _Item(height, draw)

    def _notes(self, style: Style, width: float) -> _Item:
        s = style
        text = self.plan.notes.strip()
        font = s.font(8.6)
        para = s.layout(text, font, width - 20) if text else None
        title_h = s.metrics(s.font(7.6, True)).height() + 6
        line_gap = 20.0
        ruled = 6
        height = 12 + title_h + (para.height + 8 if para else 0) + ruled * line_gap + 8

        def draw(painter: QPainter, box: QRectF) -> None:
            frame = QRectF(box.left(), box.top() + 8, box.width(), box.height() - 8)
            painter.save()
            painter.setPen(QPen(RULE, 0.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 4, 4)
            painter.restore()
            x, y = frame.left() + 10, frame.top() + 8
            s.line(painter, QRectF(x, y, width - 20, title_h - 6), "PRACTITIONER'S NOTES",
                   s.font(7.6, True), ACCENT, kind="heading")  # fmt: skip
            y += title_h
            if para is not None:
                used = para.draw(painter, QRectF(x, y, width - 20, frame.bottom() - y - 4), INK,
                                 "notes")  # fmt: skip
                y += used + 8
            y += line_gap
            while y < frame.bottom() - 6:
                rule(painter, x, frame.right() - 10, y, RULE, 0.5)
                y += line_gap

        return _Item(height, draw)


__all__ = ["CAUTION_BG", "PlanSheet", "needle_count"]
