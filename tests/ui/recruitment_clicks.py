"""What an officer does on the recruitment screens, as clicks and keys: press a button, pick a tab, a list
item or a choice of a drop-down list, type into a field or a cell of a sheet, press OK in a dialog."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

LEFT = Qt.MouseButton.LeftButton


def click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), (widget.objectName(), getattr(widget, "text", lambda: "")())
    qtbot.mouseClick(widget, LEFT)


def click_tab(qtbot, tabs: QTabWidget, label: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == label)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def click_item(qtbot, view: QListWidget, item: QListWidgetItem, double: bool = False) -> None:
    view.scrollToItem(item)
    pos = view.visualItemRect(item).center()
    qtbot.mouseClick(view.viewport(), LEFT, pos=pos)
    if double:
        qtbot.mouseDClick(view.viewport(), LEFT, pos=pos)


def click_row(qtbot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the drop-down list with a click, move to the entry whose text starts with (else holds) `text` with the arrow
    keys and press Enter (the list ignores a mouse release that comes as fast as a test's)."""
    index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)),
                 next((i for i in range(combo.count()) if text in combo.itemText(i)), -1))
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    qtbot.mouseClick(combo, LEFT)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    step = Qt.Key.Key_Down if index > view.currentIndex().row() else Qt.Key.Key_Up
    for _ in range(abs(index - view.currentIndex().row())):
        qtbot.keyClick(view, step)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
    assert combo.currentIndex() == index, (text, combo.currentText())


def keys(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` as key presses; a Vietnamese letter arrives as the keyboard (or its input method) sends it,
    a key event carrying the letter (QTest's own typing knows only ASCII)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    """Click into the field, select what it holds and type over it."""
    qtbot.mouseClick(field, LEFT)
    field.selectAll()
    if text:
        keys(qtbot, field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == text


def type_cell(qtbot, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Double-click a cell of a sheet, type, press Enter."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    before = set(view.viewport().findChildren(QLineEdit))
    qtbot.mouseClick(view.viewport(), LEFT, pos=pos)
    qtbot.mouseDClick(view.viewport(), LEFT, pos=pos)
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible() and w not in before]
    assert len(editors) == 1, "the double-click opened no editor"
    editor = editors[0]
    editor.selectAll()
    keys(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible(), timeout=2000)
    assert view.model().data(index) == text, (view.model().data(index), text)


def tick_cell(qtbot, view: QAbstractItemView, row: int, column: int) -> None:
    """Click the tick box of a cell (drawn at its left edge)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))


def ok(qtbot, dialog: QDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def accepted(qtbot, dialog: QDialog) -> None:
    """Press OK and check the dialog closed (the service took it); else fail with what the dialog says."""
    ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.text()


def menu_choice(qtbot, button: QPushButton, text: str) -> None:
    """Open a button's menu with a click and click the entry starting with `text` (the menu runs its own loop,
    so the entry is clicked from a timer once the menu is up)."""
    from PySide6.QtCore import QTimer

    menu: QMenu = button.menu()
    action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))
    clicked: list[bool] = []

    def pick() -> None:
        if not menu.isVisible():
            QTimer.singleShot(20, pick)
            return
        qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
        clicked.append(True)

    QTimer.singleShot(20, pick)
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: bool(clicked), timeout=3000)


def fully_visible(widget: QWidget) -> bool:
    """The widget is shown and no part of it is cut off by its window or a parent."""
    return widget.isVisible() and widget.visibleRegion().boundingRect().size() == widget.size()


def seen_whole(dialog: QDialog) -> bool:
    """The dialog's error list is seen whole and nothing above it is squeezed below its minimum to make room."""
    need = dialog.layout().totalMinimumSize()
    return fully_visible(dialog.errors) and dialog.width() >= need.width() and dialog.height() >= need.height()


def found(qtbot, picker, name: str) -> QListWidgetItem:
    """The line of `name` in a person search once the search (run after a typing pause) has listed it."""
    def line() -> QListWidgetItem | None:
        return next((picker.results.item(i) for i in range(picker.results.count())
                     if picker.results.item(i).text().startswith(name + ",")), None)

    qtbot.waitUntil(lambda: line() is not None, timeout=3000)
    item = line()
    assert item is not None
    return item


def follow_link(qtbot, label: QWidget, href: str) -> None:
    """Follow a link of a rich-text label from the keyboard: click into the label, Tab to the link, Enter."""
    import re

    hrefs = re.findall(r"href='([^']*)'", label.text())
    assert href in hrefs, (href, hrefs)
    qtbot.mouseClick(label, LEFT, pos=QPoint(1, 1))
    label.setFocus()  # the click's focus, where the window is not active (offscreen)
    for _ in range(hrefs.index(href) + 1):
        qtbot.keyClick(label, Qt.Key.Key_Tab)
    qtbot.keyClick(label, Qt.Key.Key_Return)
