"""What falls due: pay steps, PCTNVK, retirement notices and retirements, term ends, probation ends, certificates.

One function serves the to-do page and the `alerts` command. It reads the facts of all staff in bulk (no query
per person) and runs the same rules as a person's career summary, so both always agree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, false, func, literal, or_, select
from sqlalchemy.orm import aliased

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import Employment, Person, PostHeld, Qualification, RetirementAdjustment, SalaryStep
from hrapp.db.scope import reader
from hrapp.domain import validation as v
from hrapp.domain.pay_steps import PAY_STEP, PCTNVK
from hrapp.domain.retirement import (
    RetirementException,
    RetirementResult,
    add_months,
    latest_births_retiring_by,
    youngest_notice_months,
)
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import SALARY_SCALE, lookup_by_class, max_step
from hrapp.errors import DomainError, ValidationError
from hrapp.security import READ, require
from hrapp.services.career import pay_step_of, probation_of, retirement_of, terms_of
from hrapp.services.career_facts import (
    PersonFacts,
    SalaryFacts,
    StaffRow,
    current_salary_id,
    in_force,
    latest_in_force,
    load_facts,
    salary_columns,
    salary_facts,
    staff_columns,
)

log = logging.getLogger(__name__)

KINDS = ("pay_step", "pctnvk", "retirement_notice", "retirement", "term_expiry", "probation_end",
         "certificate_expiry")
KIND_LABELS = {
    "pay_step": "Đến hạn nâng bậc lương",
    "pctnvk": "Phụ cấp thâm niên vượt khung",
    "retirement_notice": "Thông báo nghỉ hưu",
    "retirement": "Nghỉ hưu",
    "term_expiry": "Hết thời hạn bổ nhiệm",
    "probation_end": "Hết thời gian tập sự",
    "certificate_expiry": "Chứng chỉ hết hạn",
}
MAX_DAYS = 3660
# A certificate has no "renewed" flag: one that expired more than a year ago and was never replaced is history,
# not a task, so expired certificates stay on the list for this long only.
CERTIFICATE_OVERDUE_DAYS = 365


@dataclass(frozen=True)
class AlertDTO:
    """One thing due. `due_date` is the day the officer's action falls due (a term's reminder, the retirement
    notice); `event_date` the day of the event itself (the term's end, the retirement), the same day for a pay
    step, a probation end or a certificate. `action` says what opens it: the person ('person') or a list
    ('pay_step_list', ...)."""

    kind: str
    employee_id: int
    full_name: str
    due_date: date
    detail: str
    overdue: bool = False
    unit_name: str = ""
    rule: str = ""  # the rule version(s) the date comes from
    action: str = "person"
    ref_id: int | None = None  # the post or qualification concerned
    event_date: date | None = None  # None: the event falls on the due date

    @property
    def event_day(self) -> date:
        return self.event_date if self.event_date is not None else self.due_date

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def to_json(self) -> dict[str, Any]:
        """The `alerts` command's contract."""
        return {"kind": self.kind, "employee_id": self.employee_id, "full_name": self.full_name,
                "due_date": self.due_date.isoformat(), "detail": self.detail}


def _check(as_of: date, days: int) -> None:
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_DAYS:
        raise ValidationError([("days", messages.text("alert_days_range", limit=MAX_DAYS))])
    if not isinstance(as_of, date):
        raise ValidationError([("as_of", messages.text("alert_date_missing"))])


def alerts(ctx: ServiceContext, as_of: date, days: int = 30, kinds: tuple[str, ...] = KINDS) -> list[AlertDTO]:
    """Everything due from now to `as_of + days`, and what fell due earlier but is still not done, sorted by date.

    "Not done" is read from the records: a pay step is done when a newer salary row exists, a retirement when
    the employment ends, a term when the post ends, a probation when the salary is no longer the probation
    share. A term shows on its next reminder of the appointment rule (6 months and 90 days before), then on its
    end; a retirement notice on the day it is due.
    """
    require(ctx, READ)
    _check(as_of, days)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValidationError([("kinds", messages.text("alert_kind_unknown", kind=unknown[0]))])
    rulebook = ctx.rulebook
    horizon = as_of + timedelta(days=days)
    lead = youngest_notice_months(rulebook)
    with ctx.read() as s:
        cert_rows = _certificate_rows(s, as_of, horizon) if "certificate_expiry" in kinds else []
        salaries, staff = _candidates(s, as_of, horizon, rulebook, lead, kinds)
        wanted = set(staff)
        reading = wanted | {r.person_id for r in cert_rows}
        facts = load_facts(s, as_of, reading, salaries=salaries, staff=staff) if reading else {}
        certificates = _certificates(s, as_of, cert_rows, facts)
    out: list[AlertDTO] = []
    retirement_cache: dict[tuple[str, date, str, RetirementException | None], RetirementResult | None] = {}
    for f in facts.values():
        if f.person_id not in wanted:
            continue  # on the list for a certificate only: nothing else can fall due for them
        ret = None
        # Retirement matters near the retirement age (the notice, the retirement, a step due after it) and for
        # leaders (a term cut short, reappointment); for everyone else the computation is skipped.
        if f.posts or f.retirement_exception or add_months(f.birth_date, lead) <= horizon:
            key = (f.gender, f.birth_date, f.birth_precision, f.retirement_exception)
            if key not in retirement_cache:
                try:
                    retirement_cache[key] = retirement_of(f, rulebook)
                except DomainError as exc:
                    log.warning("retirement of person %s: %s", f.person_id, exc.message)
                    retirement_cache[key] = None
            ret = retirement_cache[key]
        out += _person_alerts(f, ret, as_of, horizon, rulebook, kinds)
    out += certificates
    out.sort(key=lambda a: (a.due_date, KINDS.index(a.kind), a.full_name, a.employee_id))
    return out


# ============================================================================================== who can be due
# Computing everyone's career events to keep the few due in the window is most of the cost for 100,000 people.
# One query keeps instead the people something can fall due for: every bound below is on the safe side (the
# fewest months any rule version gives, a few days' slack for month ends), so nobody with an alert is left out,
# and the people kept go through exactly the same computations as before.
_SLACK = timedelta(days=3)  # add_months clamps the 31st to a shorter month's end: at most 3 days


@dataclass(frozen=True)
class _PayBounds:
    """Per salary class, the fewest months from `step_since` to the next step or the start of PCTNVK in any rule
    version, and the highest last step of any scale; the fewest months between two PCTNVK rises."""

    months: dict[str, int]
    last_step: dict[str, int]
    pctnvk_every: int | None


def _ints(table: Any, salary_class: str) -> int | None:
    try:
        return int(lookup_by_class(table, salary_class))
    except (DomainError, KeyError, TypeError, ValueError, AttributeError):
        return None


def _pay_bounds(rulebook: RuleBook) -> _PayBounds:
    """Bounds from the rule book; a class some version has no figure for gets none, so it is never filtered."""
    classes: set[str] = set()
    last_step: dict[str, int] = {}
    for version in rulebook.versions(SALARY_SCALE):
        for code in version.params.get("classes", {}):
            classes.add(code)
            try:
                last_step[code] = max(last_step.get(code, 0), max_step(code, rulebook, version.effective_from))
            except DomainError:
                last_step[code] = 10 ** 6
    steps, pctnvk = rulebook.versions(PAY_STEP), rulebook.versions(PCTNVK)
    months: dict[str, int] = {}
    for code in classes:
        found = [_ints(ver.params.get("interval_months", {}), code) for ver in steps]
        found += [_ints(ver.params.get("first_after_months", {}), code) for ver in pctnvk]
        if found and None not in found:
            months[code] = min(m for m in found if m is not None)
    every = [ver.params.get("increase_every_months") for ver in pctnvk]
    numbers = [int(m) for m in every if isinstance(m, int) or (isinstance(m, str) and m.isdigit())]
    ok = bool(every) and len(numbers) == len(every)
    return _PayBounds(months, last_step, min(numbers) if ok else None)


def _cut(horizon: date, months: int) -> date:
    """The latest start from which `months` months can end by the horizon."""
    return add_months(horizon, -months) + _SLACK


def _birth_cuts(rulebook: RuleBook, horizon: date, lead: int) -> dict[str, date]:
    """Per sex, the latest birth date whose retirement notice or retirement can fall by the horizon (the
    retirement rule's own reading, hrapp.domain.retirement); a rule it cannot read keeps the bound `alerts` uses."""
    coarse = _cut(horizon, lead)
    cuts = latest_births_retiring_by(rulebook, horizon, date(max(1, coarse.year - 150), 1, 1), coarse)
    return {sex: coarse if cut is None else cut for sex, cut in cuts.items()}


def _candidates(session, as_of: date, horizon: date, rulebook: RuleBook, lead: int,
                kinds: tuple[str, ...]) -> tuple[dict[int, SalaryFacts], dict[int, StaffRow]]:
    """The people on staff on `as_of` for whom some reminder of `kinds` can fall due by the horizon (and those
    overdue): near the retirement age, holding a post, in or just past probation, or whose salary row in force
    started long enough ago for a step or a PCTNVK rise. Returned as the rows the query has read for
    `load_facts`: the salary rows in force, and the employment kept for the person with the person's columns
    (only that employment is looked at, so its probation is the one the facts have)."""
    e = Employment
    sal = aliased(SalaryStep)
    conds = []
    if "retirement" in kinds or "retirement_notice" in kinds:
        cuts = _birth_cuts(rulebook, horizon, lead)
        conds.append(or_(*(and_(Person.gender == sex, Person.birth_date <= cut) for sex, cut in cuts.items()),
                         and_(Person.gender.not_in(tuple(cuts)), Person.birth_date <= _cut(horizon, lead))))
        # a decision to retire earlier (NĐ 135/2020, Điều 5) moves the dates before any bound of the ordinary age
        conds.append(e.person_id.in_(select(RetirementAdjustment.person_id)))
    # a post brings the term reminders, and the retirement date is computed for its holder whatever the age
    conds.append(e.person_id.in_(
        select(PostHeld.person_id).where(PostHeld.start_date <= as_of,
                                         or_(PostHeld.end_date.is_(None), PostHeld.end_date >= as_of))))
    if "probation_end" in kinds:
        conds.append(and_(e.probation_start.is_not(None),
                          or_(e.probation_end.is_(None), e.probation_end >= as_of, sal.id.is_(None),
                              sal.percent < 100)))
    if "pay_step" in kinds or "pctnvk" in kinds:
        bounds = _pay_bounds(rulebook)
        no_pctnvk = func.coalesce(sal.pctnvk_percent, 0) == 0
        never = date.max
        step_cut = case({c: _cut(horizon, m) for c, m in bounds.months.items()}, value=sal.salary_class,
                        else_=never) if bounds.months else literal(never)
        below_last = sal.step < case(bounds.last_step, value=sal.salary_class, else_=10 ** 6) \
            if bounds.last_step else literal(True)
        conds.append(and_(or_(no_pctnvk, below_last), sal.step_since <= step_cut))
        since = func.coalesce(sal.pctnvk_since, sal.step_since)
        conds.append(and_(~no_pctnvk, since <= (_cut(horizon, bounds.pctnvk_every)
                                                 if bounds.pctnvk_every is not None else never)))
    columns = staff_columns(e, Person)
    q = (
        select(*columns, *salary_columns(sal))
        .join(Person, Person.id == e.person_id)
        .outerjoin(sal, sal.id == current_salary_id(e.person_id, as_of))
        # the later-employment check inside a CASE runs for the rows the conditions keep only: as a term of its
        # own, SQLite runs it for every employment before the joins
        .where(in_force(e, as_of), case((or_(*conds), latest_in_force(e, as_of)), else_=false()))
    )
    n = len(columns)
    staff: dict[int, StaffRow] = {}
    salaries: dict[int, SalaryFacts] = {}
    for row in reader(session).execute(q):
        pid = row[0]
        staff[pid] = StaffRow(*row[:n])
        if row[n] is not None:  # the salary row's id: none when the person has no salary row in force
            salaries[pid] = salary_facts(row[n:])
    return salaries, staff


def _alert(kind: str, f: PersonFacts, due: date, detail: str, as_of: date, rule: str, action: str,
           ref_id: int | None = None, event: date | None = None) -> AlertDTO:
    return AlertDTO(kind, f.person_id, f.full_name, due, detail, due < as_of, f.unit_name, rule, action, ref_id,
                    event if event is not None and event != due else None)


def _person_alerts(f: PersonFacts, ret: RetirementResult | None, as_of: date, horizon: date, rulebook: RuleBook,
                   kinds: tuple[str, ...]) -> list[AlertDTO]:
    """Each kind on its own: a record one rule cannot use (a step beyond the scale, a level with no probation
    length) must not hide the person's other reminders."""
    out: list[AlertDTO] = []
    if ret is not None:
        out += _retirement_alerts(f, ret, as_of, horizon, kinds)
    for part in (_pay_alerts, _term_alerts, _probation_alerts):
        try:
            out += part(f, ret, as_of, horizon, rulebook, kinds)
        except DomainError as exc:  # the person's page shows why
            log.warning("%s of person %s: %s", part.__name__, f.person_id, exc.message)
    return out


def _retirement_alerts(f: PersonFacts, ret: RetirementResult, as_of: date, horizon: date,
                       kinds: tuple[str, ...]) -> list[AlertDTO]:
    out = []
    if "retirement" in kinds and ret.retirement_date <= horizon:
        out.append(_alert("retirement", f, ret.retirement_date,
                          f"Nghỉ hưu từ {v.dmy(ret.retirement_date)} (đủ {ret.age.label()} ngày "
                          f"{v.dmy(ret.reached_on)}, làm việc đến hết ngày {v.dmy(ret.last_working_day)})",
                          as_of, ret.basis(), "retirement_list"))
    if ("retirement_notice" in kinds and ret.notice_due is not None and ret.notice_due <= horizon
            and ret.retirement_date > as_of):
        rule = ret.notice_rule.label() if ret.notice_rule else ret.rule.label()
        if ret.exception is not None:
            rule += f"; {ret.exception.describe()}"
        out.append(_alert("retirement_notice", f, ret.notice_due,
                          f"Thông báo nghỉ hưu chậm nhất ngày {v.dmy(ret.notice_due)}; nghỉ hưu từ "
                          f"{v.dmy(ret.retirement_date)} ({ret.age.label()})", as_of, rule, "retirement_list",
                          event=ret.retirement_date))
    return out


def _pay_alerts(f: PersonFacts, ret: RetirementResult | None, as_of: date, horizon: date, rulebook: RuleBook,
                kinds: tuple[str, ...]) -> list[AlertDTO]:
    if "pay_step" not in kinds and "pctnvk" not in kinds:
        return []
    pay = pay_step_of(f, rulebook)
    # a step due on or after the retirement date is never granted
    if pay is None or pay.due_date > horizon or (ret is not None and pay.due_date >= ret.retirement_date):
        return []
    kind = "pay_step" if pay.kind == "nang_bac" else "pctnvk"
    if kind not in kinds:
        return []
    return [_alert(kind, f, pay.due_date, pay.detail(), as_of, pay.rule_label(),
                   "pay_step_list" if kind == "pay_step" else "pctnvk_list", pay.salary.row_id)]


def _term_alerts(f: PersonFacts, ret: RetirementResult | None, as_of: date, horizon: date, rulebook: RuleBook,
                 kinds: tuple[str, ...]) -> list[AlertDTO]:
    if "term_expiry" not in kinds or not f.posts:
        return []
    out = []
    for term in terms_of(f, rulebook, ret.retirement_date if ret else None):
        # The action falls due on the next reminder of the rule (6 months, then 90 days before the end), then on
        # the term's end; a term past its end with the post still held is overdue from that end.
        steps = [(a.on, a.label) for a in term.alerts if a.on < term.term_end] + [(term.term_end, "")]
        due, label = next(((on, text) for on, text in steps if on >= as_of), steps[-1])
        if due > horizon:
            continue
        detail = term.detail()
        if label:
            detail = f"{label}. {detail}"
        out.append(_alert("term_expiry", f, due, detail, as_of, term.rule.label() if term.rule else "", "person",
                          term.post.post_id, event=term.term_end))
    return out


def _probation_alerts(f: PersonFacts, ret: RetirementResult | None, as_of: date, horizon: date,
                      rulebook: RuleBook, kinds: tuple[str, ...]) -> list[AlertDTO]:
    if "probation_end" not in kinds or f.probation is None:
        return []
    prob = probation_of(f, rulebook)
    # Past its end, probation is still open while the pay is the probation share (85%).
    on_probation_pay = f.salary is None or f.salary.percent < 100
    if prob is None or prob.end_date > horizon or (prob.end_date < as_of and not on_probation_pay):
        return []
    return [_alert("probation_end", f, prob.end_date, prob.detail(), as_of,
                   prob.rule.label() if prob.rule else "", "person")]


def _certificate_rows(session, as_of: date, horizon: date) -> list[Any]:
    """Certificates expiring by the horizon, or expired within the last year."""
    oldest = as_of - timedelta(days=CERTIFICATE_OVERDUE_DAYS)
    return list(reader(session).execute(
        select(Qualification.id, Qualification.person_id, Qualification.kind, Qualification.level_code,
               Qualification.language, Qualification.expiry_date, Qualification.certificate_no)
        .where(Qualification.expiry_date.is_not(None), Qualification.expiry_date >= oldest,
               Qualification.expiry_date <= horizon, Qualification.in_progress.is_(False),
               or_(Qualification.certificate_date.is_(None), Qualification.certificate_date <= as_of))
    ).all())


def _certificates(session, as_of: date, rows: list[Any], facts: dict[int, PersonFacts]) -> list[AlertDTO]:
    """Of the certificate rows, those of people on staff that no later certificate of the same kind and level
    (or language) replaces."""
    if not rows:
        return []
    persons = sorted({r.person_id for r in rows if r.person_id in facts})
    later: dict[tuple, date | None] = {}
    for i in range(0, len(persons), 900):
        for pid, kind, level, language, expiry in reader(session).execute(
            select(Qualification.person_id, Qualification.kind, Qualification.level_code, Qualification.language,
                   Qualification.expiry_date)
            .where(Qualification.person_id.in_(persons[i:i + 900]), Qualification.in_progress.is_(False),
                   or_(Qualification.certificate_date.is_(None), Qualification.certificate_date <= as_of))
        ):
            key = (pid, kind, language or level)
            have = later.get(key, date.min)  # None means "never expires", the best there is
            if have is not None and (expiry is None or expiry > have):
                later[key] = expiry
    out = []
    for r in rows:
        f = facts.get(r.person_id)
        if f is None:
            continue
        best = later.get((r.person_id, r.kind, r.language or r.level_code), r.expiry_date)
        if best is None or best > r.expiry_date:
            continue  # replaced by a later or permanent certificate
        what = catalogs.label("qualification_level", r.level_code, r.level_code)
        kind = catalogs.label("qualification_kind", r.kind, r.kind)
        lang = f" {r.language}" if r.language else ""
        number = f", số {r.certificate_no}" if r.certificate_no else ""
        verb = "hết hạn ngày" if r.expiry_date >= as_of else "đã hết hạn từ ngày"
        out.append(_alert("certificate_expiry", f, r.expiry_date,
                          f"{kind}{lang}: {what}{number} {verb} {v.dmy(r.expiry_date)}", as_of, "", "person", r.id))
    return out
