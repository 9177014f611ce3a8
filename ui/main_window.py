"""The main window: agency header, area navigation, page stack, menus, shortcuts and the remembered layout."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import hrapp
from hrapp.context import ServiceContext
from hrapp.db.engine import sqlite_path
from hrapp.errors import HrappError
from hrapp.services import setup
from hrapp.services.agency import Agency, get_agency
from ui import preferences
from ui.dialogs.login_dialog import ask_sign_in
from ui.first_start import offer_first_start
from ui.icons import icon
from ui.messages import confirm, show_error, show_message
from ui.opening import database_passphrase
from ui.pages import registry
from ui.pages.base import BasePage
from ui.session import SessionActions
from ui.tasks import running_tasks, wait_for_all
from ui.widgets.notice import Notice

log = logging.getLogger(__name__)

SIDEBAR_WIDTH = 200
DB_LABEL_WIDTH = 420


class MainWindow(QMainWindow):
    """Pages are built on first visit; `context_changed` fires after another database was opened."""

    context_changed = Signal(object)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, start_area: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("HR records of civil servants and public employees"))
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(1000, 620)
        self._pages: dict[str, BasePage] = {}
        self.first_start_dialog = None

        self.header = self._build_header()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setMinimumWidth(180)
        self.sidebar.setUniformItemSizes(True)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for area in registry.AREAS:
            item = QListWidgetItem(icon(area.icon), registry.title(area))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setToolTip(registry.summary(area))
            item.setSizeHint(QSize(0, 36))
            self.sidebar.addItem(item)
        # as wide as its longest title (icon, padding and a scroll bar included), so no title is elided
        widest = max(self.sidebar.fontMetrics().horizontalAdvance(registry.title(a)) for a in registry.AREAS)
        sidebar_width = max(SIDEBAR_WIDTH, widest + 22 + 2 * 10 + 2 * 8 + 12
                            + self.sidebar.verticalScrollBar().sizeHint().width())
        self.sidebar.setMinimumWidth(min(sidebar_width, 260))
        self.stack = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setHandleWidth(1)
        self.splitter.setSizes([sidebar_width, 1000])

        central = QWidget()
        v = QVBoxLayout(central)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(self.header)
        v.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.user_label = QLabel()
        self.db_label.setMaximumWidth(DB_LABEL_WIDTH)  # no stretch: the left of the bar says what just happened
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().setSizeGripEnabled(True)

        self._build_actions()
        self._build_menus()
        self.sidebar.currentRowChanged.connect(self._on_area_row)
        self._show_context_info()
        self._restore_window(start_area)

    # --- construction --------------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        h = QHBoxLayout(header)
        h.setContentsMargins(18, 10, 18, 10)
        h.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(36, 36))
        h.addWidget(logo)
        names = QVBoxLayout()
        names.setSpacing(0)
        self.parent_agency_label = QLabel()
        self.parent_agency_label.setObjectName("parentAgency")
        self.agency_label = QLabel()
        self.agency_label.setObjectName("agencyName")
        names.addWidget(self.parent_agency_label)
        names.addWidget(self.agency_label)
        h.addLayout(names)
        h.addStretch(1)
        self.app_label = QLabel(self.tr("Staff records management"))
        self.app_label.setObjectName("muted")
        h.addWidget(self.app_label)
        return header

    def _build_actions(self) -> None:
        self.act_open = QAction(self.tr("&Open database…"), self)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.act_open.triggered.connect(self.choose_database)
        self.act_new_db = QAction(self.tr("&New database…"), self)
        self.act_new_db.triggered.connect(self.create_database)
        self.act_quit = QAction(self.tr("E&xit"), self)
        self.act_quit.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_quit.triggered.connect(self.close)

        self.act_search = QAction(self.tr("&Search"), self)
        self.act_search.setShortcut(QKeySequence.StandardKey.Find)
        self.act_search.triggered.connect(lambda: self._page_call("focus_search"))
        self.act_new = QAction(self.tr("&New record"), self)
        self.act_new.setShortcut(QKeySequence.StandardKey.New)
        self.act_new.triggered.connect(lambda: self._page_call("create_new"))
        self.act_save = QAction(self.tr("&Save"), self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(lambda: self._page_call("save_current"))
        self.act_print = QAction(self.tr("&Print…"), self)
        self.act_print.setShortcut(QKeySequence.StandardKey.Print)
        self.act_print.triggered.connect(lambda: self._page_call("print_current"))
        for a in (self.act_search, self.act_new, self.act_save, self.act_print):
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(a)

        self.area_actions: list[QAction] = []
        for i, area in enumerate(registry.AREAS):
            a = QAction(icon(area.icon), registry.title(area), self)
            if i < 10:  # Ctrl+1 … Ctrl+9, Ctrl+0
                a.setShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"))
            a.triggered.connect(lambda _checked=False, key=area.key: self.show_area(key))
            self.area_actions.append(a)

        self.act_about = QAction(self.tr("&About"), self)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about.triggered.connect(self.show_about)
        self.language_group = QActionGroup(self)
        self.act_lang_vi = QAction("Tiếng Việt", self, checkable=True)
        self.act_lang_en = QAction("English", self, checkable=True)
        for a, lang in ((self.act_lang_vi, "vi"), (self.act_lang_en, "en")):
            a.setData(lang)
            self.language_group.addAction(a)
        current = QGuiApplication.instance().property("hrapp_language") or "vi"
        (self.act_lang_en if current == "en" else self.act_lang_vi).setChecked(True)
        self.language_group.triggered.connect(self._choose_language)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.act_open)
        m.addAction(self.act_new_db)
        m.addSeparator()
        m.addAction(self.act_save)
        m.addAction(self.act_print)
        self.session_actions = SessionActions(self)  # backup, restore, password, sign-out
        self.session_actions.add_to(m)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Records"))
        m.addAction(self.act_search)
        m.addAction(self.act_new)
        m = bar.addMenu(self.tr("&View"))
        for a in self.area_actions:
            m.addAction(a)
        m = bar.addMenu(self.tr("&Help"))
        lang = m.addMenu(self.tr("Interface &language"))
        lang.addAction(self.act_lang_vi)
        lang.addAction(self.act_lang_en)
        m.addSeparator()
        m.addAction(self.act_about)

    # --- pages ---------------------------------------------------------------------------------------
    def page(self, key: str) -> BasePage:
        """The page of an area, built (and its saved layout restored) on first use."""
        page = self._pages.get(key)
        if page is None:
            page = registry.create_page(registry.area(key), self.ctx, self.stack)
            settings = preferences.app_settings()
            settings.beginGroup(f"pages/{key}")
            page.restore_state(settings)
            settings.endGroup()
            page.actions_changed.connect(self._update_actions)
            page.status_message.connect(lambda text: confirm(self, text))
            self.stack.addWidget(page)
            self._pages[key] = page
        return page

    def built_pages(self) -> dict[str, BasePage]:
        return dict(self._pages)

    def current_area(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def current_page(self) -> BasePage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, BasePage) else None

    def show_area(self, key: str) -> BasePage:
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
                break
        return self.page(key)

    def _on_area_row(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.sidebar.item(row).data(Qt.ItemDataRole.UserRole))
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        page.activated()
        self._update_actions()
        notice = self.findChild(Notice, "notice", Qt.FindChildOption.FindDirectChildrenOnly)
        if notice is not None:
            QTimer.singleShot(0, notice.follow_layout)  # once the page is laid out

    def _page_call(self, method: str) -> None:
        page = self.current_page()
        if page is not None:
            getattr(page, method)()

    def _update_actions(self) -> None:
        page = self.current_page()
        self.act_search.setEnabled(bool(page and page.can_search()))
        self.act_new.setEnabled(bool(page and page.can_create()))
        self.act_save.setEnabled(bool(page and page.can_save()))
        self.act_print.setEnabled(bool(page and page.can_print()))

    # --- database ------------------------------------------------------------------------------------
    def _show_context_info(self) -> None:
        try:
            agency = get_agency(self.ctx)
        except HrappError as exc:
            agency = Agency()
            show_error(self, exc)
        self.parent_agency_label.setText(agency.parent_agency.upper())
        self.agency_label.setText(agency.name.upper() if agency.configured
                                  else self.tr("Agency not set (Administration → Agency)"))
        path = sqlite_path(self.ctx.url)
        where = str(path) if path is not None else self.ctx.url
        label = self.tr("Database: %1")
        room = DB_LABEL_WIDTH - self.db_label.fontMetrics().horizontalAdvance(label.replace("%1", "")) - 16
        shown = self.db_label.fontMetrics().elidedText(where, Qt.TextElideMode.ElideMiddle, room)
        self.db_label.setText(label.replace("%1", shown))
        self.db_label.setToolTip(where)
        self.session_actions.refresh()

    def refresh_header(self) -> None:
        """The agency changed (Quản trị → Cơ quan): the header shows the new name."""
        self._show_context_info()

    def refresh_all(self) -> None:
        """Data changed outside the pages (demo loaded, database replaced): reload header and pages."""
        self._show_context_info()
        for page in self._pages.values():
            page.refresh()

    def set_context(self, ctx: ServiceContext) -> None:
        old = self.ctx
        self.ctx = ctx
        for page in self._pages.values():
            page.set_context(ctx)
        self._show_context_info()
        self.context_changed.emit(ctx)
        if old is not ctx:
            old.engine.dispose()

    def choose_database(self) -> None:
        start = str(sqlite_path(self.ctx.url).parent) if sqlite_path(self.ctx.url) else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), start,
            self.tr("Databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_database(path)

    def create_database(self) -> None:
        start = str(sqlite_path(self.ctx.url).parent) if sqlite_path(self.ctx.url) else ""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), str(Path(start) / "hrapp.sqlite3") if start else "",
            self.tr("Databases (*.sqlite3 *.sqlite *.db)"),
        )
        if path:
            if Path(path).exists():
                show_message(self, self.tr("New database"),
                             self.tr("This file already exists. Use Open database to open it."),
                             QMessageBox.Icon.Warning)
                return
            self.open_database(path, create=True)

    def open_database(self, db: str, create: bool = False) -> bool:
        """Open (upgrading; creating only for New database) another database; on error the current one stays open.
        An encrypted one's passphrase is asked first (cancelled: nothing opened)."""
        go_on, passphrase = database_passphrase(db, self)
        if not go_on:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ctx = setup.init_database(db, create=create, passphrase=passphrase)
        except HrappError as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc, self.tr("Cannot open the database"))
            return False
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            log.error("cannot open %s", db, exc_info=exc)
            show_error(self, exc, self.tr("Cannot open the database"))
            return False
        QGuiApplication.restoreOverrideCursor()
        if ctx.accounts_on:  # that database has its own accounts: its user signs in to it

            if ask_sign_in(ctx, self) is None:
                ctx.engine.dispose()
                return False
        else:
            ctx.user = self.ctx.user
        preferences.remember_database(db)
        self.set_context(ctx)
        offer_first_start(self)
        return True

    # --- help ----------------------------------------------------------------------------------------
    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About"))
        box.setIconPixmap(icon("app").pixmap(56, 56))
        box.setText(f"<b>{self.tr('Staff records management')}</b> {hrapp.__version__}")
        box.setInformativeText(self.tr(
            "Records, organisation, headcount, recruitment, succession planning and training of civil "
            "servants and public employees, for the personnel office of a provincial department. "
            "Works offline; data stays in the database shown in the status bar."
        ))
        box.exec()

    def _choose_language(self, action: QAction) -> None:
        lang = str(action.data())
        preferences.save_language(lang)
        show_message(self, self.tr("Interface language"),
                     self.tr("The new language is used the next time the application starts."))

    # --- remembered layout ---------------------------------------------------------------------------
    def _restore_window(self, start_area: str | None = None) -> None:
        s = preferences.app_settings()
        geometry = s.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            width = min(1280, avail.width()) if avail else 1280
            height = min(780, avail.height() - 40) if avail else 780
            self.resize(width, height)
        state = s.value("main_window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = s.value("main_window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        # The application starts on `start_area` (the to-do page); otherwise the area used last comes back.
        key = start_area or str(s.value("main_window/area") or "staff")
        keys = [a.key for a in registry.AREAS]
        self.show_area(key if key in keys else "staff")

    def save_settings(self) -> None:
        s = preferences.app_settings()
        s.setValue("main_window/geometry", self.saveGeometry())
        s.setValue("main_window/state", self.saveState())
        s.setValue("main_window/splitter", self.splitter.saveState())
        s.setValue("main_window/area", self.current_area())
        for key, page in self._pages.items():
            s.beginGroup(f"pages/{key}")
            page.save_state(s)
            s.endGroup()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        tasks = [t for t in running_tasks() if t.shows_progress]
        if tasks:
            answer = QMessageBox.question(
                self, self.tr("Work in progress"),
                self.tr("A task is still running. Cancel it and exit?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            for task in tasks:
                task.cancel()
            wait_for_all()
        self.save_settings()
        super().closeEvent(event)
