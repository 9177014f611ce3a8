"""Audit before file: a document with personal data reaches its file only after the audit row of the export is
committed; when that row cannot be written, no file (nor a temporary one) is left and the user reads one line."""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from hrapp.db.models import AuditLog
from hrapp.errors import DatabaseError, FileAccessError

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2025, 12, 31)


def _exports(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action.in_(("export", "print"))))


@pytest.fixture
def audit_locked(demo_ctx):
    """The audit row of any export or print fails as when another program holds the write lock too long."""

    def refuse(session, _context, _instances) -> None:
        if any(isinstance(o, AuditLog) and o.action in ("export", "print") for o in session.new):
            raise OperationalError("INSERT INTO audit_log", {}, sqlite3.OperationalError("database is locked"))

    event.listen(demo_ctx.session_factory, "before_flush", refuse)
    yield demo_ctx
    event.remove(demo_ctx.session_factory, "before_flush", refuse)


def _documents():
    from ui.pages.reports_page import REPORTS, Params

    params = Params(as_of=DAY, year=2022, start=date(2026, 10, 1), end=date(2027, 3, 31), overdue=True,
                    layout="full", unit_code=None, category=None, position_id=1, person_id=1, period_id=1,
                    round_id=1, plan_year=2022, by_position=True, rank_code="01.002")
    docs = []
    for r in REPORTS:
        for suffix in (".pdf", ".xlsx") if r.excel else (".pdf",):
            docs.append((r.key, suffix, lambda ctx, path, r=r: r.run(ctx, str(path), params, lambda d, t: None,
                                                                     lambda: False)))

    def employees(ctx, path):
        from hrapp.io.excel_export import export_employees
        return export_employees(ctx, path)

    def staff_list(ctx, path):
        from hrapp.reports.staff_list import export_staff_list
        return export_staff_list(ctx, path)

    def staffing(ctx, path):
        from hrapp.reports.staffing_table import export_staffing
        return export_staffing(ctx, path, 2022)

    def quality(ctx, path):
        from hrapp.reports.quality import export_quality
        return export_quality(ctx, path, DAY)

    def audit(ctx, path):
        from hrapp.reports.audit_export import export_audit
        return export_audit(ctx, path)

    def training(ctx, path):
        from hrapp.reports.training_plan import export_plan
        return export_plan(ctx, path, 2022)

    docs += [("employees", ".xlsx", employees), ("staff_list", ".csv", staff_list),
             ("staff_list", ".json", staff_list), ("staffing", ".csv", staffing), ("staffing", ".json", staffing),
             ("quality", ".json", quality), ("audit", ".xlsx", audit), ("training_plan", ".json", training)]
    return docs


DOCUMENTS = _documents()


@pytest.mark.parametrize(("key", "suffix", "call"), DOCUMENTS, ids=[f"{k}{s}" for k, s, _ in DOCUMENTS])
def test_no_file_is_left_when_the_audit_row_cannot_be_written(audit_locked, tmp_path, key, suffix, call):
    folder = tmp_path / "out"
    folder.mkdir()
    before = _exports(audit_locked)
    with pytest.raises(DatabaseError) as caught:
        call(audit_locked, folder / f"{key}{suffix}")
    assert caught.value.code == "export_not_audited"
    assert "\n" not in str(caught.value) and "nhật ký" in str(caught.value)
    assert list(folder.iterdir()) == []  # neither the file nor its temporary twin
    assert _exports(audit_locked) == before


@pytest.mark.parametrize(("key", "suffix", "call"), DOCUMENTS, ids=[f"{k}{s}" for k, s, _ in DOCUMENTS])
def test_every_document_is_audited_once_when_it_is_written(demo_ctx, tmp_path, key, suffix, call):
    folder = tmp_path / "out"
    folder.mkdir()
    before = _exports(demo_ctx)
    call(demo_ctx, folder / f"{key}{suffix}")
    assert [p.name for p in folder.iterdir()] == [f"{key}{suffix}"]
    assert _exports(demo_ctx) == before + 1


def test_a_stream_gets_nothing_when_the_audit_fails(audit_locked):
    from hrapp.reports.cv_2c import export_cv

    stream = io.BytesIO()
    with pytest.raises(DatabaseError):
        export_cv(audit_locked, stream, 1)
    assert stream.getvalue() == b""


def test_a_file_that_cannot_be_put_in_place_after_the_audit_is_recorded_as_not_made(demo_ctx, tmp_path,
                                                                                       monkeypatch):
    import hrapp.reports.document.files as document
    from hrapp.reports.cv_2c import export_cv

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(document.os, "replace", full_disk)
    with pytest.raises(FileAccessError):
        export_cv(demo_ctx, folder / "cv.pdf", 1)
    assert list(folder.iterdir()) == []
    with demo_ctx.read() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.entity, AuditLog.summary).order_by(AuditLog.id.desc())
                         .limit(2)).all()
    assert rows[1][:2] == ("print", "personal_data")
    assert rows[0][:2] == ("export", "export_file") and "cv.pdf" in rows[0][2]


def _immutable(path: Path) -> bool:
    chattr = shutil.which("chattr")
    return chattr is not None and subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0


@pytest.mark.parametrize("command", [("report", "cv", "--employee", "1", "--out"), ("export", "employees"),
                                     ("report", "staff-list", "--out")])
def test_cli_on_a_read_only_database_writes_no_file_and_says_so_in_one_line(demo_db, tmp_path, command):
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("cv.pdf" if "cv" in command else "list.xlsx")
    if not _immutable(demo_db):
        pytest.skip("this file system cannot make a file immutable")
    try:
        res = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(demo_db), *command, str(target)],
                             capture_output=True, text=True, timeout=300)
    finally:
        subprocess.run(["chattr", "-i", str(demo_db)], check=True)
    assert res.returncode != 0
    assert list(out.iterdir()) == []
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "nhật ký" in lines[0] and "chỉ cho phép đọc" in lines[0], res.stderr


AUDIT_CALL = re.compile(r"record\((?:[^()]|\([^()]*\))*?\"(?:export|print)\"|record_personal_output\(\s*s\b")


def test_every_export_and_print_audit_row_is_written_through_the_one_export_use_case():
    """A new document that records its export beside the file instead of through write_audited is caught."""
    found = []
    for path in sorted((ROOT / "hrapp").rglob("*.py")):
        if path.name in ("output.py", "masking.py"):
            continue
        source = path.read_text(encoding="utf-8")
        for m in AUDIT_CALL.finditer(source):
            if "write_audited(" not in source[max(0, m.start() - 400):m.start()]:
                found.append(f"{path.relative_to(ROOT)}:{source.count(chr(10), 0, m.start()) + 1}")
    assert found == []
    assert AUDIT_CALL.search('with ctx.unit_of_work() as s:\n    record(s, "export", "x", None)')
