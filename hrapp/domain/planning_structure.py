"""The structure of a planning period's people (Quy định 50/377): the shares of women, of the young and of each age
tier against the rule's targets, and the posts without a successor. Nothing here touches the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hrapp.domain.planning import PlanningRules
from hrapp.domain.retirement import BirthDate
from hrapp.domain.validation import age_on


def percent(part: int, whole: int) -> Decimal | None:
    """A share in percent with two decimals (half up); None for an empty whole."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt_percent(value: Decimal | None) -> str:
    """'22,22%' (Vietnamese decimal comma; trailing zeros dropped: '25%')."""
    if value is None:
        return "—"
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return text.replace(".", ",") + "%"


@dataclass(frozen=True)
class Share:
    """A counted share against a minimum target; the target test is exact (no rounding): 1 of 4 is 25%."""

    count: int
    total: int
    target: Decimal

    @property
    def percent(self) -> Decimal | None:
        return percent(self.count, self.total)

    @property
    def ok(self) -> bool:
        return self.total > 0 and Decimal(self.count) * 100 >= self.target * self.total

    def to_json(self) -> dict[str, Any]:
        p = self.percent
        return {"count": self.count, "total": self.total, "percent": None if p is None else format(p, "f"),
                "target_percent": format(self.target, "f"), "ok": self.ok}


@dataclass(frozen=True)
class TierCount:
    code: str
    label: str
    count: int
    total: int

    @property
    def percent(self) -> Decimal | None:
        return percent(self.count, self.total)

    def to_json(self) -> dict[str, Any]:
        p = self.percent
        return {"label": self.label, "count": self.count, "percent": None if p is None else format(p, "f")}


@dataclass(frozen=True)
class Structure:
    """The make-up of a period's plan on the check date; each person counts once whatever their posts."""

    on: date
    people: int
    women: Share
    young: Share
    young_below_age: int
    tiers: tuple[TierCount, ...]
    posts: int
    posts_without_successor: int
    warnings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "people": self.people,
            "women_share": None if self.women.percent is None else format(self.women.percent, "f"),
            "under_40_share": None if self.young.percent is None else format(self.young.percent, "f"),
            "women": self.women.to_json(),
            "young": {**self.young.to_json(), "below_age": self.young_below_age},
            "age_tiers": {t.code: t.to_json() for t in self.tiers},
            "posts": self.posts,
            "posts_without_successor": self.posts_without_successor,
            "warnings": list(self.warnings),
        }


def structure(people: Iterable[tuple[str, BirthDate]], on: date, rules: PlanningRules, *, posts: int,
              posts_without_successor: int) -> Structure:
    """Shares of women and of the young (under `young_below_age` on `on`), age tiers, posts without a successor.

    The targets are soft: missing them gives warnings, never a refusal.
    """
    people = list(people)
    total = len(people)
    ages = [age_on(b.value, on) for _, b in people]
    women = Share(sum(1 for g, _ in people if g == "F"), total, rules.women_min_percent)
    young = Share(sum(1 for a in ages if a < rules.young_below_age), total, rules.young_min_percent)
    tiers = tuple(TierCount(t.code, t.label, sum(1 for a in ages if t.contains(a)), total) for t in rules.age_tiers)
    warnings = []
    if total == 0:
        warnings.append("Chưa có người nào trong quy hoạch.")
    else:
        if not women.ok:
            warnings.append(f"Tỷ lệ nữ {fmt_percent(women.percent)} ({women.count}/{total} người), thấp hơn mục tiêu "
                            f"{fmt_percent(rules.women_min_percent)}.")
        if not young.ok:
            warnings.append(f"Tỷ lệ cán bộ dưới {rules.young_below_age} tuổi {fmt_percent(young.percent)} "
                            f"({young.count}/{total} người), thấp hơn mục tiêu {fmt_percent(rules.young_min_percent)}.")
        empty_tiers = [t.label.lower() for t in tiers if t.count == 0]
        if empty_tiers:
            warnings.append(f"Chưa đủ ba độ tuổi: không có người {', '.join(empty_tiers)}.")
    if posts_without_successor:
        warnings.append(f"{posts_without_successor}/{posts} chức danh chưa có người quy hoạch.")
    return Structure(on, total, women, young, rules.young_below_age, tiers, posts, posts_without_successor,
                     tuple(warnings))
