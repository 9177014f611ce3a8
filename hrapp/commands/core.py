"""CLI commands of the foundation: init, demo, employees list."""

from __future__ import annotations

import argparse

from hrapp import messages
from hrapp.cli import bi, print_json, short_text
from hrapp.cli_auth import authenticate_cli, open_context, read_new_passphrase
from hrapp.context import refuse_existing_for_encryption
from hrapp.text import SEARCH_MAX_CHARS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help=bi("tạo hoặc nâng cấp cơ sở dữ liệu", "create or upgrade the database"))
    p.add_argument("--encrypt", action="store_true", help=bi(
        "tạo cơ sở dữ liệu mới đã mã hóa ngay từ đầu (cụm mật khẩu từ biến HRAPP_NEW_DB_PASSPHRASE hoặc nhập hai "
        "lần, ít nhất 10 ký tự)",
        "create the new database encrypted from the start (passphrase from the variable HRAPP_NEW_DB_PASSPHRASE "
        "or typed twice, at least 10 characters)"))
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help=bi("nạp dữ liệu mẫu (Sở KH&CN) vào cơ sở dữ liệu trống",
                                   "load the demo department into an empty database"))
    p.set_defaults(handler=cmd_demo)

    emp = sub.add_parser("employees", help=bi("danh sách cán bộ", "the list of staff"))
    emp_sub = emp.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = emp_sub.add_parser("list", help=bi("in danh sách", "print the list"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.add_argument("--search", default="", type=short_text(SEARCH_MAX_CHARS), help=bi("tìm theo tên (không dấu cũng được)",
                                                           "search by name (diacritics optional)"))
    p.add_argument("--unit", help=bi("mã đơn vị (gồm cả đơn vị trực thuộc)",
                                            "unit code (sub-units included)"))
    p.add_argument("--category", help=bi("loại: cong_chuc, vien_chuc, ...",
                                                "staff category: cong_chuc, vien_chuc, ..."))
    p.add_argument("--all", action="store_true", help=bi("gồm cả người đã nghỉ hưu, thôi việc",
                                                                 "include people retired or resigned"))
    p.set_defaults(handler=cmd_employees_list)


def cmd_init(args: argparse.Namespace) -> int:
    from hrapp.services.setup import init_database

    if getattr(args, "encrypt", False):
        refuse_existing_for_encryption(args.db)  # before the passphrase is asked
        ctx = init_database(args.db, new_passphrase=read_new_passphrase())
        print(messages.text("cli_db_ready_encrypted", url=ctx.url))
        return 0
    ctx = init_database(args.db)
    print(messages.text("cli_db_ready", url=ctx.url))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from hrapp.demo.department import load_demo
    from hrapp.services.setup import init_database

    ctx = init_database(args.db, create=False)  # only `init` creates a database
    authenticate_cli(args, ctx, "write")
    summary = load_demo(ctx)
    print(demo_summary(summary))
    return 0


DEMO_COUNTS = ("units", "positions", "persons", "quotas", "decisions")


def demo_summary(summary: dict[str, int]) -> str:
    """'Đã nạp dữ liệu mẫu: 17 đơn vị, 67 vị trí việc làm, 150 người, …' (a sentence, not a Python dict)."""
    parts = [messages.text(f"cli_demo_{key}", count=f"{summary[key]:,}".replace(",", "."))
             for key in DEMO_COUNTS if key in summary]
    return messages.text("cli_demo_loaded", counts=", ".join(parts))


def cmd_employees_list(args: argparse.Namespace) -> int:
    from hrapp.queries.employees import EmployeeFilter, list_employees

    ctx = open_context(args)
    f = EmployeeFilter(search=args.search, unit_code=args.unit, category=args.category,
                       statuses=None if args.all else EmployeeFilter().statuses)
    rows = list_employees(ctx, f)
    if args.format == "json":
        print_json([
            {
                "id": r.id, "full_name": r.full_name, "birth_date": r.birth_date.isoformat(), "gender": r.gender,
                "unit_code": r.unit_code, "unit_name": r.unit_name, "category": r.category,
                "rank_code": r.rank_code, "rank_name": r.rank_name, "post": r.post,
                "salary_step": r.salary_step,
                "coefficient": str(r.coefficient) if r.coefficient is not None else None,
                "education": r.education, "status": r.status,
            }
            for r in rows
        ])
    else:
        for r in rows:
            print(f"{r.id}\t{r.full_name}\t{r.birth_date:%d/%m/%Y}\t{r.unit_name or ''}\t{r.post or ''}")
    return 0
