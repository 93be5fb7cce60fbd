"""The patient handout: pressing a point at home, in plain words and large type.

One page per point, made only of the point's self-care text
(`Atlas.self_care`, from db/selfcare.toml): where to find it on your own
body, how to press it and for how long, what it is traditionally used for and
when not to press it, beside a picture of the point on the body. Nothing from
the practitioner's record (location, needling, cautions) is printed. A point
without self-care text, or one not to be pressed on one's own, has no handout:
`HandoutRefused` says why, and the point sheet is offered instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from atlas.core import Atlas, Point
from atlas.core.codes import format_code
from atlas.core.model import SelfCare
from atlas.printing.layout import CAUTION, CAUTION_BG, INK, Paragraph, Style, rule
from atlas.printing.panels import channel_colour, darker_for_text, handout_picture, handout_shape
from atlas.printing.render import PagePainter
from atlas.printing.sheets import FOOTER_HEIGHT, footer

ACCENT = QColor("#2f6b4f")
TITLE = "Self-acupressure at home"


class HandoutRefused(ValueError):
    """No handout for a point: it has no self-care text, or is not to be pressed at home.

    `code` is the point (WHO code) and `reason` says why in a sentence; str() is the
    whole one-line message.
    """

    def __init__(self, code: str, reason: str) -> None:
        self.code = code
        self.reason = reason
        super().__init__(f"there is no handout for {code}: {reason}")


def refusal(atlas: Atlas, point: Point) -> HandoutRefused | None:
    """Why a point has no handout, or None when it has one."""
    care = atlas.self_care(point.code)
    if care is None:
        return HandoutRefused(point.code, "the atlas has no words for patients for it yet")
    if not care.suitable:
        reason = care.unsuitable.rstrip(".")
        return HandoutRefused(point.code, reason[:1].lower() + reason[1:])
    return None


def printable(atlas: Atlas, codes: Sequence[str]) -> tuple[list[str], list[HandoutRefused]]:
    """The codes that have a handout, in order, and the refusals of the others."""
    found: list[str] = []
    refused: list[HandoutRefused] = []
    for code in dict.fromkeys(codes):
        point = atlas.point(code)
        if point is None:
            continue
        why = refusal(atlas, point)
        if why is None:
            found.append(point.code)
        else:
            refused.append(why)
    return found, refused


class Handout:
    """A page per point for pressing at home. Raises HandoutRefused for the first point
    that has no handout (KeyError for a code the atlas does not know)."""

    def __init__(
        self,
        atlas: Atlas,
        codes: Sequence[str],
        title: str | None = None,
        code_style: str = "who",
    ) -> None:
        self.atlas = atlas
        self.code_style = code_style
        self.pages_of: list[tuple[Point, SelfCare]] = []
        for code in dict.fromkeys(codes):
            point = atlas.point(code)
            if point is None:
                raise KeyError(code)
            why = refusal(atlas, point)
            if why is not None:
                raise why
            care = atlas.self_care(point.code)
            assert care is not None
            self.pages_of.append((point, care))
        self.heading = title or TITLE
        codes_shown = ", ".join(format_code(p.code, code_style) for p, _ in self.pages_of)
        self.title = f"{self.heading}: {codes_shown}"

    def pages(self, style: Style, page: QRectF) -> list[PagePainter]:
        total = len(self.pages_of)

        def make(number: int, point: Point, care: SelfCare) -> PagePainter:
            def paint(painter: QPainter, rect: QRectF) -> None:
                shape = handout_shape(self.atlas, point)
                scale = 1.0
                while True:
                    style.scale = scale
                    layout = _Layout(style, rect, care, shape)
                    if layout.fits() or scale <= 0.72:
                        break
                    scale = round(scale - 0.04, 3)
                self._paint(painter, style, rect, point, layout)
                style.scale = 1.0
                footer(painter, style, rect, number, total, self.atlas)

            return paint

        return [make(i + 1, p, c) for i, (p, c) in enumerate(self.pages_of)]

    def _paint(
        self, painter: QPainter, style: Style, rect: QRectF, point: Point, layout: _Layout
    ) -> None:
        s = style
        colour = darker_for_text(channel_colour(self.atlas, point.channel))
        # Title: the plain name first, then the names and code the practitioner uses.
        y = rect.top()
        for text, font, ink, kind in (
            (self.heading.upper(), s.font(9, True, scaled=False), ACCENT, "header"),
            (point.english, s.font(26, True, scaled=False), INK, "title"),
            (f"{point.pinyin_tones}  {point.hanzi}  ·  {format_code(point.code, self.code_style)}",
             s.font(15, scaled=False), colour, "title"),
        ):  # fmt: skip
            h = s.metrics(font).height()
            s.line(painter, QRectF(rect.left(), y, rect.width(), h), text, font, ink, kind=kind)
            y += h
        rule(painter, rect.left(), rect.right(), y + 4, ACCENT, 1.6)
        y = rect.top() + layout.title_h
        # The picture, and beside it where the point is and how to press it.
        pic_w = layout.picture_w
        x = rect.left() + pic_w + layout.GAP
        ty = y
        for heading, para in layout.side:
            ty += self._section(painter, s, QRectF(x, ty, layout.text_w, layout.bottom - ty),
                                heading, para)  # fmt: skip
        pic_h = max(layout.picture_h, ty - y - layout.SECTION_GAP)
        handout_picture(painter, s, self.atlas, QRectF(rect.left(), y, pic_w, pic_h), point)
        y = max(y + pic_h, ty) + 6
        # What it is used for, then when not to press, across the page.
        heading, para = layout.used
        y += self._section(painter, s, QRectF(rect.left(), y, rect.width(), layout.bottom - y),
                           heading, para)  # fmt: skip
        frame = QRectF(rect.left(), y, rect.width(), min(layout.avoid_h, layout.bottom - y))
        painter.save()
        painter.setPen(QPen(CAUTION, 1.2))
        painter.setBrush(CAUTION_BG)
        painter.drawRoundedRect(frame, 5, 5)
        painter.restore()
        pad = layout.PAD
        head = s.font(12, True)
        head_h = s.metrics(head).height()
        inner = frame.adjusted(pad, pad, -pad, -pad)
        s.line(painter, QRectF(inner.left(), inner.top(), inner.width(), head_h),
               "⚠  When not to press", head, CAUTION, kind="heading")  # fmt: skip
        top = inner.top() + head_h + 4
        layout.avoid.draw(painter, QRectF(inner.left(), top, inner.width(), inner.bottom() - top),
                          INK, "caution")  # fmt: skip

    def _section(
        self, painter: QPainter, s: Style, box: QRectF, heading: str, para: Paragraph
    ) -> float:
        head = s.font(10, True)
        head_h = s.metrics(head).height()
        s.line(painter, QRectF(box.left(), box.top(), box.width(), head_h), heading.upper(), head,
               ACCENT, kind="heading")  # fmt: skip
        top = box.top() + head_h + 5
        para.draw(painter, QRectF(box.left(), top, box.width(), max(0.0, box.bottom() - top)),
                  INK, "body")  # fmt: skip
        return head_h + 5 + para.height + _Layout.SECTION_GAP


class _Layout:
    """A handout page measured at the style's current scale."""

    GAP = 18.0
    PAD = 11.0
    SECTION_GAP = 12.0

    def __init__(self, style: Style, rect: QRectF, care: SelfCare, shape: float) -> None:
        s = style
        self.title_h = (
            s.metrics(s.font(9, True, scaled=False)).height()
            + s.metrics(s.font(26, True, scaled=False)).height()
            + s.metrics(s.font(15, scaled=False)).height()
            + 14
        )
        self.top = rect.top() + self.title_h
        self.bottom = rect.bottom() - FOOTER_HEIGHT - 6
        self.picture_w = rect.width() * 0.4
        self.picture_min = 230.0 * s.scale
        self.text_w = rect.width() - self.picture_w - self.GAP
        body = s.font(13)
        head_h = s.metrics(s.font(10, True)).height() + 5
        self.side = [
            ("Where to find it", s.layout(care.where_text, body, self.text_w)),
            ("How to press it", s.layout(care.how, body, self.text_w)),
        ]
        self.side_h = sum(head_h + p.height + self.SECTION_GAP for _, p in self.side)
        self.used = ("What it is traditionally used for", s.layout(care.used_for, body,
                                                                   rect.width()))  # fmt: skip
        self.used_h = head_h + self.used[1].height + self.SECTION_GAP
        self.avoid = s.layout(care.avoid, s.font(12.5), rect.width() - 2 * self.PAD)
        self.avoid_h = (
            2 * self.PAD + s.metrics(s.font(12, True)).height() + 4 + self.avoid.height + 2
        )
        # The picture as tall as its shape asks, within what the page has left over.
        upper = max(self.side_h, self.picture_min + self.SECTION_GAP) + 6
        spare = max(0.0, self.bottom - self.top - upper - self.used_h - self.avoid_h)
        wanted = (self.picture_w - 8) / max(shape, 0.2) + 8
        self.picture_h = max(self.picture_min, min(wanted, self.picture_min + spare))

    def fits(self) -> bool:
        upper = max(self.side_h, self.picture_min + self.SECTION_GAP) + 6
        return self.top + upper + self.used_h + self.avoid_h <= self.bottom


__all__ = ["Handout", "HandoutRefused", "printable", "refusal"]
