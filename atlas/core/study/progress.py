"""Progress: cards due and learned per deck, accuracy per channel and per drill, the
mean locating error by day, and the weakest points.

A card is *learned* once past its learning steps (the scheduler's Review state);
*accuracy* is the share of answers that passed (for locating: within the pass
distance in force when answered).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from atlas.core.study.decks import Deck, deck_codes, deck_title
from atlas.core.study.store import Review, StudyCard, StudyStore

if TYPE_CHECKING:
    from atlas.core.atlas import Atlas
    from atlas.core.userdata import UserData


class Tally(NamedTuple):
    """Answers given and passed."""

    answers: int = 0
    passed: int = 0

    @property
    def accuracy(self) -> float | None:
        """The share passed (0 to 1), None without answers."""
        return self.passed / self.answers if self.answers else None

    def add(self, passed: bool) -> Tally:
        return Tally(self.answers + 1, self.passed + passed)


class DeckProgress(NamedTuple):
    """One deck's cards (in every drill): due now, learned, studied at all, and the
    answers given about its points."""

    deck: str  # the spec (channel:LU)
    title: str
    due: int
    learned: int
    studied: int
    tally: Tally

    def as_dict(self) -> dict[str, object]:
        return {
            "deck": self.deck,
            "title": self.title,
            "due": self.due,
            "learned": self.learned,
            "studied": self.studied,
            "answers": self.tally.answers,
            "passed": self.tally.passed,
            "accuracy": self.tally.accuracy,
        }


class DayError(NamedTuple):
    day: date
    mean_error: float  # B-cun
    answers: int


class Weak(NamedTuple):
    """A point answered badly: its answers and misses, and its mean locating error."""

    code: str
    answers: int
    misses: int
    mean_error: float | None


def tally_by(reviews: Iterable[Review], key: Callable[[Review], str]) -> dict[str, Tally]:
    """Answers and passes grouped by `key` (a drill, a channel...)."""
    found: dict[str, Tally] = defaultdict(Tally)
    for review in reviews:
        found[key(review)] = found[key(review)].add(review.passed)
    return dict(found)


def by_channel(atlas: Atlas, reviews: Iterable[Review]) -> dict[str, Tally]:
    """Accuracy per channel (in atlas order); answers about codes the atlas no longer
    knows are left out."""

    def channel(review: Review) -> str:
        point = atlas.point(review.code)
        return point.channel if point else ""

    found = tally_by(reviews, channel)
    return {c.code: found[c.code] for c in atlas.channels() if c.code in found}


def error_by_day(reviews: Iterable[Review]) -> list[DayError]:
    """The mean locating error per day (local time), oldest first."""
    errors: dict[date, list[float]] = defaultdict(list)
    for review in reviews:
        if review.drill == "locate" and review.error is not None:
            errors[review.answered.astimezone().date()].append(review.error)
    return [DayError(day, sum(e) / len(e), len(e)) for day, e in sorted(errors.items())]


def weakest(atlas: Atlas, reviews: Iterable[Review], limit: int = 10) -> list[Weak]:
    """The points most often missed, as a share of their answers (with one pass and one
    miss assumed, so that one miss in one answer does not outrank three in five); ties
    by the larger mean locating error. Only points with a miss."""
    answers: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    errors: dict[str, list[float]] = defaultdict(list)
    for review in reviews:
        if atlas.point(review.code) is None:
            continue
        answers[review.code] += 1
        missed[review.code] += not review.passed
        if review.error is not None:
            errors[review.code].append(review.error)
    weak = [
        Weak(code, n, missed[code], sum(errors[code]) / len(errors[code]) if errors[code] else None)
        for code, n in answers.items()
        if missed[code]
    ]
    weak.sort(key=lambda w: (-(w.misses + 1) / (w.answers + 2), -(w.mean_error or 0.0)))
    return weak[:limit]


def deck_progress(
    atlas: Atlas,
    userdata: UserData,
    deck: Deck,
    now: datetime,
    cards: dict[tuple[str, str], StudyCard],
    reviews: list[Review],
) -> DeckProgress:
    """A deck's progress over its points in every drill."""
    codes = set(deck_codes(atlas, userdata, deck, reviews))
    mine = [card for (code, _drill), card in cards.items() if code in codes]
    tally = Tally()
    for review in reviews:
        if review.code in codes:
            tally = tally.add(review.passed)
    return DeckProgress(
        deck.spec,
        deck_title(atlas, deck),
        sum(c.due <= now for c in mine),
        sum(c.learned for c in mine),
        len(mine),
        tally,
    )


def progress(atlas: Atlas, userdata: UserData, now: datetime) -> list[DeckProgress]:
    """All points, then every deck studied so far (in the order first studied). A deck
    that no longer exists (a deleted plan, a renamed condition) is left out."""
    store = StudyStore(userdata)
    cards, reviews = store.cards(), store.reviews()
    specs = ["all", *dict.fromkeys(r.deck for r in reviews if r.deck != "all")]
    found: list[DeckProgress] = []
    for spec in specs:
        try:
            deck = Deck.parse(spec)
            found.append(deck_progress(atlas, userdata, deck, now, cards, reviews))
        except ValueError:
            continue
    return found
