"""What every area page offers the main window: context switch, refresh, shortcuts, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QLabel, QWidget

from hrapp.context import ServiceContext


class BasePage(QWidget):
    """An area of the main window. Override what applies; the window enables the actions accordingly.

    The window calls `activated()` when the page is shown, `refresh()` after data changed elsewhere
    (for example the demo department was loaded), `set_context()` when another database is opened, and
    `save_state()`/`restore_state()` with a QSettings group named after the area.
    """

    actions_changed = Signal()  # emit when can_* answers change
    status_message = Signal(str)  # a short message for the status bar

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
