"""Printing from the window: files go to the documents folder under names that every
system accepts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from boxes import handle_dialog
from paper import pdf_text
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from atlas.ui import MainWindow


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_printed_plan_is_offered_a_valid_name_in_documents(
    qtbot: QtBot, make_window: Callable[[], MainWindow], documents: Path
) -> None:
    window = make_window()
    window.plan.add(["BL23", "BL40"])
    qtbot.keyClicks(window.plan.name_edit, "Low back")  # typed, as a user names it
    assert window.plan.save()
    offered: list[tuple[str, str, QPrinter.OutputFormat]] = []

    def read_and_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        offered.append((printer.docName(), printer.outputFileName(), printer.outputFormat()))
        dialog.reject()

    seen = handle_dialog(QPrintDialog, read_and_cancel)
    window.plan.print_button.click()
    assert seen and offered
    name, file, output = offered[0]
    assert name == "Treatment plan - Low back"  # the title was "Treatment plan: Low back"
    if output == QPrinter.OutputFormat.PdfFormat:  # no printer here: printing writes a file
        assert Path(file) == documents / "Treatment plan - Low back.pdf"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_export_starts_in_documents(
    qtbot: QtBot, make_window: Callable[[], MainWindow], documents: Path
) -> None:
    window = make_window()
    window.open_point("LI4")
    started: list[Path] = []

    def read_and_accept(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        started.append(Path(dialog.selectedFiles()[0]))
        dialog.accept()

    handle_dialog(QFileDialog, read_and_accept)
    window.commands.export.trigger()
    assert started == [documents / "LI4.pdf"]
    assert (documents / "LI4.pdf").stat().st_size > 1000


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_exported_sheet_writes_codes_as_the_window_shows_them(
    qtbot: QtBot, make_window: Callable[[], MainWindow], documents: Path
) -> None:
    window = make_window()
    window.commands.code_styles["older"].trigger()  # View › Codes › older English codes
    window.open_point("LR3")
    handle_dialog(QFileDialog, lambda dialog: dialog.accept())
    window.commands.export.trigger()
    sheet = documents / "LIV3.pdf"  # named as the window names the point
    text = " ".join(pdf_text(sheet))
    assert "LIV3" in text
