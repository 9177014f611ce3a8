"""The rows of one career list (pay steps, PCTNVK, early steps, retirements) in the app's column-declared model,
with tick boxes for approval, the undoable command that ticks them, and the list's table view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.widgets.columns import Column, ColumnTableModel, fit_columns

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b3261e")
MUTED = QColor("#5f6f82")
MAX_COLUMN_WIDTH = 230  # long unit and rank names must not push the new step off screen


class ListModel(ColumnTableModel):
    """Rows of one list (the app's column-declared model); the first column is a tick box when rows can be
    approved (`checkable(row)`), a late row is red, one that cannot be approved muted."""

    toggled = Signal(list, bool)  # row numbers, new state: the page turns it into an undoable command

    def __init__(self, columns: Sequence[Column], checkable: Callable[[Any], bool] | None = None,
                 late: Callable[[Any], bool] | None = None, parent=None):
        super().__init__(columns, parent=parent)
        self.checkable = checkable
        self.late = late
        self.checked: list[bool] = []

    def set_rows(self, rows: Sequence[Any], keys: Sequence[Any] | None = None) -> None:
        self.checked = [bool(self.checkable and self.checkable(r)) for r in rows]
        super().set_rows(rows, keys)

    def set_checked(self, rows: Sequence[int], state: bool) -> None:
        for r in rows:
            self.checked[r] = state
            self.dataChanged.emit(self.index(r, 0), self.index(r, 0), [Qt.ItemDataRole.CheckStateRole])

    def checked_rows(self) -> list[Any]:
        return [row for row, on in zip(self.rows, self.checked, strict=True) if on]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.checkable and self.checkable(self.rows[index.row()]):
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and self.checkable:
            if not self.checkable(row):
                return None
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[index.column()].align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.late and self.late(row):
                return QBrush(OVERDUE)
            if self.checkable and not self.checkable(row):
                return QBrush(MUTED)
            return None
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        state = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit([index.row()], state)  # applied by the undo command
        return True


class ToggleRows(QUndoCommand):
    """Tick or untick rows of a list (undoable until the approval is saved)."""

    def __init__(self, model: ListModel, rows: list[int], state: bool, text: str):
        super().__init__(text)
        self.model, self.rows, self.state = model, rows, state
        self.before = [model.checked[r] for r in rows]

    def redo(self) -> None:
        self.model.set_checked(self.rows, self.state)

    def undo(self) -> None:
        for r, was in zip(self.rows, self.before, strict=True):
            self.model.set_checked([r], was)


def list_view(model: ListModel) -> QTableView:
    """A table view of the list: whole rows selected, columns fitted (the headers whole before any row)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    fit_columns(view, key=(0,), limit=MAX_COLUMN_WIDTH)  # the headers whole before any row
    return view
