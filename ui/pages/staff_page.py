"""The staff list (Hồ sơ CCVC): search as you type, unit and category filters, people who left, open a record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.queries.employees import ACTIVE_STATUSES, EmployeeFilter
from hrapp.reports.catalogue import document
from hrapp.text import SEARCH_MAX_CHARS
from ui.file_names import suggested_path
from ui.icons import icon
from ui.messages import confirm
from ui.models.employee_table_model import COLUMN_KEYS, EmployeeTableModel, category_short_names
from ui.pages.base import BasePage
from ui.tasks import Task, run_task
from ui.widgets.columns import record_view
from ui.widgets.documents import open_preview, temporary_pdf, write_document
from ui.widgets.flow_layout import button_row
from ui.widgets.forms import ErrorBox
from ui.widgets.print_menu import print_menu
from ui.widgets.unit_combo import UnitCombo

CV_FORMS = ("cv", "cv_2023")
"""The Sơ yếu lý lịch forms of the catalogue the officer chooses between: Mẫu 2C-BNV/2008 and TT 06/2023/TT-BNV."""

if TYPE_CHECKING:  # the editor is imported when first opened (start-up)
    from ui.dialogs.person_editor import PersonEditor

SEARCH_DELAY_MS = 150
# Columns sized to their content (a sample text) and columns sharing the rest of the width by weight;
# once the user resizes or moves a column, the saved layout is used instead.
SAMPLE_TEXT = {"stt": "0000", "birth": "00/00/0000", "gender": "Nam", "coefficient": "10,00"}
SHARE = {"name": 1.25, "unit": 1.5, "rank": 1.2, "post": 1.1}  # the category (short names) as wide as its text


class StaffPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.model = EmployeeTableModel(ctx, self)
        self.model.modelReset.connect(self._update_count)
        self.model.load_failed.connect(self._show_load_error)
        self.model.loading_changed.connect(self._show_loading)
        self._keep_selected: int | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name (diacritics optional)…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(SEARCH_MAX_CHARS)  # longer is refused by the query: a few words of a name
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(260)
        self.search_edit.setToolTip(self.tr("Type part of a name; 'nguyen van a' finds 'Nguyễn Văn An' (Ctrl+F)"))
        self.search_edit.installEventFilter(self)

        self.unit_combo = UnitCombo()
        self.unit_combo.setToolTip(self.tr("Unit (people of its sub-units are included)"))

        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All categories"), None)
        for code in catalogs.CATEGORIES:
            self.category_combo.addItem(catalogs.label("category", code), code)
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_combo.setMinimumContentsLength(16)
        self.category_combo.setToolTip(self.tr("Category of staff"))

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr(
            "Print the staff list of the selected unit (the search box and category are not applied) (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setToolTip(self.tr("Save the staff list of the selected unit as PDF, Excel, CSV or JSON"))
        self.save_button.clicked.connect(self.save_as)

        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a new record (Ctrl+N)"))
        self.add_button.clicked.connect(self.create_new)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit the selected record"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import records from an Excel workbook"))
        self.import_button.clicked.connect(self.import_records)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the list as shown (search and filters applied) to Excel"))
        self.export_button.clicked.connect(lambda: self.export_excel())  # clicked(bool) is not a path
        self.cv_button = QPushButton(self.tr("Print CV"))
        self.cv_button.setToolTip(self.tr("Print the selected person's Sơ yếu lý lịch on the form chosen: Mẫu "
                                          "2C-BNV/2008 or the national database's form (TT 06/2023/TT-BNV)"))
        # one entry per form of the catalogue, the officer chooses for each print
        self.cv_actions = print_menu(self.cv_button, CV_FORMS, lambda key, _suffix: self.print_cv(key))

        self.left_check = QCheckBox(self.tr("Include people who left"))
        self.left_check.setToolTip(self.tr("Also list people who retired, resigned, moved away or died"))

        self.table = record_view(self.model)
        self.table.setSortingEnabled(False)  # the order is Vietnamese given-name order, made in SQL
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 12)
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setMinimumSectionSize(40)
        self._layout_restored = False
        self._layout_done = False
        self.table.activated.connect(self._open_index)
        # Edit and Print CV act on the selected person: enabled once one is chosen.
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.hint_label = QLabel(self.tr("In order of given name · Enter or double-click opens the record"))
        self.hint_label.setObjectName("muted")
        self.error_label = ErrorBox()

        head = QHBoxLayout()
        head.addLayout(self.heading_box(
            self.tr("Staff records"), self.tr("Civil servants, public employees and contract workers"), spacing=2))
        # the actions wrap onto a second line on a narrow screen rather than squeeze
        head.addWidget(button_row((self.add_button, self.edit_button, self.import_button, self.export_button,
                                   self.cv_button, self.print_button, self.save_button)), 1,
                       Qt.AlignmentFlag.AlignBottom)

        filters = QHBoxLayout()
        filters.setSpacing(10)
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.unit_combo, 2)
        filters.addWidget(self.category_combo, 2)
        filters.addWidget(self.left_check)

        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        foot.addWidget(self.hint_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_typed)
        self.unit_combo.unit_changed.connect(lambda _c: self.apply_filter())
        self.category_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.left_check.toggled.connect(lambda _b: self.apply_filter())
        self.refresh()

    # --- BasePage ------------------------------------------------------------------------------------
    def set_context(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.model.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        if self.unit_combo.current_code() is None:
            # Every unit: the list's query does not depend on the combo, so it starts first and runs on its
            # worker while the combo is filled (keeping "all units" changes nothing).
            self.apply_filter(fresh=True)
            self.unit_combo.load(self.ctx)
            return
        self.unit_combo.load(self.ctx)  # the chosen unit may be gone from this database: the combo says first
        self.apply_filter(fresh=True)

    def can_search(self) -> bool:
        return True

    def can_print(self) -> bool:
        return True

    def can_create(self) -> bool:
        return True

    # --- records: add, edit, import, export, Sơ yếu lý lịch ------------------------------------------
    def create_new(self) -> None:
        self.open_editor(None)

    def edit_selected(self) -> None:
        person_id = self.selected_person_id()
        if person_id is not None:
            self.open_editor(person_id)

    def open_editor(self, person_id: int | None) -> QWidget:
        from ui.dialogs.person_editor import PersonEditor

        editor = PersonEditor(self.ctx, person_id, self)
        editor.saved.connect(lambda _pid: self.apply_filter(fresh=True))
        editor.open()
        self._editor = editor  # kept for tests and so the dialog is not collected while open
        return editor

    def import_records(self) -> QWidget:
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _r: self.apply_filter(fresh=True))
        dialog.open()
        self._import_dialog = dialog
        return dialog

    def export_excel(self, *, path: str | None = None) -> Task | None:
        """The list as filtered on screen, in the import template's columns (so it can be imported back)."""
        from hrapp.io.excel_export import export_employees

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the list"),
                                                  str(Path.home() / "danh_sach_ccvc.xlsx"), self.tr("Excel (*.xlsx)"))
        if not path:
            return None
        ctx, f, target = self.ctx, self.current_filter(), path

        def work(progress, cancelled):
            return export_employees(ctx, target, f, progress=progress, cancel=cancelled)

        self.task = run_task(work, parent=self, title=self.tr("Export"), label=self.tr("Writing the list…"),
                             on_result=lambda n: confirm(self, self.tr("Exported %n person(s)", "", n), target))
        return self.task

    def print_cv(self, form: str = "cv") -> Task | None:
        """The selected person's Sơ yếu lý lịch on the form `form` (a key of CV_FORMS) as PDF in the print
        preview."""
        person_id = self.selected_person_id()
        if person_id is None:
            return None
        from ui.dialogs.pdf_preview import ascii_name

        rows = self.table.selectionModel().selectedRows()
        name_col = COLUMN_KEYS.index("name")
        name = ascii_name(str(self.model.index(rows[0].row(), name_col).data() or "")) if rows else ""
        stem = document(form).file_stem
        suggested = f"{stem}_{name or person_id}.pdf"
        self.task = write_document(self, self.ctx, form, {"person": person_id}, temporary_pdf(f"{stem}_"),
                                   lambda path: self._preview(path, suggested), title=self.tr("Sơ yếu lý lịch"),
                                   label=self.tr("Writing the form…"), writes=True)
        return self.task

    def print_current(self) -> None:
        """Write the unit's staff list as a PDF on a worker thread, then show the print preview."""
        self.export(temporary_pdf("danh_sach_ccvc_"), self._preview)

    def save_as(self) -> None:
        default = suggested_path(self.ctx, "danh_sach_ccvc.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the staff list"), default,
            self.tr("PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"))
        if path:
            self.export(path, lambda p: confirm(self, path=p))

    def export(self, path: str, on_done: Callable[[str], None]) -> Task:
        """The suffix of `path` picks the format; the export is recorded in the audit log."""
        from ui.child_process import export_staff_list  # a long list is written in a child process

        ctx, unit = self.ctx, self.unit_combo.current_code()

        def work(progress, cancelled):
            return export_staff_list(ctx, path, unit, progress=progress, cancel=cancelled)

        self.task = run_task(work, parent=self, title=self.tr("Staff list"),
                             label=self.tr("Writing the staff list…"), writes=True, on_result=on_done)
        return self.task

    def _preview(self, path: str, suggested_name: str | None = None) -> None:
        self.preview = open_preview(path, self, suggested_name)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("header", self.table.horizontalHeader().saveState())
        settings.setValue("include_left", self.left_check.isChecked())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._layout_restored = self.table.horizontalHeader().restoreState(state)
        include_left = settings.value("include_left")
        if include_left is not None:
            self.left_check.setChecked(str(include_left).lower() == "true")

    # --- behaviour -----------------------------------------------------------------------------------
    def current_filter(self) -> EmployeeFilter:
        return EmployeeFilter(
            search=self.search_edit.text(),
            unit_code=self.unit_combo.current_code(),
            category=self.category_combo.currentData(),
            statuses=None if self.left_check.isChecked() else ACTIVE_STATUSES,
        )

    def apply_filter(self, fresh: bool = False) -> None:
        """Show the list for the filters now; `fresh` asks the database even when memory could answer."""
        self._search_timer.stop()
        self.error_label.hide()
        self._keep_selected = self.selected_person_id()
        self.model.set_filter(self.current_filter(), background=True, fresh=fresh)

    def _search_typed(self) -> None:
        """A keystroke narrowing the list in memory is answered at once; a query of the database waits for
        a pause in typing (SEARCH_DELAY_MS)."""
        if self.model.can_narrow(self.current_filter()):
            self.apply_filter()
        else:
            self._search_timer.start()

    def selected_person_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.person_id(rows[0].row()) if rows else None

    def open_person(self, person_id: int) -> None:
        from ui.dialogs.person_detail_dialog import PersonDetailDialog

        dialog = PersonDetailDialog(self.ctx, person_id, self)
        dialog.editor_opened.connect(self._editor_opened)
        dialog.open()
        self._detail_dialog = dialog  # kept for tests and so the dialog is not collected while open

    def _editor_opened(self, editor: PersonEditor) -> None:
        """The record view's "Edit" opened the editor: the list follows what it saves."""
        editor.saved.connect(lambda _pid: self.apply_filter(fresh=True))
        self._editor = editor

    def _open_index(self, index: QModelIndex) -> None:
        person_id = self.model.person_id(index.row())
        if person_id is not None:
            self.open_person(person_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_person_id() is not None
        self.edit_button.setEnabled(chosen)
        self.cv_button.setEnabled(chosen)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln person(s)", "", n))
        if self._keep_selected is not None:  # the person selected before the filter changed, if still listed
            row = self.model.row_of(self._keep_selected)
            if row >= 0:
                self.table.selectRow(row)

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Searching…"))
        else:
            self._update_count()

    def _show_load_error(self, message: str) -> None:
        self.error_label.setText(self.tr("The list could not be read: %1").replace("%1", message))
        self.error_label.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored and not self._layout_done:
            self._layout_done = True
            self.apply_default_widths()

    def apply_default_widths(self) -> None:
        """Fit the columns to the visible width: sample-sized columns first, the rest shared by weight; when
        even their headers do not fit (a large display scaling), the headers go onto two lines."""
        self.model.wrap_headers(1)
        if not self._fit_widths():
            self.model.wrap_headers(2)
            self._fit_widths()

    def _fit_widths(self) -> bool:
        """Size the columns for the headers as they are now; whether they all fit in the visible width."""
        hh = self.table.horizontalHeader()
        bold = QFont(self.table.font())
        bold.setBold(True)
        header_fm, cell_fm = QFontMetrics(bold), self.table.fontMetrics()
        pad = 28  # cell padding of the style sheet plus breathing room
        widths: dict[str, int] = {}
        for i, key in enumerate(COLUMN_KEYS):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal))
            header = max(header_fm.horizontalAdvance(line) for line in title.split("\n")) + pad
            if key in SAMPLE_TEXT:
                widths[key] = max(header, cell_fm.horizontalAdvance(SAMPLE_TEXT[key]) + pad)
            elif key == "category":  # the longest name a cell shows (long ones by their short name)
                short = category_short_names()
                shown = [short.get(name, name) for name in catalogs.labels("category").values()]
                widths[key] = max([header] + [cell_fm.horizontalAdvance(t) + pad for t in shown])
            else:
                widths[key] = header
        viewport = self.table.viewport().width()
        scrollbar = self.table.verticalScrollBar()
        if not scrollbar.isVisible():  # the rows may still be loading: keep room for the scroll bar
            viewport -= scrollbar.sizeHint().width()
        available = viewport - sum(widths[k] for k in COLUMN_KEYS if k not in SHARE) - 2
        total_share = sum(SHARE.values())
        headers = dict(widths)
        for key, share in SHARE.items():
            widths[key] = max(widths[key], int(available * share / total_share))
        over = sum(widths.values()) - viewport + 2
        spare = {k: widths[k] - headers[k] for k in SHARE if widths[k] > headers[k]}
        if over > 0 and spare:  # a narrow screen: the shared columns give up width down to their header
            share = min(1.0, over / sum(spare.values()))
            for k, extra in spare.items():
                widths[k] -= min(extra, int(extra * share + 0.999))
        for i, key in enumerate(COLUMN_KEYS):
            hh.resizeSection(i, widths[key])
        return sum(widths.values()) <= viewport - 2

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow in the search box moves into the list; Enter searches at once and opens the record when one
        # person is listed, else moves into the list (where Enter opens the row).
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self.apply_filter()
                if not self.model.loading and self.model.rowCount() == 1:  # the one person asked for: open
                    self.table.selectRow(0)
                    self.table.setFocus()
                    self._open_index(self.model.index(0, 1))
                    return True
                if self.model.rowCount():
                    self.table.setFocus()
                    if not self.table.selectionModel().hasSelection():
                        self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)
