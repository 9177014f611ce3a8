"""The demo department carried from its snapshot (30/06/2022) to a given day, as if its records had been kept.

Everything written here is dated after 30/06/2022, so every figure of the seed report as of that day stays as it
was: the yearly ratings of 2022 to the year before `today` (within the HTXS cap of each unit), the pay steps and
PCTNVK that fell due (by one decision a year), the end of probation, leaders reappointed or kept on to retirement
when a term ended, and retirements with their notice and decision. The rules are the app's own (the career
computations, the appointment, retirement and evaluation rules), so on `today` nothing is overdue: only what
really falls due next shows on the to-do page. The same `today` always gives the same records.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.db.models import (
    Allowance,
    Decision,
    Employment,
    Evaluation,
    OrgUnit,
    Person,
    PlanningEntry,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    WorkHistory,
)
from hrapp.domain.appointments import ReappointmentKind, reappointment_kind
from hrapp.domain.evaluation import Rating, evaluation_rule, htxs_cap_check, rating_from_score
from hrapp.domain.history import ONE_DAY
from hrapp.domain.pay_steps import first_step_since
from hrapp.domain.retirement import RetirementResult, add_months
from hrapp.domain.rules import RuleBook
from hrapp.paths import DEMO
from hrapp.services.career import pay_step_of, probation_of, retirement_of
from hrapp.services.career_facts import PersonFacts, SalaryFacts, load_facts
from hrapp.services.history import supersede
from hrapp.services.persons import LEAVE_LABELS
from hrapp.services.snapshot import snapshot_values

AS_OF = date(2022, 6, 30)
"""The demo department's snapshot day (hrapp.demo.department.AS_OF); nothing on or before it is changed."""
FIRST_DAY = AS_OF + timedelta(days=1)

CENTRES = ("TTUD", "TTPT", "TTKP")
CENTRE_POSTS = ("truong_phong_trung_tam", "pho_truong_phong_trung_tam", "ke_toan_truong")
PAY_SUMMARY = "Về việc nâng bậc lương thường xuyên và phụ cấp thâm niên vượt khung năm {year}"
RATING_SUMMARY = "Về việc công nhận kết quả đánh giá, xếp loại chất lượng công chức, viên chức năm {year}"
NOTICE_SUMMARY = "Thông báo thời điểm nghỉ hưu để hưởng chế độ bảo hiểm xã hội"
RETIRE_SUMMARY = "Về việc nghỉ hưu để hưởng chế độ bảo hiểm xã hội"
RETIRE_CONTRACT_SUMMARY = "Về việc chấm dứt hợp đồng lao động để hưởng chế độ hưu trí"
PROBATION_SUMMARY = {
    "cong_chuc": "Về việc công nhận hoàn thành chế độ tập sự và bổ nhiệm ngạch công chức",
    "vien_chuc": "Về việc công nhận kết quả tập sự và bổ nhiệm chức danh nghề nghiệp viên chức",
    "vien_chuc_tu_chu": "Về việc công nhận kết quả tập sự và bổ nhiệm chức danh nghề nghiệp viên chức",
}
# Shares of the yearly ratings: HT for a few staff (never for leaders or people in a succession plan, whose plan
# asks for HTT or better), HTXS for as many as the cap of each unit allows, at most about one in six.
HT_SHARE = 0.04
HTXS_SKIP_SHARE = 0.3  # a unit does not always use its whole HTXS allowance
# Scores out of 100 for the years rated by score (NĐ 335/2025), by rating.
SCORE_RANGES = {Rating.HTXS: (90, 97), Rating.HTT: (72, 89), Rating.HT: (55, 69)}


def continue_demo_to(session: Session, rulebook: RuleBook, today: date) -> dict[str, int]:
    """Write what happened in the demo department from 01/07/2022 to `today` inside the loader's unit of work;
    returns counts for its summary. Nothing is written for a day on or before 30/06/2022."""
    if today <= AS_OF:
        return {}
    return _Continuation(session, rulebook, today).run()


def _changed(facts: Any, **values: Any) -> Any:
    """A copy of career facts (named tuples or frozen dataclasses) with some values changed."""
    return facts._replace(**values) if hasattr(facts, "_replace") else dataclasses.replace(facts, **values)


# --------------------------------------------------------------------------------------------- decisions


@dataclass(eq=False)
class PendingDecision:
    """A decision to write; numbers are given when the decisions are written, in date order per issuer and year."""

    issuer: str  # key of department.json's issuers
    sign_date: date
    summary: str
    kind: str = "quyet_dinh"
    effective_date: date | None = None
    row: Decision | None = None

    @property
    def id(self) -> int:
        assert self.row is not None and self.row.id is not None
        return self.row.id


class DemoDecisions:
    """The demo's later decisions: one per issuer, day and subject (shared by everyone it concerns), numbered
    after the decisions already stored at the issuer's yearly pace, signed by the head in office that day."""

    def __init__(self, session: Session):
        self.s = session
        department = json.loads((DEMO / "department.json").read_text(encoding="utf-8"))
        self.issuers: dict[str, dict[str, Any]] = department["issuers"]
        self.pending: dict[tuple[str, date, str, str], PendingDecision] = {}
        # (post, unit code, from, to, name) of those who sign: the directors of the Sở and of its centres
        self.heads: list[tuple[str, str, date, date | None, str]] = []
        by_name = {spec["name"]: key for key, spec in self.issuers.items()}
        # (issuer key, year, suffix) -> {number: sign date} of the decisions already stored
        self.taken: dict[tuple[str, int, str], dict[int, date]] = defaultdict(dict)
        for number, issuer, day in session.execute(select(Decision.number, Decision.issuer, Decision.sign_date)):
            key = by_name.get(issuer or "")
            match = re.match(r"(\d+)/(.+)$", number or "")
            if key is not None and match:
                self.taken[(key, day.year, match.group(2))][int(match.group(1))] = day

    def get(self, issuer: str, sign_date: date, summary: str, kind: str = "quyet_dinh",
            effective_date: date | None = None) -> PendingDecision:
        key = (issuer, sign_date, summary, kind)
        dec = self.pending.get(key)
        if dec is None:
            dec = PendingDecision(issuer, sign_date, summary, kind, effective_date)
            self.pending[key] = dec
        return dec

    def _suffix(self, dec: PendingDecision) -> str:
        suffix = self.issuers[dec.issuer]["suffix"]
        return suffix if dec.kind == "quyet_dinh" else suffix.replace("QĐ-", "TB-", 1)

    def write(self, new_posts: Iterable[PostHeld] = ()) -> int:
        """Number and add every pending decision; `new_posts` are posts not yet in the session that sign some."""
        heads = ("giam_doc_so", "giam_doc_trung_tam")
        posts = [*self.s.scalars(select(PostHeld).where(PostHeld.post_code.in_(heads))),
                 *(p for p in new_posts if p.post_code in heads)]
        names = dict(self.s.execute(select(Person.id, Person.full_name).where(
            Person.id.in_({p.person_id for p in posts}))).all())
        units = dict(self.s.execute(select(OrgUnit.id, OrgUnit.code)).all())
        self.heads = [(p.post_code, units[p.unit_id], p.start_date, p.end_date, names[p.person_id]) for p in posts]
        last: dict[tuple[str, int, str], int] = {}
        written = [d for d in self.pending.values() if d.row is None]
        for dec in sorted(written, key=lambda d: (d.issuer, d.sign_date, d.kind, d.summary)):
            suffix = self._suffix(dec)
            key = (dec.issuer, dec.sign_date.year, suffix)
            spec = self.issuers[dec.issuer]
            # the same yearly pace as the demo's other decisions of the issuer (notices are fewer)
            pace = spec["per_day"] * random.Random(f"{dec.issuer}-{dec.sign_date.year}").uniform(0.75, 1.25)
            if dec.kind != "quyet_dinh":
                pace *= 0.3
            taken = self.taken[key]
            earlier = max((n for n, day in taken.items() if day <= dec.sign_date), default=0)
            number = max(last.get(key, 0) + 1, earlier + 1, round(dec.sign_date.timetuple().tm_yday * pace))
            while number in taken:
                number += 1
            last[key] = number
            taken[number] = dec.sign_date
            dec.row = Decision(number=f"{number:02d}/{suffix}", kind=dec.kind, sign_date=dec.sign_date,
                               signer=self._signer(spec["signer"], dec.sign_date), issuer=spec["name"],
                               effective_date=dec.effective_date, summary=dec.summary)
        self.s.add_all(d.row for d in written)
        self.s.flush()
        return len(written)

    def _signer(self, token: str, day: date) -> str:
        """The name of the head in office on the day for '@giam_doc_so' and '@giam_doc:<centre>'."""
        if token == "@giam_doc_so":
            return self._holder("giam_doc_so", "BGD", day) or "Giám đốc Sở"
        if token.startswith("@giam_doc:"):
            return self._holder("giam_doc_trung_tam", token.split(":", 1)[1], day) or "Giám đốc Trung tâm"
        return token

    def _holder(self, post_code: str, unit_code: str, day: date) -> str | None:
        return next((name for code, unit, start, end, name in self.heads
                     if code == post_code and unit == unit_code and start <= day and (end is None or end >= day)),
                    None)


# --------------------------------------------------------------------------------------------- the continuation


@dataclass
class _Person:
    """One person on staff on 30/06/2022 and what the records say about them while the days pass."""

    row: Person
    facts: PersonFacts
    retirement: RetirementResult
    employment: Employment
    posts: list[PostHeld]
    allowances: list[Allowance]

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def retired_by(self) -> date:
        """The first day not at work (the retirement date)."""
        return self.retirement.retirement_date


class _Continuation:
    def __init__(self, session: Session, rulebook: RuleBook, today: date):
        self.s = session
        self.rb = rulebook
        self.today = today
        self.decisions = DemoDecisions(session)
        self.units = {u.id: u for u in session.scalars(select(OrgUnit))}
        self.unit_ids = {u.code: u.id for u in self.units.values()}
        self.new_rows: list[Any] = []  # added once the decisions have ids
        self.links: list[tuple[Any, str, PendingDecision]] = []
        self.counts: dict[str, int] = defaultdict(int)

    # ---- reading the snapshot

    def _people(self) -> list[_Person]:
        facts = load_facts(self.s, AS_OF)
        rows = {p.id: p for p in self.s.scalars(select(Person).where(Person.id.in_(list(facts))))}
        employments: dict[int, Employment] = {}
        for e in self.s.scalars(select(Employment).where(Employment.end_date.is_(None))):
            employments[e.person_id] = e
        posts: dict[int, list[PostHeld]] = defaultdict(list)
        for ph in self.s.scalars(select(PostHeld).where(PostHeld.end_date.is_(None)).order_by(PostHeld.id)):
            posts[ph.person_id].append(ph)
        allowances: dict[int, list[Allowance]] = defaultdict(list)
        for a in self.s.scalars(select(Allowance).where(Allowance.end_date.is_(None)).order_by(Allowance.id)):
            allowances[a.person_id].append(a)
        out = []
        for pid in sorted(facts):
            f = facts[pid]
            out.append(_Person(rows[pid], f, retirement_of(f, self.rb), employments[pid], posts[pid],
                               allowances[pid]))
        return out

    def _centre(self, unit_id: int) -> str | None:
        unit = self.units.get(unit_id)
        while unit is not None and unit.code not in CENTRES:
            unit = self.units.get(unit.parent_id) if unit.parent_id is not None else None
        return unit.code if unit is not None else None

    def _issuer(self, p: _Person) -> str:
        """Who decides on a person's pay, probation and retirement, as in the demo's earlier years: a centre for
        the staff paid from its own revenue, the Sở for everyone else."""
        if p.facts.category == "vien_chuc_tu_chu":
            return self._centre(p.employment.unit_id) or "SKHCN"
        return "SKHCN"

    def _retirement_issuer(self, p: _Person) -> str:
        """The province decides on the department's directors, the person's usual issuer on everyone else."""
        return "UBND" if p.employment.unit_id == self.unit_ids.get("BGD") else self._issuer(p)

    def _link(self, row: Any, attr: str, dec: PendingDecision) -> None:
        self.links.append((row, attr, dec))

    def _add(self, row: Any, dec: PendingDecision | None, attr: str = "decision_id") -> None:
        self.new_rows.append(row)
        if dec is not None:
            self._link(row, attr, dec)

    # ---- the run

    def run(self) -> dict[str, int]:
        people = self._people()
        for p in people:
            notice = self._retirement_notice(p)
            self._salary(p)
            self._posts(p)
            if p.retired_by <= self.today:
                self._retire(p, notice)
        self._evaluations(people)
        self._party(people)
        self.counts["decisions"] = self.decisions.write(r for r in self.new_rows if isinstance(r, PostHeld))
        for row, attr, dec in self.links:
            setattr(row, attr, dec.id)
        self.s.add_all(self.new_rows)
        self.s.flush()
        self._snapshots()
        return dict(self.counts)

    # ---- retirement notice and retirement

    def _retirement_notice(self, p: _Person) -> date | None:
        """The written notice of the retirement date, due 6 months before (sent on the first day after the
        snapshot when it was already due), when it falls by `today`."""
        ret = p.retirement
        due = ret.notice_due or add_months(ret.retirement_date, -6)
        day = max(due, FIRST_DAY)
        if day > self.today or day >= ret.retirement_date:
            return None
        self.decisions.get(self._retirement_issuer(p), day, NOTICE_SUMMARY, kind="thong_bao")
        self.counts["retirement_notices"] += 1
        return day

    def _retire(self, p: _Person, notice: date | None) -> None:
        """Employment, posts and allowances end on the last working day; the decision is signed 3 months before
        the retirement date (not before the notice)."""
        ret = p.retirement
        last = ret.last_working_day
        sign = max(add_months(ret.retirement_date, -3), notice or FIRST_DAY, FIRST_DAY)
        summary = RETIRE_CONTRACT_SUMMARY if p.facts.category == "hop_dong" else RETIRE_SUMMARY
        dec = self.decisions.get(self._retirement_issuer(p), sign, summary, effective_date=ret.retirement_date)
        e = p.employment
        e.end_date, e.end_reason = last, "retired"
        self._link(e, "end_decision_id", dec)
        leaves = last + ONE_DAY  # posts and allowances still running then end on the last working day
        for post in supersede(p.posts, leaves, end_reason=LEAVE_LABELS["retired"]):
            self._link(post, "end_decision_id", dec)
        supersede(p.allowances, leaves, start="effective_date")
        for line in self.s.scalars(select(WorkHistory).where(WorkHistory.person_id == p.id,
                                                             WorkHistory.to_date.is_(None))):
            line.to_date = last
        p.row.status = "retired"
        self.counts["retirements"] += 1

    # ---- salary: probation end, pay steps, PCTNVK

    def _pay_decision(self, p: _Person, day: date) -> PendingDecision:
        """One decision a year per issuer: signed in mid-January for the year (mid-July for the second half of
        2022), never after `today`."""
        sign = date(day.year, 7, 15) if day.year == AS_OF.year else date(day.year, 1, 15)
        return self.decisions.get(self._issuer(p), min(sign, self.today), PAY_SUMMARY.format(year=day.year))

    def _salary(self, p: _Person) -> None:
        f = p.facts
        if f.salary is None:
            return
        prob = probation_of(f, self.rb)
        if prob is not None and f.salary.percent < 100:
            day = prob.end_date + timedelta(days=1)
            if FIRST_DAY <= day <= self.today:
                sign = max(prob.end_date - timedelta(days=5), FIRST_DAY)
                summary = PROBATION_SUMMARY.get(f.category or "", PROBATION_SUMMARY["vien_chuc"])
                dec = self.decisions.get(self._issuer(p), sign, summary, effective_date=day)
                since = first_step_since(prob.start, prob.end_date, self.rb).since
                f = self._write_salary(p, f, _changed(f.salary, percent=100, effective_date=day, reason="tuyen_dung",
                                                      step_since=max(since, f.salary.step_since)),
                                       dec, "Hết thời gian tập sự, hưởng 100% mức lương")
                self.counts["probation_ends"] += 1
        while True:
            out = pay_step_of(f, self.rb)
            if out is None:
                break
            day, why, note = out.due_date, "thuong_xuyen", None
            if out.kind == "nang_bac" and out.delay_months:
                why, note = "keo_dai", f"Kéo dài {out.delay_months} tháng"
            if day > self.today or day >= p.retired_by:
                break
            dec = self._pay_decision(p, day)
            s = f.salary
            assert s is not None
            if out.kind == "nang_bac":
                assert out.next_step is not None and out.next_coefficient is not None
                new = _changed(s, step=out.next_step, coefficient=out.next_coefficient, effective_date=day,
                               step_since=day, reason=why)
                self.counts["pay_steps"] += 1
            else:
                new = _changed(s, pctnvk_percent=out.pctnvk_percent, pctnvk_since=day, effective_date=day,
                               reason="pctnvk")
                note = f"Phụ cấp thâm niên vượt khung {out.pctnvk_percent}%"
                self.counts["pctnvk"] += 1
            f = self._write_salary(p, f, new, dec, note)
        p.facts = f

    def _write_salary(self, p: _Person, f: PersonFacts, s: SalaryFacts, dec: PendingDecision,
                      note: str | None) -> PersonFacts:
        row = SalaryStep(person_id=p.id, rank_code=s.rank_code, salary_class=s.salary_class, step=s.step,
                         coefficient=s.coefficient, percent=s.percent, effective_date=s.effective_date,
                         step_since=s.step_since, pctnvk_percent=s.pctnvk_percent, pctnvk_since=s.pctnvk_since,
                         reason=s.reason, note=note)
        self._add(row, dec)
        return _changed(f, salary=s)

    # ---- leadership terms

    def _posts(self, p: _Person) -> None:
        """A term that ended by `today` is followed by a reappointment (to retirement when less than 5 years
        remain) or, when less than 2 years remain, by keeping the post to retirement; a post running into
        retirement ends with it."""
        for post in list(p.posts):
            current = post
            while current.term_end is not None and current.term_end < self.today:
                start = current.term_end + timedelta(days=1)
                if start >= p.retired_by:
                    break  # the term ran to retirement: the post ends with the employment
                kind = reappointment_kind(start, p.retired_by, self.rb)
                extend = kind.kind is ReappointmentKind.KEO_DAI_DEN_NGHI_HUU
                new_kind = "keo_dai" if extend else "bo_nhiem_lai"
                dec = self._post_decision(current, start, new_kind)
                supersede([current], start, end_reason="Hết thời hạn, " + (
                    "kéo dài thời gian giữ chức vụ" if extend else "được bổ nhiệm lại"))
                self._link(current, "end_decision_id", dec)
                nxt = PostHeld(person_id=p.id, post_code=current.post_code, post_title=current.post_title,
                               unit_id=current.unit_id, kind=new_kind, start_date=start,
                               term_end=kind.term.end if not extend else p.retirement.last_working_day,
                               is_concurrent=current.is_concurrent,
                               allowance_coefficient=current.allowance_coefficient)
                self._add(nxt, dec)
                supersede([a for a in p.allowances if a.kind == "chuc_vu" and a.effective_date == current.start_date],
                          start, start="effective_date")
                if current.allowance_coefficient:
                    allowance = Allowance(person_id=p.id, kind="chuc_vu", coefficient=current.allowance_coefficient,
                                          effective_date=start)
                    self._add(allowance, dec)
                    p.allowances.append(allowance)
                p.posts.append(nxt)
                self.counts["reappointments" if not extend else "extensions"] += 1
                current = nxt

    def _post_decision(self, post: PostHeld, start: date, kind: str) -> PendingDecision:
        verb = "bổ nhiệm lại" if kind == "bo_nhiem_lai" else "kéo dài thời gian giữ chức vụ"
        title = catalogs.label("post", post.post_code, post.post_title)
        if post.unit_id == self.unit_ids.get("BGD"):  # Giám đốc Sở, Phó Giám đốc Sở: by the province
            sign = start - timedelta(days=10)
            title = title.removesuffix(" Sở")
            return self.decisions.get("UBND", max(sign, FIRST_DAY),
                                      f"Về việc {verb} {title} Sở Khoa học và Công nghệ", effective_date=start)
        centre = self._centre(post.unit_id)
        issuer = centre if centre and post.post_code in CENTRE_POSTS else "SKHCN"
        return self.decisions.get(issuer, max(start - timedelta(days=7), FIRST_DAY), f"Về việc {verb} {title}",
                                  effective_date=start)

    # ---- yearly ratings

    def _evaluations(self, people: list[_Person]) -> None:
        """Everyone rated under NĐ 90/2020 (or by score under NĐ 335/2025) who is on staff on 31/12 of the year;
        in each unit and category HTXS stays within the cap (20% of those rated HTT)."""
        planned = set(self.s.scalars(select(PlanningEntry.person_id).where(PlanningEntry.status == "active")))
        stored = {(pid, year) for pid, year in self.s.execute(select(Evaluation.person_id, Evaluation.year))}
        leaders = {p.id for p in people if p.posts}
        previous: dict[int, str] = {}
        for year in range(AS_OF.year, self.today.year):
            rule = evaluation_rule(self.rb, year)
            dec = self.decisions.get("SKHCN", date(year, 12, 28), RATING_SUMMARY.format(year=year))
            groups: dict[tuple[str, str], list[_Person]] = defaultdict(list)
            for p in people:
                category = p.facts.category or ""
                if not isinstance(rule.params.get(category), dict) or (p.id, year) in stored:
                    continue
                if p.retired_by <= date(year, 12, 31):
                    continue
                groups[(self.units[p.employment.unit_id].code, category)].append(p)
            for (unit_code, category), members in sorted(groups.items()):
                rng = random.Random(f"demo-ratings-{year}-{unit_code}-{category}")
                ratings = self._ratings(members, rng, planned, leaders, previous)
                check = htxs_cap_check(ratings.values(), self.rb, year, category)
                assert check.ok, (year, unit_code, category)
                scored = bool(rule.params[category].get("score_bands"))
                for p in members:
                    rating = ratings[p.id]
                    score = None
                    if scored:
                        low, high = SCORE_RANGES[Rating(rating)]
                        score = Decimal(rng.randint(low, high))
                        assert rating_from_score(score, self.rb, year, category).rating.value == rating
                    self._add(Evaluation(person_id=p.id, year=year, rating=rating, score=score,
                                         regime=rule.version if scored else "nd90_2020"), dec)
                    previous[p.id] = rating
                    self.counts["evaluations"] += 1

    @staticmethod
    def _ratings(members: list[_Person], rng: random.Random, planned: set[int], leaders: set[int],
                 previous: dict[int, str]) -> dict[int, str]:
        out = {p.id: Rating.HTT.value for p in members}
        plain = [p for p in members if p.id not in planned and p.id not in leaders]
        for p in plain:
            if rng.random() < HT_SHARE:
                out[p.id] = Rating.HT.value
        rated_htt = sum(1 for r in out.values() if r == Rating.HTT.value)
        allowed = rated_htt // 6  # x HTXS out of the HTT pool leave 20% of (pool − x) ≥ x
        if allowed and rng.random() < HTXS_SKIP_SHARE:
            allowed -= 1
        pool = [p for p in members if out[p.id] == Rating.HTT.value]
        weights = [(3 if p.id in leaders else 1) * (0.5 if previous.get(p.id) == Rating.HTXS.value else 1)
                   for p in pool]
        for _ in range(allowed):
            chosen = rng.choices(pool, weights=weights)[0]
            i = pool.index(chosen)
            pool.pop(i)
            weights.pop(i)
            out[chosen.id] = Rating.HTXS.value
        return out

    # ---- party membership

    def _party(self, people: list[_Person]) -> None:
        """Members admitted in the year before the snapshot became full members 12 months after admission."""
        for p in people:
            joined = p.row.party_join_date
            if joined is None or p.row.party_official_date is not None:
                continue
            official = add_months(joined, 12)
            if AS_OF < official <= min(self.today, p.retirement.last_working_day):
                p.row.party_official_date = official
                self.counts["party_official"] += 1

    # ---- signers and snapshots

    def _snapshots(self) -> None:
        """Everyone's `cur_*` columns as of `today`, from their history read in bulk."""
        by_person: dict[int, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        histories: dict[str, Sequence[Employment | RankAssignment | SalaryStep | PostHeld]] = {
            "emp": self.s.scalars(select(Employment)).all(), "rank": self.s.scalars(select(RankAssignment)).all(),
            "step": self.s.scalars(select(SalaryStep)).all(), "post": self.s.scalars(select(PostHeld)).all()}
        for key, history in histories.items():
            for row in history:
                by_person[row.person_id][key].append(row)
        for pid, level in self.s.execute(select(Qualification.person_id, Qualification.level_code).where(
                Qualification.kind == "chuyen_mon", Qualification.in_progress.is_(False))):
            by_person[pid]["edu"].append(level)
        for person in self.s.scalars(select(Person)):
            rows = by_person[person.id]
            values = snapshot_values(rows["emp"], rows["rank"], rows["step"], rows["post"], rows["edu"], self.today)
            for key, value in values.items():
                if getattr(person, key) != value:
                    setattr(person, key, value)
