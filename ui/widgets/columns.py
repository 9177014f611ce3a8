"""Columns that fit: every table and tree sizes its columns to their contents within a limit, never narrower than
its header's text, with the last column taking the rest of the width.

`fit_columns(view, key=...)` is called once the view has its rows and again when they change; the columns are
refitted by themselves when the view's width changes. Key columns (a name, a date, a code) get their full
content width, however long; the others at most `limit` pixels, their text elided beyond it with the full text
in the item's tooltip where the page gives one. When the columns together leave the last column less than its
header or a share of the width, the non-key columns give up width down to their header's (or a readable
width); a table whose key columns and headers are together wider than the view scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

LIMIT = 360  # the most a non-key column takes for its contents
Limit = int | Mapping[int, int]
READABLE = 110  # the width a shrunk column keeps for its text (if its text needs it)
LAST_SHARE = 0.4  # the share of the width the last column keeps for its text before the others shrink
MARGIN = 8  # room beyond a cell's own size hint (the style's item padding)


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
    _fit(view, keys, limit, stretch_last)
    fitter = view.findChild(_Fitter, FITTER)
    if fitter is None:
        fitter = _Fitter(view, keys, limit, stretch_last)
    else:
        fitter.key, fitter.limit, fitter.stretch_last = keys, limit, stretch_last


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
    if width > 0 and last is not None:
        # room for the last column (its header, and its text up to a share of the width): the other non-key
        # columns give up their width beyond their header's, in proportion
        room = max(floor[last], min(need[last], int(width * LAST_SHARE)))
        over = sum(need[c] for c in visible if c != last) + room - width
        # a column keeps at least its header and a readable part of its text
        keep = {c: max(floor[c], min(need[c], READABLE)) for c in visible}
        extra = {c: need[c] - keep[c] for c in visible if c != last and c not in keys}
        spare = sum(extra.values())
        if over > 0 and spare > 0:
            share = min(1.0, over / spare)
            for c, e in extra.items():
                need[c] -= int(e * share + 0.999)
    for c in visible:
        if c != last:
            header.resizeSection(c, need[c])
    if last is not None:
        header.setMinimumSectionSize(min(header.minimumSectionSize(), floor[last]))
        if header.sectionSize(last) < floor[last]:
            header.resizeSection(last, floor[last])


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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            if self.view.viewport().width() != self.width:
                self.timer.start()
        return False

    def fit(self) -> None:
        self.width = self.view.viewport().width()
        _fit(self.view, self.key, self.limit, self.stretch_last)
