"""Yearly evaluation ratings (NĐ 90/2020, NĐ 335/2025): labels, rating from a score, the HTXS share cap."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
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
    """The cap on HTXS ratings in one unit; unpacks as (allowed_max, actual, ok)."""

    allowed_max: int
    actual: int
    ok: bool
    htt_count: int
    rule: RuleVersion

    def __iter__(self) -> Iterator[Any]:
        return iter((self.allowed_max, self.actual, self.ok))

    def to_json(self) -> dict[str, Any]:
        return {"allowed_max": self.allowed_max, "actual": self.actual, "ok": self.ok, "htt_count": self.htt_count,
                "rule": self.rule.to_json()}


def htxs_cap_check(
    ratings_in_unit: Iterable[str | Rating], rulebook: RuleBook, year: int, category: str = "cong_chuc"
) -> HtxsCapCheck:
    """Check the share of HTXS among the people of one unit (or group with the same duties) rated in `year`.

    Read literally, the text caps HTXS at 20% *of those rated HTT* ("không quá 20% số được xếp loại hoàn thành tốt
    nhiệm vụ"), so the base is the number of HTT ratings alone, not HTT + HTXS nor the whole unit. The result is
    rounded down because it is a ceiling: 9 HTT allow 1 HTXS (1.8), 4 HTT allow none.
    """
    rule = evaluation_rule(rulebook, year)
    cap = _regime(rule, category)["htxs_cap"]
    counts = Counter(Rating.parse(r) for r in ratings_in_unit)
    base = counts[Rating.parse(cap["of_rating"])]
    allowed = (Decimal(base) * Decimal(str(cap["percent"])) / 100).to_integral_value(rounding=ROUND_FLOOR)
    actual = counts[Rating.HTXS]
    return HtxsCapCheck(int(allowed), actual, actual <= allowed, base, rule)
