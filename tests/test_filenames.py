"""File names made from titles are valid on Windows, macOS and Linux."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atlas.core.filenames import FORBIDDEN, MAX_BYTES, RESERVED, safe_file_name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Treatment plan: Low back", "Treatment plan - Low back"),
        ("LI4/ST36", "LI4-ST36"),
        ('a<b>c"d|e?f*g\\h', "a-b-c-d-e-f-g-h"),
        ("Q: what?", "Q - what"),
        ("tab\there\nnew line\x00", "tab here new line"),
        ("  ..hidden", "hidden"),
        ("--rf", "rf"),
        ("ends with a dot.", "ends with a dot"),
        ("con", "con_"),
        ("COM1", "COM1_"),
        ("nul.txt", "nul_.txt"),
        ("lpt¹", "lpt¹_"),
        ("Conditions", "Conditions"),  # only the whole name is reserved
        ("合谷 Hegu", "合谷 Hegu"),
        ("???", "Acupoint Atlas"),
        ("", "Acupoint Atlas"),
    ],
)
def test_titles_become_names(title: str, name: str) -> None:
    assert safe_file_name(title) == name


def test_long_titles_are_cut_between_characters() -> None:
    for title in ("x" * 400, "合谷" * 200, "é" * 300):
        name = safe_file_name(title)
        assert 0 < len(name.encode()) <= MAX_BYTES
        assert title.startswith(name)


def valid_everywhere(name: str) -> bool:
    return (
        bool(name)
        and not any(c in FORBIDDEN or unicodedata.category(c) == "Cc" for c in name)
        and name[0] not in " .-"
        and name[-1] not in " ."
        and name.partition(".")[0].rstrip(" ").upper() not in RESERVED
        and len(name.encode()) <= MAX_BYTES + 1
    )


@given(st.text())
def test_every_title_gives_a_valid_name(title: str) -> None:
    name = safe_file_name(title)
    assert valid_everywhere(name), repr(name)
    assert safe_file_name(name) == name


@given(st.text(alphabet=st.sampled_from([*FORBIDDEN, " ", ".", "-", "C", "O", "N", "1", "é"])))
def test_awkward_titles_give_valid_names(title: str) -> None:
    assert valid_everywhere(safe_file_name(title))
