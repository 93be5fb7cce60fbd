"""Build the reference SQLite database from the TOML sources in `db/`.

The sources are the truth; the built file is a cache (`atlas.core.cache`), keyed
by a hash of the sources and of the core code, rebuilt whenever they change and
never edited.
Every record is validated before anything is written, and every problem is
reported with the file and the point it concerns (`atlas build --check` lists
them as `file: point: message`).

The sources: one file per channel in `db/points/`, each `[[points]]` record with
its names (from the WHO standard), `region`, `location` (distances always as
digits with B-cun or F-cun), `how_to_find`, `indications` and `actions` (lists),
`angle`, `depth = [min, max]`, `method`, `moxibustion`, `cautions`,
`caution_flags`, `categories` (`{category, relates_to}`) and optionally
`location_alt` and `aliases`; an unknown field is an error, so a typo cannot drop
data silently. Beside them the vocabularies and conditions (`db/*.toml`),
`aliases.toml` (the names other books use), `wade_giles.toml` (the syllable table
each name is spelt with), `selfcare.toml` (a patient's words per point), and the
diagram's `locators/` and `pathways/` (`atlas.core.placement`,
`atlas.core.pathways`). The tables they become are in docs/schema.md.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atlas.core import paths, safefile
from atlas.core.codes import parse_code
from atlas.core.sources import BuildError, Problem, sources_hash
from atlas.core.spelling import wade_giles

NEEDLING_ANGLES = ("perpendicular", "oblique", "transverse", "none")
MAX_DEPTH_CUN = 5.0

_POINT_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "code": str,
    "pinyin": str,
    "pinyin_tones": str,
    "hanzi": str,
    "hanzi_simplified": str,
    "english": str,
    "region": str,
    "location": str,
    "how_to_find": str,
    "indications": list,
    "actions": list,
    "angle": str,
    "method": str,
    "moxibustion": str,
    "cautions": str,
}
_POINT_OPTIONAL: dict[str, type | tuple[type, ...]] = {
    "depth": list,
    "location_alt": str,
    "caution_flags": list,
    "categories": list,
    "aliases": list,
}

_CONDITION_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "name": str,
    "summary": str,
    "triggers": list,
    "course": str,
    "evidence": str,
    "points": list,
}
_CONDITION_OPTIONAL: dict[str, type | tuple[type, ...]] = {"keywords": list}

#: db/selfcare.toml: per point, either the texts for patients or the reason it is unsuitable
#: (the `where` text is the column `where_text`: WHERE is an SQL keyword).
_SELF_CARE_TEXTS: dict[str, type | tuple[type, ...]] = {
    "where": str,
    "how": str,
    "used_for": str,
    "avoid": str,
}
_SELF_CARE_UNSUITABLE: dict[str, type | tuple[type, ...]] = {"unsuitable": str}


@dataclass
class Sources:
    """Validated sources, ready to be written."""

    root: Path
    regions: list[dict[str, Any]] = field(default_factory=list)
    channels: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[dict[str, Any]] = field(default_factory=list)
    indications: list[dict[str, Any]] = field(default_factory=list)
    point_categories: list[dict[str, Any]] = field(default_factory=list)
    point_cautions: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[dict[str, Any]] = field(default_factory=list)
    condition_points: list[dict[str, Any]] = field(default_factory=list)
    self_care: list[dict[str, Any]] = field(default_factory=list)
    diagram: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def strip_tones(text: str) -> str:
    """'Hégǔ' -> 'Hegu'; 'Nǚ' -> 'Nu'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _Checker:
    """Collects problems while reading the sources."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.source.parent).as_posix()
        except ValueError:
            return str(path)

    def add(self, path: Path, item: str, message: str) -> None:
        self.problems.append(Problem(self.rel(path), item, message))

    def load(self, path: Path) -> dict[str, Any] | None:
        import tomllib  # only a (re)build reads the sources; opening the atlas does not

        try:
            with path.open("rb") as f:
                return tomllib.load(f)
        except FileNotFoundError:
            self.add(path, "", "file is missing")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            self.add(path, "", f"not valid TOML: {exc}")
        return None

    def fields(
        self,
        path: Path,
        item: str,
        record: Mapping[str, Any],
        required: Mapping[str, type | tuple[type, ...]],
        optional: Mapping[str, type | tuple[type, ...]],
    ) -> bool:
        ok = True
        for name, kind in required.items():
            if name not in record:
                self.add(path, item, f"missing field '{name}'")
                ok = False
            elif not isinstance(record[name], kind):
                self.add(path, item, f"field '{name}' should be {_kind_name(kind)}")
                ok = False
            elif isinstance(record[name], str | list) and not record[name]:
                self.add(path, item, f"field '{name}' is empty")
                ok = False
        for name, value in record.items():
            if name in required:
                continue
            if name not in optional:
                self.add(path, item, f"unknown field '{name}'")
                ok = False
            elif not isinstance(value, optional[name]):
                self.add(path, item, f"field '{name}' should be {_kind_name(optional[name])}")
                ok = False
        return ok

    def strings(self, path: Path, item: str, name: str, values: Iterable[Any]) -> list[str]:
        out: list[str] = []
        for value in values:
            if not isinstance(value, str) or not value.strip():
                self.add(path, item, f"'{name}' holds an empty or non-text entry: {value!r}")
            else:
                out.append(value.strip())
        if len(set(out)) != len(out):
            self.add(path, item, f"'{name}' repeats an entry")
        return out


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", list: "a list", dict: "a table", int: "a number", float: "a number"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _check_schema(check: _Checker, path: Path) -> None:
    """Run schema.sql into an empty in-memory database; SQLite's complaint is the problem."""
    try:
        schema = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        check.add(path, "", f"cannot be read: {exc}")
        return
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(schema)
    except sqlite3.Error as exc:
        check.add(path, "", f"SQLite rejects it: {exc}")
    finally:
        conn.close()


def _point_files(source: Path, channels: Iterable[str]) -> Iterator[tuple[str, Path]]:
    for channel in channels:
        yield channel, source / "points" / f"{channel}.toml"


def load_sources(source: Path | None = None) -> Sources:
    """Read and validate every source file; raise BuildError listing all problems."""
    source = source or paths.source_dir()
    check = _Checker(source)
    out = Sources(source)
    _check_schema(check, source / "schema.sql")

    regions_path = source / "regions.toml"
    doc = check.load(regions_path) or {}
    for i, region in enumerate(doc.get("regions", [])):
        out.regions.append({**region, "sort": i})
    region_ids = {r.get("id") for r in out.regions}

    channels_path = source / "channels.toml"
    doc = check.load(channels_path) or {}
    for i, channel in enumerate(doc.get("channels", [])):
        out.channels.append({**channel, "sort": i})
    channel_counts = {c.get("code"): c.get("point_count") for c in out.channels}

    categories_path = source / "categories.toml"
    doc = check.load(categories_path) or {}
    expected_counts: dict[str, int] = {}
    for i, category in enumerate(doc.get("categories", [])):
        expected_counts[category["id"]] = category.get("count", 0)
        out.categories.append({k: v for k, v in category.items() if k != "count"} | {"sort": i})
    category_ids = set(expected_counts)

    flags_path = source / "cautions.toml"
    doc = check.load(flags_path) or {}
    for i, flag in enumerate(doc.get("flags", [])):
        keywords = check.strings(
            flags_path, str(flag.get("id")), "keywords", flag.get("keywords", [])
        )
        out.flags.append({**flag, "keywords": "; ".join(keywords), "sort": i})
    flag_ids = {f.get("id") for f in out.flags}

    syllables = _load_syllables(check, source / "wade_giles.toml")
    seen_codes: dict[str, str] = {}
    seen_aliases: dict[str, str] = {}
    sort = 0
    for channel, path in _point_files(source, [str(c) for c in channel_counts]):
        point_doc = check.load(path)
        if point_doc is None:
            continue
        doc = point_doc
        unknown = set(doc) - {"points"}
        if unknown:
            check.add(path, "", f"unknown top-level key(s): {', '.join(sorted(unknown))}")
        records = doc.get("points", [])
        if not isinstance(records, list):
            check.add(path, "", "'points' should be an array of tables ([[points]])")
            continue
        if channel_counts.get(channel) and len(records) != channel_counts[channel]:
            check.add(
                path,
                "",
                f"holds {len(records)} points; channels.toml says {channel_counts[channel]}",
            )
        for index, record in enumerate(records):
            item = str(record.get("code") or f"record #{index + 1}")
            if not check.fields(path, item, record, _POINT_REQUIRED, _POINT_OPTIONAL):
                continue
            row = _point_row(check, path, item, channel, record, region_ids, syllables)
            if row is None:
                continue
            code = row["code"]
            if code in seen_codes:
                check.add(path, item, f"duplicate code (also in {seen_codes[code]})")
                continue
            seen_codes[code] = check.rel(path)
            sort += 1
            row["sort"] = sort
            out.points.append(row)
            for n, indication in enumerate(
                check.strings(path, item, "indications", record["indications"])
            ):
                out.indications.append({"code": code, "indication": indication, "sort": n})
            for flag in check.strings(path, item, "caution_flags", record.get("caution_flags", [])):
                if flag not in flag_ids:
                    check.add(path, item, f"unknown caution flag '{flag}'")
                else:
                    out.point_cautions.append({"code": code, "flag": flag})
            for entry in record.get("categories", []):
                if not isinstance(entry, dict) or set(entry) != {"category", "relates_to"}:
                    check.add(path, item, "each category needs exactly 'category' and 'relates_to'")
                elif entry["category"] not in category_ids:
                    check.add(path, item, f"unknown category '{entry['category']}'")
                elif not isinstance(entry["relates_to"], str) or not entry["relates_to"]:
                    check.add(path, item, f"category '{entry['category']}' needs 'relates_to'")
                else:
                    out.point_categories.append({"code": code, **entry})
            for entry in record.get("aliases", []):
                if (
                    not isinstance(entry, dict)
                    or not {"alias", "kind"} <= set(entry)
                    or not (set(entry) <= {"alias", "kind", "note"})
                ):
                    check.add(
                        path, item, "each alias needs 'alias' and 'kind' (and may have 'note')"
                    )
                elif entry["kind"] not in ("code", "name"):
                    check.add(
                        path, item, f"alias kind must be 'code' or 'name', not {entry['kind']!r}"
                    )
                else:
                    key = entry["alias"].strip().upper()
                    if entry["kind"] == "code" and key in seen_aliases:
                        check.add(path, item, f"alias code {entry['alias']} is already used")
                    seen_aliases[key] = code
                    out.aliases.append({"code": code, "note": "", **entry})

    for alias, code in seen_aliases.items():
        if alias in seen_codes:
            check.add(source / "points", code, f"alias {alias} is also the code of a point")
    _load_alias_names(check, source / "aliases.toml", out, set(seen_codes))

    by_category: dict[str, int] = {}
    for row in out.point_categories:
        by_category[row["category"]] = by_category.get(row["category"], 0) + 1
    complete = len(out.points) == sum(c for c in channel_counts.values() if c)
    if complete:
        for category_id, expected in expected_counts.items():
            if expected and by_category.get(category_id, 0) != expected:
                check.add(
                    categories_path,
                    category_id,
                    f"{by_category.get(category_id, 0)} points carry it; expected {expected}",
                )

    _load_conditions(check, source / "conditions.toml", out, set(seen_codes))
    _load_self_care(check, source / "selfcare.toml", out, set(seen_codes))

    if not check.problems:
        out.diagram = _diagram_tables(check, source, out)

    if check.problems:
        raise BuildError(check.problems)
    return out


_DEPTH_RE = re.compile(r"^\d+(\.\d+)?$")


def _point_row(
    check: _Checker,
    path: Path,
    item: str,
    channel: str,
    record: Mapping[str, Any],
    region_ids: set[Any],
    syllables: Mapping[str, str],
) -> dict[str, Any] | None:
    ok = True
    code = record["code"]
    parsed = parse_code(code)
    if parsed is None or parsed.code != code:
        check.add(path, item, f"malformed code {code!r} (WHO form, such as LI4 or EX-HN3)")
        return None
    if parsed.channel != channel:
        check.add(path, item, f"code belongs to channel {parsed.channel}, not {channel}")
        ok = False
    if record["region"] not in region_ids:
        check.add(path, item, f"unknown region {record['region']!r}")
        ok = False
    if strip_tones(record["pinyin_tones"]).replace(" ", "").lower() != record["pinyin"].replace(
        " ", ""
    ).lower().replace("ü", "u"):
        check.add(
            path,
            item,
            f"pinyin_tones {record['pinyin_tones']!r} does not spell {record['pinyin']!r}",
        )
        ok = False
    romanised = (
        wade_giles(record["pinyin_tones"], len(record["hanzi"]), syllables) if syllables else ""
    )
    if romanised is None:
        check.add(
            path,
            item,
            f"pinyin_tones {record['pinyin_tones']!r} does not split into one syllable per"
            f" hanzi of {record['hanzi']!r} (db/wade_giles.toml lists the syllables)",
        )
        ok = False
    angle = record["angle"]
    if angle not in NEEDLING_ANGLES:
        check.add(path, item, f"angle must be one of {', '.join(NEEDLING_ANGLES)}, not {angle!r}")
        ok = False
    depth_min: float | None = None
    depth_max: float | None = None
    depth = record.get("depth")
    if angle == "none":
        if depth is not None:
            check.add(path, item, "a point that is not needled (angle 'none') takes no depth")
            ok = False
    elif depth is None:
        check.add(path, item, "missing field 'depth' ([min, max] in cun)")
        ok = False
    elif (
        len(depth) != 2
        or not all(isinstance(d, int | float) and not isinstance(d, bool) for d in depth)
        or not 0 <= depth[0] <= depth[1] <= MAX_DEPTH_CUN
        or depth[1] == 0
    ):
        check.add(
            path,
            item,
            f"malformed depth {depth!r}: give [min, max] in cun,"
            f" 0 <= min <= max <= {MAX_DEPTH_CUN:g}",
        )
        ok = False
    else:
        depth_min, depth_max = float(depth[0]), float(depth[1])
    actions = check.strings(path, item, "actions", record["actions"])
    if not ok:
        return None
    return {
        "code": code,
        "channel": channel,
        "number": parsed.number,
        "pinyin": record["pinyin"],
        "pinyin_tones": record["pinyin_tones"],
        "hanzi": record["hanzi"],
        "hanzi_simplified": record["hanzi_simplified"],
        "english": record["english"],
        "wade_giles": romanised,
        "region": record["region"],
        "location": record["location"].strip(),
        "location_alt": record.get("location_alt", "").strip(),
        "how_to_find": record["how_to_find"].strip(),
        "actions": "; ".join(actions),
        "needling_angle": angle,
        "depth_min": depth_min,
        "depth_max": depth_max,
        "needling_method": record["method"].strip(),
        "moxibustion": record["moxibustion"].strip(),
        "cautions": record["cautions"].strip(),
    }


def _load_syllables(check: _Checker, path: Path) -> dict[str, str]:
    """The pinyin-to-Wade-Giles syllable table (without it, no names in Wade-Giles)."""
    if not path.exists():
        return {}
    table = (check.load(path) or {}).get("syllables", {})
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in table.items()
    ):
        check.add(path, "syllables", "should map each pinyin syllable to its Wade-Giles text")
        return {}
    return table


def _load_alias_names(check: _Checker, path: Path, out: Sources, codes: set[str]) -> None:
    """Alternative names (db/aliases.toml): each adds its pinyin and its hanzi as aliases."""
    if not path.exists():
        return
    doc = check.load(path) or {}
    taken = {(a["code"], a["alias"]) for a in out.aliases}
    for index, record in enumerate(doc.get("names", [])):
        item = str(record.get("code") or f"name #{index + 1}")
        required = {"code": str, "pinyin": str, "hanzi": str, "note": str}
        if not check.fields(path, item, record, required, {}):
            continue
        if record["code"] not in codes:
            check.add(path, item, f"unknown point {record['code']!r}")
            continue
        for alias in (record["pinyin"].strip(), record["hanzi"].strip()):
            if (record["code"], alias) in taken:
                check.add(path, item, f"alias {alias!r} is given twice")
                continue
            taken.add((record["code"], alias))
            out.aliases.append(
                {"code": record["code"], "alias": alias, "kind": "name", "note": record["note"]}
            )


def _load_conditions(check: _Checker, path: Path, out: Sources, codes: set[str]) -> None:
    if not path.exists():
        return
    doc = check.load(path) or {}
    seen: set[str] = set()
    for index, record in enumerate(doc.get("conditions", [])):
        item = str(record.get("id") or f"condition #{index + 1}")
        if not check.fields(path, item, record, _CONDITION_REQUIRED, _CONDITION_OPTIONAL):
            continue
        cid = record["id"]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", cid):
            check.add(path, item, "condition id must be lower_case_with_underscores")
            continue
        if cid in seen:
            check.add(path, item, "duplicate condition id")
            continue
        seen.add(cid)
        triggers = check.strings(path, item, "triggers", record["triggers"])
        keywords = check.strings(path, item, "keywords", record.get("keywords", []))
        out.conditions.append(
            {
                "id": cid,
                "name": record["name"].strip(),
                "keywords": "; ".join(keywords),
                "summary": record["summary"].strip(),
                "triggers": "; ".join(triggers),
                "course": record["course"].strip(),
                "evidence": record["evidence"].strip(),
                "sort": len(out.conditions),
            }
        )
        seen_points: set[str] = set()
        for n, entry in enumerate(record["points"]):
            if not isinstance(entry, dict) or set(entry) != {"code", "reason"}:
                check.add(path, item, f"point #{n + 1} needs exactly 'code' and 'reason'")
                continue
            code = entry["code"]
            if code not in codes:
                check.add(path, item, f"unknown point {code!r}")
            elif code in seen_points:
                check.add(path, item, f"point {code} listed twice")
            elif not isinstance(entry["reason"], str) or not entry["reason"].strip():
                check.add(path, item, f"point {code} needs a reason")
            else:
                seen_points.add(code)
                out.condition_points.append(
                    {
                        "condition_id": cid,
                        "code": code,
                        "reason": entry["reason"].strip(),
                        "sort": n,
                    }
                )


def _load_self_care(check: _Checker, path: Path, out: Sources, codes: set[str]) -> None:
    """db/selfcare.toml: one table per point code, in the WHO form ([LI4])."""
    if not path.exists():
        return
    doc = check.load(path) or {}
    for code, record in doc.items():
        if code not in codes:
            parsed = parse_code(code)
            if parsed is not None and parsed.code in codes:
                check.add(path, code, f"write the code as {parsed.code}")
            else:
                check.add(path, code, f"unknown point {code!r}")
            continue
        if not isinstance(record, dict):
            check.add(path, code, f"should be a table ([{code}])")
            continue
        if "unsuitable" in record and set(record) & set(_SELF_CARE_TEXTS):
            check.add(path, code, "give either 'unsuitable' or the self-care text, not both")
            continue
        required = _SELF_CARE_UNSUITABLE if "unsuitable" in record else _SELF_CARE_TEXTS
        if not check.fields(path, code, record, required, {}):
            continue
        texts = {name: record[name].strip() for name in required}
        empty = [name for name, text in texts.items() if not text]
        for name in empty:
            check.add(path, code, f"field '{name}' is empty")
        if not empty:
            out.self_care.append(
                {
                    "code": code,
                    "where_text": texts.get("where", ""),
                    "how": texts.get("how", ""),
                    "used_for": texts.get("used_for", ""),
                    "avoid": texts.get("avoid", ""),
                    "unsuitable": texts.get("unsuitable", ""),
                }
            )


def _diagram_tables(check: _Checker, source: Path, out: Sources) -> dict[str, list[dict[str, Any]]]:
    """Derive the diagram tables (placements, pathways and friends) from db/locators/
    and db/pathways/ (atlas.core.placement returns rows per table name)."""
    from atlas.core import pathways, placement

    try:
        return placement.compute(source, {p["code"]: p for p in out.points})
    except placement.LocatorError as exc:
        check.add(Path(exc.file), exc.code, exc.message)
    except pathways.PathwayError as exc:
        check.add(Path(exc.file), exc.where, exc.message)
    return {}


def _fts_names(point: Mapping[str, Any], aliases: Iterable[str]) -> str:
    parts = [
        point["code"],
        point["pinyin"],
        point["pinyin_tones"],
        point["pinyin"].replace(" ", ""),
        point["hanzi"],
        point["hanzi_simplified"],
        point["english"],
        *aliases,
    ]
    return " ".join(parts)


def write_database(sources: Sources, dest: Path, source_hash: str) -> None:
    """Write validated sources into a new SQLite file at dest (replaced atomically)."""
    import sqlite_utils  # only the build writes; opening the atlas does not need it

    from atlas import __version__

    dest.parent.mkdir(parents=True, exist_ok=True)
    schema = (sources.root / "schema.sql").read_text(encoding="utf-8")
    # Built in memory (a few MB), then written whole by safefile: a full disk or a
    # kill leaves the previous file, never a part of a new one.
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            db = sqlite_utils.Database(conn)
            db.executescript(schema)
            with conn:
                db.table("meta").insert_all(
                    [
                        {"key": "source_hash", "value": source_hash},
                        {"key": "atlas_version", "value": __version__},
                        {"key": "point_count", "value": str(len(sources.points))},
                    ]
                )
                for table, rows in (
                    ("regions", sources.regions),
                    ("channels", sources.channels),
                    ("categories", sources.categories),
                    ("caution_flags", sources.flags),
                    ("points", sources.points),
                    ("point_aliases", sources.aliases),
                    ("point_indications", sources.indications),
                    ("point_categories", sources.point_categories),
                    ("point_cautions", sources.point_cautions),
                    ("conditions", sources.conditions),
                    ("condition_points", sources.condition_points),
                    ("self_care", sources.self_care),
                    *sources.diagram.items(),
                ):
                    if rows:
                        db.table(table).insert_all(rows)
                aliases: dict[str, list[str]] = {}
                for alias in sources.aliases:
                    aliases.setdefault(alias["code"], []).append(alias["alias"])
                indications: dict[str, list[str]] = {}
                for row in sources.indications:
                    indications.setdefault(row["code"], []).append(row["indication"])
                conn.executemany(
                    "INSERT INTO points_fts(rowid, code, names, indications, location, actions)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (
                            p["sort"],
                            p["code"],
                            _fts_names(p, aliases.get(p["code"], [])),
                            " ; ".join(indications.get(p["code"], [])),
                            f"{p['location']} {p['location_alt']} {p['how_to_find']}",
                            p["actions"],
                        )
                        for p in sources.points
                    ],
                )
                conn.executemany(
                    "INSERT INTO conditions_fts(rowid, id, name, keywords, summary)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [
                        (c["sort"] + 1, c["id"], c["name"], c["keywords"], c["summary"])
                        for c in sources.conditions
                    ],
                )
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise BuildError(
                    [Problem("database", str(p), "foreign key violation") for p in problems]
                )
            conn.execute("INSERT INTO points_fts(points_fts) VALUES ('optimize')")
            data = conn.serialize()
        finally:
            conn.close()
    except sqlite3.IntegrityError as exc:
        raise BuildError([Problem("database", "", f"constraint failed: {exc}")]) from exc
    safefile.write_bytes(dest, data, replace=True)


def build(dest: Path, source: Path | None = None) -> Path:
    """Validate the sources and build the database at dest."""
    source = source or paths.source_dir()
    sources = load_sources(source)
    write_database(sources, dest, sources_hash(source))
    return dest
