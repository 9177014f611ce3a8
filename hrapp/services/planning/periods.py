"""Planning use cases of periods and their posts: a period with its rule version, the posts to plan and the most
people each may have."""


from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    OrgUnit,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
)
from hrapp.domain import planning as pl
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.queries import _planning_rows as q
from hrapp.security import WRITE, require
from hrapp.services.decisions import MAX_YEAR, MIN_YEAR
from hrapp.services.planning._shared import (
    clean,
    get_period,
    today,
)

MAX_PERIOD_YEARS = 10


@dataclass(frozen=True)
class PeriodInput:
    start_year: int
    end_year: int
    name: str | None = None
    rule_version: str | None = None  # None: the version in force when the period starts
    note: str | None = None


@dataclass(frozen=True)
class PlanningPostInput:
    period_id: int
    unit_id: int
    post_code: str
    max_people: int | None = None  # None: the rule's maximum
    note: str | None = None


def default_period_name(start_year: int, end_year: int) -> str:
    return f"Quy hoạch cán bộ lãnh đạo, quản lý giai đoạn {start_year}–{end_year}"


def create_period(ctx: ServiceContext, dto: PeriodInput) -> q.PeriodRow:
    """A new planning period; its checks use `rule_version` (default: the rules in force when it starts)."""
    require(ctx, WRITE)
    errors: list[tuple[str, str]] = []
    for name in ("start_year", "end_year"):
        value = getattr(dto, name)
        if not isinstance(value, int) or isinstance(value, bool) or not MIN_YEAR <= value <= MAX_YEAR:
            errors.append((name, messages.text("period_year_range", first=MIN_YEAR, last=MAX_YEAR)))
    if not errors and dto.end_year <= dto.start_year:
        errors.append(("end_year", messages.text("period_end_after_start")))
    if not errors and dto.end_year - dto.start_year >= MAX_PERIOD_YEARS:
        errors.append(("end_year", messages.text("period_too_long", years=MAX_PERIOD_YEARS)))
    if errors:
        raise ValidationError(errors)
    if dto.rule_version:
        rule = ctx.rulebook.by_version(pl.PLANNING, dto.rule_version)
    else:
        rule = pl.default_rule_version(ctx.rulebook, dto.start_year)
    pl.PlanningRules.from_rule(rule)  # refuses a version whose data is incomplete
    code = f"{dto.start_year}-{dto.end_year}"
    with ctx.unit_of_work() as s:
        for other in s.scalars(select(PlanningPeriod)):
            if other.start_year <= dto.end_year and dto.start_year <= other.end_year:
                raise ConflictError("period_overlap", f"Giai đoạn {dto.start_year}–{dto.end_year} trùng thời gian với "
                                    f"giai đoạn {other.start_year}–{other.end_year} đã có.", field="start_year")
        row = PlanningPeriod(code=code, name=clean(dto.name) or default_period_name(dto.start_year, dto.end_year),
                             start_year=dto.start_year, end_year=dto.end_year, rule_version=rule.version,
                             note=clean(dto.note))
        s.add(row)
        s.flush()
        period_id = row.id
    with ctx.read() as s:
        return q.get_period(s, period_id)


def set_period_rules(ctx: ServiceContext, period_id: int, rule_version: str) -> q.PeriodRow:
    """Check a period under another rule version (e.g. when new rules replace the old ones)."""
    require(ctx, WRITE)
    pl.PlanningRules.from_rule(ctx.rulebook.by_version(pl.PLANNING, rule_version))
    with ctx.unit_of_work() as s:
        get_period(s, period_id).rule_version = rule_version
    with ctx.read() as s:
        return q.get_period(s, period_id)


# ============================================================================================== posts


def add_post(ctx: ServiceContext, dto: PlanningPostInput) -> q.PostRow:
    """A post of a unit to plan in the period."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        period = get_period(s, dto.period_id)
        rules = pl.planning_rules(ctx.rulebook, period.rule_version)
        errors: list[tuple[str, str]] = []
        if dto.post_code not in catalogs.labels("post"):
            errors.append(("post_code", messages.text("planning_post_missing")))
        unit = s.get(OrgUnit, dto.unit_id) if dto.unit_id is not None else None  # no unit chosen yet
        if unit is None:
            errors.append(("unit_id", messages.text("plan_unit_missing")))
        elif ((unit.active_to is not None and unit.active_to < date(period.start_year, 1, 1))
              or (unit.active_from is not None and unit.active_from > date(period.end_year, 12, 31))):
            errors.append(("unit_id", messages.text("unit_inactive_in_period", unit=unit.name, start=period.start_year, end=period.end_year)))
        errors += _max_errors(dto.max_people, rules)
        if errors:
            raise ValidationError(errors)
        assert unit is not None
        exists = s.scalar(select(PlanningPost.id).where(PlanningPost.period_id == period.id,
                                                        PlanningPost.unit_id == unit.id,
                                                        PlanningPost.post_code == dto.post_code))
        if exists:
            raise ConflictError("post_exists", f"Chức danh {pl.post_title(dto.post_code, unit.name, unit.kind)} đã có "
                                "trong giai đoạn này.", field="post_code")
        row = PlanningPost(period_id=period.id, unit_id=unit.id, post_code=dto.post_code, max_people=dto.max_people,
                           note=clean(dto.note))
        s.add(row)
        s.flush()
        post_id = row.id
    with ctx.read() as s:
        return q.get_post(s, post_id, today())


def _max_errors(max_people: int | None, rules: pl.PlanningRules) -> list[tuple[str, str]]:
    if max_people is None:
        return []
    if not isinstance(max_people, int) or isinstance(max_people, bool) or max_people < 1:
        return [("max_people", "Số người tối đa phải là số nguyên dương.")]
    if max_people > rules.max_people_per_post:
        return [("max_people", f"Mỗi chức danh quy hoạch không quá {rules.max_people_per_post} người "
                               f"({rules.rule.legal_basis}).")]
    return []


def set_post_maximum(ctx: ServiceContext, post_id: int, max_people: int | None) -> q.PostRow:
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        post = s.get(PlanningPost, post_id)
        if post is None:
            raise NotFoundError("planning_post_not_found", "Không tìm thấy chức danh quy hoạch này.", field="post_id")
        rules = pl.planning_rules(ctx.rulebook, get_period(s, post.period_id).rule_version)
        errors = _max_errors(max_people, rules)
        if errors:
            raise ValidationError(errors)
        active = s.scalar(select(func.count()).select_from(PlanningEntry).where(
            PlanningEntry.post_id == post_id, PlanningEntry.status == "active")) or 0
        if max_people is not None and active > max_people:
            raise DomainError("planning_post_over", active=active, max_people=max_people, field="max_people")
        post.max_people = max_people
    with ctx.read() as s:
        return q.get_post(s, post_id, today())


def delete_post(ctx: ServiceContext, post_id: int) -> None:
    """Remove a post added by mistake; a post that anyone was ever planned for stays (history)."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        post = s.get(PlanningPost, post_id)
        if post is None:
            raise NotFoundError("planning_post_not_found", "Không tìm thấy chức danh quy hoạch này.", field="post_id")
        used = s.scalar(select(func.count()).select_from(PlanningEntry).where(PlanningEntry.post_id == post_id))
        if used:
            raise DomainError("post_in_use", "Chức danh này đã có người được quy hoạch (kể cả đã đưa ra khỏi quy "
                              "hoạch), không xóa được.", field="post_id")
        s.delete(post)
