"""The main window, used as a person would: search, click, browse, plan, take notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.diagram.sources import Placement
from atlas.diagram.widget import DiagramView, RegionItem
from atlas.ui import MainWindow

SPASM_POINTS = {"LI4", "LI10", "GB34", "BL40", "GB20", "LR3"}


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


def placed(view: DiagramView, code: str) -> QPointF:
    """Where a point is drawn; if the diagram engine has not placed it yet, a stand-in.

    The stand-in sits inside the point's own region, so the test still goes through
    the real click path of the widget.
    """
    if not view.select(code):
        point = view.atlas.point(code) if view.atlas else None
        assert point is not None
        for view_id in view.views():
            view.set_view(view_id)
            regions = [i for i in view.region_items() if i.region == point.region]
            if regions:
                centre = regions[0].shape().boundingRect().center()
                view.data.placements.setdefault(view_id, []).append(
                    Placement(code, view_id, centre.x(), centre.y(), regions[0].side or "midline")
                )
                view._scenes.pop(view_id, None)
                view._current = None
                view.set_view(view_id)
                break
        assert view.select(code)
    pos = view.point_scene_pos(code)
    assert pos is not None
    return pos


def click_scene(qtbot: QtBot, view: DiagramView, pos: QPointF) -> None:
    view.centerOn(pos)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(pos))


# ------------------------------------------------------------------ layout


def test_layout_has_the_named_parts(window: MainWindow) -> None:
    for name in ("searchEdit", "resultsView", "diagramView", "detailPane"):
        assert window.findChild(object, name) is not None, name
    docks = {d.objectName() for d in window.findChildren(type(window.search_dock))}
    assert {"searchDock", "detailDock", "channelDock", "conditionDock", "planDock"} <= docks
    assert window.current_code is None


def test_constructible_without_arguments(qtbot: QtBot, data_dir: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.atlas.point("LI4") is not None


# ------------------------------------------------------------------ search


def test_type_hegu_and_open_li4(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_edit, "hegu")
    qtbot.waitUntil(lambda: "hegu" in window.results_label.text(), timeout=2000)
    assert window.results_codes()[0] == "LI4"
    with qtbot.waitSignal(window.pointSelected, timeout=2000) as blocker:
        qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert blocker.args == ["LI4"]
    assert window.current_code == "LI4"
    assert window.detail.code == "LI4"
    assert "Union Valley" in window.detail.english_label.text()
    assert window.diagram.selected() == "LI4"


def test_click_a_result_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_edit, "zusanli")
    qtbot.waitUntil(lambda: "zusanli" in window.results_label.text(), timeout=2000)
    view = window.results_view
    rect = view.visualRect(window.results_model.index(window.results_model.row_of("ST36")))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_code == "ST36"


def test_arrow_keys_move_through_results(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_edit, "LI")
    qtbot.waitUntil(lambda: "LI" in window.results_label.text(), timeout=2000)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Down)
    first = window.current_code
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Down)
    second = window.current_code
    assert first == window.results_codes()[0]
    assert second == window.results_codes()[1]
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Up)
    assert window.current_code == first
    assert window.focusWidget() is window.search_edit


def test_filters_narrow_the_list(window: MainWindow) -> None:
    window.channel_filter.setCurrentIndex(window.channel_filter.findData("LI"))
    assert window.results_codes()[:3] == ["LI1", "LI2", "LI3"]
    assert len(window.results_codes()) == 20
    window.region_filter.setCurrentIndex(window.region_filter.findData("hand"))
    assert "LI4" in window.results_codes()
    assert all(window.atlas.point(c).region == "hand" for c in window.results_codes())


def test_results_model_is_a_sound_qt_model(qtmodeltester: object, window: MainWindow) -> None:
    window.search_edit.setText("pain")
    window._refresh_results()
    qtmodeltester.check(window.results_model)  # type: ignore[attr-defined]
    model = window.results_model
    first = model.index(0)
    assert model.rowCount() == len(window.results_codes()) > 0
    assert model.flags(first) == Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    # read-only: no editing, no drops, no rows added or taken
    assert not model.setData(first, "edited")
    assert not model.insertRows(0, 1) and not model.removeRows(0, 1)
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 2)
    assert model.rowCount() == len(window.results_codes())
    assert model.data(first).startswith(window.results_codes()[0])


def test_history_and_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    for code in ("LI4", "ST36", "GV20"):
        window.open_point(code)
    window.diagram.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_code == "ST36"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_code == "LI4"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_code == "ST36"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search_edit


# ------------------------------------------------------------------ the diagram


def test_click_the_li4_marker(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    pos = placed(view, "LI4")
    window.open_point("GV20")  # something else first
    view.select("LI4", centre=True)
    with qtbot.waitSignal(window.pointSelected, timeout=2000) as blocker:
        click_scene(qtbot, view, pos)
    assert blocker.args == ["LI4"]
    assert window.current_code == "LI4"
    assert window.detail.code == "LI4"


def test_click_the_hand_region_lists_li4(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    placed(view, "LI4")
    view.select(None)
    regions = [i for i in view.region_items() if i.region == "hand"]
    assert regions, "the view showing LI4 has a hand region"
    view.fit()
    view._zoom_by(4.0, None)
    shape = regions[0].shape()
    view.centerOn(shape.boundingRect().center())
    target = None
    box = shape.boundingRect()
    steps = 24
    for i in range(1, steps):
        for j in range(1, steps):
            p = QPointF(box.left() + box.width() * i / steps, box.top() + box.height() * j / steps)
            if shape.contains(p) and isinstance(view.item_at(view.mapFromScene(p)), RegionItem):
                target = p
                break
        if target is not None:
            break
    assert target is not None
    with qtbot.waitSignal(view.regionClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(target))
    assert blocker.args == ["hand"]
    assert "LI4" in window.results_codes()
    assert "hand region" in window.results_label.text()
    assert "LI4" in window.highlighted_codes()


def test_pick_a_condition_highlights_its_points(qtbot: QtBot, window: MainWindow) -> None:
    browser = window.condition_browser
    qtbot.keyClicks(browser.filter, "cramps")
    items = [
        browser.list.item(r)
        for r in range(browser.list.count())
        if not browser.list.item(r).isHidden()
    ]
    names = [i.text() for i in items]
    assert "Muscle spasms and cramps" in names
    item = items[names.index("Muscle spasms and cramps")]
    qtbot.mouseClick(
        browser.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=browser.list.visualItemRect(item).center(),
    )
    condition = window.atlas.condition("muscle_spasms")
    assert condition is not None
    expected = {p.code for p in condition.points}
    assert expected >= SPASM_POINTS
    assert window.highlighted_codes() == expected
    assert window.results_codes() == [p.code for p in condition.points]
    assert window.results_model.index(0).data(Qt.ItemDataRole.UserRole + 2)  # the reason
    assert "Muscle spasms and cramps" in window.results_label.text()


def test_a_condition_is_shown_on_a_view_with_its_points(window: MainWindow) -> None:
    window.diagram.set_view("front")
    window.show_condition("low_back_pain")  # back points, none of them on the front
    condition = window.atlas.condition("low_back_pain")
    assert condition is not None
    codes = {p.code for p in condition.points}
    assert window.diagram.current_view() == "back"
    on_back = {p.code for p in window.diagram.data.placements_of("back")} & codes
    shown = {m.code for m in window.diagram.markers() if m.state == "highlight"}
    assert shown == on_back and len(on_back) > len(codes) / 2


def test_condition_filter_matches_everyday_words(qtbot: QtBot, window: MainWindow) -> None:
    browser = window.condition_browser

    def shown() -> list[str]:
        rows = (browser.list.item(r) for r in range(browser.list.count()))
        return [item.text() for item in rows if not item.isHidden()]

    qtbot.keyClicks(browser.filter, "LUMBAGO")  # a keyword, in any case
    assert shown() == ["Low back pain"]
    browser.filter.setText("lumbágo")  # and with or without accents
    assert shown() == ["Low back pain"]
    browser.filter.clear()
    assert len(shown()) == browser.list.count()


def test_rows_with_a_reason_get_room_for_it(window: MainWindow) -> None:
    """One-line rows share a height (the list asks once); a second line makes room."""
    view = window.results_view
    assert view.uniformItemSizes()
    one_line = view.sizeHintForRow(0)
    window.show_condition("muscle_spasms")
    assert not view.uniformItemSizes()
    assert view.sizeHintForRow(0) > one_line


def test_choose_a_channel_lists_it_in_order(window: MainWindow) -> None:
    window.channel_browser.list.setCurrentRow(1)  # LI
    assert window.results_codes() == [f"LI{n}" for n in range(1, 21)]
    assert window.diagram.focus_channel() == "LI"
    item = window.channel_browser.list.item(1)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not window.diagram.is_channel_visible("LI")


# ------------------------------------------------------------------ plans and notes


def test_build_save_restart_and_reopen_a_plan(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.open_point("LI4")
    qtbot.mouseClick(window.detail.add_button, Qt.MouseButton.LeftButton)
    window.diagram.addToPlanRequested.emit("ST36")  # from the diagram's context menu
    window.open_point("GV20")
    window.add_current_to_plan()
    plan = window.plan
    assert plan.codes() == ["LI4", "ST36", "GV20"]
    assert plan.needles() == 5  # LI4 and ST36 on both sides, GV20 once
    assert "5" in plan.count_label.text()
    plan.move_point("GV20", -2)
    assert plan.codes() == ["GV20", "LI4", "ST36"]
    window.undo_action.trigger()
    assert plan.codes() == ["LI4", "ST36", "GV20"]
    window.redo_action.trigger()
    plan.remove(["ST36"])
    assert plan.codes() == ["GV20", "LI4"]
    window.undo_action.trigger()
    assert plan.codes() == ["GV20", "LI4", "ST36"]
    qtbot.keyClicks(plan.name_edit, "Neck and shoulders")
    assert plan.save()
    window.close()

    again = make_window()
    assert again.plan.codes() == []
    assert "Neck and shoulders" in again.plan.saved_plans()
    assert again.plan.open_plan("Neck and shoulders")
    assert again.plan.codes() == ["GV20", "LI4", "ST36"]
    again.show_plan_on_diagram()
    assert again.highlighted_codes() == {"GV20", "LI4", "ST36"}


def test_write_a_note_restart_and_read_it(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.open_point("LI4")
    window.detail.note_edit.setFocus()
    text = "Press firmly; <b>not</b> in pregnancy."
    qtbot.keyClicks(window.detail.note_edit, text)
    window.close()

    again = make_window()
    again.open_point("LI4")
    assert again.detail.note_edit.toPlainText() == text
    again.open_point("ST36")
    assert again.detail.note_edit.toPlainText() == ""


def test_favourites(window: MainWindow) -> None:
    window.open_point("LI4")
    window.detail.favourite_button.click()
    assert window.userdata.is_favourite("LI4")
    window.show_favourites()
    assert window.results_codes() == ["LI4"]


# ------------------------------------------------------------------ settings and safety


def test_settings_are_remembered(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    window.name_actions["hanzi"].setChecked(False)
    views = window.diagram.views()
    window.diagram.set_view(views[1])
    window.diagram.set_channel_visible("ST", False)
    window.close()
    again = make_window()
    assert again.results_model.names() == ("pinyin", "english")
    assert again.diagram.current_view() == views[1]
    assert not again.diagram.is_channel_visible("ST")


def test_dark_theme(qtbot: QtBot, window: MainWindow) -> None:
    window.set_theme("dark")
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 128)
    assert QSettings().value("view/theme") == "dark"
    window.set_theme("system")


# QMessageBox fixes its own size; the offscreen test platform warns that it cannot pass
# size hints on to a window system. That message is about the test platform only.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_first_run_notice_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, make_window: Callable[[], MainWindow]
) -> None:
    monkeypatch.delenv("ATLAS_NO_FIRST_RUN_NOTICE")
    window = make_window()
    box = None

    def find_box() -> bool:
        nonlocal box
        box = window.findChild(QMessageBox, "safetyNotice")
        return box is not None and box.isVisible()

    qtbot.waitUntil(find_box, timeout=2000)
    assert box is not None
    assert "licensed practitioner" in box.informativeText()
    box.accept()
    assert QSettings().value("notice/accepted") in (True, "true")
    window.close()
    again = make_window()
    qtbot.wait(50)
    assert again.findChild(QMessageBox, "safetyNotice") is None


def test_recovery_message_is_shown(qtbot: QtBot, atlas: Atlas, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "user.sqlite").write_bytes(b"this is not a database" * 100)
    window = MainWindow(atlas=atlas)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible()
    assert "could not be opened" in window.banner_text.text()


def test_notes_are_plain_text(window: MainWindow) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    window.open_point("LI4")
    assert isinstance(window.detail.note_edit, QPlainTextEdit)


def test_the_empty_detail_pane_builds_the_point_view_when_a_point_opens(
    window: MainWindow,
) -> None:
    # start-up shows the empty state only; the point's widgets are made on demand
    assert window.detail.placeholder.isVisible()
    assert not hasattr(window.detail, "note_edit")
    window.detail.set_favourite_state(True)  # harmless before any point
    window.open_point("LI4")
    assert not window.detail.placeholder.isVisible()
    assert window.detail.text.isVisible()
    assert "caution" in window.detail.text.toHtml()
    image = window.detail.text.document().resource(1, "icon:caution")  # ImageResource
    assert image is not None and not image.isNull()
    window.detail.show_point(None)
    assert window.detail.placeholder.isVisible()
    assert not window.detail.text.isVisible()


def test_print_hook_never_raises(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[object, ...]] = []
    import types

    fake = types.ModuleType("atlas.printing.dialogs")
    fake.print_point = lambda *a, **k: calls.append(a)  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "atlas.printing.dialogs", fake)
    window.print_requested()  # no point yet: a message, no call
    assert calls == []
    window.open_point("LI4")
    window.print_action.trigger()
    assert calls and calls[0][2] == "LI4"


def test_no_marker_needed_for_points_off_the_views(window: MainWindow) -> None:
    # every listed code resolves; markers carry codes the atlas knows
    view = window.diagram
    codes = {m.code for m in view.markers()}
    assert all(window.atlas.point(c) is not None for c in codes)
    assert QPoint(0, 0) == QPoint()
