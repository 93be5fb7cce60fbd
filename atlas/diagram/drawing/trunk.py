"""The trunk's anatomy layer on the front, back and side frames.

Everything here is drawn from :mod:`atlas.core.anatomy.trunk`, the same curves
the landmarks come from, so a point placed in an intercostal space lies between
the ribs as drawn. Faint ink only: points and channels come first.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from atlas.core import anatomy as an
from atlas.core.anatomy import trunk as tk
from atlas.core.anatomy.levels import SPINE
from atlas.diagram.drawing.canvas import ANATOMY_INK, Canvas, mirror, sides

Point = tuple[float, float]

#: stroke opacity of bone, of cartilage and soft parts, and the faint fill of bone
BONE = 0.34
SOFT = 0.22
FILL = 0.035
#: the vertebrae named on the back, as the location texts count from them
NAMED_VERTEBRAE = ("C7", "T3", "T7", "L2", "L4", "S2")
LABEL_INK = "#9a7b6e"


def _band(centre: Sequence[Point], halves: Sequence[float]) -> list[list[Point]]:
    """The upper and lower edges of a band round a centre line (vertical offsets)."""
    upper = [(x, y - h) for (x, y), h in zip(centre, halves, strict=True)]
    lower = [(x, y + h) for (x, y), h in zip(centre, halves, strict=True)]
    return [upper, lower]


def _tapered(run: Sequence[Point], half: float, at_end: bool, at_start: bool) -> list[float]:
    """Half-thickness along a run, narrowing over its last 0.7 B-cun (at either end)
    where the rib turns out of sight round the side of the chest or under the back
    muscles."""
    along = [0.0]
    for a, b in itertools.pairwise(run):
        along.append(along[-1] + math.dist(a, b))
    total = along[-1]
    out = []
    for s in along:
        f = 1.0
        if at_end:
            f = min(f, 0.3 + 0.7 * min(1.0, (total - s) / 0.7))
        if at_start:
            f = min(f, 0.3 + 0.7 * min(1.0, s / 0.7))
        out.append(half * f)
    return out


def _outside(
    pts: Sequence[Point], holes: Sequence[Sequence[Point]], margin: float = 0.0
) -> list[list[Point]]:
    """The runs of a (smoothed) polyline that lie outside every hole, with a margin
    above and below."""
    dense = an.catmull_rom(pts, steps=6) if len(pts) > 2 else list(pts)
    runs: list[list[Point]] = [[]]
    for x, y in dense:
        probes = [(x, y), (x, y - margin), (x, y + margin)] if margin else [(x, y)]
        if any(an.point_in_polygon(q, hole) for hole in holes for q in probes):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((x, y))
    return [run for run in runs if len(run) > 1]


class AnatomyLayer:
    """Draws faint parts into the anatomy layer, only those the view's crop shows."""

    def __init__(self, c: Canvas) -> None:
        self.c = c
        v = c.view
        self.box = (v.x0 - 1.0, v.y0 - 1.0, v.x1 + 1.0, v.y1 + 1.0)

    def seen(self, pts: Sequence[Point]) -> bool:
        x0, y0, x1, y1 = self.box
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return min(xs) <= x1 and max(xs) >= x0 and min(ys) <= y1 and max(ys) >= y0

    def line(
        self,
        part: str,
        pts: Sequence[Point],
        opacity: float = BONE,
        width: float = 0.5,
        holes: Sequence[Sequence[Point]] = (),
        dash: str = "",
    ) -> None:
        """A stroke (smooth through its points), broken where it passes under a hole."""
        runs = _outside(pts, holes) if holes else [an.catmull_rom(pts, steps=6)]
        for run in runs:
            if self.seen(run):
                self.c.line(run, width, ANATOMY_INK, opacity, False, f"anatomy-{part}", dash)

    def bone(
        self,
        part: str,
        outline: Sequence[Point],
        opacity: float = BONE,
        fill: float = FILL,
        smooth: bool = True,
        width: float = 0.4,
    ) -> None:
        """A closed outline, faintly filled (no outline at opacity 0)."""
        pts = an.catmull_rom(outline, closed=True, steps=5) if smooth else list(outline)
        if self.seen(pts):
            colour = ANATOMY_INK if fill else "none"
            self.c.shape(pts, colour, fill, stroke=ANATOMY_INK if opacity else "",
                         width=width, layer=f"anatomy-{part}",
                         extra=f' stroke-opacity="{opacity}"' if opacity else "")  # fmt: skip

    def edges(self, part: str, lines: Sequence[Sequence[Point]], opacity: float) -> None:
        """Several fine open strokes as one element (a rib's upper and lower edges)."""
        d = " ".join(self.c.d(line) for line in lines)
        self.c.anatomy.setdefault(f"anatomy-{part}", []).append(
            f'<path d="{d}" fill="none" stroke="{ANATOMY_INK}" stroke-width='
            f'"{self.c.lw * 0.32:.2f}" stroke-opacity="{opacity}" stroke-linecap="round"/>'
        )

    def spine_of_ilium(self, p: Point, part: str) -> None:
        """A bony point felt under the skin (the iliac spines): a small faint ring."""
        self.bone(part, ring(p, 0.2, 0.16), BONE, FILL * 2)

    def text(self, part: str, p: Point, label: str, size: float, anchor: str = "middle") -> None:
        """A name, its size in B-cun on a full view (smaller in B-cun on a magnified
        detail view, so that it reads about as large on screen)."""
        if self.seen([p]):
            size /= self.c.k**0.6
            self.c.text(p, label, size, LABEL_INK, f"anatomy-{part}", anchor)


def _ribs(ink: AnatomyLayer, frame: str, sign: int, holes: Sequence[Sequence[Point]] = ()) -> None:
    """Each rib as a faint band between two fine edges, its costal cartilage fainter
    and slimmer, narrowing where it turns out of sight at the side of the chest."""
    # the 1st rib hides under the clavicle, and behind under the trapezius; in front
    # the 9th and 10th turn out of sight where they meet the costal margin
    shown = range(1, 9) if frame == "front" else range(2, 13)
    for n in shown:
        for cartilage in (False, True):
            centre = tk.rib_on(frame, n, cartilage)
            if len(centre) < 2:
                continue
            half = tk.CARTILAGE_HALF if cartilage else tk.RIB_HALF[n]
            if frame != "side":
                centre = mirror(centre, sign)
            runs = _outside(centre, holes, half) if holes else [list(centre)]
            for run in runs:
                lateral_end = frame != "front" or not cartilage
                upper, lower = _band(run, _tapered(run, half, lateral_end, frame == "back"))
                if not ink.seen(upper + lower):
                    continue
                # behind, the ribs lie under the back muscles: fainter, unfilled
                if frame != "back":
                    fill = FILL * (0.5 if cartilage else 1.0)
                    ink.bone("ribs", upper + lower[::-1], 0.0, fill, smooth=False)
                ink.edges("ribs", [upper, lower], SOFT if cartilage or frame == "back" else BONE)


def ring(centre: Point, rx: float, ry: float | None = None) -> list[Point]:
    """An ellipse as the corners of a closed outline."""
    x, y = centre
    ry = rx if ry is None else ry
    return [
        (x + rx * math.cos(t), y + ry * math.sin(t)) for t in (k * math.pi / 8 for k in range(16))
    ]


def _whole(half: Sequence[Point], frame: str) -> list[Point]:
    """A bone across the median line from its right half (ends on the median line)."""
    right, left = sides(frame)
    return mirror(half, right) + mirror(list(reversed(half))[1:-1], left)


# ---------------------------------------------------------------- front


def draw_trunk_front(c: Canvas) -> None:
    """Sternum, ribs and cartilages, costal margin, clavicles and acromia, pectoral
    borders, iliac crests and the anterior superior iliac spines, the pubic crest
    and the umbilicus."""
    ink = AnatomyLayer(c)
    ink.bone("sternum", _whole(an.catmull_rom(tk.STERNUM, steps=4), "front"), smooth=False)
    for y in (tk.STERNAL_ANGLE, an.LEVEL["xiphisternal_junction"]):
        w = tk.sternum_half(y)
        ink.line("sternum", [(-w, y), (w, y)], SOFT, 0.35)
    # medially the costal margin is the lower edge of the 7th cartilage
    margin = [(lat, tk.costal_y(lat)) for lat in (3.9, 4.6, 5.3, 5.7)]
    right, left = sides("front")
    for s in (right, left):
        _ribs(ink, "front", s)
        ink.line("ribs", mirror(margin, s))
        clavicle = an.catmull_rom(mirror(tk.CLAVICLE_FRONT, s), steps=6)
        upper, lower = _band(clavicle, [tk.CLAVICLE_HALF] * len(clavicle))
        ink.bone("clavicle", upper + lower[::-1], smooth=False)
        ink.bone("acromion", mirror(tk.ACROMION_FRONT, s))
        ink.line("pectoral", mirror(tk.PECTORAL_FRONT, s), SOFT)
        ink.line("iliac_crest", mirror(tk.ILIAC_CREST_FRONT, s))
        ink.spine_of_ilium((s * tk.ASIS_FRONT[0], tk.ASIS_FRONT[1]), "asis")
    ink.line("pelvis", mirror(tk.PUBIC_CREST[::-1], right) + mirror(tk.PUBIC_CREST[1:], left))
    ink.bone("umbilicus", ring((0.0, an.LEVEL["umbilicus"]), 0.45), SOFT)


# ---------------------------------------------------------------- back


def draw_trunk_back(c: Canvas) -> None:
    """Spinous processes and the names of those the texts count from, ribs,
    scapulae, the lower trapezius, iliac crests and the posterior superior iliac
    spines, the sacrum with its foramina and hiatus, and the coccyx."""
    ink = AnatomyLayer(c)
    _, left = sides("back")
    for name, y in SPINE.items():
        if name == "coccyx" or (name.startswith("C") and name != "C7"):
            continue
        # a spinous process seen from behind: a small oval, its tip at the level
        rx, ry = (0.16, 0.22) if name.startswith("S") else (0.2, 0.3)
        ink.bone("spine", ring((0.0, y - ry * 0.6), rx, ry))
        if name in NAMED_VERTEBRAE:
            ink.text("spine", (left * 1.0, y + 0.16), name, 0.48)
    for s in sides("back"):
        scapula = mirror(tk.SCAPULA, s)
        _ribs(ink, "back", s, holes=[an.catmull_rom(scapula, closed=True, steps=5)])
        ink.bone("scapula", scapula)
        spine = mirror(tk.SCAPULAR_SPINE_UPPER, s) + mirror(reversed(tk.SCAPULAR_SPINE_LOWER), s)
        ink.bone("scapula", spine, fill=FILL * 2, smooth=False)
        ink.bone("acromion", mirror(tk.ACROMION_BACK, s))
        ink.line("trapezius", mirror(tk.TRAPEZIUS_LOWER, s), SOFT)
        ink.line("iliac_crest", mirror(tk.ILIAC_CREST_BACK, s))
        ink.spine_of_ilium((s * tk.PSIS[0], tk.PSIS[1]), "pelvis")
        for x, y in tk.SACRAL_FORAMINA:
            ink.bone("sacral_foramina", ring((s * x, y), 0.19, 0.14), SOFT)
    top, apex = tk.SACRUM[0][1], tk.SACRUM[-1][1]
    ink.bone("sacrum", _whole([(0.0, top), *tk.SACRUM, (0.0, apex)], "back"))
    ink.bone("sacrum", _whole([(0.0, tk.COCCYX[0][1]), *tk.COCCYX], "back"), fill=FILL * 2)
    # the sacral hiatus, an arch open downward between the cornua
    h = tk.SACRAL_HIATUS
    hiatus = [(-0.3, h + 0.45), (-0.22, h), (0.0, h - 0.15), (0.22, h), (0.3, h + 0.45)]
    ink.line("sacrum", hiatus, width=0.4)


# ---------------------------------------------------------------- side


def draw_trunk_side(c: Canvas) -> None:
    """Ribs and the costal margin, the midaxillary line, clavicle and acromion,
    the pectoral border, the iliac crest and the anterior superior iliac spine,
    kept clear of the raised arm."""
    ink = AnatomyLayer(c)
    geo = an.frame_geometry("side")
    holes = [geo.outlines["arm"]] if "arm" in geo.outlines else []
    _ribs(ink, "side", 1, holes)
    a = tk.rib_reach(7)
    margin = [tk.front_to_side(lat, tk.costal_y(lat), a) for lat in (3.9, 4.6, 5.2, 5.5)]
    ink.line("ribs", margin, holes=holes)
    top = an.LANDMARKS["side"]["axilla_apex"][1] + 0.6
    axillary = [(tk.MIDAXILLARY_Z, top), (tk.MIDAXILLARY_Z, 33.6)]
    ink.line("midaxillary", axillary, SOFT, 0.45, holes, dash="3 2.5")
    ink.line("clavicle", tk.CLAVICLE_SIDE, width=0.9, holes=holes)
    ink.bone("acromion", tk.ACROMION_SIDE)
    ink.line("pectoral", tk.PECTORAL_SIDE, SOFT, holes=holes)
    ink.line("iliac_crest", tk.ILIAC_CREST_SIDE)
    ink.spine_of_ilium(tk.ASIS_SIDE, "asis")
