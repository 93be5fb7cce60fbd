"""The user's notes as the window edits them (Qt-free): what is shown, what the store
has not taken yet and why, and what was kept in the recovery file.

A note is never lost. Text the store cannot take (another program holds it, the
disk is full) stays here as a draft, shown and marked unsaved, and is tried
again on every save until the store takes it. A draft still unsaved when the
user leaves its point or closes the window is kept in the recovery file beside
the store (`UserData.keep_unsaved`), and the next start offers it back.
"""

from __future__ import annotations

import enum
from pathlib import Path

from atlas.core.userdata import UnsavedNote, UserData, UserDataError

#: Seconds a save waits on a busy store while the user types; the window tries again
#: later, so typing never freezes for the store's whole busy timeout.
SAVE_WAIT = 0.2


class NoteState(enum.Enum):
    """Where the text of a point's note stands."""

    SAVED = "saved"  # the store holds what is shown
    EDITING = "editing"  # changed since; saved when the typing pauses
    UNSAVED = "unsaved"  # the store could not take it: kept in memory and tried again
    READ_ONLY = "read_only"  # the store takes no changes (see `refusal`)


class Notes:
    """The notes of the user's store, with the drafts it has not taken yet."""

    def __init__(self, store: UserData) -> None:
        self.store = store
        self._drafts: dict[str, str] = {}  # text the store does not have yet, by point
        self._problems: dict[str, str] = {}  # why a draft's last save failed (one line)
        self._kept: set[str] = set()  # drafts in the recovery file, cleared once saved

    @property
    def writable(self) -> bool:
        return self.store.writable

    @property
    def refusal(self) -> str:
        """Why notes cannot be changed, as a sentence ('' when they can)."""
        reason = self.store.refusal
        return f"Notes cannot be changed: {reason}." if reason else ""

    def read(self, code: str) -> str:
        """The point's note as it should be shown: its draft, else the stored text.
        Raises UserDataError when the store cannot be read."""
        draft = self._drafts.get(code)
        return draft if draft is not None else self.store.note(code)

    def edit(self, code: str, text: str) -> None:
        """The user changed the note: a draft until the next save takes it."""
        self._drafts[code] = text
        self._problems.pop(code, None)

    def state(self, code: str) -> NoteState:
        if not self.writable:
            return NoteState.READ_ONLY
        if code not in self._drafts:
            return NoteState.SAVED
        return NoteState.UNSAVED if code in self._problems else NoteState.EDITING

    def problem(self, code: str) -> str:
        """Why the note's last save failed ('' if it did not)."""
        return self._problems.get(code, "")

    def pending(self) -> list[str]:
        """The points whose notes the store does not have yet."""
        return list(self._drafts)

    def save(self, wait: float | None = SAVE_WAIT) -> list[str]:
        """Try to save every draft, waiting `wait` seconds on a busy store (None: the
        store's own timeout). Returns the points saved; the others stay drafts."""
        saved = []
        for code, text in list(self._drafts.items()):
            try:
                self.store.set_note(code, text, wait=wait)
            except UserDataError as exc:
                self._problems[code] = str(exc)
                continue
            del self._drafts[code]
            self._problems.pop(code, None)
            saved.append(code)
        self._forget_kept()
        return saved

    def keep(self, code: str) -> Path:
        """Keep a draft in the recovery file (for the next start); returns the file.
        Raises UserDataError when that fails too (the draft stays in memory)."""
        path = self.store.keep_unsaved(code, self._drafts[code])
        self._kept.add(code)
        return path

    # ------------------------------------------------------------ at the next start

    def kept(self) -> list[UnsavedNote]:
        """Notes kept in the recovery file by an earlier session (not this one's drafts).
        Raises UserDataError when the file cannot be read (it is then kept aside,
        never deleted)."""
        return [n for n in self.store.unsaved() if n.code not in self._kept]

    def restore(self, note: UnsavedNote) -> bool:
        """Put a kept note back as the point's note. True when the store took it; else
        it stays a draft (and in the recovery file) and is tried again."""
        self.edit(note.code, note.text)
        self._kept.add(note.code)
        self.save(wait=None)
        return note.code not in self._drafts

    def discard(self, note: UnsavedNote) -> None:
        """Forget a kept note. Raises UserDataError when the recovery file cannot be
        written."""
        self.store.clear_unsaved(note.code)

    def _forget_kept(self) -> None:
        """Clear from the recovery file the kept drafts that have been saved since."""
        for code in sorted(self._kept - set(self._drafts)):
            try:
                self.store.clear_unsaved(code)
            except UserDataError:
                return  # tried again after the next save
            self._kept.discard(code)
