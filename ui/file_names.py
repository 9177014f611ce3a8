"""Suggested file names for saved documents: the agency's short name first ('SNV_bien_che_2025.pdf'), so files
of several agencies kept in one folder stay apart; no prefix while the agency has no short name."""

from __future__ import annotations

from pathlib import Path

from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from hrapp.services.agency import file_prefix, get_agency


def suggested_name(ctx: ServiceContext, name: str) -> str:
    try:
        prefix = file_prefix(get_agency(ctx))
    except HrappError:  # the name is only a suggestion: a database that cannot be read still saves
        prefix = ""
    return f"{prefix}{name}"


def suggested_path(ctx: ServiceContext, name: str, folder: Path | None = None) -> str:
    """`name` in the home folder (or `folder`), behind the agency's short name."""
    return str((folder or Path.home()) / suggested_name(ctx, name))
