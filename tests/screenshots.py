"""Regenerate the README images: `python tests/screenshots.py [views] [windows] [pages]`
(offscreen; all three when none is named).

Writes assets/screenshots/: each full-body view with every point and channel,
two detail views, the window (light and dark, 1920x1080, a point open), and the
printed pages (through pdftoppm, if installed): a point sheet, a patient
handout, a plan sheet and a channel's opening page in the whole book.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ATLAS_NO_FIRST_RUN_NOTICE"] = "1"
os.environ["ATLAS_DATA_DIR"] = tempfile.mkdtemp()
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never the user's own window settings

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from atlas.app import application  # noqa: E402
from atlas.core import Atlas  # noqa: E402

OUT = REPO / "assets" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def views(app: QApplication, atlas: Atlas) -> None:
    from atlas.diagram.view import DiagramView

    for name, size, select in [
        ("front", (760, 1480), None),
        ("back", (760, 1480), None),
        ("side", (700, 1480), None),
        ("head_side", (1000, 1000), None),
        ("hand_dorsal", (800, 1100), "LI4"),
    ]:
        view = DiagramView(atlas)
        view.resize(*size)
        view.show()
        view.set_view(name)
        for channel in atlas.channels():
            view.set_channel_visible(channel.code, True)
        if select:
            view.select(select, centre=False)
        view.fit()
        settle(app)
        view.layout_labels()  # at once, not after the short wait a window takes
        settle(app)
        view.grab().save(str(OUT / f"view-{name}.png"))
        view.close()


def windows(app: QApplication, atlas: Atlas) -> None:
    from atlas.ui import MainWindow

    for name, theme in [("window", "light"), ("window-dark", "dark")]:
        settings = QSettings()
        settings.setValue("view/theme", theme)
        window = MainWindow(atlas=atlas)
        window.resize(1920, 1080)
        window.show()
        settle(app)
        window.open_point("LI4")
        settle(app)
        window.diagram.layout_labels()
        settle(app)
        window.grab().save(str(OUT / f"{name}.png"))
        window.close()


def pages(atlas: Atlas) -> None:
    from atlas.core.userdata import Plan
    from atlas.printing.book import Book
    from atlas.printing.handout import Handout
    from atlas.printing.plan import PlanSheet
    from atlas.printing.render import Document, write_pdf
    from atlas.printing.sheets import PointSheet

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not installed: skipping the printed pages", file=sys.stderr)
        return
    low_back = Plan(None, "Low back pain", ("BL23", "BL25", "GV4", "EX-B2", "BL40", "BL57",
                                            "GB30", "GB34", "KI3", "CV8"))  # fmt: skip
    book = Book(atlas)
    documents: list[tuple[str, Document]] = [
        ("sheet-ST36", PointSheet(atlas, ["ST36"])),
        ("handout-LI4", Handout(atlas, ["LI4"])),
        ("plan-low-back", PlanSheet(atlas, low_back)),
        ("book-opening-ST", book),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for name, document in documents:
            pdf = Path(tmp) / f"{name}.pdf"
            write_pdf(document, pdf)
            page = 1
            if document is book:  # the Stomach channel's opening page
                page = next(i.page for i in book.navigation().outline if i.title.startswith("ST "))
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(page), "-l", str(page),
                 str(pdf), str(OUT / name)],
                check=True,
            )  # fmt: skip


def main(parts: list[str]) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = application()
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = set(parts) or {"views", "windows", "pages"}
    with Atlas.open() as atlas:
        if "views" in wanted:
            views(app, atlas)
        if "windows" in wanted:
            windows(app, atlas)
        if "pages" in wanted:
            pages(atlas)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
