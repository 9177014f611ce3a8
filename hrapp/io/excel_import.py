"""Excel import of personnel records: recognise the file, read it with calamine, validate every row with the
same rules as the editor, then write everything in one transaction, or nothing and the list of errors.

People are matched by CCCD: a second import of the same file changes nothing and duplicates nothing.
New people are written with bulk inserts (30,000 rows take seconds); people already in the database are
updated through the ORM so every change lands in the audit trail.
"""

from __future__ import annotations

import gc
import os
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from openpyxl.styles import Alignment, Font, PatternFill

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.io import excel_template as t
from hrapp.io.cells import new_workbook
from hrapp.io.employee_plan import CancelCallback, ProgressCallback
from hrapp.io.employee_write import EmployeeImport
from hrapp.io.org_import import OrgCounts
from hrapp.io.workbook_guard import ImportCancelled, ImportFileError, check_workbook
from hrapp.io.workbook_reader import read_rows
from hrapp.io.workbook_rows import (
    ISSUE_DETAIL_CAP,
    ImportIssue,
)
from hrapp.messages import text
from hrapp.reports.document import write_atomically
from hrapp.security import WRITE, require

__all__ = ["ImportCancelled", "ImportFileError", "ImportIssue", "ImportResult", "import_employees",
           "read_workbook", "write_issues"]


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class ImportResult:
    dry_run: bool
    issues: tuple[ImportIssue, ...]
    rows: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    added: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    more_issues: int = 0  # problems found past ISSUE_DETAIL_CAP: counted, not listed
    warnings: tuple[ImportIssue, ...] = ()  # unlikely but possible values: imported, listed to be checked

    @property
    def ok(self) -> bool:
        return not self.issues and not self.more_issues

    @property
    def issue_count(self) -> int:
        return len(self.issues) + self.more_issues

    def summary(self) -> str:
        """One line in Vietnamese for the status bar and the command line."""
        if not self.ok:
            return text("import_has_errors", errors=self.issue_count, rows=self.rows)
        people = text("import_people", created=self.created, updated=self.updated, unchanged=self.unchanged)
        org_sheets = {spec.name for spec in t.ORG_SHEETS}
        extra = sum(n for sheet, n in self.added.items() if sheet != t.PERSONS.name and sheet not in org_sheets)
        units, quotas = self.added.get(t.UNITS.name, 0), self.added.get(t.QUOTAS.name, 0)
        history = "".join(text(code, count=n) for code, n in (("import_history_rows", extra), ("import_units", units),
                                                               ("import_quotas", quotas)) if n)
        if self.dry_run:
            done = text("import_checked", rows=self.rows, people=people, history=history)
        else:
            done = text("import_done", rows=self.rows, seconds=f"{self.seconds:.1f}", people=people, history=history)
        return done + text("import_warnings", count=len(self.warnings)) if self.warnings else done


# ============================================================================================== reading


def _sniff(path: Path) -> None:
    """Recognise the file by its content, whatever its name, and say clearly what is wrong with it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFileError("file_not_found", f"Không tìm thấy tệp {path}.", path=str(path)) from None
    if size == 0:
        raise ImportFileError("empty_file", "Tệp rỗng (0 byte).")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError):
            raise ImportFileError("corrupt_file", "Tệp bị hỏng hoặc chưa được chép/tải về hết: không đọc được cấu "
                                  "trúc bảng tính .xlsx. Hãy mở bằng Excel và lưu lại.") from None
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names or "content.xml" in names:
            return
        if "word/document.xml" in names:
            raise ImportFileError("wrong_type", "Đây là tài liệu Word (.docx), không phải bảng tính Excel. Hãy chọn "
                                  "tệp .xlsx theo mẫu nhập.")
        if any(n.startswith("ppt/") for n in names):
            raise ImportFileError("wrong_type", "Đây là tệp trình chiếu PowerPoint, không phải bảng tính Excel.")
        raise ImportFileError("wrong_type", "Tệp nén này không phải bảng tính Excel (.xlsx).")
    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if _ENCRYPTED in data:
            raise ImportFileError("encrypted", "Tệp được bảo vệ bằng mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp "
                                  "› Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và nhập.")
        if "WordDocument".encode("utf-16-le") in data:
            raise ImportFileError("wrong_type", "Đây là tài liệu Word (.doc), không phải bảng tính Excel.")
        return  # an Excel 97-2003 .xls: calamine reads it
    if path.suffix.lower() == ".csv":
        raise ImportFileError("wrong_type", "Tệp CSV chưa được hỗ trợ: hãy mở bằng Excel và lưu dạng .xlsx.")
    raise ImportFileError("wrong_type", f"Tệp “{path.name}” không phải bảng tính Excel (.xlsx). Hãy tải mẫu nhập "
                          "từ phần mềm và nhập dữ liệu vào đó.")


def read_workbook(path: str | os.PathLike[str], *,
                  cancel: CancelCallback | None = None) -> dict[str, list[list[Any]]]:
    """{sheet name: rows} with Excel's own types (dates as date, numbers as float); row 1 is rows[0]; a formula
    cell is an `ImportedFormula`, its text (never its cached value).

    The file is recognised (_sniff) and checked against the limits (workbook_guard) before any parser sees it,
    then read in a child process with a memory limit (workbook_reader)."""
    path = Path(path)
    _sniff(path)
    return read_rows(path, lambda: check_workbook(path), cancel=cancel)


# ============================================================================================== entry points


def import_employees(ctx: ServiceContext, path: str | os.PathLike[str], *, dry_run: bool = False,
                     progress: ProgressCallback | None = None, cancel: CancelCallback | None = None,
                     today: date | None = None) -> ImportResult:
    """Validate the whole file; unless `dry_run` or an error was found, write it in one transaction.

    File-level problems (not a workbook, password, damaged) raise ImportFileError; row problems come back
    as `issues` with nothing written. `cancel()` returning True stops the work and writes nothing.
    """
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of rows stay alive until the write: cycle scans over them are wasted time
    try:
        return _import(ctx, path, dry_run, progress, cancel, today)
    finally:
        if collecting:
            gc.enable()


def _import(ctx: ServiceContext, path: str | os.PathLike[str], dry_run: bool, progress: ProgressCallback | None,
            cancel: CancelCallback | None, today: date | None) -> ImportResult:
    started = time.perf_counter()
    require(ctx, WRITE)
    today = today or clock.today()
    book = read_workbook(path, cancel=cancel)
    if cancel is not None and cancel():
        raise ImportCancelled()
    with ctx.unit_of_work() as s:
        importer = EmployeeImport(ctx, s, today, progress, cancel, ISSUE_DETAIL_CAP)  # a test may lower the cap
        plans = importer.plan(book)
        total_rows = importer.total // 2 + importer.org.rows
        warnings = tuple(sorted(importer.warnings.items, key=_issue_order))
        if importer.issues.items:
            s.rollback()  # units and quotas were written ahead for the staff rows: nothing is kept
            issues = tuple(sorted(importer.issues.items, key=_issue_order))
            return ImportResult(dry_run, issues, total_rows, seconds=time.perf_counter() - started,
                                more_issues=importer.issues.more, warnings=warnings)
        if dry_run:
            s.rollback()
            new = sum(1 for p in plans if p.person_id is None)
            changed = sum(1 for p in plans if p.person_id is not None and p.changes_anything())
            return ImportResult(True, (), total_rows, created=new, updated=changed,
                                unchanged=len(plans) - new - changed, added=_org_added(importer.org),
                                seconds=time.perf_counter() - started, warnings=warnings)
        created, updated, unchanged, added = importer.write(plans, Path(path).name)
    if progress is not None:
        progress(importer.total, importer.total)
    return ImportResult(False, (), total_rows, created, updated, unchanged, added, time.perf_counter() - started,
                        warnings=warnings)


def _org_added(org: OrgCounts) -> dict[str, int]:
    return {name: n for name, n in ((t.UNITS.name, org.units), (t.QUOTAS.name, org.quotas)) if n}


_SHEET_ORDER = {spec.name: n for n, spec in enumerate((*t.ORG_SHEETS, *t.SHEETS))}


def _issue_order(issue: ImportIssue) -> tuple:
    return _SHEET_ORDER.get(issue.sheet, 99), issue.row


def write_issues(issues: Iterable[ImportIssue], target: str | os.PathLike[str] | IO[bytes], more: int = 0) -> None:
    """The error list as a workbook to work through: sheet, row, column, value, message; every problem kept (up to
    ISSUE_DETAIL_CAP), then a last line counting the `more` found past it."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Lỗi"
    headers = ("Trang tính", "Dòng", "Cột", "Giá trị", "Nội dung lỗi")
    widths = (18, 8, 24, 22, 90)
    for c, (title, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(1, c, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FCE4D6")
        ws.column_dimensions[cell.column_letter].width = width
    for r, issue in enumerate(issues, start=2):
        ws.cell(r, 1, issue.sheet)
        ws.cell(r, 2, issue.row or None)
        ws.cell(r, 3, issue.column)
        ws.cell(r, 4, issue.value).number_format = "@"
        ws.cell(r, 5, issue.message).alignment = Alignment(wrap_text=True)
    if more:
        ws.cell(ws.max_row + 1, 5, text("import_errors_not_listed", count=more))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{max(ws.max_row, 1)}"
    write_atomically(target, wb.save)
