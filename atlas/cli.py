"""The `atlas` command: the window by default, subcommands for scripts.

Every failure a user can cause (an unknown code, a bad option, a damaged
database) ends in a one-line message on stderr and a non-zero exit status,
never a traceback.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from atlas import __version__
from atlas.core.meta import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    CommandHandler,
    UsageError,
)

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from atlas.core import Atlas, Point


#: The options of the window itself; a command line of nothing else opens it without
#: building the parser or loading the printing subcommands.
WINDOW_OPTIONS = frozenset({"--exit-when-ready"})


def _parser() -> tuple[argparse.ArgumentParser, dict[str, CommandHandler]]:
    """The parser, and the handler of each of its commands."""
    import argparse

    from atlas.printing.cli import add_commands

    class _Parser(argparse.ArgumentParser):
        """argparse, but errors are one line and raise instead of exiting."""

        def error(self, message: str) -> NoReturn:
            raise UsageError(message)

    parser = _Parser(
        prog="atlas",
        description="Acupoint Atlas: an acupoint reference. With no command, opens the window.",
        epilog="An educational reference: treatment belongs with a licensed practitioner.",
    )
    parser.add_argument("--version", action="version", version=f"Acupoint Atlas {__version__}")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the window, wait until it has been drawn once, then exit (for smoke tests)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    from atlas.core.codes import CODE_STYLES

    codes_help = "write codes in WHO style (LR3, BL40) or the older style (LIV3, UB40)"
    search = commands.add_parser(
        "search",
        help="search points by code, name, indication...",
        description="Search points. With a filter and no query, list every point it keeps.",
    )
    search.add_argument(
        "query", nargs="*", help="what to look for (LI4, hegu, 合谷, leg cramps, pregnancy)"
    )
    search.add_argument("--channel", "-c", help="only this channel (LU, LI, ... EX)")
    search.add_argument("--region", "-r", help="only this body region (hand, leg, ...)")
    search.add_argument("--category", "-k", help="only this category (yuan_source, ...)")
    search.add_argument("--caution", metavar="FLAG", help="only points with this caution flag")
    search.add_argument(
        "--without-caution", metavar="FLAG", help="only points without it (pregnancy, ...)"
    )
    search.add_argument(
        "--limit", "-n", type=int, help="at most N results (20 for a query; a list is whole)"
    )
    search.add_argument("--json", action="store_true", help="print a JSON list of point rows")
    search.add_argument("--codes", choices=CODE_STYLES, default="who", help=codes_help)

    show = commands.add_parser("show", help="show everything about one point")
    show.add_argument("code", help="a point code in any common form (LI4, li-4, UB40)")
    show.add_argument("--json", action="store_true", help="print the point row as JSON")
    show.add_argument("--codes", choices=CODE_STYLES, default="who", help=codes_help)

    commands.add_parser("db-path", help="print the path of the built reference database")

    check = commands.add_parser("build", help="validate db/ and (re)build the reference database")
    check.add_argument("--check", action="store_true", help="only validate the sources")

    study = commands.add_parser("study", help="study mode's progress (the window's Go > Study)")
    study_commands = study.add_subparsers(
        dest="study_command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    stats = study_commands.add_parser(
        "stats", help="per deck studied: the cards due, learned, and the accuracy"
    )
    stats.add_argument("--json", action="store_true", help="print a JSON list, one object a deck")

    return parser, {**_COMMANDS, **add_commands(commands)}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _safe_output()
    try:
        if set(args_list) <= WINDOW_OPTIONS:
            return _window(exit_when_ready="--exit-when-ready" in args_list)
        parser, handlers = _parser()
        args = parser.parse_args(args_list)
        if args.command is None:
            return _window(exit_when_ready=args.exit_when_ready)
        return handlers[args.command](args)
    except UsageError as exc:
        _fail(f"{exc} (try 'atlas --help')")
        return EXIT_USAGE
    except CommandError as exc:
        _fail(str(exc))
        return exc.status
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        from atlas.core import AtlasDataError
        from atlas.core.safefile import FileWriteError
        from atlas.core.userdata import UserDataError

        if isinstance(exc, AtlasDataError):
            _fail(str(exc).splitlines()[0] if str(exc) else "the reference database is unusable")
            for line in str(exc).splitlines()[1:]:
                print(line, file=sys.stderr)
            return EXIT_ERROR
        if isinstance(exc, UserDataError | FileWriteError):  # already one plain line
            _fail(str(exc))
            return EXIT_ERROR
        _fail(f"unexpected error: {type(exc).__name__}: {exc}")
        return EXIT_ERROR


def _window(exit_when_ready: bool) -> int:
    from atlas.app import run

    return run(exit_when_ready=exit_when_ready)


def _fail(message: str) -> None:
    print(f"atlas: error: {message}", file=sys.stderr)


def _safe_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def open_atlas() -> Atlas:
    from atlas.core import Atlas

    return Atlas.open()


def _search(args: argparse.Namespace) -> int:
    from atlas.core.codes import format_code

    if args.limit is not None and args.limit < 1:
        raise CommandError("--limit must be at least 1", EXIT_USAGE)
    query = " ".join(args.query).strip()
    filters = {
        "channel": args.channel,
        "region": args.region,
        "category": args.category,
        "caution": args.caution,
        "without_caution": args.without_caution,
    }
    if not query and not any(filters.values()):
        raise CommandError(
            "give a query, or a filter (--channel, --region, --category, --caution,"
            " --without-caution) to list its points",
            EXIT_USAGE,
        )
    atlas = open_atlas()
    try:
        if query:
            found = [
                (r.point, r.match) for r in atlas.search(query, limit=args.limit or 20, **filters)
            ]
        else:
            found = [(p, "") for p in atlas.points(**filters)[: args.limit]]
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    if args.json:
        import json

        print(json.dumps([atlas.row(p.code) for p, _ in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print(f"No points found for {query!r}." if query else "No points match.", file=sys.stderr)
        return EXIT_OK
    shown = [format_code(p.code, args.codes) for p, _ in found]
    width = max(map(len, shown))
    for code, (p, match) in zip(shown, found, strict=True):
        hanzi = p.hanzi + " " * max(0, 8 - display_width(p.hanzi))
        print(f"{code:<{width}}  {p.pinyin_tones:<16} {hanzi} {p.english:<28} {match}".rstrip())
    return EXIT_OK


def display_width(text: str) -> int:
    """Terminal columns a text takes (East Asian wide characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _show(args: argparse.Namespace) -> int:
    atlas = open_atlas()
    point = atlas.point(args.code)
    if point is None:
        raise CommandError(f"unknown point code {args.code!r}")
    if args.json:
        import json

        print(json.dumps(atlas.row(point.code), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(format_point(atlas, point, args.codes))
    return EXIT_OK


def format_point(atlas: Atlas, point: Point, code_style: str = "who") -> str:
    """A point as readable terminal text, its codes in the given style (who, older)."""
    import shutil
    import textwrap

    from atlas.core.codes import format_channel, format_code, format_codes_in

    width = min(shutil.get_terminal_size((88, 24)).columns, 100)
    channel = atlas.channel(point.channel)
    region = atlas.region(point.region)
    lines = [
        f"{format_code(point.code, code_style)}  {point.pinyin_tones}  {point.hanzi}"
        f" ({point.hanzi_simplified})",
        f"{point.english} · {channel.english if channel else point.channel}"
        f" · {region.name if region else point.region}",
    ]
    if point.aliases:
        lines.append(f"Also: {', '.join(point.aliases)}")
    lines.append("")

    def section(title: str, text: str) -> None:
        lines.append(title.upper())
        for paragraph in format_codes_in(text, code_style).split("\n"):
            lines.extend(
                textwrap.wrap(paragraph, width, initial_indent="  ", subsequent_indent="  ")
            )
        lines.append("")

    if point.categories:
        cats = []
        for c in point.categories:
            category = atlas.category(c.category)
            relates_to = format_channel(c.relates_to, code_style)
            cats.append(f"{category.name if category else c.category} ({relates_to})")
        section("Categories", "; ".join(cats))
    section("Location", point.location)
    if point.location_alt:
        section("Alternative location (WHO)", point.location_alt)
    section("How to find it", point.how_to_find)
    section("Indications", ", ".join(point.indications))
    section("Actions", point.actions)
    if point.needled:
        technique = (
            f"{point.needling_angle.capitalize()}, {point.depth_text}. {point.needling_method}"
        )
    elif point.method_says_not_needled:
        technique = point.needling_method
    else:
        technique = f"Not needled. {point.needling_method}"
    section("Needling", technique)
    section("Moxibustion", point.moxibustion)
    flags = [flag.name for flag in map(atlas.caution_flag, point.caution_flags) if flag]
    section("Cautions" + (f" [{', '.join(flags)}]" if flags else ""), point.cautions)
    used_for = atlas.conditions_for(point.code)
    if used_for:
        section("Used for", ", ".join(c.name for c in used_for))
    lines.append("Educational reference only: treatment belongs with a licensed practitioner.")
    return "\n".join(lines)


def _db_path(args: argparse.Namespace) -> int:
    atlas = open_atlas()
    print(atlas.path)
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from atlas.core import build, cache, sources

    try:
        if args.check:
            build.load_sources()
            print("The point sources are valid.")
        else:
            print(cache.ensure_built(verify=True))
    except sources.BuildError as exc:
        raise CommandError(str(exc)) from exc
    return EXIT_OK


def _study(args: argparse.Namespace) -> int:
    """`atlas study stats`: all points, then each deck in the order first studied."""
    from datetime import UTC, datetime

    from atlas.core.study.progress import progress
    from atlas.core.userdata import UserData

    atlas = open_atlas()
    with UserData.open(_user_data_dir()) as store:
        if store.recovery:
            print(f"atlas: note: {store.recovery}", file=sys.stderr)
        decks = progress(atlas, store, datetime.now(UTC))
    if args.json:
        import json

        print(json.dumps([d.as_dict() for d in decks], ensure_ascii=False, indent=2))
        return EXIT_OK
    title = max(len("Deck"), *(display_width(d.title) for d in decks))
    print(f"{'Deck':<{title}}  {'Due':>5}  {'Learned':>7}  {'Studied':>7}  Accuracy")
    for d in decks:
        accuracy = d.tally.accuracy
        shown = f"{accuracy:.0%} of {d.tally.answers}" if accuracy is not None else "no answers"
        pad = " " * (title - display_width(d.title))
        print(f"{d.title}{pad}  {d.due:>5}  {d.learned:>7}  {d.studied:>7}  {shown}")
    return EXIT_OK


def _user_data_dir() -> Path:
    """The user's store, where the window keeps it (ATLAS_DATA_DIR overrides)."""
    import os
    from pathlib import Path

    override = os.environ.get("ATLAS_DATA_DIR")
    if override:
        return Path(override)
    from PySide6.QtCore import QCoreApplication

    from atlas.qtbase import identify, user_data_dir

    if QCoreApplication.instance() is None:
        identify(QCoreApplication(["atlas"]))
    return user_data_dir()


_COMMANDS: dict[str, CommandHandler] = {
    "search": _search,
    "show": _show,
    "db-path": _db_path,
    "build": _build,
    "study": _study,
}
