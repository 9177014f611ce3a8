"""The command line on a PostgreSQL server with the same code as on SQLite: init, demo, employees list,
report staffing, alerts, and sign-in when accounts are on (skipped without HRAPP_TEST_POSTGRES_URL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("HRAPP_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="needs HRAPP_TEST_POSTGRES_URL (.ci/services starts a server)")


def run(url: str, *args: str, password: str | None = None, new_password: str | None = None
        ) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("HRAPP_PASSWORD", "HRAPP_NEW_PASSWORD", "HRAPP_DB")}
    if password is not None:
        env["HRAPP_PASSWORD"] = password
    if new_password is not None:
        env["HRAPP_NEW_PASSWORD"] = new_password
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", url, *args], capture_output=True,
                          text=True, env=env, timeout=600, stdin=subprocess.DEVNULL)


def _admin():
    return create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")


@contextmanager
def new_database(tag: str) -> Iterator[str]:
    """A new, empty database on the server for the duration of the block."""
    name = f"hrapp_cli_{tag}_{os.getpid()}"
    engine = _admin()
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


@pytest.fixture(scope="module")
def server_db() -> Iterator[str]:
    """A new database on the server with the demo department, both made by the CLI itself."""
    with new_database("demo") as url:
        yield _loaded(url)


def _loaded(url: str) -> str:
    init = run(url, "init")
    assert init.returncode == 0, init.stderr
    assert "Cơ sở dữ liệu sẵn sàng: postgresql+psycopg://" in init.stdout
    demo = run(url, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "150 người" in demo.stdout and "{" not in demo.stdout
    return url


def test_a_second_init_and_demo_leave_the_data_as_it_is(server_db):
    assert run(server_db, "init").returncode == 0
    again = run(server_db, "demo")
    assert again.returncode == 1
    assert "chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống" in again.stderr


def test_employees_list_on_the_server(server_db):
    res = run(server_db, "employees", "list", "--format", "json")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert len(rows) == 146  # the 150 people of the demo less those who have left
    assert {"id", "full_name", "birth_date", "unit_code", "rank_code", "coefficient"} <= set(rows[0])
    found = run(server_db, "employees", "list", "--search", "nguyen van", "--format", "json")
    assert found.returncode == 0 and 0 < len(json.loads(found.stdout)) < len(rows)


def test_report_staffing_on_the_server(server_db, tmp_path):
    out = tmp_path / "bien-che.pdf"
    res = run(server_db, "report", "staffing", "--year", "2022", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"Đã ghi {out} (năm 2022, tính đến 31/12/2022; ")
    assert out.read_bytes()[:5] == b"%PDF-"
    data = tmp_path / "bien-che.json"
    assert run(server_db, "report", "staffing", "--year", "2022", "--out", str(data)).returncode == 0
    assert json.loads(data.read_text(encoding="utf-8"))


def test_alerts_on_the_server(server_db):
    res = run(server_db, "alerts", "--days", "3650", "--format", "json")
    assert res.returncode == 0, res.stderr
    alerts = json.loads(res.stdout)
    assert alerts and {"kind", "due_date", "full_name"} <= set(alerts[0])


def test_accounts_on_the_server_need_a_sign_in():
    with new_database("accounts") as url:
        assert run(url, "init").returncode == 0
        res = run(url, "users", "enable-accounts", "admin", new_password="Quantri#2026")
        assert res.returncode == 0, res.stderr
        refused = run(url, "demo")
        assert refused.returncode == 1 and "--user" in refused.stderr
        loaded = run(url, "--user", "admin", "demo", password="Quantri#2026")
        assert loaded.returncode == 0, loaded.stderr
        assert run(url, "employees", "list").returncode == 1
        signed = run(url, "--user", "admin", "employees", "list", "--format", "json", password="Quantri#2026")
        assert signed.returncode == 0, signed.stderr
        assert len(json.loads(signed.stdout)) == 146
