"""Search: forgiving about how people type, strict about what ranks first."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TypedDict, Unpack

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.core import Atlas

REFERENCE = Path(__file__).parent / "reference"


class Filters(TypedDict, total=False):
    channel: str
    region: str
    category: str


def first(atlas: Atlas, query: str, **filters: Unpack[Filters]) -> str | None:
    results = atlas.search(query, **filters)
    return results[0].code if results else None


def top(atlas: Atlas, query: str, n: int = 5) -> list[str]:
    return [r.code for r in atlas.search(query, limit=n)]


@pytest.mark.parametrize(
    "query",
    ["LI4", "li4", "LI-4", "LI 4", "LI04", "Large Intestine 4", "large intestine 4", "Hegu",
     "hegu", "He Gu", "Hégǔ", "合谷", "Union Valley", "union valley"],
)  # fmt: skip
def test_every_form_of_li4_finds_it_first(atlas: Atlas, query: str) -> None:
    assert first(atlas, query) == "LI4"


@pytest.mark.parametrize(
    ("text", "hanzi"),
    [("合谷", True), ("𠀀", True), ("", False), ("合a", False), ("ｈｅｇｕ", False), ("42", False)],
)
def test_hanzi_runs_are_told_apart(text: str, hanzi: bool) -> None:
    from atlas.core.search import _is_hanzi

    assert _is_hanzi(text) is hanzi


@pytest.mark.parametrize(
    ("query", "code"),
    [("LIV3", "LR3"), ("LV3", "LR3"), ("UB40", "BL40"), ("SJ5", "TE5"), ("TW5", "TE5"),
     ("TH5", "TE5"), ("DU20", "GV20"), ("REN12", "CV12"), ("P6", "PC6"), ("K1", "KI1"),
     ("百會", "GV20"), ("百会", "GV20"), ("足三里", "ST36"), ("zusanli", "ST36"),
     ("zu san li", "ST36"), ("Zúsānlǐ", "ST36"), ("yanglinquan", "GB34"),
     ("yanglingquan", "GB34"), ("GV29", "EX-HN3"), ("yintang", "EX-HN3"),
     ("Renzhong", "GV26"), ("sanyinjiao", "SP6"), ("neiguan", "PC6"), ("taichong", "LR3"),
     ("EX-HN3", "EX-HN3"), ("exhn3", "EX-HN3"), ("taiyang", "EX-HN5")],
)  # fmt: skip
def test_codes_and_names_rank_first(atlas: Atlas, query: str, code: str) -> None:
    assert first(atlas, query) == code


def test_every_code_and_name_finds_its_point_first(atlas: Atlas) -> None:
    homonyms: dict[str, set[str]] = {}
    for point in atlas.all_points():
        homonyms.setdefault(point.pinyin.lower(), set()).add(point.code)
    for point in atlas.all_points():
        assert first(atlas, point.code) == point.code
        assert first(atlas, point.code.lower().replace("-", " ")) == point.code
        same = homonyms[point.pinyin.lower()]
        assert set(top(atlas, point.pinyin, len(same))) == same, point.code
        assert point.code in top(atlas, point.hanzi, 3), point.code
        assert point.code in top(atlas, point.hanzi_simplified, 3), point.code
        assert point.code in top(atlas, point.english, 3), point.code


def test_name_variants_from_the_fact_table(atlas: Atlas) -> None:
    with (REFERENCE / "name_variants.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for variant in row["variant"].split(" / "):
                assert row["code"] in top(atlas, variant, 2), (variant, row["code"])


def test_stemming_finds_plural_and_singular(atlas: Atlas) -> None:
    cramp = {r.code for r in atlas.search("cramp")}
    cramps = {r.code for r in atlas.search("cramps")}
    assert cramp and cramp == cramps


def test_leg_cramps_ranks_gb34_and_bl57_near_the_top(atlas: Atlas) -> None:
    found = top(atlas, "leg cramps", 5)
    assert "GB34" in found and "BL57" in found


def test_sciatica_ranks_bl40_and_gb30_high(atlas: Atlas) -> None:
    found = top(atlas, "sciatica", 3)
    assert "BL40" in found and "GB30" in found


def test_indication_typos_are_forgiven(atlas: Atlas) -> None:
    assert set(top(atlas, "sciatca", 5)) & {"BL40", "GB30"}
    assert top(atlas, "insomnai", 5)


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"channel": "LI"}, lambda p: p.channel == "LI"),
        ({"channel": "liver"}, lambda p: p.channel == "LR"),
        ({"region": "leg"}, lambda p: p.region == "leg"),
        ({"category": "he_sea"}, lambda p: "he_sea" in p.category_ids()),
    ],
)
def test_filters(atlas: Atlas, filters: Filters, check: object) -> None:
    results = atlas.search("pain", **filters)
    assert results
    assert all(check(r.point) for r in results)  # type: ignore[operator]


def test_unknown_filter_is_a_clear_error(atlas: Atlas) -> None:
    with pytest.raises(ValueError, match="unknown channel"):
        atlas.search("pain", channel="XX")
    with pytest.raises(ValueError, match="unknown region"):
        atlas.search("pain", region="elsewhere")


def test_channel_name_lists_the_channel(atlas: Atlas) -> None:
    codes = top(atlas, "Lung", 11)
    assert set(codes) == {f"LU{n}" for n in range(1, 12)}


JUNK = ['"', '""', "*", "AND", "OR", "NOT", "(", ")", "NEAR(", "a OR", "col:val", "{", "}",
        "^", "-", "'; DROP TABLE points; --", "💥🤯", "\x00", "a" * 10_000, "   ", "",
        "points_fts:cramp", "LU99", "EX-HN99", "1234", "百", "\u200b", "ǔ"]  # fmt: skip


@pytest.mark.parametrize("query", JUNK)
def test_junk_never_raises(atlas: Atlas, query: str) -> None:
    assert isinstance(atlas.search(query), list)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_any_text_returns_a_list(atlas: Atlas, query: str) -> None:
    results = atlas.search(query, limit=10)
    assert len(results) <= 10
    assert all(r.score > 0 for r in results)


def test_results_are_ordered_by_score(atlas: Atlas) -> None:
    results = atlas.search("headache", limit=50)
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)


def test_conditions_search(atlas: Atlas) -> None:
    names = [c.id for c in atlas.search_conditions("cramps")]
    assert "muscle_spasms" in names or "leg_cramps" in names
    assert atlas.search_conditions('"(*') == []
