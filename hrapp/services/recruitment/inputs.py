"""The forms of recruitment: what the round, target, candidate, score, status, tie-decision, withdrawal and
hiring screens hand to the services, and the hiring's result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from hrapp.domain.recruitment import ROUND_STATUSES
from hrapp.queries.recruitment import (
    CouncilMember,
    QualificationItem,
)
from hrapp.services.decisions import DecisionRef

FORWARD = dict(zip(ROUND_STATUSES, ROUND_STATUSES[1:], strict=False))
"""The next stage of a round, in the domain's order of stages."""
BACKWARD = {v_: k for k, v_ in FORWARD.items() if v_ != "closed"}
EDITABLE_CANDIDATES = ("draft", "open", "round1")
MAX_SCORE_PLACES = 2
MAX_EXPERIENCE_YEARS = 60


# ============================================================================================== DTOs


@dataclass(frozen=True)
class PartSetting:
    """A round-2 part the round uses and its maximum (its weight); the maxima add up to 100."""

    code: str
    max: Decimal


@dataclass(frozen=True)
class RoundInput:
    """A round as the officer writes it. A missing deadline is the notice date plus the regime's window
    (30 days); a missing category is the regime's (công chức or viên chức)."""

    name: str
    year: int
    regime: str
    method: str
    category: str | None = None
    plan_decision: DecisionRef | None = None
    notice_date: date | None = None
    application_deadline: date | None = None
    round1_date: date | None = None
    round2_date: date | None = None
    council: tuple[CouncilMember, ...] = ()
    council_decision: DecisionRef | None = None
    round2_parts: tuple[PartSetting, ...] | None = None
    note: str | None = None


@dataclass(frozen=True)
class TargetInput:
    """A position and its quota; `over_vacancy_reason` is required when the quota exceeds the vacancies."""

    round_id: int
    position_id: int
    quota: int
    over_vacancy_reason: str | None = None
    rank_code: str | None = None  # ngạch / CDNN of the winners; the position's minimum rank when empty
    note: str | None = None


@dataclass(frozen=True)
class CandidateInput:
    """The registration form (Phiếu đăng ký dự tuyển). `preferences` are target ids, first choice first."""

    full_name: str
    gender: str | None
    birth_date: date | None
    id_number: str | None
    preferences: tuple[int, ...]
    birth_place: str | None = None
    home_town: str | None = None
    ethnicity: str | None = None
    religion: str | None = None
    id_issue_date: date | None = None
    id_issue_place: str | None = None
    permanent_address: str | None = None
    current_address: str | None = None
    phone: str | None = None
    email: str | None = None
    education_level: str | None = None
    major: str | None = None
    institution: str | None = None
    graduation_year: int | None = None
    degree_grade: str | None = None
    qualifications: tuple[QualificationItem, ...] = ()
    experience_years: int | None = None
    priority_groups: tuple[str, ...] = ()
    exemptions: tuple[str, ...] = ()
    exemption_note: str | None = None
    applied_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class StatusChange:
    """Move a round one step forward (or back, with a reason). `decision` is the results decision when
    moving to 'results'."""

    round_id: int
    to_status: str
    event_date: date | None = None
    decision: DecisionRef | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ScoreEntry:
    """One cell of a score sheet; `value` None with `absent` False clears the cell."""

    candidate_id: int
    part: str
    value: Decimal | None
    absent: bool = False


@dataclass(frozen=True)
class ScoreSheet:
    round_id: int
    round_no: int
    entries: tuple[ScoreEntry, ...]


@dataclass(frozen=True)
class Remark:
    """Re-marking (phúc khảo): the new score replaces the old one; the reason is kept with both."""

    candidate_id: int
    round_no: int
    part: str
    value: Decimal | None
    reason: str
    decision: DecisionRef | None = None
    absent: bool = False


@dataclass(frozen=True)
class TieDecision:
    """The head of the agency chooses who wins among candidates tied at the last place of a position."""

    round_id: int
    target_id: int
    chosen: tuple[int, ...]
    decision: DecisionRef
    reason: str | None = None


@dataclass(frozen=True)
class Withdrawal:
    """A winner withdraws or misses the dossier deadline; the place goes to the next ranked candidate."""

    candidate_id: int
    reason_code: str  # rut_ho_so, khong_hoan_thien_ho_so
    decision: DecisionRef
    event_date: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class HireInput:
    """Recruit the winners (all not yet hired, or those listed) by one decision, from `start_date`
    (the decision's effective date when empty). `steps` overrides the starting step (bậc 1) per candidate."""

    round_id: int
    decision: DecisionRef
    start_date: date | None = None
    candidate_ids: tuple[int, ...] | None = None
    steps: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class HiredPerson:
    candidate_id: int
    person_id: int
    full_name: str
    unit_name: str
    position_name: str
    rank_code: str
    step: int
    coefficient: Decimal
    percent: int
    probation_end: date | None


@dataclass(frozen=True)
class HireResult:
    hired: tuple[HiredPerson, ...]
