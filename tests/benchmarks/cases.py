"""The benchmark cases, each run in a process of its own by tests/benchmarks/run.py:
python -m tests.benchmarks.cases CASE --db DB --work DIR [--as-of YYYY-MM-DD]

Every case measures the application and, in the same process and on the same data, the raw baseline the
figure is divided by; measurements and baselines alternate and the best of the repetitions is kept (noise on a
shared machine only ever adds time). A case prints one line `RESULT <json list>`.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

SEARCH_TEXT = "nguyen van a"
ACTIVE = ("working", "seconded", "leave")
PAGE = 200
IMPORT_ROWS = 30_000
STAFF_LIST_PEOPLE = 10_000


def result(name: str, measured: float, baseline: float | None, unit: str, target: float | None,
           target_kind: str, note: str = "", **extra: Any) -> dict[str, Any]:
    return {"name": name, "measured": round(measured, 4), "baseline": None if baseline is None else round(baseline, 4),
            "unit": unit, "target": target, "target_kind": target_kind, "note": note, **extra}


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def rss_mb() -> tuple[float, float]:
    """(resident now, peak) in MB, from /proc."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def _open(db: str):
    from hrapp.context import ServiceContext

    ctx = ServiceContext.open(db)
    ctx.user = "benchmark"
    return ctx


# ============================================================================================ raw SQL baselines

ROW_SQL = ("SELECT p.id, p.full_name, p.birth_date, p.gender, u.name, p.cur_category, r.name, p.cur_post, "
           "p.cur_coefficient FROM persons p LEFT JOIN org_units u ON u.id = p.cur_unit_id "
           "LEFT JOIN ranks r ON r.code = p.cur_rank_code WHERE p.id IN ({})")


def raw_ids(conn: sqlite3.Connection, search: str = "", way: str = "index") -> list[int]:
    """The ids of the staff list in display order, each typed word starting a word of the folded name.

    way="plain": one result row per id, the planner's choice of index; way="index": the covering index walked in
    display order and the ids returned as one string. The baselines take the faster of the two.
    """
    from hrapp.text import fold

    where, params = [f"status IN ({', '.join('?' for _ in ACTIVE)})"], list(ACTIVE)
    for term in [t for t in fold(search).split(" ") if t]:
        where.append("(name_folded LIKE ? OR name_folded LIKE ?)")
        params += [f"{term}%", f"% {term}%"]
    if way == "plain":
        sql = f"SELECT id FROM persons WHERE {' AND '.join(where)} ORDER BY sort_key, id"
        return [r[0] for r in conn.execute(sql, params)]
    sql = (f"SELECT group_concat(id) FROM (SELECT id FROM persons INDEXED BY ix_persons_list "
           f"WHERE {' AND '.join(where)} ORDER BY sort_key, id)")  # the index named: the planner cannot do better
    text = conn.execute(sql, params).fetchone()[0]
    return [int(i) for i in text.split(",")] if text else []


def raw_haystacks(conn: sqlite3.Connection) -> tuple[list[int], list[str]]:
    """The whole list in display order with each folded name behind a space, read once for searching in memory."""
    rows = conn.execute(f"SELECT id, ' ' || name_folded FROM persons INDEXED BY ix_persons_list WHERE status IN "
                        f"({', '.join('?' for _ in ACTIVE)}) ORDER BY sort_key, id", ACTIVE).fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]


def raw_narrow(ids: list[int], haystacks: list[str], search: str) -> tuple[list[int], list[str]]:
    """The word-start match in plain Python: each typed word behind a space is in ' ' + the folded name."""
    from hrapp.text import fold

    for term in [t for t in fold(search).split(" ") if t]:
        pairs = [(i, h) for i, h in zip(ids, haystacks, strict=True) if " " + term in h]
        ids, haystacks = [p[0] for p in pairs], [p[1] for p in pairs]
    return ids, haystacks


def fastest(*fns: Callable[[], Any], repeat: int = 1) -> float:
    return min(best(fn, repeat) for fn in fns)


def raw_rows(conn: sqlite3.Connection, ids: list[int]) -> list[tuple]:
    if not ids:
        return []
    return conn.execute(ROW_SQL.format(", ".join("?" for _ in ids)), ids).fetchall()


class BareView:
    """A bare QTableView over a QStandardItemModel: the cheapest way to show a page of rows on this machine."""

    def __init__(self, size: tuple[int, int]):
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QTableView

        self.model = QStandardItemModel(0, 9)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.resize(*size)
        self.view.show()
        from PySide6.QtWidgets import QApplication

        deadline = time.perf_counter() + 10
        while not (self.view.windowHandle() and self.view.windowHandle().isExposed()):  # painting needs it
            QApplication.processEvents()
            if time.perf_counter() > deadline:
                break

    def show_rows(self, rows: list[tuple]) -> None:
        from PySide6.QtGui import QStandardItem

        self.model.removeRows(0, self.model.rowCount())
        for i, r in enumerate(rows[:40]):  # what fits on the screen; the rest is never painted
            self.model.appendRow([QStandardItem(str(i + 1))] + [QStandardItem("" if v is None else str(v))
                                                               for v in r[1:]])
        self.view.viewport().repaint()


# ============================================================================================ staff list (GUI)


def case_staff_list(args: argparse.Namespace) -> list[dict[str, Any]]:
    """First page shown, scroll to the end and search as you type in the real main window, then its memory."""

    from ui.app import application, install_translation, settle_heap
    from ui.main_window import MainWindow
    from ui.style import apply_style

    app = application()
    install_translation(app, "vi")
    apply_style(app)
    ctx = _open(args.db)
    window = MainWindow(ctx, start_area="calculators")
    window.resize(1280, 780)
    window.show()
    settle_heap()  # as run_gui does once the main window is shown
    app.processEvents()

    def settle(until: Callable[[], bool], timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while not until():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the staff list did not settle")
            time.sleep(0.0005)

    # -- first page shown: the page is built, the id query runs on its worker, the first rows are painted
    started = time.perf_counter()
    page = window.show_area("staff")
    settle(lambda: not page.model.loading and page.model.rowCount() > 0)
    page.table.viewport().repaint()
    first_page = time.perf_counter() - started
    assert page.model.pages_fetched >= 1, "no row was fetched for the first page"
    total_rows = page.model.rowCount()

    conn = sqlite3.connect(args.db)
    size = (page.table.viewport().width(), page.table.viewport().height())
    bare = BareView(size)

    def raw_first(way: str) -> None:
        ids = raw_ids(conn, "", way)
        bare.show_rows(raw_rows(conn, ids[:PAGE]))

    raw_first_page = fastest(lambda: raw_first("index"), lambda: raw_first("plain"), repeat=3)

    # -- scroll to the end: the last page is fetched and painted
    last_page = (total_rows - 1) // page.model.PAGE_SIZE
    started = time.perf_counter()
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    settle(lambda: last_page in page.model._pages)
    scroll = time.perf_counter() - started
    ids_all = raw_ids(conn)

    def raw_last() -> None:
        bare.show_rows(raw_rows(conn, ids_all[-PAGE:]))

    raw_scroll = best(raw_last, 5)
    page.table.scrollToTop()

    # -- search as you type, one keystroke at a time: each measured from the key pressed in the search box to the
    # list showing its answer with the first rows painted (the pause the page waits for before asking the database
    # included, when it asks)
    from PySide6.QtTest import QTest

    keystrokes: list[float] = []
    raw_keystrokes: list[float] = []
    counts: list[int] = []
    base_ids, base_haystacks = raw_haystacks(conn)
    page.search_edit.setFocus()
    # The page reads the folded names for searching in memory 150 ms after the list shows; the raw measurements
    # above kept the event loop from running, which a user looking at the list does not. (A key typed before
    # the names are read is answered by the database after the pause: about as long as before.)
    settle(lambda: not page.model.reading_names)
    for _round in range(4):
        raw_previous = ("", base_ids, base_haystacks)
        for n in range(1, len(SEARCH_TEXT) + 1):
            text = SEARCH_TEXT[:n]
            answered = page.model.answered
            started = time.perf_counter()
            QTest.keyClicks(page.search_edit, text[-1])
            settle(lambda a=answered: page.model.answered > a and not page.model.loading)
            if page.model.rowCount():
                page.table.viewport().repaint()  # fetches the visible page of rows and paints it
            keystrokes.append(time.perf_counter() - started)
            assert page.model.current_filter.search == text
            counts.append(page.model.rowCount())

            def raw_key(way: str, t: str = text) -> None:
                ids = raw_ids(conn, t, way)
                bare.show_rows(raw_rows(conn, ids[:PAGE]))

            def raw_memory(t: str = text, previous: tuple = raw_previous) -> None:
                ids, _h = raw_narrow(previous[1], previous[2], t)
                bare.show_rows(raw_rows(conn, ids[:PAGE]))

            raw_keystrokes.append(fastest(lambda: raw_key("index"), lambda: raw_key("plain"), raw_memory))
            raw_previous = (text, *raw_narrow(raw_previous[1], raw_previous[2], text))
        page.search_edit.clear()
        settle(lambda: page.model.current_filter.search == "" and not page.model.loading)
    p95 = statistics.quantiles(keystrokes, n=20, method="inclusive")[18]
    raw_p95 = statistics.quantiles(raw_keystrokes, n=20, method="inclusive")[18]
    gc.collect()
    app.processEvents()
    rss, peak = rss_mb()
    conn.close()
    window.hide()
    note_matches = f"matches per keystroke: {', '.join(str(c) for c in counts[:len(SEARCH_TEXT)])}"
    return [
        result("staff_list_first_page", first_page * 1000, raw_first_page * 1000, "ms", 3.0, "ratio",
               f"{total_rows} people; baseline: raw sqlite3 id query + first page rows painted in a bare QTableView"),
        result("staff_list_scroll_to_end", scroll * 1000, raw_scroll * 1000, "ms", 3.0, "ratio",
               "baseline: raw sqlite3 query of the last page's rows painted in a bare QTableView"),
        result("search_keystroke_p95", p95 * 1000, raw_p95 * 1000, "ms", 50.0, "absolute",
               f"'{SEARCH_TEXT}' typed one key at a time into the search box, 4 rounds, each from the key to the "
               f"first rows painted; {note_matches}",
               samples_ms=[round(k * 1000, 2) for k in keystrokes]),
        result("search_keystroke_p95_vs_raw", p95 * 1000, raw_p95 * 1000, "ms", 3.0, "ratio",
               "baseline: the fastest of two raw sqlite3 queries with the same word-prefix match and order (planner's "
               "choice, covering index) and the same match in plain Python over the list read once, narrowed from "
               "the previous keystroke; first page (raw sqlite3 rows) painted in a bare QTableView"),
        result("memory_staff_list_open", rss, None, "MB", 300.0, "absolute",
               f"RSS after the searches with the 100k list open (peak {peak:.0f} MB)", peak_mb=round(peak, 1)),
    ]


# ============================================================================================ reports


def _unit_near(ctx, people: int) -> tuple[str, int]:
    """The unit (with its sub-units) whose working staff is closest to `people`."""
    from sqlalchemy import func, select

    from hrapp.db.models import OrgUnit, Person

    with ctx.read() as s:
        units = s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.parent_id)).all()
        direct = dict(s.execute(select(Person.cur_unit_id, func.count()).where(Person.status.in_(ACTIVE))
                                .group_by(Person.cur_unit_id)).all())
    children: dict[int | None, list[int]] = {}
    for uid, _code, parent in units:
        children.setdefault(parent, []).append(uid)

    def total(uid: int) -> int:
        return direct.get(uid, 0) + sum(total(c) for c in children.get(uid, []))

    return min(((code, total(uid)) for uid, code, _p in units), key=lambda cn: abs(cn[1] - people))


def raw_canvas(path: Path, lines: list[str]) -> None:
    """The same rows as plain text lines on landscape A4 with the same font: the cheapest possible PDF."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from hrapp.reports.document import FONT, register_fonts

    register_fonts()
    width, height = landscape(A4)
    c = Canvas(str(path), pagesize=(width, height))
    y = height - 40
    c.setFont(FONT, 10.5)
    for line in lines:
        if y < 40:
            c.showPage()
            c.setFont(FONT, 10.5)
            y = height - 40
        c.drawString(40, y, line)
        y -= 14
    c.save()


def case_reports(args: argparse.Namespace) -> list[dict[str, Any]]:
    from hrapp.reports.document import cell_text
    from hrapp.reports.staff_list import export_staff_list, staff_list, staff_list_spec
    from hrapp.reports.staffing_table import export_staffing

    ctx = _open(args.db)
    work = Path(args.work)
    code, people = _unit_near(ctx, STAFF_LIST_PEOPLE)
    data = staff_list(ctx, code)
    spec = staff_list_spec(data, sections=False)
    lines = [" | ".join(cell_text(v, c) for v, c in zip(row, spec.columns, strict=True)) for row in spec.rows
             if isinstance(row, list)]
    measured, baseline = [], []
    pages = 0
    for i in range(3):
        started = time.perf_counter()
        raw_canvas(work / f"raw{i}.pdf", lines)
        baseline.append(time.perf_counter() - started)
        started = time.perf_counter()
        export_staff_list(ctx, work / f"list{i}.pdf", code)
        measured.append(time.perf_counter() - started)
    from pypdf import PdfReader

    pages = len(PdfReader(str(work / "list0.pdf")).pages)
    raw_pages = len(PdfReader(str(work / "raw0.pdf")).pages)
    as_of = date.fromisoformat(args.as_of)
    staffing = []
    for i in range(3):
        started = time.perf_counter()
        table = export_staffing(ctx, work / f"staffing{i}.pdf", as_of.year, as_of)
        staffing.append(time.perf_counter() - started)
    units = len(table.rows) if hasattr(table, "rows") else None
    return [
        result("staff_list_pdf_10k", min(measured) * 1000, min(baseline) * 1000, "ms", 2.0, "ratio",
               f"unit {code}: {data.count} people, {pages} pages (query, layout and file); baseline: the same rows "
               f"as plain text lines on a raw ReportLab canvas, {raw_pages} pages"),
        result("staffing_table_pdf_500_units", min(staffing) * 1000, None, "ms", 1000.0, "absolute",
               f"year {as_of.year} on {as_of:%d/%m/%Y}, every unit of the database" +
               (f" ({units} rows)" if units else "")),
    ]


# ============================================================================================ Excel import


def _import_target(work: Path, name: str):
    """A fresh database with the two units the generated workbook names."""
    from sqlalchemy import insert

    from hrapp.db.models import OrgUnit
    from hrapp.services.setup import init_database

    path = work / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    ctx = init_database(str(path))
    ctx.user = "benchmark"
    with ctx.engine.begin() as conn:
        conn.execute(insert(OrgUnit), [{"code": "VP", "name": "Văn phòng Sở", "kind": "van_phong"},
                                       {"code": "QLKH", "name": "Phòng Quản lý khoa học", "kind": "phong"}])
    return ctx


def raw_read(path: Path) -> int:
    """Every sheet read into Python lists by python-calamine, the fastest reader available here."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    return sum(len(wb.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in wb.sheet_names)


def case_import(args: argparse.Namespace) -> list[dict[str, Any]]:
    from hrapp.io.excel_import import import_employees

    work = Path(args.work)
    book = Path(args.workbook)
    measured, baseline = [], []
    created = 0
    for i in range(2):
        started = time.perf_counter()
        raw_read(book)
        baseline.append(time.perf_counter() - started)
        ctx = _import_target(work, f"import{i}.sqlite3")
        started = time.perf_counter()
        res = import_employees(ctx, book)
        measured.append(time.perf_counter() - started)
        assert res.ok, res.issues[:3]
        created = res.created
        ctx.engine.dispose()
    for _ in range(2):
        started = time.perf_counter()
        raw_read(book)
        baseline.append(time.perf_counter() - started)
    return [result("excel_import_30k", min(measured) * 1000, min(baseline) * 1000, "ms", 3.0, "ratio",
                   f"{created} people with a qualification each, validated and written in one transaction into a "
                   "fresh database; baseline: python-calamine reading every sheet")]


# ============================================================================================ alerts


def case_alerts(args: argparse.Namespace) -> list[dict[str, Any]]:
    from hrapp.services.alerts import alerts

    ctx = _open(args.db)
    as_of = date.fromisoformat(args.as_of)
    conn = sqlite3.connect(args.db)
    found: list[Any] = []

    def raw() -> None:
        # The inputs every rule needs: who is on staff and their salary row in force, in two plain queries.
        conn.execute("SELECT person_id, category, unit_id, start_date FROM employments WHERE start_date <= ? "
                     "AND (end_date IS NULL OR end_date >= ?)", (as_of.isoformat(), as_of.isoformat())).fetchall()
        conn.execute("SELECT * FROM (SELECT s.*, row_number() OVER (PARTITION BY person_id ORDER BY effective_date "
                     "DESC, id DESC) rn FROM salary_steps s WHERE effective_date <= ?) WHERE rn = 1",
                     (as_of.isoformat(),)).fetchall()

    measured, baseline = [], []
    for _ in range(3):
        baseline.append(best(raw, 1))
        started = time.perf_counter()
        found = alerts(ctx, as_of, 30)
        measured.append(time.perf_counter() - started)
    kinds: dict[str, int] = {}
    for a in found:
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
    return [result("alerts_100k", min(measured) * 1000, min(baseline) * 1000, "ms", 2000.0, "absolute",
                   f"as of {as_of:%d/%m/%Y}, 30 days: {len(found)} alerts {kinds}; baseline: raw sqlite3 read of the "
                   "staff on the day and their salary rows in force")]


# ============================================================================================ GUI heartbeat


def case_heartbeat(args: argparse.Namespace) -> list[dict[str, Any]]:
    """A 10 ms timer on the GUI thread while an import and a report run as the pages run them (ui.tasks)."""
    from PySide6.QtCore import QTimer

    from ui.app import application
    from ui.child_process import export_staff_list, run_import
    from ui.tasks import run_task

    app = application()
    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))

    def longest_gap(fn: Callable[[], Any] | None, seconds: float = 0.0) -> tuple[float, float]:
        beats.clear()
        done: list[Any] = []
        timer.start()
        started = time.perf_counter()
        if fn is None:
            while time.perf_counter() - started < seconds:
                app.processEvents()
                time.sleep(0.001)
        else:
            run_task(lambda _p, _c: fn(), writes=True, show_dialog=False, on_result=done.append,
                     on_error=lambda exc: done.append(exc))
            while not done:
                app.processEvents()
                time.sleep(0.001)
            if isinstance(done[0], BaseException):
                raise done[0]
        elapsed = time.perf_counter() - started
        timer.stop()
        gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
        return (max(gaps) if gaps else elapsed), elapsed

    idle, _ = longest_gap(None, 2.0)
    work = Path(args.work)
    target = _import_target(work, "heartbeat.sqlite3")
    # as the import wizard runs it (a workbook this large is read, checked and written in a child process)
    gap_import, t_import = longest_gap(lambda: run_import(target, Path(args.workbook), dry_run=False))
    ctx = _open(args.db)
    code, people = _unit_near(ctx, STAFF_LIST_PEOPLE)
    # as the staff page prints it (a list this long is written in a child process)
    gap_report, t_report = longest_gap(lambda: export_staff_list(ctx, work / "heartbeat.pdf", code))
    return [
        result("ui_block_during_import", gap_import * 1000, idle * 1000, "ms", 100.0, "absolute",
               f"longest gap between 10 ms heartbeats while importing {IMPORT_ROWS} rows ({t_import:.1f} s); "
               "baseline: longest gap of the idle event loop"),
        result("ui_block_during_report", gap_report * 1000, idle * 1000, "ms", 100.0, "absolute",
               f"longest gap while writing the staff-list PDF of {people} people ({t_report:.1f} s)"),
    ]


# ============================================================================================ encryption at rest

ENCRYPTION_KEY = "benchmark passphrase, not a secret"
ENCRYPTION_IMPORT_ROWS = 5_000


def case_encryption(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The cost of encryption at rest: the same operations on the plain database and on its SQLCipher copy, in
    this process, alternated, best of the repetitions; each row's measured figure is the encrypted one and its
    baseline the plain one, so the ratio is encrypted / plain."""
    from contextlib import closing

    from hrapp.context import ServiceContext
    from hrapp.db import cipher
    from hrapp.io.excel_import import import_employees
    from hrapp.queries.employees import EmployeeFilter, _employee_ids, _employee_rows
    from tests.io.generate import generate_import_file

    work = Path(args.work)
    plain = Path(args.db)
    encrypted = work / "encrypted.sqlite3"
    encrypted.unlink(missing_ok=True)
    started = time.perf_counter()
    cipher.export(plain, None, encrypted, ENCRYPTION_KEY)
    convert = time.perf_counter() - started
    copy = work / "plain-copy.sqlite3"
    copy.unlink(missing_ok=True)
    started = time.perf_counter()
    with closing(sqlite3.connect(plain)) as src, closing(sqlite3.connect(copy)) as dest:
        src.backup(dest)
    plain_copy = time.perf_counter() - started
    copy.unlink()

    keys = {"plain": None, "encrypted": ENCRYPTION_KEY}
    paths = {"plain": plain, "encrypted": encrypted}
    figures: dict[str, dict[str, list[float]]] = {k: {} for k in keys}

    def timed(kind: str, name: str, fn: Callable[[], Any]) -> Any:
        begun = time.perf_counter()
        out = fn()
        figures[kind].setdefault(name, []).append(time.perf_counter() - begun)
        return out

    people = 0
    for _round in range(3):
        for kind in ("plain", "encrypted"):
            cipher._derived.cache_clear()  # each open derives the key from the passphrase, as a new process does
            ctx = timed(kind, "open", lambda k=kind: ServiceContext.open(str(paths[k]), passphrase=keys[k]))
            with ctx.read() as s:
                ids = timed(kind, "list", lambda s=s: _employee_ids(s, EmployeeFilter()))
                timed(kind, "list", lambda s=s, i=ids: _employee_rows(s, i[:PAGE]))  # added to the ids' time below
                found = timed(kind, "search", lambda s=s: _employee_ids(s, EmployeeFilter(search=SEARCH_TEXT)))
                timed(kind, "search", lambda s=s, f=found: _employee_rows(s, f[:PAGE]))
            people = len(ids)
            ctx.engine.dispose()

    book = work / f"import-{ENCRYPTION_IMPORT_ROWS}.xlsx"
    generate_import_file(book, ENCRYPTION_IMPORT_ROWS, seed=1)
    for i in range(2):
        for kind in ("plain", "encrypted"):
            ctx = _import_target(work, f"enc-import-{kind}{i}.sqlite3")
            if keys[kind]:
                from hrapp.services.encryption import encrypt

                encrypt(ctx, ENCRYPTION_KEY, backup_folder=work)
            res = timed(kind, "import", lambda c=ctx: import_employees(c, book))
            assert res.ok, res.issues[:3]
            ctx.engine.dispose()

    def pairs(name: str) -> tuple[float, float]:
        values = {k: figures[k][name] for k in keys}
        if name in ("list", "search"):  # ids then rows, two timings per round
            values = {k: [a + b for a, b in zip(v[::2], v[1::2], strict=True)] for k, v in values.items()}
        return min(values["encrypted"]) * 1000, min(values["plain"]) * 1000

    version = cipher.dbapi().connect(":memory:").execute("PRAGMA cipher_version").fetchone()[0]
    settings = f"SQLCipher {version}, SQLCipher 4 defaults (AES-256, HMAC-SHA512, PBKDF2-SHA512 256,000 iterations)"
    rows = []
    for name, label, note in (
            ("open", "encrypted_open", "ServiceContext.open with the schema check, the key derived from the passphrase "
                                       "(PBKDF2, once per process)"),
            ("list", "encrypted_list_first_page", f"{people} people: the staff list's ids and its first {PAGE} rows"),
            ("search", "encrypted_search", f"'{SEARCH_TEXT}': ids and first {PAGE} rows"),
            ("import", "encrypted_import_5k", f"{ENCRYPTION_IMPORT_ROWS} people imported into a fresh database")):
        measured, baseline = pairs(name)
        rows.append(result(label, measured, baseline, "ms", None, "ratio",
                           f"encrypted vs plain; {note}; {settings}"))
    rows.append(result("encrypt_convert", convert * 1000, plain_copy * 1000, "ms", None, "ratio",
                       "`encrypt`'s sqlcipher_export of the whole database (before its checks) vs SQLite's backup "
                       f"copy of the plain file; {plain.stat().st_size / 1e6:.0f} MB"))
    return rows


CASES = {"staff_list": case_staff_list, "reports": case_reports, "import": case_import, "alerts": case_alerts,
         "heartbeat": case_heartbeat, "encryption": case_encryption}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("case", choices=sorted(CASES))
    p.add_argument("--db", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--as-of", default="2026-06-30")
    p.add_argument("--workbook", default="")
    args = p.parse_args(argv)
    Path(args.work).mkdir(parents=True, exist_ok=True)
    rows = CASES[args.case](args)
    sys.stdout.write("RESULT " + json.dumps(rows, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: worker threads and Qt objects need no orderly exit here


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["CASES", "main", "raw_ids", "raw_rows"]
