"""Adding a discipline in the person editor as the officer does it: the form list offers only the measures of the
rule version in force on the decision date for the person's category and post, the rule used and the end of the
effect period are shown, and a measure that no longer applies is refused with the reason next to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from tests.ui.recruitment_clicks import choose
from ui.dialogs.person_editor import PersonEditor
from ui.widgets.forms import DateField

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def editor(qtbot, staff_ctx):
    editor = PersonEditor(staff_ctx, staff_ctx.person_ids["Nguyễn Văn Bình"])  # a công chức holding no post
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.dirty = False


def field(dialog, label: str) -> QWidget:
    form: QFormLayout = dialog.form
    for row in range(form.rowCount()):
        shown = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if shown is not None and shown.widget() is not None and shown.widget().text() == label:
            return form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
    raise AssertionError(label)


def type_date(qtbot, edit: DateField, text: str) -> None:
    qtbot.mouseClick(edit, LEFT)
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def options(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def open_form(qtbot, editor: PersonEditor):
    history = editor.histories["disciplines"]
    bar = editor.tabs.tabBar()
    tab = next(i for i in range(editor.tabs.count()) if editor.tabs.widget(i).isAncestorOf(history))
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab).center())
    qtbot.mouseClick(history.action_buttons["add"], LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    return history, dialog


def test_the_forms_follow_the_decision_date_and_the_effect_end_is_shown(qtbot, editor):
    history, dialog = open_form(qtbot, editor)
    decided, form, rule = field(dialog, "Ngày quyết định"), field(dialog, "Hình thức"), field(dialog, "Quy định áp dụng")
    until = field(dialog, "Hiệu lực đến ngày")
    assert isinstance(decided, DateField) and isinstance(form, QComboBox) and isinstance(until, DateField)
    assert isinstance(rule, QLabel) and rule.wordWrap()

    type_date(qtbot, decided, "30/06/2025")
    assert options(form) == ["Khiển trách", "Cảnh cáo", "Hạ bậc lương", "Buộc thôi việc"]
    assert rule.text() == "NĐ 112/2020/NĐ-CP: công chức, không giữ chức vụ lãnh đạo, quản lý"
    assert until.text() == "29/06/2026"

    for day in ("01/07/2025", "02/07/2025"):
        type_date(qtbot, decided, day)
        assert options(form) == ["Khiển trách", "Cảnh cáo", "Buộc thôi việc"]
        assert rule.text().startswith("NĐ 172/2025/NĐ-CP: công chức")
    type_date(qtbot, decided, "01/07/2025")
    assert until.text() == "30/06/2026"  # 12 months counting 01/07/2025

    choose(qtbot, form, "Cảnh cáo")
    type_date(qtbot, field(dialog, "Ngày phát hiện vi phạm"), "01/03/2025")  # 122 days before the decision
    assert rule.text().endswith(" · quá thời hạn xử lý kỷ luật (hạn cuối 30/05/2025)")
    complex_case = next(c for c in dialog.findChildren(QCheckBox) if c.text().startswith("Vụ việc phức tạp"))
    qtbot.mouseClick(complex_case, LEFT)  # 150 days for a complex case: in time
    assert complex_case.isChecked() and " · " not in rule.text()
    type_into = field(dialog, "Lý do")
    qtbot.mouseClick(type_into, LEFT)
    qtbot.keyClicks(type_into, "Vi pham quy che lam viec")
    number = dialog.decision_form.number_edit
    qtbot.mouseClick(number, LEFT)
    qtbot.keyClicks(number, "12/QD-SKHCN")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)
    model = history.model
    assert model.rowCount() == 1
    assert [model.cell(0, c).text for c in range(4)] == ["01/07/2025", "Cảnh cáo", "01/07/2025", "30/06/2026"]


def test_a_measure_chosen_for_an_earlier_date_is_refused_with_its_reason(qtbot, editor):
    history, dialog = open_form(qtbot, editor)
    decided, form = field(dialog, "Ngày quyết định"), field(dialog, "Hình thức")
    type_date(qtbot, decided, "30/06/2025")
    choose(qtbot, form, "Hạ bậc lương")
    type_date(qtbot, decided, "01/07/2025")  # the officer corrects the date: the choice stays, marked
    assert form.currentText() == "Hạ bậc lương (không áp dụng vào ngày này)"
    number = dialog.decision_form.number_edit
    qtbot.mouseClick(number, LEFT)
    qtbot.keyClicks(number, "13/QD-SKHCN")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)
    assert dialog.isVisible() and history.model.rowCount() == 0
    message = dialog.errors.text("form")
    assert "Hình thức hạ bậc lương không áp dụng cho công chức không giữ chức vụ lãnh đạo, quản lý" in message
    assert "NĐ 172/2025/NĐ-CP" in message and "khiển trách, cảnh cáo, buộc thôi việc" in message
