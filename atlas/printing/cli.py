"""`atlas print` and `atlas book`: PDF output from the command line.

    atlas print LI4 ST36 -o sheets.pdf [--handout] [--notes] [--paper a4|letter] [--force]
    atlas print --plan "Neck pain" -o plan.pdf [--handout]
    atlas book [--channel ST] -o stomach.pdf

Qt is imported only when a command runs, so `atlas --help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from atlas.core import Atlas
from atlas.core.meta import EXIT_OK, EXIT_USAGE, CommandError, CommandHandler

if TYPE_CHECKING:
    from collections.abc import Sequence

    from atlas.core.userdata import UserData
    from atlas.printing.handout import HandoutRefused
    from atlas.printing.render import Document, ProgressFn

PAPER_CHOICES = ("a4", "letter")

_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)


def add_commands(subparsers: argparse._SubParsersAction[_Parser]) -> dict[str, CommandHandler]:
    """Add the printing subcommands to the `atlas` parser; returns their handlers.

    `atlas.cli` builds the parser and calls this; the handlers go back to it.
    """
    printing = subparsers.add_parser(
        "print",
        help="write point sheets, a plan sheet or a patient handout as a PDF",
        description="Write point sheets (one page per point), a treatment plan's sheet, or a"
        " patient handout for self-acupressure, as a PDF.",
    )
    printing.add_argument("codes", nargs="*", metavar="CODE", help="point codes (LI4, st-36, UB40)")
    printing.add_argument("--plan", metavar="NAME", help="print this saved treatment plan")
    printing.add_argument(
        "--handout",
        action="store_true",
        help="a plain-language patient handout (large type, no needling) instead of sheets",
    )
    printing.add_argument(
        "--notes", action="store_true", help="include your own notes on point sheets"
    )
    _common(printing)
    _codes(printing)

    book = subparsers.add_parser(
        "book",
        help="write one channel or the whole atlas as a PDF book",
        description="Write a PDF book: a cover, contents, one page per point in channel order,"
        " and an index by code, pinyin and English name.",
    )
    book.add_argument("--channel", "-c", metavar="CH", help="only this channel (LU, LI, ... EX)")
    book.add_argument("--notes", action="store_true", help="include your own notes")
    book.add_argument("--quiet", "-q", action="store_true", help="no progress bar on stderr")
    _common(book)
    _codes(book)

    return {"print": print_command, "book": book_command}


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write"
    )
    parser.add_argument(
        "--paper",
        choices=PAPER_CHOICES,
        type=str.lower,
        help="paper size (default: from your locale, A4 or US Letter)",
    )
    parser.add_argument("--force", "-f", action="store_true", help="overwrite an existing file")


def _codes(parser: argparse.ArgumentParser) -> None:
    from atlas.core.codes import CODE_STYLES

    parser.add_argument(
        "--codes",
        dest="code_style",
        choices=CODE_STYLES,
        default="who",
        help="write codes in WHO style (LR3, BL40) or the older style (LIV3, UB40)",
    )


def _output(args: argparse.Namespace) -> Path:
    """The -o path, checked before any work: a one-line error for anything unwritable."""
    from atlas.core.safefile import FileExists, FileWriteError, check_target

    try:
        path = Path(args.output).expanduser()
    except RuntimeError:  # ~name of a user this system does not know
        user = args.output.split("/", 1)[0]
        raise CommandError(f"there is no user {user[1:]!r}, so {user} means nothing here",
                           EXIT_USAGE) from None  # fmt: skip
    try:
        check_target(path, replace=args.force)
    except FileExists as exc:
        raise CommandError(f"{exc} (use --force to replace it)") from exc
    except FileWriteError as exc:
        raise CommandError(str(exc)) from exc
    return path


def _write(
    document: Document,
    path: Path,
    paper: str | None,
    progress: ProgressFn | None = None,
    replace: bool = False,
) -> int:
    """Write the PDF whole or not at all; a failure is a one-line error and exit status 1."""
    from atlas.core.safefile import FileWriteError
    from atlas.printing.render import write_pdf

    try:
        result = write_pdf(document, path, paper, progress=progress, replace=replace)
    except FileWriteError as exc:
        raise CommandError(str(exc)) from exc
    return result.pages


def _is_text(argument: str) -> bool:
    """False for a command-line argument that held undecodable bytes (surrogate escapes)."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _user_data() -> UserData:
    from atlas.core.userdata import UserData
    from atlas.printing.render import ensure_gui
    from atlas.qtbase import user_data_dir

    ensure_gui()
    store = UserData.open(user_data_dir())
    if store.recovery:
        print(f"atlas: note: {store.recovery}", file=sys.stderr)
    return store


def print_command(args: argparse.Namespace) -> int:
    if args.plan and args.codes:
        raise CommandError("give point codes or --plan NAME, not both", EXIT_USAGE)
    if not args.plan and not args.codes:
        raise CommandError("give at least one point code, or --plan NAME", EXIT_USAGE)
    if args.plan and args.notes:
        raise CommandError("--notes applies to point sheets, not to plans", EXIT_USAGE)
    if args.plan and not _is_text(args.plan):
        raise CommandError("the plan name holds bytes that are not valid text (UTF-8)", EXIT_USAGE)
    path = _output(args)
    atlas = Atlas.open()
    from atlas.core.codes import format_code
    from atlas.printing.render import ensure_gui

    ensure_gui()
    from atlas.printing.handout import Handout, HandoutRefused, printable
    from atlas.printing.plan import PlanSheet
    from atlas.printing.sheets import PointSheet

    style = args.code_style
    document: Document
    if args.plan:
        store = _user_data()
        plan = store.plan(args.plan)
        if plan is None:
            names = ", ".join(repr(p.name) for p in store.plans()[:8])
            hint = f" (saved plans: {names})" if names else " (there are no saved plans)"
            raise CommandError(f"no plan called {args.plan!r}{hint}")
        if not plan.codes:
            raise CommandError(f"the plan {plan.name!r} has no points")
        if args.handout:
            codes, refused = printable(atlas, plan.codes)
            if not codes:
                raise CommandError(f"no point of the plan {plan.name!r} has a handout:"
                                   f" {_refusals(refused, style)}")  # fmt: skip
            if refused:
                print(f"atlas: note: left out of the handout: {_refusals(refused, style)}",
                      file=sys.stderr)  # fmt: skip
            document = Handout(atlas, codes, title=f"Self-acupressure at home: {plan.name}",
                               code_style=style)  # fmt: skip
        else:
            document = PlanSheet(atlas, plan, code_style=style)
    else:
        codes = []
        for raw in args.codes:
            point = atlas.point(raw)
            if point is None:
                raise CommandError(f"unknown point code {raw!r}")
            codes.append(point.code)
        if args.handout:
            try:
                document = Handout(atlas, codes, code_style=style)
            except HandoutRefused as exc:
                code = format_code(exc.code, style)
                raise CommandError(
                    f"there is no handout for {code}: {exc.reason};"
                    f" print its point sheet instead (atlas print {code})"
                ) from exc
        else:
            notes = _user_data().note if args.notes else None
            document = PointSheet(atlas, codes, notes=notes, code_style=style)
    pages = _write(document, path, args.paper, replace=args.force)
    print(f"Wrote {path} ({pages} page{'s' if pages != 1 else ''}).", file=sys.stderr)
    return EXIT_OK


def _refusals(refused: Sequence[HandoutRefused], style: str) -> str:
    from atlas.core.codes import format_code

    return "; ".join(f"{format_code(r.code, style)} ({r.reason})" for r in refused)


class ProgressBar:
    """A one-line progress bar on stderr (a line per tenth when stderr is not a terminal)."""

    def __init__(self, label: str, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.started = time.monotonic()
        self._last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        fraction = done / total
        if self.tty:
            width = 30
            filled = int(width * fraction)
            bar = "█" * filled + "░" * (width - filled)
            end = "\n" if done >= total else ""
            sys.stderr.write(f"\r{self.label} {bar} {done}/{total} pages{end}")
            sys.stderr.flush()
        else:
            tenth = int(fraction * 10)
            if tenth != self._last_tenth:
                self._last_tenth = tenth
                sys.stderr.write(f"{self.label}: {done}/{total} pages ({fraction:.0%})\n")
                sys.stderr.flush()


def book_command(args: argparse.Namespace) -> int:
    path = _output(args)
    atlas = Atlas.open()
    channel = None
    if args.channel:
        found = atlas.channel(args.channel)
        if found is None:
            known = ", ".join(c.code for c in atlas.channels())
            raise CommandError(f"unknown channel {args.channel!r} (one of {known})", EXIT_USAGE)
        channel = found.code

    from atlas.printing.render import ensure_gui

    ensure_gui()
    from atlas.printing.book import Book

    notes = _user_data().note if args.notes else None
    document = Book(atlas, channel, notes=notes, code_style=args.code_style)
    bar = ProgressBar("Writing " + path.name, enabled=not args.quiet)
    started = time.monotonic()
    pages = _write(document, path, args.paper, progress=bar, replace=args.force)
    took = time.monotonic() - started
    print(f"Wrote {path} ({pages} pages in {took:.1f} s).", file=sys.stderr)
    return EXIT_OK
