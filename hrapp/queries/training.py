"""Read side of training, behind the boundary: each query is `fn(ctx, …)`, checks the READ permission and runs in
a read session of its own (an account limited to some units sees only their people, hrapp.db.scope).

The course catalogue, plans with their lines, training records, study commitments and what leaving early costs,
the postgraduate check, the gap analysis and plan against actual, as frozen rows. The session-level reads the
services use inside their own unit of work are in hrapp.queries._training_rows and _training_gaps."""

from __future__ import annotations

from datetime import date

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain import training as tr
from hrapp.queries import _training_gaps as gaps
from hrapp.queries import _training_rows as rows
from hrapp.queries._training_gaps import ActualRow, CandidateRow, GapRow, NeedRow
from hrapp.queries._training_rows import CommitmentRow, CourseRow, LineRow, PlanRow, RecordRow, TotalRow
from hrapp.security import READ, require
from hrapp.text import fold

__all__ = ["ActualRow", "CandidateRow", "CommitmentRow", "CourseRow", "GapRow", "LineRow", "NeedRow", "PlanRow",
           "RecordRow", "TotalRow", "gap_analysis", "get_plan", "list_commitments", "list_courses", "list_plans",
           "list_records", "plan_for_year", "plan_lines", "plan_vs_actual", "postgraduate_check", "repayment_preview",
           "staff_candidates"]


def list_courses(ctx: ServiceContext, *, active_only: bool = False) -> list[CourseRow]:
    """The course catalogue in course-type order, then by name."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_courses(s, active_only=active_only)


def list_plans(ctx: ServiceContext) -> list[PlanRow]:
    """Every training plan, the latest year first."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_plans(s)


def get_plan(ctx: ServiceContext, plan: int | str) -> PlanRow:
    """A plan by id, or by its year written as text ('2022'); NotFoundError when there is none."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.get_plan(s, plan)


def plan_for_year(ctx: ServiceContext, year: int) -> PlanRow | None:
    """The plan of a year, if there is one."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.plan_for_year(s, year)


def plan_lines(ctx: ServiceContext, plan_id: int) -> list[LineRow]:
    """The lines of a plan (the lines naming a person outside the account's units are left out)."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_lines(s, plan_id)


def list_records(ctx: ServiceContext, *, year: int | None = None, plan_id: int | None = None,
                 person_id: int | None = None) -> list[RecordRow]:
    """Training records: those of a plan's lines or starting in `year` (both when both are given), of a person."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_records(s, year=year, plan_id=plan_id, person_id=person_id)


def list_commitments(ctx: ServiceContext, person_id: int | None = None) -> list[CommitmentRow]:
    """Study commitments in the order the studies started (of one person when `person_id` is given)."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_commitments(s, person_id)


def postgraduate_check(ctx: ServiceContext, person_id: int, nomination: date) -> tr.PostgraduateEligibility:
    """Whether the person may be sent to postgraduate study on `nomination`, with every unmet condition."""
    require(ctx, READ)
    with ctx.read() as s:
        facts = rows.postgraduate_facts(s, person_id, nomination)
    return tr.postgraduate_eligibility(facts, nomination, tr.training_rules(ctx.rulebook, nomination))


def repayment_preview(ctx: ServiceContext, commitment_id: int, left_on: date, case: str) -> tr.Repayment:
    """What the person would owe on leaving on `left_on` (nothing is written)."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.commitment_repayment(s, ctx.rulebook, commitment_id, left_on, case)


def gap_analysis(ctx: ServiceContext, on: date | None = None, unit: int | str | None = None) -> list[GapRow]:
    """Per person on staff: what their current position and the posts they are planned for require and they lack."""
    require(ctx, READ)
    day = on or clock.today()
    with ctx.read() as s:
        return gaps.gap_rows(s, ctx.rulebook, day, gaps.unit_ids(s, unit))


def plan_vs_actual(ctx: ServiceContext, year: int) -> list[ActualRow]:
    """Per course type: people planned, sent, completed, and the cost, for a year."""
    require(ctx, READ)
    with ctx.read() as s:
        return gaps.plan_vs_actual(s, year)


def staff_candidates(ctx: ServiceContext, search: str, on: date | None = None, limit: int = 40
                     ) -> list[CandidateRow]:
    """People on staff on `on` whose name matches the search (diacritics ignored), for pickers."""
    require(ctx, READ)
    text = fold(search or "").strip()
    if not text:
        return []
    with ctx.read() as s:
        return gaps.staff_candidates(s, text, on or clock.today(), limit)
