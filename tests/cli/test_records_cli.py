"""CLI contract of personnel records: import (all or nothing, errors on stderr), export, template, and the
quality and Sơ yếu lý lịch reports."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from hrapp.db.models import OrgUnit
from tests.io.generate import generate_import_file

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=300)


def persons(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM persons").fetchone()[0]


@pytest.fixture
def db(ctx, db_path) -> Path:
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])
    ctx.engine.dispose()
    return db_path


def test_import_prints_one_line_and_a_second_import_adds_nobody(db, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 120, seed=2)
    res = run("--db", str(db), "import", "employees", str(path))
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.strip().splitlines()) == 1 and "120 người mới" in res.stdout
    assert persons(db) == 120
    again = run("--db", str(db), "import", "employees", str(path))
    assert again.returncode == 0 and "120 người không đổi" in again.stdout
    assert persons(db) == 120


def test_dry_run_validates_and_writes_nothing(db, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 30, seed=4)
    res = run("--db", str(db), "import", "employees", str(path), "--dry-run")
    assert res.returncode == 0, res.stderr
    assert "không có lỗi (chưa ghi)" in res.stdout
    assert persons(db) == 0


def test_one_bad_cell_exits_non_zero_with_the_error_list_and_changes_nothing(db, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 60, seed=6)
    wb = load_workbook(path)
    ws = wb["Nhân sự"]
    col = [c.value for c in ws[1]].index("Ngày sinh (*)") + 1
    ws.cell(31, col).value = "30/02/1980"
    wb.save(path)
    errors = tmp_path / "loi.xlsx"
    res = run("--db", str(db), "import", "employees", str(path), "--errors", str(errors))
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert lines[0].split("\t")[:3] == ["Nhân sự", "dòng 31", "Ngày sinh (*)"]
    assert "ngày không tồn tại" in lines[0] and "Traceback" not in res.stderr
    assert persons(db) == 0
    rows = CalamineWorkbook.from_path(str(errors)).get_sheet_by_name("Lỗi").to_python()
    assert rows[1][:3] == ["Nhân sự", 31, "Ngày sinh (*)"]


def test_import_json_counts_the_demo_exported_back_as_unchanged(demo_db, tmp_path):
    out = tmp_path / "ds.xlsx"
    assert run("--db", str(demo_db), "export", "employees", str(out)).returncode == 0
    res = run("--db", str(demo_db), "import", "employees", str(out), "--dry-run", "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == {"new": 0, "updated": 0, "unchanged": 146, "errors": [], "errors_not_listed": 0,
                                       "warnings": []}


def test_import_json_lists_each_error_with_sheet_row_column_and_message(db, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 12, seed=6)
    wb = load_workbook(path)
    ws = wb["Nhân sự"]
    col = [c.value for c in ws[1]].index("Ngày sinh (*)") + 1
    ws.cell(5, col).value = "30/02/1980"
    wb.save(path)
    res = run("--db", str(db), "import", "employees", str(path), "--format", "json")
    assert res.returncode == 1 and res.stderr == ""
    data = json.loads(res.stdout)
    assert (data["new"], data["updated"], data["unchanged"]) == (0, 0, 0)
    [error] = data["errors"]
    assert set(error) == {"sheet", "row", "column", "message"}
    assert (error["sheet"], error["row"], error["column"]) == ("Nhân sự", 5, "Ngày sinh (*)")
    assert "ngày không tồn tại" in error["message"] and "30/02/1980" in error["message"]
    assert persons(db) == 0
    fine = run("--db", str(db), "import", "employees", str(generate_import_file(tmp_path / "ok.xlsx", 7, seed=8)),
               "--format", "json")
    assert fine.returncode == 0 and json.loads(fine.stdout) == {"new": 7, "updated": 0, "unchanged": 0, "errors": [],
                                                                "errors_not_listed": 0, "warnings": []}


def test_a_word_file_is_refused_in_one_line(db, tmp_path):
    path = tmp_path / "staff.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    res = run("--db", str(db), "import", "employees", str(path))
    assert res.returncode == 1
    assert res.stderr.strip().count("\n") == 0 and "tài liệu Word" in res.stderr


def test_export_template_and_export_employees_round_trip(db, tmp_path):
    template = tmp_path / "mau.xlsx"
    res = run("--db", str(db), "export", "template", str(template))
    assert res.returncode == 0, res.stderr
    assert "Hướng dẫn" in CalamineWorkbook.from_path(str(template)).sheet_names
    assert run("--db", str(db), "import", "employees", str(generate_import_file(tmp_path / "g.xlsx", 25))).returncode == 0
    out = tmp_path / "ds.xlsx"
    res = run("--db", str(db), "export", "employees", str(out), "--unit", "VP")
    assert res.returncode == 0, res.stderr
    assert "13 người" in res.stdout  # the generator puts every other person in VP
    back = run("--db", str(db), "import", "employees", str(out), "--dry-run")
    assert back.returncode == 0 and "13 người không đổi" in back.stdout


def test_export_with_chosen_columns(db, tmp_path):
    assert run("--db", str(db), "import", "employees", str(generate_import_file(tmp_path / "g.xlsx", 5))).returncode == 0
    out = tmp_path / "ds.xlsx"
    res = run("--db", str(db), "export", "employees", str(out), "--columns", "full_name,unit_name,coefficient")
    assert res.returncode == 0, res.stderr
    header = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Nhân sự").to_python()[0]
    assert header == ["Họ và tên (*)", "Tên đơn vị", "Hệ số lương"]
    bad = run("--db", str(db), "export", "employees", str(out), "--columns", "luong")
    assert bad.returncode == 1 and "Cột không có: luong" in bad.stderr


def test_report_quality_json_on_the_demo(demo_db, tmp_path):
    out = tmp_path / "q.json"
    res = run("--db", str(demo_db), "report", "quality", "--as-of", "30/06/2022", "--out", str(out))
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    total = data["total"]
    assert data["as_of"] == "2022-06-30"
    assert (total["by_education"]["TS"], total["by_education"]["ThS"], total["doctoral_candidates"]) == (2, 27, 2)
    assert sum(total["by_education"][k] for k in ("TS", "ThS", "DH", "CD")) == 146
    assert (total["by_political_theory"]["cao_cap"], total["by_political_theory"]["trung_cap"]) == (14, 20)
    assert set(data["units"][0]) >= {"code", "name", "headcount", "women", "party_members", "ethnic_minority",
                                     "by_category", "by_education", "doctoral_candidates", "by_political_theory",
                                     "by_state_management", "by_rank", "age_bands"}
    assert set(total["age_bands"]) == {"<=30", "31-40", "41-50", "51-60", ">60"}


def test_report_quality_pdf_and_bad_suffix(demo_db, tmp_path):
    res = run("--db", str(demo_db), "report", "quality", "--as-of", "2022-06-30", "--out", str(tmp_path / "q.pdf"))
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")
    bad = run("--db", str(demo_db), "report", "quality", "--as-of", "2022-06-30", "--out", str(tmp_path / "q.doc"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_report_cv_of_a_demo_person_and_of_nobody(demo_db, tmp_path):
    out = tmp_path / "cv.pdf"
    res = run("--db", str(demo_db), "report", "cv", "--employee", "1", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "mẫu 2C-BNV/2008" in res.stdout and out.read_bytes().startswith(b"%PDF")
    missing = run("--db", str(demo_db), "report", "cv", "--employee", "99999", "--out", str(out))
    assert missing.returncode == 1 and "Không tìm thấy hồ sơ" in missing.stderr


def test_report_cv_2023_prints_the_national_form_and_refuses_nobody(demo_db, tmp_path):
    out = tmp_path / "tt06.pdf"
    res = run("--db", str(demo_db), "report", "cv-2023", "--person", "1", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "TT 06/2023/TT-BNV" in res.stdout and out.read_bytes().startswith(b"%PDF")
    missing = run("--db", str(demo_db), "report", "cv-2023", "--person", "99999", "--out", str(out))
    assert missing.returncode == 1 and "Không tìm thấy hồ sơ" in missing.stderr
    docx = run("--db", str(demo_db), "report", "cv-2023", "--person", "1", "--out", str(tmp_path / "tt06.xlsx"))
    assert docx.returncode == 2 and "Traceback" not in docx.stderr


def test_import_errors_show_a_cells_escape_sequence_as_its_code_not_to_the_terminal(db, tmp_path):
    """A workbook may carry control characters (OOXML writes ESC as _x001B_): echoed in an error line they would
    clear or repaint the officer's terminal. The line shows them as codes and stays one line per error."""
    from tests.io import crafted as c

    path = c.persons_book(tmp_path / "esc.xlsx", [c.person_values(unit="X_x001B_[2J_x000D_Y")])
    res = run("--db", str(db), "import", "employees", str(path))
    assert res.returncode == 1
    assert "\x1b" not in res.stderr and "\r" not in res.stderr
    assert "X\\x1b[2J Y" in res.stderr or "X\\x1b[2J\\x0dY" in res.stderr
    assert persons(db) == 0
