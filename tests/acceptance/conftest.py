"""Acceptance walks drive the real main window: the UI tests' fixtures (own settings, the Vietnamese
interface, dialogs that fit 1366×768, the small department and its window) apply here too."""

from tests.ui.conftest import (  # noqa: F401 - fixtures
    dialogs_fit_the_screen,
    isolated_settings,
    staff_ctx,
    vietnamese_ui,
    window,
)
