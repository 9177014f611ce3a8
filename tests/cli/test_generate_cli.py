"""The `generate` command: a small province from the command line, progress on stderr, one-line errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=300)


def test_generate_builds_the_province_and_reports_progress_on_stderr(tmp_path):
    db = tmp_path / "p.sqlite3"
    res = run("--db", str(db), "generate", "--employees", "200", "--units", "12", "--seed", "4",
              "--as-of", "31/12/2025")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("Đã sinh 200 người, 12 đơn vị (")
    assert "tính đến ngày 31/12/2025" in res.stdout
    lines = res.stderr.splitlines()
    assert any("Hồ sơ nhân sự: 200/200 (100%)" in line for line in lines)
    assert "Traceback" not in res.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM persons").fetchone() == (200,)
        assert conn.execute("SELECT COUNT(*) FROM org_units").fetchone() == (12,)


def test_quiet_prints_no_progress(tmp_path):
    res = run("--db", str(tmp_path / "p.sqlite3"), "generate", "--employees", "20", "--units", "3", "--quiet")
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""


def test_a_second_generation_is_refused_in_one_line(tmp_path):
    db = str(tmp_path / "p.sqlite3")
    assert run("--db", db, "generate", "--employees", "20", "--units", "3", "--quiet").returncode == 0
    res = run("--db", db, "generate", "--employees", "20", "--units", "3", "--quiet")
    assert res.returncode == 1
    assert res.stderr.strip() == "Lỗi: Cơ sở dữ liệu đã có dữ liệu; chỉ sinh dữ liệu giả lập vào cơ sở dữ liệu trống."


def test_bad_numbers_and_days_are_one_line_errors(tmp_path):
    db = str(tmp_path / "p.sqlite3")
    res = run("--db", db, "generate", "--employees", "0", "--units", "3")
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "Số người phải từ 1" in res.stderr
    res = run("--db", db, "generate", "--as-of", "31/02/2025")
    assert res.returncode == 2 and res.stderr.strip() == "Lỗi: ngày không hợp lệ: 31/02/2025 (ghi dd/mm/yyyy)"
