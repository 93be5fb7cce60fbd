"""Print, preview and PDF export from the window: thin Qt dialogs over the one render path.

The window calls these through `atlas.ui.printouts` (File > Print..., Print
Preview..., Export PDF..., the print buttons on the detail pane and the plan dock,
Ctrl+P):

    print_point(parent, atlas, code, userdata=None)       -> bool
    print_points(parent, atlas, codes, userdata=None)     -> bool
    preview_point(parent, atlas, code, userdata=None)     -> None
    export_pdf(parent, atlas, codes, userdata=None, handout=False) -> Path | None
    print_plan(parent, atlas, plan, userdata=None)        -> bool
    preview_plan(parent, atlas, plan, userdata=None)      -> None
    export_plan_pdf(parent, atlas, plan, userdata=None)   -> Path | None
    print_handout / preview_handout / export_handout_pdf(parent, atlas, codes or plan)
    export_book(parent, atlas, channel=None, userdata=None) -> Path | None
    choose_paper(parent) -> str | None                      (A4 or Letter, remembered)

Each takes `code_style` ("who", the default, or "older": LIV3, UB40), the style the
codes are written in. Every function catches its own failures and tells the user
in a plain message box; none raises into the window. A handout for a point that
has none (no self-care text, or not to be pressed at home) is refused in a
message box that says why and offers the point sheet instead. The paper size is remembered in
QSettings ("printing/paper"), defaulting to the locale's (A4 or US Letter).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from atlas.core import Atlas, Point
from atlas.core.codes import format_code
from atlas.core.filenames import safe_file_name
from atlas.core.userdata import Plan
from atlas.printing import fonts
from atlas.printing.render import (
    Document,
    default_paper,
    page_layout,
    paper_of,
    render,
    write_pdf,
)
from atlas.qtbase import documents_dir

if TYPE_CHECKING:
    from atlas.printing.handout import HandoutRefused

_keep: dict[QPrintPreviewDialog, QPrinter] = {}

PAPER_KEY = "printing/paper"
DIR_KEY = "printing/last_folder"
TITLE = "Acupoint Atlas"


# --------------------------------------------------------------------------- paper


def current_paper() -> str:
    value = QSettings().value(PAPER_KEY, "")
    paper = str(value).lower() if value else ""
    return paper if paper in ("a4", "letter") else default_paper()


def set_paper(paper: str) -> None:
    QSettings().setValue(PAPER_KEY, paper.lower())


def choose_paper(parent: QWidget | None) -> str | None:
    """Ask for the paper size (A4 or US Letter); remembered for printing and PDFs."""
    names = ["A4 (210 × 297 mm)", "US Letter (8.5 × 11 in)"]
    current = 1 if current_paper() == "letter" else 0
    choice, ok = QInputDialog.getItem(
        parent, f"{TITLE}: paper size", "Paper size for sheets and PDFs:", names, current, False
    )
    if not ok:
        return None
    paper = "letter" if choice.startswith("US") else "a4"
    set_paper(paper)
    return paper


def make_printer(title: str) -> QPrinter:
    """A printer for a document; the name it offers a file is valid on every system, and
    where there is no printer to print on (it writes a PDF), the file goes to Documents."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(current_paper()))
    name = safe_file_name(title)
    printer.setDocName(name)  # print dialogs make the file's name from it
    printer.setCreator(TITLE)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        printer.setOutputFileName(str(documents_dir() / f"{name}.pdf"))
    return printer


# --------------------------------------------------------------------------- documents


def _notes(userdata: Any) -> Any:
    return userdata.note if userdata is not None else None


def point_document(
    atlas: Atlas, codes: Sequence[str], userdata: Any = None, code_style: str = "who"
) -> Document:
    from atlas.printing.sheets import PointSheet

    return PointSheet(atlas, list(codes), notes=_notes(userdata), code_style=code_style)


def plan_document(atlas: Atlas, plan: Plan, code_style: str = "who") -> Document:
    from atlas.printing.plan import PlanSheet

    return PlanSheet(atlas, plan, code_style=code_style)


def book_document(
    atlas: Atlas, channel: str | None = None, userdata: Any = None, code_style: str = "who"
) -> Document:
    from atlas.printing.book import Book

    return Book(atlas, channel, notes=_notes(userdata), code_style=code_style)


# --------------------------------------------------------------------------- generic dialogs


def _fail(parent: QWidget | None, what: str, exc: BaseException) -> None:
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    QMessageBox.warning(parent, TITLE, f"{what}\n\n{detail}")


def print_document(parent: QWidget | None, document: Document) -> bool:
    """The system print dialog, then the document to the chosen printer."""
    fonts.ensure_fonts()
    printer = make_printer(document.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print: {document.title}")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    set_paper(paper_of(printer.pageLayout()))
    try:
        first, last = printer.fromPage(), printer.toPage()
        render(document, printer, first=first or 1, last=last or 0)
    except Exception as exc:  # any failure becomes a message, never a traceback
        _fail(parent, "The sheet could not be printed.", exc)
        return False
    return True


def make_preview_dialog(parent: QWidget | None, document: Document) -> QPrintPreviewDialog:
    """A print preview dialog drawing the document (not yet shown)."""
    fonts.ensure_fonts()
    printer = make_printer(document.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview: {document.title}")
    dialog.resize(900, 1000)
    _keep[dialog] = printer  # the dialog does not own its printer: keep it alive with it
    dialog.destroyed.connect(lambda *_: _keep.pop(dialog, None))

    def paint(target: QPrinter) -> None:
        try:
            render(document, target)
            set_paper(paper_of(target.pageLayout()))
        except Exception as exc:
            _fail(dialog, "The preview could not be drawn.", exc)

    dialog.paintRequested.connect(paint)
    return dialog


def preview_document(parent: QWidget | None, document: Document) -> None:
    dialog = make_preview_dialog(parent, document)
    dialog.exec()
    dialog.deleteLater()


def _start_folder() -> Path:
    saved = QSettings().value(DIR_KEY, "")
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    return documents_dir()


def ask_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    """A save dialog for a PDF (it asks before replacing a file)."""
    start = _start_folder() / f"{safe_file_name(suggested)}.pdf"
    name, _ = QFileDialog.getSaveFileName(parent, "Export PDF", str(start), "PDF files (*.pdf)")
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    QSettings().setValue(DIR_KEY, str(path.parent))
    return path


def export_document(
    parent: QWidget | None,
    document: Document,
    suggested: str,
    path: Path | None = None,
    progress_label: str | None = None,
) -> Path | None:
    """Ask where to save (unless path is given) and write the PDF; returns the path or None."""
    target = path or ask_pdf_path(parent, suggested)
    if target is None:
        return None
    progress: QProgressDialog | None = None
    callback = None
    if progress_label:
        progress = QProgressDialog(progress_label, "", 0, 100, parent)
        progress.setWindowTitle(TITLE)
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)

        def callback(done: int, total: int) -> None:
            assert progress is not None
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

    try:
        write_pdf(document, target, current_paper(), progress=callback)
    except Exception as exc:
        _fail(parent, f"The PDF could not be written to {target}.", exc)
        return None
    finally:
        if progress is not None:
            progress.close()
            progress.deleteLater()
    return target


# --------------------------------------------------------------------------- points


def _point_codes(parent: QWidget | None, atlas: Atlas, codes: Sequence[str]) -> list[str] | None:
    known = []
    for code in codes:
        point = atlas.point(code)
        if point is None:
            QMessageBox.warning(parent, TITLE, f"There is no point {code!r} in the atlas.")
            return None
        known.append(point.code)
    if not known:
        QMessageBox.information(parent, TITLE, "Choose a point first.")
        return None
    return known


def print_point(
    parent: QWidget | None, atlas: Atlas, code: str, userdata: Any = None, code_style: str = "who"
) -> bool:
    codes = _point_codes(parent, atlas, [code])
    if not codes:
        return False
    return print_document(parent, point_document(atlas, codes, userdata, code_style))


def preview_point(
    parent: QWidget | None, atlas: Atlas, code: str, userdata: Any = None, code_style: str = "who"
) -> None:
    codes = _point_codes(parent, atlas, [code])
    if codes:
        preview_document(parent, point_document(atlas, codes, userdata, code_style))


def print_points(
    parent: QWidget | None,
    atlas: Atlas,
    codes: Sequence[str],
    userdata: Any = None,
    code_style: str = "who",
) -> bool:
    found = _point_codes(parent, atlas, codes)
    if not found:
        return False
    return print_document(parent, point_document(atlas, found, userdata, code_style))


def export_pdf(
    parent: QWidget | None,
    atlas: Atlas,
    codes: Sequence[str],
    userdata: Any = None,
    handout: bool = False,
    path: Path | None = None,
    code_style: str = "who",
) -> Path | None:
    """Point sheets (or a handout) for codes as a PDF."""
    found = _point_codes(parent, atlas, codes)
    if not found:
        return None
    if handout:
        return export_handout_pdf(parent, atlas, found, path, code_style)
    shown = [format_code(c, code_style) for c in found]
    suggested = "-".join(shown) if len(shown) <= 4 else f"{shown[0]}-and-{len(shown) - 1}-more"
    return export_document(parent, point_document(atlas, found, userdata, code_style), suggested,
                           path)  # fmt: skip


# --------------------------------------------------------------------------- plans


def _plan_ok(parent: QWidget | None, plan: Plan | None) -> bool:
    if plan is None or not plan.codes:
        QMessageBox.information(parent, TITLE, "The plan has no points yet.")
        return False
    return True


def print_plan(
    parent: QWidget | None, atlas: Atlas, plan: Plan, userdata: Any = None, code_style: str = "who"
) -> bool:
    if not _plan_ok(parent, plan):
        return False
    return print_document(parent, plan_document(atlas, plan, code_style))


def preview_plan(
    parent: QWidget | None, atlas: Atlas, plan: Plan, userdata: Any = None, code_style: str = "who"
) -> None:
    if _plan_ok(parent, plan):
        preview_document(parent, plan_document(atlas, plan, code_style))


def export_plan_pdf(
    parent: QWidget | None,
    atlas: Atlas,
    plan: Plan,
    userdata: Any = None,
    path: Path | None = None,
    code_style: str = "who",
) -> Path | None:
    if not _plan_ok(parent, plan):
        return None
    return export_document(parent, plan_document(atlas, plan, code_style), f"plan-{plan.name}",
                           path)  # fmt: skip


# --------------------------------------------------------------------------- handouts


def handout_or_sheet(
    parent: QWidget | None,
    atlas: Atlas,
    codes_or_plan: Sequence[str] | Plan,
    code_style: str = "who",
) -> Document | None:
    """The handout for points (or a plan's points that have one); where a point has
    none, a message box says why and offers its point sheet (or the plan's sheet)
    instead. None when there is nothing to print or the user said no."""
    from atlas.printing.handout import Handout, printable

    plan = codes_or_plan if isinstance(codes_or_plan, Plan) else None
    wanted: list[str] = list(_codes_of(codes_or_plan))
    codes, refused = printable(atlas, wanted)
    if not wanted or (not codes and not refused):
        QMessageBox.information(parent, TITLE, "Choose at least one point for the handout.")
        return None
    if refused and (plan is None or not codes):
        why = "\n".join(f"{format_code(r.code, code_style)}: {r.reason}." for r in refused)
        other = "the plan's sheet" if plan is not None else "the point sheet"
        answer = QMessageBox.question(
            parent, TITLE,
            f"There is no handout for {_names(refused, code_style)}, because\n{why}\n\n"
            f"Make {other} instead?",
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return None
        if plan is not None:
            return plan_document(atlas, plan, code_style)
        return point_document(atlas, [p.code for p in _known(atlas, wanted)], None, code_style)
    if refused:
        QMessageBox.information(
            parent, TITLE,
            f"The handout leaves out {_names(refused, code_style)}: "
            + "; ".join(f"{format_code(r.code, code_style)}, {r.reason}" for r in refused) + ".",
        )  # fmt: skip
    title = f"Self-acupressure at home: {plan.name}" if plan is not None else None
    return Handout(atlas, codes, title=title, code_style=code_style)


def _names(refused: Sequence[HandoutRefused], code_style: str) -> str:
    return ", ".join(format_code(r.code, code_style) for r in refused)


def _known(atlas: Atlas, codes: Sequence[str]) -> list[Point]:
    return [p for p in (atlas.point(c) for c in codes) if p is not None]


def print_handout(
    parent: QWidget | None, atlas: Atlas, codes: Sequence[str] | Plan, code_style: str = "who"
) -> bool:
    document = handout_or_sheet(parent, atlas, codes, code_style)
    return document is not None and print_document(parent, document)


def preview_handout(
    parent: QWidget | None, atlas: Atlas, codes: Sequence[str] | Plan, code_style: str = "who"
) -> None:
    document = handout_or_sheet(parent, atlas, codes, code_style)
    if document is not None:
        preview_document(parent, document)


def export_handout_pdf(
    parent: QWidget | None,
    atlas: Atlas,
    codes: Sequence[str] | Plan,
    path: Path | None = None,
    code_style: str = "who",
) -> Path | None:
    document = handout_or_sheet(parent, atlas, codes, code_style)
    if document is None:
        return None
    from atlas.printing.handout import Handout

    shown = [format_code(p.code, code_style) for p in _known(atlas, _codes_of(codes))]
    prefix = "handout-" if isinstance(document, Handout) else ""
    return export_document(parent, document, prefix + "-".join(shown[:4]), path)


def _codes_of(codes: Sequence[str] | Plan) -> Sequence[str]:
    return codes.codes if isinstance(codes, Plan) else codes


# --------------------------------------------------------------------------- books


def export_book(
    parent: QWidget | None,
    atlas: Atlas,
    channel: str | None = None,
    userdata: Any = None,
    path: Path | None = None,
    code_style: str = "who",
) -> Path | None:
    """One channel (or the whole atlas) as a PDF book, with a progress dialog."""
    try:
        document = book_document(atlas, channel, userdata, code_style)
    except KeyError:
        QMessageBox.warning(parent, TITLE, f"There is no channel {channel!r} in the atlas.")
        return None
    suggested = f"acupoint-atlas-{channel}" if channel else "acupoint-atlas"
    return export_document(parent, document, suggested, path,
                           progress_label="Writing the book…")  # fmt: skip
