"""Reads a workbook the guard has passed, in a child process with a memory limit, and marks its formula cells.

python-calamine is native code: when an allocation fails it aborts the process (exit 134) instead of raising, and
no `except` can catch that. So the parent never runs it on a user's file: a spawned child (nothing of the caller,
GUI or command line, is copied into it) caps its own address space, reads every sheet and sends the rows back
through a pipe. If the file needs more than the cap, only the child dies, and the caller gets one line
("workbook_memory"). The cap is RLIMIT_AS on Linux. Windows and macOS have no equivalent a process can set on
itself (a Windows job object would be one; RLIMIT_AS is not enforced on macOS), so there the child still protects
the caller from the abort, and the guard's limits (hrapp/io/workbook_guard.py) are what keeps the memory bounded.

This module imports only the standard library and the light guard at the top: it is what the child loads.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable
from typing import Any

from hrapp.io.workbook_guard import ImportCancelled, ImportFileError, WorkbookShape

__all__ = ["MEMORY_LIMIT_BYTES", "ImportedFormula", "memory_limited", "read_rows"]

# The child's address space. Reading the 30,000-person workbook (0.72 million cells) peaks at 153 MB resident and
# about 250 MB of address space with the interpreter; a workbook at the guard's 8 million cells needs about 1.6 GB
# plus the copy sent back. 3 GiB leaves room for that and refuses a bomb long before the machine swaps.
MEMORY_LIMIT_BYTES = 3 * 2**30
_POLL_S = 0.05


class ImportedFormula(str):
    """A cell that holds a formula, as its text ('=SUM(A1:A3)'); `cached` is the value Excel last computed, which
    the import never uses in its place."""

    cached: str | None

    def __new__(cls, text: str, cached: str | None = None) -> ImportedFormula:
        self = super().__new__(cls, text)
        self.cached = cached
        return self

    def __reduce__(self) -> tuple:
        return ImportedFormula, (str(self), self.cached)


def memory_limited() -> bool:
    """True where the child's address space can be capped (Linux)."""
    return sys.platform.startswith("linux")


def read_rows(path: str | os.PathLike[str], check: Callable[[], WorkbookShape], *,
              cancel: Callable[[], bool] | None = None,
              memory_limit: int = MEMORY_LIMIT_BYTES) -> dict[str, list[list[Any]]]:
    """{sheet name: rows} as calamine reads them (row 1 is rows[0]), each formula cell replaced by an
    ImportedFormula.

    `check()` (the guard) runs here while the child starts (a spawned interpreter takes a few tenths of a second
    to be ready); the child reads only once the check has passed, and is ended if it refuses the file."""
    mp = multiprocessing.get_context("spawn")
    here, there = mp.Pipe(duplex=True)
    child = mp.Process(target=_child, args=(memory_limit, there), name="hrapp-reader", daemon=True)
    child.start()
    there.close()  # the child holds the only other end: end of file means it is gone
    try:
        shape = check()
        here.send(os.fspath(path))
        while True:
            if cancel is not None and cancel():
                raise ImportCancelled()
            if not here.poll(_POLL_S):
                continue
            try:
                kind, payload = pickle.loads(here.recv_bytes())
            except Exception:  # noqa: BLE001 - the pipe closed or a message cut short: the child died reading
                child.join(5)
                raise ImportFileError("workbook_memory", limit=memory_limit // 2**20,
                                      status=child.exitcode) from None
            break
    finally:
        here.close()
        if child.is_alive() and child.exitcode is None:
            child.join(0.5)
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "memory":
        raise ImportFileError("workbook_memory", limit=memory_limit // 2**20, status="MemoryError")
    if kind == "password":
        raise ImportFileError("encrypted", "Tệp được bảo vệ bằng mật khẩu. Hãy bỏ mật khẩu rồi nhập lại.")
    if kind == "corrupt":
        raise ImportFileError("corrupt_file", f"Không đọc được tệp bảng tính (tệp hỏng?): {payload}")
    book: dict[str, list[list[Any]]] = payload
    _mark_formulas(book, shape)
    return book


def _mark_formulas(book: dict[str, list[list[Any]]], shape: WorkbookShape) -> None:
    """Put each formula's text where calamine put its cached value (or nothing, when the file has none)."""
    for sheet in shape.sheets:
        rows = book.get(sheet.name)
        if rows is None or not sheet.formulas:
            continue
        for f in sheet.formulas:
            while len(rows) < f.row:
                rows.append([])
            cells = rows[f.row - 1]
            if len(cells) < f.column:
                cells.extend([None] * (f.column - len(cells)))
            cells[f.column - 1] = ImportedFormula("=" + f.text, f.cached)


def _child(memory_limit: int, sender: Any) -> None:
    """The child process: cap the address space, import the reader, wait for the path (the parent's check has
    passed), read, send ("ok", book) or (kind, detail)."""
    try:
        path = ""
        if memory_limit and memory_limited():
            import resource  # POSIX only: on the platforms memory_limited() names

            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = memory_limit if hard == resource.RLIM_INFINITY else min(memory_limit, hard)
            if soft == resource.RLIM_INFINITY or soft > cap:
                resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
        import python_calamine  # noqa: F401 - loaded while the parent checks the file

        try:
            path = sender.recv()
        except EOFError:
            return  # the parent refused the file (or was cancelled): nothing to read
        message: tuple[str, Any] = ("ok", _read(path))
    except MemoryError:
        message = ("memory", None)
    except BaseException as exc:  # noqa: BLE001 - calamine raises its own types (and panics); all mean unreadable
        message = ("password" if type(exc).__name__ == "PasswordError" else "corrupt", str(exc)[:300])
    try:
        sender.send_bytes(_dumps(message))
    except MemoryError:
        sender.send_bytes(_dumps(("memory", None)))
    finally:
        sender.close()


def _dumps(message: tuple[str, Any]) -> bytes:
    """Pickled without the memo: rows of plain values have no shared or cyclic parts, and a pickler that does not
    remember every object it wrote is four times faster (0.3 s instead of 1.2 s for 30,000 people)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(message)
    return out.getvalue()


def _read(path: str) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook  # in the child, loaded under its memory cap (see _child)

    wb = CalamineWorkbook.from_path(path)
    return {name: wb.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in wb.sheet_names}
