"""Apply the packaged Alembic migrations; refuse a database written by a newer version of the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from hrapp.db.engine import sqlite_path, use_wal
from hrapp.db.open_errors import open_error
from hrapp.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The header lines every version file has; reading them spares loading Alembic (a third of a second) at
# each start when the database is already current.
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(.+)$", re.M)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _script_revisions() -> dict[str, tuple[str, ...]]:
    """{revision: its down revisions} of the version files; Alembic reads them when a header is unusual."""
    files = tuple((str(p), p.stat().st_mtime_ns) for p in sorted((MIGRATIONS / "versions").glob("*.py")))
    return _read_revisions(files)


@lru_cache(maxsize=4)
def _read_revisions(files: tuple[tuple[str, int], ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for name, _mtime in files:
        source = Path(name).read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(alembic_config())
            return {r.revision: tuple(r._all_down_revisions) for r in script.walk_revisions()}
        out[rev.group(1)] = tuple(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return out


def head_revisions() -> set[str]:
    revisions = _script_revisions()
    below = {d for downs in revisions.values() for d in downs}
    return set(revisions) - below


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def known_revisions() -> set[str]:
    """Every revision this version of the application has a migration for."""
    return set(_script_revisions())



def check_version(engine: Engine) -> set[str]:
    """Return the database's revisions; raise if the file is not a database or was made by a newer app.
    Only reads: a refused file is left byte for byte as it was."""
    try:
        current = current_revisions(engine)
        if not current and inspect(engine).get_table_names():
            # Tables but no version: not a database of this application.
            raise DatabaseError("foreign_db")
    except (SADatabaseError, OperationalError) as exc:
        raise open_error(str(exc.orig), sqlite_path(engine.url.render_as_string(hide_password=False))) from exc
    unknown = current - known_revisions()
    if unknown:
        raise DatabaseError("too_new", revisions=sorted(unknown))
    return current


def upgrade(engine: Engine) -> bool:
    """Bring the database to the newest revision in one transaction. Returns True when anything ran.

    A migration that fails anywhere leaves the database as it was (DDL included: SQLite's DDL is
    transactional once the driver's own transaction handling is out of the way).
    """
    current = check_version(engine)
    use_wal(engine)  # ours and of a usable version: only now is anything written to the file
    if current == head_revisions():
        return False
    from alembic import command

    cfg = alembic_config()
    with _worded_failures(), engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            _upgrade_sqlite(conn, cfg)
        else:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
    return True


def upgrade_within(conn: Connection) -> None:
    """Run the migrations on `conn` inside the transaction its caller holds and will end (PostgreSQL, whose DDL is
    transactional: a failure later in that transaction takes the new tables back with everything else)."""
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    with _worded_failures():
        command.upgrade(cfg, "heads")


@contextmanager
def _worded_failures() -> Iterator[None]:
    """A migration that fails is one DatabaseError ("migration_failed") with the driver's words as its detail."""
    try:
        yield
    except DatabaseError:
        raise
    except (SADatabaseError, OperationalError) as exc:
        raise DatabaseError("migration_failed", detail=str(exc.orig)) from exc
    except Exception as exc:
        raise DatabaseError("migration_failed", detail=str(exc)) from exc


def _upgrade_sqlite(conn: Connection, cfg: Config) -> None:
    """SQLite's documented procedure for schema changes (lang_altertable.html, section 7).

    Foreign keys off, so that rebuilding a parent table (how SQLite alters one) neither cascades deletes
    nor fails; an explicit BEGIN, because the sqlite3 module would run DDL outside a transaction;
    `foreign_key_check` before the commit, so a migration cannot leave dangling references.
    """
    from alembic import command

    raw = conn.connection.driver_connection
    assert raw is not None  # a connection checked out of the pool always holds its driver's connection
    saved_isolation = raw.isolation_level
    raw.isolation_level = None  # autocommit mode: transactions are ours to begin and end
    try:
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("BEGIN IMMEDIATE")
        with conn.begin():  # the DB-API commit/rollback at its end ends our BEGIN
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = ", ".join(sorted({str(row[0]) for row in broken}))
                raise DatabaseError("migration_failed", detail=f"foreign_key_check: {tables}")
    finally:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raw.execute("PRAGMA foreign_keys=ON")
        raw.isolation_level = saved_isolation
