"""The headless CLI contract of the foundation: init, employees list, one-line errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_init_creates_the_database_and_is_repeatable(tmp_path):
    db = tmp_path / "a.sqlite3"
    first = run("--db", str(db), "init")
    assert first.returncode == 0, first.stderr
    assert db.exists()
    second = run("--db", str(db), "init")
    assert second.returncode == 0, second.stderr


def test_hrapp_db_variable_is_used_when_no_option(tmp_path):
    db = tmp_path / "env.sqlite3"
    res = run("init", env_extra={"HRAPP_DB": str(db)})
    assert res.returncode == 0, res.stderr
    assert db.exists()


def test_employees_list_json_on_empty_database(tmp_path):
    db = tmp_path / "a.sqlite3"
    assert run("--db", str(db), "init").returncode == 0
    res = run("--db", str(db), "employees", "list", "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == []


def test_unknown_option_is_one_line_and_non_zero():
    res = run("--bogus")
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_broken_database_file_is_one_line_and_non_zero(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    res = run("--db", str(bad), "employees", "list", "--format", "json")
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert "cơ sở dữ liệu" in res.stderr


def test_unknown_unit_is_reported(tmp_path):
    db = tmp_path / "a.sqlite3"
    assert run("--db", str(db), "init").returncode == 0
    res = run("--db", str(db), "employees", "list", "--format", "json", "--unit", "NOPE")
    assert res.returncode != 0
    assert "NOPE" in res.stderr and "Traceback" not in res.stderr
