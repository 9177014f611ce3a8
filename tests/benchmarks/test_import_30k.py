"""Benchmark (not in the default run): 30,000 people import in seconds, a second import adds nobody, and one
bad cell among them writes nothing. Run: pytest tests/benchmarks/test_import_30k.py -s"""

from __future__ import annotations

import time

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from hrapp.db.models import OrgUnit, Person
from hrapp.io.excel_import import import_employees
from tests.io.generate import generate_import_file

ROWS = 30_000
LIMIT_SECONDS = 60  # a loaded two-core build machine; a desktop PC takes a fraction of this


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    return generate_import_file(tmp_path_factory.mktemp("big") / "staff_30k.xlsx", ROWS, seed=30)


@pytest.fixture
def units(ctx):
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])


def people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_30000_rows_import_in_seconds_and_reimport_adds_nobody(ctx, units, big_file):
    started, cpu = time.perf_counter(), time.process_time()
    first = import_employees(ctx, big_file)
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"\nimport of {ROWS} people (+{ROWS} qualifications): {wall:.1f} s wall, {used:.1f} s CPU")
    assert first.ok and first.created == ROWS
    assert wall < LIMIT_SECONDS
    started = time.perf_counter()
    again = import_employees(ctx, big_file)
    print(f"second import of the same file: {time.perf_counter() - started:.1f} s, {again.summary()}")
    assert again.ok and again.unchanged == ROWS and people(ctx) == ROWS


def test_one_bad_cell_among_30000_rows_changes_nothing(ctx, units, big_file, tmp_path):
    wb = load_workbook(big_file)
    ws = wb["Nhân sự"]
    col = [c.value for c in ws[1]].index("Hệ số lương") + 1
    ws.cell(ROWS // 2, col).value = 9.99
    path = tmp_path / "one_bad.xlsx"
    wb.save(path)
    result = import_employees(ctx, path)
    assert [(i.sheet, i.row, i.column) for i in result.issues] == [("Nhân sự", ROWS // 2, "Hệ số lương")]
    assert people(ctx) == 0
