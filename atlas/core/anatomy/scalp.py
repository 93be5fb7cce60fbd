"""The vault of the head as a surface, so that a point on the scalp or the
forehead lands on every view that sees it, in the same place.

A *scalp position* is ``(t, s)`` in B-cun:

* ``t``: the distance from the median line (>= 0; the left side mirrors the
  right), measured across the head;
* ``s``: the distance back from the anterior hairline along the median line
  (negative on the forehead: the glabella is at -3; GV20 at 5; the depression
  above the external occipital protuberance at 9.5).

The vault is an ellipsoid fitted to the drawn head, in the frames' axes (``x``
lateral, ``y`` down from the vertex, ``z`` forward). A scalp position becomes a
point on it through two angles: ``theta`` over the top in the median plane
(0 straight up, positive toward the face) and ``phi`` round the side (0 on the
median line). Each runs piecewise linearly between anchors taken from the WHO
proportions and the drawn face:

* ``s``: glabella -3, anterior hairline 0, GV20 5 (in the plane of the ears'
  apexes: its finding line), posterior hairline 12 (the WHO span between the
  hairlines). The drawn head, like many real ones, has more vault behind the
  ears' plane than 7/5 of what lies in front of it, so a B-cun cannot be one
  length all the way: it is one length on the front of the vault, another on
  the back, and grows evenly between them over the crown (4 to 10 B-cun), with no
  step at GV20, so that the points 1 B-cun in front of and behind GV20 (EX-HN1)
  lie nearly as far from it;
* ``t``: 2.25 over the pupil (GB14 to GB18 lie on it: the midpoint between GV24
  and ST8), 4.5 at the corner of the forehead (ST8) and at the mastoid process
  (the two mastoids are 9 B-cun apart).

Every full-body view is a parallel projection of the same ellipsoid, so a
point's place agrees between the front, back, side and top views. The sides
of the head, round the ear, are not scalp positions (every line across the
head meets every other there): points there are located on the side frame
and *lifted* onto the ellipsoid (:func:`lift`) to reach the other views.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from atlas.core.anatomy.geometry import Point, Polygon
from atlas.core.anatomy.levels import POSTERIOR_HAIRLINE

Vec = tuple[float, float, float]

#: centre and semi-axes of the vault (x lateral, y down, z forward), frame B-cun
CENTRE: Vec = (0.0, 5.0, -0.12)
AXES: Vec = (3.66, 5.0, 4.33)

#: the four views a scalp position can be seen on, and the direction each looks from
VIEW_DIRECTIONS: dict[str, Vec] = {
    "front": (0.0, 0.0, 1.0),
    "back": (0.0, 0.0, -1.0),
    "side": (1.0, 0.0, 0.0),
    "vertex": (0.0, -1.0, 0.0),
}

#: a point is drawn on a view while its surface faces the viewer at least this much
#: (a little below zero: a point on the rim, GV20 on the front view, is still shown)
FACING = -0.1

#: how far inside the drawn rim a point on the rim is kept (B-cun)
RIM_INSET = 0.25


def _midline(theta: float) -> tuple[float, float]:
    """(y, z) of the median line at angle theta (radians)."""
    _, b, c = AXES
    return CENTRE[1] - b * math.cos(theta), CENTRE[2] + c * math.sin(theta)


def _theta_at_y(y: float, front: bool) -> float:
    cos = max(-1.0, min(1.0, (CENTRE[1] - y) / AXES[1]))
    angle = math.acos(cos)
    return angle if front else -angle


def _theta_at_z(z: float) -> float:
    return math.asin(max(-1.0, min(1.0, (z - CENTRE[2]) / AXES[2])))


def _arc(theta0: float, theta1: float, steps: int = 64) -> float:
    """Length of the median line between two angles (signed: positive toward the face)."""
    _, b, c = AXES
    total = 0.0
    for i in range(steps):
        t = theta0 + (theta1 - theta0) * (i + 0.5) / steps
        total += math.hypot(b * math.sin(t), c * math.cos(t))
    return total * (theta1 - theta0) / steps


#: (s, theta) anchors, from the face over the top to the back
_S_ANCHORS: tuple[tuple[float, float], ...] = (
    (-3.0, _theta_at_y(4.95, front=True)),  # glabella
    (0.0, _theta_at_y(1.95, front=True)),  # anterior hairline
    (12.0, _theta_at_y(POSTERIOR_HAIRLINE, front=False)),  # posterior hairline
)
_HAIRLINE = _S_ANCHORS[1][1]
_GV20 = _theta_at_z(-0.35)  # in the vertical plane of the ears' apexes

# The length of a B-cun along the median line: U1 up to RAMP[0], U2 from RAMP[1],
# growing evenly between; U1 and U2 are such that GV20 falls at 5 and the
# posterior hairline at 12.
RAMP = (4.0, 10.0)
_FRONT = -_arc(_HAIRLINE, _GV20)
_WHOLE = -_arc(_HAIRLINE, _S_ANCHORS[2][1])


def _length_with(s: float, u1: float, u2: float) -> float:
    """The length of the median line from the anterior hairline to s >= 0."""
    lo, hi = RAMP
    if s <= lo:
        return u1 * s
    ramp = min(s, hi) - lo
    length = u1 * lo + u1 * ramp + (u2 - u1) * ramp * ramp / (2 * (hi - lo))
    return length + u2 * max(0.0, s - hi)


def _units() -> tuple[float, float]:
    # the length is linear in (u1, u2): solve the two conditions
    a1, a2 = _length_with(5.0, 1.0, 0.0), _length_with(5.0, 0.0, 1.0)
    b1, b2 = _length_with(12.0, 1.0, 0.0), _length_with(12.0, 0.0, 1.0)
    det = a1 * b2 - a2 * b1
    return (_FRONT * b2 - a2 * _WHOLE) / det, (a1 * _WHOLE - b1 * _FRONT) / det


U1, U2 = _units()


def _length(s: float) -> float:
    return _length_with(s, U1, U2)


def _s_at_length(length: float) -> float:
    lo, hi = RAMP
    if length <= U1 * lo:
        return length / U1
    if length >= _length(hi):
        return hi + (length - _length(hi)) / U2
    # within the ramp: k r^2 + U1 r = length - U1 lo, r = s - lo
    k = (U2 - U1) / (2 * (hi - lo))
    rest = length - U1 * lo
    r = rest / U1 if abs(k) < 1e-12 else (-U1 + math.sqrt(U1 * U1 + 4 * k * rest)) / (2 * k)
    return lo + r


def _segment(value: float, keys: Sequence[float]) -> int:
    """The index of the anchor segment holding value (the end segments extend outward)."""
    for i in range(len(keys) - 2):
        if value <= keys[i + 1]:
            return i
    return len(keys) - 2


def _piecewise(value: float, anchors: Sequence[tuple[float, float]]) -> float:
    """Linear between anchors (sorted by their first member), extended at both ends."""
    i = _segment(value, [a for a, _ in anchors])
    (a0, b0), (a1, b1) = anchors[i], anchors[i + 1]
    return b0 + (b1 - b0) * (value - a0) / (a1 - a0)


def theta_of(s: float) -> float:
    """Angle over the top for a distance back from the anterior hairline."""
    if s < 0.0:  # the forehead: equal B-cun are equal lengths from the glabella up
        (s0, th0), (s1, th1) = _S_ANCHORS[0], _S_ANCHORS[1]
        return _solve_arc(th0, _arc(th0, th1) * (s - s0) / (s1 - s0), th1)
    return _solve_arc(_HAIRLINE, -_length(s), _GV20)


def _solve_arc(theta0: float, target: float, hint: float) -> float:
    """The angle whose signed arc from theta0 is target (Newton's method)."""
    _, b, c = AXES
    theta = theta0 + (hint - theta0) * (target / (_arc(theta0, hint) or 1.0))
    for _ in range(30):
        step = (_arc(theta0, theta) - target) / math.hypot(b * math.sin(theta), c * math.cos(theta))
        theta -= step
        if abs(step) < 1e-10:
            break
    return theta


def s_of(theta: float) -> float:
    """Inverse of :func:`theta_of`."""
    if theta > _HAIRLINE:  # the forehead
        (s0, th0), (s1, th1) = _S_ANCHORS[0], _S_ANCHORS[1]
        return s0 + (s1 - s0) * _arc(th0, theta) / _arc(th0, th1)
    return _s_at_length(-_arc(_HAIRLINE, theta))


#: places of the drawn face on the front frame that the vault is fitted to (the
#: front frame's landmarks use these): the pupil's distance from the median line,
#: the corner of the forehead's, and the middle of the eyebrow
PUPIL_L = 1.35
CORNER_L = 3.25
EYEBROW_MIDDLE: Point = (1.35, 4.45)

_T_ANCHORS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (2.25, math.asin(PUPIL_L / AXES[0])),
    (4.5, math.asin(CORNER_L / AXES[0])),
)


def phi_of(t: float) -> float:
    """Angle round the side for a distance from the median line."""
    return _piecewise(t, _T_ANCHORS)


def t_of(phi: float) -> float:
    return _piecewise(phi, [(b, a) for a, b in _T_ANCHORS])


def surface(theta: float, phi: float) -> Vec:
    """The point of the vault at these angles (right side for phi > 0)."""
    a, b, c = AXES
    cx, cy, cz = CENTRE
    return (
        cx + a * math.sin(phi),
        cy - b * math.cos(phi) * math.cos(theta),
        cz + c * math.cos(phi) * math.sin(theta),
    )


def to_3d(t: float, s: float) -> Vec:
    """A scalp position on the right side (t >= 0) as a point of the vault."""
    return surface(theta_of(s), phi_of(t))


def normal(p: Vec) -> Vec:
    """The outward unit normal of the vault at a point on it."""
    x, y, z = (p[i] - CENTRE[i] for i in range(3))
    a, b, c = AXES
    n = (x / a**2, y / b**2, z / c**2)
    size = math.sqrt(sum(v * v for v in n))
    return (n[0] / size, n[1] / size, n[2] / size)


def lift(frame: str, u: float, y: float) -> Vec | None:
    """The point of the vault (right side) seen at a frame position, if the vault is
    there: (l, y) on the front or back frame, (z, y) on the side frame."""
    a, b, c = AXES
    cx, cy, cz = CENTRE
    across, axis = (c, 2) if frame == "side" else (a, 0)
    rest = 1.0 - ((u - CENTRE[axis]) / across) ** 2 - ((y - cy) / b) ** 2
    if rest <= 0.0:
        return None
    if frame == "side":
        return (cx + a * math.sqrt(rest), y, u)
    depth = c * math.sqrt(rest)
    return (u, y, cz + depth if frame == "front" else cz - depth)


def scalp_position(p: Vec) -> tuple[float, float]:
    """Inverse of :func:`to_3d` (right side)."""
    a, b, c = AXES
    x, y, z = (p[i] - CENTRE[i] for i in range(3))
    phi = math.asin(max(-1.0, min(1.0, x / a)))
    theta = math.atan2(z / c, -y / b)
    return t_of(phi), s_of(theta)


def facing(p: Vec, view: str) -> float:
    """How much the surface at p faces the view's viewer (-1 to 1)."""
    n = normal(p)
    d = VIEW_DIRECTIONS[view]
    return n[0] * d[0] + n[1] * d[1] + n[2] * d[2]


def project(p: Vec, frame: str) -> Point | None:
    """The frame position of a vault point (right side) where that frame sees it.

    front, back and vertex give ``(l, y)`` / ``(l, v)`` with ``l`` the distance from
    the median line (the frames mirror it to the left side); side gives ``(z, y)``.
    A point on the rim is moved inward so that it stays inside the drawn outline.
    """
    if frame not in VIEW_DIRECTIONS or facing(p, frame) < FACING:
        return None
    inset = _rim_inset(p, frame)
    x, y, z = (p[i] + inset[i] for i in range(3))
    if frame in ("front", "back"):
        return (abs(x), y)
    if frame == "vertex":
        return (abs(x), -z)
    return (z, y)


def _rim_inset(p: Vec, frame: str) -> Vec:
    """A small move toward the centre for points near the outline of a view."""
    d = VIEW_DIRECTIONS[frame]
    n = normal(p)
    # the part of the normal in the picture plane points out of the outline
    flat = tuple(n[i] - d[i] * facing(p, frame) for i in range(3))
    size = math.sqrt(sum(v * v for v in flat))
    along = facing(p, frame)
    if along > 0.35 or size < 1e-9:
        return (0.0, 0.0, 0.0)
    k = RIM_INSET * (0.35 - along) / 0.45
    return (-flat[0] / size * k, -flat[1] / size * k, -flat[2] / size * k)


def outline(frame: str, steps: int = 96) -> Polygon:
    """The vault's silhouette on a frame, closed (front and back: signed x, right at -x)."""
    a, b, c = AXES
    cx, cy, cz = CENTRE
    out: Polygon = []
    for i in range(steps):
        u = 2 * math.pi * i / steps
        if frame in ("front", "back"):
            out.append((cx + a * math.cos(u), cy + b * math.sin(u)))
        elif frame == "side":
            out.append((cz + c * math.cos(u), cy + b * math.sin(u)))
        else:  # vertex: looking down, the face at the top
            out.append((cx + a * math.cos(u), -(cz + c * math.sin(u))))
    return out


def hairline_points(steps: int = 32) -> list[Vec]:
    """The anterior hairline (s = 0) from the median line out to the side, right side."""
    side_t = t_of(math.pi / 2)
    return [to_3d(side_t * i / steps, 0.0) for i in range(steps + 1)]


def hairline(frame: str) -> Polygon:
    """The anterior hairline on a frame, from the median line out to the side.

    Front: ``(l, y)`` for the right side (mirror for the left); side: ``(z, y)``;
    vertex: ``(l, v)``.
    """
    points = hairline_points()
    if frame == "side":
        return [(p[2], p[1]) for p in points]
    if frame == "vertex":
        return [(p[0], -p[2]) for p in points]
    return [(p[0], p[1]) for p in points]


#: scalp positions of named places (t, s)
LANDMARKS: dict[str, Point] = {
    "glabella": (0.0, -3.0),
    "anterior_hairline": (0.0, 0.0),
    "vertex_gv20": (0.0, 5.0),
    "eop_upper": (0.0, 9.5),
    "posterior_hairline": (0.0, 12.0),
    "pupil_line": (2.25, 0.0),
    "forehead_corner": (4.5, 0.0),
    # directly above the medial end of the eyebrow, where its line crosses the hairline
    "eyebrow_medial_line": (t_of(math.asin(0.5 / AXES[0])), 0.0),
}
_eyebrow = lift("front", *EYEBROW_MIDDLE)
assert _eyebrow is not None
LANDMARKS["eyebrow_middle"] = scalp_position(_eyebrow)
