"""Rank promotion (nâng ngạch, thăng hạng): the officer picks the rank promoted to and the day of the list, sees who
holds the level below with the reason for each condition, prints the list for the council, and records the
promotion of an eligible person with its decision (the salary on the new rank is placed by the rule)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.salary import fmt_coefficient
from hrapp.errors import HrappError
from hrapp.queries.promotion import PromotionList, PromotionRow, promotion_candidates, promotion_targets
from hrapp.services.promotion import PromotionInput, record_promotion
from ui.widgets.columns import Cell, Column, ColumnTableModel, by_name, fit_columns, record_view
from ui.widgets.documents import open_preview, temporary_pdf, write_document
from ui.widgets.forms import DateField, DecisionForm, ErrorBox, FieldErrors

OK_COLOUR, NOT_COLOUR = "#1b5e20", "#b3261e"


class PromotionDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: PromotionList | None = None
        self.preview = None
        self.task = None
        self.setWindowTitle(self.tr("Rank promotion"))
        self.target_combo = QComboBox()
        for code, name in promotion_targets(ctx):
            self.target_combo.addItem(f"{name} ({code})", code)
        self.target_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo.setMinimumContentsLength(28)
        self.on_edit = DateField(clock.today(), required=True)
        self.on_edit.setToolTip(self.tr("The closing day of the applications: years held and ratings are counted "
                                        "to this day"))
        self.list_button = QPushButton(self.tr("Make the list"))
        self.list_button.setObjectName("primary")
        self.print_button = QPushButton(self.tr("Print the list…"))
        self.rule_label = QLabel()
        self.rule_label.setObjectName("muted")
        self.rule_label.setWordWrap(True)
        self.model = ColumnTableModel([
            Column(self.tr("Full name"), lambda r: r.full_name, sort_key=by_name(lambda r: r.full_name)),
            Column(self.tr("Unit"), lambda r: r.unit_name),
            Column(self.tr("Rank held"), lambda r: f"{r.rank_name} ({r.rank_code})"),
            Column(self.tr("Step"), lambda r: str(r.step or ""), Qt.AlignmentFlag.AlignCenter),
            Column(self.tr("Coefficient"), lambda r: fmt_coefficient(r.coefficient) if r.coefficient is not None
                   else "", Qt.AlignmentFlag.AlignCenter),
            Column(self.tr("Time in the level"), lambda r: r.held_text, Qt.AlignmentFlag.AlignCenter),
            Column(self.tr("Eligible"), self._eligible_cell, Qt.AlignmentFlag.AlignCenter),
            Column(self.tr("Conditions not met"), lambda r: r.reasons),
        ])
        self.view = record_view(self.model)
        self.view.setMinimumHeight(220)
        self.count_label = QLabel()
        self.checks_label = QLabel()
        self.checks_label.setWordWrap(True)
        self.checks_label.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {NOT_COLOUR};")
        self.errors = FieldErrors(self.general_error)
        self.decision_form = DecisionForm(self.errors, self.tr("Decision appointing to the rank"),
                                          summary="Bổ nhiệm vào ngạch", one_line_summary=True, effective=False)
        self.record_button = QPushButton(self.tr("Record the promotion"))
        self.record_button.setEnabled(False)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_box = ErrorBox()

        pick = QFormLayout()
        pick.addRow(self.tr("Promoted to"), self.target_combo)
        pick.addRow(self.tr("Day of the list"), self.on_edit)
        pick.addRow("", self.errors.add("as_of", self.on_edit))
        top = QHBoxLayout()
        top.addLayout(pick, 1)
        top.addWidget(self.list_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        record = QHBoxLayout()
        record.addWidget(self.decision_form, 1)
        side = QVBoxLayout()
        side.addWidget(self.checks_label)
        side.addStretch(1)
        side.addWidget(self.record_button)
        record.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(record)
        layout.addWidget(self.result_label)
        layout.addWidget(self.general_error)
        layout.addWidget(self.error_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 680)

        self.list_button.clicked.connect(self.make_list)
        self.print_button.clicked.connect(self.print_list)
        self.record_button.clicked.connect(self.record)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._row_changed())

    # --- the list ------------------------------------------------------------------------------------
    def _eligible_cell(self, row: PromotionRow) -> Cell:
        if row.eligible:
            return Cell(self.tr("Yes"), color=OK_COLOUR, bold=True)
        return Cell(self.tr("No"), color=NOT_COLOUR)

    def _day(self) -> date | None:
        self.errors.clear()
        try:
            day = self.on_edit.value()
        except ValueError as exc:
            self.errors.set_field("as_of", [str(exc)])
            return None
        if day is None:
            self.errors.set_field("as_of", [self.tr("Enter the day of the list.")])
        return day

    def make_list(self) -> None:
        day = self._day()
        if day is None:
            return
        self.error_box.clear_error()
        try:
            self.data = promotion_candidates(self.ctx, self.target_combo.currentData(), day)
        except HrappError as exc:
            self.error_box.show_error(exc)
            return
        self.model.set_rows(self.data.rows, [r.person_id for r in self.data.rows])
        fit_columns(self.view, key=(0, 7))
        self.rule_label.setText(self.tr("Rule: %1 (%2)").replace("%1", self.data.rule_name)
                                .replace("%2", self.data.legal_basis))
        self.count_label.setText(self.tr("%1 eligible, %2 not eligible").replace("%1", str(len(self.data.eligible)))
                                 .replace("%2", str(len(self.data.ineligible))))
        self._row_changed()

    def current(self) -> PromotionRow | None:
        index = self.view.currentIndex()
        if self.data is None or not index.isValid():
            return None
        row = self.model.row(index.row())
        return row if isinstance(row, PromotionRow) else None

    def _row_changed(self) -> None:
        row = self.current()
        self.record_button.setEnabled(row is not None and row.eligible)
        if row is None:
            self.checks_label.setText("")
            return
        lines = [f"{'✓' if c.ok else '✗'} {c.text}" for c in row.checks]
        self.checks_label.setText(f"{row.full_name}\n" + "\n".join(lines))

    # --- printing --------------------------------------------------------------------------------------
    def print_list(self) -> None:
        if self.data is None:
            self.make_list()
        if self.data is None:
            return
        params = {"target_rank": self.data.target_rank, "as_of": self.data.on}
        self.task = write_document(self, self.ctx, "promotion", params, temporary_pdf("nang_ngach_"),
                                   self._preview, data=self.data)

    def _preview(self, path: str) -> None:
        self.preview = open_preview(path, self, "nang_ngach.pdf")

    # --- recording -------------------------------------------------------------------------------------
    def record(self) -> None:
        row = self.current()
        if row is None or self.data is None:
            return
        self.errors.clear()
        self.error_box.clear_error()
        try:
            result = record_promotion(self.ctx, row.person_id, PromotionInput(
                self.data.target_rank, self.decision_form.value(), self.data.on))
        except HrappError as exc:
            self.errors.show(exc)
            return
        self.result_label.setText(self.tr("Recorded: %1 — %2").replace("%1", result.full_name)
                                  .replace("%2", result.detail()))
        self.make_list()
