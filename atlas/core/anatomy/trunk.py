"""The skeleton of the trunk, defined once and seen from the front, back and side.

The rib cage is an elliptic cylinder around the midaxillary line: at level ``y``
its half-width on the front and back frames is ``a``, its depth in front of the
midaxillary line ``bf`` and behind it ``bb`` (side frame). A place on the cage is
``(theta, y)``, ``theta`` the angle around the body from the anterior median line
(0) through the midaxillary line (pi/2) to the posterior median line (pi); it is
seen at ``l = a sin(theta)`` on the front (theta <= pi/2) or the back (theta >=
pi/2) and at ``z = MIDAXILLARY_Z + bf cos(theta)`` (or ``bb``) on the side.

Each rib is a curve on the cage: in front its centre follows the intercostal
spaces of :mod:`.levels` (so a point placed "in the 4th intercostal space" lies
between the 4th and 5th ribs as drawn), behind it rises to its vertebra, and the
11th and 12th end free at the flank. The costal margin, sternum, clavicle,
scapula, sacrum and iliac crest are given in the frame that sees them, and the
landmarks the locators measure from (the free ends of the 11th and 12th ribs,
the intercostal spaces on the midaxillary line, the sacral foramina) are taken
from the same curves.
"""

from __future__ import annotations

import bisect
import itertools
import math

from atlas.core.anatomy.geometry import Point
from atlas.core.anatomy.levels import ICS_MID, SPINE, ics_offset, ics_y

#: the midaxillary line on the side frame (z)
MIDAXILLARY_Z = -0.1

# level y: (half-width a, depth in front bf, depth behind bb) of the rib cage
_CAGE: list[tuple[float, float, float, float]] = [
    (15.0, 4.6, 2.9, 3.4), (16.0, 5.2, 3.1, 3.6), (18.0, 5.95, 3.55, 3.85),
    (20.0, 6.2, 3.8, 3.95), (22.0, 6.22, 3.9, 3.85), (24.0, 6.12, 3.75, 3.55),
    (26.0, 5.9, 3.5, 3.2), (28.0, 5.6, 3.35, 2.95), (30.0, 5.48, 3.25, 2.8),
    (32.0, 5.62, 3.2, 2.75),
]  # fmt: skip


def cage(y: float) -> tuple[float, float, float]:
    """(a, bf, bb) of the rib cage at level y (interpolated, held at the ends)."""
    levels = [row[0] for row in _CAGE]
    i = bisect.bisect_left(levels, y)
    if i <= 0:
        return _CAGE[0][1:]
    if i >= len(_CAGE):
        return _CAGE[-1][1:]
    (y0, *p), (y1, *q) = _CAGE[i - 1], _CAGE[i]
    t = (y - y0) / (y1 - y0)
    a, bf, bb = (u + (v - u) * t for u, v in zip(p, q, strict=True))
    return a, bf, bb


def front_to_side(lat: float, y: float, a: float | None = None) -> Point:
    """A place on the front of the cage (lat from the median line, on a cage of
    half-width a) seen on the side frame."""
    return to_side(math.asin(min(1.0, lat / (a or cage(y)[0]))), y)


#: the skin lies about this far outside the rib cage on the front of the chest
SKIN = 0.45


def skin_to_side(lat: float, y: float) -> Point:
    """A place on the skin of the chest (lat from the median line, as on the front
    frame) seen on the side frame."""
    a, bf, _ = cage(y)
    theta = math.asin(min(1.0, lat / (a + 0.15)))
    return (MIDAXILLARY_Z + (bf + SKIN) * math.cos(theta), y)


def to_side(theta: float, y: float) -> Point:
    """A place on the cage seen on the side frame."""
    _, bf, bb = cage(y)
    return (MIDAXILLARY_Z + (bf if theta <= math.pi / 2 else bb) * math.cos(theta), y)


# ---------------------------------------------------------------- ribs

#: half-thickness of a rib (the lower ribs are slighter) and of a costal cartilage
RIB_HALF = {n: 0.27 if n <= 7 else 0.21 for n in range(1, 13)}
CARTILAGE_HALF = 0.2

# the rib's centre on the front at the median line, before the intercostal
# slope: halfway between the spaces above and below it (the 1st hides under the
# clavicle; the 8th to 10th continue the spacing of the 7th space)
_RIB_FRONT: dict[int, float] = {1: 16.3}
for _n in range(2, 8):
    _RIB_FRONT[_n] = (ICS_MID[_n - 1] + ICS_MID[_n]) / 2
for _n in range(8, 11):
    # below the 7th space the ribs crowd together toward the free end of the 11th
    _RIB_FRONT[_n] = ICS_MID[7] + 0.6 + 0.55 * (_n - 8)

#: where bone meets cartilage on the front (distance from the median line)
_COSTOCHONDRAL = {1: 1.5, 2: 2.3, 3: 2.9, 4: 3.3, 5: 3.6, 6: 3.9, 7: 4.1, 8: 4.8, 9: 5.2,
                  10: 5.4}  # fmt: skip
#: the short 1st rib turns back under the clavicle before the cage is widest
_RIB_REACH = {1: 4.9}
#: the floating ribs: (theta of the free end, level of the free end)
FREE_END = {11: (0.44 * math.pi, 29.85), 12: (0.62 * math.pi, 30.6)}
#: the side view sees the ribs round to this angle (then the back muscles cover them)
SIDE_REACH = 0.8 * math.pi
#: near the spine a rib starts at its transverse process
_TRANSVERSE = 0.9

#: the costal margin on the front, from the xiphisternal junction (l, y)
COSTAL_MARGIN: list[Point] = [(0.0, 24.0), (2.0, 25.5), (4.0, 27.5), (6.0, 29.3)]


def costal_y(lat: float) -> float:
    """Level of the costal margin at a distance from the median line (front)."""
    pts = COSTAL_MARGIN
    for (l0, y0), (l1, y1) in itertools.pairwise(pts):
        if lat <= l1:
            return y0 + (y1 - y0) * (lat - l0) / (l1 - l0)
    (l0, y0), (l1, y1) = pts[-2], pts[-1]
    return y1 + (y1 - y0) * (lat - l1) / (l1 - l0)


def _front_y(n: int, lat: float) -> float:
    """The rib's centre on the front at distance l: the spaces' slope, and for the
    6th and 7th the cartilage rising along the costal margin to the sternum."""
    y = _RIB_FRONT[n] + ics_offset(lat)
    if n == 7:
        y = min(y, costal_y(lat) - CARTILAGE_HALF)
    elif n == 6:
        y = min(y, costal_y(lat) - CARTILAGE_HALF - 0.5)
    return y


def rib_reach(n: int) -> float:
    """The rib's half-width (its distance from the median line on the midaxillary line)."""
    if n in _RIB_REACH:
        return _RIB_REACH[n]
    y = _RIB_FRONT[min(n, 10)] + ics_offset(6.0)
    return cage(y)[0]


def _posterior_y(n: int) -> float:
    """The rib's level beside its vertebra (the tip of a thoracic spinous process
    lies about one vertebra lower than the head of its rib)."""
    return SPINE[f"T{n}"] - 0.3


def _axillary_y(n: int) -> float:
    if n == 11:
        return FREE_END[11][1] - 0.1
    if n == 12:
        return FREE_END[12][1]
    return _front_y(n, rib_reach(n))


def rib_centre(n: int, theta: float) -> Point:
    """(l, y) of the rib's centre line at angle theta (l on the front or back frame)."""
    a = rib_reach(n)
    lat = a * math.sin(theta)
    if theta <= math.pi / 2:
        if n == 11:
            t0, y_tip = FREE_END[11]
            f = (math.pi / 2 - theta) / (math.pi / 2 - t0)
            return lat, _axillary_y(11) + (y_tip - _axillary_y(11)) * f
        return lat, _front_y(n, lat)
    top, bottom = _posterior_y(n), _axillary_y(n)
    reach = a
    if n == 12:
        reach = a * math.sin(FREE_END[12][0])
    u = min(1.0, max(0.0, (lat - _TRANSVERSE) / (reach - _TRANSVERSE)))
    return lat, top + (bottom - top) * u * u


def rib_angles(n: int, steps: int = 60) -> list[float]:
    """Angles along the whole rib, from its front end (or free end) to its vertebra,
    with the midaxillary line among them."""
    a = rib_reach(n)
    if n in FREE_END:
        start = FREE_END[n][0]
    else:
        start = math.asin(min(1.0, sternum_half(_front_y(n, 0.8)) / a))
    end = math.pi - math.asin(_TRANSVERSE / a)
    angles = [start + (end - start) * k / steps for k in range(steps + 1)]
    if start < math.pi / 2:
        bisect.insort(angles, math.pi / 2)
    return angles


def rib_on(frame: str, n: int, cartilage: bool = False) -> list[Point]:
    """The rib's centre line as seen on a frame ("front", "back", "side").

    ``cartilage``: only its costal cartilage (front ends of ribs 1 to 10), else
    only the bone. Front and back give (l, y) for the right side.
    """
    joint = _COSTOCHONDRAL.get(n, 0.0)
    samples = []
    for theta in rib_angles(n):
        lat, y = rib_centre(n, theta)
        front = theta <= math.pi / 2
        if n >= 8 and front and lat < joint and y > costal_y(lat) - CARTILAGE_HALF:
            continue  # the 8th to 10th cartilages join the costal margin
        # from the side the ribs vanish under the back muscles toward the spine
        seen = {"front": front, "back": theta >= math.pi / 2, "side": theta <= SIDE_REACH}[frame]
        where = to_side(theta, y) if frame == "side" else (lat, y)
        samples.append((front and lat < joint, seen, where))
    # cartilage comes first along the rib; each run keeps the sample where the other starts
    k = sum(1 for s in samples if s[0])
    if cartilage and k == 0:
        return []
    chosen = samples[: k + 1] if cartilage else samples[max(k - 1, 0) :]
    return [where for _, seen, where in chosen if seen]


def ics_axillary(n: int) -> Point:
    """The n-th intercostal space on the midaxillary line (side frame)."""
    return (MIDAXILLARY_Z, ics_y(n, cage(ICS_MID[n])[0]))


def free_end(n: int, frame: str) -> Point:
    """The free end of the 11th or 12th rib on a frame."""
    theta, y = FREE_END[n]
    if frame == "side":
        return to_side(theta, y)
    return (rib_reach(n) * math.sin(theta), y)


#: the sternum's outline (front), right half from the suprasternal notch down the
#: manubrium (the clavicle's facet, then the 1st cartilage), the body and the xiphoid
STERNUM: list[Point] = [
    (0.0, 15.0), (0.5, 14.85), (0.85, 14.97), (1.08, 15.3), (1.05, 15.8), (0.95, 16.8),
    (0.8, 17.9), (0.84, 18.4), (0.92, 19.8), (0.95, 21.5), (0.85, 22.8), (0.72, 23.6),
    (0.5, 24.0), (0.42, 24.4), (0.25, 25.1), (0.0, 25.6),
]  # fmt: skip
#: the sternal angle (manubrium meets body, level with the 2nd rib)
STERNAL_ANGLE = 18.15


def sternum_half(y: float) -> float:
    """Half-width of the sternum at level y below its upper corners (0 outside it)."""
    edge = STERNUM[3:]
    for (w0, y0), (w1, y1) in itertools.pairwise(edge):
        if y0 <= y <= y1:
            return w0 + (w1 - w0) * (y - y0) / (y1 - y0)
    return 0.0


# ---------------------------------------------------------------- shoulder girdle

#: the clavicle's centre on the front, from its sternal end to the acromion (l, y)
CLAVICLE_FRONT: list[Point] = [
    (0.95, 15.0), (2.0, 14.74), (3.4, 14.83), (4.8, 14.85), (6.1, 14.68), (7.15, 14.75),
]  # fmt: skip
CLAVICLE_HALF = 0.27
#: the acromion seen from the front and from the back (closed outlines)
ACROMION_FRONT: list[Point] = [
    (6.95, 14.55), (7.45, 14.6), (7.85, 14.9), (7.98, 15.3), (7.75, 15.55), (7.35, 15.3),
    (7.0, 14.95),
]  # fmt: skip
ACROMION_BACK: list[Point] = [
    (6.6, 15.05), (7.5, 14.75), (8.1, 14.9), (8.3, 15.5), (8.1, 16.05), (7.7, 16.1),
    (7.1, 15.75),
]  # fmt: skip
#: the scapula seen from the back: superior angle, medial border, inferior angle,
#: lateral border to the glenoid, superior border back to the superior angle
SCAPULA: list[Point] = [
    (4.15, 15.5), (3.45, 16.15), (3.05, 17.1), (2.98, 18.6), (3.08, 20.1), (3.22, 21.3),
    (3.42, 22.05), (3.85, 21.75), (4.7, 20.6), (5.6, 19.2), (6.35, 17.85), (6.85, 17.0),
    (6.6, 16.2), (6.1, 15.45), (5.3, 15.2),
]  # fmt: skip
#: the spine of the scapula, upper and lower edges, from its root to the acromion
SCAPULAR_SPINE_UPPER: list[Point] = [(3.05, 16.75), (4.2, 16.05), (5.5, 15.55), (6.8, 15.2)]
SCAPULAR_SPINE_LOWER: list[Point] = [(3.1, 17.05), (4.2, 16.45), (5.5, 16.05), (6.9, 15.85)]
#: the clavicle and acromion on the side view, from the sternal end back (z, y)
CLAVICLE_SIDE: list[Point] = [(2.35, 15.05), (1.2, 14.85), (0.0, 14.78), (-0.7, 14.85)]
ACROMION_SIDE: list[Point] = [(-0.55, 14.6), (-1.2, 14.55), (-1.55, 14.95), (-1.2, 15.3),
                              (-0.6, 15.2)]  # fmt: skip

# ---------------------------------------------------------------- spine and pelvis

#: the sacrum seen from the back, right half: from its base beside L5 down its
#: lateral edge to the apex, where the coccyx begins
SACRUM: list[Point] = [
    (0.55, 34.75), (1.6, 34.85), (2.15, 35.15), (2.05, 36.0), (1.85, 37.0), (1.6, 38.0),
    (1.2, 38.85), (0.55, 39.3),
]  # fmt: skip
COCCYX_TIP = SPINE["coccyx"]
#: the coccyx, right half, from the sacral apex to the tip
COCCYX: list[Point] = [(0.5, 39.35), (0.4, 39.75), (0.25, 40.1), (0.0, COCCYX_TIP)]
SACRAL_HIATUS = 38.7
#: the posterior sacral foramina (right side, l, y), 1st to 4th
SACRAL_FORAMINA: list[Point] = [(0.88, 35.85), (0.8, 36.85), (0.72, 37.8), (0.62, 38.55)]
#: the iliac crest seen from the back, from the posterior superior iliac spine
#: up over its highest point (level with L4) and round to the flank
PSIS: Point = (2.0, 35.6)
ILIAC_CREST_BACK: list[Point] = [
    PSIS, (2.45, 34.6), (3.25, 33.55), (4.3, 32.9), (5.3, 32.95), (6.05, 33.35),
]  # fmt: skip
#: seen from the front: from the flank down to the anterior superior iliac spine
ASIS_FRONT: Point = (5.25, 35.0)
ILIAC_CREST_FRONT: list[Point] = [(6.05, 33.1), (5.8, 33.8), (5.5, 34.5), ASIS_FRONT]
#: seen from the side: from the anterior superior iliac spine over the top of the
#: crest to the posterior superior iliac spine
ASIS_SIDE: Point = (2.55, 35.0)
ILIAC_CREST_SIDE: list[Point] = [
    ASIS_SIDE, (2.3, 34.1), (1.4, 33.3), (0.0, 32.95), (-1.4, 32.9), (-2.6, 33.4),
    (-3.3, 34.3), (-3.55, 35.3),
]  # fmt: skip
#: the upper border of the pubic symphysis and crest (front)
PUBIC_CREST: list[Point] = [(0.0, 37.0), (0.7, 37.05), (1.3, 37.2)]

# ---------------------------------------------------------------- soft parts

#: the lower border of pectoralis major on the front: from the anterior axillary
#: fold down and in to the sternum
PECTORAL_FRONT: list[Point] = [
    (6.5, 19.5), (6.2, 20.6), (5.6, 21.9), (4.6, 23.05), (3.2, 23.7), (1.8, 23.85),
    (0.95, 23.55),
]  # fmt: skip
#: the same border on the side view: from the axilla forward and down round the chest
PECTORAL_SIDE: list[Point] = [(0.2, 18.6), (1.4, 20.6), (2.6, 22.2), (3.6, 22.55),
                              (4.3, 21.75)]  # fmt: skip
#: the lower border of trapezius on the back: from the root of the scapular spine
#: down and in to the spinous process of T12
TRAPEZIUS_LOWER: list[Point] = [(3.05, 16.9), (2.5, 19.5), (1.6, 23.0), (0.7, 26.0),
                                (0.0, SPINE["T12"])]  # fmt: skip
