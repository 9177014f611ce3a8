"""Organisation, job-position and headcount pages: open, fill a dialog, save, see the change; refused input
stays in the dialog with the message under its field; over-quota rows in red; print preview."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import func, select

from hrapp import clock
from hrapp.db.models import OrgUnit
from hrapp.services.org import RenameUnit, rename_unit
from hrapp.services.positions import PositionInput, create_position
from hrapp.services.quotas import set_quota
from tests.services.org_builders import dec, person, sample_org
from ui.pages.org_page import OrgPage
from ui.pages.positions_page import PositionsPage
from ui.pages.staffing_page import OVER, StaffingPage
from ui.widgets.forms import to_qdate

YEAR = clock.today().year


@pytest.fixture
def org(ctx):
    return sample_org(ctx)


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def error(dialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"error:{field}")
    return label.text() if label is not None and not label.isHidden() else ""


def fill_decision(dialog, number: str, signed: date, effective: date | None = None) -> None:
    form = dialog.decision_form
    form.fill(number, signed, signer="Nguyễn Văn A", issuer="UBND tỉnh Bình Định", effective=effective)


def units(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(OrgUnit))


# -- organisation ----------------------------------------------------------------------------------------


@pytest.fixture
def org_page(qtbot, ctx, org):
    page = OrgPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def tree_names(page) -> list[str]:
    out = []

    def walk(item):
        out.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(page.tree.topLevelItemCount()):
        walk(page.tree.topLevelItem(i))
    return out


def test_org_page_shows_the_names_valid_on_the_chosen_day(org_page, ctx, org):
    rename_unit(ctx, RenameUnit(org["QLKH"], "Phòng Quản lý chuyên ngành", dec(date(2022, 7, 1), "5/QĐ")))
    org_page.date_edit.setDate(to_qdate(date(2022, 6, 30)))
    assert "Phòng Quản lý khoa học" in tree_names(org_page)
    org_page.date_edit.setDate(to_qdate(date(2022, 7, 1)))
    assert "Phòng Quản lý chuyên ngành" in tree_names(org_page)
    assert org_page.select_code("QLKH")
    history = org_page.history_view.model()
    texts = [history.data(history.index(r, 2)) for r in range(history.rowCount())]
    assert "Phòng Quản lý khoa học → Phòng Quản lý chuyên ngành" in texts


def test_new_unit_is_saved_by_decision_and_appears_under_its_parent(org_page, ctx, org):
    org_page.select_code("SO")
    org_page.create_new()
    dialog = org_page.dialog
    dialog.code_edit.setText("KHTC")
    dialog.name_edit.setText("Phòng Kế hoạch - Tài chính")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("phong"))
    fill_decision(dialog, "1127/QĐ-UBND", date(2021, 4, 1))
    save(dialog)
    assert not dialog.isVisible()
    assert org_page.select_code("KHTC")
    assert org_page.current_unit().parent_id == org["SO"]
    assert org_page.detail_title.text() == "Phòng Kế hoạch - Tài chính"


def test_duplicate_code_stays_in_the_dialog_with_the_message_under_the_code(org_page, ctx):
    before = units(ctx)
    org_page.create_new()
    dialog = org_page.dialog
    dialog.code_edit.setText("VP")
    dialog.name_edit.setText("Văn phòng thứ hai")
    fill_decision(dialog, "2/QĐ", date(2021, 4, 1))
    save(dialog)
    assert dialog.isVisible()
    assert "Mã đơn vị 'VP' đã có." in error(dialog, "code")
    assert units(ctx) == before


def test_decision_taking_effect_before_it_was_signed_is_shown_at_the_effective_date(org_page, ctx):
    before = units(ctx)
    org_page.create_new()
    dialog = org_page.dialog
    dialog.code_edit.setText("MOI")
    dialog.name_edit.setText("Phòng Mới")
    fill_decision(dialog, "3/QĐ", date(2022, 3, 2), effective=date(2022, 3, 1))
    save(dialog)
    assert "không được trước ngày ký" in error(dialog, "decision.effective_date")
    assert units(ctx) == before


def test_closing_a_unit_with_staff_is_refused_in_the_dialog(org_page, ctx, org):
    person(ctx, "Lê Văn Còn", org["QLKH"])
    org_page.refresh()
    org_page.select_code("QLKH")
    org_page.close_button.click()
    dialog = org_page.dialog
    fill_decision(dialog, "9/QĐ", date(2022, 7, 1))
    save(dialog)
    assert "Còn 1 người làm việc" in error(dialog, "unit_id")


def test_org_dialogs_fit_a_1366_by_768_screen(org_page):
    org_page.select_code("QLKH")
    for button in (org_page.new_button, org_page.rename_button, org_page.move_button, org_page.merge_button,
                   org_page.close_button):
        button.click()
        hint = org_page.dialog.sizeHint()
        assert hint.width() <= 1366 and hint.height() <= 740, button.text()
        org_page.dialog.reject()


# -- job positions ---------------------------------------------------------------------------------------


@pytest.fixture
def positions_page(qtbot, ctx, org):
    page = PositionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.unit_combo.select_code("QLKH")
    return page


def test_new_position_is_saved_as_a_draft_and_approved_by_decision(positions_page):
    page = positions_page
    page.create_new()
    dialog = page.dialog
    dialog.code_edit.setText("QLKH.01")
    dialog.name_edit.setText("Chuyên viên quản lý khoa học")
    dialog.needed_spin.setValue(2)
    dialog.add_competency("NLC01", 4)
    save(dialog)
    assert not dialog.isVisible()
    assert [p.code for p in page.positions] == ["QLKH.01"]
    assert page.positions[0].status_label == "Dự thảo"
    assert [(c.code, c.level) for c in page.positions[0].competencies] == [("NLC01", 4)]
    page.select_code("QLKH.01")
    page.approve_current()
    fill_decision(page.dialog, "4366/QĐ-UBND", date(2021, 11, 1))
    save(page.dialog)
    assert page.positions[0].status_label == "Đã phê duyệt"
    model = page.table.model()
    assert model.data(model.index(0, 8)) == "01/11/2021"


def test_position_without_a_name_shows_the_error_under_the_name(positions_page, ctx):
    page = positions_page
    page.create_new()
    dialog = page.dialog
    dialog.code_edit.setText("QLKH.02")
    save(dialog)
    assert dialog.isVisible()
    assert error(dialog, "name") == "Chưa nhập tên vị trí việc làm."
    assert page.positions == []


def test_editing_an_approved_position_adds_its_next_version(positions_page, ctx, org):
    from hrapp.services.positions import approve_position

    pos = create_position(ctx, PositionInput(org["QLKH"], "QLKH.03", "Thẩm định", "chuyen_nganh"))
    approve_position(ctx, pos.id, dec(date(2021, 11, 1)))
    page = positions_page
    page.reload()
    page.select_code("QLKH.03")
    page.edit_current()
    page.dialog.name_edit.setText("Thẩm định nhiệm vụ")
    save(page.dialog)
    assert [(p.version_no, p.status) for p in page.positions] == [(1, "approved"), (2, "draft")]


# -- headcount -------------------------------------------------------------------------------------------


@pytest.fixture
def staffing_page(qtbot, ctx, org):
    set_quota(ctx, YEAR, org["QLKH"], "cong_chuc", 2, dec(date(YEAR, 1, 5), "10/QĐ"))
    for name in ("Nguyễn Văn Một", "Nguyễn Văn Hai", "Nguyễn Văn Ba"):
        person(ctx, name, org["QLKH"])
    page = StaffingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_staffing_page_marks_the_unit_over_its_quota_in_red(staffing_page):
    item = staffing_page.unit_item("QLKH")
    assert [item.text(c) for c in range(2, 6)] == ["2", "3", "0", "-1"]
    assert item.foreground(0).color() == OVER
    assert staffing_page.unit_item("VP").foreground(0).color() != OVER


def test_assigning_a_quota_updates_the_figures(staffing_page, qtbot):
    page = staffing_page
    page.tree.setCurrentItem(page.unit_item("QLKH"))
    page.assign_quota()
    dialog = page.dialog
    assert dialog.unit_combo.current_code() == "QLKH"
    dialog.number_spin.setValue(4)
    fill_decision(dialog, "20/QĐ-UBND", date(YEAR, 3, 1))
    save(dialog)
    item = page.unit_item("QLKH")
    assert [item.text(c) for c in range(2, 6)] == ["4", "3", "0", "1"]
    assert item.foreground(0).color() != OVER


def test_quota_decision_with_an_empty_number_is_refused_at_the_decision_number(staffing_page):
    page = staffing_page
    page.assign_quota()
    dialog = page.dialog
    dialog.unit_combo.select_code("VP")
    save(dialog)
    assert error(dialog, "decision.number") == "Chưa nhập số quyết định."


def test_print_preview_shows_the_generated_staffing_table(staffing_page, qtbot):
    staffing_page.print_current()
    qtbot.waitUntil(lambda: getattr(staffing_page, "preview", None) is not None, timeout=20000)
    preview = staffing_page.preview
    assert len(preview.images) >= 1
    assert preview.images[0].width() > preview.images[0].height()  # landscape table
    preview.reject()


def test_the_three_areas_open_their_pages_from_the_main_window(qtbot, ctx, org):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert isinstance(window.show_area("org"), OrgPage)
    assert isinstance(window.show_area("positions"), PositionsPage)
    assert isinstance(window.show_area("quota"), StaffingPage)


def test_a_sub_unit_without_its_own_quota_shows_its_people(qtbot, ctx, org):
    person(ctx, "Đoàn Văn Kỹ", org["TT.KT"], "vien_chuc")
    set_quota(ctx, YEAR, org["TT"], "vien_chuc", 5, dec(date(YEAR, 1, 5), "11/QĐ"))
    page = StaffingPage(ctx)
    qtbot.addWidget(page)
    item = page.unit_item("TT.KT")
    assert [item.text(c) for c in range(2, 6)] == ["", "1", "", ""]
    assert [page.unit_item("TT").text(c) for c in range(2, 6)] == ["5", "1", "0", "4"]


def test_the_staffing_page_opens_on_the_latest_year_with_quotas_not_an_empty_new_year(qtbot, ctx, org):
    person(ctx, "Nguyễn Văn Một", org["QLKH"], start=date(2020, 1, 1))
    set_quota(ctx, 2021, org["QLKH"], "cong_chuc", 2, dec(date(2021, 1, 5), "10/QĐ"))
    set_quota(ctx, 2022, org["QLKH"], "cong_chuc", 3, dec(date(2022, 1, 5), "12/QĐ"))
    set_quota(ctx, 2030, org["QLKH"], "cong_chuc", 4, dec(date(2029, 12, 5), "14/QĐ"))  # planned ahead
    with clock.frozen(date(2024, 3, 1)):
        page = StaffingPage(ctx)
        qtbot.addWidget(page)
        assert (page.year(), page.on_day()) == (2022, date(2022, 12, 31))
        assert page.unit_item("QLKH").text(2) == "3"
        assert "còn thiếu ;" not in page.summary_label.text()
        # a year with no decision says so instead of a sum of empty figures
        page.year_spin.setValue(2024)
        assert page.summary_label.text() == "Chưa có quyết định giao biên chế năm 2024: 1 người đang làm việc " \
                                            "tại ngày 01/03/2024"
        assert page.unit_item("QLKH").text(3) == "1"


def test_with_no_quota_at_all_the_staffing_page_opens_on_this_year(qtbot, ctx, org):
    with clock.frozen(date(2024, 3, 1)):
        page = StaffingPage(ctx)
        qtbot.addWidget(page)
        assert page.year() == 2024
        assert page.summary_label.text().startswith("Chưa có quyết định giao biên chế năm 2024")
