"""Derive point placements from locators (Qt-free).

A locator file ``db/locators/<CH>.toml`` holds one table per point and, in
it, one entry per *frame* the point is located in (``front``, ``back``,
``side``, ``scalp``, ``perineum`` or a foot frame; see :mod:`atlas.core.anatomy`)::

    [ST36]
    front = { at = "ST35", toward = "ST41", down = "3 B-cun" }

A point with several locations (a group such as EX-B2, or the four points of
EX-HN1) gives a list of entries, each naming its ``part``::

    [EX-B2]
    back = [{ part = "T1", at = "T1-below", lateral = "0.5 B-cun" }, ...]

An entry starts from a base and moves from it:

``at``
    a landmark of the frame or another point's code (a point of a group as
    ``CODE:part``); a point located in another frame is carried over where the
    frames share a surface (the vault of the head);
``between = ["A", "B"]`` and ``frac`` (default 0.5), optionally ``via``
    a point on the line from A to B instead of ``at``; with ``via``, on the
    curve from A through the landmark or point ``via`` to B, measured along it;
``up``, ``down``, ``lateral``, ``medial``, ``anterior``, ``posterior``
    distances, written as in the location text: ``"3 B-cun"``, ``"0.5 F-cun"``,
    ``"1 F-breadth"`` (on the scalp, ``anterior``/``posterior`` run along the
    median line and ``up``/``down`` toward and away from the crown; on the
    ``medial`` frame, which faces left, ``anterior`` runs toward smaller x);
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
    outline, for points on a border that the projection turns edge-on;
``shift``
    a small nudge that the location text does not measure, in B-cun:
    ``shift = { down = 0.25 }`` (a hollow "just distal" to a joint); at most
    :data:`MAX_SHIFT`, and never drawn in the measuring guide;
``only``
    ``"left"`` or ``"right"``: a point of one side only;
``region``
    for a part of a group that lies in another region than the point's own
    (EX-B2 at L1 to L5 is on the lower back);
``check``
    further descriptions in the location text, checked: ``[ref, move, distance]``.

The result lands in the frame's views: the full-body view and every detail
view whose crop holds it, on both sides for front and back (mirrored), on the
right side for the side view, and on the midline when it lies on it. Scalp
positions, and points located on the vault of the head in another frame, also
land on every other view that sees that part of the vault. The engine refuses
to guess: a position outside its full view, or outside the point's own region
on any view that shows it, fails the build naming the point and the view.
"""

from __future__ import annotations

import itertools
import math
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from atlas.core import anatomy as an
from atlas.core import paths, pathways
from atlas.core.anatomy import scalp
from atlas.core.anatomy.names import landmark_name

UNITS: dict[str, float] = {"B-cun": 1.0, "F-cun": 1.0, "F-breadth": 0.75}
_DISTANCE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(B-cun|F-cun|F-breadth)\s*$")
_MOVES = ("up", "down", "lateral", "medial", "anterior", "posterior")
_KEYS = {
    "at", "between", "frac", "via", "toward", "level", "snap", "note", "check", "only",
    "part", "region", "shift", *_MOVES,
}  # fmt: skip
#: a shift nudges a position off a landmark by a distance the text does not give
#: (a hollow just beside a joint): never drawn in the guide, and kept small
MAX_SHIFT = 0.5
#: the unit of a "halfway" measure: the whole line is 1, the point at 0.5
HALVES = "line"
#: a measured line drawn shorter than this part of its length is seen end-on: left out
END_ON = 0.25
#: frames a locator may name
FRAMES = ("front", "back", "side", "scalp", "perineum", *an.FOOT_FRAMES)
#: frames that picture the vault of the head (a scalp position lands on each that sees it)
VAULT_FRAMES = ("front", "back", "side", "vertex")
_MIDLINE_EPS = 1e-3
#: lifted from one frame and carried to another, a point must face the other view this much
_CARRY_FACING = 0.4
#: frames that face left: there ``anterior`` runs toward smaller x (the leg seen from medial)
_FACING_LEFT = ("medial",)


def _sideways(frame: str, move: str) -> float:
    """The sign of a sideways move along a frame's x axis."""
    if move in ("anterior", "posterior") and frame in _FACING_LEFT:
        return 1.0 if move == "posterior" else -1.0
    return 1.0 if move in ("lateral", "anterior") else -1.0


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
    part: str | None = None


@dataclass
class Resolved:
    x: float  # l (front/back, >= 0), z (side) or t (scalp)
    y: float  # y, or s on the scalp
    steps: list[dict[str, Any]]


def load_locators(source: Path) -> dict[str, list[Locator]]:
    """Read every locator file; raise LocatorError on malformed entries."""
    out: dict[str, list[Locator]] = {}
    folder = source / "locators"
    for path in sorted(folder.glob("*.toml")):
        rel = paths.shown(source, path)
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
            out[code] = [
                loc for frame, value in entry.items() for loc in _entries(rel, code, frame, value)
            ]
    return out


def _entries(rel: str, code: str, frame: str, value: Any) -> list[Locator]:
    if frame not in FRAMES:
        raise LocatorError(rel, code, f"unknown frame {frame!r}")
    specs = value if isinstance(value, list) else [value]
    parts: list[str | None] = []
    locs: list[Locator] = []
    for spec in specs:
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
        shift = spec.get("shift", {})
        if not (
            isinstance(shift, dict)
            and set(shift) <= set(_MOVES)
            and all(isinstance(v, int | float) and 0 < v <= MAX_SHIFT for v in shift.values())
        ):
            raise LocatorError(
                rel, code, f"{frame}: a shift is a table of moves of at most {MAX_SHIFT} B-cun"
            )
        part = spec.get("part")
        if isinstance(value, list) != isinstance(part, str) or part == "":
            raise LocatorError(
                rel, code, f"{frame}: every location of a group names its part, and only they do"
            )
        if part in parts:
            raise LocatorError(rel, code, f"{frame}: part {part!r} located twice")
        if "region" in spec and part is None:
            raise LocatorError(rel, code, f"{frame}: only a part of a group names its own region")
        parts.append(part)
        locs.append(Locator(code, frame, spec, rel, part))
    return locs


def _split_ref(name: str) -> tuple[str, str | None]:
    code, _, part = name.partition(":")
    return code, part or None


class _Resolver:
    def __init__(self, locators: dict[str, list[Locator]], regions: Mapping[str, str]) -> None:
        self.locators = locators
        self.regions = regions
        self.done: dict[tuple[str, str | None, str], Resolved] = {}
        self.active: list[tuple[str, str | None, str]] = []

    # -------------------------------------------------------------- lookups

    def locator(self, code: str, part: str | None, frame: str) -> Locator | None:
        return next(
            (lc for lc in self.locators.get(code, []) if lc.frame == frame and lc.part == part),
            None,
        )

    def ref(self, loc: Locator, name: str) -> tuple[float, float]:
        """A landmark, or another point carried into the locator's frame."""
        marks = scalp.LANDMARKS if loc.frame == "scalp" else an.LANDMARKS[loc.frame]
        if name in marks:
            return marks[name]
        code, part = _split_ref(name)
        if code not in self.locators:
            raise LocatorError(
                loc.file, loc.code, f"{loc.frame}: unknown landmark or point {name!r}"
            )
        found = self.position(code, part, loc.frame, by=loc)
        if found is None:
            raise LocatorError(
                loc.file, loc.code, f"{name} has no '{loc.frame}' locator to measure from"
            )
        return found

    def position(
        self, code: str, part: str | None, frame: str, by: Locator | None = None
    ) -> tuple[float, float] | None:
        """Where a point lies in a frame: its own locator there, or carried over the vault."""
        if self.locator(code, part, frame) is not None:
            r = self.resolve(code, part, frame, by)
            return (r.x, r.y)
        point = self.vault_point(code, part, by)
        if point is None:
            return None
        if frame == "scalp":
            return scalp.scalp_position(point)
        return scalp.project(point, frame)

    def vault_point(
        self, code: str, part: str | None, by: Locator | None = None
    ) -> scalp.Vec | None:
        """The point on the vault of the head, for a point located on it."""
        if self.locator(code, part, "scalp") is not None:
            r = self.resolve(code, part, "scalp", by)
            return scalp.to_3d(r.x, r.y)
        if self.regions.get(code) != "head":
            return None
        for frame in ("side", "back", "front"):
            if self.locator(code, part, frame) is not None:
                r = self.resolve(code, part, frame, by)
                return scalp.lift(frame, r.x, r.y)
        return None

    # -------------------------------------------------------------- resolving

    def resolve(
        self, code: str, part: str | None, frame: str, by: Locator | None = None
    ) -> Resolved:
        key = (code, part, frame)
        if key in self.done:
            return self.done[key]
        if key in self.active:
            cycle = " -> ".join(c for c, _, _ in [*self.active[self.active.index(key) :], key])
            where = by or self.locators[code][0]
            raise LocatorError(where.file, where.code, f"cycle in locators: {cycle}")
        loc = self.locator(code, part, frame)
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
            if "via" in s:
                x, y = _along([a, self.ref(loc, s["via"]), b], frac)
            else:
                x, y = an.lerp(a, b, frac)
            # the text's "halfway" (a written frac of 0.5 on a straight line) is measured
            halfway = s.get("frac") == 0.5 and "via" not in s
            steps.append({"kind": "between", "from": pair[0], "to": pair[1], "frac": frac,
                          "a": a, "b": b, "halfway": halfway})  # fmt: skip
        else:
            x, y = self.ref(loc, s["at"])
            steps.append({"kind": "at", "from": s["at"], "a": (x, y)})
        if loc.frame == "scalp":
            return self._resolve_scalp(loc, x, y, steps)
        across_start = (x, y)
        sideways = 0.0
        for move in ("lateral", "medial", "anterior", "posterior"):
            if move in s:
                d = self._distance(loc, move)
                sideways += _sideways(loc.frame, move) * d.cun
                steps.append({"kind": move, "distance": d, "start": across_start})
        x += sideways
        if "level" in s:
            name = s["level"]
            if name in an.ICS_NAMES:
                y = an.ics_y(an.ICS_NAMES[name], abs(x))
            else:
                y = self.ref(loc, name)[1]
        start = (x, y)
        vertical = 0.0
        for move in ("up", "down"):
            if move in s:
                d = self._distance(loc, move)
                vertical += d.cun if move == "down" else -d.cun
                steps.append({"kind": move, "distance": d, "start": start})
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
        x, y = _shifted(loc.frame, s.get("shift", {}), x, y)
        if "snap" in s:
            x = an.snap_to_border(loc.frame, x, y, s["snap"])
        if loc.frame in ("front", "back") and x < -_MIDLINE_EPS:
            raise LocatorError(loc.file, loc.code, "lands beyond the median line")
        steps += [self._check(loc, item, x, y) for item in s.get("check", [])]
        return Resolved(max(x, 0.0) if loc.frame in ("front", "back") else x, y, steps)

    def _resolve_scalp(
        self, loc: Locator, t: float, s_: float, steps: list[dict[str, Any]]
    ) -> Resolved:
        """Moves over the vault: lateral/medial across, anterior/posterior along the
        median line, up/down toward and away from the crown (GV20)."""
        spec = loc.spec
        for key in ("level", "snap", "toward"):
            if key in spec:
                raise LocatorError(loc.file, loc.code, f"scalp: '{key}' is not used on the scalp")
        start = (t, s_)
        for move in ("lateral", "medial"):
            if move in spec:
                d = self._distance(loc, move)
                t += d.cun if move == "lateral" else -d.cun
                steps.append({"kind": move, "distance": d, "start": start})
        start = (t, s_)
        crown = scalp.LANDMARKS["vertex_gv20"][1]
        for move in ("anterior", "posterior", "up", "down"):
            if move in spec:
                d = self._distance(loc, move)
                if move in ("anterior", "posterior"):
                    sign = 1.0 if move == "posterior" else -1.0
                else:
                    toward_crown = 1.0 if s_ < crown else -1.0
                    sign = toward_crown if move == "up" else -toward_crown
                s_ += sign * d.cun
                steps.append({"kind": move, "distance": d, "start": start})
        if t < -_MIDLINE_EPS:
            raise LocatorError(loc.file, loc.code, "lands beyond the median line")
        for item in spec.get("check", []):
            self._check(loc, item, t, s_)
        return Resolved(max(t, 0.0), s_, steps)

    def _distance(self, loc: Locator, move: str) -> Distance:
        d = parse_distance(loc.spec[move])
        assert d is not None  # checked when the locators were read
        return d

    def _check(self, loc: Locator, item: Any, x: float, y: float) -> dict[str, Any]:
        """A second description in the location text: [ref, direction, distance],
        checked; returned as a move of that distance ending at the point (x, y), for
        the measuring guide (it starts level with, or in line with, the place named)."""
        if not (isinstance(item, list) and len(item) == 3 and item[1] in _MOVES):
            raise LocatorError(loc.file, loc.code, f"malformed check {item!r}")
        d = parse_distance(item[2])
        if d is None:
            raise LocatorError(loc.file, loc.code, f"malformed distance in check {item!r}")
        rx, ry = self.ref(loc, item[0])
        if loc.frame == "scalp":
            got = {"lateral": x - rx, "medial": rx - x, "anterior": ry - y, "posterior": y - ry}
            got["up"] = got["down"] = abs(y - ry)
        else:
            got = {"down": y - ry, "up": ry - y}
            for move in ("lateral", "medial", "anterior", "posterior"):
                got[move] = _sideways(loc.frame, move) * (x - rx)
        if abs(got[item[1]] - d.cun) > 0.2:
            raise LocatorError(
                loc.file,
                loc.code,
                f"check failed: {item[2]} {item[1]} of {item[0]} expected, "
                f"found {got[item[1]]:.2f}",
            )
        move = str(item[1])
        if move in ("up", "down"):
            start = (x, y + (d.cun if move == "up" else -d.cun))
        else:
            start = (x - _sideways(loc.frame, move) * d.cun, y)
        return {"kind": move, "distance": d, "start": start}


def _shifted(frame: str, shift: Mapping[str, float], x: float, y: float) -> tuple[float, float]:
    for move, value in shift.items():
        if move in ("up", "down"):
            y += value if move == "down" else -value
        else:
            x += _sideways(frame, move) * value
    return x, y


def _along(polyline: list[tuple[float, float]], frac: float) -> tuple[float, float]:
    """The point at a fraction of the length of a polyline through the given points."""
    pts = an.catmull_rom(polyline, steps=16) if len(polyline) > 2 else polyline
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(pts)]
    target = sum(lengths) * frac
    for (a, b), length in zip(itertools.pairwise(pts), lengths, strict=True):
        if target <= length or length == lengths[-1]:
            return an.lerp(a, b, min(1.0, target / length) if length else 0.0)
        target -= length
    return pts[-1]


def _frame_sides(frame: str, lateral: float, midline: bool) -> list[tuple[str, float]]:
    """(side, signed frame x) pairs for a resolved frame position."""
    if frame == "side" or frame in an.FOOT_FRAMES:
        return [("midline" if midline else "right", lateral)]
    if lateral <= _MIDLINE_EPS:
        return [("midline", 0.0)]
    right = 1.0 if frame in ("back", "vertex") else -1.0
    return [("right", right * lateral), ("left", -right * lateral)]


@dataclass
class _Located:
    """One location of a point in one frame."""

    code: str
    part: str | None
    frame: str
    x: float
    y: float
    steps: list[dict[str, Any]]
    # maps a position of the frame the steps were taken in to this frame (None: same)
    carry: Callable[[tuple[float, float]], tuple[float, float] | None] | None
    source: str  # the frame of the locator
    only: str | None
    midline: bool  # on the median line
    region: str | None = None  # a part's own region, where it differs from the point's


def compute(source: Path, points: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows for the diagram tables: placements, views, landmarks, measures."""
    locators = load_locators(source)
    for code, locs in locators.items():
        if code not in points:
            raise LocatorError(locs[0].file if locs else "db/locators", code, "unknown point")
    regions = {code: str(p.get("region", "")) for code, p in points.items()}
    resolver = _Resolver(locators, regions)
    located = [item for code in sorted(locators, key=_code_key) for item in _locate(resolver, code)]
    midline = _midline_points(located)
    regions_cache = {v.id: an.view_regions(v) for v in an.VIEWS}
    placements: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    for item in located:
        region = item.region or regions[item.code]
        loc_file = locators[item.code][0].file
        shown = False
        for view in an.VIEWS:
            if view.frame != item.frame:
                continue
            for side, fx in _frame_sides(item.frame, item.x, item.code in midline):
                if view.side and side not in (view.side, "midline"):
                    continue
                if item.only and side != item.only:
                    continue
                if not view.contains((fx, item.y)):
                    if view.kind == "full":
                        raise LocatorError(loc_file, item.code, f"lands outside the {view.id} view")
                    continue
                vx, vy = view.to_view((fx, item.y))
                if region and not _in_region(regions_cache[view.id], region, side, (vx, vy)):
                    if item.carry is not None and _inside_figure(regions_cache[view.id], (vx, vy)):
                        continue  # carried over the vault, but another part hides it here
                    raise LocatorError(
                        loc_file,
                        item.code,
                        f"lands outside its region ({region}) on the {view.id} view"
                        + (f" (part {item.part})" if item.part else ""),
                    )
                shown = True
                placements.append(
                    {
                        "code": item.code,
                        "view": view.id,
                        "part": item.part,
                        "x": round(vx, 2),
                        "y": round(vy, 2),
                        "side": side,
                    }
                )
                if side != "left":
                    measures += _measures(item, view, side)
        if not shown and item.carry is None:
            raise LocatorError(loc_file, item.code, f"lands on no {item.frame} view")
    courses = pathways.compute(
        pathways.load_pathways(source, {str(p.get("channel")) for p in points.values()}),
        lambda frame: _frame_positions(located, frame, midline),
        lambda channel: channel not in ("GV", "CV"),
    )
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
        **courses,
    }


def _frame_positions(
    located: list[_Located], frame: str, midline: set[str]
) -> dict[tuple[str, str], tuple[float, float]]:
    """(code, side) -> signed frame position of every single point placed in a frame."""
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for item in located:
        if item.frame != frame or item.part is not None:
            continue
        for side, fx in _frame_sides(frame, item.x, item.code in midline):
            out.setdefault((item.code, side), (fx, item.y))
    return out


def _locate(resolver: _Resolver, code: str) -> list[_Located]:
    """Every (part, frame) location of a point, its own and those carried over the vault."""
    out: list[_Located] = []
    locs = resolver.locators[code]
    for part in dict.fromkeys(lc.part for lc in locs):
        own = {lc.frame: lc for lc in locs if lc.part == part}
        for frame, lc in own.items():
            if frame == "scalp":
                continue
            r = resolver.resolve(code, part, frame)
            on_midline = frame in ("front", "back") and r.x <= _MIDLINE_EPS
            out.append(
                _Located(
                    code,
                    part,
                    frame,
                    r.x,
                    r.y,
                    r.steps,
                    None,
                    frame,
                    lc.spec.get("only"),
                    on_midline,
                    lc.spec.get("region"),
                )
            )
        vault_point = resolver.vault_point(code, part)
        if vault_point is None:
            continue
        from_scalp = "scalp" in own
        source = "scalp" if from_scalp else next(f for f in ("side", "back", "front") if f in own)
        resolved = resolver.resolve(code, part, source)
        on_midline = source == "scalp" and resolved.x <= _MIDLINE_EPS
        for frame in VAULT_FRAMES:
            if frame in own:
                continue
            if not from_scalp and scalp.facing(vault_point, frame) < _CARRY_FACING:
                continue
            pos = scalp.project(vault_point, frame)
            if pos is None:
                continue
            out.append(
                _Located(
                    code,
                    part,
                    frame,
                    pos[0],
                    pos[1],
                    resolved.steps,
                    _carrier(source, frame),
                    source,
                    own[source].spec.get("only"),
                    on_midline,
                    own[source].spec.get("region"),
                )
            )
    return out


def _carrier(
    source: str, frame: str
) -> Callable[[tuple[float, float]], tuple[float, float] | None]:
    """Maps positions of the source frame onto the vault and into another frame."""

    def carry(p: tuple[float, float]) -> tuple[float, float] | None:
        point = scalp.to_3d(max(p[0], 0.0), p[1]) if source == "scalp" else scalp.lift(source, *p)
        return None if point is None else scalp.project(point, frame)

    return carry


def _midline_points(located: list[_Located]) -> set[str]:
    """Points that lie on the median line (drawn as midline on the side view too)."""
    return {item.code for item in located if item.midline}


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
    # a point may sit on a seam between two pieces of its region (the median line)
    probes = [
        p,
        *((p[0] + dx, p[1] + dy) for dx, dy in ((0.05, 0), (-0.05, 0), (0, 0.05), (0, -0.05))),
    ]
    return any(an.point_in_shape(q, regions[c]) for c in candidates if c in regions for q in probes)


def _inside_figure(regions: Mapping[str, list[an.Polygon]], p: tuple[float, float]) -> bool:
    return any(an.point_in_shape(p, pieces) for pieces in regions.values())


def region_ok(view_id: str, region: str, side: str, x: float, y: float) -> bool:
    """Whether a placement (SVG units) lies in its own region in that view."""
    return _in_region(an.view_regions(an.VIEW_BY_ID[view_id]), region, side, (x, y))


def _measures(item: _Located, view: an.View, side: str) -> list[dict[str, Any]]:
    """Segments for the measuring guide: each distance of the text from the place it
    names to where it ends, and before it the proportional span it is measured on."""
    frame = item.frame
    sign = 1.0
    if frame in ("front", "back", "vertex"):
        right = 1.0 if frame in ("back", "vertex") else -1.0
        sign = right if side == "right" else 1.0

    def fpt(p: tuple[float, float]) -> tuple[float, float] | None:
        if item.carry is not None:
            carried = item.carry(p)
            if carried is None:
                return None
            p = carried
        return view.to_view((sign * p[0], p[1]) if frame in ("front", "back", "vertex") else p)

    rows: list[dict[str, Any]] = []
    for step in item.steps:
        kind = step["kind"]
        if step.get("halfway"):  # the whole line, a bold tick at its middle
            ends = (fpt(step["a"]), fpt(step["b"]))
            rows += _measure_row(item, view, side, "halfway", ends, 1.0, HALVES, 0.5)
        if kind not in _MOVES:
            continue
        d: Distance = step["distance"]
        sx, sy = step["start"]
        vertical = kind in ("up", "down") and item.source != "scalp"
        if vertical:
            span = an.scale_for(item.source, sx, sy, d.cun if kind == "down" else -d.cun)
            if span is not None:  # how the distance is measured: the whole span, ticked
                name, top, bottom, cun = span
                tick = sy + (d.cun if kind == "down" else -d.cun) - top
                ends = (fpt((sx, top)), fpt((sx, bottom)))
                rows += _measure_row(item, view, side, f"{name}: {cun:g} B-cun", ends, cun,
                                     "B-cun", tick)  # fmt: skip
        # the point's own distance, from the place the text names (on the span's line),
        # unless the view sees it end-on (BL4's 1.5 B-cun across the scalp, from the side)
        ends = (fpt((sx, sy)), fpt(_step_end(item.source, step)))
        if ends[0] and ends[1] and math.dist(ends[0], ends[1]) < END_ON * d.cun * view.scale:
            continue
        if vertical:
            up = kind == "up"
            rows += _measure_row(item, view, side, f"{d}", ends[::-1] if up else ends,
                                 d.cun, d.unit, 0.0 if up else d.cun)  # fmt: skip
        else:
            rows += _measure_row(item, view, side, f"{d} {kind}", ends, d.value, d.unit, d.value)
    for seq, row in enumerate(rows):
        row["seq"] = seq
    return rows


def _measure_row(
    item: _Located,
    view: an.View,
    side: str,
    label: str,
    ends: tuple[tuple[float, float] | None, tuple[float, float] | None],
    length: float,
    unit: str,
    tick: float,
) -> list[dict[str, Any]]:
    """A row of the measures table (none where an end is not on the view)."""
    p1, p2 = ends
    if p1 is None or p2 is None:
        return []
    return [
        {
            "code": item.code,
            "view": view.id,
            "side": side,
            "part": item.part,
            "label": label,
            "x1": round(p1[0], 2),
            "y1": round(p1[1], 2),
            "x2": round(p2[0], 2),
            "y2": round(p2[1], 2),
            "cun": length,
            "unit": unit,
            "tick_at": round(tick, 3),
        }
    ]


def _step_end(frame: str, step: dict[str, Any]) -> tuple[float, float]:
    """Where a move ends, in the frame it was taken in."""
    kind = step["kind"]
    d: Distance = step["distance"]
    sx, sy = step["start"]
    if frame == "scalp":
        if kind in ("lateral", "medial"):
            return (sx + (d.cun if kind == "lateral" else -d.cun), sy)
        crown = scalp.LANDMARKS["vertex_gv20"][1]
        toward_crown = 1.0 if sy < crown else -1.0
        sign = {"posterior": 1.0, "anterior": -1.0, "up": toward_crown, "down": -toward_crown}
        return (sx, sy + sign[kind] * d.cun)
    if kind in ("up", "down"):
        return (sx, sy + (d.cun if kind == "down" else -d.cun))
    return (sx + _sideways(frame, kind) * d.cun, sy)


def _landmark_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for view in an.VIEWS:
        if view.kind != "full":
            continue
        for name, (x, y) in sorted(an.LANDMARKS[view.frame].items()):
            for side, fx in _frame_sides(view.frame, x, False):
                if side == "left":
                    continue
                vx, vy = view.to_view((fx, y))
                rows.append(
                    {
                        "view": view.id,
                        "id": name,
                        "name": landmark_name(name),
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
