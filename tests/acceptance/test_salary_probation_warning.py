"""Walk on the demo department: a viên chức recruited on 01/09/2021 (after TT 03/2021/TT-BNV took effect) did 12
months of probation, which does not count toward the regular pay step. The officer adds a salary row and types
a "next step counts from" date inside that probation: the form warns under the field and names the right date
(the day after probation); a second Save saves it anyway, and the to-do list's pay-step line then carries the
warning. A date after probation saves at once."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QWidget
from sqlalchemy import select

from hrapp.db.models import Employment, SalaryStep
from hrapp.services.alerts import alerts
from ui.dialogs.person_editor import PersonEditor
from ui.widgets.forms import FormDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def recruit(demo_ctx) -> int:
    with demo_ctx.read() as s:
        return s.scalar(select(Employment.person_id).where(Employment.probation_start == date(2021, 9, 1)))


@pytest.fixture
def editor(qtbot, demo_ctx, recruit):
    editor = PersonEditor(demo_ctx, recruit)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.dirty = False


def field(dialog: FormDialog, label: str) -> QWidget:
    """The field of the form whose label starts with `label` (as the officer reads it)."""
    form = dialog.form
    for row in range(form.rowCount()):
        caption = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if caption is not None and caption.widget() is not None and caption.widget().text().startswith(label):
            return form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
    raise AssertionError(f"no field {label!r}")


def type_into(qtbot, widget: QWidget, text: str) -> None:
    qtbot.mouseClick(widget, LEFT)
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    widget.editingFinished.emit()


def open_salary_form(qtbot, editor: PersonEditor) -> FormDialog:
    history = editor.salary_history
    tab = next(i for i in range(editor.tabs.count()) if editor.tabs.widget(i).isAncestorOf(history))
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab).center())
    assert history.isVisible()
    qtbot.mouseClick(history.action_buttons["add"], LEFT)
    dialog = editor.sub_dialog
    assert isinstance(dialog, FormDialog) and dialog.isVisible()
    return dialog


def fill(qtbot, dialog: FormDialog, since: str) -> None:
    type_into(qtbot, field(dialog, "Ngày hưởng"), "01/12/2026")
    type_into(qtbot, field(dialog, "Mốc tính nâng bậc"), since)
    type_into(qtbot, dialog.decision_form.number_edit, "15/QD-SKHCN")  # qtbot types ASCII only


def save(qtbot, dialog: FormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)


def rows(ctx, pid: int) -> list[tuple[date, date]]:
    with ctx.read() as s:
        return [tuple(r) for r in s.execute(select(SalaryStep.effective_date, SalaryStep.step_since)
                                            .where(SalaryStep.person_id == pid)
                                            .order_by(SalaryStep.effective_date))]


def test_a_step_date_inside_probation_is_warned_and_saved_on_a_second_click(qtbot, demo_ctx, editor, recruit):
    dialog = open_salary_form(qtbot, editor)
    fill(qtbot, dialog, "01/09/2021")
    save(qtbot, dialog)
    assert "xem cảnh báo bên dưới" in dialog.errors.text("step_since")
    said = dialog.general_error.text()
    assert dialog.general_error.isVisible()
    assert "nằm trong thời gian tập sự" in said and "01/09/2022" in said and "Bấm Lưu lần nữa" in said
    assert dialog.isVisible() and rows(demo_ctx, recruit)[-1][0] != date(2026, 12, 1)  # nothing saved yet

    with qtbot.waitSignal(editor.saved, timeout=5000):
        save(qtbot, dialog)
    assert rows(demo_ctx, recruit)[-1] == (date(2026, 12, 1), date(2021, 9, 1))
    # The officer's to-do list: the step now looks due at once, and says why to check it first.
    line = next(a for a in alerts(demo_ctx, date(2026, 12, 1), 30) if a.employee_id == recruit
                and a.kind == "pay_step")
    assert "Cảnh báo: Mốc tính nâng bậc (01/09/2021) nằm trong thời gian tập sự" in line.detail


def test_a_step_date_after_probation_saves_at_once(qtbot, demo_ctx, editor, recruit):
    dialog = open_salary_form(qtbot, editor)
    fill(qtbot, dialog, "01/09/2022")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        save(qtbot, dialog)
    assert rows(demo_ctx, recruit)[-1] == (date(2026, 12, 1), date(2022, 9, 1))
    assert not [a for a in alerts(demo_ctx, date(2026, 12, 1), 3650) if a.employee_id == recruit
                and "Cảnh báo" in a.detail]
