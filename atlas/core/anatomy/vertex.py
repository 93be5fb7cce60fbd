"""The vertex frame: the head seen from above, the face at the top of the picture.

Positions are ``(l, v)``: ``l`` the distance from the median line (the figure's
right side on the viewer's right), ``v`` the distance backward (``-z``). Only
the vault is drawn here, so every position comes from the scalp model
(:mod:`.scalp`); the frame has no landmarks of its own.
"""

from __future__ import annotations

import math

from atlas.core.anatomy import scalp
from atlas.core.anatomy.cells import FrameGeometry
from atlas.core.anatomy.geometry import Point, Polygon, clip_convex


def _ear(sign: int) -> Polygon:
    """The top of an auricle, seen from above, standing off the side of the head.

    Its inner edge follows the vault's outline, so ear and head share a border.
    """
    a, _, c = scalp.AXES
    cz = scalp.CENTRE[2]
    outer = [(a + 0.35, -0.55), (a + 0.55, 0.1), (a + 0.45, 0.8)]

    def rim(v: float) -> Point:
        return (a * math.sqrt(max(0.0, 1.0 - ((v + cz) / c) ** 2)), v)

    inner = [rim(-0.75 + 1.8 * i / 8) for i in range(9)]
    return [(sign * x, v) for x, v in [inner[0], *outer, *reversed(inner[1:])]]


def _nose() -> Polygon:
    """The tip of the nose, in front of the forehead."""
    front = scalp.CENTRE[2] + scalp.AXES[2]
    return [(-0.42, -front), (-0.25, -0.6 - front), (0.25, -0.6 - front), (0.42, -front)]


def vertex_geometry() -> FrameGeometry:
    geo = FrameGeometry("vertex")
    vault = scalp.outline("vertex")
    geo.outlines["head"] = vault
    geo.outlines["nose"] = _nose()
    geo.outlines["ear-right"] = _ear(1)
    geo.outlines["ear-left"] = _ear(-1)
    front_edge = -(scalp.CENTRE[2] + scalp.AXES[2]) - 1.0
    right = scalp.hairline("vertex")
    left = [(-x, v) for x, v in right]
    forehead = [*reversed(left), *right[1:], (right[-1][0], front_edge), (left[-1][0], front_edge)]
    face = clip_convex(forehead, vault)
    back_edge = scalp.AXES[2] + 2.0
    scalp_cover = [*reversed(left), *right[1:], (right[-1][0], back_edge), (left[-1][0], back_edge)]
    head = clip_convex(scalp_cover, vault)
    geo.regions["face"] = [geo.outlines["nose"], *([face] if len(face) >= 3 else [])]
    geo.regions["head"] = [head]
    geo.regions["ear-right"] = [geo.outlines["ear-right"]]
    geo.regions["ear-left"] = [geo.outlines["ear-left"]]
    return geo


LANDMARKS: dict[str, Point] = {}
