"""The `generate` command: a small province from the command line, progress on stderr, one-line errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from hrapp.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]


def test_generate_builds_the_province_with_progress_and_refuses_a_second_time(tmp_path):
    db = tmp_path / "p.sqlite3"
    assert cli(["--db", str(db), "init"]) == 0
    args = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "generate", "--employees", "200", "--units",
            "12", "--seed", "4", "--as-of", "31/12/2025"]
    res = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("Đã sinh 200 người, 12 đơn vị (")
    assert "tính đến ngày 31/12/2025" in res.stdout
    assert any("Hồ sơ nhân sự: 200/200 (100%)" in line for line in res.stderr.splitlines())
    assert "Traceback" not in res.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM persons").fetchone() == (200,)
        assert conn.execute("SELECT COUNT(*) FROM org_units").fetchone() == (12,)
    again = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert again.returncode == 1
    assert again.stderr.strip() == ("Lỗi: Cơ sở dữ liệu đã có dữ liệu; chỉ sinh dữ liệu giả lập vào cơ sở dữ liệu "
                                    "trống.")


def test_quiet_prints_no_progress(tmp_path, capsys):
    assert cli(["--db", str(tmp_path / "p.sqlite3"), "init"]) == 0
    capsys.readouterr()
    assert cli(["--db", str(tmp_path / "p.sqlite3"), "generate", "--employees", "20", "--units", "3",
                "--quiet"]) == 0
    out = capsys.readouterr()
    assert out.err == "" and out.out.startswith("Đã sinh 20 người, 3 đơn vị")


def test_bad_numbers_and_days_are_one_line_errors(tmp_path, capsys):
    db = str(tmp_path / "p.sqlite3")
    assert cli(["--db", db, "init"]) == 0
    capsys.readouterr()
    assert cli(["--db", db, "generate", "--employees", "0", "--units", "3"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Số người phải từ 1" in err
    assert cli(["--db", db, "generate", "--as-of", "31/02/2025"]) == 2
    assert capsys.readouterr().err.strip() == "Lỗi: ngày không hợp lệ: '31/02/2025' (dùng dd/mm/yyyy hoặc yyyy-mm-dd)"
