"""The lower limb: the medial view of the leg, its anatomy layer, and the window
showing the inner leg's points apart."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from atlas.core import anatomy as an
from atlas.core import build, paths
from atlas.ui import MainWindow

INNER_LEG = ["SP3", "SP4", "SP5", "SP6", "SP7", "SP8", "SP9", "SP10", "KI2", "KI3", "KI4",
             "KI5", "KI6", "KI7", "KI8", "KI9", "KI10", "LR4", "LR5", "LR6", "LR7", "LR8",
             "EX-LE8"]  # fmt: skip


@pytest.fixture(scope="module")
def placements() -> list[dict[str, Any]]:
    return list(build.load_sources().diagram["placements"])


def _on(placements: list[dict[str, Any]], view_id: str) -> dict[str, tuple[float, float]]:
    """code -> position in B-cun on a view (single points, right side or midline)."""
    scale = an.VIEW_BY_ID[view_id].scale
    return {
        r["code"]: (r["x"] / scale, r["y"] / scale)
        for r in placements
        if r["view"] == view_id and r["part"] is None and r["side"] != "left"
    }


def test_the_medial_view_shows_the_inner_leg(placements: list[dict[str, Any]]) -> None:
    shown = _on(placements, "leg_medial")
    assert set(INNER_LEG) <= set(shown)
    # crowded within 0.2 B-cun on the front view's inner edge, apart here
    key = ["SP6", "SP9", "KI3", "KI7", "LR5"]
    for a, b in itertools.combinations(key, 2):
        assert math.dist(shown[a], shown[b]) >= 0.6, (a, b)


def test_the_foot_medial_view_is_a_closer_crop_of_the_same_leg(
    placements: list[dict[str, Any]],
) -> None:
    leg, foot = an.VIEW_BY_ID["leg_medial"], an.VIEW_BY_ID["foot_medial"]
    assert leg.frame == foot.frame == "medial" and foot.scale > leg.scale
    assert {"SP6", "KI7", "KI8", "KI9", "LR5"} <= set(_on(placements, "foot_medial"))


def test_kidney_one_lies_a_third_of_the_way_from_the_toes_to_the_heel(
    placements: list[dict[str, Any]],
) -> None:
    marks = an.LANDMARKS["sole"]
    web, heel = marks["web_2_3"], marks["heel_back"]
    view = an.VIEW_BY_ID["sole"]
    x, y = _on(placements, "sole")["KI1"]
    along = (y + view.y0 - web[1]) / (heel[1] - web[1])
    assert along == pytest.approx(1 / 3, abs=0.02)
    assert x + view.x0 == pytest.approx(web[0], abs=0.1)


LOWER_LIMB_ANATOMY = {
    "front": {"greater_trochanter", "patella", "tibia", "fibula", "malleoli", "metatarsals"},
    "back": {"greater_trochanter", "gastrocnemius", "calcaneal_tendon", "fibula", "malleoli"},
    "side": {"greater_trochanter", "iliotibial_tract", "patella", "tibia", "fibula",
             "gastrocnemius", "calcaneal_tendon", "malleoli", "metatarsals"},
    "leg_medial": {"patella", "tibia", "gastrocnemius", "calcaneal_tendon", "malleoli",
                   "metatarsals"},
    "foot_dorsal": {"metatarsals", "malleoli"},
}  # fmt: skip


@pytest.mark.parametrize("view_id", sorted(LOWER_LIMB_ANATOMY))
def test_the_lower_limb_has_its_anatomy_layer(view_id: str) -> None:
    svg = (paths.assets_dir() / "views" / f"{view_id}.svg").read_text(encoding="utf-8")
    layer = svg[svg.index('<g id="anatomy"') :]
    parts = set(re.findall(r'<g id="anatomy-([a-z_]+)">', layer))
    assert LOWER_LIMB_ANATOMY[view_id] <= parts


def test_pick_the_medial_view_and_click_the_inner_leg_points(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    action = window.commands.views["leg_medial"]
    assert action.text() == "Right lower leg, medial"
    action.trigger()
    view = window.diagram
    assert view.current_view() == "leg_medial"
    for code in ("SP6", "KI7", "LR5", "KI3", "SP9"):
        pos = view.point_scene_pos(code)
        assert pos is not None, code
        view.centerOn(pos)
        with qtbot.waitSignal(window.pointSelected, timeout=2000) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(pos))
        assert blocker.args == [code]
        assert window.detail.code == code
