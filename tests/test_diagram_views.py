"""The body-view SVGs: they load, render, are up to date and their regions tile the figure."""

from __future__ import annotations

import os
import re
import tomllib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from atlas.core import anatomy as an
from atlas.core import paths
from atlas.diagram import drawing

VIEWS = [v.id for v in an.VIEWS]
REGION_IDS = {
    r["id"]
    for r in tomllib.loads((paths.source_dir() / "regions.toml").read_text("utf-8"))["regions"]
}
_REGION_RE = re.compile(r'id="region-([a-z_]+?)(?:-(left|right))?"')


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    """The one QApplication pytest-qt manages (never a second, different one)."""
    return qapp


def _svg(view_id: str) -> str:
    return (paths.assets_dir() / "views" / f"{view_id}.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("view_id", VIEWS)
def test_view_loads_and_renders(app: QApplication, view_id: str) -> None:
    renderer = QSvgRenderer(str(paths.assets_dir() / "views" / f"{view_id}.svg"))
    assert renderer.isValid()
    view = an.VIEW_BY_ID[view_id]
    # the diagram places the figure in the view's box, so the two must agree
    assert renderer.viewBoxF() == QRectF(0, 0, view.width, view.height)
    assert renderer.defaultSize().toSizeF() == QSizeF(view.width, view.height)
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, 200, 5) for y in range(0, 200, 5)}
    assert len(colours) > 3, "the view rendered blank"


@pytest.mark.parametrize("view_id", VIEWS)
def test_view_svg_is_up_to_date(view_id: str) -> None:
    assert _svg(view_id) == drawing.render_view(an.VIEW_BY_ID[view_id]), (
        "assets/views is stale: run python -m atlas.diagram.drawing"
    )


@pytest.mark.parametrize("view_id", VIEWS)
def test_region_ids(app: QApplication, view_id: str) -> None:
    text = _svg(view_id)
    found = _REGION_RE.findall(text)
    assert found
    for region, _side in found:
        assert region in REGION_IDS
    renderer = QSvgRenderer(str(paths.assets_dir() / "views" / f"{view_id}.svg"))
    for rid in an.view_regions(an.VIEW_BY_ID[view_id]):
        assert renderer.elementExists(f"region-{rid}")
        assert not renderer.transformForElement(f"region-{rid}").isScaling()


def test_full_views_have_the_main_regions() -> None:
    front = set(an.view_regions(an.VIEW_BY_ID["front"]))
    back = set(an.view_regions(an.VIEW_BY_ID["back"]))
    side = set(an.view_regions(an.VIEW_BY_ID["side"]))
    assert {"head", "face", "neck", "chest", "abdomen", "knee-left", "knee-right"} <= front
    assert {"upper_back", "lower_back", "sacral", "buttock-left", "buttock-right"} <= back
    assert {"axilla-right", "ear-right", "sole-right", "toes-right"} <= side


def _outlines(view: an.View) -> list[an.Polygon]:
    geo = an.frame_geometry(view.frame)
    return [[view.to_view(p) for p in poly] for poly in geo.outlines.values()]


@pytest.mark.parametrize("view_id", VIEWS)
def test_regions_tile_without_overlap_or_gap(view_id: str) -> None:
    """Sampled on a grid: no point of the figure in two regions, none in no region."""
    view = an.VIEW_BY_ID[view_id]
    pieces = [
        (rid, piece, _box(piece)) for rid, shape in an.view_regions(view).items() for piece in shape
    ]
    outlines = [(poly, _box(poly)) for poly in _outlines(view)]
    step = max(view.width, view.height) / 160
    overlaps, inside, gaps = [], 0, []
    for j in range(int(view.height / step)):
        y = (j + 0.5) * step
        for i in range(int(view.width / step)):
            x = (i + 0.5) * step
            hits = {
                rid
                for rid, piece, box in pieces
                if _in_box((x, y), box) and an.point_in_polygon((x, y), piece)
            }
            if len(hits) > 1:
                overlaps.append(((x, y), sorted(hits)))
            if any(_in_box((x, y), box) and an.point_in_polygon((x, y), p) for p, box in outlines):
                inside += 1
                if not hits:
                    gaps.append((x, y))
    assert not overlaps, overlaps[:5]
    assert inside > 0
    # a sample may fall in a hairline sliver where two outlines meet
    assert len(gaps) <= 2, gaps[:10]


def _box(poly: an.Polygon) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in poly], [p[1] for p in poly]
    return min(xs), min(ys), max(xs), max(ys)


def _in_box(p: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


@pytest.mark.parametrize("view_id", ["hand_dorsal", "hand_palmar"])
def test_hand_views_show_the_hand_and_forearm_only(view_id: str) -> None:
    regions = set(an.view_regions(an.VIEW_BY_ID[view_id]))
    assert regions == {"forearm-right", "wrist-right", "hand-right", "fingers-right"}


_UPPER_LIMB = {
    "front": {"deltoid", "biceps", "cubital_crease", "epicondyles", "wrist_tendons",
              "radial_styloid", "metacarpals", "thenar", "hypothenar"},
    "back": {"deltoid", "olecranon", "epicondyles", "radial_styloid", "ulnar_head",
             "metacarpals"},
    "side": {"deltoid", "olecranon", "epicondyles", "radial_styloid", "ulnar_head",
             "metacarpals"},
    "hand_palmar": {"wrist_tendons", "radial_styloid", "metacarpals", "thenar", "hypothenar"},
    "hand_dorsal": {"radial_styloid", "ulnar_head", "metacarpals"},
}  # fmt: skip


@pytest.mark.parametrize("view_id", sorted(_UPPER_LIMB))
def test_the_upper_limb_has_its_anatomy_layer(view_id: str) -> None:
    parts = set(re.findall(r'<g id="anatomy-([a-z_]+)">', _svg(view_id)))
    assert _UPPER_LIMB[view_id] <= parts
