"""The names of landmarks read as an atlas writes them: they are shown at the ends of a
point's measuring guide, so "ics5" or "L2-below" must never reach the user."""

from __future__ import annotations

import re

import pytest

from atlas.core import Atlas
from atlas.core.anatomy.names import landmark_name


@pytest.mark.parametrize(
    ("ident", "shown"),
    [
        ("ics5", "5th intercostal space"),
        ("ics4_axillary", "4th intercostal space, midaxillary line"),
        ("ics6_nipple_line", "6th intercostal space, nipple line"),
        ("L2-below", "below the L2 spinous process"),
        ("C7", "C7 spinous process"),
        ("coccyx-below", "below the coccyx"),
        ("asis", "ASIS"),
        ("sf2_level", "level of the 2nd sacral foramen"),
        ("sacral_foramen3", "3rd sacral foramen"),
        ("rib11_tip", "tip of the 11th rib"),
        ("mcp_2_3", "MCP 2–3"),
        ("eop_upper", "external occipital protuberance"),
        ("scm_front_angle", "sternocleidomastoid front angle"),
        ("medial_malleolus", "medial malleolus"),
    ],
)
def test_a_landmark_reads_as_an_atlas_writes_it(ident: str, shown: str) -> None:
    assert landmark_name(ident) == shown


ENGINE_WORDS = re.compile(r"_|-below|\bics\d|\bsf\d|\bscm\b|\basis\b|\beop\b|[a-z]\d")


def test_no_landmark_in_the_database_shows_an_engine_name(atlas: Atlas) -> None:
    names = {row["name"] for row in atlas.table("landmarks")}
    assert names
    bad = sorted(n for n in names if ENGINE_WORDS.search(n))
    assert not bad, bad
