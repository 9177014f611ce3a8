"""Imported formulas are read as their text and refused on their row (never computed, never their saved result);
a text our export kept from being a formula comes back as it was. Errors are capped: the command line prints the
first 50 then a count, the error workbook holds them all, and past a large cap problems are counted, not kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from hrapp.db.models import OrgUnit, Person
from hrapp.io import excel_import
from hrapp.io.excel_import import import_employees, write_issues
from hrapp.io.workbook_reader import ImportedFormula
from tests.io import crafted as c

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def units(ctx):
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong")])
    return ctx


def people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def birth_place(ctx) -> str | None:
    with ctx.read() as s:
        return s.scalar(select(Person.birth_place))


def with_cell(path: Path, ref_row: int, cell: str) -> Path:
    """The persons sheet with one good row whose full name (column B) is the given cell XML."""
    values = c.person_values()
    cells = [c.text(f"{c.col(i + 1)}{ref_row}", v) for i, v in enumerate(values) if v is not None]
    cells[1] = cell
    return c.write(path, {"Nhân sự": c.sheet(c.text_row(1, c.PERSON_HEAD) + c.row(ref_row, cells))})


def test_a_formula_with_its_saved_value_is_refused_on_its_cell_and_nothing_is_written(units, tmp_path):
    path = with_cell(tmp_path / "f.xlsx", 2, c.formula("B2", 'CONCATENATE("Trần ","Thị Thu Hà")', "Trần Thị Thu Hà"))
    result = import_employees(units, path)
    assert [(i.row, i.column) for i in result.issues] == [(2, "Họ và tên (*)")]
    message = result.issues[0].message
    assert "B2" in message and '=CONCATENATE("Trần ","Thị Thu Hà")' in message and "công thức" in message
    assert people(units) == 0


def test_a_formula_without_a_saved_value_is_refused_instead_of_read_as_empty(units, tmp_path):
    """calamine reads such a cell as empty: the import used to take the row with a blank cell and no word."""
    values = c.person_values(place=None)
    cells = [c.text(f"{c.col(i + 1)}2", v) for i, v in enumerate(values) if v is not None]
    cells.append(c.formula("I2", 'UPPER("hà nội")'))  # the optional birth place, no <v>
    path = c.write(tmp_path / "f.xlsx", {"Nhân sự": c.sheet(c.text_row(1, c.PERSON_HEAD) + c.row(2, cells))})
    result = import_employees(units, path)
    assert [(i.row, i.column) for i in result.issues] == [(2, "Nơi sinh")]
    assert "I2" in result.issues[0].message
    assert people(units) == 0


def test_shared_formulas_and_formulas_written_by_openpyxl_are_all_flagged(units, tmp_path):
    head = c.text_row(1, c.PERSON_HEAD)
    rows = []
    for n in (2, 3):
        values = c.person_values(n, place=None)
        cells = [c.text(f"{c.col(i + 1)}{n}", v) for i, v in enumerate(values) if v is not None]
        shared = ('<f t="shared" ref="I2:I3" si="0">A2&amp;"x"</f>' if n == 2 else '<f t="shared" si="0"/>')
        cells.append(f'<c r="I{n}" t="str">{shared}<v>v</v></c>')
        rows.append(c.row(n, cells))
    path = c.write(tmp_path / "shared.xlsx", {"Nhân sự": c.sheet(head + "".join(rows))})
    result = import_employees(units, path)
    assert [(i.row, i.column) for i in result.issues] == [(2, "Nơi sinh"), (3, "Nơi sinh")]
    assert '=A2&"x"' in result.issues[0].message

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhân sự"
    ws.append(c.PERSON_HEAD)
    ws.append([*c.person_values()[:8], "=1+2"])
    wb.save(tmp_path / "openpyxl.xlsx")
    result = import_employees(units, tmp_path / "openpyxl.xlsx")
    assert [(i.row, i.column) for i in result.issues] == [(2, "Nơi sinh")]
    assert people(units) == 0


def test_a_text_kept_from_being_a_formula_is_imported_as_the_text(units, tmp_path):
    """An apostrophe before = + - @ (OWASP's escape, as our export writes it) is taken off; a text cell that only
    looks like a formula (quote-prefixed in Excel) is a text."""
    path = c.persons_book(tmp_path / "quoted.xlsx", [c.person_values(place="'=1+2 Hà Nội")])
    result = import_employees(units, path)
    assert result.ok, [i.line() for i in result.issues]
    assert birth_place(units) == "=1+2 Hà Nội"
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhân sự"
    ws.append(c.PERSON_HEAD)
    ws.append(c.person_values(1)[:8])
    cell = ws.cell(2, 9)
    cell.value = "@Hà Nội"
    cell.quotePrefix = True
    wb.save(tmp_path / "prefix.xlsx")
    result = import_employees(units, tmp_path / "prefix.xlsx")
    assert result.ok, [i.line() for i in result.issues]


def test_formula_cells_keep_their_text_and_saved_value():
    f = ImportedFormula("=A1+1", "3")
    assert f == "=A1+1" and f.cached == "3"
    import pickle

    again = pickle.loads(pickle.dumps(f))
    assert type(again) is ImportedFormula and again.cached == "3"


# ---------------------------------------------------------------------------------------------- the error cap


def bad_rows(path: Path, n: int) -> Path:
    """n rows that each have one error (a unit that does not exist)."""
    return c.persons_book(path, [c.person_values(i, unit="KHONGCO") for i in range(n)])


def test_the_command_line_prints_fifty_errors_then_a_count_and_the_workbook_holds_them_all(tmp_path):
    db = tmp_path / "hr.sqlite3"
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    assert subprocess.run([*run, "init"], capture_output=True).returncode == 0
    path = bad_rows(tmp_path / "bad.xlsx", 70)
    errors = tmp_path / "errors.xlsx"
    res = subprocess.run([*run, "import", "employees", str(path), "--errors", str(errors)], capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 50 + 3, lines[-4:]
    assert lines[50].startswith("… và 20 lỗi khác") and "70 lỗi" in lines[-1]
    assert load_workbook(errors).active.max_row == 1 + 70


def test_problems_past_the_cap_are_counted_not_kept(units, tmp_path, monkeypatch):
    monkeypatch.setattr(excel_import, "ISSUE_DETAIL_CAP", 5)
    result = import_employees(units, bad_rows(tmp_path / "bad.xlsx", 12))
    assert (len(result.issues), result.more_issues, result.issue_count) == (5, 7, 12)
    assert not result.ok and "12 lỗi" in result.summary()
    write_issues(result.issues, tmp_path / "e.xlsx", result.more_issues)
    ws = load_workbook(tmp_path / "e.xlsx").active
    assert ws.max_row == 1 + 5 + 1 and "7 lỗi" in ws.cell(7, 5).value
    assert people(units) == 0
