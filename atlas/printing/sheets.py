"""The point sheet (`PointSheet`, `draw_point_page`) and the pieces every sheet
shares (the footer, section titles, technique rows, category and caution names,
codes in the chosen style). The plan sheet, the handout and the book are in
`plan`, `handout` and `book`.

Each document class lays itself out for a page rectangle (in points) and
paints onto a QPainter; `atlas.printing.render` sends the pages to a printer,
a preview or a PDF. No point data is written here: everything comes from the
Atlas (and the user's notes and plans from UserData).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from atlas import __version__
from atlas.core import Atlas, Point
from atlas.core.codes import CODE_STYLES, format_code, format_codes_in
from atlas.printing.layout import (
    CAUTION,
    CAUTION_BG,
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
from atlas.printing.panels import channel_colour, darker_for_text, point_picture
from atlas.printing.render import PagePainter

SAFETY_LINE = "Educational reference only: treatment belongs with a licensed practitioner."
FOOTER_HEIGHT = 18.0  # room for its line at 8.5 points (plan sheets)
SECTION_GAP = 9.0
MIN_SCALE = 0.7

NoteFn = Callable[[str], str]


# --------------------------------------------------------------------------- shared pieces


def _today() -> str:
    return _dt.date.today().isoformat()


def footer(
    painter: QPainter,
    style: Style,
    page: QRectF,
    number: int,
    total: int,
    atlas: Atlas,
    label: str | None = None,
    size: float = 7.0,
) -> None:
    """Atlas version, data version, date and page number ("Page 3 of 9", or the page's
    label in a book: "Page ii", "Page 12") along the bottom edge."""
    y = page.bottom() - FOOTER_HEIGHT
    rule(painter, page.left(), page.right(), y + 3, RULE, 0.5)
    font = style.font(size, scaled=False)
    box = QRectF(page.left(), y + 5, page.width(), FOOTER_HEIGHT - 5)
    data = atlas.version[:8]
    left = f"Acupoint Atlas {__version__}" + (f" · data {data}" if data else "") + f" · {_today()}"
    right = f"Page {label}" if label else f"Page {number} of {total}"
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


def in_style(point: Point, code_style: str) -> Point:
    """The point with the codes its texts name written in a code style ("who", "older");
    its own `code` stays the WHO one (write it with `format_code`)."""
    if code_style == "who":
        return point

    def styled(text: str) -> str:
        return format_codes_in(text, code_style)

    return point._replace(
        location=styled(point.location),
        location_alt=styled(point.location_alt),
        how_to_find=styled(point.how_to_find),
        actions=styled(point.actions),
        needling_method=styled(point.needling_method),
        moxibustion=styled(point.moxibustion),
        cautions=styled(point.cautions),
    )


class PointSheet:
    """One page per point: names, diagram, location, technique, indications, cautions."""

    def __init__(
        self,
        atlas: Atlas,
        codes: Sequence[str],
        notes: NoteFn | None = None,
        title: str | None = None,
        code_style: str = "who",
    ) -> None:
        self.atlas = atlas
        self.points = points_for(atlas, codes)
        self.notes = notes
        self.code_style = code_style
        if title is None:
            first = self.points[0]
            title = (
                f"{format_code(first.code, code_style)} {first.pinyin}"
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
            draw_point_page(painter, style, page, self.atlas, point, notes, self.code_style)
            footer(painter, style, page, number, total, self.atlas)

        return paint


def draw_point_page(
    painter: QPainter,
    style: Style,
    page: QRectF,
    atlas: Atlas,
    point: Point,
    notes: str = "",
    code_style: str = "who",
) -> None:
    """Lay out and paint one point sheet in page (the footer is drawn by the caller)."""
    body = QRectF(page.left(), page.top(), page.width(), page.height() - FOOTER_HEIGHT - 6)
    point = in_style(point, code_style)
    scale = 1.0
    while True:
        style.scale = scale
        plan = _PointLayout(style, atlas, point, notes, body, code_style)
        if plan.fits() or scale <= MIN_SCALE:
            break
        scale = round(scale - 0.04, 3)
    plan.paint(painter)
    style.scale = 1.0


class _PointLayout:
    """A point sheet measured at the style's current scale."""

    GUTTER = 16.0

    def __init__(
        self, style: Style, atlas: Atlas, point: Point, notes: str, body: QRectF, code_style: str
    ) -> None:
        self.style, self.atlas, self.point, self.notes, self.body = style, atlas, point, notes, body
        self.code_style = code_style
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
        names_h = s.metrics(s.font(12, scaled=False)).height()
        return (
            s.metrics(s.font(7.5, bold=True, scaled=False)).height()
            + s.metrics(s.font(26, bold=True, scaled=False)).height()
            + names_h * (2 if self._pills_below() else 1)
            + 4
        )

    def _names(self) -> str:
        """The English name, the pinyin without tone marks (so that a search of the PDF
        for "hegu" finds LI4) and other names."""
        p = self.point
        aliases = f"  ·  also {', '.join(p.aliases)}" if p.aliases else ""
        return f"{p.english}  ·  {p.pinyin}{aliases}"

    def _pills_width(self) -> float:
        font = self.style.font(7.2, bold=True, scaled=False)
        metrics = self.style.metrics(font)
        return sum(
            metrics.horizontalAdvance(c) + 14 for c in category_names(self.atlas, self.point)
        )

    def _pills_below(self) -> bool:
        """Whether the category pills go on a row of their own, under the names."""
        names = self.style.metrics(self.style.font(12, scaled=False)).horizontalAdvance(
            self._names()
        )
        return names + 8 + self._pills_width() > self.body.width()

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
        for key, value in self.point.technique():
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
        point_picture(painter, self.style, self.atlas, diagram_box, self.point, self.code_style)
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
        code = format_code(p.code, self.code_style)
        code_w = s.metrics(big).horizontalAdvance(code) + 8
        s.line(painter, QRectF(body.left(), y, code_w, big_h), code, big, self.ink_colour,
               kind="title")  # fmt: skip
        x = body.left() + code_w
        # The code's other form (LIV3 beside LR3, or LR3 beside LIV3), for readers of both.
        other = {format_code(p.code, style) for style in CODE_STYLES} - {code}
        if other:
            small_code = s.font(12, bold=True, scaled=False)
            text = other.pop()
            w = s.metrics(small_code).horizontalAdvance(text) + 6
            s.line(painter, QRectF(x, y + big_h * 0.28, w, big_h * 0.62), text, small_code,
                   MUTED, kind="title")  # fmt: skip
            x += w
        x += 8
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
        # The names; the categories on the right, or on a row of their own.
        y += big_h
        eng = s.font(12, scaled=False)
        eng_h = s.metrics(eng).height()
        below = self._pills_below()
        pills_w = 0.0 if below else self._pills_width()
        s.line(painter, QRectF(body.left(), y, body.width() - pills_w - 8, eng_h), self._names(),
               eng, MUTED, kind="title")  # fmt: skip
        if below:
            y += eng_h
        pill_font = s.font(7.2, bold=True, scaled=False)
        px = body.right()
        for name in reversed(category_names(self.atlas, p)):
            w = s.metrics(pill_font).horizontalAdvance(name) + 10
            if px - w < body.left():
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
