"""Vietnamese formatting for printed documents: dates, numbers, the place/date line, capitals."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

BLANK = "……"
"""What a missing part of a date line or form field prints as (filled in by hand)."""


def nfc(text: str | None) -> str:
    """Composed Unicode (NFC): decomposed accents from pasted text print as loose marks otherwise."""
    if not text:
        return ""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def vn_upper(text: str | None) -> str:
    """Capitals that keep every diacritic: 'Sở Khoa học và Công nghệ' -> 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'."""
    return unicodedata.normalize("NFC", nfc(text).upper())


def fmt_date(day: date | datetime | None) -> str:
    """'dd/mm/yyyy', the form every printed list uses; '' for a missing date."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def fmt_month(day: date | datetime | None) -> str:
    """'mm/yyyy' for periods such as training courses and work history; '' when missing."""
    if day is None:
        return ""
    return f"{day.month:02d}/{day.year:04d}"


def _group(digits: str) -> str:
    """Dot-separated thousands: '1800000' -> '1.800.000'."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def fmt_int(value: int | Decimal | None, group: bool = True) -> str:
    """Whole number with dot thousands ('1.800.000'); rounds half up; '' for None."""
    if value is None:
        return ""
    if not isinstance(value, int):
        value = int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    digits = str(abs(value))
    text = _group(digits) if group else digits
    return f"-{text}" if value < 0 else text


def fmt_decimal(value: Decimal | int | float | None, places: int | None = 2, group: bool = False) -> str:
    """Decimal comma: Decimal('2.34') -> '2,34'.

    `places` rounds half up to that many decimals (None keeps the value's own digits); `group` adds dot
    thousands ('1.800.000,50'). Floats go through their shortest repr, so 0.1 stays '0,1'.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif not isinstance(value, Decimal):
        value = Decimal(value)
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""  # -0.00 compares equal to 0, so it prints as 0,00
    whole, _, frac = format(abs(value), "f").partition(".")
    if group:
        whole = _group(whole)
    return f"{sign}{whole},{frac}" if frac else f"{sign}{whole}"


def fmt_percent(value: Decimal | int | float | None, places: int | None = None) -> str:
    """'12,5%' for a percentage already expressed in percent; '' for None."""
    return "" if value is None else f"{fmt_decimal(value, places)}%"


def day_month_year(day: date | datetime | None) -> str:
    """'ngày 05 tháng 01 năm 2022' per NĐ 30/2020 Phụ lục I: a leading zero on days below 10 and on
    months 1 and 2 only (so 'tháng 6', 'tháng 12'); blanks to fill by hand when the date is missing."""
    if day is None:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str | None, day: date | datetime | None) -> str:
    """The place/date line: 'Bình Định, ngày 30 tháng 6 năm 2022' (NĐ 30/2020 Phụ lục I, ô số 4)."""
    place = nfc(place).strip() or BLANK * 2
    return f"{place}, {day_month_year(day)}"


_ROMAN_DIGITS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(i: int) -> str:
    """The Roman numeral of the (i+1)-th section of a list: roman(0) == 'I', roman(3) == 'IV', roman(19) == 'XX'."""
    n, out = i + 1, []
    for value, digits in _ROMAN_DIGITS:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)
