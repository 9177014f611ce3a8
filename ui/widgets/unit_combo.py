"""A combo box of organisation units, indented as a tree, with an "all units" first entry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.queries.lookups import unit_choices
from hrapp.queries.org import UnitNode

DepthRole = Qt.ItemDataRole.UserRole + 2
_INDENT = 18


class _IndentDelegate(QStyledItemDelegate):
    """Indents popup entries by their depth (as a tree view does); the closed combo shows the plain name."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        opt.rect = option.rect.adjusted(int(index.data(DepthRole) or 0) * _INDENT, 0, 0, 0)
        super().paint(painter, opt, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + int(index.data(DepthRole) or 0) * _INDENT)
        size.setHeight(max(size.height(), 24))
        return size


class UnitCombo(QComboBox):
    """Item data is the unit code (None for "all units"). `unit_changed` carries the code."""

    unit_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setItemDelegate(_IndentDelegate(self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)
        self.nodes: list[UnitNode] = []
        self.currentIndexChanged.connect(lambda _i: self.unit_changed.emit(self.current_code()))

    def load(self, ctx: ServiceContext, active_on: date | None = None) -> None:
        """Fill from the database, keeping the current choice when that unit still exists."""
        keep = self.current_code()
        self.nodes = unit_choices(ctx, active_on=active_on or clock.today())
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All units"), None)
        for node in self.nodes:
            self.addItem(node.name, node.code)
            self.setItemData(self.count() - 1, node.depth, DepthRole)
            self.setItemData(self.count() - 1, node.name, Qt.ItemDataRole.ToolTipRole)
        found = self.findData(keep) if keep else 0
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        if self.current_code() != keep:
            self.unit_changed.emit(self.current_code())

    def current_code(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def select_code(self, code: str | None) -> bool:
        i = self.findData(code) if code else 0
        if i < 0:
            return False
        self.setCurrentIndex(i)
        return True
