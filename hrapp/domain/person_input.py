"""A person's record as typed in the editor or read from a workbook: the input types of the identity and of each
dated history row, and the rules they are checked by before anything is stored (no database: the checks that
need stored rows stay with the services)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Protocol

from hrapp import catalogs, messages
from hrapp.db.limits import length_message, limit_of
from hrapp.domain import validation as v
from hrapp.domain.decisions import DecisionInput, DecisionRef, decision_errors
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError

GENDERS = ("M", "F")
PRECISIONS = ("day", "month", "year")
LEAVE_KINDS = ("retired", "resigned", "transferred", "deceased")
LEAVE_LABELS = {kind: catalogs.END_REASONS[kind] for kind in LEAVE_KINDS}
ACTIVE = ("working", "seconded", "leave")
REGIMES = ("nd90_2020", "nd335_2025")
FAMILY_SIDES = ("self", "spouse")
ATTACHMENT_KINDS = ("document", "decision", "degree", "certificate", "photo", "other")
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
STUDY_MODES = tuple(catalogs.STUDY_MODES)  # the codes of the labels in the catalogues
SALARY_REASONS = tuple(catalogs.SALARY_REASONS)
ALLOWANCE_KINDS = ("chuc_vu", "tham_nien_vuot_khung", "kiem_nhiem", "trach_nhiem", "uu_dai_nghe", "khac")
ALLOWANCE_LABELS = {
    "chuc_vu": "Phụ cấp chức vụ",
    "tham_nien_vuot_khung": "Phụ cấp thâm niên vượt khung",
    "kiem_nhiem": "Phụ cấp kiêm nhiệm",
    "trach_nhiem": "Phụ cấp trách nhiệm",
    "uu_dai_nghe": "Phụ cấp ưu đãi nghề",
    "khac": "Phụ cấp khác",
}
NO_DECISION = "Cần có quyết định (số, ngày ký) cho thay đổi này."


# ============================================================================================== DTOs


@dataclass(frozen=True)
class IdentityInput:
    """Every field of the Sơ yếu lý lịch (Mẫu 2C-BNV/2008) kept on the person itself."""

    full_name: str
    gender: str  # 'M' / 'F'
    birth_date: date | None
    birth_precision: str = "day"  # day, month (stored as the 1st), year (stored as 01/01)
    id_number: str | None = None  # số CCCD, 12 digits
    other_names: str | None = None
    staff_code: str | None = None
    birth_place: str | None = None
    home_town: str | None = None
    ethnicity: str | None = None  # code of the ethnicity catalogue ('01' Kinh)
    religion: str | None = None  # code of the religion catalogue ('khong')
    id_issue_date: date | None = None
    id_issue_place: str | None = None
    permanent_address: str | None = None
    current_address: str | None = None
    phone: str | None = None
    email: str | None = None
    social_insurance_no: str | None = None
    general_education: str | None = None
    occupation_at_recruitment: str | None = None
    main_duties: str | None = None
    strengths: str | None = None
    highest_title: str | None = None
    party_join_date: date | None = None
    party_official_date: date | None = None
    union_join_info: str | None = None
    army_join_date: date | None = None
    army_leave_date: date | None = None
    army_rank: str | None = None
    war_invalid_grade: str | None = None
    policy_family: str | None = None
    health: str | None = None
    height_cm: int | None = None
    weight_kg: int | None = None
    blood_type: str | None = None
    history_notes: str | None = None
    # added by the Sơ yếu lý lịch of the national CBCCVC database (TT 06/2023/TT-BNV)
    personal_id: str | None = None  # mã số định danh: the personal identification number, 12 digits
    health_insurance_no: str | None = None  # số thẻ BHYT
    managing_agency: str | None = None  # cơ quan quản lý cán bộ, công chức, viên chức
    family_background: str | None = None  # thành phần gia đình xuất thân
    longest_work: str | None = None  # công việc làm lâu nhất
    party_post: str | None = None  # chức vụ Đảng hiện tại
    party_concurrent_post: str | None = None  # chức vụ Đảng kiêm nhiệm
    # the official unit of each place (hrapp.domain.places), picked in the editor or read from the text
    birth_place_code: str | None = None
    home_town_code: str | None = None
    permanent_address_code: str | None = None
    current_address_code: str | None = None


# each place's text field and the field of its code
PLACE_FIELDS = (("birth_place", "birth_place_code"), ("home_town", "home_town_code"),
                ("permanent_address", "permanent_address_code"), ("current_address", "current_address_code"))
IDENTITY_FIELDS = tuple(f.name for f in fields(IdentityInput))


@dataclass(frozen=True)
class EmploymentInput:
    """A period of work in one unit and category; a move or a rehire is a new one."""

    category: str
    unit_id: int | None
    start_date: date | None  # ngày vào cơ quan (joining the unit)
    position_id: int | None = None
    recruitment_date: date | None = None
    recruitment_agency: str | None = None
    probation_start: date | None = None
    probation_end: date | None = None
    probation_pay_percent: int | None = None
    note: str | None = None
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class SalaryInput:
    """A salary row: rank, step and the coefficient from the rank's table, from a date."""

    rank_code: str | None
    step: int | None
    coefficient: Decimal | None
    effective_date: date | None
    step_since: date | None = None  # the date the next step counts from (defaults to effective_date)
    percent: int = 100  # 85 during probation
    pctnvk_percent: int | None = None
    pctnvk_since: date | None = None
    reason: str = "thuong_xuyen"
    note: str | None = None
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class QualificationInput:
    kind: str  # chuyen_mon, llct, qlnn, tin_hoc, ngoai_ngu, hoc_ham, qpan
    level_code: str
    major: str | None = None
    language: str | None = None
    institution: str | None = None
    mode: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    year: int | None = None
    certificate_no: str | None = None
    certificate_date: date | None = None
    expiry_date: date | None = None
    in_progress: bool = False
    note: str | None = None


@dataclass(frozen=True)
class NewPerson:
    """A new record: identity, the first employment and, for công chức and viên chức, the salary."""

    identity: IdentityInput
    employment: EmploymentInput
    salary: SalaryInput | None = None
    qualifications: tuple[QualificationInput, ...] = ()


@dataclass(frozen=True)
class PersonUpdate:
    """New identity values and the row version they were edited from (optimistic locking)."""

    person_id: int
    version: int
    identity: IdentityInput


@dataclass(frozen=True)
class RankInput:
    rank_code: str
    effective_date: date | None
    decision: DecisionRef | None = None
    note: str | None = None


@dataclass(frozen=True)
class AllowanceInput:
    kind: str
    effective_date: date | None
    coefficient: Decimal | None = None
    percent: Decimal | None = None
    end_date: date | None = None
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class PostInput:
    post_code: str
    unit_id: int | None
    start_date: date | None
    kind: str = "bo_nhiem"
    term_end: date | None = None  # computed for bo_nhiem / bo_nhiem_lai / keo_dai when not given
    is_concurrent: bool = False
    allowance_coefficient: Decimal | None = None  # defaults to the post catalogue's coefficient
    post_title: str | None = None
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class WorkInput:
    from_date: date | None
    to_date: date | None
    description: str


@dataclass(frozen=True)
class FamilyInput:
    relation: str
    full_name: str
    birth_year: int | None = None
    details: str | None = None
    side: str = "self"  # 'self' (bản thân) or 'spouse' (bên vợ/chồng)


@dataclass(frozen=True)
class AwardInput:
    award_date: date | None
    form: str
    level: str | None = None
    reason: str | None = None
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class DisciplineInput:
    """A disciplinary decision. `effect_to` left empty is filled from the rule version in force on the decision
    date; `violation_date` and `found_on`, when known, are checked against the limitation period and the time
    limit of the procedure (`complex_case`: the longer limit of a complex case)."""

    decision_date: date | None
    form: str
    effect_from: date | None
    effect_to: date | None = None
    reason: str | None = None
    decision: DecisionRef | None = None
    violation_date: date | None = None
    found_on: date | None = None
    complex_case: bool = False


@dataclass(frozen=True)
class RetirementDecisionInput:
    """A decision to retire at a lower or a higher age than the ordinary one (NĐ 135/2020, Điều 5–6): the
    direction (earlier / later), the case of the rule it relies on, the age it sets."""

    direction: str
    reason: str
    age_years: int | None
    age_months: int = 0
    decision: DecisionRef | None = None
    note: str | None = None


@dataclass(frozen=True)
class EvaluationInput:
    year: int
    rating: str | None
    score: Decimal | None = None
    regime: str = "nd90_2020"
    note: str | None = None
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class PeriodScoreInput:
    """A công chức's score for one month or quarter under NĐ 335/2025: general criteria /30, results /70."""

    year: int
    period_kind: str
    period_no: int
    general_score: Decimal | None
    results_score: Decimal | None
    note: str | None = None


@dataclass(frozen=True)
class YearFromPeriodsInput:
    """The year's rating computed from its period scores; `facts` are the disqualifying facts of NĐ 335/2025
    Điều 20 khoản 4 the officer records (a discipline of the year is found in the record)."""

    year: int
    facts: tuple[str, ...] = ()
    note: str | None = None
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class AttachmentInput:
    filename: str
    data: bytes
    kind: str = "document"
    note: str | None = None
    decision_id: int | None = None


@dataclass(frozen=True)
class LeaveInput:
    """Retire, resign, transfer out (or death): the record stays, with its status and dated history."""

    kind: str  # retired, resigned, transferred, deceased
    effective_date: date | None  # the first day the person no longer works here
    decision: DecisionRef | None = None
    note: str | None = None


# ============================================================================================== validation


def clean_text(text: str | None) -> str | None:
    text = (text or "").strip() if isinstance(text, str) or text is None else str(text)
    return text or None


_CHECKED_APART = ("full_name", "gender", "birth_precision", "id_number", "personal_id", "social_insurance_no",
                  "health_insurance_no")  # their own rules fit their columns


@cache
def _identity_limits() -> tuple[tuple[str, int], ...]:
    """(field, most characters) of the identity's texts, from the `persons` columns (hrapp.db.limits)."""
    return tuple((name, limit) for name in IDENTITY_FIELDS
                 if name not in _CHECKED_APART and (limit := limit_of("persons", name)) is not None)


class PersonalDetails(Protocol):
    """The personal details a person's record and a recruitment candidate's registration form both carry."""

    @property
    def full_name(self) -> str: ...
    @property
    def gender(self) -> str | None: ...
    @property
    def birth_date(self) -> date | None: ...
    @property
    def id_number(self) -> str | None: ...
    @property
    def ethnicity(self) -> str | None: ...
    @property
    def religion(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def id_issue_date(self) -> date | None: ...


def personal_details_errors(i: PersonalDetails, today: date, *,
                            birth_precision: str | None = None) -> v.Errors:
    """Problems of the personal details alone (no database): name, sex, birth date (and, for a person's record,
    its precision), CCCD and its issue date, ethnicity, religion, e-mail and phone."""
    errors = v.Errors()
    if not (i.full_name or "").strip():
        errors.append(("full_name", messages.text("person_name_missing")))
    elif len(i.full_name.strip()) > 120:
        errors.append(("full_name", messages.text("person_name_too_long")))
    if i.gender not in GENDERS:
        errors.append(("gender", messages.text("person_sex_missing")))
    errors += v.collect(("birth_date", v.birth_date_error(i.birth_date, today)))
    if birth_precision is not None and birth_precision not in PRECISIONS:
        errors.append(("birth_date", messages.text("invalid_birth_precision")))
    errors += v.collect(
        ("id_number", v.cccd_error(i.id_number)),
        ("ethnicity", v.code_error("ethnicity", i.ethnicity, "Dân tộc")),
        ("religion", v.code_error("religion", i.religion, "Tôn giáo")),
        ("email", v.email_error(i.email)),
        ("phone", v.phone_error(i.phone)),
        ("id_issue_date", v.not_future_error(i.id_issue_date, today, "Ngày cấp CCCD")),
        ("id_issue_date", v.not_before_birth_error(i.id_issue_date, i.birth_date, "Ngày cấp CCCD")),
    )
    return errors


def identity_errors(identity: IdentityInput, today: date) -> v.Errors:
    """Problems of the identity fields alone (no database)."""
    i = identity
    errors = personal_details_errors(i, today, birth_precision=i.birth_precision)
    errors += v.collect(
        ("party_join_date", v.not_future_error(i.party_join_date, today, "Ngày vào Đảng")),
        ("party_join_date", v.not_before_birth_error(i.party_join_date, i.birth_date, "Ngày vào Đảng")),
        ("party_official_date", v.order_error(i.party_join_date, i.party_official_date, "ngày vào Đảng",
                                              "Ngày chính thức")),
        ("party_official_date", v.not_future_error(i.party_official_date, today, "Ngày chính thức")),
        ("army_join_date", v.not_before_birth_error(i.army_join_date, i.birth_date, "Ngày nhập ngũ")),
        ("army_leave_date", v.order_error(i.army_join_date, i.army_leave_date, "ngày nhập ngũ", "Ngày xuất ngũ")),
        ("personal_id", v.personal_id_error(i.personal_id, i.id_number)),
        ("social_insurance_no", v.social_insurance_error(i.social_insurance_no, i.personal_id or i.id_number)),
        ("health_insurance_no", v.health_insurance_error(i.health_insurance_no, i.social_insurance_no,
                                                         i.personal_id or i.id_number)),
    )
    if i.party_official_date and not i.party_join_date:
        errors.append(("party_join_date", messages.text("party_official_without_join")))
    for name, limit in _identity_limits():
        value = getattr(i, name)
        if value.__class__ is str and len(value) > limit and len(value.strip()) > limit:
            errors.append((name, length_message(name, len(value.strip()), limit)))
    for name, low, high in (("height_cm", 50, 250), ("weight_kg", 20, 250)):
        value = getattr(i, name)
        if value is not None and not low <= value <= high:
            what = "Chiều cao (cm)" if name == "height_cm" else "Cân nặng (kg)"
            errors.append((name, messages.text("person_measure_range", what=what, low=low, high=high)))
    return errors


def decision_ref_errors(ref: DecisionRef | None, required: bool) -> v.Errors:
    if ref is None:
        return [("decision", NO_DECISION)] if required else []
    if isinstance(ref, DecisionInput):
        return decision_errors(ref)
    return []


def employment_errors(e: EmploymentInput, birth: date | None, today: date, *,
                      decision_required: bool = False) -> v.Errors:
    errors = v.collect(("category", v.category_error(e.category)))
    if e.unit_id is None:
        errors.append(("unit_id", messages.text("unit_missing")))
    if e.start_date is None:
        errors.append(("start_date", messages.text("start_date_missing")))
    errors += v.collect(
        ("start_date", v.not_before_birth_error(e.start_date, birth, "Ngày vào cơ quan")),
        ("start_date", v.start_date_error(e.start_date, birth, today)),
        ("recruitment_date", v.not_future_error(e.recruitment_date, today, "Ngày tuyển dụng")),
        ("probation_end", v.order_error(e.probation_start, e.probation_end, "ngày bắt đầu tập sự",
                                        "Ngày kết thúc tập sự")),
    )
    if birth is not None and e.recruitment_date is not None and e.recruitment_date >= birth:
        errors += v.collect(("recruitment_date", v.adult_at_recruitment_error(birth, e.recruitment_date)))
    elif birth is not None:
        errors += v.collect(("recruitment_date", v.not_before_birth_error(e.recruitment_date, birth,
                                                                          "Ngày tuyển dụng")))
    if e.probation_pay_percent is not None and not 0 < e.probation_pay_percent <= 100:
        errors.append(("probation_pay_percent", messages.text("probation_pay_range")))
    return errors + decision_ref_errors(e.decision, decision_required)


def salary_errors(s: SalaryInput, rulebook: RuleBook, birth: date | None, *,
                  decision_required: bool = False) -> v.Errors:
    """Rank, step and coefficient against the rank's salary table on the effective date."""
    errors = v.collect(("rank_code", v.rank_error(s.rank_code)))
    if s.effective_date is None:
        errors.append(("salary_date", messages.text("salary_date_missing")))
    errors += v.collect(("salary_date", v.not_before_birth_error(s.effective_date, birth, "Ngày hưởng lương")))
    if not errors and s.rank_code and s.effective_date:
        try:
            errors += v.coefficient_errors(s.rank_code, s.step, s.coefficient, rulebook, s.effective_date)
        except DomainError as exc:  # no salary scale in force on that day
            errors.append(("salary_date", exc.message))
    if not 1 <= s.percent <= 100:
        errors.append(("percent", messages.text("pay_percent_range")))
    if s.pctnvk_percent is not None:
        if not 0 <= s.pctnvk_percent <= 100:
            errors.append(("pctnvk_percent", messages.text("pctnvk_percent_range")))
        if s.pctnvk_since is None:
            errors.append(("pctnvk_since", messages.text("pctnvk_since_missing")))
    if s.reason not in SALARY_REASONS:
        errors.append(("reason", messages.text("salary_reason_invalid", reason=s.reason)))
    return errors + decision_ref_errors(s.decision, decision_required)


def qualification_errors(q: QualificationInput, birth: date | None, today: date) -> v.Errors:
    errors: v.Errors = []
    if q.kind not in catalogs.labels("qualification_kind"):
        errors.append(("kind", messages.text("qualification_kind_unknown", kind=q.kind)))
    else:
        errors += v.collect(("level_code", v.level_error(q.kind, q.level_code)))
    if q.mode is not None and q.mode not in STUDY_MODES:
        errors.append(("mode", messages.text("study_mode_invalid", mode=q.mode)))
    if birth is not None:
        errors += v.collect(("year", v.qualification_year_error(birth, q.year, today)))
        errors += v.collect(("start_date", v.not_before_birth_error(q.start_date, birth, "Ngày bắt đầu học")))
    errors += v.collect(
        ("end_date", v.order_error(q.start_date, q.end_date, "ngày bắt đầu học", "Ngày kết thúc")),
        ("expiry_date", v.order_error(q.certificate_date, q.expiry_date, "ngày cấp", "Ngày hết hạn")),
        ("certificate_date", v.not_future_error(q.certificate_date, today, "Ngày cấp văn bằng")),
    )
    if q.year is not None and q.start_date is not None and q.year < q.start_date.year:
        errors.append(("year", messages.text("graduation_before_start", year=q.year, start=q.start_date.year)))
    if q.in_progress and q.year is not None:
        errors.append(("year", messages.text("studying_no_graduation")))
    if q.language is None and q.kind == "ngoai_ngu":
        errors.append(("language", messages.text("language_missing")))
    return errors


def new_person_errors(dto: NewPerson, rulebook: RuleBook, today: date) -> v.Errors:
    """Every problem of a new record that can be seen without the database."""
    birth = dto.identity.birth_date
    errors = identity_errors(dto.identity, today)
    errors += employment_errors(dto.employment, birth, today)
    s = dto.salary
    values = {
        "recruitment_date": dto.employment.recruitment_date,
        "rank_code": s.rank_code if s else None,
        "salary_step": s.step if s else None,
        "coefficient": s.coefficient if s else None,
    }
    if not v.category_error(dto.employment.category):
        required = v.required_errors(dto.employment.category, values)
        if not values["rank_code"]:  # step and coefficient follow the rank: one message, on the rank
            required = [e for e in required if e[0] not in ("salary_step", "coefficient")]
        errors += required
    if s is not None and (s.rank_code or s.step or s.coefficient):
        taken = {f for f, _ in errors}
        errors += [e for e in salary_errors(s, rulebook, birth) if e[0] not in taken]
    for n, q in enumerate(dto.qualifications):
        errors += [(f"qualifications[{n}].{f}", m) for f, m in qualification_errors(q, birth, today)]
    return errors
