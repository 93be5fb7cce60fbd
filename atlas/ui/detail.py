"""The detail pane: everything about the current point, and the user's own data on
it (the note, the favourite star).

Reference text is shown as HTML that this module generates, every dynamic
string escaped; the user's note is plain text (`atlas.ui.note_pane`), its state
kept by `atlas.ui.notes.Notes`. Nothing the store refuses is lost or raised: a
note it cannot take yet stays a draft and is saved again on a timer; a
favourite it cannot take is put back and said so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from atlas.core import Atlas, Point
from atlas.core import paths as core_paths
from atlas.core.codes import format_channel, format_code, format_codes_in
from atlas.core.userdata import UserData, UserDataError
from atlas.ui.notes import Notes

if TYPE_CHECKING:
    # Imported where used: PySide makes a class's enum types the first time the class
    # is touched, and start-up shows no point.
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QSplitter, QTextBrowser

    from atlas.ui.note_pane import NotePane

#: Milliseconds from the last keystroke to saving the note...
SAVE_DELAY_MS = 700
#: ...and between tries while the store cannot take it.
RETRY_MS = 1500

DISCLAIMER = (
    "Educational reference only. Diagnosis and treatment belong with a licensed practitioner."
)


def icon_path(name: str) -> str:
    return str(core_paths.assets_dir() / "icons" / f"{name}.svg")


def icon(name: str) -> QIcon:
    """An icon from assets/icons (an empty icon if the file is missing)."""
    return QIcon(icon_path(name))


def icon_image(name: str, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    from PySide6.QtSvg import QSvgRenderer  # icons are drawn after start-up

    renderer = QSvgRenderer(icon_path(name))
    if renderer.isValid():
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
    return image


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def point_html(
    atlas: Atlas, point: Point, palette: QPalette, guide: list[str], code_style: str = "who"
) -> str:
    """The reference text of a point as HTML (every dynamic string escaped), the codes
    it names written in `code_style`."""
    import html  # not needed before a point is shown

    def e(text: str) -> str:
        return html.escape(format_codes_in(text, code_style))

    dark = _is_dark(palette)
    text = palette.color(QPalette.ColorRole.Text).name()
    muted = QColor(text)
    muted.setAlphaF(0.7)
    heading = "#8fb8e8" if dark else "#1f4e79"
    rule = "#3a3f46" if dark else "#e3e7ee"
    chip_bg = "#2c3440" if dark else "#eef2f8"
    caution_bg = "#3b2a12" if dark else "#fff4e2"
    caution_border = "#c7791a" if dark else "#e8a13a"
    caution_ink = "#ffd9a8" if dark else "#6b3d00"

    def section(title: str, body: str) -> str:
        return (
            f'<h3 style="color:{heading}; margin-top:14px; margin-bottom:4px;'
            f' font-size:11pt;">{e(title)}</h3>{body}'
        )

    parts: list[str] = [f'<div style="color:{text};">']

    # cautions first, prominently
    flags = [atlas.caution_flag(f) for f in point.caution_flags]
    flag_names = [f.name for f in flags if f is not None]
    if point.cautions or flag_names:
        chips = "".join(
            f'<span style="background:{caution_border}; color:#ffffff;">&nbsp;{e(n)}&nbsp;</span>'
            "&nbsp; "
            for n in flag_names
        )
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="8"'
            f' style="background:{caution_bg}; border:1px solid {caution_border};'
            f' margin-top:6px;"><tr>'
            f'<td width="30" valign="top"><img src="icon:caution" width="22" height="22"></td>'
            f'<td valign="top" style="color:{caution_ink};"><b>Cautions</b>'
            f"{'<br>' + chips if chips else ''}"
            f'<div style="margin-top:4px;">{e(point.cautions)}</div></td></tr></table>'
        )

    location = f"<p style='margin:0'>{e(point.location)}</p>"
    if point.location_alt:
        location += (
            f"<p style='margin-top:4px'><i>Alternative location (WHO):</i>"
            f" {e(point.location_alt)}</p>"
        )
    if guide:
        items = "".join(f"<li>{e(g)}</li>" for g in guide)
        location += (
            f"<p style='margin-top:6px; margin-bottom:0'><b>Measuring guide</b>"
            f" <span style='color:{muted.name(QColor.NameFormat.HexArgb)}'>"
            "(shown on the diagram)</span></p>"
            f"<ul style='margin-top:2px'>{items}</ul>"
        )
    parts.append(section("Location", location))
    if point.how_to_find:
        parts.append(section("How to find it", f"<p style='margin:0'>{e(point.how_to_find)}</p>"))

    if point.categories:
        category_chips = []
        for membership in point.categories:
            category = atlas.category(membership.category)
            name = category.name if category is not None else membership.category
            relates = format_channel(membership.relates_to, code_style)
            label = f"{name} ({relates})" if relates else name
            category_chips.append(
                f'<span style="background:{chip_bg};">&nbsp;{e(label)}&nbsp;</span>'
            )
        parts.append(section("Categories", "&nbsp; ".join(category_chips)))

    if point.indications:
        parts.append(
            section("Indications", f"<p style='margin:0'>{e('; '.join(point.indications))}.</p>")
        )
    if point.actions:
        parts.append(section("Actions", f"<p style='margin:0'>{e(point.actions)}.</p>"))

    technique = point.technique()
    rows = "".join(
        f'<tr><td width="92" valign="top" style="color:{heading};"><b>{e(k)}</b></td>'
        f'<td valign="top">{e(v)}</td></tr>'
        for k, v in technique
        if v
    )
    parts.append(
        section("Technique", f'<table cellspacing="0" cellpadding="3" width="100%">{rows}</table>')
    )

    conditions = atlas.conditions_for(point.code)
    if conditions:
        parts.append(
            section(
                "Used for these conditions in the atlas",
                f"<p style='margin:0'>{e(', '.join(c.name for c in conditions))}</p>",
            )
        )
    parts.append(f'<hr style="border:none; background:{rule}; height:1px;">')
    parts.append("</div>")
    return "".join(parts)


class DetailPane(QWidget):
    """Names and channel in a header; reference text; the user's note; actions.

    It reads and saves the note and the favourite of each point it shows in the
    user's `store`, and says what happened in `statusMessage`.
    """

    addToPlanRequested = Signal(str)
    printRequested = Signal(str)
    favouriteToggled = Signal(str, bool)  # once the store has taken it
    noteSaved = Signal(str)
    statusMessage = Signal(str)

    # The point's widgets (made by _build_point_widgets when the first point is shown)
    code_label: QLabel
    names_label: QLabel
    english_label: QLabel
    channel_label: QLabel
    add_button: QPushButton
    favourite_button: QToolButton
    print_button: QPushButton
    text: QTextBrowser
    note_pane: NotePane
    note_status: QLabel
    note_edit: QPlainTextEdit
    splitter: QSplitter

    def __init__(
        self,
        atlas: Atlas,
        parent: QWidget | None = None,
        *,
        store: UserData,
        guide_for: Callable[[str], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.atlas = atlas
        self.guide_for = guide_for
        self.code: str | None = None
        self.code_style = "who"  # how codes are written (atlas.core.codes.CODE_STYLES)
        self.notes = Notes(store)
        self._header: QFrame | None = None

        # the empty state: what start-up shows
        self.placeholder = QLabel(
            "Search for a point, or click one on the diagram, to see it here.", self
        )
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.disclaimer = QLabel(DISCLAIMER, self)
        self.disclaimer.setObjectName("disclaimer")
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setContentsMargins(12, 6, 12, 8)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.placeholder, 1)
        self._layout.addWidget(self.disclaimer)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self.save_note)
        self._update_styles()

    def _build_point_widgets(self) -> QFrame:
        """The header, reference text and notes: made when the first point is shown,
        as start-up shows the empty state (and made once, then reused)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QTextDocument
        from PySide6.QtWidgets import QPushButton, QSplitter, QTextBrowser

        from atlas.ui.note_pane import NotePane

        # ---- header
        self.code_label = QLabel(self)
        self.code_label.setObjectName("detailCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.names_label = QLabel(self)
        self.names_label.setObjectName("detailNames")
        self.names_label.setTextFormat(Qt.TextFormat.PlainText)
        self.names_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.english_label = QLabel(self)
        self.english_label.setObjectName("detailEnglish")
        self.english_label.setTextFormat(Qt.TextFormat.PlainText)
        self.english_label.setWordWrap(True)
        self.channel_label = QLabel(self)
        self.channel_label.setObjectName("detailChannel")
        self.channel_label.setTextFormat(Qt.TextFormat.PlainText)
        self.channel_label.setWordWrap(True)

        self.add_button = QPushButton("Add to plan", self)
        self.add_button.setToolTip("Add this point to the treatment plan (Ctrl+Shift+A)")
        self.favourite_button = QToolButton(self)
        self.favourite_button.setCheckable(True)
        self.favourite_button.setIcon(icon("star-outline"))
        self.favourite_button.setIconSize(QSize(22, 22))
        self.favourite_button.setToolTip("Mark as a favourite")
        self.favourite_button.setAutoRaise(True)
        self.print_button = QPushButton("Print…", self)
        self.print_button.setToolTip("Print a sheet for this point (Ctrl+P)")

        header = QFrame(self)
        header.setObjectName("detailHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(14, 12, 14, 10)
        header_layout.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.code_label)
        top.addWidget(self.names_label, 1)
        top.addWidget(self.favourite_button)
        header_layout.addLayout(top)
        header_layout.addWidget(self.english_label)
        header_layout.addWidget(self.channel_label)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 6, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        header_layout.addLayout(buttons)

        # ---- reference text (its HTML names the caution icon as an icon: URL)
        self.text = QTextBrowser(self)
        self.text.setObjectName("detailText")
        self.text.setOpenLinks(False)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        document = self.text.document()
        document.setDocumentMargin(12)
        document.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl("icon:caution"),
            icon_image("caution", 40),
        )

        # ---- notes
        self.note_pane = notes = NotePane(self)
        self.note_status = notes.status
        self.note_edit = notes.editor

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.addWidget(self.text)
        self.splitter.addWidget(notes)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([720, 150])
        notes.setMinimumHeight(110)

        self._layout.insertWidget(0, header)
        self._layout.insertWidget(2, self.splitter, 1)

        notes.edited.connect(self._note_edited)
        notes.refused.connect(self.statusMessage)
        self.add_button.clicked.connect(self._add)
        self.print_button.clicked.connect(self._print)
        self.favourite_button.toggled.connect(self._favourite)
        return header

    # ------------------------------------------------------------ wiring

    def set_favourite_state(self, favourite: bool) -> None:
        if self._header is None:  # no point shown yet
            return
        self.favourite_button.blockSignals(True)
        self.favourite_button.setChecked(favourite)
        self.favourite_button.blockSignals(False)
        self.favourite_button.setIcon(icon("star" if favourite else "star-outline"))
        refusal = self.notes.store.refusal
        self.favourite_button.setEnabled(not refusal)
        if refusal:
            from atlas.ui.dialogs import tip

            self.favourite_button.setToolTip(tip(f"Favourites cannot be changed: {refusal}."))
        else:
            self.favourite_button.setToolTip(
                "Remove from favourites" if favourite else "Mark as a favourite"
            )

    # ------------------------------------------------------------ showing

    def show_point(self, code: str | None) -> None:
        """Show a point (or the empty state for None)."""
        from atlas.ui.dialogs import tip

        self.leave_note()
        point = self.atlas.point(code) if code else None
        self.code = point.code if point is not None else None
        has = point is not None
        self.placeholder.setVisible(not has)
        if self._header is None and has:
            self._header = self._build_point_widgets()
        if self._header is not None:
            self._header.setVisible(has)
            self.splitter.setVisible(has)
        if point is None:
            return
        channel = self.atlas.channel(point.channel)
        self.code_label.setText(format_code(point.code, self.code_style))
        self.names_label.setText(f"{point.pinyin_tones}   {point.hanzi}")
        self.english_label.setText(point.english)
        if channel is not None:
            region = self.atlas.region(point.region)
            where = f"  ·  {region.name}" if region is not None else ""
            self.channel_label.setText(f"{channel.english}  {channel.hanzi}{where}")
            self.channel_label.setToolTip(tip(f"{channel.pinyin}: {channel.summary}"))
            self.code_label.setStyleSheet(
                f"QLabel#detailCode {{ background: {channel.colour}; color: white;"
                " border-radius: 6px; padding: 3px 9px; }"
            )
        self.refresh_text()
        self._show_note(point.code)
        self._show_favourite(point.code)

    def set_code_style(self, style: str) -> None:
        """Write codes in a code style (who, older): the point's own and those in its text."""
        self.code_style = style
        if self.code is not None:
            self.code_label.setText(format_code(self.code, style))
            self.refresh_text()

    def refresh_text(self) -> None:
        point = self.atlas.point(self.code) if self.code else None
        if point is None:
            return
        guide = self.guide_for(point.code) if self.guide_for is not None else []
        scroll = self.text.verticalScrollBar().value()
        self.text.setHtml(point_html(self.atlas, point, self.palette(), guide, self.code_style))
        self.text.verticalScrollBar().setValue(scroll if self.code == point.code else 0)

    # ------------------------------------------------------------ notes

    def _show_note(self, code: str) -> None:
        try:
            text, reason = self.notes.read(code), self.notes.refusal
        except UserDataError as exc:  # shown read-only: saving would replace unseen text
            text, reason = "", f"The note could not be read, so it cannot be changed now: {exc}"
        self.note_pane.show_note(code, text, reason)
        self._show_note_state()

    def _show_note_state(self) -> None:
        code = self.note_pane.code
        if code is not None:
            self.note_pane.show_state(self.notes.state(code), self.notes.problem(code))

    def _note_edited(self, code: str, text: str) -> None:
        self.notes.edit(code, text)
        self._show_note_state()
        self._note_timer.start(SAVE_DELAY_MS)

    def save_note(self) -> None:
        """Save every note the store has not taken yet; those it still cannot take
        are tried again on a timer."""
        self._note_timer.stop()
        if not self.notes.pending():
            return
        for code in self.notes.save():
            self.noteSaved.emit(code)
        self._show_note_state()
        if self.notes.pending():
            self._note_timer.start(RETRY_MS)

    def leave_note(self) -> None:
        """Before another point is shown: save the note, or keep it in the recovery
        file (and say so) when the store cannot take it yet. Either way it stays a
        draft and is tried again."""
        code = self.note_pane.code if self._header is not None else None
        self.save_note()
        if code is None or code not in self.notes.pending():
            return
        problem = self.notes.problem(code)
        try:
            where = self.notes.keep(code)
        except UserDataError as exc:
            self.statusMessage.emit(
                f"Your note on {code} is not saved yet ({problem}) and could not be kept"
                f" in a recovery file either ({exc}); it is tried again while the atlas is open."
            )
            return
        self.statusMessage.emit(
            f"Your note on {code} is not saved yet ({problem}); it is kept in {where} and"
            " tried again."
        )

    def close_notes(self) -> bool:
        """When the window closes: save every note, waiting the store's whole timeout;
        a note the store still cannot take is kept in the recovery file, and the user
        told where. False when one could be kept nowhere and the user chose to stay."""
        from atlas.ui.dialogs import ask

        self._note_timer.stop()
        if not self.notes.pending():
            return True
        self.notes.save(wait=None)
        kept, lost = [], []
        for code in self.notes.pending():
            try:
                kept.append((code, self.notes.keep(code)))
            except UserDataError as exc:
                lost.append(f"{code}: {exc}")
        if kept:
            codes = ", ".join(code for code, _ in kept)
            ask(
                self,
                "notesKept",
                "Notes kept for the next start",
                f"Your notes on {codes} could not be saved"
                f" ({self.notes.problem(kept[0][0])}).\n\nThey are kept in {kept[0][1]}"
                " and will be offered back when the atlas starts again.",
                icon="information",
            )
        if lost:
            answer = ask(
                self,
                "notesLost",
                "Notes not saved",
                "These notes could not be saved or kept anywhere:\n"
                + "\n".join(lost)
                + "\n\nClose anyway and lose them, or stay and copy them somewhere safe?",
                ("Stay", "Close and lose them"),
                icon="warning",
            )
            return answer == "Close and lose them"
        return True

    # ------------------------------------------------------------ actions

    def _add(self) -> None:
        if self.code:
            self.addToPlanRequested.emit(self.code)

    def _print(self) -> None:
        if self.code:
            self.printRequested.emit(self.code)

    def _show_favourite(self, code: str) -> None:
        try:
            favourite = self.notes.store.is_favourite(code)
        except UserDataError as exc:
            favourite = False
            self.statusMessage.emit(f"Your favourites could not be read: {exc}")
        self.set_favourite_state(favourite)

    def _favourite(self, on: bool) -> None:
        code = self.code
        if not code:
            return
        try:
            self.notes.store.set_favourite(code, on)
        except UserDataError as exc:
            self.set_favourite_state(not on)
            change = "added to" if on else "removed from"
            self.statusMessage.emit(f"{code} was not {change} your favourites. {exc}")
            return
        self.set_favourite_state(on)
        self.favouriteToggled.emit(code, on)

    # ------------------------------------------------------------ looks

    def _update_styles(self) -> None:
        dark = _is_dark(self.palette())
        header_bg = "#262b33" if dark else "#f7f9fc"
        rule = "#3a3f46" if dark else "#e1e6ee"
        muted = "#aab3bf" if dark else "#5b6573"
        disclaimer_bg = "#1f3347" if dark else "#eaf2fb"
        disclaimer_ink = "#cfe2f7" if dark else "#1f4e79"
        self.setStyleSheet(
            f"QFrame#detailHeader {{ background: {header_bg}; border-bottom: 1px solid {rule}; }}"
            "QLabel#detailCode { font-size: 17pt; font-weight: 600; }"
            "QLabel#detailNames { font-size: 16pt; }"
            "QLabel#detailEnglish { font-size: 12pt; font-weight: 600; }"
            f"QLabel#detailChannel {{ color: {muted}; }}"
            f"QLabel#detailPlaceholder {{ color: {muted}; font-size: 11pt; padding: 24px; }}"
            f"QLabel#disclaimer {{ background: {disclaimer_bg}; color: {disclaimer_ink};"
            f" border-top: 1px solid {rule}; }}"
        )

    def changeEvent(self, event: object) -> None:
        from PySide6.QtCore import QEvent

        super().changeEvent(event)  # type: ignore[arg-type]
        if getattr(event, "type", lambda: None)() == QEvent.Type.PaletteChange:
            self._update_styles()
            self.refresh_text()
