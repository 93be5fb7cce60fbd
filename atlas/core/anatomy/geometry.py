"""Plane geometry for the figures: curves, clipping, areas, point in polygon."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
Polygon = list[Point]


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
    if signed_area(convex) < 0:
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


def signed_area(poly: Sequence[Point]) -> float:
    s = 0.0
    for i in range(len(poly)):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % len(poly)]
        s += x1 * y2 - x2 * y1
    return s / 2


def area(poly: Sequence[Point]) -> float:
    """Unsigned area."""
    return abs(signed_area(poly))


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


def at_level(line: tuple[Point, Point], y: float) -> Point:
    """The point of the straight line through two points at level y."""
    (x0, y0), (x1, y1) = line
    return (x0 + (x1 - x0) * (y - y0) / (y1 - y0), y)


def quad(
    x0: float, y0: float, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float
) -> Polygon:
    return [(x0, y0), (x1, y1), (x2, y2), (x3, y3)]


# ---------------------------------------------------------------- levels


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


def halfplane_pieces(lines: Sequence[tuple[Point, Point]]) -> list[Polygon]:
    """Disjoint convex pieces covering the complement of a convex polygon.

    ``lines`` are the polygon's edges (counter-clockwise in screen space is
    not required; each edge's outside is the side away from the centroid).
    """
    big = [(-200.0, -200.0), (200.0, -200.0), (200.0, 200.0), (-200.0, 200.0)]
    pieces: list[Polygon] = []
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


def polyline_length(points: Iterable[Point]) -> float:
    pts = list(points)
    return sum(math.dist(a, b) for a, b in itertools.pairwise(pts))
