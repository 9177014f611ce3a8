"""Regulation data (administrator): each rule's versions with legal basis and dates; edit a version or add one.

Versions are listed by their legal names (NĐ 135/2020/NĐ-CP); the parameters are edited in labelled fields
(hrapp/domain/rule_params.py) and saved as the same data. Saving is refused with the reason next to the field when
periods overlap or the parameters do not work with the rule's computation; only an administrator may save (the
service checks it, the buttons say so).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.rule_params import ParamField, param_fields, parse, shown, with_values
from hrapp.domain.rules import display_name
from hrapp.errors import HrappError
from hrapp.security import ADMIN, has_permission
from hrapp.services.rules_admin import (
    RuleVersionInfo,
    RuleVersionInput,
    add_rule_version,
    list_rule_versions,
    rule_codes,
    update_rule_version,
)
from ui.formatting import fmt_date
from ui.pages.base import BasePage
from ui.widgets.columns import Column, ColumnTableModel, fit_columns
from ui.widgets.forms import ErrorBox, FieldErrors, date_edit, from_qdate, to_qdate

CodeRole = Qt.ItemDataRole.UserRole + 1


class ParamsForm(QScrollArea):
    """A version's parameters as labelled fields, grouped as in the data; `params()` gives the data back with
    the typed values (HrappError naming the field when one cannot be read)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(160)
        self._params: dict[str, Any] = {}
        self.editors: list[tuple[ParamField, QWidget]] = []
        self.set_params({})

    def set_params(self, params: dict[str, Any]) -> None:
        self._params = params
        self.editors = []
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        group = None
        for field in param_fields(params):
            if field.group != group:
                group = field.group
                if group:
                    header = QLabel(group)
                    header.setObjectName("sectionTitle")
                    header.setWordWrap(True)
                    form.addRow(header)
            editor = self._editor(field)
            editor.setAccessibleName(f"{field.group} › {field.label}" if field.group else field.label)
            self.editors.append((field, editor))
            label = QLabel(field.label)
            label.setWordWrap(True)
            label.setBuddy(editor)
            if field.unit and not isinstance(editor, QSpinBox):
                row = QHBoxLayout()
                row.addWidget(editor, 1)
                row.addWidget(QLabel(field.unit))
                form.addRow(label, row)
            else:
                form.addRow(label, editor)
        self.setWidget(body)

    @staticmethod
    def _editor(field: ParamField) -> QWidget:
        if field.kind == "bool":
            check = QCheckBox()
            check.setChecked(bool(field.value))
            return check
        if field.kind == "int":
            spin = QSpinBox()
            spin.setRange(-1_000_000, 1_000_000_000)
            spin.setValue(int(field.value))
            if field.unit:
                spin.setSuffix(f" {field.unit}")
            spin.setMaximumWidth(180)
            return spin
        edit = QLineEdit(shown(field))
        edit.setToolTip(shown(field))
        edit.setCursorPosition(0)  # long notes read from their start
        return edit

    def params(self) -> dict[str, Any]:
        values: dict[tuple[str | int, ...], Any] = {}
        for field, editor in self.editors:
            if isinstance(editor, QCheckBox):
                values[field.path] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                values[field.path] = editor.value()
            elif isinstance(editor, QLineEdit):
                values[field.path] = parse(field, editor.text())
        return with_values(self._params, values)

    def editor(self, label: str, group: str = "") -> QWidget:
        """The field with this label (in this group): for tests and keyboard navigation."""
        return next(e for f, e in self.editors if f.label == label and (not group or f.group == group))


class RulesPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.versions: list[RuleVersionInfo] = []
        self.current: RuleVersionInfo | None = None
        self._loaded = False

        title, subtitle = self.heading(
            self.tr("Regulation data"),
            self.tr("The numbers of the regulations, version by version, with their legal basis; "
                    "each date the application computes names the version it used"), wrap=True)

        self.codes = QListWidget()
        self.codes.setMinimumWidth(240)
        self.codes.setWordWrap(True)  # rule titles are whole sentences
        self.codes.setSpacing(2)
        self.codes.currentItemChanged.connect(lambda *_a: self._show_code())
        self.model = ColumnTableModel([
            Column(self.tr("Document"), lambda v: display_name(v.version, v.legal_basis)),
            Column(self.tr("From"), lambda v: fmt_date(v.effective_from)),
            Column(self.tr("To"), lambda v: fmt_date(v.effective_to) or "—"),
            Column(self.tr("Legal basis"), lambda v: v.legal_basis),
            Column(self.tr("State"), self.state_text),
        ], parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self._filling = False  # rows being replaced: the version is shown once, after its row is chosen
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._filling or self._show_version())

        self.general_error = ErrorBox()
        self.errors = FieldErrors(self.general_error)
        self.version_edit = QLineEdit()
        self.from_edit = date_edit()
        self.open_ended_check = QCheckBox(self.tr("Still in force (no end date)"))
        self.to_edit = date_edit()
        self.open_ended_check.toggled.connect(lambda on: self.to_edit.setEnabled(not on))
        self.basis_edit = QLineEdit()
        self.params_form = ParamsForm()
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_current)
        self.add_button = QPushButton(self.tr("Add as a new version"))
        self.add_button.clicked.connect(self.add_version)
        self.rights_label = QLabel()
        self.rights_label.setObjectName("muted")
        self.rights_label.setWordWrap(True)

        editor = QWidget()
        form = QFormLayout(editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.general_error)
        form.addRow(self.tr("Version"), self.version_edit)
        form.addRow("", self.errors.add("version"))
        form.addRow(self.tr("In force from"), self.from_edit)
        form.addRow("", self.errors.add("effective_from"))
        until = QHBoxLayout()
        until.addWidget(self.to_edit)
        until.addWidget(self.open_ended_check)
        until.addStretch(1)
        form.addRow(self.tr("Until"), until)
        form.addRow("", self.errors.add("effective_to"))
        form.addRow(self.tr("Legal basis"), self.basis_edit)
        form.addRow("", self.errors.add("legal_basis"))
        form.addRow(self.tr("Parameters"), self.params_form)
        form.addRow("", self.errors.add("params"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.rights_label, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(editor, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.codes)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 760])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.splitter, 1)

    # --- loading --------------------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        keep = self.current_code()
        try:
            codes = rule_codes(self.ctx)
        except HrappError as exc:
            self.errors.show(exc)
            return
        self.codes.blockSignals(True)
        self.codes.clear()
        for code, title in codes:
            item = QListWidgetItem(title or code)
            item.setData(CodeRole, code)
            item.setToolTip(code)
            self.codes.addItem(item)
        self.codes.blockSignals(False)
        rows = [i for i in range(self.codes.count()) if self.codes.item(i).data(CodeRole) == keep]
        self.codes.setCurrentRow(rows[0] if rows else 0)
        admin = has_permission(self.ctx, ADMIN)
        self.save_button.setEnabled(admin)
        self.add_button.setEnabled(admin)
        self.rights_label.setText("" if admin else self.tr("Only an administrator can change regulation data."))

    def current_code(self) -> str | None:
        item = self.codes.currentItem()
        return str(item.data(CodeRole)) if item is not None else None

    def select_code(self, code: str) -> None:
        for i in range(self.codes.count()):
            if self.codes.item(i).data(CodeRole) == code:
                self.codes.setCurrentRow(i)
                return

    def _show_code(self, select_version: str | None = None) -> None:
        code = self.current_code()
        if code is None:
            return
        self.versions = list_rule_versions(self.ctx, code)
        self._filling = True
        self.model.set_rows(self.versions)
        fit_columns(self.table, key=(0, 1, 2), limit=320)  # the legal basis elided beyond, whole in its tooltip
        pick = next((r for r, i in enumerate(self.versions) if i.version == select_version), None)
        if pick is None:
            pick = next((r for r, i in enumerate(self.versions) if i.in_force), len(self.versions) - 1)
        self.table.clearSelection()
        self.table.selectRow(max(pick, 0))
        self._filling = False
        self._show_version()  # the same row number of another rule is still another version

    def state_text(self, info: RuleVersionInfo) -> str:
        state = []
        if info.in_force:
            state.append(self.tr("in force"))
        if info.edited:
            state.append(self.tr("edited"))
        return ", ".join(state)

    def _show_version(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.errors.clear()
        if not rows:
            self.current = None
            return
        info = self.versions[rows[0].row()]
        self.current = info
        self.version_edit.setText(info.version)
        self.from_edit.setDate(to_qdate(info.effective_from))
        self.open_ended_check.setChecked(info.effective_to is None)
        self.to_edit.setDate(to_qdate(info.effective_to or clock.today()))
        self.basis_edit.setText(info.legal_basis)
        self.params_form.set_params(info.params)

    # --- saving ---------------------------------------------------------------------------------------
    def _input(self) -> RuleVersionInput:
        assert self.current is not None
        return RuleVersionInput(
            code=self.current.code, version=self.version_edit.text().strip(),
            effective_from=from_qdate(self.from_edit.date()),
            effective_to=None if self.open_ended_check.isChecked() else from_qdate(self.to_edit.date()),
            legal_basis=self.basis_edit.text().strip(), params=self.params_form.params(),
            title=self.current.title,
        )

    def can_save(self) -> bool:
        return self.current is not None and has_permission(self.ctx, ADMIN)

    def save_current(self) -> None:
        """Save the edited version (Ctrl+S); a bundled version not stored yet is stored with the changes."""
        if self.current is None:
            return
        try:
            dto = self._input()
        except HrappError as exc:
            self.errors.clear()
            self.errors.show(exc)
            return
        self._save(lambda: update_rule_version(self.ctx, self.current.id, dto) if self.current.id is not None
                   else add_rule_version(self.ctx, dto))

    def add_version(self) -> None:
        if self.current is None:
            return
        self._save(lambda: add_rule_version(self.ctx, self._input()))  # a field that cannot be read: shown by _save

    def _save(self, action) -> None:
        self.errors.clear()
        try:
            saved = action()
        except HrappError as exc:
            self.errors.show(exc)
            return
        self._show_code(saved.version)
        name = display_name(saved.version, saved.legal_basis)
        self.status_message.emit(self.tr("Saved version %1 of the rule").replace("%1", name))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("splitter", self.splitter.saveState())
        if self.current_code():
            settings.setValue("code", self.current_code())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("splitter")
        if state is not None:
            self.splitter.restoreState(state)
