"""Career events computed from a person's records: retirement, next pay step or PCTNVK, probation end, term ends.

The computations are pure functions of `PersonFacts` (what the records said on a given day), so one person's
summary and the alerts for 100,000 people share the same code; `load_facts` reads the facts of many people in a
few bulk queries. Every result keeps the rule version it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    LeavePeriod,
    Person,
    PostHeld,
)
from hrapp.domain import validation as v
from hrapp.domain.appointments import ReappointmentKind, TermAlert, reappointment_kind, term_alerts, term_end
from hrapp.domain.pay_steps import (
    PAY_STEP,
    PCTNVK,
    PayStepResult,
    StepDelay,
    next_pay_step,
    probation_step_warning,
    step_delay,
)
from hrapp.domain.probation import probation
from hrapp.domain.retirement import RetirementResult, add_months, retirement
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.domain.salary import class_rule, fmt_coefficient, max_step
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.org_history import _descendants
from hrapp.security import READ, WRITE, require
from hrapp.services.career_facts import LEAVE_KINDS, PersonFacts, PostFacts, SalaryFacts, chunks, load_facts
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.snapshot import refresh_snapshot
from hrapp.text import name_sort_key

# The fixed point of "delays in the period push the end of the period" converges in a few rounds; this bounds
# a pathological record (hundreds of disciplines) instead of looping on it.
_MAX_DELAY_ROUNDS = 25


# ============================================================================================== results


@dataclass(frozen=True)
class DelayItem:
    """One reason a step or PCTNVK raise comes later, with its months."""

    kind: str  # discipline, kht, unpaid_leave
    label: str
    months: int


@dataclass(frozen=True)
class PayStepOutlook:
    """The next pay event of a person: a regular step, or at the last step the start or rise of PCTNVK."""

    kind: str  # 'nang_bac', 'pctnvk_start', 'pctnvk_raise'
    salary: SalaryFacts
    max_step: int
    next_step: int | None
    next_coefficient: Decimal | None
    pctnvk_percent: int | None  # the percent reached on due_date (PCTNVK kinds)
    regular_date: date  # without delays
    due_date: date
    delay_months: int
    delays: tuple[DelayItem, ...]
    ignored_disciplines: tuple[str, ...]  # forms with no delay for the person's category (noted, not counted)
    rule: RuleVersion  # pay_step for a step, pctnvk for the allowance
    delay_rule: RuleVersion | None
    scale_rule: RuleVersion
    warnings: tuple[str, ...] = ()  # records to check (a step date inside a probation that does not count)

    @property
    def period_start(self) -> date:
        """The day the period being counted started (current step, or current PCTNVK percent)."""
        if self.kind == "pctnvk_raise" and self.salary.pctnvk_since is not None:
            return self.salary.pctnvk_since
        return self.salary.step_since

    def delay_text(self) -> str:
        if not self.delays:
            return ""
        parts = "; ".join(f"{d.label}: {d.months} tháng" for d in self.delays)
        return f"kéo dài {self.delay_months} tháng ({parts})"

    def detail(self) -> str:
        """One Vietnamese line for lists and alerts."""
        rank = catalogs.ranks().get(self.salary.rank_code, {}).get("name", self.salary.rank_code)
        cur = f"{rank} ({self.salary.rank_code}) bậc {self.salary.step}/{self.max_step}, hệ số " \
              f"{fmt_coefficient(self.salary.coefficient)}"
        if self.kind == "nang_bac":
            text = f"{cur} → bậc {self.next_step}, hệ số {fmt_coefficient(self.next_coefficient or Decimal(0))}"
        elif self.kind == "pctnvk_start":
            text = f"{cur} → hưởng phụ cấp thâm niên vượt khung {self.pctnvk_percent}%"
        else:
            text = f"{cur}; phụ cấp thâm niên vượt khung {self.salary.pctnvk_percent}% → {self.pctnvk_percent}%"
        delay = self.delay_text()
        text = f"{text}; {delay}" if delay else text
        return "; ".join((text, *(f"Cảnh báo: {w}" for w in self.warnings)))

    def rule_label(self) -> str:
        labels = [self.rule.label()]
        if self.delays and self.delay_rule is not None and self.delay_rule is not self.rule:
            labels.append(self.delay_rule.label())
        return "; ".join(labels)


@dataclass(frozen=True)
class ProbationOutlook:
    start: date
    end_date: date  # the last day of probation
    recorded: bool  # the end date written on the record (a decision) rather than computed
    months: int | None
    pay_percent: Decimal | None
    leave_days: int
    rule: RuleVersion | None
    legal_basis: str = ""

    def detail(self) -> str:
        how = "theo hồ sơ" if self.recorded else f"{self.months} tháng, {self.legal_basis}"
        return f"Tập sự từ {v.dmy(self.start)} đến hết ngày {v.dmy(self.end_date)} ({how})"


@dataclass(frozen=True)
class TermOutlook:
    post: PostFacts
    term_end: date  # the last day of the term
    until_retirement: bool
    recorded: bool
    alerts: tuple[TermAlert, ...]
    next_kind: ReappointmentKind | None  # what the term's end calls for, when a retirement date is known
    rule: RuleVersion | None

    def detail(self) -> str:
        text = f"{self.post.post_title}: hết thời hạn bổ nhiệm ngày {v.dmy(self.term_end)}"
        if self.until_retirement:
            text += " (đến thời điểm nghỉ hưu)"
        if self.next_kind is not None:
            text += f"; hướng xử lý: {self.next_kind.label.lower()}"
        return text


@dataclass(frozen=True)
class CareerSummary:
    """Everything due for one person, each with the rule version used."""

    person_id: int
    full_name: str
    as_of: date
    retirement: RetirementResult | None
    pay_step: PayStepOutlook | None
    probation: ProbationOutlook | None
    terms: tuple[TermOutlook, ...]
    problems: tuple[str, ...] = field(default=())  # records the rules could not use, in Vietnamese


# ============================================================================================== computations


def retirement_of(f: PersonFacts, rulebook: RuleBook) -> RetirementResult:
    return retirement(f.gender, f.birth, rulebook,  # type: ignore[arg-type]  # a stored gender; the rule refuses one not M/F
                      f.retirement_exception)


def _clipped(periods: list[tuple[date, date]], start: date, end_excl: date) -> list[tuple[date, date]]:
    """The parts of the periods inside [start, end_excl)."""
    last = end_excl - timedelta(days=1)
    return [(max(a, start), min(b, last)) for a, b in periods if max(a, start) <= min(b, last)]


def _delays_in(f: PersonFacts, start: date, end_excl: date, rulebook: RuleBook, on: date
               ) -> tuple[int, tuple[DelayItem, ...], tuple[str, ...], RuleVersion]:
    """Delays from what happened in [start, end_excl): disciplines, KHT years, unpaid leave."""
    if not (f.disciplines or f.kht_years or f.leaves):  # most people: the rule's delay for nothing at all
        alone = _no_delay(f.category or "cong_chuc", rulebook, on)
        return alone.months, (), (), alone.rule
    rule = rulebook.get(PAY_STEP, on)
    table = rule.params.get("discipline_delay_months", {}).get(f.category or "", {})
    counted, ignored, items = [], [], []
    for d in f.disciplines:
        if start <= d.effect_from < end_excl:
            label = catalogs.label("discipline_form", d.form, d.form)
            if d.form in table:
                counted.append(d.form)
                items.append(DelayItem("discipline", f"{label} ({v.dmy(d.effect_from)})", int(table[d.form])))
            else:
                ignored.append(label)
    # A year's rating is given at its end, so the year counts when its 31/12 falls inside the period.
    kht = [y for y in f.kht_years if start <= date(y, 12, 31) < end_excl]
    leave = _clipped(f.unpaid_leaves, start, end_excl)
    delay = step_delay(counted, len(kht), leave, f.category or "cong_chuc", rulebook, on)
    for y in sorted(kht):
        items.append(DelayItem("kht", f"Năm {y} không hoàn thành nhiệm vụ", int(rule.params["kht_year_delay_months"])))
    if delay.unpaid_leave_months and delay.not_counted is not None:
        calendars = ", ".join(r.name for r in delay.not_counted.calendar_rules)
        items.append(DelayItem("unpaid_leave", f"Nghỉ không lương {delay.not_counted.text()}, theo {calendars}",
                               delay.unpaid_leave_months))
    return delay.months, tuple(items), tuple(ignored), delay.rule


@lru_cache(maxsize=4096)
def _no_delay(category: str, rulebook: RuleBook, on: date) -> StepDelay:
    return step_delay((), 0, (), category, rulebook, on)


@lru_cache(maxsize=65536)
def _next_step(salary_class: str, step: int, since: date, rulebook: RuleBook, delay: int) -> PayStepResult:
    # Thousands of people share a class, step and start date; the rule book is immutable (edits make a new one).
    return next_pay_step(salary_class, step, since, rulebook, delay)


@lru_cache(maxsize=4096)
def _max_step(salary_class: str, rulebook: RuleBook, on: date) -> int:
    return max_step(salary_class, rulebook, on)


def pay_step_of(f: PersonFacts, rulebook: RuleBook) -> PayStepOutlook | None:
    """The next regular step (or PCTNVK event at the last step) from the salary row in force, pushed back by
    the disciplines, "không hoàn thành nhiệm vụ" years and unpaid leave of the period being counted. Delays
    that fall into the extra months count too, so the end of the period is found as a fixed point."""
    s = f.salary
    if s is None:
        return None
    outlook = _pay_step_of(f, s, rulebook)
    warning = probation_warning(f, rulebook)
    return replace(outlook, warnings=(warning,)) if warning else outlook


def probation_warning(f: PersonFacts, rulebook: RuleBook) -> str | None:
    """A warning when the salary row's "date the next step counts from" falls inside a probation that does not
    count toward the step (recruited from 15/08/2021, TT 03/2021/TT-BNV)."""
    if f.salary is None or f.probation is None:
        return None
    try:
        prob = probation_of(f, rulebook)
        if prob is None:
            return None
        return probation_step_warning(f.salary.step_since, prob.start, prob.end_date, rulebook)
    except DomainError:
        return None  # a probation the rules cannot use is reported by the probation alert, not here


def _pay_step_of(f: PersonFacts, s: SalaryFacts, rulebook: RuleBook) -> PayStepOutlook:
    last = _max_step(s.salary_class, rulebook, s.step_since)
    if s.step >= last and s.pctnvk_percent:
        return _pctnvk_raise(f, s, last, rulebook)
    regular = _next_step(s.salary_class, s.step, s.step_since, rulebook, 0)
    delay, delay_rule = 0, None
    items: tuple[DelayItem, ...] = ()
    ignored: tuple[str, ...] = ()
    result = regular
    if not (f.disciplines or f.kht_years or f.unpaid_leaves):  # nothing can delay it: most people
        return PayStepOutlook("nang_bac" if result.kind == "nang_bac" else "pctnvk_start", s, last,
                              result.next_step, result.next_coefficient, result.pctnvk_percent, regular.due_date,
                              result.due_date, 0, (), (), result.rule, None, result.scale_rule)
    for _ in range(_MAX_DELAY_ROUNDS):
        result = _next_step(s.salary_class, s.step, s.step_since, rulebook, delay)
        found, items, ignored, delay_rule = _delays_in(f, s.step_since, result.due_date, rulebook,
                                                        regular.due_date)
        if found == delay:
            break
        delay = found
    kind = "nang_bac" if result.kind == "nang_bac" else "pctnvk_start"
    return PayStepOutlook(kind, s, last, result.next_step, result.next_coefficient, result.pctnvk_percent,
                          regular.due_date, result.due_date, delay, items, ignored, result.rule, delay_rule,
                          result.scale_rule)


def _pctnvk_raise(f: PersonFacts, s: SalaryFacts, last: int, rulebook: RuleBook) -> PayStepOutlook:
    # The percent in force since `pctnvk_since` rises by one every 12 months; the same delays as for a step
    # push the rise back (TT 04/2005/TT-BNV applies the pay-step delays to the allowance).
    since = s.pctnvk_since or s.step_since
    base_rule = rulebook.get(PCTNVK, since)
    every = int(base_rule.params["increase_every_months"])
    regular = add_months(since, every)
    rule = rulebook.get(PCTNVK, regular)
    delay, delay_rule = 0, None
    items: tuple[DelayItem, ...] = ()
    ignored: tuple[str, ...] = ()
    due = regular
    for _ in range(_MAX_DELAY_ROUNDS):
        due = add_months(since, every + delay)
        found, items, ignored, delay_rule = _delays_in(f, since, due, rulebook, regular)
        if found == delay:
            break
        delay = found
    percent = int(s.pctnvk_percent or 0) + int(rule.params["increase_percent"])
    return PayStepOutlook("pctnvk_raise", s, last, None, None, percent, regular, due, delay, items, ignored,
                          rule, delay_rule, class_rule(s.salary_class, rulebook, due))


def probation_of(f: PersonFacts, rulebook: RuleBook) -> ProbationOutlook | None:
    """The end of probation: the recorded date when there is one, else the rule's length for the category and
    the level the title requires, moved later by leave periods long enough not to count."""
    p = f.probation
    if p is None:
        return None
    if p.recorded_end is not None:
        return ProbationOutlook(p.start, p.recorded_end, True, None, None, 0, None)
    if not p.required_level:
        return None
    result = probation(p.category, p.required_level, p.start, rulebook)
    if result is None:
        return None
    periods = [(b - a).days + 1 for _k, a, b in f.leaves if a <= result.end_date and b >= p.start]
    if periods:
        result = probation(p.category, p.required_level, p.start, rulebook, periods)
        assert result is not None
    return ProbationOutlook(p.start, result.end_date, False, result.months, result.pay_percent,
                            result.extension_days, result.rule, result.legal_basis)


def terms_of(f: PersonFacts, rulebook: RuleBook, retirement_date: date | None) -> tuple[TermOutlook, ...]:
    """Open posts with a term: the recorded term end, or 5 years from the start (to retirement if sooner)."""
    out = []
    for post in f.posts:
        rule = None
        until_retirement = False
        end = post.term_end
        recorded = end is not None
        if end is None:
            if post.kind not in ("bo_nhiem", "bo_nhiem_lai"):
                continue
            term = term_end(post.start_date, retirement_date, rulebook) if (
                retirement_date is None or retirement_date > post.start_date) else None
            if term is None:
                continue
            end, until_retirement, rule = term.end, term.until_retirement, term.rule
        elif retirement_date is not None:
            until_retirement = end == retirement_date - timedelta(days=1)
        alerts = term_alerts(end, rulebook)
        rule = rule or (alerts[0].rule if alerts else None)
        next_kind = None
        if retirement_date is not None and post.kind != "keo_dai" and not until_retirement:
            start_next = end + timedelta(days=1)
            if retirement_date > start_next:
                next_kind = reappointment_kind(start_next, retirement_date, rulebook).kind
        out.append(TermOutlook(post, end, until_retirement, recorded, alerts, next_kind, rule))
    return tuple(out)


def summarize(f: PersonFacts, rulebook: RuleBook, as_of: date) -> CareerSummary:
    """All computations for one person; a record a rule cannot use becomes a problem line, not an error."""
    problems: list[str] = []
    ret = pay = prob = None
    terms: tuple[TermOutlook, ...] = ()
    try:
        ret = retirement_of(f, rulebook)
    except DomainError as exc:
        problems.append(f"Tuổi nghỉ hưu: {exc.message}")
    try:
        pay = pay_step_of(f, rulebook)
        problems += [f"Nâng bậc lương: {w}" for w in (pay.warnings if pay else ())]
    except DomainError as exc:
        problems.append(f"Nâng bậc lương: {exc.message}")
    try:
        prob = probation_of(f, rulebook)
    except DomainError as exc:
        problems.append(f"Tập sự: {exc.message}")
    try:
        terms = terms_of(f, rulebook, ret.retirement_date if ret else None)
    except DomainError as exc:
        problems.append(f"Thời hạn bổ nhiệm: {exc.message}")
    return CareerSummary(f.person_id, f.full_name, as_of, ret, pay, prob, terms, tuple(problems))


# ============================================================================================== loading
# ============================================================================================== services


def career_summary(ctx: ServiceContext, person_id: int, as_of: date | None = None) -> CareerSummary:
    """Retirement, next pay step or PCTNVK, probation end and term ends of one person on `as_of` (today)."""
    as_of = as_of or clock.today()
    with ctx.read() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy hồ sơ này (có thể đã bị xóa).", field="person")
        require(ctx, READ, person.cur_unit_id)
        facts = load_facts(s, as_of, [person_id]).get(person_id)
        if facts is None:  # not on staff that day: still show retirement from the identity
            facts = PersonFacts(person.id, person.full_name, person.gender, person.birth_date,
                                person.birth_precision or "day", person.cur_category, person.cur_unit_id)
    return summarize(facts, ctx.rulebook, as_of)


@dataclass(frozen=True)
class LeavePeriodInput:
    """A period of leave that delays pay steps (unpaid) or probation (any leave of 14 days or more)."""

    kind: str
    start_date: date | None
    end_date: date | None
    decision: DecisionRef | None = None
    note: str | None = None


@dataclass(frozen=True)
class LeavePeriodInfo:
    id: int
    person_id: int
    kind: str
    kind_label: str
    start_date: date
    end_date: date
    days: int


def add_leave_period(ctx: ServiceContext, person_id: int, dto: LeavePeriodInput) -> LeavePeriodInfo:
    """Record a leave period by decision; it may not overlap another of the same person."""
    errors: v.Errors = []
    if dto.kind not in LEAVE_KINDS:
        errors.append(("kind", messages.text("absence_kind_missing")))
    if dto.start_date is None:
        errors.append(("start_date", messages.text("absence_start_missing")))
    if dto.end_date is None:
        errors.append(("end_date", messages.text("absence_end_missing")))
    errors += v.collect(("end_date", v.order_error(dto.start_date, dto.end_date, "ngày bắt đầu nghỉ",
                                                   "Ngày kết thúc nghỉ")))
    if dto.decision is None:
        errors.append(("decision", messages.text("absence_decision_missing")))
    with ctx.unit_of_work() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy hồ sơ này (có thể đã bị xóa).", field="person")
        require(ctx, WRITE, person.cur_unit_id)
        if dto.start_date is not None and dto.end_date is not None and not errors:
            clash = s.scalar(select(LeavePeriod).where(
                LeavePeriod.person_id == person_id,
                and_(LeavePeriod.start_date <= dto.end_date, LeavePeriod.end_date >= dto.start_date)))
            if clash is not None:
                errors.append(("start_date", messages.text("absence_overlap", start=clash.start_date, end=clash.end_date)))
            errors += v.collect(("start_date", v.not_before_birth_error(dto.start_date, person.birth_date,
                                                                        "Ngày bắt đầu nghỉ")))
        v.raise_if(errors)
        assert dto.start_date is not None and dto.end_date is not None and dto.decision is not None
        row = LeavePeriod(person_id=person_id, kind=dto.kind, start_date=dto.start_date, end_date=dto.end_date,
                          decision_id=add_decision(s, dto.decision).id, note=(dto.note or "").strip() or None)
        s.add(row)
        s.flush()
        refresh_snapshot(s, person)
        info = LeavePeriodInfo(row.id, person_id, row.kind, LEAVE_KINDS[row.kind], row.start_date, row.end_date,
                               (row.end_date - row.start_date).days + 1)
    return info


# ============================================================================================== retirement list


@dataclass(frozen=True)
class RetirementRow:
    person_id: int
    full_name: str
    gender: str
    birth: str  # as known: dd/mm/yyyy, mm/yyyy or yyyy
    unit_name: str
    post: str
    rank_name: str
    rank_code: str
    age_label: str
    reached_on: date
    last_working_day: date
    retirement_date: date
    notice_due: date | None
    rule: str  # the rule versions used, for the screen
    legal_basis: tuple[str, ...]  # their legal bases, for print


@dataclass(frozen=True)
class RetirementList:
    year: int
    years: tuple[int, ...]
    rows: tuple[RetirementRow, ...]  # by retirement date

    def of_year(self, year: int) -> tuple[RetirementRow, ...]:
        return tuple(r for r in self.rows if r.retirement_date.year == year)


def retirement_list(ctx: ServiceContext, year: int, unit_id: int | None = None, *, years: int = 2) -> RetirementList:
    """People on staff at the start of `year` who retire in `year` or the next `years - 1` years: the day each
    reaches the age, the last working day, the retirement date (the 1st of the next month) and the notice date.
    A retirement date of 01/01 of a year counts in that year."""
    if not isinstance(year, int) or not 1990 <= year <= 2100:
        raise ValidationError([("year", messages.text("year_invalid"))])
    require(ctx, READ, unit_id)
    covered = tuple(range(year, year + years))
    rulebook = ctx.rulebook
    with ctx.read() as s:
        facts = load_facts(s, date(year, 1, 1))
        inside = None if unit_id is None else {unit_id} | _descendants(s, unit_id)
        rows = []
        chosen = []
        for f in facts.values():
            if inside is not None and f.unit_id not in inside:
                continue
            try:
                ret = retirement_of(f, rulebook)
            except DomainError:
                continue
            if ret.retirement_date.year in covered:
                chosen.append((f, ret))
        posts = _current_posts(s, [f.person_id for f, _ in chosen], date(year, 1, 1))
    ranks = catalogs.ranks()
    for f, ret in chosen:
        code = f.salary.rank_code if f.salary else ""
        rows.append(RetirementRow(
            f.person_id, f.full_name, f.gender, f.birth.display(), f.unit_name, posts.get(f.person_id, ""),
            ranks.get(code, {}).get("name", code), code, ret.age.label(), ret.reached_on, ret.last_working_day,
            ret.retirement_date, ret.notice_due,
            "; ".join([ret.basis()] + [x.label() for x in (ret.notice_rule,) if x is not None]),
            tuple(x.legal_basis for x in (ret.rule, ret.notice_rule) if x is not None) + _decided(ret)))
    rows.sort(key=lambda r: (r.retirement_date, name_sort_key(r.full_name)))
    return RetirementList(year, covered, tuple(rows))


def _decided(ret: RetirementResult) -> tuple[str, ...]:
    """The decision that moved the retirement age and the legal point it relies on, for print."""
    if ret.exception is None:
        return ()
    return (": ".join(x for x in (ret.exception.decision, ret.exception_basis()) if x),)


def _current_posts(session: Session, ids: list[int], on: date) -> dict[int, str]:
    out: dict[int, str] = {}
    for chunk in chunks(sorted(ids)):
        for pid, title in session.execute(
                select(PostHeld.person_id, PostHeld.post_title)
                .where(PostHeld.person_id.in_(chunk), PostHeld.start_date <= on,
                       or_(PostHeld.end_date.is_(None), PostHeld.end_date >= on))
                .order_by(PostHeld.is_concurrent, PostHeld.start_date)):
            out.setdefault(pid, title)
    return out
