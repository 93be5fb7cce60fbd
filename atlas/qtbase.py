"""The Qt application's identity and the user's folders: what every Qt layer needs.

A layer of its own, just above the core and below the diagram, so that the
window (`atlas.app`, `atlas.ui`) and the printing commands (`atlas.printing`)
name the application and find the user's store the same way without
importing each other.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from atlas import __version__
from atlas.core.meta import APP_NAME, ORG_NAME


def identify(app: QCoreApplication) -> None:
    """Set the names that QSettings and QStandardPaths derive their locations from."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)


def user_data_dir() -> Path:
    """Where notes and plans live: ATLAS_DATA_DIR, else Qt's AppDataLocation.

    The window and the command line (`atlas print --plan`) both use this, so
    they see the same plans. Needs the application to be identified first.
    """
    override = os.environ.get("ATLAS_DATA_DIR")
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".acupoint-atlas"


def documents_dir() -> Path:
    """Where printed and exported files go by default: the user's documents folder
    (Qt's DocumentsLocation), or the home folder where there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()
