"""The decisions to retire earlier or later than the ordinary age (NĐ 135/2020, Điều 5–6) as the retirement rule
reads them: read by the queries and by the services inside their own sessions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session

from hrapp.db.models import Decision, RetirementAdjustment
from hrapp.domain.retirement import RetirementAge, RetirementException

_CHUNK = 900


def decision_citation(number: str | None, signed: date | None) -> str:
    """A decision as the dates cite it: "Quyết định số 12/QĐ-SKHCN ngày 02/03/2026"."""
    return f"Quyết định số {number} ngày {signed:%d/%m/%Y}" if number and signed else ""


def retirement_exceptions(conn: Connection | Session, as_of: date | None = None,
                          person_ids: Iterable[int] | None = None) -> dict[int, RetirementException]:
    """Per person, the newest decision (signed by `as_of`, when given) to retire earlier or later."""
    q = select(RetirementAdjustment.person_id, RetirementAdjustment.direction, RetirementAdjustment.reason,
               RetirementAdjustment.age_months, Decision.number, Decision.sign_date) \
        .outerjoin(Decision, Decision.id == RetirementAdjustment.decision_id) \
        .order_by(RetirementAdjustment.person_id, Decision.sign_date, RetirementAdjustment.id)
    if as_of is not None:
        q = q.where(or_(Decision.sign_date.is_(None), Decision.sign_date <= as_of))
    if person_ids is None:
        parts = [q]
    else:
        ids = sorted(set(person_ids))
        parts = [q.where(RetirementAdjustment.person_id.in_(ids[i:i + _CHUNK])) for i in range(0, len(ids), _CHUNK)]
    out: dict[int, RetirementException] = {}
    for part in parts:
        for pid, direction, reason, months, number, signed in conn.execute(part):
            out[pid] = RetirementException(direction, reason, RetirementAge.from_months(int(months)),
                                           decision_citation(number, signed))
    return out
