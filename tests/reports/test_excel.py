"""The Excel twin of a printed list (real dates and numbers, SUM formulas, print setup) and CSV/JSON."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from hrapp.reports.csvjson import csv_text, json_text, write_csv
from hrapp.reports.document import (
    MERGE,
    SUM,
    Column,
    HeaderCell,
    Letterhead,
    ReportCancelled,
    SectionRow,
    SubtotalRow,
    TableSpec,
)
from hrapp.reports.excel import build_xlsx, column_chars, number_format

from .sample_document import LETTERHEAD, pay_step_spec

TITLE = "DANH SÁCH\nCÔNG CHỨC, VIÊN CHỨC ĐỦ ĐIỀU KIỆN NÂNG BẬC LƯƠNG THƯỜNG XUYÊN NĂM 2022"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "sample.xlsx"
    placed = build_xlsx(path, LETTERHEAD, TITLE, pay_step_spec(150), day=date(2022, 6, 30),
                        recipients=["Sở Nội vụ;", "Lưu: VT, VP."])
    return openpyxl.load_workbook(path), placed


def test_letterhead_and_title_are_written_above_the_table(sample):
    wb, placed = sample
    ws = wb.active
    values = [c.value for row in ws.iter_rows(max_row=placed.header_first_row - 1) for c in row if c.value]
    for expected in ("UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 30 tháng 6 năm 2022", "DANH SÁCH"):
        assert expected in values


def test_grouped_header_is_merged_bold_and_boxed(sample):
    wb, placed = sample
    ws = wb.active
    top = placed.header_first_row
    assert f"E{top}:H{top}" in {str(r) for r in ws.merged_cells.ranges}  # Mức lương đang hưởng
    assert f"A{top}:A{top + 1}" in {str(r) for r in ws.merged_cells.ranges}  # STT over two rows
    cell = ws.cell(top, 5)
    assert cell.value == "Mức lương đang hưởng"
    assert cell.font.b and cell.font.name == "Times New Roman"
    assert cell.border.left.style == "thin" and cell.alignment.wrap_text
    assert ws.cell(placed.header_last_row, 13).value == "13"  # numbering row


def test_dates_are_real_dates_and_decimals_are_numbers(sample):
    wb, placed = sample
    ws = wb.active
    row = placed.first_data_row + 1  # the first row is the section "I. Văn phòng Sở"
    born = ws.cell(row, 3)
    assert isinstance(born.value, datetime) and born.is_date
    assert born.number_format == "dd/mm/yyyy"
    coefficient = ws.cell(row, 7)
    assert isinstance(coefficient.value, float | int)
    assert coefficient.number_format == "0.00"
    assert ws.cell(row, 2).font.name == "Times New Roman"


def test_totals_row_holds_sum_formulas_over_the_data(sample):
    wb, placed = sample
    ws = wb.active
    totals = placed.totals_row
    assert ws.cell(totals, 1).value == "Tổng cộng"
    assert f"A{totals}:D{totals}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(totals, 7).value == f"=SUM(G{placed.first_data_row}:G{placed.last_data_row})"
    assert ws.cell(totals, 12).value.startswith("=SUM(L")
    assert ws.cell(totals, 7).font.b


def test_print_setup_repeats_header_and_fits_a4_landscape(sample):
    wb, placed = sample
    ws = wb.active
    assert ws.print_title_rows == f"${placed.header_first_row}:${placed.header_last_row}"
    assert ws.freeze_panes == f"A{placed.first_data_row}"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "landscape"  # 235 mm of columns
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_margins.left == pytest.approx(30 / 25.4)
    assert ws.column_dimensions["B"].width == column_chars(44)
    assert ws.oddHeader.center.text == "&P"  # page numbers at the top ...
    assert ws.HeaderFooter.differentFirst and not ws.firstHeader.center.text  # ... not on page 1


def test_signatures_follow_the_table(sample):
    wb, placed = sample
    ws = wb.active
    after = [c.value for row in ws.iter_rows(min_row=placed.totals_row + 1) for c in row if c.value]
    for expected in ("Nơi nhận:", "- Sở Nội vụ;", "NGƯỜI LẬP BIỂU", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                     "Nguyễn Văn Nường", "Trần Thị Thu Hà"):
        assert expected in after


def test_subtotal_rows_are_left_out_of_the_sum_ranges():
    spec = TableSpec(
        [Column("Đơn vị", 60), Column("Biên chế", 20), Column("Hệ số", 20, places=2)],
        [SectionRow("I. Khối quản lý"), ["Văn phòng", 10, Decimal("2.34")], ["Thanh tra", 5, Decimal("3.00")],
         SubtotalRow(["Cộng I", 15, None]), ["Trung tâm", 12, Decimal("4.40")]],
        totals=["Tổng cộng", SUM, SUM],
    )
    buffer = io.BytesIO()
    placed = build_xlsx(buffer, Letterhead("Sở X"), "BẢNG BIÊN CHẾ", spec)
    ws = openpyxl.load_workbook(buffer).active
    first, sub = placed.first_data_row, placed.first_data_row + 3
    assert ws.cell(sub, 1).font.b
    assert ws.cell(placed.totals_row, 2).value == f"=SUM(B{first}:B{sub - 1},B{sub + 1})"
    assert ws.cell(placed.totals_row, 3).number_format == "0.00"
    assert ws.page_setup.orientation == "portrait"
    assert f"A{first}:C{first}" in {str(r) for r in ws.merged_cells.ranges}  # the section row


def test_merged_totals_label_without_letterhead():
    spec = TableSpec([Column("STT", 10), Column("Họ và tên", 50), Column("Lương", 30, thousands=True)],
                     [[1, "A", 1800000], [2, "B", 2340000]], totals=["Cộng", MERGE, SUM])
    buffer = io.BytesIO()
    placed = build_xlsx(buffer, None, "DANH SÁCH", spec, signatures=())
    ws = openpyxl.load_workbook(buffer).active
    assert ws.cell(placed.first_data_row, 3).number_format == "#,##0"
    assert ws.cell(placed.totals_row, 3).value == f"=SUM(C{placed.first_data_row}:C{placed.last_data_row})"


def test_cancel_raises_and_leaves_no_file(tmp_path):
    target = tmp_path / "x.xlsx"
    with pytest.raises(ReportCancelled):
        build_xlsx(target, LETTERHEAD, TITLE, pay_step_spec(50), cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("value", "column", "expected"),
    [
        (date(2022, 1, 5), Column("d", 10), "dd/mm/yyyy"),
        (Decimal("2.34"), Column("h", 10), "0.00"),
        (Decimal("2.3"), Column("h", 10, places=1), "0.0"),
        (Decimal("1800000"), Column("m", 10, places=0, thousands=True), "#,##0"),
        (5, Column("n", 10), "0"),
        ("x", Column("t", 10), None),
    ],
)
def test_number_formats(value, column, expected):
    assert number_format(value, column) == expected


def test_vertical_header_cells_are_turned():
    spec = TableSpec([Column("Đơn vị", 40), Column("Nữ", 6), Column("Đảng viên", 6)], [["Văn phòng", 3, 4]],
                     header=[["Đơn vị", HeaderCell("Nữ", vertical=True), HeaderCell("Đảng viên", vertical=True)]])
    buffer = io.BytesIO()
    placed = build_xlsx(buffer, None, "BÁO CÁO", spec, signatures=())
    ws = openpyxl.load_workbook(buffer).active
    assert ws.cell(placed.header_first_row, 3).alignment.textRotation == 90
    assert ws.cell(placed.header_first_row, 1).alignment.textRotation in (0, None)


def test_csv_and_json_exports_share_the_spec():
    spec = pay_step_spec(3)
    lines = csv_text(spec).splitlines()
    assert lines[0].split(",")[5] == "Mức lương đang hưởng - Bậc"
    assert len(lines) == 4  # header + 3 rows; the section rows are left out
    first = lines[1].split(",")
    assert first[2].count("-") == 2 and first[6] == str(spec.rows[1][6])  # ISO date, exact decimal
    localized = csv_text(spec, localized=True).splitlines()[1].split(";")
    assert "/" in localized[2] and "," in localized[6]
    data = json.loads(json_text(spec, "DANH SÁCH"))
    assert data["columns"][5] == {"key": "muc_luong_dang_huong_bac", "title": "Mức lương đang hưởng - Bậc"}
    assert data["rows"][0]["ho_va_ten"] == spec.rows[1][1]


def test_csv_file_has_a_bom_for_excel(tmp_path):
    path = tmp_path / "x.csv"
    write_csv(path, pay_step_spec(2))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
