"""Help: the keyboard shortcut sheet, a short guide to the window and to reading a
point, and the first-run tips.

The sheet is made from the window's actions when it is shown, so it lists every
shortcut there is and no other. The guide's cautions come from the atlas's own
list of caution flags. Imported when the user first asks for help (or on the first
run, for the tips): start-up shows none of it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMenuBar,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas
from atlas.ui.detail import DISCLAIMER

if TYPE_CHECKING:
    from atlas.ui.actions import WindowActions

#: Keys that work without an action of their own (lists, fields and the focus).
KEYS_WITHOUT_ACTIONS = (
    ("Lists", "Move through the list", "Up, Down, Page Up, Page Down"),
    ("Lists", "Open the point, or choose the channel or condition", "Enter"),
    ("Search field", "Move through the results without leaving the field", "Up, Down"),
    ("Search field", "Open the highlighted result (the first if none)", "Enter"),
    ("Conditions filter", "Choose the first condition shown", "Enter"),
    ("Everywhere", "Go to the next or the previous field", "Tab, Shift+Tab"),
)


class Shortcut(NamedTuple):
    """One row of the shortcut sheet."""

    where: str  # the menu it is in ("Plan"), or where it works
    what: str  # what it does, in the words of its menu item
    keys: str  # as the system writes them ("Ctrl+Shift+A")


def _words(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def _keys(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return " or ".join(k.toString(native) for k in action.shortcuts())


def shortcuts(bar: QMenuBar, actions: Iterable[QAction]) -> list[Shortcut]:
    """Every shortcut of the window: those in the menus, in menu order, then those
    of `actions` that no menu holds."""
    rows: list[Shortcut] = []
    listed: set[QAction] = set()

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} › {_words(action)}")
            elif action.shortcuts() and action not in listed:
                listed.add(action)
                rows.append(Shortcut(where, _words(action), _keys(action)))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _words(top))
    for action in actions:
        if action.shortcuts() and action not in listed and _words(action):
            listed.add(action)
            rows.append(Shortcut("Elsewhere", _words(action), _keys(action)))
    return rows


def shortcut_sheet(rows: Sequence[Shortcut]) -> str:
    """The sheet as HTML (every string escaped), grouped by where the keys work."""
    e = html.escape
    parts = ["<h2>Keyboard shortcuts</h2>"]
    rows = [*rows, *(Shortcut(*row) for row in KEYS_WITHOUT_ACTIONS)]
    groups: dict[str, list[Shortcut]] = {}
    for row in rows:
        groups.setdefault(row.where, []).append(row)
    for where, group in groups.items():
        parts.append(f"<h3>{e(where)}</h3><table cellspacing='0' cellpadding='3'>")
        parts.extend(
            f"<tr><td width='220'><b>{e(row.keys)}</b></td><td>{e(row.what)}</td></tr>"
            for row in group
        )
        parts.append("</table>")
    return "".join(parts)


def guide(atlas: Atlas) -> str:
    """The guide to the window and to reading a point, as HTML."""
    e = html.escape
    cautions = "".join(
        f"<li><b>{e(flag.name)}</b>: {e(flag.summary)}</li>" for flag in atlas.caution_flags()
    )
    return f"""
<h2>The window</h2>
<p><b>Search</b> (top left). Type a point's code in any common form (LI4, li-4, UB40),
its name in pinyin, hanzi or English, or a symptom. The filters below the field keep
one channel, body region or category. The arrow keys move through the results, and
Enter or a click opens one.</p>
<p><b>The diagram</b> (centre). Click a point to open it, or a part of the body to list
the points that lie there. Scroll to zoom, drag to move around; the toolbar and the
View menu change the view.</p>
<p><b>Point</b> (right). Everything about the open point, the cautions first; below
it your own notes, which are saved as you type and stay on this computer.</p>
<p><b>Channels, Conditions and Plan</b> (bottom left, as tabs). Choosing a channel
lists its points in order and brings out its pathway; the box beside it shows or
hides the pathway. Choosing a condition lists the points used for it, each with the
reason. The plan gathers the points of a treatment, counts the needles (a point
found on both sides of the body counts twice), and saves and prints.</p>
<p>Each panel can be moved, floated or closed, and has a key of its own (Alt+1 to
Alt+5; the Go menu lists them). View › Panels › Reset Layout puts every panel back.</p>

<h2>Reading a point</h2>
<p><b>Code and names.</b> The code is the WHO one: LI4 is the fourth point of the
Large Intestine channel, EX-HN3 an extra point of the head and neck. The names are
the pinyin (with its tones), the hanzi and an English rendering of the name's
meaning.</p>
<p><b>Cun: a ruler that fits the person.</b> Locations are measured in cun, a unit
that grows and shrinks with the body being treated, so one description fits a child
and a tall adult alike.</p>
<ul>
<li><b>B-cun</b> (bone-proportional cun) divides the stretch between two landmarks
into a fixed number of equal parts, whatever its length: from the elbow crease to the
wrist crease is always 12 B-cun, from the navel to the top of the pubic bone 5 B-cun,
from the crease behind the knee to the outer ankle bone 16 B-cun.</li>
<li><b>F-cun</b> (finger cun) is taken from the fingers of the person being treated:
the width of the thumb is 1 F-cun, and four fingers held side by side are 3 F-cun.
It serves for short distances; over long ones B-cun are more reliable.</li>
</ul>
<p><b>The measuring guide.</b> For many points the diagram draws how the place is
found: a line between the landmarks used, marked off in cun, with the point where
the count ends. The Point panel lists the same measures in words under Location.
Read them with the location text: find the landmarks first, then count the cun
along the line.</p>
<p><b>Technique.</b> The angle of insertion (perpendicular, oblique or transverse),
the usual depth range in cun, the method, and whether moxibustion is used.</p>
<p><b>Cautions</b> come first, in a framed box, with a flag for each kind of risk.
The flags mean:</p>
<ul>{cautions}</ul>
<p><i>{e(DISCLAIMER)}</i></p>
"""


class HelpDialog(QDialog):
    """Help in two pages, the keyboard shortcuts and the guide; not modal."""

    KEYS, GUIDE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle("Acupoint Atlas Help")
        self.tabs = QTabWidget(self)
        self.pages: list[QTextBrowser] = []
        for title in ("Keyboard shortcuts", "Guide"):
            page = QTextBrowser(self.tabs)
            page.setOpenLinks(False)
            self.tabs.addTab(page, title)
            self.pages.append(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def show_page(self, page: int, sheet: str, guide_html: str) -> None:
        """Show a page (KEYS or GUIDE), with the sheet and the guide as they are now."""
        self.pages[self.KEYS].setHtml(sheet)
        self.pages[self.GUIDE].setHtml(guide_html)
        self.tabs.setCurrentIndex(page)
        self.show()
        self.raise_()
        self.activateWindow()
        self.pages[page].setFocus()

    def text(self, page: int) -> str:
        return self.pages[page].toPlainText()


def tips(commands: WindowActions, save_plan: QAction) -> list[str]:
    """The first-run tips, with the shortcuts as the window has them."""

    def key(action: QAction) -> str:
        return _keys(action) or "its menu"

    panels = ", ".join(
        f"{key(a)} {_words(a).removesuffix(' Panel')}" for a in commands.panels.values()
    )
    return [
        f"Search with {key(commands.find)}: a code in any form (LI4, li-4, UB40), a name in"
        " pinyin, hanzi or English, or a symptom. Up and Down move through the results;"
        " Enter opens one.",
        "Click a point on the diagram to open it, or a part of the body to list its points."
        " Scroll to zoom and drag to move around.",
        f"Each panel is a key away: {panels}.",
        "Distances are in cun that fit the person: B-cun divide the body between"
        " landmarks, F-cun are finger widths. Help › Guide explains how to read a point.",
        f"Add the open point to a treatment plan with {key(commands.add_to_plan)}; the Plan"
        f" panel counts the needles, saves ({key(save_plan)}) and prints.",
        f"Every shortcut is on one sheet: {key(commands.shortcuts)}.",
    ]


class TipsBar(QFrame):
    """A strip of tips above the diagram: one at a time, Next, and Hide for good."""

    dismissed = Signal()

    def __init__(self, tips: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tipsBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tips = list(tips)
        self.index = 0
        self.label = QLabel(self)
        self.label.setObjectName("tipText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.next_button = QToolButton(self)
        self.next_button.setText("Next tip")
        self.next_button.setAutoRaise(True)
        self.hide_button = QToolButton(self)
        self.hide_button.setText("Hide tips")
        self.hide_button.setToolTip("Help › Show Tips brings them back")
        self.hide_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.next_button)
        layout.addWidget(self.hide_button)
        self.next_button.clicked.connect(self.next_tip)
        self.hide_button.clicked.connect(self._dismiss)
        self._show_tip()

    def tip(self) -> str:
        return self.label.text()

    def next_tip(self) -> None:
        self.index = (self.index + 1) % len(self.tips)
        self._show_tip()

    def _show_tip(self) -> None:
        self.label.setText(f"Tip {self.index + 1} of {len(self.tips)}: {self.tips[self.index]}")

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
