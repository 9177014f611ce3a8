"""The import wizard lists the first errors only (a table of 100,000 rows would hold the window); the summary
says so, and the saved workbook holds every error, the ones past the cap counted on a last line."""

from __future__ import annotations

from openpyxl import load_workbook

from hrapp.io.excel_import import ImportIssue, ImportResult
from ui.dialogs import import_dialog
from ui.dialogs.import_dialog import ImportDialog


def test_the_table_shows_the_first_errors_and_the_saved_list_holds_them_all(qtbot, ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(import_dialog, "ROWS_SHOWN", 3)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    issues = tuple(ImportIssue("Nhân sự", n, "Mã đơn vị (*)", "X", "Không có đơn vị này.") for n in range(2, 10))
    dialog._show_result(ImportResult(True, issues, 8, more_issues=4))
    assert dialog.model.rowCount() == 3
    assert "12" in dialog.summary_label.text() and "3" in dialog.summary_label.text().splitlines()[-1]
    saved = dialog.save_errors(path=str(tmp_path / "errors.xlsx"))
    ws = load_workbook(saved).active
    assert ws.max_row == 1 + 8 + 1 and "4" in ws.cell(ws.max_row, 5).value


def test_a_bomb_checked_in_the_wizard_is_one_line_and_the_window_lives_on(qtbot, ctx, tmp_path, monkeypatch):
    """A small file was read in the window's own process: the 1.6 kB bomb would have ended the application. Also
    when the GUI's import worker process reads it (every file in a child), the reader below it is what dies."""
    from tests.io import crafted as c
    from ui import child_process

    bomb = c.persons_book(tmp_path / "bomb.xlsx", extra_rows='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(bomb))
    for in_child in (False, True):
        monkeypatch.setattr(child_process, "CHILD_PROCESS_BYTES", 0 if in_child else 10**9)
        with qtbot.waitSignal(dialog.check().finished, timeout=60_000):
            pass
        assert dialog.error_label.isVisible()
        assert "giới hạn an toàn" in dialog.error_label.text() and "\n" not in dialog.error_label.text()
        assert not dialog.import_button.isEnabled()
