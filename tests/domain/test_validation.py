"""Field validators: CCCD, age at recruitment, date order, qualification year, coefficient vs salary table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrapp.domain import validation as v
from hrapp.domain.rules import load_rulebook
from hrapp.errors import ValidationError

RULES = load_rulebook()
TODAY = date(2024, 6, 30)


# ------------------------------------------------------------------------------------------- CCCD


@pytest.mark.parametrize("number", ["001085012345", "052 190 001 234", "079.300.123.456"])
def test_cccd_of_twelve_digits_is_accepted_with_spaces_or_dots(number):
    assert v.cccd_error(number) is None


@pytest.mark.parametrize(("number", "fragment"), [
    ("00108501234", "đúng 12 chữ số (đang có 11)"),
    ("0010850123456", "đúng 12 chữ số (đang có 13)"),
    ("00108501234A", "chỉ được gồm chữ số"),
    ("", "Chưa nhập số CCCD"),
    (None, "Chưa nhập số CCCD"),
])
def test_cccd_not_of_twelve_digits_is_refused_in_vietnamese(number, fragment):
    assert fragment in v.cccd_error(number)


@given(st.text(max_size=20))
def test_cccd_check_never_crashes_and_accepts_only_twelve_digits(text):
    msg = v.cccd_error(text)
    digits = v.normalize_cccd(text)
    assert (msg is None) == (len(digits) == 12 and digits.isdigit() and digits.isascii())


# ------------------------------------------------------------------------------------------- age


def test_age_at_recruitment_turns_eighteen_on_the_birthday():
    birth = date(2002, 2, 2)
    assert v.adult_at_recruitment_error(birth, date(2020, 2, 1)) is not None
    assert v.adult_at_recruitment_error(birth, date(2020, 2, 2)) is None
    assert v.adult_at_recruitment_error(birth, date(2020, 2, 3)) is None


def test_age_message_names_the_day_the_person_turns_eighteen():
    msg = v.adult_at_recruitment_error(date(2002, 2, 2), date(2020, 2, 1))
    assert msg == ("Chưa đủ 18 tuổi vào ngày tuyển dụng 01/02/2020 (ngày sinh 02/02/2002, "
                   "đủ 18 tuổi từ ngày 02/02/2020).")


def test_person_born_on_29_february_turns_eighteen_on_1_march():
    birth = date(2004, 2, 29)
    assert v.adult_at_recruitment_error(birth, date(2022, 2, 28)) is not None
    assert v.adult_at_recruitment_error(birth, date(2022, 3, 1)) is None
    assert v.birthday(birth, 18) == date(2022, 3, 1)


def test_birth_date_in_the_future_is_refused():
    assert v.birth_date_error(TODAY, TODAY) is None
    assert "sau ngày hôm nay" in v.birth_date_error(date(2024, 7, 1), TODAY)


# ------------------------------------------------------------------------------------------- date order


def test_end_date_may_equal_start_but_not_precede_it():
    start = date(2020, 5, 10)
    assert v.order_error(start, date(2020, 5, 11)) is None
    assert v.order_error(start, start) is None
    assert v.order_error(start, date(2020, 5, 9)) == ("Ngày kết thúc (09/05/2020) không được trước ngày bắt đầu "
                                                      "(10/05/2020).")


def test_open_ended_period_has_no_order_error():
    assert v.order_error(date(2020, 1, 1), None) is None
    assert v.order_error(None, date(2020, 1, 1)) is None


# ------------------------------------------------------------------------------------------- qualification year


def test_qualification_year_may_be_birth_year_plus_fifteen_but_not_earlier():
    birth = date(1975, 8, 20)
    assert v.qualification_year_error(birth, 1990, TODAY) is None
    assert v.qualification_year_error(birth, 1991, TODAY) is None
    assert v.qualification_year_error(birth, 1989, TODAY) == "Năm 1989 sớm hơn năm sinh + 15 (1975 + 15 = 1990)."


def test_qualification_year_in_the_future_is_refused():
    assert v.qualification_year_error(date(1990, 1, 1), TODAY.year, TODAY) is None
    assert v.qualification_year_error(date(1990, 1, 1), TODAY.year + 1, TODAY) == f"Năm {TODAY.year + 1} chưa đến."


def test_qualification_level_must_belong_to_its_kind():
    assert v.level_error("chuyen_mon", "ThS") is None
    assert v.level_error("llct", "cao_cap") is None
    msg = v.level_error("llct", "ThS")
    assert "không thuộc loại Lý luận chính trị" in msg and "cao_cap" in msg
    assert "không có trong danh mục" in v.level_error("chuyen_mon", "XYZ")


# ------------------------------------------------------------------------------------------- coefficient


def test_coefficient_must_be_the_salary_table_value_for_the_step():
    assert v.coefficient_errors("01.003", 3, Decimal("3.00"), RULES, date(2020, 1, 1)) == []
    assert v.coefficient_errors("01.003", 3, "3,00", RULES, date(2020, 1, 1)) == []
    errors = v.coefficient_errors("01.003", 3, Decimal("3.33"), RULES, date(2020, 1, 1))
    assert errors == [("coefficient", "Hệ số 3,33 không đúng với loại A1 bậc 3 (theo bảng lương là 3,00).")]


def test_step_beyond_the_last_of_the_class_is_refused():
    assert v.coefficient_errors("01.003", 9, Decimal("4.98"), RULES, date(2020, 1, 1)) == []
    errors = v.coefficient_errors("01.003", 10, Decimal("5.31"), RULES, date(2020, 1, 1))
    assert errors[0][0] == "salary_step" and "bậc 9" in errors[0][1]


def test_coefficient_uses_the_salary_class_of_the_rank():
    # Chuyên viên chính is A2.1: step 1 is 4.40; Nhân viên is on class B (TT 02/2021/TT-BNV): step 1 is 1.86
    assert v.coefficient_errors("01.002", 1, Decimal("4.40"), RULES, date(2020, 1, 1)) == []
    assert v.coefficient_errors("01.005", 1, Decimal("1.86"), RULES, date(2020, 1, 1)) == []
    assert v.coefficient_errors("01.005", 1, Decimal("1.65"), RULES, date(2020, 1, 1)) != []
    assert v.expected_coefficient("V.05.02.07", 2, RULES, date(2020, 1, 1)) == Decimal("2.67")


def test_unknown_rank_is_reported():
    assert v.rank_error("99.999") == "Không có ngạch/chức danh nghề nghiệp mã '99.999'."
    assert v.rank_error(None) == "Chưa chọn ngạch/chức danh nghề nghiệp."


# ------------------------------------------------------------------------------------------- per category


def test_civil_servant_needs_rank_step_coefficient_and_recruitment_date():
    errors = v.required_errors("cong_chuc", {"recruitment_date": None, "rank_code": "", "salary_step": None,
                                             "coefficient": None})
    assert [f for f, _ in errors] == ["recruitment_date", "rank_code", "salary_step", "coefficient"]
    assert errors[0][1] == "Chưa nhập ngày tuyển dụng (bắt buộc đối với công chức)."


def test_labour_contract_needs_no_rank():
    assert v.required_errors("hop_dong", {}) == []


def test_public_employee_message_names_the_category_without_its_funding_note():
    errors = v.required_errors("vien_chuc_tu_chu", {"recruitment_date": date(2020, 1, 1), "rank_code": "01.003",
                                                    "salary_step": 1, "coefficient": None})
    assert errors == [("coefficient", "Chưa nhập hệ số lương (bắt buộc đối với viên chức).")]


# ------------------------------------------------------------------------------------------- others


@pytest.mark.parametrize(("value", "ok"), [("an.nv@skhcn.binhdinh.gov.vn", True), ("an@", False),
                                           ("an skhcn@gov.vn", False), (None, True)])
def test_email_format(value, ok):
    assert (v.email_error(value) is None) is ok


@pytest.mark.parametrize(("value", "ok"), [("0905 123 456", True), ("+84905123456", True), ("12ab", False)])
def test_phone_format(value, ok):
    assert (v.phone_error(value) is None) is ok


def test_raise_if_collects_every_error_at_once():
    with pytest.raises(ValidationError) as err:
        v.raise_if([("a", "Lỗi 1."), ("b", "Lỗi 2.")])
    assert err.value.errors == [("a", "Lỗi 1."), ("b", "Lỗi 2.")]
    v.raise_if([])


def test_cccd_with_non_latin_digits_is_refused():
    assert "chỉ được gồm chữ số" in v.cccd_error("٠٠١٠٨٥٠١٢٣٤٥")
