"""Đào tạo, bồi dưỡng: the annual plan with its lines and totals (new, copy of last year's, approval by decision),
execution (sending decisions, attendance, results and certificates, báo cáo thu hoạch), the gap analysis with
"add to plan", plan against actual, the course catalogue, and the printed plan, results and gap list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain import training as trd
from hrapp.errors import HrappError
from hrapp.queries import training as q
from hrapp.queries.lookups import open_units
from hrapp.services import training as ts
from ui.dialogs.planning_common import (
    FAIL_COLOR,
    OK_COLOR,
    WARN_COLOR,
    Cell,
    CellsTableModel,
    cells_view,
    fit_cells,
)
from ui.dialogs.training_dialogs import (
    TrainingApproveDialog,
    TrainingAttendanceDialog,
    TrainingCourseDialog,
    TrainingLineDialog,
    TrainingNewPlanDialog,
    TrainingResultDialog,
    TrainingSendDialog,
    money_text,
)
from ui.messages import error_text
from ui.pages.base import BasePage
from ui.tasks import Task
from ui.widgets.documents import ask_save_path, write_document
from ui.widgets.forms import date_edit, from_qdate, run_form, to_qdate
from ui.widgets.print_menu import print_menu

EXPORTS = ("plan_pdf", "plan_xlsx", "results_pdf", "results_xlsx", "gaps_pdf", "gaps_xlsx")
DOCUMENTS = {"plan": "training_plan", "results": "training_results", "gaps": "training_gaps"}
"""The page's documents in the catalogue, by the kind the page prints."""
KINDS = {key: kind for kind, key in DOCUMENTS.items()}


SINGLE = QTableView.SelectionMode.SingleSelection
MULTI = QTableView.SelectionMode.ExtendedSelection


class TrainingPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.plans: list[q.PlanRow] = []
        self.lines: list[q.LineRow] = []
        self.records: list[q.RecordRow] = []
        self.gaps: list[q.GapRow] = []
        self.courses: list[q.CourseRow] = []
        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(16)
        self.new_plan_button = QPushButton(self.tr("New plan…"))
        # a push button with a menu draws its arrow beside the text (a tool button's overlapped it: "In⌄")
        self.print_button = QPushButton(self.tr("Print / Excel"))
        self.export_actions = print_menu(self.print_button, tuple(DOCUMENTS.values()),
                                         lambda key, suffix: self.ask_export(f"{KINDS[key]}_{suffix[1:]}"))
        head = QHBoxLayout()
        head.addLayout(self.heading_box(
            self.tr("Training"),
            self.tr("The annual plan, who was sent where, results and certificates, and what each person still lacks "
                    "for their position or planned post"), wrap=True), 1)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Plan")))
        choose.addWidget(self.plan_combo)
        choose.addWidget(self.new_plan_button)
        choose.addStretch(1)
        choose.addWidget(self.print_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._plan_tab(), self.tr("Plan"))
        self.tabs.addTab(self._records_tab(), self.tr("Execution"))
        self.tabs.addTab(self._gaps_tab(), self.tr("Gaps"))
        self.tabs.addTab(self._actual_tab(), self.tr("Plan vs actual"))
        self.tabs.addTab(self._courses_tab(), self.tr("Courses"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(head)
        layout.addLayout(choose)
        layout.addWidget(self.tabs, 1)
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_plan_button.clicked.connect(self.new_plan)
        self.refresh()

    # --- construction --------------------------------------------------------------------------------
    def _buttons(self, *buttons: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _plan_tab(self) -> QWidget:
        self.add_line_button = QPushButton(self.tr("Add line…"))
        self.add_line_button.setObjectName("primary")
        self.edit_line_button = QPushButton(self.tr("Edit line…"))
        self.delete_line_button = QPushButton(self.tr("Remove line"))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.send_line_button = QPushButton(self.tr("Send…"))
        self.add_line_button.clicked.connect(self.add_line)
        self.edit_line_button.clicked.connect(self.edit_line)
        self.delete_line_button.clicked.connect(self.delete_line)
        self.approve_button.clicked.connect(self.approve)
        self.send_line_button.clicked.connect(lambda: self.open_send(self.selected_line()))
        self.lines_model = CellsTableModel(
            [self.tr("Person or group"), self.tr("Unit"), self.tr("Course type"), self.tr("Course"),
             self.tr("Planned"), self.tr("People"), self.tr("Funding"), self.tr("Estimated cost"), self.tr("Sent"),
             self.tr("Need")], centered=(4, 5, 8), parent=self)
        self.lines_view = cells_view(self.lines_model, SINGLE)
        self.lines_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.plan_status = QLabel()
        self.plan_status.setWordWrap(True)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addWidget(self.plan_status)
        lay.addLayout(self._buttons(self.add_line_button, self.edit_line_button, self.delete_line_button,
                                    self.approve_button, self.send_line_button))
        lay.addWidget(self.lines_view, 1)
        lay.addWidget(self.totals_label)
        return box

    def _records_tab(self) -> QWidget:
        self.send_button = QPushButton(self.tr("Send…"))
        self.send_button.setObjectName("primary")
        self.attendance_button = QPushButton(self.tr("Attendance…"))
        self.result_button = QPushButton(self.tr("Result and certificate…"))
        self.report_button = QPushButton(self.tr("Report received"))
        self.send_button.clicked.connect(lambda: self.open_send(None))
        self.attendance_button.clicked.connect(self.open_attendance)
        self.result_button.clicked.connect(self.open_result)
        self.report_button.clicked.connect(self.mark_report)
        self.records_model = CellsTableModel(
            [self.tr("Full name"), self.tr("Course"), self.tr("Dates"), self.tr("Sending decision"),
             self.tr("Status"), self.tr("Attendance"), self.tr("Result"), self.tr("Certificate"),
             self.tr("Qualification added"), self.tr("Report")], centered=(2, 4, 6, 9), parent=self)
        self.records_view = cells_view(self.records_model, SINGLE)
        self.records_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.records_label = QLabel()
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addLayout(self._buttons(self.send_button, self.attendance_button, self.result_button,
                                    self.report_button))
        lay.addWidget(self.records_view, 1)
        lay.addWidget(self.records_label)
        return box

    def _gaps_tab(self) -> QWidget:
        self.gaps_date = date_edit()
        self.gaps_unit = QComboBox()
        self.gaps_unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.gaps_unit.setMinimumContentsLength(22)
        self.gaps_unit.addItem(self.tr("All units"), None)
        self.gaps_refresh = QPushButton(self.tr("Check"))
        self.to_plan_button = QPushButton(self.tr("Add selected to the plan"))
        self.to_plan_button.setObjectName("primary")
        self.gaps_refresh.clicked.connect(self.load_gaps)
        self.to_plan_button.clicked.connect(self.add_gaps)
        self.gaps_model = CellsTableModel(
            [self.tr("Full name"), self.tr("Unit"), self.tr("Post"), self.tr("Source"), self.tr("Required"),
             self.tr("Held"), self.tr("Required for"), self.tr("Planned or in training")], centered=(3,),
            parent=self)
        self.gaps_view = cells_view(self.gaps_model, MULTI)
        self.gaps_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.needs_model = CellsTableModel([self.tr("Unit"), self.tr("Needs by course type")], parent=self)
        self.needs_view = cells_view(self.needs_model, SINGLE)
        self.needs_view.setMaximumHeight(150)
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("On")))
        row.addWidget(self.gaps_date)
        row.addWidget(QLabel(self.tr("Unit")))
        row.addWidget(self.gaps_unit)
        row.addWidget(self.gaps_refresh)
        row.addStretch(1)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addLayout(row)
        lay.addLayout(self._buttons(self.to_plan_button))
        lay.addWidget(self.gaps_view, 1)
        lay.addWidget(self.gaps_label)
        lay.addWidget(self.needs_view)
        return box

    def _actual_tab(self) -> QWidget:
        self.actual_model = CellsTableModel(
            [self.tr("Course type"), self.tr("Planned"), self.tr("Sent"), self.tr("Completed"),
             self.tr("Outside the plan"), self.tr("Estimated cost"), self.tr("Spent")], centered=(1, 2, 3, 4),
            parent=self)
        self.actual_view = cells_view(self.actual_model, SINGLE)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addWidget(self.actual_view)
        return box

    def _courses_tab(self) -> QWidget:
        self.new_course_button = QPushButton(self.tr("New course…"))
        self.edit_course_button = QPushButton(self.tr("Edit course…"))
        self.new_course_button.clicked.connect(lambda: self.open_course(None))
        self.edit_course_button.clicked.connect(lambda: self.open_course(self.selected_course()))
        self.courses_model = CellsTableModel(
            [self.tr("Code"), self.tr("Name"), self.tr("Type"), self.tr("Organiser"), self.tr("Mode"),
             self.tr("Duration"), self.tr("Certificate"), self.tr("Qualification granted")], parent=self)
        self.courses_view = cells_view(self.courses_model, SINGLE)
        self.courses_view.doubleClicked.connect(lambda _i: self.open_course(self.selected_course()))
        self.course_warning = QLabel()
        self.course_warning.setWordWrap(True)
        self.course_warning.setStyleSheet(f"color: {WARN_COLOR};")
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addLayout(self._buttons(self.new_course_button, self.edit_course_button))
        lay.addWidget(self.courses_view, 1)
        lay.addWidget(self.course_warning)
        return box

    # --- data ----------------------------------------------------------------------------------------
    def plan(self) -> q.PlanRow | None:
        plan_id = self.plan_combo.currentData()
        return next((p for p in self.plans if p.id == plan_id), None)

    def refresh(self) -> None:
        keep = self.plan_combo.currentData()
        self.plans = q.list_plans(self.ctx)
        self.courses = q.list_courses(self.ctx)
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for p in self.plans:
            self.plan_combo.addItem(self.tr("%1 (%2)").replace("%1", str(p.year)).replace(
                "%2", self.tr("approved") if p.approved else self.tr("draft")), p.id)
        index = next((i for i, p in enumerate(self.plans) if p.id == keep), 0)
        self.plan_combo.setCurrentIndex(index if self.plans else -1)
        self.plan_combo.blockSignals(False)
        if self.gaps_unit.count() == 1:
            for uid, name in open_units(self.ctx):
                self.gaps_unit.addItem(name, uid)
        self._fill_courses()
        self.reload()

    def reload(self) -> None:
        plan = self.plan()
        if plan is None:
            self.lines, self.records = [], []
            self.plan_status.setText(self.tr("No training plan yet: create one with “New plan…”."))
        else:
            self.lines = q.plan_lines(self.ctx, plan.id)
            self.records = q.list_records(self.ctx, year=plan.year, plan_id=plan.id)
            status = self.tr("Approved by %1").replace("%1", plan.decision_label) if plan.approved \
                else self.tr("Draft: lines can still be changed; approve it with its decision.")
            self.plan_status.setText(f"<b>{plan.name}</b> — {status}")
        self._fill_lines()
        self._fill_records()
        self._fill_actual()
        self._update_buttons()
        self.actions_changed.emit()

    def _fill_lines(self) -> None:
        rows = []
        for ln in self.lines:
            sent = f"{ln.sent}/{ln.people}"
            color = OK_COLOR if ln.sent >= ln.people else (WARN_COLOR if ln.sent else None)
            need = "; ".join(x for x in (ln.requirement, self.tr("supplement") if ln.origin == "supplement" else "")
                             if x)
            rows.append([Cell(ln.who, bold=ln.person_id is None), Cell(ln.unit_name), Cell(ln.type_label),
                         Cell(ln.course_name), Cell(ln.dates_text), Cell(str(ln.people)), Cell(ln.funding_label),
                         Cell(money_text(ln.estimated_cost)), Cell(sent, color=color), Cell(need)])
        self.lines_model.set_rows(rows, [ln.id for ln in self.lines])
        fit_cells(self.lines_view, 260)
        by_type = q.TotalRow.of_lines(self.lines, "type")
        by_unit = q.TotalRow.of_lines(self.lines, "unit")
        people = sum(ln.people for ln in self.lines)
        cost = sum(int(ln.estimated_cost or 0) for ln in self.lines)
        self.totals_label.setText(
            self.tr("<b>Totals</b>: %1 people, %2 đồng. By type: %3. By unit: %4.").replace("%1", str(people))
            .replace("%2", money_text(cost)).replace("%3", ", ".join(f"{t.label} {t.people}" for t in by_type))
            .replace("%4", ", ".join(f"{t.label} {t.people}" for t in by_unit)))

    def _fill_records(self) -> None:
        rows = []
        for r in self.records:
            color = {"completed": OK_COLOR, "failed": FAIL_COLOR, "withdrawn": "#5f6f82"}.get(r.status)
            report = Cell(r.report_text, color=FAIL_COLOR if r.report_text == "Chưa nộp" else None)
            rows.append([Cell(r.full_name), Cell(r.course_name), Cell(r.dates_text), Cell(r.decision_label),
                         Cell(r.status_label, color=color, bold=True), Cell(r.attendance_label),
                         Cell(r.result_label), Cell(r.certificate_text), Cell(r.granted), report])
        self.records_model.set_rows(rows, [r.id for r in self.records])
        fit_cells(self.records_view, 260)
        done = sum(1 for r in self.records if r.status == "completed")
        missing = sum(1 for r in self.records if r.report_text == "Chưa nộp")
        self.records_label.setText(self.tr("%1 sent, %2 completed, %3 reports missing").replace(
            "%1", str(len(self.records))).replace("%2", str(done)).replace("%3", str(missing)))

    def _fill_actual(self) -> None:
        plan = self.plan()
        rows = q.plan_vs_actual(self.ctx, plan.year) if plan else []
        self.actual_model.set_rows([[Cell(a.label), Cell(str(a.planned)), Cell(str(a.sent)), Cell(str(a.completed)),
                                     Cell(str(a.outside_plan)), Cell(money_text(a.planned_cost)),
                                     Cell(money_text(a.actual_cost))] for a in rows], [a.course_type for a in rows])
        fit_cells(self.actual_view, 260)

    def _fill_courses(self) -> None:
        self.courses_model.set_rows([[c.code, c.name, c.type_label, c.organiser, c.mode_label, c.duration_text,
                                      c.certificate_type, c.grants_text] for c in self.courses],
                                    [c.id for c in self.courses])
        fit_cells(self.courses_view, 260)

    def load_gaps(self) -> None:
        self.gaps = q.gap_analysis(self.ctx, from_qdate(self.gaps_date.date()), self.gaps_unit.currentData())
        sources = {"position": self.tr("Job position"), "planning": self.tr("Succession plan")}
        rows = []
        for g in self.gaps:
            rows.append([Cell(g.full_name), Cell(g.unit_name), Cell(g.post),
                         Cell(sources.get(g.source, g.source)),
                         Cell(g.gap.requirement.label, color=FAIL_COLOR, bold=True),
                         Cell(trd.level_label(g.gap.held) if g.gap.held else self.tr("none")),
                         Cell(g.gap.requirement.required_for, tooltip=g.gap.message),
                         Cell(g.in_plan, color=OK_COLOR if g.in_plan else None)])
        self.gaps_model.set_rows(rows, list(range(len(self.gaps))))
        fit_cells(self.gaps_view, 260)
        types, needs = q.NeedRow.of_gaps(self.gaps)
        self.needs_model.set_rows([[n.unit_name, ", ".join(f"{trd.course_type_short(t)} {n.counts[t]}"
                                                           for t in types if t in n.counts)] for n in needs],
                                  [n.unit_code for n in needs])
        fit_cells(self.needs_view, 260)
        self.gaps_label.setText(self.tr("%1 people lack %2 requirements").replace(
            "%1", str(len({g.person_id for g in self.gaps}))).replace("%2", str(len(self.gaps))))
        self._update_buttons()

    # --- selection -----------------------------------------------------------------------------------
    def _selected(self, view: QTableView, model: CellsTableModel) -> list:
        return [model.keys[i.row()] for i in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())]

    def selected_line(self) -> q.LineRow | None:
        keys = self._selected(self.lines_view, self.lines_model)
        return next((ln for ln in self.lines if keys and ln.id == keys[0]), None)

    def selected_record(self) -> q.RecordRow | None:
        keys = self._selected(self.records_view, self.records_model)
        return next((r for r in self.records if keys and r.id == keys[0]), None)

    def selected_course(self) -> q.CourseRow | None:
        keys = self._selected(self.courses_view, self.courses_model)
        return next((c for c in self.courses if keys and c.id == keys[0]), None)

    def selected_gaps(self) -> list[q.GapRow]:
        return [self.gaps[i] for i in self._selected(self.gaps_view, self.gaps_model)]

    def _update_buttons(self) -> None:
        plan = self.plan()
        line = self.selected_line()
        record = self.selected_record()
        draft = plan is not None and not plan.approved
        self.add_line_button.setEnabled(plan is not None)
        self.edit_line_button.setEnabled(draft and line is not None)
        self.delete_line_button.setEnabled(draft and line is not None)
        self.approve_button.setEnabled(draft and bool(self.lines))
        self.send_line_button.setEnabled(line is not None and bool(self.courses))
        self.send_button.setEnabled(bool(self.courses))
        self.attendance_button.setEnabled(record is not None and record.status != "withdrawn")
        self.result_button.setEnabled(record is not None and record.status == "sent")
        self.report_button.setEnabled(record is not None and record.status in ("completed", "failed")
                                      and not record.report_received)
        self.to_plan_button.setEnabled(plan is not None and bool(self.selected_gaps()))
        self.edit_course_button.setEnabled(self.selected_course() is not None)
        for key in ("training_plan", "training_results"):
            for suffix in (".pdf", ".xlsx"):
                self.export_actions[key, suffix].setEnabled(plan is not None)

    # --- actions -------------------------------------------------------------------------------------
    def can_create(self) -> bool:
        return self.plan() is not None

    def can_print(self) -> bool:
        return self.plan() is not None

    def create_new(self) -> None:
        self.add_line()

    def new_plan(self) -> TrainingNewPlanDialog:
        year = max((p.year for p in self.plans), default=clock.today().year - 1) + 1
        has_previous = any(p.year == year - 1 for p in self.plans)
        dialog = TrainingNewPlanDialog(self.ctx, year, has_previous, self)
        run_form(dialog, self._plan_created)
        return dialog

    def _plan_created(self, plan: q.PlanRow) -> None:
        """Show the new plan at once."""
        self.form_saved(plan)
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(plan.id), 0))

    def _units(self) -> list[tuple[int, str]]:
        return [(self.gaps_unit.itemData(i), self.gaps_unit.itemText(i)) for i in range(1, self.gaps_unit.count())]

    def add_line(self) -> TrainingLineDialog | None:
        plan = self.plan()
        if plan is None:
            return None
        return self.open_form(TrainingLineDialog(self.ctx, plan, self.courses, self._units(), None, self))

    def edit_line(self) -> TrainingLineDialog | None:
        plan, line = self.plan(), self.selected_line()
        if plan is None or line is None:
            return None
        return self.open_form(TrainingLineDialog(self.ctx, plan, self.courses, self._units(), line, self))

    def delete_line(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        try:
            ts.delete_line(self.ctx, line.id)
        except HrappError as exc:
            QMessageBox.warning(self, self.tr("Training"), error_text(exc))
        self.refresh()

    def approve(self) -> TrainingApproveDialog | None:
        plan = self.plan()
        return self.open_form(TrainingApproveDialog(self.ctx, plan, self)) if plan else None

    def open_send(self, line: q.LineRow | None) -> TrainingSendDialog:
        active = [c for c in self.courses if c.active]
        return self.open_form(TrainingSendDialog(self.ctx, active, line, self))

    def open_attendance(self) -> TrainingAttendanceDialog | None:
        record = self.selected_record()
        return self.open_form(TrainingAttendanceDialog(self.ctx, record, self)) if record else None

    def open_result(self) -> TrainingResultDialog | None:
        record = self.selected_record()
        if record is None:
            return None
        course = next((c for c in self.courses if c.id == record.course_id), None)
        return self.open_form(TrainingResultDialog(self.ctx, record, course, self))

    def mark_report(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        try:
            ts.mark_report(self.ctx, record.id, True, clock.today())
        except HrappError as exc:
            QMessageBox.warning(self, self.tr("Training"), error_text(exc))
        self.reload()

    def add_gaps(self) -> ts.GapsToPlanResult | None:
        plan, chosen = self.plan(), self.selected_gaps()
        if plan is None or not chosen:
            return None
        picks = [ts.GapPick(g.person_id, g.gap.kind, g.gap.level, g.gap.need) for g in chosen]
        try:
            result = ts.add_gaps_to_plan(self.ctx, plan.id, picks)
        except HrappError as exc:
            QMessageBox.warning(self, self.tr("Training"), error_text(exc))
            return None
        text = self.tr("%1 lines added to the plan of %2.").replace("%1", str(len(result.lines))).replace(
            "%2", str(plan.year))
        if result.skipped:
            text += "\n" + "\n".join(result.skipped)
        self.status_message.emit(text.splitlines()[0])
        self.refresh()
        self.load_gaps()
        return result

    def open_course(self, course: q.CourseRow | None) -> TrainingCourseDialog:
        dialog = TrainingCourseDialog(self.ctx, course, self)

        def saved(result: ts.CourseResult) -> None:
            self.course_warning.setText("\n".join(result.warnings))
            self.form_saved(result)

        run_form(dialog, saved)
        return dialog

    # --- printing ------------------------------------------------------------------------------------
    def print_current(self) -> None:
        self.ask_export("plan_pdf")

    def ask_export(self, kind: str) -> None:
        plan = self.plan()
        name = {"plan": "Ke_hoach_dao_tao", "results": "Ket_qua_dao_tao", "gaps": "Nhu_cau_dao_tao"}[kind.split("_")[0]]
        year = plan.year if plan else clock.today().year
        path = ask_save_path(self, self.ctx, f"{name}_{year}", ".pdf" if kind.endswith("pdf") else ".xlsx")
        if path is not None:
            self.export(kind, path)

    def export(self, kind: str, path: Path) -> Task:
        """Write the document in the background; the status bar says where it went."""
        assert kind in EXPORTS
        plan = self.plan()
        key = DOCUMENTS[kind.split("_")[0]]
        if kind.startswith("gaps"):
            params = {"as_of": from_qdate(self.gaps_date.date()), "unit": self.gaps_unit.currentData()}
        else:
            params = {"plan": plan.year}
        return write_document(self, self.ctx, key, params, path, self.exported, writes=True)

    # --- state ---------------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        self.tabs.setCurrentIndex(int(settings.value("tab", 0) or 0))

    def set_gaps_date(self, day: date) -> None:
        self.gaps_date.setDate(to_qdate(day))
