"""Encryption at rest turned on or off, or its passphrase changed, for a SQLite database (hrapp/db/cipher.py).

The whole database is written into a new file beside it with `sqlcipher_export`, while its write lock is held;
the new file is checked (integrity_check, the same number of rows in every table), then put in place by one
atomic rename. The old file stays under a hidden name until the new one has been opened with its key, and is
put back if that fails; on success it is deleted. Nothing is written to the database itself, so a wrong
passphrase or a failed check leaves it exactly as it was.

Only administrators convert. The passphrase is never stored or written to the audit trail; the audit row says
only that the database was encrypted, decrypted or given a new passphrase.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from hrapp.context import ServiceContext
from hrapp.db import cipher
from hrapp.db.audit import record
from hrapp.db.engine import make_engine, make_session_factory, sqlite_path, use_wal
from hrapp.errors import DatabaseError, DomainError, HrappError
from hrapp.security import ADMIN, require
from hrapp.services.backup import (
    _fsync_dir,
    _fsync_file,
    _take_exclusive_when_free,
    daily_backups,
    default_backup_folder,
    file_errors,
)

ENCRYPTED, DECRYPTED, REKEYED = "encrypted", "decrypted", "rekeyed"


@dataclass(frozen=True)
class ConvertResult:
    database: Path
    outcome: str  # ENCRYPTED, DECRYPTED or REKEYED
    tables: int
    rows: int
    plain_backups: tuple[Path, ...]  # the automatic backups of this database still in clear (after encrypting)

    @property
    def encrypted(self) -> bool:
        return self.outcome != DECRYPTED


def is_encrypted(ctx: ServiceContext) -> bool:
    """True when the context's database is an encrypted SQLite file."""
    return cipher.passphrase_of(ctx.engine) is not None


def encrypt(ctx: ServiceContext, passphrase: str, *, backup_folder: str | os.PathLike[str] | None = None
            ) -> ConvertResult:
    """Encrypt the database with a new passphrase (or, when it is encrypted already, change its passphrase)."""
    require(ctx, ADMIN)
    cipher.check_new_passphrase(passphrase)
    return _convert(ctx, passphrase, backup_folder)


def decrypt(ctx: ServiceContext) -> ConvertResult:
    """Write the database back in clear (plain SQLite)."""
    return _convert(ctx, None, None)


def _database(ctx: ServiceContext) -> tuple[str, Path]:
    url = ctx.engine.url.render_as_string(hide_password=False)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError("encrypt_server")
    return url, path.resolve()


def _hidden_beside(db: Path, tag: str) -> Path:
    return db.with_name(f".{db.name}.{tag}-{os.getpid()}.tmp")


def _keep_old(db: Path, keep: Path) -> None:
    """A second name for the old file (a hard link; a copy where links are not possible): it is the backup kept
    until the new file has proven itself."""
    keep.unlink(missing_ok=True)
    try:
        os.link(db, keep)
    except OSError:
        shutil.copy2(db, keep)


def _convert(ctx: ServiceContext, new_key: str | None, backup_folder: str | os.PathLike[str] | None
             ) -> ConvertResult:
    require(ctx, ADMIN)
    url, db = _database(ctx)
    old_key = cipher.passphrase_of(ctx.engine)
    if new_key is None and old_key is None:
        raise DomainError("not_encrypted")
    outcome = DECRYPTED if new_key is None else (REKEYED if old_key is not None else ENCRYPTED)
    staged, keep = _hidden_beside(db, "convert"), _hidden_beside(db, "before-convert")
    ctx.engine.dispose()  # the engine stays usable (old key): it opens new connections when asked
    try:
        _take_exclusive_when_free(db, ctx)  # the -wal folded in, and nobody else has the file open
        counts = cipher.export(db, old_key, staged, new_key)
        _fsync_file(staged)
        _keep_old(db, keep)
        os.replace(staged, db)
        _fsync_dir(db.parent)
    except HrappError:
        keep.unlink(missing_ok=True)
        raise
    except file_errors() as exc:
        keep.unlink(missing_ok=True)
        raise DatabaseError("convert_failed", detail=str(exc)) from exc
    finally:
        for leftover in (staged, Path(f"{staged}-journal")):
            leftover.unlink(missing_ok=True)
    for sidecar in (Path(f"{db}-shm"), Path(f"{db}-journal")):
        sidecar.unlink(missing_ok=True)

    try:
        engine = make_engine(url, passphrase=new_key)
        with engine.connect() as conn:  # the new file opens with its key and reads
            conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
        use_wal(engine)  # the exported file is in rollback-journal mode: back to WAL, as the old one was
    except Exception as exc:
        os.replace(keep, db)  # the old file back, as it was
        raise DatabaseError("convert_failed", detail=str(exc)) from exc
    old_engine = ctx.engine
    ctx.engine, ctx.session_factory = engine, make_session_factory(engine)
    old_engine.dispose()
    keep.unlink(missing_ok=True)
    _fsync_dir(db.parent)

    with ctx.unit_of_work() as s:
        summary = {ENCRYPTED: "Mã hóa cơ sở dữ liệu", DECRYPTED: "Giải mã cơ sở dữ liệu",
                   REKEYED: "Đổi cụm mật khẩu của cơ sở dữ liệu"}[outcome]
        record(s, f"database_{outcome}", "database", None, summary=summary)
    plain: tuple[Path, ...] = ()
    if new_key is not None:
        folder = Path(backup_folder) if backup_folder is not None else default_backup_folder()
        plain = tuple(p for p in daily_backups(folder, db.stem) if not cipher.looks_encrypted(p))
    return ConvertResult(database=db, outcome=outcome, tables=len(counts), rows=sum(counts.values()),
                         plain_backups=plain)
