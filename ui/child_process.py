"""Heavy service calls as the pages run them: a large Excel import or staff list runs in a child process.

Reading a workbook (python-calamine) holds the interpreter lock for seconds at a time, and a report of ten
thousand rows leaves so many objects that each full garbage collection of the process holds it for a few hundred
milliseconds; either would freeze the window even from a worker thread. A child process (spawned, so nothing of
the GUI is copied into it) opens its own connection to the same database as the same user and role, runs the
service function there and sends its progress and result back through a pipe; `cancel()` reaches it through an
event. The services write in one transaction (and record their audit rows in it), so a cancelled, failed or
killed child leaves nothing half-saved. Small jobs run where the caller runs: a process would cost more (about a
second to start) than the pause it saves.

This module imports neither PySide6 nor the GUI: it is what the child process loads.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hrapp import lazy
from hrapp.context import ServiceContext
from hrapp.db.cipher import passphrase_of
from hrapp.errors import HrappError
from hrapp.logs import record
from hrapp.queries.employees import EmployeeFilter
from hrapp.queries.lookups import staff_ids
from hrapp.reports.catalogue import export

if TYPE_CHECKING:
    from hrapp.io.excel_import import ImportResult

# Above this size a workbook is read in a child process (30,000 rows are about 3.6 MB and 3 s of calamine).
CHILD_PROCESS_BYTES = 100_000
# Above this many people a staff list is written in a child process (10,000 people: 0.2-0.5 s collections).
CHILD_PROCESS_PEOPLE = 2_000
_PROGRESS_INTERVAL_S = 0.05

# The functions a child process may be asked to run (the one lazy mechanism, hrapp.lazy: the child imports only
# the module of the function it runs).
IMPORT_EMPLOYEES = lazy.Ref("hrapp.io.excel_import:import_employees")
WRITE_STAFF_LIST = lazy.Ref("ui.child_process:_write_staff_list")
TARGETS: tuple[lazy.Ref, ...] = (IMPORT_EMPLOYEES, WRITE_STAFF_LIST)


@dataclass(frozen=True)
class _Identity:
    """Who imports into which database: the child acts exactly as the signed-in user of the parent."""

    url: str
    user: str
    role: str
    unit_scope: tuple[int, ...] | None
    accounts_on: bool
    passphrase: str | None = field(default=None, repr=False)  # an encrypted database's: sent through the pipe


def _shareable(ctx: ServiceContext) -> bool:
    """False for an in-memory SQLite database, which another process cannot open."""
    url = ctx.engine.url
    return not (url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"))


def uses_child_process(ctx: ServiceContext, path: str | os.PathLike[str]) -> bool:
    """True for a workbook large enough to freeze the window, on a database another process can open."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return False  # the import itself reports the missing file
    return _shareable(ctx) and size > CHILD_PROCESS_BYTES


def run_import(ctx: ServiceContext, path: str | os.PathLike[str], *, dry_run: bool,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> ImportResult:
    """`import_employees` with the same arguments and outcome, in a child process when `uses_child_process`."""
    if uses_child_process(ctx, path):
        return call_in_child_process(ctx, IMPORT_EMPLOYEES.target, os.fspath(path),
                                     dry_run=dry_run, progress=progress, cancel=cancel)
    return IMPORT_EMPLOYEES(ctx, path, dry_run=dry_run, progress=progress, cancel=cancel)


def export_staff_list(ctx: ServiceContext, target: str | os.PathLike[str], unit_code: str | None = None, *,
                      progress: Callable[[int, int], None] | None = None,
                      cancel: Callable[[], bool] | None = None) -> str:
    """`hrapp.reports.staff_list.export_staff_list` (file and audit row alike), in a child process for a list
    of more than CHILD_PROCESS_PEOPLE people; returns the path written."""
    people = len(staff_ids(ctx, EmployeeFilter(unit_code=unit_code)))
    if _shareable(ctx) and people > CHILD_PROCESS_PEOPLE:
        call_in_child_process(ctx, WRITE_STAFF_LIST.target, os.fspath(target), unit_code,
                              progress=progress, cancel=cancel)
    else:
        export(ctx, "staff_list", {"unit": unit_code}, target, progress, cancel)
    return os.fspath(target)


def _write_staff_list(ctx: ServiceContext, target: str, unit_code: str | None, *,
                      progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> None:
    """In the child: the export without sending its ten thousand rows back (unpickling them would cost the
    window the pause this process saves)."""
    export(ctx, "staff_list", {"unit": unit_code}, target, progress, cancel)


def call_in_child_process(ctx: ServiceContext, function: str, *args: object,
                          progress: Callable[[int, int], None] | None = None,
                          cancel: Callable[[], bool] | None = None, **kwargs: object) -> Any:
    """`function(ctx, *args, progress=…, cancel=…, **kwargs)` ("module:name", one of TARGETS) run in a spawned
    child process as the user of `ctx`; its result is returned and its exceptions are raised here as they were
    raised there."""
    if lazy.Ref(function) not in TARGETS:
        raise ValueError(f"{function!r} is not a function a child process runs (ui.child_process.TARGETS)")
    mp = multiprocessing.get_context("spawn")
    receiver, sender = mp.Pipe(duplex=False)
    stop = mp.Event()
    identity = _Identity(ctx.engine.url.render_as_string(hide_password=False), ctx.user, ctx.role, ctx.unit_scope,
                         ctx.accounts_on, passphrase_of(ctx.engine))
    child = mp.Process(target=_child, args=(identity, function, args, kwargs, sender, stop),
                       name="hrapp-worker", daemon=False)  # not daemonic: it starts the workbook reader's
    # own child (hrapp/io/workbook_reader.py), which multiprocessing forbids a daemonic process; it is still ended
    # below, and a closing window cancels and waits for its tasks first
    child.start()
    sender.close()  # the child holds the only writing end: end of file means it is gone
    try:
        while True:
            if cancel is not None and not stop.is_set() and cancel():
                stop.set()  # the child stops at its next step and writes nothing
            if not receiver.poll(0.05):
                continue
            try:
                kind, payload = receiver.recv()
            except EOFError:
                child.join(5)
                raise HrappError("child_process", "Tiến trình xử lý đã dừng bất thường (mã "
                                 f"{child.exitcode}); không có dữ liệu nào được ghi.") from None
            if kind == "progress":
                if progress is not None:
                    progress(*payload)
            elif kind == "result":
                return payload
            else:
                raise _rebuilt(payload)
    finally:
        receiver.close()
        child.join(10)
        if child.is_alive():  # only after the answer was sent: nothing is left to write
            child.kill()
            child.join()


def _child(identity: _Identity, function: str, args: tuple, kwargs: dict, sender: Any,
           stop: Any) -> None:
    """The child process: open the database as the parent's user, run the function, send progress and outcome."""
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done >= total or now - last >= _PROGRESS_INTERVAL_S:
            last = now
            sender.send(("progress", (int(done), int(total))))

    try:
        fn = lazy.load(function)
        ctx = ServiceContext.open(identity.url, migrate=False, passphrase=identity.passphrase)
        ctx.user, ctx.role, ctx.unit_scope = identity.user, identity.role, identity.unit_scope
        ctx.accounts_on = identity.accounts_on
        try:
            result = fn(ctx, *args, progress=progress, cancel=stop.is_set, **kwargs)
        finally:
            ctx.engine.dispose()
        sender.send(("result", result))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
        _log(exc)  # the traceback stays here: only the exception's parts travel
        sender.send(("error", _portable(exc)))
    finally:
        sender.close()


def _log(exc: BaseException) -> None:
    if "Cancel" in type(exc).__name__:  # the user stopped the work: nothing failed
        return
    try:
        record(exc, "failed in a child process")
    except Exception:  # noqa: BLE001 - a log that cannot be written must not hide the failure itself
        pass


def _portable(exc: BaseException) -> tuple[str, str, tuple, dict]:
    """An exception as plain picklable parts (HrappError's constructor cannot be replayed by pickle)."""
    state = {k: v for k, v in vars(exc).items() if _picklable(v)}
    args = tuple(a for a in exc.args if _picklable(a))
    return type(exc).__module__, type(exc).__qualname__, args, state


def _picklable(value: object) -> bool:
    try:
        pickle.dumps(value)
    except Exception:  # noqa: BLE001 - anything that cannot travel stays behind
        return False
    return True


def _rebuilt(parts: tuple[str, str, tuple, dict]) -> BaseException:
    module, name, args, state = parts
    try:
        cls = lazy.load(f"{module}:{name}")
        if not (isinstance(cls, type) and issubclass(cls, BaseException)):
            raise TypeError(name)
    except Exception:  # noqa: BLE001 - an unknown class still tells what happened
        return RuntimeError(f"{name}: {' '.join(str(a) for a in args)}")
    exc = cls.__new__(cls)
    BaseException.__init__(exc, *args)
    exc.__dict__.update(state)
    return exc
