"""Excel (xlsx) versions of the official documents from the same TableSpec: real dates, numbers, SUMs."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO

from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.pdfbase import pdfmetrics

from hrapp.io.cells import new_workbook, put_formula
from hrapp.reports.document import (
    FONT,
    FONT_BOLD,
    MERGE,
    PORTRAIT_TEXT_MM,
    SUM,
    CancelCallback,
    Column,
    Letterhead,
    Margins,
    ProgressCallback,
    ReportCancelled,
    SectionRow,
    Signature,
    SubtotalRow,
    TableSpec,
    header_layout,
    register_fonts,
    resolved_align,
    write_atomically,
)
from hrapp.reports.format import date_line, nfc, vn_upper

__all__ = ["SheetTable", "build_xlsx", "column_chars", "number_format", "write_document", "write_table"]

FONT_NAME = "Times New Roman"
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_H_ALIGN = {"left": "left", "center": "center", "right": "right"}


@dataclass(frozen=True)
class SheetTable:
    """Where write_table put things (1-based rows): header band, data rows, totals row."""

    header_first_row: int
    header_last_row: int
    first_data_row: int
    last_data_row: int
    totals_row: int | None
    first_col: int
    last_col: int


def column_chars(width_mm: float) -> float:
    """Excel column width (in characters of the default font, ≈1.85 mm each) for a width in mm."""
    return round(width_mm / 1.85 + 0.7, 2)


def number_format(value: object, column: Column) -> str | None:
    """The Excel number format for a value: 'dd/mm/yyyy' dates, '0.00' style decimals, '#,##0' money."""
    if isinstance(value, datetime | date):
        return "dd/mm/yyyy"
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "#,##0" if column.thousands else "0"
    if isinstance(value, Decimal | float):
        places = column.places if column.places is not None else 2
        whole = "#,##0" if column.thousands else "0"
        return f"{whole}.{'0' * places}" if places else whole
    return None


def _excel_value(value: object) -> object:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return "x" if value else None
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _lines_needed(text: str, width_pt: float, font: str, size: float) -> int:
    """Rough line count of wrapped text, to give merged/wrapped rows a height Excel will not compute."""
    register_fonts()
    total = 0
    for part in nfc(text).split("\n"):
        w = pdfmetrics.stringWidth(part, font, size)
        total += max(1, math.ceil(w * 1.08 / max(width_pt, 1)))
    return total


def _column_format(spec: TableSpec, index: int) -> str | None:
    for row in spec.rows[:200]:
        values = row.values if isinstance(row, SubtotalRow) else None if isinstance(row, SectionRow) else row
        if values is not None and index < len(values) and values[index] is not None:
            return number_format(values[index], spec.columns[index])
    return None


def write_table(ws: Worksheet, spec: TableSpec, start_row: int = 1, start_col: int = 1,
                progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> SheetTable:
    """Write the header (merged spans, bold, wrapped, boxed), the rows and a totals row of =SUM()s."""
    ncols = len(spec.columns)
    size = spec.font_size
    hsize = spec.header_font_size or size
    bold = Font(name=FONT_NAME, size=size, bold=True)
    hfont = Font(name=FONT_NAME, size=hsize, bold=True)
    hitalic = Font(name=FONT_NAME, size=max(hsize - 1, 7), italic=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    aligns = [resolved_align(spec, i) for i in range(ncols)]
    # text wraps (as in the PDF) rather than spilling into the next cell; numbers and dates need not
    cell_align = [Alignment(horizontal=_H_ALIGN[a], vertical="center", wrap_text=col.wrap or a == "left")
                  for col, a in zip(spec.columns, aligns, strict=True)]
    styles = _CellStyles(ws, cell_align)
    last_col = start_col + ncols - 1

    for i, col in enumerate(spec.columns):
        ws.column_dimensions[get_column_letter(start_col + i)].width = column_chars(col.width)

    # header
    nhead, placements = header_layout(spec)
    row_lines = [1] * nhead
    for r in range(nhead):
        for c in range(ncols):
            cell = ws.cell(start_row + r, start_col + c)
            cell.border, cell.font, cell.alignment = _BOX, hfont, center
    turned = Alignment(horizontal="center", vertical="center", wrap_text=True, text_rotation=90)
    for p in placements:
        top, left = start_row + p.row, start_col + p.col
        cell = ws.cell(top, left, nfc(p.text))
        if p.rowspan > 1 or p.colspan > 1:
            ws.merge_cells(start_row=top, start_column=left, end_row=top + p.rowspan - 1,
                           end_column=left + p.colspan - 1)
        if p.vertical:  # turned text: its length sets the height, in units of one line
            cell.alignment = turned
            need = math.ceil(pdfmetrics.stringWidth(nfc(p.text), FONT_BOLD, hsize) / (hsize * 1.25)) + 1
        else:
            width_pt = sum(spec.columns[c].width for c in range(p.col, p.col + p.colspan)) * 72 / 25.4 - 4
            need = _lines_needed(p.text, width_pt, FONT_BOLD, hsize)
        per_row = math.ceil(need / p.rowspan)
        for r in range(p.row, p.row + p.rowspan):
            row_lines[r] = max(row_lines[r], per_row)
    for r, lines in enumerate(row_lines):
        ws.row_dimensions[start_row + r].height = round(lines * hsize * 1.25 + 4, 1)
    row = start_row + nhead
    labels = spec.numbering_labels()
    if labels is not None:
        for c, label in enumerate(labels):
            cell = ws.cell(row, start_col + c, label)
            cell.border, cell.font, cell.alignment = _BOX, hitalic, center
        row += 1
    header_last = row - 1

    # data
    first_data = row
    total = len(spec.rows)
    subtotal_rows: list[int] = []
    for index, item in enumerate(spec.rows):
        if index % 500 == 0:
            if cancel is not None and cancel():
                raise ReportCancelled("cancelled")
            if progress is not None and index:
                progress(index, total)
        if isinstance(item, SectionRow):
            cell = ws.cell(row, start_col, nfc(item.text))
            cell.font, cell.border = bold, _BOX
            cell.alignment = Alignment(horizontal="left", vertical="center")
            for c in range(start_col + 1, last_col + 1):
                ws.cell(row, c).border = _BOX
            ws.merge_cells(start_row=row, start_column=start_col, end_row=row, end_column=last_col)
            row += 1
            continue
        values = item.values if isinstance(item, SubtotalRow) else item
        if isinstance(item, SubtotalRow):
            subtotal_rows.append(row)
        is_bold = isinstance(item, SubtotalRow)
        for c in range(ncols):
            value = values[c] if c < len(values) else None
            cell = ws.cell(row, start_col + c, _excel_value(value))
            cell.style = styles.name(c, is_bold, size, number_format(value, spec.columns[c]))
        row += 1
    last_data = row - 1

    # totals
    totals_row = None
    if spec.totals is not None:
        if len(spec.totals) != ncols:
            raise ValueError(f"totals has {len(spec.totals)} cells for {ncols} columns")
        totals_row = row
        ranges = _sum_ranges(first_data, last_data, set(subtotal_rows))
        merge_from: int | None = None
        for c, value in enumerate(spec.totals):
            cell = ws.cell(row, start_col + c)
            cell.font, cell.border, cell.alignment = bold, _BOX, cell_align[c]
            if value is MERGE:
                continue
            if value is SUM:
                letter = get_column_letter(start_col + c)
                refs = ",".join(f"{letter}{a}:{letter}{b}" if a != b else f"{letter}{a}" for a, b in ranges)
                if refs:
                    put_formula(ws, row, start_col + c, f"=SUM({refs})")
                else:
                    cell.value = 0
                cell.number_format = _column_format(spec, c) or "General"
            elif value is not None:
                cell.value = _excel_value(value)
                fmt = number_format(value, spec.columns[c])
                if fmt:
                    cell.number_format = fmt
        for c in range(ncols + 1):  # merge each cell with the MERGE cells on its right
            is_merge = c < ncols and spec.totals[c] is MERGE
            if is_merge and merge_from is None:
                merge_from = c - 1
            elif not is_merge and merge_from is not None:
                ws.merge_cells(start_row=row, start_column=start_col + merge_from, end_row=row,
                               end_column=start_col + c - 1)
                ws.cell(row, start_col + merge_from).alignment = center
                merge_from = None
        row += 1
    if progress is not None:
        progress(total, total)
    return SheetTable(start_row, header_last, first_data, last_data, totals_row, start_col, last_col)


class _CellStyles:
    """One named style per (column, bold, number format): a single assignment per data cell instead of
    four (font, border, alignment, format) keeps 10,000-row sheets quick to write."""

    def __init__(self, ws: Worksheet, aligns: Sequence[Alignment]):
        self.wb, self.aligns = ws.parent, aligns
        self.names: dict[tuple[int, bool, float, str | None], str] = {}

    def name(self, col: int, bold: bool, size: float, fmt: str | None) -> str:
        key = (col, bold, size, fmt)
        found = self.names.get(key)
        if found is None:
            existing = set(self.wb.named_styles)
            n = len(existing)
            while f"hrapp {n}" in existing:
                n += 1
            found = f"hrapp {n}"
            style = NamedStyle(found, font=Font(name=FONT_NAME, size=size, bold=bold), border=_BOX,
                               alignment=self.aligns[col], number_format=fmt or "General")
            self.wb.add_named_style(style)
            self.names[key] = found
        return found


def _sum_ranges(first: int, last: int, skip: set[int]) -> list[tuple[int, int]]:
    """Runs of rows from first to last leaving out subtotal rows (so they are not counted twice)."""
    runs: list[tuple[int, int]] = []
    begin: int | None = None
    for r in range(first, last + 2):
        inside = r <= last and r not in skip
        if inside and begin is None:
            begin = r
        elif not inside and begin is not None:
            runs.append((begin, r - 1))
            begin = None
    return runs


def _blocks(widths: Sequence[float]) -> tuple[tuple[int, int], tuple[int, int]]:
    """Column ranges (0-based, inclusive) for the agency block (left) and the national title (right)."""
    n = len(widths)
    if n < 2:
        return (0, 0), (0, 0)
    total = sum(widths)
    acc, left_end = 0.0, 0
    for i, w in enumerate(widths):
        acc += w
        left_end = i
        if acc >= 0.38 * total:
            break
    acc, right_start = 0.0, n - 1
    for i in range(n - 1, -1, -1):
        acc += widths[i]
        right_start = i
        if acc >= 0.5 * total:
            break
    right_start = max(right_start, left_end + 1)
    return (0, min(left_end, n - 2)), (min(right_start, n - 1), n - 1)


class _Writer:
    """Writes the text parts of a document around a table on one sheet."""

    def __init__(self, ws: Worksheet, ncols: int, widths_mm: Sequence[float]):
        self.ws, self.ncols, self.widths = ws, ncols, list(widths_mm)
        self.row = 1

    def put(self, text: str, first: int, last: int, *, size: float = 13, bold: bool = False,
            italic: bool = False, underline: bool = False, align: str = "center", wrap: bool = False,
            row: int | None = None) -> None:
        r = self.row if row is None else row
        cell = self.ws.cell(r, first + 1, text)
        cell.font = Font(name=FONT_NAME, size=size, bold=bold, italic=italic,
                         underline="single" if underline else None)
        cell.alignment = Alignment(horizontal=align, vertical="top" if wrap else "center", wrap_text=wrap)
        if last > first:
            self.ws.merge_cells(start_row=r, start_column=first + 1, end_row=r, end_column=last + 1)
        if wrap:
            width_pt = sum(self.widths[first:last + 1]) * 72 / 25.4
            lines = _lines_needed(text, width_pt, FONT, size)
            current = self.ws.row_dimensions[r].height or 0
            self.ws.row_dimensions[r].height = max(current, round(lines * size * 1.3 + 3, 1))

    def next(self, count: int = 1) -> None:
        self.row += count


def write_document(ws: Worksheet, letterhead: Letterhead | None, title: str, table: TableSpec, *,
                   subtitles: Sequence[str] = (), day: date | None = None, intro: Sequence[str] = (),
                   outro: Sequence[str] = (), recipients: Sequence[str] = (),
                   signatures: Sequence[Signature] | None = None, landscape: bool | None = None,
                   margins: Margins | None = None, date_in_header: bool = True,
                   progress: ProgressCallback | None = None,
                   cancel: CancelCallback | None = None) -> SheetTable:
    """Letterhead, title, table, signatures on one sheet, set up to print like the PDF."""
    ncols = len(table.columns)
    widths = [c.width for c in table.columns]
    w = _Writer(ws, ncols, widths)
    (l0, l1), (r0, r1) = _blocks(widths)
    last = ncols - 1
    if letterhead is not None:
        w.put(vn_upper(letterhead.parent_agency), l0, l1, size=12)
        w.put("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", r0, r1, size=12, bold=True)
        w.next()
        w.put(vn_upper(letterhead.issuing_unit), l0, l1, size=12, bold=True, underline=True)
        w.put("Độc lập - Tự do - Hạnh phúc", r0, r1, size=13, bold=True, underline=True)
        w.next()
        number = letterhead.number_line()
        if number:
            w.put(number, l0, l1, size=13)
        if date_in_header:
            w.put(date_line(letterhead.place, day), r0, r1, size=13, italic=True)
        w.next(2)
    for line in nfc(title).split("\n"):
        if line.strip():
            w.put(vn_upper(line), 0, last, size=14, bold=True, wrap=True)
            w.next()
    for line in subtitles:
        w.put(nfc(line), 0, last, size=13, italic=True, wrap=True)
        w.next()
    w.next()
    for text in intro:
        w.put(nfc(text), 0, last, size=13, align="justify", wrap=True)
        w.next()
    placed = write_table(ws, table, w.row, 1, progress=progress, cancel=cancel)
    w.row = (placed.totals_row or placed.last_data_row) + 2
    for text in outro:
        w.put(nfc(text), 0, last, size=13, align="justify", wrap=True)
        w.next()
    _write_closing(w, letterhead, recipients, signatures, day, date_in_header, (r0, r1))

    ws.freeze_panes = ws.cell(placed.first_data_row, 1)
    _print_setup(ws, placed, widths, landscape, margins or Margins())
    return placed


def _split(count: int, parts: int) -> list[tuple[int, int]]:
    """Split columns 0..count-1 into `parts` consecutive ranges (inclusive); needs count >= parts."""
    bounds = [round(k * count / parts) for k in range(parts + 1)]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(parts)]


def _write_closing(w: _Writer, letterhead: Letterhead | None, recipients: Sequence[str],
                   signatures: Sequence[Signature] | None, day: date | None, date_in_header: bool,
                   right: tuple[int, int]) -> None:
    """Recipients and the other signatures share the columns left of the head's block, as in the PDF."""
    sigs = list(signatures) if signatures is not None else (
        letterhead.default_signatures() if letterhead is not None else [])
    if not sigs and not recipients:
        return
    r0, r1 = right
    if not date_in_header and letterhead is not None:
        w.put(date_line(letterhead.place, day), r0, r1, size=13, italic=True)
        w.next()
    left_blocks: list[Signature | None] = ([None] if recipients else []) + sigs[:-1]
    if not sigs:
        r0, r1 = 0, w.ncols - 1  # recipients alone use the full width
        left_blocks = []
        blocks: list[tuple[Signature | None, tuple[int, int]]] = [(None, (r0, r1))]
    elif left_blocks and r0 >= len(left_blocks):
        blocks = list(zip(left_blocks, _split(r0, len(left_blocks)), strict=True)) + [(sigs[-1], (r0, r1))]
    else:  # too few columns to sit side by side: stack everything in the right-hand block
        blocks = [(b, (r0, r1)) for b in left_blocks] + [(sigs[-1], (r0, r1))]
    stacked = len({rng for _, rng in blocks}) < len(blocks)
    top = w.row
    name_rows: list[tuple[Signature, tuple[int, int]]] = []
    for block, (a, b) in blocks:
        r = top
        if block is None:
            w.put("Nơi nhận:", a, b, size=12, bold=True, italic=True, align="left", row=r)
            for line in recipients:
                r += 1
                line = nfc(line).strip()
                w.put(line if line.startswith("-") else f"- {line}", a, b, size=11, align="left", row=r)
        else:
            for line in ([block.authority] if block.authority else []) + nfc(block.title).split("\n"):
                w.put(vn_upper(line), a, b, size=13, bold=True, row=r)
                r += 1
            if block.caption:
                w.put(nfc(block.caption), a, b, size=12, italic=True, row=r)
                r += 1
            name_rows.append((block, (a, b)))
        if stacked:
            if block is not None and block.name:
                w.put(nfc(block.name), a, b, size=13, bold=True, row=r + 3)
                r += 4
            top = r + 2
    if not stacked:
        heights = [len(recipients) + 1 if recipients else 0]
        heights += [(1 if s.authority else 0) + len(s.title.split("\n")) + (1 if s.caption else 0) for s in sigs]
        name_row = top + max(heights) + 3
        for sig, (a, b) in name_rows:
            if sig.name:
                w.put(nfc(sig.name), a, b, size=13, bold=True, row=name_row)
        top = name_row + 1
    w.row = top


def _print_setup(ws: Worksheet, placed: SheetTable, widths: Sequence[float], landscape: bool | None,
                 margins: Margins) -> None:
    """A4, fit to one page wide, the header rows repeated on every printed page, page numbers from 2."""
    if landscape is None:
        landscape = sum(widths) > PORTRAIT_TEXT_MM
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    inch = 25.4
    ws.page_margins = PageMargins(left=margins.left / inch, right=margins.right / inch,
                                  top=margins.top / inch, bottom=margins.bottom / inch,
                                  header=margins.top / inch / 2, footer=margins.bottom / inch / 2)
    ws.print_title_rows = f"{placed.header_first_row}:{placed.header_last_row}"
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = "&P"
    ws.oddHeader.center.font = f"{FONT_NAME},Regular"
    ws.oddHeader.center.size = 13
    ws.print_area = f"A1:{get_column_letter(placed.last_col)}{ws.max_row}"


def build_xlsx(target: str | os.PathLike[str] | IO[bytes], letterhead: Letterhead | None, title: str,
               table: TableSpec, *, subtitles: Sequence[str] = (), day: date | None = None,
               intro: Sequence[str] = (), outro: Sequence[str] = (), recipients: Sequence[str] = (),
               signatures: Sequence[Signature] | None = None, landscape: bool | None = None,
               margins: Margins | None = None, date_in_header: bool = True, sheet_title: str = "Danh sách",
               progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> SheetTable:
    """The Excel twin of build_pdf (same arguments); a path target is replaced atomically."""
    wb = new_workbook()
    ws = wb.active
    ws.title = sheet_title[:31]
    placed = write_document(ws, letterhead, title, table, subtitles=subtitles, day=day, intro=intro,
                            outro=outro, recipients=recipients, signatures=signatures, landscape=landscape,
                            margins=margins, date_in_header=date_in_header, progress=progress, cancel=cancel)
    if letterhead is not None:
        wb.properties.creator = nfc(letterhead.issuing_unit)
    wb.properties.title = nfc(" ".join(title.split()))
    write_atomically(target, wb.save)
    return placed
