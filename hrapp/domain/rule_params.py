"""A rule version's parameters as labelled fields: what the administrator edits instead of JSON with English keys.

`param_fields(params)` walks the parameters of a version (resources/rules/*.json) and gives one field per value,
with its Vietnamese label, the labels of the groups it sits in, its unit (tháng, năm, ngày, %, …) and its kind
(whole number, decimal, yes/no, month, text, list); `with_values` writes typed values back into a copy of the
same structure, so that a version saved from the form is the same data with the changed numbers. Descriptive
tags (`confidence`) and the internal codes of list items are kept untouched and not shown.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from hrapp import catalogs, messages
from hrapp.errors import DomainError

HIDDEN_KEYS = frozenset({"confidence"})
HIDDEN_ITEM_KEYS = frozenset({"code"})  # a list item's own code: an identifier other data refers to

# The Vietnamese name of every key of the shipped rule data (a test holds the data to it).
KEY_LABELS: dict[str, str] = {
    # common
    "note": "Ghi chú", "legal_basis": "Căn cứ pháp lý", "label": "Tên hiển thị", "subject": "Đối tượng",
    "cong_chuc": "Công chức", "vien_chuc": "Viên chức", "vien_chuc_tu_chu": "Viên chức (đơn vị tự chủ)",
    "years": "Số năm", "months": "Số tháng", "minutes": "Số phút", "min": "Từ", "max": "Đến",
    "min_age": "Từ tuổi", "max_age": "Đến tuổi",
    # appointment_term
    "term_years": "Nhiệm kỳ", "alerts": "Nhắc hết thời hạn", "months_before": "Số tháng trước",
    "days_before": "Số ngày trước",
    "first_appointment_min_months_left": "Bổ nhiệm lần đầu: thời gian công tác còn lại tối thiểu",
    "reappoint_to_retirement_below_months": "Bổ nhiệm lại đến nghỉ hưu khi thời gian công tác còn dưới",
    "no_reappointment_below_months": "Không bổ nhiệm lại (kéo dài đến nghỉ hưu) khi còn dưới",
    # base_salary
    "amount": "Mức lương cơ sở",
    # deputy_limits
    "unit_kinds": "Loại đơn vị áp dụng (mã)", "headcount_category": "Loại biên chế tính số lượng (mã)",
    "deputy_posts": "Chức vụ cấp phó (mã)", "bands": "Mức theo số biên chế", "max_deputies": "Số cấp phó tối đa",
    # early_step
    "max_months_short": "Số tháng nâng trước hạn tối đa (thành tích)",
    "max_months_early": "Số tháng nâng trước hạn tối đa",
    "quota_percent": "Tỷ lệ người được nâng trước hạn trong năm",
    "not_twice_in_a_row_in_same_rank": "Không nâng trước hạn hai lần liên tiếp trong cùng ngạch",
    "retirement_max_months_short": "Nâng trước hạn khi có thông báo nghỉ hưu: còn thiếu tối đa",
    # evaluation
    "ratings": "Mức xếp loại (mã)", "score_bands": "Khung điểm", "htxs_cap": "Giới hạn số người hoàn thành xuất sắc",
    "percent": "Tỷ lệ tối đa", "of_rating": "Tính trên số người xếp loại (mã)", "max_score": "Điểm tối đa",
    "rating": "Xếp loại (mã)",
    # login_lockout
    "max_failures": "Số lần đăng nhập sai liên tiếp thì khóa", "lock_minutes": "Thời gian khóa tài khoản",
    "min_password_length": "Độ dài mật khẩu tối thiểu",
    # pay_step, pctnvk
    "interval_months": "Thời gian giữ bậc để nâng bậc", "discipline_delay_months": "Kéo dài nâng bậc khi bị kỷ luật",
    "A0": "Loại A0", "A1": "Loại A1", "A2": "Loại A2", "A3": "Loại A3", "B": "Loại B", "C": "Loại C",
    "CGCC": "Chuyên gia cao cấp", "A3.1": "Loại A3, nhóm 1", "A3.2": "Loại A3, nhóm 2", "A2.1": "Loại A2, nhóm 1",
    "A2.2": "Loại A2, nhóm 2", "C1": "Loại C, nhóm 1",
    "khien_trach": "Khiển trách", "canh_cao": "Cảnh cáo", "ha_bac_luong": "Hạ bậc lương", "giang_chuc": "Giáng chức",
    "cach_chuc": "Cách chức", "kht_year_delay_months": "Kéo dài khi một năm không hoàn thành nhiệm vụ",
    "unpaid_leave": "Nghỉ không lương", "days_per_month": "Số ngày tính là một tháng",
    "remainder_counts_from_days": "Số ngày lẻ từ đó tính thêm một tháng",
    "first_after_months": "Thời gian giữ bậc cuối để hưởng phụ cấp thâm niên vượt khung lần đầu",
    "first_percent": "Mức hưởng lần đầu", "increase_percent": "Mức tăng mỗi lần",
    "increase_every_months": "Thời gian giữa hai lần tăng",
    # planning
    "max_people_per_post": "Số người quy hoạch tối đa cho một chức danh",
    "max_posts_per_person": "Số chức danh tối đa của một người",
    "only_higher_posts": "Chỉ quy hoạch vào chức danh cao hơn", "age_test": "Điều kiện tuổi",
    "min_months_left": "Thời gian công tác còn lại tối thiểu", "evaluation": "Kết quả đánh giá",
    "min_rating": "Xếp loại tối thiểu (mã)", "removal_triggers": "Đưa ra khỏi quy hoạch khi",
    "discipline_forms": "Bị kỷ luật (mã hình thức)", "age": "Không còn đủ tuổi", "appointed": "Đã được bổ nhiệm",
    "not_working": "Thôi công tác", "discipline_default_months": "Thời gian bị kỷ luật mặc định",
    "structure": "Cơ cấu", "women_min_percent": "Tỷ lệ nữ tối thiểu", "young_below_age": "Cán bộ trẻ: dưới tuổi",
    "young_min_percent": "Tỷ lệ cán bộ trẻ tối thiểu", "age_tiers": "Nhóm tuổi",
    "requirements": "Tiêu chuẩn theo chức danh", "default": "Mặc định", "chuyen_mon": "Trình độ chuyên môn (mã)",
    "llct": "Lý luận chính trị (mã)", "qlnn": "Quản lý nhà nước (mã)", "tin_hoc": "Tin học (mã)",
    # posts (planning requirements by post): their names are the post catalogue's, see key_label
    # priority_points
    "highest_only": "Chỉ cộng điểm ưu tiên cao nhất", "applies_to": "Cộng vào kết quả (mã vòng)",
    "groups": "Diện ưu tiên", "points": "Điểm cộng", "aliases": "Tên gọi khác", "same_as": "Là các diện (mã)",
    # probation
    "months_by_level": "Thời gian tập sự theo trình độ", "DH": "Đại học", "CD": "Cao đẳng", "TC": "Trung cấp",
    "pay_percent": "Mức lương trong thời gian tập sự",
    "non_counting_leave_min_days": "Nghỉ từ bao nhiêu ngày thì không tính vào thời gian tập sự",
    "doctor_months": "Thời gian tập sự chức danh bác sĩ",
    # recruitment_regime
    "subject_label": "Tên đối tượng", "priority_rule": "Quy định điểm ưu tiên (mã)", "methods": "Hình thức tuyển dụng",
    "thi_tuyen": "Thi tuyển", "xet_tuyen": "Xét tuyển", "round1": "Vòng 1", "round2": "Vòng 2",
    "form": "Hình thức thi", "parts": "Phần thi", "questions": "Số câu hỏi",
    "pass_ratio": "Tỷ lệ câu trả lời đúng để qua vòng", "per_part": "Xét đạt theo từng phần",
    "pass_min": "Điểm tối thiểu để trúng tuyển", "forms": "Các hình thức thi",
    "min_ratio": "Tỷ lệ điểm tối thiểu", "tie_break": "Thứ tự xét khi bằng điểm (mã)", "tie_rule": "Cách xét khi bằng điểm",
    "council_sizes": "Số thành viên hội đồng", "application_window_days": "Thời hạn nhận phiếu đăng ký",
    "result_notice_working_days": "Thời hạn thông báo kết quả (ngày làm việc)",
    "dossier_days": "Thời hạn hoàn thiện hồ sơ", "report_to_work_days": "Thời hạn nhận việc",
    "probation": "Tập sự", "required": "Phải tập sự", "rule": "Quy định tập sự (mã)",
    # retirement_age
    "M": "Nam", "F": "Nữ", "base_age": "Tuổi nghỉ hưu gốc", "ramp_start": "Bắt đầu tăng tuổi từ tháng",
    "band_birth_months": "Mỗi nấc gồm người sinh trong", "months_per_band": "Mỗi nấc tăng thêm",
    "cap": "Tuổi nghỉ hưu tối đa",
    # salary_scale
    "classes": "Bảng hệ số lương", "coefficients": "Hệ số theo bậc",
    # training
    "programme_max_weeks": "Thời gian chương trình bồi dưỡng tối đa", "qlnn_cv": "Quản lý nhà nước ngạch chuyên viên",
    "qlnn_cvc": "Quản lý nhà nước ngạch chuyên viên chính", "qlnn_cvcc": "Quản lý nhà nước ngạch chuyên viên cao cấp",
    "lanh_dao_phong": "Lãnh đạo cấp phòng", "lanh_dao_so": "Lãnh đạo cấp sở", "vtvl": "Theo vị trí việc làm",
    "periods_per_week": "Số tiết một tuần", "postgraduate": "Đào tạo sau đại học",
    "min_service_years": "Thời gian công tác tối thiểu", "exclude_probation": "Không tính thời gian tập sự",
    "rating_years": "Số năm liền kề hoàn thành tốt nhiệm vụ", "max_age_first": "Tuổi tối đa khi được cử đi lần đầu",
    "probation_finished": "Đã hết thời gian tập sự", "commitment_multiplier": "Thời gian cam kết phục vụ (lần thời gian học)",
    "repayment": "Đền bù chi phí đào tạo", "quit_during_percent": "Bỏ học, thôi việc khi đang học: tỷ lệ đền bù",
    "no_degree_percent": "Không được cấp bằng: tỷ lệ đền bù", "round_days": "Số ngày lẻ từ đó làm tròn lên một tháng",
}

_UNITS = (("percent", "%"), ("months", "tháng"), ("years", "năm"), ("weeks", "tuần"), ("working_days", "ngày làm việc"),
          ("days", "ngày"), ("minutes", "phút"), ("amount", "đồng"), ("age", "tuổi"))
_UNIT_OF_KEY = {"term_years": "năm", "pay_percent": "%", "htxs_cap": "%", "max_age_first": "tuổi", "min_age": "tuổi",
                "max_age": "tuổi", "young_below_age": "tuổi", "min_password_length": "ký tự", "base_age": "",
                "cap": "", "lock_minutes": "phút", "min_service_years": "năm", "rating_years": "năm",
                "commitment_multiplier": "lần", "quit_during_percent": "%", "no_degree_percent": "%"}
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class ParamField:
    """One value of a version's parameters, as the form shows it."""

    path: tuple[str | int, ...]
    group: str  # the labels of the groups it sits in, joined by " › " ("" at the top)
    label: str
    kind: str  # int | decimal | bool | month | text | optional | ints | decimals | texts
    unit: str
    value: Any


def key_label(key: str, lang: str | None = None) -> str:
    """The key's label in `lang` (default: the language of the session)."""
    if (lang or messages.language()) == "en":
        return KEY_LABELS_EN.get(key, key)
    return KEY_LABELS.get(key) or catalogs.labels("post").get(key, key)  # a post's code: the catalogue's name


def _unit(path: tuple[str | int, ...], lang: str | None = None) -> str:
    unit = ""
    for key in reversed([k for k in path if isinstance(k, str)]):
        if key in _UNIT_OF_KEY:
            unit = _UNIT_OF_KEY[key]
            break
        unit = next((u for word, u in _UNITS if word in key), "")
        if unit:
            break
    return UNITS_EN.get(unit, unit) if (lang or messages.language()) == "en" else unit


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if value is None:
        return "optional"
    if isinstance(value, str):
        if _DECIMAL.match(value):
            return "decimal"
        if _YEAR_MONTH.match(value):
            return "month"
        return "text"
    if isinstance(value, list):
        if all(isinstance(v, int) and not isinstance(v, bool) for v in value) and value:
            return "ints"
        if value and all(isinstance(v, str) and _DECIMAL.match(v) for v in value):
            return "decimals"
        return "texts"
    raise TypeError(type(value).__name__)


def param_fields(params: Mapping[str, Any], lang: str | None = None) -> list[ParamField]:
    """Every value of `params` as a labelled field, in the data's order, labelled in `lang` (default: the
    language of the session)."""
    out: list[ParamField] = []

    def walk(node: Any, path: tuple[str | int, ...], groups: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            shown_keys = [k for k in node
                          if k not in HIDDEN_KEYS and not (path and isinstance(path[-1], int) and k in HIDDEN_ITEM_KEYS)]
            nested = [k for k in shown_keys if isinstance(node[k], dict)
                      or (isinstance(node[k], list) and node[k] and isinstance(node[k][0], dict))]
            for key in shown_keys:  # a level's own values first, then its groups: no value reads as a group's
                if key not in nested:
                    here = (*path, key)
                    out.append(ParamField(here, " › ".join(groups), key_label(key, lang), _kind(node[key]),
                                          _unit(here, lang), node[key]))
            for key in nested:
                walk(node[key], (*path, key), (*groups, key_label(key, lang)))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                name = item.get("label") if isinstance(item, dict) and isinstance(item.get("label"), str) else None
                walk(item, (*path, i), (*groups[:-1], f"{groups[-1]} {i + 1}" + (f" ({name})" if name else "")))

    walk(params, (), ())
    return out


def shown(field: ParamField) -> str:
    """The value as typed in a text field (numbers as on paper, a month as mm/yyyy, lists with commas)."""
    value = field.value
    if value is None:
        return ""
    month = _YEAR_MONTH.match(value) if field.kind == "month" else None  # stored as yyyy-mm
    if month is not None:
        return f"{month[2]}/{month[1]}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def parse(field: ParamField, text: str) -> Any:
    """The typed text as the stored value of the field's kind; DomainError naming the field when it is not."""
    text = text.strip()
    name = f"{field.group} › {field.label}" if field.group else field.label
    try:
        if field.kind == "decimal":
            value = Decimal(text.replace(",", "."))
            if not value.is_finite():
                raise InvalidOperation
            return str(value)
        if field.kind == "month":
            m = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
            if not m or not 1 <= int(m.group(1)) <= 12:
                raise ValueError
            return f"{m.group(2)}-{int(m.group(1)):02d}"
        if field.kind == "optional":
            if not text:
                return None
            return int(text) if re.fullmatch(r"-?\d+", text) else text
        if field.kind in ("ints", "decimals", "texts"):
            items = [t.strip() for t in text.split(",") if t.strip()]
            if field.kind == "ints":
                return [int(t) for t in items]
            if field.kind == "decimals":
                return [str(Decimal(t)) for t in items if Decimal(t).is_finite()]
            return items
        return text
    except (ValueError, InvalidOperation):
        raise DomainError("rule_param_invalid", field="params", name=name, value=text) from None


def with_values(params: Mapping[str, Any], values: Mapping[tuple[str | int, ...], Any]) -> dict[str, Any]:
    """A copy of `params` with the values at these paths replaced (everything else, hidden keys included, kept)."""
    out = copy.deepcopy(dict(params))
    for path, value in values.items():
        node: Any = out
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return out


# The same labels in English, for the English interface.
KEY_LABELS_EN: dict[str, str] = {
    "note": "Note", "legal_basis": "Legal basis", "label": "Shown as", "subject": "Subject",
    "cong_chuc": "Civil servants", "vien_chuc": "Public employees", "vien_chuc_tu_chu": "Public employees (self-funded units)",
    "years": "Years", "months": "Months", "minutes": "Minutes", "min": "From", "max": "To",
    "min_age": "From age", "max_age": "To age",
    "term_years": "Term", "alerts": "Reminder before the term ends", "months_before": "Months before",
    "days_before": "Days before",
    "first_appointment_min_months_left": "First appointment: least working time left",
    "reappoint_to_retirement_below_months": "Reappointed until retirement when the working time left is under",
    "no_reappointment_below_months": "No reappointment (extended until retirement) when under",
    "amount": "Base salary",
    "unit_kinds": "Kinds of unit (codes)", "headcount_category": "Category counted for staffing (code)",
    "deputy_posts": "Deputy posts (codes)", "bands": "Level by staff numbers", "max_deputies": "Most deputies",
    "max_months_short": "Most months early (for achievements)", "max_months_early": "Most months early",
    "quota_percent": "Share of staff raised early in a year",
    "not_twice_in_a_row_in_same_rank": "Not raised early twice in a row in the same rank",
    "retirement_max_months_short": "Raised early on a retirement notice: at most months short",
    "ratings": "Ratings (codes)", "score_bands": "Score bands", "htxs_cap": "Limit of outstanding ratings",
    "percent": "Highest share", "of_rating": "Counted over the rating (code)", "max_score": "Highest score",
    "rating": "Rating (code)",
    "max_failures": "Failed sign-ins in a row before locking", "lock_minutes": "Lock time",
    "min_password_length": "Shortest password",
    "interval_months": "Time in a step before the next", "discipline_delay_months": "Delay after a disciplinary measure",
    "A0": "Class A0", "A1": "Class A1", "A2": "Class A2", "A3": "Class A3", "B": "Class B", "C": "Class C",
    "CGCC": "Senior expert", "A3.1": "Class A3, group 1", "A3.2": "Class A3, group 2", "A2.1": "Class A2, group 1",
    "A2.2": "Class A2, group 2", "C1": "Class C, group 1",
    "khien_trach": "Reprimand", "canh_cao": "Warning", "ha_bac_luong": "Pay step lowered", "giang_chuc": "Demotion",
    "cach_chuc": "Dismissal from post", "kht_year_delay_months": "Delay after a year with duties not completed",
    "unpaid_leave": "Unpaid leave", "days_per_month": "Days counted as a month",
    "remainder_counts_from_days": "Remaining days counted as one more month from",
    "first_after_months": "Time in the last step before the first seniority allowance",
    "first_percent": "First allowance", "increase_percent": "Increase each time",
    "increase_every_months": "Time between two increases",
    "max_people_per_post": "Most people planned for one post", "max_posts_per_person": "Most posts for one person",
    "only_higher_posts": "Only posts higher than the current one", "age_test": "Age condition",
    "min_months_left": "Least working time left", "evaluation": "Evaluation results",
    "min_rating": "Lowest rating (code)", "removal_triggers": "Taken off the plan when",
    "discipline_forms": "Disciplined (measure codes)", "age": "Too old", "appointed": "Appointed",
    "not_working": "Left the service", "discipline_default_months": "Default duration of a disciplinary measure",
    "structure": "Structure", "women_min_percent": "Smallest share of women", "young_below_age": "Young staff: under age",
    "young_min_percent": "Smallest share of young staff", "age_tiers": "Age group",
    "requirements": "Requirements by post", "default": "Default", "chuyen_mon": "Professional level (code)",
    "llct": "Political theory (code)", "qlnn": "State management (code)", "tin_hoc": "Computing (code)",
    "giam_doc_so": "Director of the department", "pho_giam_doc_so": "Deputy director of the department",
    "chanh_van_phong": "Head of the office", "pho_chanh_van_phong": "Deputy head of the office",
    "chanh_thanh_tra": "Chief inspector", "pho_chanh_thanh_tra": "Deputy chief inspector",
    "truong_phong": "Head of division", "pho_truong_phong": "Deputy head of division",
    "chi_cuc_truong": "Head of sub-department", "pho_chi_cuc_truong": "Deputy head of sub-department",
    "giam_doc_trung_tam": "Director of a centre", "pho_giam_doc_trung_tam": "Deputy director of a centre",
    "truong_phong_chi_cuc": "Head of division of a sub-department",
    "pho_truong_phong_chi_cuc": "Deputy head of division of a sub-department",
    "truong_phong_trung_tam": "Head of division of a centre",
    "pho_truong_phong_trung_tam": "Deputy head of division of a centre", "ke_toan_truong": "Chief accountant",
    "highest_only": "Only the highest priority counts", "applies_to": "Added to (round code)",
    "groups": "Priority group", "points": "Points added", "aliases": "Other name", "same_as": "Stands for (codes)",
    "months_by_level": "Probation by level", "DH": "University", "CD": "College", "TC": "Vocational secondary",
    "pay_percent": "Pay during probation",
    "non_counting_leave_min_days": "Leave from this many days is not counted in probation",
    "doctor_months": "Probation of doctors",
    "subject_label": "Subject's name", "priority_rule": "Priority points rule (code)", "methods": "Recruitment method",
    "thi_tuyen": "Competitive examination", "xet_tuyen": "Selection", "round1": "Round 1", "round2": "Round 2",
    "form": "Form of the test", "parts": "Part of the test", "questions": "Questions",
    "pass_ratio": "Share of right answers to pass", "per_part": "Passed part by part",
    "pass_min": "Lowest score to be recruited", "forms": "Forms of the test",
    "min_ratio": "Lowest share of the score", "tie_break": "Order on equal scores (codes)", "tie_rule": "Equal scores",
    "council_sizes": "Members of the council", "application_window_days": "Time to receive applications",
    "result_notice_working_days": "Time to announce the results (working days)",
    "dossier_days": "Time to complete the file", "report_to_work_days": "Time to report for work",
    "probation": "Probation", "required": "Probation required", "rule": "Probation rule (code)",
    "M": "Men", "F": "Women", "base_age": "Base retirement age", "ramp_start": "Age rises from the month",
    "band_birth_months": "Each step holds people born within", "months_per_band": "Each step adds",
    "cap": "Highest retirement age",
    "classes": "Salary coefficients", "coefficients": "Coefficients by step",
    "programme_max_weeks": "Longest training programme", "qlnn_cv": "State management, specialist",
    "qlnn_cvc": "State management, principal specialist", "qlnn_cvcc": "State management, senior specialist",
    "lanh_dao_phong": "Division leaders", "lanh_dao_so": "Department leaders", "vtvl": "By job position",
    "periods_per_week": "Periods a week", "postgraduate": "Postgraduate training",
    "min_service_years": "Least time in service", "exclude_probation": "Probation not counted",
    "rating_years": "Years in a row rated good or better", "max_age_first": "Highest age when first sent",
    "probation_finished": "Probation finished", "commitment_multiplier": "Service committed (times the study time)",
    "repayment": "Repayment of training costs", "quit_during_percent": "Leaving during the training: share repaid",
    "no_degree_percent": "No degree obtained: share repaid", "round_days": "Remaining days rounded up to a month from",
}

UNITS_EN: dict[str, str] = {"%": "%", "tháng": "months", "năm": "years", "tuần": "weeks", "ngày làm việc": "working days",
                            "ngày": "days", "phút": "minutes", "đồng": "dong", "tuổi": "years old", "ký tự": "characters",
                            "lần": "times", "": ""}
