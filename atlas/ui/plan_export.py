"""A treatment plan as plain text on the clipboard (Plan › Copy Plan as Text) and as a
CSV file for a spreadsheet (Plan › Export Plan as CSV…). Imported when first used.

`plan_text` and `plan_csv` need no Qt; `export_plan_csv` asks where to save (the
Documents folder, under a safe file name) and writes the file whole or not at all.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import NamedTuple

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from atlas.core import Atlas
from atlas.core.codes import format_code
from atlas.core.filenames import safe_file_name
from atlas.core.safefile import FileWriteError, write_bytes
from atlas.core.userdata import Plan
from atlas.qtbase import documents_dir

UNTITLED = "Treatment plan"


class PlanPoint(NamedTuple):
    """A point of a plan as it is written out."""

    number: int  # its place in the plan, from 1
    code: str  # in the code style chosen
    pinyin: str
    hanzi: str
    english: str
    side: str  # "both sides", "midline"
    needles: int


def _side_words(side: str, paired: bool) -> str:
    if not paired:
        return "midline"
    return {"left": "left side", "right": "right side"}.get(side, "both sides")


def plan_points(atlas: Atlas, plan: Plan, code_style: str = "who") -> list[PlanPoint]:
    """The plan's points the atlas knows, in order."""
    rows: list[PlanPoint] = []
    for code in plan.codes:
        point = atlas.point(code)
        if point is None:
            continue
        rows.append(
            PlanPoint(
                len(rows) + 1,
                format_code(point.code, code_style),
                point.pinyin_tones,
                point.hanzi,
                point.english,
                _side_words(plan.side_of(code), point.is_bilateral),
                atlas.needle_count(code, plan.side_of(code)),
            )
        )
    return rows


def plan_text(atlas: Atlas, plan: Plan, code_style: str = "who") -> str:
    """The plan as plain text: its name, then a line per point with its names and side,
    the needle count, and the plan's notes."""
    points = plan_points(atlas, plan, code_style)
    lines = [f"{UNTITLED}: {plan.name or 'untitled'}", ""]
    lines += [
        f"{p.number}. {p.code}  {p.pinyin}  {p.hanzi}  {p.english} ({p.side})" for p in points
    ]
    needles = sum(p.needles for p in points)
    lines += ["", f"{needles} needle{'s' if needles != 1 else ''} for {len(points)} points"]
    if plan.notes.strip():
        lines += ["", "Notes:", plan.notes.strip()]
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ("Plan", "No.", "Code", "Pinyin", "Hanzi", "English", "Side", "Needles")


def plan_csv(atlas: Atlas, plan: Plan, code_style: str = "who") -> str:
    """The plan as CSV: a header, then a row per point (the plan's own fields on each)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for p in plan_points(atlas, plan, code_style):
        writer.writerow(
            [_cell(plan.name), p.number, p.code, p.pinyin, p.hanzi, p.english, p.side, p.needles]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """User text for a spreadsheet cell: one that would start a formula is kept as text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def copy_plan_text(atlas: Atlas, plan: Plan, code_style: str = "who") -> None:
    """Put the plan on the clipboard as plain text."""
    QGuiApplication.clipboard().setText(plan_text(atlas, plan, code_style))


def export_plan_csv(
    parent: QWidget | None, atlas: Atlas, plan: Plan, code_style: str = "who"
) -> Path | None:
    """Ask where to save the plan as CSV (the dialog asks before replacing a file) and
    write it; returns the file written, or None (cancelled, or the failure shown in a
    message box)."""
    title = f"{UNTITLED} - {plan.name}" if plan.name else UNTITLED
    dialog = QFileDialog(
        parent,
        "Export plan as CSV",
        str(documents_dir() / f"{safe_file_name(title)}.csv"),
        "CSV files (*.csv)",
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    try:
        # with a byte-order mark, spreadsheets read the pinyin and hanzi as UTF-8
        return write_bytes(path, plan_csv(atlas, plan, code_style).encode("utf-8-sig"), True)
    except FileWriteError as exc:
        QMessageBox.warning(parent, "Acupoint Atlas", f"The plan was not saved: {exc}")
        return None
