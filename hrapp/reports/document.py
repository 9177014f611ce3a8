"""Official A4 documents per NĐ 30/2020 Phụ lục I: letterhead, title, body, data tables, signatures (PDF)."""

from __future__ import annotations

import gc
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import IO, Literal, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hrapp.failures import file_error
from hrapp.paths import FONTS
from hrapp.reports.format import date_line, fmt_date, fmt_decimal, fmt_int, nfc, vn_upper

__all__ = [
    "FONT", "FONT_BOLD", "FONT_ITALIC", "FONT_BOLD_ITALIC", "MERGE", "SUM",
    "Align", "Column", "HeaderCell", "Letterhead", "Margins", "OfficialDocument", "Placement",
    "ProgressCallback", "CancelCallback", "ReportCancelled", "SectionRow", "Signature", "SubtotalRow",
    "TableSpec", "TotalCell", "build_pdf", "cell_text", "header_layout", "iter_data_rows", "leaf_titles",
    "register_fonts", "resolved_align", "table_totals", "write_atomically",
]

FONT = "TimesVN"
FONT_BOLD = "TimesVN-Bold"
FONT_ITALIC = "TimesVN-Italic"
FONT_BOLD_ITALIC = "TimesVN-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
PORTRAIT_TEXT_MM = 165.0
"""Text width of a portrait A4 page with the default 30 + 15 mm side margins."""
LINE_WIDTH = 0.5
"""Table grid, in points: a thin single black line as on printed official lists."""

Align = Literal["left", "center", "right"]
ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]


class ReportCancelled(Exception):
    """The user cancelled building a report; nothing was written to the target path."""


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register Liberation Serif (metric twin of Times New Roman) once; returns the family name.

    ReportLab embeds a subset of each TrueType font it uses, so every PDF carries its own fonts.
    """
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONTS / filename)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD_ITALIC)
    return FONT


# ----------------------------------------------------------------------------------------------------
# Table specification (shared by the PDF, Excel and CSV/JSON writers)


class TotalCell(Enum):
    """Markers for a totals row: SUM adds up the column, MERGE joins the cell to the one on its left."""

    SUM = "sum"
    MERGE = "merge"


SUM = TotalCell.SUM
MERGE = TotalCell.MERGE


@dataclass(frozen=True)
class Column:
    """One table column: its (leaf) title, width in mm, alignment and how values print.

    `align=None` chooses from the values: numbers right, dates centred, text left. `wrap=True` sets the
    cell as a Paragraph (inline <b>/<i> allowed when `markup=True`); plain cells still break onto extra
    lines when too long. `places` rounds Decimals (None keeps their digits); `thousands` groups digits
    with dots ('1.800.000'). `key` names the column in CSV/JSON (defaults to the title).
    """

    title: str
    width: float
    align: Align | None = None
    wrap: bool = False
    places: int | None = None
    thousands: bool = False
    markup: bool = False
    key: str | None = None


@dataclass(frozen=True)
class HeaderCell:
    """A header cell spanning columns and/or header rows, laid out like HTML colspan/rowspan.

    `vertical=True` turns the text 90° (reads bottom to top), for the narrow count columns of wide
    statistical forms such as BM01/BNV; '\n' splits it over several turned lines.
    """

    text: str
    colspan: int = 1
    rowspan: int = 1
    vertical: bool = False


@dataclass(frozen=True)
class SectionRow:
    """A full-width bold line inside the data, e.g. the unit name before its staff."""

    text: str


@dataclass(frozen=True)
class SubtotalRow:
    """A bold row of values (a unit's subtotal); SUM totals leave it out so nothing counts twice."""

    values: Sequence[object]


RowType = Sequence[object] | SectionRow | SubtotalRow


@dataclass(frozen=True)
class TableSpec:
    """Everything a data table needs; one spec prints as PDF, Excel or CSV/JSON.

    `header` rows hold HeaderCell or str cells placed left to right into free slots, as in HTML; None
    uses one row of column titles. `numbering` adds a row '1 2 3 …' (True) or the given labels ('A',
    'B', '1', …) under the header. `totals` has one entry per column: a label, a value, SUM, MERGE or
    None. Widths are scaled to the text width unless `stretch` is False.
    """

    columns: Sequence[Column]
    rows: Sequence[RowType]
    header: Sequence[Sequence[HeaderCell | str]] | None = None
    numbering: bool | Sequence[str] = False
    totals: Sequence[object] | None = None
    font_size: float = 11
    header_font_size: float | None = None
    stretch: bool = True

    def __post_init__(self) -> None:
        if not self.columns:
            raise ValueError("a table needs at least one column")
        bad = [c.title for c in self.columns if not c.width > 0]
        if bad:
            raise ValueError(f"columns without a positive width: {bad}")

    def numbering_labels(self) -> list[str] | None:
        if self.numbering is True:
            return [str(i) for i in range(1, len(self.columns) + 1)]
        if not self.numbering:
            return None
        labels = [str(x) for x in self.numbering]
        if len(labels) != len(self.columns):
            raise ValueError(f"numbering has {len(labels)} labels for {len(self.columns)} columns")
        return labels


@dataclass(frozen=True)
class Placement:
    """Where a header cell lands: zero-based row/column of its top-left slot and its spans."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    vertical: bool = False


def header_layout(spec: TableSpec) -> tuple[int, list[Placement]]:
    """(number of header rows, placements) for the spec's header; checks that spans tile the grid."""
    ncols = len(spec.columns)
    if spec.header is None:
        return 1, [Placement(0, i, 1, 1, c.title) for i, c in enumerate(spec.columns)]
    nrows = len(spec.header)
    taken = [[False] * ncols for _ in range(nrows)]
    out: list[Placement] = []
    for r, cells in enumerate(spec.header):
        c = 0
        for cell in cells:
            hc = cell if isinstance(cell, HeaderCell) else HeaderCell(str(cell))
            while c < ncols and taken[r][c]:
                c += 1
            if c + hc.colspan > ncols or r + hc.rowspan > nrows:
                raise ValueError(f"header cell {hc.text!r} overflows the {nrows}x{ncols} header grid")
            for rr in range(r, r + hc.rowspan):
                for cc in range(c, c + hc.colspan):
                    if taken[rr][cc]:
                        raise ValueError(f"header cell {hc.text!r} overlaps another cell")
                    taken[rr][cc] = True
            out.append(Placement(r, c, hc.rowspan, hc.colspan, hc.text, hc.vertical))
            c += hc.colspan
    for r, row in enumerate(taken):
        if not all(row):
            raise ValueError(f"header row {r + 1} leaves columns {[i + 1 for i, t in enumerate(row) if not t]} empty")
    return nrows, out


def leaf_titles(spec: TableSpec, sep: str = " - ") -> list[str]:
    """Each column's title path through the header ('Mức lương đang hưởng - Bậc'), for CSV and JSON."""
    if spec.header is None:
        return [c.title for c in spec.columns]
    _, placements = header_layout(spec)
    paths: list[list[str]] = [[] for _ in spec.columns]
    for p in sorted(placements, key=lambda p: p.row):
        for c in range(p.col, p.col + p.colspan):
            text = " ".join(p.text.split())
            if text and (not paths[c] or paths[c][-1] != text):
                paths[c].append(text)
    return [sep.join(path) for path in paths]


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal | float) and not isinstance(value, bool)


def cell_text(value: object, column: Column) -> str:
    """How a value prints in a cell: dd/mm/yyyy dates, decimal commas, optional dot thousands."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return fmt_int(value, group=column.thousands)
    if isinstance(value, Decimal | float):
        return fmt_decimal(value, column.places, group=column.thousands)
    if isinstance(value, date | datetime):
        return fmt_date(value)
    return nfc(str(value))


def resolved_align(spec: TableSpec, index: int) -> Align:
    """The column's alignment, inferred from its first values when not set."""
    column = spec.columns[index]
    if column.align is not None:
        return column.align
    for row in spec.rows[:200]:
        values = row.values if isinstance(row, SubtotalRow) else None if isinstance(row, SectionRow) else row
        if values is None or index >= len(values) or values[index] is None:
            continue
        value = values[index]
        if _is_number(value):
            return "right"
        if isinstance(value, date | datetime):
            return "center"
        return "left"
    return "left"


def table_totals(spec: TableSpec) -> list[object]:
    """The totals row with SUM replaced by the column sum over plain data rows (not sections/subtotals)."""
    if spec.totals is None:
        return []
    if len(spec.totals) != len(spec.columns):
        raise ValueError(f"totals has {len(spec.totals)} cells for {len(spec.columns)} columns")
    out: list[object] = []
    for i, cell in enumerate(spec.totals):
        if cell is not SUM:
            out.append(cell)
            continue
        total: int | Decimal = 0
        for row in spec.rows:
            if isinstance(row, SectionRow | SubtotalRow) or i >= len(row):
                continue
            value = row[i]
            if isinstance(value, float):
                value = Decimal(repr(value))
            if _is_number(value):
                total += value  # type: ignore[operator]
        out.append(total)
    return out


_SPACE_RUN = re.compile(r" {2,}")
_PLAIN = TableStyle([
    ("FONT", (0, 0), (-1, -1), FONT, 12),  # even empty cells set a font: keep Helvetica out of the PDF
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
])


def _markup(text: str | None) -> str:
    """Plain text as Paragraph markup: escaped, NFC, line breaks kept, and runs of spaces kept (they
    leave room to write a number by hand, as in 'Số:       /DS-SKHCN')."""
    text = escape(nfc(text)).replace("\n", "<br/>")
    return _SPACE_RUN.sub(lambda m: " " + "\u00a0" * (len(m.group()) - 1), text)


# ----------------------------------------------------------------------------------------------------
# Letterhead, signatures, page geometry


@dataclass(frozen=True)
class Signature:
    """A signature block: optional authority line ('KT. GIÁM ĐỐC'), title, caption, signer name."""

    title: str
    name: str = ""
    authority: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document and who signs it (NĐ 30/2020 Phụ lục I, ô số 2, 3, 4 and 7)."""

    issuing_unit: str
    parent_agency: str = ""
    number: str | None = None
    place: str = ""
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    signer_authority: str | None = None
    preparer_title: str = "NGƯỜI LẬP BIỂU"
    preparer_name: str = ""

    def number_line(self) -> str | None:
        """'Số: 125/BC-SKHCN' (the prefix is added when the number is given bare)."""
        if self.number is None:
            return None
        text = nfc(self.number).strip()
        return text if text.lower().startswith("số") else f"Số: {text}"

    def head_signature(self, caption: str | None = None) -> Signature:
        return Signature(self.signer_title, self.signer_name, self.signer_authority, caption)

    def preparer_signature(self, caption: str | None = None) -> Signature:
        return Signature(self.preparer_title, self.preparer_name, None, caption)

    def default_signatures(self) -> list[Signature]:
        """Preparer on the left (when titled) and the head of the unit on the right."""
        sigs = [self.preparer_signature()] if self.preparer_title else []
        return sigs + [self.head_signature()]


@dataclass(frozen=True)
class Margins:
    """Page margins in mm; the defaults sit inside the NĐ 30/2020 ranges."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@cache
def _style(name: str, size: float, font: str = FONT, align: int = TA_CENTER, leading: float | None = None,
           indent: float = 0, space_before: float = 0, space_after: float = 0,
           keep_with_next: bool = False) -> ParagraphStyle:
    """Paragraph styles are cached: a report of 10,000 rows must not build 10,000 style objects."""
    register_fonts()
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or round(size * 1.2, 2),
                          alignment=align, firstLineIndent=indent, spaceBefore=space_before,
                          spaceAfter=space_after, splitLongWords=True, keepWithNext=keep_with_next)


class _Rule(Flowable):
    """A short horizontal rule, centred by its container (under the unit name and the motto)."""

    def __init__(self, width: float, gap: float = 4.5, weight: float = 0.6):
        super().__init__()
        self.width, self.gap, self.weight = width, gap, weight
        self.drawn_width = width
        self.height = gap + weight + 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.drawn_width = min(self.width, availWidth)
        return self.drawn_width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(self.weight)
        y = self.height - self.gap
        self.canv.line(0, y, self.drawn_width, y)


class _VerticalText(Flowable):
    """Header text turned 90° counter-clockwise, one turned line per '\n'."""

    def __init__(self, text: str, font: str, size: float):
        super().__init__()
        self.lines = [line.strip() for line in nfc(text).split("\n")]
        self.font, self.size, self.leading = font, size, round(size * 1.15, 2)
        self.width = len(self.lines) * self.leading
        self.height = max(pdfmetrics.stringWidth(line, font, size) for line in self.lines) + 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.rotate(90)  # x now runs up the page, y to the left
        for k, line in enumerate(self.lines):
            baseline = (k + 1) * self.leading - 0.28 * self.size  # glyph feet face right
            canv.drawCentredString(self.height / 2, -baseline, line)
        canv.restoreState()


# ----------------------------------------------------------------------------------------------------
# The data table: header drawn by a platypus Table, body rows drawn straight onto the canvas.


class _Tracker:
    """Counts rows drawn across all tables and asks the caller whether to stop."""

    def __init__(self, progress: ProgressCallback | None, cancel: CancelCallback | None):
        self.progress, self.cancel = progress, cancel
        self.total = 0
        self.done = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ReportCancelled("cancelled")

    def advance(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)
        self.check()


_DATA, _SECTION, _SUBTOTAL, _TOTALS = range(4)
MIN_ROWS = 3
"""Orphan control: a table's part on a page, and the part with its totals, hold at least this many rows."""
FRESH_PAGE = 0.75
"""A page whose free height is at least this share of the frame counts as fresh: a table part that cannot keep the
orphan rule there takes what fits rather than moving on (the next page would be no better)."""
_PAD_X = 2.5
_PAD_Y = 2.0
_BASELINE_DROP = 0.32  # baseline below the optical middle of a line, in em (caps + Vietnamese marks)


class _Row:
    """A laid-out row: its height, kind and, per cell, either text lines with x offsets or a Paragraph."""

    __slots__ = ("height", "kind", "cells", "vlines")

    def __init__(self, height: float, kind: int, cells: list, vlines: frozenset[int] | None):
        self.height, self.kind, self.cells, self.vlines = height, kind, cells, vlines


class _TextCell:
    """A cell drawn as text lines: ((line, x), ...) measured once, and its PDF operators once per document."""

    __slots__ = ("lines", "font", "doc", "ops")

    def __init__(self, lines: tuple[tuple[str, float], ...], font: str):
        self.lines, self.font = lines, font
        self.doc: object = None
        self.ops: tuple[str, str, str] = ("", "", "")


class _TableState:
    """Shared by every page-part of one table: geometry, the header, and laid-out rows (lazily)."""

    def __init__(self, spec: TableSpec, tracker: _Tracker):
        register_fonts()
        self.spec = spec
        self.tracker = tracker
        self.ncols = len(spec.columns)
        self.nrows = len(spec.rows)
        self.width = -1.0
        self.rows: list[_Row | None] = []
        tracker.total += self.nrows
        self.size = spec.font_size
        self.leading = round(self.size * 1.2, 2)
        self.aligns = [resolved_align(spec, i) for i in range(self.ncols)]
        self.totals_values = table_totals(spec)
        self.tail = 0.0  # height of what must follow the last row on the same page (signatures)
        self.page_h = 1e9  # frame height; set by the document
        self.form_name = f"hrTableHeader{id(self)}"
        self._form_canvas: Canvas | None = None
        # per document: font selections by (font, subset), and the ASCII characters a font's subsets keep as
        # themselves (ReportLab's readable ASCII), whose lines need no splitting into subsets
        self._encoding_doc: object = None
        self._selects: dict[tuple[str, int], str] = {}
        self._ascii: dict[str, frozenset[str]] = {}

    # geometry ------------------------------------------------------------------------------------
    def ensure(self, width: float) -> None:
        if abs(width - self.width) < 0.01:
            return
        spec = self.spec
        self.width = width
        widths = [c.width * mm for c in spec.columns]
        scale = width / sum(widths) if spec.stretch or sum(widths) > width else 1.0
        self.colw = [w * scale for w in widths]
        self.xs = [0.0]
        for w in self.colw:
            self.xs.append(self.xs[-1] + w)
        self.table_width = self.xs[-1]
        self.inner = [w - 2 * _PAD_X for w in self.colw]
        self.wrap_styles = [
            _style(f"cell-{c.align}-{self.size}", self.size, FONT,
                   {"right": TA_RIGHT, "center": TA_CENTER}.get(self.aligns[i], TA_LEFT), self.leading)
            for i, c in enumerate(spec.columns)
        ]
        self.header = self._build_header()
        _, self.header_h = self.header.wrap(self.table_width, 10_000)
        self.rows = [None] * self.nrows
        # {data row?: per column, value -> laid-out cell} (data rows are regular, the others bold)
        self._cell_memo: dict[bool, list[dict[object, _TextCell]]] = {
            data: [{} for _ in range(self.ncols)] for data in (False, True)}
        self.totals_row = self._layout_totals() if spec.totals is not None else None

    def _build_header(self) -> Table:
        spec = self.spec
        hsize = spec.header_font_size or self.size
        hstyle = _style(f"th-{hsize}", hsize, FONT_BOLD, TA_CENTER, round(hsize * 1.15, 2))
        nrows, placements = header_layout(spec)
        data: list[list[object]] = [[""] * self.ncols for _ in range(nrows)]
        cmds: list[tuple] = [
            ("FONT", (0, 0), (-1, -1), FONT, hsize),
            ("GRID", (0, 0), (-1, -1), LINE_WIDTH, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for p in placements:
            data[p.row][p.col] = (_VerticalText(p.text, FONT_BOLD, hsize) if p.vertical
                                  else Paragraph(_markup(p.text), hstyle))
            if p.rowspan > 1 or p.colspan > 1:
                cmds.append(("SPAN", (p.col, p.row), (p.col + p.colspan - 1, p.row + p.rowspan - 1)))
        labels = spec.numbering_labels()
        if labels is not None:
            data.append(labels)
            r = len(data) - 1
            nsize = max(hsize - 1, 7)
            cmds += [("FONT", (0, r), (-1, r), FONT_ITALIC, nsize, nsize * 1.2),
                     ("TOPPADDING", (0, r), (-1, r), 1), ("BOTTOMPADDING", (0, r), (-1, r), 1.5)]
        return Table(data, colWidths=self.colw, style=TableStyle(cmds))

    # row layout ----------------------------------------------------------------------------------
    def _text_cell(self, text: str, width: float, x0: float, align: Align, font: str) -> _TextCell:
        """The lines with their x measured once here, so drawing needs no second stringWidth."""
        size = self.size
        w = pdfmetrics.stringWidth(text, font, size)
        if w <= width and "\n" not in text:
            if align == "left":
                return _TextCell(((text, x0 + _PAD_X),), font)
            if align == "right":
                return _TextCell(((text, x0 + _PAD_X + width - w),), font)
            return _TextCell(((text, x0 + _PAD_X + (width - w) / 2),), font)
        else:
            lines = [(t, pdfmetrics.stringWidth(t, font, size)) for t in simpleSplit(text, font, size, width)]
        if align == "left":
            return _TextCell(tuple((t, x0 + _PAD_X) for t, _ in lines), font)
        if align == "right":
            return _TextCell(tuple((t, x0 + _PAD_X + width - lw) for t, lw in lines), font)
        return _TextCell(tuple((t, x0 + _PAD_X + (width - lw) / 2) for t, lw in lines), font)

    def _fits_plain(self, text: str, width: float, font: str) -> bool:
        """True when every word fits the column (a Paragraph would split a longer one) and no line is forced."""
        if "\n" in text:
            return False
        size = self.size
        return all(pdfmetrics.stringWidth(word, font, size) <= width for word in text.split())

    def _layout_values(self, values: Sequence[object], kind: int) -> _Row:
        cols = self.spec.columns
        font = FONT if kind == _DATA else FONT_BOLD
        memo = self._cell_memo[kind == _DATA]
        cells: list = []
        nlines = 1
        para_h = 0.0
        for i, col in enumerate(cols):
            value = values[i] if i < len(values) else None
            if value is None:
                cells.append(None)
                continue
            key = value if value.__class__ is str else (value.__class__, value)  # 1, True and 1.0 print apart
            cell = memo[i].get(key)
            if cell is not None:  # the same value in the same column: the same lines (dates, ranks, units repeat)
                nlines = max(nlines, len(cell.lines))
                cells.append(cell)
                continue
            text = cell_text(value, col)
            if not text:
                cells.append(None)
                continue
            cell_font = font
            if col.wrap and col.markup and text.startswith("<b>") and text.endswith("</b>") and "<" not in text[3:-4]:
                text, cell_font = text[3:-4], FONT_BOLD  # markup that only makes the whole cell bold
            plain = not col.markup or ("<" not in text and "&" not in text)  # markup without tags or entities
            if plain and col.markup and cell_font == FONT_BOLD:
                # a Paragraph measures bold markup a little narrower than the font: only a line sure to fit
                plain = pdfmetrics.stringWidth(text, cell_font, self.size) <= self.inner[i]
            if col.wrap and plain and self._fits_plain(text, self.inner[i], cell_font):
                # Plain text whose words each fit: the same lines and baselines as a Paragraph, laid out and
                # drawn as text lines (a Paragraph per cell is most of the time of a 10,000-row list).
                cell = memo[i][key] = self._text_cell(text, self.inner[i], self.xs[i], self.aligns[i], cell_font)
                nlines = max(nlines, len(cell.lines))
                cells.append(cell)
            elif col.wrap:
                text = cell_text(value, col)
                markup = text if col.markup else _markup(text)
                if kind != _DATA:
                    markup = f"<b>{markup}</b>"
                para = Paragraph(markup, self.wrap_styles[i])
                _, h = para.wrap(self.inner[i], 100_000)
                para_h = max(para_h, h)
                cells.append((para, self.xs[i] + _PAD_X))
            else:
                cell = memo[i][key] = self._text_cell(text, self.inner[i], self.xs[i], self.aligns[i], font)
                nlines = max(nlines, len(cell.lines))
                cells.append(cell)
        height = max(nlines * self.leading, para_h) + 2 * _PAD_Y
        return _Row(height, kind, cells, None)

    def row(self, index: int) -> _Row:
        laid = self.rows[index]
        if laid is None:
            if index % 500 == 0:
                self.tracker.check()
            raw = self.spec.rows[index]
            if isinstance(raw, SectionRow):
                cell = self._text_cell(nfc(raw.text), self.table_width - 2 * _PAD_X, 0, "left", FONT_BOLD)
                laid = _Row(len(cell.lines) * self.leading + 2 * _PAD_Y, _SECTION, [cell], frozenset())
            elif isinstance(raw, SubtotalRow):
                laid = self._layout_values(raw.values, _SUBTOTAL)
            else:
                laid = self._layout_values(raw, _DATA)
            self.rows[index] = laid
        return laid

    def _layout_totals(self) -> _Row:
        """The bold totals row; MERGE cells widen the cell on their left (no grid line between)."""
        values = self.totals_values
        spans: list[tuple[int, int]] = []  # (first column, last column) of each printed cell
        for i, cell in enumerate(self.spec.totals or ()):
            if cell is MERGE and spans:
                spans[-1] = (spans[-1][0], i)
            else:
                spans.append((i, i))
        cells: list = [None] * self.ncols
        nlines = 1
        for first, last in spans:
            text = cell_text(values[first], self.spec.columns[first])
            if not text:
                continue
            width = self.xs[last + 1] - self.xs[first] - 2 * _PAD_X
            align = self.aligns[first] if first == last else "center"
            cell = self._text_cell(text, width, self.xs[first], align, FONT_BOLD)
            nlines = max(nlines, len(cell.lines))
            cells[first] = cell
        inner_lines = frozenset(i for i in range(1, self.ncols)
                                if not any(a < i <= b for a, b in spans))
        return _Row(nlines * self.leading + 2 * _PAD_Y, _TOTALS, cells, inner_lines)

    # pagination ----------------------------------------------------------------------------------
    def _body(self, start: int, end: int) -> int:
        """Rows in [start, end) that carry values (section headings do not count)."""
        return sum(1 for k in range(start, end) if self.row(k).kind != _SECTION)

    def _last_part_start(self, start: int, rows: int = MIN_ROWS) -> int:
        """Where the table's last part begins so that it carries `rows` rows of values (or all from `start`)."""
        k, found = self.nrows, 0
        while k > start and found < rows:
            k -= 1
            if self.row(k).kind != _SECTION:
                found += 1
        return k

    def _section_back(self, start: int, end: int) -> int:
        """A section heading never ends a page: it moves to the next one with the rows it introduces."""
        while end > start + 1 and end < self.nrows and self.row(end - 1).kind == _SECTION:
            end -= 1
        return end

    def _rest_fits_a_page(self, start: int) -> bool:
        """Whether the rows from `start`, the totals and the signatures all go on one page."""
        totals_h = self.totals_row.height if self.totals_row is not None else 0.0
        rest = sum(self.row(k).height for k in range(start, self.nrows))
        return self.header_h + rest + totals_h + self.tail <= self.page_h

    def _leave_a_rest_that_splits(self, start: int, end: int, least: int) -> int:
        """Keep-with-next across the last page break: when the part [start, end) would leave a rest of fewer than
        2 × MIN_ROWS rows that cannot go on one page with the totals and the signatures (tall rows), the rest
        could only split 2 + 2 or 1 + 3; this part then ends earlier so that the rest holds 2 × MIN_ROWS rows
        and splits 3 + 3. Unchanged when this part would keep fewer than `least` rows."""
        six = self._last_part_start(start, 2 * MIN_ROWS)
        if end <= six or self._rest_fits_a_page(end):
            return end
        earlier = self._section_back(start, six)
        if earlier > start and self._body(start, earlier) >= least and self._body(earlier, self.nrows) >= 2 * MIN_ROWS:
            return earlier
        return end

    def fit(self, start: int, avail: float, fresh: bool = False) -> tuple[int, float, bool]:
        """(end row, height, with totals) of the part starting at `start` that goes in `avail` points.

        Orphan control: a part that does not end the table holds at least MIN_ROWS rows of values (2 when the
        rest of the table is shorter than 2 × MIN_ROWS); the last part holds MIN_ROWS, carries the totals and has
        the signatures (`tail`) below it on the same page. When the rule cannot be kept here the part is empty
        (the table starts on the next page), unless the page is `fresh` (nearly all of it free), where moving on
        would not help: there a short rest splits evenly (2 + 2), else the page takes what fits.
        """
        room = avail - self.header_h
        used = 0.0
        i = start
        while i < self.nrows:
            h = self.row(i).height
            if used + h > room:
                break
            used += h
            i += 1
        totals_h = self.totals_row.height if self.totals_row is not None else 0.0
        if i == self.nrows and used + totals_h + self.tail <= room:
            return i, self.header_h + used + totals_h, self.totals_row is not None
        # The page ends inside the table, or the totals or the signatures do not fit under its last row: the
        # last part moves to the next page with MIN_ROWS rows, and this part keeps MIN_ROWS rows too.
        last = self._last_part_start(start)
        end = self._section_back(start, min(i, last))
        # a short rest (fewer than 2 × MIN_ROWS rows) may leave 2 rows here, not one
        least = MIN_ROWS if self._body(start, self.nrows) >= 2 * MIN_ROWS else 2
        if end > start and self._body(start, end) >= least:
            end = self._leave_a_rest_that_splits(start, end, least)
            return end, self.header_h + sum(self.row(k).height for k in range(start, end)), False
        if not fresh:
            return start, self.header_h, False
        if least == 2:
            # on a page moving on would not help, a short rest is split evenly: 2 rows here and 2 with the totals
            # and the signatures, rather than 1 and 3
            end = self._section_back(start, min(i, self._last_part_start(start, 2)))
            if end > start and self._body(start, end) >= 2:
                return end, self.header_h + sum(self.row(k).height for k in range(start, end)), False
        # A page nearly empty that still cannot keep the rule (very tall rows): the signatures keep company with
        # at least one row; else the page is filled as far as it goes.
        if i == self.nrows:
            end = self._section_back(start, max(start + 1, last)) if self.nrows - start > 1 else self.nrows
        else:
            end = self._section_back(start, max(start + 1, i))
        if end == self.nrows:
            return end, self.header_h + used + totals_h, self.totals_row is not None
        return end, self.header_h + sum(self.row(k).height for k in range(start, end)), False

    # drawing -------------------------------------------------------------------------------------
    def draw_part(self, canv: Canvas, start: int, end: int, totals: bool, height: float) -> None:
        top = height - self.header_h
        self._draw_header(canv, top)
        rows = [self.row(i) for i in range(start, end)]
        if totals and self.totals_row is not None:
            rows.append(self.totals_row)
        size, leading = self.size, self.leading
        doc = canv._doc
        code: list[str] = []
        add = code.append
        paragraphs: list[tuple[Paragraph, float, float]] = []
        y = top
        tops: list[float] = []
        for row in rows:
            tops.append(y)
            mid = y - row.height / 2
            # each row in its own text object placed at its middle: a cell's operators do not depend on the
            # row, so a cell shared by many rows is encoded once; q/Q keeps the fonts from leaking past the row
            add(f"q 1 0 0 1 0 {mid:.2f} cm BT")
            current = ""  # the font subset selected in this text object
            for cell in row.cells:
                if cell is None:
                    continue
                if cell.__class__ is not _TextCell:
                    # same first baseline as plain text of as many lines (Paragraph puts it at
                    # height - fontSize from its bottom)
                    para, x = cell
                    n = max(1, round(para.height / leading))
                    first = mid + (n - 1) * leading / 2 - _BASELINE_DROP * size
                    paragraphs.append((para, x, first - para.height + size))
                    continue
                if cell.doc is not doc:
                    cell.ops = self._encode(canv, cell)
                    cell.doc = doc
                select_first, body, select_last = cell.ops
                if body:
                    if select_first != current:
                        add(select_first)
                    current = select_last
                    add(body)
            add("ET Q")
            y -= row.height
        canv._code.append("\n".join(code))
        for para, x, py in paragraphs:
            para.drawOn(canv, x, py)
        self._draw_grid(canv, rows, tops, y)

    def _encode(self, canv: Canvas, cell: _TextCell) -> tuple[str, str, str]:
        """(first font selection, PDF operators, last font selection) of a cell, relative to its row's middle,
        in this document's font subsets: what ReportLab's text object does per line, done once per cell
        (the subsets belong to one document)."""
        doc = canv._doc
        if self._encoding_doc is not doc:
            self._encoding_doc, self._selects, self._ascii = doc, {}, {}
        font = pdfmetrics.getFont(cell.font)
        size, leading = self.size, self.leading
        selects = self._selects
        plain = self._ascii.get(cell.font)
        ops: list[str] = []
        first = current = ""
        dy = (len(cell.lines) - 1) * leading / 2 - _BASELINE_DROP * size
        for line, x in cell.lines:
            if plain is not None and line.isascii() and plain.issuperset(line):
                parts = [(0, line.encode("ascii"))] if line else []  # what splitString gives, without its loop
            else:
                parts = font.splitString(line, doc)
                if plain is None:
                    plain = self._ascii[cell.font] = self._ascii_kept(font, doc)
            if parts:
                ops.append(f"1 0 0 1 {x:.2f} {dy:.2f} Tm")
            for subset, piece in parts:
                select = selects.get((cell.font, subset))
                if select is None:
                    select = selects[cell.font, subset] = (f"{font.getSubsetInternalName(subset, doc)} {size:g} Tf "
                                                           f"{leading:g} TL")
                if not first:
                    first = current = select
                elif select != current:
                    ops.append(select)
                    current = select
                ops.append(f"({canv._escape(piece)}) Tj")
            if parts:
                ops[-1] += " T*"  # ends the line as a text object's textLine does (text extraction sees lines)
            dy -= leading
        return first, "\n".join(ops), current

    @staticmethod
    def _ascii_kept(font: TTFont, doc: object) -> frozenset[str]:
        """The printable ASCII characters the font's subsets in `doc` hold at their own code in subset 0."""
        state = font.state.get(doc)
        assigned = state.assignments if state is not None else {}
        return frozenset(chr(c) for c in range(32, 127) if assigned.get(c) == c)

    def _draw_header(self, canv: Canvas, y: float) -> None:
        """The header is drawn once into a PDF form XObject and placed on every page: a page costs a
        single 'Do' instead of re-wrapping every header paragraph, and the file stays small."""
        if self._form_canvas is not canv:
            self._form_canvas = canv
            canv.beginForm(self.form_name, 0, 0, self.table_width, self.header_h)
            self.header.drawOn(canv, 0, 0)
            canv.endForm()
        canv.saveState()
        canv.translate(0, y)
        canv.doForm(self.form_name)
        canv.restoreState()

    def _draw_grid(self, canv: Canvas, rows: list[_Row], tops: list[float], bottom: float) -> None:
        if not rows:
            return
        canv.setLineWidth(LINE_WIDTH)
        canv.setStrokeColor("black")
        path = canv.beginPath()
        width = self.table_width
        for y in tops[1:]:
            path.moveTo(0, y)
            path.lineTo(width, y)
        path.moveTo(0, bottom)
        path.lineTo(width, bottom)
        for x in (0, width):
            path.moveTo(x, tops[0])
            path.lineTo(x, bottom)
        # inner vertical lines, joined over runs of rows that all have them
        for b in range(1, self.ncols):
            x = self.xs[b]
            run_top = None
            for row, y in zip(rows, tops, strict=True):
                has = row.vlines is None or b in row.vlines
                if has and run_top is None:
                    run_top = y
                elif not has and run_top is not None:
                    path.moveTo(x, run_top)
                    path.lineTo(x, y)
                    run_top = None
            if run_top is not None:
                path.moveTo(x, run_top)
                path.lineTo(x, bottom)
        canv.drawPath(path, stroke=1, fill=0)


class _TablePart(Flowable):
    """The rows of a table that go on one page, under a copy of the header."""

    def __init__(self, state: _TableState, start: int, end: int, totals: bool, height: float):
        super().__init__()
        self.state, self.start, self.end, self.totals, self.height = state, start, end, totals, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.state.table_width, self.height

    def draw(self) -> None:
        self.state.draw_part(self.canv, self.start, self.end, self.totals, self.height)
        for i in range(self.start, self.end):  # drawn rows are not needed again
            self.state.rows[i] = None
        self.state.tracker.advance(self.end - self.start)


class _TableFlow(Flowable):
    """The remaining rows of a table from `start`; splits page by page without copying the rows."""

    def __init__(self, state: _TableState, start: int = 0):
        super().__init__()
        self.state, self.start = state, start
        self._fit: tuple[int, float, bool] = (start, 0.0, False)

    def _complete(self) -> bool:
        end, _, totals = self._fit
        return end == self.state.nrows and (totals or self.state.totals_row is None)

    def _fresh(self, availHeight: float) -> bool:
        return availHeight >= FRESH_PAGE * self.state.page_h

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.state.ensure(availWidth)
        self._fit = self.state.fit(self.start, availHeight, self._fresh(availHeight))
        if self._complete():
            return self.state.table_width, self._fit[1]
        return self.state.table_width, availHeight + 1  # too tall: ask to be split

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.state.ensure(availWidth)
        end, height, totals = self.state.fit(self.start, availHeight, self._fresh(availHeight))
        if end == self.start and not (totals and self.state.nrows == self.start):
            return []  # the orphan rule sends the table on to the next page
        part = _TablePart(self.state, self.start, end, totals, height)
        if end == self.state.nrows and (totals or self.state.totals_row is None):
            return [part]
        # the rest starts on the next page even if a few rows would fit below (rows carried over)
        return [part, FrameBreak(), _TableFlow(self.state, end)]

    def draw(self) -> None:
        end, height, totals = self._fit
        self.state.draw_part(self.canv, self.start, end, totals, height)
        self.state.tracker.advance(end - self.start)


class _TableLead(Flowable):
    """Before a table and its heading: a page break when the heading, the table header and the first rows
    (MIN_ROWS, or the whole table when shorter) would not fit on what is left of the page (a CondPageBreak whose
    height is known only once the table is laid out). It takes no room where it stays."""

    def __init__(self, state: _TableState, lead: Sequence[Flowable]):
        super().__init__()
        self.state, self.lead = state, list(lead)
        self.width = self.height = 0

    def needed(self, availWidth: float) -> float:
        state = self.state
        state.ensure(availWidth)
        need = _height(self.lead, availWidth) + state.header_h
        k, body = 0, 0
        while k < state.nrows and body < MIN_ROWS:
            row = state.row(k)
            need += row.height
            body += row.kind != _SECTION
            k += 1
        if k == state.nrows and state.totals_row is not None:
            need += state.totals_row.height
        return need

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availHeight < FRESH_PAGE * self.state.page_h and availHeight < self.needed(availWidth):
            return availWidth, availHeight + 1  # too tall and unsplittable: the frame moves it to the next page
        return 0, 0

    def draw(self) -> None:
        pass


def _height(flowables: Sequence[Flowable], width: float) -> float:
    """The height the flowables take one under the other, with their spacing."""
    total = 0.0
    for f in flowables:
        _, h = f.wrap(width, 100_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


# ----------------------------------------------------------------------------------------------------
# The document


_Target = str | os.PathLike[str] | IO[bytes]
_T = TypeVar("_T")


@dataclass
class OfficialDocument:
    """Builder for one official document: add paragraphs and tables, then `build()` the PDF.

    Layout (NĐ 30/2020 Phụ lục I): agency block top left, national title and motto top right with the
    place/date line, the title centred, the content, then "Nơi nhận:" and the signature blocks.
    """

    letterhead: Letterhead | None
    title: str = ""
    subtitles: Sequence[str] = ()
    day: date | None = None
    landscape: bool = False
    margins: Margins = field(default_factory=Margins)
    recipients: Sequence[str] = ()
    signatures: Sequence[Signature] | None = None
    date_in_header: bool = True
    body_size: float = 13
    _items: list[tuple[str, object]] = field(default_factory=list, init=False, repr=False)

    # content -------------------------------------------------------------------------------------
    def paragraph(self, text: str, style: Literal["body", "heading", "center", "note", "left"] = "body",
                  markup: bool = False) -> OfficialDocument:
        """Add a paragraph: 'body' justified with a first-line indent, 'heading' bold, 'note' italic."""
        self._items.append(("para", (text, style, markup)))
        return self

    def table(self, spec: TableSpec) -> OfficialDocument:
        self._items.append(("table", spec))
        return self

    def spacer(self, height_mm: float) -> OfficialDocument:
        self._items.append(("flow", Spacer(1, height_mm * mm)))
        return self

    def flowable(self, flowable: Flowable) -> OfficialDocument:
        """Any ReportLab flowable, for forms that need more than paragraphs and tables."""
        self._items.append(("flow", flowable))
        return self

    # geometry ------------------------------------------------------------------------------------
    @property
    def pagesize(self) -> tuple[float, float]:
        return _landscape(A4) if self.landscape else A4

    @property
    def text_width(self) -> float:
        return self.pagesize[0] - (self.margins.left + self.margins.right) * mm

    def _blocks(self) -> tuple[float, float]:
        """Widths of the agency block (left) and the national-title block (right)."""
        w = self.text_width
        if self.landscape:
            return 100 * mm, 125 * mm
        return 0.42 * w, 0.58 * w

    # flowables -----------------------------------------------------------------------------------
    def _letterhead_flowables(self) -> list[Flowable]:
        lh = self.letterhead
        if lh is None:
            return []
        left_w, right_w = self._blocks()
        unit = vn_upper(lh.issuing_unit)
        parent = vn_upper(lh.parent_agency)
        # 13 pt when the unit name fits on one line, else 12 pt (NĐ 30 allows 12–13)
        agency_size = 13 if pdfmetrics.stringWidth(unit, FONT_BOLD, 13) <= left_w - 4 else 12
        nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        nation_size = 13 if pdfmetrics.stringWidth(nation, FONT_BOLD, 13) <= right_w - 4 else 12
        motto = "Độc lập - Tự do - Hạnh phúc"
        motto_size = 14 if nation_size == 13 else 13
        left: list[Flowable] = []
        if parent:
            left.append(Paragraph(_markup(parent), _style(f"agency{agency_size}", agency_size)))
        unit_p = Paragraph(_markup(unit), _style(f"unit{agency_size}", agency_size, FONT_BOLD))
        unit_w = min(max((pdfmetrics.stringWidth(line, FONT_BOLD, agency_size)
                          for line in simpleSplit(unit, FONT_BOLD, agency_size, left_w - 4)), default=0), left_w - 4)
        left += [unit_p, _Rule(unit_w * 0.4)]
        right: list[Flowable] = [
            Paragraph(nation, _style(f"nation{nation_size}", nation_size, FONT_BOLD)),
            Paragraph(motto, _style(f"motto{motto_size}", motto_size, FONT_BOLD)),
            _Rule(pdfmetrics.stringWidth(motto, FONT_BOLD, motto_size)),
        ]
        number = lh.number_line()
        row2_left = Paragraph(_markup(number), _style("number", 13)) if number else ""
        row2_right: object = ""
        if self.date_in_header:
            row2_right = Paragraph(_markup(date_line(lh.place, self.day)), _style("dateline", 14, FONT_ITALIC))
        gap = self.text_width - left_w - right_w
        data = [[left, "", right], [row2_left, "", row2_right]]
        style = TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 13),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, 1), 6),
        ])
        table = Table(data, colWidths=[left_w, gap, right_w], style=style, hAlign="LEFT")
        return [table]

    def _title_flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        if self.title:
            out.append(Spacer(1, 8 * mm if self.letterhead else 0))
            # the first line (kind of document: DANH SÁCH, BÁO CÁO) in capitals; the summary lines
            # (trích yếu) bold as given, so a report's summary can stay in normal case per NĐ 30
            for k, line in enumerate(nfc(self.title).split("\n")):
                text = vn_upper(line) if k == 0 else line
                out.append(Paragraph(_markup(text), _style("title", 14, FONT_BOLD, leading=17,
                                                           keep_with_next=True)))
        for line in self.subtitles:
            out.append(Paragraph(_markup(line), _style("subtitle", 13, FONT_ITALIC, leading=16)))
        if out:
            out.append(Spacer(1, 5 * mm))
        return out

    def _paragraph(self, text: str, style: str, markup: bool) -> Paragraph:
        body = self.body_size
        content = nfc(text) if markup else _markup(text)
        if style == "heading":
            return Paragraph(content, _style("p-heading", body, FONT_BOLD, TA_JUSTIFY, space_before=6,
                                                keep_with_next=True))
        if style == "center":
            return Paragraph(content, _style("p-center", body, FONT, TA_CENTER, space_before=3))
        if style == "note":
            return Paragraph(content, _style("p-note", body - 1, FONT_ITALIC, TA_JUSTIFY, space_before=3))
        if style == "left":
            return Paragraph(content, _style("p-left", body, FONT, TA_LEFT, space_before=3))
        return Paragraph(content, _style("p-body", body, FONT, TA_JUSTIFY, leading=body * 1.3,
                                         indent=10 * mm, space_before=6))

    def _signature_parts(self, sig: Signature) -> tuple[list[Flowable], list[Flowable]]:
        """(title lines, name) of one signature block: authority and title bold capitals, name bold."""
        bold = _style("sign-title", 13, FONT_BOLD, leading=16)
        head: list[Flowable] = []
        if sig.authority:
            head.append(Paragraph(_markup(vn_upper(sig.authority)), bold))
        for line in nfc(sig.title).split("\n"):
            head.append(Paragraph(_markup(vn_upper(line)), bold))
        if sig.caption:
            head.append(Paragraph(_markup(sig.caption), _style("sign-caption", 12, FONT_ITALIC)))
        name = [Paragraph(_markup(sig.name), _style("sign-name", 13, FONT_BOLD))] if sig.name else []
        return head, name

    def _recipients_cell(self) -> list[Flowable]:
        out: list[Flowable] = [Paragraph("Nơi nhận:", _style("recip-label", 12, FONT_BOLD_ITALIC, TA_LEFT))]
        small = _style("recip", 11, FONT, TA_LEFT, leading=13)
        for line in self.recipients:
            line = nfc(line).strip()
            out.append(Paragraph(_markup(line if line.startswith("-") else f"- {line}"), small))
        return out

    def _closing_table(self) -> Table | None:
        """Recipients bottom left, signature blocks side by side with the head of unit on the right.

        Titles share a top line and names share a bottom line, however many title lines each has.
        """
        lh = self.letterhead
        sigs = list(self.signatures) if self.signatures is not None else (
            lh.default_signatures() if lh is not None else [])
        if not sigs and not self.recipients:
            return None
        width = self.text_width
        _, right_w = self._blocks()
        if not sigs:
            return Table([[self._recipients_cell()]], colWidths=[width], style=_PLAIN, hAlign="LEFT")
        others = len(sigs) - 1 + (1 if self.recipients else 0)
        widths = [(width - right_w) / others] * others if others else [width - right_w]
        widths.append(right_w)
        ncols = len(widths)
        rows: list[list[object]] = []
        if not self.date_in_header and lh is not None:
            rows.append([""] * (ncols - 1) + [Paragraph(_markup(date_line(lh.place, self.day)),
                                                        _style("dateline-sign", 13, FONT_ITALIC))])
        first = len(rows)
        heads: list[object] = [""] * ncols
        names: list[object] = [""] * ncols
        columns = range(ncols - len(sigs), ncols)
        for col, sig in zip(columns, sigs, strict=True):
            heads[col], names[col] = self._signature_parts(sig)
        rows += [heads, [""] * ncols, names]
        cmds = list(_PLAIN.getCommands()) + [("TOPPADDING", (0, first), (-1, first), 3 if first else 0)]
        if self.recipients:
            rows[0][0] = self._recipients_cell()
            cmds.append(("SPAN", (0, 0), (0, len(rows) - 1)))
        heights = [None] * len(rows)
        heights[first + 1] = 24 * mm
        return Table(rows, colWidths=widths, rowHeights=heights, style=TableStyle(cmds), hAlign="LEFT")

    def _story(self, tracker: _Tracker) -> list[Flowable]:
        story = self._letterhead_flowables() + self._title_flowables()
        frame_h = self.pagesize[1] - (self.margins.top + self.margins.bottom) * mm
        last_table: _TableFlow | None = None
        for kind, item in self._items:
            if kind == "para":
                text, style, markup = item  # type: ignore[misc]
                story.append(self._paragraph(text, style, markup))
            elif kind == "table":
                state = _TableState(item, tracker)  # type: ignore[arg-type]
                state.page_h = frame_h
                # a heading (keep-with-next) above the table stays with its header and first rows
                lead: list[Flowable] = []
                while story and isinstance(story[-1], Paragraph) and story[-1].getKeepWithNext():
                    lead.insert(0, story.pop())
                spacer = Spacer(1, 2 * mm)
                story += [_TableLead(state, [*lead, spacer]), *lead, spacer]
                last_table = _TableFlow(state)
                story.append(last_table)
            else:
                story.append(item)  # type: ignore[arg-type]
        closing = self._closing_table()
        if closing is None:
            return story
        # The closing block never stands alone on a page: it keeps company with the end of the content.
        width = self.text_width
        block: list[Flowable] = [Spacer(1, 6 * mm), closing]
        after = len(story) - 1 - story[::-1].index(last_table) if last_table is not None else None
        trailing = story[after + 1:] if after is not None else []
        if after is not None and _height(trailing + block, width) <= 0.5 * frame_h:
            # what follows the last table (a closing paragraph, the signatures) goes on the page of its last
            # rows and totals: the table carries rows over to the next page when they do not all fit
            last_table.state.tail = _height(trailing + block, width)  # type: ignore[union-attr]
            return story[:after + 1] + [KeepTogether(trailing + block)]
        if story and not isinstance(story[-1], _TableFlow | PageBreak):
            # the last paragraph (or other content) and the signatures go to the next page together
            keep = [story.pop()]
            while story and isinstance(keep[0], Spacer) and not isinstance(story[-1], _TableFlow):
                keep.insert(0, story.pop())
            return story + [KeepTogether(keep + block)]
        return story + block

    # output --------------------------------------------------------------------------------------
    def _page_number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Page numbers centred in the top margin, 13 pt, from page 2 on (NĐ 30/2020 Phụ lục I)."""
        number = canv.getPageNumber()
        if number < 2:
            return
        canv.saveState()
        canv.setFont(FONT, 13)
        top = self.pagesize[1] - self.margins.top * mm * 0.55
        canv.drawCentredString(self.margins.left * mm + self.text_width / 2, top, str(number))
        canv.restoreState()

    def _render(self, out: str | IO[bytes], tracker: _Tracker) -> int:
        register_fonts()
        m = self.margins
        author = self.letterhead.issuing_unit if self.letterhead else ""
        doc = BaseDocTemplate(
            out, pagesize=self.pagesize, leftMargin=m.left * mm, rightMargin=m.right * mm,
            topMargin=m.top * mm, bottomMargin=m.bottom * mm, title=nfc(" ".join(self.title.split())),
            author=nfc(author), creator="hrapp", subject=nfc(" ".join(self.subtitles)), lang="vi",
            initialFontName=FONT, initialFontSize=13,  # else every page names an unembedded Helvetica
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._page_number)])
        story = self._story(tracker)
        tracker.check()
        doc.build(story)
        if tracker.progress is not None:
            tracker.progress(tracker.total, tracker.total)
        return doc.page

    def build(self, target: _Target, progress: ProgressCallback | None = None,
              cancel: CancelCallback | None = None) -> int:
        """Write the PDF; returns the number of pages.

        `progress(done, total)` reports table rows drawn; `cancel()` returning True raises
        ReportCancelled. A path target is written atomically: a cancelled or failed build leaves no file.
        """
        tracker = _Tracker(progress, cancel)
        with collector_paused():
            return write_atomically(target, lambda out: self._render(out, tracker))


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off: a report's rows, laid-out cells and pages live until the file is
    written, so the full collections their allocations set off walk them all and free nothing (a third of the
    time of a 10,000-row list). Cyclic garbage made meanwhile is freed by the next collection."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def write_atomically(target: _Target, write: Callable[[IO[bytes]], _T]) -> _T:
    """Run `write` on a binary stream: a caller's stream directly, or for a path a temporary file in the
    same folder renamed over the target only on success (no half-written report after a cancel)."""
    if not isinstance(target, str | os.PathLike):
        return write(target)
    path = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:  # named by the file asked for, not by the temporary one
        raise file_error(exc, path, writing=True) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            result = write(fh)
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno is not None and exc.filename in (None, tmp, str(path)):
            raise file_error(exc, path, writing=True) from exc  # writing the file (disk full): named by it
        raise
    return result


def build_pdf(target: _Target, letterhead: Letterhead | None, title: str, table: TableSpec | None = None, *,
              subtitles: Sequence[str] = (), day: date | None = None, intro: Sequence[str] = (),
              outro: Sequence[str] = (), recipients: Sequence[str] = (),
              signatures: Sequence[Signature] | None = None, landscape: bool | None = None,
              margins: Margins | None = None, date_in_header: bool = True,
              progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    """One-call official document: letterhead, title, intro paragraphs, one table, closing, signatures.

    `landscape=None` turns the page when the table's widths exceed the portrait text width (165 mm).
    Returns the page count. See OfficialDocument for documents with several tables.
    """
    if landscape is None:
        landscape = table is not None and sum(c.width for c in table.columns) > PORTRAIT_TEXT_MM
    doc = OfficialDocument(letterhead, title, subtitles, day, landscape, margins or Margins(), recipients,
                           signatures, date_in_header)
    for text in intro:
        doc.paragraph(text)
    if table is not None:
        doc.table(table)
    for text in outro:
        doc.paragraph(text)
    return doc.build(target, progress=progress, cancel=cancel)


def iter_data_rows(spec: TableSpec) -> Iterator[Sequence[object]]:
    """The plain data rows of a spec (no section or subtotal rows), for exports."""
    for row in spec.rows:
        if not isinstance(row, SectionRow | SubtotalRow):
            yield row
