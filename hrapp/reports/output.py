"""The one way an exported or printed document reaches its file: audit row first, file after (NĐ 13/2023).

The document is written to a temporary file beside the target; the audit row of the export is then committed;
only then is the temporary file renamed into place. If the audit row cannot be written (the database locked by
another program for longer than the busy timeout, a read-only database) nothing is left behind — neither the file
nor the temporary one — and the user reads one line saying so. Should the rename itself fail after the row was
committed, a second row records that no file was made.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from sqlalchemy.orm import Session

from hrapp import messages
from hrapp.db.audit import record
from hrapp.errors import DatabaseError, HrappError
from hrapp.reports.document import write_atomically
from hrapp.services.context import ServiceContext
from hrapp.services.permissions import READ, require

__all__ = ["Audit", "write_audited"]

_T = TypeVar("_T")
Audit = Callable[[Session], None]
"""Adds the export's audit row(s) to the session (`record(...)`, `record_personal_output(...)`)."""


def _commit_audit(ctx: ServiceContext, audit: Audit) -> None:
    try:
        with ctx.unit_of_work() as s:
            audit(s)
    except HrappError as exc:
        raise DatabaseError("export_not_audited",
                            reason=messages.Text(exc.worded("vi"), exc.code, exc.params)) from exc


def write_audited(ctx: ServiceContext, target: str | os.PathLike[str] | IO[bytes],
                  write: Callable[[IO[bytes]], _T], audit: Audit) -> _T:
    """Run `write` on a binary stream, commit `audit`, then hand the bytes over: for a path, a temporary file in the
    same folder renamed over the target; for a caller's stream, the bytes written to it. Returns `write`'s result."""
    require(ctx, READ)  # the document's own check came first; nobody signed in writes nothing, even here
    if not isinstance(target, str | os.PathLike):
        buffer = io.BytesIO()
        result = write(buffer)
        _commit_audit(ctx, audit)
        target.write(buffer.getvalue())
        return result

    folder = Path(target).expanduser().parent
    if not folder.is_dir():  # one rule for every file the user names: the folder must exist, none is made
        raise DatabaseError("folder_not_found", path=str(folder))
    audited = False

    def write_then_audit(fh: IO[bytes]) -> _T:
        nonlocal audited
        out = write(fh)
        fh.flush()
        _commit_audit(ctx, audit)
        audited = True
        return out

    try:
        return write_atomically(target, write_then_audit)
    except Exception as exc:
        if audited:  # the row says a file was made: say it was not
            _record_no_file(ctx, Path(target), exc)
        raise


def _record_no_file(ctx: ServiceContext, path: Path, exc: Exception) -> None:
    try:
        with ctx.unit_of_work() as s:
            record(s, "export", "export_file", None,
                   summary=f"Không tạo được tệp {path.name} sau khi đã ghi nhật ký xuất ({messages.render(exc, 'vi')})")
    except HrappError:
        pass  # the database is gone too: the error the user reads is the file's
