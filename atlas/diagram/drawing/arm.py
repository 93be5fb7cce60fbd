"""Art of the arm and the hand (front and back frames, and the side view's raised arm)
and their anatomy layer."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from atlas.core import anatomy as an
from atlas.core.anatomy import hand, side
from atlas.diagram.drawing.canvas import (
    ANATOMY_INK,
    DETAIL,
    NAIL,
    OUTLINE,
    SKIN_SHADE,
    Canvas,
    Point,
)

#: puts a drawing of the right arm (back or front frame, (l, y)) in the view's frame
Place = Callable[[Sequence[Point]], list[Point]]


def _across(name: str, index: int, frac: float, t: float = 0.0) -> list[Point]:
    """A short line across a digit at a joint (``t`` of the way on to the next),
    ``frac`` of its width."""
    axis = hand.DIGITS[name]
    (x0, y0, w0), (x1, y1, _) = axis[index], axis[min(index + 1, 3)]
    cx, cy = an.lerp((x0, y0), (x1, y1), t)
    dx, dy = x1 - x0, y1 - y0
    n = math.hypot(dx, dy) or 1.0
    nx, ny = dy / n * w0 * frac, -dx / n * w0 * frac
    bow = 0.04
    return [(cx + nx, cy + ny), (cx + dx / n * bow, cy + dy / n * bow), (cx - nx, cy - ny)]


def draw_hand(c: Canvas, place: Place, palmar: bool) -> None:
    """The hand's surface art: creases, nails, knuckles, eminences."""
    if palmar:
        _palm(c, place)
    else:
        _back_of_hand(c, place)


def _palm(c: Canvas, place: Place) -> None:
    # wrist creases
    w = hand.WRIST_Y
    c.line(place([(8.15, w), (9.2, w + 0.06), (10.3, w)]), 0.45, opacity=0.45)
    c.line(place([(8.12, w - 0.28), (9.2, w - 0.24), (10.3, w - 0.3)]), 0.35, opacity=0.25)
    # the thenar crease round the ball of the thumb, and the two transverse creases
    c.line(place([(10.78, 43.4), (10.15, 42.85), (9.8, 42.0), (9.72, 41.1)]), 0.45, opacity=0.45)
    c.line(place([(10.8, 43.38), (9.8, 43.15), (8.9, 42.9), (8.3, 42.45)]), 0.45, opacity=0.4)
    c.line(place([(7.48, 43.2), (8.3, 43.42), (9.2, 43.6), (9.95, 43.95)]), 0.45, opacity=0.4)
    # digits: the creases of each joint (two at the base and the middle joint)
    webs = [hand.WEBS[k][1] for k in ("2_3", "2_3", "3_4", "4_5", "4_5")]
    for k, name in enumerate(hand.FINGERS):
        # the base crease lies level with the webs beside the finger
        mcp, pip_ = hand.joint(name, 0), hand.joint(name, 1)
        t_web = ((webs[k] + webs[k + 1]) / 2 - mcp[1]) / (pip_[1] - mcp[1])
        c.line(place(_across(name, 0, 0.85, t_web)), 0.4, opacity=0.35)
        for dt in (0.0, 0.06):
            c.line(place(_across(name, 1, 0.85, dt)), 0.35, opacity=0.35)
        c.line(place(_across(name, 2, 0.85)), 0.35, opacity=0.35)
    c.line(place(_across("thumb", 1, 0.8, 0.05)), 0.35, opacity=0.3)
    c.line(place(_across("thumb", 2, 0.85)), 0.35, opacity=0.35)


def _back_of_hand(c: Canvas, place: Place) -> None:
    w = hand.WRIST_Y
    c.line(place([(8.2, w), (9.2, w - 0.05), (10.25, w)]), 0.35, opacity=0.3)
    for name in hand.DIGITS:
        c.shape(place(hand.nail(name)), NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
    for name in hand.FINGERS:
        x, y = hand.joint(name, 0)
        c.ellipse(place([(x, y)])[0], 0.2, 0.12, SKIN_SHADE, 0.22)
        # the knuckle wrinkles of the middle joint, one over the end joint
        for dt in (-0.06, 0.0, 0.06):
            c.line(place(_across(name, 1, 0.55, dt)), 0.3, opacity=0.3)
        c.line(place(_across(name, 2, 0.5)), 0.3, opacity=0.3)
    x, y = hand.joint("thumb", 1)
    c.ellipse(place([(x, y)])[0], 0.2, 0.13, SKIN_SHADE, 0.2)
    c.line(place(_across("thumb", 2, 0.55)), 0.3, opacity=0.3)


def draw_hand_anatomy(c: Canvas, place: Place, palmar: bool) -> None:
    """Metacarpals, the wrist's bony points and tendons, the eminences."""
    for name in hand.DIGITS:
        base = hand.METACARPAL_BASES.get(name, hand.joint(name, 0))
        head = hand.joint(name, 1 if name == "thumb" else 0)
        _outline(c, place(_bone(base, head)), "anatomy-metacarpals", 0.18 if palmar else 0.3)
    if palmar:
        # the eminences: soft shading over the thenar and hypothenar
        thenar = [(10.45, 40.75), (10.95, 41.3), (11.1, 42.2), (10.95, 42.9), (10.5, 43.0),
                  (10.05, 42.3), (9.95, 41.3)]  # fmt: skip
        hypothenar = [(7.7, 41.3), (8.2, 41.1), (8.35, 42.0), (8.2, 42.9), (7.62, 43.0),
                      (7.56, 42.0)]  # fmt: skip
        for name, pts in (("thenar", thenar), ("hypothenar", hypothenar)):
            c.shape(place(pts), ANATOMY_INK, 0.07, stroke=ANATOMY_INK, width=0.4,
                    smooth=True, layer=f"anatomy-{name}",
                    extra=' stroke-opacity="0.25"')  # fmt: skip
        # palmaris longus and flexor carpi radialis either side of the PC line (which
        # runs to PC3), flexor carpi ulnaris along the ulnar border
        for name, run in (("palmaris_longus", 5.6), ("flexor_carpi_radialis", 5.6),
                          ("flexor_carpi_ulnaris", 4.5)):  # fmt: skip
            x, y = hand.TENDONS[name]
            slope = 0.102 if name != "flexor_carpi_ulnaris" else 0.06
            c.line(place([(x - slope * run, y - run), (x, y - 0.1)]), 0.9, ANATOMY_INK, 0.3,
                   smooth=False, layer="anatomy-wrist_tendons")  # fmt: skip
    else:
        ring(c, place([(8.48, 39.68)])[0], 0.3, 0.34, "anatomy-ulnar_head")
    styloid = hand.DORSAL_LANDMARKS["radial_styloid"]
    ring(c, place([styloid])[0], 0.15, 0.15, "anatomy-radial_styloid")


def ring(c: Canvas, centre: Point, rx: float, ry: float, layer: str, opacity: float = 0.4) -> None:
    """A bony prominence of the anatomy layer: a faint ring."""
    x, y = centre
    pts = [
        (x + rx * math.cos(k * math.pi / 8), y + ry * math.sin(k * math.pi / 8)) for k in range(16)
    ]
    c.shape(pts, "none", stroke=ANATOMY_INK, width=0.45, smooth=True, layer=layer,
            extra=f' stroke-opacity="{opacity}"')  # fmt: skip


def _bone(base: Point, head: Point) -> list[Point]:
    """A metacarpal's outline: a slender shaft between a broad base and a round head."""
    (bx, by), (hx, hy) = base, head
    n = math.hypot(hx - bx, hy - by)
    ux, uy = (hx - bx) / n, (hy - by) / n
    rx, ry = uy, -ux  # radial normal
    out: list[Point] = []
    for t, w in ((0.0, 0.16), (0.25, 0.1), (0.7, 0.1), (0.95, 0.17)):
        out.append((bx + ux * n * t + rx * w, by + uy * n * t + ry * w))
    tip = (hx + ux * 0.12, hy + uy * 0.12)
    back = [(bx + ux * n * t - rx * w, by + uy * n * t - ry * w) for t, w in
            ((0.95, 0.17), (0.7, 0.1), (0.25, 0.1), (0.0, 0.16))]  # fmt: skip
    return [*out, tip, *back]


def _outline(c: Canvas, pts: list[Point], layer: str, opacity: float = 0.35) -> None:
    """A muscle or bone of the anatomy layer: a faint closed outline."""
    c.shape(pts, "none", stroke=ANATOMY_INK, width=0.45, smooth=True, layer=layer,
            extra=f' stroke-opacity="{opacity}"')  # fmt: skip


#: the deltoid's outline on the front and on the back; its free border (toward the
#: chest or the back) is also drawn as a fold of the skin
_DELTOID = {
    True: [(8.95, 22.0), (8.45, 20.2), (7.65, 17.6), (7.05, 16.0), (6.75, 14.75), (7.6, 14.55),
           (8.5, 15.2), (9.0, 17.0), (9.1, 19.5)],
    False: [(8.95, 22.0), (8.35, 20.3), (7.8, 18.8), (7.2, 16.9), (6.9, 15.3), (7.9, 15.05),
            (8.7, 15.8), (9.05, 17.5), (9.1, 19.5)],
}  # fmt: skip


def draw_arm(c: Canvas, place: Place, front: bool) -> None:
    """The arm's surface art on the front or back frame: folds and hollows."""
    c.line(place(_DELTOID[front][:4]), 0.5, opacity=0.3)
    if front:
        c.line(place([(7.6, 28.55), (8.4, 28.7), (9.3, 28.5)]), 0.45, opacity=0.35)
    else:
        c.ellipse(place([(8.3, 28.4)])[0], 0.3, 0.3, SKIN_SHADE, 0.25)
        c.line(place([(8.7, 22.0), (8.5, 25.5), (8.4, 27.5)]), 0.4, opacity=0.2)


def draw_arm_anatomy(c: Canvas, place: Place, front: bool) -> None:
    """Deltoid, biceps and its tendon, the cubital crease, olecranon and epicondyles."""
    _outline(c, place(_DELTOID[front]), "anatomy-deltoid")
    if front:
        # a spindle from under the deltoid to its tendon above the crease
        biceps = [(8.05, 18.3), (8.35, 18.3), (8.75, 19.6), (8.85, 22.0), (8.78, 24.5),
                  (8.62, 26.9), (8.5, 27.3), (8.42, 27.3), (7.9, 25.5), (7.62, 22.5),
                  (7.72, 19.8)]  # fmt: skip
        _outline(c, place(biceps), "anatomy-biceps")
        # the groove between its two heads, and the tendon down to the crease
        c.line(place([(8.2, 19.5), (8.2, 22.5), (8.3, 24.5)]), 0.4, ANATOMY_INK, 0.25,
               layer="anatomy-biceps")  # fmt: skip
        for x in (8.42, 8.62):
            c.line(place([(x, 27.3), (x, 28.75)]), 0.45, ANATOMY_INK, 0.4, smooth=False,
                   layer="anatomy-biceps")  # fmt: skip
        c.line(place([(7.3, 28.5), (8.4, 28.56), (9.5, 28.5)]), 0.6, ANATOMY_INK, 0.45,
               layer="anatomy-cubital_crease")  # fmt: skip
        marks = an.LANDMARKS["front"]
        ring(c, place([marks["medial_epicondyle"]])[0], 0.18, 0.18, "anatomy-epicondyles")
        ring(c, place([marks["lateral_epicondyle"]])[0], 0.16, 0.16, "anatomy-epicondyles")
    else:
        _back_of_elbow(c, place)


def _back_of_elbow(c: Canvas, place: Place) -> None:
    marks = an.LANDMARKS["back"]
    ring(c, place([marks["olecranon"]])[0], 0.26, 0.24, "anatomy-olecranon")
    ring(c, place([marks["lateral_epicondyle"]])[0], 0.17, 0.17, "anatomy-epicondyles")
    ring(c, place([marks["medial_epicondyle"]])[0], 0.18, 0.18, "anatomy-epicondyles")


def _free_runs(poly: Sequence[Point], body: Sequence[Point]) -> list[list[Point]]:
    """The stretches of a closed outline that lie outside the body (where the arm is
    its own edge: over the body it merges into the shoulder)."""
    inside = [an.point_in_polygon(p, body) for p in poly]
    if all(not k for k in inside):
        return [[*poly, poly[0]]]
    start = inside.index(True)
    runs: list[list[Point]] = []
    run: list[Point] = []
    n = len(poly)
    for k in range(start, start + n + 1):
        p, covered = poly[k % n], inside[k % n]
        if covered:
            if run:
                runs.append([*run, p])
            run = []
        else:
            run = run or [poly[(k - 1) % n]]
            run.append(p)
    return [r for r in runs if len(r) > 2]


def _arm_fill(run: list[Point], body: Sequence[Point], inward: Point) -> list[Point]:
    """The arm's free stretch closed along the body's edge under it, a little inside
    the body (so that the edge is hidden and the shoulder's skin is the body's own)."""

    def nearest(p: Point) -> int:
        return min(range(len(body)), key=lambda i: math.dist(body[i], p))

    i, j = nearest(run[-1]), nearest(run[0])
    n = len(body)
    forward = [body[(i + k) % n] for k in range((j - i) % n + 1)]
    backward = [body[(i - k) % n] for k in range((i - j) % n + 1)]
    under = min(forward, backward, key=len)
    moved = [an.lerp(p, inward, 0.25 / max(math.dist(p, inward), 0.25)) for p in under]
    return [*run, *moved]


def draw_side_arm(c: Canvas) -> None:
    """The raised arm of the side frame: its back, the elbow and the back of the hand."""
    geo = an.frame_geometry("side")
    arm, body = geo.outlines["arm"], geo.outlines["body"]
    runs = _free_runs(arm, body)
    fill = _arm_fill(runs[0], body, side.ARM_SHOULDER) if len(runs) == 1 else arm
    c.shape(fill, "url(#skin)", 1.0)
    for k, f in enumerate((1.0, 0.66, 0.33)):
        for run in runs:
            c.line(run, 6.0 * f, SKIN_SHADE, round(0.3 * (0.28 + 0.12 * k), 3), smooth=False)

    def place(pts: Sequence[Point]) -> list[Point]:
        return [side.arm_from_back(p) for p in pts]

    _back_of_hand(c, place)
    # the olecranon's hollow; the axillary fossa the raised arm opens, and its
    # posterior fold
    c.ellipse(place([(8.3, 28.4)])[0], 0.3, 0.3, SKIN_SHADE, 0.25)
    x, y = an.LANDMARKS["side"]["axilla_centre"]
    c.ellipse((x - 0.1, y), 0.75, 0.55, SKIN_SHADE, 0.14)
    fold = [side.upper_arm_point(t, -_w) for t, _w in ((0.7, 1.5), (0.9, 1.7))]
    c.line([*fold, (-0.9, 18.4), (0.6, 18.6)], 0.55, opacity=0.3)
    draw_hand_anatomy(c, place, palmar=False)
    _side_arm_anatomy(c, place)
    for run in runs:
        c.line(run, 1.1, OUTLINE, 1.0, smooth=False)
    # the upper arm's top edge where it passes in front of the nape and the top of
    # the shoulder, fading out round the cap of the shoulder
    c.line(_top_edge_over(arm, body, 0.3, 1.0), 0.8, OUTLINE, 0.7, smooth=False)
    c.line(_top_edge_over(arm, body, 0.97, 1.12), 0.8, OUTLINE, 0.3, smooth=False)


def _top_edge_over(
    arm: Sequence[Point], body: Sequence[Point], t0: float, t1: float
) -> list[Point]:
    """The upper arm's top (head) edge where it lies over the body, from t0 to t1 of
    the way from the elbow to the shoulder joint (beyond 1 it bends round the cap)."""
    e, s = side.ARM_ELBOW, side.ARM_SHOULDER
    axis, head = (s[0] - e[0], s[1] - e[1]), side.upper_arm_point(0.0, 1.0)
    length2 = axis[0] ** 2 + axis[1] ** 2

    def along(p: Point, d: Point) -> float:
        return (p[0] - e[0]) * d[0] + (p[1] - e[1]) * d[1]

    normal = (head[0] - e[0], head[1] - e[1])
    return [
        p
        for p in arm
        if along(p, normal) > 0
        and t0 < along(p, axis) / length2 <= t1
        and an.point_in_polygon(p, body)
    ]


def _side_arm_anatomy(c: Canvas, place: Place) -> None:
    _back_of_elbow(c, place)
    pt = side.upper_arm_point
    # from the clavicle, acromion and scapular spine at the shoulder to its insertion
    # halfway up the raised arm
    deltoid = [pt(1.08, 1.0), pt(1.14, 0.0), pt(1.05, -1.1), pt(0.85, -1.4), pt(0.62, -1.15),
               pt(0.64, -0.6), pt(0.85, 0.45)]  # fmt: skip
    _outline(c, deltoid, "anatomy-deltoid")
