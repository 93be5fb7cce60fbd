"""A study session: which card comes next, the answer scored, the card rescheduled.

Every pair of point and drill is a card, scheduled by the FSRS scheduler of the
`fsrs` package (learning steps of 1 and 10 minutes, then days; a lapse
relearns in 10 minutes). The next card is, in order:

1. a card that is due, the most overdue first (not the card just answered when
   another is due);
2. else a new card, in the deck's order, while fewer than the day's allowance
   of new cards (`StudySettings.new_per_day`, counted over every deck and drill
   since local midnight) have been started today;
3. else a card still in its learning steps that falls due within
   `LEARN_AHEAD` (20 minutes, as Anki's learn-ahead limit), the soonest first;
4. else none: `next_due` says when the next one is.

An answer is saved as soon as it is given, with its proposed rating (see
`drills`), so closing the window loses nothing; `rate` changes the rating while
the answer is the latest, re-scheduling the card from its state before the
answer. A store that cannot take an answer (read-only, locked) does not stop
the session: the answer is scored and shown, `problem` says in one line why it
was not saved, and `rate` tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from fsrs import Rating, Scheduler

from atlas.core.study import drills
from atlas.core.study.decks import Deck, deck_codes
from atlas.core.study.drills import Question, Verdict
from atlas.core.study.store import Review, StudyCard, StudySettings, StudyStore, new_card
from atlas.core.userdata import UserDataError

if TYPE_CHECKING:
    from atlas.core.atlas import Atlas
    from atlas.core.userdata import UserData

#: How far ahead a card in its learning steps may be asked when nothing else is left.
LEARN_AHEAD = timedelta(minutes=20)

#: The drill choice that mixes all three.
MIXED = "mixed"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Counts(NamedTuple):
    """The session's deck in the chosen drills: cards due now, never studied, past
    their learning steps, and in all."""

    due: int
    new: int
    learned: int
    cards: int


class _Answer(NamedTuple):
    """The latest answer: its question and verdict, the card before it, when it was
    given, and its id in the store."""

    question: Question
    verdict: Verdict
    before: StudyCard
    answered: datetime
    review: Review
    review_id: int | None  # None: not saved (see StudySession.problem)


class StudySession:
    """Cards of one deck in one drill (or all three: `MIXED`), at the times `clock`
    gives (aware, UTC). Raises ValueError (one line) for a deck that is not one."""

    def __init__(
        self,
        atlas: Atlas,
        userdata: UserData,
        deck: Deck,
        drill: str,
        *,
        clock: Clock = utc_now,
        scheduler: Scheduler | None = None,
    ) -> None:
        if drill != MIXED and drill not in drills.DRILLS:
            raise ValueError(f"not a drill: {drill!r}")
        self.atlas = atlas
        self.userdata = userdata
        self.store = StudyStore(userdata)
        self.deck = deck
        self.drill = drill
        self.clock = clock
        self.scheduler = scheduler or Scheduler()
        self.settings: StudySettings = self.store.settings()
        self.question: Question | None = None
        self.answer: _Answer | None = None
        #: Why the latest answer could not be saved, in one line ('' when it was).
        self.problem = ""
        self._asked: datetime | None = None
        self._codes: tuple[str, ...] | None = None
        self._codes = self.codes()  # an unknown deck fails here, not at the first card

    # ------------------------------------------------------------ the deck

    def codes(self) -> tuple[str, ...]:
        """The deck's points (my misses are read again each time: they change as one
        studies)."""
        if self._codes is None or self.deck.kind == "misses":
            reviews = self.store.reviews() if self.deck.kind == "misses" else []
            self._codes = deck_codes(self.atlas, self.userdata, self.deck, reviews)
        return self._codes

    def _candidates(self) -> list[tuple[str, str]]:
        wanted = drills.DRILLS if self.drill == MIXED else (self.drill,)
        return [
            (code, drill)
            for code in self.codes()
            for drill in drills.drills_for(self.atlas, code)
            if drill in wanted
        ]

    def counts(self) -> Counts:
        now = self.clock()
        cards = self.store.cards()
        candidates = self._candidates()
        studied = [cards[c] for c in candidates if c in cards]
        return Counts(
            sum(c.due <= now for c in studied),
            len(candidates) - len(studied),
            sum(c.learned for c in studied),
            len(candidates),
        )

    def next_due(self) -> datetime | None:
        """When the deck's next studied card falls due (None: none studied)."""
        cards = self.store.cards()
        return min((cards[c].due for c in self._candidates() if c in cards), default=None)

    def new_today(self, cards: dict[tuple[str, str], StudyCard] | None = None) -> int:
        """Cards started since local midnight, over every deck and drill."""
        local = self.clock().astimezone()
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        return sum(c.introduced >= midnight for c in (cards or self.store.cards()).values())

    # ------------------------------------------------------------ asking

    def next(self) -> Question | None:
        """The next question (see the module's docstring); None when nothing is left
        for now."""
        now = self.clock()
        cards = self.store.cards()
        candidates = self._candidates()
        last = (self.question.code, self.question.drill) if self.question else None
        studied = [cards[c] for c in candidates if c in cards]

        def soonest(pool: list[StudyCard]) -> tuple[str, str] | None:
            pool = sorted(pool, key=lambda c: c.due)
            other = [c for c in pool if (c.code, c.drill) != last]
            chosen = (other or pool)[:1]
            return (chosen[0].code, chosen[0].drill) if chosen else None

        key = soonest([c for c in studied if c.due <= now])
        if key is None and self.new_today(cards) < self.settings.new_per_day:
            key = next((c for c in candidates if c not in cards), None)
        if key is None:
            soon = now + LEARN_AHEAD
            key = soonest([c for c in studied if not c.learned and c.due <= soon])
        self.answer = None
        if key is None:
            self.question = None
            return None
        card = cards.get(key)
        self.question = drills.make_question(
            self.atlas, key[0], key[1], self.settings.names, card.reviews if card else 0
        )
        self._asked = now
        return self.question

    # ------------------------------------------------------------ answering

    def answer_click(self, x: float, y: float) -> Verdict:
        """Answer a locate question with a click at (x, y) in its view's units."""
        question = self._open("click")
        verdict = drills.check_click(self.atlas, question, x, y, self.settings.pass_distance)
        return self._record(question, verdict)

    def answer_text(self, text: str) -> Verdict:
        """Answer a name question, or a know question that asks for a point."""
        question = self._open("typed")
        return self._record(question, drills.check_typed(self.atlas, question, text))

    def answer_choice(self, index: int) -> Verdict:
        """Answer a multiple-choice question with the choice at `index` (0-based)."""
        question = self._open("choice")
        return self._record(question, drills.check_choice(question, index))

    def _open(self, kind: str) -> Question:
        question = self.question
        if question is None or self.answer is not None:
            raise ValueError("there is no question to answer")
        if question.kind != kind:
            raise ValueError(f"this question is not answered that way ({question.kind})")
        return question

    def _record(self, question: Question, verdict: Verdict) -> Verdict:
        now = self.clock()
        before = self.store.card(question.code, question.drill) or StudyCard(
            question.code, question.drill, new_card(question.code, question.drill, now), 0, now
        )
        asked = self._asked or now
        review = Review(
            question.code,
            question.drill,
            self.deck.spec,
            now,
            int(verdict.rating),
            verdict.passed,
            verdict.error,
            question.view,
            max(0, round((now - asked).total_seconds() * 1000)),
        )
        self.answer = _Answer(question, verdict, before, now, review, None)
        self._save(self._reviewed(before, verdict.rating, now), review)
        return verdict

    def _save(self, card: StudyCard, review: Review) -> None:
        """Save the latest answer (again, with a new rating); a store that cannot take it
        leaves the answer unsaved and says why in `problem`."""
        answer = self.answer
        assert answer is not None
        try:
            review_id = self.store.record(card, review, replaces=answer.review_id)
        except UserDataError as exc:
            self.problem = str(exc)
            return
        self.problem = ""
        self.answer = answer._replace(review=review, review_id=review_id)

    def _reviewed(self, before: StudyCard, rating: Rating, when: datetime) -> StudyCard:
        card, _log = self.scheduler.review_card(before.card, rating, when)
        return before._replace(card=card, reviews=before.reviews + 1)

    def rate(self, rating: Rating) -> None:
        """Change the rating of the latest answer (the card is scheduled again from its
        state before the answer)."""
        answer = self.answer
        if answer is None:
            raise ValueError("there is no answer to rate")
        if rating == answer.review.rating and answer.review_id is not None:
            return
        review = answer.review._replace(rating=int(rating))
        self.answer = answer._replace(review=review)
        self._save(self._reviewed(answer.before, rating, answer.answered), review)

    def card(self, code: str, drill: str) -> StudyCard | None:
        """A card as stored (None: never studied)."""
        return self.store.card(code, drill)
