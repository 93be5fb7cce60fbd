"""The plan sheet: what a clinic writes on it, every point numbered and visible on the
body, the needles counted location by location, and no type under 8.5 points."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from paper import check_placed, overlapping, pdf_text

from atlas.core import Atlas
from atlas.core.userdata import Plan
from atlas.printing.plan import TYPE, PlanSheet
from atlas.printing.render import ensure_gui, write_pdf

#: Sixteen points for low back pain and sciatica, with CV8 (never needled: moxibustion
#: on salt) and EX-B2 (a row of locations, T1 to L5, on both sides).
LOW_BACK = ("BL23", "BL25", "GV4", "GV3", "EX-B2", "BL40", "BL57", "BL60", "GB30", "GB34",
            "KI3", "LI4", "LR3", "SP6", "CV8", "ST36")  # fmt: skip


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> Iterator[None]:
    ensure_gui()
    yield


def test_a_plan_of_sixteen_points_counts_its_needles(atlas: Atlas, tmp_path: Path) -> None:
    sheet = PlanSheet(atlas, Plan(None, "Low back", LOW_BACK))
    # twelve pairs, two points on the midline, EX-B2's seventeen levels on each side,
    # and nothing for CV8
    assert sheet.needle_count == 12 * 2 + 2 + 17 * 2 + 0
    out = tmp_path / "plan.pdf"
    write_pdf(sheet, out, "a4")
    text = " ".join(pdf_text(out))
    assert "60 needles per session" in text and "CV8 is not needled" in text
    assert "Midline · 1 needle" in text and "Both sides · 34 needles" in text


def test_every_marker_of_a_plan_is_visible(atlas: Atlas, tmp_path: Path) -> None:
    result = write_pdf(PlanSheet(atlas, Plan(None, "Low back", LOW_BACK)), tmp_path / "p.pdf")
    numbers = [m for m in result.marks if m.kind == "number"]
    dots = [m for m in result.marks if m.kind == "dot"]
    assert dots and numbers
    # no number covers another number or a dot, and each stays in its picture
    assert overlapping(result.marks, {"number"}, {"number", "dot"}) == []
    assert all(m.picture.contains(m.box) for m in numbers)
    # every point seen in a picture has its number there
    for picture in {(m.page, m.picture.getRect()) for m in dots}:
        seen = {m.text for m in dots if (m.page, m.picture.getRect()) == picture}
        shown = {m.text for m in numbers if (m.page, m.picture.getRect()) == picture}
        wanted = {str(LOW_BACK.index(code) + 1) for code in seen}
        assert wanted == shown, picture


def test_the_sheet_is_set_in_type_a_clinic_can_read(atlas: Atlas, tmp_path: Path) -> None:
    codes = ("GB20", "GB21", "LI4", "GV14", "LR3", "ST36", "CV12", "SI3")
    plan = Plan(None, "Neck & shoulder", codes, "Check blood pressure first.")
    out = tmp_path / "plan.pdf"
    result = write_pdf(PlanSheet(atlas, plan), out, "a4")
    check_placed(result.placed)
    assert min(p.size for p in result.placed) >= TYPE - 0.01
    text = " ".join(pdf_text(out))
    for code in codes:
        assert code in text
    assert "Check blood pressure first." in text
    assert "Patient" in text and "Session" in text and "Retention" in text
    assert "Stimulation" in text


def test_codes_in_the_older_style(atlas: Atlas, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    write_pdf(PlanSheet(atlas, Plan(None, "Liver", ("LR3", "BL18", "TE5")), "older"), out)
    text = " ".join(pdf_text(out))
    assert "LIV3" in text and "UB18" in text and "SJ5" in text


def test_the_clinics_fields_and_each_points_side_are_printed(atlas: Atlas, tmp_path: Path) -> None:
    plan = Plan(None, "Knee and back", ("LI4", "GB34", "CV8", "EX-B2"),
                sides=("left", "both", "", "right"), patient="Ann Example", date="2026-12-07",
                session=3, sessions=10, retention=20, stimulation="electric")  # fmt: skip
    sheet = PlanSheet(atlas, plan)
    # LI4 on the left, GB34 on both sides, CV8 not needled, EX-B2 down the right side
    assert sheet.needle_count == 1 + 2 + 0 + 17
    out = tmp_path / "plan.pdf"
    write_pdf(sheet, out)
    text = " ".join(pdf_text(out))
    for shown in ("Ann Example", "2026-12-07", "3 of 10", "20 minutes", "electric",
                  "Left side · 1 needle", "Both sides · 2 needles", "Right side · 17 needles",
                  "20 needles per session"):  # fmt: skip
        assert shown in text, shown
    assert "☐" not in text  # the stimulation is written, not left to tick


def test_a_point_not_needled_says_so_once(atlas: Atlas, tmp_path: Path) -> None:
    """CV8's row says "not needled" once (beside its count), and its moxibustion reads
    as one sentence ("Moxibustion: the main treatment")."""
    out = tmp_path / "plan.pdf"
    write_pdf(PlanSheet(atlas, Plan(None, "Low back", LOW_BACK)), out, "a4")
    text = " ".join(pdf_text(out))
    row = text[text.index("15 CV8") : text.index("16 ST36")]
    assert row.lower().count("not needled") == 1, row
    assert "Moxibustion: the main treatment" in row
    assert "Moxibustion: Suitable" not in text and "Moxibustion: suitable" in text
