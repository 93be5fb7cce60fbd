"""`atlas study stats`: per deck, the cards due, learned and the accuracy."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from atlas.cli import main
from atlas.core import Atlas
from atlas.core.study import Deck, StudySession
from atlas.core.study.locate import spots
from atlas.core.userdata import UserData


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def study(atlas: Atlas, folder: Path, deck: str, misses: set[str], answers: int) -> None:
    """Answer `answers` locate questions of a deck an hour ago, missing the points named."""
    now = datetime.now(UTC) - timedelta(hours=1)
    with UserData.open(folder) as userdata:
        session = StudySession(atlas, userdata, Deck.parse(deck), "locate", clock=lambda: now)
        for _ in range(answers):
            question = session.next()
            assert question is not None and question.view is not None
            where = spots(atlas, question.code, question.view)[0]
            session.answer_click(where.x + (50 if question.code in misses else 0), where.y)


def test_stats_per_deck(capsys: pytest.CaptureFixture[str], atlas: Atlas, data_dir: Path) -> None:
    status, out, _ = run(capsys, "study", "stats")
    assert status == 0
    assert re.split(r"\s{2,}", out.splitlines()[1]) == ["All points", "0", "0", "0", "no answers"]

    study(atlas, data_dir, "channel:LU", {"LU2"}, 4)
    study(atlas, data_dir, "category:xi_cleft", set(), 2)
    status, out, _ = run(capsys, "study", "stats")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Deck", "Due", "Learned", "Studied", "Accuracy"]
    rows = {title: rest for title, *rest in (re.split(r"\s{2,}", line.strip()) for line in lines)}
    # the missed LU2 is due again (its first step was a minute); the rest were found: Easy
    assert rows["All points"] == ["1", "5", "6", "83% of 6"]
    # a deck counts its points' cards from every deck: LU6 was studied as a xi-cleft point
    assert rows["Lung Meridian (LU)"] == ["1", "4", "5", "80% of 5"]
    assert rows["Xi-cleft point"] == ["0", "2", "2", "100% of 2"]  # LU6 and LI7

    status, out, _ = run(capsys, "study", "stats", "--json")
    assert status == 0
    decks = json.loads(out)
    assert [d["deck"] for d in decks] == ["all", "channel:LU", "category:xi_cleft"]
    assert decks[1] == {
        "deck": "channel:LU",
        "title": "Lung Meridian (LU)",
        "due": 1,
        "learned": 4,
        "studied": 5,
        "answers": 5,
        "passed": 4,
        "accuracy": 0.8,
    }


def test_stats_usage_is_one_line(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    for args in (["study"], ["study", "marks"], ["study", "stats", "--loud"]):
        status, out, err = run(capsys, *args)
        assert status == 2 and out == "" and len(err.strip().splitlines()) == 1
