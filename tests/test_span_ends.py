"""Each end of a proportional span in a measuring guide is named for the place it is
drawn at: on the side view's raised forearm the wrist is above the elbow, and the
guide must say so ("wrist crease" at the wrist), on screen and on paper alike."""

from __future__ import annotations

import math
from collections import defaultdict

from atlas.core import Atlas
from atlas.diagram.guide import span_names

#: points that lie on each named level, to tell which end of a span is which
ON_LEVEL = {
    "wrist crease": ("LI5", "TE4", "SI5", "PC7", "HT7", "LU9"),
    "cubital crease": ("LI11", "PC3", "LU5", "HT3"),
    "popliteal crease": ("BL40", "BL39", "KI10"),
    "lateral malleolus": ("BL60", "GB40"),
    "medial malleolus": ("KI3",),
    "umbilicus": ("CV8",),
    "pubic symphysis": ("CV2",),
    "xiphisternal junction": ("CV16",),
    "suprasternal notch": ("CV22",),
    "gluteal fold": ("BL36",),
    "anterior hairline": ("GV24",),
}


def test_each_end_of_a_span_is_drawn_at_the_place_it_names(atlas: Atlas) -> None:
    places: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in atlas.table("placements"):
        places[(row["view"], row["code"])].append((row["x"], row["y"]))
    checked = 0
    for m in atlas.table("measures"):
        span = span_names(m["label"])
        if span is None:
            continue
        ends = {span[0]: (m["x1"], m["y1"]), span[1]: (m["x2"], m["y2"])}
        for name, (x, y) in ends.items():
            marks = [p for code in ON_LEVEL.get(name, ()) for p in places[(m["view"], code)]]
            if not marks:
                continue
            (other,) = [end for n, end in ends.items() if n != name]
            here = min(math.hypot(px - x, py - y) for px, py in marks)
            there = min(math.hypot(px - other[0], py - other[1]) for px, py in marks)
            assert here < there, f"{m['code']} on {m['view']}: {name!r} is drawn at the far end"
            checked += 1
    assert checked > 100
