"""The reorganisation of agencies (hợp nhất, sáp nhập) by one decision, and its lists.

`reorganise` is one transaction: the receiving unit (an existing one, or a new one founded by the same decision),
the merge of the chosen units into it (their people with a new dated employment row and a line in their work
history, their job positions, sub-units; the old units closed and marked merged), their headcount quotas from the
decision's year on, and an audit row. `preview_reorganisation` runs the very same steps and rolls them back, so what
the officer sees before confirming is what the decision will do; a refusal at any step leaves nothing written.

`reorganisation_list` (people moved, people above the new unit's quota by category) and `benefits_list` (what each
person of the unit would receive on early retirement or resignation under NĐ 178/2024/NĐ-CP as amended by
NĐ 67/2025/NĐ-CP, hrapp.domain.reorg_benefits) are what the documents catalogue prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.audit import record
from hrapp.db.models import (
    Allowance,
    Decision,
    Employment,
    HeadcountQuota,
    JobPosition,
    OrgUnit,
    OrgUnitEvent,
    Person,
    SalaryStep,
    WorkHistory,
)
from hrapp.domain.decisions import effective_date
from hrapp.domain.history import day_before
from hrapp.domain.reorg_benefits import Benefit, LeavingFacts, early_retirement, resignation
from hrapp.domain.retirement import BirthDate, RetirementException, months_between, retirement
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import fmt_coefficient
from hrapp.errors import DomainError, ValidationError
from hrapp.queries._retirement import retirement_exceptions
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.org import (
    MergeResult,
    _code_errors,
    _event,
    _name_errors,
    get_unit,
    merge_into,
    require_active,
    unit_by_code,
)
from hrapp.text import name_sort_key

BASE_SALARY = "base_salary"
POST_ALLOWANCE, PCTNVK_ALLOWANCE = "chuc_vu", "pctnvk"


@dataclass(frozen=True)
class NewTarget:
    """The unit the merged units form (hợp nhất): founded by the same decision, from its effective date."""

    code: str
    name: str
    kind: str
    parent_id: int | None
    short_name: str | None = None


@dataclass(frozen=True)
class Reorganisation:
    """Merge `source_ids` into the existing unit `target_id` (sáp nhập) or into `new_unit` (hợp nhất)."""

    source_ids: tuple[int, ...]
    decision: DecisionRef
    target_id: int | None = None
    new_unit: NewTarget | None = None


@dataclass(frozen=True)
class MovedPerson:
    person_id: int
    full_name: str
    birth_date: date
    gender: str
    from_unit: str
    category: str
    position: str

    @property
    def category_label(self) -> str:
        return catalogs.label("category", self.category, self.category)


@dataclass(frozen=True)
class QuotaLine:
    """One category of the receiving unit on the effective day: the quota of the year and the staff counted."""

    category: str
    quota: int | None  # None: no quota assigned for the year
    staff: int
    people: tuple[MovedPerson, ...]  # everyone of the category in the unit, moved or not

    @property
    def label(self) -> str:
        return catalogs.label("category", self.category, self.category)

    @property
    def over(self) -> int:
        return max(self.staff - (self.quota or 0), 0) if self.quota is not None else 0


@dataclass(frozen=True)
class ReorganisationList:
    """What a merger decision did (or will do) to the receiving unit."""

    target_id: int
    target_code: str
    target_name: str
    decision_id: int | None  # None: no merger recorded (the printed list says so)
    decision_number: str | None
    decision_date: date | None
    effective: date | None
    sources: tuple[str, ...]
    people: tuple[MovedPerson, ...]
    positions: tuple[str, ...]
    quota_year: int
    quotas: tuple[QuotaLine, ...]

    @property
    def over_quota(self) -> tuple[QuotaLine, ...]:
        return tuple(q for q in self.quotas if q.over > 0)


@dataclass(frozen=True)
class ReorganisationResult:
    merge: MergeResult
    quotas_moved: int
    listing: ReorganisationList


class _Preview(Exception):
    """Carries the preview out of the unit of work, which rolls everything back on the way."""

    def __init__(self, listing: ReorganisationList):
        super().__init__("preview")
        self.listing = listing


# ----------------------------------------------------------------------------------------------------
# Use cases


def reorganise(ctx: ServiceContext, dto: Reorganisation) -> ReorganisationResult:
    """Hợp nhất / sáp nhập by one decision, all in one transaction (see the module docstring)."""
    _require(ctx, dto)
    with ctx.unit_of_work() as s:
        merged, moved_quotas, target, decision = _apply(s, dto)
        listing = _listing(s, target, decision)
        record(s, "reorganise", "org_units", str(target.id),
               summary=f"Sáp nhập {', '.join(listing.sources)} vào {target.name} theo {decision.number} "
                       f"({merged.people_moved} người, {merged.positions_moved} vị trí, {moved_quotas} chỉ tiêu "
                       f"biên chế)")
        return ReorganisationResult(merged, moved_quotas, listing)


def preview_reorganisation(ctx: ServiceContext, dto: Reorganisation) -> ReorganisationList:
    """What `reorganise` would do, computed by doing it and rolling it back; raises the same refusals."""
    _require(ctx, dto)
    try:
        with ctx.unit_of_work() as s:
            _merged, _quotas, target, decision = _apply(s, dto)
            raise _Preview(_listing(s, target, decision))
    except _Preview as done:
        return done.listing
    raise AssertionError("the preview always rolls back")  # pragma: no cover - the block above always raises


def _require(ctx: ServiceContext, dto: Reorganisation) -> None:
    require(ctx, WRITE)  # before anything is read or checked, whatever the request holds
    for uid in dto.source_ids:
        require(ctx, WRITE, uid)
    if dto.target_id is not None:
        require(ctx, WRITE, dto.target_id)
    elif dto.new_unit is not None:
        require(ctx, WRITE, dto.new_unit.parent_id)


def _apply(s: Session, dto: Reorganisation) -> tuple[MergeResult, int, OrgUnit, Decision]:
    sources_ids = tuple(dict.fromkeys(dto.source_ids))
    if not sources_ids:
        raise ValidationError([("source_ids", messages.text("merge_sources_missing"))])
    if (dto.target_id is None) == (dto.new_unit is None):
        raise ValidationError([("target_id", messages.text("reorg_target_choose"))])
    sources = [get_unit(s, sid, "source_ids") for sid in sources_ids]
    if dto.new_unit is not None:
        target = _found(s, dto.new_unit, dto.decision)
        decision = s.get_one(Decision, target.decision_id)
    else:
        target = get_unit(s, dto.target_id, "target_id")
        if target.id in sources_ids:
            raise ValidationError([("target_id", messages.text("merge_target_same"))])
        decision = add_decision(s, dto.decision)
    on = effective_date(decision)
    moving = _moving_people(s, [u.id for u in sources], on)
    merged = merge_into(s, sources, target, decision)
    _write_work_history(s, moving, target, decision)
    quotas = _carry_quotas(s, sources, target, decision)
    s.flush()
    return merged, quotas, target, decision


def _found(s: Session, new: NewTarget, ref: DecisionRef) -> OrgUnit:
    """The new unit the sources form, active from the decision's effective day (the decision is its founding)."""
    errors = _code_errors(s, new.code) + _name_errors(new.name)
    if new.kind not in catalogs.labels("unit_kind"):
        errors.append(("kind", messages.text("unit_kind_missing")))
    if errors:
        raise ValidationError(errors)
    decision = add_decision(s, ref)
    on = effective_date(decision)
    if new.parent_id is not None:
        require_active(get_unit(s, new.parent_id, "parent_id"), on, "parent_id")
    unit = OrgUnit(code=new.code.strip(), name=new.name.strip(), short_name=(new.short_name or "").strip() or None,
                   kind=new.kind, parent_id=new.parent_id, active_from=on, decision_id=decision.id)
    s.add(unit)
    s.flush()
    _event(s, unit, "create", on, decision.id, new_value=unit.name, note="Thành lập do hợp nhất")
    return unit


def _moving_people(s: Session, unit_ids: list[int], on: date) -> list[tuple[int, int]]:
    """(person, source unit) of the employments running on the day before `on` that the merge carries over."""
    rows = s.execute(
        select(Employment.person_id, Employment.unit_id).where(
            Employment.unit_id.in_(unit_ids), Employment.start_date < on,
            or_(Employment.end_date.is_(None), Employment.end_date >= on))
    ).all()
    return [(pid, uid) for pid, uid in rows]


def _write_work_history(s: Session, moving: list[tuple[int, int]], target: OrgUnit, decision: Decision) -> None:
    """A dated line in each moved person's work history (2C 'quá trình công tác') naming the decision."""
    on = effective_date(decision)
    names = {u.id: u.name for u in s.scalars(select(OrgUnit).where(OrgUnit.id.in_({u for _, u in moving})))}
    for pid, uid in moving:
        for line in s.scalars(select(WorkHistory).where(WorkHistory.person_id == pid, WorkHistory.to_date.is_(None),
                                                        WorkHistory.from_date < on)):
            line.to_date = day_before(on)
        s.add(WorkHistory(person_id=pid, from_date=on, to_date=None,
                          description=f"{target.name} (sáp nhập {names[uid]} theo Quyết định số {decision.number} "
                                      f"ngày {decision.sign_date:%d/%m/%Y})"))


def _carry_quotas(s: Session, sources: list[OrgUnit], target: OrgUnit, decision: Decision) -> int:
    """The sources' quotas of the decision's year and later pass to the target (added to its own of the same year
    and category); the source rows stay, at zero, with a note naming the decision."""
    year = effective_date(decision).year
    moved = 0
    for q in s.scalars(select(HeadcountQuota).where(HeadcountQuota.unit_id.in_([u.id for u in sources]),
                                                    HeadcountQuota.year >= year, HeadcountQuota.number > 0)).all():
        into = s.scalar(select(HeadcountQuota).where(HeadcountQuota.unit_id == target.id,
                                                     HeadcountQuota.year == q.year,
                                                     HeadcountQuota.category == q.category))
        if into is None:
            into = HeadcountQuota(year=q.year, unit_id=target.id, category=q.category, number=0,
                                  decision_id=decision.id, note=f"Chuyển do sáp nhập theo {decision.number}")
            s.add(into)
        into.number += q.number
        q.note = f"Chuyển {q.number} sang {target.name} theo {decision.number}"
        q.number = 0
        moved += 1
    return moved


# ----------------------------------------------------------------------------------------------------
# The lists


def _listing(s: Session, target: OrgUnit, decision: Decision) -> ReorganisationList:
    on = effective_date(decision)
    last_day = day_before(on)
    sources = s.scalars(select(OrgUnit).where(OrgUnit.merged_into_id == target.id, OrgUnit.active_to == last_day)
                        .order_by(OrgUnit.sort_order, OrgUnit.name)).all()
    source_ids = [u.id for u in sources]
    names = {u.id: u.name for u in sources}
    running = s.execute(
        select(Employment, Person).join(Person, Person.id == Employment.person_id).where(
            Employment.unit_id == target.id, Employment.start_date <= on,
            or_(Employment.end_date.is_(None), Employment.end_date >= on))
    ).all()
    before = dict(s.execute(
        select(Employment.person_id, Employment.unit_id).where(
            Employment.unit_id.in_(source_ids), Employment.end_date == last_day)).all()) if source_ids else {}
    positions = {p.id: p.name for p in s.scalars(select(JobPosition).where(JobPosition.unit_id == target.id))}
    everyone: list[MovedPerson] = []
    for emp, person in running:
        everyone.append(MovedPerson(person.id, person.full_name, person.birth_date, person.gender,
                                    names.get(before.get(person.id, -1), target.name), emp.category,
                                    positions.get(emp.position_id or -1, "")))
    everyone.sort(key=lambda p: (name_sort_key(p.full_name), p.person_id))
    moved = tuple(p for p in everyone if p.person_id in before)
    quotas = {q.category: q.number for q in s.scalars(
        select(HeadcountQuota).where(HeadcountQuota.unit_id == target.id, HeadcountQuota.year == on.year))}
    categories = sorted(set(quotas) | {p.category for p in everyone})
    lines = tuple(QuotaLine(c, quotas.get(c), sum(1 for p in everyone if p.category == c),
                            tuple(p for p in everyone if p.category == c)) for c in categories)
    carried = tuple(sorted({p.name for p in s.scalars(select(JobPosition).where(
        JobPosition.unit_id == target.id, JobPosition.decision_id == decision.id))}))
    return ReorganisationList(target.id, target.code, target.name, decision.id, decision.number, decision.sign_date,
                              on, tuple(names[i] for i in source_ids), moved, carried, on.year, lines)


def _latest_merge(s: Session, target: OrgUnit | None) -> tuple[OrgUnit, Decision] | None:
    """The latest merger into `target` (None: into any unit), with its decision; None when there was none."""
    q = select(OrgUnitEvent).where(OrgUnitEvent.kind == "merge_in", OrgUnitEvent.decision_id.is_not(None))
    if target is not None:
        q = q.where(OrgUnitEvent.unit_id == target.id)
    event = s.scalar(q.order_by(OrgUnitEvent.event_date.desc(), OrgUnitEvent.id.desc()))
    if event is None or event.decision_id is None:
        return None
    return s.get_one(OrgUnit, event.unit_id), s.get_one(Decision, event.decision_id)


def _unit_or_none(s: Session, ctx: ServiceContext, code: str | None) -> OrgUnit | None:
    if not code:
        return None
    unit = unit_by_code(s, code)
    require(ctx, READ, unit.id)
    return unit


def reorganisation_list(ctx: ServiceContext, unit: str | None = None) -> ReorganisationList:
    """The latest merger into the unit with code `unit` (None: the latest merger of the agency): who moved, and who
    is above the quota by category; an empty list naming no decision when there was none."""
    require(ctx, READ)
    with ctx.read() as s:
        target = _unit_or_none(s, ctx, unit)
        found = _latest_merge(s, target)
        if found is None:
            return ReorganisationList(target.id if target else 0, target.code if target else "",
                                      target.name if target else "", None, None, None, None, (), (), (),
                                      clock.today().year, ())
        return _listing(s, *found)


# ----------------------------------------------------------------------------------------------------
# Benefits


@dataclass(frozen=True)
class BenefitRow:
    person_id: int
    full_name: str
    birth_date: date
    gender: str
    category: str
    salary: Decimal
    salary_basis: str
    insured_months: int
    retirement_date: date | None
    early: Benefit | None
    resign: Benefit | None
    problem: str = ""  # why nothing could be computed (no salary row, no birth date …)


@dataclass(frozen=True)
class BenefitsList:
    unit_name: str
    decision_number: str | None  # None: no merger recorded, nobody listed
    decision_date: date | None
    leave_date: date
    rows: tuple[BenefitRow, ...]

    @property
    def rule_labels(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for r in self.rows:
            for b in (r.early, r.resign):
                if b is not None:
                    seen[b.rule.label()] = None
        return tuple(seen)


def monthly_salary(s: Session, person_id: int, day: date, base: Decimal) -> tuple[Decimal, str] | None:
    """Tiền lương tháng hiện hưởng (NĐ 178 Đ.5 k.6, sửa bởi k.3 Đ.1 NĐ 67) on `day`, the month before leaving: the
    salary coefficient of the rank and step, the leadership allowance and the seniority allowance beyond the top
    step (the allowances the records hold), times the base salary; None without a salary row."""
    row = s.scalar(select(SalaryStep).where(SalaryStep.person_id == person_id, SalaryStep.effective_date <= day)
                   .order_by(SalaryStep.effective_date.desc(), SalaryStep.id.desc()))
    if row is None:
        return None
    coefficient = Decimal(row.coefficient)
    allowances = s.scalars(select(Allowance).where(
        Allowance.person_id == person_id, Allowance.effective_date <= day,
        or_(Allowance.end_date.is_(None), Allowance.end_date >= day))).all()
    post = sum((Decimal(a.coefficient) for a in allowances if a.kind == POST_ALLOWANCE and a.coefficient), Decimal(0))
    pctnvk = Decimal(row.pctnvk_percent or 0)
    if not pctnvk:
        pctnvk = sum((Decimal(a.percent) for a in allowances if a.kind == PCTNVK_ALLOWANCE and a.percent), Decimal(0))
    total = coefficient + post + coefficient * pctnvk / 100
    salary = (total * base).quantize(Decimal(1))
    parts = [f"hệ số lương {fmt_coefficient(coefficient.normalize())}"]
    if post:
        parts.append(f"phụ cấp chức vụ {fmt_coefficient(post.normalize())}")
    if pctnvk:
        parts.append(f"phụ cấp thâm niên vượt khung {fmt_coefficient(pctnvk.normalize())}%")
    base_text = f"{base:,.0f}".replace(",", ".")
    return salary, (f"({' + '.join(parts)}) × lương cơ sở {base_text} đ; các phụ cấp khác của Đ.5 k.6 không có "
                    "trong hồ sơ")


def insured_months(s: Session, person_id: int, until: date) -> int:
    """Months of compulsory social insurance up to `until` (exclusive), counted from the person's employment
    periods in the records (from the recruitment date of the first one): the records hold no social insurance
    book, so this is the time of work in the public service as recorded here."""
    rows = s.execute(select(Employment.start_date, Employment.end_date, Employment.recruitment_date)
                     .where(Employment.person_id == person_id).order_by(Employment.start_date)).all()
    periods: list[list[date]] = []
    for start, end, recruited in rows:
        if not periods and recruited is not None and recruited < start:
            start = recruited
        stop = min(end or until, day_before(until))
        if start > stop:
            continue
        if periods and start <= periods[-1][1] or periods and (start - periods[-1][1]).days <= 1:
            periods[-1][1] = max(periods[-1][1], stop)
        else:
            periods.append([start, stop])
    return sum(months_between(a, b + timedelta(days=1)) for a, b in periods)


def benefits_list(ctx: ServiceContext, unit: str | None, leave_date: date) -> BenefitsList:
    """For everyone in the unit (code `unit`) whose work there runs up to `leave_date` (the merger day itself
    included): the early retirement and resignation benefits if they left that day, under the latest merger
    decision into the unit."""
    require(ctx, READ)
    if not isinstance(leave_date, date):
        raise ValidationError([("as_of", messages.text("reorg_leave_date_missing"))])
    rulebook = ctx.rulebook
    with ctx.read() as s:
        found = _latest_merge(s, _unit_or_none(s, ctx, unit))
        if found is None:
            return BenefitsList(unit or "", None, None, leave_date, ())
        target, decision = found
        last_month_day = day_before(leave_date)
        base = Decimal(str(rulebook.get(BASE_SALARY, last_month_day).params["amount"]))
        staff = s.execute(
            select(Employment, Person).join(Person, Person.id == Employment.person_id).where(
                Employment.unit_id == target.id, Employment.start_date <= leave_date,
                or_(Employment.end_date.is_(None), Employment.end_date >= last_month_day))
            .order_by(Person.sort_key, Person.id)).all()
        # a decision to retire earlier or later (NĐ 135/2020 Đ.5-6) moves the retirement date the months count to
        exceptions = retirement_exceptions(s, leave_date, [person.id for _emp, person in staff])
        rows = [_benefit_row(s, emp, person, decision, leave_date, base, rulebook, exceptions.get(person.id))
                for emp, person in staff]
    return BenefitsList(target.name, decision.number, decision.sign_date, leave_date, tuple(rows))


def _benefit_row(s: Session, emp: Employment, person: Person, decision: Decision, leave_date: date, base: Decimal,
                 rulebook: RuleBook, exception: RetirementException | None = None) -> BenefitRow:
    months = insured_months(s, person.id, leave_date)
    salary = monthly_salary(s, person.id, day_before(leave_date), base)
    try:
        ret = retirement(person.gender, BirthDate(person.birth_date, person.birth_precision or "day"),  # type: ignore[arg-type]  # stored sex and precision; the rule refuses others
                         rulebook, exception)
    except DomainError as exc:
        return BenefitRow(person.id, person.full_name, person.birth_date, person.gender, emp.category, Decimal(0),
                          "", months, None, None, None, str(exc))
    if salary is None:
        return BenefitRow(person.id, person.full_name, person.birth_date, person.gender, emp.category, Decimal(0),
                          "", months, ret.retirement_date, None, None, "chưa có quá trình lương")
    facts = LeavingFacts(salary[0], months, ret.retirement_date, decision.sign_date, leave_date, emp.category)
    return BenefitRow(person.id, person.full_name, person.birth_date, person.gender, emp.category, salary[0],
                      salary[1], months, ret.retirement_date, early_retirement(facts, rulebook),
                      resignation(facts, rulebook))


__all__ = ["BenefitRow", "BenefitsList", "MovedPerson", "NewTarget", "QuotaLine",
           "Reorganisation", "ReorganisationList", "ReorganisationResult", "benefits_list", "insured_months",
           "monthly_salary", "preview_reorganisation", "reorganisation_list", "reorganise"]
