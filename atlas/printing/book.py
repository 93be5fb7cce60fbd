"""Books: one channel or the whole atlas as one document a reader can find their way in.

A cover, the contents, then per channel an opening page (the whole atlas; a
channel's own book opens with its cover) and one point sheet per page in
channel order, and an index by code, by pinyin and by English name. The
contents, the opening pages' lists and the index link to their pages; the PDF
gets bookmarks (contents, every channel and point, the indexes), page labels
that match the printed numbers (the cover and contents in roman numerals, the
rest from 1), a title and its language (`Book.navigation`, written by
`render.write_pdf`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from atlas import __version__
from atlas.core import Atlas, Channel, Point
from atlas.core.codes import format_channel, format_code
from atlas.printing import diagram as dg
from atlas.printing.layout import FAINT, INK, MUTED, RULE, Paragraph, Span, Style, rule, tint
from atlas.printing.panels import channel_colour, darker_for_text, on_skin
from atlas.printing.render import Navigation, OutlineItem, PagePainter
from atlas.printing.sheets import FOOTER_HEIGHT, SAFETY_LINE, NoteFn, draw_point_page, footer

ACCENT = QColor("#2f5d7c")
INDEX_COLUMNS = 3
INDEX_SIZE = 8.0
#: The cover and the contents are numbered i, ii...; the pages after them 1, 2...
FRONT = "roman"


def _fold(text: str) -> str:
    """Sort key: tones and case folded ("Hégǔ" sorts as "hegu")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def roman(number: int) -> str:
    """A page number in lower-case roman numerals (1 -> i, 14 -> xiv)."""
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):  # fmt: skip
        while number >= value:
            out += letters
            number -= value
    return out


@dataclass(slots=True)
class _Entry:
    """An index entry: its text laid out, and the point (index in Book.points) it finds."""

    para: Paragraph
    point: int


@dataclass(slots=True)
class _Heading:
    title: str


_IndexColumn = list["_Entry | _Heading"]


class Book:
    """The whole atlas, or one channel, as a book."""

    def __init__(
        self,
        atlas: Atlas,
        channel: str | None = None,
        notes: NoteFn | None = None,
        code_style: str = "who",
    ) -> None:
        self.atlas = atlas
        self.code_style = code_style
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
        # Filled in by pages(): where everything is (1-based page numbers).
        self._navigation = Navigation()

    def code(self, code: str) -> str:
        return format_code(code, self.code_style)

    def _channels(self) -> list[tuple[Channel, list[int]]]:
        """The channels of the book, each with its points (indexes into self.points)."""
        out = []
        for channel in self.atlas.channels():
            mine = [i for i, p in enumerate(self.points) if p.channel == channel.code]
            if mine:
                out.append((channel, mine))
        return out

    def navigation(self) -> Navigation:
        """Bookmarks and page labels (after pages())."""
        return self._navigation

    # ------------------------------------------------------------------ structure

    def pages(self, style: Style, page: QRectF) -> list[PagePainter]:
        body_bottom = page.bottom() - FOOTER_HEIGHT - 6
        title_h = style.metrics(style.font(20, True)).height() + 18  # see _page_title
        channels = self._channels() if self.channel is None else []
        # Contents: one row per channel (a channel's book: per point), then the index.
        toc_font = style.font(10)
        toc_line = style.metrics(toc_font).height() + 5
        rows = len(channels) if self.channel is None else len(self.points)
        per_page = max(1, int((body_bottom - page.top() - title_h) // toc_line))
        toc_pages = max(1, -(-(rows + 1) // per_page))
        front = 1 + toc_pages
        # The body: an opening page before each channel (whole atlas), a page per point.
        point_page: dict[int, int] = {}
        opening_page: dict[str, int] = {}
        number = front
        for channel, mine in channels:
            number += 1
            opening_page[channel.code] = number
            for i in mine:
                number += 1
                point_page[i] = number
        if self.channel is not None:
            for i in range(len(self.points)):
                number += 1
                point_page[i] = number
        index_columns, section_starts = self._layout_index(style, page, body_bottom, title_h)
        index_first = number + 1
        total = number + len(index_columns)

        def label(n: int) -> str:
            return roman(n) if n <= front else str(n - front)

        pages: list[PagePainter] = [self._cover(style, total - front)]
        if self.channel is None:
            toc = [(c.code, format_channel(c.code, self.code_style), c.english, c.hanzi,
                    opening_page[c.code]) for c, _ in channels]  # fmt: skip
        else:
            toc = [(p.code, self.code(p.code), f"{p.pinyin_tones} · {p.english}", p.hanzi,
                    point_page[i]) for i, p in enumerate(self.points)]  # fmt: skip
        for n in range(toc_pages):
            chunk = toc[n * per_page : (n + 1) * per_page]
            index_row = (n == toc_pages - 1, index_first)
            pages.append(self._toc_page(style, n, chunk, index_row, label, toc_font, toc_line))
        for channel, mine in channels:
            pages.append(self._opening(style, channel, mine, point_page, label))
            pages.extend(self._point_page(style, self.points[i], label) for i in mine)
        if self.channel is not None:
            pages.extend(self._point_page(style, p, label) for p in self.points)
        for n, columns in enumerate(index_columns):
            pages.append(self._index_page(style, n, columns, point_page, label, title_h))

        # Bookmarks and labels.
        outline = [OutlineItem("Contents", 2)]
        if self.channel is None:
            for channel, mine in channels:
                outline.append(OutlineItem(
                    f"{format_channel(channel.code, self.code_style)} {channel.english}",
                    opening_page[channel.code],
                    [self._bookmark(i, point_page[i]) for i in mine],
                ))  # fmt: skip
        else:
            outline += [self._bookmark(i, point_page[i]) for i in range(len(self.points))]
        outline.append(OutlineItem("Index", index_first, [
            OutlineItem(title, index_first + at) for title, at in section_starts
        ]))  # fmt: skip
        self._navigation = Navigation(outline, [(1, FRONT, 1), (front + 1, "arabic", 1)])
        return pages

    def _bookmark(self, index: int, page: int) -> OutlineItem:
        point = self.points[index]
        return OutlineItem(f"{self.code(point.code)} {point.pinyin_tones} · {point.english}", page)

    # ------------------------------------------------------------------ cover

    def _cover(self, style: Style, body_pages: int) -> PagePainter:
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
            line = (
                f"{len(self.points)} points · {body_pages} pages · version {__version__}"
                f" · data {self.atlas.version[:8]}"
            )
            h = s.metrics(info).height()
            s.line(painter, QRectF(x, y, w, h), line, info, MUTED, kind="cover")
            y += h + 16
            if self.channel is not None and self.channel.summary:
                y += s.text(painter, QRectF(x, y, w * 0.9, 80), self.channel.summary,
                            s.font(10.5), INK, kind="cover") + 10  # fmt: skip
            # The figures: the channels' courses on the full-body views.
            channels = [self.channel.code] if self.channel else [
                c.code for c in self.atlas.channels() if c.code != "EX"
            ]  # fmt: skip
            figure = QRectF(x, y + 10, w, page.bottom() - y - 110)
            self._figures(painter, s, figure, channels, self.channel is not None)
            s.text(painter, QRectF(x, page.bottom() - 70, w, 40), SAFETY_LINE, s.font(9.5),
                   MUTED, kind="cover")  # fmt: skip

        return paint

    def _figures(
        self, painter: QPainter, style: Style, box: QRectF, channels: Sequence[str], dots: bool
    ) -> None:
        """The full-body views that show the channels' points, side by side, with their
        courses (and, for one channel, its points)."""
        data = dg.data_for(self.atlas)
        codes = [p.code for p in self.points if p.channel in channels]
        views = dg.views_for_points(data, codes, 3) if dots else [
            v for v, info in data.views.items() if info.kind == "full"
        ]  # fmt: skip
        if not views:
            return
        gap = 14.0
        w = (box.width() - gap * (len(views) - 1)) / len(views)
        for i, view in enumerate(views):
            info = data.views[view]
            slot = QRectF(box.left() + i * (w + gap), box.top(), w, box.height())
            dp = dg.DiagramPainter(painter, data, view, info.bounds,
                                   dg.target_for(info.bounds, slot))  # fmt: skip
            dp.draw_figure()
            for channel in channels:
                colour = channel_colour(self.atlas, channel)
                dp.courses(channel, on_skin(colour, 0.8), {"left": 1.1, "right": 1.1,
                                                           "midline": 1.1})  # fmt: skip
                if dots:
                    ink = darker_for_text(colour)
                    for code in codes:
                        for p in data.placements_of(code, view):
                            dp.dot(QPointF(p.x, p.y), ink, 1.3)

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
        chunk: Sequence[tuple[str, str, str, str, int]],
        index_row: tuple[bool, int],
        label: Callable[[int], str],
        font: QFont,
        line_h: float,
    ) -> PagePainter:
        bold = QFont(font)
        bold.setBold(True)
        last, index_page = index_row

        def paint(painter: QPainter, page: QRectF) -> None:
            s = style
            y = page.top() + self._page_title(painter, s, page, "Contents" if n == 0 else
                                              "Contents (continued)")  # fmt: skip
            rows = [(shown, name, hanzi, target) for _code, shown, name, hanzi, target in chunk]
            if last:
                rows.append(("", "Index by code, pinyin and English name", "", index_page))
            for shown, name, hanzi, target in rows:
                self._leader_row(painter, s, page, y, shown, f"{name}  {hanzi}".strip(),
                                 label(target), font, bold)  # fmt: skip
                s.link(QRectF(page.left(), y, page.width(), line_h), target)
                y += line_h
            footer(painter, s, page, 2 + n, 0, self.atlas, label=label(2 + n))

        return paint

    def _leader_row(
        self, painter: QPainter, s: Style, page: QRectF, y: float, code: str, text: str,
        number: str, font: QFont, bold: QFont,
    ) -> None:  # fmt: skip
        h = s.metrics(font).height()
        code_w = 56.0
        num_w = 40.0
        s.line(painter, QRectF(page.left(), y, code_w, h), code, bold, ACCENT, kind="toc")
        text_w = min(
            s.metrics(font).horizontalAdvance(text) + 2, page.width() - code_w - num_w - 20
        )
        s.line(painter, QRectF(page.left() + code_w, y, text_w, h), text, font, INK, kind="toc")
        # Dotted leader to the page number.
        x1 = page.left() + code_w + text_w + 6
        x2 = page.right() - num_w - 4
        if x2 > x1:
            painter.save()
            painter.setPen(QPen(FAINT, 0.8, Qt.PenStyle.DotLine))
            base = y + h * 0.75
            painter.drawLine(QPointF(x1, base), QPointF(x2, base))
            painter.restore()
        s.line(painter, QRectF(page.right() - num_w, y, num_w, h), number, font, INK,
               Qt.AlignmentFlag.AlignRight, kind="toc")  # fmt: skip

    # ------------------------------------------------------------------ a channel opens

    def _opening(
        self,
        style: Style,
        channel: Channel,
        mine: Sequence[int],
        point_page: dict[int, int],
        label: Callable[[int], str],
    ) -> PagePainter:
        """A channel's first page: its names and summary, its course on the body, and
        its points with their pages."""

        def paint(painter: QPainter, page: QRectF) -> None:
            s = style
            colour = channel_colour(self.atlas, channel.code)
            ink = darker_for_text(colour)
            bottom = page.bottom() - FOOTER_HEIGHT - 6
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(page.left(), page.top(), page.width(), 6))
            painter.restore()
            y = page.top() + 16
            shown = format_channel(channel.code, self.code_style)
            kicker = s.font(9, True)
            h = s.metrics(kicker).height()
            s.line(painter, QRectF(page.left(), y, page.width(), h),
                   f"{shown} · {len(mine)} points".upper(), kicker, ink, kind="header")  # fmt: skip
            y += h + 2
            big = s.font(26, True)
            h = s.metrics(big).height()
            s.line(painter, QRectF(page.left(), y, page.width(), h), channel.english, big, INK,
                   kind="title")  # fmt: skip
            y += h
            sub = s.font(14)
            h = s.metrics(sub).height()
            s.line(painter, QRectF(page.left(), y, page.width(), h),
                   f"{channel.pinyin}  {channel.hanzi}", sub, MUTED, kind="title")  # fmt: skip
            y += h + 8
            if channel.summary:
                y += s.text(painter, QRectF(page.left(), y, page.width(), 90), channel.summary,
                            s.font(10), INK, kind="body") + 10  # fmt: skip
            # The points: code, pinyin and page, in columns, each a link.
            font = s.font(8.6)
            bold = s.font(8.6, True)
            line_h = s.metrics(font).height() + 2.5
            columns = 3
            per_col = -(-len(mine) // columns)
            list_h = per_col * line_h + 8
            figure = QRectF(page.left(), y, page.width(), max(120.0, bottom - y - list_h - 14))
            self._figures(painter, s, figure, [channel.code], True)
            y = figure.bottom() + 10
            rule(painter, page.left(), page.right(), y, tint(colour, 0.5), 0.8)
            y += 6
            col_w = page.width() / columns
            num_w = s.metrics(font).horizontalAdvance("0000")
            for k, i in enumerate(mine):
                point = self.points[i]
                x = page.left() + (k // per_col) * col_w
                row = QRectF(x, y + (k % per_col) * line_h, col_w - 12, line_h)
                code = self.code(point.code)
                code_w = s.metrics(bold).horizontalAdvance("EX-HN00") + 4
                s.line(painter, QRectF(row.left(), row.top(), code_w, line_h), code, bold, ink,
                       kind="toc")  # fmt: skip
                s.line(painter, QRectF(row.left() + code_w, row.top(),
                                       row.width() - code_w - num_w, line_h),
                       point.pinyin_tones, font, INK, kind="toc")  # fmt: skip
                s.line(painter, QRectF(row.right() - num_w, row.top(), num_w, line_h),
                       label(point_page[i]), font, MUTED, Qt.AlignmentFlag.AlignRight,
                       kind="toc")  # fmt: skip
                s.link(row, point_page[i])
            footer(painter, s, page, s.page, 0, self.atlas, label=label(s.page))

        return paint

    def _point_page(self, style: Style, point: Point, label: Callable[[int], str]) -> PagePainter:
        def paint(painter: QPainter, page: QRectF) -> None:
            notes = self.notes(point.code) if self.notes else ""
            draw_point_page(painter, style, page, self.atlas, point, notes, self.code_style)
            footer(painter, style, page, style.page, 0, self.atlas, label=label(style.page))

        return paint

    # ------------------------------------------------------------------ index

    def _index_sections(self) -> list[tuple[str, list[tuple[str, str, int]]]]:
        """(title, [(what is looked up, what it finds, point index)]) per index."""
        points = list(enumerate(self.points))
        by_code = [(self.code(p.code), f"{p.pinyin} · {p.english}", i) for i, p in points]
        by_pinyin = sorted(
            ((p.pinyin_tones, self.code(p.code), i) for i, p in points),
            key=lambda e: (_fold(e[0]), e[2]),
        )
        by_english = sorted(
            ((p.english, self.code(p.code), i) for i, p in points),
            key=lambda e: (_fold(e[0]), e[2]),
        )
        return [
            ("Index by code", by_code),
            ("Index by pinyin", by_pinyin),
            ("Index by English name", by_english),
        ]

    def _index_width(self, page: QRectF) -> tuple[float, float, float]:
        """The column's width, the gap between columns, and the page number's room."""
        gap = 14.0
        return (page.width() - gap * (INDEX_COLUMNS - 1)) / INDEX_COLUMNS, gap, 22.0

    def _layout_index(
        self, style: Style, page: QRectF, bottom: float, title_h: float
    ) -> tuple[list[list[_IndexColumn]], list[tuple[str, int]]]:
        """Pages of columns of headings and entries, and the page (from the first index
        page) each section starts on. An entry wraps (never cut), its lines after the
        first indented."""
        col_w, _gap, num_w = self._index_width(page)
        font = style.font(INDEX_SIZE)
        head_h = style.metrics(style.font(11, True)).height() + 8
        pages: list[list[_IndexColumn]] = [[[]]]
        starts: list[tuple[str, int]] = []
        top = page.top() + title_h
        y = top

        def new_column() -> None:
            nonlocal y
            if len(pages[-1]) == INDEX_COLUMNS:
                pages.append([[]])
            else:
                pages[-1].append([])
            y = top

        for title, entries in self._index_sections():
            if y + head_h + 3 * style.metrics(font).height() > bottom:
                new_column()
            elif y > top:
                y += 6
            starts.append((title.replace("Index by", "By"), len(pages) - 1))
            pages[-1][-1].append(_Heading(title))
            y += head_h
            for first, second, index in entries:
                spans = [Span(first, bold=True), Span(f"  {second}", colour=MUTED)]
                para = style.layout(spans, font, col_w - num_w - 4, indent=10.0)
                height = para.height + 1.6
                if y + height > bottom:
                    new_column()
                pages[-1][-1].append(_Entry(para, index))
                y += height
        return pages, starts

    def _index_page(
        self,
        style: Style,
        n: int,
        columns: list[_IndexColumn],
        point_page: dict[int, int],
        label: Callable[[int], str],
        title_h: float,
    ) -> PagePainter:
        def paint(painter: QPainter, page: QRectF) -> None:
            s = style
            head = s.font(11, True)
            head_h = s.metrics(head).height() + 8
            font = s.font(INDEX_SIZE)
            self._page_title(painter, s, page, "Index" if n == 0 else "Index (continued)")
            col_w, gap, num_w = self._index_width(page)
            for c, column in enumerate(columns):
                x = page.left() + c * (col_w + gap)
                y = page.top() + title_h
                for item in column:
                    if isinstance(item, _Heading):
                        if y > page.top() + title_h:
                            y += 6
                        s.line(painter, QRectF(x, y, col_w, head_h - 6), item.title, head,
                               ACCENT, kind="index")  # fmt: skip
                        rule(painter, x, x + col_w, y + head_h - 4, RULE, 0.5)
                        y += head_h
                        continue
                    target = point_page[item.point]
                    box = QRectF(x, y, col_w - num_w - 4, item.para.height + 0.5)
                    item.para.draw(painter, box, INK, "index")
                    number = QRectF(x + col_w - num_w, y, num_w, s.metrics(font).height())
                    s.line(painter, number, label(target), font, INK,
                           Qt.AlignmentFlag.AlignRight, kind="index")  # fmt: skip
                    s.link(QRectF(x, y, col_w, item.para.height), target)
                    y += item.para.height + 1.6
            footer(painter, s, page, s.page, 0, self.atlas, label=label(s.page))

        return paint
