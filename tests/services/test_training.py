"""Training use cases on a small department: the catalogue, a plan with lines and approval, a copy of last year's
plan, sending by decision, results whose certificates become qualifications (and then meet the requirement),
reports, gaps to plan lines, postgraduate checks and commitments with the repayment; the demo's 2022 plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrapp.db.models import JobPosition, PlanningEntry, Qualification, TrainingRecord
from hrapp.errors import ConflictError, DomainError, NotFoundError, PermissionDeniedError, ValidationError
from hrapp.queries import training as tq
from hrapp.services import training as ts
from hrapp.services.decisions import DecisionInput
from tests.services.career_builders import department, person, rating

ON = date(2022, 6, 30)


def dec(number: str = "10/QĐ-SKHCN", on: date = date(2022, 3, 1)) -> DecisionInput:
    return DecisionInput(number=number, sign_date=on)


def course(ctx, ctype: str = "qlnn_cv", code: str = "QLNN-CV", **kw) -> int:
    dto = ts.CourseInput(code, kw.pop("name", "Bồi dưỡng QLNN ngạch chuyên viên"), ctype,
                         organiser="Trường Chính trị tỉnh Bình Định", duration_value=kw.pop("weeks", 4), **kw)
    return ts.save_course(ctx, dto).course.id


@pytest.fixture
def org(ctx):
    units = department(ctx)
    with ctx.unit_of_work() as s:
        pos = JobPosition(code="QLKH-01", name="Quản lý khoa học", unit_id=units["QLKH"], group="chuyen_nganh",
                          status="approved", req_education_level="DH", req_state_management="CV")
        s.add(pos)
        s.flush()
        units["pos"] = pos.id
    return units


def staff(ctx, org, name: str, **kw) -> int:
    pid = person(ctx, name, org["QLKH"], **kw)
    with ctx.unit_of_work() as s:
        from hrapp.db.models import Employment

        e = s.scalar(select(Employment).where(Employment.person_id == pid))
        e.position_id = org["pos"]
        s.add(Qualification(person_id=pid, kind="chuyen_mon", level_code="DH", year=2004))
    return pid


def test_a_programme_longer_than_the_rule_is_saved_with_a_warning_and_codes_are_unique(ctx):
    res = ts.save_course(ctx, ts.CourseInput("QLNN-CV", "Bồi dưỡng QLNN chuyên viên", "qlnn_cv", duration_value=5),
                         today=ON)
    assert res.course.grants_text == "QLNN Chuyên viên"
    assert len(res.warnings) == 1 and "tối đa 4 tuần" in res.warnings[0]
    with pytest.raises(ConflictError):
        ts.save_course(ctx, ts.CourseInput("QLNN-CV", "Khác", "qlnn_cv"))
    with pytest.raises(ValidationError) as err:
        ts.save_course(ctx, ts.CourseInput("NN", "Tiếng Anh", "ngoai_ngu", grants_level="CV"))
    assert err.value.errors[0][0] == "grants_level"


def test_plan_lines_total_by_type_and_unit_and_approval_needs_a_decision(ctx, org):
    a, b = staff(ctx, org, "Nguyễn Văn An"), staff(ctx, org, "Trần Thị Bình")
    plan = ts.create_plan(ctx, ts.PlanInput(2022))
    ts.add_line(ctx, ts.LineInput(plan.id, "qlnn_cv", person_id=a, estimated_cost=4_500_000))
    ts.add_line(ctx, ts.LineInput(plan.id, "qlnn_cv", person_id=b, estimated_cost="4500000"))
    ts.add_line(ctx, ts.LineInput(plan.id, "vtvl", unit_id=org["TT"], people=5, estimated_cost=15_000_000))
    with pytest.raises(ConflictError):
        ts.add_line(ctx, ts.LineInput(plan.id, "qlnn_cv", person_id=a))
    with pytest.raises(ValidationError) as err:
        ts.add_line(ctx, ts.LineInput(plan.id, "qlnn_cv", estimated_cost=-1))
    assert {f for f, _ in err.value.errors} == {"person_id", "estimated_cost"}
    lines = tq.plan_lines(ctx, plan.id)
    by_type = {t.key: (t.people, t.cost) for t in tq.TotalRow.of_lines(lines, "type")}
    by_unit = {t.key: t.people for t in tq.TotalRow.of_lines(lines, "unit")}
    assert by_type == {"qlnn_cv": (2, Decimal(9_000_000)), "vtvl": (5, Decimal(15_000_000))}
    assert by_unit == {"QLKH": 2, "TT": 5}
    with pytest.raises(ValidationError):
        ts.approve_plan(ctx, plan.id, DecisionInput(number="", sign_date=date(2022, 1, 19)))
    approved = ts.approve_plan(ctx, plan.id, DecisionInput("43/KH-SKH&CN", date(2022, 1, 19), kind="ke_hoach"))
    assert approved.approved and approved.decision_label == "43/KH-SKH&CN ngày 19/01/2022"
    assert (approved.people, approved.cost) == (7, Decimal(24_000_000))
    with pytest.raises(DomainError):
        ts.delete_line(ctx, lines[0].id)
    extra = ts.add_line(ctx, ts.LineInput(plan.id, "tin_hoc", person_id=a))
    assert extra.origin == "supplement"


def test_an_empty_plan_cannot_be_approved_and_a_year_has_one_plan(ctx):
    plan = ts.create_plan(ctx, ts.PlanInput(2022))
    with pytest.raises(DomainError) as err:
        ts.approve_plan(ctx, plan.id, dec())
    assert err.value.code == "plan_empty"
    with pytest.raises(ConflictError):
        ts.create_plan(ctx, ts.PlanInput(2022))


def test_copying_last_years_plan_moves_the_dates_and_leaves_out_people_who_left(ctx, org):
    a = staff(ctx, org, "Nguyễn Văn An")
    gone = staff(ctx, org, "Lê Văn Đi", end=date(2022, 12, 31))
    old = ts.create_plan(ctx, ts.PlanInput(2022))
    for pid in (a, gone):
        ts.add_line(ctx, ts.LineInput(old.id, "qlnn_cv", person_id=pid, planned_start=date(2022, 4, 4),
                                      planned_end=date(2022, 4, 29), estimated_cost=4_500_000))
    ts.add_line(ctx, ts.LineInput(old.id, "vtvl", unit_id=org["TT"], people=3))
    new = ts.copy_plan(ctx, 2022, 2023)
    assert (new.year, new.status, new.copied_from_year) == (2023, "draft", 2022)
    lines = tq.plan_lines(ctx, new.id)
    assert sorted((ln.full_name or ln.unit_code, ln.planned_start) for ln in lines) == [
        ("Nguyễn Văn An", date(2023, 4, 4)), ("TT", None)]
    assert all(ln.origin == "copy" for ln in lines)
    with pytest.raises(NotFoundError):
        ts.copy_plan(ctx, 2019, 2024)



def test_sending_ties_the_record_to_the_plan_line_and_a_passed_certificate_adds_the_qualification(ctx, org):
    a, b = staff(ctx, org, "Nguyễn Văn An"), staff(ctx, org, "Trần Thị Bình")
    c = course(ctx)
    plan = ts.create_plan(ctx, ts.PlanInput(2022))
    ts.add_line(ctx, ts.LineInput(plan.id, "qlnn_cv", person_id=a))
    gaps_before = {(g.person_id, g.gap.kind) for g in tq.gap_analysis(ctx, ON)}
    assert {(a, "qlnn"), (b, "qlnn")} <= gaps_before
    sent = ts.send(ctx, ts.SendInput(c, (a, b), date(2022, 4, 4), dec(), end_date=date(2022, 4, 29),
                                     cost_per_person=4_500_000, funding_source="ngan_sach_tinh"))
    assert [r.status for r in sent.records] == ["sent", "sent"]
    assert sent.unplanned == ("Trần Thị Bình",)
    rec_a = next(r for r in sent.records if r.person_id == a)
    assert rec_a.plan_line_id is not None
    with pytest.raises(ConflictError):
        ts.send(ctx, ts.SendInput(c, (a,), date(2022, 5, 4), dec("11/QĐ-SKHCN")))
    done = ts.record_result(ctx, ts.ResultInput(rec_a.id, "gioi", date(2022, 4, 29), "CV-00123", date(2022, 5, 20),
                                                report_received=True, report_date=date(2022, 5, 10)))
    assert done.qualification_added == "QLNN Chuyên viên"
    assert done.record.status == "completed" and done.record.report_text == "Đã nộp 10/05/2022"
    with ctx.read() as s:
        q_ = s.scalar(select(Qualification).where(Qualification.person_id == a, Qualification.kind == "qlnn"))
    assert (q_.level_code, q_.certificate_no, q_.certificate_date, q_.source) == ("CV", "CV-00123",
                                                                                  date(2022, 5, 20), "training")
    gaps_after = {(g.person_id, g.gap.kind) for g in tq.gap_analysis(ctx, ON)}
    assert (a, "qlnn") not in gaps_after and (b, "qlnn") in gaps_after
    # the certificate counts from its date: on the day before it the gap is still there
    assert (a, "qlnn") in {(g.person_id, g.gap.kind) for g in tq.gap_analysis(ctx, date(2022, 5, 19))}
    with pytest.raises(DomainError):
        ts.record_result(ctx, ts.ResultInput(rec_a.id, "gioi", date(2022, 4, 29)))


def test_a_failed_result_or_a_course_without_a_level_adds_no_qualification(ctx, org):
    a, b = staff(ctx, org, "Nguyễn Văn An"), staff(ctx, org, "Trần Thị Bình")
    qlnn = course(ctx)
    vtvl = course(ctx, "vtvl", "VTVL", name="Bồi dưỡng nghiệp vụ quản lý khoa học", weeks=1)
    failed = ts.send(ctx, ts.SendInput(qlnn, (a,), date(2022, 4, 4), dec())).records[0]
    res = ts.record_result(ctx, ts.ResultInput(failed.id, "khong_dat", date(2022, 4, 29)))
    assert (res.record.status, res.qualification_added) == ("failed", "")
    attended = ts.send(ctx, ts.SendInput(vtvl, (b,), date(2022, 6, 6), dec("12/QĐ-SKHCN"))).records[0]
    res = ts.record_result(ctx, ts.ResultInput(attended.id, "dat", date(2022, 6, 10), "GCN-1", date(2022, 6, 10)))
    assert (res.record.status, res.qualification_added) == ("completed", "")
    assert res.record.report_text == "Chưa nộp"
    assert ts.mark_report(ctx, attended.id, True, date(2022, 6, 20)).report_text == "Đã nộp 20/06/2022"
    with ctx.read() as s:
        assert s.scalar(select(func.count(Qualification.id)).where(Qualification.source == "training")) == 0


def test_a_language_course_adds_the_level_on_its_certificate(ctx, org):
    a = staff(ctx, org, "Nguyễn Văn An")
    c = course(ctx, "ngoai_ngu", "NN", name="Tiếng Anh", weeks=12)
    rec = ts.send(ctx, ts.SendInput(c, (a,), date(2022, 2, 1), dec())).records[0]
    with pytest.raises(ValidationError):
        ts.record_result(ctx, ts.ResultInput(rec.id, "dat", date(2022, 5, 1), "NN-1", date(2022, 5, 2),
                                             granted_level="CVC"))
    res = ts.record_result(ctx, ts.ResultInput(rec.id, "dat", date(2022, 5, 1), "NN-1", date(2022, 5, 2),
                                               granted_level="B1"))
    assert res.qualification_added == "Ngoại ngữ Bậc 3 (B1)"


def test_withdrawn_people_get_no_result_and_people_who_left_are_not_sent(ctx, org):
    a = staff(ctx, org, "Nguyễn Văn An")
    gone = staff(ctx, org, "Lê Văn Đi", end=date(2021, 12, 31))
    c = course(ctx)
    with pytest.raises(DomainError) as err:
        ts.send(ctx, ts.SendInput(c, (a, gone), date(2022, 4, 4), dec()))
    assert err.value.code == "not_on_staff"
    with ctx.read() as s:
        assert s.scalar(select(func.count(TrainingRecord.id))) == 0  # nothing half-saved
    rec = ts.send(ctx, ts.SendInput(c, (a,), date(2022, 4, 4), dec())).records[0]
    assert ts.withdraw(ctx, rec.id, "Ốm dài ngày", date(2022, 4, 10)).status == "withdrawn"
    with pytest.raises(DomainError):
        ts.record_result(ctx, ts.ResultInput(rec.id, "dat", date(2022, 4, 29)))


def test_selected_gaps_become_plan_lines_once(ctx, org):
    a, b = staff(ctx, org, "Nguyễn Văn An"), staff(ctx, org, "Trần Thị Bình")
    plan = ts.create_plan(ctx, ts.PlanInput(2022))
    gaps = [g for g in tq.gap_analysis(ctx, ON) if g.person_id in (a, b)]
    picks = [ts.GapPick(g.person_id, g.gap.kind, g.gap.level, g.gap.need) for g in gaps]
    result = ts.add_gaps_to_plan(ctx, plan.id, picks)
    assert sorted((ln.full_name, ln.course_type, ln.origin) for ln in result.lines) == [
        ("Nguyễn Văn An", "qlnn_cv", "gap"), ("Trần Thị Bình", "qlnn_cv", "gap")]
    assert result.lines[0].requirement.startswith("Yêu cầu của vị trí việc làm Quản lý khoa học")
    again = ts.add_gaps_to_plan(ctx, plan.id, picks)
    assert again.lines == () and len(again.skipped) == 2
    assert {g.in_plan for g in tq.gap_analysis(ctx, ON) if g.person_id in (a, b)} == {"Có trong kế hoạch năm 2022"}
    undergraduate = ts.add_gaps_to_plan(ctx, plan.id, [ts.GapPick(a, "chuyen_mon", "DH")])
    assert undergraduate.lines == () and "chưa có loại khóa học" in undergraduate.skipped[0]


def test_postgraduate_check_reads_service_ratings_and_age_from_the_record(ctx, org):
    pid = staff(ctx, org, "Nguyễn Văn An", birth=date(1990, 5, 1), start=date(2019, 3, 1))
    rating(ctx, pid, 2020, "htt")
    rating(ctx, pid, 2021, "htt")
    assert tq.postgraduate_check(ctx, pid, date(2022, 3, 1)).eligible
    short = tq.postgraduate_check(ctx, pid, date(2022, 2, 28))
    assert [r.code for r in short.reasons] == ["service"]


def test_a_commitment_broken_after_the_course_owes_the_months_not_served(ctx, org):
    pid = staff(ctx, org, "Nguyễn Văn An", birth=date(1990, 5, 1))
    res = ts.create_commitment(ctx, ts.CommitmentInput(pid, "Thạc sĩ Quản lý kinh tế", date(2022, 9, 5),
                                                       date(2024, 9, 4), 60_000_000, decision=dec()))
    c = res.commitment
    assert (c.study_months, c.commitment_months, c.service_until, c.rule_version) == (
        24, 48, date(2028, 9, 4), "nd89_2021")
    preview = tq.repayment_preview(ctx, c.id, date(2026, 9, 5), "quit_after")
    assert (preview.served_months, preview.amount) == (24, Decimal(30_000_000))
    with pytest.raises(ValidationError):
        ts.record_leaving(ctx, ts.LeavingInput(c.id, date(2023, 1, 1), "quit_after"))
    done = ts.record_leaving(ctx, ts.LeavingInput(c.id, date(2026, 9, 5), "quit_after"))
    assert (done.commitment.status, done.commitment.repayment) == ("broken", Decimal(30_000_000))
    with pytest.raises(DomainError):
        ts.record_leaving(ctx, ts.LeavingInput(c.id, date(2026, 9, 5), "quit_after"))


def test_a_read_only_account_cannot_change_the_plan(ctx):
    ctx.role = "xem"
    with pytest.raises(PermissionDeniedError):
        ts.create_plan(ctx, ts.PlanInput(2022))
    assert tq.list_plans(ctx) == []


# ---------------------------------------------------------------------------------------------- demo department


def test_the_demo_holds_the_2022_plan_approved_by_kh_43(demo_ctx):
    (plan,) = tq.list_plans(demo_ctx)
    assert (plan.year, plan.status, plan.decision_label) == (2022, "approved", "43/KH-SKH&CN ngày 19/01/2022")
    lines = tq.plan_lines(demo_ctx, plan.id)
    types = {ln.course_type for ln in lines}
    assert {"llct_cao_cap", "llct_trung_cap", "qlnn_cv", "qlnn_cvc", "vtvl"} <= types
    assert any(ln.origin == "supplement" for ln in lines)
    records = tq.list_records(demo_ctx, year=2022, plan_id=plan.id)
    done = [r for r in records if r.status == "completed"]
    assert len(done) >= 10 and sum(1 for r in done if r.qualification_id) >= 6
    assert any(not r.report_received for r in done) and any(r.report_received for r in done)
    assert all(r.completed_on <= ON for r in done)
    assert all(r.plan_line_id is not None for r in records)


def test_demo_certificates_are_qualifications_that_leave_the_seed_figures_unchanged(demo_ctx):
    with demo_ctx.read() as s:
        kinds = set(s.execute(select(Qualification.kind).where(Qualification.source == "training")).scalars())
        dates = list(s.scalars(select(Qualification.certificate_date).where(Qualification.source == "training")))
    assert kinds <= {"qlnn", "tin_hoc", "ngoai_ngu"} and kinds
    assert max(dates) <= ON


def test_demo_gaps_find_the_planned_person_without_the_llct_her_post_needs(demo_ctx):
    rows = tq.gap_analysis(demo_ctx, ON)
    planning = [r for r in rows if r.source == "planning"]
    assert [(r.full_name, r.gap.kind, r.gap.level) for r in planning] == [("Trần Thùy Hạnh", "llct", "trung_cap")]
    assert planning[0].in_plan.startswith("Đang học")
    with demo_ctx.read() as s:
        planned = set(s.scalars(select(PlanningEntry.person_id).where(PlanningEntry.status == "active")))
    assert planning[0].person_id in planned
    assert all(r.in_plan for r in rows)  # every need of the demo is planned or in training


def test_demo_plan_vs_actual_counts_planned_sent_and_completed(demo_ctx):
    rows = {r.course_type: r for r in tq.plan_vs_actual(demo_ctx, 2022)}
    assert rows["qlnn_cv"].planned == 6 and rows["qlnn_cv"].sent == 4 and rows["qlnn_cv"].completed == 4
    assert rows["llct_trung_cap"].sent == 1 and rows["llct_trung_cap"].completed == 0
    assert rows["qpan"].sent == 0 and rows["qpan"].planned == 2
    assert sum(r.outside_plan for r in rows.values()) == 0
