"""Choose one person by typing part of the name: the matches of the account's scope (and a unit) listed, one
picked (the Reports page's curriculum vitae)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hrapp.context import ServiceContext
from hrapp.queries.employees import EmployeeFilter
from hrapp.queries.lookups import staff_first_rows
from hrapp.text import SEARCH_MAX_CHARS
from ui.formatting import fmt_date
from ui.tasks import Task, run_task

KeyRole = Qt.ItemDataRole.UserRole + 1
"""The item data role holding a listed person's id."""
PERSON_LIMIT = 50  # matches shown for a typed name; more letters narrow the list


class PersonPicker(QWidget):
    """A name typed, the matching people listed (within the chosen unit and the account's scope), one chosen.
    The search runs on a worker thread a moment after the typing stops; at most `PERSON_LIMIT` matches show."""

    person_changed = Signal()
    failed = Signal(object)  # the search's exception

    def __init__(self, where: Callable[[], tuple[ServiceContext, str | None]], parent: QWidget | None = None):
        """`where` gives the context and the unit code (None: every unit the account may see) to search in."""
        super().__init__(parent)
        self.where = where
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of the name…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(SEARCH_MAX_CHARS)  # longer is refused by the query: a few words of a name
        self.results = QListWidget()
        self.results.setMinimumHeight(110)
        self.results.setMaximumHeight(150)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.results.currentItemChanged.connect(lambda _c, _p: self.person_changed.emit())
        self.task: Task | None = None
        self._asked = 0  # answers to an earlier search that come back late are dropped

    def person_id(self) -> int | None:
        item = self.results.currentItem()
        return item.data(KeyRole) if item is not None else None

    def find(self) -> Task | None:
        """Look the typed name up on a worker thread; the list shows at most PERSON_LIMIT matches."""
        self.timer.stop()  # this lookup answers the text typed so far: no second one after the pause
        text = self.search.text().strip()
        self.results.clear()
        if len(text) < 2:
            return None
        ctx, unit = self.where()
        self._asked += 1
        asked = self._asked

        def work(progress, cancelled):
            f = EmployeeFilter(search=text, unit_code=unit)
            ids, rows = staff_first_rows(ctx, f, PERSON_LIMIT)
            return asked, len(ids), rows

        self.task = run_task(work, parent=self, show_dialog=False, on_result=self._show, on_error=self.failed.emit)
        return self.task

    def _show(self, result: tuple[int, int, list]) -> None:
        asked, total, rows = result
        if asked != self._asked:
            return
        self.results.clear()
        for r in rows:
            text = f"{r.full_name} – {fmt_date(r.birth_date)}"
            if r.unit_name:
                text += f" – {r.unit_name}"
            item = QListWidgetItem(text)
            item.setData(KeyRole, r.id)
            item.setToolTip(text)
            self.results.addItem(item)
        if total > len(rows):
            more = QListWidgetItem(self.tr("… %1 more: type more of the name").replace("%1", str(total - len(rows))))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(more)
        elif not rows:
            none = QListWidgetItem(self.tr("Nobody with this name"))
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(none)
        if len(rows) == 1:
            self.results.setCurrentRow(0)
