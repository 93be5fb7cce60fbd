"""Placements derived from the locators: coverage, regions, symmetry, distances, errors."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from atlas.core import anatomy as an
from atlas.core import build, paths, placement

FULL = {"front", "back", "side"}

Tables = dict[str, list[dict[str, Any]]]  # diagram table name -> rows
Points = dict[str, dict[str, Any]]  # point code -> source record


@pytest.fixture(scope="module")
def tables() -> Tables:
    return build.load_sources().diagram


@pytest.fixture(scope="module")
def points() -> Points:
    return {p["code"]: p for p in build.load_sources().points}


def _by_code(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["code"], []).append(row)
    return out


def test_every_point_is_on_a_full_body_view(tables: Tables, points: Points) -> None:
    placed = _by_code(tables["placements"])
    missing = [c for c in points if not {r["view"] for r in placed.get(c, [])} & FULL]
    assert not missing
    assert len(points) == 409


def test_every_point_has_a_locator(points: Points) -> None:
    locators = placement.load_locators(paths.source_dir())
    assert set(locators) == set(points)


def test_placements_lie_in_their_own_region(tables: Tables, points: Points) -> None:
    bad = [
        r
        for r in tables["placements"]
        if not placement.region_ok(
            r["view"], points[r["code"]]["region"], r["side"], r["x"], r["y"]
        )
    ]
    assert not bad, bad[:5]


def test_placements_are_inside_their_view(tables: Tables) -> None:
    for r in tables["placements"]:
        view = an.VIEW_BY_ID[r["view"]]
        assert 0 <= r["x"] <= view.width and 0 <= r["y"] <= view.height


def test_bilateral_placements_mirror(tables: Tables) -> None:
    rows = {(r["code"], r["view"], r["side"]): r for r in tables["placements"]}
    pairs = 0
    for (code, view_id, side), r in rows.items():
        view = an.VIEW_BY_ID[view_id]
        if side != "right" or view.kind != "full" or view.frame == "side":
            continue
        left = rows.get((code, view_id, "left"))
        if left is None:
            continue
        pairs += 1
        assert left["y"] == pytest.approx(r["y"])
        assert left["x"] + r["x"] == pytest.approx(view.width, abs=0.02)
    assert pairs > 200


def test_right_side_is_viewer_left_on_front(tables: Tables) -> None:
    st36 = {
        r["side"]: r for r in tables["placements"] if r["code"] == "ST36" and r["view"] == "front"
    }
    assert st36["right"]["x"] < an.VIEW_BY_ID["front"].width / 2 < st36["left"]["x"]


@pytest.mark.parametrize(("channel", "view_id"), [("CV", "front"), ("GV", "back")])
def test_vessels_on_the_midline(tables: Tables, channel: str, view_id: str) -> None:
    view = an.VIEW_BY_ID[view_id]
    rows = [
        r
        for r in tables["placements"]
        if r["code"].startswith(channel) and r["code"][2:].isdigit() and r["view"] == view_id
    ]
    assert len(rows) >= 20
    for r in rows:
        assert r["side"] == "midline"
        assert r["x"] == pytest.approx(view.width / 2)


def test_locator_distances_match_location_text(points: Points) -> None:
    locators = placement.load_locators(paths.source_dir())
    problems = []
    for code, locs in locators.items():
        written = set(placement.distances_in(points[code]["location"]))
        located: set[str] = set()
        for loc in locs:
            located |= set(placement.locator_distances(loc.spec))
        missing = written - located
        if missing:
            problems.append((code, sorted(missing)))
    assert not problems


def test_st36_measuring_guide(tables: Tables) -> None:
    rows = [
        r
        for r in tables["measures"]
        if r["code"] == "ST36" and r["view"] == "front" and r["side"] == "right"
    ]
    scale = next(r for r in rows if r["cun"] == 16)
    assert scale["unit"] == "B-cun" and scale["tick_at"] == pytest.approx(3.0)
    assert scale["y2"] - scale["y1"] == pytest.approx(160.0)
    breadth = next(r for r in rows if r["unit"] == "F-breadth")
    assert breadth["cun"] == 1


def test_views_and_landmarks_tables(tables: Tables) -> None:
    assert {v["id"] for v in tables["views"]} >= FULL
    names = {(r["view"], r["id"]) for r in tables["landmarks"]}
    for name in ("umbilicus", "suprasternal_notch", "nipple", "medial_malleolus"):
        assert ("front", name) in names
    assert ("back", "T7") in names and ("back", "C7") in names


def test_levels_follow_the_who_proportions() -> None:
    front = an.LANDMARKS["front"]
    assert front["xiphisternal_junction"][1] - front["suprasternal_notch"][1] == 9
    assert front["umbilicus"][1] - front["xiphisternal_junction"][1] == 8
    assert front["pubic_symphysis"][1] - front["umbilicus"][1] == 5
    assert front["nipple"][0] == 4
    assert an.LEVEL["sole"] == 75


# -------------------------------------------------------------- errors


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "locators").mkdir()
    (tmp_path / "locators" / "ST.toml").write_text(text, encoding="utf-8")
    return tmp_path


def _pts() -> dict[str, dict[str, Any]]:
    regions = {"ST35": "knee", "ST36": "leg", "ST41": "ankle"}
    return {c: {"code": c, "region": r} for c, r in regions.items()}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('[ST36]\nfront = { at = "nowhere" }\n', "unknown landmark"),
        ('[ST36]\nfront = { at = "ST99" }\n', "unknown landmark or point"),
        ('[ST36]\nfront = { at = "ST35", down = "three cun" }\n', "malformed distance"),
        ('[ST35]\nfront = { at = "ST36" }\n[ST36]\nfront = { at = "ST35" }\n', "cycle"),
        (
            '[ST35]\nside = { at = "knee_lateral" }\n[ST36]\nfront = { at = "ST35" }\n',
            "no 'front' locator",
        ),
        ('[ST36]\ntop = { at = "umbilicus" }\n', "unknown frame"),
    ],
)
def test_locator_errors(tmp_path: Path, text: str, fragment: str) -> None:
    source = _write(tmp_path, text)
    with pytest.raises(placement.LocatorError) as info:
        placement.compute(source, _pts())
    assert fragment in str(info.value)
    assert info.value.code in ("ST35", "ST36")
    assert info.value.file.endswith("ST.toml")


def test_locator_resolves_in_dependency_order(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        '[ST36]\nfront = { at = "ST35", down = "3 B-cun" }\n'
        '[ST35]\nfront = { at = "knee_eye_lateral" }\n',
    )
    rows = placement.compute(source, _pts())["placements"]
    y = {(r["code"], r["side"]): r["y"] for r in rows if r["view"] == "front"}
    assert y[("ST36", "right")] - y[("ST35", "right")] == pytest.approx(30.0)


def _toml_points() -> Iterator[dict[str, Any]]:
    for path in sorted((paths.source_dir() / "points").glob("*.toml")):
        yield from tomllib.loads(path.read_text("utf-8"))["points"]


def test_locator_files_name_real_points() -> None:
    codes = {p["code"] for p in _toml_points()}
    assert set(placement.load_locators(paths.source_dir())) <= codes
