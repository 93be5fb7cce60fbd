"""The user's note on the open point, as the detail pane shows it: a title, the
note's state (from `atlas.ui.notes`), the reason when it cannot be changed, and
an editor whose work is bounded on any text.

Qt lays a paragraph out whole, on opening and again on every keystroke, and
breaking a run with no space in it is quadratic when words wrap; each line adds
to the cost. So a note with a run of `LONG_RUN` characters without a space wraps
anywhere (else a long run took many seconds to open), and a note with a
paragraph longer than `MAX_PARAGRAPH` characters or more than `MAX_LINES` lines
is shown cut and read-only (the note itself is kept as it is). A paste
that would make a note that long is refused with a message.

Made with the detail pane's point widgets, when the first point opens.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from atlas.ui.dialogs import tip
from atlas.ui.notes import NoteState

#: The longest paragraph, and the most lines, the editor lays out (a note with more
#: is shown cut, read-only).
MAX_PARAGRAPH = 100_000
MAX_LINES = 100_000
#: A run of this many characters without a space makes the editor wrap anywhere.
LONG_RUN = 200

_STATE_TEXT = {
    NoteState.SAVED: "",
    NoteState.EDITING: "Editing…",
    NoteState.UNSAVED: "Not saved yet: trying again",
    NoteState.READ_ONLY: "Read-only",
}


def longest_paragraph(text: str) -> int:
    return max(map(len, text.split("\n")), default=0)


def has_long_run(text: str) -> bool:
    """Whether the text holds a run of LONG_RUN characters without a space (linear)."""
    return len(text) >= LONG_RUN and max(map(len, text.split()), default=0) >= LONG_RUN


def too_long(text: str) -> bool:
    """Whether a note is more than the editor lays out."""
    return text.count("\n") >= MAX_LINES or longest_paragraph(text) > MAX_PARAGRAPH


def cut(text: str) -> str:
    """The note's first MAX_LINES lines, each cut to MAX_PARAGRAPH characters ("…")."""
    lines = text.split("\n", MAX_LINES)[:MAX_LINES]
    return "\n".join(p if len(p) <= MAX_PARAGRAPH else p[:MAX_PARAGRAPH] + "…" for p in lines)


class NoteEditor(QPlainTextEdit):
    """Plain text only; a paste that would make a paragraph too long to lay out is
    refused (`refused` says why); a run without spaces wraps anywhere."""

    refused = Signal(str)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        block = self.textCursor().block().length()
        lines = self.document().blockCount() + text.count("\n")
        if block + longest_paragraph(text) > MAX_PARAGRAPH or lines > MAX_LINES:
            self.refused.emit(
                f"Not pasted: a note holds at most {MAX_LINES:,} lines of {MAX_PARAGRAPH:,}"
                " characters here, and this would make it longer."
            )
            return
        if has_long_run(text):
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        plain = QMimeData()
        plain.setText(text)  # never rich text, whatever was copied
        super().insertFromMimeData(plain)

    def show_text(self, text: str) -> bool:
        """Show a note (its undo history cleared); False when it was cut to be shown."""
        whole = not too_long(text)
        shown = text if whole else cut(text)
        self.setWordWrapMode(
            QTextOption.WrapMode.WrapAnywhere
            if has_long_run(shown)
            else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        )
        self.setPlainText(shown)
        return whole


class NotePane(QWidget):
    """The title, the note's state and the editor. `edited(code, text)` is sent as the
    user types; `refused(message)` when a paste was refused."""

    edited = Signal(str, str)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        title_row = QHBoxLayout()
        title = QLabel("<b>My notes</b>", self)
        self.status = QLabel("", self)
        self.status.setObjectName("noteStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        title_row.addWidget(title)
        title_row.addStretch(1)
        title_row.addWidget(self.status)
        self.reason = QLabel("", self)
        self.reason.setObjectName("noteReason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.reason.hide()
        self.editor = NoteEditor(self)
        self.editor.setObjectName("noteEdit")
        self.editor.setTabChangesFocus(True)
        layout.addLayout(title_row)
        layout.addWidget(self.reason)
        layout.addWidget(self.editor, 1)
        self.editor.textChanged.connect(self._changed)
        self.editor.refused.connect(self.refused)

    def show_note(self, code: str, text: str, read_only_reason: str = "") -> None:
        """Show a point's note; with a reason, read-only and the reason shown."""
        self.editor.blockSignals(True)  # loading is not editing
        whole = self.editor.show_text(text)
        self.editor.blockSignals(False)
        if not whole and not read_only_reason:
            read_only_reason = (
                f"This note is longer than the window can edit ({MAX_LINES:,} lines of"
                f" {MAX_PARAGRAPH:,} characters): it is shown cut, and kept as it is."
            )
        self.editor.setReadOnly(bool(read_only_reason))
        self.editor.setPlaceholderText(
            "" if read_only_reason else "Your own notes on this point (saved as you type)."
        )
        self.reason.setText(read_only_reason)
        self.reason.setVisible(bool(read_only_reason))
        self.code = code

    def show_state(self, state: NoteState, problem: str = "") -> None:
        """Mark the note as saved, being edited, unsaved (with the reason) or read-only."""
        self.status.setText(_STATE_TEXT[state])
        self.status.setToolTip(tip(problem))
        self.status.setStyleSheet("color: #b45309;" if state is NoteState.UNSAVED else "")

    def _changed(self) -> None:
        if self.code is not None:
            self.edited.emit(self.code, self.editor.toPlainText())
