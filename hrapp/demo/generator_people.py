"""The generator's people: each person's employment, ranks, salary history, qualifications, evaluations
and work history, written a batch at a time."""

from __future__ import annotations

from bisect import bisect
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hrapp.db.models import (
    Employment,
    Evaluation,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    WorkHistory,
)
from hrapp.demo.generator_base import GeneratorBase
from hrapp.demo.generator_data import (
    A0_RANK,
    BATCH,
    LADDERS,
    NEW_SCALE,
    RATINGS,
    WORKER_RANKS,
    Unit,
    name_parts,
    weighted,
)
from hrapp.domain.history import day_before
from hrapp.domain.pay_steps import first_step_since
from hrapp.domain.retirement import Sex, add_months
from hrapp.services.history import chain
from hrapp.services.snapshot import EDU_RANK


class PeopleBuilder(GeneratorBase):
    """Draws the people and their careers."""

    # ---------------------------------------------------------------------------------------- people
    def build_people(self) -> None:
        w = self.words
        fam, fam_cum = weighted(w["family_names"])
        mids = {g: weighted(w["middle_names"][g]) for g in ("M", "F")}
        givens = w["given_names"]
        districts, dist_cum = weighted([(d["name"], d["weight"]) for d in w["districts"]])
        communes = {d["name"]: d["communes"] for d in w["districts"]}
        religions, rel_cum = weighted([("khong", 78), ("phat_giao", 16), ("cong_giao", 5), ("tin_lanh", 1)])
        ratings, rating_cum = weighted(RATINGS)
        self._majors = [m for m in w["majors"].values()]
        self._schools = w["schools"]
        rnd = self.rng
        total = self.n_people
        batch: dict[Any, list[dict[str, Any]]] = {}
        for pid in range(1, total + 1):
            unit = self._unit_values[bisect(self._unit_cum, rnd.random() * self._unit_cum[-1])]
            gender: Sex = "M" if rnd.random() < 0.52 else "F"
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

    def _ladder(self, unit: Unit, category: str) -> tuple[str, ...]:
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

    def _person(self, pid: int, unit: Unit, gender: Sex, name: str, place: str, religion: str,
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
        moves: list[tuple[Unit, date, date | None]] = []
        current_start = recruit
        if rnd.random() < 0.3 and len(self.staffed) > 1:
            other = self._unit_values[bisect(self._unit_cum, rnd.random() * self._unit_cum[-1])]
            if other.id != unit.id:
                span = max(((left or as_of) - recruit).days, 400)
                moved = recruit + timedelta(days=rnd.randrange(365, span))
                moved = date(moved.year, moved.month, 1)
                if moved < (left or as_of):
                    moves.append((other, recruit, day_before(moved)))
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
            self.people_by_unit.setdefault(unit.id, []).append(
                (pid, len(promotions) * 10 + min(age, 60) // 10, retire_on))
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
        folded, sort_key = name_parts(name)
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
            # From 15/08/2021 probation does not count toward the first step (TT 03/2021/TT-BNV).
            step, day, reason = 1, recruit, "tuyen_dung"
            since = first_step_since(recruit, prob_end, self.rb).since
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
            elif pct_since is None:  # no seniority allowance yet (pct is 0)
                due, why = add_months(since, self._pct_first[cls]), "pctnvk"
            else:
                due, why = add_months(pct_since, self._pct_every), "pctnvk"
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
