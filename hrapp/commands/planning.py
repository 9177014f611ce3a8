"""CLI commands of succession planning: `planning periods`, `planning check`, `planning print`.

`planning check --period 2026-2031 [--as-of DATE] --format json` prints
{"period", "entries": [{"employee_id", "full_name", "post", "unit_code", "eligible", "reasons": [...]}],
 "posts": [{"post", "unit_code", "count", "max", "no_successor"}], "people_over_limit": [...],
 "structure": {"women_share", "under_40_share", "age_tiers": {...}}} (shares in percent, as strings), plus the
dates used, the rule version, reason codes and the holders of each post.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hrapp.cli import ROW_ID, CliError, bi, parse_day, print_json
from hrapp.cli_auth import open_context
from hrapp.messages import text, word


def register(sub: argparse._SubParsersAction) -> None:
    planning = sub.add_parser("planning", help=bi("quy hoạch cán bộ lãnh đạo, quản lý",
            "succession planning of managers"))
    actions = planning.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(planning))

    p = actions.add_parser("periods", help=bi("các giai đoạn quy hoạch",
            "the planning periods"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_periods)

    p = actions.add_parser("check", help=bi("kiểm tra quy hoạch: từng người, từng chức danh, cơ cấu",
            "check the plan: each person, each post, the structure"))
    p.add_argument("--period", required=True, help=bi("giai đoạn, ví dụ 2026-2031",
            "period, for example 2026-2031"))
    p.add_argument("--as-of", type=parse_day, default=None, help=bi("ngày kiểm tra (mặc định hôm nay), dd/mm/yyyy",
            "date of the check (default today), dd/mm/yyyy"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_check)

    p = actions.add_parser("print", help=bi("in danh sách quy hoạch, báo cáo cơ cấu hoặc kết quả rà soát (PDF, Excel)",
            "print the planning list, the structure report or a review's result (PDF, Excel)"))
    p.add_argument("--period", required=True, help=bi("giai đoạn, ví dụ 2026-2031",
            "period, for example 2026-2031"))
    p.add_argument("--kind", choices=["list", "summary", "review"], default="list",
                   help=bi("list: danh sách; summary: cơ cấu; review: đưa ra, bổ sung của một đợt rà soát",
                           "list: the list; summary: the structure; review: removals and additions of a review"))
    p.add_argument("--review", type=ROW_ID, help=bi("số hiệu đợt rà soát (mặc định đợt gần nhất) khi --kind review",
            "review number (default the latest) with --kind review"))
    p.add_argument("--as-of", type=parse_day, default=None, help=bi("ngày kiểm tra (mặc định hôm nay), dd/mm/yyyy",
            "date of the check (default today), dd/mm/yyyy"))
    p.add_argument("--out", required=True, help=bi("tệp kết quả: .pdf hoặc .xlsx",
            "output file: .pdf or .xlsx"))
    p.set_defaults(handler=cmd_print)


def cmd_periods(args: argparse.Namespace) -> int:
    from hrapp.queries.planning import list_periods

    ctx = open_context(args)
    rows = list_periods(ctx)
    if args.format == "json":
        print_json([{"id": r.id, "period": r.code, "name": r.name, "rule_version": r.rule_version,
                     "posts": r.posts, "active_entries": r.active_entries} for r in rows])
    else:
        for r in rows:
            print(f"{r.code}\t{r.rule_version}\t{text('cli_n_posts', count=r.posts)}\t"
                  f"{text('cli_n_people', count=r.active_entries)}\t{r.name}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from hrapp.domain.planning_structure import fmt_percent
    from hrapp.services.planning import check_period

    result = check_period(open_context(args), args.period, args.as_of)
    if args.format == "json":
        print_json(result.to_json())
        return 0
    print(text("cli_planning_check_head", period=result.period.name, day=result.check_date,
               rule=result.rules.rule.label()))
    for e in result.entries:
        mark = word("cli_planning_ok" if e.eligible else "cli_planning_not_ok")
        print(f"{e.entry.full_name}\t{e.entry.post_title}\t{mark}")
        for r in e.reasons:
            print(f"\t- {r.message}")
    for p in result.posts:
        gap = "\t" + word("cli_planning_no_successor") if p.no_successor else ""
        print(f"{p.post.title}\t{p.count}/{p.maximum}{gap}")
    s = result.structure
    print(text("cli_planning_structure", women=fmt_percent(s.women.percent), age=s.young_below_age,
               young=fmt_percent(s.young.percent))
          + "".join(f"; {t.label} {t.count}" for t in s.tiers))
    for w in s.warnings:
        print(text("cli_warning", value=w))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from hrapp.reports.catalogue import document
    from hrapp.reports.planning_list import export_planning_list
    from hrapp.reports.planning_review import export_planning_review, latest_review_id
    from hrapp.reports.planning_summary import export_planning_summary

    out = Path(args.out)
    if out.suffix.lower() not in document("planning_list").formats:
        raise CliError("cli_output_suffix", suffixes=".pdf, .xlsx", path=str(out))
    if not out.parent.exists():
        raise CliError("folder_not_found", path=str(out.parent))
    ctx = open_context(args)
    if args.kind == "list":
        data = export_planning_list(ctx, out, args.period, args.as_of)
        print(text("cli_wrote_planning_list", path=str(out), people=data.people, failing=data.failing))
    elif args.kind == "summary":
        summary = export_planning_summary(ctx, out, args.period, args.as_of)
        print(text("cli_wrote_planning_summary", path=str(out), posts=len(summary.posts)))
    else:
        review = export_planning_review(ctx, out, args.review or latest_review_id(ctx, args.period))
        print(text("cli_wrote_planning_review", path=str(out), year=review.year, added=len(review.added),
                   removed=len(review.removed)))
    return 0
