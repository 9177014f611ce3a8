"""Orphan control of printed tables: no page holds only the signatures, a lone totals row or a table part of
fewer than 3 rows — at the edges (a table that exactly fills a page, one row more, one fewer) and with
headings, sections and closing paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from hrapp.reports.document import SUM, Column, Letterhead, OfficialDocument, SectionRow, TableSpec, build_pdf
from tests.reports.layout_checks import lone_closing_pages, recorded_parts, short_parts

LETTERHEAD = Letterhead(issuing_unit="Sở Khoa học và Công nghệ", parent_agency="UBND tỉnh Bình Định",
                        place="Bình Định", signer_title="GIÁM ĐỐC", signer_name="Trần Văn Sang",
                        preparer_name="Lương Thị Nhi")
NAMES = ("Trần Văn Sang", "Lương Thị Nhi")
COLUMNS = [Column("STT", 12, "center"), Column("Mã dòng", 40), Column("Nội dung", 90, wrap=True),
           Column("Số", 23)]


def _spec(n: int, sections: int = 0) -> TableSpec:
    rows: list = []
    for i in range(n):
        if sections and i % (n // sections or 1) == 0:
            rows.append(SectionRow(f"Nhóm {i // (n // sections or 1) + 1}"))
        rows.append([i + 1, f"R{i + 1:03d}", "Một dòng của bảng để thử ngắt trang", 1])
    return TableSpec(COLUMNS, rows, totals=["Tổng cộng", None, None, SUM])


def _markers(path: Path) -> list[list[str]]:
    return [[w for w in page.extract_text().split() if w.startswith("R") and w[1:].isdigit()]
            for page in PdfReader(str(path)).pages]


def _build(path: Path, n: int, **kw) -> list:
    with recorded_parts() as parts:
        build_pdf(path, LETTERHEAD, "Danh sách thử", _spec(n, kw.pop("sections", 0)), day=None, **kw)
    return parts


@pytest.fixture(scope="module")
def capacity(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, int]:
    """Rows on the first page and on a following page of a long table."""
    path = tmp_path_factory.mktemp("cap") / "dai.pdf"
    _build(path, 200)
    counts = [len(m) for m in _markers(path)]
    return counts[0], counts[1]


def _check(path: Path, parts: list, n: int) -> None:
    markers = _markers(path)
    assert sorted(m for page in markers for m in page) == [f"R{i + 1:03d}" for i in range(n)]
    assert short_parts(parts) == []
    last = parts[-1]
    assert last.totals and last.last and last.page == len(markers)  # totals and signatures on one page
    assert last.body >= min(3, n)
    text = " ".join(PdfReader(str(path)).pages[-1].extract_text().split())
    assert "Tổng cộng" in text and "GIÁM ĐỐC" in text
    assert lone_closing_pages(path, NAMES) == []


def test_tables_around_the_first_page_break(tmp_path, capacity):
    first, _ = capacity
    for n in range(max(1, first - 6), first + 5):  # fills the page with the signatures, exactly, one more, …
        path = tmp_path / f"t{n}.pdf"
        _check(path, _build(path, n), n)


def test_tables_around_the_second_page_break(tmp_path, capacity):
    first, other = capacity
    for n in range(first + other - 5, first + other + 5):
        path = tmp_path / f"t{n}.pdf"
        _check(path, _build(path, n), n)


def test_short_tables_keep_their_rows_together(tmp_path):
    for n in range(0, 8):
        path = tmp_path / f"t{n}.pdf"
        parts = _build(path, n, intro=["Đoạn mở đầu của văn bản."] * 2)
        assert len(parts) == 1  # one part: never split
        assert lone_closing_pages(path, NAMES) == []


def test_short_tables_below_a_long_introduction(tmp_path):
    """The table starts low on a page: it moves on whole rather than leave a row or two behind."""
    for lines in range(8, 40, 3):
        for n in (2, 4, 5, 7):
            path = tmp_path / f"t{lines}_{n}.pdf"
            parts = _build(path, n, intro=["Một đoạn giới thiệu dài vừa đủ một dòng chữ."] * lines)
            assert short_parts(parts) == [], (lines, n)
            assert parts[-1].totals and parts[-1].page == len(PdfReader(str(path)).pages), (lines, n)
            assert lone_closing_pages(path, NAMES) == [], (lines, n)


def test_sections_and_closing_paragraphs(tmp_path, capacity):
    first, _ = capacity
    for n in range(first - 8, first + 4):
        path = tmp_path / f"s{n}.pdf"
        parts = _build(path, n, sections=4, outro=["Đề nghị các đơn vị rà soát và báo cáo trước ngày 15."])
        assert short_parts(parts) == [], n
        text = " ".join(PdfReader(str(path)).pages[-1].extract_text().split())
        assert "Đề nghị các đơn vị" in text and "GIÁM ĐỐC" in text, n
        assert lone_closing_pages(path, NAMES) == [], n


def test_a_heading_stays_with_its_table(tmp_path):
    for lines in range(20, 34):
        doc = OfficialDocument(LETTERHEAD, "Báo cáo thử")
        for _ in range(lines):
            doc.paragraph("Một đoạn văn của báo cáo, đủ dài để chiếm một dòng trên trang giấy.")
        doc.paragraph("II. DANH SÁCH", "heading")
        doc.table(_spec(12))
        path = tmp_path / f"h{lines}.pdf"
        with recorded_parts() as parts:
            doc.build(path)
        pages = [p.extract_text() for p in PdfReader(str(path)).pages]
        heading_page = next(i for i, t in enumerate(pages) if "II. DANH SÁCH" in t) + 1
        assert parts[0].page == heading_page, lines
        assert short_parts(parts) == [], lines


def test_a_paragraph_ending_the_document_keeps_the_signatures_company(tmp_path):
    for lines in range(30, 50):
        path = tmp_path / f"p{lines}.pdf"
        build_pdf(path, LETTERHEAD, "Thông báo", intro=["Một đoạn văn của thông báo, đủ dài để chiếm một dòng."]
                  * lines)
        assert lone_closing_pages(path, NAMES) == [], lines


def test_the_2c_of_every_demo_person_ends_with_item_32_beside_its_signatures(demo_ctx, tmp_path):
    from sqlalchemy import select

    from hrapp.db.models import Person
    from hrapp.reports.cv_2c import export_cv

    with demo_ctx.read() as s:
        ids = list(s.scalars(select(Person.id)))
    assert len(ids) > 100
    for person_id in ids:
        path = tmp_path / f"2c_{person_id}.pdf"
        export_cv(demo_ctx, path, person_id)
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]
        assert "32) Nhận xét" in pages[-1] and "Người khai" in pages[-1], person_id
        assert lone_closing_pages(path) == [], person_id
        for text in pages:  # a salary grid's three lines stay on one page
            assert text.count("Tháng/năm") == text.count("Hệ số lương"), person_id


def test_the_demo_staffing_table_2022_ends_with_rows_totals_and_signatures(demo_ctx, tmp_path):
    from datetime import date

    from hrapp.reports.staffing_table import export_staffing

    for by_position in (False, True):
        path = tmp_path / f"bien_che_{by_position}.pdf"
        with recorded_parts() as parts:
            export_staffing(demo_ctx, path, 2022, by_position=by_position, printed_on=date(2023, 1, 5))
        assert short_parts(parts) == []
        assert parts[-1].totals and parts[-1].page == len(PdfReader(str(path)).pages)
        assert lone_closing_pages(path, NAMES) == []
        last = " ".join(PdfReader(str(path)).pages[-1].extract_text().split())
        assert "Tổng cộng" in last and "GIÁM ĐỐC" in last


def _tall_spec(n: int, sections: int, repeat: int) -> TableSpec:
    """Rows of six lines or so (as the planning list's), a section heading every `sections` rows."""
    rows: list = []
    text = "Phó Giám đốc Trung tâm Ứng dụng khoa học và công nghệ, kiêm Trưởng phòng Kỹ thuật " * repeat
    for i in range(n):
        if i % sections == 0:
            rows.append(SectionRow(f"Chức danh {i // sections + 1}"))
        rows.append([i + 1, f"R{i + 1:03d}", text, 1])
    return TableSpec(COLUMNS, rows, totals=["Tổng cộng", None, None, SUM])


@pytest.mark.parametrize(("landscape", "repeat"), [(True, 3), (False, 4)])
def test_tall_rows_never_leave_two_rows_before_the_last_page(tmp_path, landscape, repeat):
    """A page holds few tall rows and the signatures take a third of the last one: the rest after the last page
    break splits 3 + 3 (the page before ends earlier), never 2 + 2."""
    for sections in (1, 2):
        for n in range(6, 30):
            path = tmp_path / f"tall{sections}_{n}.pdf"
            with recorded_parts() as parts:
                build_pdf(path, LETTERHEAD, "Danh sách thử", _tall_spec(n, sections, repeat), day=None,
                          landscape=landscape)
            assert sorted(m for page in _markers(path) for m in page) == [f"R{i + 1:03d}" for i in range(n)]
            assert short_parts(parts) == [], (sections, n, [(p.page, p.body) for p in parts])
            assert parts[-1].totals and parts[-1].page == len(PdfReader(str(path)).pages)
            assert lone_closing_pages(path, NAMES) == [], (sections, n)
