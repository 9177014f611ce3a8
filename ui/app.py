"""Start the GUI: application object, translation, style, database (errors in a message box), first start."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hrapp.db.engine import resolve_url, sqlite_path
from hrapp.errors import HrappError
from hrapp.paths import I18N
from hrapp.services import setup
from hrapp.services.context import ServiceContext
from ui import preferences
from ui.icons import icon
from ui.style import apply_style

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
START_AREA = "tasks"  # the first screen after start: what falls due (Việc cần làm)
_translators: list[QTranslator] = []


translate = QCoreApplication.translate


def choose_language(requested: str | None) -> str:
    """`--lang` wins, then the saved choice, then Vietnamese."""
    if requested in LANGUAGES:
        return str(requested)
    return preferences.saved_language() or "vi"


def install_translation(app: QCoreApplication, lang: str) -> bool:
    """Vietnamese loads resources/i18n/hrapp_vi.qm; English uses the source strings. Returns True when loaded."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    app.setProperty("hrapp_language", lang)
    if lang != "vi":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = QTranslator(app)
    if not translator.load(str(I18N / "hrapp_vi.qm")):
        log.warning("Vietnamese translation not found in %s", I18N)
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(preferences.ORGANIZATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setWindowIcon(icon("app"))
    return app


def database_argument(args: argparse.Namespace) -> str | None:
    """--db, else HRAPP_DB, else the database opened last (when it still exists), else the default file."""
    if getattr(args, "db", None):
        return str(args.db)
    if os.environ.get("HRAPP_DB"):
        return None  # resolve_url reads it
    last = preferences.last_database()
    if last and ("://" in last or Path(last).exists()):
        return last
    return None


def show_fatal(title: str, text: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, parent)
    box.exec()


def _where(db: str | None) -> str:
    try:
        url = resolve_url(db)
    except HrappError:
        url = db or ""
    path = sqlite_path(url)
    return translate("App", "Database: %1").replace("%1", str(path) if path is not None else url)


def open_context(db: str | None, user: str | None = None) -> ServiceContext | None:
    """Open (create, upgrade) the database; on failure show why in a message box and return None."""
    title = translate("App", "Cannot open the database")
    try:
        ctx = setup.init_database(db)
    except HrappError as exc:
        show_fatal(title, exc.message + "\n\n" + _where(db))
        return None
    except Exception as exc:  # noqa: BLE001 - the user sees a sentence, the log keeps the details
        log.error("cannot open the database", exc_info=exc)
        text = translate("App", "The database could not be opened: %1").replace("%1", str(exc))
        show_fatal(title, text + "\n\n" + _where(db))
        return None
    if user:
        ctx.user = user
    return ctx


def offer_first_start(window) -> None:  # noqa: ANN001 - MainWindow (imported lazily)
    """On an empty database, ask whether to load the demo department; the answer arrives asynchronously."""
    from ui.dialogs.first_start_dialog import DEMO, FirstStartDialog

    try:
        empty = setup.is_empty(window.ctx)
    except HrappError as exc:
        log.warning("cannot tell whether the database is empty: %s", exc)
        return
    if not empty:
        return
    dialog = FirstStartDialog(window)
    window.first_start_dialog = dialog

    def chosen() -> None:
        if dialog.choice == DEMO:
            start_demo_load(window)

    dialog.accepted.connect(chosen)
    dialog.open()


def start_demo_load(window):  # noqa: ANN001, ANN201 - MainWindow -> Task
    """Load the demo department on a worker thread; the window reloads when it is done."""
    from ui.tasks import run_task

    ctx = window.ctx

    def work(progress, cancelled):  # noqa: ANN001, ANN202 - task function signature
        from hrapp.services.demo import load_demo

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


def run_gui(args: argparse.Namespace) -> int:
    """The GUI entry point called by main.py; returns the process exit code."""
    app = application()
    install_translation(app, choose_language(getattr(args, "lang", None)))
    apply_style(app)
    ctx = open_context(database_argument(args), getattr(args, "user", None))
    if ctx is None:
        return 1
    if ctx.accounts_on:
        from ui.dialogs.login_dialog import ask_sign_in

        if ask_sign_in(ctx, username=getattr(args, "user", None) or "") is None:
            ctx.engine.dispose()
            return 0
    from ui.main_window import MainWindow
    from ui.session import start_daily_backup
    from ui.tasks import wait_for_all

    window = MainWindow(ctx, start_area=START_AREA)
    window.show()
    start_daily_backup(window)  # a local database's copy of the day, in the background
    offer_first_start(window)
    code = app.exec()
    wait_for_all()
    window.ctx.engine.dispose()
    return int(code)
