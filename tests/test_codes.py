"""The code normaliser: every common spelling of a code gives the WHO form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atlas.core.codes import (
    CHANNEL_SIZES,
    CODE_STYLES,
    EX_GROUPS,
    OLDER_EXTRA_CODES,
    channel_of,
    format_code,
    format_codes_in,
    parse_code,
    sort_key,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LI4", "LI4"),
        ("li4", "LI4"),
        ("LI-4", "LI4"),
        ("LI 4", "LI4"),
        ("LI04", "LI4"),
        ("Li.4", "LI4"),
        ("  li 04 ", "LI4"),
        ("Large Intestine 4", "LI4"),
        ("large-intestine 4", "LI4"),
        ("LIV3", "LR3"),
        ("LV3", "LR3"),
        ("Liver 3", "LR3"),
        ("UB40", "BL40"),
        ("B40", "BL40"),
        ("Bladder 40", "BL40"),
        ("Urinary Bladder 40", "BL40"),
        ("SJ5", "TE5"),
        ("TW5", "TE5"),
        ("TH5", "TE5"),
        ("TB5", "TE5"),
        ("San Jiao 5", "TE5"),
        ("Triple Burner 5", "TE5"),
        ("DU20", "GV20"),
        ("Du 20", "GV20"),
        ("Governing Vessel 20", "GV20"),
        ("REN12", "CV12"),
        ("Ren-12", "CV12"),
        ("RN12", "CV12"),
        ("Conception Vessel 12", "CV12"),
        ("P6", "PC6"),
        ("PE6", "PC6"),
        ("Pericardium 6", "PC6"),
        ("K1", "KI1"),
        ("KID3", "KI3"),
        ("H7", "HT7"),
        ("Heart 7", "HT7"),
        ("S36", "ST36"),
        ("Stomach 36", "ST36"),
        ("SP6", "SP6"),
        ("Spleen 6", "SP6"),
        ("GB34", "GB34"),
        ("Gall Bladder 34", "GB34"),
        ("Gallbladder 34", "GB34"),
        ("SI3", "SI3"),
        ("Small Intestine 3", "SI3"),
        ("LU7", "LU7"),
        ("Lung 7", "LU7"),
        ("L7", "LU7"),
        ("EX-HN3", "EX-HN3"),
        ("ex-hn3", "EX-HN3"),
        ("EXHN3", "EX-HN3"),
        ("EX HN 3", "EX-HN3"),
        ("Ex-HN-03", "EX-HN3"),
        ("EX-B2", "EX-B2"),
        ("EX-UE11", "EX-UE11"),
        ("EX-LE12", "EX-LE12"),
        ("EX-CA1", "EX-CA1"),
        ("M-HN-3", "EX-HN3"),
        ("m-hn-3", "EX-HN3"),
        ("MHN3", "EX-HN3"),
        ("M HN 03", "EX-HN3"),
        ("M-BW-35", "EX-B2"),
        ("M-UE-24", "EX-UE8"),
        ("M-LE-16", "EX-LE5"),
        ("M-CA-18", "EX-CA1"),
        ("GV20\u2013", None),
    ],
)
def test_parse_code_forms(text: str, expected: str | None) -> None:
    parsed = parse_code(text)
    assert (parsed.code if parsed else None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "LI",
        "LI0",
        "LU12",
        "BL68",
        "GV29",
        "EX-HN16",
        "EX-CA2",
        "XX4",
        "hegu",
        "4",
        "LI4a",
        "Liver",
        "L 4 5",
        "LI-4-5",
        "EX-ZZ1",
        "GB 45",
        "Large Intestine",
        "M-HN-20",  # Jinjin and Yuye together: no single WHO point
        "M-HN-2",
        "M-XX-3",
    ],
)
def test_parse_code_rejects(text: str) -> None:
    assert parse_code(text) is None


def test_every_who_code_round_trips() -> None:
    for channel, size in CHANNEL_SIZES.items():
        for number in range(1, size + 1):
            code = f"{channel}{number}"
            parsed = parse_code(code)
            assert parsed is not None and parsed.code == code
            assert parsed.channel == channel and parsed.number == number
            assert parse_code(f"{channel.lower()}-{number:02d}") == parsed
    for group, size in EX_GROUPS.items():
        for number in range(1, size + 1):
            parsed = parse_code(f"EX-{group}{number}")
            assert parsed is not None and parsed.channel == "EX" and parsed.group == group


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lr", "LR"),
        ("Liver", "LR"),
        ("LIV", "LR"),
        ("sj", "TE"),
        ("Triple Energizer", "TE"),
        ("Lung Meridian", "LU"),
        ("ex", "EX"),
        ("du mai", "GV"),
        ("nothing", None),
    ],
)
def test_channel_of(text: str, expected: str | None) -> None:
    assert channel_of(text) == expected


def test_sort_key_orders_like_the_atlas() -> None:
    codes = ["GV1", "LI10", "EX-B1", "LI2", "LU11", "EX-HN1", "CV24"]
    assert sorted(codes, key=sort_key) == ["LU11", "LI2", "LI10", "GV1", "CV24", "EX-HN1", "EX-B1"]


@given(st.text(max_size=60))
def test_parse_code_never_raises(text: str) -> None:
    parsed = parse_code(text)
    if parsed is not None:
        assert parse_code(parsed.code) == parsed


def test_every_older_extra_code_is_a_who_extra_point() -> None:
    assert len(OLDER_EXTRA_CODES) == len(set(OLDER_EXTRA_CODES.values()))
    for older, who in OLDER_EXTRA_CODES.items():
        parsed = parse_code(older)
        assert parsed is not None and parsed.code == who and parsed == parse_code(who)


@pytest.mark.parametrize(
    ("who", "older"),
    [("LR3", "LIV3"), ("BL40", "UB40"), ("TE5", "SJ5"), ("GV20", "DU20"), ("CV12", "REN12"),
     ("KI1", "K1"), ("PC6", "P6"), ("LU7", "LU7"), ("LI4", "LI4"), ("ST36", "ST36"),
     ("SP6", "SP6"), ("HT7", "HT7"), ("SI3", "SI3"), ("GB34", "GB34"), ("EX-HN3", "EX-HN3")],
)  # fmt: skip
def test_format_code_styles(who: str, older: str) -> None:
    assert format_code(who, "older") == older
    assert format_code(older, "who") == who
    assert format_code(who.lower(), "who") == who


def test_every_code_round_trips_through_both_styles() -> None:
    codes = [f"{c}{n}" for c, size in CHANNEL_SIZES.items() for n in range(1, size + 1)]
    codes += [f"EX-{g}{n}" for g, size in EX_GROUPS.items() for n in range(1, size + 1)]
    for code in codes:
        for style in CODE_STYLES:
            shown = format_code(code, style)
            parsed = parse_code(shown)
            assert parsed is not None and parsed.code == code, (code, style, shown)


def test_format_code_leaves_other_text_and_refuses_unknown_styles() -> None:
    assert format_code("hegu", "older") == "hegu"
    with pytest.raises(ValueError, match="unknown code style 'tcm'"):
        format_code("LI4", "tcm")


def test_codes_in_sentences_follow_the_style() -> None:
    text = "SI19 and TE21 lie above it; compare LR3, EX-HN3 and the 1ST36 typo."
    assert format_codes_in(text, "who") == text
    assert format_codes_in(text, "older") == (
        "SI19 and SJ21 lie above it; compare LIV3, EX-HN3 and the 1ST36 typo."
    )
