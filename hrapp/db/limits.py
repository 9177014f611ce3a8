"""The size of every text column, read once from the models' `String(n)`, and the check that holds every writer
to it: SQLite stores a longer text as it is, PostgreSQL refuses it with an error, so without this check the same
record is saved on one and fails on the other (and a copy from one to the other breaks half-way).

The ORM writers (the editor, the services, the importer's updates) meet `check_lengths` through a `before_flush`
listener; writers that insert with Core (the importer's new people, `copy-to`) call `too_long` themselves, where
they can name the sheet, row and column or the table and row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session

from hrapp.db.models import Base

_installed = False


@cache
def column_limits(table: str) -> dict[str, int]:
    """{column: maximum characters} of a table's `String(n)` columns (unbounded texts are not listed)."""
    found = Base.metadata.tables.get(table)
    if found is None:
        return {}
    return {c.name: int(c.type.length) for c in found.columns
            if isinstance(c.type, String) and c.type.length is not None}


def limit_of(table: str, column: str) -> int | None:
    return column_limits(table).get(column)


def too_long(table: str, values: Mapping[str, Any]) -> list[tuple[str, int, int]]:
    """(column, length, limit) for each text in `values` longer than its column holds."""
    limits = column_limits(table)
    return [(name, len(value), limits[name]) for name, value in values.items()
            if value.__class__ is str and name in limits and len(value) > limits[name]]


def length_message(field: str, length: int, limit: int) -> str:
    from hrapp.domain.validation import label
    from hrapp.messages import text

    return text("value_too_long", what=label(field), length=length, limit=limit)


def check_lengths(objects: Iterable[Any], changed_only: bool = False) -> list[tuple[str, str]]:
    """(field, message) for every text attribute of these ORM objects longer than its column (with
    `changed_only`, the attributes changed since loading: a text stored long before this check does not stop
    a save of another field)."""
    errors: list[tuple[str, str]] = []
    for obj in objects:
        state = inspect(obj)
        mapper = state.mapper
        table = mapper.local_table.name
        limits = column_limits(table)
        if not limits:
            continue
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            limit = limits.get(column.name) if column.table.name == table else None
            if limit is None:
                continue
            if changed_only and not state.attrs[attr.key].history.has_changes():
                continue
            value = getattr(obj, attr.key, None)
            if value.__class__ is str and len(value) > limit:
                errors.append((attr.key, length_message(attr.key, len(value), limit)))
    return errors


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    from hrapp.errors import ValidationError

    errors = check_lengths(session.new) + check_lengths(session.dirty, changed_only=True)
    if errors:
        raise ValidationError(errors)


def install_length_check() -> None:
    """Every ORM flush checks the texts it writes against their columns (idempotent)."""
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _before_flush)
        _installed = True
