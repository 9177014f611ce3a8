"""Headcount quotas (biên chế, số lượng người làm việc) per year, unit and staff category, each by decision;
copying a year's quotas to the next year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import Decision, HeadcountQuota, OrgUnit
from hrapp.domain.decisions import DecisionInfo, decision_info
from hrapp.errors import ConflictError, NotFoundError, ValidationError
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import MAX_YEAR, MIN_YEAR, DecisionRef, add_decision
from hrapp.services.org import get_unit
from hrapp.services.position_records import needed_vs_quota


@dataclass(frozen=True)
class QuotaEntry:
    """One number of a quota decision: unit, category, number of people."""

    unit_id: int
    category: str
    number: int
    note: str | None = None


@dataclass(frozen=True)
class QuotaInput:
    """Giao biên chế: one decision assigns a year's numbers to one or more (unit, category) pairs.

    An entry for a pair that already has a number for the year replaces it (the decision changes it)."""

    year: int
    entries: tuple[QuotaEntry, ...]
    decision: DecisionRef


@dataclass(frozen=True)
class CopyQuotas:
    from_year: int
    to_year: int
    decision: DecisionRef


@dataclass(frozen=True)
class QuotaInfo:
    id: int
    year: int
    unit_id: int
    unit_code: str
    unit_name: str
    category: str
    number: int
    decision: DecisionInfo | None
    note: str | None

    @property
    def category_label(self) -> str:
        return catalogs.label("category", self.category)


@dataclass(frozen=True)
class QuotaResult:
    quotas: tuple[QuotaInfo, ...]
    warnings: tuple[str, ...]


def year_errors(year: object, field: str = "year") -> list[tuple[str, str]]:
    if not isinstance(year, int) or isinstance(year, bool):
        return [(field, "Năm phải là số nguyên.")]
    if not MIN_YEAR <= year <= MAX_YEAR:
        return [(field, f"Năm phải trong khoảng {MIN_YEAR}–{MAX_YEAR}.")]
    return []


def number_errors(number: object, field: str) -> list[tuple[str, str]]:
    if not isinstance(number, int) or isinstance(number, bool):
        return [(field, "Số biên chế phải là số nguyên.")]
    if number < 0:
        return [(field, "Số biên chế không được âm.")]
    if number > 100000:
        return [(field, "Số biên chế quá lớn.")]
    return []


def _info(s: Session, q: HeadcountQuota) -> QuotaInfo:
    unit = s.get_one(OrgUnit, q.unit_id)
    dec = s.get(Decision, q.decision_id) if q.decision_id else None
    return QuotaInfo(id=q.id, year=q.year, unit_id=q.unit_id, unit_code=unit.code, unit_name=unit.name,
                     category=q.category, number=q.number, decision=decision_info(dec) if dec else None, note=q.note)


def _year_overlaps(unit: OrgUnit, year: int) -> bool:
    """The unit exists on some day of the year."""
    return ((unit.active_from is None or unit.active_from <= date(year, 12, 31))
            and (unit.active_to is None or unit.active_to >= date(year, 1, 1)))


def set_quotas(ctx: ServiceContext, dto: QuotaInput) -> QuotaResult:
    """Record a quota decision for the year; all entries are saved or none."""
    require(ctx, WRITE)
    for e in dto.entries:
        require(ctx, WRITE, e.unit_id)
    with ctx.unit_of_work() as s:
        errors = year_errors(dto.year)
        if not dto.entries:
            errors.append(("entries", messages.text("quota_numbers_missing")))
        seen: set[tuple[int, str]] = set()
        for i, e in enumerate(dto.entries):
            errors += number_errors(e.number, f"entries.{i}.number")
            if e.category not in catalogs.CATEGORIES:
                errors.append((f"entries.{i}.category", messages.text("quota_kind_invalid")))
            if (e.unit_id, e.category) in seen:
                errors.append((f"entries.{i}.unit_id", messages.text("quota_unit_kind_twice")))
            seen.add((e.unit_id, e.category))
        if errors:
            raise ValidationError(errors)
        dec = add_decision(s, dto.decision)
        saved: list[HeadcountQuota] = []
        for i, e in enumerate(dto.entries):
            unit = get_unit(s, e.unit_id, f"entries.{i}.unit_id")
            if not _year_overlaps(unit, dto.year):
                raise ValidationError([(f"entries.{i}.unit_id",
                                        messages.text("unit_inactive_in_year", unit=unit.name, year=dto.year))])
            q = s.scalar(select(HeadcountQuota).where(HeadcountQuota.year == dto.year,
                                                      HeadcountQuota.unit_id == unit.id,
                                                      HeadcountQuota.category == e.category))
            if q is None:
                q = HeadcountQuota(year=dto.year, unit_id=unit.id, category=e.category)
                s.add(q)
            q.number = e.number
            q.decision_id = dec.id
            q.note = (e.note or "").strip() or None
            saved.append(q)
        s.flush()
        warnings = tuple(w for uid in dict.fromkeys(q.unit_id for q in saved)
                         if (w := needed_vs_quota(s, uid, dto.year)))
        return QuotaResult(tuple(_info(s, q) for q in saved), warnings)


def set_quota(ctx: ServiceContext, year: int, unit_id: int, category: str, number: int, decision: DecisionRef,
              note: str | None = None) -> QuotaResult:
    """One (unit, category) number for the year, by decision."""
    return set_quotas(ctx, QuotaInput(year, (QuotaEntry(unit_id, category, number, note),), decision))


def copy_quotas(ctx: ServiceContext, dto: CopyQuotas) -> QuotaResult:
    """Giao biên chế năm sau bằng số năm trước: every number of `from_year` for units that exist during
    `to_year`, under one decision. Refused when `to_year` already has numbers."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        errors = year_errors(dto.from_year, "from_year") + year_errors(dto.to_year, "to_year")
        if not errors and dto.from_year == dto.to_year:
            errors.append(("to_year", messages.text("quota_copy_same_year")))
        if errors:
            raise ValidationError(errors)
        source = s.scalars(select(HeadcountQuota).where(HeadcountQuota.year == dto.from_year)).all()
        if not source:
            raise NotFoundError("no_quotas", f"Năm {dto.from_year} chưa có số biên chế nào.", field="from_year")
        if s.scalar(select(HeadcountQuota.id).where(HeadcountQuota.year == dto.to_year).limit(1)) is not None:
            raise ConflictError("quotas_exist", f"Năm {dto.to_year} đã có số biên chế; hãy sửa trực tiếp.",
                                field="to_year")
        dec = add_decision(s, dto.decision)
        saved = []
        for q in source:
            if not _year_overlaps(s.get_one(OrgUnit, q.unit_id), dto.to_year):
                continue  # closed or merged before the year began
            row = HeadcountQuota(year=dto.to_year, unit_id=q.unit_id, category=q.category, number=q.number,
                                 decision_id=dec.id, note=q.note)
            s.add(row)
            saved.append(row)
        s.flush()
        return QuotaResult(tuple(_info(s, q) for q in saved), ())


def list_quotas(ctx: ServiceContext, year: int) -> list[QuotaInfo]:
    """The year's numbers per unit and category, as recorded (no roll-up)."""
    require(ctx, READ)
    with ctx.read() as s:
        rows = s.scalars(select(HeadcountQuota).where(HeadcountQuota.year == year)
                         .order_by(HeadcountQuota.unit_id, HeadcountQuota.category)).all()
        return [_info(s, q) for q in rows]
