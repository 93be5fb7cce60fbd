"""Generate the body-view SVGs in assets/views/ from atlas.core.anatomy.

    python -m atlas.diagram.drawing [OUTPUT_DIR]

Every view is drawn from the same figure geometry as the placement engine
uses, so the clickable regions (``region-<id>`` paths, no transforms) and the
art agree with the placements by construction. Layers, bottom to top:

* ``art-base``: soft floor shadow and the skin-coloured silhouette;
* ``regions``: one path per clickable region (unpainted: the diagram reads
  the outlines for hit-testing and hover, and draws the hover itself);
* ``art``: shading, hair, anatomical detail lines and the outline.

The Qt widget draws markers, channel paths and labels on top.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from atlas.core import anatomy as an
from atlas.core import paths

Point = tuple[float, float]

SKIN = "#f4e1d2"
SKIN_LIGHT = "#faeee4"
SKIN_SHADE = "#c99d84"
OUTLINE = "#6b4f44"
DETAIL = "#9a7566"
HAIR = "#8a7f78"
NAIL = "#f7e9e0"


#: Path vertices closer than this (user units) to the line through their
#: neighbours are dropped: invisible at any zoom, and the art renders faster.
TOLERANCE = 0.02


#: The soft rims (see _rim) are broad, faint bands: their outlines may stray further
#: from the silhouette and meet at bevels. Stroking them was most of a view's render
#: time (front view, start-up size: 25 -> 17 ms; five times larger: 74 -> 52 ms).
RIM_TOLERANCE = 0.25
RIM_JOIN = "bevel"


class Canvas:
    """Collects SVG elements for one view; coordinates are given in frame B-cun."""

    def __init__(self, view: an.View) -> None:
        self.view = view
        self.base: list[str] = []
        self.art: list[str] = []
        # strokes keep a similar on-screen weight in full and detail views
        self.k = view.scale / an.UNITS
        self.lw = 0.55 * self.k**0.55

    def pt(self, p: Point) -> str:
        x, y = self.view.to_view(p)
        return f"{x:.2f},{y:.2f}"

    def d(self, pts: Sequence[Point], closed: bool = False, tolerance: float = TOLERANCE) -> str:
        if not pts:
            return ""
        kept = an.simplify([self.view.to_view(p) for p in pts], tolerance)
        s = "M" + " L".join(f"{x:.2f},{y:.2f}" for x, y in kept)
        return s + (" Z" if closed else "")

    def smooth(self, pts: Sequence[Point], closed: bool = False, steps: int = 6) -> str:
        return self.d(an.catmull_rom(pts, closed=closed, steps=steps), closed)

    def line(
        self,
        pts: Sequence[Point],
        width: float = 0.6,
        colour: str = DETAIL,
        opacity: float = 0.7,
        smooth: bool = True,
        layer: str = "art",
        dash: str = "",
    ) -> None:
        d = self.smooth(pts) if smooth and len(pts) > 2 else self.d(pts)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self._add(
            layer,
            f'<path d="{d}" fill="none" stroke="{colour}" stroke-width='
            f'"{self.lw * width:.2f}" stroke-opacity="{opacity}" stroke-linecap="round" '
            f'stroke-linejoin="round"{extra}/>',
        )

    def shape(
        self,
        pts: Sequence[Point],
        fill: str,
        opacity: float = 1.0,
        stroke: str = "",
        width: float = 0.6,
        smooth: bool = False,
        layer: str = "art",
        extra: str = "",
        tolerance: float = TOLERANCE,
        join: str = "round",
    ) -> None:
        d = (
            self.smooth(pts, closed=True)
            if smooth
            else self.d(pts, closed=True, tolerance=tolerance)
        )
        st = (
            (f' stroke="{stroke}" stroke-width="{self.lw * width:.2f}" stroke-linejoin="{join}"')
            if stroke
            else ""
        )
        self._add(layer, f'<path d="{d}" fill="{fill}" fill-opacity="{opacity}"{st}{extra}/>')

    def ellipse(
        self,
        c: Point,
        rx: float,
        ry: float,
        fill: str,
        opacity: float = 1.0,
        stroke: str = "",
        width: float = 0.5,
        layer: str = "art",
    ) -> None:
        x, y = self.view.to_view(c)
        st = f' stroke="{stroke}" stroke-width="{self.lw * width:.2f}"' if stroke else ""
        self._add(
            layer,
            f'<ellipse cx="{x:.2f}" cy="{y:.2f}" rx="{rx * self.view.scale:.2f}" '
            f'ry="{ry * self.view.scale:.2f}" fill="{fill}" fill-opacity="{opacity}"{st}/>',
        )

    def _add(self, layer: str, element: str) -> None:
        (self.base if layer == "base" else self.art).append(element)


def _rim(c: Canvas, poly: Sequence[Point], width: float, opacity: float) -> None:
    """Soft shading along an outline: nested strokes instead of a blur filter.

    (QtSvg refuses to buffer blur filters on large elements at high zoom.)
    """
    for k, f in enumerate((1.0, 0.66, 0.33)):
        c.shape(
            poly,
            "none",
            stroke=SKIN_SHADE,
            width=width * f,
            extra=f' stroke-opacity="{opacity * (0.28 + 0.12 * k):.3f}"',
            tolerance=RIM_TOLERANCE,
            join=RIM_JOIN,
        )


def _mirror(pts: Iterable[Point], sign: int) -> list[Point]:
    return [(sign * x, y) for x, y in pts]


def _sides(frame: str) -> tuple[int, int]:
    """Screen sign of the figure's (right, left) side."""
    return (-1, 1) if frame == "front" else (1, -1)


# ---------------------------------------------------------------- front and back


def draw_front_back(c: Canvas) -> None:
    frame = c.view.frame
    geo = an.frame_geometry(frame)
    head, body = geo.outlines["head"], geo.outlines["body"]
    ears = [geo.outlines["ear-right"], geo.outlines["ear-left"]]
    silhouette = [body, head, *ears]
    # base: floor shadow, silhouette
    if c.view.kind == "full":
        c.ellipse((0.0, 75.2), 5.6, 0.55, "#000000", 0.08, layer="base")
    for poly in silhouette:
        c.shape(poly, "url(#skin)", layer="base")
    # shading: soft dark rims along the outline
    for poly in silhouette:
        _rim(c, poly, 7.0, 0.35)
    for s in (-1, 1):
        _limb_shading(c, s)
    if frame == "front":
        _front_details(c)
    else:
        _back_details(c)
    for s in (-1, 1):
        _hand_details(c, s, palmar=frame == "front")
        _leg_details(c, s, front=frame == "front")
        _arm_details(c, s, front=frame == "front")
    # outline last
    for poly in silhouette:
        c.shape(poly, "none", stroke=OUTLINE, width=1.1)
    for ear in ears:
        sign = 1 if ear[0][0] > 0 else -1
        c.line(_mirror([(3.95, 4.9), (4.05, 5.8), (3.9, 6.8), (3.7, 7.2)], sign), 0.6)


def _limb_shading(c: Canvas, s: int) -> None:
    # the inner side of each leg and the hollow between arm and trunk
    c.line(
        _mirror([(0.4, 42.0), (0.6, 50.0), (0.9, 56.0), (1.0, 62.0), (1.3, 70.0)], s),
        width=5.0,
        colour=SKIN_SHADE,
        opacity=0.25,
    )
    c.line(
        _mirror([(4.2, 54.5), (4.3, 58.0), (4.2, 63.0)], s),
        width=4.0,
        colour=SKIN_SHADE,
        opacity=0.18,
    )


def _front_details(c: Canvas) -> None:
    # hair cap
    hair = [
        (0.0, 1.95),
        (1.6, 2.05),
        (2.7, 2.3),
        (3.2, 3.0),
        (3.55, 4.2),
        (3.66, 3.4),
        (3.45, 2.0),
        (2.75, 0.9),
        (1.6, 0.22),
        (0.0, 0.0),
    ]
    full = hair + [(-x, y) for x, y in reversed(hair[:-1])]
    c.shape(full, HAIR, opacity=0.28, smooth=True)
    for s in (-1, 1):
        # eyebrows, eyes, iris
        c.line(
            _mirror([(0.45, 4.7), (1.2, 4.42), (1.95, 4.45), (2.55, 4.7)], s),
            1.0,
            colour="#7d6458",
            opacity=0.8,
        )
        eye_top = [(0.55, 5.38), (1.1, 5.12), (1.6, 5.1), (2.15, 5.33)]
        eye_bottom = [(2.15, 5.33), (1.6, 5.55), (1.1, 5.55), (0.55, 5.38)]
        c.shape(
            _mirror(an.catmull_rom(eye_top, steps=5) + an.catmull_rom(eye_bottom, steps=5), s),
            "#ffffff",
            0.9,
            stroke=OUTLINE,
            width=0.55,
        )
        c.ellipse((s * 1.35, 5.33), 0.2, 0.2, "#7b8a93", 0.9)
        c.ellipse((s * 1.35, 5.33), 0.08, 0.08, "#2f2f2f", 0.9)
        c.line(_mirror([(0.6, 5.8), (1.3, 5.95), (1.9, 5.8)], s), 0.4, opacity=0.35)
        # nose wings and nasolabial groove
        c.line(
            _mirror([(0.35, 6.0), (0.45, 6.9), (0.7, 7.2), (0.55, 7.5), (0.2, 7.45)], s),
            0.6,
            opacity=0.55,
        )
        c.line(_mirror([(0.85, 7.1), (1.25, 7.9), (1.35, 8.7)], s), 0.5, opacity=0.35)
        # cheekbone hint, jaw, chin
        c.line(_mirror([(2.2, 6.3), (2.8, 6.6), (3.1, 7.3)], s), 0.5, opacity=0.2)
        # neck: sternocleidomastoid, clavicle, trapezius edge
        c.line(_mirror([(1.9, 10.2), (1.45, 12.2), (0.55, 14.65)], s), 0.6, opacity=0.45)
        c.line(
            _mirror([(0.35, 14.95), (1.5, 14.7), (3.2, 14.9), (5.2, 14.6), (6.6, 14.3)], s),
            0.8,
            opacity=0.55,
        )
        c.line(_mirror([(2.4, 12.9), (3.0, 13.9), (3.4, 14.6)], s), 0.4, opacity=0.3)
        # pectoral, nipple, costal margin
        c.line(
            _mirror([(0.6, 23.0), (2.5, 23.6), (4.5, 23.3), (5.7, 22.3), (6.35, 20.5)], s),
            0.8,
            opacity=0.5,
        )
        c.line(_mirror([(6.1, 15.0), (6.4, 17.0), (6.45, 19.2)], s), 0.5, opacity=0.3)
        c.ellipse((s * 4.0, 22.6), 0.24, 0.24, "#c98f7f", 0.75)
        c.line(
            _mirror([(0.45, 24.3), (2.0, 25.6), (4.0, 27.5), (5.4, 29.1)], s), 0.55, opacity=0.35
        )
        # abdomen: rectus border, iliac crest and groin
        c.line(_mirror([(2.6, 26.5), (2.8, 30.0), (2.8, 33.0), (2.4, 36.5)], s), 0.45, opacity=0.22)
        c.line(_mirror([(5.7, 33.2), (5.2, 35.0), (3.7, 37.3), (1.6, 38.9)], s), 0.6, opacity=0.45)
    # chin, mouth, linea alba, umbilicus
    c.line([(-0.85, 9.9), (0.0, 10.12), (0.85, 9.9)], 0.5, opacity=0.35)
    upper = [(-0.95, 8.45), (-0.4, 8.25), (0.0, 8.32), (0.4, 8.25), (0.95, 8.45)]
    lower = [(0.95, 8.45), (0.4, 8.8), (0.0, 8.85), (-0.4, 8.8), (-0.95, 8.45)]
    c.shape(
        an.catmull_rom(upper, steps=5) + an.catmull_rom(lower, steps=5),
        "#d39a8f",
        0.7,
        stroke="#a4675d",
        width=0.5,
    )
    c.line([(-0.95, 8.45), (0.0, 8.47), (0.95, 8.45)], 0.5, colour="#8c5750", opacity=0.7)
    c.line([(-0.2, 7.55), (0.0, 7.6), (0.2, 7.55)], 0.5, opacity=0.5)
    c.line([(0.0, 15.4), (0.0, 23.4)], 0.4, opacity=0.18, smooth=False)
    c.line([(0.0, 24.6), (0.0, 31.4)], 0.45, opacity=0.22, smooth=False)
    c.ellipse((0.0, 32.0), 0.28, 0.35, "#b7836f", 0.55)
    c.line([(-0.9, 38.6), (0.0, 39.4), (0.9, 38.6)], 0.5, opacity=0.3)


def _back_details(c: Canvas) -> None:
    # hair over the back of the head, down to the nape
    hair = [
        (0.0, 0.0),
        (1.6, 0.22),
        (2.75, 0.9),
        (3.45, 2.0),
        (3.66, 3.4),
        (3.66, 4.5),
        (3.6, 5.8),
        (3.48, 7.0),
        (3.25, 8.5),
        (2.4, 9.2),
        (1.2, 9.0),
        (0.0, 8.9),
    ]
    full = hair + [(-x, y) for x, y in reversed(hair[:-1])]
    c.shape(full, HAIR, opacity=0.42, smooth=True)
    for k in range(7):
        xs = -2.6 + k * 0.87
        c.line([(xs * 0.5, 1.0), (xs * 0.9, 4.5), (xs, 8.4)], 0.35, colour="#6c625c", opacity=0.18)
    # spine, scapulae, iliac crests, gluteal cleft and folds
    c.line([(0.0, 12.3), (0.0, 35.0)], 0.6, opacity=0.3)
    for s in (-1, 1):
        scap = [
            (3.0, 16.7),
            (3.05, 19.5),
            (3.35, 22.0),
            (4.2, 21.2),
            (5.6, 18.4),
            (6.2, 16.3),
            (5.2, 16.0),
        ]
        c.line(_mirror(scap, s), 0.6, opacity=0.4)
        c.line(_mirror([(3.1, 16.9), (5.0, 15.9), (6.9, 15.3)], s), 0.65, opacity=0.45)
        c.line(_mirror([(1.9, 10.3), (2.6, 12.9), (4.6, 13.6), (6.6, 14.2)], s), 0.45, opacity=0.25)
        c.line(_mirror([(5.5, 32.6), (4.2, 33.3), (2.6, 34.6)], s), 0.55, opacity=0.35)
        c.ellipse((s * 1.4, 35.6), 0.22, 0.22, "#b7836f", 0.35)
        c.line(_mirror([(0.25, 43.0), (2.0, 43.5), (4.0, 43.3), (5.6, 42.6)], s), 0.75, opacity=0.5)
        c.line(_mirror([(6.3, 37.0), (5.4, 39.7), (3.5, 41.3)], s), 0.4, opacity=0.2)
        # ear backs
    c.line([(0.0, 38.2), (0.0, 42.3)], 0.8, opacity=0.55)
    c.shape([(-0.18, 38.8), (0.0, 37.8), (0.18, 38.8)], DETAIL, 0.15)


def _hand_details(c: Canvas, s: int, palmar: bool) -> None:
    right, _ = _sides(c.view.frame)
    # finger separations (cleft lines) and joint creases
    clefts = [(10.04, 44.9), (9.1, 44.95), (8.15, 45.1)]
    tips = [(10.4, 47.45), (9.5, 48.25), (8.5, 47.8), (7.62, 46.7)]
    for x, y in clefts:
        c.line(_mirror([(x, y - 0.9), (x, y)], s), 0.45, opacity=0.4)
    centres = [(10.42, 44.4), (9.52, 44.5), (8.62, 44.6), (7.8, 44.9)]
    lengths = [3.0, 3.75, 3.2, 1.95]
    for (x, y), ln, tip in zip(centres, lengths, tips, strict=True):
        for f in (0.45, 0.72) if palmar else (0.42, 0.7):
            yy = y + ln * f
            c.line(_mirror([(x - 0.28, yy), (x + 0.28, yy)], s), 0.35, opacity=0.35)
        if not palmar:
            nail = [
                (tip[0] - 0.22, tip[1] - 0.85),
                (tip[0] + 0.22, tip[1] - 0.85),
                (tip[0] + 0.2, tip[1] - 0.2),
                (tip[0], tip[1] - 0.08),
                (tip[0] - 0.2, tip[1] - 0.2),
            ]
            c.shape(_mirror(nail, s), NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
    # thumb
    if palmar:
        c.line(_mirror([(10.3, 41.3), (9.6, 42.3), (9.9, 43.6)], s), 0.45, opacity=0.35)
        c.line(_mirror([(7.75, 42.8), (8.9, 42.9), (10.1, 42.6)], s), 0.45, opacity=0.35)
        c.line(_mirror([(7.6, 43.6), (8.6, 43.8), (9.5, 43.5)], s), 0.45, opacity=0.3)
        c.line(_mirror([(8.3, 40.6), (9.9, 40.6)], s), 0.45, opacity=0.4)
        c.line(_mirror([(11.0, 44.3), (11.45, 44.2)], s), 0.35, opacity=0.35)
    else:
        nail = [(11.15, 44.65), (11.45, 44.6), (11.45, 45.1), (11.25, 45.35), (11.05, 45.1)]
        c.shape(_mirror(nail, s), NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
        for x in (10.3, 9.55, 8.75, 7.95):
            c.line(_mirror([(x, 41.8), (x - 0.05, 43.7)], s), 0.35, opacity=0.15)
        c.ellipse((s * 10.2, 44.15), 0.14, 0.1, DETAIL, 0.18)
        c.ellipse((s * 9.5, 44.3), 0.14, 0.1, DETAIL, 0.18)
        c.ellipse((s * 8.65, 44.4), 0.14, 0.1, DETAIL, 0.18)
        c.ellipse((s * 7.85, 44.6), 0.14, 0.1, DETAIL, 0.18)
    _ = right


def _arm_details(c: Canvas, s: int, front: bool) -> None:
    # deltoid border, cubital/olecranon, wrist
    c.line(_mirror([(7.4, 15.0), (7.7, 17.3), (8.2, 19.6), (9.0, 21.2)], s), 0.5, opacity=0.35)
    if front:
        c.line(_mirror([(7.6, 28.6), (8.4, 28.8), (9.2, 28.5)], s), 0.5, opacity=0.45)
        c.line(_mirror([(8.0, 22.5), (8.1, 25.5), (8.25, 27.8)], s), 0.4, opacity=0.2)
        c.line(_mirror([(8.55, 40.35), (9.55, 40.5), (10.2, 40.3)], s), 0.45, opacity=0.45)
    else:
        c.ellipse((s * 8.3, 28.4), 0.3, 0.3, SKIN_SHADE, 0.3)
        c.line(_mirror([(8.7, 22.0), (8.5, 25.5), (8.4, 27.5)], s), 0.4, opacity=0.2)
        c.ellipse((s * 8.35, 40.3), 0.18, 0.18, SKIN_SHADE, 0.35)


def _leg_details(c: Canvas, s: int, front: bool) -> None:
    if front:
        # patella, tibial crest, malleoli, toes
        c.shape(
            _mirror([(2.1, 55.0), (3.3, 55.0), (3.45, 56.1), (2.75, 57.1), (2.0, 56.1)], s),
            SKIN_LIGHT,
            0.5,
            stroke=DETAIL,
            width=0.5,
            smooth=True,
        )
        c.line(
            _mirror([(2.55, 58.2), (2.35, 62.0), (2.15, 68.0), (2.05, 71.0)], s), 0.45, opacity=0.25
        )
        c.line(_mirror([(4.8, 40.5), (4.0, 46.0), (3.4, 51.5), (3.2, 54.0)], s), 0.4, opacity=0.18)
        c.ellipse((s * 1.25, 72.0), 0.22, 0.3, SKIN_SHADE, 0.35)
        c.ellipse((s * 3.45, 72.9), 0.22, 0.3, SKIN_SHADE, 0.35)
        for x in (1.7, 2.3, 2.8, 3.25):
            c.line(_mirror([(x, 74.45), (x, 75.0)], s), 0.4, opacity=0.45)
        c.line(_mirror([(1.0, 74.45), (2.3, 74.5), (3.6, 74.6)], s), 0.35, opacity=0.25)
    else:
        c.line(_mirror([(1.2, 57.0), (2.6, 57.3), (4.0, 57.0)], s), 0.6, opacity=0.5)
        c.line(_mirror([(2.5, 58.8), (2.2, 63.0), (2.2, 66.5), (2.4, 71.0)], s), 0.45, opacity=0.22)
        c.line(_mirror([(1.0, 60.0), (1.6, 63.5), (2.1, 66.5)], s), 0.4, opacity=0.2)
        c.line(_mirror([(4.3, 60.0), (3.6, 63.5), (2.8, 66.5)], s), 0.4, opacity=0.2)
        c.ellipse((s * 2.3, 74.3), 0.9, 0.5, SKIN_SHADE, 0.15)
        c.ellipse((s * 1.15, 72.0), 0.2, 0.3, SKIN_SHADE, 0.3)
        c.ellipse((s * 3.45, 72.9), 0.2, 0.3, SKIN_SHADE, 0.3)


# ---------------------------------------------------------------- side


def draw_side(c: Canvas) -> None:
    geo = an.frame_geometry("side")
    body, arm, ear = geo.outlines["body"], geo.outlines["arm"], geo.outlines["ear"]
    if c.view.kind == "full":
        c.ellipse((2.8, 75.2), 5.9, 0.5, "#000000", 0.08, layer="base")
    c.shape(body, "url(#skin)", layer="base")
    _rim(c, body, 7.0, 0.35)
    # hair
    hair = [
        (0.2, 0.0),
        (2.1, 0.45),
        (3.35, 1.55),
        (3.6, 2.0),
        (2.6, 2.6),
        (0.9, 3.6),
        (-0.6, 4.3),
        (-1.4, 4.4),
        (-1.9, 6.5),
        (-2.6, 9.0),
        (-3.25, 9.3),
        (-4.15, 7.4),
        (-4.45, 5.2),
        (-3.95, 2.6),
        (-2.4, 0.65),
    ]
    c.shape(hair, HAIR, 0.38, smooth=True)
    # face: eye, brow, nostril, lips, jaw
    c.line([(3.1, 4.55), (3.65, 4.45), (4.0, 4.6)], 1.0, colour="#7d6458", opacity=0.8)
    eye = an.catmull_rom([(3.25, 5.3), (3.6, 5.12), (3.9, 5.3)], steps=5) + an.catmull_rom(
        [(3.9, 5.3), (3.6, 5.48), (3.3, 5.35)], steps=5
    )
    c.shape(eye, "#ffffff", 0.9, stroke=OUTLINE, width=0.5)
    c.ellipse((3.78, 5.3), 0.1, 0.16, "#5f6b72", 0.9)
    c.line([(4.2, 7.05), (3.95, 7.25), (4.1, 7.45)], 0.55, opacity=0.6)
    c.line([(3.85, 6.9), (3.7, 7.5), (3.5, 8.3)], 0.45, opacity=0.3)
    c.line([(4.35, 8.45), (3.95, 8.5)], 0.6, colour="#8c5750", opacity=0.7)
    c.line([(3.2, 10.3), (1.0, 9.9), (-1.3, 8.6), (-1.45, 6.9)], 0.5, opacity=0.3)
    c.line([(-1.2, 6.5), (1.5, 6.3), (2.8, 6.5)], 0.45, opacity=0.18)
    # neck: sternocleidomastoid; trunk: clavicle, pectoral, nipple, costal, iliac crest
    c.line([(-1.0, 8.2), (0.0, 11.0), (1.6, 14.6)], 0.6, opacity=0.35)
    c.line([(2.4, 15.0), (1.0, 14.9), (-0.5, 14.8)], 0.7, opacity=0.45)
    c.line([(4.35, 21.6), (3.2, 22.7), (1.5, 21.5)], 0.55, opacity=0.35)
    c.ellipse((4.25, 22.7), 0.12, 0.2, "#c98f7f", 0.7)
    c.line([(3.9, 24.8), (2.2, 27.5), (0.6, 29.6), (-0.7, 30.4)], 0.5, opacity=0.3)
    for k in range(4):
        y = 21.0 + k * 1.6
        c.line([(-2.9, y - 0.8), (-1.0, y), (1.0, y + 0.5)], 0.35, opacity=0.12)
    c.line([(2.4, 34.2), (0.8, 33.4), (-1.4, 33.2), (-2.8, 33.8)], 0.55, opacity=0.35)
    c.line([(3.6, 32.0), (3.3, 32.1)], 0.6, opacity=0.5)
    c.line([(2.9, 37.5), (1.5, 39.5), (0.6, 41.0)], 0.45, opacity=0.3)
    # buttock, thigh, knee, leg, ankle, foot
    c.ellipse((-0.3, 38.4), 0.45, 0.45, SKIN_SHADE, 0.22)
    c.line([(-3.3, 43.2), (-2.0, 43.7), (-1.0, 43.4)], 0.6, opacity=0.45)
    c.line([(0.6, 41.5), (0.0, 47.0), (-0.5, 53.5)], 0.45, opacity=0.18)
    c.shape(
        [(1.6, 54.8), (2.6, 55.0), (2.75, 56.3), (2.1, 57.2), (1.4, 56.2)],
        SKIN_LIGHT,
        0.5,
        stroke=DETAIL,
        width=0.5,
        smooth=True,
    )
    c.ellipse((-0.3, 58.6), 0.35, 0.35, SKIN_SHADE, 0.25)
    c.line([(-0.3, 58.9), (-0.35, 65.0), (-0.2, 71.0)], 0.45, opacity=0.2)
    c.line([(-1.8, 56.9), (-1.0, 57.2)], 0.6, opacity=0.45)
    c.ellipse((-0.35, 73.0), 0.42, 0.5, SKIN_SHADE, 0.35)
    c.line([(-1.7, 73.2), (-1.5, 70.0), (-1.2, 66.0)], 0.45, opacity=0.25)
    for z in (5.9, 6.5, 7.0, 7.5):
        c.line([(z, 74.35), (z + 0.1, 74.9)], 0.35, opacity=0.3)
    c.line([(-2.2, 74.75), (3.0, 74.72), (7.6, 74.85)], 0.45, opacity=0.3)
    c.shape(
        [(7.45, 74.45), (7.85, 74.62), (7.8, 74.78), (7.45, 74.7)],
        NAIL,
        0.9,
        stroke=DETAIL,
        width=0.3,
    )
    c.shape(body, "none", stroke=OUTLINE, width=1.1)
    # the ear
    c.shape(ear, SKIN, 1.0, stroke=OUTLINE, width=0.75)
    c.line([(0.3, 4.9), (0.6, 5.7), (0.35, 6.6), (0.0, 7.2)], 0.5, opacity=0.55)
    c.line([(-0.75, 5.0), (-0.15, 5.6), (-0.1, 6.5), (-0.45, 6.95)], 0.45, opacity=0.4)
    c.ellipse((-0.25, 6.35), 0.18, 0.25, SKIN_SHADE, 0.6)
    c.ellipse((0.78, 6.5), 0.12, 0.25, SKIN_SHADE, 0.4)
    # the raised arm, drawn over the body
    c.shape(arm, "url(#skin)", 1.0)
    _rim(c, arm, 6.0, 0.3)
    front, back = an.side_arm_edges()
    c.line([back[0], (-1.6, 17.6), (-0.6, 18.8), (0.9, 18.6)], 0.6, opacity=0.35)
    c.line([an.lerp(front[1], back[1], 0.35), an.lerp(front[2], back[2], 0.45)], 0.45, opacity=0.2)
    ax = an.SIDE_ARM_AXIS
    c.ellipse((ax[3][0], ax[3][1]), 0.35, 0.35, SKIN_SHADE, 0.3)
    c.line(
        [an.lerp(front[7], back[7], 0.1), an.lerp(front[7], back[7], 0.9)],
        0.45,
        opacity=0.35,
        smooth=False,
    )
    c.shape(arm, "none", stroke=OUTLINE, width=1.1)


# ---------------------------------------------------------------- foot


def draw_foot(c: Canvas) -> None:
    """The right foot alone: medial side, dorsum or sole."""
    frame = c.view.frame
    outline = an.frame_geometry(frame).outlines["body"]
    c.shape(outline, "url(#skin)", layer="base")
    _rim(c, outline, 7.0, 0.35)
    if frame == "foot_medial":
        c.ellipse((-0.2, 72.0), 0.45, 0.55, SKIN_SHADE, 0.35)
        c.line([(1.55, 70.0), (1.45, 72.2), (1.75, 73.6)], 0.5, opacity=0.3)
        c.line([(-1.0, 70.5), (-1.1, 72.1), (-2.2, 73.3)], 0.45, opacity=0.25)
        c.line(
            [(-5.2, 74.95), (-3.5, 74.45), (-1.5, 74.4), (0.2, 74.8)],
            2.5,
            colour=SKIN_SHADE,
            opacity=0.25,
        )
        c.ellipse((-2.2, 73.5), 0.25, 0.2, SKIN_SHADE, 0.3)
        c.line([(-6.1, 73.8), (-6.0, 74.9)], 0.4, opacity=0.35)
        nail = [(-7.7, 73.95), (-7.15, 73.9), (-7.05, 74.15), (-7.75, 74.2)]
        c.shape(nail, NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
    else:
        sign = -1.0 if frame == "sole" else 1.0
        tips = [(-1.5, -7.75), (-0.5, -7.8), (0.3, -7.45), (1.05, -7.0), (1.75, -6.5)]
        widths = [0.45, 0.3, 0.27, 0.25, 0.22]
        for (x, y), w in zip(tips, widths, strict=True):
            x *= sign
            if frame == "foot_dorsal":
                nail = [
                    (x - w, y + 0.55 + w),
                    (x + w, y + 0.55 + w),
                    (x + w * 0.9, y + 0.12),
                    (x, y),
                    (x - w * 0.9, y + 0.12),
                ]
                c.shape(nail, NAIL, 0.9, stroke=DETAIL, width=0.35, smooth=True)
            else:
                c.ellipse((x, y + 0.35), w * 0.8, 0.3, SKIN_SHADE, 0.25)
        for x in (-0.95, -0.05, 0.7, 1.35):
            c.line([(sign * x, -6.45), (sign * x, -6.0)], 0.4, opacity=0.3)
        if frame == "foot_dorsal":
            c.ellipse((1.6, 0.1), 0.35, 0.5, SKIN_SHADE, 0.3)
            c.ellipse((-1.5, 0.0), 0.35, 0.5, SKIN_SHADE, 0.3)
            for x0, x1 in ((-0.9, -1.3), (-0.3, -0.5), (0.2, 0.3), (0.7, 0.95), (1.2, 1.55)):
                c.line([(x0 * 0.6, -1.4), (x1, -5.6)], 0.4, opacity=0.18)
            c.line([(-0.1, 0.6), (-0.6, -2.5), (-1.2, -6.3)], 0.45, opacity=0.25)
        else:
            c.ellipse((0.0, 1.3), 1.0, 0.9, SKIN_SHADE, 0.18)
            c.ellipse((0.1, -5.4), 1.7, 0.7, SKIN_SHADE, 0.16)
            c.line([(0.8, -1.5), (0.5, -3.5), (0.2, -4.6)], 2.8, colour=SKIN_LIGHT, opacity=0.6)
            c.line([(-1.95, -5.3), (1.9, -5.0)], 0.4, opacity=0.2)
    c.shape(outline, "none", stroke=OUTLINE, width=1.1)


# ---------------------------------------------------------------- writing


def _defs(c: Canvas) -> str:
    return f"""<defs>
  <linearGradient id="skin" x1="0" y1="0" x2="1" y2="0">
    <stop offset="0" stop-color="{SKIN}"/>
    <stop offset="0.5" stop-color="{SKIN_LIGHT}"/>
    <stop offset="1" stop-color="{SKIN}"/>
  </linearGradient>
</defs>"""


def render_view(view: an.View) -> str:
    """The SVG text of one view."""
    c = Canvas(view)
    if view.frame == "side":
        draw_side(c)
    elif view.frame in an.FOOT_FRAMES:
        draw_foot(c)
    else:
        draw_front_back(c)
    regions = an.view_regions(view)
    region_elements = []
    for rid in sorted(regions):
        d = " ".join(
            "M" + " L".join(f"{x:.2f},{y:.2f}" for x, y in piece) + " Z" for piece in regions[rid]
        )
        region_elements.append(
            f'<path id="region-{rid}" class="region" d="{d}" fill="none" stroke="none"/>'
        )
    w, h = view.width, view.height
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w:g}" '
            f'height="{h:g}" viewBox="0 0 {w:g} {h:g}">',
            f"<title>Acupoint Atlas: {view.title}</title>",
            f"<!-- generated by atlas.diagram.drawing from atlas.core.anatomy; "
            f"{view.scale:g} user units per B-cun -->",
            _defs(c),
            '<g id="art-base">',
            *c.base,
            "</g>",
            '<g id="regions">',
            *region_elements,
            "</g>",
            '<g id="art" fill="none">',
            *c.art,
            "</g>",
            "</svg>",
            "",
        ]
    )


def write_views(out_dir: Path | None = None) -> list[Path]:
    out_dir = out_dir or paths.assets_dir() / "views"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for view in an.VIEWS:
        path = out_dir / f"{view.id}.svg"
        path.write_text(render_view(view), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else None
    for path in write_views(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

_ = math
