"""A list whose items show a title and, under it in grey, a one-line description (the Reports page's list of
documents)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.style import MUTED

DescriptionRole = Qt.ItemDataRole.UserRole + 2
"""The item data role holding an item's description."""


class DescribedItemDelegate(QStyledItemDelegate):
    """An item's text with its one-line description (`DescriptionRole`) under it in grey, both elided (the tooltip
    has them whole); an item without a description is drawn as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        description = index.data(DescriptionRole)
        if not description:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(6, 4, -6, -4)
        line = opt.fontMetrics.height()
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(rect.x(), rect.y(), rect.width(), line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         opt.fontMetrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, rect.width()))
        small = QFont(opt.font)
        small.setPointSizeF(opt.font.pointSizeF() * 0.92)
        metrics = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor(MUTED))
        painter.drawText(rect.x(), rect.y() + line + 2, rect.width(), metrics.height(),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(str(description), Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(DescriptionRole):
            size.setHeight(option.fontMetrics.height() * 2 + 12)
        else:
            size.setHeight(max(size.height(), option.fontMetrics.height() + 12))
        return size
