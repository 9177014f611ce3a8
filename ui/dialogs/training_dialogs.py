"""Dialogs of the training page: a catalogue course, a new plan (empty or copied from last year), a plan line (a
person or a group), the approval decision, a sending decision, attendance, and the result with its certificate and
the báo cáo thu hoạch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.domain import training as tr
from hrapp.queries.training import CourseRow, LineRow, PlanRow, RecordRow
from hrapp.services import training as ts
from ui.dialogs.planning_common import PersonPicker
from ui.widgets.forms import DecisionForm, FormDialog, from_qdate, required_date, to_qdate


def _type_combo(selected: str | None = None) -> QComboBox:
    combo = QComboBox()
    for item in tr.course_types():
        combo.addItem(item["name"], item["code"])
    if selected:
        combo.setCurrentIndex(max(combo.findData(selected), 0))
    return combo


def _funding_combo() -> QComboBox:
    combo = QComboBox()
    for code, name in catalogs.labels("training_funding").items():
        combo.addItem(name, code)
    return combo


def _money_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText("0")
    return edit


def _money(text: str) -> str | None:
    cleaned = text.replace(".", "").replace(" ", "").strip()
    return cleaned or None


class TrainingCourseDialog(FormDialog):
    """A course of the catalogue: type, organiser, mode, duration, certificate and the level it grants."""

    def __init__(self, ctx: ServiceContext, course: CourseRow | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Course") if course else self.tr("New course"), self._save, parent)
        self.ctx, self.course = ctx, course
        self.code_edit = self.add_field(self.tr("Code"), QLineEdit(course.code if course else ""), "code")
        self.name_edit = self.add_field(self.tr("Name"), QLineEdit(course.name if course else ""), "name")
        self.type_combo = self.add_field(self.tr("Type"), _type_combo(course.course_type if course else None),
                                         "course_type")
        self.organiser_edit = self.add_field(self.tr("Organiser"), QLineEdit(course.organiser if course else ""),
                                             "organiser")
        self.mode_combo = QComboBox()
        for code, name in tr.MODES.items():
            self.mode_combo.addItem(name, code)
        if course:
            self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(course.mode), 0))
        self.add_field(self.tr("Mode"), self.mode_combo, "mode")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 2000)
        self.duration_spin.setValue(course.duration_value or 0 if course else 0)
        self.unit_combo = QComboBox()
        for code, name in tr.DURATION_UNITS.items():
            self.unit_combo.addItem(name, code)
        if course:
            self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(course.duration_unit), 0))
        row = QHBoxLayout()
        row.addWidget(self.duration_spin)
        row.addWidget(self.unit_combo)
        box = QWidget()
        box.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_field(self.tr("Duration"), box, "duration_value")
        self.certificate_edit = self.add_field(self.tr("Certificate"), QLineEdit(course.certificate_type if course
                                                                                   else ""), "certificate_type")
        self.level_combo = QComboBox()
        self.add_field(self.tr("Level granted"), self.level_combo, "grants_level")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.body.addWidget(self.warning_label)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._fill_levels())
        self._fill_levels(course.grants_level if course else None)
        self.finish_layout()

    def _fill_levels(self, selected: str | None = None) -> None:
        kind, fixed = tr.grants_of_type(self.type_combo.currentData())
        self.level_combo.clear()
        if fixed:
            self.level_combo.addItem(tr.level_label(fixed), None)
        elif kind:
            self.level_combo.addItem(self.tr("(set on each certificate)"), None)
            for code in tr.levels_of(kind):
                self.level_combo.addItem(tr.level_label(code), code)
        else:
            self.level_combo.addItem(self.tr("No qualification (certificate of attendance)"), None)
        if selected:
            self.level_combo.setCurrentIndex(max(self.level_combo.findData(selected), 0))
        self.level_combo.setEnabled(bool(kind) and not fixed)

    def _save(self):
        dto = ts.CourseInput(self.code_edit.text(), self.name_edit.text(), self.type_combo.currentData(),
                             self.organiser_edit.text() or None, self.mode_combo.currentData(),
                             self.duration_spin.value() or None, self.unit_combo.currentData(),
                             self.certificate_edit.text() or None, self.level_combo.currentData())
        return ts.save_course(self.ctx, dto, self.course.id if self.course else None)


class TrainingNewPlanDialog(FormDialog):
    """A new plan for a year: empty, or a copy of last year's plan to start from."""

    def __init__(self, ctx: ServiceContext, year: int, has_previous: bool, parent: QWidget | None = None):
        super().__init__(self.tr("New training plan"), self._save, parent)
        self.ctx = ctx
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(year)
        self.add_field(self.tr("Year"), self.year_spin, "year")
        self.copy_check = QCheckBox(self.tr("Start from a copy of last year's plan"))
        self.copy_check.setChecked(has_previous)
        self.add_field("", self.copy_check, "from_year")
        self.name_edit = self.add_field(self.tr("Name (optional)"), QLineEdit(), "name")
        self.finish_layout()

    def _save(self):
        year = self.year_spin.value()
        if self.copy_check.isChecked():
            return ts.copy_plan(self.ctx, year - 1, year, self.name_edit.text() or None)
        return ts.create_plan(self.ctx, ts.PlanInput(year, self.name_edit.text() or None))


class TrainingLineDialog(FormDialog):
    """A plan line for one person, or for a group of a unit."""

    def __init__(self, ctx: ServiceContext, plan: PlanRow, courses: list[CourseRow], units: list[tuple[int, str]],
                 line: LineRow | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Plan line"), self._save, parent)
        self.ctx, self.plan, self.line, self.courses = ctx, plan, line, courses
        self.type_combo = self.add_field(self.tr("Course type"), _type_combo(line.course_type if line else None),
                                         "course_type")
        self.course_combo = self.add_field(self.tr("Course"), QComboBox(), "course_id")
        self.group_check = QCheckBox(self.tr("A group of people of a unit"))
        self.add_field("", self.group_check, "unit_id")
        self.picker = PersonPicker(ctx, date(plan.year, 1, 1), self)
        self.add_field(self.tr("Person"), self.picker, "person_id")
        self.unit_combo = QComboBox()
        for uid, name in units:
            self.unit_combo.addItem(name, uid)
        self.add_field(self.tr("Unit"), self.unit_combo, "unit")
        self.people_spin = QSpinBox()
        self.people_spin.setRange(1, 1000)
        self.add_field(self.tr("Number of people"), self.people_spin, "people")
        self.start_edit = required_date(date(plan.year, 3, 1))
        self.end_edit = required_date(date(plan.year, 3, 31))
        self.add_field(self.tr("Planned start"), self.start_edit, "planned_start")
        self.add_field(self.tr("Planned end"), self.end_edit, "planned_end")
        self.funding_combo = self.add_field(self.tr("Funding"), _funding_combo(), "funding_source")
        self.cost_edit = self.add_field(self.tr("Estimated cost (đồng)"), _money_edit(), "estimated_cost")
        self.requirement_edit = self.add_field(self.tr("Need"), QLineEdit(), "requirement")
        self.type_combo.currentIndexChanged.connect(lambda _i: self._fill_courses())
        self.group_check.toggled.connect(self._group_toggled)
        self._fill_courses()
        if line is not None:
            self.group_check.setChecked(line.person_id is None)
            if line.person_id is not None:
                self.picker.choose(line.full_name, line.person_id)
            elif line.unit_id is not None:
                self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(line.unit_id), 0))
            self.people_spin.setValue(line.people)
            if line.planned_start:
                self.start_edit.setDate(to_qdate(line.planned_start))
            if line.planned_end:
                self.end_edit.setDate(to_qdate(line.planned_end))
            if line.estimated_cost is not None:
                self.cost_edit.setText(str(int(line.estimated_cost)))
            self.requirement_edit.setText(line.requirement)
        self._group_toggled(self.group_check.isChecked())
        self.finish_layout()

    def _fill_courses(self) -> None:
        ctype = self.type_combo.currentData()
        self.course_combo.clear()
        self.course_combo.addItem(self.tr("(any course of this type)"), None)
        for c in self.courses:
            if c.course_type == ctype:
                self.course_combo.addItem(c.name, c.id)
        if self.line is not None and self.line.course_id:
            self.course_combo.setCurrentIndex(max(self.course_combo.findData(self.line.course_id), 0))

    def _group_toggled(self, group: bool) -> None:
        self.picker.setEnabled(not group)
        self.unit_combo.setEnabled(group)
        self.people_spin.setEnabled(group)
        if not group:
            self.people_spin.setValue(1)

    def _save(self):
        group = self.group_check.isChecked()
        dto = ts.LineInput(
            self.plan.id, self.type_combo.currentData(), person_id=None if group else self.picker.person_id(),
            unit_id=self.unit_combo.currentData() if group else None, people=self.people_spin.value(),
            course_id=self.course_combo.currentData(), planned_start=from_qdate(self.start_edit.date()),
            planned_end=from_qdate(self.end_edit.date()), funding_source=self.funding_combo.currentData(),
            estimated_cost=_money(self.cost_edit.text()), requirement=self.requirement_edit.text() or None)
        if self.line is not None:
            return ts.update_line(self.ctx, self.line.id, dto)
        return ts.add_line(self.ctx, dto)


class TrainingApproveDialog(FormDialog):
    """Approve the plan by a decision (or the plan document itself: Kế hoạch số …/KH-…)."""

    def __init__(self, ctx: ServiceContext, plan: PlanRow, parent: QWidget | None = None):
        super().__init__(self.tr("Approve the training plan"), self._save, parent)
        self.ctx, self.plan = ctx, plan
        self.form.addRow(self.tr("Plan"), QLabel(plan.name))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Plan document (kế hoạch)"), "ke_hoach")
        self.kind_combo.addItem(self.tr("Decision (quyết định)"), "quyet_dinh")
        self.add_field(self.tr("Approved by"), self.kind_combo, "decision.kind")
        self.add_decision(self.tr("Approving document"))
        self.decision_form.sign_date_edit.setDate(to_qdate(date(plan.year, 1, 15)))
        self.finish_layout()

    def _save(self):
        decision = replace(self.decision_form.value(), kind=self.kind_combo.currentData())
        return ts.approve_plan(self.ctx, self.plan.id, decision)


class TrainingSendDialog(FormDialog):
    """A sending decision: the course, the people, the dates and the cost per person."""

    def __init__(self, ctx: ServiceContext, courses: list[CourseRow], line: LineRow | None = None,
                 parent: QWidget | None = None):
        super().__init__(self.tr("Send to a course"), self._save, parent)
        self.ctx = ctx
        self.people: list[tuple[int, str]] = []
        self.course_combo = QComboBox()
        self.course_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.course_combo.setMinimumContentsLength(40)
        for c in courses:
            self.course_combo.addItem(f"{c.name} — {c.organiser}" if c.organiser else c.name, c.id)
        if line is not None:
            wanted = line.course_id or next((c.id for c in courses if c.course_type == line.course_type), None)
            self.course_combo.setCurrentIndex(max(self.course_combo.findData(wanted), 0))
        self.add_field(self.tr("Course"), self.course_combo, "course_id")
        self.picker = PersonPicker(ctx, line.planned_start if line and line.planned_start else None, self)
        self.add_button = QPushButton(self.tr("Add to the list"))
        self.add_button.clicked.connect(self.add_current)
        self.add_field(self.tr("Person"), self.picker, "person")
        self.form.addRow("", self.add_button)
        self.people_list = QListWidget()
        self.people_list.setMaximumHeight(90)
        self.add_field(self.tr("People sent"), self.people_list, "person_ids")
        start = line.planned_start if line and line.planned_start else clock.today()
        self.start_edit = self.add_field(self.tr("Course starts"), required_date(start), "start_date")
        self.end_edit = self.add_field(self.tr("Course ends"), required_date(line.planned_end if line and line.planned_end
                                                                          else start), "end_date")
        self.cost_edit = self.add_field(self.tr("Cost per person (đồng)"), _money_edit(), "cost_per_person")
        self.funding_combo = self.add_field(self.tr("Funding"), _funding_combo(), "funding_source")
        if line is not None:
            if line.funding_source:
                self.funding_combo.setCurrentIndex(max(self.funding_combo.findData(line.funding_source), 0))
            if line.estimated_cost is not None:
                self.cost_edit.setText(str(int(line.estimated_cost / max(line.people, 1))))
            if line.person_id is not None:
                self.people.append((line.person_id, line.full_name))
                self.people_list.addItem(line.full_name)
        self.decision_form = DecisionForm(self.errors, self.tr("Sending decision"), self)
        self.body.removeItem(self.form)
        row = QHBoxLayout()
        row.addLayout(self.form, 3)
        row.addWidget(self.decision_form, 2, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.finish_layout()

    def add_current(self) -> bool:
        pid = self.picker.person_id()
        if pid is None or any(p == pid for p, _ in self.people):
            return False
        self.people.append((pid, self.picker.person_name()))
        self.people_list.addItem(self.picker.person_name())
        return True

    def _save(self):
        return ts.send(self.ctx, ts.SendInput(
            self.course_combo.currentData(), tuple(p for p, _ in self.people), from_qdate(self.start_edit.date()),
            self.decision_form.value(), end_date=from_qdate(self.end_edit.date()),
            cost_per_person=_money(self.cost_edit.text()), funding_source=self.funding_combo.currentData()))


class TrainingAttendanceDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, record: RecordRow, parent: QWidget | None = None):
        super().__init__(self.tr("Attendance"), self._save, parent)
        self.ctx, self.record = ctx, record
        self.form.addRow(self.tr("Person"), QLabel(f"{record.full_name} — {record.course_name}"))
        self.combo = QComboBox()
        for code, name in tr.ATTENDANCE.items():
            self.combo.addItem(name, code)
        if record.attendance:
            self.combo.setCurrentIndex(max(self.combo.findData(record.attendance), 0))
        self.add_field(self.tr("Attendance"), self.combo, "attendance")
        self.note_edit = self.add_field(self.tr("Note"), QLineEdit(record.attendance_note), "note")
        self.finish_layout()

    def _save(self):
        return ts.record_attendance(self.ctx, ts.AttendanceInput(self.record.id, self.combo.currentData(),
                                                                 self.note_edit.text() or None))


class TrainingResultDialog(FormDialog):
    """Result, certificate and report of one person; a passed certificate adds the qualification at once."""

    def __init__(self, ctx: ServiceContext, record: RecordRow, course: CourseRow | None,
                 parent: QWidget | None = None):
        super().__init__(self.tr("Result and certificate"), self._save, parent)
        self.ctx, self.record = ctx, record
        self.form.addRow(self.tr("Person"), QLabel(f"{record.full_name} — {record.course_name}"))
        self.result_combo = QComboBox()
        for code, name in catalogs.labels("training_result").items():
            self.result_combo.addItem(name, code)
        self.add_field(self.tr("Result"), self.result_combo, "result")
        end = record.end_date or clock.today()
        self.completed_edit = self.add_field(self.tr("Finished on"), required_date(end), "completed_on")
        self.certificate_edit = self.add_field(self.tr("Certificate number"), QLineEdit(), "certificate_no")
        self.certificate_date_edit = self.add_field(self.tr("Certificate date"), required_date(end), "certificate_date")
        self.level_combo = QComboBox()
        kind, fixed = tr.grants_of_type(record.course_type)
        if course is not None and course.grant:
            self.level_combo.addItem(tr.requirement_label(*course.grant), None)
        elif kind and not fixed:
            for code in tr.levels_of(kind):
                self.level_combo.addItem(tr.level_label(code), code)
        else:
            self.level_combo.addItem(self.tr("No qualification (certificate of attendance)"), None)
        self.add_field(self.tr("Qualification added"), self.level_combo, "granted_level")
        self.report_check = QCheckBox(self.tr("Report (báo cáo thu hoạch) received"))
        self.add_field("", self.report_check, "report_received")
        self.report_date_edit = self.add_field(self.tr("Report received on"), required_date(end), "report_date")
        self.finish_layout()

    def _save(self):
        return ts.record_result(self.ctx, ts.ResultInput(
            self.record.id, self.result_combo.currentData(), from_qdate(self.completed_edit.date()),
            self.certificate_edit.text() or None,
            from_qdate(self.certificate_date_edit.date()) if self.certificate_edit.text().strip() else None,
            self.level_combo.currentData(), self.report_check.isChecked(),
            from_qdate(self.report_date_edit.date()) if self.report_check.isChecked() else None))


def money_text(value: Decimal | None) -> str:
    return f"{int(value):,}".replace(",", ".") if value is not None else ""
