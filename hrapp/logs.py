"""The application's log file: every failure the user is told about in one line is kept here with its traceback.

The file is `hrapp.paths.log_file()` (HRAPP_LOG, else logs/hrapp.log in the user's data folder), rotated at
1 MB with three old files kept. It is opened on first use, so a command that does not fail never touches it.
If the log cannot be written (a read-only home folder) the failure is still shown; only the details are lost —
the log never prints to the terminal, where the user must read one line.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path

from hrapp import paths

_lock = threading.Lock()
_handler: logging.Handler | None = None
_handler_path: Path | None = None
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"
log = logging.getLogger("hrapp.failures")


class _Null(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        return


def log_path() -> Path:
    return paths.log_file()


def setup() -> Path:
    """Send the app's log records (level INFO and up) to the log file; idempotent, and follows a change of
    HRAPP_LOG (tests). Returns the file's path."""
    global _handler, _handler_path
    path = log_path()
    with _lock:
        if _handler is not None and _handler_path == path:
            return path
        root = logging.getLogger()
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        handler: logging.Handler
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                           encoding="utf-8", delay=True)
        except OSError:
            handler = _Null()
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.setLevel(logging.INFO)
        root.addHandler(handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
        _handler, _handler_path = handler, path
        # Python's own "last resort" would print a record to stderr when no handler takes it: none does now.
        logging.lastResort = None
    return path


def shutdown() -> None:
    """Close the log file and take its handler off (tests, after pointing HRAPP_LOG at a folder of their own)."""
    global _handler, _handler_path
    with _lock:
        if _handler is not None:
            logging.getLogger().removeHandler(_handler)
            _handler.close()
        _handler, _handler_path = None, None


def record(exc: BaseException, what: str = "failure") -> Path:
    """Write `exc` with its traceback to the log, once (a worker's failure shown later on the GUI thread is not
    written twice); returns the log's path (named in the user's line)."""
    path = setup()
    if getattr(exc, "_hrapp_logged", False):
        return path
    log.error("%s: %s", what, type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
    _flush()
    try:
        exc._hrapp_logged = True  # type: ignore[attr-defined]  # a mark set on any exception object
    except AttributeError:
        pass
    return path


def note(text: str) -> Path:
    """A one-line record without a traceback (a refusal on the command line: bad option value)."""
    path = setup()
    log.info("%s", text)
    _flush()
    return path


def _flush() -> None:
    if _handler is not None:
        try:
            _handler.flush()
        except Exception:  # noqa: BLE001 - a log that cannot be written must not hide the failure itself
            pass


def _unraisable(hook_args: sys.UnraisableHookArgs) -> None:
    """An exception Python could not raise (a generator closed during garbage collection, a __del__): into the
    log, never onto the terminal."""
    exc = hook_args.exc_value
    if exc is None:
        return
    setup()
    log.warning("ignored exception in %r: %s", hook_args.object, hook_args.err_msg or "",
                exc_info=(hook_args.exc_type, exc, hook_args.exc_traceback))


def install_quiet_hooks() -> None:
    """Exceptions Python would print itself (unraisable ones, those of threads nobody joins) go to the log."""
    sys.unraisablehook = _unraisable

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
            setup()
            log.error("uncaught in thread %s", getattr(args.thread, "name", "?"),
                      exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    threading.excepthook = thread_hook

