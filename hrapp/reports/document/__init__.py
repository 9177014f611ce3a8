"""Official A4 documents per NĐ 30/2020 Phụ lục I: letterhead, title, body, data tables, signatures (PDF).

The package's parts: fonts, the table specification (shared with the Excel and CSV/JSON writers), the page
(letterhead, signatures, margins), the data table's layout, the document itself, and writing its file. The
names every document builder uses are importable from here."""

from __future__ import annotations

from hrapp.reports.document.files import collector_paused, write_atomically
from hrapp.reports.document.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    LINE_WIDTH,
    PORTRAIT_TEXT_MM,
    Align,
    CancelCallback,
    ProgressCallback,
    ReportCancelled,
    register_fonts,
)
from hrapp.reports.document.official import OfficialDocument, build_pdf
from hrapp.reports.document.page import Letterhead, Margins, Signature
from hrapp.reports.document.table_spec import (
    MERGE,
    SUM,
    Column,
    HeaderCell,
    Placement,
    RowType,
    SectionRow,
    SubtotalRow,
    TableSpec,
    TotalCell,
    cell_text,
    header_layout,
    iter_data_rows,
    leaf_titles,
    resolved_align,
    table_totals,
)

__all__ = [
    "FONT", "FONT_BOLD", "FONT_ITALIC", "FONT_BOLD_ITALIC", "LINE_WIDTH", "MERGE", "PORTRAIT_TEXT_MM", "SUM",
    "Align", "Column", "HeaderCell", "Letterhead", "Margins", "OfficialDocument", "Placement",
    "ProgressCallback", "CancelCallback", "ReportCancelled", "RowType", "SectionRow", "Signature", "SubtotalRow",
    "TableSpec", "TotalCell", "build_pdf", "cell_text", "collector_paused", "header_layout", "iter_data_rows",
    "leaf_titles", "register_fonts", "resolved_align", "table_totals", "write_atomically",
]
