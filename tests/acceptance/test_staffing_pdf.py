"""Acceptance (c): the officer opens Báo cáo in the main window on the demo, picks the staffing table, year 2022,
presses "Lưu PDF…", chooses a file, and gets a PDF whose text shows the table and its totals."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtCore import Qt


def test_staffing_table_2022_saved_as_pdf(demo_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page = demo_window.show_area("reports")
    item = next(page.tree.topLevelItem(g).child(k) for g in range(page.tree.topLevelItemCount())
                for k in range(page.tree.topLevelItem(g).childCount())
                if page.tree.topLevelItem(g).child(k).text(0) == "Bảng tổng hợp biên chế")
    rect = page.tree.visualItemRect(item)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_report().key == "staffing"
    page.year_spin.setFocus()
    page.year_spin.selectAll()
    qtbot.keyClicks(page.year_spin, "2022")
    assert page.year_spin.value() == 2022
    target = tmp_path / "bien_che_2022.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is not None and not page.task.is_running(), timeout=60_000)

    assert page.message_label.isHidden(), page.message_label.text()
    assert target.exists()
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(target)).pages]
    text = " ".join(pages)
    assert "BẢNG TỔNG HỢP BIÊN CHẾ" in text and "năm 2022" in text
    as_of = page.as_of_edit.date().toString("dd/MM/yyyy")
    assert f"Tính đến ngày {as_of}" in text
    # the totals row of the demo's 2022 table (quota 39 civil servants, 57 public employees, 5 contracts),
    # with the signatures on the same (last) page
    totals = re.search(r"Tổng cộng((?: \d+)+)", pages[-1])
    assert totals is not None
    figures = [int(x) for x in totals.group(1).split()]
    assert figures[0] == 39 and 57 in figures and figures[-1] > 100
    assert "GIÁM ĐỐC" in pages[-1]
    assert "Đã lưu" in page.done_label.text()
