"""Input pieces shared by the recruitment dialogs: the app's date field (DateField, may stay empty), the fields
of a decision (số, ngày ký, người ký, cơ quan ban hành, trích yếu), an error box, and a form dialog base
that calls one service on OK and keeps the dialog open, with the messages, when the service refuses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hrapp.errors import HrappError, ValidationError
from hrapp.services.decisions import DecisionInput
from ui.widgets.forms import DateField

translate = QCoreApplication.translate


def parse_score(text: str) -> Decimal | None:
    """'65,5' or '65.5' -> Decimal('65.5'); '' -> None; anything else raises ValueError."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


class ErrorBox(QLabel):
    """The messages of a refused action, in red, above the buttons; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            lines = [m for _f, m in exc.errors]
        elif isinstance(exc, HrappError):
            lines = [exc.message]
        else:
            lines = [str(exc) or type(exc).__name__]
        self.setText("\n".join(f"• {line}" for line in dict.fromkeys(lines)))
        self.show()
        self._make_room()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._make_room()

    def _make_room(self) -> None:
        """Grow the dialog holding the box so that every line shows (a wrapped label's height is not part of
        the dialog's minimum size), within the screen."""
        window = self.window()
        if window is self or not isinstance(window, QDialog) or window.layout() is None:
            return
        window.layout().activate()
        need = window.layout().totalHeightForWidth(window.width()) if window.layout().hasHeightForWidth() else \
            window.sizeHint().height()
        screen = window.screen().availableGeometry().height() if window.screen() else need
        height = min(max(need, window.height()), screen - 40)
        if height > window.height():
            window.resize(window.width(), height)

    def clear_error(self) -> None:
        self.clear()
        self.hide()


class DecisionFields(QWidget):
    """The decision behind an action; number and signing date are required when `required`."""

    def __init__(self, kind: str = "quyet_dinh", required: bool = True, parent: QWidget | None = None,
                 summary: str = ""):
        super().__init__(parent)
        self.kind = kind
        self.required = required
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("RecruitmentFields", "e.g. 300/QĐ-SKHCN"))
        self.sign_date = DateField()
        self.signer = QLineEdit()
        self.issuer = QLineEdit()
        self.summary = QLineEdit(summary)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("RecruitmentFields", "Number") + (" *" if required else ""), self.number)
        form.addRow(translate("RecruitmentFields", "Signed on") + (" *" if required else ""),
                    self.sign_date)
        form.addRow(translate("RecruitmentFields", "Signed by"), self.signer)
        form.addRow(translate("RecruitmentFields", "Issued by"), self.issuer)
        form.addRow(translate("RecruitmentFields", "Summary"), self.summary)

    def is_empty(self) -> bool:
        return not self.number.text().strip() and not self.sign_date.text().strip()

    def value(self) -> DecisionInput | None:
        """The decision typed, or None when left empty (only allowed when not required)."""
        if self.is_empty() and not self.required:
            return None
        try:
            signed = self.sign_date.value()
        except ValueError:
            message = translate("RecruitmentFields", "The signing date is not a valid dd/mm/yyyy date.")
            raise ValidationError([("decision.sign_date", message)]) from None
        return DecisionInput(number=self.number.text().strip(), sign_date=signed,  # type: ignore[arg-type]
                             signer=self.signer.text().strip() or None, issuer=self.issuer.text().strip() or None,
                             summary=self.summary.text().strip() or None, kind=self.kind)

    def fill(self, number: str, signed: date, signer: str = "", issuer: str = "", summary: str = "") -> None:
        self.number.setText(number)
        self.sign_date.set_value(signed)
        self.signer.setText(signer)
        self.issuer.setText(issuer)
        if summary:
            self.summary.setText(summary)


def read_date(field: DateField, name: str) -> date | None:
    """The field's date, or a ValidationError naming the field."""
    try:
        return field.value()
    except ValueError as exc:  # the field's own words: unreadable, or a day that does not exist
        raise ValidationError([(name, str(exc))]) from None


class ActionDialog(QDialog):
    """A dialog whose OK runs `self.submit()` (one service call). On success it closes and `result_value`
    holds what the service returned; on refusal the messages show in the dialog, which stays open."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result_value: Any = None
        self.errors = ErrorBox()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("RecruitmentFields", "OK"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("RecruitmentFields", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)

    def submit(self) -> Any:
        """The dialog's one service call; each dialog defines it."""
        raise NotImplementedError(type(self).__name__)

    def accept(self) -> None:
        self.errors.clear_error()
        try:
            self.result_value = self.submit()
        except HrappError as exc:
            self.errors.show_error(exc)
            self._fit_errors()
            return
        super().accept()

    def _fit_errors(self) -> None:
        """Grow the dialog, if need be, so its own error list is seen whole without squeezing the fields
        (within the screen it is on)."""
        self.layout().activate()
        wanted = self.layout().totalMinimumSize().expandedTo(self.size())
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            wanted = wanted.boundedTo(screen.size() * 0.95)
        if wanted != self.size():
            self.resize(wanted)


def run_guarded(box: ErrorBox, action: Callable[[], Any]) -> Any:
    """Run a page action; a refusal is shown in `box` instead of a message box. Returns None on refusal."""
    box.clear_error()
    try:
        return action()
    except HrappError as exc:
        box.show_error(exc)
        return None
