"""Read side of recruitment, each read behind the boundary: `fn(ctx, …)` checks the READ permission and runs in
a read session of its own (an account limited to some units reads only the people of its units: a hired
candidate of another unit is left out by the session, hrapp.db.scope). Rounds, targets, candidates (personal
fields masked for a role that may not see them), the ranking of a round (through the domain function shared
with the CLI) and the round's history.

The rows returned are in hrapp.queries.recruitment.dtos (importable from here); the session helpers the
recruitment services call inside their unit of work are in hrapp.queries.recruitment._session, the places
open rounds hold in the staffing view in hrapp.queries.recruitment._places."""

from __future__ import annotations

from decimal import Decimal

from hrapp.context import ServiceContext
from hrapp.db.models import Candidate
from hrapp.errors import NotFoundError
from hrapp.masking import mask_dto
from hrapp.queries.recruitment import _session
from hrapp.queries.recruitment.dtos import (
    ACTIVE_STATUSES,
    COUNCIL_ROLES,
    METHOD_LABELS,
    OUTCOME_SHORT,
    STATUS_LABELS,
    STATUSES,
    SUBJECT_CATEGORIES,
    TOTAL_PART,
    WITHDRAWAL_REASONS,
    CandidateInfo,
    CouncilMember,
    EventInfo,
    PositionResults,
    PreferenceInfo,
    QualificationItem,
    RecruitmentPlaces,
    ResultRow,
    Round1Part,
    Round2Part,
    RoundInfo,
    RoundResults,
    RoundRow,
    RoundSetup,
    ScoreInfo,
    TargetInfo,
)
from hrapp.security import READ, require

__all__ = [
    "ACTIVE_STATUSES", "COUNCIL_ROLES", "METHOD_LABELS", "OUTCOME_SHORT", "STATUSES", "STATUS_LABELS",
    "SUBJECT_CATEGORIES", "TOTAL_PART", "WITHDRAWAL_REASONS", "CandidateInfo", "CouncilMember", "EventInfo",
    "PositionResults", "PreferenceInfo", "QualificationItem", "RecruitmentPlaces", "ResultRow", "Round1Part",
    "Round2Part", "RoundInfo", "RoundResults", "RoundRow", "RoundSetup", "ScoreInfo", "TargetInfo", "get_candidate",
    "get_round", "list_candidates", "list_rounds", "priority_choices", "results", "round_events",
]

def get_round(ctx: ServiceContext, round_id: int) -> RoundInfo:
    """The round with its targets, council, rule set-up and decisions."""
    require(ctx, READ)
    with ctx.read() as s:
        return _session.round_info(s, ctx.rulebook, round_id)


def list_rounds(ctx: ServiceContext, year: int | None = None) -> list[RoundRow]:
    """Every round (of `year`, when given), newest year first."""
    require(ctx, READ)
    with ctx.read() as s:
        return _session.list_rounds(s, year)


def list_candidates(ctx: ServiceContext, round_id: int) -> list[CandidateInfo]:
    """The round's candidates in given-name order; CCCD, phone and addresses masked for roles that may not
    see personal data."""
    require(ctx, READ)
    with ctx.read() as s:
        return [mask_dto(ctx, c) for c in _session.candidate_infos(s, ctx.rulebook, round_id)]


def get_candidate(ctx: ServiceContext, candidate_id: int) -> CandidateInfo:
    """One candidate as the round's list shows them (personal fields masked as there)."""
    require(ctx, READ)
    with ctx.read() as s:
        c = s.get(Candidate, candidate_id)
        if c is None:
            raise NotFoundError("candidate_not_found", "Không tìm thấy người dự tuyển này.", field="candidate_id")
        rnd = _session.get_round(s, c.round_id)
        setup = _session.round_setup(s, ctx.rulebook, rnd)
        targets = {t.id: _session.target_info(s, t) for t in rnd.targets}
        return mask_dto(ctx, _session.candidate_info(s, c, setup, targets))


def results(ctx: ServiceContext, round_id: int) -> RoundResults:
    """The ranking of every position (the same domain function the CLI `rules rank` uses)."""
    require(ctx, READ)
    with ctx.read() as s:
        return _session.compute_results(s, ctx.rulebook, round_id)


def round_events(ctx: ServiceContext, round_id: int) -> list[EventInfo]:
    """The round's history: status changes, the head's tie decisions, withdrawals, hires."""
    require(ctx, READ)
    with ctx.read() as s:
        _session.get_round(s, round_id)
        return _session.events(s, round_id)


def priority_choices(ctx: ServiceContext, round_id: int) -> list[tuple[str, str, Decimal]]:
    """(code, label, points) of the priority groups that apply to the round, highest points first."""
    require(ctx, READ)
    with ctx.read() as s:
        setup = _session.round_setup(s, ctx.rulebook, _session.get_round(s, round_id))
    groups = sorted(setup.priority.groups, key=lambda g: (-g.points, g.label))
    return [(g.code, g.label, g.points) for g in groups if not g.alias_of]
