"""The staff list: search as you type without diacritics, filters, people who left, order, lazy rows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hrapp.context import ServiceContext
from hrapp.db.models import Person
from hrapp.services.snapshot import set_name
from tests.ui.conftest import wait_loaded
from ui.models.employee_table_model import EmployeeTableModel
from ui.pages.staff_page import SEARCH_DELAY_MS
from ui.tasks import running_tasks
from ui.widgets.notice import Notice


def names(page) -> list[str]:
    m = page.model
    return [m.data(m.index(r, 1)) for r in range(m.rowCount())]


def staff(window):
    return window.show_area("staff")


def test_list_shows_working_people_in_vietnamese_given_name_order(window):
    page = staff(window)
    assert names(page) == [
        "Nguyễn Văn An", "Lê Đức Anh", "Võ Thị Ngọc Ánh", "Nguyễn Văn Bình", "Trần Thị Đào",
        "Đặng Minh Đức", "Bùi Thị Lan", "Huỳnh Văn Nam", "Nguyễn Thị Hồng Nhung",
    ]
    assert page.count_label.text() == "9 người"


def test_row_shows_formatted_columns(window):
    page = staff(window)
    m = page.model
    row = [m.data(m.index(0, c)) for c in range(m.columnCount())]
    assert row == ["1", "Nguyễn Văn An", "12/03/1970", "Nam", "Ban Giám đốc", "Công chức", "Chuyên viên chính",
                   "Giám đốc Sở", "6,10"]
    headers = [m.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ") for c in range(m.columnCount())]
    assert headers == ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Loại", "Ngạch", "Chức vụ", "Hệ số"]


def test_typing_without_diacritics_finds_people_and_updates_the_count(window, qtbot):
    page = staff(window)
    qtbot.keyClicks(page.search_edit, "nguyen van")
    qtbot.waitUntil(lambda: page.count_label.text() == "2 người")
    assert names(page) == ["Nguyễn Văn An", "Nguyễn Văn Bình"]


def test_search_matches_d_for_đ_and_word_starts(window, qtbot):
    page = staff(window)
    qtbot.keyClicks(page.search_edit, "duc")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert names(page) == ["Lê Đức Anh", "Đặng Minh Đức"]
    page.search_edit.clear()
    page.search_edit.insert("ĐÀO")  # typed with diacritics and in capitals
    qtbot.waitUntil(lambda: names(page) == ["Trần Thị Đào"])


def test_a_keystroke_that_narrows_the_list_is_answered_at_once_from_memory(window, qtbot, monkeypatch):
    page = staff(window)
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: not page.model.reading_names)  # the folded names follow the first page
    asked: list[object] = []
    monkeypatch.setattr(page.model, "reload_in_background", lambda **kw: asked.append(kw))
    qtbot.keyClicks(page.search_edit, "nguyen v")
    assert names(page) == ["Nguyễn Văn An", "Nguyễn Văn Bình"]  # no timer, no query: already shown
    qtbot.keyClicks(page.search_edit, "an b")
    assert names(page) == ["Nguyễn Văn Bình"]
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Backspace)  # a wider search narrows the whole list kept
    assert names(page) == ["Nguyễn Văn An", "Nguyễn Văn Bình"]
    assert asked == [] and not page._search_timer.isActive()
    assert page.count_label.text() == "2 người"


def test_a_search_memory_cannot_answer_waits_for_a_pause_in_typing(window, qtbot):
    page = staff(window)
    wait_loaded(qtbot, page)
    page.model.forget()  # as after a change was saved
    qtbot.keyClicks(page.search_edit, "lan")
    assert page._search_timer.isActive()
    assert page._search_timer.interval() == SEARCH_DELAY_MS
    assert page.model.rowCount() == 9  # not yet filtered while the user is typing
    qtbot.waitUntil(lambda: names(page) == ["Bùi Thị Lan"])
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Backspace)  # "la" finds more than the answer at hand
    assert page._search_timer.isActive()
    qtbot.waitUntil(lambda: not page._search_timer.isActive() and not page.model.loading)
    assert page.model.current_filter.search == "la"
    assert names(page) == ["Bùi Thị Lan"]


def test_an_old_answer_is_shown_at_once_then_checked_against_the_database(window, qtbot):
    page = staff(window)
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: not page.model.reading_names)
    other = ServiceContext.open(window.ctx.engine.url.render_as_string(hide_password=False), migrate=False)
    with other.unit_of_work() as s:  # another computer renames a person after the list was read
        person = s.get(Person, window.ctx.person_ids["Huỳnh Văn Nam"])
        set_name(person, "Huỳnh Văn Lan")
    other.engine.dispose()
    qtbot.keyClicks(page.search_edit, "lan")
    assert names(page) == ["Bùi Thị Lan"]  # the answer in memory is recent: no query
    page.search_edit.clear()
    assert names(page)[0] == "Nguyễn Văn An"  # back to the whole list, from memory too
    page.model.FRESH_SECONDS = 0.0
    qtbot.keyClicks(page.search_edit, "lan")
    assert names(page) == ["Bùi Thị Lan"]  # shown at once from memory ...
    qtbot.waitUntil(lambda: names(page) == ["Bùi Thị Lan", "Huỳnh Văn Lan"])  # ... then the database's answer
    assert page.count_label.text() == "2 người"


def test_a_change_saved_in_this_app_is_found_at_the_next_keystroke(window, qtbot):
    page = staff(window)
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: not page.model.reading_names)
    qtbot.keyClicks(page.search_edit, "la")
    qtbot.waitUntil(lambda: names(page) == ["Bùi Thị Lan"])
    with window.ctx.unit_of_work() as s:  # saved on another page of this window (a hire, an edit)
        person = s.get(Person, window.ctx.person_ids["Huỳnh Văn Nam"])
        set_name(person, "Huỳnh Văn Lan")
    qtbot.keyClicks(page.search_edit, "n")  # "lan" narrows "la": memory alone would miss the renamed person
    qtbot.waitUntil(lambda: names(page) == ["Bùi Thị Lan", "Huỳnh Văn Lan"])


def test_search_without_match_shows_an_empty_list(window, qtbot):
    page = staff(window)
    qtbot.keyClicks(page.search_edit, "xyz")
    qtbot.waitUntil(lambda: page.count_label.text() == "0 người")


def test_unit_filter_includes_people_of_sub_units(window, qtbot):
    page = staff(window)
    assert page.unit_combo.select_code("CCTDC")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert names(page) == ["Đặng Minh Đức", "Bùi Thị Lan"]  # Đức works in a phòng of the chi cục
    assert page.unit_combo.select_code("CCTDC_DL")
    wait_loaded(qtbot, page)
    assert names(page) == ["Đặng Minh Đức"]
    assert page.unit_combo.select_code(None)
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 9


def test_unit_combo_lists_units_as_an_indented_tree(window):
    combo = staff(window).unit_combo
    entries = [(combo.itemText(i), combo.itemData(i, Qt.ItemDataRole.UserRole + 2)) for i in range(combo.count())]
    assert entries[0] == ("Tất cả đơn vị", None)
    assert entries[1] == ("Sở Khoa học và Công nghệ", 0)
    assert ("Chi cục Tiêu chuẩn Đo lường Chất lượng", 1) in entries
    chi_cuc = entries.index(("Chi cục Tiêu chuẩn Đo lường Chất lượng", 1))
    assert entries[chi_cuc + 1] == ("Phòng Quản lý Đo lường", 2)


def test_category_filter(window, qtbot):
    page = staff(window)
    page.category_combo.setCurrentIndex(page.category_combo.findData("vien_chuc"))
    wait_loaded(qtbot, page)
    assert names(page) == ["Lê Đức Anh"]
    page.category_combo.setCurrentIndex(page.category_combo.findData("hop_dong"))
    wait_loaded(qtbot, page)
    assert names(page) == ["Bùi Thị Lan"]


def test_a_long_category_shows_its_short_name_and_the_whole_in_the_tooltip(window, qtbot):
    page = staff(window)
    page.category_combo.setCurrentIndex(page.category_combo.findData("vien_chuc"))
    wait_loaded(qtbot, page)
    m = page.model
    cell = m.index(0, 5)
    assert (m.data(cell), m.data(cell, Qt.ItemDataRole.ToolTipRole)) == ("VC", "Viên chức (hưởng lương từ NSNN)")
    page.category_combo.setCurrentIndex(page.category_combo.findData("cong_chuc"))
    wait_loaded(qtbot, page)
    assert m.data(m.index(0, 5)) == "Công chức"  # a short name stays whole


def test_people_who_left_appear_only_when_asked(window, qtbot):
    page = staff(window)
    assert "Phạm Thị Hoa" not in names(page)
    qtbot.mouseClick(page.left_check, Qt.MouseButton.LeftButton)
    assert page.left_check.isChecked()
    wait_loaded(qtbot, page)
    assert "Phạm Thị Hoa" in names(page)
    assert page.count_label.text() == "10 người"


def test_enter_on_a_row_opens_the_record(window, qtbot):
    page = staff(window)
    page.table.setFocus()
    page.table.selectRow(3)
    page.table.setCurrentIndex(page.model.index(3, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page._detail_dialog
    qtbot.waitExposed(dialog)
    assert dialog.detail.full_name == "Nguyễn Văn Bình"
    assert dialog.windowTitle() == "Hồ sơ: Nguyễn Văn Bình"
    dialog.close()


def test_down_arrow_in_search_moves_into_the_list(window, qtbot):
    page = staff(window)
    window.activateWindow()
    page.focus_search()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.selected_person_id() == page.model.person_id(0)


def test_rows_are_fetched_lazily_page_by_page_with_a_bounded_cache(staff_ctx, qtbot):
    model = EmployeeTableModel(staff_ctx)
    model.PAGE_SIZE = 3
    model.MAX_PAGES = 2
    model.reload()
    assert model.rowCount() == 9
    assert model.pages_fetched == 0  # counting rows reads ids only
    assert model.data(model.index(0, 1)) == "Nguyễn Văn An"
    assert model.data(model.index(2, 1)) == "Võ Thị Ngọc Ánh"
    assert model.pages_fetched == 1  # rows 0-2 come from one page
    assert model.data(model.index(8, 1)) == "Nguyễn Thị Hồng Nhung"
    assert model.pages_fetched == 2
    model.data(model.index(4, 1))  # a third page evicts the least recently used one (rows 0-2)
    assert model.pages_fetched == 3
    model.data(model.index(7, 1))  # still cached
    assert model.pages_fetched == 3
    model.data(model.index(0, 1))
    assert model.pages_fetched == 4


def test_row_numbers_need_no_database_read(staff_ctx):
    model = EmployeeTableModel(staff_ctx)
    model.reload()
    assert model.data(model.index(8, 0)) == "9"
    assert model.pages_fetched == 0


def test_column_layout_is_saved_and_restored(window, qtbot, staff_ctx):
    from ui.main_window import MainWindow

    header = staff(window).table.horizontalHeader()
    header.resizeSection(1, 321)
    header.moveSection(4, 2)  # unit before date of birth
    window.save_settings()
    again = MainWindow(staff_ctx)
    qtbot.addWidget(again)
    restored = again.page("staff").table.horizontalHeader()
    assert restored.sectionSize(1) == 321
    assert restored.visualIndex(4) == 2


def test_the_first_page_shows_before_the_names_for_narrowing_are_read(window, qtbot, monkeypatch):
    import threading

    import hrapp.queries.employees as table_model  # the staff list reads through it (hrapp.queries.lookups)

    page = staff(window)
    qtbot.waitUntil(lambda: not page.model.reading_names)
    names_read = threading.Event()
    slow = table_model._employee_ids_and_haystacks

    def held_back(session, f):
        names_read.wait(10)
        return slow(session, f)

    monkeypatch.setattr(table_model, "_employee_ids_and_haystacks", held_back)
    page.apply_filter(fresh=True)
    qtbot.waitUntil(lambda: not page.model.loading)
    assert page.model.rowCount() == 9  # shown while the names are still being read
    assert not page.model.can_narrow(page.current_filter())
    names_read.set()
    qtbot.waitUntil(lambda: not page.model.reading_names)
    assert page.model.can_narrow(page.current_filter())


def test_an_answer_brings_its_first_page_so_showing_it_reads_nothing_on_the_gui_thread(window, qtbot, monkeypatch):
    import threading

    import hrapp.queries.employees as table_model  # the staff list reads through it (hrapp.queries.lookups)

    page = staff(window)
    wait_loaded(qtbot, page)
    reads_in_window: list[int] = []
    read = table_model._employee_rows

    def watched(session, ids):
        if threading.current_thread() is threading.main_thread():
            reads_in_window.append(len(ids))
        return read(session, ids)

    monkeypatch.setattr(table_model, "_employee_rows", watched)
    page.model.PAGE_SIZE = 4
    page.apply_filter(fresh=True)
    wait_loaded(qtbot, page)
    assert names(page)[:4] == ["Nguyễn Văn An", "Lê Đức Anh", "Võ Thị Ngọc Ánh", "Nguyễn Văn Bình"]
    assert reads_in_window == [4, 1]  # the first page came with the answer; the next two pages are read here
    assert page.model.rowCount() == 9


def test_list_is_queried_off_the_gui_thread_and_a_newer_query_wins(window, qtbot):
    page = staff(window)
    wait_loaded(qtbot, page)
    page.model.forget()  # nothing in memory to narrow: the database is asked
    page.search_edit.setText("lan")
    page.apply_filter()
    assert page.model.loading
    assert page.count_label.text() == "Đang tìm…"
    page.search_edit.setText("nam")
    page.apply_filter()  # supersedes the first query before it answers
    qtbot.waitUntil(lambda: not running_tasks())  # both queries answered; the older answer was dropped
    assert names(page) == ["Huỳnh Văn Nam"]
    assert page.count_label.text() == "1 người"


def test_selection_is_kept_when_the_filter_still_lists_the_person(window, qtbot):
    page = staff(window)
    page.table.selectRow(names(page).index("Trần Thị Đào"))
    page.category_combo.setCurrentIndex(page.category_combo.findData("cong_chuc"))
    wait_loaded(qtbot, page)
    assert page.selected_person_id() == window.ctx.person_ids["Trần Thị Đào"]


def test_ctrl_p_prints_the_selected_units_list_into_a_preview(window, qtbot):
    from pypdf import PdfReader

    page = staff(window)
    assert window.act_print.isEnabled()
    assert page.unit_combo.select_code("VP")
    wait_loaded(qtbot, page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    written: list[str] = []
    page.task.succeeded.connect(written.append)
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        pass
    assert page.preview.isVisible()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(written[0]).pages).split())
    assert "Trần Thị Đào" in text and "Nguyễn Thị Hồng Nhung" in text
    assert "Tổng cộng: 2 người" in text
    assert "Nguyễn Văn Bình" not in text  # another unit
    page.preview.close()


def test_save_as_writes_the_chosen_format(window, qtbot, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    page = staff(window)
    target = tmp_path / "danh_sach.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        pass
    cells = [c.value for row in load_workbook(target).active.iter_rows() for c in row if c.value]
    assert "Nguyễn Văn Bình" in cells
    notice = window.findChild(Notice, "notice")
    assert notice.isVisible() and notice.text_label.text() == "Đã lưu danh_sach.xlsx"
    assert notice.open_folder_button.isVisible() and notice.path == target


def test_headers_go_onto_two_lines_only_when_the_list_is_too_narrow_for_them(qtbot, staff_ctx):
    from ui.main_window import MainWindow

    def shown(width: int, height: int) -> tuple[list[str], int, int, bool]:
        w = MainWindow(staff_ctx)
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        qtbot.waitExposed(w)
        page = w.show_area("staff")
        wait_loaded(qtbot, page)
        qtbot.wait(50)
        m, header = page.model, page.table.horizontalHeader()
        total = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
        return ([m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())], total,
                page.table.viewport().width(), page.table.horizontalScrollBar().isVisible())

    headers, total, viewport, scrolls = shown(1366, 768)
    assert not any("\n" in h for h in headers) and total <= viewport and not scrolls
    headers, total, viewport, scrolls = shown(int(1366 / 1.5), int(768 / 1.5))  # 150% display scaling
    assert "Ngày\nsinh" in headers and total <= viewport and not scrolls
