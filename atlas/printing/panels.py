"""The pictures on paper: a point sheet's, a handout's and a plan's.

Each is a framed panel holding a cropped view (`diagram.frame_point` chooses the
view and the crop) with what that sheet needs on it:

* a point sheet: the channel's course from the `pathways` table, the
  channel's points, every location of the point, its measuring guide, and
  labels: the point's code always, the points its location names where there
  is room;
* a handout: the body part and the point's places in big markers, nothing else;
* a plan: a dot for every location of every point and a numbered disc per
  point and side, moved out with a leader line where the dots are crowded.

Labels are placed by the diagram's own label layout (`atlas.diagram.labels`, as
in the window): none covers another, a marker or guide text, and none leaves
the picture. Each marker and label drawn is
recorded in `Style.marks`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from atlas.core import Atlas, Point
from atlas.core.codes import format_code
from atlas.core.placement import HALVES
from atlas.diagram.guide import GuideItem
from atlas.diagram.labels import MUST, WANTED, Box, Label, place_labels
from atlas.printing import diagram as dg
from atlas.printing.layout import FAINT, MUTED, RULE, Mark, Style

CAPTION_SIZE = 7.0
#: The skin the courses are drawn over: an opaque ink mixed with it prints as a real
#: stroke (a translucent pen becomes a filled outline in Qt's PDF writer).
SKIN = QColor("#f6e6da")
GUIDE_INK = QColor("#3c4a57")
GROUND = QColor("#fbfbfa")  # a picture's panel
_CODE = re.compile(r"\b(?:[A-Z]{2}\d{1,2}|EX-[A-Z]{1,2}\d{1,2})\b")


def channel_colour(atlas: Atlas, channel: str) -> QColor:
    info = atlas.channel(channel)
    colour = QColor(info.colour) if info else QColor("#4a6a8a")
    return colour if colour.isValid() else QColor("#4a6a8a")


def darker_for_text(colour: QColor) -> QColor:
    """The channel colour, darkened enough to read as text on white."""
    hue, sat, light = colour.hslHueF(), colour.hslSaturationF(), colour.lightnessF()
    return QColor.fromHslF(max(hue, 0.0), min(1.0, sat), min(light, 0.38), 1.0)


def on_skin(colour: QColor, amount: float) -> QColor:
    """colour laid over the skin at `amount` (0 = skin, 1 = colour), as an opaque ink."""
    return QColor(
        round(SKIN.red() + (colour.red() - SKIN.red()) * amount),
        round(SKIN.green() + (colour.green() - SKIN.green()) * amount),
        round(SKIN.blue() + (colour.blue() - SKIN.blue()) * amount),
    )


def panel(painter: QPainter, box: QRectF) -> None:
    """The frame every picture sits in."""
    painter.save()
    path = QPainterPath()
    path.addRoundedRect(box, 5, 5)
    painter.setPen(QPen(RULE, 0.7))
    painter.setBrush(GROUND)
    painter.drawPath(path)
    painter.restore()


def no_picture(painter: QPainter, style: Style, inner: QRectF) -> None:
    style.text(painter, inner.adjusted(10, inner.height() / 2 - 10, -10, 0),
               "No diagram is available for this point yet.", style.font(8, scaled=False),
               FAINT, kind="diagram-missing", align=Qt.AlignmentFlag.AlignHCenter)  # fmt: skip


# --------------------------------------------------------------------------- labels


@dataclass(slots=True)
class _Tag:
    """A label to place and how to draw it."""

    anchor: QPointF
    text: str
    font: QFont
    rank: int
    ink: QColor  # its text, or its fill when `filled`
    filled: bool
    gap: float
    kind: str = "label"
    round: bool = False  # a disc (a plan's number) rather than a rounded box
    framed: bool = False  # a guide's length: a thin frame round it
    label: Label | None = None  # its size and preferred side, where already known


def _place(
    painter: QPainter,
    style: Style,
    picture: QRectF,
    tags: Sequence[_Tag],
    obstacles: list[Box],
) -> None:
    """Place the tags clear of each other and of the obstacles, inside the picture, by
    the diagram's own label layout, and draw them, with a leader line to those moved
    away from their anchor."""
    labels = []
    for tag in tags:
        if tag.label is not None:
            labels.append(tag.label)
            continue
        metrics = style.metrics(tag.font)
        h = metrics.height() + (2 if tag.round else 1.5)
        w = h if tag.round else metrics.horizontalAdvance(tag.text) + 6
        labels.append(Label(tag.anchor.x(), tag.anchor.y(), w, h, tag.gap, tag.rank))
    bounds = Box(picture.left() + 1, picture.top() + 1, picture.right() - 1, picture.bottom() - 1)
    placed = place_labels(labels, obstacles, bounds)
    painter.save()
    painter.setClipRect(picture)
    for tag, box in zip(tags, placed, strict=True):
        if box is None:
            continue
        rect = QRectF(box.left, box.top, box.right - box.left, box.bottom - box.top)
        far = QLineF(tag.anchor, rect.center()).length() - min(rect.width(), rect.height()) / 2
        if far > tag.gap + rect.height() * 0.6:
            end = dg.nearest_on(rect, tag.anchor)
            start = QLineF(tag.anchor, end)
            start.setLength(min(tag.gap * 0.8, start.length()))
            painter.setPen(QPen(tag.ink if tag.filled else MUTED, 0.6))
            painter.drawLine(start.p2(), end)
        if tag.filled:
            painter.setPen(QPen(QColor("white"), 0.8) if tag.round else Qt.PenStyle.NoPen)
            painter.setBrush(tag.ink)
            text_ink = QColor("white")
        else:
            back = QColor("white")
            back.setAlphaF(0.88)
            painter.setPen(QPen(tag.ink, 0.6) if tag.framed else Qt.PenStyle.NoPen)
            painter.setBrush(back)
            text_ink = tag.ink
        if tag.round:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2.5, 2.5)
        painter.setFont(tag.font)
        painter.setPen(text_ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tag.text)
        style.marks.append(Mark(style.page, tag.kind, tag.text, rect, QRectF(picture)))
    painter.restore()


def _marker(style: Style, kind: str, code: str, at: QPointF, radius: float, picture: QRectF) -> Box:
    """Record a marker drawn at `at` (page units); returns its box as an obstacle."""
    box = Box.around(at.x(), at.y(), radius + 0.6)
    rect = QRectF(box.left, box.top, box.right - box.left, box.bottom - box.top)
    style.marks.append(Mark(style.page, kind, code, rect, QRectF(picture)))
    return box


# --------------------------------------------------------------------------- point sheet


def point_picture(
    painter: QPainter,
    style: Style,
    atlas: Atlas,
    box: QRectF,
    point: Point,
    code_style: str = "who",
) -> None:
    """A point sheet's picture: the point on the view that shows it best, with its
    channel's course, its measuring guide and labels; the caption names the view and
    says what the guide measures."""
    data = dg.data_for(atlas)
    panel(painter, box)
    cap_font = style.font(CAPTION_SIZE, scaled=False)
    cap_box = box.adjusted(6, 0, -6, 0)
    every = {m.unit for v in data.views for m in data.measures.get((point.code, v), [])}
    longest = _caption(max((v.title for v in data.views.values()), key=len), sorted(every))
    cap_h = style.layout(longest, cap_font, cap_box.width()).height
    inner = box.adjusted(4, 4, -4, -8 - cap_h)
    # The points the location names (where there is room, labelled too).
    named = [c for c in dict.fromkeys(_CODE.findall(point.location)) if c != point.code]
    aspect = inner.width() / inner.height()
    frame = dg.frame_point(data, point.code, point.region, aspect, named=named)
    if frame is None:
        no_picture(painter, style, inner)
        return
    picture = dg.target_for(frame.crop, inner)
    dp = dg.DiagramPainter(painter, data, frame.view, frame.crop, picture, frame, GROUND)
    dp.draw_figure()
    colour = channel_colour(atlas, point.channel)
    ink = darker_for_text(colour)
    side = frame.featured.side
    # The course on the point's side, and on the other where the picture shows it.
    other = {"left": "right", "right": "left"}.get(side, "") if frame.hidden is None else ""
    dp.courses(point.channel, on_skin(colour, 0.75), {side: 1.4, other: 0.9, "midline": 1.4})
    obstacles: list[Box] = []
    named_tags: list[_Tag] = []
    # The channel's other points on the sides drawn, and the points the location names.
    for p in data.by_view.get(frame.view, []):
        if p.code == point.code or p.side not in (side, other, "midline"):
            continue
        channel = data.channel_of.get(p.code, "")
        is_named = p.code in named and p.side in (side, "midline")
        if (channel != point.channel and not is_named) or not dp.visible(QPointF(p.x, p.y)):
            continue
        at = dp.map(QPointF(p.x, p.y))
        dot_ink = on_skin(channel_colour(atlas, channel), 0.9 if is_named else 0.7)
        dp.dot(QPointF(p.x, p.y), dot_ink, 1.7 if is_named else 1.4)
        obstacles.append(_marker(style, "dot", p.code, at, 1.7, inner))
        if is_named:
            font = style.font(6.3, scaled=False)
            code = format_code(p.code, code_style)
            named_tags.append(_Tag(at, code, font, WANTED, MUTED, False, 2.6))
    # The measuring guide, then the point itself: every location in the picture.
    measures = dg.measures_for(data, frame.featured)
    dp.guide_lines(measures, GUIDE_INK)
    for p in data.placements_of(point.code, frame.view):
        pos = QPointF(p.x, p.y)
        if not dp.visible(pos):
            continue
        radius = 4.4 if p.side == side else 3.6
        dp.ring(pos, ink, radius)
        obstacles.append(_marker(style, "marker", point.code, dp.map(pos), radius, inner))
    # The text, laid out at once as the window lays it out: the point's code, the guide's
    # lengths along its lines and the names of the places at their ends, then the points
    # the location names.
    featured = QPointF(frame.featured.x, frame.featured.y)
    tags = [_Tag(dp.map(featured), format_code(point.code, code_style),
                 style.font(7, bold=True, scaled=False), MUST, ink, True, 6.0)]  # fmt: skip
    if measures:
        guide_font = style.font(6.5, bold=True, scaled=False)
        guide = GuideItem(point.code, [m.source for m in measures], {}, featured,
                          _on_screen(guide_font))  # fmt: skip
        obstacles += guide.line_boxes(dp.transform)
        tags += [_Tag(dp.transform.map(text.anchor), text.text, guide_font, MUST, GUIDE_INK,
                      False, text.label.gap, "guide", framed=text.strong, label=text.label)
                 for text in guide.texts(dp.transform)]  # fmt: skip
    _place(painter, style, inner, [*tags, *named_tags], obstacles)
    units = sorted({m.unit for m in measures})
    caption = _caption(data.views[frame.view].title, units)
    style.text(painter, QRectF(cap_box.left(), inner.bottom() + 3, cap_box.width(), cap_h + 1),
               caption, cap_font, MUTED, kind="caption")  # fmt: skip


def _caption(title: str, units: Sequence[str]) -> str:
    """The view's title, and what the measuring guide is."""
    if not units:
        return f"{title}."
    ticks = " or ".join(u for u in units if u != HALVES)  # a line halved has no ticks
    per = f" a tick per {ticks}," if ticks else ""
    return f"{title}. Dashed: the measuring guide,{per} the bold tick at the point."


def _on_screen(font: QFont) -> QFont:
    """The font a diagram's text measures with (`QFontMetricsF` of the screen) to come out
    the size `font` draws at on paper: page units are points."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchY() if screen is not None else 72.0
    sized = QFont(font)
    sized.setPointSizeF(font.pointSizeF() * 72.0 / dpi)
    return sized


# --------------------------------------------------------------------------- handout


HANDOUT_CONTEXT = 2.2


def handout_shape(atlas: Atlas, point: Point) -> float:
    """The width over height a handout's picture of the point looks best at."""
    frame = dg.frame_point(
        dg.data_for(atlas), point.code, point.region, None, HANDOUT_CONTEXT, guide=False
    )
    return frame.crop.width() / frame.crop.height() if frame else 0.75


def handout_picture(
    painter: QPainter, style: Style, atlas: Atlas, box: QRectF, point: Point
) -> None:
    """The body part with the point's places in big markers: no lines, no labels."""
    data = dg.data_for(atlas)
    panel(painter, box)
    inner = box.adjusted(4, 4, -4, -4)
    aspect = inner.width() / inner.height()
    frame = dg.frame_point(data, point.code, point.region, aspect, HANDOUT_CONTEXT, guide=False)
    if frame is None:
        no_picture(painter, style, inner)
        return
    picture = dg.target_for(frame.crop, inner)
    dp = dg.DiagramPainter(painter, data, frame.view, frame.crop, picture, frame, GROUND)
    dp.draw_figure()
    ink = darker_for_text(channel_colour(atlas, point.channel))
    for p in data.placements_of(point.code, frame.view):
        pos = QPointF(p.x, p.y)
        if dp.visible(pos):
            dp.ring(pos, ink, 8.0)
            _marker(style, "marker", point.code, dp.map(pos), 8.0, inner)


# --------------------------------------------------------------------------- plan


def plan_picture(
    painter: QPainter,
    style: Style,
    atlas: Atlas,
    box: QRectF,
    view: str,
    numbers: dict[str, str],
    size: float = CAPTION_SIZE,
) -> None:
    """One view of a plan: a dot at every location of its points and a numbered disc
    per point and side, never covering another disc or a dot; its type `size` points."""
    data = dg.data_for(atlas)
    panel(painter, box)
    cap_font = style.font(size, scaled=False)
    cap_h = style.metrics(cap_font).height() + 4
    inner = box.adjusted(4, 4, -4, -4 - cap_h)
    codes = [c for c in numbers if data.placements_of(c, view)]
    crop = dg.frame_points(data, codes, view, inner.width() / inner.height())
    dp = dg.DiagramPainter(painter, data, view, crop, dg.target_for(crop, inner))
    dp.draw_figure()
    font = style.font(size, bold=True, scaled=False)
    obstacles: list[Box] = []
    tags: list[_Tag] = []
    radius = 1.9
    for code in codes:
        point = atlas.point(code)
        if point is None:
            continue
        ink = darker_for_text(channel_colour(atlas, point.channel))
        by_side: dict[str, list[QPointF]] = {}
        for p in data.placements_of(code, view):
            pos = QPointF(p.x, p.y)
            if dp.visible(pos):
                by_side.setdefault(p.side, []).append(dp.map(pos))
                dp.dot(pos, ink, radius)
                obstacles.append(_marker(style, "dot", code, dp.map(pos), radius, inner))
        for found in by_side.values():
            at = found[len(found) // 2]
            tags.append(_Tag(at, numbers[code], font, MUST, ink, True, radius + 1.2, "number",
                             round=True))  # fmt: skip
    _place(painter, style, inner, tags, obstacles)
    style.line(painter, QRectF(box.left() + 6, box.bottom() - cap_h - 1, box.width() - 12, cap_h),
               data.views[view].title, cap_font, MUTED, kind="caption")  # fmt: skip
