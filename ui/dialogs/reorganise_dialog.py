"""Hợp nhất / sáp nhập: the units chosen pass, by one decision, into an existing unit or a new one; "Preview" shows
who and what moves and who is above the new unit's quota before the officer confirms."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.queries.org_history import UnitAt
from hrapp.services.reorganisation import (
    NewTarget,
    Reorganisation,
    ReorganisationList,
    preview_reorganisation,
    reorganise,
)
from ui.formatting import fmt_date
from ui.models.rows_table_model import RowsTableModel
from ui.widgets.columns import fit_columns
from ui.widgets.forms import FormDialog

UnitIdRole = Qt.ItemDataRole.UserRole + 1


class ReorganiseDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, units: list[UnitAt], unit: UnitAt | None, parent: QWidget | None = None):
        super().__init__(self.tr("Merge or amalgamate units"), self._save, parent, reserve=True)
        self.ctx = ctx
        self.source_list = QListWidget()
        self.source_list.setMinimumHeight(110)
        self.source_list.setMaximumHeight(160)
        for u in units:
            item = QListWidgetItem("    " * u.depth + u.name)
            item.setData(UnitIdRole, u.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if unit is not None and u.id == unit.id
                               else Qt.CheckState.Unchecked)
            self.source_list.addItem(item)
        self.add_field(self.tr("Units merged (they close)"), self.source_list, "source_ids")

        self.existing_radio = QRadioButton(self.tr("Into an existing unit"))
        self.new_radio = QRadioButton(self.tr("Into a new unit they form"))
        self.existing_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.existing_radio)
        group.addButton(self.new_radio)
        self.form.addRow(self.existing_radio)
        self.target_combo = QComboBox()
        for u in units:
            self.target_combo.addItem("    " * u.depth + u.name, u.id)
        self.add_field(self.tr("Receiving unit"), self.target_combo, "target_id")
        self.form.addRow(self.new_radio)
        self.code_edit = self.add_field(self.tr("Code of the new unit"), QLineEdit(), "code")
        self.name_edit = self.add_field(self.tr("Name of the new unit"), QLineEdit(), "name")
        self.kind_combo = QComboBox()
        for code, label in catalogs.labels("unit_kind").items():
            self.kind_combo.addItem(label, code)
        self.add_field(self.tr("Kind"), self.kind_combo, "kind")
        self.parent_combo = QComboBox()
        self.parent_combo.addItem(self.tr("(none: top of the tree)"), None)
        for u in units:
            self.parent_combo.addItem("    " * u.depth + u.name, u.id)
        if unit is not None and unit.parent_id is not None:
            self.parent_combo.setCurrentIndex(max(self.parent_combo.findData(unit.parent_id), 0))
        self.add_field(self.tr("Belongs to"), self.parent_combo, "parent_id")
        self.existing_radio.toggled.connect(self._target_kind)
        self._target_kind()

        note = QLabel(self.tr("From the effective date their staff (with a dated line in their work history), job "
                              "positions, sub-units and the headcount quotas of that year on pass to the receiving "
                              "unit; their leadership posts end the day before. Nothing is saved until you confirm."))
        note.setWordWrap(True)
        note.setObjectName("muted")
        self.content.addWidget(note)
        self.add_decision(self.tr("Decision to merge"))
        self.decision_form.effective_check.setChecked(True)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.show_preview)
        self.preview_summary = QLabel()
        self.preview_summary.setWordWrap(True)
        self.preview_view = QTableView()
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.preview_view.setMinimumHeight(180)
        self.preview_view.hide()
        self.content.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.content.addWidget(self.preview_summary)
        self.content.addWidget(self.preview_view)
        # its own button (a standard Save would take back its own name when the language changes)
        self.buttons.removeButton(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        self.confirm_button = self.buttons.addButton(self.tr("Confirm the merger"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.finish_layout()
        self.resize(max(self.width(), 720), self.height())

    # --- reading the fields ------------------------------------------------------------------------------
    def sources(self) -> tuple[int, ...]:
        return tuple(self.source_list.item(i).data(UnitIdRole) for i in range(self.source_list.count())
                     if self.source_list.item(i).checkState() == Qt.CheckState.Checked)

    def _target_kind(self) -> None:
        existing = self.existing_radio.isChecked()
        self.target_combo.setEnabled(existing)
        for w in (self.code_edit, self.name_edit, self.kind_combo, self.parent_combo):
            w.setEnabled(not existing)

    def request(self) -> Reorganisation:
        decision = self.decision_form.value()
        if self.existing_radio.isChecked():
            return Reorganisation(self.sources(), decision, target_id=self.target_combo.currentData())
        return Reorganisation(self.sources(), decision, new_unit=NewTarget(
            self.code_edit.text().strip(), self.name_edit.text().strip(), self.kind_combo.currentData(),
            self.parent_combo.currentData()))

    # --- actions -----------------------------------------------------------------------------------------
    def show_preview(self) -> None:
        self.errors.clear()
        try:
            listing = preview_reorganisation(self.ctx, self.request())
        except HrappError as exc:
            self.preview_view.hide()
            self.preview_summary.clear()
            self.errors.show(exc)
            return
        self._fill_preview(listing)

    def _fill_preview(self, listing: ReorganisationList) -> None:
        over = listing.over_quota
        self.preview_summary.setText(self.tr(
            "From %1: %2 people and %3 job positions pass to %4. Above the %5 quota: %6.")
            .replace("%1", fmt_date(listing.effective)).replace("%2", str(len(listing.people)))
            .replace("%3", str(len(listing.positions))).replace("%4", listing.target_name)
            .replace("%5", str(listing.quota_year))
            .replace("%6", ", ".join(f"{q.label} +{q.over}" for q in over) or self.tr("nobody")))
        rows = [[p.full_name, fmt_date(p.birth_date), p.from_unit, p.category_label, p.position, ""]
                for p in listing.people]
        for q in over:
            for p in q.people:
                rows.append([p.full_name, fmt_date(p.birth_date), p.from_unit, p.category_label, p.position,
                             self.tr("%1: quota %2, staff %3").replace("%1", q.label).replace("%2", str(q.quota))
                             .replace("%3", str(q.staff))])
        self.preview_view.setModel(RowsTableModel(
            [self.tr("Name"), self.tr("Born"), self.tr("From unit"), self.tr("Category"), self.tr("Job position"),
             self.tr("Above the quota")], rows, centered=(1,), parent=self))
        fit_columns(self.preview_view, key=(0, 1), limit=220)
        self.preview_view.show()
        if self.scroll is not None:  # the preview is under the fields: bring it into view once laid out
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.preview_view, 0, 0)
                              if self.scroll is not None else None)

    def _save(self):
        return reorganise(self.ctx, self.request())
