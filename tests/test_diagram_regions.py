"""Body regions on the diagram: hovering one, or listing its points, draws the
region's own outline (read from the pixels shown), not a box around it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.diagram.labels import LabelItem
from atlas.diagram.regions import RegionItem
from atlas.diagram.view import DiagramView
from atlas.ui import MainWindow


def shown(view: DiagramView) -> QImage:
    """The viewport as the user sees it once the window has caught up."""
    QApplication.processEvents()
    view.layout_labels()
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def changed(before: QImage, after: QImage) -> list[QPointF]:
    """The centres of the pixels that differ between two images of the same size."""
    a, b = bytes(before.constBits()), bytes(after.constBits())
    line = after.bytesPerLine()
    out: list[QPointF] = []
    for y in range(after.height()):
        row = slice(y * line, (y + 1) * line)
        if a[row] != b[row]:
            start = y * line
            out.extend(
                QPointF(x + 0.5, y + 0.5)
                for x in range(after.width())
                if a[start + 4 * x : start + 4 * x + 4] != b[start + 4 * x : start + 4 * x + 4]
            )
    return out


def on_screen(view: DiagramView, items: list[RegionItem]) -> QPainterPath:
    """The regions' outlines in viewport pixels."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)  # overlapping parts stay filled
    for item in items:  # its outline: the convex pieces it is made of merged
        path.addPath(view.viewportTransform().map(item.path().simplified()))
    return path


def near(view: DiagramView, items: list[RegionItem], pixels: float) -> QImage:
    """A mask of the regions, a band of pixels along their outlines, and the point
    labels shown (drawn above the regions, a repaint may antialias their edges anew)."""
    mask = QImage(view.viewport().size(), QImage.Format.Format_Grayscale8)
    mask.fill(0)
    white = QColor(255, 255, 255)
    painter = QPainter(mask)
    outline = on_screen(view, items)
    painter.fillPath(outline, white)
    pen = QPen(white, 2 * pixels)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)  # a disc around every corner
    painter.strokePath(outline, pen)
    for label in view.scene().items():
        if isinstance(label, LabelItem) and label.isVisible():
            box = label.rect().translated(view.viewportTransform().map(label.pos()))
            painter.fillRect(box.adjusted(-1, -1, 1, 1), white)
    painter.end()
    return mask


def all_inside(points: list[QPointF], mask: QImage) -> bool:
    return all(mask.pixelColor(p.toPoint()).value() > 0 for p in points)


def inked(image: QImage, outline: QPainterPath) -> float:
    """The share of places along the outline drawn in the outline's blue ink (a tint
    of the whole region alone would leave the edge the colour of the skin)."""
    samples = [outline.pointAtPercent(t / 200) for t in range(200)]

    def blue(x: int, y: int) -> bool:
        colour = image.pixelColor(x, y)
        return colour.blue() - colour.red() > 50

    hits = sum(
        any(blue(round(p.x()) + dx, round(p.y()) + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        for p in samples
    )
    return hits / len(samples)


def test_hovering_a_region_draws_its_outline(qtbot: QtBot, atlas: Atlas) -> None:
    view = DiagramView(atlas)
    qtbot.addWidget(view)
    view.resize(600, 800)
    view.show()
    qtbot.waitExposed(view)
    view.set_view("front")
    chest = [item for item in view.region_items() if item.region == "chest"]
    assert len(chest) == 1
    outline = on_screen(view, chest)
    allowed = near(view, chest, 4)
    # the chest is not a box: a box around it would reach well beyond that band
    box = outline.boundingRect().toRect()
    corners = [QPointF(x, y) for x in range(box.left(), box.right(), 3) for y in (box.bottom(),)]
    corners += [QPointF(box.left() + 1, y) for y in range(box.top(), box.bottom(), 3)]
    assert not all_inside(corners, allowed)

    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    before = shown(view)
    centre = chest[0].path().boundingRect().center()
    assert chest[0].path().contains(centre)
    qtbot.mouseMove(view.viewport(), view.mapFromScene(centre))
    assert chest[0].hovered
    after = shown(view)

    moved = changed(before, after)
    assert len(moved) > 500
    assert all_inside(moved, allowed)
    assert inked(after, outline) > inked(before, outline) + 0.5

    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    assert not chest[0].hovered
    assert changed(before, shown(view)) == []


def test_listing_a_region_outlines_it_until_something_else_is_listed(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    view = window.diagram
    qtbot.waitUntil(lambda: bool(view.markers()))
    view.set_view("front")
    hands = [item for item in view.region_items() if item.region == "hand"]
    assert len(hands) == 2
    box = hands[0].path().boundingRect()
    view.centerOn(box.center())
    view.zoom_by(4.0)
    spots = (
        view.mapFromScene(
            QPointF(box.left() + box.width() * i / 16, box.top() + box.height() * j / 16)
        )
        for i in range(1, 16)
        for j in range(1, 16)
    )
    target = next(spot for spot in spots if isinstance(view.item_at(spot), RegionItem))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert "hand region" in window.search.label.text()
    assert all(item.outlined for item in hands)

    view.fit()
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))  # the pointer leaves: no hover
    outlined = shown(view)
    view.highlight(view.highlighted())  # the same points, not from a region
    assert not any(item.outlined for item in hands)
    plain = shown(view)
    moved = changed(plain, outlined)
    assert moved and all_inside(moved, near(view, hands, 4))
    # (the hand's outline runs round its fingers too: a good part of it is inked)
    for item in hands:
        assert (
            inked(outlined, on_screen(view, [item])) > inked(plain, on_screen(view, [item])) + 0.3
        )

    view.highlight(view.highlighted())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    window.show_channel("LU")  # something else listed: the outline goes
    assert not any(item.outlined for item in hands)
