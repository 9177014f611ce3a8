"""Recomputes a person's current-state snapshot (unit, category, rank, step, post, education) from history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.db.models import Employment, Person, PostHeld, Qualification, RankAssignment, SalaryStep
from hrapp.text import fold, name_sort_key, normalize_name, split_name

EDU_RANK = {"TS": 6, "ThS": 5, "DH": 4, "CD": 3, "TC": 2, "SC": 1}


def set_name(person: Person, full_name: str) -> None:
    """Name, its parts, the folded search text and the collation key, always together."""
    person.full_name = normalize_name(full_name)
    person.family_name, person.middle_name, person.given_name = split_name(person.full_name)
    person.name_folded = fold(person.full_name)
    person.sort_key = name_sort_key(person.full_name)


def _current(rows, start_attr: str, end_attr: str | None, today: date):
    live = [
        r for r in rows
        if getattr(r, start_attr) <= today and (end_attr is None or getattr(r, end_attr) is None
                                                or getattr(r, end_attr) >= today)
    ]
    pool = live or [r for r in rows if getattr(r, start_attr) <= today] or list(rows)
    return max(pool, key=lambda r: (getattr(r, start_attr), r.id or 0)) if pool else None


def refresh_snapshot(session: Session, person: Person, today: date | None = None) -> None:
    today = today or date.today()
    session.flush()
    pid = person.id
    emp = _current(session.scalars(select(Employment).where(Employment.person_id == pid)).all(),
                   "start_date", "end_date", today)
    person.cur_unit_id = emp.unit_id if emp else None
    person.cur_category = emp.category if emp else None
    person.cur_position_id = emp.position_id if emp else None
    rank = _current(session.scalars(select(RankAssignment).where(RankAssignment.person_id == pid)).all(),
                    "effective_date", "end_date", today)
    step = _current(session.scalars(select(SalaryStep).where(SalaryStep.person_id == pid)).all(),
                    "effective_date", None, today)
    person.cur_rank_code = rank.rank_code if rank else (step.rank_code if step else None)
    person.cur_salary_step = step.step if step else None
    person.cur_coefficient = step.coefficient if step else None
    posts = [
        p for p in session.scalars(select(PostHeld).where(PostHeld.person_id == pid)).all()
        if p.start_date <= today and (p.end_date is None or p.end_date >= today)
    ]
    posts.sort(key=lambda p: (p.is_concurrent, -int(catalogs.extra("post", p.post_code).get("rank", 0))))
    person.cur_post = posts[0].post_title if posts else None
    quals = session.scalars(
        select(Qualification.level_code).where(
            Qualification.person_id == pid, Qualification.kind == "chuyen_mon",
            Qualification.in_progress.is_(False),
        )
    ).all()
    best = max(quals, key=lambda c: EDU_RANK.get(c, 0), default=None)
    person.cur_education = best if best in EDU_RANK else None
