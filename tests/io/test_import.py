"""Excel import: every row validated first, all or nothing, re-import without duplicates, clear messages for
broken files, both kinds of dates, the downloadable template."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from hrapp.db.models import AuditLog, Decision, OrgUnit, Person, Qualification, SalaryStep
from hrapp.io import excel_template as t
from hrapp.io.excel_import import ImportCancelled, ImportFileError, import_employees, write_issues
from hrapp.services import persons as ps
from tests.io.generate import cccd_for, generate_import_file

TODAY = date(2026, 6, 30)
HEAD = ["Số CCCD (*)", "Họ và tên (*)", "Giới tính (*)", "Ngày sinh (*)", "Mã đơn vị (*)", "Loại cán bộ (*)",
        "Ngày vào cơ quan (*)", "Ngày tuyển dụng", "Mã ngạch/CDNN", "Bậc lương", "Hệ số lương", "Ngày hưởng lương",
        "Điện thoại"]


def row(cccd="052185001234", name="Trần Thị Thu Hà", gender="Nữ", birth="05/03/1985", unit="VP",
        category="cong_chuc", start="01/09/2010", recruited="01/09/2010", rank="01.003", step=3, coef="3,00",
        salary="01/09/2016", phone=None) -> list:
    return [cccd, name, gender, birth, unit, category, start, recruited, rank, step, coef, salary, phone]


def book(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def units(ctx):
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])


def persons(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def count(ctx, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def run(ctx, path, **kw):
    return import_employees(ctx, path, today=TODAY, **kw)


# ------------------------------------------------------------------------------------------- happy path


def test_generated_file_imports_and_a_second_import_changes_nothing(ctx, units, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 300, seed=3)
    first = run(ctx, path)
    assert first.ok, first.issues[:3]
    assert (first.created, first.updated, first.unchanged) == (300, 0, 0)
    assert persons(ctx) == 300 and count(ctx, Qualification) == 300 and count(ctx, SalaryStep) == 300
    again = run(ctx, path)
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 300)
    assert persons(ctx) == 300 and count(ctx, Qualification) == 300 and count(ctx, SalaryStep) == 300
    assert "300 người không đổi" in again.summary()


def test_imported_person_has_snapshot_history_and_audit(ctx, units, tmp_path):
    path = book(tmp_path / "one.xlsx", {"Nhân sự": [HEAD, row(phone="0905123456")]})
    result = run(ctx, path)
    assert result.ok, result.issues
    with ctx.read() as s:
        p = s.scalar(select(Person))
        assert (p.full_name, p.gender, p.birth_date) == ("Trần Thị Thu Hà", "F", date(1985, 3, 5))
        assert (p.cur_rank_code, p.cur_salary_step, p.cur_coefficient) == ("01.003", 3, Decimal("3.000"))
        assert p.cur_category == "cong_chuc" and p.phone == "0905123456" and p.name_folded == "tran thi thu ha"
        actions = set(s.scalars(select(AuditLog.action).where(AuditLog.entity == "persons")))
    assert {"insert", "import"} <= actions


def test_dry_run_validates_without_writing(ctx, units, tmp_path):
    path = book(tmp_path / "one.xlsx", {"Nhân sự": [HEAD, row()]})
    result = run(ctx, path, dry_run=True)
    assert result.ok and result.dry_run and result.created == 1
    assert "chưa ghi" in result.summary()
    assert persons(ctx) == 0


def test_headers_match_in_any_order_case_and_without_accents(ctx, units, tmp_path):
    head = ["so cccd", "HO VA TEN", "gioi tinh", "ngay sinh", "ma don vi", "loai can bo", "ngay vao co quan",
            "ngay tuyen dung", "ma ngach/cdnn", "bac luong", "he so luong", "ngay huong luong", "dien thoai"]
    order = [1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    path = book(tmp_path / "x.xlsx", {"NHAN SU": [[head[i] for i in order], [row()[i] for i in order]]})
    assert run(ctx, path).ok


# ------------------------------------------------------------------------------------------- dates


def test_dates_as_text_and_as_real_excel_dates_give_the_same_day(ctx, units, tmp_path):
    rows = [HEAD,
            row(cccd="052185000001", name="Lê Văn Một", gender="Nam", birth=date(1985, 3, 5)),
            row(cccd="052185000002", name="Lê Văn Hai", gender="Nam", birth="05/03/1985"),
            row(cccd="052185000003", name="Lê Văn Ba", gender="Nam", birth="5/3/1985"),
            row(cccd="052185000004", name="Lê Văn Bốn", gender="Nam", birth="1985-03-05"),
            row(cccd="052185000005", name="Lê Văn Năm", gender="Nam", birth=31111)]  # 05/03/1985 as a serial
    result = run(ctx, book(tmp_path / "d.xlsx", {"Nhân sự": rows}))
    assert result.ok, result.issues
    with ctx.read() as s:
        assert set(s.scalars(select(Person.birth_date))) == {date(1985, 3, 5)}


def test_birth_known_by_month_or_year_keeps_its_precision(ctx, units, tmp_path):
    rows = [HEAD, row(cccd="052185000001", name="Lê Văn Một", gender="Nam", birth="03/1985"),
            row(cccd="052185000002", name="Lê Văn Hai", gender="Nam", birth=1985)]
    assert run(ctx, book(tmp_path / "d.xlsx", {"Nhân sự": rows})).ok
    with ctx.read() as s:
        got = dict(s.execute(select(Person.full_name, Person.birth_precision)).all())
    assert got == {"Lê Văn Một": "month", "Lê Văn Hai": "year"}


def test_impossible_and_malformed_dates_are_reported_at_their_cell(ctx, units, tmp_path):
    rows = [HEAD, row(birth="31/02/1985"), row(cccd="052185000009", name="Lê Văn Hai", start="mùng 1 tháng 9")]
    result = run(ctx, book(tmp_path / "d.xlsx", {"Nhân sự": rows}))
    got = [(i.row, i.column, i.value, i.message) for i in result.issues]
    assert (2, "Ngày sinh (*)", "31/02/1985", "Ngày sinh: ngày không tồn tại.") in got
    assert (3, "Ngày vào cơ quan (*)", "mùng 1 tháng 9",
            "Ngày vào cơ quan: không phải ngày (ghi dd/mm/yyyy).") in got
    assert persons(ctx) == 0


# ------------------------------------------------------------------------------------------- all or nothing


def test_one_bad_cell_in_many_rows_writes_nothing_and_lists_the_cell(ctx, units, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 200, seed=5)
    wb = load_workbook(path)
    ws = wb["Nhân sự"]
    coef_col = [c.value for c in ws[1]].index(t.PERSONS.column("coefficient").header) + 1
    ws.cell(101, coef_col).value = 9.99
    wb.save(path)
    result = run(ctx, path)
    assert not result.ok and len(result.issues) == 1
    issue = result.issues[0]
    assert (issue.sheet, issue.row, issue.column, issue.value) == ("Nhân sự", 101, "Hệ số lương", "9.99")
    assert "không đúng với loại" in issue.message
    assert persons(ctx) == 0 and count(ctx, Qualification) == 0
    out = tmp_path / "errors.xlsx"
    write_issues(result.issues, out)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Lỗi").to_python()
    assert rows[0] == ["Trang tính", "Dòng", "Cột", "Giá trị", "Nội dung lỗi"]
    assert rows[1][:4] == ["Nhân sự", 101, "Hệ số lương", "9.99"]


def test_under_age_at_recruitment_is_reported_on_the_recruitment_date(ctx, units, tmp_path):
    result = run(ctx, book(tmp_path / "x.xlsx", {"Nhân sự": [HEAD, row(birth="02/09/1992")]}))
    assert [(i.column, i.message[:26]) for i in result.issues] == [("Ngày tuyển dụng", "Chưa đủ 18 tuổi vào ngày t")]


def test_duplicate_cccd_inside_the_file_names_the_first_row(ctx, units, tmp_path):
    rows = [HEAD, row(), row(name="Trần Thị Hà")]
    result = run(ctx, book(tmp_path / "x.xlsx", {"Nhân sự": rows}))
    assert [(i.row, i.column, i.message) for i in result.issues] == [
        (3, "Số CCCD (*)", "Số CCCD trùng với dòng 2 của trang này.")]
    assert persons(ctx) == 0


def test_cccd_typed_as_a_number_that_lost_its_leading_zero_is_explained(ctx, units, tmp_path):
    result = run(ctx, book(tmp_path / "x.xlsx", {"Nhân sự": [HEAD, row(cccd=1185001234)]}))
    assert len(result.issues) == 1
    assert "mất số 0 ở đầu" in result.issues[0].message and "Văn bản" in result.issues[0].message


def test_unknown_codes_point_to_the_code_sheet(ctx, units, tmp_path):
    result = run(ctx, book(tmp_path / "x.xlsx", {"Nhân sự": [HEAD, row(unit="KHONGCO", category="bien_che")]}))
    assert {(i.column, i.message) for i in result.issues} == {
        ("Mã đơn vị (*)", "Mã đơn vị: không có trong danh mục (xem trang “Danh mục”)."),
        ("Loại cán bộ (*)", "Loại cán bộ: không có trong danh mục (xem trang “Danh mục”)."),
    }


def test_codes_are_accepted_by_name_without_accents(ctx, units, tmp_path):
    rows = [HEAD, row(unit="van phong so", category="Công chức", gender="nu")]
    assert run(ctx, book(tmp_path / "x.xlsx", {"Nhân sự": rows})).ok


# ------------------------------------------------------------------------------------------- people already stored


def test_cccd_already_in_the_database_updates_that_person(ctx, units, tmp_path):
    assert run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": [HEAD, row()]})).ok
    preview = run(ctx, book(tmp_path / "p.xlsx", {"Nhân sự": [HEAD, row(phone="0911222333")]}), dry_run=True)
    assert (preview.created, preview.updated, preview.unchanged) == (0, 1, 0)
    result = run(ctx, book(tmp_path / "b.xlsx", {"Nhân sự": [HEAD, row(phone="0911222333")]}))
    assert result.ok and (result.created, result.updated) == (0, 1)
    with ctx.read() as s:
        assert persons(ctx) == 1 and s.scalar(select(Person.phone)) == "0911222333"


def test_cccd_in_the_database_under_another_name_is_refused(ctx, units, tmp_path):
    assert run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": [HEAD, row()]})).ok
    result = run(ctx, book(tmp_path / "b.xlsx", {"Nhân sự": [HEAD, row(name="Nguyễn Văn Khác", gender="Nam")]}))
    assert len(result.issues) == 1 and "Trần Thị Thu Hà" in result.issues[0].message


def test_stored_salary_history_is_never_overwritten(ctx, units, tmp_path):
    assert run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": [HEAD, row()]})).ok
    result = run(ctx, book(tmp_path / "b.xlsx", {"Nhân sự": [HEAD, row(step=4, coef="3,33")]}))
    assert len(result.issues) == 1 and "không ghi đè lịch sử" in result.issues[0].message
    later = row(step=4, coef="3,33", salary="01/09/2019")
    result = run(ctx, book(tmp_path / "c.xlsx", {"Nhân sự": [HEAD, later]}))
    assert result.ok and result.updated == 1
    with ctx.read() as s:
        assert [x for x, in s.execute(select(SalaryStep.step).order_by(SalaryStep.effective_date))] == [3, 4]
        assert s.scalar(select(Person.cur_salary_step)) == 4


def test_completed_degree_in_the_file_completes_a_stored_doctoral_study(ctx, units, tmp_path):
    assert run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": [HEAD, row()]})).ok
    with ctx.read() as s:
        pid = s.scalar(select(Person.id))
    ps.add_qualification(ctx, pid, ps.QualificationInput("chuyen_mon", "TS", major="Vật lý", in_progress=True))
    qhead = ["Số CCCD", "Loại trình độ", "Mã trình độ", "Chuyên ngành", "Năm tốt nghiệp"]
    sheets = {"Nhân sự": [HEAD, row()], "Trình độ": [qhead, ["052185001234", "chuyen_mon", "TS", "Vật lý", 2024]]}
    assert run(ctx, book(tmp_path / "b.xlsx", sheets)).ok
    with ctx.read() as s:
        assert s.execute(select(Qualification.in_progress, Qualification.year)).all() == [(False, 2024)]
        assert s.scalar(select(Person.cur_education)) == "TS"


def test_history_sheets_may_name_people_stored_earlier(ctx, units, tmp_path):
    assert run(ctx, book(tmp_path / "a.xlsx", {"Nhân sự": [HEAD, row()]})).ok
    whead = ["Số CCCD", "Từ ngày", "Đến ngày", "Chức danh, chức vụ, đơn vị công tác"]
    path = book(tmp_path / "w.xlsx", {"Nhân sự": [HEAD], "Quá trình công tác": [
        whead, ["052185001234", "01/09/2010", "31/08/2016", "Chuyên viên Văn phòng Sở"],
        ["052185009999", "01/09/2010", None, "Không có người này"]]})
    result = run(ctx, path)
    assert [(i.sheet, i.row) for i in result.issues] == [("Quá trình công tác", 3)]


def test_salary_sheet_decisions_are_recorded_once_per_number(ctx, units, tmp_path):
    shead = ["Số CCCD", "Mã ngạch/CDNN", "Bậc lương", "Hệ số lương", "Ngày hưởng", "Số quyết định",
             "Ngày ký quyết định"]
    people = [HEAD, row(), row(cccd="052185000002", name="Lê Văn Hai", gender="Nam")]
    salary = [shead, ["052185001234", "01.003", 4, 3.33, "01/09/2019", "76/QĐ-SKHCN", "20/08/2019"],
              ["052185000002", "01.003", 4, 3.33, "01/09/2019", "76/QĐ-SKHCN", "20/08/2019"]]
    result = run(ctx, book(tmp_path / "s.xlsx", {"Nhân sự": people, "Quá trình lương": salary}))
    assert result.ok, result.issues
    assert count(ctx, Decision) == 1 and count(ctx, SalaryStep) == 4


# ------------------------------------------------------------------------------------------- broken files


def test_missing_required_columns_are_listed(ctx, units, tmp_path):
    path = book(tmp_path / "x.xlsx", {"Nhân sự": [["Số CCCD", "Họ và tên", "Ghi chú"], ["052185001234", "A", ""]]})
    result = run(ctx, path)
    missing = sorted(i.column for i in result.issues if i.message.startswith("Thiếu cột"))
    assert missing == sorted(["Giới tính (*)", "Ngày sinh (*)", "Mã đơn vị (*)", "Loại cán bộ (*)",
                              "Ngày vào cơ quan (*)"])
    assert persons(ctx) == 0


def test_workbook_without_the_persons_sheet_says_so(ctx, units, tmp_path):
    result = run(ctx, book(tmp_path / "x.xlsx", {"Sheet1": [HEAD, row()]}))
    assert [i.message for i in result.issues] == ["Không có trang tính “Nhân sự”. Hãy dùng mẫu nhập tải từ phần mềm."]


def test_empty_sheet_is_reported(ctx, units, tmp_path):
    result = run(ctx, book(tmp_path / "x.xlsx", {"Nhân sự": []}))
    assert [i.message for i in result.issues] == ["Trang tính “Nhân sự” trống: không có dòng tiêu đề và dữ liệu."]
    result = run(ctx, book(tmp_path / "y.xlsx", {"Nhân sự": [HEAD]}))
    assert [i.message for i in result.issues] == ["Trang tính “Nhân sự” không có dòng dữ liệu nào."]


def test_word_document_renamed_to_xlsx_is_recognised(ctx, tmp_path):
    path = tmp_path / "staff.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ImportFileError) as err:
        run(ctx, path)
    assert err.value.code == "wrong_type" and "tài liệu Word" in err.value.message


def test_truncated_xlsx_is_reported_as_damaged(ctx, units, tmp_path):
    good = book(tmp_path / "good.xlsx", {"Nhân sự": [HEAD, row()]})
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ImportFileError) as err:
        run(ctx, bad)
    assert err.value.code == "corrupt_file" and "bị hỏng" in err.value.message
    assert persons(ctx) == 0


def test_password_protected_workbook_is_recognised(ctx, units, tmp_path):
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = book(tmp_path / "plain.xlsx", {"Nhân sự": [HEAD, row()]})
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as src, locked.open("wb") as out:
        ooxml.OOXMLFile(src).encrypt("matkhau", out)
    with pytest.raises(ImportFileError) as err:
        run(ctx, locked)
    assert err.value.code == "encrypted" and "mật khẩu" in err.value.message


def test_encrypted_ole_container_is_recognised_without_decrypting(ctx, tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ImportFileError) as err:
        run(ctx, path)
    assert err.value.code == "encrypted"


@pytest.mark.parametrize(("content", "name", "fragment"), [
    (b"", "empty.xlsx", "Tệp rỗng"),
    (b"STT,Ho ten\n1,A\n", "list.csv", "CSV"),
    (b"%PDF-1.7 ...", "scan.xlsx", "không phải bảng tính Excel"),
])
def test_other_files_get_a_clear_message(ctx, tmp_path, content, name, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as err:
        run(ctx, path)
    assert fragment in err.value.message


# ------------------------------------------------------------------------------------------- progress, cancel


def test_progress_reaches_the_total_and_cancel_writes_nothing(ctx, units, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 1200, seed=9)
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        run(ctx, path, progress=lambda d, n: seen.append((d, n)), cancel=lambda: len(seen) >= 3)
    assert persons(ctx) == 0
    seen.clear()
    assert run(ctx, path, progress=lambda d, n: seen.append((d, n))).ok
    assert seen[-1][0] == seen[-1][1] and all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))


# ------------------------------------------------------------------------------------------- template


def test_template_has_every_sheet_column_guide_and_code_list(ctx, units, tmp_path):
    path = tmp_path / "mau.xlsx"
    t.write_template(ctx, path)
    wb = CalamineWorkbook.from_path(str(path))
    sheets = (*t.SHEETS, *t.ORG_SHEETS)
    assert wb.sheet_names == [s.name for s in sheets] + [t.GUIDE_SHEET, t.CODES_SHEET]
    for spec in sheets:
        assert wb.get_sheet_by_name(spec.name).to_python()[0] == [c.header for c in spec.columns]
    guide = "\n".join(str(c) for r in wb.get_sheet_by_name(t.GUIDE_SHEET).to_python() for c in r)
    for spec in sheets:
        for col in spec.columns:
            assert col.header in guide
    codes = [c for r in wb.get_sheet_by_name(t.CODES_SHEET).to_python() for c in r]
    assert "VP" in codes and "QLKH" in codes and "01.003" in codes and "cao_cap" in codes


def test_template_filled_in_imports(ctx, units, tmp_path):
    path = tmp_path / "mau.xlsx"
    t.write_template(ctx, path)
    wb = load_workbook(path)
    ws = wb["Nhân sự"]
    headers = [c.value for c in ws[1]]
    values = {"Số CCCD (*)": "052185001234", "Họ và tên (*)": "Trần Thị Thu Hà", "Giới tính (*)": "Nữ",
              "Ngày sinh (*)": "05/03/1985", "Mã đơn vị (*)": "VP", "Loại cán bộ (*)": "cong_chuc",
              "Ngày vào cơ quan (*)": date(2010, 9, 1), "Ngày tuyển dụng": date(2010, 9, 1), "Mã ngạch/CDNN": "01.003",
              "Bậc lương": 3, "Hệ số lương": 3, "Ngày hưởng lương": date(2016, 9, 1), "Mã chức vụ": "truong_phong",
              "Ngày bổ nhiệm chức vụ": date(2020, 1, 1)}
    for title, value in values.items():
        ws.cell(2, headers.index(title) + 1, value)
    wb.save(path)
    result = run(ctx, path)
    assert result.ok, result.issues
    with ctx.read() as s:
        assert s.scalar(select(Person.cur_post)) == "Trưởng phòng"


# ------------------------------------------------------------------------------------------- properties

_cells = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=14), st.integers(-10, 50000), st.floats(allow_nan=False, width=32),
                   st.dates(date(1900, 1, 1), date(2100, 1, 1)), st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_cells, min_size=13, max_size=13))
def test_random_cells_never_crash_and_never_half_save(ctx, units, tmp_path_factory, cells):
    path = book(tmp_path_factory.mktemp("h") / "r.xlsx", {"Nhân sự": [HEAD, row(cccd="052185000777"), cells]})
    before = persons(ctx)
    result = run(ctx, path)
    after = persons(ctx)
    if result.ok:
        assert after in (before, before + 1, before + 2)
    else:
        assert after == before
        assert all(i.sheet == "Nhân sự" and i.message for i in result.issues)


def test_generator_numbers_are_twelve_digits_and_distinct():
    numbers = {cccd_for(i, 7) for i in range(1000)}
    assert len(numbers) == 1000 and all(len(n) == 12 and n.isdigit() for n in numbers)
