"""Bundled reference catalogues (resources/catalogs): codes and Vietnamese labels, cached in memory."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from hrapp.paths import CATALOGS


@cache
def catalog(kind: str) -> dict[str, Any]:
    """The whole catalogue file: {"title", "legal_basis"?, "items": [...]}."""
    return json.loads((CATALOGS / f"{kind}.json").read_text(encoding="utf-8"))


def kinds() -> list[str]:
    return sorted(p.stem for p in CATALOGS.glob("*.json") if p.stem != "ranks")


@cache
def items(kind: str) -> list[dict[str, Any]]:
    return list(catalog(kind)["items"])


@cache
def labels(kind: str) -> dict[str, str]:
    return {it["code"]: it["name"] for it in items(kind)}


def label(kind: str, code: str | None, default: str = "") -> str:
    if not code:
        return default
    return labels(kind).get(code, code)


def extra(kind: str, code: str) -> dict[str, Any]:
    for it in items(kind):
        if it["code"] == code:
            return it.get("extra") or {}
    return {}


@cache
def ranks() -> dict[str, dict[str, Any]]:
    return {r["code"]: r for r in catalog("ranks")["items"]}


CATEGORIES = ("cong_chuc", "vien_chuc", "vien_chuc_tu_chu", "hop_dong", "hop_dong_nv_cong_chuc")


# The words of a person record's fields, in the messages of the validation rules and of the database's own
# length and range checks (hrapp.db.limits).
FIELD_LABELS: dict[str, str] = {
    "full_name": "Họ và tên",
    "gender": "Giới tính",
    "birth_date": "Ngày sinh",
    "id_number": "Số CCCD",
    "id_issue_date": "Ngày cấp CCCD",
    "email": "Thư điện tử",
    "phone": "Số điện thoại",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "unit_id": "Đơn vị",
    "category": "Loại cán bộ",
    "start_date": "Ngày vào cơ quan",
    "recruitment_date": "Ngày tuyển dụng",
    "recruitment_agency": "Cơ quan tuyển dụng",
    "rank_code": "Ngạch/chức danh nghề nghiệp",
    "salary_step": "Bậc lương",
    "coefficient": "Hệ số lương",
    "salary_date": "Ngày hưởng lương",
    "probation_start": "Ngày bắt đầu tập sự",
    "probation_end": "Ngày kết thúc tập sự",
    "party_join_date": "Ngày vào Đảng",
    "party_official_date": "Ngày chính thức",
    "army_join_date": "Ngày nhập ngũ",
    "army_leave_date": "Ngày xuất ngũ",
    "other_names": "Tên gọi khác",
    "staff_code": "Số hiệu CBCC",
    "birth_place": "Nơi sinh",
    "home_town": "Quê quán",
    "id_issue_place": "Nơi cấp CCCD",
    "permanent_address": "Thường trú",
    "current_address": "Nơi ở hiện nay",
    "social_insurance_no": "Số sổ BHXH",
    "general_education": "Giáo dục phổ thông",
    "occupation_at_recruitment": "Nghề nghiệp khi tuyển dụng",
    "highest_title": "Danh hiệu được phong tặng",
    "union_join_info": "Tổ chức chính trị - xã hội",
    "army_rank": "Quân hàm cao nhất",
    "war_invalid_grade": "Thương binh hạng",
    "policy_family": "Gia đình chính sách",
    "health": "Sức khỏe",
    "blood_type": "Nhóm máu",
    "personal_id": "Mã số định danh",
    "health_insurance_no": "Số thẻ BHYT",
    "managing_agency": "Cơ quan quản lý CBCCVC",
    "family_background": "Thành phần gia đình xuất thân",
    "longest_work": "Công việc làm lâu nhất",
    "party_post": "Chức vụ Đảng hiện tại",
    "party_concurrent_post": "Chức vụ Đảng kiêm nhiệm",
}


def field_label(field: str) -> str:
    """The Vietnamese label of a person record's field (the field's own name when it has none)."""
    return FIELD_LABELS.get(field, field)


# Vocabulary stored as codes without a catalogue file; labels as written on Vietnamese records.
# Kinds of long absence recorded by decision (leave_periods.kind); unpaid leave delays the pay step.
ABSENCE_KINDS = {
    "khong_luong": "Nghỉ không hưởng lương",
    "om_dau": "Nghỉ ốm đau dài ngày",
    "thai_san": "Nghỉ thai sản",
    "khac": "Nghỉ khác",
}
SALARY_REASONS = {
    "thuong_xuyen": "Thường xuyên",
    "truoc_thoi_han": "Trước thời hạn",
    "keo_dai": "Kéo dài",
    "tuyen_dung": "Tuyển dụng",
    "chuyen_ngach": "Chuyển ngạch",
    "nang_ngach": "Nâng ngạch",
    "truoc_thoi_han_nghi_huu": "Trước thời hạn (có thông báo nghỉ hưu)",
    "vuot_khung": "Phụ cấp thâm niên vượt khung",
}
STUDY_MODES = {
    "chinh_quy": "Chính quy",
    "tai_chuc": "Tại chức",
    "tu_xa": "Từ xa",
    "boi_duong": "Bồi dưỡng",
    "vua_lam_vua_hoc": "Vừa làm vừa học",
}
END_REASONS = {
    "retired": "Nghỉ hưu",
    "resigned": "Thôi việc",
    "transferred": "Chuyển công tác",
    "moved": "Điều động nội bộ",
    "deceased": "Từ trần",
}
