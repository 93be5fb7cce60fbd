"""Study mode's core, without Qt: scoring, questions, card choice, storage, progress."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler, State

from atlas.core import Atlas
from atlas.core.study import Deck, StudySession, StudySettings, StudyStore, best_view
from atlas.core.study.decks import deck_codes
from atlas.core.study.drills import (
    DRILLS,
    check_choice,
    check_typed,
    make_question,
    rate_locate,
    read_point,
)
from atlas.core.study.locate import locate_error, locate_offset, spots, views
from atlas.core.study.progress import by_channel, error_by_day, progress, tally_by, weakest
from atlas.core.study.session import LEARN_AHEAD
from atlas.core.study.store import Review, StudyCard, new_card
from atlas.core.userdata import (
    FILE_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    Plan,
    UserData,
    UserDataError,
)

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


def spot(atlas: Atlas, code: str, view: str, side: str | None = None) -> tuple[float, float]:
    found = [s for s in spots(atlas, code, view) if side is None or s.side == side]
    return found[0].x, found[0].y


def scale(atlas: Atlas, view: str) -> float:
    return views(atlas)[view].scale


# ------------------------------------------------------------------ locating


def test_locate_error_is_the_distance_in_b_cun_to_the_nearest_placement(atlas: Atlas) -> None:
    x, y = spot(atlas, "LU1", "front", "right")
    assert locate_error(atlas, "LU1", "front", x, y) == 0
    s = scale(atlas, "front")
    assert locate_error(atlas, "LU1", "front", x + 0.3 * s, y - 0.4 * s) == pytest.approx(0.5)
    # the other side counts as well: a click near the left LU1 is scored against it
    lx, ly = spot(atlas, "LU1", "front", "left")
    assert locate_error(atlas, "LU1", "front", lx, ly + 0.2 * s) == pytest.approx(0.2)
    # a detail view has its own scale (50 units per B-cun on the hand)
    hx, hy = spot(atlas, "LI4", "hand_dorsal")
    assert scale(atlas, "hand_dorsal") == 50
    assert locate_error(atlas, "LI4", "hand_dorsal", hx + 50, hy) == pytest.approx(1.0)


def test_locate_error_is_none_where_the_view_does_not_show_the_point(atlas: Atlas) -> None:
    assert locate_error(atlas, "BL23", "front", 125, 320) is None
    assert locate_error(atlas, "LU1", "no_such_view", 0, 0) is None
    assert locate_error(atlas, "XX99", "front", 0, 0) is None


def test_any_part_of_a_group_counts(atlas: Atlas) -> None:
    """EX-B2 has a placement at each level, on each side: any of them is the point."""
    parts = spots(atlas, "EX-B2", "back")
    assert len(parts) > 10
    for part in parts:
        assert locate_error(atlas, "EX-B2", "back", part.x, part.y) == 0


@pytest.mark.parametrize(
    ("code", "view", "side", "right", "down", "words"),
    [
        # front view, the figure's right side on the viewer's left: leftward is lateral
        ("LU1", "front", "right", 0.3, -1.4, "1.4 B-cun too high, 0.3 B-cun too medial"),
        ("LU1", "front", "right", -0.6, 0.0, "0.6 B-cun too lateral"),
        ("LU1", "front", "left", 0.6, 0.8, "0.8 B-cun too low, 0.6 B-cun too lateral"),
        # a point of the median line: any sideways error is lateral
        ("CV12", "front", "midline", -0.7, 0.0, "0.7 B-cun too lateral"),
        ("BL23", "back", "right", -0.4, 0.0, "0.4 B-cun too medial"),
        # the dorsal hand lies right of the median line: rightward is lateral
        ("LI4", "hand_dorsal", "right", 0.3, 0.0, "0.3 B-cun too lateral"),
        ("LU9", "hand_palmar", "right", 0.3, 0.0, "0.3 B-cun too medial"),
        # the top of the head: the face at the top of the picture
        ("GV20", "vertex", "midline", 0.0, -1.0, "1.0 B-cun too anterior"),
        ("CV1", "perineum", "midline", 0.2, -0.5, "0.5 B-cun too anterior, 0.2 B-cun too lateral"),
        # the side view faces right; the medial leg view faces left
        ("ST36", "side", "right", 0.5, 0.0, "0.5 B-cun too anterior"),
        ("SP6", "leg_medial", "right", 0.5, 0.2, "0.2 B-cun too low, 0.5 B-cun too posterior"),
        # the foot views speak of the toes and the heel
        ("KI3", "foot_medial", "right", -0.4, 0.0, "0.4 B-cun too far toward the toes"),
        ("BL60", "foot_lateral", "right", -0.4, 0.0, "0.4 B-cun too far toward the heel"),
        ("LR3", "foot_dorsal", "right", 0.0, -0.6, "0.6 B-cun too far toward the toes"),
        ("LR3", "foot_dorsal", "right", 0.3, 0.0, "0.3 B-cun too lateral"),
        (
            "KI1",
            "sole",
            "right",
            0.3,
            0.4,
            "0.4 B-cun too far toward the heel, 0.3 B-cun too medial",
        ),
        ("LI4", "hand_dorsal", "right", 0.0, 0.0, "on the point"),
    ],
)
def test_the_error_in_words_uses_the_views_directions(
    atlas: Atlas, code: str, view: str, side: str, right: float, down: float, words: str
) -> None:
    x, y = spot(atlas, code, view, side)
    s = scale(atlas, view)
    offset = locate_offset(atlas, code, view, x + right * s, y + down * s)
    assert offset is not None
    assert offset.words == words


@pytest.mark.parametrize(
    ("code", "view"),
    [("LI4", "hand_dorsal"), ("GV20", "vertex"), ("SP6", "leg_medial"), ("BL23", "back")],
)
def test_each_point_is_asked_on_the_view_that_shows_it_most_clearly(
    atlas: Atlas, code: str, view: str
) -> None:
    assert best_view(atlas, code) == view


def test_every_point_has_a_view_for_locating(atlas: Atlas) -> None:
    assert all(best_view(atlas, p.code) is not None for p in atlas.all_points())


@pytest.mark.parametrize(
    ("distance", "rating"),
    [(0.0, Rating.Easy), (0.125, Rating.Easy), (0.3, Rating.Good), (0.5, Rating.Good),
     (0.51, Rating.Hard), (1.0, Rating.Hard), (1.01, Rating.Again), (4.0, Rating.Again)],
)  # fmt: skip
def test_locating_is_rated_from_the_distance(distance: float, rating: Rating) -> None:
    assert rate_locate(distance, 0.5) == rating


def test_a_wider_pass_distance_rates_more_kindly() -> None:
    assert rate_locate(0.8, 1.0) == Rating.Good
    assert rate_locate(0.2, 1.0) == Rating.Easy


# ------------------------------------------------------------------ naming and knowing


@pytest.mark.parametrize(
    "typed",
    ["LI4", "li 4", "li-4", "LI04", "hegu", "Hégǔ", "合谷", "Large Intestine 4", "Union Valley",
     "hegoo"],
)  # fmt: skip
def test_a_point_is_named_in_any_form_search_accepts(atlas: Atlas, typed: str) -> None:
    question = make_question(atlas, "LI4", "name")
    assert question is not None and question.kind == "typed"
    verdict = check_typed(atlas, question, typed)
    assert verdict.passed and verdict.rating == Rating.Good
    assert verdict.said.startswith("You named LI4")


@pytest.mark.parametrize(
    "typed", ["", "   ", "large intestine", "headache", "heg", "LI5", "<b>x</b>"]
)
def test_what_names_another_point_or_none_is_wrong(atlas: Atlas, typed: str) -> None:
    question = make_question(atlas, "LI4", "name")
    assert question is not None
    verdict = check_typed(atlas, question, typed)
    assert not verdict.passed and verdict.rating == Rating.Again
    assert verdict.truth == atlas.point("LI4").title  # type: ignore[union-attr]


def test_a_shared_name_names_every_point_that_has_it(atlas: Atlas) -> None:
    assert set(read_point(atlas, "Zhongdu")) == {"GB32", "LR6"}


def test_know_questions_turn_through_the_aspects_with_one_right_choice(atlas: Atlas) -> None:
    seen = set()
    for turn in range(10):
        question = make_question(atlas, "LU7", "know", turn=turn)
        assert question is not None
        seen.add(question.aspect)
        if question.kind == "choice":
            assert len(set(question.choices)) == len(question.choices) == 4
            assert check_choice(question, question.right).passed
            wrong = (question.right + 1) % 4
            assert not check_choice(question, wrong).passed
        else:  # a category: "which point is the luo-connecting point of the Lung ...?"
            assert "LU7" in question.accepted and "LU7" not in question.prompt
            assert check_typed(atlas, question, "lieque").passed
    assert seen == {"channel", "category", "depth", "caution", "indications"}
    # the same turn asks the same question
    assert make_question(atlas, "LU7", "know", turn=3) == make_question(
        atlas, "LU7", "know", turn=3
    )


def test_the_xi_cleft_point_of_the_lung(atlas: Atlas) -> None:
    question = next(
        q
        for turn in range(20)
        if (q := make_question(atlas, "LU6", "know", turn=turn)) and q.aspect == "category"
    )
    assert question.prompt == "Which point is the xi-cleft point of the Lung Meridian (LU)?"
    assert check_typed(atlas, question, "kongzui").passed
    assert not check_typed(atlas, question, "LU7").passed


def test_caution_and_indication_questions_follow_the_data(atlas: Atlas) -> None:
    for code, turn in (("LU1", 3), ("SP6", 3), ("LU7", 4)):
        question = make_question(atlas, code, "know", turn=turn)
        assert question is not None
        point = atlas.point(code)
        assert point is not None
        right = question.choices[question.right]
        if question.aspect == "caution":
            flags = {f.name for f in atlas.caution_flags() if f.id in point.caution_flags}
            assert right in flags or (not flags and right == "None of these")
            assert not set(question.choices) - {right} & flags
        else:
            assert question.aspect == "indications"
            assert right == ", ".join(point.indications[:3])
    assert {"pneumothorax"} <= set(atlas.point("LU1").caution_flags)  # type: ignore[union-attr]


# ------------------------------------------------------------------ storage


def test_the_scheduler_state_round_trips_through_the_store(tmp_path: Path, atlas: Atlas) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    card = new_card("LU7", "locate", START)
    for rating, minutes in ((Rating.Good, 0), (Rating.Good, 15), (Rating.Again, 3000)):
        card, _ = scheduler.review_card(card, rating, START + timedelta(minutes=minutes))
    with UserData.open(tmp_path) as userdata:
        store = StudyStore(userdata)
        review = Review("LU7", "locate", "channel:LU", START, 1, False, 2.5, "front", 1200)
        store.record(StudyCard("LU7", "locate", card, 3, START), review)
    with UserData.open(tmp_path) as userdata:
        store = StudyStore(userdata)
        stored = store.card("LU7", "locate")
        assert stored is not None and stored.reviews == 3 and stored.introduced == START
        assert stored.card.to_dict() == card.to_dict()
        assert stored.card.state == State.Relearning and not stored.learned
        assert store.reviews() == [review]
        # scheduling on from the stored card is what it is from the card in memory
        later = START + timedelta(days=3)
        assert (
            scheduler.review_card(stored.card, Rating.Good, later)[0].to_dict()
            == scheduler.review_card(card, Rating.Good, later)[0].to_dict()
        )


def test_settings_keep_their_defaults_until_set_and_reject_nonsense(tmp_path: Path) -> None:
    with UserData.open(tmp_path) as userdata:
        store = StudyStore(userdata)
        assert store.settings() == StudySettings()
        chosen = StudySettings(pass_distance=1.0, names="hanzi", new_per_day=5, deck="misses")
        store.save_settings(chosen)
        assert store.settings() == chosen
    conn = sqlite3.connect(tmp_path / FILE_NAME)  # values written by hand, or by a bug
    with conn:
        conn.execute("UPDATE study_settings SET value = '\"loud\"' WHERE key = 'names'")
        conn.execute("UPDATE study_settings SET value = '-3' WHERE key = 'pass_distance'")
    conn.close()
    with UserData.open(tmp_path) as userdata:
        store = StudyStore(userdata)
        assert store.settings() == chosen._replace(names="code", pass_distance=0.5)


def _at_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        conn.execute("INSERT INTO notes(code, text) VALUES ('LU7', 'kept')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_store_of_every_older_version_gains_the_study_tables(
    tmp_path: Path, atlas: Atlas, version: int
) -> None:
    _at_version(tmp_path / FILE_NAME, version)
    clock = Clock()
    with UserData.open(tmp_path) as userdata:
        assert userdata.health.state == "ok"
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "locate", clock=clock)
        question = session.next()
        assert question is not None and question.view is not None
        session.answer_click(*spot(atlas, question.code, question.view))
        if version >= 1:
            assert userdata.note("LU7") == "kept"
    with UserData.open(tmp_path) as userdata:
        assert len(StudyStore(userdata).reviews()) == 1
    conn = sqlite3.connect(tmp_path / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_read_only_store_shows_progress_and_refuses_answers_in_one_line(
    tmp_path: Path, atlas: Atlas, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    with UserData.open(tmp_path) as userdata:
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "name", clock=clock)
        session.next()
        session.answer_text("LU1")
    monkeypatch.setattr(os, "access", lambda *_args: False)  # as a read-only folder
    with UserData.open(tmp_path) as userdata:
        assert userdata.health.state == "read_only"
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "name", clock=clock)
        assert session.counts() == (0, 10, 0, 11)
        question = session.next()
        assert question is not None and question.code == "LU2"
        verdict = session.answer_text("LU2")  # scored and shown all the same
        assert verdict.passed
        assert "cannot be written" in session.problem and "\n" not in session.problem
        session.rate(Rating.Easy)  # tries again, and says so again
        assert "cannot be written" in session.problem
        assert len(StudyStore(userdata).reviews()) == 1
        with pytest.raises(UserDataError, match="cannot be written"):
            StudyStore(userdata).save_settings(StudySettings())


def test_study_survives_a_rebuild_and_never_touches_the_reference(
    tmp_path: Path, atlas: Atlas
) -> None:
    from atlas.core import build

    before = hashlib.sha256(atlas.path.read_bytes()).hexdigest()
    clock = Clock()
    with UserData.open(tmp_path / "user") as userdata:
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "locate", clock=clock)
        for _ in range(3):
            question = session.next()
            assert question is not None and question.view is not None
            session.answer_click(*spot(atlas, question.code, question.view))
    assert hashlib.sha256(atlas.path.read_bytes()).hexdigest() == before
    rebuilt = build.build(tmp_path / "rebuilt.sqlite")
    with Atlas.open(rebuilt) as fresh, UserData.open(tmp_path / "user") as userdata:
        session = StudySession(fresh, userdata, Deck("channel", "LU"), "locate", clock=clock)
        assert session.counts().cards == 11 and session.counts().new == 8
        assert [p.tally.answers for p in progress(fresh, userdata, clock())] == [3, 3]


# ------------------------------------------------------------------ choosing cards


def _answer_right(session: StudySession, atlas: Atlas) -> None:
    question = session.question
    assert question is not None
    if question.kind == "click":
        assert question.view is not None
        session.answer_click(*spot(atlas, question.code, question.view))
    elif question.kind == "typed":
        session.answer_text(next(iter(question.accepted)))
    else:
        session.answer_choice(question.right)


def test_new_cards_come_in_deck_order_and_misses_come_back_first(
    tmp_path: Path, atlas: Atlas
) -> None:
    clock = Clock()
    with UserData.open(tmp_path) as userdata:
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "locate", clock=clock)
        asked = []
        for _ in range(3):
            question = session.next()
            assert question is not None and question.view is not None
            asked.append(question.code)
            x, y = spot(atlas, question.code, question.view)
            miss = question.code == "LU2"
            verdict = session.answer_click(x + (40 if miss else 0), y)
            assert verdict.passed is not miss
            clock.advance(seconds=20)
        assert asked == ["LU1", "LU2", "LU3"]
        clock.advance(minutes=1)  # LU2's first relearning step has passed
        question = session.next()
        assert question is not None and question.code == "LU2"
        assert session.counts() == (1, 8, 2, 11)  # LU1 and LU3 were found exactly: Easy


def test_new_cards_stop_at_the_days_allowance_and_then_learning_cards_come_ahead(
    tmp_path: Path, atlas: Atlas
) -> None:
    clock = Clock()
    with UserData.open(tmp_path) as userdata:
        StudyStore(userdata).save_settings(StudySettings(new_per_day=2))
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "name", clock=clock)
        for code in ("LU1", "LU2"):
            question = session.next()
            assert question is not None and question.code == code
            session.answer_text(code)
        # nothing due and no new card allowed: the learning card due soonest comes ahead
        question = session.next()
        assert question is not None and question.code == "LU1"
        assert session.card("LU1", "name").due - clock() < LEARN_AHEAD  # type: ignore[union-attr]
        session.answer_text("LU1")
        session.next()
        session.answer_text("LU2")
        assert session.next() is None  # both now due in days, none new allowed
        due = session.next_due()
        assert due is not None and due - clock() > timedelta(hours=12)
        # the next day brings new cards again
        clock.advance(days=1)
        question = session.next()
        assert question is not None and question.code == "LU3"


def test_a_changed_rating_reschedules_from_the_card_before_the_answer(
    tmp_path: Path, atlas: Atlas
) -> None:
    clock = Clock()
    with UserData.open(tmp_path) as userdata:
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "name", clock=clock)
        session.next()
        verdict = session.answer_text("lung 1")
        assert verdict.passed and verdict.rating == Rating.Good
        good = session.card("LU1", "name")
        assert good is not None and good.card.state == State.Learning
        session.rate(Rating.Easy)
        easy = session.card("LU1", "name")
        assert easy is not None and easy.learned and easy.reviews == 1
        assert easy.due - clock() >= timedelta(days=1)
        session.rate(Rating.Again)
        again = session.card("LU1", "name")
        assert again is not None and again.due - clock() == timedelta(minutes=1)
        assert [r.rating for r in StudyStore(userdata).reviews()] == [Rating.Again]


def test_answers_must_fit_the_question(tmp_path: Path, atlas: Atlas) -> None:
    with UserData.open(tmp_path) as userdata:
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "locate", clock=Clock())
        with pytest.raises(ValueError, match="no question"):
            session.answer_click(0, 0)
        session.next()
        with pytest.raises(ValueError, match="not answered that way"):
            session.answer_text("LU1")
        session.answer_click(0, 0)
        with pytest.raises(ValueError, match="no question"):
            session.answer_click(0, 0)  # answered already
        with pytest.raises(ValueError, match="not a drill"):
            StudySession(atlas, userdata, Deck("channel", "LU"), "dance")
        with pytest.raises(ValueError, match="unknown channel"):
            StudySession(atlas, userdata, Deck("channel", "QQ"), "locate")
        with pytest.raises(ValueError, match="not a deck"):
            Deck.parse("channel")


def test_decks(tmp_path: Path, atlas: Atlas) -> None:
    with UserData.open(tmp_path) as userdata:
        userdata.set_favourite("ST36", True)
        userdata.set_favourite("LI4", True)
        userdata.save_plan(Plan(None, "Low back", ("BL23", "BL40", "GV4", "BL23", "XX1")))
        reviews = [
            Review("LU7", "locate", "all", START, 1, False),
            Review("LU7", "locate", "all", START + timedelta(minutes=2), 3, True),
            Review("GB34", "name", "all", START, 1, False),
        ]

        def codes(spec: str) -> tuple[str, ...]:
            return deck_codes(atlas, userdata, Deck.parse(spec), reviews)

        assert len(codes("all")) == 409
        assert codes("channel:lu")[:3] == ("LU1", "LU2", "LU3") and len(codes("channel:LU")) == 11
        assert set(codes("category:xi_cleft")) >= {"LU6", "LI7", "ST34"}
        assert "LI4" in codes("region:hand")
        condition = atlas.conditions()[0]
        assert codes(f"condition:{condition.id}") == tuple(
            dict.fromkeys(p.code for p in condition.points)
        )
        assert codes("plan:low back") == ("BL23", "BL40", "GV4")
        assert codes("favourites") == ("LI4", "ST36")
        assert codes("misses") == ("GB34",)  # LU7's latest answer passed
        with pytest.raises(ValueError, match="no saved plan"):
            codes("plan:gone")


# ------------------------------------------------------------------ progress


def test_progress_counts_due_learned_accuracy_error_and_the_weakest(
    tmp_path: Path, atlas: Atlas
) -> None:
    clock = Clock()
    with UserData.open(tmp_path) as userdata:
        session = StudySession(atlas, userdata, Deck("channel", "LU"), "locate", clock=clock)
        errors = {"LU1": 0.0, "LU2": 2.0, "LU3": 0.3}
        for code, error in errors.items():
            question = session.next()
            assert question is not None and question.code == code and question.view
            x, y = spot(atlas, code, question.view)
            session.answer_click(x, y + error * scale(atlas, question.view))
            clock.advance(seconds=20)
        reviews = StudyStore(userdata).reviews()
        assert [r.error for r in reviews] == pytest.approx([0.0, 2.0, 0.3])
        (today,) = error_by_day(reviews)
        assert today.mean_error == pytest.approx(2.3 / 3) and today.answers == 3
        clock.advance(days=1)
        assert tally_by(reviews, lambda r: r.drill)["locate"].accuracy == pytest.approx(2 / 3)
        assert list(by_channel(atlas, reviews)) == ["LU"]
        assert [w.code for w in weakest(atlas, reviews)] == ["LU2"]
        found = {p.deck: p for p in progress(atlas, userdata, clock())}
        lung = found["channel:LU"]
        assert lung.title == "Lung Meridian (LU)"
        assert (lung.studied, lung.learned, lung.tally.answers, lung.tally.passed) == (3, 1, 3, 2)
        assert lung.due == 2  # LU2 (missed) and LU3 (Good: a second step) are due
        assert set(found) == {"all", "channel:LU"}
        assert found["all"].as_dict()["accuracy"] == pytest.approx(2 / 3)


def test_every_drill_has_a_question_for_every_point(atlas: Atlas) -> None:
    for point in list(atlas.all_points())[::7]:
        for drill in DRILLS:
            for turn in range(5):
                question = make_question(atlas, point.code, drill, "pinyin", turn)
                assert question is not None and question.prompt


def test_a_new_card_is_due_now(atlas: Atlas) -> None:
    card = new_card("LU1", "locate", START)
    assert isinstance(card, Card) and card.due == START and card.state == State.Learning
