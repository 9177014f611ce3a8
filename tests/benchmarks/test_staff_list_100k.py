"""The staff list over 100,000 people: the window opens without reading every row and data() stays cheap.

Not in the default run (pyproject ignores tests/benchmarks): python -m pytest tests/benchmarks -q
"""

from __future__ import annotations

import random
import time
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from hrapp.db.models import OrgUnit, Person
from hrapp.text import fold, name_sort_key, normalize_name, split_name

N = 100_000


@pytest.fixture(autouse=True)
def vietnamese(qapp, tmp_path, monkeypatch):
    from ui.app import install_translation

    monkeypatch.setenv("HRAPP_SETTINGS_DIR", str(tmp_path / "settings"))
    install_translation(qapp, "vi")


@pytest.fixture(scope="module")
def big_ctx(tmp_path_factory):
    from hrapp.services.setup import init_database

    ctx = init_database(str(tmp_path_factory.mktemp("big") / "big.sqlite3"))
    rng = random.Random(7)
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Huỳnh", "Phan"]
    middles = ["Văn", "Thị", "Minh", "Đức", "Thị Ngọc", "Hữu", "Quang", "Thanh"]
    givens = ["An", "Bình", "Cường", "Dũng", "Đào", "Hoa", "Lan", "Nam", "Nhung", "Tùng", "Vân", "Ánh", "Yến"]
    rows = []
    for i in range(N):
        name = normalize_name(f"{rng.choice(families)} {rng.choice(middles)} {rng.choice(givens)}")
        family, middle, given = split_name(name)
        rows.append({"full_name": name, "family_name": family, "middle_name": middle, "given_name": given,
                     "name_folded": fold(name), "sort_key": name_sort_key(name), "gender": "MF"[i % 2],
                     "birth_date": date(1965 + i % 35, 1 + i % 12, 1 + i % 28), "status": "working",
                     "cur_unit_id": 1 + i % 20, "cur_category": "cong_chuc", "row_version": 1})
    with ctx.engine.begin() as conn:
        conn.execute(insert(OrgUnit), [{"id": i, "code": f"U{i:02d}", "name": f"Phòng {i}", "kind": "phong"}
                                       for i in range(1, 21)])
        conn.execute(insert(Person), rows)
    yield ctx
    ctx.engine.dispose()


def test_list_opens_reading_ids_and_one_page(big_ctx, qtbot):
    from tests.ui.conftest import wait_loaded
    from ui.pages.staff_page import StaffPage

    started = time.perf_counter()
    page = StaffPage(big_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.model.pages_fetched >= 1)
    elapsed = time.perf_counter() - started
    assert page.model.rowCount() == N
    assert page.count_label.text() == "100.000 người"
    assert page.model.pages_fetched <= 2
    assert elapsed < 5.0


def test_filter_change_does_not_block_the_gui_thread(big_ctx, qtbot):
    from tests.ui.conftest import wait_loaded
    from ui.pages.staff_page import StaffPage

    page = StaffPage(big_ctx)
    qtbot.addWidget(page)
    wait_loaded(qtbot, page)
    page.search_edit.setText("nguyen van")
    started = time.perf_counter()
    page.apply_filter()  # the id query runs on a worker thread
    blocked = time.perf_counter() - started
    assert blocked < 0.05
    wait_loaded(qtbot, page)
    assert 0 < page.model.rowCount() < N


def test_data_is_cheap_once_a_page_is_loaded(big_ctx):
    from ui.models.employee_table_model import EmployeeTableModel

    model = EmployeeTableModel(big_ctx)
    model.reload()
    model.data(model.index(0, 1))
    cells = [model.index(row, col) for row in range(200) for col in range(model.columnCount())]
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole)
    started = time.perf_counter()
    for _ in range(20):
        for cell in cells:
            for role in roles:
                model.data(cell, role)
    per_call = (time.perf_counter() - started) / (20 * len(cells) * len(roles))
    assert model.pages_fetched == 1
    assert per_call < 20e-6  # 20 microseconds
