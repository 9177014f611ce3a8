"""What a printed page may not be: the signatures alone, or a table part of fewer than 3 rows (the orphan
control of hrapp/reports/document/). The table parts are recorded as the builder draws them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from hrapp.reports.document import table_flow as document

MIN_ROWS = 3


@dataclass(frozen=True)
class Part:
    table: int  # id of the table's state
    page: int
    body: int  # rows with values (no section headings)
    table_body: int  # rows with values in the whole table
    totals: bool
    last: bool  # the part ends the table


@contextmanager
def recorded_parts() -> Iterator[list[Part]]:
    """Every table part drawn while inside, with its page (the real drawing is done unchanged)."""
    parts: list[Part] = []
    original = document._TableState.draw_part

    def draw_part(self, canv, start, end, totals, height):
        def body(a: int, b: int) -> int:
            return sum(1 for k in range(a, b) if not isinstance(self.spec.rows[k], document.SectionRow))

        parts.append(Part(id(self), canv.getPageNumber(), body(start, end), body(0, self.nrows), totals,
                          end == self.nrows))
        return original(self, canv, start, end, totals, height)

    document._TableState.draw_part = draw_part  # type: ignore[method-assign]
    try:
        yield parts
    finally:
        document._TableState.draw_part = original  # type: ignore[method-assign]


def short_parts(parts: list[Part]) -> list[Part]:
    """Parts of a table split over pages with fewer than MIN_ROWS rows (the first part of a table shorter than
    2 × MIN_ROWS: fewer than 2)."""
    by_table: dict[int, list[Part]] = {}
    for p in parts:
        by_table.setdefault(p.table, []).append(p)
    bad = []
    for table_parts in by_table.values():
        if len(table_parts) < 2:
            continue  # the whole table on one page: any length is fine
        # a table of fewer than 2 × 3 rows may be split 2 + 3 (the signatures keep company with the last 3)
        least = MIN_ROWS if table_parts[0].table_body >= 2 * MIN_ROWS else 2
        bad += [p for p in table_parts if p.body < (MIN_ROWS if p.last else least)]
    return bad


_CLOSING_LINE = re.compile(
    r"^(\d+|Nơi nhận:?|- .*|\(.*\)?|.*ngày\s*\S* tháng .*|.*Ngày…+.*|Người khai|Tôi xin cam đoan.*|"
    r"là đúng sự thật|Thủ trưởng cơ quan.*|dụng CBCC|Lưu:? .*)$")


def content_besides_closing(text: str, names: tuple[str, ...] = ()) -> str:
    """A page's text without its page number, date line, recipients, signer titles and names, and lines without
    a small letter (titles in capitals, figures)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line == line.upper() or line in names or _CLOSING_LINE.match(line):
            continue
        out.append(line)
    return " ".join(out)


def lone_closing_pages(path: Path | str, names: tuple[str, ...] = ()) -> list[int]:
    """Pages (1-based) that hold nothing but the closing block (or nothing at all)."""
    pages = PdfReader(str(path)).pages
    return [i + 1 for i, page in enumerate(pages) if len(content_besides_closing(page.extract_text(), names)) < 25]
