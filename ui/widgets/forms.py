"""Form building blocks: a dialog whose fields show the service's error next to them, and the decision
fields (số, ngày ký, người ký, cơ quan, ngày hiệu lực, trích yếu) that every process row asks for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.errors import HrappError, ValidationError
from hrapp.services.context import ServiceContext
from hrapp.services.decisions import DecisionInput
from ui.messages import error_text

ERROR_STYLE = "color: #b3261e;"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def unit_id_for_code(ctx: ServiceContext, code: str | None) -> int | None:
    """The id of the unit a UnitCombo selected (None for "all units" or an unknown code)."""
    from sqlalchemy import select

    from hrapp.db.models import OrgUnit

    if not code:
        return None
    with ctx.read() as s:
        return s.scalar(select(OrgUnit.id).where(OrgUnit.code == code))


def date_edit(day: date | None = None) -> QDateEdit:
    """A calendar date field showing dd/MM/yyyy."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(QDate(1990, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setDate(to_qdate(day or clock.today()))
    return edit


class FieldErrors:
    """Error labels under the fields of a form, keyed by the services' field names ('code',
    'decision.effective_date'); an error for an unknown field goes to the general label."""

    def __init__(self, general: QLabel):
        self.general = general
        self.labels: dict[str, QLabel] = {}

    def add(self, field: str) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        label.setObjectName(f"error:{field}")
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in [self.general, *self.labels.values()]:
            label.clear()
            label.hide()

    def show(self, exc: BaseException) -> None:
        """Place each message next to its field (several for a ValidationError)."""
        self.clear()
        pairs: list[tuple[str | None, str]]
        if isinstance(exc, ValidationError):
            pairs = list(exc.errors)
        elif isinstance(exc, HrappError):
            pairs = [(exc.field, exc.message)]
        else:
            pairs = [(None, error_text(exc))]
        for field, message in pairs:
            label = self.labels.get(field or "") or self._prefix_match(field) or self.general
            label.setText(f"{label.text()}\n{message}".strip())
            label.show()

    def _prefix_match(self, field: str | None) -> QLabel | None:
        """'entries.1.number' falls back to 'entries' when no finer label exists."""
        while field and "." in field:
            field = field.rsplit(".", 1)[0]
            if field in self.labels:
                return self.labels[field]
        return None

    def text(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None else ""


class DecisionForm(QGroupBox):
    """The decision behind a change. Its fields report errors as 'decision.number', 'decision.sign_date' …"""

    def __init__(self, errors: FieldErrors, title: str | None = None, parent: QWidget | None = None):
        super().__init__(title or self.tr("Decision"), parent)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("e.g. 76/QĐ-SKHCN"))
        self.sign_date_edit = date_edit()
        self.signer_edit = QLineEdit()
        self.issuer_edit = QLineEdit()
        self.effective_check = QCheckBox(self.tr("Takes effect on another day"))
        self.effective_edit = date_edit()
        self.effective_edit.setEnabled(False)
        self.effective_check.toggled.connect(self.effective_edit.setEnabled)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setFixedHeight(48)
        form = QFormLayout(self)
        form.addRow(self.tr("Number"), self.number_edit)
        form.addRow("", errors.add("decision.number"))
        form.addRow(self.tr("Signed on"), self.sign_date_edit)
        form.addRow("", errors.add("decision.sign_date"))
        form.addRow(self.tr("Signed by"), self.signer_edit)
        form.addRow(self.tr("Issued by"), self.issuer_edit)
        form.addRow(self.effective_check, self.effective_edit)
        form.addRow("", errors.add("decision.effective_date"))
        form.addRow(self.tr("Summary"), self.summary_edit)

    def set_values(self, number: str, signed: date, effective: date | None = None, signer: str = "",
                   issuer: str = "", summary: str = "") -> None:
        self.number_edit.setText(number)
        self.sign_date_edit.setDate(to_qdate(signed))
        self.effective_check.setChecked(effective is not None)
        if effective is not None:
            self.effective_edit.setDate(to_qdate(effective))
        self.signer_edit.setText(signer)
        self.issuer_edit.setText(issuer)
        self.summary_edit.setPlainText(summary)

    def value(self) -> DecisionInput:
        return DecisionInput(
            number=self.number_edit.text().strip(), sign_date=from_qdate(self.sign_date_edit.date()),
            signer=self.signer_edit.text().strip() or None, issuer=self.issuer_edit.text().strip() or None,
            effective_date=from_qdate(self.effective_edit.date()) if self.effective_check.isChecked() else None,
            summary=self.summary_edit.toPlainText().strip() or None,
        )


class FormDialog(QDialog):
    """A dialog that calls one service on OK: on success it closes with the result, on a refused input it
    stays open with each message under its field (nothing was saved)."""

    def __init__(self, title: str, action: Callable[[], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.action = action  # reads the fields, calls the service, returns its result
        self.result_value: Any = None
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.errors = FieldErrors(self.general_error)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.general_error)
        self.body.addLayout(self.form)

    def add_field(self, label: str, widget: QWidget, field: str) -> QWidget:
        self.form.addRow(label, widget)
        self.form.addRow("", self.errors.add(field))
        return widget

    def add_decision(self, title: str | None = None) -> DecisionForm:
        self.decision_form = DecisionForm(self.errors, title, self)
        self.body.addWidget(self.decision_form)
        return self.decision_form

    def finish_layout(self, stretch: bool = True) -> None:
        """Buttons at the bottom; `stretch` keeps the fields at the top when the dialog is taller."""
        if stretch:
            self.body.addStretch(1)
        self.body.addWidget(self.buttons)

    def submit(self) -> None:
        self.errors.clear()
        try:
            self.result_value = self.action()
        except HrappError as exc:
            self.errors.show(exc)
            return
        self.accept()


def run_form(dialog: FormDialog, on_saved: Callable[[Any], None]) -> None:
    """Open the dialog window-modal; `on_saved(result)` runs after a successful save."""
    dialog.accepted.connect(lambda: on_saved(dialog.result_value))
    dialog.open()
