"""Training use cases of the course catalogue: add or edit a course (a course longer than the rule allows is saved
with a warning)."""


from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Course,
)
from hrapp.domain import training as tr
from hrapp.domain.rules import RuleBook
from hrapp.errors import ConflictError, NotFoundError, ValidationError
from hrapp.queries import _training_rows as q
from hrapp.security import WRITE, require
from hrapp.services.training._shared import clean

# ============================================================================================== courses


@dataclass(frozen=True)
class CourseInput:
    code: str
    name: str
    course_type: str
    organiser: str | None = None
    mode: str = "tap_trung"
    duration_value: int | None = None
    duration_unit: str = "weeks"
    certificate_type: str | None = None
    grants_level: str | None = None  # for types whose level varies (tin học, ngoại ngữ, sau đại học, QP-AN)
    active: bool = True
    note: str | None = None


@dataclass(frozen=True)
class CourseResult:
    course: q.CourseRow
    warnings: tuple[str, ...] = ()


def _course_errors(dto: CourseInput) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    code = (dto.code or "").strip()
    if not code:
        errors.append(("code", messages.text("course_code_missing")))
    elif len(code) > 40:
        errors.append(("code", messages.text("course_code_too_long")))
    name = (dto.name or "").strip()
    if not name:
        errors.append(("name", messages.text("course_name_missing")))
    elif len(name) > 300:
        errors.append(("name", messages.text("course_name_too_long")))
    if dto.course_type not in catalogs.labels(tr.COURSE_TYPE):
        errors.append(("course_type", messages.text("course_kind_missing")))
    if dto.mode not in tr.MODES:
        errors.append(("mode", messages.text("course_mode_invalid")))
    if dto.duration_unit not in tr.DURATION_UNITS:
        errors.append(("duration_unit", messages.text("duration_unit_invalid")))
    if dto.duration_value is not None and (not isinstance(dto.duration_value, int) or not 0 < dto.duration_value
                                           <= 2000):
        errors.append(("duration_value", messages.text("duration_positive")))
    if dto.organiser and len(dto.organiser) > 200:
        errors.append(("organiser", messages.text("provider_too_long")))
    if dto.course_type in catalogs.labels(tr.COURSE_TYPE):
        kind, fixed = tr.grants_of_type(dto.course_type)
        if dto.grants_level and (kind is None or fixed is not None):
            errors.append(("grants_level", messages.text("course_grants_no_level")))
        elif dto.grants_level and tr.level_rank(kind or "", dto.grants_level) is None:
            errors.append(("grants_level", messages.text("course_level_wrong_kind", level=dto.grants_level, kind=tr.KIND_LABELS.get(kind or '', kind or '').lower())))
    return errors


def _fill_course(c: Course, dto: CourseInput) -> None:
    kind, fixed = tr.grants_of_type(dto.course_type)
    c.code, c.name, c.course_type = dto.code.strip(), dto.name.strip(), dto.course_type
    c.organiser, c.mode = clean(dto.organiser), dto.mode
    c.duration_value, c.duration_unit = dto.duration_value, dto.duration_unit
    c.certificate_type = clean(dto.certificate_type)
    c.grants_kind = kind
    c.grants_level = fixed or clean(dto.grants_level)
    c.active, c.note = dto.active, clean(dto.note)


def _course_warnings(rulebook: RuleBook, dto: CourseInput, on: date) -> tuple[str, ...]:
    warning = tr.programme_length_warning(dto.course_type, dto.duration_value, dto.duration_unit,
                                          tr.training_rules(rulebook, on))
    return (warning,) if warning else ()


def save_course(ctx: ServiceContext, dto: CourseInput, course_id: int | None = None, *,
                today: date | None = None) -> CourseResult:
    """Create (no id) or change a course of the catalogue; a programme longer than the rule allows is a warning."""
    require(ctx, WRITE)
    errors = _course_errors(dto)
    if errors:
        raise ValidationError(errors)
    with ctx.unit_of_work() as s:
        other = s.scalar(select(Course.id).where(Course.code == dto.code.strip()))
        if other is not None and other != course_id:
            raise ConflictError("duplicate_code", f"Mã khóa học {dto.code.strip()} đã có.", field="code")
        c = Course() if course_id is None else s.get(Course, course_id)
        if c is None:
            raise NotFoundError("course_not_found", "Không tìm thấy khóa học này.", field="course_id")
        if course_id is None:
            s.add(c)
        _fill_course(c, dto)
        s.flush()
        new_id = c.id
    with ctx.read() as s:
        return CourseResult(q.get_course(s, new_id), _course_warnings(ctx.rulebook, dto, today or clock.today()))
