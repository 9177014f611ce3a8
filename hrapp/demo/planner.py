"""The demo department's plan: seats filled with people, their dates and employment periods, then their
careers and records (all decided in plain Python first; no database)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from hrapp.demo.plan import (
    AS_OF,
    EXPECTED_EDUCATION,
    EXPECTED_LLCT,
    FIRST_RECRUITMENT,
    PROBATION_POSITIONS,
    PROBATION_STARTS,
    STRUCTURAL,
    TTKP_ROUNDS,
    Dec,
    PersonPlan,
    Plan,
    Seat,
    Stint,
    dmy,
    parse_day,
    pos_level,
)
from hrapp.demo.planner_career import CareerPlanner
from hrapp.demo.planner_records import RecordsPlanner
from hrapp.domain.history import chain_ends
from hrapp.domain.probation import probation
from hrapp.domain.retirement import add_months, retirement
from hrapp.errors import DomainError
from hrapp.text import fold


class Planner(CareerPlanner, RecordsPlanner):
    """Everything decided in plain Python first (careers need decisions, signers need careers); no database."""

    # ---- seats

    def _seats(self) -> list[Seat]:
        specials = {(s["position"], s["seat"]): s for s in self.people["special"]}
        seats: list[Seat] = []
        for pos in self.dep["positions"]:
            index = 0
            edu = pos.get("edu", [])
            llct = pos.get("llct", [])
            for category, count in pos["staff"].items():
                for _ in range(count):
                    seats.append(Seat(pos=pos, index=index, category=category,
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

    def plan(self) -> Plan:
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
        return Plan(self.decisions, self.fixed, persons, settings)

    def _pick_probation(self, seats: list[Seat]) -> dict[int, date]:
        pool = [s for s in seats if s.code in PROBATION_POSITIONS and s.category == "vien_chuc_tu_chu"
                and s.edu == "DH" and not s.special]
        chosen = self.rng.sample(pool, len(PROBATION_STARTS))
        return {id(s): day for s, day in zip(chosen, PROBATION_STARTS, strict=True)}

    def _pick_transferees(self, seats: list[Seat]) -> dict[int, date]:
        """Three công chức who were viên chức of the Information centre before passing the civil-service exam."""
        pool = [s for s in seats if s.category == "cong_chuc" and not s.is_leader and not s.special
                and s.pos["group"] != "ho_tro" and s.pos["unit"] in ("VP", "KHTC", "QLKH", "TTR")]
        chosen = self.rng.sample(pool, 3)
        days = (date(2013, 12, 1), date(2016, 3, 1), date(2018, 7, 1))
        return {id(s): day for s, day in zip(chosen, days, strict=True)}

    def _birth_year_range(self, seat: Seat, gender: str) -> tuple[int, int]:
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

    def _person(self, seat: Seat, probation_start: date | None, transfer: date | None) -> PersonPlan:
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
            birth = parse_day(sp["birth_date"])
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
            recruit = next((r for r in TTKP_ROUNDS if r >= natural), TTKP_ROUNDS[-1])
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
            raise DomainError("demo_data", f"Dữ liệu mẫu sai: người sinh {dmy(birth)} đã nghỉ hưu trước 30/06/2022.")

        district, commune = self._place(sp)
        full_name = sp.get("full_name") or self._new_name(gender)
        self._names.add(full_name)
        birth_place = f"{commune}, {district}, {self.people['province']}"
        home_town = birth_place if rng.random() < 0.7 else ", ".join(self._place({})[::-1]) + \
            f", {self.people['province']}"
        person = PersonPlan(
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

    def _stints(self, person: PersonPlan, transfer: date | None) -> None:
        """Employment periods, oldest first: explicit moves (leaders, transfers), then structural ones (the unit
        did not exist yet, or was merged)."""
        seat, pos = person.seat, person.seat.pos
        chain: list[Stint] = [Stint(pos["unit"], seat.category, person.recruit)]
        prior_unit: str | None = None
        prior_category = seat.category
        join: date | None = None
        priors = pos.get("prior") or (pos.get("prior_by_seat") or [None] * (seat.index + 1))[seat.index]
        if priors:
            first = priors[0]
            prior_unit, prior_category = first["unit"], first.get("category", seat.category)
            join = next((parse_day(p["from"]) for p in priors if p["unit"] == pos["unit"]), None) \
                or self._post_from(seat)
        elif pos["unit"] == "TTKP" and pos.get("prior_unit"):
            prior_unit, prior_category, join = "TTUD", "vien_chuc", self._post_from(seat)
        elif transfer is not None:
            prior_unit, prior_category, join = "TTUD", "vien_chuc", transfer
        if prior_unit and join is not None and person.recruit < join:
            chain[0].start = join
            chain[0].decision = self._move_decision(pos["unit"], join, seat)
            chain.insert(0, Stint(prior_unit, prior_category, person.recruit))
        # Structural predecessors of the oldest unit in the chain.
        while True:
            head = chain[0]
            rule = STRUCTURAL.get(head.unit)
            if rule is None or head.start >= rule[0]:
                break
            switch, before = rule
            if before is None:  # QLCN: the unit merged into it, chosen per person
                before = pos.get("prior_unit") or self.rng.choice(["QLCNTT", "QLCNG"])
            chain.insert(0, Stint(before, head.category, head.start))
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

    def _recruit_decision(self, stint: Stint, person: PersonPlan) -> Dec:
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

    def _move_decision(self, unit: str, day: date, seat: Seat) -> Dec:
        if unit == "BGD":
            return self.batch("UBND", day - timedelta(days=7), "Về việc điều động và bổ nhiệm cán bộ")
        if seat.category == "cong_chuc" and unit != "BGD" and seat.pos["group"] != "lanh_dao":
            return self.batch("SNV", day - timedelta(days=10), "Về việc tiếp nhận và tuyển dụng công chức")
        return self.batch("SKHCN", day - timedelta(days=7), "Về việc điều động viên chức")
