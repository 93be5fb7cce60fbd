"""Qt widgets: the main window, panes, docks and dialogs."""

from atlas.ui.main_window import MainWindow

__all__ = ["MainWindow"]
