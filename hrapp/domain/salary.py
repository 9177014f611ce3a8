"""Salary scales (NĐ 204/2004 Bảng 2, 3 and Bảng 4): coefficient of a class and step, the last step, checks.

Bảng 2 and 3 are the rule `salary_scale`; Bảng 4 (nhân viên thừa hành, phục vụ: lái xe, bảo vệ, phục vụ…) is the
rule `salary_table_4`, whose classes are named B4.1–B4.5 (the pay-step and PCTNVK rules find them under 'B': 24
months, TT 08/2013/TT-BNV Điều 2). A class is looked up in the scale first, then in Bảng 4.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

SALARY_SCALE = "salary_scale"
SALARY_TABLE_4 = "salary_table_4"

_T = TypeVar("_T")


def fmt_coefficient(value: Decimal) -> str:
    """Vietnamese decimal comma for messages: Decimal('2.67') -> '2,67'."""
    return format(value, "f").replace(".", ",")


def lookup_by_class(table: Mapping[str, _T], salary_class: str) -> _T:
    """Value for a salary class from a table keyed by class or class group.

    Tries the full code ('A3.1'), then the part before the dot ('A3'), then the first letter ('C' for 'C1'),
    so rule data can say "36 months for A3" once instead of per sub-class.
    """
    for key in (salary_class, salary_class.split(".")[0], salary_class[:1]):
        if key and key in table:
            return table[key]
    raise DomainError("unknown_salary_class", f"Không có quy định cho loại ngạch lương '{salary_class}'.",
                      field="salary_class")


def scale_rule(rulebook: RuleBook, on: date) -> RuleVersion:
    return rulebook.get(SALARY_SCALE, on)


def table_4_rule(rulebook: RuleBook, on: date) -> RuleVersion | None:
    """Bảng 4 in force on `on` (None for a rule book without it)."""
    try:
        return rulebook.get(SALARY_TABLE_4, on)
    except DomainError:
        return None


def class_rule(salary_class: str, rulebook: RuleBook, on: date) -> RuleVersion:
    """The table holding `salary_class` on `on`: the scale (Bảng 2, 3), else Bảng 4 when it has the class."""
    rule = scale_rule(rulebook, on)
    if salary_class not in rule.params["classes"]:
        table_4 = table_4_rule(rulebook, on)
        if table_4 is not None and salary_class in table_4.params.get("classes", {}):
            return table_4
    return rule


def salary_classes(rulebook: RuleBook, on: date) -> list[str]:
    table_4 = table_4_rule(rulebook, on)
    extra = list(table_4.params.get("classes", {})) if table_4 is not None else []
    return list(scale_rule(rulebook, on).params["classes"]) + extra


def _class_params(rule: RuleVersion, salary_class: str) -> dict[str, Any]:
    try:
        return rule.params["classes"][salary_class]
    except KeyError:
        raise DomainError("unknown_salary_class", f"Bảng lương {rule.label()} không có loại '{salary_class}'.",
                          field="salary_class") from None


_COEFFICIENTS: dict[int, tuple[RuleVersion, dict[str, tuple[Decimal, ...]]]] = {}


def coefficients(salary_class: str, rulebook: RuleBook, on: date) -> tuple[Decimal, ...]:
    """All coefficients of a class, step 1 first."""
    rule = class_rule(salary_class, rulebook, on)
    # Cached per rule object (kept referenced, so its id stays its own): the alerts for 100,000 people ask for
    # them millions of times, and an edited rule is a new object.
    entry = _COEFFICIENTS.get(id(rule))
    if entry is None or entry[0] is not rule:
        if len(_COEFFICIENTS) > 64:
            _COEFFICIENTS.clear()
        entry = _COEFFICIENTS[id(rule)] = (rule, {})
    by_class = entry[1]
    if salary_class not in by_class:
        by_class[salary_class] = tuple(Decimal(str(c)) for c in _class_params(rule, salary_class)["coefficients"])
    return by_class[salary_class]


def max_step(salary_class: str, rulebook: RuleBook, on: date) -> int:
    """The last step of a class (9 for A1, 12 for B)."""
    return len(coefficients(salary_class, rulebook, on))


def check_step(salary_class: str, step: int, rulebook: RuleBook, on: date) -> None:
    last = max_step(salary_class, rulebook, on)
    if not isinstance(step, int) or isinstance(step, bool) or not 1 <= step <= last:
        raise DomainError("invalid_salary_step", f"Bậc {step} không có trong loại {salary_class} (từ bậc 1 đến "
                          f"bậc {last}).", field="step")


def coefficient(salary_class: str, step: int, rulebook: RuleBook, on: date) -> Decimal:
    """The coefficient of `step` (1-based) of `salary_class` in the scale in force on `on`."""
    check_step(salary_class, step, rulebook, on)
    return coefficients(salary_class, rulebook, on)[step - 1]


def to_decimal(value: Decimal | str | int, field: str = "coefficient") -> Decimal:
    """A coefficient from user or file input; floats are refused because 2.67 is not exact in binary."""
    if isinstance(value, float) or isinstance(value, bool):
        raise DomainError("invalid_number", "Hệ số phải là số thập phân chính xác, không dùng số thực dấu phẩy "
                          "động.", field=field)
    text = str(value).strip()
    shown = text if len(text) <= 24 else text[:24] + "…"
    try:
        result = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise DomainError("invalid_number", f"'{shown}' không phải là một số.", field=field) from None
    if not result.is_finite():
        raise DomainError("invalid_number", f"'{shown}' không phải là một số.", field=field)
    if result and not -6 <= result.adjusted() <= 6:  # a coefficient is a few units with two or three decimals
        raise DomainError("invalid_number", f"'{shown}' không phải là một hệ số lương.", field=field)
    return result


def coefficient_matches(salary_class: str, step: int, value: Decimal | str | int, rulebook: RuleBook,
                        on: date) -> bool:
    """Whether `value` is the scale's coefficient for this class and step (2.670 equals 2.67)."""
    return to_decimal(value) == coefficient(salary_class, step, rulebook, on)


def check_coefficient(salary_class: str, step: int, value: Decimal | str | int, rulebook: RuleBook,
                      on: date) -> None:
    """Raise a DomainError on `coefficient` when a recorded coefficient disagrees with the scale."""
    expected = coefficient(salary_class, step, rulebook, on)
    given = to_decimal(value)
    if given != expected:
        raise DomainError(
            "coefficient_mismatch",
            f"Hệ số {fmt_coefficient(given)} không đúng với loại {salary_class} bậc {step} "
            f"(theo bảng lương là {fmt_coefficient(expected)}).",
            field="coefficient",
            expected=str(expected),
        )
