"""The label layout without a window: rectangles in, placed rectangles out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from atlas.diagram.labels import (
    IF_ROOM,
    MUST,
    REACH,
    WANTED,
    Box,
    Label,
    candidates,
    place_labels,
)


def label(x: float, y: float, rank: int = IF_ROOM, width: float = 30) -> Label:
    return Label(x, y, width, 12, gap=6, rank=rank)


def marker(x: float, y: float) -> Box:
    return Box.around(x, y, 5)


def test_a_free_label_goes_right_of_its_marker() -> None:
    (box,) = place_labels([label(100, 100)], [marker(100, 100)])
    assert box == Box(106, 94, 136, 106)


def test_a_blocked_place_gives_way_to_the_next() -> None:
    obstacles = [marker(100, 100), marker(120, 100)]  # a neighbour on the right
    (box,) = place_labels([label(100, 100)], obstacles)
    assert box is not None and box.right <= 95  # on the left


def test_labels_that_find_no_room_are_left_out() -> None:
    crowd = [marker(100 + dx, 100 + dy) for dx in (-20, 0, 20) for dy in (-14, 0, 14)]
    (box,) = place_labels([label(100, 100)], crowd)
    assert box is None


def test_wanted_labels_move_out_of_a_crowd_and_must_show_ones_too() -> None:
    crowd = [marker(100 + dx, 100 + dy) for dx in (-20, 0, 20) for dy in (-14, 0, 14)]
    for rank in (WANTED, MUST):
        (box,) = place_labels([label(100, 100, rank)], crowd)
        assert box is not None
        assert not any(box.overlaps(m) for m in crowd)


def test_labels_are_placed_by_rank_whatever_their_order() -> None:
    # three labels competing for the places around one marker
    labels = [label(100, 100), label(100, 100, WANTED), label(100, 100, MUST)]
    if_room, wanted, must = place_labels(labels, [marker(100, 100)])
    spots = list(candidates(labels[0]))
    assert (must, wanted, if_room) == (spots[0], spots[1], spots[2])


def test_where_nothing_is_free_only_a_must_show_label_still_shows() -> None:
    wall = [Box(0, 0, 1000, 1000)]
    assert place_labels([label(500, 500, WANTED)], wall) == [None]
    (box,) = place_labels([label(500, 500, MUST)], wall)
    assert box == next(candidates(label(500, 500)))


anchors = st.tuples(
    st.floats(0, 400, allow_nan=False),
    st.floats(0, 300, allow_nan=False),
    st.sampled_from([MUST, WANTED, IF_ROOM, IF_ROOM, IF_ROOM]),
)


@given(
    points=st.lists(anchors, max_size=60),
    obstacles=st.lists(
        st.tuples(
            st.floats(0, 400, allow_nan=False),
            st.floats(0, 300, allow_nan=False),
            st.floats(1, 80),
            st.floats(1, 30),
        ),
        max_size=6,
    ),
    widths=st.lists(st.floats(10, 60), min_size=1, max_size=5),
)
def test_placed_labels_overlap_nothing_and_must_show_labels_show(
    points: list[tuple[float, float, int]],
    obstacles: list[tuple[float, float, float, float]],
    widths: list[float],
) -> None:
    labels = [label(x, y, rank, widths[i % len(widths)]) for i, (x, y, rank) in enumerate(points)]
    blocked = [Box(x, y, x + w, y + h) for x, y, w, h in obstacles]
    markers = [marker(x, y) for x, y, _ in points]
    placed = place_labels(labels, [*blocked, *markers])

    assert place_labels(labels, [*reversed(markers), *blocked]) == placed  # deterministic
    for index, (wanted, box) in enumerate(zip(labels, placed, strict=True)):
        if wanted.rank == MUST:
            assert box is not None
        if box is None:
            continue
        others = [b for i, b in enumerate(placed) if b is not None and i != index]
        clear = not any(box.overlaps(b) for b in [*blocked, *markers, *others])
        if not clear:
            # only a label that must be shown may overlap, and only where none of
            # its places was free when its turn came (must-show labels go first)
            assert wanted.rank == MUST
            earlier = [
                b
                for i, b in enumerate(placed)
                if b is not None and labels[i].rank == MUST and i < index
            ]
            for reach in REACH:
                for spot in candidates(wanted, reach):
                    assert any(spot.overlaps(b) for b in [*blocked, *markers, *earlier])
