"""Probation (tập sự): length, end date and pay share by category and required level (NĐ 115/2020, NĐ 138/2020)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hrapp.domain.retirement import add_months
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

PROBATION = "probation"

# Levels above a university degree satisfy a title that requires one, so they take its probation length.
_LEVEL_ALIASES = {"TS": "DH", "ThS": "DH"}


@dataclass(frozen=True)
class ProbationResult:
    months: int
    start: date
    end_date: date  # the last day of probation, moved later by leave that does not count
    extension_days: int  # days of leave that do not count as probation time
    pay_percent: Decimal  # share of the starting step's pay during probation (85)
    legal_basis: str  # the text that applies to this category
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {
            "months": self.months,
            "start": self.start.isoformat(),
            "end_date": self.end_date.isoformat(),
            "extension_days": self.extension_days,
            "pay_percent": format(self.pay_percent, "f"),
            "legal_basis": self.legal_basis,
            "rule": self.rule.to_json(),
        }


def probation(
    category: str,
    required_level: str,
    start: date,
    rulebook: RuleBook,
    leave_days: int | Sequence[int] = 0,
    is_doctor: bool = False,
) -> ProbationResult | None:
    """Probation of someone recruited on `start`, or None when the category has none on that date (công chức
    recruited from 01/07/2025, NĐ 170/2025).

    `required_level` is the education level the rank or title requires (DH, CD, TC; TS and ThS count as DH);
    `is_doctor` marks the bác sĩ title (9 months). `leave_days` are the periods of leave taken during probation
    (sick leave, maternity, unpaid leave), one number per period: a period of at least the rule's threshold
    (14 days) does not count as probation time and pushes the end date back by its length; a shorter one counts.
    """
    rule = rulebook.get(PROBATION, start)
    if category not in rule.params:
        raise DomainError("unknown_category", f"Quy định {rule.label()} không có chế độ tập sự cho loại "
                          f"'{category}'.", field="category")
    spec = rule.params[category]
    if spec is None:
        return None
    level = _LEVEL_ALIASES.get(required_level, required_level)
    by_level = spec["months_by_level"]
    if level not in by_level:
        raise DomainError("unknown_level", f"Không có thời gian tập sự cho trình độ '{required_level}'.",
                          field="required_level")
    months = int(by_level[level])
    if is_doctor:
        if "doctor_months" not in spec:
            raise DomainError("not_applicable", "Thời gian tập sự riêng cho chức danh bác sĩ chỉ áp dụng với "
                              "viên chức.", field="is_doctor")
        months = int(spec["doctor_months"])
    periods = [leave_days] if isinstance(leave_days, int) else list(leave_days)
    if any(days < 0 for days in periods):
        raise DomainError("invalid_days", "Số ngày nghỉ không được âm.", field="leave_days")
    threshold = int(spec["non_counting_leave_min_days"])
    extension = sum(days for days in periods if days >= threshold)
    end = add_months(start, months) - timedelta(days=1) + timedelta(days=extension)
    return ProbationResult(months, start, end, extension, Decimal(str(spec["pay_percent"])), spec["legal_basis"],
                           rule)
