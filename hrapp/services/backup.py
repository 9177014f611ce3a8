"""Backups: a consistent online copy checked with integrity_check, the daily copy with rotation, restore.

Attachments (scans, photos) are stored inside the database, so every backup holds them too.
SQLite: the copy is made with SQLite's online backup API from the live connection. PostgreSQL: the
backup is a logical copy of every table into a SQLite file of the same revision (the app can open it,
and `copy-to` puts it back on an empty server database); a full server backup stays the server
administrator's job with pg_dump. Restoring replaces only a SQLite file; a server is restored by `copy-to`
from a backup into an empty database.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import re
import shutil
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db import cipher
from hrapp.db.audit import record
from hrapp.db.engine import make_engine, make_session_factory, resolve_url, sqlite_path
from hrapp.db.migrate import head_revisions, known_revisions, upgrade
from hrapp.db.models import Base
from hrapp.errors import DatabaseError, DomainError
from hrapp.paths import user_data_dir
from hrapp.security import ADMIN, require
from hrapp.services.copy_to import copy_database

DAILY_KEEP = 30
BACKUP_SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, checked: shown before a restore is confirmed."""

    path: Path
    size: int
    revisions: tuple[str, ...]
    persons: int
    units: int
    attachments: int
    needs_upgrade: bool  # made by an older version: upgraded after the restore
    encrypted: bool = False  # an encrypted (SQLCipher) backup, opened with its passphrase


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    revisions: tuple[str, ...]
    attachments: int


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    safety_copy: Path | None  # the database as it was before the restore
    restored_from: Path
    revisions: tuple[str, ...]  # of the backup, before any upgrade
    upgraded: bool
    accounts_on: bool  # the restored database has accounts: sign in again


def _known_revisions() -> set[str]:
    return known_revisions()  # read from the version files without loading Alembic (the GUI imports this module)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _check_copy(con: sqlite3.Connection, path: Path, *, restorable: bool = False) -> BackupInfo:
    """integrity_check and the application's tables and revision, on an open copy. `restorable`: also what a
    database must be to replace the current one: no dangling reference (foreign_key_check, which
    integrity_check does not do) and, at the current revision, every table and column of the schema."""
    problems = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise DatabaseError("backup_corrupt", problems="; ".join(problems[:3]))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables or "persons" not in tables:
        raise DatabaseError("not_hrapp_backup", name=path.name)
    revisions = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    unknown = revisions - _known_revisions()
    if unknown or not revisions:
        raise DatabaseError(
            "backup_too_new", revisions=", ".join(sorted(unknown)) or "?",
        )

    needs_upgrade = revisions != head_revisions()
    if restorable:
        _check_references(con)
        if not needs_upgrade:  # an older one is checked once upgraded, on the copy (see `_restorable_copy`)
            _check_schema(con)

    def count(table: str) -> int:
        return int(con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]) if table in tables else 0

    return BackupInfo(path=path, size=path.stat().st_size, revisions=tuple(sorted(revisions)),
                      persons=count("persons"), units=count("org_units"), attachments=count("attachments"),
                      needs_upgrade=needs_upgrade)


def _check_references(con: sqlite3.Connection) -> None:
    """Every foreign key points at a row that exists (a restored database would otherwise break later)."""
    broken = con.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({str(row[0]) for row in broken})
        raise DatabaseError("backup_dangling", rows=len(broken), tables=", ".join(tables[:5]))


def _check_schema(con: sqlite3.Connection) -> None:
    """Every table and column of this version's schema is there (a backup edited or cut down by hand is not)."""
    have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in have:
            missing.append(table.name)
            continue
        columns = {r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')}
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in columns]
    if missing:
        raise DatabaseError("backup_schema", missing=", ".join(missing[:5]) + ("…" if len(missing) > 5 else ""))


def file_errors() -> tuple[type[BaseException], ...]:
    """What copying a database file may raise: the system's errors and SQLite's (SQLCipher's, once loaded)."""
    return (OSError, *cipher.errors())


def _sqlite_copy(src: sqlite3.Connection, dest_path: Path, *, restorable: bool = False,
                 passphrase: str | None = None) -> BackupInfo:
    """The online backup of `src` into a new file, made self-contained (no -wal) and checked. With `passphrase`
    (an encrypted source), the copy is encrypted with it: pages are re-encrypted, never written in clear."""
    with closing(cipher.open_sqlite(dest_path, passphrase)) as dest:
        src.backup(dest)  # all pages in one step: one consistent snapshot, whatever other writers do
        dest.execute("PRAGMA journal_mode=DELETE")
        info = _check_copy(dest, dest_path, restorable=restorable)
    return dataclasses.replace(info, encrypted=passphrase is not None)


def _restorable_copy(src: Path, dest_path: Path, src_key: str | None = None, key: str | None = None) -> BackupInfo:
    """A checked copy of the backup `src` at `dest_path`, ready to take the current database's place: every check
    of `_check_copy`; an older backup upgraded here, on the copy, and its schema and references checked again
    afterwards. Only the copy is written; a refusal leaves `src` and the current database as they were.

    `src_key` opens an encrypted backup; the copy is encrypted with `key` (None: plain). A plain backup copied
    for an encrypted database is exported into the encrypted file directly, never staged in clear."""
    try:
        if src_key is None and key is not None:
            cipher.export(src, None, dest_path, key, lock_source=False)
            with closing(cipher.open_sqlite(dest_path, key)) as con:
                info = _check_copy(con, dest_path, restorable=True)
        else:
            with closing(cipher.open_sqlite(src, src_key, read_only=True)) as con:
                info = _sqlite_copy(con, dest_path, restorable=True, passphrase=key)
        if info.needs_upgrade:
            engine = make_engine(resolve_url(str(dest_path)), passphrase=key)
            try:
                upgrade(engine)
            except DatabaseError as exc:
                raise DatabaseError("backup_schema", missing=exc.params.get("detail", exc.code)) from exc
            finally:
                engine.dispose()
            with closing(cipher.open_sqlite(dest_path, key)) as con:
                con.execute("PRAGMA journal_mode=DELETE")
                _check_schema(con)
                _check_references(con)
    except cipher.operational_errors():
        raise  # the copy could not be written (disk full, no access): the caller says so, not "not a backup"
    except cipher.database_errors() as exc:  # not a database, or damaged beyond reading
        raise DatabaseError("not_hrapp_backup", name=src.name) from exc
    return dataclasses.replace(info, path=src, size=src.stat().st_size, encrypted=src_key is not None)


def _tmp_beside(target: Path, tag: str) -> Path:
    return target.with_name(f".{target.name}.{tag}-{os.getpid()}.tmp")


def _live_path(ctx: ServiceContext) -> Path | None:
    return sqlite_path(ctx.engine.url.render_as_string(hide_password=False))


def _write_backup(ctx: ServiceContext, target: Path, *, own_folder: bool = False) -> BackupResult:
    """Write the checked copy to `target`. Its folder must exist, as for every file the user names (a mistyped
    path must not become folders); only the application's own folder of automatic copies (`own_folder`) is made."""
    target = target.expanduser().resolve()
    live = _live_path(ctx)
    if live is not None and live.resolve() == target:
        raise DomainError("backup_onto_live")
    if not own_folder and not target.parent.is_dir():
        raise DatabaseError("folder_not_found", path=str(target.parent))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError("backup_failed", name=target.name, detail=f"{target.parent}: {exc.strerror}") from exc
    tmp = _tmp_beside(target, "backup")
    try:
        if ctx.engine.dialect.name == "sqlite":
            with ctx.engine.connect() as conn:
                driver = conn.connection.driver_connection
                assert driver is not None  # a connection checked out of the pool holds its driver's
                info = _sqlite_copy(driver, tmp,
                                    passphrase=cipher.passphrase_of(ctx.engine))
        else:
            info = _logical_copy(ctx.engine, tmp)
        _fsync_file(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except file_errors() as exc:
        raise DatabaseError("backup_failed", name=target.name, detail=str(exc)) from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
    return BackupResult(path=target, size=target.stat().st_size, revisions=info.revisions, attachments=info.attachments)


def _logical_copy(source: Engine, dest_path: Path) -> BackupInfo:
    """PostgreSQL → a SQLite file at the same revision, every table, read in one snapshot."""
    dest = make_engine(resolve_url(str(dest_path)))
    try:
        copy_database(source, dest)
        with dest.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dest.dispose()
    with closing(sqlite3.connect(dest_path)) as con:
        con.execute("PRAGMA journal_mode=DELETE")
        return _check_copy(con, dest_path)


def backup(ctx: ServiceContext, target: str | os.PathLike[str]) -> BackupResult:
    """A consistent copy of the whole database (attachments included) into the chosen file, checked. The folder
    must exist (refused with 'folder_not_found' otherwise, like `--out` and `copy-to`)."""
    require(ctx, ADMIN)
    result = _write_backup(ctx, Path(target))
    with ctx.unit_of_work() as s:
        record(s, "backup", "database", None, summary=f"Sao lưu vào {result.path}")
    return result


DAILY_RE = r"^{stem}-(\d{{4}}-\d{{2}}-\d{{2}})\.sqlite3$"


def default_backup_folder() -> Path:
    return user_data_dir() / "backups"


def daily_backups(folder: Path, stem: str) -> list[Path]:
    """The automatic backups of one database in a folder, newest first (other files are never touched)."""
    pattern = re.compile(DAILY_RE.format(stem=re.escape(stem)))
    found = [(m.group(1), p) for p in folder.glob(f"{stem}-*{BACKUP_SUFFIX}") if (m := pattern.match(p.name))]
    return [p for _, p in sorted(found, reverse=True)]


def daily_backup(ctx: ServiceContext, folder: str | os.PathLike[str] | None = None, keep: int = DAILY_KEEP,
                 today: date | None = None) -> Path | None:
    """At start-up: one backup a day named `<database>-YYYY-MM-DD.sqlite3`, keeping the newest `keep`.

    Returns the file made today, or None when today's exists already or the database is not a local file
    (a server's copies are its administrator's; a copy of the whole office on each PC would spread
    personal data).
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    live = _live_path(ctx)
    if live is None:
        return None
    today = today or clock.today()
    where = Path(folder) if folder is not None else default_backup_folder()
    target = where / f"{live.stem}-{today.isoformat()}{BACKUP_SUFFIX}"
    made: Path | None = None
    if not target.exists():
        made = _write_backup(ctx, target, own_folder=True).path
    for old in daily_backups(where, live.stem)[keep:]:
        old.unlink(missing_ok=True)
    return made


def inspect_backup(source: str | os.PathLike[str], passphrase: str | None = None) -> BackupInfo:
    """Check a backup file without changing it, as `restore` will: integrity, application tables, revision not
    too new, no dangling reference, the schema complete (an older backup: once upgraded, on a scratch copy).

    An encrypted backup needs its passphrase (`passphrase`, else HRAPP_DB_PASSPHRASE): 'db_passphrase_needed'
    or 'db_wrong_passphrase' otherwise, which the caller answers by asking for it; its scratch copy is encrypted
    with it too."""
    path = Path(source).expanduser().resolve()
    if not path.is_file():
        raise DatabaseError("backup_missing", path=str(path))
    key = cipher.passphrase_for(path, passphrase)
    scratch = _tmp_beside(path, "check") if os.access(path.parent, os.W_OK) else None
    try:
        if scratch is not None:
            return _restorable_copy(path, scratch, key, key)
        with closing(cipher.open_sqlite(path, key, read_only=True)) as src:
            info = _check_copy(src, path, restorable=True)  # (an older one's upgraded schema: at the restore)
            return dataclasses.replace(info, encrypted=key is not None)
    except cipher.database_errors() as exc:
        raise DatabaseError("not_hrapp_backup", name=path.name) from exc
    finally:
        if scratch is not None:
            for leftover in (scratch, Path(f"{scratch}-journal"), Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
                leftover.unlink(missing_ok=True)


def _take_exclusive(db: Path, passphrase: str | None = None) -> None:
    """Fold the -wal into the file and leave WAL mode; refused while another program has the database open."""
    try:
        with closing(cipher.open_sqlite(db, passphrase, timeout=2)) as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except cipher.database_errors() as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DatabaseError(
                "in_use", "Cơ sở dữ liệu đang được mở ở chương trình hoặc máy khác. Hãy đóng lại rồi khôi phục."
            ) from exc
        return  # a damaged database (often why one restores): it is replaced whole, its copy kept above
    if mode != "delete" or Path(f"{db}-wal").exists():
        raise DatabaseError(
            "in_use", "Cơ sở dữ liệu đang được mở ở chương trình hoặc máy khác. Hãy đóng lại rồi khôi phục."
        )


def _take_exclusive_when_free(db: Path, ctx: ServiceContext | None, wait_s: float = 5.0) -> None:
    """`_take_exclusive`, waiting a few seconds for this app's own short reads (a list being read on a worker
    thread while the restore starts) to hand their connections back; another program's hold is still refused."""
    deadline = time.monotonic() + wait_s
    passphrase = cipher.passphrase_of(ctx.engine) if ctx is not None else None
    while True:
        try:
            _take_exclusive(db, passphrase)
            return
        except DatabaseError as exc:
            if exc.code != "in_use" or time.monotonic() >= deadline:
                raise
        time.sleep(0.2)
        if ctx is not None:
            ctx.engine.dispose()  # connections handed back since the last attempt are closed
        gc.collect()  # a pool replaced by dispose() closes the connections it still held when it is freed


def _refuse_current(db: Path) -> None:
    """Restore by path (the current database could not be opened): refuse a file that does not exist (a mistyped
    --db) and a readable SQLite file that is not this application's or belongs to a newer version. A damaged
    database, which one restores to repair, is replaced (its bytes kept aside by `_safety_copy`)."""
    if not db.exists():
        raise DatabaseError("database_not_found", path=str(db))
    if db.is_file() and db.stat().st_size == 0:  # not a database this application made: left alone
        raise DatabaseError("database_empty", path=str(db))
    try:
        with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as con:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revisions = ({r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
                         if "alembic_version" in tables else set())
    except sqlite3.DatabaseError:
        return
    if (tables and not revisions) or revisions - _known_revisions():
        raise DatabaseError("restore_onto_foreign", path=str(db))


def _safety_copy(db: Path, stamp: str) -> Path:
    target = db.with_name(f"{db.stem}.before-restore-{stamp}{BACKUP_SUFFIX}")
    try:
        with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(target)) as dest:
            src.backup(dest)
    except sqlite3.DatabaseError:  # unreadable: keep its bytes as they are
        target.unlink(missing_ok=True)
        shutil.copy2(db, target)
    _fsync_file(target)
    return target


def restore(ctx_or_url: ServiceContext | str | os.PathLike[str], source: str | os.PathLike[str],
            now: datetime | None = None, passphrase: str | None = None) -> RestoreResult:
    """Replace the SQLite database by a backup, keeping a copy of the current one first.

    Given a context, its engine is disposed and reopened on the restored file (upgraded if older), so
    the caller keeps using the same context; when the restored database has accounts the user must
    sign in again. The replacement is one atomic rename: a crash leaves the old or the new database.

    Encryption: `passphrase` opens an encrypted backup. The restored database is never less protected than the
    one it replaces: into an encrypted database, any backup (plain or encrypted) is restored encrypted with the
    current database's passphrase; into a plain one, an encrypted backup stays encrypted with its own passphrase
    (decrypt it afterwards if wanted) and a plain backup stays plain.
    """
    ctx = ctx_or_url if isinstance(ctx_or_url, ServiceContext) else None
    if ctx is not None:
        require(ctx, ADMIN)
        url = ctx.engine.url.render_as_string(hide_password=False)
    else:
        url = resolve_url(str(ctx_or_url))
    db = sqlite_path(url)
    if db is None:
        raise DatabaseError(
            "restore_server",
            "Chỉ khôi phục được vào tệp SQLite. Với máy chủ PostgreSQL: tạo một cơ sở dữ liệu trống rồi dùng "
            "lệnh copy-to từ tệp sao lưu (hoặc quản trị máy chủ khôi phục bằng pg_restore).",
        )
    src = Path(source).expanduser().resolve()
    db = db.resolve()
    if ctx is None:
        _refuse_current(db)
    if src == db:
        raise DomainError("restore_onto_itself")
    if not src.is_file():
        raise DatabaseError("backup_missing", path=str(src))
    backup_key = cipher.passphrase_for(src, passphrase)
    key = (cipher.passphrase_of(ctx.engine) if ctx is not None else None) or backup_key
    stamp = (now or clock.now()).strftime("%Y%m%d-%H%M%S")
    staged = _tmp_beside(db, "restore")
    try:
        # Every check runs on the staged copy before anything of the current database is touched.
        info = _restorable_copy(src, staged, backup_key, key)
        _fsync_file(staged)
        if ctx is not None:
            ctx.engine.dispose()
        safety: Path | None = None
        if db.exists():
            _take_exclusive_when_free(db, ctx)
            safety = _safety_copy(db, stamp)
        os.replace(staged, db)
        _fsync_dir(db.parent)
    except file_errors() as exc:
        raise DatabaseError("restore_failed", detail=str(exc)) from exc
    finally:
        for leftover in (staged, Path(f"{staged}-journal"), Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            leftover.unlink(missing_ok=True)
    for sidecar in (Path(f"{db}-shm"), Path(f"{db}-journal")):
        sidecar.unlink(missing_ok=True)

    engine = make_engine(url, passphrase=key)
    upgraded = upgrade(engine) or info.needs_upgrade  # (an older backup was upgraded on the staged copy)
    restored_ctx = ctx or ServiceContext(engine=engine, session_factory=make_session_factory(engine))
    if ctx is not None:
        ctx.engine, ctx.session_factory = engine, make_session_factory(engine)
        ctx.invalidate_rules()
    with restored_ctx.unit_of_work() as s:
        record(s, "restore", "database", None,
               summary=f"Khôi phục từ {src}; bản lưu dữ liệu trước khi khôi phục: {safety or 'không có'}")
    restored_ctx.refresh_accounts_mode()
    if ctx is None:
        engine.dispose()
    return RestoreResult(database=db, safety_copy=safety, restored_from=src, revisions=info.revisions,
                         upgraded=upgraded, accounts_on=restored_ctx.accounts_on)
