"""Message boxes that show user text as it is: plain text, never interpreted, and cut
to what a box can lay out (a 5 MB name without spaces would take minutes).

Every box the window shows with user text in it (plan names, notes, messages that
quote them) is made here. Imported where a box is shown: start-up shows none.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

#: The most of one piece of user text a box, a menu or a status message shows.
NAME_LIMIT = 120
#: The most of a whole message a box shows.
MESSAGE_LIMIT = 2000


def clip(text: str, limit: int = NAME_LIMIT) -> str:
    """User text for a mention in a line: at most `limit` characters (then "…"), its
    line breaks as spaces."""
    cut = text[:limit].replace("\r", " ").replace("\n", " ")
    return cut + "…" if len(text) > limit else cut


def quoted(text: str, limit: int = NAME_LIMIT) -> str:
    """A name in a sentence: “Low back”, cut to `limit` characters."""
    return f"“{clip(text, limit)}”"


def tip(text: str) -> str:
    """Text for a tooltip, shown as it is: Qt takes a tooltip that looks like HTML as
    HTML, so it is always given as escaped HTML ('' stays '', no tooltip)."""
    if not text:
        return ""
    import html

    lines = (html.escape(clip(line, MESSAGE_LIMIT)) for line in text.split("\n", 20)[:20])
    return f"<p>{'<br>'.join(lines)}</p>"


def menu_text(text: str, limit: int = NAME_LIMIT) -> str:
    """User text as a menu entry: cut, with "&" kept as it is (not a shortcut key)."""
    return clip(text, limit).replace("&", "&&")


def ask(
    parent: QWidget | None,
    name: str,
    title: str,
    text: str,
    choices: Sequence[str] = ("OK",),
    *,
    icon: str = "question",
    cancel: str | None = None,
) -> str | None:
    """A modal box in plain text with a button per choice (the first is the default)
    and, if given, a `cancel` button that Esc presses too. Returns the choice clicked,
    or None for `cancel` or a box closed. `name` is the box's objectName; `icon` is
    question, information, warning or critical."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setWindowTitle(title)
    box.setIcon(
        {
            "question": QMessageBox.Icon.Question,
            "information": QMessageBox.Icon.Information,
            "warning": QMessageBox.Icon.Warning,
            "critical": QMessageBox.Icon.Critical,
        }[icon]
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    # each line cut to what a box can lay out (user text may be megabytes)
    box.setText("\n".join(clip(line, MESSAGE_LIMIT) for line in text.split("\n", 40)[:40]))
    buttons = [(box.addButton(c, QMessageBox.ButtonRole.AcceptRole), c) for c in choices]
    if buttons:
        box.setDefaultButton(buttons[0][0])
    if cancel is not None:
        box.setEscapeButton(box.addButton(cancel, QMessageBox.ButtonRole.RejectRole))
    elif len(buttons) == 1:
        box.setEscapeButton(buttons[0][0])
    box.exec()
    clicked = box.clickedButton()
    return next((choice for button, choice in buttons if button is clicked), None)
