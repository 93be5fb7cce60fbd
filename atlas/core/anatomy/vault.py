"""The vault of the head: lateral distances wrap around it, and distances over
the top are measured along its arc."""

from __future__ import annotations

import math

from atlas.core.anatomy.levels import LEVEL, POSTERIOR_HAIRLINE

HEAD_RADIUS = 3.6  # lateral distances on the head wrap around this radius


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
