"""A plan copied as text and exported as CSV, from the Plan menu, as a person would."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from boxes import handle_dialog
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from atlas.ui import MainWindow

# the file dialog and the message box: the offscreen platform cannot pass size hints on
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


PLAN = [("BL23", "both sides"), ("GV4", "midline"), ("KI3", "both sides")]


@pytest.fixture
def window(make_window: Callable[[], MainWindow], documents: Path) -> MainWindow:
    window = make_window()
    window.plan.add([code for code, _side in PLAN])
    window.plan.plan_model.update(name="Low back: Mrs K")
    assert window.plan.save()
    return window


def plan_item(window: MainWindow, title: str) -> QAction:
    plan = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Plan")
    assert isinstance(plan, QMenu)
    return next(a for a in plan.actions() if a.text().replace("&", "").startswith(title))


def save_as(target: Path | None) -> Callable[[QDialog], None]:
    """Answer a save dialog: the file it offered is kept in `offered`; then save to
    target (or, with None, to the file offered)."""

    def respond(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        offered.append(Path(dialog.selectedFiles()[0]))
        if target is not None:
            dialog.selectFile(str(target))
        dialog.accept()

    offered: list[Path] = []
    respond.offered = offered  # type: ignore[attr-defined]
    return respond


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_copy_the_plan_as_text(window: MainWindow) -> None:
    plan_item(window, "Copy Plan as Text").trigger()
    text = QGuiApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0] == "Treatment plan: Low back: Mrs K"
    for number, (code, side) in enumerate(PLAN, start=1):
        point = window.atlas.point(code)
        assert point is not None
        names = f"{point.pinyin_tones}  {point.hanzi}  {point.english}"
        assert f"{number}. {code}  {names} ({side})" in lines
    assert "5 needles for 3 points" in lines
    assert "copied" in window.statusBar().currentMessage()


def test_the_copy_follows_the_code_style(window: MainWindow) -> None:
    window.set_code_style("older")
    plan_item(window, "Copy Plan as Text").trigger()
    text = QGuiApplication.clipboard().text()
    assert "1. UB23 " in text and "2. DU4 " in text and "3. K3 " in text


def test_export_the_plan_as_csv_in_documents(
    qtbot: QtBot, window: MainWindow, documents: Path
) -> None:
    respond = save_as(None)
    seen = handle_dialog(QFileDialog, respond)
    plan_item(window, "Export Plan as CSV").trigger()
    assert seen
    offered = documents / "Treatment plan - Low back - Mrs K.csv"  # no colon in a file name
    assert respond.offered == [offered]  # type: ignore[attr-defined]
    rows = read_csv(offered)
    assert rows[0] == ["Plan", "No.", "Code", "Pinyin", "Hanzi", "English", "Side", "Needles"]
    bl23 = window.atlas.point("BL23")
    assert bl23 is not None
    assert rows[1] == [
        "Low back: Mrs K",
        "1",
        "BL23",
        bl23.pinyin_tones,
        bl23.hanzi,
        bl23.english,
        "both sides",
        "2",
    ]
    assert [row[2] for row in rows[1:]] == ["BL23", "GV4", "KI3"]
    assert str(offered) in window.statusBar().currentMessage()


def test_a_name_that_a_spreadsheet_would_run_stays_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.plan.plan_model.update(name='=HYPERLINK("http://example.com")')
    assert window.plan.save()
    target = tmp_path / "plan.csv"
    handle_dialog(QFileDialog, save_as(target))
    plan_item(window, "Export Plan as CSV").trigger()
    assert read_csv(target)[1][0] == '\'=HYPERLINK("http://example.com")'


def test_a_file_that_cannot_be_written_is_said_in_a_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "plan.csv"
    target.symlink_to(tmp_path / "nowhere" / "plan.csv")  # a link to nothing is refused
    said: list[str] = []

    def read_and_close(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    handle_dialog(QFileDialog, save_as(target))
    handle_dialog(QMessageBox, read_and_close)
    plan_item(window, "Export Plan as CSV").trigger()
    assert len(said) == 1 and said[0].startswith("The plan was not saved: ")
    assert "\n" not in said[0] and "Traceback" not in said[0]
    assert target.is_symlink()  # left as it was


def test_an_empty_plan_says_what_to_do(window: MainWindow) -> None:
    window.plan.new_plan()
    plan_item(window, "Export Plan as CSV").trigger()
    assert "no points" in window.statusBar().currentMessage()
    plan_item(window, "Copy Plan as Text").trigger()
    assert "no points" in window.statusBar().currentMessage()


def test_each_point_is_written_with_its_own_side_and_needles(window: MainWindow) -> None:
    """A point needled on one side counts one needle, a point never needled none."""
    from atlas.core.userdata import Plan
    from atlas.ui.plan_export import plan_points

    plan = Plan(None, "Sides", ("BL23", "CV8", "LI4"), sides=("both", "", "left"))
    rows = {p.code: (p.side, p.needles) for p in plan_points(window.atlas, plan)}
    assert rows == {"BL23": ("both sides", 2), "CV8": ("midline", 0), "LI4": ("left side", 1)}
