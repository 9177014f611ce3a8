"""A mistyped database path is refused by every command but `init`, with one line, creating nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hrapp.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]

READING_AND_WRITING = [
    ["employees", "list", "--format", "json"],
    ["demo"],
    ["generate", "--employees", "5", "--units", "2", "--quiet"],
    ["report", "staffing", "--year", "2022", "--out", "{tmp}/b.json"],
    ["alerts", "--format", "json"],
    ["export", "employees", "{tmp}/x.xlsx"],
    ["import", "employees", "{tmp}/x.xlsx", "--dry-run"],
    ["backup", "{tmp}/b.sqlite3"],
    ["users", "list"],
    ["rules", "list", "--format", "json"],
    ["planning", "periods"],
    ["recruitment", "list"],
]


@pytest.mark.parametrize("command", READING_AND_WRITING, ids=lambda c: " ".join(c[:2]))
def test_a_missing_database_is_refused_and_nothing_is_created(tmp_path, capsys, command):
    wrong = tmp_path / "typo" / "path.sqlite3"
    code = cli(["--db", str(wrong), *(a.format(tmp=tmp_path) for a in command)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and f"Không tìm thấy cơ sở dữ liệu {wrong}" in err
    assert not wrong.parent.exists()


def test_init_creates_the_database_and_then_the_commands_work(tmp_path, capsys):
    db = tmp_path / "new" / "hr.sqlite3"
    assert cli(["--db", str(db), "init"]) == 0
    assert db.exists()
    capsys.readouterr()
    assert cli(["--db", str(db), "employees", "list", "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_the_variable_hrapp_db_is_checked_the_same_way(tmp_path):
    wrong = tmp_path / "nowhere.sqlite3"
    env = {"HRAPP_DB": str(wrong), "PATH": "/usr/bin:/bin", "HRAPP_TODAY": "2026-12-07"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "employees", "list"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == f"Lỗi: Không tìm thấy cơ sở dữ liệu {wrong}. Kiểm tra lại đường dẫn; để tạo mới, " \
                                  "dùng lệnh init."
    assert done.stdout == "" and not wrong.exists()
