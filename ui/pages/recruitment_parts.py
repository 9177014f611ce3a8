"""What the recruitment page's parts share: the table, its column fitting, a button, the selected row, the stages
of a round in the domain's order, and what a tab asks of the round it shows (RoundView)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QPushButton,
    QTableView,
)

from hrapp.context import ServiceContext
from hrapp.domain.recruitment import ROUND_STATUSES
from hrapp.queries.recruitment import (
    RoundInfo,
)
from ui.widgets.forms import ErrorBox


class RoundPage(Protocol):
    """The page a round is shown in: its list of rounds and its status line."""

    status_message: SignalInstance  # BasePage's Signal(str)

    def load_rounds(self) -> None: ...


class RoundView(Protocol):
    """The round a tab shows and acts on (ui.pages.recruitment_page.RoundDetail)."""

    page: RoundPage
    info: RoundInfo | None
    error: ErrorBox

    @property
    def ctx(self) -> ServiceContext: ...

    def reload(self) -> None: ...

    def guarded(self, action: Callable[[], Any]) -> Any: ...

    def dialog(self, dialog: QDialog, message: str = "") -> QDialog: ...


STATUS_ORDER = ROUND_STATUSES  # the stages of a round, as the domain orders them


def table(model: Any = None) -> QTableView:
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


def fit(view: QTableView, wide: tuple[int, ...] = (), cap: int = 380) -> None:
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


def button(text: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(lambda: slot())
    if tip:
        b.setToolTip(tip)
    return b


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1
