"""Recruitment in the domain: the regimes read from the rule data (regime), the ranking of candidates per
position (ranking) and its JSON contract for the CLI (ranking_json). Pure functions and values."""

from __future__ import annotations

from hrapp.domain.recruitment.ranking import (
    Candidate,
    PositionRanking,
    RankedEntry,
    RankingResult,
    RoundTwoPart,
    Target,
    json_number,
    rank_positions,
)
from hrapp.domain.recruitment.ranking_json import (
    parse_ranking_input,
    rank_from_json,
)
from hrapp.domain.recruitment.regime import (
    OUTCOME_LABELS,
    REASON_DECIDED,
    REASON_FULL,
    REASON_TIE,
    REASON_WITHDRAWN,
    REGIME_RULE,
    ROUND_STATUSES,
    ZERO,
    MethodRule,
    Outcome,
    PartRule,
    RecruitmentRegime,
    reasons_text,
    regime,
    regime_from_rule,
    regime_on,
)

__all__ = [
    "Candidate",
    "MethodRule",
    "OUTCOME_LABELS",
    "Outcome",
    "PartRule",
    "PositionRanking",
    "REASON_DECIDED",
    "REASON_FULL",
    "REASON_TIE",
    "REASON_WITHDRAWN",
    "REGIME_RULE",
    "ROUND_STATUSES",
    "RankedEntry",
    "RankingResult",
    "RecruitmentRegime",
    "RoundTwoPart",
    "Target",
    "ZERO",
    "json_number",
    "parse_ranking_input",
    "rank_from_json",
    "rank_positions",
    "reasons_text",
    "regime",
    "regime_from_rule",
    "regime_on",
]
