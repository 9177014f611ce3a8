"""Encryption at rest: the encrypted file and its backups hold no readable personal data, a wrong passphrase is
refused without a byte written, conversion both ways keeps every row, restore never lowers the protection."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from hrapp.db import cipher
from hrapp.errors import DatabaseError, DomainError, PermissionDeniedError
from hrapp.services.backup import backup, inspect_backup, restore
from hrapp.services.context import ServiceContext
from hrapp.services.encryption import DECRYPTED, ENCRYPTED, REKEYED, decrypt, encrypt, is_encrypted

KEY = "mật khẩu dài của quản trị 'viên'"  # non-ASCII and a quote: given to SQLCipher as it is
OTHER_KEY = "một cụm mật khẩu khác hẳn"


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch):
    monkeypatch.delenv(cipher.PASSPHRASE_VAR, raising=False)
    cipher.set_prompt(None)


def person_sample(ctx: ServiceContext) -> tuple[str, str]:
    """A CCCD and a full name of the demo department."""
    with ctx.engine.connect() as conn:
        row = conn.execute(text("SELECT id_number, full_name FROM persons WHERE id_number IS NOT NULL "
                                "ORDER BY id LIMIT 1")).one()
    return row[0], row[1]


def counts(ctx: ServiceContext) -> dict[str, int]:
    with ctx.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))]
        return {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypted_database_and_its_folder_hold_no_plaintext_cccd_or_name(demo_ctx, demo_db):
    cccd, name = person_sample(demo_ctx)
    assert cccd.encode() in demo_db.read_bytes()  # the plain file has it in clear: the test can fail

    result = encrypt(demo_ctx, KEY)

    assert result.outcome == ENCRYPTED and result.database == demo_db.resolve()
    assert is_encrypted(demo_ctx)
    with demo_ctx.engine.connect() as conn:  # the exported file is back in WAL mode, as the plain one was
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert person_sample(demo_ctx) == (cccd, name)  # the same context goes on reading, through the key
    with demo_ctx.unit_of_work() as s:  # and writing (the -wal is encrypted too)
        s.execute(text("UPDATE persons SET full_name = full_name WHERE id_number = :c"), {"c": cccd})
    files = folder_bytes(demo_db.parent)
    assert set(files) <= {"demo.sqlite3", "demo.sqlite3-wal", "demo.sqlite3-shm"}  # the old file is gone
    assert not files["demo.sqlite3"].startswith(cipher.SQLITE_MAGIC)
    for content in files.values():
        assert cccd.encode() not in content
        assert name.encode("utf-8") not in content
        assert b"persons" not in content  # not even the schema


def test_wrong_or_missing_passphrase_is_refused_and_nothing_is_written(demo_ctx, demo_db):
    encrypt(demo_ctx, KEY)
    demo_ctx.engine.dispose()
    before = folder_bytes(demo_db.parent)

    with pytest.raises(DatabaseError) as wrong:
        ServiceContext.open(str(demo_db), passphrase="không phải cụm mật khẩu này")
    assert wrong.value.code == "db_wrong_passphrase"
    with pytest.raises(DatabaseError) as missing:
        ServiceContext.open(str(demo_db))
    assert missing.value.code == "db_passphrase_needed"
    assert "HRAPP_DB_PASSPHRASE" in missing.value.worded("en")
    assert folder_bytes(demo_db.parent) == before

    reopened = ServiceContext.open(str(demo_db), passphrase=KEY)
    try:
        assert reopened.engine.dialect.dbapi is cipher.dbapi()
    finally:
        reopened.engine.dispose()


def test_passphrase_from_the_environment_opens_it(demo_ctx, demo_db, monkeypatch):
    encrypt(demo_ctx, KEY)
    demo_ctx.engine.dispose()
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, KEY)
    ctx = ServiceContext.open(str(demo_db))
    try:
        assert counts(ctx)["persons"] == 150
    finally:
        ctx.engine.dispose()


def test_convert_both_ways_keeps_every_row(demo_ctx, demo_db):
    before = counts(demo_ctx)

    encrypt(demo_ctx, KEY)
    encrypted = counts(demo_ctx)
    result = decrypt(demo_ctx)

    after = counts(demo_ctx)
    assert result.outcome == DECRYPTED and not is_encrypted(demo_ctx)
    assert demo_db.read_bytes().startswith(cipher.SQLITE_MAGIC)
    assert demo_ctx.engine.dialect.dbapi is sqlite3.dbapi2  # back on the plain path
    audit = "audit_log"
    assert {k: v for k, v in encrypted.items() if k != audit} == {k: v for k, v in before.items() if k != audit}
    assert {k: v for k, v in after.items() if k != audit} == {k: v for k, v in before.items() if k != audit}
    assert (encrypted[audit], after[audit]) == (before[audit] + 1, before[audit] + 2)  # one row per conversion
    with demo_ctx.engine.connect() as conn:
        actions = [r[0] for r in conn.execute(text(f"SELECT action FROM {audit} ORDER BY id DESC LIMIT 2"))]
        logged = " ".join(str(v) for row in conn.execute(text(f"SELECT * FROM {audit}")) for v in row)
    assert actions == ["database_decrypted", "database_encrypted"]
    assert KEY not in logged


def test_encrypting_an_encrypted_database_changes_its_passphrase(demo_ctx, demo_db):
    encrypt(demo_ctx, KEY)
    assert encrypt(demo_ctx, OTHER_KEY).outcome == REKEYED
    demo_ctx.engine.dispose()
    with pytest.raises(DatabaseError) as old:
        cipher.check(demo_db, KEY)
    assert old.value.code == "db_wrong_passphrase"
    cipher.check(demo_db, OTHER_KEY)


def test_refusals_before_any_change(demo_ctx, demo_db):
    before = digest(demo_db)
    with pytest.raises(DomainError) as short:
        encrypt(demo_ctx, "ngắn")
    assert short.value.code == "passphrase_too_short"
    with pytest.raises(DomainError) as plain:
        decrypt(demo_ctx)
    assert plain.value.code == "not_encrypted"
    demo_ctx.role = "to_chuc_can_bo"  # a personnel officer may change every record, not the database's protection
    with pytest.raises(PermissionDeniedError):
        encrypt(demo_ctx, KEY)
    assert digest(demo_db) == before


def test_backup_of_an_encrypted_database_is_encrypted_with_the_same_key(demo_ctx, tmp_path):
    cccd, name = person_sample(demo_ctx)
    encrypt(demo_ctx, KEY)
    target = tmp_path / "saved" / "copy.sqlite3"
    target.parent.mkdir()  # a named folder must exist (the application makes none)

    backup(demo_ctx, target)

    raw = target.read_bytes()
    assert cipher.looks_encrypted(target) and cccd.encode() not in raw and name.encode() not in raw
    with pytest.raises(DatabaseError) as needed:
        inspect_backup(target)
    assert needed.value.code == "db_passphrase_needed"
    info = inspect_backup(target, KEY)
    assert info.encrypted and info.persons == 150
    with closing(sqlite3.connect(target)) as con, pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT count(*) FROM persons").fetchone()


def test_backup_of_a_plain_database_stays_plain(demo_ctx, tmp_path):
    target = tmp_path / "plain-copy.sqlite3"
    backup(demo_ctx, target)
    assert target.read_bytes().startswith(cipher.SQLITE_MAGIC)
    assert not inspect_backup(target).encrypted


def test_plain_backup_restored_into_an_encrypted_database_is_encrypted_with_its_key(demo_ctx, demo_db, tmp_path):
    cccd, _ = person_sample(demo_ctx)
    plain_backup = tmp_path / "before-encryption.sqlite3"
    backup(demo_ctx, plain_backup)
    encrypt(demo_ctx, KEY)
    with demo_ctx.unit_of_work() as s:
        s.execute(text("DELETE FROM family_members"))

    restore(demo_ctx, plain_backup)

    assert is_encrypted(demo_ctx)
    assert counts(demo_ctx)["family_members"] > 0  # the backup's data
    assert cccd.encode() not in demo_db.read_bytes()
    demo_ctx.engine.dispose()
    cipher.check(demo_db, KEY)
    (safety,) = tmp_path.glob("demo.before-restore-*.sqlite3")
    assert cipher.looks_encrypted(safety) and cccd.encode() not in safety.read_bytes()


def test_encrypted_backup_restored_into_a_plain_database_stays_encrypted(demo_ctx, demo_db, tmp_path):
    encrypt(demo_ctx, KEY)
    saved = tmp_path / "encrypted.sqlite3"
    backup(demo_ctx, saved)
    decrypt(demo_ctx)
    before = digest(demo_db)

    with pytest.raises(DatabaseError) as wrong:
        restore(demo_ctx, saved, passphrase="không phải cụm mật khẩu này")
    assert wrong.value.code == "db_wrong_passphrase"
    assert digest(demo_db) == before and not list(tmp_path.glob("demo.before-restore-*"))

    result = restore(demo_ctx, saved, passphrase=KEY)

    assert result.safety_copy is not None and result.safety_copy.read_bytes().startswith(cipher.SQLITE_MAGIC)
    assert is_encrypted(demo_ctx) and counts(demo_ctx)["persons"] == 150
    demo_ctx.engine.dispose()
    cipher.check(demo_db, KEY)


def test_detection_reads_only_the_header(tmp_path):
    plain = tmp_path / "plain.sqlite3"
    with closing(sqlite3.connect(plain)) as con:
        con.execute("CREATE TABLE t (x)")
    text_file = tmp_path / "notes.txt"
    text_file.write_text("không phải cơ sở dữ liệu\n")
    assert not cipher.looks_encrypted(plain)
    assert not cipher.looks_encrypted(text_file)  # not whole pages: the plain path says "not SQLite"
    assert not cipher.looks_encrypted(tmp_path / "missing.sqlite3")


def test_the_key_derived_once_is_sqlciphers_own_and_new_connections_do_not_derive_it_again(demo_ctx, demo_db):
    encrypt(demo_ctx, KEY)
    salt = demo_db.read_bytes()[:cipher.SALT_BYTES]
    con = cipher.dbapi().connect(str(demo_db))
    con.set_key(cipher._derived(KEY, salt))  # the raw key alone opens the file: the derivation matches SQLCipher 4
    assert con.execute("SELECT count(*) FROM persons").fetchone()[0] == 150
    con.close()
    demo_ctx.engine.dispose()
    cipher._derived.cache_clear()
    ctx = ServiceContext.open(str(demo_db), passphrase=KEY)
    try:
        connections = [ctx.engine.raw_connection() for _ in range(3)]  # three at once: three new connections
        for c in connections:
            c.close()
        assert cipher._derived.cache_info().misses == 1
    finally:
        ctx.engine.dispose()


def test_a_database_another_program_holds_open_is_not_converted(demo_ctx, demo_db):
    encrypt(demo_ctx, KEY)
    other = cipher.connect(demo_db, KEY)  # another program with the database open (WAL mode)
    try:
        other.execute("SELECT count(*) FROM persons").fetchone()
        before = counts(demo_ctx)
        with pytest.raises(DatabaseError) as busy:
            decrypt(demo_ctx)
        assert busy.value.code == "in_use"
        assert is_encrypted(demo_ctx) and cipher.looks_encrypted(demo_db)  # the -wal folded in at most
        assert sorted(p.name for p in demo_db.parent.iterdir() if p.name.startswith(".")) == []  # no leftovers
    finally:
        other.close()
    assert counts(demo_ctx) == before  # the context still works on the encrypted database, unchanged


def test_the_plain_path_does_not_even_load_sqlcipher(demo_db, tmp_path):
    import os
    import subprocess
    import sys

    code = ("import sys; from hrapp.services.context import ServiceContext; from hrapp.services.backup import backup; "
            f"ctx = ServiceContext.open({str(demo_db)!r}); backup(ctx, {str(tmp_path / 'b.sqlite3')!r}); "
            "print(ctx.engine.dialect.dbapi.__name__, 'sqlcipher3' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k != cipher.PASSPHRASE_VAR}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         cwd=Path(__file__).resolve().parents[2])
    assert res.stdout.split() == ["sqlite3.dbapi2", "False"], res.stderr
