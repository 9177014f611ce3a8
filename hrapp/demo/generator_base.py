"""What every stage of the generator uses: the connection, the draw, the bulk inserter, decisions shared
by a department, pay rules and retirement dates."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    text,
)

from hrapp import catalogs
from hrapp.db.models import (
    Base,
    Candidate,
    Course,
    Decision,
    JobPosition,
    OrgUnit,
    Person,
    PlanningPeriod,
    PlanningPost,
    RecruitmentRound,
    RecruitmentTarget,
    TrainingPlan,
)
from hrapp.demo.generator_data import DEPARTMENTS, ProgressCallback, Unit
from hrapp.domain.retirement import BirthDate, Sex, retirement
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import coefficients, lookup_by_class
from hrapp.paths import DEMO
from hrapp.services.history import insert_rows

CHUNK = 5000  # rows per executemany


def table_of(model: type[Base]) -> Table:
    """The table a mapped class writes to."""
    return model.metadata.tables[model.__tablename__]


class GeneratorBase:
    """The state of one generation; the stages build on it."""

    def __init__(self, conn: Connection, rulebook: RuleBook, employees: int, units: int, seed: int, as_of: date,
                 progress: ProgressCallback | None):
        self.conn = conn
        self.rb = rulebook
        self.n_people = employees
        self.n_units = units
        self.rng = random.Random(seed)
        self.seed = seed
        self.as_of = as_of
        self.stamp = datetime(as_of.year, as_of.month, as_of.day, 8, 0)
        self.progress = progress
        self.counts: dict[str, int] = {}
        self.words = json.loads((DEMO / "people.json").read_text(encoding="utf-8"))
        self.units: list[Unit] = []
        self.decisions: dict[tuple, int] = {}
        self._numbers: dict[tuple[int, int], int] = {}
        self._new_decisions: list[dict[str, Any]] = []
        self.ranks = catalogs.ranks()
        self._coefs: dict[str, tuple[Decimal, ...]] = {}
        self._retire: dict[tuple[Sex, int, int], tuple[date, date]] = {}
        interval = rulebook.get("pay_step", as_of).params["interval_months"]
        self._interval = {cls: int(lookup_by_class(interval, cls)) for cls in self._classes()}
        pct = rulebook.get("pctnvk", as_of).params
        self._pct_first = {cls: int(lookup_by_class(pct["first_after_months"], cls)) for cls in self._classes()}
        self._pct_every = int(pct["increase_every_months"])
        # unit id -> [(person id, seniority, first day of retirement)] of the people working on `as_of`
        self.people_by_unit: dict[int, list[tuple[int, int, date]]] = {}
        self.category_count: dict[tuple[int, str], int] = {}
        self.leaders: list[tuple[int, int, str]] = []  # (person id, unit id, post code)
        # set by the stages that draw them (units, then people) and read by the later ones
        self._top: list[int] = []  # index in `units` of each department's top unit
        self.staffed: list[Unit] = []
        self._unit_values: list[Unit] = []
        self._unit_cum: list[int] = []
        self._majors: list[dict[str, Any]] = []
        self._schools: dict[str, list[str]] = {}

    # ---------------------------------------------------------------------------------------- helpers
    def _classes(self) -> set[str]:
        return {r["salary_class"] for r in catalogs.ranks().values()}

    def coefs(self, cls: str) -> tuple[Decimal, ...]:
        if cls not in self._coefs:
            self._coefs[cls] = coefficients(cls, self.rb, self.as_of)
        return self._coefs[cls]

    def cls(self, rank: str) -> str:
        return self.ranks[rank]["salary_class"]

    def insert(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        """Write new records with the history writer's bulk inserter (`hrapp.services.history.insert_rows`),
        `CHUNK` rows per executemany, and count them for the summary and the generation's one audit row. Rows
        may leave out keys that other rows give: those are written as NULL."""
        if not rows:
            return
        table = table_of(model)
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        keys = list(dict.fromkeys(key for row in rows for key in row))
        if any(len(row) != len(keys) for row in rows):
            rows = [{key: row.get(key) for key in keys} for row in rows]
        for start in range(0, len(rows), CHUNK):
            insert_rows(self.conn, table, rows[start:start + CHUNK])

    def decision(self, dept: int, kind: str, year: int, quarter: int = 0) -> int:
        """A decision shared by the people of a department for one action in one quarter (or year)."""
        key = (dept, kind, year, quarter)
        found = self.decisions.get(key)
        if found is not None:
            return found
        code, dept_name = (DEPARTMENTS[dept % len(DEPARTMENTS)][0], self.units_top_name(dept))
        month = 1 + 3 * max(quarter - 1, 0)
        signed = date(year, month, 1) - timedelta(days=10) if quarter else date(year, 1, 5)
        signed = max(signed, date(1985, 1, 5))
        summary = {
            "tuyen_dung": "Về việc tuyển dụng công chức, viên chức",
            "luong": "Về việc nâng bậc lương thường xuyên, phụ cấp thâm niên vượt khung",
            "chuyen_xep": "Về việc chuyển xếp lương cũ sang lương mới theo Nghị định số 204/2004/NĐ-CP",
            "ngach": "Về việc bổ nhiệm vào ngạch, chức danh nghề nghiệp",
            "bo_nhiem": "Về việc bổ nhiệm cán bộ lãnh đạo, quản lý",
            "dieu_dong": "Về việc điều động công chức, viên chức",
            "nghi_huu": "Về việc nghỉ hưu để hưởng chế độ bảo hiểm xã hội",
            "bien_che": "Về việc giao biên chế công chức và số lượng người làm việc",
            "danh_gia": "Về việc công nhận kết quả đánh giá, xếp loại chất lượng",
            "dao_tao": "Về việc cử công chức, viên chức đi đào tạo, bồi dưỡng",
            "quy_hoach": "Về việc phê duyệt quy hoạch cán bộ lãnh đạo, quản lý",
            "ke_hoach": "Về việc phê duyệt kế hoạch",
        }[kind]
        new_id = len(self.decisions) + 1
        self.decisions[key] = new_id
        number = self._numbers[(dept, year)] = self._numbers.get((dept, year), 0) + 1
        self._new_decisions.append({
            "id": new_id, "number": f"{number}/QĐ-{code}", "kind": "quyet_dinh", "sign_date": signed,
            "signer": "Giám đốc Sở" if code.startswith("S") else "Thủ trưởng cơ quan", "issuer": dept_name,
            "effective_date": signed, "summary": summary, "created_at": self.stamp, "updated_at": self.stamp,
        })
        return new_id

    def units_top_name(self, dept: int) -> str:
        return self.units[self._top[dept]].name

    def fix_sequences(self) -> None:
        """PostgreSQL: the ids written here were explicit, so each id sequence moves past the largest one."""
        if self.conn.dialect.name != "postgresql":
            return
        for model in (OrgUnit, JobPosition, Decision, Person, RecruitmentRound, RecruitmentTarget, Candidate,
                      PlanningPeriod, PlanningPost, Course, TrainingPlan):
            name = model.__tablename__
            seq = self.conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": name}).scalar()
            if seq:
                self.conn.execute(text(f'SELECT setval(:s, COALESCE((SELECT MAX(id) FROM "{name}"), 1))'), {"s": seq})

    def flush_decisions(self) -> None:
        self.insert(Decision, self._new_decisions)
        self._new_decisions = []

    def tick(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def retirement_dates(self, gender: Sex, born: date) -> tuple[date, date]:
        """Pension start and last working day; both depend on the month of birth only (the end of the month
        in which the age is reached), so one computation serves everyone born that month."""
        key = (gender, born.year, born.month)
        if key not in self._retire:
            r = retirement(gender, BirthDate(born.replace(day=1)), self.rb)
            self._retire[key] = (r.retirement_date, r.last_working_day)
        return self._retire[key]
