"""Restore checks what integrity_check does not: dangling foreign keys, the schema (every table and column of
this version) and the revision; a refused backup is one line and the current database keeps every byte."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from hrapp import messages
from hrapp.cli import main as cli
from hrapp.context import ServiceContext
from hrapp.db.models import Base
from hrapp.errors import DatabaseError
from hrapp.services import backup as bk
from tests.db.test_backup import add_people


@pytest.fixture(autouse=True)
def _vietnamese_after():
    yield
    messages.set_language("vi")  # `--lang en` sets the language of the whole process


def _dangling(path: Path) -> None:
    """A person removed with the foreign keys off: the scanned decision still points at it."""
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("DELETE FROM persons WHERE id = (SELECT min(person_id) FROM attachments)")
        con.commit()
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # what the old check looked at


def _leaf_table() -> str:
    """A table of the schema that no other table refers to (dropping it leaves no reference dangling)."""
    referred = {fk.column.table.name for t in Base.metadata.sorted_tables for fk in t.foreign_keys}
    return next(t.name for t in reversed(Base.metadata.sorted_tables) if t.name not in referred)


def _missing_table(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute(f'DROP TABLE "{_leaf_table()}"')
        con.commit()


def _missing_column(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("ALTER TABLE persons DROP COLUMN phone")
        con.commit()


def _newer(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_future'")
        con.commit()


CRAFTED = {"dangling reference": (_dangling, "backup_dangling"), "missing table": (_missing_table, "backup_schema"),
           "missing column": (_missing_column, "backup_schema"), "newer version": (_newer, "backup_too_new")}


def _settled_hash(ctx: ServiceContext, db: Path) -> str:
    """The database file's bytes once this app's connections are closed (the WAL folded in)."""
    ctx.engine.dispose()
    return hashlib.sha256(db.read_bytes()).hexdigest()


@pytest.fixture
def crafted(ctx, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")

    def make(kind: str) -> tuple[Path, str]:
        add_people(ctx, ["Nguyễn Văn An", "Trần Thị Bình"], with_scan=True)
        path = tmp_path / "backups" / f"{kind.replace(' ', '-')}.sqlite3"
        path.parent.mkdir(exist_ok=True)  # a named folder must exist (the application makes none)
        bk.backup(ctx, path)
        spoil, code = CRAFTED[kind]
        spoil(path)
        return path, code

    return make


@pytest.mark.parametrize("kind", list(CRAFTED))
def test_a_crafted_backup_is_refused_and_the_current_database_keeps_every_byte(kind, crafted, ctx, db_path):
    backup, code = crafted(kind)
    backup_bytes = backup.read_bytes()
    before = _settled_hash(ctx, db_path)
    files = sorted(p.name for p in db_path.parent.iterdir())

    with pytest.raises(DatabaseError) as shown:
        bk.inspect_backup(backup)  # what the GUI shows before asking
    assert shown.value.code == code
    with pytest.raises(DatabaseError) as refused:
        bk.restore(ctx, backup)
    assert refused.value.code == code
    assert "\n" not in refused.value.message
    if code != "backup_too_new":
        assert "giữ nguyên" in refused.value.message and "unchanged" in refused.value.worded("en")

    assert _settled_hash(ctx, db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files  # no copy "before-restore", no leftover
    assert backup.read_bytes() == backup_bytes


@pytest.mark.parametrize("kind", ["dangling reference", "missing table"])
def test_the_command_line_refuses_a_crafted_backup_in_one_line(kind, crafted, ctx, db_path, capsys):
    backup, _code = crafted(kind)
    before = _settled_hash(ctx, db_path)
    assert cli(["--db", str(db_path), "--lang", "en", "restore", str(backup), "--yes"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "Not restored; the current database is unchanged." in captured.err
    assert _settled_hash(ctx, db_path) == before


def test_a_backup_that_passes_every_check_is_still_restored(crafted, ctx, db_path, tmp_path):
    add_people(ctx, ["Lê Văn Cường"])
    good = tmp_path / "good.sqlite3"
    bk.backup(ctx, good)
    info = bk.inspect_backup(good)
    assert info.persons == 1 and not info.needs_upgrade
    result = bk.restore(ctx, good)
    assert result.restored_from == good.resolve() and result.safety_copy is not None


def test_an_older_backup_is_checked_again_once_upgraded_on_its_copy(ctx, db_path, tmp_path, backend):
    """A backup of the first version whose table was dropped: the upgrade runs on the staged copy, never on the
    current database, and the refusal leaves the current database as it was."""
    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")
    from alembic import command

    from hrapp.db import migrate
    from hrapp.db.engine import make_engine, resolve_url

    old = tmp_path / "old.sqlite3"
    engine = make_engine(resolve_url(str(old)))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    with closing(sqlite3.connect(old)) as con:
        con.execute("DROP TABLE attachments")
        con.commit()
    before = _settled_hash(ctx, db_path)
    with pytest.raises(DatabaseError) as refused:
        bk.restore(ctx, old)
    assert refused.value.code == "backup_schema"
    assert _settled_hash(ctx, db_path) == before
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*before-restore*"))
