"""Job position rows shared by the position, assignment and organisation services: the position's DTO, its lineage
of versions, copying one into a unit, and the warning when positions need more people than the quota."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.db.models import Decision, HeadcountQuota, JobPosition, OrgUnit, PositionCompetency, Rank
from hrapp.domain.decisions import DecisionInfo, decision_info
from hrapp.errors import DomainError, NotFoundError

LIVE = ("draft", "approved")
STATUS_LABELS = {"draft": "Dự thảo", "approved": "Đã phê duyệt", "superseded": "Đã thay thế",
                 "retired": "Đã bãi bỏ"}
REQUIREMENT_KINDS = {
    "education_level": "chuyen_mon",
    "political_theory": "llct",
    "state_management": "qlnn",
    "it": "tin_hoc",
    "language": "ngoai_ngu",
}
REQUIREMENT_LABELS = {
    "min_rank": "Ngạch/chức danh nghề nghiệp tối thiểu",
    "education_level": "Trình độ chuyên môn",
    "major": "Chuyên ngành",
    "political_theory": "Lý luận chính trị",
    "state_management": "Quản lý nhà nước",
    "it": "Tin học",
    "language": "Ngoại ngữ",
    "experience_years": "Số năm kinh nghiệm",
}


@dataclass(frozen=True)
class Task:
    """A task of the job description with its output (sản phẩm) and frequency (tần suất)."""

    task: str
    product: str = ""
    frequency: str = ""


@dataclass(frozen=True)
class Requirements:
    """Yêu cầu về trình độ, năng lực: level codes from the qualification_level catalogue."""

    education_level: str | None = None
    major: str | None = None
    political_theory: str | None = None
    state_management: str | None = None
    it: str | None = None
    language: str | None = None
    experience_years: int | None = None


@dataclass(frozen=True)
class CompetencyLevel:
    code: str
    level: int


@dataclass(frozen=True)
class CompetencyRow:
    code: str
    name: str
    group: str
    level: int


@dataclass(frozen=True)
class PositionInfo:
    id: int
    code: str
    name: str
    unit_id: int
    unit_code: str
    unit_name: str
    group: str
    min_rank_code: str | None
    min_rank_name: str | None
    number_needed: int
    status: str
    version_no: int
    previous_id: int | None
    decision: DecisionInfo | None
    effective_from: date | None
    effective_to: date | None
    is_leadership: bool
    purpose: str | None
    tasks: tuple[Task, ...]
    relationships: str | None
    authority: str | None
    conditions: str | None
    requirements: Requirements
    competencies: tuple[CompetencyRow, ...]
    warnings: tuple[str, ...] = ()

    @property
    def group_label(self) -> str:
        return catalogs.label("position_group", self.group)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def position_row(s: Session, position_id: int) -> JobPosition:
    """The position with this id, or position_not_found."""
    pos = s.get(JobPosition, position_id)
    if pos is None:
        raise NotFoundError("position_not_found", "Không tìm thấy vị trí việc làm.", field="position_id")
    return pos


def clean_text(text: str | None) -> str | None:
    """The text stripped, None when nothing is left."""
    text = (text or "").strip()
    return text or None


def require_open_unit(unit: OrgUnit) -> None:
    if unit.active_to is not None:
        raise DomainError(
            "unit_closed",
            f"Đơn vị {unit.name} đã giải thể hoặc sáp nhập (đến hết ngày {unit.active_to:%d/%m/%Y}); "
            "không thể thêm vị trí việc làm.",
            field="unit_id",
        )



def clone_position(s: Session, src: JobPosition, unit_id: int, code: str, *, version_of: JobPosition | None = None
                   ) -> JobPosition:
    """A draft copy of `src` in `unit_id` (a new position, or with `version_of` the next version of it)."""
    pos = JobPosition(
        code=code, name=src.name, unit_id=unit_id, group=src.group, min_rank_code=src.min_rank_code,
        number_needed=src.number_needed, status="draft", purpose=src.purpose,
        tasks=[dict(t) for t in (src.tasks or [])], relationships=src.relationships, authority=src.authority,
        conditions=src.conditions, req_education_level=src.req_education_level, req_major=src.req_major,
        req_political_theory=src.req_political_theory, req_state_management=src.req_state_management,
        req_it=src.req_it, req_language=src.req_language, req_experience_years=src.req_experience_years,
        is_leadership=src.is_leadership,
        version_no=version_of.version_no + 1 if version_of else 1,
        previous_id=version_of.id if version_of else None,
        competencies=[PositionCompetency(competency_code=c.competency_code, level=c.level) for c in src.competencies],
    )
    s.add(pos)
    s.flush()
    return pos


def lineage_ids(s: Session, pos: JobPosition) -> list[int]:
    """Ids of every version of the position (versions share unit and code)."""
    return list(s.scalars(select(JobPosition.id).where(JobPosition.unit_id == pos.unit_id,
                                                       JobPosition.code == pos.code)))


def current_version(s: Session, pos: JobPosition) -> JobPosition:
    """The live version of the position's lineage (the approved one, else the newest draft)."""
    versions = s.scalars(select(JobPosition).where(JobPosition.unit_id == pos.unit_id, JobPosition.code == pos.code)
                         .order_by(JobPosition.version_no)).all()
    approved = [v for v in versions if v.status == "approved"]
    if approved:
        return approved[-1]
    drafts = [v for v in versions if v.status == "draft"]
    return drafts[-1] if drafts else pos


def needed_vs_quota(s: Session, unit_id: int, year: int) -> str | None:
    """A warning when the unit's live positions need more people than its quota for the year allows."""
    quota = s.scalar(select(func.sum(HeadcountQuota.number)).where(HeadcountQuota.unit_id == unit_id,
                                                                   HeadcountQuota.year == year))
    if quota is None:
        return None
    live = s.scalars(select(JobPosition).where(JobPosition.unit_id == unit_id, JobPosition.status.in_(LIVE))).all()
    # One figure per lineage: a pending draft revision replaces nothing until it is approved.
    by_code: dict[str, JobPosition] = {}
    for p in live:
        have = by_code.get(p.code)
        if have is None or (have.status == "draft" and p.status == "approved"):
            by_code[p.code] = p
    needed = sum(p.number_needed for p in by_code.values())
    if needed <= quota:
        return None
    unit = s.get(OrgUnit, unit_id)
    return (f"Tổng số người cần của các vị trí việc làm tại {unit.name if unit else ''} ({needed}) vượt "
            f"số biên chế được giao năm {year} ({quota}).")


def position_info(s: Session, pos: JobPosition, warnings: tuple[str, ...] = ()) -> PositionInfo:
    unit = s.get_one(OrgUnit, pos.unit_id)
    rank = s.get(Rank, pos.min_rank_code) if pos.min_rank_code else None
    dec_row = s.get(Decision, pos.decision_id) if pos.decision_id else None
    decision = decision_info(dec_row) if dec_row is not None else None
    comp_labels = catalogs.labels("competency")
    return PositionInfo(
        id=pos.id, code=pos.code, name=pos.name, unit_id=pos.unit_id, unit_code=unit.code, unit_name=unit.name,
        group=pos.group, min_rank_code=pos.min_rank_code, min_rank_name=rank.name if rank else None,
        number_needed=pos.number_needed, status=pos.status, version_no=pos.version_no, previous_id=pos.previous_id,
        decision=decision, effective_from=pos.effective_from, effective_to=pos.effective_to,
        is_leadership=pos.is_leadership, purpose=pos.purpose,
        tasks=tuple(Task(t.get("task", ""), t.get("product", ""), t.get("frequency", "")) for t in pos.tasks or []),
        relationships=pos.relationships, authority=pos.authority, conditions=pos.conditions,
        requirements=Requirements(
            education_level=pos.req_education_level, major=pos.req_major, political_theory=pos.req_political_theory,
            state_management=pos.req_state_management, it=pos.req_it, language=pos.req_language,
            experience_years=pos.req_experience_years,
        ),
        competencies=tuple(
            CompetencyRow(c.competency_code, comp_labels.get(c.competency_code, c.competency_code),
                          catalogs.extra("competency", c.competency_code).get("group", ""), c.level)
            for c in pos.competencies
        ),
        warnings=warnings,
    )


