"""The training queries run as an account limited to one unit: no person outside the unit appears in any of them
(plan lines, records, commitments, gaps, pickers), and a person outside reads as missing."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.errors import HrappError, NotFoundError, PermissionDeniedError
from hrapp.queries import training as q

COVERED = {
    "hrapp.queries.training.list_courses",
    "hrapp.queries.training.list_plans",
    "hrapp.queries.training.get_plan",
    "hrapp.queries.training.plan_for_year",
    "hrapp.queries.training.plan_lines",
    "hrapp.queries.training.list_records",
    "hrapp.queries.training.list_commitments",
    "hrapp.queries.training.postgraduate_check",
    "hrapp.queries.training.repayment_preview",
    "hrapp.queries.training.gap_analysis",
    "hrapp.queries.training.plan_vs_actual",
    "hrapp.queries.training.staff_candidates",
}

ON = date(2022, 6, 30)
YEAR = 2022


def _calls(plan_id: int, person_id: int, commitment_id: int):
    return {
        "list_courses": lambda c: q.list_courses(c),
        "list_plans": lambda c: q.list_plans(c),
        "get_plan": lambda c: q.get_plan(c, plan_id),
        "plan_for_year": lambda c: q.plan_for_year(c, YEAR),
        "plan_lines": lambda c: q.plan_lines(c, plan_id),
        "list_records": lambda c: q.list_records(c, year=YEAR, plan_id=plan_id),
        "list_commitments": lambda c: q.list_commitments(c),
        "postgraduate_check": lambda c: q.postgraduate_check(c, person_id, ON),
        "repayment_preview": lambda c: q.repayment_preview(c, commitment_id, ON, "quit_after"),
        "gap_analysis": lambda c: q.gap_analysis(c, ON),
        "plan_vs_actual": lambda c: q.plan_vs_actual(c, YEAR),
        "staff_candidates": lambda c: q.staff_candidates(c, "n", ON, limit=1000),
    }


def _ids(ctx, facts):
    plan = q.plan_for_year(ctx, YEAR)
    assert plan is not None
    inside = set(facts.inside_ids)
    commitments = q.list_commitments(ctx)
    return plan.id, facts.inside_ids[0], next((c.id for c in commitments if c.person_id in inside), commitments[0].id)


def test_every_public_training_query_is_covered():
    assert {f"{q.__name__}.{name}" for name in q.__all__ if callable(getattr(q, name))
            and not isinstance(getattr(q, name), type)} == COVERED


def test_no_training_query_shows_anyone_outside_the_unit(demo_ctx, facts):
    everyone = _calls(*_ids(demo_ctx, facts))
    # as the administrator the lists do name people outside the unit: the check below can fail
    assert facts.leaked([everyone["plan_lines"](demo_ctx), everyone["list_records"](demo_ctx),
                         everyone["gap_analysis"](demo_ctx), everyone["staff_candidates"](demo_ctx)])
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    for name, call in everyone.items():
        try:
            result = call(demo_ctx)
        except NotFoundError:
            continue  # the one commitment or person asked for is outside the unit: missing, nothing shown
        assert facts.leaked(result) == set(), name


def test_the_people_of_the_training_lists_are_all_inside_the_unit(facts, scoped):
    inside = set(facts.inside_ids)
    plan = q.plan_for_year(scoped, YEAR)
    assert plan is not None
    assert {ln.person_id for ln in q.plan_lines(scoped, plan.id) if ln.person_id} <= inside
    assert {r.person_id for r in q.list_records(scoped, year=YEAR, plan_id=plan.id)} <= inside
    assert {c.person_id for c in q.list_commitments(scoped)} <= inside
    assert {g.person_id for g in q.gap_analysis(scoped, ON)} <= inside
    candidates = {c.person_id for c in q.staff_candidates(scoped, "n", ON, limit=1000)}
    assert candidates and candidates <= inside


def test_a_person_outside_the_unit_reads_as_missing(demo_ctx, facts):
    outside = set(facts.outside_ids)
    trained = [r.person_id for r in q.list_records(demo_ctx, year=YEAR) if r.person_id in outside]
    committed = [c for c in q.list_commitments(demo_ctx) if c.person_id in outside]
    assert trained and committed  # people outside the unit have records: the scoped reads below could find them
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    assert q.list_records(demo_ctx, person_id=trained[0]) == []
    assert q.list_commitments(demo_ctx, committed[0].person_id) == []
    with pytest.raises(NotFoundError):
        q.postgraduate_check(demo_ctx, trained[0], ON)
    with pytest.raises(NotFoundError):
        q.repayment_preview(demo_ctx, committed[0].id, ON, "quit_after")


def test_the_gaps_of_a_unit_outside_the_account_are_refused(demo_ctx, facts, scoped):
    other = "VP"  # the department's office, beside the scope unit
    assert other in facts.units
    with pytest.raises(HrappError):
        q.gap_analysis(scoped, ON, other)


@pytest.mark.parametrize("name", sorted(n.rsplit(".", 1)[1] for n in COVERED))
def test_a_training_query_is_refused_before_sign_in(demo_ctx, facts, name):
    call = _calls(*_ids(demo_ctx, facts))[name]
    demo_ctx.accounts_on = True
    demo_ctx.sign_out()  # accounts on, nobody signed in: no right at all
    with pytest.raises(PermissionDeniedError) as caught:
        call(demo_ctx)
    assert caught.value.code == "not_signed_in"
