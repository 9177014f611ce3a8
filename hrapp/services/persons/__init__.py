"""Personnel records: create and edit a person, add dated history rows by decision, record leaving.

Each public function is one user action and one unit of work; it validates everything first (nothing is
written while an error stands), writes, refreshes the person's snapshot and returns the full profile. A file
per concern: `identity` (the record itself), `career` (employment, qualifications, rank, salary, allowances,
posts), `records` (work history, family, awards, discipline, evaluations, attachments). The input types and
their rules live in hrapp.domain.person_input; their names are importable from here too, as the forms use them
with the services.
"""

from __future__ import annotations

from hrapp.domain.person_input import (
    ACTIVE,
    ALLOWANCE_KINDS,
    ALLOWANCE_LABELS,
    ATTACHMENT_KINDS,
    FAMILY_SIDES,
    IDENTITY_FIELDS,
    LEAVE_KINDS,
    LEAVE_LABELS,
    MAX_ATTACHMENT_BYTES,
    NO_DECISION,
    AllowanceInput,
    AttachmentInput,
    AwardInput,
    DisciplineInput,
    EmploymentInput,
    EvaluationInput,
    FamilyInput,
    IdentityInput,
    LeaveInput,
    NewPerson,
    PeriodScoreInput,
    PersonUpdate,
    PostInput,
    QualificationInput,
    RankInput,
    RetirementDecisionInput,
    SalaryInput,
    WorkInput,
    YearFromPeriodsInput,
    employment_errors,
    identity_errors,
    new_person_errors,
    qualification_errors,
    salary_errors,
)
from hrapp.services.decisions import DecisionInput, DecisionRef
from hrapp.services.persons.career import (
    add_allowance,
    add_employment,
    add_post,
    add_qualification,
    add_rank,
    add_salary_step,
    complete_qualification,
    end_post,
    leave,
    salary_warnings,
    step_since_warnings,
)
from hrapp.services.persons.identity import (
    check_new_person,
    check_person_update,
    create_person,
    new_person_warnings,
    person_update_warnings,
    same_person_candidates,
    update_person,
)
from hrapp.services.persons.records import (
    add_attachment,
    add_award,
    add_discipline,
    add_evaluation,
    add_family_member,
    add_period_score,
    add_work_history,
    attachment_data,
    delete_attachment,
    family_errors,
    rate_year_from_periods,
    set_photo,
    work_errors,
)
from hrapp.services.persons.retirement import (
    add_retirement_decision,
    remove_retirement_decision,
    retirement_cases,
)

__all__ = [
    "ACTIVE", "ALLOWANCE_KINDS", "ALLOWANCE_LABELS", "ATTACHMENT_KINDS", "FAMILY_SIDES", "IDENTITY_FIELDS",
    "LEAVE_KINDS", "LEAVE_LABELS", "MAX_ATTACHMENT_BYTES", "NO_DECISION",
    "AllowanceInput", "AttachmentInput", "AwardInput", "DecisionInput", "DecisionRef", "DisciplineInput",
    "EmploymentInput", "EvaluationInput", "FamilyInput", "IdentityInput", "LeaveInput", "NewPerson", "PersonUpdate",
    "PostInput", "QualificationInput", "RankInput", "RetirementDecisionInput", "SalaryInput", "WorkInput",
    "add_retirement_decision", "remove_retirement_decision", "retirement_cases",
    "add_allowance", "add_attachment", "add_award", "add_discipline", "add_employment", "add_evaluation",
    "add_period_score", "rate_year_from_periods", "PeriodScoreInput", "YearFromPeriodsInput",
    "add_family_member", "add_post", "add_qualification", "add_rank", "add_salary_step", "add_work_history",
    "attachment_data", "check_new_person", "check_person_update", "complete_qualification", "create_person",
    "delete_attachment", "employment_errors", "end_post", "family_errors", "identity_errors", "leave",
    "new_person_errors", "new_person_warnings", "person_update_warnings", "qualification_errors", "salary_errors",
    "salary_warnings", "step_since_warnings",
    "same_person_candidates", "set_photo", "update_person", "work_errors",
]
