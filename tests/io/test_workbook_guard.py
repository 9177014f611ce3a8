"""Workbooks are checked before they are read, and read in a process of their own with a memory limit: a bomb is
one clear line, never an aborted application, and the database is left as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hrapp.db.models import OrgUnit, Person
from hrapp.io import workbook_reader
from hrapp.io.excel_import import ImportCancelled, ImportFileError, import_employees, read_workbook
from hrapp.io.workbook_guard import LIMITS, Limits, WorkbookShape, check_workbook
from tests.io import crafted as c
from tests.io.generate import generate_import_file

ROOT = Path(__file__).resolve().parents[2]
FAR_CELL = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=300)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def units(ctx):
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong")])
    return ctx


def people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def refused(path: Path, limits: Limits = LIMITS) -> str:
    with pytest.raises(ImportFileError) as raised:
        check_workbook(path, limits)
    assert raised.value.code == "workbook_too_large"
    return raised.value.exceeded


# ---------------------------------------------------------------------------------------------- the reported bombs


def test_a_tiny_workbook_naming_a_far_cell_is_one_line_and_leaves_the_database_as_it_was(tmp_path):
    """The 1.6 kB file whose grid would be 17 billion cells aborted the process (exit 134) as calamine allocated."""
    bomb = c.persons_book(tmp_path / "bomb.xlsx", extra_rows=FAR_CELL)
    assert bomb.stat().st_size < 2000
    db = tmp_path / "hr.sqlite3"
    assert cli("--db", str(db), "init").returncode == 0
    before = digest(db)
    res = cli("--db", str(db), "import", "employees", str(bomb))
    assert res.returncode == 1, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.stderr and "memory allocation" not in res.stderr
    assert "giới hạn an toàn" in lines[0] and "số ô" in lines[0]
    assert digest(db) == before


def test_a_declared_dimension_of_the_whole_sheet_is_refused(tmp_path):
    path = c.persons_book(tmp_path / "dim.xlsx", dimension="A1:XFD1048576")
    assert refused(path) == "cells"
    assert refused(c.persons_book(tmp_path / "tall.xlsx", dimension="A1:B2000000")) == "rows"


def test_a_shared_strings_bomb_is_refused_by_its_compression_before_it_is_inflated(tmp_path):
    """Repeats that compress 1000 to 1: the reported 1.5 MB file grew to 10 GB in memory."""
    strings = b"".join(b"<si><t>" + b"A" * 1000 + b"</t></si>" for _ in range(8000))
    sst = b'<sst xmlns="' + c.MAIN.encode() + b'" count="8000" uniqueCount="8000">' + strings + b"</sst>"
    path = c.write(tmp_path / "sst.xlsx", {"Nhân sự": c.sheet(c.text_row(1, c.PERSON_HEAD))}, shared_strings=sst,
                   level=9)
    assert path.stat().st_size < 100_000
    assert refused(path) == "ratio"


def test_shared_strings_are_counted_as_declared_and_as_written(tmp_path):
    head = b'<sst xmlns="' + c.MAIN.encode() + b'" uniqueCount="4000000000">'
    path = c.write(tmp_path / "declared.xlsx", {"S": c.sheet("")}, shared_strings=head + b"<si><t>a</t></si></sst>")
    assert refused(path) == "shared_strings"
    many = b'<sst xmlns="' + c.MAIN.encode() + b'">' + b"<si><t>a</t></si>" * 50 + b"</sst>"
    path = c.write(tmp_path / "written.xlsx", {"S": c.sheet("")}, shared_strings=many)
    assert refused(path, Limits(shared_strings=49)) == "shared_strings"
    assert check_workbook(path, Limits(shared_strings=50)).shared_strings == 50


# ---------------------------------------------------------------------------------------------- each limit


def test_rows_columns_and_cells_are_counted_from_the_cells_themselves(tmp_path):
    rows = "".join(c.text_row(n, ["x", "y"]) for n in range(1, 11))
    path = c.write(tmp_path / "ten.xlsx", {"S": c.sheet(rows)})
    shape = check_workbook(path, Limits(rows=10, columns=2, cells=20))
    assert (shape.sheets[0].rows, shape.sheets[0].last_row, shape.sheets[0].last_column) == (10, 10, 2)
    assert refused(path, Limits(rows=9)) == "rows"
    assert refused(path, Limits(columns=1)) == "columns"
    assert refused(path, Limits(cells=19)) == "cells"
    lone = c.write(tmp_path / "lone.xlsx", {"S": c.sheet(c.row(3, [c.number("C500", 1)]))})
    assert refused(lone, Limits(rows=499)) == "rows"  # the cell's own reference, not its row's, places it


def test_cells_without_a_reference_and_prefixed_elements_are_counted_too(tmp_path):
    unnamed = c.row(1, ["<c><v>1</v></c>"] * 30)
    path = c.write(tmp_path / "unnamed.xlsx", {"S": c.sheet(unnamed)})
    assert check_workbook(path).sheets[0].last_column == 30
    assert refused(path, Limits(columns=29)) == "columns"
    prefixed = (f'<x:worksheet xmlns:x="{c.MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>'
                '<x:c r="ZZ9"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>').encode()
    path = c.write(tmp_path / "prefixed.xlsx", {"S": prefixed})
    shape = check_workbook(path)
    assert (shape.sheets[0].last_row, shape.sheets[0].last_column) == (9, 702)


def test_size_entries_parts_sheets_and_ratio_have_limits(tmp_path):
    path = c.persons_book(tmp_path / "ok.xlsx")
    assert refused(path, Limits(file_bytes=100)) == "size"
    assert refused(path, Limits(entries=4)) == "entries"
    assert refused(path, Limits(part_bytes=200)) == "part"
    assert refused(path, Limits(total_bytes=1000)) == "total"
    many = c.write(tmp_path / "sheets.xlsx", {f"S{n}": c.sheet("") for n in range(6)})
    assert refused(many, Limits(sheets=5)) == "sheets"
    dense = c.write(tmp_path / "dense.xlsx", {"S": c.sheet(c.text_row(1, ["a" * 2_000_000]))}, level=9)
    assert refused(dense) == "ratio"
    assert check_workbook(dense, Limits(ratio=10_000)).sheets[0].last_column == 1


def test_the_generated_import_file_passes_with_its_sheets_and_no_formula(tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 300)
    shape = check_workbook(path)
    assert [(s.name, s.rows) for s in shape.sheets] == [("Nhân sự", 301), ("Trình độ", 301)]
    assert all(not s.formulas for s in shape.sheets)


def test_limits_hold_the_app_s_largest_file_with_room_to_spare():
    """The 100,000-person import (27 columns, 190 MB of sheet XML, 17 MB zipped) fits with a margin of 2 at least."""
    people, columns = 100_000, 27
    assert LIMITS.cells >= 2 * people * columns
    assert LIMITS.part_bytes >= 2 * 190 * 2**20 and LIMITS.file_bytes >= 3 * 17 * 2**20
    assert LIMITS.rows >= 3 * people


# ---------------------------------------------------------------------------------------------- the reading process


def test_a_file_past_the_checks_kills_only_the_reading_process(tmp_path):
    """What no check foresees (here: no check at all) aborts the child, not the caller: one line."""
    bomb = c.persons_book(tmp_path / "bomb.xlsx", extra_rows=FAR_CELL)
    with pytest.raises(ImportFileError) as raised:
        workbook_reader.read_rows(bomb, WorkbookShape)
    assert raised.value.code == "workbook_memory"
    assert "MB" in raised.value.worded("vi") and "\n" not in raised.value.worded("en")


@pytest.mark.skipif(not workbook_reader.memory_limited(), reason="the address space is capped on Linux only")
def test_the_memory_limit_stops_a_reading_that_grows_past_it(tmp_path):
    wide = c.write(tmp_path / "wide.xlsx", {"S": c.sheet(c.row(1, [c.number("A1", 1)]) +
                                                         c.row(3000, [c.number("XFD3000", 1)]))})
    with pytest.raises(ImportFileError) as raised:  # a grid of 49 million cells: about 1.6 GB
        workbook_reader.read_rows(wide, WorkbookShape, memory_limit=512 * 2**20)
    assert raised.value.code == "workbook_memory"


def test_reading_can_be_cancelled_and_a_refused_check_reads_nothing(tmp_path):
    path = generate_import_file(tmp_path / "staff.xlsx", 20)
    with pytest.raises(ImportCancelled):
        workbook_reader.read_rows(path, WorkbookShape, cancel=lambda: True)
    calls = []

    def refuse() -> WorkbookShape:
        calls.append(1)
        raise ImportFileError("workbook_too_large", what="x", found=2, limit=1)

    with pytest.raises(ImportFileError):
        workbook_reader.read_rows(path, refuse)
    assert calls == [1]
    book = read_workbook(path)
    assert len(book["Nhân sự"]) == 21


def test_an_import_of_a_bomb_in_process_raises_one_error_and_writes_nothing(units, tmp_path):
    before = people(units)
    for bomb in (c.persons_book(tmp_path / "far.xlsx", extra_rows=FAR_CELL),
                 c.persons_book(tmp_path / "dim.xlsx", dimension="A1:XFD1048576")):
        with pytest.raises(ImportFileError) as raised:
            import_employees(units, bomb)
        assert raised.value.code == "workbook_too_large"
    assert people(units) == before


def test_a_binary_workbook_and_an_opendocument_sheet_are_refused_with_their_own_line(tmp_path):
    """Neither can be checked before calamine reads it: 100,000 repeated rows of an .ods are 5 million cells."""
    for name, part, code in (("book.xlsb", "xl/workbook.bin", "xlsb_refused"), ("book.ods", "content.xml",
                                                                                "ods_refused")):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr(part, b"<x/>")
        with pytest.raises(ImportFileError) as raised:
            read_workbook(path)
        assert raised.value.code == code
