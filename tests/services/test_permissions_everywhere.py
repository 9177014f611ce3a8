"""Every service checks the role, not only the interface: the functions are discovered by introspection and
called with arguments made from the demo department, and nothing reaches the database before the refusal.

- nobody signed in (accounts on): every function taking the context is refused, except the few listed in
  NO_SIGN_IN with the reason;
- the read-only role: every function that writes (it opens a unit of work) is refused, except the documents
  and exports (read right; personal data masked and the output recorded) and the sign-in itself;
- a personnel officer limited to one unit is refused for a record of another unit and allowed for its own.
"""

from __future__ import annotations

import ast
import collections.abc
import dataclasses
import importlib
import inspect
import os
import pkgutil
import shutil
import sys
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

import hrapp.context
import hrapp.demo
import hrapp.io
import hrapp.masking
import hrapp.queries
import hrapp.reports
import hrapp.security
import hrapp.services
from hrapp.context import ServiceContext
from hrapp.db import models as m
from hrapp.errors import HrappError, NotFoundError, PermissionDeniedError

PACKAGES = (hrapp.services, hrapp.demo, hrapp.io, hrapp.reports, hrapp.queries)
MODULES = (hrapp.context, hrapp.security, hrapp.masking)  # once in hrapp.services, now below the queries
WRITE_MARKS = ("unit_of_work(", "bulk(")

NO_SIGN_IN: dict[str, str] = {
    "hrapp.services.accounts.accounts_enabled": "decides whether a sign-in is asked for",
    "hrapp.context.read_accounts_enabled": "decides whether a sign-in is asked for",
    "hrapp.services.accounts.lockout_policy": "the sign-in rule itself (regulation data)",
    "hrapp.services.accounts.authenticate": "the sign-in: proves the password",
    "hrapp.services.accounts.sign_in": "the sign-in: proves the password",
    "hrapp.services.accounts.change_password": "proves the old password like a sign-in",
    "hrapp.services.backup.daily_backup": "the program's own copy at start, made before anyone signs in",
    "hrapp.services.setup.seed_reference_data": "fills the catalogues of a new database",
    "hrapp.services.setup.is_empty": "whether the first start offers the demo department",
    "hrapp.services.setup.settings": "the agency's name on the sign-in screen and letterheads",
    "hrapp.services.rules_store.load_rulebook_from_db": "regulation data, the same for everyone",
    "hrapp.context.read_rulebook": "regulation data, the same for everyone",
    "hrapp.services.evaluations.score_rating": "a rule computed on the numbers given; reads no record",
    "hrapp.services.recruitment.rounds.round_errors": "checks the values of a form; reads no record",
    "hrapp.masking.can_see_personal": "part of the check",
    "hrapp.masking.mask_dto": "part of the check",
    "hrapp.masking.mask_record": "part of the check",
    "hrapp.security.has_permission": "part of the check",
    "hrapp.security.in_scope": "part of the check",
    "hrapp.security.units_in_scope": "part of the check",
    "hrapp.security.require": "the check",
    "hrapp.reports.cv_2c.cv_context": "letterhead of a record already read through load_profile",
    "hrapp.reports.letterhead.letterhead_for": "letterhead from the agency settings",
    "hrapp.services.encryption.is_encrypted": "whether the database file asks a passphrase; reads no record",
    "hrapp.services.agency.get_agency": "the agency's name on the sign-in screen and letterheads",
    "hrapp.reports.letterhead.council_letterhead": "letterhead from the agency settings",
    "hrapp.reports.recruitment_common.council_letterhead": "letterhead of a round already read",
}
SIGN_IN = {name for name, why in NO_SIGN_IN.items() if "sign-in" in why or "password" in why}
OUTPUT_MODULES = ("hrapp.reports.", "hrapp.io.excel_export")  # documents and exports: read right


# ------------------------------------------------------------------------------------------ discovery


def _functions(module: types.ModuleType) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(inspect.getsource(module))
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def _writers(module: types.ModuleType) -> set[str]:
    """Functions of the module that open a unit of work, directly or through the module's own helpers (in a
    package of one area, hrapp.services.persons, the helpers its modules share count as their own)."""
    own = _functions(module)
    funcs = dict(own)
    package = module.__name__.rpartition(".")[0]
    if package not in {p.__name__ for p in PACKAGES}:
        for sibling in pkgutil.iter_modules(sys.modules[package].__path__, package + "."):
            funcs = {**_functions(importlib.import_module(sibling.name)), **funcs}
    direct = {n: any(mark in ast.unparse(f) for mark in WRITE_MARKS) for n, f in funcs.items()}
    calls = {n: {c.func.id for c in ast.walk(f) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
                 and c.func.id in funcs} for n, f in funcs.items()}

    def reaches(name: str, seen: set[str]) -> bool:
        if name in seen:
            return False
        seen.add(name)
        return direct[name] or any(reaches(c, seen) for c in calls[name])

    return {n for n in own if reaches(n, set())}


@dataclasses.dataclass(frozen=True)
class Service:
    name: str
    fn: Callable[..., Any]
    writes: bool

    def __str__(self) -> str:
        return self.name


def discover() -> list[Service]:
    found = []
    modules = [info.name for package in PACKAGES
               for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    for module_name in modules + [module.__name__ for module in MODULES]:
        module = importlib.import_module(module_name)
        writers = _writers(module)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "ctx":
                found.append(Service(f"{module_name}.{name}", fn, name in writers))
    return sorted(found, key=lambda s: s.name)


SERVICES = discover()
GUARDED = [s for s in SERVICES if s.name not in NO_SIGN_IN]
WRITERS = [s for s in SERVICES if s.writes and s.name not in SIGN_IN and s.name not in NO_SIGN_IN
           and not s.name.startswith(OUTPUT_MODULES)]


# ------------------------------------------------------------------------------------------ arguments

ID_MODELS: dict[str, type] = {
    "person_id": m.Person, "unit_id": m.OrgUnit, "other_unit_id": m.OrgUnit, "parent_id": m.OrgUnit,
    "into_id": m.OrgUnit, "position_id": m.JobPosition, "qualification_id": m.Qualification,
    "attachment_id": m.Attachment, "round_id": m.RecruitmentRound, "candidate_id": m.Candidate,
    "target_id": m.RecruitmentTarget, "period_id": m.PlanningPeriod, "plan_id": m.TrainingPlan,
    "line_id": m.TrainingPlanLine, "record_id": m.TrainingRecord, "commitment_id": m.StudyCommitment,
    "review_id": m.PlanningReview, "rule_id": m.RuleVersionRow, "course_id": m.Course, "decision_id": m.Decision,
    "entry_id": m.PlanningEntry, "score_id": m.Score, "assignment_id": m.PositionAssignment,
}
POST_MODELS = {"hrapp.services.persons.career": m.PostHeld, "hrapp.services.planning.periods": m.PlanningPost,
               "hrapp.services.planning.checks": m.PlanningPost}


def _table() -> Any:
    from hrapp.reports.document import Column, TableSpec

    return TableSpec(columns=(Column("Họ và tên", 60),), rows=(("Nguyễn Văn A",),))


def _samples() -> dict[type, Callable[[], Any]]:
    """Values the generic rules cannot make (a table needs a column)."""
    from hrapp.reports.document import TableSpec

    return {TableSpec: _table}


SAMPLES = _samples()
SEQUENCES = (list, tuple, set, frozenset, collections.abc.Sequence, collections.abc.Iterable,
             collections.abc.Collection)


def _hints(obj: Any) -> dict[str, Any]:
    """Parameter or field annotations evaluated in the defining module (names only imported for type
    checking stay unresolved, as None)."""
    module = sys.modules[obj.__module__]
    items = ([(f.name, f.type) for f in dataclasses.fields(obj)] if dataclasses.is_dataclass(obj) else
             [(n, p.annotation) for n, p in inspect.signature(obj).parameters.items() if p.annotation is not p.empty])
    out = {}
    for name, annotation in items:
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, vars(module), {"ServiceContext": ServiceContext})
            except NameError:
                annotation = None
        out[name] = annotation
    return out


class Arguments:
    """Minimal values of the right type, ids of rows that exist in the demo department."""

    def __init__(self, ctx: ServiceContext, folder: Path):
        self.ctx = ctx
        self.folder = folder
        self._first: dict[type, int | None] = {}

    def first_id(self, model: type) -> int | None:
        if model not in self._first:
            with self.ctx.read() as s:
                self._first[model] = s.scalar(select(model.id).order_by(model.id).limit(1))
        return self._first[model]

    def value(self, name: str, tp: Any, module: str) -> Any:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            if int in options and (name.endswith("_id") or name in ("period", "unit")):
                return self.value(name, int, module)
            return self.value(name, options[0], module) if options else None
        if tp is int:
            if name == "post_id":
                return self.first_id(POST_MODELS.get(module, m.PostHeld))
            if name in ID_MODELS:
                return self.first_id(ID_MODELS[name])
            return 2022 if "year" in name else 1
        if tp is str:
            return str(self.folder / "out.xlsx") if name in ("target", "path") else "x"
        if tp is bool:
            return False
        if tp is bytes:
            return b"\x89PNG\r\n\x1a\n"
        if tp is date:
            return date(2022, 6, 30)
        if tp is datetime:
            return datetime(2022, 6, 30, 8, 0)
        if tp is Decimal:
            return Decimal("1")
        if origin in SEQUENCES or tp in SEQUENCES:
            return origin() if origin in (list, tuple, set, frozenset) else ()
        if origin is dict or tp is dict:
            return {}
        if tp is os.PathLike or origin is os.PathLike:
            return self.folder / "out.xlsx"
        if dataclasses.is_dataclass(tp):
            return self.dto(tp, module)
        return None

    def dto(self, cls: type, module: str) -> Any:
        if cls in SAMPLES:
            return SAMPLES[cls]()
        hints = _hints(cls)
        required = {f.name: self.value(f.name, hints[f.name], module) for f in dataclasses.fields(cls)
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
        return cls(**required)

    def call(self, fn: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
        hints = _hints(fn)
        args, kwargs = [], {}
        for p in list(inspect.signature(fn).parameters.values())[1:]:
            if p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            value = self.value(p.name, hints.get(p.name), fn.__module__)
            if p.kind == p.KEYWORD_ONLY:
                kwargs[p.name] = value
            else:
                args.append(value)
        return args, kwargs


class WriteSpy:
    """Every INSERT, UPDATE or DELETE sent to the database, except to the audit trail."""

    def __init__(self, ctx: ServiceContext):
        self.statements: list[str] = []
        event.listen(ctx.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement: str, *_rest: Any) -> None:
        words = statement.split(None, 3)
        if not words or words[0].upper() not in ("INSERT", "UPDATE", "DELETE"):
            return
        table = (words[1] if words[0].upper() == "UPDATE" else words[2]).strip('"').split("(")[0]
        if table != "audit_log":
            self.statements.append(" ".join(statement.split())[:100])


@dataclasses.dataclass
class World:
    ctx: ServiceContext
    args: Arguments
    spy: WriteSpy

    def attempt(self, service: Service) -> BaseException | None:
        """Call the service; returns what it raised (None: it ran)."""
        self.spy.statements.clear()
        args, kwargs = self.args.call(service.fn)
        try:
            service.fn(self.ctx, *args, **kwargs)
        except (HrappError, Exception) as exc:  # noqa: BLE001 - the test looks at which error came
            return exc
        return None


@pytest.fixture(scope="module")
def world(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The demo department with accounts on, one attachment and one concurrent position added."""
    folder = tmp_path_factory.mktemp("permissions")
    path = folder / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    ctx = ServiceContext.open(str(path))
    ctx.user = "tester"
    with ctx.unit_of_work() as s:
        person = s.scalar(select(m.Person).order_by(m.Person.id).limit(1))
        s.add(m.Attachment(person_id=person.id, kind="khac", filename="qd.pdf", mime="application/pdf", size=4,
                           data=b"%PDF"))
        s.add(m.PositionAssignment(person_id=person.id, position_id=s.scalar(select(m.JobPosition.id).limit(1)),
                                   start_date=date(2021, 1, 1)))
    ctx.accounts_on = True
    yield World(ctx, Arguments(ctx, folder), WriteSpy(ctx))
    ctx.engine.dispose()


# ------------------------------------------------------------------------------------------ the checks


def test_discovery_finds_the_services_of_every_area():
    names = {s.name for s in WRITERS}
    assert len(WRITERS) > 80
    for expected in ("hrapp.services.persons.identity.create_person", "hrapp.services.org.create_unit",
                     "hrapp.services.quotas.set_quota", "hrapp.services.training.records.send",
                     "hrapp.services.recruitment.scores.enter_scores", "hrapp.services.planning.appointments.appoint",
                     "hrapp.services.pay_list_approval.approve_pay_list", "hrapp.io.excel_import.import_employees",
                     "hrapp.services.backup.backup", "hrapp.services.accounts.create_user"):
        assert expected in names
    assert {s.name for s in GUARDED} >= {"hrapp.queries.audit.audit_page", "hrapp.reports.cv_2c.export_cv",
                                         "hrapp.queries.person_profile.load_profile"}
    assert set(NO_SIGN_IN) <= {s.name for s in SERVICES}, "an exemption names a function that no longer exists"


@pytest.mark.parametrize("service", GUARDED, ids=str)
def test_nobody_signed_in_is_refused_before_anything_is_written(world, service):
    world.ctx.sign_out()
    raised = world.attempt(service)
    assert isinstance(raised, PermissionDeniedError), f"{service}: {raised!r}"
    assert raised.code == "not_signed_in"
    assert world.spy.statements == []


@pytest.mark.parametrize("service", WRITERS, ids=str)
def test_the_read_only_role_is_refused_every_change_before_anything_is_written(world, service):
    world.ctx.sign_in("khach", "xem")
    raised = world.attempt(service)
    assert isinstance(raised, PermissionDeniedError), f"{service}: {raised!r}"
    assert world.spy.statements == []


def test_the_read_only_role_gets_documents_with_personal_data_masked_and_recorded(world):
    from hrapp.queries.person_detail import load_person_detail
    from hrapp.queries.person_profile import load_profile

    world.ctx.sign_in("khach", "xem")
    with world.ctx.read() as s:
        person_id, cccd = s.execute(select(m.Person.id, m.Person.id_number).where(m.Person.id_number.is_not(None))
                                    .order_by(m.Person.id).limit(1)).one()
    detail = load_person_detail(world.ctx, person_id)
    assert detail.id_number != cccd and detail.id_number.startswith(cccd[:3]) and "*" in detail.id_number
    assert load_profile(world.ctx, person_id).identity.id_number == detail.id_number
    world.ctx.sign_in("lan", "to_chuc_can_bo")
    assert load_person_detail(world.ctx, person_id).id_number == cccd


# ------------------------------------------------------------------------------------------ unit scope


def _unit_pair(ctx: ServiceContext) -> tuple[int, int, int, int]:
    """Two units without sub-units, each with people: (own unit, a person in it, other unit, a person there)."""
    from hrapp.db.scope import limit_to_units

    with ctx.read() as s:
        limit_to_units(s, None)  # the whole department, whoever the previous test left signed in
        rows = s.execute(select(m.Person.cur_unit_id, m.Person.id).where(m.Person.cur_unit_id.is_not(None),
                                                                         m.Person.status == "working")
                         .order_by(m.Person.id)).all()
        parents = dict(s.execute(select(m.OrgUnit.id, m.OrgUnit.parent_id)).all())
    by_unit: dict[int, int] = {}
    for unit, person in rows:
        by_unit.setdefault(unit, person)
    leaves = [u for u in by_unit if u not in parents.values()]  # neither holds the other
    own, other = leaves[0], leaves[1]
    return own, by_unit[own], other, by_unit[other]


def _scoped_calls(ctx: ServiceContext, person_id: int, unit_id: int) -> dict[str, Callable[[], Any]]:
    from hrapp.queries.person_profile import load_profile
    from hrapp.services import org, persons, quotas
    from hrapp.services.decisions import DecisionInput
    from hrapp.services.persons._shared import _profile

    decision = DecisionInput("99/QĐ-SKHCN", date(2024, 5, 2))
    profile = _profile(ctx, person_id)  # read as an administrator would, to build the edit
    return {
        "update_person": lambda: persons.update_person(ctx, persons.PersonUpdate(
            person_id, profile.row_version, dataclasses.replace(profile.identity, phone="0905000111"))),
        "add_award": lambda: persons.add_award(ctx, person_id, persons.AwardInput(
            award_date=date(2024, 5, 2), form="Giấy khen", decision=decision)),
        "rename_unit": lambda: org.rename_unit(ctx, org.RenameUnit(unit_id=unit_id, name="Phòng Đổi Tên",
                                                                   decision=decision)),
        "set_quota": lambda: quotas.set_quota(ctx, 2024, unit_id, "cong_chuc", 5, decision),
        "load_profile": lambda: load_profile(ctx, person_id),
    }


def test_an_officer_limited_to_one_unit_is_refused_for_another_unit_and_allowed_in_its_own(world):
    ctx = world.ctx
    own, own_person, other, other_person = _unit_pair(ctx)
    others, owns = _scoped_calls(ctx, other_person, other), _scoped_calls(ctx, own_person, own)
    ctx.sign_in("truongphong", "to_chuc_can_bo", (own,))
    for name, call in others.items():
        world.spy.statements.clear()
        # a person outside is not found, as if there were nobody; a unit outside is refused in words that
        # say the same of a unit that does not exist
        with pytest.raises((PermissionDeniedError, NotFoundError)) as refused:
            call()
        assert refused.value.code in ("out_of_scope", "person_not_found"), name
        assert world.spy.statements == [], name
    for name, call in owns.items():
        world.spy.statements.clear()
        call()
        assert world.spy.statements or name == "load_profile", name


def test_approving_lists_is_the_leaders_right_and_editing_is_not(world):
    from hrapp.services.pay_list_approval import ApprovalInput, approve_pay_list
    from hrapp.services.persons import AwardInput, add_award

    ctx = world.ctx
    _own, person, _other, _ = _unit_pair(ctx)
    ctx.sign_in("giamdoc", "lanh_dao")
    with pytest.raises(PermissionDeniedError):
        add_award(ctx, person, AwardInput(award_date=date(2024, 5, 2), form="Giấy khen"))
    ctx.sign_in("lan", "to_chuc_can_bo")
    world.spy.statements.clear()
    with pytest.raises(PermissionDeniedError) as refused:
        approve_pay_list(ctx, world.args.dto(ApprovalInput, "hrapp.services.pay_list_approval"))
    assert refused.value.params["permission"] == "approve"
    assert world.spy.statements == []
