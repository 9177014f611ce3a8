"""Training use cases, a file per concern: the course catalogue (`courses`), the annual plan with its lines, its
approval, a copy of last year's and the gaps turned into lines (`plans`), sending people to courses with
attendance, results, certificates and the báo cáo thu hoạch (`records`), and study commitments with the repayment
owed (`commitments`). The reads (lists, the gap analysis, the postgraduate check) are in hrapp.queries.training.

The forms and pages use the input types with the use cases, so both are importable from here."""

from __future__ import annotations

from hrapp.services.training.commitments import (
    CommitmentInput,
    CommitmentResult,
    LeavingInput,
    create_commitment,
    create_commitment_in,
    record_leaving,
)
from hrapp.services.training.courses import CourseInput, CourseResult, save_course
from hrapp.services.training.plans import (
    GapPick,
    GapsToPlanResult,
    LineInput,
    PlanInput,
    add_gaps_in,
    add_gaps_to_plan,
    add_line,
    add_line_in,
    approve_plan,
    copy_plan,
    create_plan,
    default_plan_name,
    delete_line,
    update_line,
)
from hrapp.services.training.records import (
    AttendanceInput,
    CompletionResult,
    ResultInput,
    SendInput,
    SendResult,
    complete_in,
    mark_report,
    record_attendance,
    record_result,
    send,
    send_in,
    withdraw,
)

__all__ = [
    "AttendanceInput", "CommitmentInput", "CommitmentResult", "CompletionResult", "CourseInput", "CourseResult",
    "GapPick", "GapsToPlanResult", "LeavingInput", "LineInput", "PlanInput", "ResultInput", "SendInput", "SendResult",
    "add_gaps_in", "add_gaps_to_plan", "add_line", "add_line_in", "approve_plan", "complete_in", "copy_plan",
    "create_commitment", "create_commitment_in", "create_plan", "default_plan_name", "delete_line", "mark_report",
    "record_attendance", "record_leaving", "record_result", "save_course", "send", "send_in", "update_line",
    "withdraw",
]
