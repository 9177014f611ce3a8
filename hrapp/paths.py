"""Where the app finds its bundled resources and keeps its user data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "hrapp"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
FONTS = RESOURCES / "fonts"
RULES = RESOURCES / "rules"
CATALOGS = RESOURCES / "catalogs"
DEMO = RESOURCES / "demo"
I18N = RESOURCES / "i18n"
ICONS = RESOURCES / "icons"


def _data_base() -> Path:
    """HRAPP_DATA_DIR if set (a portable install, or a test run kept apart from the user's own data), else the
    system's per-user data folder."""
    named = os.environ.get("HRAPP_DATA_DIR", "").strip()
    return Path(named) if named else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """The per-user folder for the default database, backups and attachments."""
    path = _data_base()
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "hrapp.sqlite3"


def log_file() -> Path:
    """The application's log (what failed, with its traceback): HRAPP_LOG if set, else logs/hrapp.log in the
    user's data folder. The folder is made when the log is first written, not here."""
    named = os.environ.get("HRAPP_LOG", "").strip()
    if named:
        return Path(named)
    return _data_base() / "logs" / "hrapp.log"
