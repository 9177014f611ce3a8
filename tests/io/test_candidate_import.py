"""Importing candidates and score sheets from Excel: every row checked like the form, all or nothing, errors
with their row and column, a second import changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from hrapp.io.candidate_import import CANDIDATES, import_candidates, import_scores, write_template
from hrapp.queries import recruitment as rq
from hrapp.reports.recruitment_documents import build_document
from hrapp.services import recruitment as rec
from tests.services.recruitment_builders import NOTICE, advance, centre, deadline, new_round

HEADERS = [c.header for c in CANDIDATES.columns]


@pytest.fixture
def open_round(ctx):
    org = centre(ctx)
    info = new_round(ctx, org, {"IT": 2, "SCI": 1})
    advance(ctx, info.id, "open", NOTICE)
    return ctx, rq.get_round(ctx, info.id)


def row(name: str, cccd: str, **values: object) -> dict[str, object]:
    base: dict[str, object] = {
        "Số CCCD": cccd, "Họ và tên": name, "Giới tính": "Nam", "Ngày sinh": date(1996, 5, 17),
        "Dân tộc": "Kinh", "Trình độ chuyên môn": "Đại học", "Chuyên ngành đào tạo": "Công nghệ thông tin",
        "Năm tốt nghiệp": 2018, "Vị trí dự tuyển": "Kỹ sư công nghệ thông tin",
    }
    base.update(values)
    return base


def workbook(path: Path, rows: list[dict[str, object]], headers: list[str] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Người dự tuyển"
    titles = headers or [c.title for c in CANDIDATES.columns]
    ws.append(titles)
    for r in rows:
        ws.append([r.get(t) for t in titles])
    wb.save(path)
    return path


def test_template_has_the_round_positions_and_priority_groups(open_round, tmp_path):
    ctx, info = open_round
    write_template(ctx, info.id, tmp_path / "mau.xlsx")
    wb = load_workbook(tmp_path / "mau.xlsx")
    assert [c.value for c in wb["Người dự tuyển"][1]] == HEADERS
    positions = [r[1] for r in wb["Vị trí tuyển dụng"].iter_rows(min_row=2, values_only=True)]
    assert positions == ["Kỹ sư công nghệ thông tin", "Nghiên cứu viên truyền thông khoa học"]
    groups = {r[0]: r[2] for r in wb["Diện ưu tiên"].iter_rows(min_row=2, values_only=True)}
    assert groups["thuong_binh"] == 7.5 and groups["con_liet_si"] == 5


def test_good_file_is_imported_and_a_second_import_changes_nothing(open_round, tmp_path):
    ctx, info = open_round
    path = workbook(tmp_path / "ds.xlsx", [
        row("nguyễn văn an", "052196000001", **{"Diện ưu tiên": "Con liệt sĩ; nghia_vu_quan_su"}),
        row("Trần Thị Bình", "052196000002", **{"Giới tính": "Nữ", "Chuyên ngành đào tạo": "Vật lý",
                                               "Ngoại ngữ": "Tiếng Anh", "Trình độ ngoại ngữ": "B1",
                                               "Vị trí dự tuyển": "NCV",
                                               "Nguyện vọng 2": "Kỹ sư công nghệ thông tin"}),
    ])
    first = import_candidates(ctx, info.id, path)
    assert first.ok, [i.line() for i in first.issues]
    assert (first.rows, first.created, first.updated, first.unchanged) == (2, 2, 0, 0)
    people = {c.full_name: c for c in rq.list_candidates(ctx, info.id)}
    an = people["Nguyễn Văn An"]
    assert an.priority_groups == ("con_liet_si", "nghia_vu_quan_su") and an.priority_points == Decimal(5)
    binh = people["Trần Thị Bình"]
    assert [p.position_name for p in binh.preferences] == ["Nghiên cứu viên truyền thông khoa học",
                                                           "Kỹ sư công nghệ thông tin"]
    assert [(q.kind, q.level_code, q.language) for q in binh.qualifications] == [("ngoai_ngu", "B1", "Tiếng Anh")]
    again = import_candidates(ctx, info.id, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert len(rq.list_candidates(ctx, info.id)) == 2


def test_one_bad_row_writes_nothing_and_every_problem_is_located(open_round, tmp_path):
    ctx, info = open_round
    path = workbook(tmp_path / "ds.xlsx", [
        row("Nguyễn Văn An", "052196000001"),
        row("Lê Văn Bảo", "052196000001"),  # same CCCD as row 2
        row("Phạm Văn Cường", "5219600003"),  # 10 digits
        row("Võ Thị Dung", "052196000004", **{"Giới tính": "Nữ", "Vị trí dự tuyển": "Lái xe"}),
        row("Đỗ Văn Em", "052196000005", **{"Diện ưu tiên": "hộ nghèo", "Ngày sinh": "31/02/1996"}),
        row("Hồ Văn Phúc", "052196000006", **{"Ngày nộp phiếu": deadline(info) + timedelta(days=1)}),
    ])
    result = import_candidates(ctx, info.id, path)
    assert not result.ok
    found = {(i.row, i.column) for i in result.issues}
    assert (3, "Số CCCD") in found
    assert (4, "Số CCCD") in found
    assert (5, "Vị trí dự tuyển") in found
    assert (6, "Diện ưu tiên") in found and (6, "Ngày sinh") in found
    assert (7, "Ngày nộp phiếu") in found
    assert "trùng với dòng 2" in next(i.message for i in result.issues if i.row == 3)
    assert rq.list_candidates(ctx, info.id) == []
    assert "chưa ghi dữ liệu nào" in result.summary()


def test_a_cccd_already_in_the_round_is_updated_not_duplicated(open_round, tmp_path):
    ctx, info = open_round
    from tests.services.recruitment_builders import form

    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (info.targets[0].id,), cccd="052196000001"))
    path = workbook(tmp_path / "ds.xlsx", [row("Nguyễn Văn An", "052196000001", **{"Điện thoại": "0905123456"})])
    result = import_candidates(ctx, info.id, path)
    assert (result.created, result.updated) == (0, 1)
    only = rq.list_candidates(ctx, info.id)
    assert len(only) == 1 and only[0].phone == "0905123456"


def test_dry_run_checks_without_writing(open_round, tmp_path):
    ctx, info = open_round
    result = import_candidates(ctx, info.id, workbook(tmp_path / "ds.xlsx", [row("Nguyễn Văn An", "052196000001")]),
                               dry_run=True)
    assert result.ok and result.created == 1
    assert rq.list_candidates(ctx, info.id) == []


def test_missing_required_column_is_reported(open_round, tmp_path):
    ctx, info = open_round
    headers = [c.title for c in CANDIDATES.columns if c.key != "preference1"]
    result = import_candidates(ctx, info.id, workbook(tmp_path / "ds.xlsx", [row("A", "052196000001")], headers))
    assert any("Thiếu cột bắt buộc “Vị trí dự tuyển (*)”" in i.message for i in result.issues)


def _at_round2(ctx, info, tmp_path):
    path = workbook(tmp_path / "ds.xlsx", [row("Nguyễn Văn An", "052196000001"), row("Lê Văn Bảo", "052196000002"),
                                           row("Trần Văn Cảnh", "052196000003")])
    assert import_candidates(ctx, info.id, path).ok
    advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1))
    rec.assign_sbd(ctx, info.id)
    return advance(ctx, info.id, "round2", deadline(info) + timedelta(days=5))


def test_the_printed_score_sheet_filled_in_is_read_back(open_round, tmp_path):
    ctx, info = open_round
    info = _at_round2(ctx, info, tmp_path)
    build_document(ctx, info.id, "scores", tmp_path / "diem.xlsx")
    wb = load_workbook(tmp_path / "diem.xlsx")
    ws = wb.active
    score_col = next(c.column for r in ws.iter_rows() for c in r if c.value == "Điểm vòng 2 (thang 100)")
    names = {ws.cell(r, 3).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(names["Nguyễn Văn An"], score_col, "72,5")
    ws.cell(names["Lê Văn Bảo"], score_col, 64)
    ws.cell(names["Trần Văn Cảnh"], score_col, "Vắng")
    wb.save(tmp_path / "diem.xlsx")
    result = import_scores(ctx, info.id, tmp_path / "diem.xlsx")
    assert result.ok, [i.line() for i in result.issues]
    got = {c.full_name: (c.round2, c.round2_absent) for c in rq.list_candidates(ctx, info.id)}
    assert got == {"Nguyễn Văn An": (Decimal("72.5"), False), "Lê Văn Bảo": (Decimal(64), False),
                   "Trần Văn Cảnh": (None, True)}


def test_bad_scores_write_nothing(open_round, tmp_path):
    ctx, info = open_round
    info = _at_round2(ctx, info, tmp_path)
    wb = Workbook()
    ws = wb.active
    ws.append(["Số báo danh", "Họ và tên", "Điểm vòng 2 (thang 100)"])
    ws.append(["001", "Nguyễn Văn An", 70])
    ws.append(["002", "Lê Văn Bảo", 101])
    ws.append(["099", "Không Có", 50])
    wb.save(tmp_path / "diem.xlsx")
    result = import_scores(ctx, info.id, tmp_path / "diem.xlsx")
    assert not result.ok
    assert {i.row for i in result.issues} == {4}  # 099 is unknown; checked before any score is written
    wb = Workbook()
    ws = wb.active
    ws.append(["Số báo danh", "Điểm vòng 2 (thang 100)"])
    ws.append(["001", 70])
    ws.append(["002", 101])
    wb.save(tmp_path / "diem2.xlsx")
    result = import_scores(ctx, info.id, tmp_path / "diem2.xlsx")
    assert [(i.row, i.column) for i in result.issues] == [(3, "Điểm vòng 2 (thang 100)")]
    assert all(c.round2 is None for c in rq.list_candidates(ctx, info.id))
