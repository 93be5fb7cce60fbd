"""The three drills: their questions, made from the data, and how an answer is scored.

- **locate**: the point is named (by code, pinyin, hanzi or English name: a
  setting) and the student clicks where it lies on the view that shows it most
  clearly (`locate.best_view`); the answer is scored by its distance in B-cun.
- **name**: a marker is shown; the student types the point's code or a name in
  any form search accepts ("li 4", "hegu", "合谷", "Large Intestine 4").
- **know**: a question from the point's record, a different aspect at each
  review: its channel, a category it belongs to ("Which point is the xi-cleft
  point of the Lung Meridian (LU)?", answered by typing the point), its needling
  depth, its caution flag, its main indications (four choices, one right).

Ratings for the scheduler (`fsrs.Rating`), from the answer alone:

- locating, with the pass distance `p` (0.5 B-cun by default, a setting): within
  p/4 Easy, within p Good, within 2p Hard, farther Again. Only within p is a
  pass (accuracy and "my misses" count the rest as misses); a near miss is still
  rated Hard, not Again, because the student knew the place roughly and the
  card should not start over.
- naming and knowing: right Good, wrong Again.

The student may change the rating before going on, as in Anki.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, NamedTuple

from fsrs import Rating

from atlas.core.search import PHONETIC
from atlas.core.study.locate import best_view, locate_offset, views_showing

if TYPE_CHECKING:
    from atlas.core.atlas import Atlas
    from atlas.core.model import Point

DRILLS: tuple[str, ...] = ("locate", "name", "know")
DRILL_TITLES: dict[str, str] = {"locate": "Locate", "name": "Name", "know": "Know"}

#: How a point is named in a question (a setting).
NAME_FORMS: tuple[str, ...] = ("code", "pinyin", "hanzi", "english")
NAME_FORM_TITLES: dict[str, str] = {
    "code": "Code",
    "pinyin": "Pinyin",
    "hanzi": "Hanzi",
    "english": "English name",
}

#: The pass distance for locating, in B-cun, unless the student sets another.
DEFAULT_PASS_DISTANCE = 0.5

#: The aspects of a point that `know` asks about, in turn.
ASPECTS: tuple[str, ...] = ("channel", "category", "depth", "caution", "indications")

_NONE_OF_THESE = "None of these"


class Question(NamedTuple):
    """What the student is asked about one card (a point and a drill).

    `kind` says how it is answered: "click" on the view `view`, "typed" (a point,
    in any form search accepts; `accepted` holds the right codes) or "choice" (one
    of `choices`; `right` is the index of the right one).
    """

    code: str
    drill: str
    kind: str
    prompt: str
    view: str | None = None
    choices: tuple[str, ...] = ()
    right: int = -1
    accepted: frozenset[str] = frozenset()
    aspect: str = ""


class Verdict(NamedTuple):
    """How an answer was scored.

    `passed` counts for accuracy and "my misses"; `rating` is the rating proposed
    to the scheduler; `error` is the locating distance in B-cun (None for the
    other drills); `said` is how the answer was read, `truth` the right answer,
    both in plain words.
    """

    passed: bool
    rating: Rating
    said: str
    truth: str
    error: float | None = None


def point_name(point: Point, form: str) -> str:
    """The point as a question names it: its code, pinyin (with tones), hanzi or
    English name."""
    if form == "pinyin":
        return point.pinyin_tones
    if form == "hanzi":
        return point.hanzi
    if form == "english":
        return point.english
    return point.code


def rate_locate(distance: float, pass_distance: float) -> Rating:
    """The rating of a locating answer `distance` B-cun from the point (see above)."""
    if distance <= pass_distance / 4:
        return Rating.Easy
    if distance <= pass_distance:
        return Rating.Good
    if distance <= 2 * pass_distance:
        return Rating.Hard
    return Rating.Again


def drills_for(atlas: Atlas, code: str) -> tuple[str, ...]:
    """The drills a point can be studied in (locating and naming need a view showing it)."""
    if atlas.point(code) is None:
        return ()
    return DRILLS if views_showing(atlas, code) else ("know",)


def make_question(
    atlas: Atlas, code: str, drill: str, form: str = "code", turn: int = 0
) -> Question | None:
    """The question of a card, or None when the drill does not fit the point.

    `turn` (the card's number of reviews so far) picks the aspect a `know`
    question asks about and shuffles its choices, the same way every time.
    """
    point = atlas.point(code)
    if point is None:
        return None
    name = point_name(point, form)
    if drill in ("locate", "name"):
        view = best_view(atlas, point.code)
        if view is None:
            return None
        if drill == "locate":
            return Question(point.code, drill, "click", f"Click where {name} lies.", view)
        return Question(
            point.code,
            drill,
            "typed",
            "Name the marked point: its code or any of its names.",
            view,
            accepted=frozenset({point.code}),
        )
    if drill != "know":
        return None
    rng = random.Random(f"{point.code}/{turn}")
    asks = [a for a in ASPECTS if a != "category" or point.categories]
    aspect = asks[turn % len(asks)]
    if aspect == "category":
        membership = point.categories[rng.randrange(len(point.categories))]
        return Question(
            point.code,
            drill,
            "typed",
            _category_prompt(atlas, membership.category, membership.relates_to),
            accepted=frozenset(
                p.code
                for p in atlas.all_points()
                if (membership.category, membership.relates_to)
                in ((m.category, m.relates_to) for m in p.categories)
            ),
            aspect=aspect,
        )
    right, wrong, prompt = _choices(atlas, point, aspect, name, rng)
    picked = rng.sample(wrong, min(3, len(wrong)))
    choices = [right, *picked]
    rng.shuffle(choices)
    return Question(
        point.code,
        drill,
        "choice",
        prompt,
        choices=tuple(choices),
        right=choices.index(right),
        aspect=aspect,
    )


def _choices(
    atlas: Atlas, point: Point, aspect: str, name: str, rng: random.Random
) -> tuple[str, list[str], str]:
    """The right answer, the wrong ones to choose from, and the prompt."""
    if aspect == "channel":
        channels = {c.code: f"{c.english} ({c.code})" for c in atlas.channels()}
        right = channels[point.channel]
        return right, [t for t in channels.values() if t != right], f"Which channel is {name} on?"
    if aspect == "depth":
        depths = sorted({p.depth_text for p in atlas.all_points()} - {point.depth_text})
        return point.depth_text, depths, f"How deep is {name} needled?"
    if aspect == "caution":
        flags = {f.id: f.name for f in atlas.caution_flags()}
        mine = [flags[f] for f in point.caution_flags if f in flags]
        others = [n for f, n in flags.items() if f not in point.caution_flags]
        if mine:
            right = mine[rng.randrange(len(mine))]
            return right, others, f"Which caution is flagged for {name}?"
        return _NONE_OF_THESE, others, f"Which caution is flagged for {name}?"
    # indications: the first three (the main ones) against those of points sharing none
    used_for = set(point.indications)
    right = ", ".join(point.indications[:3])
    others = sorted(
        {
            ", ".join(p.indications[:3])
            for p in atlas.all_points()
            if p.indications and not used_for & set(p.indications[:3])
        }
    )
    return right, others, f"Which of these is {name} used for?"


def _category_prompt(atlas: Atlas, category_id: str, relates_to: str) -> str:
    if relates_to.startswith("great luo"):
        return f"Which point is the {relates_to}?"
    category = atlas.category(category_id)
    what = (category.name if category else category_id.replace("_", " ")).lower()
    channel = (
        atlas.channel(relates_to) if relates_to in (c.code for c in atlas.channels()) else None
    )
    organs = {c.organ.lower() for c in atlas.channels() if c.organ}
    if channel is not None:
        target = f"the {channel.english} ({channel.code})"
    elif relates_to.lower() in organs:
        target = f"the {relates_to.lower()}"
    else:
        target = relates_to
    return f"Which point is the {what} of {target}?"


def read_point(atlas: Atlas, text: str) -> tuple[str, ...]:
    """The points a typed answer names: a code in any form, or a name as search reads
    it (pinyin with or without tones, hanzi in any form, English, Wade-Giles, a small
    typo, a spelling by ear). Several when a name is shared (Zhongdu: GB32 and LR6);
    () when it names none. A channel, an indication or the start of a name names
    no point."""
    text = text.strip()
    if not text:
        return ()
    code = atlas.resolve(text)
    if code is not None:
        return (code,)
    found = [r for r in atlas.search(text, limit=10) if r.score >= PHONETIC]
    return tuple(r.code for r in found if r.score == found[0].score) if found else ()


def check_click(
    atlas: Atlas, question: Question, x: float, y: float, pass_distance: float
) -> Verdict:
    """Score a click at (x, y), in the question's view's units."""
    point = atlas.point(question.code)
    offset = locate_offset(atlas, question.code, question.view or "", x, y)
    if offset is None or point is None:
        raise ValueError(f"{question.code} is not shown on the view {question.view!r}")
    passed = offset.distance <= pass_distance
    if offset.words == "on the point":
        said = "Right on the point."
    elif "," in offset.words:  # two directions: the distance as well
        said = f"{offset.words} ({offset.distance:.1f} B-cun away)."
    else:
        said = f"{offset.words}."
    return Verdict(
        passed,
        rate_locate(offset.distance, pass_distance),
        said,
        point.title,
        offset.distance,
    )


def check_typed(atlas: Atlas, question: Question, text: str) -> Verdict:
    """Score a typed answer (a point in any form search accepts)."""
    named = read_point(atlas, text)
    passed = bool(question.accepted & set(named))
    truth = " or ".join(
        p.title for c in sorted(question.accepted, key=atlas.sort_index) if (p := atlas.point(c))
    )
    if not named:
        said = "That names no point." if text.strip() else "No answer."
    else:
        shown = [p.title for c in named if (p := atlas.point(c))]
        said = "You named " + " or ".join(shown) + "."
    return Verdict(passed, Rating.Good if passed else Rating.Again, said, truth)


def check_choice(question: Question, index: int) -> Verdict:
    """Score the choice at `index` (0-based)."""
    if not 0 <= index < len(question.choices):
        raise ValueError(f"no choice {index + 1}")
    passed = index == question.right
    return Verdict(
        passed,
        Rating.Good if passed else Rating.Again,
        f"You chose: {question.choices[index]}.",
        question.choices[question.right],
    )
