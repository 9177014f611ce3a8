"""Approving a pay-step or PCTNVK list: every new salary row (and PCTNVK allowance) of the list is written with
one decision in one unit of work, after recomputing each row from the records, so a list prepared earlier cannot
write stale results; early steps stay within the payroll unit's quota."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Allowance,
    Person,
    SalaryStep,
)
from hrapp.domain import validation as v
from hrapp.domain.decisions import DecisionInfo, decision_info
from hrapp.domain.pay_steps import (
    early_step_candidate,
    early_step_quota,
    retirement_early_step,
)
from hrapp.domain.retirement import add_months
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import coefficient
from hrapp.errors import ConflictError, DomainError
from hrapp.security import APPROVE, require
from hrapp.services.career import PayStepOutlook, pay_step_of, retirement_of
from hrapp.services.career_facts import PersonFacts, load_facts
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.pay_lists import (
    EARLY,
    EARLY_RETIREMENT,
    ITEM_KINDS,
    KIND_LABELS,
    PCTNVK,
    PCTNVK_ALLOWANCE,
    REGULAR,
    granted_early_steps,
    payroll_unit,
    unit_tree,
)
from hrapp.services.snapshot import refresh_snapshot


@dataclass(frozen=True)
class ApprovalItem:
    """One row to approve. `salary_row_id` is the salary row the list was made from: a newer one means the
    record changed since, and the approval stops. `effective_date` None takes the proposed date."""

    person_id: int
    kind: str
    salary_row_id: int
    effective_date: date | None = None


@dataclass(frozen=True)
class ApprovalInput:
    decision: DecisionRef
    items: tuple[ApprovalItem, ...]
    year: int | None = None  # the year an early step is considered for (quota); default the new date's year


@dataclass(frozen=True)
class ApprovedRow:
    person_id: int
    full_name: str
    kind: str
    new_step: int
    new_coefficient: Decimal
    new_pctnvk_percent: int | None
    effective_date: date
    salary_row_id: int


@dataclass(frozen=True)
class ApprovalResult:
    decision: DecisionInfo
    rows: tuple[ApprovedRow, ...]

    def summary(self) -> str:
        return f"Đã ghi {len(self.rows)} diễn biến lương theo quyết định {self.decision.label()}."


def _approval_errors(dto: ApprovalInput) -> v.Errors:
    errors: v.Errors = []
    if not dto.items:
        errors.append(("items", messages.text("pay_list_empty")))
    seen: set[int] = set()
    for item in dto.items:
        if item.kind not in ITEM_KINDS:
            errors.append(("items", messages.text("pay_kind_invalid", kind=item.kind)))
        if item.person_id in seen:
            errors.append(("items", messages.text("pay_person_twice")))
        seen.add(item.person_id)
    return errors


def approve_pay_list(ctx: ServiceContext, dto: ApprovalInput, *, today: date | None = None) -> ApprovalResult:
    """Write the new salary rows of a list (and the PCTNVK allowances) with one decision, in one transaction.

    Each row is recomputed from the records: the step must still be due on its date (an early step must still
    qualify, and each payroll's early steps for achievements must stay within its 10% quota); anything that
    fails stops the whole approval with the reasons, and nothing is written.
    """
    require(ctx, APPROVE)
    today = today or clock.today()
    v.raise_if(_approval_errors(dto))
    rulebook = ctx.rulebook
    with ctx.unit_of_work() as s:
        ids = [i.person_id for i in dto.items]
        facts = load_facts(s, today, ids)
        latest = _latest_rows(s, ids)
        units = unit_tree(s)
        errors: v.Errors = []
        plans: list[tuple[ApprovalItem, PersonFacts, PayStepOutlook, date]] = []
        early_per_payroll: dict[int | None, list[str]] = defaultdict(list)
        years: set[int] = set()
        for item in dto.items:
            f = facts.get(item.person_id)
            person = s.get(Person, item.person_id)
            name = f.full_name if f else (person.full_name if person else f"#{item.person_id}")
            if f is None or f.salary is None:
                errors.append(("items", messages.text("pay_person_gone", name=name)))
                continue
            require(ctx, APPROVE, f.unit_id)
            if latest.get(item.person_id) != item.salary_row_id:
                raise ConflictError("conflict", f"Diễn biến lương của {name} đã thay đổi sau khi lập danh sách. "
                                    "Hãy lập lại danh sách rồi phê duyệt.")
            try:
                plan = _plan(item, f, rulebook, dto.year)
            except DomainError as exc:
                errors.append(("items", f"{name}: {exc.message}"))
                continue
            plans.append((item, f, plan[0], plan[1]))
            if item.kind == EARLY:
                early_per_payroll[payroll_unit(units, f.unit_id)].append(name)
                years.add(dto.year or plan[1].year)
        if early_per_payroll:
            errors += _quota_errors(s, ctx, units, early_per_payroll, years, today)
        for _item, f, _out, day in plans:
            clash = s.scalar(select(func.count()).select_from(SalaryStep).where(
                SalaryStep.person_id == f.person_id, SalaryStep.effective_date == day))
            if clash:
                errors.append(("items", messages.text("pay_step_exists", name=f.full_name, day=day)))
        v.raise_if(errors)
        decision = add_decision(s, dto.decision)
        written: list[ApprovedRow] = []
        touched: list[Person] = []
        for item, f, out, day in plans:
            row = _write(s, item, f, out, day, rulebook, decision.id)
            written.append(ApprovedRow(f.person_id, f.full_name, item.kind, row.step, row.coefficient,
                                       row.pctnvk_percent if item.kind == PCTNVK else None, day, row.id))
            person = s.get(Person, f.person_id)
            assert person is not None
            touched.append(person)
        for person in touched:
            refresh_snapshot(s, person, today)
        info = decision_info(decision)
    return ApprovalResult(info, tuple(written))


def _latest_rows(session: Session, ids: list[int]) -> dict[int, int]:
    out: dict[int, tuple[date, int]] = {}
    for pid, rid, day in session.execute(select(SalaryStep.person_id, SalaryStep.id, SalaryStep.effective_date)
                                         .where(SalaryStep.person_id.in_(ids))):
        if pid not in out or (day, rid) > out[pid]:
            out[pid] = (day, rid)
    return {pid: rid for pid, (_d, rid) in out.items()}


def _plan(item: ApprovalItem, f: PersonFacts, rulebook: RuleBook, year: int | None) -> tuple[PayStepOutlook, date]:
    """Check that the row still applies and return the outlook and the new date."""
    out = pay_step_of(f, rulebook)
    assert out is not None
    ret = retirement_of(f, rulebook)
    if item.kind == PCTNVK:
        if out.kind == "nang_bac":
            raise DomainError("not_last_step", f"chưa xếp bậc cuối cùng của ngạch (bậc {out.salary.step}/"
                              f"{out.max_step}).")
        day = item.effective_date or out.due_date
        if day < out.due_date:
            raise DomainError("too_early", f"chưa đủ thời gian hưởng phụ cấp thâm niên vượt khung "
                              f"{out.pctnvk_percent}% (từ {v.dmy(out.due_date)}).")
        return out, day
    if out.kind != "nang_bac":
        raise DomainError("last_step", "đã xếp bậc cuối cùng của ngạch; xét phụ cấp thâm niên vượt khung.")
    if out.due_date >= ret.retirement_date:
        raise DomainError("after_retirement", f"hạn nâng bậc {v.dmy(out.due_date)} sau thời điểm nghỉ hưu "
                          f"{v.dmy(ret.retirement_date)}.")
    if item.kind == REGULAR:
        day = item.effective_date or out.due_date
        if day < out.due_date:
            raise DomainError("too_early", f"chưa đến hạn nâng bậc lương thường xuyên ({v.dmy(out.due_date)}).")
        return out, day
    if item.kind == EARLY_RETIREMENT:
        if ret.notice_due is None:
            raise DomainError("no_notice", "không có thời điểm thông báo nghỉ hưu theo quy định.")
        check = retirement_early_step(out.due_date, ret.notice_due, rulebook)
        if not check.eligible:
            raise DomainError("early_retirement_step_short", months=check.months_short, notice=ret.notice_due, limit=check.rule.params['retirement_max_months_short'])
        earliest = add_months(out.due_date, -int(check.rule.params["retirement_max_months_short"]))
        day = item.effective_date or max(ret.notice_due, earliest)
        if not earliest <= day < out.due_date:
            raise DomainError("bad_date", f"ngày hưởng phải từ {v.dmy(earliest)} đến trước {v.dmy(out.due_date)}.")
        return out, day
    # EARLY for achievements
    consider = year or (item.effective_date.year if item.effective_date else clock.today().year)
    cand = early_step_candidate(out.due_date, consider, rulebook, f.salary is not None and f.salary.reason == EARLY)
    if not cand.eligible or cand.earliest_date is None:
        raise DomainError("not_eligible", cand.reason or "không đủ điều kiện nâng bậc lương trước thời hạn.")
    day = item.effective_date or cand.earliest_date
    if not cand.earliest_date <= day < out.due_date:
        raise DomainError("bad_date", f"ngày hưởng phải từ {v.dmy(cand.earliest_date)} đến trước "
                          f"{v.dmy(out.due_date)} (tối đa {cand.rule.params['max_months_early']} tháng trước hạn).")
    return out, day


def _quota_errors(s: Session, ctx: ServiceContext, units: dict, early: dict[int | None, list[str]], years: set[int],
                  today: date) -> v.Errors:
    errors: v.Errors = []
    facts = load_facts(s, today)
    payroll: dict[int | None, int] = defaultdict(int)
    for f in facts.values():
        if f.salary is not None:
            payroll[payroll_unit(units, f.unit_id)] += 1
    for year in sorted(years):
        granted: dict[int | None, int] = defaultdict(int)
        for uid, n in granted_early_steps(s, year).items():
            granted[payroll_unit(units, uid)] += n
        for uid, names in early.items():
            quota = early_step_quota(payroll[uid], ctx.rulebook, year)
            if granted[uid] + len(names) > quota.max_count:
                unit = units.get(uid, (None, "đơn vị", ""))[1] if uid is not None else "đơn vị"
                errors.append(("items", messages.text("early_step_quota", unit=unit, max=quota.max_count, year=year, percent=quota.rule.params['quota_percent'], payroll=payroll[uid], granted=granted[uid], asked=len(names))))
    return errors


def _write(s: Session, item: ApprovalItem, f: PersonFacts, out: PayStepOutlook, day: date, rulebook: RuleBook,
           decision_id: int) -> SalaryStep:
    cur = out.salary
    if item.kind == PCTNVK:
        percent = out.pctnvk_percent
        row = SalaryStep(person_id=f.person_id, rank_code=cur.rank_code, salary_class=cur.salary_class,
                         step=cur.step, coefficient=cur.coefficient, percent=cur.percent, effective_date=day,
                         step_since=cur.step_since, pctnvk_percent=percent, pctnvk_since=day, reason=PCTNVK,
                         decision_id=decision_id, note=f"Phụ cấp thâm niên vượt khung {percent}%")
        for old in s.scalars(select(Allowance).where(Allowance.person_id == f.person_id,
                                                     Allowance.kind == PCTNVK_ALLOWANCE)):
            if old.effective_date < day and (old.end_date is None or old.end_date >= day):
                old.end_date = day - timedelta(days=1)
        s.add(Allowance(person_id=f.person_id, kind=PCTNVK_ALLOWANCE, percent=Decimal(percent or 0),
                        effective_date=day, decision_id=decision_id))
    else:
        step = cur.step + 1
        note = {REGULAR: None, EARLY: KIND_LABELS[EARLY], EARLY_RETIREMENT: KIND_LABELS[EARLY_RETIREMENT]}[item.kind]
        if item.kind == REGULAR and out.delay_months:
            note = f"Kéo dài {out.delay_months} tháng"
        row = SalaryStep(person_id=f.person_id, rank_code=cur.rank_code, salary_class=cur.salary_class, step=step,
                         coefficient=coefficient(cur.salary_class, step, rulebook, day), percent=100,
                         effective_date=day, step_since=day, reason=item.kind, decision_id=decision_id, note=note)
    s.add(row)
    s.flush()
    return row

