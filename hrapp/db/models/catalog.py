"""Reference catalogues (ranks, codes) and versioned regulation data stored in the database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hrapp.db.models.base import Base, IdMixin


class CatalogItem(Base):
    """One code of a catalogue: kind='ethnicity', 'qualification_level', 'unit_kind', 'category', 'post', ..."""

    __tablename__ = "catalog_items"
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    extra: Mapped[dict | None] = mapped_column(JSON, default=None)


class Rank(Base):
    """Ngạch công chức or chức danh nghề nghiệp viên chức, with its salary class (NĐ 204/2004)."""

    __tablename__ = "ranks"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    salary_class: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))  # 'ngach' (công chức) or 'cdnn' (viên chức)
    short: Mapped[str | None] = mapped_column(String(10))  # CVCC, CVC, CV, CS, NV for the statistics
    required_education: Mapped[str | None] = mapped_column(String(10))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class RuleVersionRow(IdMixin, Base):
    """A version of a regulation's numbers (see hrapp.domain.rules.RuleVersion), editable by an administrator."""

    __tablename__ = "rule_versions"
    __table_args__ = (UniqueConstraint("code", "version"),)
    code: Mapped[str] = mapped_column(String(60))
    version: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(300), default="")
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    legal_basis: Mapped[str] = mapped_column(Text)
    params: Mapped[dict] = mapped_column(JSON)


class AppSetting(Base):
    """Key/value settings shared by every user of the database (letterhead, place name, signer)."""

    __tablename__ = "app_settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
