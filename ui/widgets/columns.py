"""Columns that fit: every table and tree sizes its columns to their contents within a limit, never narrower than
its header's text, with the last column taking the rest of the width.

`fit_columns(view, key=...)` is called once the view has its rows and again when they change; the columns are
refitted by themselves when the view's width changes. Key columns (a name, a date, a code) get their full
content width, however long; the others at most `limit` pixels, their text elided beyond it with the full text
in the item's tooltip where the page gives one. When the columns together leave the last column less than its
header or a share of the width, the non-key columns give up width down to their header's (or a readable
width). When that is not enough, a model that lets its headers wrap (`WrapsHeaders`) shows them on two lines
(three if two are still too wide),
the non-key columns give up width down to their (two-line) header, and a view that wraps its text
(`view.wordWrap()`) lets its key columns wrap too, down to their longest word; its rows then take two lines
where their text needs them (the rest elided, the whole text in the tooltip). Only a view that wraps nothing
and whose key columns and headers are together wider than it scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

from hrapp.text import fold, name_sort_key

LIMIT = 360  # the most a non-key column takes for its contents
Limit = int | Mapping[int, int]
READABLE = 110  # the width a shrunk column keeps for its text (if its text needs it)
LAST_SHARE = 0.4  # the share of the width the last column keeps for its text before the others shrink
MARGIN = 8  # room beyond a cell's own size hint (the style's item padding)


ROW_LINES = 2  # the lines a wrapped row shows at most
LONG_HEADER = 16  # a header longer than this (in characters) may take three lines, a shorter one two


def two_lines(text: str) -> str:
    """`text` broken at the space nearest its middle, for a header on two lines (one word stays whole)."""
    return in_lines(text, 2)


def in_lines(text: str, lines: int) -> str:
    """`text` broken at spaces into at most `lines` lines, the longest line as short as can be."""
    words = text.split(" ")
    if "\n" in text or lines < 2 or len(words) < 2:
        return text
    best = [text]
    for cuts in combinations(range(1, len(words)), min(lines, len(words)) - 1):
        parts = [" ".join(words[a:b]) for a, b in zip((0, *cuts), (*cuts, len(words)), strict=True)]
        if max(map(len, parts)) <= max(map(len, best)):  # on a tie the later break (a longer first line)
            best = parts
    return "\n".join(best)


class WrapsHeaders:
    """A model whose headers the fitter may put on two or three lines: its `headerData` returns
    `self.header_text(title)` for a horizontal header's display text."""

    header_lines = 1
    MOST_LINES = 3

    @property
    def wrapped_headers(self) -> bool:
        return self.header_lines > 1

    def header_text(self, title: str) -> str:
        lines = self.header_lines if len(title) > LONG_HEADER else min(self.header_lines, 2)
        return in_lines(title, lines)

    def wrap_headers(self, lines: int) -> None:
        if self.header_lines != lines:
            self.header_lines = lines
            assert isinstance(self, QAbstractItemModel), "WrapsHeaders is mixed into an item model"
            count = self.columnCount()
            if count:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, count - 1)


def header_of(view: QAbstractItemView) -> QHeaderView:
    if isinstance(view, QTreeView):
        return view.header()
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    raise TypeError(f"not a table or tree view: {type(view).__name__}")


def header_width(header: QHeaderView, section: int) -> int:
    """The width the header needs for its text (bold, padded, the sort arrow included) of one section."""
    return header.sectionSizeFromContents(section).width()


def fit_columns(view: QAbstractItemView, key: Iterable[int] = (), limit: Limit = LIMIT,
                stretch_last: bool = True) -> None:
    """Size the columns of `view` to their header and contents (see the module's text), now and again when
    the view's width changes. `limit` is one width for every non-key column, or one per column (the others
    `LIMIT`)."""
    keys = tuple(key)
    _refit(view, keys, limit, stretch_last)
    fitter = view.findChild(_Fitter, FITTER)
    if fitter is None:
        fitter = _Fitter(view, keys, limit, stretch_last)
    else:
        fitter.key, fitter.limit, fitter.stretch_last = keys, limit, stretch_last


def _refit(view: QAbstractItemView, key: tuple[int, ...], limit: Limit, stretch_last: bool) -> None:
    """Fit from headers on one line (a wider window may no longer need them wrapped)."""
    model = view.model()
    if isinstance(model, WrapsHeaders):
        model.wrap_headers(1)
    _fit(view, key, limit, stretch_last)


def _fit(view: QAbstractItemView, key: tuple[int, ...], limit: Limit, stretch_last: bool) -> None:
    header = header_of(view)
    model = view.model()
    if model is None:
        return
    keys = set(key)
    header.setStretchLastSection(stretch_last)
    count = header.count()
    visible = [c for c in range(count) if not header.isSectionHidden(c)]
    if not visible:
        return
    last = max(visible, key=header.visualIndex) if stretch_last else None
    need: dict[int, int] = {}
    floor: dict[int, int] = {}
    for c in visible:
        if header.sectionResizeMode(c) != QHeaderView.ResizeMode.Interactive:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        title = header_width(header, c)
        content = max(view.sizeHintForColumn(c), 0) + MARGIN
        if c not in keys:
            cap = limit.get(c, LIMIT) if isinstance(limit, Mapping) else limit
            content = min(content, max(cap, title))
        floor[c] = title
        need[c] = max(title, content, header.minimumSectionSize())
    width = view.viewport().width() if view.isVisible() else 0
    if width > 0:
        # room for the last column (its header, and its text up to a share of the width): the other non-key
        # columns give up their width beyond their header's, in proportion
        room = 0 if last is None else max(floor[last], min(need[last], int(width * LAST_SHARE)))
        over = sum(need[c] for c in visible if c != last) + room - width
        # a column keeps at least its header and a readable part of its text
        keep = {c: max(floor[c], min(need[c], READABLE)) for c in visible}
        others = [c for c in visible if c != last and c not in keys]
        if over > sum(need[c] - keep[c] for c in others) and isinstance(model, WrapsHeaders) \
                and not model.wrapped_headers:
            model.wrap_headers(2)  # the headers on two lines take less width: measure again
            _fit(view, key, limit, stretch_last)
            return
        over = _give_up(need, {c: keep[c] for c in others}, over)
        # still too wide: the last column keeps only its header, the other columns go down to their header;
        # in a view that wraps, the key columns first go down to two lines, then the others and at last the
        # key ones down to their longest word
        over = max(0, over - (room - floor.get(last, 0)))
        if not view.wordWrap():
            over = _give_up(need, {c: floor[c] for c in others}, over)
        else:  # the text wraps: no column narrower than its longest word (a date, a number stays whole)
            inner = [c for c in visible if c != last and c in keys]
            words = _longest_words(view, [c for c in visible if c != last])
            low = {c: max(floor[c], words[c]) for c in words}
            over = _give_up(need, {c: max(low[c], (need[c] + 1) // 2) for c in inner}, over)  # whole on 2 lines
            over = _give_up(need, {c: low[c] for c in others}, over)
            if over > 0 and isinstance(model, WrapsHeaders) and 1 < model.header_lines < model.MOST_LINES:
                model.wrap_headers(model.header_lines + 1)  # long headers on one more line before names are cut
                _fit(view, key, limit, stretch_last)
                return
            over = _give_up(need, {c: low[c] for c in inner}, over)
            over = _give_up(need, {c: floor[c] for c in others}, over)  # a long word cut (whole in the tooltip)
        if over > 0 and isinstance(model, WrapsHeaders) and 1 < model.header_lines < model.MOST_LINES:
            model.wrap_headers(model.header_lines + 1)  # still too wide: long headers on one more line
            _fit(view, key, limit, stretch_last)
            return
    for c in visible:
        if c != last:
            header.resizeSection(c, need[c])
    if last is not None:
        header.setMinimumSectionSize(min(header.minimumSectionSize(), floor[last]))
        # the stretched last column keeps at least the size it was last given: give it its header's, then
        # let it take the rest of the width
        header.setStretchLastSection(False)
        header.resizeSection(last, floor[last])
        header.setStretchLastSection(True)
    if view.wordWrap() and isinstance(view, QTableView):
        _fit_rows(view)
    elif view.wordWrap() and isinstance(view, QTreeView):
        view.doItemsLayout()  # the rows measured again for the new widths (a long name on two lines)


def _give_up(need: dict[int, int], down_to: Mapping[int, int], over: int) -> int:
    """Columns `down_to` give up their width beyond that, in proportion, until `over` is made up; what is
    still over is returned."""
    extra = {c: need[c] - low for c, low in down_to.items() if need[c] > low}
    spare = sum(extra.values())
    if over <= 0 or spare <= 0:
        return over
    share = min(1.0, over / spare)
    for c, e in extra.items():
        need[c] -= min(e, int(e * share + 0.999))
    return over - min(spare, over)


def _longest_words(view: QAbstractItemView, columns: Iterable[int]) -> dict[int, int]:
    """The width of the longest word in each column's rows (a wrapped column is never narrower)."""
    model = view.model()
    metrics = view.fontMetrics()
    indent = view.indentation() if isinstance(view, QTreeView) else 0
    out = {}
    for c in columns:
        widest = 0
        pad = 2 * MARGIN  # the cell's padding around its text: measured on the first cell with a text
        below = [(QModelIndex(), 1 if isinstance(view, QTreeView) and view.rootIsDecorated() else 0)]
        while below:
            parent, depth = below.pop()
            for r in range(model.rowCount(parent)):
                at = model.index(r, c, parent)
                text = model.data(at)
                if text and pad == 2 * MARGIN and "\n" not in str(text):
                    pad = max(pad, view.sizeHintForIndex(at).width() - metrics.horizontalAdvance(str(text)) + 2)
                if text:
                    words = max(metrics.horizontalAdvance(w) for w in str(text).split())
                    widest = max(widest, words + (depth * indent if c == 0 else 0))
                if isinstance(view, QTreeView) and model.rowCount(model.index(r, 0, parent)):
                    below.append((model.index(r, 0, parent), depth + 1))
        out[c] = widest + pad
    return out


def _fit_rows(view: QTableView) -> None:
    """Each row as tall as its wrapped text needs, at most `ROW_LINES` lines."""
    rows = view.verticalHeader()
    lowest = rows.defaultSectionSize()
    tallest = max(lowest, ROW_LINES * view.fontMetrics().lineSpacing() + lowest - view.fontMetrics().height())
    for r in range(view.model().rowCount()):
        rows.resizeSection(r, max(lowest, min(view.sizeHintForRow(r), tallest)))


FITTER = "columnFitter"


class _Fitter(QObject):
    """Refits the columns of its view when the view's width changes (a window resized, a splitter moved)."""

    def __init__(self, view: QAbstractItemView, key: tuple[int, ...], limit: Limit, stretch_last: bool):
        super().__init__(view)
        self.setObjectName(FITTER)
        self.view, self.key, self.limit, self.stretch_last = view, key, limit, stretch_last
        self.width = -1
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            if self.view.viewport().width() != self.width:
                self.timer.start()
        return False

    def fit(self) -> None:
        self.width = self.view.viewport().width()
        _refit(self.view, self.key, self.limit, self.stretch_last)


# --- the read-only table model: columns declared once -------------------------------------------------------

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Cell:
    """One cell already translated and formatted, with how it looks (a plain string is a Cell of its text)."""

    text: str
    tooltip: str = ""
    color: str | None = None  # text colour
    background: str | None = None
    bold: bool = False


@dataclass(frozen=True)
class Column:
    """A column of a read-only table: its (translated) title, the value of a row in it (a string or a Cell)
    and its alignment."""

    title: str
    value: Callable[[Any], str | Cell]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    sort_key: Callable[[Any], Any] | None = None  # how a sorting view orders the rows (default: the text shown)


def by_name(name: Callable[[Any], str | None]) -> Callable[[Any], str]:
    """A sort key ordering rows by a person's name in Vietnamese collation (given name, middle, family)."""
    return lambda row: name_sort_key(name(row) or "")


def at(i: int) -> Callable[[Sequence[Any]], Any]:
    """The value of a row that is a sequence: its `i`-th item."""
    return lambda row: row[i]


def indexed(headers: Sequence[str], centered: Iterable[int] = ()) -> list[Column]:
    """Columns over rows given as sequences of cells: one per header, those named in `centered` centred."""
    middle = set(centered)
    return [Column(title, at(i), Qt.AlignmentFlag.AlignCenter if i in middle else Qt.AlignmentFlag.AlignLeft)
            for i, title in enumerate(headers)]


class ColumnTableModel(QAbstractTableModel, WrapsHeaders):
    """The app's read-only table model: the rows are any objects, the columns declared once (`Column`); a row's
    key (its id) is kept beside it. A cell's whole text is its tooltip (a column narrowed to fit the screen
    elides it). The column fitter may put long headers on two or three lines (`WrapsHeaders`)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Any] = (), keys: Sequence[Any] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = list(rows)
        self.keys: list[Any] = list(keys) if keys is not None else []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None  # kept when the rows are replaced

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows (and their keys) by a column: its `sort_key` (`by_name` for a person's name), else its
        text without diacritics, then with them."""
        if not 0 <= column < len(self.columns):
            return
        self.sorted_by = (column, order)
        col = self.columns[column]
        key = col.sort_key or (lambda row: (fold(self._text(col, row)), self._text(col, row)))
        self.layoutAboutToBeChanged.emit()
        pairs = list(zip(self.rows, self.keys or [None] * len(self.rows), strict=True))
        pairs.sort(key=lambda pair: key(pair[0]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [r for r, _k in pairs]
        if self.keys:
            self.keys = [k for _r, k in pairs]
        self.layoutChanged.emit()

    @staticmethod
    def _text(col: Column, row: Any) -> str:
        value = col.value(row)
        return value.text if isinstance(value, Cell) else ("" if value is None else str(value))

    def set_rows(self, rows: Sequence[Any], keys: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.keys = list(keys) if keys is not None else []
        self.endResetModel()
        if self.sorted_by is not None:
            self.sort(*self.sorted_by)

    def row(self, number: int) -> Any:
        return self.rows[number]

    def cell(self, row: int, column: int) -> Cell:
        value = self.columns[column].value(self.rows[row])
        return value if isinstance(value, Cell) else Cell("" if value is None else str(value))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = self.columns[index.column()].align
            return None if align == Qt.AlignmentFlag.AlignLeft else int(align | Qt.AlignmentFlag.AlignVCenter)
        if role not in _CELL_ROLES:
            return None
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or cell.text or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(cell.color)) if cell.color else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(cell.background)) if cell.background else None
        if cell.bold:  # the font
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header_text(self.columns[section].title)
        return None


_CELL_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
               Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole)
