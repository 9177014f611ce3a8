"""Import from an empty database: the “Đơn vị” and “Biên chế” sheets are read before the staff, in the same
all-or-nothing transaction, so staff rows can name the new unit codes; errors carry sheet, row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import func, select

from hrapp.db.models import Decision, Employment, HeadcountQuota, OrgUnit, OrgUnitEvent, Person
from hrapp.io import excel_template as t
from hrapp.io.excel_import import import_employees
from tests.io.test_import import HEAD, book, row

TODAY = date(2026, 6, 30)
UNIT_HEAD = ["Mã đơn vị (*)", "Tên đơn vị (*)", "Loại đơn vị (*)", "Mã đơn vị cấp trên", "Ngày thành lập",
             "Số quyết định thành lập", "Ngày ký quyết định"]
QUOTA_HEAD = ["Năm (*)", "Mã đơn vị (*)", "Loại biên chế (*)", "Số được giao (*)", "Số quyết định giao (*)",
              "Ngày ký quyết định (*)"]
UNITS = [UNIT_HEAD,
         # a child listed before its parent: the parents are written first whatever the order
         ["SNV.VP", "Văn phòng Sở", "Văn phòng", "SNV", None, None, None],
         ["SNV", "Sở Nội vụ", "so", None, "01/07/2025", "1/QĐ-UBND", "20/06/2025"],
         ["SNV.TC", "Phòng Tổ chức", "phong", "snv", None, None, None]]
QUOTAS = [QUOTA_HEAD,
          [2025, "SNV.VP", "Công chức", 8, "45/QĐ-UBND", "10/01/2025"],
          [2025, "SNV.TC", "cong_chuc", 5, "45/QĐ-UBND", "10/01/2025"],
          [2025, "SNV.VP", "hop_dong", 2, "45/QĐ-UBND", "10/01/2025"]]
STAFF = [HEAD,
         row(cccd="052185001234", unit="SNV.VP"),
         row(cccd="052190004321", name="Lê Văn Cường", gender="Nam", birth="12/10/1990", unit="SNV.TC",
             start="01/07/2025", recruited="01/07/2015", salary="01/07/2024")]


def count(ctx, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def nothing_written(ctx) -> bool:
    return all(count(ctx, m) == 0 for m in (OrgUnit, OrgUnitEvent, HeadcountQuota, Person, Decision))


def test_units_quotas_and_staff_go_in_together_into_an_empty_database(ctx, tmp_path):
    path = book(tmp_path / "start.xlsx", {"Đơn vị": UNITS, "Biên chế": QUOTAS, "Nhân sự": STAFF})
    result = import_employees(ctx, path, today=TODAY)
    assert result.ok, [i.line() for i in result.issues]
    assert (result.created, result.added[t.UNITS.name], result.added[t.QUOTAS.name]) == (2, 3, 3)
    assert "3 đơn vị, 3 số biên chế" in result.summary()
    with ctx.read() as s:
        units = {u.code: u for u in s.scalars(select(OrgUnit))}
        assert units["SNV"].parent_id is None and units["SNV"].kind == "so"
        assert units["SNV.VP"].parent_id == units["SNV"].id and units["SNV.VP"].kind == "van_phong"
        assert units["SNV.TC"].parent_id == units["SNV"].id
        assert units["SNV"].active_from == date(2025, 7, 1)
        assert s.scalar(select(Decision.number).where(Decision.id == units["SNV"].decision_id)) == "1/QĐ-UBND"
        quotas = {(units_by_id.code, q.category): q.number for q in s.scalars(select(HeadcountQuota))
                  for units_by_id in [s.get(OrgUnit, q.unit_id)]}
        assert quotas == {("SNV.VP", "cong_chuc"): 8, ("SNV.TC", "cong_chuc"): 5, ("SNV.VP", "hop_dong"): 2}
        assert s.scalar(select(func.count()).select_from(Decision).where(Decision.number == "45/QĐ-UBND")) == 1
        placed = {e.unit_id for e in s.scalars(select(Employment))}
        assert placed == {units["SNV.VP"].id, units["SNV.TC"].id}
    again = import_employees(ctx, path, today=TODAY)  # the same file again adds no unit and no person
    assert again.ok and again.created == 0 and t.UNITS.name not in again.added
    assert count(ctx, OrgUnit) == 3 and count(ctx, Person) == 2


def test_a_dry_run_checks_against_the_new_units_and_writes_nothing(ctx, tmp_path):
    path = book(tmp_path / "start.xlsx", {"Đơn vị": UNITS, "Biên chế": QUOTAS, "Nhân sự": STAFF})
    result = import_employees(ctx, path, today=TODAY, dry_run=True)
    assert result.ok and result.created == 2 and result.added == {t.UNITS.name: 3, t.QUOTAS.name: 3}
    assert nothing_written(ctx)


def test_one_broken_staff_row_writes_no_unit_no_quota_and_nobody(ctx, tmp_path):
    staff = [*STAFF, row(cccd="052199000111", name="Phạm Thị Dung", unit="KHONG_CO")]
    path = book(tmp_path / "broken.xlsx", {"Đơn vị": UNITS, "Biên chế": QUOTAS, "Nhân sự": staff})
    result = import_employees(ctx, path, today=TODAY)
    assert not result.ok
    assert [(i.sheet, i.row, i.column) for i in result.issues] == [("Nhân sự", 4, "Mã đơn vị (*)")]
    assert nothing_written(ctx)


def test_unit_and_quota_errors_name_sheet_row_and_column(ctx, tmp_path):
    units = [UNIT_HEAD,
             ["SNV", "Sở Nội vụ", "so", None, None, None, None],
             ["SNV", "Sở Nội vụ (lặp)", "so", None, None, None, None],
             ["A", "Phòng A", "phong", "B", None, None, None],
             ["B", "Phòng B", "phong", "A", None, None, None],
             ["C", "Phòng C", "không có loại này", "ZZZ", None, "5/QĐ", None]]
    quotas = [QUOTA_HEAD,
              [2025, "XYZ", "cong_chuc", 3, "45/QĐ-UBND", "10/01/2025"],
              [2025, "SNV", "cong_chuc", -1, "45/QĐ-UBND", "10/01/2025"]]
    path = book(tmp_path / "bad.xlsx", {"Đơn vị": units, "Biên chế": quotas, "Nhân sự": [HEAD]})
    result = import_employees(ctx, path, today=TODAY)
    where = {(i.sheet, i.row, i.column) for i in result.issues}
    assert {
        ("Đơn vị", 3, "Mã đơn vị (*)"),  # the code twice
        ("Đơn vị", 4, "Mã đơn vị cấp trên"), ("Đơn vị", 5, "Mã đơn vị cấp trên"),  # A under B under A
        ("Đơn vị", 6, "Loại đơn vị (*)"), ("Đơn vị", 6, "Mã đơn vị cấp trên"),
        ("Đơn vị", 6, "Ngày ký quyết định"),  # a number without its date
        ("Biên chế", 2, "Mã đơn vị (*)"), ("Biên chế", 3, "Số được giao (*)"),
    } <= where
    messages = " ".join(i.line() for i in result.issues)
    assert "vòng lặp" in messages and "trùng với dòng 2" in messages
    assert nothing_written(ctx)


def test_a_unit_code_already_stored_under_another_name_is_refused(ctx, tmp_path):
    with ctx.unit_of_work() as s:
        s.add(OrgUnit(code="SNV", name="Sở Tài chính", kind="so"))
    path = book(tmp_path / "clash.xlsx", {"Đơn vị": UNITS, "Nhân sự": [HEAD]})
    result = import_employees(ctx, path, today=TODAY)
    assert [(i.sheet, i.row, i.column) for i in result.issues] == [("Đơn vị", 3, "Mã đơn vị (*)")]
    assert "Sở Tài chính" in result.issues[0].message
    assert count(ctx, OrgUnit) == 1


def test_the_template_has_the_units_and_quotas_sheets_with_their_guide(ctx, tmp_path):
    target = tmp_path / "mau.xlsx"
    t.write_template(ctx, target)
    wb = load_workbook(target)
    assert wb.sheetnames[0] == "Nhân sự"
    assert {"Đơn vị", "Biên chế"} <= set(wb.sheetnames)
    assert [c.value for c in wb["Đơn vị"][1]][:4] == UNIT_HEAD[:4]
    assert [c.value for c in wb["Biên chế"][1]] == [*QUOTA_HEAD, "Ghi chú"]
    guide = " ".join(str(c.value) for r in wb["Hướng dẫn"].iter_rows() for c in r if c.value)
    assert "Trang “Đơn vị”" in guide and "Trang “Biên chế”" in guide
    codes = [c.value for r in wb["Danh mục"].iter_rows() for c in r]
    assert "Loại đơn vị" in codes and "van_phong" in codes


def test_a_file_with_only_units_is_enough_to_start(ctx, tmp_path: Path):
    path = book(tmp_path / "units.xlsx", {"Đơn vị": UNITS})
    result = import_employees(ctx, path, today=TODAY)
    assert result.ok, [i.line() for i in result.issues]
    assert count(ctx, OrgUnit) == 3 and count(ctx, Person) == 0
