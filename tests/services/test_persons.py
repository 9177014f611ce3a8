"""Person services: validation before any write, history rows by decision, optimistic locking, leaving."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrapp.context import ServiceContext
from hrapp.db.models import AuditLog, Employment, OrgUnit, Person, Qualification, SalaryStep
from hrapp.errors import ConflictError, ValidationError
from hrapp.queries.employees import EmployeeFilter, list_employees
from hrapp.queries.person_profile import load_profile
from hrapp.services import persons as ps

DEC = ps.DecisionInput("15/QĐ-SKHCN", date(2021, 3, 1))


@pytest.fixture
def units(ctx: ServiceContext) -> dict[str, int]:
    with ctx.unit_of_work() as s:
        rows = [OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong"),
                OrgUnit(code="OLD", name="Phòng đã giải thể", kind="phong", active_to=date(2009, 12, 31))]
        s.add_all(rows)
        s.flush()
        return {u.code: u.id for u in rows}


def identity(**kw) -> ps.IdentityInput:
    base = dict(full_name="Trần Thị Thu Hà", gender="F", birth_date=date(1985, 3, 5), id_number="052185001234",
                ethnicity="01", religion="khong", birth_place="Quy Nhơn, Bình Định", phone="0905123456")
    return ps.IdentityInput(**{**base, **kw})


def new_person(unit_id: int, *, ident: ps.IdentityInput | None = None, category: str = "cong_chuc",
               recruited: date | None = date(2010, 9, 1), salary: ps.SalaryInput | None = None,
               quals: tuple[ps.QualificationInput, ...] = ()) -> ps.NewPerson:
    if salary is None and category != "hop_dong":
        salary = ps.SalaryInput("01.003", 3, Decimal("3.00"), date(2016, 9, 1))
    return ps.NewPerson(
        identity=ident or identity(),
        employment=ps.EmploymentInput(category=category, unit_id=unit_id, start_date=date(2010, 9, 1),
                                      recruitment_date=recruited),
        salary=salary, qualifications=quals,
    )


def count(ctx: ServiceContext, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def fields_of(err: pytest.ExceptionInfo) -> list[str]:
    return [f for f, _ in err.value.errors]


# ------------------------------------------------------------------------------------------- create


def test_new_civil_servant_is_saved_with_history_and_snapshot(ctx, units):
    quals = (ps.QualificationInput("chuyen_mon", "ThS", major="Quản lý khoa học", year=2012),
             ps.QualificationInput("llct", "trung_cap", year=2015))
    prof = ps.create_person(ctx, new_person(units["VP"], quals=quals))
    assert prof.full_name == "Trần Thị Thu Hà"
    assert prof.unit_name == "Văn phòng Sở" and prof.category == "cong_chuc"
    assert (prof.rank_code, prof.salary_step, prof.coefficient) == ("01.003", 3, Decimal("3.000"))
    assert prof.education == "ThS"
    assert [q.level_code for q in prof.qualifications] == ["ThS", "trung_cap"]
    assert len(prof.ranks) == 1 and prof.ranks[0].effective_date == date(2016, 9, 1)
    with ctx.read() as s:
        audited = set(s.scalars(select(AuditLog.entity).where(AuditLog.person_id == prof.id)))
    assert {"persons", "employments", "salary_steps", "qualifications"} <= audited


def test_name_is_normalised_and_searchable_without_diacritics(ctx, units):
    ps.create_person(ctx, new_person(units["VP"], ident=identity(full_name="  trần   thị thu  hà ")))
    rows = list_employees(ctx, EmployeeFilter(search="tran thi thu ha"))
    assert [r.full_name for r in rows] == ["Trần Thị Thu Hà"]


def test_labour_contract_needs_no_rank_or_recruitment_date(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"], category="hop_dong", recruited=None))
    assert prof.category == "hop_dong" and prof.rank_code is None


def test_civil_servant_without_rank_is_refused_and_nothing_is_saved(ctx, units):
    dto = replace(new_person(units["VP"], recruited=None), salary=None)
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, dto)
    assert fields_of(err) == ["recruitment_date", "rank_code"]  # step and coefficient follow the rank: one message
    assert count(ctx, Person) == 0 and count(ctx, Employment) == 0


def test_duplicate_cccd_is_refused_with_the_other_persons_name(ctx, units):
    ps.create_person(ctx, new_person(units["VP"]))
    other = identity(full_name="Lê Văn Bình", gender="M", id_number="052 185 001 234")
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, new_person(units["QLKH"], ident=other))
    assert err.value.errors == [("id_number", "Số CCCD 052185001234 đã có trong hồ sơ của Trần Thị Thu Hà.")]
    assert count(ctx, Person) == 1


def test_recruitment_before_eighteen_is_refused_at_the_edge(ctx, units):
    young = identity(birth_date=date(1992, 9, 2))
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, new_person(units["VP"], ident=young))  # recruited 01/09/2010: one day short
    assert err.value.errors[0][0] == "recruitment_date"
    assert "đủ 18 tuổi từ ngày 02/09/2010" in err.value.errors[0][1]
    ok = identity(birth_date=date(1992, 9, 1))
    assert ps.create_person(ctx, new_person(units["VP"], ident=ok)).id


def test_coefficient_not_matching_the_table_is_refused(ctx, units):
    bad = ps.SalaryInput("01.003", 3, Decimal("3.33"), date(2016, 9, 1))
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, new_person(units["VP"], salary=bad))
    assert err.value.errors == [("coefficient", "Hệ số 3,33 không đúng với loại A1 bậc 3 (theo bảng lương là 3,00).")]
    assert count(ctx, SalaryStep) == 0


def test_qualification_before_age_fifteen_is_refused(ctx, units):
    early = (ps.QualificationInput("chuyen_mon", "DH", year=1999),)  # born 1985: 2000 at the earliest
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, new_person(units["VP"], quals=early))
    assert err.value.errors == [("qualifications[0].year", "Năm 1999 sớm hơn năm sinh + 15 (1985 + 15 = 2000).")]


def test_unit_closed_before_the_start_date_is_refused(ctx, units):
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, new_person(units["OLD"]))
    assert err.value.errors == [("unit_id", "Phòng đã giải thể đã thôi hoạt động từ sau ngày 31/12/2009.")]


def test_every_error_is_reported_at_once(ctx, units):
    dto = new_person(units["VP"], ident=identity(id_number="123", email="x@", full_name=" "))
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, dto)
    assert {"full_name", "id_number", "email"} <= set(fields_of(err))


# ------------------------------------------------------------------------------------------- update


def test_update_saves_identity_and_moves_the_version(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    edited = ps.update_person(ctx, ps.PersonUpdate(prof.id, prof.row_version,
                                                   replace(prof.identity, phone="0256 3822 111", height_cm=158)))
    assert edited.identity.phone == "0256 3822 111" and edited.identity.height_cm == 158
    assert edited.row_version > prof.row_version


def test_update_from_a_stale_version_is_a_conflict_and_changes_nothing(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    first = ps.update_person(ctx, ps.PersonUpdate(prof.id, prof.row_version,
                                                  replace(prof.identity, phone="0911000111")))
    with pytest.raises(ConflictError):
        ps.update_person(ctx, ps.PersonUpdate(prof.id, prof.row_version, replace(prof.identity, phone="0922")))
    with ctx.read() as s:
        assert s.get(Person, prof.id).phone == "0911000111"
    assert first.identity.phone == "0911000111"


def test_birth_date_change_must_fit_recorded_qualifications(ctx, units):
    prof = ps.create_person(ctx, new_person(
        units["VP"], quals=(ps.QualificationInput("chuyen_mon", "DH", year=2007),)))
    with pytest.raises(ValidationError) as err:
        ps.update_person(ctx, ps.PersonUpdate(prof.id, prof.row_version,
                                              replace(prof.identity, birth_date=date(1993, 1, 1))))
    assert fields_of(err) == ["birth_date", "birth_date"]
    assert "Không khớp với quá trình công tác" in err.value.errors[0][1]
    assert "Năm 2007 sớm hơn năm sinh + 15" in err.value.errors[1][1]


def test_birth_known_only_by_year_is_stored_as_first_of_january(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"], ident=identity(birth_date=date(1985, 7, 9),
                                                                        birth_precision="year")))
    assert (prof.identity.birth_date, prof.identity.birth_precision) == (date(1985, 1, 1), "year")


# ------------------------------------------------------------------------------------------- history


def test_salary_step_needs_a_decision_and_keeps_the_earlier_rows(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    raise_ = ps.SalaryInput("01.003", 4, Decimal("3.33"), date(2019, 9, 1))
    with pytest.raises(ValidationError) as err:
        ps.add_salary_step(ctx, prof.id, raise_)
    assert err.value.errors == [("decision", ps.NO_DECISION)]
    prof = ps.add_salary_step(ctx, prof.id, replace(raise_, decision=DEC))
    assert [(s.step, s.coefficient) for s in prof.salary_steps] == [(3, Decimal("3.000")), (4, Decimal("3.330"))]
    assert prof.salary_steps[1].decision.label() == "15/QĐ-SKHCN ngày 01/03/2021"
    assert prof.salary_step == 4


def test_salary_row_date_defaults_to_the_decisions_effective_date(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    dec = ps.DecisionInput("20/QĐ-SKHCN", date(2019, 8, 20), effective_date=date(2019, 9, 1))
    prof = ps.add_salary_step(ctx, prof.id, ps.SalaryInput("01.003", 4, Decimal("3.33"), None, decision=dec))
    assert prof.salary_steps[-1].effective_date == date(2019, 9, 1)


def test_two_salary_rows_on_the_same_day_are_refused(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    with pytest.raises(ValidationError) as err:
        ps.add_salary_step(ctx, prof.id, ps.SalaryInput("01.003", 4, Decimal("3.33"), date(2016, 9, 1),
                                                        decision=DEC))
    assert err.value.errors == [("salary_date", "Đã có diễn biến lương từ ngày 01/09/2016.")]


def test_salary_in_another_rank_records_the_rank_change(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    prof = ps.add_salary_step(ctx, prof.id, ps.SalaryInput("01.002", 1, Decimal("4.40"), date(2021, 3, 1),
                                                           reason="nang_ngach", decision=DEC))
    assert [(r.rank_code, r.end_date) for r in prof.ranks] == [("01.003", date(2021, 2, 28)), ("01.002", None)]
    assert prof.rank_name == "Chuyên viên chính"


def test_rank_change_ends_the_previous_rank_the_day_before(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    prof = ps.add_rank(ctx, prof.id, ps.RankInput("01.002", date(2022, 1, 1), DEC))
    assert prof.ranks[0].end_date == date(2021, 12, 31)
    with pytest.raises(ValidationError) as err:
        ps.add_rank(ctx, prof.id, ps.RankInput("01.001", date(2022, 1, 1), DEC))
    assert err.value.errors[0][0] == "effective_date"


def test_move_to_another_unit_ends_the_open_period_the_day_before(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    prof = ps.add_employment(ctx, prof.id, ps.EmploymentInput("cong_chuc", units["QLKH"], date(2021, 3, 1),
                                                              decision=DEC))
    first, second = prof.employments
    assert (first.end_date, first.end_reason) == (date(2021, 2, 28), "moved")
    assert second.end_date is None and prof.unit_name == "Phòng Quản lý khoa học"


def test_post_term_runs_five_years_and_a_new_post_ends_the_old(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    prof = ps.add_post(ctx, prof.id, ps.PostInput("pho_chanh_van_phong", units["VP"], date(2020, 5, 1),
                                                  decision=DEC))
    assert prof.posts[0].term_end == date(2025, 4, 30)
    assert prof.posts[0].allowance_coefficient == Decimal("0.400")
    prof = ps.add_post(ctx, prof.id, ps.PostInput("chanh_van_phong", units["VP"], date(2023, 1, 1),
                                                  decision=ps.DecisionInput("3/QĐ-SKHCN", date(2022, 12, 28))))
    old, new = prof.posts
    assert old.end_date == date(2022, 12, 31) and old.end_decision.number == "3/QĐ-SKHCN"
    assert prof.post == "Chánh Văn phòng"


def test_post_term_of_a_person_near_retirement_ends_before_retirement(ctx, units):
    # a man born 05/1966 retires at 62: the first day of retirement is 01/06/2028
    old = identity(full_name="Phạm Văn Tư", gender="M", birth_date=date(1966, 5, 10), id_number="052066001111")
    prof = ps.create_person(ctx, new_person(units["VP"], ident=old, recruited=date(1990, 1, 1)))
    prof = ps.add_post(ctx, prof.id, ps.PostInput("truong_phong", units["VP"], date(2024, 1, 1), decision=DEC))
    assert prof.posts[0].term_end == date(2028, 5, 31)


def test_ending_a_post_records_the_day_reason_and_decision(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    prof = ps.add_post(ctx, prof.id, ps.PostInput("pho_chanh_van_phong", units["VP"], date(2020, 5, 1),
                                                  decision=DEC))
    with pytest.raises(ValidationError) as err:
        ps.end_post(ctx, prof.posts[0].id, date(2020, 4, 30), "Miễn nhiệm", DEC)
    assert err.value.errors[0][0] == "end_date"
    prof = ps.end_post(ctx, prof.posts[0].id, date(2022, 6, 30), "Miễn nhiệm", DEC)
    assert (prof.posts[0].end_date, prof.posts[0].end_reason, prof.post) == (date(2022, 6, 30), "Miễn nhiệm", "")


def test_doctoral_study_in_progress_does_not_count_as_a_degree_until_completed(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"], quals=(ps.QualificationInput("chuyen_mon", "ThS",
                                                                                       year=2012),)))
    prof = ps.add_qualification(ctx, prof.id, ps.QualificationInput("chuyen_mon", "TS", in_progress=True,
                                                                     start_date=date(2021, 10, 1)))
    assert prof.education == "ThS"
    ncs = next(q for q in prof.qualifications if q.in_progress)
    prof = ps.complete_qualification(ctx, ncs.id, 2024, certificate_no="TS-0012")
    assert prof.education == "TS"
    with pytest.raises(ValidationError):
        ps.complete_qualification(ctx, ncs.id, 2024)


def test_certificate_expiry_before_its_issue_is_refused(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    cert = ps.QualificationInput("ngoai_ngu", "B1", language="Tiếng Anh", certificate_date=date(2022, 5, 1),
                                 expiry_date=date(2022, 4, 30), year=2022)
    with pytest.raises(ValidationError) as err:
        ps.add_qualification(ctx, prof.id, cert)
    assert err.value.errors == [("expiry_date", "Ngày hết hạn (30/04/2022) không được trước ngày cấp (01/05/2022).")]
    assert count(ctx, Qualification) == 0


def test_evaluation_is_one_per_year_and_a_score_fixes_the_rating(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    prof = ps.add_evaluation(ctx, prof.id, ps.EvaluationInput(2023, "htt"))
    with pytest.raises(ValidationError) as err:
        ps.add_evaluation(ctx, prof.id, ps.EvaluationInput(2023, "ht"))
    assert err.value.errors == [("year", "Đã có kết quả đánh giá năm 2023.")]
    with pytest.raises(ValidationError) as err:
        ps.add_evaluation(ctx, prof.id, ps.EvaluationInput(2026, "htxs", Decimal("85"), "nd335_2025"),
                          today=date(2026, 12, 20))
    assert err.value.errors[0][0] == "rating" and "Hoàn thành tốt nhiệm vụ" in err.value.errors[0][1]
    prof = ps.add_evaluation(ctx, prof.id, ps.EvaluationInput(2026, None, Decimal("92"), "nd335_2025"),
                             today=date(2026, 12, 20))
    assert [(e.year, e.rating) for e in prof.evaluations] == [(2023, "htt"), (2026, "htxs")]


def test_family_award_discipline_and_work_lines_are_kept(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    pid = prof.id
    ps.add_family_member(ctx, pid, ps.FamilyInput("Chồng", "lê văn hùng", 1983, "Kỹ sư, Quy Nhơn"))
    ps.add_family_member(ctx, pid, ps.FamilyInput("Mẹ chồng", "Nguyễn Thị Lan", 1958, side="spouse"))
    ps.add_award(ctx, pid, ps.AwardInput(date(2020, 12, 30), "Bằng khen của Chủ tịch UBND tỉnh", decision=DEC))
    ps.add_discipline(ctx, pid, ps.DisciplineInput(date(2022, 3, 1), "khien_trach", None, date(2023, 2, 28),
                                                   decision=DEC))
    prof = ps.add_work_history(ctx, pid, ps.WorkInput(date(2010, 9, 1), date(2016, 8, 31),
                                                      "Chuyên viên Văn phòng Sở KH&CN Bình Định"))
    assert [(f.side, f.full_name) for f in prof.family] == [("spouse", "Nguyễn Thị Lan"), ("self", "Lê Văn Hùng")]
    assert prof.awards[0].decision.number == "15/QĐ-SKHCN"
    assert prof.disciplines[0].effect_from == date(2022, 3, 1) and prof.disciplines[0].form_label == "Khiển trách"
    assert prof.work_history[0].to_date == date(2016, 8, 31)


def test_work_line_ending_before_it_starts_is_refused(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    with pytest.raises(ValidationError) as err:
        ps.add_work_history(ctx, prof.id, ps.WorkInput(date(2012, 1, 1), date(2011, 12, 31), "Chuyên viên"))
    assert err.value.errors[0][0] == "to_date"


# ------------------------------------------------------------------------------------------- attachments


def test_attachment_is_stored_in_the_database_file(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    scan = b"%PDF-1.4 scanned decision " + bytes(range(256)) * 10
    prof = ps.add_attachment(ctx, prof.id, ps.AttachmentInput("C:\\Scan\\QD 15.pdf", scan, "decision"))
    att = prof.attachments[0]
    assert (att.filename, att.mime, att.size) == ("QD 15.pdf", "application/pdf", len(scan))
    # a second connection sees it: the data is in the database itself, so a copy of the file carries it
    other = ServiceContext.open(ctx.engine.url.render_as_string(hide_password=False))
    assert ps.attachment_data(other, att.id) == ("QD 15.pdf", "application/pdf", scan)
    other.engine.dispose()
    prof = ps.delete_attachment(ctx, att.id)
    assert prof.attachments == ()


def test_photo_must_be_jpeg_or_png(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    with pytest.raises(ValidationError) as err:
        ps.set_photo(ctx, prof.id, "anh.gif", b"GIF89a....")
    assert err.value.errors == [("photo", "Ảnh phải là tệp JPEG hoặc PNG.")]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    prof = ps.set_photo(ctx, prof.id, "anh.png", png)
    assert prof.photo == png and prof.photo_mime == "image/png"


# ------------------------------------------------------------------------------------------- leaving


def test_retirement_keeps_the_record_with_its_status_and_ends_open_rows(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    ps.add_post(ctx, prof.id, ps.PostInput("pho_chanh_van_phong", units["VP"], date(2020, 5, 1), decision=DEC))
    dec = ps.DecisionInput("88/QĐ-SKHCN", date(2024, 3, 1))
    prof = ps.leave(ctx, prof.id, ps.LeaveInput("retired", date(2024, 6, 1), dec, "Nghỉ hưu theo chế độ"),
                    today=date(2024, 6, 1))
    assert prof.status == "retired" and prof.status_label == "Nghỉ hưu"
    emp = prof.employments[0]
    assert (emp.end_date, emp.end_reason, emp.end_decision.number) == (date(2024, 5, 31), "retired", "88/QĐ-SKHCN")
    assert prof.posts[0].end_date == date(2024, 5, 31) and prof.posts[0].end_reason == "Nghỉ hưu"
    assert list_employees(ctx) == []
    assert [r.status for r in list_employees(ctx, EmployeeFilter(statuses=None))] == ["retired"]


def test_leaving_on_a_future_date_or_twice_is_refused(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    today = date(2024, 6, 1)
    with pytest.raises(ValidationError) as err:
        ps.leave(ctx, prof.id, ps.LeaveInput("resigned", today + timedelta(days=1), DEC), today=today)
    assert err.value.errors[0][0] == "effective_date"
    ps.leave(ctx, prof.id, ps.LeaveInput("transferred", today, DEC), today=today)
    with pytest.raises(ValidationError) as err:
        ps.leave(ctx, prof.id, ps.LeaveInput("resigned", today, DEC), today=today)
    assert "Chuyển công tác" in err.value.errors[0][1]


def test_rehire_after_leaving_makes_the_person_working_again(ctx, units):
    prof = ps.create_person(ctx, new_person(units["VP"]))
    ps.leave(ctx, prof.id, ps.LeaveInput("resigned", date(2020, 1, 1), DEC), today=date(2020, 1, 1))
    prof = ps.add_employment(ctx, prof.id, ps.EmploymentInput("hop_dong", units["QLKH"], date(2022, 1, 1),
                                                              decision=DEC), today=date(2022, 1, 1))
    assert prof.status == "working" and prof.category == "hop_dong"


# ------------------------------------------------------------------------------------------- rights


def test_read_only_role_may_not_change_records_and_sees_masked_personal_data(ctx, units):
    from hrapp.errors import PermissionDeniedError

    prof = ps.create_person(ctx, new_person(units["VP"]))
    ctx.sign_in("xem1", "xem")
    with pytest.raises(PermissionDeniedError):
        ps.update_person(ctx, ps.PersonUpdate(prof.id, prof.row_version, prof.identity))
    seen = load_profile(ctx, prof.id)
    assert seen.identity.id_number == "052******234" and seen.identity.full_name == "Trần Thị Thu Hà"


def test_unit_scoped_account_may_not_move_a_person_out_of_its_units(ctx, units):
    from hrapp.errors import PermissionDeniedError

    prof = ps.create_person(ctx, new_person(units["VP"]))
    ctx.sign_in("tccb", "to_chuc_can_bo", (units["VP"],))
    prof = ps.add_work_history(ctx, prof.id, ps.WorkInput(date(2010, 9, 1), None, "Chuyên viên"))
    with pytest.raises(PermissionDeniedError):
        ps.add_employment(ctx, prof.id, ps.EmploymentInput("cong_chuc", units["QLKH"], date(2021, 3, 1),
                                                           decision=DEC))
