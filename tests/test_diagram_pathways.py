"""Channel courses on the diagram: drawn from the `pathways` table, a smooth curve
per branch that runs through its points and never overshoots them."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pytest
from PySide6.QtGui import QPainterPath
from pytestqt.qtbot import QtBot

from atlas.core import Atlas
from atlas.diagram.pathways import Point, curve_segments
from atlas.diagram.sources import DiagramData
from atlas.diagram.view import DiagramView


def sampled(points: Sequence[Point], steps: int = 40) -> list[list[Point]]:
    """The curve through the points, sampled, one list per segment."""
    out: list[list[Point]] = []
    start = points[0]
    for c1, c2, end in curve_segments(points):
        run = []
        for k in range(steps + 1):
            t = k / steps
            u = 1 - t
            run.append(
                (
                    u**3 * start[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * end[0],
                    u**3 * start[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * end[1],
                )
            )
        out.append(run)
        start = end
    return out


def off_chord(p: Point, a: Point, b: Point) -> float:
    """How far p lies from the segment a-b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def on_curve_points(path: QPainterPath) -> list[Point]:
    """The points a drawn path runs through: where it starts and where each cubic ends."""
    elements = [path.elementAt(i) for i in range(path.elementCount())]
    return [(round(e.x, 3), round(e.y, 3)) for i, e in enumerate(elements) if i % 3 == 0]


def test_the_curve_runs_through_every_point_in_order() -> None:
    points = [(0.0, 0.0), (10.0, 4.0), (20.0, 0.0), (25.0, 12.0), (25.0, 30.0)]
    ends = [end for _c1, _c2, end in curve_segments(points)]
    assert ends == points[1:]
    assert curve_segments(points[:2]) == [(points[0], points[1], points[1])]  # a straight line


@pytest.mark.parametrize(
    "points",
    [
        [(0.0, 0.0), (100.0, 0.0), (101.0, 3.0)],  # a long run, then a sharp short turn
        [(0.0, 0.0), (100.0, 0.0), (102.0, 2.0), (0.0, 4.0)],  # a hairpin
        [(0.0, 0.0), (0.0, 100.0), (2.0, 101.0), (4.0, 100.0), (4.0, 0.0)],  # up and back down
        [(0.0, 0.0), (50.0, 0.0), (52.0, 1.0), (60.0, 30.0)],
    ],
)
def test_a_sharp_turn_beside_a_long_segment_makes_no_loop_or_hook(points: list[Point]) -> None:
    """The curve keeps within a tenth of the shortest segment of the box around
    the points, and within 15% of it of the polygon (the uniform spline swings 7
    to 12 units out here, past the turn)."""
    shortest = min(math.dist(a, b) for a, b in itertools.pairwise(points))
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    for run in sampled(points):
        for p in run:
            outside = max(min(xs) - p[0], p[0] - max(xs), min(ys) - p[1], p[1] - max(ys))
            assert outside <= 0.1 * shortest, p
            away = min(off_chord(p, a, b) for a, b in itertools.pairwise(points))
            assert away <= 0.15 * shortest, p


@pytest.fixture(scope="module")
def data(atlas: Atlas) -> DiagramData:
    return DiagramData.from_atlas(atlas)


def test_every_course_keeps_close_to_its_points(data: DiagramData) -> None:
    """Each drawn segment of every branch on every view stays within 15% of its
    length of the straight line between its two points: no bulge, loop or hook."""
    for info in data.views:
        for pathway in data.pathways_of(info.id):
            points = pathway.points
            for i, run in enumerate(sampled(points, 20)):
                a, b = points[i], points[i + 1]
                worst = max(off_chord(p, a, b) for p in run)
                assert worst <= 0.15 * math.dist(a, b), (info.id, pathway.channel, pathway.branch)


def test_the_diagram_draws_the_courses_of_the_pathways_table(
    qtbot: QtBot, atlas: Atlas, data: DiagramData
) -> None:
    """On every view, each channel's curves are its branches in the table, through
    their points in order, and nothing else: no line joins points in code order,
    and extra points are never joined."""
    view = DiagramView(atlas, data=data)
    qtbot.addWidget(view)
    view.resize(400, 700)
    drawn_somewhere = set()
    for view_id in view.views():
        view.set_view(view_id)
        branches: dict[str, list[tuple[Point, ...]]] = {}
        for pathway in data.pathways_of(view_id):
            branches.setdefault(pathway.channel, []).append(pathway.points)
        assert set(view.pathway_channels()) == set(branches), view_id
        assert not view.channel_path_items("EX")
        for channel, runs in branches.items():
            curves = [on_curve_points(item.path()) for item in view.channel_path_items(channel)]
            expected = [  # a course clipped at a detail view's edge may end there twice
                [
                    (round(x, 3), round(y, 3))
                    for i, (x, y) in enumerate(run)
                    if run[i - 1 : i] != [(x, y)]
                ]
                for run in map(list, runs)
            ]
            assert sorted(curves) == sorted(expected), (view_id, channel)
            drawn_somewhere.add(channel)
    assert {"LU", "LI", "ST", "SP", "HT", "SI", "BL"} <= drawn_somewhere


def test_bl_on_the_back_joins_the_two_lines_at_bl40(
    qtbot: QtBot, atlas: Atlas, data: DiagramData
) -> None:
    """BL's inner and outer lines both come down to BL40 on each side, and no line
    runs from the knee back up to the outer line at T2 (BL40 to BL41 in code order)."""
    view = DiagramView(atlas, data=data)
    qtbot.addWidget(view)
    view.set_view("back")
    where = {(p.code, p.side): (p.x, p.y) for p in data.placements_of("back")}
    curves = [on_curve_points(item.path()) for item in view.channel_path_items("BL")]
    for side in ("left", "right"):
        bl40, bl41 = where[("BL40", side)], where[("BL41", side)]
        meeting = [c for c in curves if any(math.dist(p, bl40) < 0.01 for p in c)]
        assert len(meeting) >= 2, side  # the inner and the outer line
        for curve in curves:
            for a, b in itertools.pairwise(curve):
                assert {a, b} != {bl40, bl41}
