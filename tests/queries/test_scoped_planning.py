"""The succession-planning queries run as an account limited to one unit: no person outside the unit appears in
any of them (holders, entries, the printed list's facts), and a person outside reads as missing."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.errors import PermissionDeniedError
from hrapp.queries import planning as q

COVERED = {
    "hrapp.queries.planning.list_periods",
    "hrapp.queries.planning.get_period",
    "hrapp.queries.planning.list_posts",
    "hrapp.queries.planning.get_post",
    "hrapp.queries.planning.list_entries",
    "hrapp.queries.planning.list_reviews",
    "hrapp.queries.planning.has_review",
    "hrapp.queries.planning.get_review",
    "hrapp.queries.planning.profile_facts",
    "hrapp.queries.planning.candidates",
}

ON = date(2026, 6, 30)
PERIOD = "2020-2025"


def _calls(period_id: int, post_id: int, review_id: int, person_ids: list[int]):
    return {
        "list_periods": lambda c: q.list_periods(c),
        "get_period": lambda c: q.get_period(c, PERIOD),
        "list_posts": lambda c: q.list_posts(c, period_id, ON),
        "get_post": lambda c: q.get_post(c, post_id, ON),
        "list_entries": lambda c: q.list_entries(c, period_id, None),
        "list_reviews": lambda c: q.list_reviews(c, period_id),
        "has_review": lambda c: q.has_review(c, period_id),
        "get_review": lambda c: q.get_review(c, review_id),
        "profile_facts": lambda c: q.profile_facts(c, person_ids, ON),
        "candidates": lambda c: q.candidates(c, "n", ON, limit=1000),
    }


def _ids(ctx, facts):
    period = q.get_period(ctx, PERIOD)
    posts = q.list_posts(ctx, period.id, ON)
    reviews = q.list_reviews(ctx, period.id)
    return period.id, posts[0].id, reviews[0].id, facts.inside_ids + facts.outside_ids


def test_every_public_planning_query_is_covered():
    assert {f"{q.__name__}.{name}" for name in q.__all__ if callable(getattr(q, name))
            and not isinstance(getattr(q, name), type)} == COVERED


def test_no_planning_query_shows_anyone_outside_the_unit(demo_ctx, facts):
    ids = _ids(demo_ctx, facts)
    everyone = _calls(*ids)
    # as the administrator the planning lists do name people outside the unit: the check below can fail
    assert facts.leaked([everyone["list_entries"](demo_ctx), everyone["list_posts"](demo_ctx),
                         everyone["candidates"](demo_ctx)])
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    for name, call in everyone.items():
        assert facts.leaked(call(demo_ctx)) == set(), name


def test_the_planned_people_of_the_unit_are_all_inside_it(demo_ctx, facts, scoped):
    period = q.get_period(scoped, PERIOD)
    entries = q.list_entries(scoped, period.id, None)
    assert {e.person_id for e in entries} <= set(facts.inside_ids)
    holders = {h.person_id for p in q.list_posts(scoped, period.id, ON) for h in p.holders}
    assert holders <= set(facts.inside_ids)
    profiles = q.profile_facts(scoped, facts.inside_ids + facts.outside_ids, ON)
    assert set(profiles) == set(facts.inside_ids)
    picked = {c.person_id for c in q.candidates(scoped, "n", ON, limit=1000)}
    assert picked and picked <= set(facts.inside_ids)


def test_a_person_outside_the_unit_reads_as_missing(demo_ctx, facts):
    period = q.get_period(demo_ctx, PERIOD)
    planned_outside = [e.person_id for e in q.list_entries(demo_ctx, period.id, None)
                       if e.person_id in set(facts.outside_ids)]
    assert planned_outside  # someone outside the unit is planned: the scoped reads below could find them
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    outside = planned_outside[0]
    assert q.list_entries(demo_ctx, period.id, None, person_id=outside) == []
    assert q.profile_facts(demo_ctx, [outside], ON) == {}


@pytest.mark.parametrize("name", sorted(n.rsplit(".", 1)[1] for n in COVERED))
def test_a_planning_query_is_refused_before_sign_in(demo_ctx, facts, name):
    call = _calls(*_ids(demo_ctx, facts))[name]
    demo_ctx.accounts_on = True
    demo_ctx.sign_out()  # accounts on, nobody signed in: no right at all
    with pytest.raises(PermissionDeniedError) as caught:
        call(demo_ctx)
    assert caught.value.code == "not_signed_in"
