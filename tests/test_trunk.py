"""The trunk: its anatomy layer is in the view files, and the points that the
location texts put in an intercostal space lie between those ribs as drawn."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from atlas.core import anatomy as an
from atlas.core import build, paths, placement
from atlas.core.anatomy import trunk

Tables = dict[str, list[dict[str, Any]]]
SVG = "{http://www.w3.org/2000/svg}"

#: the parts of the trunk's anatomy layer each view shows
PARTS = {
    "front": {"ribs", "sternum", "clavicle", "pectoral", "pelvis", "umbilicus"},
    "back": {"spine", "ribs", "scapula", "trapezius", "pelvis", "sacrum"},
    "side": {"ribs", "midaxillary", "clavicle", "acromion", "pectoral", "iliac_crest", "asis"},
    "perineum": {"sacrum", "pelvis"},
}


@pytest.fixture(scope="module")
def tables() -> Tables:
    return build.load_sources().diagram


def _anatomy(view_id: str) -> ET.Element:
    root = ET.parse(paths.assets_dir() / "views" / f"{view_id}.svg").getroot()
    (layer,) = [g for g in root.iter(f"{SVG}g") if g.get("id") == "anatomy"]
    return layer


@pytest.mark.parametrize("view_id", sorted(PARTS))
def test_the_anatomy_layer_shows_the_trunk(view_id: str) -> None:
    parts = {g.get("id") for g in _anatomy(view_id).iter(f"{SVG}g")} - {"anatomy"}
    assert {f"anatomy-{part}" for part in PARTS[view_id]} <= parts


@pytest.mark.parametrize(("view_id", "names"), [("back", {"C7", "T3", "T7", "L2", "L4", "S2"}),
                                                ("head_back", {"C7"})])  # fmt: skip
def test_the_vertebrae_the_texts_count_from_are_named(view_id: str, names: set[str]) -> None:
    (spine,) = [g for g in _anatomy(view_id).iter(f"{SVG}g") if g.get("id") == "anatomy-spine"]
    assert names <= {t.text for t in spine.iter(f"{SVG}text")}


def _rib_edges(frame: str, n: int, x: float) -> tuple[float, float] | None:
    """The upper and lower edge of rib n where it crosses x (l on the front, z on the
    side); None where the rib has turned out of sight (the 1st, under the clavicle)."""
    for cartilage, half in ((False, trunk.RIB_HALF[n]), (True, trunk.CARTILAGE_HALF)):
        line = trunk.rib_on(frame, n, cartilage)
        for (x0, y0), (x1, y1) in itertools.pairwise(line):
            if min(x0, x1) <= x <= max(x0, x1) and x0 != x1:
                y = y0 + (y1 - y0) * (x - x0) / (x1 - x0)
                return y - half, y + half
    if frame == "front" and n == 8:  # its cartilage is the costal margin there
        return trunk.costal_y(x), trunk.costal_y(x) + 2 * trunk.CARTILAGE_HALF
    return None


def _in_a_space(tables: Tables) -> list[tuple[str, str, int]]:
    """(code, frame, n) for each point a locator puts in the n-th intercostal space."""
    found = []
    for code, locs in placement.load_locators(paths.source_dir()).items():
        for loc in locs:
            name = loc.spec.get("level") if loc.frame == "front" else loc.spec.get("at")
            m = re.fullmatch(r"ics(\d)(_axillary)?", str(name))
            if m and loc.frame in ("front", "side"):
                found.append((code, loc.frame, int(m.group(1))))
    return found


def test_points_in_an_intercostal_space_lie_between_its_ribs(
    tables: Tables,
) -> None:
    points = _in_a_space(tables)
    assert len(points) >= 20  # the chest lines of KI, ST, SP, LR, GB, LU and PC, and the flank
    for code, frame, n in points:
        view = an.VIEW_BY_ID[frame]
        (row,) = [
            r
            for r in tables["placements"]
            if r["code"] == code and r["view"] == frame and r["side"] in ("right", "midline")
        ]
        x, y = row["x"] / view.scale + view.x0, row["y"] / view.scale + view.y0
        x = abs(x) if frame == "front" else x
        upper, lower = _rib_edges(frame, n, x), _rib_edges(frame, n + 1, x)
        assert lower is not None and (upper is not None or n == 1), (code, frame)
        above = upper[1] if upper else -1.0
        assert above < y < lower[0], f"{code} is not in the space below rib {n} on the {frame} view"


def test_the_perineum_has_its_own_view(tables: Tables) -> None:
    views: dict[str, set[tuple[str, str]]] = {}
    for r in tables["placements"]:
        views.setdefault(r["code"], set()).add((r["view"], r["side"]))
    assert views["CV1"] == {("perineum", "midline")}
    assert views["GV1"] == {("back", "midline"), ("perineum", "midline")}


def test_open_huiyin_and_see_it_on_the_perineum(qtbot: QtBot, make_window: Any) -> None:
    """A user looks CV1 up by name: the diagram turns to the view that shows it,
    and its marker there opens it again."""
    window = make_window()
    window.open_point("GV20")  # somewhere else first
    edit = window.findChild(QLineEdit, "searchEdit")
    results = window.findChild(QAbstractItemView, "resultsView")
    qtbot.keyClicks(edit, "huiyin")
    qtbot.waitUntil(
        lambda: str(results.model().index(0, 0).data()).startswith("CV1 "), timeout=3000
    )
    with qtbot.waitSignal(window.pointSelected, timeout=2000) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args == ["CV1"]
    view = window.diagram
    assert view.current_view() == "perineum"
    window.open_point("GV1")
    pos = view.point_scene_pos("CV1")
    assert pos is not None
    view.centerOn(pos)
    with qtbot.waitSignal(window.pointSelected, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(pos))
    assert blocker.args == ["CV1"]
