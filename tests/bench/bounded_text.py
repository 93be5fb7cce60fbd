"""How long huge notes take to print, against an ordinary note in the same run.

    python tests/bench/bounded_text.py [--quick]

Each case writes a PDF (a point sheet with the note, a plan sheet with it as the
plan's notes); the figure is the median of a few runs and its ratio to the same
sheet with a 200-character note. The target is under 2 s for 5 MB.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from atlas.core import Atlas
from atlas.core.userdata import Plan
from atlas.printing.plan import PlanSheet
from atlas.printing.render import ensure_gui, write_pdf
from atlas.printing.sheets import PointSheet


def texts(size: int) -> dict[str, str]:
    return {
        "no spaces": "x" * size,
        "spaces": ("word " * (size // 5 + 1))[:size],
        "line breaks": ("a\n" * (size // 2 + 1))[:size],
    }


def median_time(write: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    quick = "--quick" in sys.argv
    runs = 1 if quick else 3
    sizes = [500_000] if quick else [500_000, 5_000_000]
    ensure_gui()
    atlas = Atlas.open()
    out = Path(tempfile.mkdtemp()) / "bench.pdf"

    def sheet(note: str) -> Callable[[], object]:
        return lambda: write_pdf(PointSheet(atlas, ["LI4"], notes=lambda c: note), out)

    def plan(note: str) -> Callable[[], object]:
        return lambda: write_pdf(PlanSheet(atlas, Plan(1, "Plan", ("LI4", "ST36"), note)), out)

    ordinary = "Strong de qi at 0.8 cun; the patient felt it in the index finger. " * 3
    base = {
        "point sheet": median_time(sheet(ordinary), 5),
        "plan sheet": median_time(plan(ordinary), 5),
    }
    print(f"{'case':<40} {'median':>9} {'vs ordinary':>12}")
    for name, seconds in base.items():
        print(f"{name + ', a 200-character note':<40} {seconds * 1000:>7.0f} ms {1.0:>11.1f}x")
    worst = 0.0
    for size in sizes:
        for kind, text in texts(size).items():
            for name, make in (("point sheet", sheet), ("plan sheet", plan)):
                seconds = median_time(make(text), runs)
                worst = max(worst, seconds)
                label = f"{name}, {size // 1000} KB {kind}"
                print(f"{label:<40} {seconds * 1000:>7.0f} ms {seconds / base[name]:>11.1f}x")
    print(f"slowest: {worst:.2f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
