"""Starting the GUI: the QApplication, fonts, the reference atlas, the main window.

`run()` owns start-up, and each step does only what the first paint needs:
  1. the cycle collector is paused: start-up allocates a great deal and frees
     almost nothing, so it would only walk the same objects again and again.
     Once the window's first frame is drawn it runs again, with the objects
     made so far (which live as long as the app) frozen out of its sweeps;
  2. the Qt-free modules are imported before PySide6, whose import hook reads
     the source of every module imported after it (so this module imports Qt
     only inside its functions);
  3. QApplication, named for QSettings and QStandardPaths;
  4. the bundled fonts (hanzi must render on machines without Chinese fonts);
  5. the reference atlas (built from db/ on first run; a clear message if the
     sources are broken);
  6. the main window, shown; with --exit-when-ready the app prints "ready"
     once the first frame is drawn, and quits.

ARCHITECTURE.md ("Start-up") has the whole order and why.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


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
    """Open the main window and run the event loop; returns the exit status."""
    gc.disable()  # until the first frame is drawn (_collect_again)
    for name in ("atlas.core.userdata", "atlas.diagram.sources", "atlas.printing.fonts"):
        importlib.import_module(name)  # Qt-free: before PySide6
    from atlas.core import Atlas, AtlasDataError

    app = application()
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
        window.diagram.firstPainted.connect(_collect_again)
        if exit_when_ready:
            # once the rest of this first frame (panes painted after the diagram) is done
            window.diagram.firstPainted.connect(
                lambda: QTimer.singleShot(0, lambda: _when_ready(app))
            )
    else:  # no body views installed: the window alone is what there is to draw
        _collect_again()
        if exit_when_ready:
            _when_ready(app)
    window.show()
    status = app.exec()
    atlas.close()
    return int(status)
