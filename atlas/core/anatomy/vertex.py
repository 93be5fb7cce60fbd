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
from atlas.core.anatomy.geometry import Point, Polygon, catmull_rom, clip_convex


def _ear(sign: int) -> Polygon:
    """The rim of an auricle seen from above, standing off the side of the head and
    leaning back from its root in front of the ear canal.

    Its inner edge follows the vault's outline, so ear and head share a border.
    """
    a, _, c = scalp.AXES
    cz = scalp.CENTRE[2]
    outer = catmull_rom(
        [(a - 0.02, -0.42), (a + 0.32, -0.22), (a + 0.62, 0.3), (a + 0.74, 0.78),
         (a + 0.55, 1.12), (a - 0.05, 1.2)],
        steps=6,
    )  # fmt: skip

    def rim(v: float) -> Point:
        return (a * math.sqrt(max(0.0, 1.0 - ((v + cz) / c) ** 2)), v)

    inner = [rim(1.2 - 1.62 * i / 10) for i in range(1, 10)]
    return [(sign * x, v) for x, v in [*outer, *inner]]


def _front_rim(x: float) -> float:
    """v of the vault's front edge at x (the forehead seen from above)."""
    a, _, c = scalp.AXES
    return -(scalp.CENTRE[2] + c * math.sqrt(max(0.0, 1.0 - (x / a) ** 2)))


def _nose() -> Polygon:
    """The nose seen past the forehead: the wings of the nostrils and the tip.

    Its base follows the vault's front edge, so nose and head share a border.
    """
    front = scalp.CENTRE[2] + scalp.AXES[2]
    base = 0.55
    half = [(0.66, 0.1), (0.6, 0.3), (0.38, 0.52), (0.15, 0.7)]
    right = [(x, -front - d) for x, d in half]
    outline = [
        (base, _front_rim(base)), *right, (0.0, -front - 0.74),
        *((-x, v) for x, v in reversed(right)), (-base, _front_rim(-base)),
    ]  # fmt: skip
    edge = [(x, _front_rim(x)) for x in (-base + 2 * base * i / 8 for i in range(1, 8))]
    return [*catmull_rom(outline, steps=5), *edge]


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
