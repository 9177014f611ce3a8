"""The audit trail for the administrator: filtered and paged in SQL, with old → new values labelled readably."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.db.models import AuditLog, Decision, JobPosition, OrgUnit, Person
from hrapp.security import ADMIN, require
from hrapp.text import fold

PAGE_SIZE = 200

ACTION_LABELS: dict[str, str] = {
    "insert": "Thêm",
    "update": "Sửa",
    "delete": "Xóa",
    "export": "Xuất tệp",
    "print": "In",
    "login": "Đăng nhập",
    "login_failed": "Đăng nhập không thành công",
    "accounts_on": "Bật tài khoản",
    "reset_password": "Đặt lại mật khẩu",
    "change_password": "Đổi mật khẩu",
    "backup": "Sao lưu",
    "restore": "Khôi phục",
    "database_encrypted": "Mã hóa cơ sở dữ liệu",
    "database_decrypted": "Giải mã cơ sở dữ liệu",
    "database_rekeyed": "Đổi cụm mật khẩu cơ sở dữ liệu",
    "demo_load": "Nạp dữ liệu mẫu",
    "generate": "Sinh dữ liệu",
    "import": "Nhập từ Excel",
}

ENTITY_LABELS: dict[str, str] = {
    "persons": "Hồ sơ cán bộ",
    "employments": "Quá trình công tác tại cơ quan",
    "secondments": "Biệt phái",
    "qualifications": "Trình độ, văn bằng",
    "rank_assignments": "Ngạch, chức danh nghề nghiệp",
    "salary_steps": "Lương",
    "allowances": "Phụ cấp",
    "posts_held": "Chức vụ",
    "work_history": "Quá trình công tác trước",
    "family_members": "Quan hệ gia đình",
    "awards": "Khen thưởng",
    "disciplines": "Kỷ luật",
    "evaluations": "Đánh giá, xếp loại",
    "leave_periods": "Nghỉ dài ngày",
    "person_notes": "Ghi chú hồ sơ",
    "attachments": "Tài liệu đính kèm",
    "decisions": "Quyết định",
    "org_units": "Đơn vị",
    "org_unit_events": "Thay đổi tổ chức",
    "headcount_quotas": "Biên chế được giao",
    "job_positions": "Vị trí việc làm",
    "position_competencies": "Khung năng lực",
    "position_assignments": "Vị trí kiêm nhiệm",
    "catalog_items": "Danh mục",
    "ranks": "Ngạch",
    "rule_versions": "Dữ liệu quy định",
    "app_settings": "Cài đặt",
    "user_accounts": "Tài khoản người dùng",
    "recruitment_rounds": "Kỳ tuyển dụng",
    "recruitment_targets": "Chỉ tiêu tuyển dụng",
    "recruitment_candidates": "Thí sinh",
    "recruitment_preferences": "Nguyện vọng",
    "recruitment_scores": "Điểm thi",
    "recruitment_score_changes": "Sửa, phúc khảo điểm",
    "recruitment_events": "Diễn biến kỳ tuyển dụng",
    "planning_periods": "Giai đoạn quy hoạch",
    "planning_posts": "Chức danh quy hoạch",
    "planning_entries": "Người trong quy hoạch",
    "planning_reviews": "Rà soát quy hoạch",
    "courses": "Khóa đào tạo, bồi dưỡng",
    "training_plans": "Kế hoạch đào tạo",
    "training_plan_lines": "Dòng kế hoạch đào tạo",
    "training_records": "Quá trình đào tạo, bồi dưỡng",
    "study_commitments": "Cam kết đào tạo",
    "study_commitment": "Cam kết đào tạo",
    "database": "Cơ sở dữ liệu",
    "personal_data": "Thông tin cá nhân",
    "audit_log": "Nhật ký thay đổi",
    "staff_list": "Danh sách cán bộ",
    "staffing_table": "Bảng biên chế",
    "quality_report": "Báo cáo chất lượng",
    "retirement_list": "Danh sách nghỉ hưu",
    "pay_step_list": "Danh sách nâng lương",
    "pctnvk_list": "Danh sách phụ cấp thâm niên vượt khung",
    "planning_list": "Danh sách quy hoạch",
    "planning_review": "Rà soát quy hoạch",
    "planning_summary": "Tổng hợp quy hoạch",
    "training_plan": "Kế hoạch đào tạo",
    "training_results": "Kết quả đào tạo",
    "training_gaps": "Nhu cầu đào tạo",
}

FIELD_LABELS: dict[str, str] = {
    "staff_code": "Số hiệu cán bộ",
    "full_name": "Họ và tên",
    "family_name": "Họ",
    "middle_name": "Tên đệm",
    "given_name": "Tên",
    "other_names": "Tên gọi khác",
    "gender": "Giới tính",
    "birth_date": "Ngày sinh",
    "birth_precision": "Độ chính xác ngày sinh",
    "birth_place": "Nơi sinh",
    "birth_year": "Năm sinh",
    "home_town": "Quê quán",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "id_number": "Số CCCD",
    "id_issue_date": "Ngày cấp CCCD",
    "id_issue_place": "Nơi cấp CCCD",
    "permanent_address": "Nơi thường trú",
    "current_address": "Nơi ở hiện nay",
    "phone": "Điện thoại",
    "email": "Thư điện tử",
    "photo_id": "Ảnh",
    "social_insurance_no": "Số sổ BHXH",
    "general_education": "Giáo dục phổ thông",
    "occupation_at_recruitment": "Nghề nghiệp khi được tuyển dụng",
    "main_duties": "Công việc chính",
    "strengths": "Sở trường công tác",
    "highest_title": "Danh hiệu được phong",
    "party_join_date": "Ngày vào Đảng",
    "party_official_date": "Ngày chính thức",
    "union_join_info": "Tổ chức chính trị - xã hội",
    "army_join_date": "Ngày nhập ngũ",
    "army_leave_date": "Ngày xuất ngũ",
    "army_rank": "Quân hàm",
    "war_invalid_grade": "Thương binh hạng",
    "policy_family": "Gia đình chính sách",
    "health": "Sức khỏe",
    "height_cm": "Chiều cao (cm)",
    "weight_kg": "Cân nặng (kg)",
    "blood_type": "Nhóm máu",
    "history_notes": "Đặc điểm lịch sử bản thân",
    "status": "Trạng thái",
    "status_date": "Ngày đổi trạng thái",
    "cur_unit_id": "Đơn vị hiện nay",
    "cur_category": "Loại cán bộ hiện nay",
    "cur_position_id": "Vị trí việc làm hiện nay",
    "cur_rank_code": "Ngạch hiện nay",
    "cur_salary_step": "Bậc lương hiện nay",
    "cur_coefficient": "Hệ số lương hiện nay",
    "cur_post": "Chức vụ hiện nay",
    "cur_education": "Trình độ hiện nay",
    "person_id": "Hồ sơ",
    "category": "Loại cán bộ",
    "unit_id": "Đơn vị",
    "other_unit_id": "Đơn vị khác",
    "parent_id": "Đơn vị cấp trên",
    "position_id": "Vị trí việc làm",
    "start_date": "Từ ngày",
    "end_date": "Đến ngày",
    "end_reason": "Lý do kết thúc",
    "end_decision_id": "Quyết định kết thúc",
    "decision_id": "Quyết định",
    "recruitment_date": "Ngày tuyển dụng",
    "recruitment_agency": "Cơ quan tuyển dụng",
    "probation_start": "Bắt đầu tập sự",
    "probation_end": "Kết thúc tập sự",
    "probation_pay_percent": "Tỷ lệ lương tập sự (%)",
    "note": "Ghi chú",
    "destination": "Nơi đến",
    "kind": "Loại",
    "level_code": "Trình độ",
    "level": "Cấp",
    "major": "Chuyên ngành",
    "language": "Ngoại ngữ",
    "institution": "Cơ sở đào tạo",
    "mode": "Hình thức đào tạo",
    "year": "Năm",
    "certificate_no": "Số văn bằng, chứng chỉ",
    "certificate_date": "Ngày cấp văn bằng",
    "expiry_date": "Ngày hết hạn",
    "in_progress": "Đang học",
    "source": "Nguồn",
    "rank_code": "Ngạch",
    "effective_date": "Ngày hiệu lực",
    "salary_class": "Loại, nhóm lương",
    "step": "Bậc",
    "coefficient": "Hệ số",
    "percent": "Tỷ lệ (%)",
    "step_since": "Mốc tính nâng bậc",
    "pctnvk_percent": "Phụ cấp thâm niên vượt khung (%)",
    "pctnvk_since": "Mốc tính thâm niên vượt khung",
    "reason": "Lý do",
    "post_code": "Mã chức vụ",
    "post_title": "Chức vụ",
    "term_end": "Hết nhiệm kỳ",
    "is_concurrent": "Kiêm nhiệm",
    "allowance_coefficient": "Hệ số phụ cấp chức vụ",
    "from_date": "Từ ngày",
    "to_date": "Đến ngày",
    "description": "Mô tả",
    "side": "Bên",
    "relation": "Quan hệ",
    "details": "Thông tin chi tiết",
    "award_date": "Ngày khen thưởng",
    "form": "Hình thức",
    "decision_date": "Ngày quyết định",
    "effect_from": "Hiệu lực từ",
    "effect_to": "Hiệu lực đến",
    "rating": "Xếp loại",
    "score": "Điểm",
    "regime": "Chế độ",
    "topic": "Chủ đề",
    "text": "Nội dung",
    "filename": "Tên tệp",
    "mime": "Kiểu tệp",
    "size": "Dung lượng (byte)",
    "number": "Số",
    "sign_date": "Ngày ký",
    "signer": "Người ký",
    "issuer": "Cơ quan ban hành",
    "summary": "Trích yếu",
    "code": "Mã",
    "name": "Tên",
    "short_name": "Tên viết tắt",
    "active_from": "Hoạt động từ",
    "active_to": "Hoạt động đến",
    "merged_into_id": "Sáp nhập vào",
    "quota": "Biên chế",
    "people": "Số người",
    "title": "Tên",
    "version": "Phiên bản",
    "version_no": "Lần sửa",
    "legal_basis": "Căn cứ pháp lý",
    "effective_from": "Áp dụng từ",
    "effective_to": "Áp dụng đến",
    "params": "Tham số",
    "key": "Khóa",
    "value": "Giá trị",
    "username": "Tên đăng nhập",
    "role": "Vai trò",
    "unit_scope": "Phạm vi đơn vị",
    "active": "Đang hoạt động",
    "failed_count": "Số lần đăng nhập sai",
    "locked_until": "Khóa đến",
    "must_change_password": "Phải đổi mật khẩu",
    "person_ids": "Hồ sơ",
    "masked": "Đã che thông tin cá nhân",
    "round_id": "Kỳ tuyển dụng",
    "candidate_id": "Thí sinh",
    "sbd": "Số báo danh",
    "eligible": "Đủ điều kiện",
    "old_value": "Giá trị cũ",
    "new_value": "Giá trị mới",
    "period_id": "Giai đoạn quy hoạch",
    "plan_id": "Kế hoạch",
    "course_id": "Khóa học",
    "result": "Kết quả",
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@dataclass(frozen=True)
class AuditFilter:
    """Every field optional; the dates are local calendar days, both ends included."""

    person_id: int | None = None
    person: str = ""  # part of a name, diacritics ignored
    user: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    entity: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime  # local time
    user: str
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: str
    person_id: int | None
    person_name: str
    summary: str
    changes: tuple[FieldChange, ...]

    def change_text(self, sep: str = "\n") -> str:
        """'Điện thoại: 0905… → 0912…' one line a field; inserts and deletes show the one side."""
        lines = []
        for c in self.changes:
            if self.action == "insert":
                lines.append(f"{c.label}: {c.new}")
            elif self.action == "delete":
                lines.append(f"{c.label}: {c.old}")
            else:
                lines.append(f"{c.label}: {c.old or '(trống)'} → {c.new or '(trống)'}")
        return sep.join(lines)


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    total: int  # rows matching the filter
    offset: int
    limit: int


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity.replace("_", " "))


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.replace("_", " "))


def _local(at: datetime) -> datetime:
    """Stored times are naive UTC; shown in the computer's time zone."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _utc_start(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def readable(value: Any) -> str:
    """A stored value as a person reads it: dd/mm/yyyy dates, Có/Không, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            y, m, d = value.split("-")
            return f"{d}/{m}/{y}"
        if _ISO_DATETIME.match(value):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            return f"{moment:%d/%m/%Y %H:%M}"
        return value
    if isinstance(value, list | tuple):
        return ", ".join(readable(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{field_label(str(k))}: {readable(v)}" for k, v in value.items())
    return str(value)


# The catalogue whose code a field holds: by field name, or by (table, field) where the name is shared
_CATALOG_OF: dict[str, str] = {
    "ethnicity": "ethnicity", "religion": "religion", "category": "category", "cur_category": "category",
    "cur_education": "qualification_level", "level_code": "qualification_level",
    "req_education_level": "qualification_level", "granted_level": "qualification_level",
    "grants_level": "qualification_level", "grants_kind": "qualification_kind", "rating": "rating",
    "post_code": "post", "course_type": "course_type", "funding_source": "training_funding",
}
_CATALOG_OF_IN: dict[tuple[str, str], str] = {
    ("persons", "status"): "employment_status",
    ("qualifications", "kind"): "qualification_kind",
    ("org_units", "kind"): "unit_kind",
    ("posts_held", "kind"): "appointment_kind",
    ("disciplines", "form"): "discipline_form",
    ("training_records", "result"): "training_result",
    ("job_positions", "group"): "position_group",
}
_RANK_FIELDS = {"rank_code", "cur_rank_code", "min_rank_code"}


def _vocabularies() -> dict[tuple[str, str], dict[str, str]]:
    """Codes kept without a catalogue file, with the labels the record view uses."""
    from hrapp.queries.person_detail import END_REASONS, SALARY_REASONS, STUDY_MODES
    from hrapp.security import ROLE_LABELS

    return {("salary_steps", "reason"): SALARY_REASONS, ("qualifications", "mode"): STUDY_MODES,
            ("employments", "end_reason"): END_REASONS, ("user_accounts", "role"): ROLE_LABELS}
_GENDERS = {"M": "Nam", "F": "Nữ"}


def value_label(entity: str, name: str, value: Any) -> Any:
    """A stored code as the officer knows it ('01' → 'Kinh', 'phat_giao' → 'Phật giáo', '01.003' → 'Chuyên
    viên'); anything else (a value written before codes were kept, a free text) as it is."""
    if not isinstance(value, str) or not value:
        return value
    kind = _CATALOG_OF_IN.get((entity, name)) or _CATALOG_OF.get(name)
    if kind is not None:
        return catalogs.label(kind, value, value)
    vocabulary = _vocabularies().get((entity, name))
    if vocabulary is not None:
        return vocabulary.get(value, value)
    if name in _RANK_FIELDS:
        return catalogs.ranks().get(value, {}).get("name", value)
    if name == "gender":
        return _GENDERS.get(value, value)
    return value


# Fields holding the id of another row, shown by that row's name: (model, the column shown)
_REFERENCES: dict[str, tuple[Any, Any]] = {}


def _references() -> dict[str, tuple[Any, Any]]:
    if not _REFERENCES:
        unit, position, decision = (OrgUnit, OrgUnit.name), (JobPosition, JobPosition.name), (Decision, Decision.number)
        _REFERENCES.update({
            "unit_id": unit, "cur_unit_id": unit, "other_unit_id": unit, "merged_into_id": unit,
            "position_id": position, "cur_position_id": position,
            "decision_id": decision, "end_decision_id": decision, "person_id": (Person, Person.full_name),
        })
    return _REFERENCES


def _reference_field(entity: str, name: str) -> str | None:
    """The field whose referenced rows `name` points to ('parent_id' of a unit is a unit)."""
    if name == "parent_id" and entity == "org_units":
        return "unit_id"
    return name if name in _references() else None


Names = dict[tuple[str, int], str]


def _names(s: Session, rows: list[AuditLog]) -> Names:
    """The names of the rows the changes of `rows` point to by id, in one query per kind."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if not isinstance(row.changes, dict):
            continue
        for name, pair in row.changes.items():
            field = _reference_field(row.entity, str(name))
            values = pair if isinstance(pair, list | tuple) else [pair]
            if field is not None:
                model = _references()[field][0].__tablename__
                wanted.setdefault(model, set()).update(v for v in values if isinstance(v, int)
                                                       and not isinstance(v, bool))
    out: Names = {}
    for model, column in {m.__tablename__: (m, c) for m, c in _references().values()}.values():
        ids = list(wanted.get(model.__tablename__, ()))
        for start in range(0, len(ids), 900):
            for i, shown in s.execute(select(model.id, column).where(model.id.in_(ids[start:start + 900]))):
                out[(model.__tablename__, i)] = str(shown)
    return out


def _shown(entity: str, name: str, value: Any, names: Names) -> str:
    field = _reference_field(entity, name)
    if field is not None and isinstance(value, int) and not isinstance(value, bool):
        model = _references()[field][0].__tablename__
        return names.get((model, value), str(value))
    return readable(value_label(entity, name, value))


def _changes(raw: Any, entity: str = "", names: Names | None = None) -> tuple[FieldChange, ...]:
    if not isinstance(raw, dict):
        return ()
    names = names or {}
    out = []
    for name, pair in raw.items():
        if isinstance(pair, list | tuple) and len(pair) == 2:
            old, new = pair
        else:  # an explicit row's details ({"person_ids": [...], "masked": true})
            old, new = None, pair
        key = str(name)
        out.append(FieldChange(key, field_label(key), _shown(entity, key, old, names),
                               _shown(entity, key, new, names)))
    return tuple(out)


def _where(f: AuditFilter) -> list:
    conds = []
    if f.person_id is not None:
        conds.append(AuditLog.person_id == f.person_id)
    terms = [t for t in fold(f.person).split(" ") if t]
    if terms:
        ids = select(Person.id).where(and_(*[
            or_(Person.name_folded.like(f"{t}%"), Person.name_folded.like(f"% {t}%")) for t in terms
        ]))
        conds.append(AuditLog.person_id.in_(ids))
    if f.user:
        conds.append(AuditLog.user == f.user)
    if f.date_from is not None:
        conds.append(AuditLog.at >= _utc_start(f.date_from))
    if f.date_to is not None:
        conds.append(AuditLog.at < _utc_start(f.date_to + timedelta(days=1)))
    if f.entity:
        conds.append(AuditLog.entity == f.entity)
    if f.action:
        conds.append(AuditLog.action == f.action)
    return conds


def _query(f: AuditFilter) -> Select:
    q = select(AuditLog, Person.full_name).outerjoin(Person, Person.id == AuditLog.person_id)
    conds = _where(f)
    if conds:
        q = q.where(and_(*conds))
    return q.order_by(AuditLog.at.desc(), AuditLog.id.desc())


def _entry(row: AuditLog, person_name: str | None, names: Names | None = None) -> AuditEntry:
    return AuditEntry(
        id=row.id, at=_local(row.at), user=row.user, action=row.action, action_label=action_label(row.action),
        entity=row.entity, entity_label=entity_label(row.entity), entity_id=row.entity_id or "",
        person_id=row.person_id, person_name=person_name or "", summary=row.summary or "",
        changes=_changes(row.changes, row.entity, names),
    )


def audit_page(ctx: ServiceContext, f: AuditFilter = AuditFilter(), offset: int = 0,
               limit: int = PAGE_SIZE) -> AuditPage:
    """One page of the trail, newest first, and how many rows match. Administrators only."""
    require(ctx, ADMIN)
    if offset < 0 or limit < 1:
        raise ValueError("offset must be >= 0 and limit >= 1")
    conds = _where(f)
    with ctx.read() as s:
        count_q = select(func.count()).select_from(AuditLog)
        if conds:
            count_q = count_q.where(and_(*conds))
        total = int(s.scalar(count_q) or 0)
        rows = s.execute(_query(f).offset(offset).limit(limit)).all()
        names = _names(s, [r for r, _ in rows])
        entries = tuple(_entry(r, name, names) for r, name in rows)
    return AuditPage(entries=entries, total=total, offset=offset, limit=limit)


def audit_entries(ctx: ServiceContext, f: AuditFilter = AuditFilter()) -> list[AuditEntry]:
    """Every matching row (the Excel export), newest first, read in one snapshot."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        rows = s.execute(_query(f)).all()
        names = _names(s, [r for r, _ in rows])
        return [_entry(r, name, names) for r, name in rows]


def audit_users(ctx: ServiceContext) -> list[str]:
    """The user names found in the trail, for the filter."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        return sorted(s.scalars(select(AuditLog.user).distinct()), key=str.lower)


def audit_entities(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(entity, label) pairs found in the trail, by label."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        found = list(s.scalars(select(AuditLog.entity).distinct()))
    return sorted(((e, entity_label(e)) for e in found), key=lambda p: fold(p[1]))


def audit_actions(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(action, label) pairs found in the trail, by label."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        found = list(s.scalars(select(AuditLog.action).distinct()))
    return sorted(((a, action_label(a)) for a in found), key=lambda p: fold(p[1]))
