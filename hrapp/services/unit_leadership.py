"""A unit's leadership posts with their holders on a day, and the warning when a phòng has more deputies than
its công chức headcount allows (rule data `deputy_limits`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrapp.context import ServiceContext
from hrapp.db.models import Employment, HeadcountQuota
from hrapp.domain.rules import RuleVersion
from hrapp.errors import DomainError
from hrapp.queries.org_history import LeaderRow, _leaders_at, _unit_name_at, _units_at, _within_scope
from hrapp.security import READ, require
from hrapp.services.org import UnitInfo, get_unit, unit_info


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


def max_deputies(rule: RuleVersion, headcount: int) -> int:
    """The number of deputies a phòng may have for its công chức headcount, from the rule's bands."""
    for band in rule.params["bands"]:
        if headcount >= band["min"] and (band["max"] is None or headcount <= band["max"]):
            return int(band["max_deputies"])
    raise DomainError("rule_gap", f"Quy định {rule.label()} không có mức cho {headcount} biên chế.")


def _deputy_warning(s: Session, rule: RuleVersion, unit_id: int, code: str, name: str, on: date,
                    leaders: list[LeaderRow]) -> DeputyWarning | None:
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
    allowed = max_deputies(rule, headcount)
    if deputies <= allowed:
        return None
    return DeputyWarning(unit_id=unit_id, unit_code=code, unit_name=name, headcount=headcount,
                         headcount_source=source, deputies=deputies, allowed=allowed, rule=rule.label())


def deputy_warnings(ctx: ServiceContext, on: date) -> list[DeputyWarning]:
    """Every phòng (kinds named by the rule) whose deputies on `on` exceed the limit for its headcount."""
    require(ctx, READ)
    rule = ctx.rulebook.get("deputy_limits", on)
    out = []
    with ctx.read() as s:
        for u in _within_scope(s, _units_at(s, on)):
            if u.kind not in rule.params["unit_kinds"]:
                continue
            w = _deputy_warning(s, rule, u.id, u.code, u.name, on, _leaders_at(s, u.id, on))
            if w is not None:
                out.append(w)
    return out


def unit_leadership(ctx: ServiceContext, unit_id: int, on: date) -> UnitLeadership:
    """The unit's leadership posts with their holders on `on`, and the deputy warning when it applies."""
    require(ctx, READ)
    rule = ctx.rulebook.get("deputy_limits", on)
    with ctx.read() as s:
        unit = get_unit(s, unit_id)
        leaders = _leaders_at(s, unit_id, on)
        warning = None
        if unit.kind in rule.params["unit_kinds"]:
            warning = _deputy_warning(s, rule, unit.id, unit.code, _unit_name_at(s, unit.id, on), on, leaders)
        return UnitLeadership(unit=unit_info(s, unit), on=on, leaders=tuple(leaders), warning=warning)
