"""Succession planning (quy hoạch) checks: eligibility with every failing reason, people per post, posts per
person, and the structure of a period (women, young, age tiers, posts without a successor).

Everything numeric comes from the rule version a planning period names (resources/rules/planning.json):
`qd50_2021` (Quy định 50-QĐ/TW) or `qd377_2025` (Quy định 377-QĐ/TW). Nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol, TypeVar

from hrapp import catalogs
from hrapp.domain.evaluation import Rating
from hrapp.domain.retirement import (
    BirthDate,
    RetirementException,
    Sex,
    add_months,
    calendar_months,
    retirement,
)
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.domain.training import highest, level_rank
from hrapp.domain.validation import age_on, dmy
from hrapp.errors import DomainError

PLANNING = "planning"

KINDS = ("initial", "supplement")
KIND_LABELS = {"initial": "Phê duyệt quy hoạch", "supplement": "Bổ sung quy hoạch"}
STATUSES = ("active", "removed", "appointed")
STATUS_LABELS = {"active": "Trong quy hoạch", "removed": "Đã đưa ra khỏi quy hoạch", "appointed": "Đã được bổ nhiệm"}

# Reason codes of a failed check; the removal triggers of the rules name some of them.
AGE = "age"
QUALIFICATION = "qualification"
RATING = "rating"
RATING_KHT = "rating_kht"
RATING_MISSING = "rating_missing"
DISCIPLINE = "discipline"
NOT_WORKING = "not_working"
POST_NOT_HIGHER = "post_not_higher"
HOLDS_POST = "holds_post"
REASON_LABELS = {
    AGE: "Không đủ tuổi",
    QUALIFICATION: "Thiếu trình độ",
    RATING: "Xếp loại chưa đạt",
    RATING_KHT: "Không hoàn thành nhiệm vụ",
    RATING_MISSING: "Thiếu kết quả đánh giá",
    DISCIPLINE: "Bị kỷ luật",
    NOT_WORKING: "Không còn công tác",
    POST_NOT_HIGHER: "Chức danh không cao hơn",
    HOLDS_POST: "Đã được bổ nhiệm",
}
# Codes a removal may give; "other" is any reason written by hand.
REMOVAL_CODES = (AGE, QUALIFICATION, RATING_KHT, RATING, DISCIPLINE, NOT_WORKING, HOLDS_POST, "other")
REMOVAL_LABELS = {**REASON_LABELS, "other": "Lý do khác"}

# Hard limits: adding an entry that breaks one is refused.
POST_FULL = "post_full"
PERSON_FULL = "person_full"
DUPLICATE = "duplicate"

_QUAL_SHORT = {"chuyen_mon": "chuyên môn", "llct": "LLCT", "qlnn": "QLNN", "tin_hoc": "tin học",
               "ngoai_ngu": "ngoại ngữ"}
_QUAL_KIND_LABELS = {
    "chuyen_mon": "trình độ chuyên môn",
    "llct": "trình độ lý luận chính trị",
    "qlnn": "trình độ quản lý nhà nước",
    "tin_hoc": "trình độ tin học",
    "ngoai_ngu": "trình độ ngoại ngữ",
    "hoc_ham": "học hàm",
    "qpan": "chứng chỉ quốc phòng - an ninh",
}


# ============================================================================================== rules


@dataclass(frozen=True)
class AgeTier:
    """One age band of the structure ('Dưới 40 tuổi'); bounds in whole years, inclusive, None = open."""

    code: str
    label: str
    min_age: int | None = None
    max_age: int | None = None

    def contains(self, age: int) -> bool:
        return (self.min_age is None or age >= self.min_age) and (self.max_age is None or age <= self.max_age)


@dataclass(frozen=True)
class PlanningRules:
    """The numbers of one planning rule version, parsed and checked once."""

    rule: RuleVersion
    max_people_per_post: int
    max_posts_per_person: int
    only_higher_posts: bool
    min_months_left: int
    evaluation_years: int
    min_rating: Rating
    discipline_forms: frozenset[str]
    discipline_default_months: int
    removal_ratings: frozenset[Rating]
    removal_triggers: frozenset[str]
    women_min_percent: Decimal
    young_below_age: int
    young_min_percent: Decimal
    age_tiers: tuple[AgeTier, ...]
    requirements: Mapping[str, Mapping[str, str]] = field(hash=False, compare=False)

    @classmethod
    def from_rule(cls, rule: RuleVersion) -> PlanningRules:
        p = rule.params
        try:
            triggers = p["removal_triggers"]
            structure = p["structure"]
            rules = cls(
                rule=rule,
                max_people_per_post=int(p["max_people_per_post"]),
                max_posts_per_person=int(p["max_posts_per_person"]),
                only_higher_posts=bool(p.get("only_higher_posts", False)),
                min_months_left=int(p["age_test"]["min_months_left"]),
                evaluation_years=int(p["evaluation"]["years"]),
                min_rating=Rating.parse(p["evaluation"]["min_rating"]),
                discipline_forms=frozenset(triggers.get("discipline_forms", ())),
                discipline_default_months=int(p.get("discipline_default_months", 12)),
                removal_ratings=frozenset(Rating.parse(r) for r in triggers.get("ratings", ())),
                removal_triggers=frozenset(k for k in ("age", "appointed", "not_working") if triggers.get(k)),
                women_min_percent=Decimal(str(structure["women_min_percent"])),
                young_below_age=int(structure["young_below_age"]),
                young_min_percent=Decimal(str(structure["young_min_percent"])),
                age_tiers=tuple(AgeTier(t["code"], t["label"], t.get("min_age"), t.get("max_age"))
                                for t in structure["age_tiers"]),
                requirements={code: dict(req) for code, req in p.get("requirements", {}).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DomainError("rule_incomplete", f"Quy định {rule.label()} thiếu hoặc sai tham số quy hoạch "
                              f"({exc}).") from None
        for kind, level in ((k, lv) for req in rules.requirements.values() for k, lv in req.items()):
            if level_rank(kind, level) is None:
                raise DomainError("rule_incomplete", f"Quy định {rule.label()}: trình độ '{level}' không có trong "
                                  f"danh mục {_QUAL_KIND_LABELS.get(kind, kind)}.")
        if rules.max_people_per_post < 1 or rules.max_posts_per_person < 1 or rules.evaluation_years < 0:
            raise DomainError("rule_incomplete", f"Quy định {rule.label()}: giới hạn quy hoạch phải là số dương.")
        return rules

    @property
    def version(self) -> str:
        return self.rule.version

    def requirement(self, post_code: str) -> dict[str, str]:
        """Minimum qualification level per kind for a post: its own line of the rule data, else 'default'."""
        return dict(self.requirements.get(post_code) or self.requirements.get("default") or {})

    def triggers_removal(self, code: str) -> bool:
        """Whether a failed check of this kind is a removal trigger (and not only a shortfall to fix)."""
        if code == AGE:
            return "age" in self.removal_triggers
        if code == HOLDS_POST:
            return "appointed" in self.removal_triggers
        if code == NOT_WORKING:
            return "not_working" in self.removal_triggers
        if code == RATING_KHT:
            return Rating.KHT in self.removal_ratings
        return code == DISCIPLINE


def planning_rules(rulebook: RuleBook, version: str) -> PlanningRules:
    return PlanningRules.from_rule(rulebook.by_version(PLANNING, version))


def default_rule_version(rulebook: RuleBook, start_year: int) -> RuleVersion:
    """The version for a new period: the one in force when it starts, else the earliest one (a period
    that started before any version in the data is kept under the first rules it was reviewed with)."""
    versions = rulebook.versions(PLANNING)
    if not versions:
        raise DomainError("rule_not_found", "Chưa có quy định về quy hoạch cán bộ trong dữ liệu quy định.")
    start = date(start_year, 1, 1)
    for v in reversed(versions):
        if v.applies_on(start):
            return v
    later = [v for v in versions if v.effective_from > start]
    return later[0] if later else versions[-1]


# ============================================================================================== posts


def post_level(post_code: str) -> str:
    """The level of a leadership post (so, phong, duoi_phong) from the post catalogue."""
    return str(catalogs.extra("post", post_code).get("level") or "")


def post_rank(post_code: str) -> int:
    return int(catalogs.extra("post", post_code).get("rank") or 0)


def post_label(post_code: str) -> str:
    return catalogs.label("post", post_code)


def level_label(kind: str, level_code: str) -> str:
    return catalogs.label("qualification_level", level_code) if level_rank(kind, level_code) is not None else level_code


def post_title(post_code: str, unit_name: str, unit_kind: str | None) -> str:
    """How a planned post is written: 'Trưởng phòng Quản lý khoa học', 'Chánh Văn phòng Sở', 'Giám đốc Sở'.

    The post's name and the unit's name share their overlapping words once; a post of the department's
    board (Ban Giám đốc) is written by its name alone.
    """
    label = post_label(post_code)
    if unit_kind in ("so", "ban_giam_doc") or not unit_name:
        return label
    for suffix in (" thuộc Chi cục", " thuộc Trung tâm"):
        label = label.removesuffix(suffix)
    words, unit = label.split(), unit_name.split()
    for k in range(min(len(words), len(unit)), 0, -1):
        if [w.casefold() for w in words[-k:]] == [w.casefold() for w in unit[:k]]:
            return " ".join(words + unit[k:])
    return f"{label} {unit_name}"


def normalize_period_code(text: str) -> str:
    """'2026–2031', '2026 - 2031' and '2026-2031' all name the period '2026-2031'."""
    return "-".join(part.strip() for part in str(text).replace("–", "-").replace("—", "-").split("-"))


class PlacedEntry(Protocol):
    """What ordering needs of a planning entry: its post, its person's sort key and its own id."""

    @property
    def id(self) -> int: ...
    @property
    def post_id(self) -> int: ...
    @property
    def sort_key(self) -> str: ...


E = TypeVar("E", bound=PlacedEntry)


def sort_entries(entries: Iterable[E], post_ids: Sequence[int]) -> list[E]:
    """Entries in the order of their posts (`post_ids` in print order), then by given name."""
    order = {pid: i for i, pid in enumerate(post_ids)}
    return sorted(entries, key=lambda e: (order.get(e.post_id, len(order)), e.sort_key, e.id))


# ============================================================================================== facts


@dataclass(frozen=True)
class DisciplineFact:
    form: str
    decision_date: date
    effect_from: date
    effect_to: date | None = None


@dataclass(frozen=True)
class HeldPost:
    """A post the person holds on the check date (main or concurrent)."""

    post_code: str
    unit_id: int | None
    start_date: date


@dataclass(frozen=True)
class CadreFacts:
    """What the checks need to know about one person on the check date."""

    person_id: int
    full_name: str
    gender: Sex
    birth: BirthDate
    working: bool = True
    status_label: str = ""
    levels: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    ratings: Mapping[int, str] = field(default_factory=dict, hash=False, compare=False)
    disciplines: tuple[DisciplineFact, ...] = ()
    posts: tuple[HeldPost, ...] = ()
    retirement_exception: RetirementException | None = None  # a decision to retire earlier or later

    def highest(self, kind: str) -> str | None:
        return highest(kind, self.levels.get(kind, ()))

    def age_on(self, day: date) -> int:
        return age_on(self.birth.value, day)


# ============================================================================================== eligibility


@dataclass(frozen=True)
class Reason:
    """One failed check: a stable code, the Vietnamese sentence shown on screen and in exports, and a short
    form for the narrow note column of printed lists."""

    code: str
    message: str
    short: str = ""

    @property
    def brief(self) -> str:
        return self.short or self.message

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: tuple[Reason, ...]
    appointment_date: date
    check_date: date
    months_left: int
    retirement_date: date
    rule: RuleVersion

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


def check_dates(start_year: int, end_year: int, as_of: date) -> tuple[date, date]:
    """(check date, planned appointment date) for a period checked on `as_of`.

    Ratings, discipline and ages of the structure are read on the check date: `as_of`, or the period's last
    day once it is over. The age test looks at the earliest day the person could be appointed under the
    plan: the period's first day, or the check date when that is later.
    """
    first, last = date(start_year, 1, 1), date(end_year, 12, 31)
    check = min(as_of, last)
    return check, max(first, check)


def months_left_to_retirement(gender: Sex, birth: BirthDate, on: date, rulebook: RuleBook,
                              exception: RetirementException | None = None) -> tuple[int, date]:
    """(months from `on` to the retirement age, first day of retirement): the HD 06-HD/BTCTW method, retirement
    age in months (NĐ 135/2020) minus the age on the day in calendar months (month of `on` − month of birth), so
    everyone born in the same month gets the same answer whatever the day. A decision to retire earlier or later
    (NĐ 135/2020, Điều 5–6) gives the age instead."""
    result = retirement(gender, birth, rulebook, exception)
    return result.age.total_months - calendar_months(birth.value, on), result.retirement_date


def _rating_label(rating: Rating) -> str:
    return f"{rating.label} ({rating.short})"


def _discipline_end(d: DisciplineFact, default_months: int) -> date:
    return d.effect_to or (add_months(d.effect_from, default_months) - timedelta(days=1))


def eligibility(facts: CadreFacts, post_code: str, unit_id: int | None, rules: PlanningRules, rulebook: RuleBook,
                *, check_date: date, appointment_date: date, planned_since: date | None = None) -> Eligibility:
    """Every reason the person does not meet the rules for the post (an empty list: eligible).

    `planned_since` is the day the entry was approved: a discipline decided since then fails the check
    even once its effect has ended (it is a removal trigger), as does holding the planned post.
    """
    reasons: list[Reason] = []
    if not facts.working:
        status = facts.status_label or "đã nghỉ"
        reasons.append(Reason(NOT_WORKING, f"Không còn công tác ({status}).", status.capitalize()))
    months_left, retires = months_left_to_retirement(facts.gender, facts.birth, appointment_date, rulebook,
                                                     facts.retirement_exception)
    if months_left < rules.min_months_left:
        shown = max(months_left, 0)
        reasons.append(Reason(AGE, f"Không đủ tuổi công tác trọn một nhiệm kỳ: tính đến ngày "
                                   f"{dmy(appointment_date)} còn {shown} tháng đến tuổi nghỉ hưu "
                                   f"(cần ít nhất {rules.min_months_left} tháng; nghỉ hưu từ ngày {dmy(retires)}).",
                              f"Không đủ tuổi (còn {shown} tháng)"))
    for kind, need in rules.requirement(post_code).items():
        have = facts.highest(kind)
        need_rank = level_rank(kind, need) or 0
        what = _QUAL_KIND_LABELS.get(kind, kind)
        if have is None:
            reasons.append(Reason(QUALIFICATION, f"Chưa có {what} (yêu cầu {level_label(kind, need)} trở lên).",
                                  f"Thiếu {_QUAL_SHORT.get(kind, what)}"))
        elif (level_rank(kind, have) or 0) < need_rank:
            reasons.append(Reason(QUALIFICATION, f"{what[0].upper()}{what[1:]} {level_label(kind, have)}, chưa đạt "
                                                 f"{level_label(kind, need)} theo yêu cầu.",
                                  f"{_QUAL_SHORT.get(kind, what)} chưa đạt {level_label(kind, need)}"))
    reasons += _rating_reasons(facts, rules, check_date)
    reasons += _discipline_reasons(facts, rules, check_date, planned_since)
    reasons += _post_reasons(facts, post_code, unit_id, rules)
    return Eligibility(not reasons, tuple(reasons), appointment_date, check_date, months_left, retires, rules.rule)


def evaluation_years(rules: PlanningRules, check_date: date) -> tuple[int, ...]:
    """The years whose ratings count: the last N full years before the check date's year, oldest first."""
    return tuple(range(check_date.year - rules.evaluation_years, check_date.year))


def _rating_reasons(facts: CadreFacts, rules: PlanningRules, check_date: date) -> list[Reason]:
    reasons: list[Reason] = []
    missing: list[int] = []
    order = list(Rating)  # best first
    for year in evaluation_years(rules, check_date):
        code = facts.ratings.get(year)
        if code is None:
            missing.append(year)
            continue
        rating = Rating.parse(code)
        if rating in rules.removal_ratings:
            reasons.append(Reason(RATING_KHT, f"Năm {year} xếp loại {_rating_label(rating)}.",
                                  f"Năm {year} xếp loại {rating.short}"))
        elif order.index(rating) > order.index(rules.min_rating):
            reasons.append(Reason(RATING, f"Năm {year} xếp loại {_rating_label(rating)}, chưa đạt mức "
                                          f"{rules.min_rating.label.lower()} trở lên.",
                                  f"Năm {year} xếp loại {rating.short}"))
    if missing:
        years = ", ".join(str(y) for y in missing)
        reasons.append(Reason(RATING_MISSING, f"Chưa có kết quả đánh giá, xếp loại năm {years}.",
                              f"Thiếu đánh giá năm {years}"))
    return reasons


def _discipline_reasons(facts: CadreFacts, rules: PlanningRules, check_date: date,
                        planned_since: date | None) -> list[Reason]:
    reasons = []
    for d in sorted(facts.disciplines, key=lambda x: x.decision_date):
        if d.form not in rules.discipline_forms or d.decision_date > check_date:
            continue
        form = catalogs.label("discipline_form", d.form).lower()
        end = _discipline_end(d, rules.discipline_default_months)
        if d.effect_from <= check_date <= end:
            reasons.append(Reason(DISCIPLINE, f"Đang trong thời hạn kỷ luật {form} (quyết định ngày "
                                              f"{dmy(d.decision_date)}, đến hết ngày {dmy(end)}).",
                                  f"Kỷ luật {form} ({dmy(d.decision_date)})"))
        elif planned_since is not None and d.decision_date >= planned_since:
            reasons.append(Reason(DISCIPLINE, f"Bị kỷ luật {form} (quyết định ngày {dmy(d.decision_date)}) sau khi "
                                              f"được quy hoạch.", f"Kỷ luật {form} ({dmy(d.decision_date)})"))
    return reasons


def _post_reasons(facts: CadreFacts, post_code: str, unit_id: int | None, rules: PlanningRules) -> list[Reason]:
    same = [p for p in facts.posts if p.post_code == post_code and (unit_id is None or p.unit_id == unit_id)]
    if same:
        return [Reason(HOLDS_POST, f"Đã giữ chức vụ {post_label(post_code)} từ ngày {dmy(same[0].start_date)}.",
                       f"Đã bổ nhiệm ({dmy(same[0].start_date)})")]
    if rules.only_higher_posts:
        planned = post_rank(post_code)
        for p in facts.posts:
            if post_rank(p.post_code) >= planned:
                return [Reason(POST_NOT_HIGHER, f"Đang giữ chức vụ {post_label(p.post_code)}, không thấp hơn chức "
                                                f"danh quy hoạch {post_label(post_code)} (chỉ quy hoạch chức danh "
                                                f"cao hơn).", "Chức danh không cao hơn chức vụ hiện giữ")]
    return []


def removal_reasons(result: Eligibility, rules: PlanningRules) -> tuple[Reason, ...]:
    """The failed checks that call for taking the person out of the plan (the others are shortfalls to fix)."""
    return tuple(r for r in result.reasons if rules.triggers_removal(r.code))


# ============================================================================================== limits


def post_maximum(rules: PlanningRules, post_max: int | None) -> int:
    """People allowed on one post: the post's own number when set, never above the rule's."""
    return min(post_max, rules.max_people_per_post) if post_max else rules.max_people_per_post


def hard_limit_reasons(rules: PlanningRules, *, post_code: str, post_title: str, people_on_post: int,
                       post_max: int | None, posts_of_person_same_level: int,
                       already_on_post: bool = False) -> tuple[Reason, ...]:
    """Why adding one more person to a post would break a hard limit (empty: it may be added).

    `people_on_post` and `posts_of_person_same_level` count the active entries before the addition.
    """
    reasons = []
    if already_on_post:
        reasons.append(Reason(DUPLICATE, f"Người này đã có trong quy hoạch chức danh {post_title}."))
    limit = post_maximum(rules, post_max)
    if people_on_post >= limit:
        reasons.append(Reason(POST_FULL, f"Chức danh {post_title} đã có {people_on_post} người trong quy hoạch "
                                         f"(tối đa {limit} người; {rules.rule.legal_basis})."))
    if posts_of_person_same_level >= rules.max_posts_per_person:
        reasons.append(Reason(PERSON_FULL, f"Người này đã được quy hoạch {posts_of_person_same_level} chức danh cùng "
                                           f"cấp (tối đa {rules.max_posts_per_person} chức danh; "
                                           f"{rules.rule.legal_basis})."))
    return tuple(reasons)


@dataclass(frozen=True)
class PostCount:
    count: int
    maximum: int

    @property
    def no_successor(self) -> bool:
        return self.count == 0

    @property
    def over(self) -> bool:
        return self.count > self.maximum


def post_count(rules: PlanningRules, count: int, post_max: int | None) -> PostCount:
    return PostCount(count, post_maximum(rules, post_max))


def people_over_limit(levels_by_person: Mapping[int, Iterable[str]], rules: PlanningRules) -> dict[int, dict[str, int]]:
    """{person id: {level: number of posts}} for the people planned for more posts of one level than allowed."""
    out: dict[int, dict[str, int]] = {}
    for person_id, levels in levels_by_person.items():
        counts: dict[str, int] = {}
        for level in levels:
            counts[level] = counts.get(level, 0) + 1
        over = {lv: n for lv, n in counts.items() if n > rules.max_posts_per_person}
        if over:
            out[person_id] = over
    return out
