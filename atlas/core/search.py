"""Point search: forgiving, well ranked, instant.

A query is tried, in order of how certain the match is, as
  1. a point code in any common form (LI4, li-4, "Large Intestine 4", UB40,
     M-HN-3),
  2. a point name: pinyin with or without tones and spaces, Wade-Giles (Ho-ku),
     hanzi in traditional, simplified or older variant forms (腎兪, 腎俞, 肾俞),
     the English name, or a known alternative name (Juegu),
  3. a name with a typo corrected (yanglinquan finds GB34), then a name spelt
     by ear (yanglingchuan, zusanlee),
  4. a channel name or abbreviation (lists the channel), then names that
     start with what was typed,
  5. a caution (pregnancy lists the points flagged for it),
  6. a condition (lists its points in the order the condition gives),
  7. full text over names, indications, location and actions (stemmed: cramp
     finds cramps), and, if all that finds little, the same again with small
     typos corrected.
Each point takes the best score it earns; ties keep atlas order. Whatever a
user types, the answer is a list, possibly empty: never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from atlas.core import codes
from atlas.core.model import Point

if TYPE_CHECKING:
    from atlas.core.atlas import Atlas, PointFilter

MAX_QUERY_CHARS = 200
MAX_TOKENS = 12

# Score bands: a match in a higher band always ranks above one in a lower band.
CODE = 1000.0
NAME = 900.0
NAME_FUZZY = 800.0
PHONETIC = 775.0
CHANNEL = 750.0
NAME_PREFIX = 700.0
CAUTION = 650.0
CONDITION = 600.0
TEXT = 400.0
TEXT_FUZZY = 300.0

_STOPWORDS = frozenset(
    "a an and are at by for from in into is it my of on or the to with not near".split()
)
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_Adder = Callable[[str, float, str], None]
# Words that may stand around a caution's name without changing what is asked:
# "avoid in pregnancy" and "pregnancy cautions" find what "pregnancy" finds.
_CAUTION_FILLER = frozenset(
    "a an the in of for to during with avoid avoided caution cautions risk point points"
    " contraindicated contraindication contraindications".split()
)


def _is_hanzi(text: str) -> bool:
    """A non-empty run of CJK ideographs only. (Not a regular expression: a character
    class this wide is slow to compile, and this module is on the way to the first
    window.)"""
    return bool(text) and all(
        "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\U00020000" <= c <= "\U0002ffff"
        for c in text
    )


class SearchResult(NamedTuple):
    """A point found by a search, its score, and in a few words why it matched."""

    point: Point
    score: float
    match: str

    @property
    def code(self) -> str:
        return self.point.code


def fold(text: str) -> str:
    """Lower case, no tone marks, no spaces or punctuation: 'Hé Gǔ' -> 'hegu'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The search words in a text: folded, without stopwords."""
    out = []
    for raw in _WORD_RE.findall(unicodedata.normalize("NFKC", text)):
        word = fold(raw)
        if word and word not in _STOPWORDS:
            out.append(word)
    return out


def _damerau(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up (limit + 1) past limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _max_typos(word: str) -> int:
    if len(word) >= 8:
        return 2
    if len(word) >= 4:
        return 1
    return 0


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


_Entries = dict[str, list[tuple[str, str]]]  # folded name -> [(code, label)]


def _add_entry(table: _Entries, key: str, code: str, label: str) -> None:
    if key:
        entries = table.setdefault(key, [])
        if all(c != code for c, _ in entries):
            entries.append((code, label))


class SearchIndex:
    """In-memory name tables and a typo index over the atlas, plus its FTS tables."""

    def __init__(self, atlas: Atlas) -> None:
        from atlas.core.spelling import phonetic_key  # not on the way to the first window

        self._atlas = atlas
        self._names: _Entries = {}  # pinyin, English and alternative names
        self._wade_giles: _Entries = {}
        self._phonetic: _Entries = {}  # phonetic key -> points whose name sounds so
        self._hanzi_names: list[tuple[str, str, str]] = []  # (hanzi, code, label), folded lazily
        for point in atlas.all_points():
            self._add_name(point.pinyin, point.code, "name")
            self._add_name(point.pinyin_tones, point.code, "name")
            self._add_name(point.english, point.code, "English name")
            self._add_name(point.hanzi, point.code, "hanzi")
            self._add_name(point.hanzi_simplified, point.code, "hanzi")
            for alias in point.aliases:
                self._add_name(alias, point.code, f"also called {alias}")
            _add_entry(
                self._wade_giles,
                fold(point.wade_giles),
                point.code,
                f"Wade-Giles {point.wade_giles}",
            )
            for name in (point.pinyin, point.wade_giles, *point.aliases):
                key = fold(name)
                if len(key) >= 4 and not _is_hanzi(key):
                    _add_entry(self._phonetic, phonetic_key(key), point.code, f"sounds like {name}")
        self._channel_names: dict[str, str] = {}
        for channel in atlas.channels():
            for name in (channel.english, channel.pinyin, channel.hanzi, channel.hanzi_simplified):
                self._channel_names[fold(name)] = channel.code
            self._channel_names[fold(channel.english.replace(" Meridian", ""))] = channel.code
        self._cautions: dict[str, str] = {}  # folded name, id or keyword -> flag id
        for row in atlas.table("caution_flags"):
            for term in (row["id"], row["name"], *row["keywords"].split("; ")):
                self._cautions.setdefault(fold(term), row["id"])
        self._cautions.pop("", None)

    def _add_name(self, name: str, code: str, label: str) -> None:
        key = fold(name)
        if _is_hanzi(key):
            self._hanzi_names.append((key, code, label))
        else:
            _add_entry(self._names, key, code, label)

    @cached_property
    def _hanzi(self) -> _Entries:
        """Hanzi names in one form (traditional, simplified and old variants folded
        together), made on the first search in hanzi: it imports OpenCC."""
        from atlas.core.spelling import fold_hanzi

        table: _Entries = {}
        for name, code, label in self._hanzi_names:
            _add_entry(table, fold_hanzi(name), code, label)
        return table

    @cached_property
    def _vocabulary(self) -> dict[str, set[str]]:
        """Typo index: every deletion variant of every known word -> the words."""
        known: set[str] = set(self._names)
        for point in self._atlas.all_points():
            for text in (point.english, *point.indications, point.actions):
                known.update(words(text))
        for condition in self._atlas.conditions():
            for text in (condition.name, *condition.keywords):
                known.update(words(text))
        index: dict[str, set[str]] = {}
        for word in known:
            if _is_hanzi(word) or word.isdigit():
                continue
            for variant in _deletes(word, _max_typos(word)):
                index.setdefault(variant, set()).add(word)
        return index

    def correct(self, word: str) -> str | None:
        """The known word nearest a misspelt one (within 1 or 2 typos), or None."""
        limit = _max_typos(word)
        if limit == 0:
            return None
        candidates: set[str] = set()
        vocabulary = self._vocabulary
        for variant in _deletes(word, limit):
            candidates |= vocabulary.get(variant, set())
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            distance = _damerau(word, candidate, limit)
            if distance <= min(limit, _max_typos(candidate) or 1):
                key = (distance, abs(len(candidate) - len(word)), candidate)
                best = key if best is None or key < best else best
        return best[2] if best and best[0] > 0 else None

    # ------------------------------------------------------------------ search

    def search(self, query: str, *, filters: PointFilter, limit: int) -> list[SearchResult]:
        from atlas.core.spelling import fold_hanzi, phonetic_key

        if not isinstance(query, str) or limit <= 0:
            return []
        query = unicodedata.normalize("NFKC", query)[:MAX_QUERY_CHARS].strip()
        if not query:
            return []
        hits: dict[str, tuple[float, str]] = {}

        def add(code: str, score: float, why: str) -> None:
            if code not in hits or score > hits[code][0]:
                hits[code] = (score, why)

        code = self._atlas.resolve(query)
        if code is not None:
            add(code, CODE, "code")

        key = fold(query)
        if _is_hanzi(key):
            hanzi = fold_hanzi(key)
            for name, entries in self._hanzi.items():
                if hanzi in name:
                    for hit_code, label in entries:
                        add(hit_code, NAME if name == hanzi else NAME_PREFIX, label)
        else:
            for hit_code, label in self._names.get(key, ()):
                add(hit_code, NAME, label)
            # just below: a Wade-Giles spelling never outranks a pinyin name it equals
            for hit_code, label in self._wade_giles.get(key, ()):
                add(hit_code, NAME - 1, label)
            if len(key) >= 4:
                for hit_code, label in self._phonetic.get(phonetic_key(key), ()):
                    add(hit_code, PHONETIC, label)
            if len(key) >= 3 and not key.isdigit():
                for name, entries in self._names.items():
                    if name.startswith(key) and name != key:
                        for hit_code, label in entries:
                            add(hit_code, NAME_PREFIX - len(name) / 100, label)

        channel_code = self._channel_names.get(key) or (
            codes.channel_of(query) if len(key) <= 5 or " " in query.strip() else None
        )
        if channel_code is not None:
            for point in self._atlas.points(channel=channel_code):
                add(point.code, CHANNEL - point.number / 1000, "channel")

        flag = self._caution_named(query)
        if flag is not None:
            caution = self._atlas.caution_flag(flag)
            why = f"caution: {caution.name if caution else flag}"
            for point in self._atlas.all_points():
                if flag in point.caution_flags:
                    add(point.code, CAUTION, why)

        tokens = words(query)[:MAX_TOKENS]
        self._add_conditions(tokens, add, CONDITION, "")
        self._add_text(tokens, add, TEXT, "")

        if len(hits) < 5 and tokens:
            corrected = [self.correct(t) or t for t in tokens]
            if corrected != tokens:
                note = f"spelling: {' '.join(corrected)}"
                fixed = "".join(corrected)
                for hit_code, _label in self._names.get(fixed, ()):
                    add(hit_code, NAME_FUZZY, note)
                self._add_conditions(corrected, add, TEXT_FUZZY + 50, note)
                self._add_text(corrected, add, TEXT_FUZZY, note)
            whole = self.correct(key) if len(tokens) > 1 or key != tokens[0] else None
            if whole:
                for hit_code, _label in self._names.get(whole, ()):
                    add(hit_code, NAME_FUZZY, f"spelling: {whole}")

        results = []
        for hit_code, (score, why) in hits.items():
            found = self._atlas.point(hit_code)
            if found is not None and filters.matches(found):
                results.append(SearchResult(found, score, why))
        results.sort(key=lambda r: (-r.score, self._atlas.sort_index(r.point.code)))
        return results[:limit]

    def _caution_named(self, query: str) -> str | None:
        """The caution flag a query names as a whole ("pregnant", "avoid in pregnancy"),
        or None. Any other word, "safe" or "not" among them, makes it no caution."""
        raw = [fold(w) for w in _WORD_RE.findall(query)[:MAX_TOKENS]]
        return self._cautions.get("".join(w for w in raw if w not in _CAUTION_FILLER))

    def _add_conditions(self, tokens: list[str], add: _Adder, score: float, note: str) -> None:
        for rank, condition_id in enumerate(self._condition_ids(tokens)[:3]):
            condition = self._atlas.condition(condition_id)
            if condition is None:
                continue
            why = note or f"used for {condition.name.lower()}"
            for n, entry in enumerate(condition.points):
                add(entry.code, score - rank * 20 - n / 10, why)

    def condition_ids(self, query: str) -> list[str]:
        return self._condition_ids(words(unicodedata.normalize("NFKC", query)[:MAX_QUERY_CHARS]))

    def _condition_ids(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        rows = self._atlas._fts(
            "SELECT id FROM conditions_fts WHERE conditions_fts MATCH ?"
            " ORDER BY bm25(conditions_fts, 0, 10, 8, 1) LIMIT 10",
            (_match_all(tokens, ("name", "keywords")),),
        )
        return [r[0] for r in rows]

    def _add_text(self, tokens: list[str], add: _Adder, score: float, note: str) -> None:
        if not tokens:
            return
        for expression in (_match_all(tokens), _match_any(tokens)):
            rows = self._atlas._fts(
                "SELECT code, highlight(points_fts, 2, '[', ']') FROM points_fts"
                " WHERE points_fts MATCH ?"
                " ORDER BY bm25(points_fts, 0, 10, 6, 1, 2) LIMIT 200",
                (expression,),
            )
            for rank, (hit_code, indications) in enumerate(rows):
                why = note or _why_text(indications)
                add(hit_code, score - rank / 10, why)
            if rows:
                return
            score -= 50


def _quoted(token: str, prefix: bool) -> str:
    return f'"{token}"' + ("*" if prefix and len(token) >= 3 else "")


def _match_all(tokens: Iterable[str], columns: tuple[str, ...] = ()) -> str:
    tokens = list(tokens)
    body = " AND ".join(_quoted(t, i == len(tokens) - 1) for i, t in enumerate(tokens))
    return f"{{{' '.join(columns)}}} : ({body})" if columns else body


def _match_any(tokens: Iterable[str]) -> str:
    return " OR ".join(_quoted(t, False) for t in tokens)


def _why_text(highlighted_indications: str | None) -> str:
    if highlighted_indications and "[" in highlighted_indications:
        for part in highlighted_indications.split(" ; "):
            if "[" in part:
                return part.replace("[", "").replace("]", "")
    return "text"
