"""The start-up tricks' switches (`ATLAS_NO_GC_PAUSE`, `ATLAS_NO_FIGURE_CACHE`), with
which the bench weighs each trick: each turns its trick off, and only its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# `atlas --exit-when-ready`, with stdout replaced by a probe that notes, when the
# window says its first frame is drawn, how often the cycle collector has run so
# far and whether it froze the start-up objects.
PROBE = """
import gc, sys
from atlas.cli import main

runs = []
gc.callbacks.append(lambda phase, info: runs.append(1) if phase == "start" else None)

class Probe:
    def write(self, text):
        if text.strip() == "ready":
            sys.__stdout__.write(
                f"collections={len(runs)} frozen={gc.get_freeze_count() > 0} on={gc.isenabled()}\\n"
            )
        return len(text)

    def flush(self):
        sys.__stdout__.flush()

sys.stdout = Probe()
sys.exit(main(["--exit-when-ready"]))
"""


def start(tmp_path: Path, **switches: str) -> tuple[int, bool, bool, list[str]]:
    """A start of the window: the collector's runs until its first frame, whether the
    start-up objects were frozen, whether the collector is on once the window is ready,
    and the figures in the cache folder after it."""
    # the session's cache (the reference database built once), without its figures
    cache = tmp_path / "cache"
    shutil.copytree(os.environ["ATLAS_CACHE_DIR"], cache, ignore=shutil.ignore_patterns("figures"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ATLAS_NO_")},
        "QT_QPA_PLATFORM": "offscreen",
        "ATLAS_DATA_DIR": str(tmp_path / "data"),
        "ATLAS_CACHE_DIR": str(cache),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "ATLAS_NO_FIRST_RUN_NOTICE": "1",
        **switches,
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    collections, frozen, on = (part.split("=")[1] for part in result.stdout.split())
    figures = sorted(p.name for p in (cache / "figures").glob("*.png"))
    return int(collections), frozen == "True", on == "True", figures


def test_each_switch_turns_its_own_trick_off(atlas: object, tmp_path: Path) -> None:
    """Paused, the collector runs only after the diagram's first frame (a few times
    before the window says it is ready); without the pause, dozens of times."""
    collections, frozen, on, figures = start(tmp_path / "normal")
    assert collections < 5 and frozen and on  # paused, then on again after the first frame
    assert len(figures) == 1  # the first figure kept for the next start

    collections, frozen, on, figures = start(tmp_path / "gc", ATLAS_NO_GC_PAUSE="1")
    assert collections > 20 and not frozen and on
    assert len(figures) == 1

    collections, frozen, on, figures = start(tmp_path / "png", ATLAS_NO_FIGURE_CACHE="1")
    assert collections < 5 and frozen and on
    assert figures == []
