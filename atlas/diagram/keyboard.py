"""The diagram from the keyboard: `KeyboardFocus`, the one thing on the view the keys
act on (a point, a region or a cue), and `nearest_in_direction`, which the arrows
move it by.

Arrow keys move the focus to the nearest point in that direction; Tab and
Shift+Tab step through the view's regions (one stop per region, both sides
together) and then its cues, and leave the diagram after the last (Ctrl+Tab
leaves at once); Enter opens the point, lists the region's points or follows
the cue; Escape clears the focus. The focus is drawn in blue with square
corners, never like the orange selection, and announced through the view's
accessible name and `DiagramView.keyboardFocusChanged` (the window's status
bar). Made the first time a key needs it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from atlas.diagram.markers import Marker
from atlas.diagram.style import FOCUS, Z_FOCUS

if TYPE_CHECKING:
    from atlas.diagram.cues import CueItem
    from atlas.diagram.regions import RegionItem
    from atlas.diagram.view import DiagramView

#: The arrow keys, as directions on the screen (y down).
ARROWS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


def nearest_in_direction(
    origin: tuple[float, float],
    places: Sequence[tuple[float, float]],
    direction: tuple[float, float],
) -> int | None:
    """The index of the place nearest to `origin` that way (within 60 degrees either
    side of `direction`), weighing a step aside twice a step ahead; None if none."""
    best: int | None = None
    best_score = math.inf
    dx, dy = direction
    for index, (x, y) in enumerate(places):
        vx, vy = x - origin[0], y - origin[1]
        ahead = vx * dx + vy * dy
        aside = abs(vx * dy - vy * dx)
        if ahead <= 1e-6 or aside > ahead * math.sqrt(3):
            continue
        score = ahead + 2 * aside
        if score < best_score:
            best, best_score = index, score
    return best


class FocusRing(QGraphicsItem):
    """A square ring round the focused point, the same size on screen at every zoom."""

    def __init__(self) -> None:
        super().__init__()
        self.radius = 8.0
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_FOCUS)

    def fit(self, marker: Marker) -> None:
        radius = marker.outer() + 4.0
        if radius != self.radius:
            self.prepareGeometryChange()
            self.radius = radius
        self.setPos(marker.pos())

    def boundingRect(self) -> QRectF:
        r = self.radius + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.radius
        box = QRectF(-r, -r, 2 * r, 2 * r)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(255, 255, 255, 220), 4.0))  # stands out on any colour
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QPen(FOCUS, 2.0))
        painter.drawRoundedRect(box, 3, 3)


class KeyboardFocus:
    """What the keys act on in a view: a marker, a region (all its parts) or a cue."""

    def __init__(self, view: DiagramView) -> None:
        self.view = view
        self.marker: Marker | None = None
        self.regions: list[RegionItem] = []
        self.cue: CueItem | None = None
        self.ring = FocusRing()
        self._stop = -1  # the Tab stop now focused (-1: none)

    @property
    def active(self) -> bool:
        """Whether the focus is on something."""
        return self.marker is not None or bool(self.regions) or self.cue is not None

    # ------------------------------------------------------------ what there is

    def _stops(self) -> list[list[RegionItem] | CueItem]:
        """The Tab stops of the view: its regions top to bottom (both sides of one as
        one stop), then its cues shown."""
        by_region: dict[str, list[RegionItem]] = {}
        for item in self.view.region_items():
            by_region.setdefault(item.region, []).append(item)

        def top(items: list[RegionItem]) -> tuple[float, float]:
            box = QRectF()
            for item in items:
                box = box.united(item.path().boundingRect())
            return box.center().y(), box.center().x()

        regions = sorted(by_region.values(), key=top)
        cues = [cue for cue in self.view.cues() if cue.isVisible()]
        return [*regions, *cues]

    # ------------------------------------------------------------ moving

    def move(self, direction: tuple[float, float]) -> None:
        """An arrow: to the nearest point that way (the first press: the selected
        point, or the one nearest the middle of the view)."""
        markers = [m for m in self.view.markers() if m.visible]
        if not markers:
            return
        current = self.marker if self.marker in markers else None
        if current is None:
            selected = [m for m in markers if m.code == self.view.selected()]
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            here = (centre.x(), centre.y())
            target = (
                selected[0]
                if selected
                else min(
                    markers, key=lambda m: math.hypot(m.scene_x - here[0], m.scene_y - here[1])
                )
            )
        else:
            others = [m for m in markers if m is not current]
            found = nearest_in_direction(
                (current.scene_x, current.scene_y),
                [(m.scene_x, m.scene_y) for m in others],
                direction,
            )
            if found is None:
                return
            target = others[found]
        self._set(marker=target)

    def step(self, forward: bool) -> bool:
        """Tab (or Shift+Tab): to the next region or cue; False past the last (the
        focus leaves the diagram)."""
        stops = self._stops()
        if self._stop >= 0:
            index = self._stop + (1 if forward else -1)
        else:
            index = 0 if forward else len(stops) - 1
        if not 0 <= index < len(stops):
            self.clear()
            return False
        stop = stops[index]
        if isinstance(stop, list):
            self._set(regions=stop)
        else:
            self._set(cue=stop)
        self._stop = index
        return True

    def clear(self) -> None:
        self._set()

    def activate(self) -> None:
        """Enter: open the point, list the region's points or follow the cue."""
        view = self.view
        if self.marker is not None:
            view.pointClicked.emit(self.marker.code)
        elif self.regions:
            view.list_region(self.regions[0].region)
        elif self.cue is not None:
            cue = self.cue
            self.clear()
            view.follow_cue(cue.cue.channel, cue.to_view)

    def still_there(self) -> None:
        """Drop a focus the view no longer shows (its channel hidden, its view left)."""
        marker, cue = self.marker, self.cue
        gone = marker is not None and (not marker.visible or marker not in self.view.markers())
        if gone or (cue is not None and not cue.isVisible()):
            self.clear()

    # ------------------------------------------------------------ drawing and saying it

    def _set(
        self,
        marker: Marker | None = None,
        regions: list[RegionItem] | None = None,
        cue: CueItem | None = None,
    ) -> None:
        for region in self.regions:
            region.set_focused(False)
        if self.cue is not None:
            self.cue.set_focused(False)
        self.marker, self.regions, self.cue = marker, regions or [], cue
        self._stop = -1  # (step sets it)
        ring = self.ring
        scene = self.view.scene()
        if marker is not None:
            if ring.scene() is not scene:
                if ring.scene() is not None:
                    ring.scene().removeItem(ring)
                scene.addItem(ring)
            ring.fit(marker)
            ring.show()
            self.view.ensureVisible(QRectF(marker.pos(), marker.pos()), 80, 80)
        else:
            ring.hide()
        for region in self.regions:
            region.set_focused(True)
        if cue is not None:
            cue.set_focused(True)
            self.view.ensureVisible(QRectF(cue.pos(), cue.pos()), 120, 80)
        self.view.announce(self.describe())

    def describe(self) -> str:
        """The focus in words ("" when there is none)."""
        view = self.view
        if self.marker is not None:
            m = self.marker
            point = m.point
            names = f" {point.pinyin_tones}, {point.english}" if point is not None else ""
            where = f" ({m.part.replace('_', ' ')})" if m.part else ""
            return f"{view.code_text(m.code)}{names}{where}. Enter opens it."
        if self.regions:
            return f"{view.region_name(self.regions[0].region)}. Enter lists its points."
        if self.cue is not None:
            cue = self.cue.cue
            return f"{cue.channel} continues on the {self.cue.view_name} view. Enter goes there."
        return ""
