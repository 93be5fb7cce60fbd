"""Real faults for tests: a small full file system, a read-only one.

They mount a tmpfs (we run as root on the test machines). Where mounting is
not permitted the test that asked is skipped, never failed; each fault that
matters also has a test that needs no mount.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30)
    except OSError as exc:  # no mount command at all
        return subprocess.CompletedProcess(command, 127, "", str(exc))


@contextmanager
def tmpfs(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A tmpfs of `size` mounted at folder (made if missing) for the duration."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip() or mounted.returncode}")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path) -> None:
    """Fill the file system holding folder until it has no room left."""
    for name, block in (("filler", 4096), ("filler-2", 1)):  # then any partial page left
        with open(folder / name, "ab", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * block)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc


def read_only(folder: Path) -> None:
    """Remount the tmpfs at folder read-only."""
    remounted = _run("mount", "-o", "remount,ro", str(folder))
    if remounted.returncode != 0:
        pytest.skip(f"cannot remount read-only here: {remounted.stderr.strip()}")
    assert not os.access(folder, os.W_OK)
