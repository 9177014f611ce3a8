"""Recomputes a person's current-state snapshot (unit, category, rank, step, post, education) from history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock
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


def snapshot_values(employments, ranks, steps, posts, education_levels, today: date) -> dict[str, object]:
    """The `cur_*` values from a person's history rows (ORM rows or any objects with the same attributes);
    shared by `refresh_snapshot` and bulk writers such as the Excel import."""
    emp = _current(employments, "start_date", "end_date", today)
    rank = _current(ranks, "effective_date", "end_date", today)
    step = _current(steps, "effective_date", None, today)
    live = [p for p in posts if p.start_date <= today and (p.end_date is None or p.end_date >= today)]
    live.sort(key=lambda p: (p.is_concurrent, -int(catalogs.extra("post", p.post_code).get("rank", 0))))
    best = max(education_levels, key=lambda c: EDU_RANK.get(c, 0), default=None)
    return {
        "cur_unit_id": emp.unit_id if emp else None,
        "cur_category": emp.category if emp else None,
        "cur_position_id": emp.position_id if emp else None,
        "cur_rank_code": rank.rank_code if rank else (step.rank_code if step else None),
        "cur_salary_step": step.step if step else None,
        "cur_coefficient": step.coefficient if step else None,
        "cur_post": live[0].post_title if live else None,
        "cur_education": best if best in EDU_RANK else None,
    }


def refresh_snapshot(session: Session, person: Person, today: date | None = None) -> None:
    today = today or clock.today()
    session.flush()
    pid = person.id
    values = snapshot_values(
        session.scalars(select(Employment).where(Employment.person_id == pid)).all(),
        session.scalars(select(RankAssignment).where(RankAssignment.person_id == pid)).all(),
        session.scalars(select(SalaryStep).where(SalaryStep.person_id == pid)).all(),
        session.scalars(select(PostHeld).where(PostHeld.person_id == pid)).all(),
        session.scalars(
            select(Qualification.level_code).where(
                Qualification.person_id == pid, Qualification.kind == "chuyen_mon",
                Qualification.in_progress.is_(False),
            )
        ).all(),
        today,
    )
    for key, value in values.items():
        setattr(person, key, value)
