"""Shared fixtures: a fresh database per test, and the demo department built once per session and copied."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HRAPP_TESTING", "1")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hr.sqlite3"


@pytest.fixture
def ctx(db_path: Path):
    """A ServiceContext over a new SQLite file with the schema and the reference data."""
    from hrapp.services.setup import init_database

    context = init_database(str(db_path))
    context.user = "tester"
    yield context
    context.engine.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo department built once; tests get their own copy (see `demo_db`)."""
    from hrapp.services.demo import load_demo
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
    from hrapp.services.context import ServiceContext

    context = ServiceContext.open(str(demo_db))
    context.user = "tester"
    yield context
    context.engine.dispose()
