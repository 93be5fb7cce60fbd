"""Self-care text for patients (db/selfcare.toml): checked when built, plain when read."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from atlas.core import Atlas, build, paths, sources
from atlas.core.model import SelfCare

#: Points commonly taught for pressing at home: each has text a patient can follow.
TAUGHT = ("LI4 LI10 LI11 GB20 GB21 GB34 LR3 ST36 PC6 SP6 HT7 LU7 KI3 TE5 SI3 GV20 EX-HN3 "
          "EX-HN5 ST25 CV6 CV12 ST40 SP9 BL2").split()  # fmt: skip
#: Points a person should not press on their own (artery, eye, nipple, navel).
UNSUITABLE = "HT1 BL1 ST1 ST9 ST17 CV8".split()

# ---------------------------------------------------------------- the plain-language test

NEEDLING = r"needl\w*|insert\w*|puncture\w*|prick\w*|acupunctur\w*|lancet|electro\w*|moxa\w*"
NOT_FOR_PATIENTS = (
    r"patients?|the person|clients?|practitioner's hands|seat\w*|prone|supine|lying face down"
    r"|have them|ask them|with the person lying"
)
#: Anatomical Latin and measuring jargon a patient should not have to learn.
JARGON = (
    r"radial|ulnar|dorsal|dorsum|palmar|plantar|fibular|tibial|tibia|fibula|aspect|proximal"
    r"|distal|lateral|medial|anterior|posterior|superior|inferior|B-cun|F-cun|cun|malleol\w*"
    r"|metacarp\w*|metatars\w*|intercostal|phalan\w*|patella\w*|umbilic\w*|sternum|sternal"
    r"|clavic\w*|scapula\w*|vertebra\w*|spinous|occipital|occiput|mastoid|trapezius|popliteal"
    r"|axilla\w*|cubital|styloid|condyle|epicondyle|trochanter|iliac|fossa|foramen|process"
    r"|meridian|qi|yin|yang|[A-Z]{2}\d+|EX-[A-Z]+\d+"
)
PROMISES = r"cures?|cured|heals?|guarantee\w*|always works"
FORBIDDEN = re.compile(rf"\b({NEEDLING}|{NOT_FOR_PATIENTS}|{JARGON}|{PROMISES})\b", re.IGNORECASE)


def self_care_texts(atlas: Atlas) -> list[tuple[str, str, str]]:
    """(code, field, text) for every piece of self-care text in the atlas."""
    out = []
    for point in atlas.all_points():
        care = atlas.self_care(point.code)
        if care is not None:
            for field in ("where_text", "how", "used_for", "avoid", "unsuitable"):
                text = getattr(care, field)
                if text:
                    out.append((point.code, field, text))
    return out


def test_the_plain_language_test_catches_what_it_should() -> None:
    bad = ["the needle goes beside the pulse", "Seat the patient", "With the patient prone",
           "on the fibular aspect", "4 B-cun below ST35", "distal to the knuckle",
           "This cures headaches", "before needling", "Have them lie supine",
           "with the person lying down", "the radial side", "the lateral malleolus"]  # fmt: skip
    good = ["Press the web between your thumb and index finger with your other thumb.",
            "Four finger widths below your kneecap, on the outside of the shin bone.",
            "Not if you are pregnant."]  # fmt: skip
    assert [text for text in bad if not FORBIDDEN.search(text)] == []
    assert [text for text in good if FORBIDDEN.search(text)] == []


def test_self_care_text_is_in_plain_words(atlas: Atlas) -> None:
    texts = self_care_texts(atlas)
    assert len(texts) > 150
    found = [(code, field, m.group(0)) for code, field, text in texts
             for m in FORBIDDEN.finditer(text)]  # fmt: skip
    assert not found


def test_self_care_sentences_are_short(atlas: Atlas) -> None:
    """Written for a reader of about 12: no sentence runs past 30 words."""
    for code, field, text in self_care_texts(atlas):
        for sentence in re.split(r"(?<=[.!?;:])\s+", text):
            assert len(sentence.split()) <= 30, (code, field, sentence)


def test_where_speaks_to_the_reader(atlas: Atlas) -> None:
    for code, field, text in self_care_texts(atlas):
        if field == "where_text":
            assert re.search(r"\byour?\b", text, re.IGNORECASE), code


def test_how_says_how_long_and_which_sides(atlas: Atlas) -> None:
    for point in atlas.all_points():
        care = atlas.self_care(point.code)
        if care is None or not care.suitable:
            continue
        assert re.search(r"minute|second|breath", care.how), point.code
        other_side = re.search(r"\bother (side|hand|arm|leg|foot|knee|wrist|ankle|shoulder)",
                               care.how)  # fmt: skip
        assert bool(other_side) == point.is_bilateral, point.code


def test_pregnancy_flag_is_always_in_avoid(atlas: Atlas) -> None:
    flagged = 0
    for point in atlas.all_points():
        care = atlas.self_care(point.code)
        if care is not None and care.suitable and "pregnancy" in point.caution_flags:
            assert "pregnan" in care.avoid.lower(), point.code
            flagged += 1
    assert flagged >= 5  # LI4, SP6, GB21, ST25, CV6 at least


def test_avoid_names_skin_and_on_the_legs_varicose_veins(atlas: Atlas) -> None:
    legs = {"thigh", "knee", "leg", "ankle", "foot", "toes", "sole"}
    for point in atlas.all_points():
        care = atlas.self_care(point.code)
        if care is None or not care.suitable:
            continue
        assert "skin" in care.avoid, point.code
        if point.region in legs:
            assert "varicose" in care.avoid, point.code


def test_points_taught_for_self_care(atlas: Atlas) -> None:
    suitable = [p.code for p in atlas.all_points() if (c := atlas.self_care(p.code)) and c.suitable]
    assert 40 <= len(suitable) <= 60
    assert set(TAUGHT) <= set(suitable)
    for code in UNSUITABLE:
        care = atlas.self_care(code)
        assert care is not None and not care.suitable and care.unsuitable, code
        assert care.where_text == care.how == care.used_for == care.avoid == "", code


def test_self_care_accessor(atlas: Atlas) -> None:
    care = atlas.self_care("li-4")
    assert isinstance(care, SelfCare) and care.code == "LI4" and care.suitable
    assert care.where_text and care.how and care.used_for and care.avoid and not care.unsuitable
    assert atlas.self_care("LI4") == care
    assert atlas.self_care("LU3") is None  # a real point without self-care text
    assert atlas.self_care("XX99") is None
    assert atlas.self_care("") is None


def test_self_care_table_is_public(atlas: Atlas) -> None:
    rows = atlas.table("self_care", {"code": "HT1"})
    assert len(rows) == 1
    assert {"code", "where_text", "how", "used_for", "avoid", "unsuitable"} <= set(rows[0])
    assert rows[0]["unsuitable"]


# ---------------------------------------------------------------- the build checks the file

GOOD = """
[LI4]
where = "In the web between your thumb and first finger."
how = "Press with your other thumb for 1 minute, then do the other hand."
used_for = "Headache."
avoid = "Not on broken skin, and not if you are pregnant."

[HT1]
unsuitable = "It lies over a large artery in the armpit."
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A copy of the real db/ whose selfcare.toml holds GOOD."""
    root = tmp_path / "db"
    shutil.copytree(paths.source_dir(), root)
    (root / "selfcare.toml").write_text(GOOD, encoding="utf-8")
    return root


def _problems(root: Path, text: str) -> list[str]:
    (root / "selfcare.toml").write_text(text, encoding="utf-8")
    with pytest.raises(sources.BuildError) as info:
        build.load_sources(root)
    return [str(p) for p in info.value.problems]


def test_good_self_care_loads(source: Path) -> None:
    rows = {r["code"]: r for r in build.load_sources(source).self_care}
    assert set(rows) == {"LI4", "HT1"}
    assert rows["LI4"]["where_text"].startswith("In the web") and rows["LI4"]["unsuitable"] == ""
    assert rows["HT1"]["unsuitable"] and rows["HT1"]["how"] == ""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[LI4]", "[LI99]", "LI99: unknown point"),
        ("[LI4]", "[li-4]", "li-4: write the code as LI4"),
        ('avoid = "Not on broken skin, and not if you are pregnant."\n', "",
         "LI4: missing field 'avoid'"),
        ('used_for = "Headache."', 'used_for = ""', "LI4: field 'used_for' is empty"),
        ('used_for = "Headache."', "used_for = 3", "LI4: field 'used_for' should be text"),
        ('used_for = "Headache."', 'usedfor = "Headache."', "LI4: unknown field 'usedfor'"),
        ('[HT1]\nunsuitable', '[HT1]\nhow = "Gently."\nunsuitable',
         "HT1: give either 'unsuitable' or the self-care text, not both"),
        ('unsuitable = "It lies over a large artery in the armpit."', 'unsuitable = " "',
         "HT1: field 'unsuitable' is empty"),
    ],
)  # fmt: skip
def test_broken_self_care_names_file_point_and_problem(
    source: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD
    problems = _problems(source, GOOD.replace(old, new))
    assert any(p.startswith("db/selfcare.toml: ") and message in p for p in problems), problems


def test_each_point_is_a_table(source: Path) -> None:
    problems = _problems(source, "HT1 = 'no'\n" + GOOD.split("[HT1]")[0])
    assert "db/selfcare.toml: HT1: should be a table ([HT1])" in problems


def test_self_care_that_is_not_toml_names_the_file(source: Path) -> None:
    problems = _problems(source, "[LI4\nwhere = ")
    assert problems[0].startswith("db/selfcare.toml: not valid TOML")
