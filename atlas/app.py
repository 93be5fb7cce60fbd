"""Starting the GUI: the QApplication, fonts, the reference atlas, the main window.

Start-up order (each step only what the first paint needs):
  1. QApplication with the organisation and application names that
     QSettings and QStandardPaths use;
  2. the bundled fonts (hanzi must render on machines without Chinese fonts);
  3. the reference atlas (built from db/ on first run; a clear message if the
     sources are broken);
  4. the main window, shown. Once its diagram has been painted, the cycle
     collector (paused by atlas.cli for start-up) runs again, and with
     --exit-when-ready the app prints "ready" and quits.

ARCHITECTURE.md ("Start-up") has the whole order and why.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from atlas import __version__
from atlas.printing.fonts import FAMILY, ensure_fonts

APP_NAME = "Acupoint Atlas"
ORG_NAME = "AcupointAtlas"


def identify(app: QCoreApplication) -> None:
    """Set the names that QSettings and QStandardPaths derive their locations from."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)


def application() -> QApplication:
    """The QApplication, created once, named, with the bundled fonts registered."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    identify(app)
    if FAMILY in ensure_fonts():
        # Hanzi in the bundled face (Traditional Chinese, as the WHO names are written
        # and as the printed sheets show them) rather than whichever CJK font the
        # system falls back to; finding that fallback also cost ~2 ms of start-up.
        font = app.font()
        if FAMILY not in font.families():
            # the family the system's font resolves to (an alias such as "Sans Serif"
            # would otherwise be passed over for the bundled face)
            font.setFamilies([QFontInfo(font).family(), FAMILY])
            app.setFont(font)
    return app


def user_data_dir() -> Path:
    """Where notes and plans live: ATLAS_DATA_DIR, else Qt's AppDataLocation.

    The window and the command line (`atlas print --plan`) both use this, so
    they see the same plans. Needs the application to be identified first.
    """
    override = os.environ.get("ATLAS_DATA_DIR")
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".acupoint-atlas"


def _started() -> None:
    """The window has been drawn: collect cycles again (`atlas.cli` paused the
    collector for start-up), leaving the objects made so far, which live as long
    as the app, out of its sweeps."""
    gc.freeze()
    gc.enable()


def _when_ready(app: QApplication) -> None:
    """`--exit-when-ready`: the window's first frame, diagram and all, is drawn.

    Says so on stdout (a benchmark notes when the line arrives), then quits.
    """
    print("ready", flush=True)
    QTimer.singleShot(0, app.quit)


def run(exit_when_ready: bool = False) -> int:
    """Open the main window and run the event loop; returns the exit status."""
    from atlas.core import Atlas, AtlasDataError

    app = application()
    try:
        atlas = Atlas.open()
    except AtlasDataError as exc:
        message = str(exc)
        print(f"atlas: error: {message.splitlines()[0]}", file=sys.stderr)
        if not exit_when_ready:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(
                None,
                APP_NAME,
                "The point database could not be opened.\n\n"
                f"{message}\n\nReinstalling the atlas usually fixes this.",
            )
        return 1

    from atlas.ui import MainWindow

    window = MainWindow(atlas=atlas)
    if window.diagram.views():
        window.diagram.firstPainted.connect(_started)
        if exit_when_ready:
            # once the rest of this first frame (panes painted after the diagram) is done
            window.diagram.firstPainted.connect(
                lambda: QTimer.singleShot(0, lambda: _when_ready(app))
            )
    else:  # no body views installed: the window alone is what there is to draw
        _started()
        if exit_when_ready:
            _when_ready(app)
    window.show()
    status = app.exec()
    atlas.close()
    return int(status)
