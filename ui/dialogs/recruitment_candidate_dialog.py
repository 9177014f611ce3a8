"""The registration form (Phiếu đăng ký dự tuyển): identity, qualifications, positions in order of preference,
priority groups and exemptions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.domain.validation import levels_of
from hrapp.errors import ValidationError
from hrapp.queries import recruitment as rq
from hrapp.queries.recruitment import CandidateInfo, QualificationItem, RoundInfo
from hrapp.services import recruitment as rec
from ui.dialogs.recruitment_fields import ActionDialog
from ui.formatting import fmt_decimal
from ui.widgets.forms import DateField, read_date


def _level_combo(kind: str, empty: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, None)
    # lowest level first (Bậc 1 … Bậc 6 of the six-level language framework), whatever the catalogue's order
    for code in sorted(levels_of(kind), key=lambda c: catalogs.extra("qualification_level", c).get("rank", 0)):
        combo.addItem(catalogs.label("qualification_level", code), code)
    return combo


def _catalog_combo(kind: str, empty: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, None)
    for it in catalogs.items(kind):
        combo.addItem(it["name"], it["code"])
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


class CandidateDialog(ActionDialog):
    def __init__(self, ctx: ServiceContext, info: RoundInfo, candidate: CandidateInfo | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.candidate = candidate
        self.setWindowTitle(self.tr("Registration form") if candidate is None else
                            self.tr("Registration form: %1").replace("%1", candidate.full_name))
        self.setMinimumSize(700, 560)
        self.resize(780, 620)
        none = self.tr("(none)")

        self.full_name = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItem(self.tr("— choose —"), None)  # no default: the officer reads it off the form
        self.gender.addItem(self.tr("Male"), "M")
        self.gender.addItem(self.tr("Female"), "F")
        self.birth_date = DateField()
        self.birth_place = QLineEdit()
        self.home_town = QLineEdit()
        self.ethnicity = _catalog_combo("ethnicity", none)
        _select(self.ethnicity, "01")
        self.religion = _catalog_combo("religion", none)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(16)
        self.id_issue_date = DateField()
        self.id_issue_place = QLineEdit()
        self.permanent_address = QLineEdit()
        self.current_address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()

        self.education_level = _level_combo("chuyen_mon", none)
        self.major = QLineEdit()
        self.institution = QLineEdit()
        self.graduation_year = QSpinBox()
        self.graduation_year.setRange(0, 2100)
        self.graduation_year.setSpecialValueText(" ")
        self.degree_grade = QLineEdit()
        self.llct = _level_combo("llct", none)
        self.it = _level_combo("tin_hoc", none)
        self.language = QLineEdit()
        self.language.setPlaceholderText(self.tr("e.g. English"))
        self.language_level = _level_combo("ngoai_ngu", none)
        self.experience = QSpinBox()
        self.experience.setRange(0, 60)

        self.preference1 = QComboBox()
        self.preference2 = QComboBox()
        self.preference2.addItem(self.tr("(no second preference)"), None)
        for t in info.targets:
            label = f"{t.position_name} – {t.unit_name}"
            self.preference1.addItem(label, t.id)
            self.preference2.addItem(label, t.id)
        self.priority = QListWidget()
        for code, label, points in rq.priority_choices(ctx, info.id):
            item = QListWidgetItem(f"{label} ({fmt_decimal(points, 1)})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.priority.addItem(item)
        self.exemptions = QListWidget()
        for part in info.round1_parts:
            item = QListWidgetItem(part.label)
            item.setData(Qt.ItemDataRole.UserRole, part.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.exemptions.addItem(item)
        self.exemptions.setMaximumHeight(70)
        self.exemption_note = QLineEdit()
        self.applied_on = DateField()
        self.note = QLineEdit()

        identity = QWidget()
        f = QFormLayout(identity)
        f.addRow(self.tr("Full name *"), self.full_name)
        f.addRow(self.tr("Sex *"), self.gender)
        f.addRow(self.tr("Date of birth *"), self.birth_date)
        f.addRow(self.tr("Place of birth"), self.birth_place)
        f.addRow(self.tr("Home town"), self.home_town)
        f.addRow(self.tr("Ethnicity"), self.ethnicity)
        f.addRow(self.tr("Religion"), self.religion)
        f.addRow(self.tr("Citizen ID (CCCD) *"), self.id_number)
        f.addRow(self.tr("Issued on"), self.id_issue_date)
        f.addRow(self.tr("Issued by"), self.id_issue_place)
        f.addRow(self.tr("Permanent address"), self.permanent_address)
        f.addRow(self.tr("Current address"), self.current_address)
        f.addRow(self.tr("Phone"), self.phone)
        f.addRow(self.tr("Email"), self.email)

        studies = QWidget()
        f = QFormLayout(studies)
        f.addRow(self.tr("Highest degree"), self.education_level)
        f.addRow(self.tr("Major"), self.major)
        f.addRow(self.tr("Institution"), self.institution)
        f.addRow(self.tr("Year of graduation"), self.graduation_year)
        f.addRow(self.tr("Classification"), self.degree_grade)
        f.addRow(self.tr("Political theory"), self.llct)
        f.addRow(self.tr("Computer skills"), self.it)
        f.addRow(self.tr("Foreign language"), self.language)
        f.addRow(self.tr("Language level"), self.language_level)
        f.addRow(self.tr("Years of experience"), self.experience)

        application = QWidget()
        f = QFormLayout(application)
        f.addRow(self.tr("Position applied for *"), self.preference1)
        f.addRow(self.tr("Second preference"), self.preference2)
        f.addRow(self.tr("Priority groups"), self.priority)
        if info.round1_parts:
            f.addRow(self.tr("Exempt from"), self.exemptions)
            f.addRow(self.tr("Grounds for the exemption"), self.exemption_note)
        f.addRow(self.tr("Form submitted on"), self.applied_on)
        f.addRow(self.tr("Note"), self.note)

        self.tabs = QTabWidget()
        self.tabs.addTab(identity, self.tr("Identity"))
        self.tabs.addTab(studies, self.tr("Qualifications"))
        self.tabs.addTab(application, self.tr("Application"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        self.finish_layout(layout)
        if candidate is not None:
            self._load(candidate)

    def _load(self, c: CandidateInfo) -> None:
        self.full_name.setText(c.full_name)
        _select(self.gender, c.gender)
        self.birth_date.set_value(c.birth_date)
        self.birth_place.setText(c.birth_place or "")
        self.home_town.setText(c.home_town or "")
        _select(self.ethnicity, c.ethnicity)
        _select(self.religion, c.religion)
        self.id_number.setText(c.id_number)
        self.id_issue_date.set_value(c.id_issue_date)
        self.id_issue_place.setText(c.id_issue_place or "")
        self.permanent_address.setText(c.permanent_address or "")
        self.current_address.setText(c.current_address or "")
        self.phone.setText(c.phone or "")
        self.email.setText(c.email or "")
        _select(self.education_level, c.education_level)
        self.major.setText(c.major or "")
        self.institution.setText(c.institution or "")
        self.graduation_year.setValue(c.graduation_year or 0)
        self.degree_grade.setText(c.degree_grade or "")
        for q in c.qualifications:
            if q.kind == "llct":
                _select(self.llct, q.level_code)
            elif q.kind == "tin_hoc":
                _select(self.it, q.level_code)
            elif q.kind == "ngoai_ngu":
                _select(self.language_level, q.level_code)
                self.language.setText(q.language or "")
        self.experience.setValue(c.experience_years or 0)
        prefs = [p.target_id for p in c.preferences]
        if prefs:
            _select(self.preference1, prefs[0])
        if len(prefs) > 1:
            _select(self.preference2, prefs[1])
        self.set_checked(self.priority, c.priority_groups)
        self.set_checked(self.exemptions, c.exemptions)
        self.exemption_note.setText(c.exemption_note or "")
        self.applied_on.set_value(c.applied_on)
        self.note.setText(c.note or "")

    @staticmethod
    def set_checked(widget: QListWidget, codes: tuple[str, ...] | list[str]) -> None:
        for i in range(widget.count()):
            item = widget.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    @staticmethod
    def checked(widget: QListWidget) -> tuple[str, ...]:
        return tuple(widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                     if widget.item(i).checkState() == Qt.CheckState.Checked)

    def dto(self) -> rec.CandidateInput:
        errors: list[tuple[str, str]] = []
        dates = {}
        for name, field in (("birth_date", self.birth_date), ("id_issue_date", self.id_issue_date),
                            ("applied_on", self.applied_on)):
            try:
                dates[name] = read_date(field, name)
            except ValidationError as exc:
                errors += exc.errors
        if errors:
            raise ValidationError(errors)
        quals = []
        if self.llct.currentData():
            quals.append(QualificationItem("llct", self.llct.currentData()))
        if self.it.currentData():
            quals.append(QualificationItem("tin_hoc", self.it.currentData()))
        if self.language_level.currentData():
            quals.append(QualificationItem("ngoai_ngu", self.language_level.currentData(),
                                           language=self.language.text().strip() or None))
        prefs = [self.preference1.currentData()]
        if self.preference2.currentData() is not None:
            prefs.append(self.preference2.currentData())
        return rec.CandidateInput(
            full_name=self.full_name.text(), gender=self.gender.currentData(), id_number=self.id_number.text(),
            preferences=tuple(p for p in prefs if p is not None), birth_place=self.birth_place.text(),
            home_town=self.home_town.text(), ethnicity=self.ethnicity.currentData(),
            religion=self.religion.currentData(), id_issue_place=self.id_issue_place.text(),
            permanent_address=self.permanent_address.text(), current_address=self.current_address.text(),
            phone=self.phone.text(), email=self.email.text(), education_level=self.education_level.currentData(),
            major=self.major.text(), institution=self.institution.text(),
            graduation_year=self.graduation_year.value() or None, degree_grade=self.degree_grade.text(),
            qualifications=tuple(quals), experience_years=self.experience.value() or None,
            priority_groups=self.checked(self.priority), exemptions=self.checked(self.exemptions),
            exemption_note=self.exemption_note.text(), note=self.note.text(), **dates,
        )

    def submit(self) -> CandidateInfo:
        dto = self.dto()
        if self.candidate is None:
            return rec.add_candidate(self.ctx, self.info.id, dto)
        return rec.update_candidate(self.ctx, self.candidate.id, dto)
