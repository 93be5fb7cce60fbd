"""PDF output under faults: `atlas print`, `atlas book` and the window's export.

A full disk, special files and links at -o, long names, unknown users and bad
bytes: the old file is untouched, the exit status is non-zero, the message is
one line (issue #17, items 1 and 9).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from faults import fill, tmpfs
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from atlas import cli
from atlas.core.userdata import Plan, UserData
from atlas.printing.render import ensure_gui
from atlas.ui import MainWindow

OLD = b"%PDF-1.4 the old, good file\n" * 200


@pytest.fixture(autouse=True)
def _gui(qapp: QApplication) -> Iterator[None]:
    ensure_gui()
    yield


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    return status, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("atlas: error: "), err
    assert "unexpected error" not in err
    return lines[0]


@pytest.fixture
def full(tmp_path: Path) -> Iterator[Path]:
    """A full file system holding an old, good plan.pdf."""
    folder = tmp_path / "full"
    with tmpfs(folder):
        (folder / "plan.pdf").write_bytes(OLD)
        fill(folder)
        yield folder


@pytest.mark.parametrize(
    "args",
    [["print", "LI4", "ST36"], ["print", "--handout", "LI4"], ["book", "--channel", "HT", "-q"]],
)
def test_full_disk_with_force_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str], full: Path, args: list[str]
) -> None:
    """Issue #17, 1: was exit 0, "Wrote ... (2 pages)" and a 0-byte file."""
    status, err = run(capsys, *args, "-o", str(full / "plan.pdf"), "--force")
    assert status == 1 and "the disk is full" in one_line_error(err)
    assert (full / "plan.pdf").read_bytes() == OLD
    assert sorted(p.name for p in full.iterdir()) == ["filler", "filler-2", "plan.pdf"]


def test_full_disk_new_file_is_not_left_behind(
    capsys: pytest.CaptureFixture[str], full: Path
) -> None:
    status, err = run(capsys, "print", "GB34", "-o", str(full / "new.pdf"))
    assert status == 1 and "the disk is full" in one_line_error(err)
    assert not (full / "new.pdf").exists()


def test_failing_writes_without_a_mount(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(OLD)

    def no_room(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", no_room)
    status, err = run(capsys, "print", "LI4", "-o", str(target), "--force")
    monkeypatch.undo()
    assert status == 1 and "the disk is full" in one_line_error(err)
    assert target.read_bytes() == OLD and [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_special_files_at_output_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, force: list[str]
) -> None:
    """Issue #17, 1: --force replaced a FIFO or a device node with a regular file."""
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for target, kind in ((fifo, "named pipe"), (Path("/dev/null"), "device")):
        status, err = run(capsys, "print", "LI4", "-o", str(target), *force)
        assert status != 0 and kind in one_line_error(err)
    status, err = run(capsys, "book", "--channel", "HT", "-o", str(fifo), *force)
    assert status != 0 and "named pipe" in one_line_error(err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISCHR(os.lstat("/dev/null").st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_dangling_symlink_at_output_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, force: list[str]
) -> None:
    """Issue #17, 1: a dangling link at -o was replaced without --force."""
    link = tmp_path / "out.pdf"
    link.symlink_to(tmp_path / "target.pdf")
    status, err = run(capsys, "print", "LI4", "-o", str(link), *force)
    assert status != 0 and "symbolic link" in one_line_error(err)
    assert link.is_symlink() and not (tmp_path / "target.pdf").exists()


def test_symlink_to_a_file_needs_force_then_writes_through(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(OLD)
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    status, err = run(capsys, "print", "LI4", "-o", str(link))
    assert status != 0 and "--force" in one_line_error(err) and real.read_bytes() == OLD
    status, err = run(capsys, "print", "LI4", "-o", str(link), "--force")
    assert status == 0 and link.is_symlink() and real.read_bytes().startswith(b"%PDF")
    assert real.read_bytes() != OLD


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("a" * 300 + ".pdf", "the file name is too long"),
        ("~no-such-user-here/plan.pdf", "there is no user 'no-such-user-here'"),
        ("no/such/folder/plan.pdf", "does not exist"),
    ],
)
def test_unwritable_names_are_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output: str,
    message: str,
) -> None:
    """Issue #17, 9: these gave "unexpected error: ..."."""
    monkeypatch.chdir(tmp_path)
    for command in (["print", "LI4"], ["book", "--channel", "HT"]):
        status, err = run(capsys, *command, "-o", output)
        assert status != 0 and message in one_line_error(err)
    assert list(tmp_path.iterdir()) == []


def test_plan_name_with_undecodable_bytes_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    """Issue #17, 9: invalid bytes in a plan name on the command line."""
    status, err = run(capsys, "print", "--plan", "back \udcff pain", "-o", str(tmp_path / "p.pdf"))
    assert status == 2 and "not valid text" in one_line_error(err)


def test_newer_store_still_prints_notes_and_is_not_set_aside(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    """Issue #17, 4: a read-only command on a newer store shows the notes, moves nothing."""
    import sqlite3

    import pypdf

    with UserData.open(data_dir) as store:
        store.set_note("LI4", "Press towards the second metacarpal")
        store.save_plan(Plan(None, "Hand", ("LI4",), "plan notes"))
    conn = sqlite3.connect(data_dir / "user.sqlite")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    out = tmp_path / "sheet.pdf"
    status, err = run(capsys, "print", "LI4", "--notes", "-o", str(out))
    assert status == 0 and "newer version" in err and "schema 99" in err
    text = " ".join((page.extract_text() or "") for page in pypdf.PdfReader(out).pages)
    assert "second metacarpal" in " ".join(text.split())
    status, _ = run(capsys, "print", "--plan", "Hand", "-o", str(tmp_path / "plan.pdf"))
    assert status == 0
    assert sorted(p.name for p in data_dir.iterdir() if "damaged" in p.name) == []


# ------------------------------------------------------------------ the window's export


def answer_dialogs(file_name: Path, seen: list[tuple[str, str]]) -> QTimer:
    """Act as the user on each modal box: type the file name, confirm replacing, read
    and close any other message (recorded as (title, text))."""

    def step() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.property("answered"):
            return
        box.setProperty("answered", True)
        # Answer after this call returns: the answer may open the next box, and a
        # timer does not fire again inside its own call.
        if isinstance(box, QFileDialog):
            box.selectFile(str(file_name))
            QTimer.singleShot(0, box.accept)
        elif isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text()))
            QTimer.singleShot(0, lambda: answer(box))

    def answer(box: QMessageBox) -> None:
        for choice in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok):
            button = box.button(choice)
            if button is not None:
                button.click()
                return
        box.close()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(50)
    return timer


# QMessageBox fixes its own size; the offscreen test platform warns that it cannot pass
# that on. Nothing else may warn.
@pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")
def test_window_export_on_a_full_disk_says_so_and_keeps_the_old_file(
    make_window: Callable[[], MainWindow], full: Path
) -> None:
    """Issue #17, 1: the window's export wrote an empty file and said nothing."""
    window = make_window()
    window.open_point("LI4")
    seen: list[tuple[str, str]] = []
    timer = answer_dialogs(full / "plan.pdf", seen)
    try:
        window.export_pdf()
    finally:
        timer.stop()
    messages = [text for _, text in seen if "could not be written" in text]
    assert len(messages) == 1 and "the disk is full" in messages[0]
    assert (full / "plan.pdf").read_bytes() == OLD
    assert sorted(p.name for p in full.iterdir()) == ["filler", "filler-2", "plan.pdf"]
