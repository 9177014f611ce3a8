"""One generic history tab for the person editor, built from a declaration (`History`): the columns of its
read-only table (a ColumnTableModel view), and its actions (`Action`): the button, the form's fields (`Field`)
and the service call that adds, completes or closes a row. The declarations are in ui/dialogs/person_histories.py.

Texts in the declarations are English, marked with QT_TRANSLATE_NOOP in the "PersonEditor" context, and
translated here when the tab and its forms are built."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.errors import HrappError, ValidationError
from hrapp.queries.person_profile import PersonProfile
from ui.dialogs.identity_form import CONTEXT, _code_combo, _dates, _decimal_or_none, _int_or_none, _select
from ui.messages import show_error
from ui.widgets.columns import Column, ColumnTableModel, fit_columns
from ui.widgets.forms import DateField, FormDialog, unit_id_for_code
from ui.widgets.unit_combo import UnitCombo


def tr(text: str) -> str:
    """The Vietnamese of a declared text (marked with QT_TRANSLATE_NOOP("PersonEditor", …))."""
    return QCoreApplication.translate(CONTEXT, text) if text else ""


TEXT, DATE, INT, DECIMAL, CODE, SPIN, CHECK, UNIT, FILE = (
    "text", "date", "int", "decimal", "code", "spin", "check", "unit", "file")


class Host(Protocol):
    """What a history tab needs from the editor it sits in."""

    ctx: ServiceContext
    profile: PersonProfile | None

    @property
    def saved_id(self) -> int: ...

    def open_form(self, dialog: FormDialog) -> FormDialog: ...

    def record_changed(self) -> None: ...


Values = dict[str, Any]
"""A form's values by field key (dates as dates, numbers as numbers, combo boxes as their code, the decision
under "decision")."""


@dataclass(frozen=True)
class Field:
    """One field of an action's form: `key` names its value and the field the service's errors name."""

    key: str
    label: str  # English; for a check box its own text
    kind: str = TEXT
    choices: Callable[[], Sequence[tuple[str, str]]] | None = None  # CODE: (code, label) pairs
    blank: bool = False  # CODE: an empty first choice
    spin: tuple[int, int] = (1, 12)  # SPIN: its range
    initial: Callable[[Host], Any] | None = None  # the value shown when the form opens
    narrow: bool = False  # a short number (a year)
    required: str = ""  # English message when left empty (checked once everything typed could be read)


@dataclass(frozen=True)
class Action:
    """A button of a history tab. With `fields` it opens a form whose Save calls `call(ctx, id, values)`; the id
    is the person's, or with `on_row` the selected row's. Without fields `call` runs at once (after `confirm`,
    a (title, question) pair, is answered Yes). The record is read again after a call that `writes`."""

    name: str
    button: str
    call: Callable[[ServiceContext, int, Values], Any]
    title: str = ""
    fields: tuple[Field, ...] = ()
    decision: bool = False
    on_row: bool = False
    confirm: tuple[str, str] | None = None
    writes: bool = True
    wire: Callable[[Host, Mapping[str, QWidget]], None] | None = None  # links between fields
    enabled: Callable[[PersonProfile], bool] | None = None  # whether the record allows it
    # (field, message) pairs to be confirmed before saving: shown under their fields, a second Save saves
    warnings: Callable[[ServiceContext, int, Values], Sequence[tuple[str, str]]] | None = None


@dataclass(frozen=True)
class History:
    """One history of the record: its rows in the profile, their columns (English titles) and its actions."""

    name: str
    rows: Callable[[PersonProfile], Sequence[Any]]
    columns: tuple[Column, ...]
    actions: tuple[Action, ...]


def unit_combo(ctx: ServiceContext) -> UnitCombo:
    """The units open today; the first entry asks for a choice (it is not "all units" here)."""
    combo = UnitCombo()
    combo.load(ctx)
    combo.setItemText(0, QCoreApplication.translate("PersonEditor", "Choose a unit…"))
    return combo


def _file_row(edit: QLineEdit) -> QWidget:
    """The file's path with a button that browses for it."""
    row = QWidget()
    browse = QPushButton(QCoreApplication.translate("PersonEditor", "Browse…"))
    browse.clicked.connect(lambda: edit.setText(QFileDialog.getOpenFileName(
        row.window(), QCoreApplication.translate("PersonEditor", "Choose the file"), str(Path.home()))[0]
        or edit.text()))
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(edit, 1)
    line.addWidget(browse)
    return row


def make_widget(field: Field, ctx: ServiceContext) -> QWidget:
    """The input of one field (for FILE the line edit; `_file_row` puts it beside its button)."""
    widget: QWidget
    if field.kind == DATE:
        widget = DateField()
    elif field.kind == CODE:
        widget = _code_combo(list(field.choices() if field.choices else ()), blank="" if field.blank else None)
    elif field.kind == SPIN:
        widget = QSpinBox()
        widget.setRange(*field.spin)
    elif field.kind == CHECK:
        widget = QCheckBox(tr(field.label))
    elif field.kind == UNIT:
        widget = unit_combo(ctx)
    else:
        widget = QLineEdit()
    if field.narrow:
        widget.setMaximumWidth(80)
    return widget


def set_value(widget: QWidget, value: Any) -> None:
    if value is None:
        return
    if isinstance(widget, UnitCombo):
        widget.select_code(value)
    elif isinstance(widget, QComboBox):
        _select(widget, value)
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, DateField):
        widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


def read_values(fields: Sequence[Field], widgets: Mapping[str, QWidget], ctx: ServiceContext) -> Values:
    """The values of the form; a ValidationError naming every field that cannot be read (then, once all could
    be, every required field left empty)."""
    dates, errors = _dates({f.key: w for f in fields if isinstance(w := widgets[f.key], DateField)})
    values: Values = dict(dates)
    for f in fields:
        widget = widgets[f.key]
        if isinstance(widget, DateField):
            continue
        if isinstance(widget, UnitCombo):
            values[f.key] = unit_id_for_code(ctx, widget.current_code())
        elif isinstance(widget, QComboBox):
            values[f.key] = widget.currentData()
        elif isinstance(widget, QSpinBox):
            values[f.key] = widget.value()
        elif isinstance(widget, QCheckBox):
            values[f.key] = widget.isChecked()
        elif isinstance(widget, QLineEdit) and f.kind == INT:
            values[f.key] = _int_or_none(widget.text(), f.key, errors)
        elif isinstance(widget, QLineEdit) and f.kind == DECIMAL:
            values[f.key] = _decimal_or_none(widget.text(), f.key, errors)
        elif isinstance(widget, QLineEdit):
            values[f.key] = widget.text()
    if not errors:
        errors = [(f.key, tr(f.required)) for f in fields if f.required and values.get(f.key) is None]
    if errors:
        raise ValidationError(errors)
    return values


def optional(text: str) -> str | None:
    """A typed text without its surrounding spaces, None when empty."""
    return text.strip() or None


class HistoryTab(QWidget):
    """A read-only table of one history's rows with the buttons of its actions (`History`)."""

    def __init__(self, history: History, host: Host, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = history
        self.host = host
        self.model = ColumnTableModel([replace(c, title=tr(c.title)) for c in history.columns], parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.action_buttons: dict[str, QPushButton] = {}
        for action in history.actions:
            button = QPushButton(tr(action.button))
            button.clicked.connect(lambda _c=False, a=action: self.run(a.name))
            self.buttons.addWidget(button)
            self.action_buttons[action.name] = button
        self._enable()

    def show_rows(self, profile: PersonProfile) -> None:
        rows = self.history.rows(profile)
        self.model.set_rows(rows, [r.id for r in rows])
        fit_columns(self.table)
        self._enable(profile)

    def _enable(self, profile: PersonProfile | None = None) -> None:
        profile = profile or self.host.profile
        chosen = self.selected_id() is not None
        for action in self.history.actions:
            allowed = profile is None or action.enabled is None or action.enabled(profile)
            self.action_buttons[action.name].setEnabled(allowed and (chosen or not action.on_row))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.keys[rows[0].row()] if rows else None

    def action(self, name: str) -> Action:
        return next(a for a in self.history.actions if a.name == name)

    def run(self, name: str, **initial: Any) -> Any:
        """Carry out an action: open its form (returned; `initial` fills fields by key), or call it at once
        (its result returned; None when there is no row selected for it or it was refused)."""
        action = self.action(name)
        if action.on_row:
            target = self.selected_id()
            if target is None:
                return None
        else:
            target = self.host.saved_id
        if action.fields:
            return self._form(action, target, initial)
        if action.confirm is not None:
            title, question = action.confirm
            if QMessageBox.question(self.window(), tr(title), tr(question)) != QMessageBox.StandardButton.Yes:
                return None
        try:
            result = action.call(self.host.ctx, target, {})
        except HrappError as exc:
            show_error(self.window(), exc)
            return None
        if action.writes:
            self.host.record_changed()
        return result

    def _form(self, action: Action, target: int, initial: Mapping[str, Any]) -> FormDialog:
        ctx = self.host.ctx
        dialog = FormDialog(tr(action.title), lambda: None, self.window(), reserve=True)
        dialog.setMinimumWidth(520)
        widgets: dict[str, QWidget] = {}
        for f in action.fields:
            widget = widgets[f.key] = make_widget(f, ctx)
            set_value(widget, initial.get(f.key, f.initial(self.host) if f.initial else None))
        if action.wire is not None:
            action.wire(self.host, widgets)
        for f in action.fields:
            widget = widgets[f.key]
            shown = _file_row(widget) if f.kind == FILE and isinstance(widget, QLineEdit) else widget
            dialog.add_field("" if f.kind == CHECK else tr(f.label), shown, f.key)
        decision = dialog.add_decision() if action.decision else None
        dialog.finish_layout()

        confirmed: list[tuple[str, str]] = []

        def submit() -> Any:
            values = read_values(action.fields, widgets, ctx)
            if decision is not None:
                values["decision"] = decision.value()
            if action.warnings is not None:
                found = [w for w in action.warnings(ctx, target, values) if w not in confirmed]
                if found:  # said once: the same warnings again do not stop a second Save
                    confirmed.extend(found)
                    # the field's line is one line: it points to the whole sentence, shown under the fields
                    marks = [(key, messages.text("warn_see_below")) for key, _m in found]
                    said = [("", message) for _k, message in found] + [("", messages.text("warn_save_again"))]
                    raise ValidationError(marks + said)
            return action.call(ctx, target, values)

        dialog.action = submit
        return self.host.open_form(dialog)
