"""Acceptance: in the demo department the officer opens "Lương, nghỉ hưu", presses "Nâng ngạch, thăng hạng…", picks
Kỹ sư chính (hạng II) and the day of the list, reads who is eligible and why the others are not, records the
promotion of the first eligible engineer with the appointing decision, and prints the list for the council."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.ui.recruitment_clicks import type_into


def test_a_promotion_round_for_grade_ii_engineers(demo_window, qtbot, monkeypatch):
    page = demo_window.show_area("career")
    qtbot.mouseClick(page.promotion_button, Qt.MouseButton.LeftButton)
    dialog = page.promotion_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.target_combo.setFocus()
    for _ in range(dialog.target_combo.count()):
        if dialog.target_combo.currentData() == "V.05.02.06":
            break
        qtbot.keyClick(dialog.target_combo, Qt.Key.Key_Down)
    assert dialog.target_combo.currentText() == "Kỹ sư chính (hạng II) (V.05.02.06)"
    type_into(qtbot, dialog.on_edit, "01/03/2026")
    qtbot.mouseClick(dialog.list_button, Qt.MouseButton.LeftButton)

    # the demo's engineers of grade III on 01/03/2026: who meets every condition, and the others with the reason
    assert dialog.count_label.text() == "66 người đủ điều kiện, 20 người chưa đủ"
    assert "NĐ 170/2025/NĐ-CP" in dialog.rule_label.text()
    rows = dialog.model.rows
    assert all(r.eligible for r in rows[:66]) and not any(r.eligible for r in rows[66:])
    assert all(r.reasons for r in rows[66:])

    first = rows[0]
    rect = dialog.view.visualRect(dialog.model.index(0, 0))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.checks_label.text().startswith(first.full_name)
    type_into(qtbot, dialog.decision_form.number_edit, "30/QĐ-SKHCN")
    type_into(qtbot, dialog.decision_form.sign_date_edit, "15/03/2026")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.general_error.text() == ""
    # 4,32 (bậc 7 kỹ sư) -> 4,40 bậc 1 kỹ sư chính; the gap 0,08 is under one step: the time counted is kept
    assert f"Đã ghi: {first.full_name}" in dialog.result_label.text()
    assert "Bậc 1, hệ số 4,40" in dialog.result_label.text()
    assert "TT 02/2007/TT-BNV Mục II khoản 1 điểm a" in dialog.result_label.text()

    shown = []
    monkeypatch.setattr("ui.dialogs.promotion_dialog.open_preview", lambda path, parent, name: shown.append(path))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(shown[0]).pages)
    assert "DANH SÁCH" in text and "Kỹ sư chính (hạng II)" in text and "Tính đến ngày 01/03/2026" in text
    assert "I. Đủ tiêu chuẩn, điều kiện (66 người)" in text and "II. Chưa đủ tiêu chuẩn, điều kiện (20 người)" in text
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text
