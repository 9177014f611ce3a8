"""The employee import's reading of a workbook into plans: each row of the persons, salary, qualifications, work
and family sheets checked with the same rules as the editor and merged with what is stored (matched by CCCD);
the unit and quota sheets go first (hrapp.io.org_import). Writing the plans is hrapp.io.employee_write."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp.context import ServiceContext
from hrapp.db.models import (
    Employment,
    FamilyMember,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    WorkHistory,
)
from hrapp.db.scope import ALL_UNITS
from hrapp.domain import places
from hrapp.domain import validation as v
from hrapp.domain.person_input import PLACE_FIELDS
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import fmt_coefficient
from hrapp.io import excel_template as t
from hrapp.io.org_import import OrgCounts, plan_org
from hrapp.io.workbook_guard import ImportCancelled
from hrapp.io.workbook_rows import (
    ISSUE_DETAIL_CAP,
    BadCell,
    Issues,
    Row,
    Sheet,
    code_lookups,
    column_readers,
    locate_sheet,
    parse_row,
    read_cccd,
)
from hrapp.messages import Verbatim, text
from hrapp.security import units_in_scope
from hrapp.services import persons as ps
from hrapp.services.decisions import DecisionInput, decision_errors
from hrapp.text import fold, normalize_name

_CHUNK = 900  # SQLite bound-parameter limit for IN lists
_fold = lru_cache(maxsize=65536)(fold)  # majors, relations and names repeat across thousands of rows

ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]

# identity fields the persons sheet has a column for, and a blank identity to fill from a row
_FILE_IDENTITY = tuple(k for k in ps.IDENTITY_FIELDS if k not in ("birth_date", "birth_precision")
                       and any(c.key == k for c in t.PERSONS.columns))
_BLANK_IDENTITY = dict.fromkeys(ps.IDENTITY_FIELDS)
_CLEANED = tuple(dict.fromkeys((*_FILE_IDENTITY, "gender", "birth_precision")))
_INSURANCE = ("social_insurance_no", "health_insurance_no")

# service field names -> column keys of the Nhân sự sheet
_PERSON_FIELDS = {f: f for f in ps.IDENTITY_FIELDS} | {
    "unit_id": "unit_code", "category": "category", "start_date": "start_date",
    "recruitment_date": "recruitment_date", "rank_code": "rank_code", "salary_step": "salary_step",
    "coefficient": "coefficient", "salary_date": "salary_date",
}
_SALARY_FIELDS = {"rank_code": "rank_code", "salary_step": "salary_step", "coefficient": "coefficient",
                  "salary_date": "salary_date", "percent": "percent", "reason": "reason",
                  "decision.number": "decision_number", "decision.sign_date": "decision_date"}


@dataclass
class _Plan:
    """What one person's rows will write: a new record, or additions to an existing one."""

    row: Row
    cccd: str
    person_id: int | None
    identity: ps.IdentityInput
    employment: ps.EmploymentInput | None
    salaries: list[tuple[Row, ps.SalaryInput]] = field(default_factory=list)
    post: tuple[str, date] | None = None
    qualifications: list[ps.QualificationInput] = field(default_factory=list)
    completions: list[tuple[int, ps.QualificationInput]] = field(default_factory=list)
    work: list[ps.WorkInput] = field(default_factory=list)
    family: list[ps.FamilyInput] = field(default_factory=list)
    identity_changes: dict[str, Any] = field(default_factory=dict)
    new_employment: bool = True
    new_post: bool = True

    def changes_anything(self) -> bool:
        return bool(self.identity_changes or (self.employment is not None and self.new_employment)
                    or self.salaries or (self.post is not None and self.new_post) or self.qualifications
                    or self.completions or self.work or self.family)


@dataclass
class _Existing:
    """A stored person's identity and history, to merge the file's rows into."""

    id: int
    full_name: str
    identity: ps.IdentityInput
    employments: list[Any] = field(default_factory=list)
    salaries: list[Any] = field(default_factory=list)
    ranks: list[Any] = field(default_factory=list)
    posts: list[Any] = field(default_factory=list)
    quals: list[Any] = field(default_factory=list)
    work: list[Any] = field(default_factory=list)
    family: list[Any] = field(default_factory=list)


_HISTORY = ((Employment, "employments"), (SalaryStep, "salaries"), (RankAssignment, "ranks"), (PostHeld, "posts"),
            (Qualification, "quals"), (WorkHistory, "work"), (FamilyMember, "family"))
# the columns the merge needs (reading only these keeps a re-import of 30,000 people fast)
_COLUMNS = {
    "employments": ("start_date", "unit_id", "category", "recruitment_date"),
    "salaries": ("effective_date", "rank_code", "step", "coefficient"),
    "ranks": ("effective_date", "end_date", "rank_code"),
    "posts": ("post_code", "start_date"),
    "quals": ("id", "kind", "level_code", "major", "language", "year", "in_progress"),
    "work": ("from_date", "description"),
    "family": ("side", "relation", "full_name"),
}
_TABLES_FOR = {
    t.PERSONS.name: ("employments", "salaries", "ranks", "posts"),
    t.QUALIFICATIONS.name: ("quals",),
    t.SALARY.name: ("salaries", "ranks"),
    t.WORK.name: ("work",),
    t.FAMILY.name: ("family",),
}


class EmployeePlanner:
    """Reads the workbook's sheets into one plan per person, every row checked with the editor's rules; problems
    are collected (up to `cap` listed), nothing is written but the units and quotas the staff rows need."""

    def __init__(self, ctx: ServiceContext, session: Session, today: date, progress: ProgressCallback | None,
                 cancel: CancelCallback | None, cap: int = ISSUE_DETAIL_CAP):
        self.ctx, self.s, self.today = ctx, session, today
        self.rules: RuleBook = ctx.rulebook
        self.progress, self.cancel = progress, cancel
        self.issues = Issues(cap)
        self.warnings = Issues(cap)  # imported all the same, listed for the officer to check
        self.org = OrgCounts()
        self.done = 0
        self.total = 1
        units = [(c, n) for c, n in session.execute(select(OrgUnit.code, OrgUnit.name))]
        self.unit_ids = dict(session.execute(select(OrgUnit.code, OrgUnit.id)).all())
        self.unit_dates = {i: (a, b) for i, a, b in session.execute(
            select(OrgUnit.id, OrgUnit.active_from, OrgUnit.active_to))}
        self.lookups = code_lookups(units)
        self.scope = units_in_scope(ctx)  # None: every unit
        self.decisions: dict[tuple[str, date], int] = {}
        self.person_units: dict[int, int | None] = {}
        # every stored CCCD, also of people outside the account's units: a row naming one is refused (in words
        # that name neither the person nor the unit) instead of breaking the unique index at the write
        self.by_cccd: dict[str, tuple[int, str]] = {
            n: (i, name) for i, n, name in session.execute(
                select(Person.id, Person.id_number, Person.full_name).where(Person.id_number.is_not(None))
                .execution_options(**{ALL_UNITS: True})) if n is not None
        }

    # progress -------------------------------------------------------------------------------------
    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.done % 500 < n or self.done >= self.total:
            if self.cancel is not None and self.cancel():
                raise ImportCancelled()
            if self.progress is not None:
                self.progress(min(self.done, self.total), self.total)

    # validation -----------------------------------------------------------------------------------
    def plan(self, book: dict[str, list[list[Any]]]) -> list[_Plan]:
        self.org = plan_org(self, book)  # units and quotas first: the staff rows may name the new units
        persons = locate_sheet(book, t.PERSONS, self.issues, required=not self.org.rows)
        others = {spec.name: locate_sheet(book, spec, self.issues, required=False) for spec in t.SHEETS[1:]}
        sheets = [persons] + list(others.values())
        self.total = 2 * sum(len(s.rows) for s in sheets if s is not None) or 1
        if persons is None:
            return []
        if self.total == 1 and not self.issues.items and not self.org.rows:
            self.issues.add(persons, 2, None, "", text("import_no_rows", sheet=Verbatim(t.PERSONS.name)))
            return []
        plans: dict[str, _Plan] = {}
        first_row: dict[str, int] = {}
        parsed = []
        converters = column_readers(persons, self.lookups)
        for number, cells in persons.rows:
            parsed.append(parse_row(persons, number, cells, converters, self.issues))
            self.tick()
        numbers = {r.values.get("id_number") for r in parsed}
        tables: set[str] = set(_TABLES_FOR[t.PERSONS.name])
        for name, sheet in others.items():
            if sheet is not None:
                numbers.update(_cccd_quiet(cells, sheet) for _, cells in sheet.rows)
                tables.update(_TABLES_FOR[name])
        existing = self._load_existing(numbers, tables)
        for row in parsed:
            cccd = row.values.get("id_number")
            if cccd:
                if cccd in first_row:
                    self.issues.add(persons, row.number, "id_number", row.raw.get("id_number"),
                                    text("import_cccd_repeated", row=first_row[cccd]))
                    continue
                first_row[cccd] = row.number
            plan = self._person(row, existing.get(cccd) if cccd else None)
            if plan is not None and cccd:
                plans[cccd] = plan
        births = {c: p.identity.birth_date for c, p in plans.items()}
        for spec, handler in ((t.QUALIFICATIONS, self._qualification), (t.SALARY, self._salary),
                              (t.WORK, self._work), (t.FAMILY, self._family)):
            sheet = others.get(spec.name)
            if sheet is None:
                continue
            converters = column_readers(sheet, self.lookups)
            for number, cells in sheet.rows:
                row = parse_row(sheet, number, cells, converters, self.issues)
                self.tick()
                cccd = row.values.get("id_number")
                if not cccd:
                    continue
                plan = plans.get(cccd)
                if plan is None and cccd in first_row:
                    continue  # the person's own row has errors, already reported
                if plan is None and cccd in existing and not self._within(existing[cccd]):
                    # the words of a CCCD that is nowhere: whether it is someone's elsewhere is not told
                    self.issues.add(sheet, number, "id_number", row.raw.get("id_number"),
                                    text("import_no_such_person_in_scope", sheet=Verbatim(t.PERSONS.name)))
                    continue
                if plan is None and cccd in existing:
                    ex = existing[cccd]
                    plan = plans[cccd] = _Plan(row, cccd, ex.id, ex.identity, None)
                    births[cccd] = ex.identity.birth_date
                if plan is None:
                    self.issues.add(sheet, number, "id_number", row.raw.get("id_number"),
                                    text("import_no_such_person" if self.scope is None else
                                         "import_no_such_person_in_scope", sheet=Verbatim(t.PERSONS.name)))
                    continue
                handler(row, plan, existing.get(cccd), births.get(cccd))
        for cccd, plan in plans.items():
            if plan.salaries:
                self._check_salary_merge(plan, existing.get(cccd))
        for plan in plans.values():
            if plan.row.sheet is persons:
                self._warn_places(persons, plan)
        self._warn(persons, [p for p in plans.values() if p.row.sheet is persons and p.employment is not None
                             and (p.person_id is None or {"full_name", "birth_date"} & set(p.identity_changes))])
        return list(plans.values())

    def _within(self, ex: _Existing) -> bool:
        """Whether the stored person is one the account may change (its units, or every unit)."""
        return self.scope is None or self.person_units.get(ex.id) in self.scope

    def _warn_places(self, sheet: Sheet, plan: _Plan) -> None:
        """A new place whose name fits several official units is imported as written, without a code (or with its
        province's only): listed with the units it may mean, for the officer to pick one in the editor."""
        for key, _code in PLACE_FIELDS:
            if key not in sheet.titles or not plan.row.values.get(key):
                continue
            if plan.person_id is not None and key not in plan.identity_changes:
                continue  # the text already stored: nothing new to check
            found = places.resolve(plan.row.values[key])
            if not found.ambiguous:
                continue
            names = "; ".join(p.label for p in found.candidates[:6]) + ("; …" if len(found.candidates) > 6 else "")
            province = found.place
            self.warnings.add(sheet, plan.row.number, key, plan.row.raw.get(key), text(
                "import_place_ambiguous", places=Verbatim(names),
                kept=Verbatim(province.label if province else "")) if province else text(
                "import_place_ambiguous_nowhere", places=Verbatim(names)))

    def _warn(self, sheet: Sheet, plans: list[_Plan]) -> None:
        """What the editor would ask to confirm, listed as warnings (the rows are still imported): an age outside
        a working life, and someone recorded (or a row above) with the same name and birth under another CCCD."""
        for plan in plans:
            i = plan.identity
            for key, message in v.age_warnings(i.birth_date, plan.employment.start_date if plan.employment else None,
                                               self.today):
                self.warnings.add(sheet, plan.row.number, key, plan.row.raw.get(key), message)
        keys: dict[tuple[str, date], list[_Plan]] = {}
        for plan in plans:
            if plan.identity.birth_date is not None:
                keys.setdefault((normalize_name(plan.identity.full_name), plan.identity.birth_date), []).append(plan)
        if not keys:
            return
        stored: dict[tuple[str, date], list[tuple[int, str, str | None, int | None]]] = {}
        folded = sorted({_fold(name) for name, _ in keys})
        if not self.by_cccd and self.s.scalar(select(Person.id).limit(1)) is None:
            folded = []  # nobody stored yet (a first import): only the file's own rows can repeat
        for start in range(0, len(folded), _CHUNK):  # an ORM select: the account's unit scope applies (db/scope.py)
            for pid, name, birth, number, unit in self.s.execute(
                    select(Person.id, Person.full_name, Person.birth_date, Person.id_number, Person.cur_unit_id)
                    .where(Person.name_folded.in_(folded[start:start + _CHUNK]))):
                if (name, birth) in keys:
                    stored.setdefault((name, birth), []).append((pid, name, number, unit))
        unit_names: dict[int | None, str] = dict(self.s.execute(select(OrgUnit.id, OrgUnit.name)).all()) \
            if stored else {}
        for (name, birth), group in keys.items():
            above: list[_Plan] = []  # rows of this file with the same name and birth, higher up
            for plan in group:
                others = [(n, number, unit_names.get(unit, "")) for pid, n, number, unit in stored.get((name, birth), ())
                          if pid != plan.person_id and number != plan.cccd]
                others += [(text("import_row_above", row=p.row.number), p.cccd, "") for p in above]
                warning = v.same_person_warning(name, birth, others)
                if warning:
                    self.warnings.add(sheet, plan.row.number, "full_name", plan.row.raw.get("full_name"), warning)
                above.append(plan)

    def _load_existing(self, numbers: Iterable[str | None], tables: Iterable[str]) -> dict[str, _Existing]:
        """Stored identity and the named history tables of the people the file names, as plain rows."""
        ids = {self.by_cccd[n][0]: n for n in numbers if n and n in self.by_cccd}
        out: dict[str, _Existing] = {}
        id_list = list(ids)
        people = Person.__table__
        wanted = [(model, attr) for model, attr in _HISTORY if attr in set(tables)]
        columns = [people.c.id, people.c.cur_unit_id, *(people.c[name] for name in ps.IDENTITY_FIELDS)]
        for start in range(0, len(id_list), _CHUNK):
            chunk = id_list[start:start + _CHUNK]
            for p in self.s.execute(select(*columns).where(people.c.id.in_(chunk))).all():
                identity = ps.IdentityInput(*p[2:])  # the columns are selected in the DTO's field order
                out[ids[p[0]]] = _Existing(p[0], identity.full_name, identity)
                self.person_units[p[0]] = p[1]
            for model, attr in wanted:
                table = model.__table__
                cols = [table.c.person_id, *(table.c[name] for name in _COLUMNS[attr])]
                lists = {pid: getattr(out[ids[pid]], attr) for pid in chunk if ids[pid] in out}
                for r in self.s.execute(select(*cols).where(table.c.person_id.in_(chunk))).all():
                    lists[r[0]].append(r)
        return out

    def _map(self, row: Row, errors: v.Errors, fields: dict[str, str], default: str = "id_number") -> None:
        for fld, message in errors:
            key = fields.get(fld) or fields.get(fld.split(".")[-1]) or default
            if key not in row.sheet.titles and key != default:
                key = default
            if self.issues.has(row.sheet, row.number, key):
                continue  # the cell's own problem is already reported
            self.issues.add(row.sheet, row.number, key, row.raw.get(key), message)

    def _person(self, row: Row, ex: _Existing | None) -> _Plan | None:
        val = row.values
        if not val.get("id_number") or val.get("birth_date") is None or not val.get("full_name"):
            return None  # required cells already reported
        birth, precision = val["birth_date"]
        file_identity = {k: val[k] for k in _FILE_IDENTITY if val[k] is not None}
        file_identity["birth_date"], file_identity["birth_precision"] = birth, precision
        for k in _INSURANCE:  # stored as the editor stores them: no spaces, letters in capitals
            if k in file_identity:
                file_identity[k] = v.normalize_insurance(str(file_identity[k]))
        for key, code_key in PLACE_FIELDS:  # the official unit of each place the file writes
            if key in file_identity:
                kept = getattr(ex.identity, code_key) if ex is not None else None
                file_identity[code_key] = kept if kept and places.fits(file_identity[key], kept) else \
                    places.resolve(file_identity[key]).code
        if ex is not None and not self._within(ex):
            # neither the person's name nor their unit: the file's author may not know who works where
            self.issues.add(row.sheet, row.number, "id_number", row.raw.get("id_number"),
                            text("import_cccd_out_of_scope"))
            return None
        if ex is not None:
            if normalize_name(val["full_name"]) != ex.full_name and \
                    _fold(normalize_name(val["full_name"])) != _fold(ex.full_name):
                self.issues.add(row.sheet, row.number, "id_number", row.raw.get("id_number"),
                                text("import_cccd_other_name", name=ex.full_name))
                return None
            identity = ps.IdentityInput(**{**ex.identity.__dict__, **file_identity})
            identity_changes = {k: x for k, x in file_identity.items() if k not in ("full_name", "id_number")
                                and _differs(getattr(ex.identity, k), x)}
            if normalize_name(val["full_name"]) != ex.full_name:
                identity_changes["full_name"] = val["full_name"]
        else:
            identity = ps.IdentityInput(**{**_BLANK_IDENTITY, "gender": "", **file_identity})
            identity_changes = {}
        unit_id = self.unit_ids.get(val["unit_code"]) if val.get("unit_code") else None
        employment = ps.EmploymentInput(
            category=val.get("category") or "", unit_id=unit_id, start_date=val.get("start_date"),
            recruitment_date=val.get("recruitment_date"), recruitment_agency=val.get("recruitment_agency"))
        salary = None
        if any(val.get(k) is not None for k in ("rank_code", "salary_step", "coefficient")):
            salary = ps.SalaryInput(val.get("rank_code"), val.get("salary_step"), val.get("coefficient"),
                                    val.get("salary_date") or val.get("start_date"), reason="tuyen_dung")
        check = ps.NewPerson(identity, employment, salary)
        if ex is not None and _unchanged(ex, identity_changes, employment, salary, val):
            # the row repeats what is stored (a re-import): nothing will be written from it
            return _Plan(row, val["id_number"], ex.id, identity, employment, new_employment=False,
                         new_post=False)
        if ex is not None:  # what the file leaves empty may already be in the record
            stored = max(ex.salaries, key=lambda r: r.effective_date, default=None)
            if salary is None and stored is not None:
                check = ps.NewPerson(identity, employment, ps.SalaryInput(
                    stored.rank_code, stored.step, stored.coefficient, stored.effective_date))
            recruited = next((r.recruitment_date for r in ex.employments if r.recruitment_date), None)
            if employment.recruitment_date is None and recruited is not None:
                check = ps.NewPerson(identity, ps.EmploymentInput(**{**employment.__dict__,
                                                                     "recruitment_date": recruited}),
                                     check.salary)
        self._map(row, ps.new_person_errors(check, self.rules, self.today), _PERSON_FIELDS)
        if unit_id is not None and self.scope is not None and unit_id not in self.scope:
            self.issues.add(row.sheet, row.number, "unit_code", row.raw.get("unit_code"),
                            text("import_unit_out_of_scope"))
        if unit_id is not None and employment.start_date is not None:
            since, until = self.unit_dates.get(unit_id, (None, None))
            if until is not None and employment.start_date > until:
                self.issues.add(row.sheet, row.number, "unit_code", row.raw.get("unit_code"),
                                text("import_unit_closed", day=v.dmy(until)))
        if val.get("post_code") and val.get("post_date") is None:
            self.issues.add(row.sheet, row.number, "post_date", "", text("import_post_without_date"))
        elif val.get("post_date") and not val.get("post_code"):
            self.issues.add(row.sheet, row.number, "post_code", "", text("import_date_without_post"))
        elif val.get("post_date"):
            msg = v.not_before_birth_error(val["post_date"], birth, "Ngày bổ nhiệm") or \
                v.not_future_error(val["post_date"], self.today, "Ngày bổ nhiệm")
            if msg:
                self.issues.add(row.sheet, row.number, "post_date", row.raw.get("post_date"), msg)
        plan = _Plan(row, val["id_number"], ex.id if ex else None, identity, employment,
                     identity_changes=identity_changes)
        if salary is not None:
            plan.salaries.append((row, salary))
        if val.get("post_code") and val.get("post_date"):
            plan.post = (val["post_code"], val["post_date"])
        if ex is not None:
            plan.new_employment = not any(r.start_date == employment.start_date for r in ex.employments)
            plan.new_post = plan.post is None or not any((x.post_code, x.start_date) == plan.post for x in ex.posts)
            if employment.start_date is not None and unit_id is not None:
                self._check_employment_merge(row, employment, ex)
        return plan

    def _check_employment_merge(self, row: Row, e: ps.EmploymentInput, ex: _Existing) -> None:
        same = [r for r in ex.employments if r.start_date == e.start_date]
        if same:
            r = same[0]
            if (r.unit_id, r.category) != (e.unit_id, e.category):
                self.issues.add(row.sheet, row.number, "start_date", row.raw.get("start_date"),
                                text("import_employment_differs", day=v.dmy(r.start_date)))
            return
        later = [r for r in ex.employments if r.start_date > e.start_date]
        if later:
            self.issues.add(row.sheet, row.number, "start_date", row.raw.get("start_date"),
                            text("import_employment_later", day=v.dmy(max(r.start_date for r in later))))

    def _check_salary_merge(self, plan: _Plan, ex: _Existing | None) -> None:
        """Two rows for one day must agree; rows already stored are kept (never overwritten)."""
        seen: dict[date, ps.SalaryInput] = {}
        stored = {r.effective_date: r for r in ex.salaries} if ex else {}
        keep: list[tuple[Row, ps.SalaryInput]] = []
        for row, sal in plan.salaries:
            day = sal.effective_date
            if day is None or self.issues.has(row.sheet, row.number, "salary_date"):
                continue
            other = seen.get(day)
            old = stored.get(day)
            if other is not None:
                if (other.rank_code, other.step, other.coefficient) != (sal.rank_code, sal.step, sal.coefficient):
                    self.issues.add(row.sheet, row.number, "salary_date", row.raw.get("salary_date") or day,
                                    text("import_two_salaries", day=v.dmy(day)))
                continue
            seen[day] = sal
            if old is not None:
                stored_coefficient = Decimal(old.coefficient)
                given = Decimal(str(sal.coefficient)) if sal.coefficient is not None else stored_coefficient
                if (old.rank_code, old.step, stored_coefficient) != (sal.rank_code, sal.step, given):
                    self.issues.add(row.sheet, row.number, "salary_date", row.raw.get("salary_date") or day,
                                    text("import_salary_stored", day=v.dmy(day), step=old.step,
                                         coefficient=fmt_coefficient(old.coefficient)))
                continue
            keep.append((row, sal))
        keep.sort(key=lambda pair: pair[1].effective_date)  # type: ignore[arg-type, return-value]  # checked: dated
        plan.salaries = keep
        if ex is None or not ex.ranks:
            return
        last_rank = max(r.effective_date for r in ex.ranks)
        for row, sal in keep:
            day = sal.effective_date
            assert day is not None
            if _held_rank(ex.ranks, day) != sal.rank_code and day < last_rank:
                self.issues.add(row.sheet, row.number, "rank_code", sal.rank_code,
                                text("import_rank_differs", day=v.dmy(day)))

    def _qualification(self, row: Row, plan: _Plan, ex: _Existing | None, birth: date | None) -> None:
        val = row.values
        if not val.get("kind") or not val.get("level_code"):
            return
        q = ps.QualificationInput(
            kind=val["kind"], level_code=val["level_code"], major=val.get("major"), language=val.get("language"),
            institution=val.get("institution"), mode=val.get("mode"), start_date=val.get("start_date"),
            end_date=val.get("end_date"), year=val.get("year"), certificate_no=val.get("certificate_no"),
            certificate_date=val.get("certificate_date"), expiry_date=val.get("expiry_date"),
            in_progress=bool(val.get("in_progress")))
        self._map(row, ps.qualification_errors(q, birth, self.today), {k: k for k in row.sheet.index}, "level_code")
        key = _qual_key(q.kind, q.level_code, q.major or q.language, q.year, q.in_progress)
        if any(_qual_key(x.kind, x.level_code, x.major or x.language, x.year, x.in_progress) == key
               for x in plan.qualifications):
            return  # the same line twice in the file
        if ex is not None:
            if any(_qual_key(x.kind, x.level_code, x.major or x.language, x.year, x.in_progress) == key
                   for x in ex.quals):
                return
            if not q.in_progress:
                ongoing = [x for x in ex.quals if x.in_progress and (x.kind, x.level_code) == (q.kind, q.level_code)
                           and _fold(x.major or x.language or "") == _fold(q.major or q.language or "")]
                if ongoing:
                    plan.completions.append((ongoing[0].id, q))
                    return
        plan.qualifications.append(q)

    def _salary(self, row: Row, plan: _Plan, ex: _Existing | None, birth: date | None) -> None:
        val = row.values
        decision = None
        errors: v.Errors = []
        if val.get("decision_number"):
            # a number without its date is let through here to be refused in words by decision_errors
            decision = DecisionInput(val["decision_number"], val.get("decision_date"))  # type: ignore[arg-type]
            errors += decision_errors(decision)
        elif val.get("decision_date"):
            errors.append(("decision.number", text("import_date_without_decision_number")))
        sal = ps.SalaryInput(val.get("rank_code"), val.get("salary_step"), val.get("coefficient"),
                             val.get("salary_date"), percent=val.get("percent") or 100,
                             reason=val.get("reason") or "thuong_xuyen", decision=decision)
        errors += ps.salary_errors(sal, self.rules, birth)
        self._map(row, errors, _SALARY_FIELDS)
        plan.salaries.append((row, sal))

    def _work(self, row: Row, plan: _Plan, ex: _Existing | None, birth: date | None) -> None:
        val = row.values
        w = ps.WorkInput(val.get("from_date"), val.get("to_date"), val.get("description") or "")
        self._map(row, ps.work_errors(w, birth), {"from_date": "from_date", "to_date": "to_date",
                                                  "description": "description"})
        key = (w.from_date, _fold(w.description))
        if any((x.from_date, _fold(x.description)) == key for x in plan.work + (ex.work if ex else [])):
            return
        plan.work.append(w)

    def _family(self, row: Row, plan: _Plan, ex: _Existing | None, birth: date | None) -> None:
        val = row.values
        side = "spouse" if val.get("side") == "ben_vo_chong" else "self"
        f = ps.FamilyInput(val.get("relation") or "", val.get("full_name") or "", val.get("birth_year"),
                           val.get("details"), side)
        self._map(row, ps.family_errors(f, self.today), {"relation": "relation", "full_name": "full_name",
                                                         "birth_year": "birth_year", "side": "side"})
        key = (side, _fold(f.relation), _fold(normalize_name(f.full_name)))
        if any((x.side, _fold(x.relation), _fold(x.full_name)) == key for x in plan.family + (ex.family if ex else [])):
            return
        plan.family.append(f)


def _differs(stored: Any, given: Any) -> bool:
    """A cell of the file against the stored value, as the file can hold it: texts without their surrounding
    spaces (a cell is read stripped), an empty text as nothing, a date as a date."""
    if stored.__class__ is str:
        stored = stored.strip() or None
    if isinstance(stored, datetime):
        stored = stored.date()
    return stored != given


def _unchanged(ex: _Existing, identity_changes: dict[str, Any], e: ps.EmploymentInput,
               salary: ps.SalaryInput | None, val: dict[str, Any]) -> bool:
    """True when a row of the persons sheet adds nothing to the stored record."""
    if identity_changes:
        return False
    if not any((r.start_date, r.unit_id, r.category) == (e.start_date, e.unit_id, e.category) for r in ex.employments):
        return False
    if salary is not None and not any(
            (r.effective_date, r.rank_code, r.step) == (salary.effective_date, salary.rank_code, salary.step)
            and salary.coefficient is not None and Decimal(r.coefficient) == salary.coefficient
            for r in ex.salaries):
        return False
    post = (val.get("post_code"), val.get("post_date"))
    return not post[0] or any((x.post_code, x.start_date) == post for x in ex.posts)


def _cccd_quiet(cells: list[Any], sheet: Sheet) -> str | None:
    pos = sheet.index.get("id_number")
    if pos is None or pos >= len(cells):
        return None
    try:
        return read_cccd(cells[pos])
    except BadCell:
        return None


def _held_rank(ranks: Iterable[Any], day: date) -> str | None:
    live = [r for r in ranks if r.effective_date <= day and (r.end_date is None or r.end_date >= day)]
    return max(live, key=lambda r: r.effective_date).rank_code if live else None


def _qual_key(kind: str, level: str, major: str | None, year: int | None, in_progress: bool) -> tuple:
    return kind, level, _fold(major or ""), year, in_progress
