"""The audit trail: who changed what, when, with old and new values; written in the same transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hrapp.db.models.base import Base, utcnow


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"), Index("ix_audit_at", "at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(20))  # insert, update, delete, export, print, login ...
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str | None] = mapped_column(String(60))
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    changes: Mapped[dict | None] = mapped_column(JSON)  # {"field": [old, new]}
    summary: Mapped[str | None] = mapped_column(Text)
