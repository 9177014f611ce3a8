"""The official PDF layout: letterhead, repeated table header, page numbers, fonts, cancel, totals."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from hrapp.reports.document import (
    MERGE,
    SUM,
    Column,
    HeaderCell,
    Letterhead,
    OfficialDocument,
    ReportCancelled,
    SectionRow,
    Signature,
    SubtotalRow,
    TableSpec,
    build_pdf,
    header_layout,
    leaf_titles,
    table_totals,
)
from hrapp.reports.format import fmt_decimal

from .sample_document import LETTERHEAD, pay_step_spec

TITLE = "DANH SÁCH\nCÔNG CHỨC, VIÊN CHỨC ĐỦ ĐIỀU KIỆN NÂNG BẬC LƯƠNG THƯỜNG XUYÊN NĂM 2022"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    build_pdf(path, LETTERHEAD, TITLE, pay_step_spec(150), subtitles=["(Tính đến ngày 30/06/2022)"],
              day=date(2022, 6, 30), recipients=["Sở Nội vụ;", "Lưu: VT, VP."], landscape=True)
    return path


def _top_margin_text(page) -> str:
    """Text drawn above the frame, i.e. inside the 20 mm top margin (where page numbers go)."""
    height = float(page.mediabox.height)
    found: list[str] = []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > height - 20 * mm:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return " ".join(found)


def _fonts(resources, seen: set[int] | None = None):
    """Every font dictionary reachable from a resource dictionary, form XObjects included."""
    seen = set() if seen is None else seen
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobj in (resources.get("/XObject") or {}).values():
        xobj = xobj.get_object()
        if id(xobj) not in seen and xobj.get("/Subtype") == "/Form":
            seen.add(id(xobj))
            yield from _fonts(xobj.get("/Resources"), seen)


def test_sample_is_landscape_and_spans_several_pages(sample_pdf):
    reader = PdfReader(sample_pdf)
    assert len(reader.pages) >= 3
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_first_page_has_letterhead_motto_and_title_but_no_page_number(sample_pdf):
    page = PdfReader(sample_pdf).pages[0]
    text = page.extract_text()
    for expected in ("UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     MOTTO, "Bình Định, ngày 30 tháng 6 năm 2022", "DANH SÁCH",
                     "CÔNG CHỨC, VIÊN CHỨC ĐỦ ĐIỀU KIỆN NÂNG BẬC LƯƠNG THƯỜNG XUYÊN NĂM 2022",
                     "(Tính đến ngày 30/06/2022)", "Mức lương đang hưởng"):
        assert expected in text
    assert _top_margin_text(page) == ""


def test_later_pages_are_numbered_at_the_top_and_repeat_the_header(sample_pdf):
    pages = PdfReader(sample_pdf).pages
    for number in range(2, len(pages) + 1):
        page = pages[number - 1]
        assert _top_margin_text(page) == str(number)
        text = page.extract_text()
        for header_text in ("Họ và tên", "Mức lương đang hưởng", "Kết quả nâng lương", "Ngày hưởng"):
            assert header_text in text
        assert MOTTO not in text


def test_header_is_printed_once_per_page_never_mid_page(sample_pdf):
    for page in PdfReader(sample_pdf).pages:
        assert page.extract_text().count("Kết quả nâng lương") == 1


def test_all_fonts_are_embedded_liberation_serif(sample_pdf):
    reader = PdfReader(sample_pdf)
    fonts = [f for page in reader.pages for f in _fonts(page.get("/Resources"))]
    assert fonts
    for font in fonts:
        assert "LiberationSerif" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_vietnamese_text_round_trips(sample_pdf):
    text = "\n".join(p.extract_text() for p in PdfReader(sample_pdf).pages)
    assert MOTTO in text
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text
    assert "Nguyễn Văn Nường" in text  # signer
    assert "NGƯỜI LẬP BIỂU" in text and "Trần Thị Thu Hà" in text
    assert "Nơi nhận:" in text and "- Lưu: VT, VP." in text


def test_every_row_is_printed_once_and_totals_are_summed(sample_pdf):
    spec = pay_step_spec(150)
    text = "\n".join(p.extract_text() for p in PdfReader(sample_pdf).pages)
    lines = {line.strip() for line in text.split("\n")}
    stt = [n for n in range(1, 151) if str(n) in lines]
    assert stt == list(range(1, 151))
    totals = table_totals(spec)
    assert totals[6] == sum(r[6] for r in spec.rows if isinstance(r, list))
    assert "Tổng cộng" in text
    assert fmt_decimal(totals[6], 2) in text and fmt_decimal(totals[11], 2) in text


def test_last_page_keeps_rows_with_the_totals_and_signatures(sample_pdf):
    last = PdfReader(sample_pdf).pages[-1].extract_text()
    assert "Tổng cộng" in last and "Nguyễn Văn Nường" in last
    assert "150" in {line.strip() for line in last.split("\n")}


def test_progress_counts_every_row(tmp_path):
    seen: list[tuple[int, int]] = []
    build_pdf(tmp_path / "p.pdf", LETTERHEAD, TITLE, pay_step_spec(120), landscape=True,
              progress=lambda done, total: seen.append((done, total)))
    spec_rows = len(pay_step_spec(120).rows)
    assert seen[-1] == (spec_rows, spec_rows)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_raises_and_leaves_no_file(tmp_path):
    target = tmp_path / "cancelled.pdf"
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(ReportCancelled):
        build_pdf(target, LETTERHEAD, TITLE, pay_step_spec(400), landscape=True, cancel=cancel)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_existing_report_untouched(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(ReportCancelled):
        build_pdf(target, LETTERHEAD, TITLE, pay_step_spec(50), cancel=lambda: True)
    assert target.read_bytes() == b"old"


def test_builds_into_a_buffer_and_portrait_by_default_for_narrow_tables(tmp_path):
    import io

    spec = TableSpec([Column("STT", 12, "center"), Column("Họ và tên", 60), Column("Ngày sinh", 25)],
                     [[1, "Lê Văn A", date(1980, 1, 2)]])
    buffer = io.BytesIO()
    pages = build_pdf(buffer, LETTERHEAD, "DANH SÁCH", spec)
    reader = PdfReader(buffer)
    assert pages == len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) < float(box.height)
    assert "02/01/1980" in reader.pages[0].extract_text()


def test_decomposed_unicode_is_printed_composed(tmp_path):
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    spec = TableSpec([Column("Họ và tên", 60)], [[name]])
    build_pdf(tmp_path / "nfd.pdf", LETTERHEAD, "DANH SÁCH", spec)
    assert "Nguyễn Thị Hường" in PdfReader(tmp_path / "nfd.pdf").pages[0].extract_text()


def test_long_plain_text_wraps_inside_its_cell_instead_of_overflowing(tmp_path):
    long_unit = "Trung tâm Thông tin - Ứng dụng Khoa học và Công nghệ tỉnh Bình Định"
    spec = TableSpec([Column("STT", 10), Column("Đơn vị", 30), Column("Ghi chú", 30)], [[1, long_unit, "x"]],
                     stretch=False)
    build_pdf(tmp_path / "wrap.pdf", LETTERHEAD, "DANH SÁCH", spec)
    text = PdfReader(tmp_path / "wrap.pdf").pages[0].extract_text()
    assert long_unit in " ".join(text.split())
    assert long_unit not in text  # broken over lines inside the 30 mm cell


def test_sections_and_subtotals_are_left_out_of_sums():
    spec = TableSpec(
        [Column("Đơn vị", 40), Column("Số người", 20)],
        [SectionRow("I. Khối quản lý nhà nước"), ["Văn phòng", 10], ["Thanh tra", 5], SubtotalRow(["Cộng", 15]),
         SectionRow("II. Đơn vị sự nghiệp"), ["Trung tâm", Decimal("2.5")]],
        totals=["Tổng cộng", SUM],
    )
    assert table_totals(spec) == ["Tổng cộng", Decimal("17.5")]


def test_empty_table_still_prints_header_and_totals(tmp_path):
    spec = TableSpec([Column("STT", 10), Column("Họ và tên", 50), Column("Hệ số", 20, places=2)], [],
                     totals=["Tổng cộng", MERGE, SUM])
    build_pdf(tmp_path / "empty.pdf", LETTERHEAD, "DANH SÁCH", spec)
    text = PdfReader(tmp_path / "empty.pdf").pages[0].extract_text()
    assert "Họ và tên" in text and "Tổng cộng" in text


def test_header_layout_places_spans_like_html():
    spec = pay_step_spec(1)
    rows, placements = header_layout(spec)
    assert rows == 2
    group = next(p for p in placements if p.text == "Mức lương đang hưởng")
    assert (group.row, group.col, group.rowspan, group.colspan) == (0, 4, 1, 4)
    first_leaf = next(p for p in placements if p.row == 1)
    assert (first_leaf.col, first_leaf.text) == (4, "Mã ngạch")
    titles = leaf_titles(spec)
    assert titles[1] == "Họ và tên"
    assert titles[5] == "Mức lương đang hưởng - Bậc" and titles[8] == "Kết quả nâng lương - Bậc"


@pytest.mark.parametrize(
    "header",
    [
        [[HeaderCell("A", colspan=3)], ["b", "c"]],  # second row leaves a column empty
        [[HeaderCell("A", rowspan=2), "B"], ["c", "d"]],  # second row overflows
        [["A", "B", "C", "D"]],  # too many cells
    ],
)
def test_header_layout_rejects_headers_that_do_not_tile_the_columns(header):
    spec = TableSpec([Column("a", 10), Column("b", 10), Column("c", 10)], [], header=header)
    with pytest.raises(ValueError):
        header_layout(spec)


def test_totals_must_match_the_columns():
    spec = TableSpec([Column("a", 10), Column("b", 10)], [[1, 2]], totals=["Tổng", SUM, SUM])
    with pytest.raises(ValueError):
        table_totals(spec)


def test_letterhead_number_gets_its_prefix_once():
    assert Letterhead("Sở X", number="125/BC-SKHCN").number_line() == "Số: 125/BC-SKHCN"
    assert Letterhead("Sở X", number="Số:   /DS-SKHCN").number_line() == "Số:   /DS-SKHCN"
    assert Letterhead("Sở X").number_line() is None


def test_text_document_with_custom_signatures_and_date_above_them(tmp_path):
    lh = Letterhead("Sở Khoa học và Công nghệ", "UBND tỉnh Bình Định", place="Bình Định",
                    number="12/BC-SKHCN")
    doc = OfficialDocument(lh, "BÁO CÁO\nCông tác tổ chức cán bộ 6 tháng đầu năm 2022", day=date(2022, 2, 3),
                           date_in_header=False, recipients=["Sở Nội vụ;", "Lưu: VT."],
                           signatures=[Signature("NGƯỜI DUYỆT", "Lê B"),
                                       Signature("GIÁM ĐỐC", "Đào Dũng Trí", caption="(Ký tên, đóng dấu)")])
    doc.paragraph("I. KẾT QUẢ", "heading")
    for _ in range(40):
        doc.paragraph("Sở đã thực hiện việc rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý giai đoạn "
                      "2021-2026 theo đúng hướng dẫn.")
    pages = doc.build(tmp_path / "bc.pdf")
    reader = PdfReader(tmp_path / "bc.pdf")
    assert pages == len(reader.pages) >= 2
    first = reader.pages[0].extract_text()
    assert "BÁO CÁO" in first and "Công tác tổ chức cán bộ 6 tháng đầu năm 2022" in first
    assert "Bình Định, ngày 03 tháng 02 năm 2022" not in first
    last = reader.pages[-1].extract_text()
    assert "Bình Định, ngày 03 tháng 02 năm 2022" in last
    assert "NGƯỜI DUYỆT" in last and "(Ký tên, đóng dấu)" in last and "Đào Dũng Trí" in last
    assert _top_margin_text(reader.pages[1]) == "2"


def test_vertical_header_text_is_printed_turned(tmp_path):
    spec = TableSpec([Column("Đơn vị", 40), Column("Nữ", 6), Column("Đảng viên", 6)], [["Văn phòng", 3, 4]],
                     header=[["Đơn vị", HeaderCell("Nữ", vertical=True), HeaderCell("Đảng viên", vertical=True)]],
                     stretch=False)
    build_pdf(tmp_path / "v.pdf", None, "BÁO CÁO", spec, signatures=())
    page = PdfReader(tmp_path / "v.pdf").pages[0]
    turned: list[str] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: turned.append(text)
                      if text.strip() and abs(tm[1] * cm[0] + tm[3] * cm[1]) > 0.5 else None)
    assert "Đảng viên" in "".join(turned)


@pytest.mark.parametrize("width", [30 + i / 2 for i in range(30)])
def test_markup_cells_take_as_many_lines_as_a_paragraph_would(width):
    """Markup cells that are plain text or wholly bold are laid out as text lines: never a different number of
    lines than the Paragraph they replace (ReportLab measures bold markup a little narrower than the font)."""
    from reportlab.platypus import Paragraph

    from hrapp.reports.document.table_flow import _PAD_Y, _TableState, _Tracker

    texts = ["Trung tâm Y tế huyện Phù Mỹ", "<b>Trung tâm Y tế huyện Phù Mỹ</b>", "Phòng Tổ chức &amp; Hành chính",
             "<b>Vượt: CC 2, VC-TC 12</b>", "<b>Ban Quản lý rừng phòng hộ thành phố Quy Nhơn</b>"]
    rows: list[object] = [["1", t] for t in texts] + [SubtotalRow(["2", t]) for t in texts]
    state = _TableState(TableSpec([Column("STT", 10), Column("Đơn vị", width, wrap=True, markup=True)], rows,
                                  stretch=False), _Tracker(None, None))
    state.ensure((10 + width) * mm)
    for i, raw in enumerate(rows):
        text = raw.values[1] if isinstance(raw, SubtotalRow) else raw[1]
        para = Paragraph(text if not isinstance(raw, SubtotalRow) else f"<b>{text}</b>", state.wrap_styles[1])
        _, h = para.wrap(state.inner[1], 100_000)
        assert state.row(i).height == pytest.approx(max(state.leading, h) + 2 * _PAD_Y), (width, raw)
