"""User text is shown as plain text everywhere in the window (issue #17, item 8): every
box, label, menu entry and tooltip that shows a plan name, a note or a path is opened
with hostile text, and what the user sees is the text itself: no tag becomes an image
or a link, and five megabytes without a space are cut to what a box can lay out."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from boxes import Shown, answer, as_shown, label_text, tooltip_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from atlas.core.userdata import FILE_NAME, Plan, UserData
from atlas.ui import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

IMAGE = '<img src="file:///etc/hostname" width=400>'
LINK = '<a href="file:///etc/passwd">open me</a>'
HUGE = "<b>" + "x" * 5_000_000  # 5 MB without a space
HOSTILE = [IMAGE, LINK, HUGE]


def seen_as_is(shown: str, text: str) -> bool:
    """The user sees the text itself (its start, for text cut to fit)."""
    return text[:60] in shown and len(shown) < 10_000


@pytest.fixture
def open_window(make_window: Callable[..., MainWindow]) -> Callable[[Path], MainWindow]:
    """A window on the store in a folder, with a short wait on a busy store."""
    return lambda folder: make_window(UserData.open(folder, timeout=0.2))


# the Open menu pops up: the offscreen platform cannot raise it or give it the keyboard
@pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing the keyboard|propagateSizeHints)"
)
@pytest.mark.parametrize("name", HOSTILE, ids=["image", "link", "5 MB"])
def test_plan_names_in_boxes_menus_and_messages(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "data"
    with UserData.open(folder) as store:
        store.save_plan(Plan(None, name, ("LI4",)))
    window = open_window(folder)
    plan = window.plan
    assert plan.open_plan(name)
    assert seen_as_is(window.statusBar().currentMessage(), name)

    # the Open menu lists it as it is
    plan.open_menu.popup(QPoint(0, 0))
    entries = [a.text().replace("&&", "&") for a in plan.open_menu.actions()]
    plan.open_menu.close()
    assert len(entries) == 1 and seen_as_is(entries[0], name)

    seen: list[Shown] = []
    # another copy of the atlas changes it: the conflict dialog
    with UserData.open(folder) as other:
        stored = other.plan(name)
        assert stored is not None
        other.save_plan(stored._replace(notes="theirs"))
    plan.add(["ST36"])
    answer("Take theirs", seen)
    assert not plan.save()
    # a new plan under the same name: "Plan not saved"
    plan.new_plan()
    plan.add(["GB34"])
    plan.plan_model.update(name=name)
    answer("OK", seen)
    assert not plan.save()
    # delete it: the question, then it is deleted elsewhere while open again
    assert plan.open_plan(name)
    answer("Cancel", seen)
    plan.delete_plan()
    with UserData.open(folder) as other:
        other.delete_plan(plan.plan_id or 0)
    plan.add(["ST36"])
    answer("Cancel", seen)
    assert not plan.save()
    assert [s.name for s in seen] == ["planConflict", "planNotSaved", "deletePlan", "planDeleted"]
    for box in seen:
        assert seen_as_is(box.text, name), box.name


def test_a_kept_note_is_offered_as_it_is(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    with UserData.open(folder) as store:
        store.keep_unsaved("LI4", IMAGE + LINK + HUGE)
    seen: list[Shown] = []
    answer("Decide later", seen)
    open_window(folder)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0].name == "keptNoteOffer"
    assert IMAGE + LINK + "<b>xxx" in seen[0].text and len(seen[0].text) < 10_000


def test_paths_in_the_banner_and_the_notes_kept_at_closing(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    folder = tmp_path / IMAGE.replace("/", "|")  # a folder name may hold tags too
    folder.mkdir()
    conn = sqlite3.connect(folder / FILE_NAME)
    conn.execute("CREATE TABLE photos (id)")  # another program's file: set aside
    conn.execute("PRAGMA application_id = 7")
    conn.commit()
    conn.close()
    window = open_window(folder)
    banner = label_text(window.banner.label)
    assert banner == window.userdata.health.message and folder.name in banner
    # a note the store cannot take at closing is kept, and the box names where
    window.open_point("LI4")
    holder = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        window.detail.note_edit.setFocus()
        qtbot.keyClicks(window.detail.note_edit, LINK)
        seen: list[Shown] = []
        answer("OK", seen)
        window.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert seen[0].name == "notesKept" and folder.name in seen[0].text


def test_labels_and_tooltips_of_the_point_and_the_note(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    with UserData.open(folder) as store:
        store.set_note("LI4", IMAGE + LINK)
    window = open_window(folder)
    window.open_point("LI4")
    detail = window.detail
    header = detail.findChild(QFrame, "detailHeader")
    assert header is not None
    for label in header.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    channel = window.atlas.channel("LI")
    assert channel is not None
    assert tooltip_text(detail.channel_label.toolTip()) == f"{channel.pinyin}: {channel.summary}"
    assert detail.note_edit.toPlainText() == IMAGE + LINK  # a plain-text editor
    # a save that fails is marked with its reason in a tooltip, shown as it is
    holder = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        detail.note_edit.setFocus()
        qtbot.keyClicks(detail.note_edit, "!")
        notes = detail.notes
        qtbot.waitUntil(lambda: bool(notes.problem("LI4")), timeout=5000)
        assert tooltip_text(detail.note_status.toolTip()) == notes.problem("LI4")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    qtbot.waitUntil(lambda: not notes.pending(), timeout=5000)
    # the plan list and its rows
    window.plan.add(["LI4", "CV8"])
    for row in range(window.plan.model.rowCount()):
        index = window.plan.model.index(row)
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = str(index.data(role))
            assert as_shown(text, Qt.TextFormat.AutoText) == text
