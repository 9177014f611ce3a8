"""A read-only table model over a short list of already formatted rows (history tables in record views)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.widgets.columns import WrapsHeaders

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel, WrapsHeaders):
    """Headers are given already translated; `centered` names columns shown centred (dates, numbers). The
    column fitter may put long headers on two or three lines (`WrapsHeaders`)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
                 centered: Sequence[int] = (), parent=None):  # noqa: ANN001 - QObject parent
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = [tuple(r) for r in rows]
        self._centered = set(centered)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._rows[index.row()][index.column()]
            return text if role == Qt.ItemDataRole.DisplayRole or text else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._centered:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header_text(self._headers[section])
        return None
