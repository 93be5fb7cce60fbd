"""What the diagram shows, apart from any scene: `DiagramState`.

The selected point, the highlighted points (and the region they were listed
from), the channel brought forward, the hidden channels, the current view,
whether the figure shows its anatomy layer and the style the labels write
codes in live here, once. Every view's scene
draws its markers, pathways and guide from this object when it is shown and
whenever a signal says it changed, so the selection belongs to the point and
not to the scene it was made in. Each signal fires once per real change;
setting what is already there is silent.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class MarkerState(StrEnum):
    """How a point's marker is drawn."""

    NORMAL = "normal"
    DIMMED = "dimmed"  # something else is highlighted or brought forward
    HIGHLIGHT = "highlight"  # ringed: one of the highlighted points
    SELECTED = "selected"  # ringed with a halo: the current point


class DiagramState(QObject):
    """The diagram's state. Codes and channel codes are plain strings; "" means none."""

    #: The selected point's code ("" when none).
    selectionChanged = Signal(str)
    #: The highlighted points or the outlined region changed.
    highlightChanged = Signal()
    #: The channel brought forward ("" when none).
    focusChanged = Signal(str)
    channelVisibilityChanged = Signal(str, bool)
    #: The view to show (an id of the diagram's views).
    viewChanged = Signal(str)
    #: The figure's anatomy layer (bones, muscles, creases) switched on or off.
    anatomyChanged = Signal(bool)
    #: The style the labels write codes in (`atlas.core.codes.CODE_STYLES`).
    codeStyleChanged = Signal(str)

    def __init__(self, view: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._selected: str | None = None
        self._highlighted: frozenset[str] = frozenset()
        self._region: str | None = None
        self._focus: str | None = None
        self._hidden: frozenset[str] = frozenset()
        self._view = view
        self._anatomy = True
        self._code_style = "who"

    # ------------------------------------------------------------ reading

    @property
    def selected(self) -> str | None:
        return self._selected

    @property
    def highlighted(self) -> frozenset[str]:
        return self._highlighted

    @property
    def region(self) -> str | None:
        """The region whose points are highlighted, drawn outlined (None: none)."""
        return self._region

    @property
    def focus_channel(self) -> str | None:
        return self._focus

    @property
    def hidden_channels(self) -> frozenset[str]:
        return self._hidden

    @property
    def view(self) -> str | None:
        return self._view

    @property
    def anatomy(self) -> bool:
        """Whether the figure is drawn with its anatomy layer (on unless switched off)."""
        return self._anatomy

    @property
    def code_style(self) -> str:
        """'who' (LR3, BL40) or 'older' (LIV3, UB40): how the labels write codes."""
        return self._code_style

    def is_channel_visible(self, channel: str) -> bool:
        return channel not in self._hidden

    def emphasis(self) -> bool:
        """Whether something is highlighted or brought forward (the rest is dimmed)."""
        return bool(self._highlighted) or self._focus is not None

    def marker_state(self, code: str, channel: str) -> MarkerState:
        """How a marker of this point (on this channel) is drawn."""
        if code == self._selected:
            return MarkerState.SELECTED
        if code in self._highlighted:
            return MarkerState.HIGHLIGHT
        if self.emphasis() and channel != self._focus:
            return MarkerState.DIMMED
        return MarkerState.NORMAL

    def marker_visible(self, state: MarkerState, channel: str) -> bool:
        """Hidden channels hide their markers, except the selected and highlighted ones."""
        return (
            state is MarkerState.SELECTED
            or state is MarkerState.HIGHLIGHT
            or channel not in self._hidden
        )

    # ------------------------------------------------------------ changing

    def select(self, code: str | None) -> None:
        code = code or None
        if code != self._selected:
            self._selected = code
            self.selectionChanged.emit(code or "")

    def highlight(self, codes: Iterable[str], region: str | None = None) -> None:
        """Highlight points (an empty set clears it), listed from a region or not."""
        highlighted = frozenset(codes)
        region = region or None
        if highlighted != self._highlighted or region != self._region:
            self._highlighted = highlighted
            self._region = region
            self.highlightChanged.emit()

    def set_focus_channel(self, channel: str | None) -> None:
        channel = channel or None
        if channel != self._focus:
            self._focus = channel
            self.focusChanged.emit(channel or "")

    def set_channel_visible(self, channel: str, visible: bool) -> None:
        if visible == (channel not in self._hidden):
            return
        self._hidden = self._hidden - {channel} if visible else self._hidden | {channel}
        self.channelVisibilityChanged.emit(channel, visible)

    def set_view(self, view: str) -> None:
        if view != self._view:
            self._view = view
            self.viewChanged.emit(view)

    def set_anatomy(self, on: bool) -> None:
        if on != self._anatomy:
            self._anatomy = on
            self.anatomyChanged.emit(on)

    def set_code_style(self, style: str) -> None:
        """Write the labels' codes in a style of `atlas.core.codes.CODE_STYLES`
        (ValueError for another)."""
        from atlas.core.codes import CODE_STYLES

        if style not in CODE_STYLES:
            raise ValueError(f"unknown code style {style!r} (one of {', '.join(CODE_STYLES)})")
        if style != self._code_style:
            self._code_style = style
            self.codeStyleChanged.emit(style)
