"""Annual review of a plan (rà soát, bổ sung quy hoạch): who now fails a removal trigger (proposed for removal,
each one can be kept), which posts have room, people to add; applied with one decision."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp.context import ServiceContext
from hrapp.domain import planning as pl
from hrapp.queries.planning import PeriodRow
from hrapp.services.planning import ReviewInput, ReviewProposal, ReviewRemoval, apply_review, review_proposals
from ui.dialogs.planning_common import EntryPicker
from ui.widgets.forms import DecisionForm, FormDialog, from_qdate, required_date


class PlanningReviewDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, period: PeriodRow, as_of: date, parent: QWidget | None = None):
        super().__init__(self.tr("Annual review of the plan"), self._save, parent)
        self.ctx, self.period = ctx, period
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Apply the review"))
        self.form.addRow(self.tr("Period"), QLabel(period.name))
        self.as_of_edit = required_date(min(as_of, period.last_day))
        self.add_field(self.tr("Reviewed on"), self.as_of_edit, "as_of")
        self.proposal: ReviewProposal | None = None

        self.removals_table = QTableWidget(0, 3)
        self.removals_table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Planned post"),
                                                       self.tr("Why (removal trigger)")])
        self.removals_table.verticalHeader().setVisible(False)
        self.removals_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.removals_table.setMinimumHeight(100)
        self.removals_table.itemChanged.connect(lambda _i: self.entries.update_checks())
        self.gaps_list = QListWidget()
        self.gaps_list.setMaximumHeight(80)

        self.decision_form = DecisionForm(self.errors, self.tr("Review decision"), self)
        self.decision_form.setMinimumWidth(360)
        self.entries = EntryPicker(ctx, period, [], lambda: self.decision_form.value().effective, None,
                                   self._freed, self)
        self.entries.picker.results.setMinimumHeight(80)
        self.entries.picker.results.setMaximumHeight(100)
        self.entries.pending_list.setMaximumHeight(70)
        left = QVBoxLayout()
        removals_title = QLabel(self.tr("Proposed removals (untick to keep someone in the plan)"))
        removals_title.setObjectName("sectionTitle")
        left.addWidget(removals_title)
        left.addWidget(self.removals_table)
        gaps_title = QLabel(self.tr("Posts with room to fill"))
        gaps_title.setObjectName("sectionTitle")
        left.addWidget(gaps_title)
        left.addWidget(self.gaps_list)
        additions_title = QLabel(self.tr("Additions"))
        additions_title.setObjectName("sectionTitle")
        left.addWidget(additions_title)
        left.addWidget(self.entries)
        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addWidget(self.decision_form, 2, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.body.addWidget(self.errors.add("removals"))
        self.errors.add("additions")
        self.finish_layout()
        self.as_of_edit.dateChanged.connect(lambda _d: self.load())
        self.load()

    def load(self) -> None:
        """Run the checks on the review day and fill the proposals, gaps and the posts to add to."""
        self.proposal = review_proposals(self.ctx, self.period.id, from_qdate(self.as_of_edit.date()))
        self.removals_table.blockSignals(True)
        self.removals_table.setRowCount(len(self.proposal.removals))
        for r, removal in enumerate(self.proposal.removals):
            e = removal.check.entry
            person = QTableWidgetItem(e.full_name)
            person.setFlags(person.flags() | Qt.ItemFlag.ItemIsUserCheckable)  # the officer unticks to keep
            person.setCheckState(Qt.CheckState.Checked)
            person.setData(Qt.ItemDataRole.UserRole, e.id)
            why = QTableWidgetItem((self.tr("Appointed: ") if removal.appointed else "") + removal.reason)
            why.setToolTip(removal.reason)
            if not removal.appointed:
                why.setForeground(Qt.GlobalColor.darkRed)
            for c, item in enumerate((person, QTableWidgetItem(e.post_title), why)):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)  # ticked, never typed into
                self.removals_table.setItem(r, c, item)
        self.removals_table.resizeColumnsToContents()
        self.removals_table.setColumnWidth(1, min(self.removals_table.columnWidth(1), 220))
        self.removals_table.blockSignals(False)
        self.gaps_list.clear()
        for gap in self.proposal.gaps:
            text = self.tr("%1: %2 of %3 planned").replace("%1", gap.post.title).replace(
                "%2", str(gap.count)).replace("%3", str(gap.maximum))
            self.gaps_list.addItem(text)
            if gap.no_successor:
                self.gaps_list.item(self.gaps_list.count() - 1).setForeground(Qt.GlobalColor.darkRed)
        posts = [(p.post, p.count, p.maximum) for p in self.proposal.check.posts]
        self.entries.posts = {p.id: p for p, _, _ in posts}
        self.entries.post_combo.blockSignals(True)
        self.entries.post_combo.clear()
        for p, count, maximum in posts:
            self.entries.post_combo.addItem(self.tr("%1 (%2 of %3 planned)").replace("%1", p.title).replace(
                "%2", str(count)).replace("%3", str(maximum)), p.id)
        if self.proposal.gaps:
            self.entries.post_combo.setCurrentIndex(
                max(self.entries.post_combo.findData(self.proposal.gaps[0].post.id), 0))
        self.entries.post_combo.blockSignals(False)
        self.entries.update_checks()

    def chosen_removals(self) -> tuple[ReviewRemoval, ...]:
        assert self.proposal is not None
        out = []
        for r, removal in enumerate(self.proposal.removals):
            if self.removals_table.item(r, 0).checkState() == Qt.CheckState.Checked:
                out.append(ReviewRemoval(removal.check.entry.id, removal.reason_code, removal.reason))
        return tuple(out)

    def _freed(self, post_id: int, person_id: int) -> tuple[int, int]:
        """Places freed by the removals ticked: on the post, and of the person at the post's level."""
        if self.proposal is None:
            return 0, 0
        chosen = {r.entry_id for r in self.chosen_removals()}
        level = pl.post_level(self.entries.posts[post_id].post_code) if post_id in self.entries.posts else ""
        on_post = sum(1 for r in self.proposal.removals
                      if r.check.entry.id in chosen and r.check.entry.post_id == post_id)
        of_person = sum(1 for r in self.proposal.removals
                        if r.check.entry.id in chosen and r.check.entry.person_id == person_id
                        and r.check.entry.post_level == level)
        return on_post, of_person

    def _save(self):
        return apply_review(self.ctx, ReviewInput(self.period.id, from_qdate(self.as_of_edit.date()),
                                                  self.decision_form.value(), self.chosen_removals(),
                                                  self.entries.items(with_current=False)))

