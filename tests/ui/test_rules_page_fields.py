"""The regulation page names versions by their legal names and edits parameters in labelled fields, by clicks."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox

from ui.pages.rules_page import RulesPage


def open_page(qtbot, ctx) -> RulesPage:
    page = RulesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    page.activated()
    return page


def click_rule(qtbot, page: RulesPage, title: str) -> None:
    item = next(page.codes.item(i) for i in range(page.codes.count()) if page.codes.item(i).text() == title)
    page.codes.scrollToItem(item)
    qtbot.mouseClick(page.codes.viewport(), Qt.MouseButton.LeftButton, pos=page.codes.visualItemRect(item).center())
    assert page.codes.currentItem() is item


def click_version(qtbot, page: RulesPage, name: str) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.cell(r, 0).text == name)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current is not None and page.table.selectionModel().selectedRows()[0].row() == row


def retype(qtbot, editor, text: str) -> None:
    target = editor.lineEdit() if isinstance(editor, QSpinBox) else editor
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(target, text)


def form_labels(page: RulesPage) -> list[str]:
    return [label.text() for label in page.params_form.widget().findChildren(QLabel)]


def test_versions_are_listed_by_their_legal_names(qtbot, ctx):
    page = open_page(qtbot, ctx)
    click_rule(qtbot, page, "Tuổi nghỉ hưu trong điều kiện lao động bình thường")
    assert [page.model.cell(r, 0).text for r in range(page.model.rowCount())] == [
        "Bộ luật Lao động 2012", "NĐ 135/2020/NĐ-CP"]
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Văn bản"
    click_rule(qtbot, page, "Nâng bậc lương thường xuyên")
    names = [page.model.cell(r, 0).text for r in range(page.model.rowCount())]
    assert names == ["TT 08/2013/TT-BNV", "TT 03/2021/TT-BNV"]
    assert not [n for n in names if re.fullmatch(r"[a-z_0-9]+", n)]


def test_a_parameter_changed_in_its_labelled_field_is_saved_as_the_same_data(qtbot, ctx):
    before = ctx.rulebook.by_version("retirement_notice", "nd170_2025").params
    page = open_page(qtbot, ctx)
    click_rule(qtbot, page, "Thông báo nghỉ hưu")
    click_version(qtbot, page, "NĐ 170/2025/NĐ-CP")
    assert "months_before" not in form_labels(page) and "Số tháng trước" in form_labels(page)
    months = page.params_form.editor("Số tháng trước")
    assert isinstance(months, QSpinBox) and months.value() == 6 and months.suffix() == " tháng"
    retype(qtbot, months, "5")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    after = ctx.rulebook.by_version("retirement_notice", "nd170_2025").params
    assert after == {**before, "months_before": 5}
    assert "đã sửa" in page.model.cell(page.table.currentIndex().row(), 4).text


def test_nested_parameters_show_labelled_groups_and_keep_the_rest(qtbot, ctx):
    before = ctx.rulebook.by_version("appointment_term", "qd80_2022").params
    page = open_page(qtbot, ctx)
    click_rule(qtbot, page, "Thời hạn bổ nhiệm, bổ nhiệm lại, kéo dài thời gian giữ chức vụ")
    click_version(qtbot, page, "Quy định 80-QĐ/TW")
    labels = form_labels(page)
    assert "Nhắc hết thời hạn 1 (Còn 6 tháng hết thời hạn bổ nhiệm)" in labels and "Nhiệm kỳ" in labels
    assert not [t for t in labels if re.fullmatch(r"[a-z_]+", t)]  # no term_years, months_before …
    retype(qtbot, page.params_form.editor("Số tháng trước", "Nhắc hết thời hạn 1 (Còn 6 tháng hết thời hạn bổ nhiệm)"),
           "4")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    after = ctx.rulebook.by_version("appointment_term", "qd80_2022").params
    assert after["alerts"][0] == {**before["alerts"][0], "months_before": 4}
    assert {k: v for k, v in after.items() if k != "alerts"} == {k: v for k, v in before.items() if k != "alerts"}
    assert after["alerts"][1] == before["alerts"][1]


def test_a_value_that_cannot_be_read_is_refused_next_to_the_parameters(qtbot, ctx):
    page = open_page(qtbot, ctx)
    click_rule(qtbot, page, "Mức lương cơ sở")
    click_version(qtbot, page, "NĐ 73/2024/NĐ-CP")
    amount = page.params_form.editor("Mức lương cơ sở")
    assert isinstance(amount, QLineEdit) and amount.text() == "2340000"
    retype(qtbot, amount, "hai trieu")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.errors.text("params") == "Giá trị 'hai trieu' của “Mức lương cơ sở” không hợp lệ."
    assert ctx.rulebook.by_version("base_salary", "nd73_2024").params["amount"] == "2340000"
    retype(qtbot, amount, "2530000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.errors.text("params") == ""
    assert ctx.rulebook.by_version("base_salary", "nd73_2024").params["amount"] == "2530000"
