"""Backups: a checked, self-contained copy with the attachments; one automatic copy a day kept 30 days;
restore keeps a copy of the current database, refuses files that are not good backups, and reopens."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from hrapp.db import migrate
from hrapp.db.engine import make_engine, resolve_url
from hrapp.db.models import Attachment, AuditLog, Person
from hrapp.errors import DatabaseError, DomainError
from hrapp.services import backup as bk
from hrapp.services.context import ServiceContext
from hrapp.services.snapshot import set_name

SCAN = bytes(range(256)) * 400  # a 100 kB "scanned decision"


def add_people(ctx: ServiceContext, names: list[str], with_scan: bool = False) -> list[int]:
    ids = []
    with ctx.unit_of_work() as s:
        for i, name in enumerate(names):
            p = Person(gender="F" if i % 2 else "M", birth_date=date(1980 + i % 20, 1 + i % 12, 1 + i % 28))
            set_name(p, name)
            s.add(p)
            s.flush()
            ids.append(p.id)
            if with_scan:
                s.add(Attachment(person_id=p.id, kind="decision", filename=f"qd-{i}.pdf", mime="application/pdf",
                                 size=len(SCAN), data=SCAN))
    return ids


def names_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as con:
        return [r[0] for r in con.execute("SELECT full_name FROM persons ORDER BY id")]


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as con:
        return con.execute("PRAGMA integrity_check").fetchone()[0]


def test_backup_is_a_checked_self_contained_copy_with_the_attachments(ctx, tmp_path):
    add_people(ctx, ["Nguyễn Văn An", "Trần Thị Bình"], with_scan=True)
    target = tmp_path / "sao luu" / "hr-backup.sqlite3"
    target.parent.mkdir()
    result = bk.backup(ctx, target)

    assert result.path == target.resolve() and result.attachments == 2
    assert integrity(target) == "ok"
    assert not Path(f"{target}-wal").exists()
    with closing(sqlite3.connect(target)) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        scans = [r[0] for r in con.execute("SELECT data FROM attachments")]
    assert scans == [SCAN, SCAN]
    assert names_in(target) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert not list(target.parent.glob("*.tmp"))
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "backup")) == 1


def test_backup_into_a_folder_that_does_not_exist_is_refused_and_creates_nothing(ctx, tmp_path):
    target = tmp_path / "sao luu" / "con" / "hr-backup.sqlite3"
    with pytest.raises(DatabaseError) as err:
        bk.backup(ctx, target)
    assert err.value.code == "folder_not_found" and err.value.params["path"] == str(target.parent)
    assert not (tmp_path / "sao luu").exists()
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "backup")) == 0


def test_the_automatic_copies_folder_of_the_application_is_still_made(ctx, tmp_path, monkeypatch, backend):
    if backend != "sqlite":
        pytest.skip("a server database gets no automatic copy on the PC (daily_backup's docstring)")
    monkeypatch.setattr(bk, "default_backup_folder", lambda: tmp_path / "data" / "backups")
    made = bk.daily_backup(ctx, today=date(2026, 3, 2))
    assert made is not None and made.parent == tmp_path / "data" / "backups" and integrity(made) == "ok"


def test_backup_sees_only_committed_data_while_another_connection_writes(ctx, db_path, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("the writer below is a second SQLite connection")
    add_people(ctx, ["Người Đã Lưu"])
    writer = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE persons SET full_name = 'CHƯA LƯU'")
    # The copy is taken at once; the backup's own audit row then waits (busy timeout) for the writer,
    # which gives up its transaction a moment later.
    release = threading.Timer(0.5, writer.execute, args=("ROLLBACK",))
    release.start()
    try:
        bk.backup(ctx, tmp_path / "mid-write.sqlite3")
    finally:
        release.join()
        writer.close()
    assert names_in(tmp_path / "mid-write.sqlite3") == ["Người Đã Lưu"]


def test_backup_onto_the_live_database_is_refused(ctx, db_path, backend):
    if backend != "sqlite":
        pytest.skip("a server database has no file")
    with pytest.raises(DomainError) as err:
        bk.backup(ctx, db_path)
    assert err.value.code == "backup_onto_live"


def _corrupt_copy(src: Path, dest: Path) -> None:
    """A copy whose name index no longer matches the table (integrity_check fails, the file still opens)."""
    with closing(sqlite3.connect(src)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dest.write_bytes(src.read_bytes())
    with closing(sqlite3.connect(dest)) as con:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("PRAGMA writable_schema=ON")
        con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_persons_sort ON persons (name_folded)' "
                    "WHERE name = 'ix_persons_sort'")
        con.commit()


def test_a_copy_that_fails_integrity_check_is_not_kept(db_path, tmp_path):
    from hrapp.services.setup import init_database

    ctx = init_database(str(db_path))
    add_people(ctx, [f"Người Số {i}" for i in range(300)])
    ctx.engine.dispose()
    broken = tmp_path / "broken.sqlite3"
    _corrupt_copy(db_path, broken)
    assert integrity(broken) != "ok"

    bad_ctx = ServiceContext.open(str(broken), migrate=False)
    target = tmp_path / "out.sqlite3"
    with pytest.raises(DatabaseError) as err:
        bk.backup(bad_ctx, target)
    bad_ctx.engine.dispose()
    assert err.value.code == "backup_corrupt"
    assert "kiểm tra toàn vẹn" in err.value.message
    assert not target.exists() and not list(tmp_path.glob("*.tmp"))


def test_daily_backup_makes_one_copy_a_day(ctx, tmp_path, backend):
    if backend != "sqlite":
        assert bk.daily_backup(ctx, tmp_path, today=date(2026, 3, 2)) is None
        assert list(tmp_path.iterdir()) == []
        return
    first = bk.daily_backup(ctx, tmp_path, today=date(2026, 3, 2))
    assert first is not None and first.name == "hr-2026-03-02.sqlite3" and integrity(first) == "ok"
    assert bk.daily_backup(ctx, tmp_path, today=date(2026, 3, 2)) is None
    second = bk.daily_backup(ctx, tmp_path, today=date(2026, 3, 3))
    assert second is not None and second.name == "hr-2026-03-03.sqlite3"


def test_daily_backups_are_rotated_keeping_the_newest_30_and_nothing_else_is_touched(ctx, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("daily copies are made for a local database only")
    start = date(2026, 1, 1)
    for i in range(34):
        (tmp_path / f"hr-{start + timedelta(days=i)}.sqlite3").write_bytes(b"old")
    (tmp_path / "hr-ghi-chu.sqlite3").write_bytes(b"keep")
    (tmp_path / "other-2025-01-01.sqlite3").write_bytes(b"keep")
    made = bk.daily_backup(ctx, tmp_path, today=start + timedelta(days=34))
    kept = bk.daily_backups(tmp_path, "hr")
    assert len(kept) == 30
    assert kept[0] == made
    assert kept[-1].name == f"hr-{start + timedelta(days=5)}.sqlite3"  # days 0..4 went
    assert (tmp_path / "hr-ghi-chu.sqlite3").exists() and (tmp_path / "other-2025-01-01.sqlite3").exists()
    bk.daily_backup(ctx, tmp_path, keep=3, today=start + timedelta(days=34))
    assert len(bk.daily_backups(tmp_path, "hr")) == 3


def test_restore_brings_back_the_backup_and_keeps_the_current_database_aside(ctx, db_path, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")
    add_people(ctx, ["Nguyễn Văn An"], with_scan=True)
    saved = tmp_path / "saved.sqlite3"
    bk.backup(ctx, saved)
    add_people(ctx, ["Người Thêm Sau Sao Lưu"])

    result = bk.restore(ctx, saved, now=datetime(2026, 3, 2, 9, 30, 0))

    assert result.safety_copy == db_path.with_name("hr.before-restore-20260302-093000.sqlite3")
    assert names_in(result.safety_copy) == ["Nguyễn Văn An", "Người Thêm Sau Sao Lưu"]
    assert integrity(result.safety_copy) == "ok"
    with ctx.read() as s:  # the same context keeps working, on the restored file
        assert list(s.scalars(select(Person.full_name))) == ["Nguyễn Văn An"]
        assert s.scalar(select(Attachment.data)) == SCAN
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "restore")) == 1
    add_people(ctx, ["Ghi Được Sau Khôi Phục"])
    assert integrity(db_path) == "ok"
    assert not list(tmp_path.glob(".*.tmp"))


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(ctx, db_path, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")
    add_people(ctx, ["Nguyễn Văn An"])
    garbage = tmp_path / "anh.jpg"
    garbage.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as con:
        con.execute("CREATE TABLE t (x)")
        con.commit()
    for bad, code in [(garbage, "not_hrapp_backup"), (other, "not_hrapp_backup"),
                      (tmp_path / "missing.sqlite3", "backup_missing")]:
        with pytest.raises(DatabaseError) as err:
            bk.restore(ctx, bad)
        assert err.value.code == code
    assert not list(db_path.parent.glob("*before-restore*"))
    with ctx.read() as s:
        assert list(s.scalars(select(Person.full_name))) == ["Nguyễn Văn An"]


def test_restore_refuses_a_backup_from_a_newer_version(ctx, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")
    newer = tmp_path / "newer.sqlite3"
    bk.backup(ctx, newer)
    with closing(sqlite3.connect(newer)) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_future'")
        con.commit()
    with pytest.raises(DatabaseError) as err:
        bk.restore(ctx, newer)
    assert err.value.code == "backup_too_new" and "cập nhật phần mềm" in err.value.message


def test_restoring_an_older_backup_upgrades_it(ctx, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")
    old = tmp_path / "old.sqlite3"
    engine = make_engine(resolve_url(str(old)))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO persons (full_name, family_name, middle_name, given_name, name_folded, "
                             "sort_key, gender, birth_date, birth_precision, status, row_version, created_at, "
                             "updated_at) VALUES ('Lê Cũ', 'Lê', '', 'Cũ', 'le cu', 'cu', 'M', '1970-01-01', "
                             "'day', 'working', 1, '2020-01-01', '2020-01-01')")
    engine.dispose()
    info = bk.inspect_backup(old)
    assert info.revisions == ("0001",) and info.needs_upgrade and info.persons == 1
    result = bk.restore(ctx, old)
    assert result.upgraded
    assert migrate.current_revisions(ctx.engine) == migrate.head_revisions()
    with ctx.read() as s:
        assert list(s.scalars(select(Person.full_name))) == ["Lê Cũ"]


def test_restore_is_refused_while_another_program_has_the_database_open(ctx, db_path, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")
    add_people(ctx, ["Nguyễn Văn An"])
    saved = tmp_path / "saved.sqlite3"
    bk.backup(ctx, saved)
    add_people(ctx, ["Người Thứ Hai"])
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM persons").fetchone()
    try:
        with pytest.raises(DatabaseError) as err:
            bk.restore(ctx, saved)
    finally:
        other.close()
    assert err.value.code == "in_use" and "đang được mở" in err.value.message
    assert names_in(db_path) == ["Nguyễn Văn An", "Người Thứ Hai"]


def test_restore_waits_for_a_read_of_this_app_that_ends_soon(ctx, db_path, tmp_path, backend):
    """A list read on a worker thread as the restore starts hands its connection back: the restore goes on."""
    import threading

    if backend != "sqlite":
        pytest.skip("restore replaces a SQLite file")
    add_people(ctx, ["Nguyễn Văn An"])
    saved = tmp_path / "saved.sqlite3"
    bk.backup(ctx, saved)
    add_people(ctx, ["Người Thứ Hai"])
    reading, release = threading.Event(), threading.Event()

    def worker() -> None:
        with ctx.read() as s:
            s.scalar(select(Person.id).limit(1))
            reading.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    reading.wait(5)
    threading.Timer(0.6, release.set).start()
    result = bk.restore(ctx, saved)
    thread.join()
    assert result.safety_copy is not None
    assert names_in(db_path) == ["Nguyễn Văn An"]


def test_a_server_database_is_backed_up_as_a_file_and_restored_with_copy_to(ctx, tmp_path, backend):
    if backend != "postgresql":
        pytest.skip("PostgreSQL only")
    add_people(ctx, ["Nguyễn Văn An"], with_scan=True)
    result = bk.backup(ctx, tmp_path / "server.sqlite3")
    assert integrity(result.path) == "ok" and result.attachments == 1
    assert names_in(result.path) == ["Nguyễn Văn An"]
    with pytest.raises(DatabaseError) as err:
        bk.restore(ctx, result.path)
    assert err.value.code == "restore_server" and "copy-to" in err.value.message
