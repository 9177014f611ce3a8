"""Every page of the main window fits a 1366×768 screen on the demo department: no table or tree header is
clipped (each header's text, in the bold header font with its padding, fits its section), every column of
every table and tree is in view without scrolling sideways (the visible columns together fit the viewport, no
horizontal scroll bar), and no button, check box or one-line label is squeezed below its size hint or runs off
the window. The header, button and sideways-scrolling checks also run at 125% and 150% display scaling in a
child process, where the screen offers 1366×768 physical pixels, that is fewer logical ones (there the lists
named in `STILL_SCROLL` may still scroll sideways)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
)

from hrapp import clock
from ui.pages.registry import AREAS

WIDTH, HEIGHT = 1366, 768
HEADER_PADDING = 2 * 6  # the style sheet's QHeaderView::section padding, left and right
ROOT = Path(__file__).resolve().parents[2]


def header_of(view: QAbstractItemView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()  # type: ignore[attr-defined]


def clipped_headers(view: QAbstractItemView) -> list[str]:
    """The header texts wider than their sections (hidden sections and empty titles aside)."""
    header = header_of(view)
    model = view.model()
    if model is None or not header.isVisible():
        return []
    font = QFont(header.font())
    font.setBold(True)  # the style sheet's font-weight: 600
    metrics = QFontMetrics(font)
    out = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        need = max(metrics.horizontalAdvance(line) for line in str(text).split("\n")) + HEADER_PADDING
        if header.sectionSize(section) < need:
            out.append(f"{text!r}: {header.sectionSize(section)} < {need}")
    return out


def elided_key_column(view: QAbstractItemView) -> list[str]:
    """The first column (the name or code a row is known by) narrower than its rows in view need."""
    header = header_of(view)
    model = view.model()
    if model is None or model.rowCount() == 0 or header.isSectionHidden(0) or header.count() < 2:
        return []
    if header.stretchLastSection() and header.logicalIndex(header.count() - 1) == 0:
        return []
    if view.wordWrap():  # a long name wraps onto more lines: the column holds its longest word
        metrics = view.fontMetrics()
        texts = [str(model.data(model.index(r, 0)) or "") for r in range(model.rowCount())]
        need = max((metrics.horizontalAdvance(w) for t in texts for w in t.split()), default=0)
    else:
        need = view.sizeHintForColumn(0)
    return [f"first column {header.sectionSize(0)} < {need}"] if header.sectionSize(0) < need else []


def squeezed_buttons(root) -> list[str]:
    """Push buttons and tool buttons with a text narrower than they ask for (Qt's own icon buttons inside
    fields, such as a line edit's clear button, aside)."""
    return [f"{b.text()!r}: {b.width()} < {b.sizeHint().width()}"
            for b in root.findChildren(QAbstractButton)
            if (isinstance(b, QPushButton) or (isinstance(b, QToolButton) and b.text()))
            and not isinstance(b.parent(), QLineEdit) and b.isVisible() and b.width() < b.sizeHint().width()]


def scrolls_sideways(view: QAbstractItemView) -> list[str]:
    """The visible columns together wider than the viewport, or a horizontal scroll bar on show."""
    header = header_of(view)
    if view.model() is None or not header.isVisible():
        return []
    total = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    out = []
    if total > view.viewport().width():
        out.append(f"columns {total} > viewport {view.viewport().width()}")
    if view.horizontalScrollBar().isVisible():
        out.append("horizontal scroll bar shown")
    return out


def cut_boxes_and_labels(root) -> list[str]:
    """Check boxes and one-line labels narrower than their text needs (labels that wrap, or that show a
    picture or nothing, aside)."""
    out = []
    for w in root.findChildren(QCheckBox):
        if w.isVisible() and w.width() < w.sizeHint().width():
            out.append(f"check box {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
        elif w.isVisible() and beyond_the_window(w):
            out.append(f"check box {w.text()!r} runs off the window")
    for w in root.findChildren(QLabel):
        if not w.isVisible() or not w.text() or not w.pixmap().isNull():
            continue
        if not w.wordWrap() and w.width() < w.sizeHint().width():
            out.append(f"label {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
        elif beyond_the_window(w):
            out.append(f"label {w.text()!r} runs off the window")
    return out


def beyond_the_window(widget) -> bool:
    """Part of the widget lies right of its window's edge (its page is wider than the window shows)."""
    window = widget.window()
    right = widget.mapTo(window, widget.rect().topRight()).x()
    return right >= window.width()


def settled(check, seconds: float = 3.0) -> list[str]:
    """The check's problems once Qt has laid out: a view shows or hides its scroll bars on a later turn of the
    event loop (delayed item layout), which a loaded machine runs late; what remains after `seconds` is real."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtTest import QTest

    found = check()
    deadline = QDeadlineTimer(int(seconds * 1000))
    while found and not deadline.hasExpired():
        QTest.qWait(50)
        found = check()
    return found


def page_problems(window, key: str, wait, whole: bool = True,
                  sideways: bool | None = None) -> list[str]:
    """What does not fit on the page, on each tab of its tab widgets in turn (with `whole`, also no check box
    or label cut; with `sideways`, by default as `whole`, every column in view without scrolling sideways)."""
    from ui.tasks import running_tasks

    sideways = whole if sideways is None else sideways

    page = window.page(key)
    problems: set[str] = set()

    def look(where: str) -> None:
        problems.update(f"{key}{where}: button {p}" for p in squeezed_buttons(page))
        if whole:
            problems.update(f"{key}{where}: {p}" for p in cut_boxes_and_labels(page))
        for view in page.findChildren(QAbstractItemView):
            if isinstance(view, (QTableView, QTreeView)) and view.isVisible():
                name = model_name(view)
                problems.update(f"{key}{where}: {name} header {p}" for p in clipped_headers(view))
                problems.update(f"{key}{where}: {name} {p}" for p in elided_key_column(view))
                if sideways:
                    problems.update(f"{key}{where}: {name} {p}" for p in settled(lambda v=view: scrolls_sideways(v)))

    look("")
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        first = tabs.currentIndex()
        for i in range(tabs.count()):
            if tabs.isTabEnabled(i) and tabs.isTabVisible(i):
                tabs.setCurrentIndex(i)
                wait(lambda: not running_tasks())
                look(f" [{tabs.tabText(i)}]")
        tabs.setCurrentIndex(first)
    return sorted(problems)


def model_name(view: QAbstractItemView) -> str:
    model = view.model()
    first = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) if model else ""
    return f"{type(view).__name__}({first!s})".replace("\n", " ")


def open_every_page(window, wait, whole: bool = True,
                    sideways: bool | None = None) -> list[str]:
    """Show each area in turn, let its lists load, and collect what does not fit (see `page_problems`)."""
    from ui.tasks import running_tasks

    problems = []
    for area in AREAS:
        window.show_area(area.key)
        wait(lambda: not running_tasks())
        problems += page_problems(window, area.key, wait, whole, sideways)
    return problems


def test_every_page_fits_1366_by_768_on_the_demo(qtbot, demo_ctx):
    from ui.main_window import MainWindow

    with clock.frozen(clock.today()):
        window = MainWindow(demo_ctx)
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        assert (window.width(), window.height()) == (WIDTH, HEIGHT)

        def wait(condition) -> None:
            qtbot.waitUntil(condition, timeout=30000)
            qtbot.wait(50)

        problems = open_every_page(window, wait)
        assert problems == [], "\n".join(problems)
        assert set(window.built_pages()) == {a.key for a in AREAS}


def test_the_checks_see_a_clipped_header_and_a_squeezed_button(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QTreeWidget, QWidget

    box = QWidget()
    qtbot.addWidget(box)
    tree = QTreeWidget(box)
    tree.setHeaderLabels(["Ngày sự kiện", "Nội dung"])
    tree.setColumnWidth(0, 30)
    button = QPushButton("Lưu thành PDF hoặc Excel…")
    layout = QHBoxLayout(box)
    layout.addWidget(tree)
    layout.addWidget(button)
    box.show()
    button.setFixedWidth(40)
    assert [p.split(":")[0] for p in clipped_headers(tree)] == ["'Ngày sự kiện'"]
    assert len(squeezed_buttons(box)) == 1


def test_the_checks_see_columns_off_screen_and_a_cut_check_box(qtbot):
    from PySide6.QtWidgets import QTreeWidget, QVBoxLayout, QWidget

    box = QWidget()
    qtbot.addWidget(box)
    tree = QTreeWidget(box)
    tree.setHeaderLabels(["Họ và tên", "Đơn vị", "Loại"])
    check = QCheckBox("Gồm cả người đã nghỉ")
    layout = QVBoxLayout(box)
    layout.addWidget(tree)
    layout.addWidget(check)
    box.resize(400, 300)
    box.show()
    qtbot.waitExposed(box)
    assert scrolls_sideways(tree) == [] and cut_boxes_and_labels(box) == []
    for c in range(3):
        tree.setColumnWidth(c, 200)
    check.setFixedWidth(40)
    qtbot.waitUntil(lambda: len(scrolls_sideways(tree)) == 2)  # the scroll bar comes with the next layout
    assert scrolls_sideways(tree)[0].startswith("columns 600 > viewport")
    assert [p.split(":")[0] for p in cut_boxes_and_labels(box)] == ["check box 'Gồm cả người đã nghỉ'"]
    check.setFixedWidth(check.sizeHint().width())
    check.move(390, 0)
    assert cut_boxes_and_labels(box) == ["check box 'Gồm cả người đã nghỉ' runs off the window"]


CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QCoreApplication
from hrapp.context import ServiceContext
from tests.ui.test_pages_fit import open_every_page
from ui.app import install_translation
from ui.main_window import MainWindow
from ui.style import apply_style
import time

app = QApplication([])
install_translation(app, "vi")
apply_style(app)
ctx = ServiceContext.open(sys.argv[1], migrate=False)
ctx.user = "tester"
scale = float(sys.argv[2])
window = MainWindow(ctx)
window.resize(int(1366 / scale), int(768 / scale))
window.show()


def wait(condition):
    end = time.monotonic() + 30
    while not condition() and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QCoreApplication.processEvents()


problems = open_every_page(window, wait, whole=False, sideways=True)
print("\\n".join(problems))
print("window", window.width(), window.height())
"""

# The lists that still scroll sideways at a display scaling (page key and the list as `model_name` shows it):
# their pages are not yet laid out for so few logical pixels. Any other list that scrolls sideways fails.
STILL_SCROLL = {
    "1.25": {
        "org: QTreeWidget(Đơn vị)",
    },
    "1.5": {
        "org: QTreeWidget(Đơn vị)",
        "rules: QTableWidget(Văn bản)",
    },
}


@pytest.mark.parametrize("scale", ["1.25", "1.5"])
def test_every_page_fits_at_125_and_150_percent_scaling(demo_db, scale, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT),
               HRAPP_SETTINGS_DIR=str(tmp_path / "settings"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo_db), scale], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines and lines[-1].startswith("window "), done.stdout + done.stderr[-3000:]
    known = STILL_SCROLL[scale]
    problems = [p for p in lines[:-1] if p and not (
        any(p.startswith(f"{list_} ") for list_ in known)
        and (p.endswith("horizontal scroll bar shown") or " > viewport " in p))]
    assert problems == [], "\n".join(problems)
