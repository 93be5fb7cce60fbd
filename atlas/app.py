"""Starting the GUI: the QApplication, fonts, the reference atlas, the main window.

`run()` owns start-up, and each step does only what the first paint needs:
  1. the cycle collector is paused: start-up allocates a great deal and frees
     almost nothing, so it would only walk the same objects again and again.
     Once the window's first frame is drawn it runs again, with the objects
     made so far (which live as long as the app) frozen out of its sweeps
     (`ATLAS_NO_GC_PAUSE=1` turns this off, for the bench to weigh it);
  2. the Qt-free modules are imported before PySide6, whose import hook reads
     the source of every module imported after it (so this module imports Qt
     only inside its functions);
  3. on Linux, before Qt opens an X11 window, the system libraries its xcb
     plugin needs are loaded and the display is reached: Qt aborts the process
     when one is missing or nothing answers (with a message that may name another
     library), so the app says which and how to install it, or which display did
     not answer, instead (`window_problem`);
  4. QApplication, named for QSettings and QStandardPaths;
  5. the bundled fonts (hanzi must render on machines without Chinese fonts);
  6. the reference atlas (built from db/ on first run; a clear message if the
     sources are broken);
  7. the main window, shown; with --exit-when-ready the app prints "ready"
     once the first frame is drawn, and quits.

What waits until after the first frame: the view settling (regions, marker hit
items, cues), the notes an earlier session kept, the Plan dock's fields, and the
check of the reference database on a worker thread (`atlas.ui.checkup`).

PySide6 makes a Python enum class for every enum of a Qt class the first time the
class is touched, so start-up touches as few Qt classes as it can: dialogs,
message boxes and the detail pane's text widgets are imported where they are
made, QtSvg when an SVG is first drawn, and no regular expression over the CJK
ranges is compiled on the way. A test (`tests/test_cli.py`) checks that the
collector runs again once the first frame is drawn and that the command line's
parser was never built.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

#: The system libraries of Qt's X11 window (the xcb platform plugin, beyond what
#: QtGui itself needs), each with the Debian and Ubuntu package that installs it.
#: A test checks the list against the plugin's own dependencies.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
#: What QtGui loads (a missing one fails the import of PySide6.QtGui).
GUI_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}


def unloadable(libraries: Iterable[str]) -> list[str]:
    """The shared libraries of these names that the system cannot load."""
    # _ctypes rather than ctypes: importing ctypes would add to start-up.
    from _ctypes import dlopen

    missing = []
    for name in libraries:
        try:
            dlopen(name, os.RTLD_LAZY)  # Qt would load each of them next
        except OSError:
            missing.append(name)
    return missing


def missing_libraries_message(missing: Iterable[str]) -> str:
    """What to tell the user about missing system libraries: which, and how to install them."""
    names = list(dict.fromkeys(missing))
    lines = [
        f"atlas: error: the window needs system libraries that are missing: {', '.join(names)}"
    ]
    packages = [
        p for p in dict.fromkeys({**GUI_LIBRARIES, **XCB_LIBRARIES}.get(n) for n in names) if p
    ]
    import shutil  # only on this way out

    if packages and shutil.which("apt-get"):
        lines.append(f"atlas: install them with: sudo apt install {' '.join(packages)}")
    else:
        lines.append(
            "atlas: install them with your system's package manager, then start atlas again"
        )
    return "\n".join(lines)


def window_problem(environ: Mapping[str, str]) -> str | None:
    """Why Qt could not open the window here, as a message for the user (None if it can).

    Only on Linux, when Qt will use its X11 plugin (no QT_QPA_PLATFORM of another
    plugin, not a Wayland session): a missing library, an unset DISPLAY or a local
    display nothing answers on makes Qt abort the process, and its own message may
    name the wrong package.
    """
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return None
    if not platform and environ.get("XDG_SESSION_TYPE") == "wayland":
        return None
    missing = unloadable(XCB_LIBRARIES)
    if missing:
        return missing_libraries_message(missing)
    display = environ.get("DISPLAY")
    if not display:
        return (
            "atlas: error: there is no display to open the window on (DISPLAY is not set);"
            " `atlas --help` lists the commands that need none"
        )
    return display_problem(display)


def display_problem(display: str) -> str | None:
    """Why the local X display `display` (":0", ":1.0", "unix:0") cannot be reached, as
    a message for the user; None when an X server listens there, or when the display
    is not local (a remote one, as ssh forwards, is left to Qt).

    A local X server listens on /tmp/.X11-unix/X<n>, on Linux also under that name in
    the abstract namespace (where libxcb looks first); a connect to either is all it
    takes (and `_socket` rather than `socket`, whose import would add to start-up).
    """
    host, colon, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not colon or host not in ("", "unix") or not number.isdigit():
        return None
    import _socket

    path = f"/tmp/.X11-unix/X{number}"
    for address in ("\0" + path, path):
        connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        connection.setblocking(False)  # never wait: a server too busy to accept is there
        try:
            connection.connect(address)
            return None
        except BlockingIOError:
            return None
        except OSError:
            continue
        finally:
            connection.close()
    return (
        f"atlas: error: cannot open the display {display}: no X server answers at {path}"
        " (is DISPLAY right?); `atlas --help` lists the commands that need none"
    )


def missing_library(exc: ImportError) -> str | None:
    """The shared library an import failed to find, from the loader's message."""
    import re  # only on this way out

    found = re.search(r"(lib[\w.+-]+?\.so[.\d]*): cannot open shared object file", str(exc))
    return found.group(1) if found else None


def application() -> QApplication:
    """The QApplication, created once, named, with the bundled fonts registered."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication

    from atlas.printing.fonts import FAMILY, ensure_fonts
    from atlas.qtbase import identify

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    identify(app)
    if FAMILY in ensure_fonts():
        # Hanzi in the bundled face (Traditional Chinese, as the WHO names are written
        # and as the printed sheets show them) rather than whichever CJK font the
        # system falls back to (finding that fallback also costs start-up time).
        font = app.font()
        if FAMILY not in font.families():
            # the family the system's font resolves to (an alias such as "Sans Serif"
            # would otherwise be passed over for the bundled face)
            font.setFamilies([QFontInfo(font).family(), FAMILY])
            app.setFont(font)
    return app


def _start_qt() -> QApplication | str:
    """The application, or the message that says why Qt cannot open a window here."""
    problem = window_problem(os.environ)
    if problem is not None:
        return problem
    try:
        return application()
    except ImportError as exc:  # PySide6 itself, for want of a system library
        library = missing_library(exc)
        if library is None:
            raise
        return missing_libraries_message([library])


def _collect_again() -> None:
    """The window has been drawn: start-up is over, so the cycle collector runs
    again, leaving the objects made so far out of its sweeps."""
    gc.freeze()
    gc.enable()


def _when_ready(app: QApplication) -> None:
    """`--exit-when-ready`: the window's first frame, diagram and all, is drawn.

    Says so on stdout (a benchmark notes when the line arrives), then quits.
    """
    from PySide6.QtCore import QTimer

    print("ready", flush=True)
    QTimer.singleShot(0, app.quit)


def run(exit_when_ready: bool = False) -> int:
    """Open the main window and run the event loop; returns the exit status.

    `ATLAS_NO_GC_PAUSE=1` leaves the cycle collector running through start-up (and
    freezes nothing), so that the bench can weigh the pause."""
    pause = os.environ.get("ATLAS_NO_GC_PAUSE") != "1"
    if pause:
        gc.disable()  # until the first frame is drawn (_collect_again)
    for name in ("atlas.core.userdata", "atlas.diagram.sources", "atlas.printing.fonts"):
        importlib.import_module(name)  # Qt-free: before PySide6
    from atlas.core import Atlas, AtlasDataError
    from atlas.core.meta import EXIT_ERROR

    app = _start_qt()
    if isinstance(app, str):  # Qt cannot open a window here: say why, rather than abort
        gc.enable()
        print(app, file=sys.stderr)
        return EXIT_ERROR
    try:
        atlas = Atlas.open()
    except AtlasDataError as exc:
        gc.enable()
        message = str(exc)
        print(f"atlas: error: {message.splitlines()[0]}", file=sys.stderr)
        if not exit_when_ready:
            from PySide6.QtWidgets import QMessageBox

            from atlas.core.meta import APP_NAME

            QMessageBox.critical(
                None,
                APP_NAME,
                "The point database could not be opened.\n\n"
                f"{message}\n\nReinstalling the atlas usually fixes this.",
            )
        return 1

    from PySide6.QtCore import QTimer

    from atlas.ui import MainWindow

    window = MainWindow(atlas)
    if window.diagram.views():
        if pause:
            window.diagram.firstPainted.connect(_collect_again)
        if exit_when_ready:
            # once the rest of this first frame (panes painted after the diagram) is done
            window.diagram.firstPainted.connect(
                lambda: QTimer.singleShot(0, lambda: _when_ready(app))
            )
    else:  # no body views installed: the window alone is what there is to draw
        if pause:
            _collect_again()
        if exit_when_ready:
            _when_ready(app)
    window.show()
    status = app.exec()
    atlas.close()
    return int(status)
