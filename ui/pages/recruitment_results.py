"""The tabs of a recruitment round's outcome: the results by position (the head's tie decisions, withdrawals)
and the hiring of the winners into staff records."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp.domain.recruitment import Outcome
from hrapp.queries.recruitment import (
    PositionResults,
    ResultRow,
    RoundInfo,
    RoundResults,
)
from ui.dialogs.person_detail_dialog import PersonDetailDialog
from ui.dialogs.recruitment_actions_dialog import HireDialog, TieDecisionDialog, WithdrawalDialog
from ui.formatting import fmt_date, fmt_decimal
from ui.models.rows_table_model import RowsTableModel
from ui.pages.recruitment_parts import RoundView, button, fit, table

NOTE_COLUMN = 8


class WrappingDelegate(QStyledItemDelegate):
    """Measures a column's text wrapped at the column's width, so the tree gives the row the lines it needs."""

    def __init__(self, tree: QTreeWidget, column: int):
        super().__init__(tree)
        self.tree = tree
        self.column = column

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data() or ""
        width = self.tree.columnWidth(self.column) - 12
        if not text or width <= 0:
            return size
        needed = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        if needed.height() <= option.fontMetrics.height():  # one line: the row as tall as the others
            return size
        return QSize(size.width(), max(size.height(), needed.height() + 4))


def _lay_out_tab(tab: QWidget, actions: tuple[QWidget, ...], main: QWidget) -> QLabel:
    """A tab of the round: its action buttons on a line with a muted summary at the right, the list below;
    returns the summary label."""
    summary = QLabel()
    summary.setObjectName("muted")
    buttons = QHBoxLayout()
    for action in actions:
        buttons.addWidget(action)
    buttons.addStretch(1)
    buttons.addWidget(summary)
    layout = QVBoxLayout(tab)
    layout.addLayout(buttons)
    layout.addWidget(main, 1)
    return summary


class ResultsTab(QWidget):
    """Per position: the ranking, the head's decision where tied, withdrawals."""

    def __init__(self, detail: RoundView):
        super().__init__(detail)
        self.detail = detail
        self.results: RoundResults | None = None
        self.tree = QTreeWidget()
        self.tree.setColumnCount(9)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        # a long note (why a candidate is out) wraps in its row and is read whole; rows re-measured on a resize
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegateForColumn(NOTE_COLUMN, WrappingDelegate(self.tree, NOTE_COLUMN))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.decision_button = button(self.tr("Head's decision on a tie…"), self.record_tie_decision)
        self.withdraw_button = button(self.tr("Withdrawal of a winner…"), self.record_withdrawal)
        self.summary = _lay_out_tab(self, (self.decision_button, self.withdraw_button), self.tree)

    def show_data(self, info: RoundInfo, results: RoundResults | None) -> None:
        self.results = results
        self.tree.clear()
        self.tree.setHeaderLabels([self.tr("Rank"), self.tr("Cand. no."), self.tr("Full name"), self.tr("Pref."),
                                   self.tr("Round 2"), self.tr("Priority"), self.tr("Total"), self.tr("Result"),
                                   self.tr("Note")])
        fixed = info.status in ("results", "closed")
        self.decision_button.setEnabled(info.status == "results")
        self.withdraw_button.setEnabled(info.status == "results")
        if results is None:
            self.summary.setText(self.tr("The ranking appears once round 2 has started."))
            return
        bold = self.tree.font()
        bold.setBold(True)
        for pos in results.positions:
            head = QTreeWidgetItem([self.tr("%1 – quota %2").replace("%1", pos.position_name)
                                    .replace("%2", str(pos.quota))])
            head.setFont(0, bold)
            head.setData(0, Qt.ItemDataRole.UserRole, ("position", pos.target_id))
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)  # only once the item is in the tree
            for r in pos.rows:
                item = QTreeWidgetItem([
                    "" if r.rank is None else str(r.rank), r.sbd or "", r.full_name, str(r.choice),
                    fmt_decimal(r.round2, 2) if r.round2 is not None else "",
                    fmt_decimal(r.priority_points, 1) if r.priority_points else "",
                    fmt_decimal(r.total, 2) if r.total is not None else "", r.result_label,
                    "; ".join(x for x in (r.priority_label, r.reason) if x),
                ])
                item.setToolTip(8, item.text(8))
                item.setData(0, Qt.ItemDataRole.UserRole, ("row", pos.target_id, r.candidate_id))
                if r.outcome is Outcome.TRUNG_TUYEN:
                    item.setForeground(7, Qt.GlobalColor.darkGreen)
                elif r.outcome is Outcome.CAN_QUYET_DINH:
                    item.setForeground(7, Qt.GlobalColor.darkYellow)
                head.addChild(item)
            head.setExpanded(True)
        self._fit_columns()
        winners = len(results.winners())
        pending = len(results.pending_decisions)
        text = self.tr("%1 winner(s)").replace("%1", str(winners))
        if pending:
            text += " · " + self.tr("%1 position(s) wait for the head's decision").replace("%1", str(pending))
        if not fixed:
            text += " · " + self.tr("provisional until the results are fixed")
        self.summary.setText(text)

    def _fit_columns(self) -> None:
        """Each column as wide as its header and candidate rows (the position lines span the whole row)."""
        fm = self.tree.fontMetrics()
        header = self.tree.headerItem()
        for c in range(self.tree.columnCount() - 1):
            width = fm.horizontalAdvance(header.text(c)) + 24
            for i in range(self.tree.topLevelItemCount()):
                head = self.tree.topLevelItem(i)
                for k in range(head.childCount()):
                    width = max(width, fm.horizontalAdvance(head.child(k).text(c)) + 24)
            self.tree.setColumnWidth(c, width)
        self.tree.header().setStretchLastSection(True)

    def _selection(self) -> tuple[PositionResults | None, ResultRow | None]:
        item = self.tree.currentItem()
        if item is None or self.results is None:
            return None, None
        data = item.data(0, Qt.ItemDataRole.UserRole)
        pos = self.results.position(data[1])
        row = next((r for r in pos.rows if r.candidate_id == data[2]), None) if data[0] == "row" else None
        return pos, row

    def select(self, target_id: int, candidate_id: int | None = None) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head.data(0, Qt.ItemDataRole.UserRole)[1] != target_id:
                continue
            if candidate_id is None:
                self.tree.setCurrentItem(head)
                return True
            for k in range(head.childCount()):
                child = head.child(k)
                if child.data(0, Qt.ItemDataRole.UserRole)[2] == candidate_id:
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def record_tie_decision(self) -> None:
        pos, _row = self._selection()
        if pos is None and self.results is not None and self.results.pending_decisions:
            pos = self.results.pending_decisions[0]
        if pos is None or not pos.with_outcome(Outcome.CAN_QUYET_DINH) or self.detail.info is None:
            self.detail.error.show_text(self.tr("Select a position where candidates are tied."))
            return
        self.detail.dialog(TieDecisionDialog(self.detail.ctx, self.detail.info.id, pos, self))

    def record_withdrawal(self) -> None:
        pos, row = self._selection()
        if pos is None or row is None or row.outcome is not Outcome.TRUNG_TUYEN:
            self.detail.error.show_text(self.tr("Select a winner in the list."))
            return
        self.detail.dialog(WithdrawalDialog(self.detail.ctx, row, pos.position_name, self))


class HiringTab(QWidget):
    """The winners, who has become staff, and the action that hires the rest by one decision."""

    def __init__(self, detail: RoundView):
        super().__init__(detail)
        self.detail = detail
        self.waiting: list[tuple[PositionResults, ResultRow]] = []
        self.model = RowsTableModel([], [])
        self.view = table(self.model)
        self.view.activated.connect(self._open_person)
        self.hire_button = button(self.tr("Hire the winners…"), self.hire)
        self.summary = _lay_out_tab(self, (self.hire_button,), self.view)
        self.rows: list[ResultRow] = []

    def show_data(self, info: RoundInfo, results: RoundResults | None) -> None:
        winners = results.winners() if results else []
        self.rows = [r for _p, r in winners]
        self.waiting = [(p, r) for p, r in winners if not r.hired and not p.provisional]
        headers = [self.tr("Position"), self.tr("Cand. no."), self.tr("Full name"), self.tr("Date of birth"),
                   self.tr("Total"), self.tr("Staff record")]
        rows = [[p.position_name, r.sbd or "", r.full_name, fmt_date(r.birth_date),
                 fmt_decimal(r.total, 2) if r.total is not None else "",
                 self.tr("created") if r.hired else self.tr("waiting")] for p, r in winners]
        self.model = RowsTableModel(headers, rows, centered=(1, 3, 4, 5), parent=self)
        self.view.setModel(self.model)
        fit(self.view, (0, 2))
        self.hire_button.setEnabled(info.status == "results" and bool(self.waiting))
        hired = sum(1 for r in self.rows if r.hired)
        self.summary.setText(self.tr("%1 of %2 winner(s) hired").replace("%1", str(hired))
                             .replace("%2", str(len(self.rows))))

    def hire(self) -> None:
        if self.detail.info is not None and self.waiting:
            self.detail.dialog(HireDialog(self.detail.ctx, self.detail.info, self.waiting, self),
                               self.tr("The winners are now staff records."))

    def _open_person(self, index: QModelIndex) -> None:
        row = self.rows[index.row()] if 0 <= index.row() < len(self.rows) else None
        if row is not None and row.person_id is not None:
            dialog = PersonDetailDialog(self.detail.ctx, row.person_id, self)
            dialog.open()
            self.person_dialog = dialog
