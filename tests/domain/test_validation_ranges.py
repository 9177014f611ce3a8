"""The plausible ranges of a working person's dates, at their edges (the day before, of and after): a start at most
a year ahead and not before the 15th birthday is refused beyond; an age above 75 today or under 18 on the start
date is a warning; the same name and birth under another CCCD is worded with who is already recorded."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hrapp.domain import validation as v

TODAY = date(2026, 6, 30)
DAY = timedelta(days=1)


@pytest.mark.parametrize(("start", "refused"), [
    (date(2027, 6, 29), False), (date(2027, 6, 30), False), (date(2027, 7, 1), True), (date(9999, 12, 31), True)])
def test_a_start_is_at_most_a_year_ahead(start, refused):
    assert (v.start_date_error(start, date(1990, 1, 1), TODAY) is not None) is refused


def test_a_year_ahead_of_29_february_is_1_march():
    assert v.start_date_error(date(2029, 3, 1), None, date(2028, 2, 29)) is None
    assert v.start_date_error(date(2029, 3, 2), None, date(2028, 2, 29)) is not None


@pytest.mark.parametrize(("start", "refused"), [
    (date(2015, 3, 4), True), (date(2015, 3, 5), False), (date(2015, 3, 6), False)])
def test_nobody_starts_work_before_the_15th_birthday(start, refused):
    message = v.start_date_error(start, date(2000, 3, 5), TODAY)
    assert (message is not None) is refused
    if refused:
        assert "05/03/2015" in message and "Điều 143" in message


def test_a_start_before_birth_is_left_to_its_own_message():
    assert v.start_date_error(date(1999, 1, 1), date(2000, 3, 5), TODAY) is None  # not_before_birth_error says it


@pytest.mark.parametrize(("birth", "warned"), [
    (date(1950, 7, 1), False),  # 75 until tomorrow
    (date(1950, 6, 30), True),  # 76 today
    (date(1950, 6, 29), True),
    (date(1900, 1, 1), True),
])
def test_older_than_any_working_age_today_is_a_warning(birth, warned):
    found = v.age_warnings(birth, None, TODAY)
    assert [f for f, _ in found] == (["birth_date"] if warned else [])


@pytest.mark.parametrize(("start", "warned"), [
    (date(2018, 3, 4), True), (date(2018, 3, 5), False), (date(2015, 3, 5), True), (date(2013, 3, 5), False)])
def test_under_18_on_the_start_date_is_a_warning(start, warned):
    """15 to 17 is said; under 15 is refused by start_date_error, so no warning on top."""
    found = v.age_warnings(date(2000, 3, 5), start, TODAY)
    assert [f for f, _ in found] == (["start_date"] if warned else [])


def test_no_warning_without_a_birth_or_for_a_birth_to_come():
    assert v.age_warnings(None, date(2020, 1, 1), TODAY) == []
    assert v.age_warnings(TODAY + DAY, None, TODAY) == []


def test_the_same_name_warning_lists_who_is_recorded():
    message = v.same_person_warning("Trần Thị Hà", date(1985, 3, 5), [("Trần Thị Hà", "052185001234", "Văn phòng"),
                                                                      ("Trần Thị Hà", None, "")])
    assert "Trần Thị Hà (052185001234, Văn phòng), Trần Thị Hà." in message and "05/03/1985" in message
    assert v.same_person_warning("Trần Thị Hà", date(1985, 3, 5), []) is None


@pytest.mark.parametrize(("typed", "refused"), [("52091000127.5", True), ("052 091 000 12 7", True),
                                                ("052 091 000 127", False), ("0520-9100-0127", False),
                                                ("052091000127", False)])
def test_a_cccd_may_be_grouped_but_a_short_group_is_refused(typed, refused):
    message = v.cccd_error(typed)
    assert (message is not None) is refused
    if refused:
        assert "ngắn hơn 3" in message
