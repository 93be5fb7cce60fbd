"""Back and forward through visited points, without a window."""

from __future__ import annotations

from atlas.ui.history import History


def test_a_new_history_goes_nowhere() -> None:
    history: History[str] = History()
    assert history.current is None
    assert not history.can_go_back() and not history.can_go_forward()
    assert history.back() is None and history.forward() is None


def test_back_and_forward_walk_the_visits() -> None:
    history: History[str] = History()
    for code in ("LI4", "ST36", "GV20"):
        history.visit(code)
    assert history.current == "GV20" and history.can_go_back() and not history.can_go_forward()
    assert history.back() == "ST36"
    assert history.back() == "LI4"
    assert history.back() is None and history.current == "LI4"
    assert history.forward() == "ST36"
    assert history.current == "ST36" and history.can_go_forward()


def test_a_visit_after_going_back_drops_what_was_forward() -> None:
    history: History[str] = History()
    for code in ("LI4", "ST36", "GV20"):
        history.visit(code)
    history.back()
    history.back()
    history.visit("PC6")
    assert not history.can_go_forward()
    assert history.back() == "LI4"


def test_visiting_the_current_item_again_changes_nothing() -> None:
    history: History[str] = History()
    history.visit("LI4")
    history.visit("ST36")
    history.visit("ST36")
    assert history.back() == "LI4" and not history.can_go_back()


def test_only_the_last_visits_are_kept() -> None:
    history: History[int] = History(limit=3)
    for n in range(10):
        history.visit(n)
    assert [history.back(), history.back(), history.back()] == [8, 7, None]
