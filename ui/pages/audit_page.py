"""The audit log for the administrator: filter by person, user, days, entity and action; each row's old → new
values with field names; export to Excel. Read only: nothing here changes or removes a row."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.queries.audit import (
    PAGE_SIZE,
    AuditEntry,
    AuditFilter,
    audit_actions,
    audit_entities,
    audit_page,
    audit_users,
)
from hrapp.security import ADMIN, has_permission
from ui.formatting import fmt_count
from ui.messages import confirm
from ui.pages.base import BasePage
from ui.tasks import Task, run_task
from ui.widgets.columns import Cell, Column, ColumnTableModel, fit_columns, record_view
from ui.widgets.forms import date_edit, from_qdate

Index = QModelIndex | QPersistentModelIndex
NAMING_FIELDS = ("full_name", "username", "name", "title", "number", "filename", "post_title", "rank_code",
                 "level_code", "form", "key", "code")


class AuditTableModel(ColumnTableModel):
    """The matching rows, newest first, fetched a page at a time as the view scrolls (the app's column-declared
    model: a column per field of an entry)."""

    def __init__(self, ctx: ServiceContext, parent=None):
        super().__init__([], parent=parent)
        self.columns = [
            Column(self.tr("Time"), lambda e: f"{e.at:%d/%m/%Y %H:%M:%S}"),
            Column(self.tr("User"), lambda e: e.user),
            Column(self.tr("Action"), lambda e: e.action_label),
            Column(self.tr("Entity"), lambda e: e.entity_label + (f" #{e.entity_id}" if e.entity_id else "")),
            Column(self.tr("Record of"), lambda e: e.person_name),
            Column(self.tr("Changes"), lambda e: Cell(self.brief(e), e.change_text() or e.summary or "")),
        ]
        self.ctx = ctx
        self.filter = AuditFilter()
        self.total = 0

    @property
    def entries(self) -> list[AuditEntry]:
        return self.rows

    @entries.setter
    def entries(self, entries: list[AuditEntry]) -> None:
        self.rows = entries

    @property
    def headers(self) -> list[str]:
        return [c.title for c in self.columns]

    def reload(self, f: AuditFilter) -> None:
        self.filter = f
        page = audit_page(self.ctx, f, 0, PAGE_SIZE)
        self.total = page.total
        self.set_rows(page.entries)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.entries) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        page = audit_page(self.ctx, self.filter, len(self.entries), PAGE_SIZE)
        if not page.entries:
            self.total = len(self.entries)
            return
        self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries) + len(page.entries) - 1)
        self.entries.extend(page.entries)
        self.endInsertRows()

    def entry(self, row: int) -> AuditEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    @staticmethod
    def brief(e: AuditEntry) -> str:
        """One line: the summary of an explicit row, else the changed fields' names."""
        if e.summary:
            return e.summary
        if e.action == "update":
            return ", ".join(c.label for c in e.changes)
        for c in e.changes:  # an added or removed row: what names it
            if c.field in NAMING_FIELDS:
                return f"{c.label}: {c.new or c.old}"
        return ""


class AuditPage(BasePage):
    """Also the "Audit log" tab of the administration page."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.export_task: Task | None = None
        self._loaded = False

        self.notice = QLabel(self.tr("Only an administrator can read the audit log."))
        self.notice.setObjectName("pageSubtitle")
        self.notice.hide()

        self.person_edit = QLineEdit()
        self.person_edit.setPlaceholderText(self.tr("Name, diacritics optional"))
        self.person_edit.setClearButtonEnabled(True)
        self.user_combo = QComboBox()
        self.user_combo.setMinimumContentsLength(12)
        self.entity_combo = QComboBox()
        self.entity_combo.setMinimumContentsLength(18)
        self.action_combo = QComboBox()
        self.action_combo.setMinimumContentsLength(12)
        self.from_check = QCheckBox(self.tr("From"))
        self.from_edit = date_edit(clock.today() - timedelta(days=30))
        self.from_edit.setEnabled(False)
        self.to_check = QCheckBox(self.tr("To"))
        self.to_edit = date_edit(clock.today())
        self.to_edit.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.addWidget(QLabel(self.tr("Person")), 0, 0)
        filters.addWidget(self.person_edit, 0, 1)
        filters.addWidget(QLabel(self.tr("User")), 0, 2)
        filters.addWidget(self.user_combo, 0, 3)
        filters.addWidget(self.from_check, 0, 4)
        filters.addWidget(self.from_edit, 0, 5)
        filters.addWidget(QLabel(self.tr("Entity")), 1, 0)
        filters.addWidget(self.entity_combo, 1, 1)
        filters.addWidget(QLabel(self.tr("Action")), 1, 2)
        filters.addWidget(self.action_combo, 1, 3)
        filters.addWidget(self.to_check, 1, 4)
        filters.addWidget(self.to_edit, 1, 5)
        filters.setColumnStretch(1, 2)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(6, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.export_button)

        self.model = AuditTableModel(ctx, self)
        self.table = record_view(self.model, row_height=26)
        self.table.setWordWrap(False)
        # the time whole, the other columns up to 210 pixels (down to their header on a narrow screen), the
        # changes taking the rest; refitted to each new set of rows
        fit_columns(self.table, key=(0,), limit=210)
        self.model.modelReset.connect(lambda: fit_columns(self.table, key=(0,), limit=210))
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_entry(cur.row()))

        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setWordWrap(True)
        self.detail_model = ColumnTableModel(self._detail_columns(both=True), parent=self)
        self.detail = record_view(self.detail_model, alternate=False)
        self.detail.setWordWrap(True)
        self.detail.horizontalHeader().resizeSection(0, 220)
        self.detail.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.detail.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        detail_box = QWidget()
        dv = QVBoxLayout(detail_box)
        dv.setContentsMargins(0, 6, 0, 0)
        dv.addWidget(self.detail_title)
        dv.addWidget(self.detail, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.notice)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.apply_filter)
        self.person_edit.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.user_combo, self.entity_combo, self.action_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _c: self.apply_filter())
            edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button.clicked.connect(lambda: self.export())

    # --- loading -------------------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded:
            self.refresh()

    def set_context(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.model.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        """Reload the filter choices and the rows (administrators only; others see why not)."""
        self._loaded = True
        allowed = has_permission(self.ctx, ADMIN)
        self.notice.setVisible(not allowed)
        for w in (self.person_edit, self.user_combo, self.entity_combo, self.action_combo, self.from_check,
                  self.to_check, self.clear_button, self.export_button, self.table, self.detail):
            w.setEnabled(allowed)
        if not allowed:
            self.model.beginResetModel()
            self.model.entries, self.model.total = [], 0
            self.model.endResetModel()
            self.count_label.clear()
            self._show_entry(-1)
            return
        self._fill_combo(self.user_combo, self.tr("All users"), [(u, u) for u in audit_users(self.ctx)])
        self._fill_combo(self.entity_combo, self.tr("All entities"),
                         [(label, code) for code, label in audit_entities(self.ctx)])
        self._fill_combo(self.action_combo, self.tr("All actions"),
                         [(label, code) for code, label in audit_actions(self.ctx)])
        self.apply_filter()

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
        combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            person=self.person_edit.text().strip(),
            user=self.user_combo.currentData(),
            date_from=from_qdate(self.from_edit.date()) if self.from_check.isChecked() else None,
            date_to=from_qdate(self.to_edit.date()) if self.to_check.isChecked() else None,
            entity=self.entity_combo.currentData(),
            action=self.action_combo.currentData(),
        )

    def apply_filter(self) -> None:
        if not has_permission(self.ctx, ADMIN):
            return
        try:
            self.model.reload(self.current_filter())
        except HrappError as exc:
            self.count_label.setText(exc.message)
            return
        self.count_label.setText(self.tr("%1 rows").replace("%1", fmt_count(self.model.total)))
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_entry(-1)

    def clear_filters(self) -> None:
        for w in (self.person_edit, self.user_combo, self.entity_combo, self.action_combo, self.from_check,
                  self.to_check):
            w.blockSignals(True)
        self.person_edit.clear()
        for combo in (self.user_combo, self.entity_combo, self.action_combo):
            combo.setCurrentIndex(0)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        for w in (self.person_edit, self.user_combo, self.entity_combo, self.action_combo, self.from_check,
                  self.to_check):
            w.blockSignals(False)
        self.apply_filter()

    # --- detail --------------------------------------------------------------------------------------
    def _show_entry(self, row: int) -> None:
        e = self.model.entry(row)
        if e is None:
            self.detail_model.set_rows([])
            self.detail_title.clear()
            return
        who = f" — {e.person_name}" if e.person_name else ""
        self.detail_title.setText(f"{e.at:%d/%m/%Y %H:%M:%S} · {e.user} · {e.action_label} · {e.entity_label}{who}"
                                  + (f"\n{e.summary}" if e.summary else ""))
        # An edit shows both values; an added row (or an export's details) its values, a removed one the old.
        both = e.action == "update"
        self.detail_model.columns = self._detail_columns(both)
        self.detail_model.set_rows(e.changes)
        self.detail.setColumnHidden(1, not both and e.action != "delete")
        self.detail.setColumnHidden(2, e.action == "delete")
        self.detail.resizeRowsToContents()

    def _detail_columns(self, both: bool) -> list[Column]:
        """The field (its stored name as the tooltip), then the old and the new value, or the one value."""
        return [Column(self.tr("Field"), lambda c: Cell(c.label, tooltip=c.field)),
                Column(self.tr("Old value") if both else self.tr("Value"), lambda c: c.old),
                Column(self.tr("New value") if both else self.tr("Value"), lambda c: c.new)]

    def selected_entry(self) -> AuditEntry | None:
        return self.model.entry(self.table.currentIndex().row())

    # --- export --------------------------------------------------------------------------------------
    def export(self, path: str | None = None) -> Task | None:
        """The rows of the current filter to an .xlsx file, in the background; the export is recorded too."""
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                                  f"{folder}/nhat-ky-{clock.today():%Y-%m-%d}.xlsx",
                                                  self.tr("Excel workbooks (*.xlsx)"))
            if not path:
                return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        ctx, f, target = self.ctx, self.current_filter(), path

        def work(progress, _cancelled) -> int:
            from hrapp.reports.audit_export import export_audit

            return export_audit(ctx, target, f, progress=progress)

        def done(count: int) -> None:
            confirm(self, self.tr("%1 rows of the audit log were saved to %2.").replace("%1", fmt_count(count))
                    .replace("%2", Path(target).name), target)
            self.refresh()  # the export itself is a new row

        self.export_task = run_task(work, parent=self, title=self.tr("Export the audit log"),
                                    label=self.tr("Writing the Excel file…"), cancellable=False, on_result=done)
        return self.export_task

    # --- layout memory -------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("audit/splitter", self.splitter.saveState())
        settings.setValue("audit/columns", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, target in (("audit/splitter", self.splitter),
                            ("audit/columns", self.table.horizontalHeader())):
            value = settings.value(key)
            if value is not None:
                target.restoreState(value)
