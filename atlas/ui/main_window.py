"""The main window (placeholder until the main-window work lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from atlas.core import Atlas


class MainWindow(QMainWindow):
    def __init__(self, atlas: Atlas | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas or Atlas.open()
        self.setWindowTitle("Acupoint Atlas")
        label = QLabel(f"{len(tuple(self.atlas.all_points()))} points", self)
        label.setObjectName("diagramView")
        self.setCentralWidget(label)
        self.resize(1280, 800)
