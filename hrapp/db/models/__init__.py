"""All SQLAlchemy models; importing this package registers every table on `Base.metadata`."""

from __future__ import annotations

from hrapp.db.models.audit import AuditLog
from hrapp.db.models.base import Base
from hrapp.db.models.catalog import AppSetting, CatalogItem, Rank, RuleVersionRow
from hrapp.db.models.org import (
    Attachment,
    Decision,
    HeadcountQuota,
    JobPosition,
    OrgUnit,
    OrgUnitEvent,
    PositionAssignment,
    PositionCompetency,
)
from hrapp.db.models.person import (
    Allowance,
    Award,
    Discipline,
    Employment,
    Evaluation,
    EvaluationPeriod,
    FamilyMember,
    HtxsCapException,
    LeavePeriod,
    Note,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    RetirementAdjustment,
    SalaryStep,
    Secondment,
    WorkHistory,
)
from hrapp.db.models.planning import PlanningEntry, PlanningPeriod, PlanningPost, PlanningReview
from hrapp.db.models.recruitment import (
    Candidate,
    CandidatePreference,
    RecruitmentRound,
    RecruitmentTarget,
    RoundEvent,
    Score,
    ScoreChange,
)
from hrapp.db.models.security import UserAccount
from hrapp.db.models.training import Course, StudyCommitment, TrainingPlan, TrainingPlanLine, TrainingRecord

__all__ = [
    "AppSetting", "Allowance", "Attachment", "AuditLog", "Award", "Base", "Candidate", "CandidatePreference",
    "CatalogItem", "Decision",
    "Discipline", "Employment", "Evaluation", "FamilyMember", "HeadcountQuota", "JobPosition", "LeavePeriod",
    "Note", "OrgUnit", "OrgUnitEvent", "Person", "PositionAssignment", "PositionCompetency", "PostHeld",
    "Qualification", "Rank", "RankAssignment", "RetirementAdjustment", "RecruitmentRound", "RecruitmentTarget", "RoundEvent",
    "RuleVersionRow", "Score", "ScoreChange", "SalaryStep", "Secondment", "UserAccount", "WorkHistory",
    "PlanningEntry", "PlanningPeriod", "PlanningPost", "PlanningReview",
    "Course", "StudyCommitment", "TrainingPlan", "TrainingPlanLine", "TrainingRecord",
    "EvaluationPeriod", "HtxsCapException",
]
