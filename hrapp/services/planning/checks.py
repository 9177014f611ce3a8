"""The checks of a planning period: every entry against the rules (eligibility with every failing reason), people
per post and posts per person, the structure targets, and the preview of one person for one post."""


from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from hrapp.context import ServiceContext
from hrapp.db.models import (
    OrgUnit,
    Person,
    PlanningPost,
)
from hrapp.domain import planning as pl
from hrapp.domain import planning_structure as ps
from hrapp.domain.rules import RuleBook
from hrapp.errors import NotFoundError
from hrapp.queries import _planning_rows as q
from hrapp.security import READ, require
from hrapp.services.planning._shared import (
    active_counts,
    eligibility,
    get_period,
    hard_refusals,
    today,
)


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
class PostCheck(pl.PostCount):
    """The people planned for a post against its maximum (no successor, over the limit: hrapp.domain.planning)."""

    post: q.PostRow
    people: tuple[str, ...]

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


def check_period(ctx: ServiceContext, period: int | str, as_of: date | None = None) -> PeriodCheck:
    """Every check of a period on `as_of` (default today): each active entry, each post, people over the
    limit and the structure. Nothing is written."""
    require(ctx, READ)
    as_of = as_of or today()
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
        PostCheck(count=len(by_post[p.id]), maximum=pl.post_maximum(rules, p.max_people), post=p,
                  people=tuple(by_post[p.id])) for p in posts
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
    on = on or today()
    with ctx.read() as s:
        post = s.get(PlanningPost, post_id)
        if post is None:
            raise NotFoundError("planning_post_not_found", "Không tìm thấy chức danh quy hoạch này.", field="post_id")
        if s.get(Person, person_id) is None:
            raise NotFoundError("person_not_found", "Không tìm thấy hồ sơ này.", field="person_id")
        period = get_period(s, post.period_id)
        rules = pl.planning_rules(ctx.rulebook, period.rule_version)
        per_post, per_person = active_counts(s, period.id)
        facts = q.cadre_facts(s, [person_id], on)[person_id]
        level = pl.post_level(post.post_code)
        same_level = sum(1 for _, lv in per_person.get(person_id, []) if lv == level)
        unit = s.get(OrgUnit, post.unit_id)
        title = pl.post_title(post.post_code, unit.name if unit else "", unit.kind if unit else None)
        refusals = hard_refusals(rules, facts, post, title, per_post[post.id],
                             same_level, any(pid == post.id for pid, _ in per_person.get(person_id, [])))
        result = eligibility(ctx.rulebook, period, facts, post.post_code, post.unit_id, rules, on)
        return EntryPreview(refusals, result, per_post[post.id], pl.post_maximum(rules, post.max_people), same_level)
