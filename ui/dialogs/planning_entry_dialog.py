"""Put people into the plan by one decision (phê duyệt or bổ sung quy hoạch), with each person's checks shown
before they are added; and take one person out of the plan, with the reason and the decision."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from hrapp.context import ServiceContext
from hrapp.domain import planning as pl
from hrapp.queries.planning import EntryRow, PeriodRow, PostRow
from hrapp.services.planning import EntriesInput, RemovalInput, add_entries, remove_entry
from ui.dialogs.planning_common import EntryPicker
from ui.formatting import fmt_date
from ui.widgets.forms import DecisionForm, FormDialog


class PlanningEntryDialog(FormDialog):
    """Choose posts and people, see the checks, list them; save the list under one decision."""

    def __init__(self, ctx: ServiceContext, period: PeriodRow, posts: list[tuple[PostRow, int, int]],
                 post_id: int | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Add people to the plan"), self._save, parent)
        self.ctx, self.period = ctx, period
        self.form.addRow(self.tr("Period"), QLabel(period.name))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Approval of the plan"), "initial")
        self.kind_combo.addItem(self.tr("Supplement to the plan"), "supplement")
        self.add_field(self.tr("Kind of decision"), self.kind_combo, "kind")
        self.decision_form = DecisionForm(self.errors, self.tr("Planning decision"), self)
        self.decision_form.setMinimumWidth(360)
        self.entries = EntryPicker(ctx, period, posts, lambda: self.decision_form.value().effective, post_id, None,
                                   self)
        row = QHBoxLayout()
        row.addWidget(self.entries, 3)
        row.addWidget(self.decision_form, 2, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.body.addWidget(self.errors.add("items"))
        self.decision_form.sign_date_edit.dateChanged.connect(lambda _d: self.entries.update_checks())
        self.finish_layout()

    def _save(self):
        return add_entries(self.ctx, EntriesInput(self.period.id, self.entries.items(), self.decision_form.value(),
                                                  self.kind_combo.currentData()))


class PlanningRemovalDialog(FormDialog):
    """Take one person out of the plan for one post (đưa ra khỏi quy hoạch) by decision."""

    def __init__(self, ctx: ServiceContext, entry: EntryRow, reasons: tuple[pl.Reason, ...] = (),
                 parent: QWidget | None = None):
        super().__init__(self.tr("Remove from the plan"), self._save, parent)
        self.ctx, self.entry = ctx, entry
        self.form.addRow(self.tr("Person"), QLabel(f"{entry.full_name} ({fmt_date(entry.birth_date)})"))
        self.form.addRow(self.tr("Planned post"), QLabel(entry.post_title))
        self.form.addRow(self.tr("Planned by"), QLabel(entry.decision_label))
        self.code_combo = QComboBox()
        labels = {
            pl.AGE: self.tr("Age limit"), pl.QUALIFICATION: self.tr("Standards not met"),
            pl.RATING_KHT: self.tr("Rated as not completing duties"), pl.RATING: self.tr("Ratings below the requirement"),
            pl.DISCIPLINE: self.tr("Disciplined"), pl.NOT_WORKING: self.tr("No longer on staff"),
            pl.HOLDS_POST: self.tr("Appointed to the post"), "other": self.tr("Other reason"),
        }
        for code in pl.REMOVAL_CODES:
            self.code_combo.addItem(labels[code], code)
        self.add_field(self.tr("Reason"), self.code_combo, "reason_code")
        self.reason_edit = self.add_field(self.tr("Details"), QLineEdit(), "reason")
        if reasons:
            self.code_combo.setCurrentIndex(max(self.code_combo.findData(reasons[0].code), 0))
            self.reason_edit.setText("; ".join(r.message for r in reasons))
            self.reason_edit.setCursorPosition(0)
        hint = QLabel(self.tr("The person stays in the history of the plan with this reason and decision."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.add_decision(self.tr("Decision to remove"))
        self.finish_layout()

    def _save(self):
        return remove_entry(self.ctx, RemovalInput(self.entry.id, self.code_combo.currentData(),
                                                   self.reason_edit.text(), self.decision_form.value()))

