"""The printed pay-step, PCTNVK and retirement lists: form columns, landscape A4, values that fit, real pictures."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from hrapp.reports.document import FONT, FONT_BOLD, TableSpec, cell_text, header_layout, register_fonts
from hrapp.reports.letterhead import letterhead_for
from hrapp.reports.pay_step_list import (
    build_pay_step_pdf,
    build_pay_step_xlsx,
    period_label,
)
from hrapp.reports.pay_step_list import due_spec as pay_due_spec
from hrapp.reports.pay_step_list import full_spec as pay_full_spec
from hrapp.reports.pctnvk_list import build_pctnvk_pdf, build_pctnvk_xlsx
from hrapp.reports.pctnvk_list import due_spec as pct_due_spec
from hrapp.reports.pctnvk_list import full_spec as pct_full_spec
from hrapp.reports.retirement_list import build_retirement_pdf
from hrapp.reports.retirement_list import spec as retirement_spec
from hrapp.services.career import retirement_list
from hrapp.services.pay_lists import pay_step_due_list, pctnvk_due_list
from tests.services import career_builders as b

START, END = date(2022, 7, 1), date(2022, 12, 31)
TEXT_WIDTH_MM = 297 - 30 - 15  # landscape A4 with the default margins
NAMES = ["Nguyễn Văn Nường", "Trần Thị Thu Hà", "Lê Minh Khoa", "Phạm Ngọc Lan", "Huỳnh Quốc Tuấn",
         "Võ Thị Mỹ Hương", "Đặng Hữu Phúc", "Bùi Thanh Bình", "Đỗ Đức Cường", "Hồ Thị Quỳnh"]
RANKS = ["01.003", "01.002", "V.05.02.07", "01.004"]


@pytest.fixture
def lists(ctx):
    units = b.department(ctx)
    for i in range(26):
        unit = [units["VP"], units["QLKH"], units["TT"]][i % 3]
        rank = RANKS[i % 4]
        pid = b.person(ctx, NAMES[i % 10], unit, gender="F" if "Thị" in NAMES[i % 10] else "M",
                       birth=date(1968 + i % 15, 1 + i % 12, 10), rank=rank, step=1 + i % 5,
                       since=date(2019, 7 + i % 6, 1), staff_code=f"CB{100 + i}",
                       category="vien_chuc" if rank.startswith("V.") else "cong_chuc")
        b.education(ctx, pid, "ThS" if i % 2 else "DH", "Công nghệ thông tin" if i % 3 else "Kinh tế")
        if i == 4:
            b.discipline(ctx, pid, "khien_trach", date(2020, 5, 1))
    b.person(ctx, "Nguyễn Thanh Sơn", units["VP"], rank="01.002", step=8, since=date(2019, 9, 1),
             birth=date(1970, 3, 3))
    b.person(ctx, "Phan Thị Ngọc Ánh", units["TT"], gender="F", rank="01.002", step=8, since=date(2015, 3, 1),
             pctnvk=6, pctnvk_since=date(2021, 10, 1), birth=date(1972, 5, 9))
    b.person(ctx, "Trần Văn Đức", units["VP"], birth=date(1962, 11, 20), since=None, rank=None)
    return {
        "letterhead": letterhead_for(ctx, "DS"),
        "pay": pay_step_due_list(ctx, START, END),
        "pct": pctnvk_due_list(ctx, START, END),
        "retire": retirement_list(ctx, 2023),
    }


def _texts(path: Path) -> list[str]:
    """Each page's text with line breaks inside wrapped cells joined by single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def _fits(spec: TableSpec) -> list[str]:
    """Words that would overflow their cell: plain values are not wrapped inside a word, header words would be
    split in the middle. Widths are scaled to the text width as the PDF does."""
    register_fonts()
    scale = TEXT_WIDTH_MM / sum(c.width for c in spec.columns)
    inner = [c.width * scale * mm - 5 for c in spec.columns]
    bad = []
    for row in spec.rows:
        if not isinstance(row, list | tuple):
            continue
        for col, value in zip(spec.columns, row, strict=True):
            for word in cell_text(value, col).split():
                if stringWidth(word, FONT, spec.font_size) > inner[spec.columns.index(col)]:
                    bad.append(f"{col.title}: {word}")
    size = spec.header_font_size or spec.font_size
    _n, placements = header_layout(spec)
    for p in placements:
        room = sum(inner[p.col:p.col + p.colspan]) + 5 * (p.colspan - 1)
        for word in p.text.split():
            if stringWidth(word, FONT_BOLD, size) > room + 2:
                bad.append(f"header {p.text!r}: {word}")
    return bad


def test_the_period_is_named_as_officers_write_it():
    assert period_label(date(2022, 1, 1), date(2022, 12, 31)) == "năm 2022"
    assert period_label(date(2022, 7, 1), date(2022, 12, 31)) == "6 tháng cuối năm 2022"
    assert period_label(date(2022, 7, 1), date(2022, 9, 30)) == "quý III năm 2022"
    assert period_label(date(2022, 2, 1), date(2022, 2, 28)) == "tháng 2 năm 2022"
    assert period_label(date(2022, 7, 15), date(2022, 9, 30)) == "từ ngày 15/07/2022 đến ngày 30/09/2022"


def test_form_4a_has_its_20_columns_under_the_two_group_headings(lists):
    spec = pay_full_spec(lists["pay"])
    assert len(spec.columns) == 20
    rows, placements = header_layout(spec)
    assert rows == 2
    groups = {p.text: (p.col, p.colspan) for p in placements if p.colspan > 1}
    assert groups == {"Mức lương đang hưởng 6 tháng cuối năm 2022": (5, 6), "Kết quả nâng lương": (11, 9)}
    assert [c.title for c in spec.columns[11:]] == [
        "Tên ngạch", "Mã ngạch", "Bậc", "Hệ số lương cơ bản", "Hệ số c. lệch bảo lưu (nếu có)",
        "Ngày tháng năm hưởng và tính nâng lương lần sau", "Chênh lệch về hệ số lương do nâng bậc",
        "Số tháng được hưởng bậc lương mới", "Tổng tiền lương tăng thêm do nâng bậc"]


def test_form_4b_numbers_its_18_columns_on_a_third_header_row(lists):
    spec = pct_full_spec(lists["pct"])
    assert len(spec.columns) == 18 and spec.numbering_labels() == [str(i) for i in range(1, 19)]
    groups = {p.text: p.colspan for p in header_layout(spec)[1] if p.colspan > 1}
    assert groups == {"Mức lương đang hưởng": 8, "Kết quả nâng mức phụ cấp thâm niên vượt khung": 5}
    assert spec.columns[7].title == "Bậc cuối cùng trong ngạch"
    # in unit order: the centre before the office
    assert [(r[1], r[9], r[13]) for r in spec.rows] == [("Trung tâm Thông tin - Ứng dụng KH&CN", "6%", "7%"),
                                                        ("Văn phòng Sở", "", "5%")]


@pytest.mark.parametrize("which", ["pay_full", "pay_due", "pct_full", "pct_due", "retire"])
def test_every_value_and_header_word_fits_its_column(lists, which):
    spec = {"pay_full": lambda: pay_full_spec(lists["pay"]), "pay_due": lambda: pay_due_spec(lists["pay"]),
            "pct_full": lambda: pct_full_spec(lists["pct"]), "pct_due": lambda: pct_due_spec(lists["pct"]),
            "retire": lambda: retirement_spec(lists["retire"])}[which]()
    assert _fits(spec) == []
    assert sum(c.width for c in spec.columns) <= TEXT_WIDTH_MM


def test_the_4a_pdf_is_landscape_with_the_header_on_every_page_and_everyone_once(lists, tmp_path):
    path = tmp_path / "nang_bac.pdf"
    pages = build_pay_step_pdf(path, lists["letterhead"], lists["pay"], "full", day=date(2022, 6, 30))
    reader = PdfReader(str(path))
    assert pages == len(reader.pages) >= 2
    assert all((round(p.mediabox.width), round(p.mediabox.height)) == (842, 595) for p in reader.pages)
    texts = _texts(path)
    assert "DANH SÁCH" in texts[0] and "đến hạn nâng bậc lương thường xuyên 6 tháng cuối năm 2022" in texts[0]
    assert "Lương cơ sở: 1.490.000 đồng/tháng" in texts[0]
    for text in texts:
        assert "Kết quả nâng lương" in text and "Mức lương đang hưởng" in text
    joined = "\n".join(texts)
    total = sum((r.pay_increase for r in lists["pay"].rows), Decimal(0))
    assert f"{int(total):,}".replace(",", ".") in texts[-1]
    assert "Tổng cộng" in texts[-1] and "NGƯỜI LẬP BIỂU" in texts[-1]
    for row in lists["pay"].rows:
        assert f"{row.new_date:%d/%m/%Y}" in joined
    assert sum(text.count("Thạc sĩ") + text.count("Đại học") for text in texts) == len(lists["pay"].rows)


def test_the_4c_lists_carry_their_titles_and_three_signatures(lists, tmp_path):
    pay, pct = tmp_path / "den_ky.pdf", tmp_path / "vuot_khung.pdf"
    build_pay_step_pdf(pay, lists["letterhead"], lists["pay"], "due", day=date(2022, 6, 30))
    build_pctnvk_pdf(pct, lists["letterhead"], lists["pct"], "due", day=date(2022, 6, 30))
    first, last = _texts(pay)[0], _texts(pay)[-1]
    assert "BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN KỲ NÂNG LƯƠNG" in first and "Tính đến ngày 31/12/2022" in first
    assert "Quyết định gần nhất" in first and "Thời hạn nâng lương" in first
    for caption in ("NGƯỜI LẬP", "NGƯỜI DUYỆT", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Chức vụ, ký, ghi rõ họ và tên)"):
        assert caption in last
    (text,) = _texts(pct)
    assert "BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN HẠN XÉT VƯỢT KHUNG" in text and "Khung bậc tối đa" in text
    assert "Từ 6% lên 7%" in text


def test_no_page_is_left_without_table_rows(lists, tmp_path):
    for layout in ("full", "due"):
        path = tmp_path / f"{layout}.pdf"
        build_pay_step_pdf(path, lists["letterhead"], lists["pay"], layout, day=date(2022, 6, 30))
        for n, text in enumerate(_texts(path), 1):
            assert any(name in text for name in NAMES), f"page {n} of {layout} has no row"


def test_the_retirement_list_groups_the_year_and_the_next_with_notice_dates(lists, tmp_path):
    path = tmp_path / "nghi_huu.pdf"
    build_retirement_pdf(path, lists["letterhead"], lists["retire"], day=date(2022, 12, 1))
    (text,) = _texts(path)
    assert "nghỉ hưu năm 2023 và năm 2024" in text
    first, second = len(lists["retire"].of_year(2023)), len(lists["retire"].of_year(2024))
    assert first >= 1 and second >= 1
    assert f"I. Nghỉ hưu năm 2023 ({first} người)" in text and f"II. Nghỉ hưu năm 2024 ({second} người)" in text
    # born 20/11/1962: 60 years 9 months, reached 20/08/2023, retires 01/09/2023, notice due 01/03/2023
    assert "Trần Văn Đức" in text and "60 tuổi 9 tháng" in text
    assert "31/08/2023" in text and "01/09/2023" in text and "01/03/2023" in text
    assert "Nghị định 135/2020/NĐ-CP" in text and "Nghị định 46/2010/NĐ-CP" in text


def test_the_excel_lists_keep_dates_and_numbers_and_sum_the_extra_pay(lists, tmp_path):
    path = tmp_path / "nang_bac.xlsx"
    build_pay_step_xlsx(path, lists["letterhead"], lists["pay"], "full", day=date(2022, 6, 30))
    ws = load_workbook(path).active
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "Kết quả nâng lương" in cells and "Tổng tiền lương tăng thêm do nâng bậc" in cells
    values = [c.value for row in ws.iter_rows() for c in row]
    assert any(hasattr(v, "year") for v in values)  # real dates
    assert any(isinstance(v, str) and v.startswith("=SUM(") for v in values)
    assert ws.page_setup.orientation == "landscape"
    pct = tmp_path / "vuot_khung.xlsx"
    build_pctnvk_xlsx(pct, lists["letterhead"], lists["pct"], "full", day=date(2022, 6, 30))
    assert load_workbook(pct).active.title == "Vượt khung"


def test_an_empty_period_prints_a_sentence_instead_of_rows(ctx, tmp_path):
    empty = pay_step_due_list(ctx, START, END)
    path = tmp_path / "trong.pdf"
    build_pay_step_pdf(path, letterhead_for(ctx, "DS"), empty, "full", day=date(2022, 6, 30))
    assert "Không có cán bộ, công chức, viên chức đến hạn nâng bậc lương trong kỳ." in _texts(path)[0]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_each_page_as_a_picture_is_landscape_with_a_framed_table(lists, tmp_path):
    """Rendered like on screen: every page is wider than tall, has ink, and a table frame spans most of the
    text width (long dark horizontal runs), so no page is blank or holds a stray fragment."""
    from PySide6.QtGui import QImage

    path = tmp_path / "nang_bac.pdf"
    build_pay_step_pdf(path, lists["letterhead"], lists["pay"], "full", day=date(2022, 6, 30))
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(tmp_path / "page")], check=True)
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == len(PdfReader(str(path)).pages)
    dark = bytes(49 if v < 128 else 48 for v in range(256))  # b"1" for dark pixels, b"0" for light ones
    for picture in pictures:
        image = QImage(str(picture)).convertToFormat(QImage.Format.Format_Grayscale8)
        assert image.width() > image.height()
        data, stride = bytes(image.constBits()), image.bytesPerLine()
        longest = 0
        for y in range(image.height()):
            line = data[y * stride:y * stride + image.width()].translate(dark)
            longest = max([longest] + [len(run) for run in re.findall(rb"1+", line)])
        # the table's rules run across at least 80% of the text width (252 of 297 mm of the page)
        assert longest > 0.8 * image.width() * TEXT_WIDTH_MM / 297

