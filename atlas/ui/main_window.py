"""The main window: search on the left, the body diagram in the centre, the point on the right.

The window assembles the parts (each in its own module of `atlas.ui`; the map
is in ARCHITECTURE.md) and carries what the user does from one to the others.
Start-up does only what the first paint needs (ARCHITECTURE.md, "Start-up").
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout, QWidget

from atlas.core import Atlas
from atlas.core.codes import format_code
from atlas.core.userdata import Plan, UserData, UserDataError
from atlas.diagram.panel import DiagramPanel
from atlas.diagram.view import DiagramView
from atlas.qtbase import user_data_dir
from atlas.ui.actions import WindowActions
from atlas.ui.browse import ChannelBrowser, ConditionBrowser
from atlas.ui.detail import DetailPane, icon
from atlas.ui.docks import Docks
from atlas.ui.history import History
from atlas.ui.notices import (
    NOTICE_ENV,
    RecoveryBanner,
    may_close,
    offer_kept_notes,
    show_about,
    show_safety_notice,
)
from atlas.ui.plan import PlanWidget
from atlas.ui.printouts import Printouts
from atlas.ui.search_panel import SearchPanel
from atlas.ui.settings import WindowSettings
from atlas.ui.theme import apply_theme

#: The reference database is checked this many milliseconds after the first frame
#: (ui/checkup.py): start-up never waits for it, and `--exit-when-ready` has quit by then.
CHECK_REFERENCE_AFTER_MS = 1000

if TYPE_CHECKING:
    from atlas.ui.help import HelpDialog, TipsBar
    from atlas.ui.study import StudyPane
    from atlas.ui.tables import TablesView


class MainWindow(QMainWindow):
    """The atlas window. `current_code` is the point shown; `pointSelected` announces it.

    What the diagram shows lives in one place, `self.diagram.state` (a
    `DiagramState`): the selected point, the channel brought forward, the hidden
    channels, the view. The point pane, the title, the results' selection, the
    Channels dock and the diagram's own menus show that state and send what the
    user does to it, rather than keeping copies in step.
    """

    pointSelected = Signal(str)

    def __init__(
        self, atlas: Atlas, parent: QWidget | None = None, userdata: UserData | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.atlas = atlas
        # the user's store (opened here unless given: tests give one with a short wait)
        self.userdata = userdata if userdata is not None else UserData.open(user_data_dir())
        self.settings = WindowSettings()
        self.history: History[str] = History()
        self._shown_once = False
        self._closed = False
        self._help: HelpDialog | None = None
        self.tips_bar: TipsBar | None = None
        self.study: StudyPane | None = None  # made when first opened (Go > Study)
        self.tables: TablesView | None = None  # made when first opened (Go > Category Tables)

        self.setWindowTitle("Acupoint Atlas")
        # an explicit minimum keeps the layout from resizing the window's limits itself
        self.setMinimumSize(760, 480)
        self.setWindowIcon(icon("app"))
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        apply_theme(self.settings.theme())

        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = RecoveryBanner(centre)
        self.diagram_panel = panel = DiagramPanel(atlas, centre)
        self.diagram: DiagramView = panel.view
        layout.addWidget(self.banner)
        layout.addWidget(panel, 1)
        self._centre_layout = layout
        self.setCentralWidget(centre)
        if self.userdata.recovery:
            self.banner.show_message(self.userdata.recovery)

        # each pane is made inside its dock
        self.docks = Docks(self)
        self.search = SearchPanel(atlas, self.docks.search)
        self.detail = DetailPane(
            atlas, self.docks.detail, store=self.userdata, guide_for=self._guide_lines
        )
        self.channel_browser = ChannelBrowser(atlas, self.diagram.state, self.docks.channels)
        self.condition_browser = ConditionBrowser(atlas, self.docks.conditions)
        self.plan = PlanWidget(atlas, self.userdata, self.docks.plan)
        self.docks.place(
            (self.search, self.detail, self.channel_browser, self.condition_browser, self.plan)
        )
        self.printouts = Printouts(self, atlas, self.userdata, self.diagram.state)

        views = []
        for view_id in self.diagram.views():
            info = self.diagram.view_info(view_id)
            views.append((view_id, info.title if info else view_id))
        self.commands = WindowActions(self, self.plan.undo_stack, views)
        # the diagram's zoom buttons show symbols; its menu items say what they do
        for action, words in (
            (panel.zoom_in_action, "Zoom &In"),
            (panel.zoom_out_action, "Zoom &Out"),
            (panel.fit_action, "&Fit to Window"),
        ):
            action.setIconText(action.iconText())
            action.setText(words)
        self.search.addAction(self.commands.clear)
        self.commands.fill_menu_bar(
            self.menuBar(),
            zoom=[panel.zoom_in_action, panel.zoom_out_action, panel.fit_action],
            panels=[dock.toggleViewAction() for dock in self.docks.all()],
            plan=self._plan_menu(),
        )
        self._wire()
        self.diagram.firstPainted.connect(
            lambda: QTimer.singleShot(CHECK_REFERENCE_AFTER_MS, self._check_reference)
        )
        self._restore_settings()
        self._update_history_actions()
        self.statusBar().showMessage("Ready. Ctrl+F searches; click the diagram to explore.", 6000)
        QTimer.singleShot(0, self._initial_results)

    def _plan_menu(self) -> list[QAction | QMenu | None]:
        """The Plan menu: the plan dock's commands (None: a separator)."""
        p = self.plan
        return [
            p.new_button.defaultAction(),
            p.open_menu,
            p.save_button.defaultAction(),
            p.delete_button.defaultAction(),
            None,
            p.up_button.defaultAction(),
            p.down_button.defaultAction(),
            p.remove_button.defaultAction(),
            None,
            p.show_button.defaultAction(),
            p.print_button.defaultAction(),
        ]

    def _wire(self) -> None:
        c = self.commands
        c.print.triggered.connect(lambda: self.print_requested())
        c.preview.triggered.connect(lambda: self.print_requested(preview=True))
        c.export.triggered.connect(self.export_pdf)
        c.quit.triggered.connect(self.close)
        c.find.triggered.connect(self.focus_search)
        c.back.triggered.connect(self.go_back)
        c.forward.triggered.connect(self.go_forward)
        c.add_to_plan.triggered.connect(self.add_current_to_plan)
        c.copy_plan.triggered.connect(self.copy_plan)
        c.export_plan.triggered.connect(self.export_plan_csv)
        c.about.triggered.connect(lambda: show_about(self, self.atlas))
        c.notice.triggered.connect(lambda: show_safety_notice(self, self.settings, force=True))
        c.shortcuts.triggered.connect(lambda: self.show_help(guide=False))
        c.guide.triggered.connect(lambda: self.show_help(guide=True))
        c.tips.triggered.connect(self._bring_back_tips)
        c.favourites.triggered.connect(self.show_favourites)
        c.study.triggered.connect(self.open_study)
        c.tables.triggered.connect(self.open_tables)
        c.clear.triggered.connect(self.clear_list)
        c.reset_layout.triggered.connect(self.docks.reset)
        for name, action in c.panels.items():
            action.triggered.connect(lambda _=False, n=name: self.go_to_panel(n))
        for view_id, action in c.views.items():
            action.triggered.connect(lambda _=False, v=view_id: self.diagram.set_view(v))
        for action in c.names.values():
            action.toggled.connect(lambda _on: self._names_changed())
        for style, action in c.code_styles.items():
            action.triggered.connect(lambda _=False, s=style: self.set_code_style(s))
        for theme, action in c.themes.items():
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
        c.anatomy.triggered.connect(self.set_anatomy)
        self.diagram.state.anatomyChanged.connect(c.anatomy.setChecked)
        self.diagram.state.codeStyleChanged.connect(self._show_code_style)

        self.search.pointChosen.connect(self.open_point)
        self.search.addToPlanRequested.connect(self.plan.add)
        self.search.searchListed.connect(self._unhighlight)

        self.diagram.pointClicked.connect(self.open_point)
        self.diagram.regionClicked.connect(self.show_region)
        self.diagram.addToPlanRequested.connect(lambda code: self.plan.add([code]))
        self.diagram.viewChanged.connect(self._view_changed)
        self.diagram.keyboardFocusChanged.connect(self._announce)
        self.diagram.state.selectionChanged.connect(self._show_selected)

        self.detail.addToPlanRequested.connect(lambda code: self.plan.add([code]))
        self.detail.printRequested.connect(lambda code: self.print_requested(code))
        self.detail.favouriteToggled.connect(self._favourite_toggled)
        self.detail.noteSaved.connect(
            lambda code: self.statusBar().showMessage(f"Note on {code} saved.", 2500)
        )
        self.detail.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 8000))

        self.channel_browser.channelChosen.connect(self.show_channel)
        self.condition_browser.conditionChosen.connect(self.show_condition)

        self.docks.plan.visibilityChanged.connect(self.plan.build_details)
        self.plan.pointActivated.connect(self.open_point)
        self.plan.showRequested.connect(self.show_plan_on_diagram)
        self.plan.planChanged.connect(self._plan_changed)
        self.plan.printRequested.connect(self.print_plan)
        self.plan.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 4000))

    # ================================================================= opening points

    @property
    def current_code(self) -> str | None:
        """The point shown: the diagram's selection."""
        return self.diagram.state.selected

    def open_point(self, code: str, record: bool = True) -> bool:
        """Show a point: select it on the diagram (view, centre, highlight), which the
        detail pane and the results follow (`_show_selected`); and keep it in the history."""
        point = self.atlas.point(code)
        if point is None:
            self.statusBar().showMessage(f"No point {code!r} in the atlas.", 4000)
            return False
        code = point.code
        if not self.diagram.select(code):
            self.statusBar().showMessage(f"{code} is not drawn on any view yet.", 4000)
        if record:
            self.history.visit(code)
        self._update_history_actions()
        self.docks.detail.raise_()
        self.pointSelected.emit(code)
        return True

    def _show_selected(self, code: str) -> None:
        """The diagram's selection changed: the detail pane, the results and the title
        show it."""
        point = self.atlas.point(code) if code else None
        self.detail.show_point(point.code if point is not None else None)
        self.search.select(point.code if point is not None else None)
        self._show_title()

    def _show_title(self) -> None:
        point = self.atlas.point(self.current_code) if self.current_code else None
        if point is None:
            self.setWindowTitle("Acupoint Atlas")
            return
        code = format_code(point.code, self.diagram.state.code_style)
        self.setWindowTitle(f"{code} {point.pinyin_tones} {point.hanzi} · Acupoint Atlas")

    def go_back(self) -> None:
        code = self.history.back()
        if code is not None:
            self.open_point(code, record=False)

    def go_forward(self) -> None:
        code = self.history.forward()
        if code is not None:
            self.open_point(code, record=False)

    def _update_history_actions(self) -> None:
        self.commands.back.setEnabled(self.history.can_go_back())
        self.commands.forward.setEnabled(self.history.can_go_forward())

    # ================================================================= listing points

    def focus_search(self) -> None:
        self.docks.reveal(self.docks.search, None)
        self.search.focus()

    def go_to_panel(self, name: str) -> None:
        """Show a panel (search, detail, channels, conditions, plan), bring it to the
        front and put the focus where its work starts."""
        if name == "search":
            self.focus_search()
            return
        focus: dict[str, QWidget | None] = {
            "detail": self.detail.text if self.detail.code else None,
            "channels": self.channel_browser.list,
            "conditions": self.condition_browser.filter,
            "plan": self.plan.list,
        }
        self.docks.reveal(getattr(self.docks, name), focus[name])

    def show_region(self, region: str) -> None:
        """List a body region's points (from a click on the diagram)."""
        if self.atlas.region(region) is None:
            return
        codes = self.search.list_region(region)
        self.diagram.set_focus_channel(None)
        self.diagram.highlight(codes)
        self.docks.search.raise_()

    def show_channel(self, channel: str) -> None:
        """List a channel's points in order and bring its pathway forward."""
        if self.atlas.channel(channel) is None:
            return
        codes = self.search.list_channel(channel)
        self.diagram.set_channel_visible(channel, True)
        self.diagram.highlight([])
        self.diagram.set_focus_channel(channel)
        self._show_a_view_with(codes)

    def show_condition(self, condition_id: str) -> None:
        """List a condition's points with the reason for each, and highlight them."""
        if self.atlas.condition(condition_id) is None:
            return
        codes = self.search.list_condition(condition_id)
        self.diagram.set_focus_channel(None)
        self.diagram.highlight(codes)
        self._show_a_view_with(codes)

    def show_favourites(self) -> None:
        try:
            favourites = self.userdata.favourites()
        except UserDataError as exc:
            self.statusBar().showMessage(f"Your favourites could not be read: {exc}", 8000)
            return
        codes = self.search.list_favourites(favourites)
        self.diagram.highlight(codes)
        self.docks.search.raise_()

    def open_study(self) -> StudyPane:
        """Show study mode's window (made the first time: it is not part of start-up)."""
        if self.study is None:
            from atlas.ui.study import StudyPane

            self.study = StudyPane(self.atlas, self.userdata, self)
            self.study.pointOpened.connect(self._open_from_another_window)
        elif self.study.isVisible():
            self.study.raise_()  # in front of this window again
        self.study.show()
        self.study.activateWindow()
        return self.study

    def open_tables(self) -> TablesView:
        """Show the Tables view (made the first time), at the open point's cell."""
        if self.tables is None:
            from atlas.ui.tables import TablesView

            self.tables = TablesView(self.atlas, self)
            self.tables.set_code_style(self.diagram.state.code_style)
            self.tables.pointChosen.connect(self._open_from_another_window)
        if self.current_code:
            self.tables.show_cell_of(self.current_code)
        self.tables.show()
        self.tables.raise_()
        self.tables.activateWindow()
        return self.tables

    def _open_from_another_window(self, code: str) -> None:
        self.open_point(code)
        self.activateWindow()

    def clear_list(self) -> None:
        """No query, no filters, no highlight, no channel chosen."""
        self.search.clear()
        self.diagram.highlight([])
        self.diagram.set_focus_channel(None)

    def _unhighlight(self) -> None:
        self.diagram.highlight([])
        self.diagram.set_focus_channel(None)

    def _show_a_view_with(self, codes: list[str]) -> None:
        """If the diagram shows none of these points, switch to the view showing most."""
        if not codes or any(self.diagram.placements(c) for c in codes):
            return
        wanted = set(codes)
        counts = {
            view: len({p.code for p in self.diagram.data.placements.get(view, ())} & wanted)
            for view in self.diagram.views()
        }
        best = max(counts, key=lambda v: counts[v], default=None)  # first of equals
        if best is not None and counts[best]:
            self.diagram.set_view(best)

    def _initial_results(self) -> None:
        if not self._closed and self.search.model.rowCount() == 0:
            self.search.refresh()

    # ================================================================= plan, notes, printing

    def add_current_to_plan(self) -> None:
        if self.current_code:
            self.plan.add([self.current_code])
            self.docks.plan.raise_()

    def show_plan_on_diagram(self) -> None:
        codes = self.plan.codes()
        self.diagram.set_focus_channel(None)
        self.diagram.highlight(codes)
        self._show_a_view_with(codes)

    def _plan_changed(self, codes: list[str]) -> None:
        if self.docks.is_showing(self.docks.plan):
            self.diagram.highlight(codes)

    def _announce(self, text: str) -> None:
        """Where the keyboard's focus is on the diagram, in the status bar."""
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _favourite_toggled(self, code: str, on: bool) -> None:
        self.statusBar().showMessage(
            f"{code} {'added to' if on else 'removed from'} your favourites.", 3000
        )

    def _guide_lines(self, code: str) -> list[str]:
        """The measuring guide in words, from the diagram's measures for the point."""
        lines: list[str] = []
        seen: set[str] = set()
        for (measure_code, _view), measures in self.diagram.data.measures.items():
            if measure_code != code:
                continue
            for m in measures:
                text = m.label or f"{m.cun:g} {m.unit}"
                if m.tick_at is not None and m.label == "":
                    text += f" (at {m.tick_at:g})"
                if text not in seen:
                    seen.add(text)
                    lines.append(text)
            break
        return lines

    def print_requested(self, code: str | None = None, preview: bool = False) -> None:
        """Print (or preview) the sheet of a point: the current one by default."""
        self.printouts.point(code or self.current_code, preview=preview)

    def export_pdf(self) -> None:
        """The current point's sheet as a PDF; with no point open, the plan's points."""
        self.printouts.export([self.current_code] if self.current_code else self.plan.codes())

    def print_plan(self) -> None:
        self.printouts.plan(self.plan)

    def copy_plan(self) -> None:
        """The plan as plain text on the clipboard."""
        plan = self._plan_to_write()
        if plan is not None:
            from atlas.ui.plan_export import copy_plan_text

            copy_plan_text(self.atlas, plan, self.diagram.state.code_style)
            self.statusBar().showMessage("The plan is copied as text.", 4000)

    def export_plan_csv(self) -> None:
        """The plan as a CSV file (the user picks where)."""
        plan = self._plan_to_write()
        if plan is not None:
            from atlas.ui.plan_export import export_plan_csv

            path = export_plan_csv(self, self.atlas, plan, self.diagram.state.code_style)
            if path is not None:
                self.statusBar().showMessage(f"The plan is saved as {path}.", 6000)

    def _plan_to_write(self) -> Plan | None:
        """The plan as it stands (saved or not); None, said, when it has no points."""
        if not self.plan.codes():
            self.statusBar().showMessage("The plan has no points yet: add some first.", 4000)
            return None
        return self.plan.current()

    # ================================================================= help

    def show_help(self, guide: bool = False) -> HelpDialog:
        """The help window at the keyboard shortcuts (F1), or at the guide."""
        from atlas.ui import help as pages

        if self._help is None:
            self._help = pages.HelpDialog(self)
        rows = pages.shortcuts(self.menuBar(), self.findChildren(QAction))
        self._help.show_page(
            pages.HelpDialog.GUIDE if guide else pages.HelpDialog.KEYS,
            pages.shortcut_sheet(rows),
            pages.guide(self.atlas),
        )
        return self._help

    def show_tips(self) -> None:
        """The tips strip above the diagram (made when first shown)."""
        if self.tips_bar is None:
            from atlas.ui.help import TipsBar, tips

            self.tips_bar = TipsBar(tips(self.commands, self.plan.save_button.defaultAction()))
            self.tips_bar.dismissed.connect(lambda: self.settings.set_tips_dismissed(True))
            self._centre_layout.insertWidget(1, self.tips_bar)
        self.tips_bar.show()

    def _bring_back_tips(self) -> None:
        self.settings.set_tips_dismissed(False)
        self.show_tips()

    def _check_reference(self) -> None:
        """Verify the reference database off the window's thread; damage is repaired
        and the panes list and show the rebuilt data."""
        if self._closed:
            return
        from atlas.ui.checkup import ReferenceCheck
        from atlas.ui.dialogs import ask

        check = self.reference_check = ReferenceCheck(self.atlas, self)
        check.damaged.connect(
            lambda _found: self.statusBar().showMessage(
                "The point database is damaged: rebuilding it…"
            )
        )
        check.repaired.connect(self._reference_repaired)
        check.failed.connect(
            lambda message: ask(
                self,
                "referenceNotRepaired",
                "The point database is damaged",
                f"{message}\n\nSearches and diagrams may miss points. Reinstalling the atlas"
                " usually fixes this.",
                icon="critical",
            )
        )
        check.start()

    def _reference_repaired(self) -> None:
        self.statusBar().showMessage("The point database was damaged; it has been rebuilt.", 8000)
        self.search.refresh()
        self.plan.refresh_list()
        self.detail.refresh_text()

    # ================================================================= view settings

    def set_theme(self, theme: str) -> None:
        applied = apply_theme(theme)
        self.settings.set_theme(applied)
        self.commands.themes[applied].setChecked(True)
        self.detail.refresh_text()
        self.diagram.viewport().update()

    def set_anatomy(self, on: bool) -> None:
        """Draw the figure with or without its anatomy layer, and remember it."""
        self.diagram.state.set_anatomy(on)
        self.settings.set_anatomy(on)

    def set_code_style(self, style: str) -> None:
        """Write codes in a code style (who, older) everywhere the window shows them
        (the diagram's state holds it; `_show_code_style` follows), and remember it."""
        self.diagram.set_code_style(style)
        self.settings.set_code_style(style)

    def _show_code_style(self, style: str) -> None:
        self.commands.code_styles[style].setChecked(True)
        self.search.set_code_style(style)
        self.plan.model.set_code_style(style)
        self.detail.set_code_style(style)
        if self.tables is not None:
            self.tables.set_code_style(style)
        self._show_title()

    def _names_changed(self, save: bool = True) -> None:
        names = self.commands.chosen_names()
        self.search.set_names(names)
        self.plan.model.set_names(names)
        if save:
            self.settings.set_names(names)

    def _view_changed(self, view_id: str) -> None:
        action = self.commands.views.get(view_id)
        if action is not None:
            action.setChecked(True)
        self.settings.set_last_view(view_id)

    def _restore_settings(self) -> None:
        self._state_restored = self.settings.restore(self, self.commands, self.diagram)
        self._names_changed(save=False)
        self._view_changed(self.diagram.current_view() or "")

    # ================================================================= events

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab pass over the panels hidden behind another's tab."""
        start = self.focusWidget()
        for _ in range(len(self.findChildren(QWidget))):  # at most once round
            if not super().focusNextPrevChild(next):
                return False
            now = self.focusWidget()
            if now is None or now is start or not self.docks.hides(now):
                return True
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._after_first_show)

    def _after_first_show(self) -> None:
        if self._closed:
            return
        if not self._state_restored:
            self.docks.fit_to_window()
        if os.environ.get(NOTICE_ENV) != "1" and not self.settings.tips_dismissed():
            self.show_tips()
        if not self.diagram.views():  # no first paint to wait for
            QTimer.singleShot(CHECK_REFERENCE_AFTER_MS, self._check_reference)
        said = offer_kept_notes(self, self.detail.notes, self.open_point)
        if said:
            self.statusBar().showMessage(said, 8000)
        show_safety_notice(self, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not (may_close(self, self.plan) and self.detail.close_notes()):
            event.ignore()
            return
        self.settings.save(self, self.search.model.names(), self.diagram)
        self._closed = True
        for window in (self.study, self.tables):
            if window is not None:
                window.close()
        super().closeEvent(event)
        self.userdata.close()
