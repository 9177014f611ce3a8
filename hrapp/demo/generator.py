"""A synthetic province for scale work: departments with their unit tree, job positions, quotas, and people with
whole careers (employment, ranks, salary history, posts, qualifications, evaluations), a recruitment round,
a succession plan and training, written with bulk inserts in one transaction. The same seed and day give the
same data; the names, places and schools come from the demo department's word lists."""

from __future__ import annotations

import json
import math
import random
import time
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    Date,
    DateTime,
    Float,
    Numeric,
    Table,
    bindparam,
    insert,
    text,
    update,
)

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db import audit
from hrapp.db.models import (
    Candidate,
    CandidatePreference,
    Course,
    Decision,
    Employment,
    Evaluation,
    HeadcountQuota,
    JobPosition,
    OrgUnit,
    Person,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    PostHeld,
    Qualification,
    RankAssignment,
    RecruitmentRound,
    RecruitmentTarget,
    SalaryStep,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
    WorkHistory,
)
from hrapp.domain.retirement import BirthDate, add_months, retirement
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import coefficients, lookup_by_class
from hrapp.errors import DomainError, ValidationError
from hrapp.paths import DEMO
from hrapp.security import ADMIN, require
from hrapp.services.history import chain
from hrapp.services.setup import is_empty
from hrapp.services.snapshot import EDU_RANK
from hrapp.text import fold, name_sort_key

ProgressCallback = Callable[[str, int, int], None]

MAX_EMPLOYEES = 1_000_000
MAX_UNITS = 10_000
BATCH = 2_000  # people per round of inserts
NEW_SCALE = date(2004, 10, 1)  # NĐ 204/2004: salaries converted to the new scale on this day
NOT_EMPTY = "Cơ sở dữ liệu đã có dữ liệu; chỉ sinh dữ liệu giả lập vào cơ sở dữ liệu trống."
# the stages reported to `progress`, and the code of their words in hrapp/messages.py
STAGES = {
    "units": "generate_stage_units",
    "people": "generate_stage_people",
    "quotas": "generate_stage_quotas",
    "extras": "generate_stage_extras",
}


def stage_label(stage: str) -> str:
    """The name of a stage of the generator, in the language of the session."""
    return messages.word(STAGES[stage]) if stage in STAGES else stage

# (code, name, phòng, chi cục, trung tâm, kind of public service units (dvsn) and their name pattern)
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], str], ...] = (
    ("SNV", "Sở Nội vụ", ("Phòng Tổ chức, biên chế", "Phòng Công chức, viên chức", "Phòng Xây dựng chính quyền",
                          "Phòng Cải cách hành chính"), ("Chi cục Văn thư - Lưu trữ",),
     ("Trung tâm Lưu trữ lịch sử",), ""),
    ("SGDDT", "Sở Giáo dục và Đào tạo", ("Phòng Giáo dục trung học", "Phòng Giáo dục mầm non và tiểu học",
                                         "Phòng Khảo thí và Kiểm định chất lượng", "Phòng Giáo dục thường xuyên"),
     (), ("Trung tâm Giáo dục thường xuyên tỉnh",), "Trường Trung học phổ thông số {n} {district}"),
    ("SYT", "Sở Y tế", ("Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược", "Phòng Kế hoạch - Tài chính"),
     ("Chi cục Dân số", "Chi cục An toàn vệ sinh thực phẩm"), ("Trung tâm Kiểm soát bệnh tật",),
     "Trung tâm Y tế {district}"),
    ("STC", "Sở Tài chính", ("Phòng Quản lý ngân sách", "Phòng Tài chính đầu tư", "Phòng Quản lý giá và công sản",
                             "Phòng Tài chính doanh nghiệp"), (), ("Trung tâm Thông tin và Dịch vụ tài chính",), ""),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", ("Phòng Trồng trọt", "Phòng Quản lý đất đai",
                                               "Phòng Môi trường", "Phòng Kinh tế hợp tác"),
     ("Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Chăn nuôi và Thú y"), ("Trung tâm Khuyến nông",),
     "Ban Quản lý rừng phòng hộ {district}"),
    ("SXD", "Sở Xây dựng", ("Phòng Quản lý xây dựng", "Phòng Quy hoạch - Kiến trúc", "Phòng Quản lý vận tải",
                            "Phòng Quản lý nhà và thị trường bất động sản"), ("Chi cục Giám định xây dựng",),
     ("Trung tâm Đăng kiểm phương tiện",), "Ban Quản lý dự án giao thông {district}"),
    ("SCT", "Sở Công Thương", ("Phòng Quản lý công nghiệp", "Phòng Quản lý thương mại", "Phòng Quản lý năng lượng"),
     (), ("Trung tâm Khuyến công và Xúc tiến thương mại",), ""),
    ("STP", "Sở Tư pháp", ("Phòng Xây dựng và kiểm tra văn bản", "Phòng Hành chính tư pháp",
                           "Phòng Phổ biến, giáo dục pháp luật"), (),
     ("Trung tâm Trợ giúp pháp lý nhà nước", "Trung tâm Dịch vụ đấu giá tài sản"), ""),
    ("SKHCN", "Sở Khoa học và Công nghệ", ("Phòng Quản lý khoa học", "Phòng Quản lý công nghệ",
                                           "Phòng Chuyển đổi số"), ("Chi cục Tiêu chuẩn Đo lường Chất lượng",),
     ("Trung tâm Thông tin - Ứng dụng khoa học và công nghệ",), ""),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", ("Phòng Quản lý văn hóa", "Phòng Quản lý thể dục thể thao",
                                                    "Phòng Quản lý du lịch"), (),
     ("Bảo tàng tỉnh", "Thư viện tỉnh", "Trung tâm Huấn luyện và Thi đấu thể thao"),
     "Trung tâm Văn hóa - Thể thao {district}"),
    ("SYTLD", "Sở Lao động - Thương binh và Xã hội", ("Phòng Lao động - Việc làm", "Phòng Người có công",
                                                      "Phòng Bảo trợ xã hội"), (),
     ("Trung tâm Dịch vụ việc làm",), "Trung tâm Công tác xã hội {district}"),
    ("STTTT", "Sở Thông tin và Truyền thông", ("Phòng Báo chí - Xuất bản", "Phòng Bưu chính - Viễn thông"), (),
     ("Trung tâm Công nghệ thông tin và Truyền thông",), ""),
    ("SDT", "Sở Dân tộc và Tôn giáo", ("Phòng Chính sách dân tộc", "Phòng Quản lý tôn giáo"), (), (), ""),
    ("TTT", "Thanh tra tỉnh", ("Phòng Thanh tra kinh tế - xã hội", "Phòng Tiếp công dân, xử lý đơn thư",
                               "Phòng Phòng, chống tham nhũng"), (), (), ""),
    ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh", ("Phòng Tổng hợp", "Phòng Kinh tế", "Phòng Khoa giáo - Văn xã",
                                               "Phòng Nội chính"), (),
     ("Trung tâm Phục vụ hành chính công", "Nhà khách tỉnh"), ""),
    ("SNG", "Sở Ngoại vụ", ("Phòng Hợp tác quốc tế", "Phòng Lãnh sự"), (), (), ""),
)
OWN_UNITS = (("ban_giam_doc", "Ban Giám đốc"), ("van_phong", "Văn phòng Sở"), ("thanh_tra", "Thanh tra Sở"))
SUB_PHONG = {"chi_cuc": ("Phòng Hành chính - Tổng hợp", "Phòng Nghiệp vụ"),
             "trung_tam": ("Phòng Hành chính - Tổng hợp", "Phòng Chuyên môn")}
STAFF_WEIGHT = {"so": 0, "ban_giam_doc": 4, "van_phong": 18, "thanh_tra": 9, "phong": 11, "chi_cuc": 12,
                "phong_thuoc": 10, "trung_tam": 24, "dvsn": 130}
# Head and deputy posts by unit kind (phòng of a centre differ from phòng of a chi cục).
POSTS = {"ban_giam_doc": ("giam_doc_so", "pho_giam_doc_so", 3), "van_phong": ("chanh_van_phong", "pho_chanh_van_phong", 2),
         "thanh_tra": ("chanh_thanh_tra", "pho_chanh_thanh_tra", 1), "phong": ("truong_phong", "pho_truong_phong", 2),
         "chi_cuc": ("chi_cuc_truong", "pho_chi_cuc_truong", 2),
         "phong_chi_cuc": ("truong_phong_chi_cuc", "pho_truong_phong_chi_cuc", 1),
         "trung_tam": ("giam_doc_trung_tam", "pho_giam_doc_trung_tam", 2),
         "phong_trung_tam": ("truong_phong_trung_tam", "pho_truong_phong_trung_tam", 1),
         "dvsn": ("giam_doc_trung_tam", "pho_giam_doc_trung_tam", 3)}
# Rank ladders (lowest first) by kind of work; the salary class comes from the rank catalogue.
LADDERS = {
    "cc": ("01.003", "01.002", "01.001"), "thanh_tra": ("04.025", "04.024", "04.023"),
    "ke_toan": ("06.031", "06.030"), "kiem_soat": ("13.282", "13.281", "13.280"),
    "nghien_cuu": ("V.05.01.03", "V.05.01.02", "V.05.01.01"), "ky_su": ("V.05.02.07", "V.05.02.06", "V.05.02.05"),
    "bien_tap": ("V.11.01.03",), "van_hoa": ("V.10.05.17",), "ke_toan_vc": ("V.06.04.19",),
}
A0_RANK = {"cong_chuc": "01.004", "vien_chuc": "V.05.02.08", "vien_chuc_tu_chu": "V.05.01.04"}
WORKER_RANKS = ("01.005", "01.007", "01.008", "01.009")
RATINGS = (("htxs", 10), ("htt", 68), ("ht", 20), ("kht", 2))
LEVEL_ORDER = ("A0", "L0", "L1", "L2")  # A0 rank, then the steps of a ladder
COURSES = (  # the last two grant no qualification: last year's completed courses are taken from them
    ("llct_trung_cap", "Trung cấp lý luận chính trị - hành chính", "Trường Chính trị tỉnh", 8, "months"),
    ("qlnn_cv", "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên", "Trường Chính trị tỉnh", 8, "weeks"),
    ("lanh_dao_phong", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "Trường Chính trị tỉnh", 4, "weeks"),
    ("vtvl", "Bồi dưỡng kiến thức, kỹ năng theo vị trí việc làm", "Sở Nội vụ", 2, "weeks"),
)


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
        return messages.text("generate_done", people=_n(self.employees), units=_n(self.units), rows=_n(rows),
                             day=self.as_of, seconds=seconds)


def _n(value: int) -> str:
    """10.000 as Vietnamese writes it."""
    return f"{value:,}".replace(",", ".")


@dataclass
class _Unit:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    dept: int  # index of the department (top unit) it belongs to
    post_kind: str  # key of POSTS
    admin: bool  # công chức unit (else viên chức)
    positions: list[int] = field(default_factory=list)
    leader_position: int | None = None


def _sqlite_converter(kind: Any) -> Callable[[Any], Any] | None:
    """How SQLAlchemy's SQLite dialect stores a value of this column type (None: as it is)."""
    if isinstance(kind, DateTime):
        return lambda v: f"{v:%Y-%m-%d %H:%M:%S}.{v.microsecond:06d}"
    if isinstance(kind, Date):
        return date.isoformat
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        return float
    if isinstance(kind, JSON):
        return json.dumps
    return None


def _weighted(pairs: list[list[Any]] | tuple[tuple[Any, float], ...]) -> tuple[list[Any], list[float]]:
    values = [p[0] for p in pairs]
    return values, list(accumulate(float(p[1]) for p in pairs))


@lru_cache(maxsize=200_000)
def _name_parts(full: str) -> tuple[str, str]:
    return fold(full), name_sort_key(full)


class _Generator:
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
        self.units: list[_Unit] = []
        self.decisions: dict[tuple, int] = {}
        self._numbers: dict[tuple[int, int], int] = {}
        self._new_decisions: list[dict[str, Any]] = []
        self.ranks = catalogs.ranks()
        self._coefs: dict[str, tuple[Decimal, ...]] = {}
        self._retire: dict[tuple[str, int, int], tuple[date, date]] = {}
        interval = rulebook.get("pay_step", as_of).params["interval_months"]
        self._interval = {cls: int(lookup_by_class(interval, cls)) for cls in self._classes()}
        pct = rulebook.get("pctnvk", as_of).params
        self._pct_first = {cls: int(lookup_by_class(pct["first_after_months"], cls)) for cls in self._classes()}
        self._pct_every = int(pct["increase_every_months"])
        self.people_by_unit: dict[int, list[tuple[int, int]]] = {}  # unit id -> [(person id, level)]
        self.category_count: dict[tuple[int, str], int] = {}
        self.leaders: list[tuple[int, int, str]] = []  # (person id, unit id, post code)

    # ---------------------------------------------------------------------------------------- helpers
    def _classes(self) -> set[str]:
        return {r["salary_class"] for r in catalogs.ranks().values()}

    def coefs(self, cls: str) -> tuple[Decimal, ...]:
        if cls not in self._coefs:
            self._coefs[cls] = coefficients(cls, self.rb, self.as_of)
        return self._coefs[cls]

    def cls(self, rank: str) -> str:
        return self.ranks[rank]["salary_class"]

    def insert(self, model: Any, rows: list[dict[str, Any]]) -> None:
        """One executemany per 5,000 rows. On SQLite the values are converted here as SQLAlchemy stores them
        (ISO dates, floats for Numeric) and handed to the driver directly: the per-value bind processing of
        a Core executemany costs more than the database's own work on two million rows."""
        if not rows:
            return
        table: Table = model.__table__
        present = set().union(*rows)
        columns = [c for c in table.columns if c.name in present]
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        if self.conn.dialect.name != "sqlite":
            rows = [{c.name: r.get(c.name) for c in columns} for r in rows]
            for start in range(0, len(rows), 5000):
                self.conn.execute(insert(table), rows[start:start + 5000])
            return
        quote = self.conn.dialect.identifier_preparer.quote
        sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        converters = [(i, conv) for i, c in enumerate(columns) if (conv := _sqlite_converter(c.type)) is not None]
        names = [c.name for c in columns]
        cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            for start in range(0, len(rows), 5000):
                values = [list(map(r.get, names)) for r in rows[start:start + 5000]]
                for i, conv in converters:
                    for v in values:
                        if v[i] is not None:
                            v[i] = conv(v[i])
                cursor.executemany(sql, values)
        finally:
            cursor.close()

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

    def retirement_dates(self, gender: str, born: date) -> tuple[date, date]:
        """Pension start and last working day; both depend on the month of birth only (the end of the month
        in which the age is reached), so one computation serves everyone born that month."""
        key = (gender, born.year, born.month)
        if key not in self._retire:
            r = retirement(gender, BirthDate(born.replace(day=1)), self.rb)  # type: ignore[arg-type]
            self._retire[key] = (r.retirement_date, r.last_working_day)
        return self._retire[key]

    # ---------------------------------------------------------------------------------------- units
    def build_units(self) -> None:
        districts = [d["name"] for d in self.words["districts"]]
        n_depts = max(1, min(len(DEPARTMENTS) * 4, math.ceil(self.n_units / 25)))
        self._top: list[int] = []
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
        for i, (dept, kind, name, parent, post_kind, admin) in enumerate(planned):
            code = DEPARTMENTS[dept % len(DEPARTMENTS)][0] + (f"{dept // len(DEPARTMENTS) + 1}"
                                                               if dept >= len(DEPARTMENTS) else "")
            unit_code = code if parent is None else f"{code}-{i:04d}"
            unit = _Unit(i + 1, unit_code, name, kind, parent + 1 if parent is not None else None, dept, post_kind,
                         admin)
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

    # ---------------------------------------------------------------------------------------- people
    def build_people(self) -> None:
        w = self.words
        fam, fam_cum = _weighted(w["family_names"])
        mids = {g: _weighted(w["middle_names"][g]) for g in ("M", "F")}
        givens = w["given_names"]
        districts, dist_cum = _weighted([(d["name"], d["weight"]) for d in w["districts"]])
        communes = {d["name"]: d["communes"] for d in w["districts"]}
        religions, rel_cum = _weighted([("khong", 78), ("phat_giao", 16), ("cong_giao", 5), ("tin_lanh", 1)])
        ratings, rating_cum = _weighted(RATINGS)
        self._majors = [m for m in w["majors"].values()]
        self._schools = w["schools"]
        rnd = self.rng
        total = self.n_people
        batch: dict[Any, list[dict[str, Any]]] = {}
        for pid in range(1, total + 1):
            unit = self._unit_values[bisect(self._unit_cum, rnd.random() * self._unit_cum[-1])]
            gender = "M" if rnd.random() < 0.52 else "F"
            m_values, m_cum = mids[gender]
            name = (f"{fam[bisect(fam_cum, rnd.random() * fam_cum[-1])]} "
                    f"{m_values[bisect(m_cum, rnd.random() * m_cum[-1])]} {rnd.choice(givens[gender])}")
            district = districts[bisect(dist_cum, rnd.random() * dist_cum[-1])]
            place = f"{rnd.choice(communes[district])}, {district}, {w['province']}"
            self._person(pid, unit, gender, name, place,
                         religions[bisect(rel_cum, rnd.random() * rel_cum[-1])], batch,
                         lambda: ratings[bisect(rating_cum, rnd.random() * rating_cum[-1])])
            if pid % BATCH == 0 or pid == total:
                self._write_batch(batch)
                batch = {}
                self.tick("people", pid, total)

    def _write_batch(self, batch: dict[Any, list[dict[str, Any]]]) -> None:
        self.flush_decisions()
        self.insert(Person, batch.pop(Person, []))
        for model in (RankAssignment, Employment, SalaryStep, PostHeld, Qualification, Evaluation, WorkHistory):
            self.insert(model, batch.pop(model, []))

    def _level(self, category: str, age: int) -> str:
        r = self.rng.random()
        if category == "hop_dong":
            return "W"
        if r < 0.05:
            return "A0"
        if r < 0.75 or age < 38:
            return "L0"
        if r < 0.97 or age < 45:
            return "L1"
        return "L2"

    def _ladder(self, unit: _Unit, category: str) -> tuple[str, ...]:
        r = self.rng.random()
        if category == "cong_chuc":
            if unit.kind == "thanh_tra" and r < 0.7:
                return LADDERS["thanh_tra"]
            if unit.kind in ("chi_cuc",) or (unit.post_kind == "phong_chi_cuc" and r < 0.5):
                return LADDERS["kiem_soat"]
            return LADDERS["ke_toan"] if r < 0.06 else LADDERS["cc"]
        if r < 0.05:
            return LADDERS["ke_toan_vc"]
        if r < 0.10:
            return LADDERS["bien_tap"] if r < 0.075 else LADDERS["van_hoa"]
        return LADDERS["nghien_cuu"] if r < 0.55 else LADDERS["ky_su"]

    def _person(self, pid: int, unit: _Unit, gender: str, name: str, place: str, religion: str,
                batch: dict[Any, list[dict[str, Any]]], rating: Callable[[], str]) -> None:
        rnd, as_of = self.rng, self.as_of
        dept = unit.dept
        r = rnd.random()
        category = ("hop_dong" if r < 0.07 else "cong_chuc") if unit.admin else (
            "hop_dong" if r < 0.08 else "vien_chuc_tu_chu" if r < 0.28 else "vien_chuc")
        recruit_age = 22 + rnd.randrange(9)
        age = rnd.randrange(recruit_age + 12, 62)  # 11 years and more of service: 5 salary rows at least
        born = date(as_of.year - age, 1 + rnd.randrange(12), 1 + rnd.randrange(28))
        recruit = date(born.year + recruit_age, 1 + rnd.randrange(12), 1)
        retire_on, last_day = self.retirement_dates(gender, born)
        left = last_day if retire_on <= as_of else None
        level = self._level(category, age)
        if level == "W":
            ladder: tuple[str, ...] = (rnd.choice(WORKER_RANKS),)
            target = 0
        elif level == "A0":
            ladder, target = (A0_RANK[category],), 0
        else:
            ladder = self._ladder(unit, category)
            target = min(int(level[1]), len(ladder) - 1)
        # Promotions to the next rank of the ladder: at least 9 years apart, on the new salary scale, the last one at
        # least a year ago.
        promotions: list[tuple[date, str]] = []
        last = recruit
        for step_up in range(1, target + 1):
            earliest = max(add_months(last, 108), NEW_SCALE + timedelta(days=92))
            latest = min(as_of - timedelta(days=365), left or as_of)
            if earliest >= latest:
                break
            day = earliest + timedelta(days=rnd.randrange((latest - earliest).days + 1))
            day = date(day.year, day.month, 1)
            promotions.append((day, ladder[step_up]))
            last = day
        probation = category in ("cong_chuc", "vien_chuc", "vien_chuc_tu_chu") and recruit >= date(2010, 1, 1)
        prob_end = add_months(recruit, 12) - timedelta(days=1) if probation else None
        # Earlier employment in another unit of the same department for some people.
        moves: list[tuple[_Unit, date, date | None]] = []
        current_start = recruit
        if rnd.random() < 0.3 and len(self.staffed) > 1:
            other = self._unit_values[bisect(self._unit_cum, rnd.random() * self._unit_cum[-1])]
            if other.id != unit.id:
                span = max(((left or as_of) - recruit).days, 400)
                moved = recruit + timedelta(days=rnd.randrange(365, span))
                moved = date(moved.year, moved.month, 1)
                if moved < (left or as_of):
                    moves.append((other, recruit, moved - timedelta(days=1)))
                    current_start = moved
        moves.append((unit, current_start, left))
        position = rnd.choice(unit.positions) if unit.positions else None
        emp_rows = []
        for i, (u, start, end) in enumerate(moves):
            first = i == 0
            emp_rows.append({
                "person_id": pid, "category": category, "unit_id": u.id,
                "position_id": position if u is unit else (rnd.choice(u.positions) if u.positions else None),
                "start_date": start, "end_date": end,
                "end_reason": ("retired" if end == left and left else "moved") if end else None,
                "end_decision_id": self.decision(dept, "nghi_huu", left.year) if end == left and left else None,
                "recruitment_date": recruit, "recruitment_agency": self.units_top_name(dept) if first else None,
                "probation_start": recruit if first and probation else None,
                "probation_end": prob_end if first else None,
                "probation_pay_percent": 85 if first and probation else None,
                "decision_id": self.decision(dept, "tuyen_dung" if first else "dieu_dong", start.year),
                "created_at": self.stamp, "updated_at": self.stamp})
        # Ranks
        rank_rows = [{"person_id": pid, "rank_code": ladder[0], "effective_date": recruit,
                      "end_date": None, "decision_id": self.decision(dept, "tuyen_dung", recruit.year)}]
        for day, code in promotions:
            rank_rows.append({"person_id": pid, "rank_code": code, "effective_date": day, "end_date": None,
                              "decision_id": self.decision(dept, "ngach", day.year)})
        chain(rank_rows, start="effective_date")
        steps = self._salary(pid, dept, ladder[0], recruit, prob_end, promotions, left or as_of)
        # Posts: written later for the leaders chosen per unit; the unit's people are remembered by level.
        if not left:
            self.people_by_unit.setdefault(unit.id, []).append((pid, len(promotions) * 10 + min(age, 60) // 10))
            key = (unit.id, category)
            self.category_count[key] = self.category_count.get(key, 0) + 1
        quals, education = self._qualifications(pid, self.cls(ladder[-1] if promotions else ladder[0]),
                                                category, born, recruit)
        evals = []
        for year in range(as_of.year - 3, as_of.year):
            if date(year, 12, 31) >= recruit and (left is None or left.year > year):
                evals.append({"person_id": pid, "year": year, "rating": rating(),
                              "regime": "nd335_2025" if year >= 2026 else "nd90_2020",
                              "decision_id": self.decision(dept, "danh_gia", year + 1)})
        work = [{"person_id": pid, "from_date": start, "to_date": end,
                 "description": f"{self.ranks[ladder[0]]['name']}, {u.name}, {self.units_top_name(u.dept)}"}
                for u, start, end in moves]
        last_step = steps[-1]
        family, middle, given = name.split(" ", 1)[0], " ".join(name.split(" ")[1:-1]), name.rsplit(" ", 1)[-1]
        folded, sort_key = _name_parts(name)
        cccd = f"052{(0 if gender == 'M' else 1) + (2 if born.year >= 2000 else 0)}{born.year % 100:02d}" \
               f"{(pid * 7919 + self.seed * 104_729) % 1_000_000:06d}"
        current_rank = promotions[-1][1] if promotions else ladder[0]
        person = {
            "id": pid, "full_name": name, "family_name": family, "middle_name": middle, "given_name": given,
            "name_folded": folded, "sort_key": sort_key, "gender": gender, "birth_date": born,
            "birth_precision": "day", "birth_place": place, "home_town": place, "ethnicity": "01",
            "religion": religion, "id_number": cccd, "id_issue_date": date(2021, 1 + pid % 12, 1 + pid % 28),
            "id_issue_place": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
            "permanent_address": place, "current_address": place,
            "phone": f"09{(pid * 104_723 + self.seed) % 100_000_000:08d}", "general_education": "12/12",
            "party_join_date": add_months(recruit, 24 + rnd.randrange(120)) if rnd.random() < 0.45 else None,
            "status": "retired" if left else "working",
            "cur_unit_id": unit.id, "cur_category": category, "cur_position_id": position,
            "cur_rank_code": current_rank, "cur_salary_step": last_step["step"],
            "cur_coefficient": last_step["coefficient"], "cur_post": None, "cur_education": education,
            "row_version": 1, "created_at": self.stamp, "updated_at": self.stamp,
        }
        batch.setdefault(Person, []).append(person)
        batch.setdefault(Employment, []).extend(emp_rows)
        batch.setdefault(RankAssignment, []).extend(rank_rows)
        batch.setdefault(SalaryStep, []).extend(steps)
        batch.setdefault(Qualification, []).extend(quals)
        batch.setdefault(Evaluation, []).extend(evals)
        batch.setdefault(WorkHistory, []).extend(work)

    def _salary(self, pid: int, dept: int, rank: str, recruit: date, prob_end: date | None,
                promotions: list[tuple[date, str]], until: date) -> list[dict[str, Any]]:
        """The salary rows of a career: recruitment (85% during probation), regular steps with an occasional
        delay or early step, seniority above the scale (PCTNVK) after the last step, and rank promotions."""
        rnd = self.rng
        cls = self.cls(rank)
        coefs = self.coefs(cls)
        rows: list[dict[str, Any]] = []
        pct, pct_since = 0, None
        if recruit < NEW_SCALE:
            interval = self._interval[cls]
            done = ((NEW_SCALE.year - recruit.year) * 12 + NEW_SCALE.month - recruit.month) // interval
            step = min(1 + done, len(coefs))
            since = add_months(recruit, (step - 1) * interval)
            day, reason, dec = NEW_SCALE, "chuyen_xep", self.decision(dept, "chuyen_xep", 2004)
        else:
            step, since, day, reason = 1, recruit, recruit, "tuyen_dung"
            dec = self.decision(dept, "tuyen_dung", recruit.year)
        percent = 85 if prob_end is not None and recruit >= NEW_SCALE else 100

        def emit(on: date, why: str, decision: int, note: str | None = None) -> None:
            rows.append({"person_id": pid, "rank_code": rank, "salary_class": cls, "step": step,
                         "coefficient": coefs[step - 1], "percent": percent, "effective_date": on,
                         "step_since": since, "pctnvk_percent": pct or None, "pctnvk_since": pct_since,
                         "reason": why, "decision_id": decision, "note": note})

        emit(day, reason, dec)
        if percent == 85 and prob_end is not None and prob_end < until:
            percent = 100
            after = prob_end + timedelta(days=1)
            emit(after, "tuyen_dung", self.decision(dept, "tuyen_dung", after.year), "Hết thời gian tập sự")
        pending = list(promotions)
        while True:
            interval = self._interval[cls]
            if step < len(coefs):
                due, why = add_months(since, interval), "thuong_xuyen"
                r = rnd.random()
                if r < 0.03:
                    due, why = add_months(due, 6), "keo_dai"
                elif r < 0.05:
                    due, why = add_months(due, -9), "truoc_thoi_han"
            elif pct == 0:
                due, why = add_months(since, self._pct_first[cls]), "pctnvk"
            else:
                due, why = add_months(pct_since, self._pct_every), "pctnvk"  # type: ignore[arg-type]
            if pending and pending[0][0] <= due and pending[0][0] <= until:
                on, new_rank = pending.pop(0)
                new_cls = self.cls(new_rank)
                new_coefs = self.coefs(new_cls)
                current = coefs[step - 1] * (1 + Decimal(pct) / 100)
                new_step = next((i + 1 for i, c in enumerate(new_coefs) if c >= current), len(new_coefs))
                if new_coefs[new_step - 1] - coefs[step - 1] >= coefs[1] - coefs[0] or pct:
                    since = on
                rank, cls, coefs, step, pct, pct_since = new_rank, new_cls, new_coefs, new_step, 0, None
                emit(on, "nang_ngach", self.decision(dept, "ngach", on.year))
                continue
            if due <= rows[-1]["effective_date"]:
                # a promotion keeps the old step's date (the time in the old step counts), so the next step
                # can fall due before the promotion itself: it is then decided the month after, never dated
                # before the row in force (a history read by date must be the history as it happened)
                due = add_months(rows[-1]["effective_date"], 1)
            if due > until:
                break
            if why == "pctnvk":
                pct = 5 if pct == 0 else pct + 1
                pct_since = due
            else:
                step += 1
                since = due
            emit(due, why, self.decision(dept, "luong", due.year, (due.month - 1) // 3 + 1))
        return rows

    def _qualifications(self, pid: int, cls: str, category: str, born: date,
                        recruit: date) -> tuple[list[dict[str, Any]], str | None]:
        rnd = self.rng
        major = rnd.choice(self._majors)
        schools = self._schools
        r = rnd.random()
        if cls.startswith("A3"):
            level = "TS" if r < 0.2 else "ThS" if r < 0.7 else "DH"
        elif cls.startswith("A2"):
            level = "ThS" if r < 0.35 else "DH"
        elif cls == "A1":
            level = "ThS" if r < 0.12 else "DH"
        elif cls == "A0":
            level = "CD"
        elif cls == "B":
            level = "TC"
        else:
            level = "TC" if r < 0.5 else "SC" if r < 0.8 else ""
        rows: list[dict[str, Any]] = []

        def add(kind: str, lvl: str, year: int, **extra: Any) -> None:
            rows.append({"person_id": pid, "kind": kind, "level_code": lvl, "year": year,
                         "mode": extra.pop("mode", "chinh_quy"), "in_progress": False, "source": "import", **extra})

        if level:
            grad = max(recruit.year - rnd.randrange(3), born.year + 18)
            school_key = major["school"] if level in ("DH", "ThS", "TS") else level.lower()
            first = "DH" if level in ("ThS", "TS") else level
            add("chuyen_mon", first, grad, major=major["name"],
                institution=rnd.choice(schools.get(school_key) or schools["sci"]))
            if level in ("ThS", "TS"):
                add("chuyen_mon", "ThS", grad + 4 + rnd.randrange(6), major=major.get("master", major["name"]),
                    institution=rnd.choice(schools["master"]))
            if level == "TS":
                add("chuyen_mon", "TS", grad + 10 + rnd.randrange(5), major=major.get("phd", major["name"]),
                    institution=rnd.choice(schools["phd"]))
        if category == "cong_chuc" and cls[:2] in ("A2", "A3"):
            add("llct", "cao_cap" if rnd.random() < 0.5 else "trung_cap", recruit.year + 8 + rnd.randrange(6),
                institution=rnd.choice(schools["llct_cao_cap"]), mode="tap_trung")
            add("qlnn", "CVC", recruit.year + 9 + rnd.randrange(5), institution=rnd.choice(schools["qlnn"]),
                mode="boi_duong")
        elif category == "cong_chuc" and rnd.random() < 0.5:
            add("qlnn", "CV", recruit.year + 1 + rnd.randrange(5), institution=rnd.choice(schools["qlnn"]),
                mode="boi_duong")
        if rnd.random() < 0.6:
            add("tin_hoc", "tin_hoc_co_ban", recruit.year + rnd.randrange(4), institution=rnd.choice(schools["it"]),
                mode="boi_duong")
        if rnd.random() < 0.45:
            got = self.as_of - timedelta(days=rnd.randrange(30, 365 * 3))
            # A share of the language certificates carry an expiry date (the certificate alerts)
            expiry = add_months(got, 24) if rnd.random() < 0.2 else None
            add("ngoai_ngu", rnd.choice(("A2", "B1", "B1", "B2")), got.year, language="Tiếng Anh",
                institution=rnd.choice(schools["language"]), certificate_no=f"NN{pid:07d}", certificate_date=got,
                expiry_date=expiry, mode="boi_duong")
        education = level if level in EDU_RANK else None
        return rows, education

    # ---------------------------------------------------------------------------------------- posts
    def build_posts(self) -> None:
        """A head and deputies for each unit with people, chosen among the most senior of the unit."""
        rnd = self.rng
        rows, snapshot = [], []
        for u in self.units:
            spec = POSTS.get(u.post_kind)
            people = self.people_by_unit.get(u.id)
            if spec is None or not people:
                continue
            head, deputy, deputies = spec
            ranked = sorted(people, key=lambda p: (-p[1], p[0]))[:1 + deputies]
            for i, (pid, _level) in enumerate(ranked):
                code = head if i == 0 else deputy
                start = date(self.as_of.year - 1 - rnd.randrange(5), 1 + rnd.randrange(12), 1)
                title = catalogs.label("post", code)
                if u.kind in ("dvsn",):
                    title = "Giám đốc" if i == 0 else "Phó Giám đốc"
                allowance = catalogs.extra("post", code).get("allowance")
                rows.append({"person_id": pid, "post_code": code, "post_title": title, "unit_id": u.id,
                             "kind": "bo_nhiem", "start_date": start, "term_end": add_months(start, 60) -
                             timedelta(days=1), "is_concurrent": False,
                             "allowance_coefficient": Decimal(str(allowance)) if allowance else None,
                             "decision_id": self.decision(u.dept, "bo_nhiem", start.year)})
                snapshot.append({"pid": pid, "title": title})
                self.leaders.append((pid, u.id, code))
        self.flush_decisions()
        self.insert(PostHeld, rows)
        table = Person.__table__
        stmt = (update(table).where(table.c.id == bindparam("pid"))
                .values(cur_post=bindparam("title"), updated_at=self.stamp))
        if snapshot:
            self.conn.execute(stmt, snapshot)

    # ---------------------------------------------------------------------------------------- quotas
    def build_quotas(self) -> None:
        rnd = self.rng
        rows = []
        for year in (self.as_of.year - 1, self.as_of.year):
            for (unit_id, category), n in sorted(self.category_count.items()):
                if category == "hop_dong":
                    continue
                unit = self.units[unit_id - 1]
                number = max(n + rnd.randrange(-2, 5), 0)
                rows.append({"year": year, "unit_id": unit_id, "category": category, "number": number,
                             "decision_id": self.decision(unit.dept, "bien_che", year),
                             "created_at": self.stamp, "updated_at": self.stamp})
        self.flush_decisions()
        self.insert(HeadcountQuota, rows)

    # ---------------------------------------------------------------------------------------- extras
    def build_recruitment(self) -> None:
        """One round of viên chức (xét tuyển) open for applications, with targets and registered candidates."""
        rnd = self.rng
        year = self.as_of.year
        vc_units = [u for u in self.units if not u.admin and u.positions][:10]
        if not vc_units:
            return
        dept = vc_units[0].dept
        plan = self.decision(dept, "ke_hoach", year)
        self.flush_decisions()
        self.insert(RecruitmentRound, [{
            "id": 1, "name": f"Xét tuyển viên chức năm {year}", "year": year, "subject": "vien_chuc",
            "regime": "nd115_2020", "method": "xet_tuyen", "category": "vien_chuc", "plan_decision_id": plan,
            "notice_date": self.as_of - timedelta(days=20), "application_deadline": self.as_of + timedelta(days=10),
            "status": "open", "created_at": self.stamp, "updated_at": self.stamp}])
        targets = [{"id": i + 1, "round_id": 1, "position_id": u.positions[0], "quota": 1 + rnd.randrange(3),
                    "rank_code": "V.05.02.07", "sort_order": i, "created_at": self.stamp, "updated_at": self.stamp}
                   for i, u in enumerate(vc_units)]
        self.insert(RecruitmentTarget, targets)
        w = self.words
        candidates, prefs = [], []
        n = max(10, min(600, self.n_people // 150))
        for i in range(1, n + 1):
            gender = rnd.choice("MF")
            name = (f"{rnd.choice(w['family_names'])[0]} {rnd.choice(w['middle_names'][gender])[0]} "
                    f"{rnd.choice(w['given_names'][gender])}")
            folded, sort_key = _name_parts(name)
            born = date(year - 23 - rnd.randrange(10), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
            major = rnd.choice(self._majors)
            candidates.append({
                "id": i, "round_id": 1, "full_name": name, "name_folded": folded, "sort_key": sort_key,
                "gender": gender, "birth_date": born, "ethnicity": "01", "religion": "khong",
                "id_number": f"052{(0 if gender == 'M' else 1) + (2 if born.year >= 2000 else 0)}"
                             f"{born.year % 100:02d}{(i * 7927 + self.seed) % 1_000_000:06d}",
                "phone": f"03{(i * 104_729 + self.seed) % 100_000_000:08d}", "education_level": "DH",
                "major": major["name"], "institution": rnd.choice(self._schools.get(major["school"])
                                                                  or self._schools["sci"]),
                "graduation_year": born.year + 22, "applied_on": self.as_of - timedelta(days=rnd.randrange(20)),
                "status": "registered", "created_at": self.stamp, "updated_at": self.stamp})
            prefs.append({"candidate_id": i, "target_id": 1 + rnd.randrange(len(targets)), "choice": 1})
        self.insert(Candidate, candidates)
        self.insert(CandidatePreference, prefs)

    def build_planning(self) -> None:
        """The 2026–2031 succession plan: each unit's head post with up to two of its deputies planned."""
        period_start = 2026 if self.as_of.year >= 2025 else 2021
        self.insert(PlanningPeriod, [{"id": 1, "code": f"{period_start}-{period_start + 5}",
                                      "name": f"Quy hoạch cán bộ lãnh đạo, quản lý giai đoạn {period_start}-"
                                              f"{period_start + 5}",
                                      "start_year": period_start, "end_year": period_start + 5,
                                      "rule_version": "qd377_2025" if period_start >= 2026 else "qd50_2021",
                                      "created_at": self.stamp, "updated_at": self.stamp}])
        heads: dict[int, str] = {}
        deputies: dict[int, list[int]] = {}
        for pid, unit_id, code in self.leaders:
            spec = POSTS[self.units[unit_id - 1].post_kind]
            if code == spec[0]:
                heads[unit_id] = code
            else:
                deputies.setdefault(unit_id, []).append(pid)
        posts, entries = [], []
        for n, (unit_id, code) in enumerate(sorted(heads.items()), start=1):
            posts.append({"id": n, "period_id": 1, "unit_id": unit_id, "post_code": code, "sort_order": n,
                          "created_at": self.stamp, "updated_at": self.stamp})
            dept = self.units[unit_id - 1].dept
            for pid in deputies.get(unit_id, [])[:2]:
                entries.append({"period_id": 1, "post_id": n, "person_id": pid, "kind": "initial",
                                "decision_id": self.decision(dept, "quy_hoach", period_start - 1),
                                "approved_on": date(period_start - 1, 12, 1), "status": "active",
                                "created_at": self.stamp, "updated_at": self.stamp})
        self.flush_decisions()
        self.insert(PlanningPost, posts)
        self.insert(PlanningEntry, entries)

    def build_training(self) -> None:
        """Courses, this year's approved plan by unit, and last year's completed courses of a few people."""
        rnd = self.rng
        year = self.as_of.year
        courses = []
        for i, (ctype, name, organiser, duration, unit) in enumerate(COURSES, start=1):
            extra = catalogs.extra("course_type", ctype)
            courses.append({"id": i, "code": f"KH{i:02d}", "name": name, "course_type": ctype, "organiser": organiser,
                            "mode": "tap_trung", "duration_value": duration, "duration_unit": unit,
                            "certificate_type": "Chứng chỉ" if unit == "weeks" else "Bằng tốt nghiệp",
                            "grants_kind": extra.get("grants_kind"), "grants_level": extra.get("grants_level"),
                            "active": True, "created_at": self.stamp, "updated_at": self.stamp})
        self.insert(Course, courses)
        dept = 0
        plan_decision = self.decision(dept, "ke_hoach", year - 1)
        self.flush_decisions()
        self.insert(TrainingPlan, [{"id": 1, "year": year, "name": f"Kế hoạch đào tạo, bồi dưỡng năm {year}",
                                    "status": "approved", "decision_id": plan_decision,
                                    "approved_on": date(year - 1, 12, 20), "created_at": self.stamp,
                                    "updated_at": self.stamp}])
        lines = []
        for u in self.units:
            if u.kind in ("so", "phong_thuoc") or u.id not in self.people_by_unit:
                continue
            course = courses[rnd.randrange(len(courses))]
            start = date(year, 3 + rnd.randrange(8), 1)
            lines.append({"plan_id": 1, "unit_id": u.id, "people": 1 + rnd.randrange(5),
                          "course_type": course["course_type"], "course_id": course["id"], "planned_start": start,
                          "planned_end": start + timedelta(days=56), "funding_source": "ngan_sach_tinh",
                          "estimated_cost": Decimal(3_000_000 * (1 + rnd.randrange(5))), "origin": "manual",
                          "created_at": self.stamp, "updated_at": self.stamp})
        self.insert(TrainingPlanLine, lines)
        working = [pid for people in self.people_by_unit.values() for pid, _ in people]
        working.sort()
        chosen = sorted(rnd.sample(working, min(len(working), max(1, self.n_people // 50))))
        records = []
        for pid in chosen:
            course = courses[2 + rnd.randrange(2)]
            start = date(year - 1, 3 + rnd.randrange(8), 1)
            end = start + timedelta(days=56)
            records.append({"person_id": pid, "course_id": course["id"],
                            "decision_id": self.decision(dept, "dao_tao", year - 1), "start_date": start,
                            "end_date": end, "status": "completed", "attendance": "full",
                            "result": rnd.choice(("gioi", "kha", "kha", "dat")), "completed_on": end,
                            "certificate_no": f"BD{pid:07d}", "certificate_date": end + timedelta(days=14),
                            "report_received": True, "report_date": end + timedelta(days=20),
                            "funding_source": "ngan_sach_tinh", "cost": Decimal(4_500_000),
                            "created_at": self.stamp, "updated_at": self.stamp})
        self.flush_decisions()
        self.insert(TrainingRecord, records)


def generate_province(ctx: ServiceContext, employees: int, units: int, *, seed: int = 1, as_of: date | None = None,
                      progress: ProgressCallback | None = None) -> GenerateSummary:
    """Fill an empty database with a synthetic province of `employees` people in `units` units.

    Everything is written in one transaction with bulk inserts and one audit row for the whole generation;
    the same seed and day give the same data. `progress(stage, done, total)` reports the people written.
    """
    require(ctx, ADMIN)
    errors = []
    if not isinstance(employees, int) or not 1 <= employees <= MAX_EMPLOYEES:
        errors.append(("employees", messages.text("generate_people_range", limit=_n(MAX_EMPLOYEES))))
    if not isinstance(units, int) or not 1 <= units <= MAX_UNITS:
        errors.append(("units", messages.text("generate_units_range", limit=_n(MAX_UNITS))))
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
