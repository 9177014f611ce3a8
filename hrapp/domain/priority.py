"""Recruitment priority groups and points (điểm ưu tiên), read from the versioned `priority_points` rule."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

RULE_CODE = "priority_points"
SUBJECTS = {"cong_chuc": "công chức", "vien_chuc": "viên chức"}
ZERO = Decimal(0)
# Confidence tags from weakest to strongest (domain brief: U not confirmed, S secondary, V verified).
_CONFIDENCE_ORDER = ("U", "S", "V")


@dataclass(frozen=True)
class PriorityGroup:
    """One priority group of one rule version, e.g. code='con_liet_si', points=5."""

    code: str
    label: str
    points: Decimal
    confidence: str = "S"
    alias_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class PriorityAward:
    """The points a candidate gets: the single highest group that applies (never a sum)."""

    points: Decimal
    group: PriorityGroup | None
    not_applicable: tuple[str, ...] = ()

    @property
    def group_code(self) -> str | None:
        return self.group.code if self.group else None


@dataclass(frozen=True)
class PriorityTable:
    """The groups of one `priority_points` version, plus every code any version knows."""

    rule: RuleVersion
    subject: str
    groups: tuple[PriorityGroup, ...]
    known_codes: frozenset[str]

    def group(self, code: str) -> PriorityGroup | None:
        for g in self.groups:
            if g.code == code:
                return g
        return None

    def award(self, codes: Iterable[str]) -> PriorityAward:
        """Highest points among `codes`; a code known only to other versions gives nothing here."""
        best: PriorityGroup | None = None
        not_applicable: list[str] = []
        for code in codes:
            if not isinstance(code, str) or code not in self.known_codes:
                raise DomainError(
                    "priority_group_unknown",
                    f"Không có diện ưu tiên '{code}' trong quy định về điểm ưu tiên tuyển dụng.",
                    field="priority_groups",
                    code_value=code,
                )
            group = self.group(code)
            if group is None:
                not_applicable.append(code)
            elif best is None or group.points > best.points:
                best = group
        return PriorityAward(best.points if best else ZERO, best, tuple(not_applicable))

    def points(self, codes: Iterable[str]) -> Decimal:
        return self.award(codes).points


def rule_decimal(value: Any, where: str) -> Decimal:
    """A number of the rule data (points, ratios, maxima) as a finite Decimal; `where` names it in the refusal."""
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise DomainError(
            "rule_data_invalid", f"Dữ liệu quy định sai ở {where}: '{value}' không phải số."
        ) from exc
    if not result.is_finite():
        raise DomainError("rule_data_invalid", f"Dữ liệu quy định sai ở {where}: '{value}' không phải số.")
    return result


def _groups_of(rule: RuleVersion) -> tuple[PriorityGroup, ...]:
    where = f"{rule.code}/{rule.version}"
    groups: list[PriorityGroup] = []
    for raw in rule.params.get("groups", []):
        groups.append(
            PriorityGroup(
                code=raw["code"],
                label=raw["label"],
                points=rule_decimal(raw["points"], f"{where}/{raw['code']}"),
                confidence=raw.get("confidence", "S"),
            )
        )
    by_code = {g.code: g for g in groups}
    if len(by_code) != len(groups):
        raise DomainError("rule_data_invalid", f"Dữ liệu quy định sai ở {where}: mã diện ưu tiên bị trùng.")
    for raw in rule.params.get("aliases", []):
        targets = [by_code[c] for c in raw["same_as"] if c in by_code]
        if not targets or raw["code"] in by_code:
            raise DomainError(
                "rule_data_invalid",
                f"Dữ liệu quy định sai ở {where}: mã viết tắt '{raw['code']}' không hợp lệ.",
            )
        groups.append(
            PriorityGroup(
                code=raw["code"],
                label=raw["label"],
                points=max(t.points for t in targets),
                confidence=min((t.confidence for t in targets), key=_CONFIDENCE_ORDER.index),
                alias_of=tuple(t.code for t in targets),
            )
        )
    return tuple(groups)


def all_group_codes(rulebook: RuleBook) -> frozenset[str]:
    """Every group code (and alias) named by any version of the rule."""
    return frozenset(g.code for rule in rulebook.versions(RULE_CODE) for g in _groups_of(rule))


def table_for_rule(rulebook: RuleBook, rule: RuleVersion) -> PriorityTable:
    return PriorityTable(
        rule=rule,
        subject=rule.params.get("subject", ""),
        groups=_groups_of(rule),
        known_codes=all_group_codes(rulebook),
    )


def priority_table(
    rulebook: RuleBook, *, subject: str, on: date | None = None, version: str | None = None
) -> PriorityTable:
    """The table for `subject` ('cong_chuc' or 'vien_chuc') in force on `on`, or the named `version`.

    Công chức and viên chức versions overlap in time, so the subject is part of the choice;
    `RuleBook.get` alone cannot pick between them.
    """
    if subject not in SUBJECTS:
        raise DomainError("priority_subject_invalid", subject=subject, field="subject")
    if version is not None:
        rule = rulebook.by_version(RULE_CODE, version)
        if rule.params.get("subject") != subject:
            raise DomainError(
                "rule_not_found",
                f"Phiên bản '{version}' của quy định điểm ưu tiên không áp dụng cho {SUBJECTS[subject]}.",
            )
        return table_for_rule(rulebook, rule)
    if on is None:
        raise DomainError(
            "priority_date_needed"
        )
    matches = [
        r for r in rulebook.versions(RULE_CODE) if r.params.get("subject") == subject and r.applies_on(on)
    ]
    if len(matches) != 1:
        raise DomainError(
            "rule_not_found",
            f"Không xác định được quy định điểm ưu tiên cho {SUBJECTS[subject]} ngày {on:%d/%m/%Y}.",
        )
    return table_for_rule(rulebook, matches[0])


def priority_points(codes: Iterable[str], table: PriorityTable) -> Decimal:
    """Only the highest applicable group counts; an empty list gives 0."""
    return table.points(codes)


def describe(table: PriorityTable) -> list[Mapping[str, Any]]:
    """Rows for a screen or printout: code, label, points, confidence, in rule-data order."""
    return [
        {
            "code": g.code,
            "label": g.label,
            "points": g.points,
            "confidence": g.confidence,
            "alias_of": g.alias_of,
        }
        for g in table.groups
    ]
