"""Pieces shared by the planning and training pages and their dialogs: a table model with coloured check badges and
the read-only view that shows it, a person picker searching as you type (diacritics ignored), and the text of the
checks (refusals and shortfalls)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain import planning as pl
from hrapp.domain.planning import Reason
from hrapp.queries.planning import CandidateRow, PeriodRow, PostRow, candidates
from hrapp.services.planning import EntryItem, EntryPreview, preview_entry
from ui.formatting import fmt_date
from ui.widgets.columns import Cell, ColumnTableModel, fit_columns, indexed

Index = QModelIndex | QPersistentModelIndex
OK_COLOR = "#1e7b34"
FAIL_COLOR = "#b3261e"
WARN_COLOR = "#8a5a00"
FAIL_BACKGROUND = "#fdecea"
WARN_BACKGROUND = "#fff6e0"
PersonIdRole = Qt.ItemDataRole.UserRole + 1
PersonNameRole = Qt.ItemDataRole.UserRole + 2


class CellsTableModel(ColumnTableModel):
    """A read-only table of Cell rows (already translated and formatted); `keys` carry the row's id: the app's
    one column-declared model (ui.widgets.columns) with a column per header."""

    def __init__(self, headers: Sequence[str], centered: Sequence[int] = (), parent: QObject | None = None):
        super().__init__(indexed(headers, centered), parent=parent)

    def set_rows(self, rows: Sequence[Sequence[Cell | str]], keys: Sequence[Any] | None = None) -> None:
        super().set_rows([[c if isinstance(c, Cell) else Cell(c) for c in row] for row in rows], keys)


def cells_view(model: CellsTableModel,
               selection: QTableView.SelectionMode = QTableView.SelectionMode.ExtendedSelection) -> QTableView:
    """A read-only view of the model: whole rows selected, long names and notes wrapped on two lines rather than
    off screen, the last column stretched, the headers whole before any row."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    fit_columns(view, key=(0,))
    return view


def fit_cells(view: QTableView, widest: int) -> None:
    """Columns as wide as their text and header; the first (what the row is) whole, the others at most `widest`
    pixels (the whole text is in the tooltip)."""
    fit_columns(view, key=(0,), limit=widest)


def reasons_html(refusals: Sequence[Reason], shortfalls: Sequence[Reason], ok_text: str, refused_title: str,
                 shortfall_title: str) -> str:
    """The checks of one person for one post as rich text: refusals in red, shortfalls in amber."""
    parts = []
    if refusals:
        items = "".join(f"<li>{escape(r.message)}</li>" for r in refusals)
        parts.append(f"<p style='color:{FAIL_COLOR}'><b>{escape(refused_title)}</b></p><ul>{items}</ul>")
    if shortfalls:
        items = "".join(f"<li>{escape(r.message)}</li>" for r in shortfalls)
        parts.append(f"<p style='color:{WARN_COLOR}'><b>{escape(shortfall_title)}</b></p>"
                     f"<ul style='color:{WARN_COLOR}'>{items}</ul>")
    if not parts:
        parts.append(f"<p style='color:{OK_COLOR}'><b>{escape(ok_text)}</b></p>")
    return "".join(parts)


class PersonPicker(QWidget):
    """Search people on staff by name as you type; `person_changed` carries the chosen id (or None)."""

    person_changed = Signal(object)
    SEARCH_DELAY_MS = 250

    def __init__(self, ctx: ServiceContext, on: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.on = on or clock.today()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Type a name (diacritics not needed)"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.results.currentItemChanged.connect(lambda *_: self.person_changed.emit(self.person_id()))

    def search(self) -> None:
        self._timer.stop()
        text = self.search_edit.text().strip()
        self.results.clear()
        if not text:
            return
        for row in candidates(self.ctx, text, self.on, limit=40):
            self.results.addItem(self.item(row))

    def item(self, row: CandidateRow) -> QListWidgetItem:
        """The entry of a person found, carrying the id and the name; a subclass may add to it. The label is
        translated in this class's context whichever subclass runs it (self.tr would look under the subclass)."""
        label = QCoreApplication.translate("PersonPicker", "%1, born %2 — %3").replace("%1", row.full_name).replace(
            "%2", fmt_date(row.birth_date)).replace("%3", row.current_post)
        item = QListWidgetItem(label)
        item.setData(PersonIdRole, row.person_id)
        item.setData(PersonNameRole, row.full_name)
        return item

    def person_id(self) -> int | None:
        item = self.results.currentItem()
        return None if item is None else int(item.data(PersonIdRole))

    def person_name(self) -> str:
        item = self.results.currentItem()
        return "" if item is None else str(item.data(PersonNameRole))

    def choose(self, name: str, person_id: int | None = None) -> bool:
        """Search for `name` at once and select the first match (or the one with `person_id`)."""
        self.search_edit.setText(name)
        self.search()
        for i in range(self.results.count()):
            item = self.results.item(i)
            if person_id is None or item.data(PersonIdRole) == person_id:
                self.results.setCurrentItem(item)
                return True
        return False


class EntryPicker(QWidget):
    """Choose a post and a person, see the checks at once, and collect the choices in a list.

    A choice breaking a hard limit (counting the people already on the list, less those `freed` by removals
    decided at the same time) cannot be added; shortfalls are shown but do not block."""

    def __init__(self, ctx: ServiceContext, period: PeriodRow, posts: Sequence[tuple[PostRow, int, int]],
                 on: Callable[[], date], post_id: int | None = None,
                 freed: Callable[[int, int], tuple[int, int]] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.period, self.on, self.freed = ctx, period, on, freed
        self.rules = pl.planning_rules(ctx.rulebook, period.rule_version)
        self.posts = {p.id: p for p, _, _ in posts}
        self.pending: list[tuple[EntryItem, str, str]] = []  # item, person name, post title
        self.preview: EntryPreview | None = None
        self.post_combo = QComboBox()
        for p, count, maximum in posts:
            self.post_combo.addItem(self.tr("%1 (%2 of %3 planned)").replace("%1", p.title).replace(
                "%2", str(count)).replace("%3", str(maximum)), p.id)
        if post_id is not None:
            self.post_combo.setCurrentIndex(max(self.post_combo.findData(post_id), 0))
        self.picker = PersonPicker(ctx, min(clock.today(), period.last_day), self)
        self.check_label = QLabel()
        self.check_label.setObjectName("planningCheck")
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label.setMinimumWidth(420)
        self.note_edit = QLineEdit()
        self.add_button = QPushButton(self.tr("Add to the list"))
        self.add_button.clicked.connect(self.add_current)
        self.remove_button = QPushButton(self.tr("Remove from the list"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.pending_list = QListWidget()
        self.pending_list.setMaximumHeight(90)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Post"), self.post_combo)
        form.addRow(self.tr("Person"), self.picker)
        form.addRow(self.tr("Checks"), self.check_label)
        form.addRow(self.tr("Note"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow(self.tr("To be planned"), self.pending_list)
        self.post_combo.currentIndexChanged.connect(lambda _i: self.update_checks())
        self.picker.person_changed.connect(lambda _p: self.update_checks())
        self.update_checks()

    def _pending_counts(self, post_id: int, person_id: int) -> tuple[int, int, bool]:
        level = pl.post_level(self.posts[post_id].post_code)
        on_post = sum(1 for item, _, _ in self.pending if item.post_id == post_id)
        same_level = sum(1 for item, _, _ in self.pending
                         if item.person_id == person_id and pl.post_level(self.posts[item.post_id].post_code) == level)
        twice = any(item.post_id == post_id and item.person_id == person_id for item, _, _ in self.pending)
        return on_post, same_level, twice

    def refusals(self) -> tuple[Reason, ...]:
        """The hard limits the current choice breaks, counting the people already on the list."""
        if self.preview is None:
            return ()
        post = self.posts[self.post_combo.currentData()]
        person = self.picker.person_id()
        assert person is not None
        on_post, same_level, twice = self._pending_counts(post.id, person)
        freed_post, freed_level = self.freed(post.id, person) if self.freed else (0, 0)
        limits = pl.hard_limit_reasons(
            self.rules, post_code=post.post_code, post_title=post.title,
            people_on_post=self.preview.post_count + on_post - freed_post, post_max=post.max_people,
            posts_of_person_same_level=self.preview.person_posts_same_level + same_level - freed_level,
            already_on_post=twice or (any(r.code == pl.DUPLICATE for r in self.preview.refusals)
                                      and not freed_post))
        others = tuple(r for r in self.preview.refusals if r.code not in (pl.POST_FULL, pl.PERSON_FULL, pl.DUPLICATE))
        return limits + others

    def update_checks(self) -> None:
        post_id, person = self.post_combo.currentData(), self.picker.person_id()
        if post_id is None or person is None:
            self.preview = None
            self.check_label.setText(self.tr("Choose a post and a person to see the checks."))
            self.add_button.setEnabled(False)
            return
        self.preview = preview_entry(self.ctx, post_id, person, self.on())
        refused = self.refusals()
        self.check_label.setText(reasons_html(
            refused, self.preview.eligibility.reasons, self.tr("Meets every requirement."),
            self.tr("Cannot be added:"), self.tr("Does not meet (may still be planned, shown as a warning):")))
        self.add_button.setEnabled(not refused)

    def add_current(self) -> bool:
        """Put the current choice on the list; refused (False) while a hard limit is broken."""
        post_id, person = self.post_combo.currentData(), self.picker.person_id()
        if post_id is None or person is None or self.preview is None or self.refusals():
            return False
        item = EntryItem(post_id, person, self.note_edit.text().strip() or None)
        title = self.posts[post_id].title
        self.pending.append((item, self.picker.person_name(), title))
        self.pending_list.addItem(f"{self.picker.person_name()} — {title}")
        self.note_edit.clear()
        self.update_checks()
        return True

    def remove_selected(self) -> None:
        row = self.pending_list.currentRow()
        if row < 0:
            return
        self.pending_list.takeItem(row)
        del self.pending[row]
        self.update_checks()

    def items(self, with_current: bool = True) -> tuple[EntryItem, ...]:
        """The listed choices; with none listed, the current choice (so one person needs no extra click)."""
        items = tuple(item for item, _, _ in self.pending)
        if not items and with_current and self.post_combo.currentData() is not None \
                and self.picker.person_id() is not None:
            items = (EntryItem(self.post_combo.currentData(), self.picker.person_id(),
                               self.note_edit.text().strip() or None),)
        return items
