"""The promotion list run as an account limited to one unit: the unit's people only, each with the reasons."""

from __future__ import annotations

from datetime import date

from hrapp.queries.promotion import promotion_candidates, promotion_targets

COVERED = {"hrapp.queries.promotion.promotion_candidates", "hrapp.queries.promotion.promotion_targets"}

ON = date(2026, 3, 1)


def test_the_promotion_list_holds_the_units_people_only(scoped, facts, demo_ctx):
    seen = promotion_candidates(scoped, "V.05.02.06", ON)
    assert facts.leaked(seen) == set()
    assert seen.rows and {r.person_id for r in seen.rows} <= set(facts.inside_ids)
    assert all(r.eligible or r.reasons for r in seen.rows)
    assert ("01.002", "Chuyên viên chính") in promotion_targets(scoped)
