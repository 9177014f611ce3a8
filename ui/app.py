"""Start the GUI: application object, translation, style, database (errors in a message box), first start.

The window appears before the database layer is loaded: a frame with the application's title shows at once while
a worker thread imports SQLAlchemy and the models and opens (creates, upgrades) the database; the main window with
its pages then takes the frame's place. Nothing here imports SQLAlchemy at module level.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QEventLoop, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from hrapp import messages
from hrapp.errors import HrappError
from hrapp.lazy import Ref
from hrapp.logs import install_quiet_hooks, record, setup
from hrapp.paths import I18N
from ui import preferences
from ui.icons import icon
from ui.style import apply_style

if TYPE_CHECKING:
    from hrapp.context import ServiceContext

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
START_AREA = "tasks"  # the first screen after start: what falls due (Việc cần làm)
# The main window, loaded through the one lazy mechanism (hrapp.lazy) once the start frame shows: it brings the
# database layer, the services and the pages' kit with it.
MAIN_WINDOW = Ref("ui.main_window:MainWindow")
_translators: list[QTranslator] = []


translate = QCoreApplication.translate


def choose_language(requested: str | None) -> str:
    """`--lang` wins, then the saved choice, then Vietnamese."""
    if requested in LANGUAGES:
        return str(requested)
    return preferences.saved_language() or "vi"


def use_qt_dialogs(lang: str, system: QLocale.Language | None = None) -> bool:
    """The system's own file and print dialogs speak the system's language: when that is not the interface's,
    Qt's dialogs (translated with the interface) are used instead. Returns True when Qt's are used."""
    system = QLocale.system().language() if system is None else system
    wanted = QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English
    own = system != wanted
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, own)
    return own


def install_translation(app: QCoreApplication, lang: str) -> bool:
    """Vietnamese loads resources/i18n/hrapp_vi.qm; English uses the source strings. Returns True when loaded.
    The application's error messages (hrapp/messages) follow the same language."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    app.setProperty("hrapp_language", lang)
    messages.set_language(lang)
    use_qt_dialogs(lang)
    if lang != "vi":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    # Qt ships no Vietnamese for its own dialogs (file, print, preview, message boxes): ours is qt_vi.qm,
    # installed first so that the application's own file (installed last, searched first) keeps its words.
    qt_translator = QTranslator(app)
    if qt_translator.load(str(I18N / "qt_vi.qm")):
        app.installTranslator(qt_translator)
        _translators.append(qt_translator)
    else:
        log.warning("Vietnamese translation of Qt's dialogs not found in %s", I18N)
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
    """--db, else HRAPP_DB, else the database opened last (when it still exists and is not empty), else the
    default file."""
    if getattr(args, "db", None):
        return str(args.db)
    if os.environ.get("HRAPP_DB"):
        return None  # resolve_url reads it
    last = preferences.last_database()
    if last and ("://" in last or _not_empty(Path(last))):
        return last
    return None


def _not_empty(path: Path) -> bool:
    """An existing file with something in it (an empty one was never a database of this application)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def show_fatal(title: str, text: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close, parent)
    box.exec()


def _where(db: str | None) -> str:
    from hrapp.db.engine import resolve_url, sqlite_path

    try:
        url = resolve_url(db)
    except HrappError:
        url = db or ""
    path = sqlite_path(url)
    return translate("App", "Database: %1").replace("%1", str(path) if path is not None else url)


def _open_database(db: str | None, create: bool = True, passphrase: str | None = None) -> ServiceContext:
    from hrapp.services import setup

    return setup.init_database(db, create=create, passphrase=passphrase)


def named_database_missing(args: argparse.Namespace) -> Path | None:
    """The SQLite file named by --db or HRAPP_DB when it does not exist or is empty (0 bytes: no database; it is
    made one only when the user says so, as `init` would). The default file is simply created on the first start.
    Read without loading SQLAlchemy."""
    named = getattr(args, "db", None) or os.environ.get("HRAPP_DB", "")
    if not named or "://" in str(named):
        return None
    path = Path(str(named)).expanduser()
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        empty = False
    return path.resolve() if empty or not path.exists() else None


def confirm_new_database(path: Path, parent: QWidget | None = None) -> bool:
    """Asked before a named database that does not exist is created: a typo must not become an empty database."""
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("App", "Database not found"),
        translate("App", "There is no database at %1.\n\nCreate a new, empty database there?").replace(
            "%1", str(path)),
        QMessageBox.StandardButton.NoButton, parent)
    create = box.addButton(translate("App", "Create new database"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is create


def _open_and_preload(db: str | None, passphrase: str | None = None, create: bool = True) -> ServiceContext:
    """Open the database, then import the modules of the main window and its start page, which the GUI thread
    would otherwise import while the frame cannot repaint (importing only defines classes; no widget is made)."""
    ctx = _open_database(db, create=create, passphrase=passphrase)
    MAIN_WINDOW.load()
    from ui.pages import registry

    registry.area(START_AREA).page.load()
    return ctx


def _opened(db: str | None, user: str | None, outcome: object) -> ServiceContext | None:
    """The context, or None after a message box saying why the database could not be opened."""
    title = translate("App", "Cannot open the database")
    if isinstance(outcome, HrappError):
        show_fatal(title, outcome.message + "\n\n" + _where(db))
        return None
    if isinstance(outcome, BaseException):  # the user sees a sentence, the log keeps the details
        from hrapp.failures import explain  # its table reads SQLAlchemy's errors, loaded by now

        record(outcome, "cannot open the database")
        show_fatal(title, messages.render(explain(outcome)) + "\n\n" + _where(db))
        return None
    ctx = cast("ServiceContext", outcome)  # neither an error nor an exception: the opened context
    if user:
        ctx.user = user
    return ctx


def open_context(db: str | None, user: str | None = None, passphrase: str | None = None) -> ServiceContext | None:
    """Open (create, upgrade) the database; on failure show why in a message box and return None."""
    try:
        outcome: object = _open_database(db, passphrase=passphrase)
    except Exception as exc:  # noqa: BLE001 - shown by _opened
        outcome = exc
    return _opened(db, user, outcome)


class _Notifier(QObject):
    done = Signal()


def open_context_in_background(db: str | None, user: str | None = None, passphrase: str | None = None,
                               create: bool = True) -> ServiceContext | None:
    """`open_context` with the import of the database layer and the opening on a worker thread, while the event
    loop keeps the windows already shown painted and responsive (`create=False`: a missing or empty file is
    refused, not made a database)."""
    outcome: list[object] = []
    loop = QEventLoop()
    notifier = _Notifier()
    notifier.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)  # delivered once the loop runs

    def work() -> None:
        try:
            outcome.append(_open_and_preload(db, passphrase, create))
        except Exception as exc:  # noqa: BLE001 - shown by _opened on the GUI thread
            outcome.append(exc)
        notifier.done.emit()

    thread = threading.Thread(target=work, name="open-database", daemon=True)
    thread.start()
    loop.exec()
    thread.join()
    return _opened(db, user, outcome[0])


class StartFrame(QMainWindow):
    """What the user sees while the database opens: the main window's title, place and header."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(translate("MainWindow", "HR records of civil servants and public employees"))
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(1000, 620)
        geometry = preferences.app_settings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 780)
        header = QWidget()
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        h = QHBoxLayout(header)
        h.setContentsMargins(18, 10, 18, 10)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(36, 36))
        h.addWidget(logo)
        h.addStretch(1)
        name = QLabel(translate("MainWindow", "Staff records management"))
        name.setObjectName("muted")
        h.addWidget(name)
        self.message = QLabel(translate("Task", "Please wait…"))
        self.message.setObjectName("muted")
        busy = QProgressBar()
        busy.setRange(0, 0)  # moving while the worker thread opens the database
        busy.setFixedWidth(240)
        busy.setTextVisible(False)
        body = QVBoxLayout()
        body.addStretch(1)
        body.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(busy, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addStretch(2)
        central = QWidget()
        v = QVBoxLayout(central)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(header)
        v.addLayout(body, 1)
        self.setCentralWidget(central)


def settle_heap() -> None:
    """Put the objects made at start-up (modules, classes, mappings, the main window) out of the garbage
    collector's reach: each later full collection walks only what the session made since, instead of holding
    the interpreter for about 100 ms (a frozen window) to walk the whole application every time."""
    gc.freeze()


def frame_shown(frame: StartFrame) -> None:
    """Called once the start frame is shown, before the database is opened (a hook for the start-up probe)."""


def window_shown(window: QMainWindow) -> None:
    """Called once the main window has taken the frame's place (a hook for the start-up probe)."""


_showing_uncaught = threading.local()


def uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook of the GUI: an exception no one caught in a slot or an event handler (Qt hands it to the
    hook and goes on) becomes one line in a message box over the active window; the traceback goes to the log."""
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)

    record(exc, "uncaught in the interface")
    if issubclass(exc_type, KeyboardInterrupt) or threading.current_thread() is not threading.main_thread():
        return
    if getattr(_showing_uncaught, "on", False):  # the message box itself failed: the log has it
        return
    _showing_uncaught.on = True
    try:
        from ui.messages import show_error  # not needed to show the start frame

        show_error(QApplication.activeWindow(), exc)
    finally:
        _showing_uncaught.on = False


def install_error_boundary() -> None:
    """Every failure the user does not see otherwise (slots, event handlers, threads, garbage collection) goes
    to the log, and those on the GUI thread to one message box line; nothing is printed to a terminal."""
    setup()
    install_quiet_hooks()
    sys.excepthook = uncaught


def run_gui(args: argparse.Namespace) -> int:
    """The GUI entry point called by main.py; returns the process exit code."""
    install_error_boundary()
    app = application()
    install_translation(app, choose_language(getattr(args, "lang", None)))
    apply_style(app)
    missing = named_database_missing(args)
    if missing is not None and not confirm_new_database(missing):
        return 1
    # Created only when the user agreed above, or for the application's own default file; a database opened last
    # that is now missing or empty is refused, not made anew.
    create = missing is not None or (not getattr(args, "db", None) and not os.environ.get("HRAPP_DB")
                                     and database_argument(args) is None)
    frame = StartFrame()
    frame.show()
    frame_shown(frame)
    from ui.opening import database_passphrase  # the database's file is looked at once the frame shows

    go_on, passphrase = database_passphrase(database_argument(args), frame)
    if not go_on:
        frame.close()
        return 0
    ctx = open_context_in_background(database_argument(args), getattr(args, "user", None), passphrase, create)
    if ctx is None:
        frame.close()
        return 1
    if not frame.isVisible():  # closed by the user while the database was opening
        ctx.engine.dispose()
        return 0
    if ctx.accounts_on:
        from ui.dialogs.login_dialog import ask_sign_in

        if ask_sign_in(ctx, username=getattr(args, "user", None) or "") is None:
            frame.close()
            ctx.engine.dispose()
            return 0
    from ui.first_start import offer_first_start
    from ui.session import start_daily_backup
    from ui.tasks import wait_for_all

    window = MAIN_WINDOW.load()(ctx, start_area=START_AREA)
    window.show()
    frame.close()
    frame.deleteLater()
    start_daily_backup(window)  # a local database's copy of the day, in the background
    offer_first_start(window)
    window_shown(window)
    settle_heap()
    code = app.exec()
    wait_for_all()
    window.ctx.engine.dispose()
    return int(code)
