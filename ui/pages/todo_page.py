"""The to-do page (Việc cần làm), the first screen: what falls due in the next days, grouped by kind.

Each row opens the person's record or the list where the action is taken (pay steps, PCTNVK, retirement).
The alerts are computed on a worker thread; for 100,000 people that takes a few seconds.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.services.alerts import KINDS, AlertDTO, alerts
from ui.dialogs.person_detail_dialog import PersonDetailDialog
from ui.formatting import fmt_date
from ui.messages import error_text
from ui.pages.base import BasePage
from ui.tasks import run_task
from ui.widgets.columns import fit_columns
from ui.widgets.forms import date_edit, from_qdate, to_qdate

DAY_CHOICES = (7, 30, 60, 90, 180, 365)
DEFAULT_DAYS = 30
AlertRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
OVERDUE = QColor("#b3261e")
COLUMNS = ("due", "event", "name", "unit", "details")
COL_DUE, COL_EVENT, COL_NAME, COL_UNIT, COL_DETAILS = range(len(COLUMNS))
# Which tab of the career lists page takes the action of an alert.
LIST_ACTIONS = {"pay_step_list": "pay_step", "pctnvk_list": "pctnvk", "retirement_list": "retirement"}


class _Tree(QTreeWidget):
    """Enter opens the current row (as a double-click does)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.itemActivated.emit(self.currentItem(), 0)
            return
        super().keyPressEvent(event)


class TodoPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.alerts: list[AlertDTO] = []
        self.task = None
        self._loaded = False
        self._pending = False

        title, subtitle = self.heading(self.tr("To-do"),
                                       self.tr("What falls due in the coming days, and what is overdue"))

        self.as_of_edit = date_edit(clock.today())
        self.as_of_edit.setToolTip(self.tr("The day the reminders are computed for"))
        self.days_combo = QComboBox()
        for n in DAY_CHOICES:
            self.days_combo.addItem(self.tr("next %n day(s)", "", n), n)
        self.days_combo.setCurrentIndex(DAY_CHOICES.index(DEFAULT_DAYS))
        self.days_combo.setToolTip(self.tr("How far ahead to look"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.as_of_edit.dateChanged.connect(lambda _d: self.refresh())
        self.days_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)

        self.tree = _Tree()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr("Due date"), self.tr("Event date"), self.tr("Full name"), self.tr("Unit"),
                                   self.tr("Details")])
        self.tree.headerItem().setToolTip(0, self.tr("The day the action falls due (a reminder, a notice, a decision)"))
        self.tree.headerItem().setToolTip(1, self.tr("The day of the event itself: the term's end, the retirement"))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.tree, key=(COL_DUE, COL_EVENT, COL_NAME), limit=320)
        self.tree.itemActivated.connect(lambda item, _col: self.open_item(item))
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())

        self.open_person_button = QPushButton(self.tr("Open record"))
        self.open_person_button.clicked.connect(lambda: self.open_item(self.tree.currentItem(), person=True))
        self.open_action_button = QPushButton(self.tr("Open list"))
        self.open_action_button.setObjectName("primary")
        self.open_action_button.clicked.connect(lambda: self.open_item(self.tree.currentItem()))

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.status_label = QLabel()
        self.status_label.setObjectName("muted")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(title)
        titles.addWidget(subtitle)
        head.addLayout(titles)
        head.addStretch(1)

        controls = QHBoxLayout()
        controls.setSpacing(10)
        controls.addWidget(QLabel(self.tr("As of")))
        controls.addWidget(self.as_of_edit)
        controls.addWidget(self.days_combo)
        controls.addWidget(self.refresh_button)
        controls.addStretch(1)
        controls.addWidget(self.status_label)

        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        foot.addWidget(self.open_person_button)
        foot.addWidget(self.open_action_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(controls)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(foot)
        self._update_buttons()

    # --- labels ---------------------------------------------------------------------------------------
    def kind_title(self, kind: str) -> str:
        return {
            "pay_step": self.tr("Pay steps due"),
            "pctnvk": self.tr("Seniority allowance above the scale (PCTNVK)"),
            "retirement_notice": self.tr("Retirement notices"),
            "retirement": self.tr("Retirements"),
            "term_expiry": self.tr("Appointment terms ending"),
            "probation_end": self.tr("Probation ending"),
            "certificate_expiry": self.tr("Certificates expiring"),
        }[kind]

    # --- data -----------------------------------------------------------------------------------------
    def as_of(self) -> date:
        return from_qdate(self.as_of_edit.date())

    def days(self) -> int:
        return int(self.days_combo.currentData())

    def set_days(self, days: int) -> None:
        index = self.days_combo.findData(days)
        if index >= 0:
            self.days_combo.setCurrentIndex(index)

    def activated(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the alerts on a worker thread; a refresh asked for meanwhile runs after it."""
        if self.task is not None and self.task.is_running():
            self._pending = True
            return
        self._loaded = True
        ctx, as_of, days = self.ctx, self.as_of(), self.days()
        self.error_label.hide()
        self.status_label.setText(self.tr("Computing…"))
        self.refresh_button.setEnabled(False)

        def work(progress, cancelled):
            return alerts(ctx, as_of, days)

        self.task = run_task(work, parent=self, title=self.tr("To-do"), label=self.tr("Computing what falls due…"),
                             on_result=self._show, on_error=self._failed)
        self.task.finished.connect(self._task_done)

    def _task_done(self) -> None:
        self.refresh_button.setEnabled(True)
        self.status_label.setText("")
        if self._pending:
            self._pending = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _show(self, rows: list[AlertDTO]) -> None:
        self.alerts = list(rows)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        rule_word, late_word = self.tr("Rule"), self.tr("overdue")
        for kind in KINDS:
            group = [a for a in self.alerts if a.kind == kind]
            if not group:
                continue
            late = sum(a.overdue for a in group)
            text = f"{self.kind_title(kind)} ({len(group)})"
            if late:
                text += " · " + self.tr("%n overdue", "", late)
            top = QTreeWidgetItem([text])
            top.setData(0, KindRole, kind)
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for a in group:
                due = fmt_date(a.due_date)
                item = QTreeWidgetItem([due, fmt_date(a.event_day), a.full_name, a.unit_name, a.detail])
                item.setData(0, AlertRole, a)
                tip = a.detail if not a.rule else f"{a.detail}\n{rule_word}: {a.rule}"
                item.setToolTip(COL_DETAILS, tip)
                if a.overdue:
                    item.setText(0, f"{due} · {late_word}")
                    for col in range(len(COLUMNS)):
                        item.setForeground(col, QBrush(OVERDUE))
                top.addChild(item)
            top.setExpanded(True)
        fit_columns(self.tree, key=(COL_DUE, COL_EVENT, COL_NAME), limit=320)
        n = len(self.alerts)
        self.count_label.setText(self.tr("%n item(s)", "", n) if n else self.tr("Nothing falls due in this period."))
        self._update_buttons()

    # --- actions --------------------------------------------------------------------------------------
    def current_alert(self) -> AlertDTO | None:
        item = self.tree.currentItem()
        return item.data(0, AlertRole) if item is not None else None

    def _update_buttons(self) -> None:
        alert = self.current_alert()
        self.open_person_button.setEnabled(alert is not None)
        self.open_action_button.setEnabled(alert is not None and alert.action in LIST_ACTIONS)
        # A disabled button says why, so it is never a button that "does nothing".
        if alert is None:
            self.open_person_button.setToolTip(self.tr("Choose a reminder in the list first"))
            self.open_action_button.setToolTip(self.tr("Choose a reminder in the list first"))
        else:
            self.open_person_button.setToolTip(self.tr("The person's record"))
            self.open_action_button.setToolTip(
                self.tr("The list where this is approved and printed") if alert.action in LIST_ACTIONS
                else self.tr("This reminder has no list of its own: open the person's record"))

    def open_item(self, item: QTreeWidgetItem | None, person: bool = False) -> None:
        """A row of a list action opens that list (or, with `person`, the record); any other row the record."""
        alert = item.data(0, AlertRole) if item is not None else None
        if alert is None:
            if item is not None:
                item.setExpanded(not item.isExpanded())
            return
        if not person and alert.action in LIST_ACTIONS:
            self.open_list(alert)
        else:
            self.open_person(alert.employee_id)

    def open_person(self, person_id: int) -> None:
        dialog = PersonDetailDialog(self.ctx, person_id, self)
        dialog.open()
        self.detail_dialog = dialog  # kept so the dialog is not collected while open (and for tests)

    def open_list(self, alert: AlertDTO) -> None:
        """Switch to the career lists on the list of this alert, for the quarter (or year) it falls in."""
        window = self.window()
        if not hasattr(window, "show_area"):
            return
        page = window.show_area("career")
        page.show_list(LIST_ACTIONS[alert.action], alert.due_date, self.as_of())

    # --- state ----------------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("days", self.days())
        settings.setValue("columns", self.tree.header().saveState())

    def restore_state(self, settings: QSettings) -> None:
        days = settings.value("days")
        if days is not None:
            self.days_combo.blockSignals(True)
            self.set_days(int(days))
            self.days_combo.blockSignals(False)
        columns = settings.value("columns")
        if columns is not None:
            self.tree.header().restoreState(columns)

    def set_as_of(self, day: date) -> None:
        self.as_of_edit.setDate(QDate(to_qdate(day)))
