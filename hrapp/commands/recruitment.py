"""CLI commands of recruitment: `rules rank` (ranking from a JSON file, no database) and the `recruitment`
group (`list`, `results`, `print`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hrapp.cli import ROW_ID, CliError, bi, parse_year, print_json
from hrapp.commands.career import rules_group
from hrapp.messages import term, text

if TYPE_CHECKING:  # the CLI imports the read side only when a command runs
    from hrapp.queries.recruitment import RoundInfo, RoundResults

DOCUMENTS = ("plan", "eligible", "scores", "results")


def register(sub: argparse._SubParsersAction) -> None:
    p = rules_group(sub).add_parser(
        "rank", help=bi("xếp hạng người dự tuyển theo vị trí (điểm ưu tiên, bằng điểm, nguyện vọng, rút hồ sơ)",
                "rank candidates by position (priority points, ties, preferences, withdrawals)"))
    p.add_argument("--input", required=True, help=bi("tệp JSON đầu vào ('-' để đọc từ stdin)",
            "input JSON file ('-' to read stdin)"))
    p.add_argument("--format", choices=["json", "text"], default="json")
    p.set_defaults(handler=cmd_rules_rank)

    rec = sub.add_parser("recruitment", help=bi("kỳ tuyển dụng",
            "recruitment rounds"))
    rec_sub = rec.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = rec_sub.add_parser("list", help=bi("danh sách kỳ tuyển dụng",
            "list the recruitment rounds"))
    p.add_argument("--year", type=parse_year, help=bi("chỉ năm này",
            "only this year"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_recruitment_list)

    p = rec_sub.add_parser("results", help=bi("kết quả xếp hạng của một kỳ tuyển dụng",
            "the ranking of a recruitment round"))
    p.add_argument("round_id", type=ROW_ID, help=bi("số hiệu kỳ tuyển dụng (xem `recruitment list`)",
            "number of the recruitment round (see `recruitment list`)"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_recruitment_results)

    p = rec_sub.add_parser("print", help=bi("in văn bản của kỳ tuyển dụng ra PDF hoặc Excel",
            "print a document of a recruitment round to PDF or Excel"))
    p.add_argument("round_id", type=ROW_ID, help=bi("số hiệu kỳ tuyển dụng",
            "number of the recruitment round"))
    p.add_argument("--document", required=True, choices=DOCUMENTS,
                   help=bi("plan: nhu cầu tuyển dụng; eligible: danh sách dự vòng 2; scores: bảng điểm; "
                        "results: kết quả tuyển dụng",
                           "plan: recruitment needs; eligible: list for round 2; scores: score sheet; results: recruitment results"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf hoặc .xlsx",
            "output file: .pdf or .xlsx"))
    p.set_defaults(handler=cmd_recruitment_print)


def _rulebook(args: argparse.Namespace) -> Any:
    """The database's rules when --db is given (an administrator may have edited them), else the bundled ones."""
    if getattr(args, "db", None):
        from hrapp.context import ServiceContext

        return ServiceContext.open(args.db).rulebook
    from hrapp.domain.rules import load_rulebook

    return load_rulebook()


def _read_json(path: str) -> Any:
    from hrapp.cli import read_json_input

    return read_json_input(path)


def cmd_rules_rank(args: argparse.Namespace) -> int:
    from hrapp.domain.recruitment import OUTCOME_LABELS, Outcome, rank_from_json

    result = rank_from_json(_read_json(args.input), _rulebook(args))
    if args.format == "json":
        print_json(result)
        return 0
    for pos in result["positions"]:
        code = "cli_rank_position_provisional" if pos["provisional"] else "cli_rank_position"
        print(text(code, position=pos["position"], quota=pos["quota"]))
        for e in pos["ranking"]:
            rank = "" if e["rank"] is None else str(e["rank"])
            total = "" if e["total"] is None else _num(e["total"])
            print(f"  {rank:>3}\t{e['id']}\t{e['full_name']}\tNV{e['preference']}\t{total}\t"
                  f"{term(OUTCOME_LABELS[Outcome(e['result'])])}")
    return 0


def _num(value: float | int) -> str:
    return str(value).replace(".", ",")


def cmd_recruitment_list(args: argparse.Namespace) -> int:
    from hrapp.queries.recruitment import get_round, list_rounds, results

    ctx = _context(args)
    rows = list_rounds(ctx, args.year)
    if args.format == "json":
        out = []
        infos = [get_round(ctx, r.id) for r in rows]
        for info in infos:
            ranked = results(ctx, info.id) if info.status in ("results", "closed") else None
            out.append(_round_to_json(info, ranked))
        print_json(out)
        return 0
    for r in rows:
        plan = text("cli_plan_ref", number=r.plan_number, day=r.plan_date) if r.plan_number and r.plan_date else ""
        print(f"{r.id}\t{r.year}\t{r.name}\t{term(r.method_label)}\t{term(r.status_label)}\t{plan}\t"
              + text("cli_round_counts", quota=r.quota, candidates=r.candidates, hired=r.hired))
    print(text("cli_total_rounds", count=len(rows)))
    return 0


def _round_to_json(info: RoundInfo, results: RoundResults | None = None) -> dict[str, Any]:
    """The CLI's view of a round (`recruitment list --format json`)."""
    winners = len(results.winners()) if results else None
    return {
        "id": info.id,
        "name": info.name,
        "year": info.year,
        "regime": info.regime,
        "method": info.method,
        "category": info.category,
        "status": info.status,
        "plan_decision": info.plan_decision.label() if info.plan_decision else None,
        "notice_date": info.notice_date.isoformat() if info.notice_date else None,
        "application_deadline": info.application_deadline.isoformat() if info.application_deadline else None,
        "targets": [
            {"position_id": t.position_id, "position": t.position_code, "position_name": t.position_name,
             "unit": t.unit_name, "quota": t.quota, "hired": t.hired}
            for t in info.targets
        ],
        "quota": info.quota,
        "candidates": info.candidates,
        "winners": winners,
        "hired": sum(t.hired for t in info.targets),
    }


def _context(args: argparse.Namespace) -> Any:
    from hrapp.cli_auth import open_context

    return open_context(args)


def cmd_recruitment_results(args: argparse.Namespace) -> int:
    from hrapp.queries.recruitment import results

    res = results(_context(args), args.round_id)
    if args.format == "json":
        print_json(res.domain.to_json() if res.domain else {"positions": []})
        return 0
    for p in res.positions:
        print(text("cli_results_position", position=p.position_name, unit=p.unit_name, quota=p.quota))
        for r in p.rows:
            rank = "" if r.rank is None else str(r.rank)
            total = "" if r.total is None else _num(float(r.total))
            print(f"  {rank:>3}\t{r.sbd or ''}\t{r.full_name}\tNV{r.choice}\t{total}\t{term(r.result_label)}")
    return 0


def cmd_recruitment_print(args: argparse.Namespace) -> int:
    from hrapp.reports.recruitment_documents import build_document

    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        raise CliError("cli_output_suffix", suffixes=".pdf, .xlsx", path=str(out))
    pages = build_document(_context(args), args.round_id, args.document, out)
    what = text("cli_n_pages", count=pages) if out.suffix.lower() == ".pdf" else "Excel"
    print(text("cli_wrote_document", path=str(out), what=what))
    return 0
