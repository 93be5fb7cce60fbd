"""The WHO relations of each point, read from its location text and checked on
the drawing: tests/relations/*.toml (one file per channel, or per part of the body).

Each relation comes from one point's location sentence (``from``) and is
checked on one view against the built placements (right side, or the midline):

``order``     the points lie in this order along ``axis`` (down, up, lateral,
              medial, anterior, posterior);
``level``     the points lie at one vertical level;
``vertical``  the points lie on one vertical line ("directly above");
``fraction``  ``points = [P, A, B]``: P lies at ``at`` of the way from A to B;
``on_line``   ``points = [P, A, B]``: P lies on the line through A and B,
              between them;
``distance``  ``points = [P, A]``: P lies ``cun`` B-cun from A along ``axis``;
``midline``   ``points = [P]``: P lies ``cun`` B-cun from the median line.

Names are point codes or landmarks of the view (one location of a group is
``CODE:part``, for example ``EX-HN1:anterior``). Distances are in B-cun on the
view's scale; ``tol`` (default 0.2 B-cun) is how far off a relation may be.
A ``cun`` in a relation must be written in the location text it comes from.
"""

from __future__ import annotations

import itertools
import math
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from atlas.core import anatomy as an
from atlas.core import build, placement

RELATIONS = Path(__file__).resolve().parent / "relations"
KINDS = {"order", "level", "vertical", "fraction", "on_line", "distance", "midline"}
AXES = {"down", "up", "lateral", "medial", "anterior", "posterior"}
CHANNELS = ("LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV")


def _relations() -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(file, index, relation) for every relation."""
    for path in sorted(RELATIONS.glob("*.toml")):
        for n, rel in enumerate(tomllib.loads(path.read_text("utf-8")).get("relation", [])):
            yield path.stem, n, rel


def _channel(code: str) -> str:
    return "EX" if code.startswith("EX-") else code.rstrip("0123456789")


ALL = list(_relations())


@pytest.fixture(scope="module")
def sources() -> build.Sources:
    return build.load_sources()


@pytest.fixture(scope="module")
def places(sources: build.Sources) -> dict[tuple[str, str], dict[str, tuple[float, float]]]:
    """(view, name) -> {side: (x, y)} in B-cun of the view, points and landmarks."""
    out: dict[tuple[str, str], dict[str, tuple[float, float]]] = {}
    for row in sources.diagram["placements"]:
        scale = an.VIEW_BY_ID[row["view"]].scale
        name = row["code"] if row["part"] is None else f"{row['code']}:{row['part']}"
        out.setdefault((row["view"], name), {})[row["side"]] = (
            row["x"] / scale,
            row["y"] / scale,
        )
    for row in sources.diagram["landmarks"]:
        scale = an.VIEW_BY_ID[row["view"]].scale
        out.setdefault((row["view"], row["id"]), {})["landmark"] = (
            row["x"] / scale,
            row["y"] / scale,
        )
    return out


def _where(
    places: dict[tuple[str, str], dict[str, tuple[float, float]]], view: str, name: str, side: str
) -> tuple[float, float]:
    found = places.get((view, name))
    assert found, f"{name} is not on the {view} view"
    for key in (side, "midline", "landmark"):
        if key in found:
            return found[key]
    raise AssertionError(f"{name} has no {side} placement on the {view} view")


def _midline_x(view: an.View) -> float:
    """The median line of a front or back view, in B-cun from the view's left edge."""
    return -view.x0


def _along(view: an.View, axis: str, p: tuple[float, float]) -> float:
    """A coordinate that grows in the direction of the axis on this view."""
    x, y = p
    if axis in ("lateral", "medial"):
        lateral = abs(x - _midline_x(view))
        return lateral if axis == "lateral" else -lateral
    if view.frame in ("vertex", "foot_dorsal", "sole"):
        # seen from above or below: forward is up the picture
        forward = -y
    elif axis in ("anterior", "posterior"):
        # the side view faces right; the medial views face left
        forward = x if view.frame == "side" else -x
    else:
        return y if axis == "down" else -y
    return {"anterior": forward, "posterior": -forward, "up": -forward, "down": forward}[axis]


def test_relation_files_are_well_formed(sources: build.Sources) -> None:
    points = {p["code"]: p for p in sources.points}
    problems = []
    for name, n, rel in ALL:
        where = f"{name}.toml relation {n + 1}"
        if rel.get("kind") not in KINDS:
            problems.append(f"{where}: unknown kind {rel.get('kind')!r}")
        if rel.get("view") not in an.VIEW_BY_ID:
            problems.append(f"{where}: unknown view {rel.get('view')!r}")
        if any(
            ":" in name and name.partition(":")[0] != rel.get("from")
            for name in rel.get("points", [])
        ):
            problems.append(f"{where}: a part belongs to another point than 'from'")
        if rel.get("from") not in points:
            problems.append(f"{where}: 'from' names no point")
            continue
        if "axis" in rel and rel["axis"] not in AXES:
            problems.append(f"{where}: unknown axis {rel['axis']!r}")
        if "cun" in rel:
            written = set(placement.distances_in(points[rel["from"]]["location"]))
            if f"{float(rel['cun']):g} B-cun" not in written:
                problems.append(f"{where}: {rel['cun']} B-cun is not in {rel['from']}'s location")
    assert not problems


def test_every_channel_has_its_relations() -> None:
    counts = {channel: 0 for channel in CHANNELS}
    for _, _, rel in ALL:
        channel = _channel(str(rel.get("from", "")))
        counts[channel] = counts.get(channel, 0) + 1
    assert sum(counts.values()) >= 200
    assert all(counts[channel] >= 15 for channel in CHANNELS), counts


@pytest.mark.parametrize(
    ("name", "n", "rel"), ALL, ids=[f"{c}-{n + 1}-{r.get('from')}" for c, n, r in ALL]
)
def test_relation_holds(
    places: dict[tuple[str, str], dict[str, tuple[float, float]]],
    name: str,
    n: int,
    rel: dict[str, Any],
) -> None:
    view = an.VIEW_BY_ID[rel["view"]]
    side = rel.get("side", "right")
    tol = float(rel.get("tol", 0.2))
    names = rel["points"]
    at = [_where(places, view.id, name, side) for name in names]
    kind = rel["kind"]
    says = rel.get("says", "")
    if kind == "order":
        values = [_along(view, rel["axis"], p) for p in at]
        assert all(a < b for a, b in itertools.pairwise(values)), (says, values)
    elif kind == "level":
        ys = [p[1] for p in at]
        assert max(ys) - min(ys) <= tol, (says, ys)
    elif kind == "vertical":
        xs = [p[0] for p in at]
        assert max(xs) - min(xs) <= tol, (says, xs)
    elif kind in ("fraction", "on_line"):
        p, a, b = at
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy)
        t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length**2
        off = abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / length
        assert off <= tol, (says, f"{off:.2f} B-cun off the line")
        if kind == "fraction":
            assert abs(t - float(rel["at"])) * length <= tol, (says, f"at {t:.3f}")
        else:
            assert -tol / length <= t <= 1 + tol / length, (says, f"at {t:.3f}")
    elif kind == "distance":
        p, a = at
        got = _along(view, rel["axis"], p) - _along(view, rel["axis"], a)
        assert abs(got - float(rel["cun"])) <= tol, (says, f"{got:.2f} B-cun")
    elif kind == "midline":
        (p,) = at
        got = abs(p[0] - _midline_x(view))
        assert abs(got - float(rel["cun"])) <= tol, (says, f"{got:.2f} B-cun")
