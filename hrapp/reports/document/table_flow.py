"""The data table of a document: the header drawn by a platypus Table, the body rows drawn straight onto the
canvas, split across pages with orphan control."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Paragraph,
    Table,
    TableStyle,
)

from hrapp.reports.document.fonts import (
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    LINE_WIDTH,
    Align,
    CancelCallback,
    ProgressCallback,
    ReportCancelled,
    register_fonts,
)
from hrapp.reports.document.page import _markup, _style, _VerticalText
from hrapp.reports.document.table_spec import (
    MERGE,
    SectionRow,
    SubtotalRow,
    TableSpec,
    cell_text,
    header_layout,
    resolved_align,
    table_totals,
)
from hrapp.reports.format import nfc

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
            data.append(list(labels))
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
