"""The demo department's careers: leadership posts and their terms, ranks, disciplines, evaluations,
awards and salary steps."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hrapp import catalogs
from hrapp.demo.plan import (
    AS_OF,
    BELOW,
    CC_BY_CLASS,
    DEPUTY,
    NEW_SCALE,
    VC,
    VC_BY_CLASS,
    Dec,
    PersonPlan,
    Post,
    parse_day,
)
from hrapp.demo.planner_base import PlannerBase
from hrapp.demo.terms import next_term_kind, term_last_day
from hrapp.domain.appointments import ReappointmentKind
from hrapp.domain.history import chain_ends
from hrapp.domain.pay_steps import PCTNVK, early_step_candidate, first_step_since, step_delay
from hrapp.domain.retirement import add_months
from hrapp.domain.salary import lookup_by_class


class CareerPlanner(PlannerBase):
    """Plans each person's career from the seat they hold on the snapshot day."""

    # ---- leadership posts

    def _posts(self, persons: list[PersonPlan]) -> None:
        for person in persons:
            seat, pos = person.seat, person.seat.pos
            post = pos.get("post")
            if not post:
                continue
            segments: list[tuple[str, str, date, str]] = []  # (unit, post, start, kind)
            priors = pos.get("prior") or (pos.get("prior_by_seat") or [None] * (seat.index + 1))[seat.index]
            for prior in priors or []:
                segments.append((prior["unit"], prior["post"], parse_day(prior["from"]), "bo_nhiem"))
            if pos.get("deputy_from"):
                segments.append((pos.get("prior_unit", pos["unit"]), DEPUTY.get(post, post),
                                 parse_day(pos["deputy_from"]), "bo_nhiem"))
            segments.append((pos["unit"], post, self._post_from(seat), pos.get("post_kind", "bo_nhiem")))
            ends = chain_ends([start for _, _, start, _ in segments])
            for (unit, code, start, kind), until in zip(segments, ends, strict=True):
                self._terms(person, unit, code, start, kind, until,
                            extend=pos.get("extend_to_retirement", False) and until is None)

    def _post_decision(self, unit: str, code: str, start: date, kind: str) -> Dec:
        verb = {"bo_nhiem": "bổ nhiệm", "bo_nhiem_lai": "bổ nhiệm lại", "keo_dai": "kéo dài thời gian giữ chức vụ",
                "dieu_dong": "điều động và bổ nhiệm"}[kind]
        title = catalogs.label("post", code)
        if unit == "BGD":
            return self.batch("UBND", start - timedelta(days=10), f"Về việc {verb} {title} Sở Khoa học và Công nghệ")
        centre = self._centre(unit)
        issuer = centre if centre and code in ("truong_phong_trung_tam", "pho_truong_phong_trung_tam",
                                               "ke_toan_truong") else "SKHCN"
        return self.batch(issuer, start - timedelta(days=7), f"Về việc {verb} {title}")

    def _terms(self, person: PersonPlan, unit: str, code: str, start: date, kind: str, until: date | None,
               extend: bool) -> None:
        """Terms of one post from `start`: 5 years each, reappointed (or extended near retirement) until the post
        ends (`until`) or the term covers 30/06/2022."""
        rows = [Post(unit, code, start, kind, term_last_day(start, person.retirement_date, self.rb),
                     self._post_decision(unit, code, start, kind))]
        while True:
            current = rows[-1]
            nxt = current.term_end + timedelta(days=1)
            if until is not None and nxt > until:
                current.end = until
                current.end_reason = "Được bổ nhiệm chức vụ khác" if unit == "BGD" or code in DEPUTY.values() \
                    else "Điều động, bổ nhiệm chức vụ khác"
                if self.units[unit].get("merged_into"):
                    current.end_reason = f"Đơn vị sáp nhập vào {self.units[self.units[unit]['merged_into']]['name']}"
                break
            if until is None and nxt > AS_OF:
                break
            re_kind = next_term_kind(nxt, person.retirement_date, self.rb)
            new_kind = "keo_dai" if re_kind is ReappointmentKind.KEO_DAI_DEN_NGHI_HUU or extend and \
                re_kind is not ReappointmentKind.BO_NHIEM_LAI else "bo_nhiem_lai"
            current.end = current.term_end
            current.end_reason = "Hết thời hạn, " + ("kéo dài thời gian giữ chức vụ" if new_kind == "keo_dai"
                                                     else "được bổ nhiệm lại")
            rows.append(Post(unit, code, nxt, new_kind, term_last_day(nxt, person.retirement_date, self.rb),
                             self._post_decision(unit, code, nxt, new_kind)))
        if until is None:
            rows[-1].end = None
            rows[-1].end_reason = None
        person.posts.extend(rows)

    # ---- ranks

    def _ranks(self, persons: list[PersonPlan]) -> None:
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
            while ladder[0] in BELOW:
                ladder.insert(0, BELOW[ladder[0]])
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
                    person.ranks.append((day, code, person.stints[0].decided_by, "tuyen_dung"))
                    continue
                promoted = day in days[1:]
                dec = self._rank_decision(code, day, category, person) if promoted else \
                    next(s.decided_by for s in person.stints if s.start == day)
                person.ranks.append((day, code, dec, "nang_ngach" if promoted else "chuyen_ngach"))

    def _equivalent(self, code: str, category: str) -> str:
        rank = self._rank(code)
        if category in VC and rank["kind"] == "ngach":
            return VC_BY_CLASS[rank["salary_class"]]
        if category == "cong_chuc" and rank["kind"] == "cdnn":
            return CC_BY_CLASS[rank["salary_class"]]
        return code

    def _promotion_day(self, earliest: date, required: bool) -> date | None:
        rounds = [date(y, 12, 1) for y in range(2006, 2022)] + [date(y, 6, 1) for y in range(2012, 2023)]
        rounds = sorted(d for d in rounds if d <= AS_OF)
        fit = [d for d in rounds if d >= earliest]
        if not fit:
            return rounds[-1] if required else None
        return self.rng.choice(fit[:4])

    def _rank_decision(self, code: str, day: date, category: str, person: PersonPlan) -> Dec:
        name = self._rank(code)["name"]
        if category == "cong_chuc":
            return self.batch("SNV", day - timedelta(days=14), f"Về việc bổ nhiệm và xếp lương ngạch {name}")
        issuer = self._issuer_for(person.stints[-1].unit, category)
        return self.batch(issuer, day - timedelta(days=14),
                          f"Về việc bổ nhiệm chức danh nghề nghiệp và xếp lương {name}")

    # ---- disciplines, evaluations, awards

    def _disciplines(self, persons: list[PersonPlan]) -> None:
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

    def _evaluations(self, persons: list[PersonPlan]) -> None:
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

    def _awards(self, persons: list[PersonPlan]) -> None:
        rng = self.rng
        def rated(person: PersonPlan, year: int) -> str | None:
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

    def _early_steps(self, persons: list[PersonPlan]) -> None:
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

    def _salary(self, person: PersonPlan) -> None:
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
            # The first step counts from recruitment, or from the end of probation for people recruited from
            # 15/08/2021 (TT 03/2021/TT-BNV: probation is time not counted).
            since = first_step_since(start, person.probation_end, self.rb).since
            step, effective, reason, dec = (2 if with_masters else 1), start, "tuyen_dung", ranks[0][2]
        percent = 85 if person.probation_end is not None else 100
        pct, pct_since = 0, None
        rows = person.salary

        def emit(day: date, why: str, decision: Dec) -> None:
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
                    delay += step_delay([disc["form"]], 0, (), seat.category, self.rb, due_plain).months
                    applied.add(i)
            if step < len(coefs):
                due = add_months(since, interval + delay)
                why = "keo_dai" if delay else "thuong_xuyen"
                if person.early_year and not early_used:
                    cand = early_step_candidate(due, person.early_year, self.rb)
                    if cand.eligible and cand.earliest_date is not None:
                        due, why, early_used = max(cand.earliest_date, date(person.early_year, 12, 1)), \
                            "truoc_thoi_han", True
            elif pct_since is None:  # no seniority allowance yet (pct is 0)
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

    def _salary_decision(self, person: PersonPlan, day: date, why: str) -> Dec:
        issuer = self._issuer_for(person.stints[-1].unit, person.seat.category) \
            if person.stints[-1].start <= day else "SKHCN"
        if why == "truoc_thoi_han" and person.early_year is not None:
            return self.batch(issuer, date(person.early_year, 12, 1),
                              f"Về việc nâng bậc lương trước thời hạn do lập thành tích xuất sắc năm {person.early_year}")
        quarter = (day.month - 1) // 3
        sign = date(day.year, quarter * 3 + 1, 15)
        return self.batch(issuer, sign, f"Về việc nâng bậc lương thường xuyên và phụ cấp thâm niên vượt khung "
                                        f"quý {['I', 'II', 'III', 'IV'][quarter]} năm {day.year}")
