"""What the diagram leaves on the screen is what a full repaint of it draws: the view
repaints an item only within its bounds, so a text placed beyond them was left half
drawn, or not drawn at all, until something else repainted that part."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from atlas.ui import MainWindow


def pixels_differing(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    assert a.size() == b.size()
    pixels_a, pixels_b = bytes(a.constBits()), bytes(b.constBits())
    stride, count = a.bytesPerLine(), 0
    for y in range(a.height()):
        row_a, row_b = (
            pixels_a[y * stride : (y + 1) * stride],
            pixels_b[y * stride : (y + 1) * stride],
        )
        if row_a != row_b:
            count += sum(row_a[x : x + 4] != row_b[x : x + 4] for x in range(0, stride, 4))
    return count


def test_opening_points_from_the_search_leaves_every_text_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    """LI4 opened from the search on a 1366x768 screen: its guide's end names stood
    beyond the guide's bounds, one cut in half, the other missing, though the layout
    had placed both (BL23 and CV4 the same)."""
    viewport = window.diagram.viewport()
    for code in ["LI4", "BL23", "CV4", "ST36", "GB34", "GB20"]:
        window.search.edit.setFocus()
        window.search.edit.setText(code)
        qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
        qtbot.wait(300)  # every repaint the opening leads to
        on_screen = window.screen().grabWindow(window.winId()).toImage()
        at = viewport.mapTo(window, viewport.rect().topLeft())
        shown = on_screen.copy(QRect(at, viewport.size()))
        # a few pixels of an outline where the figure is copied in parts: no text
        assert pixels_differing(shown, viewport.grab().toImage()) <= 12, code
