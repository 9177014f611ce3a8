"""Vị trí việc làm: each unit's job positions; create and edit (description, requirements, competency
framework), approve by decision, copy to another unit, retire, and print a position's description."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.reports.catalogue import export
from hrapp.services.positions import (
    CompetencyLevel,
    CopyPosition,
    PositionInfo,
    PositionInput,
    Requirements,
    Task,
    approve_position,
    copy_position,
    create_position,
    list_positions,
    retire_position,
    update_position,
)
from ui.file_names import suggested_path
from ui.formatting import fmt_date
from ui.messages import confirm, show_error, show_message
from ui.models.rows_table_model import RowsTableModel
from ui.pages.base import BasePage
from ui.tasks import run_task
from ui.widgets.columns import fit_columns
from ui.widgets.forms import ERROR_STYLE, FormDialog, run_form, unit_id_for_code
from ui.widgets.unit_combo import UnitCombo

LEVEL_KINDS = (("education_level", "chuyen_mon"), ("political_theory", "llct"), ("state_management", "qlnn"),
               ("it", "tin_hoc"), ("language", "ngoai_ngu"))


def _text(edit: QLineEdit | QPlainTextEdit) -> str:
    return (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()


class PositionDialog(FormDialog):
    """Create a position (draft) or edit one; editing an approved position saves its next version."""

    def __init__(self, ctx: ServiceContext, unit_id: int, position: PositionInfo | None = None,
                 parent: QWidget | None = None):
        super().__init__(self.tr("Job position") if position is None else self.tr("Edit job position"),
                         self._save, parent)
        self.ctx, self.unit_id, self.position = ctx, unit_id, position
        tabs = QTabWidget()
        self.body.insertWidget(1, tabs, 1)
        general = QWidget()
        self.body.removeItem(self.form)  # the general fields go on the first tab
        general.setLayout(self.form)
        tabs.addTab(general, self.tr("General"))

        self.code_edit = self.add_field(self.tr("Code"), QLineEdit(), "code")
        self.name_edit = self.add_field(self.tr("Name"), QLineEdit(), "name")
        self.group_combo = QComboBox()
        for code, label in catalogs.labels("position_group").items():
            self.group_combo.addItem(label, code)
        self.add_field(self.tr("Group"), self.group_combo, "group")
        self.rank_combo = QComboBox()
        self.rank_combo.addItem(self.tr("(not required)"), None)
        for code, r in catalogs.ranks().items():
            self.rank_combo.addItem(f"{r['name']} ({code})", code)
        self.add_field(self.tr("Minimum rank or title"), self.rank_combo, "min_rank_code")
        self.needed_spin = QSpinBox()
        self.needed_spin.setRange(1, 10000)
        self.add_field(self.tr("People needed"), self.needed_spin, "number_needed")
        self.leader_check = QCheckBox(self.tr("Leadership position"))
        self.form.addRow("", self.leader_check)
        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setFixedHeight(56)
        self.add_field(self.tr("Purpose"), self.purpose_edit, "purpose")

        # Tasks
        tasks_page = QWidget()
        tl = QVBoxLayout(tasks_page)
        self.tasks_table = QTableWidget(0, 3)
        self.tasks_table.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Output"), self.tr("Frequency")])
        self.tasks_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tl.addWidget(self.tasks_table, 1)
        tl.addWidget(self.errors.add("tasks"))
        add_task = QPushButton(self.tr("Add task"))
        remove_task = QPushButton(self.tr("Remove task"))
        add_task.clicked.connect(lambda: self.tasks_table.insertRow(self.tasks_table.rowCount()))
        remove_task.clicked.connect(lambda: self.tasks_table.removeRow(self.tasks_table.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add_task)
        row.addWidget(remove_task)
        row.addStretch(1)
        tl.addLayout(row)
        texts = QFormLayout()
        self.relationships_edit = QPlainTextEdit()
        self.authority_edit = QPlainTextEdit()
        self.conditions_edit = QPlainTextEdit()
        for label, edit in ((self.tr("Working relationships"), self.relationships_edit),
                            (self.tr("Authority"), self.authority_edit), (self.tr("Conditions"), self.conditions_edit)):
            edit.setFixedHeight(44)
            texts.addRow(label, edit)
        tl.addLayout(texts)
        tabs.addTab(tasks_page, self.tr("Tasks"))

        # Requirements
        req_page = QWidget()
        rf = QFormLayout(req_page)
        self.level_combos: dict[str, QComboBox] = {}
        labels = {"education_level": self.tr("Education level"), "political_theory": self.tr("Political theory"),
                  "state_management": self.tr("State management"), "it": self.tr("IT skills"),
                  "language": self.tr("Foreign language")}
        for key, kind in LEVEL_KINDS:
            combo = QComboBox()
            combo.addItem(self.tr("(not required)"), None)
            for it in catalogs.items("qualification_level"):
                if (it.get("extra") or {}).get("kind") == kind:
                    combo.addItem(it["name"], it["code"])
            self.level_combos[key] = combo
            rf.addRow(labels[key], combo)
            rf.addRow("", self.errors.add(f"requirements.{key}"))
        self.major_edit = QLineEdit()
        rf.addRow(self.tr("Major"), self.major_edit)
        self.experience_spin = QSpinBox()
        self.experience_spin.setRange(0, 50)
        self.experience_spin.setSuffix(self.tr(" years"))
        rf.addRow(self.tr("Experience"), self.experience_spin)
        rf.addRow("", self.errors.add("requirements.experience_years"))
        tabs.addTab(req_page, self.tr("Requirements"))

        # Competency framework
        comp_page = QWidget()
        cl = QVBoxLayout(comp_page)
        self.comp_table = QTableWidget(0, 2)
        self.comp_table.setHorizontalHeaderLabels([self.tr("Competency"), self.tr("Level (1–5)")])
        self.comp_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        cl.addWidget(self.comp_table, 1)
        cl.addWidget(self.errors.add("competencies"))
        add_comp = QPushButton(self.tr("Add competency"))
        remove_comp = QPushButton(self.tr("Remove competency"))
        add_comp.clicked.connect(lambda: self.add_competency(None, 3))
        remove_comp.clicked.connect(lambda: self.comp_table.removeRow(self.comp_table.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add_comp)
        row.addWidget(remove_comp)
        row.addStretch(1)
        cl.addLayout(row)
        tabs.addTab(comp_page, self.tr("Competency framework"))
        self.tabs = tabs
        self.finish_layout(stretch=False)
        self.resize(760, 560)
        if position is not None:
            self._load(position)

    def add_competency(self, code: str | None, level: int) -> None:
        r = self.comp_table.rowCount()
        self.comp_table.insertRow(r)
        combo = QComboBox()
        for c, label in catalogs.labels("competency").items():
            combo.addItem(f"{label} ({c})", c)
        if code:
            combo.setCurrentIndex(max(combo.findData(code), 0))
        spin = QSpinBox()
        spin.setRange(1, 5)
        spin.setValue(level)
        self.comp_table.setCellWidget(r, 0, combo)
        self.comp_table.setCellWidget(r, 1, spin)

    def _load(self, p: PositionInfo) -> None:
        self.code_edit.setText(p.code)
        self.name_edit.setText(p.name)
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(p.group), 0))
        self.rank_combo.setCurrentIndex(max(self.rank_combo.findData(p.min_rank_code), 0))
        self.needed_spin.setValue(p.number_needed)
        self.leader_check.setChecked(p.is_leadership)
        self.purpose_edit.setPlainText(p.purpose or "")
        for t in p.tasks:
            r = self.tasks_table.rowCount()
            self.tasks_table.insertRow(r)
            for c, value in enumerate((t.task, t.product, t.frequency)):
                self.tasks_table.setItem(r, c, QTableWidgetItem(value))
        self.relationships_edit.setPlainText(p.relationships or "")
        self.authority_edit.setPlainText(p.authority or "")
        self.conditions_edit.setPlainText(p.conditions or "")
        for key, _kind in LEVEL_KINDS:
            combo = self.level_combos[key]
            combo.setCurrentIndex(max(combo.findData(getattr(p.requirements, key)), 0))
        self.major_edit.setText(p.requirements.major or "")
        self.experience_spin.setValue(p.requirements.experience_years or 0)
        for c in p.competencies:
            self.add_competency(c.code, c.level)

    def value(self) -> PositionInput:
        tasks = []
        for r in range(self.tasks_table.rowCount()):
            cells = [(self.tasks_table.item(r, c).text().strip() if self.tasks_table.item(r, c) else "")
                     for c in range(3)]
            if any(cells):
                tasks.append(Task(*cells))
        comps = tuple(CompetencyLevel(self.comp_table.cellWidget(r, 0).currentData(),
                                      self.comp_table.cellWidget(r, 1).value())
                      for r in range(self.comp_table.rowCount()))
        return PositionInput(
            unit_id=self.unit_id, code=_text(self.code_edit), name=_text(self.name_edit),
            group=self.group_combo.currentData(), number_needed=self.needed_spin.value(),
            min_rank_code=self.rank_combo.currentData(), is_leadership=self.leader_check.isChecked(),
            purpose=_text(self.purpose_edit) or None, tasks=tuple(tasks),
            relationships=_text(self.relationships_edit) or None, authority=_text(self.authority_edit) or None,
            conditions=_text(self.conditions_edit) or None,
            requirements=Requirements(
                **{key: self.level_combos[key].currentData() for key, _k in LEVEL_KINDS},
                major=_text(self.major_edit) or None, experience_years=self.experience_spin.value() or None),
            competencies=comps,
        )

    def _save(self):
        if self.position is None:
            return create_position(self.ctx, self.value())
        return update_position(self.ctx, self.position.id, self.value())


class DecisionDialog(FormDialog):
    """Approve or retire a position: only the decision is asked."""

    def __init__(self, title: str, position: PositionInfo, action, parent: QWidget | None = None):
        super().__init__(title, lambda: action(self.decision_form.value()), parent)
        self.form.addRow(self.tr("Position"), QLabel(f"{position.code} – {position.name}"))
        self.errors.add("position_id")
        self.form.addRow("", self.errors.labels["position_id"])
        self.add_decision()
        self.finish_layout()


class CopyDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, position: PositionInfo, parent: QWidget | None = None):
        super().__init__(self.tr("Copy job position"), self._save, parent)
        self.ctx, self.position = ctx, position
        self.form.addRow(self.tr("Position"), QLabel(f"{position.code} – {position.name}"))
        self.unit_combo = UnitCombo()
        self.unit_combo.load(ctx)
        self.add_field(self.tr("To unit"), self.unit_combo, "unit_id")
        self.code_edit = self.add_field(self.tr("New code"), QLineEdit(position.code), "code")
        self.finish_layout()

    def _save(self):
        return copy_position(self.ctx, CopyPosition(self.position.id, unit_id_for_code(self.ctx, self.unit_combo.current_code()),
                                                    _text(self.code_edit) or None))


class PositionsPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.positions: list[PositionInfo] = []
        title = QLabel(self.tr("Job positions"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Descriptions, requirements and competency frameworks; approved by decision"))
        subtitle.setObjectName("pageSubtitle")
        self.unit_combo = UnitCombo()
        self.history_check = QCheckBox(self.tr("Show replaced and retired versions"))
        self.table = QTableView()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet(ERROR_STYLE)
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.new_button = QPushButton(self.tr("New position…"))
        self.new_button.setObjectName("primary")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.copy_button = QPushButton(self.tr("Copy to unit…"))
        self.retire_button = QPushButton(self.tr("Retire…"))
        self.print_button = QPushButton(self.tr("Description (PDF)…"))
        self.new_button.clicked.connect(self.create_new)
        self.edit_button.clicked.connect(self.edit_current)
        self.approve_button.clicked.connect(self.approve_current)
        self.copy_button.clicked.connect(lambda: self._with_current(
            lambda p: self._open(CopyDialog(self.ctx, p, self))))
        self.retire_button.clicked.connect(self.retire_current)
        self.print_button.clicked.connect(self.print_current)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        head.addLayout(titles)
        head.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.unit_combo, 2)
        filters.addWidget(self.history_check)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.approve_button, self.copy_button, self.retire_button,
                  self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.table, 1)
        self.unit_combo.unit_changed.connect(lambda _c: self.reload())
        self.history_check.toggled.connect(lambda _b: self.reload())
        self.refresh()

    # --- BasePage ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.unit_combo.load(self.ctx)
        self.reload()

    def can_create(self) -> bool:
        return True

    def can_print(self) -> bool:
        return self.current() is not None

    def create_new(self) -> None:
        unit_id = unit_id_for_code(self.ctx, self.unit_combo.current_code())
        if unit_id is None:
            show_message(self, self.tr("Job positions"), self.tr("Choose the unit of the new position first."))
            return
        self._open(PositionDialog(self.ctx, unit_id, None, self))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("header", self.table.horizontalHeader().saveState())

    # --- behaviour -----------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.positions = list_positions(self.ctx, unit_id_for_code(self.ctx, self.unit_combo.current_code()),
                                            include_history=self.history_check.isChecked())
        except Exception as exc:  # noqa: BLE001 - a failed read shows its one line and leaves the page as it was
            show_error(self, exc)
            return
        rows = [[p.code, p.name, p.unit_name, p.group_label, p.min_rank_name or "", str(p.number_needed),
                 p.status_label, str(p.version_no), fmt_date(p.effective_from)] for p in self.positions]
        self.table.setModel(RowsTableModel(
            [self.tr("Code"), self.tr("Position"), self.tr("Unit"), self.tr("Group"), self.tr("Minimum rank"),
             self.tr("Needed"), self.tr("Status"), self.tr("Version"), self.tr("In force from")], rows,
            centered=(5, 7, 8), parent=self))
        # the code whole, the name up to 340 pixels, unit, group and rank up to 150, so that the state, the
        # version and the date stay on screen (a cut text is whole in its tooltip)
        fit_columns(self.table, key=(0,), limit={1: 340, 2: 150, 3: 150, 4: 150})
        self.actions_changed.emit()

    def current(self) -> PositionInfo | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.positions[rows[0].row()] if rows else None

    def select_code(self, code: str) -> bool:
        for i, p in enumerate(self.positions):
            if p.code == code:
                self.table.selectRow(i)
                return True
        return False

    def _with_current(self, fn) -> None:
        p = self.current()
        if p is None:
            show_message(self, self.tr("Job positions"), self.tr("Select a position first."))
            return
        fn(p)

    def edit_current(self) -> None:
        self._with_current(lambda p: self._open(PositionDialog(self.ctx, p.unit_id, p, self)))

    def approve_current(self) -> None:
        self._with_current(lambda p: self._open(DecisionDialog(
            self.tr("Approve job position"), p, lambda d: approve_position(self.ctx, p.id, d), self)))

    def retire_current(self) -> None:
        self._with_current(lambda p: self._open(DecisionDialog(
            self.tr("Retire job position"), p, lambda d: retire_position(self.ctx, p.id, d), self)))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        run_form(dialog, self._saved)

    def _saved(self, result: object) -> None:
        self.reload()
        warnings = getattr(result, "warnings", ())
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        if isinstance(result, PositionInfo):
            for i, p in enumerate(self.positions):
                if p.id == result.id:
                    self.table.selectRow(i)
        self.status_message.emit(self.tr("Saved."))

    def print_current(self) -> None:
        self._with_current(self._print)

    def _print(self, p: PositionInfo) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the description"),
                                              suggested_path(self.ctx, f"mo_ta_{p.code}.pdf"),
                                              self.tr("PDF (*.pdf);;Excel (*.xlsx)"))
        if not path:
            return
        self.export(p, path)

    def export(self, p: PositionInfo, path: str) -> None:
        """Write the description in the background; a PDF then opens in the print preview."""
        ctx = self.ctx

        def work(progress, cancelled):
            export(ctx, "position", {"position": p.id}, path, progress, cancelled)
            return path

        self.task = run_task(work, parent=self, title=self.tr("Job position description"),
                             label=self.tr("Writing the document…"), on_result=self._exported)

    def _exported(self, path: str) -> None:
        confirm(self, path=path)
        if path.lower().endswith(".pdf"):
            from ui.dialogs.pdf_preview import PdfPreviewDialog

            self.preview = PdfPreviewDialog(path, self)
            self.preview.open()
