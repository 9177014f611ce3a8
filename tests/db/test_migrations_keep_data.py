"""Upgrading keeps every row: a database filled at the first migration survives the whole chain intact;
a migration that fails halfway leaves the database exactly as it was."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    select,
)

from hrapp.db import migrate
from hrapp.db.engine import make_engine, resolve_url
from hrapp.errors import DatabaseError

ROWS_PER_TABLE = 3


def _value(table: Table, column, i: int, written: dict[str, list[dict]], rows: list[dict]):
    """A plausible value of the column's type for row i (1-based), valid for the schema's keys and checks."""
    if column.foreign_keys:
        (fk,) = column.foreign_keys
        target = fk.column
        if target.table.name == table.name:  # self reference: the previous row (the first has none)
            return rows[i - 2][target.name] if i > 1 else None
        return written[target.table.name][i - 1][target.name]
    t = column.type
    name = column.name
    if isinstance(t, Boolean):
        return i % 2 == 0
    if isinstance(t, Integer):
        if column.primary_key:
            return i
        if name == "level":  # competency level, CHECK 1..5
            return 1 + i % 5
        return 10 * i
    if isinstance(t, Numeric):
        return Decimal(f"{i}.5") if (t.scale or 0) >= 1 else Decimal(i)
    if isinstance(t, DateTime):
        return dt.datetime(2020, 1, i, 8, 30, i)
    if isinstance(t, Date):
        return dt.date(2019, 2, i)
    if isinstance(t, JSON):
        return {"row": i, "chữ": "có dấu"}
    if isinstance(t, LargeBinary):
        return bytes(range(i, i + 50)) * 3
    if isinstance(t, String) and not isinstance(t, Text) and t.length:
        return f"{name[:8]}-{i}-Đ"[: t.length]
    return f"{name} số {i} — tiếng Việt"


def _fill_every_table(engine) -> dict[str, list[dict]]:
    md = MetaData()
    md.reflect(engine)
    written: dict[str, list[dict]] = {}
    with engine.begin() as conn:
        for table in md.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows: list[dict] = []
            for i in range(1, ROWS_PER_TABLE + 1):
                rows.append({c.name: _value(table, c, i, written, rows) for c in table.columns})
            conn.execute(table.insert(), rows)
            written[table.name] = rows
    return written


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


PG_URL = os.environ.get("HRAPP_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def first_revision_db(request: pytest.FixtureRequest, db_path: Path):
    """A database at the first revision: a SQLite file, and a new PostgreSQL database when a server is set."""
    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip("HRAPP_TEST_POSTGRES_URL is not set")
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        name = f"mig_{uuid.uuid4().hex[:12]}"
        admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
        request.addfinalizer(lambda: _drop(admin, name))
        engine = make_engine(url)
    else:
        engine = make_engine(resolve_url(str(db_path)))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    assert migrate.current_revisions(engine) == {"0001"}
    yield engine
    engine.dispose()


def _drop(admin, name: str) -> None:
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def test_every_row_of_the_first_schema_survives_the_upgrade_to_the_newest(first_revision_db):
    engine = first_revision_db
    written = _fill_every_table(engine)
    assert len(written) >= 20, "the first migration's tables were not all filled"

    assert migrate.upgrade(engine) is True
    assert migrate.current_revisions(engine) == migrate.head_revisions()

    md = MetaData()
    md.reflect(engine)
    with engine.connect() as conn:
        for name, rows in written.items():
            table = md.tables[name]
            pk = [c for c in table.primary_key.columns]
            stored = [r._asdict() for r in conn.execute(select(table).order_by(*pk))]
            assert len(stored) == len(rows), f"{name}: rows lost"
            for before, after in zip(sorted(rows, key=lambda r: [r[c.name] for c in pk]), stored, strict=True):
                for col, value in before.items():
                    assert col in after, f"{name}.{col} disappeared"
                    got = after[col]
                    if isinstance(value, Decimal):
                        got = Decimal(str(got))
                    assert got == value, f"{name}.{col}: {value!r} became {got!r}"


FAILING_MIGRATION = '''"""A migration that fails halfway (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "9999_fails_halfway"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("added_then_lost", sa.Integer, nullable=True))
    op.execute("UPDATE persons SET full_name = 'CHANGED'")
    op.execute("DELETE FROM family_members")
    raise RuntimeError("migration broke in the middle")


def downgrade():
    pass
'''


@pytest.fixture
def filled_newest_db(db_path: Path) -> Path:
    """A SQLite file filled at the first revision (whose checks are fixed), then brought to the newest."""
    engine = make_engine(resolve_url(str(db_path)))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    _fill_every_table(engine)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return db_path


def test_a_failed_migration_leaves_the_database_exactly_as_it_was(filled_newest_db, tmp_path, monkeypatch):
    db_path = filled_newest_db
    before = _dump(db_path)

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (down,) = migrate.head_revisions()
    (scripts / "versions" / "9999_fails_halfway.py").write_text(FAILING_MIGRATION.format(down=down), encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)

    engine = make_engine(resolve_url(str(db_path)))
    with pytest.raises(DatabaseError) as err:
        migrate.upgrade(engine)
    assert err.value.code == "migration_failed"
    assert "dữ liệu giữ nguyên" in err.value.message
    engine.dispose()

    assert _dump(db_path) == before


def test_schema_changes_that_rebuild_a_parent_table_do_not_cascade_deletes(filled_newest_db, tmp_path, monkeypatch):
    """SQLite rebuilds a table to alter it; with foreign keys on, dropping the old copy would delete the children."""
    db_path = filled_newest_db
    engine = make_engine(resolve_url(str(db_path)))
    with engine.connect() as conn:
        children = conn.exec_driver_sql("SELECT count(*) FROM family_members").scalar()
    engine.dispose()
    assert children == ROWS_PER_TABLE

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (down,) = migrate.head_revisions()
    (scripts / "versions" / "9998_rebuild_persons.py").write_text(
        f'''"""Rebuild persons (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "9998_rebuild_persons"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("persons", recreate="always") as batch:
        batch.add_column(sa.Column("extra_note", sa.Text, nullable=True))


def downgrade():
    pass
''', encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)

    engine = make_engine(resolve_url(str(db_path)))
    assert migrate.upgrade(engine) is True
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM family_members").scalar() == children
        assert conn.exec_driver_sql("SELECT count(*) FROM persons").scalar() == ROWS_PER_TABLE
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
