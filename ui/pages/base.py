"""What every area page offers the main window: context switch, refresh, shortcuts, remembered layout."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hrapp.context import ServiceContext
from ui.messages import confirm
from ui.widgets.forms import FormDialog, run_form

D = TypeVar("D", bound=FormDialog)  # the dialog a page opens, returned as itself


class BasePage(QWidget):
    """An area of the main window. Override what applies; the window enables the actions accordingly.

    The window calls `activated()` when the page is shown, `refresh()` after data changed elsewhere
    (for example the demo department was loaded), `set_context()` when another database is opened, and
    `save_state()`/`restore_state()` with a QSettings group named after the area.
    """

    actions_changed = Signal()  # emit when can_* answers change
    status_message = Signal(str)  # a short message for the status bar
    last_export: Path | None = None  # the document the page last wrote (see exported())

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

    @staticmethod
    def heading(title: str, subtitle: str, wrap: bool = False) -> tuple[QLabel, QLabel]:
        """The page's title and the line under it saying what the page holds (styled as every page's)."""
        title_label = QLabel(title)
        title_label.setObjectName("pageTitle")
        subtitle_label = QLabel(subtitle)
        subtitle_label.setObjectName("pageSubtitle")
        subtitle_label.setWordWrap(wrap)
        return title_label, subtitle_label

    @classmethod
    def heading_box(cls, title: str, subtitle: str, wrap: bool = False, spacing: int | None = None) -> QVBoxLayout:
        """The page's title over its subtitle (heading()), in a column for the page's head."""
        box = QVBoxLayout()
        if spacing is not None:
            box.setSpacing(spacing)
        for label in cls.heading(title, subtitle, wrap):
            box.addWidget(label)
        return box

    def open_form(self, dialog: D) -> D:
        """Open `dialog`; once it saved, reload the page and say so. Returns the dialog (kept by the caller)."""
        run_form(dialog, self.form_saved)
        return dialog

    def form_saved(self, _result: object) -> None:
        self.refresh()
        confirm(self, QCoreApplication.translate("BasePage", "Saved."))

    def exported(self, path: Path) -> None:
        """A document the page wrote is there: remember where and say so."""
        self.last_export = path
        confirm(self, path=path)

    def set_context(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.refresh()

    def activated(self) -> None:
        """The page became visible."""

    def refresh(self) -> None:
        """Reload what the page shows from the database."""

    # Shortcut targets (Ctrl+F, Ctrl+N, Ctrl+P, Ctrl+S)
    def can_search(self) -> bool:
        return False

    def can_create(self) -> bool:
        return False

    def can_print(self) -> bool:
        return False

    def can_save(self) -> bool:
        return False

    def focus_search(self) -> None:
        """Put the cursor in the page's search box."""

    def create_new(self) -> None:
        """Start a new record."""

    def print_current(self) -> None:
        """Print (to PDF) what the page shows."""

    def save_current(self) -> None:
        """Save the record being edited."""

    def save_state(self, settings: QSettings) -> None:
        """Store column widths, splitter sizes ... in `settings` (already inside the page's group)."""

    def restore_state(self, settings: QSettings) -> None:
        """Restore what save_state stored; missing keys leave the defaults."""
