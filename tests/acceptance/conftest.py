"""Acceptance walks drive the real main window: the UI tests' fixtures (own settings, the Vietnamese
interface, dialogs that fit 1366×768, the small department and its window) apply here too."""

import pytest

from tests.ui.conftest import (  # noqa: F401 - fixtures
    dialogs_fit_the_screen,
    isolated_settings,
    staff_ctx,
    vietnamese_ui,
    window,
)


@pytest.fixture
def demo_window(qtbot, demo_ctx):
    """The real main window over a copy of the demo department, shown."""
    from ui.main_window import MainWindow

    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
