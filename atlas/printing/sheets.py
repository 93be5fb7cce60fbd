"""The sheets: point sheets, plan sheets, patient handouts and books.

Each document class lays itself out for a page rectangle (in points) and
paints onto a QPainter; `atlas.printing.render` sends the pages to a printer,
a preview or a PDF. No point data is written here: everything comes from the
Atlas (and the user's notes and plans from UserData).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from atlas import __version__
from atlas.core import Atlas, Point
from atlas.printing import diagram as dg
from atlas.printing.layout import (
    CAUTION,
    CAUTION_BG,
    FAINT,
    INK,
    MUTED,
    NOTE_BG,
    NOTE_EDGE,
    RULE,
    Span,
    Style,
    rule,
    tint,
)
from atlas.printing.render import PagePainter

SAFETY_LINE = "Educational reference only: treatment belongs with a licensed practitioner."
FOOTER_HEIGHT = 16.0
SECTION_GAP = 9.0
MIN_SCALE = 0.7

NoteFn = Callable[[str], str]


# --------------------------------------------------------------------------- shared pieces


def _today() -> str:
    return _dt.date.today().isoformat()


def footer(
    painter: QPainter, style: Style, page: QRectF, number: int, total: int, atlas: Atlas
) -> None:
    """Atlas version, data version, date and page number along the bottom edge."""
    y = page.bottom() - FOOTER_HEIGHT
    rule(painter, page.left(), page.right(), y + 3, RULE, 0.5)
    font = style.font(7, scaled=False)
    box = QRectF(page.left(), y + 5, page.width(), FOOTER_HEIGHT - 5)
    data = atlas.version[:8]
    left = f"Acupoint Atlas {__version__}" + (f" · data {data}" if data else "") + f" · {_today()}"
    right = f"Page {number} of {total}"
    left_w = style.metrics(font).horizontalAdvance(left) + 4
    right_w = style.metrics(font).horizontalAdvance(right) + 4
    style.line(painter, QRectF(box.left(), box.top(), left_w, box.height()), left, font, MUTED)
    style.line(painter, QRectF(box.right() - right_w, box.top(), right_w, box.height()), right,
               font, MUTED, Qt.AlignmentFlag.AlignRight)  # fmt: skip
    middle = QRectF(box.left() + left_w + 8, box.top(), box.width() - left_w - right_w - 16,
                    box.height())  # fmt: skip
    text = SAFETY_LINE
    if style.metrics(font).horizontalAdvance(text) > middle.width():
        text = "Educational reference only"
    style.line(painter, middle, text, font, MUTED, Qt.AlignmentFlag.AlignHCenter)


def section_title(
    painter: QPainter, style: Style, box: QRectF, title: str, colour: QColor
) -> float:
    """A small bold title with a hairline; returns the height used."""
    font = style.font(7.6, bold=True)
    h = style.metrics(font).height()
    style.line(painter, QRectF(box.left(), box.top(), box.width(), h), title.upper(), font, colour,
               kind="heading")  # fmt: skip
    rule(painter, box.left(), box.right(), box.top() + h + 1.5, tint(colour, 0.35), 0.6)
    return h + 4.5


def section_title_height(style: Style) -> float:
    return style.metrics(style.font(7.6, bold=True)).height() + 4.5


def sentence(text: str) -> str:
    """Capitalise the first letter (list-like fields are stored in lower case)."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def technique_rows(point: Point) -> list[tuple[str, str]]:
    angle = point.needling_angle.capitalize() if point.needled else "Not needled"
    rows = [("Angle", angle)]
    if point.needled:
        rows.append(("Depth", point.depth_text))
    if point.needling_method:
        rows.append(("Method", point.needling_method))
    if point.moxibustion:
        rows.append(("Moxibustion", point.moxibustion))
    return rows


def caution_names(atlas: Atlas, point: Point) -> list[str]:
    names = []
    for flag in point.caution_flags:
        found = atlas.caution_flag(flag)
        names.append(found.name if found else flag.replace("_", " "))
    return names


def category_names(atlas: Atlas, point: Point) -> list[str]:
    names = []
    for c in point.categories:
        found = atlas.category(c.category)
        name = found.name if found else c.category.replace("_", " ")
        names.append(f"{name} ({c.relates_to})" if c.relates_to else name)
    return names


def channel_colour(atlas: Atlas, channel: str) -> QColor:
    info = atlas.channel(channel)
    colour = QColor(info.colour) if info else QColor("#4a6a8a")
    return colour if colour.isValid() else QColor("#4a6a8a")


def darker_for_text(colour: QColor) -> QColor:
    """The channel colour, darkened enough to read as text on white."""
    hue, sat, light = colour.hslHueF(), colour.hslSaturationF(), colour.lightnessF()
    return QColor.fromHslF(max(hue, 0.0), min(1.0, sat), min(light, 0.38), 1.0)


# --------------------------------------------------------------------------- the diagram panel


@dataclass(slots=True)
class DiagramSpec:
    """What to draw in a diagram panel."""

    codes: Sequence[str]
    numbers: dict[str, str] | None = None  # code -> label on plan sheets
    guide: bool = True
    view: str | None = None


def draw_diagram_panel(
    painter: QPainter,
    style: Style,
    atlas: Atlas,
    box: QRectF,
    spec: DiagramSpec,
    caption: bool = True,
) -> None:
    """A framed panel with the cropped view, channel path, markers and measuring guide."""
    data = dg.data_for(atlas)
    painter.save()
    panel = QPainterPath()
    panel.addRoundedRect(box, 5, 5)
    painter.setPen(QPen(RULE, 0.7))
    painter.setBrush(QColor("#fbfbfa"))
    painter.drawPath(panel)
    cap_font = style.font(7, scaled=False)
    cap_h = style.metrics(cap_font).height() + 4 if caption else 0.0
    inner = box.adjusted(4, 4, -4, -4 - cap_h)
    codes = [c for c in spec.codes if data.placements_of(c)]
    view = spec.view
    if view is None:
        if len(spec.codes) == 1:
            view = dg.best_view(data, spec.codes[0])
        else:
            found = dg.views_for_points(data, spec.codes, 1)
            view = found[0] if found else None
    if view is None or view not in data.views or not codes:
        style.text(
            painter,
            inner.adjusted(10, inner.height() / 2 - 10, -10, 0),
            "No diagram is available for this point yet.",
            style.font(8, scaled=False),
            FAINT,
            kind="diagram-missing",
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        painter.restore()
        return

    # Focus: the featured placement(s) and the ends of the measuring guide.
    featured: list[dg.Placement] = []
    for code in codes:
        chosen = dg.pick_side(data.placements_of(code, view))
        if chosen is not None:
            featured.append(chosen)
            if len(spec.codes) > 1:  # plan diagrams: show both sides of bilateral points
                featured.extend(p for p in data.placements_of(code, view) if p is not chosen)
    focus = [QPointF(p.x, p.y) for p in featured]
    measures: list[dg.Measure] = []
    if spec.guide and len(codes) == 1 and featured:
        measures = dg.measures_for(data, codes[0], view, featured[0].side)
        for m in measures:
            focus += [m.p1, m.p2]
    info = data.views[view]
    aspect = inner.width() / inner.height()
    min_h = info.size.height() * (0.35 if info.kind == "full" else 0.9)
    if len(spec.codes) > 1:
        min_h = info.size.height()
    source = dg.crop_for(data, view, focus, aspect, min_h)
    dp = dg.DiagramPainter(painter, data, view, source, inner)
    dp.draw_figure()

    if len(spec.codes) == 1 and featured:
        point = atlas.point(codes[0])
        if point is not None:
            side = featured[0].side if featured[0].side != "midline" else "right"
            dp.channel_path(atlas, point.channel, side)
            if featured[0].side != "midline":
                other = "left" if side == "right" else "right"
                dp.channel_path(atlas, point.channel, other, width=1.0)
            colour = darker_for_text(channel_colour(atlas, point.channel))
            if measures:
                dp.measuring_guide(measures, style.font(6.5, bold=True, scaled=False),
                                   QColor("#3c4a57"))  # fmt: skip
            tag_font = style.font(7, bold=True, scaled=False)
            for p in data.placements_of(point.code, view):
                pos = QPointF(p.x, p.y)
                if dp.visible(pos):
                    label = point.code if p is featured[0] else ""
                    dp.marker(pos, colour, 4.4, label, tag_font)
    else:
        num_font = style.font(6, bold=True, scaled=False)
        for code in codes:
            point = atlas.point(code)
            if point is None:
                continue
            colour = darker_for_text(channel_colour(atlas, point.channel))
            label = (spec.numbers or {}).get(code, "")
            for p in data.placements_of(code, view):
                pos = QPointF(p.x, p.y)
                if dp.visible(pos):
                    dp.marker(pos, colour, 5.0, label, num_font, "number")
    if caption:
        cap_box = QRectF(box.left() + 6, box.bottom() - cap_h - 1, box.width() - 12, cap_h)
        text = info.title
        if measures:
            text += " · dashed: the measuring guide, one tick per cun"
        style.line(painter, cap_box, text, cap_font, MUTED, kind="caption")
    painter.restore()


# --------------------------------------------------------------------------- point sheet


def points_for(atlas: Atlas, codes: Sequence[str]) -> list[Point]:
    """The points the codes name, in order; KeyError names the first unknown code."""
    points = []
    for code in codes:
        point = atlas.point(code)
        if point is None:
            raise KeyError(code)
        points.append(point)
    return points


class PointSheet:
    """One page per point: names, diagram, location, technique, indications, cautions."""

    def __init__(
        self,
        atlas: Atlas,
        codes: Sequence[str],
        notes: NoteFn | None = None,
        title: str | None = None,
    ) -> None:
        self.atlas = atlas
        self.points = points_for(atlas, codes)
        self.notes = notes
        if title is None:
            title = (
                f"{self.points[0].code} {self.points[0].pinyin}"
                if len(self.points) == 1
                else f"Acupoint Atlas: {len(self.points)} point sheets"
            )
        self.title = title

    def pages(self, style: Style, page: QRectF) -> list[PagePainter]:
        total = len(self.points)
        return [self._page(style, point, i + 1, total) for i, point in enumerate(self.points)]

    def _page(self, style: Style, point: Point, number: int, total: int) -> PagePainter:
        def paint(painter: QPainter, page: QRectF) -> None:
            notes = self.notes(point.code) if self.notes else ""
            draw_point_page(painter, style, page, self.atlas, point, notes)
            footer(painter, style, page, number, total, self.atlas)

        return paint


def draw_point_page(
    painter: QPainter,
    style: Style,
    page: QRectF,
    atlas: Atlas,
    point: Point,
    notes: str = "",
    page_offset: float = 0.0,
) -> None:
    """Lay out and paint one point sheet in page (the footer is drawn by the caller)."""
    body = QRectF(page.left(), page.top(), page.width(), page.height() - FOOTER_HEIGHT - 6)
    scale = 1.0
    while True:
        style.scale = scale
        plan = _PointLayout(style, atlas, point, notes, body)
        if plan.fits() or scale <= MIN_SCALE:
            break
        scale = round(scale - 0.04, 3)
    plan.paint(painter)
    style.scale = 1.0


class _PointLayout:
    """A point sheet measured at the style's current scale."""

    GUTTER = 16.0

    def __init__(self, style: Style, atlas: Atlas, point: Point, notes: str, body: QRectF) -> None:
        self.style, self.atlas, self.point, self.notes, self.body = style, atlas, point, notes, body
        self.colour = channel_colour(atlas, point.channel)
        self.ink_colour = darker_for_text(self.colour)
        self.header_h = self._header_height()
        top = body.top() + self.header_h + 12
        left_w = (body.width() - self.GUTTER) * 0.47
        self.left = QRectF(body.left(), top, left_w, body.bottom() - top)
        self.right = QRectF(
            self.left.right() + self.GUTTER, top, body.width() - left_w - self.GUTTER,
            body.bottom() - top,
        )  # fmt: skip
        self.left_blocks = self._left_blocks()
        self.right_blocks = self._right_blocks()
        self.left_text = sum(h for h, _ in self.left_blocks)
        self.diagram_min = min(190.0, self.left.height() * 0.4)
        self.diagram_max = min(self.left.height() * 0.62, self.left.width() * 1.45)
        self.right_used = sum(h for h, _ in self.right_blocks)

    # ------------------------------------------------------------------ measuring

    def fits(self) -> bool:
        left_ok = self.left_text + self.diagram_min + 8 <= self.left.height()
        return left_ok and self.right_used <= self.right.height()

    def _header_height(self) -> float:
        s = self.style
        return (
            s.metrics(s.font(7.5, bold=True, scaled=False)).height()
            + s.metrics(s.font(26, bold=True, scaled=False)).height()
            + s.metrics(s.font(12, scaled=False)).height()
            + 4
        )

    def _section(
        self, width: float, title: str, body: str | Sequence[Span], size: float = 8.6
    ) -> tuple[float, Callable[[QPainter, QRectF], None]]:
        s = self.style
        font = s.font(size)
        para = s.layout(body, font, width)
        height = section_title_height(s) + para.height + SECTION_GAP

        def draw(painter: QPainter, box: QRectF) -> None:
            used = section_title(painter, s, box, title, self.ink_colour)
            para.draw(
                painter, QRectF(box.left(), box.top() + used, box.width(), box.height() - used),
                INK, kind="body",
            )  # fmt: skip

        return height, draw

    def _left_blocks(self) -> list[tuple[float, Callable[[QPainter, QRectF], None]]]:
        w = self.left.width()
        p = self.point
        blocks = [self._section(w, "Location", p.location or "Not yet written.")]
        if p.location_alt:
            blocks.append(self._section(w, "Alternative location (WHO)", p.location_alt))
        blocks.append(self._section(w, "How to find it", p.how_to_find or "Not yet written."))
        return blocks

    def _right_blocks(self) -> list[tuple[float, Callable[[QPainter, QRectF], None]]]:
        w = self.right.width()
        p = self.point
        blocks = [self._technique(w)]
        if p.indications:
            blocks.append(self._bullets(w, "Indications", list(p.indications), columns=2))
        if p.actions:
            blocks.append(self._section(w, "Actions", sentence(p.actions)))
        related = [c.name for c in self.atlas.conditions_for(p.code)]
        if related:
            blocks.append(self._section(w, "Conditions in this atlas", ", ".join(related), 8))
        blocks.append(self._cautions(w))
        self._fixed_right = sum(h for h, _ in blocks)
        if self.notes.strip():
            blocks.append(self._notes(w))
        return blocks

    def _technique(self, width: float) -> tuple[float, Callable[[QPainter, QRectF], None]]:
        s = self.style
        font = s.font(8.6)
        bold = s.font(8.6, bold=True)
        key_w = max(s.metrics(bold).horizontalAdvance(k) for k in ("Moxibustion",)) + 8
        rows = []
        for key, value in technique_rows(self.point):
            para = s.layout(value, font, width - key_w)
            rows.append((key, para))
        gap = 3.0
        height = section_title_height(s) + sum(r.height + gap for _, r in rows) + SECTION_GAP

        def draw(painter: QPainter, box: QRectF) -> None:
            y = box.top() + section_title(painter, s, box, "Technique", self.ink_colour)
            for key, para in rows:
                s.line(painter, QRectF(box.left(), y, key_w, s.metrics(bold).height()), key, bold,
                       MUTED)  # fmt: skip
                para.draw(painter, QRectF(box.left() + key_w, y, width - key_w, box.bottom() - y),
                          INK, kind="body")  # fmt: skip
                y += para.height + gap

        return height, draw

    def _bullets(
        self, width: float, title: str, items: list[str], columns: int = 2
    ) -> tuple[float, Callable[[QPainter, QRectF], None]]:
        s = self.style
        font = s.font(8.6)
        col_gap = 10.0
        longest = max(s.metrics(font).horizontalAdvance("• " + t) for t in items)
        if longest > (width - col_gap) / 2 - 4:
            columns = 1
        col_w = (width - col_gap * (columns - 1)) / columns
        per_col = -(-len(items) // columns)
        cols = [items[i * per_col : (i + 1) * per_col] for i in range(columns)]
        bullet_w = s.metrics(font).horizontalAdvance("•\u2002")
        paras = [[s.layout(t, font, col_w - bullet_w) for t in col] for col in cols]
        gap = 1.5
        col_heights = [sum(p.height + gap for p in col) for col in paras]
        height = section_title_height(s) + max(col_heights) + SECTION_GAP

        def draw(painter: QPainter, box: QRectF) -> None:
            top = box.top() + section_title(painter, s, box, title, self.ink_colour)
            for index, col in enumerate(paras):
                x = box.left() + index * (col_w + col_gap)
                y = top
                for para in col:
                    s.line(painter, QRectF(x, y, bullet_w, s.metrics(font).height()), "•", font,
                           self.ink_colour, kind="bullet")  # fmt: skip
                    para.draw(painter, QRectF(x + bullet_w, y, col_w - bullet_w, box.bottom() - y),
                              INK, kind="body")  # fmt: skip
                    y += para.height + gap

        return height, draw

    def _cautions(self, width: float) -> tuple[float, Callable[[QPainter, QRectF], None]]:
        s = self.style
        pad = 7.0
        title_font = s.font(8.4, bold=True)
        flags = caution_names(self.atlas, self.point)
        head = "⚠\u2002Cautions" + (": " + ", ".join(flags) if flags else "")
        head_para = s.layout(head, title_font, width - 2 * pad)
        text = self.point.cautions or "No special cautions are recorded."
        para = s.layout(text, s.font(8.6), width - 2 * pad)
        safety = s.layout(SAFETY_LINE, s.font(7.2), width - 2 * pad)
        inner = head_para.height + 3 + para.height + 4 + safety.height
        height = inner + 2 * pad + SECTION_GAP

        def draw(painter: QPainter, box: QRectF) -> None:
            frame = QRectF(box.left(), box.top(), box.width(), inner + 2 * pad)
            painter.save()
            painter.setPen(QPen(CAUTION, 1.1))
            painter.setBrush(CAUTION_BG)
            painter.drawRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CAUTION)
            painter.drawRect(QRectF(frame.left() + 0.5, frame.top() + 4, 3, frame.height() - 8))
            painter.restore()
            x, y, w = frame.left() + pad, frame.top() + pad, width - 2 * pad
            head_para.draw(painter, QRectF(x, y, w, head_para.height + 0.5), CAUTION, "caution")
            y += head_para.height + 3
            para.draw(painter, QRectF(x, y, w, para.height + 0.5), INK, "caution")
            y += para.height + 4
            safety.draw(painter, QRectF(x, y, w, safety.height + 0.5), MUTED, "caution")

        return height, draw

    def _notes(self, width: float) -> tuple[float, Callable[[QPainter, QRectF], None]]:
        s = self.style
        pad = 6.0
        font = s.font(8.4)
        para = s.layout(self.notes.strip(), font, width - 2 * pad)
        title_h = section_title_height(s)
        min_h = title_h + s.line_height(font) * 3 + 2 * pad
        natural = title_h + para.height + 2 * pad + 2

        # Notes never push the reference text off the page: they take what is left.
        height = min(natural, max(min_h, self.right.height() - self._fixed_right))

        def draw(painter: QPainter, box: QRectF) -> None:
            room = min(box.height(), height)
            frame = QRectF(box.left(), box.top(), box.width(), room)
            painter.save()
            painter.setPen(QPen(NOTE_EDGE, 0.8))
            painter.setBrush(NOTE_BG)
            painter.drawRoundedRect(frame, 4, 4)
            painter.restore()
            inner = frame.adjusted(pad, pad - 2, -pad, -pad)
            used = section_title(painter, s, inner, "Your notes", QColor("#7a6a1e"))
            para.draw(
                painter, QRectF(inner.left(), inner.top() + used, inner.width(),
                                inner.height() - used), INK, kind="notes",
            )  # fmt: skip

        return height, draw

    # ------------------------------------------------------------------ painting

    def paint(self, painter: QPainter) -> None:
        self._paint_header(painter)
        # Left: diagram, then location texts.
        left_room = self.left.height() - self.left_text - 8
        diagram_h = max(self.diagram_min, min(self.diagram_max, left_room))
        diagram_box = QRectF(self.left.left(), self.left.top(), self.left.width(), diagram_h)
        draw_diagram_panel(painter, self.style, self.atlas, diagram_box,
                           DiagramSpec([self.point.code]))  # fmt: skip
        y = diagram_box.bottom() + 10
        for height, draw in self.left_blocks:
            box = QRectF(self.left.left(), y, self.left.width(), max(0.0, self.left.bottom() - y))
            draw(painter, box)
            y += height
        y = self.right.top()
        for height, draw in self.right_blocks:
            box = QRectF(
                self.right.left(), y, self.right.width(), max(0.0, self.right.bottom() - y)
            )
            draw(painter, box)
            y += height

    def _paint_header(self, painter: QPainter) -> None:
        s, p, body = self.style, self.point, self.body
        channel = self.atlas.channel(p.channel)
        small = s.font(7.5, bold=True, scaled=False)
        small_h = s.metrics(small).height()
        # Kicker: channel, in its colour.
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(QRectF(body.left(), body.top() + 1.5, 12, small_h - 3), 2, 2)
        painter.restore()
        if channel is not None:
            count = f" · point {p.number} of {channel.point_count}" if p.channel != "EX" else ""
            kicker = f"{channel.english} {channel.hanzi}{count}".upper()
        else:
            kicker = p.channel
        region = self.atlas.region(p.region)
        s.line(painter, QRectF(body.left() + 17, body.top(), body.width() * 0.7, small_h), kicker,
               small, self.ink_colour, kind="header")  # fmt: skip
        if region is not None:
            s.line(painter, QRectF(body.right() - 160, body.top(), 160, small_h),
                   f"Region: {region.name}", s.font(7.5, scaled=False), MUTED,
                   Qt.AlignmentFlag.AlignRight, kind="header")  # fmt: skip
        # Code, pinyin, hanzi.
        big = s.font(26, bold=True, scaled=False)
        mid = s.font(19, bold=True, scaled=False)
        han = s.font(19, scaled=False)
        y = body.top() + small_h
        big_h = s.metrics(big).height()
        code_w = s.metrics(big).horizontalAdvance(p.code) + 12
        s.line(painter, QRectF(body.left(), y, code_w, big_h), p.code, big, self.ink_colour,
               kind="title")  # fmt: skip
        x = body.left() + code_w + 4
        pin_w = s.metrics(mid).horizontalAdvance(p.pinyin_tones) + 10
        mid_h = s.metrics(mid).height()
        base_y = y + (big_h - mid_h) / 2 + 1
        room = body.right() - x
        s.line(painter, QRectF(x, base_y, min(pin_w, room), mid_h), p.pinyin_tones, mid, INK,
               kind="title")  # fmt: skip
        hanzi = p.hanzi if p.hanzi == p.hanzi_simplified else f"{p.hanzi}  {p.hanzi_simplified}"
        hx = x + pin_w + 4
        s.line(painter, QRectF(hx, base_y, max(0.0, body.right() - hx), mid_h), hanzi, han, INK,
               kind="title")  # fmt: skip
        # English name, aliases; categories on the right.
        y += big_h
        eng = s.font(12, scaled=False)
        eng_h = s.metrics(eng).height()
        english = p.english + (f"  ·  also {', '.join(p.aliases)}" if p.aliases else "")
        cats = category_names(self.atlas, p)
        pill_font = s.font(7.2, bold=True, scaled=False)
        pills_w = sum(s.metrics(pill_font).horizontalAdvance(c) + 14 for c in cats)
        pills_w = min(pills_w, body.width() * 0.6)
        s.line(painter, QRectF(body.left(), y, body.width() - pills_w - 8, eng_h), english, eng,
               MUTED, kind="title")  # fmt: skip
        px = body.right()
        for name in reversed(cats):
            w = s.metrics(pill_font).horizontalAdvance(name) + 10
            if px - w < body.right() - pills_w - 1:
                break
            box = QRectF(px - w, y + 2, w, eng_h - 4)
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint(self.colour, 0.16))
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.restore()
            s.line(painter, box, name, pill_font, self.ink_colour, Qt.AlignmentFlag.AlignHCenter,
                   kind="pill")  # fmt: skip
            px -= w + 4
        y += eng_h + 2
        rule(painter, body.left(), body.right(), y + 2, self.colour, 1.6)
