"""A unit's leadership posts with their holders on a day, and the warning when a phòng has more deputies than
its công chức headcount allows (rule data `deputy_limits`, the version in force on the day asked, with the bands of
the agency's province group)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrapp.context import ServiceContext
from hrapp.db.models import Employment, HeadcountQuota
from hrapp.domain.allowances import province_group
from hrapp.domain.rules import RuleVersion
from hrapp.errors import DomainError
from hrapp.queries.org_history import LeaderRow, _leaders_at, _unit_name_at, _units_at, _within_scope
from hrapp.security import READ, require
from hrapp.services.agency import get_agency
from hrapp.services.org import UnitInfo, get_unit, unit_info

DEPUTY_LIMITS = "deputy_limits"


@dataclass(frozen=True)
class DeputyWarning:
    """A phòng with more deputies than its công chức headcount allows (domain.md §3.5)."""

    unit_id: int
    unit_code: str
    unit_name: str
    headcount: int
    headcount_source: str  # "quota" (biên chế được giao) or "actual" (công chức hiện có)
    deputies: int
    allowed: int
    rule: str

    @property
    def message(self) -> str:
        source = "biên chế công chức được giao" if self.headcount_source == "quota" else "công chức hiện có"
        return (f"{self.unit_name} có {self.deputies} cấp phó, vượt số tối đa {self.allowed} "
                f"({self.headcount} {source}; {self.rule}).")


@dataclass(frozen=True)
class UnitLeadership:
    unit: UnitInfo
    on: date
    leaders: tuple[LeaderRow, ...]
    warning: DeputyWarning | None


def deputy_bands(rule: RuleVersion, province: str | None) -> tuple[str, list[dict]]:
    """(province group, bands) of a version for an agency of `province`: the group's bands when the version
    distinguishes groups (Hà Nội and TP HCM, tỉnh loại I, loại II and III), else its single `bands`."""
    by_group = rule.params.get("bands_by_group") or {}
    group = province_group(rule.params, province)
    if group in by_group:
        return group, list(by_group[group])
    return group, list(rule.params["bands"])


def max_deputies(rule: RuleVersion, headcount: int, province: str | None = None) -> int:
    """The number of deputies a phòng may have for its công chức headcount, from the rule's bands for the
    agency's province group."""
    _group, bands = deputy_bands(rule, province)
    for band in bands:
        if headcount >= band["min"] and (band["max"] is None or headcount <= band["max"]):
            return int(band["max_deputies"])
    raise DomainError("rule_gap", f"Quy định {rule.label()} không có mức cho {headcount} biên chế.")


def _deputy_warning(s: Session, rule: RuleVersion, unit_id: int, code: str, name: str, on: date,
                    leaders: list[LeaderRow], province: str | None) -> DeputyWarning | None:
    params = rule.params
    category = params.get("headcount_category", "cong_chuc")
    deputies = sum(1 for r in leaders if r.post_code in params["deputy_posts"])
    if deputies == 0:
        return None
    quota = s.scalar(select(HeadcountQuota.number).where(
        HeadcountQuota.year == on.year, HeadcountQuota.unit_id == unit_id, HeadcountQuota.category == category))
    if quota is not None:
        headcount, source = int(quota), "quota"
    else:
        headcount = s.scalar(select(func.count(func.distinct(Employment.person_id))).where(
            Employment.unit_id == unit_id, Employment.category == category, Employment.start_date <= on,
            or_(Employment.end_date.is_(None), Employment.end_date >= on))) or 0
        source = "actual"
    allowed = max_deputies(rule, headcount, province)
    if deputies <= allowed:
        return None
    return DeputyWarning(unit_id=unit_id, unit_code=code, unit_name=name, headcount=headcount,
                         headcount_source=source, deputies=deputies, allowed=allowed, rule=rule.label())


def deputy_warnings(ctx: ServiceContext, on: date) -> list[DeputyWarning]:
    """Every phòng (kinds named by the rule) whose deputies on `on` exceed the limit for its headcount."""
    require(ctx, READ)
    rule = ctx.rulebook.get(DEPUTY_LIMITS, on)
    province = get_agency(ctx).province
    out = []
    with ctx.read() as s:
        for u in _within_scope(s, _units_at(s, on)):
            if u.kind not in rule.params["unit_kinds"]:
                continue
            w = _deputy_warning(s, rule, u.id, u.code, u.name, on, _leaders_at(s, u.id, on), province)
            if w is not None:
                out.append(w)
    return out


def unit_leadership(ctx: ServiceContext, unit_id: int, on: date) -> UnitLeadership:
    """The unit's leadership posts with their holders on `on`, and the deputy warning when it applies."""
    require(ctx, READ)
    rule = ctx.rulebook.get(DEPUTY_LIMITS, on)
    province = get_agency(ctx).province
    with ctx.read() as s:
        unit = get_unit(s, unit_id)
        leaders = _leaders_at(s, unit_id, on)
        warning = None
        if unit.kind in rule.params["unit_kinds"]:
            warning = _deputy_warning(s, rule, unit.id, unit.code, _unit_name_at(s, unit.id, on), on, leaders,
                                      province)
        return UnitLeadership(unit=unit_info(s, unit), on=on, leaders=tuple(leaders), warning=warning)
