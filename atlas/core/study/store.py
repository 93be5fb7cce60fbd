"""Study cards, answers and settings in the user's store (`atlas.core.userdata`).

The tables come from the store's migration 5 (`study_cards`, `study_reviews`,
`study_settings`); this module holds their SQL and goes through the store's one
read path and one write path, so every failure is a `UserDataError` and every
write is one transaction. Codes are plain text, as everywhere in the store, so
cards and answers survive a rebuild of the reference database; the reference
database is never touched.

A card's scheduler state is the `fsrs.Card` as JSON (`Card.to_json`), read back
with `Card.from_json`; its due time and state are copied into columns so that
choosing a card needs no JSON.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from fsrs import Card, State

from atlas.core.study.drills import DEFAULT_PASS_DISTANCE, DRILLS, NAME_FORMS

if TYPE_CHECKING:
    from atlas.core.userdata import UserData


class StudyCard(NamedTuple):
    """One card: a point in a drill, its scheduler state, how often it was reviewed,
    and when it was first studied."""

    code: str
    drill: str
    card: Card
    reviews: int
    introduced: datetime

    @property
    def due(self) -> datetime:
        return self.card.due

    @property
    def learned(self) -> bool:
        """Past its learning steps (the scheduler's Review state)."""
        return self.card.state == State.Review


class Review(NamedTuple):
    """One answer. `error` is the locating distance in B-cun; `view` where it was asked."""

    code: str
    drill: str
    deck: str
    answered: datetime
    rating: int
    passed: bool
    error: float | None = None
    view: str | None = None
    duration_ms: int | None = None


class StudySettings(NamedTuple):
    """What the student chose: the pass distance for locating (B-cun), how questions
    name points, how many new cards a day, and the deck and drill last studied."""

    pass_distance: float = DEFAULT_PASS_DISTANCE
    names: str = "code"
    new_per_day: int = 20
    deck: str = "channel:LU"
    drill: str = "locate"


def new_card(code: str, drill: str, now: datetime) -> Card:
    """A card never studied, due now (its id derived from the point and the drill)."""
    return Card(card_id=zlib.crc32(f"{code}/{drill}".encode()), due=now)


def _time(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class StudyStore:
    """The study tables of a user's store."""

    def __init__(self, userdata: UserData) -> None:
        self.userdata = userdata

    def cards(self) -> dict[tuple[str, str], StudyCard]:
        """Every card studied so far, by (code, drill)."""
        with self.userdata._reading() as conn:
            rows = conn.execute(
                "SELECT code, drill, card, reviews, introduced FROM study_cards"
            ).fetchall()
        return {
            (code, drill): StudyCard(code, drill, Card.from_json(card), reviews, _time(introduced))
            for code, drill, card, reviews, introduced in rows
        }

    def card(self, code: str, drill: str) -> StudyCard | None:
        with self.userdata._reading() as conn:
            row = conn.execute(
                "SELECT card, reviews, introduced FROM study_cards WHERE code = ? AND drill = ?",
                (code, drill),
            ).fetchone()
        if row is None:
            return None
        return StudyCard(code, drill, Card.from_json(row[0]), int(row[1]), _time(row[2]))

    def record(self, card: StudyCard, review: Review, replaces: int | None = None) -> int:
        """Save a card as the answer left it, and the answer, in one transaction; returns
        the answer's id. With `replaces` (an answer's id) that answer is rated again:
        its rating is changed instead of a new answer being added."""
        with self.userdata._write() as conn:
            conn.execute(
                "INSERT INTO study_cards(code, drill, card, due, state, reviews, introduced)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code, drill) DO UPDATE SET"
                " card = excluded.card, due = excluded.due, state = excluded.state,"
                " reviews = excluded.reviews",
                (
                    card.code,
                    card.drill,
                    card.card.to_json(),
                    card.due.timestamp(),
                    int(card.card.state),
                    card.reviews,
                    card.introduced.timestamp(),
                ),
            )
            if replaces is not None:
                conn.execute(
                    "UPDATE study_reviews SET rating = ? WHERE id = ?",
                    (int(review.rating), replaces),
                )
                return replaces
            cursor = conn.execute(
                "INSERT INTO study_reviews(code, drill, deck, answered, rating, passed, error,"
                " view, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    review.code,
                    review.drill,
                    review.deck,
                    review.answered.timestamp(),
                    int(review.rating),
                    int(review.passed),
                    review.error,
                    review.view,
                    review.duration_ms,
                ),
            )
            return int(cursor.lastrowid or 0)

    def reviews(self) -> list[Review]:
        """Every answer, oldest first."""
        with self.userdata._reading() as conn:
            rows = conn.execute(
                "SELECT code, drill, deck, answered, rating, passed, error, view, duration_ms"
                " FROM study_reviews ORDER BY answered, id"
            ).fetchall()
        return [
            Review(code, drill, deck, _time(answered), int(rating), bool(passed), *rest)
            for code, drill, deck, answered, rating, passed, *rest in rows
        ]

    def settings(self) -> StudySettings:
        """The student's settings; a value that is missing or makes no sense keeps its
        default."""
        with self.userdata._reading() as conn:
            stored = dict(conn.execute("SELECT key, value FROM study_settings").fetchall())
        chosen = StudySettings()
        try:
            values = {k: json.loads(v) for k, v in stored.items() if k in StudySettings._fields}
        except ValueError:
            return chosen
        checks = {
            "pass_distance": lambda v: isinstance(v, int | float) and 0.05 <= v <= 10,
            "names": lambda v: v in NAME_FORMS,
            "new_per_day": lambda v: isinstance(v, int) and 0 <= v <= 1000,
            "deck": lambda v: isinstance(v, str) and bool(v),
            "drill": lambda v: v in (*DRILLS, "mixed"),
        }
        return chosen._replace(**{k: v for k, v in values.items() if checks[k](v)})

    def save_settings(self, settings: StudySettings) -> None:
        with self.userdata._write() as conn:
            conn.executemany(
                "INSERT INTO study_settings(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(k, json.dumps(v)) for k, v in settings._asdict().items()],
            )
