"""CLI commands of training: `training gaps`, `training plan`, `training results`.

`training gaps [--unit CODE] [--as-of DATE] --format json` prints
[{"employee_id", "full_name", "requirement", "source": "position"|"planning", "missing"}] — one row per requirement
the person does not meet (`requirement` the level required, `missing` the sentence saying what is lacking and for
which position or post), plus `kind`, `required_level`, `held_level`, `required_for`, `unit_code`, `course_type` and
`in_plan`.
`training plan --year Y --out FILE.pdf|.xlsx|.json` writes the annual plan; `training results --year Y --out FILE`
the results report with plan against actual.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hrapp.cli import CliError, bi, parse_day, parse_year, print_json
from hrapp.cli_auth import open_context
from hrapp.messages import text


def register(sub: argparse._SubParsersAction) -> None:
    training = sub.add_parser("training", help=bi("đào tạo, bồi dưỡng",
            "training"))
    actions = training.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(training))

    p = actions.add_parser("gaps", help=bi("nhu cầu đào tạo: yêu cầu của vị trí việc làm và chức danh quy hoạch còn thiếu",
            "training needs: requirements of job positions and planned posts not yet met"))
    p.add_argument("--unit", help=bi("mã đơn vị (gồm cả đơn vị trực thuộc)",
            "unit code (sub-units included)"))
    p.add_argument("--as-of", type=parse_day, default=None, help=bi("ngày đối chiếu (mặc định hôm nay), dd/mm/yyyy",
            "date compared on (default today), dd/mm/yyyy"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_gaps)

    p = actions.add_parser("plan", help=bi("in kế hoạch đào tạo, bồi dưỡng của một năm (PDF, Excel, JSON)",
            "print the training plan of a year (PDF, Excel, JSON)"))
    p.add_argument("--year", type=parse_year, required=True)
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf, .xlsx hoặc .json",
            "output file: .pdf, .xlsx or .json"))
    p.set_defaults(handler=cmd_plan)

    p = actions.add_parser("results", help=bi("báo cáo kết quả đào tạo, bồi dưỡng của một năm (PDF, Excel, JSON)",
            "report the training results of a year (PDF, Excel, JSON)"))
    p.add_argument("--year", type=parse_year, required=True)
    p.add_argument("--as-of", type=parse_day, default=None, help=bi("số liệu đến ngày (mặc định hôm nay), dd/mm/yyyy",
            "figures up to this date (default today), dd/mm/yyyy"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf, .xlsx hoặc .json",
            "output file: .pdf, .xlsx or .json"))
    p.set_defaults(handler=cmd_results)


def _out(text: str) -> Path:
    from hrapp.reports.catalogue import document

    out = Path(text)
    if out.suffix.lower() not in document("training_plan").formats:
        raise CliError("cli_output_suffix", suffixes=".pdf, .xlsx, .json", path=str(out))
    if not out.parent.exists():
        raise CliError("folder_not_found", path=str(out.parent))
    return out


def cmd_gaps(args: argparse.Namespace) -> int:
    from hrapp.queries.training import gap_analysis

    rows = gap_analysis(open_context(args), args.as_of, args.unit)
    if args.format == "json":
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        plan = f"\t({r.in_plan})" if r.in_plan else ""
        print(f"{r.full_name}\t{r.unit_code}\t{r.gap.requirement.label}\t{r.gap.message}{plan}")
    print(text("cli_training_gaps_total", people=len({r.person_id for r in rows}), gaps=len(rows)))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from hrapp.reports.training_plan import export_plan

    out = _out(args.out)
    data = export_plan(open_context(args), out, args.year)
    print(text("cli_wrote_training_plan", path=str(out), lines=len(data.lines), people=data.people))
    return 0


def cmd_results(args: argparse.Namespace) -> int:
    from hrapp.reports.training_results import export_results

    out = _out(args.out)
    data = export_results(open_context(args), out, args.year, args.as_of)
    print(text("cli_wrote_training_results", path=str(out), records=len(data.records), completed=data.completed))
    return 0
