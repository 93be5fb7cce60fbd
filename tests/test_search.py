"""Search: forgiving about how people type, strict about what ranks first."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from typing import Any, TypedDict, Unpack

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.core import Atlas

REFERENCE = Path(__file__).parent / "reference"


class Filters(TypedDict, total=False):
    channel: str
    region: str
    category: str
    caution: str
    without_caution: str


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


# ---------------------------------------------------------------- every spelling


@pytest.mark.parametrize(
    ("query", "code"),
    [
        # traditional forms written with 俞, and the data's 鍾 typed as 鐘 (issue 18)
        ("腎俞", "BL23"), ("大腸俞", "BL25"), ("膽俞", "BL19"), ("厥陰俞", "BL14"),
        ("關元俞", "BL26"), ("懸鐘", "GB39"),
        # WHO's old print forms, in otherwise simplified or traditional text
        ("肾兪", "BL23"), ("靑灵", "HT2"), ("清冷淵", "TE11"), ("淸冷渊", "TE11"), ("伏兔", "ST32"),
        # classical names
        ("絕骨", "GB39"), ("绝骨", "GB39"), ("Juegu", "GB39"), ("juegu", "GB39"),
        ("Hukou", "LI4"), ("虎口", "LI4"), ("Qizhong", "CV8"), ("Taiquan", "LU9"),
        # Wade-Giles
        ("Ho Ku", "LI4"), ("ho-ku", "LI4"), ("Tsu San Li", "ST36"), ("Tsu-san-li", "ST36"),
        ("tsusanli", "ST36"), ("Ch'ü-ch'ih", "LI11"), ("Chu Chih", "LI11"),
        ("Hsüan-chung", "GB39"), ("Nei Kuan", "PC6"), ("San Yin Chiao", "SP6"),
        # older extra-point codes
        ("M-HN-3", "EX-HN3"), ("m-hn-3", "EX-HN3"), ("M HN 9", "EX-HN5"), ("M-BW-35", "EX-B2"),
        # pinyin spelt by ear: ee/i, o/u, zh/j, x/sh, q/ch
        ("zusanlee", "ST36"), ("zosanli", "ST36"), ("jongwan", "CV12"), ("shuehai", "SP10"),
        ("chuchi", "LI11"), ("shuanjong", "GB39"), ("yanglinchuan", "GB34"),
    ],
)  # fmt: skip
def test_every_spelling_finds_its_point_first(atlas: Atlas, query: str, code: str) -> None:
    assert first(atlas, query) == code


@pytest.mark.parametrize(
    ("pinyin", "count", "spelt"),
    [("Hégǔ", 2, "Ho-ku"), ("Zúsānlǐ", 3, "Tsu-san-li"), ("Bìnào", 2, "Pi-nao"),
     ("Xī'ān", 2, "Hsi-an"), ("Fùāi", 2, "Fu-ai"), ("Zhōnglǚshū", 3, "Chung-lü-shu"),
     ("Qūchí", 2, "Ch'ü-ch'ih"), ("Sìshéncōng", 3, "Ssu-shên-ts'ung"), ("Hegu", 3, None)],
)  # fmt: skip
def test_wade_giles_from_pinyin_syllables(pinyin: str, count: int, spelt: str | None) -> None:
    import tomllib

    from atlas.core import paths
    from atlas.core.spelling import wade_giles

    with (paths.source_dir() / "wade_giles.toml").open("rb") as f:
        table = tomllib.load(f)["syllables"]
    assert wade_giles(pinyin, count, table) == spelt


def test_juegu_outranks_a_typo_of_jugu(atlas: Atlas) -> None:
    """Juegu once found LI16 Jugu (one letter away) because GB39's classical name was
    unknown; an exact alternative name now ranks above any corrected typo."""
    results = atlas.search("Juegu")
    assert results[0].code == "GB39"
    assert all(r.score < results[0].score for r in results[1:])


def test_every_wade_giles_name_finds_its_point(atlas: Atlas) -> None:
    from atlas.core.search import fold

    same: dict[str, set[str]] = {}  # Ta-chu BL11 and Ta-chü ST27 fold together
    pinyin: dict[str, set[str]] = {}  # Chi-mai (LR12 Jimai) is also TE18 Chimai, which wins
    for point in atlas.all_points():
        same.setdefault(fold(point.wade_giles), set()).add(point.code)
        pinyin.setdefault(fold(point.pinyin), set()).add(point.code)
    for point in atlas.all_points():
        assert point.wade_giles, point.code
        expected = same[fold(point.wade_giles)]
        ahead = pinyin.get(fold(point.wade_giles), set()) - expected
        plain = point.wade_giles.replace("'", "").replace("ü", "u").replace("ê", "e")
        for spelling in (point.wade_giles, plain, plain.replace("-", " "), plain.replace("-", "")):
            found = top(atlas, spelling, len(expected | ahead))
            assert set(found[len(ahead) :]) == expected, (spelling, point.code)


def test_hanzi_in_any_form_finds_its_point_first(atlas: Atlas) -> None:
    from atlas.core.spelling import HANZI_VARIANTS

    older: dict[str, list[str]] = {}  # a character of the data -> the old forms of it
    for variant, standard in HANZI_VARIANTS.items():
        older.setdefault(standard, []).append(variant)
    older.setdefault("俞", []).append("兪")
    older.setdefault("兪", []).append("俞")
    same_name: dict[str, set[str]] = {}
    for point in atlas.all_points():
        same_name.setdefault(point.hanzi_simplified, set()).add(point.code)
    for point in atlas.all_points():
        expected = same_name[point.hanzi_simplified]
        for name in (point.hanzi, point.hanzi_simplified):
            spellings = {name} | {
                name.replace(char, variant) for char in name for variant in older.get(char, ())
            }
            for spelling in spellings:
                assert set(top(atlas, spelling, len(expected))) == expected, (spelling, point.code)


def test_every_old_variant_belongs_to_a_point_name(atlas: Atlas) -> None:
    """The variant table holds only characters that point names use."""
    from atlas.core.spelling import HANZI_VARIANTS, fold_hanzi

    names = "".join(fold_hanzi(p.hanzi + p.hanzi_simplified) for p in atlas.all_points())
    assert [v for v, s in HANZI_VARIANTS.items() if fold_hanzi(s) not in names] == []


def test_every_older_extra_code_ranks_in_the_code_band(atlas: Atlas) -> None:
    from atlas.core.codes import OLDER_EXTRA_CODES
    from atlas.core.search import CODE

    for older, who in OLDER_EXTRA_CODES.items():
        result = atlas.search(older)[0]
        assert (result.code, result.score) == (who, CODE), older


def test_alternative_names_find_their_points_first(atlas: Atlas) -> None:
    import tomllib

    from atlas.core import paths

    with (paths.source_dir() / "aliases.toml").open("rb") as f:
        names = tomllib.load(f)["names"]
    assert names
    for entry in names:
        assert atlas.point(entry["code"]) is not None, entry
        for spelling in (entry["pinyin"], entry["hanzi"]):
            assert first(atlas, spelling) == entry["code"], spelling
        point = atlas.point(entry["code"])
        assert point is not None
        assert {entry["pinyin"], entry["hanzi"]} <= set(point.aliases)


def test_slips_of_the_ear_rank_below_exact_names_and_typos(atlas: Atlas) -> None:
    from atlas.core.search import NAME, NAME_FUZZY, PHONETIC

    assert atlas.search("zusanli")[0].score == NAME
    assert atlas.search("zusanly")[0].score == NAME_FUZZY  # a typo, corrected
    assert atlas.search("zusanlee")[0].score == PHONETIC < NAME_FUZZY


def test_the_conversion_library_waits_for_hanzi() -> None:
    """OpenCC is imported by the first search in hanzi, not by opening or other searches;
    opening the atlas does not even import the spelling module."""
    code = (
        "import sys; from atlas.core import Atlas; a = Atlas.open();"
        "opened = 'atlas.core.spelling' in sys.modules;"
        "a.search('hegu'); a.search('LI4'); a.search('headache');"
        "before = 'opencc' in sys.modules; a.search('腎俞');"
        "print(opened, before, 'opencc' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False", "True"], result.stderr


# ---------------------------------------------------------------- cautions


def flagged(atlas: Atlas, flag: str) -> list[str]:
    return [p.code for p in atlas.all_points() if flag in p.caution_flags]


@pytest.mark.parametrize(
    "query", ["pregnancy", "pregnant", "Pregnancy", "avoid in pregnancy", "pregnancy cautions"]
)
def test_pregnancy_lists_the_points_flagged_for_it_first(atlas: Atlas, query: str) -> None:
    expected = flagged(atlas, "pregnancy")
    assert len(expected) > 10
    assert top(atlas, query, len(expected)) == expected


def test_safe_in_pregnancy_is_not_the_pregnancy_caution(atlas: Atlas) -> None:
    assert not set(top(atlas, "safe in pregnancy", 50)) & set(flagged(atlas, "pregnancy"))


def test_every_caution_flag_is_searchable(atlas: Atlas) -> None:
    for flag in atlas.caution_flags():
        for query in (flag.name, flag.id.replace("_", " ")):
            found = atlas.search(query, limit=500)
            by_caution = [r.code for r in found if r.match == f"caution: {flag.name}"]
            assert by_caution == flagged(atlas, flag.id), query


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"caution": "pregnancy"}, lambda p: "pregnancy" in p.caution_flags),
        ({"without_caution": "pregnancy"}, lambda p: "pregnancy" not in p.caution_flags),
        ({"caution": "Major blood vessel"}, lambda p: "major_vessel" in p.caution_flags),
        (
            {"caution": "pneumothorax", "channel": "ST"},
            lambda p: "pneumothorax" in p.caution_flags and p.channel == "ST",
        ),
    ],
)
def test_lists_and_searches_by_caution(atlas: Atlas, filters: Filters, check: Any) -> None:
    listed = atlas.points(**filters)
    assert listed and list(listed) == [p for p in atlas.all_points() if check(p)]
    found = atlas.search("pain", **filters)
    assert found and all(check(r.point) for r in found)


def test_unknown_caution_flag_names_the_known_ones(atlas: Atlas) -> None:
    with pytest.raises(ValueError, match="unknown caution flag 'bleeding'") as info:
        atlas.points(caution="bleeding")
    assert "pregnancy" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(ValueError, match="unknown caution flag"):
        atlas.search("pain", without_caution="bleeding")


# ---------------------------------------------------------------- tables across channels


def test_category_table_of_the_lung(atlas: Atlas) -> None:
    table = atlas.category_table()
    columns = [c.id for c in table.categories]
    lung = next(row for row in table.rows if row.channel == "LU")
    cell = dict(zip(columns, lung.cells, strict=True))
    assert cell["jing_well"] == ("LU11",) and cell["shu_stream"] == ("LU9",)
    assert cell["luo_connecting"] == ("LU7",) and cell["xi_cleft"] == ("LU6",)
    assert cell["front_mu"] == ("LU1",) and cell["back_shu"] == ("BL13",)


def test_category_table_across_channels(atlas: Atlas) -> None:
    table = atlas.category_table()
    columns = [c.id for c in table.categories]
    rows = {
        row.channel or row.name: dict(zip(columns, row.cells, strict=True)) for row in table.rows
    }
    assert list(rows)[:14] == [c.code for c in atlas.channels() if c.code != "EX"]
    assert rows["GB"]["back_shu"] == ("BL19",)  # the gallbladder's, not the bladder's
    assert rows["BL"]["back_shu"] == ("BL28",) and rows["KI"]["front_mu"] == ("GB25",)
    assert rows["SP"]["luo_connecting"] == ("SP4", "SP21")  # with the great luo
    assert rows["GV"]["luo_connecting"] == ("GV1",) and rows["Yin Qiao Mai"]["xi_cleft"] == ("KI8",)
    for category in columns:  # every member of every category appears once
        members = sorted(p.code for p in atlas.points(category=category))
        assert sorted(c for row in rows.values() for c in row[category]) == members


def test_category_table_of_chosen_categories(atlas: Atlas) -> None:
    table = atlas.category_table(["yuan_source", "he_sea"])
    assert [c.id for c in table.categories] == ["yuan_source", "he_sea"]
    assert table.rows[0].cells == (("LU9",), ("LU5",))
    with pytest.raises(ValueError, match="unknown category"):
        atlas.category_table(["five_shu"])
