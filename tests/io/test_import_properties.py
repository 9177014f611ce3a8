"""Generated bad input for the Excel importers (staff records, candidates, score sheets): random cells (text
in date columns, huge numbers, blanks, unicode junk, formulas, wrong types, broken headers) never crash the
import with anything but the application's own errors, and a refused file changes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select, text

from hrapp.context import ServiceContext
from hrapp.db.models import Base, OrgUnit
from hrapp.errors import HrappError
from hrapp.io.candidate_import import CANDIDATES, import_candidates, import_scores
from hrapp.io.excel_import import ImportResult, import_employees
from hrapp.queries import recruitment as rq
from hrapp.services import recruitment as rec
from tests.io.generate import generate_import_file
from tests.services.recruitment_builders import NOTICE, advance, centre, deadline, new_round

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

FORMULAS = ["=1/0", "=SUM(A1:A9)", '=HYPERLINK("http://example.com","x")', "=NOW()", "=A1&B1", "=\"052\"&\"123\""]
TRICKY = ["#N/A", "#VALUE!", "30/02/1980", "31/04/2020", "00/00/0000", "29/02/2023", "1/1/1", "12/13/2020",
          "2020-13-01", "1e308", "-0", "NaN", "inf", "0x1F", "١٢٣٤٥٦٧٨٩٠١٢", "ＡＢＣ１２３", "\u200b", "\ufeff",
          "Nguyễn\u0301 Văn", "9" * 40, "052 185 001 234", "  ", "Có", "không", "x" * 2000, "<b>x</b>", "'; DROP TABLE"]


def _clean(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)  # what an .xlsx file can hold at all


JUNK = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(FORMULAS),
    st.sampled_from(TRICKY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30).map(_clean),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.booleans(),
    st.dates(min_value=date(1800, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
)


@dataclass(frozen=True)
class Change:
    sheet: int  # index among the workbook's sheets (modulo their number)
    row: int  # 1 = header row
    column: int
    value: Any


CHANGES = st.lists(st.builds(Change, st.integers(0, 3), st.integers(1, 8), st.integers(1, 30), JUNK),
                   min_size=1, max_size=6)


def spoil(source: Path, target: Path, changes: list[Change]) -> Path:
    """A copy of `source` with the given cells overwritten (a header cell when row is 1)."""
    wb = load_workbook(source)
    sheets = wb.worksheets
    for ch in changes:
        ws = sheets[ch.sheet % len(sheets)]
        value = ch.value
        if isinstance(value, time):
            value = datetime.combine(date(2000, 1, 1), value)
        ws.cell(ch.row, ch.column).value = value
    wb.save(target)
    return target


TABLES = [t.name for t in Base.metadata.sorted_tables if t.name != "audit_log"]
HASHED = ("persons", "qualifications", "recruitment_candidates", "recruitment_scores", "recruitment_preferences")


def state(ctx: ServiceContext) -> dict[str, Any]:
    """Row counts of every table and a digest of the rows an import may change."""
    out: dict[str, Any] = {}
    with ctx.engine.connect() as conn:
        for name in TABLES:
            out[name] = conn.scalar(text(f'SELECT count(*) FROM "{name}"'))
        for name in HASHED:
            rows = conn.execute(text(f'SELECT * FROM "{name}" ORDER BY id')).all()
            out[f"{name}#"] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


def check(run: Callable[[], ImportResult], ctx: ServiceContext) -> ImportResult | None:
    """Run one import: only the application's errors may come out, and a refusal leaves the data as it was."""
    before = state(ctx)
    try:
        result = run()
    except HrappError:
        assert state(ctx) == before
        return None
    assert isinstance(result, ImportResult)
    if not result.ok:
        assert result.issues, "refused without saying why"
        assert all(i.message for i in result.issues)
        assert state(ctx) == before
    return result


# ---------------------------------------------------------------------------------------- staff records


@pytest.fixture
def staff_file(ctx, tmp_path) -> Path:
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])
    return generate_import_file(tmp_path / "base.xlsx", 6, seed=11)


def test_the_unspoilt_staff_file_imports(ctx, staff_file):
    result = check(lambda: import_employees(ctx, staff_file), ctx)
    assert result is not None and result.ok and result.created == 6


@SETTINGS
@given(changes=CHANGES)
def test_spoilt_staff_files_never_crash_and_never_half_save(ctx, staff_file, tmp_path, changes):
    path = spoil(staff_file, tmp_path / "spoilt.xlsx", changes)
    with ctx.read() as s:
        people = s.scalar(select(func.count()).select_from(Base.metadata.tables["persons"]))
    result = check(lambda: import_employees(ctx, path), ctx)
    if result is not None and result.ok:
        with ctx.read() as s:
            assert s.scalar(select(func.count()).select_from(Base.metadata.tables["persons"])) == \
                people + result.created


@SETTINGS
@given(rows=st.lists(st.lists(JUNK, min_size=0, max_size=12), min_size=0, max_size=6),
       sheet_name=st.sampled_from(["Nhân sự", "Trình độ", "Sheet1", ""]))
def test_workbooks_of_junk_never_crash_the_staff_import(ctx, tmp_path, rows, sheet_name):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name or "Sheet"
    for r in rows:
        ws.append([datetime.combine(date(2000, 1, 1), v) if isinstance(v, time) else v for v in r])
    wb.save(tmp_path / "junk.xlsx")
    result = check(lambda: import_employees(ctx, tmp_path / "junk.xlsx"), ctx)
    assert result is None or not result.ok or result.created == 0


def test_a_file_that_is_not_a_workbook_is_refused_in_words(ctx, tmp_path):
    for name, content in (("empty.xlsx", b""), ("text.xlsx", "Họ và tên;Ngày sinh".encode()),
                          ("zip.xlsx", b"PK\x03\x04" + bytes(range(256))), ("doc.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600)):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(HrappError) as refused:
            import_employees(ctx, tmp_path / name)
        assert refused.value.message


# ---------------------------------------------------------------------------------------- candidates and scores


def _candidate_rows(info) -> list[list[Any]]:
    position = info.targets[0].position_name
    rows = []
    for i, name in enumerate(("Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cảnh")):
        values = {"Số CCCD": f"05219600000{i + 1}", "Họ và tên": name, "Giới tính": "Nam" if i != 1 else "Nữ",
                  "Ngày sinh": date(1996, 5, 17) + timedelta(days=40 * i), "Dân tộc": "Kinh",
                  "Trình độ chuyên môn": "Đại học", "Chuyên ngành đào tạo": "Công nghệ thông tin",
                  "Năm tốt nghiệp": 2018, "Vị trí dự tuyển": position}
        rows.append([values.get(c.title) for c in CANDIDATES.columns])
    return rows


@pytest.fixture
def open_round(ctx, tmp_path):
    info = new_round(ctx, centre(ctx), {"IT": 2, "SCI": 1})
    advance(ctx, info.id, "open", NOTICE)
    info = rq.get_round(ctx, info.id)
    wb = Workbook()
    ws = wb.active
    ws.title = "Người dự tuyển"
    ws.append([c.title for c in CANDIDATES.columns])
    for r in _candidate_rows(info):
        ws.append(r)
    wb.save(tmp_path / "candidates.xlsx")
    return info, tmp_path / "candidates.xlsx"


def test_the_unspoilt_candidate_file_imports(ctx, open_round):
    info, path = open_round
    result = check(lambda: import_candidates(ctx, info.id, path), ctx)
    assert result is not None and result.ok and result.created == 3


@SETTINGS
@given(changes=CHANGES)
def test_spoilt_candidate_files_never_crash_and_never_half_save(ctx, open_round, tmp_path, changes):
    info, base = open_round
    path = spoil(base, tmp_path / "spoilt.xlsx", [Change(0, c.row % 5 or 1, c.column, c.value) for c in changes])
    before = len(rq.list_candidates(ctx, info.id))
    result = check(lambda: import_candidates(ctx, info.id, path), ctx)
    if result is not None and result.ok:
        assert len(rq.list_candidates(ctx, info.id)) == before + result.created


@pytest.fixture
def round2(ctx, open_round, tmp_path):
    info, path = open_round
    assert import_candidates(ctx, info.id, path).ok
    advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1))
    rec.assign_sbd(ctx, info.id)
    info = advance(ctx, info.id, "round2", deadline(info) + timedelta(days=5))
    wb = Workbook()
    ws = wb.active
    ws.append(["Số báo danh", "Họ và tên", "Điểm vòng 2 (thang 100)"])
    for c in sorted(rq.list_candidates(ctx, info.id), key=lambda c: c.sbd):
        ws.append([c.sbd, c.full_name, 70])
    wb.save(tmp_path / "scores.xlsx")
    return info, tmp_path / "scores.xlsx"


def test_the_unspoilt_score_sheet_imports(ctx, round2):
    info, path = round2
    result = check(lambda: import_scores(ctx, info.id, path), ctx)
    assert result is not None and result.ok
    assert {c.round2 for c in rq.list_candidates(ctx, info.id)} == {Decimal(70)}


@SETTINGS
@given(changes=st.lists(st.builds(Change, st.just(0), st.integers(1, 5), st.integers(1, 4), JUNK),
                        min_size=1, max_size=5))
def test_spoilt_score_sheets_never_crash_and_never_half_save(ctx, round2, tmp_path, changes):
    info, base = round2
    path = spoil(base, tmp_path / "spoilt.xlsx", changes)
    result = check(lambda: import_scores(ctx, info.id, path), ctx)
    if result is not None and result.ok:
        scores = [c.round2 for c in rq.list_candidates(ctx, info.id) if c.round2 is not None]
        assert all(Decimal(0) <= s <= Decimal(100) for s in scores)
