"""PostgreSQL server: two officers saving the same record (the second gets a conflict, nothing is
overwritten), and `copy-to` moving a whole office's SQLite database to an empty server database."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from hrapp.context import ServiceContext
from hrapp.db.models import Attachment, OrgUnit, Person
from hrapp.errors import ConflictError, DatabaseError, DomainError
from hrapp.services import copy_to as copy_mod
from hrapp.services.setup import init_database
from hrapp.services.snapshot import set_name

PG_URL = os.environ.get("HRAPP_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="HRAPP_TEST_POSTGRES_URL is not set (no PostgreSQL server)")
ROOT = Path(__file__).resolve().parents[2]


def _admin():
    return create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")


@pytest.fixture
def empty_pg():
    """A new, empty PostgreSQL database (no tables): the URL, dropped afterwards."""
    name = f"hr_{uuid.uuid4().hex[:12]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def _office(path: Path) -> ServiceContext:
    """A small office in SQLite: a unit tree (children before parents by id), people, a scanned decision."""
    ctx = init_database(str(path))
    with ctx.unit_of_work() as s:
        team = OrgUnit(code="P1T", name="Tổ Một", kind="to")
        s.add(team)
        s.flush()
        root = OrgUnit(code="SO", name="Sở Khoa học và Công nghệ", kind="so")
        dept = OrgUnit(code="P1", name="Phòng Một", kind="phong")
        s.add_all([root, dept])
        s.flush()
        dept.parent_id = root.id
        team.parent_id = dept.id  # the team (id 1) refers to a unit with a larger id
        for i in range(250):
            p = Person(gender="F" if i % 2 else "M", birth_date=date(1975 + i % 25, 1 + i % 12, 1 + i % 28),
                       cur_unit_id=dept.id, id_number=f"0520900{i:05d}", phone="0905123456")
            set_name(p, f"Nguyễn Thị Số {i}")
            s.add(p)
        s.flush()
        s.add(Attachment(person_id=p.id, kind="decision", filename="qd.pdf", mime="application/pdf", size=4,
                         data=b"%PDF"))
    return ctx


def _counts(url: str) -> dict[str, int]:
    from hrapp.db.models import Base

    eng = create_engine(url)
    with eng.connect() as conn:
        out = {t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in Base.metadata.sorted_tables}
    eng.dispose()
    return out


def test_two_officers_saving_the_same_person_the_second_gets_a_conflict_and_overwrites_nothing(empty_pg):
    first = init_database(empty_pg)
    with first.unit_of_work() as s:
        p = Person(gender="F", birth_date=date(1980, 1, 1), phone="0900000000")
        set_name(p, "Trần Thị Lan")
        s.add(p)
    pid = p.id
    second = ServiceContext.open(empty_pg)
    try:
        with pytest.raises(ConflictError) as err:
            with second.unit_of_work() as s2:
                theirs = s2.get(Person, pid)  # officer 2 opened the record ...
                with first.unit_of_work() as s1:  # ... officer 1 saves first
                    s1.get(Person, pid).phone = "0911111111"
                theirs.phone = "0922222222"  # officer 2 saves the stale copy
        assert "người khác sửa" in err.value.message
        with first.read() as s:
            saved = s.get(Person, pid)
            assert (saved.phone, saved.row_version) == ("0911111111", 2)
    finally:
        second.engine.dispose()
        first.engine.dispose()


def test_copy_to_moves_an_office_to_an_empty_server_with_equal_counts(tmp_path, empty_pg):
    source = tmp_path / "office.sqlite3"
    _office(source).engine.dispose()
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(source), "copy-to", empty_pg],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert "persons\t250" in res.stdout and "khớp" in res.stdout

    assert _counts(empty_pg) == _counts(f"sqlite:///{source}")
    server = ServiceContext.open(empty_pg)
    try:
        with server.read() as s:
            units = {u.code: u for u in s.scalars(select(OrgUnit))}
            assert units["P1T"].parent_id == units["P1"].id and units["P1"].parent_id == units["SO"].id
            assert s.scalar(select(Attachment.data)) == b"%PDF"
            assert s.scalar(select(Person.full_name).where(Person.id_number == "052090000007")) == "Nguyễn Thị Số 7"
            biggest = s.scalar(select(func.max(Person.id)))
        with server.unit_of_work() as s:  # the sequences continue after the copied ids
            p = Person(gender="M", birth_date=date(1990, 1, 1))
            set_name(p, "Người Mới Trên Máy Chủ")
            s.add(p)
        assert p.id > biggest
    finally:
        server.engine.dispose()

    again = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(source), "copy-to", empty_pg],
                           capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert again.returncode == 1 and "đã có dữ liệu" in again.stderr
    assert _counts(empty_pg)["persons"] == 251


def test_a_count_mismatch_rolls_the_whole_copy_back(tmp_path, empty_pg, monkeypatch):
    ctx = _office(tmp_path / "office.sqlite3")
    real_count = copy_mod._count

    def short_on_target(conn, table):
        n = real_count(conn, table)
        return n - 1 if conn.dialect.name == "postgresql" and table.name == "persons" else n

    monkeypatch.setattr(copy_mod, "_count", short_on_target)
    with pytest.raises(DatabaseError) as err:
        copy_mod.copy_to(ctx, empty_pg)
    ctx.engine.dispose()
    assert err.value.code == "count_mismatch" and "persons (250 → 249)" in err.value.message
    assert _tables(empty_pg) == set()  # the schema made for the copy went back with the rows


def _tables(url: str) -> set[str]:
    eng = create_engine(url)
    try:
        return set(inspect(eng).get_table_names())
    finally:
        eng.dispose()


def test_a_text_too_long_for_the_server_stops_the_copy_with_one_line_and_leaves_no_table(tmp_path, empty_pg):
    """SQLite kept a text longer than its column (an older version did not check): the server would refuse it
    half-way with a DataError; the copy names the table, row and column, and the target stays as it was."""
    source = tmp_path / "office.sqlite3"
    _office(source).engine.dispose()
    eng = create_engine(f"sqlite:///{source}")
    with eng.begin() as conn:
        conn.execute(text("UPDATE persons SET birth_place = :t WHERE id_number = '052090000007'"), {"t": "x" * 201})
    eng.dispose()
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(source), "copy-to", empty_pg],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.stderr, res.stderr
    assert "persons" in lines[0] and "birth_place" in lines[0] and "201" in lines[0] and "200" in lines[0]
    assert _tables(empty_pg) == set()


def test_a_target_with_data_is_refused_before_anything_is_written(tmp_path, empty_pg):
    init_database(empty_pg).engine.dispose()  # `init` seeds catalogues: no longer empty
    before = _counts(empty_pg)
    ctx = _office(tmp_path / "office.sqlite3")
    with pytest.raises(DomainError) as err:
        copy_mod.copy_to(ctx, empty_pg)
    ctx.engine.dispose()
    assert err.value.code == "target_not_empty"
    assert _counts(empty_pg) == before


def test_the_cli_reads_and_writes_a_server_database_with_the_same_code(empty_pg):
    main = [sys.executable, str(ROOT / "main.py"), "--db", empty_pg]
    assert subprocess.run([*main, "init"], capture_output=True, timeout=300, cwd=ROOT).returncode == 0
    res = subprocess.run([*main, "employees", "list", "--format", "json"], capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"
    eng = create_engine(empty_pg)
    with eng.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ranks")).scalar() > 0
    eng.dispose()
