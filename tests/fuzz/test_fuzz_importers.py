"""Fuzzing of every importer (staff and organisation workbook, candidates, scores): generated sheets with cells of
every type and size, and valid workbooks mutated part by part or byte by byte (truncated, spliced, bombs). For each
input: no exception but the app's own errors (HrappError), and after a refusal or a dry run the SQLite file is
byte-identical to what it was.

Bounded: a few dozen examples per importer (each reading starts a process), about a minute in all on a loaded
two-core machine. HRAPP_FUZZ_EXAMPLES=500 runs more locally."""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hrapp.db.models import OrgUnit
from hrapp.errors import HrappError
from hrapp.io import excel_template as t
from hrapp.io.candidate_import import CANDIDATES, import_candidates, import_scores
from hrapp.io.excel_import import import_employees
from hrapp.queries import recruitment as rq
from hrapp.services import recruitment as rec
from tests.io.generate import generate_import_file
from tests.services.recruitment_builders import NOTICE, advance, centre, deadline, new_round

EXAMPLES = int(os.environ.get("HRAPP_FUZZ_EXAMPLES", "0")) or None
FUZZ = settings(max_examples=EXAMPLES or 10, deadline=None, derandomize=EXAMPLES is None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
_names = itertools.count()


def digest(ctx: Any) -> str:
    """The database file's bytes once every connection is closed (the WAL folded back in)."""
    ctx.engine.dispose()
    return hashlib.sha256(Path(ctx.engine.url.database).read_bytes()).hexdigest()


def attempt(ctx: Any, run: Any, dry_run: bool = False) -> None:
    """Run one import: only the app's errors may come out; a refusal or a dry run leaves the file as it was."""
    before = digest(ctx)
    try:
        result = run()
    except HrappError:
        result = None
    if result is None or dry_run or not result.ok:
        assert digest(ctx) == before, "a refused or checked-only import changed the database"


def target(tmp_path: Path, suffix: str = ".xlsx") -> Path:
    return tmp_path / f"fuzz{next(_names)}{suffix}"


# ---------------------------------------------------------------------------------------------- inputs

_TEXT = st.characters(blacklist_categories=("Cs", "Cc"))  # what a cell can hold (openpyxl refuses the rest)
_when = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
CELLS = st.one_of(
    st.none(),
    st.text(_TEXT, max_size=40),
    st.sampled_from(["052185001234", "Nguyễn Văn An", "Nam", "Nữ", "VP", "cong_chuc", "01/09/2010", "31/02/2020",
                     "0", "-1", "1e308", "NaN", "x", "Đại học", "Vắng", "=1+2", "'=cmd|' /C calc'!A0", "@SUM(A1)",
                     "+84", " ", "052185001234.5", "12/2000", "99/99/9999"]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    _when,
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.booleans(),
    st.just("x" * 40_000),  # a long text in one cell
)


def _sheet_rows(draw: st.DrawFn, headers: list[str]) -> list[list[Any]]:
    chosen = draw(st.lists(st.sampled_from(headers), min_size=0, max_size=len(headers), unique=True))
    if draw(st.booleans()):
        chosen.append(draw(st.text(_TEXT, max_size=12)))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(chosen) + 2), max_size=5))
    return [chosen, *rows]


@st.composite
def generated_books(draw: st.DrawFn, specs: list[tuple[str, list[str]]]) -> dict[str, list[list[Any]]]:
    """A workbook of some of the expected sheets (or a sheet of another name), headers in any order or missing,
    rows of cells of any type."""
    book: dict[str, list[list[Any]]] = {}
    for name, headers in draw(st.lists(st.sampled_from(specs), min_size=1, max_size=3, unique_by=lambda s: s[0])):
        book[name] = _sheet_rows(draw, headers)
    if draw(st.booleans()):
        book[draw(st.text(_TEXT, min_size=1, max_size=20).filter(lambda s: not set(s) & set("[]:*?/\\")))] = \
            _sheet_rows(draw, specs[0][1])
    return book


def save(book: dict[str, list[list[Any]]], path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for n, (name, rows) in enumerate(book.items()):
        ws = wb.create_sheet((name or f"S{n}")[:31] if name[:31] not in wb.sheetnames else f"S{n}")
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


TOKENS = [b'<c r="XFD1048576"><v>1</v></c>', b'<row r="1048576">', b"<f>SUM(A1:A9)</f>", b' t="s"', b"<v>99999</v>",
          b'<c r="A2" t="s"><v>4000000000</v></c>', b"&amp;", b"&#0;", b"<![CDATA[x]]>", b'r="A0"', b'"', b"<", b">",
          b'<dimension ref="A1:XFD1048576"/>', b"</sheetData>", b'<c r="B2" t="d"><v>99999-01-01</v></c>',
          b'<c r="C2" t="n"><v>1e400</v></c>', b'<c r="D2" t="b"><v>7</v></c>', b'<c r="E2" t="e"><v>#REF!</v></c>',
          b'<si><t>' + b"y" * 5000 + b"</t></si>", '<sheet name="Nhân sự" sheetId="9" r:id="rId1"/>'.encode()]


@st.composite
def mutated_parts(draw: st.DrawFn, parts: dict[str, bytes]) -> bytes:
    """The valid workbook with one or more of its XML parts edited (cut, spliced, tokens inserted, digits changed)
    or dropped, zipped again so that the reader gets past the zip and meets the broken content."""
    parts = dict(parts)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(parts)))
        data = bytearray(parts[name])
        op = draw(st.sampled_from(["cut", "insert", "digits", "drop", "duplicate"]))
        at = draw(st.integers(0, len(data)))
        if op == "cut":
            del data[at:at + draw(st.integers(1, 400))]
        elif op == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=30)))
        elif op == "digits":
            data = bytearray(bytes(data).replace(b'r="', b'r="9', draw(st.integers(1, 5))))
        elif op == "duplicate":
            data[at:at] = data[at:at + draw(st.integers(1, 2000))] * draw(st.integers(1, 20))
        if op == "drop" and name != "xl/workbook.xml":
            del parts[name]
        else:
            parts[name] = bytes(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """The file's own bytes flipped, truncated, spliced or repeated (mostly a broken zip)."""
    data = bytearray(data)
    op = draw(st.sampled_from(["truncate", "flip", "splice", "prefix"]))
    at = draw(st.integers(0, len(data)))
    if op == "truncate":
        return bytes(data[:at])
    if op == "flip":
        for _ in range(draw(st.integers(1, 8))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= draw(st.integers(1, 255))
        return bytes(data)
    if op == "splice":
        return bytes(data[:at] + draw(st.binary(max_size=200)) + data[at:])
    return draw(st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"", b"%PDF-1.4\n"])) + bytes(data)


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


# ---------------------------------------------------------------------------------------------- the staff workbook

STAFF_SPECS = [(spec.name, [c.header for c in spec.columns]) for spec in (*t.SHEETS, *t.ORG_SHEETS)]


@pytest.fixture
def staff(ctx, tmp_path_factory):
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])
    valid = generate_import_file(tmp_path_factory.mktemp("valid") / "staff.xlsx", 4)
    return ctx, valid


@FUZZ
@given(data=st.data())
def test_generated_staff_and_unit_sheets_raise_only_our_errors_and_leave_a_refusal_unwritten(staff, tmp_path,
                                                                                             data):
    ctx, _ = staff
    path = save(data.draw(generated_books(STAFF_SPECS)), target(tmp_path))
    dry = data.draw(st.booleans())
    attempt(ctx, lambda: import_employees(ctx, path, dry_run=dry), dry)


@FUZZ
@given(data=st.data())
def test_a_valid_staff_workbook_mutated_part_by_part_is_read_or_refused_cleanly(staff, tmp_path, data):
    ctx, valid = staff
    path = target(tmp_path)
    path.write_bytes(data.draw(mutated_parts(parts_of(valid))))
    attempt(ctx, lambda: import_employees(ctx, path))


@FUZZ
@given(data=st.data())
def test_a_valid_staff_workbook_mutated_byte_by_byte_is_refused_cleanly(staff, tmp_path, data):
    ctx, valid = staff
    path = target(tmp_path, data.draw(st.sampled_from([".xlsx", ".xls", ".csv", ".ods", ""])))
    path.write_bytes(data.draw(mutated_bytes(valid.read_bytes())))
    attempt(ctx, lambda: import_employees(ctx, path))


# ---------------------------------------------------------------------------------------------- candidates, scores

CANDIDATE_SPECS = [(CANDIDATES.name, [c.header for c in CANDIDATES.columns] + [c.title for c in CANDIDATES.columns])]


@pytest.fixture
def round_open(ctx):
    info = new_round(ctx, centre(ctx), {"IT": 2, "SCI": 1})
    advance(ctx, info.id, "open", NOTICE)
    return ctx, rq.get_round(ctx, info.id)


@FUZZ
@given(data=st.data())
def test_generated_candidate_sheets_raise_only_our_errors_and_leave_a_refusal_unwritten(round_open, tmp_path,
                                                                                       data):
    ctx, info = round_open
    path = save(data.draw(generated_books(CANDIDATE_SPECS)), target(tmp_path))
    dry = data.draw(st.booleans())
    attempt(ctx, lambda: import_candidates(ctx, info.id, path, dry_run=dry), dry)


@pytest.fixture
def candidates_book(tmp_path_factory):
    """A valid candidates workbook, written once: its bytes are what the strategies mutate."""
    return save({CANDIDATES.name: [[c.title for c in CANDIDATES.columns[:16]] + ["Vị trí dự tuyển"],
                                   ["052196000001", "Nguyễn Văn An", "Nam", date(1996, 5, 17), None, None, "Kinh",
                                    None, None, None, None, None, None, None, "DH", "Công nghệ thông tin",
                                    "Kỹ sư công nghệ thông tin"]]},
                tmp_path_factory.mktemp("valid") / "candidates.xlsx")


@FUZZ
@given(data=st.data())
def test_a_candidate_workbook_mutated_is_read_or_refused_cleanly(round_open, candidates_book, tmp_path, data):
    ctx, info = round_open
    valid = candidates_book
    path = target(tmp_path)
    if data.draw(st.booleans()):
        path.write_bytes(data.draw(mutated_parts(parts_of(valid))))
    else:
        path.write_bytes(data.draw(mutated_bytes(valid.read_bytes())))
    attempt(ctx, lambda: import_candidates(ctx, info.id, path))


@pytest.fixture
def round_two(round_open, tmp_path_factory):
    ctx, info = round_open
    rows = [["Số CCCD", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Trình độ chuyên môn", "Chuyên ngành đào tạo",
             "Vị trí dự tuyển"]]
    rows += [[f"05219600000{n}", name, "Nam", date(1996, 5, 17), "Kinh", "Đại học", "Công nghệ thông tin",
              "Kỹ sư công nghệ thông tin"] for n, name in enumerate(["Nguyễn Văn An", "Lê Văn Bảo"], start=1)]
    path = save({CANDIDATES.name: rows}, tmp_path_factory.mktemp("round") / "ds.xlsx")
    assert import_candidates(ctx, info.id, path).ok
    advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1))
    rec.assign_sbd(ctx, info.id)
    return ctx, advance(ctx, info.id, "round2", deadline(info) + timedelta(days=5))


SCORE_SPECS = [("Điểm", ["Số báo danh", "Họ và tên", "Điểm vòng 2 (thang 100)", "Vắng"])]


@FUZZ
@given(data=st.data())
def test_generated_score_sheets_raise_only_our_errors_and_leave_a_refusal_unwritten(round_two, tmp_path, data):
    ctx, info = round_two
    book = data.draw(generated_books(SCORE_SPECS))
    if data.draw(st.booleans()):  # real candidate numbers, so that some rows get as far as the scores
        book.setdefault("Điểm", [["Số báo danh", "Điểm vòng 2 (thang 100)"]]).extend(
            [[sbd, data.draw(CELLS)] for sbd in ("001", "002")])
    path = save(book, target(tmp_path))
    dry = data.draw(st.booleans())
    attempt(ctx, lambda: import_scores(ctx, info.id, path, dry_run=dry), dry)
