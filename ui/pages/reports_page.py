"""Báo cáo: every official list and report the app prints, grouped by area, with the parameters each needs,
previewed or saved as PDF/Excel in the background. The list is the document catalogue
(hrapp/reports/catalogue.py) and every document is made by its one export use case, as on the area pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.errors import HrappError, PermissionDeniedError, ValidationError
from hrapp.masking import can_see_personal
from hrapp.queries.planning import list_periods as planning_periods
from hrapp.queries.promotion import promotion_targets
from hrapp.queries.recruitment import list_rounds
from hrapp.queries.training import list_plans
from hrapp.reports import catalogue
from hrapp.reports.catalogue import Document
from hrapp.security import READ, require
from hrapp.services.positions import list_positions
from ui.child_process import export_staff_list
from ui.file_names import suggested_path
from ui.messages import confirm, error_text
from ui.pages.base import BasePage
from ui.tasks import Task, run_task
from ui.widgets.described_items import DescribedItemDelegate, DescriptionRole
from ui.widgets.documents import open_preview, temporary_pdf
from ui.widgets.forms import date_edit, from_qdate, unit_id_for_code
from ui.widgets.person_search import PersonPicker
from ui.widgets.print_menu import document_description, document_title
from ui.widgets.unit_combo import UnitCombo

KeyRole = Qt.ItemDataRole.UserRole + 1  # a report's key on its item in the list

# Parameters a report may ask for (the rows of the form on the right)
AS_OF, YEAR, START, END, OVERDUE, LAYOUT, UNIT, CATEGORY, POSITION, PERSON, PERIOD, ROUND, PLAN, BY_POSITION, RANK = (
    "as_of", "year", "start", "end", "overdue", "layout", "unit", "category", "position", "person", "period", "round",
    "plan", "by_position", "rank")


@dataclass(frozen=True)
class Params:
    """What the form holds when a report is started (read on the GUI thread, used on the worker)."""

    as_of: date
    year: int
    start: date
    end: date
    overdue: bool  # pay lists: also those due before the period and still not recorded
    layout: str  # pay lists: "full" form or the shorter "due" list
    unit_code: str | None
    category: str | None  # None = every category
    position_id: int | None
    person_id: int | None
    period_id: int | None
    round_id: int | None
    plan_year: int | None
    by_position: bool
    rank_code: str | None = None  # the rank promoted to (the promotion list)


Runner = Callable[[ServiceContext, str, Params, Callable[[int, int], None], Callable[[], bool]], object]


def _values(doc: Document, p: Params) -> dict[str, object]:
    """The form's values for the document's parameters (by kind)."""
    by_kind = {catalogue.DATE: None, catalogue.YEAR: p.year, catalogue.FLAG: None, catalogue.LAYOUT: p.layout,
               catalogue.UNIT: p.unit_code, catalogue.CATEGORY: [p.category] if p.category else None,
               catalogue.POSITION: p.position_id, catalogue.PERSON: p.person_id, catalogue.PERIOD: p.period_id,
               catalogue.REVIEW: None, catalogue.ROUND: p.round_id, catalogue.PLAN: p.plan_year,
               catalogue.RANK: p.rank_code}
    by_name = {"as_of": p.as_of, "start": p.start, "end": p.end, "overdue": p.overdue, "by_position": p.by_position}
    return {q.name: by_name[q.name] if q.name in by_name else by_kind[q.kind] for q in doc.params}


def _runner(doc: Document) -> Runner:
    def run(ctx, path, p, progress, cancel):
        if doc.key == "staff_list":  # a long list is written in a child process, as on the staff page
            return export_staff_list(ctx, path, p.unit_code, progress=progress, cancel=cancel)
        return catalogue.export(ctx, doc.key, _values(doc, p), path, progress, cancel).data

    return run


@dataclass(frozen=True)
class Report:
    """A document of the catalogue (hrapp/reports/catalogue.py) as the page offers it."""

    doc: Document

    @property
    def key(self) -> str:
        return self.doc.key

    @property
    def group(self) -> str:
        return self.doc.group

    @property
    def title(self) -> str:
        return document_title(self.doc)

    @property
    def description(self) -> str:
        return document_description(self.doc)

    @property
    def params(self) -> tuple[str, ...]:
        """The rows of the form the document needs (a planning review asks for its period only)."""
        return tuple(FORM_ROW[q.name] for q in self.doc.params if q.name in FORM_ROW)

    @property
    def run(self) -> Runner:
        return _runner(self.doc)

    @property
    def file_stem(self) -> str:
        return self.doc.file_stem

    @property
    def excel(self) -> bool:
        return ".xlsx" in self.doc.formats


GROUPS: tuple[tuple[str, str], ...] = (
    ("org", QT_TRANSLATE_NOOP("Reports", "Organisation and headcount")),
    ("records", QT_TRANSLATE_NOOP("Reports", "Staff records")),
    ("benefits", QT_TRANSLATE_NOOP("Reports", "Pay and benefits")),
    ("recruitment", QT_TRANSLATE_NOOP("Reports", "Recruitment")),
    ("planning", QT_TRANSLATE_NOOP("Reports", "Succession planning")),
    ("training", QT_TRANSLATE_NOOP("Reports", "Training")),
)

FORM_ROW = {"as_of": AS_OF, "year": YEAR, "start": START, "end": END, "overdue": OVERDUE, "layout": LAYOUT,
            "unit": UNIT, "categories": CATEGORY, "position": POSITION, "person": PERSON, "period": PERIOD,
            "round": ROUND, "plan": PLAN, "by_position": BY_POSITION, "target_rank": RANK}
"""The catalogue's parameter -> the row of the form that asks for it."""

REPORTS: tuple[Report, ...] = tuple(Report(d) for d in catalogue.CATALOGUE)


def report(key: str) -> Report:
    for r in REPORTS:
        if r.key == key:
            return r
    raise KeyError(key)


def tr_report(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def _quarter(day: date) -> tuple[date, date]:
    """The calendar quarter holding `day` (the pay lists' usual period)."""
    first = (day.month - 1) // 3 * 3 + 1
    after = date(day.year + 1, 1, 1) if first == 10 else date(day.year, first + 3, 1)
    return date(day.year, first, 1), date.fromordinal(after.toordinal() - 1)


class ReportsPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.task: Task | None = None
        self.last_saved: str | None = None
        self.preview = None
        self._loaded = False
        title, subtitle = self.heading(
            self.tr("Reports"), self.tr("Official lists and reports: choose one, fill in what it needs, preview or save it"))

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(16)
        self.tree.setItemDelegate(DescribedItemDelegate(self.tree))
        self._fill_tree()

        # --- the right-hand side: the chosen report and its parameters
        self.report_title = QLabel()
        self.report_title.setObjectName("sectionTitle")
        self.report_title.setWordWrap(True)
        self.report_description = QLabel()
        self.report_description.setObjectName("muted")
        self.report_description.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.as_of_edit = date_edit()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(clock.today().year)
        start, end = _quarter(clock.today())
        self.start_edit = date_edit(start)
        self.end_edit = date_edit(end)
        self.overdue_check = QCheckBox(self.tr("Include overdue"))
        self.overdue_check.setChecked(True)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(self.tr("Full form"), "full")
        self.layout_combo.addItem(self.tr("Due list"), "due")
        self.unit_combo = UnitCombo()
        self.category_combo = QComboBox()
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_combo.setMinimumContentsLength(20)
        self.category_combo.addItem(self.tr("All categories"), None)
        for code in catalogs.CATEGORIES:
            self.category_combo.addItem(catalogs.label("category", code), code)
        self.category_combo.setToolTip(self.tr("Civil servants only gives the BM01/BNV form for civil servants"))
        self.position_combo = QComboBox()
        self.position_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.position_combo.setMinimumContentsLength(20)
        self.positions_task: Task | None = None
        self._positions_asked = 0
        self.person_picker = PersonPicker(lambda: (self.ctx, self.unit_combo.current_code()), self)
        self.person_picker.person_changed.connect(self.update_state)
        self.person_picker.failed.connect(self.show_error)
        self.period_combo = QComboBox()
        self.round_combo = QComboBox()
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.round_combo.setMinimumContentsLength(20)
        self.plan_combo = QComboBox()
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(20)
        self.by_position_check = QCheckBox(self.tr("Add the detail by job position"))
        self.rank_combo = QComboBox()
        self.rank_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rank_combo.setMinimumContentsLength(20)
        try:
            for code, name in promotion_targets(ctx):
                self.rank_combo.addItem(f"{name} ({code})", code)
        except PermissionDeniedError:  # nobody signed in: the page shows its refusal instead
            pass
        self.fields: dict[str, QWidget] = {
            YEAR: self.year_spin, AS_OF: self.as_of_edit, START: self.start_edit, END: self.end_edit,
            OVERDUE: self.overdue_check, UNIT: self.unit_combo, LAYOUT: self.layout_combo, CATEGORY: self.category_combo,
            POSITION: self.position_combo, PERSON: self.person_picker, PERIOD: self.period_combo, ROUND: self.round_combo,
            PLAN: self.plan_combo, BY_POSITION: self.by_position_check, RANK: self.rank_combo,
        }
        labels = {YEAR: self.tr("Year"), AS_OF: self.tr("As of"), START: self.tr("From"), END: self.tr("To"), OVERDUE: "",
                  UNIT: self.tr("Unit"), LAYOUT: self.tr("Layout"), CATEGORY: self.tr("Category"),
                  POSITION: self.tr("Job position"), PERSON: self.tr("Person"), PERIOD: self.tr("Planning period"),
                  ROUND: self.tr("Recruitment round"), PLAN: self.tr("Training plan"), BY_POSITION: "",
                  RANK: self.tr("Promoted to")}
        for key, widget in self.fields.items():
            self.form.addRow(labels[key], widget)

        self.note_label = QLabel()
        self.note_label.setObjectName("muted")
        self.note_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.hide()
        self.done_label = QLabel()
        self.done_label.setObjectName("muted")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("primary")
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.excel_button = QPushButton(self.tr("Save Excel…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.excel_button)
        buttons.addStretch(1)

        panel = QFrame()
        panel.setObjectName("reportPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        side = QVBoxLayout(panel)
        side.setContentsMargins(14, 12, 14, 12)
        side.addWidget(self.report_title)
        side.addWidget(self.report_description)
        side.addSpacing(8)
        side.addLayout(self.form)
        side.addWidget(self.note_label)
        side.addSpacing(6)
        side.addLayout(buttons)
        side.addWidget(self.message_label)
        side.addWidget(self.done_label)
        side.addStretch(1)
        panel.setMinimumWidth(380)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([680, 380])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(4)
        layout.addWidget(self.splitter, 1)

        self.tree.currentItemChanged.connect(lambda _c, _p: self._report_changed())
        self.tree.itemActivated.connect(lambda item, _col: item.data(0, KeyRole) and self.print_current())
        self.preview_button.clicked.connect(lambda: self.print_current())
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.excel_button.clicked.connect(lambda: self.save(".xlsx"))
        self.unit_combo.unit_changed.connect(lambda _c: self._unit_changed())
        self.select("quality")

    # --- the catalogue ---------------------------------------------------------------------------------
    def _fill_tree(self) -> None:
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group, label in GROUPS:
            top = QTreeWidgetItem([tr_report(label)])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a report to choose
            self.tree.addTopLevelItem(top)
            for r in REPORTS:
                if r.group == group:
                    item = QTreeWidgetItem([r.title])
                    item.setData(0, KeyRole, r.key)
                    item.setData(0, DescriptionRole, r.description)
                    item.setToolTip(0, f"{r.title}\n{r.description}")
                    top.addChild(item)
        self.tree.expandAll()

    def report_keys(self) -> list[str]:
        """The reports in the order the list shows them."""
        keys = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            keys.extend(top.child(j).data(0, KeyRole) for j in range(top.childCount()))
        return keys

    def current_report(self) -> Report | None:
        item = self.tree.currentItem()
        key = item.data(0, KeyRole) if item is not None else None
        return report(key) if key else None

    def select(self, key: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, KeyRole) == key:
                    self.tree.setCurrentItem(top.child(j))
                    return
        raise KeyError(key)

    def _report_changed(self) -> None:
        r = self.current_report()
        self.message_label.hide()
        self.done_label.clear()
        if r is None:
            self.report_title.setText(self.tr("Choose a report in the list"))
            self.report_description.clear()
        else:
            self.report_title.setText(r.title)
            self.report_description.setText(r.description)
        shown = set(r.params) if r else set()
        for key, widget in self.fields.items():
            self.form.setRowVisible(widget, key in shown)
        self.excel_button.setVisible(r is not None and r.excel)
        if r is not None and POSITION in r.params:
            self.load_positions()
        self.update_state()
        self.actions_changed.emit()

    def _unit_changed(self) -> None:
        r = self.current_report()
        if r is not None and PERSON in r.params:
            self.person_picker.find()
        if r is not None and POSITION in r.params:
            self.load_positions()

    def load_positions(self) -> Task:
        """The live job positions of the chosen unit (all units for the whole department), on a worker thread."""
        ctx, code = self.ctx, self.unit_combo.current_code()
        self.position_combo.clear()
        self._positions_asked += 1
        asked = self._positions_asked

        def work(progress, cancelled):
            return [(p.id, f"{p.code} – {p.name}", p.unit_name or "")
                    for p in list_positions(ctx, unit_id_for_code(ctx, code))]

        def show(rows: list[tuple[int, str, str]]) -> None:
            if asked != self._positions_asked:
                return  # the unit changed again meanwhile
            self.position_combo.clear()
            for pid, text, unit in rows:
                self.position_combo.addItem(text if code else f"{text} ({unit})", pid)
                self.position_combo.setItemData(self.position_combo.count() - 1, f"{text}\n{unit}",
                                                Qt.ItemDataRole.ToolTipRole)

        self.positions_task = run_task(work, parent=self, show_dialog=False, on_result=show, on_error=self.show_error)
        return self.positions_task

    # --- loading -----------------------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Reload the lists the parameters choose from (units, periods, rounds, plans)."""
        self._loaded = True
        try:
            self.unit_combo.load(self.ctx)  # an account limited to some units is offered those only
            self.unit_combo.setItemText(0, self.tr("Whole department") if self.ctx.unit_scope is None
                                        else self.tr("All assigned units"))
            periods = planning_periods(self.ctx)
            rounds = list_rounds(self.ctx)
            plans = list_plans(self.ctx)
        except HrappError as exc:
            self.show_error(exc)
            return
        self._fill_combo(self.period_combo, [(p.id, p.label) for p in periods])
        self._fill_combo(self.round_combo, [(r.id, f"{r.year} – {r.name}") for r in rounds])
        self._fill_combo(self.plan_combo, [(p.year, f"{p.year} – {p.name}") for p in plans])
        self.update_state()

    @staticmethod
    def _fill_combo(combo: QComboBox, entries: list[tuple[int, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for key, text in entries:
            combo.addItem(text, key)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        found = combo.findData(keep) if keep is not None else -1
        combo.setCurrentIndex(found if found >= 0 else 0 if entries else -1)
        combo.blockSignals(False)

    def set_context(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.person_picker.results.clear()
        self.refresh()

    # --- checks ------------------------------------------------------------------------------------------
    def params(self) -> Params:
        return Params(as_of=from_qdate(self.as_of_edit.date()), year=self.year_spin.value(),
                      start=from_qdate(self.start_edit.date()), end=from_qdate(self.end_edit.date()),
                      overdue=self.overdue_check.isChecked(), layout=self.layout_combo.currentData(),
                      unit_code=self.unit_combo.current_code(), category=self.category_combo.currentData(),
                      position_id=self.position_combo.currentData(), person_id=self.person_picker.person_id(),
                      period_id=self.period_combo.currentData(), round_id=self.round_combo.currentData(),
                      plan_year=self.plan_combo.currentData(), by_position=self.by_position_check.isChecked(),
                      rank_code=self.rank_combo.currentData())

    def refusal(self) -> str | None:
        """Why the signed-in account may not print reports at all (None when it may)."""
        try:
            require(self.ctx, READ)
        except PermissionDeniedError as exc:
            return exc.message
        return None

    def missing(self, r: Report, p: Params) -> str | None:
        """What the report still needs before it can be made, in a sentence (None when complete)."""
        if PERSON in r.params and p.person_id is None:
            return self.tr("Choose the person whose curriculum vitae to print: type part of the name, then pick "
                           "them in the list.")
        if POSITION in r.params and p.position_id is None:
            return self.tr("Choose a job position (the unit chosen may have none).")
        if ROUND in r.params and p.round_id is None:
            return self.tr("There is no recruitment round yet.")
        if PERIOD in r.params and p.period_id is None:
            return self.tr("There is no planning period yet.")
        if PLAN in r.params and p.plan_year is None:
            return self.tr("There is no training plan yet.")
        if START in r.params and p.start > p.end:
            return self.tr("The start of the period is after its end.")
        return None

    def update_state(self) -> None:
        """The note under the form: a refusal for the account, else what masking applies."""
        r = self.current_report()
        refusal = self.refusal()
        for button in (self.preview_button, self.pdf_button, self.excel_button):
            button.setEnabled(r is not None and refusal is None and (self.task is None or not self.task.is_running()))
        if refusal is not None:
            self.note_label.setText(self.tr("Your account may not print reports: %1").replace("%1", refusal))
            self.note_label.setStyleSheet("color: #b3261e;")
        elif r is not None and r.key == "cv" and not can_see_personal(self.ctx):
            self.note_label.setText(self.tr("Your role may not see personal data: it is masked on the printout."))
            self.note_label.setStyleSheet("")
        else:
            self.note_label.clear()
            self.note_label.setStyleSheet("")
        self.note_label.setVisible(bool(self.note_label.text()))

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            text = "\n".join(dict.fromkeys(m for _f, m in exc.errors))
        else:
            text = error_text(exc)
        self.message_label.setText(text)
        self.message_label.show()

    def show_text(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()

    # --- making the document -----------------------------------------------------------------------------
    def can_print(self) -> bool:
        return self.current_report() is not None and self.refusal() is None

    def generate(self, path: str, on_done: Callable[[str], None]) -> Task | None:
        """Write the chosen report to `path` on a worker thread (the suffix picks PDF or Excel)."""
        r = self.current_report()
        if r is None:
            return None
        self.message_label.hide()
        self.done_label.clear()
        refusal = self.refusal()
        if refusal is not None:
            self.show_text(refusal)
            return None
        p = self.params()
        missing = self.missing(r, p)
        if missing is not None:
            self.show_text(missing)
            return None
        ctx, run = self.ctx, r.run

        def work(progress, cancelled):
            run(ctx, path, p, progress, cancelled)
            return path

        self.task = run_task(work, parent=self, title=r.title, label=self.tr("Making the report…"),
                             writes=True, on_result=on_done, on_error=self.show_error,
                             on_cancelled=lambda: self.done_label.setText(self.tr("Cancelled: nothing was saved.")))
        self.task.finished.connect(self.update_state)
        self.update_state()
        return self.task

    def print_current(self) -> Task | None:
        """Make the PDF in a temporary file and open it in the print preview."""
        r = self.current_report()
        if r is None:
            return None
        return self.generate(temporary_pdf(f"{r.file_stem}_"), self._preview)

    def _preview(self, path: str) -> None:
        self.preview = open_preview(path, self)

    def save(self, suffix: str, path: str | None = None) -> Task | None:
        """Ask where to save (unless `path` is given), then write the report as PDF or Excel."""
        r = self.current_report()
        if r is None or (suffix == ".xlsx" and not r.excel):
            return None
        if path is None:
            default = suggested_path(self.ctx, f"{r.file_stem}_{clock.today():%d-%m-%Y}{suffix}")
            file_filter = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbooks (*.xlsx)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), default, file_filter)
            if not path:
                return None
            if not path.lower().endswith(suffix):
                path += suffix
        return self.generate(path, self._saved)

    def _saved(self, path: str) -> None:
        self.last_saved = path
        self.done_label.setText(self.tr("Saved %1").replace("%1", path))
        confirm(self, path=path)

    # --- state -------------------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("splitter", self.splitter.saveState())
        r = self.current_report()
        if r is not None:
            settings.setValue("report", r.key)

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("splitter")
        if state is not None:
            self.splitter.restoreState(state)
        key = settings.value("report")
        if key and key in {r.key for r in REPORTS}:
            self.select(str(key))
