"""Disciplinary measures (NĐ 112/2020/NĐ-CP, then NĐ 172/2025/NĐ-CP from 01/07/2025): the forms that apply to a
person by category and post on the decision date, the period a measure stays in effect (no promotion, planning or
appointment), the limitation period (thời hiệu) and the time limit of the procedure (thời hạn xử lý).

Every answer reads the rule version in force on the date of the discipline's own decision, never today's.
Periods follow the Civil Code 2015 (Điều 147–148): a period in days or years starts the day after the event and a
period in years ends on the corresponding day of its last year; the effect period counts the day the decision
takes effect as its first day, so 12 months from 01/07/2025 end on 30/06/2026 and 12 months from 29/02/2024 on
28/02/2025.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from hrapp import catalogs, messages
from hrapp.domain.retirement import add_months
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

DISCIPLINE = "discipline"
CATEGORIES = ("can_bo", "cong_chuc", "vien_chuc", "vien_chuc_tu_chu")


def rule_on(rulebook: RuleBook, day: date) -> RuleVersion | None:
    """The discipline rule version in force on `day`; None before the first version (20/09/2020): no rule data."""
    for v in reversed(rulebook.versions(DISCIPLINE)):
        if v.applies_on(day):
            return v
    return None


def allowed_forms(rule: RuleVersion, category: str | None, leader: bool) -> tuple[str, ...]:
    """The forms the version allows for the category, for a person holding a leadership post or not (empty for a
    category the decree does not cover, e.g. contract workers under the Labour Code)."""
    table = rule.params.get("forms_by_category", {}).get(category or "", {})
    return tuple(table.get("leader" if leader else "staff", ()))


def _labels(codes: Iterable[str]) -> str:
    return ", ".join(catalogs.label("discipline_form", c, c).lower() for c in codes)


def check_form(rule: RuleVersion, category: str | None, leader: bool, form: str, decided: date) -> None:
    """Refuse a form the version in force on the decision date does not allow for this person."""
    allowed = allowed_forms(rule, category, leader)
    if form in allowed:
        return
    who = catalogs.label("category", category or "", category or "?")
    who = who[:1].lower() + who[1:]
    label = catalogs.label("discipline_form", form, form).lower()
    day = f"{decided:%d/%m/%Y}"
    if not allowed:
        raise DomainError("discipline_category_not_covered", field="form", category=who, version=rule.name, day=day)
    code = "discipline_form_not_allowed_leader" if leader else "discipline_form_not_allowed_staff"
    raise DomainError(code, field="form", form=label, category=who, version=rule.name, day=day,
                      allowed=_labels(allowed))


def _by_category(rule: RuleVersion, key: str, category: str | None) -> dict[str, int]:
    """A per-category table of the version; for an unknown category the longest value of each form (the
    conservative reading, for a discipline whose category on its date is not known)."""
    tables: dict[str, dict[str, int]] = rule.params.get(key, {})
    if category in tables:
        return tables[category]
    merged: dict[str, int] = {}
    for table in tables.values():
        for form, value in table.items():
            merged[form] = max(int(value), merged.get(form, 0))
    return merged


def effect_months(rule: RuleVersion, form: str, category: str | None = None) -> int | None:
    """Months the measure stays in effect; None for a measure that ends the service (buộc thôi việc, bãi nhiệm)."""
    months = _by_category(rule, "effect_months", category).get(form)
    return int(months) if months is not None else None


def effect_end(rule: RuleVersion, form: str, effect_from: date, category: str | None = None) -> date | None:
    """The last day of the effect period, or None when the form has none."""
    months = effect_months(rule, form, category)
    # Civil Code Điều 147–148: counted from the day before the first day, ending on the corresponding day (the
    # month's last day when it has none): 12 months from 29/02/2024 end on 28/02/2025
    return None if months is None else add_months(effect_from - timedelta(days=1), months)


def limitation_years(rule: RuleVersion, form: str, category: str | None = None) -> int:
    table = _by_category(rule, "limitation_years", category)
    return int(table.get(form, table["other_forms"]))


def limitation_last_day(rule: RuleVersion, form: str, violation: date, category: str | None = None) -> date:
    """The last day a decision may be taken for a violation committed on `violation` (thời hiệu)."""
    return add_months(violation, 12 * limitation_years(rule, form, category))


def processing_last_day(rule: RuleVersion, found_on: date, complex_case: bool) -> date:
    """The last day of the procedure counted from the day the violation was found (thời hạn xử lý)."""
    days = rule.params["processing_days_complex" if complex_case else "processing_days"]
    return found_on + timedelta(days=int(days))


@dataclass(frozen=True)
class Timing:
    """What the rule says of one discipline's dates; `rule` names the version it used. `barred`: the decision
    came after the limitation period (thời hiệu, counted from the violation to the conclusion that it deserves
    discipline, NĐ 234/2026 Điều 5 khoản 1: the record holds the decision date, which is at or after that
    conclusion, so this is a warning to check, not a refusal); `late`: after the time limit of the procedure,
    which does not void the decision (it must still be taken while the limitation period runs, Điều 5 khoản 5)."""

    rule: RuleVersion
    limitation_last_day: date | None
    processing_last_day: date | None
    barred: bool = False
    late: bool = False
    years: int = 0

    def warnings(self, decided: date) -> list[tuple[str, str]]:
        """The (field, message) warnings of the decision's dates (none when in time)."""
        out: list[tuple[str, str]] = []
        if self.barred and self.limitation_last_day is not None:
            out.append(("violation_date", messages.text(
                "discipline_time_barred", day=f"{decided:%d/%m/%Y}", last=f"{self.limitation_last_day:%d/%m/%Y}",
                years=self.years, version=self.rule.name)))
        if self.late and self.processing_last_day is not None:
            out.append(("found_on", messages.text(
                "discipline_procedure_too_long", day=f"{decided:%d/%m/%Y}",
                last=f"{self.processing_last_day:%d/%m/%Y}", version=self.rule.name)))
        return out


def check_timing(rule: RuleVersion, form: str, decided: date, violation: date | None, found_on: date | None,
                 complex_case: bool, category: str | None = None) -> Timing:
    """Refuse a violation or a finding dated after the decision; mark a decision after the limitation period
    (`barred`) or after the time limit of the procedure (`late`)."""
    if violation is not None and violation > decided:
        raise DomainError("discipline_violation_after_decision", field="violation_date")
    if found_on is not None and found_on > decided:
        raise DomainError("discipline_found_after_decision", field="found_on")
    limit = limitation_last_day(rule, form, violation, category) if violation is not None else None
    deadline = processing_last_day(rule, found_on, complex_case) if found_on is not None else None
    return Timing(rule, limit, deadline, barred=limit is not None and decided > limit,
                  late=deadline is not None and decided > deadline, years=limitation_years(rule, form, category))


def in_effect_until(rulebook: RuleBook, form: str, decided: date, effect_from: date,
                    effect_to: date | None, category: str | None = None) -> date | None:
    """The last day a recorded discipline bars planning and appointment: its own end date when the decision
    gives one, else the period of the version in force on its decision date for the category (the longest of
    the categories when it is not known); None when no period is known."""
    if effect_to is not None:
        return effect_to
    rule = rule_on(rulebook, decided)
    return effect_end(rule, form, effect_from, category) if rule is not None else None


def category_on(periods: Iterable[tuple[date, date | None, str]], day: date, fallback: str | None) -> str | None:
    """The person's category on `day`: the employment period covering it (start, last day, category), else the
    latest one begun by then, else `fallback` (the current category)."""
    begun = sorted((p for p in periods if p[0] <= day), key=lambda p: p[0])
    covering = [p for p in begun if p[1] is None or p[1] >= day]
    chosen = covering[-1] if covering else (begun[-1] if begun else None)
    return chosen[2] if chosen else fallback


def leader_on(posts: Iterable[tuple[date, date | None]], day: date) -> bool:
    """Whether a leadership post (start, last day) covers `day`."""
    return any(start <= day and (end is None or end >= day) for start, end in posts)


@dataclass(frozen=True)
class RecordedDiscipline:
    """A discipline as recorded, for the checks that read it later (appointment, planning, pay steps)."""

    form: str
    decision_date: date
    effect_from: date
    effect_to: date | None = None
    category: str | None = None  # the person's category on the decision date, when known


def check_appointment(rulebook: RuleBook, kind: str, start: date, disciplines: Iterable[RecordedDiscipline]) -> None:
    """Refuse an appointment of a barred kind that starts while a discipline is in effect; the period and the
    barred kinds are those of the version in force on the discipline's decision date."""
    for d in sorted(disciplines, key=lambda x: x.decision_date):
        rule = rule_on(rulebook, d.decision_date)
        if rule is None or kind not in rule.params.get("barred_appointment_kinds", ()):
            continue
        until = in_effect_until(rulebook, d.form, d.decision_date, d.effect_from, d.effect_to, d.category)
        if until is not None and d.effect_from <= start <= until:
            raise DomainError("appointment_under_discipline", field="start_date",
                              form=catalogs.label("discipline_form", d.form, d.form).lower(),
                              decided=f"{d.decision_date:%d/%m/%Y}", until=f"{until:%d/%m/%Y}")
