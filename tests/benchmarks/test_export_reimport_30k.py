"""Benchmark-sized check (not in the default run): a generated province of 30,000 people, its staff list
exported and imported back into the same database, is 0 new, 0 updated, 0 errors. Seed 2 is the province where
a promotion followed by a step dated before it once made the export name two salary rows at once (two rows
refused). Run: pytest tests/benchmarks/test_export_reimport_30k.py -s"""

from __future__ import annotations

import time
from datetime import date

import pytest

from hrapp import clock
from hrapp.demo.generator import generate_province
from hrapp.io.excel_export import export_employees
from hrapp.io.excel_import import import_employees
from hrapp.queries.employees import EmployeeFilter

AS_OF = date(2026, 12, 7)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_30000_person_export_imported_back_changes_nothing(ctx, tmp_path, seed):
    clock.set_today(AS_OF)  # the export's day is the day the province describes (the suite resets the clock)
    generate_province(ctx, 30_000, 150, seed=seed, as_of=AS_OF)
    path = tmp_path / "staff.xlsx"
    started = time.perf_counter()
    exported = export_employees(ctx, path, EmployeeFilter())
    wrote = time.perf_counter() - started
    started = time.perf_counter()
    result = import_employees(ctx, path, dry_run=True)
    checked = time.perf_counter() - started
    print(f"\nseed {seed}: exported {exported} people in {wrote:.1f} s; check: {result.summary()} "
          f"({checked:.1f} s)")
    assert [i.line() for i in result.issues] == []
    assert (result.created, result.updated, result.unchanged) == (0, 0, exported)
