"""The four printed documents of a recruitment round by kind ('plan', 'eligible', 'scores', 'results'), and the one
call that prints one of them through the document catalogue."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO

from hrapp.context import ServiceContext
from hrapp.reports import recruitment_eligible, recruitment_plan, recruitment_results, recruitment_scores
from hrapp.reports.catalogue import export
from hrapp.reports.recruitment_common import RecruitmentDocument

BUILDERS: dict[str, Callable[[ServiceContext, int], RecruitmentDocument]] = {
    "plan": recruitment_plan.document,
    "eligible": recruitment_eligible.document,
    "scores": recruitment_scores.document,
    "results": recruitment_results.document,
}
"""What the catalogue's "recruitment_<kind>" documents gather."""


def build_document(ctx: ServiceContext, round_id: int, kind: str,
                   target: str | os.PathLike[str] | IO[bytes], *, excel: bool | None = None) -> int:
    """The catalogue's "recruitment_<kind>" document ('plan', 'eligible', 'scores', 'results') as PDF or Excel (by
    the suffix, or `excel` for a stream); returns the PDF's page count (0 for Excel)."""
    fmt = None if excel is None else ".xlsx" if excel else ".pdf"
    written = export(ctx, f"recruitment_{kind}", {"round": round_id}, target, fmt=fmt).written
    assert isinstance(written, int)
    return written
