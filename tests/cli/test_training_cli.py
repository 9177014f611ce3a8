"""The `training` CLI contract on the demo department: gaps as JSON (all units and one unit), the plan as PDF, Excel
and JSON, the results report, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=180)


def test_gaps_json_follows_the_contract(demo_db):
    res = run("--db", str(demo_db), "training", "gaps", "--as-of", "2022-06-30", "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert rows
    for r in rows:
        assert {"employee_id", "full_name", "requirement", "source", "missing"} <= set(r)
        assert r["source"] in ("position", "planning")
        assert isinstance(r["employee_id"], int) and r["missing"].startswith("Thiếu ")
    planning = [r for r in rows if r["source"] == "planning"]
    assert [(r["full_name"], r["requirement"]) for r in planning] == [("Trần Thùy Hạnh", "LLCT Trung cấp")]
    assert "Phó Trưởng phòng Quản lý khoa học (quy hoạch 2026–2031)" in planning[0]["missing"]


def test_gaps_of_one_unit_and_an_unknown_unit(demo_db):
    res = run("--db", str(demo_db), "training", "gaps", "--unit", "TTPT", "--as-of", "2022-06-30", "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert rows and {r["unit_code"] for r in rows} == {"TTPT"}
    bad = run("--db", str(demo_db), "training", "gaps", "--unit", "KHONGCO", "--format", "json")
    assert bad.returncode != 0 and "KHONGCO" in bad.stderr and "Traceback" not in bad.stderr


def test_plan_prints_to_pdf_excel_and_json(demo_db, tmp_path):
    for suffix in ("pdf", "xlsx", "json"):
        out = tmp_path / f"plan.{suffix}"
        res = run("--db", str(demo_db), "training", "plan", "--year", "2022", "--out", str(out))
        assert res.returncode == 0, res.stderr
        assert "Đã ghi" in res.stdout
    data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert data["year"] == 2022 and data["decision"] == "43/KH-SKH&CN ngày 19/01/2022"
    assert sum(line["people"] for line in data["lines"]) == data["people"]
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "plan.pdf").pages)
    assert "KẾ HOẠCH" in text and "Kế hoạch số 43/KH-SKH&CN" in text and "Lý luận chính trị cao cấp" in text
    assert load_workbook(tmp_path / "plan.xlsx").sheetnames == ["Kế hoạch 2022", "Tổng hợp"]


def test_results_and_errors_are_one_line(demo_db, tmp_path):
    out = tmp_path / "results.json"
    res = run("--db", str(demo_db), "training", "results", "--year", "2022", "--as-of", "2022-06-30", "--out", str(out))
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert any(r["qualification_added"] for r in data["records"])
    missing = run("--db", str(demo_db), "training", "plan", "--year", "2030", "--out", str(tmp_path / "p.pdf"))
    assert missing.returncode != 0 and "năm 2030" in missing.stderr and "Traceback" not in missing.stderr
    wrong = run("--db", str(demo_db), "training", "plan", "--year", "2022", "--out", str(tmp_path / "p.doc"))
    assert wrong.returncode != 0 and len(wrong.stderr.strip().splitlines()) == 1
