"""`report staffing`, `report staff-list` and `report position` from the command line: the suffix picks
the format, bad input gives one line on stderr and a non-zero exit, and no file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from hrapp.services.positions import PositionInput, approve_position, create_position
from hrapp.services.quotas import QuotaEntry, QuotaInput, set_quotas
from tests.services.org_builders import dec, person, sample_org

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=180)


@pytest.fixture
def db(ctx, db_path):
    units = sample_org(ctx)
    set_quotas(ctx, QuotaInput(2022, (
        QuotaEntry(units["VP"], "cong_chuc", 5), QuotaEntry(units["TT"], "vien_chuc", 6),
        QuotaEntry(units["VP"], "hop_dong", 2)), dec(date(2022, 1, 5), "10/QĐ-UBND")))
    person(ctx, "Nguyễn Văn An", units["VP"])
    person(ctx, "Trần Thị Bình", units["VP"], end=date(2022, 6, 29))
    person(ctx, "Lê Văn Cường", units["TT.KT"], "vien_chuc", start=date(2022, 6, 30))
    pos = create_position(ctx, PositionInput(units["VP"], "VP.VT", "Văn thư", "ho_tro"))
    approve_position(ctx, pos.id, dec(date(2022, 1, 10), "8/QĐ"))
    ctx.engine.dispose()
    return str(db_path)


def test_staffing_json_on_a_date(db, tmp_path):
    out = tmp_path / "bc.json"
    res = run("--db", db, "report", "staffing", "--year", "2022", "--as-of", "2022-06-30", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "Đã ghi" in res.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["year"], data["as_of"]) == (2022, "2022-06-30")
    assert data["totals"]["cong_chuc"] == {"quota": 5, "actual": 1, "in_recruitment": 0, "vacancy": 4}
    assert data["totals"]["vien_chuc"] == {"quota": 6, "actual": 1, "in_recruitment": 0, "vacancy": 5}
    vp = next(u for u in data["units"] if u["code"] == "VP" and u["category"] == "cong_chuc")
    assert set(vp) == {"code", "name", "parent_code", "category", "quota", "actual", "in_recruitment", "vacancy"}
    assert vp["parent_code"] == "SO"


def test_staffing_date_may_be_written_day_first(db, tmp_path):
    out = tmp_path / "bc.json"
    res = run("--db", db, "report", "staffing", "--year", "2022", "--as-of", "29/06/2022", "--out", str(out))
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["as_of"] == "2022-06-29"
    assert data["totals"]["cong_chuc"]["actual"] == 2  # Bình's last day; Cường not yet started
    assert data["totals"]["vien_chuc"]["actual"] == 0


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".csv"])
def test_staffing_other_formats_by_suffix(db, tmp_path, suffix):
    out = tmp_path / f"bc{suffix}"
    res = run("--db", db, "report", "staffing", "--year", "2022", "--as-of", "2022-06-30", "--by-position",
              "--out", str(out))
    assert res.returncode == 0, res.stderr
    head = out.read_bytes()[:4]
    assert head == {".pdf": b"%PDF", ".xlsx": b"PK\x03\x04", ".csv": b"\xef\xbb\xbfc"}[suffix]
    if suffix == ".xlsx":
        assert openpyxl.load_workbook(out).sheetnames == ["Biên chế", "Vị trí việc làm"]


@pytest.mark.parametrize(("args", "message"), [
    (["--year", "1989"], "1990–2100"),
    (["--year", "hai nghìn"], "năm không hợp lệ"),
    (["--year", "2022", "--as-of", "31/02/2022"], "ngày không hợp lệ"),
])
def test_staffing_bad_input_is_one_line_on_stderr(db, tmp_path, args, message):
    out = tmp_path / "bc.pdf"
    res = run("--db", db, "report", "staffing", *args, "--out", str(out))
    assert res.returncode == 2
    assert message in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.stderr
    assert not out.exists()


def test_staffing_unknown_suffix_is_refused(db, tmp_path):
    res = run("--db", db, "report", "staffing", "--year", "2022", "--out", str(tmp_path / "bc.docx"))
    assert res.returncode == 2 and ".pdf, .xlsx, .csv, .json" in res.stderr
    assert not (tmp_path / "bc.docx").exists()


def test_staff_list_of_one_unit(db, tmp_path):
    out = tmp_path / "ds.xlsx"
    res = run("--db", db, "report", "staff-list", "--unit", "TT", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "(1 người)" in res.stdout
    names = [r[1] for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True)]
    assert "Lê Văn Cường" in names and "Nguyễn Văn An" not in names


def test_staff_list_of_an_unknown_unit_fails_cleanly(db, tmp_path):
    res = run("--db", db, "report", "staff-list", "--unit", "KHONG", "--out", str(tmp_path / "ds.pdf"))
    assert res.returncode == 1
    assert res.stderr.strip() == "Lỗi: Không có đơn vị mã 'KHONG'."


def test_position_description_by_code(db, tmp_path):
    out = tmp_path / "vt.pdf"
    res = run("--db", db, "report", "position", "--code", "VP.VT", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert out.read_bytes().startswith(b"%PDF")
    missing = run("--db", db, "report", "position", "--code", "VP.XX", "--out", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1 and "VP.XX" in missing.stderr
