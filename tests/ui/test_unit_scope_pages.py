"""Every page of the main window opened by an account limited to one unit (the demo's TTUD) shows nobody of the
other units: the text of every list, table, tree and label of the page, once its lists are loaded, is searched for
the names of the people outside."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel
from sqlalchemy import select

from hrapp.db.models import OrgUnit, Person
from hrapp.services.agency import get_agency
from ui.pages import registry
from ui.tasks import running_tasks


def _texts(model, parent: QModelIndex = QModelIndex()) -> list[str]:
    out = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for r in range(model.rowCount(parent)):
        for c in range(columns):
            index = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if value is not None:
                    out.append(str(value))
            if c == 0 and model.rowCount(index) > 0:
                out += _texts(model, index)
    return out


def page_text(page) -> str:
    parts = [w.text() for w in page.findChildren(QLabel)]
    for view in page.findChildren(QAbstractItemView):
        if view.model() is not None:
            parts += _texts(view.model())
    for combo in page.findChildren(QComboBox):
        parts += [combo.itemText(i) for i in range(combo.count())]
    return "\n".join(parts)


@pytest.fixture
def outside(demo_ctx) -> tuple[int, set[str]]:
    agency = get_agency(demo_ctx)
    with demo_ctx.read() as s:
        ttud = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "TTUD"))
        people = s.execute(select(Person.full_name, Person.cur_unit_id)).all()
    inside = {n for n, u in people if u == ttud}
    signers = {agency.head_name, agency.deputy_name, agency.preparer_name}
    return ttud, {n for n, u in people if u != ttud} - inside - signers


@pytest.mark.parametrize("key", [a.key for a in registry.AREAS])
def test_no_page_shows_anyone_outside_the_accounts_unit(qtbot, demo_ctx, outside, key):
    ttud, names = outside
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (ttud,))
    page = registry.create_page(registry.area(key), demo_ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activated()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=60_000)
    text = page_text(page)
    assert {n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)} == set()
