"""The right hand of the front and back frames, built from its bones and joints.

Positions are ``(l, y)`` as in :mod:`.front_back`: ``l`` out from the median
line, ``y`` down from the vertex. The arm hangs in the anatomical position, so
the palm faces the front view and the back of the hand the back view, the
thumb on the lateral (radial) side in both. Each digit is an axis through its
joints with a half-width at each; the outline, the hand and fingers regions and
the hand's landmarks all come from these, so they agree by construction.
"""

from __future__ import annotations

import itertools
import math

from atlas.core.anatomy.geometry import Point, Polygon, catmull_rom, lerp
from atlas.core.anatomy.levels import LEVEL

#: the wrist crease (palmar and dorsal), and the two borders of the wrist there
WRIST_Y = LEVEL["wrist_crease"]
WRIST_RADIAL: Point = (10.5, 40.4)
WRIST_ULNAR: Point = (7.9, 40.5)

#: Each digit's axis from its proximal joint to the tip of its pulp, with the
#: half-width at each point: the thumb from its carpometacarpal joint (CMC, MCP,
#: IP, tip), each finger from its metacarpophalangeal joint (MCP, PIP, DIP, tip).
DIGITS: dict[str, tuple[tuple[float, float, float], ...]] = {
    "thumb": ((10.42, 40.95, 0.38), (11.1, 42.95, 0.44), (11.42, 44.2, 0.42), (11.6, 45.3, 0.0)),
    "index": ((10.28, 44.0, 0.42), (10.35, 45.82, 0.4), (10.39, 46.9, 0.37), (10.42, 47.72, 0.0)),
    "middle": ((9.45, 44.15, 0.44), (9.45, 46.22, 0.42), (9.45, 47.5, 0.39), (9.45, 48.38, 0.0)),
    "ring": ((8.62, 44.05, 0.41), (8.55, 45.95, 0.39), (8.5, 47.13, 0.36), (8.46, 48.0, 0.0)),
    "little": ((7.87, 43.8, 0.35), (7.77, 45.35, 0.33), (7.71, 46.17, 0.31), (7.66, 46.95, 0.0)),
}
FINGERS = ("index", "middle", "ring", "little")

#: The webs' margins: the deepest point of the skin between two digits (the
#: first web space ends at 1_2, between thumb and index).
WEBS: dict[str, Point] = {
    "1_2": (10.85, 43.62),
    "2_3": (9.88, 44.85),
    "3_4": (9.02, 44.9),
    "4_5": (8.16, 44.75),
}

#: The metacarpals' bases (at the carpus); their heads are the fingers' MCP joints.
METACARPAL_BASES: dict[str, Point] = {
    "index": (9.95, 41.15),
    "middle": (9.3, 41.2),
    "ring": (8.72, 41.3),
    "little": (8.2, 41.25),
}

# the borders of the wrist over the styloid processes
_RADIAL_STYLOID: Point = (10.4, 39.8)
_ULNAR_STYLOID: Point = (7.98, 39.7)

#: the thenar eminence's outer bulge, over the middle of the first metacarpal
THENAR: Point = (11.27, 41.8)

# the ulnar border of the palm: the hypothenar eminence from the wrist to the
# little finger's MCP joint
_HYPOTHENAR: list[Point] = [(7.44, 42.9), (7.5, 42.0), (7.74, 41.15)]


def _unit(p: Point, q: Point) -> Point:
    dx, dy = q[0] - p[0], q[1] - p[1]
    n = math.hypot(dx, dy) or 1.0
    return dx / n, dy / n


def _radial(d: Point) -> Point:
    """The radial (lateral) normal of a direction pointing down the digit."""
    return d[1], -d[0]


def digit_edges(name: str) -> tuple[list[Point], list[Point]]:
    """(radial edge, ulnar edge) of a digit, one point per joint, proximal first."""
    axis = DIGITS[name]
    n = len(axis)
    radial: list[Point] = []
    ulnar: list[Point] = []
    for i, (x, y, w) in enumerate(axis):
        a, b = axis[max(i - 1, 0)], axis[min(i + 1, n - 1)]
        nx, ny = _radial(_unit((a[0], a[1]), (b[0], b[1])))
        radial.append((x + nx * w, y + ny * w))
        ulnar.append((x - nx * w, y - ny * w))
    return radial, ulnar


def joint(name: str, index: int) -> Point:
    """A point on a digit's axis: 0 the proximal joint ... 3 the tip."""
    x, y, _ = DIGITS[name][index]
    return (x, y)


def _tip_arc(name: str) -> tuple[list[Point], list[Point]]:
    """The pulp: points down the radial side to the tip and back up the ulnar side."""
    axis = DIGITS[name]
    (x2, y2, w2), (x3, y3, _) = axis[2], axis[3]
    d = _unit((x2, y2), (x3, y3))
    nx, ny = _radial(d)
    down, up = [], []
    for t, k in ((0.55, 0.92), (0.85, 0.62)):
        cx, cy = lerp((x2, y2), (x3, y3), t)
        down.append((cx + nx * w2 * k, cy + ny * w2 * k))
        up.append((cx - nx * w2 * k, cy - ny * w2 * k))
    return down, up[::-1]


def _digit_run(name: str, first: int) -> list[Point]:
    """Outline control points of one digit, radial side down, around the tip, ulnar up."""
    radial, ulnar = digit_edges(name)
    down, up = _tip_arc(name)
    return [*radial[first:3], *down, joint(name, 3), *up, *ulnar[first:3][::-1]]


def _edge_below(name: str, side: str, web: Point) -> Point:
    """A finger's radial or ulnar edge a little distal to a web."""
    radial, ulnar = digit_edges(name)
    (x0, y0), (x1, y1) = (radial if side == "radial" else ulnar)[:2]
    y = web[1] + 0.25
    return (x0 + (x1 - x0) * (y - y0) / (y1 - y0), y)


def hand_half() -> list[Point]:
    """Control points of the hand's outline, from the radial end of the wrist
    crease round the thumb and the fingers to the ulnar end."""
    _, thumb_ulnar = digit_edges("thumb")
    thumb = _digit_run("thumb", 0)
    thumb.insert(1, THENAR)
    # the thumb's ulnar side runs back up to the first web only as far as its IP joint
    thumb = [*thumb[:-3], thumb_ulnar[2]]
    index_radial, _ = digit_edges("index")
    pts: list[Point] = [_RADIAL_STYLOID, WRIST_RADIAL, *thumb, WEBS["1_2"], index_radial[0]]
    pts += _digit_run("index", 1)
    webs = [WEBS["2_3"], WEBS["3_4"], WEBS["4_5"]]
    for web, (before, after) in zip(webs, itertools.pairwise(FINGERS), strict=True):
        # the web rounds off the slit between two fingers: the curve turns on their edges
        pts += [_edge_below(before, "ulnar", web), web, _edge_below(after, "radial", web)]
        pts += _digit_run(after, 1)
    _, little_ulnar = digit_edges("little")
    pts += [little_ulnar[0], *_HYPOTHENAR, WRIST_ULNAR, _ULNAR_STYLOID]
    return pts


def hand_outline() -> Polygon:
    """The hand's outline (smooth) from the radial to the ulnar end of the wrist crease."""
    return catmull_rom(hand_half(), steps=6)


def edge_at(y: float, side: str, inset: float = 0.0) -> Point:
    """Where the hand's outline crosses level y on its radial or ulnar border
    (the outermost crossing), moved ``inset`` toward the inside."""
    pts = hand_outline()
    xs = []
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        if (y1 - y) * (y2 - y) <= 0 and y1 != y2:
            xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    x = max(xs) - inset if side == "radial" else min(xs) + inset
    return (round(x, 3), y)


def metacarpal(name: str, t: float) -> Point:
    """A point along a metacarpal, from its base (0) to its head at the MCP joint (1)."""
    return lerp(METACARPAL_BASES[name], joint(name, 0), t)


def between_metacarpals(a: str, b: str, t: float) -> Point:
    """The gap between two metacarpals, a fraction t from their bases to their heads."""
    return lerp(metacarpal(a, t), metacarpal(b, t), 0.5)


def nail(name: str) -> Polygon:
    """A digit's nail on the back view: from its curved base over the distal phalanx
    to the free edge, inside the fingertip; radial corner of the base first."""
    axis = DIGITS[name]
    (x2, y2, w2), (x3, y3, _) = axis[2], axis[3]
    d = _unit((x2, y2), (x3, y3))
    nx, ny = _radial(d)

    def at(t: float, across: float) -> Point:
        cx, cy = lerp((x2, y2), (x3, y3), t)
        return (cx + nx * w2 * across, cy + ny * w2 * across)

    side = [(0.2, 0.6), (0.52, 0.66), (0.8, 0.5)]
    radial = [at(t, k) for t, k in side]
    ulnar = [at(t, -k) for t, k in side[::-1]]
    return [*radial, at(0.87, 0.0), *ulnar, at(0.15, 0.0)]


def nail_corner(name: str, side: str) -> Point:
    """The corner of a nail where its base meets its radial or ulnar border."""
    corners = nail(name)
    return corners[0] if side == "radial" else corners[6]


def _inward(p: Point, q: Point, by: float) -> Point:
    """p moved ``by`` toward q."""
    d = _unit(p, q)
    return (round(p[0] + d[0] * by, 3), round(p[1] + d[1] * by, 3))


def _beside(name: str, side: str, t: float, inset: float) -> Point:
    """On a finger's radial or ulnar border, a fraction t from its MCP to its PIP
    joint, ``inset`` inside the outline."""
    radial, ulnar = digit_edges(name)
    edge = radial if side == "radial" else ulnar
    p = lerp(edge[0], edge[1], t)
    return _inward(p, lerp(joint(name, 0), joint(name, 1), t), inset)


#: where the tendons cross the wrist crease (the landmarks beside them are named
#: for the points that lie there)
TENDONS: dict[str, Point] = {
    "flexor_carpi_radialis": (9.64, WRIST_Y),
    "palmaris_longus": (9.2, WRIST_Y),
    "flexor_carpi_ulnaris": (8.36, WRIST_Y),
}


def _landmarks() -> tuple[dict[str, Point], dict[str, Point]]:
    tips = {f"{name}_tip": joint(name, 3) for name in DIGITS}
    palmar: dict[str, Point] = {
        **tips,
        # the radial end of the wrist crease, ulnar to the abductor pollicis longus
        "wrist_radial": (10.06, WRIST_Y),
        # between palmaris longus and flexor carpi radialis
        "wrist_mid": (9.42, WRIST_Y),
        # the radial side of the flexor carpi ulnaris tendon
        "wrist_ulnar": (8.54, WRIST_Y),
        "thenar_mid": edge_at((joint("thumb", 0)[1] + joint("thumb", 1)[1]) / 2, "radial", 0.12),
        "palm_centre": between_metacarpals("index", "middle", 0.85),
        "palm_ulnar": between_metacarpals("ring", "little", 0.85),
        "thumb_nail_radial": nail_corner("thumb", "radial"),
        "little_nail_radial": nail_corner("little", "radial"),
        "fingertip_centre_middle": _inward(joint("middle", 3), joint("middle", 2), 0.15),
        **{f"{name}_pip_palmar": joint(name, 1) for name in FINGERS},
    }
    mcp2, mcp5 = joint("index", 0), joint("little", 0)
    index_radial, _ = digit_edges("index")
    d = _unit(METACARPAL_BASES["index"], mcp2)
    dorsal: dict[str, Point] = {
        **tips,
        "radial_styloid": (10.16, 40.15),
        # the anatomical snuffbox at the radial end of the dorsal wrist crease
        "wrist_dorsal_radial": edge_at(40.55, "radial", 0.16),
        "wrist_dorsal_mid": (9.05, WRIST_Y),
        "wrist_dorsal_ulnar": edge_at(40.55, "ulnar", 0.14),
        # the groove on the radial side of the ulnar head, at the level of the crease
        "ulnar_head_radial": (8.8, WRIST_Y),
        # either side of the extensor digitorum tendon on the crease
        "extensor_digitorum_ulnar": (8.92, WRIST_Y),
        "extensor_digitorum_radial": (9.4, WRIST_Y),
        "wrist_dorsal_2_3": (9.6, WRIST_Y),
        "wrist_dorsal_4_5": (8.48, WRIST_Y),
        # the base of the 5th metacarpal on the ulnar border
        "hamate_ulnar": edge_at(41.25, "ulnar", 0.12),
        "mcp5_ulnar": edge_at(mcp5[1] - 0.3, "ulnar", 0.12),
        "little_base_ulnar": _beside("little", "ulnar", 0.22, 0.1),
        "index_base_radial": _beside("index", "radial", 0.2, 0.1),
        "mcp2_radial_proximal": _inward(
            (index_radial[0][0], index_radial[0][1] - 0.3), (mcp2[0], mcp2[1] - 0.3), 0.12
        ),
        # beside the 2nd metacarpal's radial side, at its base and at its head
        **{
            f"metacarpal2_{name}": (round(p[0] + d[1] * 0.32, 3), round(p[1] - d[0] * 0.32, 3))
            for name, p in (("base", METACARPAL_BASES["index"]), ("head", mcp2))
        },
        "metacarpal_4_5": between_metacarpals("ring", "little", 0.85),
        "mcp_2_3": lerp(joint("index", 0), joint("middle", 0), 0.5),
        "mcp_4_5": lerp(joint("ring", 0), joint("little", 0), 0.5),
        "index_nail_radial": nail_corner("index", "radial"),
        "ring_nail_ulnar": nail_corner("ring", "ulnar"),
        "little_nail_ulnar": nail_corner("little", "ulnar"),
        "thumb_ip_dorsal": joint("thumb", 2),
        "middle_pip_dorsal": joint("middle", 1),
        "little_pip_dorsal": joint("little", 1),
        # just proximal to the margin of each web, on the back of the hand
        **{f"finger_web_{k}": (x, round(y - 0.22, 3)) for k, (x, y) in WEBS.items()},
    }
    return palmar, dorsal


PALMAR_LANDMARKS, DORSAL_LANDMARKS = _landmarks()
