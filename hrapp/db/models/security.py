"""User accounts for the multi-user mode: login name, argon2 password hash, role, unit scope, lockout state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hrapp.db.models.base import Base, IdMixin, StampMixin


class UserAccount(IdMixin, StampMixin, Base):
    """One officer who may sign in once an administrator has turned accounts on (setting `accounts_enabled`).

    `unit_scope` is None for the whole department, else a list of org_units ids (sub-units included).
    """

    __tablename__ = "user_accounts"
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))  # quan_tri, to_chuc_can_bo, lanh_dao, xem
    unit_scope: Mapped[list | None] = mapped_column(JSON, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
