"""The main window over the demo department: every area opens, search and filters work, a record opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hrapp.text import fold
from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow
from ui.pages import registry


def starts_words(name: str, terms: tuple[str, ...]) -> bool:
    words = fold(name).split()
    return all(any(w.startswith(t) for w in words) for t in terms)


@pytest.fixture
def demo_window(qtbot, demo_ctx):
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    wait_loaded(qtbot, w.page("staff"))
    return w


def test_every_area_opens_on_the_demo_department(demo_window):
    for area in registry.AREAS:
        page = demo_window.show_area(area.key)
        assert demo_window.current_page() is page


def test_search_filters_and_record_on_the_demo_department(demo_window, qtbot):
    page = demo_window.show_area("staff")
    total = page.model.rowCount()
    assert total > 100
    assert page.count_label.text() == f"{total} người"
    qtbot.keyClicks(page.search_edit, "nguyen van")
    qtbot.waitUntil(lambda: page.model.rowCount() < total)
    found = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert any(name.startswith("Nguyễn Văn ") for name in found)
    assert all(starts_words(name, ("nguyen", "van")) for name in found)  # "Nguyễn Thị Vân" matches too
    assert page.count_label.text() == f"{len(found)} người"

    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == total)
    centre = next(i for i in range(page.unit_combo.count()) if page.unit_combo.itemText(i).startswith("Trung tâm"))
    page.unit_combo.setCurrentIndex(centre)
    wait_loaded(qtbot, page)
    in_unit = page.model.rowCount()
    assert 0 < in_unit < total

    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page._detail_dialog
    qtbot.waitExposed(dialog)
    assert dialog.detail.full_name == page.model.data(page.model.index(0, 1))
    assert dialog.tables["employments"].model().rowCount() >= 1
    dialog.close()
