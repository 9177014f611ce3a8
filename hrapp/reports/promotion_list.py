"""The list for the promotion council (danh sách nâng ngạch, thăng hạng): the staff holding the level below the
target rank on the list's day, those who meet every condition first, then the others with the conditions they do
not meet; PDF and Excel on the agency's letterhead."""

from __future__ import annotations

import os
from datetime import date

from hrapp.context import ServiceContext
from hrapp.domain.promotion import LEVEL_NAMES
from hrapp.domain.salary import fmt_coefficient
from hrapp.queries.promotion import PromotionList, PromotionRow
from hrapp.reports.catalogue import export
from hrapp.reports.document import CancelCallback, Column, ProgressCallback, SectionRow, TableSpec
from hrapp.reports.format import fmt_date, roman
from hrapp.reports.list_form import ListForm

_GRADES = {"CS": "IV", "CV": "III", "CVC": "II", "CVCC": "I"}


def _rating_line(r: PromotionRow) -> str:
    return "; ".join(c.text for c in r.checks if c.code == "rating")


def _note(r: PromotionRow) -> str:
    return r.reasons if not r.eligible else "Đủ điều kiện"


def spec(data: PromotionList) -> TableSpec:
    columns = [
        Column("STT", 9, "center"),
        Column("Họ và tên", 34, wrap=True),
        Column("Ngày sinh", 19, "center"),
        Column("Đơn vị", 34, wrap=True),
        Column("Ngạch, chức danh hiện giữ", 30, wrap=True),
        Column("Bậc", 9, "center"),
        Column("Hệ số", 12, "center"),
        Column("Thời gian giữ ngạch (hạng) hoặc tương đương", 24, "center", wrap=True),
        Column("Kết quả đánh giá", 30, wrap=True),
        Column("Ghi chú (điều kiện chưa đáp ứng)", 56, wrap=True),
    ]
    rows: list = []
    for k, (label, group) in enumerate((("Đủ tiêu chuẩn, điều kiện", data.eligible),
                                        ("Chưa đủ tiêu chuẩn, điều kiện", data.ineligible))):
        rows.append(SectionRow(f"{roman(k)}. {label} ({len(group)} người)"))
        for n, r in enumerate(group, 1):
            rows.append([n, r.full_name, fmt_date(r.birth_date), r.unit_name, f"{r.rank_name} ({r.rank_code})",
                         r.step or "", fmt_coefficient(r.coefficient) if r.coefficient is not None else "",
                         r.held_text, _rating_line(r), _note(r)])
    return TableSpec(columns, rows, font_size=10, header_font_size=9.5)


def title(data: PromotionList) -> str:
    return (f"DANH SÁCH\nCông chức, viên chức đủ và chưa đủ tiêu chuẩn, điều kiện nâng ngạch (thăng hạng) lên "
            f"{data.target_name}")


def subtitles(data: PromotionList) -> list[str]:
    return [f"(Tính đến ngày {fmt_date(data.on)})"]


def _notes(data: PromotionList) -> list[str]:
    return [f"Căn cứ: {data.legal_basis} ({data.rule_name}).",
            f"Thời gian giữ ngạch (hạng) là thời gian giữ ngạch {LEVEL_NAMES.get(data.from_level, '')} hoặc chức danh "
            f"nghề nghiệp hạng {_GRADES.get(data.from_level, '')} và tương đương, không kể thời gian tập sự; kết quả đánh giá là của năm công tác liền kề trước năm lập danh sách."]


FORM = ListForm[PromotionList](title, spec, _notes, lambda _d: "Nâng ngạch", subtitles)
build_promotion_pdf = FORM.pdf
build_promotion_xlsx = FORM.xlsx


def export_promotion_list(ctx: ServiceContext, target: str | os.PathLike[str], data: PromotionList, *,
                          day: date | None = None, progress: ProgressCallback | None = None,
                          cancel: CancelCallback | None = None) -> None:
    """The catalogue's "promotion" document for a list already gathered (the one on screen)."""
    export(ctx, "promotion", {"target_rank": data.target_rank, "as_of": data.on}, target, progress, cancel,
           printed_on=day, data=data)
