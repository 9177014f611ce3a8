"""A synthetic province for scale work: departments with their unit tree, job positions, quotas, and people with
whole careers (employment, ranks, salary history, posts, qualifications, evaluations), a recruitment round,
a succession plan and training, written with bulk inserts in one transaction. The same seed and day give the
same data; the names, places and schools come from the demo department's word lists."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from hrapp import clock, messages
from hrapp.context import ServiceContext
from hrapp.db import audit
from hrapp.db.models import JobPosition, OrgUnit
from hrapp.demo.generator_data import (
    DEPARTMENTS,
    MAX_EMPLOYEES,
    MAX_UNITS,
    NOT_EMPTY,
    OWN_UNITS,
    POSTS,
    STAFF_WEIGHT,
    SUB_PHONG,
    ProgressCallback,
    Unit,
    vn_number,
)
from hrapp.demo.generator_extras import ExtrasBuilder
from hrapp.demo.generator_people import PeopleBuilder
from hrapp.errors import DomainError, ValidationError
from hrapp.security import ADMIN, require
from hrapp.services.setup import is_empty

# the stages reported to `progress`, and the code of their words in hrapp/messages
STAGES = {
    "units": "generate_stage_units",
    "people": "generate_stage_people",
    "quotas": "generate_stage_quotas",
    "extras": "generate_stage_extras",
}


def stage_label(stage: str) -> str:
    """The name of a stage of the generator, in the language of the session."""
    return messages.word(STAGES[stage]) if stage in STAGES else stage


@dataclass(frozen=True)
class GenerateSummary:
    """What was written: rows per table, the day the data describes and how long it took."""

    employees: int
    units: int
    seed: int
    as_of: date
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self) -> str:
        rows = sum(self.counts.values())
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        return messages.text("generate_done", people=vn_number(self.employees), units=vn_number(self.units),
                             rows=vn_number(rows), day=self.as_of, seconds=seconds)


class _Generator(PeopleBuilder, ExtrasBuilder):
    """One generation: the unit tree and positions, then the other stages in order."""

    # ---------------------------------------------------------------------------------------- units
    def build_units(self) -> None:
        districts = [d["name"] for d in self.words["districts"]]
        n_depts = max(1, min(len(DEPARTMENTS) * 4, math.ceil(self.n_units / 25)))
        self._top = []
        planned: list[tuple[int, str, str, int | None, str, bool]] = []  # dept, kind, name, parent index, post kind

        def add(dept: int, kind: str, name: str, parent: int | None, post_kind: str, admin: bool) -> int:
            planned.append((dept, kind, name, parent, post_kind, admin))
            return len(planned) - 1

        # Every department first, so a small province still has whole departments at its top.
        for d in range(n_depts):
            code, name, phong, _cc, _tt, _dv = DEPARTMENTS[d % len(DEPARTMENTS)]
            if d >= len(DEPARTMENTS):
                name = f"{name} (khu vực {d // len(DEPARTMENTS) + 1})"
            top = add(d, "so", name, None, "", True)
            self._top.append(top)
            for kind, unit_name in OWN_UNITS:
                add(d, kind, unit_name, top, kind, True)
            for unit_name in phong:
                add(d, "phong", unit_name, top, "phong", True)
        for d in range(n_depts):
            _code, _name, _phong, chi_cuc, trung_tam, _dv = DEPARTMENTS[d % len(DEPARTMENTS)]
            for unit_name in chi_cuc:
                parent = add(d, "chi_cuc", unit_name, self._top[d], "chi_cuc", True)
                for sub in SUB_PHONG["chi_cuc"]:
                    add(d, "phong_thuoc", sub, parent, "phong_chi_cuc", True)
            for unit_name in trung_tam:
                parent = add(d, "trung_tam", unit_name, self._top[d], "trung_tam", False)
                for sub in SUB_PHONG["trung_tam"]:
                    add(d, "phong_thuoc", sub, parent, "phong_trung_tam", False)
        # Public service units (schools, health centres ...) fill the rest, district by district.
        fillers = [d for d in range(n_depts) if DEPARTMENTS[d % len(DEPARTMENTS)][5]] or list(range(n_depts))
        n = 0
        while len(planned) < self.n_units:
            d = fillers[n % len(fillers)]
            pattern = DEPARTMENTS[d % len(DEPARTMENTS)][5] or "Trung tâm Dịch vụ công số {n}"
            district = districts[(n // len(fillers)) % len(districts)]
            add(d, "dvsn", pattern.format(n=n // len(fillers) + 1, district=district), self._top[d], "dvsn", False)
            n += 1
        planned = planned[:self.n_units]
        rows = []
        for i, (dept, kind, name, parent_index, post_kind, admin) in enumerate(planned):
            code = DEPARTMENTS[dept % len(DEPARTMENTS)][0] + (f"{dept // len(DEPARTMENTS) + 1}"
                                                               if dept >= len(DEPARTMENTS) else "")
            unit_code = code if parent_index is None else f"{code}-{i:04d}"
            unit = Unit(i + 1, unit_code, name, kind, parent_index + 1 if parent_index is not None else None, dept,
                        post_kind, admin)
            self.units.append(unit)
            rows.append({"id": unit.id, "code": unit.code, "name": name, "kind": kind, "parent_id": unit.parent_id,
                         "sort_order": i, "active_from": date(2008, 1, 1), "created_at": self.stamp,
                         "updated_at": self.stamp})
        self._top = [t for t in self._top if t < len(self.units)]
        self.insert(OrgUnit, rows)
        self.staffed = [u for u in self.units if STAFF_WEIGHT[u.kind] > 0] or self.units
        self._unit_values, self._unit_cum = self.staffed, list(accumulate(STAFF_WEIGHT[u.kind] or 1
                                                                         for u in self.staffed))

    def build_positions(self) -> None:
        rows = []
        pid = 0
        for u in self.units:
            if u.kind == "so":
                continue
            specs = []
            if u.post_kind in POSTS:
                specs.append(("lanh_dao", f"Lãnh đạo {u.name}", True))
            if u.admin:
                specs += [("chuyen_nganh", "Chuyên viên quản lý chuyên ngành", False),
                          ("dung_chung", "Chuyên viên tổng hợp", False), ("ho_tro", "Nhân viên hỗ trợ, phục vụ", False)]
            else:
                specs += [("chuyen_nganh", "Viên chức chuyên môn nghiệp vụ", False),
                          ("dung_chung", "Kế toán viên", False), ("ho_tro", "Nhân viên hỗ trợ, phục vụ", False)]
            for n, (group, name, lead) in enumerate(specs, start=1):
                pid += 1
                rows.append({"id": pid, "code": f"{u.code}-VT{n:02d}", "name": name, "unit_id": u.id, "group": group,
                             "number_needed": 1 if lead else 5, "status": "approved",
                             "effective_from": date(2023, 1, 1), "version_no": 1, "is_leadership": lead,
                             "req_education_level": "DH" if group != "ho_tro" else "TC",
                             "created_at": self.stamp, "updated_at": self.stamp})
                if lead:
                    u.leader_position = pid
                else:
                    u.positions.append(pid)
        self.insert(JobPosition, rows)


def generate_province(ctx: ServiceContext, employees: int, units: int, *, seed: int = 1, as_of: date | None = None,
                      progress: ProgressCallback | None = None) -> GenerateSummary:
    """Fill an empty database with a synthetic province of `employees` people in `units` units.

    Everything is written in one transaction with bulk inserts and one audit row for the whole generation;
    the same seed and day give the same data. `progress(stage, done, total)` reports the people written.
    """
    require(ctx, ADMIN)
    errors: list[tuple[str, str]] = []
    if not isinstance(employees, int) or not 1 <= employees <= MAX_EMPLOYEES:
        errors.append(("employees", messages.text("generate_people_range", limit=vn_number(MAX_EMPLOYEES))))
    if not isinstance(units, int) or not 1 <= units <= MAX_UNITS:
        errors.append(("units", messages.text("generate_units_range", limit=vn_number(MAX_UNITS))))
    if errors:
        raise ValidationError(errors)
    as_of = as_of or clock.today()
    if not is_empty(ctx):
        raise DomainError("not_empty", NOT_EMPTY)
    started = time.perf_counter()
    rulebook = ctx.rulebook
    with ctx.unit_of_work() as s:
        with audit.bulk(s, "generate", "database") as trail:
            gen = _Generator(s.connection(), rulebook, employees, units, seed, as_of, progress)
            gen.tick("units", 0, 1)
            gen.build_units()
            gen.build_positions()
            gen.tick("units", 1, 1)
            gen.build_people()
            gen.build_posts()
            gen.tick("quotas", 0, 1)
            gen.build_quotas()
            gen.tick("quotas", 1, 1)
            gen.tick("extras", 0, 1)
            gen.build_recruitment()
            gen.build_planning()
            gen.build_training()
            gen.flush_decisions()
            gen.fix_sequences()
            gen.tick("extras", 1, 1)
            trail.summary = (f"Sinh dữ liệu giả lập: {employees} người, {len(gen.units)} đơn vị, hạt giống {seed}, "
                             f"tính đến ngày {as_of:%d/%m/%Y}")
            trail.changes = dict(sorted(gen.counts.items()))
    return GenerateSummary(employees, len(gen.units), seed, as_of, dict(sorted(gen.counts.items())),
                           time.perf_counter() - started)
