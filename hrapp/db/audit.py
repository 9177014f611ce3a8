"""Writes an audit row for every insert, update and delete, inside the same flush and transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from hrapp.db.models.audit import AuditLog
from hrapp.db.models.base import utcnow
from hrapp.errors import DomainError

# password_hash: a hash in the audit trail would hand it to every reader of the trail (offline guessing).
_SKIP = {"created_at", "updated_at", "row_version", "name_folded", "sort_key", "data", "password_hash"}
_installed = False
BULK = "audit_bulk"  # session.info flag: inside `bulk()`, no audit row per row


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _person_id(obj: Any) -> int | None:
    if obj.__class__.__name__ == "Person":
        return obj.id
    return getattr(obj, "person_id", None)


def _pk(obj: Any) -> str:
    state = inspect(obj)
    ident = state.identity or state.mapper.primary_key_from_instance(obj)
    if not ident or all(i is None for i in ident):
        return ""
    return "/".join(str(i) for i in ident)


def _changes(obj: Any, action: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP:
            continue
        if action == "insert":  # a new row has no history worth computing: its values are the change
            value = getattr(obj, key)
            if value is not None:
                out[key] = [None, _plain(value)]
            continue
        hist = state.attrs[key].history
        if action == "delete":
            value = hist.unchanged[0] if hist.unchanged else (hist.deleted[0] if hist.deleted else None)
            if value is not None:
                out[key] = [_plain(value), None]
        elif hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                out[key] = [_plain(old), _plain(new)]
    return out


def _refuse_audit_changes(session: Session) -> None:
    """Audit rows are only ever added: the application has no way to change or remove one."""
    touched = [o for o in session.deleted if isinstance(o, AuditLog)]
    touched += [o for o in session.dirty if isinstance(o, AuditLog) and session.is_modified(o)]
    if touched:
        raise DomainError("audit_read_only", "Nhật ký thay đổi chỉ được ghi thêm, không thể sửa hay xóa.")


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    _refuse_audit_changes(session)
    if session.info.get(BULK):
        return
    pending = session.info.setdefault("_audit_pending", [])
    for obj in session.dirty:
        if isinstance(obj, AuditLog) or not session.is_modified(obj, include_collections=False):
            continue
        ch = _changes(obj, "update")
        if ch:
            pending.append(("update", obj, ch))
    for obj in session.deleted:
        if not isinstance(obj, AuditLog):
            pending.append(("delete", obj, _changes(obj, "delete")))
    session.info["_audit_new"] = [o for o in session.new if not isinstance(o, AuditLog)]


def _after_flush(session: Session, _ctx: Any) -> None:
    rows = []
    user = session.info.get("user", "system")
    now = utcnow()
    for obj in session.info.pop("_audit_new", []):
        rows.append(_row(user, now, "insert", obj, _changes(obj, "insert")))
    for action, obj, ch in session.info.pop("_audit_pending", []):
        rows.append(_row(user, now, action, obj, ch))
    if rows:
        session.connection().execute(insert(AuditLog), rows)


def _row(user: str, now: dt.datetime, action: str, obj: Any, changes: dict) -> dict[str, Any]:
    return {
        "at": now,
        "user": user,
        "action": action,
        "entity": obj.__class__.__tablename__,
        "entity_id": _pk(obj),
        "person_id": _person_id(obj),
        "changes": changes,
        "summary": None,
    }


def record(session: Session, action: str, entity: str, entity_id: str | None = None, summary: str = "",
           person_id: int | None = None, changes: dict | None = None) -> None:
    """An explicit audit row for actions that change no table (export, print, login)."""
    session.add(
        AuditLog(user=session.info.get("user", "system"), action=action, entity=entity, entity_id=entity_id,
                 person_id=person_id, changes=changes, summary=summary)
    )


@dataclass
class BulkTrail:
    """The one audit row of a bulk operation; the caller sets the summary and counts before the block ends."""

    summary: str = ""
    changes: dict[str, Any] = field(default_factory=dict)


@contextmanager
def bulk(session: Session, action: str, entity: str, entity_id: str | None = None) -> Iterator[BulkTrail]:
    """Bulk work (a generated province, a mass load): inside the block no audit row is written per inserted,
    changed or deleted row; when the block ends without error, one row records the whole operation."""
    trail = BulkTrail()
    session.info[BULK] = True
    try:
        yield trail
        session.flush()
    finally:
        session.info.pop(BULK, None)
    record(session, action, entity, entity_id, summary=trail.summary, changes=trail.changes or None)


def install_audit() -> None:
    """Hook the audit writer on every Session (idempotent)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush", _after_flush)
    _installed = True
