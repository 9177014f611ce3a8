"""A position of the round and its quota: the vacancies the staffing view shows, and the reason required
when the quota goes above them."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.queries.recruitment import RoundInfo, TargetInfo
from hrapp.services import recruitment as rec
from hrapp.services.positions import list_positions
from ui.dialogs.recruitment_fields import ActionDialog


class TargetDialog(ActionDialog):
    def __init__(self, ctx: ServiceContext, info: RoundInfo, target: TargetInfo | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.target = target
        self.setWindowTitle(self.tr("Position and quota") if target is None else
                            self.tr("Quota of %1").replace("%1", target.position_name))
        self.setMinimumWidth(620)

        self.position = QComboBox()
        self.position.setMinimumContentsLength(40)
        taken = {t.position_id for t in info.targets} - ({target.position_id} if target else set())
        for p in list_positions(ctx):
            if p.id in taken or p.is_leadership:
                continue
            self.position.addItem(f"{p.unit_name} – {p.name} ({p.code})", p.id)
        if target is not None:
            self.position.setCurrentIndex(max(self.position.findData(target.position_id), 0))
            self.position.setEnabled(False)
        self.vacancy = QLabel()
        self.requirements = QLabel()
        self.requirements.setWordWrap(True)
        self.requirements.setObjectName("muted")
        self.quota = QSpinBox()
        self.quota.setRange(1, 999)
        self.quota.setValue(target.quota if target else 1)
        self.rank = QComboBox()
        self.rank.addItem(self.tr("The position's minimum rank"), None)
        for code, r in catalogs.ranks().items():
            self.rank.addItem(f"{r['name']} ({code})", code)
        self.reason = QLineEdit(target.over_vacancy_reason or "" if target else "")
        self.reason.setPlaceholderText(self.tr("Required when the quota is above the vacancies"))
        self.note = QLineEdit(target.note or "" if target else "")

        form = QFormLayout()
        form.addRow(self.tr("Job position *"), self.position)
        form.addRow("", self.requirements)
        form.addRow(self.tr("Vacancies"), self.vacancy)
        form.addRow(self.tr("Quota *"), self.quota)
        form.addRow(self.tr("Reason for a quota above the vacancies"), self.reason)
        form.addRow(self.tr("Rank or title of the winners"), self.rank)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)

        self._vacancies: int | None = None
        self.position.currentIndexChanged.connect(lambda _i: self._position_changed())
        self.quota.valueChanged.connect(lambda _v: self._update_hint())
        self._position_changed()
        if target is not None and target.rank_code:
            self.rank.setCurrentIndex(max(self.rank.findData(target.rank_code), 0))

    def _position_changed(self) -> None:
        pid = self.position.currentData()
        self._vacancies = None
        if pid is None:
            self.vacancy.setText(self.tr("No job position left to add."))
            return
        try:
            self._vacancies = rec.position_vacancy(self.ctx, self.info.id, pid)
        except HrappError as exc:
            self.vacancy.setText(exc.message)
            return
        for p in list_positions(self.ctx):
            if p.id == pid:
                req = p.requirements
                parts = [catalogs.label("qualification_level", req.education_level) if req.education_level else "",
                         req.major or "", p.min_rank_name or ""]
                self.requirements.setText(" · ".join(x for x in parts if x))
                break
        self._update_hint()

    def _update_hint(self) -> None:
        if self._vacancies is None:
            return
        text = self.tr("%1 vacant place(s) in the staffing view").replace("%1", str(self._vacancies))
        if self.quota.value() > self._vacancies:
            text += " – " + self.tr("the quota is above them: write the reason")
        self.vacancy.setText(text)

    def select_position(self, position_id: int) -> bool:
        index = self.position.findData(position_id)
        if index >= 0:
            self.position.setCurrentIndex(index)
        return index >= 0

    def submit(self) -> RoundInfo:
        return rec.set_target(self.ctx, rec.TargetInput(
            round_id=self.info.id, position_id=self.position.currentData(), quota=self.quota.value(),
            over_vacancy_reason=self.reason.text(), rank_code=self.rank.currentData(), note=self.note.text()))
