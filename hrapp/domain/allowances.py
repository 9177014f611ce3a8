"""Post allowances (phụ cấp chức vụ lãnh đạo) by post, province group and date, and the monthly pay they feed.

The coefficients are rule data (`post_allowance`, resources/rules/post_allowance.json): one version per decree,
a row per post with a coefficient per province group (Hà Nội and TP Hồ Chí Minh apart from the other provinces,
as NĐ 204/2004 and its amendments write them). The version is chosen by the day the allowance is paid for, so a
list of 2025 and a list of 2026 each use the table in force then.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

POST_ALLOWANCE = "post_allowance"
BASE_SALARY = "base_salary"


def province_group(params: Mapping[str, Any], province: str | None) -> str:
    """The group a province belongs to in a rule's `province_groups` ('hn_hcm' for Hà Nội), else its default."""
    for group, members in (params.get("province_groups") or {}).items():
        if province and province in members:
            return str(group)
    return str(params.get("default_group", "khac"))


@dataclass(frozen=True)
class PostAllowance:
    post_code: str
    group: str
    coefficient: Decimal
    rule: RuleVersion

    def label(self) -> str:
        return self.rule.label()


def post_allowance(post_code: str, province: str | None, rulebook: RuleBook, on: date) -> PostAllowance | None:
    """The allowance coefficient of `post_code` on `on` for an agency of `province`; None when the version in
    force has no coefficient for that post and group (the caller keeps the one written in the decision)."""
    try:
        rule = rulebook.get(POST_ALLOWANCE, on)
    except DomainError:
        return None
    group = province_group(rule.params, province)
    row = (rule.params.get("by_post") or {}).get(post_code)
    if not row or row.get(group) in (None, ""):
        return None
    return PostAllowance(post_code, group, Decimal(str(row[group])), rule)


def allowance_or_recorded(post_code: str | None, recorded: Decimal | None, province: str | None,
                          rulebook: RuleBook, on: date) -> Decimal | None:
    """The post's coefficient by the rule in force on `on`, or the one recorded on the post when the rule has none."""
    found = post_allowance(post_code, province, rulebook, on) if post_code else None
    if found is not None:
        return found.coefficient
    return Decimal(recorded) if recorded is not None else None


@dataclass(frozen=True)
class MonthlyPay:
    """One month's pay: (hệ số + phụ cấp chức vụ + PCTNVK% × hệ số + other coefficients) × lương cơ sở."""

    on: date
    coefficient: Decimal
    post_allowance: Decimal
    pctnvk_coefficient: Decimal
    other_allowance: Decimal
    base_salary: Decimal
    base_rule: RuleVersion

    @property
    def total_coefficient(self) -> Decimal:
        return self.coefficient + self.post_allowance + self.pctnvk_coefficient + self.other_allowance

    @property
    def amount(self) -> Decimal:
        """In đồng, rounded to the đồng."""
        return (self.total_coefficient * self.base_salary).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def monthly_pay(coefficient: Decimal, rulebook: RuleBook, on: date, *, post_allowance: Decimal | None = None,
                pctnvk_percent: int | None = None, other_allowance: Decimal | None = None) -> MonthlyPay:
    """The month's pay on `on` at the base salary in force that day (a change of lương cơ sở on 01/07 changes
    July's pay, not June's)."""
    base_rule = rulebook.get(BASE_SALARY, on)
    pct = (coefficient * Decimal(pctnvk_percent or 0) / 100).quantize(Decimal("0.001"))
    return MonthlyPay(on, Decimal(coefficient), Decimal(post_allowance or 0), pct, Decimal(other_allowance or 0),
                      Decimal(str(base_rule.params["amount"])), base_rule)


def appointed_allowance(post_code: str, province: str | None, rulebook: RuleBook, on: date,
                        catalogue_value: str | None = None) -> Decimal | None:
    """The coefficient written on a new appointment starting `on`: the rule's for the post and province group,
    else the post catalogue's (an officer can still type another, as the decision says)."""
    found = post_allowance(post_code, province, rulebook, on)
    if found is not None:
        return found.coefficient
    return Decimal(str(catalogue_value)) if catalogue_value else None
