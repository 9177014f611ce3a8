"""The decision that allows a unit with outstanding results a higher share of "hoàn thành xuất sắc nhiệm vụ" ratings
in a year than the usual 20% of those rated "hoàn thành tốt" (NĐ 90/2020 as amended by NĐ 48/2023; NĐ 335/2025
Điều 20 khoản 5 điểm b): the share is the decision's, recorded with it, and the unit's ratings are checked by it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.queries.org_history import UnitAt
from hrapp.services.evaluations import CapExceptionInfo, CapExceptionInput, record_cap_exception, unit_ratings
from ui.widgets.forms import FormDialog


class CapExceptionDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, unit: UnitAt, parent: QWidget | None = None):
        super().__init__(self.tr("Higher share of excellent ratings by decision"), self._save, parent)
        self.ctx, self.unit = ctx, unit
        self.form.addRow(self.tr("Unit"), QLabel(unit.name))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2020, clock.today().year)
        self.year_spin.setValue(clock.today().year)
        self.add_field(self.tr("Year rated"), self.year_spin, "year")
        self.percent_edit = self.add_field(self.tr("Share allowed (%)"), QLineEdit(), "percent")
        self.percent_edit.setPlaceholderText(self.tr("above 20, as decided"))
        self.note_edit = self.add_field(self.tr("Note"), QLineEdit(), "note")
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.current_label.setObjectName("muted")
        self.form.addRow(self.current_label)
        self.add_decision(self.tr("Decision of the competent authority"))
        self.finish_layout()
        self.year_spin.valueChanged.connect(lambda _y: self._show_current())
        self._show_current()

    def _show_current(self) -> None:
        """The unit's ratings of the year against the share in force (the usual one, or a decision's)."""
        try:
            ratings = unit_ratings(self.ctx, self.year_spin.value(), self.unit.id)
        except HrappError as exc:
            self.current_label.setText(exc.message)
            return
        lines = [c.message for c in ratings.caps]
        if ratings.exception is not None:
            lines.insert(0, self.tr("Already decided: %1% by %2").replace(
                "%1", format(ratings.exception.percent.normalize(), "f")).replace(
                "%2", ratings.exception.decision.label()))
        self.current_label.setText("\n".join(lines) or self.tr("No one of this unit is rated for this year yet."))

    def _save(self) -> CapExceptionInfo:
        return record_cap_exception(self.ctx, CapExceptionInput(
            self.unit.id, self.year_spin.value(), self.percent_edit.text().strip().replace(",", ".") or None,
            self.decision_form.value(), self.note_edit.text().strip() or None))
