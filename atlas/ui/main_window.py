"""The main window: search on the left, the body diagram in the centre, the point on the right.

Docks (all movable, their layout remembered): Search, Point, Channels,
Conditions and Plan. The window talks to `atlas.core` objects only; user data
goes through `atlas.core.userdata.UserData`.

Start-up does only what the first paint needs; the diagram builds its first
view when it is constructed, every other view when first shown. Dialogs are
imported where they are shown (see ARCHITECTURE.md, "Start-up").
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atlas import __version__
from atlas.core import Atlas
from atlas.core.userdata import UserData
from atlas.diagram.widget import DiagramPanel, DiagramView
from atlas.qtbase import user_data_dir
from atlas.ui.browse import ChannelBrowser, ConditionBrowser
from atlas.ui.detail import DISCLAIMER, DetailPane, icon
from atlas.ui.models import NAME_KINDS, PointListModel, Row, show_points
from atlas.ui.plan import PlanWidget
from atlas.ui.theme import THEME_TITLES, THEMES, apply_theme

if TYPE_CHECKING:
    # Dialogs are imported where they are used: PySide makes a class's enum types
    # the first time the class is touched, and start-up shows no dialog.
    from PySide6.QtWidgets import QMessageBox

NOTICE_ENV = "ATLAS_NO_FIRST_RUN_NOTICE"
NOTICE_KEY = "notice/accepted"
SEARCH_LIMIT = 100


class MainWindow(QMainWindow):
    """The atlas window. `current_code` is the point shown; `pointSelected` announces it."""

    pointSelected = Signal(str)

    def __init__(
        self,
        atlas: Atlas | None = None,
        parent: QWidget | None = None,
        *,
        userdata: UserData | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._owns_atlas = atlas is None
        self.atlas = atlas if atlas is not None else Atlas.open()
        self._owns_userdata = userdata is None
        self.userdata = userdata if userdata is not None else UserData.open(user_data_dir())
        self.settings = QSettings()
        self.current_code: str | None = None
        self._history: list[str] = []
        self._history_index = -1
        self._list_mode = "search"  # search, region, channel, condition, favourites
        self._shown_once = False
        self._closed = False

        self.setWindowTitle("Acupoint Atlas")
        # an explicit minimum keeps the layout from resizing the window's limits itself
        self.setMinimumSize(760, 480)
        self.setWindowIcon(icon("app"))
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        apply_theme(str(self.settings.value("view/theme", "system")))

        self._build_centre()
        self._build_search()
        self._build_detail()
        self._build_browsers()
        self._build_actions()
        self._build_menus()
        self._wire()
        self._restore_settings()
        self.statusBar().showMessage("Ready. Ctrl+F searches; click the diagram to explore.", 6000)
        self.results_label.setText("Type to search, or choose a channel, region or condition.")
        QTimer.singleShot(0, self._initial_results)

    # ================================================================= building

    def _build_centre(self) -> None:
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QFrame(centre)
        self.banner.setObjectName("recoveryBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 8, 8)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("recoveryText")
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setWordWrap(True)
        close = QToolButton(self.banner)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.banner.hide)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(close)
        self.banner.setStyleSheet(
            "QFrame#recoveryBanner { background: #fff1d6; border-bottom: 1px solid #e8a13a; }"
            "QLabel#recoveryText { color: #5a3600; }"
        )
        self.banner.hide()
        self.diagram_panel = DiagramPanel(self.atlas, centre)
        self.diagram: DiagramView = self.diagram_panel.view
        layout.addWidget(self.banner)
        layout.addWidget(self.diagram_panel, 1)
        self.setCentralWidget(centre)
        if self.userdata.recovery:
            self.show_banner(self.userdata.recovery)

    def _dock(self, title: str, name: str) -> QDockWidget:
        """A movable dock; its pane is made as its child and then set as its widget
        (reparenting a built pane would polish all of its widgets a second time)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

    def _build_search(self) -> None:
        self.search_dock = self._dock("Search", "searchDock")
        panel = QWidget(self.search_dock)
        panel.setObjectName("searchPanel")
        self.search_edit = QLineEdit(panel)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText("Search codes, names, symptoms…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(
            "Type a code (LI4, li-4, UB40), a name (Hegu, 合谷, Union Valley),"
            " a symptom or a condition (Ctrl+F)"
        )
        self.search_edit.setAccessibleName("Search")

        self.channel_filter = QComboBox(panel)
        self.channel_filter.setObjectName("channelFilter")
        self.channel_filter.addItem("All channels", "")
        for channel in self.atlas.channels():
            self.channel_filter.addItem(f"{channel.code}  {channel.english}", channel.code)
        self.region_filter = QComboBox(panel)
        self.region_filter.setObjectName("regionFilter")
        self.region_filter.addItem("All regions", "")
        for region in self.atlas.regions():
            self.region_filter.addItem(region.name, region.id)
        self.category_filter = QComboBox(panel)
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.addItem("All categories", "")
        for category in self.atlas.categories():
            self.category_filter.addItem(category.name, category.id)
        for combo, tip in (
            (self.channel_filter, "Only points of this channel"),
            (self.region_filter, "Only points in this body region"),
            (self.category_filter, "Only points of this category"),
        ):
            combo.setToolTip(tip)
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )

        self.results_label = QLabel(panel)
        self.results_label.setObjectName("resultsLabel")
        self.results_label.setWordWrap(True)
        self.results_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_list_button = QToolButton(panel)
        self.clear_list_button.setText("Clear")
        self.clear_list_button.setToolTip("Clear the search, the filters and the highlights")
        self.clear_list_button.setAutoRaise(True)

        self.results_model = PointListModel(self.atlas, self)
        self.results_view = QListView(panel)
        self.results_view.setObjectName("resultsView")
        show_points(self.results_view, self.results_model)
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results_view.setAccessibleName("Results")

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.channel_filter, 0, 0, 1, 2)
        grid.addWidget(self.region_filter, 1, 0)
        grid.addWidget(self.category_filter, 1, 1)
        label_row = QHBoxLayout()
        label_row.addWidget(self.results_label, 1)
        label_row.addWidget(self.clear_list_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_edit)
        layout.addLayout(grid)
        layout.addLayout(label_row)
        layout.addWidget(self.results_view, 1)
        self.search_dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(90)
        self.search_edit.installEventFilter(self)

    def _build_detail(self) -> None:
        self.detail_dock = self._dock("Point", "detailDock")
        self.detail = DetailPane(self.atlas, self.detail_dock, guide_for=self._guide_lines)
        self.detail.set_note_store(self.userdata.note, self._save_note)
        self.detail_dock.setWidget(self.detail)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)

    def _build_browsers(self) -> None:
        self.channel_dock = self._dock("Channels", "channelDock")
        self.condition_dock = self._dock("Conditions", "conditionDock")
        self.plan_dock = self._dock("Plan", "planDock")
        self.channel_browser = ChannelBrowser(self.atlas, self.channel_dock)
        self.condition_browser = ConditionBrowser(self.atlas, self.condition_dock)
        self.plan = PlanWidget(self.atlas, self.userdata, self.plan_dock)
        self.channel_dock.setWidget(self.channel_browser)
        self.condition_dock.setWidget(self.condition_browser)
        self.plan_dock.setWidget(self.plan)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.channel_dock)
        self.splitDockWidget(self.search_dock, self.channel_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.channel_dock, self.condition_dock)
        self.tabifyDockWidget(self.condition_dock, self.plan_dock)
        self.channel_dock.raise_()
        self.resizeDocks([self.search_dock, self.channel_dock], [560, 300], Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.search_dock, self.detail_dock], [330, 440], Qt.Orientation.Horizontal
        )

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.print_action = self._action(
            "&Print…",
            lambda: self.print_requested(),
            QKeySequence.StandardKey.Print,
            "Print a sheet for the current point",
        )
        self.preview_action = self._action(
            "Print Pre&view…",
            lambda: self.print_requested(preview=True),
            "Ctrl+Shift+P",
            "Preview the sheet for the current point",
        )
        self.export_action = self._action(
            "&Export PDF…", self.export_pdf, "Ctrl+E", "Save the current point's sheet as a PDF"
        )
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.find_action = self._action(
            "&Find", self.focus_search, QKeySequence.StandardKey.Find, "Focus the search field"
        )
        self.back_action = self._action(
            "&Back", self.go_back, QKeySequence("Alt+Left"), "The previously viewed point"
        )
        self.forward_action = self._action(
            "&Forward", self.go_forward, QKeySequence("Alt+Right"), "The next viewed point"
        )
        self.add_to_plan_action = self._action(
            "&Add Point to Plan",
            self.add_current_to_plan,
            "Ctrl+Shift+A",
            "Add the current point to the treatment plan",
        )
        self.undo_action = self.plan.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.plan.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.about_action = self._action("&About Acupoint Atlas", self.show_about)
        self.notice_action = self._action("&Safety Notice", lambda: self.show_notice(force=True))
        self.favourites_action = self._action(
            "Show &Favourites",
            self.show_favourites,
            "Ctrl+Shift+F",
            "List your favourite points",
        )
        self.clear_action = self._action(
            "&Clear Search and Highlights",
            self.clear_list,
            "Esc",
        )
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.search_dock.widget().addAction(self.clear_action)
        self.removeAction(self.clear_action)
        self._update_history_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.preview_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.clear_action)

        view_menu = bar.addMenu("&View")
        views_menu = view_menu.addMenu("Body &View")
        self.view_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for i, view_id in enumerate(self.diagram.views()):
            info = self.diagram.view_info(view_id)
            action = QAction(info.title if info else view_id, self)
            action.setCheckable(True)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, v=view_id: self.diagram.set_view(v))
            group.addAction(action)
            views_menu.addAction(action)
            self.addAction(action)
            self.view_actions[view_id] = action
        view_menu.addAction(self.diagram_panel.zoom_in_action)
        view_menu.addAction(self.diagram_panel.zoom_out_action)
        view_menu.addAction(self.diagram_panel.fit_action)
        view_menu.addSeparator()
        names_menu = view_menu.addMenu("&Names in Lists")
        self.name_actions: dict[str, QAction] = {}
        for kind, title in zip(NAME_KINDS, ("Pinyin", "Hanzi", "English"), strict=True):
            action = QAction(title, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda _on: self._names_changed())
            names_menu.addAction(action)
            self.name_actions[kind] = action
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_actions: dict[str, QAction] = {}
        theme_group = QActionGroup(self)
        for theme in THEMES:
            action = QAction(THEME_TITLES[theme], self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
            theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[theme] = action
        view_menu.addSeparator()
        panels_menu = view_menu.addMenu("&Panels")
        for dock in (
            self.search_dock,
            self.detail_dock,
            self.channel_dock,
            self.condition_dock,
            self.plan_dock,
        ):
            panels_menu.addAction(dock.toggleViewAction())
        panels_menu.addSeparator()
        panels_menu.addAction("Reset Layout", self.reset_layout)

        go_menu = bar.addMenu("&Go")
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.forward_action)
        go_menu.addSeparator()
        go_menu.addAction(self.favourites_action)

        plan_menu = bar.addMenu("&Plan")
        plan_menu.addAction(self.add_to_plan_action)
        plan_menu.addSeparator()
        plan_menu.addActions(self.plan.actions())

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.notice_action)
        help_menu.addAction(self.about_action)

    def _wire(self) -> None:
        self.search_edit.textChanged.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self._open_current_result)
        self._search_timer.timeout.connect(self._refresh_results)
        for combo in (self.channel_filter, self.region_filter, self.category_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.clear_list_button.clicked.connect(self.clear_list)
        self.results_view.activated.connect(self._result_activated)
        self.results_view.clicked.connect(self._result_activated)
        self.results_view.selectionModel().currentChanged.connect(self._result_current)
        self.results_view.customContextMenuRequested.connect(self._results_menu)

        self.diagram.pointClicked.connect(self.open_point)
        self.diagram.regionClicked.connect(self.show_region)
        self.diagram.addToPlanRequested.connect(lambda code: self.plan.add([code]))
        self.diagram.viewChanged.connect(self._view_changed)
        self.diagram.channelVisibilityChanged.connect(self.channel_browser.set_checked)

        self.detail.addToPlanRequested.connect(lambda code: self.plan.add([code]))
        self.detail.printRequested.connect(lambda code: self.print_requested(code))
        self.detail.favouriteToggled.connect(self._set_favourite)
        self.detail.noteSaved.connect(
            lambda code: self.statusBar().showMessage(f"Note on {code} saved.", 2500)
        )

        self.channel_browser.channelChosen.connect(self.show_channel)
        self.channel_browser.channelToggled.connect(self.diagram.set_channel_visible)
        self.condition_browser.conditionChosen.connect(self.show_condition)

        self.plan.pointActivated.connect(self.open_point)
        self.plan.showRequested.connect(self.show_plan_on_diagram)
        self.plan.planChanged.connect(self._plan_changed)
        self.plan.printRequested.connect(self.print_plan)
        self.plan.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 4000))

    # ================================================================= settings

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if (
            isinstance(geometry, QByteArray | bytes) and not self.restoreGeometry(geometry)
        ) or not isinstance(geometry, QByteArray | bytes):
            self.resize(1440, 900)
        state = s.value("window/state")
        self._state_restored = isinstance(state, QByteArray | bytes) and self.restoreState(state)
        names = s.value("view/names", ",".join(NAME_KINDS))
        chosen = {n for n in str(names).split(",") if n in NAME_KINDS} if names else set()
        for kind, action in self.name_actions.items():
            with QSignalBlocker(action):
                action.setChecked(kind in chosen)
        self._names_changed(save=False)
        theme = str(s.value("view/theme", "system"))
        self.theme_actions.get(theme, self.theme_actions["system"]).setChecked(True)
        hidden = s.value("view/hidden_channels", "")
        for code in (c for c in str(hidden or "").split(",") if c):
            self.diagram.set_channel_visible(code, False)
        last_view = s.value("view/last_view")
        if isinstance(last_view, str) and last_view in self.diagram.views():
            self.diagram.set_initial_view(last_view)
        self._view_changed(self.diagram.current_view() or "")

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("view/names", ",".join(self.results_model.names()))
        s.setValue("view/hidden_channels", ",".join(sorted(self.diagram.hidden_channels())))
        view = self.diagram.current_view()
        if view:
            s.setValue("view/last_view", view)
        s.sync()

    def _default_dock_sizes(self) -> None:
        width = self.width()
        side = max(300, min(380, int(width * 0.2)))
        detail = max(360, min(480, int(width * 0.25)))
        self.resizeDocks(
            [self.search_dock, self.detail_dock], [side, detail], Qt.Orientation.Horizontal
        )
        height = self.height()
        self.resizeDocks(
            [self.search_dock, self.channel_dock],
            [int(height * 0.55), int(height * 0.45)],
            Qt.Orientation.Vertical,
        )

    def reset_layout(self) -> None:
        for dock in (
            self.search_dock,
            self.detail_dock,
            self.channel_dock,
            self.condition_dock,
            self.plan_dock,
        ):
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)
        self.splitDockWidget(self.search_dock, self.channel_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.channel_dock, self.condition_dock)
        self.tabifyDockWidget(self.condition_dock, self.plan_dock)
        self.channel_dock.raise_()
        self._default_dock_sizes()

    def set_theme(self, theme: str) -> None:
        applied = apply_theme(theme)
        self.settings.setValue("view/theme", applied)
        action = self.theme_actions.get(applied)
        if action is not None:
            action.setChecked(True)
        self.detail.refresh_text()
        self.diagram.viewport().update()

    def _names_changed(self, save: bool = True) -> None:
        names = [k for k, a in self.name_actions.items() if a.isChecked()]
        self.results_model.set_names(names)
        self.plan.model.set_names(names)
        self.results_view.doItemsLayout()
        if save:
            self.settings.setValue("view/names", ",".join(names))

    def _view_changed(self, view_id: str) -> None:
        action = self.view_actions.get(view_id) if hasattr(self, "view_actions") else None
        if action is not None:
            action.setChecked(True)
        # written only when it changes: a write makes QSettings save the file (with an
        # fsync) from the event loop, and start-up would pay that for the same value
        if (
            view_id
            and hasattr(self, "settings")
            and self.settings.value("view/last_view") != view_id
        ):
            self.settings.setValue("view/last_view", view_id)

    # ================================================================= events

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._after_first_show)

    def _initial_results(self) -> None:
        if not self._closed and self.results_model.rowCount() == 0:
            self._refresh_results()

    def _after_first_show(self) -> None:
        if self._closed:
            return
        if not self._state_restored:
            self._default_dock_sizes()
        self.show_notice()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.plan.codes() and self.plan.is_modified() and self.isVisible():
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                "Unsaved plan",
                "The treatment plan has unsaved changes. Save it before closing?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.plan.save()
            ):
                event.ignore()
                return
        self.detail.save_note()
        self.save_settings()
        self._closed = True
        super().closeEvent(event)
        if self._owns_userdata:
            self.userdata.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
                Qt.Key.Key_PageUp,
                Qt.Key.Key_PageDown,
            ):
                self._move_in_results(event.key())
                return True
        return super().eventFilter(watched, event)

    # ================================================================= banners and dialogs

    def show_banner(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.show()

    def show_notice(self, force: bool = False) -> QMessageBox | None:
        """The one-time notice that this is an educational reference."""
        if not force and (
            os.environ.get(NOTICE_ENV) == "1" or self.settings.value(NOTICE_KEY, False, bool)
        ):
            return None
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("safetyNotice")
        box.setWindowTitle("An educational reference")
        box.setIcon(QMessageBox.Icon.Information)
        box.setText("<b>Acupoint Atlas is an educational reference.</b>")
        box.setInformativeText(
            "It helps you learn where points lie and what they are traditionally used for."
            " It is not a medical device and does not replace an examination.\n\n"
            "Needling and other treatment belong with a licensed practitioner. If you are"
            " unwell, see a doctor."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText("I understand")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self.settings.setValue(NOTICE_KEY, True))
        box.open()
        return box

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About Acupoint Atlas",
            f"<h3>Acupoint Atlas {__version__}</h3>"
            "<p>A desktop atlas of the 361 standard acupuncture points and 48 extra points,"
            " with clickable body diagrams, search, notes and treatment plans.</p>"
            "<p><b>Where the data comes from.</b> Point codes, names and locations follow"
            " the WHO Standard Acupuncture Point Locations in the Western Pacific Region"
            " (2008) and its proportional bone (B-cun) measurements. All descriptions,"
            " indications and cautions were written for this atlas and are reviewed as"
            " text in its source repository. Diagrams are drawn from the same"
            " measurements.</p>"
            f"<p>Reference data: build {self.atlas.version[:12] or 'unknown'}.<br>"
            "Your notes and plans are stored on this computer only.</p>"
            f"<p><i>{DISCLAIMER}</i></p>"
            "<p>Free software under the MIT licence.</p>",
        )

    # ================================================================= opening points

    def open_point(self, code: str, record: bool = True) -> bool:
        """Show a point: detail pane, diagram (view, centre, highlight), results selection."""
        point = self.atlas.point(code)
        if point is None:
            self.statusBar().showMessage(f"No point {code!r} in the atlas.", 4000)
            return False
        code = point.code
        self.current_code = code
        self.detail.show_point(code)
        self.detail.set_favourite_state(self.userdata.is_favourite(code))
        shown = self.diagram.select(code)
        if not shown:
            self.statusBar().showMessage(f"{code} is not drawn on any view yet.", 4000)
        row = self.results_model.row_of(code)
        if row >= 0:
            with QSignalBlocker(self.results_view.selectionModel()):
                self.results_view.setCurrentIndex(self.results_model.index(row))
        if record:
            if 0 <= self._history_index < len(self._history) and (
                self._history[self._history_index] == code
            ):
                pass
            else:
                del self._history[self._history_index + 1 :]
                self._history.append(code)
                self._history = self._history[-200:]
                self._history_index = len(self._history) - 1
        self._update_history_actions()
        self.setWindowTitle(f"{code} {point.pinyin_tones} {point.hanzi} · Acupoint Atlas")
        self.detail_dock.raise_()
        self.pointSelected.emit(code)
        return True

    def go_back(self) -> None:
        if self._history_index > 0:
            self._history_index -= 1
            self.open_point(self._history[self._history_index], record=False)

    def go_forward(self) -> None:
        if self._history_index < len(self._history) - 1:
            self._history_index += 1
            self.open_point(self._history[self._history_index], record=False)

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self._history_index > 0)
        self.forward_action.setEnabled(self._history_index < len(self._history) - 1)

    def focus_search(self) -> None:
        if not self.search_dock.isVisible():
            self.search_dock.show()
        self.search_dock.raise_()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # ================================================================= the results list

    def _search_typed(self, _text: str) -> None:
        self._list_mode = "search"
        self._search_timer.start()

    def _filters_changed(self, _index: int) -> None:
        if self._list_mode in ("condition", "favourites"):
            self._list_mode = "search"
        if self._list_mode == "channel" and not self.channel_filter.currentData():
            self._list_mode = "search"
        if self._list_mode == "region" and not self.region_filter.currentData():
            self._list_mode = "search"
        self._refresh_results()

    def _filters(self) -> tuple[str | None, str | None, str | None]:
        return (
            self.channel_filter.currentData() or None,
            self.region_filter.currentData() or None,
            self.category_filter.currentData() or None,
        )

    def _refresh_results(self) -> None:
        """List what the search field and filters ask for."""
        self._search_timer.stop()
        query = self.search_edit.text().strip()
        channel, region, category = self._filters()
        if self._list_mode == "condition":
            return
        try:
            if query:
                results = self.atlas.search(
                    query, channel=channel, region=region, category=category, limit=SEARCH_LIMIT
                )
                rows = [Row(r.point, _match_note(r.match)) for r in results]
                count = len(rows)
                label = (
                    f"{count} result{'s' if count != 1 else ''} for “{query}”"
                    if count
                    else f"Nothing found for “{query}”. Try a code, a name or a symptom."
                )
            else:
                points = self.atlas.points(channel=channel, region=region, category=category)
                rows = [Row(p) for p in points]
                label = self._browse_label(len(rows), channel, region, category)
        except ValueError as exc:  # an unknown filter value: never reaches the user as a trace
            rows, label = [], f"Cannot list: {exc}"
        self.results_model.set_rows(rows)
        self.results_label.setText(label)
        if self._list_mode == "search" and not (channel or region):
            self.diagram.highlight([])
            self.diagram.set_focus_channel(None)
        self._reselect_current()

    def _browse_label(
        self, count: int, channel: str | None, region: str | None, category: str | None
    ) -> str:
        parts = []
        if channel:
            found = self.atlas.channel(channel)
            parts.append(found.english if found else channel)
        if region:
            found_region = self.atlas.region(region)
            name = found_region.name if found_region else region
            if self._list_mode == "region":
                return f"{count} point{'s' if count != 1 else ''} in the {name.lower()} region"
            parts.append(name)
        if category:
            found_category = self.atlas.category(category)
            parts.append(found_category.name if found_category else category)
        if self._list_mode == "channel" and channel and not (region or category):
            return f"{parts[0]}: {count} points, in order"
        if not parts:
            return f"All {count} points. Type to search."
        return f"{count} point{'s' if count != 1 else ''}: {' · '.join(parts)}"

    def _reselect_current(self) -> None:
        if self.current_code is None:
            return
        row = self.results_model.row_of(self.current_code)
        if row >= 0:
            with QSignalBlocker(self.results_view.selectionModel()):
                self.results_view.setCurrentIndex(self.results_model.index(row))

    def _set_filters(self, channel: str = "", region: str = "", category: str = "") -> None:
        for combo, value in (
            (self.channel_filter, channel),
            (self.region_filter, region),
            (self.category_filter, category),
        ):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(value)))

    def _clear_query(self) -> None:
        with QSignalBlocker(self.search_edit):
            self.search_edit.clear()
        self._search_timer.stop()

    def _list_filtered(self, mode: str, channel: str = "", region: str = "") -> list[str]:
        """List the points a filter selects (the query cleared); returns their codes."""
        self._clear_query()
        self._set_filters(channel=channel, region=region)
        self._list_mode = mode
        self._refresh_results()
        return self.results_model.codes()

    def show_region(self, region: str) -> None:
        """List a body region's points (from a click on the diagram)."""
        if self.atlas.region(region) is None:
            return
        codes = self._list_filtered("region", region=region)
        self.diagram.set_focus_channel(None)
        self.diagram.highlight(codes)
        self.search_dock.raise_()

    def show_channel(self, channel: str) -> None:
        """List a channel's points in order and bring its pathway forward."""
        if self.atlas.channel(channel) is None:
            return
        codes = self._list_filtered("channel", channel=channel)
        self.diagram.set_channel_visible(channel, True)
        self.diagram.highlight([])
        self.diagram.set_focus_channel(channel)
        self._show_a_view_with(codes)

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

    def show_condition(self, condition_id: str) -> None:
        """List a condition's points with the reason for each, and highlight them."""
        condition = self.atlas.condition(condition_id)
        if condition is None:
            return
        self._clear_query()
        self._set_filters()
        self._list_mode = "condition"
        rows = []
        for member in condition.points:
            point = self.atlas.point(member.code)
            if point is not None:
                rows.append(Row(point, member.reason))
        self.results_model.set_rows(rows)
        self.results_label.setText(
            f"{condition.name}: {len(rows)} points, each with the reason it is used"
        )
        self.diagram.set_focus_channel(None)
        self.diagram.highlight([r.point.code for r in rows])
        self._show_a_view_with([r.point.code for r in rows])
        self._reselect_current()

    def show_favourites(self) -> None:
        self._clear_query()
        self._set_filters()
        self._list_mode = "favourites"
        codes = self.userdata.favourites()
        points = [p for p in (self.atlas.point(c) for c in codes) if p is not None]
        self.results_model.set_rows([Row(p) for p in points])
        self.results_label.setText(
            f"{len(points)} favourite point{'s' if len(points) != 1 else ''}"
            if points
            else "No favourites yet: use the star beside a point's name."
        )
        self.diagram.highlight([p.code for p in points])
        self.search_dock.raise_()

    def clear_list(self) -> None:
        self._clear_query()
        self._set_filters()
        self._list_mode = "search"
        self._refresh_results()
        self.diagram.highlight([])
        self.diagram.set_focus_channel(None)
        self.channel_browser.set_current(None)

    def _move_in_results(self, key: int) -> None:
        count = self.results_model.rowCount()
        if count == 0:
            return
        row = self.results_view.currentIndex().row()
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -10,
            Qt.Key.Key_PageDown: 10,
        }[Qt.Key(key)]
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.results_view.setCurrentIndex(self.results_model.index(row))

    def _result_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        point = self.results_model.point_at(current.row())
        if point is not None and point.code != self.current_code:
            self.open_point(point.code)

    def _result_activated(self, index: QModelIndex) -> None:
        point = self.results_model.point_at(index.row())
        if point is not None:
            self.open_point(point.code)

    def _open_current_result(self) -> None:
        self._refresh_results() if self._search_timer.isActive() else None
        row = self.results_view.currentIndex().row()
        point = self.results_model.point_at(row if row >= 0 else 0)
        if point is not None:
            self.open_point(point.code)

    def _results_menu(self, pos: QPoint) -> None:
        index = self.results_view.indexAt(pos)
        point = self.results_model.point_at(index.row()) if index.isValid() else None
        if point is None:
            return
        code = point.code
        menu = QMenu(self)
        menu.addAction(f"Open {code}", lambda: self.open_point(code))
        menu.addAction(f"Add {code} to the plan", lambda: self.plan.add([code]))
        menu.addAction(
            "Add all listed points to the plan", lambda: self.plan.add(self.results_model.codes())
        )
        menu.exec(self.results_view.viewport().mapToGlobal(pos))

    # ================================================================= plan and notes

    def add_current_to_plan(self) -> None:
        if self.current_code:
            self.plan.add([self.current_code])
            self.plan_dock.raise_()

    def show_plan_on_diagram(self) -> None:
        codes = self.plan.codes()
        self.diagram.set_focus_channel(None)
        self.diagram.highlight(codes)
        if codes and not any(self.diagram.placements(c) for c in codes):
            self.diagram.select(codes[0])
            self.diagram.select(self.current_code, centre=False)

    def _plan_changed(self, codes: list[str]) -> None:
        if self.plan_dock.isVisible() and not self.plan_dock.visibleRegion().isEmpty():
            self.diagram.highlight(codes)

    def _save_note(self, code: str, text: str) -> None:
        self.userdata.set_note(code, text)
        if not self.userdata.persistent:
            self.statusBar().showMessage("Note kept for this session only (see the banner).", 4000)

    def _set_favourite(self, code: str, on: bool) -> None:
        self.userdata.set_favourite(code, on)
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

    # ================================================================= printing

    def _printing(self) -> object | None:
        try:
            import importlib

            return importlib.import_module("atlas.printing.dialogs")
        except ImportError:
            self.statusBar().showMessage("Printing is not available in this installation.", 5000)
            return None

    def print_requested(self, code: str | None = None, preview: bool = False) -> None:
        """Print (or preview) the sheet of a point: the current one by default."""
        code = code or self.current_code
        if not code:
            self.statusBar().showMessage("Open a point first, then print its sheet.", 4000)
            return
        dialogs = self._printing()
        if dialogs is None:
            return
        name = "preview_point" if preview else "print_point"
        function = getattr(dialogs, name, None)
        if function is None:
            self.statusBar().showMessage("Printing is not available in this installation.", 5000)
            return
        self._call_printing(function, self, self.atlas, code, userdata=self.userdata)

    def export_pdf(self) -> None:
        codes = [self.current_code] if self.current_code else self.plan.codes()
        if not codes:
            self.statusBar().showMessage("Open a point first, then export its sheet.", 4000)
            return
        dialogs = self._printing()
        function = getattr(dialogs, "export_pdf", None) if dialogs is not None else None
        if function is None:
            self.statusBar().showMessage("PDF export is not available in this installation.", 5000)
            return
        self._call_printing(function, self, self.atlas, codes)

    def print_plan(self) -> None:
        dialogs = self._printing()
        function = getattr(dialogs, "print_plan", None) if dialogs is not None else None
        if function is None:
            self.statusBar().showMessage(
                "Plan printing is not available in this installation.", 5000
            )
            return
        from atlas.core.userdata import Plan

        plan = Plan(
            self.plan.plan_id, self.plan.name() or "Treatment plan", tuple(self.plan.codes())
        )
        self._call_printing(function, self, self.atlas, plan, self.userdata)

    def _call_printing(self, function: object, *args: object, **kwargs: object) -> None:
        try:
            function(*args, **kwargs)  # type: ignore[operator]
        except Exception as exc:  # printing must never crash the window
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Printing failed", f"The sheet could not be printed:\n{exc}")

    # ================================================================= helpers for tests

    def highlighted_codes(self) -> set[str]:
        return self.diagram.highlighted()

    def results_codes(self) -> list[str]:
        return self.results_model.codes()


def _match_note(match: str) -> str:
    return "" if match in ("code", "name") else match
