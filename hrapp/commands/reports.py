"""The `report` command group: the documents of the catalogue (hrapp/reports/catalogue.py) written headless, the
file suffix picking the format.

Every document of the catalogue is a `report` sub-command (its key with '-' for '_'), its options made from the
document's typed parameters. A command module may give a document its own options and summary line with
`add_report` (only for a document of the catalogue).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from hrapp import messages
from hrapp.cli import ROW_ID, CliError, bi, parse_day, parse_year
from hrapp.cli_auth import open_context
from hrapp.db.models import JobPosition, OrgUnit
from hrapp.errors import NotFoundError
from hrapp.failures import clip, file_error
from hrapp.messages import text
from hrapp.reports import catalogue
from hrapp.reports.catalogue import Document


@dataclass(frozen=True)
class ReportCommand:
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


REPORTS: dict[str, ReportCommand] = {}
"""Documents with options and a summary line of their own, by command name."""


def add_report(name: str, help: str, configure: Callable[[argparse.ArgumentParser], None],
               run: Callable[[argparse.Namespace], int]) -> None:
    if name not in {d.cli_name for d in catalogue.CATALOGUE}:
        raise ValueError(f"report {name!r} is not a document of the catalogue")
    REPORTS[name] = ReportCommand(help, configure, run)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=bi("in báo cáo, danh sách ra tệp (.pdf, .xlsx, .csv, .json)",
                                               "write reports and lists to a file (.pdf, .xlsx, .csv, .json)"))
    rsub = p.add_subparsers(dest="report", metavar="REPORT", required=True, parser_class=type(p))
    for doc in catalogue.CATALOGUE:
        own = REPORTS.get(doc.cli_name)
        if own is not None:
            rp = rsub.add_parser(doc.cli_name, help=own.help)
            own.configure(rp)
            rp.set_defaults(handler=own.run)
        else:
            rp = rsub.add_parser(doc.cli_name, help=bi(doc.title, doc.title_en))
            configure_document(rp, doc)
            rp.set_defaults(handler=lambda args, doc=doc: run_document(args, doc))


def report_names() -> list[str]:
    """The `report` sub-commands, in the catalogue's order."""
    return [d.cli_name for d in catalogue.CATALOGUE]


# ----------------------------------------------------------------------------------------------------
# Any document of the catalogue, its options made from its parameters

_TYPES: dict[str, Callable[[str], object]] = {
    catalogue.DATE: parse_day, catalogue.YEAR: parse_year, catalogue.PLAN: parse_year, catalogue.POSITION: ROW_ID,
    catalogue.PERSON: ROW_ID, catalogue.REVIEW: ROW_ID, catalogue.ROUND: ROW_ID,
}


def _formats_help(formats: tuple[str, ...]) -> str:
    return ", ".join(formats)


def configure_document(p: argparse.ArgumentParser, doc: Document) -> None:
    for param in doc.params:
        # a training plan is named by its year, as in `training plan --year`
        option = "--year" if param.kind == catalogue.PLAN else "--" + param.name.replace("_", "-")
        helps = bi(param.vi, param.en)
        if param.kind == catalogue.FLAG:
            p.add_argument(option, dest=param.name, action="store_true", help=helps)
        elif param.kind == catalogue.CATEGORY:
            p.add_argument("--category", dest=param.name, action="append", help=helps)
        elif param.kind == catalogue.LAYOUT:
            p.add_argument(option, dest=param.name, choices=("full", "due"), default="full", help=helps)
        else:
            p.add_argument(option, dest=param.name, type=_TYPES.get(param.kind, str), required=param.required,
                           metavar=option[2:].replace("-", "_").upper(), help=helps)
    p.add_argument("--out", required=True, help=bi(f"tệp kết quả: {_formats_help(doc.formats)}",
                                                     f"output file: {_formats_help(doc.formats)}"))


def run_document(args: argparse.Namespace, doc: Document) -> int:
    path = out_path(args.out, doc.formats)
    catalogue.export(open_context(args), doc.key, {q.name: getattr(args, q.name) for q in doc.params}, path)
    print(text("cli_wrote_document", path=str(path),
               what=doc.title if messages.language() == "vi" else doc.title_en))
    return 0


# ----------------------------------------------------------------------------------------------------
# Shared argument types


def out_path(text: str, formats: tuple[str, ...]) -> Path:
    path = Path(text)
    if path.suffix.lower() not in formats:
        raise CliError("cli_output_suffix", suffixes=", ".join(formats), path=text)

    try:
        folder = path.parent
        if not folder.exists():
            in_the_way = next((p for p in folder.parents if p.exists() and not p.is_dir()), None)
            if in_the_way is not None:
                raise CliError("cli_not_folder", path=str(in_the_way))
            raise CliError("folder_not_found", path=clip(folder, 200))
        if not folder.is_dir():
            raise CliError("cli_not_folder", path=str(folder))
    except OSError as exc:  # a name too long to look at, a folder not allowed to be looked into

        raise file_error(exc, clip(text, 200), writing=True) from exc
    return path


# ----------------------------------------------------------------------------------------------------
# staffing


def _configure_staffing(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=parse_year, required=True, help=bi("năm giao biên chế", "year of the staff quotas"))
    p.add_argument("--as-of", type=parse_day, dest="as_of",
                   help=bi("tính đến ngày (mặc định: hôm nay, hoặc 31/12 của năm đã qua)",
                           "as of this date (default: today, or 31/12 of a past year)"))
    p.add_argument("--by-position", action="store_true", help=bi("thêm phần chi tiết theo vị trí việc làm",
                                                                   "add the detail by job position"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf, .xlsx, .csv hoặc .json",
                                                     "output file: .pdf, .xlsx, .csv or .json"))


def _run_staffing(args: argparse.Namespace) -> int:
    from hrapp.reports.staffing_table import export_staffing

    path = out_path(args.out, catalogue.document("staffing").formats)
    table = export_staffing(open_context(args), path, args.year, args.as_of, by_position=args.by_position)
    over = sum(1 for u in table.units if u.over_quota and not u.has_children)
    print(text("cli_wrote_staffing_over" if over else "cli_wrote_staffing", path=str(path), year=table.year,
               as_of=table.as_of, units=len(table.units), over=over))
    return 0


# ----------------------------------------------------------------------------------------------------
# staff-list


def _configure_staff_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", help=bi("mã đơn vị (gồm cả đơn vị trực thuộc); bỏ trống: toàn Sở",
                                        "unit code (sub-units included); empty: the whole department"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf, .xlsx, .csv hoặc .json",
                                                     "output file: .pdf, .xlsx, .csv or .json"))


def _run_staff_list(args: argparse.Namespace) -> int:
    from hrapp.reports.staff_list import export_staff_list

    path = out_path(args.out, catalogue.document("staff_list").formats)
    data = export_staff_list(open_context(args), path, args.unit)
    print(text("cli_wrote_people", path=str(path), count=data.count))
    return 0


# ----------------------------------------------------------------------------------------------------
# position


def _configure_position(p: argparse.ArgumentParser) -> None:
    p.add_argument("--code", required=True, help=bi("mã vị trí việc làm", "job position code"))
    p.add_argument("--unit", help=bi("mã đơn vị (khi nhiều đơn vị có vị trí cùng mã)",
                                        "unit code (when several units have a position with that code)"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf hoặc .xlsx", "output file: .pdf or .xlsx"))


def _run_position(args: argparse.Namespace) -> int:
    from hrapp.reports.position_description import export_position
    from hrapp.services.positions import LIVE

    path = out_path(args.out, catalogue.document("position").formats)
    ctx = open_context(args)
    with ctx.read() as s:
        q = (select(JobPosition.id, OrgUnit.code).join(OrgUnit, OrgUnit.id == JobPosition.unit_id)
             .where(JobPosition.code == args.code, JobPosition.status.in_(LIVE))
             .order_by(JobPosition.status != "approved", JobPosition.version_no.desc()))
        if args.unit:
            q = q.where(OrgUnit.code == args.unit)
        found = s.execute(q).all()
    units = sorted({u for _, u in found})
    if not found:
        if args.unit:
            raise NotFoundError("cli_position_code_not_in_unit", position=args.code, unit=args.unit)
        raise NotFoundError("cli_position_code_not_found", position=args.code)
    if len(units) > 1:
        raise CliError("cli_position_ambiguous", code=args.code, units=", ".join(units))
    info = export_position(ctx, path, found[0][0])
    print(text("cli_wrote_position", path=str(path), code=info.code, name=info.name))
    return 0


add_report("staffing", bi("bảng tổng hợp biên chế (được giao, hiện có, còn thiếu)",
                          "staffing table (allotted, on staff, still missing)"), _configure_staffing, _run_staffing)
add_report("staff-list", bi("danh sách cán bộ, công chức, viên chức", "list of civil servants and public employees"),
           _configure_staff_list, _run_staff_list)
add_report("position", bi("bản mô tả công việc và khung năng lực của một vị trí việc làm",
                          "job description and competency framework of a job position"), _configure_position,
           _run_position)


# ----------------------------------------------------------------------------------------------------
# quality, cv


def _configure_quality(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", type=parse_day, dest="as_of", required=True, help=bi("tính đến ngày (dd/mm/yyyy)", "as of this date (dd/mm/yyyy)"))
    p.add_argument("--category", action="append", dest="categories",
                   help=bi("chỉ tính loại này (lặp lại để chọn nhiều loại; mặc định: mọi loại)",
                           "count this category only (repeat for several; default: every category)"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf, .xlsx hoặc .json", "output file: .pdf, .xlsx or .json"))


def _run_quality(args: argparse.Namespace) -> int:
    from hrapp.reports.quality import export_quality

    path = out_path(args.out, catalogue.document("quality").formats)
    stats = export_quality(open_context(args), path, args.as_of, categories=args.categories)
    print(text("cli_wrote_quality", path=str(path), as_of=stats.as_of, units=len(stats.units),
               count=stats.total.headcount))
    return 0


def _configure_cv(p: argparse.ArgumentParser) -> None:
    p.add_argument("--employee", type=ROW_ID, required=True, help=bi("số hiệu hồ sơ (cột id của employees list)", "record number (the id column of employees list)"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả .pdf", "output .pdf file"))


def _run_cv(args: argparse.Namespace) -> int:
    from hrapp.reports.cv_2c import export_cv

    path = out_path(args.out, (".pdf",))
    if args.employee <= 0:
        raise CliError("cli_positive", option="--employee")
    pages = export_cv(open_context(args), path, args.employee)
    print(text("cli_wrote_cv", path=str(path), pages=pages))
    return 0


add_report("quality", bi("báo cáo số lượng, chất lượng cán bộ, công chức, viên chức (kiểu BM01/BNV)",
                         "report on the number and quality of civil servants and public employees (BM01/BNV)"),
           _configure_quality, _run_quality)
add_report("cv", bi("Sơ yếu lý lịch cán bộ, công chức (Mẫu 2C-BNV/2008)", "curriculum vitae (form 2C-BNV/2008)"),
           _configure_cv, _run_cv)
