"""The measuring guide shows the point's own distances, between the places its
location text names: on the diagram's every view, in the window and on the point
sheets."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QTransform
from PySide6.QtWidgets import QApplication

from atlas.core import Atlas
from atlas.core.placement import distances_in
from atlas.diagram.guide import GuideItem, span_names
from atlas.diagram.sources import DiagramData
from atlas.diagram.view import DiagramView
from atlas.printing.render import write_pdf
from atlas.printing.sheets import PointSheet

#: device pixels per view unit: every guide line is long enough to draw
ZOOM = QTransform.fromScale(6, 6)


def _guides(atlas: Atlas) -> list[tuple[str, str, GuideItem]]:
    """Every guide the window can show: per point and view, the right side's (else the
    one side's) guide of each location of the point."""
    data = DiagramData.from_atlas(atlas)
    font = QFont()
    out = []
    for (code, view), measures in sorted(data.measures.items()):
        sides = {m.side for m in measures}
        side = "right" if "right" in sides else min(sides)
        for part in dict.fromkeys(m.part for m in measures if m.side == side):
            mine = [m for m in measures if m.side == side and m.part == part]
            (at,) = [
                QPointF(p.x, p.y)
                for p in data.placements_of(view)
                if p.code == code and p.side == side and p.part == part
            ]
            out.append((code, view, GuideItem(code, mine, {}, at, font)))
    return out


def test_every_guide_shows_the_distances_of_its_location_text(
    atlas: Atlas, qapp: QApplication
) -> None:
    """For every point whose location text gives distances ("3 B-cun down from the
    umbilicus"), on every view where it has a guide:

    - the guide's lengths (its framed texts) include each of those distances, but
      one that the view sees end-on (BL4's 1.5 B-cun out from the midline, on the
      side view; ST8's 0.5 B-cun up into the hairline, from above), which another
      view of the point shows;
    - of its lengths, the one that wants to stand nearest the point's marker (by the
      place each text asks the label layout for, before the layout moves it clear of
      others) is one of the point's own moves, never the total of a proportional
      span it is measured on (CV4 once showed "5 B-cun", umbilicus to pubic
      symphysis, beside it; its own distance, "3 B-cun" from the umbilicus, is
      now nearest)."""
    texts = {p.code: p.location for p in atlas.all_points()}
    shown: dict[str, set[str]] = {}  # code -> distances shown on some view
    end_on = []
    checked = 0
    problems = []
    for code, view, guide in _guides(atlas):
        own = distances_in(texts[code])
        if not own:
            continue
        lengths = [t for t in guide.texts(ZOOM) if t.strong]
        said = [t.text for t in lengths]
        missing = [d for d in own if not any(s.startswith(d) for s in said)]
        shown.setdefault(code, set()).update(d for d in own if d not in missing)
        end_on += [(code, view, d) for d in missing]
        assert guide.point is not None
        at = ZOOM.map(guide.point)
        nearest = min(lengths, key=lambda t: math.hypot(t.label.x - at.x(), t.label.y - at.y()))
        moves = {m.label for m in guide.measures if span_names(m.label) is None}
        if nearest.text not in moves:
            problems.append((code, view, said, nearest.text))
        checked += 1
    assert checked > 200
    assert problems == [], "\n".join(map(str, problems))
    assert [(c, v, d) for c, v, d in end_on if d not in shown[c]] == []


def test_a_span_keeps_its_total_and_names_its_ends(atlas: Atlas, qapp: QApplication) -> None:
    """The span a distance is measured on stays in the guide (how the distance is
    measured): its length and the names of the places at its ends."""
    (cv4,) = [g for code, view, g in _guides(atlas) if (code, view) == ("CV4", "front")]
    said = [t.text for t in cv4.texts(ZOOM)]
    assert span_names("umbilicus to pubic symphysis: 5 B-cun")
    assert {"3 B-cun", "5 B-cun", "umbilicus", "pubic symphysis"} <= set(said), said


def test_the_window_writes_the_points_own_distance_beside_it(
    atlas: Atlas, qapp: QApplication
) -> None:
    """Opened in the window and zoomed in to read, CV4's guide writes "3 B-cun" beside
    the line from the umbilicus (CV8) down to CV4, nearer CV4 than the span's
    "5 B-cun"."""
    view = DiagramView(atlas)
    view.resize(1000, 800)
    view.show()
    QApplication.processEvents()
    view.set_view("front")
    assert view.select("CV4")
    view.zoom_in()
    view.zoom_in()
    view.centre_on("CV4")
    QApplication.processEvents()
    view.layout_labels()
    shown = dict(view.texts_shown())
    device = view.viewportTransform()
    at = {m.code: device.map(m.pos()) for m in view.markers() if m.code in ("CV4", "CV8")}

    def far(box: QRectF) -> float:
        return math.hypot(box.center().x() - at["CV4"].x(), box.center().y() - at["CV4"].y())

    assert at["CV8"].y() < shown["3 B-cun"].center().y() < at["CV4"].y()
    assert far(shown["3 B-cun"]) < far(shown["5 B-cun"])
    view.close()


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("LI13", "3 B-cun"),
        ("LI14", "7 B-cun"),
        ("TE10", "1 B-cun"),
        ("TE12", "5 B-cun"),
        ("TE13", "3 B-cun"),
        ("GV19", "5.5 B-cun"),
        ("CV4", "3 B-cun"),
        ("LI4", "halfway"),
    ],
)
def test_a_point_sheet_shows_the_guide_of_its_text(
    atlas: Atlas, tmp_path: Path, code: str, says: str
) -> None:
    """A point whose text measures it gets its guide on its sheet: the sheet pictures
    a view that has the guide (LI13 once came on the side view, which has none)."""
    result = write_pdf(PointSheet(atlas, [code]), tmp_path / "s.pdf", "a4")
    guide = [m.text for m in result.marks if m.kind == "guide"]
    assert any(text.startswith(says) for text in guide), guide
