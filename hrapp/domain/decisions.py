"""A decision (quyết định) as typed: its input and the rules it is checked by, before anything is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hrapp.db.models import Decision
from hrapp.messages import text

MIN_YEAR = 1990
MAX_YEAR = 2100
"""Dates outside these years are typing mistakes, not records of a department."""

KINDS = ("quyet_dinh", "ke_hoach", "thong_bao", "cong_van", "to_trinh")


@dataclass(frozen=True)
class DecisionInput:
    """What the user types about a decision: số, ngày ký, người ký, cơ quan ban hành, ngày hiệu lực,
    trích yếu. A missing effective date means "có hiệu lực kể từ ngày ký"."""

    number: str
    sign_date: date
    signer: str | None = None
    issuer: str | None = None
    effective_date: date | None = None
    summary: str | None = None
    kind: str = "quyet_dinh"

    @property
    def effective(self) -> date:
        return self.effective_date or self.sign_date


DecisionRef = DecisionInput | int
"""Either a new decision to record or the id of one already stored (one decision may do several things)."""


def _in_range(day: date | None) -> bool:
    return day is None or MIN_YEAR <= day.year <= MAX_YEAR


def decision_errors(dto: DecisionInput, field: str = "decision") -> list[tuple[str, str]]:
    """Every problem of the input as (field, message worded by hrapp.messages); empty when it can be saved."""
    errors: list[tuple[str, str]] = []
    number = (dto.number or "").strip()
    if not number:
        errors.append((f"{field}.number", text("decision_number_missing")))
    elif len(number) > 60:
        errors.append((f"{field}.number", text("decision_number_too_long", limit=60)))
    if not isinstance(dto.sign_date, date):
        errors.append((f"{field}.sign_date", text("decision_sign_date_missing")))
    elif not _in_range(dto.sign_date):
        errors.append((f"{field}.sign_date", text("decision_sign_date_range", first=MIN_YEAR, last=MAX_YEAR)))
    if dto.effective_date is not None:
        if not isinstance(dto.effective_date, date) or not _in_range(dto.effective_date):
            errors.append((f"{field}.effective_date", text("decision_effective_date_range", first=MIN_YEAR,
                                                           last=MAX_YEAR)))
        elif isinstance(dto.sign_date, date) and dto.sign_date > dto.effective_date:
            errors.append((f"{field}.effective_date", text("decision_effective_before_signed",
                                                           effective=dto.effective_date, signed=dto.sign_date)))
    if dto.kind not in KINDS:
        errors.append((f"{field}.kind", text("decision_kind_unknown", kind=dto.kind)))
    if dto.signer is not None and len(dto.signer) > 120:
        errors.append((f"{field}.signer", text("decision_signer_too_long", limit=120)))
    if dto.issuer is not None and len(dto.issuer) > 200:
        errors.append((f"{field}.issuer", text("decision_issuer_too_long", limit=200)))
    return errors


# --- a stored decision, as the lists and records show it next to the rows it made


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
