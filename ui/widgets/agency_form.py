"""The agency's fields with their labels and errors: shared by the first-start assistant and Quản trị → Cơ quan."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.services.agency import (
    Agency,
    get_agency,
    province_legal_basis,
    provinces,
    set_agency,
    suggested_parent,
    suggested_place,
)
from ui.widgets.forms import ErrorBox, FieldErrors


class AgencyForm(QWidget):
    """Labelled fields for services.agency.Agency; `save()` stores them and shows each refusal under its field."""

    saved = Signal(object)  # the stored Agency

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.general_error = ErrorBox()
        self.errors = FieldErrors(self.general_error, reserve=True)  # the fields never move

        self.province_combo = QComboBox()
        self.province_combo.addItem(self.tr("— choose the province or city —"), "")
        for p in provinces():
            self.province_combo.addItem(p.label, p.code)
        self.province_combo.setMaxVisibleItems(18)
        # the longest entry ('Thành phố Hồ Chí Minh (Bình Dương, …)') must not set the form's width
        self.province_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.province_combo.setMinimumContentsLength(24)
        self.province_combo.setToolTip(province_legal_basis())
        self.parent_edit = QLineEdit()
        self.parent_edit.setPlaceholderText(self.tr("e.g. UBND TỈNH GIA LAI"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. SỞ KHOA HỌC VÀ CÔNG NGHỆ"))
        self.short_edit = QLineEdit()
        self.short_edit.setPlaceholderText(self.tr("e.g. SKHCN"))
        self.short_edit.setMaxLength(20)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("e.g. Gia Lai"))
        self.head_title_edit = QLineEdit()
        self.head_title_edit.setPlaceholderText(self.tr("e.g. GIÁM ĐỐC"))
        self.head_name_edit = QLineEdit()
        self.deputy_title_edit = QLineEdit()
        self.deputy_title_edit.setPlaceholderText(self.tr("e.g. PHÓ GIÁM ĐỐC (leave empty if the head signs)"))
        self.deputy_name_edit = QLineEdit()
        self.preparer_edit = QLineEdit()

        self.fields: dict[str, QWidget] = {
            "province": self.province_combo, "parent_agency": self.parent_edit, "name": self.name_edit,
            "short": self.short_edit, "place": self.place_edit, "head_title": self.head_title_edit,
            "head_name": self.head_name_edit, "deputy_title": self.deputy_title_edit,
            "deputy_name": self.deputy_name_edit, "preparer_name": self.preparer_edit,
        }
        labels = {
            "province": self.tr("Province or city *"),
            "parent_agency": self.tr("Governing body *"),
            "name": self.tr("Agency name *"),
            "short": self.tr("Short name (number and unit-code prefix)"),
            "place": self.tr("Place name of the date line *"),
            "head_title": self.tr("Head's title (signs) *"),
            "head_name": self.tr("Head's name"),
            "deputy_title": self.tr("Deputy signing for the head (KT.): title"),
            "deputy_name": self.tr("Deputy signing for the head: name"),
            "preparer_name": self.tr("Prepared by (name)"),
        }
        form = QFormLayout()
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        sections = {"province": self.tr("The agency (top left of every document)"),
                    "head_title": self.tr("Signers (signature blocks)")}
        for key, widget in self.fields.items():
            if key in sections:
                title = QLabel(sections[key])
                title.setObjectName("sectionTitle")
                form.addRow(title)
            label = QLabel(labels[key])
            label.setBuddy(widget)
            form.addRow(label, widget)
            form.addRow("", self.errors.add(key))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.general_error)  # under the fields: a message there moves none of them

        self._suggested = ("", "")
        self.province_combo.currentIndexChanged.connect(self._province_chosen)
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, k=key: self._clear_error(k))

    # --- values ---------------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the agency stored in the database."""
        try:
            self.set_value(get_agency(self.ctx))
        except HrappError as exc:
            self.errors.show(exc)

    def set_value(self, agency: Agency) -> None:
        self.errors.clear()
        index = self.province_combo.findData(agency.province)
        self.province_combo.blockSignals(True)
        self.province_combo.setCurrentIndex(max(index, 0))
        self.province_combo.blockSignals(False)
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.setText(getattr(agency, key))
        self._suggested = (suggested_parent(agency.province), suggested_place(agency.province))

    def value(self) -> Agency:
        texts = {k: w.text() for k, w in self.fields.items() if isinstance(w, QLineEdit)}
        return Agency(province=self.province_combo.currentData() or "", **texts)

    def save(self) -> Agency | None:
        """Store the fields; None (and the errors under their fields) when refused."""
        self.errors.clear()
        try:
            agency = set_agency(self.ctx, self.value())
        except HrappError as exc:
            self.errors.show(exc)
            return None
        self.set_value(agency)
        self.saved.emit(agency)
        return agency

    # --- helpers --------------------------------------------------------------------------------------
    def _province_chosen(self, _index: int) -> None:
        """Fill the governing body and the place from the province unless the officer typed their own."""
        code = self.province_combo.currentData() or ""
        old_parent, old_place = self._suggested
        parent, place = suggested_parent(code), suggested_place(code)
        if self.parent_edit.text().strip() in ("", old_parent):
            self.parent_edit.setText(parent)
        if self.place_edit.text().strip() in ("", old_place):
            self.place_edit.setText(place)
        self._suggested = (parent, place)
        self._clear_error("province")

    def _clear_error(self, key: str) -> None:
        self.errors.set_field(key, [])
