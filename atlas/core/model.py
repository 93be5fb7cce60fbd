"""Immutable domain objects read from the reference database.

NamedTuples rather than frozen dataclasses: defining a dataclass is slow, and
start-up defines all of these on the way to the first window."""

from __future__ import annotations

from typing import NamedTuple


class Region(NamedTuple):
    id: str
    name: str
    area: str


class Channel(NamedTuple):
    code: str
    english: str
    pinyin: str
    hanzi: str
    hanzi_simplified: str
    kind: str
    organ: str | None
    element: str | None
    polarity: str | None
    colour: str
    point_count: int
    summary: str


class Category(NamedTuple):
    id: str
    name: str
    relates_to: str
    summary: str


class CautionFlag(NamedTuple):
    id: str
    name: str
    summary: str


class PointCategory(NamedTuple):
    """A point's membership of a category, and what it relates to (channel, organ...)."""

    category: str
    relates_to: str


class Point(NamedTuple):
    """One acupuncture point, with everything the atlas knows of it."""

    code: str
    channel: str
    number: int
    pinyin: str
    pinyin_tones: str
    hanzi: str
    hanzi_simplified: str
    english: str
    wade_giles: str
    region: str
    location: str
    location_alt: str
    how_to_find: str
    actions: str
    needling_angle: str
    depth_min: float | None
    depth_max: float | None
    needling_method: str
    moxibustion: str
    cautions: str
    indications: tuple[str, ...] = ()
    categories: tuple[PointCategory, ...] = ()
    caution_flags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def needled(self) -> bool:
        return self.needling_angle != "none"

    @property
    def method_says_not_needled(self) -> bool:
        """Whether the method's own words already say that the point is not needled
        (and why), so that no heading says it a second time."""
        return self.needling_method.lower().startswith("not needled")

    def technique(self) -> list[tuple[str, str]]:
        """The technique as (heading, text) rows, as the point pane and the sheet show
        it: angle and depth, or "not needled" once; the method; moxibustion."""
        if self.needled:
            rows = [("Angle", self.needling_angle.capitalize()), ("Depth", self.depth_text)]
        elif self.method_says_not_needled:
            rows = []  # the method says it, and why
        else:
            rows = [("Angle", "Not needled")]
        if self.needling_method:
            rows.append(("Method", self.needling_method))
        if self.moxibustion:
            rows.append(("Moxibustion", self.moxibustion))
        return rows

    @property
    def depth_text(self) -> str:
        """'0.5–1 cun', or 'not needled'."""
        if self.depth_min is None or self.depth_max is None:
            return "not needled"
        low, high = f"{self.depth_min:g}", f"{self.depth_max:g}"
        return f"{low} cun" if low == high else f"{low}–{high} cun"

    @property
    def is_bilateral(self) -> bool:
        """Points of the twelve regular channels (and most extra points) come in pairs."""
        if self.channel in ("GV", "CV"):
            return False
        if self.channel == "EX":
            return self.code not in _MIDLINE_EXTRA
        return True

    @property
    def title(self) -> str:
        return f"{self.code} {self.pinyin_tones} {self.hanzi} ({self.english})"

    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.category for c in self.categories)


#: Extra points that lie on the midline (one point, not a pair).
_MIDLINE_EXTRA = frozenset({"EX-HN1", "EX-HN3", "EX-HN10", "EX-HN11", "EX-B8", "EX-B9"})


class ConditionPoint(NamedTuple):
    code: str
    reason: str


class Condition(NamedTuple):
    id: str
    name: str
    keywords: tuple[str, ...]
    summary: str
    triggers: tuple[str, ...]
    course: str
    evidence: str
    points: tuple[ConditionPoint, ...]


class SelfCare(NamedTuple):
    """Words for patients on pressing a point themselves (db/selfcare.toml).

    Either the four texts (where to find it on one's own body, how to press, what it
    is traditionally used for, when not to press) or, for a point unsuitable for
    pressing on one's own, only `unsuitable`: the reason, in plain words.
    """

    code: str
    where_text: str
    how: str
    used_for: str
    avoid: str
    unsuitable: str

    @property
    def suitable(self) -> bool:
        return not self.unsuitable
