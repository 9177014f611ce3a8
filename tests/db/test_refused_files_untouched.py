"""A file the app refuses keeps every byte: another program's SQLite file, a database of a newer version and a
file that is not SQLite are read, refused with one line, and left as they were (no switch to WAL, whose mark is
in the header, bytes 18 and 19; no file beside them), whichever way they are opened."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from hrapp.cli import main as cli
from hrapp.context import ServiceContext
from hrapp.errors import DatabaseError
from hrapp.services.setup import init_database


def _foreign(path: Path, _template: Path) -> str:
    """Another program's database: its own tables, the default rollback journal."""
    with closing(sqlite3.connect(path)) as con:
        con.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO contacts (name) VALUES ('Nguyễn Văn An')")
        con.commit()
    return "foreign_db"


def _newer(path: Path, template: Path) -> str:
    """This application's database, written by a newer version (a revision this one does not know)."""
    shutil.copyfile(template, path)
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("UPDATE alembic_version SET version_num = '9999_future'")
        con.commit()
    return "too_new"


def _not_sqlite(path: Path, _template: Path) -> str:
    path.write_bytes(b"Danh sach can bo\n" * 400)
    return "unreadable"


KINDS = {"another program's": _foreign, "newer version's": _newer, "not SQLite": _not_sqlite}


def _state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _header_journal(path: Path) -> bytes:
    return path.read_bytes()[18:20]


@pytest.fixture
def good(sqlite_template: Path, tmp_path: Path) -> Path:
    """A database of this application (for the commands that need a second one), in its own folder."""
    folder = tmp_path / "good"
    folder.mkdir()
    path = folder / "hr.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return path


def _service_open(path: Path, _good: Path) -> str:
    with pytest.raises(DatabaseError) as err:
        ServiceContext.open(str(path))
    return err.value.code


def _service_open_unmigrated(path: Path, _good: Path) -> str:
    with pytest.raises(DatabaseError) as err:
        ServiceContext.open(str(path), migrate=False)
    return err.value.code


def _first_start(path: Path, _good: Path) -> str:
    """What `init` and the GUI's start do (`create` allowed): an existing file is still checked first."""
    with pytest.raises(DatabaseError) as err:
        init_database(str(path))
    return err.value.code


def _cli(*argv: str) -> Callable[[Path, Path], int]:
    def run(path: Path, good: Path) -> int:
        return cli([a.format(file=path, good=good) for a in argv])
    run.__name__ = " ".join(argv)
    return run


OPENINGS = [
    _service_open, _service_open_unmigrated, _first_start,
    _cli("--db", "{file}", "employees", "list"),
    _cli("--db", "{file}", "init"),
    _cli("--db", "{file}", "backup", "{good}.copy"),
    _cli("--db", "{good}", "copy-to", "{file}"),
]


@pytest.mark.parametrize("opening", OPENINGS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_refused_file_keeps_every_byte(kind, opening, sqlite_template, good, tmp_path, capsys):
    folder = tmp_path / "suspect"
    folder.mkdir()
    path = folder / "data.sqlite3"
    code = KINDS[kind](path, sqlite_template)
    before = _state(folder)
    if kind != "not SQLite":
        assert _header_journal(path) == b"\x01\x01"  # rollback journal, as the other program left it

    outcome = opening(path, good)

    if isinstance(outcome, str):
        assert outcome == code
    else:
        err = capsys.readouterr().err
        assert outcome == 1 and err.count("\n") == 1 and err.startswith("Lỗi: ")
    assert _state(folder) == before


@pytest.mark.parametrize("kind", ["another program's", "newer version's"])
def test_restore_does_not_replace_a_file_that_is_not_this_applications_database(kind, sqlite_template, good, tmp_path,
                                                                                capsys):
    folder = tmp_path / "suspect"
    folder.mkdir()
    path = folder / "data.sqlite3"
    KINDS[kind](path, sqlite_template)
    before = _state(folder)
    assert cli(["--db", str(path), "restore", str(good), "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert _state(folder) == before  # no copy "before-restore" either: nothing was replaced
    from hrapp.services import backup as bk

    with pytest.raises(DatabaseError) as refused:
        bk.restore(str(path), good)
    assert refused.value.code == "restore_onto_foreign"
    assert _state(folder) == before


def test_this_applications_database_is_switched_to_wal_once_checked(sqlite_template, tmp_path):
    path = tmp_path / "hr.sqlite3"
    shutil.copyfile(sqlite_template, path)
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA journal_mode=DELETE")
    assert _header_journal(path) == b"\x01\x01"
    ctx = ServiceContext.open(str(path))
    ctx.engine.dispose()
    assert _header_journal(path) == b"\x02\x02"
