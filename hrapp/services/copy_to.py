"""Copy a whole database to another, empty one at the same schema revision (SQLite → PostgreSQL server).

Every table, in dependency order, in batches, inside one transaction on the target; PostgreSQL sequences
are moved past the copied ids; row counts are compared per table and any difference rolls it all back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, inspect, literal, select, text
from sqlalchemy.exc import DBAPIError

from hrapp.context import ServiceContext
from hrapp.db.engine import make_engine, resolve_url, sqlite_path
from hrapp.db.limits import out_of_range, too_long
from hrapp.db.migrate import check_version, head_revisions, upgrade, upgrade_within
from hrapp.db.models import Base
from hrapp.errors import DatabaseError, DomainError
from hrapp.security import ADMIN, require

Progress = Callable[[str, int, int], None]  # table, rows copied so far, rows in the table


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    revisions: tuple[str, ...]
    counts: dict[str, int] = field(hash=False)  # table -> rows, equal on both sides

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def tables_in_order() -> list[Table]:
    """Every application table, each after the tables its foreign keys point to."""
    return list(Base.metadata.sorted_tables)


def _self_keys(table: Table) -> list[tuple[str, str]]:
    """(column, referenced column) pairs of foreign keys that point into the same table (a tree)."""
    return [(fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table]


def _parents_first(rows: list[dict[str, Any]], keys: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Order the rows of a tree table so a row comes after every row it references."""
    remaining = list(rows)
    placed: dict[str, set[Any]] = {ref: set() for _, ref in keys}
    present = {ref: {r[ref] for r in rows} for _, ref in keys}
    ordered: list[dict[str, Any]] = []
    while remaining:
        ready: list[dict[str, Any]] = []
        waiting: list[dict[str, Any]] = []
        for r in remaining:
            ok = all(r[col] is None or r[col] in placed[ref] or r[col] not in present[ref] for col, ref in keys)
            (ready if ok else waiting).append(r)
        if not ready:  # a cycle inside the table: keep the source order, the database will judge it
            ready, waiting = waiting, []
        for r in ready:
            for _, ref in keys:
                placed[ref].add(r[ref])
        ordered.extend(ready)
        remaining = waiting
    return ordered


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def _batches(conn: Connection, table: Table, batch_size: int) -> Iterator[list[dict[str, Any]]]:
    keys = _self_keys(table)
    order = list(table.primary_key.columns)
    result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(
        select(table).order_by(*order)
    )
    if not keys:
        for part in result.partitions(batch_size):
            yield [r._asdict() for r in part]
        return
    rows = _parents_first([r._asdict() for r in result], keys)
    for i in range(0, len(rows), batch_size):
        yield rows[i: i + batch_size]


def _fix_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """PostgreSQL: after explicit ids were inserted, the next generated id must come after the largest."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        col = pk[0].name
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                           {"t": f'"{table.name}"', "c": col}).scalar()
        if seq:
            conn.execute(
                text(f'SELECT setval(:s, COALESCE((SELECT MAX("{col}") FROM "{table.name}"), 1), '
                     f'(SELECT MAX("{col}") FROM "{table.name}") IS NOT NULL)'),
                {"s": seq},
            )


def _prepare_target(target: Engine, revisions: set[str]) -> None:
    current = check_version(target)
    if current != revisions:
        if current - head_revisions():
            raise DatabaseError("target_too_new", "Cơ sở dữ liệu đích thuộc phiên bản phần mềm mới hơn.")
        upgrade(target)
        current = check_version(target)
    _same_revisions(current, revisions)


def _same_revisions(current: set[str], revisions: set[str]) -> None:
    if current != revisions:
        raise DatabaseError(
            "revision_mismatch",
            f"Hai cơ sở dữ liệu khác phiên bản cấu trúc ({', '.join(sorted(current))} ≠ {', '.join(sorted(revisions))}).",
        )


def _prepare_within(tconn: Connection, revisions: set[str]) -> None:
    """PostgreSQL: the schema made inside the copy's own transaction, so a failed copy leaves no table behind."""
    if not inspect(tconn).has_table("alembic_version"):
        upgrade_within(tconn)
    current = {row[0] for row in tconn.execute(text("SELECT version_num FROM alembic_version"))}
    if current - head_revisions():
        raise DatabaseError("target_too_new", "Cơ sở dữ liệu đích thuộc phiên bản phần mềm mới hơn.")
    if current != revisions:
        upgrade_within(tconn)
        current = {row[0] for row in tconn.execute(text("SELECT version_num FROM alembic_version"))}
    _same_revisions(current, revisions)


def _drop_created(target: Engine, before: set[str]) -> None:
    """Take back the tables a failed copy created (a target without transactional DDL in the driver's hands)."""
    made = set(inspect(target).get_table_names()) - before
    if not made:
        return
    with target.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for table in reversed(tables_in_order()):
            if table.name in made:
                table.drop(conn)
                made.discard(table.name)
        for name in made:  # alembic_version, and any table the models do not know
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"')


def _check_sizes(table: Table, batch: list[dict[str, Any]]) -> None:
    """A text longer than its column or a number larger (SQLite keeps them, PostgreSQL refuses them) stops the copy
    with one line naming the table, the row and the column, before the server has to refuse it."""
    for row in batch:
        long, large = too_long(table.name, row), out_of_range(table.name, row)
        if long or large:
            key = ", ".join(f"{c.name}={row.get(c.name)}" for c in table.primary_key.columns)
            if long:
                column, length, limit = long[0]
                raise DatabaseError("copy_value_too_long", table=table.name, row=key, column=column, length=length,
                                    limit=limit)
            column, value, low, high = large[0]
            raise DatabaseError("copy_value_out_of_range", table=table.name, row=key, column=column,
                                value=str(value), low=str(low), high=str(high))


def _refuse_non_empty(target: Engine, tables: list[Table]) -> None:
    """Checked before anything is migrated or written: a target holding any row is never touched."""
    existing = set(inspect(target).get_table_names())
    with target.connect() as conn:
        filled = [
            t.name for t in tables
            if t.name in existing and conn.execute(select(literal(1)).select_from(t).limit(1)).first() is not None
        ]
    if filled:
        raise DomainError(
            "target_not_empty",
            "Cơ sở dữ liệu đích đã có dữ liệu (bảng " + ", ".join(filled[:5]) + ("…" if len(filled) > 5 else "")
            + "). Hãy chép vào một cơ sở dữ liệu trống, chưa chạy lệnh init.",
        )


def _open_snapshot(source: Engine) -> Connection:
    """A source connection whose reads all see one consistent state of the database."""
    conn = source.connect()
    if source.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")  # the sqlite3 module would otherwise read each table at a different time
    else:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def _copy_rows(sconn: Connection, tconn: Connection, tables: list[Table], counts: dict[str, int], batch_size: int,
               on_progress: Progress | None) -> None:
    """Every table's rows into the target's open transaction, then the sequences and the row counts."""
    for table in tables:
        total = _count(sconn, table)
        done = 0
        try:
            for batch in _batches(sconn, table, batch_size):
                _check_sizes(table, batch)
                tconn.execute(table.insert(), batch)
                done += len(batch)
                if on_progress:
                    on_progress(table.name, done, total)
        except DBAPIError as exc:
            raise DatabaseError(
                "copy_failed", f"Không chép được bảng {table.name}: {exc.orig}. Cơ sở dữ liệu đích không thay đổi."
            ) from exc
        counts[table.name] = total
    if tconn.dialect.name == "postgresql":
        _fix_sequences(tconn, tables)
    copied = {t.name: _count(tconn, t) for t in tables}
    mismatched = [f"{name} ({counts[name]} → {n})" for name, n in copied.items() if n != counts[name]]
    if mismatched:
        raise DatabaseError(
            "count_mismatch",
            "Số bản ghi sau khi chép không khớp: " + ", ".join(mismatched)
            + ". Đã hủy toàn bộ việc chép, cơ sở dữ liệu đích không thay đổi.",
        )


def copy_database(source: Engine, target: Engine, *, batch_size: int = 1000,
                  on_progress: Progress | None = None) -> CopyResult:
    """Copy every table of `source` into the empty `target` (migrated here to the source's revision)."""
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    revisions = check_version(source)
    if revisions != head_revisions():
        raise DatabaseError("source_not_current", "Cơ sở dữ liệu nguồn chưa được nâng cấp lên phiên bản hiện tại.")
    tables = tables_in_order()
    check_version(target)  # a foreign or newer database is refused before anything else
    _refuse_non_empty(target, tables)

    counts: dict[str, int] = {}
    sconn = _open_snapshot(source)
    try:
        if target.dialect.name == "postgresql":
            with target.connect() as tconn, tconn.begin():
                _prepare_within(tconn, revisions)
                _copy_rows(sconn, tconn, tables, counts, batch_size, on_progress)
        else:
            before = set(inspect(target).get_table_names())
            try:
                _prepare_target(target, revisions)
                with target.begin() as tconn:
                    _copy_rows(sconn, tconn, tables, counts, batch_size, on_progress)
            except BaseException:
                _drop_created(target, before)
                raise
    finally:
        sconn.close()
    return CopyResult(
        source=source.url.render_as_string(hide_password=True),
        target=target.url.render_as_string(hide_password=True),
        revisions=tuple(sorted(revisions)),
        counts=counts,
    )


def copy_to(ctx: ServiceContext, target_url: str, *, batch_size: int = 1000,
            on_progress: Progress | None = None) -> CopyResult:
    """Move this office's whole database to a server (`postgresql+psycopg://…`) or another empty file."""
    require(ctx, ADMIN)
    url = resolve_url(target_url)
    if url == ctx.engine.url.render_as_string(hide_password=False):
        raise DomainError("same_database", "Cơ sở dữ liệu đích trùng với cơ sở dữ liệu đang dùng.")
    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():  # a mistyped path must not become folders and a file
        raise DatabaseError("folder_not_found", path=str(path.parent))
    target = make_engine(url)
    try:
        return copy_database(ctx.engine, target, batch_size=batch_size, on_progress=on_progress)
    finally:
        target.dispose()
