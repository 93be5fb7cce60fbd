"""The code normaliser: every common spelling of a code gives the WHO form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atlas.core.codes import CHANNEL_SIZES, EX_GROUPS, channel_of, parse_code, sort_key


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
