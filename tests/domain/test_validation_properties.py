"""Generated input for the validators and the importer's cell readers: any value gives an answer (a message,
None, a value of the column's type or the importer's "cannot read" error), never a crash, and the answers
agree with the rules they state."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrapp import catalogs
from hrapp.domain import validation as v
from hrapp.domain.rules import load_rulebook
from hrapp.io import workbook_rows as wr
from hrapp.services import persons as ps

SETTINGS = settings(max_examples=100, deadline=None, derandomize=True)
RULES = load_rulebook()
TODAY = date(2026, 3, 2)

TEXT = st.text(max_size=40)
DATES = st.one_of(st.dates(), st.sampled_from([date.min, date.max, date(9990, 6, 15), date(1900, 1, 1)]))
NUMBERS = st.one_of(st.none(), st.just(""), TEXT, st.decimals(allow_nan=True, allow_infinity=True),
                    st.sampled_from(["1e999999", "-1E-999999", "9" * 60, "2,67", "2.670", " 3 ", "-0",
                                     Decimal("sNaN"), Decimal("-sNaN"), Decimal("1E+999999"), Decimal("0E-30")]))
CELLS = st.one_of(
    st.none(), st.just(""), TEXT, st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(), DATES, st.datetimes(), st.times(),
    st.sampled_from(["30/02/1980", "31/12/9999", "00/01/2000", "1/1/1", "2020-02-30", "12/2020", "13/2020",
                     "1899", "2101", "1e5", "2,67", "2.670", "-0", "NaN", "Infinity", "x", "Có", "không",
                     "052 185 001 234", "05218500123A", "٠٥٢١٨٥٠٠١٢٣٤"]),
)
MESSAGE = st.one_of(st.none(), st.text())


def _is_message(value: object) -> bool:
    """None, or a sentence a person can read (not a wall of digits)."""
    return value is None or (isinstance(value, str) and value.strip() != "" and len(value) < 400)


# ------------------------------------------------------------------------------------------ CCCD


@SETTINGS
@given(st.one_of(st.none(), TEXT, st.integers(min_value=0, max_value=10**15)))
def test_cccd_is_accepted_exactly_when_it_is_twelve_digits(value):
    message = v.cccd_error(value)
    digits = v.normalize_cccd(value)
    assert _is_message(message)
    assert (message is None) == bool(re.fullmatch(r"[0-9]{12}", digits))


@SETTINGS
@given(st.from_regex(r"[0-9]{3}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3}", fullmatch=True))
def test_cccd_typed_with_spaces_dots_or_dashes_is_accepted(value):
    assert v.cccd_error(value) is None


# ------------------------------------------------------------------------------------------ dates


@SETTINGS
@given(st.one_of(st.none(), DATES), DATES)
def test_birth_date_is_refused_when_missing_in_the_future_or_too_old(birth, today):
    message = v.birth_date_error(birth, today)
    assert _is_message(message)
    assert (message is None) == (birth is not None and birth <= today and birth.year >= v.MIN_BIRTH_YEAR)


@SETTINGS
@given(st.one_of(st.none(), DATES), st.one_of(st.none(), DATES))
def test_an_end_may_equal_its_start_but_never_precede_it(start, end):
    message = v.order_error(start, end)
    assert _is_message(message)
    assert (message is not None) == (start is not None and end is not None and end < start)


@SETTINGS
@given(DATES, DATES)
def test_age_and_adulthood_never_fail_for_any_pair_of_days(birth, on):
    age = v.age_on(birth, on)
    assert isinstance(age, int)
    message = v.adult_at_recruitment_error(birth, on)
    assert _is_message(message)
    assert (message is None) == (age >= v.ADULT_AGE)


@SETTINGS
@given(DATES, st.one_of(st.none(), st.integers(min_value=-(10**6), max_value=10**6)), DATES)
def test_qualification_year_is_between_age_fifteen_and_this_year(birth, year, today):
    message = v.qualification_year_error(birth, year, today)
    assert _is_message(message)
    if year is not None:
        assert (message is None) == (birth.year + v.QUALIFICATION_MIN_AGE <= year <= today.year)


# ------------------------------------------------------------------------------------------ salary and codes

RANKS = sorted(catalogs.ranks())


@SETTINGS
@given(st.sampled_from(RANKS),
       st.one_of(st.none(), st.integers(min_value=1, max_value=12), st.integers(min_value=-50, max_value=10**9)),
       NUMBERS, st.dates(min_value=date(2004, 10, 1), max_value=date(2100, 12, 31)))
def test_salary_step_and_coefficient_answer_with_field_messages(rank, step, coefficient, on):
    errors = v.coefficient_errors(rank, step, coefficient, RULES, on)
    assert all(field in ("salary_step", "coefficient") and _is_message(message) for field, message in errors)
    if step is not None and not errors:
        assert coefficient == v.expected_coefficient(rank, step, RULES, on)


@SETTINGS
@given(st.sampled_from(RANKS), st.data())
def test_the_coefficient_of_the_scale_is_always_accepted(rank, data):
    on = date(2024, 7, 1)
    klass = v.salary_class_of(rank)
    from hrapp.domain import salary

    top = salary.max_step(klass, RULES, on)
    step = data.draw(st.integers(min_value=1, max_value=top))
    assert v.coefficient_errors(rank, step, v.expected_coefficient(rank, step, RULES, on), RULES, on) == []


@SETTINGS
@given(st.sampled_from(["ethnicity", "religion", "category", "qualification_kind"]), st.one_of(st.none(), TEXT))
def test_catalogue_codes_and_names_answer_without_failing(kind, value):
    code = v.catalog_code(kind, value)
    assert code is None or code in catalogs.labels(kind)
    assert _is_message(v.code_error(kind, value, "Mục"))


@SETTINGS
@given(st.one_of(st.none(), TEXT))
def test_phone_email_category_and_level_answer_without_failing(value):
    for message in (v.phone_error(value), v.email_error(value), v.category_error(value),
                    v.level_error("chuyen_mon", value), v.rank_error(value)):
        assert _is_message(message)


# ------------------------------------------------------------------------------------------ the identity form

IDENTITIES = st.builds(
    ps.IdentityInput,
    full_name=TEXT, gender=st.sampled_from(["M", "F", "", "X"]), birth_date=st.one_of(st.none(), DATES),
    birth_precision=st.sampled_from(["day", "month", "year", "week"]),
    id_number=st.one_of(st.none(), TEXT), ethnicity=st.one_of(st.none(), TEXT), religion=st.one_of(st.none(), TEXT),
    email=st.one_of(st.none(), TEXT), phone=st.one_of(st.none(), TEXT),
    id_issue_date=st.one_of(st.none(), DATES), party_join_date=st.one_of(st.none(), DATES),
    party_official_date=st.one_of(st.none(), DATES), army_join_date=st.one_of(st.none(), DATES),
    army_leave_date=st.one_of(st.none(), DATES),
    height_cm=st.one_of(st.none(), st.integers(min_value=-(10**9), max_value=10**9)),
    weight_kg=st.one_of(st.none(), st.integers(min_value=-(10**9), max_value=10**9)),
)
IDENTITY_FIELDS = {f for f in ps.IdentityInput.__dataclass_fields__}


@SETTINGS
@given(IDENTITIES)
def test_any_identity_form_gets_messages_on_its_own_fields(identity):
    errors = ps.identity_errors(identity, TODAY)
    assert all(field in IDENTITY_FIELDS and message for field, message in errors)
    fields = {f for f, _ in errors}
    assert ("full_name" in fields) == (not identity.full_name.strip() or len(identity.full_name.strip()) > 120)
    assert ("gender" in fields) == (identity.gender not in ("M", "F"))


# ------------------------------------------------------------------------------------------ cell readers

READERS = {
    "text": (wr._text, str), "date": (wr._date, date), "birth": (wr._birth, tuple), "int": (wr._int, int),
    "decimal": (wr._decimal, Decimal), "bool": (wr._bool, bool), "cccd": (wr.read_cccd, str),
}


@pytest.mark.parametrize("kind", sorted(READERS))
@SETTINGS
@given(cell=CELLS)
def test_a_cell_reader_returns_its_type_or_says_it_cannot_read_the_cell(kind, cell):
    read, kind_type = READERS[kind]
    if isinstance(cell, time):
        cell = datetime.combine(date(2000, 1, 1), cell)
    try:
        value = read(cell)
    except wr.BadCell as bad:
        assert str(bad)
        return
    assert value is None or isinstance(value, kind_type)
    if kind == "decimal" and value is not None:
        assert value.is_finite()
    if kind == "birth" and value is not None:
        day, precision = value
        assert isinstance(day, date) and precision in ("day", "month", "year")
