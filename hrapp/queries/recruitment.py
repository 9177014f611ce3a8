"""Read side of recruitment: rounds, targets, candidates, scores, the ranking of a round (through the domain
function shared with the CLI) and the places open rounds hold in the staffing view."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from hrapp import catalogs
from hrapp.db.models import (
    Candidate,
    Decision,
    JobPosition,
    OrgUnit,
    Rank,
    RecruitmentRound,
    RecruitmentTarget,
    RoundEvent,
    Score,
)
from hrapp.domain import recruitment as dr
from hrapp.domain.decisions import DecisionInfo, decision_info
from hrapp.domain.priority import PriorityTable
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError, NotFoundError

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


def regime_round1_parts(regime: dr.RecruitmentRegime, method: str) -> tuple[Round1Part, ...]:
    raw = regime.rule.params["methods"][method].get("round1", {}).get("parts", [])
    return tuple(Round1Part(p["code"], p["label"], int(p["questions"])) for p in raw)


def default_round2_parts(method: dr.MethodRule) -> tuple[Round2Part, ...]:
    """One score out of the maximum; where the regime splits round 2, its first part carries it all."""
    if not method.parts:
        return (Round2Part(TOTAL_PART, method.round2_label or "Điểm vòng 2", method.round2_max),)
    first = method.parts[0]
    return (Round2Part(first.code, first.label, method.round2_max, first.min_ratio),)


def rules_date(session: Session, rnd: RecruitmentRound) -> date | None:
    """The day that picks the rule versions: the notice date, else the plan's signing date."""
    if rnd.notice_date is not None:
        return rnd.notice_date
    if rnd.plan_decision_id is not None:
        plan = session.get(Decision, rnd.plan_decision_id)
        if plan is not None:
            return plan.sign_date
    return None


def round_setup(session: Session, rulebook: RuleBook, rnd: RecruitmentRound) -> RoundSetup:
    regime = dr.regime(rulebook, rnd.regime)
    method = regime.method(rnd.method)
    on = rules_date(session, rnd)
    priority = regime.priority_table(rulebook, on if on is not None and regime.rule.applies_on(on) else None)
    r1_default = {p.code: p for p in regime_round1_parts(regime, rnd.method)}
    if rnd.round1_parts:
        r1 = tuple(
            Round1Part(p["code"], r1_default[p["code"]].label if p["code"] in r1_default else p["code"],
                       int(p["questions"]))
            for p in rnd.round1_parts
        )
    else:
        r1 = tuple(r1_default.values())
    if rnd.round2_parts:
        r2 = []
        for p in rnd.round2_parts:
            rule = method.part(p["code"])
            label = rule.label if rule else (method.round2_label or "Điểm vòng 2")
            r2.append(Round2Part(p["code"], label, Decimal(str(p["max"])), rule.min_ratio if rule else None))
        parts = tuple(r2)
    else:
        parts = default_round2_parts(method)
    return RoundSetup(regime, method, priority, on, r1, parts)


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
        return reasons_text(self.ineligible_reasons)

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


# ----------------------------------------------------------------------------------------------------
# Helpers


def get_round(session: Session, round_id: int) -> RecruitmentRound:
    rnd = session.get(RecruitmentRound, round_id)
    if rnd is None:
        raise NotFoundError("round_not_found", "Không tìm thấy kỳ tuyển dụng này (có thể đã bị xóa).",
                            field="round_id")
    return rnd


def _dinfo(session: Session, decision_id: int | None) -> DecisionInfo | None:
    if decision_id is None:
        return None
    d = session.get(Decision, decision_id)
    return decision_info(d) if d is not None else None


def level_name(code: str | None) -> str:
    return catalogs.label("qualification_level", code, "")


def education_requirement(pos: JobPosition, rank: Rank | None) -> str:
    """'Đại học trở lên, chuyên ngành Công nghệ thông tin' (empty when the position sets nothing)."""
    level = pos.req_education_level or (rank.required_education if rank else None)
    parts = []
    if level:
        parts.append(f"{level_name(level)} trở lên")
    if pos.req_major:
        parts.append(f"chuyên ngành {pos.req_major}")
    return ", ".join(parts)


def other_requirements(pos: JobPosition) -> str:
    """The conditions a candidate must meet besides the degree (LLCT and QLNN come by training later)."""
    parts = []
    for kind, code in (("tin_hoc", pos.req_it), ("ngoai_ngu", pos.req_language)):
        if code:
            parts.append(f"{catalogs.label('qualification_kind', kind)}: {level_name(code)}")
    if pos.req_experience_years:
        parts.append(f"kinh nghiệm từ {pos.req_experience_years} năm")
    return "; ".join(parts)


def target_info(session: Session, t: RecruitmentTarget, hired: int = 0) -> TargetInfo:
    pos = session.get(JobPosition, t.position_id)
    assert pos is not None
    unit = session.get(OrgUnit, pos.unit_id)
    rank_code = t.rank_code or pos.min_rank_code
    rank = session.get(Rank, rank_code) if rank_code else None
    edu = education_requirement(pos, rank)
    other = other_requirements(pos)
    return TargetInfo(
        id=t.id, position_id=pos.id, position_code=pos.code, position_name=pos.name, unit_id=pos.unit_id,
        unit_name=unit.name if unit else "", quota=t.quota, vacancies_seen=t.vacancies_seen,
        over_vacancy_reason=t.over_vacancy_reason, rank_code=rank_code, rank_name=rank.name if rank else None,
        requirements="; ".join(x for x in (edu, other) if x), education_requirement=edu,
        other_requirements=other, hired=hired, note=t.note,
    )


def _hired_by_target(session: Session, round_id: int) -> dict[int, int]:
    rows = session.execute(
        select(Candidate.hired_target_id, func.count()).where(
            Candidate.round_id == round_id, Candidate.status == "hired"
        ).group_by(Candidate.hired_target_id)
    )
    return {tid: n for tid, n in rows if tid is not None}


def round_info(session: Session, rulebook: RuleBook, round_id: int) -> RoundInfo:
    rnd = get_round(session, round_id)
    setup = round_setup(session, rulebook, rnd)
    hired = _hired_by_target(session, rnd.id)
    count = session.scalar(select(func.count()).select_from(Candidate).where(Candidate.round_id == rnd.id)) or 0
    allowed = tuple(Round2Part(p.code, p.label, setup.method.round2_max, p.min_ratio) for p in setup.method.parts)
    return RoundInfo(
        id=rnd.id, name=rnd.name, year=rnd.year, subject=rnd.subject, regime=rnd.regime,
        regime_label=setup.regime.rule.params.get("subject_label", "") + " – " + setup.regime.rule.legal_basis,
        legal_basis=setup.regime.rule.legal_basis, method=rnd.method, method_label=setup.method.label,
        category=rnd.category, plan_decision=_dinfo(session, rnd.plan_decision_id), notice_date=rnd.notice_date,
        application_deadline=rnd.application_deadline, round1_date=rnd.round1_date, round2_date=rnd.round2_date,
        council_size=rnd.council_size,
        council=tuple(CouncilMember(m.get("full_name", ""), m.get("title", ""), m.get("role", "uy_vien"),
                                    m.get("person_id")) for m in rnd.council or ()),
        council_decision=_dinfo(session, rnd.council_decision_id),
        results_decision=_dinfo(session, rnd.results_decision_id),
        round1_parts=setup.round1_parts if setup.has_round1_test else (), round2_parts=setup.round2_parts,
        split_round2=setup.split_round2, has_round1_test=setup.has_round1_test, status=rnd.status, note=rnd.note,
        targets=tuple(target_info(session, t, hired.get(t.id, 0)) for t in rnd.targets), candidates=count,
        council_sizes=setup.regime.council_sizes, allowed_parts=allowed,
        round2_pass_min=setup.method.round2_pass_min,
    )


def list_rounds(session: Session, year: int | None = None) -> list[RoundRow]:
    """Every round, newest year first."""
    q = select(RecruitmentRound).order_by(RecruitmentRound.year.desc(), RecruitmentRound.id.desc())
    if year is not None:
        q = q.where(RecruitmentRound.year == year)
    rounds = session.scalars(q.options(selectinload(RecruitmentRound.targets))).all()
    counts = dict(session.execute(select(Candidate.round_id, func.count()).group_by(Candidate.round_id)).all())
    hired = dict(session.execute(select(Candidate.round_id, func.count()).where(Candidate.status == "hired")
                                 .group_by(Candidate.round_id)).all())
    out: list[RoundRow] = []
    for r in rounds:
        plan = session.get(Decision, r.plan_decision_id) if r.plan_decision_id else None
        label = METHOD_LABELS.get(r.method, r.method)
        out.append(RoundRow(
            id=r.id, name=r.name, year=r.year, regime=r.regime, method=r.method, method_label=label,
            status=r.status, plan_number=plan.number if plan else None, plan_date=plan.sign_date if plan else None,
            positions=len(r.targets), quota=sum(t.quota for t in r.targets), candidates=counts.get(r.id, 0),
            hired=hired.get(r.id, 0),
        ))
    return out


# ----------------------------------------------------------------------------------------------------
# Candidates and scores


def _candidates(session: Session, round_id: int) -> list[Candidate]:
    return list(session.scalars(
        select(Candidate).where(Candidate.round_id == round_id)
        .options(selectinload(Candidate.preferences), selectinload(Candidate.scores).selectinload(Score.changes))
        .order_by(Candidate.sort_key, Candidate.id)
    ))


def reasons_text(reasons: Iterable[str]) -> str:
    """Reasons written as sentences joined into one: 'Trình độ …, người dự tuyển có Cao đẳng; Chuyên ngành: …'
    (each reason's own full stop dropped, one at the end, no '.;')."""
    parts = [r.strip().rstrip(".;").strip() for r in reasons]
    parts = [p for p in parts if p]
    return "; ".join(parts) + "." if parts else ""


def round1_result(c: Candidate, setup: RoundSetup) -> tuple[bool | None, str | None]:
    """(passed, reason if not): None while the eligibility check or a round-1 score is missing."""
    if c.eligible is None:
        return None, "Chưa kiểm tra điều kiện, tiêu chuẩn dự tuyển."
    if not c.eligible:
        return False, reasons_text(c.ineligible_reasons or ()) or "Không đủ điều kiện, tiêu chuẩn dự tuyển."
    if not setup.has_round1_test:
        return True, None
    exempt = set(c.exemptions or ())
    scores = {s.part: s for s in c.scores if s.round_no == 1}
    for part in setup.round1_parts:
        if part.code in exempt:
            continue
        s = scores.get(part.code)
        if s is None:
            return None, f"Chưa có kết quả vòng 1 phần {part.label.lower()}."
        if s.absent or s.value is None:
            return False, f"Vắng thi vòng 1 ({part.label.lower()})."
        if not setup.method.round1_passes(int(s.value), part.questions):
            ratio = setup.method.round1_pass_ratio or Decimal(0)
            return False, (f"Vòng 1 phần {part.label.lower()}: {int(s.value)}/{part.questions} câu đúng, "
                           f"dưới {_pct(ratio)}%.")
    return True, None


def _pct(ratio: Decimal) -> str:
    value = (ratio * 100).normalize()
    return format(value, "f").replace(".", ",")


def round2_result(c: Candidate, setup: RoundSetup) -> tuple[Decimal | None, dict[str, Decimal | None], bool]:
    """(round-2 score when every part is in, part scores, absent)."""
    scores = {s.part: s for s in c.scores if s.round_no == 2}
    parts: dict[str, Decimal | None] = {}
    absent = False
    complete = True
    for p in setup.round2_parts:
        s = scores.get(p.code)
        if s is None:
            complete = False
            parts[p.code] = None
        elif s.absent or s.value is None:
            absent = True
            parts[p.code] = None
        else:
            parts[p.code] = Decimal(s.value)
    if absent or not complete:
        return None, parts, absent
    return sum((v for v in parts.values() if v is not None), Decimal(0)), parts, False


def candidate_info(session: Session, c: Candidate, setup: RoundSetup,
                   targets: Mapping[int, TargetInfo]) -> CandidateInfo:
    try:
        award = setup.priority.award(c.priority_groups or ())
        points, plabel = award.points, (award.group.label if award.group else None)
    except DomainError:  # a code an administrator removed from the rule data: shown without points
        points, plabel = Decimal(0), None
    passed, reason = round1_result(c, setup)
    round2, _parts, absent = round2_result(c, setup)
    prefs = tuple(
        PreferenceInfo(p.target_id, p.choice, targets[p.target_id].position_name if p.target_id in targets else "",
                       targets[p.target_id].unit_name if p.target_id in targets else "", p.eligible,
                       tuple(p.reasons or ()))
        for p in sorted(c.preferences, key=lambda p: p.choice)
    )
    return CandidateInfo(
        id=c.id, round_id=c.round_id, sbd=c.sbd, full_name=c.full_name, gender=c.gender, birth_date=c.birth_date,
        birth_place=c.birth_place, home_town=c.home_town, ethnicity=c.ethnicity, religion=c.religion,
        id_number=c.id_number, id_issue_date=c.id_issue_date, id_issue_place=c.id_issue_place,
        permanent_address=c.permanent_address, current_address=c.current_address, phone=c.phone, email=c.email,
        education_level=c.education_level, major=c.major, institution=c.institution,
        graduation_year=c.graduation_year, degree_grade=c.degree_grade,
        qualifications=tuple(QualificationItem.from_json(q) for q in c.qualifications or ()),
        experience_years=c.experience_years, priority_groups=tuple(c.priority_groups or ()),
        priority_points=points, priority_label=plabel, exemptions=tuple(c.exemptions or ()),
        exemption_note=c.exemption_note, applied_on=c.applied_on, eligible=c.eligible,
        ineligible_reasons=tuple(c.ineligible_reasons or ()), preferences=prefs,
        scores=tuple(ScoreInfo(s.round_no, s.part, None if s.value is None else Decimal(s.value),
                               Decimal(s.max_value), s.absent, len(s.changes)) for s in c.scores),
        round1_passed=passed, round1_reason=reason, round2=round2, round2_absent=absent, status=c.status,
        person_id=c.person_id, note=c.note,
    )


def candidate_infos(session: Session, rulebook: RuleBook, round_id: int) -> list[CandidateInfo]:
    """The round's candidates in Vietnamese given-name order."""
    rnd = get_round(session, round_id)
    setup = round_setup(session, rulebook, rnd)
    targets = {t.id: target_info(session, t) for t in rnd.targets}
    return [candidate_info(session, c, setup, targets) for c in _candidates(session, round_id)]


def score_history(session: Session, candidate_id: int) -> list[dict[str, Any]]:
    """Every replaced score of a candidate, oldest first (what re-marking changed and why)."""
    out: list[dict[str, Any]] = []
    for s in session.scalars(select(Score).where(Score.candidate_id == candidate_id)
                             .options(selectinload(Score.changes))):
        for ch in s.changes:
            out.append({"round_no": s.round_no, "part": s.part, "kind": ch.kind, "old_value": ch.old_value,
                        "new_value": ch.new_value, "old_absent": ch.old_absent, "new_absent": ch.new_absent,
                        "reason": ch.reason, "decision": _dinfo(session, ch.decision_id),
                        "changed_by": ch.changed_by, "changed_at": ch.changed_at})
    out.sort(key=lambda d: d["changed_at"])
    return out


def events(session: Session, round_id: int) -> list[EventInfo]:
    rows = session.scalars(select(RoundEvent).where(RoundEvent.round_id == round_id).order_by(RoundEvent.id))
    names = dict(session.execute(select(Candidate.id, Candidate.full_name)
                                 .where(Candidate.round_id == round_id)).all())
    return [
        EventInfo(
            id=e.id, kind=e.kind, event_date=e.event_date, from_status=e.from_status, to_status=e.to_status,
            target_id=e.target_id, candidate_id=e.candidate_id,
            candidate_name=names.get(e.candidate_id) if e.candidate_id else None,
            chosen=tuple(e.chosen or ()), reason_code=e.reason_code, reason=e.reason,
            decision=_dinfo(session, e.decision_id), user=e.user,
        )
        for e in rows
    ]


# ----------------------------------------------------------------------------------------------------
# Ranking


def ranking_inputs(session: Session, rnd: RecruitmentRound, setup: RoundSetup,
                   candidates: Sequence[Candidate]) -> tuple[list[dr.Candidate], dict[str, list[int]], dict[str, str]]:
    """Domain candidates; each one's preference choices in the order passed; why a candidate cannot rank.

    Eligibility is checked per position: the first preference decides whether the candidate sits the exam
    (one who fails it is listed there as not eligible, with the reasons); a later preference the candidate
    does not qualify for is left out, the others keep their order.
    """
    out: list[dr.Candidate] = []
    choices: dict[str, list[int]] = {}
    reasons: dict[str, str] = {}
    for c in candidates:
        prefs = sorted(c.preferences, key=lambda p: p.choice)
        if not prefs:
            continue
        usable = [p for p in prefs if p.eligible]
        passed, why = round1_result(c, setup)
        ok = bool(prefs[0].eligible) and passed is True
        chosen = usable if ok else prefs
        round2, parts, absent = round2_result(c, setup)
        domain_parts: tuple[dr.RoundTwoPart, ...] = ()
        if ok and round2 is not None and setup.split_round2:
            domain_parts = tuple(dr.RoundTwoPart(p.code, parts[p.code] or Decimal(0), p.max)
                                 for p in setup.round2_parts)
        cid = str(c.id)
        out.append(dr.Candidate(
            id=cid, full_name=c.full_name, preferences=tuple(str(p.target_id) for p in chosen),
            priority_groups=tuple(c.priority_groups or ()), round1_passed=ok,
            round2=round2 if ok else None, round2_parts=domain_parts,
        ))
        choices[cid] = [p.choice for p in chosen]
        if not ok:
            reasons[cid] = why or "Không đủ điều kiện dự tuyển ở vị trí đã đăng ký."
        elif absent:
            reasons[cid] = "Vắng mặt ở vòng 2."
    return out, choices, reasons


def decisions_and_withdrawals(session: Session, round_id: int) -> tuple[dict[str, list[str]], list[str]]:
    decisions: dict[str, list[str]] = {}
    withdrawn: list[str] = []
    for e in session.scalars(select(RoundEvent).where(
            RoundEvent.round_id == round_id, RoundEvent.kind.in_(("tie_decision", "withdrawal")))
            .order_by(RoundEvent.id)):
        if e.kind == "tie_decision" and e.target_id is not None:
            decisions[str(e.target_id)] = [str(x) for x in e.chosen or ()]
        elif e.kind == "withdrawal" and e.candidate_id is not None:
            withdrawn.append(str(e.candidate_id))
    return decisions, withdrawn


def compute_results(session: Session, rulebook: RuleBook, round_id: int, *,
                    extra_decisions: Mapping[str, Sequence[str]] | None = None,
                    extra_withdrawn: Sequence[str] = ()) -> RoundResults:
    """Rank every position of the round with `hrapp.domain.recruitment.rank_positions`.

    `extra_decisions`/`extra_withdrawn` let a service check a decision or a withdrawal before saving it.
    """
    rnd = get_round(session, round_id)
    setup = round_setup(session, rulebook, rnd)
    cands = _candidates(session, round_id)
    by_id = {str(c.id): c for c in cands}
    domain_cands, choices, reasons = ranking_inputs(session, rnd, setup, cands)
    decisions, withdrawn = decisions_and_withdrawals(session, round_id)
    if extra_decisions:
        decisions.update({k: list(v) for k, v in extra_decisions.items()})
    withdrawn += list(extra_withdrawn)
    targets = [dr.Target(str(t.id), t.quota) for t in rnd.targets]
    infos = {t.id: target_info(session, t) for t in rnd.targets}
    if not targets:
        return RoundResults(rnd.id, rnd.regime, rnd.method, setup.regime.rule.legal_basis,
                            setup.priority.rule.legal_basis, ())
    result = dr.rank_positions(targets, domain_cands, regime=setup.regime, method=rnd.method,
                               priority=setup.priority, decisions=decisions, withdrawn=withdrawn)
    positions: list[PositionResults] = []
    for pr in result.positions:
        tid = int(pr.position)
        rows: list[ResultRow] = []
        for e in pr.entries:
            c = by_id[e.candidate_id]
            _r2, parts, _absent = round2_result(c, setup)
            phase_choices = choices.get(e.candidate_id, [])
            choice = phase_choices[e.preference - 1] if 0 < e.preference <= len(phase_choices) else e.preference
            group = setup.priority.group(e.priority_group) if e.priority_group else None
            reason = (reasons.get(e.candidate_id) or e.reason) if e.result is dr.Outcome.KHONG_DU_DIEU_KIEN else e.reason
            rows.append(ResultRow(
                candidate_id=c.id, sbd=c.sbd, full_name=c.full_name, gender=c.gender, birth_date=c.birth_date,
                choice=choice, round2=e.round2, parts=parts, priority_points=e.priority_points,
                priority_group=e.priority_group, priority_label=group.label if group else None, total=e.total,
                rank=e.rank, outcome=e.result, reason=reason,
                hired=c.status == "hired" and c.hired_target_id == tid, person_id=c.person_id,
            ))
        info = infos[tid]
        positions.append(PositionResults(tid, info.position_name, info.unit_name, pr.quota, pr.provisional,
                                         tuple(rows)))
    return RoundResults(rnd.id, rnd.regime, rnd.method, setup.regime.rule.legal_basis,
                        setup.priority.rule.legal_basis, tuple(positions), result)


# ----------------------------------------------------------------------------------------------------
# Places in recruitment (read by the staffing view, hrapp.queries.staffing)


@dataclass(frozen=True)
class RecruitmentPlaces:
    """Places still being recruited for on a day (open rounds): per unit and category, optionally per
    position (`position_id` of any version of it)."""

    unit_id: int
    category: str
    places: int
    position_id: int | None = None


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



def round_to_json(info: RoundInfo, results: RoundResults | None = None) -> dict[str, Any]:
    """The CLI's view of a round (`recruitment list --format json`)."""
    winners = len(results.winners()) if results else None
    return {
        "id": info.id,
        "name": info.name,
        "year": info.year,
        "regime": info.regime,
        "method": info.method,
        "category": info.category,
        "status": info.status,
        "plan_decision": info.plan_decision.label() if info.plan_decision else None,
        "notice_date": info.notice_date.isoformat() if info.notice_date else None,
        "application_deadline": info.application_deadline.isoformat() if info.application_deadline else None,
        "targets": [
            {"position_id": t.position_id, "position": t.position_code, "position_name": t.position_name,
             "unit": t.unit_name, "quota": t.quota, "hired": t.hired}
            for t in info.targets
        ],
        "quota": info.quota,
        "candidates": info.candidates,
        "winners": winners,
        "hired": sum(t.hired for t in info.targets),
    }
