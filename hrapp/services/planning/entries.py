"""Planning use cases of entries: adding people to the plan by decision (hard limits refuse, shortfalls warn),
taking them out, and the yearly review (removals and additions by one decision)."""


from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    OrgUnit,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    PlanningReview,
    PostHeld,
)
from hrapp.domain import planning as pl
from hrapp.domain.decisions import effective_date
from hrapp.domain.rules import RuleBook
from hrapp.domain.validation import dmy
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries import _planning_rows as q
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.planning._shared import (
    active_counts,
    clean,
    eligibility,
    entry_snapshot,
    get_period,
    hard_refusals,
    today,
)
from hrapp.services.planning.checks import EntryCheck, PeriodCheck, PostCheck, period_check


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
        period = get_period(s, dto.period_id)
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
    per_post, per_person = active_counts(s, period.id)
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
        reasons = hard_refusals(rules, facts, post, title, per_post[post.id], sum(1 for _, lv in mine if lv == level),
                            any(pid == post.id for pid, _ in mine))
        if reasons:
            refusals += [f"{facts.full_name}: {r.message}" for r in reasons]
            continue
        per_post[post.id] += 1
        mine.append((post.id, level))
        result = eligibility(rulebook, period, facts, post.post_code, post.unit_id, rules, approved_on)
        warnings += [f"{facts.full_name} ({title}): {r.message}" for r in result.reasons]
        planned.append((item, post, entry_snapshot(facts, profiles[item.person_id], result, approved_on, rules)))
    if refusals:
        raise DomainError("planning_limit", "Không thể đưa vào quy hoạch: " + " ".join(refusals), field="items")
    ids = set()
    for item, post, snap in planned:
        row = PlanningEntry(period_id=period.id, post_id=post.id, person_id=item.person_id, kind=kind,
                            decision_id=decision_id, approved_on=approved_on, review_id=review_id, snapshot=snap,
                            status="active", note=clean(item.note))
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


def review_proposals(ctx: ServiceContext, period_id: int, as_of: date | None = None) -> ReviewProposal:
    """Who now fails a removal trigger (new discipline, a KHT year, too old, appointed, left) and where the
    plan has room: the annual review screen. Nothing is written."""
    require(ctx, READ)
    as_of = as_of or today()
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
        period = get_period(s, dto.period_id)
        decision = add_decision(s, dto.decision)
        day = effective_date(decision)
        if day < dto.as_of:
            raise ValidationError([("decision.effective_date", messages.text("decision_before_review", day=dto.as_of))])
        review = PlanningReview(period_id=period.id, year=dto.as_of.year, review_date=dto.as_of,
                                decision_id=decision.id, note=clean(dto.note))
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
