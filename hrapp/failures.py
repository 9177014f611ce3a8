"""The error boundary's table of failures: any exception becomes the HrappError the user reads, in one line.

The CLI (hrapp/cli.py `main`) and the GUI (ui/messages.py `show_error`, ui/app.py's exception hook) both ask
`explain(exc)` for the sentence and `hrapp.logs.record` keeps the traceback. Mapped by class, never by call site:

- the app's own errors (HrappError) as they are;
- database errors, whether SQLAlchemy wrapped them or the driver raised them directly (the importer's bulk
  insert talks to sqlite3 itself): locked, read-only, disk full, damaged, a duplicate written concurrently,
  a value the server refuses (PostgreSQL DataError), a query too complex;
- OSError by errno, naming the path: disk full, read-only, access denied, a file where a folder is needed,
  a folder where a file is needed, not found, cannot create, name too long;
- values out of the range Python's dates and SQLite's integers hold, nesting too deep, memory;
- anything else: "Lỗi không mong đợi … xem nhật ký <path>".
"""

from __future__ import annotations

import errno
import sqlite3
import unicodedata
from pathlib import Path

from hrapp.errors import DatabaseError, DomainError, FileAccessError, HrappError, UnexpectedError
from hrapp.logs import log_path

MAX_DETAIL = 160


_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def one_line(text: object) -> str:
    """`text` on one line that a terminal shows as it is: whitespace runs as one space, a control character (an
    escape sequence typed into a value: ESC [2J clears the screen) or a bidirectional override written as its
    code, e.g. \\x1b."""
    line = " ".join(str(text).split())
    if line.isprintable():
        return line
    return "".join(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 and unicodedata.category(ch) == "Cc"
                   else f"\\u{ord(ch):04x}" if ord(ch) in _BIDI else ch for ch in line)


def clip(text: object, limit: int = MAX_DETAIL) -> str:
    """`text` as `one_line`, at most `limit` characters (a 50,000-character value is not echoed whole)."""
    line = one_line(text)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def explain(exc: BaseException) -> HrappError:
    """The error the user reads for `exc` (the app's own error unchanged)."""
    if isinstance(exc, HrappError):
        return exc
    db = database_error(exc)
    if db is not None:
        return db
    if isinstance(exc, OSError) and exc.errno is not None:
        return file_error(exc)
    if isinstance(exc, MemoryError):
        return DomainError("out_of_memory")
    if isinstance(exc, RecursionError):
        return DomainError("too_deep")
    if isinstance(exc, OverflowError) or (isinstance(exc, ValueError) and "out of range" in str(exc)):
        return DomainError("value_out_of_range", detail=clip(exc))
    return unexpected(exc)


def unexpected(exc: BaseException) -> UnexpectedError:
    return UnexpectedError("unexpected", kind=type(exc).__name__, detail=clip(exc) or "-", log=str(log_path()))


# ------------------------------------------------------------------------------------------------ database


def _driver_error(exc: BaseException) -> BaseException | None:
    """The DB-API exception behind `exc` (SQLAlchemy's wrapper's .orig, or the driver's own), else None."""
    from sqlalchemy.exc import DBAPIError  # not at the top: the GUI shows its frame before SQLAlchemy loads

    if isinstance(exc, DBAPIError):
        return exc.orig if exc.orig is not None else exc
    if isinstance(exc, sqlite3.Error):
        return exc
    module = type(exc).__module__ or ""
    if module.startswith("psycopg") and type(exc).__name__.endswith("Error"):
        return exc
    return None


def database_error(exc: BaseException) -> HrappError | None:
    """A database failure in the user's words, or None when `exc` is not one."""
    orig = _driver_error(exc)
    if orig is None:
        return None
    kinds = {cls.__name__ for cls in type(orig).__mro__}
    text = str(orig)
    if "IntegrityError" in kinds:
        if "unique" in text.lower() or "duplicate" in text.lower():
            return DomainError("integrity_unique", detail=clip(text))
        return DomainError("integrity", detail=clip(text))
    if "DataError" in kinds:
        return DomainError("db_value_refused", detail=clip(text))
    if "OperationalError" in kinds or "DatabaseError" in kinds:
        return operational_error(text)
    return None


def operational_error(text: str) -> DatabaseError:
    """An operational error of the database (SQLite's or the server's text) as one of the app's codes."""
    lower = text.lower()
    if "locked" in lower or "busy" in lower:
        return DatabaseError("locked")
    if "readonly" in lower or "read-only" in lower:
        return DatabaseError("read_only")
    if "disk" in lower and "full" in lower:  # SQLITE_FULL: "database or disk is full"
        return DatabaseError("disk_full")
    if "disk i/o error" in lower:
        return DatabaseError("io_error")
    if "unable to open" in lower:
        return DatabaseError("cannot_open")
    if "malformed" in lower or "not a database" in lower:
        return DatabaseError("corrupt")
    if any(k in lower for k in ("too large", "too complex", "too many sql variables", "too big", "too long")):
        return DatabaseError("db_query_too_complex", detail=clip(text))
    return DatabaseError("db_error", detail=clip(text))


# ------------------------------------------------------------------------------------------------ files

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM}


def file_error(exc: OSError, path: str | Path | None = None, *, writing: bool = False) -> FileAccessError:
    """An OSError about a file as one line naming `path` (default: the file the error names) and what to do.
    `writing`: the file was being created (a missing entry then means the folder refuses new files)."""
    named = str(path if path is not None else (exc.filename or exc.filename2 or "?"))
    code = exc.errno
    if code in _FULL:
        return FileAccessError("file_disk_full", path=named)
    if code == errno.EROFS:
        return FileAccessError("file_read_only", path=named)
    if code in _DENIED:
        return FileAccessError("file_denied", path=named)
    if code == errno.ENOTDIR:
        return FileAccessError("file_not_folder", path=named, folder=_file_in_the_way(Path(named)))
    if code == errno.EISDIR:
        return FileAccessError("file_is_folder", path=named)
    if code == errno.ENAMETOOLONG:
        return FileAccessError("file_name_too_long", path=clip(named, 120))
    if code == errno.ENOENT:
        return FileAccessError("file_cannot_create" if writing else "file_not_found", path=named)
    return FileAccessError("file_error", path=named, detail=clip(exc.strerror or exc))


def _file_in_the_way(path: Path) -> str:
    """The part of `path` that is a file although the path goes on below it."""
    for parent in reversed(path.parents):
        try:
            if parent.exists() and not parent.is_dir():
                return str(parent)
        except OSError:
            break
    return str(path.parent)
