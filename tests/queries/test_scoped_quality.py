"""The staff quality statistics run as an account limited to one unit: its people counted, nobody else."""

from __future__ import annotations

from datetime import date

from hrapp.queries.quality import quality_stats

COVERED = {"hrapp.queries.quality.quality_stats"}

ON = date(2022, 6, 30)


def test_the_statistics_count_the_units_people_only(scoped, facts):
    stats = quality_stats(scoped, ON)
    assert facts.leaked(stats) == set()
    assert {u.unit_id for u in stats.units} <= {facts.unit_id}
    assert 0 < stats.total.headcount <= len(facts.inside_ids)
