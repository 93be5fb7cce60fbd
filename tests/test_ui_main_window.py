"""The main window, used as a person would: search, click, browse, plan, take notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QModelIndex, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.diagram.regions import RegionItem
from atlas.diagram.view import DiagramView
from atlas.ui import MainWindow

SPASM_POINTS = {"LI4", "LI10", "GB34", "BL40", "GB20", "LR3"}


@pytest.fixture(autouse=True)
def _settings(isolated_settings: Path) -> Path:
    return isolated_settings


def placed(view: DiagramView, code: str) -> QPointF:
    """Where a point is drawn (on the view that shows it, now current)."""
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
        assert window.findChild(QWidget, name) is not None, name
    docks = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"searchDock", "detailDock", "channelDock", "conditionDock", "planDock"} <= docks
    assert window.current_code is None


# ------------------------------------------------------------------ search


def test_type_hegu_and_open_li4(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search.edit, "hegu")
    qtbot.waitUntil(lambda: "hegu" in window.search.label.text(), timeout=2000)
    assert window.search.codes()[0] == "LI4"
    with qtbot.waitSignal(window.pointSelected, timeout=2000) as blocker:
        qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert blocker.args == ["LI4"]
    assert window.current_code == "LI4"
    assert window.detail.code == "LI4"
    assert "Union Valley" in window.detail.english_label.text()
    assert window.diagram.selected() == "LI4"


def test_click_a_result_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search.edit, "zusanli")
    qtbot.waitUntil(lambda: "zusanli" in window.search.label.text(), timeout=2000)
    view = window.search.list
    rect = view.visualRect(window.search.model.index(window.search.model.row_of("ST36")))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_code == "ST36"


def test_arrow_keys_move_through_results(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search.edit, "LI")
    qtbot.waitUntil(lambda: "LI" in window.search.label.text(), timeout=2000)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Up)
    assert window.current_code is None  # moving opens nothing
    assert window.search.list.currentIndex().row() == 0
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert window.current_code == window.search.codes()[1]
    assert window.focusWidget() is window.search.edit


def test_filters_narrow_the_list(window: MainWindow) -> None:
    window.search.channel_filter.setCurrentIndex(window.search.channel_filter.findData("LI"))
    assert window.search.codes()[:3] == ["LI1", "LI2", "LI3"]
    assert len(window.search.codes()) == 20
    window.search.region_filter.setCurrentIndex(window.search.region_filter.findData("hand"))
    assert "LI4" in window.search.codes()
    points = [window.atlas.point(c) for c in window.search.codes()]
    assert all(p is not None and p.region == "hand" for p in points)


def test_results_model_is_a_sound_qt_model(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow
) -> None:
    qtbot.keyClicks(window.search.edit, "pain")
    qtbot.waitUntil(lambda: "pain" in window.search.label.text(), timeout=2000)
    qtmodeltester.check(window.search.model)
    model = window.search.model
    first = model.index(0)
    assert model.rowCount() == len(window.search.codes()) > 0
    assert model.flags(first) == Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    # read-only: no editing, no drops, no rows added or taken
    assert not model.setData(first, "edited")
    assert not model.insertRows(0, 1) and not model.removeRows(0, 1)
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 2)
    assert model.rowCount() == len(window.search.codes())
    assert str(model.data(first)).startswith(window.search.codes()[0])


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
    assert window.focusWidget() is window.search.edit


# ------------------------------------------------------------------ the diagram


def test_a_point_never_needled_says_so_once(window: MainWindow) -> None:
    """CV8's technique: its method says it is not needled, and why; no angle or depth
    row says it again."""
    window.open_point("CV8")
    technique = window.detail.text.toPlainText().split("Technique", 1)[1]
    assert technique.lower().count("not needled") == 1 and "Moxibustion" in technique


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
    for _ in range(6):
        view.zoom_in()
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
    assert "LI4" in window.search.codes()
    assert "hand region" in window.search.label.text()
    assert "LI4" in window.diagram.highlighted()


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
    assert window.diagram.highlighted() == expected
    assert window.search.codes() == [p.code for p in condition.points]
    assert window.search.model.index(0).data(Qt.ItemDataRole.UserRole + 2)  # the reason
    assert "Muscle spasms and cramps" in window.search.label.text()


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
    view = window.search.list
    assert view.uniformItemSizes()
    one_line = view.sizeHintForRow(0)
    window.show_condition("muscle_spasms")
    assert not view.uniformItemSizes()
    assert view.sizeHintForRow(0) > one_line


def test_choose_a_channel_lists_it_in_order(qtbot: QtBot, window: MainWindow) -> None:
    channels = window.channel_browser.list
    item = channels.item(1)  # LI
    qtbot.mouseClick(
        channels.viewport(), Qt.MouseButton.LeftButton, pos=channels.visualItemRect(item).center()
    )
    assert window.search.codes() == [f"LI{n}" for n in range(1, 21)]
    assert window.diagram.focus_channel() == "LI"
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
    window.commands.undo.trigger()
    assert plan.codes() == ["LI4", "ST36", "GV20"]
    window.commands.redo.trigger()
    plan.remove(["ST36"])
    assert plan.codes() == ["GV20", "LI4"]
    window.commands.undo.trigger()
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
    assert again.diagram.highlighted() == {"GV20", "LI4", "ST36"}


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
    assert window.search.codes() == ["LI4"]


# ------------------------------------------------------------------ settings and safety


def test_settings_are_remembered(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    window.commands.names["hanzi"].setChecked(False)
    views = window.diagram.views()
    window.diagram.set_view(views[1])
    window.diagram.set_channel_visible("ST", False)
    window.close()
    again = make_window()
    assert again.search.model.names() == ("pinyin", "english")
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
    window = MainWindow(atlas)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible()
    assert "could not be opened" in window.banner.message()


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


def test_printing_with_no_point_open_says_what_to_do(window: MainWindow) -> None:
    window.commands.print.trigger()
    assert "Open a point first" in window.statusBar().currentMessage()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # the dialog
def test_export_the_open_point_as_a_pdf(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "hegu.pdf"
    window.open_point("LI4")

    def answer_the_save_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer_the_save_dialog)
            return
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(0, answer_the_save_dialog)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "LI4" in text and "Union Valley" in text


def test_no_marker_needed_for_points_off_the_views(window: MainWindow) -> None:
    # every listed code resolves; markers carry codes the atlas knows
    view = window.diagram
    codes = {m.code for m in view.markers()}
    assert all(window.atlas.point(c) is not None for c in codes)
