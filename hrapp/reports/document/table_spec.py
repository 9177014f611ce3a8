"""The table specification shared by the PDF, Excel and CSV/JSON writers: columns, grouped header cells,
section and subtotal rows, totals, and how a cell's value is written."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from hrapp.reports.document.fonts import Align
from hrapp.reports.format import fmt_date, fmt_decimal, fmt_int, nfc

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
            if isinstance(value, int | Decimal) and not isinstance(value, bool):  # floats were made Decimal above
                total += value
        out.append(total)
    return out


def iter_data_rows(spec: TableSpec) -> Iterator[Sequence[object]]:
    """The plain data rows of a spec (no section or subtotal rows), for exports."""
    for row in spec.rows:
        if not isinstance(row, SectionRow | SubtotalRow):
            yield row
