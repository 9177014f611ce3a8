"""The audit trail is the administrator's: an account limited to one unit reads none of it."""

from __future__ import annotations

import pytest

from hrapp.errors import PermissionDeniedError
from hrapp.queries import audit

COVERED = {"hrapp.queries.audit.audit_page", "hrapp.queries.audit.audit_entries", "hrapp.queries.audit.audit_users",
           "hrapp.queries.audit.audit_entities", "hrapp.queries.audit.audit_actions"}


@pytest.mark.parametrize("name", sorted(n.rsplit(".", 1)[1] for n in COVERED))
def test_the_trail_is_refused_to_a_unit_account(scoped, name):
    with pytest.raises(PermissionDeniedError):
        getattr(audit, name)(scoped)
