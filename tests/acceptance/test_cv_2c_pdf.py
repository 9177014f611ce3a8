"""Acceptance (d): on the demo's staff list the officer selects a person, presses "In sơ yếu lý lịch", chooses
Mẫu 2C, and in the print preview presses "Lưu PDF…": the file is the vector PDF whose text reads the name and
"Mẫu 2C"."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.ui.conftest import wait_loaded
from tests.ui.recruitment_clicks import menu_choice


def test_2c_from_the_staff_list_preview_saved_as_a_vector_pdf(demo_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page = demo_window.show_area("staff")
    wait_loaded(qtbot, page)
    m = page.model
    row = [m.data(m.index(r, 1)) for r in range(m.rowCount())].index("Lương Thị Nhi")
    page.table.scrollTo(m.index(row, 1))
    rect = page.table.visualRect(m.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.cv_button.text() == "In sơ yếu lý lịch"
    assert page.selected_person_id() is not None
    menu_choice(qtbot, page.cv_button, "Sơ yếu lý lịch (Mẫu 2C-BNV/2008)")
    with qtbot.waitSignal(page.task.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None and page.preview.isVisible())
    preview = page.preview

    target = tmp_path / "2c.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)

    assert target.exists()
    reader = PdfReader(str(target))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "LƯƠNG THỊ NHI" in text.upper()
    assert "Mẫu 2C" in text
    assert target.stat().st_size < 300_000  # vector text and fonts, not 200-dpi page pictures
    assert demo_window.statusBar().currentMessage() == f"Đã lưu {target}"
    preview.close()
