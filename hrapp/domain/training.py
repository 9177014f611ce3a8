"""Training rules (đào tạo, bồi dưỡng): course types and the qualification each grants, programme length limits,
postgraduate eligibility, the service commitment and the repayment owed when it is broken, and the gaps between
the qualifications a post requires and those a person holds.

Numbers come from the `training` rule version in force on the event's date (resources/rules/training.json:
NĐ 101/2017, NĐ 89/2021, NĐ 171/2025 for công chức from 01/07/2025). Nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hrapp import catalogs
from hrapp.domain.evaluation import Rating
from hrapp.domain.retirement import add_months, months_between
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.domain.validation import age_on
from hrapp.errors import DomainError

TRAINING = "training"
COURSE_TYPE = "course_type"
QUALIFICATION_KINDS = ("chuyen_mon", "llct", "qlnn", "tin_hoc", "ngoai_ngu", "qpan")
KIND_LABELS = {
    "chuyen_mon": "Trình độ chuyên môn",
    "llct": "Lý luận chính trị",
    "qlnn": "Quản lý nhà nước",
    "tin_hoc": "Tin học",
    "ngoai_ngu": "Ngoại ngữ",
    "qpan": "Quốc phòng - an ninh",
}
KIND_SHORT = {"chuyen_mon": "Chuyên môn", "llct": "LLCT", "qlnn": "QLNN", "tin_hoc": "Tin học",
              "ngoai_ngu": "Ngoại ngữ", "qpan": "QP-AN"}
DURATION_UNITS = {"weeks": "tuần", "periods": "tiết", "months": "tháng"}
MODES = {"tap_trung": "Tập trung", "khong_tap_trung": "Không tập trung", "truc_tuyen": "Trực tuyến",
         "vua_lam_vua_hoc": "Vừa làm vừa học"}
RECORD_STATUSES = {"sent": "Đang học", "completed": "Hoàn thành", "failed": "Không đạt", "withdrawn": "Thôi học"}
ATTENDANCE = {"full": "Đầy đủ", "partial": "Vắng một phần", "absent": "Không tham gia"}
LEAVE_CASES = {
    "quit_during": "Tự ý bỏ học, bỏ việc trong thời gian đào tạo",
    "no_degree": "Không được cấp văn bằng tốt nghiệp",
    "quit_after": "Bỏ việc trước khi phục vụ đủ thời gian cam kết",
}
COMMITMENT_STATUSES = {"active": "Đang thực hiện cam kết", "fulfilled": "Đã phục vụ đủ", "broken": "Vi phạm cam kết"}

# Eligibility reason codes
SERVICE = "service"
PROBATION = "probation"
RATING = "rating"
AGE = "age"
CATEGORY = "category"


# ============================================================================================== course types


def course_types() -> list[dict[str, Any]]:
    return catalogs.items(COURSE_TYPE)


def course_type_label(code: str | None) -> str:
    return catalogs.label(COURSE_TYPE, code)


def course_type_short(code: str | None) -> str:
    if not code:
        return ""
    return str(catalogs.extra(COURSE_TYPE, code).get("short") or course_type_label(code))


def course_group(code: str) -> str:
    return str(catalogs.extra(COURSE_TYPE, code).get("group") or code)


def grants_of_type(code: str) -> tuple[str | None, str | None]:
    """(qualification kind, fixed level) a course type grants; a None level means the course names it."""
    extra = catalogs.extra(COURSE_TYPE, code)
    return extra.get("grants_kind"), extra.get("grants_level")


def is_postgraduate(code: str) -> bool:
    return bool(catalogs.extra(COURSE_TYPE, code).get("postgraduate"))


def is_long_training(code: str) -> bool:
    """Courses of trung cấp level or higher (LLCT, postgraduate): a service commitment may be asked for."""
    return bool(catalogs.extra(COURSE_TYPE, code).get("training"))


def level_rank(kind: str, level_code: str | None) -> int | None:
    """The order of a level within its kind (qualification_level catalogue); None when unknown."""
    if not level_code:
        return None
    for item in catalogs.items("qualification_level"):
        extra = item.get("extra") or {}
        if item["code"] == level_code and extra.get("kind") == kind:
            return int(extra.get("rank", 0))
    return None


def levels_of(kind: str) -> list[str]:
    """Level codes of a kind, lowest first."""
    items = [(int((it.get("extra") or {}).get("rank", 0)), it["code"]) for it in catalogs.items("qualification_level")
             if (it.get("extra") or {}).get("kind") == kind]
    return [code for _, code in sorted(items)]


def level_label(level_code: str | None) -> str:
    return catalogs.label("qualification_level", level_code)


def requirement_label(kind: str, level_code: str) -> str:
    """'LLCT Cao cấp', 'QLNN Chuyên viên chính', 'Ngoại ngữ Bậc 3 (B1)'."""
    return f"{KIND_SHORT.get(kind, kind)} {level_label(level_code)}"


def highest(kind: str, codes: Iterable[str]) -> str | None:
    """The highest of the level codes held in one kind (unknown codes ignored)."""
    best: tuple[int, str] | None = None
    for code in codes:
        rank = level_rank(kind, code)
        if rank is not None and (best is None or rank > best[0]):
            best = (rank, code)
    return best[1] if best else None


def grant_for(course_type: str, course_kind: str | None, course_level: str | None,
              record_level: str | None = None) -> tuple[str, str] | None:
    """The (kind, level) a completed course adds to the person: the type's fixed level, else the level written on
    the course or on the record (a language or IT course names its level); None when it grants no qualification."""
    kind, fixed = grants_of_type(course_type)
    kind = kind or course_kind
    level = fixed or record_level or course_level
    if not kind or not level or level_rank(kind, level) is None:
        return None
    return kind, level


def course_type_for(kind: str, level: str) -> str | None:
    """The course type that fills a missing (kind, level): the type granting exactly that level, else one whose
    level is set per course; None when no course type grants it (a bachelor's degree, for example)."""
    open_type = None
    for item in course_types():
        g_kind, g_level = grants_of_type(item["code"])
        if g_kind != kind:
            continue
        if g_level == level:
            return item["code"]
        if g_level is None and open_type is None:
            open_type = item["code"]
    if kind == "chuyen_mon" and (level_rank("chuyen_mon", level) or 0) < (level_rank("chuyen_mon", "ThS") or 0):
        return None  # undergraduate levels are not trained by the agency
    return open_type


# ============================================================================================== rules


@dataclass(frozen=True)
class PostgraduateRules:
    """Conditions of one staff category (cong_chuc / vien_chuc); None switches a condition off."""

    legal_basis: str
    min_service_years: int | None
    exclude_probation: bool
    rating_years: int | None
    min_rating: Rating | None
    max_age_first: int | None
    probation_finished: bool
    commitment_multiplier: int


@dataclass(frozen=True)
class TrainingRules:
    rule: RuleVersion
    programme_max_weeks: Mapping[str, int] = field(hash=False, compare=False)
    periods_per_week: int
    postgraduate: Mapping[str, PostgraduateRules] = field(hash=False, compare=False)
    quit_during_percent: Decimal
    no_degree_percent: Decimal
    round_days: int

    @classmethod
    def from_rule(cls, rule: RuleVersion) -> TrainingRules:
        p = rule.params
        try:
            pg = {}
            for category, spec in p["postgraduate"].items():
                pg[category] = PostgraduateRules(
                    legal_basis=str(spec.get("legal_basis") or rule.legal_basis),
                    min_service_years=_opt_int(spec.get("min_service_years")),
                    exclude_probation=bool(spec.get("exclude_probation", True)),
                    rating_years=_opt_int(spec.get("rating_years")),
                    min_rating=Rating.parse(spec["min_rating"]) if spec.get("min_rating") else None,
                    max_age_first=_opt_int(spec.get("max_age_first")),
                    probation_finished=bool(spec.get("probation_finished", False)),
                    commitment_multiplier=int(spec["commitment_multiplier"]),
                )
            rep = p["repayment"]
            rules = cls(
                rule=rule,
                programme_max_weeks={k: int(v) for k, v in p.get("programme_max_weeks", {}).items()},
                periods_per_week=int(p.get("periods_per_week") or 40),
                postgraduate=pg,
                quit_during_percent=Decimal(str(rep["quit_during_percent"])),
                no_degree_percent=Decimal(str(rep["no_degree_percent"])),
                round_days=int(rep.get("round_days", 15)),
            )
        except (KeyError, TypeError, ValueError, DomainError) as exc:
            raise DomainError("rule_incomplete", f"Quy định {rule.label()} thiếu hoặc sai tham số đào tạo, bồi "
                              f"dưỡng ({exc}).") from None
        if any(r.commitment_multiplier < 1 for r in pg.values()) or rules.periods_per_week < 1:
            raise DomainError("rule_incomplete", f"Quy định {rule.label()}: hệ số cam kết và số tiết mỗi tuần phải "
                              "là số dương.")
        return rules

    @property
    def version(self) -> str:
        return self.rule.version

    def for_category(self, category: str | None) -> PostgraduateRules | None:
        key = {"cong_chuc": "cong_chuc", "vien_chuc": "vien_chuc", "vien_chuc_tu_chu": "vien_chuc"}.get(category or "")
        return self.postgraduate.get(key) if key else None


def _opt_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, (int, float, str)):
        return int(value)
    raise TypeError(f"not a whole number: {value!r}")


def training_rules(rulebook: RuleBook, on: date) -> TrainingRules:
    """The training rules in force on the event's date."""
    return TrainingRules.from_rule(rulebook.get(TRAINING, on))


def training_rules_by_version(rulebook: RuleBook, version: str) -> TrainingRules:
    return TrainingRules.from_rule(rulebook.by_version(TRAINING, version))


# ============================================================================================== programme length


def duration_weeks(value: int, unit: str, rules: TrainingRules) -> Decimal:
    """A duration in weeks: periods (tiết) at the rule's periods per week, months at 52/12 weeks."""
    if unit == "weeks":
        return Decimal(value)
    if unit == "periods":
        return Decimal(value) / Decimal(rules.periods_per_week)
    return Decimal(value) * Decimal(52) / Decimal(12)


def programme_length_warning(course_type: str, value: int | None, unit: str, rules: TrainingRules) -> str | None:
    """A warning when a bồi dưỡng programme is longer than the rule allows for its kind (None when within it)."""
    limit = rules.programme_max_weeks.get(course_type)
    if limit is None or not value:
        return None
    if duration_weeks(value, unit, rules) <= limit:
        return None
    return (f"Chương trình {course_type_label(course_type).lower()} dài {value} {DURATION_UNITS.get(unit, unit)}, "
            f"quá thời gian tối đa {limit} tuần theo {rules.rule.legal_basis}.")


# ============================================================================================== postgraduate


@dataclass(frozen=True)
class Reason:
    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class PostgraduateFacts:
    """What the postgraduate check needs about a person on the nomination day."""

    category: str | None
    birth_date: date
    service_start: date | None  # first day of work in the public service (recruitment)
    probation_end: date | None = None
    ratings: Mapping[int, str] = field(default_factory=dict, hash=False, compare=False)
    first_nomination: date | None = None  # an earlier postgraduate nomination, if any


@dataclass(frozen=True)
class PostgraduateEligibility:
    eligible: bool
    reasons: tuple[Reason, ...]
    nomination_date: date
    service_years: int | None
    age_at_first: int
    rating_years: tuple[int, ...]
    rule: RuleVersion
    legal_basis: str

    def to_json(self) -> dict[str, Any]:
        return {"eligible": self.eligible, "reasons": [r.message for r in self.reasons],
                "reason_codes": [r.code for r in self.reasons], "nomination_date": self.nomination_date.isoformat(),
                "service_years": self.service_years, "age_at_first_nomination": self.age_at_first,
                "rating_years": list(self.rating_years), "rule": self.rule.to_json(), "legal_basis": self.legal_basis}


def whole_years(start: date, end: date) -> int:
    """Whole years from `start` to `end` (3 years from 01/03/2019 are complete on 01/03/2022)."""
    return max(age_on(start, end), 0) if end >= start else 0


def postgraduate_eligibility(facts: PostgraduateFacts, nomination: date, rules: TrainingRules
                             ) -> PostgraduateEligibility:
    """Every unmet condition for sending the person to postgraduate study on `nomination` (NĐ 101/2017 Điều 6)."""
    spec = rules.for_category(facts.category)
    first = min(d for d in (facts.first_nomination, nomination) if d is not None)
    age = age_on(facts.birth_date, first)
    if spec is None:
        reason = Reason(CATEGORY, "Chỉ cử công chức, viên chức đi đào tạo sau đại học.")
        return PostgraduateEligibility(False, (reason,), nomination, None, age, (), rules.rule, rules.rule.legal_basis)
    reasons: list[Reason] = []
    counted_from = facts.service_start
    if spec.exclude_probation and facts.probation_end is not None and counted_from is not None:
        counted_from = max(counted_from, facts.probation_end + timedelta(days=1))
    years = whole_years(counted_from, nomination) if counted_from else 0
    if spec.probation_finished and facts.probation_end is not None and facts.probation_end >= nomination:
        reasons.append(Reason(PROBATION, f"Chưa hết thời gian tập sự (đến {facts.probation_end:%d/%m/%Y})."))
    if spec.min_service_years is not None and years < spec.min_service_years:
        since = f" kể từ {counted_from:%d/%m/%Y}" if counted_from else ""
        reasons.append(Reason(SERVICE, f"Thời gian công tác chưa đủ {spec.min_service_years} năm (không kể thời gian "
                              f"tập sự): mới {years} năm{since}."))
    rating_years: tuple[int, ...] = ()
    if spec.rating_years and spec.min_rating is not None:
        rating_years = tuple(range(nomination.year - spec.rating_years, nomination.year))
        order = list(Rating)  # best first
        for year in rating_years:
            code = facts.ratings.get(year)
            if code is None:
                reasons.append(Reason(RATING, f"Chưa có kết quả đánh giá, xếp loại năm {year}."))
            elif order.index(Rating.parse(code)) > order.index(spec.min_rating):
                rating = Rating.parse(code)
                reasons.append(Reason(RATING, f"Năm {year} xếp loại {rating.label} ({rating.short}), chưa đạt "
                                      f"{spec.min_rating.label.lower()} trở lên."))
    if spec.max_age_first is not None and age > spec.max_age_first:
        when = "lần đầu được cử đi đào tạo sau đại học" if first < nomination else "được cử đi đào tạo"
        reasons.append(Reason(AGE, f"Quá {spec.max_age_first} tuổi khi {when} ({age} tuổi ngày {first:%d/%m/%Y})."))
    return PostgraduateEligibility(not reasons, tuple(reasons), nomination, years if counted_from else None, age,
                                   rating_years, rules.rule, spec.legal_basis)


# ============================================================================================== commitment, repayment


def rounded_months(start: date, end: date, round_days: int) -> int:
    """Months from `start` to the day before `end`'s next day, rounded: a remainder of `round_days` days or more
    counts as a month ("tính bằng số tháng làm tròn")."""
    if end < start:
        return 0
    stop = end + timedelta(days=1)
    months = months_between(start, stop)
    rest = (stop - add_months(start, months)).days
    return months + (1 if rest >= round_days else 0)


@dataclass(frozen=True)
class Commitment:
    study_months: int
    multiplier: int
    commitment_months: int
    service_from: date
    service_until: date
    rule: RuleVersion
    legal_basis: str


def commitment(category: str | None, study_start: date, study_end: date, rules: TrainingRules) -> Commitment:
    """The service commitment after a course: `multiplier` × the study time, from the day after it ends."""
    if study_end < study_start:
        raise DomainError("dates_out_of_order", "Ngày kết thúc khóa học phải sau ngày bắt đầu.", field="study_end")
    spec = rules.for_category(category) or rules.for_category("vien_chuc")
    assert spec is not None
    months = max(rounded_months(study_start, study_end, rules.round_days), 1)
    total = months * spec.commitment_multiplier
    start = study_end + timedelta(days=1)
    return Commitment(months, spec.commitment_multiplier, total, start, add_months(start, total) - timedelta(days=1),
                      rules.rule, spec.legal_basis)


@dataclass(frozen=True)
class Repayment:
    """What a person owes for a broken commitment: S = F/T1 × (T1 − T2), or a percentage of F."""

    case: str
    cost: Decimal  # F
    required_months: int  # T1
    served_months: int  # T2
    amount: Decimal  # S, whole đồng
    formula: str
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case, "cost": str(self.cost), "required_months": self.required_months,
                "served_months": self.served_months, "amount": str(self.amount), "formula": self.formula,
                "rule": self.rule.to_json()}


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _vnd(value: Decimal) -> str:
    return f"{int(value):,}".replace(",", ".") + " đồng"


def repayment(case: str, cost: Decimal, required_months: int, service_from: date, left_on: date,
              rules: TrainingRules) -> Repayment:
    """The repayment for leaving on `left_on` (NĐ 101/2017 Điều 7–8): 100% when the person quits during the course
    or gets no degree; pro rata to the months still owed when they quit after it."""
    if case not in LEAVE_CASES:
        raise DomainError("invalid_case", f"Trường hợp '{case}' không hợp lệ.", field="case")
    if cost < 0:
        raise DomainError("invalid_cost", "Chi phí đào tạo không được âm.", field="cost")
    if case in ("quit_during", "no_degree"):
        percent = rules.quit_during_percent if case == "quit_during" else rules.no_degree_percent
        amount = _money(cost * percent / 100)
        return Repayment(case, cost, required_months, 0, amount,
                         f"S = {percent}% × F = {percent}% × {_vnd(cost)} = {_vnd(amount)}", rules.rule)
    served = min(rounded_months(service_from, left_on - timedelta(days=1), rules.round_days)
                 if left_on > service_from else 0, required_months)
    amount = _money(cost / required_months * (required_months - served)) if required_months else Decimal(0)
    formula = (f"S = F / T1 × (T1 − T2) = {_vnd(cost)} / {required_months} × ({required_months} − {served}) "
               f"= {_vnd(amount)}")
    return Repayment(case, cost, required_months, served, amount, formula, rules.rule)


# ============================================================================================== gaps


@dataclass(frozen=True)
class Requirement:
    """A minimum level of one kind, and where it comes from (a job position or a planned post)."""

    kind: str
    level: str
    source: str  # "position" | "planning"
    required_for: str  # the position or post, in words

    @property
    def label(self) -> str:
        return requirement_label(self.kind, self.level)


@dataclass(frozen=True)
class Gap:
    requirement: Requirement
    held: str | None  # the best level held of that kind

    @property
    def kind(self) -> str:
        return self.requirement.kind

    @property
    def level(self) -> str:
        return self.requirement.level

    @property
    def course_type(self) -> str | None:
        return course_type_for(self.kind, self.level)

    @property
    def need(self) -> str:
        """The short text a plan line keeps: whose requirement it answers."""
        return f"Yêu cầu của {self.requirement.required_for}"

    @property
    def message(self) -> str:
        have = f"hiện có {level_label(self.held)}" if self.held else "chưa có"
        return (f"Thiếu {KIND_LABELS.get(self.kind, self.kind).lower()} {level_label(self.level).lower()} "
                f"({have}; yêu cầu của {self.requirement.required_for}).")


def requirements_from(levels: Mapping[str, str | None], source: str, required_for: str) -> list[Requirement]:
    """Requirements from a mapping kind → minimum level (job-position fields or a planning rule's line)."""
    return [Requirement(kind, level, source, required_for) for kind, level in levels.items()
            if kind in QUALIFICATION_KINDS and level and level_rank(kind, level) is not None]


def gaps(requirements: Sequence[Requirement], held: Mapping[str, Iterable[str]]) -> list[Gap]:
    """The requirements the held levels do not meet. Per source and kind only the highest requirement is kept, so
    a person planned for two posts needing LLCT trung cấp and cao cấp shows one gap: cao cấp."""
    strongest: dict[tuple[str, str], Requirement] = {}
    joined: dict[tuple[str, str], list[str]] = {}
    for r in requirements:
        key = (r.source, r.kind)
        current = strongest.get(key)
        rank = level_rank(r.kind, r.level) or 0
        if current is None or rank > (level_rank(current.kind, current.level) or 0):
            strongest[key] = r
            joined[key] = [r.required_for]
        elif rank == (level_rank(current.kind, current.level) or 0) and r.required_for not in joined[key]:
            joined[key].append(r.required_for)
    out = []
    for key, r in strongest.items():
        best = highest(r.kind, held.get(r.kind, ()))
        if (level_rank(r.kind, best) or 0) >= (level_rank(r.kind, r.level) or 0):
            continue
        out.append(Gap(Requirement(r.kind, r.level, r.source, "; ".join(joined[key])), best))
    order = {k: i for i, k in enumerate(QUALIFICATION_KINDS)}
    out.sort(key=lambda g: (0 if g.requirement.source == "position" else 1, order.get(g.kind, 99)))
    return out
