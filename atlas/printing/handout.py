"""The patient handout: self-acupressure at home, in plain words and large type.

One page per point: its picture, where it is and how to find it, how long and
how firmly to press, and who should not. No needling depths or techniques.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from atlas.core import Atlas, Point
from atlas.printing.layout import CAUTION, CAUTION_BG, INK, MUTED, Paragraph, Span, Style, rule
from atlas.printing.render import PagePainter
from atlas.printing.sheets import (
    FOOTER_HEIGHT,
    DiagramSpec,
    channel_colour,
    darker_for_text,
    draw_diagram_panel,
    footer,
    points_for,
)

ACCENT = QColor("#2f6b4f")

HOW_TO_PRESS = (
    "Sit comfortably and breathe slowly. Press the point with the pad of your thumb or a finger, "
    "firmly enough to feel a dull ache or fullness, but never sharp pain. Hold, or make small "
    "slow circles, for 1 to 2 minutes. Rest, then repeat 2 or 3 times. Once or twice a day is "
    "enough."
)
BOTH_SIDES = "This point is on both sides of the body: press one side, then the other."
ONE_POINT = "There is one of this point, on the middle line of the body."

GENERAL_DO_NOT = (
    "Do not press on broken skin, a wound, a bruise, a burn, a rash, a swelling"
    " or a varicose vein.",
    "Press only gently if you bruise easily or take blood-thinning medicine.",
    "Stop if it hurts more, or you feel faint or unwell, and ask your practitioner.",
)

#: Plain-language sentences for each caution flag (flags about needling are left out).
FLAG_ADVICE = {
    "pregnancy": "Do not press this point if you are pregnant or could be pregnant.",
    "eye": "Near the eye: press very gently on the bone, never on the eye itself.",
    "major_vessel": "A pulse can be felt here: press gently beside it, not on it.",
    "spinal_cord": "On the neck or spine: press gently and never jerk the head.",
    "organ": "Press slowly and gently, and not on a full stomach or bladder.",
}

#: Words in location texts explained in plain terms (shown when they appear).
GLOSSARY = {
    "anterior": "towards the front of the body",
    "posterior": "towards the back of the body",
    "medial": "towards the middle line of the body",
    "lateral": "away from the middle line, towards the outside",
    "proximal": "nearer to the trunk",
    "distal": "further from the trunk",
    "radial": "on the thumb side of the arm or hand",
    "ulnar": "on the little-finger side of the arm or hand",
    "dorsum": "the back of the hand or the top of the foot",
    "dorsal": "on the back of the hand or the top of the foot",
    "palmar": "on the palm side",
    "plantar": "on the sole of the foot",
    "superior": "above",
    "inferior": "below",
    "B-cun": "a body measure: the distance between two landmarks divided into equal parts",
    "F-cun": "a finger measure: 1 F-cun is the width of the person's own thumb at the knuckle; "
    "four fingers held together are 3 F-cun",
    "malleolus": "the bony bump at the ankle",
    "patella": "the kneecap",
    "umbilicus": "the navel (belly button)",
    "metacarpal": "a long bone of the hand",
    "metatarsal": "a long bone of the foot",
    "phalanx": "a bone of a finger or toe",
    "tibia": "the shinbone",
    "sternum": "the breastbone",
    "clavicle": "the collarbone",
    "scapula": "the shoulder blade",
    "vertebra": "a bone of the spine",
    "spinous process": "the bump of a spine bone you can feel under the skin",
}


def glossary_for(text: str) -> list[tuple[str, str]]:
    found = []
    lowered = text.lower()
    for word, meaning in GLOSSARY.items():
        pattern = r"\b" + re.escape(word.lower()).replace("\\-", "[- ]?") + r"(?:e|es|s|ae|i)?\b"
        if re.search(pattern, lowered):
            found.append((word, meaning))
    return found


def flag_advice(point: Point) -> list[str]:
    return [FLAG_ADVICE[f] for f in point.caution_flags if f in FLAG_ADVICE]


class Handout:
    """Pages for chosen points (or a plan's points) for acupressure at home."""

    def __init__(self, atlas: Atlas, codes: Sequence[str], title: str | None = None) -> None:
        self.atlas = atlas
        self.points: list[Point] = list(dict.fromkeys(points_for(atlas, codes)))
        self.heading = title or "Self-acupressure at home"
        self.title = f"{self.heading}: " + ", ".join(p.code for p in self.points)

    def pages(self, style: Style, page: QRectF) -> list[PagePainter]:
        total = len(self.points)

        def make(index: int, point: Point) -> PagePainter:
            def paint(painter: QPainter, rect: QRectF) -> None:
                scale = 1.0
                while True:
                    style.scale = scale
                    if self._fits(style, rect, point) or scale <= 0.72:
                        break
                    scale = round(scale - 0.04, 3)
                self._paint(painter, style, rect, point)
                style.scale = 1.0
                footer(painter, style, rect, index + 1, total, self.atlas)

            return paint

        return [make(i, p) for i, p in enumerate(self.points)]

    # ------------------------------------------------------------------ layout

    def _blocks(
        self, style: Style, width: float, point: Point
    ) -> tuple[list[tuple[str, Paragraph]], float]:
        s = style
        body = s.font(13)
        blocks: list[tuple[str, Paragraph]] = [
            ("Where it is", s.layout(point.location, body, width)),
            ("How to find it", s.layout(point.how_to_find, body, width)),
            (
                "How to press",
                s.layout(
                    HOW_TO_PRESS + " " + (BOTH_SIDES if point.is_bilateral else ONE_POINT),
                    body,
                    width,
                ),
            ),
        ]
        heading_h = s.metrics(s.font(10, True)).height() + 6
        height = sum(heading_h + b.height + 12 for _, b in blocks)
        return blocks, height

    def _warning(self, style: Style, width: float, point: Point) -> tuple[list[Paragraph], float]:
        s = style
        font = s.font(12)
        lines = [*flag_advice(point), *GENERAL_DO_NOT]
        self._bullet_w = s.metrics(font).horizontalAdvance("•\u2002")
        paras = [s.layout(t, font, width - 24 - self._bullet_w) for t in lines]
        head_h = s.metrics(s.font(12, True)).height() + 6
        return paras, head_h + sum(p.height + 4 for p in paras) + 24

    def _glossary(self, style: Style, width: float, point: Point) -> tuple[Paragraph | None, float]:
        words = glossary_for(point.location + " " + point.how_to_find)
        if not words:
            return None, 0.0
        spans: list[Span] = [Span("Words used: ", True)]
        for i, (word, meaning) in enumerate(words):
            spans += [
                Span(word, True),
                Span(f": {meaning}" + (". " if i < len(words) - 1 else ".")),
            ]
        para = style.layout(spans, style.font(10), width)
        return para, para.height + 10

    def _geometry(self, style: Style, rect: QRectF) -> tuple[float, float]:
        title_h = (
            style.metrics(style.font(9, True, scaled=False)).height()
            + style.metrics(style.font(26, True, scaled=False)).height()
            + style.metrics(style.font(15, scaled=False)).height()
            + 12
        )
        return title_h, rect.bottom() - FOOTER_HEIGHT - 6

    def _fits(self, style: Style, rect: QRectF, point: Point) -> bool:
        title_h, bottom = self._geometry(style, rect)
        pic_w = rect.width() * 0.42
        text_w = rect.width() - pic_w - 18
        _, text_h = self._blocks(style, text_w, point)
        _, warn_h = self._warning(style, rect.width(), point)
        _, gloss_h = self._glossary(style, rect.width(), point)
        top_h = max(text_h, 250.0)
        return rect.top() + title_h + top_h + warn_h + gloss_h + 10 <= bottom

    def _paint(self, painter: QPainter, style: Style, rect: QRectF, point: Point) -> None:
        s = style
        title_h, bottom = self._geometry(s, rect)
        colour = darker_for_text(channel_colour(self.atlas, point.channel))
        # Title: plain name first, then code and hanzi.
        y = rect.top()
        kicker = s.font(9, True, scaled=False)
        h = s.metrics(kicker).height()
        s.line(painter, QRectF(rect.left(), y, rect.width(), h), self.heading.upper(), kicker,
               ACCENT, kind="header")  # fmt: skip
        y += h
        big = s.font(26, True, scaled=False)
        h = s.metrics(big).height()
        s.line(painter, QRectF(rect.left(), y, rect.width(), h),
               f"{point.english}", big, INK, kind="title")  # fmt: skip
        y += h
        sub = s.font(15, scaled=False)
        h = s.metrics(sub).height()
        s.line(painter, QRectF(rect.left(), y, rect.width(), h),
               f"{point.pinyin_tones}  {point.hanzi}  ·  {point.code}", sub, colour,
               kind="title")  # fmt: skip
        y += h + 4
        rule(painter, rect.left(), rect.right(), y, ACCENT, 1.6)
        y = rect.top() + title_h

        pic_w = rect.width() * 0.42
        text_w = rect.width() - pic_w - 18
        blocks, text_h = self._blocks(s, text_w, point)
        paras, warn_h = self._warning(s, rect.width(), point)
        gloss, gloss_h = self._glossary(s, rect.width(), point)
        room = bottom - y - warn_h - gloss_h - 10
        pic_h = max(200.0, min(room, max(text_h, 300.0)))
        draw_diagram_panel(painter, s, self.atlas, QRectF(rect.left(), y, pic_w, pic_h),
                           DiagramSpec([point.code], guide=False))  # fmt: skip
        ty = y
        x = rect.left() + pic_w + 18
        head = s.font(10, True)
        head_h = s.metrics(head).height()
        for title, para in blocks:
            s.line(painter, QRectF(x, ty, text_w, head_h), title.upper(), head, ACCENT,
                   kind="heading")  # fmt: skip
            ty += head_h + 6
            ty += para.draw(painter, QRectF(x, ty, text_w, max(0.0, bottom - ty)), INK, "body")
            ty += 12
        y = max(y + pic_h, ty) + 10
        # Who should not: a framed box.
        frame = QRectF(rect.left(), y, rect.width(), min(warn_h - 10, bottom - y))
        painter.save()
        painter.setPen(QPen(CAUTION, 1.2))
        painter.setBrush(CAUTION_BG)
        painter.drawRoundedRect(frame, 5, 5)
        painter.restore()
        wy = frame.top() + 10
        whead = s.font(12, True)
        wh = s.metrics(whead).height()
        s.line(painter, QRectF(frame.left() + 12, wy, frame.width() - 24, wh),
               "⚠  Who should not press, and when to stop", whead, CAUTION,
               kind="heading")  # fmt: skip
        wy += wh + 6
        bullet = s.font(12)
        bullet_h = s.metrics(bullet).height()
        bx = frame.left() + 12
        tx, tw = bx + self._bullet_w, frame.width() - 24 - self._bullet_w
        for para in paras:
            s.line(painter, QRectF(bx, wy, self._bullet_w, bullet_h), "•", bullet, CAUTION,
                   kind="bullet")  # fmt: skip
            cell = QRectF(tx, wy, tw, max(0.0, frame.bottom() - wy))
            wy += para.draw(painter, cell, INK, "caution") + 4
        y = frame.bottom() + 10
        if gloss is not None:
            gloss.draw(painter, QRectF(rect.left(), y, rect.width(), max(0.0, bottom - y)), MUTED,
                       "body")  # fmt: skip


__all__ = ["Handout", "glossary_for"]
