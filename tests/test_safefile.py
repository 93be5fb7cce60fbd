"""Files are written whole or left alone (atlas.core.safefile), under real faults."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from faults import fill, tmpfs

from atlas.core.safefile import FileExists, FileWriteError, check_target, write_bytes

OLD = b"%PDF-1.4 the old, good file\n" * 100


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in a folder (there must be none)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_writes_a_new_file_with_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.pdf"
    assert write_bytes(target, b"hello") == target
    assert target.read_bytes() == b"hello" and leftovers(tmp_path) == []
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_replacing_needs_asking_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "old.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    with pytest.raises(FileExists, match="already exists"):
        write_bytes(target, b"new")
    assert target.read_bytes() == OLD
    write_bytes(target, b"new", replace=True)
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("replace", [False, True])
def test_special_files_are_refused_even_when_replacing(tmp_path: Path, replace: bool) -> None:
    """Issue #17, 1: --force never turns a FIFO, a device or a folder into a file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target, kind in ((fifo, "named pipe"), (Path("/dev/null"), "device"), (folder, "folder")):
        with pytest.raises(FileWriteError, match=kind) as refused:
            write_bytes(target, b"x", replace=replace)
        assert not isinstance(refused.value, FileExists) and "\n" not in str(refused.value)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("replace", [False, True])
def test_dangling_symlink_is_refused(tmp_path: Path, replace: bool) -> None:
    """Issue #17, 1: a dangling link at the target is never replaced or followed."""
    link = tmp_path / "out.pdf"
    link.symlink_to(tmp_path / "elsewhere" / "victim.pdf")
    with pytest.raises(FileWriteError, match=r"symbolic link .* does not exist"):
        write_bytes(link, b"x", replace=replace)
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()


def test_symlink_to_a_file_is_written_through_only_when_replacing(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(OLD)
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    with pytest.raises(FileExists):
        write_bytes(link, b"new")
    assert write_bytes(link, b"new", replace=True) == real
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_link_planted_at_the_old_temporary_name_is_not_followed(tmp_path: Path) -> None:
    """Issue #17, 1: the temporary name was `.NAME.part`, so a planted link was followed."""
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / ".plan.pdf.part").symlink_to(victim)
    write_bytes(tmp_path / "plan.pdf", b"sheet")
    assert victim.read_bytes() == b"precious" and (tmp_path / "plan.pdf").read_bytes() == b"sheet"


def test_long_name_and_missing_folder_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="file name is too long") as long:
        write_bytes(tmp_path / ("a" * 300 + ".pdf"), b"x")
    with pytest.raises(FileWriteError, match="does not exist") as missing:
        write_bytes(tmp_path / "nowhere" / "x.pdf", b"x")
    for error in (long, missing):
        assert "\n" not in str(error.value) and len(str(error.value)) < 300


def test_full_disk_leaves_the_old_file_byte_identical(tmp_path: Path) -> None:
    """Issue #17, 1: a real full file system (a small tmpfs)."""
    folder = tmp_path / "full"
    with tmpfs(folder):
        target = folder / "plan.pdf"
        target.write_bytes(OLD)
        fill(folder)
        with pytest.raises(FileWriteError, match="the disk is full") as full:
            write_bytes(target, b"new" * 20_000, replace=True)
        assert full.value.errno == errno.ENOSPC and "unchanged" in str(full.value)
        assert target.read_bytes() == OLD and leftovers(folder) == []


def test_failing_writes_leave_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same without a mount: the disk fills up half-way (writes fail at the OS)."""
    target = tmp_path / "plan.pdf"
    target.write_bytes(OLD)
    written: list[int] = []
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(fd)
        return real_write(fd, data[:1000])  # a short write first, as a filling disk does

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(FileWriteError, match="the disk is full"):
        write_bytes(target, b"new" * 20_000, replace=True)
    monkeypatch.undo()
    assert target.read_bytes() == OLD and leftovers(tmp_path) == []


def test_file_size_limit_in_a_subprocess(tmp_path: Path) -> None:
    """The same without a mount: RLIMIT_FSIZE makes the kernel refuse with EFBIG."""
    target = tmp_path / "plan.pdf"
    target.write_bytes(OLD)
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from atlas.core.safefile import FileWriteError, write_bytes
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))
        try:
            write_bytes({str(target)!r}, b"x" * 100_000, replace=True)
        except FileWriteError as exc:
            print(exc)
            sys.exit(1)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "larger than this disk or this account allows" in result.stdout
    assert target.read_bytes() == OLD and leftovers(tmp_path) == []


def test_check_target_says_where_a_write_would_land(tmp_path: Path) -> None:
    assert check_target(tmp_path / "a.pdf") == tmp_path / "a.pdf"
    (tmp_path / "a.pdf").write_bytes(OLD)
    with pytest.raises(FileWriteError, match="not a folder"):
        check_target(tmp_path / "a.pdf" / "b.pdf")
