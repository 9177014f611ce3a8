"""Quy hoạch cán bộ: a period's posts with their holders and how many are planned, the people planned with their
checks (eligible or every failing reason), the structure against its targets; adding people, removals, the
annual review, appointment from the plan, and the printed list, summary and review (PDF, Excel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.planning import STATUS_LABELS, sort_entries
from hrapp.domain.planning_structure import fmt_percent
from hrapp.queries import planning as q
from hrapp.reports.catalogue import export
from hrapp.services.planning import EntryCheck, PeriodCheck, check_period
from ui.dialogs.planning_appoint_dialog import PlanningAppointDialog
from ui.dialogs.planning_common import (
    FAIL_BACKGROUND,
    FAIL_COLOR,
    OK_COLOR,
    WARN_BACKGROUND,
    WARN_COLOR,
    Cell,
    CellsTableModel,
    cells_view,
    fit_cells,
)
from ui.dialogs.planning_entry_dialog import PlanningEntryDialog, PlanningRemovalDialog
from ui.dialogs.planning_period_dialog import PlanningPeriodDialog
from ui.dialogs.planning_post_dialog import PlanningPostDialog
from ui.dialogs.planning_review_dialog import PlanningReviewDialog
from ui.file_names import suggested_path
from ui.formatting import fmt_birth, fmt_date, fmt_gender
from ui.messages import confirm
from ui.pages.base import BasePage
from ui.tasks import run_task
from ui.widgets.flow_layout import button_row
from ui.widgets.forms import FormDialog, date_edit, from_qdate, run_form, to_qdate
from ui.widgets.print_menu import print_menu

D = TypeVar("D", bound=FormDialog)  # the dialog a page opens, returned as itself

EXPORTS = ("list_pdf", "list_xlsx", "summary_pdf", "summary_xlsx", "review_pdf", "review_xlsx")
DOCUMENTS = {"list": "planning_list", "summary": "planning_summary", "review": "planning_review"}
"""The page's documents in the catalogue, by the kind the page prints."""
KINDS = {key: kind for kind, key in DOCUMENTS.items()}


class PlanningPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.check: PeriodCheck | None = None
        self.periods: list[q.PeriodRow] = []
        self.last_export: Path | None = None
        title = QLabel(self.tr("Succession planning"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("People planned for each leadership post, checked against the rules of the period"))
        subtitle.setObjectName("pageSubtitle")
        subtitle.setWordWrap(True)
        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(30)
        self.as_of_edit = date_edit()
        self.as_of_edit.setToolTip(self.tr("Ratings, discipline and ages are checked on this day"))
        self.rule_label = QLabel()
        self.rule_label.setObjectName("muted")

        self.new_period_button = QPushButton(self.tr("New period…"))
        self.add_post_button = QPushButton(self.tr("Add post…"))
        self.add_button = QPushButton(self.tr("Add people…"))
        self.add_button.setObjectName("primary")
        self.remove_button = QPushButton(self.tr("Remove from plan…"))
        self.review_button = QPushButton(self.tr("Annual review…"))
        self.appoint_button = QPushButton(self.tr("Appoint…"))
        # a push button with a menu draws its arrow beside the text (a tool button's overlapped it: "In⌄")
        self.print_button = QPushButton(self.tr("Print / Excel"))
        self.export_actions = print_menu(self.print_button, tuple(DOCUMENTS.values()),
                                         lambda key, suffix: self.ask_export(f"{KINDS[key]}_{suffix[1:]}"))
        self.new_period_button.clicked.connect(self.new_period)
        self.add_post_button.clicked.connect(self.add_post)
        self.add_button.clicked.connect(self.create_new)
        self.remove_button.clicked.connect(self.remove_selected)
        self.review_button.clicked.connect(self.open_review)
        self.appoint_button.clicked.connect(self.open_appoint)

        self.posts_model = CellsTableModel([self.tr("Post"), self.tr("Planned"), self.tr("Note"),
                                            self.tr("Held by (term ends)")], centered=(1,), parent=self)
        self.posts_model.MOST_LINES = 4  # in a narrow part of the window the holders' header on up to four lines
        self.posts_view = cells_view(self.posts_model)
        self.posts_view.selectionModel().selectionChanged.connect(lambda *_: self._fill_entries())
        self.all_button = QPushButton(self.tr("All posts"))
        self.all_button.clicked.connect(self.posts_view.clearSelection)
        self.all_button.setEnabled(False)  # every post is shown until one is chosen
        self.posts_view.selectionModel().selectionChanged.connect(
            lambda *_: self.all_button.setEnabled(self.posts_view.selectionModel().hasSelection()))
        self.history_check = QCheckBox(self.tr("Show people removed or appointed"))
        self.history_check.toggled.connect(lambda _c: self._fill_entries())
        self.entries_model = CellsTableModel(
            [self.tr("Full name"), self.tr("Born"), self.tr("Sex"), self.tr("Check"), self.tr("Reasons"),
             self.tr("Planned post"), self.tr("Decision")], centered=(1, 2, 3), parent=self)
        self.entries_view = cells_view(self.entries_model)
        self.entries_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.entries_title = QLabel()
        self.entries_title.setObjectName("sectionTitle")
        self.structure_label = QLabel()
        self.structure_label.setObjectName("structure")
        self.structure_label.setWordWrap(True)
        self.structure_label.setTextFormat(Qt.TextFormat.RichText)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        head.addLayout(titles)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Period")))
        head.addWidget(self.period_combo)
        head.addWidget(QLabel(self.tr("Checked on")))
        head.addWidget(self.as_of_edit)
        buttons = QHBoxLayout()  # the actions wrap onto a second line on a narrow screen rather than squeeze
        buttons.addWidget(button_row((self.add_button, self.remove_button, self.review_button, self.appoint_button,
                                      self.add_post_button, self.new_period_button), align_right=False), 1)
        buttons.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        posts_box = QWidget()
        pl_ = QVBoxLayout(posts_box)
        pl_.setContentsMargins(0, 0, 6, 0)
        posts_head = QHBoxLayout()
        posts_title = QLabel(self.tr("Posts"))
        posts_title.setObjectName("sectionTitle")
        posts_head.addWidget(posts_title)
        posts_head.addStretch(1)
        posts_head.addWidget(self.all_button)
        pl_.addLayout(posts_head)
        pl_.addWidget(self.posts_view)
        entries_box = QWidget()
        el = QVBoxLayout(entries_box)
        el.setContentsMargins(6, 0, 0, 0)
        # the title and the check box share a line where there is room, else the check box goes below
        el.addWidget(button_row((self.entries_title, self.history_check), align_right=False))
        el.addWidget(self.entries_view)
        self.splitter = QSplitter()
        self.splitter.addWidget(posts_box)
        self.splitter.addWidget(entries_box)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 670])  # the people (more columns) the larger part
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(head)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.structure_label)
        layout.addWidget(self.rule_label)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.as_of_edit.dateChanged.connect(lambda _d: self.reload())
        self.refresh()

    # --- data ----------------------------------------------------------------------------------------
    def period(self) -> q.PeriodRow | None:
        period_id = self.period_combo.currentData()
        return next((p for p in self.periods if p.id == period_id), None)

    def as_of(self) -> date:
        return from_qdate(self.as_of_edit.date())

    def set_as_of(self, day: date) -> None:
        self.as_of_edit.setDate(to_qdate(day))

    def refresh(self) -> None:
        keep = self.period_combo.currentData()
        self.periods = q.list_periods(self.ctx)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for p in self.periods:
            self.period_combo.addItem(self.tr("%1 (%2 posts, %3 people)").replace("%1", p.label).replace(
                "%2", str(p.posts)).replace("%3", str(p.active_entries)), p.id)
        current = next((i for i, p in enumerate(self.periods) if p.id == keep), None)
        if current is None:  # the period running today, else the newest
            today = clock.today().year
            current = next((i for i, p in enumerate(self.periods) if p.start_year <= today <= p.end_year), 0)
        self.period_combo.setCurrentIndex(current if self.periods else -1)
        self.period_combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        period = self.period()
        if period is None:
            self.check = None
            self.posts_model.set_rows([], [])
            self.entries_model.set_rows([], [])
            self.structure_label.setText(self.tr("No planning period yet: create one with “New period…”."))
            self.rule_label.clear()
            self._update_buttons()
            return
        selected = self.selected_post_id()
        self.check = check_period(self.ctx, period.id, self.as_of())
        self.rule_label.setText(self.tr("Checked under %1; ages for a full term counted to %2.").replace(
            "%1", self.check.rules.rule.legal_basis).replace("%2", fmt_date(self.check.appointment_date)))
        rows, keys = [], []
        for p in self.check.posts:
            holders = "; ".join(f"{h.full_name} ({fmt_date(h.term_end)})" if h.term_end else h.full_name
                                for h in p.post.holders)
            failing = sum(1 for c in self.check.entries if c.entry.post_id == p.post.id and not c.eligible)
            note, color, background = "", None, None
            if p.no_successor:
                note, color, background = self.tr("No successor"), FAIL_COLOR, FAIL_BACKGROUND
            elif p.over:
                note, color, background = self.tr("Over the maximum"), FAIL_COLOR, FAIL_BACKGROUND
            elif failing:
                note, color = self.tr("%1 not meeting the requirements").replace("%1", str(failing)), WARN_COLOR
            rows.append([Cell(p.post.title), Cell(f"{p.count}/{p.maximum}", color=color, background=background,
                                                  bold=True), Cell(note, color=color), Cell(holders)])
            keys.append(p.post.id)
        self.posts_model.set_rows(rows, keys)
        fit_cells(self.posts_view, 230)
        if selected in keys:
            self.posts_view.selectRow(keys.index(selected))
        self._fill_entries()
        self._fill_structure()
        self.actions_changed.emit()

    def selected_post_id(self) -> int | None:
        rows = self.posts_view.selectionModel().selectedRows()
        return self.posts_model.keys[rows[0].row()] if rows else None

    def _entry_rows(self) -> list[tuple[q.EntryRow, EntryCheck | None]]:
        assert self.check is not None
        post_id = self.selected_post_id()
        out: list[tuple[q.EntryRow, EntryCheck | None]] = [(c.entry, c) for c in self.check.entries]
        if self.history_check.isChecked():
            closed = q.list_entries(self.ctx, self.check.period.id, ("removed", "appointed"))
            out += [(e, None) for e in sort_entries(closed, [p.post.id for p in self.check.posts])]
        return [(e, c) for e, c in out if post_id is None or e.post_id == post_id]

    def _fill_entries(self) -> None:
        if self.check is None:
            return
        rows, keys = [], []
        shown = self._entry_rows()
        for e, c in shown:
            if c is None:
                status = STATUS_LABELS.get(e.status, e.status)
                why = e.removal_reason or ""
                check = Cell(status, color="#5f6f82")
                reasons = Cell(f"{why} ({e.removal_decision_label})" if e.removal_decision_label else why)
            elif c.eligible:
                check = Cell(self.tr("Eligible"), color=OK_COLOR, bold=True)
                reasons = Cell("")
            else:
                proposed = bool(c.removal)
                check = Cell(self.tr("Not eligible"), color=FAIL_COLOR, background=FAIL_BACKGROUND if proposed
                             else WARN_BACKGROUND, bold=True)
                text = "; ".join(r.message for r in c.reasons)
                reasons = Cell(text, tooltip="\n".join(f"• {r.message}" for r in c.reasons), color=FAIL_COLOR)
            kind = self.tr("supplement") if e.kind == "supplement" else ""
            rows.append([Cell(e.full_name), Cell(fmt_birth(e.birth_date, e.birth_precision)), Cell(fmt_gender(e.gender)),
                         check, reasons, Cell(e.post_title), Cell(e.decision_label + (f" ({kind})" if kind else ""))])
            keys.append((e.id, c is not None))
        self.entries_model.set_rows(rows, keys)
        fit_cells(self.entries_view, 280)
        failing = sum(1 for _, c in shown if c is not None and not c.eligible)
        active = sum(1 for _, c in shown if c is not None)
        self.entries_title.setText(self.tr("People planned: %1, of whom %2 not eligible").replace(
            "%1", str(active)).replace("%2", str(failing)))
        self._update_buttons()

    def _fill_structure(self) -> None:
        assert self.check is not None
        s = self.check.structure

        def mark(ok: bool) -> str:
            return f"<span style='color:{OK_COLOR}'>✓</span>" if ok else f"<span style='color:{FAIL_COLOR}'>✗</span>"

        tiers = ", ".join(f"{t.label.lower()} {t.count}" for t in s.tiers)
        parts = [
            self.tr("<b>Structure</b> on %1: %2 people").replace("%1", fmt_date(s.on)).replace("%2", str(s.people)),
            self.tr("women %1 (target ≥ %2) %3").replace("%1", fmt_percent(s.women.percent)).replace(
                "%2", fmt_percent(s.women.target)).replace("%3", mark(s.women.ok)),
            self.tr("under %1 %2 (target ≥ %3) %4").replace("%1", str(s.young_below_age)).replace(
                "%2", fmt_percent(s.young.percent)).replace("%3", fmt_percent(s.young.target)).replace(
                "%4", mark(s.young.ok)),
            self.tr("age tiers: %1").replace("%1", tiers),
            self.tr("posts without a successor: %1 of %2 %3").replace("%1", str(s.posts_without_successor)).replace(
                "%2", str(s.posts)).replace("%3", mark(s.posts_without_successor == 0)),
        ]
        over = [f"{x.full_name} ({x.count})" for x in self.check.people_over_limit]
        if over:
            parts.append(f"<span style='color:{FAIL_COLOR}'>" + self.tr("planned for too many posts: %1").replace(
                "%1", ", ".join(over)) + "</span>")
        self.structure_label.setText(" · ".join(parts))

    # --- selection and actions -----------------------------------------------------------------------
    def selected_entry(self) -> tuple[q.EntryRow, EntryCheck | None] | None:
        rows = self.entries_view.selectionModel().selectedRows()
        if not rows or self.check is None:
            return None
        entry_id, active = self.entries_model.keys[rows[0].row()]
        if not active:
            return None
        found = next((c for c in self.check.entries if c.entry.id == entry_id), None)
        return (found.entry, found) if found else None

    def _update_buttons(self) -> None:
        has_period = self.period() is not None
        for b in (self.add_post_button, self.add_button, self.review_button, self.appoint_button, self.print_button):
            b.setEnabled(has_period)
        self.remove_button.setEnabled(self.selected_entry() is not None)
        has_review = False
        if has_period:
            has_review = q.has_review(self.ctx, self.period().id)
        self.export_actions["planning_review", ".pdf"].setEnabled(has_review)
        self.export_actions["planning_review", ".xlsx"].setEnabled(has_review)

    def _open(self, dialog: D) -> D:
        run_form(dialog, self._saved)
        return dialog

    def _saved(self, _result: object) -> None:
        self.refresh()
        confirm(self, self.tr("Saved."))

    def can_create(self) -> bool:
        return self.period() is not None

    def can_print(self) -> bool:
        return self.period() is not None

    def create_new(self) -> None:
        self.open_entry_dialog()

    def open_entry_dialog(self) -> PlanningEntryDialog | None:
        dialog = self.entry_dialog()
        if dialog is not None:
            self._open(dialog)
        return dialog

    def entry_dialog(self) -> PlanningEntryDialog | None:
        period = self.period()
        if period is None or self.check is None:
            return None
        posts = [(p.post, p.count, p.maximum) for p in self.check.posts]
        return PlanningEntryDialog(self.ctx, period, posts, self.selected_post_id(), self)

    def new_period(self) -> PlanningPeriodDialog:
        return self._open(PlanningPeriodDialog(self.ctx, self))

    def add_post(self) -> PlanningPostDialog | None:
        period = self.period()
        return self._open(PlanningPostDialog(self.ctx, period, self)) if period else None

    def remove_selected(self) -> PlanningRemovalDialog | None:
        picked = self.selected_entry()
        if picked is None:
            return None
        entry, check = picked
        dialog = PlanningRemovalDialog(self.ctx, entry, check.removal if check else (), self)
        self._open(dialog)
        return dialog

    def open_review(self) -> PlanningReviewDialog | None:
        period = self.period()
        if period is None:
            return None
        dialog = PlanningReviewDialog(self.ctx, period, self.as_of(), self)
        self._open(dialog)
        return dialog

    def open_appoint(self) -> PlanningAppointDialog | None:
        if self.check is None:
            return None
        picked = self.selected_entry()
        post_id = picked[0].post_id if picked else self.selected_post_id()
        person = (picked[0].person_id, picked[0].full_name) if picked else None
        dialog = PlanningAppointDialog(self.ctx, [p.post for p in self.check.posts], post_id, person, self)
        self._open(dialog)
        return dialog

    # --- printing ------------------------------------------------------------------------------------
    def print_current(self) -> None:
        self.ask_export("list_pdf")

    def ask_export(self, kind: str) -> None:
        period = self.period()
        if period is None:
            return
        suffix = ".pdf" if kind.endswith("pdf") else ".xlsx"
        name = {"list": "Danh_sach_quy_hoach", "summary": "Co_cau_quy_hoach", "review": "Ra_soat_quy_hoach"}[
            kind.split("_")[0]]
        file_filter = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"),
                                              suggested_path(self.ctx, f"{name}_{period.code}{suffix}"), file_filter)
        if path:
            self.export(kind, Path(path))

    def export(self, kind: str, path: Path):
        """Write the document in the background; the status bar says where it went."""
        period, as_of, ctx = self.period(), self.as_of(), self.ctx
        assert period is not None and kind in EXPORTS

        key = DOCUMENTS[kind.split("_")[0]]
        params = {"period": period.id} if key == "planning_review" else {"period": period.id, "as_of": as_of}

        def work(progress, cancelled):
            export(ctx, key, params, path, progress, cancelled)
            return path

        def done(result: Path) -> None:
            self.last_export = result
            confirm(self, path=result)

        return run_task(work, parent=self, title=self.tr("Printing"), label=self.tr("Writing the document…"),
                        writes=True, on_result=done)

    # --- state ---------------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("history", self.history_check.isChecked())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.history_check.setChecked(settings.value("history", False, type=bool))
