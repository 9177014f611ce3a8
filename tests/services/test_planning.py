"""Succession planning services: periods, posts, entries by decision with hard limits, checks, yearly review,
appointment from the plan; every action is one transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from hrapp.db.models import (
    Decision,
    Discipline,
    Employment,
    Evaluation,
    Note,
    OrgUnit,
    Person,
    PlanningEntry,
    PlanningReview,
    PostHeld,
    Qualification,
)
from hrapp.errors import ConflictError, DomainError, ValidationError
from hrapp.queries import planning as planning_queries
from hrapp.services import planning as sp
from hrapp.services.decisions import DecisionInput
from hrapp.services.snapshot import refresh_snapshot, set_name

ON = date(2022, 6, 30)
GOOD = {2019: "htt", 2020: "htxs", 2021: "htt"}
FULL = (("chuyen_mon", "DH"), ("llct", "trung_cap"), ("qlnn", "CV"))


def dec(number: str = "15/QĐ-SKHCN", on: date = date(2022, 5, 25)) -> DecisionInput:
    return DecisionInput(number=number, sign_date=on, signer="Trần Văn Sang", issuer="Sở Khoa học và Công nghệ")


class Dept:
    """A small department: the board, two phòng, people with qualifications, ratings and posts."""

    def __init__(self, ctx):
        self.ctx = ctx
        with ctx.unit_of_work() as s:
            so = OrgUnit(code="SO", name="Sở Khoa học và Công nghệ", kind="so", active_from=date(2000, 1, 1))
            s.add(so)
            s.flush()
            self.units = {"SO": so.id}
            for code, name, kind in (("BGD", "Ban Giám đốc", "ban_giam_doc"), ("QLKH", "Phòng Quản lý khoa học",
                                     "phong"), ("KHTC", "Phòng Kế hoạch - Tài chính", "phong")):
                u = OrgUnit(code=code, name=name, kind=kind, parent_id=so.id, active_from=date(2000, 1, 1))
                s.add(u)
                s.flush()
                self.units[code] = u.id

    def person(self, name: str, *, unit: str = "QLKH", gender: str = "M", birth: date = date(1982, 3, 10),
               quals=FULL, ratings=GOOD, post: tuple[str, date] | None = None, end: date | None = None,
               status: str = "working") -> int:
        with self.ctx.unit_of_work() as s:
            p = Person(gender=gender, birth_date=birth, status=status)
            set_name(p, name)
            s.add(p)
            s.flush()
            s.add(Employment(person_id=p.id, category="cong_chuc", unit_id=self.units[unit],
                             start_date=date(2008, 1, 1), end_date=end))
            for kind, level in quals:
                s.add(Qualification(person_id=p.id, kind=kind, level_code=level, year=2010))
            for year, rating in ratings.items():
                s.add(Evaluation(person_id=p.id, year=year, rating=rating))
            if post:
                s.add(PostHeld(person_id=p.id, post_code=post[0], post_title=post[0], unit_id=self.units[unit],
                               start_date=post[1], term_end=date(post[1].year + 5, post[1].month, 1)))
            s.flush()
            refresh_snapshot(s, p, ON)
            return p.id


@pytest.fixture
def dept(ctx) -> Dept:
    return Dept(ctx)


@pytest.fixture
def period(ctx) -> int:
    return sp.create_period(ctx, sp.PeriodInput(2026, 2031)).id


def post(ctx, dept: Dept, period: int, code: str = "truong_phong", unit: str = "QLKH", max_people=None) -> int:
    return sp.add_post(ctx, sp.PlanningPostInput(period, dept.units[unit], code, max_people)).id


def count(ctx, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


# ---------------------------------------------------------------------------------------------- periods, posts


def test_a_new_period_takes_the_rules_in_force_when_it_starts(ctx):
    assert sp.create_period(ctx, sp.PeriodInput(2026, 2031)).rule_version == "qd377_2025"
    older = sp.create_period(ctx, sp.PeriodInput(2020, 2025))
    assert (older.code, older.rule_version, older.name) == (
        "2020-2025", "qd50_2021", "Quy hoạch cán bộ lãnh đạo, quản lý giai đoạn 2020–2025")


def test_overlapping_or_backward_periods_are_refused(ctx, period):
    with pytest.raises(ConflictError) as err:
        sp.create_period(ctx, sp.PeriodInput(2031, 2036))
    assert "trùng thời gian với giai đoạn 2026–2031" in err.value.message
    with pytest.raises(ValidationError):
        sp.create_period(ctx, sp.PeriodInput(2032, 2032))


def test_a_post_is_planned_once_per_unit_and_never_above_the_rule_maximum(ctx, dept, period):
    row = sp.add_post(ctx, sp.PlanningPostInput(period, dept.units["QLKH"], "truong_phong"))
    assert row.title == "Trưởng phòng Quản lý khoa học"
    with pytest.raises(ConflictError):
        sp.add_post(ctx, sp.PlanningPostInput(period, dept.units["QLKH"], "truong_phong"))
    with pytest.raises(ValidationError) as err:
        sp.add_post(ctx, sp.PlanningPostInput(period, dept.units["KHTC"], "truong_phong", max_people=4))
    assert "không quá 3 người" in err.value.message


def test_a_post_without_a_unit_is_refused_on_the_unit_field_without_a_lookup(ctx, period, recwarn):
    with pytest.raises(ValidationError) as err:
        sp.add_post(ctx, sp.PlanningPostInput(period, None, "truong_phong"))
    assert [field for field, _ in err.value.errors] == ["unit_id"]
    assert not [w for w in recwarn if "NULL primary key" in str(w.message)]


def test_a_post_anyone_was_planned_for_cannot_be_deleted(ctx, dept, period):
    pid = post(ctx, dept, period)
    a = dept.person("Nguyễn Văn An")
    sp.add_entry(ctx, period, sp.EntryItem(pid, a), dec())
    with pytest.raises(DomainError) as err:
        sp.delete_post(ctx, pid)
    assert err.value.code == "post_in_use"


# ---------------------------------------------------------------------------------------------- entries


def test_three_people_fit_a_post_and_a_fourth_in_the_same_decision_refuses_all(ctx, dept, period):
    pid = post(ctx, dept, period)
    people = [dept.person(n) for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")]
    with pytest.raises(DomainError) as err:
        sp.add_entries(ctx, sp.EntriesInput(period, tuple(sp.EntryItem(pid, p) for p in people), dec()))
    assert err.value.code == "planning_limit"
    assert "Phạm Thị Dung: Chức danh Trưởng phòng Quản lý khoa học đã có 3 người trong quy hoạch" in err.value.message
    assert count(ctx, PlanningEntry) == 0
    assert count(ctx, Decision) == 0
    result = sp.add_entries(ctx, sp.EntriesInput(period, tuple(sp.EntryItem(pid, p) for p in people[:3]), dec()))
    assert len(result.entries) == 3 and result.warnings == ()
    # soft targets missed are warnings, never a refusal: three men born in 1982, none under 40 on 25/05/2022
    assert result.structure_warnings == (
        "Tỷ lệ nữ 0% (0/3 người), thấp hơn mục tiêu 25%.",
        "Tỷ lệ cán bộ dưới 40 tuổi 0% (0/3 người), thấp hơn mục tiêu 15%.",
        "Chưa đủ ba độ tuổi: không có người dưới 40 tuổi, trên 50 tuổi.")


def test_the_fourth_person_for_a_post_is_refused_with_the_reason(ctx, dept, period):
    pid = post(ctx, dept, period)
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        sp.add_entry(ctx, period, sp.EntryItem(pid, dept.person(name)), dec())
    fourth = dept.person("Phạm Thị Dung")
    preview = sp.preview_entry(ctx, pid, fourth, ON)
    assert not preview.allowed
    assert (preview.post_count, preview.post_maximum) == (3, 3)
    with pytest.raises(DomainError) as err:
        sp.add_entry(ctx, period, sp.EntryItem(pid, fourth), dec("16/QĐ-SKHCN"))
    assert "đã có 3 người trong quy hoạch (tối đa 3 người; Quy định 377-QĐ/TW" in err.value.message
    assert count(ctx, PlanningEntry) == 3


def test_a_post_may_be_limited_below_the_rule(ctx, dept, period):
    pid = post(ctx, dept, period, max_people=2)
    sp.add_entries(ctx, sp.EntriesInput(period, (sp.EntryItem(pid, dept.person("Nguyễn Văn An")),
                                                 sp.EntryItem(pid, dept.person("Trần Thị Bình"))), dec()))
    with pytest.raises(DomainError):
        sp.add_entry(ctx, period, sp.EntryItem(pid, dept.person("Lê Văn Cường")), dec())
    with pytest.raises(DomainError):
        sp.set_post_maximum(ctx, pid, 1)


def test_a_person_takes_three_posts_of_one_level_and_the_fourth_is_refused(ctx, dept, period):
    a = dept.person("Nguyễn Văn An")
    posts = [post(ctx, dept, period, c, u) for c, u in (("truong_phong", "QLKH"), ("pho_truong_phong", "QLKH"),
                                                          ("truong_phong", "KHTC"), ("pho_truong_phong", "KHTC"))]
    for p in posts[:3]:
        sp.add_entry(ctx, period, sp.EntryItem(p, a), dec())
    with pytest.raises(DomainError) as err:
        sp.add_entry(ctx, period, sp.EntryItem(posts[3], a), dec())
    assert "đã được quy hoạch 3 chức danh cùng cấp (tối đa 3 chức danh" in err.value.message
    # a post of another level is still open to the same person
    director = post(ctx, dept, period, "pho_giam_doc_so", "BGD")
    result = sp.add_entry(ctx, period, sp.EntryItem(director, a), dec())
    assert any("lý luận chính trị" in w for w in result.warnings)


def test_the_same_person_twice_on_a_post_is_refused_until_removed(ctx, dept, period):
    pid = post(ctx, dept, period)
    a = dept.person("Nguyễn Văn An")
    first = sp.add_entry(ctx, period, sp.EntryItem(pid, a), dec()).entries[0]
    with pytest.raises(DomainError) as err:
        sp.add_entry(ctx, period, sp.EntryItem(pid, a), dec())
    assert "đã có trong quy hoạch chức danh" in err.value.message
    sp.remove_entry(ctx, sp.RemovalInput(first.id, "other", "Xin ra khỏi quy hoạch.", dec("20/QĐ-SKHCN",
                                                                                            date(2023, 1, 5))))
    sp.add_entry(ctx, period, sp.EntryItem(pid, a), dec("30/QĐ-SKHCN", date(2023, 6, 1)), "supplement")
    with ctx.read() as s:
        statuses = sorted(s.scalars(select(PlanningEntry.status).where(PlanningEntry.person_id == a)))
    assert statuses == ["active", "removed"]


def test_someone_no_longer_on_staff_cannot_be_planned(ctx, dept, period):
    pid = post(ctx, dept, period)
    gone = dept.person("Nguyễn Văn Hưu", end=date(2021, 12, 31), status="retired")
    with pytest.raises(DomainError) as err:
        sp.add_entry(ctx, period, sp.EntryItem(pid, gone), dec())
    assert "không còn công tác (nghỉ hưu)" in err.value.message


def test_a_shortfall_does_not_block_but_is_returned_and_kept_in_the_snapshot(ctx, dept, period):
    pid = post(ctx, dept, period, "pho_truong_phong")
    young = dept.person("Trần Thùy Hạnh", gender="F", birth=date(1988, 10, 19),
                        quals=(("chuyen_mon", "ThS"), ("qlnn", "CV")))
    result = sp.add_entry(ctx, period, sp.EntryItem(pid, young), dec())
    assert result.warnings == ("Trần Thùy Hạnh (Phó Trưởng phòng Quản lý khoa học): Chưa có trình độ lý luận chính "
                               "trị (yêu cầu Trung cấp trở lên).",)
    snap = result.entries[0].snapshot
    assert (snap["age"], snap["gender"], snap["llct"], snap["qlnn"]) == (33, "F", "", "CV")
    assert snap["ratings"] == {"2019": "htt", "2020": "htxs", "2021": "htt"}
    assert snap["eligible"] is False and snap["rule"] == "qd377_2025"
    # a later qualification changes the checks, not the snapshot taken at approval
    with ctx.unit_of_work() as s:
        s.add(Qualification(person_id=young, kind="llct", level_code="trung_cap", year=2022,
                            certificate_date=date(2022, 6, 1)))
    check = sp.check_period(ctx, period, ON)
    assert check.entries[0].eligible
    assert check.entries[0].entry.snapshot["eligible"] is False


# ---------------------------------------------------------------------------------------------- checks


def test_the_period_check_reports_every_entry_post_and_the_structure(ctx, dept, period):
    head = post(ctx, dept, period)
    deputy = post(ctx, dept, period, "pho_truong_phong")
    post(ctx, dept, period, "truong_phong", "KHTC")
    old = dept.person("Đào Tấn Tuấn", birth=date(1968, 6, 15))
    woman = dept.person("Nguyễn Bảo Oanh", gender="F", birth=date(1984, 1, 21))
    kht = dept.person("Trần Xuân Huy", birth=date(1982, 7, 8), ratings={2019: "htt", 2020: "htxs", 2021: "kht"})
    young = dept.person("Lương Minh Nam", birth=date(1989, 4, 16))
    sp.add_entries(ctx, sp.EntriesInput(period, (sp.EntryItem(head, old), sp.EntryItem(head, woman),
                                                 sp.EntryItem(deputy, kht), sp.EntryItem(deputy, young)), dec()))
    check = sp.check_period(ctx, "2026–2031", ON)
    by_name = {c.entry.full_name: c for c in check.entries}
    assert [r.code for r in by_name["Đào Tấn Tuấn"].reasons] == ["age"]
    # 62 years less 57y7m: the age on 01/01/2026 in calendar months (01/2026 − 06/1968), HD 06-HD/BTCTW
    assert by_name["Đào Tấn Tuấn"].eligibility.months_left == 53
    assert [r.code for r in by_name["Trần Xuân Huy"].reasons] == ["rating_kht"]
    assert by_name["Nguyễn Bảo Oanh"].eligible and by_name["Lương Minh Nam"].eligible
    counts = {(p.post.unit_code, p.post.post_code): (p.count, p.maximum, p.no_successor) for p in check.posts}
    assert counts == {("QLKH", "truong_phong"): (2, 3, False), ("QLKH", "pho_truong_phong"): (2, 3, False),
                      ("KHTC", "truong_phong"): (0, 3, True)}
    st = check.structure
    # under 40 on 30/06/2022: born 1984, 1989 and 08/07/1982 (turns 40 a week later)
    assert (st.people, st.women.count, st.women.ok, st.young.count) == (4, 1, True, 3)
    assert st.posts_without_successor == 1
    data = check.to_json()
    assert data["structure"]["women_share"] == "25.00"
    assert data["people_over_limit"] == []


def test_holders_and_their_term_end_are_shown_on_each_post(ctx, dept, period):
    pid = post(ctx, dept, period)
    dept.person("Huỳnh Kim Thúy", gender="F", post=("truong_phong", date(2022, 6, 1)))
    check = sp.check_period(ctx, period, ON)
    holders = check.posts[0].post.holders
    assert [(h.full_name, h.term_end) for h in holders] == [("Huỳnh Kim Thúy", date(2027, 6, 1))]
    assert check.posts[0].post.id == pid


# ---------------------------------------------------------------------------------------------- review


@pytest.fixture
def planned(ctx, dept, period):
    """Four people planned on 25/05/2022: one later reprimanded, one later rated KHT, one later appointed."""
    head = post(ctx, dept, period)
    deputy = post(ctx, dept, period, "pho_truong_phong")
    ids = {n: dept.person(n) for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")}
    sp.add_entries(ctx, sp.EntriesInput(period, (sp.EntryItem(head, ids["Nguyễn Văn An"]),
                                                 sp.EntryItem(head, ids["Trần Thị Bình"]),
                                                 sp.EntryItem(deputy, ids["Lê Văn Cường"]),
                                                 sp.EntryItem(deputy, ids["Phạm Thị Dung"])), dec()))
    with ctx.unit_of_work() as s:
        s.add(Discipline(person_id=ids["Nguyễn Văn An"], decision_date=date(2022, 9, 1), form="khien_trach",
                         effect_from=date(2022, 9, 1), effect_to=date(2023, 8, 31)))
        s.add(Evaluation(person_id=ids["Trần Thị Bình"], year=2022, rating="kht"))
        s.add(PostHeld(person_id=ids["Lê Văn Cường"], post_code="pho_truong_phong", post_title="Phó Trưởng phòng",
                       unit_id=dept.units["QLKH"], start_date=date(2022, 10, 1), term_end=date(2027, 9, 30)))
        for pid in ids.values():
            if pid != ids["Trần Thị Bình"]:
                s.add(Evaluation(person_id=pid, year=2022, rating="htt"))
    return {"head": head, "deputy": deputy, **ids}


def test_the_review_proposes_removals_for_each_trigger_and_shows_the_gaps(ctx, period, planned):
    proposal = sp.review_proposals(ctx, period, date(2023, 1, 15))
    got = {r.check.entry.full_name: (r.reason_code, r.appointed) for r in proposal.removals}
    assert got == {"Nguyễn Văn An": ("discipline", False), "Trần Thị Bình": ("rating_kht", False),
                   "Lê Văn Cường": ("holds_post", True)}
    assert [g.post.post_code for g in proposal.gaps] == ["truong_phong", "pho_truong_phong"]


def test_applying_a_review_records_removals_and_additions_under_one_decision(ctx, dept, period, planned):
    newcomer = dept.person("Võ Thị Ngọc Ánh", gender="F", birth=date(1990, 12, 5),
                           ratings={2020: "htt", 2021: "htt", 2022: "htxs"})
    proposal = sp.review_proposals(ctx, period, date(2023, 1, 15))
    removals = tuple(sp.ReviewRemoval(r.check.entry.id, r.reason_code, r.reason) for r in proposal.removals)
    result = sp.apply_review(ctx, sp.ReviewInput(period, date(2023, 1, 15), dec("12/QĐ-SKHCN", date(2023, 1, 20)),
                                                 removals, (sp.EntryItem(planned["head"], newcomer),)))
    assert sorted(e.full_name for e in result.removed) == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]
    assert [e.full_name for e in result.added] == ["Võ Thị Ngọc Ánh"]
    assert result.added[0].kind == "supplement"
    with ctx.read() as s:
        rows = {e.person_id: e for e in s.scalars(select(PlanningEntry))}
        review = s.scalar(select(PlanningReview))
    assert rows[planned["Lê Văn Cường"]].status == "appointed"
    assert rows[planned["Lê Văn Cường"]].appointed_post_id is not None
    assert rows[planned["Nguyễn Văn An"]].status == "removed"
    assert rows[planned["Nguyễn Văn An"]].removal_decision_id == review.decision_id
    assert review.summary["removed"] == 3 and review.summary["added"] == 1
    assert sp.check_period(ctx, period, date(2023, 1, 15)).structure.people == 2


def test_a_review_breaking_a_limit_writes_nothing(ctx, dept, period, planned):
    extra = [dept.person(n) for n in ("Hồ Văn Em", "Hồ Văn Giang", "Hồ Văn Hải")]
    an = sp.check_period(ctx, period, ON).entries[0].entry
    assert an.full_name == "Nguyễn Văn An"
    before = (count(ctx, PlanningReview), count(ctx, Decision))
    with pytest.raises(DomainError) as err:
        sp.apply_review(ctx, sp.ReviewInput(
            period, date(2023, 1, 15), dec("12/QĐ-SKHCN", date(2023, 1, 20)),
            (sp.ReviewRemoval(an.id, "discipline", "Bị kỷ luật khiển trách."),),
            tuple(sp.EntryItem(planned["head"], p) for p in extra)))
    assert "Hồ Văn Hải" in err.value.message and "Hồ Văn Giang" not in err.value.message
    assert (count(ctx, PlanningReview), count(ctx, Decision)) == before
    with ctx.read() as s:
        assert s.get(PlanningEntry, an.id).status == "active"


def test_a_removal_needs_a_reason_and_an_entry_is_closed_once(ctx, period, planned):
    entry = sp.check_period(ctx, period, ON).entries[0].entry
    with pytest.raises(ValidationError):
        sp.remove_entry(ctx, sp.RemovalInput(entry.id, "other", "  ", dec("40/QĐ-SKHCN", date(2023, 2, 1))))
    sp.remove_entry(ctx, sp.RemovalInput(entry.id, "other", "Chuyển công tác.", dec("40/QĐ-SKHCN", date(2023, 2, 1))))
    with pytest.raises(DomainError) as err:
        sp.remove_entry(ctx, sp.RemovalInput(entry.id, "other", "Lần hai.", dec("41/QĐ-SKHCN", date(2023, 2, 2))))
    assert err.value.code == "entry_closed"


# ---------------------------------------------------------------------------------------------- appointment


def test_appointing_a_planned_person_records_the_post_and_closes_the_entry(ctx, dept, period, planned):
    deputy_since = date(2019, 3, 1)
    bình = planned["Trần Thị Bình"]
    with ctx.unit_of_work() as s:
        s.add(PostHeld(person_id=bình, post_code="pho_truong_phong", post_title="Phó Trưởng phòng",
                       unit_id=dept.units["QLKH"], start_date=deputy_since, term_end=date(2024, 2, 28)))
    result = sp.appoint(ctx, sp.AppointInput(bình, dept.units["QLKH"], "truong_phong",
                                             dec("50/QĐ-SKHCN", date(2023, 3, 1))))
    assert not result.override and result.entry_id is not None
    assert result.term_end == date(2028, 2, 29)
    with ctx.read() as s:
        posts = s.scalars(select(PostHeld).where(PostHeld.person_id == bình).order_by(PostHeld.start_date)).all()
        entry = s.get(PlanningEntry, result.entry_id)
        person = s.get(Person, bình)
    assert [(p.post_code, p.end_date) for p in posts] == [("pho_truong_phong", date(2023, 2, 28)),
                                                           ("truong_phong", None)]
    assert (entry.status, entry.status_date, entry.appointed_post_id) == ("appointed", date(2023, 3, 1), posts[1].id)
    assert person.cur_post == "Trưởng phòng"


def test_appointing_someone_not_planned_needs_an_override_reason(ctx, dept, period, planned):
    outsider = dept.person("Ngô Văn Khách", unit="KHTC")
    before = (count(ctx, PostHeld), count(ctx, Decision))
    with pytest.raises(DomainError) as err:
        sp.appoint(ctx, sp.AppointInput(outsider, dept.units["QLKH"], "truong_phong",
                                        dec("51/QĐ-SKHCN", date(2023, 3, 1))))
    assert err.value.code == "not_planned" and err.value.field == "override_reason"
    assert "không có trong quy hoạch chức danh Trưởng phòng Quản lý khoa học" in err.value.message
    assert (count(ctx, PostHeld), count(ctx, Decision)) == before
    result = sp.appoint(ctx, sp.AppointInput(outsider, dept.units["QLKH"], "truong_phong",
                                             dec("51/QĐ-SKHCN", date(2023, 3, 1)),
                                             override_reason="Điều động theo yêu cầu nhiệm vụ."))
    assert result.override and result.entry_id is None
    with ctx.read() as s:
        note = s.scalar(select(Note).where(Note.person_id == outsider))
    assert note.topic == sp.OVERRIDE_TOPIC
    assert note.text.endswith("Lý do: Điều động theo yêu cầu nhiệm vụ.")


def test_candidates_are_found_without_diacritics(ctx, dept):
    dept.person("Nguyễn Văn Nường", post=("pho_truong_phong", date(2020, 1, 1)))
    rows = planning_queries.candidates(ctx, "nguyen van nuong", ON)
    assert [(r.full_name, r.age, r.current_post) for r in rows] == [
        ("Nguyễn Văn Nường", 40, "Phó Trưởng phòng Quản lý khoa học")]
