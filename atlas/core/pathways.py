"""The external course of each channel, from ``db/pathways/<CH>.toml`` (Qt-free).

A pathway file gives, per frame, the branches of one channel that a standard
atlas draws, each an ordered run of the channel's points and named landmarks::

    [[back]]
    branch = "outer"
    course = ["BL41", "BL42", ..., "BL54", "BL40"]
    long = [["BL54", "BL40", "the outer line crosses the buttock and the thigh to BL40"]]

* a course item is a point's code (its place on the same side), a landmark of
  the frame, or either with ``@other`` (the place on the other side: LI20 after
  the crossing at GV26);
* ``before`` / ``after`` name the view where the channel comes from or goes on
  to; the diagram writes "continues on the Back view" there. A course of one
  point with ``before`` or ``after`` draws no line, only that cue (HT1, the one
  HT point on the side view, goes on down the arm on the front view);
* ``long`` lists the segments that really run further than :data:`MAX_SEGMENT`
  B-cun on a full-body view, each with its reason;
* ``vault`` lists runs of the course (``[from, to]``) that cross the vault of
  the head: they are drawn along its surface (:mod:`atlas.core.anatomy.scalp`)
  instead of as chords through it (BL8 to BL9 over the back of the head, seen
  from the side).

Branches of the front, back and side frames are drawn on their full view and
on every detail view of the same frame (clipped to its crop); the other frames
(vertex, the foot frames, the perineum) have no full view and are drawn on
theirs. On the front and back views a branch of a paired channel is drawn on
both sides.
Extra points are never joined.
"""

from __future__ import annotations

import itertools
import math
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from atlas.core import anatomy as an
from atlas.core import paths
from atlas.core.anatomy import scalp

#: the longest segment a full-body view may draw without a stated reason (B-cun)
MAX_SEGMENT = 10.0
_KEYS = {"branch", "course", "before", "after", "long", "vault", "note"}
#: the length of scalp (B-cun) of each piece of a segment drawn over the vault
VAULT_PIECE = 1.0
_VIEW_IDS = {v.id for v in an.VIEWS}

Point = tuple[float, float]
#: (code, side) -> the frame position of a point in one frame (signed x)
Positions = Mapping[tuple[str, str], Point]


class PathwayError(Exception):
    """A pathway that cannot be drawn; names the file and the branch."""

    def __init__(self, file: str, where: str, message: str) -> None:
        super().__init__(f"{file}: {where}: {message}")
        self.file = file
        self.where = where
        self.message = message


@dataclass
class Branch:
    channel: str
    frame: str
    name: str
    course: list[str]
    file: str
    before: str | None = None
    after: str | None = None
    long: dict[tuple[str, str], str] = field(default_factory=dict)
    #: indexes of the segments (course[i] to course[i + 1]) drawn over the vault
    vault: set[int] = field(default_factory=set)


def load_pathways(source: Path, channels: Iterable[str]) -> list[Branch]:
    """Read every pathway file; raise PathwayError on malformed entries."""
    known = set(channels)
    frames = set(an.LANDMARKS) | {"vertex"}
    out: list[Branch] = []
    for path in sorted((source / "pathways").glob("*.toml")):
        rel = paths.shown(source, path)
        channel = path.stem
        if channel not in known:
            raise PathwayError(rel, channel, "no such channel")
        try:
            with path.open("rb") as f:
                doc = tomllib.load(f)
        except tomllib.TOMLDecodeError as exc:
            raise PathwayError(rel, channel, f"not valid TOML: {exc}") from exc
        names: set[tuple[str, str]] = set()
        for frame, branches in doc.items():
            if frame not in frames:
                raise PathwayError(rel, frame, "unknown frame")
            if not isinstance(branches, list):
                raise PathwayError(rel, frame, "expected [[frame]] tables")
            for entry in branches:
                out.append(_branch(rel, channel, frame, entry, names))
    return out


def _branch(rel: str, channel: str, frame: str, entry: Any, names: set[tuple[str, str]]) -> Branch:
    where = f"{frame}"
    if not isinstance(entry, dict):
        raise PathwayError(rel, where, "a branch is a table")
    name = entry.get("branch")
    if not isinstance(name, str) or not name:
        raise PathwayError(rel, where, "every branch has a name")
    where = f"{frame}.{name}"
    unknown = set(entry) - _KEYS
    if unknown:
        raise PathwayError(rel, where, f"unknown key(s) {sorted(unknown)}")
    if (frame, name) in names:
        raise PathwayError(rel, where, "branch named twice")
    names.add((frame, name))
    for key in ("before", "after"):
        if key in entry and entry[key] not in _VIEW_IDS:
            raise PathwayError(rel, where, f"{key}: unknown view {entry[key]!r}")
    course = entry.get("course")
    least = 1 if "before" in entry or "after" in entry else 2
    if not (
        isinstance(course, list)
        and len(course) >= least
        and all(isinstance(c, str) for c in course)
    ):
        raise PathwayError(
            rel,
            where,
            "a course lists at least two points or landmarks (one, with before or after)",
        )
    long: dict[tuple[str, str], str] = {}
    for item in entry.get("long", []):
        if not (
            isinstance(item, list)
            and len(item) == 3
            and all(isinstance(v, str) and v for v in item)
        ):
            raise PathwayError(rel, where, f"long: expected [from, to, reason], got {item!r}")
        long[(item[0], item[1])] = item[2]
    vault: set[int] = set()
    for item in entry.get("vault", []):
        ends = item if isinstance(item, list) and len(item) == 2 else [None, None]
        start, stop = (course.index(e) if e in course else -1 for e in ends)
        if frame not in an.FULL_VIEWS or not 0 <= start < stop:
            raise PathwayError(
                rel,
                where,
                f"vault: expected [from, to], a run of the course (front, back or side),"
                f" got {item!r}",
            )
        vault.update(range(start, stop))
    return Branch(
        channel, frame, name, course, rel, entry.get("before"), entry.get("after"), long, vault
    )


def compute(
    branches: Sequence[Branch],
    positions: Callable[[str], Positions],
    paired: Callable[[str], bool],
) -> dict[str, list[dict[str, Any]]]:
    """Rows for ``pathways`` and ``pathway_cues``.

    ``positions(frame)`` gives the frame positions of every point placed in that
    frame; ``paired(channel)`` whether a channel runs on both sides.
    """
    rows: list[dict[str, Any]] = []
    cues: list[dict[str, Any]] = []
    for branch in branches:
        placed = positions(branch.frame)
        sides = ["right", "left"] if paired(branch.channel) else ["midline"]
        if branch.frame not in ("front", "back", "vertex"):
            sides = sides[:1]
        for side in sides:
            line = [_resolve(branch, placed, item, side) for item in branch.course]
            _check_lengths(branch, line)
            drawn = _over_vault(branch, line)
            for view in _views_of(branch.frame):
                runs = _clip(view, [view.to_view(p) for p in drawn]) if len(line) > 1 else []
                for run_no, run in enumerate(runs):
                    name = branch.name if run_no == 0 else f"{branch.name}.{run_no + 1}"
                    rows += [
                        {
                            "channel": branch.channel,
                            "view": view.id,
                            "branch": name,
                            "side": side,
                            "seq": seq,
                            "x": round(x, 2),
                            "y": round(y, 2),
                        }
                        for seq, (x, y) in enumerate(run)
                    ]
                if view.kind == "full" or branch.frame not in an.FULL_VIEWS:
                    cues += _cues(branch, view, side, line)
    return {"pathways": rows, "pathway_cues": cues}


def _resolve(branch: Branch, placed: Positions, item: str, side: str) -> Point:
    name, _, flag = item.partition("@")
    if flag not in ("", "other"):
        raise PathwayError(branch.file, f"{branch.frame}.{branch.name}", f"bad item {item!r}")
    if flag and side == "midline":
        raise PathwayError(
            branch.file,
            f"{branch.frame}.{branch.name}",
            f"{item}: a midline branch has no other side",
        )
    want = {"right": "left", "left": "right"}.get(side, side) if flag else side
    for candidate in (want, "midline"):
        if (name, candidate) in placed:
            return placed[(name, candidate)]
    marks = an.LANDMARKS.get(branch.frame, {})
    if name in marks:
        lx, y = marks[name]
        return (_signed(branch.frame, want, lx), y)
    raise PathwayError(
        branch.file,
        f"{branch.frame}.{branch.name}",
        f"{item} is neither a point placed on the {branch.frame} view ({want} side)"
        " nor one of its landmarks",
    )


def _signed(frame: str, side: str, lateral: float) -> float:
    """A landmark's l on the given side, in the frame's signed x."""
    if frame not in ("front", "back", "vertex") or side == "midline" or lateral == 0.0:
        return lateral
    right = 1.0 if frame in ("back", "vertex") else -1.0
    return lateral * (right if side == "right" else -right)


def _check_lengths(branch: Branch, line: list[Point]) -> None:
    if branch.frame not in an.FULL_VIEWS:
        return
    for (a, pa), (b, pb) in itertools.pairwise(zip(branch.course, line, strict=True)):
        length = math.dist(pa, pb)
        if length > MAX_SEGMENT and (a, b) not in branch.long:
            raise PathwayError(
                branch.file,
                f"{branch.frame}.{branch.name}",
                f"{a} to {b} runs {length:.1f} B-cun: break it at the landmarks it passes,"
                " or give the reason under 'long'",
            )


def _over_vault(branch: Branch, line: list[Point]) -> list[Point]:
    """The line, with the segments over the vault of the head following its surface."""
    out = line[:1]
    for n, (p, q) in enumerate(itertools.pairwise(line)):
        if n in branch.vault:
            a, b = _lift(branch.frame, p), _lift(branch.frame, q)
            if a is None or b is None or (branch.frame != "side" and p[0] * q[0] < 0):
                raise PathwayError(
                    branch.file,
                    f"{branch.frame}.{branch.name}",
                    f"{branch.course[n]} to {branch.course[n + 1]} does not run over the vault"
                    " of the head on one side",
                )
            (ta, sa), (tb, sb) = scalp.scalp_position(a), scalp.scalp_position(b)
            sign = -1.0 if p[0] + q[0] < 0 else 1.0
            pieces = math.ceil(math.hypot(tb - ta, sb - sa) / VAULT_PIECE)
            for i in range(1, pieces):
                f = i / pieces
                seen = scalp.project(
                    scalp.to_3d(ta + (tb - ta) * f, sa + (sb - sa) * f), branch.frame
                )
                if seen is not None:
                    out.append(seen if branch.frame == "side" else (sign * seen[0], seen[1]))
        out.append(q)
    return out


def _lift(frame: str, p: Point) -> scalp.Vec | None:
    """The point of the vault (right side) at a frame position."""
    return scalp.lift(frame, p[0] if frame == "side" else abs(p[0]), p[1])


def _views_of(frame: str) -> list[an.View]:
    return [v for v in an.VIEWS if v.frame == frame]


def _clip(view: an.View, line: list[Point]) -> list[list[Point]]:
    """The runs of a polyline inside a view (Liang-Barsky on each segment)."""
    if view.kind == "full":
        return [line]
    w, h = view.width, view.height
    runs: list[list[Point]] = []
    current: list[Point] = []
    for p, q in itertools.pairwise(line):
        clipped = _clip_segment(p, q, w, h)
        if clipped is None:
            if current:
                runs.append(current)
                current = []
            continue
        a, b = clipped
        if math.dist(a, b) < 1e-6:  # it only touches the view's edge
            continue
        if not current or math.dist(current[-1], a) > 1e-6:
            if current:
                runs.append(current)
            current = [a]
        current.append(b)
        if math.dist(b, q) > 1e-6:  # left the view
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) >= 2]


def _clip_segment(p: Point, q: Point, w: float, h: float) -> tuple[Point, Point] | None:
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0]), (dx, w - p[0]), (-dy, p[1]), (dy, h - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return None
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return (p[0] + t0 * dx, p[1] + t0 * dy), (p[0] + t1 * dx, p[1] + t1 * dy)


def _cues(branch: Branch, view: an.View, side: str, line: list[Point]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for end, target, point in (("start", branch.before, line[0]), ("end", branch.after, line[-1])):
        if target is None or not view.contains(point):
            continue
        x, y = view.to_view(point)
        out.append(
            {
                "channel": branch.channel,
                "view": view.id,
                "branch": branch.name,
                "side": side,
                "end": end,
                "x": round(x, 2),
                "y": round(y, 2),
                "to_view": target,
            }
        )
    return out
