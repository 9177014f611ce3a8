"""Administration from the command line: backup and restore round trip, confirmation, accounts and sign-in."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("HRAPP_PASSWORD", "HRAPP_NEW_PASSWORD", "HRAPP_DB")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=180, stdin=subprocess.DEVNULL)


def sql(db: Path, query: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as con:
        rows = con.execute(query).fetchall()
        con.commit()
        return rows


def add_person(db: Path, name: str) -> None:
    sql(db, "INSERT INTO persons (full_name, family_name, middle_name, given_name, name_folded, sort_key, gender, "
            "birth_date, birth_precision, status, row_version, created_at, updated_at) VALUES "
            f"('{name}', '', '', '{name}', '', '', 'F', '1985-05-01', 'day', 'working', 1, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')")


def names(db: Path) -> list[str]:
    return [r[0] for r in sql(db, "SELECT full_name FROM persons ORDER BY id")]


def test_backup_then_restore_round_trip(tmp_path):
    db = tmp_path / "hr.sqlite3"
    assert run("--db", str(db), "init").returncode == 0
    add_person(db, "Trước Sao Lưu")
    sql(db, "INSERT INTO attachments (kind, filename, mime, size, data, created_at) "
            "VALUES ('document', 'qd.pdf', 'application/pdf', 3, x'255044', '2026-01-01 00:00:00')")
    saved = tmp_path / "saved.sqlite3"

    res = run("--db", str(db), "backup", str(saved))
    assert res.returncode == 0, res.stderr
    assert "kiểm tra toàn vẹn: đạt" in res.stdout and "1 tệp đính kèm" in res.stdout

    add_person(db, "Sau Sao Lưu")
    res = run("--db", str(db), "restore", str(saved), "--yes")
    assert res.returncode == 0, res.stderr
    assert "Đã khôi phục" in res.stdout and "before-restore" in res.stdout
    assert names(db) == ["Trước Sao Lưu"]
    assert sql(db, "SELECT data FROM attachments") == [(b"%PD",)]
    (safety,) = tmp_path.glob("hr.before-restore-*.sqlite3")
    assert names(safety) == ["Trước Sao Lưu", "Sau Sao Lưu"]


def test_restore_without_yes_and_without_a_terminal_is_refused(tmp_path):
    db = tmp_path / "hr.sqlite3"
    run("--db", str(db), "init")
    saved = tmp_path / "saved.sqlite3"
    run("--db", str(db), "backup", str(saved))
    add_person(db, "Không Được Mất")
    res = run("--db", str(db), "restore", str(saved))
    assert res.returncode == 2
    assert "--yes" in res.stderr and "Traceback" not in res.stderr
    assert names(db) == ["Không Được Mất"]
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_of_a_file_that_is_not_a_backup_is_one_line(tmp_path):
    db = tmp_path / "hr.sqlite3"
    run("--db", str(db), "init")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk" * 1000)
    res = run("--db", str(db), "restore", str(junk), "--yes")
    assert res.returncode == 1
    assert len(res.stderr.strip().splitlines()) == 1 and "không phải bản sao lưu" in res.stderr


def test_with_accounts_on_admin_commands_need_user_and_password(tmp_path):
    db = tmp_path / "hr.sqlite3"
    run("--db", str(db), "init")
    res = run("--db", str(db), "users", "enable-accounts", "admin", "--full-name", "Quản Trị",
              env_extra={"HRAPP_NEW_PASSWORD": "Quantri2026"})
    assert res.returncode == 0, res.stderr

    res = run("--db", str(db), "backup", str(tmp_path / "b.sqlite3"))
    assert res.returncode == 1 and "--user" in res.stderr
    res = run("--db", str(db), "--user", "admin", "backup", str(tmp_path / "b.sqlite3"))
    assert res.returncode == 1 and "HRAPP_PASSWORD" in res.stderr  # no terminal to ask on
    res = run("--db", str(db), "--user", "admin", "backup", str(tmp_path / "b.sqlite3"),
              env_extra={"HRAPP_PASSWORD": "doan-sai-1"})
    assert res.returncode == 1 and "không đúng" in res.stderr
    assert not (tmp_path / "b.sqlite3").exists()

    ok = {"HRAPP_PASSWORD": "Quantri2026"}
    res = run("--db", str(db), "--user", "admin", "users", "add", "lan", "--role", "xem", "--full-name", "Trần Lan",
              env_extra={**ok, "HRAPP_NEW_PASSWORD": "Tamthoi2026"})
    assert res.returncode == 0, res.stderr
    res = run("--db", str(db), "--user", "admin", "users", "list", "--format", "json", env_extra=ok)
    listed = {u["username"]: u for u in json.loads(res.stdout)}
    assert listed["lan"]["role"] == "xem" and listed["lan"]["must_change_password"]

    as_lan = {"HRAPP_PASSWORD": "Tamthoi2026"}
    res = run("--db", str(db), "--user", "lan", "backup", str(tmp_path / "b.sqlite3"), env_extra=as_lan)
    assert res.returncode == 1 and "đổi mật khẩu" in res.stderr
    res = run("--db", str(db), "--user", "lan", "users", "change-password",
              env_extra={**as_lan, "HRAPP_NEW_PASSWORD": "Riengtu#2026"})
    assert res.returncode == 0, res.stderr
    res = run("--db", str(db), "--user", "lan", "backup", str(tmp_path / "b.sqlite3"),
              env_extra={"HRAPP_PASSWORD": "Riengtu#2026"})
    assert res.returncode == 1 and "không có quyền" in res.stderr

    res = run("--db", str(db), "--user", "admin", "backup", str(tmp_path / "b.sqlite3"), env_extra=ok)
    assert res.returncode == 0, res.stderr


def test_copy_to_an_empty_database_prints_matching_counts_and_refuses_a_second_time(tmp_path):
    db = tmp_path / "hr.sqlite3"
    run("--db", str(db), "init")
    add_person(db, "Nguyễn Văn An")
    target = tmp_path / "target.sqlite3"
    res = run("--db", str(db), "copy-to", str(target))
    assert res.returncode == 0, res.stderr
    assert "persons\t1" in res.stdout and "khớp" in res.stdout
    assert names(target) == ["Nguyễn Văn An"]
    again = run("--db", str(db), "copy-to", str(target))
    assert again.returncode == 1 and "đã có dữ liệu" in again.stderr


def test_a_damaged_database_can_be_restored_from_its_backup(tmp_path):
    db = tmp_path / "hr.sqlite3"
    run("--db", str(db), "init")
    add_person(db, "Cần Cứu")
    saved = tmp_path / "saved.sqlite3"
    assert run("--db", str(db), "backup", str(saved)).returncode == 0
    db.write_bytes(b"\x00damaged" * 4096)
    res = run("--db", str(db), "restore", str(saved), "--yes")
    assert res.returncode == 0, res.stderr
    assert names(db) == ["Cần Cứu"]
    (safety,) = tmp_path.glob("hr.before-restore-*.sqlite3")
    assert safety.read_bytes().startswith(b"\x00damaged")
