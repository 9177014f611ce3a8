"""Vietnamese formatting of dates, numbers, the place/date line and capitals."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from hrapp.reports.format import (
    date_line,
    day_month_year,
    fmt_date,
    fmt_decimal,
    fmt_int,
    fmt_month,
    nfc,
    vn_upper,
)


def test_fmt_date_is_day_month_year_with_zeros():
    assert fmt_date(date(2022, 1, 5)) == "05/01/2022"
    assert fmt_date(date(1961, 12, 31)) == "31/12/1961"
    assert fmt_date(None) == ""
    assert fmt_month(date(2022, 3, 14)) == "03/2022"


@pytest.mark.parametrize(
    ("value", "places", "group", "expected"),
    [
        (Decimal("2.34"), 2, False, "2,34"),
        (Decimal("2.3"), 2, False, "2,30"),
        (Decimal("2.345"), 2, False, "2,35"),  # half up, not banker's rounding
        (Decimal("2.3"), None, False, "2,3"),
        (Decimal("10"), 0, False, "10"),
        (Decimal("1800000.5"), 2, True, "1.800.000,50"),
        (Decimal("-0.001"), 2, False, "0,00"),
        (Decimal("-1234.5"), 1, True, "-1.234,5"),
        (0.1, None, False, "0,1"),
        (None, 2, False, ""),
    ],
)
def test_fmt_decimal_uses_a_decimal_comma(value, places, group, expected):
    assert fmt_decimal(value, places, group=group) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (999, "999"), (1000, "1.000"), (1800000, "1.800.000"), (-1234567, "-1.234.567"),
     (Decimal("1499.5"), "1.500"), (None, "")],
)
def test_fmt_int_groups_thousands_with_dots(value, expected):
    assert fmt_int(value) == expected


def test_fmt_int_can_print_years_without_grouping():
    assert fmt_int(1975, group=False) == "1975"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2022, 6, 30), "ngày 30 tháng 6 năm 2022"),  # months 3-12: no leading zero
        (date(2022, 1, 5), "ngày 05 tháng 01 năm 2022"),  # day < 10 and month 1: zeros
        (date(2022, 2, 9), "ngày 09 tháng 02 năm 2022"),  # month 2 also gets one
        (date(2022, 3, 1), "ngày 01 tháng 3 năm 2022"),
        (date(2022, 10, 1), "ngày 01 tháng 10 năm 2022"),
        (date(2022, 12, 10), "ngày 10 tháng 12 năm 2022"),
        (date(2021, 2, 28), "ngày 28 tháng 02 năm 2021"),
    ],
)
def test_day_month_year_follows_nd30_leading_zero_rule(day, expected):
    assert day_month_year(day) == expected


def test_date_line_joins_place_and_date():
    assert date_line("Bình Định", date(2022, 6, 30)) == "Bình Định, ngày 30 tháng 6 năm 2022"


def test_date_line_leaves_blanks_to_fill_by_hand():
    line = date_line("Bình Định", None)
    assert line.startswith("Bình Định, ngày ")
    assert "tháng" in line and "năm" in line and "2022" not in line
    assert date_line("", date(2022, 1, 5)).endswith(", ngày 05 tháng 01 năm 2022")


def test_vn_upper_keeps_diacritics_and_d_stroke():
    assert vn_upper("Sở Khoa học và Công nghệ") == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert vn_upper("ủy ban nhân dân tỉnh bình định") == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"
    assert vn_upper(None) == ""


def test_decomposed_input_comes_out_composed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Nường")
    assert nfc(decomposed) == "Nguyễn Văn Nường"
    assert vn_upper(decomposed) == "NGUYỄN VĂN NƯỜNG"
    assert unicodedata.is_normalized("NFC", vn_upper(decomposed))
