"""Job positions (vị trí việc làm): description, requirements and competency framework, approval by
decision with versions kept, copy and retire."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import Employment, JobPosition, Person, PositionAssignment, PositionCompetency, Rank
from hrapp.domain.decisions import effective_date
from hrapp.domain.history import day_before
from hrapp.errors import DomainError, ValidationError
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.org import CODE_RE, get_unit
from hrapp.services.position_records import (
    LIVE,
    REQUIREMENT_KINDS,
    REQUIREMENT_LABELS,
    STATUS_LABELS,
    CompetencyLevel,
    PositionInfo,
    Requirements,
    Task,
    clean_text,
    clone_position,
    lineage_ids,
    needed_vs_quota,
    position_info,
    position_row,
    require_open_unit,
)

# ----------------------------------------------------------------------------------------------------
# DTOs


@dataclass(frozen=True)
class PositionInput:
    unit_id: int
    code: str
    name: str
    group: str
    number_needed: int = 1
    min_rank_code: str | None = None
    is_leadership: bool = False
    purpose: str | None = None
    tasks: tuple[Task, ...] = ()
    relationships: str | None = None
    authority: str | None = None
    conditions: str | None = None
    requirements: Requirements = field(default_factory=Requirements)
    competencies: tuple[CompetencyLevel, ...] = ()


@dataclass(frozen=True)
class CopyPosition:
    position_id: int
    unit_id: int
    code: str | None = None  # None keeps the code


# ----------------------------------------------------------------------------------------------------
# Validation


def _text_ok(value: str | None, limit: int) -> bool:
    return value is None or len(value) <= limit


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _level_ok(kind: str, code: str | None) -> bool:
    if code is None:
        return True
    return any(it["code"] == code and (it.get("extra") or {}).get("kind") == kind
               for it in catalogs.items("qualification_level"))


def _position_errors(s: Session, dto: PositionInput) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    code = (dto.code or "").strip()
    if not code:
        errors.append(("code", messages.text("position_code_missing")))
    elif len(code) > 40 or not CODE_RE.match(code):
        errors.append(("code", messages.text("position_code_format")))
    name = (dto.name or "").strip()
    if not name:
        errors.append(("name", messages.text("position_name_missing")))
    elif len(name) > 200:
        errors.append(("name", messages.text("position_name_too_long")))
    if dto.group not in catalogs.labels("position_group"):
        errors.append(("group", messages.text("position_group_missing")))
    if not _is_int(dto.number_needed) or dto.number_needed < 1:
        errors.append(("number_needed", messages.text("position_count_invalid")))
    elif dto.number_needed > 10000:
        errors.append(("number_needed", messages.text("position_count_too_big")))
    if dto.min_rank_code and s.get(Rank, dto.min_rank_code) is None:
        errors.append(("min_rank_code", messages.text("position_rank_unknown", code=dto.min_rank_code)))
    req = dto.requirements
    for key, kind in REQUIREMENT_KINDS.items():
        if not _level_ok(kind, getattr(req, key)):
            errors.append((f"requirements.{key}", messages.text("requirement_level_invalid", level=getattr(req, key), what=REQUIREMENT_LABELS[key].lower())))
    if req.experience_years is not None and (not _is_int(req.experience_years) or not 0 <= req.experience_years <= 50):
        errors.append(("requirements.experience_years", messages.text("experience_years_range")))
    if not _text_ok(req.major, 200):
        errors.append(("requirements.major", messages.text("major_too_long")))
    for i, t in enumerate(dto.tasks):
        if not (t.task or "").strip():
            errors.append((f"tasks.{i}", messages.text("task_empty", number=i + 1)))
    known = catalogs.labels("competency")
    seen: set[str] = set()
    for i, c in enumerate(dto.competencies):
        if c.code not in known:
            errors.append((f"competencies.{i}", messages.text("competency_unknown", code=c.code)))
        elif c.code in seen:
            errors.append((f"competencies.{i}", messages.text("competency_repeated", name=known[c.code])))
        seen.add(c.code)
        if not _is_int(c.level) or not 1 <= c.level <= 5:
            errors.append((f"competencies.{i}", messages.text("competency_level_range")))
    return errors


def _check_code_free(s: Session, unit_id: int, code: str, own_code: str | None = None) -> None:
    if own_code is not None and code == own_code:
        return
    taken = s.scalar(select(JobPosition.id).where(
        JobPosition.unit_id == unit_id, func.lower(JobPosition.code) == code.lower(),
        JobPosition.status.in_(LIVE)))
    if taken is not None:
        raise ValidationError([("code", messages.text("position_code_exists", code=code))])


# ----------------------------------------------------------------------------------------------------
# Helpers shared with the organisation service and the staffing view


def _fill(pos: JobPosition, dto: PositionInput) -> None:
    req = dto.requirements
    pos.name = dto.name.strip()
    pos.group = dto.group
    pos.number_needed = dto.number_needed
    pos.min_rank_code = dto.min_rank_code or None
    pos.is_leadership = bool(dto.is_leadership)
    pos.purpose = clean_text(dto.purpose)
    pos.tasks = [{"task": t.task.strip(), "product": (t.product or "").strip(), "frequency": (t.frequency or "").strip()}
                 for t in dto.tasks]
    pos.relationships = clean_text(dto.relationships)
    pos.authority = clean_text(dto.authority)
    pos.conditions = clean_text(dto.conditions)
    pos.req_education_level = req.education_level or None
    pos.req_major = clean_text(req.major)
    pos.req_political_theory = req.political_theory or None
    pos.req_state_management = req.state_management or None
    pos.req_it = req.it or None
    pos.req_language = req.language or None
    pos.req_experience_years = req.experience_years
    pos.competencies = [PositionCompetency(competency_code=c.code, level=c.level) for c in dto.competencies]


def _warnings(s: Session, unit_id: int) -> tuple[str, ...]:
    w = needed_vs_quota(s, unit_id, clock.today().year)
    return (w,) if w else ()


# ----------------------------------------------------------------------------------------------------
# Use cases: the position itself


def create_position(ctx: ServiceContext, dto: PositionInput) -> PositionInfo:
    """A new position as a draft (version 1); it takes effect when approved by a decision."""
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        errors = _position_errors(s, dto)
        if errors:
            raise ValidationError(errors)
        unit = get_unit(s, dto.unit_id)
        require_open_unit(unit)
        code = dto.code.strip()
        _check_code_free(s, unit.id, code)
        pos = JobPosition(code=code, unit_id=unit.id, status="draft", version_no=1)
        _fill(pos, dto)
        s.add(pos)
        s.flush()
        return position_info(s, pos, _warnings(s, unit.id))


def update_position(ctx: ServiceContext, position_id: int, dto: PositionInput) -> PositionInfo:
    """Edit a draft in place. Editing an approved position saves the changes as the next version (draft);
    the approved version stays in force until the new one is approved."""
    with ctx.unit_of_work() as s:
        pos = position_row(s, position_id)
        require(ctx, WRITE, pos.unit_id)
        if pos.status in ("superseded", "retired"):
            raise DomainError("position_frozen",
                              f"Vị trí ở trạng thái '{STATUS_LABELS[pos.status]}' không sửa được.", field="position_id")
        if dto.unit_id != pos.unit_id:
            raise ValidationError([("unit_id", messages.text("position_move_unit"))])
        errors = _position_errors(s, dto)
        if errors:
            raise ValidationError(errors)
        require_open_unit(get_unit(s, pos.unit_id))
        code = dto.code.strip()
        if pos.status == "approved":
            if code != pos.code:
                raise ValidationError([("code", messages.text("approved_code_fixed"))])
            pending = s.scalar(select(JobPosition).where(JobPosition.previous_id == pos.id,
                                                         JobPosition.status == "draft"))
            target = pending or clone_position(s, pos, pos.unit_id, pos.code, version_of=pos)
        else:
            if code != pos.code and (pos.version_no > 1 or pos.previous_id is not None):
                raise ValidationError([("code", messages.text("version_code_fixed"))])
            _check_code_free(s, pos.unit_id, code, own_code=pos.code)
            pos.code = code
            target = pos
        _fill(target, dto)
        s.flush()
        return position_info(s, target, _warnings(s, target.unit_id))


def approve_position(ctx: ServiceContext, position_id: int, decision: DecisionRef) -> PositionInfo:
    """Phê duyệt a draft by decision; it takes effect on the decision's effective date and the version it
    revises ends the day before."""
    with ctx.unit_of_work() as s:
        pos = position_row(s, position_id)
        require(ctx, WRITE, pos.unit_id)
        if pos.status != "draft":
            raise DomainError("not_draft", "Chỉ phê duyệt được vị trí đang ở dạng dự thảo.", field="position_id")
        require_open_unit(get_unit(s, pos.unit_id))
        dec = add_decision(s, decision)
        on = effective_date(dec)
        prev = s.get(JobPosition, pos.previous_id) if pos.previous_id else None
        if prev is not None and prev.status == "approved":
            if prev.effective_from is not None and on <= prev.effective_from:
                raise ValidationError([(
                    "decision.effective_date",
                    messages.text("version_date_order", day=prev.effective_from))])
            prev.status = "superseded"
            prev.effective_to = day_before(on)
        pos.status = "approved"
        pos.decision_id = dec.id
        pos.effective_from = on
        s.flush()
        return position_info(s, pos, _warnings(s, pos.unit_id))


def copy_position(ctx: ServiceContext, dto: CopyPosition) -> PositionInfo:
    """Copy a position (description, requirements, competencies) to another unit as a draft."""
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        src = position_row(s, dto.position_id)
        unit = get_unit(s, dto.unit_id)
        require_open_unit(unit)
        code = (dto.code or src.code).strip()
        if not code or len(code) > 40 or not CODE_RE.match(code):
            raise ValidationError([("code", messages.text("position_code_format"))])
        _check_code_free(s, unit.id, code)
        pos = clone_position(s, src, unit.id, code)
        return position_info(s, pos, _warnings(s, unit.id))


def retire_position(ctx: ServiceContext, position_id: int, decision: DecisionRef) -> PositionInfo:
    """Bãi bỏ a position from the decision's effective date; refused while someone still holds it."""
    with ctx.unit_of_work() as s:
        pos = position_row(s, position_id)
        require(ctx, WRITE, pos.unit_id)
        if pos.status not in LIVE:
            raise DomainError("position_frozen", "Vị trí đã bị thay thế hoặc bãi bỏ.", field="position_id")
        dec = add_decision(s, decision)
        on = effective_date(dec)
        ids = lineage_ids(s, pos)
        holders = list(s.scalars(
            select(Person.full_name).join(Employment, Employment.person_id == Person.id).where(
                Employment.position_id.in_(ids), or_(Employment.end_date.is_(None), Employment.end_date >= on))
        ).all())
        holders += s.scalars(
            select(Person.full_name).join(PositionAssignment, PositionAssignment.person_id == Person.id).where(
                PositionAssignment.position_id.in_(ids),
                or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on))
        ).all()
        if holders:
            names = ", ".join(sorted(set(holders))[:5]) + ("…" if len(set(holders)) > 5 else "")
            raise DomainError("position_held",
                              f"Còn người giữ vị trí này từ ngày {on:%d/%m/%Y}: {names}. Hãy bố trí vị trí khác trước.",
                              field="position_id")
        if pos.effective_from is not None and on <= pos.effective_from:
            raise ValidationError([("decision.effective_date",
                                    messages.text("abolish_date_order", day=pos.effective_from))])
        for other in s.scalars(select(JobPosition).where(JobPosition.id.in_(ids), JobPosition.status == "draft")):
            if other.id != pos.id:
                other.status = "retired"
        pos.status = "retired"
        pos.effective_to = day_before(on)
        if pos.decision_id is None:
            pos.decision_id = dec.id
        s.flush()
        return position_info(s, pos)


def get_position(ctx: ServiceContext, position_id: int) -> PositionInfo:
    require(ctx, READ)
    with ctx.read() as s:
        pos = position_row(s, position_id)
        return position_info(s, pos, _warnings(s, pos.unit_id) if pos.status in LIVE else ())


def list_positions(ctx: ServiceContext, unit_id: int | None = None, *, include_history: bool = False
                   ) -> list[PositionInfo]:
    """Positions per unit and code; by default only live versions (approved, and drafts awaiting approval)."""
    require(ctx, READ)
    with ctx.read() as s:
        q = select(JobPosition)
        if unit_id is not None:
            q = q.where(JobPosition.unit_id == unit_id)
        if not include_history:
            q = q.where(JobPosition.status.in_(LIVE))
        q = q.order_by(JobPosition.unit_id, JobPosition.code, JobPosition.version_no)
        return [position_info(s, p) for p in s.scalars(q)]


def position_versions(ctx: ServiceContext, position_id: int) -> list[PositionInfo]:
    """Every version of the position, oldest first."""
    require(ctx, READ)
    with ctx.read() as s:
        pos = position_row(s, position_id)
        q = (select(JobPosition).where(JobPosition.id.in_(lineage_ids(s, pos))).order_by(JobPosition.version_no))
        return [position_info(s, p) for p in s.scalars(q)]


