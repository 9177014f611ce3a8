"""The lists of a merger decision, as PDF and Excel on the agency's letterhead: the people moved into the receiving
unit, the categories above its quota with their people, and the benefits each person would receive on early
retirement or resignation (NĐ 178/2024/NĐ-CP as amended by NĐ 67/2025/NĐ-CP), with the basis of each amount."""

from __future__ import annotations

from decimal import Decimal

from hrapp.reports.document import Column, SectionRow, TableSpec
from hrapp.reports.format import fmt_date, roman
from hrapp.reports.list_form import ListForm
from hrapp.services.reorganisation import BenefitsList, ReorganisationList


def _sex(gender: str) -> str:
    return "Nam" if gender == "M" else "Nữ"


def moved_spec(data: ReorganisationList) -> TableSpec:
    """Part I the people moved; part II each category above the quota, with everyone of that category."""
    columns = [
        Column("STT", 10, "center"),
        Column("Họ và tên", 44, wrap=True),
        Column("Ngày sinh", 22, "center"),
        Column("Giới tính", 14, "center"),
        Column("Đơn vị trước sáp nhập", 58, wrap=True),
        Column("Loại cán bộ", 30, wrap=True),
        Column("Vị trí việc làm", 56, wrap=True),
    ]
    if data.decision_id is None:
        return TableSpec(columns, [SectionRow("Chưa có quyết định sáp nhập, hợp nhất nào.")], font_size=10,
                         header_font_size=9.5)
    rows: list = [SectionRow(f"I. Những người chuyển về {data.target_name} từ ngày {fmt_date(data.effective)} "
                             f"({len(data.people)} người)")]
    for n, p in enumerate(data.people, 1):
        rows.append([n, p.full_name, fmt_date(p.birth_date), _sex(p.gender), p.from_unit, p.category_label,
                     p.position])
    over = data.over_quota
    rows.append(SectionRow(f"II. Số người vượt biên chế được giao năm {data.quota_year} theo loại"
                           + ("" if over else ": không có")))
    for k, q in enumerate(over, 1):
        rows.append(SectionRow(f"{k}. {q.label}: biên chế giao {q.quota}, hiện có {q.staff}, vượt {q.over}"))
        for n, p in enumerate(q.people, 1):
            rows.append([n, p.full_name, fmt_date(p.birth_date), _sex(p.gender), p.from_unit, p.category_label,
                         p.position])
    return TableSpec(columns, rows, font_size=10, header_font_size=9.5)


def moved_title(data: ReorganisationList) -> str:
    return f"DANH SÁCH\nCán bộ, công chức, viên chức chuyển về {data.target_name or 'đơn vị'} do sáp nhập"


def _moved_intro(data: ReorganisationList) -> list[str]:
    if data.decision_id is None:
        return []
    quotas = "; ".join(f"{q.label}: giao {q.quota if q.quota is not None else 'chưa giao'}, có {q.staff}"
                       for q in data.quotas)
    return [f"Căn cứ Quyết định số {data.decision_number} ngày {fmt_date(data.decision_date)} sáp nhập "
            f"{', '.join(data.sources)} vào {data.target_name}, có hiệu lực từ ngày {fmt_date(data.effective)}.",
            f"Biên chế năm {data.quota_year} của {data.target_name} sau sáp nhập: {quotas or 'chưa giao'}."]


MOVED = ListForm[ReorganisationList](moved_title, moved_spec, _moved_intro, lambda _d: "Sáp nhập")
build_moved_pdf = MOVED.pdf
build_moved_xlsx = MOVED.xlsx


def _money(value: object) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _months(value: Decimal) -> str:
    """54 and 8,5 (months of salary), not 54,0 nor 5.4E+1."""
    return format(value.normalize(), "f").replace(".", ",")


def benefits_spec(data: BenefitsList) -> TableSpec:
    """One section per person: the facts, then each amount of each way of leaving with its basis."""
    columns = [
        Column("STT", 10, "center"),
        Column("Khoản", 62, wrap=True),
        Column("Số tháng lương", 22, "right"),
        Column("Số tiền (đồng)", 32, "right"),
        Column("Căn cứ, cách tính", 108, wrap=True),
    ]
    rows: list = []
    for k, r in enumerate(data.rows):
        salary = f"lương tháng hiện hưởng {_money(r.salary)} đ" if not r.problem else "chưa tính được lương"
        rows.append(SectionRow(
            f"{roman(k)}. {r.full_name}, sinh {fmt_date(r.birth_date)}, {_sex(r.gender)}; {salary}; đóng BHXH "
            f"{r.insured_months // 12} năm {r.insured_months % 12} tháng; nghỉ hưu đúng tuổi từ "
            f"{fmt_date(r.retirement_date)}"))
        if r.problem:
            rows.append(["", "Không tính được", "", "", r.problem])
            continue
        rows.append(["", "Lương tháng hiện hưởng", "", _money(r.salary),
                     f"NĐ 178/2024/NĐ-CP Đ.5 k.6 (sửa bởi k.3 Đ.1 NĐ 67/2025/NĐ-CP): {r.salary_basis}"])
        for title, b in (("A. Nghỉ hưu trước tuổi", r.early), ("B. Thôi việc", r.resign)):
            if b is None:
                continue
            head = f"{title}: {'được hưởng' if b.eligible else 'không thuộc diện'} ({b.reason})"
            rows.append(["", head, _months(b.total_months) if b.eligible else "",
                         _money(b.total) if b.eligible else "", f"Phiên bản áp dụng: {b.rule.name}"])
            for n, line in enumerate(b.lines, 1):
                rows.append([n, line.label, _months(line.months), _money(line.amount), line.basis])
    return TableSpec(columns, rows, font_size=9.5, header_font_size=9.5)


def benefits_title(data: BenefitsList) -> str:
    unit = f"\n({data.unit_name})" if data.unit_name else ""
    return f"DANH SÁCH\nChính sách nghỉ hưu trước tuổi, thôi việc do sắp xếp tổ chức bộ máy{unit}"


def _benefits_intro(data: BenefitsList) -> list[str]:
    if data.decision_number is None:
        return ["Chưa có quyết định sáp nhập, hợp nhất nào."]
    return [f"Căn cứ Quyết định số {data.decision_number} ngày {fmt_date(data.decision_date)}; tính cho ngày nghỉ "
            f"việc {fmt_date(data.leave_date)}"
            + (f"; áp dụng {'; '.join(data.rule_labels)}." if data.rule_labels else "."),
            "Thời gian đóng BHXH tính theo quá trình công tác trong hồ sơ (chưa đối chiếu sổ BHXH); năm tính tròn, "
            "tháng lẻ không tính vì chưa có văn bản về cách làm tròn (NĐ 178 Đ.5 k.1-3); chưa tính hỗ trợ tìm việc "
            "làm và chính sách thôi việc của viên chức (Đ.10)."]


BENEFITS = ListForm[BenefitsList](benefits_title, benefits_spec, _benefits_intro, lambda _d: "Chính sách")
build_benefits_pdf = BENEFITS.pdf
build_benefits_xlsx = BENEFITS.xlsx
