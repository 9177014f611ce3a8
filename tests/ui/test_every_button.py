"""Every button does what it says, and every file it writes is confirmed: the real main window on the demo
department, every page and the dialogs its buttons open, every enabled push and tool button clicked and every
enabled menu action triggered.

File dialogs, message boxes and modal `exec()` are intercepted (what was asked is recorded; a save dialog gets a
file in a temporary folder, an open dialog is cancelled, a question is answered "No"). A click fails the test when
it raises, or when it changes nothing the officer can see: no dialog asked or opened, no background task, no
page change, no message, no list reloaded, nothing shown, hidden, enabled or written differently on screen;
and when a file chosen in a save dialog was written without a notice naming it (with "Open file" and "Open
folder"). Not clicked: the menu actions in SKIPPED_ACTIONS and the own buttons of NOT_EXPLORED dialogs, each
with its reason below; disabled buttons (the walk selects the first row of every list first, so most are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

from ui.pages import registry
from ui.tasks import Task, running_tasks
from ui.widgets.notice import Notice

TASK_TIMEOUT_MS = 60_000

# Menu actions not triggered, with the reason. Everything else enabled is triggered.
SKIPPED_ACTIONS = {
    "act_quit": "closes the main window (the window's close is tested in test_main_window)",
    "act_new_db": "replaces the open database with a new one (the first start is tested in test_first_start)",
    "act_sign_out": "hides the window to sign in again (accounts are off in the demo; tested in test_login_dialog)",
}
# Dialogs whose own buttons are not clicked: Qt's print preview toolbar is Qt's, and its print and page set-up
# buttons run C++ modal loops no Python patch reaches (the preview has its own tests).
NOT_EXPLORED = (QPrintPreviewDialog, QProgressDialog, QMessageBox, QFileDialog)


@dataclass
class Recorder:
    """What the intercepted dialogs were asked, and what else the officer would see happen."""

    folder: Path
    asked: list[str] = field(default_factory=list)
    saved_as: list[Path] = field(default_factory=list)  # the files the save dialogs answered
    tasks: int = 0
    opened_urls: list[str] = field(default_factory=list)

    def save_name(self, caption: str, directory: str, file_filter: str) -> str:
        self.asked.append(f"save dialog: {caption}")
        match = re.search(r"\*(\.[A-Za-z0-9]+)", file_filter or "") or re.search(r"(\.[A-Za-z0-9]+)$",
                                                                                  directory or "")
        suffix = match.group(1) if match else ".out"
        path = self.folder / f"file_{len(self.asked)}{suffix}"
        self.saved_as.append(path)
        return str(path)


def _arg(args: tuple, kwargs: dict, index: int, name: str) -> str:
    if len(args) > index:
        return str(args[index] or "")
    return str(kwargs.get(name, "") or "")


@pytest.fixture
def recorder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    rec = Recorder(tmp_path / "written")
    rec.folder.mkdir()

    def save_file(*args: Any, **kwargs: Any) -> tuple[str, str]:
        return rec.save_name(_arg(args, kwargs, 1, "caption"), _arg(args, kwargs, 2, "dir"),
                             _arg(args, kwargs, 3, "filter")), ""

    def open_file(*args: Any, **kwargs: Any) -> tuple[str, str]:
        rec.asked.append(f"open dialog: {_arg(args, kwargs, 1, 'caption')}")
        return "", ""

    def open_files(*args: Any, **kwargs: Any) -> tuple[list[str], str]:
        rec.asked.append(f"open dialog: {_arg(args, kwargs, 1, 'caption')}")
        return [], ""

    def folder(*args: Any, **kwargs: Any) -> str:
        rec.asked.append(f"folder dialog: {_arg(args, kwargs, 1, 'caption')}")
        return ""

    def box(kind: str, answer: QMessageBox.StandardButton):
        def show(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
            rec.asked.append(f"{kind}: {_arg(args, kwargs, 1, 'title')}: {_arg(args, kwargs, 2, 'text')}")
            return answer

        return show

    def box_exec(self: QMessageBox) -> int:
        rec.asked.append(f"message: {self.windowTitle()}: {self.text()}")
        return int(QMessageBox.StandardButton.No.value)

    def dialog_exec(self: QDialog) -> int:
        rec.asked.append(f"modal dialog: {type(self).__name__}: {self.windowTitle()}")
        return int(QDialog.DialogCode.Rejected.value)

    def input_dialog(*args: Any, **kwargs: Any) -> tuple[str, bool]:
        rec.asked.append(f"input dialog: {_arg(args, kwargs, 1, 'title')}")
        return "", False

    def open_url(url: Any) -> bool:
        rec.opened_urls.append(url.toString())
        rec.asked.append(f"opened: {url.toString()}")
        return True

    start = Task.start

    def task_start(self: Task) -> Task:
        rec.tasks += 1
        return start(self)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_files)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "warning", box("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", box("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", box("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", box("about", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    monkeypatch.setattr(QFileDialog, "exec", dialog_exec)
    for name in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, input_dialog)
    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    monkeypatch.setattr(Task, "start", task_start)
    return rec


# --------------------------------------------------------------------------------------------- what is seen


def _ignored(widget: QWidget) -> bool:
    """Qt's own inner buttons (tab scrolling, calendar pages, spin arrows, line-edit clear) are not the app's."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QTabBar, QCalendarWidget, QAbstractSpinBox, QLineEdit, QScrollBar, QComboBox,
                               QPrintPreviewDialog)):
            return True
        parent = parent.parentWidget()
    return False


def _state(widget: QWidget) -> Any:
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text(), widget.isEnabled(), widget.isChecked()
    if isinstance(widget, QLineEdit):
        return widget.text(), widget.selectedText(), widget.isEnabled()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return hash(widget.toPlainText())
    if isinstance(widget, QAbstractItemView):
        model = widget.model()
        rows = model.rowCount() if model is not None else 0
        return rows, widget.currentIndex().row(), widget.isEnabled()
    if isinstance(widget, (QTabWidget, QStackedWidget)):
        return widget.currentIndex()
    if isinstance(widget, QComboBox):
        return widget.currentText(), widget.count(), widget.isEnabled()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text(), widget.isEnabled()
    return widget.isEnabled()


def snapshot(app: QApplication) -> dict[int, Any]:
    """Every widget shown on screen, with what it shows; the status bar's message and the focus too."""
    seen: dict[int, Any] = {}
    for top in app.topLevelWidgets():
        if not top.isVisible():
            continue
        seen[id(top)] = ("window", type(top).__name__, top.windowTitle())
        status = getattr(top, "statusBar", None)
        if callable(status):
            seen[-id(top)] = status().currentMessage()
        for w in top.findChildren(QWidget):
            if w.isVisible():
                seen[id(w)] = _state(w)
    focus = app.focusWidget()
    seen[0] = id(focus) if focus is not None else None
    return seen


class ModelWatch(QObject):
    """Counts resets, inserts, removals and changed cells of the models of the views on screen."""

    SIGNALS = ("modelReset", "rowsInserted", "rowsRemoved", "dataChanged", "layoutChanged")

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self._models: set[int] = set()

    def watch(self, app: QApplication) -> None:
        """Follow the models of the views now on screen (each model once)."""
        for top in app.topLevelWidgets():
            if not top.isVisible():
                continue
            for view in top.findChildren(QAbstractItemView):
                model = view.model()
                if view.isVisible() and model is not None and id(model) not in self._models:
                    self._models.add(id(model))
                    for name in self.SIGNALS:
                        getattr(model, name).connect(self.bump)

    @Slot()
    def bump(self) -> None:
        self.count += 1


@dataclass
class Walk:
    """The state of the walk: what was clicked, what failed, what was left out and why."""

    app: QApplication
    qtbot: Any
    recorder: Recorder
    window: Any
    clicked: list[str] = field(default_factory=list)
    dead: list[str] = field(default_factory=list)
    raised: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    done_ids: set[int] = field(default_factory=set)
    explored: set[tuple[str, str]] = field(default_factory=set)
    in_click: bool = False
    closed: list[QWidget] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # clicks that wrote a file chosen in a save dialog
    unconfirmed: list[str] = field(default_factory=list)  # ... without a notice naming it
    models: ModelWatch = field(default_factory=ModelWatch)

    def settle(self) -> None:
        """Let queued signals arrive and background work finish."""
        self.qtbot.waitUntil(lambda: not running_tasks(), timeout=TASK_TIMEOUT_MS)
        self.app.processEvents()
        self.qtbot.waitUntil(lambda: not running_tasks(), timeout=TASK_TIMEOUT_MS)

    def unblock(self) -> None:
        """A net under the patches: a modal loop or popup menu Qt runs in C++ is recorded and closed."""
        if not self.in_click:
            return
        popup = self.app.activePopupWidget()
        if popup is not None:
            self.recorder.asked.append(f"popup: {type(popup).__name__}")
            popup.close()
        modal = self.app.activeModalWidget()
        if isinstance(modal, QDialog) and modal.property("walk_seen") is None and not modal.isHidden():
            if isinstance(modal, (QProgressDialog,)):
                return
            self.recorder.asked.append(f"modal loop: {type(modal).__name__}")
            modal.setProperty("walk_seen", True)
            modal.reject()

    def act(self, name: str, do: Any, *, allow_close: bool = False) -> list[QWidget]:
        """Run one click; record a failure when it raises or changes nothing. Returns the windows it opened."""
        before_tops = {id(t) for t in self.app.topLevelWidgets() if t.isVisible()}
        before = snapshot(self.app)
        asked, tasks, area = len(self.recorder.asked), self.recorder.tasks, self.window.current_area()
        saves = len(self.recorder.saved_as)
        self.models.watch(self.app)
        changes = self.models.count
        self.in_click = True
        try:
            with self.qtbot.captureExceptions() as exceptions:
                do()
                self.in_click = False
                self.settle()
        finally:
            self.in_click = False
        self.clicked.append(name)
        if exceptions:
            self.raised.append(f"{name}: {exceptions[0][1]!r}")
        opened = [t for t in self.app.topLevelWidgets()
                  if t.isVisible() and id(t) not in before_tops and not isinstance(t, QMenu)]
        seen = (len(self.recorder.asked) > asked or self.recorder.tasks > tasks or opened or self.models.count > changes
                or self.window.current_area() != area or snapshot(self.app) != before)
        if not seen and not exceptions:
            self.dead.append(name)
        for asked_for in self.recorder.saved_as[saves:]:
            self.check_confirmed(name, asked_for)
        return opened

    def check_confirmed(self, name: str, asked_for: Path) -> None:
        """A file written after a save dialog is confirmed by a notice naming it, with Open file/Open folder."""
        written = {p.resolve() for p in asked_for.parent.glob(asked_for.stem + "*")}  # a suffix may be added
        if not written:
            return  # refused (nothing to save): the refusal is what the officer sees
        self.files.append(name)
        for top in self.app.topLevelWidgets():
            for notice in top.findChildren(Notice):
                if notice.isVisible() and notice.path is not None and notice.path.resolve() in written \
                        and notice.open_file_button.isVisible() and notice.open_folder_button.isVisible():
                    return
        self.unconfirmed.append(name)

    # --- buttons -----------------------------------------------------------------------------------------
    def buttons(self, root: QWidget) -> Iterator[QAbstractButton]:
        for b in root.findChildren(QAbstractButton):
            if (isinstance(b, (QPushButton, QToolButton)) and id(b) not in self.done_ids and b.isVisible()
                    and not _ignored(b)):
                yield b

    def label(self, where: str, button: QAbstractButton) -> str:
        text = button.text().replace("&", "") or button.toolTip() or button.objectName() or type(button).__name__
        return f"{where} › {text}"

    def click_all(self, where: str, root: QWidget, depth: int, final: bool = True) -> int:
        """Click the enabled buttons of `root` on screen, the closing ones of a dialog last, until none is left;
        a "← back" button or a dialog's own OK/Close only when `final` (so what they leave is walked first).
        Returns the clicks made."""
        made = 0
        while True:
            select_first_rows(root)  # again: a click may have reloaded a list
            pending = [b for b in self.buttons(root) if b.isEnabled() and (final or not _leaves(root, b))]
            if isinstance(root, QDialog):
                pending.sort(key=lambda b: _closes(b))
            if not pending:
                return made
            button = pending[0]
            self.done_ids.add(id(button))
            made += 1
            if button.menu() is not None:  # a button with a menu: each of its actions is a button of its own
                for action in button.menu().actions():
                    if action.isEnabled() and action.isVisible() and not action.isSeparator():
                        self.trigger(f"{self.label(where, button)} › {action.text().replace('&', '')}", action,
                                     depth)
                continue
            self.press(self.label(where, button), button, depth)
            if isinstance(root, QDialog) and not root.isVisible():
                return made

    def walk_root(self, where: str, root: QWidget, depth: int, area: str | None = None) -> None:
        """Every tab of `root`, and its buttons on each (a way back last); a page a click left is shown again."""
        visited: set[tuple[int, int]] = set()
        while root.isVisible() or area is not None:
            self.click_all(where, root, depth, final=False)
            if area is not None and self.window.current_area() != area:  # a button went to another page
                self.window.show_area(area)
                self.settle()
                continue
            if not root.isVisible():
                return
            todo = [(t, i) for t in tab_widgets(root) for i in range(t.count())
                    if (id(t), i) not in visited and t.isTabEnabled(i)]
            if not todo:
                if self.click_all(where, root, depth):
                    continue  # a way back: what it shows is walked too
                return
            tabs, index = todo[0]
            visited.add((id(tabs), index))
            tabs.setCurrentIndex(index)
            self.settle()

    def press(self, name: str, button: QAbstractButton, depth: int) -> None:
        opened = self.act(name, lambda: self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
        self.follow(name, opened, depth)

    def trigger(self, name: str, action: QAction, depth: int) -> None:
        opened = self.act(name, action.trigger)
        self.follow(name, opened, depth)

    def follow(self, name: str, opened: list[QWidget], depth: int) -> None:
        """Explore a dialog a click opened (once per kind of dialog, one level deep), then close it."""
        for top in opened:
            kind = type(top).__name__
            if depth == 0 and isinstance(top, QDialog) and not isinstance(top, NOT_EXPLORED) \
                    and (kind, top.windowTitle()) not in self.explored:
                self.explored.add((kind, top.windowTitle()))  # a new record's editor and a record's differ
                self.walk_root(f"{name} › {kind}", top, depth + 1)
            close(top)
            self.closed.append(top)
        self.app.processEvents()


def _leaves(root: QWidget, button: QAbstractButton) -> bool:
    """A way back from a page's detail, or the button box of a dialog."""
    return button.text().startswith("←") or (isinstance(root, QDialog) and _closes(button))


def _closes(button: QAbstractButton) -> bool:
    box = button.parentWidget()
    if isinstance(box, QDialogButtonBox):
        return box.buttonRole(button) in (QDialogButtonBox.ButtonRole.RejectRole,
                                          QDialogButtonBox.ButtonRole.AcceptRole,
                                          QDialogButtonBox.ButtonRole.DestructiveRole)
    return False


def close(top: QWidget) -> None:
    """Take a window away without asking (a changed form would ask whether to discard its changes)."""
    if not top.isVisible():
        return
    top.hide()
    if isinstance(top, QDialog):
        top.setResult(QDialog.DialogCode.Rejected.value)


def select_first_rows(root: QWidget) -> None:
    """Select the first row of each list on screen, so the buttons that act on a selection can be clicked."""
    for view in root.findChildren(QAbstractItemView):
        model, selection = view.model(), view.selectionModel()
        if not view.isVisible() or model is None or selection is None or model.rowCount() == 0:
            continue
        if selection.hasSelection():
            continue
        index = model.index(0, 0)
        if model.rowCount(index):  # a group heading: its first row
            index = model.index(0, 0, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        view.setCurrentIndex(index)
        selection.select(index, flags)


def tab_widgets(root: QWidget) -> list[QTabWidget]:
    return [t for t in root.findChildren(QTabWidget) if t.isVisible()]


# --------------------------------------------------------------------------------------------------- the test


@pytest.fixture(params=["demo", "empty"])
def walked_window(request, qtbot, recorder):
    """The main window on the demo department, or on a new, empty database (a department's first day)."""
    from ui.main_window import MainWindow

    ctx = request.getfixturevalue("demo_ctx" if request.param == "demo" else "ctx")
    w = MainWindow(ctx, start_area="tasks")
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    qtbot.waitExposed(w)
    for other in QApplication.topLevelWidgets():  # a window an earlier test of this process left shown
        if other is not w and other.isVisible() and other.isWindow():
            other.hide()

    def active() -> bool:
        if QApplication.activeWindow() is not w:
            w.raise_()
            w.activateWindow()
        return QApplication.activeWindow() is w

    qtbot.waitUntil(active, timeout=20_000)
    return w


def test_every_button_and_menu_action_does_something_visible(qtbot, qapp, walked_window, recorder):
    window = walked_window
    demo = window.page("staff").model.rowCount() > 0
    walk = Walk(qapp, qtbot, recorder, window)
    net = QTimer()
    net.setInterval(250)
    net.timeout.connect(walk.unblock)
    net.start()
    walk.settle()

    for area in registry.AREAS:
        page = window.show_area(area.key)
        walk.settle()
        walk.walk_root(registry.title(area), page, 0, area=area.key)

    # The menus, from the staff list (Save, Print and New act on the page shown).
    actions = {name: getattr(window, name) for name in dir(window) if name.startswith("act_")}
    actions.update({name: getattr(window.session_actions, name) for name in dir(window.session_actions)
                    if name.startswith("act_")})
    for name, action in sorted(actions.items()):
        if name in SKIPPED_ACTIONS:
            walk.skipped[name] = SKIPPED_ACTIONS[name]
            continue
        window.show_area("staff")
        walk.settle()
        window.activateWindow()
        qtbot.waitUntil(lambda: qapp.activeWindow() is window)
        window.sidebar.setFocus()  # as after choosing the page in the navigation
        if action.isEnabled() and action.isVisible():
            walk.trigger(f"menu › {action.text().replace('&', '')}", action, 0)
    for action in window.area_actions:
        window.show_area("staff" if action is not window.area_actions[4] else "tasks")
        walk.settle()
        walk.trigger(f"menu › {action.text()}", action, 0)
    net.stop()
    # The windows the walk opened and closed go now: what a form looks like after a refused save is for the
    # tests of that form (the size check of tests/ui/conftest.py would otherwise judge the walk's leftovers).
    for top in walk.closed:
        if not top.isVisible():
            top.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    print(f"\n{len(walk.clicked)} clicks, {len(walk.files)} files written; menu actions skipped: {walk.skipped}; dialogs whose own buttons are not "
          f"clicked: {[c.__name__ for c in NOT_EXPLORED]}")
    assert walk.raised == [], f"clicks that raised: {walk.raised}"
    assert walk.dead == [], f"clicks that changed nothing the officer can see: {walk.dead}"
    assert walk.unconfirmed == [], f"files written without a confirmation naming them: {walk.unconfirmed}"
    # the walk reached the pages' buttons, dialogs and exports, not just the menus
    assert len(walk.files) > (20 if demo else 5)
    assert len(walk.clicked) > (150 if demo else 60)
    assert {"Hồ sơ CCVC › Xuất Excel…", "Hồ sơ CCVC › Nhập từ Excel… › ImportDialog › Tải mẫu nhập…"} \
        <= set(walk.clicked)
