"""Typing Vietnamese as an officer's keyboard does: QTest only knows ASCII keys, so letters with diacritics
arrive as key events carrying their text, as a Vietnamese input method (Unikey, EVKey) delivers them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Key presses into `widget`, one per character (ASCII through QTest, the rest as text key events)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def retype(qtbot, field, text: str) -> None:
    """Select what the field holds and type over it (Ctrl+A, then the keys)."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)



def choose(qtbot, combo, starts_with: str) -> None:
    """Open the combo's list with a click, move to the first item whose text starts with `starts_with` with
    the arrow keys and press Enter."""
    row = next(i for i in range(combo.count()) if combo.itemText(i).startswith(starts_with))
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    for _ in range(combo.count()):
        if view.currentIndex().row() == row:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down if view.currentIndex().row() < row else Qt.Key.Key_Up)
    assert view.currentIndex().row() == row, f"cannot reach “{combo.itemText(row)}” with the arrow keys"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
