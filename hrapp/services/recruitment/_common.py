"""Helpers the recruitment services share inside their unit of work: the round locked for a change, its
status checked, an event written, the decision reference checked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Candidate,
    RecruitmentRound,
    RoundEvent,
    Score,
)
from hrapp.domain import validation as v
from hrapp.errors import DomainError
from hrapp.queries.recruitment import (
    STATUS_LABELS,
)
from hrapp.queries.recruitment import _session as q
from hrapp.services.decisions import DecisionInput, DecisionRef, decision_errors

# ============================================================================================== helpers


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _today() -> date:
    return clock.today()


def _round_for_update(s: Session, round_id: int) -> RecruitmentRound:
    return q.get_round(s, round_id)


def require_status(rnd: RecruitmentRound, allowed: Sequence[str], what: str) -> None:
    if rnd.status not in allowed:
        states = [STATUS_LABELS[x].lower() for x in allowed]
        raise DomainError("wrong_status", what=what, status=STATUS_LABELS[rnd.status], states=states, field="status")


def _decision_ref_errors(ref: DecisionRef | None, field: str, required: bool, what: str) -> v.Errors:
    if ref is None:
        return [(field, f"Cần có {what} (số, ngày ký).")] if required else []
    if isinstance(ref, DecisionInput):
        return decision_errors(ref, field)
    return []


def _event(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, kind: str, day: date, **kw: object) -> RoundEvent:
    e = RoundEvent(round_id=rnd.id, kind=kind, event_date=day, user=ctx.user, **kw)
    s.add(e)
    return e


def _has_events(s: Session, round_id: int, kinds: Sequence[str]) -> bool:
    return bool(s.scalar(select(func.count()).select_from(RoundEvent).where(
        RoundEvent.round_id == round_id, RoundEvent.kind.in_(kinds))))


def _score_count(s: Session, round_id: int, round_no: int) -> int:
    return s.scalar(select(func.count()).select_from(Score).join(Candidate, Candidate.id == Score.candidate_id)
                    .where(Candidate.round_id == round_id, Score.round_no == round_no)) or 0
