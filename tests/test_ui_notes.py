"""A note is never lost (issue #17, item 2): a store that cannot take it yet, leaving
the point, closing the window, and the next start. Locks are real: a second SQLite
connection holding the store's write lock, as another program would."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from boxes import Shown, answer
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from atlas.core.userdata import FILE_NAME, RECOVERY_FILE_NAME, UserData
from atlas.ui import MainWindow
from atlas.ui.notes import NoteState

# A message box fixes its own size; the offscreen platform says it cannot pass that on.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def held(data_dir: Path) -> Iterator[list[sqlite3.Connection]]:
    """The second connections holding the store's lock (released at the end)."""
    connections: list[sqlite3.Connection] = []
    yield connections
    for holder in connections:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
def lock(data_dir: Path, held: list[sqlite3.Connection]) -> Callable[[], sqlite3.Connection]:
    """Takes the store's write lock from a second connection (BEGIN EXCLUSIVE) when
    called, as another program would; released by the test, or at the end."""

    def take() -> sqlite3.Connection:
        holder = sqlite3.connect(data_dir / FILE_NAME, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        held.append(holder)
        return holder

    return take


@pytest.fixture
def make_window(
    make_window: Callable[[], MainWindow], held: list[sqlite3.Connection]
) -> Iterator[Callable[[], MainWindow]]:
    """conftest's windows, which the end of the test closes only once every lock is
    released: a test that fails with a note unsaved must not hang on the box closing
    shows."""
    yield make_window
    for holder in held:
        if holder.in_transaction:
            holder.execute("ROLLBACK")


def stored_note(data_dir: Path, code: str) -> str:
    with UserData.open(data_dir) as store:
        return store.note(code)


def kept_notes(data_dir: Path) -> dict[str, str]:
    path = data_dir / RECOVERY_FILE_NAME
    if not path.exists():
        return {}
    notes = json.loads(path.read_text("utf-8"))["notes"]
    return {code: entry["text"] for code, entry in notes.items()}


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.detail.note_edit.setFocus()
    qtbot.keyClicks(window.detail.note_edit, text)


def test_a_lock_while_typing_is_waited_out_and_the_note_saved(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    lock: Callable[[], sqlite3.Connection],
    data_dir: Path,
) -> None:
    """Issue #17, 2: a one-second lock made the save fail, and it was never tried again."""
    window = make_window()
    window.open_point("LI4")
    notes = window.detail.notes
    holder = lock()
    type_note(qtbot, window, "Strong de qi at 0.8 cun.")
    qtbot.waitUntil(lambda: notes.state("LI4") is NoteState.UNSAVED, timeout=5000)
    # the text stays on screen, marked unsaved with the reason
    assert window.detail.note_edit.toPlainText() == "Strong de qi at 0.8 cun."
    assert window.detail.note_status.text() == "Not saved yet: trying again"
    assert "in use by another program" in notes.problem("LI4")
    qtbot.wait(1000)  # the lock is held for a second
    holder.execute("ROLLBACK")
    # saved without the user doing anything
    qtbot.waitUntil(lambda: notes.state("LI4") is NoteState.SAVED, timeout=5000)
    assert window.detail.note_status.text() == ""
    assert stored_note(data_dir, "LI4") == "Strong de qi at 0.8 cun."
    assert kept_notes(data_dir) == {}


def test_leaving_the_point_keeps_the_note_and_says_so(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    lock: Callable[[], sqlite3.Connection],
    data_dir: Path,
) -> None:
    window = make_window()
    window.open_point("LI4")
    holder = lock()
    type_note(qtbot, window, "Kept while locked")
    window.open_point("ST36")
    assert kept_notes(data_dir) == {"LI4": "Kept while locked"}
    message = window.statusBar().currentMessage()
    assert "note on LI4 is not saved yet" in message and RECOVERY_FILE_NAME in message
    # coming back shows the unsaved text, marked as such
    window.open_point("LI4")
    assert window.detail.note_edit.toPlainText() == "Kept while locked"
    assert window.detail.note_status.text() == "Not saved yet: trying again"
    holder.execute("ROLLBACK")
    notes = window.detail.notes
    qtbot.waitUntil(lambda: notes.state("LI4") is NoteState.SAVED, timeout=5000)
    assert stored_note(data_dir, "LI4") == "Kept while locked"
    assert kept_notes(data_dir) == {}  # saved, so no longer kept


def test_a_lock_through_closing_keeps_the_note_for_the_next_start(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    lock: Callable[[], sqlite3.Connection],
    data_dir: Path,
) -> None:
    window = make_window()
    window.open_point("LI4")
    holder = lock()
    type_note(qtbot, window, "Written under a lock")
    seen: list[Shown] = []
    answer("OK", seen)
    window.close()
    assert not window.isVisible()
    assert [s.name for s in seen] == ["notesKept"]
    assert "LI4" in seen[0].text and RECOVERY_FILE_NAME in seen[0].text
    assert kept_notes(data_dir) == {"LI4": "Written under a lock"}
    holder.execute("ROLLBACK")

    answer("Restore", seen)
    again = make_window()
    qtbot.waitUntil(lambda: again.current_code == "LI4", timeout=5000)
    offer = seen[-1]
    assert offer.name == "keptNoteOffer"
    assert "LI4" in offer.text and "Written under a lock" in offer.text
    assert offer.buttons == ("Restore", "Discard", "Decide later")
    assert again.detail.note_edit.toPlainText() == "Written under a lock"
    assert stored_note(data_dir, "LI4") == "Written under a lock"
    assert kept_notes(data_dir) == {}


@pytest.mark.parametrize(("choice", "kept"), [("Discard", {}), ("Decide later", {"GB34": "x"})])
def test_a_kept_note_can_be_discarded_or_left_for_later(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    data_dir: Path,
    choice: str,
    kept: dict[str, str],
) -> None:
    with UserData.open(data_dir) as store:
        store.set_note("GB34", "the saved note")
        store.keep_unsaved("GB34", "x")
    seen: list[Shown] = []
    answer(choice, seen)
    window = make_window()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert "replaces the note saved there now" in seen[0].text
    assert kept_notes(data_dir) == kept
    window.open_point("GB34")
    assert window.detail.note_edit.toPlainText() == "the saved note"


# ------------------------------------------------------------------ bounded work (issue #17, 7)
# How long they take is measured in tests/bench/window_notes.py.

FIVE_MB = 5_000_000


@pytest.mark.parametrize(
    "text",
    ["x" * FIVE_MB, "word " * (FIVE_MB // 5), "a\n" * (FIVE_MB // 2)],
    ids=["no spaces", "spaces", "line breaks"],
)
def test_a_huge_note_is_shown_cut_and_read_only_and_kept_whole(
    make_window: Callable[[], MainWindow], data_dir: Path, text: str
) -> None:
    with UserData.open(data_dir) as store:
        store.set_note("LI4", text)
    window = make_window()
    window.open_point("LI4")
    detail = window.detail
    assert detail.note_edit.isReadOnly()
    assert "shown cut, and kept as it is" in detail.note_pane.reason.text()
    shown = detail.note_edit.toPlainText()
    assert text.startswith(shown.removesuffix("…")[:1000]) and len(shown) <= 210_000
    window.open_point("ST36")
    window.close()
    assert stored_note(data_dir, "LI4") == text


def test_five_megabytes_of_lines_open_whole_and_editable(
    qtbot: QtBot, make_window: Callable[[], MainWindow], data_dir: Path
) -> None:
    text = ("y" * 79 + "\n") * (FIVE_MB // 80)
    with UserData.open(data_dir) as store:
        store.set_note("LI4", text)
    window = make_window()
    window.open_point("LI4")
    assert not window.detail.note_edit.isReadOnly()
    assert window.detail.note_edit.toPlainText() == text


def test_a_run_without_spaces_wraps_anywhere(make_window: Callable[[], MainWindow]) -> None:
    from PySide6.QtGui import QTextOption

    window = make_window()
    window.open_point("LI4")
    editor = window.detail.note_edit
    assert editor.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    window.detail.note_pane.show_note("LI4", "see " + "y" * 5000)
    assert editor.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert not editor.isReadOnly()


def test_pasting_more_than_a_note_holds_is_refused_and_said(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    from PySide6.QtGui import QGuiApplication

    window = make_window()
    window.open_point("LI4")
    type_note(qtbot, window, "mine ")
    QGuiApplication.clipboard().setText("z" * 200_000)
    qtbot.keyClick(window.detail.note_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.note_edit.toPlainText() == "mine "
    assert "Not pasted" in window.statusBar().currentMessage()
    QGuiApplication.clipboard().setText("<b>bold?</b> " + "y" * 500)
    qtbot.keyClick(window.detail.note_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.note_edit.toPlainText() == "mine <b>bold?</b> " + "y" * 500
