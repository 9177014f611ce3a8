"""Calculators for someone not in the database: the retirement date from sex and birth date, and the next pay
step from the salary class, step, date of the current step and the months of delay. Each result names its rule."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.pay_steps import next_pay_step
from hrapp.domain.retirement import BirthDate, retirement
from hrapp.domain.salary import coefficient, fmt_coefficient, max_step, salary_classes
from hrapp.errors import HrappError
from ui.formatting import fmt_date
from ui.pages.base import BasePage
from ui.style import ERROR_STYLE
from ui.widgets.forms import calendar_date_edit, date_edit, from_qdate

PRECISION_FORMATS = {"day": "dd/MM/yyyy", "month": "MM/yyyy", "year": "yyyy"}


def _result_label() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class CalculatorsPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)

        # --- retirement
        self.sex_combo = QComboBox()
        self.sex_combo.addItem(self.tr("Male"), "M")
        self.sex_combo.addItem(self.tr("Female"), "F")
        self.precision_combo = QComboBox()
        self.precision_combo.addItem(self.tr("Full date"), "day")
        self.precision_combo.addItem(self.tr("Month and year only"), "month")
        self.precision_combo.addItem(self.tr("Year only"), "year")
        self.birth_edit = calendar_date_edit()
        self.birth_edit.setMinimumDate(QDate(1930, 1, 1))
        self.birth_edit.setMaximumDate(QDate(2020, 12, 31))
        self.birth_edit.setDate(QDate(1965, 2, 14))
        self.retirement_age = _result_label()
        self.reached_on = _result_label()
        self.last_working_day = _result_label()
        self.retirement_date = _result_label()
        self.notice_due = _result_label()
        self.retirement_rule = _result_label()
        self.retirement_error = QLabel()
        self.retirement_error.setStyleSheet(ERROR_STYLE)
        self.retirement_error.setWordWrap(True)
        self.retirement_error.hide()
        born = QHBoxLayout()
        born.addWidget(self.precision_combo)
        born.addWidget(self.birth_edit, 1)
        retire_box = QGroupBox(self.tr("Retirement"))
        form = QFormLayout(retire_box)
        form.addRow(self.tr("Sex"), self.sex_combo)
        form.addRow(self.tr("Date of birth"), born)
        form.addRow(self.retirement_error)
        form.addRow(self.tr("Retirement age"), self.retirement_age)
        form.addRow(self.tr("Reaches it on"), self.reached_on)
        form.addRow(self.tr("Last working day"), self.last_working_day)
        form.addRow(self.tr("Retirement date"), self.retirement_date)
        form.addRow(self.tr("Notice due by"), self.notice_due)
        form.addRow(self.tr("Rule"), self.retirement_rule)

        # --- pay step
        self.class_combo = QComboBox()
        self.step_spin = QSpinBox()
        self.step_spin.setRange(1, 12)
        self.step_spin.setValue(3)
        self.since_edit = date_edit(date(2020, 7, 1))
        self.delay_spin = QSpinBox()
        self.delay_spin.setRange(0, 120)
        self.delay_spin.setSuffix(self.tr(" months"))
        self.delay_spin.setToolTip(self.tr("Discipline (khiển trách, cảnh cáo: 6 months; cách chức: 12), each year "
                                           "rated 'không hoàn thành nhiệm vụ' (6), unpaid leave"))
        self.current_coefficient = _result_label()
        self.next_step = _result_label()
        self.due_date = _result_label()
        self.pay_rule = _result_label()
        self.pay_error = QLabel()
        self.pay_error.setStyleSheet(ERROR_STYLE)
        self.pay_error.setWordWrap(True)
        self.pay_error.hide()
        pay_box = QGroupBox(self.tr("Next pay step"))
        form = QFormLayout(pay_box)
        form.addRow(self.tr("Salary class"), self.class_combo)
        form.addRow(self.tr("Current step"), self.step_spin)
        form.addRow(self.tr("Current step counts from"), self.since_edit)
        form.addRow(self.tr("Delay"), self.delay_spin)
        form.addRow(self.pay_error)
        form.addRow(self.tr("Current coefficient"), self.current_coefficient)
        form.addRow(self.tr("Next"), self.next_step)
        form.addRow(self.tr("From"), self.due_date)
        form.addRow(self.tr("Rule"), self.pay_rule)

        boxes = QHBoxLayout()
        boxes.setSpacing(16)
        boxes.addWidget(retire_box, 1)
        boxes.addWidget(pay_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(self.heading_box(
            self.tr("Calculators"),
            self.tr("Retirement and pay-step dates for anyone, by the regulations stored in this database"), spacing=2))
        layout.addLayout(boxes)
        layout.addStretch(1)

        for signal in (self.sex_combo.currentIndexChanged, self.precision_combo.currentIndexChanged):
            signal.connect(lambda _i: self.compute_retirement())
        self.precision_combo.currentIndexChanged.connect(lambda _i: self._precision_format())
        self.birth_edit.dateChanged.connect(lambda _d: self.compute_retirement())
        self.class_combo.currentIndexChanged.connect(lambda _i: self._class_changed())
        self.step_spin.valueChanged.connect(lambda _v: self.compute_pay_step())
        self.since_edit.dateChanged.connect(lambda _d: self.compute_pay_step())
        self.delay_spin.valueChanged.connect(lambda _v: self.compute_pay_step())
        self._fill_classes()
        self.compute_retirement()

    def set_context(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._fill_classes()
        self.compute_retirement()

    def refresh(self) -> None:
        """The rules may have been edited: compute again."""
        self.compute_retirement()
        self.compute_pay_step()

    def _fill_classes(self) -> None:
        keep = self.class_combo.currentData() or "A1"
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        try:
            classes = salary_classes(self.ctx.rulebook, clock.today())
        except HrappError:
            classes = []
        for code in classes:
            self.class_combo.addItem(code, code)
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(keep), 0))
        self.class_combo.blockSignals(False)
        self._class_changed()

    def _class_changed(self) -> None:
        cls = self.class_combo.currentData()
        if cls:
            try:
                self.step_spin.setMaximum(max_step(cls, self.ctx.rulebook, from_qdate(self.since_edit.date())))
            except HrappError:
                pass
        self.compute_pay_step()

    def _precision_format(self) -> None:
        precision = self.precision_combo.currentData()
        self.birth_edit.setDisplayFormat(PRECISION_FORMATS[precision])

    def birth(self) -> BirthDate:
        day = from_qdate(self.birth_edit.date())
        precision = self.precision_combo.currentData()
        if precision == "year":
            return BirthDate(date(day.year, 1, 1), "year")
        if precision == "month":
            return BirthDate(day.replace(day=1), "month")
        return BirthDate(day, "day")

    def compute_retirement(self) -> None:
        labels = (self.retirement_age, self.reached_on, self.last_working_day, self.retirement_date,
                  self.notice_due, self.retirement_rule)
        self.retirement_error.hide()
        try:
            r = retirement(self.sex_combo.currentData(), self.birth(), self.ctx.rulebook)
        except HrappError as exc:
            for label in labels:
                label.clear()
            self.retirement_error.setText(exc.message)
            self.retirement_error.show()
            return
        if r.age_months:
            age = self.tr("%1 years %2 months").replace("%1", str(r.age_years)).replace("%2", str(r.age_months))
        else:
            age = self.tr("%1 years").replace("%1", str(r.age_years))
        self.retirement_age.setText(age)
        self.reached_on.setText(fmt_date(r.reached_on))
        self.last_working_day.setText(fmt_date(r.last_working_day))
        self.retirement_date.setText(fmt_date(r.retirement_date))
        self.notice_due.setText(fmt_date(r.notice_due) if r.notice_due else self.tr("no notice rule for that date"))
        rules = [r.rule.label()] + ([r.notice_rule.label()] if r.notice_rule else [])
        self.retirement_rule.setText("\n".join(rules))

    def compute_pay_step(self) -> None:
        labels = (self.current_coefficient, self.next_step, self.due_date, self.pay_rule)
        self.pay_error.hide()
        cls = self.class_combo.currentData()
        if not cls:
            return
        since = from_qdate(self.since_edit.date())
        step = self.step_spin.value()
        try:
            current = coefficient(cls, step, self.ctx.rulebook, since)
            result = next_pay_step(cls, step, since, self.ctx.rulebook, self.delay_spin.value())
        except HrappError as exc:
            for label in labels:
                label.clear()
            self.pay_error.setText(exc.message)
            self.pay_error.show()
            return
        self.current_coefficient.setText(fmt_coefficient(current))
        if result.next_step is None:
            self.next_step.setText(self.tr("Last step: seniority allowance above the scale %1%")
                                   .replace("%1", str(result.pctnvk_percent)))
        else:
            assert result.next_coefficient is not None
            self.next_step.setText(self.tr("Step %1, coefficient %2").replace("%1", str(result.next_step))
                                   .replace("%2", fmt_coefficient(result.next_coefficient)))
        self.due_date.setText(fmt_date(result.due_date))
        self.pay_rule.setText(result.rule.label())
