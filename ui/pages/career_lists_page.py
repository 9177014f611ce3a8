"""Pay-step, PCTNVK, early-step and retirement lists for a period: preview, print, Excel, approve with a decision.

Rows are ticked for approval; ticking and unticking can be undone (Ctrl+Z) until the approval is saved, and the
approval writes every ticked row with one decision in one transaction (hrapp.services.pay_list_approval).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.salary import fmt_coefficient
from hrapp.services.career import RetirementList, retirement_list
from hrapp.services.pay_lists import (
    EarlyCandidate,
    EarlyStepReport,
    PayList,
    PayListRow,
    early_step_candidates,
    pay_step_due_list,
    pctnvk_due_list,
)
from ui.dialogs.approve_pay_list_dialog import ApproveDialog
from ui.file_names import suggested_path
from ui.formatting import fmt_date
from ui.messages import confirm, error_text
from ui.models.pay_list_model import MAX_COLUMN_WIDTH, ListModel, ToggleRows, list_view
from ui.pages.base import BasePage
from ui.tasks import run_task
from ui.widgets.columns import Column, fit_columns
from ui.widgets.documents import open_preview, temporary_pdf, write_document
from ui.widgets.flow_layout import button_row
from ui.widgets.forms import ErrorBox, date_edit, from_qdate, run_form, to_qdate, unit_id_for_code
from ui.widgets.unit_combo import UnitCombo

TABS = ("pay_step", "pctnvk", "early", "retirement")
LOOK_AHEAD_QUARTERS = 4  # how far the first list looks for a period with people due





def _coef(value) -> str:
    return fmt_coefficient(value) if value is not None else ""


class CareerListsPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.undo_stack = QUndoStack(self)
        self.pay_list: PayList | None = None
        self.pct_list: PayList | None = None
        self.early: EarlyStepReport | None = None
        self.retirement: RetirementList | None = None
        self.task = None
        self._pending = False  # a list asked for while another was being made: made after it
        self._loaded = False

        today = clock.today()
        quarter = (today.month - 1) // 3 * 3 + 1
        self.unit_combo = UnitCombo()
        self.unit_combo.setToolTip(self.tr("Unit (people of its sub-units are included)"))
        self.from_edit = date_edit(date(today.year, quarter, 1))
        self.to_edit = date_edit(_quarter_end(today))
        self.overdue_check = QCheckBox(self.tr("Include overdue"))
        self.overdue_check.setChecked(True)
        self.overdue_check.setToolTip(self.tr("Also list steps that fell due before the period and are not recorded"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(today.year)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(self.tr("Full form"), "full")
        self.layout_combo.addItem(self.tr("Due list"), "due")
        self.layout_combo.setToolTip(self.tr("Full form: current and proposed salary side by side; due list: the "
                                             "short list of who falls due"))
        self.compute_button = QPushButton(self.tr("Make the list"))
        self.compute_button.clicked.connect(self.refresh)

        self.pay_model = ListModel(self._pay_columns(), checkable=lambda r: True, late=lambda r: r.overdue,
                                   parent=self)
        self.pct_model = ListModel(self._pct_columns(), checkable=lambda r: True, late=lambda r: r.overdue,
                                   parent=self)
        self.early_model = ListModel(self._early_columns(),
                                     checkable=lambda r: isinstance(r, PayListRow) or r.eligible, parent=self)
        self.retire_model = ListModel(self._retire_columns(), parent=self)
        self.pay_view = list_view(self.pay_model)
        self.pct_view = list_view(self.pct_model)
        self.early_view = list_view(self.early_model)
        self.retire_view = list_view(self.retire_model)
        for model in (self.pay_model, self.pct_model, self.early_model):
            model.toggled.connect(lambda rows, state, m=model: self._toggle(m, rows, state))
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)
        self.quota_label.setObjectName("muted")
        early_tab = QWidget()
        early_layout = QVBoxLayout(early_tab)
        early_layout.setContentsMargins(0, 6, 0, 0)
        early_layout.addWidget(self.quota_label)
        early_layout.addWidget(self.early_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.pay_view, self.tr("Regular pay steps"))
        self.tabs.addTab(self.pct_view, self.tr("Seniority allowance (PCTNVK)"))
        self.tabs.addTab(early_tab, self.tr("Early pay steps"))
        self.tabs.addTab(self.retire_view, self.tr("Retirement"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_count())  # an undone tick changes what may be approved
        self.undo_button.setEnabled(False)
        self.check_all_button = QPushButton(self.tr("Tick all"))
        self.check_all_button.clicked.connect(lambda: self.tick_all(True))
        self.uncheck_all_button = QPushButton(self.tr("Untick all"))
        self.uncheck_all_button.clicked.connect(lambda: self.tick_all(False))
        self.preview_button = QPushButton(self.tr("Print preview…"))
        self.preview_button.clicked.connect(self.print_current)
        self.save_button = QPushButton(self.tr("Save as PDF or Excel…"))
        self.save_button.clicked.connect(self.save_as)
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.promotion_button = QPushButton(self.tr("Rank promotion…"))
        self.promotion_button.setToolTip(self.tr("Who may be promoted to a higher rank, the list for the council, "
                                                 "and the promotion with its decision"))
        self.promotion_button.clicked.connect(self.open_promotion)
        self.approve_button.setObjectName("primary")
        self.approve_button.setToolTip(self.tr("Record the ticked rows with the decision that approves them"))
        self.approve_button.clicked.connect(self.approve)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.error_label = ErrorBox()
        self.moved_label = QLabel()
        self.moved_label.setObjectName("muted")
        self.moved_label.setWordWrap(True)
        self.moved_label.hide()

        titles = self.heading_box(
            self.tr("Pay steps and retirement"),
            self.tr("Lists due for a period: regular and early pay steps, seniority allowance, retirements"),
            wrap=True, spacing=2)  # the subtitle on two lines on a narrow screen rather than cut
        self.period_label = QLabel(self.tr("From"))
        self.to_label = QLabel(self.tr("to"))
        self.year_label = QLabel(self.tr("Year"))
        # the controls wrap onto a second line on a narrow screen rather than squeeze
        controls = button_row((self.unit_combo, self.period_label, self.from_edit, self.to_label, self.to_edit,
                               self.year_label, self.year_spin, self.overdue_check, self.layout_combo,
                               self.compute_button), align_right=False)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        # the actions wrap onto a second line on a narrow screen rather than squeeze
        foot.addWidget(button_row((self.check_all_button, self.uncheck_all_button, self.undo_button,
                                   self.preview_button, self.save_button, self.approve_button,
                                   self.promotion_button)), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(titles)
        layout.addWidget(controls)
        layout.addWidget(self.error_label)
        layout.addWidget(self.moved_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(foot)
        self._tab_changed()

    # --- columns --------------------------------------------------------------------------------------
    def _who_columns(self) -> list[Column]:
        """The person's columns that open the pay-step and PCTNVK lists."""
        return [
            Column(self.tr("Full name"), lambda r: r.full_name),
            Column(self.tr("Unit"), lambda r: r.unit_name),
            Column(self.tr("Rank"), lambda r: f"{r.rank_name} ({r.rank_code})"),
        ]

    def _pay_columns(self) -> list[Column]:
        right, center = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignHCenter
        return [
            *self._who_columns(),
            Column(self.tr("Step"), lambda r: f"{r.step}/{r.max_step}", center),
            Column(self.tr("Coefficient"), lambda r: _coef(r.coefficient), right),
            Column(self.tr("Counts from"), lambda r: fmt_date(r.step_since), center),
            Column(self.tr("New step"), lambda r: str(r.new_step), center),
            Column(self.tr("New coefficient"), lambda r: _coef(r.new_coefficient), right),
            Column(self.tr("From"), lambda r: fmt_date(r.new_date), center),
            Column(self.tr("Note"), lambda r: r.note),
        ]

    def _pct_columns(self) -> list[Column]:
        right, center = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignHCenter
        return [
            *self._who_columns(),
            Column(self.tr("Last step"), lambda r: f"{r.step}/{r.max_step}", center),
            Column(self.tr("Coefficient"), lambda r: _coef(r.coefficient), right),
            Column(self.tr("Current %"), lambda r: f"{r.pctnvk_percent}%" if r.pctnvk_percent else "", center),
            Column(self.tr("New %"), lambda r: f"{r.new_pctnvk_percent}%", center),
            Column(self.tr("From"), lambda r: fmt_date(r.new_date), center),
            Column(self.tr("Note"), lambda r: r.note),
        ]

    def _early_columns(self) -> list[Column]:
        center = Qt.AlignmentFlag.AlignHCenter

        def kind(r: EarlyCandidate | PayListRow) -> str:
            if isinstance(r, PayListRow):
                return self.tr("Retirement notice")
            return self.tr("Achievements")

        def reason(r: EarlyCandidate | PayListRow) -> str:
            if isinstance(r, PayListRow):
                return r.note
            return r.reason or (r.row.note if r.row else "")

        return [
            Column(self.tr("Full name"), lambda r: r.full_name),
            Column(self.tr("Unit"), lambda r: r.unit_name),
            Column(self.tr("Ground"), kind),
            Column(self.tr("Regular date"), lambda r: fmt_date(r.regular_date), center),
            Column(self.tr("Early from"), lambda r: fmt_date(_early_row(r).new_date) if _early_row(r) else "", center),
            Column(self.tr("Rating of the year"), lambda r: "" if isinstance(r, PayListRow) else r.rating),
            Column(self.tr("Note"), reason),
        ]

    def _retire_columns(self) -> list[Column]:
        center = Qt.AlignmentFlag.AlignHCenter
        return [
            Column(self.tr("Full name"), lambda r: r.full_name),
            Column(self.tr("Date of birth"), lambda r: r.birth, center),
            Column(self.tr("Sex"), lambda r: self.tr("Male") if r.gender == "M" else self.tr("Female"), center),
            Column(self.tr("Unit"), lambda r: r.unit_name),
            Column(self.tr("Post"), lambda r: r.post),
            Column(self.tr("Retirement age"), lambda r: r.age_label, center),
            Column(self.tr("Last working day"), lambda r: fmt_date(r.last_working_day), center),
            Column(self.tr("Retirement date"), lambda r: fmt_date(r.retirement_date), center),
            Column(self.tr("Notice due by"), lambda r: fmt_date(r.notice_due), center),
        ]

    # --- state of the controls ------------------------------------------------------------------------
    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def current_model(self) -> ListModel:
        return {"pay_step": self.pay_model, "pctnvk": self.pct_model, "early": self.early_model,
                "retirement": self.retire_model}[self.current_tab()]

    def _tab_changed(self) -> None:
        tab = self.current_tab()
        self.moved_label.hide()
        period = tab in ("pay_step", "pctnvk")
        for w in (self.period_label, self.from_edit, self.to_label, self.to_edit, self.overdue_check):
            w.setVisible(period)
        for w in (self.year_label, self.year_spin):
            w.setVisible(not period)
        self.layout_combo.setVisible(tab != "retirement")
        approvable = tab != "retirement"
        for w in (self.approve_button, self.check_all_button, self.uncheck_all_button, self.undo_button):
            w.setVisible(approvable)
        self._update_count()
        self.actions_changed.emit()

    def _empty_text(self, tab: str, data: object) -> str:
        """Why a list is empty: nobody falls due in its period (or year)."""
        if tab in ("pay_step", "pctnvk"):
            text = (self.tr("No one is due for a regular pay step from %1 to %2.") if tab == "pay_step" else
                    self.tr("No one is due for the seniority allowance from %1 to %2."))
            assert isinstance(data, PayList)
            return text.replace("%1", fmt_date(data.start)).replace("%2", fmt_date(data.end))
        if tab == "early":
            assert isinstance(data, EarlyStepReport)
            return self.tr("No one may get an early pay step in %1.").replace("%1", str(data.year))
        years = getattr(data, "years", ())
        return self.tr("No one reaches the retirement age in %1.").replace(
            "%1", "–".join(str(y) for y in (years[0], years[-1])) if years else "")

    def _loaded_list(self, tab: str) -> object | None:
        return {"pay_step": self.pay_list, "pctnvk": self.pct_list, "early": self.early,
                "retirement": self.retirement}[tab]

    def _update_count(self) -> None:
        model = self.current_model()
        n = model.rowCount()
        data = self._loaded_list(self.current_tab())
        if n == 0 and data is not None:
            self.count_label.setText(self._empty_text(self.current_tab(), data))
        elif model.checkable is None:
            self.count_label.setText(self.tr("%n person(s)", "", n))
        else:
            self.count_label.setText(self.tr("%1 of %2 ticked").replace("%1", str(len(model.checked_rows())))
                                     .replace("%2", str(n)))
        self.approve_button.setEnabled(bool(model.checkable and model.checked_rows()))
        # Tick all / Untick all only when they would change a row (an empty list has nothing to tick).
        tickable = [i for i, r in enumerate(model.rows) if model.checkable is not None and model.checkable(r)]
        self.check_all_button.setEnabled(any(not model.checked[i] for i in tickable))
        self.uncheck_all_button.setEnabled(any(model.checked[i] for i in tickable))

    def unit_id(self) -> int | None:
        return unit_id_for_code(self.ctx, self.unit_combo.current_code())

    def period(self) -> tuple[date, date]:
        return from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())

    def show_list(self, kind: str, due: date, as_of: date | None = None) -> None:
        """Open a list on the period (or year) that holds `due`, e.g. from a to-do row."""
        as_of = as_of or clock.today()
        self.tabs.setCurrentIndex(TABS.index(kind))
        if kind == "retirement":
            self.year_spin.setValue(due.year)
        else:
            start = min(as_of, due)
            self.from_edit.setDate(to_qdate(date(start.year, (start.month - 1) // 3 * 3 + 1, 1)))
            self.to_edit.setDate(to_qdate(_quarter_end(max(as_of, due))))
            self.overdue_check.setChecked(True)
        self.refresh()

    # --- loading --------------------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded:
            self.unit_combo.load(self.ctx)
            self.refresh(look_ahead=True)

    def set_context(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.unit_combo.load(ctx)
        self.refresh()

    def refresh(self, *, look_ahead: bool = False) -> None:
        """Make the list of the current tab on a worker thread. With `look_ahead` (the first list the page
        shows), an empty pay list moves on to the next quarter with anyone due, up to a year ahead."""
        if self.task is not None and self.task.is_running():
            self._pending = True
            return
        self._loaded = True
        self._pending = False
        ctx, tab, unit = self.ctx, self.current_tab(), self.unit_id()
        (start, end), year, overdue = self.period(), self.year_spin.value(), self.overdue_check.isChecked()
        self.error_label.hide()

        def work(progress, cancelled):
            if tab in ("pay_step", "pctnvk"):
                make = pay_step_due_list if tab == "pay_step" else pctnvk_due_list
                first = make(ctx, start, end, unit, include_overdue=overdue)
                if first.rows or not look_ahead:
                    return tab, first
                since, until = start, end
                for _ in range(LOOK_AHEAD_QUARTERS):
                    since = until + timedelta(days=1)
                    until = _quarter_end(since)
                    later = make(ctx, since, until, unit, include_overdue=overdue)
                    if later.rows:
                        return tab, later, first
                return tab, first
            if tab == "early":
                return tab, early_step_candidates(ctx, year, unit)
            return tab, retirement_list(ctx, year, unit)

        self.compute_button.setEnabled(False)
        self.task = run_task(work, parent=self, title=self.tr("Lists"), label=self.tr("Making the list…"),
                             on_result=self._show, on_error=self._failed)
        self.task.finished.connect(self._task_done)

    def _task_done(self) -> None:
        self.compute_button.setEnabled(True)
        if self._pending:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _show(self, result: tuple) -> None:
        tab, data, *skipped = result
        self.undo_stack.clear()
        self.moved_label.setVisible(bool(skipped))
        if skipped:  # the asked period was empty: the page shows the next one with people due, and says so
            self.moved_label.setText(self._empty_text(tab, skipped[0]) + " " +
                                     self.tr("Showing the next period with people due."))
            for edit, day in ((self.from_edit, data.start), (self.to_edit, data.end)):
                edit.blockSignals(True)
                edit.setDate(to_qdate(day))
                edit.blockSignals(False)
        if tab == "pay_step":
            assert isinstance(data, PayList)
            self.pay_list = data
            self.pay_model.set_rows(data.rows)
        elif tab == "pctnvk":
            assert isinstance(data, PayList)
            self.pct_list = data
            self.pct_model.set_rows(data.rows)
        elif tab == "early":
            assert isinstance(data, EarlyStepReport)
            self.early = data
            self.early_model.set_rows(list(self.early.retirement) + list(self.early.achievement))
            # none ticked at first: the unit chooses who gets an early step, within the quota
            self.early_model.set_checked(list(range(self.early_model.rowCount())), False)
            self.quota_label.setText(self._quota_text())
        else:
            assert isinstance(data, RetirementList)
            self.retirement = data
            self.retire_model.set_rows(data.rows)
        view = {"pay_step": self.pay_view, "pctnvk": self.pct_view, "early": self.early_view,
                "retirement": self.retire_view}[tab]
        fit_columns(view, key=(0,), limit=MAX_COLUMN_WIDTH)
        self._update_count()
        self.actions_changed.emit()

    def _quota_text(self) -> str:
        assert self.early is not None
        parts = [self.tr("%1: %2 on the payroll, at most %3 early steps for achievements in %4, %5 already "
                         "granted").replace("%1", q.unit_name).replace("%2", str(q.payroll_count))
                 .replace("%3", str(q.max_count)).replace("%4", str(self.early.year)).replace("%5", str(q.granted))
                 for q in self.early.quotas]
        return "\n".join(parts)

    # --- ticking --------------------------------------------------------------------------------------
    def _toggle(self, model: ListModel, rows: list[int], state: bool) -> None:
        if state and model is self.early_model:
            refused = self._over_quota(rows)
            if refused:
                self.status_message.emit(refused)
                self.error_label.setText(refused)
                self.error_label.show()
                return
        self.error_label.hide()
        text = self.tr("Tick") if state else self.tr("Untick")
        self.undo_stack.push(ToggleRows(model, rows, state, text))
        self._update_count()

    def _over_quota(self, rows: list[int]) -> str:
        """Ticking more early steps for achievements than a payroll's quota allows is refused here too."""
        if self.early is None:
            return ""
        wanted: dict[int | None, int] = {}
        for i, (row, on) in enumerate(zip(self.early_model.rows, self.early_model.checked, strict=True)):
            if isinstance(row, EarlyCandidate) and (on or i in rows):
                wanted[row.payroll_unit_id] = wanted.get(row.payroll_unit_id, 0) + 1
        for uid, n in wanted.items():
            quota = self.early.quota_of(uid)
            if quota is not None and n > quota.remaining:
                return (self.tr("%1 may give at most %2 more early steps for achievements in %3.")
                        .replace("%1", quota.unit_name).replace("%2", str(quota.remaining))
                        .replace("%3", str(self.early.year)))
        return ""

    def tick_all(self, state: bool) -> None:
        model = self.current_model()
        if model.checkable is None:
            return
        rows = [i for i, r in enumerate(model.rows) if model.checkable(r) and model.checked[i] != state]
        if rows:
            self._toggle(model, rows, state)  # early steps: refused as a whole when over a quota

    # --- documents ------------------------------------------------------------------------------------
    def can_print(self) -> bool:
        return self.current_model().rowCount() > 0

    def _printable(self) -> tuple[str, PayList | RetirementList] | None:
        tab = self.current_tab()
        if tab == "retirement":
            return (tab, self.retirement) if self.retirement is not None else None
        model = self.current_model()
        chosen = [r if isinstance(r, PayListRow) else r.row for r in model.checked_rows()]
        chosen = [r for r in chosen if r is not None]
        if tab == "pay_step" and self.pay_list is not None:
            return tab, replace(self.pay_list, rows=tuple(chosen))
        if tab == "pctnvk" and self.pct_list is not None:
            return tab, replace(self.pct_list, rows=tuple(chosen))
        if tab == "early" and self.early is not None:
            year = self.early.year
            return tab, PayList("early_step", date(year, 1, 1), date(year, 12, 31), tuple(chosen), None)
        return None

    def export(self, path: str, on_done: Callable[[str], None]) -> None:
        """Write the list to `path` on a worker thread (PDF or Excel by the suffix)."""
        printable = self._printable()
        if printable is None:
            return
        tab, data = printable
        layout = self.layout_combo.currentData()

        # the list on screen is printed as it is (the same query the catalogue's document gathers with)
        key, params = ("retirement", {"year": data.year}) if tab == "retirement" else (
            "pctnvk" if tab == "pctnvk" else "pay_step", {"layout": layout})
        self.task = write_document(self, self.ctx, key, params, path, on_done, title=self.tr("Lists"),
                                   label=self.tr("Writing the list…"), data=data)

    def open_promotion(self) -> None:
        """The rank promotion dialog: the list by target rank and day, its print, the promotion by decision."""
        from ui.dialogs.promotion_dialog import PromotionDialog

        self.promotion_dialog = PromotionDialog(self.ctx, self)
        self.promotion_dialog.open()

    def print_current(self) -> None:
        self.export(temporary_pdf("danh_sach_"), self._preview)

    def _preview(self, path: str) -> None:
        self.preview = open_preview(path, self)

    def save_as(self) -> None:
        names = {"pay_step": "nang_bac_luong", "pctnvk": "phu_cap_vuot_khung", "early": "nang_luong_truoc_han",
                 "retirement": "nghi_huu"}
        default = suggested_path(self.ctx, f"{names[self.current_tab()]}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the list"), default,
                                              self.tr("PDF (*.pdf);;Excel (*.xlsx)"))
        if path:
            self.export(path, lambda p: confirm(self, path=p))

    # --- approval -------------------------------------------------------------------------------------
    def approve(self) -> None:
        printable = self._printable()
        if printable is None or self.current_tab() == "retirement":
            return
        _tab, data = printable
        assert isinstance(data, PayList)  # the retirement list is not approved
        rows = list(data.rows)
        if not rows:
            return
        year = self.early.year if self.current_tab() == "early" and self.early is not None else None
        self.approve_dialog = ApproveDialog(self.ctx, rows, year, self)
        run_form(self.approve_dialog, self._approved)

    def _approved(self, result) -> None:
        self.undo_stack.clear()
        self.status_message.emit(result.summary())
        self.refresh()

    # --- state ----------------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("tab", self.tabs.currentIndex())
        settings.setValue("layout", self.layout_combo.currentData())

    def restore_state(self, settings: QSettings) -> None:
        tab = settings.value("tab")
        if tab is not None and 0 <= int(tab) < len(TABS):
            self.tabs.setCurrentIndex(int(tab))
        index = self.layout_combo.findData(settings.value("layout"))
        if index >= 0:
            self.layout_combo.setCurrentIndex(index)


def _early_row(r: EarlyCandidate | PayListRow) -> PayListRow | None:
    return r if isinstance(r, PayListRow) else r.row


def _quarter_end(day: date) -> date:
    month = (day.month - 1) // 3 * 3 + 3
    nxt = date(day.year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)

