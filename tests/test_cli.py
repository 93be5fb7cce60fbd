"""The command line: readable output, JSON for scripts, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas import __version__
from atlas.cli import main
from atlas.core import Atlas


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_show_json(capsys: pytest.CaptureFixture[str], atlas: object) -> None:
    status, out, _ = run(capsys, "show", "LI4", "--json")
    data = json.loads(out)
    assert status == 0 and data["pinyin"] == "Hegu" and data["hanzi"] == "合谷"
    assert {"code", "channel", "number", "region", "location", "depth_min"} <= set(data)


def test_show_text_reads_like_notes(capsys: pytest.CaptureFixture[str], atlas: object) -> None:
    status, out, _ = run(capsys, "show", "gb-34")
    assert status == 0
    for heading in ("LOCATION", "HOW TO FIND IT", "INDICATIONS", "NEEDLING", "CAUTIONS"):
        assert heading in out
    assert out.startswith("GB34")


def test_search_lists_hegu_first(capsys: pytest.CaptureFixture[str], atlas: object) -> None:
    status, out, _ = run(capsys, "search", "hegu")
    assert status == 0 and out.splitlines()[0].startswith("LI4")


def test_search_json_and_filters(capsys: pytest.CaptureFixture[str], atlas: object) -> None:
    status, out, _ = run(capsys, "search", "pain", "--channel", "LI", "--limit", "3", "--json")
    rows = json.loads(out)
    assert status == 0 and 0 < len(rows) <= 3 and all(r["channel"] == "LI" for r in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "LU99"], "unknown point code 'LU99'"),
        (["show", "hello"], "unknown point code"),
        (["search", "x", "--channel", "ZZ"], "unknown channel"),
        (["search", "x", "--limit", "0"], "--limit"),
        (["search", "x", "--limit", "many"], "invalid int value"),
        (["search"], "give a query, or a filter"),
        (["search", "--caution", "bleeding"], "unknown caution flag 'bleeding' (one of pregnancy,"),
        (["search", "x", "--without-caution", "x"], "unknown caution flag 'x'"),
        (["search", "LI4", "--codes", "tcm"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        (["show"], "required"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], atlas: object, args: list[str], message: str
) -> None:
    status, out, err = run(capsys, *args)
    assert status != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err


def test_search_lists_by_caution_without_a_query(
    capsys: pytest.CaptureFixture[str], atlas: Atlas
) -> None:
    expected = [p.code for p in atlas.points(caution="pregnancy")]
    status, out, _ = run(capsys, "search", "--caution", "pregnancy")
    assert status == 0 and [line.split()[0] for line in out.splitlines()] == expected
    status, out, _ = run(capsys, "search", "--without-caution", "pregnancy", "--channel", "SP")
    listed = [line.split()[0] for line in out.splitlines()]
    assert status == 0 and "SP6" not in listed and "SP1" in listed
    assert listed == [p.code for p in atlas.points(channel="SP", without_caution="pregnancy")]
    status, out, _ = run(capsys, "search", "pain", "--caution", "pregnancy", "--json")
    assert status == 0 and all(r["code"] in expected for r in json.loads(out))


@pytest.mark.parametrize(
    ("query", "code"),
    [("腎俞", "BL23"), ("懸鐘", "GB39"), ("絕骨", "GB39"), ("Ho Ku", "LI4"),
     ("Tsu San Li", "ST36"), ("M-HN-3", "EX-HN3"), ("pregnant", "LI4")],
)  # fmt: skip
def test_search_knows_every_spelling(
    capsys: pytest.CaptureFixture[str], atlas: object, query: str, code: str
) -> None:
    status, out, _ = run(capsys, "search", query)
    assert status == 0 and out.split()[0] == code


def test_codes_in_the_older_style(capsys: pytest.CaptureFixture[str], atlas: Atlas) -> None:
    import re

    status, out, _ = run(capsys, "search", "taichong", "--codes", "older")
    assert status == 0 and out.split()[0] == "LIV3"
    status, out, _ = run(capsys, "show", "LR3", "--codes", "older")
    assert status == 0 and out.startswith("LIV3") and "(LIV)" in out and "LR3" not in out
    # codes inside sentences follow the style too
    point, named = next(
        (p, m[1]) for p in atlas.all_points() if (m := re.search(r"\bTE(\d+)\b", p.how_to_find))
    )
    status, out, _ = run(capsys, "show", point.code, "--codes", "older")
    assert f"SJ{named}" in out and f"TE{named}" not in out


def test_print_finds_a_plan_in_any_case(
    capsys: pytest.CaptureFixture[str], atlas: object, data_dir: Path, tmp_path: Path, qapp: object
) -> None:
    """(qapp: printing reuses the test session's QApplication rather than making its own.)"""
    from atlas.core.userdata import Plan, UserData

    with UserData.open(data_dir) as store:
        store.save_plan(Plan(None, "Low back", ("BL23", "BL40")))
    out = tmp_path / "plan.pdf"
    status, _, err = run(capsys, "print", "--plan", "low back", "-o", str(out))
    assert status == 0 and out.exists(), err
    with UserData.open(data_dir) as store:
        store.save_plan(Plan(None, "LOW BACK", ("GB30",)))
    status, _, err = run(capsys, "print", "--plan", "low back", "-o", str(tmp_path / "x.pdf"))
    assert status == 1 and "no plan called 'low back'" in err  # two plans: ask, never guess


def test_db_path(capsys: pytest.CaptureFixture[str], atlas: object) -> None:
    status, out, _ = run(capsys, "db-path")
    assert status == 0 and out.strip().endswith(".sqlite")


def test_version_in_a_subprocess(atlas: object) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "atlas", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in result.stdout


# `atlas --exit-when-ready`, with stdout replaced by a probe that notes what is true
# at the moment the window says its first frame is drawn.
FIRST_FRAME_PROBE = """
import gc, sys
from atlas.cli import main

class Probe:
    def write(self, text):
        if text.strip() == "ready":
            parser = "atlas.printing.cli" in sys.modules
            sys.__stdout__.write(
                f"ready collector={gc.isenabled()} frozen={gc.get_freeze_count() > 0}"
                f" parser={parser}\\n"
            )
        return len(text)

    def flush(self):
        sys.__stdout__.flush()

sys.stdout = Probe()
sys.exit(main(["--exit-when-ready"]))
"""


def test_exit_when_ready_draws_the_window_and_exits(atlas: object, tmp_path: Path) -> None:
    """Once the first frame is drawn the cycle collector runs again (start-up paused
    it), with the start-up objects frozen out of its sweeps; the command line was
    never parsed (the printing subcommands stay unloaded)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ATLAS_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "ATLAS_NO_FIRST_RUN_NOTICE": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ready collector=True frozen=True parser=False\n"
    assert result.stderr == ""  # no Qt warnings, no traceback


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=20), max_size=4))
def test_fuzzed_command_lines_never_trace(
    capsys: pytest.CaptureFixture[str], atlas: object, args: list[str]
) -> None:
    argv = ["search", *args] if args and not args[0].startswith("-") else ["show", *args]
    status = main(argv)
    _, err = capsys.readouterr()
    assert status in (0, 1, 2) and "Traceback" not in err


def test_broken_sources_give_a_clear_message(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from atlas.core import paths

    source = tmp_path / "db"
    shutil.copytree(paths.source_dir(), source)
    lu = source / "points" / "LU.toml"
    lu.write_text(lu.read_text(encoding="utf-8").replace('region = "chest"', 'region = "?"', 1))
    monkeypatch.setattr(paths, "source_dir", lambda: source)
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    status, out, err = run(capsys, "show", "LI4")
    assert status == 1 and out == "" and "Traceback" not in err
    assert err.startswith("atlas: error: 1 problem(s) in the point sources")
    assert "db/points/LU.toml: LU1: unknown region '?'" in err


def test_damaged_reference_database_is_rebuilt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from atlas.core import cache

    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    path = cache.ensure_built()
    path.write_bytes(path.read_bytes()[:4096])  # truncated
    status, out, _ = run(capsys, "show", "LI4", "--json")
    assert status == 0 and json.loads(out)["code"] == "LI4"


def test_a_point_never_needled_says_so_once(
    capsys: pytest.CaptureFixture[str], atlas: object
) -> None:
    """CV8's method says 'Not needled' and why; no heading says it again."""
    status, out, _ = run(capsys, "show", "CV8")
    assert status == 0 and out.count("Not needled") == 1
