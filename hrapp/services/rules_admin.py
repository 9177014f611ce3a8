"""Administration of the regulation data: list, edit and add rule versions with their legal basis and dates.

An edit is checked before it is saved: the dates of one rule's versions may not overlap, the parameters must
keep the keys the other versions have, and the rule's own computation must run with them (a typo such as
"six" for 6 months is refused here, not discovered later in a list). Saving invalidates the context's rule book.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from hrapp import clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import RuleVersionRow
from hrapp.domain import validation as v
from hrapp.domain.allowances import post_allowance
from hrapp.domain.appointments import reappointment_kind, term_alerts, term_end
from hrapp.domain.evaluation import htxs_cap_check, rating_from_score
from hrapp.domain.pay_steps import early_step_quota, odd_days_to_months, step_delay
from hrapp.domain.probation import probation
from hrapp.domain.retirement import retirement_age
from hrapp.domain.rule_params import key_label
from hrapp.domain.rules import RuleBook, RuleVersion, load_rulebook
from hrapp.domain.salary import lookup_by_class, to_decimal
from hrapp.domain.work_calendar import WorkCalendar
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.messages import text
from hrapp.security import ADMIN, READ, require
from hrapp.services.unit_leadership import max_deputies

# Keys that explain a version (free text, confidence tags) rather than feed a computation.
DESCRIPTIVE_KEYS = ("note", "confidence")


@dataclass(frozen=True)
class RuleVersionInfo:
    id: int | None  # None for a bundled version not stored in the database yet
    code: str
    version: str
    title: str
    effective_from: date
    effective_to: date | None
    legal_basis: str
    params: dict[str, Any] = field(hash=False, compare=False)
    edited: bool  # differs from the bundled data shipped with the application
    in_force: bool  # applies today

    @property
    def params_json(self) -> str:
        return json.dumps(self.params, ensure_ascii=False, indent=2, sort_keys=False)

    def period(self) -> str:
        end = v.dmy(self.effective_to) if self.effective_to else "nay"
        return f"{v.dmy(self.effective_from)} – {end}"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "version": self.version, "title": self.title,
                "effective_from": self.effective_from.isoformat(),
                "effective_to": self.effective_to.isoformat() if self.effective_to else None,
                "legal_basis": self.legal_basis, "edited": self.edited, "in_force": self.in_force}


@dataclass(frozen=True)
class RuleVersionInput:
    """A version as typed by the administrator; `params` as a dict or as JSON text."""

    code: str
    version: str
    effective_from: date | None
    effective_to: date | None
    legal_basis: str
    params: dict[str, Any] | str
    title: str = ""


def _info(row: RuleVersionRow | RuleVersion, bundled: dict[tuple[str, str], RuleVersion], today: date,
          row_id: int | None) -> RuleVersionInfo:
    base = bundled.get((row.code, row.version))
    edited = base is None or (base.effective_from, base.effective_to, base.legal_basis, base.params) != (
        row.effective_from, row.effective_to, row.legal_basis, row.params)
    in_force = row.effective_from <= today and (row.effective_to is None or today <= row.effective_to)
    return RuleVersionInfo(row_id, row.code, row.version, row.title or "", row.effective_from, row.effective_to,
                           row.legal_basis, copy.deepcopy(row.params), edited, in_force)


def list_rule_versions(ctx: ServiceContext, code: str | None = None, *, today: date | None = None
                       ) -> list[RuleVersionInfo]:
    """Every version (stored ones, then bundled ones not stored yet), by code and start date."""
    require(ctx, READ)
    today = today or clock.today()
    bundled = {(r.code, r.version): r for r in load_rulebook().all()}
    with ctx.read() as s:
        q = select(RuleVersionRow)
        if code:
            q = q.where(RuleVersionRow.code == code)
        rows = s.scalars(q).all()
        out = [_info(r, bundled, today, r.id) for r in rows]
    stored = {(i.code, i.version) for i in out}
    out += [_info(r, bundled, today, None) for key, r in bundled.items()
            if key not in stored and (code is None or r.code == code)]
    out.sort(key=lambda i: (i.code, i.effective_from, i.version))
    return out


def rule_codes(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(code, title) of every rule, for the administrator's list."""
    titles: dict[str, str] = {}
    for info in list_rule_versions(ctx):
        titles.setdefault(info.code, info.title)
        if info.title:
            titles[info.code] = info.title
    return sorted(titles.items())


def get_rule_version(ctx: ServiceContext, rule_id: int) -> RuleVersionInfo:
    require(ctx, READ)
    bundled = {(r.code, r.version): r for r in load_rulebook().all()}
    with ctx.read() as s:
        row = s.get(RuleVersionRow, rule_id)
        if row is None:
            raise NotFoundError("rule_not_found", "Không tìm thấy phiên bản quy định này.", field="rule")
        return _info(row, bundled, clock.today(), row.id)


# ============================================================================================== validation


def _parse_params(params: dict[str, Any] | str) -> tuple[dict[str, Any] | None, str | None]:
    if isinstance(params, dict):
        return params, None
    try:
        value = json.loads(params or "")
    except json.JSONDecodeError as exc:
        return None, f"Tham số không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}): {exc.msg}."
    if not isinstance(value, dict):
        return None, "Tham số phải là một đối tượng JSON ({ ... })."
    return value, None


def _probe_retirement_age(rv: RuleVersion, book: RuleBook) -> None:
    for sex in ("M", "F"):
        for born in (date(1955, 6, 1), date(1965, 2, 1), date(1975, 5, 1), date(1990, 1, 1)):
            retirement_age(sex, born, rv)


def _probe_pay_step(rv: RuleVersion, book: RuleBook) -> None:
    for cls in ("A3.1", "A2.1", "A1", "A0", "B", "C1"):
        int(lookup_by_class(rv.params["interval_months"], cls))
    for category, table in rv.params["discipline_delay_months"].items():
        step_delay(list(table), 1, (), category, book, rv.effective_from)
    int(rv.params["kht_year_delay_months"])
    for days in (10, 11, 21, 22, 33):
        odd_days_to_months(days, rv)
    if not isinstance(rv.params["probation_counts"], bool):
        raise ValueError("probation_counts")


def _probe_work_calendar(rv: RuleVersion, book: RuleBook) -> None:
    start = rv.effective_from
    end = min(rv.effective_to or date.max, start + timedelta(days=366))
    WorkCalendar(book).working_days(start, end)


def _probe_pctnvk(rv: RuleVersion, book: RuleBook) -> None:
    for cls in ("A3.1", "A1", "A0", "B", "C1"):
        int(lookup_by_class(rv.params["first_after_months"], cls))
    for key in ("first_percent", "increase_percent", "increase_every_months"):
        if int(rv.params[key]) < 0:
            raise ValueError(key)


def _probe_early_step(rv: RuleVersion, book: RuleBook) -> None:
    early_step_quota(95, book, rv.effective_from.year)
    for key in ("max_months_short", "max_months_early", "retirement_max_months_short"):
        int(rv.params[key])


def _probe_probation(rv: RuleVersion, book: RuleBook) -> None:
    for category, spec in rv.params.items():
        if isinstance(spec, dict) and "months_by_level" in spec:
            for level in spec["months_by_level"]:
                probation(category, level, rv.effective_from, book, [20])


def _probe_appointment(rv: RuleVersion, book: RuleBook) -> None:
    term_end(rv.effective_from, None, book)
    term_alerts(date(rv.effective_from.year + 5, 6, 30), book)
    reappointment_kind(rv.effective_from, date(rv.effective_from.year + 3, 1, 1), book)


def _probe_evaluation(rv: RuleVersion, book: RuleBook) -> None:
    last = (rv.effective_to or rv.effective_from).year
    years = [y for y in range(rv.effective_from.year, last + 1) if rv.applies_on(date(y, 12, 31))]
    if not years:
        return  # a version that covers no 31/12 is never used for a year's evaluation
    year = years[0]
    for category, spec in rv.params.items():
        if isinstance(spec, dict) and "htxs_cap" in spec:
            htxs_cap_check(["htt"] * 10 + ["htxs"], book, year, category)
            if spec.get("score_bands"):
                rating_from_score("75", book, year, category)


def _probe_salary_scale(rv: RuleVersion, book: RuleBook) -> None:
    for cls, spec in rv.params["classes"].items():
        values = [Decimal(str(c)) for c in spec["coefficients"]]
        if not values or any(not c.is_finite() or c <= 0 for c in values):
            raise ValueError(cls)


def _probe_post_allowance(rv: RuleVersion, book: RuleBook) -> None:
    groups = set(rv.params.get("province_groups") or {}) | {str(rv.params.get("default_group", "khac"))}
    for post_code, row in rv.params["by_post"].items():
        for group, value in row.items():
            if group not in groups:
                raise ValueError(group)
            if to_decimal(value) < 0:
                raise ValueError(post_code)
    for post_code in rv.params["by_post"]:
        for province in ("ha_noi", "gia_lai", None):
            post_allowance(post_code, province, book, rv.effective_from)


def _probe_deputy_limits(rv: RuleVersion, book: RuleBook) -> None:
    provinces = [None, *(p for members in (rv.params.get("province_groups") or {}).values() for p in members)]
    for province in provinces:
        for headcount in range(0, 60):
            max_deputies(rv, headcount, province)


def _probe_base_salary(rv: RuleVersion, book: RuleBook) -> None:
    if Decimal(str(rv.params["amount"])) <= 0:
        raise ValueError("amount")


def _probe_notice(rv: RuleVersion, book: RuleBook) -> None:
    if int(rv.params["months_before"]) < 0:
        raise ValueError("months_before")


PROBES: dict[str, Callable[[RuleVersion, RuleBook], None]] = {
    "retirement_age": _probe_retirement_age,
    "retirement_notice": _probe_notice,
    "pay_step": _probe_pay_step,
    "work_calendar": _probe_work_calendar,
    "pctnvk": _probe_pctnvk,
    "early_step": _probe_early_step,
    "probation": _probe_probation,
    "appointment_term": _probe_appointment,
    "evaluation": _probe_evaluation,
    "salary_scale": _probe_salary_scale,
    "salary_table_4": _probe_salary_scale,
    "base_salary": _probe_base_salary,
    "post_allowance": _probe_post_allowance,
    "deputy_limits": _probe_deputy_limits,
}
"""Per rule code, a run of the rule's computation with a version's parameters; other codes get the key check."""


def _errors(dto: RuleVersionInput, others: list[RuleVersion], params: dict[str, Any] | None) -> v.Errors:
    errors: v.Errors = []
    if not (dto.code or "").strip():
        errors.append(("code", text("rule_code_missing")))
    version = (dto.version or "").strip()
    if not version:
        errors.append(("version", text("rule_version_missing")))
    elif len(version) > 60:
        errors.append(("version", text("rule_version_too_long", limit=60)))
    elif any(o.version == version for o in others):
        errors.append(("version", text("rule_version_exists", version=version)))
    if not (dto.legal_basis or "").strip():
        errors.append(("legal_basis", text("rule_basis_missing")))
    if dto.effective_from is None:
        errors.append(("effective_from", text("rule_start_missing")))
    errors += v.collect(("effective_to", v.order_error(dto.effective_from, dto.effective_to,
                                                       "ngày bắt đầu áp dụng", "Ngày hết hiệu lực")))
    if dto.effective_from is not None and not any(f == "effective_to" for f, _ in errors):
        end = dto.effective_to or date.max
        for o in others:
            o_end = o.effective_to or date.max
            if dto.effective_from <= o_end and o.effective_from <= end:
                errors.append(("effective_from", text("rule_overlap", name=o.name, start=o.effective_from,
                                                      end=o.effective_to or "…")))
                break
    if params is not None and others:
        newest = max(others, key=lambda o: o.effective_from)
        missing = [k for k in newest.params if k not in params and k not in DESCRIPTIVE_KEYS]
        if missing:
            errors.append(("params", text("rule_params_missing", name=newest.name,
                                          keys=", ".join(key_label(k) for k in missing))))
    return errors


def _probe(dto: RuleVersionInput, params: dict[str, Any], others: list[RuleVersion]) -> v.Errors:
    probe = PROBES.get(dto.code)
    if probe is None or dto.effective_from is None:
        return []
    rv = RuleVersion(dto.code, dto.version.strip(), dto.effective_from, dto.effective_to,
                     dto.legal_basis.strip(), params, dto.title)
    book = load_rulebook()
    versions = [x for x in book.all() if x.code != dto.code] + others + [rv]
    try:
        probe(rv, RuleBook(versions))
    except DomainError as exc:
        return [("params", text("rule_params_refused", detail=exc.message))]
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as exc:
        if isinstance(exc, KeyError):
            return [("params", text("rule_params_key", key=key_label(str(exc.args[0]))))]
        return [("params", text("rule_params_type"))]
    return []


def _siblings(session, code: str, exclude_id: int | None) -> list[RuleVersion]:
    rows = session.scalars(select(RuleVersionRow).where(RuleVersionRow.code == code)).all()
    out = [RuleVersion(r.code, r.version, r.effective_from, r.effective_to, r.legal_basis, r.params, r.title)
           for r in rows if r.id != exclude_id]
    stored = {r.version for r in rows}
    # bundled versions the database has not stored yet still apply (see rules_store), so they count too
    out += [b for b in load_rulebook().versions(code) if b.version not in stored]
    return out


def _save(ctx: ServiceContext, dto: RuleVersionInput, rule_id: int | None) -> RuleVersionInfo:
    require(ctx, ADMIN)
    params, problem = _parse_params(dto.params)
    with ctx.unit_of_work() as s:
        row = None
        if rule_id is not None:
            row = s.get(RuleVersionRow, rule_id)
            if row is None:
                raise NotFoundError("rule_not_found", "Không tìm thấy phiên bản quy định này.", field="rule")
            if row.code != dto.code:
                raise ValidationError([("code", messages.text("rule_code_fixed"))])
        others = _siblings(s, dto.code.strip(), rule_id)
        if rule_id is None:
            # a bundled version not stored yet is replaced by the stored one of the same name
            stored = set(s.scalars(select(RuleVersionRow.version).where(RuleVersionRow.code == dto.code.strip())))
            others = [o for o in others if o.version in stored or o.version != (dto.version or "").strip()]
        errors = _errors(dto, others, params)
        if problem:
            errors.append(("params", problem))
        if not errors and params is not None:
            errors += _probe(dto, params, others)
        v.raise_if(errors)
        assert params is not None and dto.effective_from is not None
        if row is None:
            row = RuleVersionRow(code=dto.code.strip())
            s.add(row)
        row.version = dto.version.strip()
        row.title = (dto.title or "").strip() or (others[0].title if others else "")
        row.effective_from = dto.effective_from
        row.effective_to = dto.effective_to
        row.legal_basis = dto.legal_basis.strip()
        row.params = copy.deepcopy(params)
        s.flush()
        new_id = row.id
    ctx.invalidate_rules()
    return get_rule_version(ctx, new_id)


def add_rule_version(ctx: ServiceContext, dto: RuleVersionInput) -> RuleVersionInfo:
    """A new version of a rule (e.g. a new base salary from 01/07); its period may not overlap another's."""
    return _save(ctx, dto, None)


def update_rule_version(ctx: ServiceContext, rule_id: int, dto: RuleVersionInput) -> RuleVersionInfo:
    """Correct a stored version: dates, legal basis, parameters (the code stays)."""
    return _save(ctx, dto, rule_id)


def input_of(info: RuleVersionInfo) -> RuleVersionInput:
    """The editable form of a version (what the editor starts from)."""
    return RuleVersionInput(info.code, info.version, info.effective_from, info.effective_to, info.legal_basis,
                            copy.deepcopy(info.params), info.title)
