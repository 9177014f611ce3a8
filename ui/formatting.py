"""How values appear on screen: dates dd/mm/yyyy (or mm/yyyy, yyyy by precision), coefficients, sex."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale


def fmt_date(value: date | None) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""


def fmt_birth(value: date | None, precision: str = "day") -> str:
    """A birth date as known: the full date, month/year or the year alone."""
    if value is None:
        return ""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.month:02d}/{value.year:04d}"
    return fmt_date(value)


def fmt_decimal(value: Decimal | None, places: int = 2) -> str:
    """At least `places` decimals (more only when they are not zero), the locale's decimal mark."""
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    exact = format(value.normalize(), "f")
    if "." in exact and len(exact.split(".")[1]) > places:
        text = exact
    return text.replace(".", QLocale().decimalPoint())


def fmt_gender(code: str | None) -> str:
    if code == "M":
        return QCoreApplication.translate("Formatting", "Male")
    if code == "F":
        return QCoreApplication.translate("Formatting", "Female")
    return ""


def fmt_count(n: int) -> str:
    """A whole number with the locale's thousands separator (100.000 in Vietnamese)."""
    return QLocale().toString(n)
