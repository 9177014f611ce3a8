"""Masking for the viewing role (`xem`): no value the masking table hides — CCCD, phone, e-mail, addresses, insurance
number, a relative's name, birth year and details — reaches a document, a workbook cell or the record views."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select, text

from hrapp.db.models import FamilyMember, Person

DAY = date(2025, 12, 31)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _document_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return _flat("\n".join(p.extract_text() for p in PdfReader(str(path)).pages))
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        return _flat("\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                               if c.value is not None))
    return _flat(path.read_text(encoding="utf-8-sig"))


@pytest.fixture
def viewer(demo_ctx):
    _plant(demo_ctx)
    demo_ctx.role = "xem"
    return demo_ctx


SECRET = "mậtkín"


def _plant(ctx) -> None:
    """Mark the free-text personal fields with a word found nowhere else, so that any trace of them shows."""
    with ctx.unit_of_work() as s:
        s.execute(text(f"UPDATE persons SET permanent_address = '{SECRET}' || id || ' Lê Lợi, ' || "
                       "coalesce(permanent_address, 'Bình Định'), current_address = "
                       f"'{SECRET}' || id || ' Trần Phú, Bình Định', id_issue_place = '{SECRET} ' || id"))
        s.execute(text(f"UPDATE family_members SET full_name = 'Thân {SECRET}' || id, details = "
                       f"'Chi tiết {SECRET}' || id"))


def _hidden_values(ctx, person_ids=None) -> set[str]:
    """What the masking table hides, for the people asked (all by default): the planted word and the numbers."""
    with ctx.read() as s:
        q = select(Person.id_number, Person.phone, Person.email, Person.social_insurance_no)
        if person_ids is not None:
            q = q.where(Person.id.in_(person_ids))
        values = {v for row in s.execute(q) for v in row if v and len(v) >= 8}
    return {_flat(v) for v in values} | {SECRET}


def _with_family(ctx, count: int) -> list[int]:
    with ctx.read() as s:
        return list(s.scalars(select(FamilyMember.person_id).distinct().order_by(FamilyMember.person_id).limit(count)))


def test_the_cv_of_the_viewing_role_shows_no_relative_nor_any_other_hidden_value(viewer, tmp_path):
    from hrapp.reports.cv_2c import export_cv

    for pid in _with_family(viewer, 5):
        hidden = _hidden_values(viewer, [pid])
        with viewer.read() as s:
            relatives = list(s.scalars(select(FamilyMember.full_name).where(FamilyMember.person_id == pid)))
        assert relatives and hidden
        target = tmp_path / f"cv_{pid}.pdf"
        export_cv(viewer, target, pid)
        shown = _document_text(target)
        assert [v for v in hidden if v in shown] == []
        assert "(đã ẩn)" in shown


def test_the_cv_of_a_role_with_the_right_shows_the_relatives(demo_ctx, tmp_path):
    from hrapp.reports.cv_2c import export_cv

    _plant(demo_ctx)
    pid = _with_family(demo_ctx, 1)[0]
    with demo_ctx.read() as s:
        name = s.scalars(select(FamilyMember.full_name).where(FamilyMember.person_id == pid)).first()
    export_cv(demo_ctx, tmp_path / "cv.pdf", pid)
    shown = _document_text(tmp_path / "cv.pdf")
    assert _flat(name) in shown and SECRET in shown  # the planted word is seen where the role may see it


def test_the_record_views_mask_the_family_of_every_person(viewer):
    from hrapp.queries.person_detail import load_person_detail
    from hrapp.queries.person_profile import load_profile

    for pid in _with_family(viewer, 5):
        profile = load_profile(viewer, pid)
        assert profile.family
        assert {(f.full_name, f.birth_year, f.details or "(đã ẩn)") for f in profile.family} == {
            ("(đã ẩn)", None, "(đã ẩn)")}
        assert profile.identity.id_number is None or "*" in profile.identity.id_number
        detail = load_person_detail(viewer, pid)
        assert not detail.id_number or "*" in detail.id_number


def test_every_document_of_the_viewing_role_holds_no_hidden_value(viewer, tmp_path):
    from hrapp.io.excel_export import export_employees
    from hrapp.reports.staff_list import export_staff_list
    from ui.pages.reports_page import REPORTS, Params

    hidden = _hidden_values(viewer)
    assert len(hidden) > 100
    person = _with_family(viewer, 1)[0]
    params = Params(as_of=DAY, year=2022, start=date(2026, 10, 1), end=date(2027, 3, 31), overdue=True,
                    layout="full", unit_code=None, category=None, position_id=1, person_id=person, period_id=1,
                    round_id=1, plan_year=2022, by_position=True, rank_code="01.002")
    written = []
    for r in REPORTS:
        for suffix in (".pdf", ".xlsx") if r.excel else (".pdf",):
            target = tmp_path / f"{r.key}{suffix}"
            r.run(viewer, str(target), params, lambda d, t: None, lambda: False)
            written.append(target)
    for suffix in (".csv", ".json"):
        export_staff_list(viewer, tmp_path / f"staff{suffix}")
        written.append(tmp_path / f"staff{suffix}")
    export_employees(viewer, tmp_path / "employees.xlsx")
    written.append(tmp_path / "employees.xlsx")

    texts = {p.name: _document_text(p) for p in written}
    leaks = {name: sorted(v for v in hidden if v in text) for name, text in texts.items()}
    assert leaks == {p.name: [] for p in written}
