"""The demo department's personal records: identity papers, qualifications, family and work history, and
the names of signers and settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from hrapp.demo.plan import (
    AS_OF,
    HANG,
    HISTORY_NOTES,
    ID_ISSUE_PLACE,
    POST_PREFIX,
    PersonPlan,
    dmy,
    parse_day,
)
from hrapp.demo.planner_base import PlannerBase
from hrapp.domain.history import chain_ends
from hrapp.domain.retirement import add_months
from hrapp.text import fold

PHONE_PREFIXES = ["090", "091", "093", "094", "097", "098", "035", "036", "038", "077", "079", "083", "088"]


def _unused(taken: set[str], draw: Callable[[], str]) -> str:
    """Draw until the value is not taken yet, and take it (identity, phone and insurance numbers are unique)."""
    while True:
        value = draw()
        if value not in taken:
            taken.add(value)
            return value


class RecordsPlanner(PlannerBase):
    """Plans each person's papers and history once their career is known."""

    def _identity(self, person: PersonPlan) -> None:
        rng = self.rng
        f = person.fields
        century = 0 if person.birth.year < 2000 else 2
        digit = century + (0 if person.gender == "M" else 1)
        f["id_number"] = _unused(self._ids, lambda: f"052{digit}{person.birth.year % 100:02d}"
                                                  f"{rng.randint(0, 999999):06d}")
        f["id_issue_date"] = self._date_between(date(2021, 3, 1), date(2021, 12, 20))
        f["id_issue_place"] = ID_ISSUE_PLACE
        f["phone"] = _unused(self._phones, lambda: rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 9999999):07d}")
        parts = fold(person.full_name).split(" ")
        base = "".join(p[0] for p in parts[:-1]) + parts[-1]
        email, n = base, 1
        while email in self._emails:
            n += 1
            email = f"{base}{n}"
        self._emails.add(email)
        f["email"] = f"{email}@skhcn.binhdinh.gov.vn"
        f["social_insurance_no"] = _unused(self._bhxh, lambda: f"52{rng.randint(0, 99999999):08d}")
        f["personal_id"] = f["id_number"]  # the personal identification number is the number on the card
        f["health_insurance_no"] = f["social_insurance_no"]  # the card carries the mã số BHXH
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
        f["union_join_info"] = f"Đoàn TNCS Hồ Chí Minh: {dmy(youth)}; Công đoàn Việt Nam: {person.recruit:%m/%Y}"
        sp = person.seat.special
        if "army" in sp:
            f["army_join_date"], f["army_leave_date"] = parse_day(sp["army"][0]), parse_day(sp["army"][1])
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

    # ---- qualifications

    def _qualifications(self, person: PersonPlan) -> None:
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

    def _family(self, person: PersonPlan) -> None:
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

    def _work_history(self, person: PersonPlan) -> None:
        seat = person.seat
        level_word = {"DH": "Sinh viên", "CD": "Sinh viên cao đẳng", "TC": "Học sinh trung cấp"}
        first = person.quals[0]
        if first["level_code"] in level_word:
            person.work.append((first["start_date"], first["end_date"],
                                f"{level_word[first['level_code']]} ngành {first['major']}, {first['institution']}"))
        for start, end, text in person.outside:
            person.work.append((start, end, text))
        rank_names = [(d, HANG.sub("", self._rank(code)["name"])) for d, code, _dec, _r in person.ranks]
        earliest_unit = person.stints[0]
        if person.recruit < earliest_unit.start:
            # Before the unit existed: the predecessor the unit data names, else the department under its name
            # of the time (the Ban Khoa học và Kỹ thuật before the Sở was formed).
            before = self.units[earliest_unit.unit].get("before")
            root_changes = [self._unit_start("SKHCN")] + [parse_day(r["on"]) for r in self.units["SKHCN"]["renames"]]
            cuts = [person.recruit] + [c for c in root_changes
                                       if person.recruit < c < earliest_unit.start] + [earliest_unit.start]
            for start, nxt in zip(cuts, cuts[1:], strict=False):
                place = before or ("Ban Khoa học và Kỹ thuật Bình Định" if start < self._unit_start("SKHCN")
                                   else self.name_at("SKHCN", start))
                person.work.append((start, nxt - timedelta(days=1), f"{rank_names[0][1]} {place}"))
        # One line per change of unit, post or rank.
        renames = {parse_day(r["on"]) for code in {s.unit for s in person.stints} | {"SKHCN"}
                   for r in self.units[code].get("renames", []) if parse_day(r["on"]) > earliest_unit.start}
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
                text = f"{POST_PREFIX[post.post]} {label}"
            else:
                rank_name = next(name for d, name in reversed(rank_names) if d <= day) if rank_names[0][0] <= day \
                    else rank_names[0][1]
                if seat.category == "hop_dong":
                    rank_name = f"{rank_name} (hợp đồng lao động)"
                text = f"{rank_name} {self.unit_label(stint.unit, day)}"
            if not lines or lines[-1][1] != text:
                lines.append((day, text))
        for (day, text), last in zip(lines, chain_ends([day for day, _ in lines]), strict=True):
            person.work.append((day, last, text))

    # ---- settings and signers

    def _settings(self, persons: list[PersonPlan]) -> dict[str, str]:
        director = next(p for p in persons if p.seat.pos.get("post") == "giam_doc_so")
        hr_officer = next(p for p in persons if p.seat.code == "VP-03")
        return {**self.dep["settings"], "head_title": "GIÁM ĐỐC", "head_name": director.full_name,
                "preparer_name": hr_officer.full_name}

    def _resolve_signers(self, persons: list[PersonPlan]) -> None:
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
