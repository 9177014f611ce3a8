"""Kept for one release only: roles and permissions moved to `hrapp.security` (below the queries). This module
only re-exports them for code written against the old path; a follow-up removes it. Import `hrapp.security`."""

from hrapp.security import (  # noqa: F401 - re-exported for the old import path
    ADMIN,
    APPROVE,
    PERMISSION_LABELS,
    PERMISSIONS,
    READ,
    READ_PERSONAL,
    ROLE_LABELS,
    ROLE_PERMISSIONS,
    WRITE,
    has_permission,
    in_scope,
    permissions_of,
    require,
    units_in_scope,
)
