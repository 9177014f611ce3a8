"""Input pieces shared by the recruitment dialogs: the decision as they ask for it (ui.widgets.forms'
DecisionForm) and a form dialog base that calls one service on OK and keeps the dialog open, with the messages
in the app's error box, when the service refuses."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from hrapp.errors import HrappError
from ui.widgets.forms import DecisionForm, ErrorBox

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


def decision_box(title: str, kind: str = "quyet_dinh", *, required: bool = True, summary: str = "") -> DecisionForm:
    """The decision as the recruitment dialogs ask for it (the app's one decision widget): the signing date
    starts empty, no "takes effect on another day" row, a one-line summary, the required fields starred."""
    return DecisionForm(None, title, kind=kind, required=required, effective=False, signed_today=False,
                        summary=summary, one_line_summary=True, starred=True)


class ActionDialog(QDialog):
    """A dialog whose OK runs `self.submit()` (one service call). On success it closes and `result_value`
    holds what the service returned; on refusal the messages show in the dialog, which stays open.
    Each dialog defines `submit`, its one service call."""

    submit: Callable[[], Any]

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
