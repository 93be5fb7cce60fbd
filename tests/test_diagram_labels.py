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


def test_a_label_with_a_side_goes_there_first_then_round_its_anchor() -> None:
    down = Label(100, 100, 40, 12, gap=5, rank=MUST, toward=(0.0, 1.0))
    (box,) = place_labels([down], [])
    assert box == Box(80, 105, 120, 117)  # centred below, its top edge 5 below the anchor
    blocked = Box(60, 104, 140, 130)
    (box,) = place_labels([down], [blocked])
    assert box is not None and not box.overlaps(blocked)
    assert box.top < 105  # turned round towards the free side


def test_labels_stay_within_the_bounds() -> None:
    """Nothing is cut at the edge of the picture: a label finds a place inside."""
    bounds = Box(0, 0, 200, 200)
    for rank in (MUST, WANTED, IF_ROOM):
        (box,) = place_labels([label(195, 100, rank)], [], bounds)
        assert box is not None and bounds.left <= box.left and box.right <= bounds.right


def test_a_label_put_further_out_keeps_its_line_clear_of_other_labels() -> None:
    first = label(100, 100, MUST, width=60)
    # a wall round the second anchor leaves only far places; one straight on, across
    # the first label, is refused
    second = Label(100, 140, 30, 12, gap=6, rank=MUST, toward=(0.0, -1.0))
    wall = [marker(100 + dx, 140 + dy) for dx in (-24, -12, 0, 12, 24) for dy in (-12, 12)]
    placed, far = place_labels([first, second], wall)
    assert placed is not None and far is not None
    mx, my = (far.left + far.right) / 2, (far.top + far.bottom) / 2
    for k in range(101):
        x, y = 100 + (mx - 100) * k / 100, 140 + (my - 140) * k / 100
        inside_far = far.left <= x <= far.right and far.top <= y <= far.bottom
        assert inside_far or not (placed.left < x < placed.right and placed.top < y < placed.bottom)


@given(
    points=st.lists(anchors, max_size=40),
    sides=st.lists(st.sampled_from([None, (1.0, 0.0), (0.0, 1.0), (-0.6, 0.8)]), min_size=1),
)
def test_labels_with_a_side_stay_inside_the_bounds_and_clear(
    points: list[tuple[float, float, int]], sides: list[tuple[float, float] | None]
) -> None:
    bounds = Box(0, 0, 400, 300)
    labels = [
        Label(x, y, 30, 12, 6, rank, sides[i % len(sides)]) for i, (x, y, rank) in enumerate(points)
    ]
    markers = [marker(x, y) for x, y, _ in points]
    placed = place_labels(labels, markers, bounds)

    def inside(box: Box) -> bool:
        return (
            bounds.left <= box.left
            and box.right <= bounds.right
            and (bounds.top <= box.top and box.bottom <= bounds.bottom)
        )

    for index, (wanted, box) in enumerate(zip(labels, placed, strict=True)):
        if box is None:
            assert wanted.rank != MUST
            continue
        spots = [b for reach in REACH for b in candidates(wanted, reach)]
        assert inside(box) or not any(inside(b) for b in spots)
        if wanted.rank != MUST:  # only a label that must show may cover anything
            others = [b for i, b in enumerate(placed) if b is not None and i != index]
            assert not any(box.overlaps(b) for b in [*markers, *others])
