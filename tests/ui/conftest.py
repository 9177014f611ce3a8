"""UI test fixtures: settings in a temporary folder, the Vietnamese interface, a small filled database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.staff_data import fill_staff

SCREEN_WIDTH = 1366
CLIENT_HEIGHT = 768 - 40 - 32  # the smallest supported screen less a 40-pixel taskbar and a title bar


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own QSettings file, so window state never leaks between tests or from the user."""
    folder = tmp_path / "settings"
    monkeypatch.setenv("HRAPP_SETTINGS_DIR", str(folder))
    monkeypatch.delenv("HRAPP_DB", raising=False)
    return folder


@pytest.fixture(autouse=True)
def vietnamese_ui(qapp):
    """The shipped default: Vietnamese translation, Vietnamese number format, the app's style."""
    from ui.app import install_translation
    from ui.style import apply_style

    install_translation(qapp, "vi")
    apply_style(qapp)
    yield qapp
    install_translation(qapp, "vi")


@pytest.fixture(autouse=True)
def dialogs_fit_the_screen(qapp):
    """After every UI test: each dialog it left open or hidden must have a minimum size that fits 1366×768."""
    from PySide6.QtWidgets import QDialog

    yield
    too_big = []
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, QDialog):
            minimum = widget.minimumSize().expandedTo(widget.minimumSizeHint())
            if minimum.width() > SCREEN_WIDTH or minimum.height() > CLIENT_HEIGHT:
                too_big.append((type(widget).__name__, minimum.width(), minimum.height()))
    assert too_big == [], "dialogs whose minimum size does not fit a 1366×768 screen"


@pytest.fixture
def staff_ctx(ctx):
    """The fresh database with the small department of tests/ui/staff_data.py."""
    ctx.person_ids = fill_staff(ctx)
    return ctx


def wait_loaded(qtbot, page) -> None:
    """Wait until the staff list's id query (run on a worker thread) has answered."""
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)


@pytest.fixture
def window(qtbot, staff_ctx):
    from ui.main_window import MainWindow

    w = MainWindow(staff_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_loaded(qtbot, w.page("staff"))
    return w
