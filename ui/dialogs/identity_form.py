"""The person editor's parts: the identity form (every Sơ yếu lý lịch field, declared in IDENTITY_FIELDS) and
the small readers of combo boxes, dates and numbers the
editor's forms share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from hrapp import catalogs
from hrapp.domain import validation as v
from hrapp.errors import ValidationError
from hrapp.services import persons as ps
from ui.widgets.forms import DateField, FieldErrors
from ui.widgets.place_edit import PlaceEdit

CONTEXT = "PersonEditor"


def _translated(text: str) -> str:
    """The Vietnamese of a text marked with QT_TRANSLATE_NOOP("PersonEditor", …) elsewhere."""
    return QCoreApplication.translate(CONTEXT, text)


# ============================================================================================== small widgets


def _code_combo(pairs: Sequence[tuple[str, str]], blank: str | None = None, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, None)
    for code, name in pairs:
        combo.addItem(name, code)
    combo.setEditable(editable)
    return combo


def _select(combo: QComboBox, code: str | None) -> None:
    i = combo.findData(code)
    if i < 0 and code:
        i = combo.findText(code)
    combo.setCurrentIndex(max(i, 0))


def _combo_value(combo: QComboBox) -> str | None:
    if combo.isEditable():
        text = combo.currentText().strip()
        i = combo.findText(text)
        return combo.itemData(i) if i >= 0 and combo.itemData(i) else (text or None)
    return combo.currentData()


def _dates(fields: dict[str, DateField]) -> tuple[dict[str, date | None], list[tuple[str, str]]]:
    """Every date field's value, and the (field, message) of those that cannot be read."""
    values: dict[str, date | None] = {}
    errors: list[tuple[str, str]] = []
    for key, field in fields.items():
        try:
            values[key] = field.value()
        except ValueError as exc:
            values[key] = None
            errors.append((key, str(exc)))
    return values, errors


def _read_dates(fields: dict[str, DateField]) -> dict[str, date | None]:
    """The date fields' values; a ValidationError naming each field that cannot be read."""
    values, errors = _dates(fields)
    if errors:
        raise ValidationError(errors)
    return values


def _int_or_none(text: str, field: str, errors: list[tuple[str, str]]) -> int | None:
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    errors.append((field, QCoreApplication.translate("PersonEditor", "Write a whole number.")))
    return None


def _decimal_or_none(text: str, field: str, errors: list[tuple[str, str]]) -> Decimal | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        errors.append((field, QCoreApplication.translate("PersonEditor", "Write a number, for example 2,67.")))
        return None


# ============================================================================================== identity

_TEXT, _MULTI, _INT, _DATEK, _PLACE = "text", "multi", "int", "date", "place"
IDENTITY_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("full_name", QT_TRANSLATE_NOOP("PersonEditor", "Full name"), _TEXT),
    ("other_names", QT_TRANSLATE_NOOP("PersonEditor", "Other names"), _TEXT),
    ("gender", QT_TRANSLATE_NOOP("PersonEditor", "Sex"), "gender"),
    ("birth_date", QT_TRANSLATE_NOOP("PersonEditor", "Date of birth"), "birth"),
    ("birth_place", QT_TRANSLATE_NOOP("PersonEditor", "Place of birth"), _PLACE),
    ("home_town", QT_TRANSLATE_NOOP("PersonEditor", "Home town"), _PLACE),
    ("ethnicity", QT_TRANSLATE_NOOP("PersonEditor", "Ethnicity"), "ethnicity"),
    ("religion", QT_TRANSLATE_NOOP("PersonEditor", "Religion"), "religion"),
    ("family_background", QT_TRANSLATE_NOOP("PersonEditor", "Family background"), _TEXT),
    ("id_number", QT_TRANSLATE_NOOP("PersonEditor", "Citizen ID number (CCCD)"), _TEXT),
    ("personal_id", QT_TRANSLATE_NOOP("PersonEditor", "Personal identification number"), _TEXT),
    ("id_issue_date", QT_TRANSLATE_NOOP("PersonEditor", "ID issued on"), _DATEK),
    ("id_issue_place", QT_TRANSLATE_NOOP("PersonEditor", "ID issued by"), _TEXT),
    ("permanent_address", QT_TRANSLATE_NOOP("PersonEditor", "Permanent residence"), _PLACE),
    ("current_address", QT_TRANSLATE_NOOP("PersonEditor", "Current address"), _PLACE),
    ("phone", QT_TRANSLATE_NOOP("PersonEditor", "Phone"), _TEXT),
    ("email", QT_TRANSLATE_NOOP("PersonEditor", "Email"), _TEXT),
    ("staff_code", QT_TRANSLATE_NOOP("PersonEditor", "Staff number"), _TEXT),
    ("managing_agency", QT_TRANSLATE_NOOP("PersonEditor", "Managing agency"), _TEXT),
    ("social_insurance_no", QT_TRANSLATE_NOOP("PersonEditor", "Social insurance book"), _TEXT),
    ("health_insurance_no", QT_TRANSLATE_NOOP("PersonEditor", "Health insurance card"), _TEXT),
    ("general_education", QT_TRANSLATE_NOOP("PersonEditor", "General education"), _TEXT),
    ("occupation_at_recruitment", QT_TRANSLATE_NOOP("PersonEditor", "Occupation when recruited"), _TEXT),
    ("main_duties", QT_TRANSLATE_NOOP("PersonEditor", "Main duties"), _TEXT),
    ("strengths", QT_TRANSLATE_NOOP("PersonEditor", "Strengths"), _TEXT),
    ("longest_work", QT_TRANSLATE_NOOP("PersonEditor", "Longest-held work"), _TEXT),
    ("highest_title", QT_TRANSLATE_NOOP("PersonEditor", "Highest honorary title"), _TEXT),
    ("party_join_date", QT_TRANSLATE_NOOP("PersonEditor", "Joined the Party on"), _DATEK),
    ("party_official_date", QT_TRANSLATE_NOOP("PersonEditor", "Full Party member on"), _DATEK),
    ("party_post", QT_TRANSLATE_NOOP("PersonEditor", "Party post"), _TEXT),
    ("party_concurrent_post", QT_TRANSLATE_NOOP("PersonEditor", "Concurrent Party post"), _TEXT),
    ("union_join_info", QT_TRANSLATE_NOOP("PersonEditor", "Socio-political organisations"), _TEXT),
    ("army_join_date", QT_TRANSLATE_NOOP("PersonEditor", "Enlisted on"), _DATEK),
    ("army_leave_date", QT_TRANSLATE_NOOP("PersonEditor", "Discharged on"), _DATEK),
    ("army_rank", QT_TRANSLATE_NOOP("PersonEditor", "Highest military rank"), _TEXT),
    ("war_invalid_grade", QT_TRANSLATE_NOOP("PersonEditor", "War invalid grade"), _TEXT),
    ("policy_family", QT_TRANSLATE_NOOP("PersonEditor", "Family under social policy"), _TEXT),
    ("health", QT_TRANSLATE_NOOP("PersonEditor", "Health"), _TEXT),
    ("height_cm", QT_TRANSLATE_NOOP("PersonEditor", "Height (cm)"), _INT),
    ("weight_kg", QT_TRANSLATE_NOOP("PersonEditor", "Weight (kg)"), _INT),
    ("blood_type", QT_TRANSLATE_NOOP("PersonEditor", "Blood type"), _TEXT),
    ("history_notes", QT_TRANSLATE_NOOP("PersonEditor", "Personal history (item 29)"), _MULTI),
)
PRECISIONS = (("day", QT_TRANSLATE_NOOP("PersonEditor", "full date")),
              ("month", QT_TRANSLATE_NOOP("PersonEditor", "month and year")),
              ("year", QT_TRANSLATE_NOOP("PersonEditor", "year only")))


IDENTITY_KEYS = frozenset(k for k, _l, _k in IDENTITY_FIELDS)
EMPLOYMENT_KEYS = frozenset(("category", "unit_id", "start_date", "recruitment_date", "recruitment_agency",
                             "rank_code", "salary_step", "coefficient", "salary_date"))
# a change of the key can settle the messages of these fields too
DEPENDENT_FIELDS: dict[str, tuple[str, ...]] = {
    "category": ("rank_code", "salary_step", "coefficient", "recruitment_date"),
    "rank_code": ("salary_step", "coefficient", "salary_date"),
    "salary_step": ("coefficient",),
    "salary_date": ("coefficient",),
    "start_date": ("salary_date",),
    "birth_date": ("recruitment_date", "start_date", "salary_date", "id_issue_date", "party_join_date",
                   "army_join_date"),
    "party_join_date": ("party_official_date",),
    "party_official_date": ("party_join_date",),
    "army_join_date": ("army_leave_date",),
    "id_number": ("personal_id",),
    "personal_id": ("social_insurance_no", "health_insurance_no"),
    "social_insurance_no": ("health_insurance_no",),
}


class IdentityForm(QWidget):
    """Every identity field in two columns, each with its error line underneath. `edited(key, final)` tells
    the editor which field changed: final when the field was left or a choice made, not while typing."""

    changed = Signal()
    edited = Signal(str, bool)

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = errors
        self.widgets: dict[str, QWidget] = {}
        self.touched: set[str] = set()
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        half = (len(IDENTITY_FIELDS) + 1) // 2
        for n, (key, label, kind) in enumerate(IDENTITY_FIELDS):
            widget = self._widget(key, kind)
            self.widgets[key] = widget
            col = 0 if n < half else 2
            row = 2 * (n if n < half else n - half)
            caption = QLabel(_translated(label))
            caption.setBuddy(self.birth_edit if key == "birth_date" else widget)
            grid.addWidget(caption, row, col)
            grid.addWidget(widget, row, col + 1)
            watched = self.birth_edit if key == "birth_date" else widget
            grid.addWidget(errors.add(key, watched), row + 1, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def _widget(self, key: str, kind: str) -> QWidget:
        if kind == "gender":
            combo = _code_combo([("M", self.tr("Male")), ("F", self.tr("Female"))], blank="")
            combo.currentIndexChanged.connect(lambda _i, k=key: self._edited(k, True))
            return combo
        if kind in ("ethnicity", "religion"):
            combo = _code_combo(list(catalogs.labels(kind).items()), blank="", editable=True)
            combo.currentTextChanged.connect(lambda _t, k=key: self._edited(k, True))
            return combo
        if kind == "birth":
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.birth_edit = DateField()
            self.precision_combo = _code_combo([(c, _translated(t)) for c, t in PRECISIONS])
            self.birth_edit.editingFinished.connect(lambda: self._edited("birth_date", True))
            self.birth_edit.textEdited.connect(lambda _t: self._edited("birth_date", False))
            self.precision_combo.currentIndexChanged.connect(lambda _i: self._edited("birth_date", True))
            row.addWidget(self.birth_edit)
            row.addWidget(self.precision_combo)
            row.addStretch(1)
            return box
        if kind == _DATEK:
            field = DateField()
            field.editingFinished.connect(lambda k=key: self._edited(k, True))
            field.textEdited.connect(lambda _t, k=key: self._edited(k, False))
            return field
        if kind == _PLACE:
            place = PlaceEdit()
            place.editingFinished.connect(lambda k=key: self._edited(k, True))
            place.textEdited.connect(lambda _t, k=key: self._edited(k, False))
            return place
        if kind == _MULTI:
            edit = QPlainTextEdit()
            edit.setFixedHeight(60)
            edit.textChanged.connect(lambda k=key: self._edited(k, False))
            return edit
        edit = QLineEdit()
        if kind == _INT:
            edit.setMaximumWidth(80)
        edit.editingFinished.connect(lambda k=key: self._edited(k, True))
        edit.textEdited.connect(lambda _t, k=key: self._edited(k, False))
        return edit

    def _edited(self, key: str, final: bool) -> None:
        self.touched.add(key)
        self.changed.emit()
        self.edited.emit(key, final)

    # values ------------------------------------------------------------------------------------------
    def set_identity(self, i: ps.IdentityInput) -> None:
        for key, _label, kind in IDENTITY_FIELDS:
            value = getattr(i, key)
            widget = self.widgets[key]
            widget.blockSignals(True)
            if kind == "birth":
                self.birth_edit.blockSignals(True)
                self.birth_edit.set_value(value)
                _select(self.precision_combo, i.birth_precision)
                self.birth_edit.blockSignals(False)
            elif isinstance(widget, DateField):
                widget.set_value(value)
            elif isinstance(widget, QComboBox):
                code = v.catalog_code(kind, value) if kind in ("ethnicity", "religion") else value
                _select(widget, code)
                if widget.isEditable() and value and widget.findData(code) < 0:
                    widget.setEditText(value)
            elif isinstance(widget, PlaceEdit):
                widget.set_place(value, getattr(i, f"{key}_code"))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
                widget.setCursorPosition(0)  # long addresses show their beginning
            widget.blockSignals(False)
        self.touched.clear()

    def identity(self) -> ps.IdentityInput:
        """The values typed; fields that cannot be read raise ValidationError (nothing is sent)."""
        identity, errors = self.read()
        if errors:
            raise ValidationError(errors)
        return identity

    def read(self) -> tuple[ps.IdentityInput, list[tuple[str, str]]]:
        """The values typed (a field that cannot be read counts as empty) and the fields that could not."""
        values: dict[str, Any] = {}
        errors: list[tuple[str, str]] = []
        for key, _label, kind in IDENTITY_FIELDS:
            widget = self.widgets[key]
            if kind == "birth":
                try:
                    values[key] = self.birth_edit.value()
                except ValueError as exc:
                    values[key] = None
                    errors.append((key, str(exc)))
                values["birth_precision"] = self.precision_combo.currentData() or "day"
            elif isinstance(widget, DateField):
                try:
                    values[key] = widget.value()
                except ValueError as exc:
                    values[key] = None
                    errors.append((key, str(exc)))
            elif isinstance(widget, QComboBox):
                values[key] = _combo_value(widget)
            elif isinstance(widget, PlaceEdit):
                values[key], values[f"{key}_code"] = widget.place()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText().strip() or None
            elif isinstance(widget, QLineEdit) and kind == _INT:
                values[key] = _int_or_none(widget.text(), key, errors)
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text().strip() or None
        values["full_name"] = values["full_name"] or ""
        values["gender"] = values["gender"] or ""
        return ps.IdentityInput(**values), errors
