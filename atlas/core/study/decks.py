"""Decks: which points a study session draws its cards from.

A deck is written as a short spec, stored with each answer and in the settings:
``all``, ``channel:LU``, ``category:xi_cleft``, ``region:hand``,
``condition:low_back_pain``, ``plan:<name>``, ``favourites`` and ``misses`` (my
misses: the points whose latest answer, in any drill, was not a pass).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from atlas.core.atlas import Atlas
    from atlas.core.study.store import Review
    from atlas.core.userdata import UserData

#: The kinds of deck, in the order a chooser lists them, with their titles.
DECK_KINDS: dict[str, str] = {
    "all": "All points",
    "channel": "Channel",
    "category": "Category",
    "region": "Region",
    "condition": "Condition",
    "plan": "Saved plan",
    "favourites": "Favourites",
    "misses": "My misses",
}
#: The kinds that need a key (which channel, which plan...).
KEYED_KINDS: tuple[str, ...] = ("channel", "category", "region", "condition", "plan")


class Deck(NamedTuple):
    kind: str
    key: str = ""

    @property
    def spec(self) -> str:
        return f"{self.kind}:{self.key}" if self.key else self.kind

    @classmethod
    def parse(cls, spec: str) -> Deck:
        """A deck from its spec; ValueError (one line) for a spec that is not one."""
        kind, _, key = spec.strip().partition(":")
        if kind not in DECK_KINDS or (kind in KEYED_KINDS) != bool(key):
            raise ValueError(f"not a deck: {spec!r}")
        return cls(kind, key)


def deck_title(atlas: Atlas, deck: Deck) -> str:
    """The deck in words: "Lung Meridian (LU)", "Xi-cleft point", "My misses"."""
    if deck.kind == "channel":
        channel = atlas.channel(deck.key)
        return f"{channel.english} ({channel.code})" if channel else deck.key
    if deck.kind == "category":
        category = atlas.category(deck.key)
        return category.name if category else deck.key
    if deck.kind == "region":
        region = atlas.region(deck.key)
        return region.name if region else deck.key
    if deck.kind == "condition":
        condition = atlas.condition(deck.key)
        return condition.name if condition else deck.key
    if deck.kind == "plan":
        return f"Plan: {deck.key}"
    return DECK_KINDS[deck.kind]


def deck_choices(atlas: Atlas, userdata: UserData, kind: str) -> list[Deck]:
    """The decks of one kind there are to choose from, in the atlas's order."""
    if kind == "channel":
        return [Deck(kind, c.code) for c in atlas.channels()]
    if kind == "category":
        return [Deck(kind, c.id) for c in atlas.categories()]
    if kind == "region":
        return [Deck(kind, r.id) for r in atlas.regions()]
    if kind == "condition":
        return [Deck(kind, c.id) for c in atlas.conditions()]
    if kind == "plan":
        return [Deck(kind, p.name) for p in userdata.plans()]
    return [Deck(kind)] if kind in DECK_KINDS else []


def misses(reviews: list[Review]) -> set[str]:
    """The points whose latest answer in any drill was not a pass."""
    latest: dict[tuple[str, str], bool] = {}
    for review in reviews:  # oldest first: the last one stays
        latest[review.code, review.drill] = review.passed
    return {code for (code, _drill), passed in latest.items() if not passed}


def deck_codes(
    atlas: Atlas, userdata: UserData, deck: Deck, reviews: list[Review]
) -> tuple[str, ...]:
    """The deck's points: in the order of the condition or the plan, else atlas order.

    A plan's or favourites' codes that no longer name a point are left out. Raises
    ValueError (one line) for an unknown channel, category, region or condition, or
    a plan that is not saved.
    """
    if deck.kind == "all":
        return tuple(p.code for p in atlas.all_points())
    if deck.kind in ("channel", "region", "category"):
        found = atlas.points(**{deck.kind: deck.key})
        return tuple(p.code for p in found)
    if deck.kind == "condition":
        condition = atlas.condition(deck.key)
        if condition is None:
            raise ValueError(f"unknown condition {deck.key!r}")
        codes: list[str] = [cp.code for cp in condition.points]
    elif deck.kind == "plan":
        plan = userdata.plan(deck.key)
        if plan is None:
            raise ValueError(f"no saved plan named {deck.key!r}")
        codes = list(plan.codes)
    elif deck.kind == "favourites":
        codes = sorted(userdata.favourites(), key=atlas.sort_index)
    else:
        codes = sorted(misses(reviews), key=atlas.sort_index)
    known = (p.code for c in codes if (p := atlas.point(c)) is not None)
    return tuple(dict.fromkeys(known))
