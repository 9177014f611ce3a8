"""The app's one read-only table model: columns declared once (title, value, alignment, sort key), rows of any
kind, keys kept beside them, sorting by a person's name in Vietnamese order."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from ui.widgets.columns import Cell, Column, ColumnTableModel, by_name


@dataclass(frozen=True)
class Row:
    name: str
    unit: str


ROWS = [Row("Nguyễn Văn Bình", "Văn phòng"), Row("Võ Thị Ngọc Ánh", "Thanh tra"), Row("Lê Đức Anh", "Văn phòng"),
        Row("Nguyễn Văn An", "Ẩn danh")]


def model(qapp) -> ColumnTableModel:
    return ColumnTableModel([
        Column("Họ và tên", lambda r: r.name, sort_key=by_name(lambda r: r.name)),
        Column("Đơn vị", lambda r: Cell(r.unit, tooltip=f"Đơn vị: {r.unit}", color="#b3261e", bold=True),
               Qt.AlignmentFlag.AlignCenter),
    ], ROWS, keys=[1, 2, 3, 4])


def shown(m: ColumnTableModel, column: int = 0) -> list[str]:
    return [m.index(r, column).data() for r in range(m.rowCount())]


def test_a_declared_column_gives_the_text_tooltip_look_and_alignment(qapp):
    m = model(qapp)
    assert (m.rowCount(), m.columnCount()) == (4, 2)
    assert m.headerData(1, Qt.Orientation.Horizontal) == "Đơn vị"
    name, unit = m.index(0, 0), m.index(0, 1)
    assert name.data() == "Nguyễn Văn Bình" and name.data(Qt.ItemDataRole.ToolTipRole) == "Nguyễn Văn Bình"
    assert name.data(Qt.ItemDataRole.TextAlignmentRole) is None and name.data(Qt.ItemDataRole.FontRole) is None
    assert unit.data(Qt.ItemDataRole.ToolTipRole) == "Đơn vị: Văn phòng"
    assert unit.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert unit.data(Qt.ItemDataRole.FontRole).bold()
    assert unit.data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)


def test_sorting_by_name_follows_vietnamese_given_name_order_and_carries_the_keys(qapp):
    m = model(qapp)
    m.sort(0)
    assert shown(m) == ["Nguyễn Văn An", "Lê Đức Anh", "Võ Thị Ngọc Ánh", "Nguyễn Văn Bình"]
    assert m.keys == [4, 3, 2, 1]
    m.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown(m) == ["Nguyễn Văn Bình", "Võ Thị Ngọc Ánh", "Lê Đức Anh", "Nguyễn Văn An"]


def test_a_column_without_a_sort_key_sorts_by_its_text_letters_before_diacritics(qapp):
    m = model(qapp)
    m.sort(1)
    assert shown(m, 1) == ["Ẩn danh", "Thanh tra", "Văn phòng", "Văn phòng"]


def test_new_rows_keep_the_order_chosen(qapp):
    m = model(qapp)
    m.sort(0)
    m.set_rows(list(reversed(ROWS)), keys=["a", "b", "c", "d"])
    assert shown(m) == ["Nguyễn Văn An", "Lê Đức Anh", "Võ Thị Ngọc Ánh", "Nguyễn Văn Bình"]
    assert m.keys == ["a", "b", "c", "d"]


@pytest.mark.parametrize("name", ["ui.models.rows_table_model:RowsTableModel",
                                  "ui.dialogs.planning_common:CellsTableModel",
                                  "ui.models.pay_list_model:ListModel",
                                  "ui.pages.audit_page:AuditTableModel"])
def test_the_read_only_lists_are_the_one_model(name):
    import importlib

    module, cls = name.split(":")
    assert issubclass(getattr(importlib.import_module(module), cls), ColumnTableModel)
