"""The demo's two 2022 recruitment rounds (Kế hoạch 148 and 173/KH-SKHCN, xét tuyển viên chức under NĐ 115/2020):
their places within the staffing view, the candidates and their conditions, the interview scores and results,
and the officer finishing both rounds from where the demo leaves them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrapp.db.models import Candidate, Decision, Person
from hrapp.domain.recruitment import Outcome
from hrapp.queries import recruitment as rq
from hrapp.queries.staffing import staffing_view
from hrapp.services import recruitment as rec
from hrapp.services.decisions import DecisionInput

AS_OF = date(2022, 6, 30)
DISCOVERY = "Xét tuyển viên chức năm 2022 – Trung tâm Khám phá khoa học và Đổi mới sáng tạo"
ANALYSIS = "Xét tuyển viên chức năm 2022 – Trung tâm Phân tích và Đo lường Chất lượng"
INELIGIBLE = {"Trương Công Danh": "Chuyên ngành", "Tô Văn Lực": "Trình độ chuyên môn", "Châu Thị Yến": "Ngoại ngữ",
              "Trần Quốc Việt": "Chuyên ngành", "Phan Văn Lâm": "Trình độ chuyên môn"}


def _rounds(ctx) -> dict[str, rq.RoundInfo]:
    return {r.name: rq.get_round(ctx, r.id) for r in rq.list_rounds(ctx, 2022)}


def _sign(number: str, day: date) -> DecisionInput:
    return DecisionInput(number=number, sign_date=day, signer="Trần Văn Sang",
                         issuer="Sở Khoa học và Công nghệ tỉnh Bình Định", effective_date=day)


def test_both_rounds_are_xet_tuyen_under_their_plans_and_stop_before_hiring(demo_ctx):
    rounds = _rounds(demo_ctx)
    assert set(rounds) == {DISCOVERY, ANALYSIS}
    discovery, analysis = rounds[DISCOVERY], rounds[ANALYSIS]
    for info in rounds.values():
        assert (info.regime, info.method, info.category, info.year) == ("nd115_2020", "xet_tuyen", "vien_chuc", 2022)
        assert len(info.council) == 5 and info.council_decision is not None
        assert all(m.person_id is not None for m in info.council)  # members from the staff, linked to the record
    assert discovery.plan_decision.label() == "148/KH-SKHCN ngày 04/03/2022"
    assert analysis.plan_decision.label() == "173/KH-SKHCN ngày 14/03/2022"
    assert (discovery.status, analysis.status) == ("results", "round2")
    assert (discovery.notice_date, discovery.application_deadline) == (date(2022, 3, 10), date(2022, 4, 9))
    assert (analysis.notice_date, analysis.application_deadline) == (date(2022, 3, 21), date(2022, 4, 20))
    assert sum(t.hired for info in rounds.values() for t in info.targets) == 0


def test_places_are_set_per_position_within_the_vacancies(demo_ctx):
    rounds = _rounds(demo_ctx)
    discovery = [(t.position_code, t.quota, t.vacancies_seen, t.over_vacancy_reason) for t in rounds[DISCOVERY].targets]
    assert discovery == [("TTKP-04", 6, 6, None), ("TTKP-05", 3, 3, None), ("TTKP-06", 2, 2, None),
                         ("TTKP-08", 1, 1, None)]
    analysis = {t.position_code: t for t in rounds[ANALYSIS].targets}
    assert (analysis["TTPT-08"].quota, analysis["TTPT-08"].vacancies_seen) == (1, 1)
    assert analysis["TTPT-08"].over_vacancy_reason is None
    # the centre is two short of its budget quota while the testing position is filled from its own revenue
    assert (analysis["TTPT-07"].quota, analysis["TTPT-07"].vacancies_seen) == (1, 0)
    assert "còn thiếu 02" in analysis["TTPT-07"].over_vacancy_reason
    assert rounds[DISCOVERY].quota + rounds[ANALYSIS].quota == 14


@pytest.mark.parametrize(("day", "places"), [(date(2022, 3, 9), 0), (date(2022, 3, 10), 12), (date(2022, 3, 20), 12),
                                             (date(2022, 3, 21), 14), (AS_OF, 14)])
def test_the_staffing_view_holds_the_places_from_each_notice(demo_ctx, day, places):
    figures = staffing_view(demo_ctx, 2022, day).totals["vien_chuc"]
    assert figures.in_recruitment == places
    assert (figures.quota, figures.actual, figures.vacancy) == (57, 42, 15 - places)


def test_candidates_have_their_own_cccd_and_forms_within_the_window(demo_ctx):
    rounds = _rounds(demo_ctx)
    with demo_ctx.read() as s:
        staff = set(s.scalars(select(Person.id_number)))
        rows = s.scalars(select(Candidate)).all()
    assert len(rows) == 31
    numbers = [c.id_number for c in rows]
    assert len(set(numbers)) == 31 and not set(numbers) & staff
    for c in rows:
        assert len(c.id_number) == 12 and c.id_number.startswith("052")
        assert c.id_number[4:6] == f"{c.birth_date.year % 100:02d}"
        info = next(r for r in rounds.values() if r.id == c.round_id)
        assert info.notice_date <= c.applied_on <= info.application_deadline
    groups = sorted(g for c in rows for g in c.priority_groups or ())
    assert groups == ["con_liet_si", "con_thuong_binh", "dan_toc_thieu_so", "nghia_vu_quan_su"]


def test_round_one_checked_the_conditions_and_numbered_those_admitted(demo_ctx):
    seen = {}
    for info in _rounds(demo_ctx).values():
        for c in rq.list_candidates(demo_ctx, info.id):
            seen[c.full_name] = c
            if c.full_name in INELIGIBLE:
                assert c.eligible is False and c.sbd is None
                assert c.ineligible_reasons[0].startswith(INELIGIBLE[c.full_name])
            else:
                assert c.eligible and c.sbd.startswith("KP" if info.name == DISCOVERY else "PT")
    assert set(INELIGIBLE) <= set(seen)


def test_discovery_results_give_twelve_winners_with_priority_points_counted(demo_ctx):
    info = _rounds(demo_ctx)[DISCOVERY]
    results = rq.results(demo_ctx, info.id)
    assert not results.pending_decisions
    winners = {r.full_name: (p.position_name, r.total) for p, r in results.winners()}
    assert len(winners) == 12
    assert winners["Đinh Văn Lới"][1] == Decimal(84)  # 79 + 5 as a member of an ethnic minority
    assert winners["Nguyễn Thị Lệ Quyên"][1] == Decimal(81)  # 76 + 5 as a martyr's child, ahead of 79.5
    assert "Lý Văn Hòa" not in winners and "Huỳnh Văn Tài" not in winners
    with demo_ctx.read() as s:
        decision = s.get(Decision, s.scalar(select(Decision.id).where(Decision.summary.like(
            "Về việc công nhận kết quả xét tuyển viên chức năm 2022 tại Trung tâm Khám phá%"))))
    assert decision.sign_date == date(2022, 6, 17) and decision.number.endswith("/QĐ-SKH&CN")


def test_the_officer_hires_the_discovery_winners_and_closes_the_round(demo_ctx):
    info = _rounds(demo_ctx)[DISCOVERY]
    hired = rec.hire_winners(demo_ctx, rec.HireInput(info.id, _sign("200/QĐ-SKH&CN", date(2022, 6, 28)),
                                                     start_date=date(2022, 7, 1)))
    assert len(hired.hired) == 12 and all(h.percent == 85 for h in hired.hired)
    closed = rec.change_status(demo_ctx, rec.StatusChange(info.id, "closed", date(2022, 7, 1)))
    assert closed.status == "closed"
    figures = staffing_view(demo_ctx, 2022, date(2022, 7, 1)).totals["vien_chuc"]
    assert (figures.actual, figures.in_recruitment) == (54, 2)


def test_the_officer_fixes_the_analysis_results_from_the_interview_scores(demo_ctx):
    info = _rounds(demo_ctx)[ANALYSIS]
    with demo_ctx.read() as s:
        unscored = s.scalar(select(func.count()).select_from(Candidate).where(
            Candidate.round_id == info.id, Candidate.sbd.is_not(None), ~Candidate.scores.any()))
    assert unscored == 0
    rec.change_status(demo_ctx, rec.StatusChange(info.id, "results", date(2022, 7, 5),
                                                 decision=_sign("205/QĐ-SKH&CN", date(2022, 7, 5))))
    results = rq.results(demo_ctx, info.id)
    winners = {p.position_name: r.full_name for p, r in results.winners()}
    assert winners == {"Thử nghiệm hóa học, vi sinh": "Lê Thị Phương Thảo",  # 82 + 5 beats 84
                       "Kỹ thuật viên thử nghiệm": "Huỳnh Thị Mỹ Linh"}
    testing = next(p for p in results.positions if p.position_name == "Thử nghiệm hóa học, vi sinh")
    assert [r.outcome for r in testing.rows[:2]] == [Outcome.TRUNG_TUYEN, Outcome.KHONG_TRUNG_TUYEN]
