"""What the window tells or asks the user beyond the status bar: the banner when
the user's store is not as it should be, the one-time safety notice, About, the
notes an earlier session could not save, and whether to save a changed plan
before closing.

Message boxes are imported where they are shown: PySide makes a class's enum
types the first time the class is touched, and start-up shows none.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from atlas import __version__
from atlas.core import Atlas
from atlas.core.userdata import UserDataError
from atlas.ui.detail import DISCLAIMER
from atlas.ui.notes import Notes
from atlas.ui.plan import PlanWidget
from atlas.ui.settings import WindowSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

#: Set to 1 to never show the safety notice or the first-run tips (tests, benchmarks,
#: screenshots).
NOTICE_ENV = "ATLAS_NO_FIRST_RUN_NOTICE"


class RecoveryBanner(QFrame):
    """A dismissible strip above the diagram, hidden until it has a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(self)
        self.label.setObjectName("recoveryText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.setStyleSheet(
            "QFrame#recoveryBanner { background: #fff1d6; border-bottom: 1px solid #e8a13a; }"
            "QLabel#recoveryText { color: #5a3600; }"
        )
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def message(self) -> str:
        return self.label.text()


def show_safety_notice(
    parent: QWidget, settings: WindowSettings, force: bool = False
) -> QMessageBox | None:
    """The notice that this is an educational reference: once, or again when forced."""
    if not force and (os.environ.get(NOTICE_ENV) == "1" or settings.notice_accepted()):
        return None
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("safetyNotice")
    box.setWindowTitle("An educational reference")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText("<b>Acupoint Atlas is an educational reference.</b>")
    box.setInformativeText(
        "It helps you learn where points lie and what they are traditionally used for."
        " It is not a medical device and does not replace an examination.\n\n"
        "Needling and other treatment belong with a licensed practitioner. If you are"
        " unwell, see a doctor."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText("I understand")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: settings.accept_notice())
    box.open()
    return box


def show_about(parent: QWidget, atlas: Atlas) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        parent,
        "About Acupoint Atlas",
        f"<h3>Acupoint Atlas {__version__}</h3>"
        "<p>A desktop atlas of the 361 standard acupuncture points and 48 extra points,"
        " with clickable body diagrams, search, notes and treatment plans.</p>"
        "<p><b>Where the data comes from.</b> Point codes, names and locations follow"
        " the WHO Standard Acupuncture Point Locations in the Western Pacific Region"
        " (2008) and its proportional bone (B-cun) measurements. All descriptions,"
        " indications and cautions were written for this atlas and are reviewed as"
        " text in its source repository. Diagrams are drawn from the same"
        " measurements.</p>"
        f"<p>Reference data: build {atlas.version[:12] or 'unknown'}.<br>"
        "Your notes and plans are stored on this computer only.</p>"
        f"<p><i>{DISCLAIMER}</i></p>"
        "<p>Free software under the MIT licence.</p>",
    )


def may_close(parent: QWidget, plan: PlanWidget) -> bool:
    """Whether the window may close: a changed plan is saved, or the user lets it go."""
    if not (plan.codes() and plan.is_modified() and parent.isVisible()):
        return True
    from atlas.ui.dialogs import ask

    refusal = plan.userdata.refusal
    if refusal:
        return (
            ask(
                parent,
                "unsavedPlan",
                "Unsaved plan",
                f"The treatment plan has unsaved changes, and plans cannot be saved now"
                f" ({refusal}). Close and lose them?",
                ("Close and lose them",),
                icon="warning",
                cancel="Cancel",
            )
            is not None
        )
    answer = ask(
        parent,
        "unsavedPlan",
        "Unsaved plan",
        "The treatment plan has unsaved changes. Save it before closing?",
        ("Save", "Discard"),
        cancel="Cancel",
    )
    return answer == "Discard" or (answer == "Save" and plan.save())


def offer_kept_notes(parent: QWidget, notes: Notes, open_point: Callable[[str], object]) -> str:
    """Offer back, one by one, the notes an earlier session kept in the recovery file:
    restore into the point's note, discard, or decide at the next start. Returns what
    to tell the user in a line ('' when nothing). Nothing is offered while notes cannot
    be saved: they stay kept for a start that can."""
    from atlas.ui.dialogs import ask, clip

    if not notes.writable:
        return ""
    try:
        kept = notes.kept()
    except UserDataError as exc:
        return str(exc)
    said = []
    for note in kept:
        try:
            current = notes.read(note.code)
        except UserDataError:
            current = ""
        replaces = (
            "\n\nRestoring it replaces the note saved there now."
            if current.strip() and current != note.text
            else ""
        )
        choice = ask(
            parent,
            "keptNoteOffer",
            "A note was not saved",
            f"Your note on {note.code} could not be saved when the atlas was last open; it was"
            f" kept ({note.kept.replace('T', ' ')}). Restore it into the note on {note.code},"
            f" or discard it?{replaces}\n\n{clip(note.text, 600)}",
            ("Restore", "Discard"),
            cancel="Decide later",
        )
        try:
            if choice == "Restore":
                saved = notes.restore(note)
                open_point(note.code)
                said.append(
                    f"Your note on {note.code} was restored"
                    + ("." if saved else f" but is not saved yet ({notes.problem(note.code)}).")
                )
            elif choice == "Discard":
                notes.discard(note)
        except UserDataError as exc:
            said.append(str(exc))
    return " ".join(said)
