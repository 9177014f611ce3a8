"""Start-up probes, each run as a fresh interpreter by tests/benchmarks/run.py, which times from the spawn to the
line `READY` printed once the event loop runs with the window shown:

    python -m tests.benchmarks.startup bare            # a bare PySide6 main window with an empty QTableView
    python -m tests.benchmarks.startup app --db DB     # the application as `python main.py --db DB` starts it
"""

from __future__ import annotations

import os
import sys


def _ready(extra: str = "") -> None:
    rss = 0.0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    modules = ",".join(m for m in ("reportlab", "openpyxl", "python_calamine", "alembic") if m in sys.modules)
    sys.stdout.write(f"READY rss={rss:.1f} loaded={modules or '-'} {extra}\n")
    sys.stdout.flush()
    os._exit(0)


def bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 780)
    window.show()
    QTimer.singleShot(0, _ready)
    app.exec()


def app(db: str) -> None:
    """main.main as the desktop shortcut runs it; the probe hooks the call made right after window.show()."""
    import main
    import ui.app as gui

    shown = gui.offer_first_start

    def offer_first_start(window) -> None:  # noqa: ANN001
        shown(window)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _ready(f"area={window.current_area()}"))

    gui.offer_first_start = offer_first_start
    main.main(["--db", db])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[sys.argv.index("--db") + 1])
