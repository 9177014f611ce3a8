"""CLI commands of personnel records: `import employees`, `export employees`, `export template`, and the
`report quality` and `report cv` documents (registered into the `report` group)."""

from __future__ import annotations

import argparse
import sys

from hrapp.cli import CliError, parse_day, print_json
from hrapp.commands.reports import add_report, out_path


def _context(args: argparse.Namespace, permission: str = "read"):  # noqa: ANN202 - ServiceContext
    from hrapp.cli_auth import open_context

    return open_context(args, permission)


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="nhập dữ liệu từ tệp Excel")
    isub = imp.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(imp))
    p = isub.add_parser("employees", help="nhập hồ sơ cán bộ theo mẫu (trùng số CCCD thì cập nhật)")
    p.add_argument("file", help="tệp .xlsx theo mẫu nhập")
    p.add_argument("--dry-run", action="store_true", dest="dry_run", help="chỉ kiểm tra, không ghi")
    p.add_argument("--errors", help="ghi danh sách lỗi ra tệp .xlsx")
    p.add_argument("--format", choices=["json", "text"], default="text",
                   help="json: {new, updated, unchanged, errors: [{sheet, row, column, message}]}")
    p.set_defaults(handler=cmd_import_employees)

    exp = sub.add_parser("export", help="xuất dữ liệu ra tệp Excel")
    esub = exp.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=type(exp))
    p = esub.add_parser("employees", help="xuất danh sách cán bộ (nhập lại được)")
    p.add_argument("file", help="tệp .xlsx")
    p.add_argument("--search", default="", help="tìm theo tên (không dấu cũng được)")
    p.add_argument("--unit", help="mã đơn vị (gồm cả đơn vị trực thuộc)")
    p.add_argument("--category", help="loại: cong_chuc, vien_chuc, ...")
    p.add_argument("--all", action="store_true", help="gồm cả người đã nghỉ hưu, thôi việc, chuyển đi")
    p.add_argument("--columns", help="các cột, cách nhau bằng dấu phẩy (mặc định: các cột của mẫu nhập)")
    p.set_defaults(handler=cmd_export_employees)
    p = esub.add_parser("template", help="tải mẫu nhập hồ sơ cán bộ")
    p.add_argument("file", help="tệp .xlsx")
    p.set_defaults(handler=cmd_export_template)


def _xlsx(path: str) -> str:
    out = out_path(path, (".xlsx",))
    return str(out)


def cmd_import_employees(args: argparse.Namespace) -> int:
    from hrapp.io.excel_import import import_employees, write_issues

    if args.errors:
        _xlsx(args.errors)
    result = import_employees(_context(args, "write"), args.file, dry_run=args.dry_run)
    if args.format == "json":
        print_json({"new": result.created, "updated": result.updated, "unchanged": result.unchanged,
                    "errors": [{"sheet": i.sheet, "row": i.row, "column": i.column,
                                "message": i.message + (f" (giá trị: {i.value})" if i.value else "")}
                               for i in result.issues]})
        if args.errors and not result.ok:
            write_issues(result.issues, args.errors)
        return 0 if result.ok else 1
    if result.ok:
        print(result.summary())
        return 0
    for issue in result.issues:
        where = f"{issue.sheet}\tdòng {issue.row}\t{issue.column}"
        sys.stderr.write(f"{where}\t{issue.message}" + (f" (giá trị: {issue.value})" if issue.value else "") + "\n")
    if args.errors:
        write_issues(result.issues, args.errors)
        sys.stderr.write(f"Đã ghi danh sách lỗi ra {args.errors}.\n")
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
    print(f"Đã ghi {path} ({count} người).")
    return 0


def cmd_export_template(args: argparse.Namespace) -> int:
    from hrapp.io.excel_template import write_template

    path = _xlsx(args.file)
    write_template(_context(args), path)
    print(f"Đã ghi mẫu nhập {path}.")
    return 0


# ---------------------------------------------------------------------------------------------- reports


def _configure_quality(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=parse_day, dest="as_of", required=True, help="tính đến ngày (dd/mm/yyyy)")
    p.add_argument("--category", action="append", dest="categories",
                   help="chỉ tính loại này (lặp lại để chọn nhiều loại; mặc định: mọi loại)")
    p.add_argument("--out", required=True, help="tệp kết quả: .pdf, .xlsx hoặc .json")


def _run_quality(args: argparse.Namespace) -> int:
    from hrapp.reports.quality import FORMATS, export_quality

    path = out_path(args.out, FORMATS)
    stats = export_quality(_context(args), path, args.as_of, categories=args.categories)
    print(f"Đã ghi {path} (tính đến {stats.as_of:%d/%m/%Y}; {len(stats.units)} đơn vị, "
          f"{stats.total.headcount} người).")
    return 0


def _configure_cv(p: argparse.ArgumentParser) -> None:
    p.add_argument("--employee", type=int, required=True, help="số hiệu hồ sơ (cột id của employees list)")
    p.add_argument("--out", required=True, help="tệp kết quả .pdf")


def _run_cv(args: argparse.Namespace) -> int:
    from hrapp.reports.cv_2c import export_cv

    path = out_path(args.out, (".pdf",))
    if args.employee <= 0:
        raise CliError("cli_positive", option="--employee")
    pages = export_cv(_context(args), path, args.employee)
    print(f"Đã ghi {path} (Sơ yếu lý lịch mẫu 2C-BNV/2008, {pages} trang).")
    return 0


add_report("quality", "báo cáo số lượng, chất lượng cán bộ, công chức, viên chức (kiểu BM01/BNV)",
           _configure_quality, _run_quality)
add_report("cv", "Sơ yếu lý lịch cán bộ, công chức (Mẫu 2C-BNV/2008)", _configure_cv, _run_cv)
