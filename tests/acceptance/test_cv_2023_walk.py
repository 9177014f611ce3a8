"""A 2026 walk on the demo department: the officer selects a person on the staff list, presses "In sơ yếu lý lịch",
chooses the national database's form (TT 06/2023/TT-BNV), and in the print preview presses "Lưu PDF…": the file
is the vector PDF of that form, its header keyed by the person's identification number, the BHXH and BHYT numbers
in item 9, and the same person printed on Mẫu 2C from the same menu right after."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from hrapp.db.models import Person
from tests.ui.conftest import wait_loaded
from tests.ui.recruitment_clicks import menu_choice

NAME = "Lương Thị Nhi"


def pdf_text(path) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf), " ".join(" ".join(page.get_textpage().get_text_range() for page in pdf).split())
    finally:
        pdf.close()


def test_the_officer_prints_the_national_form_then_the_2c_from_the_same_menu(demo_window, demo_ctx, qtbot,
                                                                            tmp_path, monkeypatch):
    with demo_ctx.read() as s:
        card, bhxh, bhyt = s.execute(select(Person.personal_id, Person.social_insurance_no,
                                            Person.health_insurance_no).where(Person.full_name == NAME)).one()
    assert card and bhxh and bhyt

    page = demo_window.show_area("staff")
    wait_loaded(qtbot, page)
    m = page.model
    row = [m.data(m.index(r, 1)) for r in range(m.rowCount())].index(NAME)
    page.table.scrollTo(m.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(m.index(row, 1)).center())
    assert page.cv_button.text() == "In sơ yếu lý lịch" and page.cv_button.isEnabled()

    saved = []
    for form, name in (("Sơ yếu lý lịch (mẫu TT 06/2023/TT-BNV)", "tt06.pdf"),
                       ("Sơ yếu lý lịch (Mẫu 2C-BNV/2008)", "2c.pdf")):
        menu_choice(qtbot, page.cv_button, form)
        with qtbot.waitSignal(page.task.finished, timeout=60_000):
            pass
        qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None and page.preview.isVisible())
        preview = page.preview
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        assert target.exists() and target.stat().st_size < 300_000  # vector text and fonts
        assert demo_window.statusBar().currentMessage() == f"Đã lưu {target}"
        preview.close()
        page.preview = None
        saved.append(target)

    pages, text = pdf_text(saved[0])
    assert 4 <= pages <= 7
    assert text.startswith("MẪU SƠ YẾU LÝ LỊCH (Ban hành kèm theo Thông tư số 06/2023/TT-BNV")
    assert f"Mã số định danh: {card}" in text
    assert f"9) Số BHXH: {bhxh}" in text and f"Số thẻ BHYT: {bhyt}" in text
    assert "LƯƠNG THỊ NHI" in text and "38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG" in text
    _, old = pdf_text(saved[1])
    assert "Mẫu 2C-BNV/2008" in old and "LƯƠNG THỊ NHI" in old and "Mã số định danh" not in old
