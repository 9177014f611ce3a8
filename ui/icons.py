"""Icons drawn for the app (resources/icons/*.svg), loaded once and cached."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from hrapp.paths import ICONS


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`; an empty icon when the file is missing."""
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
