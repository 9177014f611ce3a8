"""Recruitment (tuyển dụng): the list of rounds, and a round from its plan to hired staff — positions and
quotas, candidates, round 1, round 2, results with the head's decisions and withdrawals, hiring, history —
with its printed documents (PDF or Excel)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.domain.recruitment import ROUND_STATUSES, Outcome
from hrapp.errors import HrappError
from hrapp.queries import recruitment as rq
from hrapp.queries.recruitment import (
    STATUS_LABELS,
    CandidateInfo,
    EventInfo,
    PositionResults,
    ResultRow,
    RoundInfo,
    RoundResults,
    RoundRow,
)
from hrapp.services import recruitment as rec
from ui.dialogs.planning_common import FAIL_COLOR, OK_COLOR, WARN_COLOR
from ui.formatting import fmt_date, fmt_decimal, fmt_gender
from ui.messages import confirm
from ui.models.recruitment_score_model import ScorePart, ScoreTableModel
from ui.models.rows_table_model import RowsTableModel
from ui.pages.base import BasePage
from ui.tasks import run_task
from ui.widgets.columns import fit_columns
from ui.widgets.forms import ErrorBox, run_guarded

STATUS_ORDER = ROUND_STATUSES  # the stages of a round, as the domain orders them


def _table(model: Any = None) -> QTableView:
    view = QTableView()
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def _fit(view: QTableView, wide: tuple[int, ...] = (), cap: int = 380) -> None:
    """Columns sized to their contents once (the user may resize them); long text columns (`wide`) at most
    `cap` pixels, the full text in the tooltip; the last column takes the rest of the width."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model = view.model()
    for c in range(model.columnCount() if model is not None else 0):
        view.resizeColumnToContents(c)
        if c in wide and header.sectionSize(c) > cap:
            header.resizeSection(c, cap)
    header.setStretchLastSection(True)


def _button(text: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(lambda: slot())
    if tip:
        b.setToolTip(tip)
    return b


def _selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1


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
        self.list_view = _table(self.list_model)
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
        self.new_button = _button(self.tr("New round…"), self.create_new, self.tr("Create a recruitment round (Ctrl+N)"))
        self.open_button = _button(self.tr("Open"), self.open_selected)
        self.delete_button = _button(self.tr("Delete draft"), self.delete_selected)
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
        chosen = 0 <= _selected_row(self.list_view) < len(self.rows)
        for button in (self.open_button, self.delete_button):
            button.setEnabled(chosen)

    def show_list(self) -> None:
        self.load_rounds()
        self.stack.setCurrentIndex(0)
        self.actions_changed.emit()

    def open_selected(self) -> None:
        row = _selected_row(self.list_view)
        if 0 <= row < len(self.rows):
            self.open_round(self.rows[row].id)
        else:
            self.list_error.show_text(self.tr("Choose a round in the list first."))

    def open_round(self, round_id: int) -> None:
        self.detail.load(round_id)
        self.stack.setCurrentWidget(self.detail)
        self.actions_changed.emit()

    def create_new(self) -> None:
        from ui.dialogs.recruitment_round_dialog import RoundDialog

        self.open_dialog(RoundDialog(self.ctx, None, self), lambda info: self.open_round(info.id))

    def delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        row = _selected_row(self.list_view)
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
        self.next_button = _button("", self.next_step)
        self.next_button.setObjectName("primary")
        self.back_button = _button(self.tr("Step back…"), self.step_back)
        self.edit_button = _button(self.tr("Edit round…"), self.edit_round)
        self.print_button = QPushButton(self.tr("Print"))  # a push button sizes itself with the menu arrow
        menu = QMenu(self.print_button)
        for kind, label in (("plan", self.tr("Recruitment plan (positions and quotas)")),
                            ("eligible", self.tr("Candidates admitted to round 2")),
                            ("scores", self.tr("Score sheet")),
                            ("results", self.tr("Results list"))):
            menu.addAction(label + " (PDF)", lambda k=kind: self.print_document(k)).setData(kind)
            menu.addAction(label + " (Excel)", lambda k=kind: self.print_document(k, excel=True)).setData(kind)
        self.print_button.setMenu(menu)
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
        self.history_view = _table(self.history)
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
        _fit(self.history_view, (1, 3))
        default_tab = {"draft": 0, "open": 1, "round1": 2, "round2": 3, "results": 4, "closed": 5}[info.status]
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
        from ui.dialogs.recruitment_round_dialog import RoundDialog

        if self.info is not None:
            dialog = RoundDialog(self.ctx, self.info, self)
            if council:
                dialog.tabs.setCurrentIndex(1)
            self.dialog(dialog)

    def next_step(self) -> None:
        from ui.dialogs.recruitment_actions_dialog import StatusDialog

        forward = rec.next_statuses(self.info)[0] if self.info else None
        if forward:
            notes = tuple(r.message for step in self.steps[:1] for r in step.missing if not r.blocking)
            self.dialog(StatusDialog(self.ctx, self.info, forward, self, notes))

    def step_back(self) -> None:
        from ui.dialogs.recruitment_actions_dialog import StatusDialog

        backward = rec.next_statuses(self.info)[1] if self.info else None
        if backward:
            self.dialog(StatusDialog(self.ctx, self.info, backward, self))

    def print_document(self, kind: str, excel: bool = False, path: str | None = None) -> None:
        """Save one of the round's documents (asking where) and open it."""
        from hrapp.reports.catalogue import export
        from hrapp.reports.recruitment_common import DOCUMENT_LABELS

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


# ================================================================================================ tabs


class TargetsTab(QWidget):
    def __init__(self, detail: RoundDetail):
        super().__init__(detail)
        self.detail = detail
        self.info: RoundInfo | None = None
        self.model = RowsTableModel([], [])
        self.view = _table(self.model)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        self.view.activated.connect(lambda _i: self.edit_target())
        self.total = QLabel()
        self.add_button = _button(self.tr("Add position…"), self.add_target)
        self.edit_button = _button(self.tr("Change quota…"), self.edit_target)
        self.remove_button = _button(self.tr("Remove"), self.remove_target)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def show_data(self, info: RoundInfo) -> None:
        self.info = info
        # the unit under the position and the numbers next to them, long texts wrapped in their rows, so the
        # requirements are read at 1366 pixels without scrolling sideways
        headers = [self.tr("Job position"), self.tr("Rank or title"), self.tr("Quota"), self.tr("Vacancies"),
                   self.tr("Hired"), self.tr("Reason for going above"), self.tr("Requirements")]
        rows = [[f"{t.position_name}\n{t.unit_name}", f"{t.rank_name} ({t.rank_code})" if t.rank_name else "",
                 str(t.quota), "" if t.vacancies_seen is None else str(t.vacancies_seen), str(t.hired),
                 t.over_vacancy_reason or "", t.requirements] for t in info.targets]
        self.model = RowsTableModel(headers, rows, centered=(2, 3, 4), parent=self)
        self.view.setModel(self.model)
        _fit(self.view, (0, 5, 6), cap=220)
        header = self.view.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 190))
        self.view.resizeRowsToContents()
        self.total.setText(self.tr("Total: %1 place(s)").replace("%1", str(info.quota)))
        editable = info.status in ("draft", "open")
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setEnabled(editable)

    def selected(self):
        row = _selected_row(self.view)
        return self.info.targets[row] if self.info and 0 <= row < len(self.info.targets) else None

    def add_target(self) -> None:
        from ui.dialogs.recruitment_target_dialog import TargetDialog

        if self.info is not None:
            self.detail.dialog(TargetDialog(self.detail.ctx, self.info, None, self))

    def edit_target(self) -> None:
        from ui.dialogs.recruitment_target_dialog import TargetDialog

        target = self.selected()
        if target is not None and self.info is not None and self.info.status in ("draft", "open"):
            self.detail.dialog(TargetDialog(self.detail.ctx, self.info, target, self))

    def remove_target(self) -> None:
        target = self.selected()
        if target is not None:
            self.detail.guarded(lambda: rec.remove_target(self.detail.ctx, target.id))


class CandidatesTab(QWidget):
    def __init__(self, detail: RoundDetail):
        super().__init__(detail)
        self.detail = detail
        self.info: RoundInfo | None = None
        self.rows: list[CandidateInfo] = []
        self.model = RowsTableModel([], [])
        self.view = _table(self.model)
        self.view.setWordWrap(True)
        self.view.activated.connect(lambda _i: self.edit_candidate())
        self.count = QLabel()
        self.add_button = _button(self.tr("Add…"), self.add_candidate)
        self.edit_button = _button(self.tr("Edit…"), self.edit_candidate)
        self.delete_button = _button(self.tr("Delete"), self.delete_candidate)
        self.import_button = _button(self.tr("Import from Excel…"), self.import_candidates)
        self.template_button = _button(self.tr("Excel template…"), self.save_template)
        self.check_button = _button(self.tr("Check conditions"), self.check_eligibility,
                                    self.tr("Check every candidate against the requirements of the positions"))
        self.number_button = _button(self.tr("Assign candidate numbers"), self.assign_numbers)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.import_button, self.template_button,
                  self.check_button, self.number_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def show_data(self, info: RoundInfo, candidates: list[CandidateInfo]) -> None:
        self.info = info
        self.rows = sorted(candidates, key=lambda c: (c.sbd or "~",)) if any(c.sbd for c in candidates) \
            else list(candidates)
        # the conditions and their reasons come right after the person, the reasons wrapped in the row, so the
        # officer reads why a candidate is out without scrolling or hovering
        headers = [self.tr("Cand. no."), self.tr("Full name"), self.tr("Date of birth"), self.tr("Sex"),
                   self.tr("Conditions"), self.tr("Reasons"), self.tr("Positions applied for"), self.tr("Degree"),
                   self.tr("Priority")]
        data = []
        for c in self.rows:
            prefs = "; ".join(f"{p.choice}. {p.position_name}" for p in c.preferences)
            degree = ", ".join(x for x in (catalogs.label("qualification_level", c.education_level, ""), c.major or "") if x)
            prio = f"{c.priority_label} ({fmt_decimal(c.priority_points, 1)})" if c.priority_label else ""
            cond = {None: self.tr("not checked"), True: self.tr("eligible"), False: self.tr("not eligible")}[c.eligible]
            data.append([c.sbd or "", c.full_name, fmt_date(c.birth_date), fmt_gender(c.gender), cond,
                         c.ineligible_text, prefs, degree, prio])
        self.model = RowsTableModel(headers, data, centered=(0, 2, 3, 4), parent=self)
        self.view.setModel(self.model)
        _fit(self.view, (5, 6, 7), cap=280)
        header = self.view.horizontalHeader()
        header.resizeSection(6, min(header.sectionSize(6), 250))  # the positions applied for, within 1366 pixels
        self.view.resizeRowsToContents()
        self.count.setText(self.tr("%n candidate(s)", "", len(self.rows)))
        editable = info.status in rec.EDITABLE_CANDIDATES
        for b in (self.add_button, self.edit_button, self.import_button, self.template_button):
            b.setEnabled(editable)
        self.delete_button.setEnabled(info.status in ("draft", "open"))
        self.check_button.setEnabled(info.status in ("open", "round1"))
        self.number_button.setEnabled(info.status == "round1")

    def selected(self) -> CandidateInfo | None:
        row = _selected_row(self.view)
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add_candidate(self) -> None:
        from ui.dialogs.recruitment_candidate_dialog import CandidateDialog

        if self.info is not None:
            self.detail.dialog(CandidateDialog(self.detail.ctx, self.info, None, self))

    def edit_candidate(self) -> None:
        from ui.dialogs.recruitment_candidate_dialog import CandidateDialog

        c = self.selected()
        if c is not None and self.info is not None and self.info.status in rec.EDITABLE_CANDIDATES:
            self.detail.dialog(CandidateDialog(self.detail.ctx, self.info, c, self))

    def delete_candidate(self) -> None:
        c = self.selected()
        if c is not None:
            self.detail.guarded(lambda: rec.delete_candidate(self.detail.ctx, c.id))

    def check_eligibility(self) -> None:
        if self.info is not None:
            self.detail.guarded(lambda: rec.check_eligibility(self.detail.ctx, self.info.id))

    def assign_numbers(self) -> None:
        if self.info is not None:
            self.detail.guarded(lambda: rec.assign_sbd(self.detail.ctx, self.info.id))

    def save_template(self, path: str | None = None) -> None:
        from hrapp.io.candidate_import import write_template

        if self.info is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Excel template"),
                                                  self.tr("Candidates.xlsx"), self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        if self.detail.guarded(lambda: write_template(self.detail.ctx, self.info.id, path) or path) is not None:
            confirm(self, path=path)

    def import_candidates(self, path: str | None = None) -> None:
        from hrapp.io.candidate_import import import_candidates

        if self.info is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import candidates"), "",
                                                  self.tr("Excel workbook (*.xlsx *.xls *.xlsm)"))
            if not path:
                return
        ctx, round_id = self.detail.ctx, self.info.id
        self.detail.error.clear_error()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]):
            return import_candidates(ctx, round_id, path, progress=progress, cancel=cancelled)

        self.import_task = run_task(work, parent=self, title=self.tr("Import candidates"),
                                    label=self.tr("Checking the file…"), writes=True,
                                    on_result=self._imported, on_error=self.detail.error.show_error)

    def _imported(self, result: Any) -> None:
        self.last_result = result
        if result.ok:
            self.detail.page.status_message.emit(result.summary())
        else:
            lines = [i.line() for i in result.issues[:12]]
            more = len(result.issues) - len(lines)
            text = result.summary() + "\n" + "\n".join(lines)
            if more > 0:
                text += "\n" + self.tr("… and %1 more").replace("%1", str(more))
            self.detail.error.show_text(text)
            return
        self.detail.reload()
        self.detail.page.load_rounds()


class ScoresTab(QWidget):
    """Round 1 (eligibility check, and the computer test's scores) or round 2 (scores by part)."""

    def __init__(self, detail: RoundDetail, round_no: int):
        super().__init__(detail)
        self.detail = detail
        self.round_no = round_no
        self.info: RoundInfo | None = None
        self.model = ScoreTableModel(self)
        self.view = _table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        if round_no == 1:  # the reason a candidate is out wraps in the note, read whole in the row
            self.view.setWordWrap(True)
            self.view.horizontalHeader().sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.save_button = _button(self.tr("Save scores"), self.save_scores)
        self.import_button = _button(self.tr("Import scores from Excel…"), self.import_scores)
        self.remark_button = _button(self.tr("Re-marking…"), self.remark)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.import_button, self.remark_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def show_data(self, info: RoundInfo, candidates: list[CandidateInfo]) -> None:
        self.info = info
        if self.round_no == 1:
            test = info.has_round1_test
            parts = [ScorePart(p.code, p.label, p.questions) for p in info.round1_parts] if test else []
            rows = [c for c in candidates if c.eligible is not None]
            editable = test and info.status == "round1"
            self.hint.setText(self.tr("Computer test: enter the number of correct answers of each part; a part is "
                                      "passed at half of the questions.") if test else
                              self.tr("Selection by review: round 1 checks the conditions of the registration form. "
                                      "Those eligible go on to round 2."))
        else:
            parts = [ScorePart(p.code, p.label, p.max) for p in info.round2_parts]
            rows = [c for c in candidates if c.round1_passed is True]
            editable = info.status == "round2"
            self.hint.setText(self.tr("Scores out of the maximum of each part; round 2 is passed at %1 points. "
                                      "Tick “Absent” for a candidate who did not attend.")
                              .replace("%1", fmt_decimal(info.round2_pass_min, 0)))
        self.model.load(rows, parts, self.round_no, editable)
        has_parts = bool(parts)
        self.save_button.setVisible(has_parts)
        self.import_button.setVisible(has_parts)
        self.remark_button.setVisible(has_parts)
        self.save_button.setEnabled(editable)
        self.import_button.setEnabled(editable)
        remark_states = ("round1", "round2") if self.round_no == 1 else ("round2", "results")
        self.remark_button.setEnabled(info.status in remark_states)
        _fit(self.view, (3, self.model.columnCount() - 1))
        total = self.model.FIXED + len(parts)
        self.view.setColumnHidden(total, self.round_no == 2 and len(parts) == 1)  # the one part is the total
        self.view.setColumnHidden(self.model.absent_column, not parts)
        if self.round_no == 1:
            self.view.resizeRowsToContents()

    def set_score(self, sbd: str, part: str, text: str) -> bool:
        """Type a score into the sheet (as the officer does in the table)."""
        row = self.model.row_of_sbd(sbd)
        return row >= 0 and self.model.setData(self.model.index(row, self.model.part_column(part)), text)

    def set_absent(self, sbd: str, absent: bool = True) -> bool:
        row = self.model.row_of_sbd(sbd)
        state = Qt.CheckState.Checked if absent else Qt.CheckState.Unchecked
        return row >= 0 and self.model.setData(self.model.index(row, self.model.absent_column), state,
                                               Qt.ItemDataRole.CheckStateRole)

    def save_scores(self) -> None:
        if self.info is None or not self.model.dirty:
            confirm(self, self.tr("No score was changed: nothing to save."))
            return
        round_id, round_no = self.info.id, self.round_no
        if self.detail.guarded(lambda: rec.enter_scores(self.detail.ctx, rec.ScoreSheet(
                round_id, round_no, self.model.entries())) or True) is not None:
            confirm(self, self.tr("The scores were saved."))

    def import_scores(self, path: str | None = None) -> None:
        from hrapp.io.candidate_import import import_scores

        if self.info is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import scores"), "",
                                                  self.tr("Excel workbook (*.xlsx *.xls *.xlsm)"))
            if not path:
                return
        result = run_guarded(self.detail.error, lambda: import_scores(self.detail.ctx, self.info.id, path,
                                                                       self.round_no))
        if result is None:
            return
        if not result.ok:
            self.detail.error.show_text(result.summary() + "\n" + "\n".join(i.line() for i in result.issues[:12]))
            return
        self.detail.reload()

    def remark(self) -> None:
        from ui.dialogs.recruitment_actions_dialog import RemarkDialog

        index = self.view.currentIndex()
        if not index.isValid() or self.info is None:
            self.detail.error.show_text(self.tr("Choose the candidate's score to re-mark first."))
            return
        c = self.model.rows[index.row()]
        k = index.column() - self.model.FIXED
        part = self.model.parts[k] if 0 <= k < len(self.model.parts) else self.model.parts[0]
        self.detail.dialog(RemarkDialog(self.detail.ctx, c, self.round_no, part.code, part.label, self))


NOTE_COLUMN = 8


class WrappingDelegate(QStyledItemDelegate):
    """Measures a column's text wrapped at the column's width, so the tree gives the row the lines it needs."""

    def __init__(self, tree: QTreeWidget, column: int):
        super().__init__(tree)
        self.tree = tree
        self.column = column

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data() or ""
        width = self.tree.columnWidth(self.column) - 12
        if not text or width <= 0:
            return size
        needed = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        if needed.height() <= option.fontMetrics.height():  # one line: the row as tall as the others
            return size
        return QSize(size.width(), max(size.height(), needed.height() + 4))


class ResultsTab(QWidget):
    """Per position: the ranking, the head's decision where tied, withdrawals."""

    def __init__(self, detail: RoundDetail):
        super().__init__(detail)
        self.detail = detail
        self.results: RoundResults | None = None
        self.tree = QTreeWidget()
        self.tree.setColumnCount(9)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(False)
        # a long note (why a candidate is out) wraps in its row and is read whole; rows re-measured on a resize
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegateForColumn(NOTE_COLUMN, WrappingDelegate(self.tree, NOTE_COLUMN))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.decision_button = _button(self.tr("Head's decision on a tie…"), self.record_tie_decision)
        self.withdraw_button = _button(self.tr("Withdrawal of a winner…"), self.record_withdrawal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decision_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)

    def show_data(self, info: RoundInfo, results: RoundResults | None) -> None:
        self.results = results
        self.tree.clear()
        self.tree.setHeaderLabels([self.tr("Rank"), self.tr("Cand. no."), self.tr("Full name"), self.tr("Pref."),
                                   self.tr("Round 2"), self.tr("Priority"), self.tr("Total"), self.tr("Result"),
                                   self.tr("Note")])
        fixed = info.status in ("results", "closed")
        self.decision_button.setEnabled(info.status == "results")
        self.withdraw_button.setEnabled(info.status == "results")
        if results is None:
            self.summary.setText(self.tr("The ranking appears once round 2 has started."))
            return
        bold = self.tree.font()
        bold.setBold(True)
        for pos in results.positions:
            head = QTreeWidgetItem([self.tr("%1 – quota %2").replace("%1", pos.position_name)
                                    .replace("%2", str(pos.quota))])
            head.setFont(0, bold)
            head.setData(0, Qt.ItemDataRole.UserRole, ("position", pos.target_id))
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)  # only once the item is in the tree
            for r in pos.rows:
                item = QTreeWidgetItem([
                    "" if r.rank is None else str(r.rank), r.sbd or "", r.full_name, str(r.choice),
                    fmt_decimal(r.round2, 2) if r.round2 is not None else "",
                    fmt_decimal(r.priority_points, 1) if r.priority_points else "",
                    fmt_decimal(r.total, 2) if r.total is not None else "", r.result_label,
                    "; ".join(x for x in (r.priority_label, r.reason) if x),
                ])
                item.setToolTip(8, item.text(8))
                item.setData(0, Qt.ItemDataRole.UserRole, ("row", pos.target_id, r.candidate_id))
                if r.outcome is Outcome.TRUNG_TUYEN:
                    item.setForeground(7, Qt.GlobalColor.darkGreen)
                elif r.outcome is Outcome.CAN_QUYET_DINH:
                    item.setForeground(7, Qt.GlobalColor.darkYellow)
                head.addChild(item)
            head.setExpanded(True)
        self._fit_columns()
        winners = len(results.winners())
        pending = len(results.pending_decisions)
        text = self.tr("%1 winner(s)").replace("%1", str(winners))
        if pending:
            text += " · " + self.tr("%1 position(s) wait for the head's decision").replace("%1", str(pending))
        if not fixed:
            text += " · " + self.tr("provisional until the results are fixed")
        self.summary.setText(text)

    def _fit_columns(self) -> None:
        """Each column as wide as its header and candidate rows (the position lines span the whole row)."""
        fm = self.tree.fontMetrics()
        header = self.tree.headerItem()
        for c in range(self.tree.columnCount() - 1):
            width = fm.horizontalAdvance(header.text(c)) + 24
            for i in range(self.tree.topLevelItemCount()):
                head = self.tree.topLevelItem(i)
                for k in range(head.childCount()):
                    width = max(width, fm.horizontalAdvance(head.child(k).text(c)) + 24)
            self.tree.setColumnWidth(c, width)
        self.tree.header().setStretchLastSection(True)

    def _selection(self) -> tuple[PositionResults | None, ResultRow | None]:
        item = self.tree.currentItem()
        if item is None or self.results is None:
            return None, None
        data = item.data(0, Qt.ItemDataRole.UserRole)
        pos = self.results.position(data[1])
        row = next((r for r in pos.rows if r.candidate_id == data[2]), None) if data[0] == "row" else None
        return pos, row

    def select(self, target_id: int, candidate_id: int | None = None) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head.data(0, Qt.ItemDataRole.UserRole)[1] != target_id:
                continue
            if candidate_id is None:
                self.tree.setCurrentItem(head)
                return True
            for k in range(head.childCount()):
                child = head.child(k)
                if child.data(0, Qt.ItemDataRole.UserRole)[2] == candidate_id:
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def record_tie_decision(self) -> None:
        from ui.dialogs.recruitment_actions_dialog import TieDecisionDialog

        pos, _row = self._selection()
        if pos is None and self.results is not None and self.results.pending_decisions:
            pos = self.results.pending_decisions[0]
        if pos is None or not pos.with_outcome(Outcome.CAN_QUYET_DINH) or self.detail.info is None:
            self.detail.error.show_text(self.tr("Select a position where candidates are tied."))
            return
        self.detail.dialog(TieDecisionDialog(self.detail.ctx, self.detail.info.id, pos, self))

    def record_withdrawal(self) -> None:
        from ui.dialogs.recruitment_actions_dialog import WithdrawalDialog

        pos, row = self._selection()
        if pos is None or row is None or row.outcome is not Outcome.TRUNG_TUYEN:
            self.detail.error.show_text(self.tr("Select a winner in the list."))
            return
        self.detail.dialog(WithdrawalDialog(self.detail.ctx, row, pos.position_name, self))


class HiringTab(QWidget):
    """The winners, who has become staff, and the action that hires the rest by one decision."""

    def __init__(self, detail: RoundDetail):
        super().__init__(detail)
        self.detail = detail
        self.waiting: list[tuple[PositionResults, ResultRow]] = []
        self.model = RowsTableModel([], [])
        self.view = _table(self.model)
        self.view.activated.connect(self._open_person)
        self.hire_button = _button(self.tr("Hire the winners…"), self.hire)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.hire_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.rows: list[ResultRow] = []

    def show_data(self, info: RoundInfo, results: RoundResults | None) -> None:
        winners = results.winners() if results else []
        self.rows = [r for _p, r in winners]
        self.waiting = [(p, r) for p, r in winners if not r.hired and not p.provisional]
        headers = [self.tr("Position"), self.tr("Cand. no."), self.tr("Full name"), self.tr("Date of birth"),
                   self.tr("Total"), self.tr("Staff record")]
        rows = [[p.position_name, r.sbd or "", r.full_name, fmt_date(r.birth_date),
                 fmt_decimal(r.total, 2) if r.total is not None else "",
                 self.tr("created") if r.hired else self.tr("waiting")] for p, r in winners]
        self.model = RowsTableModel(headers, rows, centered=(1, 3, 4, 5), parent=self)
        self.view.setModel(self.model)
        _fit(self.view, (0, 2))
        self.hire_button.setEnabled(info.status == "results" and bool(self.waiting))
        hired = sum(1 for r in self.rows if r.hired)
        self.summary.setText(self.tr("%1 of %2 winner(s) hired").replace("%1", str(hired))
                             .replace("%2", str(len(self.rows))))

    def hire(self) -> None:
        from ui.dialogs.recruitment_actions_dialog import HireDialog

        if self.detail.info is not None and self.waiting:
            self.detail.dialog(HireDialog(self.detail.ctx, self.detail.info, self.waiting, self),
                               self.tr("The winners are now staff records."))

    def _open_person(self, index: QModelIndex) -> None:
        from ui.dialogs.person_detail_dialog import PersonDetailDialog

        row = self.rows[index.row()] if 0 <= index.row() < len(self.rows) else None
        if row is not None and row.person_id is not None:
            dialog = PersonDetailDialog(self.detail.ctx, row.person_id, self)
            dialog.open()
            self.person_dialog = dialog

