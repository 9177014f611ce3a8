"""Walk of issue 16 (item 4) on the demo department: open a civil servant's record, add a discipline on the
"Khen thưởng, kỷ luật" tab where the list offers only the measures of the decree in force on the decision date
(hạ bậc lương on 30/06/2025, not from 01/07/2025 under NĐ 172/2025), see the end of its effect period, save it,
then find an appointment inside that period refused with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from hrapp.db.models import Discipline, Person, PostHeld
from hrapp.text import fold
from tests.acceptance.test_edit_phone import shown
from tests.ui.conftest import wait_loaded
from tests.ui.recruitment_clicks import choose
from tests.ui.test_discipline_entry import field, options, type_date
from ui.dialogs.person_detail_dialog import PersonDetailDialog
from ui.dialogs.person_editor import PersonEditor

LEFT = Qt.MouseButton.LeftButton


def a_civil_servant_without_post(ctx) -> tuple[int, str]:
    with ctx.read() as s:
        leaders = set(s.scalars(select(PostHeld.person_id)))
        disciplined = set(s.scalars(select(Discipline.person_id)))
        rows = s.execute(select(Person.id, Person.full_name).where(
            Person.status == "working", Person.cur_category == "cong_chuc").order_by(Person.id)).all()
        everyone = [fold(n) for n in s.scalars(select(Person.full_name))]
    return next((r.id, r.full_name) for r in rows
                if r.id not in leaders and r.id not in disciplined and everyone.count(fold(r.full_name)) == 1)


def click_tab(qtbot, editor: PersonEditor, title: str) -> None:
    bar = editor.tabs.tabBar()
    index = next(i for i in range(editor.tabs.count()) if editor.tabs.tabText(i) == title)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)


def test_add_a_discipline_by_the_decree_of_its_date_and_meet_it_at_the_next_appointment(qtbot, demo_window,
                                                                                       demo_ctx):
    person_id, name = a_civil_servant_without_post(demo_ctx)
    window = demo_window  # the acceptance walks' main window over a copy of the demo department
    window.resize(1366, 768)
    page = window.page("staff")
    wait_loaded(qtbot, page)
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, fold(name))  # typed without diacritics
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    qtbot.mouseClick(shown(PersonDetailDialog).edit_button, LEFT)
    qtbot.waitUntil(lambda: shown(PersonEditor) is not None)
    editor = shown(PersonEditor)
    assert editor.person_id == person_id

    # Khen thưởng, kỷ luật → Thêm kỷ luật…
    click_tab(qtbot, editor, "Khen thưởng, kỷ luật")
    history = editor.histories["disciplines"]
    button = history.action_buttons["add"]
    assert button.text() == "Thêm kỷ luật…"
    qtbot.mouseClick(button, LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    decided, form = field(dialog, "Ngày quyết định"), field(dialog, "Hình thức")
    assert isinstance(form, QComboBox)
    type_date(qtbot, decided, "30/06/2025")
    assert "Hạ bậc lương" in options(form) and field(dialog, "Quy định áp dụng").text().startswith("NĐ 112/2020")
    type_date(qtbot, decided, "01/07/2025")
    assert options(form) == ["Khiển trách", "Cảnh cáo", "Buộc thôi việc"]
    assert field(dialog, "Quy định áp dụng").text().startswith("NĐ 172/2025/NĐ-CP: công chức")
    choose(qtbot, form, "Khiển trách")
    assert field(dialog, "Hiệu lực đến ngày").text() == "30/06/2026"
    number = dialog.decision_form.number_edit
    qtbot.mouseClick(number, LEFT)
    qtbot.keyClicks(number, "45/QD-SKHCN")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        save(qtbot, dialog)
    assert [history.model.cell(0, c).text for c in range(4)] == ["01/07/2025", "Khiển trách", "01/07/2025",
                                                               "30/06/2026"]

    # Chức vụ → Bổ nhiệm… on the last day of the effect period: refused, with the end date
    click_tab(qtbot, editor, "Chức vụ")
    posts = editor.histories["posts"]
    qtbot.mouseClick(posts.action_buttons["add"], LEFT)
    appoint = editor.sub_dialog
    qtbot.waitExposed(appoint)
    choose(qtbot, field(appoint, "Chức vụ"), "Phó")
    type_date(qtbot, field(appoint, "Từ ngày"), "30/06/2026")
    number = appoint.decision_form.number_edit
    qtbot.mouseClick(number, LEFT)
    qtbot.keyClicks(number, "46/QD-SKHCN")
    save(qtbot, appoint)
    assert appoint.isVisible()
    message = appoint.errors.text("start_date")
    assert "Đang trong thời hạn kỷ luật khiển trách" in message and "30/06/2026" in message
    type_date(qtbot, field(appoint, "Từ ngày"), "01/07/2026")  # the day after: the appointment goes through
    with qtbot.waitSignal(appoint.accepted, timeout=5000):
        save(qtbot, appoint)
    assert posts.model.rowCount() == 1
    editor.dirty = False
