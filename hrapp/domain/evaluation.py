"""Yearly evaluation ratings (NĐ 90/2020, NĐ 335/2025): labels, rating from a score, the monthly or quarterly
scores that make a công chức's year under NĐ 335/2025 (Điều 20, 21), the HTXS share cap and its exception by
decision (NĐ 48/2023; NĐ 335/2025 Điều 20 khoản 5 điểm b)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Any

from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.domain.salary import to_decimal
from hrapp.errors import DomainError

EVALUATION = "evaluation"


class Rating(StrEnum):
    HTXS = "htxs"
    HTT = "htt"
    HT = "ht"
    KHT = "kht"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def short(self) -> str:
        return self.value.upper()

    @classmethod
    def parse(cls, value: str | Rating) -> Rating:
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise DomainError("invalid_rating", f"Mức xếp loại '{value}' không hợp lệ (HTXS, HTT, HT, KHT).",
                              field="rating") from None


_LABELS = {
    Rating.HTXS: "Hoàn thành xuất sắc nhiệm vụ",
    Rating.HTT: "Hoàn thành tốt nhiệm vụ",
    Rating.HT: "Hoàn thành nhiệm vụ",
    Rating.KHT: "Không hoàn thành nhiệm vụ",
}


def evaluation_rule(rulebook: RuleBook, year: int) -> RuleVersion:
    """The rule for evaluating `year`, read on 31/12 of that year (the evaluation is done in December)."""
    return rulebook.get(EVALUATION, date(year, 12, 31))


def _regime(rule: RuleVersion, category: str) -> dict[str, Any]:
    spec = rule.params.get(category)
    if spec is None:
        raise DomainError("unknown_category", f"Quy định {rule.label()} không có chế độ đánh giá cho loại "
                          f"'{category}'.", field="category")
    return spec


@dataclass(frozen=True)
class ScoreRating:
    rating: Rating
    score: Decimal
    legal_basis: str
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {"rating": self.rating.value, "score": format(self.score, "f"), "legal_basis": self.legal_basis,
                "rule": self.rule.to_json()}


def rating_from_score(
    score: Decimal | str | int, rulebook: RuleBook, year: int, category: str = "cong_chuc"
) -> ScoreRating:
    """The rating for a score out of 100 (NĐ 335/2025, công chức from 2026): ≥90 HTXS, 70–<90 HTT, 50–<70 HT,
    <50 KHT. Years whose regime has no score (NĐ 90/2020) refuse a score."""
    rule = evaluation_rule(rulebook, year)
    spec = _regime(rule, category)
    bands = spec.get("score_bands")
    if not bands:
        raise DomainError("no_score_regime", f"Năm {year} đánh giá theo {spec['legal_basis']}: xếp loại không tính "
                          "theo điểm.", field="score")
    value = to_decimal(score, field="score")
    top = Decimal(str(spec["max_score"]))
    if not Decimal(0) <= value <= top:
        raise DomainError("invalid_score", f"Điểm phải từ 0 đến {top}.", field="score")
    for band in sorted(bands, key=lambda b: Decimal(str(b["min"])), reverse=True):
        if value >= Decimal(str(band["min"])):
            return ScoreRating(Rating.parse(band["rating"]), value, spec["legal_basis"], rule)
    raise DomainError("rule_incomplete", f"Quy định {rule.label()} không có mức xếp loại cho điểm {value}.",
                      field="score")


@dataclass(frozen=True)
class HtxsCapCheck:
    """The cap on HTXS ratings in one unit; unpacks as (allowed_max, actual, ok). `percent` is the share applied:
    the rule's, or the share a decision allows an outstanding unit (`by_exception`)."""

    allowed_max: int
    actual: int
    ok: bool
    htt_count: int
    rule: RuleVersion
    percent: Decimal = Decimal(20)
    by_exception: bool = False

    def __iter__(self) -> Iterator[Any]:
        return iter((self.allowed_max, self.actual, self.ok))

    def to_json(self) -> dict[str, Any]:
        return {"allowed_max": self.allowed_max, "actual": self.actual, "ok": self.ok, "htt_count": self.htt_count,
                "percent": format(self.percent, "f"), "by_exception": self.by_exception,
                "rule": self.rule.to_json()}


def htxs_cap_percent(rulebook: RuleBook, year: int, category: str = "cong_chuc") -> Decimal:
    """The usual share of HTXS (of the number rated HTT) in `year` for `category`."""
    return Decimal(str(_regime(evaluation_rule(rulebook, year), category)["htxs_cap"]["percent"]))


def check_exception_percent(percent: Decimal | str | int | None, rulebook: RuleBook, year: int,
                            category: str = "cong_chuc") -> Decimal:
    """The share a decision allows an outstanding unit: above the usual share and at most 100%. The legal texts
    found leave the figure to the competent authority, so the decision's figure is the one used."""
    if percent is None or str(percent).strip() == "":
        raise DomainError("cap_exception_percent_missing", field="percent")
    value = to_decimal(percent, field="percent")
    usual = htxs_cap_percent(rulebook, year, category)
    if not usual < value <= 100:
        raise DomainError("cap_exception_percent_range", field="percent", usual=usual, value=value)
    return value


def htxs_cap_check(
    ratings_in_unit: Iterable[str | Rating], rulebook: RuleBook, year: int, category: str = "cong_chuc",
    exception_percent: Decimal | None = None,
) -> HtxsCapCheck:
    """Check the share of HTXS among the people of one unit (or group with the same duties) rated in `year`.

    Read literally, the text caps HTXS at 20% *of those rated HTT* ("không quá 20% số được xếp loại hoàn thành tốt
    nhiệm vụ"), so the base is the number of HTT ratings alone, not HTT + HTXS nor the whole unit. The result is
    rounded down because it is a ceiling: 9 HTT allow 1 HTXS (1.8), 4 HTT allow none. A unit with outstanding
    results may be allowed a higher share by decision (`exception_percent`, NĐ 48/2023; NĐ 335/2025 Điều 20
    khoản 5 điểm b).
    """
    rule = evaluation_rule(rulebook, year)
    cap = _regime(rule, category)["htxs_cap"]
    counts = Counter(Rating.parse(r) for r in ratings_in_unit)
    base = counts[Rating.parse(cap["of_rating"])]
    percent = exception_percent if exception_percent is not None else Decimal(str(cap["percent"]))
    allowed = (Decimal(base) * percent / 100).to_integral_value(rounding=ROUND_FLOOR)
    actual = counts[Rating.HTXS]
    return HtxsCapCheck(int(allowed), actual, actual <= allowed, base, rule, percent, exception_percent is not None)


# ============================================================================================== NĐ 335/2025 periods

MONTH, QUARTER = "month", "quarter"
PERIOD_KINDS = (MONTH, QUARTER)


def period_end(year: int, kind: str, number: int) -> date:
    """The last day of month or quarter `number` of `year`."""
    last_month = number if kind == MONTH else number * 3
    following = date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _tracking(rule: RuleVersion, category: str, on: date) -> dict[str, Any]:
    spec = _regime(rule, category)
    if not spec.get("periods"):
        raise DomainError("no_periodic_tracking", field="period_kind", day=on, basis=spec["legal_basis"])
    return spec


@dataclass(frozen=True)
class PeriodScore:
    """One month's or quarter's tracking: general criteria (/30) and results (/70)."""

    kind: str
    number: int
    general: Decimal
    results: Decimal

    @property
    def total(self) -> Decimal:
        return self.general + self.results


def check_period_score(rulebook: RuleBook, year: int, score: PeriodScore, category: str = "cong_chuc") -> RuleVersion:
    """The rule a monthly or quarterly score is given under, read on the period's last day (a period of 2025 is
    under NĐ 90/2020, which has no scores; one of 2026 under NĐ 335/2025); refuses a period or part out of range."""
    if score.kind not in PERIOD_KINDS:
        raise DomainError("period_kind_invalid", field="period_kind", kind=score.kind)
    count = 12 if score.kind == MONTH else 4
    if not 1 <= score.number <= count:
        raise DomainError("period_number_range", field="period_no", last=count)
    end = period_end(year, score.kind, score.number)
    rule = rulebook.get(EVALUATION, end)
    spec = _tracking(rule, category, end)
    for field, value, top in (("general_score", score.general, spec["general_max"]),
                              ("results_score", score.results, spec["results_max"])):
        top_value = Decimal(str(top))
        if not Decimal(0) <= value <= top_value:
            raise DomainError("period_part_range", field=field, top=top_value)
    return rule


@dataclass(frozen=True)
class AnnualScore:
    """A công chức's year under NĐ 335/2025 from the periods tracked: the mean of the period totals (Điều 21),
    the rating it gives (Điều 20 khoản 1–3, 4.a) and the rating kept after the disqualifying facts (khoản 4 b–d)."""

    mean: Decimal  # exact
    score: Decimal  # the mean cut to two decimals, as stored (never carried up across a band edge)
    by_score: Rating
    rating: Rating
    facts: tuple[str, ...]
    kind: str
    periods: int
    legal_basis: str
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {"mean": format(self.mean, "f"), "score": format(self.score, "f"), "by_score": self.by_score.value,
                "rating": self.rating.value, "facts": list(self.facts), "kind": self.kind, "periods": self.periods,
                "legal_basis": self.legal_basis, "rule": self.rule.to_json()}


def kht_fact_codes(rulebook: RuleBook, year: int, category: str = "cong_chuc") -> tuple[str, ...]:
    """The codes of the facts that rate a year "không hoàn thành nhiệm vụ" whatever the score."""
    spec = _regime(evaluation_rule(rulebook, year), category)
    return tuple(f["code"] for f in spec.get("kht_facts") or ())


def annual_score(periods: Sequence[PeriodScore], rulebook: RuleBook, year: int, category: str = "cong_chuc",
                 facts: Iterable[str] = ()) -> AnnualScore:
    """The year's score and rating from its monthly or quarterly scores (all of one kind, each period once)."""
    rule = evaluation_rule(rulebook, year)
    spec = _tracking(rule, category, date(year, 12, 31))
    if not periods:
        raise DomainError("period_scores_missing", field="periods", year=year)
    kinds = {p.kind for p in periods}
    if len(kinds) > 1:
        raise DomainError("period_kinds_mixed", field="periods", year=year)
    numbers = [p.number for p in periods]
    if len(set(numbers)) != len(numbers):
        raise DomainError("period_twice", field="periods", year=year)
    known = kht_fact_codes(rulebook, year, category)
    found = tuple(sorted(set(facts)))
    unknown = [f for f in found if f not in known]
    if unknown:
        raise DomainError("kht_fact_unknown", field="facts", fact=unknown[0])
    mean = sum((p.total for p in periods), Decimal(0)) / len(periods)
    by_score = rating_from_score(mean, rulebook, year, category).rating
    rating = Rating.KHT if found else by_score
    return AnnualScore(mean, mean.quantize(Decimal("0.01"), rounding=ROUND_DOWN), by_score, rating, found,
                       kinds.pop(), len(periods), spec.get("annual_score", {}).get("legal_basis", spec["legal_basis"]),
                       rule)
