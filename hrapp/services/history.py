"""The one writer of dated history rows: a row opening on E closes the running row on E−1 (the rule is
`hrapp.domain.history`). Two paths give the same rows: the ORM path changes mapped objects in a session (the
audit hook writes a row per change), the bulk path changes plain row dicts before one executemany and writes
the audit rows of the inserted records with one call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Date, Table
from sqlalchemy.engine import Connection

from hrapp.db.models import AuditLog
from hrapp.domain.history import chain_ends, superseded_end

__all__ = ["Keep", "audit_inserted", "chain", "insert_rows", "supersede", "supersede_rows"]

R = TypeVar("R")
BATCH = 5000


@dataclass(frozen=True)
class Keep:
    """A value written on a closed row only where the row holds none yet (e.g. an end reason given before)."""

    value: Any


def _close(rows: Iterable[R], on: date, get: Callable[[R, str], Any], put: Callable[[R, str, Any], None],
           start: str, end: str, started_before: bool, also: dict[str, Any]) -> list[R]:
    closed = []
    for row in rows:
        last = superseded_end(get(row, start), get(row, end), on, started_before=started_before)
        if last is None:
            continue
        put(row, end, last)
        for key, value in also.items():
            if isinstance(value, Keep):
                value = get(row, key) or value.value
            put(row, key, value)
        closed.append(row)
    return closed


def supersede(rows: Iterable[R], on: date, *, start: str = "start_date", end: str = "end_date",
              started_before: bool = False, **also: Any) -> list[R]:
    """ORM path: every mapped row still running on `on` ends on `on`−1; `also` sets more attributes on the
    closed rows (a `Keep` only where empty). Returns the closed rows."""
    return _close(rows, on, getattr, setattr, start, end, started_before, also)


def supersede_rows(rows: Iterable[dict[str, Any]], on: date, *, start: str = "start_date", end: str = "end_date",
                   started_before: bool = False, **also: Any) -> list[dict[str, Any]]:
    """Bulk path: the same rule and the same values on row dicts not yet written."""
    return _close(rows, on, dict.get, dict.__setitem__, start, end, started_before, also)


def chain(rows: list[dict[str, Any]], *, start: str = "start_date", end: str = "end_date") -> list[dict[str, Any]]:
    """Bulk path for a new record's history given in order: each row ends the day before the next opens."""
    for row, last in zip(rows, chain_ends([r[start] for r in rows]), strict=True):
        row[end] = last
    return rows


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT the rows (all with the same keys) in one executemany; the columns that are None in every row are
    left out, so their defaults apply as in a Core insert of the rows without them. On SQLite the values are
    converted with the column types' own bind processors (ISO text for dates) and handed to the driver:
    SQLAlchemy's per-row parameter handling costs more than the database's work on 30,000 rows. Other
    databases get a Core executemany."""
    if not rows:
        return
    keys = list(rows[0])
    columns = list(zip(*map(itemgetter(*keys), rows), strict=True)) if len(keys) > 1 else \
        [tuple(r[keys[0]] for r in rows)]
    n = len(rows)
    used = [i for i, col in enumerate(columns) if col.count(None) != n]
    keys = [keys[i] for i in used]
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), [{k: r[k] for k in keys} for r in rows])
        return
    dialect = conn.dialect
    given = set(keys)
    names = list(keys)
    constants: list[Any] = []  # Python-side column defaults, as a Core insert applies them, stored once
    for c in table.columns:
        d = c.default
        if c.name in given or d is None or not (d.is_scalar or d.is_callable):
            continue
        value = d.arg if d.is_scalar else d.arg(None)  # type: ignore[attr-defined]  # scalar/callable defaults have .arg
        proc = c.type._cached_bind_processor(dialect)
        names.append(c.name)
        constants.append(proc(value) if proc is not None and value is not None else value)
    converted = []
    for i, key in zip(used, keys, strict=True):
        kind = table.c[key].type
        col = columns[i]
        if type(kind) is Date:
            col = tuple(None if x is None else x.isoformat() for x in col)
        elif (proc := kind._cached_bind_processor(dialect)) is not None:
            col = tuple(None if x is None else proc(x) for x in col)
        converted.append(col)
    if constants:
        converted.extend((value,) * n for value in constants)
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    driver = conn.connection.driver_connection
    assert driver is not None  # a connection checked out of the pool holds its driver's
    cursor = driver.cursor()
    try:
        cursor.executemany(sql, list(zip(*converted, strict=True)))
    finally:
        cursor.close()


_AUDIT_TABLE: Table = AuditLog.metadata.tables[AuditLog.__tablename__]


def audit_inserted(conn: Connection, user: str, now: dt.datetime, entity: str,
                   inserted: Iterable[tuple[int, dict[str, list[Any]]]], summary: str,
                   person_ids: bool = True) -> int:
    """The one audit call of the bulk path: an "insert" row per inserted record (its id and the changes
    given), as the ORM path's audit hook writes one per mapped insert. Returns how many were written."""
    rows = [{"at": now, "user": user, "action": "insert", "entity": entity, "entity_id": str(pk),
             "person_id": pk if person_ids else None, "changes": changes, "summary": summary}
            for pk, changes in inserted]
    for begin in range(0, len(rows), BATCH):
        insert_rows(conn, _AUDIT_TABLE, rows[begin:begin + BATCH])
    return len(rows)
