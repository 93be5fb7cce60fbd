"""The drawing canvas: SVG elements in frame B-cun, the palette and shared strokes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from atlas.core import anatomy as an

Point = tuple[float, float]

SKIN = "#f4e1d2"
SKIN_LIGHT = "#faeee4"
SKIN_SHADE = "#c99d84"
OUTLINE = "#6b4f44"
#: the anatomy layer: bones, muscles and tendons, faint so that points come first
ANATOMY_INK = "#7a5a4e"
DETAIL = "#9a7566"
HAIR = "#8a7f78"
NAIL = "#f7e9e0"
#: the face: eyebrows, irises, lips
BROW = "#7d6458"
IRIS = "#7b8a93"
LIP = "#d39a8f"
LIP_EDGE = "#a4675d"
LIP_LINE = "#8c5750"


#: Path vertices closer than this (user units) to the line through their
#: neighbours are dropped: invisible at any zoom, and the art renders faster.
TOLERANCE = 0.02


#: The soft rims (see rim) are broad, faint bands: their outlines may stray further
#: from the silhouette and meet at bevels. Stroking them was most of a view's render
#: time, at every size.
RIM_TOLERANCE = 0.25
RIM_JOIN = "bevel"


class Canvas:
    """Collects SVG elements for one view; coordinates are given in frame B-cun."""

    def __init__(self, view: an.View) -> None:
        self.view = view
        self.base: list[str] = []
        self.art: list[str] = []
        # the anatomy layer: named parts (ribs, scapula, ...) drawn faintly over the
        # art and under the points; the window can hide it
        self.anatomy: dict[str, list[str]] = {}
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
        closed: bool = True,
    ) -> None:
        """A filled shape; ``closed=False`` leaves its closing edge unstroked."""
        d = (
            self.smooth(pts, closed=closed)
            if smooth
            else self.d(pts, closed=closed, tolerance=tolerance)
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

    def text(
        self,
        p: Point,
        label: str,
        size: float = 0.45,
        colour: str = "",
        layer: str = "art",
        anchor: str = "middle",
    ) -> None:
        """A short label (a vertebra's name) at p, its size in B-cun."""
        x, y = self.view.to_view(p)
        colour = colour or ANATOMY_INK
        self._add(
            layer,
            f'<text x="{x:.2f}" y="{y:.2f}" font-family="sans-serif" '
            f'font-size="{size * self.view.scale:.2f}" fill="{colour}" '
            f'text-anchor="{anchor}" stroke="none">{label}</text>',
        )

    def _add(self, layer: str, element: str) -> None:
        """Add to "base", "art" or a part of the anatomy layer ("anatomy-<part>")."""
        if layer.startswith("anatomy-"):
            self.anatomy.setdefault(layer, []).append(element)
        else:
            (self.base if layer == "base" else self.art).append(element)

    def anatomy_svg(self) -> list[str]:
        """The anatomy layer: a group of named groups, ``<g id="anatomy-ribs">``..."""
        if not self.anatomy:
            return []
        out = ['<g id="anatomy" fill="none">']
        for name in sorted(self.anatomy):
            out += [f'<g id="{name}">', *self.anatomy[name], "</g>"]
        return [*out, "</g>"]


def rim(
    c: Canvas, poly: Sequence[Point], width: float, opacity: float, closed: bool = True
) -> None:
    """Soft shading along an outline: nested strokes instead of a blur filter.

    (QtSvg refuses to buffer blur filters on large elements at high zoom.)
    ``closed=False`` leaves out the closing edge (one hidden inside another part).
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
            closed=closed,
        )


def anatomy_line(
    c: Canvas,
    part: str,
    pts: Sequence[Point],
    width: float = 0.55,
    opacity: float = 0.35,
    smooth: bool = True,
) -> None:
    """A faint line of the anatomy layer, in the part ``anatomy-<part>``."""
    c.line(pts, width, colour=ANATOMY_INK, opacity=opacity, smooth=smooth, layer=f"anatomy-{part}")


def mirror(pts: Iterable[Point], sign: int) -> list[Point]:
    return [(sign * x, y) for x, y in pts]


def sides(frame: str) -> tuple[int, int]:
    """Screen sign of the figure's (right, left) side."""
    return (-1, 1) if frame == "front" else (1, -1)
