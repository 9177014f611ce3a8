"""Sơ yếu lý lịch cán bộ, công chức, Mẫu 2C-BNV/2008 (QĐ 02/2008/QĐ-BNV): the form's items, hint lines,
tables and wording, filled from a person's record; blanks keep the form's dotted lines. A4 portrait PDF."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import date
from typing import IO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import select

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.db.models import OrgUnit
from hrapp.masking import can_see_personal
from hrapp.queries.person_profile import PersonProfile, load_profile
from hrapp.reports.catalogue import export
from hrapp.reports.cv_2c_layout import (
    GAP,
    HINT,
    LEADING,
    SIZE,
    _Centre,
    _dotted_lines,
    _esc,
    _Fields,
    _grid,
    _heading,
    _hint,
    _style,
)
from hrapp.reports.cv_2c_values import (
    _allowances,
    _award_text,
    _birth_parts,
    _d,
    _discipline_text,
    _highest,
    _history_answers,
    _level_text,
    _m,
    _major_text,
    _period,
    _posts_text,
)
from hrapp.reports.document import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    LINE_WIDTH,
    Margins,
    OfficialDocument,
)
from hrapp.reports.format import BLANK, fmt_decimal, vn_upper
from hrapp.services.agency import get_agency

__all__ = ["FORM_CODE", "CvContext", "build_cv", "export_cv"]

FORM_CODE = "Mẫu 2C-BNV/2008"


@dataclass(frozen=True)
class CvContext:
    """What the form needs besides the person: the managing and using bodies, who signs, place and date."""

    managing_body: str  # Cơ quan, đơn vị có thẩm quyền quản lý CBCC
    using_body: str  # Cơ quan, đơn vị sử dụng CBCC
    place: str = ""
    day: date | None = None  # the declaration date; None leaves it to be written by hand
    head_name: str = ""


# ============================================================================================== the form


def build_cv(target: str | os.PathLike[str] | IO[bytes], profile: PersonProfile, ctx: CvContext,
             on: date | None = None) -> int:
    """Write the form for one person; `on` is the day the current state is read (default today)."""
    on = on or clock.today()
    doc = OfficialDocument(None, signatures=[], margins=Margins(top=20, bottom=20, left=30, right=15))
    width = doc.text_width
    i = profile.identity
    story: list[Flowable] = []
    add = story.append

    # header
    add(Paragraph(f"<b>{FORM_CODE}</b>", _style("cv-code", SIZE, FONT_BOLD, TA_RIGHT)))
    add(Spacer(1, 2))
    add(_Fields([(0.64, [("Cơ quan, đơn vị có thẩm quyền quản lý CBCC ", FONT), (ctx.managing_body, FONT)]),
                 (0.36, [("Số hiệu cán bộ, công chức: ", FONT), (i.staff_code or "", FONT)])]))
    add(_Fields([(1.0, [("Cơ quan, đơn vị sử dụng CBCC ", FONT), (ctx.using_body, FONT)])]))
    add(Spacer(1, 8))
    add(Paragraph("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", _style("cv-title", 14, FONT_BOLD, TA_CENTER, 18)))
    add(Spacer(1, 8))

    # photo box and items 1-5
    day, month, year = _birth_parts(profile)
    gender = {"M": "Nam", "F": "Nữ"}.get(i.gender, "")
    photo_w, photo_h = 30 * mm, 42 * mm
    right_w = width - photo_w - 4 * mm
    items: list[Flowable] = [
        _Fields([(1.0, [("1) Họ và tên khai sinh (viết chữ in hoa): ", FONT), (vn_upper(i.full_name), FONT_BOLD)])]),
        _Fields([(1.0, [("2) Tên gọi khác: ", FONT), (i.other_names or "", FONT)])]),
        _Fields([(0.56, [("3) Sinh ngày: ", FONT), (day or "……", FONT), (" tháng ", FONT), (month or "……", FONT),
                         (" năm ", FONT), (year or "……", FONT), (",", FONT)], "", False),
                 (0.44, [("Giới tính (nam, nữ): ", FONT), (gender, FONT)])]),
        _place_line("4) Nơi sinh: ", i.birth_place),
        _place_line("5) Quê quán: ", i.home_town),
    ]
    box = Table([[_photo(profile, photo_w, photo_h), items]], colWidths=[photo_w + 4 * mm, right_w],
                style=TableStyle([("FONT", (0, 0), (-1, -1), FONT, SIZE),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (1, 0), (1, 0), 2)]),
                hAlign="LEFT")
    add(box)
    add(Spacer(1, 4))

    # items 6-26
    add(_Fields([(0.5, [("6) Dân tộc: ", FONT), (catalogs.label("ethnicity", i.ethnicity), FONT)], ","),
                 (0.5, [("7) Tôn giáo: ", FONT), (catalogs.label("religion", i.religion), FONT)])]))
    add(_Fields([(1.0, [("8) Nơi đăng ký hộ khẩu thường trú: ", FONT), (i.permanent_address or "", FONT)])]))
    add(_hint("(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"))
    add(_Fields([(1.0, [("9) Nơi ở hiện nay: ", FONT), (i.current_address or "", FONT)])]))
    add(_hint("(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"))
    add(_Fields([(1.0, [("10) Nghề nghiệp khi được tuyển dụng: ", FONT), (i.occupation_at_recruitment or "", FONT)])]))
    first = next((e for e in profile.employments if e.recruitment_date), None)
    recruited = _d(first.recruitment_date) if first else ""
    add(_Fields([(0.42, [("11) Ngày tuyển dụng: ", FONT), (recruited or "…/…/……", FONT)], ","),
                 (0.58, [("Cơ quan tuyển dụng: ", FONT), (first.recruitment_agency if first else "", FONT)])]))
    add(_Fields([(1.0, [("12) Chức vụ (chức danh) hiện tại: ", FONT), (_posts_text(profile, on), FONT)])]))
    add(_hint("(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)"))
    add(_Fields([(1.0, [("13) Công việc chính được giao: ", FONT), (i.main_duties or "", FONT)])]))
    steps = [s for s in profile.salary_steps if s.effective_date <= on]
    step = steps[-1] if steps else None
    add(_Fields([(0.66, [("14) Ngạch công chức (viên chức): ", FONT), (profile.rank_name, FONT)], ","),
                 (0.34, [("Mã ngạch: ", FONT), (profile.rank_code or "", FONT)])]))
    add(_Fields([(0.3, [("Bậc lương: ", FONT), (str(step.step) if step else "", FONT)], ","),
                 (0.3, [("Hệ số: ", FONT), (fmt_decimal(step.coefficient) if step else "", FONT)], ","),
                 (0.4, [("Ngày hưởng: ", FONT), (_d(step.effective_date) if step else "…/…/……", FONT)], ",")]))
    position, other = _allowances(profile, on)
    add(_Fields([(0.42, [("Phụ cấp chức vụ: ", FONT), (position, FONT)], ","),
                 (0.58, [("Phụ cấp khác: ", FONT), (other, FONT)])]))
    add(_Fields([(1.0, [("15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): ", FONT),
                        (i.general_education or "", FONT)])]))
    top = _highest(profile.qualifications, "chuyen_mon")
    add(_Fields([(1.0, [("15.2- Trình độ chuyên môn cao nhất: ", FONT),
                        (f"{top.level_label} {top.major}".strip() if top else "", FONT)])]))
    add(_hint("(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành)"))
    llct, qlnn = _highest(profile.qualifications, "llct"), _highest(profile.qualifications, "qlnn")
    add(_Fields([(0.44, [("15.3- Lý luận chính trị: ", FONT), (llct.level_label if llct else "", FONT)]),
                 (0.56, [("15.4- Quản lý nhà nước: ", FONT), (qlnn.level_label if qlnn else "", FONT)])]))
    add(_hint("(Cao cấp, trung cấp, sơ cấp và tương đương)",
              "(chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, …)", fractions=[0.44, 0.56]))
    languages = ", ".join(dict.fromkeys(f"{q.language} {q.level_code}".strip() for q in profile.qualifications
                                        if q.kind == "ngoai_ngu" and not q.in_progress))
    it = _highest(profile.qualifications, "tin_hoc")
    add(_Fields([(0.5, [("15.5- Ngoại ngữ: ", FONT), (languages, FONT)], ","),
                 (0.5, [("15.6- Tin học: ", FONT), (it.level_label if it else "", FONT)])]))
    add(_hint("(Tên ngoại ngữ + Trình độ A, B, C, D……)", "(Trình độ A, B, C, …)"))
    add(_Fields([(0.6, [("16) Ngày vào Đảng Cộng sản Việt Nam: ", FONT),
                        (_d(i.party_join_date) or "…/…/……", FONT)], ","),
                 (0.4, [("Ngày chính thức: ", FONT), (_d(i.party_official_date) or "…/…/……", FONT)])]))
    add(_Fields([(1.0, [("17) Ngày tham gia tổ chức chính trị - xã hội: ", FONT), (i.union_join_info or "", FONT)])]))
    add(_hint("(Ngày tham gia tổ chức: Đoàn, Hội, … và làm việc gì trong tổ chức đó)"))
    add(_Fields([(0.34, [("18) Ngày nhập ngũ: ", FONT), (_d(i.army_join_date) or "…/…/……", FONT)], ","),
                 (0.3, [("Ngày xuất ngũ: ", FONT), (_d(i.army_leave_date) or "…/…/……", FONT)]),
                 (0.36, [("Quân hàm cao nhất: ", FONT), (i.army_rank or "", FONT)])]))
    add(_Fields([(1.0, [("19) Danh hiệu được phong tặng cao nhất ", FONT), (i.highest_title or "", FONT)])]))
    add(_hint("(Anh hùng lao động, anh hùng lực lượng vũ trang; nhà giáo, thầy thuốc, nghệ sĩ nhân dân và ưu tú, …)"))
    add(_Fields([(1.0, [("20) Sở trường công tác: ", FONT), (i.strengths or "", FONT)])]))
    add(_Fields([(0.42, [("21) Khen thưởng: ", FONT), (_award_text(profile), FONT)], ","),
                 (0.58, [("22) Kỷ luật: ", FONT), (_discipline_text(profile), FONT)])]))
    add(_hint("(Hình thức cao nhất, năm nào)", "(về đảng, chính quyền, đoàn thể hình thức cao nhất, năm nào)",
              fractions=[0.42, 0.58]))
    add(_Fields([(0.37, [("23) Tình trạng sức khoẻ: ", FONT), (i.health or "", FONT)], ","),
                 (0.22, [("Chiều cao: ", FONT), (f"{i.height_cm} cm" if i.height_cm else "", FONT)], ","),
                 (0.22, [("Cân nặng: ", FONT), (f"{i.weight_kg} kg" if i.weight_kg else "", FONT)], ","),
                 (0.19, [("Nhóm máu: ", FONT), (i.blood_type or "", FONT)])]))
    add(_Fields([(0.42, [("24) Là thương binh hạng: ", FONT), (i.war_invalid_grade or "…/……", FONT)], ","),
                 (0.58, [("Là con gia đình chính sách: ", FONT), (i.policy_family or "", FONT)])]))
    add(_hint("", "(Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin)", fractions=[0.42, 0.58]))
    add(_Fields([(0.62, [("25) Số chứng minh nhân dân: ", FONT), (i.id_number or "", FONT)]),
                 (0.38, [("Ngày cấp: ", FONT), (_d(i.id_issue_date) or "…/…/……", FONT)])]))
    add(_Fields([(1.0, [("26) Số sổ BHXH: ", FONT), (i.social_insurance_no or "", FONT)])]))
    add(Spacer(1, 6))

    # 27) training
    head27: list[object] = ["Tên trường", "Chuyên ngành đào tạo, bồi dưỡng", "Từ tháng, năm - đến tháng, năm",
              "Hình thức đào tạo", "Văn bằng, chứng chỉ, trình độ gì"]
    quals = sorted(profile.qualifications, key=lambda q: (q.start_date or q.end_date or date(q.year or 1900, 1, 1)))
    rows27: list[list[object]] = [head27] + [
        [q.institution, _major_text(q), _Centre(_period(q.start_date, q.end_date if not q.in_progress else None,
                                                        year=q.year)),
         _Centre(q.mode_label), _level_text(q)] for q in quals]
    rows27 += [["", "", _Centre(f"{GAP}-{GAP}"), "", ""] for _ in range(max(0, 4 - len(quals)))]
    # a heading never ends a page: at least a few rows follow it; long tables split with their header
    story += [CondPageBreak(45 * mm), _heading("27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, "
                                               "ngoại ngữ, tin học"), Spacer(1, 3),
              _grid(rows27, [90, 121, 105, 67, 87], width)]
    add(Spacer(1, 2))
    add(Paragraph("<b>Ghi chú:</b> Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng …/ Văn bằng: TSKH, "
                  "TS, Ths, Cử nhân, Kỹ sư …", _style("cv-note", HINT + 1, FONT, TA_LEFT)))
    add(Spacer(1, 8))

    # 28) work history
    head28: list[object] = ["Từ tháng, năm đến tháng, năm", "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, "
              "tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ,……"]
    rows28: list[list[object]] = [head28] + [[_Centre(p), text] for p, text in _work_lines(profile)]
    rows28 += [[_Centre(f"{GAP} - {GAP}"), ""] for _ in range(max(0, 3 - (len(rows28) - 1)))]
    story += [CondPageBreak(40 * mm), _heading("28) Tóm tắt quá trình công tác"), Spacer(1, 3),
              _grid(rows28, [120, 350], width)]
    add(Spacer(1, 8))

    # 29) personal history
    answers = _history_answers(i.history_notes)
    prompts = [
        "- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những "
        "vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời "
        "gian làm việc …)",
        "- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ chức "
        "nào, đặt trụ sở ở đâu …?):",
        "- Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ …)?",
    ]
    block: list[Flowable] = [_heading("29) Đặc điểm lịch sử bản thân:")]
    prompt_style = _style("cv-prompt", SIZE, FONT, TA_JUSTIFY, LEADING)
    for prompt, answer in zip(prompts, answers, strict=True):
        block.append(Paragraph(_esc(prompt), prompt_style))
        block.append(_Fields([(1.0, [(answer, FONT)])]))
        block.extend(_dotted_lines(1 if answer else 2))
    add(KeepTogether(block))
    add(Spacer(1, 8))

    # 30) family
    head30: list[object] = ["Mối quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, "
              "học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội …)"]
    story += [CondPageBreak(50 * mm), _heading("30) Quan hệ gia đình")]
    for side, title in (("self", "a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"),
                        ("spouse", "b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột")):
        members = [f for f in profile.family if f.side == side]
        rows30: list[list[object]] = [head30] + [
            [f.relation, f.full_name, _Centre(str(f.birth_year or "")), f.details] for f in members]
        rows30 += [["", "", "", ""] for _ in range(max(0, 2 - len(members)))]
        story += [CondPageBreak(35 * mm),
                  Paragraph(_esc(title), _style("cv-sub", SIZE, FONT_BOLD_ITALIC, TA_LEFT, LEADING)), Spacer(1, 3),
                  _grid(rows30, [54, 116, 58, 243], width)]
        add(Spacer(1, 6))

    # 31) salary grid, 9 columns a block
    block = [_heading("31) Diễn biến quá trình lương của cán bộ, công chức"), Spacer(1, 3)]
    salary = list(profile.salary_steps)
    chunks = [salary[k:k + 9] for k in range(0, len(salary), 9)] or [[]]
    grids: list[Flowable] = []
    for chunk in chunks:
        pad = 9 - len(chunk)
        rows31: list[list[object]] = [
            ["Tháng/năm", *[_Centre(_m(s.effective_date)) for s in chunk], *[""] * pad],
            ["Mã ngạch/bậc", *[_Centre(f"{s.rank_code}/{s.step}") for s in chunk], *[""] * pad],
            ["Hệ số lương", *[_Centre(fmt_decimal(s.coefficient)) for s in chunk], *[""] * pad],
        ]
        grids += [_grid(rows31, [85] + [42.8] * 9, width, header_rows=0, bold_first_col=True, repeat=False,
                        size=9.5),
                  Spacer(1, 4)]
    add(KeepTogether(block + grids[:2]))
    for k in range(2, len(grids), 2):  # a grid's three lines never part (its months away from its coefficients)
        add(KeepTogether(grids[k:k + 2]))
    add(Spacer(1, 6))

    # 32) assessment, then the signatures: one block, so the last page never holds the signatures alone
    add(KeepTogether([_heading("32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức"),
                      *_dotted_lines(6), Spacer(1, 8), *_closing(profile, ctx, width)]))

    for flowable in story:
        doc.flowable(flowable)
    return doc.build(target)


def _place_line(label: str, value: str | None) -> Flowable:
    if value:
        return _Fields([(1.0, [(label, FONT), (value, FONT)])])
    return _Fields([(0.36, [(label + "Xã ", FONT)]), (0.32, [(", Huyện ", FONT)]), (0.32, [(", Tỉnh ", FONT)])])


def _photo(profile: PersonProfile, width: float, height: float) -> Flowable:
    """The photo scaled into the 4x6 box, or the empty box with its caption."""
    if profile.photo:
        try:
            reader = ImageReader(io.BytesIO(profile.photo))
            iw, ih = reader.getSize()
            scale = min(width / iw, height / ih)
            return Image(io.BytesIO(profile.photo), width=iw * scale, height=ih * scale)
        except Exception:  # noqa: BLE001 - a damaged image prints the empty box rather than failing the form
            pass
    caption = Paragraph("Ảnh màu<br/>(4 x 6 cm)", _style("cv-photo", HINT, FONT, TA_CENTER))
    return Table([[caption]], colWidths=[width], rowHeights=[height],
                 style=TableStyle([("BOX", (0, 0), (-1, -1), LINE_WIDTH, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONT", (0, 0), (-1, -1), FONT, HINT)]))


def _work_lines(profile: PersonProfile) -> list[tuple[str, str]]:
    """The person's own lines of item 28, or lines made from the employment periods and posts."""
    if profile.work_history:
        return [(_period(w.from_date, w.to_date), w.description) for w in profile.work_history]
    out: list[tuple[date, str, str]] = []
    for e in profile.employments:
        what = f"{e.category_label.split(' (')[0]}, {e.unit_name}"
        out.append((e.start_date, _period(e.start_date, e.end_date), what))
    for p in profile.posts:
        out.append((p.start_date, _period(p.start_date, p.end_date), f"{p.post_title} {p.unit_name}".strip()))
    return [(period, text) for _, period, text in sorted(out, key=lambda x: x[0])]


def _closing(profile: PersonProfile, ctx: CvContext, width: float) -> list[Flowable]:
    if ctx.day is not None:
        month = f"{ctx.day.month:02d}" if ctx.day.month < 3 else str(ctx.day.month)  # NĐ 30/2020 Phụ lục I
        line = f"{ctx.place or BLANK * 2}, Ngày {ctx.day.day:02d} tháng {month} năm {ctx.day.year}"
    else:
        line = f"{ctx.place or '………………'}, Ngày……. tháng…… năm ………"
    italic = _style("cv-date", SIZE, FONT_ITALIC, TA_CENTER, LEADING)
    bold = _style("cv-sign", SIZE + 1, FONT_BOLD, TA_CENTER, LEADING)
    plain = _style("cv-sign-text", SIZE, FONT, TA_CENTER, LEADING)
    small = _style("cv-sign-cap", SIZE - 1, FONT_ITALIC, TA_CENTER, LEADING)
    left = [Paragraph("Người khai", bold),
            Paragraph("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", plain),
            Paragraph("(Ký tên, ghi rõ họ tên)", small), Spacer(1, 22 * mm),
            Paragraph(_esc(profile.full_name), bold)]
    right = [Paragraph("Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC", bold),
             Paragraph("(Ký tên, đóng dấu)", small), Spacer(1, 22 * mm + LEADING),
             Paragraph(_esc(ctx.head_name), bold)]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55],
                  style=TableStyle([("FONT", (0, 0), (-1, -1), FONT, SIZE),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    date_line = Table([["", Paragraph(_esc(line), italic)]], colWidths=[width * 0.45, width * 0.55],
                      style=TableStyle([("FONT", (0, 0), (-1, -1), FONT, SIZE), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [date_line, Spacer(1, 3), table]


# ============================================================================================== service


def cv_context(ctx: ServiceContext, profile: PersonProfile, day: date | None = None) -> CvContext:
    """The managing body (the department, the root of the person's unit), the using unit, place, signer."""
    agency = get_agency(ctx)
    with ctx.read() as s:
        units = {u.id: u for u in s.scalars(select(OrgUnit))}
    managing = ""
    using = ""
    unit = units.get(profile.unit_id) if profile.unit_id else None
    chain: list[OrgUnit] = []
    while unit is not None and unit.id not in {u.id for u in chain}:
        chain.append(unit)
        unit = units.get(unit.parent_id) if unit.parent_id else None
    if chain:
        managing = chain[-1].name
        using = ", ".join(u.name for u in chain[:-1]) or chain[0].name
        if len(chain) > 1:
            using = f"{using}, {chain[-1].name}"
    return CvContext(managing_body=managing or agency.name, using_body=using,
                     place=agency.place, day=day, head_name=agency.head_name)


@dataclass(frozen=True)
class CvData:
    person_id: int
    profile: PersonProfile
    context: CvContext
    masked: bool  # the role may not see personal data: it is masked on the printout


def cv_data(ctx: ServiceContext, person_id: int, day: date | None = None) -> CvData:
    profile = load_profile(ctx, person_id)
    return CvData(person_id, profile, cv_context(ctx, profile, day), not can_see_personal(ctx))


def export_cv(ctx: ServiceContext, target: str | os.PathLike[str] | IO[bytes], person_id: int) -> int:
    """The catalogue's "cv" document (hrapp.reports.catalogue.export): the person's Sơ yếu lý lịch as PDF, personal
    data masked for roles that may not see it. Returns the page count."""
    written = export(ctx, "cv", {"person": person_id}, target, fmt=".pdf").written
    assert isinstance(written, int)
    return written
