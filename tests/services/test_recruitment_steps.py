"""What each step of a recruitment round still needs, read before the officer asks for the step: the same
list that refuses the step, at its edges (the deadline day, a council one short, the last missing score)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from hrapp.domain.recruitment import reasons_text
from hrapp.errors import ValidationError
from hrapp.queries.recruitment import CouncilMember
from hrapp.services import recruitment as rec
from tests.services.recruitment_builders import (
    COUNCIL,
    NOTICE,
    advance,
    centre,
    deadline,
    form,
    new_round,
    round_input,
    score_all,
    target_id,
)


@pytest.fixture
def org(ctx):
    return centre(ctx)


def needs(ctx, round_id, today=NOTICE) -> dict[str, list[str]]:
    """{step: [field of each missing precondition]} from the next step on."""
    return {step.to_status: [r.field for r in step.missing]
            for step in rec.step_requirements(ctx, round_id, today=today)}


def test_an_empty_draft_lists_plan_notice_deadline_positions_and_the_council_ahead(ctx, org):
    info = rec.create_round(ctx, round_input(plan_decision=None, notice_date=None, council=()))
    steps = rec.step_requirements(ctx, info.id, today=NOTICE)
    assert [s.to_status for s in steps] == ["open", "round1", "round2", "results", "closed"]
    assert needs(ctx, info.id) == {"open": ["plan_decision", "notice_date", "application_deadline", "targets"],
                                   "round1": ["council"], "round2": [], "results": [], "closed": []}
    assert not steps[0].ready
    assert steps[0].missing[0].message == "Chưa có kế hoạch tuyển dụng (số, ngày ký)."
    assert [r.where for r in steps[0].missing] == ["round:general"] * 3 + ["targets"]
    assert steps[1].missing[0].where == "round:council"


def test_the_list_is_what_the_step_refuses(ctx, org):
    info = rec.create_round(ctx, round_input(plan_decision=None))
    listed = [(r.field, r.message) for r in rec.step_requirements(ctx, info.id, today=NOTICE)[0].missing]
    with pytest.raises(ValidationError) as err:
        advance(ctx, info.id, "open", NOTICE)
    assert err.value.errors == listed


def test_a_complete_draft_is_ready_to_open(ctx, org):
    info = new_round(ctx, org)
    first = rec.step_requirements(ctx, info.id, today=NOTICE)[0]
    assert (first.to_status, first.missing, first.ready) == ("open", (), True)
    assert first.label == "Đang nhận phiếu đăng ký"


@pytest.mark.parametrize("size, missing", [(0, True), (5, False), (7, False)])
def test_round1_needs_the_council_of_five_or_seven_members(ctx, org, size, missing):
    """A council of another size is refused when the round is saved; none at all is what is left to do."""
    extra = tuple(CouncilMember(f"Ủy viên {i}", "Chuyên viên", "uy_vien") for i in range(3))
    members = (COUNCIL + extra)[:size]
    info = new_round(ctx, org, council=members)
    assert ("council" in needs(ctx, info.id)["round1"]) is missing


def test_closing_applications_waits_for_the_day_after_the_deadline_without_blocking(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (target_id(info, org["IT"]),)))
    on_deadline = rec.step_requirements(ctx, info.id, today=deadline(info))[0]
    assert [(r.field, r.blocking) for r in on_deadline.missing] == [("event_date", False)]
    assert on_deadline.ready  # the officer may still date the step after the deadline
    assert "đến hết ngày 09/04/2022" in on_deadline.missing[0].message
    after = rec.step_requirements(ctx, info.id, today=deadline(info) + timedelta(days=1))[0]
    assert after.missing == ()


def test_an_open_round_without_candidates_needs_them(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    assert needs(ctx, info.id, deadline(info) + timedelta(days=1))["round1"] == ["candidates"]


def test_round2_needs_candidate_numbers_and_results_need_the_last_score(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    it = target_id(info, org["IT"])
    an = rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (it,))).id
    bao = rec.add_candidate(ctx, info.id, form("Lê Văn Bảo", (it,))).id
    day = deadline(info) + timedelta(days=1)
    advance(ctx, info.id, "round1", day)
    step = rec.step_requirements(ctx, info.id, today=day)[0]
    assert [r.field for r in step.missing] == ["sbd"] and step.missing[0].where == "candidates"
    assert "Còn 2 người dự vòng 2 chưa có số báo danh" in step.missing[0].message
    rec.assign_sbd(ctx, info.id)
    assert needs(ctx, info.id, day) == {"round2": [], "results": [], "closed": []}
    advance(ctx, info.id, "round2", day + timedelta(days=4))
    score_all(ctx, info.id, {an: "70"})
    step = rec.step_requirements(ctx, info.id, today=day)[0]
    assert [(r.field, r.where) for r in step.missing] == [("scores", "round2")]
    assert step.missing[0].message == "Còn 1 người chưa có điểm vòng 2: Lê Văn Bảo."
    score_all(ctx, info.id, {bao: None})  # absent counts as a result
    assert needs(ctx, info.id, day)["results"] == []


def test_a_round_with_no_one_eligible_cannot_go_to_round2(ctx, org):
    info = new_round(ctx, org)
    advance(ctx, info.id, "open", NOTICE)
    rec.add_candidate(ctx, info.id, form("Lê Văn Cường", (target_id(info, org["IT"]),), level="CD"))
    day = deadline(info) + timedelta(days=1)
    advance(ctx, info.id, "round1", day)
    assert needs(ctx, info.id, day)["round2"] == ["candidates"]


def test_a_closed_round_has_no_step_left(ctx, org):
    info = new_round(ctx, org)
    assert len(rec.step_requirements(ctx, info.id, today=NOTICE)) == 5
    from sqlalchemy import update

    from hrapp.db.models import RecruitmentRound
    with ctx.unit_of_work() as s:
        s.execute(update(RecruitmentRound).where(RecruitmentRound.id == info.id).values(status="closed"))
    assert rec.step_requirements(ctx, info.id, today=NOTICE) == ()


def test_council_members_from_staff_keep_their_record_and_may_not_sit_twice(ctx, org):
    chair = replace(COUNCIL[0], person_id=41)
    info = new_round(ctx, org, council=(chair, *COUNCIL[1:]))
    assert [m.person_id for m in info.council] == [41, None, None, None, None]
    twice = (chair, replace(COUNCIL[1], full_name=chair.full_name, person_id=41), *COUNCIL[2:])
    with pytest.raises(ValidationError) as err:
        rec.update_round(ctx, info.id, round_input(council=twice))
    assert "Nguyễn Văn Nường có tên hai lần trong Hội đồng tuyển dụng." in [m for _f, m in err.value.errors]


def test_reasons_read_as_one_sentence_without_a_stray_full_stop():
    assert reasons_text(["Trình độ chuyên môn: yêu cầu Đại học trở lên, người dự tuyển có Cao đẳng.",
                         "Chuyên ngành: yêu cầu Vật lý, người dự tuyển có Kế toán."]) == (
        "Trình độ chuyên môn: yêu cầu Đại học trở lên, người dự tuyển có Cao đẳng; "
        "Chuyên ngành: yêu cầu Vật lý, người dự tuyển có Kế toán.")
    assert reasons_text([]) == ""
    assert ".;" not in reasons_text(["A.", " B. ", ""])
