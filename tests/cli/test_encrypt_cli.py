"""Encryption from the command line: encrypt, open with HRAPP_DB_PASSPHRASE, one line for a wrong or missing
passphrase (nothing written), backups encrypted, restore of an encrypted backup, decrypt."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEY = "cụm mật khẩu của phòng tổ chức"
VARS = ("HRAPP_PASSWORD", "HRAPP_NEW_PASSWORD", "HRAPP_DB", "HRAPP_DB_PASSPHRASE", "HRAPP_NEW_DB_PASSPHRASE",
        "HRAPP_BACKUP_PASSPHRASE")


def run(*args: str, **env_extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in VARS}
    env.update(env_extra)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=180, stdin=subprocess.DEVNULL)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(res: subprocess.CompletedProcess) -> str:
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    return lines[0]


def test_encrypt_open_backup_restore_decrypt(demo_db, tmp_path):
    db = tmp_path / "hr.sqlite3"
    shutil.copyfile(demo_db, db)
    with closing(sqlite3.connect(db)) as con:
        cccd = con.execute("SELECT id_number FROM persons WHERE id_number IS NOT NULL LIMIT 1").fetchone()[0]
    listed = run("--db", str(demo_db), "employees", "list").stdout
    assert len(listed.splitlines()) > 100

    res = run("--db", str(db), "encrypt", HRAPP_NEW_DB_PASSPHRASE=KEY)
    assert res.returncode == 0, res.stderr
    assert "Đã mã hóa" in res.stdout and KEY not in res.stdout + res.stderr
    assert cccd.encode() not in db.read_bytes()

    before = digest(db)
    res = run("--db", str(db), "employees", "list")
    assert res.returncode == 1 and "HRAPP_DB_PASSPHRASE" in one_line(res)
    res = run("--db", str(db), "--lang", "en", "employees", "list", HRAPP_DB_PASSPHRASE="sai cụm mật khẩu")
    assert res.returncode == 1
    assert "passphrase does not open" in one_line(res)  # no traceback, no SQLCipher log on stderr
    assert digest(db) == before and not Path(f"{db}-wal").exists()

    res = run("--db", str(db), "employees", "list", HRAPP_DB_PASSPHRASE=KEY)
    assert res.returncode == 0, res.stderr
    assert res.stdout == listed

    saved = tmp_path / "saved.sqlite3"
    res = run("--db", str(db), "backup", str(saved), HRAPP_DB_PASSPHRASE=KEY)
    assert res.returncode == 0, res.stderr
    assert cccd.encode() not in saved.read_bytes() and not saved.read_bytes().startswith(b"SQLite format 3")

    res = run("--db", str(db), "decrypt", HRAPP_DB_PASSPHRASE=KEY)
    assert res.returncode == 0, res.stderr
    assert "Đã giải mã" in res.stdout and db.read_bytes().startswith(b"SQLite format 3")

    # an encrypted backup into the plain database: its passphrase is asked (here by the variable) and it stays
    # encrypted
    res = run("--db", str(db), "restore", str(saved), "--yes")
    assert res.returncode == 1 and "HRAPP_DB_PASSPHRASE" in one_line(res)
    res = run("--db", str(db), "restore", str(saved), "--yes", HRAPP_BACKUP_PASSPHRASE=KEY)
    assert res.returncode == 0, res.stderr
    assert "150 hồ sơ" in res.stdout
    assert cccd.encode() not in db.read_bytes()
    res = run("--db", str(db), "employees", "list", HRAPP_DB_PASSPHRASE=KEY)
    assert res.returncode == 0 and res.stdout == listed


def test_new_passphrase_needed_without_a_terminal(demo_db):
    before = digest(demo_db)
    res = run("--db", str(demo_db), "encrypt")
    assert res.returncode == 1 and "HRAPP_NEW_DB_PASSPHRASE" in one_line(res)
    res = run("--db", str(demo_db), "encrypt", HRAPP_NEW_DB_PASSPHRASE="ngắn")
    assert res.returncode == 1 and "ít nhất 10 ký tự" in one_line(res)
    assert digest(demo_db) == before
