"""Excel export of the staff list with its filter and chosen columns. The default columns are the import
template's, so an exported file can be corrected and imported back."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.db.models import Employment, OrgUnit, Person, PostHeld, Rank, SalaryStep
from hrapp.errors import DomainError
from hrapp.io import excel_template as t
from hrapp.io.cells import new_workbook
from hrapp.masking import can_see_personal, mask_value, record_personal_output
from hrapp.queries.employees import EmployeeFilter, _employee_ids
from hrapp.reports.output import write_audited
from hrapp.security import READ, require

__all__ = ["EXPORT_COLUMNS", "DEFAULT_COLUMNS", "ExportColumn", "export_employees"]

ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]
_CHUNK = 900


@dataclass(frozen=True)
class ExportColumn:
    key: str
    title: str
    width: float
    kind: str = t.TEXT


def _template_columns() -> list[ExportColumn]:
    return [ExportColumn(c.key, c.header, c.width, c.kind) for c in t.PERSONS.columns]


EXPORT_COLUMNS: dict[str, ExportColumn] = {c.key: c for c in _template_columns()} | {
    c.key: c for c in (
        ExportColumn("unit_name", "Tên đơn vị", 30),
        ExportColumn("category_label", "Tên loại cán bộ", 24),
        ExportColumn("rank_name", "Tên ngạch/CDNN", 24),
        ExportColumn("post", "Chức vụ", 20),
        ExportColumn("education", "Trình độ chuyên môn", 14),
        ExportColumn("status", "Tình trạng", 14),
    )
}
DEFAULT_COLUMNS: tuple[str, ...] = tuple(c.key for c in t.PERSONS.columns) + (
    "unit_name", "rank_name", "post", "education", "status")


class _Cancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("cancelled", "Đã hủy xuất dữ liệu; chưa tạo tệp.")


_IDENTITY = tuple(c.key for c in t.PERSONS.columns if c.key in {
    "id_number", "full_name", "birth_date", "other_names", "birth_place", "home_town", "id_issue_date",
    "id_issue_place", "permanent_address", "current_address", "phone", "email", "staff_code", "social_insurance_no",
    "general_education", "occupation_at_recruitment", "party_join_date", "party_official_date", "army_join_date",
    "army_leave_date", "army_rank", "war_invalid_grade", "policy_family", "health", "height_cm", "weight_kg",
    "blood_type", "personal_id", "health_insurance_no", "managing_agency", "family_background", "longest_work",
    "party_post", "party_concurrent_post"})


def _rows(session: Session, ids: Sequence[int], today: date) -> list[dict[str, Any]]:
    """Every exportable value of the people `ids`, in that order (a few queries per 900 people)."""
    units = {i: (code, name) for i, code, name in session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name))}
    rank_names = dict(session.execute(select(Rank.code, Rank.name)).all())
    people = Person.__table__
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        for p in session.execute(select(people).where(people.c.id.in_(chunk))).all():
            values = {name: getattr(p, name) for name in _IDENTITY}
            values["gender"] = t.GENDER_CODES.get(p.gender, p.gender)
            values["ethnicity"] = catalogs.label("ethnicity", p.ethnicity) or None
            values["religion"] = catalogs.label("religion", p.religion) or None
            if p.birth_precision == "year":
                values["birth_date"] = f"{p.birth_date.year:04d}"
            elif p.birth_precision == "month":
                values["birth_date"] = f"{p.birth_date.month:02d}/{p.birth_date.year:04d}"
            unit = units.get(p.cur_unit_id, (None, None))
            values.update(
                unit_code=unit[0], unit_name=unit[1], category=p.cur_category,
                category_label=catalogs.label("category", p.cur_category) or None, rank_code=p.cur_rank_code,
                rank_name=rank_names.get(p.cur_rank_code), salary_step=p.cur_salary_step,
                coefficient=p.cur_coefficient, post=p.cur_post,
                education=catalogs.label("qualification_level", p.cur_education) or None,
                status=catalogs.label("employment_status", p.status),
            )
            out[p.id] = values
        _current_rows(session, chunk, out, today)
    return [out[i] for i in ids if i in out]


def _current_rows(session: Session, chunk: list[int], out: dict[int, dict[str, Any]], today: date) -> None:
    """Dates of the current employment, salary row and main post (the snapshot keeps only their values)."""
    emps: dict[int, Any] = {}
    for e in session.execute(select(Employment.person_id, Employment.start_date, Employment.end_date,
                                    Employment.recruitment_date, Employment.recruitment_agency)
                             .where(Employment.person_id.in_(chunk))):
        best = emps.get(e.person_id)
        if e.start_date <= today and (best is None or e.start_date > best.start_date):
            emps[e.person_id] = e
    for pid, e in emps.items():
        out[pid].update(start_date=e.start_date, recruitment_date=e.recruitment_date,
                        recruitment_agency=e.recruitment_agency)
    # the salary row in force (the latest by date, then by entry): its step, coefficient and date together, so
    # that the file names one stored row and a re-import finds it
    steps: dict[int, Any] = {}
    for r in session.execute(select(SalaryStep.person_id, SalaryStep.effective_date, SalaryStep.id,
                                    SalaryStep.step, SalaryStep.coefficient)
                             .where(SalaryStep.person_id.in_(chunk), SalaryStep.effective_date <= today)):
        best = steps.get(r.person_id)
        if best is None or (r.effective_date, r.id) > (best.effective_date, best.id):
            steps[r.person_id] = r
    for pid, r in steps.items():
        out[pid].update(salary_date=r.effective_date, salary_step=r.step, coefficient=r.coefficient)
    for pid, code, start in session.execute(
            select(PostHeld.person_id, PostHeld.post_code, PostHeld.start_date)
            .where(PostHeld.person_id.in_(chunk), PostHeld.is_concurrent.is_(False), PostHeld.start_date <= today,
                   (PostHeld.end_date.is_(None)) | (PostHeld.end_date >= today))):
        if out[pid].get("post_date") is None or start > out[pid]["post_date"]:
            out[pid].update(post_code=code, post_date=start)


def _filter_lines(session: Session, f: EmployeeFilter) -> list[tuple[str, str]]:
    unit = session.scalar(select(OrgUnit.name).where(OrgUnit.code == f.unit_code)) if f.unit_code else None
    statuses = ", ".join(catalogs.label("employment_status", s) for s in f.statuses) if f.statuses else "Tất cả"
    return [
        ("Tìm theo tên", f.search or "(không)"),
        ("Đơn vị", (unit or f.unit_code or "Tất cả") + (" (gồm đơn vị trực thuộc)" if f.unit_code and
                                                          f.include_subunits else "")),
        ("Loại cán bộ", catalogs.label("category", f.category) if f.category else "Tất cả"),
        ("Tình trạng", statuses),
    ]


def export_employees(ctx: ServiceContext, target: str | os.PathLike[str] | IO[bytes],
                     f: EmployeeFilter = EmployeeFilter(), columns: Sequence[str] | None = None, *,
                     progress: ProgressCallback | None = None, cancel: CancelCallback | None = None,
                     today: date | None = None) -> int:
    """Write the filtered staff list (given-name order) with the chosen columns; returns the row count.

    The sheet is named and headed like the import template, so the file imports back; a second sheet
    records the filter. The export is written to the audit trail.
    """
    keys = list(columns or DEFAULT_COLUMNS)
    unknown = [k for k in keys if k not in EXPORT_COLUMNS]
    if unknown or not keys:
        allowed = ", ".join(EXPORT_COLUMNS)
        raise DomainError("unknown_column", f"Cột không có: {', '.join(unknown) or '(trống)'}. Các cột có thể chọn: "
                          f"{allowed}.", field="columns")
    cols = [EXPORT_COLUMNS[k] for k in keys]
    require(ctx, READ)
    today = today or clock.today()
    masked = not can_see_personal(ctx)
    with ctx.read() as s:
        ids = _employee_ids(s, f)  # an account limited to some units gets their people only (hrapp.db.scope)
        filter_lines = _filter_lines(s, f)
        rows: list[dict[str, Any]] = []
        for start in range(0, len(ids), 5000):
            if cancel is not None and cancel():
                raise _Cancelled()
            part = _rows(s, ids[start:start + 5000], today)
            rows += [{k: mask_value(k, x) for k, x in r.items()} for r in part] if masked else part
            if progress is not None:
                progress(len(rows), len(ids) * 2)
    wb = new_workbook(write_only=True)
    ws = wb.create_sheet(t.PERSONS.name)
    _write_sheet(ws, cols, rows, progress, cancel)
    info = wb.create_sheet("Bộ lọc")
    info.column_dimensions["A"].width = 18
    info.column_dimensions["B"].width = 60
    for label, value in [("Danh sách", "Cán bộ, công chức, viên chức"), ("Ngày xuất", f"{today:%d/%m/%Y}"),
                         *filter_lines, ("Số người", str(len(rows)))]:
        info.append([label, value])
    write_audited(ctx, target, wb.save,
                  lambda s: record_personal_output(s, "export", "Danh sách cán bộ, Excel", ids, masked=masked))
    if progress is not None:
        progress(len(ids) * 2, len(ids) * 2)
    return len(rows)


_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEAD_ALIGN = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _write_sheet(ws: Worksheet, cols: list[ExportColumn], rows: list[dict[str, Any]],
                 progress: ProgressCallback | None, cancel: CancelCallback | None) -> None:
    from openpyxl.utils import get_column_letter

    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "C2"
    header = []
    for col in cols:
        cell = WriteOnlyCell(ws, col.title)
        cell.font, cell.fill, cell.alignment = _HEAD_FONT, _HEAD_FILL, _HEAD_ALIGN
        header.append(cell)
    ws.append(header)
    dated = [col.kind in (t.DATE, t.BIRTH) for col in cols]
    texts = [col.kind in (t.CCCD, t.TEXT) for col in cols]
    total = len(rows)
    for n, values in enumerate(rows, start=1):
        out: list[Any] = []
        for col, is_date, is_text in zip(cols, dated, texts, strict=True):
            value = values.get(col.key)
            if is_date and isinstance(value, date):
                cell = WriteOnlyCell(ws, value)
                cell.number_format = "dd/mm/yyyy"
                out.append(cell)
            elif is_text and value is not None:
                cell = WriteOnlyCell(ws, str(value))
                cell.number_format = "@"
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
        if n % 2000 == 0:
            if cancel is not None and cancel():
                raise _Cancelled()
            if progress is not None:
                progress(total + n, total * 2)
