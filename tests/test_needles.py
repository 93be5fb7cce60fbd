"""The needle count (issues #13, item 3, and #16, item 2): every location on every side,
nothing for a point that is never needled."""

from __future__ import annotations

import pytest

from atlas.core import Atlas


@pytest.mark.parametrize(
    ("code", "both", "one_side"),
    [
        ("LI4", 2, 1),  # a paired point
        ("GB34", 2, 1),  # drawn on the side view only, still a pair
        ("EX-LE6", 2, 1),  # an extra point drawn on the side view only
        ("GV20", 1, 1),  # the midline: one, whatever the side
        ("EX-B5", 1, 1),  # an extra point on the midline
        ("EX-B2", 34, 17),  # T1 to L5 beside the spine
        ("EX-UE11", 10, 5),  # five fingertips a hand
        ("EX-UE9", 8, 4),
        ("EX-LE5", 4, 2),  # two eyes of each knee
        ("EX-LE12", 10, 5),
        ("CV8", 0, 0),  # never needled
        ("ST17", 0, 0),
    ],
)
def test_every_location_on_every_side(atlas: Atlas, code: str, both: int, one_side: int) -> None:
    assert atlas.needle_count(code) == both
    assert atlas.needle_count(code, "both") == atlas.needle_count(code, "") == both
    assert atlas.needle_count(code, "left") == atlas.needle_count(code, "right") == one_side


def test_a_group_with_midline_and_paired_locations(atlas: Atlas) -> None:
    # EX-HN1: in front of and behind GV20 on the midline, and one to each side of it
    assert atlas.needle_count("EX-HN1") == 4
    assert atlas.needle_count("EX-HN1", "left") == 3


def test_a_point_on_one_side_only(atlas: Atlas) -> None:
    # the two veins under the tongue: EX-HN12 on the left, EX-HN13 on the right
    assert atlas.needle_count("EX-HN12") == atlas.needle_count("EX-HN12", "left") == 1
    assert atlas.needle_count("EX-HN12", "right") == 0
    assert atlas.needle_count("EX-HN13", "right") == 1
    assert atlas.needle_count("EX-HN13", "left") == 0


def test_codes_in_any_form_and_unknown_codes(atlas: Atlas) -> None:
    assert atlas.needle_count("li-4") == 2
    assert atlas.needle_count("M-HN-3") == 1  # EX-HN3, on the midline
    assert atlas.needle_count("XX99") == 0
    with pytest.raises(ValueError, match="unknown side 'up'"):
        atlas.needle_count("LI4", "up")


def test_every_point_not_needled_counts_nothing_and_every_other_something(atlas: Atlas) -> None:
    for point in atlas.all_points():
        count = atlas.needle_count(point.code)
        if point.needled and point.depth_min is not None:
            assert count >= 1, point.code
        else:
            assert count == 0, point.code
