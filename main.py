"""Composition root: parse the arguments, then start the GUI or run one headless command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


class _NotGui(Exception):
    """The arguments are not those of a plain GUI start: the full command-line parser handles them."""


class _GuiParser(argparse.ArgumentParser):
    def error(self, message: str):
        raise _NotGui(message)


def gui_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options of a GUI start (only --db, --lang and --user), read without importing the commands and the
    database layer they need; None when `argv` holds anything else (a command, --help, a mistake)."""
    p = _GuiParser(add_help=False)
    p.add_argument("--db")
    p.add_argument("--lang", choices=["vi", "en"])
    p.add_argument("--user")
    try:
        args, rest = p.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    except _NotGui:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = gui_arguments(argv)
    if args is None:  # a command (or --help, or a mistake): the command line, behind its error boundary
        from hrapp.cli import main as command_line

        return command_line(argv)
    from ui.preflight import check_or_exit

    check_or_exit(args.lang)  # one line naming the missing system libraries, never a Qt abort
    from ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the packaged application starts its import process through this file
    sys.exit(main())
