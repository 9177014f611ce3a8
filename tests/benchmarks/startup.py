"""Start-up probes, each run as a fresh interpreter by tests/benchmarks/run.py, which times from the spawn to the
line `READY` printed once the event loop runs with the window shown:

    python -m tests.benchmarks.startup bare            # a bare PySide6 main window with an empty QTableView
    python -m tests.benchmarks.startup app --db DB     # the application as `python main.py --db DB` starts it

The application shows its window first and opens the database on a worker thread, so its probe prints two lines:
`READY` when the event loop runs with that window shown (the user can move, resize and see it; the database layer
is still loading), then `FILLED` when the main window with its start page has taken its place. `FILLED` reports
the longest the event loop was kept from running in between (stall_ms), which says whether the window really
stayed responsive while the database opened.
"""

from __future__ import annotations

import os
import sys


def _line(word: str, extra: str = "") -> None:
    rss = 0.0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    modules = ",".join(m for m in ("reportlab", "openpyxl", "python_calamine", "alembic") if m in sys.modules)
    sys.stdout.write(f"{word} rss={rss:.1f} loaded={modules or '-'} {extra}\n")
    sys.stdout.flush()


def _ready(extra: str = "") -> None:
    _line("READY", extra)
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
    """main.main as the desktop shortcut runs it; the probe hooks the calls made right after each window shows."""
    import time

    import main
    import ui.app as gui

    ticks: list[float] = []

    def frame_shown(frame) -> None:
        from PySide6.QtCore import QTimer

        timer = QTimer(frame)
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        ticks.append(time.perf_counter())
        QTimer.singleShot(0, lambda: _line("READY", "window=frame"))

    def window_shown(window) -> None:
        from PySide6.QtCore import QTimer

        ticks.append(time.perf_counter())
        stall = max((b - a for a, b in zip(ticks, ticks[1:], strict=False)), default=0.0)
        QTimer.singleShot(0, lambda: _ready(f"FILLED area={window.current_area()} stall_ms={stall * 1000:.0f}"))

    gui.frame_shown = frame_shown
    gui.window_shown = window_shown
    main.main(["--db", db])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[sys.argv.index("--db") + 1])
