"""Table model of the staff list: holds only the ordered ids and fetches display rows lazily, page by page."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from hrapp import catalogs
from hrapp.errors import HrappError
from hrapp.queries.employees import EmployeeFilter, EmployeeRow, employee_ids, employee_rows, scoped
from hrapp.services.context import ServiceContext
from ui.formatting import fmt_date, fmt_decimal, fmt_gender

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

# Column keys and their English headers (translated in headerData).
_CTX = "EmployeeTableModel"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("stt", QT_TRANSLATE_NOOP("EmployeeTableModel", "No.")),
    ("name", QT_TRANSLATE_NOOP("EmployeeTableModel", "Full name")),
    ("birth", QT_TRANSLATE_NOOP("EmployeeTableModel", "Date of birth")),
    ("gender", QT_TRANSLATE_NOOP("EmployeeTableModel", "Sex")),
    ("unit", QT_TRANSLATE_NOOP("EmployeeTableModel", "Unit")),
    ("category", QT_TRANSLATE_NOOP("EmployeeTableModel", "Category")),
    ("rank", QT_TRANSLATE_NOOP("EmployeeTableModel", "Rank")),
    ("post", QT_TRANSLATE_NOOP("EmployeeTableModel", "Post")),
    ("coefficient", QT_TRANSLATE_NOOP("EmployeeTableModel", "Coefficient")),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
_CENTER = {"stt", "birth", "gender", "coefficient"}

PersonIdRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ALIGNMENTS = tuple(
    int(Qt.AlignmentFlag.AlignCenter) if key in _CENTER
    else int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for key in COLUMN_KEYS
)


class EmployeeTableModel(QAbstractTableModel):
    """Rows are fetched in pages of PAGE_SIZE through a short-lived read session; at most MAX_PAGES are kept.

    The order is the SQL order of `employee_ids` (Vietnamese given-name collation), so the view never sorts.
    """

    PAGE_SIZE = 200
    MAX_PAGES = 40

    load_failed = Signal(str)
    loading_changed = Signal(bool)

    def __init__(self, ctx: ServiceContext, parent=None):  # noqa: ANN001 - QObject parent
        super().__init__(parent)
        self.ctx = ctx
        self._filter = EmployeeFilter()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[tuple[str, ...]]] = OrderedDict()
        self.pages_fetched = 0  # how many page queries ran (the laziness is observable in tests)
        self._generation = 0  # the newest id query; older answers that arrive late are dropped
        self.loading = False

    # --- loading -------------------------------------------------------------------------------------
    @property
    def current_filter(self) -> EmployeeFilter:
        return self._filter

    def set_filter(self, f: EmployeeFilter, *, background: bool = False) -> None:
        self._filter = f
        if background:
            self.reload_in_background()
        else:
            self.reload()

    def reload(self) -> None:
        """Re-run the id query (filters and order in SQL) now and drop every cached page."""
        self._generation += 1
        try:
            f = scoped(self.ctx, self._filter)
            with self.ctx.read() as s:
                ids = employee_ids(s, f)
        except HrappError as exc:
            ids = []
            self.load_failed.emit(exc.message)
        self._reset(ids)
        self._set_loading(False)

    def reload_in_background(self) -> None:
        """Run the id query on a worker thread (a read session of its own); the view stays responsive.

        Each call supersedes the previous one: only the answer to the newest query resets the model.
        """
        from ui.tasks import run_task

        self._generation += 1
        generation, ctx, f = self._generation, self.ctx, self._filter

        def work(progress, cancelled):  # noqa: ANN001, ANN202 - task function signature
            narrowed = scoped(ctx, f)  # an account limited to some units sees their people only
            with ctx.read() as s:
                return employee_ids(s, narrowed)

        self._set_loading(True)
        run_task(work, show_dialog=False,
                 on_result=lambda ids: self._answer(generation, ids),
                 on_error=lambda exc: self._failed(generation, exc))

    def _answer(self, generation: int, ids: list[int]) -> None:
        if generation == self._generation:
            self._reset(ids)
            self._set_loading(False)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._reset([])
            self._set_loading(False)
            self.load_failed.emit(exc.message if isinstance(exc, HrappError) else str(exc))

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: int) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def _page(self, number: int) -> list[tuple[str, ...]]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * self.PAGE_SIZE
        ids = self._ids[start:start + self.PAGE_SIZE]
        try:
            with self.ctx.read() as s:
                rows = employee_rows(s, ids)
        except Exception as exc:  # noqa: BLE001 - a failed page shows empty, the page reports it once
            log.error("staff page %s failed", number, exc_info=exc)
            rows = []
            self.load_failed.emit(str(exc))
        self.pages_fetched += 1
        by_id = {r.id: r for r in rows}
        page = [self._display(by_id.get(i)) for i in ids]
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    @staticmethod
    def _display(r: EmployeeRow | None) -> tuple[str, ...]:
        if r is None:  # deleted between the id query and this page: an empty row until the next reload
            return ("",) * (len(COLUMNS) - 1)
        return (
            r.full_name,
            fmt_date(r.birth_date),
            fmt_gender(r.gender),
            r.unit_name or "",
            catalogs.label("category", r.category),
            r.rank_name or (r.rank_code or ""),
            r.post or "",
            fmt_decimal(r.coefficient),
        )

    # --- Qt model interface --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every visible cell and role on each repaint: module constants, no enum lookups.
        if role == _DISPLAY:
            row, col = index.row(), index.column()
            if col == 0:
                return str(row + 1)
            return self._page(row // self.PAGE_SIZE)[row % self.PAGE_SIZE][col - 1]
        if role == _ALIGNMENT:
            return _ALIGNMENTS[index.column()]
        if role == _TOOLTIP:
            col = index.column()
            if col < 4:  # number, name, date and sex never need a tooltip
                return None
            row = index.row()
            return self._page(row // self.PAGE_SIZE)[row % self.PAGE_SIZE][col - 1] or None
        if role == PersonIdRole:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CTX, COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMN_KEYS[section] == "name":
            return QCoreApplication.translate("EmployeeTableModel",
                                              "The list is in order of given name, then middle and family name")
        return None
