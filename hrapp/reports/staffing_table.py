"""Bảng tổng hợp biên chế: per unit and staff category on a date, the quota of the year, the people
present, the places in recruitment and the vacancies; optionally per job position. PDF (NĐ 30/2020
layout, landscape), Excel with SUM formulas, and CSV/JSON for other software."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import IO
from xml.sax.saxutils import escape

from reportlab.platypus import PageBreak

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.errors import ValidationError
from hrapp.io.cells import csv_writer, new_workbook
from hrapp.queries.staffing import Figures, StaffingTable, StaffingUnitRow, staffing_view
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    MERGE,
    SUM,
    CancelCallback,
    Column,
    HeaderCell,
    Letterhead,
    OfficialDocument,
    ProgressCallback,
    RowType,
    SectionRow,
    SubtotalRow,
    TableSpec,
    write_atomically,
)
from hrapp.reports.excel import write_document
from hrapp.reports.format import fmt_date, nfc, roman
from hrapp.services.quotas import year_errors

TITLE = "Bảng tổng hợp biên chế\nBiên chế được giao và số người làm việc hiện có năm {year}"
OWN_ROW = "Lãnh đạo và các bộ phận trực thuộc"
CSV_KEYS = ("code", "name", "parent_code", "category", "quota", "actual", "in_recruitment", "vacancy")


def _short(category: str) -> str:
    return catalogs.extra("category", category).get("short", category)


# ----------------------------------------------------------------------------------------------------
# The table by unit


@dataclass(frozen=True)
class _Group:
    category: str
    assigned: bool  # quota columns shown (some quota decision covers the category)
    recruiting: bool


def _groups(table: StaffingTable) -> list[_Group]:
    return [_Group(c, table.totals[c].assigned, table.totals[c].assigned or table.totals[c].in_recruitment > 0)
            for c in table.categories]


def _values(groups: Sequence[_Group], figures: Mapping[str, Figures]) -> list[object]:
    out: list[object] = []
    for g in groups:
        f = figures.get(g.category, Figures())
        width = 4 if g.assigned else 1 + g.recruiting
        if f.empty:
            out += [None] * width  # nothing of this category here: blank cells, not a column of zeros
        elif g.assigned:
            out += [f.quota if f.assigned else None, f.actual, f.in_recruitment, f.vacancy]
        else:
            out += [f.actual] + ([f.in_recruitment] if g.recruiting else [])
    return out


def _over_note(groups: Sequence[_Group], figures: Mapping[str, Figures]) -> str | None:
    parts = []
    for g in groups:
        f = figures.get(g.category, Figures())
        if f.over_quota:
            parts.append(f"{_short(g.category)} {-(f.vacancy or 0)}")
    return f"<b>Vượt: {', '.join(parts)}</b>" if parts else None


def staffing_spec(table: StaffingTable) -> TableSpec:
    """The main table: units in tree order, parents as bold subtotal rows of their sub-units; sub-units
    without a quota of their own inside a unit that has one are counted on that unit's row."""
    groups = _groups(table)
    columns = [Column("STT", 10, "center"), Column("Đơn vị", 64, wrap=True, markup=True, key="unit")]
    head1: list[HeaderCell | str] = [HeaderCell("STT", rowspan=2), HeaderCell("Đơn vị", rowspan=2)]
    head2: list[HeaderCell | str] = []
    for g in groups:
        label = catalogs.extra("category", g.category).get("quota_label") or catalogs.label("category", g.category)
        if g.assigned:
            parts = [("Được giao", "quota"), ("Hiện có", "actual"), ("Đang tuyển", "in_recruitment"),
                     ("Còn thiếu", "vacancy")]
            width = 14.0
        else:  # no quota decision covers the category: only the people present (and being recruited)
            parts = [("Hiện có", "actual")] + ([("Đang tuyển", "in_recruitment")] if g.recruiting else [])
            width = 34.0 / len(parts)
        head1.append(HeaderCell(label, colspan=len(parts)))
        for title, key in parts:
            columns.append(Column(title, width, "right", key=f"{g.category}_{key}"))
            head2.append(title)
    columns += [Column("Tổng số người hiện có", 18, "right", key="people"),
                Column("Ghi chú", 26, wrap=True, markup=True, key="note")]
    head1 += [HeaderCell("Tổng số người hiện có", rowspan=2), HeaderCell("Ghi chú", rowspan=2)]

    rows: list[RowType] = []
    children: dict[int | None, list[StaffingUnitRow]] = {}
    for u in table.units:
        children.setdefault(u.parent_id, []).append(u)
    roots = children.get(None, [])
    holds: dict[int, bool] = {}  # the unit or a unit below it has a quota of its own

    def mark(u: StaffingUnitRow) -> bool:
        below = [mark(k) for k in children.get(u.unit_id, [])]
        holds[u.unit_id] = any(f.assigned for f in u.own.values()) or any(below)
        return holds[u.unit_id]

    for r in roots:
        mark(r)

    def people(figs: Mapping[str, Figures]) -> int:
        return sum(f.actual for f in figs.values())

    def data_row(number: str, name: str, figs: Mapping[str, Figures]) -> list[object]:
        note = _over_note(groups, figs)
        label = f"<b>{escape(nfc(name))}</b>" if note else escape(nfc(name))
        return [number, label, *_values(groups, figs), people(figs), note]

    def split(u: StaffingUnitRow, covered: bool) -> tuple[list[StaffingUnitRow], dict[str, Figures]]:
        """(sub-units printed as rows, figures of the unit itself plus the sub-units folded into it).

        Under a unit that holds a quota, sub-units with no quota anywhere below them are staffed from that
        quota: they are folded into the unit's row so that every row's vacancy is its own quota's."""
        own = dict(u.own)
        shown = []
        for k in children.get(u.unit_id, []):
            if covered and not holds[k.unit_id]:
                for cat, f in k.total.items():
                    own[cat] = own.get(cat, Figures()) + f
            elif any(not f.empty for f in k.total.values()):
                shown.append(k)
        return shown, own

    def emit(u: StaffingUnitRow, number: str, depth: int, covered: bool) -> None:
        covered = covered or any(f.assigned for f in u.own.values())
        kids, own = split(u, covered)
        if not kids:
            rows.append(data_row(number, u.name, u.total))
            return
        rows.append(SubtotalRow([number, escape(nfc(u.name)), *_values(groups, u.total), people(u.total), None]))
        if any(not f.empty for f in own.values()):
            rows.append(data_row("-", OWN_ROW, own))
        for i, kid in enumerate(kids):
            emit(kid, str(i + 1) if depth == 0 else f"{number}.{i + 1}", depth + 1, covered)

    if len(roots) == 1 and children.get(roots[0].unit_id):
        # The department itself: its units are the rows; its own staff (if any) a row of their own.
        root = roots[0]
        covered = any(f.assigned for f in root.own.values())
        tops, own = split(root, covered)
        if any(not f.empty for f in own.values()):
            rows.append(data_row("-", OWN_ROW, own))
    else:
        tops, covered = roots, False
    for i, u in enumerate(tops):
        emit(u, roman(i), 0, covered)

    totals: list[object] = ["Tổng cộng", MERGE]
    for g in groups:
        if g.assigned:
            totals += [SUM, SUM, SUM, SUM]
        else:
            totals += [SUM] + ([SUM] if g.recruiting else [])
    totals += [SUM, None]
    return TableSpec(columns=columns, rows=rows, header=[head1, head2], numbering=True, totals=totals,
                     font_size=10.5, header_font_size=10)


def positions_spec(table: StaffingTable) -> TableSpec:
    """Part II: each unit's job positions with people needed, present, in recruitment and missing."""
    columns = [
        Column("STT", 10, "center"), Column("Vị trí việc làm", 78, wrap=True, key="position"),
        Column("Mã", 20, "center", key="code"), Column("Nhóm", 40, wrap=True, key="group"),
        Column("Số người cần", 18, "right", key="needed"), Column("Hiện có", 16, "right", key="actual"),
        Column("Đang tuyển", 16, "right", key="in_recruitment"),
        Column("Còn thiếu", 16, "right", key="vacancy"), Column("Ghi chú", 38, wrap=True, markup=True, key="note"),
    ]
    rows: list[RowType] = []
    for u in table.units:
        positions = table.positions_of(u.unit_id)
        if not positions:
            continue
        rows.append(SectionRow(u.name))
        n = 0
        for p in positions:
            if p.position_id is None:
                rows.append(["-", p.name, None, None, None, p.actual_total, None, None, None])
                continue
            n += 1
            note = f"<b>Vượt {-p.vacancy}</b>" if p.over_quota else ("Dự thảo" if p.status == "draft" else None)
            rows.append([n, p.name, p.code, catalogs.label("position_group", p.group), p.number_needed,
                         p.actual_total, p.in_recruitment, p.vacancy, note])
    totals = ["Tổng cộng", MERGE, None, None, SUM, SUM, SUM, SUM, None]
    return TableSpec(columns=columns, rows=rows, totals=totals, font_size=10.5, header_font_size=10.5)


def _subtitles(table: StaffingTable) -> list[str]:
    return [f"(Tính đến ngày {fmt_date(table.as_of)})"]


NOTE = ("Còn thiếu = Được giao − Hiện có − Đang tuyển; số âm là vượt số được giao. Hiện có gồm "
        "những người có quá trình công tác tại đơn vị vào ngày {day} (người đang biệt phái tính tại đơn vị "
        "của mình); đơn vị có đơn vị trực thuộc là dòng cộng của các đơn vị đó.")


def _document(letterhead: Letterhead | None, table: StaffingTable, by_position: bool,
              printed_on: date | None) -> OfficialDocument:
    doc = OfficialDocument(letterhead, TITLE.format(year=table.year), _subtitles(table), printed_on or clock.today(),
                           landscape=True)
    # The explanation stands above the table: the table then ends the content and keeps its last rows
    # together with the signature blocks on the final page.
    doc.paragraph(NOTE.format(day=fmt_date(table.as_of)), "note")
    if by_position:
        doc.paragraph("I. TỔNG HỢP THEO ĐƠN VỊ VÀ LOẠI BIÊN CHẾ", "heading")
    doc.table(staffing_spec(table))
    if by_position:
        doc.flowable(PageBreak())  # part II starts on its own page, its heading never orphaned
        doc.paragraph("II. CHI TIẾT THEO VỊ TRÍ VIỆC LÀM", "heading")
        doc.table(positions_spec(table))
    return doc


# ----------------------------------------------------------------------------------------------------
# Writers


def write_staffing_pdf(target: str | os.PathLike[str] | IO[bytes], table: StaffingTable, letterhead: Letterhead | None,
                       *, by_position: bool = False, printed_on: date | None = None,
                       progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    """Write the PDF; returns the number of pages."""
    return _document(letterhead, table, by_position, printed_on).build(target, progress=progress, cancel=cancel)


def write_staffing_xlsx(target: str | os.PathLike[str] | IO[bytes], table: StaffingTable,
                        letterhead: Letterhead | None, *, by_position: bool = False, printed_on: date | None = None,
                        progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> None:
    """Sheet 'Biên chế' (units, SUM formulas in the totals row); with positions a second sheet."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "Biên chế"
    day = printed_on or clock.today()
    write_document(ws, letterhead, TITLE.format(year=table.year), _plain_spec(staffing_spec(table)),
                   subtitles=_subtitles(table), day=day, intro=[NOTE.format(day=fmt_date(table.as_of))],
                   landscape=True, progress=progress, cancel=cancel)
    if by_position:
        ws2 = wb.create_sheet("Vị trí việc làm")
        write_document(ws2, letterhead, f"Chi tiết theo vị trí việc làm năm {table.year}",
                       _plain_spec(positions_spec(table)), subtitles=_subtitles(table), day=day, landscape=True)
    if letterhead is not None:
        wb.properties.creator = nfc(letterhead.issuing_unit)
    wb.properties.title = f"Bảng tổng hợp biên chế năm {table.year}"
    write_atomically(target, wb.save)


def _plain_spec(spec: TableSpec) -> TableSpec:
    """The same table with markup stripped (Excel cells hold plain text)."""
    def strip(v: object) -> object:
        if isinstance(v, str):
            return v.replace("<b>", "").replace("</b>", "").replace("&amp;", "&").replace("&lt;", "<").replace(
                "&gt;", ">")
        return v

    rows: list[RowType] = []
    for r in spec.rows:
        if isinstance(r, SubtotalRow):
            rows.append(SubtotalRow([strip(v) for v in r.values]))
        elif isinstance(r, SectionRow):
            rows.append(r)
        else:
            rows.append([strip(v) for v in r])
    columns = [replace(c, markup=False) for c in spec.columns]
    return replace(spec, rows=rows, columns=columns)


def staffing_csv(table: StaffingTable) -> str:
    """One line per unit and category (the JSON 'units' rows), comma-separated, ISO-free plain numbers."""
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\r\n")
    writer.writerow(CSV_KEYS)
    for r in table.json_rows():
        writer.writerow([r[k] for k in CSV_KEYS])
    return out.getvalue()


def write_staffing_csv(target: str | os.PathLike[str] | IO[bytes], table: StaffingTable) -> None:
    data = staffing_csv(table).encode("utf-8-sig")  # BOM: Excel then shows the Vietnamese letters
    write_atomically(target, lambda fh: fh.write(data))


def write_staffing_json(target: str | os.PathLike[str] | IO[bytes], table: StaffingTable) -> None:
    data = json.dumps(table.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
    write_atomically(target, lambda fh: fh.write(data))


def default_as_of(year: int, today: date | None = None) -> date:
    """Today for the current year, 31 December for a past year, 1 January for a future one."""
    today = today or clock.today()
    if year < today.year:
        return date(year, 12, 31)
    if year > today.year:
        return date(year, 1, 1)
    return today


def staffing_data(ctx: ServiceContext, year: int, as_of: date | None = None,
                  by_position: bool | None = False) -> StaffingTable:
    """The staffing table of `year` on `as_of` (default: today, or 31/12 of a past year)."""
    errors = year_errors(year)
    if errors:
        raise ValidationError(errors)
    return staffing_view(ctx, year, as_of or default_as_of(year), with_positions=bool(by_position))


def export_staffing(ctx: ServiceContext, target: str | os.PathLike[str], year: int, as_of: date | None = None, *,
                    by_position: bool = False, printed_on: date | None = None,
                    progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> StaffingTable:
    """The catalogue's "staffing" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "staffing", {"year": year, "as_of": as_of, "by_position": by_position}, target, progress,
                  cancel, printed_on=printed_on).data
