"""A stored decision (quyết định) as the lists and records show it next to the rows it made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hrapp.db.models import Decision


@dataclass(frozen=True)
class DecisionInfo:
    """A stored decision as shown next to the rows it made."""

    id: int
    number: str
    sign_date: date
    signer: str | None
    issuer: str | None
    effective_date: date
    summary: str | None
    kind: str

    def label(self) -> str:
        """'76/QĐ-SKHCN ngày 05/01/2022', the way decisions are cited in lists."""
        return f"{self.number} ngày {self.sign_date:%d/%m/%Y}"


def effective_date(decision: Decision) -> date:
    """The day a stored decision takes effect (its signing day when no other day is written)."""
    return decision.effective_date or decision.sign_date


def decision_info(decision: Decision) -> DecisionInfo:
    return DecisionInfo(
        id=decision.id, number=decision.number, sign_date=decision.sign_date, signer=decision.signer,
        issuer=decision.issuer, effective_date=effective_date(decision), summary=decision.summary,
        kind=decision.kind,
    )
