"""One document catalogue: the command line's `report` choices, the Reports page's list and the catalogue are the
same set; each document declares a permission and a gather taking ctx first; a document the command line knows
only from the catalogue is written, audited, in the formats it declares and refused in the others."""

from __future__ import annotations

import argparse
import inspect
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from hrapp.db.models import AuditLog
from hrapp.errors import PermissionDeniedError, ValidationError
from hrapp.reports import catalogue
from hrapp.services.permissions import PERMISSIONS

ROOT = Path(__file__).resolve().parents[2]


def _cli_report_choices() -> set[str]:
    from hrapp.cli import build_parser

    parser = build_parser()
    top = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    report = top.choices["report"]
    sub = next(a for a in report._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_the_command_line_the_reports_page_and_the_catalogue_offer_the_same_documents():
    from ui.pages.reports_page import REPORTS

    keys = [d.key for d in catalogue.CATALOGUE]
    assert len(keys) == len(set(keys)) and keys
    assert _cli_report_choices() == {k.replace("_", "-") for k in keys}
    assert [r.key for r in REPORTS] == keys


@pytest.mark.parametrize("doc", catalogue.CATALOGUE, ids=lambda d: d.key)
def test_each_document_declares_a_permission_a_gather_taking_ctx_first_and_its_writers(doc):
    assert doc.permission in PERMISSIONS
    first = next(iter(inspect.signature(doc.gather).parameters.values()))
    assert first.name == "ctx" and first.kind in (first.POSITIONAL_ONLY, first.POSITIONAL_OR_KEYWORD)
    names = [p.name for p in doc.params]
    assert set(names) <= set(inspect.signature(doc.gather).parameters) - {"ctx"}
    assert doc.formats and set(doc.formats) <= {".pdf", ".xlsx", ".csv", ".json"}
    assert all(p.kind in catalogue.KINDS for p in doc.params)
    assert doc.title and doc.description and doc.title_en and doc.description_en and doc.file_stem


def test_the_one_export_refuses_a_format_the_document_does_not_declare_and_writes_nothing(demo_ctx, tmp_path):
    target = tmp_path / "gaps.csv"
    with pytest.raises(ValidationError):
        catalogue.export(demo_ctx, "training_gaps", {}, target)
    assert not target.exists()


def test_the_one_export_checks_the_documents_permission_before_gathering(demo_ctx, tmp_path, monkeypatch):
    from dataclasses import replace

    gathered = []
    doc = catalogue.document("training_gaps")
    monkeypatch.setitem(catalogue._BY_KEY, "training_gaps",
                        replace(doc, permission="admin", gather=lambda ctx, **kw: gathered.append(kw)))
    nobody = replace(demo_ctx, role="", accounts_on=True)  # accounts on, nobody signed in: no right at all
    with pytest.raises(PermissionDeniedError):
        catalogue.export(nobody, "training_gaps", {}, tmp_path / "gaps.json")
    assert gathered == [] and not (tmp_path / "gaps.json").exists()


def test_a_document_known_only_from_the_catalogue_is_a_report_command(demo_db, tmp_path):
    out = tmp_path / "nhu_cau.json"
    res = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(demo_db), "report", "training-gaps",
                          "--as-of", "2026-06-30", "--out", str(out)], capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    assert "Đã ghi" in res.stdout and "nhu cầu đào tạo" in res.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["as_of"] == date(2026, 6, 30).isoformat()

    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(demo_db), "report", "training-gaps",
                          "--out", str(tmp_path / "x.csv")], capture_output=True, text=True, timeout=180)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert not (tmp_path / "x.csv").exists()


def test_an_export_through_the_catalogue_is_audited_before_its_file(demo_ctx, tmp_path):
    target = tmp_path / "ke_hoach.json"
    catalogue.export(demo_ctx, "training_plan", {"plan": 2022}, target)
    assert target.exists()
    with demo_ctx.read() as s:
        row = s.execute(select(AuditLog.action, AuditLog.entity, AuditLog.summary)
                        .order_by(AuditLog.id.desc()).limit(1)).one()
    assert row[:2] == ("export", "training_plan") and "2022" in row[2]


def test_the_one_roman_numeral_helper_numbers_sections_past_the_old_tables():
    from hrapp.reports.format import roman

    assert [roman(i) for i in (0, 3, 4, 8, 19, 24, 39, 48)] == ["I", "IV", "V", "IX", "XX", "XXV", "XL", "XLIX"]
