"""The officer chooses, for each print, the Sơ yếu lý lịch form from the staff list's "In sơ yếu lý lịch" menu:
Mẫu 2C-BNV/2008 or the national database's form (TT 06/2023/TT-BNV); the editor takes the new numbers of the
national form and says what is wrong with one next to its field."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from hrapp.db.models import Person
from tests.ui.conftest import wait_loaded
from tests.ui.recruitment_clicks import keys, menu_choice
from ui.dialogs.person_editor import PersonEditor

TT06 = "Sơ yếu lý lịch (mẫu TT 06/2023/TT-BNV)"
TWO_C = "Sơ yếu lý lịch (Mẫu 2C-BNV/2008)"


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range() for page in pdf).split())
    finally:
        pdf.close()


def click_person(qtbot, page, name: str) -> None:
    m = page.model
    row = [m.data(m.index(r, 1)) for r in range(m.rowCount())].index(name)
    page.table.scrollTo(m.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(m.index(row, 1)).center())


def print_with(qtbot, page, form: str):
    menu_choice(qtbot, page.cv_button, form)
    with qtbot.waitSignal(page.task.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None and page.preview.isVisible())
    preview = page.preview
    text = pdf_text(preview.pdf_bytes)
    preview.close()
    page.preview = None
    return text


def test_the_cv_button_offers_both_forms_once_a_person_is_chosen(qtbot, window):
    page = window.show_area("staff")
    wait_loaded(qtbot, page)
    assert page.cv_button.text() == "In sơ yếu lý lịch"
    entries = [a.text() for a in page.cv_button.menu().actions()]
    assert entries == [f"{TWO_C} (PDF)…", f"{TT06} (PDF)…"]
    page.table.clearSelection()
    assert not page.cv_button.isEnabled()
    click_person(qtbot, page, "Trần Thị Đào")
    assert page.cv_button.isEnabled()


def test_each_print_is_on_the_form_chosen_for_it(qtbot, window):
    page = window.show_area("staff")
    wait_loaded(qtbot, page)
    click_person(qtbot, page, "Trần Thị Đào")
    national = print_with(qtbot, page, TT06)
    assert "MẪU SƠ YẾU LÝ LỊCH" in national and "06/2023/TT-BNV" in national and "TRẦN THỊ ĐÀO" in national
    assert "Mã số định danh:" in national and "Số thẻ BHYT:" in national and "2C-BNV" not in national
    old = print_with(qtbot, page, TWO_C)
    assert "Mẫu 2C-BNV/2008" in old and "Mã số định danh" not in old


def _error(editor, field: str) -> str:
    label = editor.findChild(QLabel, f"error:{field}")
    return label.text() if label is not None and not label.isHidden() else ""


def _type(qtbot, editor: PersonEditor, key: str, text: str) -> None:
    widget = editor.identity_form.widgets[key]
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    widget.selectAll()
    keys(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)  # leaving the field checks it
    qtbot.waitUntil(lambda: not widget.hasFocus())


def test_the_editor_checks_the_new_numbers_by_their_fields_and_saves_them(qtbot, staff_ctx):
    pid = staff_ctx.person_ids["Trần Thị Đào"]
    editor = PersonEditor(staff_ctx, pid)
    try:
        _edit_and_save(qtbot, staff_ctx, editor, pid)
    finally:
        editor.dirty = False  # closing moves the focus out of a field, which counts as an edit
        editor.close()
        editor.deleteLater()


def _edit_and_save(qtbot, staff_ctx, editor: PersonEditor, pid: int) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    card = "052179001111"
    _type(qtbot, editor, "id_number", card)
    _type(qtbot, editor, "social_insurance_no", "520501234")  # 9 digits
    qtbot.waitUntil(lambda: "10 chữ số" in _error(editor, "social_insurance_no"))
    _type(qtbot, editor, "personal_id", "052179001112")  # not the card's number
    qtbot.waitUntil(lambda: "khác số CCCD" in _error(editor, "personal_id"))
    _type(qtbot, editor, "social_insurance_no", "5205012345")
    _type(qtbot, editor, "personal_id", card)
    _type(qtbot, editor, "health_insurance_no", "GD4525205012345")
    _type(qtbot, editor, "managing_agency", "UBND tỉnh Gia Lai")
    _type(qtbot, editor, "party_post", "Bí thư Chi bộ")
    qtbot.waitUntil(lambda: not _error(editor, "social_insurance_no") and not _error(editor, "personal_id"))
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.dirty)
    with staff_ctx.read() as s:
        p = s.get(Person, pid)
        assert (p.personal_id, p.social_insurance_no, p.health_insurance_no) == (card, "5205012345",
                                                                                "GD4525205012345")
        assert (p.managing_agency, p.party_post) == ("UBND tỉnh Gia Lai", "Bí thư Chi bộ")
    assert not editor.dirty
