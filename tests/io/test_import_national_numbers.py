"""The columns the national database's Sơ yếu lý lịch (TT 06/2023/TT-BNV) adds to the import template: written in
the template and its guide, imported when right (stored as the editor stores them), refused cell by cell when
wrong (nothing written), exported and imported back unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from hrapp.db.models import OrgUnit, Person
from hrapp.io import excel_template as t
from hrapp.io.excel_export import export_employees
from hrapp.io.excel_import import import_employees

TODAY = date(2026, 6, 30)
CARD = "052185001234"
NEW = {"personal_id": "Mã số định danh", "social_insurance_no": "Số sổ BHXH", "health_insurance_no": "Số thẻ BHYT",
       "managing_agency": "Cơ quan quản lý CBCCVC", "family_background": "Thành phần gia đình xuất thân",
       "longest_work": "Công việc làm lâu nhất", "party_post": "Chức vụ Đảng hiện tại",
       "party_concurrent_post": "Chức vụ Đảng kiêm nhiệm"}
HEAD = ["Số CCCD (*)", "Họ và tên (*)", "Giới tính (*)", "Ngày sinh (*)", "Mã đơn vị (*)", "Loại cán bộ (*)",
        "Ngày vào cơ quan (*)", "Ngày tuyển dụng", "Mã ngạch/CDNN", "Bậc lương", "Hệ số lương", "Ngày hưởng lương",
        *NEW.values()]
GOOD = {"personal_id": CARD, "social_insurance_no": "5205012345", "health_insurance_no": "gd4 52 5205012345",
        "managing_agency": "UBND tỉnh Gia Lai", "family_background": "Công chức", "longest_work": "Pháp chế",
        "party_post": "Bí thư Chi bộ", "party_concurrent_post": "Đảng ủy viên"}


def row(cccd=CARD, **new) -> list:
    values = {**GOOD, **new}
    return [cccd, "Trần Thị Thu Hà", "Nữ", "05/03/1985", "VP", "cong_chuc", "01/09/2010", "01/09/2010", "01.003", 3,
            "3,00", "01/09/2016", *(values[k] for k in NEW)]


def book(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhân sự"
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def units(ctx):
    with ctx.unit_of_work() as s:
        s.add(OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"))


def persons(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_the_template_has_the_new_columns_and_explains_them(ctx, units, tmp_path):
    path = tmp_path / "mau.xlsx"
    t.write_template(ctx, path)
    wb = CalamineWorkbook.from_path(str(path))
    head = wb.get_sheet_by_name("Nhân sự").to_python()[0]
    assert set(NEW.values()) <= set(head)
    guide = "\n".join(str(c) for r in wb.get_sheet_by_name(t.GUIDE_SHEET).to_python() for c in r)
    assert "phải trùng số CCCD" in guide and "Mã số BHXH 10 chữ số" in guide and "Mã thẻ 15 ký tự" in guide


def test_right_values_are_imported_and_stored_as_the_editor_stores_them(ctx, units, tmp_path):
    result = import_employees(ctx, book(tmp_path / "x.xlsx", [HEAD, row()]), today=TODAY)
    assert result.ok, result.issues
    with ctx.read() as s:
        p = s.scalar(select(Person))
        assert (p.personal_id, p.social_insurance_no, p.health_insurance_no) == (CARD, "5205012345",
                                                                                "GD4525205012345")
        assert (p.managing_agency, p.family_background, p.longest_work, p.party_post, p.party_concurrent_post) == (
            "UBND tỉnh Gia Lai", "Công chức", "Pháp chế", "Bí thư Chi bộ", "Đảng ủy viên")


def test_from_august_2025_the_identification_number_stands_for_the_bhxh_number(ctx, units, tmp_path):
    result = import_employees(ctx, book(tmp_path / "x.xlsx", [HEAD, row(social_insurance_no=CARD,
                                                                         health_insurance_no=CARD)]), today=TODAY)
    assert result.ok, result.issues


@pytest.mark.parametrize(("field", "value", "words"), [
    ("personal_id", "05218500123", "phải gồm đúng 12 chữ số"),  # 11 digits
    ("personal_id", "052185001235", "khác số CCCD"),  # someone else's number
    ("social_insurance_no", "520501234", "gồm 10 chữ số"),  # 9 digits
    ("social_insurance_no", "52050123456", "gồm 10 chữ số"),  # 11 digits
    ("health_insurance_no", "GD452520501234", "không đúng"),  # 14 characters
    ("health_insurance_no", "GD6525205012345", "không đúng"),  # benefit level 6
    ("health_insurance_no", "GD4525205012346", "không mang mã số BHXH 5205012345"),
])
def test_a_wrong_number_is_refused_on_its_cell_and_nothing_is_written(ctx, units, tmp_path, field, value, words):
    result = import_employees(ctx, book(tmp_path / "x.xlsx", [HEAD, row(**{field: value})]), today=TODAY)
    assert not result.ok
    assert [(i.row, i.column) for i in result.issues] == [(2, NEW[field])]
    assert words in result.issues[0].message, result.issues[0].message
    assert persons(ctx) == 0


def test_the_export_carries_the_new_fields_and_imports_back_unchanged(ctx, units, tmp_path):
    assert import_employees(ctx, book(tmp_path / "x.xlsx", [HEAD, row()]), today=TODAY).ok
    out = tmp_path / "ds.xlsx"
    assert export_employees(ctx, out, today=TODAY) == 1
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Nhân sự").to_python()
    exported = dict(zip(sheet[0], sheet[1], strict=True))
    assert exported["Mã số định danh"] == CARD and exported["Số thẻ BHYT"] == "GD4525205012345"
    assert exported["Cơ quan quản lý CBCCVC"] == "UBND tỉnh Gia Lai"
    again = import_employees(ctx, out, today=TODAY)
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 1), again.issues
