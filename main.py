"""Composition root: parse the arguments, then start the GUI or run one headless command."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from hrapp.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(args)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
