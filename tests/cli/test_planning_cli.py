"""The `planning` CLI contract on the demo department: periods, check (JSON and text), printed documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def check_json(db: Path, period: str, as_of: str = "2022-06-30") -> dict:
    res = run("--db", str(db), "planning", "check", "--period", period, "--as-of", as_of, "--format", "json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_the_demo_holds_both_periods(demo_db):
    res = run("--db", str(demo_db), "planning", "periods", "--format", "json")
    assert res.returncode == 0, res.stderr
    periods = {p["period"]: p for p in json.loads(res.stdout)}
    assert set(periods) == {"2020-2025", "2026-2031"}
    assert periods["2020-2025"]["rule_version"] == "qd50_2021"
    assert periods["2026-2031"]["rule_version"] == "qd377_2025"
    assert all(p["posts"] == 20 and p["active_entries"] > 15 for p in periods.values())


def test_check_json_follows_the_contract_and_reports_the_failing_demo_entries(demo_db):
    data = check_json(demo_db, "2026-2031")
    assert data["period"] == "2026-2031"
    assert (data["check_date"], data["appointment_date"]) == ("2022-06-30", "2026-01-01")
    for entry in data["entries"]:
        assert {"employee_id", "full_name", "post", "unit_code", "eligible", "reasons"} <= set(entry)
        assert entry["eligible"] is (entry["reasons"] == [])
    failing = {e["full_name"]: e for e in data["entries"] if not e["eligible"]}
    codes = sorted(code for e in failing.values() for code in e["reason_codes"])
    assert codes == ["age", "qualification", "rating_kht"]
    too_old = next(e for e in failing.values() if e["reason_codes"] == ["age"])
    assert too_old["months_left"] < 60 and "Không đủ tuổi công tác trọn một nhiệm kỳ" in too_old["reasons"][0]
    no_llct = next(e for e in failing.values() if e["reason_codes"] == ["qualification"])
    assert no_llct["reasons"] == ["Chưa có trình độ lý luận chính trị (yêu cầu Trung cấp trở lên)."]
    kht = next(e for e in failing.values() if e["reason_codes"] == ["rating_kht"])
    assert kht["reasons"] == ["Năm 2021 xếp loại Không hoàn thành nhiệm vụ (KHT)."]
    for post in data["posts"]:
        assert {"post", "unit_code", "count", "max", "no_successor"} <= set(post)
        assert post["no_successor"] is (post["count"] == 0)
        assert post["count"] <= post["max"] == 3
    assert any(p["no_successor"] for p in data["posts"])
    assert data["people_over_limit"] == []
    structure = data["structure"]
    assert {"women_share", "under_40_share", "age_tiers"} <= set(structure)
    assert set(structure["age_tiers"]) == {"duoi_40", "tu_40_den_50", "tren_50"}
    assert sum(t["count"] for t in structure["age_tiers"].values()) == structure["people"]
    assert float(structure["women_share"]) >= 25


def test_the_earlier_period_keeps_its_history_and_its_own_rules(demo_db):
    data = check_json(demo_db, "2020–2025")
    assert data["rule"]["version"] == "qd50_2021"
    # the person rated KHT for 2021 is planned in both periods and fails here too
    assert [e["reason_codes"] for e in data["entries"] if not e["eligible"]] == [["rating_kht"]]


def test_check_text_lists_the_reasons(demo_db):
    res = run("--db", str(demo_db), "planning", "check", "--period", "2026-2031", "--as-of", "2022-06-30")
    assert res.returncode == 0, res.stderr
    assert "CHƯA ĐẠT" in res.stdout
    assert "\t- Chưa có trình độ lý luận chính trị (yêu cầu Trung cấp trở lên)." in res.stdout
    assert "chưa có người quy hoạch" in res.stdout


def test_an_unknown_period_is_one_line_and_non_zero(demo_db):
    res = run("--db", str(demo_db), "planning", "check", "--period", "2040-2045", "--format", "json")
    assert res.returncode == 1
    assert res.stderr.strip() == "Lỗi: Không có giai đoạn quy hoạch '2040-2045'."


def test_print_writes_the_planning_list_pdf(demo_db, tmp_path):
    out = tmp_path / "quy_hoach.pdf"
    res = run("--db", str(demo_db), "planning", "print", "--period", "2026-2031", "--as-of", "2022-06-30",
              "--out", str(out))
    assert res.returncode == 0, res.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "DANH SÁCH" in text and "giai đoạn 2026–2031" in text
    assert "Chưa đạt" in text


def test_print_refuses_an_unknown_format(demo_db, tmp_path):
    res = run("--db", str(demo_db), "planning", "print", "--period", "2026-2031", "--out", str(tmp_path / "x.doc"))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "x.doc").exists()
