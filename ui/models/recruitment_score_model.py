"""The score sheet on screen: one row per candidate of a round (by candidate number), one editable column per
part, an 'absent' tick; edits are kept until saved together (one service call)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from hrapp.errors import ValidationError
from hrapp.queries.recruitment import CandidateInfo
from hrapp.services import recruitment as rec
from ui.dialogs.recruitment_fields import parse_score
from ui.formatting import fmt_date, fmt_decimal

Index = QModelIndex | QPersistentModelIndex
EDITED = QColor("#fff4ce")


translate = QCoreApplication.translate


@dataclass(frozen=True)
class ScorePart:
    code: str
    label: str
    maximum: Decimal


class ScoreTableModel(QAbstractTableModel):
    """Columns: SBD, name, birth date, position, the parts, total or result, absent, note."""

    FIXED = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.round_no = 2
        self.parts: list[ScorePart] = []
        self.rows: list[CandidateInfo] = []
        self.pending: dict[tuple[int, str], str] = {}
        self.absent: dict[int, bool] = {}
        self.editable = True

    # --- loading ------------------------------------------------------------------------------------
    def load(self, candidates: Sequence[CandidateInfo], parts: Sequence[ScorePart], round_no: int,
             editable: bool) -> None:
        self.beginResetModel()
        self.round_no = round_no
        self.parts = list(parts)
        self.rows = sorted(candidates, key=lambda c: (c.sbd or "~", c.full_name))
        self.pending = {}
        self.absent = {}
        self.editable = editable
        self.endResetModel()

    @property
    def dirty(self) -> bool:
        return bool(self.pending or self.absent)

    def row_of_sbd(self, sbd: str) -> int:
        return next((i for i, c in enumerate(self.rows) if c.sbd == sbd), -1)

    def part_column(self, code: str) -> int:
        return self.FIXED + next(i for i, p in enumerate(self.parts) if p.code == code)

    @property
    def absent_column(self) -> int:
        return self.FIXED + len(self.parts) + 1

    # --- Qt model -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.FIXED + len(self.parts) + 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        fixed = [translate("ScoreTableModel", "Cand. no."), translate("ScoreTableModel", "Full name"),
                 translate("ScoreTableModel", "Date of birth"), translate("ScoreTableModel", "Position")]
        if section < self.FIXED:
            return fixed[section]
        k = section - self.FIXED
        if k < len(self.parts):
            p = self.parts[k]
            if self.round_no == 1:
                unit = translate("ScoreTableModel", "questions")
            else:
                unit = translate("ScoreTableModel", "max")
            return f"{p.label} ({unit} {fmt_decimal(p.maximum, 0)})"
        total = translate("ScoreTableModel", "Result") if self.round_no == 1 else translate("ScoreTableModel", "Round 2")
        return [total, translate("ScoreTableModel", "Absent"), translate("ScoreTableModel", "Note")][k - len(self.parts)]

    def _exempt(self, c: CandidateInfo, part: str) -> bool:
        return self.round_no == 1 and part in c.exemptions

    def _is_absent(self, c: CandidateInfo) -> bool:
        if c.id in self.absent:
            return self.absent[c.id]
        return any(s.absent for s in c.scores if s.round_no == self.round_no)

    def _cell_text(self, c: CandidateInfo, part: ScorePart) -> str:
        if (c.id, part.code) in self.pending:
            return self.pending[(c.id, part.code)]
        if self._exempt(c, part.code):
            return translate("ScoreTableModel", "exempt")
        s = c.score(self.round_no, part.code)
        if s is None or s.value is None:
            return ""
        return fmt_decimal(s.value, 0 if self.round_no == 1 else 2)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        col = index.column()
        k = col - self.FIXED
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return c.sbd or ""
            if col == 1:
                return c.full_name
            if col == 2:
                return fmt_date(c.birth_date)
            if col == 3:
                return next((p.position_name for p in c.preferences if p.eligible), c.first_position)
            if 0 <= k < len(self.parts):
                return self._cell_text(c, self.parts[k])
            if k == len(self.parts):
                if self.round_no == 1:
                    if c.round1_passed is None:
                        return ""
                    return translate("ScoreTableModel", "Passed") if c.round1_passed else \
                        translate("ScoreTableModel", "Failed")
                return fmt_decimal(c.round2, 2) if c.round2 is not None else ""
            if k == len(self.parts) + 2:
                notes = []
                if any(s.changes for s in c.scores if s.round_no == self.round_no):
                    notes.append(translate("ScoreTableModel", "re-marked"))
                if self.round_no == 1 and c.round1_reason and c.round1_passed is False:
                    notes.append(c.round1_reason)
                return "; ".join(notes)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and k == len(self.parts) + 2:
            return self.data(index) or None
        if role == Qt.ItemDataRole.CheckStateRole and k == len(self.parts) + 1:
            return Qt.CheckState.Checked if self._is_absent(c) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if 0 <= k < len(self.parts) and (c.id, self.parts[k].code) in self.pending:
                return QBrush(EDITED)
            if k == len(self.parts) + 1 and c.id in self.absent:
                return QBrush(EDITED)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != 1 and col != 3:
            if k == len(self.parts) + 2:  # the note reads as text
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or not self.editable:
            return base
        k = index.column() - self.FIXED
        c = self.rows[index.row()]
        if 0 <= k < len(self.parts) and not self._exempt(c, self.parts[k].code) and not self._is_absent(c):
            return base | Qt.ItemFlag.ItemIsEditable
        if k == len(self.parts) + 1:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        c = self.rows[index.row()]
        k = index.column() - self.FIXED
        if role == Qt.ItemDataRole.EditRole and 0 <= k < len(self.parts):
            self.pending[(c.id, self.parts[k].code)] = str(value).strip()
            self.dataChanged.emit(index, index)
            return True
        if role == Qt.ItemDataRole.CheckStateRole and k == len(self.parts) + 1:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.absent[c.id] = checked
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
            return True
        return False

    # --- saving -------------------------------------------------------------------------------------
    def entries(self) -> tuple[rec.ScoreEntry, ...]:
        """The edited cells as score entries; a typing mistake is reported with the candidate number."""
        out: list[rec.ScoreEntry] = []
        errors: list[tuple[str, str]] = []
        by_id = {c.id: c for c in self.rows}
        for cid, absent in self.absent.items():
            if absent:
                for p in self.parts:
                    if not self._exempt(by_id[cid], p.code):
                        out.append(rec.ScoreEntry(cid, p.code, None, absent=True))
        for (cid, part), text in self.pending.items():
            if self.absent.get(cid):
                continue
            try:
                value = parse_score(text)
            except ValueError:
                c = by_id[cid]
                message = translate("ScoreTableModel", "%1 (%2): “%3” is not a score.")
                errors.append(("value", message.replace("%1", c.full_name).replace("%2", c.sbd or "")
                               .replace("%3", text)))
                continue
            out.append(rec.ScoreEntry(cid, part, value))
        for cid, absent in self.absent.items():
            # un-ticking 'absent' without typing a score clears the absent marks
            if not absent:
                for p in self.parts:
                    if (cid, p.code) not in self.pending and not self._exempt(by_id[cid], p.code):
                        out.append(rec.ScoreEntry(cid, p.code, None, absent=False))
        if errors:
            raise ValidationError(errors)
        return tuple(out)
