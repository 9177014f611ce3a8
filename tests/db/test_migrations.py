"""The packaged migrations match the models, run on start, and refuse databases they do not know."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from hrapp.db.engine import make_engine, resolve_url
from hrapp.db.migrate import check_version, current_revisions, head_revisions, upgrade
from hrapp.db.models import Base
from hrapp.errors import DatabaseError


def test_models_and_migrations_do_not_differ(db_path):
    engine = make_engine(resolve_url(str(db_path)))
    upgrade(engine)
    with engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(mc, Base.metadata)
    assert diff == [], f"models and migrations differ; add a migration: {diff}"


def test_upgrade_creates_every_table_and_is_cheap_when_current(db_path):
    engine = make_engine(resolve_url(str(db_path)))
    assert upgrade(engine) is True
    assert upgrade(engine) is False
    assert current_revisions(engine) == head_revisions()
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_database_from_newer_version_is_refused_and_left_untouched(db_path):
    engine = make_engine(resolve_url(str(db_path)))
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    before = db_path.read_bytes()
    engine = make_engine(resolve_url(str(db_path)))
    with pytest.raises(DatabaseError) as err:
        upgrade(engine)
    assert err.value.code == "too_new"
    assert "phiên bản mới hơn" in err.value.message
    engine.dispose()
    assert db_path.read_bytes() == before


def test_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError) as err:
        check_version(make_engine(resolve_url(str(bad))))
    assert err.value.code == "unreadable"


def test_sqlite_database_of_another_program_is_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as err:
        upgrade(make_engine(resolve_url(str(other))))
    assert err.value.code == "foreign_db"


def test_sqlite_pragmas_are_set_on_every_connection_and_wal_once_the_file_is_checked(db_path):
    engine = make_engine(resolve_url(str(db_path)))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"  # nothing written before the check
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_db_variable_and_option_choose_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv("HRAPP_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url(None).endswith("/env.sqlite3")
    assert resolve_url(str(tmp_path / "opt.sqlite3")).endswith("/opt.sqlite3")
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("HRAPP_DB")
    monkeypatch.delenv("HRAPP_DATA_DIR")  # the system's per-user folder when no folder is named
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_url(None).endswith("/xdg/hrapp/hrapp.sqlite3")
    monkeypatch.setenv("HRAPP_DATA_DIR", str(tmp_path / "portable"))  # a named folder wins
    assert resolve_url(None).endswith("/portable/hrapp.sqlite3")
