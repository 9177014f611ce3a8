"""The merge dialog of the organisation page, clicked and typed through like the officer: choose the units, the new
unit, the decision; preview who moves and who is above the quota; confirm; a refusal stays in the dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from hrapp.db.models import Employment, OrgUnit
from tests.services.test_reorganisation import build_two_sos
from tests.ui.typing import retype
from ui.dialogs.reorganise_dialog import ReorganiseDialog
from ui.pages.org_page import OrgPage
from ui.widgets.forms import to_qdate


@pytest.fixture
def page(qtbot, ctx):
    org = build_two_sos(ctx)
    p = OrgPage(ctx)
    qtbot.addWidget(p)
    p.date_edit.setDate(to_qdate(date(2026, 2, 1)))
    p.show()
    p.org = org  # type: ignore[attr-defined]  # the builder's ids, for the checks
    return p


def type_into(qtbot, field, text: str) -> None:
    retype(qtbot, field, text)


def tick(qtbot, dialog: ReorganiseDialog, name: str) -> None:
    lst = dialog.source_list
    item = next(lst.item(i) for i in range(lst.count()) if lst.item(i).text().strip() == name)
    rect = lst.visualItemRect(item)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(lst, Qt.Key.Key_Space)


def choose(qtbot, radio) -> None:
    """Click the radio button on its round mark (its row is as wide as the dialog; the text is at the left)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def error(dialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"error:{field}")
    return label.text() if label is not None and not label.isHidden() else ""


def open_dialog(qtbot, page) -> ReorganiseDialog:
    assert page.select_code("SKHCN")
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ReorganiseDialog)
    return dialog


def fill_new_unit_and_decision(qtbot, dialog: ReorganiseDialog) -> None:
    tick(qtbot, dialog, "Sở Thông tin và Truyền thông")
    choose(qtbot, dialog.new_radio)
    type_into(qtbot, dialog.code_edit, "SKHCN-2026")
    type_into(qtbot, dialog.name_edit, "Sở Khoa học và Công nghệ (hợp nhất)")
    form = dialog.decision_form
    type_into(qtbot, form.number_edit, "12/QĐ-UBND")
    type_into(qtbot, form.sign_date_edit, "20/02/2026")
    type_into(qtbot, form.effective_edit, "01/03/2026")
    type_into(qtbot, form.signer_edit, "Nguyễn Văn A")


def test_merge_two_departments_into_a_new_one_by_clicking_through(qtbot, page, ctx):
    dialog = open_dialog(qtbot, page)
    assert dialog.sources() == (page.org["khcn"],)
    fill_new_unit_and_decision(qtbot, dialog)
    assert dialog.sources() == (page.org["khcn"], page.org["tttt"])
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    summary = dialog.preview_summary.text()
    assert "01/03/2026" in summary and "4" in summary and "+1" in summary, summary
    model = dialog.preview_view.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names[:4] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]
    assert model.rowCount() == 4 + 3  # the three civil servants again, above the quota of 2
    with ctx.read() as s:  # the preview wrote nothing
        assert s.scalar(select(OrgUnit.id).where(OrgUnit.code == "SKHCN-2026")) is None
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None and not dialog.isVisible()
    with ctx.read() as s:
        new = s.scalars(select(OrgUnit).where(OrgUnit.code == "SKHCN-2026")).one()
        assert s.get_one(OrgUnit, page.org["tttt"]).merged_into_id == new.id
        assert s.scalar(select(func.count()).select_from(Employment).where(Employment.unit_id == new.id)) == 4
    page.date_edit.setDate(to_qdate(date(2026, 3, 1)))
    assert page.select_code("SKHCN-2026") and not page.select_code("STTTT")


def test_a_refused_merger_stays_in_the_dialog_with_the_message_under_its_field(qtbot, page, ctx):
    dialog = open_dialog(qtbot, page)
    tick(qtbot, dialog, "Sở Khoa học và Công nghệ")  # unticked: nothing to merge
    form = dialog.decision_form
    type_into(qtbot, form.number_edit, "12/QĐ-UBND")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert error(dialog, "source_ids") and dialog.preview_view.isHidden()
    tick(qtbot, dialog, "Sở Thông tin và Truyền thông")
    choose(qtbot, dialog.new_radio)
    type_into(qtbot, dialog.code_edit, "SKHCN")  # the code of a unit that exists
    type_into(qtbot, dialog.name_edit, "Sở mới")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and error(dialog, "code")
    with ctx.read() as s:
        assert s.get_one(OrgUnit, page.org["tttt"]).active_to is None
