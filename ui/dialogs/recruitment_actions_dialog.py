"""The steps of a round that need a date, a reason or a decision: moving to the next stage (or back), the
head's choice among tied candidates, a winner's withdrawal, re-marking, and hiring the winners."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.recruitment import Outcome
from hrapp.errors import ValidationError
from hrapp.queries.recruitment import (
    STATUS_LABELS,
    WITHDRAWAL_REASONS,
    CandidateInfo,
    PositionResults,
    ResultRow,
    RoundInfo,
)
from hrapp.services import recruitment as rec
from ui.dialogs.recruitment_fields import ActionDialog, decision_box, parse_score
from ui.formatting import fmt_decimal
from ui.widgets.forms import DateField, DecisionForm, read_date


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class StatusDialog(ActionDialog):
    """Move the round to `to_status`; a step back needs a reason, the results may cite their decision."""

    def __init__(self, ctx: ServiceContext, info: RoundInfo, to_status: str, parent: QWidget | None = None,
                 notes: tuple[str, ...] = ()):
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.to_status = to_status
        forward = rec.FORWARD.get(info.status) == to_status
        self.setWindowTitle(self.tr("Next step") if forward else self.tr("Step back"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self.tr("From “%1” to “%2”.")
                                .replace("%1", STATUS_LABELS[info.status]).replace("%2", STATUS_LABELS[to_status])))
        explain = {
            "open": self.tr("The round is announced: its places count as “in recruitment” in the staffing view "
                            "and registration forms are accepted until the deadline."),
            "round1": self.tr("Registration closes. Every candidate is checked against the requirements of the "
                              "positions applied for; the failing reasons are recorded."),
            "round2": self.tr("Round 1 is over: those who passed (numbered) go on to round 2."),
            "results": self.tr("Round 2 scores are final: the ranking of every position is fixed."),
            "closed": self.tr("The round ends: every winner has been hired or has withdrawn; its places no longer "
                              "count as in recruitment."),
        }
        if forward and to_status in explain:
            layout.addWidget(_intro(explain[to_status]))
        for note in notes:  # a condition on the date chosen below (e.g. after the application deadline)
            hint = _intro(note)
            hint.setObjectName("muted")
            layout.addWidget(hint)
        form = QFormLayout()
        self.event_date = DateField(clock.today())
        form.addRow(self.tr("Date *"), self.event_date)
        self.reason = QLineEdit()
        if not forward:
            form.addRow(self.tr("Reason *"), self.reason)
        layout.addLayout(form)
        self.decision: DecisionForm | None = None
        if forward and to_status == "results":
            self.decision = decision_box(self.tr("Decision approving the results (optional)"), required=False,
                                         summary=self.tr("Approving the results of the recruitment round"))
            layout.addWidget(self.decision)
        self.finish_layout(layout)

    def submit(self) -> RoundInfo:
        day = read_date(self.event_date, "event_date")
        decision = self.decision.value() if self.decision is not None else None
        return rec.change_status(self.ctx, rec.StatusChange(self.info.id, self.to_status, day, decision,
                                                            self.reason.text()))


class TieDecisionDialog(ActionDialog):
    """Tick the candidate(s) the head of the agency chose among those tied at the last place."""

    def __init__(self, ctx: ServiceContext, round_id: int, position: PositionResults, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = round_id
        self.position = position
        self.setWindowTitle(self.tr("Decision of the head of the agency"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        tied = position.with_outcome(Outcome.CAN_QUYET_DINH)
        winners = len(position.with_outcome(Outcome.TRUNG_TUYEN))
        free = position.quota - winners
        layout.addWidget(_intro(self.tr("%1: %2 candidate(s) tied for %3 remaining place(s). Tick who the head "
                                        "of the agency chose.").replace("%1", position.position_name)
                                .replace("%2", str(len(tied))).replace("%3", str(free))))
        self.checks: dict[int, QCheckBox] = {}
        total = self.tr("total")
        for r in tied:
            box = QCheckBox(f"{r.sbd or ''} {r.full_name} – {total} {fmt_decimal(r.total, 2)}")
            self.checks[r.candidate_id] = box
            layout.addWidget(box)
        self.decision = decision_box(self.tr("Decision *"))
        layout.addWidget(self.decision)
        self.reason = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Note"), self.reason)
        layout.addLayout(form)
        self.finish_layout(layout)

    def chosen(self) -> tuple[int, ...]:
        return tuple(cid for cid, box in self.checks.items() if box.isChecked())

    def submit(self):
        decision = self.decision.value()
        assert decision is not None
        return rec.record_tie_decision(self.ctx, rec.TieDecision(self.round_id, self.position.target_id,
                                                                 self.chosen(), decision, self.reason.text()))


class WithdrawalDialog(ActionDialog):
    """A winner withdraws or did not complete the dossier in time; the next ranked candidate moves up."""

    def __init__(self, ctx: ServiceContext, row: ResultRow, position_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Withdrawal of a winner"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self.tr("%1 (%2): the place goes to the next ranked candidate.")
                                .replace("%1", row.full_name).replace("%2", position_name)))
        form = QFormLayout()
        self.reason_code = QComboBox()
        for code, label in WITHDRAWAL_REASONS.items():
            self.reason_code.addItem(label, code)
        self.event_date = DateField(clock.today())
        self.note = QLineEdit()
        form.addRow(self.tr("Reason *"), self.reason_code)
        form.addRow(self.tr("Date"), self.event_date)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.decision = decision_box(self.tr("Decision *"))
        layout.addWidget(self.decision)
        self.finish_layout(layout)

    def submit(self):
        decision = self.decision.value()
        assert decision is not None
        return rec.record_withdrawal(self.ctx, rec.Withdrawal(self.row.candidate_id, self.reason_code.currentData(),
                                                              decision, read_date(self.event_date, "event_date"),
                                                              self.note.text()))


class RemarkDialog(ActionDialog):
    """Re-marking (phúc khảo) of one score: the new score and the reason; the old one stays in the history."""

    def __init__(self, ctx: ServiceContext, candidate: CandidateInfo, round_no: int, part: str, part_label: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.candidate = candidate
        self.round_no = round_no
        self.part = part
        self.setWindowTitle(self.tr("Re-marking"))
        self.setMinimumWidth(520)
        current = candidate.score(round_no, part)
        old = self.tr("absent") if current and current.absent else fmt_decimal(current.value, 2) if current else ""
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self.tr("%1 – %2: current score %3.").replace("%1", candidate.full_name)
                                .replace("%2", part_label).replace("%3", old)))
        form = QFormLayout()
        self.value = QLineEdit()
        self.reason = QLineEdit()
        form.addRow(self.tr("Score after re-marking *"), self.value)
        form.addRow(self.tr("Reason *"), self.reason)
        layout.addLayout(form)
        self.decision = decision_box(self.tr("Document (optional)"), "thong_bao", required=False)
        layout.addWidget(self.decision)
        self.finish_layout(layout)

    def submit(self) -> CandidateInfo:
        try:
            value = parse_score(self.value.text())
        except ValueError:
            raise ValidationError([("value", self.tr("The score must be a number, e.g. 65,5."))]) from None
        return rec.remark_score(self.ctx, rec.Remark(self.candidate.id, self.round_no, self.part, value,
                                                     self.reason.text(), self.decision.value()))


class HireDialog(ActionDialog):
    """Recruit the winners by one decision: the start date and each winner's starting step."""

    def __init__(self, ctx: ServiceContext, info: RoundInfo, winners: list[tuple[PositionResults, ResultRow]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.winners = winners
        self.setWindowTitle(self.tr("Hire the winners"))
        self.setMinimumSize(680, 520)
        layout = QVBoxLayout(self)
        probation = {"cong_chuc": self.tr("no probation for civil servants recruited under Decree 170/2025")}
        note = probation.get(info.subject) if info.regime == "nd170_2025" else self.tr(
            "probation by the rank's required level, paid 85% of the starting step")
        layout.addWidget(_intro(self.tr("%1 winner(s) become staff records: employment in the position's unit as "
                                        "%2, rank or title of the position, starting step; %3.")
                                .replace("%1", str(len(winners))).replace("%2", info.category_label.lower())
                                .replace("%3", note or "")))
        self.table = QTableWidget(len(winners), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Candidate no."), self.tr("Full name"), self.tr("Position"),
                                              self.tr("Starting step")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.steps: dict[int, QSpinBox] = {}
        for r, (pos, row) in enumerate(winners):
            for c, text in enumerate((row.sbd or "", row.full_name, pos.position_name)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
            spin = QSpinBox()
            spin.setRange(1, 12)
            self.steps[row.candidate_id] = spin
            self.table.setCellWidget(r, 3, spin)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.start_date = DateField()
        self.start_date.setPlaceholderText(self.tr("the decision's date"))
        form.addRow(self.tr("Start date"), self.start_date)
        layout.addLayout(form)
        self.decision = decision_box(self.tr("Recruitment decision *"),
                                     summary=self.tr("Recruitment of the winners of the round"))
        layout.addWidget(self.decision)
        self.finish_layout(layout)

    def submit(self) -> rec.HireResult:
        decision = self.decision.value()
        assert decision is not None
        steps = {cid: spin.value() for cid, spin in self.steps.items() if spin.value() != 1}
        return rec.hire_winners(self.ctx, rec.HireInput(self.info.id, decision, read_date(self.start_date,
                                                                                           "start_date"),
                                                        tuple(r.candidate_id for _p, r in self.winners), steps))

