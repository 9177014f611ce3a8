"""The profile editor: identity (every Sơ yếu lý lịch field and the photo), employment, qualifications, rank and
salary, posts, work history, family, awards and discipline, evaluations and attached documents.

Identity is edited in place and saved with Ctrl+S (refused, with each message under its field, while an error
stands; a record changed by someone else since it was opened is not overwritten). History rows are never
edited: each is added through a small dialog with its date and, where the law requires one, its decision.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QColor, QDesktopServices, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs, clock
from hrapp.catalogs import SALARY_REASONS, STUDY_MODES
from hrapp.context import ServiceContext
from hrapp.domain import validation as v
from hrapp.errors import HrappError, ValidationError
from hrapp.messages import say
from hrapp.queries.lookups import unit_code_of_id
from hrapp.queries.person_profile import PersonProfile, load_profile
from hrapp.services import persons as ps
from ui.dialogs.identity_form import (
    DEPENDENT_FIELDS,
    EMPLOYMENT_KEYS,
    IDENTITY_KEYS,
    HistoryTab,
    IdentityForm,
    _code_combo,
    _dates,
    _decimal_or_none,
    _decision_text,
    _int_or_none,
    _read_dates,
    _select,
)
from ui.formatting import fmt_date, fmt_decimal
from ui.messages import show_error
from ui.widgets.forms import DateField, ErrorBox, FieldErrors, FormDialog, unit_id_for_code
from ui.widgets.unit_combo import UnitCombo

# ============================================================================================== the editor


class PersonEditor(QDialog):
    """Add (`person_id=None`) or edit one person. `saved(person_id)` is emitted after every change."""

    saved = Signal(int)

    def __init__(self, ctx: ServiceContext, person_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.profile: PersonProfile | None = None
        self.dirty = False
        self.sub_dialog: QDialog | None = None
        self.warning_box: QMessageBox | None = None  # open while a save asks to confirm what is unlikely
        self._salary_date_follows = False  # the paid-from day was filled from the joining day, not typed
        self.setMinimumSize(900, 600)
        self.resize(1100, 660)

        self.general_error = ErrorBox()
        self.errors = FieldErrors(self.general_error, reserve=True)
        self.errors.on_change = self._mark_tabs
        self.title_label = QLabel()
        self.title_label.setObjectName("personName")
        self.status_label = QLabel()
        self.saved_label = QLabel()  # the confirmation of the last save, seen where the officer is looking
        self.saved_label.setObjectName("savedNotice")
        self.saved_label.setStyleSheet("color: #1e6b34; font-weight: 600;")
        self.status_label.setObjectName("muted")

        self.tabs = QTabWidget()
        self.identity_form = IdentityForm(self.errors)
        self.identity_form.changed.connect(self._mark_dirty)
        self.identity_form.edited.connect(self._field_edited)
        self.tabs.addTab(self._identity_tab(), self.tr("Identity"))
        self.employment_tab = self._employment_tab()
        self.tabs.addTab(self.employment_tab, self.tr("Employment"))
        self.qual_tab = HistoryTab([self.tr("Kind"), self.tr("Level"), self.tr("Major / language"),
                                    self.tr("Institution"), self.tr("Mode"), self.tr("Period"), self.tr("Year"),
                                    self.tr("Certificate"), self.tr("Expires"), self.tr("Status")])
        self.qual_tab.add_button(self.tr("Add qualification…"), self.add_qualification)
        self.qual_tab.add_button(self.tr("Mark completed…"), self.complete_qualification, needs_row=True)
        self.salary_tab = self._salary_tab()
        self.post_tab = HistoryTab([self.tr("Post"), self.tr("Unit"), self.tr("Kind"), self.tr("From"),
                                    self.tr("Term ends"), self.tr("Ended"), self.tr("Allowance"), self.tr("Decision")])
        self.post_tab.add_button(self.tr("Appoint…"), self.add_post)
        self.post_tab.add_button(self.tr("End the post…"), self.end_post, needs_row=True)
        self.work_tab = HistoryTab([self.tr("From"), self.tr("To"), self.tr("Title, post, unit")])
        self.work_tab.add_button(self.tr("Add line…"), self.add_work)
        self.family_tab = HistoryTab([self.tr("Side"), self.tr("Relation"), self.tr("Full name"),
                                      self.tr("Born"), self.tr("Details")])
        self.family_tab.add_button(self.tr("Add relative…"), self.add_family)
        self.award_tab = self._awards_tab()
        self.eval_tab = HistoryTab([self.tr("Year"), self.tr("Rating"), self.tr("Score"), self.tr("Regime"),
                                    self.tr("Note")])
        self.eval_tab.add_button(self.tr("Add evaluation…"), self.add_evaluation)
        self.doc_tab = HistoryTab([self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Added"),
                                   self.tr("Note")])
        self.doc_tab.add_button(self.tr("Attach file…"), self.add_attachment)
        self.doc_tab.add_button(self.tr("Open"), self.open_attachment, needs_row=True)
        self.doc_tab.add_button(self.tr("Remove"), self.remove_attachment, needs_row=True)
        for widget, title in ((self.qual_tab, self.tr("Qualifications")), (self.salary_tab, self.tr("Rank and salary")),
                              (self.post_tab, self.tr("Posts")), (self.work_tab, self.tr("Work history")),
                              (self.family_tab, self.tr("Family")),
                              (self.award_tab, self.tr("Awards and discipline")),
                              (self.eval_tab, self.tr("Evaluations")), (self.doc_tab, self.tr("Documents"))):
            self.tabs.addTab(widget, title)
        self._tab_titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        side = self.tabs.tabBar().fontMetrics().height() - 2  # the warning icon must not make the tabs taller
        self.tabs.setIconSize(QSize(side, side))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the record (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        head = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title_label)
        names.addWidget(self.status_label)
        head.addLayout(names, 1)
        head.addWidget(self.saved_label, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addWidget(self.general_error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        if person_id is None:
            self._show_new()
        else:
            self.reload()

    # --- building -------------------------------------------------------------------------------------
    def _identity_tab(self) -> QWidget:
        self.photo_label = QLabel(self.tr("Photo\n(4 x 6 cm)"))
        self.photo_label.setFixedSize(120, 160)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #999;")
        self.photo_button = QPushButton(self.tr("Choose photo…"))
        self.photo_button.clicked.connect(self.choose_photo)
        side = QVBoxLayout()
        side.addWidget(self.photo_label)
        side.addWidget(self.photo_button)
        side.addStretch(1)
        inner = QWidget()
        row = QHBoxLayout(inner)
        row.addLayout(side)
        row.addWidget(self.identity_form, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _employment_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        # first employment and salary (new record)
        self.new_box = QWidget()
        form = QGridLayout(self.new_box)
        self.category_combo = _code_combo([(it["code"], it["name"]) for it in catalogs.items("category")], blank="")
        self.category_combo.currentIndexChanged.connect(lambda _i: self._filter_ranks())
        self.unit_combo = self._unit_combo()
        self.start_edit = DateField()
        self.recruited_edit = DateField()
        self.agency_edit = QLineEdit()
        self.rank_combo = _code_combo([], blank="")
        self._filter_ranks()
        self.step_spin = QSpinBox()
        self.step_spin.setRange(1, 12)
        self.step_spin.setMaximumWidth(80)
        self.coef_edit = QLineEdit()
        self.coef_edit.setMaximumWidth(90)
        self.salary_date_edit = DateField()
        for w in (self.rank_combo, self.step_spin):
            (w.currentIndexChanged if isinstance(w, QComboBox) else w.valueChanged).connect(self._fill_coefficient)
        self.salary_date_edit.editingFinished.connect(self._fill_coefficient)
        self.salary_date_edit.textEdited.connect(self._salary_date_typed)
        self.start_edit.editingFinished.connect(self._default_salary_date)
        rows = [
            (self.tr("Category"), self.category_combo, "category"),
            (self.tr("Unit"), self.unit_combo, "unit_id"),
            (self.tr("Joined the agency on"), self.start_edit, "start_date"),
            (self.tr("Recruited on"), self.recruited_edit, "recruitment_date"),
            (self.tr("Recruiting agency"), self.agency_edit, "recruitment_agency"),
            (self.tr("Rank (ngạch / CDNN)"), self.rank_combo, "rank_code"),
            (self.tr("Salary step"), self.step_spin, "salary_step"),
            (self.tr("Coefficient"), self.coef_edit, "coefficient"),
            (self.tr("Paid from"), self.salary_date_edit, "salary_date"),
        ]
        for n, (label, widget, key) in enumerate(rows):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addWidget(caption, 2 * n, 0)
            form.addWidget(widget, 2 * n, 1)
            form.addWidget(self.errors.add(key, widget), 2 * n + 1, 1)
            self._watch(key, widget)
        form.setVerticalSpacing(2)
        form.setColumnStretch(1, 1)
        layout.addWidget(self.new_box)
        # periods (existing record)
        self.emp_history = HistoryTab([self.tr("Category"), self.tr("Unit"), self.tr("From"), self.tr("To"),
                                       self.tr("Ended by"), self.tr("Recruited on"), self.tr("Decision")])
        self.emp_history.add_button(self.tr("Move or rehire…"), self.add_employment)
        self.leave_button = self.emp_history.add_button(self.tr("Record leaving…"), self.record_leaving)
        layout.addWidget(self.emp_history, 1)
        return tab

    def _salary_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.rank_history = HistoryTab([self.tr("Rank code"), self.tr("Rank"), self.tr("From"), self.tr("To"),
                                        self.tr("Decision")])
        self.rank_history.add_button(self.tr("Change rank…"), self.add_rank)
        self.salary_history = HistoryTab([self.tr("From"), self.tr("Rank"), self.tr("Step"), self.tr("Coefficient"),
                                          self.tr("Percent"), self.tr("Next step counts from"),
                                          self.tr("Seniority allowance"), self.tr("Reason"), self.tr("Decision")])
        self.salary_history.add_button(self.tr("Add salary step…"), self.add_salary)
        layout.addWidget(QLabel(self.tr("Ranks held")))
        layout.addWidget(self.rank_history, 1)
        layout.addWidget(QLabel(self.tr("Salary history")))
        layout.addWidget(self.salary_history, 2)
        return tab

    def _awards_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.award_history = HistoryTab([self.tr("Date"), self.tr("Award"), self.tr("Level"), self.tr("Reason"),
                                         self.tr("Decision")])
        self.award_history.add_button(self.tr("Add award…"), self.add_award)
        self.discipline_history = HistoryTab([self.tr("Decided on"), self.tr("Form"), self.tr("From"),
                                              self.tr("To"), self.tr("Reason"), self.tr("Decision")])
        self.discipline_history.add_button(self.tr("Add discipline…"), self.add_discipline)
        layout.addWidget(QLabel(self.tr("Awards")))
        layout.addWidget(self.award_history, 1)
        layout.addWidget(QLabel(self.tr("Discipline")))
        layout.addWidget(self.discipline_history, 1)
        return tab

    def _unit_combo(self) -> UnitCombo:
        """The units open today; the first entry asks for a choice (it is not "all units" here)."""
        combo = UnitCombo()
        combo.load(self.ctx)
        combo.setItemText(0, self.tr("Choose a unit…"))
        return combo

    def _watch(self, key: str, widget: QWidget) -> None:
        """Report a change of an employment field to `_field_edited` (final when left or chosen)."""
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(lambda k=key: self._field_edited(k, True))
            widget.textEdited.connect(lambda _t, k=key: self._field_edited(k, False))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, k=key: self._field_edited(k, True))
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda _v, k=key: self._field_edited(k, True))

    def _filter_ranks(self) -> None:
        """The rank list shows the ranks of the chosen category: ngạch for công chức, chức danh nghề nghiệp
        for viên chức; a rank already chosen stays chosen while it still fits."""
        chosen = self.rank_combo.currentData()
        self.rank_combo.blockSignals(True)
        self.rank_combo.clear()
        self.rank_combo.addItem("", None)
        ranks = catalogs.ranks()
        for code in v.ranks_for_category(self.category_combo.currentData()):
            self.rank_combo.addItem(f"{code} – {ranks[code]['name']}", code)
        self.rank_combo.setCurrentIndex(max(self.rank_combo.findData(chosen), 0) if chosen else 0)
        self.rank_combo.blockSignals(False)
        if self.rank_combo.currentData() != chosen:
            self.rank_combo.currentIndexChanged.emit(self.rank_combo.currentIndex())

    # --- modes --------------------------------------------------------------------------------------------
    @property
    def _saved_id(self) -> int:
        """The record's id: the history actions act on a saved record only (their tabs wait for the first save)."""
        assert self.person_id is not None
        return self.person_id

    def _show_new(self) -> None:
        self.setWindowTitle(self.tr("New record"))
        self.title_label.setText(self.tr("New record"))
        self.status_label.setText(self.tr("Fill in the identity and the first employment, then save (Ctrl+S)."))
        self.new_box.show()
        self.emp_history.hide()
        self.photo_button.setEnabled(False)
        for i in range(2, self.tabs.count()):
            self.tabs.setTabEnabled(i, False)
            self.tabs.setTabToolTip(i, self.tr("Save the new record first"))

    def reload(self) -> None:
        """Read the record again (after any change) and show it."""
        assert self.person_id is not None
        try:
            self.profile = load_profile(self.ctx, self.person_id)
        except HrappError as exc:
            show_error(self, exc)
            return
        p = self.profile
        self.setWindowTitle(self.tr("Record: %1").replace("%1", p.full_name))
        self.title_label.setText(p.full_name)
        facts = [x for x in (p.status_label, p.post, p.rank_name, p.unit_name) if x]
        self.status_label.setText(" · ".join(facts))
        self.new_box.hide()
        self.emp_history.show()
        self.photo_button.setEnabled(True)
        for i in range(self.tabs.count()):
            self.tabs.setTabEnabled(i, True)
            self.tabs.setTabToolTip(i, "")
        self.identity_form.set_identity(p.identity)
        self.errors.clear()
        self._show_photo(p.photo)
        self._fill_tables(p)
        self.dirty = False

    def _show_photo(self, data: bytes | None) -> None:
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.photo_label.setPixmap(pixmap.scaled(self.photo_label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("Photo\n(4 x 6 cm)"))

    def _fill_tables(self, p: PersonProfile) -> None:
        self.emp_history.set_rows([(e.id, [e.category_label, e.unit_name, fmt_date(e.start_date),
                                           fmt_date(e.end_date), e.end_reason_label, fmt_date(e.recruitment_date),
                                           _decision_text(e.decision)]) for e in p.employments])
        self.leave_button.setEnabled(p.status in ps.ACTIVE)
        self.qual_tab.set_rows([(q.id, [q.kind_label, q.level_label, q.major or q.language, q.institution,
                                        q.mode_label, f"{fmt_date(q.start_date)} – {fmt_date(q.end_date)}".strip(" –"),
                                        str(q.year or ""), q.certificate_no, fmt_date(q.expiry_date),
                                        self.tr("In progress") if q.in_progress else self.tr("Completed")])
                                for q in p.qualifications])
        self.rank_history.set_rows([(r.id, [r.rank_code, r.rank_name, fmt_date(r.effective_date),
                                            fmt_date(r.end_date), _decision_text(r.decision)]) for r in p.ranks])
        self.salary_history.set_rows([(s.id, [fmt_date(s.effective_date), s.rank_name, str(s.step),
                                              fmt_decimal(s.coefficient), f"{s.percent}%", fmt_date(s.step_since),
                                              f"{s.pctnvk_percent}%" if s.pctnvk_percent else "", s.reason_label,
                                              _decision_text(s.decision)]) for s in p.salary_steps])
        self.post_tab.set_rows([(h.id, [h.post_title + (self.tr(" (concurrent)") if h.is_concurrent else ""),
                                        h.unit_name, h.kind_label, fmt_date(h.start_date), fmt_date(h.term_end),
                                        f"{fmt_date(h.end_date)} {h.end_reason}".strip(),
                                        fmt_decimal(h.allowance_coefficient), _decision_text(h.decision)])
                                for h in p.posts])
        self.work_tab.set_rows([(w.id, [fmt_date(w.from_date), fmt_date(w.to_date), w.description])
                                for w in p.work_history])
        sides = {"self": self.tr("Own family"), "spouse": self.tr("Spouse's family")}
        self.family_tab.set_rows([(f.id, [sides.get(f.side, f.side), f.relation, f.full_name,
                                          str(f.birth_year or ""), f.details]) for f in p.family])
        self.award_history.set_rows([(a.id, [fmt_date(a.award_date), a.form, a.level, a.reason,
                                             _decision_text(a.decision)]) for a in p.awards])
        self.discipline_history.set_rows([(d.id, [fmt_date(d.decision_date), d.form_label, fmt_date(d.effect_from),
                                                  fmt_date(d.effect_to), d.reason, _decision_text(d.decision)])
                                          for d in p.disciplines])
        self.eval_tab.set_rows([(e.id, [str(e.year), e.rating_label, fmt_decimal(e.score) if e.score else "",
                                        e.regime, e.note]) for e in p.evaluations])
        self.doc_tab.set_rows([(a.id, [a.filename, a.kind, f"{a.size // 1024 or 1} KB", fmt_date(a.created_at.date()),
                                       a.note]) for a in p.attachments])

    # --- identity and the new record ----------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self.dirty = True
        self.saved_label.clear()

    def _fill_coefficient(self, *_args: object) -> None:
        """The coefficient of the chosen rank and step (the table's value; editable for old records)."""
        rank = self.rank_combo.currentData()
        try:
            day = self.salary_date_edit.value() or self.start_edit.value() or clock.today()
            if rank:
                self.coef_edit.setText(fmt_decimal(v.expected_coefficient(rank, self.step_spin.value(),
                                                                         self.ctx.rulebook, day)))
        except (ValueError, HrappError):
            pass

    def _default_salary_date(self) -> None:
        """The first salary is paid from the joining day unless the officer typed another day: the field
        follows the start date while it was filled that way (and never copies a date that cannot be read)."""
        if self.start_edit.error():
            return
        if not self.salary_date_edit.text().strip() or self._salary_date_follows:
            self.salary_date_edit.set_value(self.start_edit.value())
            self._salary_date_follows = True
            self._fill_coefficient()

    def _salary_date_typed(self, _text: str) -> None:
        self._salary_date_follows = False

    def _read_new(self) -> tuple[ps.NewPerson, list[tuple[str, str]]]:
        """The new record as typed (a field that cannot be read counts as empty) and the unreadable fields."""
        identity, errors = self.identity_form.read()
        dates, date_errors = _dates({"start_date": self.start_edit, "recruitment_date": self.recruited_edit,
                                     "salary_date": self.salary_date_edit})
        errors += date_errors
        coefficient = _decimal_or_none(self.coef_edit.text(), "coefficient", errors)
        unit_id = unit_id_for_code(self.ctx, self.unit_combo.current_code())
        rank = self.rank_combo.currentData()
        salary = ps.SalaryInput(rank, self.step_spin.value(), coefficient, dates["salary_date"] or dates["start_date"],
                                reason="tuyen_dung") if rank else None
        return ps.NewPerson(identity, ps.EmploymentInput(
            category=self.category_combo.currentData() or "", unit_id=unit_id, start_date=dates["start_date"],
            recruitment_date=dates["recruitment_date"], recruitment_agency=self.agency_edit.text().strip() or None),
            salary), errors

    def _new_person(self) -> ps.NewPerson:
        dto, errors = self._read_new()
        if errors:
            raise ValidationError(errors)
        return dto

    def _form_errors(self, with_database: bool) -> list[tuple[str, str]]:
        """Every problem of the form in one pass: the fields that cannot be read, then the service's checks of
        the rest (the pure ones while typing; with the database's when saving)."""
        today = clock.today()
        if self.person_id is None:
            dto, unreadable = self._read_new()
            found = (ps.check_new_person(self.ctx, dto, today=today) if with_database
                     else ps.new_person_errors(dto, self.ctx.rulebook, today))
        else:
            assert self.profile is not None
            identity, unreadable = self.identity_form.read()
            update = ps.PersonUpdate(self.person_id, self.profile.row_version, identity)
            found = (ps.check_person_update(self.ctx, update, today=today) if with_database
                     else ps.identity_errors(identity, today))
        bad = {f for f, _ in unreadable}
        return unreadable + [(f, m) for f, m in found if f not in bad]

    def _field_edited(self, key: str, final: bool) -> None:
        """Check the field again: its message goes as soon as it is fixed; a new one shows when the field is
        left (not while typing). The fields that depend on it only lose messages that no longer hold."""
        try:
            found = self._form_errors(with_database=False)
        except HrappError:
            return
        messages: dict[str, list[str]] = defaultdict(list)
        for field, message in found:
            messages[field].append(message)
        if final:
            self.errors.set_field(key, messages[key])
        for field in (() if final else (key,)) + DEPENDENT_FIELDS.get(key, ()):
            shown = self.errors.text(field).splitlines()
            self.errors.set_field(field, [m for m in shown if m in messages[field]])

    def save(self) -> bool:
        """Create or update. Every message of every tab shows at once under its field, the tabs with errors are
        marked, and nothing is saved while one stands."""
        self.errors.clear()
        try:
            errors = self._form_errors(with_database=True)
            if errors:
                raise ValidationError(errors)
            today = clock.today()
            if self.person_id is None:
                dto = self._new_person()
                if not self._confirm_warnings(ps.new_person_warnings(self.ctx, dto, today=today)):
                    return False
                profile = ps.create_person(self.ctx, dto, today=today)
                self.person_id = profile.id
            else:
                assert self.profile is not None
                update = ps.PersonUpdate(self.person_id, self.profile.row_version, self.identity_form.identity())
                if not self._confirm_warnings(ps.person_update_warnings(self.ctx, update, today=today)):
                    return False
                ps.update_person(self.ctx, update, today=today)
        except HrappError as exc:
            self.errors.show(exc)
            self._show_tab_with_error()
            return False
        self.reload()
        self._confirm_saved()
        self.saved.emit(self.person_id)
        return True

    def _confirm_warnings(self, warnings: Sequence[tuple[str, str]]) -> bool:
        """What is possible but unlikely (an age no one works at, someone recorded with the same name and birth
        date under another CCCD) is asked about before saving: Save goes on, Cancel leaves the form as typed."""
        if not warnings:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check before saving"),
                          self.tr("Save this record anyway?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText("\n\n".join(say(message) for _, message in warnings))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.warning_box = box
        try:
            answer = box.exec()
        finally:
            self.warning_box = None
        return answer == QMessageBox.StandardButton.Save

    def _confirm_saved(self) -> None:
        """Say the record was saved: in the editor's header and in the main window's status bar."""
        text = self.tr("Saved the record of %1 at %2").replace("%1", self.title_label.text()).replace(
            "%2", clock.now().strftime("%H:%M"))
        self.saved_label.setText(text)
        window = self.parentWidget().window() if self.parentWidget() is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)

    def _tab_of(self, field: str) -> int | None:
        if field in IDENTITY_KEYS:
            return 0
        if field in EMPLOYMENT_KEYS:
            return 1
        return None

    def tab_error_counts(self) -> dict[int, int]:
        """How many fields of each tab show a message."""
        counts: dict[int, int] = defaultdict(int)
        for field in self.errors.fields_with_errors():
            tab = self._tab_of(field)
            if tab is not None:
                counts[tab] += 1
        return dict(counts)

    def _mark_tabs(self) -> None:
        """A tab holding fields with messages shows a warning icon, its count and red text."""
        counts = self.tab_error_counts()
        bar = self.tabs.tabBar()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for i, title in enumerate(self._tab_titles):
            n = counts.get(i, 0)
            self.tabs.setTabText(i, f"{title} ({n})" if n else title)
            self.tabs.setTabIcon(i, warning if n else QIcon())
            bar.setTabTextColor(i, QColor("#b3261e") if n else QColor())

    def _show_tab_with_error(self) -> None:
        """Bring the first tab with a message to the front (unless the one shown has some)."""
        counts = self.tab_error_counts()
        if counts and self.tabs.currentIndex() not in counts:
            self.tabs.setCurrentIndex(min(counts))

    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the photo"), str(Path.home()),
                                              self.tr("Images (*.jpg *.jpeg *.png)"))
        if path:
            self.set_photo_file(path)

    def set_photo_file(self, path: str) -> None:
        assert self.person_id is not None
        try:
            ps.set_photo(self.ctx, self.person_id, Path(path).name, Path(path).read_bytes())
        except (HrappError, OSError) as exc:
            show_error(self, exc)
            return
        self._changed()

    def reject(self) -> None:
        if self.dirty and self.person_id is not None:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Save the changes to this record?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.save()):
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()

    # --- history dialogs ----------------------------------------------------------------------------------
    def _changed(self, _profile: object = None) -> None:
        keep_dirty = self.dirty
        identity = self.identity_form.identity() if keep_dirty else None
        self.reload()
        if identity is not None:  # history was added while identity edits were pending: keep the edits
            self.identity_form.set_identity(identity)
            self.dirty = True
        if self.person_id is not None:
            self.saved.emit(self.person_id)

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.accepted.connect(lambda: self._changed(dialog.result_value))
        self.sub_dialog = dialog
        dialog.open()
        return dialog

    def _dialog(self, title: str) -> FormDialog:
        dialog = FormDialog(title, lambda: None, self, reserve=True)
        dialog.setMinimumWidth(520)
        return dialog

    def add_salary(self) -> FormDialog:
        d = self._dialog(self.tr("Add a salary step"))
        rank = _code_combo([(c, f"{c} – {r['name']}") for c, r in catalogs.ranks().items()])
        _select(rank, self.profile.rank_code if self.profile else None)
        step = QSpinBox()
        step.setRange(1, 12)
        step.setValue((self.profile.salary_step or 0) + 1 if self.profile else 1)
        coef = QLineEdit()
        day = DateField()
        percent = QSpinBox()
        percent.setRange(1, 100)
        percent.setValue(100)
        reason = _code_combo(list(SALARY_REASONS.items()))

        def fill() -> None:
            try:
                coef.setText(fmt_decimal(v.expected_coefficient(rank.currentData(), step.value(), self.ctx.rulebook,
                                                                day.value() or clock.today())))
            except (ValueError, HrappError):
                pass

        rank.currentIndexChanged.connect(fill)
        step.valueChanged.connect(fill)
        day.editingFinished.connect(fill)
        fill()
        d.add_field(self.tr("Rank"), rank, "rank_code")
        d.add_field(self.tr("Step"), step, "salary_step")
        d.add_field(self.tr("Coefficient"), coef, "coefficient")
        d.add_field(self.tr("Paid from"), day, "salary_date")
        d.add_field(self.tr("Percent"), percent, "percent")
        d.add_field(self.tr("Reason"), reason, "reason")
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates, errors = _dates({"salary_date": day})
            value = _decimal_or_none(coef.text(), "coefficient", errors)
            if errors:
                raise ValidationError(errors)
            return ps.add_salary_step(self.ctx, self._saved_id, ps.SalaryInput(
                rank.currentData(), step.value(), value, dates["salary_date"], percent=percent.value(),
                reason=reason.currentData(), decision=decision.value()))

        d.action = action
        return self._open(d)

    def add_rank(self) -> FormDialog:
        d = self._dialog(self.tr("Change rank"))
        rank = _code_combo([(c, f"{c} – {r['name']}") for c, r in catalogs.ranks().items()])
        day = DateField()
        d.add_field(self.tr("Rank"), rank, "rank_code")
        d.add_field(self.tr("From"), day, "effective_date")
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"effective_date": day})
            return ps.add_rank(self.ctx, self._saved_id,
                               ps.RankInput(rank.currentData(), dates["effective_date"], decision.value()))

        d.action = action
        return self._open(d)

    def add_employment(self) -> FormDialog:
        d = self._dialog(self.tr("Move to another unit or rehire"))
        category = _code_combo([(it["code"], it["name"]) for it in catalogs.items("category")])
        _select(category, self.profile.category if self.profile else None)
        unit = self._unit_combo()
        day = DateField()
        d.add_field(self.tr("Category"), category, "category")
        d.add_field(self.tr("Unit"), unit, "unit_id")
        d.add_field(self.tr("From"), day, "start_date")
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"start_date": day})
            return ps.add_employment(self.ctx, self._saved_id, ps.EmploymentInput(
                category.currentData(), unit_id_for_code(self.ctx, unit.current_code()), dates["start_date"],
                decision=decision.value()))

        d.action = action
        return self._open(d)

    def record_leaving(self) -> FormDialog:
        d = self._dialog(self.tr("Record leaving"))
        kind = _code_combo(list(ps.LEAVE_LABELS.items()))
        day = DateField()
        note = QLineEdit()
        d.add_field(self.tr("Leaves by"), kind, "kind")
        d.add_field(self.tr("First day away"), day, "effective_date")
        d.add_field(self.tr("Note"), note, "note")
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"effective_date": day})
            return ps.leave(self.ctx, self._saved_id, ps.LeaveInput(
                kind.currentData(), dates["effective_date"], decision.value(), note.text().strip() or None))

        d.action = action
        return self._open(d)

    def add_qualification(self) -> FormDialog:
        d = self._dialog(self.tr("Add a qualification"))
        kind = _code_combo(list(catalogs.labels("qualification_kind").items()))
        level = QComboBox()

        def levels() -> None:
            level.clear()
            for code in v.levels_of(kind.currentData()):
                level.addItem(catalogs.label("qualification_level", code), code)

        kind.currentIndexChanged.connect(lambda _i: levels())
        levels()
        major, language, institution = QLineEdit(), QLineEdit(), QLineEdit()
        mode = _code_combo(list(STUDY_MODES.items()), blank="")
        start, end, cert_date, expiry = DateField(), DateField(), DateField(), DateField()
        year, cert_no = QLineEdit(), QLineEdit()
        year.setMaximumWidth(80)
        ongoing = QCheckBox(self.tr("Still studying (e.g. doctoral candidate)"))
        for label, widget, field in ((self.tr("Kind"), kind, "kind"), (self.tr("Level"), level, "level_code"),
                                     (self.tr("Major"), major, "major"), (self.tr("Language"), language, "language"),
                                     (self.tr("Institution"), institution, "institution"),
                                     (self.tr("Mode"), mode, "mode"), (self.tr("From"), start, "start_date"),
                                     (self.tr("To"), end, "end_date"), (self.tr("Year obtained"), year, "year"),
                                     (self.tr("Certificate number"), cert_no, "certificate_no"),
                                     (self.tr("Certificate date"), cert_date, "certificate_date"),
                                     (self.tr("Valid until"), expiry, "expiry_date"), ("", ongoing, "in_progress")):
            d.add_field(label, widget, field)
        d.finish_layout()

        def action() -> Any:
            dates, errors = _dates({"start_date": start, "end_date": end, "certificate_date": cert_date,
                                    "expiry_date": expiry})
            year_value = _int_or_none(year.text(), "year", errors)
            if errors:
                raise ValidationError(errors)
            return ps.add_qualification(self.ctx, self._saved_id, ps.QualificationInput(
                kind.currentData(), level.currentData() or "", major=major.text().strip() or None,
                language=language.text().strip() or None, institution=institution.text().strip() or None,
                mode=mode.currentData(), year=year_value, certificate_no=cert_no.text().strip() or None,
                in_progress=ongoing.isChecked(), **dates))

        d.action = action
        return self._open(d)

    def complete_qualification(self) -> FormDialog | None:
        qid = self.qual_tab.selected_id()
        if qid is None:
            return None
        d = self._dialog(self.tr("Study completed"))
        year, cert_no, cert_date = QLineEdit(), QLineEdit(), DateField()
        d.add_field(self.tr("Year obtained"), year, "year")
        d.add_field(self.tr("Certificate number"), cert_no, "certificate_no")
        d.add_field(self.tr("Certificate date"), cert_date, "certificate_date")
        d.finish_layout()

        def action() -> Any:
            dates, errors = _dates({"certificate_date": cert_date})
            year_value = _int_or_none(year.text(), "year", errors)
            if year_value is None and not errors:
                errors.append(("year", self.tr("Enter the year the degree was obtained.")))
            if errors:
                raise ValidationError(errors)
            assert year_value is not None  # a missing year was raised above
            return ps.complete_qualification(self.ctx, qid, year_value,
                                             certificate_no=cert_no.text().strip() or None,
                                             certificate_date=dates["certificate_date"])

        d.action = action
        return self._open(d)

    def add_post(self) -> FormDialog:
        d = self._dialog(self.tr("Appoint to a post"))
        post = _code_combo(list(catalogs.labels("post").items()))
        unit = self._unit_combo()
        if self.profile and self.profile.unit_id:
            unit.select_code(unit_code_of_id(self.ctx, self.profile.unit_id))
        kind = _code_combo(list(catalogs.labels("appointment_kind").items()))
        day = DateField()
        concurrent = QCheckBox(self.tr("Concurrent post (kiêm nhiệm)"))
        for label, widget, field in ((self.tr("Post"), post, "post_code"), (self.tr("Unit"), unit, "unit_id"),
                                     (self.tr("Kind"), kind, "kind"), (self.tr("From"), day, "start_date"),
                                     ("", concurrent, "is_concurrent")):
            d.add_field(label, widget, field)
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"start_date": day})
            return ps.add_post(self.ctx, self._saved_id, ps.PostInput(
                post.currentData(), unit_id_for_code(self.ctx, unit.current_code()), dates["start_date"],
                kind=kind.currentData(), is_concurrent=concurrent.isChecked(), decision=decision.value()))

        d.action = action
        return self._open(d)

    def end_post(self) -> FormDialog | None:
        post_id = self.post_tab.selected_id()
        if post_id is None:
            return None
        d = self._dialog(self.tr("End the post"))
        day, reason = DateField(), QLineEdit()
        d.add_field(self.tr("Last day"), day, "end_date")
        d.add_field(self.tr("Reason"), reason, "reason")
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"end_date": day})
            return ps.end_post(self.ctx, post_id, dates["end_date"], reason.text(), decision.value())

        d.action = action
        return self._open(d)

    def add_work(self) -> FormDialog:
        d = self._dialog(self.tr("Add a work history line"))
        start, end, text = DateField(), DateField(), QLineEdit()
        d.add_field(self.tr("From"), start, "from_date")
        d.add_field(self.tr("To (empty: until now)"), end, "to_date")
        d.add_field(self.tr("Title, post, unit"), text, "description")
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"from_date": start, "to_date": end})
            return ps.add_work_history(self.ctx, self._saved_id,
                                       ps.WorkInput(dates["from_date"], dates["to_date"], text.text()))

        d.action = action
        return self._open(d)

    def add_family(self) -> FormDialog:
        d = self._dialog(self.tr("Add a relative"))
        side = _code_combo([("self", self.tr("Own family")), ("spouse", self.tr("Spouse's family"))])
        relation, name, born, details = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        born.setMaximumWidth(80)
        for label, widget, field in ((self.tr("Side"), side, "side"), (self.tr("Relation"), relation, "relation"),
                                     (self.tr("Full name"), name, "full_name"), (self.tr("Born in"), born, "birth_year"),
                                     (self.tr("Home town, occupation, address"), details, "details")):
            d.add_field(label, widget, field)
        d.finish_layout()

        def action() -> Any:
            errors: list[tuple[str, str]] = []
            year = _int_or_none(born.text(), "birth_year", errors)
            if errors:
                raise ValidationError(errors)
            return ps.add_family_member(self.ctx, self._saved_id, ps.FamilyInput(
                relation.text(), name.text(), year, details.text().strip() or None, side.currentData()))

        d.action = action
        return self._open(d)

    def add_award(self) -> FormDialog:
        d = self._dialog(self.tr("Add an award"))
        day, form, level, reason = DateField(), QLineEdit(), QLineEdit(), QLineEdit()
        for label, widget, field in ((self.tr("Date"), day, "award_date"), (self.tr("Award"), form, "form"),
                                     (self.tr("Level"), level, "level"), (self.tr("Reason"), reason, "reason")):
            d.add_field(label, widget, field)
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"award_date": day})
            return ps.add_award(self.ctx, self._saved_id, ps.AwardInput(
                dates["award_date"], form.text(), level.text().strip() or None, reason.text().strip() or None,
                decision.value()))

        d.action = action
        return self._open(d)

    def add_discipline(self) -> FormDialog:
        d = self._dialog(self.tr("Add a discipline"))
        decided, start, end = DateField(), DateField(), DateField()
        form = _code_combo(list(catalogs.labels("discipline_form").items()))
        reason = QLineEdit()
        for label, widget, field in ((self.tr("Decided on"), decided, "decision_date"), (self.tr("Form"), form, "form"),
                                     (self.tr("In effect from"), start, "effect_from"),
                                     (self.tr("In effect until"), end, "effect_to"),
                                     (self.tr("Reason"), reason, "reason")):
            d.add_field(label, widget, field)
        decision = d.add_decision()
        d.finish_layout()

        def action() -> Any:
            dates = _read_dates({"decision_date": decided, "effect_from": start, "effect_to": end})
            return ps.add_discipline(self.ctx, self._saved_id, ps.DisciplineInput(
                dates["decision_date"], form.currentData(), dates["effect_from"], dates["effect_to"],
                reason.text().strip() or None, decision.value()))

        d.action = action
        return self._open(d)

    def add_evaluation(self) -> FormDialog:
        d = self._dialog(self.tr("Add an evaluation"))
        year = QSpinBox()
        year.setRange(1990, 2100)
        year.setValue(clock.today().year - 1)
        rating = _code_combo(list(catalogs.labels("rating").items()), blank="")
        score = QLineEdit()
        score.setMaximumWidth(80)
        regime = _code_combo([("nd90_2020", "NĐ 90/2020"), ("nd335_2025", "NĐ 335/2025")])
        note = QLineEdit()
        for label, widget, field in ((self.tr("Year"), year, "year"), (self.tr("Rating"), rating, "rating"),
                                     (self.tr("Score (/100)"), score, "score"), (self.tr("Regime"), regime, "regime"),
                                     (self.tr("Note"), note, "note")):
            d.add_field(label, widget, field)
        d.finish_layout()

        def action() -> Any:
            errors: list[tuple[str, str]] = []
            value = _decimal_or_none(score.text(), "score", errors)
            if errors:
                raise ValidationError(errors)
            return ps.add_evaluation(self.ctx, self._saved_id, ps.EvaluationInput(
                year.value(), rating.currentData(), value, regime.currentData(), note.text().strip() or None))

        d.action = action
        return self._open(d)

    def add_attachment(self, path: str | None = None) -> FormDialog:
        d = self._dialog(self.tr("Attach a file"))
        file_edit = QLineEdit(path or "")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: file_edit.setText(
            QFileDialog.getOpenFileName(d, self.tr("Choose the file"), str(Path.home()))[0] or file_edit.text()))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(file_edit, 1)
        line.addWidget(browse)
        kinds = [("decision", self.tr("Decision")), ("degree", self.tr("Degree")),
                 ("certificate", self.tr("Certificate")), ("document", self.tr("Other document"))]
        kind = _code_combo(kinds)
        note = QLineEdit()
        d.add_field(self.tr("File"), row, "filename")
        d.add_field(self.tr("Kind"), kind, "kind")
        d.add_field(self.tr("Note"), note, "note")
        d.finish_layout()

        def action() -> Any:
            chosen = Path(file_edit.text().strip())
            if not file_edit.text().strip() or not chosen.is_file():
                raise ValidationError([("filename", self.tr("Choose an existing file."))])
            return ps.add_attachment(self.ctx, self._saved_id, ps.AttachmentInput(
                chosen.name, chosen.read_bytes(), kind.currentData(), note.text().strip() or None))

        d.action = action
        return self._open(d)

    def open_attachment(self) -> Path | None:
        """Write the selected document to a temporary file and open it with the system's viewer."""
        aid = self.doc_tab.selected_id()
        if aid is None:
            return None
        try:
            name, _mime, data = ps.attachment_data(self.ctx, aid)
        except HrappError as exc:
            show_error(self, exc)
            return None
        folder = Path(tempfile.mkdtemp(prefix="hrapp_"))
        target = folder / name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def remove_attachment(self) -> None:
        aid = self.doc_tab.selected_id()
        if aid is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove the document"),
                                      self.tr("Remove the selected document from the record?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            ps.delete_attachment(self.ctx, aid)
        except HrappError as exc:
            show_error(self, exc)
            return
        self._changed()

