"""The tabs of a recruitment round before its results: positions and quotas, candidates (their eligibility,
numbers, import), and the score sheets of round 1 and round 2 (entry, import, re-marking)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs
from hrapp.io.candidate_import import import_candidates, import_scores, write_template
from hrapp.queries.recruitment import (
    CandidateInfo,
    RoundInfo,
)
from hrapp.services import recruitment as rec
from ui.dialogs.recruitment_actions_dialog import RemarkDialog
from ui.dialogs.recruitment_candidate_dialog import CandidateDialog
from ui.dialogs.recruitment_target_dialog import TargetDialog
from ui.formatting import fmt_date, fmt_decimal, fmt_gender
from ui.messages import confirm
from ui.models.recruitment_score_model import ScorePart, ScoreTableModel
from ui.models.rows_table_model import RowsTableModel
from ui.pages.recruitment_parts import RoundView, button, fit, selected_row, table
from ui.tasks import run_task
from ui.widgets.forms import run_guarded


class TargetsTab(QWidget):
    def __init__(self, detail: RoundView):
        super().__init__(detail)
        self.detail = detail
        self.info: RoundInfo | None = None
        self.model = RowsTableModel([], [])
        self.view = table(self.model)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        self.view.activated.connect(lambda _i: self.edit_target())
        self.total = QLabel()
        self.add_button = button(self.tr("Add position…"), self.add_target)
        self.edit_button = button(self.tr("Change quota…"), self.edit_target)
        self.remove_button = button(self.tr("Remove"), self.remove_target)
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
        fit(self.view, (0, 5, 6), cap=220)
        header = self.view.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 190))
        self.view.resizeRowsToContents()
        self.total.setText(self.tr("Total: %1 place(s)").replace("%1", str(info.quota)))
        editable = info.status in ("draft", "open")
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setEnabled(editable)

    def selected(self):
        row = selected_row(self.view)
        return self.info.targets[row] if self.info and 0 <= row < len(self.info.targets) else None

    def add_target(self) -> None:
        if self.info is not None:
            self.detail.dialog(TargetDialog(self.detail.ctx, self.info, None, self))

    def edit_target(self) -> None:
        target = self.selected()
        if target is not None and self.info is not None and self.info.status in ("draft", "open"):
            self.detail.dialog(TargetDialog(self.detail.ctx, self.info, target, self))

    def remove_target(self) -> None:
        target = self.selected()
        if target is not None:
            self.detail.guarded(lambda: rec.remove_target(self.detail.ctx, target.id))


class CandidatesTab(QWidget):
    def __init__(self, detail: RoundView):
        super().__init__(detail)
        self.detail = detail
        self.info: RoundInfo | None = None
        self.rows: list[CandidateInfo] = []
        self.model = RowsTableModel([], [])
        self.view = table(self.model)
        self.view.setWordWrap(True)
        self.view.activated.connect(lambda _i: self.edit_candidate())
        self.count = QLabel()
        self.add_button = button(self.tr("Add…"), self.add_candidate)
        self.edit_button = button(self.tr("Edit…"), self.edit_candidate)
        self.delete_button = button(self.tr("Delete"), self.delete_candidate)
        self.import_button = button(self.tr("Import from Excel…"), self.import_candidates)
        self.template_button = button(self.tr("Excel template…"), self.save_template)
        self.check_button = button(self.tr("Check conditions"), self.check_eligibility,
                                    self.tr("Check every candidate against the requirements of the positions"))
        self.number_button = button(self.tr("Assign candidate numbers"), self.assign_numbers)
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
        fit(self.view, (5, 6, 7), cap=280)
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
        row = selected_row(self.view)
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add_candidate(self) -> None:
        if self.info is not None:
            self.detail.dialog(CandidateDialog(self.detail.ctx, self.info, None, self))

    def edit_candidate(self) -> None:
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

    def __init__(self, detail: RoundView, round_no: int):
        super().__init__(detail)
        self.detail = detail
        self.round_no = round_no
        self.info: RoundInfo | None = None
        self.model = ScoreTableModel(self)
        self.view = table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        if round_no == 1:  # the reason a candidate is out wraps in the note, read whole in the row
            self.view.setWordWrap(True)
            self.view.horizontalHeader().sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.save_button = button(self.tr("Save scores"), self.save_scores)
        self.import_button = button(self.tr("Import scores from Excel…"), self.import_scores)
        self.remark_button = button(self.tr("Re-marking…"), self.remark)
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
        fit(self.view, (3, self.model.columnCount() - 1))
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
        index = self.view.currentIndex()
        if not index.isValid() or self.info is None:
            self.detail.error.show_text(self.tr("Choose the candidate's score to re-mark first."))
            return
        c = self.model.rows[index.row()]
        k = index.column() - self.model.FIXED
        part = self.model.parts[k] if 0 <= k < len(self.model.parts) else self.model.parts[0]
        self.detail.dialog(RemarkDialog(self.detail.ctx, c, self.round_no, part.code, part.label, self))
