"""What a database error means to the user, decided in one place: busy, read-only, a disk or folder the app cannot
write in, a full disk, a damaged file, or a file that is no SQLite database at all.

SQLite says "unable to open database file" both for a folder that does not exist and for a database on a read-only
disk (in WAL mode even a reader must create the `-shm` file beside it), and opening reads the schema first: without
looking at the place, a read-only USB stick or network share was reported as "damaged, or not SQLite".
"""

from __future__ import annotations

import os
from pathlib import Path

from hrapp.errors import DatabaseError


def place_is_read_only(path: Path) -> bool:
    """True when the file or its folder exists but this process cannot write there (a read-only disk or share,
    a write-protected folder or file)."""
    folder = path.parent
    if not folder.is_dir():
        return False
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    if not os.access(folder, os.W_OK):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def place_error(message: str, path: Path | None) -> DatabaseError | None:
    """The error that is about the place rather than the file: busy (another program writes), full, or a read-only
    disk or folder. None when the message is about the file itself (the caller words that)."""
    text = message.lower()
    if "locked" in text or "busy" in text:
        return DatabaseError("locked")
    if "disk" in text and "full" in text:  # SQLITE_FULL: "database or disk is full"
        return DatabaseError("disk_full")
    if path is not None and any(k in text for k in ("readonly", "read-only", "unable to open", "disk i/o error")) \
            and place_is_read_only(path):
        return DatabaseError("read_only_place", path=str(path))
    return None


def open_error(message: str, path: Path | None) -> DatabaseError:
    """Opening the database (reading its schema version) failed: the place, or else the file is unreadable."""
    return place_error(message, path) or DatabaseError("unreadable", detail=message)
