"""Encryption at rest (optional): a SQLite database encrypted page by page with SQLCipher.

The binding is `sqlcipher3-wheels` (SQLCipher 4.12 community on SQLite 3.51). Its settings are SQLCipher 4's
defaults, pinned with `cipher_default_compatibility = 4` so that a later binding still opens today's files:
AES-256-CBC per 4096-byte page with a random IV, HMAC-SHA512 on every page (a changed byte is refused, not read),
the key derived from the passphrase by PBKDF2-HMAC-SHA512 with 256,000 iterations and a random salt kept in the
file's first 16 bytes. The header is encrypted too: an encrypted file does not start with "SQLite format 3".

The passphrase is chosen by the administrator and never stored: not in the settings, the log, the audit trail or
the command line. It lives only in this process's memory while the database is open (the engine's connection
factory needs it for every new connection). The key is given before anything else on each connection
(`sqlite3_key`, the C form of `PRAGMA key`), then one read of the schema proves it right or wrong.

A database that is not encrypted never goes through this module's connections: the plain path is the standard
`sqlite3` module exactly as before.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import weakref
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from hrapp.errors import DatabaseError, DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"
PASSPHRASE_VAR = "HRAPP_DB_PASSPHRASE"  # the passphrase of the database (or backup) being opened
NEW_PASSPHRASE_VAR = "HRAPP_NEW_DB_PASSPHRASE"  # the new passphrase of `encrypt`
MIN_PASSPHRASE = 10
COMPATIBILITY = 4
KDF_ITERATIONS = 256_000  # SQLCipher 4: PBKDF2-HMAC-SHA512, a 32-byte key, the salt in the file's first 16 bytes
SALT_BYTES = 16

_dbapi: Any = None
_keys: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
_prompt: Callable[[Path], str | None] | None = None


def dbapi() -> Any:
    """sqlcipher3.dbapi2, loaded on first use, its log kept off stderr and SQLCipher 4's settings pinned."""
    global _dbapi
    if _dbapi is None:
        from sqlcipher3 import dbapi2

        setup = dbapi2.connect(":memory:")
        try:
            setup.execute("PRAGMA cipher_log_level = NONE")  # a wrong key must be one line, not SQLCipher's dump
            setup.execute(f"PRAGMA cipher_default_compatibility = {COMPATIBILITY}")
        finally:
            setup.close()
        _dbapi = dbapi2
    return _dbapi


def database_errors() -> tuple[type[BaseException], ...]:
    """sqlite3.DatabaseError and, once SQLCipher is loaded, its own: for `except` clauses of either path."""
    return (sqlite3.DatabaseError,) if _dbapi is None else (sqlite3.DatabaseError, _dbapi.DatabaseError)


def operational_errors() -> tuple[type[BaseException], ...]:
    """sqlite3.OperationalError and, once SQLCipher is loaded, its own."""
    return (sqlite3.OperationalError,) if _dbapi is None else (sqlite3.OperationalError, _dbapi.OperationalError)


def errors() -> tuple[type[BaseException], ...]:
    """sqlite3.Error and, once SQLCipher is loaded, its own."""
    return (sqlite3.Error,) if _dbapi is None else (sqlite3.Error, _dbapi.Error)


def looks_encrypted(path: str | os.PathLike[str] | None) -> bool:
    """True for an existing file that is not plain SQLite but could be SQLCipher: not empty, whole pages, and its
    first 16 bytes are not SQLite's header. Whether it really is one is known only when a passphrase opens it."""
    if path is None:
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
            size = os.fstat(fh.fileno()).st_size
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and head != SQLITE_MAGIC


def check_new_passphrase(passphrase: str) -> str:
    """A new passphrase: long enough, no NUL (SQLCipher reads the key up to it)."""
    if "\x00" in passphrase or passphrase.lower().startswith("x'"):  # x'…' would be taken as a raw key
        raise DomainError("passphrase_invalid")
    if len(passphrase) < MIN_PASSPHRASE:
        raise DomainError("passphrase_too_short", minimum=MIN_PASSPHRASE)
    return passphrase


@functools.lru_cache(maxsize=8)
def _derived(passphrase: str, salt: bytes) -> str:
    """SQLCipher 4's key derivation done once in this process, as a raw key (x'…'): every later connection is
    keyed without deriving it again (a quarter of a second each on a busy PC)."""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
    return f"x'{key.hex()}'"


def _salt(path: str | os.PathLike[str]) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            salt = fh.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES and salt != SQLITE_MAGIC else None


def connect(path: str | os.PathLike[str], passphrase: str, *, read_only: bool = False,
            timeout: float = 5.0, check_same_thread: bool = True, verify: bool = True) -> Any:
    """A SQLCipher connection to `path` with the key set first; `verify`: the schema read once, so that a wrong
    passphrase is refused here (DatabaseError 'db_wrong_passphrase') before anything is written.

    An existing file is keyed with the key derived from the passphrase and its salt (once per process); a new
    file, or one whose settings are not SQLCipher 4's, with the passphrase itself."""
    if not passphrase or "\x00" in passphrase:
        raise DatabaseError("db_wrong_passphrase", path=str(path))
    salt = _salt(path) if verify else None
    if salt is not None:
        try:
            return _keyed(path, _derived(passphrase, salt), read_only, timeout, check_same_thread, verify)
        except DatabaseError:
            pass  # not SQLCipher 4's derivation (or a wrong passphrase): the passphrase itself says which
    return _keyed(path, passphrase, read_only, timeout, check_same_thread, verify)


def _keyed(path: str | os.PathLike[str], key: str, read_only: bool, timeout: float, check_same_thread: bool,
           verify: bool) -> Any:
    d = dbapi()
    target = f"{Path(path).resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    con = d.connect(target, uri=True, timeout=timeout, check_same_thread=check_same_thread)
    try:
        con.set_key(key)  # sqlite3_key: before any statement on this connection
        if verify:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except d.DatabaseError as exc:
        con.close()
        text = str(exc).lower()
        if "not a database" in text or "encrypted" in text:
            raise DatabaseError("db_wrong_passphrase", path=str(path)) from exc
        raise
    return con


def open_sqlite(path: str | os.PathLike[str], passphrase: str | None = None, *, read_only: bool = False,
                timeout: float = 5.0) -> Any:
    """The standard sqlite3 connection for a plain file (passphrase None), else a keyed SQLCipher one."""
    if passphrase is None:
        if read_only:
            return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
        return sqlite3.connect(path, timeout=timeout)
    return connect(path, passphrase, read_only=read_only, timeout=timeout)


def check(path: str | os.PathLike[str], passphrase: str) -> None:
    """Raise 'db_wrong_passphrase' unless `passphrase` opens the encrypted file (read only: nothing written)."""
    connect(path, passphrase, read_only=True).close()


def engine_args(path: Path, passphrase: str, timeout: float) -> dict[str, Any]:
    """create_engine() arguments for an encrypted file: the sqlcipher3 DB-API (so SQLAlchemy knows its errors)
    and a connection factory that keys each new connection before SQLAlchemy or the pragmas touch it."""
    d = dbapi()

    def creator() -> Any:
        return connect(path, passphrase, timeout=timeout, check_same_thread=False)

    return {"module": d, "creator": creator}


def remember(engine: Any, passphrase: str) -> None:
    """Keep the passphrase beside its engine, in memory only, for the backups of this database."""
    _keys[engine] = passphrase


def passphrase_of(engine: Any) -> str | None:
    """The passphrase the engine's database was opened with; None for a plain database or a server."""
    return _keys.get(engine)


def set_prompt(prompt: Callable[[Path], str | None] | None) -> None:
    """How a passphrase is asked when none was given (the CLI: a hidden prompt at a terminal). The GUI asks in a
    dialog before opening and passes it; the core never asks by itself."""
    global _prompt
    _prompt = prompt


def passphrase_from_env() -> str | None:
    return os.environ.get(PASSPHRASE_VAR) or None


def passphrase_for(path: Path | None, given: str | None = None) -> str | None:
    """The passphrase to open `path` with: None for a plain file (or a server); else `given`, the environment
    variable or the prompt, proven right. Refused with one line when none is known or it does not open the file."""
    if not looks_encrypted(path):
        return None
    assert path is not None
    passphrase = given or passphrase_from_env()
    if passphrase is None and _prompt is not None:
        passphrase = _prompt(path)
    if not passphrase:
        raise DatabaseError("db_passphrase_needed", path=str(path), variable=PASSPHRASE_VAR)
    check(path, passphrase)
    return passphrase


def table_counts(con: Any) -> dict[str, int]:
    """Rows of every table of the connection's main database."""
    names = [r[0] for r in con.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: int(con.execute(f'SELECT count(*) FROM main."{n}"').fetchone()[0]) for n in names}


def export(source: Path, source_key: str | None, target: Path, target_key: str | None, *,
           lock_source: bool = True) -> dict[str, int]:
    """Write the whole database `source` into the new file `target` with `sqlcipher_export` (plain to encrypted,
    encrypted to plain, or to a new passphrase), then check the new file: integrity_check and the same number
    of rows in every table. Returns the counts. `target` must not exist.

    `lock_source`: the source's write lock is held during the copy (the live database: no writer slips in);
    otherwise the source is opened read-only (a backup: not a byte of it changes)."""
    d = dbapi()
    if target.exists():
        raise FileExistsError(target)
    read_only = not lock_source
    if source_key:
        con = connect(source, source_key, read_only=read_only)
    else:
        mode = "ro" if read_only else "rw"
        con = d.connect(f"{source.resolve().as_uri()}?mode={mode}", uri=True, timeout=5.0)
    try:
        con.execute("ATTACH DATABASE ? AS target KEY ?", (f"{target.resolve().as_uri()}?mode=rwc", target_key or ""))
        con.execute("BEGIN IMMEDIATE" if lock_source else "BEGIN")  # one snapshot for the copy and the counts
        try:
            counts = table_counts(con)
            con.execute("SELECT sqlcipher_export('target')").fetchall()
            version = int(con.execute("PRAGMA main.user_version").fetchone()[0])
            con.execute(f"PRAGMA target.user_version = {version}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("DETACH DATABASE target")
    finally:
        con.close()
    with closing(open_sqlite(target, target_key)) as copy:
        problems = [r[0] for r in copy.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise DatabaseError("convert_check_failed", detail="; ".join(problems[:3]))
        copied = table_counts(copy)
    if copied != counts:
        differ = sorted(t for t in set(counts) | set(copied) if counts.get(t) != copied.get(t))
        raise DatabaseError("convert_check_failed", detail=", ".join(differ[:5]))
    return counts
