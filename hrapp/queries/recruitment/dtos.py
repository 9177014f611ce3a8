"""What the recruitment read side returns: the round's rule set-up, rounds, targets, candidates, scores, the
ranking and the round's history, as frozen rows; and the words the round's codes print as."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from hrapp import catalogs
from hrapp.domain import recruitment as dr
from hrapp.domain.decisions import DecisionInfo
from hrapp.domain.priority import PriorityTable
from hrapp.errors import NotFoundError

STATUSES = dr.ROUND_STATUSES
STATUS_LABELS = {
    "draft": "Dự thảo kế hoạch",
    "open": "Đang nhận phiếu đăng ký",
    "round1": "Vòng 1",
    "round2": "Vòng 2",
    "results": "Đã có kết quả",
    "closed": "Đã kết thúc",
}
ACTIVE_STATUSES = ("open", "round1", "round2", "results")
"""A round in one of these states holds its places "in recruitment" in the staffing view."""

SUBJECT_CATEGORIES = {"cong_chuc": ("cong_chuc",), "vien_chuc": ("vien_chuc", "vien_chuc_tu_chu")}
COUNCIL_ROLES = {
    "chu_tich": "Chủ tịch Hội đồng",
    "pho_chu_tich": "Phó Chủ tịch Hội đồng",
    "uy_vien_thu_ky": "Ủy viên kiêm Thư ký",
    "uy_vien": "Ủy viên",
}
WITHDRAWAL_REASONS = {
    "rut_ho_so": "Người trúng tuyển từ chối tuyển dụng, rút hồ sơ",
    "khong_hoan_thien_ho_so": "Không hoàn thiện hồ sơ tuyển dụng trong thời hạn quy định",
}
METHOD_LABELS = {"thi_tuyen": "Thi tuyển", "xet_tuyen": "Xét tuyển"}
TOTAL_PART = "tong"
"""The part code of a round-2 score that is not split into parts."""
OUTCOME_SHORT = {
    dr.Outcome.TRUNG_TUYEN: "Trúng tuyển",
    dr.Outcome.KHONG_TRUNG_TUYEN: "Không trúng tuyển",
    dr.Outcome.CAN_QUYET_DINH: "Chờ quyết định",
    dr.Outcome.KHONG_DU_DIEU_KIEN: "Không đủ điều kiện",
    dr.Outcome.RUT_HO_SO: "Rút hồ sơ",
}


# ----------------------------------------------------------------------------------------------------
# Rule set-up of a round


@dataclass(frozen=True)
class Round1Part:
    """A part of the round-1 computer test and its number of questions (score = correct answers)."""

    code: str
    label: str
    questions: int


@dataclass(frozen=True)
class Round2Part:
    """A part of round 2 as the round uses it: its weight is its maximum (the maxima add up to 100)."""

    code: str
    label: str
    max: Decimal
    min_ratio: Decimal | None = None


@dataclass(frozen=True)
class RoundSetup:
    """The regime, method and priority rules a round runs under, with its round-1 and round-2 parts."""

    regime: dr.RecruitmentRegime
    method: dr.MethodRule
    priority: PriorityTable
    rules_date: date | None
    round1_parts: tuple[Round1Part, ...]
    round2_parts: tuple[Round2Part, ...]

    @property
    def has_round1_test(self) -> bool:
        return self.method.round1_pass_ratio is not None and bool(self.round1_parts)

    def round1_part(self, code: str) -> Round1Part | None:
        return next((p for p in self.round1_parts if p.code == code), None)

    def round2_part(self, code: str) -> Round2Part | None:
        return next((p for p in self.round2_parts if p.code == code), None)

    @property
    def split_round2(self) -> bool:
        """True when round 2 is scored in parts (thi viết, phỏng vấn …) rather than one score."""
        return bool(self.method.parts)



# ----------------------------------------------------------------------------------------------------
# DTOs


@dataclass(frozen=True)
class CouncilMember:
    """A member of the recruitment council (Hội đồng tuyển dụng)."""

    full_name: str
    title: str = ""
    role: str = "uy_vien"
    person_id: int | None = None  # the staff record of a member from the agency; None for one from outside

    @property
    def role_label(self) -> str:
        return COUNCIL_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class TargetInfo:
    """A position of the round with its quota and the requirements candidates are checked against."""

    id: int
    position_id: int
    position_code: str
    position_name: str
    unit_id: int
    unit_name: str
    quota: int
    vacancies_seen: int | None
    over_vacancy_reason: str | None
    rank_code: str | None
    rank_name: str | None
    requirements: str
    education_requirement: str
    other_requirements: str
    hired: int
    note: str | None


@dataclass(frozen=True)
class RoundInfo:
    id: int
    name: str
    year: int
    subject: str
    regime: str
    regime_label: str
    legal_basis: str
    method: str
    method_label: str
    category: str
    plan_decision: DecisionInfo | None
    notice_date: date | None
    application_deadline: date | None
    round1_date: date | None
    round2_date: date | None
    council_size: int | None
    council: tuple[CouncilMember, ...]
    council_decision: DecisionInfo | None
    results_decision: DecisionInfo | None
    round1_parts: tuple[Round1Part, ...]
    round2_parts: tuple[Round2Part, ...]
    split_round2: bool
    has_round1_test: bool
    status: str
    note: str | None
    targets: tuple[TargetInfo, ...]
    candidates: int
    council_sizes: tuple[int, ...]
    allowed_parts: tuple[Round2Part, ...]  # the parts the regime offers for round 2
    round2_pass_min: Decimal

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def category_label(self) -> str:
        return catalogs.label("category", self.category)

    @property
    def quota(self) -> int:
        return sum(t.quota for t in self.targets)

    def target(self, target_id: int) -> TargetInfo:
        for t in self.targets:
            if t.id == target_id:
                return t
        raise NotFoundError("target_not_found", "Không có vị trí này trong kỳ tuyển dụng.", field="target_id")


@dataclass(frozen=True)
class RoundRow:
    """A line of the list of rounds."""

    id: int
    name: str
    year: int
    regime: str
    method: str
    method_label: str
    status: str
    plan_number: str | None
    plan_date: date | None
    positions: int
    quota: int
    candidates: int
    hired: int

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class QualificationItem:
    """A qualification written on the registration form besides the highest professional degree."""

    kind: str
    level_code: str
    major: str | None = None
    institution: str | None = None
    year: int | None = None
    language: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "level_code": self.level_code, "major": self.major,
                "institution": self.institution, "year": self.year, "language": self.language}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> QualificationItem:
        return cls(raw["kind"], raw["level_code"], raw.get("major"), raw.get("institution"), raw.get("year"),
                   raw.get("language"))

    def text(self) -> str:
        label = catalogs.label("qualification_level", self.level_code)
        what = catalogs.label("qualification_kind", self.kind)
        extra = self.language or self.major
        return f"{what}: {label}" + (f" ({extra})" if extra else "")


@dataclass(frozen=True)
class PreferenceInfo:
    target_id: int
    choice: int
    position_name: str
    unit_name: str
    eligible: bool | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ScoreInfo:
    round_no: int
    part: str
    value: Decimal | None
    max_value: Decimal
    absent: bool
    changes: int


@dataclass(frozen=True)
class CandidateInfo:
    id: int
    round_id: int
    sbd: str | None
    full_name: str
    gender: str
    birth_date: date
    birth_place: str | None
    home_town: str | None
    ethnicity: str | None
    religion: str | None
    id_number: str
    id_issue_date: date | None
    id_issue_place: str | None
    permanent_address: str | None
    current_address: str | None
    phone: str | None
    email: str | None
    education_level: str | None
    major: str | None
    institution: str | None
    graduation_year: int | None
    degree_grade: str | None
    qualifications: tuple[QualificationItem, ...]
    experience_years: int | None
    priority_groups: tuple[str, ...]
    priority_points: Decimal
    priority_label: str | None
    exemptions: tuple[str, ...]
    exemption_note: str | None
    applied_on: date | None
    eligible: bool | None
    ineligible_reasons: tuple[str, ...]
    preferences: tuple[PreferenceInfo, ...]
    scores: tuple[ScoreInfo, ...]
    round1_passed: bool | None
    round1_reason: str | None
    round2: Decimal | None
    round2_absent: bool
    status: str
    person_id: int | None
    note: str | None

    @property
    def ineligible_text(self) -> str:
        """Why the candidate does not meet the conditions, as one clean sentence (empty when eligible)."""
        return dr.reasons_text(self.ineligible_reasons)

    @property
    def first_position(self) -> str:
        return self.preferences[0].position_name if self.preferences else ""

    def score(self, round_no: int, part: str) -> ScoreInfo | None:
        return next((s for s in self.scores if s.round_no == round_no and s.part == part), None)


@dataclass(frozen=True)
class ResultRow:
    """A candidate's line in a position's ranking (what the results list prints)."""

    candidate_id: int
    sbd: str | None
    full_name: str
    gender: str
    birth_date: date
    choice: int
    round2: Decimal | None
    parts: Mapping[str, Decimal | None]
    priority_points: Decimal
    priority_group: str | None
    priority_label: str | None
    total: Decimal | None
    rank: int | None
    outcome: dr.Outcome
    reason: str | None
    hired: bool
    person_id: int | None

    @property
    def result_label(self) -> str:
        return OUTCOME_SHORT[self.outcome]


@dataclass(frozen=True)
class PositionResults:
    target_id: int
    position_name: str
    unit_name: str
    quota: int
    provisional: bool
    rows: tuple[ResultRow, ...]

    def with_outcome(self, outcome: dr.Outcome) -> list[ResultRow]:
        return [r for r in self.rows if r.outcome is outcome]


@dataclass(frozen=True)
class RoundResults:
    """The ranking of every position of a round and the rule versions used."""

    round_id: int
    regime: str
    method: str
    legal_basis: str
    priority_rule: str
    positions: tuple[PositionResults, ...]
    domain: dr.RankingResult | None = field(default=None, repr=False, compare=False)

    @property
    def pending_decisions(self) -> list[PositionResults]:
        return [p for p in self.positions if p.with_outcome(dr.Outcome.CAN_QUYET_DINH)]

    def position(self, target_id: int) -> PositionResults:
        for p in self.positions:
            if p.target_id == target_id:
                return p
        raise NotFoundError("target_not_found", "Không có vị trí này trong kỳ tuyển dụng.", field="target_id")

    def winners(self) -> list[tuple[PositionResults, ResultRow]]:
        return [(p, r) for p in self.positions for r in p.rows if r.outcome is dr.Outcome.TRUNG_TUYEN]


@dataclass(frozen=True)
class EventInfo:
    id: int
    kind: str
    event_date: date
    from_status: str | None
    to_status: str | None
    target_id: int | None
    candidate_id: int | None
    candidate_name: str | None
    chosen: tuple[int, ...]
    reason_code: str | None
    reason: str | None
    decision: DecisionInfo | None
    user: str | None

    def text(self) -> str:
        """One line of the round's history, as shown on screen."""
        if self.kind == "status":
            return (f"{STATUS_LABELS.get(self.from_status or '', self.from_status or '')} → "
                    f"{STATUS_LABELS.get(self.to_status or '', self.to_status or '')}")
        if self.kind == "tie_decision":
            return "Quyết định của người đứng đầu về người trúng tuyển khi bằng điểm"
        if self.kind == "withdrawal":
            return f"{self.candidate_name}: {WITHDRAWAL_REASONS.get(self.reason_code or '', self.reason or '')}"
        if self.kind == "hire":
            return f"Tuyển dụng {self.candidate_name}"
        return self.kind


@dataclass(frozen=True)
class RecruitmentPlaces:
    """Places still being recruited for on a day (open rounds): per unit and category, optionally per
    position (`position_id` of any version of it)."""

    unit_id: int
    category: str
    places: int
    position_id: int | None = None
