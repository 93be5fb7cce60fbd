"""The selection belongs to the point: after any sequence of view changes, exactly
the current point is drawn selected (read from the pixels the window shows)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from atlas.diagram.labels import LabelItem
from atlas.diagram.markers import Marker
from atlas.diagram.state import MarkerState
from atlas.diagram.style import HIGHLIGHT
from atlas.diagram.view import DiagramView
from atlas.ui import MainWindow


def highlight_ink(colour: QColor) -> bool:
    """The highlight colour, or at least half of it over a light ground (antialiased
    edges); the selection's faint halo and the skin are not."""
    assert HIGHLIGHT.red() - HIGHLIGHT.blue() > 200
    return colour.red() - colour.blue() >= 90 and colour.red() - colour.green() >= 50


def shown(view: DiagramView) -> QImage:
    """The viewport as the user sees it once the window has caught up."""
    QApplication.processEvents()  # the scene's pending updates, then the repaint
    view.layout_labels()
    return view.viewport().grab().toImage()


def ring_hits(image: QImage, view: DiagramView, marker: Marker) -> int:
    """Of 24 places around the marker, 4.5 to 5 pixels beyond its dot (on the selection
    ring, outside the thinner ring of a highlighted point), how many show the
    highlight colour."""
    centre = view.mapFromScene(marker.pos())
    hits = 0
    for k in range(24):
        a = 2 * math.pi * k / 24
        hits += any(
            highlight_ink(
                image.pixelColor(
                    round(centre.x() + r * math.cos(a)), round(centre.y() + r * math.sin(a))
                )
            )
            for r in (marker.radius + 4.5, marker.radius + 5.0)
        )
    return hits


def drawn_rings(view: DiagramView) -> set[str]:
    """The points whose marker is drawn with the selection ring (most of the circle
    around it, the guide's text may cross the rest)."""
    image = shown(view)
    inside = image.rect().adjusted(12, 12, -12, -12)
    return {
        marker.code
        for marker in view.markers()
        if inside.contains(view.mapFromScene(marker.pos())) and ring_hits(image, view, marker) >= 16
    }


def framed_labels(view: DiagramView) -> set[str]:
    """The codes whose label is drawn in a highlight-coloured frame."""
    image = shown(view)
    device = view.viewportTransform()
    found = set()
    for item in view.scene().items():
        if not isinstance(item, LabelItem) or not item.isVisible():
            continue
        rect = item.rect().translated(device.map(item.pos()))
        top = rect.top()
        columns = [rect.left() + rect.width() * t for t in (0.3, 0.4, 0.5, 0.6, 0.7)]
        framed = sum(
            any(highlight_ink(image.pixelColor(round(x), round(top) + dy)) for dy in (-1, 0, 1))
            for x in columns
            if image.rect().contains(round(x), round(top))
        )
        if framed >= 4:
            found.add(item.text)
    return found


def selected_markers(view: DiagramView) -> set[str]:
    return {m.code for m in view.markers() if m.state is MarkerState.SELECTED}


def open_by_search(qtbot: QtBot, window: MainWindow, code: str) -> None:
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, code)
    qtbot.waitUntil(lambda: window.search.codes()[:1] == [code], timeout=3000)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert window.current_code == code


def pick_channel(qtbot: QtBot, window: MainWindow, code: str) -> None:
    channels = window.channel_browser.list
    row = next(r for r in range(channels.count()) if channels.item(r).text().startswith(code))
    rect = channels.visualItemRect(channels.item(row))
    qtbot.mouseClick(channels.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.diagram.focus_channel() == code


def choose_view(window: MainWindow, view_id: str) -> None:
    combo = window.diagram_panel.view_combo
    combo.setCurrentIndex(combo.findData(view_id))
    assert window.diagram.current_view() == view_id


def test_the_selection_follows_the_point_across_views(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    view = window.diagram
    qtbot.waitUntil(lambda: view.current_view() is not None and bool(view.markers()))

    open_by_search(qtbot, window, "LI4")
    assert view.current_view() == "back"
    assert drawn_rings(view) == {"LI4"} and framed_labels(view) == {"LI4"}
    open_by_search(qtbot, window, "BL23")  # the same view, centred elsewhere
    assert drawn_rings(view) == {"BL23"} and framed_labels(view) == {"BL23"}
    open_by_search(qtbot, window, "LI4")
    assert drawn_rings(view) == {"LI4"}

    pick_channel(qtbot, window, "LU")  # shows the front view, where LU runs
    assert view.current_view() == "front"
    assert drawn_rings(view) == set() and framed_labels(view) == set()

    channels = window.search.channel_filter
    channels.setCurrentIndex(channels.findData(""))  # all channels
    open_by_search(qtbot, window, "BL23")
    assert view.current_view() == "back"
    assert drawn_rings(view) == {"BL23"}
    assert framed_labels(view) == {"BL23"}

    # every view the user turns to draws exactly the current point selected
    for view_id in [*view.views(), "back"]:
        choose_view(window, view_id)
        on_view = {"BL23"} & set(view.codes_in_view())
        assert selected_markers(view) == on_view, view_id
        assert drawn_rings(view) <= on_view, view_id
        assert "LI4" not in framed_labels(view), view_id
    assert drawn_rings(view) == {"BL23"}


def test_a_selection_cleared_elsewhere_is_gone_when_the_view_comes_back(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    view = window.diagram
    qtbot.waitUntil(lambda: bool(view.markers()))
    choose_view(window, "back")
    view.select("BL23")
    assert drawn_rings(view) == {"BL23"}
    choose_view(window, "hand_dorsal")
    view.select(None)
    choose_view(window, "back")
    assert drawn_rings(view) == set() and framed_labels(view) == set()
    view.select("BL40")
    assert view.current_view() == "back"
    assert drawn_rings(view) == {"BL40"} and framed_labels(view) == {"BL40"}
