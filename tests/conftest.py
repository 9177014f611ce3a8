"""Shared fixtures: a fresh database per test, and the demo department built once per session and copied."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HRAPP_TESTING", "1")
# The failures tests provoke are logged (hrapp.logs) in a folder of the run, not in the user's data folder.
os.environ.setdefault("HRAPP_LOG", os.path.join(tempfile.mkdtemp(prefix="hrapp-test-log-"), "hrapp.log"))
# The default database, its daily backups and the documents live in a folder of the run too: a backup another run
# (or the officer) left in the user's folder is never listed, restored or overwritten by a test.
os.environ["HRAPP_DATA_DIR"] = os.environ.get("HRAPP_TEST_DATA_DIR") or tempfile.mkdtemp(prefix="hrapp-test-data-")


def _test_day():
    """The day the whole suite runs on: HRAPP_TEST_TODAY (CI moves it a year ahead, to a month's last day),
    else the real date, fixed once for the run so that a test crossing midnight still sees one day."""
    from datetime import date, datetime

    text = os.environ.get("HRAPP_TEST_TODAY", "").strip()
    return datetime.strptime(text, "%Y-%m-%d").date() if text else date.today()


TEST_DAY = _test_day()
# The app's clock (hrapp.clock) and every process the tests start (CLI commands, import children) read it.
os.environ["HRAPP_TODAY"] = TEST_DAY.isoformat()
os.environ["HRAPP_TEST_TODAY"] = TEST_DAY.isoformat()  # xdist workers inherit the controller's day


@pytest.fixture(autouse=True)
def _one_clock():
    """Each test starts on the suite's day; a test that moves the clock does not move it for the next."""
    from hrapp import clock

    clock.set_today(TEST_DAY)
    yield
    clock.set_today(TEST_DAY)


@pytest.fixture(autouse=True)
def _no_forgotten_modal(request: pytest.FixtureRequest):
    """A message box or dialog nobody answers would hang the run (a modal loop waits for a click): after 15 s
    the watchdog closes it and the test fails with its text, instead of CI waiting until it is killed."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    seen: dict[int, int] = {}
    left: list[str] = []

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            seen.clear()
            return
        ticks = seen.get(id(widget), 0) + 1
        seen[id(widget)] = ticks
        if ticks >= 30:  # 30 × 500 ms
            text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
            left.append(f"{type(widget).__name__}: {text}")
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()

    timer = QTimer()
    timer.setInterval(500)
    timer.timeout.connect(look)
    timer.start()
    yield
    timer.stop()
    assert left == [], "a modal window was left waiting for an answer"


@pytest.fixture
def today():
    """The suite's day (what `hrapp.clock.today()` answers unless a test sets another)."""
    return TEST_DAY


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hr.sqlite3"


PG_URL = os.environ.get("HRAPP_TEST_POSTGRES_URL")
BOTH_BACKENDS = ("tests/db/", "tests/services/")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Database and service tests run on SQLite and, when a server is configured, on PostgreSQL too."""
    if "ctx" not in metafunc.fixturenames or not PG_URL:
        return
    path = str(metafunc.definition.path).replace(os.sep, "/")
    if any(part in path for part in BOTH_BACKENDS):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_template() -> str:
    """A PostgreSQL database migrated and seeded once; each test gets a copy made from it."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from hrapp.services.setup import init_database

    name = f"hrapp_tpl_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"  # one per parallel test process
    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    context = init_database(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    context.engine.dispose()
    admin.dispose()
    return name


def _pg_copy(template: str, name: str) -> str:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _pg_drop(name: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def ctx(db_path: Path, backend: str, request: pytest.FixtureRequest):
    """A ServiceContext over a new database (SQLite file, or a PostgreSQL copy) with the reference data."""
    from hrapp.context import ServiceContext

    if backend == "postgresql":
        name = f"t_{abs(hash(request.node.nodeid)) % 10**12}"
        context = ServiceContext.open(_pg_copy(request.getfixturevalue("pg_template"), name), migrate=False)
        context.user = "tester"
        yield context
        context.engine.dispose()
        _pg_drop(name)
        return
    shutil.copyfile(request.getfixturevalue("sqlite_template"), db_path)
    context = ServiceContext.open(str(db_path), migrate=False)
    context.user = "tester"
    yield context
    context.engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database migrated and seeded once (WAL folded in); each test gets a copy of the file."""
    from hrapp.services.setup import init_database

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    context = init_database(str(path))
    with context.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    context.engine.dispose()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo department built once; tests get their own copy (see `demo_db`)."""
    from hrapp.demo.department import load_demo
    from hrapp.services.setup import init_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    context = init_database(str(path))
    load_demo(context)
    with context.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    context.engine.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database file."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_ctx(demo_db: Path):
    from hrapp.context import ServiceContext

    context = ServiceContext.open(str(demo_db), migrate=False)
    context.user = "tester"
    yield context
    context.engine.dispose()
