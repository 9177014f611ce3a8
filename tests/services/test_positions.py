"""Job positions: validation, approval and versions, copy and retire, requirements and assignments."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from hrapp import clock
from hrapp.db.models import Employment, JobPosition, Note, Person, PositionAssignment
from hrapp.errors import DomainError, ValidationError
from hrapp.services.org import CloseUnit, close_unit
from hrapp.services.position_assignments import (
    WAIVER_TOPIC,
    AssignPosition,
    EndAssignment,
    assign_concurrent_position,
    assign_main_position,
    end_concurrent_position,
    person_positions,
    requirement_gaps,
)
from hrapp.services.positions import (
    CompetencyLevel,
    CopyPosition,
    PositionInput,
    Requirements,
    Task,
    approve_position,
    copy_position,
    create_position,
    get_position,
    list_positions,
    position_versions,
    retire_position,
    update_position,
)
from hrapp.services.quotas import set_quota
from tests.services.org_builders import dec, person, qualify, rank, sample_org

APPROVED = date(2021, 11, 1)


@pytest.fixture
def org(ctx):
    return sample_org(ctx)


def spec(unit_id: int, code: str = "QLKH.01", **kw) -> PositionInput:
    base = dict(
        unit_id=unit_id, code=code, name="Chuyên viên quản lý khoa học", group="chuyen_nganh", number_needed=2,
        min_rank_code="01.003", purpose="Tham mưu quản lý nhiệm vụ khoa học và công nghệ",
        tasks=(Task("Thẩm định hồ sơ nhiệm vụ", "Báo cáo thẩm định", "Thường xuyên"),),
        relationships="Phối hợp các phòng", authority="Đề xuất", conditions="Máy tính, văn phòng",
        requirements=Requirements(education_level="DH", major="Quản lý khoa học", state_management="CV",
                                  it="tin_hoc_co_ban", language="B1", experience_years=2),
        competencies=(CompetencyLevel("NLC01", 3), CompetencyLevel("NLCM03", 4)),
    )
    base.update(kw)
    return PositionInput(**base)


def n_positions(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(JobPosition))


# -- the position --------------------------------------------------------------------------------------


def test_new_position_is_a_draft_with_its_description_and_framework(ctx, org):
    info = create_position(ctx, spec(org["QLKH"]))
    assert (info.status, info.version_no, info.unit_code) == ("draft", 1, "QLKH")
    assert info.tasks == (Task("Thẩm định hồ sơ nhiệm vụ", "Báo cáo thẩm định", "Thường xuyên"),)
    assert [(c.code, c.level, c.group) for c in info.competencies] == [("NLC01", 3, "chung"),
                                                                      ("NLCM03", 4, "chuyen_mon")]
    assert info.min_rank_name == "Chuyên viên" and info.group_label == "Chuyên môn, nghiệp vụ chuyên ngành"


@pytest.mark.parametrize(("changes", "field"), [
    ({"code": ""}, "code"),
    ({"name": "  "}, "name"),
    ({"group": "khac"}, "group"),
    ({"number_needed": 0}, "number_needed"),
    ({"number_needed": 1.5}, "number_needed"),
    ({"min_rank_code": "99.999"}, "min_rank_code"),
    ({"requirements": Requirements(political_theory="DH")}, "requirements.political_theory"),
    ({"requirements": Requirements(experience_years=-1)}, "requirements.experience_years"),
    ({"competencies": (CompetencyLevel("NLC01", 6),)}, "competencies.0"),
    ({"competencies": (CompetencyLevel("NLC01", 2), CompetencyLevel("NLC01", 3))}, "competencies.1"),
    ({"tasks": (Task(""),)}, "tasks.0"),
])
def test_bad_input_is_refused_at_its_field_and_nothing_is_saved(ctx, org, changes, field):
    with pytest.raises(ValidationError) as err:
        create_position(ctx, spec(org["QLKH"], **changes))
    assert field in [f for f, _ in err.value.errors]
    assert n_positions(ctx) == 0


def test_duplicate_code_in_the_same_unit_is_refused_but_another_unit_may_use_it(ctx, org):
    create_position(ctx, spec(org["QLKH"]))
    with pytest.raises(ValidationError) as err:
        create_position(ctx, spec(org["QLKH"], code="qlkh.01"))
    assert err.value.field == "code"
    assert create_position(ctx, spec(org["VP"])).unit_code == "VP"


def test_position_in_a_closed_unit_is_refused(ctx, org):
    close_unit(ctx, CloseUnit(org["QLKH"], dec(date(2021, 1, 1))))
    with pytest.raises(DomainError) as err:
        create_position(ctx, spec(org["QLKH"]))
    assert err.value.code == "unit_closed" and err.value.field == "unit_id"
    assert n_positions(ctx) == 0


def test_approval_by_decision_sets_the_effective_date(ctx, org):
    pos = create_position(ctx, spec(org["QLKH"]))
    info = approve_position(ctx, pos.id, dec(APPROVED, "4366/QĐ-UBND"))
    assert (info.status, info.effective_from, info.decision.number) == ("approved", APPROVED, "4366/QĐ-UBND")


def test_editing_an_approved_position_makes_a_new_version_that_replaces_it_once_approved(ctx, org):
    v1 = approve_position(ctx, create_position(ctx, spec(org["QLKH"])).id, dec(APPROVED, "4366/QĐ-UBND"))
    v2 = update_position(ctx, v1.id, spec(org["QLKH"], number_needed=3))
    assert (v2.id != v1.id, v2.version_no, v2.status, v2.previous_id) == (True, 2, "draft", v1.id)
    assert get_position(ctx, v1.id).status == "approved"
    again = update_position(ctx, v1.id, spec(org["QLKH"], number_needed=4))
    assert again.id == v2.id and again.number_needed == 4  # the pending draft is edited, not a third version
    approve_position(ctx, v2.id, dec(date(2022, 1, 23), "248/QĐ-UBND"))
    old = get_position(ctx, v1.id)
    assert (old.status, old.effective_to) == ("superseded", date(2022, 1, 22))
    assert [(v.version_no, v.status) for v in position_versions(ctx, v1.id)] == [(1, "superseded"), (2, "approved")]
    assert [p.id for p in list_positions(ctx, org["QLKH"])] == [v2.id]


def test_new_version_cannot_take_effect_before_the_one_it_replaces(ctx, org):
    v1 = approve_position(ctx, create_position(ctx, spec(org["QLKH"])).id, dec(APPROVED))
    v2 = update_position(ctx, v1.id, spec(org["QLKH"], name="Chuyên viên"))
    with pytest.raises(ValidationError) as err:
        approve_position(ctx, v2.id, dec(APPROVED))
    assert err.value.field == "decision.effective_date"
    assert get_position(ctx, v1.id).status == "approved"


def test_code_of_an_approved_position_cannot_change(ctx, org):
    v1 = approve_position(ctx, create_position(ctx, spec(org["QLKH"])).id, dec(APPROVED))
    with pytest.raises(ValidationError) as err:
        update_position(ctx, v1.id, spec(org["QLKH"], code="QLKH.99"))
    assert err.value.field == "code"


def test_copy_to_another_unit_keeps_description_and_framework_as_a_draft(ctx, org):
    src = approve_position(ctx, create_position(ctx, spec(org["QLKH"])).id, dec(APPROVED))
    copy = copy_position(ctx, CopyPosition(src.id, org["VP"], "VP.01"))
    assert (copy.unit_code, copy.code, copy.status, copy.version_no) == ("VP", "VP.01", "draft", 1)
    assert copy.competencies == src.competencies and copy.requirements == src.requirements
    with pytest.raises(ValidationError):
        copy_position(ctx, CopyPosition(src.id, org["VP"], "VP.01"))


def test_retiring_is_refused_while_someone_holds_the_position(ctx, org):
    pos = approve_position(ctx, create_position(ctx, spec(org["QLKH"])).id, dec(APPROVED))
    person(ctx, "Ngô Văn Giữ", org["QLKH"], position_id=pos.id, end=date(2022, 12, 31))
    with pytest.raises(DomainError) as err:
        retire_position(ctx, pos.id, dec(date(2022, 12, 31)))
    assert err.value.code == "position_held" and "Ngô Văn Giữ" in err.value.message
    info = retire_position(ctx, pos.id, dec(date(2023, 1, 1), "9/QĐ"))
    assert (info.status, info.effective_to) == ("retired", date(2022, 12, 31))


def test_needed_people_above_the_unit_quota_gives_a_warning(ctx, org):
    set_quota(ctx, clock.today().year, org["QLKH"], "cong_chuc", 3, dec(date(clock.today().year, 1, 2)))
    assert create_position(ctx, spec(org["QLKH"], number_needed=3)).warnings == ()
    [warning] = create_position(ctx, spec(org["QLKH"], code="QLKH.02", number_needed=1)).warnings
    assert "(4)" in warning and "(3)" in warning


# -- requirements and assignment -----------------------------------------------------------------------


@pytest.fixture
def position(ctx, org):
    return approve_position(ctx, create_position(ctx, spec(org["QLKH"])).id, dec(APPROVED)).id


def qualified(ctx, unit_id, name="Huỳnh Thị Đủ"):
    pid = person(ctx, name, unit_id, start=date(2018, 3, 1))
    rank(ctx, pid, "01.003", "A1", date(2018, 3, 1))
    qualify(ctx, pid, "chuyen_mon", "ThS", "Quản lý khoa học và công nghệ")
    qualify(ctx, pid, "qlnn", "CV")
    qualify(ctx, pid, "tin_hoc", "tin_hoc_nang_cao")
    qualify(ctx, pid, "ngoai_ngu", "B2")
    return pid


def test_a_person_meeting_every_requirement_has_no_gap(ctx, org, position):
    pid = qualified(ctx, org["QLKH"])
    assert requirement_gaps(ctx, pid, position, date(2022, 6, 30)) == []


def test_experience_counts_whole_years_up_to_the_day(ctx, org, position):
    pid = qualified(ctx, org["QLKH"])  # started 01/03/2018, two years needed
    [gap] = requirement_gaps(ctx, pid, position, date(2020, 2, 29))
    assert (gap.requirement, gap.required, gap.held) == ("experience_years", "2 năm", "1 năm")
    assert requirement_gaps(ctx, pid, position, date(2020, 3, 1)) == []


def test_missing_requirements_are_listed_one_by_one(ctx, org, position):
    pid = person(ctx, "Đặng Văn Thiếu", org["VP"], start=date(2022, 1, 1))
    rank(ctx, pid, "01.004", "A0", date(2022, 1, 1))
    qualify(ctx, pid, "chuyen_mon", "CD", "Kế toán")
    gaps = {g.requirement: g for g in requirement_gaps(ctx, pid, position, date(2022, 6, 30))}
    assert set(gaps) == {"min_rank", "education_level", "major", "state_management", "it", "language",
                         "experience_years"}
    assert gaps["education_level"].held == "Cao đẳng" and gaps["education_level"].required == "Đại học"
    assert gaps["min_rank"].held == "Cán sự (A0)"


def test_higher_rank_meets_a_lower_minimum_rank(ctx, org, position):
    pid = qualified(ctx, org["QLKH"])
    rank(ctx, pid, "01.002", "A2.1", date(2021, 1, 1))
    assert [g for g in requirement_gaps(ctx, pid, position, date(2022, 6, 30)) if g.requirement == "min_rank"] == []


def test_assigning_someone_who_lacks_a_requirement_needs_a_note_at_the_note_field(ctx, org, position):
    pid = person(ctx, "Đặng Văn Thiếu", org["QLKH"], start=date(2022, 1, 1))
    with pytest.raises(DomainError) as err:
        assign_main_position(ctx, AssignPosition(pid, position, dec(date(2022, 7, 1))))
    assert err.value.code == "requirements_not_met" and err.value.field == "waiver_note"
    assert "Trình độ chuyên môn" in err.value.message
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Employment).where(Employment.person_id == pid)) == 1


def test_assignment_with_a_note_is_saved_with_the_note_and_splits_the_employment_row(ctx, org, position):
    pid = person(ctx, "Đặng Văn Thiếu", org["QLKH"], start=date(2022, 1, 1))
    result = assign_main_position(ctx, AssignPosition(pid, position, dec(date(2022, 7, 1), "77/QĐ-SKHCN"),
                                                      waiver_note="Đang học thạc sĩ, hoàn thành 2023"))
    assert result.gaps and not result.concurrent and result.start_date == date(2022, 7, 1)
    with ctx.read() as s:
        rows = s.scalars(select(Employment).where(Employment.person_id == pid).order_by(Employment.start_date)).all()
        assert [(r.position_id, r.start_date, r.end_date) for r in rows] == [
            (None, date(2022, 1, 1), date(2022, 6, 30)), (position, date(2022, 7, 1), None)]
        note = s.scalar(select(Note).where(Note.person_id == pid, Note.topic == WAIVER_TOPIC))
        assert "Đang học thạc sĩ" in note.text and "01/07/2022" in note.text
        assert s.get(Person, pid).cur_position_id == position
    main = person_positions(ctx, pid, date(2022, 7, 1)).main
    assert main is not None and main.position_id == position
    assert person_positions(ctx, pid, date(2022, 6, 30)).main is None


def test_assignment_on_the_first_day_of_employment_changes_that_row(ctx, org, position):
    pid = qualified(ctx, org["QLKH"])
    assign_main_position(ctx, AssignPosition(pid, position, dec(date(2018, 3, 1)),
                                             waiver_note="Có 5 năm kinh nghiệm tại cơ quan trước"))
    with ctx.read() as s:
        rows = s.scalars(select(Employment).where(Employment.person_id == pid)).all()
        assert [(r.position_id, r.start_date) for r in rows] == [(position, date(2018, 3, 1))]


def test_assignment_outside_any_employment_is_refused(ctx, org, position):
    pid = qualified(ctx, org["QLKH"])
    with pytest.raises(DomainError) as err:
        assign_main_position(ctx, AssignPosition(pid, position, dec(date(2017, 1, 1))))
    assert err.value.code == "no_employment"


def test_concurrent_position_shows_beside_the_main_one_and_can_end(ctx, org, position):
    other = approve_position(ctx, create_position(ctx, spec(org["VP"], "VP.TH", name="Tổng hợp",
                                                            requirements=Requirements(), min_rank_code=None)).id,
                             dec(APPROVED)).id
    pid = qualified(ctx, org["QLKH"])
    assign_main_position(ctx, AssignPosition(pid, position, dec(date(2022, 1, 1))))
    res = assign_concurrent_position(ctx, AssignPosition(pid, other, dec(date(2022, 3, 1))))
    held = person_positions(ctx, pid, date(2022, 3, 1))
    assert held.main.position_id == position and [c.position_id for c in held.concurrent] == [other]
    with pytest.raises(DomainError):
        assign_concurrent_position(ctx, AssignPosition(pid, other, dec(date(2022, 4, 1))))
    with pytest.raises(DomainError):
        assign_concurrent_position(ctx, AssignPosition(pid, position, dec(date(2022, 4, 1))))
    end_concurrent_position(ctx, EndAssignment(res.assignment_id, dec(date(2022, 9, 1))))
    assert person_positions(ctx, pid, date(2022, 8, 31)).concurrent != ()
    assert person_positions(ctx, pid, date(2022, 9, 1)).concurrent == ()
    with ctx.read() as s:
        assert s.get(PositionAssignment, res.assignment_id).end_date == date(2022, 8, 31)


def test_a_new_version_shows_on_the_holders_page_from_its_effective_date(ctx, org, position):
    pid = qualified(ctx, org["QLKH"])
    assign_main_position(ctx, AssignPosition(pid, position, dec(date(2022, 1, 1))))
    v2 = update_position(ctx, position, spec(org["QLKH"], name="Chuyên viên quản lý KH&CN"))
    approve_position(ctx, v2.id, dec(date(2022, 7, 1)))
    assert person_positions(ctx, pid, date(2022, 6, 30)).main.name == "Chuyên viên quản lý khoa học"
    assert person_positions(ctx, pid, date(2022, 7, 1)).main.name == "Chuyên viên quản lý KH&CN"


def test_an_officer_scoped_to_one_unit_cannot_edit_positions_of_another(ctx, org):
    from hrapp.errors import PermissionDeniedError

    ctx.sign_in("tccb_tt", "to_chuc_can_bo", (org["TT"],))
    assert create_position(ctx, spec(org["TT.KT"], "KT.01")).unit_code == "TT.KT"
    with pytest.raises(PermissionDeniedError):
        create_position(ctx, spec(org["QLKH"]))
