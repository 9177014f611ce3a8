"""The size of every column, read once from the models (`String(n)`, `Integer`, `Numeric(p, s)`), and the check that
holds every writer to it: SQLite stores a longer text or a larger number as it is, PostgreSQL refuses it with an
error, so without this check the same record is saved on one and fails on the other (and a copy from one to the
other breaks half-way).

The ORM writers (the editor, the services, the importer's updates) meet `check_values` through a `before_flush`
listener; writers that insert with Core (the importer's new people, `copy-to`) call `too_long` / `out_of_range`
themselves, where they can name the sheet, row and column or the table and row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, Float, Integer, Numeric, SmallInteger, String, event, inspect
from sqlalchemy.orm import Session

from hrapp.catalogs import field_label
from hrapp.db.models import Base
from hrapp.errors import ValidationError
from hrapp.messages import text

_installed = False
_INT_BOUNDS = {SmallInteger: 2**15, Integer: 2**31, BigInteger: 2**63}  # PostgreSQL's smallint, integer, bigint


@cache
def column_limits(table: str) -> dict[str, int]:
    """{column: maximum characters} of a table's `String(n)` columns (unbounded texts are not listed)."""
    found = Base.metadata.tables.get(table)
    if found is None:
        return {}
    return {c.name: int(c.type.length) for c in found.columns
            if isinstance(c.type, String) and c.type.length is not None}


@cache
def number_bounds(table: str) -> dict[str, tuple[Decimal, Decimal]]:
    """{column: (lowest, highest)} a table's integer and `Numeric(p, s)` columns hold on PostgreSQL."""
    found = Base.metadata.tables.get(table)
    if found is None:
        return {}
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for c in found.columns:
        kind = type(c.type)
        if kind in _INT_BOUNDS:
            out[c.name] = (Decimal(-_INT_BOUNDS[kind]), Decimal(_INT_BOUNDS[kind] - 1))
        elif isinstance(c.type, Numeric) and not isinstance(c.type, Float) and c.type.precision is not None:
            scale = c.type.scale or 0
            top = Decimal(10) ** (c.type.precision - scale) - Decimal(10) ** -scale
            out[c.name] = (-top, top)
    return out


def limit_of(table: str, column: str) -> int | None:
    return column_limits(table).get(column)


def bounds_of(table: str, column: str) -> tuple[Decimal, Decimal] | None:
    return number_bounds(table).get(column)


def too_long(table: str, values: Mapping[str, Any]) -> list[tuple[str, int, int]]:
    """(column, length, limit) for each text in `values` longer than its column holds."""
    limits = column_limits(table)
    return [(name, len(value), limits[name]) for name, value in values.items()
            if value.__class__ is str and name in limits and len(value) > limits[name]]


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    return Decimal(value) if not isinstance(value, float) else Decimal(repr(value))


def out_of_range(table: str, values: Mapping[str, Any]) -> list[tuple[str, Any, Decimal, Decimal]]:
    """(column, value, lowest, highest) for each number in `values` its column cannot hold."""
    bounds = number_bounds(table)
    found = []
    for name, value in values.items():
        if name in bounds and (number := _number(value)) is not None and number.is_finite():
            low, high = bounds[name]
            if not low <= number <= high:
                found.append((name, value, low, high))
    return found


def length_message(field: str, length: int, limit: int) -> str:
    return text("value_too_long", what=field_label(field), length=length, limit=limit)


def range_message(field: str, value: Any, low: Decimal, high: Decimal) -> str:
    return text("column_out_of_range", what=field_label(field), value=str(value), low=str(low), high=str(high))


def check_values(objects: Iterable[Any], changed_only: bool = False) -> list[tuple[str, str]]:
    """(field, message) for every text or number of these ORM objects that its column cannot hold (with
    `changed_only`, the attributes changed since loading: a value stored before this check does not stop a save
    of another field)."""
    errors: list[tuple[str, str]] = []
    for obj in objects:
        state = inspect(obj)
        mapper = state.mapper
        table = mapper.local_table.name
        limits, bounds = column_limits(table), number_bounds(table)
        if not limits and not bounds:
            continue
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            if column.table.name != table or (column.name not in limits and column.name not in bounds):
                continue
            if changed_only and not state.attrs[attr.key].history.has_changes():
                continue
            value = getattr(obj, attr.key, None)
            if value is None:
                continue
            if column.name in limits:
                if value.__class__ is str and len(value) > limits[column.name]:
                    errors.append((attr.key, length_message(attr.key, len(value), limits[column.name])))
            else:
                for _, _, low, high in out_of_range(table, {column.name: value}):
                    errors.append((attr.key, range_message(attr.key, value, low, high)))
    return errors


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    errors = check_values(session.new) + check_values(session.dirty, changed_only=True)
    if errors:
        raise ValidationError(errors)


def install_length_check() -> None:
    """Every ORM flush checks the values it writes against their columns (idempotent)."""
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _before_flush)
        _installed = True
