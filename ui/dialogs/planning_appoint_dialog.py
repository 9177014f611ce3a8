"""Appoint from the plan: the post held is recorded and the person's planning entry closed as appointed; a
person not planned for the post needs an override reason, asked for explicitly."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit, QWidget

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.errors import ValidationError
from hrapp.queries.planning import PostRow
from hrapp.services.planning import AppointInput, appoint, planned_entry
from ui.dialogs.planning_common import FAIL_COLOR, OK_COLOR, PersonPicker
from ui.widgets.forms import DecisionForm, FormDialog, from_qdate, required_date

KIND_CODES = ("bo_nhiem", "giao_phu_trach", "dieu_dong", "luan_chuyen")


class PlanningAppointDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, posts: list[PostRow], post_id: int | None = None,
                 person: tuple[int, str] | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Appoint from the plan"), self._save, parent)
        self.ctx = ctx
        self.posts = {p.id: p for p in posts}
        self.post_combo = QComboBox()
        for p in posts:
            self.post_combo.addItem(p.title, p.id)
        if post_id is not None:
            self.post_combo.setCurrentIndex(max(self.post_combo.findData(post_id), 0))
        self.add_field(self.tr("Post"), self.post_combo, "post_code")
        self.picker = PersonPicker(ctx, clock.today(), self)
        self.add_field(self.tr("Person"), self.picker, "person_id")
        self.kind_combo = QComboBox()
        labels = catalogs.labels("appointment_kind")
        for code in KIND_CODES:
            self.kind_combo.addItem(labels.get(code, code), code)
        self.add_field(self.tr("Kind"), self.kind_combo, "kind")
        self.start_check = QCheckBox(self.tr("Starts on another day than the decision takes effect"))
        self.start_edit = required_date()
        self.start_edit.setEnabled(False)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.form.addRow(self.start_check, self.start_edit)
        self.form.addRow("", self.errors.add("start_date"))
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        self.form.addRow(self.tr("Succession plan"), self.plan_label)
        self.override_edit = QPlainTextEdit()
        self.override_edit.setFixedHeight(56)
        self.override_edit.setPlaceholderText(self.tr("Why this person is appointed without being planned for the "
                                                      "post"))
        self.add_field(self.tr("Override reason"), self.override_edit, "override_reason")
        self.decision_form = DecisionForm(self.errors, self.tr("Appointment decision"), self)
        self.body.addWidget(self.decision_form)
        self.finish_layout()
        self.post_combo.currentIndexChanged.connect(lambda _i: self.update_plan())
        self.picker.person_changed.connect(lambda _p: self.update_plan())
        self.decision_form.sign_date_edit.dateChanged.connect(lambda _d: self.update_plan())
        if person is not None:
            self.picker.choose(person[1], person[0])
        self.update_plan()

    def start(self) -> date:
        return from_qdate(self.start_edit.date()) if self.start_check.isChecked() else self.decision_form.value().effective

    def is_planned(self) -> bool | None:
        post, person = self.posts.get(self.post_combo.currentData()), self.picker.person_id()
        if post is None or person is None:
            return None
        return planned_entry(self.ctx, person, post.unit_id, post.post_code, self.start()) is not None

    def update_plan(self) -> None:
        """Say whether the person is planned for the post; ask for the override reason only when not."""
        planned = self.is_planned()
        if planned is None:
            self.plan_label.setText(self.tr("Choose a post and a person."))
            self.override_edit.setEnabled(False)
        elif planned:
            self.plan_label.setText(f"<span style='color:{OK_COLOR}'>"
                                    + self.tr("Planned for this post: the entry will be marked as appointed.")
                                    + "</span>")
            self.override_edit.setEnabled(False)
        else:
            self.plan_label.setText(f"<span style='color:{FAIL_COLOR}'><b>"
                                    + self.tr("Not planned for this post. Appointing needs an override with a reason.")
                                    + "</b></span>")
            self.override_edit.setEnabled(True)

    def _save(self):
        post = self.posts.get(self.post_combo.currentData())
        override = self.override_edit.toPlainText().strip() if self.override_edit.isEnabled() else ""
        if post is None or self.picker.person_id() is None:
            raise ValidationError([("person_id", self.tr("Choose a post and a person."))])
        return appoint(self.ctx, AppointInput(
            self.picker.person_id(), post.unit_id, post.post_code, self.decision_form.value(),
            start_date=from_qdate(self.start_edit.date()) if self.start_check.isChecked() else None,
            kind=self.kind_combo.currentData(), override_reason=override or None))

