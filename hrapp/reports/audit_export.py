"""The audit trail (as filtered on screen) saved to Excel for an inspection; the export is itself audited."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from openpyxl.styles import Alignment, Font, PatternFill

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db.audit import record
from hrapp.domain.audit_labels import action_label, entity_label
from hrapp.io.cells import new_workbook
from hrapp.queries.audit import AuditEntry, AuditFilter, audit_entries
from hrapp.reports.output import write_audited
from hrapp.security import ADMIN, require

COLUMNS: tuple[tuple[str, float], ...] = (
    ("Thời gian", 18),
    ("Người dùng", 16),
    ("Thao tác", 16),
    ("Đối tượng", 24),
    ("Mã bản ghi", 11),
    ("Hồ sơ của", 24),
    ("Giá trị cũ → mới", 70),
    ("Ghi chú", 40),
)

_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _filter_lines(f: AuditFilter) -> list[tuple[str, str]]:
    lines = []
    if f.person_id is not None:
        lines.append(("Hồ sơ số", str(f.person_id)))
    if f.person:
        lines.append(("Tên người", f.person))
    if f.user:
        lines.append(("Người dùng", f.user))
    if f.date_from:
        lines.append(("Từ ngày", f"{f.date_from:%d/%m/%Y}"))
    if f.date_to:
        lines.append(("Đến ngày", f"{f.date_to:%d/%m/%Y}"))
    if f.entity:
        lines.append(("Đối tượng", entity_label(f.entity)))
    if f.action:
        lines.append(("Thao tác", action_label(f.action)))
    return lines


def _row(e: AuditEntry) -> list[object]:
    return [e.at.replace(microsecond=0), e.user, e.action_label, e.entity_label, e.entity_id, e.person_name,
            e.change_text(), e.summary]


def export_audit(ctx: ServiceContext, target: str | os.PathLike[str], f: AuditFilter = AuditFilter(), *,
                 today: date | None = None, progress: Callable[[int, int], None] | None = None) -> int:
    """Write the matching rows (newest first) to an .xlsx file; returns how many. Administrators only."""
    require(ctx, ADMIN)
    entries = audit_entries(ctx, f)
    today = today or clock.today()
    wb = new_workbook()
    ws = wb.active
    ws.title = "Nhật ký"
    ws.append([name for name, _ in COLUMNS])
    for i, (_, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
        ws.column_dimensions[cell.column_letter].width = width
    for n, e in enumerate(entries, start=1):
        ws.append(_row(e))
        ws.cell(row=n + 1, column=1).number_format = "dd/mm/yyyy hh:mm:ss"
        for col in (7, 8):
            ws.cell(row=n + 1, column=col).alignment = _WRAP
        if progress is not None and n % 500 == 0:
            progress(n, len(entries))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{max(1, len(entries) + 1)}"
    info = wb.create_sheet("Bộ lọc")
    info.column_dimensions["A"].width = 18
    info.column_dimensions["B"].width = 50
    for label, value in [("Nhật ký thay đổi dữ liệu", ""), ("Ngày xuất", f"{today:%d/%m/%Y}"),
                         ("Người xuất", ctx.user), *_filter_lines(f), ("Số dòng", str(len(entries)))]:
        info.append([label, value])
    shown = "; ".join(f"{label}: {value}" for label, value in _filter_lines(f))
    write_audited(ctx, target, wb.save, lambda s: record(
        s, "export", "audit_log", None,
        summary=f"Xuất nhật ký ra Excel: {len(entries)} dòng" + (f" (lọc {shown})" if shown else "")))
    if progress is not None:
        progress(len(entries), len(entries))
    return len(entries)
