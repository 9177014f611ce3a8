"""New planning period (giai đoạn quy hoạch): its years and the rule version its checks use."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.planning import PLANNING, default_rule_version
from hrapp.errors import DomainError
from hrapp.services.planning import PeriodInput, create_period
from ui.widgets.forms import FormDialog


class PlanningPeriodDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(self.tr("New planning period"), self._save, parent)
        self.ctx = ctx
        start = clock.today().year
        self.start_spin = QSpinBox()
        self.start_spin.setRange(1990, 2100)
        self.start_spin.setValue(start)
        self.end_spin = QSpinBox()
        self.end_spin.setRange(1990, 2100)
        self.end_spin.setValue(start + 5)
        self.add_field(self.tr("First year"), self.start_spin, "start_year")
        self.add_field(self.tr("Last year"), self.end_spin, "end_year")
        self.rule_combo = QComboBox()
        for v in ctx.rulebook.versions(PLANNING):
            self.rule_combo.addItem(v.legal_basis, v.version)
        self.add_field(self.tr("Rules applied"), self.rule_combo, "rule_version")
        self.name_edit = self.add_field(self.tr("Name (optional)"), QLineEdit(), "name")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(56)
        self.add_field(self.tr("Note"), self.note_edit, "note")
        self.start_spin.valueChanged.connect(self._follow_start)
        self._follow_start(start)
        self.finish_layout()

    def _follow_start(self, year: int) -> None:
        """Propose a five-year period under the rules in force when it starts."""
        self.end_spin.setValue(year + 5)
        try:
            version = default_rule_version(self.ctx.rulebook, year).version
        except DomainError:  # no planning rules in the data: the service says so on save
            return
        self.rule_combo.setCurrentIndex(max(self.rule_combo.findData(version), 0))

    def _save(self):
        return create_period(self.ctx, PeriodInput(
            self.start_spin.value(), self.end_spin.value(), self.name_edit.text().strip() or None,
            self.rule_combo.currentData(), self.note_edit.toPlainText().strip() or None))
