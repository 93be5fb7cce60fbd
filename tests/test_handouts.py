"""Handouts for patients: only the self-care text, in plain words, with a picture of the
point; refused, saying why and offering the point sheet, for a point that has none."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from paper import check_placed, pdf_text, squeeze
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from atlas import cli
from atlas.core import Atlas
from atlas.core.userdata import Plan, UserData
from atlas.printing import dialogs
from atlas.printing.handout import Handout, HandoutRefused, printable
from atlas.printing.render import ensure_gui, write_pdf

#: What a handout never says: needling, the practitioner's words for the person on the
#: couch, or instructions meant for the practitioner.
NEEDLING = (
    r"needl\w*|insert\w*|puncture\w*|prick\w*|acupunctur\w*|lancet|electro\w*|moxa\w*"
    r"|moxibustion|depth|perpendicular\w*|oblique\w*|transverse\w*|retain\w*|retention"
    r"|stimulat\w*|[BF]-cun|cun"
)
PATIENT = r"patients?|the person|clients?"
INSTRUCTIONS = (
    r"seat (?:the|them)|have (?:the|them)|ask them|lying face down|prone|supine"
    r"|with the \w+ lying|palpate|locate the point"
)
FORBIDDEN = re.compile(rf"\b({NEEDLING}|{PATIENT}|{INSTRUCTIONS})\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> Iterator[None]:
    ensure_gui()
    yield


def handout_codes(atlas: Atlas) -> list[str]:
    """Every point the atlas prints a handout for."""
    return [p.code for p in atlas.all_points() if (c := atlas.self_care(p.code)) and c.suitable]


def test_the_test_catches_practitioner_words() -> None:
    caught = ["Seat the patient", "the needle goes beside the pulse", "before needling",
              "With the patient prone", "3 B-cun below the knee", "Have them lie down",
              "0.5–1 cun deep", "electroacupuncture"]  # fmt: skip
    fine = ["Press with your thumb for 1 minute.", "Ask your practitioner.", "Do not press."]
    assert [t for t in caught if not FORBIDDEN.search(t)] == []
    assert [t for t in fine if FORBIDDEN.search(t)] == []


def test_every_handout_the_atlas_prints_is_in_plain_words(atlas: Atlas, tmp_path: Path) -> None:
    codes = handout_codes(atlas)
    assert len(codes) >= 40
    out = tmp_path / "all.pdf"
    result = write_pdf(Handout(atlas, codes), out, "a4")
    pages = pdf_text(out)
    assert len(pages) == result.pages == len(codes)
    check_placed(result.placed)
    assert [p.text[:40] for p in result.placed if p.elided and p.kind != "line"] == []
    said = []
    for code, text in zip(codes, pages, strict=True):
        care, point = atlas.self_care(code), atlas.point(code)
        assert care is not None and point is not None
        flat = squeeze(text)
        for words in (care.where_text, care.how, care.used_for, care.avoid):
            assert squeeze(words) in flat, (code, words[:40])
        assert squeeze(point.location) not in flat and squeeze(point.cautions) not in flat
        said += [(code, m.group()) for m in FORBIDDEN.finditer(text)]
    assert said == []
    # a picture of the point, with nothing on it but the point's own markers
    assert {m.text for m in result.marks} == set(codes)
    assert {m.kind for m in result.marks} == {"marker"}


@pytest.mark.parametrize(
    ("code", "reason"),
    [("LU3", "the atlas has no words for patients for it yet"),
     ("HT1", "right over a large artery"),
     ("BL1", "could hurt your eye")],
)  # fmt: skip
def test_a_point_without_a_handout_is_refused_with_its_reason(
    atlas: Atlas, code: str, reason: str
) -> None:
    with pytest.raises(HandoutRefused) as refused:
        Handout(atlas, ["LI4", code])
    assert refused.value.code == code and reason in refused.value.reason
    assert str(refused.value).startswith(f"there is no handout for {code}: ")
    assert "\n" not in str(refused.value)
    codes, others = printable(atlas, ["LI4", code, "ST36"])
    assert codes == ["LI4", "ST36"]
    assert [(r.code, r.reason) for r in others] == [(code, refused.value.reason)]


def test_the_command_line_refuses_in_one_line_and_offers_the_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.pdf"
    status = cli.main(["print", "--handout", "HT1", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1 and not out.exists()
    assert len(err.strip().splitlines()) == 1
    assert "no handout for HT1" in err and "artery" in err and "atlas print HT1" in err
    status = cli.main(["print", "--handout", "LI4", "GB34", "-o", str(out)])
    assert status == 0 and len(pdf_text(out)) == 2


def test_a_plan_handout_leaves_out_what_cannot_be_pressed(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with UserData.open(data_dir) as store:
        store.save_plan(Plan(None, "Neck", ("GB20", "HT1", "LI4")))
        store.save_plan(Plan(None, "Eyes", ("BL1", "ST1")))
    out = tmp_path / "h.pdf"
    assert cli.main(["print", "--plan", "Neck", "--handout", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "left out of the handout: HT1" in err
    assert len(pdf_text(out)) == 2
    assert cli.main(["print", "--plan", "Eyes", "--handout", "-o", str(out), "-f"]) == 1
    err = capsys.readouterr().err
    assert "no point of the plan 'Eyes' has a handout" in err and len(err.splitlines()) == 1


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press `button` on the next message box that opens, noting its text."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(20, press)


# The offscreen test platform itself says this for any top-level window; nothing else may.
@pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")
def test_the_window_refuses_in_a_message_box_and_makes_the_sheet_instead(
    atlas: Atlas, tmp_path: Path, qtbot: object
) -> None:
    seen: list[str] = []
    out = tmp_path / "instead.pdf"
    answer_next_box(QMessageBox.StandardButton.Yes, seen)
    assert dialogs.export_handout_pdf(None, atlas, ["HT1"], path=out) == out
    assert "There is no handout for HT1" in seen[0] and "artery" in seen[0]
    assert "point sheet" in seen[0]
    text = pdf_text(out)[0]
    assert "Jíquán" in text and "Technique".upper() in text  # the point sheet
    answer_next_box(QMessageBox.StandardButton.No, seen)
    assert dialogs.export_handout_pdf(None, atlas, ["BL1"], path=tmp_path / "no.pdf") is None
    assert not (tmp_path / "no.pdf").exists() and "eye" in seen[1]
