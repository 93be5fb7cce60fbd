"""Study mode without Qt: learn to locate, name and know the points, with spaced
repetition (the `fsrs` scheduler).

- `locate`: the views' scales, where a point is shown most clearly
  (`best_view`), and how far a click was from it (`locate_error`, in B-cun);
- `drills`: the three drills' questions, made from the data, and their scoring;
- `decks`: which points a session studies (a channel, a category, a region, a
  condition, a saved plan, favourites, my misses);
- `store`: cards, answers and settings in the user's store;
- `session`: `StudySession`, which card comes next, answers saved and rated;
- `progress`: cards due and learned, accuracy, the error over time, the
  weakest points.

Imported when study mode is first used, never at start-up.
"""

from atlas.core.study.decks import DECK_KINDS, Deck
from atlas.core.study.drills import DRILLS, NAME_FORMS, Question, Verdict, rate_locate
from atlas.core.study.locate import best_view, locate_error, locate_offset
from atlas.core.study.session import MIXED, StudySession
from atlas.core.study.store import StudySettings, StudyStore

__all__ = [
    "DECK_KINDS",
    "DRILLS",
    "MIXED",
    "NAME_FORMS",
    "Deck",
    "Question",
    "StudySession",
    "StudySettings",
    "StudyStore",
    "Verdict",
    "best_view",
    "locate_error",
    "locate_offset",
    "rate_locate",
]
