"""Tổ chức bộ máy: the unit tree as it stood on a chosen day; create, rename, move, merge and close units,
each by a decision; a unit's history and its leaders, with the deputy-count warning."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.queries.lookups import units_on
from hrapp.queries.org_history import UnitAt
from hrapp.services.org import (
    CloseUnit,
    MoveUnit,
    NewUnit,
    RenameUnit,
    close_unit,
    create_unit,
    move_unit,
    rename_unit,
    unit_history,
)
from hrapp.services.unit_leadership import deputy_warnings, unit_leadership
from ui.dialogs.evaluation_dialogs import CapExceptionDialog
from ui.dialogs.reorganise_dialog import ReorganiseDialog
from ui.formatting import fmt_date
from ui.messages import show_error
from ui.models.rows_table_model import RowsTableModel
from ui.pages.base import BasePage
from ui.style import ERROR_STYLE
from ui.widgets.columns import fit_columns
from ui.widgets.forms import ErrorBox, FormDialog, date_edit, from_qdate, run_form
from ui.widgets.unit_tree import place_unit

UnitIdRole = Qt.ItemDataRole.UserRole + 1
DETAILS_WIDTH = 330  # the width the details keep for their leaders and history tables (two-line headers)


def _unit_combo(units: list[UnitAt], exclude: set[int] = frozenset(), none_label: str | None = None) -> QComboBox:
    combo = QComboBox()
    if none_label is not None:
        combo.addItem(none_label, None)
    for u in units:
        if u.id not in exclude:
            combo.addItem("    " * u.depth + u.name, u.id)
    return combo


class NewUnitDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, units: list[UnitAt], parent_id: int | None, parent: QWidget | None = None):
        super().__init__(self.tr("New unit"), self._save, parent)
        self.ctx = ctx
        self.code_edit = self.add_field(self.tr("Code"), QLineEdit(), "code")
        self.name_edit = self.add_field(self.tr("Name"), QLineEdit(), "name")
        self.short_edit = self.add_field(self.tr("Short name"), QLineEdit(), "short_name")
        self.kind_combo = QComboBox()
        for code, label in catalogs.labels("unit_kind").items():
            self.kind_combo.addItem(label, code)
        self.add_field(self.tr("Kind"), self.kind_combo, "kind")
        self.parent_combo = _unit_combo(units, none_label=self.tr("(none: top of the tree)"))
        if parent_id is not None:
            self.parent_combo.setCurrentIndex(max(self.parent_combo.findData(parent_id), 0))
        self.add_field(self.tr("Belongs to"), self.parent_combo, "parent_id")
        self.add_decision(self.tr("Founding decision"))
        self.finish_layout()

    def _save(self):
        return create_unit(self.ctx, NewUnit(
            code=self.code_edit.text().strip(), name=self.name_edit.text().strip(), kind=self.kind_combo.currentData(),
            parent_id=self.parent_combo.currentData(), decision=self.decision_form.value(),
            short_name=self.short_edit.text().strip() or None))


class RenameUnitDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, unit: UnitAt, parent: QWidget | None = None):
        super().__init__(self.tr("Rename unit"), self._save, parent)
        self.ctx, self.unit = ctx, unit
        self.form.addRow(self.tr("Current name"), QLabel(unit.name))
        self.name_edit = self.add_field(self.tr("New name"), QLineEdit(unit.name), "name")
        self.short_edit = self.add_field(self.tr("New short name"), QLineEdit(unit.short_name or ""), "short_name")
        self.add_decision()
        self.finish_layout()

    def _save(self):
        return rename_unit(self.ctx, RenameUnit(self.unit.id, self.name_edit.text(), self.decision_form.value(),
                                                self.short_edit.text().strip() or None))


class MoveUnitDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, units: list[UnitAt], unit: UnitAt, parent: QWidget | None = None):
        super().__init__(self.tr("Move unit"), self._save, parent)
        self.ctx, self.unit = ctx, unit
        self.form.addRow(self.tr("Unit"), QLabel(unit.name))
        self.parent_combo = _unit_combo(units, exclude={unit.id})
        self.add_field(self.tr("New parent unit"), self.parent_combo, "parent_id")
        self.add_decision()
        self.finish_layout()

    def _save(self):
        return move_unit(self.ctx, MoveUnit(self.unit.id, self.parent_combo.currentData(), self.decision_form.value()))


class CloseUnitDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, unit: UnitAt, parent: QWidget | None = None):
        super().__init__(self.tr("Close unit"), self._save, parent)
        self.ctx, self.unit = ctx, unit
        self.form.addRow(self.tr("Unit"), QLabel(unit.name))
        self.errors.add("unit_id")
        self.form.addRow("", self.errors.labels["unit_id"])
        note = QLabel(self.tr("The unit's last day is the day before the decision takes effect. Its staff must "
                              "have moved by then."))
        note.setWordWrap(True)
        note.setObjectName("muted")
        self.form.addRow(note)
        self.add_decision(self.tr("Decision to close"))
        self.finish_layout()

    def _save(self):
        return close_unit(self.ctx, CloseUnit(self.unit.id, self.decision_form.value()))


class OrgPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.units: list[UnitAt] = []
        self.date_edit = date_edit()
        self.date_edit.setToolTip(self.tr("Show the organisation as it stood on this day"))
        self.warning_label = ErrorBox()

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Unit"), self.tr("Code"), self.tr("Kind"), self.tr("Since")])
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self._sized = False  # the splitter gives the tree its columns' width once, unless a saved layout does
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())

        self.new_button = QPushButton(self.tr("New unit…"))
        self.new_button.setObjectName("primary")
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.move_button = QPushButton(self.tr("Move…"))
        self.merge_button = QPushButton(self.tr("Merge or amalgamate…"))
        self.close_button = QPushButton(self.tr("Close…"))
        self.htxs_button = QPushButton(self.tr("Excellent ratings share…"))
        self.htxs_button.setToolTip(self.tr("A higher share of excellent ratings for the year, by decision, for a "
                                            "unit with outstanding results"))
        self.htxs_button.clicked.connect(lambda: self._open(CapExceptionDialog(self.ctx, self.current_unit(), self)))
        self.new_button.clicked.connect(self.create_new)
        self.rename_button.clicked.connect(lambda: self._open(RenameUnitDialog(self.ctx, self.current_unit(), self)))
        self.move_button.clicked.connect(
            lambda: self._open(MoveUnitDialog(self.ctx, self.units, self.current_unit(), self)))
        self.merge_button.clicked.connect(
            lambda: self._open(ReorganiseDialog(self.ctx, self.units, self.current_unit(), self)))
        self.close_button.clicked.connect(lambda: self._open(CloseUnitDialog(self.ctx, self.current_unit(), self)))

        self.detail_title = QLabel()
        self.detail_title.setObjectName("pageTitle")
        self.detail_title.setWordWrap(True)  # a long unit name leaves the tree its width
        self.leaders_label = QLabel(self.tr("Leaders"))
        self.leaders_view = QTableView()
        self.history_label = QLabel(self.tr("History"))
        self.history_view = QTableView()
        self.deputy_label = QLabel()
        self.deputy_label.setStyleSheet(ERROR_STYLE)
        self.deputy_label.setWordWrap(True)
        for view in (self.leaders_view, self.history_view):
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setStretchLastSection(True)
            view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)

        head = QHBoxLayout()
        head.addLayout(self.heading_box(
            self.tr("Organisation"), self.tr("Units as they stood on the chosen day; every change is made by a decision")))
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("On")))
        head.addWidget(self.date_edit)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.rename_button, self.move_button, self.merge_button, self.close_button,
                  self.htxs_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        details = QWidget()
        dl = QVBoxLayout(details)
        dl.setContentsMargins(8, 0, 0, 0)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.deputy_label)
        dl.addWidget(self.leaders_label)
        dl.addWidget(self.leaders_view, 1)
        dl.addWidget(self.history_label)
        dl.addWidget(self.history_view, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(head)
        layout.addWidget(self.warning_label)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()

    # --- BasePage ------------------------------------------------------------------------------------
    def can_create(self) -> bool:
        return True

    def create_new(self) -> None:
        unit = self.current_unit()
        self._open(NewUnitDialog(self.ctx, self.units, unit.id if unit else None, self))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("splitter")
        if state is not None:
            self._sized = self.splitter.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._give_tree_its_width()

    def _give_tree_its_width(self) -> None:
        """The tree as wide as its columns (within 70% of the page, and leaving the details room for their
        tables' headers), the details the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0 or self.tree.topLevelItemCount() == 0:
            return
        header = self.tree.header()
        need = header.length() + self.tree.frameWidth() * 2 + self.tree.verticalScrollBar().sizeHint().width()
        tree = min(need, int(total * 0.7), max(total - DETAILS_WIDTH, total // 2))
        self.splitter.setSizes([tree, total - tree])
        self._sized = True

    def on_day(self) -> date:
        return from_qdate(self.date_edit.date())

    def refresh(self) -> None:
        keep = self.current_unit().id if self.current_unit() else None
        try:
            self.units = units_on(self.ctx, self.on_day())
            warnings = deputy_warnings(self.ctx, self.on_day())
        except Exception as exc:  # noqa: BLE001 - shown to the user, the page stays usable
            show_error(self, exc)
            return
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        kinds = catalogs.labels("unit_kind")
        for u in self.units:
            item = QTreeWidgetItem([u.name, u.code, kinds.get(u.kind, u.kind), fmt_date(u.active_from)])
            item.setData(0, UnitIdRole, u.id)
            place_unit(self.tree, items, u.id, u.parent_id, item)
        self.tree.expandAll()
        # the unit's name, code and date whole; the kind (also in the details) elided beyond 110 pixels
        fit_columns(self.tree, key=(0, 1, 3), limit=110, stretch_last=False)
        if not self._sized and self.isVisible():
            self._give_tree_its_width()
        if keep in items:
            self.tree.setCurrentItem(items[keep])
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.warning_label.setText("\n".join(w.message for w in warnings))
        self.warning_label.setVisible(bool(warnings))
        self._show_details()

    # --- behaviour -----------------------------------------------------------------------------------
    def current_unit(self) -> UnitAt | None:
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        if item is None:
            return None
        uid = item.data(0, UnitIdRole)
        return next((u for u in self.units if u.id == uid), None)

    def select_code(self, code: str) -> bool:
        for item in self.tree.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 1):
            self.tree.setCurrentItem(item)
            return True
        return False

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog  # kept so the dialog lives while open (and for tests)
        run_form(dialog, self._saved)

    def _saved(self, result: object) -> None:
        self.refresh()
        self.status_message.emit(self.tr("Saved."))

    def _show_details(self) -> None:
        unit = self.current_unit()
        for b in (self.rename_button, self.move_button, self.merge_button, self.close_button, self.htxs_button):
            b.setEnabled(unit is not None)
        if unit is None:
            self.detail_title.clear()
            self.leaders_view.setModel(None)
            self.history_view.setModel(None)
            self.deputy_label.hide()
            return
        self.detail_title.setText(unit.name)
        try:
            leadership = unit_leadership(self.ctx, unit.id, self.on_day())
            history = unit_history(self.ctx, unit.id)
        except Exception as exc:  # noqa: BLE001 - a failed read shows its one line and leaves the page as it was
            show_error(self, exc)
            return
        self.leaders_view.setModel(RowsTableModel(
            [self.tr("Post"), self.tr("Holder"), self.tr("Since"), self.tr("Term ends")],
            [[r.post_title, r.full_name, fmt_date(r.start_date), fmt_date(r.term_end)] for r in leadership.leaders],
            centered=(2, 3), parent=self))
        fit_columns(self.leaders_view, key=(0, 1, 2), limit=220)
        self.deputy_label.setText(leadership.warning.message if leadership.warning else "")
        self.deputy_label.setVisible(leadership.warning is not None)
        kinds = {"create": self.tr("Founded"), "rename": self.tr("Renamed"), "move": self.tr("Moved"),
                 "merge": self.tr("Merged into another unit"), "merge_in": self.tr("Received a merged unit"),
                 "close": self.tr("Closed")}
        rows = []
        for e in reversed(history):
            what = kinds.get(e.kind, e.kind)
            detail = {"rename": f"{e.old_value} → {e.new_value}", "move": f"{e.old_value or ''} → {e.new_value}",
                      "merge": e.new_value or "", "merge_in": e.old_value or ""}.get(e.kind, e.new_value or "")
            decision = f"{e.decision_number} ({fmt_date(e.decision_sign_date)})" if e.decision_number else ""
            rows.append([fmt_date(e.event_date), what, detail, decision])
        self.history_view.setModel(RowsTableModel(
            [self.tr("Date"), self.tr("Change"), self.tr("Details"), self.tr("Decision")], rows, centered=(0,),
            parent=self))
        fit_columns(self.history_view, key=(0, 1), limit=260)
