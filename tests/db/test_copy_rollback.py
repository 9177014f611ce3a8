"""`copy-to` into an empty SQLite file: a failed copy takes back the tables it created (the target really is
unchanged, as the message says), and a text longer than its column stops it with one line before any row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from hrapp.db.engine import make_engine
from hrapp.db.models import OrgUnit, Person
from hrapp.errors import DatabaseError
from hrapp.services import copy_to as copy_mod
from hrapp.services.setup import init_database
from hrapp.services.snapshot import set_name


def _office(path: Path):
    ctx = init_database(str(path))
    with ctx.unit_of_work() as s:
        unit = OrgUnit(code="P1", name="Phòng Một", kind="phong")
        s.add(unit)
        s.flush()
        for i in range(20):
            p = Person(gender="F", birth_date=date(1980, 1, 1 + i), cur_unit_id=unit.id, id_number=f"0520900{i:05d}")
            set_name(p, f"Nguyễn Thị Số {i}")
            s.add(p)
    return ctx


def _tables(path: Path) -> set[str]:
    eng = create_engine(f"sqlite:///{path}")
    try:
        return set(inspect(eng).get_table_names())
    finally:
        eng.dispose()


def test_a_failed_copy_drops_the_tables_it_created(tmp_path, monkeypatch):
    ctx = _office(tmp_path / "office.sqlite3")
    real_count = copy_mod._count

    def short_on_target(conn, table):
        n = real_count(conn, table)
        return n - 1 if str(conn.engine.url).endswith("copy.sqlite3") and table.name == "persons" else n

    monkeypatch.setattr(copy_mod, "_count", short_on_target)
    target = tmp_path / "copy.sqlite3"
    target.touch()  # an empty file: no tables
    with pytest.raises(DatabaseError) as err:
        copy_mod.copy_to(ctx, str(target))
    ctx.engine.dispose()
    assert err.value.code == "count_mismatch" and "không thay đổi" in err.value.message
    assert _tables(target) == set()


def test_a_text_too_long_for_its_column_stops_the_copy_naming_table_row_and_column(tmp_path):
    ctx = _office(tmp_path / "office.sqlite3")
    with ctx.engine.begin() as conn:  # stored by an older version, which did not check
        conn.execute(text("UPDATE persons SET home_town = :t WHERE id_number = '052090000003'"), {"t": "q" * 250})
    target = tmp_path / "copy.sqlite3"
    target.touch()
    with pytest.raises(DatabaseError) as err:
        copy_mod.copy_to(ctx, str(target))
    ctx.engine.dispose()
    assert err.value.code == "copy_value_too_long"
    assert ("persons", "home_town", 250, 200) == tuple(err.value.params[k] for k in ("table", "column", "length",
                                                                                       "limit"))
    assert "home_town" in err.value.worded("en") and "200" in err.value.worded("en")
    assert _tables(target) == set()


def test_a_copy_that_succeeds_keeps_everything(tmp_path):
    ctx = _office(tmp_path / "office.sqlite3")
    target = tmp_path / "copy.sqlite3"
    target.touch()
    result = copy_mod.copy_to(ctx, str(target))
    ctx.engine.dispose()
    assert result.counts["persons"] == 20
    eng = make_engine(f"sqlite:///{target}")
    with eng.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM persons")).scalar() == 20
    eng.dispose()


def test_a_number_too_large_for_its_column_stops_the_copy(tmp_path):
    ctx = _office(tmp_path / "office.sqlite3")
    with ctx.engine.begin() as conn:  # SQLite keeps any integer; PostgreSQL's integer stops at 2**31 - 1
        conn.execute(text("UPDATE persons SET height_cm = :n WHERE id_number = '052090000004'"), {"n": 2**31})
    target = tmp_path / "copy.sqlite3"
    target.touch()
    with pytest.raises(DatabaseError) as err:
        copy_mod.copy_to(ctx, str(target))
    ctx.engine.dispose()
    assert err.value.code == "copy_value_out_of_range" and err.value.params["column"] == "height_cm"
    assert "2147483648" in err.value.message and _tables(target) == set()
