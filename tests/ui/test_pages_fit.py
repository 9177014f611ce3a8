"""Every page of the main window fits a 1366×768 screen on the demo department: no table or tree header is
clipped (each header's text, in the bold header font with its padding, fits its section) and no button is
squeezed below its size hint. The same checks run at 125% and 150% display scaling in a child process, where
the screen offers 1366×768 physical pixels, that is fewer logical ones."""

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
    QHeaderView,
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
    if view.wordWrap() and view.textElideMode() == Qt.TextElideMode.ElideNone:
        return []  # a long name wraps onto more lines (the page sizes its rows)
    need = view.sizeHintForColumn(0)
    return [f"first column {header.sectionSize(0)} < {need}"] if header.sectionSize(0) < need else []


def squeezed_buttons(root) -> list[str]:  # noqa: ANN001 - a QWidget
    """Push buttons and tool buttons with a text narrower than they ask for (Qt's own icon buttons inside
    fields, such as a line edit's clear button, aside)."""
    return [f"{b.text()!r}: {b.width()} < {b.sizeHint().width()}"
            for b in root.findChildren(QAbstractButton)
            if (isinstance(b, QPushButton) or (isinstance(b, QToolButton) and b.text()))
            and not isinstance(b.parent(), QLineEdit) and b.isVisible() and b.width() < b.sizeHint().width()]


def page_problems(window, key: str, wait) -> list[str]:  # noqa: ANN001 - MainWindow
    """What does not fit on the page, on each tab of its tab widgets in turn."""
    from ui.tasks import running_tasks

    page = window.page(key)
    problems: set[str] = set()

    def look(where: str) -> None:
        problems.update(f"{key}{where}: button {p}" for p in squeezed_buttons(page))
        for view in page.findChildren(QAbstractItemView):
            if isinstance(view, (QTableView, QTreeView)) and view.isVisible():
                name = model_name(view)
                problems.update(f"{key}{where}: {name} header {p}" for p in clipped_headers(view))
                problems.update(f"{key}{where}: {name} {p}" for p in elided_key_column(view))

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
    return f"{type(view).__name__}({first!s})"


def open_every_page(window, wait) -> list[str]:  # noqa: ANN001
    """Show each area in turn, let its lists load, and collect what does not fit."""
    from ui.tasks import running_tasks

    problems = []
    for area in AREAS:
        window.show_area(area.key)
        wait(lambda: not running_tasks())
        problems += page_problems(window, area.key, wait)
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

        def wait(condition) -> None:  # noqa: ANN001
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


CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QCoreApplication
from hrapp.services.context import ServiceContext
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


problems = open_every_page(window, wait)
print("\\n".join(problems))
print("window", window.width(), window.height())
sys.exit(1 if problems else 0)
"""


@pytest.mark.parametrize("scale", ["1.25", "1.5"])
def test_every_page_fits_at_125_and_150_percent_scaling(demo_db, scale, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT),
               HRAPP_SETTINGS_DIR=str(tmp_path / "settings"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo_db), scale], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
