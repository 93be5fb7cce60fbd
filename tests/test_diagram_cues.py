"""Where a course leaves a view, the diagram says where it goes on; a click goes there."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.diagram.cues import CueItem
from atlas.diagram.view import DiagramView


def shown_view(qtbot: QtBot, atlas: Atlas, view_id: str) -> DiagramView:
    view = DiagramView(atlas)
    qtbot.addWidget(view)
    view.resize(700, 1000)
    view.show()
    qtbot.waitExposed(view)
    view.set_view(view_id)
    qtbot.waitUntil(lambda: bool(view.cues()))  # the view has settled
    view.layout_labels()  # as it does once it has painted: the cues' words placed
    return view


def on_screen(view: DiagramView, cue: CueItem) -> QPoint:
    """The middle of a cue's words, in viewport pixels."""
    return view.mapFromScene(cue.pos()) + cue.text_rect().center().toPoint()


def test_each_cue_of_the_view_is_shown_with_where_it_goes(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "back")
    rows = atlas.table("pathway_cues", {"view": "back"})
    cues = view.cues()
    assert sorted((c.cue.channel, c.cue.side, c.to_view) for c in cues) == sorted(
        (r["channel"], r["side"], r["to_view"]) for r in rows
    )
    lower = [c for c in cues if (c.cue.channel, c.cue.branch) == ("BL", "lower")]
    assert lower and all(c.isVisible() for c in lower)
    assert {c.view_name for c in lower} == {"Side"}
    assert {c.toolTip() for c in lower} == {"Continues on the Side view"}


def test_cues_follow_the_channels_shown(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "back")
    every = {r["channel"] for r in atlas.table("pathway_cues", {"view": "back"})}
    assert {"BL", "LI", "SI"} <= every

    def shown() -> set[str]:
        return {c.cue.channel for c in view.cues() if c.isVisible()}

    assert shown() == every
    view.set_channel_visible("LI", False)
    assert shown() == every - {"LI"}
    view.set_focus_channel("SI")  # one channel brought forward: its cues alone
    assert shown() == {"SI"}
    view.set_focus_channel(None)
    view.set_channel_visible("LI", True)
    assert shown() == every


def test_a_click_on_a_cue_goes_on_along_the_channel(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "back")
    cue = next(c for c in view.cues() if (c.cue.channel, c.cue.branch) == ("BL", "lower"))
    with qtbot.assertNotEmitted(view.regionClicked), qtbot.assertNotEmitted(view.pointClicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=on_screen(view, cue))
    assert view.current_view() == "side"
    assert view.focus_channel() == "BL"
    back = [c for c in view.cues() if c.cue.channel == "BL" and c.to_view == "back"]
    assert back and all(c.isVisible() for c in back)  # and the way back


def test_point_labels_keep_clear_of_the_cues(qtbot: QtBot, atlas: Atlas) -> None:
    view = shown_view(qtbot, atlas, "side")
    view.zoom_by(3.0)
    view.centerOn(170, 140)  # the head and neck, where five channels leave the view
    qtbot.waitUntil(lambda: bool(view.cues()))
    view.layout_labels()
    names = {c.view_name for c in view.cues()}
    texts = view.texts_shown()
    cues = [box for text, box in texts if text in names]
    labels = [box for text, box in texts if text not in names]
    assert labels and cues
    for a in labels:
        for b in cues:
            assert not a.intersects(b), (a, b)
