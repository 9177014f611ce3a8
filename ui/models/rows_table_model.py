"""A read-only table over a short list of already formatted rows (history tables in record views): the app's one
column-declared model (ui.widgets.columns.ColumnTableModel) with a column per header."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from ui.widgets.columns import ColumnTableModel, indexed


class RowsTableModel(ColumnTableModel):
    """Headers are given already translated; `centered` names columns shown centred (dates, numbers)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]], centered: Sequence[int] = (),
                 parent: QObject | None = None):
        super().__init__(indexed(headers, centered), [tuple(r) for r in rows], parent=parent)
