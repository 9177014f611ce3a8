"""The pay-step due list (danh sách đến hạn nâng bậc lương) as PDF and Excel, in the layouts of forms.md §4.

Two layouts: 'full' is the list of 4A (Mức lương đang hưởng / Kết quả nâng lương, 20 columns); 'due' is the
simpler due list of 4C (BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN KỲ NÂNG LƯƠNG). Both are A4 landscape, NĐ 30/2020.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO

from hrapp.context import ServiceContext
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    MERGE,
    SUM,
    CancelCallback,
    Column,
    HeaderCell,
    Letterhead,
    ProgressCallback,
    Signature,
    TableSpec,
    build_pdf,
)
from hrapp.reports.excel import build_xlsx
from hrapp.reports.letterhead import due_list_signatures
from hrapp.services.pay_lists import PayList, PayListRow

LAYOUTS = ("full", "due")
ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}

_Target = str | os.PathLike[str] | IO[bytes]


def period_label(start: date, end: date) -> str:
    """'năm 2022', 'quý III năm 2022', '6 tháng đầu năm 2022', 'tháng 7 năm 2022' or 'từ ngày … đến ngày …'."""
    if start.year == end.year and start.day == 1:
        last = (date(end.year + (end.month == 12), end.month % 12 + 1, 1) - date.resolution) == end
        if last:
            if (start.month, end.month) == (1, 12):
                return f"năm {start.year}"
            if (start.month, end.month) == (1, 6):
                return f"6 tháng đầu năm {start.year}"
            if (start.month, end.month) == (7, 12):
                return f"6 tháng cuối năm {start.year}"
            if start.month % 3 == 1 and end.month == start.month + 2:
                return f"quý {ROMAN_QUARTERS[(start.month + 2) // 3]} năm {start.year}"
            if start.month == end.month:
                return f"tháng {start.month} năm {start.year}"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def _months(n: int) -> str:
    return f"{n} tháng"


# ============================================================================================== 4A


def full_spec(pay_list: PayList) -> TableSpec:
    """Form 4A: 2 header rows, 20 columns, and a totals row of the extra pay."""
    columns = [
        Column("STT", 7, "center"),
        Column("Đơn vị", 15, wrap=True),
        Column("Họ và Tên", 23, wrap=True),
        Column("Năm sinh", 9, "center"),
        Column("Trình độ đào tạo", 14, wrap=True),
        Column("Tên ngạch", 15, wrap=True),
        Column("Mã ngạch", 16, "center"),
        Column("Bậc", 7, "center"),
        Column("Hệ số lương cơ bản", 10, "right", places=2),
        Column("Hệ số c. lệch bảo lưu (nếu có)", 9, "right", places=2),
        Column("Ngày tháng năm nâng lương lần sau", 17, "center"),
        Column("Tên ngạch", 15, wrap=True),
        Column("Mã ngạch", 16, "center"),
        Column("Bậc", 7, "center"),
        Column("Hệ số lương cơ bản", 10, "right", places=2),
        Column("Hệ số c. lệch bảo lưu (nếu có)", 9, "right", places=2),
        Column("Ngày tháng năm hưởng và tính nâng lương lần sau", 17, "center"),
        Column("Chênh lệch về hệ số lương do nâng bậc", 11, "right", places=2),
        Column("Số tháng được hưởng bậc lương mới", 9, "center"),
        Column("Tổng tiền lương tăng thêm do nâng bậc", 16, "right", places=0, thousands=True),
    ]
    header: list[Sequence[HeaderCell | str]] = [
        [HeaderCell("STT", rowspan=2), HeaderCell("Đơn vị", rowspan=2), HeaderCell("Họ và Tên", rowspan=2),
         HeaderCell("Năm sinh", rowspan=2), HeaderCell("Trình độ đào tạo", rowspan=2),
         HeaderCell(f"Mức lương đang hưởng {period_label(pay_list.start, pay_list.end)}", colspan=6),
         HeaderCell("Kết quả nâng lương", colspan=9)],
        [c.title for c in columns[5:]],
    ]
    rows = [
        [n, r.unit_name, r.full_name, r.birth_year, r.education, r.rank_name, r.rank_code, r.step, r.coefficient,
         None, r.step_since, r.rank_name, r.rank_code, r.new_step, r.new_coefficient, None, r.new_date,
         r.coefficient_increase, r.months_in_period, r.pay_increase]
        for n, r in enumerate(pay_list.rows, 1)
    ]
    totals = ["Tổng cộng"] + [MERGE] * 4 + [None] * 14 + [SUM]
    return TableSpec(columns, rows, header=header, totals=totals if rows else None, font_size=8.5,
                     header_font_size=8)


# ============================================================================================== 4C


def due_spec(pay_list: PayList) -> TableSpec:
    """Form 4C (due list): Quyết định gần nhất, thời gian hưởng, ngạch, bậc, hệ số, phụ cấp, thời hạn."""
    columns = due_columns() + [Column("Thời hạn nâng lương", 19, "center")]
    header = due_header(columns, ["Thời hạn nâng lương"])
    rows = [due_values(n, r, pay_list.end) + [r.new_date] for n, r in enumerate(pay_list.rows, 1)]
    return TableSpec(columns, rows, header=header, font_size=9, header_font_size=8.5)


def due_columns(compact: bool = False) -> list[Column]:
    """The common columns of the 4C lists; `compact` leaves room for the three extra vượt khung columns."""
    w = (7, 13, 26, 20, 16, 17, 17, 13, 16, 17, 11, 11, 12, 11) if compact else \
        (8, 16, 30, 28, 20, 17, 17, 14, 20, 17, 10, 11, 13, 12)
    titles = ("Stt", "Số hiệu CBCC", "Họ và tên", "Đơn vị đang công tác", "Chức vụ", "Ngày ký", "Ngày hưởng",
              "Thời gian hưởng", "Tên ngạch", "Mã số ngạch", "Bậc ngạch", "Hệ số", "Phụ cấp chức vụ", "Phụ cấp khác")
    kinds: tuple[dict, ...] = ({"align": "center"}, {"align": "center"}, {"wrap": True}, {"wrap": True},
                               {"wrap": True}, {"align": "center"}, {"align": "center"}, {"align": "center"},
                               {"wrap": True}, {"align": "center"}, {"align": "center"},
                               {"align": "right", "places": 2}, {"align": "right", "places": 2},
                               {"align": "right", "places": 2})
    return [Column(t, width, **k) for t, width, k in zip(titles, w, kinds, strict=True)]


def due_header(columns: Sequence[Column], tail: Sequence[str]) -> list[list[HeaderCell | str]]:
    first: list[HeaderCell | str] = [HeaderCell(c.title, rowspan=2) for c in columns[:5]]
    first.append(HeaderCell("Quyết định gần nhất", colspan=2))
    first += [HeaderCell(c.title, rowspan=2) for c in columns[7:14]]
    first += [HeaderCell(t, rowspan=2) for t in tail]
    return [first, ["Ngày ký", "Ngày hưởng"]]


def due_values(n: int, r: PayListRow, as_of: date) -> list[object]:
    since = r.pctnvk_since if r.pctnvk_since and r.pctnvk_percent else r.step_since
    held = _months(max((as_of.year - since.year) * 12 + as_of.month - since.month - (as_of.day < since.day), 0))
    return [n, r.staff_code, r.full_name, r.unit_name, r.post, r.decision_sign_date, r.effective_date, held,
            r.rank_name, r.rank_code, r.step, r.coefficient, r.post_allowance, r.other_allowance]


# ============================================================================================== output


def title(pay_list: PayList, layout: str) -> str:
    if layout == "due":
        return "BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN KỲ NÂNG LƯƠNG"
    if pay_list.kind == "early_step":
        return ("DANH SÁCH\nCán bộ, công chức, viên chức được nâng bậc lương trước thời hạn "
                f"{period_label(pay_list.start, pay_list.end)}")
    return ("DANH SÁCH\nCán bộ, công chức, viên chức đến hạn nâng bậc lương thường xuyên "
            f"{period_label(pay_list.start, pay_list.end)}")


def _subtitles(pay_list: PayList, layout: str) -> list[str]:
    if layout == "due":
        return [f"Tính đến ngày {pay_list.end:%d/%m/%Y}"]
    return base_salary_line(pay_list)


def base_salary_line(pay_list: PayList) -> list[str]:
    """'(Lương cơ sở: 1.490.000 đồng/tháng, Nghị định 38/2019/NĐ-CP)' — the base of the extra-pay column."""
    rule = pay_list.base_salary_rule
    if rule is None:
        return []
    amount = f"{int(rule.params['amount']):,}".replace(",", ".")
    return [f"(Lương cơ sở: {amount} đồng/tháng, {rule.legal_basis})"]


def _outro(pay_list: PayList) -> list[str]:
    if not pay_list.rows and pay_list.kind == "early_step":
        return ["Không có cán bộ, công chức, viên chức được đề nghị nâng bậc lương trước thời hạn."]
    if not pay_list.rows:
        return ["Không có cán bộ, công chức, viên chức đến hạn nâng bậc lương trong kỳ."]
    # No closing line under a non-empty table: the table keeps its last rows with the signatures only when
    # nothing stands between them.
    return []


@dataclass(frozen=True)
class PayListForm:
    """One pay list's form in its two layouts: the title, the table, the lines above and below it, and the Excel
    sheet's name. `pdf` and `xlsx` write a list in it."""

    title: Callable[[PayList, str], str]
    full_spec: Callable[[PayList], TableSpec]
    due_spec: Callable[[PayList], TableSpec]
    subtitles: Callable[[PayList, str], list[str]]
    outro: Callable[[PayList], list[str]]
    sheet: str

    def pdf(self, target: _Target, letterhead: Letterhead, pay_list: PayList, layout: str = "full", *,
            day: date | None = None, signatures: Sequence[Signature] | None = None,
            progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
        """Write the list as an A4 landscape PDF; returns the page count."""
        pages = self._write(target, letterhead, pay_list, layout, None, day, signatures, progress, cancel)
        assert pages is not None
        return pages

    def xlsx(self, target: _Target, letterhead: Letterhead, pay_list: PayList, layout: str = "full", *,
             day: date | None = None, signatures: Sequence[Signature] | None = None,
             progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> None:
        """The Excel twin of the PDF (real dates and numbers, SUM of the extra pay)."""
        self._write(target, letterhead, pay_list, layout, self.sheet, day, signatures, progress, cancel)

    def _write(self, target: _Target, letterhead: Letterhead, pay_list: PayList, layout: str, sheet: str | None,
               day: date | None, signatures: Sequence[Signature] | None, progress: ProgressCallback | None,
               cancel: CancelCallback | None) -> int | None:
        """The "due" layout is signed by the list's own signers unless `signatures` says otherwise; with `sheet`
        the Excel twin, else the PDF (returns its page count)."""
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}")
        spec = self.due_spec(pay_list) if layout == "due" else self.full_spec(pay_list)
        title = self.title(pay_list, layout)
        subtitles = self.subtitles(pay_list, layout)
        outro = self.outro(pay_list)
        sigs = signatures if signatures is not None else (due_list_signatures(letterhead) if layout == "due" else None)
        if sheet is None:
            return build_pdf(target, letterhead, title, spec, subtitles=subtitles, day=day, outro=outro,
                             signatures=sigs, landscape=True, progress=progress, cancel=cancel)
        build_xlsx(target, letterhead, title, spec, subtitles=subtitles, day=day, outro=outro, signatures=sigs,
                   landscape=True, sheet_title=sheet, progress=progress, cancel=cancel)
        return None


FORM = PayListForm(title, full_spec, due_spec, _subtitles, _outro, "Nâng bậc lương")
build_pay_step_pdf = FORM.pdf
build_pay_step_xlsx = FORM.xlsx


def export_pay_list(ctx: ServiceContext, target: str | os.PathLike[str], pay_list: PayList, layout: str = "full", *,
                    day: date | None = None, progress: ProgressCallback | None = None,
                    cancel: CancelCallback | None = None) -> None:
    """The catalogue's "pay_step" document for a list already gathered (the one on screen)."""
    export(ctx, "pay_step", {"layout": layout}, target, progress, cancel, printed_on=day, data=pay_list)
