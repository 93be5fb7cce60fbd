"""Placements derived from the locators: coverage, regions, symmetry, distances, errors."""

from __future__ import annotations

import itertools
import math
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from atlas.core import anatomy as an
from atlas.core import build, paths, pathways, placement
from atlas.core.anatomy import scalp

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
    """...but those of the perineum and the hollow of the sole, which no full-body view
    sees: their own views show them."""
    placed = _by_code(tables["placements"])
    views = {c: {r["view"] for r in placed.get(c, [])} for c in points}
    missing = [c for c in points if not views[c] & FULL]
    assert all(views[c] & {"perineum", "sole"} for c in missing), missing
    assert len(points) == 409


def test_every_point_has_a_locator(points: Points) -> None:
    locators = placement.load_locators(paths.source_dir())
    assert set(locators) == set(points)


def test_placements_lie_in_their_own_region(tables: Tables, points: Points) -> None:
    locators = placement.load_locators(paths.source_dir())
    own = {(lc.code, lc.part): lc.spec.get("region") for locs in locators.values() for lc in locs}
    bad = [
        r
        for r in tables["placements"]
        if not placement.region_ok(
            r["view"],
            own.get((r["code"], r["part"])) or points[r["code"]]["region"],
            r["side"],
            r["x"],
            r["y"],
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


def test_locators_measure_only_what_the_location_text_says(points: Points) -> None:
    """A B-cun or F-cun move that the text does not write would be drawn in the
    measuring guide as if the text said it; a nudge the text does not measure is a
    ``shift``. (A finger-breadth is written in words.)"""
    locators = placement.load_locators(paths.source_dir())
    problems = []
    for code, locs in locators.items():
        written = set(placement.distances_in(points[code]["location"]))
        located = {
            d for loc in locs for d in placement.locator_distances(loc.spec) if d.endswith("-cun")
        }
        if located - written:
            problems.append((code, sorted(located - written)))
    assert not problems


def test_st36_measuring_guide(tables: Tables) -> None:
    """ST36 is measured down the leg's 16 B-cun from ST35, on the line to ST41: the
    guide shows that span, then the point's own 3 B-cun from ST35 along it, and
    nothing the location text does not say."""
    rows = [
        r
        for r in tables["measures"]
        if r["code"] == "ST36" and r["view"] == "front" and r["side"] == "right"
    ]
    scale, own = rows
    assert scale["cun"] == 16 and scale["unit"] == "B-cun"
    assert scale["tick_at"] == pytest.approx(3.0)
    assert scale["y2"] - scale["y1"] == pytest.approx(160.0)
    assert (own["label"], own["cun"], own["tick_at"]) == ("3 B-cun", 3.0, 3.0)
    assert own["x1"] == own["x2"] == scale["x1"]  # on the span's line, down from ST35
    assert own["y2"] - own["y1"] == pytest.approx(30.0)
    assert own["y2"] == pytest.approx(scale["y1"] + 30.0)


def test_a_halfway_is_measured_between_the_places_named(tables: Tables) -> None:
    """LI4, halfway along the 2nd metacarpal: the guide is the bone's line with the point
    at its middle, and no distance."""
    (row,) = [
        r
        for r in tables["measures"]
        if r["code"] == "LI4" and r["view"] == "hand_dorsal" and r["side"] == "right"
    ]
    (at,) = [
        p
        for p in tables["placements"]
        if p["code"] == "LI4" and p["view"] == "hand_dorsal" and p["side"] == "right"
    ]
    assert (row["label"], row["unit"], row["cun"], row["tick_at"]) == ("halfway", "line", 1, 0.5)
    assert (row["x1"] + row["x2"]) / 2 == pytest.approx(at["x"], abs=0.02)
    assert (row["y1"] + row["y2"]) / 2 == pytest.approx(at["y"], abs=0.02)


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
            '[ST35]\nside = { at = "knee_eye_lateral" }\n[ST36]\nfront = { at = "ST35" }\n',
            "no 'front' locator",
        ),
        ('[ST36]\ntop = { at = "umbilicus" }\n', "unknown frame"),
        ('[ST36]\nfront = { at = "umbilicus" }\n', "outside its region (leg) on the front view"),
        ('[ST36]\nfront = { at = "ST35", shift = { down = 2 } }\n', "a shift is a table"),
        ('[ST36]\nfront = [{ at = "ST35" }]\n', "every location of a group names its part"),
        (
            '[ST36]\nfront = [{ part = "a", at = "ST35" }, { part = "a", at = "ST35" }]\n',
            "part 'a' located twice",
        ),
        ('[ST36]\nscalp = { at = "vertex_gv20", level = "pupil" }\n', "not used on the scalp"),
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


def test_groups_have_every_part_on_both_sides(tables: Tables) -> None:
    rows = [r for r in tables["placements"] if r["code"] == "EX-B2" and r["view"] == "back"]
    parts = {r["part"] for r in rows}
    assert parts == {f"T{n}" for n in range(1, 13)} | {f"L{n}" for n in range(1, 6)}
    assert len(rows) == 34
    ys = sorted({r["y"] for r in rows})
    assert len(ys) == 17  # one level per vertebra


def test_a_shift_is_never_drawn_in_the_guide(tables: Tables) -> None:
    """SP2 sits a quarter B-cun beyond the joint (a 'just distal' hollow): no measure."""
    assert not [r for r in tables["measures"] if r["code"] == "SP2" and r["view"] == "front"]


def test_scalp_points_land_on_every_view_that_sees_them(tables: Tables) -> None:
    views: dict[str, set[str]] = {}
    for r in tables["placements"]:
        views.setdefault(r["code"], set()).add(r["view"])
    # GV20, on the line joining the ears' apexes over the top, is seen from every side
    assert {"front", "back", "side", "vertex", "head_front", "head_back"} <= views["GV20"]
    assert {"front", "vertex", "head_front", "head_side"} <= views["GB15"]
    assert "back" not in views["GB15"]  # it faces forward
    assert "side" in views["GB19"]  # located on the back of the head, seen from the side too
    assert "front" not in views["GV17"]  # low on the back of the head


def test_the_side_view_shows_every_gb_point(tables: Tables) -> None:
    """The whole GB channel from the side, GB21 on the top of the shoulder too (seen
    above the raised arm, between the nape and the arm's root), and its course runs
    on from GB20 to GB21 and from GB21 to GB22 on that view, with no cue to another."""
    at = {
        r["code"]: (r["x"], r["y"])
        for r in tables["placements"]
        if r["view"] == "side" and r["code"].startswith("GB")
    }
    assert set(at) == {f"GB{n}" for n in range(1, 45)}
    branches: dict[str, list[tuple[float, float]]] = {}
    for r in sorted(tables["pathways"], key=lambda r: r["seq"]):
        if r["channel"] == "GB" and r["view"] == "side":
            branches.setdefault(r["branch"], []).append((r["x"], r["y"]))
    ends = {(course[0], course[-1]) for course in branches.values()}
    assert {(at["GB20"], at["GB21"]), (at["GB21"], at["GB22"])} <= ends
    assert not [r for r in tables["pathway_cues"] if r["channel"] == "GB" and r["view"] == "side"]


def _off_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from p to the segment a-b."""
    length2 = math.dist(a, b) ** 2
    t = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / length2 if length2 else 0
    return math.dist(p, an.lerp(a, b, max(0.0, min(1.0, t))))


def test_the_nape_points_are_on_the_side_view(tables: Tables) -> None:
    """GV16 and GV15 lie on the median line of the nape, which the side view sees
    edge-on as the drawn outline; BL10 lies in front of it. GV's course comes up the
    nape from GV15 (from the Back view), and BL's goes on from BL10 down the back."""
    view = an.VIEW_BY_ID["side"]
    at = {
        r["code"]: (r["x"], r["y"], r["side"])
        for r in tables["placements"]
        if r["view"] == "side" and r["code"] in ("GV15", "GV16", "BL10")
    }
    outline = [view.to_view(p) for p in an.frame_geometry("side").outlines["body"]]

    def off_outline(x: float, y: float) -> float:
        """Distance (B-cun) from the drawn outline."""
        return (
            min(_off_segment((x, y), a, b) for a, b in itertools.pairwise([*outline, outline[0]]))
            / view.scale
        )

    for code in ("GV15", "GV16"):
        x, y, side = at[code]
        assert side == "midline"
        assert off_outline(x, y) <= 0.1, code
    assert off_outline(*at["BL10"][:2]) > 0.5
    cues = {
        (c["channel"], c["end"], c["to_view"])
        for c in tables["pathway_cues"]
        if c["view"] == "side"
    }
    assert {("GV", "start", "back"), ("BL", "end", "back")} <= cues
    courses: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for r in sorted(tables["pathways"], key=lambda r: r["seq"]):
        if r["view"] == "side":
            courses.setdefault((r["channel"], r["branch"]), []).append((r["x"], r["y"]))
    assert courses["GV", "main"][:2] == [at["GV15"][:2], at["GV16"][:2]]
    assert courses["BL", "head"][-1] == at["BL10"][:2]


def test_points_hidden_from_a_view_are_not_drawn_on_it(tables: Tables) -> None:
    """KI1 lies in the hollow of the sole, which only the sole views see; the hollow
    above the superior angle of the shoulder blade (TE15) is behind the raised arm
    on the side view; the hollow behind the angle of the jaw (SI17), in front of the
    sternocleidomastoid, faces forward of the back views."""
    views: dict[str, set[str]] = {}
    for r in tables["placements"]:
        views.setdefault(r["code"], set()).add(r["view"])
    assert {an.VIEW_BY_ID[v].frame for v in views["KI1"]} == {"sole"}
    assert not {"side", "head_side"} & views["TE15"]
    assert not {"back", "head_back"} & views["SI17"]
    # ...while SI16, just behind the sternocleidomastoid, is seen from behind too
    assert {"head_back", "head_side"} <= views["SI16"]


def test_midline_points_are_midline_on_the_side_view(tables: Tables) -> None:
    sides = {r["side"] for r in tables["placements"] if r["code"] == "GV20"}
    assert sides == {"midline"}


def test_a_b_cun_along_the_median_line_of_the_vault_changes_without_a_step(
    tables: Tables,
) -> None:
    """GV17 to GV23 lie 1.5, 1.5, 1.5, 1.5, 1.5 and 1 B-cun apart along the median
    line, and GV20 in the plane of the ears' apexes. The drawn head has more vault
    behind that plane than in front of it, so a B-cun is longer at the back than at
    the front (`atlas.core.anatomy.scalp`), but it grows evenly over the crown: on
    the side view, which sees the median plane unforeshortened, neighbouring gaps
    differ by less than a third, and GV20 lies over the ear's apex."""
    at = {
        r["code"]: (r["x"], r["y"])
        for r in tables["placements"]
        if r["view"] == "head_side" and r["code"].startswith("GV")
    }
    codes = ["GV17", "GV18", "GV19", "GV20", "GV21", "GV22", "GV23"]
    gaps = [1.5, 1.5, 1.5, 1.5, 1.5, 1.0]
    per_cun = [
        math.dist(at[a], at[b]) / gap
        for (a, b), gap in zip(itertools.pairwise(codes), gaps, strict=True)
    ]
    steps = [max(a, b) / min(a, b) for a, b in itertools.pairwise(per_cun)]
    assert max(steps) < 4 / 3, [round(v, 1) for v in per_cun]
    on_side = {(r["view"], r["code"]): r["x"] for r in tables["placements"]}
    apex = next(r for r in tables["landmarks"] if (r["view"], r["id"]) == ("side", "ear_apex"))
    assert abs(on_side[("side", "GV20")] - apex["x"]) < 1.0, apex  # within 0.1 B-cun


def _write_pathway(tmp_path: Path, locators: str, pathway: str) -> Path:
    source = _write(tmp_path, locators)
    (source / "pathways").mkdir()
    (source / "pathways" / "ST.toml").write_text(pathway, encoding="utf-8")
    return source


_CHAIN = (
    '[ST35]\nfront = { at = "knee_eye_lateral" }\n'
    '[ST36]\nfront = { at = "ST35", toward = "ST41", down = "3 B-cun" }\n'
    '[ST41]\nfront = { at = "ankle_front" }\n'
)


def _pts_st() -> dict[str, dict[str, Any]]:
    return {c: {**p, "channel": "ST"} for c, p in _pts().items()}


def test_pathways_run_through_points_and_landmarks_on_both_sides(tmp_path: Path) -> None:
    source = _write_pathway(
        tmp_path,
        _CHAIN,
        '[[front]]\nbranch = "leg"\ncourse = ["patella_base_lateral", "ST35", "ST36"]\n'
        'after = "foot_dorsal"\n',
    )
    tables = placement.compute(source, _pts_st())
    rows = [r for r in tables["pathways"] if r["view"] == "front"]
    assert {r["side"] for r in rows} == {"left", "right"}
    right = sorted((r for r in rows if r["side"] == "right"), key=lambda r: r["seq"])
    st36 = next(
        r
        for r in tables["placements"]
        if (r["code"], r["view"], r["side"]) == ("ST36", "front", "right")
    )
    assert (right[2]["x"], right[2]["y"]) == (st36["x"], st36["y"])
    cue = [c for c in tables["pathway_cues"] if c["view"] == "front" and c["side"] == "right"]
    assert [(c["end"], c["to_view"]) for c in cue] == [("end", "foot_dorsal")]


def test_a_one_point_course_only_says_where_the_channel_goes_on(tmp_path: Path) -> None:
    source = _write_pathway(
        tmp_path, _CHAIN, '[[front]]\nbranch = "a"\ncourse = ["ST36"]\nafter = "side"\n'
    )
    tables = placement.compute(source, _pts_st())
    assert not tables["pathways"]
    cues = {(c["view"], c["side"], c["end"], c["to_view"]) for c in tables["pathway_cues"]}
    assert cues == {("front", "right", "end", "side"), ("front", "left", "end", "side")}


def test_a_run_over_the_vault_follows_the_scalp(tmp_path: Path) -> None:
    """Seen from the side, a line from the crown to the occiput bends round the head."""
    source = _write_pathway(
        tmp_path,
        '[ST1]\nscalp = { at = "anterior_hairline", lateral = "1.5 B-cun", up = "5.5 B-cun" }\n'
        '[ST2]\nscalp = { at = "eop_upper", lateral = "1.3 B-cun" }\n',
        '[[side]]\nbranch = "a"\ncourse = ["ST1", "ST2"]\nvault = [["ST1", "ST2"]]\n',
    )
    points = {c: {"code": c, "region": "head", "channel": "ST"} for c in ("ST1", "ST2")}
    tables = placement.compute(source, points)
    view = an.VIEW_BY_ID["side"]
    rows = sorted((r for r in tables["pathways"] if r["view"] == "side"), key=lambda r: r["seq"])
    assert len(rows) > 3
    along = []
    for r in rows[1:-1]:
        on_vault = scalp.lift("side", r["x"] / view.scale + view.x0, r["y"] / view.scale + view.y0)
        assert on_vault is not None
        along.append(scalp.scalp_position(on_vault)[1])
    assert along == sorted(along)
    assert 5.5 < along[0] <= along[-1] < 9.5


def test_a_channel_with_a_course_runs_through_all_its_points(points: Points) -> None:
    """Each point of a channel lies on one of its branches; extra points are never joined."""
    branches = pathways.load_pathways(paths.source_dir(), {p["channel"] for p in points.values()})
    on_course: dict[str, set[str]] = {}
    for branch in branches:
        on_course.setdefault(branch.channel, set()).update(i.split("@")[0] for i in branch.course)
    assert "EX" not in on_course
    missing = [
        code
        for code, p in points.items()
        if p["channel"] in on_course and code not in on_course[p["channel"]]
    ]
    assert not missing


def test_every_cue_lies_in_its_view(tables: Tables) -> None:
    outside = [
        c
        for c in tables["pathway_cues"]
        if not (
            0 <= c["x"] <= an.VIEW_BY_ID[c["view"]].width
            and 0 <= c["y"] <= an.VIEW_BY_ID[c["view"]].height
        )
    ]
    assert not outside


@pytest.mark.parametrize(
    ("pathway", "fragment"),
    [
        ('[[front]]\nbranch = "a"\ncourse = ["ST35", "ST99"]\n', "ST99 is neither"),
        ('[[front]]\ncourse = ["ST35", "ST36"]\n', "every branch has a name"),
        ('[[front]]\nbranch = "a"\ncourse = ["ST35"]\n', "at least two"),
        ('[[front]]\nbranch = "a"\ncourse = ["ST35", "ST36"]\nafter = "nowhere"\n', "unknown view"),
        ('[[front]]\nbranch = "a"\ncourse = ["vertex", "ST36"]\n', "break it at the landmarks"),
        (
            '[[front]]\nbranch = "a"\ncourse = ["ST35", "ST36"]\nvault = [["ST36", "ST35"]]\n',
            "vault: expected",
        ),
        (
            '[[front]]\nbranch = "a"\ncourse = ["ST35", "ST36"]\nvault = [["ST35", "ST36"]]\n',
            "does not run over the vault",
        ),
    ],
)
def test_pathway_errors(tmp_path: Path, pathway: str, fragment: str) -> None:
    source = _write_pathway(tmp_path, _CHAIN, pathway)
    with pytest.raises(pathways.PathwayError) as info:
        placement.compute(source, _pts_st())
    assert fragment in str(info.value)
    assert info.value.file.endswith("ST.toml")


def test_a_long_segment_with_its_reason_is_drawn(tmp_path: Path) -> None:
    source = _write_pathway(
        tmp_path,
        _CHAIN,
        '[[front]]\nbranch = "a"\ncourse = ["vertex", "ST36"]\n'
        'long = [["vertex", "ST36", "a test of the rule"]]\n',
    )
    assert placement.compute(source, _pts_st())["pathways"]


def test_gb_runs_over_the_back_of_the_head_along_the_vault(tables: Tables) -> None:
    """GB18 to GB19 runs over the back of the head: seen from the side it bends with
    the vault, well away from the straight chord, and stays on the drawn head."""
    view = an.VIEW_BY_ID["side"]

    def frame(r: dict[str, Any]) -> tuple[float, float]:
        return (r["x"] / view.scale + view.x0, r["y"] / view.scale + view.y0)

    line = [
        frame(r)
        for r in sorted(tables["pathways"], key=lambda r: r["seq"])
        if (r["channel"], r["view"], r["branch"]) == ("GB", "side", "crown")
    ]
    at = {
        r["code"]: frame(r)
        for r in tables["placements"]
        if r["view"] == "side" and r["code"] in ("GB18", "GB19")
    }
    between = line[line.index(at["GB18"]) + 1 : line.index(at["GB19"])]
    (ax, ay), (bx, by) = at["GB18"], at["GB19"]
    length = math.dist(at["GB18"], at["GB19"])
    bulge = max(abs((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / length for x, y in between)
    assert bulge > 1.0
    assert all(an.point_in_shape(p, [scalp.outline("side")]) for p in between)


def test_a_view_without_a_full_view_says_where_the_line_goes_on(tables: Tables) -> None:
    """The perineum, like the top of the head and the foot, has no full view of its
    own: its lines say where they go on."""
    cues = {
        (c["channel"], c["end"], c["to_view"])
        for c in tables["pathway_cues"]
        if c["view"] == "perineum"
    }
    assert cues == {("CV", "end", "front"), ("GV", "end", "back")}
