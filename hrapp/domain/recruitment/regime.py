"""Recruitment regimes (NĐ 138/2020, NĐ 170/2025, NĐ 115/2020) read from the rule data: methods, round-2 parts,
council sizes, priority rules; the states of a round and the outcomes of a candidate."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from hrapp.domain.priority import RULE_CODE as PRIORITY_RULE
from hrapp.domain.priority import SUBJECTS, PriorityTable, priority_table, rule_decimal, table_for_rule
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

REGIME_RULE = "recruitment_regime"

ROUND_STATUSES = ("draft", "open", "round1", "round2", "results", "closed")
"""The states of a recruitment round in the order it goes through them (a later state is a later stage)."""
ZERO = Decimal(0)


class Outcome(StrEnum):
    """A candidate's result at one position."""

    TRUNG_TUYEN = "trung_tuyen"
    KHONG_TRUNG_TUYEN = "khong_trung_tuyen"
    CAN_QUYET_DINH = "can_quyet_dinh"
    KHONG_DU_DIEU_KIEN = "khong_du_dieu_kien"
    RUT_HO_SO = "rut_ho_so"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.TRUNG_TUYEN: "Trúng tuyển",
    Outcome.KHONG_TRUNG_TUYEN: "Không trúng tuyển",
    Outcome.CAN_QUYET_DINH: "Chờ người đứng đầu cơ quan quyết định",
    Outcome.KHONG_DU_DIEU_KIEN: "Không đủ điều kiện trúng tuyển",
    Outcome.RUT_HO_SO: "Rút hồ sơ hoặc không hoàn thiện hồ sơ đúng hạn",
}

REASON_TIE = (
    "Bằng điểm ở chỉ tiêu cuối cùng, không phân định được theo quy định: "
    "người đứng đầu cơ quan có thẩm quyền tuyển dụng quyết định."
)
REASON_DECIDED = (
    "Người đứng đầu cơ quan có thẩm quyền tuyển dụng đã quyết định (bằng điểm ở chỉ tiêu cuối cùng)."
)
REASON_FULL = "Vị trí đã đủ chỉ tiêu từ những người đăng ký nguyện vọng trước."
REASON_WITHDRAWN = (
    "Rút hồ sơ hoặc không hoàn thiện hồ sơ tuyển dụng đúng hạn; chỉ tiêu chuyển cho người kế tiếp."
)


def reasons_text(reasons: Iterable[str]) -> str:
    """Reasons written as sentences joined into one: 'Trình độ …, người dự tuyển có Cao đẳng; Chuyên ngành: …'
    (each reason's own full stop dropped, one at the end, no '.;')."""
    parts = [r.strip().rstrip(".;").strip() for r in reasons]
    parts = [p for p in parts if p]
    return "; ".join(parts) + "." if parts else ""


# --------------------------------------------------------------------------- regime rule data


@dataclass(frozen=True)
class PartRule:
    """A round-2 part (thi viết, phỏng vấn…) and the share of its maximum it must reach, if any."""

    code: str
    label: str
    min_ratio: Decimal | None


@dataclass(frozen=True)
class MethodRule:
    """Thresholds and tie rule of one method (thi_tuyen or xet_tuyen) under one regime."""

    method: str
    label: str
    round1_pass_ratio: Decimal | None
    round2_label: str
    round2_max: Decimal
    round2_pass_min: Decimal
    parts: tuple[PartRule, ...]
    tie_break: tuple[str, ...]

    def part(self, code: str) -> PartRule | None:
        for p in self.parts:
            if p.code == code:
                return p
        return None

    def round1_passes(self, correct: int, questions: int) -> bool:
        """Round 1 of a computer test: passed when the share of correct answers reaches the threshold."""
        if self.round1_pass_ratio is None:
            raise DomainError("round1_not_in_method", method=self.label.lower())
        if questions <= 0 or not 0 <= correct <= questions:
            raise DomainError(
                "round1_counts_invalid", correct=correct, questions=questions
            )
        return Decimal(correct) >= self.round1_pass_ratio * questions


@dataclass(frozen=True)
class RecruitmentRegime:
    """One recruitment regime, e.g. code='nd170_2025' for công chức from 01/07/2025."""

    code: str
    subject: str
    rule: RuleVersion
    methods: tuple[MethodRule, ...]
    tie_rule: str
    council_sizes: tuple[int, ...]
    application_window_days: int
    result_notice_working_days: int | None
    dossier_days: int
    report_to_work_days: int
    probation_required: bool
    probation_rule: str | None

    @property
    def method_codes(self) -> tuple[str, ...]:
        return tuple(m.method for m in self.methods)

    def method(self, name: str) -> MethodRule:
        for m in self.methods:
            if m.method == name:
                return m
        allowed = ", ".join(self.method_codes)
        raise DomainError(
            "method_not_allowed",
            f"Hình thức tuyển dụng '{name}' không có trong quy định {self.code} (chỉ có: {allowed}).",
            field="method",
        )

    def priority_table(self, rulebook: RuleBook, on: date | None = None) -> PriorityTable:
        """Priority points for this regime's subject: in force on `on`, else the newest within the regime."""
        if on is not None:
            if not self.rule.applies_on(on):
                raise DomainError(
                    "rule_not_found",
                    f"Quy định tuyển dụng {self.code} không áp dụng cho ngày {on:%d/%m/%Y}.",
                    field="date",
                )
            return priority_table(rulebook, subject=self.subject, on=on)
        candidates = [
            r
            for r in rulebook.versions(PRIORITY_RULE)
            if r.params.get("subject") == self.subject and _overlaps(r, self.rule)
        ]
        if not candidates:
            raise DomainError(
                "rule_not_found", f"Không có quy định điểm ưu tiên cho chế độ tuyển dụng {self.code}."
            )
        return table_for_rule(rulebook, max(candidates, key=lambda r: r.effective_from))


def _overlaps(a: RuleVersion, b: RuleVersion) -> bool:
    a_end, b_end = a.effective_to or date.max, b.effective_to or date.max
    return a.effective_from <= b_end and b.effective_from <= a_end


def _method_from_params(name: str, raw: Mapping[str, Any], where: str) -> MethodRule:
    round1 = raw.get("round1", {})
    round2 = raw["round2"]
    parts = tuple(
        PartRule(
            code=p["code"],
            label=p["label"],
            min_ratio=None
            if p.get("min_ratio") is None
            else rule_decimal(p["min_ratio"], f"{where}/{p['code']}"),
        )
        for p in round2.get("parts", [])
    )
    tie_break = tuple(raw.get("tie_break", ["round2"]))
    for step in tie_break:
        if step != "round2" and not (step.startswith("part:") and any(p.code == step[5:] for p in parts)):
            raise DomainError(
                "rule_data_invalid", f"Dữ liệu quy định sai ở {where}: tiêu chí '{step}' không hợp lệ."
            )
    ratio = round1.get("pass_ratio")
    return MethodRule(
        method=name,
        label=raw.get("label", name),
        round1_pass_ratio=None if ratio is None else rule_decimal(ratio, f"{where}/round1"),
        round2_label=round2.get("label", ""),
        round2_max=rule_decimal(round2["max"], f"{where}/round2.max"),
        round2_pass_min=rule_decimal(round2["pass_min"], f"{where}/round2.pass_min"),
        parts=parts,
        tie_break=tie_break,
    )


def regime_from_rule(rule: RuleVersion) -> RecruitmentRegime:
    """Build a regime from one version of the `recruitment_regime` rule."""
    p = rule.params
    where = f"{rule.code}/{rule.version}"
    try:
        probation = p.get("probation", {})
        return RecruitmentRegime(
            code=rule.version,
            subject=p["subject"],
            rule=rule,
            methods=tuple(_method_from_params(n, m, f"{where}/{n}") for n, m in p["methods"].items()),
            tie_rule=p.get("tie_rule", ""),
            council_sizes=tuple(int(n) for n in p["council_sizes"]),
            application_window_days=int(p["application_window_days"]),
            result_notice_working_days=p.get("result_notice_working_days"),
            dossier_days=int(p["dossier_days"]),
            report_to_work_days=int(p["report_to_work_days"]),
            probation_required=bool(probation.get("required", False)),
            probation_rule=probation.get("rule"),
        )
    except KeyError as exc:
        raise DomainError(
            "rule_data_invalid", f"Dữ liệu quy định sai ở {where}: thiếu trường {exc}."
        ) from exc


def regime(rulebook: RuleBook, code: str) -> RecruitmentRegime:
    """The regime named `code` ('nd138_2020', 'nd170_2025', 'nd115_2020')."""
    for rule in rulebook.versions(REGIME_RULE):
        if rule.version == code:
            return regime_from_rule(rule)
    known = ", ".join(r.version for r in rulebook.versions(REGIME_RULE))
    raise DomainError(
        "regime_unknown",
        f"Không có chế độ tuyển dụng '{code}' (các chế độ hiện có: {known}).",
        field="regime",
    )


def regime_on(rulebook: RuleBook, subject: str, on: date) -> RecruitmentRegime:
    """The regime for `subject` in force on the date of the recruitment round."""
    matches = [
        r for r in rulebook.versions(REGIME_RULE) if r.params.get("subject") == subject and r.applies_on(on)
    ]
    if len(matches) != 1:
        label = SUBJECTS.get(subject, subject)
        raise DomainError(
            "rule_not_found", f"Không xác định được chế độ tuyển dụng {label} ngày {on:%d/%m/%Y}."
        )
    return regime_from_rule(matches[0])
