"""`init --encrypt` creates the database encrypted from the start: no plain byte ever on disk, the passphrase
from HRAPP_NEW_DB_PASSPHRASE (the rules of `encrypt`), refused for a file that is already a database."""

from __future__ import annotations

import shutil

import pytest

from hrapp.cli import main as cli
from hrapp.db import cipher

KEY = "mot cau mat khau du dai"


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch):
    monkeypatch.delenv(cipher.PASSPHRASE_VAR, raising=False)
    monkeypatch.delenv(cipher.NEW_PASSPHRASE_VAR, raising=False)


def _all_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


def test_init_encrypt_then_demo_leaves_no_plain_byte(tmp_path, monkeypatch, capsys):
    db = tmp_path / "hr.sqlite3"
    monkeypatch.setenv(cipher.NEW_PASSPHRASE_VAR, KEY)
    assert cli(["--db", str(db), "init", "--encrypt"]) == 0
    out = capsys.readouterr().out
    assert "mã hóa" in out
    assert not db.read_bytes().startswith(cipher.SQLITE_MAGIC)
    assert b"SQLite format 3" not in _all_bytes(tmp_path)  # nor in a -wal or journal beside it
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, KEY)
    assert cli(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert cli(["--db", str(db), "employees", "list", "--format", "json"]) == 0
    listed = capsys.readouterr().out
    assert "Sở Khoa học" in listed or len(listed) > 1000  # the demo's people are there, read through the key
    raw = _all_bytes(tmp_path)
    assert b"SQLite format 3" not in raw
    for text in ("Khoa học", "Nguyễn", "alembic_version", "persons"):
        assert text.encode("utf-8") not in raw, text
    monkeypatch.delenv(cipher.PASSPHRASE_VAR)
    assert cli(["--db", str(db), "employees", "list"]) == 1  # no passphrase, no data
    assert "cụm mật khẩu" in capsys.readouterr().err


def test_init_encrypt_keeps_the_rules_of_encrypt(tmp_path, monkeypatch, capsys):
    db = tmp_path / "hr.sqlite3"
    monkeypatch.setenv(cipher.NEW_PASSPHRASE_VAR, "ngan")
    assert cli(["--db", str(db), "init", "--encrypt"]) != 0
    assert capsys.readouterr().err.count("\n") == 1
    assert not db.exists()
    monkeypatch.delenv(cipher.NEW_PASSPHRASE_VAR)  # no variable and no terminal: refused, nothing made
    assert cli(["--db", str(db), "init", "--encrypt"]) != 0
    assert "HRAPP_NEW_DB_PASSPHRASE" in capsys.readouterr().err
    assert not db.exists()


def test_init_encrypt_of_an_existing_database_is_refused_and_points_to_encrypt(tmp_path, sqlite_template,
                                                                            monkeypatch, capsys):
    db = tmp_path / "hr.sqlite3"
    shutil.copyfile(sqlite_template, db)
    before = db.read_bytes()
    monkeypatch.setenv(cipher.NEW_PASSPHRASE_VAR, KEY)
    assert cli(["--db", str(db), "init", "--encrypt"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "encrypt" in err
    assert db.read_bytes() == before


def test_init_encrypt_of_an_empty_file_it_is_told_to(tmp_path, monkeypatch, capsys):
    db = tmp_path / "hr.sqlite3"
    db.touch()
    monkeypatch.setenv(cipher.NEW_PASSPHRASE_VAR, KEY)
    assert cli(["--db", str(db), "init", "--encrypt"]) == 0
    assert db.stat().st_size > 0 and not db.read_bytes().startswith(cipher.SQLITE_MAGIC)
