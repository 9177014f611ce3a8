"""An existing empty (0-byte) file named as the database is not taken over: every command but `init` refuses it
with one line and leaves it at 0 bytes, as it refuses a missing one; the service does the same; `init`, told to,
makes a database of it."""

from __future__ import annotations

import shutil

import pytest

from hrapp.cli import main as cli
from hrapp.errors import DatabaseError
from hrapp.services.context import ServiceContext
from hrapp.services.setup import init_database
from tests.cli.test_mistyped_database_every_command import COMMANDS, NEEDS_NO_DATABASE

SQLITE_HEADER = b"SQLite format 3\x00"


def refusal(path: object) -> str:
    return (f"Lỗi: Tệp {path} trống (0 byte), không phải cơ sở dữ liệu của phần mềm và được để nguyên. "
            "Kiểm tra lại đường dẫn; để tạo cơ sở dữ liệu mới trong tệp này, dùng lệnh init.\n")


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in NEEDS_NO_DATABASE])
def test_every_command_refuses_an_empty_file_and_leaves_it_empty(command, tmp_path, sqlite_template, monkeypatch,
                                                                 capsys):
    out = tmp_path / "out"
    out.mkdir()
    shutil.copyfile(sqlite_template, out / "backup.sqlite3")
    (out / "rank.json").write_text("[]", encoding="utf-8")
    (out / "x.xlsx").write_bytes(b"PK\x03\x04")
    monkeypatch.setenv("HRAPP_PASSWORD", "Matkhau123")
    monkeypatch.setenv("HRAPP_NEW_PASSWORD", "Matkhau456")
    monkeypatch.setenv("HRAPP_NEW_DB_PASSPHRASE", "mot cau dai du muoi ky tu")
    empty = tmp_path / "hr.sqlite3"
    empty.touch()
    before = sorted(p.name for p in out.iterdir())

    argv = ["--db", str(empty), "--user", "lan", *command.split(), *(a.format(out=out) for a in COMMANDS[command])]
    code = cli(argv)

    assert code == 1
    assert capsys.readouterr().err == refusal(empty)
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hr.sqlite3", "out"]  # no -wal, -shm, journal
    assert sorted(p.name for p in out.iterdir()) == before


def test_the_service_refuses_an_empty_file(tmp_path):
    empty = tmp_path / "hr.sqlite3"
    empty.touch()
    for open_it in (lambda: ServiceContext.open(str(empty)), lambda: ServiceContext.open(str(empty), migrate=False),
                    lambda: init_database(str(empty), create=False)):
        with pytest.raises(DatabaseError) as err:
            open_it()
        assert err.value.code == "database_empty"
        assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hr.sqlite3"]


def test_init_makes_a_database_of_an_empty_file_it_is_told_to(tmp_path, capsys):
    empty = tmp_path / "hr.sqlite3"
    empty.touch()
    assert cli(["--db", str(empty), "init"]) == 0
    assert empty.read_bytes()[:16] == SQLITE_HEADER
    capsys.readouterr()
    assert cli(["--db", str(empty), "employees", "list", "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
