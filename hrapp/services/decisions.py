"""Decisions (quyết định) behind every process row: the input DTO, its validation and creation."""

from __future__ import annotations

from sqlalchemy.orm import Session

from hrapp.db.models import Decision
from hrapp.domain.decisions import (  # the input and its rules live in the domain; kept importable here
    KINDS,
    MAX_YEAR,
    MIN_YEAR,
    DecisionInfo,
    DecisionInput,
    DecisionRef,
    decision_errors,
    decision_info,
    effective_date,
)
from hrapp.errors import NotFoundError, ValidationError
from hrapp.messages import text

__all__ = ["KINDS", "MAX_YEAR", "MIN_YEAR", "DecisionInfo", "DecisionInput", "DecisionRef", "add_decision",
           "decision_errors", "decision_info", "effective_date", "validate_decision"]


def validate_decision(dto: DecisionInput, field: str = "decision") -> None:
    """Raise ValidationError (fields 'decision.number', 'decision.effective_date', …) on bad input."""
    errors = decision_errors(dto, field)
    if errors:
        raise ValidationError(errors)


def add_decision(session: Session, ref: DecisionRef, field: str = "decision") -> Decision:
    """The Decision for `ref` inside the caller's unit of work: validated and added, or loaded by id."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        found = session.get(Decision, ref)
        if found is None:
            raise NotFoundError("decision_not_found", field=field, ref=ref)
        return found
    if not isinstance(ref, DecisionInput):
        raise ValidationError([(field, text("decision_needed"))])
    validate_decision(ref, field)
    row = Decision(
        number=ref.number.strip(), kind=ref.kind, sign_date=ref.sign_date, signer=_clean(ref.signer),
        issuer=_clean(ref.issuer), effective_date=ref.effective, summary=_clean(ref.summary),
    )
    session.add(row)
    session.flush()
    return row


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None
