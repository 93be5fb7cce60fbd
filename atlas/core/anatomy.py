"""Figure geometry in B-cun and the named landmarks of each view (Qt-free).

Three *frames* hold the figure: ``front`` and ``back`` (coronal projections)
and ``side`` (a lateral projection of the figure's right side, facing right).
Positions in a frame are in B-cun:

* front and back: ``(l, y)``: ``l`` is the distance from the median line
  (>= 0, the same for either side; bilateral points are mirrored), ``y`` runs
  down from the vertex (the figure is 75 B-cun tall: vertex 0, sole 75).
* side: ``(z, y)``: ``z`` runs forward from the mid-coronal plane.

A *view* is a picture of one frame: the full figure (``front``, ``back``,
``side``) or a magnified crop of it (``head_front``, ``hand_dorsal``...). A
view maps frame positions to SVG user units; :func:`to_view` does it. The
figure's outline and the region partition are built here (so the placement
engine can test point-in-region without Qt); ``atlas.diagram.drawing`` adds
the shaded art and writes the SVG files.

Proportions follow the WHO proportional bone measurements (see
``/shared/reference/landmarks.md``): suprasternal notch at 15, xiphisternal
junction 24, umbilicus 32, pubic symphysis 37, base of the patella 55, apex
57, medial malleolus 72, sole 75; axillary fold 19.5, cubital crease 28.5,
wrist crease 40.5; greater trochanter 38, gluteal fold 43, popliteal crease
57, lateral malleolus 73.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

Point = tuple[float, float]
Polygon = list[Point]

#: SVG user units per B-cun in the full-body views.
UNITS = 10.0

# ---------------------------------------------------------------- geometry


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: drop points closer than tolerance to the line through their neighbours."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                dist = abs(dy * (px - x1) - dx * (py - y1)) / norm
            else:
                dist = math.hypot(px - x1, py - y1)
            if dist > worst:
                worst, index = dist, i
        if index > 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def catmull_rom(points: Sequence[Point], closed: bool = False, steps: int = 8) -> Polygon:
    """A smooth curve through ``points`` (centripetal-ish Catmull-Rom), sampled."""
    pts = list(points)
    if len(pts) < 3:
        return pts
    out: Polygon = []
    n = len(pts)
    segs = n if closed else n - 1
    for i in range(segs):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1 = pts[i]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(
                (
                    0.5
                    * (
                        2 * p1[0]
                        + (-p0[0] + p2[0]) * t
                        + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
                        + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3
                    ),
                    0.5
                    * (
                        2 * p1[1]
                        + (-p0[1] + p2[1]) * t
                        + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
                        + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3
                    ),
                )
            )
    if not closed:
        out.append(pts[-1])
    return out


def clip_halfplane(poly: Polygon, a: float, b: float, c: float) -> Polygon:
    """Keep the part of ``poly`` where a*x + b*y + c >= 0 (Sutherland-Hodgman)."""
    out: Polygon = []
    n = len(poly)
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        fp = a * p[0] + b * p[1] + c
        fq = a * q[0] + b * q[1] + c
        if fp >= 0:
            out.append(p)
        if (fp >= 0) != (fq >= 0):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def clip_convex(poly: Polygon, convex: Polygon) -> Polygon:
    """Clip ``poly`` (any simple polygon) by a convex polygon (either winding)."""
    if _area(convex) < 0:
        convex = convex[::-1]
    out = poly
    n = len(convex)
    for i in range(n):
        (x1, y1), (x2, y2) = convex[i], convex[(i + 1) % n]
        # positive signed area: the inside is where the cross product is positive
        a, b = -(y2 - y1), x2 - x1
        c = -(a * x1 + b * y1)
        out = clip_halfplane(out, a, b, c)
        if not out:
            break
    return out


def _area(poly: Sequence[Point]) -> float:
    s = 0.0
    for i in range(len(poly)):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % len(poly)]
        s += x1 * y2 - x2 * y1
    return s / 2


def area(poly: Sequence[Point]) -> float:
    """Unsigned area."""
    return abs(_area(poly))


def point_in_polygon(pt: Point, poly: Sequence[Point]) -> bool:
    """Even-odd rule."""
    x, y = pt
    inside = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def point_in_shape(pt: Point, shape: Sequence[Polygon]) -> bool:
    """Inside any of the (non-overlapping) pieces of a region."""
    return any(point_in_polygon(pt, piece) for piece in shape)


def lerp(p: Point, q: Point, t: float) -> Point:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def quad(
    x0: float, y0: float, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float
) -> Polygon:
    return [(x0, y0), (x1, y1), (x2, y2), (x3, y3)]


# ---------------------------------------------------------------- levels

#: Vertical levels (B-cun below the vertex) shared by the frames.
LEVEL: dict[str, float] = {
    "vertex": 0.0,
    "anterior_hairline": 1.95,
    "glabella": 4.95,
    "eyebrow": 4.55,
    "pupil": 5.35,
    "nose_base": 7.45,
    "mouth": 8.45,
    "chin": 10.2,
    "suprasternal_notch": 15.0,
    "xiphisternal_junction": 24.0,
    "umbilicus": 32.0,
    "pubic_symphysis": 37.0,
    "axillary_fold": 19.5,
    "cubital_crease": 28.5,
    "wrist_crease": 40.5,
    "greater_trochanter": 38.0,
    "gluteal_fold": 43.0,
    "patella_base": 55.0,
    "patella_apex": 57.0,
    "popliteal_crease": 57.0,
    "tibial_condyle": 59.0,
    "medial_malleolus": 72.0,
    "lateral_malleolus": 73.0,
    "sole": 75.0,
}

#: Intercostal spaces on the anterior median line (1.6 B-cun apart).
ICS_MID = {1: 17.6, 2: 19.2, 3: 20.8, 4: 22.4, 5: 24.0, 6: 25.5, 7: 26.9}
ICS_SLOPE = 0.12  # the spaces run a little downward as they go lateral

#: Spinous processes (tips) on the back, y in B-cun.
SPINE: dict[str, float] = {"C7": 13.3}
for _i in range(1, 13):
    SPINE[f"T{_i}"] = 14.4 + (_i - 1) * 1.2
for _i in range(1, 6):
    SPINE[f"L{_i}"] = 28.9 + (_i - 1) * 1.3
for _i in range(1, 5):
    SPINE[f"S{_i}"] = 35.5 + (_i - 1) * 1.0
SPINE["coccyx"] = 39.6

# ---------------------------------------------------------------- front/back outline

# The right half of the figure seen from the front, as (l, y) control points,
# from the vertex down around the head, arm and leg to the crotch.
_HEAD_HALF: list[Point] = [
    (0.0, 0.0), (1.55, 0.22), (2.65, 0.85), (3.3, 1.9), (3.6, 3.2), (3.66, 4.5),
    (3.6, 5.8), (3.48, 7.0), (3.22, 8.05), (2.78, 8.95), (2.2, 9.7), (1.35, 10.15),
    (0.0, 10.35),
]  # fmt: skip

_BODY_HALF: list[Point] = [
    (1.55, 10.1), (1.72, 11.3), (1.95, 12.4), (2.6, 13.05), (4.3, 13.55), (6.1, 13.95),
    (7.3, 14.4), (8.25, 15.25), (8.8, 16.6), (9.05, 18.4), (9.05, 20.6), (9.1, 23.5),
    (9.25, 26.5), (9.6, 28.5), (10.0, 30.6), (10.2, 33.5), (10.3, 37.0), (10.35, 40.0),
    # hand: thenar, thumb, fingers, hypothenar
    (10.80, 41.2), (11.30, 42.5), (11.55, 43.8), (11.50, 44.9), (11.25, 45.55),
    (10.95, 45.35), (10.85, 44.6), (10.80, 44.0),
    (10.85, 45.2), (10.77, 46.6), (10.55, 47.45), (10.25, 47.5), (10.07, 46.0), (9.97, 44.85),
    (9.90, 46.4), (9.80, 47.9), (9.50, 48.3), (9.20, 47.9), (9.15, 46.4), (9.07, 44.95),
    (8.95, 46.3), (8.80, 47.6), (8.50, 47.85), (8.25, 47.4), (8.20, 45.9), (8.13, 45.1),
    (7.95, 46.0), (7.77, 46.75), (7.50, 46.6), (7.40, 45.4), (7.45, 43.6), (7.70, 42.0),
    (8.10, 40.7),
    # medial forearm and arm up to the axilla
    (7.95, 38.0), (7.5, 34.0), (7.2, 31.0), (7.15, 28.5), (7.0, 25.5), (6.85, 22.5),
    (6.7, 20.3), (6.45, 19.3),
    # trunk side, hip, lateral leg
    (6.3, 20.4), (6.35, 22.0), (6.25, 24.0), (5.95, 26.5), (5.6, 29.3), (5.75, 31.8),
    (6.25, 34.0), (6.7, 36.5), (6.85, 38.8), (6.8, 41.5), (6.5, 45.5), (5.95, 50.0),
    (5.0, 53.8), (4.55, 56.0), (4.5, 57.8), (4.7, 60.5), (4.55, 63.5), (4.0, 67.0),
    (3.45, 70.0), (3.3, 71.6), (3.55, 72.9), (3.95, 73.9), (4.0, 74.7), (3.75, 75.0),
    # toes (front view of the foot) and medial side
    (3.2, 75.02), (2.6, 75.04), (2.0, 75.05), (1.4, 75.05), (0.95, 74.85), (0.8, 74.2),
    (0.9, 73.4), (1.1, 72.4), (1.2, 71.2), (1.1, 69.0), (0.85, 65.0), (0.75, 62.0),
    (0.85, 59.2), (0.6, 56.5), (0.55, 53.5), (0.35, 48.5), (0.15, 43.5), (0.0, 41.0),
]  # fmt: skip

# The arm/trunk separator (l as a function of y), through the gap under the axilla.
ARM_SEP_TOP: Point = (6.45, 19.3)
ARM_SEP_BOTTOM: Point = (7.3, 48.0)


def _mirror(half: Sequence[Point]) -> Polygon:
    """Right half (l >= 0) -> a closed outline in signed x (right side at -l)."""
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half) if lx > 0]
    return right + left


@dataclass
class FrameGeometry:
    """Outline pieces and the region partition of one frame, in frame B-cun."""

    frame: str
    # named closed outlines in frame coordinates (x, y); front/back use signed x
    outlines: dict[str, Polygon] = field(default_factory=dict)
    # region id (with -left/-right suffix) -> pieces (polygons) in frame coords
    regions: dict[str, list[Polygon]] = field(default_factory=dict)


def head_outline_front() -> Polygon:
    half = _HEAD_HALF
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half[1:-1])]
    return catmull_rom(right + left, closed=True, steps=6)


def body_outline_front() -> Polygon:
    """Neck, trunk, arms and legs (no head) as one closed outline, signed x."""
    half = catmull_rom(_BODY_HALF, steps=6)
    right = [(-lx, y) for lx, y in half]
    left = [(lx, y) for lx, y in reversed(half)]
    return right + left


def ear_outline_front(sign: int, head: Polygon) -> Polygon:
    """The auricle seen from the front or back, outside the head outline on one side.

    ``sign`` is the screen side (-1 left of the median line, +1 right); the inner
    edge follows the head outline so that ear and head share a border.
    """
    pts = [(3.66, 4.5), (3.98, 4.35), (4.22, 4.8), (4.3, 5.8), (4.15, 6.9), (3.85, 7.6),
           (3.47, 7.05)]  # fmt: skip
    outer = [(sign * lx, y) for lx, y in catmull_rom(pts, steps=6)]
    inner = [p for p in head if p[0] * sign > 0 and 4.5 < p[1] < 7.05]
    inner.sort(key=lambda p: -p[1])
    return outer + inner


# ---------------------------------------------------------------- region cells

Cell = list[Polygon]  # convex pieces, frame coordinates of the right half (l, y)

BIG = 60.0


def _band(y0: float, y1: float, l0: float = 0.0, l1: float = BIG) -> Polygon:
    return quad(l0, y0, l1, y0, l1, y1, l0, y1)


def _strip_below(y_top_line: Sequence[Point], y1: float) -> Cell:
    """Pieces between a polyline (y as a function of l) and the level y1."""
    pieces: Cell = []
    for (la, ya), (lb, yb) in itertools.pairwise(y_top_line):
        pieces.append([(la, ya), (lb, yb), (lb, y1), (la, y1)])
    return pieces


def _strip_above(y_bottom_line: Sequence[Point], y0: float) -> Cell:
    pieces: Cell = []
    for (la, ya), (lb, yb) in itertools.pairwise(y_bottom_line):
        pieces.append([(la, y0), (lb, y0), (lb, yb), (la, ya)])
    return pieces


def _sep_l(y: float) -> float:
    (l0, y0), (l1, y1) = ARM_SEP_TOP, ARM_SEP_BOTTOM
    return l0 + (l1 - l0) * (y - y0) / (y1 - y0)


def _arm_band(y0: float, y1: float) -> Polygon:
    """The part of the arm domain between two levels (lateral of the separator)."""
    return [(_sep_l(y0), y0), (BIG, y0), (BIG, y1), (_sep_l(y1), y1)]


def _trunk_band(y0: float, y1: float, l0: float = 0.0) -> Polygon:
    return [(l0, y0), (_sep_l(y0), y0), (_sep_l(y1), y1), (l0, y1)]


# the hairline on the front and back, as (l, y) polylines
_HAIRLINE_FRONT: list[Point] = [(0.0, 1.95), (1.6, 2.05), (2.6, 2.4), (2.8, 5.6),
                                (BIG, 5.6)]  # fmt: skip
_JAW_LINE: list[Point] = [(0.0, 10.3), (1.4, 10.15), (2.25, 9.7), (2.9, 8.95), (BIG, 8.95)]
_CLAVICLE_LINE: list[Point] = [(0.0, 15.0), (1.1, 14.9), (3.0, 15.0), (5.2, 14.75),
                               (6.45, 14.5)]  # fmt: skip


def front_back_cells(frame: str) -> dict[str, Cell]:
    """Region cells for the right half of the front or back frame."""
    c: dict[str, Cell] = {}
    # head / face (front) or head / neck (back)
    if frame == "front":
        c["head"] = _strip_above(_HAIRLINE_FRONT, -5.0)
        c["face"] = [
            piece
            for a, b in itertools.pairwise(_HAIRLINE_FRONT)
            for piece in [[a, b, (b[0], 12.0), (a[0], 12.0)]]
        ]
        c["neck"] = _intersect_cells(
            _strip_below(_JAW_LINE, 20.0),
            [*_strip_above(_CLAVICLE_LINE, -5.0), quad(6.45, -5, BIG, -5, BIG, 14.5, 6.45, 14.5)],
        )
        c["neck"] = _intersect_cells(c["neck"], [_band(-5.0, 16.0, 0.0, 6.45)])
        c["chest"] = _intersect_cells(
            [*_strip_below(_CLAVICLE_LINE, 24.0), _band(24.0, 27.5)],
            [_trunk_band(-5.0, 40.0)],
        )
        c["chest"] = _intersect_cells(c["chest"], [_band(-5.0, 40.0, 0.0, 6.45)])
        # the costal margin divides chest and abdomen
        costal = [(0.0, 24.0), (2.0, 25.5), (4.0, 27.5), (6.0, 29.3), (BIG, 29.3)]
        c["chest"] = _intersect_cells(
            _strip_below(_CLAVICLE_LINE, 40.0), _strip_above(costal, -5.0)
        )
        c["chest"] = _intersect_cells(c["chest"], [_trunk_band(-5.0, 40.0)])
        c["abdomen"] = _intersect_cells(
            _strip_below(costal, 38.2),
            [
                quad(0.0, 20.0, _sep_l(20.0), 20.0, _sep_l(33.0), 33.0, 0.0, 33.0),
                quad(0.0, 33.0, _sep_l(33.0), 33.0, 4.2, 38.2, 0.0, 38.2),
            ],
        )
        c["hip"] = [quad(4.2, 38.2, _sep_l(33.0), 33.0, _sep_l(41.5), 41.5, 4.2, 41.5)]
        c["thigh"] = [
            quad(0.0, 38.2, 4.2, 38.2, 4.2, 41.5, 0.0, 41.5),
            quad(0.0, 41.5, _sep_l(41.5), 41.5, 6.0, 54.3, 0.0, 54.3),
        ]
        c["knee"] = [_band(54.3, 58.6, 0.0, 6.0)]
        c["leg"] = [_band(58.6, 71.0, 0.0, 6.0)]
        c["ankle"] = [quad(0.0, 71.0, 6.0, 71.0, 6.0, 74.2, 0.0, 72.6)]
        c["foot"] = [quad(0.0, 72.6, 6.0, 74.2, 6.0, 74.55, 0.0, 74.55)]
        c["toes"] = [_band(74.55, 76.0, 0.0, 6.0)]
    else:
        hair_back = [(0.0, 7.0), (2.0, 7.0), (2.7, 8.6), (BIG, 8.6)]
        c["head"] = _strip_above(hair_back, -5.0)
        c["neck"] = _intersect_cells(
            _strip_below(hair_back, 20.0),
            [quad(0.0, 0.0, 3.4, 0.0, 3.4, 12.59, 0.0, 13.95)],
        )
        c["upper_back"] = _intersect_cells(
            [[(0.0, 13.95), (3.4, 12.59), (3.4, 14.8), (6.45, 14.8), (6.45, 28.6), (0.0, 28.6)]],
            [_trunk_band(0.0, 28.6)],
        )
        c["upper_back"] = [
            piece
            for cell in (
                [[(0.0, 13.95), (3.4, 12.59), (3.4, 28.6), (0.0, 28.6)]],
                [quad(3.4, 14.8, 6.45, 14.8, 6.45, 28.6, 3.4, 28.6)],
            )
            for piece in _intersect_cells(cell, [_trunk_band(0.0, 28.6)])
        ]
        c["lower_back"] = [_trunk_band(28.6, 35.0)]
        c["sacral"] = [
            quad(0.0, 35.0, 2.1, 35.0, 1.55, 39.0, 0.0, 39.0),
            quad(0.0, 39.0, 1.55, 39.0, 0.3, 39.5, 0.0, 39.5),
            quad(0.0, 39.5, 0.3, 39.5, 0.3, 41.5, 0.0, 41.5),
        ]
        c["buttock"] = [
            quad(2.1, 35.0, _sep_l(35.0), 35.0, _sep_l(39.0), 39.0, 1.55, 39.0),
            [(1.55, 39.0), (_sep_l(39.0), 39.0), (_sep_l(43.4), 43.4), (0.3, 43.4), (0.3, 39.5)],
            quad(0.0, 41.5, 0.3, 41.5, 0.3, 43.4, 0.0, 43.4),
        ]
        c["thigh"] = [quad(0.0, 43.4, _sep_l(43.4), 43.4, 6.0, 54.3, 0.0, 54.3)]
        c["knee"] = [_band(54.3, 58.6, 0.0, 6.0)]
        c["leg"] = [_band(58.6, 71.0, 0.0, 6.0)]
        c["ankle"] = [quad(0.0, 71.0, 6.0, 71.0, 6.0, 74.0, 0.0, 72.4)]
        c["foot"] = [quad(0.0, 72.4, 6.0, 74.0, 6.0, 76.0, 0.0, 76.0)]
    # the arm (same on front and back)
    c["shoulder"] = [quad(6.45, -5.0, BIG, -5.0, BIG, 20.4, 6.45, 19.0)]
    if frame == "back":
        c["shoulder"].append(quad(3.4, -5.0, 6.45, -5.0, 6.45, 14.8, 3.4, 14.8))
    c["axilla"] = [quad(6.45, 19.0, 7.5, 19.55, 7.5, 21.0, _sep_l(21.0), 21.0)]
    c["upper_arm"] = [
        quad(7.5, 19.55, BIG, 20.4, BIG, 27.2, 7.5, 27.2),
        quad(_sep_l(21.0), 21.0, 7.5, 21.0, 7.5, 27.2, _sep_l(27.2), 27.2),
    ]
    c["elbow"] = [_arm_band(27.2, 29.6)]
    c["forearm"] = [_arm_band(29.6, 40.1)]
    c["wrist"] = [_arm_band(40.1, 41.2)]
    c["hand"] = [
        _arm_band(41.2, 43.7),
        [(_sep_l(43.7), 43.7), (10.95, 43.7), (10.95, 44.3), (_sep_l(44.3), 44.3)],
    ]
    c["fingers"] = [_arm_band(44.3, 60.0), quad(10.95, 43.7, BIG, 43.7, BIG, 44.3, 10.95, 44.3)]
    return c


def _intersect_cells(a: Cell, b: Cell) -> Cell:
    out: Cell = []
    for pa in a:
        for pb in b:
            piece = clip_convex(pa, pb)
            if len(piece) >= 3 and area(piece) > 1e-6:
                out.append(piece)
    return out


MIDLINE_REGIONS = {
    "head", "face", "neck", "chest", "abdomen", "upper_back", "lower_back", "sacral",
}  # fmt: skip


def _clip_pieces(subject: Polygon, cell: Cell) -> list[Polygon]:
    out: list[Polygon] = []
    for piece in cell:
        clipped = clip_convex(subject, piece)
        if len(clipped) >= 3 and area(clipped) > 1e-4:
            out.append(clipped)
    return out


def _mirror_cell(cell: Cell, sign: int) -> Cell:
    """Half-plane cell (l, y) -> signed frame coordinates: x = sign * l."""
    return [[(sign * lx, y) for lx, y in piece] for piece in cell]


def front_back_geometry(frame: str) -> FrameGeometry:
    """Outlines and regions of the front or back frame (signed x: screen direction)."""
    geo = FrameGeometry(frame)
    head = head_outline_front()
    body = body_outline_front()
    geo.outlines["head"] = head
    geo.outlines["body"] = body
    right_sign = -1 if frame == "front" else 1
    cells = front_back_cells(frame)
    lower = sorted((abs(px), py) for px, py in head if px <= 0 and py > 8.0)
    jaw = [(0.0, max(py for px, py in lower if px < 0.05))] + [p for p in lower if p[0] >= 0.05]
    jaw.append((BIG, jaw[-1][1]))
    jaw_cut = [piece for sign in (-1, 1) for piece in _mirror_cell(_strip_below(jaw, 200.0), sign)]
    for name, cell in cells.items():
        for side, sign in (("right", right_sign), ("left", -right_sign)):
            mirrored = _mirror_cell(cell, sign)
            pieces: list[Polygon] = []
            if name in ("head", "face") or (name == "neck" and frame == "back"):
                pieces += _clip_pieces(head, mirrored)
            if name not in ("head", "face"):
                pieces += _clip_pieces(body, _intersect_cells(mirrored, jaw_cut))
            rid = name if name in MIDLINE_REGIONS else f"{name}-{side}"
            geo.regions.setdefault(rid, []).extend(pieces)
    for sign in (-1, 1):
        side = "right" if sign == right_sign else "left"
        ear = ear_outline_front(sign, head)
        geo.outlines[f"ear-{side}"] = ear
        geo.regions[f"ear-{side}"] = [ear]
    return geo


# ---------------------------------------------------------------- side frame

# The profile of the figure's right side (z forward, y down), clockwise from the
# vertex: face, front of the trunk and leg, foot, back of the leg, back, nape.
_SIDE_PROFILE: list[Point] = [
    (0.2, 0.0), (2.1, 0.45), (3.35, 1.55), (3.95, 3.0), (4.12, 4.25), (4.2, 4.8),
    (3.98, 5.3), (4.45, 6.35), (4.95, 7.1), (4.75, 7.45), (4.3, 7.6), (4.45, 8.1),
    (4.25, 8.45), (4.38, 8.8), (4.0, 9.25), (4.28, 9.85), (3.8, 10.35), (2.6, 10.6),
    (1.95, 11.1), (2.1, 12.3), (2.35, 13.8), (2.6, 15.0), (3.6, 16.9), (4.25, 19.6),
    (4.45, 22.0), (4.1, 24.3), (3.7, 27.0), (3.55, 29.8), (3.7, 32.0), (3.65, 34.6),
    (3.25, 37.1), (3.35, 38.7), (3.65, 42.0), (3.45, 48.0), (2.85, 53.0), (2.7, 55.6),
    (2.3, 57.6), (1.95, 60.0), (1.6, 66.0), (1.35, 71.3), (2.1, 72.6), (3.8, 73.5),
    (5.9, 74.3), (7.55, 74.6), (7.95, 74.9), (7.6, 75.05), (5.0, 75.05), (1.5, 75.05),
    (-1.4, 75.05), (-2.2, 74.85), (-2.45, 74.0), (-2.0, 72.3), (-1.55, 69.5),
    (-1.75, 66.0), (-2.35, 62.0), (-2.3, 58.8), (-1.85, 56.8), (-2.05, 52.5),
    (-2.65, 46.5), (-3.3, 43.2), (-4.25, 41.0), (-4.5, 38.6), (-4.1, 35.5),
    (-3.3, 31.2), (-3.45, 28.0), (-4.1, 24.0), (-4.6, 20.2), (-4.4, 17.0),
    (-3.6, 14.4), (-2.4, 12.4), (-2.45, 10.8), (-3.25, 9.3), (-4.15, 7.4),
    (-4.45, 5.2), (-3.95, 2.6), (-2.4, 0.65),
]  # fmt: skip

# The raised right arm on the side view: upper arm up and back from the shoulder,
# forearm and hand above and behind the head. Centre line and half-widths.
SIDE_ARM_AXIS: list[tuple[float, float, float]] = [
    # (z, y, half-width)
    (-0.6, 16.2, 2.05),
    (-2.5, 12.0, 1.75),
    (-4.6, 7.3, 1.45),
    (-5.3, 5.7, 1.35),
    (-6.4, 2.8, 1.45),
    (-7.6, -0.6, 1.2),
    (-8.6, -3.6, 0.95),
    (-9.0, -4.9, 0.95),
    (-9.7, -6.6, 1.15),
    (-10.5, -8.8, 0.95),
    (-11.0, -10.6, 0.55),
]
#: arm stations (index into SIDE_ARM_AXIS) where the regions change
SIDE_ARM_STATIONS = {"shoulder": 0, "upper_arm": 1, "elbow": 3, "forearm": 4, "wrist": 7,
                     "hand": 8}  # fmt: skip


def side_arm_edges() -> tuple[list[Point], list[Point]]:
    """Front (upper) and back (lower) edges of the raised arm, one point per station."""
    front: list[Point] = []
    back: list[Point] = []
    n = len(SIDE_ARM_AXIS)
    for i, (z, y, w) in enumerate(SIDE_ARM_AXIS):
        za, ya, _ = SIDE_ARM_AXIS[max(i - 1, 0)]
        zb, yb, _ = SIDE_ARM_AXIS[min(i + 1, n - 1)]
        dz, dy = zb - za, yb - ya
        norm = math.hypot(dz, dy) or 1.0
        nz, ny = -dy / norm, dz / norm  # perpendicular
        front.append((z + nz * w, y + ny * w))
        back.append((z - nz * w, y - ny * w))
    return front, back


def side_arm_outline() -> Polygon:
    front, back = side_arm_edges()
    tip = SIDE_ARM_AXIS[-1]
    pts = [*front, (tip[0] - 0.35, tip[1] - 0.5), *back[::-1]]
    return catmull_rom(pts, closed=True, steps=6)


def side_body_outline() -> Polygon:
    return catmull_rom(_SIDE_PROFILE, closed=True, steps=6)


def side_ear_outline() -> Polygon:
    """The auricle on the side view (kept convex: it is cut out of the head)."""
    cz, cy, rz, ry = -0.25, 6.15, 0.95, 1.75
    return [
        (cz + rz * math.cos(t) - 0.18 * (math.sin(t)), cy + ry * math.sin(t))
        for t in (2 * math.pi * k / 48 for k in range(48))
    ]


def convex_hull(points: Sequence[Point]) -> Polygon:
    """Andrew's monotone chain."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return list(pts)

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: Polygon = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: Polygon = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _halfplane_pieces(lines: Sequence[tuple[Point, Point]]) -> Cell:
    """Disjoint convex pieces covering the complement of a convex polygon.

    ``lines`` are the polygon's edges (counter-clockwise in screen space is
    not required; each edge's outside is the side away from the centroid).
    """
    big = [(-200.0, -200.0), (200.0, -200.0), (200.0, 200.0), (-200.0, 200.0)]
    pieces: Cell = []
    cx = sum(p[0] for p, _ in lines) / len(lines)
    cy = sum(p[1] for p, _ in lines) / len(lines)
    inside_so_far = big
    for p, q in lines:
        a, b = -(q[1] - p[1]), q[0] - p[0]
        c = -(a * p[0] + b * p[1])
        if a * cx + b * cy + c < 0:
            a, b, c = -a, -b, -c
        outside = clip_halfplane(inside_so_far, -a, -b, -c)
        if len(outside) >= 3:
            pieces.append(outside)
        inside_so_far = clip_halfplane(inside_so_far, a, b, c)
    return pieces


def _zband(y0: float, y1: float) -> Polygon:
    return quad(-BIG, y0, BIG, y0, BIG, y1, -BIG, y1)


def side_geometry() -> FrameGeometry:
    """Outlines and regions of the side frame (z forward, y down), right side only."""
    geo = FrameGeometry("side")
    body = side_body_outline()
    arm = side_arm_outline()
    ear = side_ear_outline()
    geo.outlines["body"] = body
    geo.outlines["arm"] = arm
    geo.outlines["ear"] = ear
    front, back = side_arm_edges()
    n = len(front)
    hull_end = SIDE_ARM_STATIONS["forearm"]

    def side_of(i: int, p: Point) -> float:
        """> 0 when p lies beyond cross-line i (toward the hand)."""
        (fx, fy), (bx, by) = front[i], back[i]
        ax, ay = SIDE_ARM_AXIS[min(i + 1, n - 1)][:2]
        if i == n - 1:
            ax, ay = 2 * fx - SIDE_ARM_AXIS[i - 1][0], 2 * fy - SIDE_ARM_AXIS[i - 1][1]

        def cross(q: Point) -> float:
            return (bx - fx) * (q[1] - fy) - (by - fy) * (q[0] - fx)

        return cross(p) * (1 if cross((ax, ay)) > 0 else -1)

    def slab(i: int) -> Polygon:
        """The strip between cross-lines i and i+1 (open-ended at the two ends)."""
        k = 4.0

        def ext(p: Point, q: Point) -> Point:
            return (p[0] + (p[0] - q[0]) * k, p[1] + (p[1] - q[1]) * k)

        f0, b0 = front[i], back[i]
        if i + 1 < n:
            f1, b1 = front[i + 1], back[i + 1]
        else:
            ax, ay = SIDE_ARM_AXIS[i][:2]
            px, py = SIDE_ARM_AXIS[i - 1][:2]
            f1 = (f0[0] + (ax - px) * 3, f0[1] + (ay - py) * 3)
            b1 = (b0[0] + (ax - px) * 3, b0[1] + (ay - py) * 3)
        if i == 0:
            ax, ay = SIDE_ARM_AXIS[1][:2]
            px, py = SIDE_ARM_AXIS[0][:2]
            f0 = (f0[0] - (ax - px) * 3, f0[1] - (ay - py) * 3)
            b0 = (b0[0] - (ax - px) * 3, b0[1] - (ay - py) * 3)
        return [ext(f0, b0), ext(f1, b1), ext(b1, f1), ext(b0, f0)]

    cap = [p for p in arm if side_of(1, p) <= 0]
    occ_a = convex_hull([*cap, front[1], back[1]])
    upper = [p for p in arm if side_of(1, p) >= 0 and side_of(hull_end, p) <= 0]
    occ_b = convex_hull([*upper, front[1], back[1], front[hull_end], back[hull_end]])
    outside_arm = _intersect_cells(
        _halfplane_pieces([(occ_a[i], occ_a[(i + 1) % len(occ_a)]) for i in range(len(occ_a))]),
        _halfplane_pieces([(occ_b[i], occ_b[(i + 1) % len(occ_b)]) for i in range(len(occ_b))]),
    )
    outside_ear = _halfplane_pieces([(ear[i], ear[(i + 1) % len(ear)]) for i in range(len(ear))])
    hair = [(-BIG, 8.6), (-1.5, 8.6), (-1.3, 4.3), (0.5, 4.1), (1.15, 5.25), (1.6, 4.3),
            (2.4, 3.0), (3.6, 2.0), (BIG, 2.0)]  # fmt: skip
    jaw = [(-BIG, 10.9), (-1.6, 10.9), (-1.35, 8.6), (1.2, 9.9), (3.0, 10.45),
           (BIG, 10.45)]  # fmt: skip
    front_half = [quad(-1.45, -30, BIG, -30, BIG, 30, -1.45, 30)]
    back_half = [quad(-BIG, -30, -1.45, -30, -1.45, 30, -BIG, 30)]
    shoulder_line = [quad(-BIG, -30, BIG, -30, BIG, 14.6, -BIG, 13.6)]
    mid = -0.3
    c: dict[str, Cell] = {}
    c["head"] = _strip_above(hair, -30.0)
    c["face"] = _intersect_cells(
        _intersect_cells(_strip_below(hair, 30.0), _strip_above(jaw, -30.0)), front_half
    )
    c["neck"] = _intersect_cells(
        _intersect_cells(_strip_below(jaw, 30.0), front_half), shoulder_line
    ) + _intersect_cells(_intersect_cells(_strip_below(hair, 30.0), back_half), shoulder_line)
    c["shoulder"] = [quad(-BIG, 13.6, BIG, 14.6, BIG, 16.4, -BIG, 16.4)]
    c["axilla"] = [quad(-1.8, 16.4, 1.3, 16.4, 1.3, 19.8, -1.8, 19.8)]
    c["chest"] = [
        quad(1.3, 16.4, BIG, 16.4, BIG, 19.8, 1.3, 19.8),
        quad(mid, 19.8, BIG, 19.8, BIG, 29.0, mid, 29.0),
    ]
    c["upper_back"] = [
        quad(-BIG, 16.4, -1.8, 16.4, -1.8, 19.8, -BIG, 19.8),
        quad(-BIG, 19.8, mid, 19.8, mid, 28.6, -BIG, 28.6),
    ]
    c["abdomen"] = [
        quad(mid, 29.0, BIG, 29.0, BIG, 34.6, mid, 34.6),
        quad(-1.9, 28.6, mid, 28.6, mid, 34.6, -1.9, 34.6),
        quad(mid, 34.6, BIG, 34.6, BIG, 36.0, mid, 36.0),
        quad(1.6, 36.0, BIG, 36.0, BIG, 37.6, 1.6, 37.6),
    ]
    c["chest"][1] = quad(mid, 19.8, BIG, 19.8, BIG, 29.0, mid, 29.0)
    c["upper_back"][1] = quad(-BIG, 19.8, mid, 19.8, mid, 28.6, -BIG, 28.6)
    c["lower_back"] = [quad(-BIG, 28.6, -1.9, 28.6, -1.9, 34.6, -BIG, 34.6)]
    c["sacral"] = [quad(-BIG, 34.6, -3.0, 34.6, -3.0, 38.5, -BIG, 38.5)]
    c["buttock"] = [
        quad(-3.0, 34.6, -1.8, 34.6, -1.8, 38.5, -3.0, 38.5),
        quad(-BIG, 38.5, -1.8, 38.5, -1.8, 43.6, -BIG, 43.6),
    ]
    c["hip"] = [quad(-1.8, 34.6, -1.9 + 0.1, 34.6, mid, 34.6, -1.8, 34.6)]
    c["hip"] = [
        quad(-1.8, 34.6, mid, 34.6, mid, 36.0, -1.8, 36.0),
        quad(-1.8, 36.0, 1.6, 36.0, 1.6, 41.5, -1.8, 41.5),
    ]
    c["thigh"] = [
        quad(1.6, 37.6, BIG, 37.6, BIG, 54.3, 1.6, 54.3),
        quad(-1.8, 41.5, 1.6, 41.5, 1.6, 54.3, -1.8, 54.3),
        quad(-BIG, 43.6, -1.8, 43.6, -1.8, 54.3, -BIG, 54.3),
    ]
    c["knee"] = [_zband(54.3, 58.6)]
    c["leg"] = [_zband(58.6, 71.0)]
    ankle_y = 73.4 - 5.6 / (2 * BIG)
    c["ankle"] = [quad(-BIG, 71.0, BIG, 71.0, BIG, 72.9, -BIG, 73.9)]
    c["foot"] = [quad(-BIG, 73.9, 5.6, ankle_y, 5.6, 74.75, -BIG, 74.75)]
    c["toes"] = [quad(5.6, ankle_y, BIG, 72.9, BIG, 74.75, 5.6, 74.75)]
    c["sole"] = [_zband(74.75, 80.0)]
    for name, cell in c.items():
        cell = _intersect_cells(cell, outside_arm)
        if name in ("head", "face"):
            cell = _intersect_cells(cell, outside_ear)
        rid = name if name in MIDLINE_REGIONS else f"{name}-right"
        geo.regions[rid] = _clip_pieces(body, cell)
    geo.regions["ear-right"] = [ear]
    # the raised arm: inside the occluder the whole hull belongs to the arm
    stations = list(SIDE_ARM_STATIONS.items())
    for k, (name, start) in enumerate(stations):
        end = stations[k + 1][1] if k + 1 < len(stations) else n
        pieces: list[Polygon] = []
        for i in range(start, end):
            if i < hull_end:
                piece = clip_convex(occ_a if i == 0 else occ_b, slab(i))
                if len(piece) >= 3 and area(piece) > 1e-4:
                    pieces.append(piece)
            else:
                pieces += _clip_pieces(arm, [slab(i)])
        rid = "fingers-right" if name == "hand" else f"{name}-right"
        geo.regions.setdefault(rid, []).extend(pieces)
    return geo


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class View:
    """A picture of one frame: the full figure or a magnified crop of it."""

    id: str
    title: str
    kind: str  # "full" or "detail"
    frame: str  # front, back, side
    x0: float  # crop, frame B-cun
    y0: float
    x1: float
    y1: float
    scale: float  # SVG user units per B-cun
    sort: int
    side: str = ""  # for detail views of one limb: "right" or "left"

    @property
    def width(self) -> float:
        return round((self.x1 - self.x0) * self.scale, 3)

    @property
    def height(self) -> float:
        return round((self.y1 - self.y0) * self.scale, 3)

    def to_view(self, p: Point) -> Point:
        """Frame B-cun -> SVG user units."""
        return ((p[0] - self.x0) * self.scale, (p[1] - self.y0) * self.scale)

    def contains(self, p: Point) -> bool:
        return self.x0 <= p[0] <= self.x1 and self.y0 <= p[1] <= self.y1


VIEWS: tuple[View, ...] = (
    View("front", "Front", "full", "front", -12.5, -1.5, 12.5, 76.5, UNITS, 0),
    View("back", "Back", "full", "back", -12.5, -1.5, 12.5, 76.5, UNITS, 1),
    View("side", "Side (right lateral)", "full", "side", -13.0, -13.0, 9.5, 76.5, UNITS, 2),
    View("head_front", "Head and face, front", "detail", "front", -5.2, -0.9, 5.2, 13.5, 40.0,
         3),
    View("head_side", "Head and face, side", "detail", "side", -5.6, -0.9, 6.0, 13.5, 40.0, 4),
    View("hand_palmar", "Right hand, palmar", "detail", "front", -12.0, 38.6, -7.1, 49.0,
         50.0, 5, "right"),
    View("hand_dorsal", "Right hand, dorsal", "detail", "back", 7.1, 38.6, 12.0, 49.0, 50.0,
         6, "right"),
    View("foot_lateral", "Right foot, lateral", "detail", "side", -3.4, 68.0, 8.6, 75.8, 40.0,
         7, "right"),
    View("foot_medial", "Right foot, medial", "detail", "foot_medial", -8.6, 66.0, 3.0,
         75.8, 40.0, 8, "right"),
    View("foot_dorsal", "Right foot, dorsal", "detail", "foot_dorsal", -2.8, -8.6, 2.8, 3.0,
         40.0, 9, "right"),
    View("sole", "Right foot, sole", "detail", "sole", -2.8, -8.6, 2.8, 3.0, 40.0, 10,
         "right"),
)  # fmt: skip

VIEW_BY_ID: dict[str, View] = {v.id: v for v in VIEWS}

FULL_VIEWS = ("front", "back", "side")


_GEOMETRY_CACHE: dict[str, FrameGeometry] = {}


def frame_geometry(frame: str) -> FrameGeometry:
    """Outlines and regions of a frame (cached)."""
    if frame not in _GEOMETRY_CACHE:
        if frame == "side":
            _GEOMETRY_CACHE[frame] = side_geometry()
        elif frame in FOOT_FRAMES:
            _GEOMETRY_CACHE[frame] = foot_geometry(frame)
        else:
            _GEOMETRY_CACHE[frame] = front_back_geometry(frame)
    return _GEOMETRY_CACHE[frame]


def view_regions(view: View) -> dict[str, list[Polygon]]:
    """The regions of a view in its SVG user units (crops clipped to the view)."""
    geo = frame_geometry(view.frame)
    box = [(view.x0, view.y0), (view.x1, view.y0), (view.x1, view.y1), (view.x0, view.y1)]
    out: dict[str, list[Polygon]] = {}
    for rid, pieces in geo.regions.items():
        if view.side and rid.endswith(("-left", "-right")) and not rid.endswith(view.side):
            continue
        kept: list[Polygon] = []
        for piece in pieces:
            clipped = clip_convex(piece, box) if view.kind == "detail" else piece
            if len(clipped) >= 3 and area(clipped) * view.scale**2 > 0.5:
                kept.append([view.to_view(p) for p in clipped])
        if kept:
            out[rid] = kept
    return out


def region_at(view: View, p: Point) -> str | None:
    """The region id under a point in SVG user units (None outside the figure)."""
    for rid, pieces in view_regions(view).items():
        if point_in_shape(p, pieces):
            return rid
    return None


def polyline_length(points: Iterable[Point]) -> float:
    pts = list(points)
    return sum(math.dist(a, b) for a, b in itertools.pairwise(pts))


TransformFn = Callable[[Point], Point]


# ---------------------------------------------------------------- landmarks

ICS_NAMES = {f"ics{n}": n for n in ICS_MID}
HEAD_RADIUS = 3.6  # lateral distances on the head wrap around this radius


def ics_y(n: int, lateral: float) -> float:
    """Level of the n-th intercostal space at a distance from the anterior midline."""
    return ICS_MID[n] + ICS_SLOPE * lateral


def head_wrap(arc: float) -> float:
    """Surface distance from the median line on the head -> projected distance."""
    return HEAD_RADIUS * math.sin(min(arc / HEAD_RADIUS, math.pi / 2))


def head_unwrap(lx: float) -> float:
    return HEAD_RADIUS * math.asin(max(-1.0, min(1.0, lx / HEAD_RADIUS)))


VAULT_TOP = 0.3  # projected level of the vertex point (just inside the outline)
_OCCIPUT = 3.5  # B-cun of near-vertical occiput above the posterior hairline


def vault_y(frame: str, arc: float) -> float | None:
    """Projected level of a point ``arc`` B-cun behind the anterior hairline (0-12)."""
    ah, ph = LEVEL["anterior_hairline"], POSTERIOR_HAIRLINE
    if frame == "front":
        if arc < -1e-9 or arc > 5.0 + 1e-9:
            return None
        return VAULT_TOP + (ah - VAULT_TOP) * (1 - math.sin(math.pi / 2 * min(arc, 5.0) / 5.0))
    if arc < 5.0 - 1e-9 or arc > 12.0 + 1e-9:
        return None
    u = 12.0 - arc  # above the posterior hairline
    if u <= _OCCIPUT:
        return ph - u
    top = ph - _OCCIPUT
    return VAULT_TOP + (top - VAULT_TOP) * (
        1 - math.sin(math.pi / 2 * (u - _OCCIPUT) / (7.0 - _OCCIPUT))
    )


def vault_arc(frame: str, y: float) -> float:
    """Inverse of :func:`vault_y` on the given frame."""
    ah, ph = LEVEL["anterior_hairline"], POSTERIOR_HAIRLINE
    if frame == "front":
        y = max(VAULT_TOP, min(ah, y))
        return 5.0 * math.asin(1 - (y - VAULT_TOP) / (ah - VAULT_TOP)) / (math.pi / 2)
    y = max(0.0, min(ph, y))
    top = ph - _OCCIPUT
    if y >= top:
        return 12.0 - (ph - y)
    y = max(VAULT_TOP, y)
    u = _OCCIPUT + (7.0 - _OCCIPUT) * math.asin(1 - (y - VAULT_TOP) / (top - VAULT_TOP)) / (
        math.pi / 2
    )
    return 12.0 - u


POSTERIOR_HAIRLINE = 8.9


def _spine_marks() -> dict[str, Point]:
    marks: dict[str, Point] = {}
    names = list(SPINE)
    for i, name in enumerate(names):
        marks[name] = (0.0, SPINE[name])
        nxt = SPINE[names[i + 1]] if i + 1 < len(names) else SPINE[name] + 1.0
        marks[f"{name}-below"] = (0.0, (SPINE[name] + nxt) / 2)
    return marks


LANDMARKS: dict[str, dict[str, Point]] = {
    "front": {
        # head and face
        "vertex": (0.0, 0.0),
        "anterior_hairline": (0.0, 1.95),
        "hairline_corner": (3.25, 2.95),
        "glabella": (0.0, 4.95),
        "eyebrow_medial": (0.5, 4.65),
        "eyebrow_middle": (1.35, 4.45),
        "eyebrow_lateral": (2.5, 4.65),
        "pupil": (1.35, 5.33),
        "inner_canthus": (0.55, 5.38),
        "outer_canthus": (2.15, 5.33),
        "infraorbital_margin": (1.35, 5.85),
        "nose_root": (0.0, 5.4),
        "nose_tip": (0.0, 7.1),
        "ala_outer": (0.7, 7.15),
        "ala_lower": (0.6, 7.45),
        "philtrum_mid": (0.0, 7.95),
        "mouth_corner": (0.95, 8.45),
        "mentolabial_groove": (0.0, 9.25),
        "chin": (0.0, 10.1),
        "mandible_angle": (2.75, 8.95),
        "zygoma": (2.7, 6.5),
        "tragus": (3.55, 6.2),
        # neck and chest
        "thyroid_cartilage": (0.0, 11.9),
        "cricoid_cartilage": (0.0, 12.7),
        "suprasternal_notch": (0.0, 15.0),
        "clavicle_sternal_end": (0.9, 14.85),
        "clavicle_mid": (4.0, 14.95),
        "below_clavicle": (0.0, 15.55),
        "coracoid": (6.05, 15.85),
        "nipple": (4.0, 22.6),
        "xiphisternal_junction": (0.0, 24.0),
        "umbilicus": (0.0, 32.0),
        "pubic_symphysis": (0.0, 37.0),
        "asis": (5.25, 35.0),
        "ics1": (0.0, ICS_MID[1]),
        "ics2": (0.0, ICS_MID[2]),
        "ics3": (0.0, ICS_MID[3]),
        "ics4": (0.0, ICS_MID[4]),
        "ics5": (0.0, ICS_MID[5]),
        "ics6": (0.0, ICS_MID[6]),
        "ics7": (0.0, ICS_MID[7]),
        # arm (anterior surface, palm forward)
        "anterior_axillary_fold": (6.55, 19.5),
        "axilla_apex": (6.75, 20.0),
        "acromion_front": (8.1, 15.6),
        "biceps_lateral": (8.75, 19.5),
        "biceps_medial": (7.65, 19.5),
        "cubital_lateral": (9.35, 28.5),
        "cubital_biceps_radial": (8.85, 28.5),
        "cubital_biceps_ulnar": (8.2, 28.5),
        "cubital_medial": (7.4, 28.5),
        "medial_epicondyle": (7.35, 28.6),
        "wrist_radial": (9.95, 40.5),
        "wrist_mid": (9.2, 40.5),
        "wrist_ulnar": (8.35, 40.5),
        "thenar_mid": (10.75, 42.3),
        "palm_centre": (9.75, 43.0),
        "palm_ulnar": (8.3, 43.0),
        "thumb_nail_radial": (11.45, 44.85),
        "index_tip": (10.42, 47.4),
        "middle_tip": (9.52, 48.2),
        "ring_tip": (8.6, 47.75),
        "little_tip": (7.77, 46.65),
        "little_nail_radial": (7.8, 46.25),
        "middle_pip_palmar": (9.52, 46.3),
        # leg
        "inguinal_mid": (3.3, 37.6),
        "patella_base": (2.7, 55.0),
        "patella_base_lateral": (3.35, 55.1),
        "patella_base_medial": (2.05, 55.1),
        "patella_apex": (2.75, 57.0),
        "knee_eye_lateral": (3.35, 57.0),
        "knee_eye_medial": (2.1, 57.0),
        "tibial_condyle_medial": (1.05, 59.0),
        "tibial_crest_top": (2.55, 58.6),
        "medial_malleolus": (1.25, 72.0),
        "lateral_malleolus": (3.45, 73.0),
        "ankle_front": (2.4, 73.0),
        "popliteal_crease": (2.7, 57.0),
        "big_toe_tip": (1.2, 75.0),
        "second_toe_tip": (1.85, 75.0),
        "foot_web_2_3": (2.05, 74.5),
        "foot_dorsum_mid": (2.3, 73.8),
        "scm_front_thyroid": (0.95, 11.9),
        "scm_front_cricoid": (0.85, 12.7),
        "scm_mid_thyroid": (1.4, 11.9),
        "scm_back_cricoid": (1.75, 12.7),
        "hyoid": (0.0, 11.0),
        "nasolabial_ala": (0.95, 7.15),
        "nasolabial_top": (0.62, 6.65),
        "nostril": (0.35, 7.35),
        "mouth_centre": (0.0, 8.47),
        "upper_lip_tubercle": (0.0, 8.3),
        "infraorbital_medial": (0.6, 5.8),
        "infraorbital_lateral": (2.1, 5.75),
        "ear_apex": (3.95, 4.6),
        "big_toe_nail_medial": (1.0, 74.8),
        "big_toe_nail_lateral": (1.45, 74.8),
        "mtp1_medial": (0.85, 74.3),
        "metatarsal1_base_medial": (0.9, 73.6),
        "navicular_tuberosity": (1.05, 73.1),
        "foot_dorsum_2": (1.9, 73.3),
        "foot_dorsum_2_3": (2.05, 74.0),
        "foot_web_1_2": (1.55, 74.5),
    },
    "back": {
        "vertex": (0.0, 0.0),
        "posterior_hairline": (0.0, POSTERIOR_HAIRLINE),
        "external_occipital_protuberance": (0.0, 6.4),
        "mastoid": (3.35, 7.4),
        "mastoid_tip": (3.1, 8.1),
        "acromion": (7.8, 15.3),
        "acromion_back": (7.9, 16.8),
        "scapular_spine_medial": (3.1, 16.9),
        "scapular_spine_mid": (5.0, 15.95),
        "suprascapular_fossa_mid": (5.0, 15.1),
        "infraspinous_fossa": (4.9, 18.1),
        "inferior_angle": (3.4, 22.0),
        "posterior_axillary_fold": (6.6, 19.5),
        "trapezius_top": (4.6, 13.5),
        "iliac_crest_top": (4.3, 32.9),
        "psis": (1.45, 35.6),
        "sacral_hiatus": (0.0, 38.7),
        "coccyx_tip": (0.0, 39.6),
        "anus_coccyx_mid": (0.0, 40.05),
        "greater_trochanter": (6.9, 38.0),
        "gluteal_fold": (3.2, 43.3),
        "popliteal_crease": (2.6, 57.1),
        "popliteal_lateral": (4.1, 56.9),
        "popliteal_medial": (1.15, 57.0),
        "calf_bellies_junction": (2.45, 65.0),
        "achilles_lateral": (3.1, 72.9),
        "achilles_medial": (1.75, 72.2),
        "heel": (2.4, 74.6),
        "medial_malleolus": (1.15, 72.0),
        "lateral_malleolus": (3.45, 73.0),
        # arm (posterior surface)
        "olecranon": (8.3, 28.4),
        "lateral_epicondyle": (9.25, 28.4),
        "medial_epicondyle": (7.35, 28.5),
        "cubital_lateral": (9.2, 28.5),
        "wrist_dorsal_radial": (10.05, 40.5),
        "wrist_dorsal_mid": (9.2, 40.5),
        "wrist_dorsal_ulnar": (8.35, 40.6),
        "ulnar_styloid": (8.2, 40.1),
        "radial_styloid": (10.15, 40.3),
        "hamate_ulnar": (8.05, 41.1),
        "mcp5_ulnar": (7.45, 44.0),
        "mcp2_radial": (10.82, 44.3),
        "metacarpal2_mid": (10.55, 42.6),
        "metacarpal_2_3": (10.0, 43.2),
        "metacarpal_4_5": (8.35, 43.5),
        "web_4_5": (8.13, 44.8),
        "web_2_3": (9.97, 44.7),
        "index_nail_radial": (10.6, 46.95),
        "ring_nail_ulnar": (8.25, 47.35),
        "little_nail_ulnar": (7.5, 46.3),
        "thumb_ip_dorsal": (11.45, 44.1),
        "middle_pip_dorsal": (9.52, 46.2),
        "eop_upper": (0.0, 6.15),
        "scapular_spine_lower": (0.0, 16.45),
        "scapula_superior_angle": (4.2, 15.6),
        "sf1_level": (0.0, 35.85),
        "sf2_level": (0.0, 36.85),
        "sf3_level": (0.0, 37.8),
        "sf4_level": (0.0, 38.55),
        "sacral_foramen1": (0.85, 35.85),
        "sacral_foramen2": (0.8, 36.85),
        "sacral_foramen3": (0.72, 37.8),
        "sacral_foramen4": (0.62, 38.55),
        "perineum": (0.0, 40.45),
        "tibial_condyle_medial": (1.05, 59.0),
        "index_base_radial": (10.85, 44.55),
        "mcp2_radial_proximal": (10.85, 44.0),
        "little_base_ulnar": (7.42, 44.6),
        "mcp_2_3": (10.0, 44.2),
        "little_pip_dorsal": (7.77, 45.75),
        **_spine_marks(),
    },
    "side": {
        "vertex": (0.2, 0.0),
        "anterior_hairline": (3.6, 1.95),
        "hairline_corner": (2.6, 2.6),
        "temporal_hairline": (1.3, 4.0),
        "temple_hairline_back": (0.95, 4.45),
        "auricle_apex": (-0.35, 4.4),
        "auricle_root_back": (-1.1, 5.0),
        "tragus": (0.7, 6.2),
        "tragus_top": (0.65, 5.55),
        "intertragic_notch": (0.55, 6.8),
        "ear_lobe": (-0.55, 7.9),
        "mastoid": (-1.55, 7.6),
        "mandible_angle": (-1.3, 8.6),
        "mandible_condyle": (1.15, 6.3),
        "zygomatic_arch_mid": (1.7, 5.95),
        "mandibular_notch": (1.7, 6.6),
        "masseter": (1.55, 8.35),
        "outer_canthus": (3.2, 5.3),
        "eyebrow_lateral": (3.05, 4.6),
        "glabella": (4.2, 4.95),
        "nose_tip": (4.95, 7.1),
        "mouth": (4.3, 8.45),
        "occipital_protuberance": (-4.3, 6.3),
        "posterior_hairline": (-2.6, 8.9),
        "thyroid_cartilage": (2.0, 11.9),
        "cricoid_cartilage": (2.15, 12.7),
        "scm_front": (1.3, 11.9),
        "scm_back": (0.2, 11.9),
        "scm_mid": (0.75, 11.9),
        "suprasternal_notch": (2.6, 15.0),
        "acromion": (-0.6, 15.0),
        "axilla_apex": (-0.3, 17.6),
        "midaxillary_line": (-0.1, 20.0),
        "ics4_axillary": (-0.1, 22.4 + 0.12 * 6.5),
        "ics6_axillary": (-0.1, 25.5 + 0.12 * 6.5),
        "rib11_tip": (0.9, 29.8),
        "rib12_tip": (-1.6, 30.6),
        "umbilicus_level": (0.9, 32.0),
        "asis": (2.55, 35.0),
        "greater_trochanter": (-0.4, 38.0),
        "thigh_lateral_mid": (0.1, 47.0),
        "popliteal_lateral": (-1.2, 57.0),
        "knee_lateral": (0.2, 56.0),
        "fibula_head": (-0.55, 58.6),
        "lateral_malleolus": (-0.4, 73.0),
        "achilles": (-1.6, 72.6),
        "calcaneus": (-1.0, 74.4),
        "cuboid": (1.3, 74.3),
        "metatarsal5_tuberosity": (2.6, 74.5),
        "mtp5": (5.6, 74.55),
        "little_toe_nail": (7.0, 74.7),
        "sole_front": (4.4, 74.92),
        "foot_dorsum_4_5": (2.6, 73.95),
        "web_4_5": (5.45, 74.35),
        "toe4_nail": (7.1, 74.72),
        "ear_apex": (-0.3, 4.7),
        "hyoid": (1.7, 11.0),
        "mentolabial_groove": (3.85, 9.25),
        "philtrum_mid": (4.15, 7.9),
    },
}


def snap_to_border(frame: str, x: float, y: float, border: str) -> float:
    """Move onto a limb's border at level y, just inside the outline.

    Front and back: ``x`` is the distance from the median line on the right
    side; side: ``x`` is z. Returns the new x in the same convention.
    """
    geo = frame_geometry(frame)
    polys = [geo.outlines["body"]] + ([geo.outlines["head"]] if "head" in geo.outlines else [])
    xs: list[float] = []
    for poly in polys:
        n = len(poly)
        for i in range(n):
            (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % n]
            if (y1 > y) != (y2 > y):
                xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    signed = sorted(xs)
    pairs = list(zip(signed[0::2], signed[1::2], strict=False))
    if frame == "side":
        intervals = pairs
    else:
        right = -1.0 if frame == "front" else 1.0
        intervals = []
        for a, b in pairs:
            lo, hi = sorted((right * a, right * b))
            if hi >= 0:
                intervals.append((max(lo, 0.0), hi))
    probe = x
    # the interval [a, b] of the outline holding the probe (or the nearest)
    best: tuple[float, float] | None = None
    for a, b in intervals:
        if a <= probe <= b:
            best = (a, b)
            break
        if best is None or min(abs(probe - a), abs(probe - b)) < min(
            abs(probe - best[0]), abs(probe - best[1])
        ):
            best = (a, b)
    if best is None:
        return x
    inset = 0.25
    a, b = best
    if frame == "side":
        return b - inset if border == "anterior" else a + inset
    return a + inset if border == "medial" else b - inset


#: Standard proportional spans (name, frame, top y, bottom y, B-cun, x range).
SCALES: tuple[tuple[str, str, float, float, float, float, float], ...] = (
    ("glabella to anterior hairline", "front", 1.95, 4.95, 3.0, 0.0, 4.5),
    ("suprasternal notch to xiphisternal junction", "front", 15.0, 24.0, 9.0, 0.0, 6.5),
    ("xiphisternal junction to umbilicus", "front", 24.0, 32.0, 8.0, 0.0, 6.5),
    ("umbilicus to pubic symphysis", "front", 32.0, 37.0, 5.0, 0.0, 6.5),
    ("axillary fold to cubital crease", "front", 19.5, 28.5, 9.0, 6.5, 12.0),
    ("cubital crease to wrist crease", "front", 28.5, 40.5, 12.0, 6.5, 12.0),
    ("pubic symphysis to base of patella", "front", 37.0, 55.0, 18.0, 0.0, 7.5),
    ("apex of patella to medial malleolus", "front", 57.0, 72.0, 15.0, 0.0, 1.9),
    ("popliteal crease to lateral malleolus", "front", 57.0, 73.0, 16.0, 1.9, 6.0),
    ("axillary fold to cubital crease", "back", 19.5, 28.5, 9.0, 6.5, 12.0),
    ("cubital crease to wrist crease", "back", 28.5, 40.5, 12.0, 6.5, 12.0),
    ("gluteal fold to popliteal crease", "back", 43.0, 57.0, 14.0, 0.0, 7.5),
    ("popliteal crease to lateral malleolus", "back", 57.0, 73.0, 16.0, 0.0, 6.0),
    ("greater trochanter to popliteal crease", "side", 38.0, 57.0, 19.0, -5.0, 5.0),
    ("popliteal crease to lateral malleolus", "side", 57.0, 73.0, 16.0, -5.0, 5.0),
)


def scale_for(
    frame: str, x: float, y: float, delta: float
) -> tuple[str, float, float, float] | None:
    """The standard span a vertical distance is measured on, if one holds it."""
    lo, hi = sorted((y, y + delta))
    for name, f, top, bottom, cun, xa, xb in SCALES:
        if f == frame and xa <= x <= xb and top - 0.05 <= lo and hi <= bottom + 0.05:
            return name, top, bottom, cun
    return None


# ---------------------------------------------------------------- foot frames
#
# Three more frames show the right foot alone, at a larger scale, where the
# full-body views see it edge-on: ``foot_medial`` (seen from the inner side,
# toes to the left; x = -z, y as on the side frame), ``foot_dorsal`` (seen from
# above, toes up; x = distance lateral of the foot's axis, y = -z) and ``sole``
# (seen from below, toes up; x = distance medial of the axis, y = -z). Here z
# runs forward from the malleoli, in B-cun.

_FOOT_MEDIAL: list[Point] = [
    (-1.6, 66.3), (-1.45, 69.5), (-1.35, 71.3), (-2.3, 72.4), (-4.0, 73.2), (-5.8, 73.65),
    (-7.3, 73.95), (-8.0, 74.35), (-7.95, 74.85), (-7.0, 75.02), (-5.5, 75.05),
    (-4.5, 74.95), (-2.5, 74.55), (-0.9, 74.75), (0.5, 75.05), (1.6, 75.0), (2.35, 74.4),
    (2.15, 72.8), (1.6, 70.0), (1.8, 66.3),
]  # fmt: skip

_FOOT_TOP: list[Point] = [
    (0.0, 2.45), (1.05, 2.2), (1.45, 1.2), (1.6, 0.1), (1.7, -1.5), (1.95, -3.5),
    (2.1, -5.0), (2.05, -5.7), (2.0, -6.4), (1.75, -6.75), (1.45, -6.5), (1.35, -6.4),
    (1.32, -6.9), (1.05, -7.25), (0.75, -7.0), (0.7, -6.45), (0.6, -7.45), (0.3, -7.7),
    (0.0, -7.45), (-0.05, -6.45), (-0.15, -7.8), (-0.5, -8.05), (-0.85, -7.75),
    (-0.95, -6.5), (-1.0, -7.6), (-1.5, -8.05), (-2.0, -7.7), (-2.15, -6.8), (-2.15, -5.5),
    (-1.75, -3.0), (-1.45, -1.0), (-1.55, 0.0), (-1.4, 1.2), (-1.0, 2.2),
]  # fmt: skip

FOOT_FRAMES = ("foot_medial", "foot_dorsal", "sole")


def foot_outline(frame: str) -> Polygon:
    if frame == "foot_medial":
        pts = catmull_rom(_FOOT_MEDIAL, steps=6)
        # a straight cut across the leg at the top of the view
        return [p for p in pts if p[1] >= 66.3] or pts
    pts = catmull_rom(_FOOT_TOP, closed=True, steps=5)
    if frame == "sole":
        return [(-x, y) for x, y in pts]
    return pts


def foot_geometry(frame: str) -> FrameGeometry:
    geo = FrameGeometry(frame)
    outline = foot_outline(frame)
    geo.outlines["body"] = outline
    c: dict[str, Cell] = {}
    if frame == "foot_medial":

        def edge(x: float) -> float:  # the ankle/foot boundary, lower behind
            return 72.5 + 0.5 * (x + 6.0) / 9.0

        w = 12.0
        c["leg"] = [quad(-w, 60.0, w, 60.0, w, 71.2, -w, 71.2)]
        c["ankle"] = [quad(-w, 71.2, w, 71.2, w, edge(w), -w, edge(-w))]
        c["foot"] = [quad(-6.1, edge(-6.1), w, edge(w), w, 74.8, -6.1, 74.8)]
        c["toes"] = [quad(-w, edge(-w), -6.1, edge(-6.1), -6.1, 80.0, -w, 80.0)]
        c["sole"] = [quad(-6.1, 74.8, w, 74.8, w, 80.0, -6.1, 80.0)]
    elif frame == "sole":
        c["sole"] = [quad(-BIG, -6.3, BIG, -6.3, BIG, BIG, -BIG, BIG)]
        c["toes"] = [quad(-BIG, -BIG, BIG, -BIG, BIG, -6.3, -BIG, -6.3)]
    else:
        c["ankle"] = [quad(-BIG, -0.9, BIG, -0.9, BIG, BIG, -BIG, BIG)]
        c["foot"] = [quad(-BIG, -6.3, BIG, -6.3, BIG, -0.9, -BIG, -0.9)]
        c["toes"] = [quad(-BIG, -BIG, BIG, -BIG, BIG, -6.3, -BIG, -6.3)]
    for name, cell in c.items():
        geo.regions[f"{name}-right"] = _clip_pieces(outline, cell)
    return geo


LANDMARKS["foot_medial"] = {
    "medial_malleolus": (-0.2, 72.0),
    "tibialis_anterior_medial": (-1.0, 72.2),
    "malleolus_achilles": (1.1, 72.1),
    "below_medial_malleolus": (-0.2, 73.0),
    "navicular_tuberosity": (-2.2, 73.5),
    "below_navicular": (-2.2, 73.95),
    "metatarsal1_base": (-3.6, 74.2),
    "mtp1_proximal": (-5.3, 74.45),
    "mtp1_distal": (-6.4, 74.45),
    "big_toe_nail_medial": (-7.45, 74.25),
    "navicular_malleolus_mid": (-0.9, 72.7),
    "heel_front": (1.35, 73.2),
    "calcaneus_medial": (1.1, 73.3),
    "leg_3_above": (0.3, 69.0),
}
LANDMARKS["foot_dorsal"] = {
    "ankle_front": (0.0, -0.2),
    "lateral_malleolus_front": (1.25, -0.5),
    "tibialis_anterior_medial": (-0.8, -0.4),
    "metatarsal2_base": (-0.3, -2.3),
    "metatarsal_1_2_base": (-0.85, -3.6),
    "metatarsal_4_5_base": (1.15, -3.6),
    "metatarsal_2_3_head": (-0.35, -5.2),
    "metatarsal_4_5_head": (1.1, -5.1),
    "web_1_2": (-0.95, -6.15),
    "web_2_3": (-0.05, -6.15),
    "web_4_5": (1.35, -6.1),
    "big_toe_nail_lateral": (-1.15, -7.5),
    "big_toe_nail_medial": (-1.9, -7.45),
    "big_toe_tip": (-1.5, -7.85),
    "second_toe_nail_lateral": (-0.3, -7.55),
    "fourth_toe_nail_lateral": (1.2, -6.95),
}
LANDMARKS["sole"] = {
    "sole_front_third": (0.0, -4.0),
    "second_toe_dip": (0.45, -7.2),
}
