"""Succession-planning checks: age for a full term, qualifications, ratings, discipline, hard limits, structure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain import planning as pl
from hrapp.domain import planning_structure as ps
from hrapp.domain.retirement import BirthDate
from hrapp.domain.rules import RuleBook, RuleVersion, load_rulebook
from hrapp.domain.validation import dmy
from hrapp.errors import DomainError


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_rulebook()


@pytest.fixture(scope="module")
def qd50(book: RuleBook) -> pl.PlanningRules:
    return pl.planning_rules(book, "qd50_2021")


@pytest.fixture(scope="module")
def qd377(book: RuleBook) -> pl.PlanningRules:
    return pl.planning_rules(book, "qd377_2025")


FULL = {"chuyen_mon": ("DH",), "llct": ("trung_cap",), "qlnn": ("CV",)}
GOOD = {2019: "htt", 2020: "htxs", 2021: "htt"}


def cadre(**kw) -> pl.CadreFacts:
    base = dict(person_id=1, full_name="Nguyễn Văn An", gender="M", birth=BirthDate(date(1980, 3, 10)),
                levels=FULL, ratings=GOOD)
    base.update(kw)
    return pl.CadreFacts(**base)


def check(facts: pl.CadreFacts, rules: pl.PlanningRules, book: RuleBook, post: str = "truong_phong", *,
          on: date = date(2022, 6, 30), appoint: date | None = None, since: date | None = None) -> pl.Eligibility:
    return pl.eligibility(facts, post, 7, rules, book, check_date=on, appointment_date=appoint or on,
                          planned_since=since)


def test_a_cadre_meeting_every_requirement_is_eligible_with_no_reasons(qd50, book):
    result = check(cadre(), qd50, book)
    assert result.eligible
    assert result.reasons == ()


# A man born 15/05/1970 retires at 62 (744 months). His age is counted in calendar months (HD 06-HD/BTCTW): in
# 05/2027 he is 57 years 0 months old whatever the day, 60 months left; from 06/2027, 59.
@pytest.mark.parametrize("appoint, months_left, ok", [
    (date(2027, 4, 30), 61, True),
    (date(2027, 5, 1), 60, True),
    (date(2027, 5, 14), 60, True),
    (date(2027, 5, 15), 60, True),
    (date(2027, 5, 31), 60, True),
    (date(2027, 6, 1), 59, False),
    (date(2027, 6, 15), 59, False),
])
def test_the_age_test_needs_a_full_term_of_60_months_before_retirement(qd50, book, appoint, months_left, ok):
    result = check(cadre(birth=BirthDate(date(1970, 5, 15))), qd50, book, appoint=appoint,
                   on=date(2022, 6, 30))
    assert result.months_left == months_left
    assert (pl.AGE not in result.codes) is ok
    if not ok:
        reason = next(r for r in result.reasons if r.code == pl.AGE)
        assert "còn 59 tháng" in reason.message and dmy(appoint) in reason.message


def test_a_woman_born_in_1975_has_less_time_left_than_a_man_of_the_same_age(qd50, book):
    # Women born from 05/1975 retire at 60 (720 months); at 56 years on 01/01/2032 she has 48 months left.
    woman = check(cadre(gender="F", birth=BirthDate(date(1976, 1, 1))), qd50, book, appoint=date(2032, 1, 1))
    man = check(cadre(gender="M", birth=BirthDate(date(1976, 1, 1))), qd50, book, appoint=date(2032, 1, 1))
    assert (woman.months_left, man.months_left) == (48, 72)
    assert pl.AGE in woman.codes and pl.AGE not in man.codes


def test_every_missing_qualification_is_a_separate_reason(qd50, book):
    result = check(cadre(levels={"chuyen_mon": ("CD",)}), qd50, book)
    messages = [r.message for r in result.reasons if r.code == pl.QUALIFICATION]
    assert messages == [
        "Trình độ chuyên môn Cao đẳng, chưa đạt Đại học theo yêu cầu.",
        "Chưa có trình độ lý luận chính trị (yêu cầu Trung cấp trở lên).",
        "Chưa có trình độ quản lý nhà nước (yêu cầu Chuyên viên trở lên).",
    ]


def test_a_higher_level_than_required_meets_the_requirement(qd50, book):
    result = check(cadre(levels={"chuyen_mon": ("DH", "ThS"), "llct": ("cao_cap",), "qlnn": ("CVC",)}), qd50, book)
    assert result.eligible


def test_a_director_post_needs_senior_political_theory(qd50, book):
    result = check(cadre(levels={**FULL, "tin_hoc": ("tin_hoc_co_ban",)}), qd50, book, "pho_giam_doc_so")
    assert [r.message for r in result.reasons] == [
        "Trình độ lý luận chính trị Trung cấp, chưa đạt Cao cấp theo yêu cầu.",
        "Trình độ quản lý nhà nước Chuyên viên, chưa đạt Chuyên viên chính theo yêu cầu.",
    ]


def test_requirements_per_post_are_editable_data(book):
    rule = book.by_version(pl.PLANNING, "qd50_2021")
    params = dict(rule.params)
    params["requirements"] = {**params["requirements"], "truong_phong": {"chuyen_mon": "ThS", "ngoai_ngu": "B1"}}
    edited = pl.PlanningRules.from_rule(replace(rule, params=params))
    result = check(cadre(levels={**FULL, "ngoai_ngu": ("A2",)}), edited, book)
    assert [r.code for r in result.reasons] == [pl.QUALIFICATION, pl.QUALIFICATION]
    assert "Thạc sĩ" in result.reasons[0].message and "Bậc 3 (B1)" in result.reasons[1].message


def test_a_requirement_naming_an_unknown_level_is_refused_when_the_rules_are_read(book):
    rule = book.by_version(pl.PLANNING, "qd50_2021")
    params = {**rule.params, "requirements": {"default": {"llct": "tien_si"}}}
    with pytest.raises(DomainError) as exc:
        pl.PlanningRules.from_rule(replace(rule, params=params))
    assert "tien_si" in exc.value.message


def test_ratings_of_the_last_three_years_must_be_htt_or_better(qd50, book):
    result = check(cadre(ratings={2019: "htt", 2020: "ht", 2021: "htxs"}), qd50, book)
    assert result.codes == (pl.RATING,)
    assert result.reasons[0].message == ("Năm 2020 xếp loại Hoàn thành nhiệm vụ (HT), chưa đạt mức hoàn thành tốt "
                                         "nhiệm vụ trở lên.")


def test_a_kht_year_is_its_own_reason_and_a_removal_trigger(qd50, book):
    result = check(cadre(ratings={2019: "htt", 2020: "htt", 2021: "kht"}), qd50, book)
    assert result.codes == (pl.RATING_KHT,)
    assert pl.removal_reasons(result, qd50) == result.reasons


def test_a_year_without_a_rating_is_not_passed_silently(qd50, book):
    result = check(cadre(ratings={2020: "htt"}), qd50, book)
    assert [(r.code, r.message, r.brief) for r in result.reasons] == [
        (pl.RATING_MISSING, "Chưa có kết quả đánh giá, xếp loại năm 2019, 2021.", "Thiếu đánh giá năm 2019, 2021")]


def test_the_rating_years_move_with_the_check_date(qd50, book):
    assert pl.evaluation_years(qd50, date(2022, 1, 1)) == (2019, 2020, 2021)
    assert pl.evaluation_years(qd50, date(2022, 12, 31)) == (2019, 2020, 2021)
    assert pl.evaluation_years(qd50, date(2023, 1, 1)) == (2020, 2021, 2022)


# A reprimand decided 15/09/2020 with no end date runs 12 months: to 14/09/2021.
@pytest.mark.parametrize("on, in_effect", [
    (date(2020, 9, 14), False), (date(2020, 9, 15), True), (date(2021, 9, 14), True), (date(2021, 9, 15), False),
])
def test_a_discipline_fails_the_check_while_in_effect(qd50, book, on, in_effect):
    d = pl.DisciplineFact("khien_trach", date(2020, 9, 15), date(2020, 9, 15))
    ratings = {y: "htt" for y in range(2016, 2022)}
    result = check(cadre(disciplines=(d,), ratings=ratings), qd50, book, on=on)
    assert (pl.DISCIPLINE in result.codes) is in_effect


def test_a_discipline_decided_after_planning_stays_a_reason_after_its_effect_ends(qd50, book):
    d = pl.DisciplineFact("canh_cao", date(2020, 9, 15), date(2020, 9, 15), date(2021, 3, 14))
    ratings = {y: "htt" for y in range(2016, 2022)}
    planned_before = check(cadre(disciplines=(d,), ratings=ratings), qd50, book, since=date(2020, 3, 1))
    planned_after = check(cadre(disciplines=(d,), ratings=ratings), qd50, book, since=date(2021, 1, 1))
    assert planned_before.codes == (pl.DISCIPLINE,)
    assert "sau khi được quy hoạch" in planned_before.reasons[0].message
    assert planned_after.eligible


def test_every_failing_reason_is_listed_together(qd50, book):
    result = check(cadre(birth=BirthDate(date(1962, 1, 1)), levels={"chuyen_mon": ("DH",)},
                         ratings={2019: "htt", 2020: "kht"}, working=False, status_label="đã nghỉ hưu"), qd50, book)
    assert result.codes == (pl.NOT_WORKING, pl.AGE, pl.QUALIFICATION, pl.QUALIFICATION, pl.RATING_KHT,
                            pl.RATING_MISSING)
    assert not result.eligible


def test_holding_the_planned_post_is_reported_as_appointed(qd50, book):
    held = pl.HeldPost("truong_phong", 7, date(2022, 4, 1))
    result = check(cadre(posts=(held,)), qd50, book)
    assert result.codes == (pl.HOLDS_POST,)
    assert qd50.triggers_removal(pl.HOLDS_POST)


def test_qd377_plans_only_for_higher_posts_qd50_does_not_check(qd50, qd377, book):
    deputy_elsewhere = cadre(posts=(pl.HeldPost("truong_phong", 9, date(2021, 1, 1)),))
    assert check(deputy_elsewhere, qd50, book).eligible
    result = check(deputy_elsewhere, qd377, book, "giam_doc_trung_tam")
    assert result.codes == (pl.POST_NOT_HIGHER,)
    assert not qd377.triggers_removal(pl.POST_NOT_HIGHER)
    deputy = cadre(posts=(pl.HeldPost("pho_truong_phong", 7, date(2021, 1, 1)),))
    assert check(deputy, qd377, book).eligible


# ---------------------------------------------------------------------------------------------- limits


@pytest.mark.parametrize("people, refused", [(0, False), (2, False), (3, True)])
def test_a_post_takes_three_people_and_refuses_the_fourth(qd50, people, refused):
    reasons = pl.hard_limit_reasons(qd50, post_code="truong_phong", post_title="Trưởng phòng Quản lý khoa học",
                                    people_on_post=people, post_max=None, posts_of_person_same_level=0)
    assert bool(reasons) is refused
    if refused:
        assert reasons[0].code == pl.POST_FULL
        assert reasons[0].message.startswith("Chức danh Trưởng phòng Quản lý khoa học đã có 3 người trong quy "
                                             "hoạch (tối đa 3 người")


def test_a_post_may_allow_fewer_people_but_never_more_than_the_rule(qd50):
    assert pl.post_maximum(qd50, 2) == 2
    assert pl.post_maximum(qd50, 5) == 3
    assert pl.post_maximum(qd50, None) == 3


@pytest.mark.parametrize("posts, refused", [(2, False), (3, True)])
def test_a_person_takes_three_posts_of_one_level_and_refuses_the_fourth(qd50, posts, refused):
    reasons = pl.hard_limit_reasons(qd50, post_code="truong_phong", post_title="Trưởng phòng", people_on_post=0,
                                    post_max=None, posts_of_person_same_level=posts)
    assert [r.code for r in reasons] == ([pl.PERSON_FULL] if refused else [])


def test_the_same_person_twice_on_one_post_is_refused(qd50):
    reasons = pl.hard_limit_reasons(qd50, post_code="truong_phong", post_title="Trưởng phòng", people_on_post=1,
                                    post_max=None, posts_of_person_same_level=1, already_on_post=True)
    assert [r.code for r in reasons] == [pl.DUPLICATE]


def test_people_over_the_limit_are_counted_per_level(qd50):
    over = pl.people_over_limit({1: ["phong"] * 4 + ["so"], 2: ["phong"] * 3, 3: ["so", "phong", "so"]}, qd50)
    assert over == {1: {"phong": 4}}


def test_post_count_reports_no_successor_and_over_maximum(qd50):
    assert pl.post_count(qd50, 0, None).no_successor
    assert not pl.post_count(qd50, 3, None).over
    assert pl.post_count(qd50, 3, 2).over


# ---------------------------------------------------------------------------------------------- structure


def people(women: int, men: int, born: date = date(1980, 1, 1)) -> list[tuple[str, BirthDate]]:
    return [("F", BirthDate(born))] * women + [("M", BirthDate(born))] * men


@pytest.mark.parametrize("women, men, ok", [(1, 3, True), (1, 4, False), (2, 6, True), (2, 7, False)])
def test_women_share_meets_the_25_percent_target_at_the_edge(qd50, women, men, ok):
    s = ps.structure(people(women, men), date(2022, 6, 30), qd50, posts=4, posts_without_successor=0)
    assert s.women.ok is ok
    assert any(w.startswith("Tỷ lệ nữ") for w in s.warnings) is not ok


def test_women_share_is_a_percent_with_two_decimals(qd50):
    s = ps.structure(people(2, 7), date(2022, 6, 30), qd50, posts=1, posts_without_successor=0)
    assert s.women.percent == Decimal("22.22")
    assert "Tỷ lệ nữ 22,22% (2/9 người), thấp hơn mục tiêu 25%." in s.warnings


# Under 40 on the check date: born 30/06/1982 turns 40 on 30/06/2022.
@pytest.mark.parametrize("born, young", [(date(1982, 7, 1), True), (date(1982, 6, 30), False)])
def test_under_40_is_counted_on_the_check_date(qd50, born, young):
    s = ps.structure([("M", BirthDate(born))], date(2022, 6, 30), qd50, posts=1, posts_without_successor=0)
    assert s.young.count == (1 if young else 0)


def test_three_age_tiers_and_posts_without_successor(qd50):
    group = [("F", BirthDate(date(1990, 1, 1))), ("M", BirthDate(date(1975, 1, 1))),
             ("M", BirthDate(date(1972, 6, 30))), ("M", BirthDate(date(1971, 6, 30)))]
    s = ps.structure(group, date(2022, 6, 30), qd50, posts=5, posts_without_successor=2)
    assert [(t.code, t.count) for t in s.tiers] == [("duoi_40", 1), ("tu_40_den_50", 2), ("tren_50", 1)]
    assert s.young.ok and s.women.ok
    assert s.warnings == ("2/5 chức danh chưa có người quy hoạch.",)


def test_an_empty_plan_warns_instead_of_passing(qd50):
    s = ps.structure([], date(2022, 6, 30), qd50, posts=3, posts_without_successor=3)
    assert not s.women.ok and s.women.percent is None
    assert s.warnings == ("Chưa có người nào trong quy hoạch.", "3/3 chức danh chưa có người quy hoạch.")


# ---------------------------------------------------------------------------------------------- periods


def test_check_dates_clamp_to_the_period():
    assert pl.check_dates(2026, 2031, date(2022, 6, 30)) == (date(2022, 6, 30), date(2026, 1, 1))
    assert pl.check_dates(2026, 2031, date(2027, 3, 1)) == (date(2027, 3, 1), date(2027, 3, 1))
    assert pl.check_dates(2020, 2025, date(2026, 11, 28)) == (date(2025, 12, 31), date(2025, 12, 31))


def test_a_new_period_takes_the_rules_in_force_when_it_starts(book):
    assert pl.default_rule_version(book, 2026).version == "qd377_2025"
    assert pl.default_rule_version(book, 2023).version == "qd50_2021"
    # 2020-2025 began before QĐ 50: it is kept under the first rules in the data
    assert pl.default_rule_version(book, 2020).version == "qd50_2021"


def test_without_planning_rules_a_period_cannot_be_created():
    empty = RuleBook([RuleVersion("other", "v1", date(2020, 1, 1), None, "x")])
    with pytest.raises(DomainError):
        pl.default_rule_version(empty, 2026)


def test_two_men_born_in_the_same_month_get_the_same_answer_whatever_their_birth_day(qd50, book):
    # both born 02/1969, both retiring on 01/03/2031: on 01/03/2026 each has 59 months left (HD 06-HD/BTCTW)
    early = check(cadre(birth=BirthDate(date(1969, 2, 1))), qd50, book, appoint=date(2026, 3, 1), on=date(2022, 6, 30))
    late = check(cadre(birth=BirthDate(date(1969, 2, 15))), qd50, book, appoint=date(2026, 3, 1), on=date(2022, 6, 30))
    assert early.retirement_date == late.retirement_date == date(2031, 3, 1)
    assert early.months_left == late.months_left == 59
    assert pl.AGE in early.codes and pl.AGE in late.codes
