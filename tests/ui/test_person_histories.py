"""The person editor's declared history tabs, used as the officer uses them: open the tab, click a row, click the
button that acts on it, type in its form and save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from hrapp.services import persons as ps
from ui.dialogs.person_editor import PersonEditor
from ui.dialogs.person_histories import PAGES

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def editor(qtbot, staff_ctx):
    editor = PersonEditor(staff_ctx, staff_ctx.person_ids["Trần Thị Đào"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.dirty = False


def open_tab(qtbot, editor: PersonEditor, history) -> None:
    tab = next(i for i in range(editor.tabs.count()) if editor.tabs.widget(i) is history
               or editor.tabs.widget(i).isAncestorOf(history))
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab).center())
    assert history.isVisible()


def click_row(qtbot, history, row: int) -> None:
    view = history.table
    rect = view.visualRect(history.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    qtbot.mouseClick(field, LEFT)
    field.selectAll()
    qtbot.keyClicks(field, text)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)


def test_every_page_shows_its_histories_with_their_columns_in_vietnamese(editor):
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert len(titles) == 2 + len(PAGES) and titles[3] == "Ngạch, lương"
    salary = editor.salary_history.model
    headers = [salary.headerData(c, Qt.Orientation.Horizontal) for c in range(salary.columnCount())]
    assert headers[:4] == ["Từ ngày", "Ngạch", "Bậc", "Hệ số"]
    assert salary.rowCount() == 1 and salary.cell(0, 2).text == "3"


def test_a_document_is_removed_by_choosing_its_row_and_confirming(qtbot, editor, tmp_path, monkeypatch):
    scan = tmp_path / "QD 12.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    docs = editor.doc_tab
    open_tab(qtbot, editor, docs)
    qtbot.mouseClick(docs.action_buttons["attach"], LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    save(qtbot, dialog)  # no file chosen yet
    assert dialog.errors.text("filename") == "Hãy chọn một tệp có thật."
    type_into(qtbot, dialog.findChildren(QLineEdit)[0], str(scan))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        save(qtbot, dialog)
    assert [docs.model.cell(r, 0).text for r in range(docs.model.rowCount())] == ["QD 12.pdf"]
    remove, open_button = docs.action_buttons["remove"], docs.action_buttons["open"]
    assert not remove.isEnabled() and not open_button.isEnabled()  # no row chosen
    click_row(qtbot, docs, 0)
    assert remove.isEnabled() and open_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(remove, LEFT)
    assert asked == ["Gỡ tài liệu đã chọn khỏi hồ sơ?"]
    assert docs.model.rowCount() == 0 and not remove.isEnabled()


def test_a_study_in_progress_is_marked_completed_from_its_row(qtbot, staff_ctx, editor):
    pid = staff_ctx.person_ids["Trần Thị Đào"]
    ps.add_qualification(staff_ctx, pid, ps.QualificationInput("chuyen_mon", "ThS", major="Quản lý công",
                                                               in_progress=True))
    editor.reload()
    quals = editor.qual_tab
    open_tab(qtbot, editor, quals)
    row = next(r for r in range(quals.model.rowCount()) if quals.model.cell(r, 9).text == "Đang học")
    complete = quals.action_buttons["complete"]
    assert not complete.isEnabled()
    click_row(qtbot, quals, row)
    qtbot.mouseClick(complete, LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    save(qtbot, dialog)  # the year is missing
    assert dialog.isVisible() and dialog.errors.text("year") == "Hãy nhập năm được cấp văn bằng."
    year = dialog.findChildren(QLineEdit)[0]
    type_into(qtbot, year, "2023")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        save(qtbot, dialog)
    statuses = [quals.model.cell(r, 9).text for r in range(quals.model.rowCount())]
    assert statuses == ["Đã hoàn thành", "Đã hoàn thành"]
