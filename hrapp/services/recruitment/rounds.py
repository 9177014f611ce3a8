"""A recruitment round's plan and its targets: the round form checked and written, a target's quota checked
against the vacancy of its position."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Candidate,
    CandidatePreference,
    JobPosition,
    RecruitmentRound,
    RecruitmentTarget,
)
from hrapp.domain import recruitment as dr
from hrapp.domain import validation as v
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.recruitment import (
    COUNCIL_ROLES,
    STATUSES,
    SUBJECT_CATEGORIES,
    TOTAL_PART,
    CouncilMember,
    RoundInfo,
    get_round,
)
from hrapp.queries.recruitment import _session as q
from hrapp.queries.recruitment._places import round_places
from hrapp.queries.staffing import _staffing_table
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import add_decision
from hrapp.services.recruitment._common import (
    _clean,
    _decision_ref_errors,
    _round_for_update,
    _score_count,
    _today,
    require_status,
)
from hrapp.services.recruitment.inputs import PartSetting, RoundInput, TargetInput
from hrapp.text import normalize_name

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
        require_status(rnd, STATUSES[:-1], "sửa kỳ tuyển dụng")
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
        require_status(rnd, ("draft",), "xóa kỳ tuyển dụng")
        if s.scalar(select(func.count()).select_from(Candidate).where(Candidate.round_id == rnd.id)):
            raise DomainError("has_candidates", "Kỳ tuyển dụng đã có người đăng ký nên không thể xóa.")
        s.delete(rnd)


# ============================================================================================== targets


def _vacancy(s: Session, rnd: RecruitmentRound, position: JobPosition, own_target: RecruitmentTarget | None,
             on: date) -> int:
    """The position's vacancies in the staffing view on `on`, not counting this round's own places."""
    table = _staffing_table(s, rnd.year, on, with_positions=True)
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
    require_status(rnd, ("draft", "open"), "sửa chỉ tiêu tuyển dụng")
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
        require_status(rnd, ("draft", "open"), "bỏ vị trí khỏi kỳ tuyển dụng")
        if s.scalar(select(func.count()).select_from(CandidatePreference)
                    .where(CandidatePreference.target_id == t.id)):
            raise DomainError("has_candidates", "Đã có người đăng ký vị trí này nên không thể bỏ.")
        round_id = rnd.id
        rnd.targets.remove(t)
    return get_round(ctx, round_id)
