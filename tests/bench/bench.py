"""Acupoint Atlas benchmarks: `python tests/bench/bench.py [--quick] [--markdown FILE]`.

Every figure is either a ratio against a baseline measured in the same run, or
a distribution (median, p95, p99) of many measurements; nothing here asserts a
time. Sections whose part of the app is missing are reported as skipped.

  start-up   `atlas --exit-when-ready` against an empty PySide6 window that
             quits on its first paint (both as fresh processes, interleaved),
             median of N: time from launch until the window is drawn (the
             target) and until the process has exited; and with each start-up
             trick turned off by its switch (START_UP_TRICKS), the difference
  memory     peak RSS of the same two processes
  search     latency over a mixed set of >= 500 queries
  diagram    redraw of the `front` view with every point and channel
  interactions  the window's interactions (opening a point from the results
             and on the diagram, switching view, picking a channel, picking a
             condition, a search keystroke), each from the user's action until
             its result is drawn, median and p95 of N, beside the frame of an
             empty window (`interactions.py` has how)
  sheet      one point sheet to PDF; the whole atlas book
  rebuild    building the reference database from db/
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PEAK_KIB = """
def peak_kib():
    # VmHWM starts afresh at exec; ru_maxrss would carry over the parent's peak.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

EMPTY_WINDOW = (
    PEAK_KIB
    + """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
def ready():  # as `atlas --exit-when-ready` does once its window has been painted
    print("ready", flush=True)
    app.quit()
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, ready)
        return False
quit_filter = Quit()
window.installEventFilter(quit_filter)
window.show()
app.exec()
print("PEAK", peak_kib(), file=sys.stderr)
"""
)

ATLAS_WINDOW = (
    PEAK_KIB
    + """
import os, sys
os.environ.setdefault("ATLAS_NO_FIRST_RUN_NOTICE", "1")
from atlas.cli import main
status = main(["--exit-when-ready"])
print("PEAK", peak_kib(), file=sys.stderr)
sys.exit(status)
"""
)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def run_process(script: str, env: dict[str, str]) -> tuple[float, float, int]:
    """A fresh interpreter running script: seconds until it said its window was
    drawn ("ready" on stdout), seconds until it exited, and its peak RSS in KiB."""
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", script],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        ready = math.nan
        for line in process.stdout:
            if line.strip() == "ready" and math.isnan(ready):
                ready = time.perf_counter() - start
        _, errors = process.communicate(timeout=300)
        elapsed = time.perf_counter() - start
    if process.returncode != 0 or math.isnan(ready):
        raise RuntimeError(f"exit status {process.returncode}: {errors[-2000:]}")
    peak = [line.split()[1] for line in errors.splitlines() if line.startswith("PEAK ")]
    return ready, elapsed, int(peak[-1])


def own_env(data: str, config: str) -> dict[str, str]:
    """The environment of a fresh app process with the bench's own notes and
    settings (QSettings under XDG_CONFIG_HOME), not whatever layout the user's window
    was last left in, on a 1920x1080 screen when offscreen (offscreen's own is
    800x600), so that the window has the size it opens at on a desktop."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # As installed: the warm-up run leaves the bytecode cached for the timed runs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for switch in START_UP_TRICKS.values():
        env.pop(switch, None)
    env["ATLAS_DATA_DIR"] = data
    env["XDG_CONFIG_HOME"] = config
    env["ATLAS_NO_FIRST_RUN_NOTICE"] = "1"
    if env["QT_QPA_PLATFORM"] == "offscreen":
        screen = Path(config) / "screen.json"
        screen.write_text('{"screens": [{"name": "bench", "width": 1920, "height": 1080}]}')
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    return env


#: Each start-up trick and the environment switch that turns it off (README, "Speed").
START_UP_TRICKS = {
    "the figure's PNG cache": "ATLAS_NO_FIGURE_CACHE",
    "the garbage collector's pause": "ATLAS_NO_GC_PAUSE",
}


def bench_startup(rows: list[list[str]], runs: int, tricks: bool = True) -> None:
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as config:
        # the warm-up run starts as a first run and leaves the default layout
        env = own_env(data, config)
        run_process(ATLAS_WINDOW, env)  # warm the reference cache and the OS file cache
        run_process(EMPTY_WINDOW, env)
        off = {name: {**env, switch: "1"} for name, switch in START_UP_TRICKS.items()}
        empty, app = [], []
        without: dict[str, list[tuple[float, float, int]]] = {name: [] for name in off}
        for _ in range(runs):  # interleaved, so a slow spell on the machine hits all
            empty.append(run_process(EMPTY_WINDOW, env))
            app.append(run_process(ATLAS_WINDOW, env))
            if tricks:
                for name, trick_env in off.items():
                    without[name].append(run_process(ATLAS_WINDOW, trick_env))
    for label, column, target in (
        ("start-up to a drawn window", 0, "<= 2x"),
        ("start-up to exit (incl. teardown)", 1, ""),
    ):
        empty_t = statistics.median(r[column] for r in empty)
        app_t = statistics.median(r[column] for r in app)
        rows.append(
            [label, f"{app_t / empty_t:.2f}x empty window",
             f"median of {runs}: {app_t * 1000:.0f} ms vs {empty_t * 1000:.0f} ms", target]
        )  # fmt: skip
    empty_m = max(r[2] for r in empty)
    app_m = max(r[2] for r in app)
    rows.append(
        ["peak memory", f"{app_m / empty_m:.2f}x empty window",
         f"{app_m / 1024:.0f} MiB vs {empty_m / 1024:.0f} MiB", "<= 2x"]
    )  # fmt: skip
    if tricks:
        app_t = statistics.median(r[0] for r in app)
        for name, runs_without in without.items():
            t = statistics.median(r[0] for r in runs_without)
            rows.append(
                [f"start-up without {name} ({START_UP_TRICKS[name]}=1)",
                 f"{(t - app_t) * 1000:+.0f} ms", f"median of {runs}: {t * 1000:.0f} ms, "
                 f"{t / statistics.median(r[0] for r in empty):.2f}x empty window", ""]
            )  # fmt: skip


def search_queries(atlas: object, count: int = 600) -> list[str]:
    """A mixed, reproducible set: codes in all forms, names, indications, typos, junk."""
    from atlas.core import Atlas

    assert isinstance(atlas, Atlas)
    rng = random.Random(20261121)
    points = list(atlas.all_points())
    old = {"LR": "LIV", "BL": "UB", "TE": "SJ", "GV": "DU", "CV": "REN", "PC": "P", "KI": "K"}
    names = {"LU": "Lung", "LI": "Large Intestine", "ST": "Stomach", "BL": "Bladder"}
    queries: list[str] = []
    for p in points:
        form = rng.randrange(5)
        if p.channel == "EX":
            queries.append(p.code.lower())
        elif form == 0:
            queries.append(f"{p.channel}-{p.number}")
        elif form == 1:
            queries.append(f"{old.get(p.channel, p.channel)}{p.number}")
        elif form == 2:
            queries.append(f"{names.get(p.channel, p.channel)} {p.number}")
        else:
            queries.append(p.code.lower())
    for p in rng.sample(points, 80):
        queries += [p.pinyin.lower(), p.pinyin_tones, p.hanzi_simplified, p.english]
    indications = sorted({i for p in points for i in p.indications})
    queries += rng.sample(indications, min(80, len(indications)))
    for p in rng.sample(points, 40):
        word = p.pinyin.lower()
        cut = rng.randrange(1, len(word))
        queries.append(word[:cut] + word[cut + 1 :])  # a dropped letter
    # older spellings: Wade-Giles, traditional hanzi written with 俞, older extra codes,
    # pinyin spelt by ear, cautions
    for p in rng.sample(points, 40):
        queries.append(p.wade_giles.replace("-", " ") if rng.random() < 0.5 else p.wade_giles)
    queries += [p.hanzi.replace("兪", "俞") for p in points if "兪" in p.hanzi]
    queries += ["M-HN-3", "m-bw-35", "M-UE-22", "M-LE-16", "M-HN-20"]
    for p in rng.sample(points, 20):
        word = p.pinyin.lower()
        queries.append(
            word.replace("zh", "j").replace("x", "sh").replace("q", "ch").replace("i", "ee")
        )
    queries += ["pregnancy", "pregnant", "avoid in pregnancy", "major blood vessel", "絕骨"]
    queries += ['"', "*", "AND (", "💥", "x" * 5000, "NEAR(", "zzqx", "a b c d e f", "%", ""]
    rng.shuffle(queries)
    return queries[:count] if len(queries) > count else queries


def bench_search(rows: list[list[str]]) -> None:
    from atlas.core import Atlas

    with Atlas.open() as atlas:
        queries = search_queries(atlas)
        for q in queries[:50]:
            atlas.search(q)  # warm: typo index, statement cache
        times = []
        for q in queries:
            start = time.perf_counter_ns()
            atlas.search(q)
            times.append((time.perf_counter_ns() - start) / 1e6)
    rows.append(
        [f"search, {len(queries)} mixed queries",
         f"median {statistics.median(times):.2f} ms",
         f"p95 {percentile(times, 95):.2f} ms, p99 {percentile(times, 99):.2f} ms,"
         f" max {max(times):.1f} ms", "median < 2 ms, p99 < 10 ms"]
    )  # fmt: skip


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def bench_diagram(rows: list[list[str]], runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from atlas.app import application
    from atlas.core import Atlas
    from atlas.diagram.view import DiagramView

    application()
    with Atlas.open() as atlas:
        view = DiagramView(atlas)
        view.resize(1000, 800)
        view.set_view("front")
        for channel in atlas.channels():
            setter = getattr(view, "set_channel_visible", None)
            if setter:
                setter(channel.code, True)
        view.show()
        QApplication.processEvents()
        view.viewport().repaint()  # the first paint renders the figure into the view's cache
        QApplication.processEvents()  # and then the view settles (regions, marker cache)
        times = timed(view.viewport().repaint, runs)
        view.close()
    rows.append(
        ["diagram repaint (front, 1000x800, all points and channels)",
         f"median {statistics.median(times):.1f} ms", f"p95 {percentile(times, 95):.1f} ms",
         "< 16 ms"]
    )  # fmt: skip


def bench_interactions(rows: list[list[str]], runs: int, quiet: int = 150) -> None:
    """`interactions.py` in a fresh process: the window as it opens on a desktop;
    `quiet`, the ms without a repaint after which a result is taken as drawn."""
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as config:
        env = own_env(data, config)
        run_process(ATLAS_WINDOW, env)  # a first run: the default layout, the caches warm
        script = Path(__file__).with_name("interactions.py")
        done = subprocess.run(
            [sys.executable, str(script), "--runs", str(runs), "--quiet", str(quiet)],
            env=env, capture_output=True, text=True, timeout=1800, check=False,
        )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"interactions: exit status {done.returncode}: {done.stderr[-2000:]}")
    measured: dict[str, dict[str, list[float]]] = json.loads(done.stdout.strip().splitlines()[-1])
    times, cpu = measured["wall"], measured["cpu"]
    floor = statistics.median(times.pop("baseline"))
    rows.append(
        ["frame baseline: an empty QMainWindow, a central widget of the diagram's size"
         " repainted", f"median {floor:.1f} ms", f"over {runs}", ""]
    )  # fmt: skip
    for name, values in times.items():
        median = statistics.median(values)
        busy = (
            f", main thread's CPU median {statistics.median(cpu[name]):.1f} ms"
            if name in cpu
            else ""
        )
        rows.append(
            [name, f"median {median:.1f} ms ({median / floor:.0f}x baseline)",
             f"p95 {percentile(values, 95):.1f} ms, max {max(values):.1f} ms over {len(values)}"
             f"{busy}", "median <= 16 ms, p95 <= 33 ms"]
        )  # fmt: skip


def bench_printing(rows: list[list[str]], runs: int, quick: bool) -> None:
    from atlas.core import Atlas
    from atlas.printing.book import Book
    from atlas.printing.render import ensure_gui, write_pdf
    from atlas.printing.sheets import PointSheet

    ensure_gui()
    with Atlas.open() as atlas, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_pdf(PointSheet(atlas, ["ST36"]), out / "warm.pdf")  # views parsed once, as in the app
        times = timed(lambda: write_pdf(PointSheet(atlas, ["GB20"]), out / "one.pdf"), runs * 3)
        rows.append(
            ["one point sheet (PDF)", f"median {statistics.median(times):.0f} ms",
             f"p95 {percentile(times, 95):.0f} ms over {runs * 3}", "< 150 ms"]
        )  # fmt: skip
        if not quick:
            pages: list[int] = []
            book = timed(lambda: pages.append(write_pdf(Book(atlas), out / "b.pdf").pages), 1)
            points = len(list(atlas.all_points()))
            rows.append(
                [f"whole atlas book ({points} points, {pages[0]} pages, bookmarks and links)",
                 f"{book[0] / 1000:.1f} s", "one run", "< 10 s"]
            )  # fmt: skip


def bench_rebuild(rows: list[list[str]], runs: int) -> None:
    from atlas.core import build

    with tempfile.TemporaryDirectory() as tmp:
        times = timed(lambda: build.build(Path(tmp) / "ref.sqlite"), runs)
    rows.append(
        ["rebuild of the reference database", f"median {statistics.median(times):.0f} ms",
         f"p95 {percentile(times, 95):.0f} ms over {runs}", "< 2 s"]
    )  # fmt: skip


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no book")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    rows: list[list[str]] = []
    bench_rebuild(rows, runs)
    bench_search(rows)
    bench_diagram(rows, 10 if args.quick else 50)
    bench_printing(rows, runs, args.quick)
    bench_interactions(rows, 10 if args.quick else 60)
    # start-up varies most from run to run, and is the figure with the tightest target
    bench_startup(rows, 7 if args.quick else 21)
    header = ["what", "result", "detail", "target"]
    lines = [
        f"Machine: {machine()}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
