"""The service context: session factory, current user, rule book; opens one unit of work per user action."""

from __future__ import annotations

import getpass
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from hrapp.db.audit import install_audit
from hrapp.db.cipher import check_new_passphrase, passphrase_for
from hrapp.db.engine import make_engine, make_session_factory, resolve_url, sqlite_path, use_wal
from hrapp.db.limits import install_length_check
from hrapp.db.migrate import check_version, upgrade
from hrapp.db.models import AppSetting, RuleVersionRow
from hrapp.db.open_errors import open_error, place_error
from hrapp.db.scope import limit_to_units
from hrapp.domain.rules import RuleBook, RuleVersion, load_rulebook
from hrapp.errors import ConflictError, DatabaseError
from hrapp.failures import database_error


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service account, container): fall back to a label
        return "local"


@dataclass
class ServiceContext:
    """What every service function receives. The UI and CLI build one at start-up (main.py)."""

    engine: Engine
    session_factory: sessionmaker[Session]
    user: str = field(default_factory=os_user)
    # Accounts off (the default): one user with every right, as an administrator. Accounts on: nobody
    # until sign-in (role ""), then the account's role and unit scope (None = the whole department).
    role: str = "quan_tri"
    unit_scope: tuple[int, ...] | None = None
    accounts_on: bool = False
    _rulebook: RuleBook | None = None
    writes: int = 0  # transactions committed through this context: lists kept in memory compare it to know they are stale

    @classmethod
    def open(cls, db: str | None = None, *, migrate: bool = True, user: str | None = None,
             create: bool = False, passphrase: str | None = None,
             new_passphrase: str | None = None) -> ServiceContext:
        """Resolve the URL, create the engine, check the database is this application's and of a version it can
        use (before anything is written to it), apply migrations (cheap when current) and return a context.

        A SQLite file that does not exist, or an empty (0-byte) one, is refused (a mistyped path or a file another
        program left must not become a new database) unless `create` is given: only `init` and the GUI's first
        start, after asking, create one.

        An encrypted SQLite file is opened with `passphrase`, else HRAPP_DB_PASSPHRASE, else the prompt the CLI
        installed; a wrong or missing one is refused before anything is written (hrapp/db/cipher.py).

        `new_passphrase` (with `create`): a new database created encrypted from its first byte, no plain page ever
        written; a file that holds something already is refused (the `encrypt` command converts one)."""
        url = resolve_url(db)
        if not create:
            refuse_missing_database(url)
        key: str | None
        if new_passphrase is not None:
            key = _new_encrypted_file(url, new_passphrase)
        else:
            key = passphrase_for(sqlite_path(url), passphrase)
        engine = make_engine(url, create_dir=create, passphrase=key)
        try:
            if migrate:
                upgrade(engine)
            else:  # still checked before anything is written: another program's or a newer version's file is refused
                check_version(engine)
                use_wal(engine)
        except BaseException:
            engine.dispose()
            raise
        ctx = cls(engine=engine, session_factory=make_session_factory(engine))
        if user:
            ctx.user = user
        ctx.refresh_accounts_mode()
        return ctx

    def refresh_accounts_mode(self) -> None:
        """Read the `accounts_enabled` setting; when on, the context has no rights until `sign_in`."""
        self.accounts_on = read_accounts_enabled(self)
        if self.accounts_on:
            self.role, self.unit_scope = "", None
        else:
            self.role, self.unit_scope = "quan_tri", None

    def sign_in(self, username: str, role: str, unit_scope: tuple[int, ...] | None = None) -> None:
        """Act as this account from now on (after `accounts.authenticate` accepted its password)."""
        self.user, self.role, self.unit_scope = username, role, unit_scope

    def sign_out(self) -> None:
        self.role, self.unit_scope = ("", None) if self.accounts_on else ("quan_tri", None)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def rulebook(self) -> RuleBook:
        """Rules as stored in the database (administrators may edit them); bundled data if the table is empty."""
        if self._rulebook is None:
            self._rulebook = read_rulebook(self)
        return self._rulebook

    def invalidate_rules(self) -> None:
        self._rulebook = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; closed (its transaction released, objects kept loaded) at the end.

        For an account limited to some units, this session and the unit of work's read only the people of
        those units (hrapp.db.scope): every query run in them is narrowed, whoever calls it."""
        session = self.session_factory()
        session.info["user"] = self.user
        limit_to_units(session, self.unit_scope)
        try:
            yield session
        finally:
            session.close()

    @contextmanager
    def unit_of_work(self, retries: int = 3) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error; audit rows are written inside it.

        'database is locked' beyond the busy timeout becomes a clear message; a stale version a conflict.
        """
        session = self.session_factory()
        session.info["user"] = self.user
        limit_to_units(session, self.unit_scope)
        try:
            yield session
            _commit_with_retry(session, retries)
            self.writes += 1
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError("conflict") from exc
        except (IntegrityError, OperationalError, SADatabaseError, sqlite3.Error) as exc:
            # SQLAlchemy's errors and the driver's own (bulk writes that talk to sqlite3 directly) alike
            _rollback_quietly(session)
            # a read-only disk or folder is said as such (SQLite only says it cannot open or write)
            mapped = place_error(str(getattr(exc, "orig", exc)),
                                 sqlite_path(self.engine.url.render_as_string(hide_password=False))) \
                or database_error(exc)
            if mapped is None:  # not the database's doing (a programming error): the boundary words it
                raise
            raise mapped from exc
        except BaseException:
            _rollback_quietly(session)
            raise
        finally:
            session.close()


def missing_database(url: str) -> Path | None:
    """The SQLite file a URL names when it does not exist yet (None for a server, memory, or an existing file)."""
    path = sqlite_path(url)
    return path if path is not None and not path.exists() else None


def refuse_existing_for_encryption(db: str | None) -> None:
    """`init --encrypt` on a server or on a file that holds something already: refused before anything is asked."""
    url = resolve_url(db)
    if sqlite_path(url) is None:
        raise DatabaseError("encrypt_server")
    if missing_database(url) is None and empty_database_file(url) is None:
        raise DatabaseError("init_encrypt_existing", path=str(sqlite_path(url)))


def _new_encrypted_file(url: str, passphrase: str) -> str:
    """The passphrase of a database to be created encrypted, checked as `encrypt` checks it; only a SQLite file
    that does not exist yet or is empty."""
    refuse_existing_for_encryption(url)
    return check_new_passphrase(passphrase)


def empty_database_file(url: str) -> Path | None:
    """The SQLite file a URL names when it exists but is empty (0 bytes): no database this application made, as
    `init` writes the schema at once; only `init` (or a first start that asked) may make a database of it."""
    path = sqlite_path(url)
    try:
        return path if path is not None and path.is_file() and path.stat().st_size == 0 else None
    except OSError:
        return None


def refuse_missing_database(url: str) -> None:
    """A file that does not exist, or an empty one, is refused before anything is opened or written."""
    path = missing_database(url)
    if path is not None:
        raise DatabaseError("database_not_found", path=str(path))
    path = empty_database_file(url)
    if path is not None:
        raise DatabaseError("database_empty", path=str(path))


def _rollback_quietly(session: Session) -> None:
    """Roll back; if even that fails (disk gone), SQLite discards the transaction when the connection closes."""
    try:
        session.rollback()
    except OperationalError:
        session.invalidate()


def _commit_with_retry(session: Session, retries: int) -> None:
    """Flush, then commit. Waiting for another writer's lock happens inside SQLite (busy timeout) at the
    first write; only a COMMIT refused as busy is tried again here, never a failed flush (its work is gone)."""
    session.flush()
    for attempt in range(retries):
        try:
            session.commit()
            return
        except OperationalError as exc:
            if "locked" not in str(exc.orig).lower() or attempt == retries - 1 or not session.is_active:
                raise
            time.sleep(0.2 * (attempt + 1))


def open_memory_context() -> ServiceContext:
    """A fresh in-memory database with the schema (tests, the no-database CLI commands)."""
    engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA foreign_keys=ON"))
    upgrade(engine)
    return ServiceContext(engine=engine, session_factory=make_session_factory(engine))


ACCOUNTS_SETTING = "accounts_enabled"


def read_accounts_enabled(ctx: ServiceContext) -> bool:
    """Whether an administrator has turned accounts on for this database (the setting `accounts_enabled`).

    Read here, below the services, so the context depends on no service (`accounts.accounts_enabled` is this)."""
    try:
        with ctx.read() as s:
            value = s.scalar(select(AppSetting.value).where(AppSetting.key == ACCOUNTS_SETTING))
    except (OperationalError, ProgrammingError) as exc:
        text = str(exc.orig).lower()
        if "no such table" in text or "does not exist" in text:  # not migrated yet: no settings, no accounts
            return False
        raise _unreadable(exc, ctx) from exc
    except SADatabaseError as exc:  # never "accounts off" (every right) because the check itself failed
        raise _unreadable(exc, ctx) from exc
    return value == "1"


def _unreadable(exc: SADatabaseError, ctx: ServiceContext) -> DatabaseError:
    path = sqlite_path(ctx.engine.url.render_as_string(hide_password=False))
    return open_error(str(exc.orig), path)


def read_rulebook(ctx: ServiceContext) -> RuleBook:
    """Rules as stored in the database (administrators may edit them); bundled data if the table is empty."""
    with ctx.read() as s:
        rows = s.scalars(select(RuleVersionRow)).all()
    if not rows:
        return load_rulebook()
    versions = [
        RuleVersion(code=r.code, version=r.version, effective_from=r.effective_from, effective_to=r.effective_to,
                    legal_basis=r.legal_basis, params=r.params, title=r.title)
        for r in rows
    ]
    # Rules added to the bundle after the database was seeded still apply until `init` stores them.
    stored = {(v.code, v.version) for v in versions}
    versions += [v for v in load_rulebook().all() if (v.code, v.version) not in stored]
    return RuleBook(versions)


install_audit()
install_length_check()
