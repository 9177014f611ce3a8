"""Recruitment (tuyển dụng): the list of rounds, and a round from its plan to hired staff — positions and
quotas, candidates, round 1, round 2, results with the head's decisions and withdrawals, hiring, history —
with its printed documents (PDF or Excel)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.queries import recruitment as rq
from hrapp.queries.recruitment import (
    STATUS_LABELS,
    CandidateInfo,
    EventInfo,
    RoundInfo,
    RoundResults,
    RoundRow,
)
from hrapp.reports.catalogue import export
from hrapp.reports.recruitment_common import DOCUMENT_LABELS
from hrapp.services import recruitment as rec
from ui.dialogs.planning_common import FAIL_COLOR, OK_COLOR, WARN_COLOR
from ui.dialogs.recruitment_actions_dialog import StatusDialog
from ui.dialogs.recruitment_round_dialog import RoundDialog
from ui.formatting import fmt_date
from ui.messages import confirm
from ui.models.rows_table_model import RowsTableModel
from ui.pages.base import BasePage
from ui.pages.recruitment_parts import STATUS_ORDER, button, fit, selected_row, table
from ui.pages.recruitment_results import HiringTab, ResultsTab
from ui.pages.recruitment_tabs import CandidatesTab, ScoresTab, TargetsTab
from ui.tasks import run_task
from ui.widgets.columns import fit_columns
from ui.widgets.forms import ErrorBox, run_guarded
from ui.widgets.print_menu import print_menu


class RecruitmentPage(BasePage):
    """The list of rounds; opening one shows its detail in place."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list[RoundRow] = []
        self.active_dialog: QDialog | None = None

        title = QLabel(self.tr("Recruitment"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Recruitment rounds: plan, candidates, scores, ranking, results and hiring"))
        subtitle.setObjectName("pageSubtitle")
        self.list_model = RowsTableModel([], [])
        self.list_view = table(self.list_model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setWordWrap(True)  # a long round name on two lines rather than off screen
        self.list_view.activated.connect(lambda index: self.open_round(self.rows[index.row()].id))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.list_error = ErrorBox()

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(title)
        titles.addWidget(subtitle)
        head.addLayout(titles)
        head.addStretch(1)
        self.new_button = button(self.tr("New round…"), self.create_new, self.tr("Create a recruitment round (Ctrl+N)"))
        self.open_button = button(self.tr("Open"), self.open_selected)
        self.delete_button = button(self.tr("Delete draft"), self.delete_selected)
        for b in (self.new_button, self.open_button, self.delete_button):
            head.addWidget(b)

        list_page = QWidget()
        ll = QVBoxLayout(list_page)
        ll.setContentsMargins(20, 16, 20, 12)
        ll.setSpacing(10)
        ll.addLayout(head)
        ll.addWidget(self.list_error)
        ll.addWidget(self.list_view, 1)
        ll.addWidget(self.count_label)

        self.detail = RoundDetail(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresh()

    # --- BasePage -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.load_rounds()
        if self.stack.currentWidget() is self.detail and self.detail.info is not None:
            self.detail.reload()

    def can_create(self) -> bool:
        return True

    def can_print(self) -> bool:
        return self.stack.currentWidget() is self.detail and self.detail.info is not None

    def print_current(self) -> None:
        self.detail.print_document("results")

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("detail_tab", self.detail.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        tab = settings.value("detail_tab")
        if tab is not None and str(tab).isdigit():
            self.detail.tabs.setCurrentIndex(int(tab))

    # --- list ---------------------------------------------------------------------------------------
    def load_rounds(self) -> None:
        try:
            self.rows = rq.list_rounds(self.ctx)
        except HrappError as exc:
            self.list_error.show_error(exc)
            self.rows = []
        headers = [self.tr("Year"), self.tr("Round"), self.tr("Method"), self.tr("Status"), self.tr("Plan"),
                   self.tr("Places"), self.tr("Candidates"), self.tr("Hired")]
        data = [[str(r.year), r.name, r.method_label, r.status_label,
                 f"{r.plan_number} – {fmt_date(r.plan_date)}" if r.plan_number else "", str(r.quota),
                 str(r.candidates), str(r.hired)] for r in self.rows]
        self.list_model = RowsTableModel(headers, data, centered=(0, 5, 6, 7), parent=self)
        self.list_view.setModel(self.list_model)
        self.list_view.selectionModel().selectionChanged.connect(lambda *_: self._update_list_buttons())
        self._update_list_buttons()
        # the year and the round's name whole: on a narrow screen (150% scaling) the headers go onto two lines
        # and the name onto two lines rather than the list scrolling sideways
        fit_columns(self.list_view, key=(0, 1))
        self.count_label.setText(self.tr("%n round(s)", "", len(self.rows)))

    def _update_list_buttons(self) -> None:
        """Open and Delete draft act on the selected round: enabled once one is chosen."""
        chosen = 0 <= selected_row(self.list_view) < len(self.rows)
        for b in (self.open_button, self.delete_button):
            b.setEnabled(chosen)

    def show_list(self) -> None:
        self.load_rounds()
        self.stack.setCurrentIndex(0)
        self.actions_changed.emit()

    def open_selected(self) -> None:
        row = selected_row(self.list_view)
        if 0 <= row < len(self.rows):
            self.open_round(self.rows[row].id)
        else:
            self.list_error.show_text(self.tr("Choose a round in the list first."))

    def open_round(self, round_id: int) -> None:
        self.detail.load(round_id)
        self.stack.setCurrentWidget(self.detail)
        self.actions_changed.emit()

    def create_new(self) -> None:
        self.open_dialog(RoundDialog(self.ctx, None, self), lambda info: self.open_round(info.id))

    def delete_selected(self) -> None:
        row = selected_row(self.list_view)
        if not 0 <= row < len(self.rows):
            self.list_error.show_text(self.tr("Choose a round in the list first."))
            return
        r = self.rows[row]
        answer = QMessageBox.question(self, self.tr("Delete draft"),
                                      self.tr("Delete the draft round “%1”?").replace("%1", r.name))
        if answer == QMessageBox.StandardButton.Yes and run_guarded(
                self.list_error, lambda: rec.delete_round(self.ctx, r.id)) is None:
            self.load_rounds()

    def open_dialog(self, dialog: QDialog, on_done: Callable[[Any], None]) -> QDialog:
        """Show a dialog without blocking; when it was accepted, `on_done(dialog.result_value)`."""
        self.active_dialog = dialog

        def finished(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                on_done(getattr(dialog, "result_value", None))

        dialog.finished.connect(finished)
        dialog.open()
        return dialog


class RoundDetail(QWidget):
    """One round: header with its status and actions, and a tab per stage."""

    def __init__(self, page: RecruitmentPage):
        super().__init__(page)
        self.page = page
        self.info: RoundInfo | None = None
        self.candidates: list[CandidateInfo] = []
        self.results: RoundResults | None = None
        self.events: list[EventInfo] = []

        self.all_rounds_button = back = QToolButton()
        back.setText(self.tr("← All rounds"))
        back.setAutoRaise(True)
        back.clicked.connect(page.show_list)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("pageSubtitle")
        self.facts.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("sectionTitle")
        self.needs = QLabel()
        self.needs.setObjectName("stepNeeds")
        self.needs.setWordWrap(True)
        self.needs.setTextFormat(Qt.TextFormat.RichText)
        self.needs.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.needs.linkActivated.connect(self.fix)
        self.steps: tuple[rec.StepRequirements, ...] = ()
        self.next_button = button("", self.next_step)
        self.next_button.setObjectName("primary")
        self.back_button = button(self.tr("Step back…"), self.step_back)
        self.edit_button = button(self.tr("Edit round…"), self.edit_round)
        self.print_button = QPushButton(self.tr("Print"))  # a push button sizes itself with the menu arrow
        print_menu(self.print_button, [f"recruitment_{kind}" for kind in ("plan", "eligible", "scores", "results")],
                   lambda key, suffix: self.print_document(key.removeprefix("recruitment_"), excel=suffix == ".xlsx"))
        self.error = ErrorBox()

        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.edit_button)
        top.addWidget(self.back_button)
        top.addWidget(self.next_button)
        top.addWidget(self.print_button)

        self.targets = TargetsTab(self)
        self.candidates_tab = CandidatesTab(self)
        self.round1 = ScoresTab(self, 1)
        self.round2 = ScoresTab(self, 2)
        self.results_tab = ResultsTab(self)
        self.hiring = HiringTab(self)
        self.history = RowsTableModel([], [])
        self.history_view = table(self.history)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.targets, self.tr("Positions and quotas"))
        self.tabs.addTab(self.candidates_tab, self.tr("Candidates"))
        self.tabs.addTab(self.round1, self.tr("Round 1"))
        self.tabs.addTab(self.round2, self.tr("Round 2"))
        self.tabs.addTab(self.results_tab, self.tr("Results"))
        self.tabs.addTab(self.hiring, self.tr("Hiring"))
        self.tabs.addTab(self.history_view, self.tr("History"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.needs)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    @property
    def ctx(self) -> ServiceContext:
        return self.page.ctx

    # --- loading ------------------------------------------------------------------------------------
    def load(self, round_id: int) -> None:
        self.error.clear_error()
        try:
            self.info = rq.get_round(self.ctx, round_id)
            self.candidates = rq.list_candidates(self.ctx, round_id)
            self.events = rq.round_events(self.ctx, round_id)
            self.results = rq.results(self.ctx, round_id) if self.stage >= STATUS_ORDER.index("round2") else None
            self.steps = rec.step_requirements(self.ctx, round_id)
        except HrappError as exc:
            self.error.show_error(exc)
            return
        self._show()

    def reload(self) -> None:
        if self.info is not None:
            self.load(self.info.id)

    @property
    def stage(self) -> int:
        return STATUS_ORDER.index(self.info.status) if self.info else 0

    def _show(self) -> None:
        info = self.info
        assert info is not None
        self.title.setText(info.name)
        plan = info.plan_decision.label() if info.plan_decision else self.tr("no number yet")
        deadline = fmt_date(info.application_deadline) or self.tr("not set")
        self.facts.setText(" · ".join((
            info.method_label, info.legal_basis.split(" (")[0],
            self.tr("Plan: %1").replace("%1", plan),
            self.tr("Applications until: %1").replace("%1", deadline),
            self.tr("%1 place(s), %2 candidate(s)").replace("%1", str(info.quota)).replace("%2", str(info.candidates)),
        )))
        self.status.setText(STATUS_LABELS[info.status])
        forward, backward = rec.next_statuses(info)
        self.next_button.setVisible(forward is not None)
        self.next_button.setText(self.step_label(forward))
        self._show_needs()
        self.back_button.setVisible(backward is not None)
        self.edit_button.setEnabled(info.status != "closed")
        self.targets.show_data(info)
        self.candidates_tab.show_data(info, self.candidates)
        self.round1.show_data(info, self.candidates)
        self.round2.show_data(info, self.candidates)
        self.results_tab.show_data(info, self.results)
        self.hiring.show_data(info, self.results)
        self.history = RowsTableModel(
            [self.tr("Date"), self.tr("Event"), self.tr("Decision"), self.tr("Reason"), self.tr("By")],
            [[fmt_date(e.event_date), e.text(), e.decision.label() if e.decision else "", e.reason or "",
              e.user or ""] for e in self.events], centered=(0,), parent=self)
        self.history_view.setModel(self.history)
        fit(self.history_view, (1, 3))
        default_tab = STATUS_ORDER.index(info.status)  # a tab per stage, in the stages' order
        if self.tabs.currentIndex() == 0 or getattr(self, "_shown_status", None) != info.status:
            self.tabs.setCurrentIndex(default_tab)
        self._shown_status = info.status

    def step_label(self, status: str | None) -> str:
        labels = {"open": self.tr("Announce and open applications…"), "round1": self.tr("Close applications, "
                  "start round 1…"), "round2": self.tr("Start round 2…"), "results": self.tr("Fix the results…"),
                  "closed": self.tr("Close the round…")}
        return labels.get(status or "", "")

    def _fix_link(self, where: str) -> str:
        texts = {"round:general": self.tr("edit the round"), "round:council": self.tr("edit the council"),
                 "targets": self.tr("Positions and quotas"), "candidates": self.tr("Candidates"),
                 "round1": self.tr("Round 1"), "round2": self.tr("Round 2"), "results": self.tr("Results"),
                 "hiring": self.tr("Hiring")}
        return f"<a href='{where}'>{escape(texts.get(where, where))}</a>"

    def _show_needs(self) -> None:
        """Before the officer presses the next step: what it still lacks, each with a link to where it is
        written; the button stays disabled until nothing blocking is left. Later steps list only what is
        written ahead (plan, positions, council)."""
        steps = self.steps
        if not steps:
            self.needs.hide()
            self.next_button.setEnabled(True)
            self.next_button.setToolTip("")
            return
        first = steps[0]
        name = self.step_label(first.to_status).rstrip("…")
        lines: list[str] = []
        if first.missing:
            lines.append("<b>" + escape(self.tr("Before “%1”, still needed:").replace("%1", name)) + "</b>")
            for r in first.missing:
                color = FAIL_COLOR if r.blocking else WARN_COLOR
                lines.append(f"<span style='color:{color}'>• {escape(r.message)}</span> — {self._fix_link(r.where)}")
        else:
            lines.append(f"<span style='color:{OK_COLOR}'>✓ "
                         + escape(self.tr("Ready for “%1”.").replace("%1", name)) + "</span>")
        for later in steps[1:]:
            for r in later.missing:
                before = self.step_label(later.to_status).rstrip("…")
                lines.append("<span style='color:#5f6b7a'>• " + escape(
                    self.tr("Later, before “%1”: %2").replace("%1", before).replace("%2", r.message))
                    + f"</span> — {self._fix_link(r.where)}")
        self.needs.setText("<br>".join(lines))
        self.needs.show()
        self.next_button.setEnabled(first.ready)
        blocking = [r.message for r in first.missing if r.blocking]
        self.next_button.setToolTip("\n".join(f"• {m}" for m in blocking))

    def fix(self, where: str) -> None:
        """Go where a missing precondition is written: the round's form (general or council tab) or a tab."""
        if where.startswith("round:"):
            self.edit_round(council=where == "round:council")
            return
        tabs = {"targets": self.targets, "candidates": self.candidates_tab, "round1": self.round1,
                "round2": self.round2, "results": self.results_tab, "hiring": self.hiring}
        if where in tabs:
            self.tabs.setCurrentWidget(tabs[where])

    # --- actions ------------------------------------------------------------------------------------
    def guarded(self, action: Callable[[], Any]) -> Any:
        result = run_guarded(self.error, action)
        if not self.error.isVisible():
            self.reload()
            self.page.load_rounds()
        return result

    def dialog(self, dialog: QDialog, message: str = "") -> QDialog:
        def done(_value: Any) -> None:
            self.reload()
            self.page.load_rounds()
            self.page.status_message.emit(message or self.tr("Saved."))

        return self.page.open_dialog(dialog, done)

    def edit_round(self, council: bool = False) -> None:
        if self.info is not None:
            dialog = RoundDialog(self.ctx, self.info, self)
            if council:
                dialog.tabs.setCurrentIndex(1)
            self.dialog(dialog)

    def next_step(self) -> None:
        forward = rec.next_statuses(self.info)[0] if self.info else None
        if forward:
            notes = tuple(r.message for step in self.steps[:1] for r in step.missing if not r.blocking)
            self.dialog(StatusDialog(self.ctx, self.info, forward, self, notes))

    def step_back(self) -> None:
        backward = rec.next_statuses(self.info)[1] if self.info else None
        if backward:
            self.dialog(StatusDialog(self.ctx, self.info, backward, self))

    def print_document(self, kind: str, excel: bool = False, path: str | None = None) -> None:
        """Save one of the round's documents (asking where) and open it."""
        if self.info is None:
            return
        suffix = ".xlsx" if excel else ".pdf"
        if path is None:
            default = f"{DOCUMENT_LABELS[kind]} {self.info.year}{suffix}"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save document"), default,
                self.tr("Excel workbook (*.xlsx)") if excel else self.tr("PDF document (*.pdf)"))
            if not path:
                return
            if not path.lower().endswith(suffix):
                path += suffix
        ctx, round_id, target = self.ctx, self.info.id, path

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
            export(ctx, f"recruitment_{kind}", {"round": round_id}, target, progress, cancelled,
                   fmt=".xlsx" if excel else ".pdf")
            return target

        def done(saved: str) -> None:
            confirm(self, path=saved)
            self.last_saved = saved
            QDesktopServices.openUrl(QUrl.fromLocalFile(saved))

        self.print_task = run_task(work, parent=self, title=self.tr("Print"), label=self.tr("Building the document…"),
                                   on_result=done, on_error=self.error.show_error)
