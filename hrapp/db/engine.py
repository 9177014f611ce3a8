"""Database URL resolution, the engine with SQLite pragmas set in one place, and the session factory."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hrapp.errors import DatabaseError

BUSY_TIMEOUT_MS = 10_000


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """`--db PATH|URL`, else the HRAPP_DB variable, else the SQLite file in the user's data folder."""
    value = str(db) if db else os.environ.get("HRAPP_DB", "")
    if not value:
        from hrapp.paths import default_db_path

        value = str(default_db_path())
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError as exc:
            raise DatabaseError("bad_url", url=value) from exc
        return value
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path.as_posix()}"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite URL, or None for a server or in-memory database."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _set_sqlite_pragmas(dbapi_conn, _record) -> None:
    """Per-connection settings only: none of them writes to the file. WAL, which is written into the file's
    header, is switched on by `use_wal` once the file is known to be this application's database."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def use_wal(engine: Engine) -> None:
    """Put a SQLite file database in WAL mode (kept in the file, so done once). Call it only after the file has
    been checked to be this application's database of a version it can use (`migrate.check_version`): another
    program's file, a newer version's or a refused one must keep every byte, its header included."""
    if engine.dialect.name != "sqlite" or sqlite_path(engine.url.render_as_string(hide_password=False)) is None:
        return
    try:
        with engine.connect() as conn:
            if str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower() != "wal":
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    except OperationalError:
        # A read-only file, or another program holding it in its journal mode: it keeps that mode (a write,
        # if any comes, says why it failed); the next opening tries again.
        return


def make_engine(url: str, *, create_dir: bool = False, passphrase: str | None = None) -> Engine:
    """Create the engine; for SQLite the pragmas are set on every new connection. `create_dir` makes the
    file's folder: only for a database the user asked to create (`init`, the GUI's first start). With
    `passphrase` the file is an encrypted (SQLCipher) one, keyed on each connection before the pragmas
    (hrapp/db/cipher.py)."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None and create_dir:
            path.parent.mkdir(parents=True, exist_ok=True)
        encrypted = _cipher_args(path, passphrase)
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **encrypted,
        )
        event.listen(engine, "connect", _set_sqlite_pragmas)
        if passphrase is not None:
            from hrapp.db import cipher

            cipher.remember(engine, passphrase)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _cipher_args(path: Path | None, passphrase: str | None) -> dict:
    if passphrase is None or path is None:
        return {}
    from hrapp.db import cipher

    return cipher.engine_args(path, passphrase, BUSY_TIMEOUT_MS / 1000)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)
