"""The organisation sheets of the import workbook, “Đơn vị” and “Biên chế”: read and checked with the same
row-level messages as the staff sheets, written first in the import's own transaction so that staff rows can
name the new unit codes (the employee import, hrapp.io.employee_plan, calls `plan_org`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.db.models import HeadcountQuota, OrgUnit, OrgUnitEvent
from hrapp.io import excel_template as t
from hrapp.io.workbook_rows import Codes, Issues, Row, code_lookups, column_readers, locate_sheet, parse_row
from hrapp.messages import Verbatim, text
from hrapp.services.decisions import MAX_YEAR, MIN_YEAR, DecisionInput, add_decision, decision_errors
from hrapp.services.org import CODE_RE
from hrapp.text import fold


class ImportRun(Protocol):
    """What the organisation sheets read from and update on the employee import they run in: its session,
    its problem list, the account's units, and the unit codes the staff rows will be read against (refreshed
    here once new units are written)."""

    s: Session
    issues: Issues
    scope: frozenset[int] | None
    lookups: dict[str, Codes]
    unit_ids: dict[str, int]
    unit_dates: dict[int, tuple[date | None, date | None]]


@dataclass(frozen=True)
class OrgCounts:
    units: int = 0
    quotas: int = 0
    rows: int = 0


def _decision(imp: ImportRun, row: Row, cache: dict[tuple[str, date], int]) -> int | None:
    number, signed = row.values.get("decision_number"), row.values.get("decision_date")
    if not number or not signed:
        return None
    key = (number, signed)
    if key not in cache:
        cache[key] = add_decision(imp.s, DecisionInput(number=number, sign_date=signed)).id
    return cache[key]


def _decision_issues(imp: ImportRun, row: Row, required: bool) -> None:
    number, signed = row.values.get("decision_number"), row.values.get("decision_date")
    sheet, n = row.sheet, row.number
    if number and signed is None and not imp.issues.has(sheet, n, "decision_date"):
        imp.issues.add(sheet, n, "decision_date", "", text("import_decision_without_date"))
    elif signed and not number and not imp.issues.has(sheet, n, "decision_number"):
        imp.issues.add(sheet, n, "decision_number", "", text("import_date_without_number"))
    elif number and signed:
        for fld, message in decision_errors(DecisionInput(number=number, sign_date=signed)):
            key = "decision_date" if fld.endswith("date") else "decision_number"
            imp.issues.add(sheet, n, key, row.raw.get(key), message)
    elif required:
        pass  # the required columns already reported the blanks


def plan_org(imp: ImportRun, book: dict[str, list[list[Any]]]) -> OrgCounts:
    """Check both sheets; when they are clean, write the units (parents first) and the quotas in the session.
    The caller rolls the whole transaction back if any sheet of the workbook has an error."""
    units_sheet = locate_sheet(book, t.UNITS, imp.issues, required=False)
    quotas_sheet = locate_sheet(book, t.QUOTAS, imp.issues, required=False)
    if units_sheet is None and quotas_sheet is None:
        return OrgCounts()
    before = imp.issues.count
    decisions: dict[tuple[str, date], int] = {}
    stored = {code.lower(): (uid, name) for uid, code, name in imp.s.execute(
        select(OrgUnit.id, OrgUnit.code, OrgUnit.name))}
    created = 0
    rows = 0

    # ---- units
    new: dict[str, Row] = {}  # lower-case code -> row
    if units_sheet is not None:
        converters = column_readers(units_sheet, imp.lookups)
        first: dict[str, int] = {}
        for number, cells in units_sheet.rows:
            row = parse_row(units_sheet, number, cells, converters, imp.issues)
            rows += 1
            code = row.values.get("code")
            if not code:
                continue
            if len(code) > 40 or not CODE_RE.match(code):
                imp.issues.add(units_sheet, number, "code", code,
                               text("import_unit_code_form"))
                continue
            key = code.lower()
            if key in first:
                imp.issues.add(units_sheet, number, "code", code, text("import_unit_code_repeated", row=first[key]))
                continue
            first[key] = number
            name = row.values.get("name") or ""
            if len(name) > 200:
                imp.issues.add(units_sheet, number, "name", name, text("import_unit_name_too_long"))
            if key in stored:
                if fold(stored[key][1]) != fold(name):
                    imp.issues.add(units_sheet, number, "code", code,
                                   text("import_unit_code_taken", code=code, name=stored[key][1]))
                continue  # the same unit again: kept as it is
            if imp.scope is not None:
                imp.issues.add(units_sheet, number, "code", code,
                               text("import_units_need_whole_agency"))
                continue
            _decision_issues(imp, row, required=False)
            new[key] = row
        for key, row in new.items():
            parent = (row.values.get("parent_code") or "").lower()
            if parent and parent not in new and parent not in stored:
                imp.issues.add(units_sheet, row.number, "parent_code", row.values["parent_code"],
                               text("import_no_such_unit", sheet=Verbatim(t.UNITS.name)))
            elif parent == key:
                imp.issues.add(units_sheet, row.number, "parent_code", row.values["parent_code"],
                               text("import_unit_own_parent"))
        # a loop of parents among the new units (A under B, B under A) can never be written
        for key, row in new.items():
            seen, cur = {key}, (row.values.get("parent_code") or "").lower()
            while cur in new and cur not in seen:
                seen.add(cur)
                cur = (new[cur].values.get("parent_code") or "").lower()
            if cur in seen and cur != "" and cur in new and not imp.issues.has(units_sheet, row.number, "parent_code"):
                imp.issues.add(units_sheet, row.number, "parent_code", row.values["parent_code"],
                               text("import_unit_parent_loop"))

    if imp.issues.count == before and new:
        ids = {k: v[0] for k, v in stored.items()}
        pending = dict(new)
        order = 0
        while pending:
            ready = [k for k, r in pending.items() if (r.values.get("parent_code") or "").lower() in ("", *ids)]
            for key in ready:
                row = pending.pop(key)
                values = row.values
                dec_id = _decision(imp, row, decisions)
                start = values.get("active_from") or values.get("decision_date")
                order += 1
                unit = OrgUnit(code=values["code"], name=values["name"], kind=values["kind"],
                               short_name=values.get("short_name"),
                               parent_id=ids.get((values.get("parent_code") or "").lower()),
                               sort_order=values.get("sort_order") if values.get("sort_order") is not None else order,
                               active_from=start, decision_id=dec_id)
                imp.s.add(unit)
                imp.s.flush()
                ids[key] = unit.id
                if start is not None:
                    imp.s.add(OrgUnitEvent(unit_id=unit.id, kind="create", event_date=start, decision_id=dec_id,
                                           new_value=unit.name))
                created += 1
        imp.s.flush()
        units = [(c, n) for c, n in imp.s.execute(select(OrgUnit.code, OrgUnit.name))]
        imp.unit_ids = dict(imp.s.execute(select(OrgUnit.code, OrgUnit.id)).all())
        imp.unit_dates = {i: (a, b) for i, a, b in imp.s.execute(
            select(OrgUnit.id, OrgUnit.active_from, OrgUnit.active_to))}
        imp.lookups = code_lookups(units)

    # ---- quotas (against the units as they now are)
    quotas = 0
    if quotas_sheet is not None:
        by_code = {code.lower(): uid for code, uid in imp.unit_ids.items()}
        if imp.issues.count != before:  # new units not written: their codes still count as known
            by_code.update({k: -1 for k in new})
        converters = column_readers(quotas_sheet, imp.lookups)
        first_q: dict[tuple[int, int, str], int] = {}
        planned: list[tuple[Row, int]] = []
        for number, cells in quotas_sheet.rows:
            row = parse_row(quotas_sheet, number, cells, converters, imp.issues)
            rows += 1
            values = row.values
            year, code, category, count = (values.get("year"), values.get("unit_code"), values.get("category"),
                                           values.get("number"))
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                imp.issues.add(quotas_sheet, number, "year", year, text("import_year_range", low=MIN_YEAR, high=MAX_YEAR))
            if count is not None and not 0 <= count <= 100000:
                imp.issues.add(quotas_sheet, number, "number", count, text("import_quota_range"))
            if category is not None and category not in catalogs.CATEGORIES:
                imp.issues.add(quotas_sheet, number, "category", category, text("import_quota_category"))
            unit_id = by_code.get(code.lower()) if code else None
            if code and unit_id is None:
                imp.issues.add(quotas_sheet, number, "unit_code", code,
                               text("import_no_such_unit", sheet=Verbatim(t.UNITS.name)))
            elif unit_id is not None and unit_id > 0 and year is not None:
                start, end = imp.unit_dates.get(unit_id, (None, None))
                if (start is not None and start > date(year, 12, 31)) or (end is not None and end < date(year, 1, 1)):
                    imp.issues.add(quotas_sheet, number, "unit_code", code,
                                   text("import_unit_inactive_in_year", year=year))
            if imp.scope is not None and unit_id is not None and unit_id not in imp.scope:
                imp.issues.add(quotas_sheet, number, "unit_code", code,
                               text("import_unit_out_of_scope"))
            _decision_issues(imp, row, required=True)
            if year is None or unit_id is None or category is None or count is None:
                continue
            key = (year, unit_id, category)
            if key in first_q:
                imp.issues.add(quotas_sheet, number, "category", values.get("category"),
                               text("import_quota_repeated", row=first_q[key]))
                continue
            first_q[key] = number
            planned.append((row, unit_id))
        if imp.issues.count == before:
            for row, unit_id in planned:
                values = row.values
                q = imp.s.scalar(select(HeadcountQuota).where(
                    HeadcountQuota.year == values["year"], HeadcountQuota.unit_id == unit_id,
                    HeadcountQuota.category == values["category"]))
                if q is None:
                    q = HeadcountQuota(year=values["year"], unit_id=unit_id, category=values["category"])
                    imp.s.add(q)
                q.number = values["number"]
                q.decision_id = _decision(imp, row, decisions)
                q.note = values.get("note")
                quotas += 1
            imp.s.flush()
    return OrgCounts(created, quotas, rows)
