"""The window's interactions, each timed from the user's action until its result
is drawn: `python tests/bench/interactions.py [--runs N] [--quiet MS] [--profile PREFIX]`.

The five of issue #18 (opening a point counted twice: from the results list and
on the diagram). With `--profile PREFIX`, the timed actions of each interaction
(and nothing between them) are profiled with cProfile into `PREFIX.<name>.prof`
(read them with `python -m pstats`); the times of such a run are not figures.

Run by `bench.py` in a fresh process on a 1920x1080 offscreen screen, with its
own notes and settings; prints one JSON object: per interaction, the
milliseconds of each run ("wall") and the main thread's CPU milliseconds in it
("cpu": on a loaded machine the wall time also holds the waits for a core).

What is timed: from just before the user's input reaches the window (a click,
a key) until the end of the last repaint of the window that follows it, the
paint flushed. Every repaint of a widget is done when its window handles a
`QEvent.UpdateRequest` (Qt's repaint manager paints every dirty widget and
flushes the window in that one event), so a filter on the main window handles
that event itself and notes when it returns. The event loop then runs on
until nothing has been repainted for a quiet while (`QUIET` ms, or `--quiet`):
work that waits for a timer (the diagram's labels, the search's pause in the
typing) and paints later is counted too; a keystroke's first frame, which
draws the letter, is noted too.

The baseline is the same measurement of the plainest possible frame: an empty
`QMainWindow` of the window's size whose central widget, of the diagram's
size, is asked to repaint (`update()`), in the same process: Qt's own floor for
a frame of that size on this machine, which none of the five can beat. Beside
it, the diagram asked to repaint with nothing changed: the floor of the atlas
window's own frame (its cached figure and markers copied).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ATLAS_NO_FIRST_RUN_NOTICE", "1")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QSize, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QMainWindow, QWidget  # noqa: E402

#: ms without a repaint after which an interaction's result is taken as drawn
QUIET = 150

INTERACTIONS = (
    "open a point from the results",
    "open a point on the diagram",
    "switch view",
    "pick a channel",
    "pick a condition",
    "search keystroke: the results drawn",
)
#: A keystroke's first frame draws the letter, its last the results (the search
#: runs once the keys already waiting are handled).
ECHO = "search keystroke: the letter drawn"
#: The diagram asked to repaint with nothing changed: the floor of its own frame.
PLAIN = "the diagram repainted, nothing changed"


class Frames(QObject):
    """Notes when each repaint of a window is done (see the module docstring)."""

    def __init__(self, window: QWidget, quiet: int) -> None:
        super().__init__()
        self.window = window
        self.done: list[float] = []
        self.cpu: list[float] = []  # the main thread's CPU time at each
        #: profiles the timed actions when set (see `--profile`)
        self.profile: cProfile.Profile | None = None
        #: of the last action timed: ms until the first repaint it led to was done,
        #: and the main thread's CPU ms until the last
        self.first = self.busy = 0.0
        self.started = 0.0  # when the last action timed began (perf_counter)
        #: when `watched` (set by the caller) was last painted
        self.watched: QWidget | None = None
        self.watched_paints: list[float] = []
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(quiet)
        window.installEventFilter(self)

    def watch(self, widget: QWidget) -> None:
        """Note when `widget` is painted, as well as when the window is repainted."""
        self.watched = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.watched and event.type() == QEvent.Type.Paint:
            self.watched_paints.append(time.perf_counter())
            return False
        if watched is self.window and event.type() == QEvent.Type.UpdateRequest:
            self.window.event(event)  # paints every dirty widget, then flushes
            self.done.append(time.perf_counter())
            self.cpu.append(time.thread_time())
            if self.quiet.isActive():
                self.quiet.start()
            return True
        return False

    def time(self, action: Callable[[], object]) -> float:
        """Milliseconds from the action until the last repaint it led to is done."""
        self.settle()
        before = len(self.done)
        start, cpu = time.perf_counter(), time.thread_time()
        self.started = start
        if self.profile is not None:
            self.profile.enable()
        action()
        self.settle()
        if self.profile is not None:
            self.profile.disable()
        after = self.done[before:]
        self.first = (after[0] - start) * 1000 if after else 0.0
        self.busy = (self.cpu[-1] - cpu) * 1000 if after else 0.0
        return (after[-1] - start) * 1000 if after else 0.0

    def settle(self) -> None:
        """Run the event loop until nothing has been repainted for a quiet while."""
        loop = QEventLoop()
        self.quiet.timeout.connect(loop.quit)
        self.quiet.start()
        loop.exec()
        self.quiet.timeout.disconnect(loop.quit)


def click(widget: QWidget, pos: QPoint) -> Callable[[], None]:
    return lambda: QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), pos)


def measure(
    runs: int, quiet: int = QUIET, profile: str | None = None, seed: int = 20261207
) -> dict[str, dict[str, list[float]]]:
    """Milliseconds per run of each interaction, of the baseline and of the diagram's
    plain repaint ("wall"), and the main thread's CPU milliseconds in them ("cpu": on
    a loaded machine the wall time also holds the waits for a core)."""
    from atlas.app import application
    from atlas.core import Atlas
    from atlas.ui import MainWindow

    app = application()
    app.setCursorFlashTime(0)  # a blinking text cursor would repaint at random
    rng = random.Random(seed)
    times: dict[str, list[float]] = {name: [] for name in (*INTERACTIONS, ECHO)}
    with Atlas.open() as atlas:
        window = MainWindow(atlas)
        window.show()
        frames = Frames(window, quiet)
        diagram = window.diagram
        QTest.qWaitForWindowExposed(window)
        frames.settle()
        diagram.region_items()  # the first view settled, as after start-up
        profiles: dict[str, cProfile.Profile] = {}
        cpu: dict[str, list[float]] = {name: [] for name in INTERACTIONS}

        def timed(name: str, action: Callable[[], object]) -> None:
            times[name].append(frames.time(action))
            cpu[name].append(frames.busy)

        def section(name: str | None) -> None:
            """The timed actions from now on are those of `name` (None: none)."""
            frames.profile = None
            if profile is not None and name is not None:
                frames.profile = profiles[name] = cProfile.Profile()

        times["baseline"] = baseline(window.size(), diagram.size(), runs, quiet)
        window.activateWindow()  # its shortcuts work only while it is active
        QTest.qWaitForWindowActive(window)
        frames.settle()
        times[PLAIN], cpu[PLAIN] = [], []
        for _ in range(runs):
            timed(PLAIN, diagram.viewport().update)
        points = [p.code for p in atlas.all_points() if diagram.data.views_showing(p.code)]
        views = diagram.views()[:9]  # Ctrl+1 to Ctrl+9

        # open a point from the results: the whole list (no query), a row clicked
        section(INTERACTIONS[0])
        results = window.search
        results.clear()
        frames.settle()
        for code in rng.sample(points, runs):
            index = results.model.index(results.model.row_of(code))
            results.list.scrollTo(index)
            frames.settle()
            rect = results.list.visualRect(index)
            row = click(results.list.viewport(), rect.center())
            timed(INTERACTIONS[0], row)

        # open a point on the diagram: a marker in sight, clicked (now and then another view)
        section(INTERACTIONS[1])
        for i in range(runs):
            if i % 5 == 0:
                diagram.set_view(rng.choice(views))
                diagram.fit()
                frames.settle()
            viewport = diagram.viewport().rect().adjusted(20, 20, -20, -20)
            shown = {
                m.code: diagram.mapFromScene(m.pos())
                for m in diagram.markers()
                if m.visible and viewport.contains(diagram.mapFromScene(m.pos()))
            }
            code = rng.choice(sorted(shown))
            timed(INTERACTIONS[1], click(diagram.viewport(), shown[code]))

        # switch view: Ctrl+1 to Ctrl+9, to another view each time
        diagram.setFocus()
        section(INTERACTIONS[2])
        for _ in range(runs):
            current = diagram.current_view()
            key = rng.choice([i for i, v in enumerate(views) if v != current])
            press = (  # noqa: E731
                lambda k=key: QTest.keyClick(
                    window, Qt.Key(Qt.Key.Key_1.value + k), Qt.KeyboardModifier.ControlModifier
                )
            )
            timed(INTERACTIONS[2], press)

        # pick a channel, pick a condition: a row of the dock's list clicked (on its words)
        for name, dock, lst in (
            (INTERACTIONS[3], window.docks.channels, window.channel_browser.list),
            (INTERACTIONS[4], window.docks.conditions, window.condition_browser.list),
        ):
            dock.raise_()
            section(name)
            frames.settle()
            rows = list(range(lst.count()))
            for _ in range(runs):
                item = lst.item(rng.choice(rows))
                lst.scrollToItem(item)
                frames.settle()
                rect = lst.visualItemRect(item)
                on_words = QPoint(rect.left() + rect.width() * 2 // 3, rect.center().y())
                timed(name, click(lst.viewport(), on_words))

        # a search keystroke: words typed a letter at a time, the field cleared between
        words = ["hegu", "zusanli", "headache", "li4", "neiguan", "taichong", "cough", "sp6"]
        edit = results.edit
        edit.setFocus()
        # the results are drawn when the list is: the field's clear button, which
        # fades in for ~150 ms after a first letter, is no part of them
        frames.watch(results.list.viewport())
        section(INTERACTIONS[5])
        while len(times[INTERACTIONS[5]]) < runs:
            edit.clear()
            frames.settle()
            word: str = rng.choice(words)
            for letter in word:
                press = lambda ch=letter: QTest.keyClick(edit, ch)  # noqa: E731
                timed(INTERACTIONS[5], press)
                times[ECHO].append(frames.first)
                drawn = [t for t in frames.watched_paints if t >= frames.started]
                if drawn:
                    times[INTERACTIONS[5]][-1] = (drawn[-1] - frames.started) * 1000
        for kept in (times, cpu):
            for name in (INTERACTIONS[5], ECHO):
                if name in kept:
                    kept[name] = kept[name][:runs]
        section(None)
        for name, stats in profiles.items():
            stats.dump_stats(f"{profile}.{name.replace(' ', '-').replace(':', '')}.prof")
        window.close()
    return {"wall": times, "cpu": cpu}


def baseline(size: QSize, central: QSize, runs: int, quiet: int) -> list[float]:
    """An empty QMainWindow of the atlas window's size: its central widget, of the
    diagram's size, repainted."""
    window = QMainWindow()
    plain = QWidget()
    plain.setAutoFillBackground(True)
    window.setCentralWidget(plain)
    window.resize(size)
    plain.setFixedSize(central)
    window.show()
    QTest.qWaitForWindowExposed(window)
    frames = Frames(window, quiet)
    frames.settle()
    out = [frames.time(plain.update) for _ in range(runs)]
    window.close()
    return out


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(values), "p95": p95, "max": ordered[-1]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument(
        "--quiet",
        type=int,
        default=QUIET,
        metavar="MS",
        help="the quiet while (default %(default)s)",
    )
    parser.add_argument(
        "--profile", metavar="PREFIX", help="profile each interaction into PREFIX.<name>.prof"
    )
    args = parser.parse_args()
    print(json.dumps(measure(args.runs, args.quiet, args.profile)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
