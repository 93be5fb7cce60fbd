"""Before Qt opens its window on Linux: a missing system library or display is named,
with the command that installs it, instead of Qt aborting the process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.app import (
    GUI_LIBRARIES,
    XCB_LIBRARIES,
    missing_libraries_message,
    missing_library,
    unloadable,
    window_problem,
)

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's X11 window")
NO_SUCH = "libatlas-no-such-library.so.7"


@linux
def test_a_library_that_cannot_be_loaded_is_found_out() -> None:
    assert unloadable(["libc.so.6", NO_SUCH]) == [NO_SUCH]


def test_the_message_names_the_libraries_and_the_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    message = missing_libraries_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    first, second = message.splitlines()
    assert first.startswith("atlas: error: ")
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in first
    if shutil.which("apt-get"):
        assert second == "atlas: install them with: sudo apt install libxcb-icccm4 libxcb-keysyms1"
    monkeypatch.setenv("PATH", "")  # a system without apt
    assert "package manager" in missing_libraries_message(["libxcb-icccm.so.4"])


@linux
def test_the_library_a_failed_import_wanted_is_read_from_the_loader(tmp_path: Path) -> None:
    from _ctypes import dlopen

    with pytest.raises(OSError) as failed:
        dlopen(NO_SUCH, os.RTLD_LAZY)
    assert missing_library(ImportError(str(failed.value))) == NO_SUCH
    assert missing_library(ImportError("No module named 'PySide6'")) is None


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ""},
        {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
    ],
)
def test_no_check_where_qt_will_not_use_x11(environ: dict[str, str]) -> None:
    assert window_problem(environ) is None


@linux
def test_no_display_is_said_in_one_line() -> None:
    problem = window_problem({})
    assert problem is not None
    assert problem.startswith("atlas: error: ")
    if not unloadable(XCB_LIBRARIES):
        assert "DISPLAY" in problem and "\n" not in problem


def _free_display() -> int:
    """A local display number with no X server behind it (nor a socket of one)."""
    return next(n for n in range(99, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists())


@linux
def test_a_display_that_does_not_answer_is_said_in_one_line() -> None:
    number = _free_display()
    problem = window_problem({"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"})
    assert problem is not None
    if not unloadable(XCB_LIBRARIES):
        assert problem.startswith(f"atlas: error: cannot open the display :{number}: ")
        assert "\n" not in problem


@linux
def test_a_display_that_answers_is_let_be() -> None:
    """A local X server listens on /tmp/.X11-unix/X<n>, or on the same name in Linux's
    abstract namespace: a socket listening there is a display to open."""
    import socket

    if unloadable(XCB_LIBRARIES):
        pytest.skip("the window's libraries are missing here")
    number = _free_display()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")
        server.listen(4)
        for display in (f":{number}", f":{number}.0", f"unix:{number}"):
            assert window_problem({"DISPLAY": display}) is None, display
    # remote displays (ssh's forwarding) are left to Qt
    assert window_problem({"DISPLAY": "localhost:10.0"}) is None


@linux
def test_the_window_on_a_display_that_does_not_answer_exits_with_one_line(
    tmp_path: Path,
) -> None:
    """`DISPLAY=:99 atlas` once aborted (134) with Qt's hint about xcb-cursor0."""
    number = _free_display()
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    env["ATLAS_DATA_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "atlas"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("atlas: error: ")
    assert "Aborted" not in done.stderr and "xcb-cursor0" not in done.stderr


def _libraries(path: Path) -> dict[str, Path | None]:
    """The shared libraries a file loads (and those they load) outside PySide6, by name,
    with where the loader finds each (None: not found), from ldd."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
    found: dict[str, Path | None] = {}
    for name, where in re.findall(r"^\s*(\S+\.so[.\d]*) => (.*?)(?: \(0x|$)", out, re.M):
        if "PySide6" not in where:
            found[name] = Path(where) if where.startswith("/") else None
    return found


@linux
@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_the_list_is_what_the_xcb_plugin_needs() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = _libraries(qt / "plugins" / "platforms" / "libqxcb.so")
    gui = _libraries(qt / "lib" / "libQt6Gui.so.6")
    assert set(XCB_LIBRARIES) <= set(plugin), "each library listed is one the plugin loads"
    assert set(GUI_LIBRARIES) <= set(gui)
    # every library the plugin needs beyond QtGui is listed, or comes with one listed
    brought: set[str] = set()
    for name in XCB_LIBRARIES:
        where = plugin[name]
        if where is not None:
            brought |= set(_libraries(where))
    assert set(plugin) - set(gui) - set(XCB_LIBRARIES) - brought == set()


@linux
def test_the_window_without_a_display_exits_with_a_message_not_an_abort(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("XDG_SESSION_TYPE", None)
    env["ATLAS_DATA_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "atlas", "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("atlas: error: ")
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr


def test_the_readme_names_every_package() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    command = re.search(r"sudo apt install ((?:[^`]|\\\n)+?)\n```", readme)
    assert command is not None
    named = set(command.group(1).replace("\\", " ").split())
    assert named == set(XCB_LIBRARIES.values()) | set(GUI_LIBRARIES.values())
