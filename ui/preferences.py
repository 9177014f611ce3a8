"""Per-user interface settings (QSettings): window state, column layouts, language, last database."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "hrapp"
APPLICATION = "hrapp"
SETTINGS_DIR_ENV = "HRAPP_SETTINGS_DIR"

KEY_LANGUAGE = "ui/language"
KEY_LAST_DATABASE = "database/last"


def app_settings() -> QSettings:
    """The settings store; HRAPP_SETTINGS_DIR puts an INI file there (tests, portable installs)."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "hrapp.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def saved_language() -> str | None:
    value = app_settings().value(KEY_LANGUAGE)
    return str(value) if value in ("vi", "en") else None


def save_language(lang: str) -> None:
    s = app_settings()
    s.setValue(KEY_LANGUAGE, lang)
    s.sync()


def last_database() -> str | None:
    value = app_settings().value(KEY_LAST_DATABASE)
    return str(value) if value else None


def remember_database(db: str) -> None:
    s = app_settings()
    s.setValue(KEY_LAST_DATABASE, db)
    s.sync()
