"""The plan sheet: a treatment plan as a clinic uses it in the treatment room.

The patient, the date, the session of the course, retention and stimulation at
the top (filled in from the saved plan, or left as lines to write on); the
points on the body, numbered, with every location marked; a table of the
points with the side each is needled on and its needles; the needle count
(every location on every side, nothing for a point that is not needled);
session guidance and the practitioner's notes. All its type is 8.5 points or
more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from atlas.core import Atlas, Point
from atlas.core.codes import format_code
from atlas.core.userdata import Plan
from atlas.printing import diagram as dg
from atlas.printing.layout import CAUTION, INK, MUTED, PANEL, RULE, Span, Style, rule
from atlas.printing.panels import channel_colour, darker_for_text, plan_picture
from atlas.printing.render import PagePainter
from atlas.printing.sheets import FOOTER_HEIGHT, SAFETY_LINE, caution_names, footer, in_style

ACCENT = QColor("#2f5d7c")
NEEDLE_RANGE = (5, 20)
#: The smallest type on a plan sheet (points).
TYPE = 8.5
BLANK = "____________"

Draw = Callable[[QPainter, QRectF], None]


@dataclass(slots=True)
class _Item:
    height: float
    draw: Draw
    repeat_header: bool = False  # a table row: the table header goes above it on a new page


class Clinic(NamedTuple):
    """What a clinic writes on a plan ('' or None where it is not filled in)."""

    patient: str = ""
    date: str = ""
    session: int | None = None
    sessions: int | None = None
    retention: int | None = None  # minutes
    stimulation: str = ""  # manual or electric

    @classmethod
    def of(cls, plan: Plan) -> Clinic:
        return cls(plan.patient, plan.date, plan.session, plan.sessions, plan.retention,
                   plan.stimulation)  # fmt: skip


def side_of(plan: Plan, point: Point) -> str:
    """The side a point of the plan is needled on: left, right or both ('' on the
    midline); both where the plan does not say."""
    return plan.side_of(point.code) or ("both" if point.is_bilateral else "")


class PlanSheet:
    """The plan on paper: the clinic's fields, the points on the body and in a table,
    the needles, session guidance and notes."""

    def __init__(self, atlas: Atlas, plan: Plan, code_style: str = "who") -> None:
        self.atlas = atlas
        self.plan = plan
        self.code_style = code_style
        self.clinic = Clinic.of(plan)
        self.points = [p for p in (atlas.point(c) for c in plan.codes) if p is not None]
        self.missing = [c for c in plan.codes if atlas.point(c) is None]
        self.sides = {p.code: side_of(plan, p) for p in self.points}
        # one needle per location on each side it is needled (Atlas.needle_count)
        self.needles = {p.code: atlas.needle_count(p.code, self.sides[p.code] or "both")
                        for p in self.points}  # fmt: skip
        self.title = f"Treatment plan: {plan.name}"

    @property
    def needle_count(self) -> int:
        """Needles for one session: every location of every point on its sides."""
        return sum(self.needles.values())

    # ------------------------------------------------------------------ pagination

    def pages(self, style: Style, page: QRectF) -> list[PagePainter]:
        body_bottom = page.bottom() - FOOTER_HEIGHT - 6
        header_h = self._header_height(style, page.width())
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
                footer(painter, style, rect, index + 1, total, self.atlas, size=TYPE)

            return paint

        return [make(i, g) for i, g in enumerate(groups)]

    # ------------------------------------------------------------------ header

    def _fields(self) -> list[list[Span]]:
        """The clinic's fields, as written (or blank lines to write on)."""
        c = self.clinic
        session = f"{c.session or '____'} of {c.sessions or '____'}"
        retention = f"{c.retention} minutes" if c.retention else "______ minutes"
        stimulation = {"manual": "manual", "electric": "electric"}.get(
            c.stimulation, "☐ manual   ☐ electric"
        )
        return [
            [Span("Patient  ", True, MUTED), Span(c.patient or BLANK * 2)],
            [Span("Date  ", True, MUTED), Span(c.date or BLANK)],
            [Span("Session  ", True, MUTED), Span(session)],
            [Span("Retention  ", True, MUTED), Span(retention)],
            [Span("Stimulation  ", True, MUTED), Span(stimulation)],
        ]

    def _count_line(self) -> str:
        unneeded = [format_code(p.code, self.code_style) for p in self.points
                    if not self.needles[p.code]]  # fmt: skip
        line = (
            f"{len(self.points)} points · {self.needle_count} needles per session: one for each"
            " location of a point on each side it is needled"
        )
        if unneeded:
            line += f"; {', '.join(unneeded)} {'is' if len(unneeded) == 1 else 'are'} not needled"
        return line + "."

    def _header_height(self, style: Style, width: float) -> float:
        s = style
        fields = s.metrics(s.font(TYPE + 1)).height() + 6
        count = s.layout(self._count_line(), s.font(TYPE + 1), width).height
        return (
            s.metrics(s.font(TYPE, True)).height()
            + s.metrics(s.font(22, True)).height()
            + 2 * fields
            + count
            + 18
        )

    def _draw_header(self, painter: QPainter, style: Style, page: QRectF) -> float:
        s = style
        y = page.top()
        small = s.font(TYPE, True)
        h = s.metrics(small).height()
        s.line(painter, QRectF(page.left(), y, page.width(), h), "TREATMENT PLAN", small, ACCENT,
               kind="header")  # fmt: skip
        y += h
        big = s.font(22, True)
        h = s.metrics(big).height()
        s.line(painter, QRectF(page.left(), y, page.width(), h), self.plan.name, big, INK,
               kind="title")  # fmt: skip
        y += h + 2
        # The clinic's fields in two rows: patient and date; session, retention, stimulation.
        font = s.font(TYPE + 1)
        row_h = s.metrics(font).height() + 6
        fields = self._fields()
        for row, widths in ((fields[:2], (0.62, 0.38)), (fields[2:], (0.3, 0.3, 0.4))):
            x = page.left()
            for spans, share in zip(row, widths, strict=True):
                w = page.width() * share
                s.text(painter, QRectF(x, y + 2, w - 10, row_h), spans, font, INK, kind="field")
                x += w
            y += row_h
        font = s.font(TYPE + 1)
        y += s.text(painter, QRectF(page.left(), y + 2, page.width(), 60), self._count_line(),
                    font, MUTED, kind="title") + 6  # fmt: skip
        rule(painter, page.left(), page.right(), y, ACCENT, 1.6)
        return y + 8 - page.top()

    def _running_height(self, style: Style) -> float:
        return style.metrics(style.font(TYPE, True)).height() + 10

    def _draw_running(self, painter: QPainter, style: Style, page: QRectF) -> float:
        font = style.font(TYPE, True)
        h = style.metrics(font).height()
        patient = f" · {self.clinic.patient}" if self.clinic.patient else ""
        text = f"{self.plan.name}{patient} (continued)"
        style.line(painter, QRectF(page.left(), page.top(), page.width(), h), text, font, MUTED,
                   kind="header")  # fmt: skip
        rule(painter, page.left(), page.right(), page.top() + h + 3, RULE, 0.6)
        return h + 10

    # ------------------------------------------------------------------ content

    def _items(self, style: Style, width: float) -> list[_Item]:
        items: list[_Item] = []
        numbers = {p.code: str(i + 1) for i, p in enumerate(self.points)}
        data = dg.data_for(self.atlas)
        views = dg.views_for_points(data, [p.code for p in self.points], 3)
        if views:
            height = 330.0

            def draw_views(painter: QPainter, box: QRectF) -> None:
                gap = 10.0
                count = len(views)
                w = (box.width() - gap * (count - 1)) / count
                if count == 1:
                    w = min(box.width(), 280.0)
                for i, view in enumerate(views):
                    x = box.left() + i * (w + gap)
                    panel = QRectF(x, box.top(), w, min(box.height(), height) - 10)
                    plan_picture(painter, style, self.atlas, panel, view, numbers, TYPE)

            items.append(_Item(height, draw_views))
        head_h, head = self._table_header(style, width)
        items.append(_Item(head_h, head))
        for index, point in enumerate(self.points):
            items.append(self._row(style, width, index + 1, point))
        if self.missing:
            text = "Not in this atlas (left out): " + ", ".join(self.missing)
            para = style.layout(text, style.font(TYPE), width)

            def draw_missing(painter: QPainter, box: QRectF) -> None:
                para.draw(painter, box, CAUTION, "body")

            items.append(_Item(para.height + 6, draw_missing))
        items.append(self._guidance(style, width))
        items.append(self._notes(style, width))
        return items

    def _columns(self, width: float) -> list[tuple[str, float]]:
        fractions = [("#", 0.035), ("Point", 0.22), ("Location", 0.27), ("Technique", 0.16),
                     ("Cautions", 0.315)]  # fmt: skip
        return [(name, width * f) for name, f in fractions]

    def _table_header(self, style: Style, width: float) -> tuple[float, Draw]:
        font = style.font(TYPE, True)
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
        font = s.font(TYPE + 0.5)
        small = s.font(TYPE)
        colour = darker_for_text(channel_colour(self.atlas, point.channel))
        shown = in_style(point, self.code_style)
        count = self.needles[point.code]
        side = self.sides[point.code]
        where = f"{side} sides" if side == "both" else (f"{side} side" if side else "midline")
        name = [
            Span(format_code(point.code, self.code_style), True, colour),
            Span(f"  {point.pinyin_tones} {point.hanzi}\n"),
            Span(point.english + "\n"),
            Span(where.capitalize() + (f" · {count} needle{'s' if count != 1 else ''}"
                                       if count else " · not needled"), True, MUTED),
        ]  # fmt: skip
        # "not needled" is said once, beside the count: not again as technique or flag
        lines = []
        if point.needled:
            lines.append(f"{point.needling_angle.capitalize()}, {point.depth_text}.")
        if point.moxibustion:
            verdict = shown.moxibustion.split(".")[0].split(":")[0]
            lines.append(f"Moxibustion: {verdict[:1].lower()}{verdict[1:]}")
        technique = "\n".join(lines)
        names = caution_names(self.atlas, point)
        flags = [n for f, n in zip(point.caution_flags, names, strict=True) if f != "no_needling"]
        cautions: list[Span] = []
        if flags:
            cautions.append(Span(", ".join(flags) + ". ", True, CAUTION))
        cautions.append(Span(shown.cautions))
        cells = [
            s.layout(str(number), s.font(TYPE + 0.5, True), cols[0][1] - 6),
            s.layout(name, font, cols[1][1] - 6),
            s.layout(shown.location, small, cols[2][1] - 6),
            s.layout(technique, small, cols[3][1] - 6),
            s.layout(cautions, small, cols[4][1] - 6),
        ]
        height = max(c.height for c in cells) + 10

        def draw(painter: QPainter, box: QRectF) -> None:
            x = box.left()
            for (_, w), cell in zip(cols, cells, strict=True):
                cell.draw(painter, QRectF(x + 3, box.top() + 5, w - 6, box.height() - 6), INK,
                          kind="table")  # fmt: skip
                x += w
            rule(painter, box.left(), box.right(), box.top() + height - 0.5, RULE, 0.5)

        return _Item(height, draw, repeat_header=True)

    def _guidance(self, style: Style, width: float) -> _Item:
        s = style
        count = self.needle_count
        low, high = NEEDLE_RANGE
        c = self.clinic
        lines = [
            [Span("Needles per session: ", True), Span(f"{count}")]
            + (
                [Span(f"  (more than the usual {high}: consider fewer points)", False, CAUTION)]
                if count > high
                else [Span(f"  (a usual range is {low} to {high})", False, MUTED)]
            ),
            [Span("Retention: ", True),
             Span(f"{c.retention} minutes" if c.retention
                  else "______ minutes (commonly 20 to 30 minutes for adults)")],
            [Span("Course: ", True),
             Span(f"session {c.session or '____'} of {c.sessions or '____'}"
                  " (a course is commonly 6 to 12 sessions, then reviewed)")],
            [Span("Next review: ", True), Span("________________")],
        ]  # fmt: skip
        font = s.font(TYPE + 0.5)
        paras = [s.layout(line, font, width - 20) for line in lines]
        safety = s.layout(SAFETY_LINE, s.font(TYPE), width - 20)
        heading = s.font(TYPE, True)
        title_h = s.metrics(heading).height() + 6
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
            s.line(painter, QRectF(x, y, width - 20, title_h - 6), "SESSION GUIDANCE", heading,
                   ACCENT, kind="heading")  # fmt: skip
            y += title_h
            for para in paras:
                para.draw(painter, QRectF(x, y, width - 20, para.height + 1), INK, "body")
                y += para.height + 5
            safety.draw(painter, QRectF(x, y, width - 20, safety.height + 1), MUTED, "body")

        return _Item(height, draw)

    def _notes(self, style: Style, width: float) -> _Item:
        s = style
        text = self.plan.notes.strip()
        font = s.font(TYPE + 0.5)
        para = s.layout(text, font, width - 20) if text else None
        heading = s.font(TYPE, True)
        title_h = s.metrics(heading).height() + 6
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
                   heading, ACCENT, kind="heading")  # fmt: skip
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


__all__ = ["Clinic", "PlanSheet"]
