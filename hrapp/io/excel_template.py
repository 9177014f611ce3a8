"""The Excel import template: sheets and columns (shared by the importer and the exporter), the guide sheet
that explains every column and its codes, and the code lists with drop-downs."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from hrapp import catalogs
from hrapp.catalogs import SALARY_REASONS, STUDY_MODES
from hrapp.context import ServiceContext
from hrapp.db.models import OrgUnit
from hrapp.io.cells import SafeWorkbook, new_workbook
from hrapp.reports.document import write_atomically
from hrapp.security import READ, require
from hrapp.text import fold

TEXT, DATE, BIRTH, INT, DECIMAL, CODE, BOOL, CCCD = "text", "date", "birth", "int", "decimal", "code", "bool", "cccd"

_FORMAT_HELP = {
    TEXT: "Chữ",
    DATE: "Ngày dd/mm/yyyy (kiểu ngày của Excel hoặc chữ)",
    BIRTH: "dd/mm/yyyy; chỉ biết tháng: mm/yyyy; chỉ biết năm: yyyy",
    INT: "Số nguyên",
    DECIMAL: "Số thập phân, dấu phẩy hoặc dấu chấm (2,67)",
    CODE: "Mã trong danh mục",
    BOOL: "x (hoặc Có) nếu đúng; để trống nếu không",
    CCCD: "12 chữ số; định dạng ô là Văn bản để giữ số 0 ở đầu",
}


@dataclass(frozen=True)
class Col:
    """One column of an import sheet: header title, value kind, whether required, guide text, code list."""

    key: str
    title: str
    kind: str = TEXT
    required: bool = False
    width: float = 16
    help: str = ""
    codes: str | None = None  # a key of code_lists()
    example: str = ""

    @property
    def header(self) -> str:
        return f"{self.title} (*)" if self.required else self.title


@dataclass(frozen=True)
class SheetSpec:
    name: str
    purpose: str
    columns: tuple[Col, ...]

    def column(self, key: str) -> Col:
        return next(c for c in self.columns if c.key == key)


_CCCD = Col("id_number", "Số CCCD", CCCD, True, 15, "Số căn cước công dân; dùng để nhận ra người đã có trong dữ liệu "
            "(nhập lại không tạo bản ghi trùng).", example="052185001234")

PERSONS = SheetSpec("Nhân sự", "Mỗi dòng một người: lý lịch và tình trạng hiện tại (đơn vị, loại, ngạch, bậc lương, "
                    "chức vụ). Người đã có (trùng số CCCD) được cập nhật; ô để trống giữ nguyên dữ liệu cũ.", (
    _CCCD,
    Col("full_name", "Họ và tên", TEXT, True, 24, "Họ và tên khai sinh.", example="Trần Thị Thu Hà"),
    Col("gender", "Giới tính", CODE, True, 9, "Nam hoặc Nữ.", "gender", "Nữ"),
    Col("birth_date", "Ngày sinh", BIRTH, True, 12, "Ngày sinh; nếu chỉ biết tháng hoặc năm thì ghi mm/yyyy "
        "hoặc yyyy.", example="05/03/1985"),
    Col("other_names", "Tên gọi khác", TEXT, False, 14),
    Col("birth_place", "Nơi sinh", TEXT, False, 24, "Xã, tỉnh theo tên từ 01/07/2025, hoặc xã, huyện, tỉnh theo "
        "tên cũ (được đối chiếu sang đơn vị mới); ở nước ngoài thì ghi tự do.", example="Phường Quy Nhơn, Gia Lai"),
    Col("home_town", "Quê quán", TEXT, False, 24, "Như nơi sinh: tên mới hoặc tên cũ."),
    Col("ethnicity", "Dân tộc", CODE, False, 10, "Tên hoặc mã dân tộc (Kinh hoặc 01).", "ethnicity", "Kinh"),
    Col("religion", "Tôn giáo", CODE, False, 10, "Tên hoặc mã tôn giáo (Không, Phật giáo …).", "religion",
        "Không"),
    Col("family_background", "Thành phần gia đình xuất thân", TEXT, False, 16, "Mục 11 của Sơ yếu lý lịch mẫu "
        "TT 06/2023/TT-BNV.", example="Công chức"),
    Col("id_issue_date", "Ngày cấp CCCD", DATE, False, 12),
    Col("id_issue_place", "Nơi cấp CCCD", TEXT, False, 20),
    Col("permanent_address", "Thường trú", TEXT, False, 28),
    Col("current_address", "Nơi ở hiện nay", TEXT, False, 28),
    Col("phone", "Điện thoại", TEXT, False, 13),
    Col("email", "Thư điện tử", TEXT, False, 22),
    Col("staff_code", "Số hiệu CBCC", TEXT, False, 12),
    Col("personal_id", "Mã số định danh", CCCD, False, 15, "Số định danh cá nhân (12 chữ số), là số in trên thẻ "
        "căn cước: phải trùng số CCCD; khóa của hồ sơ trong CSDL quốc gia về CBCCVC.", example="052185001234"),
    Col("managing_agency", "Cơ quan quản lý CBCCVC", TEXT, False, 24, "Để trống: Sở (đơn vị gốc của người này)."),
    Col("social_insurance_no", "Số sổ BHXH", TEXT, False, 12, "Mã số BHXH 10 chữ số (từ 01/08/2025 có thể là mã số "
        "định danh).", example="5210012345"),
    Col("health_insurance_no", "Số thẻ BHYT", TEXT, False, 17, "Mã thẻ 15 ký tự (2 chữ cái, mức hưởng, mã tỉnh, "
        "mã số BHXH), hoặc mã số BHXH 10 chữ số.", example="GD4525210012345"),
    Col("general_education", "Giáo dục phổ thông", TEXT, False, 10, example="12/12"),
    Col("occupation_at_recruitment", "Nghề nghiệp khi tuyển dụng", TEXT, False, 18),
    Col("longest_work", "Công việc làm lâu nhất", TEXT, False, 20),
    Col("party_join_date", "Ngày vào Đảng", DATE, False, 12),
    Col("party_official_date", "Ngày chính thức", DATE, False, 12),
    Col("party_post", "Chức vụ Đảng hiện tại", TEXT, False, 18),
    Col("party_concurrent_post", "Chức vụ Đảng kiêm nhiệm", TEXT, False, 18),
    Col("army_join_date", "Ngày nhập ngũ", DATE, False, 12),
    Col("army_leave_date", "Ngày xuất ngũ", DATE, False, 12),
    Col("army_rank", "Quân hàm cao nhất", TEXT, False, 12),
    Col("war_invalid_grade", "Thương binh hạng", TEXT, False, 10),
    Col("policy_family", "Gia đình chính sách", TEXT, False, 16),
    Col("health", "Sức khỏe", TEXT, False, 10),
    Col("height_cm", "Chiều cao (cm)", INT, False, 9),
    Col("weight_kg", "Cân nặng (kg)", INT, False, 9),
    Col("blood_type", "Nhóm máu", TEXT, False, 8),
    Col("unit_code", "Mã đơn vị", CODE, True, 12, "Mã đơn vị đang công tác (xem trang Danh mục).", "unit", "VP"),
    Col("category", "Loại cán bộ", CODE, True, 14, "Mã loại: công chức, viên chức, hợp đồng …", "category",
        "cong_chuc"),
    Col("start_date", "Ngày vào cơ quan", DATE, True, 12, "Ngày bắt đầu làm việc ở đơn vị này."),
    Col("recruitment_date", "Ngày tuyển dụng", DATE, False, 12, "Bắt buộc với công chức, viên chức; người "
        "được tuyển dụng phải đủ 18 tuổi."),
    Col("recruitment_agency", "Cơ quan tuyển dụng", TEXT, False, 20),
    Col("rank_code", "Mã ngạch/CDNN", CODE, False, 12, "Bắt buộc với công chức, viên chức.", "rank", "01.003"),
    Col("salary_step", "Bậc lương", INT, False, 8, "Bậc trong ngạch."),
    Col("coefficient", "Hệ số lương", DECIMAL, False, 9, "Phải đúng hệ số của bậc trong bảng lương "
        "(NĐ 204/2004).", example="3,00"),
    Col("salary_date", "Ngày hưởng lương", DATE, False, 12, "Ngày hưởng bậc hiện tại (mặc định: ngày vào cơ "
        "quan)."),
    Col("post_code", "Mã chức vụ", CODE, False, 16, "Chức vụ lãnh đạo đang giữ (nếu có).", "post"),
    Col("post_date", "Ngày bổ nhiệm chức vụ", DATE, False, 12, "Bắt buộc khi có mã chức vụ."),
))

QUALIFICATIONS = SheetSpec("Trình độ", "Mỗi dòng một văn bằng, chứng chỉ hoặc khóa đang học của một người "
                           "(nhận ra theo số CCCD).", (
    _CCCD,
    Col("kind", "Loại trình độ", CODE, True, 12, "chuyen_mon, llct, qlnn, tin_hoc, ngoai_ngu, hoc_ham, qpan.",
        "qualification_kind", "chuyen_mon"),
    Col("level_code", "Mã trình độ", CODE, True, 11, "Mã cố định theo loại (TS, ThS, DH …; cao_cap, trung_cap …; "
        "CVCC, CVC, CV …).", "qualification_level", "ThS"),
    Col("major", "Chuyên ngành", TEXT, False, 24),
    Col("language", "Ngoại ngữ", TEXT, False, 12, "Tên ngoại ngữ (bắt buộc với loại ngoai_ngu).",
        example="Tiếng Anh"),
    Col("institution", "Cơ sở đào tạo", TEXT, False, 24),
    Col("mode", "Hình thức", CODE, False, 12, "chinh_quy, tai_chuc, tu_xa, boi_duong, vua_lam_vua_hoc.",
        "study_mode"),
    Col("start_date", "Từ ngày", DATE, False, 12),
    Col("end_date", "Đến ngày", DATE, False, 12),
    Col("year", "Năm tốt nghiệp", INT, False, 9, "Không sớm hơn năm sinh + 15."),
    Col("certificate_no", "Số văn bằng", TEXT, False, 12),
    Col("certificate_date", "Ngày cấp", DATE, False, 12),
    Col("expiry_date", "Ngày hết hạn", DATE, False, 12, "Với chứng chỉ có thời hạn."),
    Col("in_progress", "Đang học", BOOL, False, 8, "x nếu đang học (nghiên cứu sinh: loại chuyen_mon, mã TS)."),
))

SALARY = SheetSpec("Quá trình lương", "Diễn biến lương trước đây (mỗi dòng một lần hưởng bậc mới).", (
    _CCCD,
    Col("rank_code", "Mã ngạch/CDNN", CODE, True, 12, codes="rank"),
    Col("salary_step", "Bậc lương", INT, True, 8),
    Col("coefficient", "Hệ số lương", DECIMAL, True, 9, "Phải đúng hệ số của bậc trong bảng lương."),
    Col("salary_date", "Ngày hưởng", DATE, True, 12),
    Col("percent", "Tỷ lệ hưởng (%)", INT, False, 9, "100, hoặc 85 khi tập sự."),
    Col("reason", "Lý do", CODE, False, 14, "thuong_xuyen, truoc_thoi_han, keo_dai, tuyen_dung, chuyen_ngach, "
        "nang_ngach.", "salary_reason"),
    Col("decision_number", "Số quyết định", TEXT, False, 16, example="76/QĐ-SKHCN"),
    Col("decision_date", "Ngày ký quyết định", DATE, False, 12, "Bắt buộc khi có số quyết định."),
))

WORK = SheetSpec("Quá trình công tác", "Tóm tắt quá trình công tác (mục 28 của Sơ yếu lý lịch).", (
    _CCCD,
    Col("from_date", "Từ ngày", DATE, True, 12),
    Col("to_date", "Đến ngày", DATE, False, 12, "Để trống nếu đến nay."),
    Col("description", "Chức danh, chức vụ, đơn vị công tác", TEXT, True, 50),
))

FAMILY = SheetSpec("Gia đình", "Quan hệ gia đình (mục 30 của Sơ yếu lý lịch).", (
    _CCCD,
    Col("side", "Về bên", CODE, False, 10, "ban_than (mặc định) hoặc ben_vo_chong.", "family_side"),
    Col("relation", "Mối quan hệ", TEXT, True, 12, example="Mẹ"),
    Col("full_name", "Họ và tên", TEXT, True, 22),
    Col("birth_year", "Năm sinh", INT, False, 8),
    Col("details", "Quê quán, nghề nghiệp, nơi ở …", TEXT, False, 50),
))

SHEETS: tuple[SheetSpec, ...] = (PERSONS, QUALIFICATIONS, SALARY, WORK, FAMILY)

# Starting from an empty database: the organisation and its quotas, imported before the people (same transaction).
UNITS = SheetSpec("Đơn vị", "Mỗi dòng một đơn vị của cơ cấu tổ chức (nhập trước nhân sự, cùng một lần: cột “Mã đơn "
                  "vị” của trang Nhân sự có thể dùng mã mới ở đây). Đơn vị đã có (trùng mã, cùng tên) được giữ nguyên.", (
    Col("code", "Mã đơn vị", TEXT, True, 12, "Mã ngắn, duy nhất: chữ, số và các dấu . - / _.", example="VP"),
    Col("name", "Tên đơn vị", TEXT, True, 36, "Tên đầy đủ.", example="Văn phòng Sở"),
    Col("kind", "Loại đơn vị", CODE, True, 16, "Sở, Văn phòng, Phòng chuyên môn, Chi cục, Trung tâm …",
        "unit_kind", "van_phong"),
    Col("parent_code", "Mã đơn vị cấp trên", TEXT, False, 14, "Mã của đơn vị cấp trên (một dòng của trang này hoặc "
        "đơn vị đã có); để trống với đơn vị gốc (cơ quan).", example="SNV"),
    Col("short_name", "Tên viết tắt", TEXT, False, 12),
    Col("active_from", "Ngày thành lập", DATE, False, 12, "Ngày đơn vị bắt đầu hoạt động (mặc định: ngày của quyết "
        "định, nếu có)."),
    Col("decision_number", "Số quyết định thành lập", TEXT, False, 16, "Nếu ghi thì ghi cả ngày ký.",
        example="12/QĐ-UBND"),
    Col("decision_date", "Ngày ký quyết định", DATE, False, 12),
    Col("sort_order", "Thứ tự", INT, False, 7, "Thứ tự hiển thị và in (mặc định: thứ tự dòng)."),
))

QUOTAS = SheetSpec("Biên chế", "Biên chế, số lượng người làm việc được giao: mỗi dòng một số theo năm, đơn vị và loại, "
                   "kèm quyết định giao. Số đã có của cùng năm, đơn vị, loại được thay bằng số mới.", (
    Col("year", "Năm", INT, True, 7, example="2025"),
    Col("unit_code", "Mã đơn vị", TEXT, True, 12, "Mã đơn vị (trang Đơn vị hoặc đơn vị đã có).", example="VP"),
    Col("category", "Loại biên chế", CODE, True, 16, "công chức, viên chức, hợp đồng …", "category", "cong_chuc"),
    Col("number", "Số được giao", INT, True, 9, example="12"),
    Col("decision_number", "Số quyết định giao", TEXT, True, 16, example="45/QĐ-UBND"),
    Col("decision_date", "Ngày ký quyết định", DATE, True, 12),
    Col("note", "Ghi chú", TEXT, False, 24),
))
ORG_SHEETS: tuple[SheetSpec, ...] = (UNITS, QUOTAS)
GUIDE_SHEET = "Hướng dẫn"
CODES_SHEET = "Danh mục"
GENDER_CODES = {"M": "Nam", "F": "Nữ"}
FAMILY_SIDE_CODES = {"ban_than": "Về bản thân", "ben_vo_chong": "Về bên vợ (hoặc chồng)"}


def header_key(text: object) -> str:
    """Headers match whatever their case, accents, spacing or '(*)' mark: 'Số CCCD (*)' -> 'so cccd'."""
    return fold(str(text or "").replace("(*)", "").replace("*", "")).strip()


def code_lists(units: Sequence[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """Every code list a column may refer to: (code, label) pairs."""
    ranks = catalogs.ranks()
    return {
        "unit": list(units),
        "gender": list(GENDER_CODES.items()),
        "category": [(it["code"], it["name"]) for it in catalogs.items("category")],
        "rank": [(code, f"{r['name']} ({r['salary_class']})") for code, r in ranks.items()],
        "post": [(it["code"], it["name"]) for it in catalogs.items("post")],
        "ethnicity": [(it["code"], it["name"]) for it in catalogs.items("ethnicity")],
        "religion": [(it["code"], it["name"]) for it in catalogs.items("religion")],
        "qualification_kind": [(it["code"], it["name"]) for it in catalogs.items("qualification_kind")],
        "qualification_level": [
            (it["code"], f"{it['name']} ({catalogs.label('qualification_kind', it['extra']['kind'])})")
            for it in catalogs.items("qualification_level")
        ],
        "study_mode": list(STUDY_MODES.items()),
        "salary_reason": list(SALARY_REASONS.items()),
        "family_side": list(FAMILY_SIDE_CODES.items()),
        "unit_kind": [(it["code"], it["name"]) for it in catalogs.items("unit_kind")],
    }


_CODE_TITLES = {
    "unit": "Đơn vị", "gender": "Giới tính", "category": "Loại cán bộ", "rank": "Ngạch/CDNN",
    "post": "Chức vụ", "ethnicity": "Dân tộc", "religion": "Tôn giáo", "qualification_kind": "Loại trình độ",
    "qualification_level": "Mã trình độ", "study_mode": "Hình thức đào tạo", "salary_reason": "Lý do nâng lương",
    "family_side": "Về bên", "unit_kind": "Loại đơn vị",
}
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQ_FILL = PatternFill("solid", fgColor="FCE4D6")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def unit_codes(ctx: ServiceContext) -> list[tuple[str, str]]:
    require(ctx, READ)
    with ctx.read() as s:
        return [(c, n) for c, n in s.execute(select(OrgUnit.code, OrgUnit.name)
                                             .where(OrgUnit.active_to.is_(None))
                                             .order_by(OrgUnit.sort_order, OrgUnit.code))]


def data_sheet(wb: SafeWorkbook, spec: SheetSpec) -> Worksheet:
    """A sheet with the header row styled (required columns shaded), frozen and filterable."""
    ws = wb.create_sheet(spec.name)
    for i, col in enumerate(spec.columns, start=1):
        cell = ws.cell(1, i, col.header)
        cell.font = _BOLD
        cell.fill = _REQ_FILL if col.required else _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        if col.kind in (CCCD, TEXT):
            ws.column_dimensions[letter].number_format = "@"
        elif col.kind == DATE:
            ws.column_dimensions[letter].number_format = "dd/mm/yyyy"
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "B2"
    return ws


def write_template(ctx: ServiceContext, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """The empty template: the data sheets, the guide, the code lists (drop-downs point to them)."""
    require(ctx, READ)
    wb = new_workbook()
    wb.remove(wb.active)
    lists = code_lists(unit_codes(ctx))
    code_ranges = _code_ranges(lists)
    for spec in (*SHEETS, *ORG_SHEETS):
        ws = data_sheet(wb, spec)
        for i, col in enumerate(spec.columns, start=1):
            letter = get_column_letter(i)
            if col.key == "gender":
                formula = '"' + ",".join(GENDER_CODES.values()) + '"'
            elif col.codes in code_ranges and col.codes not in ("ethnicity", "religion"):
                formula = code_ranges[col.codes]
            else:
                formula = None
            if formula:  # a drop-down that still accepts other text (names of ethnicities, for instance)
                dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
                dv.add(f"{letter}2:{letter}50000")
                ws.add_data_validation(dv)
            if col.kind == CCCD:
                for r in range(2, 202):  # text cells, so typed numbers keep their leading zero
                    ws.cell(r, i).number_format = "@"
    _write_guide(wb, lists)
    _write_codes(wb, lists)
    wb.active = 0
    write_atomically(target, wb.save)


def _code_ranges(lists: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """Where each list's codes sit on the code sheet (three columns per list: code, name, gap)."""
    ranges: dict[str, str] = {}
    for n, (key, pairs) in enumerate(lists.items()):
        letter = get_column_letter(1 + 3 * n)
        if pairs:
            ranges[key] = f"{quote_sheetname(CODES_SHEET)}!${letter}$3:${letter}${len(pairs) + 2}"
    return ranges


def _write_codes(wb: SafeWorkbook, lists: dict[str, list[tuple[str, str]]]) -> None:
    ws = wb.create_sheet(CODES_SHEET)
    for n, (key, pairs) in enumerate(lists.items()):
        col = 1 + 3 * n
        ws.cell(1, col, _CODE_TITLES[key]).font = _BOLD
        ws.cell(2, col, "Mã").font = _BOLD
        ws.cell(2, col + 1, "Tên").font = _BOLD
        for r, (code, name) in enumerate(pairs, start=3):
            ws.cell(r, col, code).number_format = "@"
            ws.cell(r, col + 1, name)
        ws.column_dimensions[get_column_letter(col)].width = 14
        ws.column_dimensions[get_column_letter(col + 1)].width = 30
    ws.freeze_panes = "A3"


def _write_guide(wb: SafeWorkbook, lists: dict[str, list[tuple[str, str]]]) -> None:
    ws = wb.create_sheet(GUIDE_SHEET)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 10
    ws.column_dimensions["D"].width = 34
    ws.column_dimensions["E"].width = 60
    ws.cell(1, 1, "HƯỚNG DẪN NHẬP DỮ LIỆU CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC").font = Font(bold=True, size=13)
    notes = [
        "Dòng 1 của mỗi trang là tiêu đề cột; không đổi tên cột. Thứ tự cột có thể khác, cột thừa được bỏ qua.",
        "Cột có dấu (*) là bắt buộc. Ngày ghi dd/mm/yyyy (ví dụ 05/03/1985) hoặc dùng kiểu ngày của Excel.",
        "Mỗi người được nhận ra bằng số CCCD: nhập lại cùng một tệp không tạo bản ghi trùng; người đã có được cập "
        "nhật, ô để trống giữ nguyên dữ liệu cũ; quá trình đã có không bị ghi đè.",
        "Phần mềm kiểm tra toàn bộ tệp trước khi ghi: nếu có một lỗi thì không ghi dòng nào và trả về danh sách "
        "lỗi (trang, dòng, cột, giá trị, nội dung) để sửa.",
        "Mã đơn vị, loại cán bộ, ngạch, trình độ … xem ở trang Danh mục.",
        "Bắt đầu từ cơ sở dữ liệu trống: ghi cơ cấu tổ chức ở trang “Đơn vị” và biên chế được giao ở trang “Biên chế”; "
        "các trang này được nhập trước trang Nhân sự, trong cùng một lần nhập.",
    ]
    for r, text in enumerate(notes, start=2):
        ws.cell(r, 1, f"{r - 1}. {text}")
    row = len(notes) + 3
    for spec in (*SHEETS, *ORG_SHEETS):
        ws.cell(row, 1, f"Trang “{spec.name}”").font = Font(bold=True, size=12)
        ws.cell(row + 1, 1, spec.purpose).alignment = Alignment(wrap_text=False)
        row += 2
        for c, title in enumerate(("Cột", "Ý nghĩa", "Bắt buộc", "Định dạng", "Mã cho phép / ví dụ"), start=1):
            cell = ws.cell(row, c, title)
            cell.font, cell.fill = _BOLD, _HEAD_FILL
        row += 1
        for col in spec.columns:
            allowed = ""
            if col.codes:
                pairs = lists.get(col.codes, [])
                shown = ", ".join(f"{code} = {name}" for code, name in pairs[:12])
                allowed = shown + (f" … (xem trang {CODES_SHEET})" if len(pairs) > 12 else "")
            if col.example:
                allowed = (allowed + "; " if allowed else "") + f"ví dụ: {col.example}"
            values = (col.header, col.help or col.title, "Có" if col.required else "", _FORMAT_HELP[col.kind],
                      allowed)
            for c, value in enumerate(values, start=1):
                ws.cell(row, c, value).alignment = _WRAP
            row += 1
        row += 1
