"""Read side of rank promotion: the staff who hold the level below a target rank on a day, each eligible or not
with the reason for every condition (nâng ngạch công chức, thăng hạng viên chức), for the screen and the council's
printed list. Runs as `fn(ctx, …)` in a read session whose unit scope hides people outside the account's units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.domain.promotion import (
    LEVEL_NAMES,
    Check,
    eligibility,
    promotion_rule,
    rank_level,
    rank_name,
    target_of,
)
from hrapp.errors import DomainError
from hrapp.queries._promotion_rows import promotion_facts, staff_on
from hrapp.security import READ, require
from hrapp.text import name_sort_key

__all__ = ["PromotionList", "PromotionRow", "promotion_candidates", "promotion_targets"]


@dataclass(frozen=True)
class PromotionRow:
    person_id: int
    full_name: str
    birth_date: date
    gender: str
    unit_name: str
    category: str
    rank_code: str
    rank_name: str
    step: int | None
    coefficient: Decimal | None
    months_held: int
    eligible: bool
    checks: tuple[Check, ...]

    @property
    def reasons(self) -> str:
        """The unmet conditions ('' when eligible)."""
        return "; ".join(c.text for c in self.checks if not c.ok)

    @property
    def held_text(self) -> str:
        years, months = divmod(self.months_held, 12)
        return f"{years} năm {months} tháng" if months else f"{years} năm"


@dataclass(frozen=True)
class PromotionList:
    target_rank: str
    target_name: str
    target_level: str
    from_level: str  # the level below, whose holders (or holders of an equivalent rank) are listed
    on: date
    rule_name: str
    legal_basis: str
    rows: tuple[PromotionRow, ...]  # eligible first, then by name

    @property
    def eligible(self) -> tuple[PromotionRow, ...]:
        return tuple(r for r in self.rows if r.eligible)

    @property
    def ineligible(self) -> tuple[PromotionRow, ...]:
        return tuple(r for r in self.rows if not r.eligible)


def promotion_targets(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(code, name) of the ranks one may be promoted to: every rank of the catalogue above the lowest level."""
    require(ctx, READ)
    return [(code, r["name"]) for code, r in catalogs.ranks().items()
            if r.get("short") in LEVEL_NAMES and r.get("short") not in ("NV",)]


def promotion_candidates(ctx: ServiceContext, target_rank: str, on: date) -> PromotionList:
    """The staff on `on` who hold a rank of the level just below `target_rank` (of the same kind: ngạch công chức
    or chức danh nghề nghiệp viên chức), each with the eligibility of the rule in force on `on`."""
    require(ctx, READ)
    ranks = catalogs.ranks()
    if target_rank not in ranks:
        raise DomainError("promotion_target_unknown", field="target_rank", rank=target_rank)
    rule = promotion_rule(ctx.rulebook, on)
    kind = ranks[target_rank].get("kind")
    category = "cong_chuc" if kind == "ngach" else "vien_chuc"
    target = target_of(rule, category, target_rank)
    below = str(target["from"]) if target else None
    rows: list[PromotionRow] = []
    with ctx.read() as s:
        lines = staff_on(s, on)
        facts = promotion_facts(s, lines, on)
        for pid, f in facts.items():
            current = f.rank_on(on)
            if below is None or current is None or rank_level(current.rank_code) != below \
                    or ranks.get(current.rank_code, {}).get("kind") != kind:
                continue
            line = lines[pid]
            result = eligibility(f, target_rank, on, ctx.rulebook)
            sal = line.salary
            rows.append(PromotionRow(pid, line.full_name, line.birth_date, line.gender, line.unit_name,
                                     line.category, current.rank_code, rank_name(current.rank_code),
                                     sal.step if sal is not None else None,
                                     sal.coefficient.quantize(Decimal("0.01")) if sal is not None else None,
                                     result.months_held,
                                     result.eligible, result.checks))
    rows.sort(key=lambda r: (not r.eligible, name_sort_key(r.full_name)))
    return PromotionList(target_rank, rank_name(target_rank), rank_level(target_rank), below or "", on, rule.name,
                         rule.legal_basis, tuple(rows))
