"""CLI command `generate`: fill an empty database with a synthetic province (scale tests, benchmarks, demos)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from hrapp.cli import CliError, bi, parse_day, whole_number
from hrapp.cli_auth import authenticate_cli


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help=bi("sinh dữ liệu giả lập của một tỉnh (kiểm thử quy mô lớn) vào cơ sở dữ liệu trống",
            "generate a simulated province (large-scale testing) into an empty database"))
    p.add_argument("--employees", type=whole_number(0, 10**9), default=100_000, help=bi("số người (mặc định 100000)",
            "number of people (default 100000)"))
    p.add_argument("--units", type=whole_number(0, 10**9), default=500, help=bi("số đơn vị (mặc định 500)",
            "number of units (default 500)"))
    p.add_argument("--seed", type=whole_number(-(2**63), 2**63 - 1), default=1, help=bi("hạt giống: cùng hạt giống và ngày cho cùng dữ liệu",
            "seed: the same seed and date give the same data"))
    p.add_argument("--as-of", dest="as_of", help=bi("ngày dữ liệu mô tả, dd/mm/yyyy (mặc định hôm nay)",
            "date the data describes, dd/mm/yyyy (default today)"))
    p.add_argument("--quiet", action="store_true", help=bi("không in tiến độ",
            "do not print progress"))
    p.set_defaults(handler=cmd_generate)


def _day(text: str) -> date:
    try:
        return parse_day(text)
    except argparse.ArgumentTypeError as err:
        raise CliError(str(err)) from None


class _Progress:
    """Progress on stderr: a line when a stage starts and at every tenth of the people, with the elapsed time."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.shown: set[tuple[str, int]] = set()

    def __call__(self, stage: str, done: int, total: int) -> None:
        from hrapp.demo.generator import stage_label

        tenth = done * 10 // total if total else 10
        step = (stage, tenth if total > 1 else 0)
        if step in self.shown:
            return
        self.shown.add(step)
        elapsed = f"{time.perf_counter() - self.started:6.1f}".replace(".", ",")
        if total > 1:
            count = f"{done:,}/{total:,}".replace(",", ".")
            sys.stderr.write(f"[{elapsed} s] {stage_label(stage)}: {count} ({tenth * 10}%)\n")
        else:
            sys.stderr.write(f"[{elapsed} s] {stage_label(stage)}…\n")
        sys.stderr.flush()


def cmd_generate(args: argparse.Namespace) -> int:
    from hrapp.demo.generator import generate_province
    from hrapp.services.setup import init_database

    as_of = _day(args.as_of) if args.as_of else None
    ctx = init_database(args.db, create=False)  # only `init` creates a database
    authenticate_cli(args, ctx, "admin")
    summary = generate_province(ctx, args.employees, args.units, seed=args.seed, as_of=as_of,
                                progress=None if args.quiet else _Progress())
    print(summary.line())
    return 0
