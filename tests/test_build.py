"""The build: sources validated with clear messages, the schema as published."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.core import Atlas, build, cache, paths
from atlas.core.sources import BuildError

REPO = Path(__file__).resolve().parent.parent

GOOD_POINT = """
[[points]]
code = "LU{n}"
pinyin = "Test{n}"
pinyin_tones = "Tèst{n}"
hanzi = "試{n}"
hanzi_simplified = "试{n}"
english = "Test Point {n}"
region = "chest"
location = "On the chest, test location number {n}."
how_to_find = "Feel for the test landmark."
indications = ["cough", "leg cramps"]
actions = ["tests the build"]
angle = "oblique"
depth = [0.5, 0.8]
method = "Needle obliquely outward."
moxibustion = "Suitable."
cautions = "Keep the needle shallow over the chest."
caution_flags = ["pneumothorax"]
categories = [{{ category = "front_mu", relates_to = "Lung" }}]
"""


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A tiny, valid source tree: one channel of two points."""
    root = tmp_path / "db"
    (root / "points").mkdir(parents=True)
    real = paths.source_dir()
    for name in ("schema.sql", "regions.toml", "cautions.toml"):
        shutil.copy(real / name, root / name)
    categories = (real / "categories.toml").read_text(encoding="utf-8")
    (root / "categories.toml").write_text(
        "\n".join(line for line in categories.splitlines() if not line.startswith("count")),
        encoding="utf-8",
    )
    channels = (real / "channels.toml").read_text(encoding="utf-8")
    first = channels.split("[[channels]]")[1].replace("point_count = 11", "point_count = 2")
    (root / "channels.toml").write_text("[[channels]]" + first, encoding="utf-8")
    (root / "points" / "LU.toml").write_text(
        GOOD_POINT.format(n=1) + GOOD_POINT.format(n=2), encoding="utf-8"
    )
    return root


def _problems(root: Path) -> list[str]:
    with pytest.raises(BuildError) as info:
        build.load_sources(root)
    return [str(p) for p in info.value.problems]


def _edit(root: Path, old: str, new: str, count: int = 1) -> None:
    path = root / "points" / "LU.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_fixture_builds(sources: Path, tmp_path: Path) -> None:
    db = build.build(tmp_path / "out.sqlite", sources)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM points").fetchone() == (2,)
    assert conn.execute("SELECT indication FROM point_indications WHERE code='LU1'").fetchall()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'location = "On the chest, test location number 1."\n',
            "",
            "LU1: missing field 'location'",
        ),
        ('region = "chest"', 'region = "elbowpit"', "LU1: unknown region 'elbowpit'"),
        ('code = "LU2"', 'code = "LU1"', "LU1: duplicate code"),
        ("depth = [0.5, 0.8]", "depth = [0.8, 0.5]", "LU1: malformed depth"),
        ("depth = [0.5, 0.8]", 'depth = "deep"', "LU1: field 'depth' should be a list"),
        ("depth = [0.5, 0.8]", "depth = [0.5]", "LU1: malformed depth"),
        ("depth = [0.5, 0.8]", "depth = [0.5, 9]", "LU1: malformed depth"),
        ('angle = "oblique"', 'angle = "sideways"', "LU1: angle must be one of"),
        ('code = "LU1"', 'code = "LU 1"', "malformed code 'LU 1'"),
        ('code = "LU1"', 'code = "ST1"', "ST1: code belongs to channel ST, not LU"),
        ('pinyin_tones = "Tèst1"', 'pinyin_tones = "Other"', "LU1: pinyin_tones 'Other'"),
        ('caution_flags = ["pneumothorax"]', 'caution_flags = ["dragons"]', "unknown caution flag"),
        ('category = "front_mu"', 'category = "mu"', "LU1: unknown category 'mu'"),
        ("indications = [", "indicashuns = [", "LU1: unknown field 'indicashuns'"),
        ('english = "Test Point 1"', 'english = ""', "LU1: field 'english' is empty"),
    ],
)
def test_broken_record_names_file_and_point(
    sources: Path, old: str, new: str, message: str
) -> None:
    _edit(sources, old, new)
    problems = _problems(sources)
    assert any(p.startswith("db/points/LU.toml: ") and message in p for p in problems), problems


def test_not_toml_names_the_file(sources: Path) -> None:
    (sources / "points" / "LU.toml").write_text("[[points]\ncode = ", encoding="utf-8")
    problems = _problems(sources)
    assert problems[0].startswith("db/points/LU.toml: not valid TOML")


def test_point_count_must_match_channel(sources: Path) -> None:
    path = sources / "points" / "LU.toml"
    path.write_text(GOOD_POINT.format(n=1), encoding="utf-8")
    assert any("holds 1 points; channels.toml says 2" in p for p in _problems(sources))


def test_unneeded_point_takes_no_depth(sources: Path, tmp_path: Path) -> None:
    _edit(sources, 'angle = "oblique"', 'angle = "none"')
    assert any("takes no depth" in p for p in _problems(sources))
    _edit(sources, "depth = [0.5, 0.8]\n", "")
    build.build(tmp_path / "ok.sqlite", sources)


def test_conditions_are_checked(sources: Path) -> None:
    (sources / "conditions.toml").write_text(
        """
[[conditions]]
id = "cramps"
name = "Cramps"
summary = "s"
triggers = ["t"]
course = "c"
evidence = "e"
points = [{ code = "LU1", reason = "r" }, { code = "LU9", reason = "r" }]
""",
        encoding="utf-8",
    )
    assert any("cramps: unknown point 'LU9'" in p for p in _problems(sources))


def test_ensure_built_caches_by_source_hash(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    first = cache.ensure_built(sources)
    assert first == cache.ensure_built(sources)
    mtime = first.stat().st_mtime_ns
    time.sleep(0.01)
    assert cache.ensure_built(sources).stat().st_mtime_ns == mtime  # not rebuilt
    _edit(sources, "Needle obliquely outward.", "Needle obliquely outward, gently.")
    second = cache.ensure_built(sources)
    assert second != first and second.exists() and not first.exists()


def test_damaged_cache_is_rebuilt(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    path = cache.ensure_built(sources)
    path.write_bytes(b"garbage" * 100)
    assert cache.ensure_built(sources) == path
    assert sqlite3.connect(path).execute("SELECT count(*) FROM points").fetchone() == (2,)


def test_an_unchanged_cache_is_trusted_without_hashing(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamp stands in for hashing the sources and checking the file..."""
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    path = cache.ensure_built(sources)

    def no_hashing(source: Path | None = None) -> str:
        raise AssertionError("hashed the sources although nothing changed")

    monkeypatch.setattr(cache, "sources_hash", no_hashing)
    assert cache.ensure_built(sources) == path
    (tmp_path / "cache" / cache.STAMP).write_text("damaged\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="hashed"):
        cache.ensure_built(sources)  # ...but only while it matches


def test_a_stamp_never_hides_a_changed_source(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    first = cache.ensure_built(sources)
    lu = sources / "points" / "LU.toml"
    info = lu.stat()
    lu.write_text(
        lu.read_text(encoding="utf-8").replace("the test landmark", "the best landmark"),
        encoding="utf-8",
    )
    os.utime(lu, ns=(info.st_atime_ns, info.st_mtime_ns + 1))  # same size, a tick later
    assert cache.ensure_built(sources) != first


def test_a_file_damaged_behind_the_stamps_back_is_rebuilt_on_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same size, same time, broken pages: opening fails, checks fully and rebuilds."""
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    path = cache.ensure_built()
    info = path.stat()
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * (info.st_size - 4096))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    with Atlas.open() as atlas:
        assert atlas.point("LI4") is not None


# ----------------------------------------------------------------- the real database

PUBLIC_COLUMNS = {
    "channels": {"code"},
    "points": {"code", "channel", "number", "pinyin", "pinyin_tones", "hanzi",
               "hanzi_simplified", "english", "region", "location"},
    "point_indications": {"code", "indication"},
    "point_categories": {"code", "category"},
    "point_cautions": {"code", "flag"},
    "regions": {"id"},
    "conditions": {"id", "name"},
    "condition_points": {"condition_id", "code"},
    "placements": {"code", "view", "x", "y", "side"},
}  # fmt: skip


def test_public_schema(atlas: object) -> None:
    conn = sqlite3.connect(cache.built_path())
    for table, columns in PUBLIC_COLUMNS.items():
        found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert columns <= found, (table, columns - found)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    regions = {r[0] for r in conn.execute("SELECT id FROM regions")}
    assert regions >= {"head", "face", "ear", "neck", "chest", "abdomen", "upper_back",
                       "lower_back", "sacral", "shoulder", "axilla", "upper_arm", "elbow",
                       "forearm", "wrist", "hand", "fingers", "hip", "buttock", "thigh", "knee",
                       "leg", "ankle", "foot", "toes", "sole"}  # fmt: skip
    channels = [r[0] for r in conn.execute("SELECT code FROM channels ORDER BY sort")]
    assert channels == "LU LI ST SP HT SI BL KI PC TE GB LR GV CV EX".split()
    assert (
        conn.execute("SELECT count(*) FROM points_fts WHERE points_fts MATCH 'cramps'").fetchone()[
            0
        ]
        > 0
    )


def test_check_constraints_hold(atlas: object, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(cache.built_path(), copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE points SET needling_angle = 'sideways' WHERE code = 'LI4'")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE points SET depth_max = 0.1, depth_min = 0.5 WHERE code = 'LI4'")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO point_cautions VALUES ('LI4', 'not_a_flag')")


def test_full_rebuild_is_fast_enough_to_run_on_first_start(tmp_path: Path) -> None:
    # Not a timing assertion (see tests/bench): just that a full build works from scratch.
    out = build.build(tmp_path / "full.sqlite")
    assert out.stat().st_size > 100_000


def test_repo_layout() -> None:
    for name in (
        "atlas",
        "assets",
        "db",
        "tests",
        "pyproject.toml",
        "README.md",
        "ARCHITECTURE.md",
    ):
        assert (REPO / name).exists(), name


# ----------------------------------------------------------------- fuzzing the parser

_values = st.one_of(
    st.text(max_size=30),
    st.integers(-5, 99),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.one_of(st.text(max_size=10), st.floats(-10, 10), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=2),
)
_FIELDS = ["code", "pinyin", "pinyin_tones", "hanzi", "hanzi_simplified", "english", "region",
           "location", "how_to_find", "indications", "actions", "angle", "depth", "method",
           "moxibustion", "cautions", "caution_flags", "categories", "aliases", "location_alt",
           "junk"]  # fmt: skip


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.dictionaries(st.sampled_from(_FIELDS), _values, max_size=4),
    drop=st.lists(st.sampled_from(_FIELDS), max_size=3),
)
def test_any_broken_record_gives_build_error_not_a_crash(
    sources: Path, changes: dict[str, object], drop: list[str]
) -> None:
    """Whatever a record holds, the build answers with BuildError (or succeeds)."""
    import tomllib

    path = sources / "points" / "LU.toml"
    records = tomllib.loads(GOOD_POINT.format(n=1) + GOOD_POINT.format(n=2))["points"]
    record = {k: v for k, v in records[0].items() if k not in drop} | changes
    text = _to_toml([record, records[1]])
    path.write_text(text, encoding="utf-8")
    try:
        build.load_sources(sources)
    except BuildError as exc:
        assert exc.problems and all(str(p).startswith("db/") for p in exc.problems)


def _to_toml(records: list[dict[str, object]]) -> str:
    import json
    import math

    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return (
                "nan"
                if math.isnan(v)
                else ("inf" if v > 0 else "-inf")
                if math.isinf(v)
                else repr(v)
            )
        if isinstance(v, int):
            return str(v)
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"
        raise TypeError(v)

    out = []
    for record in records:
        out.append("[[points]]")
        out.extend(f"{json.dumps(k)} = {value(v)}" for k, v in record.items())
    return "\n".join(out) + "\n"
