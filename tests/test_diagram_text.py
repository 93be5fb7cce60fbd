"""The text on the diagram: point codes, the measuring guide and the cues are laid
out together, so that none covers another or a marker, and none is cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from atlas.core import Atlas
from atlas.diagram.view import DiagramView


@pytest.fixture(scope="module")
def view(atlas: Atlas, qapp: QApplication) -> DiagramView:
    widget = DiagramView(atlas)
    widget.resize(1000, 800)
    widget.show()
    QApplication.processEvents()
    return widget


def overlap(a: QRectF, b: QRectF) -> bool:
    """Whether two boxes share area (touching edges do not, nor a hair of antialiasing)."""
    return a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b.adjusted(0.5, 0.5, -0.5, -0.5))


@pytest.mark.parametrize(
    ("code", "view_id"),
    [
        ("GB34", "side"),
        ("CV4", "front"),
        ("BL1", "head_front"),
        ("BL23", "back"),
        ("ST36", "front"),
        ("ST36", "side"),
        ("EX-B2", "back"),
        ("LI4", "hand_dorsal"),
        ("GB20", "head_back"),
        ("SP6", "leg_medial"),
    ],
)
def test_no_text_covers_another_or_a_marker_and_none_is_cut(
    view: DiagramView, code: str, view_id: str
) -> None:
    """Opened as a user opens it (centred, a little zoomed in): its code, its guide
    and every other text in sight stand clear of each other and of every marker."""
    view.set_view(view_id)
    assert view.select(code) and view.current_view() == view_id
    QApplication.processEvents()
    view.layout_labels()
    names = [text for text, _box in view.texts_shown()]
    assert code in names  # the selected point's code
    if view.data.measures.get((code, view.current_view() or "")):
        guide = ("cun", "F-breadth", "halfway")
        assert any(word in text for text in names for word in guide), names  # the guide's
    assert_clear(view)


def assert_clear(view: DiagramView) -> None:
    """Every text in sight is whole within the viewport and covers no other text and
    no marker."""
    texts = view.texts_shown()
    screen = QRectF(view.viewport().rect())
    device = view.viewportTransform()
    dots = [
        QRectF(device.map(m.pos()), device.map(m.pos())).adjusted(
            -m.outer(), -m.outer(), m.outer(), m.outer()
        )
        for m in view.markers()
        if m.visible and screen.contains(device.map(m.pos()))
    ]
    for i, (text, box) in enumerate(texts):
        assert screen.contains(box), f"{text!r} is cut at the edge"
        for other, box2 in texts[i + 1 :]:
            assert not overlap(box, box2), f"{text!r} covers {other!r}"
        for dot in dots:
            assert not overlap(box, dot), f"{text!r} covers a marker"


def test_opening_point_after_point_leaves_no_text_behind(atlas: Atlas, view: DiagramView) -> None:
    """A user opens one point after another, each on the view that shows it best:
    words laid out for an earlier point (a cue's, placed for another zoom or scroll)
    never stand at the window's edge or over other text (ST37 then ST38 once left the
    'Back' cue's words over another's)."""
    codes = ["ST37", "ST38", *(p.code for p in atlas.all_points())][::5]
    for code in ["ST37", "ST38", *codes]:
        assert view.select(code)
        QApplication.processEvents()
        view.layout_labels()
        assert_clear(view)


def test_the_codes_follow_the_code_style(view: DiagramView) -> None:
    view.set_view("front")
    assert view.select("LR3")
    view.set_code_style("older")
    QApplication.processEvents()
    view.layout_labels()
    names = [text for text, _box in view.texts_shown()]
    assert "LIV3" in names and "LR3" not in names
    view.set_code_style("who")
    view.layout_labels()
    assert "LR3" in [text for text, _box in view.texts_shown()]
    with pytest.raises(ValueError, match="code style"):
        view.set_code_style("pinyin")
