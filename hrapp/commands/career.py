"""CLI commands of career events: `alerts`, and the `rules` group (`retirement`, `pay-step`, `list`).

The `rules` group is shared: any command module adds its own sub-command with `rules_group(sub)`, whatever
the order of hrapp.cli.COMMANDS, e.g. ``rules_group(sub).add_parser("rank", ...)``.
"""

from __future__ import annotations

import argparse

from hrapp import clock
from hrapp.cli import DAY_MAX, DAY_MIN, CliError, bi, parse_day, print_json, whole_number
from hrapp.cli_auth import open_context
from hrapp.context import ServiceContext
from hrapp.domain.pay_steps import next_pay_step
from hrapp.domain.retirement import BirthDate, retirement
from hrapp.domain.rules import load_rulebook
from hrapp.domain.salary import fmt_coefficient
from hrapp.errors import HrappError
from hrapp.failures import clip
from hrapp.messages import render, term, text, word

_GROUP_ATTR = "_hrapp_rules_group"


def rules_group(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The sub-commands of `rules`, created on first use by whichever module asks first."""
    group = getattr(sub, _GROUP_ATTR, None)
    if group is None:
        parser = sub.add_parser("rules", help=bi("quy định có số liệu: tính thử, xem các phiên bản",
                "rules with figures: try a computation, see the versions"))
        group = parser.add_subparsers(dest="rules_command", metavar="RULE", required=True,
                                      parser_class=type(parser))
        setattr(sub, _GROUP_ATTR, group)
    return group




def _birth(text: str):
    """--birth (argparse `type=`): a day, month or year of birth within the days the command line takes."""
    if len(text) > 20:
        raise argparse.ArgumentTypeError(word("cli_bad_day", {"text": clip(text, 40)}))
    try:
        birth = BirthDate.parse(text.strip())
    except HrappError as exc:
        raise argparse.ArgumentTypeError(render(exc)) from None
    if not DAY_MIN <= birth.value <= DAY_MAX:
        raise argparse.ArgumentTypeError(word("cli_day_range", {"text": text.strip(), "low": DAY_MIN, "high": DAY_MAX}))
    return birth


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("alerts", help=bi("việc đến hạn: nâng lương, nghỉ hưu, hết nhiệm kỳ, tập sự, chứng chỉ",
            "tasks coming due: pay steps, retirement, end of terms, probation, certificates"))
    p.add_argument("--as-of", type=parse_day, default=None, help=bi("ngày tính (mặc định hôm nay), dd/mm/yyyy",
            "date computed on (default today), dd/mm/yyyy"))
    p.add_argument("--days", type=whole_number(0, 3660), default=30, help=bi("số ngày tới (mặc định 30)",
            "days ahead (default 30)"))
    p.add_argument("--kind", action="append", dest="kinds", metavar="KIND",
                   help=bi("chỉ loại việc này (lặp lại được): pay_step, pctnvk, retirement_notice, retirement, "
                        "term_expiry, probation_end, certificate_expiry",
                           "only this kind of task (may repeat): pay_step, pctnvk, retirement_notice, retirement, term_expiry, probation_end, certificate_expiry"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_alerts)

    group = rules_group(sub)
    p = group.add_parser("retirement", help=bi("tuổi và thời điểm nghỉ hưu (NĐ 135/2020)",
            "retirement age and date (Decree 135/2020)"))
    p.add_argument("--sex", required=True, choices=["M", "F"], help=bi("M nam, F nữ",
            "M male, F female"))
    p.add_argument("--birth", required=True, type=_birth, help=bi("ngày sinh YYYY-MM-DD, YYYY-MM hoặc YYYY",
            "date of birth YYYY-MM-DD, YYYY-MM or YYYY"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_rules_retirement)

    p = group.add_parser("pay-step", help=bi("hạn nâng bậc lương thường xuyên hoặc phụ cấp thâm niên vượt khung",
            "next regular pay step or seniority allowance beyond the top step"))
    p.add_argument("--salary-class", required=True, help=bi("loại ngạch lương: A3.1, A2.1, A1, A0, B, C1 …",
            "salary class: A3.1, A2.1, A1, A0, B, C1 …"))
    p.add_argument("--step", required=True, type=whole_number(0, 999), help=bi("bậc đang hưởng",
            "current step"))
    p.add_argument("--since", required=True, type=parse_day, help=bi("ngày tính nâng bậc lần sau của bậc đang hưởng",
            "date the current step counts from"))
    p.add_argument("--delay-months", type=whole_number(0, 600), default=0, help=bi("số tháng bị kéo dài",
            "months of delay"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_rules_pay_step)

    p = group.add_parser("list", help=bi("các phiên bản quy định với căn cứ pháp lý và thời gian áp dụng",
            "versions of the rules with their legal basis and period"))
    p.add_argument("--code", help=bi("chỉ quy định này (retirement_age, pay_step, …)",
            "only this rule (retirement_age, pay_step, …)"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_rules_list)


def _rulebook(args: argparse.Namespace):
    """The database's rules when --db is given (an administrator may have edited them), else the bundled ones."""
    if getattr(args, "db", None):
        return ServiceContext.open(args.db).rulebook

    return load_rulebook()


def cmd_alerts(args: argparse.Namespace) -> int:
    from hrapp.services.alerts import KIND_LABELS, KINDS, alerts

    kinds = tuple(args.kinds) if args.kinds else KINDS
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise CliError("cli_unknown_kind", kind=unknown[0], choices=", ".join(KINDS))
    ctx = open_context(args)
    rows = alerts(ctx, args.as_of or clock.today(), args.days, kinds)
    if args.format == "json":
        print_json([a.to_json() for a in rows])
        return 0
    for a in rows:
        late = word("cli_overdue") if a.overdue else ""
        print(f"{a.due_date:%d/%m/%Y}{late}\t{term(KIND_LABELS[a.kind])}\t{a.full_name}\t{a.detail}")
    print(text("cli_total_tasks", count=len(rows)))
    return 0


def cmd_rules_retirement(args: argparse.Namespace) -> int:
    result = retirement(args.sex, args.birth, _rulebook(args))
    data = result.to_json()
    if args.format == "json":
        print_json({k: data[k] for k in ("retirement_age", "reached_on", "last_working_day", "retirement_date",
                                         "notice_due", "rule")})
        return 0
    notice = f"{result.notice_due:%d/%m/%Y}" if result.notice_due else word("cli_no_rule")
    print(text("cli_retirement_age", value=result.age.label()))
    print(text("cli_retirement_reached", value=result.reached_on))
    print(text("cli_retirement_last_day", value=result.last_working_day))
    print(text("cli_retirement_date", value=result.retirement_date))
    print(text("cli_retirement_notice", value=notice))
    print(text("cli_rule", value=result.rule.label()))
    return 0


def cmd_rules_pay_step(args: argparse.Namespace) -> int:
    result = next_pay_step(args.salary_class, args.step, args.since, _rulebook(args), args.delay_months)
    data = result.to_json()
    if args.format == "json":
        print_json({k: data[k] for k in ("next_step", "next_coefficient", "due_date", "pctnvk_percent", "rule")})
        return 0
    if result.next_step is None:
        print(text("cli_pay_step_top", percent=result.pctnvk_percent, day=result.due_date))
    else:
        assert result.next_coefficient is not None
        print(text("cli_pay_step_next", step=result.next_step, coefficient=fmt_coefficient(result.next_coefficient),
                   day=result.due_date))
    print(text("cli_rule", value=result.rule.label()))
    return 0


def cmd_rules_list(args: argparse.Namespace) -> int:
    if getattr(args, "db", None):
        from hrapp.services.rules_admin import list_rule_versions

        rows = [i.to_json() for i in list_rule_versions(open_context(args), args.code)]
    else:
        rows = [{**r.to_json(), "title": r.title} for r in load_rulebook().all()
                if args.code is None or r.code == args.code]
    if args.code and not rows:
        raise CliError("cli_unknown_rule", code=args.code)
    if args.format == "json":
        print_json(rows)
        return 0
    for r in rows:
        end = r["effective_to"] or "nay"
        print(f"{r['code']}\t{r['version']}\t{r['effective_from']} – {end}\t{r['legal_basis']}")
    return 0
