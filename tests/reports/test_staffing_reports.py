"""Printed staffing documents: the staffing table, the staff list and a position's description, as PDF,
Excel, CSV and JSON, read back and checked."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from hrapp.db.models import Allowance, AuditLog, PostHeld, SalaryStep
from hrapp.errors import ValidationError
from hrapp.reports import staff_list as staff_list_module
from hrapp.reports.position_description import export_position
from hrapp.reports.staff_list import export_staff_list, staff_list
from hrapp.reports.staffing_table import default_as_of, export_staffing
from hrapp.services.org import RenameUnit, rename_unit
from hrapp.services.positions import CompetencyLevel, PositionInput, Task, approve_position, create_position
from hrapp.services.quotas import QuotaEntry, QuotaInput, set_quotas
from tests.services.org_builders import dec, own_agency, person, post, rank, sample_org, unit

D = date(2022, 6, 30)
PRINTED = date(2022, 7, 1)


@pytest.fixture
def org(ctx):
    own_agency(ctx)
    units = sample_org(ctx)
    set_quotas(ctx, QuotaInput(2022, (
        QuotaEntry(units["VP"], "cong_chuc", 5), QuotaEntry(units["QLKH"], "cong_chuc", 2),
        QuotaEntry(units["TT"], "vien_chuc", 6), QuotaEntry(units["TT.KT"], "vien_chuc", 3),
        QuotaEntry(units["VP"], "hop_dong", 2),
    ), dec(date(2022, 1, 5), "10/QĐ-UBND")))
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        person(ctx, name, units["QLKH"])
    person(ctx, "Phạm Thị Dung", units["TT"], "vien_chuc", gender="F")
    person(ctx, "Hồ Văn Em", units["TT.KT"], "vien_chuc_tu_chu")
    person(ctx, "Võ Văn Giang", units["VP"], "hop_dong")
    return units


def pdf_text(path) -> list[str]:
    """Each page's text with runs of white space (wrapped header cells) as single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


# -- staffing table ------------------------------------------------------------------------------------


def test_staffing_pdf_reads_as_the_official_table(ctx, org, tmp_path):
    out = tmp_path / "bien_che.pdf"
    export_staffing(ctx, out, 2022, D, printed_on=PRINTED)
    page = "\n".join(pdf_text(out))
    for text in ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BẢNG TỔNG HỢP BIÊN CHẾ",
                 "Tính đến ngày 30/06/2022", "Bình Định, ngày 01 tháng 7 năm 2022", "Được giao", "Còn thiếu",
                 "Phòng Quản lý khoa học", "Tổng cộng", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC", "Vượt: CC 1"):
        assert text in page, text
    reader = PdfReader(str(out))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape


def test_staffing_pdf_repeats_the_header_and_numbers_pages_from_the_second(ctx, org, tmp_path):
    for i in range(40):  # a unit is listed when someone works there
        person(ctx, f"Nguyễn Văn Số {i:02d}", unit(ctx, f"P{i:02d}", f"Phòng chuyên môn số {i:02d}", "phong", org["SO"]))
    out = tmp_path / "dai.pdf"
    export_staffing(ctx, out, 2022, D, printed_on=PRINTED)
    pages = pdf_text(out)
    assert len(pages) >= 2
    for text in pages:
        assert "Được giao" in text and "Đơn vị" in text
    assert pages[1].startswith("2 ")
    assert not pages[0].startswith("1 ")
    assert "Tổng cộng" in pages[-1] and "Tổng cộng" not in pages[0]


def test_staffing_pdf_prints_the_unit_name_valid_on_the_date(ctx, org, tmp_path):
    rename_unit(ctx, RenameUnit(org["QLKH"], "Phòng Quản lý chuyên ngành", dec(date(2022, 7, 1), "20/QĐ")))
    export_staffing(ctx, tmp_path / "a.pdf", 2022, D, printed_on=PRINTED)
    export_staffing(ctx, tmp_path / "b.pdf", 2022, date(2022, 7, 1), printed_on=PRINTED)
    before, after = "".join(pdf_text(tmp_path / "a.pdf")), "".join(pdf_text(tmp_path / "b.pdf"))
    assert "Phòng Quản lý khoa học" in before and "chuyên ngành" not in before
    assert "Phòng Quản lý chuyên ngành" in after and "Phòng Quản lý khoa học" not in after


def test_staffing_pdf_with_positions_adds_part_two(ctx, org, tmp_path):
    pos = create_position(ctx, PositionInput(org["VP"], "VP.VT", "Văn thư", "ho_tro", number_needed=2))
    approve_position(ctx, pos.id, dec(date(2022, 1, 10), "8/QĐ"))
    out = tmp_path / "vtvl.pdf"
    export_staffing(ctx, out, 2022, D, by_position=True, printed_on=PRINTED)
    text = "\n".join(pdf_text(out))
    assert "II. CHI TIẾT THEO VỊ TRÍ VIỆC LÀM" in text and "Văn thư" in text and "VP.VT" in text


def test_staffing_xlsx_has_figures_and_sum_formulas_that_skip_parent_rows(ctx, org, tmp_path):
    out = tmp_path / "bien_che.xlsx"
    export_staffing(ctx, out, 2022, D, by_position=True, printed_on=PRINTED)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Biên chế", "Vị trí việc làm"]
    ws = wb["Biên chế"]
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r[1]}
    # Columns: STT, unit, CC (4), VC (4), VC outside the quota (1), HĐ (4), people, note.
    assert rows["Phòng Quản lý khoa học"][2:6] == (2, 3, 0, -1)
    assert rows["Trung tâm Thông tin - Ứng dụng KH&CN"][6:11] == (9, 1, 0, 8, 1)
    assert rows["Phòng Quản lý khoa học"][-1] == "Vượt: CC 1"
    total = next(r for r in ws.iter_rows() if r[0].value == "Tổng cộng")
    subtotal_row = next(r[0].row for r in ws.iter_rows() if r[1].value == "Trung tâm Thông tin - Ứng dụng KH&CN")
    formula = total[2].value
    assert formula.startswith("=SUM(") and f"C{subtotal_row}," not in formula and f"C{subtotal_row}:" not in formula


def test_staffing_csv_and_json_carry_the_same_rows(ctx, org, tmp_path):
    export_staffing(ctx, tmp_path / "a.csv", 2022, D)
    export_staffing(ctx, tmp_path / "a.json", 2022, D)
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    text = (tmp_path / "a.csv").read_bytes().decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text)))
    assert len(lines) == len(data["units"])
    first = lines[0]
    assert list(first) == ["code", "name", "parent_code", "category", "quota", "actual", "in_recruitment", "vacancy"]
    qlkh = next(r for r in data["units"] if r["code"] == "QLKH")
    assert (qlkh["quota"], qlkh["actual"], qlkh["vacancy"]) == (2, 3, -1)
    own = next(r for r in lines if r["code"] == "TT.KT" and r["category"] == "vien_chuc_tu_chu")
    assert (own["quota"], own["actual"], own["vacancy"]) == ("", "1", "")
    assert data["totals"]["hop_dong"] == {"quota": 2, "actual": 1, "in_recruitment": 0, "vacancy": 1}


def test_export_is_recorded_in_the_audit_trail(ctx, org, tmp_path):
    export_staffing(ctx, tmp_path / "a.json", 2022, D)
    with ctx.read() as s:
        row = s.scalar(select(AuditLog).where(AuditLog.entity == "staffing_table"))
    assert row.action == "export" and "30/06/2022" in row.summary


def test_unknown_format_or_year_is_refused_at_the_field(ctx, org, tmp_path):
    with pytest.raises(ValidationError) as err:
        export_staffing(ctx, tmp_path / "a.docx", 2022, D)
    assert err.value.field == "out"
    with pytest.raises(ValidationError) as err:
        export_staffing(ctx, tmp_path / "a.pdf", 2101, D)
    assert err.value.field == "year"
    assert not (tmp_path / "a.pdf").exists()


@pytest.mark.parametrize(("year", "expected"), [(2021, date(2021, 12, 31)), (2022, date(2022, 6, 30)),
                                                (2023, date(2023, 1, 1))])
def test_default_date_is_today_or_the_edge_of_another_year(year, expected):
    assert default_as_of(year, today=date(2022, 6, 30)) == expected


# -- staff list ----------------------------------------------------------------------------------------


def test_staff_list_puts_leaders_first_within_each_unit(ctx, org):
    leader = person(ctx, "Đặng Văn Trưởng", org["QLKH"])
    post(ctx, leader, org["QLKH"], "truong_phong", "Trưởng phòng")
    data = staff_list(ctx, "QLKH")
    [(name, rows)] = data.groups
    assert name == "Phòng Quản lý khoa học"
    assert [r.full_name for r in rows] == ["Đặng Văn Trưởng", "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


def test_staff_list_of_a_unit_includes_its_sub_units(ctx, org):
    data = staff_list(ctx, "TT")
    assert [g for g, _ in data.groups] == ["Trung tâm Thông tin - Ứng dụng KH&CN", "Phòng Kỹ thuật"]
    assert data.count == 2 and data.women == 1


@pytest.mark.parametrize("whole_from", [0, 10_000], ids=["tables-read-whole", "read-by-ids"])
def test_staff_list_allowances_come_from_posts_allowances_and_the_latest_salary_row(ctx, org, monkeypatch,
                                                                                    whole_from):
    monkeypatch.setattr(staff_list_module, "_WHOLE_TABLE_FROM", whole_from)
    chief, deputy, senior, moved = (person(ctx, n, org["QLKH"]) for n in (
        "Đặng Văn Trưởng", "Ngô Thị Phó", "Lý Văn Lâu", "Mai Văn Mới"))
    with ctx.unit_of_work() as s:
        s.add_all([
            PostHeld(person_id=chief, unit_id=org["QLKH"], post_code="truong_phong", post_title="Trưởng phòng",
                     start_date=date(2020, 1, 1), allowance_coefficient=Decimal("0.6")),
            # a concurrent post pays no post allowance on this list, an ended one nothing at all
            PostHeld(person_id=deputy, unit_id=org["VP"], post_code="pho_chanh_van_phong", is_concurrent=True,
                     post_title="Phó Chánh Văn phòng", start_date=date(2020, 1, 1), allowance_coefficient=Decimal("0.4")),
            PostHeld(person_id=deputy, unit_id=org["QLKH"], post_code="pho_truong_phong", post_title="Phó Trưởng phòng",
                     start_date=date(2015, 1, 1), end_date=date(2019, 12, 31), allowance_coefficient=Decimal("0.4")),
            Allowance(person_id=deputy, kind="trach_nhiem", coefficient=Decimal("0.1"), effective_date=date(2021, 1, 1)),
        ])
        for pid, rows in ((chief, [(date(2010, 1, 1), 7), (date(2016, 1, 1), 9)]),
                          (senior, [(date(2015, 1, 1), 5), (date(2018, 1, 1), 6)]),
                          (moved, [(date(2015, 1, 1), 5), (date(2021, 1, 1), None)])):
            for on, pct in rows:
                s.add(SalaryStep(person_id=pid, rank_code="01.003", salary_class="A1", step=9,
                                 coefficient=Decimal("4.98"), effective_date=on, step_since=on, pctnvk_percent=pct))
        # a row taking effect after the day is not the latest yet
        s.add(SalaryStep(person_id=senior, rank_code="01.003", salary_class="A1", step=9, coefficient=Decimal("4.98"),
                         effective_date=date(2022, 7, 1), step_since=date(2022, 7, 1), pctnvk_percent=7))
    data = staff_list(ctx, "QLKH", D)
    got = {r.full_name: r.allowances for _, rows in data.groups for r in rows}
    assert got["Đặng Văn Trưởng"] == "CV 0,60; VK 9%"
    assert got["Ngô Thị Phó"] == "TN 0,10"
    assert got["Lý Văn Lâu"] == "VK 6%"
    assert got["Mai Văn Mới"] == ""  # the newer row has no PCTNVK
    [(_, rows)] = data.groups
    assert rows[0].full_name == "Đặng Văn Trưởng"  # the leader first, whether the posts are read whole or not


def test_staff_list_pdf_and_xlsx_have_the_columns_of_the_form(ctx, org, tmp_path):
    pid = person(ctx, "Huỳnh Thị Lan", org["VP"], gender="F")
    rank(ctx, pid, "01.003", "A1", date(2016, 1, 1), 3, "3.00")
    export_staff_list(ctx, tmp_path / "ds.pdf", printed_on=PRINTED)
    export_staff_list(ctx, tmp_path / "ds.xlsx", printed_on=PRINTED)
    text = "\n".join(pdf_text(tmp_path / "ds.pdf"))
    for title in ("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Ngạch", "Mã ngạch", "Bậc", "Hệ số",
                  "Phụ cấp", "Trình độ", "Đơn vị", "DANH SÁCH CÁN BỘ", "Tổng cộng: 7 người (trong đó nữ: 2)"):
        assert title in text, title
    assert "3,00" in text and "01.003" in text
    ws = openpyxl.load_workbook(tmp_path / "ds.xlsx").active
    lan = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Huỳnh Thị Lan")
    assert lan[2].date() == date(1980, 5, 17)  # a real Excel date, not text
    assert lan[3:9] == ("Nữ", None, "Chuyên viên", "01.003", 3, 3)


# -- position description ------------------------------------------------------------------------------


def test_position_description_has_every_part_and_the_competency_framework(ctx, org, tmp_path):
    pos = create_position(ctx, PositionInput(
        org["QLKH"], "QLKH.01", "Chuyên viên quản lý khoa học", "chuyen_nganh", number_needed=2,
        purpose="Tham mưu quản lý nhiệm vụ khoa học", tasks=(Task("Thẩm định hồ sơ", "Báo cáo thẩm định", "Thường xuyên"),),
        competencies=(CompetencyLevel("NLC01", 3), CompetencyLevel("NLCM03", 4))))
    approve_position(ctx, pos.id, dec(date(2021, 11, 1), "4366/QĐ-UBND"))
    export_position(ctx, tmp_path / "vt.pdf", pos.id, printed_on=PRINTED)
    export_position(ctx, tmp_path / "vt.xlsx", pos.id, printed_on=PRINTED)
    text = "\n".join(pdf_text(tmp_path / "vt.pdf"))
    for part in ("BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC", "I. THÔNG TIN CHUNG", "III. CÁC CÔNG VIỆC",
                 "VIII. KHUNG NĂNG LỰC", "Thẩm định hồ sơ", "Báo cáo thẩm định", "Đạo đức và bản lĩnh", "Cấp độ 4",
                 "Kèm theo Quyết định số 4366/QĐ-UBND ngày 01/11/2021"):
        assert part in text, part
    wb = openpyxl.load_workbook(tmp_path / "vt.xlsx")
    assert wb.sheetnames == ["Thông tin chung", "Công việc", "Yêu cầu", "Khung năng lực"]


def test_sub_unit_without_its_own_quota_is_counted_on_the_row_of_the_unit_whose_quota_covers_it(ctx, org, tmp_path):
    team = unit(ctx, "VP.TH", "Tổ tổng hợp", "phong_thuoc", org["VP"])
    person(ctx, "Cao Văn Tổ", team)
    person(ctx, "Cao Thị Văn", org["VP"])
    out = tmp_path / "a.xlsx"
    export_staffing(ctx, out, 2022, D, printed_on=PRINTED)
    rows = {r[1]: r for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True) if r[1]}
    assert "Tổ tổng hợp" not in rows
    assert rows["Văn phòng Sở"][2:6] == (5, 2, 0, 3)


def test_demo_staffing_pdf_totals(demo_ctx, tmp_path):
    out = tmp_path / "demo.pdf"
    export_staffing(demo_ctx, out, 2022, D, printed_on=PRINTED)
    text = " ".join(pdf_text(out))
    # viên chức: 57 assigned, 42 present, 14 places in the two 2022 rounds (Kế hoạch 148 and 173/KH-SKHCN), 1 free
    assert "Tổng cộng 39 37 0 2 57 42 14 1 66 5 5 0 0 150" in text
    assert "Chi cục Tiêu chuẩn Đo lường Chất lượng" in text
