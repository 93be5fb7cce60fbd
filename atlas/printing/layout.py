"""Typesetting helpers shared by every sheet: fonts, paragraphs, boxes, page furniture.

Units. Sheets are laid out in points (1/72 inch). The render path scales the
painter from points to device pixels, so a font must be sized in the
painter's logical units: `Style.font(9)` is 9 points on paper whatever the
device's resolution (a 1200 dpi PDF writer, a printer, a preview, an image).

Nothing overflows. Every text is laid out with QTextLayout to a width and
drawn only into a rectangle; what does not fit is cut at a line and the last
line shown is elided ("…"). Each draw is recorded in `Style.placed`, which
tests read to check that no text ran past its box or the page (the pictures
record their markers and labels in `Style.marks`, a book its links in
`Style.links`). A number and its unit ("3 B-cun") are kept on one line.

Work is bounded on any input (a note may be megabytes). A paragraph lays out at
most MAX_CHARS characters and MAX_HEIGHT points of lines, more than any page
shows; the rest is cut, and drawn elided like any text too long for its box.
QTextLayout's line breaking is quadratic in the length of a run with no break
opportunity, so such a run gets one (a zero-width space) every MAX_RUN
characters; `Style.line` elides at most MAX_LINE_CHARS.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from atlas.printing import fonts

INK = QColor("#1d232b")
MUTED = QColor("#5c6670")
FAINT = QColor("#9aa3ab")
RULE = QColor("#d5dadf")
PANEL = QColor("#f4f6f8")
CAUTION = QColor("#b5462b")
CAUTION_BG = QColor("#fdf1ec")
NOTE_BG = QColor("#fbf8ea")
NOTE_EDGE = QColor("#d9c97a")

#: Characters laid out per paragraph at most (a full page at the smallest type holds
#: about 12,000); what is beyond is cut, and the paragraph drawn elided.
MAX_CHARS = 20_000
#: Points of lines laid out per paragraph at most (more than the tallest page).
MAX_HEIGHT = 1_200.0
#: A run of this many characters with no break opportunity is given one.
MAX_RUN = 64
#: Characters a one-line text is elided from at most (a line holds far fewer).
MAX_LINE_CHARS = 1_000
_UNBROKEN = re.compile(rf"\S{{{MAX_RUN}}}(?=\S)")
#: A measure and its unit ("3 B-cun", "1 F-breadth", "0.5–1 cun"): never split across lines.
_MEASURE = re.compile(
    r"(?<=\d) (?=[BF]-(?:cun|breadth)\b|cun\b)"  # the space after the number
    r"|(?<=\b[BF])-(?=cun\b|breadth\b)"  # the hyphen in the unit
)


@dataclass(slots=True)
class Placed:
    """One text drawn on a page: its box, the height it needed, whether it was cut, and
    its type size in points."""

    page: int
    kind: str
    text: str
    box: QRectF
    needed: float
    drawn: QRectF
    elided: bool
    size: float = 0.0


@dataclass(slots=True)
class Mark:
    """One thing drawn on a diagram (a marker, a label, guide text), with its box on the
    page and the picture it belongs to; tests read them to check that none is hidden."""

    page: int
    kind: str  # "marker", "dot", "label", "number" or "guide"
    text: str
    box: QRectF
    picture: QRectF


@dataclass(slots=True)
class Link:
    """A place on a page (page units) that takes the reader to another page (1-based)."""

    page: int
    box: QRectF
    target: int


@dataclass(slots=True)
class Span:
    text: str
    bold: bool = False
    colour: QColor | None = None


class Style:
    """Fonts for one device, and the record of what was drawn."""

    def __init__(self, device: QPaintDevice, scale: float = 1.0) -> None:
        self.device = device
        self.dpi = float(device.logicalDpiY()) or 72.0
        self.scale = scale
        self.family = fonts.family()
        self.placed: list[Placed] = []
        self.marks: list[Mark] = []
        self.links: list[Link] = []
        self.page = 0
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def font(self, size: float, bold: bool = False, scaled: bool = True) -> QFont:
        """A font of `size` points on paper (times the sheet's scale when `scaled`)."""
        real = size * (self.scale if scaled else 1.0)
        key = (round(real, 3), bold)
        found = self._fonts.get(key)
        if found is None:
            found = QFont(self.family)
            found.setPointSizeF(real * 72.0 / self.dpi)
            found.setBold(bold)
            found.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            found.setKerning(True)
            self._fonts[key] = found
        return found

    def points(self, font: QFont) -> float:
        """A font's size on paper, in points (the inverse of `font`)."""
        return font.pointSizeF() * self.dpi / 72.0

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def line_height(self, font: QFont, leading: float = 0.93) -> float:
        return self.metrics(font).height() * leading

    # ----------------------------------------------------------------- paragraphs

    def layout(
        self,
        spans: str | Sequence[Span],
        font: QFont,
        width: float,
        leading: float = 0.93,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        indent: float = 0.0,
    ) -> Paragraph:
        """A paragraph laid out to width; lines after the first indented by `indent`."""
        return Paragraph(self, spans, font, width, leading, align, indent)

    def link(self, box: QRectF, target: int) -> None:
        """Make box (on the page being drawn) a link to page `target` (1-based)."""
        self.links.append(Link(self.page, QRectF(box), target))

    def text(
        self,
        painter: QPainter,
        box: QRectF,
        spans: str | Sequence[Span],
        font: QFont,
        colour: QColor = INK,
        kind: str = "text",
        leading: float = 0.93,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Draw text wrapped into box (top-aligned); returns the height used."""
        para = self.layout(spans, font, box.width(), leading, align)
        return para.draw(painter, box, colour, kind)

    def line(
        self,
        painter: QPainter,
        box: QRectF,
        text: str,
        font: QFont,
        colour: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        kind: str = "line",
    ) -> float:
        """One line of text, elided to the box width; vertically centred in box."""
        metrics = self.metrics(font)
        shown = metrics.elidedText(text[:MAX_LINE_CHARS], Qt.TextElideMode.ElideRight, box.width())
        needed = metrics.height()
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), shown)
        width = metrics.horizontalAdvance(shown)
        drawn = QRectF(box.left(), box.center().y() - needed / 2, width, needed)
        if align & Qt.AlignmentFlag.AlignRight:
            drawn.moveRight(box.right())
        elif align & Qt.AlignmentFlag.AlignHCenter:
            drawn.moveLeft(box.center().x() - width / 2)
        self.placed.append(Placed(self.page, kind, text, QRectF(box), needed, drawn,
                                  shown != text, self.points(font)))  # fmt: skip
        return needed


class Paragraph:
    """A paragraph laid out to a width with QTextLayout (mixed bold/regular spans)."""

    def __init__(
        self,
        style: Style,
        spans: str | Sequence[Span],
        font: QFont,
        width: float,
        leading: float,
        align: Qt.AlignmentFlag,
        indent: float = 0.0,
    ) -> None:
        self.style = style
        spans, self.truncated = _bounded([Span(spans)] if isinstance(spans, str) else spans)
        # Plain-text line breaks (user notes) become Qt's line separator.
        self.text = keep_measures_together(
            "".join(s.text for s in spans).replace("\r\n", "\n").replace("\n", "\u2028")
        )
        self.font = font
        self.width = max(width, 1.0)
        self.layout = QTextLayout(self.text, font, style.device)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setUseDesignMetrics(True)
        self.layout.setTextOption(option)
        formats: list[QTextLayout.FormatRange] = []
        pos = 0
        bold = QFont(font)
        bold.setBold(True)
        for span in spans:
            if span.bold or span.colour is not None:
                fmt = QTextCharFormat()
                if span.bold:
                    fmt.setFont(bold)
                if span.colour is not None:
                    fmt.setForeground(span.colour)
                rng = QTextLayout.FormatRange()
                rng.start, rng.length, rng.format = pos, len(span.text), fmt
                formats.append(rng)
            pos += len(span.text)
        if formats:
            self.layout.setFormats(formats)
        metrics = style.metrics(font)
        self.line_gap = metrics.height() * (leading - 1.0)
        self.layout.beginLayout()
        y = 0.0
        self.lines: list[tuple[int, int, float, float]] = []  # start, length, y, height
        while True:
            if y > MAX_HEIGHT:
                self.truncated = True
                break
            line = self.layout.createLine()
            if not line.isValid():
                break
            hang = indent if self.lines else 0.0
            line.setLineWidth(max(self.width - hang, 1.0))
            line.setPosition(QPointF(hang, y))
            self.lines.append((line.textStart(), line.textLength(), y, line.height()))
            y += line.height() + self.line_gap
        self.layout.endLayout()
        self.height = y - self.line_gap if self.lines else 0.0

    def draw(self, painter: QPainter, box: QRectF, colour: QColor, kind: str = "text") -> float:
        """Draw into box from its top; cut (and elide) what does not fit. Returns height used."""
        fits = [ln for ln in self.lines if ln[2] + ln[3] <= box.height() + 0.01]
        elided = len(fits) < len(self.lines) or (self.truncated and bool(fits))
        painter.save()
        painter.setPen(colour)
        painter.setFont(self.font)
        used = 0.0
        if not elided:
            self.layout.draw(painter, box.topLeft())
            used = self.height
        else:
            for index in range(len(fits)):
                line = self.layout.lineAt(index)
                if index == len(fits) - 1:
                    start = fits[-1][0]
                    rest = self.text[start:].replace("\u2028", " ")
                    shown = self.style.metrics(self.font).elidedText(
                        rest + " …", Qt.TextElideMode.ElideRight, line.width()
                    )
                    if not shown.endswith("…"):
                        shown = shown.rstrip() + "…"
                    painter.drawText(
                        QPointF(
                            box.left() + line.position().x(),
                            box.top() + fits[-1][2] + line.ascent(),
                        ),
                        shown,
                    )
                else:
                    line.draw(painter, box.topLeft())
            used = fits[-1][2] + fits[-1][3] if fits else 0.0
        painter.restore()
        drawn = QRectF(box.left(), box.top(), self.natural_width(len(fits)), used)
        self.style.placed.append(
            Placed(
                self.style.page,
                kind,
                plain(self.text),
                QRectF(box),
                self.height,
                drawn,
                elided,
                self.style.points(self.font),
            )
        )
        return used

    def natural_width(self, count: int | None = None) -> float:
        widest = 0.0
        for index in range(count if count is not None else self.layout.lineCount()):
            line = self.layout.lineAt(index)
            widest = max(widest, line.position().x() + line.naturalTextWidth())
        return min(widest, self.width)


def keep_measures_together(text: str) -> str:
    """The text with a no-break space between a number and its unit and a no-break
    hyphen in B-cun and F-cun, so "3 B-cun" is never split across lines (the same
    length, so formats keep their places; both extract from the PDF as plain text)."""
    return _MEASURE.sub(lambda m: "\u00a0" if m.group() == " " else "\u2011", text)


def plain(text: str) -> str:
    """Text as it reads: the no-break space and hyphen of `keep_measures_together` as
    the ordinary ones."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def _bounded(spans: Sequence[Span]) -> tuple[list[Span], bool]:
    """The spans cut to MAX_CHARS in all, each long unbroken run given a break
    opportunity; and whether anything was cut."""
    out: list[Span] = []
    left = MAX_CHARS
    for span in spans:
        text = span.text[:left]
        left -= len(text)
        if len(text) > MAX_RUN:
            text = _UNBROKEN.sub(lambda m: m.group() + "\u200b", text)
        out.append(Span(text, span.bold, span.colour))
    return out, sum(len(s.text) for s in spans) > MAX_CHARS


# --------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class Block:
    """A unit of a column: measured for a width, then drawn at a position."""

    height: float
    draw: object  # Callable[[QPainter, QRectF], None]
    keep_with_next: bool = False
    kind: str = "block"


@dataclass(slots=True)
class Column:
    rect: QRectF
    blocks: list[Block] = field(default_factory=list)

    @property
    def used(self) -> float:
        return sum(b.height for b in self.blocks)


def rule(painter: QPainter, x1: float, x2: float, y: float, colour: QColor, width: float) -> None:
    painter.save()
    painter.setPen(QPen(colour, width))
    painter.drawLine(QPointF(x1, y), QPointF(x2, y))
    painter.restore()


def tint(colour: QColor, amount: float) -> QColor:
    """colour mixed with white: amount 0 = white, 1 = colour."""
    return QColor(
        round(255 + (colour.red() - 255) * amount),
        round(255 + (colour.green() - 255) * amount),
        round(255 + (colour.blue() - 255) * amount),
    )
