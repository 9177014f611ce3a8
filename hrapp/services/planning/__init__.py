"""Succession planning use cases, a file per concern: periods and their posts (`periods`), the checks of a period
and the preview of one person for one post (`checks`), entries by decision and the yearly review (removals and
additions by one decision) (`entries`), and appointment from the plan (`appointments`).

Hard limits (people per post, posts per person at one level, the same person twice, someone no longer on
staff) refuse the action with every reason; shortfalls of a person (age, qualifications, ratings,
discipline) and missed structure targets never block, but are returned as warnings and shown everywhere.
The forms and pages use the input and result types with the use cases, so both are importable from here.
"""

from __future__ import annotations

from hrapp.services.planning._shared import entry_snapshot
from hrapp.services.planning.appointments import (
    APPOINT_KINDS,
    OVERRIDE_TOPIC,
    AppointInput,
    AppointResult,
    appoint,
    planned_entry,
)
from hrapp.services.planning.checks import (
    EntryCheck,
    EntryPreview,
    PeriodCheck,
    PersonLoad,
    PostCheck,
    check_period,
    period_check,
    preview_entry,
)
from hrapp.services.planning.entries import (
    AddResult,
    EntriesInput,
    EntryItem,
    ProposedRemoval,
    RemovalInput,
    ReviewInput,
    ReviewProposal,
    ReviewRemoval,
    ReviewResult,
    add_entries,
    add_entries_in,
    add_entry,
    apply_review,
    close_entry,
    remove_entry,
    review_proposals,
)
from hrapp.services.planning.periods import (
    MAX_PERIOD_YEARS,
    PeriodInput,
    PlanningPostInput,
    add_post,
    create_period,
    default_period_name,
    delete_post,
    set_period_rules,
    set_post_maximum,
)

__all__ = [
    "APPOINT_KINDS", "MAX_PERIOD_YEARS", "OVERRIDE_TOPIC", "AddResult", "AppointInput", "AppointResult",
    "EntriesInput", "EntryCheck", "EntryItem", "EntryPreview", "PeriodCheck", "PeriodInput", "PersonLoad",
    "PlanningPostInput", "PostCheck", "ProposedRemoval", "RemovalInput", "ReviewInput", "ReviewProposal",
    "ReviewRemoval", "ReviewResult", "add_entries", "add_entries_in", "add_entry", "add_post", "appoint",
    "apply_review", "check_period", "close_entry", "create_period", "default_period_name", "delete_post",
    "entry_snapshot", "period_check", "planned_entry", "preview_entry", "remove_entry", "review_proposals",
    "set_period_rules", "set_post_maximum",
]
