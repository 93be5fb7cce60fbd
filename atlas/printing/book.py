"""Books: one channel or the whole atlas as one document.

A cover, a table of contents, one point sheet per page in channel order, and
an index by code, by pinyin and by English name, all with page numbers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from atlas import __version__
from atlas.core import Atlas, Channel, Point
from atlas.printing import diagram as dg
from atlas.printing.layout import FAINT, INK, MUTED, RULE, Style, rule, tint
from atlas.printing.render import PagePainter
from atlas.printing.sheets import (
    FOOTER_HEIGHT,
    SAFETY_LINE,
    NoteFn,
    channel_colour,
    darker_for_text,
    draw_point_page,
    footer,
)

ACCENT = QColor("#2f5d7c")
_Row = tuple[str, str, str, int]
INDEX_COLUMNS = 3


def _fold(text: str) -> str:
    """Sort key: tones and case folded ("Hégǔ" sorts as "hegu")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Book:
    """The whole atlas, or one channel, as a book."""

    def __init__(
        self, atlas: Atlas, channel: str | None = None, notes: NoteFn | None = None
    ) -> None:
        self.atlas = atlas
        self.channel: Channel | None = None
        if channel:
            found = atlas.channel(channel)
            if found is None:
                raise KeyError(channel)
            self.channel = found
        self.points: list[Point] = list(
            atlas.points(channel=self.channel.code if self.channel else None)
        )
        self.notes = notes
        self.title = f"Acupoint Atlas: {self.channel.english}" if self.channel else "Acupoint Atlas"

    # ------------------------------------------------------------------ structure

    def _toc_entries(self) -> list[tuple[str, str, str, int]]:
        """(code, name, hanzi, index of its first point) per entry of the contents."""
        if self.channel is not None:
            return [(p.code, f"{p.pinyin_tones} · {p.english}", p.hanzi, i)
                    for i, p in enumerate(self.points)]  # fmt: skip
        entries = []
        for channel in self.atlas.channels():
            first = next((i for i, p in enumerate(self.points) if p.channel == channel.code), None)
            if first is not None:
                entries.append((channel.code, channel.english, channel.hanzi, first))
        return entries

    def _index_entries(self) -> list[tuple[str, list[tuple[str, str, int]]]]:
        by_code = [(p.code, f"{p.pinyin} · {p.english}", i) for i, p in enumerate(self.points)]
        by_pinyin = sorted(
            ((p.pinyin_tones, p.code, i) for i, p in enumerate(self.points)),
            key=lambda e: (_fold(e[0]), e[1]),
        )
        by_english = sorted(
            ((p.english, p.code, i) for i, p in enumerate(self.points)),
            key=lambda e: (_fold(e[0]), e[1]),
        )
        return [
            ("Index by code", by_code),
            ("Index by pinyin", by_pinyin),
            ("Index by English name", by_english),
        ]

    def pages(self, style: Style, page: QRectF) -> list[PagePainter]:
        body_bottom = page.bottom() - FOOTER_HEIGHT - 6
        # Table of contents: lines per page.
        toc_font = style.font(10)
        toc_line = style.metrics(toc_font).height() + 5
        title_h = style.metrics(style.font(20, True)).height() + 18  # see _page_title
        toc = self._toc_entries()
        extra = 1  # the index entry
        per_page = max(1, int((body_bottom - page.top() - title_h) // toc_line))
        toc_pages = max(1, -(-(len(toc) + extra) // per_page))
        # Index: flowed in columns, a heading per section.
        idx_font = style.font(7.6)
        idx_line = style.metrics(idx_font).height() + 1.2
        idx_head = style.metrics(style.font(11, True)).height() + 8
        index_layout = self._layout_index(page, body_bottom, title_h, idx_head, idx_line)
        first_point_page = 1 + toc_pages + 1
        index_first_page = first_point_page + len(self.points)
        total = 1 + toc_pages + len(self.points) + len(index_layout)

        def page_of(point_index: int) -> int:
            return first_point_page + point_index

        pages: list[PagePainter] = [self._cover(style, total)]
        for n in range(toc_pages):
            chunk = toc[n * per_page : (n + 1) * per_page]
            last = n == toc_pages - 1
            pages.append(self._toc_page(style, n, chunk, last, page_of, index_first_page,
                                        total, toc_font, toc_line))  # fmt: skip
        for i, point in enumerate(self.points):
            pages.append(self._point_page(style, point, page_of(i), total))
        for n, columns in enumerate(index_layout):
            pages.append(self._index_page(style, n, columns, page_of, index_first_page + n,
                                          total, idx_font, idx_line, title_h))  # fmt: skip
        return pages

    # ------------------------------------------------------------------ cover

    def _cover(self, style: Style, total: int) -> PagePainter:
        def paint(painter: QPainter, page: QRectF) -> None:
            s = style
            colour = channel_colour(self.atlas, self.channel.code) if self.channel else ACCENT
            ink = darker_for_text(colour)
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint(colour, 0.1))
            painter.drawRoundedRect(page, 8, 8)
            painter.setBrush(colour)
            painter.drawRect(QRectF(page.left(), page.top(), page.width(), 10))
            painter.restore()
            x, w = page.left() + 36, page.width() - 72
            y = page.top() + 60
            kicker = s.font(11, True)
            h = s.metrics(kicker).height()
            s.line(painter, QRectF(x, y, w, h), "ACUPOINT ATLAS", kicker, ink, kind="cover")
            y += h + 8
            big = s.font(34, True)
            h = s.metrics(big).height()
            title = self.channel.english if self.channel else "The Complete Atlas"
            s.line(painter, QRectF(x, y, w, h), title, big, INK, kind="cover")
            y += h + 4
            sub = s.font(16)
            h = s.metrics(sub).height()
            if self.channel:
                subtitle = f"{self.channel.pinyin}  {self.channel.hanzi}"
            else:
                subtitle = "The fourteen channels and the extra points"
            s.line(painter, QRectF(x, y, w, h), subtitle, sub, MUTED, kind="cover")
            y += h + 10
            info = s.font(10.5)
            count = len(self.points)
            line = (
                f"{count} points · {total} pages · version {__version__}"
                f" · data {self.atlas.version[:8]}"
            )
            h = s.metrics(info).height()
            s.line(painter, QRectF(x, y, w, h), line, info, MUTED, kind="cover")
            y += h + 16
            if self.channel is not None and self.channel.summary:
                y += s.text(painter, QRectF(x, y, w * 0.9, 80), self.channel.summary,
                            s.font(10.5), INK, kind="cover") + 10  # fmt: skip
            # The figure(s): the channel path on the full-body views.
            figure = QRectF(x, y + 10, w, page.bottom() - y - 110)
            self._cover_figures(painter, s, figure)
            s.text(painter, QRectF(x, page.bottom() - 70, w, 40), SAFETY_LINE, s.font(9.5),
                   MUTED, kind="cover")  # fmt: skip

        return paint

    def _cover_figures(self, painter: QPainter, style: Style, box: QRectF) -> None:
        data = dg.data_for(self.atlas)
        codes = [p.code for p in self.points]
        views = dg.views_for_points(data, codes, 3) if self.channel else [
            v for v in dg.FULL_BODY if v in data.views
        ]  # fmt: skip
        if not views:
            return
        gap = 14.0
        w = (box.width() - gap * (len(views) - 1)) / len(views)
        for i, view in enumerate(views):
            info = data.views[view]
            size = info.size
            scale = min(w / size.width(), box.height() / size.height())
            target = QRectF(0, 0, size.width() * scale, size.height() * scale)
            target.moveCenter(QPointF(box.left() + i * (w + gap) + w / 2, box.center().y()))
            source = QRectF(QPointF(0, 0), size)
            dp = dg.DiagramPainter(painter, data, view, source, target)
            dp.draw_figure()
            channels = [self.channel.code] if self.channel else [
                c.code for c in self.atlas.channels() if c.code != "EX"
            ]  # fmt: skip
            for channel in channels:
                for side in ("left", "right"):
                    dp.channel_path(self.atlas, channel, side, width=1.1)

    # ------------------------------------------------------------------ contents

    def _page_title(self, painter: QPainter, style: Style, page: QRectF, title: str) -> float:
        font = style.font(20, True)
        h = style.metrics(font).height()
        style.line(painter, QRectF(page.left(), page.top(), page.width(), h), title, font, INK,
                   kind="title")  # fmt: skip
        rule(painter, page.left(), page.right(), page.top() + h + 6, ACCENT, 1.4)
        return h + 18

    def _toc_page(
        self,
        style: Style,
        n: int,
        chunk: Sequence[tuple[str, str, str, int]],
        last: bool,
        page_of: Callable[[int], int],
        index_page: int,
        total: int,
        font: QFont,
        line_h: float,
    ) -> PagePainter:
        bold = QFont(font)
        bold.setBold(True)

        def paint(painter: QPainter, page: QRectF) -> None:
            s = style
            y = page.top() + self._page_title(painter, s, page, "Contents" if n == 0 else
                                              "Contents (continued)")  # fmt: skip
            rows = [(c, name, han, page_of(i)) for c, name, han, i in chunk]
            if last:
                rows.append(("", "Index by code, pinyin and English name", "", index_page))
            for code, name, hanzi, number in rows:
                self._leader_row(painter, s, page, y, line_h, code, name, hanzi, number, font,
                                 bold)  # fmt: skip
                y += line_h
            footer(painter, s, page, 2 + n, total, self.atlas)

        return paint

    def _leader_row(
        self, painter: QPainter, s: Style, page: QRectF, y: float, line_h: float, code: str,
        name: str, hanzi: str, number: int, font: QFont, bold: QFont,
    ) -> None:  # fmt: skip
        h = s.metrics(font).height()
        code_w = 56.0
        num_w = 40.0
        s.line(painter, QRectF(page.left(), y, code_w, h), code, bold, ACCENT, kind="toc")
        text = f"{name}  {hanzi}".strip()
        text_w = min(
            s.metrics(font).horizontalAdvance(text) + 2, page.width() - code_w - num_w - 20
        )
        s.line(painter, QRectF(page.left() + code_w, y, text_w, h), text, font, INK, kind="toc")
        # Dotted leader to the page number.
        x1 = page.left() + code_w + text_w + 6
        x2 = page.right() - num_w - 4
        if x2 > x1:
            pen = QPen(FAINT, 0.8, Qt.PenStyle.DotLine)
            painter.save()
            painter.setPen(pen)
            base = y + h * 0.75
            painter.drawLine(QPointF(x1, base), QPointF(x2, base))
            painter.restore()
        s.line(painter, QRectF(page.right() - num_w, y, num_w, h), str(number), font, INK,
               Qt.AlignmentFlag.AlignRight, kind="toc")  # fmt: skip

    def _point_page(self, style: Style, point: Point, number: int, total: int) -> PagePainter:
        def paint(painter: QPainter, page: QRectF) -> None:
            notes = self.notes(point.code) if self.notes else ""
            draw_point_page(painter, style, page, self.atlas, point, notes)
            footer(painter, style, page, number, total, self.atlas)

        return paint

    # ------------------------------------------------------------------ index

    def _layout_index(
        self, page: QRectF, bottom: float, title_h: float, head_h: float, line_h: float
    ) -> list[list[list[_Row]]]:
        """Pages of columns of rows: ("head", title, "", -1) or ("entry", text, code, index)."""
        pages: list[list[list[_Row]]] = [[[]]]
        top = page.top() + title_h
        y = top

        def new_column() -> None:
            nonlocal y
            if len(pages[-1]) == INDEX_COLUMNS:
                pages.append([[]])
            else:
                pages[-1].append([])
            y = top

        for title, entries in self._index_entries():
            if y + head_h + line_h * 3 > bottom:
                new_column()
            elif y > top:
                y += 6
            pages[-1][-1].append(("head", title, "", -1))
            y += head_h
            for entry in entries:
                if y + line_h > bottom:
                    new_column()
                pages[-1][-1].append(("entry", entry[0], entry[1], entry[2]))
                y += line_h
        return pages

    def _index_page(
        self,
        style: Style,
        n: int,
        columns: list[list[_Row]],
        page_of: Callable[[int], int],
        number: int,
        total: int,
        font: QFont,
        line_h: float,
        title_h: float,
    ) -> PagePainter:
        bold = QFont(font)
        bold.setBold(True)

        def paint(painter: QPainter, page: QRectF) -> None:
            s = style
            head = s.font(11, True)
            head_h = s.metrics(head).height() + 8
            self._page_title(painter, s, page, "Index" if n == 0 else "Index (continued)")
            gap = 14.0
            col_w = (page.width() - gap * (INDEX_COLUMNS - 1)) / INDEX_COLUMNS
            h = s.metrics(font).height()
            for c, column in enumerate(columns):
                x = page.left() + c * (col_w + gap)
                y = page.top() + title_h
                for kind, first, second, index in column:
                    if kind == "head":
                        if y > page.top() + title_h:
                            y += 6
                        s.line(painter, QRectF(x, y, col_w, head_h - 6), first, head,
                               ACCENT, kind="index")  # fmt: skip
                        rule(painter, x, x + col_w, y + head_h - 4, RULE, 0.5)
                        y += head_h
                        continue
                    num = str(page_of(index))
                    num_w = s.metrics(font).horizontalAdvance("0000")
                    first_w = min(s.metrics(bold).horizontalAdvance(first) + 4, col_w - num_w - 8)
                    s.line(painter, QRectF(x, y, first_w, h), first, bold, INK, kind="index")
                    s.line(painter, QRectF(x + first_w + 2, y, col_w - first_w - num_w - 4, h),
                           second, font, MUTED, kind="index")  # fmt: skip
                    s.line(painter, QRectF(x + col_w - num_w, y, num_w, h), num, font, INK,
                           Qt.AlignmentFlag.AlignRight, kind="index")  # fmt: skip
                    y += line_h
            footer(painter, s, page, number, total, self.atlas)

        return paint
