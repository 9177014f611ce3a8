"""What the planning use cases share: the period and its rules, the active entries counted per post and per
person, a person's eligibility on the check dates, the hard-limit refusals and the snapshot kept with an entry."""


from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import clock
from hrapp.db.models import (
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
)
from hrapp.domain import planning as pl
from hrapp.domain.rules import RuleBook
from hrapp.errors import NotFoundError
from hrapp.queries import _planning_rows as q


def today() -> date:
    return clock.today()


def clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def get_period(s: Session, period_id: int) -> PlanningPeriod:
    p = s.get(PlanningPeriod, period_id)
    if p is None:
        raise NotFoundError("period_not_found", "Không tìm thấy giai đoạn quy hoạch này.", field="period_id")
    return p


def active_counts(s: Session, period_id: int) -> tuple[Counter[int], dict[int, list[tuple[int, str]]]]:
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


def eligibility(rulebook: RuleBook, period: q.PeriodRow | PlanningPeriod, facts: pl.CadreFacts, post_code: str,
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


def hard_refusals(rules: pl.PlanningRules, facts: pl.CadreFacts, post: PlanningPost, title: str, on_post: int,
              same_level: int, already: bool) -> tuple[pl.Reason, ...]:
    reasons = list(pl.hard_limit_reasons(rules, post_code=post.post_code, post_title=title, people_on_post=on_post,
                                          post_max=post.max_people, posts_of_person_same_level=same_level,
                                          already_on_post=already))
    if not facts.working:
        reasons.append(pl.Reason(pl.NOT_WORKING, f"{facts.full_name} không còn công tác "
                                                 f"({facts.status_label or 'đã nghỉ'})."))
    return tuple(reasons)
