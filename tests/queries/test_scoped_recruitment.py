"""The recruitment read side as an account limited to one unit: every public query runs, and nobody of another
unit appears in what it returns (a candidate hired into another unit included)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hrapp.db.models import RecruitmentRound
from hrapp.queries import recruitment as rq

COVERED = {
    "hrapp.queries.recruitment.get_round",
    "hrapp.queries.recruitment.list_rounds",
    "hrapp.queries.recruitment.list_candidates",
    "hrapp.queries.recruitment.get_candidate",
    "hrapp.queries.recruitment.results",
    "hrapp.queries.recruitment.round_events",
    "hrapp.queries.recruitment.priority_choices",
}


def _round_ids(ctx) -> list[int]:
    with ctx.read() as s:
        return list(s.scalars(select(RecruitmentRound.id).order_by(RecruitmentRound.id)))


@pytest.fixture
def round_ids(demo_ctx) -> list[int]:
    ids = _round_ids(demo_ctx)
    assert ids, "the demo department holds recruitment rounds"
    return ids


def test_the_list_of_rounds_names_nobody_outside_the_unit(scoped, facts, round_ids):
    rows = rq.list_rounds(scoped)
    assert {r.id for r in rows} == set(round_ids)
    assert facts.leaked(rows) == set()


def test_a_round_names_nobody_outside_the_unit(scoped, facts, round_ids):
    for round_id in round_ids:
        info = rq.get_round(scoped, round_id)
        assert info.id == round_id
        assert facts.leaked(info) == set()


def test_candidates_results_and_history_name_nobody_outside_the_unit(scoped, facts, round_ids):
    for round_id in round_ids:
        candidates = rq.list_candidates(scoped, round_id)
        assert facts.leaked(candidates) == set()
        assert facts.leaked(rq.results(scoped, round_id)) == set()
        assert facts.leaked(rq.round_events(scoped, round_id)) == set()
        assert rq.priority_choices(scoped, round_id)
        for c in candidates:
            assert facts.leaked(rq.get_candidate(scoped, c.id)) == set()
