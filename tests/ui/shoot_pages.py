"""Screenshots of the pages of the main window on the demo department at 1366×768, as in
resources/screenshots/pages/ (the database path and user shown as on the officer's machine).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.shoot_pages OUT_DIR [AREA_KEY ...] [--columns]

With --columns, prints each table's and tree's columns (header, width) and its viewport's width."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QTreeView


def main(argv: list[str]) -> int:
    from hrapp.demo.department import load_demo
    from hrapp.services.setup import init_database
    from tests.ui.test_pages_fit import header_of
    from ui.app import install_translation
    from ui.main_window import MainWindow
    from ui.pages.registry import AREAS
    from ui.style import apply_style
    from ui.tasks import running_tasks

    os.environ.setdefault("HRAPP_SETTINGS_DIR", tempfile.mkdtemp())  # no column widths saved by an earlier run
    columns = "--columns" in argv
    args = [a for a in argv if a != "--columns"]
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(args[1:])
    app = QApplication([])
    install_translation(app, "vi")
    apply_style(app)
    ctx = init_database(str(Path(tempfile.mkdtemp()) / "demo.sqlite3"))
    load_demo(ctx)
    ctx.user = "chuyenvien.tccb"
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.db_label.setText(window.tr("Database: %1").replace("%1", "/opt/hrapp-data/hrapp.sqlite3"))

    def settle() -> None:
        end = time.monotonic() + 30
        while running_tasks() and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        for _ in range(20):
            QCoreApplication.processEvents()
            time.sleep(0.005)

    for number, area in enumerate(AREAS):
        if wanted and area.key not in wanted:
            continue
        window.show_area(area.key)
        settle()
        shot = out / f"{number:02d}_{area.key}.png"
        window.grab().save(str(shot))
        small(shot)
        if columns:
            for view in window.page(area.key).findChildren(QAbstractItemView):
                if not isinstance(view, (QTableView, QTreeView)) or not view.isVisible() or view.model() is None:
                    continue
                header = header_of(view)
                model = view.model()
                cols = [(model.headerData(c, Qt.Orientation.Horizontal), header.sectionSize(c),
                         header.sectionSizeFromContents(c).width(), view.sizeHintForColumn(c))
                        for c in range(header.count()) if not header.isSectionHidden(c)]
                print(area.key, type(model).__name__, "viewport", view.viewport().width(),
                      "sum", sum(c[1] for c in cols))
                for c in cols:
                    print("   ", repr(c[0]), "size", c[1], "header", c[2], "content", c[3])
    return 0


def small(path: Path) -> None:
    """The screenshot in 256 colours, as the others in the repository (a third of the size)."""
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
