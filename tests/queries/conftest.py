"""Fixtures for the read side: the demo department seen by an administrator (who is in the scope unit, who is
not) and the same database signed in as an account limited to that unit. Every public query is run as that
account in a tests/queries/test_scoped_<area>.py, which lists the queries it covers in COVERED."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any

import pytest
from sqlalchemy import select

from hrapp.db.models import OrgUnit, Person

SCOPE_UNIT = "TTUD"


class DemoFacts:
    """Who is inside the scope unit and who is outside, read as the administrator before signing in."""

    def __init__(self, ctx) -> None:
        from hrapp.services.agency import get_agency

        agency = get_agency(ctx)
        with ctx.read() as s:
            self.units = dict(s.execute(select(OrgUnit.code, OrgUnit.id)).all())
            people = s.execute(select(Person.id, Person.full_name, Person.cur_unit_id)).all()
        self.unit_id = self.units[SCOPE_UNIT]
        self.inside = {n for _, n, u in people if u == self.unit_id}
        signers = {agency.head_name, agency.deputy_name, agency.preparer_name}
        # a name also borne by someone inside, or printed as a signer, proves nothing
        self.outside = {n for _, n, u in people if u != self.unit_id} - self.inside - signers
        self.inside_ids = sorted(i for i, _, u in people if u == self.unit_id)
        self.outside_ids = sorted(i for i, _, u in people if u != self.unit_id)

    def leaked(self, value: Any) -> set[str]:
        """The names of people outside the unit found anywhere in a query's result."""
        text = _text(value)
        return {n for n in self.outside if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)}


def _text(value: Any) -> str:
    if is_dataclass(value) and not isinstance(value, type):
        return " ".join(_text(getattr(value, f.name)) for f in fields(value))
    if isinstance(value, dict):
        return " ".join(_text(k) + " " + _text(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return " ".join(_text(v) for v in value)
    if hasattr(value, "_asdict"):
        return _text(value._asdict())
    return str(value)


@pytest.fixture
def facts(demo_ctx) -> DemoFacts:
    return DemoFacts(demo_ctx)


@pytest.fixture
def scoped(demo_ctx, facts):
    """The demo signed in as a unit leader of TTUD (reads personal data, limited to the unit)."""
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    return demo_ctx
