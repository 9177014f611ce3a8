"""The demo department: Sở KH&CN Bình Định as of mid-2022 (units, decisions, quotas, job positions and about
150 synthetic staff with their careers), loaded into an empty database in one transaction.

The organisation, quotas and positions come from resources/demo/department.json; people are generated from
resources/demo/people.json with a fixed seed, so every load gives the same data. Figures that the seed report
states (146 staff with college or higher, 2 TS, 2 doctoral candidates, 27 ThS, 14 cao cấp and 20 trung cấp
political theory, 39 + 57 + 5 headcount) are fixed by the data files and checked while loading.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.db.audit import record
from hrapp.db.models import (
    Allowance,
    AppSetting,
    Award,
    Decision,
    Discipline,
    Employment,
    Evaluation,
    FamilyMember,
    HeadcountQuota,
    JobPosition,
    OrgUnit,
    OrgUnitEvent,
    Person,
    PositionCompetency,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    WorkHistory,
)
from hrapp.demo.planning import load_demo_planning
from hrapp.demo.present import continue_demo_to
from hrapp.demo.recruitment import load_demo_recruitment
from hrapp.demo.training import load_demo_training
from hrapp.domain.appointments import APPOINTMENT_TERM, ReappointmentKind, reappointment_kind, term_end
from hrapp.domain.history import chain_ends
from hrapp.domain.pay_steps import PAY_STEP, PCTNVK, early_step_candidate, step_delay
from hrapp.domain.probation import probation
from hrapp.domain.retirement import add_months, retirement
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import coefficients, lookup_by_class
from hrapp.errors import DomainError
from hrapp.paths import DEMO
from hrapp.security import WRITE, require
from hrapp.services.setup import is_empty
from hrapp.services.snapshot import set_name, snapshot_values
from hrapp.text import fold

AS_OF = date(2022, 6, 30)
"""The day the demo department describes (the seed report covers the first half of 2022)."""
SEED = 2022
NOT_EMPTY_MESSAGE = "Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống."

# The figures of the seed report the demo must reproduce (see module docstring).
EXPECTED_EDUCATION = {"TS": 2, "NCS": 2, "ThS": 25, "CD": 9, "TC": 2, "SC": 2}  # ThS here: besides the NCS
EXPECTED_LLCT = {"cao_cap": 14, "trung_cap": 20}

NEW_SCALE = date(2004, 10, 1)  # NĐ 204/2004: salaries converted to the new scale on this day
FIRST_RECRUITMENT = date(1990, 1, 1)  # earlier careers are kept as work-history lines only
ID_ISSUE_PLACE = "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
HISTORY_NOTES = ("Không bị bắt, bị tù; không làm việc trong chế độ cũ. Không tham gia, không có quan hệ với tổ "
                 "chức chính trị, kinh tế, xã hội nào ở nước ngoài. Không có thân nhân ở nước ngoài.")

# Promotion ladders: the rank one step below (A1 -> A2 -> A3).
_BELOW = {"01.002": "01.003", "01.001": "01.002", "04.024": "04.025", "06.030": "06.031",
          "13.281": "13.282", "V.05.01.02": "V.05.01.03", "V.05.02.06": "V.05.02.07"}
# A rank of the same salary class for the other kind of staff (used for earlier periods of a career).
_CC_BY_CLASS = {"A0": "01.004", "A1": "01.003", "A2.1": "01.002", "A3.1": "01.001"}
_VC_BY_CLASS = {"A0": "V.05.01.04", "A1": "V.05.01.03", "A2.1": "V.05.01.02", "A3.1": "V.05.01.01"}
# Deputy post of each head post (a head was usually the deputy before).
_DEPUTY = {"truong_phong": "pho_truong_phong", "chanh_van_phong": "pho_chanh_van_phong",
           "chanh_thanh_tra": "pho_chanh_thanh_tra", "chi_cuc_truong": "pho_chi_cuc_truong",
           "giam_doc_trung_tam": "pho_giam_doc_trung_tam", "truong_phong_chi_cuc": "pho_truong_phong_chi_cuc",
           "truong_phong_trung_tam": "pho_truong_phong_trung_tam", "giam_doc_so": "pho_giam_doc_so"}
# How a post is written before the unit's name in a work-history line.
_POST_PREFIX = {"giam_doc_so": "Giám đốc", "pho_giam_doc_so": "Phó Giám đốc", "chanh_van_phong": "Chánh",
                "pho_chanh_van_phong": "Phó Chánh", "chanh_thanh_tra": "Chánh", "pho_chanh_thanh_tra": "Phó Chánh",
                "truong_phong": "Trưởng", "pho_truong_phong": "Phó Trưởng", "truong_phong_chi_cuc": "Trưởng",
                "pho_truong_phong_chi_cuc": "Phó Trưởng", "truong_phong_trung_tam": "Trưởng",
                "pho_truong_phong_trung_tam": "Phó Trưởng", "chi_cuc_truong": "Chi cục trưởng",
                "pho_chi_cuc_truong": "Phó Chi cục trưởng", "giam_doc_trung_tam": "Giám đốc",
                "pho_giam_doc_trung_tam": "Phó Giám đốc", "ke_toan_truong": "Kế toán trưởng"}
_VC = ("vien_chuc", "vien_chuc_tu_chu")
_HANG = re.compile(r"\s*\(?(hạng [IV]+|viên chức)\)?")
_STRUCTURAL = {  # unit -> (day it started, the unit its staff worked in before)
    "QLCN": (date(2021, 5, 1), None),  # chosen per person: QLCNTT or QLCNG
    "QLCNTT": (date(2009, 3, 1), "QLKH"),
    "QLCNG": (date(2009, 3, 1), "QLKH"),
    "TTPT-TN": (date(2019, 1, 15), "TTPT"),
    "TTPT-KD": (date(2019, 1, 15), "TTPT"),
    "CCTDC-HCTH": (date(2014, 9, 1), "CCTDC"),
    "CCTDC-QL": (date(2014, 9, 1), "CCTDC"),
}
_TTKP_ROUNDS = (date(2019, 9, 1), date(2020, 3, 1), date(2020, 10, 1), date(2021, 4, 1))
_PROBATION_STARTS = (date(2021, 9, 1), date(2021, 12, 1), date(2022, 3, 1))
_PROBATION_POSITIONS = ("TTPT-07", "TTPT-10", "TTUD-08")


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
        plan = _Planner(department, people, rulebook).plan()
        summary = _Writer(session, department, people["majors"], plan).write()
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


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _dmy(day: date) -> str:
    return f"{day:%d/%m/%Y}"


# --------------------------------------------------------------------------------------------- plan objects


@dataclass(eq=False)
class _Dec:
    """A decision to write; numbers of generated decisions are given at the end, in date order."""

    issuer: str
    sign_date: date
    summary: str
    kind: str = "quyet_dinh"
    number: str | None = None
    signer: str | None = None
    effective_date: date | None = None
    row: Decision | None = None


@dataclass
class _Seat:
    pos: dict[str, Any]
    index: int
    category: str
    edu: str  # TS, NCS, ThS, DH, CD, TC, SC
    llct: str | None
    special: dict[str, Any]

    @property
    def code(self) -> str:
        return self.pos["code"]

    @property
    def tier(self) -> str | None:
        return self.pos.get("tier")

    @property
    def is_leader(self) -> bool:
        return self.pos["group"] == "lanh_dao"


@dataclass
class _Stint:
    unit: str
    category: str
    start: date
    decision: _Dec | None = None
    note: str | None = None
    end: date | None = None


@dataclass
class _Post:
    unit: str
    post: str
    start: date
    kind: str
    term_end: date
    decision: _Dec
    end: date | None = None
    end_reason: str | None = None


@dataclass
class _PersonPlan:
    seat: _Seat
    full_name: str
    gender: str
    birth: date
    birth_precision: str
    retirement_date: date
    ethnicity: str
    religion: str
    birth_place: str
    home_town: str
    district: str
    recruit: date
    grad: date
    fields: dict[str, Any] = field(default_factory=dict)
    stints: list[_Stint] = field(default_factory=list)
    posts: list[_Post] = field(default_factory=list)
    ranks: list[tuple[date, str, _Dec, str]] = field(default_factory=list)  # (from, rank, decision, reason)
    salary: list[dict[str, Any]] = field(default_factory=list)
    quals: list[dict[str, Any]] = field(default_factory=list)
    evaluations: dict[int, tuple[str, _Dec]] = field(default_factory=dict)
    awards: list[dict[str, Any]] = field(default_factory=list)
    disciplines: list[dict[str, Any]] = field(default_factory=list)
    family: list[dict[str, Any]] = field(default_factory=list)
    work: list[tuple[date, date | None, str]] = field(default_factory=list)
    outside: list[tuple[date, date, str]] = field(default_factory=list)
    early_year: int | None = None
    masters_year: int | None = None
    probation_end: date | None = None


@dataclass
class _Plan:
    decisions: list[_Dec]
    fixed: dict[str, _Dec]
    persons: list[_PersonPlan]
    settings: dict[str, str]


# --------------------------------------------------------------------------------------------- planning


class _Planner:
    """Everything decided in plain Python first (careers need decisions, signers need careers); no database."""

    def __init__(self, department: dict[str, Any], people: dict[str, Any], rulebook: RuleBook):
        self.dep = department
        self.people = people
        self.rb = rulebook
        self.rng = random.Random(SEED)
        self.units = {u["code"]: u for u in department["units"]}
        self.positions = {p["code"]: p for p in department["positions"]}
        self.issuers = department["issuers"]
        self.decisions: list[_Dec] = []
        self.fixed: dict[str, _Dec] = {}
        self._batches: dict[tuple[str, date, str], _Dec] = {}
        self._names: set[str] = set()
        self._ids: set[str] = set()
        self._phones: set[str] = set()
        self._emails: set[str] = set()
        self._bhxh: set[str] = set()
        for unit in department["units"]:
            if unit.get("merged_into"):
                merge_day = _d(self._fixed_spec(unit["merge_decision"]).get("effective_date"))
                unit["active_to"] = (merge_day - timedelta(days=1)).isoformat()

    # ---- decisions

    def _fixed_spec(self, key: str) -> dict[str, Any]:
        return next(d for d in self.dep["decisions"] if d["key"] == key)

    def _load_fixed(self) -> None:
        for spec in self.dep["decisions"]:
            dec = _Dec(issuer=spec["issuer"], sign_date=_d(spec["sign_date"]), summary=spec["summary"],
                       kind=spec.get("kind", "quyet_dinh"), number=spec["number"],
                       signer=spec.get("signer", self.issuers[spec["issuer"]]["signer"]),
                       effective_date=_d(spec.get("effective_date")))
            self.fixed[spec["key"]] = dec
            self.decisions.append(dec)

    def batch(self, issuer: str, sign_date: date, summary: str, kind: str = "quyet_dinh") -> _Dec:
        """One decision per issuer, day and subject, shared by everyone it concerns."""
        key = (issuer, sign_date, summary)
        dec = self._batches.get(key)
        if dec is None:
            dec = _Dec(issuer=issuer, sign_date=sign_date, summary=summary, kind=kind,
                       signer=self.issuers[issuer]["signer"])
            self._batches[key] = dec
            self.decisions.append(dec)
        return dec

    # ---- helpers

    def _weighted(self, pairs: list[list[Any]]) -> Any:
        return self.rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def _date_between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def _unit_start(self, code: str) -> date:
        return _d(self.units[code]["active_from"])

    def name_at(self, code: str, day: date) -> str:
        unit = self.units[code]
        for rename in unit.get("renames", []):
            if day < _d(rename["on"]):
                return rename["from"]
        return unit["name"]

    def unit_label(self, code: str, day: date) -> str:
        """How a unit is written in 'Tóm tắt quá trình công tác' for a given day."""
        root = self.name_at("SKHCN", day)
        if code in ("SKHCN", "BGD"):
            return root
        if code in ("VP", "TTR"):
            return f"{'Văn phòng' if code == 'VP' else 'Thanh tra'} {root}"
        parent = self.units[code]["parent"]
        own = self.name_at(code, day)
        return f"{own}, {self.unit_label(parent, day)}" if parent != "SKHCN" else f"{own}, {root}"

    def _interval(self, salary_class: str) -> int:
        return int(lookup_by_class(self.rb.get(PAY_STEP, AS_OF).params["interval_months"], salary_class))

    def _coefs(self, salary_class: str) -> tuple[Decimal, ...]:
        return coefficients(salary_class, self.rb, AS_OF)

    @staticmethod
    def _rank(code: str) -> dict[str, Any]:
        return catalogs.ranks()[code]

    # ---- seats

    def _seats(self) -> list[_Seat]:
        specials = {(s["position"], s["seat"]): s for s in self.people["special"]}
        seats: list[_Seat] = []
        for pos in self.dep["positions"]:
            index = 0
            edu = pos.get("edu", [])
            llct = pos.get("llct", [])
            for category, count in pos["staff"].items():
                for _ in range(count):
                    seats.append(_Seat(pos=pos, index=index, category=category,
                                       edu=edu[index] if index < len(edu) else "DH",
                                       llct=llct[index] if index < len(llct) else None,
                                       special=specials.get((pos["code"], index), {})))
                    index += 1
        # Masters degrees: leaders first, then specialists of university-level positions.
        pool = [s for s in seats if s.edu == "DH" and pos_level(s.pos) == "DH"]
        for _ in range(EXPECTED_EDUCATION["ThS"]):
            weights = [4 if s.is_leader else 1 for s in pool]
            chosen = self.rng.choices(pool, weights=weights)[0]
            chosen.edu = "ThS"
            pool.remove(chosen)
        counts = Counter(s.edu for s in seats)
        llct = Counter(s.llct for s in seats if s.llct)
        for level, expected in EXPECTED_EDUCATION.items():
            if counts[level] != expected:
                raise DomainError("demo_data", f"Dữ liệu mẫu sai: {counts[level]} người trình độ {level}, "
                                  f"cần {expected}.")
        if dict(llct) != EXPECTED_LLCT:
            raise DomainError("demo_data", f"Dữ liệu mẫu sai: lý luận chính trị {dict(llct)}.")
        return seats

    # ---- the plan

    def plan(self) -> _Plan:
        self._load_fixed()
        seats = self._seats()
        probation_seats = self._pick_probation(seats)
        transferees = self._pick_transferees(seats)
        persons = [self._person(seat, probation_seats.get(id(seat)), transferees.get(id(seat))) for seat in seats]
        self._posts(persons)
        self._ranks(persons)
        self._disciplines(persons)
        self._evaluations(persons)
        self._awards(persons)
        for person in persons:
            self._qualifications(person)
            self._salary(person)
        self._early_steps(persons)
        for person in persons:
            self._family(person)
            self._work_history(person)
        settings = self._settings(persons)
        self._resolve_signers(persons)
        return _Plan(self.decisions, self.fixed, persons, settings)

    def _pick_probation(self, seats: list[_Seat]) -> dict[int, date]:
        pool = [s for s in seats if s.code in _PROBATION_POSITIONS and s.category == "vien_chuc_tu_chu"
                and s.edu == "DH" and not s.special]
        chosen = self.rng.sample(pool, len(_PROBATION_STARTS))
        return {id(s): day for s, day in zip(chosen, _PROBATION_STARTS, strict=True)}

    def _pick_transferees(self, seats: list[_Seat]) -> dict[int, date]:
        """Three công chức who were viên chức of the Information centre before passing the civil-service exam."""
        pool = [s for s in seats if s.category == "cong_chuc" and not s.is_leader and not s.special
                and s.pos["group"] != "ho_tro" and s.pos["unit"] in ("VP", "KHTC", "QLKH", "TTR")]
        chosen = self.rng.sample(pool, 3)
        days = (date(2013, 12, 1), date(2016, 3, 1), date(2018, 7, 1))
        return {id(s): day for s, day in zip(chosen, days, strict=True)}

    # ---- one person: identity, dates, employment periods

    def _first_post_date(self, seat: _Seat) -> date | None:
        pos = seat.pos
        if pos.get("prior"):
            return _d(pos["prior"][0]["from"])
        if pos.get("prior_by_seat"):
            return _d(pos["prior_by_seat"][seat.index][0]["from"])
        if pos.get("deputy_from"):
            return _d(pos["deputy_from"])
        if pos.get("post_from_by_seat"):
            return _d(pos["post_from_by_seat"][seat.index])
        if pos.get("post_from"):
            return _d(pos["post_from"])
        return None

    def _birth_year_range(self, seat: _Seat, gender: str) -> tuple[int, int]:
        tier = seat.tier
        if tier == "so":
            low, high = 1965, 1972
        elif tier == "head":
            low, high = 1965, 1979
        elif tier == "deputy":
            low, high = 1970, 1986
        elif tier == "sub" or seat.pos.get("post"):
            low, high = 1972, 1987
        elif seat.category == "hop_dong":
            low, high = 1966, 1992
        elif seat.pos["unit"] == "TTKP":
            low, high = 1975, 1994
        else:
            low, high = 1966, 1997
        if seat.edu in ("TS", "NCS"):
            high = min(high, 1984)
        if seat.edu == "ThS":
            high = min(high, 1994)
        # Keep everyone clear of retirement in 2022 (the special people are placed deliberately).
        low = max(low, 1964 if gender == "M" else 1968)
        return low, high

    def _person(self, seat: _Seat, probation_start: date | None, transfer: date | None) -> _PersonPlan:
        rng = self.rng
        sp = seat.special
        pos = seat.pos
        if "gender" in sp:
            gender = sp["gender"]
        elif pos["group"] == "ho_tro" and seat.category == "hop_dong":
            gender = "F" if pos["code"] == "VP-11" else "M"
        else:
            gender = "M" if rng.random() < (0.7 if seat.is_leader else 0.48) else "F"
        if "birth_date" in sp:
            birth = _d(sp["birth_date"])
        else:
            low, high = self._birth_year_range(seat, gender)
            if probation_start is not None:
                low, high = 1997, 1998
            year = round(rng.triangular(low, high, min(high, max(low, 1986))))
            birth = date(year, rng.randint(1, 6 if year == 1998 else 12), rng.randint(1, 28))
        precision = sp.get("birth_precision", "day")
        if precision == "year":  # the papers give only the year of birth
            birth = date(birth.year, 1, 1)

        # Education and the first job.
        level = {"NCS": "DH", "TS": "DH", "ThS": "DH"}.get(seat.edu, seat.edu)
        age_done = {"DH": 22, "CD": 21, "TC": 20, "SC": 19}[level]
        grad = date(birth.year + age_done + rng.choice([0, 0, 0, 1, 1, 2]), rng.choice([6, 7]), rng.randint(1, 28))
        first_post = self._first_post_date(seat)
        years_before_post = {"so": 5, "head": 4, "deputy": 3, "sub": 2}.get(seat.tier or "", 2)
        latest = add_months(first_post, -12 * years_before_post) if first_post else None
        if transfer is not None:
            latest = add_months(transfer, -36)
        while latest is not None and grad > latest and birth.year > 1963:
            birth = birth.replace(year=birth.year - 1)
            grad = grad.replace(year=grad.year - 1)
        gap_years = rng.choice([0, 0, 1, 1, 2, 3]) + (rng.randint(2, 6) if rng.random() < 0.2 else 0)
        natural = max(grad + timedelta(days=60 + 365 * gap_years), FIRST_RECRUITMENT)
        if latest is not None:
            natural = min(natural, latest)
        if probation_start is not None:
            recruit = probation_start
        elif pos["unit"] == "TTKP" and not pos.get("prior_unit"):
            recruit = next((r for r in _TTKP_ROUNDS if r >= natural), _TTKP_ROUNDS[-1])
        else:
            # Recruitment rounds start on the first of a month; nobody outside probation joined after mid-2021.
            months = sorted(rng.sample([3, 4, 7, 8, 10, 12], 3))
            recruit = next(date(y, m, 1) for y in (natural.year, natural.year + 1) for m in months
                           if date(y, m, 1) >= natural)
            recruit = min(recruit, date(2021, 6, 1))
            if latest is not None and recruit > latest:
                recruit = max(natural, FIRST_RECRUITMENT)
        if grad > recruit - timedelta(days=30):
            grad = recruit - timedelta(days=rng.randint(45, 120))

        ret = retirement(gender, birth, self.rb)
        if ret.retirement_date <= AS_OF + timedelta(days=1):
            raise DomainError("demo_data", f"Dữ liệu mẫu sai: người sinh {_dmy(birth)} đã nghỉ hưu trước 30/06/2022.")

        district, commune = self._place(sp)
        full_name = sp.get("full_name") or self._new_name(gender)
        self._names.add(full_name)
        birth_place = f"{commune}, {district}, {self.people['province']}"
        home_town = birth_place if rng.random() < 0.7 else ", ".join(self._place({})[::-1]) + \
            f", {self.people['province']}"
        person = _PersonPlan(
            seat=seat, full_name=full_name, gender=gender, birth=birth, birth_precision=precision,
            retirement_date=ret.retirement_date, ethnicity=sp.get("ethnicity", self.people["ethnicity"]),
            religion=self._weighted(self.people["religions"]), birth_place=birth_place, home_town=home_town,
            district=district, recruit=recruit, grad=grad,
        )
        if recruit > grad + timedelta(days=400):
            job = rng.choice(self.people["outside_jobs"]).format(district=district)
            person.outside.append((grad + timedelta(days=45), recruit - timedelta(days=1), job))
        if probation_start is not None:
            result = probation(seat.category, "DH", recruit, self.rb)
            person.probation_end = result.end_date if result else None
        self._stints(person, transfer)
        self._identity(person)
        return person

    def _place(self, sp: dict[str, Any]) -> tuple[str, str]:
        districts = self.people["districts"]
        if "district" in sp:
            district = next(d for d in districts if d["name"] == sp["district"])
        else:
            district = self._weighted([[d, d["weight"]] for d in districts])
        commune = sp.get("commune") or self.rng.choice(district["communes"])
        return district["name"], commune

    def _new_name(self, gender: str) -> str:
        for _ in range(200):
            family = self._weighted(self.people["family_names"])
            middle = self._weighted(self.people["middle_names"][gender])
            given = self.rng.choice(self.people["given_names"][gender])
            name = f"{family} {middle} {given}"
            if name not in self._names and fold(given) != "nuong":
                return name
        raise DomainError("demo_data", "Không sinh được họ tên không trùng.")

    def _stints(self, person: _PersonPlan, transfer: date | None) -> None:
        """Employment periods, oldest first: explicit moves (leaders, transfers), then structural ones (the unit
        did not exist yet, or was merged)."""
        seat, pos = person.seat, person.seat.pos
        chain: list[_Stint] = [_Stint(pos["unit"], seat.category, person.recruit)]
        prior_unit, prior_category, join = None, seat.category, None
        priors = pos.get("prior") or (pos.get("prior_by_seat") or [None] * (seat.index + 1))[seat.index]
        if priors:
            first = priors[0]
            prior_unit, prior_category = first["unit"], first.get("category", seat.category)
            join = next((_d(p["from"]) for p in priors if p["unit"] == pos["unit"]), None) or self._post_from(seat)
        elif pos["unit"] == "TTKP" and pos.get("prior_unit"):
            prior_unit, prior_category, join = "TTUD", "vien_chuc", self._post_from(seat)
        elif transfer is not None:
            prior_unit, prior_category, join = "TTUD", "vien_chuc", transfer
        if prior_unit and person.recruit < join:
            chain[0].start = join
            chain[0].decision = self._move_decision(pos["unit"], join, seat)
            chain.insert(0, _Stint(prior_unit, prior_category, person.recruit))
        # Structural predecessors of the oldest unit in the chain.
        while True:
            head = chain[0]
            rule = _STRUCTURAL.get(head.unit)
            if rule is None or head.start >= rule[0]:
                break
            switch, before = rule
            if head.unit == "QLCN":
                before = pos.get("prior_unit") or self.rng.choice(["QLCNTT", "QLCNG"])
            chain.insert(0, _Stint(before, head.category, head.start))
            head.start = switch
            head.decision = self.fixed[self.units[head.unit]["decision"]]
            if head.unit == "QLCN":
                head.note = f"Chuyển do sáp nhập {self.units[before]['name']} vào {self.units['QLCN']['name']}"
        recruit_dec = self._recruit_decision(chain[0], person)
        chain[0].decision = recruit_dec
        for stint in chain:
            stint.start = max(stint.start, self._unit_start(stint.unit))
        for prev, end in zip(chain, chain_ends([x.start for x in chain])[:-1], strict=False):  # the last keeps its end
            prev.end = end
        person.stints = chain

    def _post_from(self, seat: _Seat) -> date:
        pos = seat.pos
        if pos.get("post_from_by_seat"):
            return _d(pos["post_from_by_seat"][seat.index])
        return _d(pos["post_from"])

    def _issuer_for(self, unit: str, category: str) -> str:
        root = self._centre(unit)
        return root if category == "vien_chuc_tu_chu" and root else "SKHCN"

    def _centre(self, unit: str) -> str | None:
        while unit and unit not in ("TTUD", "TTPT", "TTKP"):
            unit = self.units[unit]["parent"]
        return unit

    def _recruit_decision(self, stint: _Stint, person: _PersonPlan) -> _Dec:
        day = person.recruit
        sign = day - timedelta(days=10)
        if stint.category == "cong_chuc":
            # Before the Sở Nội vụ (2004) civil servants were recruited by a decision of the province.
            return self.batch("SNV" if sign.year >= 2004 else "UBND", sign,
                              "Về việc tuyển dụng công chức vào làm việc tại Sở Khoa học và Công nghệ")
        if stint.category == "hop_dong":
            return self.batch("SKHCN", sign, "Về việc ký hợp đồng lao động theo Nghị định số 68/2000/NĐ-CP")
        issuer = self._issuer_for(stint.unit, stint.category)
        return self.batch(issuer, sign, "Về việc tuyển dụng viên chức")

    def _move_decision(self, unit: str, day: date, seat: _Seat) -> _Dec:
        if unit == "BGD":
            return self.batch("UBND", day - timedelta(days=7), "Về việc điều động và bổ nhiệm cán bộ")
        if seat.category == "cong_chuc" and unit != "BGD" and seat.pos["group"] != "lanh_dao":
            return self.batch("SNV", day - timedelta(days=10), "Về việc tiếp nhận và tuyển dụng công chức")
        return self.batch("SKHCN", day - timedelta(days=7), "Về việc điều động viên chức")

    def _identity(self, person: _PersonPlan) -> None:
        rng = self.rng
        f = person.fields
        century = 0 if person.birth.year < 2000 else 2
        digit = century + (0 if person.gender == "M" else 1)
        while True:
            number = f"052{digit}{person.birth.year % 100:02d}{rng.randint(0, 999999):06d}"
            if number not in self._ids:
                break
        self._ids.add(number)
        f["id_number"] = number
        f["id_issue_date"] = self._date_between(date(2021, 3, 1), date(2021, 12, 20))
        f["id_issue_place"] = ID_ISSUE_PLACE
        while True:
            phone = rng.choice(["090", "091", "093", "094", "097", "098", "035", "036", "038", "077", "079", "083",
                                "088"]) + f"{rng.randint(0, 9999999):07d}"
            if phone not in self._phones:
                break
        self._phones.add(phone)
        f["phone"] = phone
        parts = fold(person.full_name).split(" ")
        base = "".join(p[0] for p in parts[:-1]) + parts[-1]
        email, n = base, 1
        while email in self._emails:
            n += 1
            email = f"{base}{n}"
        self._emails.add(email)
        f["email"] = f"{email}@skhcn.binhdinh.gov.vn"
        while True:
            bhxh = f"52{rng.randint(0, 99999999):08d}"
            if bhxh not in self._bhxh:
                break
        self._bhxh.add(bhxh)
        f["social_insurance_no"] = bhxh
        if person.district == "thành phố Quy Nhơn" or rng.random() < 0.55:
            address = f"Số {rng.randint(2, 320)} {rng.choice(self.people['quy_nhon_streets'])}, thành phố Quy Nhơn, " \
                      f"{self.people['province']}"
        else:
            village = rng.choice(self.people["villages"])
            address = f"Thôn {village}, {person.birth_place.split(', ')[0]}, {person.district}, " \
                      f"{self.people['province']}"
        f["permanent_address"] = address
        f["current_address"] = address if rng.random() < 0.85 or "Quy Nhơn" in address else \
            f"Số {rng.randint(2, 320)} {rng.choice(self.people['quy_nhon_streets'])}, thành phố Quy Nhơn, " \
            f"{self.people['province']}"
        f["general_education"] = "12/12"
        f["health"] = "Tốt" if rng.random() < 0.9 else "Khá"
        f["height_cm"] = rng.randint(160, 176) if person.gender == "M" else rng.randint(150, 165)
        f["weight_kg"] = rng.randint(55, 78) if person.gender == "M" else rng.randint(43, 60)
        f["blood_type"] = rng.choices(["O", "A", "B", "AB"], weights=[42, 22, 30, 6])[0]
        f["history_notes"] = HISTORY_NOTES
        youth = date(person.birth.year + 15 + rng.randint(0, 2), 3, 26)
        f["union_join_info"] = f"Đoàn TNCS Hồ Chí Minh: {_dmy(youth)}; Công đoàn Việt Nam: {person.recruit:%m/%Y}"
        sp = person.seat.special
        if "army" in sp:
            f["army_join_date"], f["army_leave_date"] = _d(sp["army"][0]), _d(sp["army"][1])
            f["army_rank"] = sp["army"][2]
        if "policy_family" in sp:
            f["policy_family"] = sp["policy_family"]
        party = person.seat.is_leader or person.seat.llct or rng.random() < {
            "cong_chuc": 0.5, "vien_chuc": 0.35, "vien_chuc_tu_chu": 0.25}.get(person.seat.category, 0.1)
        if party:
            earliest = max(person.recruit, add_months(person.birth, 12 * 23))
            latest = min(date(2021, 12, 31), add_months(person.birth, 12 * 38))
            if person.seat.pos.get("post"):
                latest = min(latest, self._first_post_date(person.seat) or latest)
            if earliest < latest:
                joined = self._date_between(earliest, latest)
                f["party_join_date"] = joined
                official = add_months(joined, 12)
                f["party_official_date"] = official if official <= AS_OF else None

    # ---- leadership posts

    def _posts(self, persons: list[_PersonPlan]) -> None:
        for person in persons:
            seat, pos = person.seat, person.seat.pos
            post = pos.get("post")
            if not post:
                continue
            segments: list[tuple[str, str, date, str]] = []  # (unit, post, start, kind)
            priors = pos.get("prior") or (pos.get("prior_by_seat") or [None] * (seat.index + 1))[seat.index]
            for prior in priors or []:
                segments.append((prior["unit"], prior["post"], _d(prior["from"]), "bo_nhiem"))
            if pos.get("deputy_from"):
                segments.append((pos.get("prior_unit", pos["unit"]), _DEPUTY.get(post, post),
                                 _d(pos["deputy_from"]), "bo_nhiem"))
            segments.append((pos["unit"], post, self._post_from(seat), pos.get("post_kind", "bo_nhiem")))
            ends = chain_ends([start for _, _, start, _ in segments])
            for (unit, code, start, kind), until in zip(segments, ends, strict=True):
                self._terms(person, unit, code, start, kind, until,
                            extend=pos.get("extend_to_retirement", False) and until is None)

    def _post_decision(self, unit: str, code: str, start: date, kind: str) -> _Dec:
        verb = {"bo_nhiem": "bổ nhiệm", "bo_nhiem_lai": "bổ nhiệm lại", "keo_dai": "kéo dài thời gian giữ chức vụ",
                "dieu_dong": "điều động và bổ nhiệm"}[kind]
        title = catalogs.label("post", code)
        if unit == "BGD":
            return self.batch("UBND", start - timedelta(days=10), f"Về việc {verb} {title} Sở Khoa học và Công nghệ")
        centre = self._centre(unit)
        issuer = centre if centre and code in ("truong_phong_trung_tam", "pho_truong_phong_trung_tam",
                                               "ke_toan_truong") else "SKHCN"
        return self.batch(issuer, start - timedelta(days=7), f"Về việc {verb} {title}")

    def _terms(self, person: _PersonPlan, unit: str, code: str, start: date, kind: str, until: date | None,
               extend: bool) -> None:
        """Terms of one post from `start`: 5 years each, reappointed (or extended near retirement) until the post
        ends (`until`) or the term covers 30/06/2022."""
        rows = [_Post(unit, code, start, kind, self._term_end(start, person.retirement_date),
                      self._post_decision(unit, code, start, kind))]
        while True:
            current = rows[-1]
            nxt = current.term_end + timedelta(days=1)
            if until is not None and nxt > until:
                current.end = until
                current.end_reason = "Được bổ nhiệm chức vụ khác" if unit == "BGD" or code in _DEPUTY.values() \
                    else "Điều động, bổ nhiệm chức vụ khác"
                if self.units[unit].get("merged_into"):
                    current.end_reason = f"Đơn vị sáp nhập vào {self.units[self.units[unit]['merged_into']]['name']}"
                break
            if until is None and nxt > AS_OF:
                break
            re_kind = self._reappointment(nxt, person.retirement_date)
            new_kind = "keo_dai" if re_kind is ReappointmentKind.KEO_DAI_DEN_NGHI_HUU or extend and \
                re_kind is not ReappointmentKind.BO_NHIEM_LAI else "bo_nhiem_lai"
            current.end = current.term_end
            current.end_reason = "Hết thời hạn, " + ("kéo dài thời gian giữ chức vụ" if new_kind == "keo_dai"
                                                     else "được bổ nhiệm lại")
            rows.append(_Post(unit, code, nxt, new_kind, self._term_end(nxt, person.retirement_date),
                              self._post_decision(unit, code, nxt, new_kind)))
        if until is None:
            rows[-1].end = None
            rows[-1].end_reason = None
        person.posts.extend(rows)

    def _rule_day(self, start: date) -> date:
        """Terms that began before the oldest stored version of the appointment rule are computed with that
        version (the 5-year term is older than the rule data)."""
        return max(start, self.rb.versions(APPOINTMENT_TERM)[0].effective_from)

    def _term_end(self, start: date, retirement_date: date) -> date:
        ruled = self._rule_day(start)
        if ruled == start:
            return term_end(start, retirement_date, self.rb).end
        months = int(self.rb.get(APPOINTMENT_TERM, ruled).params["term_years"]) * 12
        full = add_months(start, months) - timedelta(days=1)
        return min(full, retirement_date - timedelta(days=1))

    def _reappointment(self, start: date, retirement_date: date) -> ReappointmentKind:
        ruled = self._rule_day(start)
        if ruled == start:
            return reappointment_kind(start, retirement_date, self.rb).kind
        params = self.rb.get(APPOINTMENT_TERM, ruled).params
        if retirement_date < add_months(start, int(params["no_reappointment_below_months"])):
            return ReappointmentKind.KEO_DAI_DEN_NGHI_HUU
        if retirement_date < add_months(start, int(params["reappoint_to_retirement_below_months"])):
            return ReappointmentKind.BO_NHIEM_LAI_DEN_NGHI_HUU
        return ReappointmentKind.BO_NHIEM_LAI

    # ---- ranks

    def _ranks(self, persons: list[_PersonPlan]) -> None:
        rng = self.rng
        for person in persons:
            seat, pos = person.seat, person.seat.pos
            ranks = pos["ranks"]
            age = (AS_OF - person.birth).days // 365
            senior = len(ranks) > 1 and (
                seat.tier in ("so", "head")
                or (seat.tier in ("deputy", "sub") and age >= 40 and rng.random() < 0.6)
                or (not seat.is_leader and age >= 42 and rng.random() < 0.3))
            target = ranks[-1] if senior else ranks[0]
            ladder = [target]
            while ladder[0] in _BELOW:
                ladder.insert(0, _BELOW[ladder[0]])
            days = [person.recruit]
            for step_up in range(1, len(ladder)):
                years = 9 if step_up == 1 else 6
                earliest = add_months(days[-1], 12 * years)
                chosen = self._promotion_day(earliest, required=step_up < len(ladder) and ranks[0] in ladder[step_up:])
                if chosen is None:
                    ladder = ladder[:step_up]
                    break
                days.append(chosen)
            # Earlier periods in the other kind of staff hold the equivalent rank of the same salary class.
            changes = sorted({*days, *(s.start for s in person.stints[1:])})
            current_category = seat.category
            for day in changes:
                level = max(i for i, d in enumerate(days) if d <= day)
                code = ladder[level]
                category = next(s.category for s in reversed(person.stints) if s.start <= day) \
                    if day >= person.stints[0].start else person.stints[0].category
                if category != current_category:
                    code = self._equivalent(code, category)
                if person.ranks and person.ranks[-1][1] == code:
                    continue
                if not person.ranks:
                    person.ranks.append((day, code, person.stints[0].decision, "tuyen_dung"))
                    continue
                promoted = day in days[1:]
                dec = self._rank_decision(code, day, category, person) if promoted else \
                    next(s.decision for s in person.stints if s.start == day)
                person.ranks.append((day, code, dec, "nang_ngach" if promoted else "chuyen_ngach"))

    def _equivalent(self, code: str, category: str) -> str:
        rank = self._rank(code)
        if category in _VC and rank["kind"] == "ngach":
            return _VC_BY_CLASS[rank["salary_class"]]
        if category == "cong_chuc" and rank["kind"] == "cdnn":
            return _CC_BY_CLASS[rank["salary_class"]]
        return code

    def _promotion_day(self, earliest: date, required: bool) -> date | None:
        rounds = [date(y, 12, 1) for y in range(2006, 2022)] + [date(y, 6, 1) for y in range(2012, 2023)]
        rounds = sorted(d for d in rounds if d <= AS_OF)
        fit = [d for d in rounds if d >= earliest]
        if not fit:
            return rounds[-1] if required else None
        return self.rng.choice(fit[:4])

    def _rank_decision(self, code: str, day: date, category: str, person: _PersonPlan) -> _Dec:
        name = self._rank(code)["name"]
        if category == "cong_chuc":
            return self.batch("SNV", day - timedelta(days=14), f"Về việc bổ nhiệm và xếp lương ngạch {name}")
        issuer = self._issuer_for(person.stints[-1].unit, category)
        return self.batch(issuer, day - timedelta(days=14),
                          f"Về việc bổ nhiệm chức danh nghề nghiệp và xếp lương {name}")

    # ---- disciplines, evaluations, awards

    def _disciplines(self, persons: list[_PersonPlan]) -> None:
        cases = [
            ("cong_chuc", date(2020, 9, 15), "Vi phạm quy chế làm việc, chậm trễ trong xử lý hồ sơ được giao"),
            ("vien_chuc_tu_chu", date(2019, 5, 20), "Vi phạm quy trình thử nghiệm, để xảy ra sai sót trong phiếu "
                                                    "kết quả"),
        ]
        for category, day, reason in cases:
            pool = [p for p in persons if p.seat.category == category and not p.seat.is_leader
                    and p.seat.pos["group"] != "ho_tro" and p.recruit <= date(2014, 1, 1) and not p.seat.special
                    and not p.posts]
            person = self.rng.choice(pool)
            issuer = self._issuer_for(person.stints[-1].unit, category)
            dec = self.batch(issuer, day, "Về việc thi hành kỷ luật khiển trách")
            person.disciplines.append({"decision_date": day, "form": "khien_trach", "effect_from": day,
                                       "effect_to": add_months(day, 12) - timedelta(days=1), "reason": reason,
                                       "decision": dec})

    def _evaluations(self, persons: list[_PersonPlan]) -> None:
        for person in persons:
            if person.seat.category == "hop_dong":
                continue
            for year in (2019, 2020, 2021):
                if person.recruit > date(year, 6, 30):
                    continue
                dec = self.batch("SKHCN", date(year, 12, 28), "Về việc công nhận kết quả đánh giá, xếp loại chất "
                                 f"lượng công chức, viên chức năm {year}")
                if any(d["decision_date"].year == year for d in person.disciplines):
                    person.evaluations[year] = ("ht", dec)
                    continue
                weights = [30, 68, 2] if person.seat.is_leader else [12, 80, 8]
                person.evaluations[year] = (self.rng.choices(["htxs", "htt", "ht"], weights=weights)[0], dec)

    def _awards(self, persons: list[_PersonPlan]) -> None:
        rng = self.rng
        def rated(person: _PersonPlan, year: int) -> str | None:
            return person.evaluations[year][0] if year in person.evaluations else None

        leaders = [p for p in persons if p.seat.is_leader and rated(p, 2020) == "htxs"]
        for person in rng.sample(leaders, min(3, len(leaders))):
            dec = self.batch("UBND", date(2021, 1, 22), "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh")
            person.awards.append({"award_date": date(2021, 1, 22), "form": "Bằng khen của Chủ tịch UBND tỉnh",
                                  "level": "Tỉnh", "reason": "Đã có thành tích xuất sắc trong công tác năm 2020",
                                  "decision": dec})
        for year, count in ((2019, 5), (2021, 8)):
            pool = [p for p in persons if rated(p, year) == "htxs"]
            for person in rng.sample(pool, min(count, len(pool))):
                day = date(year + 1, 1, 15)
                dec = self.batch("SKHCN", day, f"Về việc khen thưởng thành tích năm {year}")
                person.awards.append({"award_date": day, "form": "Giấy khen của Giám đốc Sở", "level": "Sở",
                                      "reason": f"Đã hoàn thành xuất sắc nhiệm vụ năm {year}", "decision": dec})
        pool = [p for p in persons if rated(p, 2021) == "htxs" and rated(p, 2020) in ("htxs", "htt")]
        for person in rng.sample(pool, min(4, len(pool))):
            day = date(2022, 1, 20)
            dec = self.batch("SKHCN", day, "Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2021")
            person.awards.append({"award_date": day, "form": "Chiến sĩ thi đua cơ sở", "level": "Sở",
                                  "reason": "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận năm 2021",
                                  "decision": dec})

    def _early_steps(self, persons: list[_PersonPlan]) -> None:
        """Three people rated HTXS in 2020, named Chiến sĩ thi đua cơ sở, whose regular step was due in 2021 get
        it early (TT 08/2013, Điều 3: at most 12 months early, within 10% of the payroll)."""
        pool = [p for p in persons if p.evaluations.get(2020, ("",))[0] == "htxs" and not p.disciplines
                and any(r["reason"] == "thuong_xuyen" and r["effective_date"].year == 2021 for r in p.salary)]
        for person in self.rng.sample(pool, min(3, len(pool))):
            day = date(2021, 1, 20)
            dec = self.batch("SKHCN", day, "Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2020")
            person.awards.append({"award_date": day, "form": "Chiến sĩ thi đua cơ sở", "level": "Sở",
                                  "reason": "Hoàn thành xuất sắc nhiệm vụ năm 2020", "decision": dec})
            person.early_year = 2020
            person.salary.clear()
            self._salary(person)

    # ---- salary history

    def _salary(self, person: _PersonPlan) -> None:
        ranks = person.ranks
        changes = [(d, code, dec, reason) for d, code, dec, reason in ranks[1:]]
        rank = ranks[0][1]
        cls = self._rank(rank)["salary_class"]
        coefs = self._coefs(cls)
        start = person.recruit
        seat = person.seat
        with_masters = person.masters_year is not None and person.masters_year < start.year and cls == "A1"
        if start < NEW_SCALE:
            interval = self._interval(cls)
            steps_done = (NEW_SCALE.year * 12 + NEW_SCALE.month - start.year * 12 - start.month) // interval
            step = min(1 + steps_done, len(coefs))
            since = add_months(start, (step - 1) * interval)
            effective, reason = NEW_SCALE, "chuyen_xep"
            dec = self.batch("SKHCN", date(2004, 12, 20),
                             "Về việc chuyển xếp lương cũ sang lương mới theo Nghị định số 204/2004/NĐ-CP")
        else:
            step, since, effective, reason, dec = (2 if with_masters else 1), start, start, "tuyen_dung", ranks[0][2]
        percent = 85 if person.probation_end is not None else 100
        pct, pct_since = 0, None
        rows = person.salary

        def emit(day: date, why: str, decision: _Dec) -> None:
            rows.append({"rank_code": rank, "salary_class": cls, "step": step, "coefficient": coefs[step - 1],
                         "percent": percent, "effective_date": day, "step_since": since,
                         "pctnvk_percent": pct or None, "pctnvk_since": pct_since, "reason": why,
                         "decision": decision})

        emit(effective, reason, dec)
        pct_rule = self.rb.get(PCTNVK, AS_OF).params
        early_used = False
        applied: set[int] = set()
        while True:
            interval = self._interval(cls)
            delay = 0
            for i, disc in enumerate(person.disciplines):
                due_plain = add_months(since, interval)
                if i not in applied and since <= disc["decision_date"] < due_plain and step < len(coefs):
                    delay += step_delay([disc["form"]], 0, 0, seat.category, self.rb, due_plain).months
                    applied.add(i)
            if step < len(coefs):
                due = add_months(since, interval + delay)
                why = "keo_dai" if delay else "thuong_xuyen"
                if person.early_year and not early_used:
                    cand = early_step_candidate(due, person.early_year, self.rb)
                    if cand.eligible and cand.earliest_date is not None:
                        due, why, early_used = max(cand.earliest_date, date(person.early_year, 12, 1)), \
                            "truoc_thoi_han", True
            elif pct == 0:
                due = add_months(since, int(lookup_by_class(pct_rule["first_after_months"], cls)))
                why = "pctnvk"
            else:
                due = add_months(pct_since, int(pct_rule["increase_every_months"]))
                why = "pctnvk"
            change = changes[0] if changes else None
            if change is not None and change[0] <= due and change[0] <= AS_OF:
                changes.pop(0)
                day, new_rank, dec, reason = change
                new_cls = self._rank(new_rank)["salary_class"]
                if new_cls != cls:
                    new_coefs = self._coefs(new_cls)
                    current = coefs[step - 1] * (1 + Decimal(pct) / 100)
                    new_step = next((i + 1 for i, c in enumerate(new_coefs) if c >= current), len(new_coefs))
                    gain = new_coefs[new_step - 1] - coefs[step - 1]
                    one_step = coefs[1] - coefs[0]
                    # TT 02/2007/TT-BNV: the step date carries over when the gain is less than one step of the old rank.
                    if gain >= one_step or pct:
                        since = day
                    cls, coefs, step, pct, pct_since = new_cls, new_coefs, new_step, 0, None
                rank = new_rank
                emit(day, reason, dec)
                continue
            if due > AS_OF:
                break
            if why == "pctnvk":
                pct = int(pct_rule["first_percent"]) if pct == 0 else pct + int(pct_rule["increase_percent"])
                pct_since = due
            else:
                step += 1
                since = due
            percent = 100
            emit(due, why, self._salary_decision(person, due, why))

    def _salary_decision(self, person: _PersonPlan, day: date, why: str) -> _Dec:
        issuer = self._issuer_for(person.stints[-1].unit, person.seat.category) \
            if person.stints[-1].start <= day else "SKHCN"
        if why == "truoc_thoi_han":
            return self.batch(issuer, date(person.early_year, 12, 1),
                              f"Về việc nâng bậc lương trước thời hạn do lập thành tích xuất sắc năm {person.early_year}")
        quarter = (day.month - 1) // 3
        sign = date(day.year, quarter * 3 + 1, 15)
        return self.batch(issuer, sign, f"Về việc nâng bậc lương thường xuyên và phụ cấp thâm niên vượt khung "
                                        f"quý {['I', 'II', 'III', 'IV'][quarter]} năm {day.year}")

    # ---- qualifications

    def _qualifications(self, person: _PersonPlan) -> None:
        rng, seat = self.rng, person.seat
        schools = self.people["schools"]
        major_key = rng.choice(seat.pos["majors"])
        major = self.people["majors"][major_key]
        level = {"NCS": "DH", "TS": "DH", "ThS": "DH"}.get(seat.edu, seat.edu)
        years = {"DH": 5 if major["title"].startswith("Kỹ sư") else 4, "CD": 3, "TC": 2, "SC": 0}[level]
        end = person.grad
        start = date(end.year - years, 9, 5) if years else add_months(end, -3)
        school = rng.choice(schools[major["school"]]) if major["school"] in schools else rng.choice(schools["cd"])
        phd_school = schools["phd"][2] if major["school"] in ("bio", "agri") else rng.choice(schools["phd"][:2])
        person.fields["occupation_at_recruitment"] = major["title"]
        q = person.quals
        q.append({"kind": "chuyen_mon", "level_code": level, "major": major["name"], "institution": school,
                  "mode": "chinh_quy" if rng.random() < 0.85 or level != "DH" else "tai_chuc",
                  "start_date": start, "end_date": end, "year": end.year,
                  "certificate_no": f"{rng.randint(100000, 999999)}", "certificate_date": end + timedelta(days=30)})
        if seat.edu in ("ThS", "TS", "NCS"):
            latest = 2015 if seat.edu in ("TS", "NCS") else 2021
            year = min(latest, max(end.year + 3, person.recruit.year + rng.randint(2, 9)))
            if seat.edu in ("TS", "NCS"):
                year = min(year, 2014)
            person.masters_year = year
            q.append({"kind": "chuyen_mon", "level_code": "ThS", "major": major.get("master", major["name"]),
                      "institution": rng.choice(schools["master"]), "mode": "chinh_quy",
                      "start_date": date(year - 2, 10, 1), "end_date": date(year, 9, 30), "year": year,
                      "certificate_no": f"ThS{rng.randint(10000, 99999)}", "certificate_date": date(year, 11, 15)})
            if seat.edu == "TS":
                ts_year = min(2021, year + rng.randint(4, 6))
                q.append({"kind": "chuyen_mon", "level_code": "TS", "major": major.get("phd", major["name"]),
                          "institution": phd_school, "mode": "chinh_quy",
                          "start_date": date(ts_year - 4, 10, 1), "end_date": date(ts_year, 6, 30), "year": ts_year,
                          "certificate_no": f"TS{rng.randint(1000, 9999)}", "certificate_date": date(ts_year, 9, 10)})
            if seat.edu == "NCS":
                begun = rng.choice([date(2019, 10, 1), date(2020, 10, 1)])
                q.append({"kind": "chuyen_mon", "level_code": "TS", "major": major.get("phd", major["name"]),
                          "institution": phd_school, "mode": "chinh_quy", "start_date": begun,
                          "in_progress": True, "note": "Nghiên cứu sinh"})
        # Political theory, state management, IT, languages.
        if seat.llct:
            first_post = self._first_post_date(seat) or date(2015, 1, 1)
            year = min(2021, max(person.recruit.year + 4, first_post.year - rng.randint(0, 2)))
            inst = schools["llct_cao_cap" if seat.llct == "cao_cap" else "llct_trung_cap"][0]
            q.append({"kind": "llct", "level_code": seat.llct, "institution": inst, "mode": "tai_chuc",
                      "start_date": date(year - 1, 9, 1), "end_date": date(year, 6, 30), "year": year,
                      "certificate_no": f"LLCT{rng.randint(1000, 9999)}", "certificate_date": date(year, 8, 1)})
        final_rank = self._rank(person.ranks[-1][1])
        qlnn = None
        if seat.category == "cong_chuc" and seat.pos["group"] != "ho_tro":
            qlnn = {"A3.1": "CVCC", "A3.2": "CVCC", "A2.1": "CVC", "A2.2": "CVC"}.get(final_rank["salary_class"], "CV")
        elif seat.is_leader:
            qlnn = "CVC" if final_rank["salary_class"].startswith("A2") else "CV"
        if qlnn:
            year = min(2021, person.recruit.year + rng.randint(2, 8))
            if qlnn != "CV" and len(person.ranks) > 1:
                year = max(year, person.ranks[-1][0].year - 1)
            q.append({"kind": "qlnn", "level_code": qlnn, "institution": rng.choice(schools["qlnn"]),
                      "mode": "boi_duong", "start_date": date(year, 3, 1), "end_date": date(year, 5, 30),
                      "year": year, "certificate_no": f"QLNN{rng.randint(1000, 9999)}",
                      "certificate_date": date(year, 6, 20)})
        if seat.pos["group"] != "ho_tro" or level in ("DH", "CD"):
            if major.get("it"):
                q.append({"kind": "tin_hoc", "level_code": "tin_hoc_dh", "major": major["name"],
                          "institution": school, "year": end.year, "mode": "chinh_quy"})
            else:
                year = min(2021, max(2016, person.recruit.year + rng.randint(0, 4)))
                q.append({"kind": "tin_hoc", "level_code": "tin_hoc_nang_cao" if rng.random() < 0.15
                          else "tin_hoc_co_ban", "institution": rng.choice(schools["it"]), "mode": "boi_duong",
                          "year": year, "certificate_no": f"CNTT{rng.randint(10000, 99999)}",
                          "certificate_date": date(year, rng.randint(1, 12), 10)})
            lang_level = "B2" if seat.edu in ("TS", "NCS") else rng.choices(
                ["A2", "B1", "B2"], weights=[30, 55, 15] if level == "DH" else [80, 20, 0])[0]
            language = "Tiếng Anh" if rng.random() < 0.95 else rng.choice(["Tiếng Pháp", "Tiếng Nhật"])
            year = min(2021, max(2015, end.year, person.recruit.year + rng.randint(0, 5)))
            q.append({"kind": "ngoai_ngu", "level_code": lang_level, "language": language,
                      "institution": rng.choice(schools["language"]), "mode": "boi_duong", "year": year,
                      "certificate_no": f"NN{rng.randint(10000, 99999)}", "certificate_date": date(year, 7, 15)})
        if seat.tier == "so":
            q.append({"kind": "qpan", "level_code": "qpan_doi_tuong_3",
                      "institution": "Trường Quân sự tỉnh Bình Định", "mode": "boi_duong", "year": 2018,
                      "start_date": date(2018, 5, 7), "end_date": date(2018, 6, 1)})
        person.fields["main_duties"] = seat.pos["name"]
        person.fields["strengths"] = seat.pos["purpose"].split(";")[0].split(",")[0]

    # ---- family and work history

    def _family(self, person: _PersonPlan) -> None:
        rng = self.rng
        if not (person.seat.is_leader or rng.random() < 0.4):
            return
        family_name = person.full_name.split(" ")[0]
        jobs = self.people["parent_jobs"]  # by gender
        by = person.birth.year
        father_year, mother_year = by - rng.randint(24, 34), by - rng.randint(20, 30)
        for relation, gender, year in (("Cha", "M", father_year), ("Mẹ", "F", mother_year)):
            name = f"{family_name} {self._given_pair(gender)}" if relation == "Cha" else self._stranger("F")
            deceased = year < 1945 or (year < 1955 and rng.random() < 0.5)
            details = f"Quê quán: {person.home_town}; {rng.choice(jobs[gender])}" + \
                (f"; đã từ trần năm {rng.randint(max(year + 55, 2000), 2021)}" if deceased else "; đang sống tại quê")
            person.family.append({"side": "self", "relation": relation, "full_name": name, "birth_year": year,
                                  "details": details})
        if by > 1994 and rng.random() < 0.6:
            return
        spouse_gender = "F" if person.gender == "M" else "M"
        spouse = self._stranger(spouse_gender)
        spouse_year = by + (rng.randint(-1, 5) if person.gender == "M" else rng.randint(-5, 1))
        person.family.append({"side": "self", "relation": "Vợ" if person.gender == "M" else "Chồng",
                              "full_name": spouse, "birth_year": spouse_year,
                              "details": f"{rng.choice(self.people['spouse_jobs'])}; nơi ở: "
                                         f"{person.fields['current_address']}"})
        kids_family = family_name if person.gender == "M" else spouse.split(" ")[0]
        first_kid = by + rng.randint(26, 31)
        for i in range(rng.choice([1, 2, 2, 2, 3])):
            year = first_kid + 3 * i
            if year > 2021:
                break
            gender = rng.choice("MF")
            age = 2022 - year
            status = "Sinh viên" if age >= 18 else ("Học sinh" if age >= 6 else "Còn nhỏ")
            person.family.append({"side": "self", "relation": "Con", "full_name":
                                  f"{kids_family} {self._given_pair(gender)}", "birth_year": year, "details": status})
        spouse_family = spouse.split(" ")[0]
        for relation, gender, delta in (("Cha", "M", rng.randint(24, 34)), ("Mẹ", "F", rng.randint(20, 30))):
            name = f"{spouse_family} {self._given_pair('M')}" if gender == "M" else self._stranger("F")
            person.family.append({"side": "spouse", "relation": relation, "full_name": name,
                                  "birth_year": spouse_year - delta, "details": rng.choice(jobs[gender])})

    def _given_pair(self, gender: str) -> str:
        return f"{self._weighted(self.people['middle_names'][gender])} {self.rng.choice(self.people['given_names'][gender])}"

    def _stranger(self, gender: str) -> str:
        return f"{self._weighted(self.people['family_names'])} {self._given_pair(gender)}"

    def _work_history(self, person: _PersonPlan) -> None:
        seat = person.seat
        level_word = {"DH": "Sinh viên", "CD": "Sinh viên cao đẳng", "TC": "Học sinh trung cấp"}
        first = person.quals[0]
        if first["level_code"] in level_word:
            person.work.append((first["start_date"], first["end_date"],
                                f"{level_word[first['level_code']]} ngành {first['major']}, {first['institution']}"))
        for start, end, text in person.outside:
            person.work.append((start, end, text))
        rank_names = [(d, _HANG.sub("", self._rank(code)["name"])) for d, code, _dec, _r in person.ranks]
        earliest_unit = person.stints[0]
        if person.recruit < earliest_unit.start:
            # Before the unit existed: the predecessor the unit data names, else the department under its name
            # of the time (the Ban Khoa học và Kỹ thuật before the Sở was formed).
            before = self.units[earliest_unit.unit].get("before")
            root_changes = [self._unit_start("SKHCN")] + [_d(r["on"]) for r in self.units["SKHCN"]["renames"]]
            cuts = [person.recruit] + [c for c in root_changes
                                       if person.recruit < c < earliest_unit.start] + [earliest_unit.start]
            for start, nxt in zip(cuts, cuts[1:], strict=False):
                place = before or ("Ban Khoa học và Kỹ thuật Bình Định" if start < self._unit_start("SKHCN")
                                   else self.name_at("SKHCN", start))
                person.work.append((start, nxt - timedelta(days=1), f"{rank_names[0][1]} {place}"))
        # One line per change of unit, post or rank.
        renames = {_d(r["on"]) for code in {s.unit for s in person.stints} | {"SKHCN"}
                   for r in self.units[code].get("renames", []) if _d(r["on"]) > earliest_unit.start}
        points = sorted({s.start for s in person.stints} | {p.start for p in person.posts if p.kind != "bo_nhiem_lai"}
                        | renames
                        | {p.end + timedelta(days=1) for p in person.posts if p.end and p.end < AS_OF}
                        | {d for d, _ in rank_names if d >= earliest_unit.start})
        lines: list[tuple[date, str]] = []
        for day in points:
            stint = next((s for s in reversed(person.stints) if s.start <= day), person.stints[0])
            post = next((p for p in person.posts if p.start <= day and (p.end is None or p.end >= day)), None)
            if post is not None:
                label = self.unit_label(post.unit, day)
                if post.post in ("truong_phong", "pho_truong_phong", "truong_phong_chi_cuc",
                                 "pho_truong_phong_chi_cuc", "truong_phong_trung_tam", "pho_truong_phong_trung_tam"):
                    label = label[0].lower() + label[1:]
                text = f"{_POST_PREFIX[post.post]} {label}"
            else:
                rank_name = next(name for d, name in reversed(rank_names) if d <= day) if rank_names[0][0] <= day \
                    else rank_names[0][1]
                if seat.category == "hop_dong":
                    rank_name = f"{rank_name} (hợp đồng lao động)"
                text = f"{rank_name} {self.unit_label(stint.unit, day)}"
            if not lines or lines[-1][1] != text:
                lines.append((day, text))
        for (day, text), end in zip(lines, chain_ends([day for day, _ in lines]), strict=True):
            person.work.append((day, end, text))

    # ---- settings and signers

    def _settings(self, persons: list[_PersonPlan]) -> dict[str, str]:
        director = next(p for p in persons if p.seat.pos.get("post") == "giam_doc_so")
        hr_officer = next(p for p in persons if p.seat.code == "VP-03")
        return {**self.dep["settings"], "head_title": "GIÁM ĐỐC", "head_name": director.full_name,
                "preparer_name": hr_officer.full_name}

    def _resolve_signers(self, persons: list[_PersonPlan]) -> None:
        holders: dict[tuple[str, str], list[tuple[date, date | None, str]]] = {}
        for person in persons:
            for post in person.posts:
                holders.setdefault((post.post, post.unit), []).append((post.start, post.end, person.full_name))

        def holder(post: str, unit: str, day: date, title: str) -> str:
            for start, end, name in holders.get((post, unit), []):
                if start <= day and (end is None or day <= end):
                    return name
            return title

        for dec in self.decisions:
            token = dec.signer or ""
            if token == "@giam_doc_so":
                dec.signer = holder("giam_doc_so", "BGD", dec.sign_date, "Giám đốc Sở")
            elif token.startswith("@giam_doc:"):
                dec.signer = holder("giam_doc_trung_tam", token.split(":")[1], dec.sign_date, "Giám đốc Trung tâm")


def pos_level(pos: dict[str, Any]) -> str:
    """The education level a position requires (university unless the data says otherwise)."""
    return pos.get("education", "DH")


# --------------------------------------------------------------------------------------------- writing


class _Writer:
    """Turns the plan into rows: decisions, units, quotas and positions, then people and their history."""

    def __init__(self, session: Session, department: dict[str, Any], majors: dict[str, Any], plan: _Plan):
        self.s = session
        self.dep = department
        self.majors = majors
        self.plan = plan
        self.units: dict[str, OrgUnit] = {}
        self.positions: dict[str, JobPosition] = {}

    def write(self) -> dict[str, int]:
        self._decisions()
        self._units()
        quotas = self._quotas()
        self._positions()
        self._people()
        self._settings()
        return {"units": len(self.units), "positions": len(self.positions), "persons": len(self.plan.persons),
                "quotas": quotas, "decisions": len(self.plan.decisions)}

    def _decisions(self) -> None:
        issuers = self.dep["issuers"]
        taken: dict[tuple[str, int], set[int]] = {}
        for dec in self.plan.decisions:
            if dec.number:
                lead = dec.number.split("/")[0]
                if lead.isdigit():
                    taken.setdefault((dec.issuer, dec.sign_date.year), set()).add(int(lead))
        pending = sorted((d for d in self.plan.decisions if not d.number),
                         key=lambda d: (d.issuer, d.sign_date, d.summary))
        last: dict[tuple[str, int], int] = {}
        pace: dict[tuple[str, int], float] = {}
        for dec in pending:
            key = (dec.issuer, dec.sign_date.year)
            spec = issuers[dec.issuer]
            if key not in pace:  # each office issues a little more or less in a given year
                pace[key] = spec["per_day"] * random.Random(f"{dec.issuer}-{dec.sign_date.year}").uniform(0.75, 1.25)
            day_of_year = dec.sign_date.timetuple().tm_yday
            number = max(last.get(key, 0) + 1, round(day_of_year * pace[key]))
            while number in taken.get(key, set()):
                number += 1
            last[key] = number
            dec.number = f"{number:02d}/{spec['suffix']}"
        for dec in self.plan.decisions:
            dec.row = Decision(number=dec.number, kind=dec.kind, sign_date=dec.sign_date, signer=dec.signer,
                               issuer=issuers[dec.issuer]["name"], effective_date=dec.effective_date,
                               summary=dec.summary)
            self.s.add(dec.row)
        self.s.flush()

    def _dec_id(self, key: str) -> int:
        return self.plan.fixed[key].row.id

    def _units(self) -> None:
        for i, spec in enumerate(self.dep["units"]):
            unit = OrgUnit(code=spec["code"], name=spec["name"], short_name=spec.get("short_name"), kind=spec["kind"],
                           sort_order=i, active_from=_d(spec["active_from"]), active_to=_d(spec.get("active_to")),
                           decision_id=self._dec_id(spec["decision"]))
            if spec["parent"]:
                unit.parent = self.units[spec["parent"]]
            self.units[spec["code"]] = unit
            self.s.add(unit)
        self.s.flush()
        for spec in self.dep["units"]:
            unit = self.units[spec["code"]]
            renames = spec.get("renames", [])
            self.s.add(OrgUnitEvent(unit_id=unit.id, kind="create", event_date=unit.active_from,
                                    new_value=renames[0]["from"] if renames else unit.name,
                                    decision_id=unit.decision_id))
            for j, rename in enumerate(renames):
                new = renames[j + 1]["from"] if j + 1 < len(renames) else unit.name
                self.s.add(OrgUnitEvent(unit_id=unit.id, kind="rename", event_date=_d(rename["on"]),
                                        old_value=rename["from"], new_value=new,
                                        decision_id=self._dec_id(rename["decision"])))
            if spec.get("merged_into"):
                target = self.units[spec["merged_into"]]
                unit.merged_into_id = target.id
                on = unit.active_to + timedelta(days=1)
                dec = self._dec_id(spec["merge_decision"])
                self.s.add(OrgUnitEvent(unit_id=unit.id, kind="merge", event_date=on, other_unit_id=target.id,
                                        old_value=unit.name, new_value=target.name, decision_id=dec))
                self.s.add(OrgUnitEvent(unit_id=target.id, kind="merge_in", event_date=on, other_unit_id=unit.id,
                                        old_value=unit.name, new_value=target.name, decision_id=dec))

    def _quotas(self) -> int:
        spec = self.dep["quotas"]
        for row in spec["rows"]:
            self.s.add(HeadcountQuota(year=spec["year"], unit_id=self.units[row["unit"]].id, category=row["category"],
                                      number=row["number"], decision_id=self._dec_id(row["decision"]),
                                      note=row.get("note")))
        return len(spec["rows"])

    def _positions(self) -> None:
        texts = self.dep["group_text"]
        for spec in self.dep["positions"]:
            unit = self.units[spec["unit"]]
            decision = self.plan.fixed["vtvl_248" if spec["unit"] == "TTKP" else "vtvl_4366"]
            group = spec["group"]
            tier = spec.get("tier")
            text = {k: v.format(superior=spec.get("superior", "lãnh đạo đơn vị"), unit=unit.name)
                    for k, v in texts[group].items()}
            pos = JobPosition(
                code=spec["code"], name=spec["name"], unit_id=unit.id, group=group,
                min_rank_code=spec.get("min_rank", spec["ranks"][0]), number_needed=spec["needed"],
                status="approved", decision_id=decision.row.id, effective_from=decision.sign_date,
                purpose=spec["purpose"],
                tasks=[{"task": t, "product": p, "frequency": f} for t, p, f in spec["tasks"]],
                relationships=text["relationships"], authority=text["authority"], conditions=text["conditions"],
                req_education_level=pos_level(spec), req_major=self._majors(spec),
                req_political_theory="cao_cap" if tier in ("so", "head") and unit.kind != "phong_thuoc"
                else ("trung_cap" if group == "lanh_dao" else None),
                req_state_management="CVC" if tier in ("so", "head") else (
                    "CV" if group in ("lanh_dao", "chuyen_nganh", "dung_chung") and spec["ranks"][0][0] != "V"
                    else None),
                req_it=spec.get("it", "tin_hoc_co_ban") if group != "ho_tro" else None,
                req_language=("B1" if tier == "so" else "A2") if group != "ho_tro" else None,
                req_experience_years=spec.get("years", 0), is_leadership=group == "lanh_dao",
            )
            pos.competencies = [PositionCompetency(competency_code=c, level=lvl)
                                for c, lvl in _competencies(spec).items()]
            self.positions[spec["code"]] = pos
            self.s.add(pos)
        self.s.flush()

    def _majors(self, spec: dict[str, Any]) -> str:
        return ", ".join(dict.fromkeys(self.majors[m]["name"] for m in spec["majors"]))

    def _people(self) -> None:
        rows: list[tuple[_PersonPlan, Person, list[Any]]] = []
        for plan in self.plan.persons:
            person = Person(gender=plan.gender, birth_date=plan.birth, birth_precision=plan.birth_precision,
                            birth_place=plan.birth_place, home_town=plan.home_town, ethnicity=plan.ethnicity,
                            religion=plan.religion, status="working", **plan.fields)
            set_name(person, plan.full_name)
            children = self._children(plan)
            values = snapshot_values(
                [c for c in children if isinstance(c, Employment)],
                [c for c in children if isinstance(c, RankAssignment)],
                [c for c in children if isinstance(c, SalaryStep)],
                [c for c in children if isinstance(c, PostHeld)],
                [c.level_code for c in children if isinstance(c, Qualification) and c.kind == "chuyen_mon"
                 and not c.in_progress],
                clock.today(),
            )
            for key, value in values.items():
                setattr(person, key, value)
            rows.append((plan, person, children))
            self.s.add(person)
        self.s.flush()
        for _plan, person, children in rows:
            for child in children:
                child.person_id = person.id
            self.s.add_all(children)
        self.s.flush()

    def _children(self, plan: _PersonPlan) -> list[Any]:
        out: list[Any] = []
        seat = plan.seat
        position = self.positions[seat.code]
        for i, stint in enumerate(plan.stints):
            current = i == len(plan.stints) - 1
            probation_fields = {}
            if plan.probation_end is not None and current:
                probation_fields = {"probation_start": plan.recruit, "probation_end": plan.probation_end,
                                    "probation_pay_percent": 85}
            out.append(Employment(
                category=stint.category, unit_id=self.units[stint.unit].id,
                position_id=position.id if stint.unit == seat.pos["unit"] else None, start_date=stint.start,
                end_date=stint.end, end_reason="moved" if stint.end else None, recruitment_date=plan.recruit,
                recruitment_agency=self.dep["issuers"][plan.stints[0].decision.issuer]["name"],
                decision_id=stint.decision.row.id if stint.decision else None, note=stint.note,
                **probation_fields))
        for i, (day, code, dec, _reason) in enumerate(plan.ranks):
            end = plan.ranks[i + 1][0] - timedelta(days=1) if i + 1 < len(plan.ranks) else None
            out.append(RankAssignment(rank_code=code, effective_date=day, end_date=end, decision_id=dec.row.id))
        for row in plan.salary:
            dec = row.pop("decision")
            out.append(SalaryStep(decision_id=dec.row.id, **row))
        for post in plan.posts:
            allowance = Decimal(catalogs.extra("post", post.post)["allowance"])
            out.append(PostHeld(post_code=post.post, post_title=catalogs.label("post", post.post),
                                unit_id=self.units[post.unit].id, kind=post.kind, start_date=post.start,
                                term_end=post.term_end, end_date=post.end, end_reason=post.end_reason,
                                allowance_coefficient=allowance, decision_id=post.decision.row.id))
            out.append(Allowance(kind="chuc_vu", coefficient=allowance, effective_date=post.start, end_date=post.end,
                                 decision_id=post.decision.row.id))
        for q in plan.quals:
            out.append(Qualification(source="demo", **q))
        for year, (rating, dec) in plan.evaluations.items():
            out.append(Evaluation(year=year, rating=rating, regime="nd56_2015" if year < 2020 else "nd90_2020",
                                  decision_id=dec.row.id))
        for award in plan.awards:
            dec = award.pop("decision")
            out.append(Award(decision_id=dec.row.id, **award))
        for disc in plan.disciplines:
            dec = disc.pop("decision")
            out.append(Discipline(decision_id=dec.row.id, **disc))
        for member in plan.family:
            out.append(FamilyMember(**member))
        for start, end, text in plan.work:
            out.append(WorkHistory(from_date=start, to_date=end, description=text))
        return out

    def _settings(self) -> None:
        stored = {s.key: s for s in self.s.scalars(select(AppSetting))}
        for key, value in self.plan.settings.items():
            if key in stored:
                stored[key].value = value
            else:
                self.s.add(AppSetting(key=key, value=value))


def _competencies(spec: dict[str, Any]) -> dict[str, int]:
    """General competencies by kind of position, plus the position's professional and leadership ones."""
    group, tier = spec["group"], spec.get("tier")
    general = {
        "so": [5, 5, 4, 5, 5, 4, 3], "head": [4, 4, 4, 4, 4, 3, 2], "deputy": [4, 4, 3, 4, 4, 3, 2],
        "sub": [4, 3, 3, 3, 4, 3, 2],
    }.get(tier or "", [2, 2, 1, 2, 2, 1, 0] if group == "ho_tro" else [3, 3, 3, 3, 3, 3, 2])
    out = {f"NLC0{i + 1}": level for i, level in enumerate(general) if level}
    out.update(spec.get("cm", {}))
    if group == "lanh_dao":
        lead = {"so": 4, "head": 3}.get(tier or "", 2)
        out.update({f"NLQL0{i}": lead for i in range(1, 6)})
    return out
