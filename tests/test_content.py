"""The atlas content: complete, matching the WHO fact tables, internally consistent."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from atlas.core import Atlas
from atlas.core.codes import CHANNEL_SIZES, EX_GROUPS

REFERENCE = Path(__file__).parent / "reference"


def who_rows() -> list[dict[str, str]]:
    with (REFERENCE / "who_points.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_counts_per_channel_and_total(atlas: Atlas) -> None:
    counts = Counter(p.channel for p in atlas.all_points())
    assert counts == Counter({**CHANNEL_SIZES, "EX": sum(EX_GROUPS.values())})
    assert sum(counts.values()) == 409
    for channel in atlas.channels():
        assert counts[channel.code] == channel.point_count


def test_names_equal_the_who_fact_table(atlas: Atlas) -> None:
    rows = who_rows()
    assert len(rows) == 361
    for row in rows:
        point = atlas.point(row["code"])
        assert point is not None, row["code"]
        assert point.channel == row["meridian"]
        assert point.number == int(row["number"])
        assert point.pinyin == row["pinyin"], row["code"]
        assert point.hanzi == row["hanzi_traditional"], row["code"]
        assert point.hanzi_simplified == row["hanzi_simplified"], row["code"]


def test_every_field_is_filled(atlas: Atlas) -> None:
    for p in atlas.all_points():
        for name in ("pinyin_tones", "english", "location", "how_to_find", "actions",
                     "needling_method", "moxibustion", "cautions"):  # fmt: skip
            assert getattr(p, name).strip(), (p.code, name)
        assert p.indications, p.code
        if p.needled:
            assert p.depth_min is not None and p.depth_max is not None, p.code
            assert 0 < p.depth_max <= 3, p.code
        else:
            assert "no_needling" in p.caution_flags, p.code


def test_not_needled_points() -> None:
    atlas = Atlas.open()
    for code in ("ST17", "CV8"):
        point = atlas.point(code)
        assert point is not None and not point.needled and "no_needling" in point.caution_flags


def test_tentative_locations_have_alternatives(atlas: Atlas) -> None:
    tentative = {"LI19", "LI20", "PC8", "PC9", "GB30", "GV26"}
    with_alt = {p.code for p in atlas.all_points() if p.location_alt}
    assert tentative <= with_alt


CATEGORY_MEMBERS = {
    "jing_well": "LU11 LI1 ST45 SP1 HT9 SI1 BL67 KI1 PC9 TE1 GB44 LR1",
    "ying_spring": "LU10 LI2 ST44 SP2 HT8 SI2 BL66 KI2 PC8 TE2 GB43 LR2",
    "shu_stream": "LU9 LI3 ST43 SP3 HT7 SI3 BL65 KI3 PC7 TE3 GB41 LR3",
    "jing_river": "LU8 LI5 ST41 SP5 HT4 SI5 BL60 KI7 PC5 TE6 GB38 LR4",
    "he_sea": "LU5 LI11 ST36 SP9 HT3 SI8 BL40 KI10 PC3 TE10 GB34 LR8",
    "yuan_source": "LU9 LI4 ST42 SP3 HT7 SI4 BL64 KI3 PC7 TE4 GB40 LR3",
    "luo_connecting": "LU7 LI6 ST40 SP4 HT5 SI7 BL58 KI4 PC6 TE5 GB37 LR5 GV1 CV15 SP21",
    "xi_cleft": "LU6 LI7 ST34 SP8 HT6 SI6 BL63 KI5 PC4 TE7 GB36 LR6 KI8 BL59 KI9 GB35",
    "front_mu": "LU1 CV17 CV14 CV12 LR13 LR14 GB24 GB25 ST25 CV4 CV5 CV3",
    "back_shu": "BL13 BL14 BL15 BL18 BL19 BL20 BL21 BL22 BL23 BL25 BL27 BL28",
    "confluent": "SP4 PC6 SI3 BL62 GB41 TE5 LU7 KI6",
    "influential": "LR13 CV12 CV17 BL17 GB34 LU9 BL11 GB39",
    "lower_he_sea": "ST36 ST37 ST39 BL39 BL40 GB34",
}


@pytest.mark.parametrize(("category", "members"), CATEGORY_MEMBERS.items())
def test_category_membership(atlas: Atlas, category: str, members: str) -> None:
    found = sorted(p.code for p in atlas.points(category=category))
    assert found == sorted(members.split())


def test_category_rows_say_what_they_relate_to(atlas: Atlas) -> None:
    organs = {c.organ for c in atlas.channels() if c.organ}
    for p in atlas.all_points():
        for c in p.categories:
            kind = atlas.category(c.category)
            assert kind is not None
            if c.category in ("front_mu", "back_shu", "lower_he_sea"):
                assert c.relates_to in organs, (p.code, c)
            if c.category in ("jing_well", "ying_spring", "shu_stream", "jing_river", "he_sea",
                              "yuan_source"):  # fmt: skip
                assert c.relates_to == p.channel, (p.code, c)


@pytest.mark.parametrize(
    ("code", "flag"),
    [("LI4", "pregnancy"), ("SP6", "pregnancy"), ("BL60", "pregnancy"), ("BL67", "pregnancy"),
     ("GB21", "pregnancy"), ("GB21", "pneumothorax"), ("LU9", "major_vessel"),
     ("ST9", "major_vessel"), ("ST42", "major_vessel"), ("LI18", "major_vessel"),
     ("ST17", "no_needling"), ("CV8", "no_needling"), ("BL1", "eye"), ("ST1", "eye"),
     ("LU1", "pneumothorax"), ("CV4", "pregnancy")],
)  # fmt: skip
def test_key_caution_flags(atlas: Atlas, code: str, flag: str) -> None:
    point = atlas.point(code)
    assert point is not None and flag in point.caution_flags


def test_flagged_points_explain_their_cautions(atlas: Atlas) -> None:
    for p in atlas.all_points():
        if p.caution_flags:
            assert len(p.cautions) > 40, p.code


_CUN = re.compile(r"(\d+(?:\.\d+)?)\s*(B-cun|F-cun)")


def test_cun_numbers_in_locations_are_plausible(atlas: Atlas) -> None:
    for p in atlas.all_points():
        for text in (p.location, p.location_alt):
            assert not re.search(r"\b(one|two|three|four|five|six)\s+(B-|F-)?cun\b", text), p.code
            for number, unit in _CUN.findall(text):
                value = float(number)
                assert 0 < value <= (19 if unit == "B-cun" else 3), (p.code, number, unit)
                assert (value * 10) == int(value * 10), (p.code, number)
            assert not re.search(r"\d\s*cun\b", text), (p.code, "bare 'cun' without B-/F-")


def test_no_two_points_share_a_location(atlas: Atlas) -> None:
    seen: dict[str, str] = {}
    for p in atlas.all_points():
        key = p.location.strip().lower()
        assert key not in seen, (p.code, seen.get(key))
        seen[key] = p.code


def test_conditions(atlas: Atlas) -> None:
    conditions = {c.id: c for c in atlas.conditions()}
    assert len(conditions) >= 17
    spasms = conditions["muscle_spasms"]
    assert [cp.code for cp in spasms.points[:6]] == ["LI4", "LI10", "GB34", "BL40", "GB20", "LR3"]
    for trigger in ("magnesium", "dehydration", "circulation", "fatigue", "electrolyte",
                    "pregnancy", "medication"):  # fmt: skip
        assert any(trigger in t.lower() for t in spasms.triggers), trigger
    for condition in conditions.values():
        assert condition.points and condition.summary and condition.evidence
        assert "practitioner" in condition.evidence.lower(), condition.id
        for cp in condition.points:
            assert atlas.point(cp.code) is not None and cp.reason
    for required in ("leg_cramps", "low_back_pain", "sciatica", "torticollis", "tension_headache",
                     "fibromyalgia", "muscle_twitching", "headache", "migraine",
                     "neck_shoulder_pain", "knee_pain", "nausea", "insomnia", "anxiety",
                     "menstrual_pain", "digestive_complaints"):  # fmt: skip
        assert required in conditions, required


def test_channels_have_names(atlas: Atlas) -> None:
    for channel in atlas.channels():
        assert channel.english and channel.pinyin and channel.hanzi and channel.colour


def test_condition_reasons_agree_with_the_pregnancy_flag(atlas: Atlas) -> None:
    """A reason that says to avoid a point in pregnancy names a point flagged for it."""
    for condition in atlas.conditions():
        for cp in condition.points:
            point = atlas.point(cp.code)
            assert point is not None
            if "avoid in pregnancy" in cp.reason.lower():
                assert "pregnancy" in point.caution_flags, (condition.id, cp.code)
    sp8 = atlas.point("SP8")
    assert sp8 is not None and "pregnancy" not in sp8.caution_flags
    menstrual = atlas.condition("menstrual_pain")
    assert menstrual is not None and "SP8" not in menstrual.course


def test_no_condition_lists_a_point_inside_a_group_it_also_lists(atlas: Atlas) -> None:
    groups = {"EX-LE5": {"ST35", "EX-LE4"}}  # Xiyan: the inner (EX-LE4) and outer (ST35) knee eye
    for condition in atlas.conditions():
        codes = {cp.code for cp in condition.points}
        for group, members in groups.items():
            if group in codes:
                assert not codes & members, (condition.id, codes & members)


def test_ex_b2_is_never_placed_on_the_neck(atlas: Atlas) -> None:
    """EX-B2 runs from T1 to L5: no condition gives it for the cervical levels."""
    for condition in atlas.conditions():
        for cp in condition.points:
            if cp.code == "EX-B2":
                assert not cp.reason.lower().startswith("cervical"), condition.id
                assert "cervical jiaji" not in cp.reason.lower(), condition.id


def test_condition_details(atlas: Atlas) -> None:
    fibromyalgia = atlas.condition("fibromyalgia")
    assert fibromyalgia is not None and fibromyalgia.name == "Fibromyalgia"
    spasms = atlas.condition("muscle_spasms")
    assert spasms is not None
    assert "5 to 20 needles" in spasms.course and "6 to 12 sessions" in spasms.course
    gv24 = atlas.point("GV24")
    assert gv24 is not None and "forbade needling" in gv24.cautions


#: The phrasing of the WHO standard's location sentences. Every sentence in db/ is our own:
#: a location says where a point is in our words ("Front of the leg: 3 B-cun down from
#: ST35..."), never in the standard's frame ("On the anterior aspect of the leg, ...").
WHO_PHRASING = re.compile(
    r"^(On|In) the\b|\baspect\b|\bregion\b|\b(superior|inferior) to\b|\bat the same level as\b"
    r"|\bmedian line\b|\bline connecting\b|\bdepression\b",
    re.IGNORECASE,
)


def test_location_sentences_are_not_in_the_standards_frame(atlas: Atlas) -> None:
    found = [
        (p.code, m.group(0))
        for p in atlas.all_points()
        for text in (p.location, p.location_alt)
        if (m := WHO_PHRASING.search(text))
    ]
    assert not found
