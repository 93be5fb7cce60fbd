"""How long a point with a huge note takes to open in the window, against an ordinary
note in the same run.

    python tests/bench/window_notes.py [--quick]

Each case opens ST36 (whose note is the case's text) after LI4, in a real window
on a store of its own, and waits until the window has drawn it; then opens a
saved plan whose notes are the case's text in the Plan dock. The figure is the
median of a few runs and its ratio to the same with a 200-character text. The
target is under 2 s for 5 MB, with or without spaces.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ATLAS_NO_FIRST_RUN_NOTICE", "1")


def texts(size: int) -> dict[str, str]:
    return {
        "no spaces": "x" * size,
        "spaces": ("word " * (size // 5 + 1))[:size],
        "line breaks": ("a\n" * (size // 2 + 1))[:size],
        "lines of 80": (("y" * 79 + "\n") * (size // 80 + 1))[:size],
    }


def main() -> int:
    quick = "--quick" in sys.argv
    runs = 1 if quick else 3
    sizes = [500_000, 5_000_000]

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app.setOrganizationName("AcupointAtlasBench")

    from atlas.core import Atlas
    from atlas.core.userdata import Plan, UserData
    from atlas.ui import MainWindow

    atlas = Atlas.open()
    store = UserData.open(tempfile.mkdtemp())
    window = MainWindow(atlas, userdata=store)
    window.resize(1366, 768)
    window.show()
    window.docks.plan.raise_()
    app.processEvents()

    def opening(text: str) -> float:
        times = []
        for _ in range(runs):
            store.set_note("ST36", text)
            window.open_point("LI4")
            app.processEvents()
            start = time.perf_counter()
            window.open_point("ST36")
            window.detail.note_edit.viewport().repaint()
            app.processEvents()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def opening_plan(text: str) -> float:
        store.save_plan(Plan(None, "Bench", ("LI4", "ST36"), text))
        times = []
        for _ in range(runs):
            window.plan.plan_model.load(None)
            app.processEvents()
            start = time.perf_counter()
            window.plan.open_plan("Bench")
            window.plan.notes_edit.viewport().repaint()
            app.processEvents()
            times.append(time.perf_counter() - start)
        saved = store.plan("Bench")
        store.delete_plan(saved.id if saved is not None and saved.id is not None else 0)
        return statistics.median(times)

    ordinary = "Strong de qi at 0.8 cun; the patient felt it down the shin. " * 3
    base = {"point's note": opening(ordinary), "plan's notes": opening_plan(ordinary)}
    print(f"{'case':<40} {'median':>9} {'vs ordinary':>12}  shown")
    for what, seconds in base.items():
        print(f"{what + ', 200 characters':<40} {seconds * 1000:>7.0f} ms {1.0:>11.1f}x")
    worst = 0.0
    for size in sizes:
        for kind, text in texts(size).items():
            for what, measure, editor in (
                ("point's note", opening, window.detail.note_edit),
                ("plan's notes", opening_plan, window.plan.notes_edit),
            ):
                seconds = measure(text)
                worst = max(worst, seconds)
                shown = "cut, read-only" if editor.isReadOnly() else "whole"
                label = f"{what}, {size // 1000} KB {kind}"
                ratio = seconds / base[what]
                print(f"{label:<40} {seconds * 1000:>7.0f} ms {ratio:>11.1f}x  {shown}")
    print(f"slowest: {worst:.2f} s (target < 2 s)")
    window.close()
    store.close()
    atlas.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
