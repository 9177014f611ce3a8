"""Recruitment rounds (kỳ tuyển dụng) from the plan to hired staff: round lifecycle, targets checked against
vacancies, candidates and their eligibility, candidate numbers, scores and re-marking, the head's tie
decisions, withdrawals and the hiring of the winners into staff records. One user action, one unit of work."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Candidate,
    CandidatePreference,
    Employment,
    JobPosition,
    OrgUnit,
    Person,
    Qualification,
    Rank,
    RankAssignment,
    RecruitmentRound,
    RecruitmentTarget,
    RoundEvent,
    SalaryStep,
    Score,
    ScoreChange,
)
from hrapp.db.scope import ALL_UNITS, scope_units
from hrapp.domain import recruitment as dr
from hrapp.domain import validation as v
from hrapp.domain.probation import probation
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.recruitment import (
    COUNCIL_ROLES,
    STATUS_LABELS,
    STATUSES,
    SUBJECT_CATEGORIES,
    TOTAL_PART,
    WITHDRAWAL_REASONS,
    CandidateInfo,
    CouncilMember,
    QualificationItem,
    RoundInfo,
    RoundResults,
    RoundSetup,
    get_candidate,
    get_round,
    list_candidates,
    list_rounds,
    priority_choices,
    results,
    round_events,
)
from hrapp.queries.recruitment import _session as q
from hrapp.queries.recruitment._places import round_places
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionInput, DecisionRef, add_decision, decision_errors
from hrapp.services.persons import (
    EmploymentInput,
    IdentityInput,
    NewPerson,
    QualificationInput,
    SalaryInput,
    new_person_errors,
)
from hrapp.services.snapshot import refresh_snapshot, set_name
from hrapp.text import fold, name_sort_key, normalize_name

__all__ = [
    "CandidateInput", "CouncilMember", "HireInput", "HireResult", "PartSetting", "QualificationItem", "Remark",
    "RoundInput", "ScoreEntry", "ScoreSheet", "StatusChange", "TargetInput", "TieDecision", "Withdrawal",
    "add_candidate", "assign_sbd", "assign_sbd_in", "candidate_errors", "change_status", "change_status_in",
    "check_eligibility", "create_round", "create_round_in",
    "delete_candidate", "delete_round", "eligibility_reasons", "enter_scores", "get_round", "hire_winners",
    "list_rounds", "list_candidates", "next_statuses", "position_vacancy", "priority_choices",
    "record_tie_decision", "record_withdrawal", "remark_score", "remove_target", "results", "round_events",
    "Requirement", "StepRequirements", "set_target", "set_target_in", "step_requirements", "update_candidate",
    "update_round",
]

FORWARD = {"draft": "open", "open": "round1", "round1": "round2", "round2": "results", "results": "closed"}
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


# ============================================================================================== reading


def next_statuses(info: RoundInfo) -> tuple[str | None, str | None]:
    """(forward, backward) status the round may move to."""
    return FORWARD.get(info.status), BACKWARD.get(info.status)


# ============================================================================================== helpers


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _today() -> date:
    return clock.today()


def _round_for_update(s: Session, round_id: int) -> RecruitmentRound:
    return q.get_round(s, round_id)


def _require_status(rnd: RecruitmentRound, allowed: Sequence[str], what: str) -> None:
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


# ============================================================================================== rounds


def _regime_errors(ctx: ServiceContext, dto: RoundInput) -> tuple[v.Errors, dr.RecruitmentRegime | None]:
    errors: v.Errors = []
    try:
        regime = dr.regime(ctx.rulebook, dto.regime)
    except DomainError as exc:
        return [("regime", exc.message)], None
    try:
        regime.method(dto.method)
    except DomainError as exc:
        errors.append(("method", exc.message))
    category = dto.category or SUBJECT_CATEGORIES[regime.subject][0]
    if category not in SUBJECT_CATEGORIES.get(regime.subject, ()):
        allowed = ", ".join(catalogs.label("category", c) for c in SUBJECT_CATEGORIES[regime.subject])
        errors.append(("category", messages.text("regime_allows_only", regime=regime.code, allowed=allowed)))
    return errors, regime


def round_errors(ctx: ServiceContext, dto: RoundInput) -> v.Errors:
    """Every problem of a round's fields that can be seen without the database."""
    errors: v.Errors = []
    name = (dto.name or "").strip()
    if not name:
        errors.append(("name", messages.text("round_name_missing")))
    elif len(name) > 300:
        errors.append(("name", messages.text("round_name_too_long")))
    if not isinstance(dto.year, int) or isinstance(dto.year, bool) or not 1990 <= dto.year <= 2100:
        errors.append(("year", messages.text("round_year_range")))
    regime_errors, regime = _regime_errors(ctx, dto)
    errors += regime_errors
    errors += _decision_ref_errors(dto.plan_decision, "plan_decision", False, "kế hoạch tuyển dụng")
    errors += _decision_ref_errors(dto.council_decision, "council_decision", False,
                                   "quyết định thành lập Hội đồng tuyển dụng")
    deadline = _deadline(dto, regime)
    errors += v.collect(("application_deadline", v.order_error(dto.notice_date, deadline, "ngày thông báo",
                                                               "Hạn nhận phiếu đăng ký")))
    if dto.round1_date and deadline and dto.round1_date <= deadline:
        errors.append(("round1_date", messages.text("round1_after_deadline", deadline=deadline)))
    errors += v.collect(("round2_date", v.order_error(dto.round1_date, dto.round2_date, "ngày thi vòng 1",
                                                      "Ngày vòng 2")))
    if dto.council:
        errors += _council_errors(dto.council, regime)
    if regime is not None and not any(f == "method" for f, _ in errors):
        errors += _parts_errors(dto.round2_parts, regime.method(dto.method))
    return errors


def _deadline(dto: RoundInput, regime: dr.RecruitmentRegime | None) -> date | None:
    if dto.application_deadline is not None:
        return dto.application_deadline
    if dto.notice_date is not None and regime is not None:
        return dto.notice_date + timedelta(days=regime.application_window_days)
    return None


def _council_errors(council: Sequence[CouncilMember], regime: dr.RecruitmentRegime | None) -> v.Errors:
    errors: v.Errors = []
    if regime is not None and len(council) not in regime.council_sizes:
        sizes = " hoặc ".join(str(n) for n in regime.council_sizes)
        errors.append(("council", messages.text("council_size", sizes=sizes, count=len(council))))
    for i, m in enumerate(council):
        if not (m.full_name or "").strip():
            errors.append((f"council[{i}].full_name", messages.text("council_member_name_missing", number=i + 1)))
        if m.role not in COUNCIL_ROLES:
            errors.append((f"council[{i}].role", messages.text("council_role_invalid", role=m.role)))
    picked = [m.person_id for m in council if m.person_id is not None]
    twice = sorted({m.full_name for m in council if m.person_id is not None and picked.count(m.person_id) > 1})
    if twice:
        errors.append(("council", messages.text("council_member_twice", names=', '.join(twice))))
    chairs = sum(1 for m in council if m.role == "chu_tich")
    if chairs != 1:
        errors.append(("council", messages.text("council_chair_count")))
    if sum(1 for m in council if m.role == "uy_vien_thu_ky") > 1:
        errors.append(("council", messages.text("council_secretary_count")))
    return errors


def _parts_errors(parts: Sequence[PartSetting] | None, method: dr.MethodRule) -> v.Errors:
    if parts is None:
        return []
    if not method.parts:
        if parts and not (len(parts) == 1 and parts[0].code == TOTAL_PART and parts[0].max == method.round2_max):
            return [("round2_parts", f"Hình thức {method.label.lower()} chấm vòng 2 một điểm duy nhất, "
                                     f"thang {q.pct(method.round2_max / 100)}.")]
        return []
    errors: v.Errors = []
    if not parts:
        errors.append(("round2_parts", messages.text("round2_parts_missing")))
    seen: set[str] = set()
    for p in parts:
        if method.part(p.code) is None:
            allowed = ", ".join(x.label.lower() for x in method.parts)
            errors.append(("round2_parts", messages.text("round2_part_not_in_rules", part=p.code, allowed=allowed)))
        if p.code in seen:
            errors.append(("round2_parts", messages.text("round2_part_chosen_twice", part=p.code)))
        seen.add(p.code)
        if not isinstance(p.max, Decimal) or p.max <= 0:
            errors.append(("round2_parts", messages.text("round2_part_maximum")))
    total = sum((p.max for p in parts if isinstance(p.max, Decimal)), Decimal(0))
    if parts and total != method.round2_max:
        errors.append(("round2_parts", messages.text("round2_parts_maximum_total", top=q.pct(method.round2_max / 100), total=q.pct(total / 100))))
    return errors


def _apply_round(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, dto: RoundInput) -> None:
    regime = dr.regime(ctx.rulebook, dto.regime)
    rnd.name = dto.name.strip()
    rnd.year = dto.year
    rnd.subject = regime.subject
    rnd.regime = dto.regime
    rnd.method = dto.method
    rnd.category = dto.category or SUBJECT_CATEGORIES[regime.subject][0]
    rnd.plan_decision_id = add_decision(s, dto.plan_decision, "plan_decision").id if dto.plan_decision else None
    rnd.notice_date = dto.notice_date
    rnd.application_deadline = _deadline(dto, regime)
    rnd.round1_date = dto.round1_date
    rnd.round2_date = dto.round2_date
    rnd.council = [{"full_name": normalize_name(m.full_name), "title": (m.title or "").strip(), "role": m.role,
                    **({"person_id": m.person_id} if m.person_id is not None else {})}
                   for m in dto.council] or None
    rnd.council_size = len(dto.council) or None
    rnd.council_decision_id = (add_decision(s, dto.council_decision, "council_decision").id
                               if dto.council_decision else None)
    if dto.round2_parts is not None:
        rnd.round2_parts = [{"code": p.code, "max": str(p.max)} for p in dto.round2_parts] or None
    rnd.note = _clean(dto.note)


def create_round(ctx: ServiceContext, dto: RoundInput) -> RoundInfo:
    """A new round in draft; its positions and quotas are added with `set_target`."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        round_id = create_round_in(s, ctx, dto).id
    return get_round(ctx, round_id)


def create_round_in(s: Session, ctx: ServiceContext, dto: RoundInput) -> RecruitmentRound:
    """Validate and write a new round in draft inside the caller's unit of work (also used by the demo)."""
    v.raise_if(round_errors(ctx, dto))
    rnd = RecruitmentRound(status="draft")
    _apply_round(s, ctx, rnd, dto)
    s.add(rnd)
    s.flush()
    return rnd


def update_round(ctx: ServiceContext, round_id: int, dto: RoundInput) -> RoundInfo:
    """Edit a round. Regime, method and category change only in draft; the round-2 parts only before
    any round-2 score; nothing once the round is closed."""
    require(ctx, WRITE)
    v.raise_if(round_errors(ctx, dto))
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, round_id)
        _require_status(rnd, STATUSES[:-1], "sửa kỳ tuyển dụng")
        errors: v.Errors = []
        category = dto.category or SUBJECT_CATEGORIES[dr.regime(ctx.rulebook, dto.regime).subject][0]
        if rnd.status != "draft" and (dto.regime, dto.method, category) != (rnd.regime, rnd.method, rnd.category):
            errors.append(("regime", messages.text("round_regime_fixed")))
        new_parts = None if dto.round2_parts is None else [{"code": p.code, "max": str(p.max)}
                                                           for p in dto.round2_parts]
        if dto.round2_parts is not None and _norm_parts(new_parts) != _norm_parts(rnd.round2_parts) \
                and _score_count(s, rnd.id, 2):
            errors.append(("round2_parts", messages.text("round2_parts_fixed")))
        v.raise_if(errors)
        _apply_round(s, ctx, rnd, dto)
    return get_round(ctx, round_id)


def _norm_parts(parts: list | None) -> list[tuple[str, Decimal]]:
    return [(p["code"], Decimal(str(p["max"]))) for p in parts or ()]


def delete_round(ctx: ServiceContext, round_id: int) -> None:
    """Only a draft round with no candidates can be deleted; any other is kept for the record."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, round_id)
        _require_status(rnd, ("draft",), "xóa kỳ tuyển dụng")
        if s.scalar(select(func.count()).select_from(Candidate).where(Candidate.round_id == rnd.id)):
            raise DomainError("has_candidates", "Kỳ tuyển dụng đã có người đăng ký nên không thể xóa.")
        s.delete(rnd)


# ============================================================================================== targets


def _vacancy(s: Session, rnd: RecruitmentRound, position: JobPosition, own_target: RecruitmentTarget | None,
             on: date) -> int:
    """The position's vacancies in the staffing view on `on`, not counting this round's own places."""
    from hrapp.queries.staffing import staffing_table

    table = staffing_table(s, rnd.year, on, with_positions=True)
    row = next((p for p in table.positions if p.unit_id == position.unit_id and p.code == position.code), None)
    if row is None:
        return 0
    own = round_places(s, rnd, on).get(own_target.id, 0) if own_target is not None else 0
    return row.vacancy + own


def _target_of(s: Session, rnd: RecruitmentRound, position_id: int) -> RecruitmentTarget | None:
    return next((t for t in rnd.targets if t.position_id == position_id), None)


def _vacancy_date(s: Session, rnd: RecruitmentRound, today: date) -> date:
    return q.rules_date(s, rnd) or today


def position_vacancy(ctx: ServiceContext, round_id: int, position_id: int, *, today: date | None = None) -> int:
    """Vacancies of a position as the staffing view counts them on the round's date (its own places excluded)."""
    require(ctx, READ)
    with ctx.read() as s:
        rnd = q.get_round(s, round_id)
        pos = s.get(JobPosition, position_id)
        if pos is None:
            raise NotFoundError("position_not_found", "Không tìm thấy vị trí việc làm này.", field="position_id")
        return _vacancy(s, rnd, pos, _target_of(s, rnd, position_id), _vacancy_date(s, rnd, today or _today()))


def set_target(ctx: ServiceContext, dto: TargetInput, *, today: date | None = None) -> RoundInfo:
    """Add a position to the round or change its quota. A quota above the position's vacancies (staffing
    view) is refused unless the officer records the reason."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        set_target_in(s, dto, today)
    return get_round(ctx, dto.round_id)


def set_target_in(s: Session, dto: TargetInput, today: date) -> RecruitmentTarget:
    """`set_target` inside the caller's unit of work (also used by the demo)."""
    rnd = _round_for_update(s, dto.round_id)
    _require_status(rnd, ("draft", "open"), "sửa chỉ tiêu tuyển dụng")
    pos = s.get(JobPosition, dto.position_id)
    errors: v.Errors = []
    if pos is None:
        raise NotFoundError("position_not_found", "Không tìm thấy vị trí việc làm này.", field="position_id")
    if pos.status not in ("approved", "draft"):
        errors.append(("position_id", messages.text("target_position_frozen", name=pos.name)))
    if isinstance(dto.quota, bool) or not isinstance(dto.quota, int) or dto.quota < 1:
        errors.append(("quota", messages.text("target_quota_whole")))
    if dto.rank_code:
        errors += v.collect(("rank_code", v.rank_error(dto.rank_code)))
    v.raise_if(errors)
    assert pos is not None
    target = _target_of(s, rnd, pos.id)
    vacancy = _vacancy(s, rnd, pos, target, _vacancy_date(s, rnd, today))
    reason = _clean(dto.over_vacancy_reason)
    if dto.quota > vacancy and not reason:
        raise ValidationError([("over_vacancy_reason",
                                messages.text("target_quota_over_vacancy", quota=dto.quota, name=pos.name, vacancy=vacancy))])
    if target is None:
        target = RecruitmentTarget(round_id=rnd.id, position_id=pos.id,
                                   sort_order=max((t.sort_order for t in rnd.targets), default=0) + 1)
        rnd.targets.append(target)
    target.quota = dto.quota
    target.vacancies_seen = vacancy
    target.over_vacancy_reason = reason if dto.quota > vacancy else None
    target.rank_code = dto.rank_code or None
    target.note = _clean(dto.note)
    return target


def remove_target(ctx: ServiceContext, target_id: int) -> RoundInfo:
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        t = s.get(RecruitmentTarget, target_id)
        if t is None:
            raise NotFoundError("target_not_found", "Không tìm thấy vị trí này trong kỳ tuyển dụng.")
        rnd = t.round
        _require_status(rnd, ("draft", "open"), "bỏ vị trí khỏi kỳ tuyển dụng")
        if s.scalar(select(func.count()).select_from(CandidatePreference)
                    .where(CandidatePreference.target_id == t.id)):
            raise DomainError("has_candidates", "Đã có người đăng ký vị trí này nên không thể bỏ.")
        round_id = rnd.id
        rnd.targets.remove(t)
    return get_round(ctx, round_id)


# ============================================================================================== status


def change_status(ctx: ServiceContext, dto: StatusChange, *, today: date | None = None) -> RoundInfo:
    """Move the round one step: draft → open → round 1 → round 2 → results → closed, each step checked;
    one step back (with a reason) while nothing of the later step has been recorded."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        change_status_in(s, ctx, dto, today)
    return get_round(ctx, dto.round_id)


def change_status_in(s: Session, ctx: ServiceContext, dto: StatusChange, today: date) -> RecruitmentRound:
    """`change_status` inside the caller's unit of work (also used by the demo)."""
    rnd = _round_for_update(s, dto.round_id)
    if dto.to_status not in STATUSES:
        raise DomainError("round_status_invalid", status=dto.to_status, field="to_status")
    day = dto.event_date or today
    if FORWARD.get(rnd.status) == dto.to_status:
        _check_forward(s, ctx, rnd, dto, day)
    elif BACKWARD.get(rnd.status) == dto.to_status:
        _check_backward(s, rnd, dto)
    else:
        raise DomainError("status_transition", old=STATUS_LABELS[rnd.status], new=STATUS_LABELS[dto.to_status], field="to_status")
    last = s.scalar(select(func.max(RoundEvent.event_date)).where(RoundEvent.round_id == rnd.id,
                                                                   RoundEvent.kind == "status"))
    if last is not None and day < last:
        raise ValidationError([("event_date", messages.text("status_date_order", last=last))])
    if dto.to_status == "round1":
        _check_all(s, ctx, rnd, today)
    if dto.to_status == "results" and dto.decision is not None:
        rnd.results_decision_id = add_decision(s, dto.decision, "decision").id
    if BACKWARD.get(rnd.status) == dto.to_status and rnd.status == "results":
        rnd.results_decision_id = None
    _event(s, ctx, rnd, "status", day, from_status=rnd.status, to_status=dto.to_status,
           reason=_clean(dto.reason),
           decision_id=rnd.results_decision_id if dto.to_status == "results" else None)
    rnd.status = dto.to_status
    s.flush()
    if dto.to_status == "results":
        q.compute_results(s, ctx.rulebook, rnd.id)  # the ranking must be computable
    return rnd


@dataclass(frozen=True)
class Requirement:
    """Something a step of the round still needs: `field` names what is missing (as in the refusal), `where`
    where the officer supplies it (the round form's general or council tab, or a tab of the round), and
    `blocking` is False for a condition that depends on the date chosen when the step is taken."""

    field: str
    message: str
    where: str
    blocking: bool = True


@dataclass(frozen=True)
class StepRequirements:
    """What moving the round to `to_status` still needs, read before the officer asks for it."""

    to_status: str
    missing: tuple[Requirement, ...]

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.to_status]

    @property
    def ready(self) -> bool:
        return not any(r.blocking for r in self.missing)


SETUP_FIELDS = ("plan_decision", "notice_date", "application_deadline", "targets", "council")
"""Preconditions written ahead in the round's form or its positions, listed for later steps too."""
SETUP_STEPS = ("open", "round1")
"""The steps whose preconditions include some of SETUP_FIELDS."""


def _forward_missing(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, to_status: str,
                     day: date) -> list[Requirement]:
    """What the forward step to `to_status` lacks on `day`: the one list that refuses the step and that the
    page shows before the officer presses (see `step_requirements`)."""
    out: list[Requirement] = []
    if to_status == "open":
        if rnd.plan_decision_id is None:
            out.append(Requirement("plan_decision", "Chưa có kế hoạch tuyển dụng (số, ngày ký).", "round:general"))
        if rnd.notice_date is None:
            out.append(Requirement("notice_date", "Chưa có ngày thông báo tuyển dụng.", "round:general"))
        if rnd.application_deadline is None:
            out.append(Requirement("application_deadline", "Chưa có hạn nhận phiếu đăng ký dự tuyển.",
                                   "round:general"))
        if not rnd.targets:
            out.append(Requirement("targets", "Chưa có vị trí và chỉ tiêu tuyển dụng.", "targets"))
        return out
    setup = q.round_setup(s, ctx.rulebook, rnd)
    if to_status == "round1":
        council = rnd.council or []
        if len(council) not in setup.regime.council_sizes:
            sizes = " hoặc ".join(str(n) for n in setup.regime.council_sizes)
            out.append(Requirement("council", f"Chưa thành lập Hội đồng tuyển dụng ({sizes} thành viên).",
                                   "round:council"))
        if not s.scalar(select(func.count()).select_from(Candidate).where(Candidate.round_id == rnd.id)):
            out.append(Requirement("candidates", "Chưa có người đăng ký dự tuyển.", "candidates"))
        if rnd.application_deadline is not None and day <= rnd.application_deadline:
            out.append(Requirement("event_date", f"Chưa hết hạn nhận phiếu đăng ký dự tuyển (đến hết ngày "
                                                 f"{v.dmy(rnd.application_deadline)}).", "candidates",
                                   blocking=False))
        return out
    cands = q.candidates_of(s, rnd.id)
    if to_status == "round2":
        missing_r1 = [c.full_name for c in cands if c.eligible and q.round1_result(c, setup)[0] is None]
        if missing_r1:
            out.append(Requirement("scores", f"Còn {len(missing_r1)} người chưa có kết quả vòng 1: "
                                             f"{_names(missing_r1)}.", "round1"))
        passers = [c for c in cands if q.round1_result(c, setup)[0] is True]
        if not passers:
            out.append(Requirement("candidates", "Không có người nào đủ điều kiện dự vòng 2.", "candidates"))
        no_sbd = [c.full_name for c in passers if not c.sbd]
        if no_sbd:
            out.append(Requirement("sbd", f"Còn {len(no_sbd)} người dự vòng 2 chưa có số báo danh: "
                                          f"{_names(no_sbd)}.", "candidates"))
    elif to_status == "results":
        passers = [c for c in cands if q.round1_result(c, setup)[0] is True]
        missing = [c.full_name for c in passers
                   if any(not any(sc.round_no == 2 and sc.part == p.code for sc in c.scores)
                          for p in setup.round2_parts)]
        if missing:
            out.append(Requirement("scores", f"Còn {len(missing)} người chưa có điểm vòng 2: {_names(missing)}.",
                                   "round2"))
    elif to_status == "closed":
        res = q.compute_results(s, ctx.rulebook, rnd.id)
        if res.pending_decisions:
            names = ", ".join(p.position_name for p in res.pending_decisions)
            out.append(Requirement("decisions", f"Còn vị trí bằng điểm chờ người đứng đầu quyết định: {names}.",
                                   "results"))
        waiting = [r.full_name for _p, r in res.winners() if not r.hired]
        if waiting:
            out.append(Requirement("hire", f"Còn {len(waiting)} người trúng tuyển chưa được tuyển dụng hoặc ghi "
                                           f"nhận rút hồ sơ: {_names(waiting)}.", "hiring"))
    return out


def _check_forward(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, dto: StatusChange, day: date) -> None:
    errors: v.Errors = [(r.field, r.message) for r in _forward_missing(s, ctx, rnd, dto.to_status, day)]
    if dto.to_status == "results":
        errors += _decision_ref_errors(dto.decision, "decision", False, "quyết định công nhận kết quả")
    v.raise_if(errors)


def step_requirements(ctx: ServiceContext, round_id: int, *, today: date | None = None) -> tuple[StepRequirements, ...]:
    """Every forward step left to the round, first the next one, each with what it still needs on `today`.

    The next step lists all it lacks (the same list that would refuse it); a later step lists only what is
    written ahead in the round's form or positions (plan, notice, deadline, positions, council), since
    scores and results cannot exist before their step."""
    require(ctx, READ)
    day = today or clock.today()
    with ctx.read() as s:
        rnd = q.get_round(s, round_id)
        out: list[StepRequirements] = []
        status = rnd.status
        while status in FORWARD:
            to = FORWARD[status]
            if not out:
                missing = _forward_missing(s, ctx, rnd, to, day)
            elif to in SETUP_STEPS:  # later steps: only what is written ahead (no ranking computed for them)
                missing = [r for r in _forward_missing(s, ctx, rnd, to, day) if r.field in SETUP_FIELDS]
            else:
                missing = []
            out.append(StepRequirements(to, tuple(missing)))
            status = to
    return tuple(out)


def _names(names: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" và {len(names) - limit} người khác" if len(names) > limit else "")


def _check_backward(s: Session, rnd: RecruitmentRound, dto: StatusChange) -> None:
    if not _clean(dto.reason):
        raise ValidationError([("reason", messages.text("step_back_reason_missing"))])
    blocked: str | None = None
    if rnd.status == "open" and s.scalar(select(func.count()).select_from(Candidate)
                                         .where(Candidate.round_id == rnd.id)):
        blocked = "đã có người đăng ký dự tuyển"
    elif rnd.status == "round1" and _score_count(s, rnd.id, 1):
        blocked = "đã có điểm vòng 1"
    elif rnd.status == "round2" and _score_count(s, rnd.id, 2):
        blocked = "đã có điểm vòng 2"
    elif rnd.status == "results" and _has_events(s, rnd.id, ("tie_decision", "withdrawal", "hire")):
        blocked = "đã có quyết định, rút hồ sơ hoặc tuyển dụng sau khi có kết quả"
    if blocked:
        raise DomainError("step_back_blocked", blocked=blocked, field="to_status")


# ============================================================================================== candidates


def candidate_errors(dto: CandidateInput, setup: RoundSetup, target_ids: Sequence[int], today: date,
                     deadline: date | None = None, notice: date | None = None) -> v.Errors:
    """Problems of a registration form that can be seen without the database."""
    errors: v.Errors = []
    name = (dto.full_name or "").strip()
    if not name:
        errors.append(("full_name", messages.text("person_name_missing")))
    elif len(name) > 120:
        errors.append(("full_name", messages.text("person_name_too_long")))
    if dto.gender not in ("M", "F"):
        errors.append(("gender", messages.text("person_sex_missing")))
    errors += v.collect(
        ("birth_date", v.birth_date_error(dto.birth_date, today)),
        ("id_number", v.cccd_error(dto.id_number)),
        ("ethnicity", v.code_error("ethnicity", dto.ethnicity, "Dân tộc")),
        ("religion", v.code_error("religion", dto.religion, "Tôn giáo")),
        ("email", v.email_error(dto.email)),
        ("phone", v.phone_error(dto.phone)),
        ("id_issue_date", v.not_future_error(dto.id_issue_date, today, "Ngày cấp CCCD")),
        ("id_issue_date", v.not_before_birth_error(dto.id_issue_date, dto.birth_date, "Ngày cấp CCCD")),
        ("applied_on", v.not_future_error(dto.applied_on, today, "Ngày nộp phiếu")),
    )
    if dto.education_level:
        errors += v.collect(("education_level", v.level_error("chuyen_mon", dto.education_level)))
    if dto.birth_date is not None and dto.birth_date <= today:
        errors += v.collect(("graduation_year", v.qualification_year_error(dto.birth_date, dto.graduation_year,
                                                                            today)))
    for i, item in enumerate(dto.qualifications):
        where = f"qualifications[{i}]"
        if item.kind not in catalogs.labels("qualification_kind"):
            errors.append((f"{where}.kind", messages.text("qualification_kind_unknown", kind=item.kind)))
            continue
        errors += v.collect((f"{where}.level_code", v.level_error(item.kind, item.level_code)))
        if item.kind == "ngoai_ngu" and not _clean(item.language):
            errors.append((f"{where}.language", messages.text("language_missing")))
        if dto.birth_date is not None and dto.birth_date <= today:
            errors += v.collect((f"{where}.year", v.qualification_year_error(dto.birth_date, item.year, today)))
    if dto.experience_years is not None and not 0 <= dto.experience_years <= MAX_EXPERIENCE_YEARS:
        errors.append(("experience_years", messages.text("experience_years_limit", limit=MAX_EXPERIENCE_YEARS)))
    if not dto.preferences:
        errors.append(("preferences", messages.text("preference_missing")))
    if len(set(dto.preferences)) != len(dto.preferences):
        errors.append(("preferences", messages.text("preference_repeated")))
    if any(t not in target_ids for t in dto.preferences):
        errors.append(("preferences", messages.text("preference_not_in_round")))
    for code in dto.priority_groups:
        group = setup.priority.group(code) if isinstance(code, str) else None
        if group is None:
            known = isinstance(code, str) and code in setup.priority.known_codes
            errors.append(("priority_groups",
                           f"Diện ưu tiên '{code}' không áp dụng theo {setup.priority.rule.legal_basis}." if known
                           else f"Không có diện ưu tiên '{code}' trong quy định về điểm ưu tiên tuyển dụng."))
    if len(set(dto.priority_groups)) != len(dto.priority_groups):
        errors.append(("priority_groups", messages.text("priority_group_twice")))
    allowed = {p.code for p in setup.round1_parts} if setup.has_round1_test else set()
    for code in dto.exemptions:
        if code not in allowed:
            errors.append(("exemptions", f"Không có phần thi vòng 1 '{code}' để miễn." if allowed
                           else "Hình thức tuyển dụng này không có bài thi vòng 1 để miễn."))
    if dto.exemptions and not _clean(dto.exemption_note):
        errors.append(("exemption_note", messages.text("exemption_basis_missing")))
    if dto.applied_on is not None and deadline is not None and dto.applied_on > deadline:
        errors.append(("applied_on", messages.text("applied_after_deadline", applied=dto.applied_on, deadline=deadline)))
    if dto.applied_on is not None and notice is not None and dto.applied_on < notice:
        errors.append(("applied_on", messages.text("applied_before_notice", applied=dto.applied_on, notice=notice)))
    return errors


def _apply_candidate(c: Candidate, dto: CandidateInput) -> None:
    c.full_name = normalize_name(dto.full_name)
    c.name_folded = fold(c.full_name)
    c.sort_key = name_sort_key(c.full_name)
    c.gender = dto.gender
    assert dto.birth_date is not None
    c.birth_date = dto.birth_date
    for attr in ("birth_place", "home_town", "id_issue_place", "permanent_address", "current_address", "phone",
                 "major", "institution", "degree_grade", "exemption_note", "note"):
        setattr(c, attr, _clean(getattr(dto, attr)))
    c.ethnicity = v.catalog_code("ethnicity", dto.ethnicity) or dto.ethnicity or None  # a name typed: its code
    c.religion = v.catalog_code("religion", dto.religion) or dto.religion or None
    c.id_number = v.normalize_cccd(dto.id_number)
    c.id_issue_date = dto.id_issue_date
    c.email = (_clean(dto.email) or "").lower() or None
    c.education_level = dto.education_level or None
    c.graduation_year = dto.graduation_year
    c.qualifications = [i.to_json() for i in dto.qualifications] or None
    c.experience_years = dto.experience_years
    c.priority_groups = list(dto.priority_groups) or None
    c.exemptions = list(dto.exemptions) or None
    c.applied_on = dto.applied_on


def _set_preferences(s: Session, c: Candidate, targets: Sequence[int]) -> None:
    current = [p.target_id for p in sorted(c.preferences, key=lambda p: p.choice)]
    if current == list(targets):
        return
    c.preferences.clear()
    s.flush()  # the unique (candidate, choice) rows must go before the new ones come
    for i, tid in enumerate(targets, start=1):
        c.preferences.append(CandidatePreference(target_id=tid, choice=i))


def _duplicate_errors(s: Session, round_id: int, id_number: str | None, own_id: int | None) -> v.Errors:
    number = v.normalize_cccd(id_number)
    if not number or v.cccd_error(number):
        return []
    qy = select(Candidate.full_name).where(Candidate.round_id == round_id, Candidate.id_number == number)
    if own_id is not None:
        qy = qy.where(Candidate.id != own_id)
    other = s.scalar(qy)
    if other:
        return [("id_number", f"Số CCCD {number} đã đăng ký trong kỳ tuyển dụng này ({other}); mỗi người chỉ "
                              "có một phiếu đăng ký.")]
    return []




def save_candidate_in(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, dto: CandidateInput, today: date,
                      candidate: Candidate | None = None) -> Candidate:
    """Validate and write one registration form inside the caller's unit of work (also used by the import)."""
    setup = q.round_setup(s, ctx.rulebook, rnd)
    errors = candidate_errors(dto, setup, [t.id for t in rnd.targets], today, rnd.application_deadline,
                              rnd.notice_date)
    errors += _duplicate_errors(s, rnd.id, dto.id_number, candidate.id if candidate else None)
    v.raise_if(errors)
    c = candidate or Candidate(round_id=rnd.id, status="registered")
    _apply_candidate(c, dto)
    if candidate is None:
        s.add(c)
    s.flush()
    _set_preferences(s, c, dto.preferences)
    if rnd.status == "round1":
        _check_candidate(s, rnd, c, _eligibility_date(rnd, today))
    else:
        c.eligible, c.ineligible_reasons, c.checked_on = None, None, None
        for p in c.preferences:
            p.eligible, p.reasons = None, None
    return c


def add_candidate(ctx: ServiceContext, round_id: int, dto: CandidateInput, *,
                  today: date | None = None) -> CandidateInfo:
    """Register a candidate (Phiếu đăng ký dự tuyển); a CCCD already registered in the round is refused."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, round_id)
        _require_status(rnd, EDITABLE_CANDIDATES, "thêm người dự tuyển")
        c = save_candidate_in(s, ctx, rnd, dto, today)
        candidate_id = c.id
    return get_candidate(ctx, candidate_id)


def update_candidate(ctx: ServiceContext, candidate_id: int, dto: CandidateInput, *,
                     today: date | None = None) -> CandidateInfo:
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        c = _candidate(s, candidate_id)
        rnd = _round_for_update(s, c.round_id)
        _require_status(rnd, EDITABLE_CANDIDATES, "sửa phiếu đăng ký dự tuyển")
        if any(sc.round_no == 1 for sc in c.scores):
            raise DomainError("has_scores", f"{c.full_name} đã có điểm vòng 1 nên không thể sửa phiếu đăng ký.")
        save_candidate_in(s, ctx, rnd, dto, today, c)
    return get_candidate(ctx, candidate_id)


def delete_candidate(ctx: ServiceContext, candidate_id: int) -> None:
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        c = _candidate(s, candidate_id)
        rnd = _round_for_update(s, c.round_id)
        _require_status(rnd, ("draft", "open"), "xóa người dự tuyển")
        s.delete(c)


def _candidate(s: Session, candidate_id: int) -> Candidate:
    c = s.get(Candidate, candidate_id)
    if c is None:
        raise NotFoundError("candidate_not_found", "Không tìm thấy người dự tuyển này.", field="candidate_id")
    return c


# ============================================================================================== eligibility


def _level_rank(code: str | None) -> int:
    if not code:
        return 0
    return int(catalogs.extra("qualification_level", code).get("rank", 0))


def _majors_match(required: str, held: Sequence[str]) -> bool:
    """'Vật lý, Điện tử - Viễn thông' (or '; ', ' hoặc ') accepts a degree in either; the candidate's major
    must contain one of them ('Công nghệ thông tin ứng dụng' has 'Công nghệ thông tin'), diacritics aside."""
    options = [fold(x) for x in re.split(r",|;| hoặc ", required) if x.strip()]
    have = [fold(m) for m in held if m and m.strip()]
    return any(o in m for o in options for m in have)


def eligibility_reasons(c: Candidate, pos: JobPosition, rank: Rank | None, on: date) -> list[str]:
    """Why the candidate does not meet the position's requirements on `on` (empty when they do): age at
    least 18, professional level and major, IT and language certificates, years of experience."""
    reasons: list[str] = []
    if v.age_on(c.birth_date, on) < v.ADULT_AGE:
        reasons.append(f"Chưa đủ {v.ADULT_AGE} tuổi vào ngày {v.dmy(on)} (sinh ngày {v.dmy(c.birth_date)}).")
    quals = [QualificationItem.from_json(x) for x in c.qualifications or ()]
    professional = [(c.education_level, c.major)] if c.education_level else []
    professional += [(x.level_code, x.major) for x in quals if x.kind == "chuyen_mon"]
    best = max((lvl for lvl, _m in professional), key=_level_rank, default=None)
    required = pos.req_education_level
    if rank is not None and rank.required_education and _level_rank(rank.required_education) > _level_rank(required):
        required = rank.required_education
    if required and _level_rank(best) < _level_rank(required):
        reasons.append(f"Trình độ chuyên môn: yêu cầu {q.level_name(required)} trở lên, {_held(q.level_name(best))}.")
    if pos.req_major:
        # The major must be that of a degree at the required level; when the level already fails, any
        # degree's major is compared so the list names only what is really missing.
        level_ok = not required or _level_rank(best) >= _level_rank(required)
        floor = _level_rank(required) if level_ok else 0
        majors = [m for lvl, m in professional if m and _level_rank(lvl) >= floor]
        if not _majors_match(pos.req_major, majors):
            reasons.append(f"Chuyên ngành: yêu cầu {pos.req_major}, {_held('; '.join(majors))}.")
    # Political theory (LLCT) and state management (QLNN) are standards gained by training after recruitment
    # (bồi dưỡng during probation, or for a leadership post); only IT and language certificates are asked for.
    for kind, need in (("tin_hoc", pos.req_it), ("ngoai_ngu", pos.req_language)):
        if not need:
            continue
        held = max((x.level_code for x in quals if x.kind == kind), key=_level_rank, default=None)
        if _level_rank(held) < _level_rank(need):
            reasons.append(f"{catalogs.label('qualification_kind', kind)}: yêu cầu {q.level_name(need)}, "
                           f"{_held(q.level_name(held))}.")
    if pos.req_experience_years and (c.experience_years or 0) < pos.req_experience_years:
        reasons.append(f"Kinh nghiệm: yêu cầu từ {pos.req_experience_years} năm, người dự tuyển có "
                       f"{c.experience_years or 0} năm.")
    return reasons


def _held(what: str) -> str:
    return f"người dự tuyển có {what}" if what else "người dự tuyển chưa có"


def _eligibility_date(rnd: RecruitmentRound, today: date) -> date:
    return rnd.application_deadline or rnd.notice_date or today


def _check_candidate(s: Session, rnd: RecruitmentRound, c: Candidate, on: date) -> None:
    """Each preference is checked; the first decides whether the candidate may sit the exam at all, and a
    later preference the candidate does not qualify for is left out of the ranking."""
    targets = {t.id: t for t in rnd.targets}
    prefs = sorted(c.preferences, key=lambda p: p.choice)
    for p in prefs:
        t = targets[p.target_id]
        pos = s.get(JobPosition, t.position_id)
        assert pos is not None
        rank_code = t.rank_code or pos.min_rank_code
        rank = s.get(Rank, rank_code) if rank_code else None
        own = eligibility_reasons(c, pos, rank, on)
        p.eligible = not own
        p.reasons = own or None
    first = prefs[0] if prefs else None
    c.eligible = bool(first and first.eligible)
    c.ineligible_reasons = None if c.eligible else (list(first.reasons or ()) if first else None)
    c.checked_on = on


def _check_all(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, today: date) -> None:
    on = _eligibility_date(rnd, today)
    for c in q.candidates_of(s, rnd.id):
        _check_candidate(s, rnd, c, on)


def check_eligibility(ctx: ServiceContext, round_id: int, *, today: date | None = None) -> list[CandidateInfo]:
    """Check every candidate against the requirements of each position applied for, on the application
    deadline; the failing reasons are kept with the candidate. Done automatically when round 1 starts."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, round_id)
        _require_status(rnd, ("open", "round1"), "kiểm tra điều kiện dự tuyển")
        if _score_count(s, rnd.id, 1):
            raise DomainError("has_scores", "Đã có điểm vòng 1 nên không kiểm tra lại điều kiện dự tuyển.")
        _check_all(s, ctx, rnd, today)
    return list_candidates(ctx, round_id)


# ============================================================================================== SBD


def assign_sbd(ctx: ServiceContext, round_id: int, prefix: str = "") -> list[CandidateInfo]:
    """Number the candidates who may sit the exam (số báo danh): position by position in the plan's order,
    then by given name; zero-padded (001, 002 …) after an optional prefix. Not after scores exist."""
    require(ctx, WRITE)
    prefix = (prefix or "").strip()
    if len(prefix) > 10:
        raise ValidationError([("prefix", messages.text("number_prefix_too_long"))])
    with ctx.unit_of_work() as s:
        assign_sbd_in(s, round_id, prefix)
    return list_candidates(ctx, round_id)


def assign_sbd_in(s: Session, round_id: int, prefix: str = "") -> None:
    """`assign_sbd` inside the caller's unit of work (also used by the demo)."""
    rnd = _round_for_update(s, round_id)
    _require_status(rnd, ("round1",), "đánh số báo danh")
    if _score_count(s, rnd.id, 1) or _score_count(s, rnd.id, 2):
        raise DomainError("has_scores", "Đã có điểm thi nên không đánh lại số báo danh.")
    order = {t.id: t.sort_order for t in rnd.targets}
    cands = q.candidates_of(s, rnd.id)
    sitting = [c for c in cands if c.eligible]
    if not sitting:
        raise DomainError("no_candidates", "Không có người dự tuyển nào đủ điều kiện để đánh số báo danh.")

    def key(c: Candidate) -> tuple[int, str, int]:
        first = next(p for p in sorted(c.preferences, key=lambda p: p.choice) if p.eligible)
        return order.get(first.target_id, 0), c.sort_key, c.id

    sitting.sort(key=key)
    width = max(3, len(str(len(sitting))))
    for c in cands:
        c.sbd = None
    s.flush()
    for n, c in enumerate(sitting, start=1):
        c.sbd = f"{prefix}{n:0{width}d}"


# ============================================================================================== scores


def _parse_value(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        d = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError([("value", messages.text("score_not_number", value=value))]) from exc
    if not d.is_finite():
        raise ValidationError([("value", messages.text("score_not_number", value=value))])
    return d


def _score_errors(c: Candidate, setup: RoundSetup, round_no: int, part: str, value: Decimal | None,
                  absent: bool, where: str) -> tuple[v.Errors, Decimal | None]:
    """(errors, maximum of the part)."""
    who = f"{c.full_name}{f' (SBD {c.sbd})' if c.sbd else ''}"
    if round_no == 1:
        if not setup.has_round1_test:
            return [(where, "Hình thức xét tuyển không có bài thi vòng 1.")], None
        p1 = setup.round1_part(part)
        if p1 is None:
            return [(where, f"{who}: không có phần thi vòng 1 '{part}'.")], None
        if not c.eligible:
            return [(where, f"{who} không đủ điều kiện dự tuyển nên không có điểm vòng 1.")], None
        if part in (c.exemptions or ()):
            return [(where, f"{who} được miễn phần thi {p1.label.lower()}.")], None
        top = Decimal(p1.questions)
        if value is not None and (value != value.to_integral_value() or not 0 <= value <= top):
            return [(where, f"{who}: số câu đúng phần {p1.label.lower()} phải là số nguyên từ 0 đến "
                            f"{p1.questions}.")], top
        return [], top
    p2 = setup.round2_part(part)
    if p2 is None:
        allowed = ", ".join(p.label.lower() for p in setup.round2_parts)
        return [(where, f"{who}: vòng 2 của kỳ này không có phần thi '{part}' (chỉ có: {allowed}).")], None
    if q.round1_result(c, setup)[0] is not True:
        return [(where, f"{who} không đủ điều kiện dự vòng 2.")], None
    if value is not None:
        if not 0 <= value <= p2.max:
            return [(where, f"{who}: điểm {p2.label.lower()} phải từ 0 đến {q.pct(p2.max / 100)}.")], p2.max
        if value != value.quantize(Decimal(1).scaleb(-MAX_SCORE_PLACES)):
            return [(where, f"{who}: điểm chỉ ghi tối đa {MAX_SCORE_PLACES} chữ số thập phân.")], p2.max
    return [], p2.max


def _set_score(s: Session, ctx: ServiceContext, c: Candidate, round_no: int, part: str, value: Decimal | None,
               absent: bool, top: Decimal, kind: str = "sua", reason: str | None = None,
               decision_id: int | None = None) -> None:
    existing = next((x for x in c.scores if x.round_no == round_no and x.part == part), None)
    if value is None and not absent:
        if existing is not None:
            c.scores.remove(existing)
        return
    if existing is None:
        c.scores.append(Score(round_no=round_no, part=part, value=value, max_value=top, absent=absent,
                              entered_by=ctx.user))
        return
    old = None if existing.value is None else Decimal(existing.value)
    if old == value and existing.absent == absent and kind == "sua":
        return
    existing.changes.append(ScoreChange(kind=kind, old_value=old, new_value=value, old_absent=existing.absent,
                                        new_absent=absent, reason=reason, decision_id=decision_id,
                                        changed_by=ctx.user))
    existing.value = value
    existing.absent = absent
    existing.max_value = top


def enter_scores_in(s: Session, ctx: ServiceContext, sheet: ScoreSheet) -> None:
    """Validate every cell, then write them all (inside the caller's unit of work; also used by the import)."""
    rnd = _round_for_update(s, sheet.round_id)
    if sheet.round_no not in (1, 2):
        raise ValidationError([("round_no", messages.text("round_number_invalid"))])
    _require_status(rnd, ("round1",) if sheet.round_no == 1 else ("round2",), f"nhập điểm vòng {sheet.round_no}")
    setup = q.round_setup(s, ctx.rulebook, rnd)
    cands = {c.id: c for c in q.candidates_of(s, rnd.id)}
    errors: v.Errors = []
    writes: list[tuple[Candidate, str, Decimal | None, bool, Decimal]] = []
    seen: set[tuple[int, str]] = set()
    for i, e in enumerate(sheet.entries):
        where = f"entries[{i}]"
        c = cands.get(e.candidate_id)
        if c is None:
            errors.append((where, messages.text("candidate_not_in_round")))
            continue
        if (c.id, e.part) in seen:
            errors.append((where, messages.text("score_part_twice", name=c.full_name, part=e.part)))
            continue
        seen.add((c.id, e.part))
        value = None if e.absent else _parse_value(e.value)
        errs, top = _score_errors(c, setup, sheet.round_no, e.part, value, e.absent, where)
        errors += errs
        if not errs and top is not None:
            writes.append((c, e.part, value, e.absent, top))
    v.raise_if(errors)
    for c, part, value, absent, top in writes:
        _set_score(s, ctx, c, sheet.round_no, part, value, absent, top)


def enter_scores(ctx: ServiceContext, sheet: ScoreSheet) -> list[CandidateInfo]:
    """Scores typed by hand (or read from the score sheet): round 1 = correct answers per part, round 2 =
    points per part. A changed score before the results is a correction and is kept in the history."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        enter_scores_in(s, ctx, sheet)
    return list_candidates(ctx, sheet.round_id)


def remark_score(ctx: ServiceContext, dto: Remark) -> CandidateInfo:
    """Re-marking (phúc khảo): replace a score; the old value, the new one and the reason are logged."""
    require(ctx, WRITE)
    reason = _clean(dto.reason)
    with ctx.unit_of_work() as s:
        c = _candidate(s, dto.candidate_id)
        rnd = _round_for_update(s, c.round_id)
        allowed = ("round1", "round2") if dto.round_no == 1 else ("round2", "results")
        _require_status(rnd, allowed, f"phúc khảo điểm vòng {dto.round_no}")
        errors: v.Errors = []
        if not reason:
            errors.append(("reason", messages.text("review_reason_missing")))
        errors += _decision_ref_errors(dto.decision, "decision", False, "văn bản phúc khảo")
        existing = next((x for x in c.scores if x.round_no == dto.round_no and x.part == dto.part), None)
        if existing is None:
            errors.append(("part", messages.text("review_no_score", name=c.full_name)))
        if rnd.status == "results" and _has_events(s, rnd.id, ("tie_decision", "withdrawal", "hire")):
            errors.append(("status", messages.text("review_after_results")))
        value = None if dto.absent else _parse_value(dto.value)
        setup = q.round_setup(s, ctx.rulebook, rnd)
        errs, top = _score_errors(c, setup, dto.round_no, dto.part, value, dto.absent, "value")
        errors += errs
        if value is None and not dto.absent:
            errors.append(("value", messages.text("review_score_missing")))
        v.raise_if(errors)
        assert top is not None
        decision_id = add_decision(s, dto.decision).id if dto.decision is not None else None
        _set_score(s, ctx, c, dto.round_no, dto.part, value, dto.absent, top, "phuc_khao", reason, decision_id)
        s.flush()
        if rnd.status == "results":
            q.compute_results(s, ctx.rulebook, rnd.id)
        candidate_id = c.id
    return get_candidate(ctx, candidate_id)


# ============================================================================================== results


def record_tie_decision(ctx: ServiceContext, dto: TieDecision, *, today: date | None = None) -> RoundResults:
    """The head of the agency picks the winner(s) among candidates tied at a position's last place."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, dto.round_id)
        _require_status(rnd, ("results",), "ghi quyết định của người đứng đầu")
        target = next((t for t in rnd.targets if t.id == dto.target_id), None)
        if target is None:
            raise NotFoundError("target_not_found", "Không có vị trí này trong kỳ tuyển dụng.", field="target_id")
        errors = _decision_ref_errors(dto.decision, "decision", True, "văn bản quyết định của người đứng đầu")
        current = q.compute_results(s, ctx.rulebook, rnd.id).position(target.id)
        tied = {r.candidate_id for r in current.with_outcome(dr.Outcome.CAN_QUYET_DINH)}
        if not tied:
            errors.append(("chosen", messages.text("no_tie_waiting", name=current.position_name)))
        elif not dto.chosen or any(cid not in tied for cid in dto.chosen):
            errors.append(("chosen", messages.text("tie_choice_outside")))
        v.raise_if(errors)
        decision = add_decision(s, dto.decision)
        _event(s, ctx, rnd, "tie_decision", decision.effective_date or decision.sign_date or today,
               target_id=target.id, chosen=list(dto.chosen), decision_id=decision.id, reason=_clean(dto.reason))
        s.flush()
        q.compute_results(s, ctx.rulebook, rnd.id)  # the domain checks the number chosen
        round_id = rnd.id
    return results(ctx, round_id)


def record_withdrawal(ctx: ServiceContext, dto: Withdrawal, *, today: date | None = None) -> RoundResults:
    """A winner withdraws or misses the dossier deadline: recorded with a decision, and the place goes to
    the next ranked candidate of the position."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        c = _candidate(s, dto.candidate_id)
        rnd = _round_for_update(s, c.round_id)
        _require_status(rnd, ("results",), "ghi nhận rút hồ sơ")
        errors = _decision_ref_errors(dto.decision, "decision", True, "văn bản (quyết định hủy kết quả trúng tuyển)")
        if dto.reason_code not in WITHDRAWAL_REASONS:
            errors.append(("reason_code", messages.text("withdrawal_reason_missing")))
        if c.status == "hired":
            errors.append(("candidate_id", messages.text("withdrawal_hired", name=c.full_name)))
        res = q.compute_results(s, ctx.rulebook, rnd.id)
        holding = [p for p in res.positions for r in p.rows if r.candidate_id == c.id
                   and r.outcome in (dr.Outcome.TRUNG_TUYEN, dr.Outcome.CAN_QUYET_DINH)]
        if not holding and not errors:
            errors.append(("candidate_id", messages.text("withdrawal_not_selected", name=c.full_name)))
        v.raise_if(errors)
        decision = add_decision(s, dto.decision)
        day = dto.event_date or decision.effective_date or decision.sign_date or today
        _event(s, ctx, rnd, "withdrawal", day, candidate_id=c.id, target_id=holding[0].target_id,
               reason_code=dto.reason_code, reason=_clean(dto.note), decision_id=decision.id)
        s.flush()
        q.compute_results(s, ctx.rulebook, rnd.id)
        round_id = rnd.id
    return results(ctx, round_id)


# ============================================================================================== hiring


def _identity(c: Candidate) -> IdentityInput:
    return IdentityInput(
        full_name=c.full_name, gender=c.gender, birth_date=c.birth_date, id_number=c.id_number,
        birth_place=c.birth_place, home_town=c.home_town, ethnicity=c.ethnicity, religion=c.religion,
        id_issue_date=c.id_issue_date, id_issue_place=c.id_issue_place, permanent_address=c.permanent_address,
        current_address=c.current_address, phone=c.phone, email=c.email,
    )


def _qualifications(c: Candidate) -> tuple[QualificationInput, ...]:
    out: list[QualificationInput] = []
    if c.education_level:
        out.append(QualificationInput(kind="chuyen_mon", level_code=c.education_level, major=c.major,
                                      institution=c.institution, year=c.graduation_year,
                                      note=f"Xếp loại tốt nghiệp: {c.degree_grade}" if c.degree_grade else None))
    for raw in c.qualifications or ():
        item = QualificationItem.from_json(raw)
        out.append(QualificationInput(kind=item.kind, level_code=item.level_code, major=item.major,
                                      language=item.language, institution=item.institution, year=item.year))
    return tuple(out)


@dataclass(frozen=True)
class _Plan:
    candidate: Candidate
    target: RecruitmentTarget
    position: JobPosition
    unit: OrgUnit
    person: NewPerson
    existing: Person | None
    step: int
    coefficient: Decimal
    percent: int
    probation_end: date | None


def hire_winners(ctx: ServiceContext, dto: HireInput, *, today: date | None = None) -> HireResult:
    """One action turns the winners into staff records: person (or a new employment of an existing record
    with the same CCCD), employment in the position's unit with the round's category, rank or title, the
    starting step — at 85% with the probation period for viên chức (and công chức before NĐ 170/2025) —
    and the qualifications from the form, all linked to the recruitment decision, in one transaction."""
    require(ctx, WRITE)
    from hrapp.services.agency import get_agency

    today = today or _today()
    agency = get_agency(ctx).name
    errors = _decision_ref_errors(dto.decision, "decision", True, "quyết định tuyển dụng")
    v.raise_if(errors)
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, dto.round_id)
        _require_status(rnd, ("results",), "tuyển dụng người trúng tuyển")
        setup = q.round_setup(s, ctx.rulebook, rnd)
        res = q.compute_results(s, ctx.rulebook, rnd.id)
        winners = {r.candidate_id: (p, r) for p, r in res.winners() if not r.hired}
        wanted = list(dto.candidate_ids) if dto.candidate_ids is not None else list(winners)
        errors = []
        if not wanted:
            errors.append(("candidate_ids", messages.text("no_winner_waiting")))
        for cid in wanted:
            if cid not in winners:
                c = s.get(Candidate, cid)
                name = c.full_name if c is not None else str(cid)
                errors.append(("candidate_ids", messages.text("not_a_waiting_winner", name=name)))
            elif winners[cid][0].provisional:
                errors.append(("candidate_ids", messages.text("hire_waits_other_decision", name=winners[cid][0].position_name)))
        v.raise_if(errors)
        decision = add_decision(s, dto.decision)
        start = dto.start_date or decision.effective_date or decision.sign_date
        plans: list[_Plan] = []
        for cid in wanted:
            p, _row = winners[cid]
            try:
                plans.append(_plan_hire(s, ctx, rnd, setup, cid, p.target_id, start, dto.steps.get(cid, 1),
                                        agency, decision.id, today))
            except ValidationError as exc:
                c = s.get(Candidate, cid)
                errors += [(f, f"{c.full_name if c else cid}: {m}") for f, m in exc.errors]
        v.raise_if(errors)
        hired: list[HiredPerson] = []
        for plan in plans:
            person = _write_hire(s, plan, decision.id)
            c = plan.candidate
            c.status = "hired"
            c.person_id = person.id
            c.hired_target_id = plan.target.id
            c.hire_decision_id = decision.id
            _event(s, ctx, rnd, "hire", start, candidate_id=c.id, target_id=plan.target.id, decision_id=decision.id)
            sal = plan.person.salary
            assert sal is not None and sal.rank_code
            hired.append(HiredPerson(c.id, person.id, person.full_name, plan.unit.name, plan.position.name,
                                     sal.rank_code, plan.step, plan.coefficient, plan.percent, plan.probation_end))
    return HireResult(tuple(hired))


def _plan_hire(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, setup: RoundSetup, candidate_id: int,
               target_id: int, start: date, step: int, agency: str, decision_id: int, today: date) -> _Plan:
    c = _candidate(s, candidate_id)
    target = s.get(RecruitmentTarget, target_id)
    assert target is not None
    pos = s.get(JobPosition, target.position_id)
    assert pos is not None
    unit = s.get(OrgUnit, pos.unit_id)
    assert unit is not None
    rank_code = target.rank_code or pos.min_rank_code
    if not rank_code:
        raise ValidationError([("rank_code", messages.text("target_rank_missing", name=pos.name))])
    rank = s.get(Rank, rank_code)
    assert rank is not None
    prob = None
    if setup.regime.probation_required:
        try:
            prob = probation(rnd.category, rank.required_education or "DH", start, ctx.rulebook)
        except DomainError as exc:
            raise ValidationError([("probation", exc.message)]) from exc
    percent = int(prob.pay_percent) if prob is not None else 100
    try:
        coefficient = v.expected_coefficient(rank_code, step, ctx.rulebook, start)
    except DomainError as exc:
        raise ValidationError([("salary_step", exc.message)]) from exc
    employment = EmploymentInput(
        category=rnd.category, unit_id=unit.id, start_date=start, position_id=pos.id, recruitment_date=start,
        recruitment_agency=agency or None, probation_start=start if prob else None,
        probation_end=prob.end_date if prob else None, probation_pay_percent=percent if prob else None,
        note=f"Trúng tuyển {rnd.name}" + (f", SBD {c.sbd}" if c.sbd else ""), decision=decision_id,
    )
    salary = SalaryInput(rank_code=rank_code, step=step, coefficient=coefficient, effective_date=start,
                         percent=percent, reason="tuyen_dung", decision=decision_id)
    person = NewPerson(identity=_identity(c), employment=employment, salary=salary,
                       qualifications=_qualifications(c))
    # every record, also outside the account's units (the number is unique); one outside is not named
    existing = s.scalar(select(Person).where(Person.id_number == c.id_number).execution_options(**{ALL_UNITS: True}))
    errors = new_person_errors(person, ctx.rulebook, max(today, start))
    scope = scope_units(s)
    if existing is not None and scope is not None and existing.cur_unit_id not in scope:
        errors = [(f, m) for f, m in errors if not f.startswith("id_number")]
        errors.append(("id_number", messages.text("cccd_taken_outside_scope", number=c.id_number)))
    elif existing is not None:
        # The record exists (e.g. a contract worker who won): identity and qualifications stay as kept there.
        errors = [(f, m) for f, m in errors if not f.startswith(("id_number", "qualifications"))]
        if existing.status in ("working", "seconded", "leave") and existing.cur_category == rnd.category:
            errors.append(("id_number", messages.text("hire_id_taken", number=c.id_number, name=existing.full_name, category=catalogs.label('category', rnd.category).lower())))
        later = s.scalar(select(func.max(Employment.start_date)).where(Employment.person_id == existing.id))
        if later is not None and later >= start:
            errors.append(("start_date", messages.text("hire_history_later", name=existing.full_name, later=later, start=start)))
    v.raise_if(errors)
    return _Plan(c, target, pos, unit, person, existing, step, coefficient, percent,
                 prob.end_date if prob else None)


def _write_hire(s: Session, plan: _Plan, decision_id: int) -> Person:
    dto = plan.person
    e = dto.employment
    sal = dto.salary
    assert sal is not None and sal.rank_code and sal.effective_date and e.start_date
    if plan.existing is None:
        i = dto.identity
        p = Person(status="working", gender=i.gender, birth_date=i.birth_date, id_number=i.id_number,
                   birth_place=i.birth_place, home_town=i.home_town, ethnicity=i.ethnicity, religion=i.religion,
                   id_issue_date=i.id_issue_date, id_issue_place=i.id_issue_place,
                   permanent_address=i.permanent_address, current_address=i.current_address, phone=i.phone,
                   email=i.email, occupation_at_recruitment=None)
        set_name(p, i.full_name)
        s.add(p)
        s.flush()
        for qual in dto.qualifications:
            s.add(Qualification(person_id=p.id, kind=qual.kind, level_code=qual.level_code, major=qual.major,
                                language=qual.language, institution=qual.institution, year=qual.year,
                                source="recruitment", note=qual.note))
    else:
        p = plan.existing
        last_day = e.start_date - timedelta(days=1)
        for r in s.scalars(select(Employment).where(Employment.person_id == p.id)):
            if r.end_date is None or r.end_date > last_day:
                r.end_date = last_day
                r.end_reason = r.end_reason or "moved"
        for r in s.scalars(select(RankAssignment).where(RankAssignment.person_id == p.id)):
            if r.end_date is None or r.end_date > last_day:
                r.end_date = last_day
        p.status = "working"
    s.add(Employment(person_id=p.id, category=e.category, unit_id=e.unit_id, position_id=e.position_id,
                     start_date=e.start_date, recruitment_date=e.recruitment_date,
                     recruitment_agency=e.recruitment_agency, probation_start=e.probation_start,
                     probation_end=e.probation_end, probation_pay_percent=e.probation_pay_percent, note=e.note,
                     decision_id=decision_id))
    s.add(RankAssignment(person_id=p.id, rank_code=sal.rank_code, effective_date=sal.effective_date,
                         decision_id=decision_id))
    s.add(SalaryStep(person_id=p.id, rank_code=sal.rank_code, salary_class=v.salary_class_of(sal.rank_code),
                     step=sal.step or 1, coefficient=sal.coefficient or Decimal(0), percent=sal.percent,
                     effective_date=sal.effective_date, step_since=sal.effective_date, reason=sal.reason,
                     decision_id=decision_id))
    s.flush()
    refresh_snapshot(s, p)
    return p

