"""The plan being edited, as a model: the `Plan` record (as read from the store and
changed with `_replace`, so every field is kept), the plan as last saved, and
the undo stack whose commands change it. The Plan dock renders it and sends it
what the user does; nothing else keeps a copy of the plan.

Saving goes through the store's checks: `PlanConflict` when the plan was saved
elsewhere since it was read (`keep_mine`, `take_theirs` or `save_copy`),
`PlanDeleted` when it was deleted (`save_as_new`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from atlas.core import Atlas
from atlas.core.userdata import Plan, PlanConflict, UserData


def blank_plan() -> Plan:
    """A new plan: no name, no points, dated today."""
    return Plan(None, "", (), date=datetime.date.today().isoformat())


def has_sides(atlas: Atlas, code: str) -> bool:
    """Whether a side can be chosen for the point: a pair (LI4, EX-B2), not a point of
    the midline (GV20, EX-B5) nor one of a single side (EX-HN12, under the tongue on
    the left). A pair that is never needled (moxibustion only) has sides too."""
    point = atlas.point(code)
    if point is None or not point.is_bilateral:
        return False
    both = atlas.needle_count(code)
    return both == 0 or 0 < atlas.needle_count(code, "left") < both


class _Change(QUndoCommand):
    """One change of the plan's fields, kept as their values before and after."""

    def __init__(
        self, model: PlanModel, before: dict[str, Any], after: dict[str, Any], text: str
    ) -> None:
        super().__init__(text)
        self.model = model
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.model.update(**self.after)

    def undo(self) -> None:
        self.model.update(**self.before)


class PlanModel(QObject):
    """The plan being edited. `changed` follows every change (points, sides, fields,
    saving, loading). Points, their order and their sides change through undoable
    commands; the fields a user types (name, patient...) through `update`."""

    changed = Signal()

    def __init__(self, atlas: Atlas, store: UserData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._plan = blank_plan()
        self._saved: Plan | None = None  # as last read or saved

    # ------------------------------------------------------------ reading

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def saved(self) -> Plan | None:
        """The plan as last read from or saved to the store (None: never saved)."""
        return self._saved

    def codes(self) -> tuple[str, ...]:
        return self._plan.codes

    def side(self, code: str) -> str:
        return self._plan.side_of(code)

    def needles_of(self, code: str) -> int:
        return self.atlas.needle_count(code, self._plan.side_of(code))

    def needles(self) -> int:
        """Every location of every point on its side; nothing for a point not needled."""
        return sum(self.needles_of(code) for code in self._plan.codes)

    def is_modified(self) -> bool:
        """Whether anything differs from the plan as saved (or from a blank plan)."""
        baseline = self._saved or blank_plan()
        return _content(self._plan) != _content(baseline)

    # ------------------------------------------------------------ changing

    def update(self, **fields: Any) -> None:
        """Replace fields of the plan (the undo commands call this too)."""
        changed = self._plan._replace(**fields)
        if changed != self._plan:
            self._plan = changed
            self.changed.emit()

    def add(self, codes: Iterable[str]) -> list[str]:
        """Add points not yet in the plan (a pair on both sides); returns those added."""
        known = [self.atlas.point(c) for c in dict.fromkeys(codes)]
        new = [p.code for p in known if p is not None and p.code not in self._plan.codes]
        if new:
            text = f"Add {new[0]}" if len(new) == 1 else f"Add {len(new)} points"
            sides = (*self._plan.sides, *("both" if has_sides(self.atlas, c) else "" for c in new))
            self._push(text, codes=(*self._plan.codes, *new), sides=sides)
        return new

    def remove(self, codes: Iterable[str]) -> None:
        gone = set(codes) & set(self._plan.codes)
        if gone:
            text = f"Remove {next(iter(gone))}" if len(gone) == 1 else "Remove points"
            self._push_codes(text, [c for c in self._plan.codes if c not in gone])

    def move(self, code: str, delta: int) -> int | None:
        """Move a point up (-1) or down (+1); returns its new row (None: not moved)."""
        codes = list(self._plan.codes)
        if code not in codes:
            return None
        i = codes.index(code)
        j = max(0, min(len(codes) - 1, i + delta))
        if i == j:
            return None
        codes.insert(j, codes.pop(i))
        self._push_codes(f"Move {code}", codes)
        return j

    def set_side(self, code: str, side: str) -> None:
        """Needle a pair on both sides, the left or the right."""
        if code in self._plan.codes and has_sides(self.atlas, code) and side != self.side(code):
            sides = tuple(
                side if c == code else s
                for c, s in zip(self._plan.codes, self._plan.sides, strict=True)
            )
            self._push(f"{code}: {side}", sides=sides)

    def _push_codes(self, text: str, codes: Iterable[str]) -> None:
        moved = self._plan.with_codes(tuple(codes))
        self._push(text, codes=moved.codes, sides=moved.sides)

    def _push(self, text: str, **after: Any) -> None:
        before = {field: getattr(self._plan, field) for field in after}
        self.undo_stack.push(_Change(self, before, after, text))

    # ------------------------------------------------------------ the store

    def load(self, plan: Plan | None) -> None:
        """Edit another plan (None: a new one), as saved; the undo history is cleared."""
        self._saved = plan
        self._plan = plan if plan is not None else blank_plan()
        self.undo_stack.clear()
        self.changed.emit()

    def save(self) -> Plan:
        """Save the plan; raises UserDataError (PlanConflict, PlanDeleted) unsaved."""
        return self._saved_as(self.store.save_plan(self._plan))

    def keep_mine(self, conflict: PlanConflict) -> Plan:
        """After a conflict: save this plan over the one saved elsewhere."""
        return self._saved_as(
            self.store.save_plan(self._plan._replace(version=conflict.stored.version))
        )

    def take_theirs(self, conflict: PlanConflict) -> None:
        """After a conflict: drop the changes made here and edit the plan as stored."""
        self.load(conflict.stored)

    def save_copy(self) -> Plan:
        """Save this plan as a new plan, under a name no plan has ("Low back (copy)")."""
        names = {p.name for p in self.store.plans()}
        base = self._plan.name.strip()
        name, n = f"{base} (copy)", 1
        while name in names:
            n += 1
            name = f"{base} (copy {n})"
        return self._saved_as(self.store.save_plan(self._new()._replace(name=name)))

    def save_as_new(self) -> Plan:
        """After the plan was deleted elsewhere: save it again, as a new plan."""
        return self._saved_as(self.store.save_plan(self._new()))

    def delete(self) -> None:
        """Delete the saved plan; its points stay here, as a plan not yet saved."""
        if self._plan.id is not None:
            self.store.delete_plan(self._plan.id)
        self.forget()

    def forget(self) -> None:
        """The plan is no longer saved (deleted here or elsewhere): edit it as a new one."""
        self._saved = None
        self.update(id=None, version=None)

    def _new(self) -> Plan:
        return self._plan._replace(id=None, version=None)

    def _saved_as(self, saved: Plan) -> Plan:
        self._saved = saved
        self._plan = saved
        self.undo_stack.setClean()
        self.changed.emit()
        return saved


def _content(plan: Plan) -> Plan:
    """What the user sees of a plan (not its id or version)."""
    return plan._replace(id=None, version=None, name=plan.name.strip())
