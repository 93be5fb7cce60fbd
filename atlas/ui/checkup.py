"""The reference database checked after start: `Atlas.verify()` on a worker thread
(off the window's thread, a second after the first frame), then, if
it found damage, `Atlas.repair()` on the window's thread, which uses the atlas.

`repaired` follows a repair (the window lists and shows things again), `failed`
a repair that could not be made (with the message to show).
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QObject, QThreadPool, Signal

from atlas.core import Atlas, AtlasDataError


class ReferenceCheck(QObject):
    """Verifies the atlas's database once, off the window's thread."""

    damaged = Signal(list)  # what the check found (before repairing)
    repaired = Signal()
    failed = Signal(str)
    _checked = Signal(list)  # from the worker thread, delivered on the window's

    def __init__(self, atlas: Atlas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self._checked.connect(self._repair)

    def start(self) -> None:
        """Check on a worker thread; the answer comes back on this object's thread."""
        QThreadPool.globalInstance().start(self._check)

    def _check(self) -> None:  # on the worker thread
        try:
            problems = self.atlas.verify()
        except Exception as exc:  # a file the check cannot read is rebuilt too
            problems = [f"the check failed: {exc}"]
        with suppress(RuntimeError):  # the window closed meanwhile
            self._checked.emit(problems)

    def _repair(self, problems: list[str]) -> None:
        if not problems:
            return
        self.damaged.emit(problems)
        try:
            self.atlas.repair()
        except AtlasDataError as exc:
            self.failed.emit(str(exc))
            return
        self.repaired.emit()
