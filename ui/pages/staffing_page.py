"""Biên chế: quota, actual staff, places in recruitment and vacancies per unit, category and job position on
a chosen day (over-quota rows in red); quotas assigned by decision and copied to the next year; print
preview of the staffing table, or save it as PDF/Excel/CSV/JSON, generated in the background."""

from __future__ import annotations

import tempfile
from datetime import date

from PySide6.QtCore import QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.errors import ValidationError
from hrapp.queries.staffing import (
    Figures,
    StaffingTable,
    StaffingUnitRow,
    opening_quota_year,
    staffing_view,
)
from hrapp.reports.catalogue import export
from hrapp.reports.staffing_table import default_as_of
from hrapp.services.quotas import CopyQuotas, QuotaEntry, QuotaInput, copy_quotas, set_quotas
from ui.file_names import suggested_path
from ui.formatting import fmt_date
from ui.messages import confirm, show_error
from ui.pages.base import BasePage
from ui.tasks import run_task
from ui.widgets.flow_layout import button_row
from ui.widgets.forms import FormDialog, date_edit, from_qdate, run_form, to_qdate, unit_id_for_code
from ui.widgets.unit_combo import UnitCombo

OVER = QColor("#b3261e")
CodeRole = Qt.ItemDataRole.UserRole + 1


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


class QuotaDialog(FormDialog):
    """Giao biên chế: one (unit, category) number for a year, by decision (a later decision replaces it)."""

    def __init__(self, ctx: ServiceContext, year: int, unit_code: str | None, parent: QWidget | None = None):
        super().__init__(self.tr("Assign headcount"), self._save, parent)
        self.ctx = ctx
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(year)
        self.add_field(self.tr("Year"), self.year_spin, "year")
        self.unit_combo = UnitCombo()
        self.unit_combo.load(ctx)
        if unit_code:
            self.unit_combo.select_code(unit_code)
        self.add_field(self.tr("Unit"), self.unit_combo, "entries.0.unit_id")
        self.category_combo = QComboBox()
        for code in catalogs.CATEGORIES:
            self.category_combo.addItem(catalogs.label("category", code), code)
        self.add_field(self.tr("Category"), self.category_combo, "entries.0.category")
        self.number_spin = QSpinBox()
        self.number_spin.setRange(0, 100000)
        self.add_field(self.tr("Number of people"), self.number_spin, "entries.0.number")
        self.add_decision()
        self.finish_layout()

    def _save(self):
        unit_id = unit_id_for_code(self.ctx, self.unit_combo.current_code())
        if unit_id is None:
            raise ValidationError([("entries.0.unit_id", self.tr("Choose a unit."))])
        return set_quotas(self.ctx, QuotaInput(self.year_spin.value(), (
            QuotaEntry(unit_id, self.category_combo.currentData(), self.number_spin.value()),),
            self.decision_form.value()))


class CopyQuotasDialog(FormDialog):
    """Giao biên chế năm sau bằng số năm trước, under one decision."""

    def __init__(self, ctx: ServiceContext, year: int, parent: QWidget | None = None):
        super().__init__(self.tr("Copy quotas to another year"), self._save, parent)
        self.ctx = ctx
        self.from_spin = QSpinBox()
        self.from_spin.setRange(1990, 2100)
        self.from_spin.setValue(year)
        self.to_spin = QSpinBox()
        self.to_spin.setRange(1990, 2100)
        self.to_spin.setValue(min(year + 1, 2100))
        self.add_field(self.tr("From year"), self.from_spin, "from_year")
        self.add_field(self.tr("To year"), self.to_spin, "to_year")
        self.add_decision()
        self.finish_layout()

    def _save(self):
        return copy_quotas(self.ctx, CopyQuotas(self.from_spin.value(), self.to_spin.value(),
                                                self.decision_form.value()))


class StaffingPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.table: StaffingTable | None = None
        title = QLabel(self.tr("Headcount"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Quota of the year against the staff present on the chosen day"))
        subtitle.setObjectName("pageSubtitle")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(self._opening_year())
        self.date_edit = date_edit(default_as_of(self.year()))
        self.positions_check = QCheckBox(self.tr("Show job positions"))
        self.positions_check.setChecked(True)
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.preview_button.setObjectName("primary")
        self.save_button = QPushButton(self.tr("Save as…"))
        self.quota_button = QPushButton(self.tr("Assign headcount…"))
        self.copy_button = QPushButton(self.tr("Copy to next year…"))
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet("color: #b3261e;")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("countLabel")
        self.summary_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Unit / job position"), self.tr("Category"), self.tr("Quota / needed"),
                                   self.tr("Present"), self.tr("In recruitment"), self.tr("Vacancies")])
        self.tree.setAlternatingRowColors(True)
        # the names take the width the figures leave, and wrap onto more lines rather than lose their end
        self.tree.setIndentation(16)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self._wrap_timer = QTimer(self)
        self._wrap_timer.setSingleShot(True)
        self._wrap_timer.setInterval(0)
        self._wrap_timer.timeout.connect(self._wrap_names)
        header.sectionResized.connect(lambda col, _old, _new: col == 0 and self._wrap_timer.start())

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        head.addLayout(titles)
        head.addStretch(1)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Year")))
        controls.addWidget(self.year_spin)
        controls.addWidget(QLabel(self.tr("As of")))
        controls.addWidget(self.date_edit)
        controls.addWidget(self.positions_check)
        # the actions wrap onto a second line on a narrow screen rather than squeeze
        controls.addWidget(button_row((self.quota_button, self.copy_button, self.preview_button, self.save_button)), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(head)
        layout.addLayout(controls)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary_label)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.positions_check.toggled.connect(lambda _b: self.refresh())
        self.preview_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(self.save_as)
        self.quota_button.clicked.connect(self.assign_quota)
        self.copy_button.clicked.connect(lambda: self._open(CopyQuotasDialog(self.ctx, self.year(), self)))
        self.refresh()

    # --- BasePage ------------------------------------------------------------------------------------
    def can_print(self) -> bool:
        return True

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("positions", self.positions_check.isChecked())

    def restore_state(self, settings: QSettings) -> None:
        value = settings.value("positions")
        if value is not None:
            self.positions_check.setChecked(str(value).lower() == "true")

    def year(self) -> int:
        return self.year_spin.value()

    def _opening_year(self) -> int:
        """The latest year with quotas (a new year has none until its decision is entered)."""
        try:
            return opening_quota_year(self.ctx)
        except Exception:  # noqa: BLE001 - the page opens on this year; refresh shows the error
            return clock.today().year

    def on_day(self) -> date:
        return from_qdate(self.date_edit.date())

    def _year_changed(self, year: int) -> None:
        """Another year: look at its last day (today for the current year)."""
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(to_qdate(default_as_of(year)))
        self.date_edit.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.table = staffing_view(self.ctx, self.year(), self.on_day(),
                                       with_positions=self.positions_check.isChecked())
        except Exception as exc:  # noqa: BLE001 - shown to the user, the page stays usable
            show_error(self, exc)
            return
        self._fill(self.table)

    def current_unit_code(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.data(0, CodeRole) is None:
            item = item.parent()
        return item.data(0, CodeRole) if item is not None else None

    def assign_quota(self) -> None:
        self._open(QuotaDialog(self.ctx, self.year(), self.current_unit_code(), self))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog  # kept while open (and for tests)
        run_form(dialog, self._saved)

    def _saved(self, result: object) -> None:
        warnings = getattr(result, "warnings", ())
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self.refresh()
        self.status_message.emit(self.tr("Saved."))

    # --- the tree ------------------------------------------------------------------------------------
    def _fill(self, table: StaffingTable) -> None:
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for u in table.units:
            item = self._unit_item(u)
            parent = items.get(u.parent_id) if u.parent_id is not None else None
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[u.unit_id] = item
            for cat in table.categories:
                f = u.figures(cat)
                if not f.empty:
                    item.addChild(self._category_item(cat, f))
            for p in table.positions_of(u.unit_id):
                needed = None if p.position_id is None else p.number_needed
                vacancy = None if p.position_id is None else p.vacancy
                child = QTreeWidgetItem([f"{p.code} – {p.name}" if p.code else p.name,
                                         self.tr("Job position"), _num(needed), _num(p.actual_total),
                                         _num(p.in_recruitment if p.position_id else None), _num(vacancy)])
                child.setToolTip(0, child.text(0))
                self._align(child)
                if p.over_quota:
                    self._mark_over(child)
                item.addChild(child)
        self.tree.expandToDepth(1)
        self._fit_figures()
        self._wrap_names()
        total = table.overall
        if not table.has_quota:
            self.summary_label.setText(
                self.tr("No headcount decision for %1: %2 people on staff as of %3")
                .replace("%1", str(table.year)).replace("%2", str(table.people)).replace("%3", fmt_date(table.as_of)))
            return
        parts = [self.tr("Total under quota: quota %1, present %2, in recruitment %3, vacancies %4")
                 .replace("%1", str(total.quota)).replace("%2", str(total.actual))
                 .replace("%3", str(total.in_recruitment)).replace("%4", _num(total.vacancy))]
        if table.outside_quota:
            parts.append(self.tr("outside any quota: %1").replace("%1", str(table.outside_quota)))
        parts.append(self.tr("as of %1").replace("%1", fmt_date(table.as_of)))
        self.summary_label.setText("; ".join(parts))

    def _wrap_names(self) -> None:
        """Rows whose name is wider than its column get the height of the lines it wraps onto."""
        metrics = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        width = self.tree.header().sectionSize(0)
        line = metrics.lineSpacing()
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        depth = {id(i): 0 for i in items}
        while items:
            item = items.pop()
            level = depth[id(item)]
            room = max(width - self.tree.indentation() * (level + 1) - 8, 40)
            fm = bold_metrics if item.font(0).bold() else metrics
            text = item.text(0)
            lines = 1
            if text and fm.horizontalAdvance(text) > room:
                lines = fm.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text).height() // line
            item.setSizeHint(0, QSize(room, line * lines + 4) if lines > 1 else QSize())
            for k in range(item.childCount()):
                child = item.child(k)
                depth[id(child)] = level + 1
                items.append(child)
        self.tree.doItemsLayout()

    def _fit_figures(self) -> None:
        """The category and figure columns as wide as their header and text (a long category elided beyond
        120 pixels, with its full text in the tooltip)."""
        header = self.tree.header()
        for col in range(1, 6):
            title = header.sectionSizeFromContents(col).width()
            width = max(title, self.tree.sizeHintForColumn(col) + 8)
            header.resizeSection(col, min(width, max(120, title)))

    def _unit_item(self, u: StaffingUnitRow) -> QTreeWidgetItem:
        f = u.overall
        if f.assigned:
            item = QTreeWidgetItem([u.name, self.tr("All under quota"), str(f.quota), str(f.actual),
                                    str(f.in_recruitment), _num(f.vacancy)])
        else:  # no quota of its own (e.g. a sub-unit staffed from its parent's quota): the people present
            item = QTreeWidgetItem([u.name, self.tr("All"), "", str(u.people), _num(f.in_recruitment or None), ""])
        item.setToolTip(0, u.name)
        item.setToolTip(1, self.tr("%1 people in all").replace("%1", str(u.people)))
        item.setData(0, CodeRole, u.code)
        font = QFont(item.font(0))
        font.setBold(True)
        for col in range(6):
            item.setFont(col, font)
        self._align(item)
        if u.over_quota:
            self._mark_over(item)
        return item

    def _category_item(self, category: str, f: Figures) -> QTreeWidgetItem:
        item = QTreeWidgetItem(["", catalogs.label("category", category),
                                _num(f.quota if f.assigned else None), str(f.actual), _num(f.in_recruitment),
                                _num(f.vacancy)])
        item.setData(1, CodeRole, category)
        item.setToolTip(1, item.text(1))
        self._align(item)
        if f.over_quota:
            self._mark_over(item)
        return item

    @staticmethod
    def _align(item: QTreeWidgetItem) -> None:
        for col in range(2, 6):
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _mark_over(self, item: QTreeWidgetItem) -> None:
        for col in range(6):
            item.setForeground(col, QBrush(OVER))
        item.setToolTip(0, self.tr("More staff than the quota"))

    def unit_item(self, code: str) -> QTreeWidgetItem | None:
        found = [i for i in self.tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive, 0)
                 if i.data(0, CodeRole) == code]
        return found[0] if found else None

    # --- documents -----------------------------------------------------------------------------------
    def export(self, path: str, on_done) -> None:
        """Write the staffing table to `path` on a worker thread (the suffix picks the format)."""
        ctx = self.ctx
        params = {"year": self.year(), "as_of": self.on_day(), "by_position": self.positions_check.isChecked()}

        def work(progress, cancelled):
            export(ctx, "staffing", params, path, progress, cancelled)
            return path

        self.task = run_task(work, parent=self, title=self.tr("Staffing table"),
                             label=self.tr("Writing the staffing table…"), on_result=on_done)

    def print_current(self) -> None:
        handle = tempfile.NamedTemporaryFile(prefix="bien_che_", suffix=".pdf", delete=False)
        handle.close()
        self.export(handle.name, self._preview)

    def _preview(self, path: str) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog

        self.preview = PdfPreviewDialog(path, self)
        self.preview.open()

    def save_as(self) -> None:
        default = suggested_path(self.ctx, f"bien_che_{self.year()}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the staffing table"), default,
            self.tr("PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"))
        if path:
            self.export(path, lambda p: confirm(self, path=p))
