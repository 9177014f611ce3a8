"""The demo department: Sở KH&CN Bình Định as of mid-2022 (units, decisions, quotas, job positions and about
150 synthetic staff with their careers), loaded into an empty database in one transaction.

The organisation, quotas and positions come from resources/demo/department.json; people are generated from
resources/demo/people.json with a fixed seed, so every load gives the same data. Figures that the seed report
states (146 staff with college or higher, 2 TS, 2 doctoral candidates, 27 ThS, 14 cao cấp and 20 trung cấp
political theory, 39 + 57 + 5 headcount) are fixed by the data files and checked while loading.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db.audit import record
from hrapp.db.models import OrgUnit, Person
from hrapp.demo.plan import NOT_EMPTY_MESSAGE
from hrapp.demo.planner import Planner
from hrapp.demo.planning import load_demo_planning
from hrapp.demo.present import continue_demo_to
from hrapp.demo.recruitment import load_demo_recruitment
from hrapp.demo.training import load_demo_training
from hrapp.demo.writer import Writer
from hrapp.errors import DomainError
from hrapp.paths import DEMO
from hrapp.security import WRITE, require
from hrapp.services.setup import is_empty


def load_demo(ctx: ServiceContext) -> dict[str, int]:
    """Build the demo department in an empty database; refuses (and writes nothing) if it holds data."""
    require(ctx, WRITE)
    if not is_empty(ctx):
        raise DomainError("not_empty", NOT_EMPTY_MESSAGE)
    department = _read("department.json")
    people = _read("people.json")
    rulebook = ctx.rulebook
    with ctx.unit_of_work() as session:
        if _has_data(session):  # someone else loaded data since the check above
            raise DomainError("not_empty", NOT_EMPTY_MESSAGE)
        plan = Planner(department, people, rulebook).plan()
        summary = Writer(session, department, people["majors"], plan).write()
        load_demo_planning(session, rulebook)  # succession plans 2020–2025 and 2026–2031
        load_demo_training(session, rulebook)  # courses and the 2022 training plan (Kế hoạch 43/KH-SKH&CN)
        load_demo_recruitment(session, ctx)  # the 2022 rounds of Kế hoạch 148 and 173/KH-SKHCN, not yet hired
        continue_demo_to(session, rulebook, clock.today())  # the records kept from 01/07/2022 to today
        record(session, "demo_load", "database", summary=f"Nạp dữ liệu mẫu: {summary}")
    return summary


def _read(name: str) -> dict[str, Any]:
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


def _has_data(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Person))
                or session.scalar(select(func.count()).select_from(OrgUnit)))

