"""The staffing view run as an account limited to one unit: that unit's rows and people only."""

from __future__ import annotations

from datetime import date

from hrapp.queries.staffing import opening_quota_year, staffing_view
from tests.queries.conftest import SCOPE_UNIT

COVERED = {"hrapp.queries.staffing.staffing_view", "hrapp.queries.staffing.opening_quota_year"}

ON = date(2022, 6, 30)


def test_the_view_shows_the_unit_alone(demo_ctx, facts):
    whole = staffing_view(demo_ctx, ON.year, ON, with_positions=True)
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    table = staffing_view(demo_ctx, ON.year, ON, with_positions=True)
    assert facts.leaked(table) == set()
    assert [u.code for u in table.units] == [SCOPE_UNIT]
    assert {p.unit_id for p in table.positions} <= {facts.unit_id}
    own = next(u for u in whole.units if u.code == SCOPE_UNIT)
    assert table.people == own.people < whole.people


def test_the_opening_year_is_the_departments(demo_ctx, facts):
    year = opening_quota_year(demo_ctx)
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    assert opening_quota_year(demo_ctx) == year
