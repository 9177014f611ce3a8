"""With accounts on, commands that read or change data sign in with --user and the password from
HRAPP_PASSWORD; the role is checked (import needs the write right) and a unit-limited account sees its units."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from hrapp.context import ServiceContext
from hrapp.db.models import OrgUnit
from hrapp.services import accounts
from hrapp.services.accounts import NewUser
from tests.io.generate import generate_import_file

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PW = "Quantri#2026"
PW = "Matkhau123"


def run(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("HRAPP_PASSWORD", "HRAPP_NEW_PASSWORD", "HRAPP_DB")}
    if password is not None:
        env["HRAPP_PASSWORD"] = password
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env,
                          timeout=300, stdin=subprocess.DEVNULL)


def persons(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM persons").fetchone()[0]


@pytest.fixture
def db(ctx, db_path) -> Path:
    """Two units, accounts on: 'admin', the officer 'lan', the read-only 'khach' (passwords already chosen)."""
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])
    accounts.enable_accounts(ctx, "admin", ADMIN_PW)
    for name, role in (("lan", "to_chuc_can_bo"), ("khach", "xem")):
        accounts.create_user(ctx, NewUser(name, "Tamthoi123", role))
        accounts.change_password(ctx, name, "Tamthoi123", PW)
    ctx.engine.dispose()
    return db_path


def test_import_without_user_is_refused_and_writes_nothing(db, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 10, seed=3)
    res = run("--db", str(db), "import", "employees", str(path))
    assert res.returncode == 1
    assert res.stderr.strip() == ("Lỗi: Cơ sở dữ liệu đã bật tài khoản: hãy chạy lệnh với --user TÊN_ĐĂNG_NHẬP "
                                  "(mật khẩu trong biến HRAPP_PASSWORD hoặc nhập khi được hỏi).")
    assert persons(db) == 0


def test_import_needs_the_right_password_and_the_write_right(db, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 10, seed=3)
    wrong = run("--db", str(db), "--user", "lan", "import", "employees", str(path), password="sai-mat-khau-1")
    assert wrong.returncode == 1 and "Tên đăng nhập hoặc mật khẩu không đúng." in wrong.stderr
    viewer = run("--db", str(db), "--user", "khach", "import", "employees", str(path), password=PW)
    assert viewer.returncode == 1 and "không có quyền thêm, sửa dữ liệu" in viewer.stderr
    assert persons(db) == 0
    officer = run("--db", str(db), "--user", "lan", "import", "employees", str(path), password=PW)
    assert officer.returncode == 0, officer.stderr
    assert persons(db) == 10


def test_demo_on_an_empty_database_with_accounts_needs_a_sign_in(tmp_path):
    db = tmp_path / "empty.sqlite3"
    assert run("--db", str(db), "init").returncode == 0
    ctx = ServiceContext.open(str(db))
    accounts.enable_accounts(ctx, "admin", ADMIN_PW)
    ctx.engine.dispose()
    refused = run("--db", str(db), "demo")
    assert refused.returncode == 1 and "--user" in refused.stderr
    assert persons(db) == 0
    loaded = run("--db", str(db), "--user", "admin", "demo", password=ADMIN_PW)
    assert loaded.returncode == 0, loaded.stderr
    assert persons(db) > 100


def test_reading_commands_sign_in_too_and_a_unit_limited_account_sees_its_units(db, tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 30, seed=5)
    assert run("--db", str(db), "--user", "lan", "import", "employees", str(path), password=PW).returncode == 0
    assert run("--db", str(db), "employees", "list").returncode == 1
    everyone = run("--db", str(db), "--user", "khach", "employees", "list", "--format", "json", password=PW)
    assert everyone.returncode == 0, everyone.stderr
    rows = json.loads(everyone.stdout)
    assert len(rows) == 30 and {r["unit_code"] for r in rows} == {"VP", "QLKH"}
    ctx = ServiceContext.open(str(db))
    accounts.sign_in(ctx, "admin", ADMIN_PW)
    with ctx.read() as s:
        vp = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "VP"))
    accounts.create_user(ctx, NewUser("vp.xem", "Tamthoi123", "xem", unit_scope=(vp,)))
    accounts.change_password(ctx, "vp.xem", "Tamthoi123", PW)
    ctx.engine.dispose()
    mine = run("--db", str(db), "--user", "vp.xem", "employees", "list", "--format", "json", password=PW)
    assert mine.returncode == 0, mine.stderr
    mine_rows = json.loads(mine.stdout)
    assert mine_rows and {r["unit_code"] for r in mine_rows} == {"VP"}
    assert len(mine_rows) == sum(1 for r in rows if r["unit_code"] == "VP")
