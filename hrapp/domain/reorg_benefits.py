"""Benefits of leaving in a reorganisation (NĐ 178/2024/NĐ-CP as amended by NĐ 67/2025/NĐ-CP): early retirement
(Điều 7) and resignation (Điều 9), per person from the current monthly salary, the years of compulsory social
insurance and the months left to retirement.

Every amount is a line with its number of months of salary, the money and the article and clause it comes from;
the result names the rule version (resources/rules/reorg_benefits.json), chosen by the day the person leaves.
Where the decree's text could not be obtained (how odd months of a year are rounded, Điều 5 khoản 1-3) the count
uses whole years only and the line says so: it never rounds up on a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hrapp import catalogs
from hrapp.domain.retirement import add_months, months_between
from hrapp.domain.rules import RuleBook, RuleVersion

REORG_BENEFITS = "reorg_benefits"
EARLY_RETIREMENT, RESIGNATION = "early_retirement", "resignation"
DECREE = "NĐ 178/2024/NĐ-CP"
WHOLE_YEARS_NOTE = "năm tròn; tháng lẻ không tính (chưa có văn bản về làm tròn, Đ.5 k.1-3)"


@dataclass(frozen=True)
class LeavingFacts:
    """What the amounts are computed from, for one person leaving on `leave_date` (the first day off work)."""

    monthly_salary: Decimal  # tiền lương tháng hiện hưởng (Đ.5 k.6), in đồng
    insured_months: int  # months of compulsory social insurance up to the leave date
    retirement_date: date  # the day the pension would start at the normal age (NĐ 135/2020)
    decision_date: date  # the reorganisation decision of the competent authority
    leave_date: date
    category: str = "cong_chuc"  # the staff category (catalogue 'category'): Điều 9 covers cán bộ, công chức


@dataclass(frozen=True)
class BenefitLine:
    label: str
    months: Decimal  # the number of months of salary this line pays
    amount: Decimal  # đồng, rounded to the đồng
    basis: str  # article and clause, with how the count was made


@dataclass(frozen=True)
class Benefit:
    """One way of leaving: whether the person qualifies, why not, and the amounts with their basis."""

    kind: str  # early_retirement | resignation
    eligible: bool
    reason: str  # why not eligible, or the band the person falls in
    lines: tuple[BenefitLine, ...]
    rule: RuleVersion
    months_early: int
    first_year: bool  # leaves within the first 12 months after the decision

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def total_months(self) -> Decimal:
        return sum((line.months for line in self.lines), Decimal(0))


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


def _money(salary: Decimal, months: Decimal) -> Decimal:
    return (salary * months).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def _years(months: int) -> tuple[int, int]:
    return divmod(months, 12)


def _within_first_months(facts: LeavingFacts, params: dict[str, Any]) -> bool:
    """Nghỉ trong thời hạn 12 tháng đầu tiên kể từ khi có quyết định sắp xếp: before the same day 12 months on."""
    return facts.leave_date < add_months(facts.decision_date, int(params["first_months_after_decision"]))


def _line(facts: LeavingFacts, label: str, months: Decimal, basis: str) -> BenefitLine:
    return BenefitLine(label, months, _money(facts.monthly_salary, months), basis)


def rule_for(rulebook: RuleBook, leave_date: date) -> RuleVersion:
    """The version in force on the day the person leaves."""
    return rulebook.get(REORG_BENEFITS, leave_date)


def early_retirement(facts: LeavingFacts, rulebook: RuleBook) -> Benefit:
    """Điều 7: the lump sum for the months retired early (k.1), and, with enough insured years for a pension,
    the months of salary per year retired early and for the years of insured work (k.2 điểm a, b)."""
    rule = rule_for(rulebook, facts.leave_date)
    p = rule.params
    early = months_between(facts.leave_date, facts.retirement_date)
    first = _within_first_months(facts, p)
    later = Decimal(1) if first else _d(p["later_factor"])
    when = "nghỉ trong 12 tháng đầu kể từ quyết định sắp xếp" if first else \
        f"nghỉ từ tháng thứ 13 kể từ quyết định sắp xếp: × {_fmt(later)}"
    lump = p["lump_sum"]
    if early <= 0:
        return Benefit(EARLY_RETIREMENT, False, "đã đến tuổi nghỉ hưu", (), rule, early, first)
    if early > int(lump["band_to_months"]):
        return Benefit(EARLY_RETIREMENT, False,
                       f"còn {early} tháng đến tuổi nghỉ hưu, quá {lump['band_to_months']} tháng", (), rule, early, first)
    lines: list[BenefitLine] = []
    if early <= int(lump["up_to_months"]):
        months = _d(lump["per_month"]) * early * later
        lines.append(_line(facts, "Trợ cấp hưu trí một lần cho số tháng nghỉ sớm", months,
                           f"{DECREE} {lump['legal_basis']}: {_fmt(_d(lump['per_month']))} tháng lương × {early} "
                           f"tháng nghỉ sớm; {when}"))
    else:
        months = _d(lump["band_per_month"]) * int(lump["band_months"]) * later
        lines.append(_line(facts, "Trợ cấp hưu trí một lần cho số tháng nghỉ sớm", months,
                           f"{DECREE} {lump['legal_basis']}: còn trên {lump['up_to_months']} tháng đến đủ "
                           f"{lump['band_to_months']} tháng: {_fmt(_d(lump['band_per_month']))} tháng lương × "
                           f"{lump['band_months']} tháng; {when}"))
    years_rule = p["early_years"]
    min_years = int(p["pension_min_insured_years"])
    insured_years, insured_odd = _years(facts.insured_months)
    if early < int(years_rule["min_months"]):
        reason = f"còn dưới {years_rule['min_months']} tháng đến tuổi nghỉ hưu: chỉ có trợ cấp theo {lump['legal_basis']}"
        return Benefit(EARLY_RETIREMENT, True, reason, tuple(lines), rule, early, first)
    if insured_years < min_years:
        reason = (f"chưa đủ {min_years} năm đóng BHXH bắt buộc để hưởng lương hưu ({insured_years} năm "
                  f"{insured_odd} tháng): không hưởng {years_rule['legal_basis']}")
        return Benefit(EARLY_RETIREMENT, True, reason, tuple(lines), rule, early, first)
    near = early <= int(years_rule["near_to_months"])
    per_year = int(years_rule["near_months_per_year"] if near else years_rule["far_months_per_year"])
    early_years, early_odd = _years(early)
    band = (f"còn từ đủ {years_rule['min_months']} tháng đến đủ {years_rule['near_to_months']} tháng" if near else
            f"còn trên {years_rule['near_to_months']} tháng đến đủ {years_rule['far_to_months']} tháng")
    lines.append(_line(facts, "Trợ cấp cho số năm nghỉ sớm", Decimal(per_year * early_years),
                       f"{DECREE} {years_rule['legal_basis']}: {band} đến tuổi nghỉ hưu; {per_year} tháng lương × "
                       f"{early_years} năm nghỉ sớm ({early_years} năm {early_odd} tháng; {WHOLE_YEARS_NOTE})"))
    service = p["service"]
    first_years = int(service["first_years"])
    extra_years = max(insured_years - first_years, 0)
    months = _d(service["first_months"]) + _d(service["per_year_after"]) * extra_years
    lines.append(_line(facts, "Trợ cấp theo thời gian công tác có đóng BHXH bắt buộc", months,
                       f"{DECREE} {service['legal_basis']}: {_fmt(_d(service['first_months']))} tháng lương cho "
                       f"{first_years} năm đầu + {_fmt(_d(service['per_year_after']))} tháng × {extra_years} năm "
                       f"từ năm thứ {first_years + 1} ({insured_years} năm {insured_odd} tháng đóng BHXH; "
                       f"{WHOLE_YEARS_NOTE})"))
    return Benefit(EARLY_RETIREMENT, True, band, tuple(lines), rule, early, first)


def resignation(facts: LeavingFacts, rulebook: RuleBook) -> Benefit:
    """Điều 9 khoản 1 (cán bộ, công chức with at least 2 years to retirement): 0,8 month of salary per month
    counted for the severance allowance (0,4 from the 13th month after the decision) and 1,5 months per year of
    compulsory social insurance."""
    rule = rule_for(rulebook, facts.leave_date)
    p = rule.params
    r = p["resignation"]
    early = months_between(facts.leave_date, facts.retirement_date)
    first = _within_first_months(facts, p)
    if facts.category not in r["categories"]:
        return Benefit(RESIGNATION, False,
                       f"{r['legal_basis']} quy định cho cán bộ, công chức; chính sách thôi việc của "
                       f"{catalogs.label('category', facts.category, facts.category).lower()} (Đ.10) chưa có văn "
                       "bản: không tính", (), rule, early, first)
    if early < int(r["min_months_to_retirement"]):
        return Benefit(RESIGNATION, False, f"còn dưới {r['min_months_to_retirement']} tháng đến tuổi nghỉ hưu",
                       (), rule, early, first)
    per_month = _d(r["per_month"] if first else r["per_month_later"])
    counted = min(facts.insured_months, int(r["months_cap"]))
    when = "nghỉ trong 12 tháng đầu kể từ quyết định sắp xếp" if first else "nghỉ từ tháng thứ 13 kể từ quyết định"
    insured_years, insured_odd = _years(facts.insured_months)
    lines = (
        _line(facts, "Trợ cấp thôi việc", per_month * counted,
              f"{DECREE} {r['legal_basis']}: {_fmt(per_month)} tháng lương × {counted} tháng tính hưởng "
              f"({when}; số tháng đóng BHXH bắt buộc, tối đa {r['months_cap']} tháng)"),
        _line(facts, "Trợ cấp theo số năm đóng BHXH bắt buộc", _d(r["per_insured_year"]) * insured_years,
              f"{DECREE} {r['legal_basis']}: {_fmt(_d(r['per_insured_year']))} tháng lương × {insured_years} năm "
              f"({insured_years} năm {insured_odd} tháng; {WHOLE_YEARS_NOTE})"),
    )
    return Benefit(RESIGNATION, True, f"còn {early} tháng đến tuổi nghỉ hưu", lines, rule, early, first)
