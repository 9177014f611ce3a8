"""Recruitment rounds end to end: plan, targets against vacancies, candidates and eligibility, numbers,
scores and re-marking, ranking with ties and withdrawals, hiring into staff records, the staffing view."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from hrapp import messages as msg
from hrapp.db.models import Employment, Person, Qualification, RankAssignment, SalaryStep, ScoreChange
from hrapp.domain.recruitment import Outcome
from hrapp.errors import DomainError, ValidationError
from hrapp.queries import recruitment as rq
from hrapp.queries.recruitment import CouncilMember
from hrapp.queries.staffing import staffing_view
from hrapp.services import recruitment as rec
from tests.services.org_builders import person
from tests.services.recruitment_builders import (
    COUNCIL,
    ENGLISH_B1,
    NOTICE,
    advance,
    centre,
    deadline,
    dec,
    form,
    new_round,
    round_input,
    score_all,
    target_id,
    to_round2,
)

RESULTS_DAY = date(2022, 5, 16)


@pytest.fixture
def org(ctx):
    return centre(ctx)


def messages(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(m for _f, m in exc.value.errors)


# ---------------------------------------------------------------------------------------------- rounds


def test_deadline_defaults_to_thirty_days_after_the_notice(ctx, org):
    info = rec.create_round(ctx, round_input())
    assert info.application_deadline == NOTICE + timedelta(days=30)
    assert info.category == "vien_chuc"
    assert info.status == "draft"
    assert info.plan_decision is not None and info.plan_decision.number == "148/KH-SKHCN"


def test_regime_must_exist_and_allow_the_category(ctx, org):
    with pytest.raises(ValidationError) as err:
        rec.create_round(ctx, round_input(regime="nd999_2030"))
    assert "Không có chế độ tuyển dụng 'nd999_2030'" in messages(err)
    with pytest.raises(ValidationError) as err:
        rec.create_round(ctx, round_input(category="cong_chuc"))
    assert "chỉ tuyển" in messages(err)


@pytest.mark.parametrize("size, ok", [(4, False), (5, True), (6, False), (7, True)])
def test_council_has_five_or_seven_members(ctx, org, size, ok):
    members = COUNCIL + tuple(CouncilMember(f"Ủy viên {i}", "Chuyên viên") for i in range(2))
    dto = round_input(council=members[:size])
    if ok:
        assert len(rec.create_round(ctx, dto).council) == size
    else:
        with pytest.raises(ValidationError) as err:
            rec.create_round(ctx, dto)
        assert "5 hoặc 7 thành viên" in messages(err)


def test_round2_parts_must_add_up_to_one_hundred(ctx, org):
    dto = round_input(regime="nd170_2025", year=2026, method="thi_tuyen", category="cong_chuc",
                      notice_date=date(2026, 3, 2), plan_decision=dec("10/KH-SKHCN", date(2026, 2, 20)),
                      round2_parts=(rec.PartSetting("thi_viet", Decimal(60)),
                                    rec.PartSetting("phong_van", Decimal(30))))
    with pytest.raises(ValidationError) as err:
        rec.create_round(ctx, dto)
    assert "phải bằng 100" in messages(err)
    from dataclasses import replace
    info = rec.create_round(ctx, replace(dto, round2_parts=(rec.PartSetting("thi_viet", Decimal(60)),
                                                            rec.PartSetting("phong_van", Decimal(40)))))
    assert [(p.code, p.max) for p in info.round2_parts] == [("thi_viet", 60), ("phong_van", 40)]


# ---------------------------------------------------------------------------------------------- targets


def test_quota_above_vacancies_needs_a_reason(ctx, org):
    info = rec.create_round(ctx, round_input())
    person(ctx, "Đặng Văn Hải", org["TT"], "vien_chuc", date(2020, 1, 1), position_id=org["IT"])
    assert rec.position_vacancy(ctx, info.id, org["IT"]) == 2  # 3 needed, 1 held
    with pytest.raises(ValidationError) as err:
        rec.set_target(ctx, rec.TargetInput(info.id, org["IT"], 3))
    assert "vượt số vị trí còn trống" in messages(err) and err.value.field == "over_vacancy_reason"
    info = rec.set_target(ctx, rec.TargetInput(info.id, org["IT"], 2))
    assert info.targets[0].over_vacancy_reason is None and info.targets[0].vacancies_seen == 2
    info = rec.set_target(ctx, rec.TargetInput(info.id, org["IT"], 3, over_vacancy_reason="Dự kiến nghỉ hưu"))
    assert info.targets[0].quota == 3 and info.targets[0].over_vacancy_reason == "Dự kiến nghỉ hưu"


def test_own_places_do_not_count_against_a_changed_quota(ctx, org):
    info = new_round(ctx, org, {"IT": 3})
    advance(ctx, info.id, "open", NOTICE)
    assert rec.position_vacancy(ctx, info.id, org["IT"]) == 3
    info = rec.set_target(ctx, rec.TargetInput(info.id, org["IT"], 2))
    assert info.targets[0].over_vacancy_reason is None


def test_rank_of_the_winners_defaults_to_the_positions_and_must_exist(ctx, org):
    info = rec.create_round(ctx, round_input())
    with pytest.raises(ValidationError) as err:
        rec.set_target(ctx, rec.TargetInput(info.id, org["IT"], 1, rank_code="99.999"))
    assert "Không có ngạch/chức danh nghề nghiệp mã '99.999'" in messages(err)
    info = rec.set_target(ctx, rec.TargetInput(info.id, org["IT"], 1))
    assert (info.targets[0].rank_code, info.targets[0].rank_name) == ("V.05.02.07", "Kỹ sư (hạng III)")


def test_open_rounds_count_as_in_recruitment_and_drafts_do_not(ctx, org):
    info = new_round(ctx, org, {"IT": 2})
    before = staffing_view(ctx, 2022, date(2022, 3, 20), with_positions=True)
    assert next(p for p in before.positions if p.code == "KS-CNTT").in_recruitment == 0
    advance(ctx, info.id, "open", NOTICE)
    day_before = staffing_view(ctx, 2022, NOTICE - timedelta(days=1), with_positions=True)
    assert next(p for p in day_before.positions if p.code == "KS-CNTT").in_recruitment == 0
    on_day = staffing_view(ctx, 2022, NOTICE, with_positions=True)
    row = next(p for p in on_day.positions if p.code == "KS-CNTT")
    assert row.in_recruitment == 2 and row.vacancy == 1
    tt = next(u for u in on_day.units if u.unit_id == org["TT"])
    assert tt.figures("vien_chuc").in_recruitment == 2
    other_year = staffing_view(ctx, 2023, NOTICE, with_positions=True)
    assert next(p for p in other_year.positions if p.code == "KS-CNTT").in_recruitment == 0


# ---------------------------------------------------------------------------------------------- status


def test_opening_needs_plan_notice_and_targets(ctx, org):
    info = rec.create_round(ctx, round_input(plan_decision=None, notice_date=None))
    with pytest.raises(ValidationError) as err:
        advance(ctx, info.id, "open", NOTICE)
    text = messages(err)
    assert "kế hoạch tuyển dụng" in text and "ngày thông báo" in text and "chỉ tiêu" in text


def test_round1_starts_only_after_the_application_deadline(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (target_id(info, org["IT"]),)))
    with pytest.raises(ValidationError) as err:
        advance(ctx, info.id, "round1", deadline(info))
    assert "Chưa hết hạn nhận phiếu" in messages(err)
    assert advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1)).status == "round1"


def test_a_step_back_needs_a_reason_and_nothing_recorded_in_the_step(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    with pytest.raises(ValidationError):
        advance(ctx, info.id, "draft", NOTICE)
    assert advance(ctx, info.id, "draft", NOTICE, reason="Sửa chỉ tiêu").status == "draft"
    advance(ctx, info.id, "open", NOTICE)
    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (target_id(info, org["IT"]),)))
    with pytest.raises(DomainError) as derr:
        advance(ctx, info.id, "draft", NOTICE, reason="Sửa chỉ tiêu")
    assert "đã có người đăng ký" in derr.value.message


def test_skipping_a_step_is_refused(ctx, org):
    info = new_round(ctx, org)
    with pytest.raises(DomainError) as err:
        advance(ctx, info.id, "round1", NOTICE)
    assert err.value.code == "status_transition"
    assert msg.render(err.value, "en") == "Cannot move from “Draft plan” to “Round 1”."


# ---------------------------------------------------------------------------------------------- candidates


def test_duplicate_cccd_in_one_round_is_refused_but_not_across_rounds(ctx, org):
    a = new_round(ctx, org)
    b = new_round(ctx, org, {"SCI": 1}, name="Đợt 2")
    advance(ctx, a.id, "open", NOTICE)
    advance(ctx, b.id, "open", NOTICE)
    rec.add_candidate(ctx, a.id, form("Nguyễn Văn An", (target_id(a, org["IT"]),), cccd="052095000777"))
    with pytest.raises(ValidationError) as err:
        rec.add_candidate(ctx, a.id, form("Nguyễn Văn Ân", (target_id(a, org["IT"]),), cccd="052 095 000 777"))
    assert "đã đăng ký trong kỳ tuyển dụng này (Nguyễn Văn An)" in messages(err)
    other = rec.add_candidate(ctx, b.id, form("Nguyễn Văn An", (target_id(b, org["SCI"]),), major="Vật lý",
                                              quals=(ENGLISH_B1,), cccd="052095000777"))
    assert other.id_number == "052095000777"


def test_form_fields_are_checked_together(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    bad = form("", (), gender="X", cccd="12345", groups=("khong_co",), exemptions=("ngoai_ngu",),
               applied_on=deadline(info) + timedelta(days=1))
    with pytest.raises(ValidationError) as err:
        rec.add_candidate(ctx, info.id, bad)
    fields = {f for f, _m in err.value.errors}
    assert {"full_name", "gender", "id_number", "preferences", "priority_groups", "exemptions",
            "applied_on"} <= fields


def test_form_on_the_deadline_is_accepted_and_the_day_after_refused(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    it = target_id(info, org["IT"])
    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (it,), applied_on=deadline(info)))
    with pytest.raises(ValidationError) as err:
        rec.add_candidate(ctx, info.id, form("Lê Văn Bảo", (it,), applied_on=deadline(info) + timedelta(days=1)))
    assert "sau hạn nhận phiếu" in messages(err)


def _checked(ctx, info, dto):
    c = rec.add_candidate(ctx, info.id, dto)
    listed = {x.id: x for x in rec.check_eligibility(ctx, info.id)}
    return listed[c.id]


@pytest.mark.parametrize("birth, eligible", [
    (date(2004, 4, 10), False),  # turns 18 the day after the deadline (09/04/2022)
    (date(2004, 4, 9), True),  # turns 18 on the deadline
    (date(2004, 4, 8), True),
])
def test_candidates_must_be_eighteen_on_the_deadline(ctx, org, birth, eligible):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    assert deadline(info) == date(2022, 4, 9)
    c = _checked(ctx, info, form("Nguyễn Văn An", (target_id(info, org["IT"]),), birth=birth))
    assert c.eligible is eligible
    assert eligible or "Chưa đủ 18 tuổi vào ngày 09/04/2022" in c.ineligible_reasons[0]


def test_degree_level_major_and_language_are_checked_with_reasons(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    it, sci = target_id(info, org["IT"]), target_id(info, org["SCI"])
    college = _checked(ctx, info, form("Lê Văn Cường", (it,), level="CD"))
    assert college.eligible is False
    assert college.ineligible_reasons == ("Trình độ chuyên môn: yêu cầu Đại học trở lên, người dự tuyển có Cao đẳng.",)
    wrong_major = _checked(ctx, info, form("Trần Văn Đức", (it,), major="Kế toán"))
    assert "Chuyên ngành: yêu cầu Công nghệ thông tin; Kỹ thuật phần mềm, người dự tuyển có Kế toán." in \
        wrong_major.ineligible_reasons
    no_english = _checked(ctx, info, form("Phạm Thị Hoa", (sci,), gender="F", major="Hóa học"))
    assert no_english.ineligible_reasons == ("Ngoại ngữ: yêu cầu Bậc 3 (B1), người dự tuyển chưa có.",)
    master = _checked(ctx, info, form("Võ Minh Khôi", (it,), level="ThS", major="Kỹ thuật phần mềm"))
    assert master.eligible is True


def test_a_later_preference_the_candidate_does_not_qualify_for_is_left_out(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    it, sci = target_id(info, org["IT"]), target_id(info, org["SCI"])
    c = _checked(ctx, info, form("Nguyễn Văn An", (it, sci)))
    assert c.eligible is True
    assert [(p.choice, p.eligible) for p in c.preferences] == [(1, True), (2, False)]
    first_fails = _checked(ctx, info, form("Trần Thị Bình", (sci, it), gender="F", major="Công nghệ thông tin"))
    assert first_fails.eligible is False  # the first preference decides whether she sits the exam


def test_candidate_numbers_follow_positions_then_given_names(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    it, sci = target_id(info, org["IT"]), target_id(info, org["SCI"])
    rec.add_candidate(ctx, info.id, form("Trần Văn Bảo", (it,)))
    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (it,)))
    rec.add_candidate(ctx, info.id, form("Lê Thị Anh", (sci,), gender="F", major="Vật lý", quals=(ENGLISH_B1,)))
    rec.add_candidate(ctx, info.id, form("Đỗ Văn Ất", (it,), level="TC"))
    advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1))
    numbered = rec.assign_sbd(ctx, info.id, "KP")
    by_sbd = sorted((c.sbd, c.full_name) for c in numbered if c.sbd)
    assert by_sbd == [("KP001", "Nguyễn Văn An"), ("KP002", "Trần Văn Bảo"), ("KP003", "Lê Thị Anh")]
    assert next(c for c in numbered if c.full_name == "Đỗ Văn Ất").sbd is None


# ---------------------------------------------------------------------------------------------- scores


def _round2_with(ctx, org, people):
    """A round at round 2 with the given (name, prefs keys, extra form args) candidates."""
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    ids = {}
    keys = {"IT": target_id(info, org["IT"]), "SCI": target_id(info, org["SCI"])}
    for name, prefs, extra in people:
        if "SCI" in prefs[:1]:
            extra = {"major": "Vật lý", "quals": (ENGLISH_B1,), **extra}
        ids[name] = rec.add_candidate(ctx, info.id, form(name, tuple(keys[p] for p in prefs), **extra)).id
    info = to_round2(ctx, rq.get_round(ctx, info.id))
    return info, ids, keys


def test_round2_scores_are_checked_against_the_scale(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [("Nguyễn Văn An", ["IT"], {})])
    for bad in ("100.5", "-1", "62.345"):
        with pytest.raises(ValidationError):
            score_all(ctx, info.id, {ids["Nguyễn Văn An"]: bad})
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "62.25"})
    c = rq.list_candidates(ctx, info.id)[0]
    assert c.round2 == Decimal("62.25")


def test_corrections_before_results_are_kept_in_the_history(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [("Nguyễn Văn An", ["IT"], {})])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "62"})
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "66"})
    with ctx.read() as s:
        change = s.scalars(select(ScoreChange)).one()
    assert (change.kind, change.old_value, change.new_value, change.changed_by) == ("sua", 62, 66, "tester")


def test_remarking_replaces_the_score_with_a_logged_reason(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [("Nguyễn Văn An", ["IT"], {}), ("Lê Văn Bảo", ["IT"], {}),
                                           ("Trần Văn Cảnh", ["IT"], {})])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "70", ids["Lê Văn Bảo"]: "66", ids["Trần Văn Cảnh"]: "65"})
    an = ids["Nguyễn Văn An"]
    with pytest.raises(ValidationError) as err:
        rec.remark_score(ctx, rec.Remark(an, 2, "tong", Decimal(75), reason=" "))
    assert "lý do phúc khảo" in messages(err)
    canh = ids["Trần Văn Cảnh"]
    rec.remark_score(ctx, rec.Remark(canh, 2, "tong", Decimal("67.5"), "Chấm phúc khảo: cộng sót câu 3",
                                     dec("15/TB-HĐTD", date(2022, 5, 10), "thong_bao")))
    with ctx.read() as s:
        change = s.scalars(select(ScoreChange).where(ScoreChange.kind == "phuc_khao")).one()
    assert (change.old_value, change.new_value, change.reason) == (65, Decimal("67.5"),
                                                                   "Chấm phúc khảo: cộng sót câu 3")
    assert change.decision_id is not None
    advance(ctx, info.id, "results", RESULTS_DAY)
    winners = {r.full_name for _p, r in rq.results(ctx, info.id).winners()}
    assert winners == {"Nguyễn Văn An", "Trần Văn Cảnh"}


def test_only_round1_passers_get_round2_scores(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [("Nguyễn Văn An", ["IT"], {}), ("Lê Văn Cường", ["IT"], {"level": "CD"})])
    with pytest.raises(ValidationError) as err:
        score_all(ctx, info.id, {ids["Lê Văn Cường"]: "80"})
    assert "không đủ điều kiện dự vòng 2" in messages(err)


def test_results_need_every_round2_score(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [("Nguyễn Văn An", ["IT"], {}), ("Lê Văn Bảo", ["IT"], {})])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "70"})
    with pytest.raises(ValidationError) as err:
        advance(ctx, info.id, "results", RESULTS_DAY)
    assert "chưa có điểm vòng 2: Lê Văn Bảo" in messages(err)
    score_all(ctx, info.id, {ids["Lê Văn Bảo"]: None})  # absent
    res = rq.results(ctx, advance(ctx, info.id, "results", RESULTS_DAY).id)
    bao = next(r for r in res.positions[0].rows if r.full_name == "Lê Văn Bảo")
    assert bao.outcome is Outcome.KHONG_DU_DIEU_KIEN and bao.reason == "Vắng mặt ở vòng 2."


# ---------------------------------------------------------------------------------------------- ranking


def test_priority_points_and_the_fifty_point_edge(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [
        ("Nguyễn Văn An", ["IT"], {}),
        ("Lê Văn Bảo", ["IT"], {"groups": ("dan_toc_thieu_so", "nghia_vu_quan_su")}),
        ("Trần Văn Cảnh", ["IT"], {"groups": ("thuong_binh",)}),
    ])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "50", ids["Lê Văn Bảo"]: "62", ids["Trần Văn Cảnh"]: "49.99"})
    res = rq.results(ctx, advance(ctx, info.id, "results", RESULTS_DAY).id)
    rows = {r.full_name: r for r in res.positions[0].rows}
    assert (rows["Lê Văn Bảo"].priority_points, rows["Lê Văn Bảo"].total) == (Decimal(5), Decimal(67))
    assert rows["Lê Văn Bảo"].priority_label == "Người dân tộc thiểu số"
    assert rows["Nguyễn Văn An"].outcome is Outcome.TRUNG_TUYEN  # exactly 50 passes
    assert rows["Trần Văn Cảnh"].outcome is Outcome.KHONG_DU_DIEU_KIEN  # 49.99 does not, 7.5 points or not
    assert "dưới 50 điểm" in rows["Trần Văn Cảnh"].reason


def test_boundary_tie_goes_to_the_higher_round2_score(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [
        ("Nguyễn Văn An", ["IT"], {}),
        ("Lê Văn Bảo", ["IT"], {"groups": ("nghia_vu_quan_su",)}),  # 65 + 2.5 = 67.5
        ("Trần Văn Cảnh", ["IT"], {}),  # 67.5 + 0
    ])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "80", ids["Lê Văn Bảo"]: "65", ids["Trần Văn Cảnh"]: "67.5"})
    it = rq.results(ctx, advance(ctx, info.id, "results", RESULTS_DAY).id).positions[0]
    rows = {r.full_name: r for r in it.rows}
    assert rows["Trần Văn Cảnh"].outcome is Outcome.TRUNG_TUYEN
    assert rows["Lê Văn Bảo"].total == rows["Trần Văn Cảnh"].total == Decimal("67.5")
    assert rows["Lê Văn Bảo"].outcome is Outcome.KHONG_TRUNG_TUYEN
    assert "điểm vòng 2 thấp hơn" in rows["Lê Văn Bảo"].reason


def test_unbreakable_tie_waits_for_the_head_of_the_agency(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [
        ("Nguyễn Văn An", ["IT"], {}), ("Trần Văn Cảnh", ["IT"], {}), ("Phạm Văn Dũng", ["IT"], {}),
    ])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "80", ids["Trần Văn Cảnh"]: "67.5",
                             ids["Phạm Văn Dũng"]: "67.5"})
    it = rq.results(ctx, advance(ctx, info.id, "results", RESULTS_DAY).id).positions[0]
    assert {r.full_name for r in it.with_outcome(Outcome.CAN_QUYET_DINH)} == {"Trần Văn Cảnh", "Phạm Văn Dũng"}
    with pytest.raises(ValidationError) as err:
        advance(ctx, info.id, "closed", RESULTS_DAY)
    assert "chờ người đứng đầu quyết định" in messages(err)
    with pytest.raises(ValidationError) as err:
        rec.record_tie_decision(ctx, rec.TieDecision(info.id, it.target_id, (ids["Nguyễn Văn An"],),
                                                     dec("40/QĐ-SKHCN", RESULTS_DAY)))
    assert "Chỉ chọn trong số những người bằng điểm" in messages(err)
    with pytest.raises(DomainError):  # two tied, one place: exactly one must be chosen
        rec.record_tie_decision(ctx, rec.TieDecision(info.id, it.target_id,
                                                     (ids["Trần Văn Cảnh"], ids["Phạm Văn Dũng"]),
                                                     dec("40/QĐ-SKHCN", RESULTS_DAY)))
    res = rec.record_tie_decision(ctx, rec.TieDecision(info.id, it.target_id, (ids["Phạm Văn Dũng"],),
                                                       dec("40/QĐ-SKHCN", RESULTS_DAY)))
    assert {r.full_name for _p, r in res.winners()} == {"Nguyễn Văn An", "Phạm Văn Dũng"}
    assert not res.pending_decisions
    assert rq.round_events(ctx, info.id)[-1].kind == "tie_decision"


def test_free_places_go_to_second_preferences_after_first_preferences(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [
        ("Nguyễn Văn An", ["IT"], {}),
        ("Lê Văn Bảo", ["IT"], {}),
        ("Trần Văn Cảnh", ["IT", "SCI"], {"major": "Công nghệ thông tin; Vật lý", "quals": (ENGLISH_B1,)}),
        ("Võ Thị Dung", ["SCI"], {"gender": "F"}),
    ])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "90", ids["Lê Văn Bảo"]: "85", ids["Trần Văn Cảnh"]: "88",
                             ids["Võ Thị Dung"]: "52"})
    res = rq.results(ctx, advance(ctx, info.id, "results", RESULTS_DAY).id)
    it, sci = res.positions
    assert [r.full_name for r in it.with_outcome(Outcome.TRUNG_TUYEN)] == ["Nguyễn Văn An", "Trần Văn Cảnh"]
    # Dung's first preference beats Bảo; Bảo had no second preference
    assert [r.full_name for r in sci.with_outcome(Outcome.TRUNG_TUYEN)] == ["Võ Thị Dung"]


def test_second_preference_takes_a_place_no_first_preference_filled(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [
        ("Nguyễn Văn An", ["IT"], {}),
        ("Lê Văn Bảo", ["IT"], {}),
        ("Trần Văn Cảnh", ["IT", "SCI"], {"major": "Công nghệ thông tin; Vật lý", "quals": (ENGLISH_B1,)}),
    ])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "90", ids["Lê Văn Bảo"]: "85", ids["Trần Văn Cảnh"]: "70"})
    res = rq.results(ctx, advance(ctx, info.id, "results", RESULTS_DAY).id)
    sci = res.positions[1]
    canh = sci.with_outcome(Outcome.TRUNG_TUYEN)
    assert [(r.full_name, r.choice) for r in canh] == [("Trần Văn Cảnh", 2)]


def test_withdrawal_frees_the_place_for_the_next_ranked(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [
        ("Nguyễn Văn An", ["IT"], {}), ("Lê Văn Bảo", ["IT"], {}), ("Trần Văn Cảnh", ["IT"], {}),
    ])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "90", ids["Lê Văn Bảo"]: "85", ids["Trần Văn Cảnh"]: "60"})
    advance(ctx, info.id, "results", RESULTS_DAY)
    with pytest.raises(ValidationError) as err:
        rec.record_withdrawal(ctx, rec.Withdrawal(ids["Trần Văn Cảnh"], "rut_ho_so", dec("50/QĐ-SKHCN", RESULTS_DAY)))
    assert "không trúng tuyển" in messages(err)
    res = rec.record_withdrawal(ctx, rec.Withdrawal(ids["Lê Văn Bảo"], "khong_hoan_thien_ho_so",
                                                    dec("50/QĐ-SKHCN", date(2022, 6, 20))))
    it = res.positions[0]
    assert {r.full_name for r in it.with_outcome(Outcome.TRUNG_TUYEN)} == {"Nguyễn Văn An", "Trần Văn Cảnh"}
    assert [r.full_name for r in it.with_outcome(Outcome.RUT_HO_SO)] == ["Lê Văn Bảo"]
    history = rq.round_events(ctx, info.id)
    assert history[-1].kind == "withdrawal" and history[-1].decision.number == "50/QĐ-SKHCN"


# ---------------------------------------------------------------------------------------------- hiring


def test_hiring_turns_winners_into_staff_at_85_percent_with_probation(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [
        ("Nguyễn Văn An", ["IT"], {"quals": (ENGLISH_B1,)}), ("Võ Thị Dung", ["SCI"], {"gender": "F"}),
        ("Lê Văn Bảo", ["IT"], {}),
    ])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "90", ids["Võ Thị Dung"]: "70", ids["Lê Văn Bảo"]: "40"})
    advance(ctx, info.id, "results", RESULTS_DAY)
    with pytest.raises(ValidationError) as err:
        rec.hire_winners(ctx, rec.HireInput(info.id, dec("60/QĐ-SKHCN", date(2022, 6, 1)),
                                            candidate_ids=(ids["Lê Văn Bảo"],)))
    assert "không phải người trúng tuyển" in messages(err)
    out = rec.hire_winners(ctx, rec.HireInput(info.id, dec("60/QĐ-SKHCN", date(2022, 6, 1))))
    assert {h.full_name for h in out.hired} == {"Nguyễn Văn An", "Võ Thị Dung"}
    an = next(h for h in out.hired if h.full_name == "Nguyễn Văn An")
    assert (an.rank_code, an.step, an.coefficient, an.percent) == ("V.05.02.07", 1, Decimal("2.34"), 85)
    assert an.probation_end == date(2023, 5, 31)
    with ctx.read() as s:
        p = s.get(Person, an.person_id)
        emp = s.scalars(select(Employment).where(Employment.person_id == p.id)).one()
        sal = s.scalars(select(SalaryStep).where(SalaryStep.person_id == p.id)).one()
        rank = s.scalars(select(RankAssignment).where(RankAssignment.person_id == p.id)).one()
        quals = {(x.kind, x.level_code) for x in s.scalars(select(Qualification).where(Qualification.person_id == p.id))}
        assert (p.cur_category, p.cur_unit_id, p.cur_position_id, p.cur_rank_code) == (
            "vien_chuc", org["TT"], org["IT"], "V.05.02.07")
        assert (emp.probation_start, emp.probation_end, emp.probation_pay_percent) == (
            date(2022, 6, 1), date(2023, 5, 31), 85)
        assert emp.decision_id == sal.decision_id == rank.decision_id is not None
        assert (sal.percent, sal.reason) == (85, "tuyen_dung")
        # Recruited after 15/08/2021: probation does not count, the first step counts from its end.
        assert (sal.effective_date, sal.step_since) == (date(2022, 6, 1), date(2023, 6, 1))
        assert quals == {("chuyen_mon", "DH"), ("ngoai_ngu", "B1")}
    with pytest.raises(ValidationError):  # nobody left to hire
        rec.hire_winners(ctx, rec.HireInput(info.id, dec("61/QĐ-SKHCN", date(2022, 6, 1))))
    after = staffing_view(ctx, 2022, date(2022, 6, 1), with_positions=True)
    row = next(p for p in after.positions if p.code == "KS-CNTT")
    assert (row.actual_total, row.in_recruitment) == (1, 1)  # quota 2: one hired, one place still open
    assert advance(ctx, info.id, "closed", date(2022, 6, 2)).status == "closed"
    closed = staffing_view(ctx, 2022, date(2022, 6, 2), with_positions=True)
    assert next(p for p in closed.positions if p.code == "KS-CNTT").in_recruitment == 0


def test_hiring_is_all_or_nothing(ctx, org):
    info, ids, _ = _round2_with(ctx, org, [("Nguyễn Văn An", ["IT"], {}), ("Võ Thị Dung", ["SCI"], {"gender": "F"})])
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "90", ids["Võ Thị Dung"]: "70"})
    advance(ctx, info.id, "results", RESULTS_DAY)
    with pytest.raises(ValidationError) as err:
        rec.hire_winners(ctx, rec.HireInput(info.id, dec("60/QĐ-SKHCN", date(2022, 6, 1)),
                                            steps={ids["Võ Thị Dung"]: 12}))
    assert messages(err).startswith("Võ Thị Dung:")
    with ctx.read() as s:
        assert s.scalars(select(Person)).all() == []


def test_civil_servants_under_nd170_have_no_probation(ctx, org):
    from hrapp.services.positions import PositionInput, Requirements, approve_position, create_position

    pos = create_position(ctx, PositionInput(unit_id=org["SO"], code="CV-TH", name="Chuyên viên tổng hợp",
                                             group="chuyen_nganh", number_needed=1, min_rank_code="01.003",
                                             requirements=Requirements(education_level="DH"))).id
    approve_position(ctx, pos, dec("12/QĐ-UBND", date(2025, 8, 1)))
    info = rec.create_round(ctx, round_input(
        name="Xét tuyển công chức năm 2026", year=2026, regime="nd170_2025", method="xet_tuyen",
        notice_date=date(2026, 3, 2), plan_decision=dec("10/KH-SKHCN", date(2026, 2, 20), "ke_hoach")))
    info = rec.set_target(ctx, rec.TargetInput(info.id, pos, 1))
    assert info.category == "cong_chuc"
    advance(ctx, info.id, "open", date(2026, 3, 2))
    an = rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (info.targets[0].id,), major="Luật")).id
    to_round2(ctx, rq.get_round(ctx, info.id))
    score_all(ctx, info.id, {an: "75"})
    advance(ctx, info.id, "results", date(2026, 4, 20))
    hired = rec.hire_winners(ctx, rec.HireInput(info.id, dec("30/QĐ-SKHCN", date(2026, 5, 4)))).hired[0]
    assert (hired.percent, hired.probation_end, hired.rank_code) == (100, None, "01.003")


# ---------------------------------------------------------------------------------------------- computer test


def _thi_tuyen_round(ctx, org):
    info = rec.create_round(ctx, round_input(method="thi_tuyen", round2_parts=(rec.PartSetting("thi_viet", Decimal(100)),)))
    info = rec.set_target(ctx, rec.TargetInput(info.id, org["IT"], 1))
    advance(ctx, info.id, "open", NOTICE)
    return info


@pytest.mark.parametrize("correct, passed", [(29, False), (30, True)])
def test_round1_pass_mark_is_half_of_the_questions(ctx, org, correct, passed):
    info = _thi_tuyen_round(ctx, org)
    c = rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (info.targets[0].id,), quals=(ENGLISH_B1,),
                                             exemptions=("ngoai_ngu",), exemption_note="Bằng đại học ngôn ngữ Anh"))
    advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1))
    assert [p.questions for p in rq.get_round(ctx, info.id).round1_parts] == [60, 30]
    with pytest.raises(ValidationError) as err:  # exempt from the language part
        rec.enter_scores(ctx, rec.ScoreSheet(info.id, 1, (rec.ScoreEntry(c.id, "ngoai_ngu", Decimal(20)),)))
    assert "được miễn" in messages(err)
    rec.enter_scores(ctx, rec.ScoreSheet(info.id, 1, (rec.ScoreEntry(c.id, "kien_thuc_chung", Decimal(correct)),)))
    got = rq.list_candidates(ctx, info.id)[0]
    assert got.round1_passed is passed
    assert passed or got.round1_reason == "Vòng 1 phần kiến thức chung: 29/60 câu đúng, dưới 50%."


# ---------------------------------------------------------------------------------------------- roles


def test_a_read_only_role_sees_masked_personal_data_and_cannot_write(ctx, org):
    from hrapp.errors import PermissionDeniedError

    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (target_id(info, org["IT"]),), cccd="052096001234",
                                         phone="0905123456", permanent_address="12 Lê Lợi, Quy Nhơn, Bình Định"))
    ctx.role = "xem"
    seen = rq.list_candidates(ctx, info.id)[0]
    assert (seen.id_number, seen.phone, seen.permanent_address) == ("052******234", "090****456", "***, Bình Định")
    with pytest.raises(PermissionDeniedError):
        rec.add_candidate(ctx, info.id, form("Lê Văn Bảo", (target_id(info, org["IT"]),)))
    ctx.role = "to_chuc_can_bo"
    assert rq.list_candidates(ctx, info.id)[0].id_number == "052096001234"
