"""The places open recruitment rounds hold on a day: per target, its quota less those hired by then, while the
round is between its notice and its results. The staffing view counts them "in recruitment"
(hrapp.queries.staffing calls places_in_rounds in its own session); the target form checks a quota against the
vacancy left by the other rounds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hrapp.db.models import JobPosition, RecruitmentRound, RoundEvent
from hrapp.queries.recruitment.dtos import ACTIVE_STATUSES, RecruitmentPlaces


def _status_on(events_of_round: Iterable[RoundEvent], on: date) -> str:
    status = "draft"
    for e in sorted(events_of_round, key=lambda e: (e.event_date, e.id)):
        if e.event_date > on:
            break
        status = e.to_status or status
    return status


def _hire_dates(session: Session, round_ids: Sequence[int]) -> dict[int, list[date]]:
    out: dict[int, list[date]] = {}
    for tid, day in session.execute(select(RoundEvent.target_id, RoundEvent.event_date).where(
            RoundEvent.round_id.in_(round_ids), RoundEvent.kind == "hire")):
        if tid is not None:
            out.setdefault(tid, []).append(day)
    return out


def _status_events(session: Session, round_ids: Sequence[int]) -> dict[int, list[RoundEvent]]:
    out: dict[int, list[RoundEvent]] = {}
    for e in session.scalars(select(RoundEvent).where(RoundEvent.round_id.in_(round_ids),
                                                      RoundEvent.kind == "status")):
        out.setdefault(e.round_id, []).append(e)
    return out


def _places(rnd: RecruitmentRound, status_events: Sequence[RoundEvent], hires: Mapping[int, list[date]],
            on: date) -> dict[int, int]:
    if _status_on(status_events, on) not in ACTIVE_STATUSES:
        return {}
    out: dict[int, int] = {}
    for t in rnd.targets:
        hired = sum(1 for d in hires.get(t.id, []) if d <= on)
        out[t.id] = max(t.quota - hired, 0)
    return out


def round_places(session: Session, rnd: RecruitmentRound, on: date) -> dict[int, int]:
    """Places each target of the round holds in recruitment on `on` (quota minus those hired by then)."""
    return _places(rnd, _status_events(session, [rnd.id]).get(rnd.id, []), _hire_dates(session, [rnd.id]), on)


def places_in_rounds(session: Session, year: int, on: date) -> list[RecruitmentPlaces]:
    """For the staffing view: per target of each round of `year` open on `on`, the places it holds (none empty)."""
    rounds = session.scalars(select(RecruitmentRound).where(RecruitmentRound.year == year,
                                                            RecruitmentRound.status != "draft")
                             .options(selectinload(RecruitmentRound.targets))).all()
    if not rounds:
        return []
    ids = [r.id for r in rounds]
    status_events = _status_events(session, ids)
    hires = _hire_dates(session, ids)
    units = dict(session.execute(select(JobPosition.id, JobPosition.unit_id)).all())
    out: list[RecruitmentPlaces] = []
    for r in rounds:
        targets = {t.id: t for t in r.targets}
        for tid, places in _places(r, status_events.get(r.id, []), hires, on).items():
            if places:
                pid = targets[tid].position_id
                out.append(RecruitmentPlaces(units[pid], r.category, places, pid))
    return out
