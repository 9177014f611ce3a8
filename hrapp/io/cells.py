"""The one way the app writes spreadsheet and CSV cells: text a spreadsheet would take for a formula is kept as text.

OWASP's rule for CSV/formula injection: a value starting with `=`, `+`, `-`, `@`, tab or carriage return (and a
line feed here too) can be run as a formula when the file is opened. Such text, from the database or from an
imported file, is written

* in an .xlsx as a text cell with the "quote prefix" style (Excel shows it as typed, never evaluates it, and keeps
  it text when the cell is edited) — the value itself is unchanged, so an exported file imports back as it was;
* in a CSV with a leading apostrophe (`'=1+1`), the form spreadsheet programs show as text.

Only the app's own formulas stay formulas: those written with `put_formula` (a `Formula`). Numbers and dates stay
numbers and dates (a negative number is a number, not text).

Every workbook the app writes is made by `new_workbook()` and every CSV by `csv_writer()`; a test fails on any
other `Workbook(...)` or `csv.writer` in the code. A workbook from `new_workbook()` checks every cell as it is
saved (or, write-only, as each row is appended), however the cell was filled.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterable, Sequence
from typing import IO, Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from hrapp import clock

__all__ = ["DANGEROUS_LEADS", "Formula", "csv_field", "csv_writer", "is_formula_like", "neutral_csv_text",
           "new_workbook", "put_formula"]

DANGEROUS_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make a spreadsheet program read a cell as a formula (OWASP, plus LF)."""


class Formula(str):
    """A formula the app writes on purpose (a totals row's `=SUM(B5:B40)`): the only text kept a formula."""


def is_formula_like(value: object) -> bool:
    """Whether `value` is text a spreadsheet would read as a formula (and is not the app's own Formula)."""
    return isinstance(value, str) and not isinstance(value, Formula) and value[:1] in DANGEROUS_LEADS \
        and value != ""


def neutral_csv_text(text: str) -> str:
    """CSV text that cannot start a formula: `=1+1` -> `'=1+1`; other text as it is."""
    return "'" + text if is_formula_like(text) else text


def csv_field(value: object, shown: object = None) -> object:
    """One CSV field: text neutralised; a number, date or other value written as `shown` (its formatted text,
    e.g. '-1,5') or as itself; None as empty."""
    if value is None:
        return "" if shown is None else shown
    if isinstance(value, str):
        return neutral_csv_text(value if shown is None else str(shown))
    return value if shown is None else shown


class SafeCsvWriter:
    """`csv.writer` whose rows pass through `csv_field`."""

    def __init__(self, stream: IO[str], **kwargs: Any):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, values: Sequence[object], shown: Sequence[object] | None = None) -> None:
        """Write one row of raw values; `shown` gives each value's formatted text where it is not the value."""
        if shown is None:
            self._writer.writerow([csv_field(v) for v in values])
        else:
            self._writer.writerow([csv_field(v, s) for v, s in zip(values, shown, strict=True)])

    def writerows(self, rows: Iterable[Sequence[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream: IO[str], **kwargs: Any) -> SafeCsvWriter:
    """The only CSV writer of the app (the keywords are csv.writer's)."""
    return SafeCsvWriter(stream, **kwargs)


def _as_text(cell: Cell) -> None:
    """Keep a cell's value as literal text that Excel shows as typed and never evaluates."""
    cell.data_type = "s"
    cell.quotePrefix = True


def _neutralise_cell(cell: Cell, own: dict[tuple[int, int], str]) -> None:
    kind = cell.data_type
    if kind == "f":
        if own.get((cell.row, cell.column)) != cell.value:
            _as_text(cell)
    elif kind == "e":  # '#N/A' typed as text would be stored as an error value
        _as_text(cell)
    elif kind == "s" and is_formula_like(cell.value):
        cell.quotePrefix = True


class _SafeWriteOnlyWorksheet(WriteOnlyWorksheet):
    """A streaming sheet whose appended values are neutralised before they are written."""

    def append(self, row: Iterable[object]) -> None:
        super().append([self._safe(v) for v in row])

    def _safe(self, value: object) -> object:
        if isinstance(value, Formula):
            return value
        if isinstance(value, Cell):
            if value.data_type in ("f", "e") or (value.data_type == "s" and is_formula_like(value.value)):
                _as_text(value)
            return value
        if isinstance(value, str) and (is_formula_like(value) or value.startswith("#")):
            cell = WriteOnlyCell(self, value)
            if cell.data_type != "s" or is_formula_like(value):
                _as_text(cell)
            return cell
        return value


class SafeWorkbook(Workbook):
    """An openpyxl Workbook that writes no formula but the app's own (see the module's docstring)."""

    def __init__(self, write_only: bool = False):
        super().__init__(write_only=write_only)
        self._own_formulas: dict[int, dict[tuple[int, int], str]] = {}

    def create_sheet(self, title: str | None = None, index: int | None = None) -> Any:
        if not self.write_only:
            return super().create_sheet(title, index)
        ws = _SafeWriteOnlyWorksheet(parent=self, title=title)
        self._add_sheet(sheet=ws, index=index)
        return ws

    def own_formula(self, ws: Worksheet, row: int, column: int, text: str) -> None:
        self._own_formulas.setdefault(id(ws), {})[(row, column)] = text

    def neutralise(self) -> None:
        """Turn every formula the app did not write itself into text, and mark formula-like text as text."""
        for ws in self.worksheets:
            if isinstance(ws, Worksheet):
                own = self._own_formulas.get(id(ws), {})
                for cell in ws._cells.values():
                    _neutralise_cell(cell, own)

    def save(self, filename: Any) -> None:
        """openpyxl's save, except that a failed write (disk full) closes its zip writer at once: left to the
        garbage collector, it would later try to finish the archive in a file already closed."""
        self.neutralise()
        if self.write_only and not self.worksheets:
            self.create_sheet()
        archive = ZipFile(filename, "w", ZIP_DEFLATED, allowZip64=True)
        self.properties.modified = clock.utcnow()
        try:
            ExcelWriter(self, archive).save()
        except BaseException:
            with contextlib.suppress(Exception):
                archive.close()  # whatever it raises, the archive lets go of the file (its fp is set to None)
            raise


def new_workbook(write_only: bool = False) -> SafeWorkbook:
    """The only way the app makes a workbook to write."""
    return SafeWorkbook(write_only=write_only)


def put_formula(ws: Worksheet, row: int, column: int, formula: str) -> Cell:
    """Write one of the app's own formulas (it must start with '='); any other formula is saved as text."""
    if not formula.startswith("="):
        raise ValueError("a formula starts with '='")
    cell = ws.cell(row, column, formula)
    if isinstance(ws.parent, SafeWorkbook):
        ws.parent.own_formula(ws, row, column, cell.value)
    return cell
