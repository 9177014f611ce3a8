"""Kept for one release only: the service context moved to `hrapp.context` (below the queries). This module only
re-exports it for code written against the old path; a follow-up removes it. Import `hrapp.context` instead."""

from hrapp.context import (  # noqa: F401 - re-exported for the old import path
    ServiceContext,
    empty_database_file,
    missing_database,
    open_memory_context,
    os_user,
    refuse_existing_for_encryption,
    refuse_missing_database,
)
