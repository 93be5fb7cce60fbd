"""DiagramState without a window: one signal per real change, and the rules that
turn the state into how each marker is drawn."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import SignalInstance

from atlas.diagram.state import DiagramState, MarkerState


@pytest.fixture
def state() -> DiagramState:
    return DiagramState("front")


def recorder(signal: SignalInstance) -> list[tuple[object, ...]]:
    """Every emission of a signal, with its arguments."""
    calls: list[tuple[object, ...]] = []
    signal.connect(lambda *args: calls.append(args))
    return calls


def test_selecting_signals_once_per_change(state: DiagramState) -> None:
    calls = recorder(state.selectionChanged)
    state.select("LI4")
    state.select("LI4")
    state.select("ST36")
    state.select(None)
    state.select("")
    assert calls == [("LI4",), ("ST36",), ("",)]
    assert state.selected is None


def test_highlighting_signals_once_per_change(state: DiagramState) -> None:
    calls = recorder(state.highlightChanged)
    state.highlight(["LI4", "ST36"])
    state.highlight(("ST36", "LI4", "LI4"))  # the same set
    state.highlight(["LI4", "ST36"], region="hand")  # the same points, now from a region
    state.highlight(["LI4", "ST36"], region="hand")
    state.highlight([])
    state.highlight(set())
    assert len(calls) == 3
    assert state.highlighted == frozenset() and state.region is None


def test_a_new_highlight_without_a_region_drops_the_region(state: DiagramState) -> None:
    state.highlight(["LI4"], region="hand")
    assert state.region == "hand"
    state.highlight(["ST36"])
    assert state.region is None


def test_focus_visibility_and_view_signal_once_per_change(state: DiagramState) -> None:
    focus = recorder(state.focusChanged)
    visibility = recorder(state.channelVisibilityChanged)
    views = recorder(state.viewChanged)
    state.set_focus_channel("LU")
    state.set_focus_channel("LU")
    state.set_focus_channel(None)
    state.set_channel_visible("ST", False)
    state.set_channel_visible("ST", False)
    state.set_channel_visible("ST", True)
    state.set_channel_visible("LI", True)  # visible already
    state.set_view("front")  # shown already
    state.set_view("back")
    state.set_view("back")
    assert focus == [("LU",), ("",)]
    assert visibility == [("ST", False), ("ST", True)]
    assert views == [("back",)]
    assert state.hidden_channels == frozenset() and state.view == "back"


def test_the_selection_survives_view_changes(state: DiagramState) -> None:
    state.set_view("back")
    state.select("LI4")
    state.set_focus_channel("LU")
    for view in ("front", "hand_dorsal", "back", "front"):
        state.set_view(view)
    assert state.selected == "LI4"
    assert state.marker_state("LI4", "LI") is MarkerState.SELECTED


def test_marker_states_follow_selection_highlight_and_focus(state: DiagramState) -> None:
    look: Callable[[str, str], MarkerState] = state.marker_state
    assert look("LI4", "LI") is MarkerState.NORMAL
    state.set_focus_channel("LI")
    assert look("LI4", "LI") is MarkerState.NORMAL  # on the focused channel
    assert look("ST36", "ST") is MarkerState.DIMMED
    state.highlight(["ST36"])
    state.select("LI4")
    assert look("LI4", "LI") is MarkerState.SELECTED
    assert look("ST36", "ST") is MarkerState.HIGHLIGHT
    assert look("LI5", "LI") is MarkerState.NORMAL
    assert look("GB34", "GB") is MarkerState.DIMMED
    state.highlight(["LI4"])
    assert look("LI4", "LI") is MarkerState.SELECTED  # the selection wins


def test_hidden_channels_hide_markers_except_the_ones_asked_for(state: DiagramState) -> None:
    state.set_channel_visible("ST", False)
    normal = state.marker_state("ST36", "ST")
    assert not state.marker_visible(normal, "ST")
    state.highlight(["ST36"])
    assert state.marker_visible(state.marker_state("ST36", "ST"), "ST")
    state.select("ST40")
    assert state.marker_visible(state.marker_state("ST40", "ST"), "ST")
    assert not state.marker_visible(state.marker_state("ST41", "ST"), "ST")
