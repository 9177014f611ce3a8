"""Succession planning use cases: periods, posts to plan, entries by decision, the checks of a period, the
yearly review (removals and additions by one decision) and appointment from the plan.

Hard limits (people per post, posts per person at one level, the same person twice, someone no longer on
staff) refuse the action with every reason; shortfalls of a person (age, qualifications, ratings,
discipline) and missed structure targets never block, but are returned as warnings and shown everywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Note,
    OrgUnit,
    Person,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    PlanningReview,
    PostHeld,
)
from hrapp.domain import planning as pl
from hrapp.domain import planning_structure as ps
from hrapp.domain.appointments import term_end
from hrapp.domain.retirement import BirthDate, retirement
from hrapp.domain.rules import RuleBook
from hrapp.domain.validation import age_on, dmy
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.queries import _planning_rows as q
from hrapp.queries.decisions import effective_date
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import MAX_YEAR, MIN_YEAR, DecisionRef, add_decision
from hrapp.services.snapshot import refresh_snapshot

MAX_PERIOD_YEARS = 10
OVERRIDE_TOPIC = "bo_nhiem_ngoai_quy_hoach"
APPOINT_KINDS = ("bo_nhiem", "giao_phu_trach", "dieu_dong", "luan_chuyen")


def _today() -> date:
    return clock.today()


# ============================================================================================== DTOs


@dataclass(frozen=True)
class PeriodInput:
    start_year: int
    end_year: int
    name: str | None = None
    rule_version: str | None = None  # None: the version in force when the period starts
    note: str | None = None


@dataclass(frozen=True)
class PlanningPostInput:
    period_id: int
    unit_id: int
    post_code: str
    max_people: int | None = None  # None: the rule's maximum
    note: str | None = None


@dataclass(frozen=True)
class EntryItem:
    post_id: int
    person_id: int
    note: str | None = None


@dataclass(frozen=True)
class EntriesInput:
    """One decision approving (kind 'initial') or supplementing ('supplement') the plan with several people."""

    period_id: int
    items: tuple[EntryItem, ...]
    decision: DecisionRef
    kind: str = "initial"


@dataclass(frozen=True)
class RemovalInput:
    entry_id: int
    reason_code: str
    reason: str
    decision: DecisionRef


@dataclass(frozen=True)
class ReviewRemoval:
    entry_id: int
    reason_code: str
    reason: str


@dataclass(frozen=True)
class ReviewInput:
    """Applying a yearly review: the removals kept from the proposal, the additions, one decision."""

    period_id: int
    as_of: date
    decision: DecisionRef
    removals: tuple[ReviewRemoval, ...] = ()
    additions: tuple[EntryItem, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class AppointInput:
    """Appointing a person to a post; `override_reason` is required when the person is not planned for it."""

    person_id: int
    unit_id: int
    post_code: str
    decision: DecisionRef
    start_date: date | None = None  # None: the decision's effective date
    kind: str = "bo_nhiem"
    override_reason: str | None = None


# ============================================================================================== results


@dataclass(frozen=True)
class EntryCheck:
    entry: q.EntryRow
    eligibility: pl.Eligibility
    removal: tuple[pl.Reason, ...]

    @property
    def eligible(self) -> bool:
        return self.eligibility.eligible

    @property
    def reasons(self) -> tuple[pl.Reason, ...]:
        return self.eligibility.reasons

    def to_json(self) -> dict[str, Any]:
        e = self.entry
        return {
            "entry_id": e.id, "employee_id": e.person_id, "full_name": e.full_name, "post": e.post_code,
            "post_title": e.post_title, "unit_code": e.unit_code, "kind": e.kind, "decision": e.decision_label,
            "approved_on": e.approved_on.isoformat(), "eligible": self.eligible,
            "reasons": [r.message for r in self.reasons], "reason_codes": [r.code for r in self.reasons],
            "months_left": self.eligibility.months_left,
            "removal_proposed": bool(self.removal),
        }


@dataclass(frozen=True)
class PostCheck:
    post: q.PostRow
    count: int
    maximum: int
    people: tuple[str, ...]

    @property
    def no_successor(self) -> bool:
        return self.count == 0

    @property
    def over(self) -> bool:
        return self.count > self.maximum

    def to_json(self) -> dict[str, Any]:
        p = self.post
        return {
            "post_id": p.id, "post": p.post_code, "post_title": p.title, "unit_code": p.unit_code,
            "count": self.count, "max": self.maximum, "no_successor": self.no_successor, "over": self.over,
            "holders": [{"employee_id": h.person_id, "full_name": h.full_name,
                         "term_end": h.term_end.isoformat() if h.term_end else None} for h in p.holders],
        }


@dataclass(frozen=True)
class PersonLoad:
    person_id: int
    full_name: str
    level: str
    count: int
    maximum: int

    def to_json(self) -> dict[str, Any]:
        return {"employee_id": self.person_id, "full_name": self.full_name, "level": self.level,
                "count": self.count, "max": self.maximum}


@dataclass(frozen=True)
class PeriodCheck:
    period: q.PeriodRow
    rules: pl.PlanningRules
    as_of: date
    check_date: date
    appointment_date: date
    entries: tuple[EntryCheck, ...]
    posts: tuple[PostCheck, ...]
    people_over_limit: tuple[PersonLoad, ...]
    structure: ps.Structure

    @property
    def failing(self) -> tuple[EntryCheck, ...]:
        return tuple(e for e in self.entries if not e.eligible)

    @property
    def warnings(self) -> tuple[str, ...]:
        out = [f"{e.entry.full_name} ({e.entry.post_title}): {r.message}" for e in self.failing for r in e.reasons]
        out += [f"{p.post.title}: {p.count} người, vượt mức tối đa {p.maximum}." for p in self.posts if p.over]
        out += [f"{x.full_name}: quy hoạch {x.count} chức danh cùng cấp, vượt mức tối đa {x.maximum}."
                for x in self.people_over_limit]
        return tuple(out) + self.structure.warnings

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.code,
            "name": self.period.name,
            "as_of": self.as_of.isoformat(),
            "check_date": self.check_date.isoformat(),
            "appointment_date": self.appointment_date.isoformat(),
            "rule": self.rules.rule.to_json(),
            "entries": [e.to_json() for e in self.entries],
            "posts": [p.to_json() for p in self.posts],
            "people_over_limit": [x.to_json() for x in self.people_over_limit],
            "structure": self.structure.to_json(),
        }


@dataclass(frozen=True)
class EntryPreview:
    """What adding one person to one post would meet: refusals (hard limits) and the person's shortfalls."""

    refusals: tuple[pl.Reason, ...]
    eligibility: pl.Eligibility
    post_count: int
    post_maximum: int
    person_posts_same_level: int

    @property
    def allowed(self) -> bool:
        return not self.refusals


@dataclass(frozen=True)
class AddResult:
    entries: tuple[q.EntryRow, ...]
    warnings: tuple[str, ...]  # the shortfalls of the people added, on the approval day
    structure_warnings: tuple[str, ...] = ()  # soft targets of the period missed after the addition


@dataclass(frozen=True)
class ProposedRemoval:
    check: EntryCheck
    reason_code: str
    reason: str
    appointed: bool  # the person now holds the planned post: the entry is closed as appointed


@dataclass(frozen=True)
class ReviewProposal:
    check: PeriodCheck
    removals: tuple[ProposedRemoval, ...]
    gaps: tuple[PostCheck, ...]  # posts with room left (count below the maximum), without a successor first


@dataclass(frozen=True)
class ReviewResult:
    review: q.ReviewRow
    removed: tuple[q.EntryRow, ...]
    added: tuple[q.EntryRow, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class AppointResult:
    post_held_id: int
    entry_id: int | None
    override: bool
    term_end: date | None
    warnings: tuple[str, ...] = field(default=())


# ============================================================================================== helpers


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _period(s: Session, period_id: int) -> PlanningPeriod:
    p = s.get(PlanningPeriod, period_id)
    if p is None:
        raise NotFoundError("period_not_found", "Không tìm thấy giai đoạn quy hoạch này.", field="period_id")
    return p


def _rules(ctx: ServiceContext, version: str) -> pl.PlanningRules:
    return pl.planning_rules(ctx.rulebook, version)


def _active_counts(s: Session, period_id: int) -> tuple[Counter[int], dict[int, list[tuple[int, str]]]]:
    """(active people per post id, {person id: [(post id, level)]}) of a period's active entries."""
    per_post: Counter[int] = Counter()
    per_person: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = s.execute(select(PlanningEntry.post_id, PlanningEntry.person_id, PlanningPost.post_code)
                     .join(PlanningPost, PlanningPost.id == PlanningEntry.post_id)
                     .where(PlanningEntry.period_id == period_id, PlanningEntry.status == "active"))
    for post_id, person_id, code in rows:
        per_post[post_id] += 1
        per_person[person_id].append((post_id, pl.post_level(code)))
    return per_post, per_person


def _eligibility(rulebook: RuleBook, period: q.PeriodRow | PlanningPeriod, facts: pl.CadreFacts, post_code: str,
                 unit_id: int, rules: pl.PlanningRules, on: date, since: date | None = None) -> pl.Eligibility:
    check, appoint = pl.check_dates(period.start_year, period.end_year, on)
    return pl.eligibility(facts, post_code, unit_id, rules, rulebook, check_date=check, appointment_date=appoint,
                          planned_since=since)


def entry_snapshot(facts: pl.CadreFacts, profile: q.ProfileFacts, result: pl.Eligibility, on: date,
              rules: pl.PlanningRules) -> dict[str, Any]:
    """What the person was on the approval day, kept with the entry (later changes do not rewrite it)."""
    years = pl.evaluation_years(rules, result.check_date)
    return {
        "on": on.isoformat(),
        "age": facts.age_on(on),
        "birth": facts.birth.iso(),
        "gender": facts.gender,
        "current_post": profile.current_post,
        "unit": profile.unit_name,
        "chuyen_mon": profile.chuyen_mon,
        "llct": profile.llct,
        "qlnn": profile.qlnn,
        "ngoai_ngu": profile.ngoai_ngu,
        "tin_hoc": profile.tin_hoc,
        "ratings": {str(y): facts.ratings.get(y) for y in years},
        "eligible": result.eligible,
        "reasons": [r.to_json() for r in result.reasons],
        "months_left": result.months_left,
        "rule": rules.version,
    }


# ============================================================================================== periods


def default_period_name(start_year: int, end_year: int) -> str:
    return f"Quy hoạch cán bộ lãnh đạo, quản lý giai đoạn {start_year}–{end_year}"


def create_period(ctx: ServiceContext, dto: PeriodInput) -> q.PeriodRow:
    """A new planning period; its checks use `rule_version` (default: the rules in force when it starts)."""
    require(ctx, WRITE)
    errors: list[tuple[str, str]] = []
    for name in ("start_year", "end_year"):
        value = getattr(dto, name)
        if not isinstance(value, int) or isinstance(value, bool) or not MIN_YEAR <= value <= MAX_YEAR:
            errors.append((name, messages.text("period_year_range", first=MIN_YEAR, last=MAX_YEAR)))
    if not errors and dto.end_year <= dto.start_year:
        errors.append(("end_year", messages.text("period_end_after_start")))
    if not errors and dto.end_year - dto.start_year >= MAX_PERIOD_YEARS:
        errors.append(("end_year", messages.text("period_too_long", years=MAX_PERIOD_YEARS)))
    if errors:
        raise ValidationError(errors)
    if dto.rule_version:
        rule = ctx.rulebook.by_version(pl.PLANNING, dto.rule_version)
    else:
        rule = pl.default_rule_version(ctx.rulebook, dto.start_year)
    pl.PlanningRules.from_rule(rule)  # refuses a version whose data is incomplete
    code = f"{dto.start_year}-{dto.end_year}"
    with ctx.unit_of_work() as s:
        for other in s.scalars(select(PlanningPeriod)):
            if other.start_year <= dto.end_year and dto.start_year <= other.end_year:
                raise ConflictError("period_overlap", f"Giai đoạn {dto.start_year}–{dto.end_year} trùng thời gian với "
                                    f"giai đoạn {other.start_year}–{other.end_year} đã có.", field="start_year")
        row = PlanningPeriod(code=code, name=_clean(dto.name) or default_period_name(dto.start_year, dto.end_year),
                             start_year=dto.start_year, end_year=dto.end_year, rule_version=rule.version,
                             note=_clean(dto.note))
        s.add(row)
        s.flush()
        period_id = row.id
    with ctx.read() as s:
        return q.get_period(s, period_id)


def set_period_rules(ctx: ServiceContext, period_id: int, rule_version: str) -> q.PeriodRow:
    """Check a period under another rule version (e.g. when new rules replace the old ones)."""
    require(ctx, WRITE)
    pl.PlanningRules.from_rule(ctx.rulebook.by_version(pl.PLANNING, rule_version))
    with ctx.unit_of_work() as s:
        _period(s, period_id).rule_version = rule_version
    with ctx.read() as s:
        return q.get_period(s, period_id)


# ============================================================================================== posts


def add_post(ctx: ServiceContext, dto: PlanningPostInput) -> q.PostRow:
    """A post of a unit to plan in the period."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        period = _period(s, dto.period_id)
        rules = _rules(ctx, period.rule_version)
        errors: list[tuple[str, str]] = []
        if dto.post_code not in catalogs.labels("post"):
            errors.append(("post_code", messages.text("planning_post_missing")))
        unit = s.get(OrgUnit, dto.unit_id) if dto.unit_id is not None else None  # no unit chosen yet
        if unit is None:
            errors.append(("unit_id", messages.text("plan_unit_missing")))
        elif ((unit.active_to is not None and unit.active_to < date(period.start_year, 1, 1))
              or (unit.active_from is not None and unit.active_from > date(period.end_year, 12, 31))):
            errors.append(("unit_id", messages.text("unit_inactive_in_period", unit=unit.name, start=period.start_year, end=period.end_year)))
        errors += _max_errors(dto.max_people, rules)
        if errors:
            raise ValidationError(errors)
        assert unit is not None
        exists = s.scalar(select(PlanningPost.id).where(PlanningPost.period_id == period.id,
                                                        PlanningPost.unit_id == unit.id,
                                                        PlanningPost.post_code == dto.post_code))
        if exists:
            raise ConflictError("post_exists", f"Chức danh {pl.post_title(dto.post_code, unit.name, unit.kind)} đã có "
                                "trong giai đoạn này.", field="post_code")
        row = PlanningPost(period_id=period.id, unit_id=unit.id, post_code=dto.post_code, max_people=dto.max_people,
                           note=_clean(dto.note))
        s.add(row)
        s.flush()
        post_id = row.id
    with ctx.read() as s:
        return q.get_post(s, post_id, _today())


def _max_errors(max_people: int | None, rules: pl.PlanningRules) -> list[tuple[str, str]]:
    if max_people is None:
        return []
    if not isinstance(max_people, int) or isinstance(max_people, bool) or max_people < 1:
        return [("max_people", "Số người tối đa phải là số nguyên dương.")]
    if max_people > rules.max_people_per_post:
        return [("max_people", f"Mỗi chức danh quy hoạch không quá {rules.max_people_per_post} người "
                               f"({rules.rule.legal_basis}).")]
    return []


def set_post_maximum(ctx: ServiceContext, post_id: int, max_people: int | None) -> q.PostRow:
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        post = s.get(PlanningPost, post_id)
        if post is None:
            raise NotFoundError("planning_post_not_found", "Không tìm thấy chức danh quy hoạch này.", field="post_id")
        rules = _rules(ctx, _period(s, post.period_id).rule_version)
        errors = _max_errors(max_people, rules)
        if errors:
            raise ValidationError(errors)
        active = s.scalar(select(func.count()).select_from(PlanningEntry).where(
            PlanningEntry.post_id == post_id, PlanningEntry.status == "active")) or 0
        if max_people is not None and active > max_people:
            raise DomainError("planning_post_over", active=active, max_people=max_people, field="max_people")
        post.max_people = max_people
    with ctx.read() as s:
        return q.get_post(s, post_id, _today())


def delete_post(ctx: ServiceContext, post_id: int) -> None:
    """Remove a post added by mistake; a post that anyone was ever planned for stays (history)."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        post = s.get(PlanningPost, post_id)
        if post is None:
            raise NotFoundError("planning_post_not_found", "Không tìm thấy chức danh quy hoạch này.", field="post_id")
        used = s.scalar(select(func.count()).select_from(PlanningEntry).where(PlanningEntry.post_id == post_id))
        if used:
            raise DomainError("post_in_use", "Chức danh này đã có người được quy hoạch (kể cả đã đưa ra khỏi quy "
                              "hoạch), không xóa được.", field="post_id")
        s.delete(post)


# ============================================================================================== checks


def check_period(ctx: ServiceContext, period: int | str, as_of: date | None = None) -> PeriodCheck:
    """Every check of a period on `as_of` (default today): each active entry, each post, people over the
    limit and the structure. Nothing is written."""
    require(ctx, READ)
    as_of = as_of or _today()
    with ctx.read() as s:
        return period_check(s, ctx.rulebook, q.get_period(s, period), as_of)


def period_check(s: Session, rulebook: RuleBook, period: q.PeriodRow, as_of: date) -> PeriodCheck:
    """The checks of a period on `as_of`, read through the caller's session."""
    rules = pl.planning_rules(rulebook, period.rule_version)
    check_date, appoint_date = pl.check_dates(period.start_year, period.end_year, as_of)
    posts = q.list_posts(s, period.id, check_date)
    entries = pl.sort_entries(q.list_entries(s, period.id), [p.id for p in posts])
    facts = q.cadre_facts(s, [e.person_id for e in entries], check_date)
    checks = []
    for e in entries:
        result = pl.eligibility(facts[e.person_id], e.post_code, e.unit_id, rules, rulebook,
                                check_date=check_date, appointment_date=appoint_date, planned_since=e.approved_on)
        checks.append(EntryCheck(e, result, pl.removal_reasons(result, rules)))
    by_post: dict[int, list[str]] = defaultdict(list)
    for e in entries:
        by_post[e.post_id].append(e.full_name)
    post_checks = tuple(
        PostCheck(p, len(by_post[p.id]), pl.post_maximum(rules, p.max_people), tuple(by_post[p.id])) for p in posts
    )
    levels: dict[int, list[str]] = defaultdict(list)
    names: dict[int, str] = {}
    for e in entries:
        levels[e.person_id].append(e.post_level)
        names[e.person_id] = e.full_name
    over = tuple(
        PersonLoad(pid, names[pid], level, n, rules.max_posts_per_person)
        for pid, by_level in sorted(pl.people_over_limit(levels, rules).items(), key=lambda x: names[x[0]])
        for level, n in sorted(by_level.items())
    )
    people = {e.person_id: (e.gender, e.birth) for e in entries}
    structure = ps.structure(people.values(), check_date, rules, posts=len(posts),
                             posts_without_successor=sum(1 for p in post_checks if p.no_successor))
    return PeriodCheck(period, rules, as_of, check_date, appoint_date, tuple(checks), post_checks, over, structure)


def preview_entry(ctx: ServiceContext, post_id: int, person_id: int, on: date | None = None) -> EntryPreview:
    """The refusals and shortfalls adding this person to this post would meet on `on` (default today)."""
    require(ctx, READ)
    on = on or _today()
    with ctx.read() as s:
        post = s.get(PlanningPost, post_id)
        if post is None:
            raise NotFoundError("planning_post_not_found", "Không tìm thấy chức danh quy hoạch này.", field="post_id")
        if s.get(Person, person_id) is None:
            raise NotFoundError("person_not_found", "Không tìm thấy hồ sơ này.", field="person_id")
        period = _period(s, post.period_id)
        rules = _rules(ctx, period.rule_version)
        per_post, per_person = _active_counts(s, period.id)
        facts = q.cadre_facts(s, [person_id], on)[person_id]
        level = pl.post_level(post.post_code)
        same_level = sum(1 for _, lv in per_person.get(person_id, []) if lv == level)
        unit = s.get(OrgUnit, post.unit_id)
        title = pl.post_title(post.post_code, unit.name if unit else "", unit.kind if unit else None)
        refusals = _refusals(rules, facts, post, title, per_post[post.id],
                             same_level, any(pid == post.id for pid, _ in per_person.get(person_id, [])))
        result = _eligibility(ctx.rulebook, period, facts, post.post_code, post.unit_id, rules, on)
        return EntryPreview(refusals, result, per_post[post.id], pl.post_maximum(rules, post.max_people), same_level)


def _refusals(rules: pl.PlanningRules, facts: pl.CadreFacts, post: PlanningPost, title: str, on_post: int,
              same_level: int, already: bool) -> tuple[pl.Reason, ...]:
    reasons = list(pl.hard_limit_reasons(rules, post_code=post.post_code, post_title=title, people_on_post=on_post,
                                          post_max=post.max_people, posts_of_person_same_level=same_level,
                                          already_on_post=already))
    if not facts.working:
        reasons.append(pl.Reason(pl.NOT_WORKING, f"{facts.full_name} không còn công tác "
                                                 f"({facts.status_label or 'đã nghỉ'})."))
    return tuple(reasons)


# ============================================================================================== entries


def add_entries(ctx: ServiceContext, dto: EntriesInput) -> AddResult:
    """Record a planning decision: every person is added, or none when any hard limit would be broken.

    The people's shortfalls on the approval day come back as warnings and are kept in each entry's snapshot.
    """
    require(ctx, WRITE)
    if dto.kind not in pl.KINDS:
        raise ValidationError([("kind", messages.text("planning_decision_kind_invalid", kind=dto.kind))])
    if not dto.items:
        raise ValidationError([("items", messages.text("planning_people_missing"))])
    with ctx.unit_of_work() as s:
        period = _period(s, dto.period_id)
        decision = add_decision(s, dto.decision)
        approved_on = effective_date(decision)
        ids, warnings = add_entries_in(s, ctx.rulebook, period, dto.items, decision.id, approved_on, dto.kind, None)
    with ctx.read() as s:
        rows = [e for e in q.list_entries(s, dto.period_id, None) if e.id in ids]
        after = period_check(s, ctx.rulebook, q.get_period(s, dto.period_id), approved_on)
    return AddResult(tuple(rows), tuple(warnings), after.structure.warnings)


def add_entry(ctx: ServiceContext, period_id: int, item: EntryItem, decision: DecisionRef,
              kind: str = "initial") -> AddResult:
    return add_entries(ctx, EntriesInput(period_id, (item,), decision, kind))


def add_entries_in(s: Session, rulebook: RuleBook, period: PlanningPeriod, items: Iterable[EntryItem],
                   decision_id: int, approved_on: date, kind: str, review_id: int | None) -> tuple[set[int], list[str]]:
    """Add entries inside the caller's unit of work: refuse the lot with every hard-limit reason, or write them
    all with their snapshot; returns (new entry ids, the people's shortfalls as warnings)."""
    items = list(items)
    rules = pl.planning_rules(rulebook, period.rule_version)
    if approved_on > date(period.end_year, 12, 31):
        raise ValidationError([("decision.effective_date", messages.text("decision_after_period", start=period.start_year, end=period.end_year))])
    per_post, per_person = _active_counts(s, period.id)
    people = q.cadre_facts(s, [i.person_id for i in items], approved_on)
    profiles = q.profile_facts(s, [i.person_id for i in items], approved_on)
    refusals: list[str] = []
    warnings: list[str] = []
    planned: list[tuple[EntryItem, PlanningPost, dict[str, Any]]] = []
    for n, item in enumerate(items):
        post = s.get(PlanningPost, item.post_id)
        if post is None or post.period_id != period.id:
            raise ValidationError([(f"items.{n}.post_id", messages.text("planning_post_other_period"))])
        facts = people.get(item.person_id)
        if facts is None:
            raise ValidationError([(f"items.{n}.person_id", messages.text("planned_person_not_found"))])
        unit = s.get(OrgUnit, post.unit_id)
        assert unit is not None
        title = pl.post_title(post.post_code, unit.name, unit.kind)
        level = pl.post_level(post.post_code)
        mine = per_person[item.person_id]
        reasons = _refusals(rules, facts, post, title, per_post[post.id], sum(1 for _, lv in mine if lv == level),
                            any(pid == post.id for pid, _ in mine))
        if reasons:
            refusals += [f"{facts.full_name}: {r.message}" for r in reasons]
            continue
        per_post[post.id] += 1
        mine.append((post.id, level))
        result = _eligibility(rulebook, period, facts, post.post_code, post.unit_id, rules, approved_on)
        warnings += [f"{facts.full_name} ({title}): {r.message}" for r in result.reasons]
        planned.append((item, post, entry_snapshot(facts, profiles[item.person_id], result, approved_on, rules)))
    if refusals:
        raise DomainError("planning_limit", "Không thể đưa vào quy hoạch: " + " ".join(refusals), field="items")
    ids = set()
    for item, post, snap in planned:
        row = PlanningEntry(period_id=period.id, post_id=post.id, person_id=item.person_id, kind=kind,
                            decision_id=decision_id, approved_on=approved_on, review_id=review_id, snapshot=snap,
                            status="active", note=_clean(item.note))
        s.add(row)
        s.flush()
        ids.add(row.id)
    return ids, warnings


def remove_entry(ctx: ServiceContext, dto: RemovalInput) -> q.EntryRow:
    """Take a person out of the plan for one post by decision; the entry stays with its reason (history)."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        entry = s.get(PlanningEntry, dto.entry_id)
        if entry is None:
            raise NotFoundError("entry_not_found", "Không tìm thấy người này trong quy hoạch.", field="entry_id")
        decision = add_decision(s, dto.decision)
        close_entry(s, entry, dto.reason_code, dto.reason, decision.id, effective_date(decision), None, None)
        period_id = entry.period_id
    with ctx.read() as s:
        return next(e for e in q.list_entries(s, period_id, None) if e.id == dto.entry_id)


def close_entry(s: Session, entry: PlanningEntry, code: str, reason: str, decision_id: int, day: date,
                review_id: int | None, appointed_post_id: int | None, field: str = "reason") -> None:
    """Take an active entry out of the plan (status 'removed', or 'appointed' for the code holds_post)."""
    if entry.status != "active":
        label = pl.STATUS_LABELS.get(entry.status, entry.status).lower()
        raise DomainError("entry_closed", f"Người này {label} (ngày {dmy(entry.status_date or entry.approved_on)}).",
                          field="entry_id")
    if code not in pl.REMOVAL_CODES:
        raise ValidationError([("reason_code", messages.text("salary_reason_invalid", reason=code))])
    if not (reason or "").strip():
        raise ValidationError([(field, messages.text("removal_reason_missing"))])
    if day < entry.approved_on:
        raise ValidationError([("decision.effective_date", messages.text("decision_before_planned", day=entry.approved_on))])
    entry.status = "appointed" if code == pl.HOLDS_POST else "removed"
    entry.status_date = day
    entry.removal_code = code
    entry.removal_reason = reason.strip()
    entry.removal_decision_id = decision_id
    entry.removal_review_id = review_id
    entry.appointed_post_id = appointed_post_id


# ============================================================================================== review


def review_proposals(ctx: ServiceContext, period_id: int, as_of: date | None = None) -> ReviewProposal:
    """Who now fails a removal trigger (new discipline, a KHT year, too old, appointed, left) and where the
    plan has room: the annual review screen. Nothing is written."""
    require(ctx, READ)
    as_of = as_of or _today()
    with ctx.read() as s:
        check = period_check(s, ctx.rulebook, q.get_period(s, period_id), as_of)
    removals = []
    for c in check.entries:
        if not c.removal:
            continue
        first = c.removal[0]
        appointed = any(r.code == pl.HOLDS_POST for r in c.removal)
        code = pl.HOLDS_POST if appointed else first.code
        text = "; ".join(r.message for r in c.removal)
        removals.append(ProposedRemoval(c, code, text, appointed))
    gaps = tuple(sorted((p for p in check.posts if p.count < p.maximum), key=lambda p: (not p.no_successor,)))
    return ReviewProposal(check, tuple(removals), gaps)


def apply_review(ctx: ServiceContext, dto: ReviewInput) -> ReviewResult:
    """Apply a review with one decision: the removals (or appointed closures) and the additions, all or none."""
    require(ctx, WRITE)
    if not dto.removals and not dto.additions:
        raise ValidationError([("removals", messages.text("review_empty"))])
    if not isinstance(dto.as_of, date):
        raise ValidationError([("as_of", messages.text("review_date_missing"))])
    with ctx.unit_of_work() as s:
        period = _period(s, dto.period_id)
        decision = add_decision(s, dto.decision)
        day = effective_date(decision)
        if day < dto.as_of:
            raise ValidationError([("decision.effective_date", messages.text("decision_before_review", day=dto.as_of))])
        review = PlanningReview(period_id=period.id, year=dto.as_of.year, review_date=dto.as_of,
                                decision_id=decision.id, note=_clean(dto.note))
        s.add(review)
        s.flush()
        seen: set[int] = set()
        for n, r in enumerate(dto.removals):
            entry = s.get(PlanningEntry, r.entry_id)
            if entry is None or entry.period_id != period.id or r.entry_id in seen:
                raise ValidationError([(f"removals.{n}.entry_id", messages.text("removed_not_in_plan"))])
            seen.add(r.entry_id)
            appointed = _held_post_id(s, entry, dto.as_of) if r.reason_code == pl.HOLDS_POST else None
            if r.reason_code == pl.HOLDS_POST and appointed is None:
                raise ValidationError([(f"removals.{n}.reason_code", messages.text("person_not_in_post"))])
            close_entry(s, entry, r.reason_code, r.reason, decision.id, day, review.id, appointed,
                   field=f"removals.{n}.reason")
        s.flush()
        added, warnings = add_entries_in(s, ctx.rulebook, period, dto.additions, decision.id, day, "supplement",
                                         review.id) if dto.additions else (set(), [])
        s.flush()
        after = period_check(s, ctx.rulebook, q.get_period(s, period.id), dto.as_of)
        review.summary = {
            "removed": len(dto.removals), "added": len(added), "active": len(after.entries),
            "structure": after.structure.to_json(),
        }
        review_id = review.id
    with ctx.read() as s:
        row = q.get_review(s, review_id)
        entries = q.list_entries(s, dto.period_id, None, review_id=review_id)
    return ReviewResult(row, tuple(e for e in entries if e.removal_review_id == review_id),
                        tuple(e for e in entries if e.review_id == review_id), tuple(warnings))


def _held_post_id(s: Session, entry: PlanningEntry, on: date) -> int | None:
    post = s.get(PlanningPost, entry.post_id)
    assert post is not None
    return s.scalar(select(PostHeld.id).where(
        PostHeld.person_id == entry.person_id, PostHeld.unit_id == post.unit_id, PostHeld.post_code == post.post_code,
        PostHeld.start_date <= on).order_by(PostHeld.start_date.desc()))


# ============================================================================================== appointment


def planned_entry(ctx: ServiceContext, person_id: int, unit_id: int, post_code: str, on: date) -> q.EntryRow | None:
    """The person's active entry for this post usable for an appointment on `on` (None: not planned for it)."""
    require(ctx, READ)
    with ctx.read() as s:
        entry_id = _planned_entry_id(s, person_id, unit_id, post_code, on)
        if entry_id is None:
            return None
        entry = s.get(PlanningEntry, entry_id)
        assert entry is not None
        return next(e for e in q.list_entries(s, entry.period_id) if e.id == entry_id)


def _planned_entry_id(s: Session, person_id: int, unit_id: int, post_code: str, on: date) -> int | None:
    """The active entry for the post approved by `on` in a period not over by then (the current term's plan
    first, then the next term's, which appointments may also draw on)."""
    rows = s.execute(
        select(PlanningEntry.id, PlanningPeriod.start_year, PlanningEntry.approved_on)
        .join(PlanningPost, PlanningPost.id == PlanningEntry.post_id)
        .join(PlanningPeriod, PlanningPeriod.id == PlanningEntry.period_id)
        .where(PlanningEntry.person_id == person_id, PlanningEntry.status == "active",
               PlanningPost.unit_id == unit_id, PlanningPost.post_code == post_code,
               PlanningPeriod.end_year >= on.year, PlanningEntry.approved_on <= on)
    ).all()
    if not rows:
        return None
    return min(rows, key=lambda r: (r.start_year > on.year, r.start_year, -r.approved_on.toordinal())).id


def appoint(ctx: ServiceContext, dto: AppointInput) -> AppointResult:
    """Appoint a person to a post in one transaction: the post held (term of 5 years or to retirement, the
    previous main post ended the day before) and the planning entry marked appointed. Someone not planned
    for the post needs an explicit override reason, kept as a note on the person's record."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        person = s.get(Person, dto.person_id)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy hồ sơ này.", field="person_id")
        decision = add_decision(s, dto.decision)
        start = dto.start_date or effective_date(decision)
        errors: list[tuple[str, str]] = []
        if dto.post_code not in catalogs.labels("post"):
            errors.append(("post_code", messages.text("post_missing")))
        if dto.kind not in APPOINT_KINDS:
            errors.append(("kind", messages.text("appointment_kind_invalid", kind=dto.kind)))
        unit = s.get(OrgUnit, dto.unit_id) if dto.unit_id is not None else None  # no unit chosen yet
        if unit is None:
            errors.append(("unit_id", messages.text("plan_unit_missing")))
        elif (unit.active_to is not None and start > unit.active_to) or \
                (unit.active_from is not None and start < unit.active_from):
            errors.append(("unit_id", messages.text("unit_inactive_on", unit=unit.name, day=start)))
        if person.status not in ("working", "seconded", "leave"):
            errors.append(("person_id", messages.text("person_not_working", name=person.full_name)))
        if errors:
            raise ValidationError(errors)
        assert unit is not None
        title = pl.post_title(dto.post_code, unit.name, unit.kind)
        entry_id = _planned_entry_id(s, person.id, unit.id, dto.post_code, start)
        override = _clean(dto.override_reason)
        if entry_id is None and override is None:
            raise DomainError("not_planned", f"{person.full_name} không có trong quy hoạch chức danh {title}. Bổ nhiệm "
                              "người ngoài quy hoạch phải ghi rõ lý do.", field="override_reason")
        retire = retirement(person.gender, BirthDate(person.birth_date, person.birth_precision or "day"),  # type: ignore[arg-type]
                            ctx.rulebook).retirement_date
        try:
            term = term_end(start, retire, ctx.rulebook)
        except DomainError as exc:
            raise ValidationError([("start_date", exc.message)]) from None
        for old in s.scalars(select(PostHeld).where(PostHeld.person_id == person.id,
                                                    PostHeld.is_concurrent.is_(False))):
            if old.start_date < start and (old.end_date is None or old.end_date >= start):
                old.end_date = start - timedelta(days=1)
                old.end_reason = old.end_reason or catalogs.label("appointment_kind", dto.kind)
                old.end_decision_id = decision.id
        allowance = catalogs.extra("post", dto.post_code).get("allowance")
        held = PostHeld(person_id=person.id, post_code=dto.post_code, post_title=catalogs.label("post", dto.post_code),
                        unit_id=unit.id, kind=dto.kind, start_date=start, term_end=term.end, is_concurrent=False,
                        allowance_coefficient=Decimal(str(allowance)) if allowance else None,
                        decision_id=decision.id)
        s.add(held)
        s.flush()
        warnings: list[str] = []
        if entry_id is not None:
            entry = s.get(PlanningEntry, entry_id)
            assert entry is not None
            close_entry(s, entry, pl.HOLDS_POST, f"Được bổ nhiệm {title} từ ngày {dmy(start)}.", decision.id, start, None,
                   held.id)
        else:
            s.add(Note(person_id=person.id, topic=OVERRIDE_TOPIC,
                       text=f"Bổ nhiệm {title} từ ngày {dmy(start)} khi không có trong quy hoạch chức danh này. "
                            f"Lý do: {override}"))
            warnings.append(f"{person.full_name} được bổ nhiệm ngoài quy hoạch: {override}")
        refresh_snapshot(s, person)
        held_id = held.id
    return AppointResult(held_id, entry_id, entry_id is None, term.end, tuple(warnings))


# ============================================================================================== persons


@dataclass(frozen=True)
class CandidateRow:
    person_id: int
    full_name: str
    birth_date: date
    gender: str
    age: int
    current_post: str


def candidates(ctx: ServiceContext, search: str, on: date | None = None, limit: int = 50) -> list[CandidateRow]:
    """People on staff whose name matches (diacritics ignored), with their post or rank and unit on `on`."""
    from hrapp.queries.employees import EmployeeFilter, employee_ids, employee_rows

    require(ctx, READ)
    on = on or _today()
    with ctx.read() as s:
        rows = employee_rows(s, employee_ids(s, EmployeeFilter(search=search))[:limit])
        profiles = q.profile_facts(s, [r.id for r in rows], on)
    return [CandidateRow(r.id, r.full_name, r.birth_date, r.gender, age_on(r.birth_date, on),
                         profiles[r.id].current_post if r.id in profiles else "") for r in rows]


__all__ = [
    "AddResult", "AppointInput", "AppointResult", "CandidateRow", "EntriesInput", "EntryCheck", "EntryItem",
    "EntryPreview", "PeriodCheck", "PeriodInput", "PersonLoad", "PlanningPostInput", "PostCheck", "ProposedRemoval",
    "RemovalInput", "ReviewInput", "ReviewProposal", "ReviewRemoval", "ReviewResult", "add_entries", "add_entry",
    "add_entries_in", "add_post", "appoint", "apply_review", "candidates", "check_period", "close_entry",
    "create_period", "delete_post", "entry_snapshot", "period_check",
    "planned_entry", "preview_entry", "remove_entry", "review_proposals", "set_period_rules", "set_post_maximum",
]
