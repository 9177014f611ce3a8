"""Which database file the window opens, and an encrypted one's passphrase: read without SQLAlchemy, before the
database layer is loaded (the start frame is showing), and again for File → Open database."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

from hrapp.db import cipher
from hrapp.paths import default_db_path
from ui.dialogs.passphrase_dialog import ask_passphrase


def database_file(db: str | None) -> Path | None:
    """The SQLite file `db` (or HRAPP_DB, or the default file) names; None for a server. Read without SQLAlchemy."""
    value = db or os.environ.get("HRAPP_DB", "")
    if not value:
        value = str(default_db_path())
    if "://" in value:
        return None
    return Path(value).expanduser().resolve()


def database_passphrase(db: str | None, parent: QWidget | None = None) -> tuple[bool, str | None]:
    """(go on, passphrase): for an encrypted database file, HRAPP_DB_PASSPHRASE or the passphrase typed in a
    dialog (checked there; a wrong one is said and asked again); (False, None) when the user cancelled. A plain
    database or a server: (True, None). The passphrase is kept only in memory."""
    path = database_file(db)
    if not cipher.looks_encrypted(path):
        return True, None
    assert path is not None
    given = cipher.passphrase_from_env()
    if given:
        return True, given  # checked when the database opens, like a typed one
    passphrase = ask_passphrase(path, parent)
    return passphrase is not None, passphrase
