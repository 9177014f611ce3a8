"""Headless command line: argument parsing and the commands that need no window (a stable contract)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, NoReturn

from hrapp.errors import HrappError

# Each module registers its sub-commands with `register(subparsers)`; new areas add a line here.
COMMAND_MODULES = [
    "hrapp.commands.core",
    "hrapp.commands.reports",
    "hrapp.commands.career",
    "hrapp.commands.planning",
    "hrapp.commands.training",
    "hrapp.commands.recruitment",
    "hrapp.commands.admin",
    "hrapp.commands.records",
    "hrapp.commands.generate",
    "hrapp.commands.agency",
]


class CliError(Exception):
    """Bad input on the command line: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage dump
        self.exit(2, f"hrapp: lỗi: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="hrapp", description="Quản lý cán bộ, công chức, viên chức.")
    p.add_argument("--db", help="đường dẫn tệp SQLite hoặc URL (postgresql+psycopg://...)")
    p.add_argument("--lang", choices=["vi", "en"], help="ngôn ngữ giao diện")
    p.add_argument("--user", help="tên đăng nhập (khi đã bật tài khoản)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return p


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; user errors become one line on stderr and a non-zero exit."""
    handler: Callable[[argparse.Namespace], int | None] = args.handler
    try:
        return int(handler(args) or 0)
    except HrappError as exc:
        sys.stderr.write(f"Lỗi: {exc.message}\n")
        return 1
    except CliError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return 2
    except FileNotFoundError as exc:
        sys.stderr.write(f"Lỗi: không tìm thấy tệp {exc.filename}\n")
        return 2
    except PermissionError as exc:
        sys.stderr.write(f"Lỗi: không có quyền truy cập {exc.filename}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("Đã hủy.\n")
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        raise CliError("no command")
    return run(args)


def parse_day(text: str) -> date:
    """A date typed on the command line: dd/mm/yyyy as on paper, or yyyy-mm-dd (argparse `type=`)."""
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ngày không hợp lệ: '{text}' (dùng dd/mm/yyyy hoặc yyyy-mm-dd)")
