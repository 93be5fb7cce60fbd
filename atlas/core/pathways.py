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
  to; the diagram writes "continues on the Back view" there;
* ``long`` lists the segments that really run further than :data:`MAX_SEGMENT`
  B-cun on a full-body view, each with its reason;
* ``vault`` lists stretches ``[from, to]`` of the course that lie on the vault
  of the head (front, back, side and vertex frames): they are drawn along it,
  as each view sees it, instead of straight across (GB15 to GB19 over the top
  and down the back of the head, seen from the side).

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
#: the longest step of a stretch drawn along the vault of the head (B-cun)
VAULT_STEP = 0.4
_KEYS = {"branch", "course", "before", "after", "long", "vault", "note"}
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
    #: (first, last) course indices of each stretch drawn along the vault of the head
    vault: list[tuple[int, int]] = field(default_factory=list)


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
    course = entry.get("course")
    if not (
        isinstance(course, list) and len(course) >= 2 and all(isinstance(c, str) for c in course)
    ):
        raise PathwayError(rel, where, "a course lists at least two points or landmarks")
    for key in ("before", "after"):
        if key in entry and entry[key] not in _VIEW_IDS:
            raise PathwayError(rel, where, f"{key}: unknown view {entry[key]!r}")
    long: dict[tuple[str, str], str] = {}
    for item in entry.get("long", []):
        if not (
            isinstance(item, list)
            and len(item) == 3
            and all(isinstance(v, str) and v for v in item)
        ):
            raise PathwayError(rel, where, f"long: expected [from, to, reason], got {item!r}")
        long[(item[0], item[1])] = item[2]
    vault: list[tuple[int, int]] = []
    for item in entry.get("vault", []):
        if frame not in scalp.VIEW_DIRECTIONS:
            raise PathwayError(rel, where, f"vault: the {frame} frame does not picture the head")
        if not (isinstance(item, list) and len(item) == 2 and all(v in course for v in item)):
            raise PathwayError(
                rel, where, f"vault: expected [from, to] of the course, got {item!r}"
            )
        first, last = course.index(item[0]), course.index(item[1])
        if first >= last:
            raise PathwayError(rel, where, f"vault: {item[0]} comes after {item[1]}")
        vault.append((first, last))
    return Branch(
        channel, frame, name, course, rel, entry.get("before"), entry.get("after"), long, vault
    )


def compute(
    branches: Sequence[Branch],
    positions: Callable[[str], Positions],
    paired: Callable[[str], bool],
    on_vault: Callable[[str], scalp.Vec | None] = lambda code: None,
) -> dict[str, list[dict[str, Any]]]:
    """Rows for ``pathways`` and ``pathway_cues``.

    ``positions(frame)`` gives the frame positions of every point placed in that
    frame; ``paired(channel)`` whether a channel runs on both sides;
    ``on_vault(code)`` where a point lies on the vault of the head (right side),
    if it does (else its place is lifted from the frame onto the vault).
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
            drawn = _along_vault(branch, line, on_vault)
            for view in _views_of(branch.frame):
                for run_no, run in enumerate(_clip(view, [view.to_view(p) for p in drawn])):
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


def _along_vault(
    branch: Branch, line: list[Point], on_vault: Callable[[str], scalp.Vec | None]
) -> list[Point]:
    """The line with its stretches on the vault of the head bent along it."""
    if not branch.vault:
        return line
    out = [line[0]]
    for k, (p, q) in enumerate(itertools.pairwise(line)):
        if any(first <= k < last for first, last in branch.vault):
            a = _vault_point(branch.frame, branch.course[k], p, on_vault)
            b = _vault_point(branch.frame, branch.course[k + 1], q, on_vault)
            if a is not None and b is not None:
                out += _vault_arc(branch.frame, a, b, math.copysign(1.0, p[0] + q[0]))
        out.append(q)
    return out


def _vault_point(
    frame: str, item: str, p: Point, on_vault: Callable[[str], scalp.Vec | None]
) -> scalp.Vec | None:
    """Where a course item lies on the vault (right side): a point's own place on it,
    else its frame position lifted onto it."""
    found = on_vault(item.partition("@")[0])
    if found is not None or frame == "vertex":  # the vertex frame has no landmarks
        return found
    return scalp.lift(frame, p[0] if frame == "side" else abs(p[0]), p[1])


def _vault_arc(frame: str, a: scalp.Vec, b: scalp.Vec, sign: float) -> list[Point]:
    """Frame positions between a and b (both excluded) along the vault of the head:
    the chord pushed out onto the vault from its centre, where the frame sees it."""
    steps = max(1, math.ceil(math.dist(a, b) / VAULT_STEP))
    centre, axes = scalp.CENTRE, scalp.AXES
    out: list[Point] = []
    for k in range(1, steps):
        chord = [a[i] + (b[i] - a[i]) * k / steps - centre[i] for i in range(3)]
        scale = 1.0 / math.sqrt(sum((chord[i] / axes[i]) ** 2 for i in range(3)))
        on = (
            chord[0] * scale + centre[0],
            chord[1] * scale + centre[1],
            chord[2] * scale + centre[2],
        )
        pos = scalp.project(on, frame)
        if pos is not None:
            out.append(pos if frame == "side" else (sign * pos[0], pos[1]))
    return out


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
        if target is None:
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
