"""Pay-step and PCTNVK lists for a period, and early-step candidates with the 10% quota (approving a list is
hrapp.services.pay_list_approval)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Allowance,
    Decision,
    Evaluation,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    SalaryStep,
)
from hrapp.domain import validation as v
from hrapp.domain.allowances import allowance_or_recorded
from hrapp.domain.pay_steps import (
    EarlyStepCandidate,
    EarlyStepQuota,
    early_step_candidate,
    early_step_quota,
    retirement_early_step,
)
from hrapp.domain.retirement import BirthDate, add_months, months_between
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.domain.salary import coefficient, fmt_coefficient
from hrapp.errors import DomainError, ValidationError
from hrapp.security import READ, require
from hrapp.services.agency import get_agency
from hrapp.services.career import PayStepOutlook, pay_step_of, retirement_of
from hrapp.services.career_facts import PersonFacts, load_facts
from hrapp.text import name_sort_key

BASE_SALARY = "base_salary"
# The units that keep their own payroll (danh sách trả lương): the Sở itself (its office, inspectorate and
# phòng share the Sở's payroll), each chi cục and each public service unit. The early-step quota counts there.
PAYROLL_UNIT_KINDS = ("so", "chi_cuc", "trung_tam", "dvsn")
EDU_ORDER = {"TS": 6, "ThS": 5, "DH": 4, "CD": 3, "TC": 2, "SC": 1}

REGULAR = "thuong_xuyen"
EARLY = "truoc_thoi_han"
EARLY_RETIREMENT = "truoc_thoi_han_nghi_huu"
PCTNVK = "vuot_khung"
ITEM_KINDS = (REGULAR, EARLY, EARLY_RETIREMENT, PCTNVK)
KIND_LABELS = {
    REGULAR: "Nâng bậc lương thường xuyên",
    EARLY: "Nâng bậc lương trước thời hạn do lập thành tích xuất sắc",
    EARLY_RETIREMENT: "Nâng bậc lương trước thời hạn do có thông báo nghỉ hưu",
    PCTNVK: "Phụ cấp thâm niên vượt khung",
}
PCTNVK_ALLOWANCE = "tham_nien_vuot_khung"


# ============================================================================================== rows


@dataclass(frozen=True)
class PayListRow:
    """One person of a list: the salary in force and the proposed result (forms.md §4 columns)."""

    kind: str  # REGULAR, EARLY, EARLY_RETIREMENT, PCTNVK
    person_id: int
    full_name: str
    staff_code: str
    birth: str  # as known: dd/mm/yyyy, mm/yyyy or yyyy
    birth_year: int
    gender: str
    unit_id: int | None
    unit_name: str
    post: str
    education: str
    salary_row_id: int
    rank_code: str
    rank_name: str
    salary_class: str
    max_step: int
    step: int
    coefficient: Decimal
    step_since: date
    effective_date: date
    decision_sign_date: date | None
    pctnvk_percent: int | None
    pctnvk_since: date | None
    post_allowance: Decimal | None
    other_allowance: Decimal | None
    new_step: int
    new_coefficient: Decimal
    new_pctnvk_percent: int | None
    new_date: date  # the day the new step or percent is paid from and the next one counts from
    regular_date: date
    delay_months: int
    delay_text: str
    months_early: int
    coefficient_increase: Decimal  # the step's difference, or the PCTNVK coefficient's
    months_in_period: int
    pay_increase: Decimal  # VND to the end of the period at the base salary of each month
    overdue: bool
    rule: str
    warning: str = ""  # a record to check before deciding (a step date inside a probation that does not count)

    @property
    def pctnvk_coefficient(self) -> Decimal | None:
        return _pct_coef(self.pctnvk_percent, self.coefficient)

    @property
    def new_pctnvk_coefficient(self) -> Decimal | None:
        return _pct_coef(self.new_pctnvk_percent, self.coefficient)

    @property
    def held_months(self) -> int:
        """Months on the current step (or percent) by the new date: the 'thời gian hưởng' of the list."""
        start = self.pctnvk_since if self.kind == PCTNVK and self.pctnvk_since else self.step_since
        return months_between(start, self.new_date)

    @property
    def note(self) -> str:
        parts = []
        if self.overdue:
            parts.append(f"Đến hạn từ {v.dmy(self.new_date)}")
        if self.delay_text:
            parts.append(self.delay_text[0].upper() + self.delay_text[1:])
        if self.months_early:
            parts.append(f"Trước thời hạn {self.months_early} tháng (hạn thường xuyên {v.dmy(self.regular_date)})")
        if self.warning:
            parts.append(f"Cảnh báo: {self.warning}")
        return "; ".join(parts)


def _pct_coef(percent: int | None, coef: Decimal) -> Decimal | None:
    if not percent:
        return None
    return (coef * Decimal(percent) / 100).quantize(Decimal("0.001"))


@dataclass(frozen=True)
class PayList:
    kind: str  # 'pay_step' or 'pctnvk'
    start: date
    end: date
    rows: tuple[PayListRow, ...]
    base_salary_rule: RuleVersion | None

    @property
    def total_increase(self) -> Decimal:
        return sum((r.pay_increase for r in self.rows), Decimal(0))


# ============================================================================================== helpers


def _check_period(start: date, end: date) -> None:
    if not isinstance(start, date) or not isinstance(end, date):
        raise ValidationError([("start", messages.text("pay_period_missing"))])
    if end < start:
        raise ValidationError([("end", messages.text("pay_period_order", end=end, start=start))])
    if (end - start).days > 3 * 366:
        raise ValidationError([("end", messages.text("pay_period_too_long"))])


def base_salary_months(increase: Decimal, start: date, end: date, rulebook: RuleBook) -> tuple[int, Decimal]:
    """(whole months from `start` to the end of `end`, the extra pay of `increase` over them): each month at
    the base salary in force on its first day (lương cơ sở changes on 01/07 of some years)."""
    months = months_between(start, end + timedelta(days=1))
    total = Decimal(0)
    for k in range(months):
        day = add_months(start, k)
        try:
            base = Decimal(str(rulebook.get(BASE_SALARY, day).params["amount"]))
        except DomainError:
            continue  # no base salary recorded that far back: nothing to add for that month
        total += increase * base
    return months, total.quantize(Decimal(1))


def _subtree(units: dict[int, tuple[int | None, str, str]], root: int) -> set[int]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for uid, (parent, _n, _k) in units.items():
        children[parent].append(uid)
    out, stack = set(), [root]
    while stack:
        uid = stack.pop()
        if uid not in out:
            out.add(uid)
            stack.extend(children.get(uid, []))
    return out


def unit_tree(session: Session) -> dict[int, tuple[int | None, str, str]]:
    return {uid: (parent, name, kind) for uid, parent, name, kind in
            session.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name, OrgUnit.kind))}


def payroll_unit(units: dict[int, tuple[int | None, str, str]], unit_id: int | None) -> int | None:
    """The unit whose payroll a unit's staff are on: itself or its nearest ancestor keeping a payroll."""
    seen: set[int] = set()
    uid = unit_id
    top = unit_id
    while uid is not None and uid in units and uid not in seen:
        seen.add(uid)
        parent, _name, kind = units[uid]
        if kind in PAYROLL_UNIT_KINDS:
            return uid
        top = uid
        uid = parent
    return top


@dataclass(frozen=True)
class _Extras:
    education: dict[int, str]
    post: dict[int, str]
    staff_code: dict[int, str]
    post_allowance: dict[int, Decimal]
    other_allowance: dict[int, Decimal]


def _extras(session: Session, person_ids: list[int], on: date, rulebook: RuleBook | None = None,
            province: str | None = None) -> _Extras:
    """Education, post, staff code and allowances on `on`. The post allowance is the coefficient of the post
    in the `post_allowance` rule in force that day for the agency's province group (the decision's recorded
    coefficient when the rule has none for the post); an allowance row of kind chức vụ wins when higher."""
    education: dict[int, tuple[int, str]] = {}
    post: dict[int, str] = {}
    staff: dict[int, str] = {}
    pos_allow: dict[int, Decimal] = defaultdict(Decimal)
    other: dict[int, Decimal] = defaultdict(Decimal)
    for i in range(0, len(person_ids), 900):
        chunk = person_ids[i:i + 900]
        for pid, level, major in session.execute(
                select(Qualification.person_id, Qualification.level_code, Qualification.major)
                .where(Qualification.person_id.in_(chunk), Qualification.kind == "chuyen_mon",
                       Qualification.in_progress.is_(False))):
            rank = EDU_ORDER.get(level, 0)
            if rank and (pid not in education or rank > education[pid][0]):
                name = catalogs.label("qualification_level", level, level)
                education[pid] = (rank, f"{name} {major}".strip() if major else name)
        for pid, title, post_code, allowance, concurrent in session.execute(
                select(PostHeld.person_id, PostHeld.post_title, PostHeld.post_code, PostHeld.allowance_coefficient,
                       PostHeld.is_concurrent)
                .where(PostHeld.person_id.in_(chunk), PostHeld.start_date <= on,
                       (PostHeld.end_date.is_(None)) | (PostHeld.end_date >= on))
                .order_by(PostHeld.is_concurrent, PostHeld.start_date)):
            if not concurrent and pid not in post:
                post[pid] = title
                if rulebook is not None:
                    allowance = allowance_or_recorded(post_code, allowance, province, rulebook, on)
                if allowance is not None:
                    pos_allow[pid] += Decimal(allowance)
        for pid, kind, coef in session.execute(
                select(Allowance.person_id, Allowance.kind, Allowance.coefficient)
                .where(Allowance.person_id.in_(chunk), Allowance.effective_date <= on,
                       (Allowance.end_date.is_(None)) | (Allowance.end_date >= on),
                       Allowance.coefficient.is_not(None))):
            if kind == "chuc_vu":
                pos_allow[pid] = max(pos_allow[pid], Decimal(coef or 0))  # the query keeps set coefficients only
            elif kind != PCTNVK_ALLOWANCE:
                other[pid] += Decimal(coef or 0)
        for pid, code in session.execute(select(Person.id, Person.staff_code).where(Person.id.in_(chunk))):
            if code:
                staff[pid] = code
    return _Extras({k: t for k, (_r, t) in education.items()}, post, staff, dict(pos_allow), dict(other))


def _row(kind: str, f: PersonFacts, out: PayStepOutlook, new_date: date, end: date, as_of: date,
         extras: _Extras, sign_dates: dict[int, date], rulebook: RuleBook) -> PayListRow:
    s = out.salary
    rank_name = catalogs.ranks().get(s.rank_code, {}).get("name", s.rank_code)
    if kind == PCTNVK:
        new_step, new_coef = s.step, s.coefficient
        increase = (s.coefficient * Decimal((out.pctnvk_percent or 0) - (s.pctnvk_percent or 0)) / 100)
        increase = increase.quantize(Decimal("0.001"))
    else:
        new_step = s.step + 1
        new_coef = coefficient(s.salary_class, new_step, rulebook, new_date)
        increase = new_coef - s.coefficient
    months, pay = base_salary_months(increase, new_date, end, rulebook)
    birth = BirthDate(f.birth_date, f.birth_precision or "day")  # type: ignore[arg-type]  # a stored precision (day/month/year)
    early = months_between(new_date, out.due_date) if new_date < out.due_date else 0
    return PayListRow(
        kind=kind, person_id=f.person_id, full_name=f.full_name, staff_code=extras.staff_code.get(f.person_id, ""),
        birth=birth.display(), birth_year=f.birth_date.year, gender=f.gender, unit_id=f.unit_id,
        unit_name=f.unit_name, post=extras.post.get(f.person_id, ""),
        education=extras.education.get(f.person_id, ""), salary_row_id=s.row_id, rank_code=s.rank_code,
        rank_name=rank_name, salary_class=s.salary_class, max_step=out.max_step, step=s.step,
        coefficient=s.coefficient, step_since=s.step_since, effective_date=s.effective_date,
        decision_sign_date=sign_dates.get(s.row_id), pctnvk_percent=s.pctnvk_percent,
        pctnvk_since=s.pctnvk_since, post_allowance=extras.post_allowance.get(f.person_id),
        other_allowance=extras.other_allowance.get(f.person_id), new_step=new_step, new_coefficient=new_coef,
        new_pctnvk_percent=out.pctnvk_percent if kind == PCTNVK else None, new_date=new_date,
        regular_date=out.regular_date if kind != EARLY and kind != EARLY_RETIREMENT else out.due_date,
        delay_months=out.delay_months, delay_text=out.delay_text(), months_early=early,
        coefficient_increase=increase, months_in_period=months, pay_increase=pay, overdue=new_date < as_of,
        rule=out.rule_label(), warning="; ".join(out.warnings),
    )


def _sign_dates(session: Session, row_ids: Iterable[int]) -> dict[int, date]:
    ids = sorted(set(row_ids))
    out: dict[int, date] = {}
    for i in range(0, len(ids), 900):
        for rid, signed in session.execute(
                select(SalaryStep.id, Decision.sign_date).join(Decision, Decision.id == SalaryStep.decision_id)
                .where(SalaryStep.id.in_(ids[i:i + 900]))):
            out[rid] = signed
    return out


def _in_units(ctx: ServiceContext, session: Session, facts: dict[int, PersonFacts], unit_id: int | None
              ) -> list[PersonFacts]:
    """The people of `unit_id` and its sub-units (the facts were read within the user's units)."""
    people = list(facts.values())
    if unit_id is None:
        return people
    allowed = _subtree(unit_tree(session), unit_id)
    return [f for f in people if f.unit_id in allowed]


def _sorted(rows: list[PayListRow]) -> tuple[PayListRow, ...]:
    return tuple(sorted(rows, key=lambda r: (r.unit_name, r.new_date, name_sort_key(r.full_name), r.person_id)))


def _due_list(ctx: ServiceContext, start: date, end: date, unit_id: int | None, include_overdue: bool,
              pctnvk: bool) -> PayList:
    require(ctx, READ, unit_id)
    _check_period(start, end)
    rulebook = ctx.rulebook
    province = get_agency(ctx).province
    rows: list[PayListRow] = []
    with ctx.read() as s:
        facts = load_facts(s, end)
        chosen: list[tuple[PersonFacts, PayStepOutlook]] = []
        for f in _in_units(ctx, s, facts, unit_id):
            try:
                out = pay_step_of(f, rulebook)
                ret = retirement_of(f, rulebook)
            except DomainError:
                continue  # the person's page explains what the rules could not use
            if out is None or (out.kind == "nang_bac") == pctnvk:
                continue
            if out.due_date > end or (out.due_date < start and not include_overdue):
                continue
            if out.due_date >= ret.retirement_date:
                continue
            chosen.append((f, out))
        ids = [f.person_id for f, _ in chosen]
        extras = _extras(s, ids, end, rulebook, province)
        signs = _sign_dates(s, (o.salary.row_id for _, o in chosen))
    for f, out in chosen:
        rows.append(_row(PCTNVK if pctnvk else REGULAR, f, out, out.due_date, end, start, extras, signs, rulebook))
    try:
        base_rule = rulebook.get(BASE_SALARY, end)
    except DomainError:
        base_rule = None
    return PayList("pctnvk" if pctnvk else "pay_step", start, end, _sorted(rows), base_rule)


def pay_step_due_list(ctx: ServiceContext, start: date, end: date, unit_id: int | None = None, *,
                      include_overdue: bool = True) -> PayList:
    """Danh sách đến hạn nâng bậc lương thường xuyên: regular steps due from `start` to `end` (and, unless
    left out, those due earlier and still not recorded), with delays, in unit and date order."""
    return _due_list(ctx, start, end, unit_id, include_overdue, pctnvk=False)


def pctnvk_due_list(ctx: ServiceContext, start: date, end: date, unit_id: int | None = None, *,
                    include_overdue: bool = True) -> PayList:
    """Danh sách hưởng (nâng mức) phụ cấp thâm niên vượt khung: the 5% start or the yearly +1% in the period."""
    return _due_list(ctx, start, end, unit_id, include_overdue, pctnvk=True)


# ============================================================================================== early steps


@dataclass(frozen=True)
class PayrollQuota:
    """The early-step quota of one payroll unit for a year: 10% of the payroll, minus those already granted."""

    unit_id: int | None
    unit_name: str
    payroll_count: int
    max_count: int
    granted: int  # early steps for achievements already recorded in the year
    rule: RuleVersion

    @property
    def remaining(self) -> int:
        return max(self.max_count - self.granted, 0)


@dataclass(frozen=True)
class EarlyCandidate:
    row: PayListRow | None  # the proposed step when eligible
    person_id: int
    full_name: str
    unit_name: str
    payroll_unit_id: int | None
    regular_date: date
    eligible: bool
    months_short: int
    reason: str  # why not, in Vietnamese
    rating: str  # the year's rating label, to judge achievements by
    rule: RuleVersion


@dataclass(frozen=True)
class EarlyStepReport:
    year: int
    quotas: tuple[PayrollQuota, ...]
    achievement: tuple[EarlyCandidate, ...]
    retirement: tuple[PayListRow, ...]  # one step early on a retirement notice (outside the 10% quota)

    def quota_of(self, payroll_unit_id: int | None) -> PayrollQuota | None:
        return next((q for q in self.quotas if q.unit_id == payroll_unit_id), None)


def granted_early_steps(session: Session, year: int) -> dict[int | None, int]:
    """Early steps for achievements recorded per person's payroll unit in `year`."""
    counts: dict[int | None, int] = defaultdict(int)
    for (unit_id,) in session.execute(
            select(Person.cur_unit_id).join(SalaryStep, SalaryStep.person_id == Person.id)
            .where(SalaryStep.reason == EARLY, extract("year", SalaryStep.effective_date) == year)):
        counts[unit_id] += 1
    return counts


def early_step_candidates(ctx: ServiceContext, year: int, unit_id: int | None = None, *,
                          as_of: date | None = None) -> EarlyStepReport:
    """Who may get a step early in `year`: for achievements (≤12 months short by 31/12, up to 12 months early,
    not twice in a row in the same rank) within 10% of each payroll, and on a retirement notice given in the year
    (≤12 months short at the notice, one step early)."""
    require(ctx, READ, unit_id)
    if not isinstance(year, int) or not 1990 <= year <= 2100:
        raise ValidationError([("year", messages.text("pay_year_invalid"))])
    rulebook = ctx.rulebook
    as_of = as_of or date(year, 12, 31)
    with ctx.read() as s:
        facts = load_facts(s, as_of)
        people = _in_units(ctx, s, facts, unit_id)
        units = unit_tree(s)
        all_people = list(facts.values())
        payroll: dict[int | None, int] = defaultdict(int)
        for f in all_people:
            if f.salary is not None:
                payroll[payroll_unit(units, f.unit_id)] += 1
        granted_by_unit = granted_early_steps(s, year)
        granted: dict[int | None, int] = defaultdict(int)
        for uid, n in granted_by_unit.items():
            granted[payroll_unit(units, uid)] += n
        ratings = dict(s.execute(select(Evaluation.person_id, Evaluation.rating).where(Evaluation.year == year)).all())
        candidates: list[tuple[PersonFacts, PayStepOutlook, EarlyStepCandidate | None, bool]] = []
        for f in people:
            try:
                out = pay_step_of(f, rulebook)
                ret = retirement_of(f, rulebook)
            except DomainError:
                continue
            if out is None or out.kind != "nang_bac" or out.due_date >= ret.retirement_date:
                continue
            if ret.notice_due is not None and ret.notice_due.year == year:
                if retirement_early_step(out.due_date, ret.notice_due, rulebook).eligible:
                    candidates.append((f, out, None, True))
                    continue
            cand = early_step_candidate(out.due_date, year, rulebook, f.salary is not None and
                                        f.salary.reason == EARLY)
            if cand.months_short > 0 and (cand.eligible or cand.months_short <= 2 * int(
                    cand.rule.params["max_months_short"])):
                candidates.append((f, out, cand, False))
        ids = [f.person_id for f, *_ in candidates]
        extras = _extras(s, ids, as_of, rulebook, get_agency(ctx).province)
        signs = _sign_dates(s, (o.salary.row_id for _, o, *_ in candidates))
    quotas = []
    for uid in sorted({payroll_unit(units, f.unit_id) for f in people if f.salary is not None},
                      key=lambda u: (units.get(u, (None, "", ""))[1] if u is not None else "")):
        q: EarlyStepQuota = early_step_quota(payroll[uid], rulebook, year)
        quotas.append(PayrollQuota(uid, units.get(uid, (None, "", ""))[1] if uid is not None else "",
                                   payroll[uid], q.max_count, granted[uid], q.rule))
    achievement, retire = [], []
    end = date(year, 12, 31)
    for f, out, found, on_notice in candidates:
        if on_notice:
            ret = retirement_of(f, rulebook)
            assert ret.notice_due is not None
            retire.append(_row(EARLY_RETIREMENT, f, out, max(ret.notice_due, add_months(out.due_date, -12)), end,
                               as_of, extras, signs, rulebook))
            continue
        assert found is not None
        cand = found
        row = None
        if cand.eligible and cand.earliest_date is not None:
            row = _row(EARLY, f, out, cand.earliest_date, end, as_of, extras, signs, rulebook)
        rating = ratings.get(f.person_id)
        achievement.append(EarlyCandidate(row, f.person_id, f.full_name, f.unit_name, payroll_unit(units, f.unit_id),
                                          out.due_date, cand.eligible, cand.months_short, cand.reason,
                                          catalogs.label("rating", rating, "") if rating else "", cand.rule))
    achievement.sort(key=lambda c: (not c.eligible, c.unit_name, name_sort_key(c.full_name)))
    return EarlyStepReport(year, tuple(quotas), tuple(achievement), _sorted(retire))


def describe(row: PayListRow) -> str:
    """One line for a confirmation: 'Nguyễn Văn A: bậc 3 (3,00) → bậc 4 (3,33) từ 01/07/2022'."""
    if row.kind == PCTNVK:
        return (f"{row.full_name}: phụ cấp thâm niên vượt khung {row.pctnvk_percent or 0}% → "
                f"{row.new_pctnvk_percent}% từ {v.dmy(row.new_date)}")
    return (f"{row.full_name}: bậc {row.step} ({fmt_coefficient(row.coefficient)}) → bậc {row.new_step} "
            f"({fmt_coefficient(row.new_coefficient)}) từ {v.dmy(row.new_date)}")
