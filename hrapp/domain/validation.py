"""Field validators for personnel records: CCCD, dates, age at recruitment, qualification year, salary
coefficient, required fields per staff category. Pure functions returning messages worded by hrapp.messages
(strings in the session's language that keep their code)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import cache

from hrapp import catalogs
from hrapp.catalogs import field_label
from hrapp.domain import salary
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError, ValidationError
from hrapp.messages import text
from hrapp.text import fold

Errors = list[tuple[str, str]]
"""(field, message) pairs; the field is the DTO attribute the message belongs next to."""

CCCD_LENGTH = 12
ADULT_AGE = 18
QUALIFICATION_MIN_AGE = 15
MIN_BIRTH_YEAR = 1900

# Plausible ranges of a working person's dates. What cannot be is refused; what is only unlikely is said as a
# warning that the officer confirms (the editor asks, the importer lists it, the service returns it).
MIN_WORKING_AGE = 15
"""Nobody starts work before 15: Bộ luật Lao động 2019, Điều 143 (a minor worker is 15 to under 18; under 15 only
the light work listed by the ministry, never a post of a Sở). A start date before the 15th birthday is refused."""
MAX_WORKING_AGE = 75
"""Older than anyone still at work: the retirement age is at most 62 (NĐ 135/2020, Điều 4, men from 2028), and the
longest extension past it is a professor's, up to 10 years (NĐ 141/2013, for lecturers: 10 years for a professor,
7 for an associate professor, 5 for a doctor) — 72, plus a margin of 3 years. A working person older than this today is warned about (a mistyped
year of birth, 1900 for 1990), not refused (a record being completed for someone who has left is possible)."""
START_AHEAD_YEARS = 1
"""A start date is written from a decision signed ahead of it, at most a year before (a post for next school year);
a start later than a year from today is a mistyped year (31/12/9999) and is refused."""

# Civil servants and public employees are paid on a rank's salary table and were recruited on a date;
# labour contracts may have neither.
_CAREER_FIELDS = ("recruitment_date", "rank_code", "salary_step", "coefficient")
CATEGORY_REQUIRED: dict[str, tuple[str, ...]] = {
    "cong_chuc": _CAREER_FIELDS,
    "vien_chuc": _CAREER_FIELDS,
    "vien_chuc_tu_chu": _CAREER_FIELDS,
    "hop_dong": (),
    "hop_dong_nv_cong_chuc": (),
}
# Công chức hold a ngạch, viên chức a chức danh nghề nghiệp (ranks.json `kind`); a labour contract may be
# paid on either scale, so its list is the whole catalogue.
RANK_KINDS: dict[str, tuple[str, ...]] = {
    "cong_chuc": ("ngach",),
    "vien_chuc": ("cdnn",),
    "vien_chuc_tu_chu": ("cdnn",),
    "hop_dong_nv_cong_chuc": ("ngach",),
}


def ranks_for_category(category: str | None) -> list[str]:
    """The rank codes that fit the category, in catalogue order (all of them for none or a contract)."""
    kinds = RANK_KINDS.get(category or "")
    return [code for code, rank in catalogs.ranks().items() if kinds is None or rank.get("kind") in kinds]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{7,18}[0-9]$")


def dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


# --------------------------------------------------------------------------------------------- CCCD


def normalize_cccd(value: str | int | None) -> str:
    """The digits as typed, without spaces, dots or dashes ('001 085 012 345' -> '001085012345')."""
    if value is None:
        return ""
    return re.sub(r"[\s.\-]", "", str(value))


_CCCD_GROUP = re.compile(r"[\s.\-]+")
CCCD_MIN_GROUP = 3


def cccd_grouping_error(value: str | None) -> str | None:
    """Spaces, dots or dashes may group the digits ('001 085 012 345', '0010.8501.2345', '001085-012345'), but a
    group shorter than 3 digits is no grouping: '52091000127.5' is a number with a fraction (a cell's float
    written as text), and dropping its dot would store another number."""
    if value is None or str(value).strip().isdigit():
        return None
    groups = [g for g in _CCCD_GROUP.split(str(value).strip()) if g]
    if len(groups) > 1 and any(len(g) < CCCD_MIN_GROUP for g in groups):
        return text("cccd_grouping", value=str(value).strip(), least=CCCD_MIN_GROUP)
    return None


def cccd_error(value: str | None) -> str | None:
    """Citizen identity card number: exactly 12 digits (Luật Căn cước 2023)."""
    digits = normalize_cccd(value)
    if not digits:
        return text("cccd_missing")
    grouping = cccd_grouping_error(value)
    if grouping:
        return grouping
    if not re.fullmatch(r"[0-9]+", digits):
        return text("cccd_digits", value=str(value))
    if len(digits) != CCCD_LENGTH:
        return text("cccd_length", length=CCCD_LENGTH, count=len(digits))
    return None


def duplicate_cccd_message(number: str, other_name: str) -> str:
    return text("cccd_duplicate", number=number, name=other_name)


# --------------------------------------------------------------------------------------------- the national database's numbers

BHXH_LENGTH = 10
"""Mã số BHXH: 10 digits, printed on the social insurance book and the health insurance card (QĐ 595/QĐ-BHXH 2017,
Điều 2 khoản 2.13 defines it; the 10 digits are as printed under "Mã số:" on the book since CV 3340/BHXH-ST 2017).
From 01/08/2025 BHXH Việt Nam uses the personal identification number (12 digits) in its place (CV 1804/BHXH-QLT),
so a 12-digit number is accepted when it is the person's own identification number."""
BHYT_LENGTH = 15
_BHYT = re.compile(r"[A-Z]{2}[1-5][0-9]{2}([0-9]{10})")
"""Mã thẻ BHYT of 15 characters: 2 letters (the group), 1 digit (the benefit level 1-5), 2 digits (the province),
then the 10-digit mã số BHXH (QĐ 1351/QĐ-BHXH 2015; its text was not obtained, the layout is as documented by
public software)."""


def _digits(value: str | None) -> str:
    return re.sub(r"[\s.\-]", "", value or "").upper()


def personal_id_error(value: str | None, id_number: str | None) -> str | None:
    """Mã số định danh: the personal identification number of 12 digits (Luật Căn cước 2023, Điều 12), the same
    number as the citizen's identity card, so it must equal the CCCD number when both are given."""
    number = _digits(value)
    if not number:
        return None
    if not number.isdigit() or len(number) != CCCD_LENGTH:
        return text("personal_id_format", value=str(value).strip(), length=CCCD_LENGTH)
    card = normalize_cccd(id_number)
    if card and card.isdigit() and len(card) == CCCD_LENGTH and card != number:
        return text("personal_id_not_cccd", value=number, card=card)
    return None


def social_insurance_error(value: str | None, personal_id: str | None) -> str | None:
    """Số BHXH: the 10-digit mã số BHXH, or since 01/08/2025 the person's own 12-digit identification number."""
    number = _digits(value)
    if not number:
        return None
    if number.isdigit() and len(number) == BHXH_LENGTH:
        return None
    if number.isdigit() and len(number) == CCCD_LENGTH and number == _digits(personal_id):
        return None
    return text("bhxh_format", value=str(value).strip(), length=BHXH_LENGTH)


def health_insurance_error(value: str | None, social_insurance: str | None, personal_id: str | None) -> str | None:
    """Số thẻ BHYT: the 15-character card code (its last 10 digits the mã số BHXH, so equal to the Số BHXH when that
    is a 10-digit number), the 10-digit mã số BHXH alone, or the person's own 12-digit identification number."""
    number = _digits(value)
    if not number:
        return None
    bhxh = _digits(social_insurance)
    if len(number) == BHYT_LENGTH:
        match = _BHYT.fullmatch(number)
        if match is None:
            return text("bhyt_format", value=str(value).strip())
        if bhxh.isdigit() and len(bhxh) == BHXH_LENGTH and match.group(1) != bhxh:
            return text("bhyt_not_bhxh", value=number, bhxh=bhxh)
        return None
    if number.isdigit() and len(number) == BHXH_LENGTH:
        if bhxh.isdigit() and len(bhxh) == BHXH_LENGTH and number != bhxh:
            return text("bhyt_not_bhxh", value=number, bhxh=bhxh)
        return None
    if number.isdigit() and len(number) == CCCD_LENGTH and number == _digits(personal_id):
        return None
    return text("bhyt_format", value=str(value).strip())


def normalize_insurance(value: str | None) -> str | None:
    """The number as stored: without spaces, dots or dashes, letters in capitals."""
    return _digits(value) or None


# --------------------------------------------------------------------------------------------- dates


def age_on(birth: date, on: date) -> int:
    """Whole years of age on a day (a person born on 29/02 turns a year older on 01/03 in other years)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def birthday(birth: date, years: int) -> date:
    """The day `years` after `birth` (29/02 becomes 01/03 in a year without it); past the calendar's last
    year (a mistyped birth year), its last day."""
    year = birth.year + years
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    try:
        return birth.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def birth_date_error(birth: date | None, today: date) -> str | None:
    if birth is None:
        return text("birth_missing")
    if birth > today:
        return text("birth_future", birth=birth)
    if birth.year < MIN_BIRTH_YEAR:
        return text("birth_year", year=birth.year)
    return None


def adult_at_recruitment_error(birth: date, recruitment: date) -> str | None:
    """At least 18 years old on the recruitment date (Luật CBCC Điều 36, Luật Viên chức Điều 22)."""
    if age_on(birth, recruitment) >= ADULT_AGE:
        return None
    return text("under_age_at_recruitment", age=ADULT_AGE, recruited=recruitment, birth=birth,
                adult=birthday(birth, ADULT_AGE))


def order_error(start: date | None, end: date | None, start_label: str = "ngày bắt đầu",
                end_label: str = "Ngày kết thúc") -> str | None:
    """An end date may be the start date (a one-day period) but never before it."""
    if start is None or end is None or end >= start:
        return None
    return text("date_order", end_label=end_label, end=end, start_label=start_label, start=start)


def not_before_birth_error(day: date | None, birth: date | None, what: str) -> str | None:
    if day is None or birth is None or day >= birth:
        return None
    return text("date_before_birth", what=what, day=day, birth=birth)


def not_future_error(day: date | None, today: date, what: str) -> str | None:
    if day is None or day <= today:
        return None
    return text("date_future", what=what, day=day)


def start_date_error(start: date | None, birth: date | None, today: date, what: str = "Ngày vào cơ quan"
                     ) -> str | None:
    """A day someone starts working: not later than a year from today, not before the 15th birthday."""
    if start is None:
        return None
    latest = birthday(today, START_AHEAD_YEARS)
    if start > latest:
        return text("date_too_far_ahead", what=what, day=start, years=START_AHEAD_YEARS, latest=latest)
    if birth is not None and start >= birth and age_on(birth, start) < MIN_WORKING_AGE:
        return text("start_before_working_age", what=what, day=start, age=MIN_WORKING_AGE,
                    earliest=birthday(birth, MIN_WORKING_AGE))
    return None


def age_warnings(birth: date | None, start: date | None, today: date) -> Errors:
    """What is possible but unlikely for a working person: older today than anyone still at work, or under 18
    on the start date (allowed by the Labour Code from 15, rare in a public body)."""
    out: Errors = []
    if birth is None or birth > today:
        return out
    if age_on(birth, today) > MAX_WORKING_AGE:
        out.append(("birth_date", text("warn_older_than_working", age=age_on(birth, today), most=MAX_WORKING_AGE,
                                        birth=birth)))
    if start is not None and start >= birth and MIN_WORKING_AGE <= age_on(birth, start) < ADULT_AGE:
        out.append(("start_date", text("warn_minor_at_start", age=age_on(birth, start), start=start,
                                        adult=ADULT_AGE)))
    return out


def same_person_warning(full_name: str, birth: date, others: Iterable[tuple[str, str | None, str]]) -> str | None:
    """Someone with the same name and birth date is already recorded under another CCCD: perhaps the same person
    with a new card (CCCD replacing CMND) or a mistyped number. `others` are (name, CCCD, unit) of those found."""
    found = []
    for name, number, unit in others:
        known = ", ".join(part for part in (number, unit) if part)
        found.append(f"{name} ({known})" if known else name)
    if not found:
        return None
    return text("warn_same_name_and_birth", name=full_name, birth=birth, others=", ".join(found))


def qualification_year_error(birth: date, year: int | None, today: date) -> str | None:
    """A degree or certificate is not obtained before the age of 15, nor in the future."""
    if year is None:
        return None
    earliest = birth.year + QUALIFICATION_MIN_AGE
    if year < earliest:
        return text("qualification_too_early", year=year, age=QUALIFICATION_MIN_AGE, born=birth.year,
                    earliest=earliest)
    if year > today.year:
        return text("year_in_future", year=year)
    return None


# --------------------------------------------------------------------------------------------- salary


def rank_error(rank_code: str | None) -> str | None:
    if not rank_code:
        return text("rank_missing")
    if rank_code not in catalogs.ranks():
        return text("rank_unknown", code=rank_code)
    return None


def salary_class_of(rank_code: str) -> str:
    return str(catalogs.ranks()[rank_code]["salary_class"])


def coefficient_errors(rank_code: str, step: int | None, coefficient: Decimal | str | None, rulebook: RuleBook,
                       on: date) -> Errors:
    """The step must exist in the rank's salary class and the coefficient must be the table's for that step,
    in the salary scale (rule `salary_scale`) in force on `on`."""
    if step is None:
        return [("salary_step", text("step_missing"))]
    klass = salary_class_of(rank_code)
    if coefficient is None or coefficient == "":
        return _step_errors(klass, step, rulebook, on) or [("coefficient", text("coefficient_missing"))]
    # fast path for imports of many rows: one table lookup; the salary module words the errors
    table = _scale_table(salary.scale_rule(rulebook, on), klass)
    if table is not None and isinstance(step, int) and 1 <= step <= len(table) and isinstance(coefficient, Decimal) \
            and coefficient.is_finite() and coefficient == table[step - 1]:
        return []
    errors = _step_errors(klass, step, rulebook, on)
    if errors:
        return errors
    try:
        salary.check_coefficient(klass, step, coefficient, rulebook, on)
    except DomainError as exc:
        return [("coefficient", exc.message)]
    return []


def _step_errors(klass: str, step: int, rulebook: RuleBook, on: date) -> Errors:
    try:
        salary.check_step(klass, step, rulebook, on)
    except DomainError as exc:
        return [("salary_step", exc.message)]
    return []


_TABLES: dict[tuple[int, str], tuple[object, tuple[Decimal, ...] | None]] = {}


def _scale_table(rule: RuleVersion, klass: str) -> tuple[Decimal, ...] | None:
    """The class's coefficients as Decimals, cached per rule data object (an edited rule is a new object)."""
    key = (id(rule.params), klass)
    entry = _TABLES.get(key)
    if entry is None or entry[0] is not rule.params:
        spec = rule.params.get("classes", {}).get(klass)
        entry = _TABLES[key] = (rule.params, tuple(Decimal(str(c)) for c in spec["coefficients"]) if spec else None)
    return entry[1]


def expected_coefficient(rank_code: str, step: int, rulebook: RuleBook, on: date) -> Decimal:
    return salary.coefficient(salary_class_of(rank_code), step, rulebook, on)


# --------------------------------------------------------------------------------------------- codes


def catalog_code(kind: str, value: str | None) -> str | None:
    """The catalogue code for a value written either as the code ('01') or as its name ('Kinh'); None when
    it is neither. Older records keep names (ethnicity, religion), new ones codes: both must work."""
    if not value:
        return None
    if value in catalogs.labels(kind):
        return value
    return _names(kind).get(fold(value))


@cache
def _names(kind: str) -> dict[str, str]:
    return {fold(name): code for code, name in catalogs.labels(kind).items()}


def code_error(kind: str, code: str | None, what: str) -> str | None:
    """A code (or its name) must be in its bundled catalogue (resources/catalogs/<kind>.json)."""
    if code is None or code == "" or catalog_code(kind, code) is not None:
        return None
    return text("catalog_unknown", what=what, code=code)


def level_error(kind: str, level_code: str | None) -> str | None:
    """A qualification level must be one of the fixed codes of its kind (TS, ThS, … for chuyên môn)."""
    if not level_code:
        return text("level_missing")
    extra = catalogs.extra("qualification_level", level_code)
    if not extra:
        return text("level_unknown", code=level_code)
    if extra.get("kind") != kind:
        allowed = ", ".join(levels_of(kind))
        return text("level_wrong_kind", code=level_code, kind=catalogs.label("qualification_kind", kind),
                    allowed=allowed)
    return None


def levels_of(kind: str) -> list[str]:
    return [it["code"] for it in catalogs.items("qualification_level") if (it.get("extra") or {}).get("kind") == kind]


def email_error(value: str | None) -> str | None:
    if not value or _EMAIL.match(value.strip()):
        return None
    return text("email_format", value=value)


def phone_error(value: str | None) -> str | None:
    if not value or _PHONE.match(value.strip()):
        return None
    return text("phone_format", value=value)


# --------------------------------------------------------------------------------------------- per category


def category_error(category: str | None) -> str | None:
    if not category:
        return text("category_missing")
    if category not in CATEGORY_REQUIRED:
        return text("category_unknown", code=category)
    return None


def required_errors(category: str, values: Mapping[str, object]) -> Errors:
    """Fields the category needs (ngạch, bậc, hệ số, ngày tuyển dụng for công chức and viên chức)."""
    name = catalogs.label("category", category)
    return [
        (f, text("required_for_category", what=field_label(f).lower(), category=name.split(" (")[0].lower()))
        for f in CATEGORY_REQUIRED.get(category, ())
        if values.get(f) in (None, "")
    ]


# --------------------------------------------------------------------------------------------- helpers


def collect(*pairs: tuple[str, str | None]) -> Errors:
    """[(field, message)] for the pairs whose message is not None."""
    return [(f, m) for f, m in pairs if m]


def raise_if(errors: Iterable[tuple[str, str]]) -> None:
    """Nothing is saved while an error stands: raise them all at once."""
    errors = list(errors)
    if errors:
        raise ValidationError(errors)
