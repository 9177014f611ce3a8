"""Rank promotion and change: who may be promoted to a higher rank (nâng ngạch công chức, thăng hạng viên chức),
with the reason for each condition, and where the salary lands on the new rank (TT 02/2007/TT-BNV Mục II).

Ranks are compared by their level (the ranks catalogue's `short`: NV, CS, CV, CVC, CVCC, i.e. hạng IV–I for
viên chức), which is also what "hoặc tương đương" means for the time held. The numbers (years held, ratings,
qualifications) are the rule `rank_promotion`, chosen by the date of the list; the placement follows the version
in force on the day the appointment decision is signed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hrapp import catalogs
from hrapp.domain.retirement import add_months
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.domain.salary import coefficients, fmt_coefficient
from hrapp.errors import DomainError

RANK_PROMOTION = "rank_promotion"
RANK_SALARY_PLACEMENT = "rank_salary_placement"
LEVELS = ("NV", "CS", "CV", "CVC", "CVCC")
LEVEL_NAMES = {"NV": "nhân viên", "CS": "cán sự", "CV": "chuyên viên", "CVC": "chuyên viên chính",
               "CVCC": "chuyên viên cao cấp"}
RATING_ORDER = {"kht": 0, "ht": 1, "htt": 2, "htxs": 3}
_KIND_OF_CATEGORY = {"cong_chuc": "ngach", "vien_chuc": "cdnn", "vien_chuc_tu_chu": "cdnn"}
_SUBJECT_OF_CATEGORY = {"cong_chuc": "cong_chuc", "vien_chuc": "vien_chuc", "vien_chuc_tu_chu": "vien_chuc"}
NANG_NGACH, CHUYEN_NGACH = "nang_ngach", "chuyen_ngach"


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _lower_first(text: str) -> str:
    """'Viên chức (hưởng lương từ NSNN)' -> 'viên chức (hưởng lương từ NSNN)': abbreviations keep their capitals."""
    return text[:1].lower() + text[1:]


def rank_level(rank_code: str) -> str:
    """The level of a rank ('CV' for 01.003 and for Kỹ sư hạng III); '' for a rank not in the catalogue."""
    return str(catalogs.ranks().get(rank_code, {}).get("short", ""))


def rank_name(rank_code: str) -> str:
    return str(catalogs.ranks().get(rank_code, {}).get("name", rank_code))


def promotion_rule(rulebook: RuleBook, on: date) -> RuleVersion:
    return rulebook.get(RANK_PROMOTION, on)


# ============================================================================================== facts


@dataclass(frozen=True)
class RankPeriod:
    """A rank held from `start` to `end` (the last day; None: still held)."""

    rank_code: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class DisciplineSpan:
    form: str
    effect_from: date
    effect_to: date | None = None


@dataclass(frozen=True)
class PromotionFacts:
    """What the records say about one person, as far as promotion goes."""

    category: str | None
    ranks: tuple[RankPeriod, ...]
    probations: tuple[tuple[date, date], ...] = ()  # not counted as time in a rank
    ratings: Mapping[int, str] | None = None  # year -> htxs, htt, ht, kht
    disciplines: tuple[DisciplineSpan, ...] = ()
    education: str | None = None  # the highest chuyên môn level code completed (DH, ThS …)
    state_management: str | None = None  # the highest QLNN level code completed (CV, CVC, CVCC)

    def rank_on(self, day: date) -> RankPeriod | None:
        held = [r for r in self.ranks if r.start <= day and (r.end is None or r.end >= day)]
        return max(held, key=lambda r: r.start) if held else None


@dataclass(frozen=True)
class Check:
    """One condition: its code (level, category, years, current, rating, discipline, education, qlnn), whether it
    is met, and the reason in Vietnamese."""

    code: str
    ok: bool
    text: str


@dataclass(frozen=True)
class Eligibility:
    target_rank: str
    on: date
    checks: tuple[Check, ...]
    rule: RuleVersion
    months_held: int = 0  # in the level below (or equivalent), on `on`

    @property
    def eligible(self) -> bool:
        return all(c.ok for c in self.checks)

    def reasons(self) -> str:
        """The unmet conditions, one sentence each ('' when eligible)."""
        return "; ".join(c.text for c in self.checks if not c.ok)


# ============================================================================================== time held


def _span(start: date, end_excl: date) -> tuple[int, int]:
    """(whole calendar months, remaining days) from `start` up to, not including, `end_excl`."""
    if end_excl <= start:
        return 0, 0
    months = (end_excl.year - start.year) * 12 + end_excl.month - start.month
    while months > 0 and add_months(start, months) > end_excl:
        months -= 1
    return months, (end_excl - add_months(start, months)).days


def _minus(start: date, end: date, holes: Sequence[tuple[date, date]]) -> list[tuple[date, date]]:
    """The parts of [start, end] outside the holes (all bounds inclusive)."""
    parts = [(start, end)]
    for a, b in holes:
        out = []
        for s, e in parts:
            if b < s or a > e:
                out.append((s, e))
                continue
            if a > s:
                out.append((s, a - timedelta(days=1)))
            if b < e:
                out.append((b + timedelta(days=1), e))
        parts = out
    return parts


def months_held(periods: Sequence[RankPeriod], on: date, holes: Sequence[tuple[date, date]] = ()) -> int:
    """Whole months held in these periods up to and including `on`, probation left out. A continuous period counts
    in calendar months (01/03/2017 to 28/02/2026 is 108 months); the odd days of separate periods are added up and
    every 30 days make a month."""
    months = days = 0
    for p in periods:
        last = min(p.end, on) if p.end is not None else on
        if last < p.start:
            continue
        for s, e in _minus(p.start, last, holes):
            m, d = _span(s, e + timedelta(days=1))
            months += m
            days += d
    return months + days // 30


# ============================================================================================== eligibility


def _subject_params(rule: RuleVersion, category: str | None) -> dict[str, Any] | None:
    subject = _SUBJECT_OF_CATEGORY.get(category or "")
    return rule.params.get(subject) if subject else None


def target_of(rule: RuleVersion, category: str | None, target_rank: str) -> dict[str, Any] | None:
    """The rule's requirements for promotion to the target's level for this category (None: none written)."""
    params = _subject_params(rule, category)
    if params is None:
        return None
    found = params.get("targets", {}).get(rank_level(target_rank))
    return dict(found) if isinstance(found, dict) else None


def _level_rank(code: str | None) -> int:
    if not code:
        return 0
    return int((catalogs.extra("qualification_level", code) or {}).get("rank", 0))


def _discipline_end(d: DisciplineSpan, default_months: int) -> date:
    return d.effect_to if d.effect_to is not None else add_months(d.effect_from, default_months) - timedelta(days=1)


def eligibility(facts: PromotionFacts, target_rank: str, on: date, rulebook: RuleBook) -> Eligibility:
    """Whether the person may sit (or be considered for) promotion to `target_rank` on `on` — the closing day of
    the applications — with one reason per condition of the rule in force that day."""
    rule = promotion_rule(rulebook, on)
    checks: list[Check] = []
    ranks = catalogs.ranks()
    if target_rank not in ranks:
        raise DomainError("promotion_target_unknown", field="target_rank", rank=target_rank)
    target_level = rank_level(target_rank)
    target_kind = ranks[target_rank].get("kind")
    current = facts.rank_on(on)
    category = facts.category or ""
    wanted_kind = _KIND_OF_CATEGORY.get(category)
    if wanted_kind is None:
        checks.append(Check("category", False, "Chỉ công chức, viên chức được nâng ngạch, thăng hạng"))
    elif wanted_kind != target_kind:
        what = "ngạch công chức" if target_kind == "ngach" else "chức danh nghề nghiệp viên chức"
        checks.append(Check("category", False, f"{rank_name(target_rank)} là {what}, không dành cho "
                                                f"{_lower_first(catalogs.label('category', category, category))}"))
    target = target_of(rule, category, target_rank)
    if current is None:
        checks.append(Check("level", False, f"Không giữ ngạch, chức danh nào vào ngày {_dmy(on)}"))
        return Eligibility(target_rank, on, tuple(checks), rule)
    if target is None:
        checks.append(Check("level", False, f"Quy định {rule.name} không có điều kiện nâng lên mức "
                                            f"{LEVEL_NAMES.get(target_level, target_level)}"))
        return Eligibility(target_rank, on, tuple(checks), rule)
    below = str(target["from"])
    level_now = rank_level(current.rank_code)
    if level_now != below:
        checks.append(Check("level", False, f"Đang giữ {rank_name(current.rank_code)}, không phải ngạch (hạng) "
                                            f"{LEVEL_NAMES.get(below, below)} hoặc tương đương"))
        return Eligibility(target_rank, on, tuple(checks), rule)
    checks.append(Check("level", True, f"Đang giữ {rank_name(current.rank_code)}"))
    # time held in the level below or an equivalent one, probation left out
    same_level = [p for p in facts.ranks if rank_level(p.rank_code) == below]
    held = months_held(same_level, on, facts.probations)
    need = int(target["min_years"]) * 12
    years, months = divmod(held, 12)
    held_text = f"{years} năm {months} tháng" if months else f"{years} năm"
    checks.append(Check("years", held >= need,
                        f"Giữ ngạch (hạng) {LEVEL_NAMES.get(below, below)} hoặc tương đương {held_text}"
                        + ("" if held >= need else f", chưa đủ {target['min_years']} năm")))
    own = months_held([p for p in facts.ranks if p.rank_code == current.rank_code], on, facts.probations)
    params = _subject_params(rule, category) or {}
    need_own = int(params.get("min_months_current", 0))
    if own < held and need_own:  # the time counts an equivalent rank: the current one must itself be held long enough
        checks.append(Check("current", own >= need_own,
                            f"Giữ {rank_name(current.rank_code)} {own} tháng"
                            + ("" if own >= need_own else f", chưa đủ {need_own} tháng")))
    # the ratings of the years before the year of the list
    lowest = str(params.get("min_rating", "htt"))
    ratings = facts.ratings or {}
    for year in range(on.year - int(params.get("rating_years", 1)), on.year):
        got = ratings.get(year)
        label = catalogs.label("rating", got, got or "")
        if got is None:
            checks.append(Check("rating", False, f"Chưa có kết quả đánh giá năm {year}"))
        elif RATING_ORDER.get(got, -1) >= RATING_ORDER[lowest]:
            checks.append(Check("rating", True, f"Năm {year}: {label}"))
        else:
            checks.append(Check("rating", False, f"Năm {year}: {label}, dưới mức "
                                                 f"{catalogs.label('rating', lowest, lowest).lower()}"))
    # discipline in force
    default_months = int(rule.params.get("discipline_default_months", 12))
    running = [d for d in facts.disciplines if d.effect_from <= on <= _discipline_end(d, default_months)]
    if running:
        d = running[0]
        checks.append(Check("discipline", False, f"Đang trong thời hạn kỷ luật "
                                                 f"{catalogs.label('discipline_form', d.form, d.form).lower()} từ "
                                                 f"{_dmy(d.effect_from)} đến {_dmy(_discipline_end(d, default_months))}"))
    else:
        checks.append(Check("discipline", True, "Không trong thời hạn kỷ luật"))
    # qualifications: the level the rank itself requires, and the rule's
    required = max((str(c) for c in (ranks[target_rank].get("required_education"), target.get("chuyen_mon")) if c),
                   key=_level_rank, default=None)
    if required:
        ok = _level_rank(facts.education) >= _level_rank(required)
        have = catalogs.label("qualification_level", facts.education, "chưa có") if facts.education else "chưa có"
        checks.append(Check("education", ok, f"Trình độ chuyên môn {have.lower()}"
                                             + ("" if ok else f", cần {catalogs.label('qualification_level', required).lower()}"
                                                              " trở lên")))
    qlnn = target.get("qlnn")
    if qlnn:
        ok = _level_rank(facts.state_management) >= _level_rank(str(qlnn))
        checks.append(Check("qlnn", ok, "Có chứng chỉ quản lý nhà nước ngạch "
                                        f"{catalogs.label('qualification_level', str(qlnn)).lower()}" if ok else
                                        "Chưa có chứng chỉ quản lý nhà nước ngạch "
                                        f"{catalogs.label('qualification_level', str(qlnn)).lower()}"))
    return Eligibility(target_rank, on, tuple(checks), rule, held)


# ============================================================================================== salary placement


@dataclass(frozen=True)
class CurrentPay:
    """The salary row in force before the change."""

    salary_class: str
    step: int
    coefficient: Decimal
    step_since: date
    pctnvk_percent: int | None = None
    pctnvk_since: date | None = None
    reserved: Decimal | None = None  # hệ số chênh lệch bảo lưu


@dataclass(frozen=True)
class Placement:
    """The salary on the new rank: step, coefficient, from when the next step counts, the allowance kept, the
    reserved difference, and which clause of TT 02/2007/TT-BNV Mục II placed it."""

    salary_class: str
    step: int
    coefficient: Decimal
    effective_date: date
    step_since: date
    pctnvk_percent: int | None
    pctnvk_since: date | None
    reserved: Decimal | None
    clause: str
    rule: RuleVersion

    def detail(self) -> str:
        text = f"Bậc {self.step}, hệ số {fmt_coefficient(self.coefficient)}"
        if self.pctnvk_percent:
            text += f", phụ cấp thâm niên vượt khung {self.pctnvk_percent}%"
        if self.reserved:
            text += f", hệ số chênh lệch bảo lưu {fmt_coefficient(self.reserved)}"
        return f"{text}; thời gian nâng bậc lần sau tính từ {_dmy(self.step_since)} ({self.clause})"


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _total(pay: CurrentPay, places: int) -> Decimal:
    """Coefficient + the seniority allowance as a coefficient + the reserved difference (TT 02/2007 Mục II.1.b-c)."""
    allowance = _round(pay.coefficient * Decimal(pay.pctnvk_percent or 0) / 100, places)
    return pay.coefficient + allowance + (pay.reserved or Decimal(0))


def _promote(pay: CurrentPay, new_class: str, on: date, rule: RuleVersion, rulebook: RuleBook, places: int,
             clause: str) -> Placement:
    """Mục II khoản 1: the equal or nearest higher coefficient of the new rank."""
    table = coefficients(new_class, rulebook, on)
    base = _total(pay, places)
    index = next((i for i, c in enumerate(table) if c >= base), None)
    if index is None:  # above the new rank's last step (điểm c): the last step and the difference reserved
        return Placement(new_class, len(table), table[-1], on, on, None, None, _round(base - table[-1], places),
                         f"{clause} điểm c", rule)
    value = table[index]
    if pay.pctnvk_percent:  # điểm b: everything counts from the decision
        return Placement(new_class, index + 1, value, on, on, None, None, None, f"{clause} điểm b", rule)
    old = coefficients(pay.salary_class, rulebook, pay.step_since)
    interval = old[1] - old[0] if len(old) > 1 else Decimal(0)
    since = on if value - base >= interval else pay.step_since  # điểm a
    return Placement(new_class, index + 1, value, on, since, None, None, None, f"{clause} điểm a", rule)


def _loai(salary_class: str) -> str:
    """The loại of a salary class: A0 apart from A1–A3 (a move between loại is a chuyển loại, Mục II khoản 3)."""
    return "A0" if salary_class == "A0" else salary_class[:1]


def place(kind: str, pay: CurrentPay, new_class: str, decision_date: date, rulebook: RuleBook) -> Placement:
    """The salary on the new rank from the decision's date, by TT 02/2007/TT-BNV Mục II: khoản 1 (nâng ngạch,
    thăng hạng), khoản 2 (chuyển ngạch at the same level), khoản 3 (chuyển loại, placed as a promotion)."""
    rule = rulebook.get(RANK_SALARY_PLACEMENT, decision_date)
    places = int(rule.params.get("round_places", 2))
    new_table = coefficients(new_class, rulebook, decision_date)
    old_table = coefficients(pay.salary_class, rulebook, decision_date)
    if kind == NANG_NGACH:
        clause = "TT 02/2007/TT-BNV Mục II khoản " + ("1" if _loai(pay.salary_class) == _loai(new_class) else "3")
        return _promote(pay, new_class, decision_date, rule, rulebook, places, clause)
    if kind != CHUYEN_NGACH:
        raise DomainError("promotion_kind_unknown", field="kind", kind=kind)
    if new_table == old_table:  # điểm a: the same step, allowance and dates
        return Placement(new_class, pay.step, new_table[pay.step - 1], decision_date, pay.step_since,
                         pay.pctnvk_percent, pay.pctnvk_since, pay.reserved, "TT 02/2007/TT-BNV Mục II khoản 2 điểm a",
                         rule)
    if new_table[0] > old_table[0]:  # điểm b: as a promotion
        return _promote(pay, new_class, decision_date, rule, rulebook, places, "TT 02/2007/TT-BNV Mục II khoản 2 "
                        "điểm b, theo khoản 1")
    # điểm c: the same step (the last one at most), and the difference reserved
    step = min(pay.step, len(new_table))
    keeps_allowance = step == len(new_table) and bool(pay.pctnvk_percent)
    placed = CurrentPay(new_class, step, new_table[step - 1], pay.step_since,
                        pay.pctnvk_percent if keeps_allowance else None, None, None)
    reserved = _round(_total(pay, places) - _total(placed, places), places)
    return Placement(new_class, step, new_table[step - 1], decision_date, pay.step_since,
                     placed.pctnvk_percent, pay.pctnvk_since if keeps_allowance else None,
                     reserved if reserved > 0 else None, "TT 02/2007/TT-BNV Mục II khoản 2 điểm c", rule)


def change_kind(current_rank: str, target_rank: str) -> str:
    """nang_ngach when the target is at a higher level, chuyen_ngach at the same level; a lower one is refused."""
    now, then = rank_level(current_rank), rank_level(target_rank)
    if now not in LEVELS or then not in LEVELS:
        raise DomainError("promotion_target_unknown", field="target_rank", rank=target_rank)
    if LEVELS.index(then) > LEVELS.index(now):
        return NANG_NGACH
    if then == now and target_rank != current_rank:
        return CHUYEN_NGACH
    raise DomainError("promotion_not_higher", field="target_rank", current=rank_name(current_rank),
                      target=rank_name(target_rank))
