"""Add a post to plan in a period: the unit, the leadership post and, if lower than the rule's, a maximum."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.domain.planning import planning_rules
from hrapp.queries.lookups import unit_choices
from hrapp.queries.planning import PeriodRow
from hrapp.services.planning import PlanningPostInput, add_post
from ui.widgets.forms import FormDialog


class PlanningPostDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, period: PeriodRow, parent: QWidget | None = None):
        super().__init__(self.tr("Add a post to plan"), self._save, parent)
        self.ctx, self.period = ctx, period
        self.form.addRow(self.tr("Period"), QLabel(period.name))
        self.unit_combo = QComboBox()
        units = unit_choices(ctx, active_on=min(clock.today(), period.last_day))
        for u in units:
            self.unit_combo.addItem("    " * u.depth + u.name, u.id)
        self.add_field(self.tr("Unit"), self.unit_combo, "unit_id")
        self.post_combo = QComboBox()
        for code, label in catalogs.labels("post").items():
            self.post_combo.addItem(label, code)
        self.add_field(self.tr("Post"), self.post_combo, "post_code")
        rules = planning_rules(ctx.rulebook, period.rule_version)
        self.max_spin = QSpinBox()
        self.max_spin.setRange(0, rules.max_people_per_post)
        self.max_spin.setSpecialValueText(self.tr("As the rules allow (%1)").replace(
            "%1", str(rules.max_people_per_post)))
        self.add_field(self.tr("Most people"), self.max_spin, "max_people")
        self.finish_layout()

    def select(self, unit_id: int, post_code: str) -> None:
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(unit_id), 0))
        self.post_combo.setCurrentIndex(max(self.post_combo.findData(post_code), 0))

    def _save(self):
        return add_post(self.ctx, PlanningPostInput(self.period.id, self.unit_combo.currentData(),
                                                    self.post_combo.currentData(), self.max_spin.value() or None))
