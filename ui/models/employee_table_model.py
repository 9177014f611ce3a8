"""Table model of the staff list: holds only the ordered ids and fetches display rows lazily, page by page.

Search as you type is answered in memory when it can be: each SQL answer keeps the folded names of its people,
and a search that only narrows it (more words, longer words) filters those names with the same word-start rule
as the SQL query, in display order. Anything else (another unit, category or status, a shorter search with no
wider answer at hand, an answer older than FRESH_SECONDS) asks the database."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.domain.name_search import initials_index, narrow, narrows, search_terms
from hrapp.errors import HrappError
from hrapp.queries.employees import EmployeeFilter, EmployeeRow
from hrapp.queries.lookups import staff_first_rows, staff_ids_and_names, staff_rows
from ui.formatting import fmt_date, fmt_decimal, fmt_gender
from ui.widgets.columns import WrapsHeaders

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
_CATEGORY = COLUMN_KEYS.index("category")
LONG_CATEGORY = 20  # a category name longer than this shows its short name in the list, the whole in the tooltip


def category_short_names() -> dict[str, str]:
    """The short name (the catalog's `extra.short`) to show in a list cell for each long category name."""
    return {it["name"]: it["extra"]["short"] for it in catalogs.items("category")
            if len(it["name"]) > LONG_CATEGORY and (it.get("extra") or {}).get("short")}
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


@dataclass(frozen=True)
class _Answer:
    """The people of a filter in display order, with their word-start haystacks, as the database gave them at
    `asked` (time.monotonic) or as narrowed in memory from such an answer. The haystacks of a database answer
    arrive after its ids (None until then), so the first page is not kept waiting for them."""

    filter: EmployeeFilter
    ids: list[int]
    haystacks: list[str] | None
    asked: float
    initials: dict[str, list[int]] | None = None  # `initials_index` of the whole list's haystacks


def _rest(f: EmployeeFilter) -> EmployeeFilter:
    return replace(f, search="")


class EmployeeTableModel(QAbstractTableModel, WrapsHeaders):
    """Rows are fetched in pages of PAGE_SIZE through a short-lived read session; at most MAX_PAGES are kept.
    An answer read on a worker brings the rows of its first page, so showing it reads nothing in the window.

    The order is the SQL order of `hrapp.queries.employees.employee_ids` (Vietnamese given-name collation), so the view never sorts.
    """

    PAGE_SIZE = 50  # about two screens of rows: a keystroke reads no more than it shows
    MAX_PAGES = 160
    NAMES_DELAY_MS = 150  # the folded names of an answer are read after its first page is painted
    FRESH_SECONDS = 60.0  # an answer narrowed from an older database answer is checked again in the background

    load_failed = Signal(str)
    loading_changed = Signal(bool)

    def __init__(self, ctx: ServiceContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._filter = EmployeeFilter()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[tuple[str, ...]]] = OrderedDict()
        # Display rows by person id, kept across the keystrokes of a search (least recently shown dropped first)
        # and dropped with each answer of the database.
        self._rows: OrderedDict[int, tuple[str, ...]] = OrderedDict()
        self._short = category_short_names()  # long category names shown short (the whole in the tooltip)
        self.pages_fetched = 0  # how many page queries ran (the laziness is observable in tests)
        self._generation = 0  # the newest id query; older answers that arrive late are dropped
        self.loading = False
        self._asked: _Answer | None = None  # the newest answer of the database
        self._shown: _Answer | None = None  # the answer on screen (the database's or narrowed from one)
        self._whole: _Answer | None = None  # the newest database answer without search words: any search narrows it
        self._epoch = 0  # answers read before the last `forget` are not kept
        self._writes_seen = ctx.writes  # the context's write count when the answers kept were asked for
        self._names_pending = 0  # folded-name reads asked for and not answered yet
        self.answered = 0  # how many answers were shown (each filter set ends in exactly one)

    # --- loading -------------------------------------------------------------------------------------
    @property
    def current_filter(self) -> EmployeeFilter:
        return self._filter

    def set_filter(self, f: EmployeeFilter, *, background: bool = False, fresh: bool = False) -> None:
        """Show the people of `f`: from memory when an answer at hand can be narrowed to it, else from the
        database (on a worker thread when `background`). `fresh` always asks the database (after a write)."""
        self._filter = f
        if fresh:
            self.forget()
        elif self.answer_from_memory(f):
            return
        if background:
            self.reload_in_background()
        else:
            self.reload()

    def forget(self) -> None:
        """Drop the answers and rows kept for narrowing: the next filter asks the database."""
        self._asked = self._shown = self._whole = None
        self._writes_seen = self.ctx.writes
        self._epoch += 1
        self._rows.clear()

    def can_narrow(self, f: EmployeeFilter) -> bool:
        return self._source(f) is not None

    def _source(self, f: EmployeeFilter) -> _Answer | None:
        """The smallest answer at hand that holds every person `f` finds; none once this app has written since
        they were asked for (a person hired or edited on another page must be found at the next keystroke)."""
        if self.ctx.writes != self._writes_seen:
            self.forget()
            return None
        fits = [a for a in (self._shown, self._asked, self._whole) if a is not None and a.haystacks is not None
                and _rest(a.filter) == _rest(f) and narrows(a.filter.search, f.search)]
        return min(fits, key=lambda a: len(a.ids), default=None)

    def answer_from_memory(self, f: EmployeeFilter) -> bool:
        """Narrow an answer at hand to `f` and show it now; False when none fits."""
        source = self._source(f)
        if source is None:
            return False
        self._generation += 1  # a database answer still on its way is older than this one
        known = set(search_terms(source.filter.search))
        extra = " ".join(t for t in search_terms(f.search) if t not in known)
        assert source.haystacks is not None  # _source picks answers with haystacks only
        ids, haystacks = (narrow(source.ids, source.haystacks, extra, source.initials) if extra
                          else (source.ids, source.haystacks))
        self._show(_Answer(f, ids, haystacks, source.asked))
        if time.monotonic() - source.asked > self.FRESH_SECONDS:  # others may have changed the list since
            self.reload_in_background(quiet=True)
        else:
            self._set_loading(False)
        return True

    def reload(self) -> None:
        """Re-run the id query (filters and order in SQL) now and drop every cached page."""
        self._generation += 1
        f, asked = self._filter, time.monotonic()
        try:
            ids, haystacks = staff_ids_and_names(self.ctx, f)
        except HrappError as exc:
            ids, haystacks = [], []
            self.load_failed.emit(exc.message)
        self._keep(_Answer(f, ids, haystacks, asked))  # one query: a synchronous caller wants everything now
        self._set_loading(False)

    def reload_in_background(self, *, quiet: bool = False) -> None:
        """Run the id query on a worker thread (a read session of its own); the view stays responsive.

        Each call supersedes the previous one: only the answer to the newest query resets the model. A `quiet`
        reload checks the answer on screen: the list says "searching" only if it was loading already.
        """
        from ui.tasks import run_task

        self._generation += 1
        generation, ctx, f = self._generation, self.ctx, self._filter

        size = self.PAGE_SIZE

        def work(progress, cancelled):
            asked = time.monotonic()
            # an account limited to some units reads their people only (hrapp.db.scope); the rows of the first
            # page in the same read: the view paints them without a query of its own
            ids, first = staff_first_rows(ctx, f, size)
            return _Answer(f, ids, None, asked), first

        if not quiet:
            self._set_loading(True)
        run_task(work, show_dialog=False,
                 on_result=lambda found: self._answer(generation, *found),
                 on_error=lambda exc: self._failed(generation, exc))

    def _answer(self, generation: int, answer: _Answer, first: list[EmployeeRow]) -> None:
        if generation == self._generation:
            self._keep(answer, first)
            self._set_loading(False)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._asked = None
            self._show(_Answer(self._filter, [], [], time.monotonic()))
            self._set_loading(False)
            self.load_failed.emit(exc.message if isinstance(exc, HrappError) else str(exc))

    def _keep(self, answer: _Answer, first: list[EmployeeRow] | None = None) -> None:
        """A database answer: kept for narrowing and shown (the view is not reset when nothing changed).
        `first` are the rows of its first page, read with it."""
        self._asked = answer
        self._rows.clear()
        self._pages.clear()
        if first:
            self.pages_fetched += 1
            self._rows.update((r.id, self._display(r)) for r in first)
        if answer.haystacks is None:  # read once the first page is painted, not competing with it
            self._names_pending += 1
            epoch = self._epoch
            QTimer.singleShot(self.NAMES_DELAY_MS, lambda: self._load_haystacks(answer, epoch))
        else:
            self._remember_whole(answer)
        if self._shown is not None and self._shown.filter == answer.filter and self._shown.ids == answer.ids:
            self._shown = answer
            self.answered += 1
            return
        self._show(answer)

    def _load_haystacks(self, answer: _Answer, epoch: int) -> None:
        """Read the folded names of a database answer on a worker thread, then keep them with it for narrowing
        (dropped if the answer was replaced meanwhile or the list changed between the two reads)."""
        if epoch != self._epoch:  # forgotten (a save) before the read began
            self._names_pending -= 1
            return
        from ui.tasks import run_task

        ctx = self.ctx

        def work(progress, cancelled):
            ids, haystacks = staff_ids_and_names(ctx, answer.filter)
            whole = not search_terms(answer.filter.search)
            return ids, haystacks, initials_index(haystacks) if whole else None

        def done(found: tuple[list[int], list[str], dict[str, list[int]] | None]) -> None:
            ids, haystacks, initials = found
            if epoch != self._epoch or ids != answer.ids:  # forgotten after a write, or changed meanwhile
                return
            full = replace(answer, haystacks=haystacks, initials=initials)
            if self._asked is answer:
                self._asked = full
            if self._shown is answer:
                self._shown = full
            self._remember_whole(full)

        def failed(exc: BaseException) -> None:
            self._names_pending -= 1
            log.warning("staff list names not read: %s", exc)

        def answered(found: tuple[list[int], list[str], dict[str, list[int]] | None]) -> None:
            self._names_pending -= 1
            done(found)

        run_task(work, show_dialog=False, on_result=answered, on_error=failed)

    @property
    def reading_names(self) -> bool:
        """True while the folded names of a database answer are still to come (no narrowing from it yet)."""
        return self._names_pending > 0

    def _remember_whole(self, answer: _Answer) -> None:
        if not search_terms(answer.filter.search) and (self._whole is None or self._whole.asked <= answer.asked):
            self._whole = answer

    def _show(self, answer: _Answer) -> None:
        self._shown = answer
        self.answered += 1
        self._reset(answer.ids)

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
        rows = self._rows
        missing = [i for i in ids if i not in rows]
        if missing:  # rows shown for an earlier keystroke are not read again
            try:
                fetched = staff_rows(self.ctx, missing)
            except Exception as exc:
                log.error("staff page %s failed", number, exc_info=exc)
                fetched = []
                self.load_failed.emit(str(exc))
            self.pages_fetched += 1
            for r in fetched:
                rows[r.id] = self._display(r)
        empty = ("",) * (len(COLUMNS) - 1)  # deleted between the id query and this page: empty until a reload
        page = [rows.get(i, empty) for i in ids]
        for i in ids:
            if i in rows:
                rows.move_to_end(i)
        while len(rows) > self.MAX_PAGES * self.PAGE_SIZE:
            rows.popitem(last=False)
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    @staticmethod
    def _display(r: EmployeeRow) -> tuple[str, ...]:
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
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every visible cell and role on each repaint: module constants, no enum lookups.
        if role == _DISPLAY:
            row, col = index.row(), index.column()
            if col == 0:
                return str(row + 1)
            text = self._page(row // self.PAGE_SIZE)[row % self.PAGE_SIZE][col - 1]
            return self._short.get(text, text) if col == _CATEGORY else text
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

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(QCoreApplication.translate(_CTX, COLUMNS[section][1]))
        if role == Qt.ItemDataRole.ToolTipRole and COLUMN_KEYS[section] == "name":
            return QCoreApplication.translate("EmployeeTableModel",
                                              "The list is in order of given name, then middle and family name")
        return None
