"""Columns that fit (ui/widgets/columns.py): when the columns do not fit the view, long headers go onto two
lines, text columns wrap onto two lines, and no column becomes narrower than its header or its longest word."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from tests.ui.test_pages_fit import clipped_headers, scrolls_sideways
from ui.dialogs.planning_common import CellsTableModel
from ui.widgets.columns import fit_columns, in_lines, two_lines

HEADERS = ["Họ và tên", "Ngày sinh", "Đơn vị công tác", "Chức danh quy hoạch", "Lý do chưa đạt", "Ghi chú"]
ROW = ["Nguyễn Thị Hồng Nhung", "12/03/1970", "Trung tâm Thông tin - Ứng dụng khoa học và công nghệ",
       "Phó Trưởng phòng Quản lý công nghệ và Chuyên ngành", "Không đủ tuổi công tác trọn nhiệm kỳ theo quy định",
       "Đã có quyết định"]


def test_a_header_breaks_at_the_space_nearest_its_middle():
    assert two_lines("Chức danh quy hoạch") == "Chức danh\nquy hoạch"
    assert two_lines("Người đang đảm nhiệm (hết nhiệm kỳ)") == "Người đang đảm nhiệm\n(hết nhiệm kỳ)"
    assert two_lines("Mã") == "Mã"
    assert in_lines("Người đang đảm nhiệm (hết nhiệm kỳ)", 3) == "Người đang đảm\nnhiệm (hết\nnhiệm kỳ)"


def test_a_narrow_view_wraps_headers_and_text_instead_of_scrolling(qtbot):
    model = CellsTableModel(HEADERS)
    model.set_rows([ROW, ROW[:1] + [""] * 5], [1, 2])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setWordWrap(True)
    view.resize(520, 300)
    view.show()
    qtbot.waitExposed(view)
    fit_columns(view, key=(0,))
    header = view.horizontalHeader()
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Chức danh\nquy hoạch"
    qtbot.waitUntil(lambda: scrolls_sideways(view) == [])
    assert clipped_headers(view) == []
    metrics = view.fontMetrics()
    for c in range(len(HEADERS)):  # a word (a date, a name) is never cut
        assert header.sectionSize(c) >= max(metrics.horizontalAdvance(w) for w in ROW[c].split())
    assert header.sectionSize(1) >= view.sizeHintForIndex(model.index(0, 1)).width()  # the date and its padding
    # the name whole on at most two lines; the long row two lines high, the short one a line
    assert header.sectionSize(0) * 2 >= metrics.horizontalAdvance(ROW[0])
    rows = view.verticalHeader()
    assert rows.sectionSize(0) > rows.sectionSize(1)
    assert rows.sectionSize(0) < 3 * metrics.lineSpacing() + 8
    assert model.data(model.index(0, 4), Qt.ItemDataRole.ToolTipRole) == ROW[4]  # the whole text


def test_a_wide_view_keeps_headers_on_one_line(qtbot):
    model = CellsTableModel(HEADERS)
    model.set_rows([ROW], [1])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1900, 300)
    view.show()
    qtbot.waitExposed(view)
    fit_columns(view, key=(0,))
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Chức danh quy hoạch"
    assert scrolls_sideways(view) == []


def test_headers_go_back_onto_one_line_when_the_window_widens(qtbot):
    model = CellsTableModel(HEADERS)
    model.set_rows([ROW], [1])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(520, 300)
    view.show()
    qtbot.waitExposed(view)
    fit_columns(view, key=(0,))
    assert "\n" in model.headerData(3, Qt.Orientation.Horizontal)
    view.resize(1900, 300)  # the window maximised: the columns are fitted again by themselves
    qtbot.waitUntil(lambda: model.headerData(3, Qt.Orientation.Horizontal) == "Chức danh quy hoạch")
    assert scrolls_sideways(view) == [] and clipped_headers(view) == []
