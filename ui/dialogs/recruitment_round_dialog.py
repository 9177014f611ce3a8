"""The recruitment round (kỳ tuyển dụng): name, year, regime and method, plan decision, notice and deadline,
exam dates, the recruitment council and the parts of round 2."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.domain import recruitment as dr
from hrapp.errors import ValidationError
from hrapp.queries import recruitment as rq
from hrapp.queries.planning import CandidateRow
from hrapp.queries.recruitment import COUNCIL_ROLES, SUBJECT_CATEGORIES, RoundInfo
from hrapp.services import recruitment as rec
from ui.dialogs.planning_common import PersonPicker
from ui.dialogs.recruitment_fields import ActionDialog, decision_box
from ui.widgets.forms import DateField, read_date

REGIMES = ("nd115_2020", "nd138_2020", "nd170_2025")


PostRole = Qt.ItemDataRole.UserRole + 3


class StaffPicker(PersonPicker):
    """The staff search of the council: each person found also carries the post held, the member's title."""

    def item(self, row: CandidateRow) -> QListWidgetItem:
        item = super().item(row)
        item.setData(PostRole, row.current_post)
        item.setToolTip(item.text())
        return item

    def person_post(self) -> str:
        item = self.results.currentItem()
        return "" if item is None else str(item.data(PostRole) or "")


class RoundDialog(ActionDialog):
    """New round (info None) or edit of an existing one."""

    def __init__(self, ctx: ServiceContext, info: RoundInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.setWindowTitle(self.tr("Recruitment round") if info is None else self.tr("Edit recruitment round"))
        self.setMinimumSize(760, 560)
        self.resize(860, 640)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Recruitment of public employees 2022 – Discovery Centre"))
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(clock.today().year)
        self.regime = QComboBox()
        for code in REGIMES:
            self.regime.addItem(self._regime_label(code), code)
        self.method = QComboBox()
        self.method.addItem(self.tr("Selection by review (xét tuyển)"), "xet_tuyen")
        self.method.addItem(self.tr("Competitive exam (thi tuyển)"), "thi_tuyen")
        self.category = QComboBox()
        self.plan = decision_box(self.tr("Recruitment plan (kế hoạch)"), "ke_hoach", required=False)
        self.notice_date = DateField()
        self.deadline = DateField()
        self.deadline_hint = QLabel()
        self.deadline_hint.setObjectName("muted")
        self.round1_date = DateField()
        self.round2_date = DateField()
        self.note = QLineEdit()

        self.council = QTableWidget(0, 3)
        self.council.setHorizontalHeaderLabels([self.tr("Full name"), self.tr("Position"), self.tr("Role")])
        self.council.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.council.verticalHeader().setVisible(False)
        self.council.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.council_size = QLabel()
        self.picker = StaffPicker(ctx, clock.today())
        self.picker.results.setMinimumHeight(0)
        self.picker.results.setMaximumHeight(120)
        self.picker.search_edit.setPlaceholderText(self.tr("Member from the staff: type a name (diacritics not "
                                                           "needed)"))
        self.add_staff_button = QPushButton(self.tr("Add the chosen person"))
        self.add_staff_button.setEnabled(False)
        self.add_staff_button.clicked.connect(lambda: self.add_chosen())
        self.picker.person_changed.connect(lambda pid: self.add_staff_button.setEnabled(pid is not None))
        self.picker.results.itemActivated.connect(lambda _i: self.add_chosen())
        self.add_outsider_button = QPushButton(self.tr("Add a member from outside"))
        self.add_outsider_button.setToolTip(self.tr("A row to type the name and position of a member who is not "
                                                    "on the staff"))
        self.add_outsider_button.clicked.connect(lambda: self.add_member())
        remove_member = QPushButton(self.tr("Remove member"))
        remove_member.clicked.connect(self._remove_member)
        self.remove_member_button = remove_member
        self.council_decision = decision_box(self.tr("Decision forming the council"), required=False)

        self.parts = QTableWidget(0, 2)
        self.parts.setHorizontalHeaderLabels([self.tr("Part of round 2"), self.tr("Maximum")])
        self.parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.parts.verticalHeader().setVisible(False)
        self.parts_hint = QLabel()
        self.parts_hint.setObjectName("muted")
        self.parts_hint.setWordWrap(True)

        # what the round is across the top; its dates beside the plan below, so the tab fits a 768-pixel screen
        general = QWidget()
        form = QFormLayout(general)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Year *"), self.year)
        form.addRow(self.tr("Regulation *"), self.regime)
        form.addRow(self.tr("Method *"), self.method)
        form.addRow(self.tr("Hired as"), self.category)
        dates = QWidget()
        dates_form = QFormLayout(dates)
        dates_form.setContentsMargins(0, 0, 0, 0)
        dates_form.addRow(self.tr("Notice date"), self.notice_date)
        dates_form.addRow(self.tr("Application deadline"), self.deadline)
        dates_form.addRow("", self.deadline_hint)
        dates_form.addRow(self.tr("Round 1 date"), self.round1_date)
        dates_form.addRow(self.tr("Round 2 date"), self.round2_date)
        dates_form.addRow(self.tr("Note"), self.note)
        lower = QHBoxLayout()
        lower.addWidget(dates, 2)
        lower.addWidget(self.plan, 3, Qt.AlignmentFlag.AlignTop)
        general_layout = QVBoxLayout()
        general_layout.addWidget(general)
        general_layout.addLayout(lower)
        general_layout.addStretch(1)
        general_tab = QWidget()
        general_tab.setLayout(general_layout)

        # the staff search beside the decision forming the council, so the members' table keeps the height
        council_tab = QWidget()
        cl = QVBoxLayout(council_tab)
        pick = QVBoxLayout()
        pick.addWidget(self.picker, 1)
        pick_buttons = QHBoxLayout()
        pick_buttons.addWidget(self.add_staff_button)
        pick_buttons.addWidget(self.add_outsider_button)
        pick_buttons.addStretch(1)
        pick.addLayout(pick_buttons)
        top = QHBoxLayout()
        top.addLayout(pick, 1)
        top.addWidget(self.council_decision, 1)
        cl.addLayout(top)
        cl.addWidget(self.council, 1)
        row = QHBoxLayout()
        row.addWidget(remove_member)
        row.addStretch(1)
        row.addWidget(self.council_size)
        cl.addLayout(row)

        parts_tab = QWidget()
        pl = QVBoxLayout(parts_tab)
        pl.addWidget(self.parts_hint)
        pl.addWidget(self.parts, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(general_tab, self.tr("General"))
        self.tabs.addTab(council_tab, self.tr("Recruitment council"))
        self.tabs.addTab(parts_tab, self.tr("Round 2"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        self.finish_layout(layout)

        self.regime.currentIndexChanged.connect(lambda _i: self._regime_changed())
        self.method.currentIndexChanged.connect(lambda _i: self._fill_parts())
        self.notice_date.textChanged.connect(lambda _t: self._update_deadline_hint())
        self.council.itemChanged.connect(lambda _i: self._update_council_size())
        self._regime_changed()
        if info is not None:
            self._load(info)
        else:
            for _ in range(5):
                self.add_member()

    # --- filling ------------------------------------------------------------------------------------
    def _regime_label(self, code: str) -> str:
        labels = {
            "nd115_2020": self.tr("Public employees – Decree 115/2020 (amended by 85/2023)"),
            "nd138_2020": self.tr("Civil servants – Decree 138/2020 (until 30/06/2025)"),
            "nd170_2025": self.tr("Civil servants – Decree 170/2025 (from 01/07/2025)"),
        }
        return labels[code]

    def _regime(self) -> dr.RecruitmentRegime:
        return dr.regime(self.ctx.rulebook, self.regime.currentData())

    def _regime_changed(self) -> None:
        regime = self._regime()
        keep = self.category.currentData()
        self.category.clear()
        for code in SUBJECT_CATEGORIES[regime.subject]:
            self.category.addItem(catalogs.label("category", code), code)
        index = self.category.findData(keep)
        self.category.setCurrentIndex(max(index, 0))
        self._fill_parts()
        self._update_deadline_hint()
        self._update_council_size()

    def _update_deadline_hint(self) -> None:
        days = self._regime().application_window_days
        self.deadline_hint.setText(self.tr("Empty: %1 days after the notice").replace("%1", str(days)))

    def _fill_parts(self, current: tuple = ()) -> None:
        method = self._regime().method(self.method.currentData())
        self.parts.setRowCount(0)
        if not method.parts:
            self.parts_hint.setText(self.tr("This method scores round 2 as one mark out of 100."))
            self.parts.setEnabled(False)
            return
        self.parts.setEnabled(True)
        self.parts_hint.setText(self.tr("Give each part used its maximum; the maxima must add up to 100. "
                                        "Leave 0 for a part that is not used."))
        given = {p.code: p.max for p in current}
        if not given:
            given = {method.parts[0].code: method.round2_max}
        for p in method.parts:
            r = self.parts.rowCount()
            self.parts.insertRow(r)
            label = QTableWidgetItem(p.label)
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setData(Qt.ItemDataRole.UserRole, p.code)
            self.parts.setItem(r, 0, label)
            self.parts.setItem(r, 1, QTableWidgetItem(str(given.get(p.code, Decimal(0)).normalize())))

    def add_member(self, name: str = "", title: str = "", role: str = "uy_vien", person_id: int | None = None) -> None:
        """A row of the council: typed (an outsider) or, with `person_id`, a person from the staff."""
        r = self.council.rowCount()
        self.council.insertRow(r)
        self.council.setItem(r, 1, QTableWidgetItem(title))
        combo = QComboBox()
        for code, label in COUNCIL_ROLES.items():
            combo.addItem(label, code)
        combo.setCurrentIndex(max(combo.findData(role), 0))
        if not name and r == 0:
            combo.setCurrentIndex(combo.findData("chu_tich"))
        self.council.setCellWidget(r, 2, combo)
        self._set_person(r, name, person_id)
        self._update_council_size()

    def _set_person(self, r: int, name: str, person_id: int | None) -> None:
        item = QTableWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        if person_id is not None:  # the staff record's name; another person is a new row
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(self.tr("From the staff records"))
        self.council.setItem(r, 0, item)

    def add_chosen(self) -> bool:
        """Put the person chosen in the search into the first empty row (keeping its role), else a new row."""
        pid = self.picker.person_id()
        if pid is None:
            return False
        title = self.picker.person_post()
        name = self.picker.person_name()
        if any(self.council.item(r, 0) is not None and self.council.item(r, 0).data(Qt.ItemDataRole.UserRole) == pid
               for r in range(self.council.rowCount())):
            self.errors.show_text(self.tr("%1 is already on the council.").replace("%1", name))
            return False
        self.errors.clear_error()
        empty = next((r for r in range(self.council.rowCount())
                      if not (self.council.item(r, 0).text() if self.council.item(r, 0) else "").strip()
                      and not (self.council.item(r, 1).text() if self.council.item(r, 1) else "").strip()), None)
        if empty is None:
            chaired = any(isinstance(self.council.cellWidget(r, 2), QComboBox)
                          and self.council.cellWidget(r, 2).currentData() == "chu_tich"
                          for r in range(self.council.rowCount()))
            self.add_member(name, title, "uy_vien" if chaired else "chu_tich", pid)
        else:
            self._set_person(empty, name, pid)
            self.council.setItem(empty, 1, QTableWidgetItem(title))
        self.picker.search_edit.clear()
        self._update_council_size()
        return True

    def _remove_member(self) -> None:
        rows = sorted({i.row() for i in self.council.selectedIndexes()}, reverse=True)
        for r in rows or [self.council.rowCount() - 1]:
            if r >= 0:
                self.council.removeRow(r)
        self._update_council_size()

    def _update_council_size(self) -> None:
        sizes = " / ".join(str(n) for n in self._regime().council_sizes)
        self.council_size.setText(self.tr("%1 members (the council has %2)")
                                  .replace("%1", str(len(self.members()))).replace("%2", sizes))

    def members(self) -> list[rq.CouncilMember]:
        out = []
        for r in range(self.council.rowCount()):
            name = (self.council.item(r, 0).text() if self.council.item(r, 0) else "").strip()
            title = (self.council.item(r, 1).text() if self.council.item(r, 1) else "").strip()
            combo = self.council.cellWidget(r, 2)
            pid = self.council.item(r, 0).data(Qt.ItemDataRole.UserRole) if self.council.item(r, 0) else None
            if name or title:
                out.append(rq.CouncilMember(name, title, combo.currentData() if combo else "uy_vien",
                                             int(pid) if pid is not None else None))
        return out

    def set_members(self, members: list[tuple]) -> None:
        """Rows of (name, title, role) or (name, title, role, person_id)."""
        self.council.setRowCount(0)
        for member in members:
            self.add_member(*member)

    def _load(self, info: RoundInfo) -> None:
        self.name.setText(info.name)
        self.year.setValue(info.year)
        self.regime.setCurrentIndex(max(self.regime.findData(info.regime), 0))
        self.method.setCurrentIndex(max(self.method.findData(info.method), 0))
        self.category.setCurrentIndex(max(self.category.findData(info.category), 0))
        if info.plan_decision is not None:
            d = info.plan_decision
            self.plan.fill(d.number, d.sign_date, d.signer or "", d.issuer or "", d.summary or "")
        self.notice_date.set_value(info.notice_date)
        self.deadline.set_value(info.application_deadline)
        self.round1_date.set_value(info.round1_date)
        self.round2_date.set_value(info.round2_date)
        self.note.setText(info.note or "")
        self.set_members([(m.full_name, m.title, m.role, m.person_id) for m in info.council])
        if not info.council:  # five rows to fill, the first for the chair, as for a new round
            for _ in range(5):
                self.add_member()
        if info.council_decision is not None:
            d = info.council_decision
            self.council_decision.fill(d.number, d.sign_date, d.signer or "", d.issuer or "", d.summary or "")
        if info.split_round2:
            self._fill_parts(info.round2_parts)
        locked = info.status != "draft"
        for w in (self.regime, self.method, self.category):
            w.setEnabled(not locked)

    # --- saving -------------------------------------------------------------------------------------
    def part_settings(self) -> tuple[rec.PartSetting, ...] | None:
        if not self.parts.isEnabled():
            return None
        out = []
        for r in range(self.parts.rowCount()):
            code = self.parts.item(r, 0).data(Qt.ItemDataRole.UserRole)
            text = (self.parts.item(r, 1).text() if self.parts.item(r, 1) else "").strip().replace(",", ".")
            try:
                value = Decimal(text or "0")
            except ArithmeticError:
                raise ValidationError([("round2_parts", self.tr("The maximum of a part must be a number."))]) from None
            if value:
                out.append(rec.PartSetting(code, value))
        return tuple(out)

    def dto(self) -> rec.RoundInput:
        errors: list[tuple[str, str]] = []
        dates = {}
        for name, field in (("notice_date", self.notice_date), ("application_deadline", self.deadline),
                            ("round1_date", self.round1_date), ("round2_date", self.round2_date)):
            try:
                dates[name] = read_date(field, name)
            except ValidationError as exc:
                errors += exc.errors
        try:
            plan = self.plan.value()
            council_decision = self.council_decision.value()
            parts = self.part_settings()
        except ValidationError as exc:
            raise ValidationError(errors + exc.errors) from None
        if errors:
            raise ValidationError(errors)
        return rec.RoundInput(
            name=self.name.text(), year=self.year.value(), regime=self.regime.currentData(),
            method=self.method.currentData(), category=self.category.currentData(), plan_decision=plan,
            council=tuple(self.members()), council_decision=council_decision, round2_parts=parts,
            note=self.note.text(), **dates,
        )

    def submit(self) -> RoundInfo:
        dto = self.dto()
        if self.info is None:
            return rec.create_round(self.ctx, dto)
        return rec.update_round(self.ctx, self.info.id, dto)
