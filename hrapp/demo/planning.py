"""The demo department's succession plans: 2020–2025 (approved in 2020, reviewed in 2021 and 2022 with a
supplement for the merged Phòng Quản lý công nghệ và Chuyên ngành) and 2026–2031 (approved in 2022).

Who is planned follows from the demo staff as loaded (deputies for head posts, heads of phòng for the
department's deputy directors, staff of the unit for deputy posts), chosen by the same checks the app runs,
so the plans meet the rules on the demo date (30/06/2022) except for three entries made to fail on purpose
in 2026–2031: one person too old for a full term, one without political theory (LLCT), one with a year rated
"không hoàn thành nhiệm vụ" (the demo sets that rating). The 2020–2025 plan also shows its history: people
appointed since, and one removed after a reprimand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrapp.db.models import (
    Decision,
    Discipline,
    Employment,
    Evaluation,
    OrgUnit,
    Person,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    PlanningReview,
    PostHeld,
)
from hrapp.demo.department_decisions import director_on, next_number
from hrapp.domain import planning as pl
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError
from hrapp.queries import _planning_rows as q
from hrapp.services.planning import EntryItem, add_entries_in, close_entry, default_period_name, period_check

AS_OF = date(2022, 6, 30)
"""The demo department's date (hrapp.demo.department.AS_OF)."""

SKHCN = "Sở Khoa học và Công nghệ tỉnh Bình Định"
TINH_UY = "Ban Thường vụ Tỉnh ủy Bình Định"

# Units whose posts are planned, in print order; (head post, deputy post).
_UNITS = (
    ("BGD", "giam_doc_so", "pho_giam_doc_so"),
    ("VP", "chanh_van_phong", "pho_chanh_van_phong"),
    ("TTR", "chanh_thanh_tra", "pho_chanh_thanh_tra"),
    ("KHTC", "truong_phong", "pho_truong_phong"),
    ("QLKH", "truong_phong", "pho_truong_phong"),
    ("QLCN", "truong_phong", "pho_truong_phong"),
    ("CCTDC", "chi_cuc_truong", "pho_chi_cuc_truong"),
    ("TTUD", "giam_doc_trung_tam", "pho_giam_doc_trung_tam"),
    ("TTPT", "giam_doc_trung_tam", "pho_giam_doc_trung_tam"),
    ("TTKP", "giam_doc_trung_tam", "pho_giam_doc_trung_tam"),
)
_PHONG_HEADS = {"chanh_van_phong", "chanh_thanh_tra", "truong_phong", "chi_cuc_truong", "giam_doc_trung_tam"}
# How many people each post gets when enough candidates pass the checks.
_WANTED = {"giam_doc_so": 2, "pho_giam_doc_so": 3}
_WANTED_HEAD = 2
_WANTED_DEPUTY = 2


@dataclass
class _Post:
    row: PlanningPost
    unit: OrgUnit
    head: bool


class _Demo:
    def __init__(self, session: Session, rulebook: RuleBook):
        self.s = session
        self.book = rulebook
        self.units = {u.code: u for u in session.scalars(select(OrgUnit))}
        self.children: dict[int, list[int]] = defaultdict(list)
        for u in self.units.values():
            if u.parent_id is not None:
                self.children[u.parent_id].append(u.id)

    # ---- reading the demo staff

    def on_staff(self, day: date) -> dict[int, int]:
        """{person id: unit id} of the people with an employment covering the day."""
        out: dict[int, int] = {}
        rows = self.s.execute(select(Employment.person_id, Employment.unit_id).where(
            Employment.start_date <= day, or_(Employment.end_date.is_(None), Employment.end_date >= day))
            .order_by(Employment.start_date))
        for pid, uid in rows:
            out[pid] = uid
        return out

    def holders(self, day: date) -> dict[int, list[PostHeld]]:
        out: dict[int, list[PostHeld]] = defaultdict(list)
        for ph in self.s.scalars(select(PostHeld).where(
                PostHeld.start_date <= day, or_(PostHeld.end_date.is_(None), PostHeld.end_date >= day))):
            out[ph.person_id].append(ph)
        return out

    def unit_by_id(self, unit_id: int) -> OrgUnit:
        return next(u for u in self.units.values() if u.id == unit_id)

    def subtree(self, unit_id: int) -> set[int]:
        out, stack = set(), [unit_id]
        while stack:
            uid = stack.pop()
            out.add(uid)
            stack.extend(self.children.get(uid, []))
        return out

    def pool(self, post: _Post, day: date) -> list[int]:
        """Candidates for a post on `day`, most natural first: the post's deputies for a head post, heads of
        phòng for a deputy director, leaders of sub-units then staff of the unit for a deputy post."""
        staff = self.on_staff(day)
        held = self.holders(day)
        rank = pl.post_rank(post.row.post_code)
        code = post.row.post_code
        unit_id = post.unit.id
        tree = self.subtree(unit_id)
        groups: list[list[int]] = [[], []]
        for pid, staff_unit in staff.items():
            posts = held.get(pid, [])
            if any(pl.post_rank(p.post_code) >= rank for p in posts):
                continue
            if code == "giam_doc_so":
                if any(p.post_code == "pho_giam_doc_so" for p in posts):
                    groups[0].append(pid)
            elif code == "pho_giam_doc_so":
                if any(p.post_code in _PHONG_HEADS for p in posts):
                    groups[0].append(pid)
            elif post.head:
                if any(p.unit_id == unit_id and p.post_code.startswith("pho_") for p in posts):
                    groups[0].append(pid)
                elif any(p.unit_id in tree for p in posts):
                    groups[1].append(pid)
            else:
                if any(p.unit_id in tree and p.unit_id != unit_id for p in posts):
                    groups[0].append(pid)
                elif not posts and staff_unit in tree:
                    groups[1].append(pid)
        people = {p.id: p for p in self.s.scalars(select(Person).where(Person.id.in_([x for g in groups for x in g])))}
        # the older first among the leaders (seniority), the younger first among staff (planning the young)
        return (sorted(groups[0], key=lambda i: (people[i].birth_date, i))
                + sorted(groups[1], key=lambda i: (-people[i].birth_date.toordinal(), i)))

    # ---- writing

    def decision(self, issuer: str, day: date, summary: str, signer: str) -> Decision:
        if issuer == TINH_UY:
            number = f"{round(day.timetuple().tm_yday * 9.3)}-QĐ/TU"
        else:
            number = next_number(self.s, day)
        row = Decision(number=number, kind="quyet_dinh", sign_date=day, effective_date=day, issuer=issuer,
                       signer=signer, summary=summary)
        self.s.add(row)
        self.s.flush()
        return row

    def director_on(self, day: date) -> str:
        return director_on(self.s, day)

    def period(self, start: int, end: int, version: str, note: str) -> PlanningPeriod:
        row = PlanningPeriod(code=f"{start}-{end}", name=default_period_name(start, end), start_year=start,
                             end_year=end, rule_version=version, note=note)
        self.s.add(row)
        self.s.flush()
        return row

    def posts(self, period: PlanningPeriod, unit_codes: Iterable[str]) -> list[_Post]:
        out = []
        wanted = set(unit_codes)
        for order, (code, head, deputy) in enumerate(_UNITS):
            if code not in wanted or code not in self.units:
                continue
            for post_code in (head, deputy):
                row = PlanningPost(period_id=period.id, unit_id=self.units[code].id, post_code=post_code,
                                   sort_order=order)
                self.s.add(row)
                out.append(_Post(row, self.units[code], post_code == head))
        self.s.flush()
        return out

    def choose(self, period: PlanningPeriod, posts: list[_Post], day: date, *, first: dict[int, list[int]],
               skip: Iterable[int] = (), allow_appointed: bool = True) -> list[EntryItem]:
        """People for each post: `first` (post id → people) always, then those of the pool who pass every check
        on the demo date (having been appointed since `day` aside when `allow_appointed`), within both hard limits,
        up to the number
        wanted for the post (people already planned count); nobody twice in one unit."""
        rules = pl.planning_rules(self.book, period.rule_version)
        check, appoint = pl.check_dates(period.start_year, period.end_year, AS_OF)
        per_post: dict[int, int] = defaultdict(int)
        per_person: dict[tuple[int, str], int] = defaultdict(int)
        units_of: dict[int, set[int]] = defaultdict(set)
        for pid, post_id, code, unit_id in self.s.execute(
                select(PlanningEntry.person_id, PlanningEntry.post_id, PlanningPost.post_code, PlanningPost.unit_id)
                .join(PlanningPost, PlanningPost.id == PlanningEntry.post_id)
                .where(PlanningEntry.period_id == period.id, PlanningEntry.status == "active")):
            per_person[(pid, pl.post_level(code))] += 1
            per_post[post_id] += 1
            units_of[pid].add(unit_id)
        skip = set(skip)
        items: list[EntryItem] = []
        pools = {p.row.id: self.pool(p, day) for p in posts}
        facts = q.cadre_facts(self.s, {pid for pool in pools.values() for pid in pool}
                              | {pid for ids in first.values() for pid in ids}, check)
        for post in posts:
            level = pl.post_level(post.row.post_code)
            limit = pl.post_maximum(rules, post.row.max_people)
            want = _WANTED.get(post.row.post_code, _WANTED_HEAD if post.head else _WANTED_DEPUTY)
            chosen = list(first.get(post.row.id, []))
            for pid in pools[post.row.id]:
                if per_post[post.row.id] + len(chosen) >= min(want, limit):
                    break
                if pid in chosen or pid in skip or pid not in facts or post.unit.id in units_of[pid]:
                    continue
                if per_person[(pid, level)] >= rules.max_posts_per_person:
                    continue
                result = pl.eligibility(facts[pid], post.row.post_code, post.unit.id, rules, self.book,
                                        check_date=check, appointment_date=appoint)
                if all(r.code == pl.HOLDS_POST and allow_appointed for r in result.reasons):
                    chosen.append(pid)
            for pid in chosen[:max(limit - per_post[post.row.id], 0)]:
                per_person[(pid, level)] += 1
                per_post[post.row.id] += 1
                units_of[pid].add(post.unit.id)
                items.append(EntryItem(post.row.id, pid))
        return items

    def add(self, period: PlanningPeriod, items: list[EntryItem], decision: Decision, kind: str,
            review: PlanningReview | None = None) -> set[int]:
        if not items:
            return set()
        ids, _ = add_entries_in(self.s, self.book, period, items, decision.id, decision.effective_date or
                                decision.sign_date, kind, review.id if review else None)
        return ids


def load_demo_planning(session: Session, rulebook: RuleBook) -> dict[str, int]:
    """Write the demo plans inside the demo loader's unit of work; returns counts for its summary."""
    demo = _Demo(session, rulebook)
    first = _plan_2020(demo)
    second = _plan_2026(demo)
    session.flush()
    entries = session.scalars(select(PlanningEntry.id)).all()
    return {"planning_periods": 2, "planning_entries": len(entries), "planning_2020_active": first,
            "planning_2026_active": second}


def _close_appointed(demo: _Demo, appointments: dict[tuple[int, int], PostHeld]) -> None:
    for (post_id, person_id), ph in sorted(appointments.items(), key=lambda kv: kv[1].start_date):
        entry = demo.s.scalar(select(PlanningEntry).where(PlanningEntry.post_id == post_id,
                                                          PlanningEntry.person_id == person_id,
                                                          PlanningEntry.status == "active"))
        if entry is not None:
            unit = demo.unit_by_id(ph.unit_id)
            title = pl.post_title(ph.post_code, unit.name, unit.kind)
            close_entry(demo.s, entry, pl.HOLDS_POST, f"Được bổ nhiệm {title} từ ngày {ph.start_date:%d/%m/%Y}.",
                        ph.decision_id or entry.decision_id, ph.start_date, None, ph.id)


def _post_above(held: PostHeld, posts: list[_Post]) -> _Post | None:
    """The planned post one step above a post held: the director for a deputy director, a deputy director
    for a head of phòng or unit, the unit's head for its deputy."""
    if held.post_code == "pho_giam_doc_so":
        return next((p for p in posts if p.row.post_code == "giam_doc_so"), None)
    if held.post_code in _PHONG_HEADS:
        return next((p for p in posts if p.row.post_code == "pho_giam_doc_so"), None)
    return next((p for p in posts if p.head and p.unit.id == held.unit_id
                 and pl.post_rank(p.row.post_code) > pl.post_rank(held.post_code)), None)


def _split(posts: list[_Post]) -> tuple[list[_Post], list[_Post]]:
    """(posts the provincial party committee plans: the department's directors, the others)."""
    top = [p for p in posts if pl.post_level(p.row.post_code) == "so"]
    return top, [p for p in posts if p not in top]


def _plan_2020(demo: _Demo) -> int:
    s = demo.s
    period = demo.period(2020, 2025, "qd50_2021", "Quy hoạch phê duyệt đầu giai đoạn; rà soát, bổ sung hằng năm "
                         "(năm 2022 bổ sung cho Phòng Quản lý công nghệ và Chuyên ngành sau khi hợp nhất).")
    posts = demo.posts(period, [c for c, _, _ in _UNITS if c != "QLCN"])
    top, rest = _split(posts)
    tu = demo.decision(TINH_UY, date(2019, 12, 20), "Về việc phê duyệt quy hoạch Giám đốc, Phó Giám đốc Sở Khoa "
                       "học và Công nghệ giai đoạn 2020–2025", "T/M Ban Thường vụ")
    approved = date(2020, 1, 15)
    so = demo.decision(SKHCN, approved, "Về việc phê duyệt quy hoạch cán bộ lãnh đạo, quản lý các phòng và đơn vị "
                       "trực thuộc Sở giai đoạn 2020–2025", demo.director_on(approved))
    # people first appointed to a planned post since the plan was approved were in it
    appointed: dict[int, list[int]] = defaultdict(list)
    appointments: dict[tuple[int, int], PostHeld] = {}
    by_key = {(p.unit.id, p.row.post_code): p for p in posts}
    for ph in s.scalars(select(PostHeld).where(PostHeld.kind == "bo_nhiem", PostHeld.start_date > approved,
                                               PostHeld.start_date <= AS_OF).order_by(PostHeld.start_date)):
        post = by_key.get((ph.unit_id, ph.post_code))
        if post is not None and ph.person_id in demo.on_staff(approved) and len(appointed[post.row.id]) < 2:
            appointed[post.row.id].append(ph.person_id)
            appointments[(post.row.id, ph.person_id)] = ph
    # the person reprimanded in 2020 had been planned for a deputy post of the unit
    disciplined: dict[int, list[int]] = defaultdict(list)
    reprimand = s.scalars(select(Discipline).where(Discipline.decision_date > approved,
                                                   Discipline.decision_date <= date(2020, 12, 31))
                          .order_by(Discipline.decision_date)).first()
    if reprimand is not None:
        unit_id = demo.on_staff(approved).get(reprimand.person_id)
        deputy = next((p for p in rest if not p.head and unit_id in demo.subtree(p.unit.id)), None)
        if deputy is not None:
            disciplined[deputy.row.id].append(reprimand.person_id)
    demo.add(period, demo.choose(period, top, date(2019, 12, 20), first=appointed), tu, "initial")
    demo.add(period, demo.choose(period, rest, approved, first={k: appointed.get(k, []) + disciplined.get(k, [])
                                                                 for k in set(appointed) | set(disciplined)}),
             so, "initial")
    # review 2021: the reprimanded person leaves the plan
    if reprimand is not None and disciplined:
        day = date(2021, 1, 20)
        dec = demo.decision(SKHCN, day, "Về việc đưa ra khỏi quy hoạch cán bộ lãnh đạo, quản lý giai đoạn "
                            "2020–2025 (rà soát năm 2021)", demo.director_on(day))
        review = PlanningReview(period_id=period.id, year=2021, review_date=date(2021, 1, 15), decision_id=dec.id,
                                note="Rà soát quy hoạch năm 2021.")
        s.add(review)
        s.flush()
        entry = s.scalar(select(PlanningEntry).where(PlanningEntry.period_id == period.id,
                                                     PlanningEntry.person_id == reprimand.person_id))
        if entry is None:
            raise DomainError("demo_data", "Dữ liệu mẫu sai: người bị kỷ luật không có trong quy hoạch 2020–2025.")
        form = "khiển trách" if reprimand.form == "khien_trach" else reprimand.form
        close_entry(s, entry, pl.DISCIPLINE, f"Bị kỷ luật {form} (quyết định ngày "
                    f"{reprimand.decision_date:%d/%m/%Y}).", dec.id, day, review.id, None)
        review.summary = {"removed": 1, "added": 0}
    # appointments since the approval close the entries as appointed (those before the 2022 review first)
    supplement_day = date(2022, 3, 10)
    _close_appointed(demo, {k: v for k, v in appointments.items() if v.start_date <= supplement_day})
    # review 2022: the merged phòng gets its posts and people (supplement), other posts with room are filled
    day = supplement_day
    dec = demo.decision(SKHCN, day, "Về việc phê duyệt bổ sung quy hoạch cán bộ lãnh đạo, quản lý giai đoạn "
                        "2020–2025 (rà soát năm 2022)", demo.director_on(day))
    review = PlanningReview(period_id=period.id, year=2022, review_date=date(2022, 3, 1), decision_id=dec.id,
                            note="Rà soát, bổ sung quy hoạch năm 2022; bổ sung chức danh của Phòng Quản lý công nghệ "
                                 "và Chuyên ngành (hợp nhất từ ngày 01/05/2021).")
    s.add(review)
    s.flush()
    new_posts = demo.posts(period, ["QLCN"])
    added = demo.add(period, demo.choose(period, posts + new_posts, day, first={}, allow_appointed=False), dec,
                     "supplement", review)
    _close_appointed(demo, {k: v for k, v in appointments.items() if v.start_date > supplement_day})
    s.flush()
    after = period_check(s, demo.book, q.get_period(s, period.id), review.review_date)
    review.summary = {"removed": 0, "added": len(added), "active": len(after.entries),
                      "structure": after.structure.to_json()}
    return len(after.entries)


def _plan_2026(demo: _Demo) -> int:
    s = demo.s
    period = demo.period(2026, 2031, "qd377_2025", "Quy hoạch nhiệm kỳ kế tiếp, phê duyệt năm 2022; kiểm tra theo "
                         "Quy định 377-QĐ/TW.")
    posts = demo.posts(period, [c for c, _, _ in _UNITS])
    top, rest = _split(posts)
    rules = pl.planning_rules(demo.book, period.rule_version)
    check, appoint = pl.check_dates(2026, 2031, AS_OF)
    staff = demo.on_staff(AS_OF)
    held = demo.holders(AS_OF)
    facts = q.cadre_facts(s, staff, check)

    # 1. too old: a leader with fewer months left than a full term, planned for the post above theirs
    above: dict[int, _Post] = {}
    for pid in staff:
        for ph in sorted(held.get(pid, []), key=lambda p: -pl.post_rank(p.post_code)):
            target = _post_above(ph, posts)
            if target is not None:
                above[pid] = target
                break
    left = {pid: pl.months_left_to_retirement(facts[pid].gender, facts[pid].birth, appoint, demo.book)[0]
            for pid in above}
    short = [pid for pid in above if 0 < left[pid] < rules.min_months_left]
    old = max(short, key=lambda i: (left[i], -i)) if short else min(above, key=lambda i: (left[i], i))
    # 2. no political theory: a young staff member of a phòng with everything else in order
    deputy_posts = {p.unit.id: p for p in rest if not p.head and pl.post_level(p.row.post_code) == "phong"}
    no_llct = None
    for pid in sorted(staff, key=lambda i: (-facts[i].birth.value.toordinal(), i)):
        post = deputy_posts.get(staff[pid])
        if post is None or held.get(pid) or facts[pid].highest("llct"):
            continue
        result = pl.eligibility(facts[pid], post.row.post_code, post.unit.id, rules, demo.book, check_date=check,
                                appointment_date=appoint)
        codes = set(result.codes)
        if codes == {pl.QUALIFICATION} and all("lý luận chính trị" in r.message for r in result.reasons):
            no_llct = (post, pid)
            break
    first: dict[int, list[int]] = defaultdict(list)
    first[above[old].row.id].append(old)
    if no_llct is not None:
        first[no_llct[0].row.id].append(no_llct[1])
    skip = {old} | ({no_llct[1]} if no_llct else set())
    top_items = demo.choose(period, top, date(2022, 4, 28), first={k: v for k, v in first.items()
                                                                   if k in {p.row.id for p in top}}, skip=skip)
    rest_items = demo.choose(period, rest, date(2022, 5, 25), first={k: v for k, v in first.items()
                                                                     if k not in {p.row.id for p in top}},
                             skip=skip | {i.person_id for i in top_items})
    # 3. a year rated KHT: someone planned for a phòng-level post, preferably not in the 2020–2025 plan
    earlier = set(s.scalars(select(PlanningEntry.person_id)))
    recent = {pid for pid, posts in held.items() if any(p.start_date.year >= 2022 for p in posts)}
    pool = sorted((i.person_id for i in rest_items if i.person_id not in skip),
                  key=lambda pid: (pid in earlier or pid in recent, pid in recent, -pid))
    kht = pool[0] if pool else None
    if kht is not None:
        row = s.scalar(select(Evaluation).where(Evaluation.person_id == kht, Evaluation.year == 2021))
        if row is None:
            s.add(Evaluation(person_id=kht, year=2021, rating="kht", regime="nd90_2020"))
        else:
            row.rating = "kht"
            row.score = None
            row.note = "Không hoàn thành nhiệm vụ năm 2021."
        s.flush()
    tu = demo.decision(TINH_UY, date(2022, 4, 28), "Về việc phê duyệt quy hoạch Giám đốc, Phó Giám đốc Sở Khoa học "
                       "và Công nghệ nhiệm kỳ 2026–2031", "T/M Ban Thường vụ")
    so = demo.decision(SKHCN, date(2022, 5, 25), "Về việc phê duyệt quy hoạch cán bộ lãnh đạo, quản lý các phòng và "
                       "đơn vị trực thuộc Sở giai đoạn 2026–2031", demo.director_on(date(2022, 5, 25)))
    demo.add(period, top_items, tu, "initial")
    demo.add(period, rest_items, so, "initial")
    return len(s.scalars(select(PlanningEntry.id).where(PlanningEntry.period_id == period.id)).all())

