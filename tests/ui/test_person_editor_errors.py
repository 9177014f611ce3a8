"""The profile editor helps: the first save shows every error of every tab at once and marks the tabs, a
message goes as soon as its field is fixed (and only that one), the form keeps its height while messages
come and go, the rank list follows the category, and a spin box showing a step is never "missing"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import func, select

from hrapp import catalogs
from hrapp.db.models import Person
from ui.dialogs.person_editor import PersonEditor


def count_people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def shown_errors(editor: PersonEditor) -> dict[str, str]:
    """The messages the officer sees under the fields, by field."""
    found = {}
    for label in editor.findChildren(QLabel):
        name = label.objectName()
        if name.startswith("error:") and not label.isHidden() and label.text():  # on any tab
            found[name.removeprefix("error:")] = label.text()
    return found


def click_save(qtbot, editor: PersonEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def choose(qtbot, combo, steps: int = 1) -> None:
    """Pick an entry of a closed combo box with the arrow keys, as the officer does with the keyboard."""
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


@pytest.fixture
def editor(qtbot, staff_ctx):
    e = PersonEditor(staff_ctx, None)
    qtbot.addWidget(e)
    e.resize(1100, 660)
    e.show()
    qtbot.waitExposed(e)
    return e


def save_with_a_name_only(qtbot, editor: PersonEditor) -> dict[str, str]:
    type_into(qtbot, editor.identity_form.widgets["full_name"], "Le Van Tam")
    click_save(qtbot, editor)
    return shown_errors(editor)


def test_the_first_save_shows_every_error_of_every_tab_and_marks_the_tabs(qtbot, staff_ctx, editor):
    before = count_people(staff_ctx)
    errors = save_with_a_name_only(qtbot, editor)
    assert count_people(staff_ctx) == before
    assert errors == {
        "gender": "Chưa chọn giới tính (nam hoặc nữ).",
        "birth_date": "Chưa nhập ngày sinh.",
        "id_number": "Chưa nhập số CCCD.",
        "category": "Chưa chọn loại cán bộ.",
        "unit_id": "Chưa chọn đơn vị.",
        "start_date": "Chưa nhập ngày vào cơ quan.",
    }
    assert editor.tabs.tabText(0) == "Lý lịch (3)"
    assert editor.tabs.tabText(1) == "Công tác (3)"
    assert not editor.tabs.tabIcon(0).isNull() and not editor.tabs.tabIcon(1).isNull()
    assert editor.tabs.tabBar().tabTextColor(1).name() == "#b3261e"
    assert editor.tabs.tabText(2) == "Trình độ" and editor.tabs.tabIcon(2).isNull()
    assert editor.tabs.currentIndex() == 0  # the first tab with an error is in front


def test_an_unreadable_date_and_the_other_errors_come_in_the_same_save(qtbot, editor):
    type_into(qtbot, editor.identity_form.widgets["full_name"], "Le Van Tam")
    type_into(qtbot, editor.start_edit, "31/02/2020")
    type_into(qtbot, editor.identity_form.widgets["email"], "tam@")
    click_save(qtbot, editor)
    errors = shown_errors(editor)
    assert errors["start_date"] == "31/02/2020 không phải là ngày có thật."
    assert "không đúng dạng" in errors["email"]
    assert {"gender", "birth_date", "category", "unit_id"} <= set(errors)


def test_fixing_a_field_removes_exactly_its_error_and_updates_the_tab_count(qtbot, editor):
    before = save_with_a_name_only(qtbot, editor)

    choose(qtbot, editor.identity_form.widgets["gender"])  # Nam
    after_gender = shown_errors(editor)
    assert after_gender == {k: m for k, m in before.items() if k != "gender"}
    assert editor.tabs.tabText(0) == "Lý lịch (2)"

    type_into(qtbot, editor.identity_form.birth_edit, "14021994")
    assert shown_errors(editor) == {k: m for k, m in after_gender.items() if k != "birth_date"}
    assert editor.tabs.tabText(0) == "Lý lịch (1)"
    type_into(qtbot, editor.identity_form.widgets["id_number"], "052194000123")
    assert editor.tabs.tabText(0) == "Lý lịch" and editor.tabs.tabIcon(0).isNull()

    editor.tabs.setCurrentIndex(1)
    choose(qtbot, editor.category_combo)  # Công chức: "Chưa chọn loại cán bộ" goes at once
    assert editor.category_combo.currentData() == "cong_chuc"
    assert shown_errors(editor) == {"unit_id": "Chưa chọn đơn vị.", "start_date": "Chưa nhập ngày vào cơ quan."}
    assert editor.tabs.tabText(1) == "Công tác (2)"


def test_a_message_goes_while_the_field_is_being_corrected(qtbot, editor):
    email = editor.identity_form.widgets["email"]
    type_into(qtbot, email, "tam@")
    assert "email" in shown_errors(editor)
    email.setFocus()
    email.end(False)
    qtbot.keyClicks(email, "skhcn.gov.vn")  # not left yet
    assert "email" not in shown_errors(editor)


def test_a_new_message_waits_until_the_field_is_left(qtbot, editor):
    phone = editor.identity_form.widgets["phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "09")
    assert "phone" not in shown_errors(editor)  # no scolding mid-typing
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    assert "phone" in shown_errors(editor)


def positions(editor: PersonEditor, widgets: list[QWidget]) -> list[int]:
    return [w.mapTo(editor, w.rect().topLeft()).y() for w in widgets]


def test_the_form_keeps_its_height_as_messages_come_and_go(qtbot, editor):
    identity = editor.identity_form
    probes = [identity.widgets["phone"], identity.widgets["history_notes"], identity.widgets["religion"]]
    heights = (identity.sizeHint().height(), editor.new_box.sizeHint().height())
    ys = positions(editor, probes)
    save_with_a_name_only(qtbot, editor)
    assert len(shown_errors(editor)) == 6
    assert (identity.sizeHint().height(), editor.new_box.sizeHint().height()) == heights
    assert positions(editor, probes) == ys
    editor.tabs.setCurrentIndex(1)
    employment = [editor.rank_combo, editor.salary_date_edit]
    ys_employment = positions(editor, employment)
    choose(qtbot, editor.category_combo)  # the category message goes
    assert positions(editor, employment) == ys_employment
    editor.tabs.setCurrentIndex(0)
    choose(qtbot, identity.widgets["gender"])
    assert positions(editor, probes) == ys


def rank_codes(editor: PersonEditor) -> list[str]:
    return [editor.rank_combo.itemData(i) for i in range(1, editor.rank_combo.count())]


def test_the_rank_list_follows_the_category(qtbot, editor):
    ranks = catalogs.ranks()
    editor.tabs.setCurrentIndex(1)
    choose(qtbot, editor.category_combo)  # Công chức
    assert rank_codes(editor) and {ranks[c]["kind"] for c in rank_codes(editor)} == {"ngach"}
    assert "01.003" in rank_codes(editor)
    choose(qtbot, editor.rank_combo, 3)  # the third ngạch
    chosen = editor.rank_combo.currentData()
    assert ranks[chosen]["kind"] == "ngach" and editor.coef_edit.text()  # the coefficient follows the rank
    choose(qtbot, editor.category_combo)  # Viên chức: chức danh nghề nghiệp only
    assert editor.category_combo.currentData() == "vien_chuc"
    assert rank_codes(editor) and {ranks[c]["kind"] for c in rank_codes(editor)} == {"cdnn"}
    assert editor.rank_combo.currentData() is None  # the ngạch chosen before does not fit a viên chức
    choose(qtbot, editor.category_combo, 2)  # Hợp đồng lao động: every rank
    assert editor.category_combo.currentData() == "hop_dong"
    assert len(rank_codes(editor)) == len(ranks)


def test_a_step_shown_in_the_spin_box_is_never_reported_missing(qtbot, editor):
    editor.tabs.setCurrentIndex(1)
    choose(qtbot, editor.category_combo)  # Công chức needs ngạch, bậc, hệ số, ngày tuyển dụng
    click_save(qtbot, editor)
    errors = shown_errors(editor)
    assert editor.step_spin.value() == 1
    assert "salary_step" not in errors and "coefficient" not in errors
    assert errors["rank_code"].startswith("Chưa nhập ngạch")
    assert editor.tabs.tabText(1) == f"Công tác ({sum(1 for f in errors if f in editor_fields(editor))})"


def editor_fields(editor: PersonEditor) -> set[str]:
    from ui.dialogs.person_editor import EMPLOYMENT_KEYS

    return set(EMPLOYMENT_KEYS)


def test_editing_a_record_shows_all_its_errors_at_once(qtbot, staff_ctx):
    e = PersonEditor(staff_ctx, staff_ctx.person_ids["Trần Thị Đào"])
    qtbot.addWidget(e)
    e.show()
    qtbot.waitExposed(e)
    type_into(qtbot, e.identity_form.widgets["phone"], "12")
    type_into(qtbot, e.identity_form.widgets["party_join_date"], "30/02/2001")
    type_into(qtbot, e.identity_form.widgets["id_number"], "123")
    click_save(qtbot, e)
    assert set(shown_errors(e)) == {"phone", "party_join_date", "id_number"}
    assert e.tabs.tabText(0) == "Lý lịch (3)"
    e.dirty = False


def test_the_paid_from_day_follows_the_start_day_until_typed_and_never_copies_a_bad_one(qtbot, editor):
    editor.tabs.setCurrentIndex(1)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    type_into(qtbot, editor.start_edit, "31/02/2020")
    assert editor.salary_date_edit.text() == ""  # an impossible day is not copied
    type_into(qtbot, editor.start_edit, "1/3/20")
    assert editor.salary_date_edit.text() == "01/03/2020"
    type_into(qtbot, editor.start_edit, "15032020")
    assert editor.salary_date_edit.text() == "15/03/2020"  # still following
    type_into(qtbot, editor.salary_date_edit, "01/04/2020")
    type_into(qtbot, editor.start_edit, "01/05/2020")
    assert editor.salary_date_edit.text() == "01/04/2020"  # typed by the officer: kept


def test_the_errors_under_the_fields_read_in_english_in_an_english_session(qtbot, editor):
    from hrapp import messages

    messages.set_language("en")
    try:
        errors = save_with_a_name_only(qtbot, editor)
    finally:
        messages.set_language("vi")
    assert errors == {
        "gender": "No sex is chosen (male or female).",
        "birth_date": "The date of birth is missing.",
        "id_number": "The ID card number is missing.",
        "category": "No staff category is chosen.",
        "unit_id": "No unit is chosen.",
        "start_date": "The start date at the agency is missing.",
    }
