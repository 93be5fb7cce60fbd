"""The benchmark script runs (quick parts only); figures come from `python tests/bench/bench.py`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from atlas.core import Atlas

spec = importlib.util.spec_from_file_location("bench", Path(__file__).with_name("bench.py"))
assert spec and spec.loader
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_query_set_is_mixed_and_large(atlas: Atlas) -> None:
    queries = bench.search_queries(atlas)
    assert len(queries) >= 500
    assert any(q.startswith("Large Intestine") or q.startswith("Lung") for q in queries)
    assert any(not q.isascii() for q in queries)


def test_search_and_rebuild_sections_report(atlas: Atlas) -> None:
    rows: list[list[str]] = []
    bench.bench_search(rows)
    bench.bench_rebuild(rows, 1)
    assert [r[0].split(",")[0] for r in rows] == ["search", "rebuild of the reference database"]
    assert all(r[1] for r in rows)


def test_startup_section_reports_ratios() -> None:
    rows: list[list[str]] = []
    bench.bench_startup(rows, 1)
    assert [r[0] for r in rows][:3] == [
        "start-up to a drawn window",
        "start-up to exit (incl. teardown)",
        "peak memory",
    ]
    assert all(r[1].endswith("x empty window") for r in rows[:3])
    # then each start-up trick turned off, as the difference to the normal start
    assert [r[0].split(" (")[0] for r in rows[3:]] == [
        f"start-up without {trick}" for trick in bench.START_UP_TRICKS
    ]
    assert all(r[1].endswith(" ms") for r in rows[3:])


def test_interactions_section_reports_each_interaction() -> None:
    """The real window driven by clicks and keys, one run each, a short quiet while."""
    rows: list[list[str]] = []
    bench.bench_interactions(rows, 1, quiet=30)
    names = [r[0] for r in rows]
    assert names[0].startswith("frame baseline")
    for name in (
        "open a point from the results",
        "open a point on the diagram",
        "switch view",
        "pick a channel",
        "pick a condition",
        "search keystroke: the results drawn",
    ):
        assert name in names
    assert all(r[1].startswith("median ") for r in rows)
