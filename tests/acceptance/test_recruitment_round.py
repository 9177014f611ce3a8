"""Acceptance walk (e): a recruitment round on the demo department from creation to results, driven through
the real main window by clicks and keys only, checking at each step what the officer sees — what the next
step still needs, the candidates' conditions, the ranking — and the results list printed to a PDF."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from hrapp import clock
from tests.ui.recruitment_clicks import (
    accepted,
    choose,
    click,
    click_item,
    click_row,
    click_tab,
    found,
    menu_choice,
    type_cell,
    type_into,
)

TODAY = date(2026, 12, 7)
ROUND = "Xét tuyển viên chức năm 2026 – Hướng dẫn viên khám phá khoa học"
POSITION = "Hướng dẫn viên khám phá khoa học"
# the council, found by typing each name without diacritics
COUNCIL = [("tran van sang", "Trần Văn Sang"), ("huynh thi vy", "Huỳnh Thị Vy"),
           ("luong thi nhi", "Lương Thị Nhi"), ("nguyen van nuong", "Nguyễn Văn Nường"),
           ("pham thi kim nga", "Phạm Thị Kim Nga")]
# name, sex, birth date, CCCD, major, language level, round-2 score
CANDIDATES = [
    ("Nguyễn Thị Thu Hà", "Nữ", "14/02/1999", "052199000101", "Sư phạm Vật lý", "Bậc 3", "82,5"),
    ("Trần Minh Khôi", "Nam", "03/09/1998", "052098000102", "Sư phạm Sinh học", "Bậc 2", "76"),
    ("Lê Văn Phúc", "Nam", "21/06/1997", "052097000103", "Kế toán", "Bậc 3", None),
]


@pytest.fixture
def window(qtbot, demo_ctx, tmp_path, monkeypatch, qapp):
    """The main window on a copy of the demo, Vietnamese, 1366×768, on a fixed day, with its own settings."""
    from PySide6.QtGui import QDesktopServices

    from ui.app import install_translation
    from ui.main_window import MainWindow
    from ui.style import apply_style

    monkeypatch.setenv("HRAPP_SETTINGS_DIR", str(tmp_path / "settings"))
    install_translation(qapp, "vi")
    apply_style(qapp)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    clock.set_today(TODAY)  # the suite's clock fixture puts the suite's day back after the test
    w = MainWindow(demo_ctx)
    w.opened_files = opened
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def needs(detail) -> str:
    return detail.needs.text()


def next_step(qtbot, page, day: str, number: str = "", signed: str = "") -> None:
    """Press the next step, type its date (and the decision, when given), press OK."""
    detail = page.detail
    assert detail.next_button.isEnabled(), detail.next_button.toolTip()
    click(qtbot, detail.next_button)
    dialog = page.active_dialog
    type_into(qtbot, dialog.event_date, day)
    if number:
        type_into(qtbot, dialog.decision.number_edit, number)
        type_into(qtbot, dialog.decision.sign_date_edit, signed)
    accepted(qtbot, dialog)


def test_a_recruitment_round_from_creation_to_printed_results(window, qtbot, tmp_path, monkeypatch):
    # to the recruitment page through the navigation
    sidebar = window.sidebar
    row = next(r for r in range(sidebar.count()) if sidebar.item(r).data(Qt.ItemDataRole.UserRole) == "recruitment")
    click_item(qtbot, sidebar, sidebar.item(row))
    page = window.current_page()
    assert page is window.page("recruitment") and page.list_model.rowCount() == 2

    # 1. A new round: its name and year only; the page says what announcing it still needs
    click(qtbot, page.new_button)
    form = page.active_dialog
    type_into(qtbot, form.name, ROUND)
    form.year.selectAll()
    qtbot.keyClicks(form.year, "2026")
    accepted(qtbot, form)
    detail = page.detail
    assert page.stack.currentWidget() is detail and detail.title.text() == ROUND
    assert detail.status.text() == "Dự thảo kế hoạch" and "Kế hoạch: chưa có số" in detail.facts.text()
    assert "Chưa có kế hoạch tuyển dụng (số, ngày ký)." in needs(detail) and not detail.next_button.isEnabled()

    # 2. The plan, the notice and the council (picked from the staff) in the round's form
    click(qtbot, detail.edit_button)
    form = page.active_dialog
    type_into(qtbot, form.plan.number_edit, "215/KH-SKHCN")
    type_into(qtbot, form.plan.sign_date_edit, "02/11/2026")
    type_into(qtbot, form.plan.signer_edit, "Trần Văn Sang")
    type_into(qtbot, form.notice_date, "05/11/2026")
    click_tab(qtbot, form.tabs, "Hội đồng tuyển dụng")
    for typed, name in COUNCIL:
        type_into(qtbot, form.picker.search_edit, typed)
        click_item(qtbot, form.picker.results, found(qtbot, form.picker, name))
        click(qtbot, form.add_staff_button)
    assert form.council_size.text().startswith("5 thành viên")
    roles = [form.council.cellWidget(r, 2) for r in range(form.council.rowCount())]
    assert roles[0].currentText() == "Chủ tịch Hội đồng"
    choose(qtbot, roles[1], "Phó Chủ tịch Hội đồng")
    choose(qtbot, roles[2], "Ủy viên kiêm Thư ký")
    type_into(qtbot, form.council_decision.number_edit, "216/QĐ-SKHCN")
    type_into(qtbot, form.council_decision.sign_date_edit, "02/11/2026")
    accepted(qtbot, form)
    assert "Kế hoạch: 215/KH-SKHCN ngày 02/11/2026" in detail.facts.text()
    assert "Nhận phiếu đến: 05/12/2026" in detail.facts.text()
    assert [m.full_name for m in detail.info.council] == [n for _t, n in COUNCIL]
    assert all(m.person_id is not None for m in detail.info.council)
    assert needs(detail).count("•") == 1 and "Chưa có vị trí và chỉ tiêu tuyển dụng." in needs(detail)

    # 3. The position and its quota
    click_tab(qtbot, detail.tabs, "Vị trí, chỉ tiêu")
    click(qtbot, detail.targets.add_button)
    target = page.active_dialog
    choose(qtbot, target.position, POSITION)
    target.quota.selectAll()
    qtbot.keyClicks(target.quota, "1")
    type_into(qtbot, target.reason, "Bổ sung vị trí còn thiếu theo Đề án vị trí việc làm")
    accepted(qtbot, target)
    assert detail.targets.model.rowCount() == 1 and detail.info.quota == 1
    assert "Đã đủ điều kiện để “Thông báo, nhận phiếu đăng ký”." in needs(detail)

    # 4. Announced; registration forms typed in
    next_step(qtbot, page, "05/11/2026")
    assert detail.status.text() == "Đang nhận phiếu đăng ký"
    assert "Chưa có người đăng ký dự tuyển." in needs(detail) and not detail.next_button.isEnabled()
    click_tab(qtbot, detail.tabs, "Người dự tuyển")
    for name, sex, birth, cccd, major, level, _score in CANDIDATES:
        click(qtbot, detail.candidates_tab.add_button)
        form = page.active_dialog
        type_into(qtbot, form.full_name, name)
        choose(qtbot, form.gender, sex)
        type_into(qtbot, form.birth_date, birth)
        type_into(qtbot, form.id_number, cccd)
        click_tab(qtbot, form.tabs, "Trình độ")
        choose(qtbot, form.education_level, "Đại học")
        type_into(qtbot, form.major, major)
        choose(qtbot, form.it, "Ứng dụng CNTT cơ bản")
        type_into(qtbot, form.language, "Tiếng Anh")
        choose(qtbot, form.language_level, level)
        click_tab(qtbot, form.tabs, "Đăng ký dự tuyển")
        assert POSITION in form.preference1.currentText()
        type_into(qtbot, form.applied_on, "20/11/2026")
        accepted(qtbot, form)
    assert detail.candidates_tab.model.rowCount() == 3
    assert "Chưa có người đăng ký" not in needs(detail) and detail.next_button.isEnabled()

    # 5. Applications closed: the conditions are checked; the one who is out is seen with the reason
    next_step(qtbot, page, "07/12/2026")
    assert detail.status.text() == "Vòng 1"
    assert "Còn 2 người dự vòng 2 chưa có số báo danh" in needs(detail) and not detail.next_button.isEnabled()
    tab = detail.candidates_tab
    click_tab(qtbot, detail.tabs, "Người dự tuyển")
    model = tab.model
    shown = {model.data(model.index(r, 1)): (model.data(model.index(r, 4)), model.data(model.index(r, 5)))
             for r in range(model.rowCount())}
    assert shown["Lê Văn Phúc"] == ("không đủ điều kiện", "Chuyên ngành: yêu cầu Sư phạm Vật lý, Sư phạm Sinh "
                                    "học, Quản trị dịch vụ du lịch và lữ hành, người dự tuyển có Kế toán.")
    assert shown["Nguyễn Thị Thu Hà"] == ("đủ điều kiện", "")
    click(qtbot, tab.number_button)
    assert not detail.error.isVisible(), detail.error.text()
    numbers = {c.full_name: c.sbd for c in detail.candidates}
    assert numbers == {"Nguyễn Thị Thu Hà": "001", "Trần Minh Khôi": "002", "Lê Văn Phúc": None}
    assert "Đã đủ điều kiện để “Bắt đầu vòng 2”." in needs(detail)

    # 6. Round 2: the scores typed into the sheet and saved
    next_step(qtbot, page, "07/12/2026")
    assert detail.status.text() == "Vòng 2"
    click_tab(qtbot, detail.tabs, "Vòng 2")
    sheet = detail.round2
    assert sheet.model.rowCount() == 2
    assert "Còn 2 người chưa có điểm vòng 2" in needs(detail) and not detail.next_button.isEnabled()
    for name, *_rest, score in CANDIDATES:
        if score is not None:
            type_cell(qtbot, sheet.view, sheet.model.row_of_sbd(numbers[name]), sheet.model.part_column("tong"),
                      score)
    click(qtbot, sheet.save_button)
    assert not detail.error.isVisible(), detail.error.text()
    scores = {c.full_name: c.round2 for c in detail.candidates if c.round2 is not None}
    assert scores == {"Nguyễn Thị Thu Hà": Decimal("82.5"), "Trần Minh Khôi": Decimal(76)}
    assert "Đã đủ điều kiện để “Chốt kết quả”." in needs(detail)

    # 7. The results fixed by their decision: the ranking of the position
    next_step(qtbot, page, "07/12/2026", number="230/QĐ-SKHCN", signed="07/12/2026")
    assert detail.status.text() == "Đã có kết quả"
    click_tab(qtbot, detail.tabs, "Kết quả")
    tree = detail.results_tab.tree
    head = tree.topLevelItem(0)
    assert head.text(0) == f"{POSITION} – chỉ tiêu 1"
    lines = [[head.child(k).text(c) for c in (0, 2, 4, 6, 7)] for k in range(head.childCount())]
    assert lines[0] == ["1", "Nguyễn Thị Thu Hà", "82,50", "82,50", "Trúng tuyển"]
    assert lines[1] == ["2", "Trần Minh Khôi", "76,00", "76,00", "Không trúng tuyển"]
    assert lines[2][1:] == ["Lê Văn Phúc", "", "", "Không đủ điều kiện"]
    assert detail.results_tab.summary.text().startswith("1 người trúng tuyển")
    assert "còn 1 người trúng tuyển chưa được tuyển dụng" in needs(detail).lower()

    # 8. The results list printed from the page's Print menu to the file chosen in the save dialog
    from PySide6.QtWidgets import QFileDialog

    target_file = tmp_path / "ket_qua_xet_tuyen_2026.pdf"
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(target_file), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    menu_choice(qtbot, detail.print_button, "Kết quả tuyển dụng (PDF)")
    qtbot.waitUntil(lambda: window.opened_files == [str(target_file)], timeout=30_000)
    assert asked and asked[0].endswith("2026.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(target_file)).pages).split())
    assert "KẾT QUẢ XÉT TUYỂN VIÊN CHỨC NĂM 2026" in text
    assert "Kèm theo Quyết định số 230/QĐ-SKHCN ngày 07/12/2026" in text
    assert "Nguyễn Thị Thu Hà" in text and "Trần Minh Khôi" in text

    # back to the list: the round is there with its plan and its state
    click(qtbot, detail.all_rounds_button)
    assert page.stack.currentIndex() == 0 and page.list_model.rowCount() == 3
    row = next(r for r in range(page.list_model.rowCount()) if page.list_model.data(page.list_model.index(r, 1)) == ROUND)
    assert [page.list_model.data(page.list_model.index(row, c)) for c in (3, 4, 5, 6)] == [
        "Đã có kết quả", "215/KH-SKHCN – 02/11/2026", "1", "3"]
    click_row(qtbot, page.list_view, row, 1)
    click(qtbot, page.open_button)
    assert page.stack.currentWidget() is detail and detail.info.name == ROUND
