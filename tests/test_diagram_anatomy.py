"""The anatomy layer of the figure (bones, muscles, creases), switched on or off."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from atlas.core import Atlas, paths
from atlas.diagram.figure import FigureRender, figure_svg
from atlas.diagram.view import DiagramView
from atlas.ui import MainWindow

VIEWS = sorted((paths.assets_dir() / "views").glob("*.svg"))
SVG_NS = "{http://www.w3.org/2000/svg}"


def anatomy_group(root: ET.Element) -> ET.Element | None:
    return next((g for g in root.iter(f"{SVG_NS}g") if g.get("id") == "anatomy"), None)


@pytest.mark.parametrize("svg", VIEWS, ids=[p.stem for p in VIEWS])
def test_the_layer_is_the_last_thing_drawn_and_leaves_cleanly(svg: Path) -> None:
    """The layer is the root's last group (drawn over the art), so the figure without
    it is the file cut before it: the same SVG with that one group removed."""
    root = ET.parse(svg).getroot()
    group = anatomy_group(root)
    if group is None:
        assert b'id="anatomy"' not in figure_svg(svg, anatomy=False)
        return
    assert list(root)[-1] is group
    assert list(group), "an empty anatomy layer"
    root.remove(group)
    plain = ET.fromstring(figure_svg(svg, anatomy=False))
    assert ET.tostring(plain) == ET.tostring(root)
    assert figure_svg(svg, anatomy=True) == svg.read_bytes()


#: parts that a view must name, beyond what other tests ask for
NAMED_PARTS = {
    "vertex": {"sagittal_suture", "coronal_suture", "lambdoid_suture", "ear_apex_line"},
    "front": {"acromion", "asis", "iliac_crest", "wrist_tendons"},
    "back": {"acromion", "iliac_crest", "sacral_foramina"},
    "side": {"acromion", "asis", "iliac_crest"},
    "hand_palmar": {"wrist_tendons"},
}


@pytest.mark.parametrize("svg", VIEWS, ids=[p.stem for p in VIEWS])
def test_every_view_has_the_layer_with_its_named_parts(svg: Path) -> None:
    group = anatomy_group(ET.parse(svg).getroot())
    assert group is not None and list(group)
    parts = {str(g.get("id")).removeprefix("anatomy-") for g in group}
    assert NAMED_PARTS.get(svg.stem, set()) <= parts, NAMED_PARTS[svg.stem] - parts


def pixels(view: DiagramView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def drawn_alone(view: DiagramView, svg: bytes, element: str | None, size: QSize) -> QImage:
    """What the view's transform makes of an SVG (or of one element of it) alone."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(svg))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing)
    painter.setTransform(view.viewportTransform())
    if element is None:
        renderer.render(painter, renderer.viewBoxF())
    else:
        renderer.render(painter, element, renderer.boundsOnElement(element))
    painter.end()
    return image


def difference(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def test_with_the_layer_off_no_pixel_of_it_is_drawn(qtbot: QtBot, atlas: Atlas) -> None:
    view = DiagramView(atlas)
    qtbot.addWidget(view)
    view.resize(500, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_view("front")
    for channel in atlas.channels():  # the figure alone: no markers, no pathways
        view.set_channel_visible(channel.code, False)
    view.zoom_by(2.5)
    view.centerOn(125, 250)  # the chest: ribs, sternum, clavicles
    on = pixels(view)
    view.state.set_anatomy(False)
    off = pixels(view)
    svg = paths.assets_dir() / "views" / "front.svg"
    root = ET.parse(svg).getroot()
    group = anatomy_group(root)
    assert group is not None
    root.remove(group)
    size = off.size()
    layer = drawn_alone(view, svg.read_bytes(), "anatomy", size)
    without = drawn_alone(view, ET.tostring(root), None, size)
    backdrop = view.backgroundBrush().color()
    changed = inked = 0
    for x in range(0, size.width(), 2):
        for y in range(0, size.height(), 2):
            expected = without.pixelColor(x, y)
            if expected.alpha() < 255:  # outside the body: the backdrop
                expected = backdrop if expected.alpha() == 0 else off.pixelColor(x, y)
            assert difference(off.pixelColor(x, y), expected) <= 6, (x, y)
            if layer.pixelColor(x, y).alpha() > 40:
                inked += 1
                changed += difference(on.pixelColor(x, y), off.pixelColor(x, y)) > 6
    assert inked > 300 and changed > inked // 3  # on, the layer shows; off, none of it


def test_the_layer_is_kept_apart_in_the_figure_cache(qapp: QApplication, tmp_path: Path) -> None:
    svg = paths.assets_dir() / "views" / "front.svg"
    size = QSize(200, 600)
    with_layer = FigureRender(svg, size, tmp_path, anatomy=True)
    plain = FigureRender(svg, size, tmp_path, anatomy=False)
    a, b = with_layer.image(size), plain.image(size)
    assert a is not None and b is not None and a != b
    with_layer.store()
    again = FigureRender(svg, size, tmp_path, anatomy=False)
    assert not again.from_cache and again.image(size) == b


def test_the_view_menu_switches_the_layer_and_the_window_remembers_it(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view_menu, QMenu)
    action = next(a for a in view_menu.actions() if a.text().replace("&", "") == "Anatomy Layer")
    assert action.isCheckable() and action.isChecked() and window.diagram.state.anatomy
    assert not action.shortcut().isEmpty()
    window.diagram.setFocus()
    qtbot.keySequence(window.diagram, action.shortcut())
    assert not action.isChecked() and not window.diagram.state.anatomy
    window.close()
    again = make_window()
    assert not again.diagram.state.anatomy and not again.commands.anatomy.isChecked()
    again.commands.anatomy.trigger()
    assert again.diagram.state.anatomy


@pytest.mark.parametrize("code", ["LI4", "ST36", "BL23", "GB21", "CV12", "GB20"])
def test_the_printed_sheet_draws_the_layer_in_its_crop(
    qapp: QApplication, atlas: Atlas, code: str
) -> None:
    """A point sheet's picture holds the anatomy layer's parts that lie in its crop."""
    from atlas.printing import diagram

    data = diagram.data_for(atlas)
    point = atlas.point(code)
    assert point is not None
    frame = diagram.frame_point(data, code, point.region, 0.75)
    assert frame is not None
    assert data.renderer(frame.view, frame.crop) is not None  # what the sheet draws from
    svg = data.svgs[frame.view]
    assert svg is not None
    root = ET.fromstring(svg.markup(frame.crop))
    group = anatomy_group(root)
    assert group is not None, frame.view
    parts = {e.get("id") for e in group.iter() if (e.get("id") or "").startswith("anatomy-")}
    assert parts, (code, frame.view)
