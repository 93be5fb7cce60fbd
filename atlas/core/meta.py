"""Names every layer shares: who the application is, and how a command fails.

They live in the core, the lowest layer, so that the command line, the window
and the printing commands all import them from here and never from each other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import argparse  # the window's way through the command line never loads it

#: The names QSettings and QStandardPaths derive the user's folders from.
APP_NAME = "Acupoint Atlas"
ORG_NAME = "AcupointAtlas"

#: Exit statuses of the `atlas` command.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

#: A subcommand: runs with the parsed arguments, returns the exit status.
CommandHandler: TypeAlias = "Callable[[argparse.Namespace], int]"


class UsageError(Exception):
    """Bad command-line usage, reported in one line."""


class CommandError(Exception):
    """A user-facing failure of a command, reported in one line."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status
