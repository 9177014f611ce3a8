"""Read side of succession planning, behind the boundary: each query is `fn(ctx, …)`, checks the READ permission and
runs in a read session of its own (an account limited to some units sees only their people, hrapp.db.scope).

Periods, posts with their holders, entries, reviews and the printed list's facts about people, as frozen rows
(hrapp.queries._planning_rows holds the session-level reads the services use inside their own unit of work)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain.validation import age_on
from hrapp.queries import _planning_rows as rows
from hrapp.queries._planning_rows import (
    CandidateRow,
    EntryRow,
    HolderRow,
    PeriodRow,
    PostRow,
    ProfileFacts,
    ReviewRow,
)
from hrapp.queries.employees import EmployeeFilter
from hrapp.queries.lookups import staff_first_rows
from hrapp.security import READ, require

__all__ = ["CandidateRow", "EntryRow", "HolderRow", "PeriodRow", "PostRow", "ProfileFacts", "ReviewRow", "get_period", "get_post",
           "get_review", "has_review", "list_entries", "list_periods", "list_posts", "list_reviews", "profile_facts",
           "candidates"]


def list_periods(ctx: ServiceContext) -> list[PeriodRow]:
    """Every planning period, the latest first, with its number of posts and active entries."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_periods(s)


def get_period(ctx: ServiceContext, period: int | str) -> PeriodRow:
    """A period by id or by its code ('2026-2031'); NotFoundError when there is none."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.get_period(s, period)


def list_posts(ctx: ServiceContext, period_id: int, on: date) -> list[PostRow]:
    """The posts of a period with the people holding them on `on` (their term end), in print order."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_posts(s, period_id, on)


def get_post(ctx: ServiceContext, post_id: int, on: date) -> PostRow:
    """One planned post with its holders on `on`; NotFoundError when there is none."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.get_post(s, post_id, on)


def list_entries(ctx: ServiceContext, period_id: int, statuses: Iterable[str] | None = ("active",), *,
                 review_id: int | None = None, person_id: int | None = None) -> list[EntryRow]:
    """Entries of a period (by default the active ones), ordered by post then given name; `review_id` keeps the
    entries a review added or removed, `person_id` one person's."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_entries(s, period_id, statuses, review_id=review_id, person_id=person_id)


def list_reviews(ctx: ServiceContext, period_id: int) -> list[ReviewRow]:
    """The yearly reviews of a period, in date order."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.list_reviews(s, period_id)


def has_review(ctx: ServiceContext, period_id: int) -> bool:
    """True when the period has a review (its review documents can be written)."""
    return bool(list_reviews(ctx, period_id))


def get_review(ctx: ServiceContext, review_id: int) -> ReviewRow:
    """One review; NotFoundError when there is none."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.get_review(s, review_id)


def profile_facts(ctx: ServiceContext, person_ids: Iterable[int], on: date) -> dict[int, ProfileFacts]:
    """The printed planning list's columns about these people on `on` (those outside the account's units are left
    out)."""
    require(ctx, READ)
    with ctx.read() as s:
        return rows.profile_facts(s, person_ids, on)


def candidates(ctx: ServiceContext, search: str, on: date | None = None, limit: int = 50) -> list[CandidateRow]:
    """People on staff whose name matches (diacritics ignored), with their post or rank and unit on `on`."""
    require(ctx, READ)
    day = on or clock.today()
    _, found = staff_first_rows(ctx, EmployeeFilter(search=search), limit)
    profiles = profile_facts(ctx, [r.id for r in found], day)
    return [CandidateRow(r.id, r.full_name, r.birth_date, r.gender, age_on(r.birth_date, day),
                         profiles[r.id].current_post if r.id in profiles else "") for r in found]
