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

# The name of every key of the shipped rule data, in Vietnamese and in English (a test holds the data to it). The
# posts (planning requirements by post) have no Vietnamese here: their names are the post catalogue's, see key_label.
LABELS: dict[str, tuple[str | None, str]] = {
    # common
    "note": ("Ghi chú", "Note"),
    "legal_basis": ("Căn cứ pháp lý", "Legal basis"),
    "label": ("Tên hiển thị", "Shown as"),
    "subject": ("Đối tượng", "Subject"),
    "cong_chuc": ("Công chức", "Civil servants"),
    "vien_chuc": ("Viên chức", "Public employees"),
    "vien_chuc_tu_chu": ("Viên chức (đơn vị tự chủ)", "Public employees (self-funded units)"),
    "years": ("Số năm", "Years"),
    "months": ("Số tháng", "Months"),
    "minutes": ("Số phút", "Minutes"),
    "min": ("Từ", "From"),
    "max": ("Đến", "To"),
    "min_age": ("Từ tuổi", "From age"),
    "max_age": ("Đến tuổi", "To age"),
    # appointment_term
    "term_years": ("Nhiệm kỳ", "Term"),
    "alerts": ("Nhắc hết thời hạn", "Reminder before the term ends"),
    "months_before": ("Số tháng trước", "Months before"),
    "days_before": ("Số ngày trước", "Days before"),
    "first_appointment_min_months_left": ("Bổ nhiệm lần đầu: thời gian công tác còn lại tối thiểu", "First appointment: least working time left"),
    "reappoint_to_retirement_below_months": ("Bổ nhiệm lại đến nghỉ hưu khi thời gian công tác còn dưới", "Reappointed until retirement when the working time left is under"),
    "no_reappointment_below_months": ("Không bổ nhiệm lại (kéo dài đến nghỉ hưu) khi còn dưới", "No reappointment (extended until retirement) when under"),
    # base_salary
    "amount": ("Mức lương cơ sở", "Base salary"),
    # deputy_limits
    "unit_kinds": ("Loại đơn vị áp dụng (mã)", "Kinds of unit (codes)"),
    "headcount_category": ("Loại biên chế tính số lượng (mã)", "Category counted for staffing (code)"),
    "deputy_posts": ("Chức vụ cấp phó (mã)", "Deputy posts (codes)"),
    "bands": ("Mức theo số biên chế", "Level by staff numbers"),
    "max_deputies": ("Số cấp phó tối đa", "Most deputies"),
    "bands_by_group": ("Mức theo số biên chế, theo nhóm tỉnh", "Level by staff numbers, by province group"),
    "min_staff_by_group": ("Số biên chế tối thiểu của phòng, theo nhóm tỉnh", "Least staff of a division, by province group"),
    "deputy_directors_average": ("Số Phó Giám đốc sở bình quân", "Average deputy directors per department"),
    # deputy_limits, post_allowance: province groups
    "province_groups": ("Nhóm tỉnh (mã tỉnh)", "Province groups (province codes)"),
    "default_group": ("Nhóm của tỉnh không có trong danh sách (mã)", "Group of a province not listed (code)"),
    "hn_hcm": ("Hà Nội, TP HCM", "Hanoi, Ho Chi Minh City"),
    "loai_1": ("Tỉnh loại I", "Class I provinces"),
    "loai_2_3": ("Tỉnh loại II, III", "Class II and III provinces"),
    "khac": ("Tỉnh, thành phố khác", "Other provinces"),
    "by_post": ("Hệ số phụ cấp theo chức vụ", "Allowance coefficient by post"),
    # early_step
    "max_months_short": ("Số tháng nâng trước hạn tối đa (thành tích)", "Most months early (for achievements)"),
    "max_months_early": ("Số tháng nâng trước hạn tối đa", "Most months early"),
    "quota_percent": ("Tỷ lệ người được nâng trước hạn trong năm", "Share of staff raised early in a year"),
    "not_twice_in_a_row_in_same_rank": ("Không nâng trước hạn hai lần liên tiếp trong cùng ngạch", "Not raised early twice in a row in the same rank"),
    "retirement_max_months_short": ("Nâng trước hạn khi có thông báo nghỉ hưu: còn thiếu tối đa", "Raised early on a retirement notice: at most months short"),
    # evaluation
    "ratings": ("Mức xếp loại (mã)", "Ratings (codes)"),
    "score_bands": ("Khung điểm", "Score bands"),
    "htxs_cap": ("Giới hạn số người hoàn thành xuất sắc", "Limit of outstanding ratings"),
    "percent": ("Tỷ lệ tối đa", "Highest share"),
    "of_rating": ("Tính trên số người xếp loại (mã)", "Counted over the rating (code)"),
    "max_score": ("Điểm tối đa", "Highest score"),
    "rating": ("Xếp loại (mã)", "Rating (code)"),
    "general_max": ("Điểm tối đa tiêu chí chung", "Highest score for the general criteria"),
    "results_max": ("Điểm tối đa kết quả thực hiện nhiệm vụ", "Highest score for the results"),
    "periods": ("Kỳ theo dõi, đánh giá (số kỳ trong năm)", "Tracking periods (periods in a year)"),
    "month": ("Tháng", "Month"),
    "quarter": ("Quý", "Quarter"),
    "annual_score": ("Điểm cả năm", "Score of the year"),
    "method": ("Cách tính (mã)", "Method (code)"),
    "score_bands_basis": ("Căn cứ khung điểm", "Legal basis of the score bands"),
    "kht_facts": ("Trường hợp xếp loại không hoàn thành nhiệm vụ", "Facts that rate duties not completed"),
    "exception": ("Ngoại lệ theo quyết định", "Exception by decision"),
    "by_decision": ("Tỷ lệ theo quyết định của cấp có thẩm quyền", "Share set by the competent authority's decision"),
    # login_lockout
    "max_failures": ("Số lần đăng nhập sai liên tiếp thì khóa", "Failed sign-ins in a row before locking"),
    "lock_minutes": ("Thời gian khóa tài khoản", "Lock time"),
    "min_password_length": ("Độ dài mật khẩu tối thiểu", "Shortest password"),
    # pay_step, pctnvk
    "interval_months": ("Thời gian giữ bậc để nâng bậc", "Time in a step before the next"),
    "discipline_delay_months": ("Kéo dài nâng bậc khi bị kỷ luật", "Delay after a disciplinary measure"),
    "A0": ("Loại A0", "Class A0"),
    "A1": ("Loại A1", "Class A1"),
    "A2": ("Loại A2", "Class A2"),
    "A3": ("Loại A3", "Class A3"),
    "B": ("Loại B", "Class B"),
    "C": ("Loại C", "Class C"),
    "CGCC": ("Chuyên gia cao cấp", "Senior expert"),
    "A3.1": ("Loại A3, nhóm 1", "Class A3, group 1"),
    "A3.2": ("Loại A3, nhóm 2", "Class A3, group 2"),
    "A2.1": ("Loại A2, nhóm 1", "Class A2, group 1"),
    "A2.2": ("Loại A2, nhóm 2", "Class A2, group 2"),
    "C1": ("Loại C, nhóm 1", "Class C, group 1"),
    "B4.1": ("Bảng 4, nhóm 1 (lái xe cơ quan)", "Table 4, group 1 (drivers)"),
    "B4.2": ("Bảng 4, nhóm 2 (nhân viên kỹ thuật)", "Table 4, group 2 (technical staff)"),
    "B4.3": ("Bảng 4, nhóm 3 (nhân viên bảo vệ)", "Table 4, group 3 (guards)"),
    "B4.4": ("Bảng 4, nhóm 4 (nhân viên văn thư)", "Table 4, group 4 (clerks)"),
    "B4.5": ("Bảng 4, nhóm 5 (nhân viên phục vụ)", "Table 4, group 5 (service staff)"),
    "name": ("Tên", "Name"),
    "khien_trach": ("Khiển trách", "Reprimand"),
    "canh_cao": ("Cảnh cáo", "Warning"),
    "ha_bac_luong": ("Hạ bậc lương", "Pay step lowered"),
    "giang_chuc": ("Giáng chức", "Demotion"),
    "cach_chuc": ("Cách chức", "Dismissal from post"),
    # discipline (NĐ 112/2020, NĐ 172/2025)
    "forms_by_category": ("Hình thức kỷ luật được áp dụng", "Disciplinary measures that apply"),
    "can_bo": ("Cán bộ", "Elected officials"),
    "staff": ("Không giữ chức vụ lãnh đạo, quản lý", "Without a leadership post"),
    "leader": ("Giữ chức vụ lãnh đạo, quản lý", "Holding a leadership post"),
    "effect_months": ("Thời gian không nâng ngạch, quy hoạch, bổ nhiệm sau kỷ luật",
                      "Time without promotion, planning or appointment after a measure"),
    "barred_appointment_kinds": ("Hình thức bổ nhiệm không thực hiện trong thời hạn kỷ luật (mã)",
                                 "Appointments not made while a measure is in effect (codes)"),
    "limitation_years": ("Thời hiệu xử lý kỷ luật", "Limitation period for discipline"),
    "other_forms": ("Các hình thức khác", "Other measures"),
    "processing_days": ("Thời hạn xử lý kỷ luật", "Time limit of the procedure"),
    "processing_days_complex": ("Thời hạn xử lý kỷ luật, vụ việc phức tạp", "Time limit of the procedure, complex case"),
    "kht_year_delay_months": ("Kéo dài khi một năm không hoàn thành nhiệm vụ", "Delay after a year with duties not completed"),
    "probation_counts": ("Tính thời gian tập sự vào thời gian nâng bậc lần đầu", "Probation counts toward the first step"),
    "not_counted_time": ("Quy đổi thời gian không được tính (nghỉ không lương, đình chỉ…)", "Time not counted (unpaid leave, suspension…) in months"),
    "drop_below_working_days": ("Ngày lẻ dưới mức này không tính", "Odd days dropped below"),
    "one_month_below_working_days": ("Ngày lẻ từ mức trên đến dưới mức này tính 01 tháng", "Odd days counted as one month below"),
    "calendar": ("Lịch ngày làm việc (mã quy định)", "Working-day calendar (rule code)"),
    # work_calendar
    "weekly_days_off": ("Ngày nghỉ hằng tuần (0 = thứ Hai … 6 = Chủ nhật)", "Weekly days off (0 = Monday … 6 = Sunday)"),
    "public_holidays": ("Nguồn ngày lễ, Tết", "Source of public holidays"),
    "changes": ("Hoán đổi, nghỉ bù, làm bù", "Swapped days off and make-up working days"),
    "days_off": ("Ngày nghỉ (yyyy-mm-dd)", "Days off (yyyy-mm-dd)"),
    "working_days": ("Ngày làm bù (yyyy-mm-dd)", "Make-up working days (yyyy-mm-dd)"),
    "first_after_months": ("Thời gian giữ bậc cuối để hưởng phụ cấp thâm niên vượt khung lần đầu", "Time in the last step before the first seniority allowance"),
    "first_percent": ("Mức hưởng lần đầu", "First allowance"),
    "increase_percent": ("Mức tăng mỗi lần", "Increase each time"),
    "increase_every_months": ("Thời gian giữa hai lần tăng", "Time between two increases"),
    # planning
    "max_people_per_post": ("Số người quy hoạch tối đa cho một chức danh", "Most people planned for one post"),
    "max_posts_per_person": ("Số chức danh tối đa của một người", "Most posts for one person"),
    "only_higher_posts": ("Chỉ quy hoạch vào chức danh cao hơn", "Only posts higher than the current one"),
    "age_test": ("Điều kiện tuổi", "Age condition"),
    "min_months_left": ("Thời gian công tác còn lại tối thiểu", "Least working time left"),
    "evaluation": ("Kết quả đánh giá", "Evaluation results"),
    "min_rating": ("Xếp loại tối thiểu (mã)", "Lowest rating (code)"),
    "removal_triggers": ("Đưa ra khỏi quy hoạch khi", "Taken off the plan when"),
    "discipline_forms": ("Bị kỷ luật (mã hình thức)", "Disciplined (measure codes)"),
    "age": ("Không còn đủ tuổi", "Too old"),
    "appointed": ("Đã được bổ nhiệm", "Appointed"),
    "not_working": ("Thôi công tác", "Left the service"),
    "discipline_default_months": ("Thời gian bị kỷ luật mặc định", "Default duration of a disciplinary measure"),
    "structure": ("Cơ cấu", "Structure"),
    "women_min_percent": ("Tỷ lệ nữ tối thiểu", "Smallest share of women"),
    "young_below_age": ("Cán bộ trẻ: dưới tuổi", "Young staff: under age"),
    "young_min_percent": ("Tỷ lệ cán bộ trẻ tối thiểu", "Smallest share of young staff"),
    "age_tiers": ("Nhóm tuổi", "Age group"),
    "requirements": ("Tiêu chuẩn theo chức danh", "Requirements by post"),
    "default": ("Mặc định", "Default"),
    "chuyen_mon": ("Trình độ chuyên môn (mã)", "Professional level (code)"),
    "llct": ("Lý luận chính trị (mã)", "Political theory (code)"),
    "qlnn": ("Quản lý nhà nước (mã)", "State management (code)"),
    "tin_hoc": ("Tin học (mã)", "Computing (code)"),
    # posts (planning requirements by post): in Vietnamese, the post catalogue's name (key_label)
    "giam_doc_so": (None, "Director of the department"),
    "pho_giam_doc_so": (None, "Deputy director of the department"),
    "chanh_van_phong": (None, "Head of the office"),
    "pho_chanh_van_phong": (None, "Deputy head of the office"),
    "chanh_thanh_tra": (None, "Chief inspector"),
    "pho_chanh_thanh_tra": (None, "Deputy chief inspector"),
    "truong_phong": (None, "Head of division"),
    "pho_truong_phong": (None, "Deputy head of division"),
    "chi_cuc_truong": (None, "Head of sub-department"),
    "pho_chi_cuc_truong": (None, "Deputy head of sub-department"),
    "giam_doc_trung_tam": (None, "Director of a centre"),
    "pho_giam_doc_trung_tam": (None, "Deputy director of a centre"),
    "truong_phong_chi_cuc": (None, "Head of division of a sub-department"),
    "pho_truong_phong_chi_cuc": (None, "Deputy head of division of a sub-department"),
    "truong_phong_trung_tam": (None, "Head of division of a centre"),
    "pho_truong_phong_trung_tam": (None, "Deputy head of division of a centre"),
    "ke_toan_truong": (None, "Chief accountant"),
    # priority_points
    "highest_only": ("Chỉ cộng điểm ưu tiên cao nhất", "Only the highest priority counts"),
    "applies_to": ("Cộng vào kết quả (mã vòng)", "Added to (round code)"),
    "groups": ("Diện ưu tiên", "Priority group"),
    "points": ("Điểm cộng", "Points added"),
    "aliases": ("Tên gọi khác", "Other name"),
    "same_as": ("Là các diện (mã)", "Stands for (codes)"),
    # probation
    "months_by_level": ("Thời gian tập sự theo trình độ", "Probation by level"),
    "DH": ("Đại học", "University"),
    "CD": ("Cao đẳng", "College"),
    "TC": ("Trung cấp", "Vocational secondary"),
    "pay_percent": ("Mức lương trong thời gian tập sự", "Pay during probation"),
    "non_counting_leave_min_days": ("Nghỉ từ bao nhiêu ngày thì không tính vào thời gian tập sự", "Leave from this many days is not counted in probation"),
    "doctor_months": ("Thời gian tập sự chức danh bác sĩ", "Probation of doctors"),
    # rank_promotion
    "targets": ("Điều kiện theo ngạch (hạng) được nâng lên", "Conditions by the rank promoted to"),
    "CS": ("Lên cán sự và tương đương (hạng IV)", "To clerk and equivalent (grade IV)"),
    "CV": ("Lên chuyên viên và tương đương (hạng III)", "To specialist and equivalent (grade III)"),
    "CVC": ("Lên chuyên viên chính và tương đương (hạng II)", "To principal specialist and equivalent (grade II)"),
    "CVCC": ("Lên chuyên viên cao cấp và tương đương (hạng I)", "To senior specialist and equivalent (grade I)"),
    "from": ("Từ ngạch (hạng) mức (mã)", "From the level (code)"),
    "min_years": ("Thời gian giữ ngạch (hạng) hoặc tương đương tối thiểu", "Least time in the rank or an equivalent"),
    "min_months_current": ("Thời gian giữ ngạch (hạng) hiện tại tối thiểu", "Least time in the current rank"),
    "placement": ("Xếp lương khi nâng ngạch, chuyển ngạch", "Salary on promotion or rank change"),
    "round_places": ("Số chữ số thập phân của hệ số chênh lệch bảo lưu", "Decimals of the reserved difference"),
    # recruitment_regime
    "subject_label": ("Tên đối tượng", "Subject's name"),
    "priority_rule": ("Quy định điểm ưu tiên (mã)", "Priority points rule (code)"),
    "methods": ("Hình thức tuyển dụng", "Recruitment method"),
    "thi_tuyen": ("Thi tuyển", "Competitive examination"),
    "xet_tuyen": ("Xét tuyển", "Selection"),
    "round1": ("Vòng 1", "Round 1"),
    "round2": ("Vòng 2", "Round 2"),
    "form": ("Hình thức thi", "Form of the test"),
    "parts": ("Phần thi", "Part of the test"),
    "questions": ("Số câu hỏi", "Questions"),
    "pass_ratio": ("Tỷ lệ câu trả lời đúng để qua vòng", "Share of right answers to pass"),
    "per_part": ("Xét đạt theo từng phần", "Passed part by part"),
    "pass_min": ("Điểm tối thiểu để trúng tuyển", "Lowest score to be recruited"),
    "forms": ("Các hình thức thi", "Forms of the test"),
    "min_ratio": ("Tỷ lệ điểm tối thiểu", "Lowest share of the score"),
    "tie_break": ("Thứ tự xét khi bằng điểm (mã)", "Order on equal scores (codes)"),
    "tie_rule": ("Cách xét khi bằng điểm", "Equal scores"),
    "council_sizes": ("Số thành viên hội đồng", "Members of the council"),
    "application_window_days": ("Thời hạn nhận phiếu đăng ký", "Time to receive applications"),
    "result_notice_working_days": ("Thời hạn thông báo kết quả (ngày làm việc)", "Time to announce the results (working days)"),
    "dossier_days": ("Thời hạn hoàn thiện hồ sơ", "Time to complete the file"),
    "report_to_work_days": ("Thời hạn nhận việc", "Time to report for work"),
    "probation": ("Tập sự", "Probation"),
    "required": ("Phải tập sự", "Probation required"),
    "rule": ("Quy định tập sự (mã)", "Probation rule (code)"),
    # retirement_age
    "M": ("Nam", "Men"),
    "F": ("Nữ", "Women"),
    "base_age": ("Tuổi nghỉ hưu gốc", "Base retirement age"),
    "ramp_start": ("Bắt đầu tăng tuổi từ tháng", "Age rises from the month"),
    "band_birth_months": ("Mỗi nấc gồm người sinh trong", "Each step holds people born within"),
    "months_per_band": ("Mỗi nấc tăng thêm", "Each step adds"),
    "cap": ("Tuổi nghỉ hưu tối đa", "Highest retirement age"),
    "exceptions": ("Nghỉ hưu ở tuổi thấp hơn, cao hơn", "Retirement at a lower or a higher age"),
    "earlier": ("Nghỉ hưu ở tuổi thấp hơn", "Retirement at a lower age"),
    "later": ("Nghỉ hưu ở tuổi cao hơn", "Retirement at a higher age"),
    "max_months": ("Chênh lệch tối đa so với tuổi nghỉ hưu bình thường", "Most months from the ordinary age"),
    "reasons": ("Trường hợp", "Cases"),
    "basis": ("Căn cứ", "Legal basis"),
    # salary_scale
    "classes": ("Bảng hệ số lương", "Salary coefficients"),
    "coefficients": ("Hệ số theo bậc", "Coefficients by step"),
    # training
    "programme_max_weeks": ("Thời gian chương trình bồi dưỡng tối đa", "Longest training programme"),
    "qlnn_cv": ("Quản lý nhà nước ngạch chuyên viên", "State management, specialist"),
    "qlnn_cvc": ("Quản lý nhà nước ngạch chuyên viên chính", "State management, principal specialist"),
    "qlnn_cvcc": ("Quản lý nhà nước ngạch chuyên viên cao cấp", "State management, senior specialist"),
    "lanh_dao_phong": ("Lãnh đạo cấp phòng", "Division leaders"),
    "lanh_dao_so": ("Lãnh đạo cấp sở", "Department leaders"),
    "vtvl": ("Theo vị trí việc làm", "By job position"),
    "periods_per_week": ("Số tiết một tuần", "Periods a week"),
    "postgraduate": ("Đào tạo sau đại học", "Postgraduate training"),
    "min_service_years": ("Thời gian công tác tối thiểu", "Least time in service"),
    "exclude_probation": ("Không tính thời gian tập sự", "Probation not counted"),
    "rating_years": ("Số năm liền kề hoàn thành tốt nhiệm vụ", "Years in a row rated good or better"),
    "max_age_first": ("Tuổi tối đa khi được cử đi lần đầu", "Highest age when first sent"),
    "probation_finished": ("Đã hết thời gian tập sự", "Probation finished"),
    "commitment_multiplier": ("Thời gian cam kết phục vụ (lần thời gian học)", "Service committed (times the study time)"),
    "repayment": ("Đền bù chi phí đào tạo", "Repayment of training costs"),
    "quit_during_percent": ("Bỏ học, thôi việc khi đang học: tỷ lệ đền bù", "Leaving during the training: share repaid"),
    "no_degree_percent": ("Không được cấp bằng: tỷ lệ đền bù", "No degree obtained: share repaid"),
    "round_days": ("Số ngày lẻ từ đó làm tròn lên một tháng", "Remaining days rounded up to a month from"),
    # reorg_benefits (NĐ 178/2024, NĐ 67/2025)
    "pension_min_insured_years": ("Số năm đóng BHXH bắt buộc đủ hưởng lương hưu", "Insured years for a pension"),
    "first_months_after_decision": ("Số tháng đầu kể từ quyết định sắp xếp", "First months after the decision"),
    "later_factor": ("Hệ số khi nghỉ từ tháng tiếp theo", "Factor when leaving later"),
    "lump_sum": ("Trợ cấp hưu trí một lần cho số tháng nghỉ sớm", "Lump sum for the months retired early"),
    "up_to_months": ("Còn đến đủ số tháng", "Up to months left"),
    "per_month": ("Số tháng lương cho mỗi tháng", "Months of salary per month"),
    "band_to_months": ("Mức tiếp theo: còn đến đủ số tháng", "Next band: up to months left"),
    "band_months": ("Mức tiếp theo: số tháng tính", "Next band: months counted"),
    "band_per_month": ("Mức tiếp theo: số tháng lương cho mỗi tháng", "Next band: months of salary per month"),
    "early_years": ("Trợ cấp cho số năm nghỉ sớm", "Allowance per year retired early"),
    "min_months": ("Còn từ đủ số tháng", "From months left"),
    "near_to_months": ("Mức gần: còn đến đủ số tháng", "Near band: up to months left"),
    "near_months_per_year": ("Mức gần: số tháng lương mỗi năm", "Near band: months of salary per year"),
    "far_to_months": ("Mức xa: còn đến đủ số tháng", "Far band: up to months left"),
    "far_months_per_year": ("Mức xa: số tháng lương mỗi năm", "Far band: months of salary per year"),
    "service": ("Trợ cấp theo thời gian công tác có đóng BHXH", "Allowance for insured years of work"),
    "first_years": ("Số năm đầu công tác", "First years of work"),
    "first_months": ("Số tháng lương cho các năm đầu", "Months of salary for the first years"),
    "per_year_after": ("Số tháng lương mỗi năm tiếp theo", "Months of salary per later year"),
    "resignation": ("Thôi việc", "Resignation"),
    "categories": ("Áp dụng cho loại cán bộ (mã)", "Staff categories covered (codes)"),
    "min_months_to_retirement": ("Còn ít nhất số tháng đến tuổi nghỉ hưu", "Least months left to retirement"),
    "per_month_later": ("Số tháng lương mỗi tháng khi nghỉ muộn hơn", "Months of salary per month when later"),
    "months_cap": ("Số tháng tính hưởng tối đa", "Most months counted"),
    "per_insured_year": ("Số tháng lương mỗi năm đóng BHXH", "Months of salary per insured year"),
}
KEY_LABELS: dict[str, str] = {key: vi for key, (vi, _) in LABELS.items() if vi is not None}
KEY_LABELS_EN: dict[str, str] = {key: en for key, (_, en) in LABELS.items()}

_UNITS = (("percent", "%"), ("months", "tháng"), ("years", "năm"), ("weeks", "tuần"), ("working_days", "ngày làm việc"),
          ("days", "ngày"), ("minutes", "phút"), ("amount", "đồng"), ("age", "tuổi"))
_UNIT_OF_KEY = {"term_years": "năm", "pay_percent": "%", "htxs_cap": "%", "max_age_first": "tuổi", "min_age": "tuổi",
                "max_age": "tuổi", "young_below_age": "tuổi", "min_password_length": "ký tự", "base_age": "",
                "cap": "", "max_months": "tháng", "lock_minutes": "phút", "min_service_years": "năm",
                "rating_years": "năm", "commitment_multiplier": "lần", "deputy_directors_average": "người",
                "quit_during_percent": "%", "no_degree_percent": "%", "days_off": "", "working_days": "",
                "weekly_days_off": "", "later_factor": "", "per_month": "tháng lương",
                "band_per_month": "tháng lương", "per_month_later": "tháng lương", "first_months": "tháng lương",
                "per_year_after": "tháng lương", "per_insured_year": "tháng lương",
                "near_months_per_year": "tháng lương", "far_months_per_year": "tháng lương", "first_years": "năm"}
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


UNITS_EN: dict[str, str] = {"%": "%", "tháng": "months", "năm": "years", "tuần": "weeks", "ngày làm việc": "working days",
                            "ngày": "days", "phút": "minutes", "đồng": "dong", "tuổi": "years old", "ký tự": "characters",
                            "lần": "times", "người": "people", "tháng lương": "months of salary", "": ""}
