"""Job positions (vị trí việc làm): description, requirements and competency framework, approval by
decision with versions kept, copy and retire; who holds which position (main or kiêm nhiệm) and what a
person lacks for one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Decision,
    Employment,
    HeadcountQuota,
    JobPosition,
    Note,
    OrgUnit,
    Person,
    PositionAssignment,
    PositionCompetency,
    Qualification,
    Rank,
    RankAssignment,
    SalaryStep,
)
from hrapp.domain.decisions import DecisionInfo, decision_info, effective_date
from hrapp.domain.history import day_before
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.org import CODE_RE, get_unit
from hrapp.services.snapshot import refresh_snapshot
from hrapp.text import fold

LIVE = ("draft", "approved")
STATUS_LABELS = {"draft": "Dự thảo", "approved": "Đã phê duyệt", "superseded": "Đã thay thế",
                 "retired": "Đã bãi bỏ"}
REQUIREMENT_KINDS = {
    "education_level": "chuyen_mon",
    "political_theory": "llct",
    "state_management": "qlnn",
    "it": "tin_hoc",
    "language": "ngoai_ngu",
}
REQUIREMENT_LABELS = {
    "min_rank": "Ngạch/chức danh nghề nghiệp tối thiểu",
    "education_level": "Trình độ chuyên môn",
    "major": "Chuyên ngành",
    "political_theory": "Lý luận chính trị",
    "state_management": "Quản lý nhà nước",
    "it": "Tin học",
    "language": "Ngoại ngữ",
    "experience_years": "Số năm kinh nghiệm",
}
WAIVER_TOPIC = "vtvl_chua_dat_yeu_cau"


# ----------------------------------------------------------------------------------------------------
# DTOs


@dataclass(frozen=True)
class Task:
    """A task of the job description with its output (sản phẩm) and frequency (tần suất)."""

    task: str
    product: str = ""
    frequency: str = ""


@dataclass(frozen=True)
class Requirements:
    """Yêu cầu về trình độ, năng lực: level codes from the qualification_level catalogue."""

    education_level: str | None = None
    major: str | None = None
    political_theory: str | None = None
    state_management: str | None = None
    it: str | None = None
    language: str | None = None
    experience_years: int | None = None


@dataclass(frozen=True)
class CompetencyLevel:
    code: str
    level: int


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
class CompetencyRow:
    code: str
    name: str
    group: str
    level: int


@dataclass(frozen=True)
class PositionInfo:
    id: int
    code: str
    name: str
    unit_id: int
    unit_code: str
    unit_name: str
    group: str
    min_rank_code: str | None
    min_rank_name: str | None
    number_needed: int
    status: str
    version_no: int
    previous_id: int | None
    decision: DecisionInfo | None
    effective_from: date | None
    effective_to: date | None
    is_leadership: bool
    purpose: str | None
    tasks: tuple[Task, ...]
    relationships: str | None
    authority: str | None
    conditions: str | None
    requirements: Requirements
    competencies: tuple[CompetencyRow, ...]
    warnings: tuple[str, ...] = ()

    @property
    def group_label(self) -> str:
        return catalogs.label("position_group", self.group)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class CopyPosition:
    position_id: int
    unit_id: int
    code: str | None = None  # None keeps the code


@dataclass(frozen=True)
class AssignPosition:
    """Bố trí a person to a position from the decision's effective date. `waiver_note` is required when the
    person lacks a requirement; it is kept as a note on the person's record."""

    person_id: int
    position_id: int
    decision: DecisionRef
    waiver_note: str | None = None


@dataclass(frozen=True)
class EndAssignment:
    """Thôi kiêm nhiệm: the assignment's last day is the day before the decision takes effect."""

    assignment_id: int
    decision: DecisionRef


@dataclass(frozen=True)
class RequirementGap:
    requirement: str  # key of REQUIREMENT_LABELS
    required: str
    held: str

    @property
    def label(self) -> str:
        return REQUIREMENT_LABELS.get(self.requirement, self.requirement)

    def text(self) -> str:
        return f"{self.label}: yêu cầu {self.required}, hiện có {self.held}"


@dataclass(frozen=True)
class AssignmentResult:
    person_id: int
    position_id: int
    position_name: str
    unit_name: str
    start_date: date
    concurrent: bool
    assignment_id: int | None
    gaps: tuple[RequirementGap, ...]


@dataclass(frozen=True)
class HeldPosition:
    position_id: int
    code: str
    name: str
    unit_id: int
    unit_name: str
    since: date
    until: date | None
    concurrent: bool
    assignment_id: int | None


@dataclass(frozen=True)
class PersonPositions:
    main: HeldPosition | None
    concurrent: tuple[HeldPosition, ...]


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


def _require_open_unit(unit: OrgUnit) -> None:
    if unit.active_to is not None:
        raise DomainError(
            "unit_closed",
            f"Đơn vị {unit.name} đã giải thể hoặc sáp nhập (đến hết ngày {unit.active_to:%d/%m/%Y}); "
            "không thể thêm vị trí việc làm.",
            field="unit_id",
        )


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
    pos.purpose = _clean(dto.purpose)
    pos.tasks = [{"task": t.task.strip(), "product": (t.product or "").strip(), "frequency": (t.frequency or "").strip()}
                 for t in dto.tasks]
    pos.relationships = _clean(dto.relationships)
    pos.authority = _clean(dto.authority)
    pos.conditions = _clean(dto.conditions)
    pos.req_education_level = req.education_level or None
    pos.req_major = _clean(req.major)
    pos.req_political_theory = req.political_theory or None
    pos.req_state_management = req.state_management or None
    pos.req_it = req.it or None
    pos.req_language = req.language or None
    pos.req_experience_years = req.experience_years
    pos.competencies = [PositionCompetency(competency_code=c.code, level=c.level) for c in dto.competencies]


def clone_position(s: Session, src: JobPosition, unit_id: int, code: str, *, version_of: JobPosition | None = None
                   ) -> JobPosition:
    """A draft copy of `src` in `unit_id` (a new position, or with `version_of` the next version of it)."""
    pos = JobPosition(
        code=code, name=src.name, unit_id=unit_id, group=src.group, min_rank_code=src.min_rank_code,
        number_needed=src.number_needed, status="draft", purpose=src.purpose,
        tasks=[dict(t) for t in (src.tasks or [])], relationships=src.relationships, authority=src.authority,
        conditions=src.conditions, req_education_level=src.req_education_level, req_major=src.req_major,
        req_political_theory=src.req_political_theory, req_state_management=src.req_state_management,
        req_it=src.req_it, req_language=src.req_language, req_experience_years=src.req_experience_years,
        is_leadership=src.is_leadership,
        version_no=version_of.version_no + 1 if version_of else 1,
        previous_id=version_of.id if version_of else None,
        competencies=[PositionCompetency(competency_code=c.competency_code, level=c.level) for c in src.competencies],
    )
    s.add(pos)
    s.flush()
    return pos


def lineage_ids(s: Session, pos: JobPosition) -> list[int]:
    """Ids of every version of the position (versions share unit and code)."""
    return list(s.scalars(select(JobPosition.id).where(JobPosition.unit_id == pos.unit_id,
                                                       JobPosition.code == pos.code)))


def current_version(s: Session, pos: JobPosition) -> JobPosition:
    """The live version of the position's lineage (the approved one, else the newest draft)."""
    versions = s.scalars(select(JobPosition).where(JobPosition.unit_id == pos.unit_id, JobPosition.code == pos.code)
                         .order_by(JobPosition.version_no)).all()
    approved = [v for v in versions if v.status == "approved"]
    if approved:
        return approved[-1]
    drafts = [v for v in versions if v.status == "draft"]
    return drafts[-1] if drafts else pos


def needed_vs_quota(s: Session, unit_id: int, year: int) -> str | None:
    """A warning when the unit's live positions need more people than its quota for the year allows."""
    quota = s.scalar(select(func.sum(HeadcountQuota.number)).where(HeadcountQuota.unit_id == unit_id,
                                                                   HeadcountQuota.year == year))
    if quota is None:
        return None
    live = s.scalars(select(JobPosition).where(JobPosition.unit_id == unit_id, JobPosition.status.in_(LIVE))).all()
    # One figure per lineage: a pending draft revision replaces nothing until it is approved.
    by_code: dict[str, JobPosition] = {}
    for p in live:
        have = by_code.get(p.code)
        if have is None or (have.status == "draft" and p.status == "approved"):
            by_code[p.code] = p
    needed = sum(p.number_needed for p in by_code.values())
    if needed <= quota:
        return None
    unit = s.get(OrgUnit, unit_id)
    return (f"Tổng số người cần của các vị trí việc làm tại {unit.name if unit else ''} ({needed}) vượt "
            f"số biên chế được giao năm {year} ({quota}).")


def position_info(s: Session, pos: JobPosition, warnings: tuple[str, ...] = ()) -> PositionInfo:
    unit = s.get(OrgUnit, pos.unit_id)
    rank = s.get(Rank, pos.min_rank_code) if pos.min_rank_code else None
    dec_row = s.get(Decision, pos.decision_id) if pos.decision_id else None
    decision = decision_info(dec_row) if dec_row is not None else None
    comp_labels = catalogs.labels("competency")
    return PositionInfo(
        id=pos.id, code=pos.code, name=pos.name, unit_id=pos.unit_id, unit_code=unit.code, unit_name=unit.name,
        group=pos.group, min_rank_code=pos.min_rank_code, min_rank_name=rank.name if rank else None,
        number_needed=pos.number_needed, status=pos.status, version_no=pos.version_no, previous_id=pos.previous_id,
        decision=decision, effective_from=pos.effective_from, effective_to=pos.effective_to,
        is_leadership=pos.is_leadership, purpose=pos.purpose,
        tasks=tuple(Task(t.get("task", ""), t.get("product", ""), t.get("frequency", "")) for t in pos.tasks or []),
        relationships=pos.relationships, authority=pos.authority, conditions=pos.conditions,
        requirements=Requirements(
            education_level=pos.req_education_level, major=pos.req_major, political_theory=pos.req_political_theory,
            state_management=pos.req_state_management, it=pos.req_it, language=pos.req_language,
            experience_years=pos.req_experience_years,
        ),
        competencies=tuple(
            CompetencyRow(c.competency_code, comp_labels.get(c.competency_code, c.competency_code),
                          catalogs.extra("competency", c.competency_code).get("group", ""), c.level)
            for c in pos.competencies
        ),
        warnings=warnings,
    )


def _get(s: Session, position_id: int) -> JobPosition:
    pos = s.get(JobPosition, position_id)
    if pos is None:
        raise NotFoundError("position_not_found", "Không tìm thấy vị trí việc làm.", field="position_id")
    return pos


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


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
        _require_open_unit(unit)
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
        pos = _get(s, position_id)
        require(ctx, WRITE, pos.unit_id)
        if pos.status in ("superseded", "retired"):
            raise DomainError("position_frozen",
                              f"Vị trí ở trạng thái '{STATUS_LABELS[pos.status]}' không sửa được.", field="position_id")
        if dto.unit_id != pos.unit_id:
            raise ValidationError([("unit_id", messages.text("position_move_unit"))])
        errors = _position_errors(s, dto)
        if errors:
            raise ValidationError(errors)
        _require_open_unit(get_unit(s, pos.unit_id))
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
        pos = _get(s, position_id)
        require(ctx, WRITE, pos.unit_id)
        if pos.status != "draft":
            raise DomainError("not_draft", "Chỉ phê duyệt được vị trí đang ở dạng dự thảo.", field="position_id")
        _require_open_unit(get_unit(s, pos.unit_id))
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
        src = _get(s, dto.position_id)
        unit = get_unit(s, dto.unit_id)
        _require_open_unit(unit)
        code = (dto.code or src.code).strip()
        if not code or len(code) > 40 or not CODE_RE.match(code):
            raise ValidationError([("code", messages.text("position_code_format"))])
        _check_code_free(s, unit.id, code)
        pos = clone_position(s, src, unit.id, code)
        return position_info(s, pos, _warnings(s, unit.id))


def retire_position(ctx: ServiceContext, position_id: int, decision: DecisionRef) -> PositionInfo:
    """Bãi bỏ a position from the decision's effective date; refused while someone still holds it."""
    with ctx.unit_of_work() as s:
        pos = _get(s, position_id)
        require(ctx, WRITE, pos.unit_id)
        if pos.status not in LIVE:
            raise DomainError("position_frozen", "Vị trí đã bị thay thế hoặc bãi bỏ.", field="position_id")
        dec = add_decision(s, decision)
        on = effective_date(dec)
        ids = lineage_ids(s, pos)
        holders = s.scalars(
            select(Person.full_name).join(Employment, Employment.person_id == Person.id).where(
                Employment.position_id.in_(ids), or_(Employment.end_date.is_(None), Employment.end_date >= on))
        ).all()
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
        pos = _get(s, position_id)
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
        pos = _get(s, position_id)
        q = (select(JobPosition).where(JobPosition.id.in_(lineage_ids(s, pos))).order_by(JobPosition.version_no))
        return [position_info(s, p) for p in s.scalars(q)]


# ----------------------------------------------------------------------------------------------------
# Requirements of a person


def _best(quals: list[Qualification], kind: str) -> Qualification | None:
    ranked = [q for q in quals if q.kind == kind]
    return max(ranked, key=lambda q: _level_rank(q.level_code), default=None)


def _level_rank(code: str | None) -> int:
    if not code:
        return 0
    return int(catalogs.extra("qualification_level", code).get("rank", 0))


def _level_name(code: str | None) -> str:
    return catalogs.label("qualification_level", code, "chưa có")


def _rank_on(s: Session, person_id: int, on: date) -> str | None:
    ra = s.scalars(select(RankAssignment).where(
        RankAssignment.person_id == person_id, RankAssignment.effective_date <= on,
        or_(RankAssignment.end_date.is_(None), RankAssignment.end_date >= on),
    ).order_by(RankAssignment.effective_date.desc(), RankAssignment.id.desc())).first()
    if ra is not None:
        return ra.rank_code
    return s.scalar(select(SalaryStep.rank_code).where(SalaryStep.person_id == person_id,
                                                       SalaryStep.effective_date <= on)
                    .order_by(SalaryStep.effective_date.desc(), SalaryStep.id.desc()).limit(1))


def _class_order(rules: RuleBook, on: date) -> list[str]:
    """Salary classes from the highest (A3.1) down, in the order the salary-scale rule lists them."""
    return list(rules.get("salary_scale", on).params["classes"])


def _years_between(start: date, end: date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def gaps_for(s: Session, rules: RuleBook, person_id: int, pos: JobPosition, on: date) -> list[RequirementGap]:
    """What the person lacks on `on` for the position's requirements (empty when every one is met)."""
    gaps: list[RequirementGap] = []
    quals = [q for q in s.scalars(select(Qualification).where(Qualification.person_id == person_id))
             if not q.in_progress and (q.year is None or q.year <= on.year)
             and (q.certificate_date is None or q.certificate_date <= on)]
    if pos.min_rank_code:
        need = s.get(Rank, pos.min_rank_code)
        have_code = _rank_on(s, person_id, on)
        have = s.get(Rank, have_code) if have_code else None
        order = _class_order(rules, on)
        ok = (have is not None and need is not None and have.salary_class in order and need.salary_class in order
              and order.index(have.salary_class) <= order.index(need.salary_class))
        if not ok:
            gaps.append(RequirementGap("min_rank", f"{need.name} ({need.salary_class})" if need else pos.min_rank_code,
                                       f"{have.name} ({have.salary_class})" if have else "chưa có"))
    if pos.req_education_level:
        best = _best(quals, "chuyen_mon")
        if _level_rank(best.level_code if best else None) < _level_rank(pos.req_education_level):
            gaps.append(RequirementGap("education_level", _level_name(pos.req_education_level),
                                       _level_name(best.level_code if best else None)))
    if pos.req_major:
        need_major = fold(pos.req_major)
        level = _level_rank(pos.req_education_level)
        majors = [q.major for q in quals if q.kind == "chuyen_mon" and q.major and _level_rank(q.level_code) >= level]
        if not any(need_major in fold(m) or fold(m) in need_major for m in majors):
            gaps.append(RequirementGap("major", pos.req_major, "; ".join(majors) or "chưa có"))
    for key, kind, required in (("political_theory", "llct", pos.req_political_theory),
                                ("state_management", "qlnn", pos.req_state_management),
                                ("it", "tin_hoc", pos.req_it), ("language", "ngoai_ngu", pos.req_language)):
        if not required:
            continue
        best = _best(quals, kind)
        if _level_rank(best.level_code if best else None) < _level_rank(required):
            gaps.append(RequirementGap(key, _level_name(required), _level_name(best.level_code if best else None)))
    if pos.req_experience_years:
        first = s.scalar(select(func.min(Employment.start_date)).where(Employment.person_id == person_id))
        recruited = s.scalar(select(func.min(Employment.recruitment_date)).where(Employment.person_id == person_id))
        start = min(d for d in (first, recruited) if d is not None) if (first or recruited) else None
        years = _years_between(start, on) if start and start <= on else 0
        if years < pos.req_experience_years:
            gaps.append(RequirementGap("experience_years", f"{pos.req_experience_years} năm", f"{years} năm"))
    return gaps


def requirement_gaps(ctx: ServiceContext, person_id: int, position_id: int, on: date) -> list[RequirementGap]:
    require(ctx, READ)
    with ctx.read() as s:
        if s.get(Person, person_id) is None:
            raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
        return gaps_for(s, ctx.rulebook, person_id, _get(s, position_id), on)


# ----------------------------------------------------------------------------------------------------
# Who holds which position


def _employment_on(s: Session, person_id: int, on: date) -> Employment | None:
    return s.scalars(select(Employment).where(
        Employment.person_id == person_id, Employment.start_date <= on,
        or_(Employment.end_date.is_(None), Employment.end_date >= on),
    ).order_by(Employment.start_date.desc(), Employment.id.desc())).first()


def _assignable(s: Session, position_id: int, on: date) -> JobPosition:
    pos = current_version(s, _get(s, position_id))
    if pos.status not in LIVE or (pos.effective_to is not None and pos.effective_to < on):
        raise DomainError("position_retired", f"Vị trí {pos.name} không còn hiệu lực vào ngày {on:%d/%m/%Y}.",
                          field="position_id")
    _require_open_unit(get_unit(s, pos.unit_id))
    return pos


def _check_waiver(gaps: list[RequirementGap], note: str | None) -> None:
    if gaps and not (note or "").strip():
        raise DomainError(
            "requirements_not_met",
            "Chưa đáp ứng yêu cầu của vị trí: " + "; ".join(g.text() for g in gaps)
            + ". Nhập ghi chú (lý do) để vẫn bố trí.",
            field="waiver_note", gaps=tuple(gaps),
        )


def _record_waiver(s: Session, person_id: int, pos: JobPosition, on: date, gaps: list[RequirementGap],
                   note: str | None, concurrent: bool) -> None:
    if not gaps:
        return
    how = "kiêm nhiệm" if concurrent else "bố trí"
    s.add(Note(person_id=person_id, topic=WAIVER_TOPIC, text=(
        f"{how.capitalize()} vị trí {pos.name} ({pos.code}) từ ngày {on:%d/%m/%Y} khi chưa đáp ứng: "
        + "; ".join(g.text() for g in gaps) + f". Ghi chú: {note.strip() if note else ''}")))


def _require_assign(ctx: ServiceContext, s: Session, person: Person, position_id: int) -> None:
    """The right to write for the person's unit and for the position's unit, checked before anything is written."""
    require(ctx, WRITE, person.cur_unit_id)
    require(ctx, WRITE, s.scalar(select(JobPosition.unit_id).where(JobPosition.id == position_id)))


def assign_main_position(ctx: ServiceContext, dto: AssignPosition) -> AssignmentResult:
    """Make the position the person's main one from the decision's effective day E.

    The running employment row ends on E−1 and a new one starts on E in the position's unit (the same
    category); a row that starts on E is changed in place. A missing requirement needs `waiver_note`.
    """
    with ctx.unit_of_work() as s:
        person = s.get(Person, dto.person_id)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
        _require_assign(ctx, s, person, dto.position_id)
        dec = add_decision(s, dto.decision)
        on = effective_date(dec)
        pos = _assignable(s, dto.position_id, on)
        emp = _employment_on(s, person.id, on)
        if emp is None:
            raise DomainError("no_employment",
                              f"{person.full_name} không có quá trình công tác vào ngày {on:%d/%m/%Y}.",
                              field="person_id")
        if emp.position_id in lineage_ids(s, pos):
            raise DomainError("already_held", f"{person.full_name} đang giữ vị trí {pos.name}.", field="position_id")
        gaps = gaps_for(s, ctx.rulebook, person.id, pos, on)
        _check_waiver(gaps, dto.waiver_note)
        if emp.start_date == on:
            emp.unit_id = pos.unit_id
            emp.position_id = pos.id
            emp.decision_id = dec.id
        else:
            s.add(Employment(
                person_id=person.id, category=emp.category, unit_id=pos.unit_id, position_id=pos.id,
                start_date=on, end_date=emp.end_date, end_reason=emp.end_reason,
                recruitment_date=emp.recruitment_date, recruitment_agency=emp.recruitment_agency,
                probation_start=emp.probation_start, probation_end=emp.probation_end,
                probation_pay_percent=emp.probation_pay_percent, decision_id=dec.id,
            ))
            emp.end_date = day_before(on)
            emp.end_reason = "moved"
        # Holding it as the main position ends holding it concurrently.
        for a in s.scalars(select(PositionAssignment).where(
                PositionAssignment.person_id == person.id, PositionAssignment.position_id.in_(lineage_ids(s, pos)),
                or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on))):
            if a.start_date >= on:
                s.delete(a)
            else:
                a.end_date = day_before(on)
        _record_waiver(s, person.id, pos, on, gaps, dto.waiver_note, concurrent=False)
        s.flush()
        refresh_snapshot(s, person)
        unit = s.get(OrgUnit, pos.unit_id)
        return AssignmentResult(person.id, pos.id, pos.name, unit.name, on, False, None, tuple(gaps))


def assign_concurrent_position(ctx: ServiceContext, dto: AssignPosition) -> AssignmentResult:
    """Kiêm nhiệm: hold the position besides the main one, from the decision's effective day."""
    with ctx.unit_of_work() as s:
        person = s.get(Person, dto.person_id)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
        _require_assign(ctx, s, person, dto.position_id)
        dec = add_decision(s, dto.decision)
        on = effective_date(dec)
        pos = _assignable(s, dto.position_id, on)
        emp = _employment_on(s, person.id, on)
        if emp is None:
            raise DomainError("no_employment",
                              f"{person.full_name} không có quá trình công tác vào ngày {on:%d/%m/%Y}.",
                              field="person_id")
        ids = lineage_ids(s, pos)
        if emp.position_id in ids:
            raise DomainError("already_held", f"{pos.name} đang là vị trí chính của {person.full_name}.",
                              field="position_id")
        running = s.scalar(select(PositionAssignment.id).where(
            PositionAssignment.person_id == person.id, PositionAssignment.position_id.in_(ids),
            or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on)))
        if running is not None:
            raise DomainError("already_held", f"{person.full_name} đang kiêm nhiệm vị trí {pos.name}.",
                              field="position_id")
        gaps = gaps_for(s, ctx.rulebook, person.id, pos, on)
        _check_waiver(gaps, dto.waiver_note)
        a = PositionAssignment(person_id=person.id, position_id=pos.id, start_date=on, decision_id=dec.id,
                               note=_clean(dto.waiver_note) if gaps else None)
        s.add(a)
        _record_waiver(s, person.id, pos, on, gaps, dto.waiver_note, concurrent=True)
        s.flush()
        unit = s.get(OrgUnit, pos.unit_id)
        return AssignmentResult(person.id, pos.id, pos.name, unit.name, on, True, a.id, tuple(gaps))


def end_concurrent_position(ctx: ServiceContext, dto: EndAssignment) -> None:
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        a = s.get(PositionAssignment, dto.assignment_id)
        if a is None:
            raise NotFoundError("assignment_not_found", "Không tìm thấy quá trình kiêm nhiệm.", field="assignment_id")
        require(ctx, WRITE, s.get(JobPosition, a.position_id).unit_id)
        dec = add_decision(s, dto.decision)
        on = effective_date(dec)
        if on <= a.start_date:
            raise ValidationError([("decision.effective_date",
                                    messages.text("assignment_end_order", day=a.start_date))])
        if a.end_date is not None and a.end_date < on:
            raise DomainError("already_ended", f"Kiêm nhiệm đã kết thúc ngày {a.end_date:%d/%m/%Y}.",
                              field="assignment_id")
        a.end_date = day_before(on)


def _held(s: Session, pos_id: int, since: date, until: date | None, concurrent: bool, assignment_id: int | None,
          on: date) -> HeldPosition:
    pos = s.get(JobPosition, pos_id)
    # Show the version in force on the day (a newer approved version replaces the one first assigned).
    versions = s.scalars(select(JobPosition).where(JobPosition.unit_id == pos.unit_id, JobPosition.code == pos.code)
                         .order_by(JobPosition.version_no)).all()
    shown = next((v for v in reversed(versions) if v.effective_from is not None and v.effective_from <= on
                  and v.status != "draft"), pos)
    unit = s.get(OrgUnit, pos.unit_id)
    return HeldPosition(shown.id, shown.code, shown.name, unit.id, unit.name, since, until, concurrent, assignment_id)


def person_positions(ctx: ServiceContext, person_id: int, on: date | None = None) -> PersonPositions:
    """The person's main position (from the employment row) and concurrent ones on `on` (today by default)."""
    require(ctx, READ)
    on = on or clock.today()
    with ctx.read() as s:
        emp = _employment_on(s, person_id, on)
        main = None
        if emp is not None and emp.position_id is not None:
            main = _held(s, emp.position_id, emp.start_date, emp.end_date, False, None, on)
        rows = s.scalars(select(PositionAssignment).where(
            PositionAssignment.person_id == person_id, PositionAssignment.start_date <= on,
            or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on),
        ).order_by(PositionAssignment.start_date)).all()
        return PersonPositions(main, tuple(_held(s, a.position_id, a.start_date, a.end_date, True, a.id, on)
                                           for a in rows))
