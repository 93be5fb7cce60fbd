"""The WHO levels shared by the frames: body levels, intercostal spaces, spinous
processes and the standard proportional spans (B-cun)."""

from __future__ import annotations

from atlas.core.anatomy.geometry import Point

#: SVG user units per B-cun in the full-body views.
UNITS = 10.0


#: Vertical levels (B-cun below the vertex) shared by the frames.
LEVEL: dict[str, float] = {
    "vertex": 0.0,
    "anterior_hairline": 1.95,
    "glabella": 4.95,
    "eyebrow": 4.55,
    "pupil": 5.35,
    "nose_base": 7.45,
    "mouth": 8.45,
    "chin": 10.2,
    "suprasternal_notch": 15.0,
    "xiphisternal_junction": 24.0,
    "umbilicus": 32.0,
    "pubic_symphysis": 37.0,
    "axillary_fold": 19.5,
    "cubital_crease": 28.5,
    "wrist_crease": 40.5,
    "greater_trochanter": 38.0,
    "gluteal_fold": 43.0,
    "patella_base": 55.0,
    "patella_apex": 57.0,
    "popliteal_crease": 57.0,
    "tibial_condyle": 59.0,
    "medial_malleolus": 72.0,
    "lateral_malleolus": 73.0,
    "sole": 75.0,
}

#: Intercostal spaces on the anterior median line (1.6 B-cun apart).
ICS_MID = {1: 17.6, 2: 19.2, 3: 20.8, 4: 22.4, 5: 24.0, 6: 25.5, 7: 26.9}
#: the spaces run a little downward from the sternum to about the nipple line (their
#: costal cartilages), then rise again as the ribs round the side of the chest
ICS_SLOPE = 0.12
ICS_LOWEST = 3.5
ICS_RISE = 0.1

#: Spinous processes (tips) on the back, y in B-cun.
SPINE: dict[str, float] = {"C7": 13.3}
for _i in range(1, 13):
    SPINE[f"T{_i}"] = 14.4 + (_i - 1) * 1.2
for _i in range(1, 6):
    SPINE[f"L{_i}"] = 28.9 + (_i - 1) * 1.3
for _i in range(1, 5):
    SPINE[f"S{_i}"] = 35.5 + (_i - 1) * 1.0
#: the tip of the coccyx, 2 B-cun below the sacral hiatus (between the sacral cornua:
#: EX-B9 lies 2 B-cun above the tip, level with the hiatus)
SPINE["coccyx"] = 40.3

# ---------------------------------------------------------------- front/back outline

POSTERIOR_HAIRLINE = 8.9
ICS_NAMES = {f"ics{n}": n for n in ICS_MID}


def ics_offset(lateral: float) -> float:
    """How far below its level on the median line an intercostal space (or a rib)
    lies at a distance from the anterior midline."""
    return ICS_SLOPE * lateral - ICS_RISE * max(0.0, lateral - ICS_LOWEST) ** 2


def ics_y(n: int, lateral: float) -> float:
    """Level of the n-th intercostal space at a distance from the anterior midline."""
    return ICS_MID[n] + ics_offset(lateral)


def spine_marks() -> dict[str, Point]:
    marks: dict[str, Point] = {}
    names = list(SPINE)
    for i, name in enumerate(names):
        marks[name] = (0.0, SPINE[name])
        nxt = SPINE[names[i + 1]] if i + 1 < len(names) else SPINE[name] + 1.0
        marks[f"{name}-below"] = (0.0, (SPINE[name] + nxt) / 2)
    return marks


SCALES: tuple[tuple[str, str, float, float, float, float, float], ...] = (
    ("glabella to anterior hairline", "front", 1.95, 4.95, 3.0, 0.0, 4.5),
    ("suprasternal notch to xiphisternal junction", "front", 15.0, 24.0, 9.0, 0.0, 6.5),
    ("xiphisternal junction to umbilicus", "front", 24.0, 32.0, 8.0, 0.0, 6.5),
    ("umbilicus to pubic symphysis", "front", 32.0, 37.0, 5.0, 0.0, 6.5),
    ("axillary fold to cubital crease", "front", 19.5, 28.5, 9.0, 6.5, 12.0),
    ("cubital crease to wrist crease", "front", 28.5, 40.5, 12.0, 6.5, 12.0),
    ("pubic symphysis to base of patella", "front", 37.0, 55.0, 18.0, 0.0, 7.5),
    ("apex of patella to medial malleolus", "front", 57.0, 72.0, 15.0, 0.0, 1.9),
    ("popliteal crease to lateral malleolus", "front", 57.0, 73.0, 16.0, 1.9, 6.0),
    ("axillary fold to cubital crease", "back", 19.5, 28.5, 9.0, 6.5, 12.0),
    ("cubital crease to wrist crease", "back", 28.5, 40.5, 12.0, 6.5, 12.0),
    ("gluteal fold to popliteal crease", "back", 43.0, 57.0, 14.0, 0.0, 7.5),
    ("popliteal crease to lateral malleolus", "back", 57.0, 73.0, 16.0, 0.0, 6.0),
    # the side view's raised forearm: the wrist crease (side.ARM_WRIST_Y) is above the
    # elbow, so the span's upper end (named first) is the wrist
    ("wrist crease to cubital crease", "side", -0.45, 11.55, 12.0, -13.1, -8.6),
    ("greater trochanter to popliteal crease", "side", 38.0, 57.0, 19.0, -5.0, 5.0),
    ("popliteal crease to lateral malleolus", "side", 57.0, 73.0, 16.0, -5.0, 5.0),
    ("apex of patella to medial malleolus", "medial", 57.0, 72.0, 15.0, -3.0, 3.0),
)


def scale_for(
    frame: str, x: float, y: float, delta: float
) -> tuple[str, float, float, float] | None:
    """The standard span a vertical distance is measured on, if one holds it."""
    lo, hi = sorted((y, y + delta))
    for name, f, top, bottom, cun, xa, xb in SCALES:
        if f == frame and xa <= x <= xb and top - 0.05 <= lo and hi <= bottom + 0.05:
            return name, top, bottom, cun
    return None
