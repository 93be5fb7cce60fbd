"""Printing from the window: a point's sheet printed, previewed or saved as a PDF,
and the plan's sheet printed.

The dialogs (`atlas.printing.dialogs`) are imported when the user first prints:
start-up shows none. They report their own failures in a message box.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMainWindow

from atlas.core import Atlas
from atlas.core.userdata import UserData
from atlas.diagram.state import DiagramState
from atlas.ui.plan import PlanWidget


class Printouts:
    """What the window's print commands do; a hint in the status bar when there is
    nothing to print. Codes are printed in the style the window shows (View › Codes)."""

    def __init__(
        self, window: QMainWindow, atlas: Atlas, userdata: UserData, state: DiagramState
    ) -> None:
        self.window = window
        self.atlas = atlas
        self.userdata = userdata
        self.state = state

    def point(self, code: str | None, preview: bool = False) -> None:
        """Print (or preview) a point's sheet."""
        if not code:
            self.window.statusBar().showMessage("Open a point first, then print its sheet.", 4000)
            return
        from atlas.printing import dialogs

        if preview:
            dialogs.preview_point(
                self.window, self.atlas, code, self.userdata, self.state.code_style
            )
        else:
            dialogs.print_point(self.window, self.atlas, code, self.userdata, self.state.code_style)

    def export(self, codes: Sequence[str]) -> None:
        """Save the sheets of points as a PDF (the user picks the file)."""
        if not codes:
            self.window.statusBar().showMessage("Open a point first, then export its sheet.", 4000)
            return
        from atlas.printing import dialogs

        dialogs.export_pdf(self.window, self.atlas, codes, code_style=self.state.code_style)

    def plan(self, plan: PlanWidget) -> None:
        """Print the sheet of the plan as it stands (saved or not)."""
        from atlas.printing import dialogs

        dialogs.print_plan(
            self.window, self.atlas, plan.current(), self.userdata, self.state.code_style
        )
