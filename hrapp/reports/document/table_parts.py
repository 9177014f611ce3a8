"""The flowables that place a data table in a document's story: the table and the heading kept with its first
rows, each part drawn by the table's layout state (table_flow)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import (
    Flowable,
    FrameBreak,
)

# ----------------------------------------------------------------------------------------------------
# The data table: header drawn by a platypus Table, body rows drawn straight onto the canvas.
from hrapp.reports.document.table_flow import _SECTION, FRESH_PAGE, MIN_ROWS, _TableState


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
