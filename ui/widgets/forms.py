"""Form building blocks: the app's one date field, a dialog whose fields show the service's error next to them,
and the decision fields (số, ngày ký, người ký, cơ quan, ngày hiệu lực, trích yếu) that every process row asks for."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.decisions import DecisionInput
from hrapp.errors import HrappError, ValidationError
from hrapp.queries.lookups import unit_id_of_code
from ui.messages import error_text
from ui.style import ERROR_STYLE


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def unit_id_for_code(ctx: ServiceContext, code: str | None) -> int | None:
    """The id of the unit a UnitCombo selected (None for "all units" or an unknown code)."""
    return unit_id_of_code(ctx, code)


_SEPARATED = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$")


class DateTextError(ValueError):
    """A typed date that cannot be read, or names a day that does not exist; str() is the officer's message."""


translate = QCoreApplication.translate


def parse_date(text: str, today: date | None = None) -> date | None:
    """The date typed as the officer types it: "01012027", "010127", "1/1/27", "1.1.2027", "01-01-2027",
    "01/01/2027" (day first). Empty text is None. A two-digit year is the one of 2000–2099 no more than
    20 years after `today`, else 19xx (so "1/1/85" is 1985 and "1/1/27" is 2027)."""
    text = (text or "").strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (6, 8):  # ddmmyy or ddmmyyyy
        day, month, year = text[:2], text[2:4], text[4:]
    else:
        m = _SEPARATED.match(text)
        if not m:
            raise DateTextError(translate("DateField", "Write the date as dd/mm/yyyy, for example 05/03/1985."))
        day, month, year = m.groups()
    y = int(year)
    if len(year) == 2:
        limit = (today or clock.today()).year + 20
        y = 2000 + y if 2000 + y <= limit else 1900 + y
    try:
        return date(y, int(month), int(day))
    except ValueError:
        shown = f"{int(day):02d}/{int(month):02d}/{y:04d}"
        raise DateTextError(translate("DateField", "%1 is not a real date.").replace("%1", shown)) from None


class DateField(QLineEdit):
    """The app's one date field: typed digits are read as a day-first date and shown as dd/mm/yyyy when the
    field is left; an impossible date (31/02/2026) is refused with a message (`problem`), which a form shows
    under the field. `required=False` (the default) allows an empty field.

    It also answers the calls of a QDateEdit (`date()`, `setDate()`, `dateChanged`), so filters and dialogs
    written for one keep working: `date()` is the last valid date while the text is being corrected."""

    dateChanged = Signal(QDate)  # noqa: N815 - the QDateEdit signal name
    problem = Signal(str)  # the message of the text typed, "" once it reads as a date

    def __init__(self, day: date | None = None, parent: QWidget | None = None, *, required: bool = False):
        super().__init__(parent)
        self.required = required
        self._last: date | None = None
        self._problem = ""
        self._hint = ""
        self.setPlaceholderText(translate("DateField", "dd/mm/yyyy"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.setMaximumWidth(140)
        self.setToolTip(translate("DateField", "Type the day, month and year: 05031985, 5/3/85 or 05/03/1985"))
        self.set_value(day)
        self.editingFinished.connect(self._finished)
        self.textEdited.connect(self._edited)

    # --- the value ---------------------------------------------------------------------------------------
    def set_value(self, day: date | None) -> None:
        self.setText(f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else "")
        self._set_problem("")
        self._remember(day)

    def value(self) -> date | None:
        """The date typed (None when empty and allowed); DateTextError (a ValueError) when it cannot be read."""
        day = parse_date(self.text())
        if day is None and self.required:
            raise DateTextError(translate("DateField", "Enter a date (dd/mm/yyyy)."))
        return day

    def error(self) -> str:
        """What is wrong with the text typed ("" when it reads as a date, or is empty and allowed)."""
        try:
            self.value()
        except ValueError as exc:
            return str(exc)
        return ""

    def setToolTip(self, text: str) -> None:
        """The field's own tooltip, shown again once a message about the text is gone."""
        self._hint = text
        if not self._problem:
            super().setToolTip(text)

    # --- QDateEdit's calls ---------------------------------------------------------------------------------
    def date(self) -> QDate:
        """The date as a QDate: the one typed, else the last valid one (an invalid QDate when there is none)."""
        try:
            day = self.value()
        except ValueError:
            day = self._last
        return to_qdate(day) if day is not None else QDate()

    def setDate(self, value: QDate) -> None:
        self.set_value(from_qdate(value) if value.isValid() else None)

    # --- typing --------------------------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        """While typing, a message already shown goes as soon as the text reads as a date (none is added)."""
        if self._problem and not self.error():
            self._set_problem("")

    def _finished(self) -> None:
        message = self.error()
        self._set_problem(message)
        if message:
            return
        day = self.value()
        if day is not None:
            shown = f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
            if self.text() != shown:
                self.setText(shown)
        self._remember(day)

    def _remember(self, day: date | None) -> None:
        if day != self._last:
            self._last = day
            self.dateChanged.emit(to_qdate(day) if day is not None else QDate())

    def _set_problem(self, message: str) -> None:
        if message != self._problem:
            self._problem = message
            self.setProperty("invalid", bool(message))
            super().setToolTip(message or self._hint)  # said where the field stands alone (a page's "as of")
            self.style().unpolish(self)
            self.style().polish(self)
            self.problem.emit(message)


def required_date(day: date | None = None) -> DateField:
    """A date field that must hold a date, filled with `day` (today by default)."""
    return DateField(day or clock.today(), required=True)


date_edit = required_date  # the name the pages' "as of" fields were written with


def calendar_date_edit(day: date | None = None) -> QDateEdit:
    """A QDateEdit showing dd/MM/yyyy: only for the calculator's birth date, which switches its display to
    MM/yyyy or yyyy with the precision chosen; every other date is a DateField."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setDate(to_qdate(day or clock.today()))
    return edit


class ErrorLine(QLabel):
    """One line under a field for its message; its height is kept whether or not a message shows, so the
    form does not move as errors come and go. Text wider than the line is elided; the tooltip has it all."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self._full = ""
        self.setFixedHeight(self.fontMetrics().height() + 2)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens the form

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def text(self) -> str:
        return self._full

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        one_line = " · ".join(line for line in self._full.splitlines() if line)
        width = max(self.width(), 40)
        super().setText(self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, width))


class ErrorBox(QLabel):
    """The app's one place for the messages of a refused action that belong to no field: in red, above the
    buttons (or at the head of a page's panel), hidden while there is nothing to say. FieldErrors puts the
    messages of no field of its form here; a dialog without per-field lines (`show_error`) all of them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            lines = [m for _f, m in exc.errors]
        elif isinstance(exc, HrappError):
            lines = [exc.message]
        else:
            lines = [error_text(exc)]
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


class FieldErrors:
    """Error labels under the fields of a form, keyed by the services' field names ('code',
    'decision.effective_date'); an error for an unknown field goes to the general label (an ErrorBox).

    With `reserve`, each field's line keeps its height while empty (ErrorLine), so nothing moves when
    messages come and go. `on_change` runs after any label changed (a form marks its tabs with it)."""

    def __init__(self, general: QLabel | None = None, reserve: bool = False):
        self.general: QLabel = general if general is not None else ErrorBox()
        self.reserve = reserve
        self.labels: dict[str, QLabel] = {}
        self.on_change: Callable[[], None] | None = None

    def add(self, field: str, widget: QWidget | None = None) -> QLabel:
        """The label for `field`'s messages; a DateField given as `widget` puts its own message there."""
        label: QLabel = ErrorLine() if self.reserve else QLabel()
        if not self.reserve:
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
        label.setObjectName(f"error:{field}")
        self.labels[field] = label
        if isinstance(widget, DateField):
            self.watch(field, widget)
        return label

    def watch(self, field: str, date_field: DateField) -> None:
        """The date field's message (an unreadable or impossible date) shows under it at once."""
        date_field.problem.connect(lambda message, f=field: self.set_field(f, [message] if message else []))

    def _put(self, label: QLabel, text: str) -> None:
        label.setText(text)
        if not self.reserve or label is self.general:
            label.setVisible(bool(text))

    def clear(self) -> None:
        for label in [self.general, *self.labels.values()]:
            self._put(label, "")
        self._changed()

    def set_field(self, field: str, messages: list[str]) -> None:
        """Replace the messages under one field (none: its line is emptied)."""
        label = self.labels.get(field)
        if label is None:
            return
        text = "\n".join(dict.fromkeys(messages))
        if label.text() != text:
            self._put(label, text)
            self._changed()

    def show(self, exc: BaseException) -> None:
        """Place each message next to its field (several for a ValidationError)."""
        for label in [self.general, *self.labels.values()]:
            self._put(label, "")
        pairs: list[tuple[str | None, str]]
        if isinstance(exc, ValidationError):
            pairs = list(exc.errors)
        elif isinstance(exc, HrappError):
            pairs = [(exc.field, exc.message)]
        else:
            pairs = [(None, error_text(exc))]
        for field, message in pairs:
            label = self.labels.get(field or "") or self._prefix_match(field) or self.general
            if message not in label.text().splitlines():
                self._put(label, f"{label.text()}\n{message}".strip())
        self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

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

    def fields_with_errors(self) -> list[str]:
        return [f for f, label in self.labels.items() if label.text()]


class DecisionForm(QGroupBox):
    """The app's one decision widget: the decision behind a change (số, ngày ký, người ký, cơ quan ban hành,
    trích yếu), in a box titled `title`. Its fields report errors as 'decision.number', 'decision.sign_date' …
    under them when a FieldErrors is given, else through the dialog's own error list.

    `required=False`: it may be left empty (`value()` is then None). `effective`: a row for a decision taking
    effect on another day than it is signed. `signed_today`: the signing date starts at today, else empty.
    `kind` is the kind of document recorded; `summary` the summary it starts with; `starred` marks the fields
    a required decision needs with "*" (as the dialogs that star every required field do)."""

    def __init__(self, errors: FieldErrors | None = None, title: str | None = None, parent: QWidget | None = None,
                 *, kind: str = "quyet_dinh", required: bool = True, effective: bool = True,
                 signed_today: bool = True, summary: str = "", one_line_summary: bool = False,
                 starred: bool = False):
        super().__init__(self.tr("Decision") if title is None else title, parent)
        self.kind, self.required = kind, required
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("e.g. 76/QĐ-SKHCN"))
        self.sign_date_edit = required_date() if signed_today else DateField()
        self.signer_edit = QLineEdit()
        self.issuer_edit = QLineEdit()
        self.effective_check = QCheckBox(self.tr("Takes effect on another day"))
        self.effective_edit = required_date()
        self.effective_edit.setEnabled(False)
        self.effective_check.toggled.connect(self.effective_edit.setEnabled)
        self.summary_edit: QLineEdit | QPlainTextEdit
        if one_line_summary:
            self.summary_edit = QLineEdit(summary)
        else:
            self.summary_edit = QPlainTextEdit(summary)
            self.summary_edit.setFixedHeight(48)
        star = " *" if starred and required else ""
        form = QFormLayout(self)
        form.addRow(self.tr("Number") + star, self.number_edit)
        if errors is not None:
            form.addRow("", errors.add("decision.number"))
        form.addRow(self.tr("Signed on") + star, self.sign_date_edit)
        if errors is not None:
            form.addRow("", errors.add("decision.sign_date", self.sign_date_edit))
        form.addRow(self.tr("Signed by"), self.signer_edit)
        form.addRow(self.tr("Issued by"), self.issuer_edit)
        if effective:
            form.addRow(self.effective_check, self.effective_edit)
            if errors is not None:
                form.addRow("", errors.add("decision.effective_date", self.effective_edit))
        form.addRow(self.tr("Summary"), self.summary_edit)

    def fill(self, number: str, signed: date, signer: str = "", issuer: str = "", summary: str = "", *,
             effective: date | None = None) -> None:
        """Show a decision already recorded (a summary left empty keeps the one the form started with)."""
        self.number_edit.setText(number)
        self.sign_date_edit.set_value(signed)
        self.effective_check.setChecked(effective is not None)
        if effective is not None:
            self.effective_edit.set_value(effective)
        self.signer_edit.setText(signer)
        self.issuer_edit.setText(issuer)
        if summary:
            self._set_summary(summary)

    def _set_summary(self, text: str) -> None:
        if isinstance(self.summary_edit, QLineEdit):
            self.summary_edit.setText(text)
        else:
            self.summary_edit.setPlainText(text)

    def _summary(self) -> str:
        edit = self.summary_edit
        return (edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()).strip()

    def is_empty(self) -> bool:
        return not self.number_edit.text().strip() and not self.sign_date_edit.text().strip()

    def value(self) -> DecisionInput | None:
        """The decision typed; None when left empty and not required. A date that cannot be read is a
        ValidationError naming its field."""
        if self.is_empty() and not self.required:
            return None
        errors: list[tuple[str, str]] = []
        signed = field_date(self.sign_date_edit, "decision.sign_date", errors)
        effective = (field_date(self.effective_edit, "decision.effective_date", errors)
                     if self.effective_check.isChecked() else None)
        if errors:
            raise ValidationError(errors)
        return DecisionInput(
            number=self.number_edit.text().strip(),
            sign_date=signed,  # type: ignore[arg-type]  # None goes on to the domain's check naming the field
            signer=self.signer_edit.text().strip() or None, issuer=self.issuer_edit.text().strip() or None,
            effective_date=effective, summary=self._summary() or None, kind=self.kind,
        )


def field_date(field: DateField, name: str, errors: list[tuple[str, str]]) -> date | None:
    """The field's date; a field that cannot be read adds (name, message) to `errors` and counts as empty."""
    try:
        return field.value()
    except ValueError as exc:
        errors.append((name, str(exc)))
        return None


def read_date(field: DateField, name: str) -> date | None:
    """The field's date, or a ValidationError naming the field."""
    try:
        return field.value()
    except ValueError as exc:  # the field's own words: unreadable, or a day that does not exist
        raise ValidationError([(name, str(exc))]) from None


def read_dates(fields: dict[str, DateField]) -> dict[str, date | None]:
    """The date fields' values by field name; a ValidationError naming each field that cannot be read."""
    errors: list[tuple[str, str]] = []
    values = {name: field_date(field, name, errors) for name, field in fields.items()}
    if errors:
        raise ValidationError(errors)
    return values


class FormDialog(QDialog):
    """A dialog that calls one service on OK: on success it closes with the result, on a refused input it
    stays open with each message under its field (nothing was saved).

    With `reserve`, every field's error line keeps its height while empty (FieldErrors' ErrorLine), so the
    fields do not move as messages come and go; the fields then scroll inside the dialog, whose height stays
    within a 1366×768 screen however many fields it has (the buttons stay in view)."""

    MAX_HEIGHT = 660  # a 768-pixel screen less the taskbar and the title bar

    def __init__(self, title: str, action: Callable[[], Any], parent: QWidget | None = None, *,
                 reserve: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.action = action  # reads the fields, calls the service, returns its result
        self.result_value: Any = None
        self.general_error = ErrorBox()
        self.errors = FieldErrors(self.general_error, reserve=reserve)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.scroll: QScrollArea | None = None
        if reserve:
            self.fields_widget = QWidget()
            self.content = QVBoxLayout(self.fields_widget)
            self.content.setContentsMargins(0, 0, 0, 0)
            self.scroll = QScrollArea()
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.scroll.setWidget(self.fields_widget)
            self.body.addWidget(self.scroll, 1)
            self.body.addWidget(self.general_error)  # under the fields: a message there moves none of them
        else:
            self.body.addWidget(self.general_error)
            self.content = self.body
        self.content.addLayout(self.form)

    def add_field(self, label: str, widget: QWidget, field: str) -> QWidget:
        self.form.addRow(label, widget)
        self.form.addRow("", self.errors.add(field, widget))
        return widget

    def add_decision(self, title: str | None = None) -> DecisionForm:
        self.decision_form = DecisionForm(self.errors, title, self)
        self.content.addWidget(self.decision_form)
        return self.decision_form

    def finish_layout(self, stretch: bool = True) -> None:
        """Buttons at the bottom; `stretch` keeps the fields at the top when the dialog is taller."""
        if stretch:
            self.content.addStretch(1)
        self.body.addWidget(self.buttons)
        if self.scroll is not None:
            # as wide as the fields with room for the scroll bar (never clipped on the right), as tall as they
            # need (no scroll bar when they fit), at most what the screen allows
            content = self.fields_widget.sizeHint()
            self.scroll.setMinimumWidth(content.width() + self.scroll.verticalScrollBar().sizeHint().width())
            margins = self.body.contentsMargins()
            need = (content.height() + self.buttons.sizeHint().height() + margins.top() + margins.bottom()
                    + 2 * self.body.spacing())
            screen = self.screen().availableGeometry().height() - 100 if self.screen() is not None else 0
            self.resize(max(self.width(), self.sizeHint().width()), min(need, max(self.MAX_HEIGHT, screen)))

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


def run_guarded(box: ErrorBox, action: Callable[[], Any]) -> Any:
    """Run a page action; a refusal is shown in `box` instead of a message box. Returns None on refusal."""
    box.clear_error()
    try:
        return action()
    except HrappError as exc:
        box.show_error(exc)
        return None
