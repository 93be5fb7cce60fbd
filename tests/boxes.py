"""Answering the window's modal message boxes as a user would, and reading what they
showed (their text as shown: plain text, or the text of the HTML Qt made of it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as GuiQt  # where Qt's text functions are
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox


class Shown(NamedTuple):
    """What a message box showed."""

    name: str
    title: str
    text: str  # as the user saw it
    buttons: tuple[str, ...]


def as_shown(text: str, text_format: Qt.TextFormat) -> str:
    """Text as a label shows it: itself in plain text, else what Qt makes of it when it
    looks like HTML (a tag turned into an image or a link is then gone)."""
    if text_format == Qt.TextFormat.PlainText:
        return text
    if text_format == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def label_text(label: QLabel) -> str:
    return as_shown(label.text(), label.textFormat())


def tooltip_text(tip: str) -> str:
    """A tooltip as shown: Qt takes one that looks like HTML as HTML."""
    return as_shown(tip, Qt.TextFormat.AutoText)


def answer(choice: str, seen: list[Shown], attempts: int = 500) -> None:
    """Click `choice` in the next modal message box (looking every 20 ms, up to
    `attempts` times), recording what the box showed in `seen`. A box without that
    choice is closed and the test fails."""

    def look(left: int) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            if left:
                QTimer.singleShot(20, lambda: look(left - 1))
            return
        buttons = tuple(b.text() for b in box.buttons())
        shown = as_shown(box.text(), box.textFormat())
        seen.append(Shown(box.objectName(), box.windowTitle(), shown, buttons))
        for button in box.buttons():
            if button.text() == choice:
                button.click()
                return
        box.done(0)
        raise AssertionError(f"no {choice!r} in the box {box.objectName()!r}: {buttons}")

    QTimer.singleShot(0, lambda: look(attempts))


def handle_dialog(kind: type[QDialog], then: Callable[[QDialog], None]) -> list[QDialog]:
    """Wait for the next modal dialog of this kind (a file or print dialog) and hand it
    to `then`, which answers it; returns the dialogs seen."""
    seen: list[QDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        then(dialog)

    QTimer.singleShot(0, look)
    return seen
