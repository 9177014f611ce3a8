"""The numbers the national CBCCVC database's Sơ yếu lý lịch (TT 06/2023/TT-BNV) adds to a record, checked at
their edges: the identification number (12 digits, Luật Căn cước 2023 Điều 12, the number on the identity card),
the Số BHXH (the 10-digit mã số BHXH of QĐ 595/QĐ-BHXH Điều 2 khoản 2.13, or from 01/08/2025 the person's own
identification number, CV 1804/BHXH-QLT) and the Số thẻ BHYT (15 characters whose last 10 are the mã số BHXH)."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain import validation as v
from hrapp.domain.person_input import IdentityInput, identity_errors

CARD = "052185001234"
BHXH = "5210012345"


@pytest.mark.parametrize(("value", "ok"), [
    (None, True), ("", True), (CARD, True), ("052 185 001 234", True),
    (CARD[:-1], False),  # 11 digits
    (CARD + "5", False),  # 13 digits
    ("05218500123A", False),
])
def test_identification_number_has_exactly_twelve_digits(value, ok):
    assert (v.personal_id_error(value, None) is None) is ok


def test_identification_number_is_the_number_on_the_identity_card():
    assert v.personal_id_error(CARD, CARD) is None
    assert v.personal_id_error(CARD, "052185001235") is not None
    assert v.personal_id_error(CARD, None) is None  # no card number recorded: nothing to compare


@pytest.mark.parametrize(("value", "ok"), [
    (None, True), (BHXH, True), ("52 1001 2345", True),
    (BHXH[:-1], False),  # 9 digits
    (BHXH + "6", False),  # 11 digits
    ("521001234X", False),
    (CARD, True),  # the person's own identification number, used in its place from 01/08/2025
    ("052185001235", False),  # 12 digits but someone else's number
])
def test_social_insurance_number_is_ten_digits_or_the_persons_identification_number(value, ok):
    assert (v.social_insurance_error(value, CARD) is None) is ok


@pytest.mark.parametrize(("value", "ok"), [
    ("GD4525210012345", True), ("gd4 52 5210012345", True),  # typed in lower case, spaced: read as the card
    ("GD452521001234", False),  # 14 characters
    ("GD45252100123456", False),  # 16 characters
    ("GD0525210012345", False), ("GD1525210012345", True), ("GD5525210012345", True),
    ("GD6525210012345", False),  # benefit level 1 to 5
    ("G14525210012345", False),  # two letters first
    ("GD4525210012346", False),  # its last 10 digits are another mã số BHXH
    (BHXH, True), ("5210012346", False),  # the mã số BHXH alone, and only this person's
    (CARD, True),
])
def test_health_insurance_card_carries_the_persons_social_insurance_number(value, ok):
    assert (v.health_insurance_error(value, BHXH, CARD) is None) is ok


def test_health_insurance_card_without_a_recorded_bhxh_number_is_checked_by_its_shape_only():
    assert v.health_insurance_error("DN4790123456789", None, None) is None
    assert v.health_insurance_error("DN479012345678", None, None) is not None


def test_identity_errors_name_the_fields_of_the_new_numbers():
    identity = IdentityInput("Trần Thị Thu Hà", "F", date(1985, 3, 5), id_number=CARD, personal_id="052185001235",
                             social_insurance_no="123", health_insurance_no="XX")
    fields = {f for f, _m in identity_errors(identity, date(2026, 6, 30))}
    assert {"personal_id", "social_insurance_no", "health_insurance_no"} <= fields
    good = IdentityInput("Trần Thị Thu Hà", "F", date(1985, 3, 5), id_number=CARD, personal_id=CARD,
                         social_insurance_no=BHXH, health_insurance_no="GD4525210012345")
    assert identity_errors(good, date(2026, 6, 30)) == []


def test_the_stored_form_drops_spaces_and_writes_letters_in_capitals():
    assert v.normalize_insurance(" gd4 52 5210012345 ") == "GD4525210012345"
    assert v.normalize_insurance("  ") is None
