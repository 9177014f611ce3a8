"""The profile editor: identity (every Sơ yếu lý lịch field and the photo), employment, qualifications, rank and
salary, posts, work history, family, awards and discipline, evaluations and attached documents.

Identity is edited in place and saved with Ctrl+S (refused, with each message under its field, while an error
stands; a record changed by someone else since it was opened is not overwritten). The histories' tabs are
declared in ui/dialogs/person_histories.py and built by the one history tab (ui/dialogs/history_tab.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
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
from hrapp.context import ServiceContext
from hrapp.domain import validation as v
from hrapp.errors import HrappError, ValidationError
from hrapp.messages import say
from hrapp.queries.person_profile import PersonProfile, load_profile
from hrapp.services import persons as ps
from ui.dialogs.history_tab import HistoryTab, tr, unit_combo
from ui.dialogs.identity_form import (
    DEPENDENT_FIELDS,
    EMPLOYMENT_KEYS,
    IDENTITY_KEYS,
    IdentityForm,
    _code_combo,
    _dates,
    _decimal_or_none,
)
from ui.dialogs.person_histories import EMPLOYMENTS, PAGES, RETIREMENT_DECISIONS, Page
from ui.formatting import fmt_decimal
from ui.messages import show_error
from ui.widgets.forms import DateField, ErrorBox, FieldErrors, FormDialog, unit_id_for_code

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
        self.histories: dict[str, HistoryTab] = {"employments": self.emp_history,
                                                 "retirement_decisions": self.retire_history}
        for page in PAGES:
            self.tabs.addTab(self._page(page), tr(page.title))
        self.qual_tab = self.histories["qualifications"]
        self.salary_history = self.histories["salary_steps"]
        self.work_tab = self.histories["work_history"]
        self.family_tab = self.histories["family"]
        self.doc_tab = self.histories["attachments"]
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
        self.unit_combo = unit_combo(self.ctx)
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
        self.emp_history = HistoryTab(EMPLOYMENTS, self)
        self.leave_button = self.emp_history.action_buttons["leave"]
        layout.addWidget(self.emp_history, 2)
        # decisions to retire at a lower or a higher age (existing record)
        self.retire_box = QWidget()
        box = QVBoxLayout(self.retire_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Retirement at a lower or a higher age by decision")))
        self.retire_history = HistoryTab(RETIREMENT_DECISIONS, self)
        box.addWidget(self.retire_history)
        layout.addWidget(self.retire_box, 1)
        return tab

    def _page(self, page: Page) -> QWidget:
        """A declared page: one history is the tab itself; several stand one under the other, each under its
        caption."""
        tabs = {}
        for _caption, history, _share in page.sections:
            tabs[history.name] = self.histories[history.name] = HistoryTab(history, self)
        if len(page.sections) == 1:
            return tabs[page.sections[0][1].name]
        widget = QWidget()
        layout = QVBoxLayout(widget)
        for caption, history, share in page.sections:
            layout.addWidget(QLabel(tr(caption)))
            layout.addWidget(tabs[history.name], share)
        return widget

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
    def saved_id(self) -> int:
        """The record's id: the history actions act on a saved record only (their tabs wait for the first save)."""
        assert self.person_id is not None
        return self.person_id

    def _show_new(self) -> None:
        self.setWindowTitle(self.tr("New record"))
        self.title_label.setText(self.tr("New record"))
        self.status_label.setText(self.tr("Fill in the identity and the first employment, then save (Ctrl+S)."))
        self.new_box.show()
        self.emp_history.hide()
        self.retire_box.hide()
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
        self.retire_box.show()
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
        for history in self.histories.values():
            history.show_rows(p)

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
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
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
        self.record_changed()

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

    # --- history forms ------------------------------------------------------------------------------------
    def record_changed(self) -> None:
        """Read the record again after a history changed; identity edits still pending stay as typed."""
        keep_dirty = self.dirty
        identity = self.identity_form.identity() if keep_dirty else None
        self.reload()
        if identity is not None:  # history was added while identity edits were pending: keep the edits
            self.identity_form.set_identity(identity)
            self.dirty = True
        if self.person_id is not None:
            self.saved.emit(self.person_id)

    def open_form(self, dialog: FormDialog) -> FormDialog:
        """Show a history's form; the record is read again once it saved."""
        dialog.accepted.connect(self.record_changed)
        self.sub_dialog = dialog
        dialog.open()
        return dialog

    def add_salary(self) -> FormDialog:
        return self.salary_history.run("add")

    def add_qualification(self) -> FormDialog:
        return self.qual_tab.run("add")

    def record_leaving(self) -> FormDialog:
        return self.emp_history.run("leave")

    def add_work(self) -> FormDialog:
        return self.work_tab.run("add")

    def add_family(self) -> FormDialog:
        return self.family_tab.run("add")

    def add_attachment(self, path: str | None = None) -> FormDialog:
        return self.doc_tab.run("attach", filename=path)
