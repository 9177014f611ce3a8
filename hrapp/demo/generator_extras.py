"""The generator's stages after the people: leadership posts, quotas, a recruitment round, a succession
plan and training."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import bindparam, update

from hrapp import catalogs
from hrapp.db.models import (
    Candidate,
    CandidatePreference,
    Course,
    HeadcountQuota,
    Person,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    PostHeld,
    RecruitmentRound,
    RecruitmentTarget,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
)
from hrapp.demo.generator_base import GeneratorBase, table_of
from hrapp.demo.generator_data import COURSES, POSTS, name_parts
from hrapp.demo.terms import term_last_day


class ExtrasBuilder(GeneratorBase):
    """Posts, quotas, recruitment, planning and training of the generated province."""

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
            for i, (pid, _level, retire_on) in enumerate(ranked):
                code = head if i == 0 else deputy
                start = date(self.as_of.year - 1 - rnd.randrange(5), 1 + rnd.randrange(12), 1)
                title = catalogs.label("post", code)
                if u.kind in ("dvsn",):
                    title = "Giám đốc" if i == 0 else "Phó Giám đốc"
                allowance = catalogs.extra("post", code).get("allowance")
                rows.append({"person_id": pid, "post_code": code, "post_title": title, "unit_id": u.id,
                             "kind": "bo_nhiem", "start_date": start,
                             "term_end": term_last_day(start, retire_on, self.rb), "is_concurrent": False,
                             "allowance_coefficient": Decimal(str(allowance)) if allowance else None,
                             "decision_id": self.decision(u.dept, "bo_nhiem", start.year)})
                snapshot.append({"pid": pid, "title": title})
                self.leaders.append((pid, u.id, code))
        self.flush_decisions()
        self.insert(PostHeld, rows)
        table = table_of(Person)
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
            folded, sort_key = name_parts(name)
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
        working = [pid for people in self.people_by_unit.values() for pid, _level, _retire_on in people]
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
