"""CLI commands of personnel records: `import employees`, `export employees`, `export template` (the `report
quality` and `report cv` documents are in hrapp/commands/reports.py with the other documents)."""

from __future__ import annotations

import argparse
import sys

from hrapp.cli import bi, print_json, short_text
from hrapp.cli_auth import open_context
from hrapp.commands.reports import out_path
from hrapp.failures import clip, one_line
from hrapp.messages import text
from hrapp.text import SEARCH_MAX_CHARS


def _context(args: argparse.Namespace, permission: str = "read"):
    return open_context(args, permission)


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help=bi("nhập dữ liệu từ tệp Excel", "import data from an Excel file"))
    isub = imp.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(imp))
    p = isub.add_parser("employees", help=bi("nhập hồ sơ cán bộ theo mẫu (trùng số CCCD thì cập nhật)",
                                                  "import staff records from the template (a known ID card number updates)"))
    p.add_argument("file", help=bi("tệp .xlsx theo mẫu nhập", ".xlsx file in the import template"))
    p.add_argument("--dry-run", action="store_true", dest="dry_run", help=bi("chỉ kiểm tra, không ghi", "check only, write nothing"))
    p.add_argument("--errors", help=bi("ghi danh sách lỗi ra tệp .xlsx", "write the errors to an .xlsx file"))
    p.add_argument("--format", choices=["json", "text"], default="text",
                   help="json: {new, updated, unchanged, errors: [{sheet, row, column, message}]}")
    p.set_defaults(handler=cmd_import_employees)

    exp = sub.add_parser("export", help=bi("xuất dữ liệu ra tệp Excel", "export data to an Excel file"))
    esub = exp.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(exp))
    p = esub.add_parser("employees", help=bi("xuất danh sách cán bộ (nhập lại được)", "export the staff list (can be imported again)"))
    p.add_argument("file", help=bi("tệp .xlsx", ".xlsx file"))
    p.add_argument("--search", default="", type=short_text(SEARCH_MAX_CHARS), help=bi("tìm theo tên (không dấu cũng được)", "search by name (diacritics optional)"))
    p.add_argument("--unit", help=bi("mã đơn vị (gồm cả đơn vị trực thuộc)", "unit code (sub-units included)"))
    p.add_argument("--category", help=bi("loại: cong_chuc, vien_chuc, ...", "staff category: cong_chuc, vien_chuc, ..."))
    p.add_argument("--all", action="store_true", help=bi("gồm cả người đã nghỉ hưu, thôi việc, chuyển đi",
                                                         "include people retired, resigned or moved away"))
    p.add_argument("--columns", help=bi("các cột, cách nhau bằng dấu phẩy (mặc định: các cột của mẫu nhập)",
                                          "columns, separated by commas (default: the columns of the import template)"))
    p.set_defaults(handler=cmd_export_employees)
    p = esub.add_parser("template", help=bi("tải mẫu nhập hồ sơ cán bộ", "write the import template of staff records"))
    p.add_argument("file", help=bi("tệp .xlsx", ".xlsx file"))
    p.set_defaults(handler=cmd_export_template)


def _xlsx(path: str) -> str:
    out = out_path(path, (".xlsx",))
    return str(out)


# Lines of errors printed by `import employees`; the --errors workbook holds them all. A million bad rows once
# printed a million lines.
CLI_ISSUE_LINES = 50


def cmd_import_employees(args: argparse.Namespace) -> int:
    from hrapp.io.excel_import import import_employees, write_issues

    if args.errors:
        _xlsx(args.errors)
    result = import_employees(_context(args, "write"), args.file, dry_run=args.dry_run)
    if args.format == "json":
        print_json({"new": result.created, "updated": result.updated, "unchanged": result.unchanged,
                    "errors": [{"sheet": i.sheet, "row": i.row, "column": i.column,
                                "message": i.message + (text("cli_value", value=i.value) if i.value else "")}
                               for i in result.issues],
                    "errors_not_listed": result.more_issues,
                    "warnings": [{"sheet": i.sheet, "row": i.row, "column": i.column,
                                  "message": i.message + (text("cli_value", value=i.value) if i.value else "")}
                                 for i in result.warnings]})
        if args.errors and not result.ok:
            write_issues(result.issues, args.errors, result.more_issues)
        return 0 if result.ok else 1
    warned = []
    shown = result.warnings[:CLI_ISSUE_LINES] if result.ok else ()  # said once the errors are fixed
    for issue in shown:  # imported all the same: to be checked
        where = f"{one_line(issue.sheet)}\t{text('cli_row', row=issue.row)}\t{one_line(issue.column)}"
        value = text("cli_value", value=clip(issue.value)) if issue.value else ""
        warned.append(text("cli_warning", value=f"{where}\t{one_line(issue.message)}{value}") + "\n")
    if result.ok and len(result.warnings) > len(warned):
        warned.append(text("cli_more_warnings", count=len(result.warnings) - len(warned)) + "\n")
    sys.stderr.write("".join(warned))
    if result.ok:
        print(result.summary())
        return 0
    lines = []
    for issue in result.issues[:CLI_ISSUE_LINES]:
        # the sheet name and the cell's value come from the workbook: shown, never obeyed by the terminal
        where = f"{one_line(issue.sheet)}\t{text('cli_row', row=issue.row)}\t{one_line(issue.column)}"
        value = text("cli_value", value=clip(issue.value)) if issue.value else ""
        lines.append(f"{where}\t{one_line(issue.message)}{value}\n")
    hidden = result.issue_count - len(lines)
    if hidden > 0:
        lines.append(text("cli_more_errors", count=hidden) + "\n")
    sys.stderr.write("".join(lines))
    if args.errors:
        write_issues(result.issues, args.errors, result.more_issues)
        sys.stderr.write(text("cli_wrote_errors", path=args.errors) + "\n")
    sys.stderr.write(result.summary() + "\n")
    return 1


def cmd_export_employees(args: argparse.Namespace) -> int:
    from hrapp.io.excel_export import export_employees
    from hrapp.queries.employees import EmployeeFilter

    path = _xlsx(args.file)
    columns = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None
    f = EmployeeFilter(search=args.search, unit_code=args.unit, category=args.category,
                       statuses=None if args.all else EmployeeFilter().statuses)
    count = export_employees(_context(args), path, f, columns)
    print(text("cli_wrote_people", path=str(path), count=count))
    return 0


def cmd_export_template(args: argparse.Namespace) -> int:
    from hrapp.io.excel_template import write_template

    path = _xlsx(args.file)
    write_template(_context(args), path)
    print(text("cli_wrote_template", path=str(path)))
    return 0
