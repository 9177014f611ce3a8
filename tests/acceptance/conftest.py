"""Acceptance walks run as the UI tests do: private settings, the Vietnamese interface, dialogs that fit."""

from tests.ui.conftest import dialogs_fit_the_screen, isolated_settings, vietnamese_ui  # noqa: F401
