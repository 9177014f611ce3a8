"""A database on a read-only disk or folder is said to be there, with what to do, instead of "damaged, or not
SQLite": SQLite answers "unable to open database file" (in WAL mode even a reader writes the `-shm` beside it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hrapp.db import open_errors
from hrapp.errors import DatabaseError
from hrapp.services.context import ServiceContext
from hrapp.services.setup import init_database

ROOT = Path(__file__).resolve().parents[2]


def test_unable_to_open_in_a_folder_that_cannot_be_written_is_the_read_only_place(tmp_path, monkeypatch):
    db = tmp_path / "hr.sqlite3"
    db.touch()
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != tmp_path)
    err = open_errors.open_error("unable to open database file", db)
    assert err.code == "read_only_place" and str(db) in err.message and "chỉ cho phép đọc" in err.message
    assert "read-only" in err.worded("en") and "damaged" not in err.worded("en")


def test_the_same_message_in_a_writable_folder_is_not_blamed_on_the_place(tmp_path):
    db = tmp_path / "hr.sqlite3"
    db.touch()
    assert open_errors.open_error("unable to open database file", db).code == "unreadable"
    assert open_errors.open_error("file is not a database", db).code == "unreadable"
    assert open_errors.open_error("database is locked", db).code == "locked"
    assert open_errors.open_error("unable to open database file", None).code == "unreadable"


@pytest.fixture
def read_only_mount(tmp_path):
    """A real read-only file system holding a database (needs the right to mount: root on Linux)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a read-only file system needs root on Linux")
    where = tmp_path / "ro"
    where.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(where)],
                      capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow mounting")
    try:
        ctx = init_database(str(where / "hr.sqlite3"))
        ctx.engine.dispose()
        for name in ("hr.sqlite3-wal", "hr.sqlite3-shm"):
            (where / name).unlink(missing_ok=True)
        assert subprocess.run(["mount", "-o", "remount,ro", str(where)], capture_output=True).returncode == 0
        yield where / "hr.sqlite3"
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_opening_a_database_on_a_read_only_disk_says_so(read_only_mount):
    with pytest.raises(DatabaseError) as err:
        ServiceContext.open(str(read_only_mount))
    assert err.value.code == "read_only_place"
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(read_only_mount), "employees", "list",
                          "--format", "json"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "chỉ cho phép đọc" in res.stderr and "không phải SQLite" not in res.stderr
