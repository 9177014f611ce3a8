"""The decision that approves the ticked rows of a pay-step or PCTNVK list, and the rows it will write."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QWidget

from hrapp.context import ServiceContext
from hrapp.services.pay_list_approval import ApprovalInput, ApprovalItem, approve_pay_list
from hrapp.services.pay_lists import EARLY, EARLY_RETIREMENT, PCTNVK, PayListRow, describe
from ui.widgets.forms import FormDialog


class ApproveDialog(FormDialog):
    """The decision that approves the ticked rows, and the rows it will write; nothing is written on Cancel."""

    def __init__(self, ctx: ServiceContext, rows: list[PayListRow], year: int | None, parent: QWidget | None = None):
        self.ctx, self.rows, self.year = ctx, rows, year
        super().__init__(self.tr("Approve the list"), self._approve, parent)
        intro = QLabel(self.tr("%n salary change(s) will be recorded with this decision:", "", len(rows)))
        intro.setWordWrap(True)
        self.rows_list = QListWidget()
        self.rows_list.addItems([describe(r) for r in rows])
        self.rows_list.setMinimumHeight(110)
        self.body.addWidget(intro)
        self.body.addWidget(self.rows_list, 1)
        self.errors.add("items")
        self.body.addWidget(self.errors.labels["items"])
        decision = self.add_decision(self.tr("Decision"))
        decision.summary_edit.setPlainText(self._summary())
        self.finish_layout(stretch=False)
        self.setMinimumWidth(560)

    def _summary(self) -> str:
        kinds = {r.kind for r in self.rows}
        if kinds == {PCTNVK}:
            return "Về việc hưởng phụ cấp thâm niên vượt khung"
        if kinds <= {EARLY, EARLY_RETIREMENT}:
            return "Về việc nâng bậc lương trước thời hạn"
        return "Về việc nâng bậc lương thường xuyên"

    def _approve(self) -> object:
        items = tuple(ApprovalItem(r.person_id, r.kind, r.salary_row_id, r.new_date) for r in self.rows)
        return approve_pay_list(self.ctx, ApprovalInput(self.decision_form.value(), items, self.year))
