"""The Atlas: read-only access to the reference database.

    >>> atlas = Atlas.open()
    >>> atlas.point("li-4").pinyin
    'Hegu'

Points, channels, regions, categories and conditions are small, so they are
read into memory once, as immutable objects; search uses the database's
full-text index as well.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from atlas.core import cache, codes, sources
from atlas.core.model import (
    Category,
    CautionFlag,
    Channel,
    Condition,
    ConditionPoint,
    Point,
    PointCategory,
    Region,
    SelfCare,
)
from atlas.core.safefile import FileWriteError
from atlas.core.search import SearchIndex, SearchResult

#: The public columns of the points table, in order (also the keys of `--json`): the
#: fields of a Point up to the lists gathered from other tables.
POINT_COLUMNS: tuple[str, ...] = Point._fields[: Point._fields.index("indications")]


def _select(record: type[tuple[Any, ...]], source: str) -> str:
    """SELECT the record's fields (in order) FROM source."""
    return f"SELECT {', '.join(record._fields)} FROM {source}"  # type: ignore[attr-defined]


_first = itemgetter(0)


class AtlasDataError(Exception):
    """The reference database is missing, stale or damaged, or cannot be built."""


class PointFilter(NamedTuple):
    """Which points a list or a search keeps; None keeps any. Made by Atlas.check_filters."""

    channel: str | None = None
    region: str | None = None
    category: str | None = None
    caution: str | None = None  # only points with this caution flag
    without_caution: str | None = None  # only points without it ("safe in pregnancy")

    def matches(self, point: Point) -> bool:
        return (
            (self.channel is None or point.channel == self.channel)
            and (self.region is None or point.region == self.region)
            and (self.category is None or self.category in point.category_ids())
            and (self.caution is None or self.caution in point.caution_flags)
            and (self.without_caution is None or self.without_caution not in point.caution_flags)
        )


#: The categories of the tables across channels: the five transporting points, then
#: yuan-source, luo-connecting, xi-cleft, front-mu and back-shu.
CHANNEL_TABLE_CATEGORIES: tuple[str, ...] = (
    "jing_well", "ying_spring", "shu_stream", "jing_river", "he_sea",
    "yuan_source", "luo_connecting", "xi_cleft", "front_mu", "back_shu",
)  # fmt: skip


class CategoryRow(NamedTuple):
    """One row of a category table: a channel (or a vessel) and its points per column."""

    name: str  # the channel's English name, or the vessel's name (Yin Qiao Mai)
    channel: str | None  # the channel's code; None for a vessel without a channel
    cells: tuple[tuple[str, ...], ...]  # per column, the codes in atlas order


class CategoryTable(NamedTuple):
    """Categories side by side across the channels (Atlas.category_table)."""

    categories: tuple[Category, ...]  # the columns
    rows: tuple[CategoryRow, ...]


def _ensure_built(verify: bool) -> Path:
    try:
        return cache.ensure_built(verify=verify)
    except sources.BuildError as exc:
        raise AtlasDataError(str(exc)) from exc
    except (OSError, FileWriteError) as exc:
        raise AtlasDataError(f"Could not build the reference database: {exc}") from exc


def _connect(path: Path) -> tuple[sqlite3.Connection, Path]:
    """A read-only connection to a reference database (checked for its meta table)."""
    path = path.resolve()
    if not path.is_file():
        raise AtlasDataError(f"No reference database at {path}")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT value FROM meta WHERE key = 'source_hash'").fetchone()
    except sqlite3.Error as exc:
        raise AtlasDataError(f"The reference database {path} is damaged: {exc}") from exc
    return conn, path


class Atlas:
    """The reference atlas. Open with `Atlas.open()`; close (or use `with`) when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, rebuildable: bool = False) -> None:
        self._conn = conn
        self.path = path
        self._rebuildable = rebuildable  # the cache's own file, which repair() may rebuild
        self._schema: dict[str, set[str]] | None = None  # see _columns
        self._ready = False  # until loaded, a failed query is a failure to open
        try:
            self._load()
        except sqlite3.Error as exc:
            conn.close()
            raise AtlasDataError(f"The reference database {path} is damaged: {exc}") from exc
        self._ready = True

    @cached_property
    def _search(self) -> SearchIndex:
        # Built on the first search, not at opening: start-up does not wait for it.
        return SearchIndex(self)

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: str | Path | None = None) -> Atlas:
        """Open a reference database read-only; by default the one built from `db/`.

        The default database is built (or rebuilt, when the sources changed or
        the cached file is damaged) on first use.
        """
        if path is not None:
            return cls(*_connect(Path(path)))
        try:
            return cls(*_connect(_ensure_built(verify=False)), rebuildable=True)
        except AtlasDataError:
            # damaged after the cache's stamp was written: a full check rebuilds it
            return cls(*_connect(_ensure_built(verify=True)), rebuildable=True)

    def close(self) -> None:
        self._conn.close()

    # ---------------------------------------------------------------- damage

    def verify(self) -> list[str]:
        """Everything wrong with the database file; [] when it is whole (`cache.verify`).

        It reads every table; it is safe on any thread (it opens its own
        connections), so the window runs it on a worker after start. When it
        finds damage, call `repair()` on the thread that uses the atlas.
        """
        return cache.verify(self.path)

    def repair(self) -> None:
        """Rebuild the cached database (if damaged) and reopen this atlas on it.

        Not thread-safe: call it where the atlas is used. Raises AtlasDataError
        when the file cannot be rebuilt, or was opened by path (not the cache's).
        Any query that meets a database error checks and repairs by itself.
        """
        if not self._rebuildable:
            problems = self.verify()
            detail = problems[0] if problems else "a query failed"
            raise AtlasDataError(f"The reference database {self.path} is damaged: {detail}")
        conn, path = _connect(_ensure_built(verify=True))
        old, self._conn, self.path = self._conn, conn, path
        old.close()
        self._schema = None
        self._ready = False  # a failure while reloading must not repair again, and again
        try:
            self._load()
        except sqlite3.Error as exc:
            raise AtlasDataError(f"The rebuilt reference database {path} fails: {exc}") from exc
        finally:
            self._ready = True

    def _query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Any]]:
        """Column names and rows. A database error here means damage the stamp did not
        see: the file is checked, rebuilt and reopened, and the query asked again;
        if that fails too, AtlasDataError. Never a silently short answer."""

        def ask() -> tuple[list[str], list[Any]]:
            cursor = self._conn.execute(sql, params)
            return [d[0] for d in cursor.description or ()], cursor.fetchall()

        try:
            return ask()
        except sqlite3.DatabaseError as exc:
            if not self._ready:
                raise
            if not self.verify():
                raise AtlasDataError(f"The reference database could not answer: {exc}") from exc
            self.repair()
        try:
            return ask()
        except sqlite3.DatabaseError as exc:
            raise AtlasDataError(f"The rebuilt reference database fails: {exc}") from exc

    def __enter__(self) -> Atlas:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---------------------------------------------------------------- loading

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        names, rows = self._query(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _tuples(self, sql: str) -> list[tuple[Any, ...]]:
        return self._query(sql)[1]

    def _grouped(
        self, sql: str, make: Callable[..., Any] | None = None
    ) -> dict[str, tuple[Any, ...]]:
        """Rows of (code, value...) in code order, as {code: values}; each value is the
        single column after the code, or `make(*columns)`."""
        rows = self._tuples(sql)
        if make is None:
            return {code: tuple(r[1] for r in group) for code, group in groupby(rows, _first)}
        return {code: tuple(make(*r[1:]) for r in group) for code, group in groupby(rows, _first)}

    def _load(self) -> None:
        # Tuples straight from the cursor, in the records' own field order: opening is
        # on the way to the first window, and dicts per row cost more than the reading.
        self._meta = dict(self._tuples("SELECT key, value FROM meta"))
        self._locations: dict[str, tuple[int, int, int]] | None = None  # needle_count
        self._regions = {
            r[0]: Region._make(r) for r in self._tuples(_select(Region, "regions ORDER BY sort"))
        }
        self._channels = {
            r[0]: Channel._make(r) for r in self._tuples(_select(Channel, "channels ORDER BY sort"))
        }
        self._categories = {
            r[0]: Category._make(r)
            for r in self._tuples(_select(Category, "categories ORDER BY sort"))
        }
        self._flags = {
            r[0]: CautionFlag._make(r)
            for r in self._tuples(_select(CautionFlag, "caution_flags ORDER BY sort"))
        }
        indications = self._grouped(
            "SELECT code, indication FROM point_indications ORDER BY code, sort"
        )
        categories = self._grouped(
            "SELECT pc.code, pc.category, pc.relates_to FROM point_categories pc"
            " JOIN categories c ON c.id = pc.category ORDER BY pc.code, c.sort",
            PointCategory,
        )
        flags = self._grouped(
            "SELECT pc.code, pc.flag FROM point_cautions pc"
            " JOIN caution_flags f ON f.id = pc.flag ORDER BY pc.code, f.sort"
        )
        aliases = self._grouped("SELECT code, alias FROM point_aliases ORDER BY code, alias")
        self._alias_codes = {
            alias.upper(): code
            for code, alias in self._tuples(
                "SELECT code, alias FROM point_aliases WHERE kind = 'code'"
            )
        }
        self._points: dict[str, Point] = {
            r[0]: Point._make(
                (
                    *r,
                    indications.get(r[0], ()),
                    categories.get(r[0], ()),
                    flags.get(r[0], ()),
                    aliases.get(r[0], ()),
                )
            )
            for r in self._tuples(f"SELECT {', '.join(POINT_COLUMNS)} FROM points ORDER BY sort")
        }
        self._sort = {code: i for i, code in enumerate(self._points)}

        points_by_condition = self._grouped(
            "SELECT condition_id, code, reason FROM condition_points ORDER BY condition_id, sort",
            ConditionPoint,
        )
        self._conditions = {
            cid: Condition(
                id=cid,
                name=name,
                keywords=tuple(k for k in keywords.split("; ") if k),
                summary=summary,
                triggers=tuple(t for t in triggers.split("; ") if t),
                course=course,
                evidence=evidence,
                points=points_by_condition.get(cid, ()),
            )
            for cid, name, keywords, summary, triggers, course, evidence in self._tuples(
                "SELECT id, name, keywords, summary, triggers, course, evidence"
                " FROM conditions ORDER BY sort"
            )
        }

    # ---------------------------------------------------------------- reading

    @property
    def version(self) -> str:
        """The hash of the sources this database was built from."""
        return str(self._meta.get("source_hash", ""))

    def resolve(self, code: str) -> str | None:
        """The WHO code of the point that `code` names in any common form, or None."""
        parsed = codes.parse_code(code)
        if parsed is not None and parsed.code in self._points:
            return parsed.code
        unchecked = codes.parse_code(code, check_range=False)
        if unchecked is not None:
            return self._alias_codes.get(unchecked.code)
        return None

    def point(self, code: str) -> Point | None:
        """The point a code names (LI4, li-4, "Large Intestine 4", GV29 for EX-HN3), or None."""
        point = self._points.get(code)  # already in WHO form, as the atlas's own data is
        if point is not None:
            return point
        resolved = self.resolve(code)
        return self._points[resolved] if resolved else None

    def points(
        self,
        channel: str | None = None,
        region: str | None = None,
        category: str | None = None,
        caution: str | None = None,
        without_caution: str | None = None,
    ) -> tuple[Point, ...]:
        """Points in atlas order (channel order, then number), optionally filtered:
        `caution="pregnancy"` keeps the points flagged for pregnancy,
        `without_caution="pregnancy"` those that are not.

        Raises ValueError for an unknown channel, region, category or caution flag.
        """
        keep = self.check_filters(channel, region, category, caution, without_caution)
        return tuple(p for p in self._points.values() if keep.matches(p))

    def check_filters(
        self,
        channel: str | None = None,
        region: str | None = None,
        category: str | None = None,
        caution: str | None = None,
        without_caution: str | None = None,
    ) -> PointFilter:
        """Normalise filter values; raise ValueError naming an unknown one (and the
        known ones) in a line."""
        if channel:
            resolved = codes.channel_of(channel)
            if resolved is None or resolved not in self._channels:
                known = ", ".join(self._channels)
                raise ValueError(f"unknown channel {channel!r} (one of {known})")
            channel = resolved
        if region:
            region = region.strip().lower().replace(" ", "_").replace("-", "_")
            if region not in self._regions:
                raise ValueError(f"unknown region {region!r} (one of {', '.join(self._regions)})")
        if category:
            category = category.strip().lower().replace(" ", "_").replace("-", "_")
            if category not in self._categories:
                known = ", ".join(self._categories)
                raise ValueError(f"unknown category {category!r} (one of {known})")
        return PointFilter(
            channel or None,
            region or None,
            category or None,
            self._caution_id(caution),
            self._caution_id(without_caution),
        )

    def _caution_id(self, flag: str | None) -> str | None:
        """A caution flag by its id or name, in any case ("Major blood vessel")."""
        if not flag:
            return None
        wanted = flag.strip().lower().replace(" ", "_").replace("-", "_")
        for known in self._flags.values():
            if wanted in (known.id, known.name.lower().replace(" ", "_")):
                return known.id
        raise ValueError(f"unknown caution flag {flag!r} (one of {', '.join(self._flags)})")

    def all_points(self) -> Iterator[Point]:
        return iter(self._points.values())

    def sort_index(self, code: str) -> int:
        return self._sort.get(code, len(self._sort))

    def channels(self) -> tuple[Channel, ...]:
        return tuple(self._channels.values())

    def channel(self, code: str) -> Channel | None:
        resolved = codes.channel_of(code)
        return self._channels.get(resolved) if resolved else None

    def regions(self) -> tuple[Region, ...]:
        return tuple(self._regions.values())

    def region(self, region_id: str) -> Region | None:
        return self._regions.get(region_id)

    def categories(self) -> tuple[Category, ...]:
        return tuple(self._categories.values())

    def category(self, category_id: str) -> Category | None:
        return self._categories.get(category_id)

    def caution_flags(self) -> tuple[CautionFlag, ...]:
        return tuple(self._flags.values())

    def caution_flag(self, flag_id: str) -> CautionFlag | None:
        return self._flags.get(flag_id)

    def category_table(self, categories: Sequence[str] = CHANNEL_TABLE_CATEGORIES) -> CategoryTable:
        """Point categories side by side across the channels, from point_categories: a
        row per channel (in atlas order) that has any of them, with the code(s) of each
        category. Back-shu and front-mu points go to their organ's channel (BL13 to LU),
        the great luo of the spleen to SP, and the xi-cleft points of the extraordinary
        vessels to rows of their own, after the channels.

        Raises ValueError for an unknown category.
        """
        columns: list[Category] = []
        for name in categories:
            found = self.check_filters(category=name).category
            if found is None:
                raise ValueError(f"unknown category {name!r}")
            columns.append(self._categories[found])
        ids = [c.id for c in columns]
        cells: dict[str, tuple[list[str], ...]] = {}  # channel code or vessel -> columns
        for point in self._points.values():
            for membership in point.categories:
                if membership.category in ids:
                    row = cells.setdefault(
                        self._row_of(membership.relates_to), tuple([] for _ in ids)
                    )
                    row[ids.index(membership.category)].append(point.code)
        order = [c for c in self._channels if c in cells]
        order += [k for k in cells if k not in self._channels]
        return CategoryTable(
            tuple(columns),
            tuple(
                CategoryRow(
                    self._channels[key].english if key in self._channels else key,
                    key if key in self._channels else None,
                    tuple(map(tuple, cells[key])),
                )
                for key in order
            ),
        )

    def _row_of(self, relates_to: str) -> str:
        """The channel a category membership belongs to: a channel code (LU), an organ
        (Lung), or an organ named in a phrase ("great luo of the spleen"); else the
        membership's own target (an extraordinary vessel)."""
        if relates_to in self._channels:
            return relates_to
        organs = {c.organ.lower(): c.code for c in self._channels.values() if c.organ}
        text = relates_to.lower()
        if text in organs:  # before looking inside: "gallbladder" holds "bladder"
            return organs[text]
        return next((code for organ, code in organs.items() if organ in text), relates_to)

    def conditions(self) -> tuple[Condition, ...]:
        return tuple(self._conditions.values())

    def condition(self, condition_id: str) -> Condition | None:
        return self._conditions.get(condition_id)

    def conditions_for(self, code: str) -> tuple[Condition, ...]:
        """The conditions that use a point."""
        return tuple(c for c in self._conditions.values() if any(p.code == code for p in c.points))

    def needle_count(self, code: str, side: str = "both") -> int:
        """The needles a point takes on `side` ('both', 'left' or 'right'; '' is both):
        one per location, counting every location of a group (EX-B2: 17 a side), so
        2 for a paired point on both sides and 1 for a midline point; 0 for a point
        that is never needled (angle 'none' or no depth: CV8) or is not in the atlas.

        The locations are those the diagram places (`placements`: each distinct part
        and side over all views). A location drawn on one side only on views that
        show one side of the body (the side views, the right hand) is a pair when the
        point is; drawn on one side of a view that shows both, it has that side alone
        (EX-HN12, on the left vein under the tongue).
        """
        if side not in ("", "both", "left", "right"):
            raise ValueError(f"unknown side {side!r} (both, left or right)")
        point = self.point(code)
        if point is None or not point.needled or point.depth_min is None:
            return 0
        locations = self._needle_locations().get(point.code)
        if locations is None:  # not drawn: its pair, or the midline
            locations = (1, 1, 0) if point.is_bilateral else (0, 0, 1)
        left, right, midline = locations
        return midline + (left if side != "right" else 0) + (right if side != "left" else 0)

    def _needle_locations(self) -> dict[str, tuple[int, int, int]]:
        """Per point, its locations on the left, on the right and on the midline
        (read from `placements` when first asked, as only plans count needles)."""
        if self._locations is not None:
            return self._locations
        rows = self._tuples("SELECT code, COALESCE(part, ''), side, view FROM placements")
        view_sides: dict[str, set[str]] = {}
        seen: dict[tuple[str, str], dict[str, set[str]]] = {}  # (code, part): side -> views
        for code, part, side, view in rows:
            view_sides.setdefault(view, set()).add(side)
            seen.setdefault((code, part), {}).setdefault(side, set()).add(view)
        both_ways = {view for view, sides in view_sides.items() if {"left", "right"} <= sides}
        counts: dict[str, list[int]] = {}
        for (code, _part), sides in seen.items():
            count = counts.setdefault(code, [0, 0, 0])
            lateral = [s for s in ("left", "right") if s in sides]
            point = self._points.get(code)
            if not lateral:
                count[2] += 1
            elif len(lateral) == 2 or (
                point is not None and point.is_bilateral and not sides[lateral[0]] & both_ways
            ):
                count[0] += 1
                count[1] += 1
            else:
                count[0 if lateral[0] == "left" else 1] += 1
        self._locations = {code: (c[0], c[1], c[2]) for code, c in counts.items()}
        return self._locations

    def self_care(self, code: str) -> SelfCare | None:
        """The point's self-care text for patients, or None when it has none.

        Read when asked (only handouts need it), not when the atlas opens.
        """
        point = self.point(code)
        if point is None:
            return None
        row = self._conn.execute(
            _select(SelfCare, "self_care WHERE code = ?"), (point.code,)
        ).fetchone()
        return SelfCare._make(row) if row else None

    def row(self, code: str) -> dict[str, Any] | None:
        """The point's `points` row as a plain dict (the keys of `atlas show --json`)."""
        point = self.point(code)
        if point is None:
            return None
        return {name: getattr(point, name) for name in POINT_COLUMNS}

    def table(self, name: str, where: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a reference table (read-only), for the diagram and tools.

        Table and column names are checked against the schema, values are bound.
        """
        columns = self._columns().get(name)
        if columns is None:
            return []
        clauses: list[str] = []
        params: list[Any] = []
        for key, value in (where or {}).items():
            if key not in columns:
                raise ValueError(f"no column {key!r} in {name}")
            clauses.append(f'"{key}" = ?')
            params.append(value)
        sql = f'SELECT * FROM "{name}"' + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
        return self._rows(sql, params)

    def _columns(self) -> dict[str, set[str]]:
        """Each table's column names (read once: the database never changes)."""
        if self._schema is None:
            rows = self._tuples(
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
                " WHERE m.type = 'table'"
            )
            self._schema = {}
            for table, column in rows:
                self._schema.setdefault(table, set()).add(column)
        return self._schema

    # ---------------------------------------------------------------- search

    def search(
        self,
        query: str,
        *,
        channel: str | None = None,
        region: str | None = None,
        category: str | None = None,
        caution: str | None = None,
        without_caution: str | None = None,
        limit: int = 50,
    ) -> list[SearchResult]:
        """Ranked points for what a user typed: codes, names, indications, conditions,
        cautions; the filters are those of `points`.

        Never raises for odd input; raises ValueError only for an unknown filter.
        """
        keep = self.check_filters(channel, region, category, caution, without_caution)
        return self._search.search(query, filters=keep, limit=limit)

    def search_conditions(self, query: str, limit: int = 10) -> list[Condition]:
        """Conditions whose name, keywords or summary match the query."""
        return [self._conditions[c] for c in self._search.condition_ids(query)[:limit]]

    # The search index reads the full-text tables through this method.
    def _fts(self, sql: str, params: Iterable[Any]) -> list[tuple[Any, ...]]:
        return self._query(sql, tuple(params))[1]
