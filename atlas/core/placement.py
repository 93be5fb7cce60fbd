"""Derive point placements from locators (Qt-free).

A locator file ``db/locators/<CH>.toml`` holds one table per point and, in
it, one entry per *frame* the point is drawn in (``front``, ``back`` or
``side``; see :mod:`atlas.core.anatomy`)::

    [ST36]
    front = { at = "ST35", toward = "ST41", down = "3 B-cun", lateral = "1 F-breadth" }

An entry starts from a base and moves from it:

``at``
    a landmark of the frame or another point's code (resolved first);
``between = ["A", "B"]`` and ``frac`` (default 0.5)
    a point on the line from A to B instead of ``at``;
``up``, ``down``, ``lateral``, ``medial`` (front and back), ``anterior``,
``posterior`` (side)
    distances, written as in the location text: ``"3 B-cun"``, ``"0.5 F-cun"``,
    ``"1 F-breadth"``;
``toward``
    with ``up``/``down``: move along the line to this landmark or point, the
    distance being measured along the body's long axis (as the WHO does for
    ST36, "on the line connecting ST35 with ST41");
``level``
    take the vertical level from a landmark (``"ics4"`` follows the slope of
    the 4th intercostal space at the point's distance from the midline);
``snap``
    ``"medial"``/``"lateral"`` (front, back) or ``"anterior"``/``"posterior"``
    (side): move onto that border of the limb at this level, just inside the
    outline, for points on a border that the projection turns edge-on.

The result lands in the frame's views: the full-body view and every detail
view whose crop holds it, on both sides for front and back (mirrored), on the
right side for the side view, and on the midline when it lies on it. A point
is kept in a view only where it lies inside its own region there.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atlas.core import anatomy as an

UNITS: dict[str, float] = {"B-cun": 1.0, "F-cun": 1.0, "F-breadth": 0.75}
_DISTANCE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B-cun|F-cun|F-breadth)\s*$")
_MOVES = ("up", "down", "lateral", "medial", "anterior", "posterior", "behind")
_KEYS = {"at", "between", "frac", "toward", "level", "snap", "note", "check", "only", *_MOVES}
FRAMES = ("front", "back", "side", *an.FOOT_FRAMES)
_MIDLINE_EPS = 1e-6


class LocatorError(Exception):
    """A locator that cannot be resolved; names the file and the point."""

    def __init__(self, file: str, code: str, message: str) -> None:
        super().__init__(f"{file}: {code}: {message}")
        self.file = file
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Distance:
    value: float
    unit: str

    @property
    def cun(self) -> float:
        return self.value * UNITS[self.unit]

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit}"


def parse_distance(text: Any) -> Distance | None:
    if not isinstance(text, str):
        return None
    m = _DISTANCE_RE.match(text)
    if not m:
        return None
    return Distance(float(m.group(1)), m.group(2))


@dataclass
class Locator:
    code: str
    frame: str
    spec: dict[str, Any]
    file: str


@dataclass
class Resolved:
    x: float  # l (front/back, >= 0) or z (side)
    y: float
    steps: list[dict[str, Any]]


def load_locators(source: Path) -> dict[str, list[Locator]]:
    """Read every locator file; raise LocatorError on malformed entries."""
    out: dict[str, list[Locator]] = {}
    folder = source / "locators"
    for path in sorted(folder.glob("*.toml")):
        rel = (
            path.relative_to(source.parent).as_posix()
            if source.parent in path.parents
            else str(path)
        )
        try:
            with path.open("rb") as f:
                doc = tomllib.load(f)
        except tomllib.TOMLDecodeError as exc:
            raise LocatorError(rel, "", f"not valid TOML: {exc}") from exc
        for code, entry in doc.items():
            if not isinstance(entry, dict):
                raise LocatorError(rel, code, "a locator is a table of frames")
            if code in out:
                raise LocatorError(rel, code, "point located twice")
            locs: list[Locator] = []
            for frame, spec in entry.items():
                if frame not in FRAMES:
                    raise LocatorError(rel, code, f"unknown frame {frame!r}")
                if not isinstance(spec, dict):
                    raise LocatorError(rel, code, f"{frame}: expected an inline table")
                unknown = set(spec) - _KEYS
                if unknown:
                    raise LocatorError(rel, code, f"{frame}: unknown key(s) {sorted(unknown)}")
                for move in _MOVES:
                    if move in spec and parse_distance(spec[move]) is None:
                        raise LocatorError(
                            rel, code, f"{frame}: malformed distance {move} = {spec[move]!r}"
                        )
                if ("at" in spec) == ("between" in spec):
                    raise LocatorError(rel, code, f"{frame}: give exactly one of 'at', 'between'")
                locs.append(Locator(code, frame, spec, rel))
            out[code] = locs
    return out


class _Resolver:
    def __init__(self, locators: dict[str, list[Locator]]) -> None:
        self.locators = locators
        self.done: dict[tuple[str, str], Resolved] = {}
        self.active: list[tuple[str, str]] = []

    def ref(self, loc: Locator, name: str) -> tuple[float, float]:
        """A landmark or another point in the same frame."""
        marks = an.LANDMARKS[loc.frame]
        if name in marks:
            return marks[name]
        if name in self.locators:
            r = self.resolve_code(name, loc.frame, loc)
            return (r.x, r.y)
        raise LocatorError(loc.file, loc.code, f"{loc.frame}: unknown landmark or point {name!r}")

    def resolve_code(self, code: str, frame: str, by: Locator | None = None) -> Resolved:
        key = (code, frame)
        if key in self.done:
            return self.done[key]
        if key in self.active:
            cycle = " -> ".join(c for c, _ in [*self.active[self.active.index(key) :], key])
            where = by or self.locators[code][0]
            raise LocatorError(where.file, where.code, f"cycle in locators: {cycle}")
        loc = next((lc for lc in self.locators.get(code, []) if lc.frame == frame), None)
        if loc is None:
            where = by or Locator(code, frame, {}, "db/locators")
            raise LocatorError(
                where.file, where.code, f"{code} has no '{frame}' locator to measure from"
            )
        self.active.append(key)
        try:
            result = self._resolve(loc)
        finally:
            self.active.pop()
        self.done[key] = result
        return result

    def _resolve(self, loc: Locator) -> Resolved:
        s = loc.spec
        steps: list[dict[str, Any]] = []
        if "between" in s:
            pair = s["between"]
            if not (isinstance(pair, list) and len(pair) == 2):
                raise LocatorError(loc.file, loc.code, "'between' takes two names")
            a, b = self.ref(loc, pair[0]), self.ref(loc, pair[1])
            frac = float(s.get("frac", 0.5))
            x, y = an.lerp(a, b, frac)
            steps.append(
                {"kind": "between", "from": pair[0], "to": pair[1], "frac": frac, "a": a, "b": b}
            )
        else:
            x, y = self.ref(loc, s["at"])
            steps.append({"kind": "at", "from": s["at"], "a": (x, y)})
        across_start = (x, y)
        sideways = 0.0
        for move in ("lateral", "medial", "anterior", "posterior"):
            if move in s:
                d = parse_distance(s[move])
                assert d is not None
                sign = 1.0 if move in ("lateral", "anterior") else -1.0
                sideways += sign * d.cun
                steps.append({"kind": move, "distance": d, "start": across_start})
        if sideways and loc.frame in ("front", "back") and y < 10.4:
            x = an.head_wrap(an.head_unwrap(x) + sideways)
        else:
            x += sideways
        if "level" in s:
            name = s["level"]
            if name in an.ICS_NAMES:
                y = an.ics_y(an.ICS_NAMES[name], abs(x))
            else:
                y = self.ref(loc, name)[1]
        if "behind" in s:
            d = parse_distance(s["behind"])
            assert d is not None
            vy = an.vault_y(loc.frame, d.cun) if loc.frame in ("front", "back") else None
            if vy is None:
                raise LocatorError(
                    loc.file, loc.code, f"{loc.frame}: not on this side of the vault"
                )
            y = vy
        start = (x, y)
        vertical = 0.0
        for move in ("up", "down"):
            if move in s:
                d = parse_distance(s[move])
                assert d is not None
                vertical += d.cun if move == "down" else -d.cun
                steps.append({"kind": move, "distance": d, "start": start})
        if (
            vertical
            and loc.frame in ("front", "back")
            and "toward" not in s
            and _on_vault(loc.frame, x, y, vertical)
        ):
            arc = an.vault_arc(loc.frame, y)
            arc = arc - vertical if loc.frame == "front" else arc + vertical
            vy = an.vault_y(loc.frame, arc)
            if vy is None:
                raise LocatorError(loc.file, loc.code, f"{loc.frame}: runs off the vault")
            y, vertical = vy, 0.0
        if "toward" in s and vertical:
            tx, ty = self.ref(loc, s["toward"])
            dy = ty - y
            if abs(dy) < 1e-9 or (dy > 0) != (vertical > 0):
                raise LocatorError(loc.file, loc.code, "'toward' does not lie in that direction")
            t = vertical / dy
            x, y = x + (tx - x) * t, y + vertical
            steps[-1]["toward"] = s["toward"]
            steps[-1]["target"] = (tx, ty)
        else:
            y += vertical
        if "snap" in s:
            x = an.snap_to_border(loc.frame, x, y, s["snap"])
        if loc.frame in ("front", "back") and x < -_MIDLINE_EPS:
            raise LocatorError(loc.file, loc.code, "lands beyond the median line")
        for item in s.get("check", []):
            self._check(loc, item, x, y)
        return Resolved(max(x, 0.0) if loc.frame in ("front", "back") else x, y, steps)

    def _check(self, loc: Locator, item: Any, x: float, y: float) -> None:
        """A second description in the location text: [ref, direction, distance]."""
        if not (isinstance(item, list) and len(item) == 3 and item[1] in _MOVES):
            raise LocatorError(loc.file, loc.code, f"malformed check {item!r}")
        d = parse_distance(item[2])
        if d is None:
            raise LocatorError(loc.file, loc.code, f"malformed distance in check {item!r}")
        rx, ry = self.ref(loc, item[0])
        got = {
            "down": y - ry,
            "up": ry - y,
            "lateral": x - rx,
            "medial": rx - x,
            "anterior": x - rx,
            "posterior": rx - x,
        }[item[1]]
        if abs(got - d.cun) > 0.2:
            raise LocatorError(
                loc.file,
                loc.code,
                f"check failed: {item[2]} {item[1]} of {item[0]} expected, found {got:.2f}",
            )


def _on_vault(frame: str, lateral: float, y: float, vertical: float) -> bool:
    if lateral > 4.6:
        return False
    if frame == "front":
        ah = an.LEVEL["anterior_hairline"]
        return y <= ah + 1e-6 and y + vertical <= ah + 1e-6
    return y <= an.POSTERIOR_HAIRLINE + 1e-6 and y + vertical <= an.POSTERIOR_HAIRLINE + 1e-6


def _frame_sides(frame: str, lateral: float) -> list[tuple[str, float]]:
    """(side, signed frame x) pairs for a resolved frame position."""
    if frame == "side" or frame in an.FOOT_FRAMES:
        return [("right", lateral)]
    if lateral <= 1e-3:
        return [("midline", 0.0)]
    right = -1.0 if frame == "front" else 1.0
    return [("right", right * lateral), ("left", -right * lateral)]


def compute(source: Path, points: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows for the diagram tables: placements, views, landmarks, measures."""
    locators = load_locators(source)
    for code, locs in locators.items():
        if code not in points:
            raise LocatorError(locs[0].file if locs else "db/locators", code, "unknown point")
    resolver = _Resolver(locators)
    placements: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    regions_cache = {v.id: an.view_regions(v) for v in an.VIEWS}
    for code in sorted(locators, key=_code_key):
        point = points[code]
        region = str(point.get("region", ""))
        for loc in locators[code]:
            res = resolver.resolve_code(code, loc.frame)
            for view in an.VIEWS:
                if view.frame != loc.frame:
                    continue
                for side, fx in _frame_sides(loc.frame, res.x):
                    if view.side and side not in (view.side, "midline"):
                        continue
                    if loc.spec.get("only") and side != loc.spec["only"]:
                        continue
                    if not view.contains((fx, res.y)):
                        continue
                    vx, vy = view.to_view((fx, res.y))
                    if region and not _in_region(regions_cache[view.id], region, side, (vx, vy)):
                        continue
                    placements.append(
                        {
                            "code": code,
                            "view": view.id,
                            "x": round(vx, 2),
                            "y": round(vy, 2),
                            "side": side,
                        }
                    )
                    if side != "left":
                        measures += _measures(code, view, side, res, loc.frame)
    return {
        "views": [
            {
                "id": v.id,
                "title": v.title,
                "kind": v.kind,
                "frame": v.frame,
                "width": v.width,
                "height": v.height,
                "scale": v.scale,
                "sort": v.sort,
                "spacing": round(
                    typical_spacing([(p["x"], p["y"]) for p in placements if p["view"] == v.id]),
                    3,
                ),
            }
            for v in an.VIEWS
        ],
        "landmarks": _landmark_rows(),
        "placements": placements,
        "measures": measures,
    }


def typical_spacing(points: list[tuple[float, float]]) -> float:
    """The median distance from a point to its nearest neighbour (view units).

    Stored per view so the diagram sizes its markers and decides how many labels
    fit without measuring at start-up.
    """
    if len(points) < 2:
        return 10.0
    cell = 10.0
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for x, y in points:
        grid.setdefault((int(x // cell), int(y // cell)), []).append((x, y))
    nearest: list[float] = []
    for x, y in points:
        best = math.inf
        gx, gy = int(x // cell), int(y // cell)
        for ring in range(0, 6):
            for dx in range(-ring, ring + 1):
                for dy in range(-ring, ring + 1):
                    if max(abs(dx), abs(dy)) != ring:
                        continue
                    for ox, oy in grid.get((gx + dx, gy + dy), ()):
                        d = math.hypot(ox - x, oy - y)
                        if 1e-6 < d < best:
                            best = d
            if best < ring * cell:
                break
        if best < math.inf:
            nearest.append(best)
    if not nearest:
        return 10.0
    nearest.sort()
    return max(1.0, nearest[len(nearest) // 2])


def _code_key(code: str) -> tuple[str, int]:
    m = re.match(r"^([A-Z-]+?)(\d+)$", code)
    return (m.group(1), int(m.group(2))) if m else (code, 0)


def _in_region(
    regions: Mapping[str, list[an.Polygon]], region: str, side: str, p: tuple[float, float]
) -> bool:
    candidates = [region] if side == "midline" else [region, f"{region}-{side}"]
    if side == "midline":
        candidates += [f"{region}-left", f"{region}-right"]
    # a point on the median line may sit on the seam between the two halves of a region
    probes = [p, (p[0] + 0.05, p[1]), (p[0] - 0.05, p[1])]
    return any(an.point_in_shape(q, regions[c]) for c in candidates if c in regions for q in probes)


def region_ok(view_id: str, region: str, side: str, x: float, y: float) -> bool:
    """Whether a placement (SVG units) lies in its own region in that view."""
    return _in_region(an.view_regions(an.VIEW_BY_ID[view_id]), region, side, (x, y))


def _measures(
    code: str, view: an.View, side: str, res: Resolved, frame: str
) -> list[dict[str, Any]]:
    """Segments for the measuring guide: the scale each distance is measured on."""
    rows: list[dict[str, Any]] = []
    sign = 1.0
    if frame in ("front", "back"):
        sign = (-1.0 if frame == "front" else 1.0) if side == "right" else 1.0

    def fpt(p: tuple[float, float]) -> tuple[float, float]:
        return view.to_view((sign * p[0], p[1]) if frame in ("front", "back") else p)

    seq = 0
    for step in res.steps:
        kind = step["kind"]
        if kind not in _MOVES or kind == "behind":
            continue
        d: Distance = step["distance"]
        sx, sy = step["start"]
        if kind in ("up", "down"):
            span = an.scale_for(frame, sx, sy, d.cun if kind == "down" else -d.cun)
            if span is not None:
                name, top, bottom, cun = span
                x1, y1 = fpt((sx, top))
                x2, y2 = fpt((sx, bottom))
                tick = sy + (d.cun if kind == "down" else -d.cun) - top
                label = f"{name}: {cun:g} B-cun"
            else:
                end = sy + (d.cun if kind == "down" else -d.cun)
                x1, y1 = fpt((sx, sy))
                x2, y2 = fpt((sx, end))
                tick = d.cun if kind == "down" else 0.0
                cun = d.cun
                label = f"{d}"
                if kind == "up":
                    y1, y2 = y2, y1
                    tick = 0.0
            rows.append(
                {
                    "code": code,
                    "view": view.id,
                    "side": side,
                    "seq": seq,
                    "label": label,
                    "x1": round(x1, 2),
                    "y1": round(y1, 2),
                    "x2": round(x2, 2),
                    "y2": round(y2, 2),
                    "cun": cun,
                    "unit": d.unit if span is None else "B-cun",
                    "tick_at": round(tick, 3),
                }
            )
        else:
            sgn = 1.0 if kind in ("lateral", "anterior") else -1.0
            end = (sx + sgn * d.cun, sy)
            x1, y1 = fpt((sx, sy))
            x2, y2 = fpt(end)
            rows.append(
                {
                    "code": code,
                    "view": view.id,
                    "side": side,
                    "seq": seq,
                    "label": f"{d} {kind}",
                    "x1": round(x1, 2),
                    "y1": round(y1, 2),
                    "x2": round(x2, 2),
                    "y2": round(y2, 2),
                    "cun": d.value,
                    "unit": d.unit,
                    "tick_at": d.value,
                }
            )
        seq += 1
    return rows


def _landmark_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for view in an.VIEWS:
        if view.kind != "full":
            continue
        for name, (x, y) in sorted(an.LANDMARKS[view.frame].items()):
            for side, fx in _frame_sides(view.frame, x):
                if side == "left":
                    continue
                vx, vy = view.to_view((fx, y))
                rows.append(
                    {
                        "view": view.id,
                        "id": name,
                        "name": name.replace("_", " "),
                        "x": round(vx, 2),
                        "y": round(vy, 2),
                    }
                )
    return rows


def distances_in(text: str) -> list[str]:
    """Every 'N B-cun' / 'N F-cun' written in a location sentence, normalised."""
    return [f"{float(n):g} {u}" for n, u in re.findall(r"(\d+(?:\.\d+)?)\s*(B-cun|F-cun)", text)]


def locator_distances(spec: Mapping[str, Any]) -> list[str]:
    out = []
    for move in _MOVES:
        d = parse_distance(spec.get(move))
        if d is not None:
            out.append(str(d))
    for item in spec.get("check", []):
        d = parse_distance(item[2]) if isinstance(item, list) and len(item) == 3 else None
        if d is not None:
            out.append(str(d))
    return out


_ = math
