"""View of one person's record: identity, employment and posts, rank and salary, qualifications; "Edit" opens
the profile editor on the same person."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.queries.person_detail import PersonDetail, load_person_detail
from hrapp.security import WRITE, has_permission
from ui.dialogs.person_editor import PersonEditor
from ui.formatting import fmt_birth, fmt_date, fmt_decimal, fmt_gender
from ui.models.rows_table_model import RowsTableModel


class PersonDetailDialog(QDialog):
    """The record as read; `editor_opened(editor)` is emitted when "Edit" has opened the profile editor."""

    editor_opened = Signal(object)

    def __init__(self, ctx: ServiceContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.editor: QDialog | None = None
        self.setMinimumSize(880, 560)
        self.resize(1040, 660)
        self.person_id = person_id
        self.detail: PersonDetail | None = None
        self.tables: dict[str, QTableView] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        try:
            self.detail = load_person_detail(ctx, person_id)
        except HrappError as exc:
            self.setWindowTitle(self.tr("Record"))
            message = QLabel(exc.message)
            message.setWordWrap(True)
            layout.addWidget(message, 1)
        else:
            self._build(layout, self.detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Open this record in the profile editor"))
        self.edit_button.clicked.connect(self.edit)
        if self.detail is None or not has_permission(ctx, WRITE):
            self.edit_button.setEnabled(False)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)

    def edit(self) -> QDialog:
        """Close the view and open the profile editor on the same person."""
        editor = PersonEditor(self.ctx, self.person_id, self.parentWidget())
        self.editor = editor
        self.accept()
        self.editor_opened.emit(editor)
        editor.open()
        return editor

    # --- layout --------------------------------------------------------------------------------------
    def _build(self, layout: QVBoxLayout, d: PersonDetail) -> None:
        self.setWindowTitle(self.tr("Record: %1").replace("%1", d.full_name))
        name = QLabel(d.full_name)
        name.setObjectName("personName")
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts = [x for x in (d.post, d.rank_name, d.unit_name) if x]
        summary = QLabel(" · ".join(facts) if facts else self.tr("No current post, rank or unit recorded"))
        summary.setObjectName("pageSubtitle")
        summary.setWordWrap(True)
        status = QLabel(d.status_label)
        status.setObjectName("statusBadge")
        working = d.status in ("working", "seconded", "leave")
        status.setStyleSheet(
            "QLabel#statusBadge { border-radius: 10px; padding: 3px 10px; font-weight: 600; "
            + ("background: #e3f1e6; color: #1e6b34; }" if working else "background: #f1e7e3; color: #8a3b1e; }")
        )
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(name)
        titles.addWidget(summary)
        head.addLayout(titles, 1)
        head.addWidget(status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._identity_tab(d), self.tr("Personal details"))
        self.tabs.addTab(self._employment_tab(d), self.tr("Employment and posts"))
        self.tabs.addTab(self._salary_tab(d), self.tr("Rank and salary"))
        self.tabs.addTab(self._qualifications_tab(d), self.tr("Qualifications"))
        self.tabs.currentChanged.connect(lambda _i: self.fit_columns())
        layout.addWidget(self.tabs, 1)

    def _place(self, text: str, unit: str) -> str:
        """A place as written, with the official unit it is coded to when the text does not already end with it
        (an old name: 'Xã Phước Hòa, Huyện Tuy Phước, Tỉnh Bình Định — now Xã Tuy Phước Đông, Tỉnh Gia Lai')."""
        if not unit or text.endswith(unit):
            return text
        return self.tr("%1 — now %2").replace("%1", text).replace("%2", unit) if text else unit

    def _identity_tab(self, d: PersonDetail) -> QWidget:
        fields = [
            (self.tr("Full name"), d.full_name),
            (self.tr("Other names"), d.other_names),
            (self.tr("Sex"), fmt_gender(d.gender)),
            (self.tr("Date of birth"), fmt_birth(d.birth_date, d.birth_precision)),
            (self.tr("Place of birth"), self._place(d.birth_place, d.birth_place_unit)),
            (self.tr("Home town"), self._place(d.home_town, d.home_town_unit)),
            (self.tr("Ethnicity"), d.ethnicity),
            (self.tr("Religion"), d.religion),
            (self.tr("ID card number"), d.id_number),
            (self.tr("Personal identification number"), d.personal_id),
            (self.tr("ID issued on"), fmt_date(d.id_issue_date)),
            (self.tr("ID issued by"), d.id_issue_place),
            (self.tr("Permanent address"), self._place(d.permanent_address, d.permanent_address_unit)),
            (self.tr("Current address"), self._place(d.current_address, d.current_address_unit)),
            (self.tr("Phone"), d.phone),
            (self.tr("Email"), d.email),
            (self.tr("Staff number"), d.staff_code),
            (self.tr("Managing agency"), d.managing_agency),
            (self.tr("Social insurance number"), d.social_insurance_no),
            (self.tr("Health insurance card"), d.health_insurance_no),
            (self.tr("General education"), d.general_education),
            (self.tr("Joined the Party"), fmt_date(d.party_join_date)),
            (self.tr("Full Party member since"), fmt_date(d.party_official_date)),
        ]
        return self._form(fields)

    def _employment_tab(self, d: PersonDetail) -> QWidget:
        current = self._form([
            (self.tr("Unit"), d.unit_name),
            (self.tr("Category"), d.category),
            (self.tr("Post"), d.post),
            (self.tr("Status"), d.status_label),
        ], columns=2, scroll=False)
        employments = self._table("employments", [
            self.tr("Category"), self.tr("Unit"), self.tr("From"), self.tr("To"), self.tr("End reason"),
            self.tr("Recruited on"), self.tr("Decision"),
        ], [
            (e.category, e.unit_name, fmt_date(e.start_date), fmt_date(e.end_date), e.end_reason,
             fmt_date(e.recruitment_date), e.decision)
            for e in d.employments
        ], centered=(2, 3, 5), stretch_column=1)
        posts = self._table("posts", [
            self.tr("Post"), self.tr("Unit"), self.tr("Appointment"), self.tr("From"), self.tr("Term ends"),
            self.tr("To"), self.tr("Decision"),
        ], [
            (p.title + (self.tr(" (concurrent)") if p.is_concurrent else ""), p.unit_name, p.kind,
             fmt_date(p.start_date), fmt_date(p.term_end), fmt_date(p.end_date), p.decision)
            for p in d.posts
        ], centered=(3, 4, 5), stretch_column=1)
        return self._stack([
            (None, current),
            (self.tr("Employment history"), employments),
            (self.tr("Leadership posts"), posts),
        ])

    def _salary_tab(self, d: PersonDetail) -> QWidget:
        current = self._form([
            (self.tr("Rank"), d.rank_name),
            (self.tr("Step"), str(d.salary_step) if d.salary_step is not None else ""),
            (self.tr("Coefficient"), fmt_decimal(d.coefficient)),
        ], columns=3, scroll=False)
        ranks = self._table("ranks", [
            self.tr("Code"), self.tr("Rank"), self.tr("From"), self.tr("To"), self.tr("Decision"),
        ], [
            (r.rank_code, r.rank_name, fmt_date(r.effective_date), fmt_date(r.end_date), r.decision)
            for r in d.ranks
        ], centered=(0, 2, 3), stretch_column=1)
        steps = self._table("salary_steps", [
            self.tr("From"), self.tr("Rank"), self.tr("Class"), self.tr("Step"), self.tr("Coefficient"),
            self.tr("Percent"), self.tr("Next step counted from"), self.tr("Reason"), self.tr("Decision"),
        ], [
            (fmt_date(s.effective_date), s.rank_name, s.salary_class, str(s.step), fmt_decimal(s.coefficient),
             f"{s.percent}%", fmt_date(s.step_since), s.reason, s.decision)
            for s in d.salary_steps
        ], centered=(0, 2, 3, 4, 5, 6), stretch_column=1)
        return self._stack([
            (None, current),
            (self.tr("Ranks held"), ranks),
            (self.tr("Salary history"), steps),
        ])

    def _qualifications_tab(self, d: PersonDetail) -> QWidget:
        table = self._table("qualifications", [
            self.tr("Kind"), self.tr("Level"), self.tr("Major or language"), self.tr("Institution"),
            self.tr("Mode"), self.tr("Year"),
        ], [
            (q.kind, q.level + (self.tr(" (in progress)") if q.in_progress else ""), q.major, q.institution,
             q.mode, str(q.year) if q.year else "")
            for q in d.qualifications
        ], centered=(5,), stretch_column=3)
        return self._stack([(None, table)])

    # --- building blocks -----------------------------------------------------------------------------
    def _form(self, fields: list[tuple[str, str]], columns: int = 2, scroll: bool = True) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(16, 14, 16, 14)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(9)
        per_column = (len(fields) + columns - 1) // columns
        for i, (label, value) in enumerate(fields):
            col, row = divmod(i, per_column)
            caption = QLabel(label)
            caption.setObjectName("muted")
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text = QLabel(value or "—")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(caption, row, col * 2)
            grid.addWidget(text, row, col * 2 + 1)
        for c in range(columns):
            grid.setColumnStretch(c * 2 + 1, 1)
            grid.setColumnMinimumWidth(c * 2 + 1, 140)
        grid.setRowStretch(per_column, 1)
        if not scroll:
            return body
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(body)
        return area

    def _table(self, key: str, headers: list[str], rows: list[tuple[str, ...]], centered: tuple[int, ...],
               stretch_column: int) -> QWidget:
        """A history table as tall as its rows (up to the space there is); one column takes the spare width."""
        if not rows:
            empty = QLabel(self.tr("Nothing recorded."))
            empty.setObjectName("muted")
            return empty
        view = QTableView()
        view.setModel(RowsTableModel(headers, rows, centered, view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # columns are fitted instead
        row_height = self.fontMetrics().height() + 10
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(row_height)
        hh = view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setStretchLastSection(False)
        view.setProperty("stretch_column", stretch_column)
        # A few rows: the table is as tall as they are, the page's spare height stays below it.
        view.setMaximumHeight(hh.sizeHint().height() + row_height * len(rows) + 2 * view.frameWidth()
                              + 6)
        self.tables[key] = view
        return view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its content; when they do not all fit, only the widest ones give way."""
        for view in self.tables.values():
            if view.isVisible():
                fit_columns(view, int(view.property("stretch_column")))

    def _stack(self, parts: list[tuple[str | None, QWidget]]) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(12, 10, 12, 12)
        v.setSpacing(6)
        for title, widget in parts:
            if title:
                v.addSpacing(4)
                label = QLabel(title)
                label.setObjectName("sectionTitle")
                v.addWidget(label)
            v.addWidget(widget, 1 if isinstance(widget, QTableView) else 0)
        v.addStretch(1)
        return page



def fit_columns(view: QTableView, stretch_column: int) -> None:
    """Natural widths (header or content, whichever is wider); spare room goes to `stretch_column`;
    when the room is short, the columns above a common cap are cut to it (water-filling)."""
    hh = view.horizontalHeader()
    count = hh.count()
    natural = [max(view.sizeHintForColumn(i), hh.sectionSizeHint(i)) + 8 for i in range(count)]
    available = view.viewport().width()
    if available <= 0 or count == 0:
        return
    widths = list(natural)
    if sum(natural) <= available:
        widths[stretch_column] += available - sum(natural)
    else:
        cap, rest = available / count, sorted(natural)
        for i, width in enumerate(rest):  # lowest cap such that the capped widths fill the room
            remaining = count - i
            if width * remaining + sum(rest[:i]) >= available:
                cap = (available - sum(rest[:i])) / remaining
                break
        widths = [min(w, int(cap)) for w in natural]
    for i, width in enumerate(widths):
        hh.resizeSection(i, width)
