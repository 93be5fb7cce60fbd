"""What the diagram widget draws, gathered from the atlas and the view SVGs.

The reference database holds the derived geometry (``placements``, one row per
location of a group, ``views``, ``landmarks``, ``measures``, and the channels'
courses, ``pathways`` and ``pathway_cues``); the view SVG files hold the art
and the clickable regions. This module reads both
into plain objects, tolerating tables that are not there yet, so the widget
never talks SQL and never crashes on a partial build.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from atlas.core import Atlas, AtlasDataError, paths

if TYPE_CHECKING:  # the SVG parser is imported when a file is read, not at start-up
    import xml.etree.ElementTree as ET

#: The full-body views, in the order a user expects them.
BODY_VIEWS = ("front", "back", "side")

_SVG_NS = "{http://www.w3.org/2000/svg}"


class ViewInfo(NamedTuple):
    """One view of the body: an SVG file and its size in user units."""

    id: str
    title: str
    kind: str  # "body" (full figure) or "detail"
    path: Path
    x: float
    y: float
    width: float
    height: float
    sort: int = 0
    spacing: float = 10.0  # typical distance between neighbouring markers (user units)

    @property
    def is_body(self) -> bool:
        return self.kind == "body"

    @property
    def short_title(self) -> str:
        """The title in a few words, for a cue on another view: 'Side (right lateral)' is
        'Side', 'Head and face, front' 'Head, front', 'Right hand, palmar' 'Hand, palmar'."""
        title = self.title.split(" (")[0]
        for side in ("Right ", "Left "):
            title = title.removeprefix(side)
        subject, comma, aspect = title.partition(", ")
        subject = subject.split(" and ")[0]
        return (subject[:1].upper() + subject[1:] + comma + aspect) if subject else self.title


class Placement(NamedTuple):
    code: str
    view: str
    x: float
    y: float
    side: str  # left, right or midline
    part: str | None = None  # one location of a group (EX-B2's T1 to L5); None: a single point


class Pathway(NamedTuple):
    """One branch of a channel's course on a view, on one side: the points its
    smooth curve runs through, in order (view units)."""

    channel: str
    view: str
    branch: str
    side: str
    points: tuple[tuple[float, float], ...]


class Cue(NamedTuple):
    """Where a branch leaves its view: the channel goes on in `to_view`."""

    channel: str
    view: str
    branch: str
    side: str
    end: str  # "start" or "end" of the branch
    x: float
    y: float
    to_view: str


class Measure(NamedTuple):
    """A measured segment of a point's location (for the measuring guide)."""

    code: str
    view: str
    side: str
    seq: int
    label: str
    x1: float
    y1: float
    x2: float
    y2: float
    cun: float
    unit: str
    tick_at: float | None
    part: str | None = None  # the location of a group it measures


class Landmark(NamedTuple):
    view: str
    id: str
    name: str
    x: float
    y: float


class RegionShape(NamedTuple):
    """A clickable region in a view: its element id and outline (polygons)."""

    element_id: str
    region: str  # the region id without -left/-right
    side: str  # left, right or ""
    polygons: tuple[tuple[tuple[float, float], ...], ...]


class DiagramData:
    """Everything the widget needs, indexed for quick look-up.

    The views are known at once (from the SVG files); each table is read on
    first use, so constructing the widget costs almost nothing and the first
    view does not wait for the measuring guides.
    """

    def __init__(
        self,
        views: list[ViewInfo] | None = None,
        placements: dict[str, list[Placement]] | None = None,
        measures: dict[tuple[str, str], list[Measure]] | None = None,
        landmarks: dict[str, dict[str, Landmark]] | None = None,
        pathways: dict[str, list[Pathway]] | None = None,
        cues: dict[str, list[Cue]] | None = None,
    ) -> None:
        self.views: list[ViewInfo] = views or []
        self._placements = placements
        self._view_placements: dict[str, list[Placement]] = {}  # read one view at a time
        self._pathways: dict[str, list[Pathway]] = dict(pathways or {})  # by view, read on use
        self._cues: dict[str, list[Cue]] = dict(cues or {})
        self._measures = measures
        self._landmarks = landmarks
        self._atlas: Atlas | None = None  # where the tables not given are read from

    @property
    def placements(self) -> dict[str, list[Placement]]:
        """Placements by view id."""
        if self._placements is None:
            self._placements = {}
            known = {v.id for v in self.views}
            for row in _rows(self._atlas, "placements"):
                placement = _placement(row)
                if placement is not None and placement.view in known:
                    self._placements.setdefault(placement.view, []).append(placement)
        return self._placements

    def placements_of(self, view_id: str) -> list[Placement]:
        """One view's placements. Until every view's are needed, a view's own are read
        alone: the first view drawn needs only its own (about 40% of all)."""
        if self._placements is not None:
            return self._placements.get(view_id, [])
        found = self._view_placements.get(view_id)
        if found is None:
            rows = _rows(self._atlas, "placements", {"view": view_id})
            found = [p for p in map(_placement, rows) if p is not None]
            self._view_placements[view_id] = found
        return found

    def pathways_of(self, view_id: str) -> list[Pathway]:
        """The channels' courses on a view: a `Pathway` per branch and side."""
        found = self._pathways.get(view_id)
        if found is None:
            found = _pathways(_rows(self._atlas, "pathways", {"view": view_id}))
            self._pathways[view_id] = found
        return found

    def cues_of(self, view_id: str) -> list[Cue]:
        """Where the courses on a view leave it for another view."""
        found = self._cues.get(view_id)
        if found is None:
            found = []
            for row in _rows(self._atlas, "pathway_cues", {"view": view_id}):
                try:
                    found.append(
                        Cue(
                            str(row["channel"]),
                            str(row["view"]),
                            str(row["branch"]),
                            str(row["side"]),
                            str(row["end"]),
                            float(row["x"]),
                            float(row["y"]),
                            str(row["to_view"]),
                        )
                    )
                except (KeyError, TypeError, ValueError):
                    continue
            self._cues[view_id] = found
        return found

    @property
    def measures(self) -> dict[tuple[str, str], list[Measure]]:
        """Measured segments by (code, view)."""
        if self._measures is None:
            self._measures = {}
            for row in _rows(self._atlas, "measures"):
                measure = _measure(row)
                if measure is not None:
                    self._measures.setdefault((measure.code, measure.view), []).append(measure)
            for items in self._measures.values():
                items.sort(key=lambda m: (m.side, m.seq))
        return self._measures

    @property
    def landmarks(self) -> dict[str, dict[str, Landmark]]:
        """Landmarks by view id, then landmark id."""
        if self._landmarks is None:
            self._landmarks = {}
            for row in _rows(self._atlas, "landmarks"):
                try:
                    mark = Landmark(
                        str(row["view"]),
                        str(row["id"]),
                        str(row.get("name") or row["id"]),
                        float(row["x"]),
                        float(row["y"]),
                    )
                except (KeyError, TypeError, ValueError):
                    continue
                self._landmarks.setdefault(mark.view, {})[mark.id] = mark
        return self._landmarks

    def view(self, view_id: str) -> ViewInfo | None:
        return next((v for v in self.views if v.id == view_id), None)

    def views_showing(self, code: str) -> list[str]:
        """The ids of the views that show a point, in view order."""
        return [
            v.id for v in self.views if any(p.code == code for p in self.placements.get(v.id, ()))
        ]

    @classmethod
    def from_atlas(cls, atlas: Atlas, views_dir: Path | None = None) -> DiagramData:
        folder = views_dir if views_dir is not None else paths.assets_dir() / "views"
        data = cls(views=discover_views(folder, _rows(atlas, "views")))
        data._atlas = atlas
        return data


def _rows(
    atlas: Atlas | None, table: str, where: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    if atlas is None:
        return []
    try:
        return atlas.table(table, where)
    except AtlasDataError:
        # damage that a rebuild could not mend: the diagram draws what it can, and the
        # reference check (atlas.ui.checkup) tells the user
        return []


def _placement(row: Mapping[str, Any]) -> Placement | None:
    try:
        return Placement(
            str(row["code"]),
            str(row["view"]),
            float(row["x"]),
            float(row["y"]),
            str(row.get("side") or "midline"),
            str(row["part"]) if row.get("part") else None,
        )
    except (KeyError, TypeError, ValueError):
        return None


def _pathways(rows: Iterable[Mapping[str, Any]]) -> list[Pathway]:
    """The rows of `pathways` (one per point) gathered into branches, points in order."""
    runs: dict[tuple[str, str, str, str], list[tuple[int, float, float]]] = {}
    try:
        for row in rows:
            key = (str(row["channel"]), str(row["view"]), str(row["branch"]), str(row["side"]))
            runs.setdefault(key, []).append((int(row["seq"]), float(row["x"]), float(row["y"])))
    except (KeyError, TypeError, ValueError):
        return []
    return [
        Pathway(*key, tuple((x, y) for _seq, x, y in sorted(points)))
        for key, points in runs.items()
        if len(points) > 1
    ]


def _measure(row: Mapping[str, Any]) -> Measure | None:
    try:
        tick = row.get("tick_at")
        return Measure(
            code=str(row["code"]),
            view=str(row["view"]),
            side=str(row.get("side") or "midline"),
            seq=int(row.get("seq") or 0),
            label=str(row.get("label") or ""),
            x1=float(row["x1"]),
            y1=float(row["y1"]),
            x2=float(row["x2"]),
            y2=float(row["y2"]),
            cun=float(row.get("cun") or 0.0),
            unit=str(row.get("unit") or "B-cun"),
            tick_at=float(tick) if tick not in (None, "") else None,
            part=str(row["part"]) if row.get("part") else None,
        )
    except (KeyError, TypeError, ValueError):
        return None


def view_title(view_id: str) -> str:
    """A readable title for a view id: 'hand_dorsal' -> 'Hand (dorsal)'."""
    special = {"front": "Front", "back": "Back", "side": "Side"}
    if view_id in special:
        return special[view_id]
    head, _, rest = view_id.partition("_")
    return f"{head.capitalize()} ({rest.replace('_', ' ')})" if rest else head.capitalize()


def discover_views(folder: Path, table_rows: Iterable[Mapping[str, Any]] = ()) -> list[ViewInfo]:
    """The views whose SVG exists, titled and ordered by the `views` table if present."""
    rows = {str(r.get("id")): r for r in table_rows if r.get("id")}
    found: list[ViewInfo] = []
    if not folder.is_dir():
        return found
    for svg in sorted(folder.glob("*.svg")):
        view_id = svg.stem
        row = rows.get(view_id, {})
        box = _table_box(row) or _view_box(svg)
        if box is None:
            continue
        kind = str(row.get("kind") or ("body" if view_id in BODY_VIEWS else "detail"))
        if kind not in ("body", "detail"):
            kind = "body" if kind in ("full", "figure") else "detail"
        default_sort = BODY_VIEWS.index(view_id) if view_id in BODY_VIEWS else 100
        sort = row.get("sort")
        spacing = row.get("spacing")
        found.append(
            ViewInfo(
                id=view_id,
                title=str(row.get("title") or view_title(view_id)),
                kind=kind,
                path=svg,
                x=box[0],
                y=box[1],
                width=box[2],
                height=box[3],
                sort=int(sort) if isinstance(sort, int | float) else default_sort,
                spacing=float(spacing)
                if isinstance(spacing, int | float) and spacing > 0
                else 10.0,
            )
        )
    found.sort(key=lambda v: (v.sort, v.id))
    return found


def _table_box(row: Mapping[str, Any]) -> tuple[float, float, float, float] | None:
    """A view's box from the `views` table (the generated SVGs start at 0, 0)."""
    width, height = row.get("width"), row.get("height")
    if not (isinstance(width, int | float) and isinstance(height, int | float)):
        return None
    return (0.0, 0.0, float(width), float(height)) if min(width, height) > 0 else None


def _view_box(svg: Path) -> tuple[float, float, float, float] | None:
    """The viewBox of an SVG file (read from its root element only)."""
    import xml.etree.ElementTree as ET

    try:
        for _event, elem in ET.iterparse(svg, events=("start",)):
            box = elem.get("viewBox")
            if box:
                numbers = [float(n) for n in re.split(r"[\s,]+", box.strip())]
                if len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0:
                    return numbers[0], numbers[1], numbers[2], numbers[3]
            width, height = _length(elem.get("width")), _length(elem.get("height"))
            if width and height:
                return 0.0, 0.0, width, height
            return None
    except (ET.ParseError, OSError, ValueError):
        return None
    return None


def _length(text: str | None) -> float | None:
    if not text:
        return None
    match = re.match(r"\s*([0-9.]+)", text)
    return float(match.group(1)) if match else None


# ------------------------------------------------------------------ regions


def read_regions(svg: Path) -> list[RegionShape]:
    """The `region-...` elements of a view SVG, as polygons in user units."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(svg).getroot()
    except (ET.ParseError, OSError):
        return []
    shapes: list[RegionShape] = []
    for elem in root.iter():
        element_id = elem.get("id") or ""
        if not element_id.startswith("region-"):
            continue
        polygons = _element_polygons(elem)
        if elem.tag.replace(_SVG_NS, "") == "g":  # a group of shapes
            polygons = [poly for child in elem.iter() for poly in _element_polygons(child)]
        polygons = [p for p in polygons if len(p) >= 3]
        if not polygons:
            continue
        name = element_id[len("region-") :]
        side = ""
        for suffix in ("-left", "-right"):
            if name.endswith(suffix):
                name, side = name[: -len(suffix)], suffix[1:]
        shapes.append(
            RegionShape(element_id, name, side, tuple(tuple(p) for p in polygons)),
        )
    return shapes


def _element_polygons(elem: ET.Element) -> list[list[tuple[float, float]]]:
    tag = elem.tag.replace(_SVG_NS, "")
    try:
        if tag in ("polygon", "polyline"):
            numbers = [float(n) for n in re.findall(_NUMBER, elem.get("points", ""))]
            return [list(zip(numbers[0::2], numbers[1::2], strict=False))]
        if tag == "path":
            return path_polygons(elem.get("d", ""))
        if tag == "rect":
            x, y = float(elem.get("x", 0)), float(elem.get("y", 0))
            w, h = float(elem.get("width", 0)), float(elem.get("height", 0))
            return [[(x, y), (x + w, y), (x + w, y + h), (x, y + h)]]
        if tag in ("circle", "ellipse"):
            cx, cy = float(elem.get("cx", 0)), float(elem.get("cy", 0))
            rx = float(elem.get("rx", elem.get("r", 0)))
            ry = float(elem.get("ry", elem.get("r", 0)))
            return [
                [
                    (cx + rx * math.cos(t * math.pi / 24), cy + ry * math.sin(t * math.pi / 24))
                    for t in range(48)
                ]
            ]
    except ValueError:
        return []
    return []


_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TOKEN = re.compile(rf"([MmLlHhVvCcSsQqTtAaZz])|({_NUMBER})")


def path_polygons(d: str, steps: int = 8) -> list[list[tuple[float, float]]]:
    """Flatten SVG path data into polygons (one per subpath); curves are sampled."""
    tokens = [(m.group(1), m.group(2)) for m in _TOKEN.finditer(d)]
    polygons: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_ctrl: tuple[float, float] | None = None
    command = ""
    i = 0

    def nums(count: int) -> list[float]:
        nonlocal i
        out = []
        for _ in range(count):
            if i >= len(tokens) or tokens[i][1] is None:
                raise ValueError("short path data")
            out.append(float(tokens[i][1]))
            i += 1
        return out

    Pt = tuple[float, float]

    def cubic(p0: Pt, p1: Pt, p2: Pt, p3: Pt) -> None:
        for s in range(1, steps + 1):
            t = s / steps
            u = 1 - t
            current.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )

    try:
        while i < len(tokens):
            letter, _num = tokens[i]
            if letter:
                command = letter
                i += 1
                if command in "Zz":
                    if current:
                        polygons.append(current)
                    current = []
                    x, y = start
                    last_ctrl = None
                    continue
            elif not command:
                break
            rel = command.islower()
            ox, oy = (x, y) if rel else (0.0, 0.0)
            c = command.upper()
            if c == "M":
                if current:
                    polygons.append(current)
                px, py = nums(2)
                x, y = ox + px, oy + py
                start = (x, y)
                current = [(x, y)]
                command = "l" if rel else "L"
                last_ctrl = None
            elif c == "L":
                px, py = nums(2)
                x, y = ox + px, oy + py
                current.append((x, y))
                last_ctrl = None
            elif c == "H":
                (px,) = nums(1)
                x = ox + px
                current.append((x, y))
                last_ctrl = None
            elif c == "V":
                (py,) = nums(1)
                y = oy + py
                current.append((x, y))
                last_ctrl = None
            elif c == "C":
                a = nums(6)
                p1 = (ox + a[0], oy + a[1])
                p2 = (ox + a[2], oy + a[3])
                p3 = (ox + a[4], oy + a[5])
                cubic((x, y), p1, p2, p3)
                last_ctrl = p2
                x, y = p3
            elif c == "S":
                a = nums(4)
                p1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                p2 = (ox + a[0], oy + a[1])
                p3 = (ox + a[2], oy + a[3])
                cubic((x, y), p1, p2, p3)
                last_ctrl = p2
                x, y = p3
            elif c in "QT":
                if c == "Q":
                    a = nums(4)
                    q = (ox + a[0], oy + a[1])
                    end = (ox + a[2], oy + a[3])
                else:
                    a = nums(2)
                    q = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                    end = (ox + a[0], oy + a[1])
                p1 = (x + 2 / 3 * (q[0] - x), y + 2 / 3 * (q[1] - y))
                p2 = (end[0] + 2 / 3 * (q[0] - end[0]), end[1] + 2 / 3 * (q[1] - end[1]))
                cubic((x, y), p1, p2, end)
                last_ctrl = q
                x, y = end
            elif c == "A":  # arcs: approximated by their chord (regions rarely use them)
                a = nums(7)
                x, y = ox + a[5], oy + a[6]
                current.append((x, y))
                last_ctrl = None
            else:
                i += 1
    except ValueError:
        pass
    if current:
        polygons.append(current)
    return polygons
