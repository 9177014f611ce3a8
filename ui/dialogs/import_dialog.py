"""The import wizard: choose a workbook (or download the template), check every row in the background with
progress and cancel, read the errors in a table or save them as .xlsx, then import all rows at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.io.excel_import import ImportIssue, ImportResult, write_issues
from hrapp.io.excel_template import write_template
from ui.child_process import run_import
from ui.file_names import suggested_path
from ui.messages import confirm, error_text
from ui.tasks import Task, run_task
from ui.widgets.columns import Column, ColumnTableModel, fit_columns
from ui.widgets.forms import ERROR_STYLE

# Errors listed in the table: filling a table of 100,000 rows would hold the window for many seconds; the saved
# workbook holds every error.
ROWS_SHOWN = 1_000


class ImportDialog(QDialog):
    """`imported(result)` is emitted after rows were written, so the staff list can reload."""

    imported = Signal(object)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.checked: ImportResult | None = None
        self.result_value: ImportResult | None = None
        self.setWindowTitle(self.tr("Import staff records from Excel"))
        self.setMinimumSize(760, 480)
        self.resize(980, 620)

        intro = QLabel(self.tr(
            "Fill in the template (one sheet for people, further sheets for qualifications, salary history, work "
            "history and family; starting from an empty database, the units and their quotas too). Every row is checked first; if one has an error nothing is imported. People "
            "are recognised by their citizen ID number, so importing the same file again adds nobody."))
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("Workbook (.xlsx) to import"))
        self.file_edit.textChanged.connect(self._file_changed)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        template = QPushButton(self.tr("Download the template…"))
        template.clicked.connect(self.download_template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        file_row.addWidget(template)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        # a row: (the issue, its message as shown)
        self.model = ColumnTableModel([
            Column(self.tr("Sheet"), lambda r: r[0].sheet),
            Column(self.tr("Row"), lambda r: str(r[0].row or ""), Qt.AlignmentFlag.AlignRight),
            Column(self.tr("Column"), lambda r: r[0].column),
            Column(self.tr("Value"), lambda r: r[0].value),
            Column(self.tr("Problem"), lambda r: r[1]),
        ], parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.hide()

        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.save_errors_button = QPushButton(self.tr("Save errors as .xlsx…"))
        self.save_errors_button.clicked.connect(self.save_errors)
        self.save_errors_button.hide()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.run_import)
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.save_errors_button)
        actions.addStretch(1)
        actions.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)
        layout.addLayout(actions)

    # --- choosing ------------------------------------------------------------------------------------------
    def _suggested(self, name: str) -> str:
        """'SNV_mau_nhap_ho_so_05-03-2026.xlsx' in the home folder: the agency's short name first and the date, as
        the other pages suggest their files."""
        return suggested_path(self.ctx, f"{name}_{clock.today():%d-%m-%Y}.xlsx")

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the workbook"), str(Path.home()),
                                              self.tr("Excel workbooks (*.xlsx *.xlsm *.xls)"))
        if path:
            self.file_edit.setText(path)

    def download_template(self, *, path: str | None = None) -> Task | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the template"),
                                                  self._suggested("mau_nhap_ho_so"),
                                                  self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        ctx, target = self.ctx, path

        def work(progress, cancelled):
            write_template(ctx, target)
            return target

        self.task = run_task(work, parent=self, title=self.tr("Template"), label=self.tr("Writing the template…"),
                             on_result=self._template_saved)
        return self.task

    def _template_saved(self, path: str) -> None:
        self.summary_label.setText(self.tr("The template was saved to %1.").replace("%1", path))
        confirm(self, path=path)

    def _file_changed(self, text: str) -> None:
        self.checked = None
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(bool(text.strip()))

    # --- checking and importing ------------------------------------------------------------------------------
    def check(self) -> Task:
        """Validate every row on a worker thread (dry run: nothing is written)."""
        return self._run(dry_run=True)

    def run_import(self) -> Task:
        return self._run(dry_run=False)

    def _run(self, dry_run: bool) -> Task:
        ctx, path = self.ctx, self.file_edit.text().strip()
        self._busy(True)
        self.error_label.hide()

        def work(progress, cancelled):
            # a large workbook is read in a child process: reading it here would freeze the window
            return run_import(ctx, path, dry_run=dry_run, progress=progress, cancel=cancelled)

        self.task = run_task(
            work, parent=self, title=self.tr("Import"),
            label=self.tr("Checking the rows…") if dry_run else self.tr("Importing…"), writes=not dry_run,
            on_result=self._show_result, on_error=self._show_error, on_cancelled=self._cancelled)
        return self.task

    def _busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy and bool(self.file_edit.text().strip()))
        self.import_button.setEnabled(not busy and self.checked is not None and self.checked.ok)
        self.file_edit.setEnabled(not busy)

    def _show_result(self, result: ImportResult) -> None:
        summary = result.summary()
        if result.issue_count > ROWS_SHOWN:
            summary += "\n" + self.tr("The first %1 errors are shown; save the errors as .xlsx to read them all.") \
                .replace("%1", f"{ROWS_SHOWN:,}".replace(",", "."))
        self.summary_label.setText(summary)
        self._fill_issues(result.issues[:ROWS_SHOWN], result.warnings[:ROWS_SHOWN])
        if result.dry_run:
            self.checked = result
        else:
            self.checked = None
            self.result_value = result
            if result.ok:
                self.imported.emit(result)
        self._busy(False)

    def _fill_issues(self, issues: tuple[ImportIssue, ...], warnings: tuple[ImportIssue, ...] = ()) -> None:
        """The errors, then the warnings (rows imported all the same, to be checked), each where it is."""
        self.table.setVisible(bool(issues or warnings))
        self.save_errors_button.setVisible(bool(issues))
        self.model.set_rows([(i, i.message) for i in issues] + [
            (w, self.tr("Warning: %1").replace("%1", w.message)) for w in warnings])
        fit_columns(self.table)

    def _show_error(self, exc: BaseException) -> None:
        self.checked = None
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self._fill_issues(())
        self.summary_label.clear()
        self._busy(False)

    def _cancelled(self) -> None:
        self.summary_label.setText(self.tr("Cancelled; nothing was imported."))
        self._busy(False)

    def save_errors(self, *, path: str | None = None) -> str | None:
        result = self.checked or self.result_value
        if result is None or not result.issues:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the errors"), self._suggested("loi_nhap"),
                                                  self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        try:
            write_issues(result.issues, path, result.more_issues)
        except OSError as exc:
            self._show_error(exc)
            return None
        self.summary_label.setText(self.tr("The list of errors was saved to %1.").replace("%1", path))
        confirm(self, path=path)
        return path
