"""`agency show` / `agency set` from the command line: JSON out, one-line errors, and the staffing table printed
after `agency set` carries the new agency's letterhead."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hrapp.services.quotas import QuotaEntry, QuotaInput, set_quotas
from tests.services.org_builders import dec, person, sample_org

ROOT = Path(__file__).resolve().parents[2]
SET_ARGS = ("agency", "set", "--name", "Sở Nội vụ", "--parent", "UBND tỉnh Gia Lai", "--province", "Gia Lai",
            "--place", "Gia Lai", "--signer-title", "GIÁM ĐỐC", "--signer-name", "Nguyễn Văn An", "--prefix", "snv")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=180)


@pytest.fixture
def db(ctx, db_path):
    ctx.engine.dispose()
    return str(db_path)


def test_show_on_a_new_database_names_no_agency(db):
    res = run("--db", db, "agency", "show", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["configured"] is False and data["name"] == "" and data["parent_agency"] == ""
    text = run("--db", db, "agency", "show")
    assert "Chưa nhập thông tin cơ quan" in text.stdout and "Bình Định" not in text.stdout


def test_set_then_show_as_json(db):
    res = run("--db", db, *SET_ARGS, "--format", "json")
    assert res.returncode == 0, res.stderr
    shown = json.loads(run("--db", db, "agency", "show", "--format", "json").stdout)
    assert shown == {
        "name": "Sở Nội vụ", "parent_agency": "UBND tỉnh Gia Lai", "province": "gia_lai", "province_name": "Gia Lai",
        "place": "Gia Lai", "head_title": "GIÁM ĐỐC", "head_name": "Nguyễn Văn An", "deputy_title": "",
        "deputy_name": "", "preparer_name": "", "short": "SNV", "configured": True,
    }
    assert json.loads(res.stdout) == shown
    # later calls change only what they name
    again = run("--db", db, "agency", "set", "--place", "Pleiku", "--deputy-title", "PHÓ GIÁM ĐỐC", "--deputy-name",
                "Trần Văn C", "--format", "json")
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert (data["place"], data["name"], data["deputy_title"]) == ("Pleiku", "Sở Nội vụ", "PHÓ GIÁM ĐỐC")


@pytest.mark.parametrize("args, words", [
    (("agency", "set", "--name", "Sở Nội vụ", "--province", "Bình Định"), "'Bình Định' trong 34 tỉnh, thành phố từ 01/7/2025; Bình Định nay thuộc Gia Lai"),
    (("agency", "set", "--name", "Sở Nội vụ", "--province", "gia_lai"), "Chưa nhập cơ quan chủ quản."),
    (("agency", "set",), "chưa ghi mục nào"),
])
def test_bad_input_is_one_line_and_writes_nothing(db, args, words):
    res = run("--db", db, *args)
    assert res.returncode != 0
    assert res.stderr.count("\n") == 1 and words in res.stderr and "Traceback" not in res.stderr
    assert json.loads(run("--db", db, "agency", "show", "--format", "json").stdout)["name"] == ""


def test_provinces_lists_the_34(db):
    data = json.loads(run("--db", db, "agency", "provinces", "--format", "json").stdout)
    assert len(data["provinces"]) == 34 and "202/2025/QH15" in data["legal_basis"]


def test_the_staffing_table_after_agency_set_carries_the_new_letterhead(ctx, db_path, tmp_path):
    units = sample_org(ctx)
    set_quotas(ctx, QuotaInput(2022, (QuotaEntry(units["VP"], "cong_chuc", 5),), dec(date(2022, 1, 5), "10/QĐ-UBND")))
    person(ctx, "Nguyễn Văn An", units["VP"])
    ctx.engine.dispose()
    db = str(db_path)
    assert run("--db", db, *SET_ARGS).returncode == 0
    out = tmp_path / "bien_che.pdf"
    res = run("--db", db, "report", "staffing", "--year", "2022", "--as-of", "2022-06-30", "--out", str(out))
    assert res.returncode == 0, res.stderr
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(out)).pages)
    assert "SỞ NỘI VỤ" in text and "UBND TỈNH GIA LAI" in text and "Gia Lai, ngày" in text
    assert "Nguyễn Văn An" in text
    assert "BÌNH ĐỊNH" not in text and "KHOA HỌC VÀ CÔNG NGHỆ" not in text
