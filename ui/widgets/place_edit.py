"""The place field of the person editor: a line of text with a list of the official provinces and communes
(after 01/07/2025) that follows what is typed, without regard to diacritics or case. Picking a line writes the
unit's name and keeps its code; the officer may still write any text (a foreign place, a village before the
commune: 'Thôn 3, ' typed before the pick stays in front of it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from hrapp.domain import places

MAX_ROWS = 50


class PlaceEdit(QLineEdit):
    """`place()` is (text, code); the code is the picked unit's while the text still ends with its name."""

    picked = Signal(str)  # the code of the unit picked from the list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._code: str | None = None
        self._found: dict[str, str] = {}  # label shown in the list -> code
        self._typed_text = ""  # the text as typed, before the completer wrote its line into the field
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[str].connect(self._pick)
        self.textEdited.connect(self._typed)
        self.setPlaceholderText(QCoreApplication.translate(
            "PlaceEdit", "Type a commune or province (no accents needed), or any place"))

    # values -------------------------------------------------------------------------------------------
    def set_place(self, text: str | None, code: str | None) -> None:
        self.setText(text or "")
        self.setCursorPosition(0)
        self._code = code if code and places.fits(text, code) else None
        self._show_code()

    def place(self) -> tuple[str | None, str | None]:
        text = self.text().strip() or None
        return text, (self._code if self._code and places.fits(text, self._code) else None)

    def code(self) -> str | None:
        return self.place()[1]

    # typing and picking ---------------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._typed_text = text
        if self._code and not places.fits(text, self._code):
            self._code = None
            self._show_code()
        query = text.rsplit(",", 1)[-1] if "," in text and not self._matches_whole(text) else text
        found = places.search(query, MAX_ROWS) if len(query.strip()) >= 2 else ()
        self._found = {p.label: p.code for p in found}
        self._model.setStringList(list(self._found))
        if found:
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    @staticmethod
    def _matches_whole(text: str) -> bool:
        """Whether the whole text, commas and all, is the start of a unit's name ('tuy phuoc dong, gia')."""
        return bool(places.search(text, 1))

    def _pick(self, label: str) -> None:
        code = self._found.get(label)
        if code is None:
            return
        before = self._prefix_before_pick(self._typed_text, label)
        self.setText(before + label)
        self._code = code
        self._show_code()
        self.picked.emit(code)
        self.editingFinished.emit()

    def _prefix_before_pick(self, typed: str, label: str) -> str:
        """What was typed in front of the searched part ('Thôn 3, ' of 'Thôn 3, tuy phuoc'), kept."""
        if typed == label or "," not in typed or self._matches_whole(typed):
            return ""
        return typed.rsplit(",", 1)[0].rstrip() + ", "

    def _show_code(self) -> None:
        p = places.place(self._code)
        self.setToolTip(QCoreApplication.translate("PlaceEdit", "Official unit: %1 (code %2)")
                        .replace("%1", p.label).replace("%2", p.code) if p else
                        QCoreApplication.translate("PlaceEdit", "Free text: no official unit picked"))
