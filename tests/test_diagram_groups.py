"""A point found at several places (EX-B2 beside each spinous process from T1 to
L5, EX-HN1 around GV20): every location is drawn and clickable, selected and
highlighted together, and labelled once per side."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.diagram.labels import LabelItem
from atlas.diagram.state import MarkerState
from atlas.diagram.view import DiagramView


def shown_view(qtbot: QtBot, atlas: Atlas, view_id: str) -> DiagramView:
    view = DiagramView(atlas)
    qtbot.addWidget(view)
    view.resize(700, 1000)
    view.show()
    qtbot.waitExposed(view)
    view.set_view(view_id)
    return view


def test_every_location_has_its_marker(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "back")
    ex_b2 = [m for m in view.markers() if m.code == "EX-B2"]
    assert len(ex_b2) == 34
    levels = [f"T{n}" for n in range(1, 13)] + [f"L{n}" for n in range(1, 6)]
    assert sorted((m.part, m.side) for m in ex_b2) == sorted(
        (level, side) for level in levels for side in ("left", "right")
    )
    view.set_view("vertex")
    assert len([m for m in view.markers() if m.code == "EX-HN1"]) == 4


def test_a_click_on_any_location_opens_the_point(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "back")
    view.zoom_by(5.0)
    for part in ("T1", "L5"):
        marker = next(m for m in view.markers() if m.code == "EX-B2" and m.part == part)
        view.centerOn(marker.pos())
        with qtbot.waitSignal(view.pointClicked, timeout=1000) as opened:
            qtbot.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(marker.pos())
            )
        assert opened.args == ["EX-B2"]


def test_selection_and_highlight_draw_every_location(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "back")
    view.highlight(["EX-B2"])
    states = {m.state for m in view.markers() if m.code == "EX-B2"}
    assert states == {MarkerState.HIGHLIGHT}
    view.select("EX-B2")
    assert {m.state for m in view.markers() if m.code == "EX-B2"} == {MarkerState.SELECTED}
    view.set_view("vertex")
    view.select("EX-HN1")
    assert [m.state for m in view.markers() if m.code == "EX-HN1"] == [MarkerState.SELECTED] * 4


def labelled(view: DiagramView, code: str) -> list[LabelItem]:
    QApplication.processEvents()
    view.layout_labels()
    return [
        item
        for item in view.scene().items()
        if isinstance(item, LabelItem) and item.isVisible() and item.marker.code == code
    ]


def test_a_group_is_labelled_once_per_side_near_its_middle(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "back")
    view.highlight(["EX-B2"])
    labels = labelled(view, "EX-B2")
    assert sorted(item.marker.side for item in labels) == ["left", "right"]
    for item in labels:
        group = [m for m in view.markers() if m.code == "EX-B2" and m.side == item.marker.side]
        mx = sum(m.scene_x for m in group) / len(group)
        my = sum(m.scene_y for m in group) / len(group)
        nearest = min(group, key=lambda m: math.hypot(m.scene_x - mx, m.scene_y - my))
        assert item.marker is nearest
    view.highlight([])
    view.select("EX-B2")  # the selected point: every location where there is room
    view.zoom_by(4.0)
    assert len(labelled(view, "EX-B2")) > 2
