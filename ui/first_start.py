"""The first start on an empty database: the choice of the demo department or the agency's own data, and the
demo department loaded on a worker thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from hrapp.errors import HrappError
from hrapp.services import setup
from ui.dialogs.first_start_dialog import AGENCY, DEMO, FirstStartDialog
from ui.tasks import run_task

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def offer_first_start(window) -> None:
    """On an empty database, ask whether to load the demo department; the answer arrives asynchronously."""
    try:
        empty = setup.is_empty(window.ctx)
    except HrappError as exc:
        log.warning("cannot tell whether the database is empty: %s", exc)
        return
    if not empty:
        return
    dialog = FirstStartDialog(window.ctx, window)
    window.first_start_dialog = dialog

    def chosen() -> None:
        if dialog.choice == DEMO:
            start_demo_load(window)
        elif dialog.choice == AGENCY:
            window.refresh_all()
            window.show_area("staff")
            window.statusBar().showMessage(
                translate("App", "The agency was saved. Import the units and staff from Excel: Staff records → "
                                 "Import."), 10000)

    dialog.accepted.connect(chosen)
    dialog.open()


def start_demo_load(window):
    """Load the demo department on a worker thread; the window reloads when it is done."""
    ctx = window.ctx

    def work(progress, cancelled):
        from hrapp.demo.department import load_demo  # the demo data, loaded only when chosen

        return load_demo(ctx)

    def done(_summary: object) -> None:
        window.refresh_all()
        window.show_area("staff")
        window.statusBar().showMessage(translate("App", "The demo department was loaded."), 8000)

    task = run_task(work, parent=window, title=translate("App", "Demo data"),
                    label=translate("App", "Loading the demo department…"),
                    writes=True, cancellable=False, on_result=done)
    window.demo_task = task
    return task
